//! Actor resolution against the seed gold (`gold/seeds/actors.jsonl`), and
//! a load report of the PETRARCH/TABARI dictionaries under `eval/`.
//!
//! **Matching.** Each seed article is read, cleaned, parsed and resolved
//! with the built-in lexicon on its own publication date (as dyads reads
//! it). Gold actors marked `in_body: false` (named only in bylines or
//! author notes, which cleaning removes) are left out; gold type `country`
//! is our `state`. A system actor matches a gold actor of the same document
//! when their canonical names are equal after the lexicon's normaliser
//! (case, diacritics, hyphens, apostrophes; a leading `the` dropped), or
//! when they share a surface form (same normalisation; forms the gold marks
//! ambiguous do not count). Pairs are matched one to one, best first
//! (a canonical match outranks shared forms; more shared forms outrank
//! fewer).
//!
//! **Scores.** Precision and recall of (document, actor, country, sector):
//! a matched pair counts when country and sector are equal too (both null
//! is equal). Identity alone (matched pairs) is reported beside it. The
//! surface-form share is the share of gold surface forms (normalised) found
//! among the surface forms of the system actor matched to their gold actor.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use dyads_coder::actors::{document_date, resolve, DocActor};
use dyads_lexicon::normalize::normalize;
use dyads_lexicon::{DictReport, Lexicon};
use dyads_syntax::Pipeline;
use dyads_text::{clean, read_input, Limits};

use crate::{Error, Result};

/// One gold actor line.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldActor {
    /// The seed file name.
    pub doc: String,
    /// The canonical name.
    pub canonical: String,
    /// Every spelling used in the document.
    #[serde(default)]
    pub surface_forms: Vec<String>,
    /// `person`, `country`, `organization` or `place`.
    #[serde(rename = "type")]
    pub kind: String,
    /// ISO alpha-3 code or null.
    pub country: Option<String>,
    /// Sector code or null.
    pub sector: Option<String>,
    /// False for actors named only outside the body.
    #[serde(default)]
    pub in_body: Option<bool>,
    /// Forms that may refer to several actors.
    #[serde(default)]
    pub ambiguous_forms: Vec<String>,
}

/// The scores of one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocScore {
    /// The seed file name.
    pub doc: String,
    /// Gold actors scored.
    pub gold: usize,
    /// System actors.
    pub system: usize,
    /// Matched pairs (identity).
    pub matched: usize,
    /// Matched pairs with equal country and sector.
    pub correct: usize,
    /// Gold surface forms.
    pub forms: usize,
    /// Gold surface forms attached to the right actor.
    pub forms_attached: usize,
    /// Gold actors with no system actor (`canonical [type]`).
    pub missed: Vec<String>,
    /// Matched pairs whose country or sector differ (`name: got/want`).
    pub wrong: Vec<String>,
    /// System actors with no gold actor (`canonical`).
    pub spurious: Vec<String>,
    /// Gold surface forms of matched actors that their system actor lacks
    /// (`canonical: form`).
    pub unattached: Vec<String>,
}

/// Scores over the seed documents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// One entry per document.
    pub docs: Vec<DocScore>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Report {
    fn sum(&self, f: impl Fn(&DocScore) -> usize) -> usize {
        self.docs.iter().map(f).sum()
    }

    /// Precision of (document, actor, country, sector).
    pub fn precision(&self) -> f64 {
        ratio(self.sum(|d| d.correct), self.sum(|d| d.system))
    }

    /// Recall of (document, actor, country, sector).
    pub fn recall(&self) -> f64 {
        ratio(self.sum(|d| d.correct), self.sum(|d| d.gold))
    }

    /// Precision and recall of identity alone (matched pairs).
    pub fn identity(&self) -> (f64, f64) {
        let m = self.sum(|d| d.matched);
        (
            ratio(m, self.sum(|d| d.system)),
            ratio(m, self.sum(|d| d.gold)),
        )
    }

    /// Share of gold surface forms attached to the right actor.
    pub fn surface_share(&self) -> f64 {
        ratio(self.sum(|d| d.forms_attached), self.sum(|d| d.forms))
    }

    /// Every miss, wrong attribute and spurious actor, one line each.
    pub fn details(&self) -> Vec<String> {
        let mut out = Vec::new();
        for d in &self.docs {
            out.extend(d.missed.iter().map(|m| format!("{}: missed {m}", d.doc)));
            out.extend(d.wrong.iter().map(|m| format!("{}: wrong {m}", d.doc)));
            out.extend(
                d.spurious
                    .iter()
                    .map(|m| format!("{}: spurious {m}", d.doc)),
            );
            out.extend(
                d.unattached
                    .iter()
                    .map(|m| format!("{}: unattached {m}", d.doc)),
            );
        }
        out
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.docs {
            writeln!(
                f,
                "  {:<28} gold {:>3}  system {:>3}  matched {:>3}  correct {:>3}  forms {:>3}/{:<3}",
                d.doc, d.gold, d.system, d.matched, d.correct, d.forms_attached, d.forms
            )?;
        }
        let (ip, ir) = self.identity();
        writeln!(
            f,
            "  actors (doc, actor, country, sector): P {:.3}  R {:.3}   identity only: P {:.3}  R {:.3}",
            self.precision(),
            self.recall(),
            ip,
            ir
        )?;
        write!(
            f,
            "  surface forms attached to the right actor: {:.3}",
            self.surface_share()
        )
    }
}

