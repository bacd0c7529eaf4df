//! Tense of the words around an expression, to choose between the past and
//! the future reading of an underspecified date (`Tuesday`, `in October`).
//!
//! The heuristic: in the expression's sentence, within a window of words on
//! either side (20 tokens: wide enough for a long noun phrase between the
//! verb and the date, as in `will be named commander of the Space Shuttle
//! Columbia for a mission in December`), find the nearest *tense marker*. Future markers are `will`,
//! `'ll`, `shall`, `won't`, `going to`, `expected`, `scheduled`, `plan(s)`,
//! `next` (not `next to`), `upcoming`, `coming`, `tomorrow`. Past markers are `ago`,
//! `last`, `yesterday`, `was`, `were`, `had`, `did`, common irregular past
//! forms and words ending in `-ed` (unless right after `be`, `been`, `to`,
//! `will`, which makes them participles of another tense). The nearest
//! marker decides; with none, the tense is unknown and callers fall back to
//! the past reading, which is the usual one in news.

use crate::tokens::{Kind, Tok};

/// The tense around an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

const WINDOW: usize = 20;

fn is_irregular_past(w: &str) -> bool {
    matches!(
        w,
        "was"
            | "were"
            | "had"
            | "did"
            | "said"
            | "told"
            | "went"
            | "came"
            | "made"
            | "took"
            | "gave"
            | "met"
            | "fell"
            | "rose"
            | "sold"
            | "bought"
            | "began"
            | "left"
            | "held"
            | "found"
            | "got"
            | "saw"
            | "knew"
            | "thought"
            | "brought"
            | "became"
            | "paid"
            | "won"
            | "lost"
            | "struck"
            | "ran"
            | "spent"
            | "sent"
            | "built"
            | "led"
            | "kept"
            | "stood"
            | "wrote"
            | "spoke"
            | "broke"
            | "chose"
            | "drove"
            | "flew"
            | "grew"
            | "threw"
            | "fought"
            | "caught"
            | "taught"
            | "sought"
            | "felt"
            | "meant"
            | "heard"
            | "shot"
            | "hid"
            | "fled"
            | "swore"
            | "wore"
            | "tore"
            | "ate"
            | "drew"
            | "shook"
            | "slid"
            | "sank"
            | "rang"
            | "sang"
            | "ago"
            | "last"
            | "yesterday"
            | "earlier"
            | "previous"
            | "previously"
    )
}

fn is_future(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "shall"
            | "expected"
            | "expects"
            | "scheduled"
            | "plans"
            | "plan"
            | "next"
            | "upcoming"
            | "coming"
            | "tomorrow"
            | "future"
            | "soon"
            | "effective"
            | "would"
            | "might"
            | "could"
            | "planning"
            | "slated"
            | "due"
            | "later"
    )
}

const ED_EXCEPTIONS: &[&str] = &[
    "need", "speed", "indeed", "hundred", "red", "bed", "feed", "seed", "weed", "shed", "united",
    "proceed", "exceed", "succeed", "breed", "greed", "deed", "bleed", "creed", "embed", "wed",
];

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "some"
            | "all"
            | "about"
            | "be"
            | "date"
            | "power"
    )
}

/// The tense marker a token carries, looking at the token before it.
fn marker(toks: &[Tok], i: usize) -> Option<Tense> {
    let t = toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let w = t.lower.as_str();
    let prev = i.checked_sub(1).and_then(|j| toks.get(j));
    let next = toks.get(i + 1);
    let prev_word = prev.map(|p| p.lower.as_str()).unwrap_or("");
    if w == "ll" && prev.is_some_and(|p| p.is_punct('\'') || p.is_punct('’')) {
        return Some(Tense::Future);
    }
    if w == "won" && next.is_some_and(|n| n.is_punct('\'') || n.is_punct('’')) {
        return Some(Tense::Future);
    }
    if w == "going" && next.is_some_and(|n| n.is("to")) {
        return Some(Tense::Future);
    }
    // An infinitive (`planned to leave`, `set to resume`) looks ahead.
    if w == "to"
        && next.is_some_and(|n| {
            n.kind == Kind::Word && !n.cap && !is_determiner(&n.lower) && !n.lower.ends_with("ed")
        })
    {
        return Some(Tense::Future);
    }
    // `vacation plans`: a noun, not a plan to do something; `next to the
    // embassy`: a place, not the next week.
    let before_to = next.is_some_and(|n| n.is("to"));
    if (matches!(w, "plan" | "plans") && !before_to) || (w == "next" && before_to) {
        return None;
    }
    if is_future(w) {
        return Some(Tense::Future);
    }
    let past =
        is_irregular_past(w) || (w.len() > 4 && w.ends_with("ed") && !ED_EXCEPTIONS.contains(&w));
    if !past {
        return None;
    }
    // A participle after `be`, `to`, `will` belongs to another tense.
    if matches!(prev_word, "be" | "been" | "to" | "will" | "being") {
        return None;
    }
    // An adjective in `-ed` after a determiner or an adverb (`a still
    // unspecified date`, `the delayed vote`) is no verb.
    if w.ends_with("ed")
        && matches!(
            prev_word,
            "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our" | "still" | "newly"
        )
    {
        return None;
    }
    Some(Tense::Past)
}

