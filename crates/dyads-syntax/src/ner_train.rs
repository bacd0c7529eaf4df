//! Training and cross-validating the recogniser.
//!
//! The recogniser learns from UNER English EWT dev (CC BY-SA 4.0), whose
//! sentences are tagged and parsed by the pipeline's own models, with a
//! gazetteer built from the project's lexicon (`dyads-lexicon/data`) and
//! word statistics from the unlabeled words of UD English EWT train. The
//! epoch count is chosen by cross-validation over documents.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::conllu::read_conllu_file;
use crate::error::Result;
use crate::iob2::{entities, Entity, Iob2Sentence};
use crate::ner::{self, NerInput, Recognizer};
use crate::ner_doc;
use crate::ner_gazetteer::Gazetteer;
use crate::ner_words::WordStats;
use crate::pipeline::{Analysis, Pipeline, Scratch};
use crate::tagset::ENTITY_TYPES;

/// Folds of the cross-validation.
pub const FOLDS: usize = 5;

/// Epoch counts tried.
const CHECKPOINTS: [usize; 6] = [3, 4, 5, 6, 8, 10];

/// Where the lexicon's data files are in the source tree.
pub fn lexicon_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../dyads-lexicon/data")
}

/// Entity counts per type (`PER`, `ORG`, `LOC`): true positives,
/// predicted, gold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    /// `(tp, predicted, gold)` per type, in [`ENTITY_TYPES`] order.
    pub per_type: Vec<(usize, usize, usize)>,
}

fn prf(tp: usize, np: usize, ng: usize) -> (f64, f64, f64) {
    let p = if np == 0 { 0.0 } else { tp as f64 / np as f64 };
    let r = if ng == 0 { 0.0 } else { tp as f64 / ng as f64 };
    let f = if tp == 0 {
        0.0
    } else {
        2.0 * tp as f64 / (np + ng) as f64
    };
    (p, r, f)
}

impl Counts {
    fn add(&mut self, pred: &[(usize, usize, usize)], gold: &[Entity]) {
        self.per_type.resize(ENTITY_TYPES.len(), (0, 0, 0));
        for (t, row) in self.per_type.iter_mut().enumerate() {
            let name = ENTITY_TYPES[t];
            let g: Vec<&Entity> = gold.iter().filter(|e| e.label == name).collect();
            let p: Vec<_> = pred.iter().filter(|e| e.2 == t).collect();
            row.0 += p
                .iter()
                .filter(|(s, e, _)| g.iter().any(|x| x.start == *s && x.end == *e))
                .count();
            row.1 += p.len();
            row.2 += g.len();
        }
    }

    /// Micro-averaged entity F1 over all types.
    pub fn f1(&self) -> f64 {
        let (tp, np, ng) = self
            .per_type
            .iter()
            .fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
        prf(tp, np, ng).2
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut all = (0, 0, 0);
        for (t, &(tp, np, ng)) in self.per_type.iter().enumerate() {
            let (p, r, f1) = prf(tp, np, ng);
            writeln!(
                f,
                "  {:<4} P {p:.3} R {r:.3} F1 {f1:.3} ({ng} gold)",
                ENTITY_TYPES[t]
            )?;
            all = (all.0 + tp, all.1 + np, all.2 + ng);
        }
        let (p, r, f1) = prf(all.0, all.1, all.2);
        writeln!(f, "  all  P {p:.3} R {r:.3} F1 {f1:.3} ({} gold)", all.2)
    }
}

/// UNER sentences analysed by the pipeline, with gold classes, gold
/// entities and document index.
struct Analysed {
    a: Analysis,
    gold: Vec<u8>,
    entities: Vec<Entity>,
    doc: usize,
}

fn analyse(p: &Pipeline, uner: &[Iob2Sentence]) -> Vec<Analysed> {
    let mut s = Scratch::default();
    let mut doc = 0;
    let mut out = Vec::new();
    for (k, u) in uner.iter().enumerate() {
        if k > 0 && u.comments.iter().any(|c| c.starts_with("newdoc")) {
            doc += 1;
        }
        if u.forms.is_empty() {
            continue;
        }
        let forms: Vec<&str> = u.forms.iter().map(String::as_str).collect();
        out.push(Analysed {
            a: p.analyse(&forms, &mut s),
            gold: ner::bilou(&u.tags),
            entities: entities(&u.tags),
            doc,
        });
    }
    out
}

fn input(a: &Analysis) -> NerInput<'_> {
    NerInput {
        lex: &a.lex,
        amb: &a.amb,
        upos: &a.upos,
        xpos: &a.xpos,
        heads: &a.heads,
        labels: &a.labels,
    }
}

/// The name lists: the lexicon's gazetteer and EWT train word statistics.
fn resources(ud_dir: &Path, log: &mut dyn FnMut(String)) -> Result<(Gazetteer, WordStats)> {
    let gaz = Gazetteer::from_lexicon(&lexicon_dir())?;
    let ewt = read_conllu_file(&ud_dir.join("en_ewt-ud-train.conllu"))?;
    let words = WordStats::learn(&ewt);
    log(format!(
        "ner: {} listed names, {} words with statistics",
        gaz.len(),
        words.len()
    ));
    Ok((gaz, words))
}

