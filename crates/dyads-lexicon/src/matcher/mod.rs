//! The matcher: a token trie over every normalised name, name variant,
//! sector term and honorific of a [`Lexicon`](crate::Lexicon), searched leftmost-longest.
//!
//! Why a trie over token ids rather than a byte automaton: names are
//! matched on whole tokens (word boundaries come for free), the text is
//! normalised once into tokens that keep their original byte spans, and
//! each text token costs one hash lookup plus a walk as deep as the longest
//! name starting there. No dependency needed.
//!
//! Every match keeps all its candidates: `Congo` gives both `COD` and `COG`,
//! `Kim` alone gives every Kim, each flagged [`MatchKind::Partial`]. Titles
//! and honorifics directly before a name are stripped and reported with it
//! (`President Putin`: span `Putin`, title `President` with its sector).

use dyads_text::Span;
use serde::{Deserialize, Serialize};

use crate::fuzzy::FuzzyIndex;
use crate::fxhash::FxHashMap;
use crate::model::{ActorId, NameKind, TermId};
use crate::normalize::{tokenize, NormToken};

mod build;

/// How a match was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// A name as the data writes it (up to normalisation).
    Exact,
    /// A generated spelling variant (`Choi Son Hui`, `Sergei Lavrov`).
    Variant,
    /// A context-dependent alias (`the North`): low confidence.
    Weak,
    /// A family name alone (`Lavrov`): the coder decides from context.
    Partial,
    /// One edit away from a long unambiguous name (`Kin Jong-un`, `KNCA`).
    Typo,
}

/// One actor a match may refer to.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The actor.
    pub actor: ActorId,
    /// Which of its names matched.
    pub name_kind: NameKind,
    /// How it matched.
    pub kind: MatchKind,
    /// Confidence in 0..=1 that the span names this actor (before context).
    pub confidence: f32,
}

/// A title or honorific stripped from before a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Title {
    /// Bytes it covers in the original text.
    pub span: Span,
    /// The sector term, or `None` for a bare honorific (`Comrade`, `Mr`).
    pub term: Option<TermId>,
}

/// An actor mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Match {
    /// Bytes of the name in the original text (title excluded).
    pub span: Span,
    /// Every actor it may refer to, most confident first; never empty.
    pub candidates: Vec<Candidate>,
    /// The best candidate's kind.
    pub kind: MatchKind,
    /// The best candidate's confidence.
    pub confidence: f32,
    /// The title or honorific directly before the name.
    pub title: Option<Title>,
}

impl Match {
    /// True when more than one actor is a candidate.
    pub fn is_ambiguous(&self) -> bool {
        self.candidates.len() > 1
    }

    /// The candidate actors.
    pub fn actors(&self) -> impl Iterator<Item = ActorId> + '_ {
        self.candidates.iter().map(|c| c.actor)
    }
}

/// A sector term found in the text (titles included).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermMatch {
    /// Bytes it covers in the original text.
    pub span: Span,
    /// The term.
    pub term: TermId,
}

/// Actor mentions and sector terms of one text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Scan {
    /// Actor mentions, in text order.
    pub actors: Vec<Match>,
    /// Sector terms, in text order.
    pub terms: Vec<TermMatch>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Actor(ActorId, NameKind),
    Term(TermId),
    Honorific,
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    target: Target,
    kind: MatchKind,
    /// Bit i: token i must be capitalised in the text.
    cap_mask: u32,
    /// Bit i: token i must be all uppercase in the text (short acronyms).
    upper_mask: u32,
    layer: u8,
}

impl Entry {
    fn fits(&self, toks: &[NormToken]) -> bool {
        toks.iter().enumerate().take(32).all(|(i, t)| {
            let bit = 1u32 << i;
            (self.upper_mask & bit == 0 || t.upper)
                && (self.cap_mask & bit == 0 || t.capitalized || t.upper)
        })
    }
}

const NONE: u32 = u32::MAX;

/// The compiled matcher of a [`Lexicon`](crate::Lexicon); get it with
/// [`Lexicon::matcher`](crate::Lexicon::matcher).
#[derive(Debug, Default)]
pub struct Matcher {
    vocab: FxHashMap<String, u32>,
    edges: FxHashMap<(u32, u32), u32>,
    terminal: Vec<u32>,
    payloads: Vec<Vec<Entry>>,
    /// Names ending in a stem (TABARI's `ARGENTIN`): (node of the words
    /// before it, the stem) -> payload.
    stems: FxHashMap<(u32, String), u32>,
    /// Nodes with stems after them, and the shortest stem's length.
    stem_nodes: FxHashMap<u32, usize>,
    term_is_title: Vec<bool>,
    fuzzy: FuzzyIndex,
}

