//! `dyads eval <format> GOLD PRED`: score a prediction against gold data
//! with the dyads-eval scorers. One [`EvalCommand`] variant per gold
//! format; each has its own `run_*` function below.

use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Subcommand;
use serde_json::json;

use dyads_eval::conllu::ConlluScores;
use dyads_eval::iob2::{Counts, Iob2Scores};
use dyads_syntax::stream::{Block, Blocks};

/// Gold formats `dyads eval` scores.
#[derive(Subcommand, Debug)]
pub enum EvalCommand {
    /// Tags, lemmas and dependencies against gold CoNLL-U, on gold
    /// tokenisation (as the CoNLL 2018 scorer does when the words agree):
    /// UPOS, XPOS, UFeats, Lemmas, UAS, LAS (universal relation) and
    /// LAS-full. Every word counts, punctuation included. PRED must have
    /// the same sentences and words as GOLD (make it with
    /// `dyads parse --conllu GOLD`); the first difference is an error
    /// naming both files and lines.
    Conllu {
        /// Gold CoNLL-U file.
        gold: PathBuf,
        /// Predicted CoNLL-U file.
        pred: PathBuf,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Entities against gold IOB2 (`id<TAB>form<TAB>tag` lines): entity-level
    /// precision, recall and F1 per type and overall (an entity counts when
    /// its span and type both match). PRED must have the same sentences and
    /// tokens (make it with `dyads parse --iob2 GOLD`).
    Iob2 {
        /// Gold IOB2 file.
        gold: PathBuf,
        /// Predicted IOB2 file.
        pred: PathBuf,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Time expressions against TimeML (TempEval-3 task A) on every `.tml`
    /// file under DIR: strict and relaxed span P/R/F1, value accuracy and
    /// value F1, type accuracy, per corpus (first directory level), overall,
    /// and on the tuning and held-out parts (every fifth file of a corpus is
    /// held out).
    Timeml {
        /// Directory of `.tml` files (e.g. TBAQ-cleaned).
        dir: PathBuf,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
        /// Write one line per miss, spurious expression or wrong value of the
        /// tuning part here (the held-out part's errors stay unread).
        #[arg(long)]
        errors: Option<PathBuf>,
    },
    /// The TABARI validation suite (`Validate.text` in DIR) coded with its
    /// own dictionaries (those `Validate.project` names): micro P/R/F1
    /// over (source, target, code) triples and the exact-record rate; one
    /// JSON line per record (expected, produced, pass) goes to --out.
    Tabari {
        /// Directory holding Validate.project, Validate.text and the
        /// dictionaries.
        dir: PathBuf,
        /// Per-record results (default: dyads-eval-tabari.jsonl in the
        /// system temp dir).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// PLOVER gold records (JSON) coded with the built-in lexicons: PLOVER
    /// type accuracy of each record's main event (and of any event), source
    /// and target country accuracy. --errors lists the wrong types.
    Plover {
        /// The records file (PLOVER_GSR_CAMEO.json).
        json_file: PathBuf,
        /// Print one line per record with a wrong type.
        #[arg(long)]
        errors: bool,
    },
    /// PETRARCH unit-test records (XML) coded from their text with the
    /// actor, agent, discard and verb dictionaries in --dict; scored like
    /// `eval tabari` (active records that are not error tests).
    Petrarch {
        /// The records file (PETR.UnitTest.records.xml).
        xml: PathBuf,
        /// Directory of dictionaries (names with verbs, actors, agents,
        /// discards).
        #[arg(long)]
        dict: PathBuf,
        /// Per-record results (default: dyads-eval-petrarch.jsonl in the
        /// system temp dir).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
}

/// Runs an eval command.
pub fn run(command: EvalCommand) -> Result<ExitCode> {
    match command {
        EvalCommand::Conllu { gold, pred, json } => run_conllu(&gold, &pred, json),
        EvalCommand::Iob2 { gold, pred, json } => run_iob2(&gold, &pred, json),
        EvalCommand::Timeml { dir, json, errors } => {
            crate::dates::eval_timeml(&dir, json, errors.as_deref())
        }
        EvalCommand::Plover { json_file, errors } => {
            let r = dyads_eval::events::score_plover_file(&json_file)?;
            print!("{r}");
            if errors {
                for e in &r.errors {
                    println!("  {e}");
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Tabari { dir, out, json } => {
            crate::eval_dict::run_tabari(&dir, out.as_deref(), json)
        }
        EvalCommand::Petrarch {
            xml,
            dict,
            out,
            json,
        } => crate::eval_dict::run_petrarch(&xml, &dict, out.as_deref(), json),
    }
}

/// A sentence of a file with the line of each of its words.
struct Located<S> {
    sentence: S,
    first_line: usize,
    word_lines: Vec<usize>,
}

/// Reads every sentence block of `path`, parsing each with `parse`.
fn read_located<S>(
    path: &Path,
    parse: impl Fn(&Block, &str) -> dyads_syntax::Result<S>,
) -> Result<Vec<Located<S>>> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).with_context(|| format!("{name}: cannot read"))?;
    let mut out = Vec::new();
    for block in Blocks::new(BufReader::new(file)) {
        let block = block.with_context(|| format!("{name}: cannot read"))?;
        let sentence = parse(&block, &name)?;
        out.push(Located {
            sentence,
            first_line: block.first_line,
            word_lines: block.word_lines(),
        });
    }
    Ok(out)
}

/// Checks that `pred` has the sentences and word forms of `gold`.
fn align<S>(
    (gold_path, gold): (&Path, &[Located<S>]),
    (pred_path, pred): (&Path, &[Located<S>]),
    forms: impl Fn(&S) -> Vec<&str>,
) -> Result<()> {
    let (g, p) = (gold_path.display(), pred_path.display());
    for (k, (gs, ps)) in gold.iter().zip(pred).enumerate() {
        let (gf, pf) = (forms(&gs.sentence), forms(&ps.sentence));
        for (i, (a, b)) in gf.iter().zip(&pf).enumerate() {
            if a != b {
                bail!(
                    "{p}:{}: word {} of sentence {} is {b:?} but {g}:{} has {a:?}: the token sequences do not align",
                    ps.word_lines.get(i).unwrap_or(&ps.first_line),
                    i + 1,
                    k + 1,
                    gs.word_lines.get(i).unwrap_or(&gs.first_line),
                );
            }
        }
        if gf.len() != pf.len() {
            bail!(
                "{p}:{}: sentence {} has {} words but {g}:{} has {}: the token sequences do not align",
                ps.first_line,
                k + 1,
                pf.len(),
                gs.first_line,
                gf.len()
            );
        }
    }
    if gold.len() != pred.len() {
        let (file, line) = match (gold.get(pred.len()), pred.get(gold.len())) {
            (Some(gs), _) => (g.to_string(), gs.first_line),
            (_, Some(ps)) => (p.to_string(), ps.first_line),
            _ => (p.to_string(), 0),
        };
        bail!(
            "{file}:{line}: {g} has {} sentences but {p} has {}: the token sequences do not align",
            gold.len(),
            pred.len()
        );
    }
    Ok(())
}

fn run_conllu(gold_path: &Path, pred_path: &Path, as_json: bool) -> Result<ExitCode> {
    let gold = read_located(gold_path, |b, n| b.conllu(n))?;
    let pred = read_located(pred_path, |b, n| b.conllu(n))?;
    align((gold_path, &gold), (pred_path, &pred), |s| {
        s.words.iter().map(|w| w.form.as_str()).collect()
    })?;
    let take = |v: Vec<Located<_>>| v.into_iter().map(|l| l.sentence).collect::<Vec<_>>();
    let scores = dyads_eval::conllu::score(&take(gold), &take(pred))?;
    if as_json {
        println!("{}", conllu_json(&scores));
    } else {
        print!("{scores}");
    }
    Ok(ExitCode::SUCCESS)
}

fn conllu_json(s: &ConlluScores) -> serde_json::Value {
    let metric = |c: usize| json!({ "correct": c, "percent": s.pct(c) });
    json!({
        "words": s.words,
        "UPOS": metric(s.upos),
        "XPOS": metric(s.xpos),
        "UFeats": metric(s.ufeats),
        "Lemmas": metric(s.lemma),
        "UAS": metric(s.uas),
        "LAS": metric(s.las),
        "LAS-full": metric(s.las_full),
    })
}

fn run_iob2(gold_path: &Path, pred_path: &Path, as_json: bool) -> Result<ExitCode> {
    let gold = read_located(gold_path, |b, n| b.iob2(n))?;
    let pred = read_located(pred_path, |b, n| b.iob2(n))?;
    align((gold_path, &gold), (pred_path, &pred), |s| {
        s.forms.iter().map(String::as_str).collect()
    })?;
    let take = |v: Vec<Located<_>>| v.into_iter().map(|l| l.sentence).collect::<Vec<_>>();
    let scores = dyads_eval::iob2::score(&take(gold), &take(pred))?;
    if as_json {
        println!("{}", iob2_json(&scores));
    } else {
        print!("{scores}");
    }
    Ok(ExitCode::SUCCESS)
}

fn iob2_json(s: &Iob2Scores) -> serde_json::Value {
    let counts = |c: &Counts| {
        json!({
            "gold": c.gold,
            "pred": c.pred,
            "correct": c.correct,
            "precision": c.precision(),
            "recall": c.recall(),
            "f1": c.f1(),
        })
    };
    let by_type: serde_json::Map<String, serde_json::Value> = s
        .by_type
        .iter()
        .map(|(k, c)| (k.clone(), counts(c)))
        .collect();
    json!({ "overall": counts(&s.overall), "by_type": by_type })
}
