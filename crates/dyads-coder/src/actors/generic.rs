//! Generic groups: a sector noun that no name, role or group rule turned
//! into an actor (`protesters`, `riot police`, `the government`,
//! `militants`, `troops`). They are no document actors of their own (the
//! actor table lists real-world entities); the event coder uses them as a
//! source or target when a slot names nothing else, with the sector of the
//! noun and the country the context gives:
//!
//! 1. a state or demonym modifying the noun (`Liberian riot police`,
//!    `Israel's military`, `the Chinese authorities`);
//! 2. a state, place or organisation of a country after `in`, `from` or
//!    `of` (`opposition groups in Zimbabwe`, `activists from the Fatah
//!    party`);
//! 3. a place the sentence locates itself in (`... blocked streets in Hong
//!    Kong`);
//! 4. the country of the dateline, else the one country the document
//!    names most often (with at least two mentions);
//! 5. the one country the sentence names.
//!
//! Business groups (`companies`, `firms`) take only 1 and 2: a company's
//! nationality is not the place of the story. Nor do groups of a bloc or of
//! no one country (`Western leaders`, `foreign diplomats`).
//!
//! The noun must head its phrase (`military` in `military sites` is no
//! group; the coder checks that on the parse). Delegations, embassies,
//! ministries, legislatures and commissions are left to their own rules.
//! Media and research nouns (`journalists`, `analysts`, `experts`) are left
//! out: they comment on events rather than take part in them.

use std::collections::HashMap;

use dyads_lexicon::normalize::normalize;
use dyads_syntax::ParsedSentence;
use dyads_text::Span;

use super::build::Builder;
use super::scan::{gap, SentScan};
use super::GroupMention;

/// Sectors whose bare nouns are not event participants.
const NOT_PARTICIPANTS: &[&str] = &["MED", "EDU"];

/// Records every generic group of the document in `b.out.groups`.
pub(crate) fn generic_groups(b: &mut Builder<'_>, scans: &[SentScan], parsed: &[ParsedSentence]) {
    let doc_country = document_country(b);
    let mut out = Vec::new();
    for scan in scans {
        for t in &scan.terms {
            let Some(info) = b.lex.term(t.term) else {
                continue;
            };
            if NOT_PARTICIPANTS.contains(&info.code.as_str()) || info.code.len() != 3 {
                continue;
            }
            // Delegations, embassies, ministries and the like have their
            // own rules (`groups.rs`), which leave an ownerless one alone.
            if super::groups::term_group(b, t).is_some() {
                continue;
            }
            if b.covered(t.span) || in_phrase(b, t.span) || names_follow(b, t.span) {
                continue;
            }
            // `opposition to X` is the act of opposing, not the opposition.
            let text = &b.doc.text;
            if normalize(t.span.slice(text)) == "opposition"
                && text
                    .get(t.span.end as usize..)
                    .is_some_and(|r| r.trim_start().starts_with("to "))
            {
                continue;
            }
            let own = possessive_owner(b, scan, parsed, t.span)
                .or_else(|| modifier_country(b, scan, t.span))
                .or_else(|| complement_country(b, scan, t.span))
                .or_else(|| the_country_of(b, scan, t.span));
            // A company's nationality is its own (`Chinese firms`), not
            // where the story happens: `shipping companies` in a story
            // about attacks off Yemen are no Yemeni business.
            let country = if info.code == "BUS" || bloc_modified(b, t.span) {
                own
            } else {
                let (located, named) = sentence_country(b, scan);
                // The one country a sentence names is often the other side
                // (`the junta suspended cooperation with France`): the
                // story's own country comes first.
                own.or(located).or_else(|| doc_country.clone()).or(named)
            };
            out.push(GroupMention {
                span: t.span,
                sentence: scan.idx,
                term: normalize(t.span.slice(&b.doc.text)),
                sector: info.code.clone(),
                country,
            });
        }
    }
    b.out.groups = out;
}

/// Words before a group noun that place it in several countries or none
/// (`Western leaders`, `foreign diplomats`, `Arab governments`, `hostile
/// forces`): the story's country is not theirs.
const BLOC_MODIFIERS: &[&str] = &[
    "western",
    "eastern",
    "european",
    "arab",
    "african",
    "asian",
    "latin",
    "gulf",
    "foreign",
    "international",
    "world",
    "global",
    "regional",
    "allied",
    "nato",
    "g7",
    "g20",
    // unnamed outside powers (`imperialist forces`, `hostile forces`)
    "imperialist",
    "hostile",
    "enemy",
    "external",
    "outside",
];

