//! ECB+ cross-document event coreference (Cybulska and Vossen, 2014).
//!
//! Reads the CROMER XML of `eval/ecbplus/ECB+/` (topics 1-35, the part of
//! the corpus present there; the usual test split, topics 36-45, is not
//! used), keeps the event mentions (`ACTION_*` and `NEG_*` tags) of the
//! sentences listed in `ECBplus_coreference_sentences.csv`, and gives each
//! its gold cluster: the cross-document instance it is linked to, else its
//! within-document chain, else a singleton of its own.
//!
//! The scorers ([`muc`], [`b_cubed`], [`ceaf_e`] and [`conll_f1`]) are pure
//! functions over gold and system clusters of mention ids. The resolvers
//! work on GOLD mentions: they group mentions by the lemma of their
//! syntactic head (from [`dyads_syntax::Pipeline`]) within each gold topic.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use dyads_syntax::pipeline::Pipeline;
use dyads_text::Span;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::{Error, Result};

/// Precision, recall and F1 of one metric.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// Harmonic mean of `p` and `r` (0 when both are 0).
    pub f1: f64,
}

impl Prf {
    /// Precision and recall from their fractions `(numerator, denominator)`;
    /// an empty denominator gives 0.
    pub fn from_parts(p: (f64, f64), r: (f64, f64)) -> Prf {
        let ratio = |(n, d): (f64, f64)| if d > 0.0 { n / d } else { 0.0 };
        Prf::new(ratio(p), ratio(r))
    }

    /// Precision and recall with their F1.
    pub fn new(p: f64, r: f64) -> Prf {
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf { p, r, f1 }
    }
}

/// Maps each mention to the index of its cluster.
fn index_of<T: Ord>(clusters: &[Vec<T>]) -> BTreeMap<&T, usize> {
    let mut map = BTreeMap::new();
    for (i, c) in clusters.iter().enumerate() {
        for m in c {
            map.insert(m, i);
        }
    }
    map
}

/// MUC recall of `key` against `response` as `(numerator, denominator)`:
/// each key cluster scores its size less the number of pieces the response
/// cuts it into (mentions the response lacks are pieces of their own).
fn muc_recall<T: Ord>(key: &[Vec<T>], response: &[Vec<T>]) -> (f64, f64) {
    let resp = index_of(response);
    let (mut num, mut den) = (0usize, 0usize);
    for k in key.iter().filter(|k| !k.is_empty()) {
        let mut parts = BTreeSet::new();
        let mut missing = 0usize;
        for m in k {
            match resp.get(m) {
                Some(&j) => {
                    parts.insert(j);
                }
                None => missing += 1,
            }
        }
        num += k.len() - (parts.len() + missing);
        den += k.len() - 1;
    }
    (num as f64, den as f64)
}

/// MUC (Vilain et al., 1995): links kept over links needed.
pub fn muc<T: Ord>(gold: &[Vec<T>], system: &[Vec<T>]) -> Prf {
    Prf::from_parts(muc_recall(system, gold), muc_recall(gold, system))
}

/// B-cubed recall of `key` against `response` as `(numerator, denominator)`:
/// the mean over key mentions of the share of their key cluster that their
/// response cluster holds.
fn b_cubed_recall<T: Ord>(key: &[Vec<T>], response: &[Vec<T>]) -> (f64, f64) {
    let resp = index_of(response);
    let (mut num, mut den) = (0.0, 0usize);
    for k in key.iter().filter(|k| !k.is_empty()) {
        let mut overlap: BTreeMap<usize, usize> = BTreeMap::new();
        for m in k {
            if let Some(&j) = resp.get(m) {
                *overlap.entry(j).or_default() += 1;
            }
        }
        let squares: usize = overlap.values().map(|&c| c * c).sum();
        num += squares as f64 / k.len() as f64;
        den += k.len();
    }
    (num, den as f64)
}

/// B-cubed (Bagga and Baldwin, 1998), averaged over mentions.
pub fn b_cubed<T: Ord>(gold: &[Vec<T>], system: &[Vec<T>]) -> Prf {
    Prf::from_parts(b_cubed_recall(system, gold), b_cubed_recall(gold, system))
}

