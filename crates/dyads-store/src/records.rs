//! Event records: the stored mentions of one real-world event merged (see
//! [`crate::merge`] for when two mentions are the same event), with the
//! reason each mention joined, user splits, and contradictions between the
//! record's sources.
//!
//! [`Store::merge_records`] is incremental: it gives every new mention its
//! block and re-clusters only the blocks that changed (new mentions, or
//! records that lost mentions because their document was coded again).
//! Clustering is deterministic, so merging twice changes nothing, and a
//! re-clustered record keeps the id of the old record most of its members
//! were in.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};
use crate::merge::{block_of, cluster, days, Mention, Side};
use crate::store::Store;

/// What a merge did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MergeStats {
    /// Blocks re-clustered.
    pub blocks: usize,
    /// Mentions in those blocks.
    pub mentions: usize,
    /// Records they form.
    pub records: usize,
    /// Contradictions found in them.
    pub contradictions: usize,
}

/// One event record.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Record {
    /// Record id.
    pub id: i64,
    /// PLOVER type.
    pub plover: Option<String>,
    /// CAMEO code (the most common among the mentions).
    pub cameo: String,
    /// Quad class.
    pub quad: Option<i64>,
    /// Goldstein value.
    pub goldstein: Option<f64>,
    /// `asserted` when any mention asserts it, else the mentions' modality.
    pub modality: String,
    /// Source (display name).
    pub source: Option<String>,
    /// Source country.
    pub source_country: Option<String>,
    /// Target (display name).
    pub target: Option<String>,
    /// Target country.
    pub target_country: Option<String>,
    /// First day (the date most mentions give).
    pub date: Option<String>,
    /// Last day.
    pub date_end: Option<String>,
    /// Number of mentions.
    pub mentions: i64,
    /// Number of documents.
    pub documents: i64,
}

/// One mention of a record.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecordMention {
    /// Event mention id.
    pub event_id: i64,
    /// Document id.
    pub doc_id: i64,
    /// The document's outlet.
    pub outlet: Option<String>,
    /// The document's title.
    pub title: Option<String>,
    /// The mention's date as coded.
    pub date: Option<String>,
    /// Its last day.
    pub date_end: Option<String>,
    /// The sentence it was coded from.
    pub sentence: String,
    /// The member it matched when it joined (none for the first).
    pub linked_to: Option<i64>,
    /// Why it matched.
    pub reason: Option<String>,
}

/// A disagreement between the sources of one record.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Contradiction {
    /// Record id.
    pub record_id: i64,
    /// What they disagree on (`date`).
    pub field: String,
    /// Per source: `{event_id, doc_id, outlet, value, words}`.
    pub values: Value,
}

/// A record with its mentions and contradictions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecordDetail {
    /// The record.
    #[serde(flatten)]
    pub record: Record,
    /// Its mentions.
    pub mention_list: Vec<RecordMention>,
    /// Its contradictions.
    pub contradictions: Vec<Contradiction>,
}

/// A record with what an export row needs: its representative mention
/// (the first member with the record's code), its members, and how many
/// outlets and articles report it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecordRow {
    /// The record.
    pub record: Record,
    /// The first member mention with the record's code.
    pub representative: Option<crate::StoredEvent>,
    /// Member mention ids, in id order.
    pub members: Vec<i64>,
    /// Distinct outlets (documents without an outlet count one each).
    pub sources: i64,
    /// The representative's article URL.
    pub url: Option<String>,
    /// When the first member's article was stored (`YYYY-MM-DDTHH:MM:SSZ`).
    pub first_added: Option<String>,
}

/// Which records to list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordFilter {
    /// Only records whose source or target country (or name) is this.
    pub actor: Option<String>,
    /// Only records dated on or after this ISO date.
    pub since: Option<String>,
    /// Only records dated on or before this ISO date (prefix compare).
    pub until: Option<String>,
    /// Only asserted (and historical) records.
    pub facts_only: bool,
}

/// Period of a dyad series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// Calendar day.
    Day,
    /// ISO-like week, named by its Monday.
    Week,
    /// Calendar month.
    Month,
}

/// One row of a dyad series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesRow {
    /// The period (`2023-09-14`, week's Monday, or `2023-09`).
    pub period: String,
    /// PLOVER type (or `CAMEO xx` when PLOVER has none).
    pub plover: String,
    /// Quad class.
    pub quad: Option<i64>,
    /// Records.
    pub count: i64,
    /// Sum of Goldstein values.
    pub goldstein_sum: f64,
    /// Mean Goldstein value.
    pub goldstein_mean: f64,
}

/// One edge of the actor network.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Edge {
    /// Source country (or name).
    pub source: String,
    /// Target country (or name).
    pub target: String,
    /// Cooperative records (quad 1 and 2).
    pub cooperation: i64,
    /// Conflictual records (quad 3 and 4).
    pub conflict: i64,
    /// Sum of Goldstein values.
    pub goldstein_sum: f64,
}

fn sides(v: &Value) -> Vec<Side> {
    let one = |a: &Value| Side {
        id: a["actor_id"].as_str().unwrap_or_default().to_string(),
        country: a["country"].as_str().map(str::to_string),
        sector: a["sector"].as_str().map(str::to_string),
        person: a["role"].is_string(),
    };
    match v {
        Value::Array(items) => items.iter().map(one).collect(),
        Value::Object(_) => vec![one(v)],
        _ => Vec::new(),
    }
}

fn first_name(v: &Value) -> Option<String> {
    let a = match v {
        Value::Array(items) => items.first()?,
        Value::Object(_) => v,
        _ => return None,
    };
    a["canonical"].as_str().map(str::to_string)
}

