//! Event triples: the TABARI and PETRARCH validation suites coded with
//! their own dictionaries, scored as `shared/README.md` says.
//!
//! Each record gives a set of (source, target, CAMEO code) triples, both
//! expected and produced. Micro precision, recall and F1 are over triples;
//! a record is exact when the two sets are equal (so a record that expects
//! no event passes only when nothing is produced).
//!
//! - [`score_tabari`]: `eval/tabari/Validate.text` with the dictionaries
//!   `Validate.project` names, through `dyads_lexicon`'s importer and
//!   `dyads_coder::dict`'s verb importer and coder;
//! - [`score_petrarch2`]: the PETRARCH2 unit-test records with
//!   `validation_dicts/`, coded from the text (the same shallow coder; the
//!   Treebank parses in the file are not used);
//! - [`score_petrarch2_peer`]: PETRARCH2's own output on those records
//!   (`peer_run_petrarch2/`), scored the same way.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::Write;
use std::path::Path;

use dyads_coder::dict::coder::{CodeOptions, Triple};
use dyads_coder::dict::suite::{read_petrarch, read_tabari, Record};
use dyads_coder::dict::{
    load_dir, load_tabari_project, run_records, tabari_options, Loaded, Outcome,
};
use serde_json::{json, Value};

use crate::{Error, Result};

/// One record: expected and produced triples.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordResult {
    /// The record id.
    pub id: String,
    /// The 1-based line of the record in its file (0 when unknown).
    pub line: usize,
    /// The text (blanks collapsed), when known.
    pub text: String,
    /// Expected triples.
    pub expected: BTreeSet<Triple>,
    /// Produced triples.
    pub produced: BTreeSet<Triple>,
}

impl RecordResult {
    /// True when the produced set is the expected set.
    pub fn pass(&self) -> bool {
        self.expected == self.produced
    }
}

impl From<Outcome> for RecordResult {
    fn from(o: Outcome) -> RecordResult {
        RecordResult {
            id: o.id,
            line: o.line,
            text: o.text,
            expected: o.expected,
            produced: o.produced,
        }
    }
}

/// Triple scores over a set of records.
#[derive(Clone, Debug, Default)]
pub struct TripleReport {
    /// What was scored.
    pub name: String,
    /// Every scored record.
    pub records: Vec<RecordResult>,
    /// Notes printed under the scores (dictionary counts).
    pub notes: Vec<String>,
    /// Malformed dictionary lines that were skipped, `file:line: message`.
    pub warnings: Vec<String>,
}