/// True when token `i` is a past-tense marker (`was`, `became`, `moved`).
pub(crate) fn is_past_marker(toks: &[Tok], i: usize) -> bool {
    marker(toks, i) == Some(Tense::Past)
}

/// The tense around tokens `start..end` (the expression itself excluded).
pub(crate) fn tense(toks: &[Tok], start: usize, end: usize) -> Tense {
    let Some(sentence) = toks.get(start).map(|t| t.sentence) else {
        return Tense::Unknown;
    };
    for d in 1..=WINDOW {
        // Look left first: the verb usually comes before a date in news.
        let left = start
            .checked_sub(d)
            .filter(|&i| toks.get(i).is_some_and(|t| t.sentence == sentence));
        if let Some(i) = left {
            if let Some(t) = marker(toks, i) {
                return t;
            }
        }
        let right = end + d - 1;
        if toks.get(right).is_some_and(|t| t.sentence == sentence) {
            // An infinitive after the expression (`agreed in June to buy`)
            // is a complement of the verb the expression goes with.
            let infinitive = toks.get(right).is_some_and(|t| t.is("to"));
            match marker(toks, right) {
                Some(Tense::Future) if infinitive => {}
                Some(t) => return t,
                None => {}
            }
        }
    }
    Tense::Unknown
}

/// Future markers strong enough to move a weekday forward. Infinitives
/// and the weaker modals (`could`, `might`) are left out: in news they
/// mostly come in reported speech about a past day. A scheduling verb in
/// the simple present (`the two leaders meet Monday`, `the session opens
/// Tuesday`) names a coming day.
fn is_weekday_future(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "shall"
            | "scheduled"
            | "plans"
            | "plan"
            | "planning"
            | "next"
            | "upcoming"
            | "coming"
            | "tomorrow"
            | "slated"
            | "would"
            | "expected"
            | "expects"
            | "postponed"
            | "soon"
            | "begins"
            | "starts"
            | "opens"
            | "resumes"
            | "meets"
            | "meet"
            | "visits"
            | "arrives"
            | "leaves"
            | "ends"
            | "expires"
            | "closes"
            | "convenes"
    )
}

/// True when token `i` is a quotation mark: `"`, `“`, `”`, a backquote, or
/// an apostrophe doubled into `''`. A quote's words and the reporting
/// clause around it have tenses of their own.
fn is_quote(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else {
        return false;
    };
    if t.is_punct('"') || t.is_punct('“') || t.is_punct('”') || t.is_punct('`') {
        return true;
    }
    let apostrophe = |t: &Tok| t.is_punct('\'') || t.is_punct('’');
    if !apostrophe(t) {
        return false;
    }
    let next_glued = toks
        .get(i + 1)
        .is_some_and(|n| apostrophe(n) && !n.space_before);
    let prev_glued = !t.space_before
        && i.checked_sub(1)
            .and_then(|j| toks.get(j))
            .is_some_and(apostrophe);
    next_glued || prev_glued
}