/// A loaded mention with what a record summary needs.
struct Loaded {
    m: Mention,
    source_name: Option<String>,
    target_name: Option<String>,
    source_country: Option<String>,
    target_country: Option<String>,
    date: Option<String>,
    date_end: Option<String>,
    quad: Option<i64>,
    goldstein: Option<f64>,
    /// The place's words as the mention gives them.
    place_text: Option<String>,
}

/// Loads mentions; the last column ranks a mention among the earlier ones
/// of its sentence with the same evidence start and code, so that keys are
/// unique (and stable while the coder codes the document the same way).
const LOAD: &str = "SELECT e.id, e.doc_id, e.sentence, e.ev_start, e.cameo, e.plover, e.modality, \
    e.reciprocal, e.date, e.date_end, e.json, d.content_hash, d.published, e.quad, e.goldstein, \
    (SELECT count(*) FROM events e2 WHERE e2.doc_id = e.doc_id AND e2.sentence = e.sentence \
     AND e2.ev_start = e.ev_start AND e2.cameo = e.cameo AND e2.id < e.id) \
    FROM events e JOIN documents d ON d.id = e.doc_id";

fn load_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Loaded> {
    let json: String = r.get(10)?;
    let v: Value = serde_json::from_str(&json).unwrap_or(Value::Null);
    let hash: String = r.get(11)?;
    let sentence: i64 = r.get(2)?;
    let start: i64 = r.get(3)?;
    let cameo: String = r.get(4)?;
    let date: Option<String> = r.get(8)?;
    let date_end: Option<String> = r.get(9)?;
    let published: Option<String> = r.get(12)?;
    let source = sides(&v["source"]);
    let target = sides(&v["target"]);
    let dated = date.as_deref().and_then(days).map(|s| {
        let e = date_end.as_deref().and_then(days).unwrap_or(s);
        (s, e.max(s))
    });
    let ids = |v: &[Side]| {
        v.iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>()
            .join("+")
    };
    let rank: i64 = r.get(15)?;
    let mut key = format!(
        "{}:{sentence}:{start}:{cameo}:{}:{}",
        hash.get(..16).unwrap_or(&hash),
        ids(&source),
        ids(&target)
    );
    if rank > 0 {
        key.push_str(&format!("#{rank}"));
    }
    let m = Mention {
        event_id: r.get(0)?,
        key,
        doc_id: r.get(1)?,
        plover: r.get(5)?,
        cameo,
        modality: r.get(6)?,
        reciprocal: r.get(7)?,
        date: dated,
        published: published.as_deref().and_then(days),
        place: v["location"]["country"].as_str().map(str::to_string),
        source,
        target,
    };
    Ok(Loaded {
        source_name: first_name(&v["source"]),
        target_name: first_name(&v["target"]),
        source_country: m.source.first().and_then(|s| s.country.clone()),
        target_country: m.target.first().and_then(|s| s.country.clone()),
        m,
        date,
        date_end,
        quad: r.get(13)?,
        goldstein: r.get(14)?,
        place_text: v["location"]["text"].as_str().map(str::to_string),
    })
}

/// Each member's link toward the record's first member: the links of a
/// cluster form a tree (each joined two groups), walked from its first
/// member, so every other member gets the member it links to and why.
fn link_tree(c: &crate::merge::Cluster) -> HashMap<usize, (usize, String)> {
    let mut adjacent: HashMap<usize, Vec<(usize, &String)>> = HashMap::new();
    for (i, j, reason) in &c.links {
        adjacent.entry(*i).or_default().push((*j, reason));
        adjacent.entry(*j).or_default().push((*i, reason));
    }
    let mut why: HashMap<usize, (usize, String)> = HashMap::new();
    let Some(&root) = c.members.first() else {
        return why;
    };
    let mut seen: HashSet<usize> = HashSet::from([root]);
    let mut queue = std::collections::VecDeque::from([root]);
    while let Some(x) = queue.pop_front() {
        for (y, reason) in adjacent.get(&x).into_iter().flatten() {
            if seen.insert(*y) {
                why.insert(*y, (x, (*reason).clone()));
                queue.push_back(*y);
            }
        }
    }
    why
}

/// Per document, the value most of its mentions give (ties: the
/// smallest), with the first mention giving it; documents whose mentions
/// give none are left out.
fn per_document<'a>(
    members: &[&'a Loaded],
    value: impl Fn(&Loaded) -> Option<String>,
) -> Vec<(&'a Loaded, String)> {
    let mut by_doc: BTreeMap<i64, Vec<(&'a Loaded, String)>> = BTreeMap::new();
    for l in members {
        if let Some(v) = value(l) {
            by_doc.entry(l.m.doc_id).or_default().push((*l, v));
        }
    }
    by_doc
        .into_values()
        .filter_map(|ms| {
            let v = mode(ms.iter().map(|(_, v)| v.clone()))?;
            ms.into_iter().find(|(_, w)| *w == v)
        })
        .collect()
}

const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "thousand",
];

const NOT_THINGS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "percent",
    "per",
    "of",
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "the",
    "a",
    "an",
    "years",
    "year",
    "days",
    "day",
    "hours",
    "hour",
    "minutes",
    "weeks",
    "months",
    "am",
    "pm",
    "a.m.",
    "p.m.",
];

