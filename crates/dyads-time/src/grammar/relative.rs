//! Expressions relative to the document creation time or to the narrative:
//! `today`, `Tuesday`, `last week`, `two days ago`, `the previous day`,
//! `now`, `the future`.

use super::calendar::rel_word;
use super::{number, unit_word, Cur, Rel, Sem};
use crate::lexicon::{self, Unit};
use crate::value::DayPart;

/// `today`, `tomorrow`, `yesterday`, `tonight`, `last night`, `this
/// morning`, `the day before yesterday`.
pub(crate) fn rel_day(c: Cur<'_>) -> Option<(usize, Sem)> {
    if let Some(found) = ordinal_day(c) {
        return Some(found);
    }
    if let Some(c2) = c.words(&["the", "day", "before", "yesterday"]) {
        return Some((c2.i, Sem::RelDay(-2)));
    }
    if let Some(c2) = c.words(&["the", "day", "after", "tomorrow"]) {
        return Some((c2.i, Sem::RelDay(2)));
    }
    let part = |p: DayPart, off: i64| Sem::PartOfDay {
        part: p,
        day: Some(Box::new(Sem::RelDay(off))),
    };
    if let Some(c2) = c.words(&["last", "night"]) {
        return Some((c2.i, part(DayPart::Night, -1)));
    }
    if let Some(c1) = c.word("this") {
        if let Some((c2, p)) = c1.lookup(lexicon::day_part) {
            return Some((c2.i, part(p, 0)));
        }
    }
    let (c2, w) = c.any(&["today", "tomorrow", "yesterday", "tonight", "overnight"])?;
    if matches!(w, "today" | "tomorrow") && generic_possessive(c, c2) {
        return None;
    }
    Some(match w {
        "today" => (c2.i, Sem::RelDay(0)),
        "tomorrow" => (c2.i, Sem::RelDay(1)),
        "yesterday" => (c2.i, Sem::RelDay(-1)),
        // `overnight` is the night before the day the narrative is on
        // (the report's day until the text names another): `shares closed
        // lower Friday, depressed by overnight losses in New York`.
        "overnight" => (
            c2.i,
            Sem::PartOfDay {
                part: DayPart::Night,
                day: Some(Box::new(Sem::Anchored {
                    unit: Unit::Day,
                    offset: -1,
                })),
            },
        ),
        _ => (c2.i, part(DayPart::Night, 0)),
    })
}

/// `today's youth`, `the leaders of tomorrow`, `many of today's
/// computers`: `today` and `tomorrow` as the present and the coming age,
/// not a day; TimeBank leaves them untagged. `c` is on the word, `c2`
/// after it.
fn generic_possessive(c: Cur<'_>, c2: Cur<'_>) -> bool {
    let back = |k: usize| c.i.checked_sub(k).and_then(|j| c.toks.get(j));
    let possessive = c2
        .punct('\'')
        .or_else(|| c2.punct('’'))
        .and_then(|c3| c3.word("s"));
    if back(1).is_some_and(|p| p.is("of")) {
        // `many of today's computers`: a share of what there is nowadays.
        let quantified = back(2).is_some_and(|q| {
            matches!(
                q.lower.as_str(),
                "many" | "most" | "some" | "all" | "few" | "much"
            )
        });
        // `the people of tomorrow`: a noun phrase closed by the age (not
        // a part of the day: `the end of today`).
        let closed = possessive.is_none()
            && back(2).is_some_and(|n| {
                n.kind == crate::tokens::Kind::Word
                    && !n.cap
                    && !matches!(
                        n.lower.as_str(),
                        "end"
                            | "close"
                            | "start"
                            | "beginning"
                            | "middle"
                            | "rest"
                            | "morning"
                            | "afternoon"
                            | "evening"
                            | "night"
                    )
            })
            && back(3).is_some_and(|d| d.is("the"));
        if (quantified && possessive.is_some()) || closed {
            return true;
        }
    }
    let Some(c3) = possessive else {
        return false;
    };
    matches!(
        c3.lower(),
        Some(
            "youth"
                | "young"
                | "children"
                | "kids"
                | "teenagers"
                | "students"
                | "generation"
                | "generations"
                | "society"
                | "world"
                | "consumers"
        )
    )
}

