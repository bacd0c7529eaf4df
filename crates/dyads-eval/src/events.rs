//! Event coding against gold: the seed articles' events
//! (`gold/seeds/events.jsonl`) and the PLOVER gold records
//! (`eval/plover/PLOVER_GSR_CAMEO.json`), both coded with the built-in
//! lexicons.
//!
//! Seeds matching rule (`shared/README.md`): a system event matches a gold
//! event when it is in the same document, its PLOVER type is the gold type
//! or one of its alternatives, its source and target countries match
//! (either direction when the gold event is reciprocal; a compound actor
//! matches through any member) and its date falls within the gold date when
//! the gold has one. Precision counts system events with modality
//! `asserted` only (events without a PLOVER type, CAMEO 01 statements, are
//! outside the gold's scope and counted apart); recall is over every gold
//! event, matched by a system event of any modality.

use std::fmt;
use std::path::Path;

use serde_json::Value;

use dyads_coder::events::{Event, Modality, Pipeline};
use dyads_text::{clean, read_input, Limits};

use crate::{Error, Result};

/// Seeds events scores.
#[derive(Clone, Debug, Default)]
pub struct SeedsReport {
    /// What was scored (`seed events`), the first word of the report.
    pub label: String,
    /// Asserted system events with a PLOVER type.
    pub asserted: usize,
    /// Of those, the ones matching a gold event.
    pub asserted_matched: usize,
    /// Gold events.
    pub gold: usize,
    /// Gold events matched by some system event.
    pub gold_matched: usize,
    /// Gold asserted events matched by an asserted system event.
    pub gold_asserted: (usize, usize),
    /// System events without a PLOVER type (not scored).
    pub untyped: usize,
    /// One line per unmatched gold event and unmatched asserted event.
    pub misses: Vec<String>,
}

impl SeedsReport {
    /// Precision over asserted events.
    pub fn precision(&self) -> f64 {
        ratio(self.asserted_matched, self.asserted)
    }
    /// Recall over all gold events.
    pub fn recall(&self) -> f64 {
        ratio(self.gold_matched, self.gold)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl fmt::Display for SeedsReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: P {:.3} ({}/{} asserted), R {:.3} ({}/{} gold), asserted-only R {}/{}, {} untyped (01) events not scored",
            if self.label.is_empty() { "events" } else { &self.label },
            self.precision(),
            self.asserted_matched,
            self.asserted,
            self.recall(),
            self.gold_matched,
            self.gold,
            self.gold_asserted.0,
            self.gold_asserted.1,
            self.untyped
        )?;
        for m in &self.misses {
            writeln!(f, "  {m}")?;
        }
        Ok(())
    }
}

/// An inclusive range of ISO days (`YYYY-MM-DD` strings compare in order).
fn gold_range(v: &Value) -> Option<(String, String)> {
    match v {
        Value::String(s) => Some(expand(s)),
        Value::Object(o) => {
            let a = o.get("start")?.as_str()?;
            let b = o.get("end")?.as_str()?;
            Some((expand(a).0, expand(b).1))
        }
        _ => None,
    }
}

fn expand(s: &str) -> (String, String) {
    match s.len() {
        4 => (format!("{s}-01-01"), format!("{s}-12-31")),
        7 => (format!("{s}-01"), format!("{s}-31")),
        _ => (s.to_string(), s.to_string()),
    }
}

