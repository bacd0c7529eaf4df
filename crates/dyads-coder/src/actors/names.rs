//! Pass 1: names, aliases, demonyms and metonyms straight from the lexicon
//! matches; ambiguous names settled by context or kept as ambiguous.

use std::collections::HashSet;

use dyads_lexicon::{ActorId, ActorKind, Match, MatchKind, NameKind};
use dyads_syntax::ParsedSentence;
use dyads_text::Span;

use super::build::Builder;
use super::scan::{gap, head_token, is_possessive, SentScan};
use super::{AmbiguousMention, MentionKind};

/// A match left for coreference: a family name alone or a weak alias.
#[derive(Clone, Debug)]
pub(crate) struct Deferred {
    /// Index into the scans.
    pub scan: usize,
    /// The match.
    pub m: Match,
}

/// Prepositions that make a capital a place (`talks in Moscow`).
const LOCATIVE: &[&str] = &[
    "in", "to", "from", "at", "near", "into", "through", "via", "outside", "around", "across",
    "toward", "towards", "inside", "within",
];

/// Resolves the names of every sentence; returns the family names and weak
/// aliases left for coreference.
pub(crate) fn resolve_names(
    b: &mut Builder<'_>,
    scans: &[SentScan],
    parsed: &[ParsedSentence],
) -> Vec<Deferred> {
    let mut deferred = Vec::new();
    // Round 1: unambiguous names; round 2: ambiguous ones, knowing the
    // whole document's unambiguous actors.
    for round in 0..2 {
        for (si, scan) in scans.iter().enumerate() {
            let p = parsed.get(scan.idx);
            for m in &scan.matches {
                if matches!(m.kind, MatchKind::Partial | MatchKind::Weak) {
                    if round == 0 {
                        deferred.push(Deferred {
                            scan: si,
                            m: m.clone(),
                        });
                    }
                    continue;
                }
                if m.is_ambiguous() != (round == 1) {
                    continue;
                }
                let chosen = if round == 0 {
                    m.candidates.first().map(|c| (c.actor, c.name_kind))
                } else {
                    choose(b, scan, m)
                };
                match chosen {
                    Some((id, nk)) => add(b, scan, p, m, id, nk),
                    None => {
                        let candidates = m
                            .candidates
                            .iter()
                            .filter_map(|c| b.lex.get(c.actor).map(|a| a.id.clone()))
                            .collect();
                        b.out.ambiguous.push(AmbiguousMention {
                            span: m.span,
                            sentence: scan.idx,
                            candidates,
                        });
                    }
                }
            }
        }
    }
    deferred
}

/// Settles an ambiguous match by context: a candidate already in the
/// document, else the only candidate whose role on the date fits the title,
/// else the only one whose country is named in the sentence.
pub(crate) fn choose(b: &Builder<'_>, scan: &SentScan, m: &Match) -> Option<(ActorId, NameKind)> {
    let cands: Vec<(ActorId, NameKind)> = m
        .candidates
        .iter()
        .map(|c| (c.actor, c.name_kind))
        .collect();
    let only = |v: Vec<(ActorId, NameKind)>| {
        if v.len() == 1 {
            v.first().copied()
        } else {
            None
        }
    };
    let in_doc: Vec<_> = cands
        .iter()
        .copied()
        .filter(|(id, _)| b.lex.get(*id).is_some_and(|a| b.find(&a.id).is_some()))
        .collect();
    if let Some(c) = only(in_doc) {
        return Some(c);
    }
    if let (Some(kind), Some(date)) = (title_kind(b, m), b.date) {
        let fit: Vec<_> = cands
            .iter()
            .copied()
            .filter(|(id, _)| {
                b.lex.get(*id).is_some_and(|a| {
                    b.lex
                        .roles_on(&a.id, date)
                        .iter()
                        .any(|r| role_fits(&kind, &r.role_kind))
                })
            })
            .collect();
        if let Some(c) = only(fit) {
            return Some(c);
        }
    }
    let countries = sentence_countries(b, scan, m.span);
    if !countries.is_empty() {
        let fit: Vec<_> = cands
            .iter()
            .copied()
            .filter(|(id, _)| {
                b.lex
                    .get(*id)
                    .and_then(|a| a.country.as_ref())
                    .is_some_and(|c| countries.contains(c))
            })
            .collect();
        if let Some(c) = only(fit) {
            return Some(c);
        }
    }
    None
}

/// The role kind of the title before a match (`foreign_minister`).
pub(crate) fn title_kind(b: &Builder<'_>, m: &Match) -> Option<String> {
    let t = m.title?.term?;
    b.lex.term(t)?.role_kind.clone()
}

