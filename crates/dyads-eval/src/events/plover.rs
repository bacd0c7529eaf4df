//! PLOVER gold records (`eval/plover/PLOVER_GSR_CAMEO.json`): each record is
//! one sentence with its gold PLOVER type, source and target actor codes.
//!
//! Each record's text is coded with the built-in lexicons (its `date` as
//! publication date). The record's *main* event is the first coded event
//! with a PLOVER type and modality `asserted`, else the first with a PLOVER
//! type. Figures: type accuracy of the main event over all records, the
//! same when any coded event may carry the gold type, and source and target
//! country accuracy of the main event over the records whose gold actor has
//! a country code (the first three letters of a gold code name the country;
//! `IGO`, `NGO` and similar generic codes are skipped).

use std::fmt;
use std::path::Path;

use serde_json::Value;

use dyads_coder::events::{Actors, Event, Modality, Pipeline};
use dyads_text::clean_text;

use crate::{Error, Result};

/// PLOVER gold record scores.
#[derive(Clone, Debug, Default)]
pub struct PloverReport {
    /// Records scored.
    pub records: usize,
    /// Records whose main event has the gold type.
    pub type_ok: usize,
    /// Records where some coded event has the gold type.
    pub type_any: usize,
    /// Records with no coded event at all.
    pub no_event: usize,
    /// (correct, scored) source countries.
    pub source: (usize, usize),
    /// (correct, scored) target countries.
    pub target: (usize, usize),
    /// One line per record with a wrong type.
    pub errors: Vec<String>,
}

impl fmt::Display for PloverReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        writeln!(
            f,
            "plover: type accuracy {:.3} ({}/{}), any-event type {:.3}, no event {}, source country {:.3} ({}/{}), target country {:.3} ({}/{})",
            pct(self.type_ok, self.records),
            self.type_ok,
            self.records,
            pct(self.type_any, self.records),
            self.no_event,
            pct(self.source.0, self.source.1),
            self.source.0,
            self.source.1,
            pct(self.target.0, self.target.1),
            self.target.0,
            self.target.1,
        )
    }
}

const GENERIC: &[&str] = &[
    "IGO", "NGO", "MNC", "UNO", "IMG", "REB", "GOV", "MIL", "COP", "CVL", "OPP", "BUS", "MED",
    "EDU", "JUD", "LEG", "REF", "SPY", "HLH", "AGR", "ELI", "LAB", "CRM", "RAD", "UAF", "INS",
    "SEP", "BUSMNC",
];

/// The gold countries of a record's `source` or `target` list.
fn gold_countries(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x["code"].as_str())
                .filter_map(|c| c.get(..3))
                .filter(|c| !GENERIC.contains(c))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn system_countries(a: &Option<Actors>) -> Vec<String> {
    a.as_ref()
        .map(|a| {
            a.members()
                .iter()
                .filter_map(|m| {
                    m.country
                        .clone()
                        .or_else(|| m.code.as_ref().and_then(|c| c.get(..3)).map(str::to_string))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The main event of a record.
fn main_event(events: &[Event]) -> Option<&Event> {
    events
        .iter()
        .find(|e| e.plover.is_some() && e.modality == Modality::Asserted)
        .or_else(|| events.iter().find(|e| e.plover.is_some()))
}

/// Whether our (PLOVER 2021) type, for CAMEO code `cameo`, is the gold
/// type. The gold records are coded in PLOVER 0.5 (2016), whose DEMAND
/// became REQUEST, DISAPPROVE and INVESTIGATE became ACCUSE, and FIGHT
/// became ASSAULT in the 2021 table; embargoes, boycotts and sanctions
/// (CAMEO 163) were SANCTION in 0.5 and are COERCE in 2021, and easing a
/// curfew, state of emergency or martial law (0813, 0814) moved from
/// CONCEDE to RETREAT.
fn same_type(gold: &str, ours: &str, cameo: &str) -> bool {
    let gold = match gold {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        "SANCTION" if cameo.starts_with("163") => "COERCE",
        "CONCEDE" if cameo.starts_with("0813") || cameo.starts_with("0814") => "RETREAT",
        g => g,
    };
    gold == ours
}

/// Scores `shared/eval/plover/PLOVER_GSR_CAMEO.json` (see [`score_plover_file`]).
pub fn score_plover(shared: &Path) -> Result<PloverReport> {
    score_plover_file(&shared.join("eval/plover/PLOVER_GSR_CAMEO.json"))
}

/// Codes every PLOVER gold record of the JSON file at `path` and scores the
/// types and countries.
pub fn score_plover_file(path: &Path) -> Result<PloverReport> {
    let path = path.to_path_buf();
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let records: Vec<Value> =
        serde_json::from_str(&text).map_err(|e| Error::format(&path, e.to_string()))?;
    let pipeline = Pipeline::load().map_err(|e| Error::format(&path, e.to_string()))?;
    let mut r = PloverReport::default();
    for rec in &records {
        let (Some(id), Some(gold_type), Some(sentence)) = (
            rec["id"].as_str(),
            rec["event"].as_str(),
            rec["text"].as_str(),
        ) else {
            continue;
        };
        if gold_type == "DOCUMENT" {
            continue;
        }
        r.records += 1;
        let doc = clean_text(id, &format!("{sentence}\n")).ok();
        let events = doc
            .map(|d| pipeline.code(id, &d, rec["date"].as_str()))
            .unwrap_or_default();
        if events.is_empty() {
            r.no_event += 1;
        }
        if events.iter().any(|e| {
            e.plover
                .as_deref()
                .is_some_and(|t| same_type(gold_type, t, &e.cameo))
        }) {
            r.type_any += 1;
        }
        let main = main_event(&events);
        let got = main.and_then(|e| e.plover.as_deref()).unwrap_or("-");
        if same_type(gold_type, got, main.map_or("", |e| e.cameo.as_str())) {
            r.type_ok += 1;
        } else {
            r.errors.push(format!(
                "{id}: gold {gold_type}, got {got} ({})",
                main.map_or("-", |e| e.rule.as_str())
            ));
        }
        for (gold, ours, tally) in [
            (&rec["source"], main.map(|e| &e.source), &mut r.source),
            (&rec["target"], main.map(|e| &e.target), &mut r.target),
        ] {
            let g = gold_countries(gold);
            if g.is_empty() {
                continue;
            }
            tally.1 += 1;
            if ours.is_some_and(|o| system_countries(o).iter().any(|c| g.contains(c))) {
                tally.0 += 1;
            }
        }
    }
    Ok(r)
}
