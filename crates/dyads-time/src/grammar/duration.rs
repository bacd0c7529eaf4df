//! Durations (`two years`, `the past six months`, `five-year`, `years`)
//! and sets (`daily`, `every week`, `each Thursday`, `Mondays`).

use super::relative::amount;
use super::{unit_word, Cur, Sem};
use crate::lexicon::{self, Unit};

/// Determiners that stay inside a duration's span (`the past two months`).
const LEADS: &[&[&str]] = &[
    &["the", "past"],
    &["the", "last"],
    &["the", "next"],
    &["the", "coming"],
    &["the", "first"],
    &["the", "final"],
    &["the", "previous"],
    &["the", "following"],
    &["the", "latest"],
    &["the", "recent"],
    &["the", "remaining"],
    &["the", "early"],
    &["the"],
    &["past"],
    &["last"],
    &["first"],
    &["coming"],
    &["future"],
    &["recent"],
    &["next"],
    &["each", "of", "the", "past"],
];

/// A duration.
pub(crate) fn duration(c: Cur<'_>) -> Option<(usize, Sem)> {
    let mut best: Option<(usize, Sem)> = None;
    for lead in LEADS {
        let Some(c1) = c.words(lead) else { continue };
        // `will last a month`: the verb, not a determiner.
        if matches!(c1.lower(), Some("a" | "an")) {
            continue;
        }
        if let Some(found) = bare_duration(c1, lead) {
            if best.as_ref().is_none_or(|(e, _)| found.0 > *e) {
                best = Some(found);
            }
        }
    }
    // `the year-earlier nine months`: the same length of time a year
    // before, a duration.
    let year_earlier = c
        .word("the")
        .and_then(|c1| c1.word("year"))
        .and_then(|c1| c1.glued('-'))
        .and_then(|c1| c1.any(&["earlier", "ago"]));
    if let Some((c1, _)) = year_earlier {
        if let Some(found) = bare_duration(c1, &["the", "year-earlier"])
            .filter(|(_, sem)| matches!(sem, Sem::Duration(v) if !v.contains('X')))
        {
            if best.as_ref().is_none_or(|(e, _)| found.0 > *e) {
                best = Some(found);
            }
        }
    }
    if let Some(found) = bare_duration(c, &[]) {
        if best.as_ref().is_none_or(|(e, _)| found.0 > *e) {
            best = Some(found);
        }
    }
    best
}