/// The tense around a weekday name (tokens `start..end`), which decides
/// between this week's and last week's day: a possessive (`Friday's
/// close`) is past; otherwise the nearest marker in the sentence, with
/// only the strong future markers of [`is_weekday_future`] counting as
/// future.
pub(crate) fn weekday_tense(toks: &[Tok], start: usize, end: usize) -> Tense {
    let Some(sentence) = toks.get(start).map(|t| t.sentence) else {
        return Tense::Unknown;
    };
    let apostrophe = |t: &Tok| t.is_punct('\'') || t.is_punct('’');
    if toks
        .get(end)
        .is_some_and(|t| apostrophe(t) && !t.space_before)
        && toks.get(end + 1).is_some_and(|t| t.is("s"))
    {
        return Tense::Past;
    }
    let at = |i: usize, left: bool| -> Option<Tense> {
        let t = toks.get(i).filter(|t| t.sentence == sentence)?;
        if t.kind != Kind::Word {
            return None;
        }
        let prev = i.checked_sub(1).and_then(|j| toks.get(j));
        if t.is("ll") && prev.is_some_and(apostrophe) {
            return Some(Tense::Future);
        }
        if t.is("going") && toks.get(i + 1).is_some_and(|n| n.is("to")) {
            return Some(Tense::Future);
        }
        // `set to resume`, `is to resume`.
        if matches!(t.lower.as_str(), "set" | "is" | "are")
            && toks.get(i + 1).is_some_and(|n| n.is("to"))
        {
            return Some(Tense::Future);
        }
        let before_to = toks.get(i + 1).is_some_and(|n| n.is("to"));
        if matches!(t.lower.as_str(), "plan" | "plans") && !before_to {
            return None;
        }
        // `were planning to march on Monday`: the auxiliary of a
        // schedule word leaves the tense to that word.
        if matches!(t.lower.as_str(), "was" | "were")
            && toks.get(i + 1).is_some_and(|n| is_weekday_future(&n.lower))
        {
            return None;
        }
        // `planned to leave on Thursday`, `planned a rally on Saturday`:
        // a day after the verb is the day of the plan, still to come; one
        // before it (`On Friday, the government planned to pay`) is the
        // day the plan was made. `had planned` looks back.
        if t.is("planned")
            && left
            && !prev.is_some_and(|p| matches!(p.lower.as_str(), "had" | "been" | "previously"))
        {
            return Some(Tense::Future);
        }
        // `did not meet Monday`: a negated past, no schedule.
        if t.is("meet")
            && prev.is_some_and(|p| matches!(p.lower.as_str(), "not" | "did" | "never" | "t"))
        {
            return None;
        }
        // `next to the embassy`: a place.
        if t.is("next") && before_to {
            return None;
        }
        if is_weekday_future(&t.lower) {
            // `had been scheduled to expire Friday`: a plan seen from a
            // past narrative, about a day that has passed.
            let word_before = |k: usize| {
                i.checked_sub(k)
                    .and_then(|j| toks.get(j))
                    .map(|p| p.lower.as_str())
            };
            let pluperfect = word_before(1) == Some("had")
                || (word_before(1) == Some("been") && word_before(2) == Some("had"));
            return Some(if pluperfect {
                Tense::Past
            } else {
                Tense::Future
            });
        }
        match marker(toks, i) {
            Some(Tense::Past) => Some(Tense::Past),
            _ => None,
        }
    };
    // The scan in each direction stops at a quotation mark.
    let (mut left_open, mut right_open) = (true, true);
    for d in 1..=WINDOW {
        if let Some(i) = start.checked_sub(d).filter(|_| left_open) {
            if is_quote(toks, i) {
                left_open = false;
            } else if let Some(t) = at(i, true) {
                return t;
            }
        }
        let i = end + d - 1;
        if right_open {
            // `told a forum on Tuesday that he would order ...`: the clause
            // a `that` opens after the day has a tense of its own.
            if is_quote(toks, i) || toks.get(i).is_some_and(|t| t.is("that")) {
                right_open = false;
            } else if let Some(t) = at(i, false) {
                return t;
            }
        }
    }
    Tense::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn tense_of(text: &str, word: &str) -> Tense {
        let toks = tokenize(text);
        match toks.iter().position(|t| t.lower == word) {
            Some(i) => tense(&toks, i, i + 1),
            None => panic!("{word} not in {text}"),
        }
    }

    #[test]
    fn markers() {
        let rows = [
            (
                "The talks will resume on Thursday.",
                "thursday",
                Tense::Future,
            ),
            ("The talks resumed on Thursday.", "thursday", Tense::Past),
            (
                "Officials said Tuesday the talks will resume.",
                "tuesday",
                Tense::Past,
            ),
            ("He'll be back on Monday.", "monday", Tense::Future),
            ("The vote is on Friday.", "friday", Tense::Unknown),
            ("It is to be completed by Friday.", "friday", Tense::Unknown),
            (
                "Air Force Lieutenant Colonel Eileen Collins will be named commander of the Space Shuttle Columbia for a mission in December.",
                "december",
                Tense::Future,
            ),
            (
                "The report, which won't appear until May, is late.",
                "may",
                Tense::Future,
            ),
        ];
        for (text, word, want) in rows {
            assert_eq!(tense_of(text, word), want, "{text}");
        }
    }
}