/// Cross-validated counts for each epoch count of [`CHECKPOINTS`].
fn cross_validate_all(
    data: &[Analysed],
    gaz: &Gazetteer,
    words: &WordStats,
    log: &mut dyn FnMut(String),
) -> Vec<Counts> {
    let mut counts = vec![Counts::default(); CHECKPOINTS.len()];
    let (mut feats, mut scores) = (Vec::new(), Vec::new());
    for f in 0..FOLDS {
        let fit: Vec<_> = data
            .iter()
            .filter(|d| d.doc % FOLDS != f)
            .map(|d| (input(&d.a), d.gold.clone()))
            .collect();
        let models = ner::train(&fit, &CHECKPOINTS, gaz, words);
        let held: Vec<&Analysed> = data.iter().filter(|d| d.doc % FOLDS == f).collect();
        for (m, c) in models.iter().zip(counts.iter_mut()) {
            let preds: Vec<Vec<(usize, usize, usize)>> = held
                .iter()
                .map(|d| ner::spans(&m.classes(&input(&d.a), &mut feats, &mut scores)))
                .collect();
            for (d, pred) in held.iter().zip(by_document(&held, preds)) {
                c.add(&pred, &d.entities);
            }
        }
        log(format!("ner: fold {} of {FOLDS} done", f + 1));
    }
    counts
}

/// Applies document-level consistency to predictions, document by document.
fn by_document(
    held: &[&Analysed],
    mut preds: Vec<Vec<(usize, usize, usize)>>,
) -> Vec<Vec<(usize, usize, usize)>> {
    let mut start = 0;
    while start < held.len() {
        let doc = held[start].doc;
        let end = held[start..]
            .iter()
            .position(|d| d.doc != doc)
            .map_or(held.len(), |k| start + k);
        let lex: Vec<&[crate::lexical::Lex]> = held[start..end]
            .iter()
            .map(|d| d.a.lex.as_slice())
            .collect();
        ner_doc::harmonize(&lex, &mut preds[start..end]);
        start = end;
    }
    preds
}

/// Cross-validates the recogniser on `uner` over [`FOLDS`] folds of whole
/// documents; returns the counts of the best epoch count and that count.
pub fn cross_validate(
    p: &Pipeline,
    ud_dir: &Path,
    uner: &[Iob2Sentence],
    log: &mut dyn FnMut(String),
) -> Result<(Counts, usize)> {
    let (gaz, words) = resources(ud_dir, log)?;
    let data = analyse(p, uner);
    let all = cross_validate_all(&data, &gaz, &words, log);
    Ok(best(all, log))
}

fn best(all: Vec<Counts>, log: &mut dyn FnMut(String)) -> (Counts, usize) {
    let mut out = (Counts::default(), CHECKPOINTS[0]);
    for (c, e) in all.into_iter().zip(CHECKPOINTS) {
        log(format!(
            "ner {e} epochs: cross-validated F1 {:.2}",
            100.0 * c.f1()
        ));
        if c.f1() > out.0.f1() {
            out = (c, e);
        }
    }
    out
}

/// Trains the recogniser on all of `uner` with the epoch count chosen by
/// cross-validation; returns it, the cross-validated F1 (percent) and the
/// epoch count.
pub fn train(
    p: &Pipeline,
    ud_dir: &Path,
    uner: &[Iob2Sentence],
    log: &mut dyn FnMut(String),
) -> Result<(Recognizer, f64, usize)> {
    let (gaz, words) = resources(ud_dir, log)?;
    let data = analyse(p, uner);
    let (counts, epochs) = best(cross_validate_all(&data, &gaz, &words, log), log);
    log(format!("ner cross-validation ({epochs} epochs):\n{counts}"));
    let all: Vec<_> = data.iter().map(|d| (input(&d.a), d.gold.clone())).collect();
    let model = ner::train(&all, &[epochs], &gaz, &words)
        .pop()
        .unwrap_or_default();
    Ok((model, 100.0 * counts.f1(), epochs))
}

/// Seconds spent tagging and parsing `uner`'s sentences, and seconds spent
/// recognising entities in them (the recogniser's share of the pipeline).
pub fn timing(p: &Pipeline, uner: &[Iob2Sentence]) -> (f64, f64) {
    let start = std::time::Instant::now();
    let data = analyse(p, uner);
    let analysed = start.elapsed().as_secs_f64();
    let start = std::time::Instant::now();
    let (mut feats, mut scores) = (Vec::new(), Vec::new());
    let mut found = 0;
    for d in &data {
        found += ner::spans(&p.ner.classes(&input(&d.a), &mut feats, &mut scores)).len();
    }
    let held: Vec<&Analysed> = data.iter().collect();
    let preds = data
        .iter()
        .map(|d| ner::spans(&p.ner.classes(&input(&d.a), &mut feats, &mut scores)))
        .collect();
    found += by_document(&held, preds)
        .iter()
        .map(Vec::len)
        .sum::<usize>();
    let recognised = start.elapsed().as_secs_f64() / 2.0;
    std::hint::black_box(found);
    (analysed, recognised)
}