/// An amount and a unit, or a bare plural unit (`years`), after the
/// determiner `lead` (possibly none).
fn bare_duration(c: Cur<'_>, lead: &[&str]) -> Option<(usize, Sem)> {
    if c.prev().is_some_and(|p| p.is_punct('$')) && lead.is_empty() {
        return None;
    }
    // `the past decade`, `the next year`: one unit.
    let led_unit = lead
        .last()
        .is_some_and(|w| matches!(*w, "past" | "last" | "next" | "coming" | "first"));
    if led_unit {
        if let Some((c2, unit, false)) = unit_word(c) {
            return Some((c2.i, Sem::Duration(unit.duration(Some(1.0)))));
        }
    }
    let (c1, n) = amount(c)?;
    let c1b = match c1.tok() {
        Some(t) if t.is_punct('-') && !t.space_before => c1.next(),
        _ => c1,
    };
    // `two to three weeks`, `12 to 18 months`: the lower bound.
    let c1b = match c1b.word("to").or_else(|| c1b.word("or")).and_then(amount) {
        Some((c2, _)) if unit_word(c2).is_some() => c2,
        _ => c1b,
    };
    let c1b = c1b
        .any(&[
            "more",
            "additional",
            "trading",
            "business",
            "working",
            "straight",
            "consecutive",
        ])
        .map_or(c1b, |x| x.0);
    let (c2, unit, _) = unit_word(c1b)?;
    // `only minutes apart`, `seconds before the blast`: a bare plural of a
    // clock unit, with no amount and no determiner, is a vague closeness
    // in time, not a duration TimeBank tags (`the first hours`, `a few
    // minutes` stay).
    if lead.is_empty() && c1b.i == c.i && matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
        return None;
    }
    // `the early hours of Thursday`: a part of the night, not a length
    // of time; the day after it is the expression.
    if n.is_none() && unit == Unit::Hour && lead == ["the", "early"] && c2.word("of").is_some() {
        return None;
    }
    // `a matter of days`: a bare plural after `matter of` says how soon,
    // a closeness in time like `minutes apart`, not a length TimeBank
    // tags.
    let back = |k: usize| c.i.checked_sub(k).and_then(|j| c.toks.get(j));
    if lead.is_empty()
        && c1b.i == c.i
        && back(1).is_some_and(|t| t.is("of"))
        && back(2).is_some_and(|t| t.is("matter"))
    {
        return None;
    }
    // `three-quarters of its food`, `a quarter of the market`: a fraction
    // of something determined, not a period (`several quarters of losses`,
    // `two quarters of 1990` stay).
    let hyphenated = c.prev().is_some_and(|t| t.is_punct('-') && !t.space_before);
    if unit == Unit::Quarter
        && (n.is_some() || hyphenated)
        && c2.word("of").is_some_and(|c3| {
            matches!(
                c3.lower(),
                Some(
                    "the"
                        | "a"
                        | "an"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "our"
                        | "all"
                        | "this"
                        | "that"
                        | "these"
                        | "those"
                )
            )
        })
    {
        return None;
    }
    // `$5 million a year`, `700 seats a week`: a rate, not a duration.
    if lead.is_empty() && matches!(c.lower(), Some("a" | "an")) && after_amount(c) {
        return None;
    }
    // `a second betrayal`: the ordinal, not a duration.
    if unit == Unit::Second
        && matches!(c.lower(), Some("a" | "an"))
        && c2.tok().is_some_and(|t| {
            t.kind == crate::tokens::Kind::Word
                && !matches!(
                    t.lower.as_str(),
                    "or" | "and" | "later" | "ago" | "before" | "after" | "earlier" | "of"
                )
        })
    {
        return None;
    }
    // Ages: `a five-year-old`, `six years old`.
    if c2.glued('-').and_then(|c| c.word("old")).is_some() || c2.word("old").is_some() {
        return None;
    }
    // `a year-earlier loss`: the adjective `year-earlier` is a date of its
    // own, not the duration `a year`.
    if c2
        .glued('-')
        .and_then(|c| c.any(&["earlier", "ago"]))
        .is_some()
    {
        return None;
    }
    let (end, n) = match c2.words(&["and", "a", "half"]) {
        Some(c3) => (c3, n.map(|n| n + 0.5)),
        None => (c2, n),
    };
    // `weeks or months`: two vague lengths offered as one, valued by the
    // first.
    let end = match end.word("or").and_then(unit_word) {
        Some((c3, _, true)) if n.is_none() && c1b.i == c.i => c3,
        _ => end,
    };
    // `recent years`, `the past few months`: an unspecified past.
    let past_lead = lead.last().is_some_and(|w| matches!(*w, "past" | "last"));
    if n.is_none() && past_lead {
        return Some((end.i, Sem::Ref("PAST_REF")));
    }
    // `in coming months`, `future quarters`: an unspecified future.
    if n.is_none() && matches!(lead, ["coming"] | ["future"]) {
        return Some((end.i, Sem::Ref("FUTURE_REF")));
    }
    Some((end.i, Sem::Duration(unit.duration(n))))
}

/// True when the tokens before `c` are an amount (`$5 million`, `700
/// seats`, `3%`), so that `a year` after them is a rate.
fn after_amount(c: Cur<'_>) -> bool {
    let back = |k: usize| c.i.checked_sub(k).and_then(|j| c.toks.get(j));
    let is_amount = |t: &crate::tokens::Tok| {
        t.kind == crate::tokens::Kind::Num
            || t.is_punct('%')
            || matches!(
                t.lower.as_str(),
                "million" | "billion" | "thousand" | "hundred" | "percent" | "cents"
            )
    };
    match (back(1), back(2)) {
        (Some(p), _) if is_amount(p) => true,
        // `700 seats a week`
        (Some(p), Some(pp)) => {
            p.kind == crate::tokens::Kind::Word && p.lower.ends_with('s') && is_amount(pp)
        }
        _ => false,
    }
}