/// `today is the eighth day of the siege`, `it's the second day of the
/// strike`: an ordinal day of an event after a copula in the present is the
/// day of writing.
fn ordinal_day(c: Cur<'_>) -> Option<(usize, Sem)> {
    let copula = c.prev().is_some_and(|p| {
        p.is("is")
            || (p.is("s")
                && !p.space_before
                && c.i
                    .checked_sub(2)
                    .and_then(|j| c.toks.get(j))
                    .is_some_and(|a| a.is_punct('\'') || a.is_punct('’')))
    });
    if !copula {
        return None;
    }
    let (c1, _) = c.opt_word("the").lookup(lexicon::ordinal)?;
    let c2 = c1.word("day")?;
    c2.word("of")?;
    Some((c2.i, Sem::RelDay(0)))
}

/// `Tuesday`, `last Friday`, `this coming Sunday`, `the previous Friday`.
pub(crate) fn weekday(c: Cur<'_>) -> Option<(usize, Sem)> {
    let (c1, rel, narrative) = match c.words(&["the", "previous"]) {
        Some(c1) => (c1, Rel::Last, true),
        None => match c.words(&["the", "following"]) {
            Some(c1) => (c1, Rel::Next, true),
            None => {
                let (c1, rel) = rel_word(c);
                (c1, rel, false)
            }
        },
    };
    let t = c1.tok()?;
    let (c2, wd) = c1.lookup(lexicon::weekday)?;
    if !t.cap {
        return None;
    }
    let full = t.lower.len() > 4;
    let c2 = if full { c2 } else { c2.glued('.')? };
    // `Thursday last week`, `Monday of next week`: that day in that week.
    if rel == Rel::None && !narrative {
        let c3 = c2.opt_word("of");
        for (w, weeks) in [("last", -1), ("next", 1), ("this", 0)] {
            if let Some(c4) = c3.words(&[w, "week"]) {
                return Some((c4.i, Sem::WeekdayOfWeek { wd, weeks }));
            }
        }
    }
    Some((c2.i, Sem::Weekday { wd, rel, narrative }))
}

/// `last week`, `this month`, `next year`, `the current quarter`, `the
/// weekend`, `this decade`.
pub(crate) fn rel_unit(c: Cur<'_>) -> Option<(usize, Sem)> {
    if let Some(c1) = c
        .word("the")
        .or_else(|| c.word("this"))
        .or_else(|| c.word("last"))
        .or_else(|| c.word("next"))
    {
        let c1b = c1.opt_punct('-');
        if let Some(c2) = c1b.word("weekend") {
            let rel = match c.lower() {
                Some("last") => Rel::Last,
                Some("next") => Rel::Next,
                Some("this") => Rel::This,
                _ => Rel::None,
            };
            return Some((c2.i, Sem::Weekend(rel)));
        }
    }
    if let Some(found) = the_year(c) {
        return Some(found);
    }
    let (c1, offset) = if let Some(c1) = c.words(&["the", "current"]) {
        (c1.opt_word("fiscal"), 0)
    } else if let Some(c1) = c.words(&["this", "past"]) {
        (c1, -1)
    } else if let Some(c1) = c
        .words(&["the", "latest"])
        .map(|c1| c1.opt_word("fiscal"))
        .filter(|c1| c1.word("year").is_some())
    {
        // `the latest fiscal year`: the last complete year.
        (c1, -1)
    } else if let Some(c1) = c
        .words(&["the", "past"])
        .filter(|c1| c1.word("year").is_some())
    {
        (c1, -1)
    } else {
        match c.any(&["last", "this", "next", "current"])? {
            (c1, "last") => (c1, -1),
            (c1, "next") => (c1, 1),
            (c1, _) => (c1.opt_word("fiscal"), 0),
        }
    };
    let (c2, unit, plural) = unit_word(c1)?;
    if plural || matches!(unit, Unit::Second | Unit::Minute | Unit::Hour | Unit::Day) {
        return None;
    }
    // `last year's` stays a date; `next year 's` in a quarter is handled there.
    Some((c2.i, Sem::RelUnit { unit, offset }))
}

