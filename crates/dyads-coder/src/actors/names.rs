//! Pass 1: names, aliases, demonyms and metonyms straight from the lexicon
//! matches; ambiguous names settled by context or kept as ambiguous.

use std::collections::HashSet;

use dyads_lexicon::{ActorId, ActorKind, Match, MatchKind, NameKind};
use dyads_syntax::ParsedSentence;
use dyads_text::Span;

use super::build::Builder;
use super::scan::{gap, head_token, is_name_word, is_possessive, SentScan};
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
        // A state's representative at a meeting speaks for it.
        "representative" => matches!(
            role,
            "head_of_state"
                | "head_of_government"
                | "foreign_minister"
                | "deputy_foreign_minister"
                | "minister"
                | "ambassador"
                | "envoy"
                | "diplomat"
                | "spokesperson"
        ),
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
    // `UN member states` are the states, not the UN.
    let after = gap(&b.doc.text, m.span.end, scan.span.end);
    if actor.kind == ActorKind::Organization
        && [
            " member state",
            " member countr",
            " member nation",
            " members",
        ]
        .iter()
        .any(|w| after.starts_with(w))
    {
        return;
    }
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
    let phrase = match (phrase, actor.kind) {
        (None, ActorKind::Person) => person_context(b, scan, m.span),
        (p, ActorKind::Organization) => org_context(b, p, m.span),
        (p, _) => p,
    };
    if let Some(i) = b.lexicon_actor(id) {
        // A title names a person; on a state or organisation it is noise.
        let phrase = match (is_state, nk) {
            (true, NameKind::Demonym) => state_nominal(b, scan, m.span),
            (true, _) => None,
            _ => phrase,
        };
        b.mention(i, m.span, kind, scan.idx, phrase);
    }
}

/// Nouns that make a demonym name its state (`the North Korean country`,
/// `the Russian government`).
const STATE_NOUNS: &[&str] = &[
    "country",
    "nation",
    "state",
    "government",
    "regime",
    "authorities",
    "leadership",
];

/// `the North Korean country`: the state, as one form.
fn state_nominal(b: &Builder<'_>, scan: &SentScan, name: Span) -> Option<Span> {
    let text = &b.doc.text;
    let after = gap(text, name.end, scan.span.end);
    let noun = after
        .strip_prefix(' ')?
        .split(|c: char| !c.is_alphabetic())
        .next()?;
    if !STATE_NOUNS.contains(&noun) {
        return None;
    }
    let before = gap(text, scan.span.start, name.start);
    let start = if before.ends_with("the ") || before.ends_with("The ") {
        name.start - 4
    } else {
        name.start
    };
    Some(Span {
        start,
        end: name.end + 1 + noun.len() as u32,
    })
}

/// Words allowed between a title and a known person's name (`Ambassador
/// to Washington Anatoly Antonov`, `President of the Russian Federation
/// Vladimir Putin`, `Minister of External Economic Relations, Yoon
/// Jong-ho`).
const LINKS: &[&str] = &["of", "to", "for", "the"];

/// The phrase of a known person named without a title right before: a
/// title further back with only links and names between, or a state with a
/// possessive (`North Korea's Choe Son Hui`).
fn person_context(b: &Builder<'_>, scan: &SentScan, name: Span) -> Option<Span> {
    let text = &b.doc.text;
    let title = scan
        .terms
        .iter()
        .rev()
        .find(|t| t.span.end <= name.start && b.lex.term(t.term).is_some_and(|i| i.title));
    if let Some(t) = title {
        let g = gap(text, t.span.end, name.start);
        let words: Vec<&str> = g.split_whitespace().collect();
        let linked = !words.is_empty()
            && words.iter().enumerate().all(|(k, w)| {
                let last = k + 1 == words.len();
                let w = if last { w.trim_end_matches(',') } else { w };
                LINKS.contains(&w) || is_name_word(w) && !w.ends_with(',')
            })
            && g.len() <= 80;
        if linked {
            let start = modifier_start(b, scan, t.span.start);
            return Some(Span {
                start,
                end: name.end,
            });
        }
    }
    let before = scan
        .matches
        .iter()
        .rev()
        .find(|o| o.span.end <= name.start)?;
    let g = gap(text, before.span.end, name.start).trim();
    let state = before
        .candidates
        .first()
        .and_then(|c| b.lex.get(c.actor))
        .is_some_and(|a| a.kind == ActorKind::State);
    (is_possessive(g) && state && !before.is_ambiguous()).then_some(Span {
        start: before.span.start,
        end: name.end,
    })
}