impl TripleReport {
    /// A report over `records`.
    pub fn new(name: &str, records: Vec<RecordResult>) -> TripleReport {
        TripleReport {
            name: name.to_string(),
            records,
            notes: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// (true positives, false positives, false negatives).
    pub fn counts(&self) -> (usize, usize, usize) {
        self.records.iter().fold((0, 0, 0), |(tp, fp, fneg), r| {
            let t = r.expected.intersection(&r.produced).count();
            (
                tp + t,
                fp + r.produced.len() - t,
                fneg + r.expected.len() - t,
            )
        })
    }

    /// Micro precision (1 when nothing was produced).
    pub fn precision(&self) -> f64 {
        let (tp, fp, _) = self.counts();
        ratio(tp, tp + fp)
    }

    /// Micro recall (1 when nothing was expected).
    pub fn recall(&self) -> f64 {
        let (tp, _, fneg) = self.counts();
        ratio(tp, tp + fneg)
    }

    /// Micro F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Records whose produced set equals the expected set.
    pub fn exact(&self) -> usize {
        self.records.iter().filter(|r| r.pass()).count()
    }

    /// The exact-record rate.
    pub fn exact_rate(&self) -> f64 {
        ratio(self.exact(), self.records.len())
    }

    /// Writes one JSON object per record (`id`, `line`, `pass`, `expected`,
    /// `produced`, `missing`, `extra`, `text`).
    pub fn write_records(&self, mut w: impl Write) -> std::io::Result<()> {
        let list = |s: &BTreeSet<Triple>| -> Value {
            s.iter().map(|(a, b, c)| json!([a, b, c])).collect()
        };
        for r in &self.records {
            let missing: BTreeSet<Triple> = r.expected.difference(&r.produced).cloned().collect();
            let extra: BTreeSet<Triple> = r.produced.difference(&r.expected).cloned().collect();
            let v = json!({
                "id": r.id,
                "line": r.line,
                "pass": r.pass(),
                "expected": list(&r.expected),
                "produced": list(&r.produced),
                "missing": list(&missing),
                "extra": list(&extra),
                "text": r.text,
            });
            writeln!(w, "{v}")?;
        }
        Ok(())
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

impl fmt::Display for TripleReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (tp, fp, fneg) = self.counts();
        writeln!(
            f,
            "{}: {} records; triples P {:.3} R {:.3} F1 {:.3} (tp {tp}, fp {fp}, fn {fneg}); exact {}/{} ({:.3})",
            self.name,
            self.records.len(),
            self.precision(),
            self.recall(),
            self.f1(),
            self.exact(),
            self.records.len(),
            self.exact_rate()
        )?;
        for n in &self.notes {
            writeln!(f, "  {n}")?;
        }
        Ok(())
    }
}

fn coder_error(path: &Path, e: dyads_coder::Error) -> Error {
    match e {
        dyads_coder::Error::Io { path, source } => Error::io(&path, source),
        other => Error::format(path, other.to_string()),
    }
}

fn dict_notes(l: &Loaded) -> Vec<String> {
    let mut notes: Vec<String> = l.verbs.iter().map(|r| r.to_string()).collect();
    for f in &l.import.files {
        notes.push(format!(
            "{}: {} entries, {} names, {} codes, {} warnings",
            f.file,
            f.entries,
            f.names,
            f.codes,
            f.warnings.len()
        ));
    }
    notes.push(format!(
        "phrases usable by the coder: {} actor, {} agent; {} noun/adjective filters from actor files",
        l.phrases.0, l.phrases.1, l.filters
    ));
    notes
}

/// Codes and scores a TABARI validation directory (`Validate.project`
/// names the dictionaries; `Validate.text` holds the records).
pub fn score_tabari_dir(dir: &Path) -> Result<TripleReport> {
    let project = dir.join("Validate.project");
    let loaded = load_tabari_project(&project).map_err(|e| coder_error(&project, e))?;
    let path = dir.join("Validate.text");
    let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    let records = read_tabari(&String::from_utf8_lossy(&bytes));
    let outcomes = run_records(&loaded.coder, &records, tabari_options(&loaded));
    let mut report = TripleReport::new(
        "TABARI validation suite, own dictionaries",
        outcomes.into_iter().map(RecordResult::from).collect(),
    );
    report.notes = dict_notes(&loaded);
    report.warnings = loaded.warnings();
    Ok(report)
}

/// Reads PETRARCH unit-test records, keeping the scored ones once each
/// (the last of a repeated id, as PETRARCH's own flattening does).
fn petrarch_records(xml: &Path) -> Result<Vec<Record>> {
    let bytes = std::fs::read(xml).map_err(|e| Error::io(xml, e))?;
    let all = read_petrarch(&String::from_utf8_lossy(&bytes));
    let mut by_id: BTreeMap<String, Record> = BTreeMap::new();
    for r in all {
        by_id.insert(r.id.clone(), r);
    }
    Ok(by_id.into_values().filter(|r| r.scored).collect())
}

/// Codes and scores PETRARCH unit-test records with the dictionaries in
/// `dict_dir`.
pub fn score_petrarch_xml(xml: &Path, dict_dir: &Path) -> Result<TripleReport> {
    let loaded = load_dir(dict_dir).map_err(|e| coder_error(dict_dir, e))?;
    let records = petrarch_records(xml)?;
    let outcomes = run_records(&loaded.coder, &records, CodeOptions::default());
    let mut report = TripleReport::new(
        "PETRARCH2 unit tests, own dictionaries, dyads shallow coder",
        outcomes.into_iter().map(RecordResult::from).collect(),
    );
    report.notes = dict_notes(&loaded);
    report.warnings = loaded.warnings();
    Ok(report)
}

/// The TABARI suite under `shared/eval/tabari`.
pub fn score_tabari(shared: &Path) -> Result<TripleReport> {
    score_tabari_dir(&shared.join("eval/tabari"))
}

/// The PETRARCH2 unit tests under `shared/eval/petrarch2`, coded by dyads.
pub fn score_petrarch2(shared: &Path) -> Result<TripleReport> {
    let base = shared.join("eval/petrarch2");
    score_petrarch_xml(
        &base.join("validation/PETR.UnitTest.records.xml"),
        &base.join("validation_dicts"),
    )
}

/// PETRARCH2's own output on its unit tests (`peer_run_petrarch2/`),
/// scored on the same records as [`score_petrarch2`]: active records that
/// are not error tests; a record the peer failed on counts as producing
/// nothing.
pub fn score_petrarch2_peer(shared: &Path) -> Result<TripleReport> {
    let base = shared.join("eval/petrarch2");
    let records = petrarch_records(&base.join("validation/PETR.UnitTest.records.xml"))?;
    let path = base.join("peer_run_petrarch2/petrarch2_predictions_unittest.json");
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let preds: Value =
        serde_json::from_str(&text).map_err(|e| Error::format(&path, e.to_string()))?;
    let mut out = Vec::new();
    for r in records {
        let mut produced = BTreeSet::new();
        let events = preds
            .get(&r.id)
            .filter(|p| p.get("status").and_then(Value::as_str) == Some("ok"))
            .and_then(|p| p.get("events"))
            .and_then(Value::as_array);
        for e in events.into_iter().flatten() {
            let parts: Vec<String> = e
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            if let [s, t, c] = parts.as_slice() {
                produced.insert((s.clone(), t.clone(), c.clone()));
            } else {
                return Err(Error::format(
                    &path,
                    format!("record {}: an event is not [source, target, code]", r.id),
                ));
            }
        }
        out.push(RecordResult {
            id: r.id,
            line: r.line,
            text: r.text.split_whitespace().collect::<Vec<_>>().join(" "),
            expected: r.expected.into_iter().collect(),
            produced,
        });
    }
    Ok(TripleReport::new("PETRARCH2 peer on its unit tests", out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(a: &str, b: &str, c: &str) -> Triple {
        (a.into(), b.into(), c.into())
    }

    fn rec(id: &str, exp: &[Triple], got: &[Triple]) -> RecordResult {
        RecordResult {
            id: id.into(),
            line: 0,
            text: String::new(),
            expected: exp.iter().cloned().collect(),
            produced: got.iter().cloned().collect(),
        }
    }

    #[test]
    fn micro_scores_and_exact() {
        let r = TripleReport::new(
            "t",
            vec![
                rec("a", &[t("X", "Y", "01")], &[t("X", "Y", "01")]),
                rec(
                    "b",
                    &[t("X", "Y", "02"), t("Y", "X", "02")],
                    &[t("X", "Y", "02")],
                ),
                rec("c", &[], &[t("Z", "Y", "03")]),
                rec("d", &[], &[]),
            ],
        );
        assert_eq!(r.counts(), (2, 1, 1));
        assert!((r.precision() - 2.0 / 3.0).abs() < 1e-9);
        assert!((r.recall() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(r.exact(), 2);
        let mut buf = Vec::new();
        assert!(r.write_records(&mut buf).is_ok());
        let text = String::from_utf8_lossy(&buf);
        assert_eq!(text.lines().count(), 4);
        assert!(
            text.contains("\"missing\":[[\"Y\",\"X\",\"02\"]]"),
            "{text}"
        );
        assert!(r.to_string().contains("exact 2/4"));
    }
}