/// A surface form or name, normalised, without a leading `the`.
fn key(s: &str) -> String {
    let n = normalize(s);
    n.strip_prefix("the ").map(str::to_string).unwrap_or(n)
}

/// Reads `gold/seeds/actors.jsonl`.
pub fn read_gold(path: &Path) -> Result<Vec<GoldActor>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let g: GoldActor = serde_json::from_str(line)
            .map_err(|e| Error::format(path, format!("line {}: {e}", i + 1)))?;
        out.push(g);
    }
    Ok(out)
}

/// One seed article, cleaned, with its resolved actors.
pub struct SeedDoc {
    /// The seed file name.
    pub name: String,
    /// The cleaned document.
    pub doc: dyads_text::Document,
    /// Its actors as the resolver finds them.
    pub actors: dyads_coder::actors::DocActors,
}

/// Reads, cleans, parses and resolves every seed article named in `gold`.
pub fn resolve_seeds(shared: &Path, names: &[&str]) -> Result<Vec<SeedDoc>> {
    let pipeline =
        Pipeline::load().map_err(|e| Error::format(Path::new("models"), e.to_string()))?;
    let lexicon =
        Lexicon::builtin().map_err(|e| Error::format(Path::new("lexicon"), e.to_string()))?;
    let mut out = Vec::new();
    for &name in names {
        let path = shared.join("corpus/seeds").join(name);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let origin = path.display().to_string();
        let doc = read_input(&origin, &bytes, None, &Limits::default())
            .into_iter()
            .next()
            .ok_or_else(|| Error::format(&path, "no article".into()))?
            .and_then(|a| clean(&a))
            .map_err(|e| Error::format(&path, e.to_string()))?;
        let parsed = pipeline.annotate(&doc);
        let actors = resolve(&doc, &parsed, lexicon, document_date(&doc));
        out.push(SeedDoc {
            name: name.to_string(),
            doc,
            actors,
        });
    }
    Ok(out)
}

