//! Modality: whether an event happened as reported, from the syntax around
//! its head: negation, auxiliaries, governing verbs (`plans to`, `is
//! expected to`, `accused ... of`), conditional clauses, and dates well
//! before the article.

use dyads_lexicon::events::InnerModality;
use serde::Serialize;

use super::sentence::Sent;

/// What the text says about the reality of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Reported as having happened (or happening).
    Asserted,
    /// Planned, announced, expected, promised, requested.
    Future,
    /// Conditional or possible (`if`, `could`, `may`, `would`).
    Hypothetical,
    /// Did not or will not happen (`did not`, `denied`, `refused to`).
    Negated,
    /// Only alleged by someone (the inner event of an accusation).
    Claimed,
    /// Reported background well before the article's time.
    Historical,
}

impl Modality {
    /// The name as written in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Future => "future",
            Modality::Hypothetical => "hypothetical",
            Modality::Negated => "negated",
            Modality::Claimed => "claimed",
            Modality::Historical => "historical",
        }
    }
}

/// Governing verbs that make their complement future.
const FUTURE_GOVERNORS: &[&str] = &[
    "plan",
    "intend",
    "expect",
    "schedule",
    "aim",
    "prepare",
    "want",
    "hope",
    "seek",
    "go",
    "try",
    "propose",
    "consider",
    "decide",
    "set",
    "wish",
    "mean",
    "plot",
    "vow",
    "pledge",
    "promise",
    "agree",
    "offer",
    "invite",
    "ask",
    "urge",
    "call",
    "demand",
    "threaten",
    "need",
    "strive",
    "endeavor",
    "resolve",
    "commit",
    "ready",
    "willing",
    "determined",
    "eager",
];
/// Nouns whose infinitive complement is planned, not done (`Russia's plan to
/// expand ties`, `the decision to send troops`).
const FUTURE_NOUNS: &[&str] = &[
    "plan",
    "intention",
    "intent",
    "aim",
    "goal",
    "proposal",
    "bid",
    "offer",
    "readiness",
    "willingness",
    "commitment",
    "pledge",
    "promise",
    "decision",
    "desire",
    "effort",
    "attempt",
    "need",
    "call",
    "request",
    "demand",
    "invitation",
    "threat",
];
/// Governing verbs that make their complement hypothetical.
const HYPOTHETICAL_GOVERNORS: &[&str] = &["fear", "warn", "risk", "suggest", "speculate"];
/// Governing words that make their complement claimed.
const CLAIMED_GOVERNORS: &[&str] = &[
    "accuse",
    "allege",
    "blame",
    "charge",
    "accusation",
    "allegation",
    "claim",
    "suspect",
];
/// Governing words that negate their complement.
const NEGATING_GOVERNORS: &[&str] = &[
    "deny", "refuse", "reject", "decline", "fail", "rule", "avoid",
];
/// Prenominal words that make a nominal event only alleged.
const CLAIMED_MODIFIERS: &[&str] = &["alleged", "purported", "suspected", "rumored", "supposed"];
/// Prenominal words that put a nominal event in the future or in doubt.
const FUTURE_MODIFIERS: &[&str] = &[
    "planned",
    "upcoming",
    "proposed",
    "next",
    "future",
    "forthcoming",
    "scheduled",
    "expected",
    "coming",
    "possible",
    "potential",
    "prospective",
];