fn confidence(kind: MatchKind, name_kind: NameKind) -> f32 {
    let base = match name_kind {
        NameKind::Canonical | NameKind::Alias => 1.0,
        NameKind::Demonym | NameKind::Metonym => 0.9,
        NameKind::Capital => 0.75,
        NameKind::Weak => 0.4,
        NameKind::Surname => 0.5,
    };
    match kind {
        MatchKind::Exact | MatchKind::Weak | MatchKind::Partial => base,
        MatchKind::Variant => base * 0.9,
        MatchKind::Typo => base * 0.7,
    }
}

impl Matcher {
    /// Number of distinct normalised words the matcher knows.
    pub fn vocabulary_size(&self) -> usize {
        self.vocab.len()
    }

    /// Number of names indexed for typo tolerance.
    pub fn typo_index_size(&self) -> usize {
        self.fuzzy.len()
    }

    /// Every actor mention in `text`, leftmost-longest.
    pub fn find_all(&self, text: &str) -> Vec<Match> {
        self.scan(text).actors
    }

    /// Every sector term in `text`, leftmost-longest.
    pub fn find_terms(&self, text: &str) -> Vec<TermMatch> {
        self.scan(text).terms
    }

    /// The longest terminal starting at token `i` whose entries fit the
    /// text's case: (end token, payload).
    fn longest(&self, toks: &[NormToken], ids: &[u32], i: usize) -> Option<(usize, u32)> {
        let mut node = 0u32;
        let mut best = None;
        for j in i..toks.len() {
            if let Some(end) = self.stem_at(toks, i, j, node) {
                best = Some(end);
            }
            let tok = ids[j];
            if tok == NONE {
                break;
            }
            let Some(&next) = self.edges.get(&(node, tok)) else {
                break;
            };
            node = next;
            let p = self.terminal.get(node as usize).copied().unwrap_or(NONE);
            if p == NONE {
                continue;
            }
            let span = &toks[i..=j];
            let fits = self
                .payloads
                .get(p as usize)
                .is_some_and(|es| es.iter().any(|e| e.fits(span)));
            if fits {
                best = Some((j + 1, p));
            }
        }
        best
    }

    /// A name ending in a stem that token `j` begins with, after the words
    /// that led from token `i` to `node`: (end token, payload).
    fn stem_at(&self, toks: &[NormToken], i: usize, j: usize, node: u32) -> Option<(usize, u32)> {
        let &shortest = self.stem_nodes.get(&node)?;
        let text = &toks[j].text;
        let mut found = None;
        for (k, _) in text
            .char_indices()
            .skip(1)
            .chain(std::iter::once((text.len(), ' ')))
        {
            if k < shortest {
                continue;
            }
            let Some(&p) = self.stems.get(&(node, text[..k].to_string())) else {
                continue;
            };
            let fits = self
                .payloads
                .get(p as usize)
                .is_some_and(|es| es.iter().any(|e| e.fits(&toks[i..=j])));
            if fits {
                found = Some((j + 1, p));
            }
        }
        found
    }