fn countries(a: &Option<dyads_coder::events::Actors>) -> Vec<String> {
    a.as_ref()
        .map(|a| {
            a.members()
                .iter()
                .filter_map(|m| m.country.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// Whether system event `e` matches gold event `g` (same document assumed).
pub fn matches_gold(e: &Event, g: &Value) -> bool {
    let Some(t) = e.plover.as_deref() else {
        return false;
    };
    let alts = g["plover_alternatives"].as_array();
    if g["plover"].as_str() != Some(t)
        && !alts.is_some_and(|a| a.iter().any(|x| x.as_str() == Some(t)))
    {
        return false;
    }
    let gs = g["source"]["country"].as_str();
    let gt = g["target"]["country"].as_str();
    let (es, et) = (countries(&e.source), countries(&e.target));
    let has = |v: &[String], c: Option<&str>| match c {
        Some(c) => v.iter().any(|x| x == c),
        None => true,
    };
    let direct = has(&es, gs) && has(&et, gt);
    let reverse = g["reciprocal"].as_bool() == Some(true) && has(&es, gt) && has(&et, gs);
    if !direct && !reverse {
        return false;
    }
    match gold_range(&g["date"]) {
        None => true,
        Some((lo, hi)) => match (&e.date, e.date_end.as_ref().or(e.date.as_ref())) {
            (Some(a), Some(b)) => lo.as_str() <= a.as_str() && b.as_str() <= hi.as_str(),
            _ => false,
        },
    }
}

/// Codes the seed articles and scores them against `gold/seeds/events.jsonl`.
pub fn score_seeds(shared: &Path) -> Result<SeedsReport> {
    let mut r = score_events(
        &shared.join("gold/seeds/events.jsonl"),
        &shared.join("corpus/seeds"),
    )?;
    r.label = "seed events".into();
    Ok(r)
}

/// Codes the articles of `corpus` named in the gold file (JSON lines in
/// the seeds' format: `doc`, `id`, `source`/`target` with `country`,
/// `plover`, `plover_alternatives`, `reciprocal`, `date`, `realis`) and
/// scores them with the seeds' matching rule ([`matches_gold`]).
pub fn score_events(gold_path: &Path, corpus: &Path) -> Result<SeedsReport> {
    let pipeline = Pipeline::load().map_err(|e| Error::format(gold_path, e.to_string()))?;
    let text = std::fs::read_to_string(gold_path).map_err(|e| Error::io(gold_path, e))?;
    let mut gold: Vec<Value> = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v = serde_json::from_str(line)
            .map_err(|e| Error::format(gold_path, format!("line {}: {e}", n + 1)))?;
        gold.push(v);
    }
    let mut docs: Vec<String> = gold
        .iter()
        .filter_map(|g| g["doc"].as_str().map(str::to_string))
        .collect();
    docs.sort();
    docs.dedup();
    let mut r = SeedsReport {
        gold: gold.len(),
        ..SeedsReport::default()
    };
    let mut gold_hit = vec![false; gold.len()];
    let mut gold_hit_asserted = vec![false; gold.len()];
    for name in &docs {
        let path = corpus.join(name);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let origin = path.display().to_string();
        let Some(Ok(article)) = read_input(&origin, &bytes, None, &Limits::default())
            .into_iter()
            .next()
        else {
            return Err(Error::format(&path, "cannot read the article".into()));
        };
        let doc = clean(&article).map_err(|e| Error::format(&path, e.to_string()))?;
        for e in pipeline.code(name, &doc, None) {
            if e.plover.is_none() {
                r.untyped += 1;
                continue;
            }
            let mut any = false;
            for (i, g) in gold.iter().enumerate() {
                if g["doc"].as_str() == Some(name) && matches_gold(&e, g) {
                    any = true;
                    gold_hit[i] = true;
                    if e.modality == Modality::Asserted {
                        gold_hit_asserted[i] = true;
                    }
                }
            }
            if e.modality == Modality::Asserted {
                r.asserted += 1;
                if any {
                    r.asserted_matched += 1;
                } else {
                    r.misses.push(format!(
                        "spurious {name} {}",
                        describe(&e, doc.slice(span(&e)))
                    ));
                }
            }
        }
    }
    r.gold_matched = gold_hit.iter().filter(|&&b| b).count();
    let asserted: Vec<usize> = (0..gold.len())
        .filter(|&i| gold[i]["realis"] == "asserted")
        .collect();
    r.gold_asserted = (
        asserted.iter().filter(|&&i| gold_hit_asserted[i]).count(),
        asserted.len(),
    );
    for (g, hit) in gold.iter().zip(&gold_hit) {
        if !hit {
            r.misses.push(format!(
                "missed {} {} {} {:?}->{:?} {} {}",
                g["id"].as_str().unwrap_or(""),
                g["plover"].as_str().unwrap_or(""),
                g["realis"].as_str().unwrap_or(""),
                g["source"]["country"].as_str().unwrap_or("-"),
                g["target"]["country"].as_str().unwrap_or("-"),
                g["date"],
                g["sentence_start"].as_str().unwrap_or(""),
            ));
        }
    }
    Ok(r)
}

fn span(e: &Event) -> dyads_text::Span {
    dyads_text::Span::new(e.evidence.start, e.evidence.end)
}

fn describe(e: &Event, evidence: &str) -> String {
    let c = |a: &Option<dyads_coder::events::Actors>| countries(a).join("+");
    format!(
        "{} {} {}->{} {:?} [{}] {:?}",
        e.rule,
        e.plover.as_deref().unwrap_or("-"),
        c(&e.source),
        c(&e.target),
        e.date,
        e.modality.as_str(),
        evidence.chars().take(90).collect::<String>()
    )
}

mod plover;
pub use plover::{score_plover, score_plover_file, PloverReport};