/// Counts of things in a sentence: a cardinal (digits, maybe with
/// thousands separators, or a number word) followed by a word, as
/// `(thing, count)` with the thing lowercased and a final `s` dropped.
/// Dates, years, times, ordinals and durations are left out.
fn counts_in(text: &str) -> Vec<(String, String)> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == '"')
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_end_matches([',', ';', ':']);
        let digits = !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == ',');
        let lower = w.to_lowercase();
        let worded = NUMBER_WORDS.contains(&lower.as_str());
        if !digits && !worded {
            continue;
        }
        if digits && w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) {
            continue;
        }
        let before = i
            .checked_sub(1)
            .and_then(|j| words.get(j))
            .map(|p| p.to_lowercase());
        if before.is_some_and(|p| NOT_THINGS[..12].contains(&p.trim_end_matches(','))) {
            continue;
        }
        let Some(next) = words.get(i + 1) else {
            continue;
        };
        if next.ends_with([',', '.', ';', ':']) && next.len() <= 2 {
            continue;
        }
        let thing = next
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if thing.is_empty()
            || !thing.chars().all(|c| c.is_alphabetic() || c == '-')
            || NOT_THINGS.contains(&thing.as_str())
        {
            continue;
        }
        let thing = thing.strip_suffix('s').unwrap_or(&thing).to_string();
        out.push((thing, lower.replace(',', "")));
    }
    out
}

/// The most common value (ties: the smallest).
fn mode<T: Ord + Clone>(values: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    let best = counts.values().copied().max()?;
    counts.into_iter().find(|(_, c)| *c == best).map(|(v, _)| v)
}

pub(crate) const RECORD_COLUMNS: &str =
    "r.id, r.plover, r.cameo, r.quad, r.goldstein, r.modality, r.source, \
    r.source_country, r.target, r.target_country, r.date, r.date_end, r.mentions, r.documents";

pub(crate) fn record_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Record> {
    Ok(Record {
        id: r.get(0)?,
        plover: r.get(1)?,
        cameo: r.get(2)?,
        quad: r.get(3)?,
        goldstein: r.get(4)?,
        modality: r.get(5)?,
        source: r.get(6)?,
        source_country: r.get(7)?,
        target: r.get(8)?,
        target_country: r.get(9)?,
        date: r.get(10)?,
        date_end: r.get(11)?,
        mentions: r.get(12)?,
        documents: r.get(13)?,
    })
}

impl Store {
    /// Merges new mentions into records: gives every mention without a
    /// block its block, then re-clusters the blocks that have new
    /// mentions, records that lost mentions (their document was coded
    /// again) or records holding mentions of a document version since
    /// superseded. Mentions of superseded versions are left out.
    pub fn merge_records(&mut self) -> Result<MergeStats> {
        self.in_transaction(|s| {
            let touched = s.assign_blocks()?;
            s.recluster(&touched)
        })
    }

    /// Re-clusters every block from scratch (the same result as merging
    /// incrementally; for after a change of the merging rules).
    pub fn rebuild_records(&mut self) -> Result<MergeStats> {
        self.in_transaction(|s| {
            s.conn
                .execute("UPDATE events SET block = NULL", [])
                .map_err(|e| s.err(e))?;
            let mut touched = s.assign_blocks()?;
            let mut stmt = s
                .conn
                .prepare("SELECT DISTINCT block FROM records")
                .map_err(|e| s.err(e))?;
            let old = stmt
                .query_map([], |r| r.get::<_, String>(0))
                .map_err(|e| s.err(e))?
                .collect::<std::result::Result<Vec<_>, _>>()
                .map_err(|e| s.err(e))?;
            drop(stmt);
            touched.extend(old);
            s.recluster(&touched)
        })
    }