    /// Actor mentions and sector terms of `text` in one pass.
    pub fn scan(&self, text: &str) -> Scan {
        let toks = tokenize(text);
        let ids: Vec<u32> = toks
            .iter()
            .map(|t| self.vocab.get(t.text.as_str()).copied().unwrap_or(NONE))
            .collect();
        let mut scan = Scan::default();
        // (first token, end token, span, term) of the title chain before `i`.
        let mut title: Option<(usize, Span, Option<TermId>)> = None;
        let mut i = 0;
        while i < toks.len() {
            // A name never ends inside a hyphenated word (`Cho Hyun` in
            // `Cho Hyun-dong`), unless the word is a pair of names
            // (`US-Philippine`, `EU-China`).
            let found = self.longest(&toks, &ids, i).filter(|&(end, p)| {
                !hyphen_glued(text, toks[end - 1].end)
                    || self.hyphen_pair(text, &toks, &ids, (i, end), p)
            });
            let Some((end, p)) = found else {
                let typo = self
                    .typo(text, &toks, i)
                    .filter(|(end, _)| !hyphen_glued(text, toks[end - 1].end));
                if let Some(m) = typo {
                    let (end, mut m) = m;
                    m.title = title_before(&title, i);
                    scan.actors.push(m);
                    i = end;
                } else {
                    i += 1;
                }
                continue;
            };
            // A name opening with `the` (`the West`, `the North`) is never
            // the head of a longer proper name: `the North Atlantic
            // Alliance`, `the South China Sea`, `the West Bank`.
            let the_then_name = toks[i].text == "the"
                && end > i + 1
                && toks.get(end).is_some_and(|t| t.capitalized || t.upper)
                && !text
                    .get(toks[end - 1].end..toks.get(end).map_or(0, |t| t.start))
                    .is_some_and(|g| g.contains([',', '.', ';', ':', '(', ')', '"', '“', '”']));
            if the_then_name {
                i += 1;
                continue;
            }
            // A weak alias (`the South`) yields to a longer name starting
            // inside it (`South Korean`).
            // (A one-word alias has no inside: `Jordan, Egypt and Turkey`.)
            if i + 1 < end && self.only_weak(&toks, i, end, p) {
                if let Some((end2, _)) = self.longest(&toks, &ids, i + 1) {
                    if end2 > end {
                        i += 1;
                        continue;
                    }
                }
            }
            // A short name of an actor yields to a longer name of the same
            // actor starting inside it and running past it (`Sheikh Tamim`
            // in `Sheikh Tamim bin Hamad Al Thani`).
            if let Some(j) = (i + 1..end).find(|&j| {
                self.longest(&toks, &ids, j)
                    .is_some_and(|(end2, p2)| end2 > end && self.same_actor(p, p2))
            }) {
                i = j;
                continue;
            }
            let span = Span::new(toks[i].start, toks[end - 1].end);
            let entries: Vec<Entry> = self
                .payloads
                .get(p as usize)
                .map(|es| {
                    es.iter()
                        .filter(|e| e.fits(&toks[i..end]))
                        .copied()
                        .collect()
                })
                .unwrap_or_default();
            let mut title_term = None;
            let mut is_title = false;
            for e in &entries {
                match e.target {
                    Target::Term(t) => {
                        scan.terms.push(TermMatch { span, term: t });
                        if self.term_is_title.get(t.0 as usize) == Some(&true) {
                            title_term = Some(t);
                        }
                    }
                    Target::Honorific => is_title = true,
                    Target::Actor(..) => {}
                }
            }
            let candidates = candidates(&entries);
            if !candidates.is_empty() {
                let (kind, confidence) = (candidates[0].kind, candidates[0].confidence);
                scan.actors.push(Match {
                    span,
                    candidates,
                    kind,
                    confidence,
                    title: title_before(&title, i),
                });
                title = None;
            } else if is_title || title_term.is_some() {
                let start = match title {
                    Some((e, s, _)) if e == i => s.start as usize,
                    _ => span.start as usize,
                };
                title = Some((end, Span::new(start, span.end as usize), title_term));
            }
            i = end;
        }
        scan
    }

    /// True when the name of payload `p` over tokens `i..end` is followed,
    /// across a hyphen and nothing else, by another name: a pair such as
    /// `US-Philippine` or `EU-China`, each side a name of its own. Weak
    /// aliases and bare surnames do not pair (`Jackson-Lee` is one
    /// person), and neither does a name glued to a common word
    /// (`Iran-backed`, `Cho Hyun-dong`).
    fn hyphen_pair(
        &self,
        text: &str,
        toks: &[NormToken],
        ids: &[u32],
        (i, end): (usize, usize),
        p: u32,
    ) -> bool {
        let strong = |p: u32, span: &[NormToken]| {
            self.payloads.get(p as usize).is_some_and(|es| {
                es.iter().any(|e| {
                    e.fits(span)
                        && e.kind != MatchKind::Weak
                        && matches!(
                            e.target,
                            Target::Actor(_, k) if !matches!(k, NameKind::Weak | NameKind::Surname)
                        )
                })
            })
        };
        let (Some(last), Some(next)) =
            (end.checked_sub(1).and_then(|k| toks.get(k)), toks.get(end))
        else {
            return false;
        };
        if text.get(last.end..next.start) != Some("-") || !(next.capitalized || next.upper) {
            return false;
        }
        let Some(first) = toks.get(i..end) else {
            return false;
        };
        strong(p, first)
            && self
                .longest(toks, ids, end)
                .is_some_and(|(end2, p2)| toks.get(end..end2).is_some_and(|s| strong(p2, s)))
    }

    /// True when every entry of payload `p` fitting tokens `i..end` is a
    /// weak alias.
    /// Whether payloads `p` and `q` name a common actor.
    fn same_actor(&self, p: u32, q: u32) -> bool {
        let actors = |x: u32| {
            self.payloads
                .get(x as usize)
                .into_iter()
                .flatten()
                .filter_map(|e| match e.target {
                    Target::Actor(a, _) => Some(a),
                    _ => None,
                })
                .collect::<Vec<ActorId>>()
        };
        let a = actors(p);
        !a.is_empty() && actors(q).iter().any(|x| a.contains(x))
    }

    fn only_weak(&self, toks: &[NormToken], i: usize, end: usize, p: u32) -> bool {
        let Some(span) = toks.get(i..end) else {
            return false;
        };
        let mut fitting = self
            .payloads
            .get(p as usize)
            .into_iter()
            .flatten()
            .filter(|e| e.fits(span))
            .peekable();
        fitting.peek().is_some() && fitting.all(|e| e.kind == MatchKind::Weak)
    }