/// Generic nouns after an organisation's name that belong to it (`the
/// Quad forum`).
const ORG_TAILS: &[&str] = &[
    "forum",
    "alliance",
    "bloc",
    "grouping",
    "group",
    "organisation",
    "organization",
    "format",
];

/// An organisation's phrase with an ordinal before (`the 78th UN General
/// Assembly`) and a generic noun after (`the QUAD forum`).
fn org_context(b: &Builder<'_>, phrase: Option<Span>, name: Span) -> Option<Span> {
    let text = &b.doc.text;
    let mut p = phrase.unwrap_or(name);
    let before = gap(text, p.start.saturating_sub(12), p.start);
    if let Some(w) = before.strip_suffix(' ').and_then(|x| x.rsplit(' ').next()) {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let ordinal = !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
            && ["st", "nd", "rd", "th"].contains(&&w[digits.len()..]);
        if ordinal {
            p.start -= w.len() as u32 + 1;
        }
    }
    let after = gap(text, p.end, (p.end + 16).min(text.len() as u32));
    if let Some(w) = after
        .strip_prefix(' ')
        .and_then(|a| a.split(|c: char| !c.is_alphabetic()).next())
    {
        if ORG_TAILS.contains(&w) {
            p.end += w.len() as u32 + 1;
        }
    }
    (p != name).then_some(p)
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
            let g = ["’s", "'s"]
                .iter()
                .find_map(|p| g.strip_prefix(p))
                .map(str::trim)
                .unwrap_or(g);
            // `Russian presidential press secretary`, `Russia's former
            // foreign minister`.
            let modifiers = g.split_whitespace().count() <= 2
                && g.split_whitespace().all(|w| TITLE_MODIFIERS.contains(&w));
            (g.is_empty() || is_possessive(g) || modifiers) && !o.is_ambiguous()
        })
        .map(|o| o.span.start)
        .unwrap_or(title_start)
}

/// Words allowed between a state and a title (`Russian presidential press
/// secretary`).
const TITLE_MODIFIERS: &[&str] = &[
    "presidential",
    "former",
    "acting",
    "senior",
    "chief",
    "then",
    "top",
    "interim",
    "new",
    "current",
    "official",
    "outgoing",
    "incoming",
];

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
    let Some(case) = p.children(h).find_map(|c| {
        let w = b.doc.slice(p.tokens[c].span).to_lowercase();
        (p.tokens[c].deprel == "case" && LOCATIVE.contains(&w.as_str())).then_some(w)
    }) else {
        return false;
    };
    let governor = p.tokens[h].head.map(|g| p.tokens[g].lemma.to_lowercase());
    let governor = governor.as_deref().unwrap_or("");
    // The verb above the nouns the place hangs on (`supplying huge
    // quantities of arms to Kiev`).
    let mut verb = p.tokens[h].head;
    for _ in 0..3 {
        match verb {
            Some(v) if p.tokens[v].upos == "NOUN" => verb = p.tokens[v].head,
            _ => break,
        }
    }
    let verb = verb.map(|v| p.tokens[v].lemma.to_lowercase());
    let verb = verb.as_deref().unwrap_or("");
    // `supplying arms to Kiev`: the recipient, not a destination;
    // `the Russian embassy in Seoul`: the host state of a mission.
    !(case == "to" && RECIPIENT_VERBS.contains(&verb)
        || case == "in" && MISSIONS.contains(&governor))
}

/// Verbs whose `to` object is a recipient (`supply arms to Kiev`).
const RECIPIENT_VERBS: &[&str] = &[
    "supply",
    "send",
    "deliver",
    "sell",
    "transfer",
    "export",
    "give",
    "provide",
    "ship",
    "hand",
    "lend",
    "donate",
    "offer",
    "pledge",
    "grant",
    "pay",
    "apologize",
    "apologise",
    "appeal",
    "protest",
    "complain",
    "report",
    "write",
];

/// Nouns whose `in` complement is the host state (`embassy in Seoul`).
const MISSIONS: &[&str] = &[
    "embassy",
    "consulate",
    "mission",
    "ambassador",
    "envoy",
    "representation",
];
