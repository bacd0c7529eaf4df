//! Merging mentions into records, scored on the seed gold: pairwise
//! precision and recall of "same event", and the gold contradictions our
//! records cover and flag.
//!
//! The seeds are coded as `dyads code` codes them; each system mention is
//! aligned to the first gold event of its document it matches (the seed
//! matching rule of [`crate::events::matches_gold`]) that carries a
//! `same_event_as` key; mentions that match none are left out. Every pair
//! of aligned mentions is then a gold "same" pair when their gold keys are
//! equal and a system "same" pair when the merge put them in one record
//! (blocking and clustering of [`dyads_store::merge`], as at ingest).
//! Cross-document pairs are counted apart: they are what merging is for.
//!
//! A gold contradiction (`gold/seeds/contradictions.jsonl`) is *covered*
//! when aligned mentions of its event come from two of its documents, and
//! *flagged* when those mentions' records give the documents different
//! dates (each document's date being the one most of its mentions give, as
//! the store flags them).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use std::path::Path;

use serde_json::Value;

use dyads_coder::events::{Actors, Event, Pipeline};
use dyads_store::merge::{block_of, cluster, days, Mention, Side};

fn side_key(s: &[Side]) -> String {
    s.iter()
        .map(|a| format!("{}{}", a.id, if a.person { "*" } else { "" }))
        .collect::<Vec<_>>()
        .join("+")
}
use dyads_text::{clean, read_input, Limits};

use crate::events::matches_gold;
use crate::{Error, Result};

/// Pairwise scores of merging on the seeds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeReport {
    /// System mentions aligned to a gold event with a key.
    pub aligned: usize,
    /// (true positive, system pairs, gold pairs), all pairs.
    pub pairs: (usize, usize, usize),
    /// The same, cross-document pairs only.
    pub cross: (usize, usize, usize),
    /// Gold contradictions: (covered, flagged, total).
    pub contradictions: (usize, usize, usize),
    /// Pairs merged that the gold keeps apart: `doc:sentence key | ...`.
    pub wrong_merges: Vec<String>,
}

fn prf((tp, sys, gold): (usize, usize, usize)) -> (f64, f64, f64) {
    let p = if sys == 0 {
        0.0
    } else {
        tp as f64 / sys as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        tp as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

impl fmt::Display for MergeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (p, r, f1) = prf(self.pairs);
        let (cp, cr, cf) = prf(self.cross);
        writeln!(
            f,
            "seed merging: {} aligned mentions; pairs P {p:.3} R {r:.3} F1 {f1:.3} (tp {}, system {}, gold {})",
            self.aligned, self.pairs.0, self.pairs.1, self.pairs.2
        )?;
        writeln!(
            f,
            "  cross-document pairs P {cp:.3} R {cr:.3} F1 {cf:.3} (tp {}, system {}, gold {})",
            self.cross.0, self.cross.1, self.cross.2
        )?;
        writeln!(
            f,
            "  gold contradictions: {} of {} covered by our mentions, {} of those flagged",
            self.contradictions.0, self.contradictions.2, self.contradictions.1
        )
    }
}

fn sides(a: &Option<Actors>) -> Vec<Side> {
    a.as_ref()
        .map(|a| {
            a.members()
                .iter()
                .map(|m| Side {
                    id: m.actor_id.clone(),
                    country: m.country.clone(),
                    sector: m.sector.clone(),
                    person: m.role.is_some(),
                })
                .collect()
        })
        .unwrap_or_default()
}

fn date_value(e: &Event) -> Option<String> {
    match (&e.date, &e.date_end) {
        (Some(a), Some(b)) if a != b => Some(format!("{a}..{b}")),
        (Some(a), _) => Some(a.clone()),
        _ => None,
    }
}

fn read_jsonl(path: &Path) -> Result<Vec<Value>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str(l).map_err(|e| Error::format(path, format!("line {}: {e}", n + 1)))
        })
        .collect()
}