/// True when a title or nominal of kind `title` may name someone holding a
/// role of kind `role` (`minister` fits `foreign_minister`; `leader` fits a
/// head of state or government).
pub(crate) fn role_fits(title: &str, role: &str) -> bool {
    if title == role {
        return true;
    }
    match title {
        "minister" => role.ends_with("minister") && !role.starts_with("deputy"),
        "deputy_minister" => role.starts_with("deputy") && role.ends_with("minister"),
        "leader" => matches!(
            role,
            "head_of_state" | "head_of_government" | "party_leader" | "monarch"
        ),
        "diplomat" => matches!(
            role,
            "foreign_minister" | "deputy_foreign_minister" | "ambassador" | "envoy"
        ),
        "chairman" => role == "head_of_state" || role == "party_leader",
        "official" => !role.is_empty() && role != "former_official",
        _ => false,
    }
}

/// Countries of the other unambiguous matches of the sentence.
fn sentence_countries(b: &Builder<'_>, scan: &SentScan, except: Span) -> HashSet<String> {
    scan.matches
        .iter()
        .filter(|o| o.span != except && !o.is_ambiguous())
        .filter_map(|o| b.lex.get(o.candidates.first()?.actor)?.country.clone())
        .collect()
}

/// Records a resolved match with its mention kind; a capital is a place
/// when a locative preposition governs it, else the government.
fn add(
    b: &mut Builder<'_>,
    scan: &SentScan,
    p: Option<&ParsedSentence>,
    m: &Match,
    id: ActorId,
    nk: NameKind,
) {
    let Some(actor) = b.lex.get(id) else {
        return;
    };
    let kind = match nk {
        NameKind::Demonym => MentionKind::Demonym,
        NameKind::Metonym => MentionKind::Metonym,
        NameKind::Capital => {
            if is_place(b, p, m.span) {
                let name = m.span.slice(&b.doc.text).to_string();
                let canonical = actor.capital.clone().unwrap_or(name);
                let country = actor.country.clone();
                let i = b.place(&canonical, country.as_deref());
                b.mention(i, m.span, MentionKind::Name, scan.idx, None);
                return;
            }
            MentionKind::Metonym
        }
        _ => MentionKind::Name,
    };
    let phrase = m.title.map(|t| {
        let start = modifier_start(b, scan, t.span.start);
        Span {
            start,
            end: m.span.end,
        }
    });
    let is_state = actor.kind == ActorKind::State;
    // `South Korea's Unification Ministry`: the state before an
    // organisation's name is part of the phrase.
    let phrase = match (phrase, actor.kind) {
        (None, ActorKind::Organization) => {
            let start = modifier_start(b, scan, m.span.start);
            (start < m.span.start).then_some(Span {
                start,
                end: m.span.end,
            })
        }
        (p, _) => p,
    };
    if let Some(i) = b.lexicon_actor(id) {
        // A title names a person; on a state or organisation it is noise.
        let phrase = if is_state { None } else { phrase };
        b.mention(i, m.span, kind, scan.idx, phrase);
    }
}

/// Where a title's phrase starts: the start of a state, demonym or
/// organisation match right before it (`North Korean Foreign Minister`,
/// `Russia's Foreign Minister`), else the title itself.
pub(crate) fn modifier_start(b: &Builder<'_>, scan: &SentScan, title_start: u32) -> u32 {
    let text = &b.doc.text;
    scan.matches
        .iter()
        .rev()
        .find(|o| o.span.end <= title_start)
        .filter(|o| {
            let g = gap(text, o.span.end, title_start).trim();
            (g.is_empty() || is_possessive(g)) && !o.is_ambiguous()
        })
        .map(|o| o.span.start)
        .unwrap_or(title_start)
}

/// True when the parse shows a locative preposition governing the name.
fn is_place(b: &Builder<'_>, p: Option<&ParsedSentence>, span: Span) -> bool {
    let Some(p) = p else {
        // Without a parse, look at the word before.
        let before = gap(&b.doc.text, span.start.saturating_sub(12), span.start);
        let word = before.split_whitespace().last().unwrap_or("");
        return LOCATIVE.contains(&word.to_lowercase().as_str());
    };
    let Some(h) = head_token(p, span) else {
        return false;
    };
    p.children(h).any(|c| {
        p.tokens[c].deprel == "case"
            && LOCATIVE.contains(&b.doc.slice(p.tokens[c].span).to_lowercase().as_str())
    })
}