/// The assignment of rows to columns of `weights` (rows of equal length)
/// with the greatest total weight, as `(row, column)` pairs: every row is
/// matched when there are no more rows than columns, every column
/// otherwise. Hungarian algorithm (Kuhn-Munkres) with potentials, O(n²m).
pub fn max_assignment(weights: &[Vec<f64>]) -> Vec<(usize, usize)> {
    let rows = weights.len();
    let cols = weights.iter().map(Vec::len).min().unwrap_or(0);
    if rows == 0 || cols == 0 {
        return Vec::new();
    }
    if rows > cols {
        let t: Vec<Vec<f64>> = (0..cols)
            .map(|j| weights.iter().map(|r| r[j]).collect())
            .collect();
        return max_assignment(&t)
            .into_iter()
            .map(|(j, i)| (i, j))
            .collect();
    }
    // Minimum-cost assignment of the negated weights, 1-based, with row and
    // column potentials `u`, `v`; `owner[j]` is the row matched to column j.
    let cost = |i: usize, j: usize| -weights[i - 1][j - 1];
    let (n, m) = (rows, cols);
    let mut u = vec![0.0f64; n + 1];
    let mut v = vec![0.0f64; m + 1];
    let mut owner = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for i in 1..=n {
        owner[0] = i;
        let mut j0 = 0usize;
        let mut minv = vec![f64::INFINITY; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = owner[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0usize;
            for j in 1..=m {
                if used[j] {
                    continue;
                }
                let cur = cost(i0, j) - u[i0] - v[j];
                if cur < minv[j] {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if minv[j] < delta {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[owner[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if j0 == 0 || owner[j0] == 0 {
                break;
            }
        }
        while j0 != 0 {
            let j1 = way[j0];
            owner[j0] = owner[j1];
            j0 = j1;
        }
    }
    (1..=m)
        .filter(|&j| owner[j] != 0)
        .map(|j| (owner[j] - 1, j - 1))
        .collect()
}

/// Finds the representative of `x` in a union-find forest.
fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Entity-based CEAF (Luo, 2005) with the φ4 similarity
/// `2|K∩R| / (|K|+|R|)` and the optimal one-to-one alignment of gold and
/// system clusters. The alignment is solved per connected group of
/// overlapping clusters, which keeps it fast on a whole corpus.
pub fn ceaf_e<T: Ord>(gold: &[Vec<T>], system: &[Vec<T>]) -> Prf {
    let gold: Vec<&Vec<T>> = gold.iter().filter(|c| !c.is_empty()).collect();
    let system: Vec<&Vec<T>> = system.iter().filter(|c| !c.is_empty()).collect();
    let sys_index = {
        let mut map = BTreeMap::new();
        for (j, c) in system.iter().enumerate() {
            for m in c.iter() {
                map.insert(m, j);
            }
        }
        map
    };
    let (ng, ns) = (gold.len(), system.len());
    let mut parent: Vec<usize> = (0..ng + ns).collect();
    let mut overlaps: Vec<(usize, usize, usize)> = Vec::new();
    for (i, k) in gold.iter().enumerate() {
        let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
        for m in k.iter() {
            if let Some(&j) = sys_index.get(m) {
                *counts.entry(j).or_default() += 1;
            }
        }
        for (j, c) in counts {
            overlaps.push((i, j, c));
            let (a, b) = (find(&mut parent, i), find(&mut parent, ng + j));
            parent[a] = b;
        }
    }
    let mut groups: BTreeMap<usize, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for i in 0..ng {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().0.push(i);
    }
    for j in 0..ns {
        let r = find(&mut parent, ng + j);
        groups.entry(r).or_default().1.push(j);
    }
    let mut overlap_of: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (i, j, c) in overlaps {
        overlap_of.insert((i, j), c);
    }
    let mut total = 0.0;
    for (rows, cols) in groups.values() {
        if rows.is_empty() || cols.is_empty() {
            continue;
        }
        let phi: Vec<Vec<f64>> = rows
            .iter()
            .map(|&i| {
                cols.iter()
                    .map(|&j| {
                        let c = overlap_of.get(&(i, j)).copied().unwrap_or(0);
                        2.0 * c as f64 / (gold[i].len() + system[j].len()) as f64
                    })
                    .collect()
            })
            .collect();
        for (a, b) in max_assignment(&phi) {
            total += phi[a][b];
        }
    }
    Prf::from_parts((total, ns as f64), (total, ng as f64))
}

/// The three metrics of the CoNLL-2012 scorer.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    /// MUC.
    pub muc: Prf,
    /// B-cubed.
    pub b3: Prf,
    /// Entity-based CEAF.
    pub ceaf_e: Prf,
}

impl Scores {
    /// The CoNLL F1: the mean of the MUC, B-cubed and CEAF-e F1s.
    pub fn conll(&self) -> f64 {
        (self.muc.f1 + self.b3.f1 + self.ceaf_e.f1) / 3.0
    }
}

/// MUC, B-cubed and CEAF-e of `system` against `gold`.
pub fn score_clusters<T: Ord>(gold: &[Vec<T>], system: &[Vec<T>]) -> Scores {
    Scores {
        muc: muc(gold, system),
        b3: b_cubed(gold, system),
        ceaf_e: ceaf_e(gold, system),
    }
}

/// The CoNLL F1 of `system` against `gold`.
pub fn conll_f1<T: Ord>(gold: &[Vec<T>], system: &[Vec<T>]) -> f64 {
    score_clusters(gold, system).conll()
}

/// One event mention of the gold standard.
#[derive(Clone, Debug, PartialEq)]
pub struct EventMention {
    /// The mention id (`m_id`) in its document.
    pub m_id: String,
    /// The annotation tag (`ACTION_OCCURRENCE`, `NEG_ACTION_STATE`, ...).
    pub tag: String,
    /// The sentence holding its first token.
    pub sentence: u32,
    /// Positions of its tokens in that sentence.
    pub tokens: Vec<usize>,
    /// Its gold cluster: the cross-document instance id, else a
    /// within-document chain, else its own singleton id.
    pub cluster: String,
}

/// One ECB+ document restricted to its coreference-annotated sentences.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EcbDoc {
    /// File name without `.xml` (`1_10ecbplus`).
    pub name: String,
    /// The topic (`1` .. `35`).
    pub topic: u32,
    /// Whether it is from the ECB+ half of its topic (`..ecbplus.xml`)
    /// rather than the original ECB half: the subtopic.
    pub plus: bool,
    /// Annotated sentences: number and tokens.
    pub sentences: Vec<(u32, Vec<String>)>,
    /// Event mentions in those sentences.
    pub mentions: Vec<EventMention>,
}

fn attr(e: &BytesStart, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

fn is_event_tag(tag: &str) -> bool {
    tag.starts_with("ACTION_") || tag.starts_with("NEG_")
}

/// Parses one CROMER document keeping the sentences in `keep`.
pub fn parse_doc(path: &Path, xml: &str, keep: &BTreeSet<u32>) -> Result<EcbDoc> {
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    let topic = name
        .split('_')
        .next()
        .and_then(|t| t.parse().ok())
        .ok_or_else(|| Error::format(path, "file name without a topic".into()))?;
    let plus = name.ends_with("ecbplus");
    // token id -> (sentence, number, text)
    let mut tokens: BTreeMap<String, (u32, usize, String)> = BTreeMap::new();
    // markable m_id -> (tag, token ids)
    let mut markables: Vec<(String, String, Vec<String>)> = Vec::new();
    let mut cross: BTreeMap<String, String> = BTreeMap::new();
    let mut intra: BTreeMap<String, String> = BTreeMap::new();
    let mut reader = Reader::from_str(xml);
    let mut in_token: Option<(String, u32, usize)> = None;
    let mut markable: Option<(String, String, Vec<String>)> = None;
    // (cross-document?, note, sources, target)
    let mut relation: Option<(bool, String, Vec<String>, String)> = None;
    let mut in_markables = false;
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| Error::format(path, e.to_string()))?;
        match ev {
            Event::Eof => break,
            Event::Start(e) => {
                let tag = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                match tag.as_str() {
                    "token" => {
                        let id = attr(&e, b"t_id").unwrap_or_default();
                        let s = attr(&e, b"sentence").and_then(|s| s.parse().ok());
                        let n = attr(&e, b"number").and_then(|s| s.parse().ok());
                        match (s, n) {
                            (Some(s), Some(n)) => in_token = Some((id, s, n)),
                            _ => return Err(Error::format(path, format!("bad token {id}"))),
                        }
                    }
                    "Markables" => in_markables = true,
                    "CROSS_DOC_COREF" | "INTRA_DOC_COREF" => {
                        let note = attr(&e, b"note").unwrap_or_default();
                        relation =
                            Some((tag == "CROSS_DOC_COREF", note, Vec::new(), String::new()));
                    }
                    _ if in_markables => {
                        let id = attr(&e, b"m_id").unwrap_or_default();
                        markable = Some((id, tag, Vec::new()));
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                if let Some((id, s, n)) = in_token.take() {
                    let text = t
                        .unescape()
                        .map_err(|e| Error::format(path, e.to_string()))?
                        .trim()
                        .to_string();
                    tokens.insert(id, (s, n, text));
                }
            }
            Event::Empty(e) => match e.name().as_ref() {
                b"token_anchor" => {
                    if let (Some(m), Some(t)) = (markable.as_mut(), attr(&e, b"t_id")) {
                        m.2.push(t);
                    }
                }
                b"source" => {
                    if let (Some(r), Some(m)) = (relation.as_mut(), attr(&e, b"m_id")) {
                        r.2.push(m);
                    }
                }
                b"target" => {
                    if let (Some(r), Some(m)) = (relation.as_mut(), attr(&e, b"m_id")) {
                        r.3 = m;
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                b"token" => {
                    // An empty token element: keep it with empty text.
                    if let Some((id, s, n)) = in_token.take() {
                        tokens.insert(id, (s, n, String::new()));
                    }
                }
                b"Markables" => in_markables = false,
                b"CROSS_DOC_COREF" | b"INTRA_DOC_COREF" => {
                    if let Some((is_cross, note, sources, target)) = relation.take() {
                        for s in sources {
                            if is_cross {
                                cross.entry(s).or_insert_with(|| note.clone());
                            } else {
                                intra
                                    .entry(s)
                                    .or_insert_with(|| format!("intra:{name}:{target}"));
                            }
                        }
                    }
                }
                _ => {
                    if let Some(m) = markable.take() {
                        markables.push(m);
                    }
                }
            },
            _ => {}
        }
    }
    let mut by_sentence: BTreeMap<u32, Vec<(usize, String)>> = BTreeMap::new();
    for (s, n, text) in tokens.values() {
        if keep.contains(s) {
            by_sentence.entry(*s).or_default().push((*n, text.clone()));
        }
    }
    let sentences: Vec<(u32, Vec<String>)> = by_sentence
        .into_iter()
        .map(|(s, mut toks)| {
            toks.sort_by_key(|t| t.0);
            (s, toks.into_iter().map(|t| t.1).collect())
        })
        .collect();
    let mut mentions = Vec::new();
    for (m_id, tag, anchors) in markables {
        if !is_event_tag(&tag) {
            continue;
        }
        let Some(sentence) = anchors.first().and_then(|t| tokens.get(t)).map(|t| t.0) else {
            continue;
        };
        if !keep.contains(&sentence) {
            continue;
        }
        let mut toks: Vec<usize> = anchors
            .iter()
            .filter_map(|t| tokens.get(t))
            .filter(|t| t.0 == sentence)
            .map(|t| t.1)
            .collect();
        toks.sort_unstable();
        toks.dedup();
        let cluster = cross
            .get(&m_id)
            .or_else(|| intra.get(&m_id))
            .cloned()
            .unwrap_or_else(|| format!("single:{name}:{m_id}"));
        mentions.push(EventMention {
            m_id,
            tag,
            sentence,
            tokens: toks,
            cluster,
        });
    }
    Ok(EcbDoc {
        name,
        topic,
        plus,
        sentences,
        mentions,
    })
}

/// The highest topic read: the issue asks for topics 1-35.
pub const MAX_TOPIC: u32 = 35;

/// Reads the annotated-sentence index: file name -> sentence numbers.
fn read_sentence_index(path: &Path) -> Result<BTreeMap<String, BTreeSet<u32>>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut out: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split(',').map(str::trim).collect();
        let (Some(topic), Some(file), Some(sent)) = (f.first(), f.get(1), f.get(2)) else {
            return Err(Error::format(
                path,
                format!("line {}: too few fields", i + 1),
            ));
        };
        let s: u32 = sent
            .parse()
            .map_err(|_| Error::format(path, format!("line {}: bad sentence", i + 1)))?;
        out.entry(format!("{topic}_{file}")).or_default().insert(s);
    }
    Ok(out)
}

/// Reads the documents of topics 1-[`MAX_TOPIC`] under `dir`
/// (`eval/ecbplus`), restricted to their annotated sentences.
pub fn read_corpus(dir: &Path) -> Result<Vec<EcbDoc>> {
    let index = read_sentence_index(&dir.join("ECBplus_coreference_sentences.csv"))?;
    let mut docs = Vec::new();
    for (name, keep) in &index {
        let Some(topic) = name.split('_').next().and_then(|t| t.parse::<u32>().ok()) else {
            continue;
        };
        if topic == 0 || topic > MAX_TOPIC {
            continue;
        }
        let path = dir
            .join("ECB+")
            .join(topic.to_string())
            .join(format!("{name}.xml"));
        let xml = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        docs.push(parse_doc(&path, &xml, keep)?);
    }
    Ok(docs)
}

/// Pairs of event words that name the same kind of event in news; each
/// maps to the first word of its group.
const SYNONYMS: &[&[&str]] = &[
    &["attack", "strike", "raid", "assault", "bombing", "bomb"],
    &["kill", "slay", "murder", "shoot", "shooting", "killing"],
    &["die", "death", "dead", "pass"],
    &["arrest", "detain", "apprehend", "capture", "nab"],
    &["earthquake", "quake", "tremor", "temblor"],
    &["injure", "wound", "hurt", "injury"],
    &["fire", "sack", "dismiss", "layoff"],
    &["buy", "acquire", "acquisition", "purchase"],
    &["name", "appoint", "nominate", "nomination", "choose"],
    &["win", "victory", "beat", "defeat"],
    &["enter", "check", "admit"],
    &["rehab", "treatment"],
    &["charge", "accuse", "indict"],
    &["sentence", "convict", "conviction"],
    &["release", "launch", "unveil", "introduce"],
    &["crash", "collision", "collide", "accident"],
    &["sink", "capsize"],
    &["blaze", "burn"],
    &["erupt", "eruption"],
    &["hijack", "seize", "seizure"],
    &["play", "perform", "performance"],
    &["score", "goal"],
    &["flee", "escape"],
];

/// The canonical word of `lemma` in [`SYNONYMS`] (itself when absent).
pub fn canonical(lemma: &str) -> &str {
    for group in SYNONYMS {
        if group.contains(&lemma) {
            return group.first().copied().unwrap_or(lemma);
        }
    }
    lemma
}

/// A mention ready for clustering: its global id, document facts and the
/// lemma of its head word.
#[derive(Clone, Debug)]
struct Resolved {
    topic: u32,
    plus: bool,
    lemma: String,
    gold: String,
}

/// Head-word lemmas of the mentions of `docs`, from the dyads parser run
/// on each annotated sentence (tokens as the corpus gives them).
fn head_lemmas(pipeline: &Pipeline, docs: &[EcbDoc]) -> Vec<Resolved> {
    let mut out = Vec::new();
    for doc in docs {
        let mut parsed = BTreeMap::new();
        for (s, toks) in &doc.sentences {
            let mut text = String::new();
            let mut spans = Vec::new();
            for t in toks {
                if !text.is_empty() {
                    text.push(' ');
                }
                let start = text.len() as u32;
                text.push_str(if t.is_empty() { "_" } else { t });
                spans.push(Span {
                    start,
                    end: text.len() as u32,
                });
            }
            parsed.insert(*s, pipeline.annotate_spans(&text, &spans));
        }
        for m in &doc.mentions {
            let lemma = parsed
                .get(&m.sentence)
                .and_then(|p| {
                    let inside = |i: usize| m.tokens.contains(&i);
                    let head = m
                        .tokens
                        .iter()
                        .copied()
                        .find(|&i| {
                            p.tokens
                                .get(i)
                                .and_then(|t| t.head)
                                .is_none_or(|h| !inside(h))
                        })
                        .or_else(|| m.tokens.first().copied())?;
                    p.tokens.get(head).map(|t| t.lemma.to_lowercase())
                })
                .unwrap_or_default();
            out.push(Resolved {
                topic: doc.topic,
                plus: doc.plus,
                lemma,
                gold: m.cluster.clone(),
            });
        }
    }
    out
}

/// Clusters mention indices by `key` (mentions with an empty lemma stay
/// alone).
fn cluster_by<K: Ord>(mentions: &[Resolved], key: impl Fn(&Resolved) -> K) -> Vec<Vec<usize>> {
    let mut groups: BTreeMap<K, Vec<usize>> = BTreeMap::new();
    let mut out = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.lemma.is_empty() {
            out.push(vec![i]);
        } else {
            groups.entry(key(m)).or_default().push(i);
        }
    }
    out.extend(groups.into_values());
    out
}

/// The scores of one clustering method.
#[derive(Clone, Debug, PartialEq)]
pub struct MethodScore {
    /// The method.
    pub name: String,
    /// Its clusters.
    pub clusters: usize,
    /// Its scores against gold.
    pub scores: Scores,
}

/// ECB+ event coreference scores of the resolvers and baselines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EcbReport {
    /// Topics read.
    pub topics: usize,
    /// Documents read.
    pub documents: usize,
    /// Gold event mentions in the annotated sentences.
    pub mentions: usize,
    /// Gold clusters, singletons included.
    pub gold_clusters: usize,
    /// Gold clusters of more than one mention.
    pub gold_chains: usize,
    /// One line per method.
    pub methods: Vec<MethodScore>,
}

impl EcbReport {
    /// The scores of the method called `name`.
    pub fn method(&self, name: &str) -> Option<&MethodScore> {
        self.methods.iter().find(|m| m.name == name)
    }
}

impl fmt::Display for EcbReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "ECB+ cross-document event coreference, topics 1-{MAX_TOPIC} ({} topics), GOLD mentions: \
             {} documents, {} mentions, {} gold clusters ({} with 2+ mentions)",
            self.topics, self.documents, self.mentions, self.gold_clusters, self.gold_chains
        )?;
        for m in &self.methods {
            let s = &m.scores;
            writeln!(
                f,
                "  {:<24} MUC P {:.3} R {:.3} F1 {:.3} | B3 P {:.3} R {:.3} F1 {:.3} | \
                 CEAF-e P {:.3} R {:.3} F1 {:.3} | CoNLL F1 {:.3} ({} clusters)",
                m.name,
                s.muc.p,
                s.muc.r,
                s.muc.f1,
                s.b3.p,
                s.b3.r,
                s.b3.f1,
                s.ceaf_e.p,
                s.ceaf_e.r,
                s.ceaf_e.f1,
                s.conll(),
                m.clusters
            )?;
        }
        Ok(())
    }
}