/// Whether the word right before `span` is one of [`BLOC_MODIFIERS`].
fn bloc_modified(b: &Builder<'_>, span: Span) -> bool {
    let before = b.doc.text.get(..span.start as usize).unwrap_or("");
    before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| BLOC_MODIFIERS.contains(&w.to_lowercase().as_str()))
}

/// Whether `span` lies inside a longer phrase that resolved to an actor
/// (`Foreign Minister Sergei Lavrov`).
fn in_phrase(b: &Builder<'_>, span: Span) -> bool {
    b.phrases
        .iter()
        .any(|(p, _)| p.start <= span.start && span.end <= p.end)
}

/// Whether a capitalised name follows the term directly (`President
/// Gbagbo`, `General Secretary Kim`): a title of a person, not a group.
fn names_follow(b: &Builder<'_>, span: Span) -> bool {
    let rest = b.doc.text.get(span.end as usize..).unwrap_or("");
    let Some(next) = rest.strip_prefix(' ') else {
        return false;
    };
    next.chars().next().is_some_and(char::is_uppercase)
        && b.out.mentions.iter().any(|m| m.span.start == span.end + 1)
}

/// The country of an actor mention, when it names one.
fn country_at(b: &Builder<'_>, actor: usize) -> Option<String> {
    b.out.actors.get(actor).and_then(|a| a.country.clone())
}

/// `the country's top commanders`: the state named last before `the
/// country's` in the sentence, only modifiers between it and the noun.
fn the_country_of(b: &Builder<'_>, scan: &SentScan, span: Span) -> Option<String> {
    let before = gap(&b.doc.text, scan.span.start, span.start);
    let at = [
        "the country's ",
        "the country’s ",
        "the nation's ",
        "the nation’s ",
    ]
    .iter()
    .filter_map(|p| before.rfind(p).map(|i| (i, p.len())))
    .max()?;
    let rest = &before[at.0 + at.1..];
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.len() > 3
        || !words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-')
        })
    {
        return None;
    }
    let start = span.start - before.len() as u32 + at.0 as u32;
    b.before(start)
        .take_while(|m| m.span.start >= scan.span.start)
        .find(|m| b.out.actors.get(m.actor).is_some_and(|a| a.kind == "state"))
        .and_then(|m| country_at(b, m.actor))
}

/// `its forces`, `their military`: the state or body the pronoun stands
/// for, read off the parse. Up the clauses from the pronoun, the first
/// subject before it that names one state or organisation of a country
/// (`Algeria closed its airspace over a Malian drone that its forces shot
/// down`: Algeria, not Mali); else the subject of the previous sentence
/// (`Israel has not commented. But its military confirmed ...`).
fn possessive_owner(
    b: &Builder<'_>,
    scan: &SentScan,
    parsed: &[ParsedSentence],
    span: Span,
) -> Option<String> {
    let p = parsed.get(scan.idx)?;
    let t = &p.tokens;
    // The pronoun: right before the noun, or with one modifier between
    // (`its armed forces`).
    let noun = t
        .iter()
        .position(|x| x.span == span || x.span.start == span.start)?;
    let pron = (noun.saturating_sub(2)..noun).rev().find(|&k| {
        matches!(
            b.doc.slice(t[k].span).to_lowercase().as_str(),
            "its" | "their"
        )
    })?;
    if (pron + 1..noun).any(|k| !matches!(t[k].upos, "ADJ" | "NOUN" | "VERB")) {
        return None;
    }
    // The one state or non-person actor of a country named in tokens
    // `lo..=hi` of sentence `ps`.
    let owner_in = |ps: &ParsedSentence, lo: usize, hi: usize| -> Option<String> {
        let (a, z) = (ps.tokens[lo].span.start, ps.tokens[hi].span.end);
        let mut found: Option<String> = None;
        for m in b
            .out
            .mentions
            .iter()
            .filter(|m| a <= m.span.start && m.span.end <= z)
        {
            let x = &b.out.actors[m.actor];
            if b.info.get(m.actor).is_some_and(|i| i.person) {
                continue;
            }
            let Some(c) = x.country.clone() else { continue };
            match &found {
                None => found = Some(c),
                Some(f) if *f != c => return None,
                _ => {}
            }
        }
        found
    };
    let mut at = Some(pron);
    for _ in 0..t.len() {
        let Some(k) = at else { break };
        if matches!(t[k].upos, "VERB" | "AUX") || t[k].head.is_none() {
            if let Some(subj) =
                (0..t.len()).find(|&j| t[j].head == Some(k) && t[j].deprel.starts_with("nsubj"))
            {
                let (lo, hi) = p.subtree(subj);
                if hi < pron {
                    if let Some(c) = owner_in(p, lo, hi) {
                        return Some(c);
                    }
                }
            }
        }
        at = t[k].head;
    }
    let prev = parsed.get(scan.idx.checked_sub(1)?)?;
    let root = prev.root()?;
    let subj = (0..prev.tokens.len()).find(|&j| {
        prev.tokens[j].head == Some(root) && prev.tokens[j].deprel.starts_with("nsubj")
    })?;
    let (lo, hi) = prev.subtree(subj);
    owner_in(prev, lo, hi)
}