/// `the year` (this year), `the fiscal year ended ...` (a year's duration).
fn the_year(c: Cur<'_>) -> Option<(usize, Sem)> {
    let c1 = c.word("the")?;
    let c1 = c1.any(&["full", "fiscal", "current"]).map_or(c1, |x| x.0);
    let c2 = c1.word("year")?;
    if let Some(t) = c2.tok() {
        if !t.space_before && (t.is_punct('-') || t.is_punct('\'') || t.is_punct('’')) {
            return None;
        }
    }
    if c2
        .any(&["ended", "ending", "ends", "through", "to"])
        .is_some()
    {
        return Some((c2.i, Sem::Duration("P1Y".into())));
    }
    Some((
        c2.i,
        Sem::RelUnit {
            unit: Unit::Year,
            offset: 0,
        },
    ))
}

/// `two days ago`, `a year earlier`, `three weeks later`, `years ago`, `a
/// week or so ago`.
pub(crate) fn shift(c: Cur<'_>) -> Option<(usize, Sem)> {
    // `year-earlier`, `year-ago` as adjectives.
    if let Some(c1) = c.word("year").and_then(|c1| c1.glued('-')) {
        let (c2, _) = c1.any(&["ago", "earlier"])?;
        let sem = Sem::Shift {
            n: Some(1.0),
            unit: Unit::Year,
            dir: -1,
            narrative: false,
            signal: false,
        };
        return Some((c2.i, sem));
    }
    let (c1, n) = amount(c)?;
    let (c2, unit, plural) = unit_word(c1)?;
    if (n == Some(1.0) && plural) || matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
        return None;
    }
    // `(a) matter of days before the vote`: how soon, as for the bare
    // duration, not a date.
    let back = |k: usize| c.i.checked_sub(k).and_then(|j| c.toks.get(j));
    if c1.i == c.i && back(1).is_some_and(|t| t.is("of")) && back(2).is_some_and(|t| t.is("matter"))
    {
        return None;
    }
    let c2b = c2.words(&["or", "so"]).unwrap_or(c2);
    let (c3, w) = c2b.any(&[
        "ago",
        "earlier",
        "later",
        "before",
        "after",
        "afterward",
        "afterwards",
        "previously",
        "hence",
    ])?;
    let (dir, narrative) = match w {
        "ago" => (-1, false),
        "hence" => (1, false),
        "earlier" | "before" | "previously" => (-1, true),
        _ => (1, true),
    };
    // `before`/`after` followed by a noun phrase is a preposition.
    if matches!(w, "before" | "after") {
        if let Some(t) = c3.tok() {
            if t.kind != crate::tokens::Kind::Punct && !t.cap {
                return None;
            }
        }
    }
    // `three days later`, `a month after`: the duration, with the word
    // after it left out as TimeML's signal.
    let signal = matches!(w, "later" | "after" | "before" | "afterward" | "afterwards");
    Some((
        if signal { c2b.i } else { c3.i },
        Sem::Shift {
            n,
            unit,
            dir,
            narrative,
            signal,
        },
    ))
}