/// Scores actor resolution on the seed articles of `shared`.
pub fn score(shared: &Path) -> Result<Report> {
    let gold = read_gold(&shared.join("gold/seeds/actors.jsonl"))?;
    let mut by_doc: BTreeMap<&str, Vec<&GoldActor>> = BTreeMap::new();
    for g in gold.iter().filter(|g| g.in_body != Some(false)) {
        by_doc.entry(g.doc.as_str()).or_default().push(g);
    }
    let names: Vec<&str> = by_doc.keys().copied().collect();
    let mut report = Report::default();
    for seed in resolve_seeds(shared, &names)? {
        let golds = by_doc
            .get(seed.name.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        report
            .docs
            .push(score_doc(&seed.name, golds, &seed.actors.actors));
    }
    Ok(report)
}

/// Scores one document's system actors against its gold actors.
pub fn score_doc(name: &str, golds: &[&GoldActor], system: &[DocActor]) -> DocScore {
    let gold_keys: Vec<Vec<String>> = golds
        .iter()
        .map(|g| {
            let ambiguous: Vec<String> = g.ambiguous_forms.iter().map(|f| key(f)).collect();
            g.surface_forms
                .iter()
                .map(|f| key(f))
                .filter(|k| !ambiguous.contains(k))
                .collect()
        })
        .collect();
    let sys_keys: Vec<Vec<String>> = system
        .iter()
        .map(|a| a.surface_forms.iter().map(|f| key(f)).collect())
        .collect();
    // (score, gold, system), best first.
    let mut pairs = Vec::new();
    for (gi, g) in golds.iter().enumerate() {
        for (si, a) in system.iter().enumerate() {
            let canonical = key(&g.canonical) == key(&a.canonical);
            let shared = gold_keys[gi]
                .iter()
                .filter(|k| sys_keys[si].contains(k))
                .count();
            if canonical || shared > 0 {
                pairs.push((usize::from(canonical) * 1000 + shared, gi, si));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_to: Vec<Option<usize>> = vec![None; golds.len()];
    let mut sys_taken = vec![false; system.len()];
    for (_, gi, si) in pairs {
        if gold_to[gi].is_none() && !sys_taken[si] {
            gold_to[gi] = Some(si);
            sys_taken[si] = true;
        }
    }
    let mut s = DocScore {
        doc: name.to_string(),
        gold: golds.len(),
        system: system.len(),
        ..DocScore::default()
    };
    for (gi, g) in golds.iter().enumerate() {
        s.forms += g.surface_forms.len();
        let Some(si) = gold_to[gi] else {
            s.missed.push(format!("{} [{}]", g.canonical, g.kind));
            continue;
        };
        let a = &system[si];
        s.matched += 1;
        for f in &g.surface_forms {
            if sys_keys[si].contains(&key(f)) {
                s.forms_attached += 1;
            } else {
                s.unattached.push(format!("{}: {f}", g.canonical));
            }
        }
        if a.country == g.country && a.sector == g.sector {
            s.correct += 1;
        } else {
            s.wrong.push(format!(
                "{}: got {}/{} want {}/{}",
                g.canonical,
                a.country.as_deref().unwrap_or("-"),
                a.sector.as_deref().unwrap_or("-"),
                g.country.as_deref().unwrap_or("-"),
                g.sector.as_deref().unwrap_or("-")
            ));
        }
    }
    for (si, a) in system.iter().enumerate() {
        if !sys_taken[si] {
            s.spurious.push(format!(
                "{} [{}] {:?}",
                a.canonical, a.kind, a.surface_forms
            ));
        }
    }
    s
}

/// The load report of every actor, agent and discard dictionary.
#[derive(Clone, Debug, Default)]
pub struct DictionaryReport {
    /// One entry per file, as the importer reports it.
    pub files: Vec<DictReport>,
}

impl DictionaryReport {
    /// Total entries over every file.
    pub fn entries(&self) -> usize {
        self.files.iter().map(|f| f.entries).sum()
    }

    /// Total malformed lines (reported and skipped).
    pub fn warnings(&self) -> usize {
        self.files.iter().map(|f| f.warnings.len()).sum()
    }
}

impl fmt::Display for DictionaryReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for r in &self.files {
            let name = r.file.rsplit("eval/").next().unwrap_or(&r.file);
            writeln!(
                f,
                "  {name:<62} {:<8} entries {:>6}  names {:>6}  warnings {:>4}",
                format!("{:?}", r.kind),
                r.entries,
                r.names,
                r.warnings.len()
            )?;
            for w in r.warnings.iter().take(3) {
                writeln!(f, "      {w}")?;
            }
        }
        write!(
            f,
            "  {} files, {} entries, {} malformed lines reported and skipped",
            self.files.len(),
            self.entries(),
            self.warnings()
        )
    }
}

/// The dictionary directories under `shared/eval` that are read.
pub const DICTIONARY_DIRS: &[&str] = &[
    "dictionaries/openeventdata_Dictionaries",
    "dictionaries/petrarch2_shipped",
    "petrarch2/validation_dicts",
    "tabari",
];

/// Loads every actor, agent and discard dictionary under `shared/eval`.
pub fn dictionaries(shared: &Path) -> Result<DictionaryReport> {
    let root = shared.join("eval");
    let dirs: Vec<PathBuf> = DICTIONARY_DIRS.iter().map(|d| root.join(d)).collect();
    let files = dyads_lexicon::import::dictionary_files(&dirs);
    let (_, report) =
        Lexicon::from_dicts(&files).map_err(|e| Error::format(&root, e.to_string()))?;
    Ok(DictionaryReport {
        files: report.files,
    })
}