/// Name of the all-singletons baseline.
pub const SINGLETONS: &str = "singletons";
/// Name of the same-lemma baseline (head lemma, within the gold topic).
pub const SAME_LEMMA: &str = "same-lemma/topic";
/// Name of the resolver: head lemma through the synonym table, within the
/// gold topic and its subtopic (ECB or ECB+ half).
pub const RESOLVER: &str = "dyads lemma+syn/subtopic";

/// Scores event coreference on the ECB+ corpus under `shared`
/// (`eval/ecbplus`), on gold mentions of topics 1-[`MAX_TOPIC`].
pub fn score_ecbplus(shared: &Path) -> Result<EcbReport> {
    let dir = shared.join("eval/ecbplus");
    let docs = read_corpus(&dir)?;
    let pipeline = Pipeline::load().map_err(|e| Error::format(&dir, e.to_string()))?;
    let mentions = head_lemmas(&pipeline, &docs);
    let mut gold_map: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        gold_map.entry(m.gold.as_str()).or_default().push(i);
    }
    let gold: Vec<Vec<usize>> = gold_map.into_values().collect();
    let topics: BTreeSet<u32> = docs.iter().map(|d| d.topic).collect();
    let singletons: Vec<Vec<usize>> = (0..mentions.len()).map(|i| vec![i]).collect();
    let same_lemma = cluster_by(&mentions, |m| (m.topic, m.lemma.clone()));
    let same_lemma_sub = cluster_by(&mentions, |m| (m.topic, m.plus, m.lemma.clone()));
    let resolver = cluster_by(&mentions, |m| {
        (m.topic, m.plus, canonical(&m.lemma).to_string())
    });
    let methods = [
        (SINGLETONS, singletons),
        (SAME_LEMMA, same_lemma),
        ("same-lemma/subtopic", same_lemma_sub),
        (RESOLVER, resolver),
    ]
    .into_iter()
    .map(|(name, clusters)| MethodScore {
        name: name.to_string(),
        clusters: clusters.len(),
        scores: score_clusters(&gold, &clusters),
    })
    .collect();
    Ok(EcbReport {
        topics: topics.len(),
        documents: docs.len(),
        mentions: mentions.len(),
        gold_clusters: gold.len(),
        gold_chains: gold.iter().filter(|c| c.len() > 1).count(),
        methods,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn prf_is(got: Prf, p: f64, r: f64, f1: f64) -> bool {
        close(got.p, p) && close(got.r, r) && close(got.f1, f1)
    }

    /// Pradhan et al. (2014), "Scoring coreference partitions of predicted
    /// mentions": key {a b c} {d e f g}, response {a b} {c d} {f g h i}.
    fn pradhan() -> (Vec<Vec<char>>, Vec<Vec<char>>) {
        (
            vec![vec!['a', 'b', 'c'], vec!['d', 'e', 'f', 'g']],
            vec![vec!['a', 'b'], vec!['c', 'd'], vec!['f', 'g', 'h', 'i']],
        )
    }

    #[test]
    fn muc_of_the_reference_example() {
        // Recall: {a b | c} keeps 1 of 2 links, {d | e | f g} 1 of 3.
        // Precision: {a b} 1 of 1, {c | d} 0 of 1, {f g | h | i} 1 of 3.
        let (k, r) = pradhan();
        assert!(prf_is(muc(&k, &r), 0.4, 0.4, 0.4), "{:?}", muc(&k, &r));
    }

    #[test]
    fn b_cubed_of_the_reference_example() {
        // R = ((2²+1²)/3 + (1²+2²)/4) / 7 = 5/12; P = (4/2 + 2/2 + 4/4) / 8 = 1/2.
        let (k, r) = pradhan();
        let got = b_cubed(&k, &r);
        assert!(prf_is(got, 0.5, 5.0 / 12.0, 5.0 / 11.0), "{got:?}");
    }

    #[test]
    fn ceaf_e_of_the_reference_example() {
        // φ4: K1-R1 0.8, K1-R2 0.4, K2-R2 1/3, K2-R3 0.5; best K1-R1 + K2-R3
        // = 1.3; R = 1.3/2, P = 1.3/3, F1 = 0.52.
        let (k, r) = pradhan();
        let got = ceaf_e(&k, &r);
        assert!(prf_is(got, 1.3 / 3.0, 0.65, 0.52), "{got:?}");
        let conll = conll_f1(&k, &r);
        assert!(close(conll, (0.4 + 5.0 / 11.0 + 0.52) / 3.0), "{conll}");
    }

    #[test]
    fn perfect_and_singleton_responses() {
        let gold = vec![vec![1, 2, 3], vec![4, 5], vec![6]];
        let s = score_clusters(&gold, &gold);
        assert!(close(s.conll(), 1.0), "{s:?}");
        // All singletons: no links, so MUC is 0; B3 precision is 1 and
        // recall (3·1/3 + 2·1/2 + 1) / 6 = 1/2; CEAF-e aligns {1 2 3}-{1}
        // 2/4, {4 5}-{4} 2/3 and {6}-{6} 1: 13/6 over 3 gold, 6 system.
        let singles: Vec<Vec<i32>> = (1..=6).map(|i| vec![i]).collect();
        let s = score_clusters(&gold, &singles);
        assert!(prf_is(s.muc, 0.0, 0.0, 0.0), "{s:?}");
        assert!(prf_is(s.b3, 1.0, 0.5, 2.0 / 3.0), "{s:?}");
        assert!(
            prf_is(s.ceaf_e, 13.0 / 36.0, 13.0 / 18.0, 0.4814814814814815),
            "{s:?}"
        );
        // One big cluster: MUC recall 1, precision 3/5; B3 recall 1,
        // precision (9+4+1)/36 = 7/18.
        let one = vec![vec![1, 2, 3, 4, 5, 6]];
        let s = score_clusters(&gold, &one);
        assert!(prf_is(s.muc, 0.6, 1.0, 0.75), "{s:?}");
        assert!(close(s.b3.p, 7.0 / 18.0) && close(s.b3.r, 1.0), "{s:?}");
    }

    #[test]
    fn empty_and_all_singleton_inputs_score_zero_not_nan() {
        let empty: Vec<Vec<u8>> = Vec::new();
        let s = score_clusters(&empty, &empty);
        assert_eq!(s, Scores::default());
        let gold = vec![vec![1u8, 2]];
        let s = score_clusters(&gold, &empty);
        assert_eq!(s.conll(), 0.0);
        // Singleton gold and system: MUC has no links (0), B3 and CEAF-e 1.
        let singles = vec![vec![1u8], vec![2]];
        let s = score_clusters(&singles, &singles);
        assert!(prf_is(s.muc, 0.0, 0.0, 0.0), "{s:?}");
        assert!(prf_is(s.b3, 1.0, 1.0, 1.0), "{s:?}");
        assert!(prf_is(s.ceaf_e, 1.0, 1.0, 1.0), "{s:?}");
    }

    #[test]
    fn hungarian_beats_greedy() {
        // Greedy takes 0.9 then 0.0; the best is 0.8 + 0.7.
        let w = vec![vec![0.9, 0.8], vec![0.7, 0.0]];
        let mut a = max_assignment(&w);
        a.sort_unstable();
        assert_eq!(a, vec![(0, 1), (1, 0)]);
        // Classic minimum-cost matrix, negated: optimum 1 + 2 + 2 = 5.
        let cost = [[4.0, 1.0, 3.0], [2.0, 0.0, 5.0], [3.0, 2.0, 2.0]];
        let neg: Vec<Vec<f64>> = cost
            .iter()
            .map(|r| r.iter().map(|c| -c).collect())
            .collect();
        let total: f64 = max_assignment(&neg).iter().map(|&(i, j)| cost[i][j]).sum();
        assert!(close(total, 5.0), "{total}");
        // Rectangular, both ways.
        let wide = vec![vec![1.0, 5.0, 2.0]];
        assert_eq!(max_assignment(&wide), vec![(0, 1)]);
        let tall = vec![vec![1.0], vec![5.0], vec![2.0]];
        assert_eq!(max_assignment(&tall), vec![(1, 0)]);
        assert!(max_assignment(&[]).is_empty());
    }

    #[test]
    fn parses_a_cromer_document() {
        let xml = r#"<Document doc_name="9_1ecbplus.xml">
<token t_id="1" sentence="0" number="0">Police</token>
<token t_id="2" sentence="1" number="0">Police</token>
<token t_id="3" sentence="1" number="1">arrested</token>
<token t_id="4" sentence="1" number="2">him</token>
<token t_id="5" sentence="1" number="3">after</token>
<token t_id="6" sentence="1" number="4">the</token>
<token t_id="7" sentence="1" number="5">raid</token>
<Markables>
<ACTION_OCCURRENCE m_id="10"><token_anchor t_id="3"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="11"><token_anchor t_id="6"/><token_anchor t_id="7"/></ACTION_OCCURRENCE>
<NEG_ACTION_STATE m_id="12"><token_anchor t_id="1"/></NEG_ACTION_STATE>
<HUMAN_PART_PER m_id="13"><token_anchor t_id="2"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="20" TAG_DESCRIPTOR="t9_arrest" instance_id="ACT1"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="10"/><target m_id="20"/></CROSS_DOC_COREF>
</Relations>
</Document>"#;
        let keep: BTreeSet<u32> = [1].into_iter().collect();
        let doc = match parse_doc(Path::new("9_1ecbplus.xml"), xml, &keep) {
            Ok(d) => d,
            Err(e) => panic!("{e}"),
        };
        assert_eq!((doc.topic, doc.plus), (9, true));
        assert_eq!(doc.sentences.len(), 1);
        let got: Vec<(&str, &str, Vec<usize>)> = doc
            .mentions
            .iter()
            .map(|m| (m.m_id.as_str(), m.cluster.as_str(), m.tokens.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("10", "ACT1", vec![1]),
                ("11", "single:9_1ecbplus:11", vec![4, 5])
            ]
        );
        assert_eq!(canonical("quake"), "earthquake");
        assert_eq!(canonical("walk"), "walk");
    }
}