/// An amount before a unit: a number, `a`, `an`, `several`, `a few`,
/// `many`; `None` for an unspecified amount.
pub(crate) fn amount(c: Cur<'_>) -> Option<(Cur<'_>, Option<f64>)> {
    // `half a dozen`, `a dozen`, `a hundred`, `two dozen`.
    if let Some(c1) = c.words(&["half", "a", "dozen"]) {
        return Some((c1, Some(6.0)));
    }
    if let Some((c1, _)) = c.any(&["a", "an"]) {
        if let Some((c2, w)) = c1.any(&["dozen", "hundred", "thousand"]) {
            let n = match w {
                "dozen" => 12.0,
                "hundred" => 100.0,
                _ => 1000.0,
            };
            return Some((c2, Some(n)));
        }
    }
    if let Some((c1, n)) = number(c) {
        if let Some(c2) = c1.word("dozen") {
            return Some((c2, Some(n * 12.0)));
        }
        return Some((c1, Some(n)));
    }
    if let Some(c1) = c
        .words(&["a", "couple", "of"])
        .or_else(|| c.words(&["couple", "of"]))
    {
        return Some((c1, Some(2.0)));
    }
    if let Some(c1) = c.words(&["a", "few"]) {
        return Some((c1, None));
    }
    if let Some(c1) = c.words(&["a", "half"]).or_else(|| c.words(&["half", "a"])) {
        return Some((c1, Some(0.5)));
    }
    if let Some((c1, _)) = c.any(&["a", "an"]) {
        return Some((c1, Some(1.0)));
    }
    if let Some((c1, _)) = c.any(&["several", "few", "many", "some"]) {
        return Some((c1, None));
    }
    // A bare plural unit: `years ago`.
    unit_word(c)
        .filter(|(_, _, plural)| *plural)
        .map(|_| (c, None))
}

/// `the previous day`, `the next day`, `the following year`, `that day`,
/// `the same day`, `the day before`.
pub(crate) fn anchored(c: Cur<'_>) -> Option<(usize, Sem)> {
    let prefixes: &[(&[&str], i64)] = &[
        (&["the", "previous"], -1),
        (&["the", "preceding"], -1),
        (&["the", "prior"], -1),
        (&["the", "next"], 1),
        (&["the", "following"], 1),
        (&["the", "subsequent"], 1),
        (&["that", "same"], 0),
        (&["the", "same"], 0),
        (&["that"], 0),
    ];
    for (words, offset) in prefixes {
        let Some(c1) = c.words(words) else { continue };
        // `the next morning`, `that night`: the day, as for `Friday night`.
        if let Some((c2, _)) = c1.lookup(lexicon::day_part) {
            return Some((
                c2.i,
                Sem::Anchored {
                    unit: Unit::Day,
                    offset: *offset,
                },
            ));
        }
        let Some((c2, unit, false)) = unit_word(c1) else {
            continue;
        };
        if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
            continue;
        }
        return Some((
            c2.i,
            Sem::Anchored {
                unit,
                offset: *offset,
            },
        ));
    }
    let c1 = c.word("the")?;
    let (c2, unit, false) = unit_word(c1)? else {
        return None;
    };
    let (c3, w) = c2.any(&["before", "after", "earlier"])?;
    let t = c3.tok();
    // `the day before the election` is not anchored on the narrative.
    if t.is_some_and(|t| t.kind != crate::tokens::Kind::Punct && !t.cap) && w != "earlier" {
        return None;
    }
    let offset = if w == "after" { 1 } else { -1 };
    Some((c3.i, Sem::Anchored { unit, offset }))
}