fn own(s: &Sent<'_>, i: usize) -> Option<Modality> {
    let mut found = None;
    for &k in &s.kids[i] {
        let l = s.lemma[k].as_str();
        let f = s.form[k].as_str();
        if matches!(l, "not" | "never" | "n't") || matches!(f, "not" | "never" | "n't") {
            return Some(Modality::Negated);
        }
        match f {
            "allegedly" | "reportedly" | "purportedly" => return Some(Modality::Claimed),
            "possibly" | "perhaps" | "maybe" | "potentially" => {
                found = Some(Modality::Hypothetical)
            }
            _ => {}
        }
        if s.rel(k).starts_with("aux") || s.upos(k) == "AUX" {
            match f {
                "will" | "shall" | "'ll" | "wo" => found = found.or(Some(Modality::Future)),
                "would" | "could" | "may" | "might" | "should" | "can" | "must" => {
                    found = Some(Modality::Hypothetical)
                }
                _ => {}
            }
        }
        if s.rel(k) == "mark" && matches!(f, "if" | "unless" | "whether") {
            found = Some(Modality::Hypothetical);
        }
        if s.rel(k) == "amod" && CLAIMED_MODIFIERS.contains(&f) {
            return Some(Modality::Claimed);
        }
        if s.rel(k) == "amod" && FUTURE_MODIFIERS.contains(&f) {
            found = found.or(Some(if matches!(f, "possible" | "potential") {
                Modality::Hypothetical
            } else {
                Modality::Future
            }));
        }
    }
    // Surface: a negation or modal right before the head (parser misses).
    for j in i.saturating_sub(3)..i {
        match s.form[j].as_str() {
            "not" | "n't" | "never" => return Some(Modality::Negated),
            "will" | "'ll" => found = found.or(Some(Modality::Future)),
            "could" | "may" | "might" | "would" | "should" | "must" => {
                found = found.or(Some(Modality::Hypothetical))
            }
            _ => {}
        }
    }
    found
}

/// The modality of the event headed by token `head`. `inner` gives the
/// inner-modality of an event entry matched at a token, when one is.
pub(crate) fn of(
    s: &Sent<'_>,
    head: usize,
    inner: &dyn Fn(usize) -> Option<InnerModality>,
) -> Modality {
    let own_m = own(s, head);
    if matches!(own_m, Some(Modality::Negated | Modality::Claimed)) {
        return own_m.unwrap_or(Modality::Asserted);
    }
    let mut from_above = None;
    let mut h = head;
    for _ in 0..6 {
        let Some(p) = s.head(h) else { break };
        let l = s.lemma[p].as_str();
        let by_entry = match inner(p) {
            Some(InnerModality::Claimed) => Some(Modality::Claimed),
            Some(InnerModality::Future) => Some(Modality::Future),
            Some(InnerModality::Negated) => Some(Modality::Negated),
            _ => None,
        };
        let by_word = if CLAIMED_GOVERNORS.contains(&l) {
            Some(Modality::Claimed)
        } else if NEGATING_GOVERNORS.contains(&l) {
            Some(Modality::Negated)
        } else if p < head
            && (FUTURE_GOVERNORS.contains(&l) && (s.is_verb(p) || s.upos(p) == "ADJ")
                || FUTURE_NOUNS.contains(&l) && s.upos(p) == "NOUN" && s.rel(h).starts_with("acl"))
        {
            Some(Modality::Future)
        } else if HYPOTHETICAL_GOVERNORS.contains(&l) {
            Some(Modality::Hypothetical)
        } else {
            None
        };
        if let Some(m) = by_entry.or(by_word) {
            // The governor's own negation flips a future into a negation.
            from_above = Some(match (m, own(s, p)) {
                (Modality::Future, Some(Modality::Negated)) => Modality::Negated,
                (m, _) => m,
            });
            break;
        }
        if matches!(s.rel(h), "obj" | "nsubj:pass") && own(s, p) == Some(Modality::Negated) {
            from_above = Some(Modality::Negated);
            break;
        }
        if matches!(own(s, p), Some(Modality::Hypothetical)) && s.rel(h) != "ccomp" {
            from_above = Some(Modality::Hypothetical);
            break;
        }
        if matches!(s.rel(h), "ccomp" | "parataxis" | "root") {
            break;
        }
        h = p;
    }
    match (from_above, own_m) {
        (Some(Modality::Claimed), _) => Modality::Claimed,
        (Some(Modality::Negated), _) => Modality::Negated,
        (_, Some(m)) => m,
        (Some(m), None) => m,
        (None, None) => Modality::Asserted,
    }
}