    /// A typo match starting at token `i`: the longest window of tokens
    /// (first one capitalised) one edit away from exactly one actor's
    /// name, or a 4-letter acronym with two letters swapped.
    fn typo(&self, text: &str, toks: &[NormToken], i: usize) -> Option<(usize, Match)> {
        let first = toks.get(i)?;
        if !(first.capitalized || first.upper) {
            return None;
        }
        let mut found: Option<(usize, ActorId)> = None;
        if first.upper && first.text.len() == 4 && first.text.is_ascii() {
            let b = first.text.as_bytes();
            let mut actors = Vec::new();
            for k in 0..3 {
                let mut s = b.to_vec();
                s.swap(k, k + 1);
                let Ok(s) = String::from_utf8(s) else {
                    continue;
                };
                let Some(&tok) = self.vocab.get(&s) else {
                    continue;
                };
                let Some(&node) = self.edges.get(&(0, tok)) else {
                    continue;
                };
                let p = self.terminal.get(node as usize).copied().unwrap_or(NONE);
                for e in self.payloads.get(p as usize).into_iter().flatten() {
                    if let (Target::Actor(a, _), true) = (e.target, e.upper_mask & 1 == 1) {
                        actors.push(a);
                    }
                }
            }
            actors.sort();
            actors.dedup();
            if let [a] = actors[..] {
                found = Some((i + 1, a));
            }
        }
        if found.is_none() && self.fuzzy.may_start_with(&first.text) {
            let mut q = String::new();
            let mut windows = Vec::new();
            let words = self.fuzzy.max_words().min(8);
            for (j, t) in toks.iter().enumerate().skip(i).take(words) {
                if j > i {
                    q.push(' ');
                }
                q.push_str(&t.text);
                // Names end on a capitalised word or a hyphenated syllable
                // (`Jong-un`): other windows are not worth a query.
                let hyphen = j > i && text.get(..t.start).is_some_and(|b| b.ends_with('-'));
                if t.capitalized || t.upper || hyphen {
                    windows.push((j + 1, q.clone()));
                }
            }
            for (end, q) in windows.into_iter().rev() {
                let mut actors: Vec<ActorId> = Vec::new();
                for p in self.fuzzy.query(&q) {
                    for e in self.payloads.get(p as usize).into_iter().flatten() {
                        if let Target::Actor(a, _) = e.target {
                            actors.push(a);
                        }
                    }
                }
                actors.sort();
                actors.dedup();
                if let [a] = actors[..] {
                    found = Some((end, a));
                    break;
                }
            }
        }
        let (end, actor) = found?;
        let confidence = confidence(MatchKind::Typo, NameKind::Canonical);
        let c = Candidate {
            actor,
            name_kind: NameKind::Canonical,
            kind: MatchKind::Typo,
            confidence,
        };
        let span = Span::new(first.start, toks.get(end - 1)?.end);
        let m = Match {
            span,
            candidates: vec![c],
            kind: MatchKind::Typo,
            confidence,
            title: None,
        };
        Some((end, m))
    }
}

/// True when the text at byte `end` goes on with a hyphen and a letter.
fn hyphen_glued(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let mut chars = rest.chars();
    chars.next() == Some('-')
        && chars.next().is_some_and(char::is_alphabetic)
        && !owner_suffix(&rest[1..])
}

/// Participles after a hyphen that leave the name before it whole, naming
/// the owner, flag or leader of a thing (`a Portuguese-flagged ship`, `an
/// Israel-linked vessel`, `the Saudi-led coalition`).
const OWNER_SUFFIXES: &[&str] = &[
    "flagged",
    "linked",
    "owned",
    "registered",
    "operated",
    "led",
];

/// Whether `rest` opens with one of [`OWNER_SUFFIXES`] as a whole word.
fn owner_suffix(rest: &str) -> bool {
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    OWNER_SUFFIXES.contains(&word.to_lowercase().as_str())
}

fn title_before(title: &Option<(usize, Span, Option<TermId>)>, i: usize) -> Option<Title> {
    match *title {
        Some((end, span, term)) if end == i => Some(Title { span, term }),
        _ => None,
    }
}

fn candidates(entries: &[Entry]) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for e in entries {
        let Target::Actor(actor, name_kind) = e.target else {
            continue;
        };
        let c = Candidate {
            actor,
            name_kind,
            kind: e.kind,
            confidence: confidence(e.kind, name_kind),
        };
        match out.iter_mut().find(|o| o.actor == actor) {
            Some(o) if c.confidence > o.confidence => *o = c,
            Some(_) => {}
            None => out.push(c),
        }
    }
    out.sort_by(|a, b| {
        b.confidence
            .total_cmp(&a.confidence)
            .then(a.actor.cmp(&b.actor))
    });
    out
}