/// A state or demonym right before the noun, only modifiers between.
fn modifier_country(b: &Builder<'_>, scan: &SentScan, span: Span) -> Option<String> {
    let m = b
        .before(span.start)
        .next()
        .filter(|m| m.span.start >= scan.span.start)?;
    let between = gap(&b.doc.text, m.span.end, span.start);
    let words: Vec<&str> = between.split_whitespace().collect();
    let modifiers_only = words.len() <= 3
        && !between.contains([',', ';', '(', ')', '"'])
        && words.iter().enumerate().all(|(k, w)| {
            (k == 0 && matches!(*w, "'s" | "’s" | "'" | "’"))
                || w.chars().all(|c| c.is_lowercase() || c == '-')
                    && !matches!(
                        *w,
                        "and"
                            | "or"
                            | "of"
                            | "in"
                            | "to"
                            | "for"
                            | "with"
                            | "by"
                            | "from"
                            | "on"
                            | "at"
                            | "said"
                            | "says"
                            | "was"
                            | "were"
                            | "is"
                            | "are"
                            | "has"
                            | "have"
                            | "had"
                            | "that"
                            | "which"
                            | "who"
                    )
        });
    if !modifiers_only {
        return None;
    }
    country_at(b, m.actor)
}

/// An actor of a country after `in`, `from` or `of` right after the noun.
fn complement_country(b: &Builder<'_>, scan: &SentScan, span: Span) -> Option<String> {
    let m = b
        .out
        .mentions
        .iter()
        .find(|m| m.span.start >= span.end && m.span.end <= scan.span.end)?;
    let between = gap(&b.doc.text, span.end, m.span.start).trim();
    let words: Vec<&str> = between.split_whitespace().collect();
    let linked = matches!(words.first(), Some(&("in" | "from" | "of")))
        && words.len() <= 4
        && !between.contains([',', ';', '(', ')']);
    if !linked {
        return None;
    }
    country_at(b, m.actor)
}

/// The place the sentence is located in (`in Kirkuk`), and the one
/// country the sentence names.
fn sentence_country(b: &Builder<'_>, scan: &SentScan) -> (Option<String>, Option<String>) {
    let text = &b.doc.text;
    let in_sentence = b
        .out
        .mentions
        .iter()
        .filter(|m| scan.span.start <= m.span.start && m.span.end <= scan.span.end);
    let mut located: Option<String> = None;
    let mut countries: Vec<String> = Vec::new();
    for m in in_sentence {
        let Some(c) = country_at(b, m.actor) else {
            continue;
        };
        let before = gap(text, scan.span.start, m.span.start);
        let prep = before
            .trim_end()
            .trim_end_matches("the")
            .trim_end()
            .rsplit(' ')
            .next()
            .unwrap_or("");
        if located.is_none() && matches!(prep, "in" | "at" | "inside") {
            located = Some(c.clone());
        }
        if !countries.contains(&c) {
            countries.push(c);
        }
    }
    let named = (countries.len() == 1).then(|| countries.remove(0));
    (located, named)
}

/// The country of the dateline's place, when an actor of the document has
/// that place among its surface forms.
pub(crate) fn dateline_country(b: &Builder<'_>) -> Option<String> {
    let key = normalize(b.doc.meta.dateline_place.as_deref()?);
    b.out
        .actors
        .iter()
        .find(|a| a.country.is_some() && a.surface_forms.iter().any(|f| normalize(f) == key))
        .and_then(|a| a.country.clone())
}

/// The dateline's country, else the country the document names most
/// (at least twice, and more often than any other).
fn document_country(b: &Builder<'_>) -> Option<String> {
    if let Some(c) = dateline_country(b) {
        return Some(c);
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in &b.out.mentions {
        if let Some(c) = b.out.actors.get(m.actor).and_then(|a| a.country.as_deref()) {
            *counts.entry(c).or_default() += 1;
        }
    }
    let mut v: Vec<(&str, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    match v.as_slice() {
        [(c, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|r| r.1 < *n) => {
            Some((*c).to_string())
        }
        _ => None,
    }
}
