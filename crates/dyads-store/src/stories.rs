//! Stories: event records and documents about one happening (a visit
//! with its meetings, an exchange of accusations).
//!
//! Stories are computed from the records when asked, not stored: two
//! records belong to one story when a document reports both and they share
//! a participant (a country, or a name when there is no country), or when
//! they involve the same pair of participants within three days of each
//! other. A story's id is its smallest record id, so it stays the same as
//! long as that record does; its title is the title of the document that
//! reports most of its records; its timeline is its records by date.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::error::{Error, ErrorKind, Result};
use crate::merge::days;
use crate::records::Record;
use crate::store::Store;

/// Days within which records of one dyad join a story.
const DYAD_DAYS: i64 = 3;

/// One story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Story {
    /// Story id (its smallest record id).
    pub id: i64,
    /// The title of the document that reports most of its records.
    pub title: Option<String>,
    /// First day of its records.
    pub start: Option<String>,
    /// Last day of its records.
    pub end: Option<String>,
    /// Countries (or names) taking part.
    pub participants: Vec<String>,
    /// Documents reporting it.
    pub documents: Vec<i64>,
    /// Its records, oldest first (undated last).
    pub timeline: Vec<Record>,
}

fn participants(r: &Record) -> Vec<String> {
    [
        r.source_country.clone().or_else(|| r.source.clone()),
        r.target_country.clone().or_else(|| r.target.clone()),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

impl Store {
    /// Every story, newest first (by its last day).
    pub fn stories(&self) -> Result<Vec<Story>> {
        let records = self.records(&crate::records::RecordFilter::default())?;
        let mut docs_of: HashMap<i64, BTreeSet<i64>> = HashMap::new();
        let mut titles: HashMap<i64, Option<String>> = HashMap::new();
        {
            let mut stmt = self
                .conn
                .prepare(
                    "SELECT m.record_id, e.doc_id, d.title FROM record_mentions m \
                     JOIN events e ON e.id = m.event_id JOIN documents d ON d.id = e.doc_id",
                )
                .map_err(|e| self.err(e))?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, Option<String>>(2)?,
                    ))
                })
                .map_err(|e| self.err(e))?;
            for row in rows {
                let (rid, doc, title) = row.map_err(|e| self.err(e))?;
                docs_of.entry(rid).or_default().insert(doc);
                titles.insert(doc, title);
            }
        }
        let n = records.len();
        let mut parent: Vec<usize> = (0..n).collect();
        let union = |parent: &mut Vec<usize>, a: usize, b: usize| {
            let (x, y) = (find(parent, a), find(parent, b));
            if x != y {
                parent[x.max(y)] = x.min(y);
            }
        };
        // Shared document and participant.
        let mut by_doc: HashMap<i64, Vec<usize>> = HashMap::new();
        for (i, r) in records.iter().enumerate() {
            for d in docs_of.get(&r.id).into_iter().flatten() {
                by_doc.entry(*d).or_default().push(i);
            }
        }
        for members in by_doc.values() {
            for (k, &i) in members.iter().enumerate() {
                let pi = participants(&records[i]);
                for &j in &members[k + 1..] {
                    if participants(&records[j]).iter().any(|p| pi.contains(p)) {
                        union(&mut parent, i, j);
                    }
                }
            }
        }
        // Same dyad within a few days.
        let mut by_dyad: BTreeMap<(String, String), Vec<(i64, usize)>> = BTreeMap::new();
        for (i, r) in records.iter().enumerate() {
            let mut p = participants(r);
            if p.len() < 2 {
                continue;
            }
            p.sort();
            let Some(day) = r.date.as_deref().and_then(days) else {
                continue;
            };
            by_dyad
                .entry((p[0].clone(), p[1].clone()))
                .or_default()
                .push((day, i));
        }
        for list in by_dyad.values_mut() {
            list.sort_unstable();
            for w in list.windows(2) {
                if w[1].0 - w[0].0 <= DYAD_DAYS {
                    union(&mut parent, w[0].1, w[1].1);
                }
            }
        }
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..n {
            let root = find(&mut parent, i);
            groups.entry(root).or_default().push(i);
        }
        let mut out: Vec<Story> = groups
            .into_values()
            .map(|members| {
                let mut timeline: Vec<Record> =
                    members.iter().map(|&i| records[i].clone()).collect();
                timeline.sort_by(|a, b| {
                    (a.date.is_none(), &a.date, a.id).cmp(&(b.date.is_none(), &b.date, b.id))
                });
                let mut doc_count: BTreeMap<i64, usize> = BTreeMap::new();
                for r in &timeline {
                    for d in docs_of.get(&r.id).into_iter().flatten() {
                        *doc_count.entry(*d).or_default() += 1;
                    }
                }
                let best = doc_count.values().copied().max().unwrap_or(0);
                let title = doc_count
                    .iter()
                    .find(|(_, c)| **c == best)
                    .and_then(|(d, _)| titles.get(d).cloned().flatten());
                let mut parts: BTreeSet<String> = BTreeSet::new();
                for r in &timeline {
                    parts.extend(participants(r));
                }
                let start = timeline.iter().filter_map(|r| r.date.clone()).min();
                let end = timeline
                    .iter()
                    .filter_map(|r| r.date_end.clone().or_else(|| r.date.clone()))
                    .max();
                Story {
                    id: timeline.iter().map(|r| r.id).min().unwrap_or(0),
                    title,
                    start,
                    end,
                    participants: parts.into_iter().collect(),
                    documents: doc_count.keys().copied().collect(),
                    timeline,
                }
            })
            .collect();
        out.sort_by(|a, b| (&b.end, a.id).cmp(&(&a.end, b.id)));
        Ok(out)
    }

    /// One story by id.
    pub fn story(&self, id: i64) -> Result<Story> {
        self.stories()?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Error {
                kind: ErrorKind::NoStory(id),
                db: self.name.clone(),
            })
    }
}