    /// Blocks needing work: those of mentions that had none (now given),
    /// and those of records whose member count changed.
    fn assign_blocks(&mut self) -> Result<BTreeSet<String>> {
        let mut touched = BTreeSet::new();
        let fresh: Vec<(i64, String)> = {
            let mut stmt = self
                .conn
                .prepare(&format!("{LOAD} WHERE e.block IS NULL"))
                .map_err(|e| self.err(e))?;
            let rows = stmt
                .query_map([], load_row)
                .map_err(|e| self.err(e))?
                .collect::<std::result::Result<Vec<_>, _>>()
                .map_err(|e| self.err(e))?;
            rows.iter()
                .map(|l| (l.m.event_id, block_of(&l.m)))
                .collect()
        };
        {
            let mut up = self
                .conn
                .prepare("UPDATE events SET block = ?2 WHERE id = ?1")
                .map_err(|e| self.err(e))?;
            for (id, block) in &fresh {
                up.execute(params![id, block]).map_err(|e| self.err(e))?;
                touched.insert(block.clone());
            }
        }
        let mut stmt = self
            .conn
            .prepare(
                "SELECT r.block FROM records r LEFT JOIN record_mentions m ON m.record_id = r.id \
                 GROUP BY r.id HAVING count(m.event_id) != r.mentions",
            )
            .map_err(|e| self.err(e))?;
        let lost = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))?;
        touched.extend(lost);
        // Records still holding mentions of a superseded document version.
        let mut stmt = self
            .conn
            .prepare(
                "SELECT DISTINCT r.block FROM records r JOIN record_mentions m ON m.record_id = r.id \
                 JOIN events e ON e.id = m.event_id JOIN documents d ON d.id = e.doc_id \
                 WHERE d.superseded_by IS NOT NULL",
            )
            .map_err(|e| self.err(e))?;
        let stale = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))?;
        touched.extend(stale);
        Ok(touched)
    }

    fn splits(&self) -> Result<HashSet<(String, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT a, b FROM record_splits")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(|e| self.err(e))?
            .collect::<std::result::Result<HashSet<_>, _>>()
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }

    fn recluster(&mut self, blocks: &BTreeSet<String>) -> Result<MergeStats> {
        let cannot = self.splits()?;
        let mut stats = MergeStats::default();
        for block in blocks {
            let loaded: Vec<Loaded> = {
                let mut stmt = self
                    .conn
                    .prepare_cached(&format!(
                        "{LOAD} WHERE e.block = ?1 AND d.superseded_by IS NULL ORDER BY e.id"
                    ))
                    .map_err(|e| self.err(e))?;
                let rows = stmt
                    .query_map([block], load_row)
                    .map_err(|e| self.err(e))?
                    .collect::<std::result::Result<Vec<_>, _>>()
                    .map_err(|e| self.err(e))?;
                rows
            };
            // Old records of the block, by member: a new record keeps the
            // id of the old record most of its members were in.
            let old_of: HashMap<i64, i64> = {
                let mut stmt = self
                    .conn
                    .prepare_cached(
                        "SELECT m.event_id, m.record_id FROM record_mentions m \
                         JOIN records r ON r.id = m.record_id WHERE r.block = ?1",
                    )
                    .map_err(|e| self.err(e))?;
                let rows = stmt
                    .query_map([block], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
                    .map_err(|e| self.err(e))?
                    .collect::<std::result::Result<HashMap<_, _>, _>>()
                    .map_err(|e| self.err(e))?;
                rows
            };
            let mut reused: HashSet<i64> = HashSet::new();
            self.conn
                .prepare_cached("DELETE FROM records WHERE block = ?1")
                .and_then(|mut st| st.execute([block]))
                .map_err(|e| self.err(e))?;
            let mentions: Vec<Mention> = loaded.iter().map(|l| l.m.clone()).collect();
            let clusters = cluster(&mentions, &cannot);
            stats.blocks += 1;
            stats.mentions += mentions.len();
            for c in clusters {
                let members: Vec<&Loaded> = c.members.iter().map(|&i| &loaded[i]).collect();
                let key = members
                    .iter()
                    .map(|l| l.m.key.clone())
                    .min()
                    .unwrap_or_default();
                let cameo = mode(members.iter().map(|l| l.m.cameo.clone())).unwrap_or_default();
                let with_code = members.iter().find(|l| l.m.cameo == cameo);
                let modality = if members.iter().any(|l| l.m.modality == "asserted") {
                    "asserted".to_string()
                } else {
                    mode(members.iter().map(|l| l.m.modality.clone())).unwrap_or_default()
                };
                let dates = mode(
                    members
                        .iter()
                        .filter(|l| l.date.is_some())
                        .map(|l| (l.date.clone(), l.date_end.clone())),
                );
                let (date, date_end) = dates.unwrap_or((None, None));
                let docs: BTreeSet<i64> = members.iter().map(|l| l.m.doc_id).collect();
                let id = {
                    let mut votes: BTreeMap<i64, usize> = BTreeMap::new();
                    for l in &members {
                        if let Some(&old) = old_of.get(&l.m.event_id) {
                            if !reused.contains(&old) {
                                *votes.entry(old).or_default() += 1;
                            }
                        }
                    }
                    let best = votes.values().copied().max();
                    let id =
                        best.and_then(|b| votes.iter().find(|(_, c)| **c == b).map(|(id, _)| *id));
                    if let Some(id) = id {
                        reused.insert(id);
                    }
                    id
                };
                self.conn
                    .prepare_cached(
                        "INSERT INTO records (id, key, block, plover, cameo, quad, goldstein, modality, \
                         source, source_country, target, target_country, date, date_end, mentions, documents) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                    )
                    .and_then(|mut st| st.execute(params![
                            id,
                            key,
                            block,
                            with_code.and_then(|l| l.m.plover.clone()),
                            cameo,
                            with_code.and_then(|l| l.quad),
                            with_code.and_then(|l| l.goldstein),
                            modality,
                            mode(members.iter().filter_map(|l| l.source_name.clone())),
                            mode(members.iter().filter_map(|l| l.source_country.clone())),
                            mode(members.iter().filter_map(|l| l.target_name.clone())),
                            mode(members.iter().filter_map(|l| l.target_country.clone())),
                            date,
                            date_end,
                            members.len() as i64,
                            docs.len() as i64,
                        ]))
                    .map_err(|e| self.err(e))?;
                let rid = self.conn.last_insert_rowid();
                stats.records += 1;
                let why = link_tree(&c);
                for &i in &c.members {
                    let (linked, reason) = match why.get(&i) {
                        Some((j, r)) => (Some(loaded[*j].m.event_id), Some(r.clone())),
                        None => (None, None),
                    };
                    self.conn
                        .prepare_cached(
                            "INSERT OR REPLACE INTO record_mentions (event_id, record_id, linked_to, reason) \
                             VALUES (?1, ?2, ?3, ?4)",
                        )
                        .and_then(|mut st| {
                            st.execute(params![loaded[i].m.event_id, rid, linked, reason])
                        })
                        .map_err(|e| self.err(e))?;
                }
                stats.contradictions += self.flag_contradictions(rid, &members)?;
            }
        }
        Ok(stats)
    }

    /// Flags a record whose sources (documents) disagree. Per document and
    /// field, the value is the one most of its mentions give; two
    /// documents or more with different values make a contradiction that
    /// lists each document's value with the words of its first mention
    /// giving it. Fields: `date` (day or interval), `place` (the place's
    /// name, when both give one), `participants` (the countries or actors
    /// on either side, over all the document's mentions of the record,
    /// when each document names two or more) and `number` (a count of the
    /// same thing, such as "12 soldiers" against "15 soldiers", in the
    /// mentions' sentences). Returns how many contradictions were stored.
    fn flag_contradictions(&mut self, rid: i64, members: &[&Loaded]) -> Result<usize> {
        let docs: BTreeSet<i64> = members.iter().map(|l| l.m.doc_id).collect();
        if docs.len() < 2 {
            return Ok(0);
        }
        let mut sentence_of: HashMap<i64, (Option<String>, String)> = HashMap::new();
        for l in members {
            let (outlet, words): (Option<String>, Option<String>) = self
                .conn
                .prepare_cached(
                    "SELECT d.outlet, CAST(substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT) \
                     FROM events e JOIN documents d ON d.id = e.doc_id \
                     LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence WHERE e.id = ?1",
                )
                .and_then(|mut st| {
                    st.query_row([l.m.event_id], |r| Ok((r.get(0)?, r.get(1)?)))
                        .optional()
                })
                .map_err(|e| self.err(e))?
                .unwrap_or((None, None));
            sentence_of.insert(l.m.event_id, (outlet, words.unwrap_or_default()));
        }
        let date = |l: &Loaded| match (&l.date, &l.date_end) {
            (Some(a), Some(b)) if a != b => Some(format!("{a}..{b}")),
            (Some(a), _) => Some(a.clone()),
            _ => None,
        };
        // A place named as a whole country ("in Russia") is vaguer than a
        // city in it, not a different place: only specific places count.
        let mut specific: HashSet<i64> = HashSet::new();
        for l in members {
            let Some(text) = &l.place_text else { continue };
            let country_level: bool = self
                .conn
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM doc_actors WHERE doc_id = ?1 AND kind = 'state' \
                     AND (lower(canonical) = lower(?2) OR instr(lower(surface_forms), lower(?3)) > 0))",
                )
                .and_then(|mut st| {
                    st.query_row(
                        params![l.m.doc_id, text, Value::String(text.clone()).to_string()],
                        |r| r.get(0),
                    )
                })
                .map_err(|e| self.err(e))?;
            if !country_level {
                specific.insert(l.m.event_id);
            }
        }
        let place = |l: &Loaded| {
            l.place_text
                .clone()
                .filter(|_| specific.contains(&l.m.event_id))
        };
        let mut found: Vec<(&str, Vec<(&Loaded, String)>)> = vec![
            ("date", per_document(members, date)),
            ("place", per_document(members, place)),
        ];
        // Participants: the union over each document's mentions.
        let mut parts: BTreeMap<i64, (BTreeSet<String>, &Loaded)> = BTreeMap::new();
        for l in members {
            let entry = parts
                .entry(l.m.doc_id)
                .or_insert_with(|| (BTreeSet::new(), *l));
            for side in l.m.source.iter().chain(&l.m.target) {
                entry
                    .0
                    .insert(side.country.clone().unwrap_or_else(|| side.id.clone()));
            }
        }
        if parts.values().all(|(set, _)| set.len() >= 2) {
            let listed: Vec<(&Loaded, String)> = parts
                .values()
                .map(|(set, l)| (*l, set.iter().cloned().collect::<Vec<_>>().join(", ")))
                .collect();
            found.push(("participants", listed));
        }
        // Numbers: per document, the count each thing is given.
        let mut counts: BTreeMap<String, BTreeMap<i64, (&Loaded, String)>> = BTreeMap::new();
        for l in members {
            let words = sentence_of
                .get(&l.m.event_id)
                .map(|(_, w)| w.as_str())
                .unwrap_or("");
            for (thing, n) in counts_in(words) {
                counts
                    .entry(thing)
                    .or_default()
                    .entry(l.m.doc_id)
                    .or_insert((*l, n));
            }
        }
        for per_doc in counts.values() {
            if per_doc.len() >= 2 {
                found.push(("number", per_doc.values().cloned().collect()));
            }
        }
        let mut stored = 0;
        for (field, chosen) in found {
            let distinct: BTreeSet<&String> = chosen.iter().map(|(_, v)| v).collect();
            if chosen.len() < 2 || distinct.len() < 2 {
                continue;
            }
            let detail: Vec<Value> = chosen
                .iter()
                .map(|(l, value)| {
                    let (outlet, words) = sentence_of
                        .get(&l.m.event_id)
                        .cloned()
                        .unwrap_or((None, String::new()));
                    serde_json::json!({
                        "event_id": l.m.event_id,
                        "doc_id": l.m.doc_id,
                        "outlet": outlet,
                        "value": value,
                        "words": (!words.is_empty()).then_some(words),
                    })
                })
                .collect();
            self.conn
                .prepare_cached(
                    "INSERT INTO contradictions (record_id, field, detail) VALUES (?1, ?2, ?3)",
                )
                .and_then(|mut st| {
                    st.execute(params![rid, field, Value::Array(detail).to_string()])
                })
                .map_err(|e| self.err(e))?;
            stored += 1;
        }
        Ok(stored)
    }

    /// Splits mentions out of a record: the given mentions form a record of
    /// their own (or join another), and are never merged back with the
    /// rest; the split is kept by the mentions' stable keys, so it
    /// survives coding again.
    pub fn split_record(&mut self, record_id: i64, event_ids: &[i64]) -> Result<MergeStats> {
        self.in_transaction(|s| {
            let detail = s.record(record_id)?;
            let members: Vec<i64> = detail.mention_list.iter().map(|m| m.event_id).collect();
            let (out, stay): (Vec<i64>, Vec<i64>) =
                members.iter().partition(|id| event_ids.contains(id));
            if out.len() != event_ids.len() {
                return Err(Error {
                    kind: ErrorKind::BadSplit(
                        record_id,
                        "a mention given is not in the record".into(),
                    ),
                    db: s.name.clone(),
                });
            }
            if out.is_empty() || stay.is_empty() {
                return Err(Error {
                    kind: ErrorKind::BadSplit(
                        record_id,
                        "give some but not all of its mentions".into(),
                    ),
                    db: s.name.clone(),
                });
            }
            let key_of = |s: &Store, id: i64| -> Result<(String, String)> {
                let row = s
                    .conn
                    .query_row(&format!("{LOAD} WHERE e.id = ?1"), [id], load_row)
                    .map_err(|e| s.err(e))?;
                Ok((row.m.key.clone(), block_of(&row.m)))
            };
            let mut block = String::new();
            for &a in &out {
                let (ka, b) = key_of(s, a)?;
                block = b;
                for &b in &stay {
                    let (kb, _) = key_of(s, b)?;
                    s.conn
                        .execute(
                            "INSERT OR IGNORE INTO record_splits (a, b) VALUES (?1, ?2)",
                            params![ka, kb],
                        )
                        .map_err(|e| s.err(e))?;
                }
            }
            let mut touched = BTreeSet::new();
            touched.insert(block);
            s.recluster(&touched)
        })
    }

    /// Lists records, newest first.
    pub fn records(&self, filter: &RecordFilter) -> Result<Vec<Record>> {
        let sql = format!(
            "SELECT {RECORD_COLUMNS} FROM records r \
             WHERE (?1 IS NULL OR r.source_country = ?1 OR r.target_country = ?1 OR r.source = ?1 OR r.target = ?1) \
             AND (?2 IS NULL OR r.date >= ?2) AND (?3 IS NULL OR substr(r.date, 1, length(?3)) <= ?3) \
             AND (?4 = 0 OR r.modality IN ('asserted', 'historical')) \
             ORDER BY r.date DESC, r.id"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(
                params![filter.actor, filter.since, filter.until, filter.facts_only],
                record_from_row,
            )
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))
    }

    /// One record with its mentions (and why each joined) and its
    /// contradictions.
    pub fn record(&self, id: i64) -> Result<RecordDetail> {
        let record = self
            .conn
            .query_row(
                &format!("SELECT {RECORD_COLUMNS} FROM records r WHERE r.id = ?1"),
                [id],
                record_from_row,
            )
            .optional()
            .map_err(|e| self.err(e))?
            .ok_or_else(|| Error {
                kind: ErrorKind::NoRecord(id),
                db: self.name.clone(),
            })?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT m.event_id, e.doc_id, d.outlet, d.title, e.date, e.date_end, \
                 CAST(substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT), m.linked_to, m.reason \
                 FROM record_mentions m JOIN events e ON e.id = m.event_id JOIN documents d ON d.id = e.doc_id \
                 LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence \
                 WHERE m.record_id = ?1 ORDER BY e.doc_id, e.sentence, e.id",
            )
            .map_err(|e| self.err(e))?;
        let mention_list = stmt
            .query_map([id], |r| {
                Ok(RecordMention {
                    event_id: r.get(0)?,
                    doc_id: r.get(1)?,
                    outlet: r.get(2)?,
                    title: r.get(3)?,
                    date: r.get(4)?,
                    date_end: r.get(5)?,
                    sentence: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
                    linked_to: r.get(7)?,
                    reason: r.get(8)?,
                })
            })
            .map_err(|e| self.err(e))?
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))?;
        let contradictions = self.contradictions_where(Some(id))?;
        Ok(RecordDetail {
            record,
            mention_list,
            contradictions,
        })
    }

    /// The record an event mention belongs to.
    pub fn record_of_event(&self, event_id: i64) -> Result<Option<i64>> {
        self.conn
            .query_row(
                "SELECT record_id FROM record_mentions WHERE event_id = ?1",
                [event_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Every contradiction, by record.
    pub fn contradictions(&self) -> Result<Vec<Contradiction>> {
        self.contradictions_where(None)
    }

    fn contradictions_where(&self, record: Option<i64>) -> Result<Vec<Contradiction>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT record_id, field, detail FROM contradictions \
                 WHERE (?1 IS NULL OR record_id = ?1) ORDER BY record_id, id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([record], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(|e| self.err(e))?
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))?;
        rows.into_iter()
            .map(|(record_id, field, detail)| {
                let values = serde_json::from_str(&detail).map_err(|e| Error {
                    kind: ErrorKind::Corrupt(format!("contradiction of record {record_id}: {e}")),
                    db: self.name.clone(),
                })?;
                Ok(Contradiction {
                    record_id,
                    field,
                    values,
                })
            })
            .collect()
    }

    /// Up to `limit` records with ids above `after`, in id order, with
    /// their representative mention and sources (for exports).
    pub fn record_rows(&self, after: i64, limit: usize) -> Result<Vec<RecordRow>> {
        type Raw = (Record, Option<i64>, Option<String>, i64, Option<String>);
        let rows: Vec<Raw> = {
            let mut stmt = self
                .conn
                .prepare_cached(&format!(
                    "SELECT {RECORD_COLUMNS}, \
                     (SELECT min(m.event_id) FROM record_mentions m JOIN events e ON e.id = m.event_id \
                      WHERE m.record_id = r.id AND e.cameo = r.cameo), \
                     (SELECT group_concat(m.event_id) FROM \
                      (SELECT event_id FROM record_mentions WHERE record_id = r.id ORDER BY event_id) m), \
                     (SELECT count(DISTINCT coalesce(d.outlet, '#' || d.id)) FROM record_mentions m \
                      JOIN events e ON e.id = m.event_id JOIN documents d ON d.id = e.doc_id \
                      WHERE m.record_id = r.id), \
                     (SELECT min(d.ingested_at) FROM record_mentions m JOIN events e ON e.id = m.event_id \
                      JOIN documents d ON d.id = e.doc_id WHERE m.record_id = r.id) \
                     FROM records r WHERE r.id > ?1 ORDER BY r.id LIMIT ?2"
                ))
                .map_err(|e| self.err(e))?;
            let rows = stmt
                .query_map(params![after, limit as i64], |r| {
                    Ok((
                        record_from_row(r)?,
                        r.get(14)?,
                        r.get(15)?,
                        r.get(16)?,
                        r.get(17)?,
                    ))
                })
                .map_err(|e| self.err(e))?
                .collect::<std::result::Result<Vec<_>, _>>()
                .map_err(|e| self.err(e))?;
            rows
        };
        let mut out = Vec::with_capacity(rows.len());
        for (record, rep, members, sources, first_added) in rows {
            let representative = match rep {
                Some(id) => Some(self.event(id)?),
                None => None,
            };
            let url = match &representative {
                Some(e) => self
                    .conn
                    .prepare_cached("SELECT url FROM documents WHERE id = ?1")
                    .and_then(|mut st| st.query_row([e.doc_id], |r| r.get(0)).optional())
                    .map_err(|e| self.err(e))?
                    .flatten(),
                None => None,
            };
            let members = members
                .unwrap_or_default()
                .split(',')
                .filter_map(|x| x.parse().ok())
                .collect();
            out.push(RecordRow {
                record,
                representative,
                members,
                sources,
                url,
                first_added,
            });
        }
        Ok(out)
    }

    /// Counts and Goldstein sums of the records between `a` and `b` (in
    /// either direction; countries or names), per period and type.
    pub fn dyad_series(
        &self,
        a: &str,
        b: &str,
        by: Period,
        facts_only: bool,
    ) -> Result<Vec<SeriesRow>> {
        let mut out: BTreeMap<(String, String), SeriesRow> = BTreeMap::new();
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {RECORD_COLUMNS} FROM records r WHERE r.date IS NOT NULL \
                 AND (((r.source_country = ?1 OR r.source = ?1) AND (r.target_country = ?2 OR r.target = ?2)) \
                   OR ((r.source_country = ?2 OR r.source = ?2) AND (r.target_country = ?1 OR r.target = ?1))) \
                 AND (?3 = 0 OR r.modality IN ('asserted', 'historical')) ORDER BY r.date"
            ))
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![a, b, facts_only], record_from_row)
            .map_err(|e| self.err(e))?
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))?;
        for r in rows {
            let Some(date) = r.date.as_deref() else {
                continue;
            };
            let period = match by {
                Period::Day => date.get(..10).unwrap_or(date).to_string(),
                Period::Month => date.get(..7).unwrap_or(date).to_string(),
                Period::Week => match days(date) {
                    // 1970-01-01 was a Thursday: Monday is 3 days earlier.
                    Some(d) => crate::merge::iso(d - (d + 3).rem_euclid(7)),
                    None => date.to_string(),
                },
            };
            let plover = r
                .plover
                .clone()
                .unwrap_or_else(|| format!("CAMEO {}", r.cameo.get(..2).unwrap_or(&r.cameo)));
            let row = out
                .entry((period.clone(), plover.clone()))
                .or_insert(SeriesRow {
                    period,
                    plover,
                    quad: r.quad,
                    count: 0,
                    goldstein_sum: 0.0,
                    goldstein_mean: 0.0,
                });
            row.count += 1;
            row.goldstein_sum += r.goldstein.unwrap_or(0.0);
            row.goldstein_mean = row.goldstein_sum / row.count as f64;
        }
        Ok(out.into_values().collect())
    }

    /// The actor network: one edge per directed pair of countries (or
    /// names when a side has no country), weighted by cooperative and
    /// conflictual records.
    pub fn network(&self, facts_only: bool) -> Result<Vec<Edge>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT coalesce(source_country, source), coalesce(target_country, target), \
                 sum(quad IN (1, 2)), sum(quad IN (3, 4)), coalesce(sum(goldstein), 0) FROM records \
                 WHERE coalesce(source_country, source) IS NOT NULL AND coalesce(target_country, target) IS NOT NULL \
                 AND coalesce(source_country, source) != coalesce(target_country, target) \
                 AND (?1 = 0 OR modality IN ('asserted', 'historical')) \
                 GROUP BY 1, 2 ORDER BY 1, 2",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([facts_only], |r| {
                Ok(Edge {
                    source: r.get(0)?,
                    target: r.get(1)?,
                    cooperation: r.get(2)?,
                    conflict: r.get(3)?,
                    goldstein_sum: r.get(4)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EventRow, Inserted, Origin};
    use dyads_text::{clean, Article, Span};

    fn add_doc(s: &mut Store, text: &str, events: &[EventRow]) -> Result<i64> {
        let d = match clean(&Article::text(text)) {
            Ok(d) => d,
            Err(e) => panic!("clean failed: {e}"),
        };
        // Each test document its own file: the same origin would make it
        // a new version of the last one.
        let o = Origin {
            source_path: Some(format!("{}.txt", &text[..8])),
            format: "text".into(),
            position: 0,
        };
        let id = match s.insert(&d, &o, text)? {
            Inserted::New(id) | Inserted::Unchanged(id) | Inserted::NewVersion { id, .. } => id,
        };
        s.replace_coding(id, "test", &[], events)?;
        Ok(id)
    }

    fn row(date: &str, src: &str, tgt: &str) -> EventRow {
        let side = |c: &str| serde_json::json!({"actor_id": c, "country": c, "canonical": c});
        EventRow {
            evidence: Span::new(0, 4),
            cameo: "040".into(),
            plover: Some("CONSULT".into()),
            modality: "asserted".into(),
            date: Some(date.into()),
            date_end: Some(date.into()),
            source_country: Some(src.into()),
            target_country: Some(tgt.into()),
            rule: "test".into(),
            json: serde_json::json!({"source": side(src), "target": side(tgt)}).to_string(),
            ..EventRow::default()
        }
    }

    #[test]
    fn counts_of_things_in_sentences() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Coast guards held 12 fishermen and two boats.",
                &[("fishermen", "12"), ("boat", "two")],
            ),
            ("Some 1,200 troops crossed.", &[("troop", "1200")]),
            ("They met on 14 January 2024 at 10 am.", &[]),
            ("They met on January 14, for 3 days.", &[]),
            ("In 2023 the 5th round ended.", &[]),
            ("Only one of them spoke.", &[]),
            ("The vote was 13 to 2.", &[]),
        ];
        for (text, want) in cases {
            let got = counts_in(text);
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn sources_disagreeing_on_place_participants_and_numbers() -> Result<()> {
        let mut s = Store::open_in_memory()?;
        let with = |mut r: EventRow, place: &str, third: Option<&str>| {
            let side = |c: &str| serde_json::json!({"actor_id": c, "country": c});
            let target = match third {
                Some(t) => serde_json::json!([side("PRK"), side(t)]),
                None => side("PRK"),
            };
            r.json = serde_json::json!({
                "source": side("RUS"),
                "target": target,
                "location": {"text": place, "country": "RUS"},
            })
            .to_string();
            r
        };
        add_doc(
            &mut s,
            "Russian border guards detained 12 fishermen at Khasan.",
            &[with(row("2024-03-02", "RUS", "PRK"), "Khasan", None)],
        )?;
        add_doc(
            &mut s,
            "Russia's border service says 15 fishermen were held near Vladivostok.",
            &[with(
                row("2024-03-02", "RUS", "PRK"),
                "Vladivostok",
                Some("CHN"),
            )],
        )?;
        s.merge_records()?;
        let records = s.records(&RecordFilter::default())?;
        assert_eq!(records.len(), 1);
        let found = s.contradictions()?;
        let fields: BTreeSet<&str> = found.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(
            fields,
            BTreeSet::from(["number", "participants", "place"]),
            "{found:?}"
        );
        let number = found.iter().find(|c| c.field == "number");
        let values: Vec<&str> = number
            .and_then(|c| c.values.as_array())
            .into_iter()
            .flatten()
            .filter_map(|v| v["value"].as_str())
            .collect();
        assert_eq!(values, vec!["12", "15"]);
        Ok(())
    }

    #[test]
    fn merging_is_incremental_idempotent_and_flags_dates() -> Result<()> {
        let mut s = Store::open_in_memory()?;
        // One document coding the same event twice (identical rows): keys
        // stay unique.
        let same = row("2024-01-16", "PRK", "RUS");
        add_doc(&mut s, "Choe met Lavrov in Moscow.", &[same.clone(), same])?;
        let first = s.merge_records()?;
        assert_eq!((first.mentions, first.records), (2, 1));
        assert_eq!(s.merge_records()?.blocks, 0, "nothing new: nothing done");
        // Another outlet dates it a day later: one record, a contradiction.
        add_doc(
            &mut s,
            "The foreign ministers met.",
            &[row("2024-01-17", "PRK", "RUS")],
        )?;
        let second = s.merge_records()?;
        assert_eq!((second.records, second.contradictions), (1, 1));
        let all = s.records(&RecordFilter::default())?;
        assert_eq!(all.len(), 1);
        assert_eq!((all[0].mentions, all[0].documents), (3, 2));
        assert_eq!(all[0].date.as_deref(), Some("2024-01-16"));
        let id = all[0].id;
        // A rebuild gives the same record, under the same id.
        s.rebuild_records()?;
        let again = s.records(&RecordFilter::default())?;
        assert_eq!(again, all);
        assert_eq!(s.contradictions()?.len(), 1);
        // A different dyad a week later is another record.
        add_doc(
            &mut s,
            "Kim wrote to Xi.",
            &[row("2024-01-24", "PRK", "CHN")],
        )?;
        s.merge_records()?;
        assert_eq!(s.records(&RecordFilter::default())?.len(), 2);
        assert!(matches!(
            s.record(9999).map_err(|e| e.kind),
            Err(ErrorKind::NoRecord(9999))
        ));
        assert_eq!(s.record(id)?.mention_list.len(), 3);
        // A new version of the second document (same file, other dyad):
        // its old mention leaves the record.
        let d = match clean(&Article::text("The foreign ministers met again.")) {
            Ok(d) => d,
            Err(e) => panic!("clean failed: {e}"),
        };
        let o = Origin {
            source_path: Some("The fore.txt".into()),
            format: "text".into(),
            position: 0,
        };
        let Inserted::NewVersion { id: v2, .. } = s.insert(&d, &o, "x")? else {
            panic!("expected a new version")
        };
        s.replace_coding(v2, "test", &[], &[row("2024-01-17", "PRK", "USA")])?;
        s.merge_records()?;
        let d = s.record(id)?;
        assert_eq!((d.record.mentions, d.record.documents), (2, 1));
        assert!(s.contradictions()?.is_empty());
        Ok(())
    }
}