/// `now`, `currently`, `recently`, `the past`, `the future`, `soon`.
pub(crate) fn reference(c: Cur<'_>) -> Option<(usize, Sem)> {
    // `will one day lead`, `could someday return`: an indefinite future.
    let after_modal = c.prev().is_some_and(|p| {
        matches!(
            p.lower.as_str(),
            "will" | "would" | "could" | "might" | "may" | "can" | "shall" | "should"
        )
    });
    if after_modal {
        if let Some(c2) = c
            .words(&["one", "day"])
            .or_else(|| c.words(&["some", "day"]))
            .or_else(|| c.word("someday"))
        {
            return Some((c2.i, Sem::Ref("FUTURE_REF")));
        }
    }
    // `stay for a while`: an unspecified length of time.
    if c.prev().is_some_and(|p| p.is("for")) {
        if let Some(c2) = c.words(&["a", "while"]) {
            return Some((c2.i, Sem::Duration("PXX".to_string())));
        }
    }
    if let Some(found) = soon(c) {
        return Some(found);
    }
    // `formerly`, like `former`, qualifies a title (`X, formerly the
    // finance minister`), not the time of an event: TimeML leaves it out.
    let phrases: &[(&[&str], &str)] = &[
        (&["right", "now"], "PRESENT_REF"),
        (&["at", "present"], "PRESENT_REF"),
        (&["these", "days"], "PRESENT_REF"),
        (&["the", "present"], "PRESENT_REF"),
        (&["now"], "PRESENT_REF"),
        (&["currently"], "PRESENT_REF"),
        (&["presently"], "PRESENT_REF"),
        (&["nowadays"], "PRESENT_REF"),
        (&["current"], "PRESENT_REF"),
        // `the then current price`: the present of a past narrative.
        (&["then", "current"], "PAST_REF"),
        (&["the", "past"], "PAST_REF"),
        (&["recently"], "PAST_REF"),
        (&["lately"], "PAST_REF"),
        (&["the", "near", "future"], "FUTURE_REF"),
        (&["the", "future"], "FUTURE_REF"),
        (&["the", "near", "term"], "FUTURE_REF"),
        (&["the", "short", "term"], "FUTURE_REF"),
        (&["the", "long", "term"], "FUTURE_REF"),
    ];
    // `Now, he says, ...`: a discourse marker at the head of a sentence.
    if super::opens(c.toks, c.i) && c.word("now").and_then(|c2| c2.punct(',')).is_some() {
        return None;
    }
    for (words, value) in phrases {
        if let Some(c2) = c.words(words) {
            // `now-defunct`, `current-account`: part of a compound word.
            if c2.tok().is_some_and(|t| t.is_punct('-') && !t.space_before) {
                continue;
            }
            // `the future of the alliance`: its fate, not a time.
            if words.last() == Some(&"future") && c2.word("of").is_some() {
                continue;
            }
            // `Jane Roe, currently the finance director`: like `formerly`,
            // it qualifies a title, not the time of an event.
            if *words == ["currently"]
                && c.prev().is_some_and(|p| p.is_punct(','))
                && c2
                    .any(&["the", "a", "an", "vice", "chief", "deputy", "head"])
                    .is_some()
            {
                continue;
            }
            // `the past three summers`: a determiner before an amount of
            // something that is no time unit, not the past itself.
            if words.last() == Some(&"past") && number(c2).is_some() {
                continue;
            }
            return Some((c2.i, Sem::Ref(value)));
        }
    }
    None
}

/// `soon` (`will soon begin`, `may soon seek`), `as soon as possible`: the
/// near future, `FUTURE_REF`. Not the conjunction `as soon as` (`as soon
/// as Tuesday`: the day is the expression), not a signal before another
/// time (`soon after the vote`), not in a past narrative (`was soon
/// released`, `soon became`).
fn soon(c: Cur<'_>) -> Option<(usize, Sem)> {
    if let Some(c2) = c.words(&["as", "soon", "as", "possible"]) {
        return Some((c2.i, Sem::Ref("FUTURE_REF")));
    }
    let c1 = c.word("soon")?;
    let prev = c.prev().map(|p| p.lower.as_str()).unwrap_or("");
    if matches!(
        prev,
        "as" | "so" | "too" | "how" | "was" | "were" | "had" | "been"
    ) {
        return None;
    }
    // `soon after the vote`; `a soon-to-be-released report` (a compound).
    if c1
        .any(&["as", "after", "afterward", "afterwards", "thereafter"])
        .is_some()
        || c1.glued('-').is_some()
    {
        return None;
    }
    let past = |i: Option<usize>| i.is_some_and(|i| crate::context::is_past_marker(c.toks, i));
    if past(Some(c1.i)) || past(c.i.checked_sub(1)) {
        return None;
    }
    Some((c1.i, Sem::Ref("FUTURE_REF")))
}