/// A set: a frequency or a recurring calendar position.
pub(crate) fn set(c: Cur<'_>) -> Option<(usize, Sem)> {
    let adverbs: &[(&str, &str)] = &[
        ("daily", "P1D"),
        ("nightly", "P1D"),
        ("weekly", "P1W"),
        ("biweekly", "P2W"),
        ("monthly", "P1M"),
        ("annually", "P1Y"),
        ("yearly", "P1Y"),
        ("hourly", "PT1H"),
    ];
    if let Some(w) = c.lower() {
        if let Some((_, v)) = adverbs.iter().find(|(a, _)| *a == w) {
            if c.next()
                .tok()
                .is_some_and(|t| t.is_punct('-') && !t.space_before)
            {
                return None;
            }
            // A rate, like `$5 million a year`, after an amount: `to rise
            // 8.5% annually`, `10,000 units annually`.
            if after_amount(c) {
                return None;
            }
            // `the average daily volume`, `average monthly rent`: an
            // amount per unit of time, a rate like `a year` after an
            // amount, not a recurring time.
            if c.prev().is_some_and(|p| p.is("average")) {
                return None;
            }
            return Some((c.i + 1, Sem::Set((*v).to_string())));
        }
    }
    // `the past three summers`: a season counted in the plural recurs,
    // a set of that season.
    let c1 = c
        .words(&["the", "past"])
        .or_else(|| c.words(&["the", "last"]))
        .unwrap_or(c);
    if let Some((c2, Some(_))) = amount(c1).filter(|(c2, _)| c2.i > c1.i) {
        let season = c2
            .lower()
            .filter(|w| *w != "falls")
            .and_then(|w| w.strip_suffix('s'))
            .and_then(lexicon::season);
        if let Some(season) = season {
            return Some((c2.i + 1, Sem::Set(format!("XXXX-{}", season.code()))));
        }
    }
    // `Tuesday nights`, `Sunday mornings`: a part of a day every week.
    if let Some((c1, wd)) = c.lookup(lexicon::weekday) {
        let part = c1
            .lower()
            .and_then(|w| w.strip_suffix('s'))
            .and_then(lexicon::day_part);
        if let Some(part) = part {
            return Some((c1.i + 1, Sem::Set(format!("XXXX-WXX-{wd}T{}", part.code()))));
        }
    }
    // `Mondays`
    if let Some(t) = c.tok() {
        if t.cap {
            if let Some(wd) = lexicon::weekday_plural(&t.lower) {
                return Some((c.i + 1, Sem::Set(format!("XXXX-WXX-{wd}"))));
            }
        }
    }
    if let Some((c1, w)) = c.any(&["every", "each", "per"]) {
        // `15 million instructions per second`: a rate after an amount.
        if w == "per" && after_amount(c) {
            return None;
        }
        let c1 = c1.opt_word("other");
        let other = c1.prev().is_some_and(|t| t.lower == "other");
        if let Some((c2, wd)) = c1.lookup(lexicon::weekday) {
            let (c3, part) = match c2.lookup(lexicon::day_part) {
                Some((c3, p)) => (c3, format!("T{}", p.code())),
                None => (c2, String::new()),
            };
            return Some((c3.i, Sem::Set(format!("XXXX-WXX-{wd}{part}"))));
        }
        if let Some((c2, m)) = c1.lookup(lexicon::month) {
            return Some((c2.i, Sem::Set(format!("XXXX-{m:02}"))));
        }
        if let Some((c2, s)) = c1.lookup(lexicon::season) {
            return Some((c2.i, Sem::Set(format!("XXXX-{}", s.code()))));
        }
        if let Some((c2, p)) = c1.lookup(lexicon::day_part) {
            return Some((c2.i, Sem::Set(format!("XXXX-XX-XXT{}", p.code()))));
        }
        let (c2, n) = match amount(c1) {
            Some((c2, Some(n))) if c2.i > c1.i => (c2, n),
            _ => (c1, if other { 2.0 } else { 1.0 }),
        };
        let (c3, unit, _) = unit_word(c2)?;
        return Some((c3.i, Sem::Set(unit.duration(Some(n)))));
    }
    // `$5 million a year`, `twice a week`: a frequency after an amount.
    let (c1, _) = c.any(&["a", "an"])?;
    let (c2, unit, false) = unit_word(c1)? else {
        return None;
    };
    if matches!(unit, Unit::Decade | Unit::Century | Unit::Quarter) {
        return None;
    }
    // A frequency (`twice a week`, `three times a day`); a rate after an
    // amount (`$5 million a year`, `700 seats a week`) is not tagged, as in
    // TimeBank.
    let before = c.toks.get(c.i.saturating_sub(3)..c.i).unwrap_or(&[]);
    let rate = before
        .iter()
        .any(|t| matches!(t.lower.as_str(), "twice" | "once" | "thrice" | "times"));
    if !rate
        || c2.tok().is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "ago" | "earlier" | "later" | "before" | "after"
            )
        })
    {
        return None;
    }
    Some((c2.i, Sem::Set(unit.duration(Some(1.0)))))
}