/// Codes the seeds, merges their mentions and scores the merge.
pub fn score_seed_merging(shared: &Path) -> Result<MergeReport> {
    let pipeline = Pipeline::load().map_err(|e| Error::format(shared, e.to_string()))?;
    let gold = read_jsonl(&shared.join("gold/seeds/events.jsonl"))?;
    let contradictions = read_jsonl(&shared.join("gold/seeds/contradictions.jsonl"))?;
    let docs: BTreeSet<String> = gold
        .iter()
        .filter_map(|g| g["doc"].as_str().map(str::to_string))
        .collect();
    let mut events: Vec<(String, Event)> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    for (d, name) in docs.iter().enumerate() {
        let path = shared.join("corpus/seeds").join(name);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let origin = path.display().to_string();
        let Some(Ok(article)) = read_input(&origin, &bytes, None, &Limits::default())
            .into_iter()
            .next()
        else {
            return Err(Error::format(&path, "cannot read the article".into()));
        };
        let doc = clean(&article).map_err(|e| Error::format(&path, e.to_string()))?;
        let published = doc
            .meta
            .published
            .as_ref()
            .and_then(|p| p.date())
            .and_then(days);
        for e in pipeline.code(name, &doc, None) {
            let dated = e.date.as_deref().and_then(days).map(|s| {
                let end = e.date_end.as_deref().and_then(days).unwrap_or(s);
                (s, end.max(s))
            });
            mentions.push(Mention {
                event_id: mentions.len() as i64,
                key: e.id.clone(),
                doc_id: d as i64,
                plover: e.plover.clone(),
                cameo: e.cameo.clone(),
                modality: e.modality.as_str().to_string(),
                reciprocal: e.reciprocal,
                date: dated,
                published,
                source: sides(&e.source),
                target: sides(&e.target),
                place: e
                    .location
                    .as_ref()
                    .and_then(|l| l["country"].as_str().map(str::to_string)),
            });
            events.push((name.clone(), e));
        }
    }
    // Records, as the store makes them.
    let mut blocks: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        blocks.entry(block_of(m)).or_default().push(i);
    }
    let mut record_of = vec![0usize; mentions.len()];
    let mut next = 0;
    for members in blocks.values() {
        let block: Vec<Mention> = members.iter().map(|&i| mentions[i].clone()).collect();
        for c in cluster(&block, &HashSet::new()) {
            for k in c.members {
                record_of[members[k]] = next;
            }
            next += 1;
        }
    }
    // Alignment to gold keys.
    let key_of: Vec<Option<String>> = events
        .iter()
        .map(|(name, e)| {
            gold.iter()
                .filter(|g| g["doc"].as_str() == Some(name.as_str()))
                .filter(|g| g["same_event_as"].as_str().is_some())
                .find(|g| matches_gold(e, g))
                .and_then(|g| g["same_event_as"].as_str().map(str::to_string))
        })
        .collect();
    let aligned: Vec<usize> = (0..events.len()).filter(|&i| key_of[i].is_some()).collect();
    if std::env::var_os("DYADS_DEBUG_MERGE").is_some() {
        for &i in &aligned {
            let (name, e) = &events[i];
            eprintln!(
                "mention {}:{} rec {} {} {} {:?} {:?}..{:?} {:?} -> {:?} {}",
                name.get(..3).unwrap_or(""),
                e.sentence,
                record_of[i],
                e.cameo,
                e.modality.as_str(),
                mentions[i].date,
                e.date,
                e.date_end,
                side_key(&mentions[i].source),
                side_key(&mentions[i].target),
                key_of[i].as_deref().unwrap_or("-"),
            );
        }
    }
    let mut r = MergeReport {
        aligned: aligned.len(),
        ..MergeReport::default()
    };
    for (x, &i) in aligned.iter().enumerate() {
        for &j in &aligned[x + 1..] {
            let gold_same = key_of[i] == key_of[j];
            let sys_same = record_of[i] == record_of[j];
            let cross = events[i].0 != events[j].0;
            let add = |t: &mut (usize, usize, usize)| {
                t.0 += usize::from(gold_same && sys_same);
                t.1 += usize::from(sys_same);
                t.2 += usize::from(gold_same);
            };
            add(&mut r.pairs);
            if sys_same && !gold_same {
                let show = |k: usize| {
                    format!(
                        "{}:{} {} {}",
                        events[k].0.get(..3).unwrap_or(""),
                        events[k].1.sentence,
                        events[k].1.plover.as_deref().unwrap_or("-"),
                        key_of[k].as_deref().unwrap_or("-")
                    )
                };
                r.wrong_merges.push(format!("{} | {}", show(i), show(j)));
            }
            if cross {
                add(&mut r.cross);
            }
        }
    }
    // Contradictions.
    for c in &contradictions {
        r.contradictions.2 += 1;
        let Some(key) = c["same_event_as"].as_str() else {
            continue;
        };
        let cdocs: Vec<&str> = c["docs"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let of_event: Vec<usize> = aligned
            .iter()
            .copied()
            .filter(|&i| key_of[i].as_deref() == Some(key) && cdocs.contains(&events[i].0.as_str()))
            .collect();
        let docs_seen: BTreeSet<&str> = of_event.iter().map(|&i| events[i].0.as_str()).collect();
        if docs_seen.len() < 2 {
            continue;
        }
        r.contradictions.0 += 1;
        // Per record holding them: each document's most common date.
        let mut by_record: HashMap<usize, BTreeMap<&str, BTreeMap<String, usize>>> = HashMap::new();
        for &i in &of_event {
            if let Some(v) = date_value(&events[i].1) {
                *by_record
                    .entry(record_of[i])
                    .or_default()
                    .entry(events[i].0.as_str())
                    .or_default()
                    .entry(v)
                    .or_default() += 1;
            }
        }
        let flagged = by_record.values().any(|docs| {
            let modes: BTreeSet<String> = docs
                .values()
                .filter_map(|counts| {
                    let best = counts.values().copied().max()?;
                    counts
                        .iter()
                        .find(|(_, c)| **c == best)
                        .map(|(v, _)| v.clone())
                })
                .collect();
            docs.len() >= 2 && modes.len() >= 2
        });
        if flagged {
            r.contradictions.1 += 1;
        }
    }
    Ok(r)
}
