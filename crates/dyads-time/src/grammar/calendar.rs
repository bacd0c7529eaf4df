//! Calendar names: numeric dates, month-and-day dates, months, years,
//! decades, centuries, quarters, seasons and holidays.

use super::{Cur, Holiday, Rel, Sem};
use crate::lexicon;

/// Words before a bare month or season name that make it a date.
const DATE_PREPS: &[&str] = &[
    "in", "of", "since", "until", "till", "by", "during", "through", "before", "after", "from",
    "to", "and", "or", "between", "last", "next", "this", "early", "late", "mid", "for", "that",
];

/// A month name: a capitalised full name, or an abbreviation with a period
/// or a number after it. `May` and `March` need more evidence.
pub(crate) fn month_name(c: Cur<'_>) -> Option<(Cur<'_>, u32)> {
    let t = c.tok()?;
    let (c2, m) = c.lookup(lexicon::month)?;
    if !t.cap {
        return None;
    }
    if lexicon::is_month_abbrev(&t.lower) {
        if let Some(c3) = c2.glued('.') {
            return Some((c3, m));
        }
        return c2.digits().map(|_| (c2, m));
    }
    if matches!(m, 3 | 5) {
        let after_digit = c2.opt_punct('.').digits().is_some();
        let before_tok = c.prev();
        let before = before_tok.map(|p| p.lower.as_str()).unwrap_or("");
        // `12 March`, `12th March`: a day before the name.
        let after_day = before_tok.is_some_and(|p| {
            p.kind == crate::tokens::Kind::Num || lexicon::is_ordinal_suffix(&p.lower)
        });
        // `the March vote`: capitalised after an article mid-sentence.
        let after_the = before == "the";
        if !after_digit
            && !after_day
            && !after_the
            && !DATE_PREPS.contains(&before)
            && before != "-"
        {
            return None;
        }
    }
    Some((c2, m))
}

/// A day of the month: `16`, `16th`, `sixteenth`, `twenty-first`.
pub(crate) fn day_number(c: Cur<'_>) -> Option<(Cur<'_>, u32)> {
    if let Some((c2, d, n)) = c.digits() {
        if n > 2 || !(1..=31).contains(&d) {
            return None;
        }
        let c2 = match c2.tok() {
            Some(t) if !t.space_before && lexicon::is_ordinal_suffix(&t.lower) => c2.next(),
            _ => c2,
        };
        // Not a clock time or a decimal.
        let glued_digits = |sep: char| {
            c2.glued(sep)
                .filter(|c| c.tok().is_some_and(|t| !t.space_before))
                .and_then(|c| c.digits())
                .is_some()
        };
        if glued_digits(':') || glued_digits('.') {
            return None;
        }
        return Some((c2, d));
    }
    if let Some((c2, d)) = c.lookup(lexicon::ordinal) {
        return Some((c2, d));
    }
    let (c2, tens) = c.lookup(lexicon::cardinal)?;
    if tens != 20 && tens != 30 {
        return None;
    }
    let c3 = c2.dash().unwrap_or(c2);
    let (c4, unit) = c3.lookup(lexicon::ordinal)?;
    let d = tens + unit;
    (d <= 31).then_some((c4, d))
}

/// A four-digit year after a comma or in a date: 1000 to 2999, or a
/// spoken one (`nineteen ninety-seven`).
pub(crate) fn year4(c: Cur<'_>) -> Option<(Cur<'_>, i32)> {
    if let Some(found) = super::years::spoken_year(c, true) {
        return Some(found);
    }
    let (c2, y, n) = c.digits()?;
    if n != 4 || !(1000..3000).contains(&y) {
        return None;
    }
    if c2.glued('-').and_then(|c| c.digits()).is_some() {
        return None;
    }
    Some((c2, y as i32))
}

/// `2024-01-16`, `16.01.2024`, `01/16/2024` (US order, day first when the
/// first number cannot be a month), `1/16/98`.
pub(crate) fn numeric_date(c: Cur<'_>) -> Option<(usize, Sem)> {
    let (c1, a, na) = c.digits()?;
    let date = |y: i32, m: u32, d: u32, end: Cur<'_>| -> Option<(usize, Sem)> {
        crate::date::Date::new(y, m, d)?;
        Some((
            end.i,
            Sem::Date {
                year: Some(y),
                month: m,
                day: Some(d),
                rel: Rel::None,
            },
        ))
    };
    for sep in ['-', '.', '/'] {
        let Some((c2, b, nb)) = c1.glued(sep).and_then(|c| c.digits()) else {
            continue;
        };
        if c2.prev().is_some_and(|t| t.space_before) {
            continue;
        }
        let Some((c3, e, ne)) = c2.glued(sep).and_then(|c| c.digits()) else {
            continue;
        };
        if c3.prev().is_some_and(|t| t.space_before) {
            continue;
        }
        if na == 4 && sep == '-' && nb <= 2 && ne <= 2 {
            return date(a as i32, b, e, c3);
        }
        let year = match ne {
            4 => e as i32,
            2 if sep == '/' => {
                if e >= 50 {
                    1900 + e as i32
                } else {
                    2000 + e as i32
                }
            }
            _ => continue,
        };
        if na > 2 || nb > 2 {
            continue;
        }
        return match sep {
            '/' if a <= 12 => date(year, a, b, c3),
            _ => date(year, b, a, c3),
        };
    }
    None
}

/// `January 16, 2024`, `Jan. 16`, `Monday, Oct. 26`, `January 14-18, 2024`,
/// `March eighth`.
pub(crate) fn month_day(c: Cur<'_>) -> Option<(usize, Sem)> {
    let (c0, rel) = rel_word(c);
    let (c1, month) = month_name(c0)?;
    let (c2, day) = day_number(c1)?;
    // A range: `14-18`, `14 to 18`, `14 - February 2`.
    let mut end = None;
    let dash = c2.dash();
    let sep = dash
        .or_else(|| c2.word("to"))
        .or_else(|| c2.word("through"));
    if let Some(c3) = sep {
        // `Aug. 26 to Oct. 20` is two dates (as TimeBank has it); a dash
        // joins them into one range (`January 30-February 2`).
        if let Some((c4, m2)) = month_name(c3).filter(|_| dash.is_some()) {
            if let Some((c5, d2)) = day_number(c4) {
                end = Some((c5, m2, d2));
            }
        } else if let Some((c4, d2)) = day_number(c3) {
            if d2 > day {
                end = Some((c4, month, d2));
            }
        }
    }
    let after = end.map_or(c2, |(c, _, _)| c);
    // `January 28 last year`: the day in the year named after it.
    if let (None, Rel::None, Some(found)) = (end, rel, day_of_rel_year(after, month, day)) {
        return found;
    }
    let (last, year) = match year4(after.opt_punct(',')) {
        Some((c, y)) => (c, Some(y)),
        None => (after, None),
    };
    crate::date::Date::new(year.unwrap_or(2000), month, day)?;
    let sem = match end {
        Some((_, end_month, end_day)) => Sem::Range {
            year,
            month,
            day,
            end_month,
            end_day,
        },
        None => Sem::Date {
            year,
            month,
            day: Some(day),
            rel: if year.is_some() { Rel::None } else { rel },
        },
    };
    if rel != Rel::None && !matches!(sem, Sem::Date { .. }) {
        return None;
    }
    Some((last.i, sem))
}

/// `16 January 2024`, `16th of January`, `the 16th of January`.
pub(crate) fn day_month(c: Cur<'_>) -> Option<(usize, Sem)> {
    let c0 = c.word("the").unwrap_or(c);
    let (c1, day) = day_number(c0)?;
    let (c2, month) = month_name(c1.opt_word("of"))?;
    // `28 January last year`.
    if let Some(found) = day_of_rel_year(c2, month, day) {
        return found;
    }
    let (last, year) = match year4(c2.opt_punct(',')) {
        Some((c, y)) => (c, Some(y)),
        None => (c2, None),
    };
    crate::date::Date::new(year.unwrap_or(2000), month, day)?;
    Some((
        last.i,
        Sem::Date {
            year,
            month,
            day: Some(day),
            rel: Rel::None,
        },
    ))
}

/// `January 2024`, `January of 1998`, `last May`, `this September`,
/// `June last year`, `January`.
pub(crate) fn month_year(c: Cur<'_>) -> Option<(usize, Sem)> {
    let (c1, rel) = rel_word(c);
    let (c2, month) = month_name(c1)?;
    if let Some((c3, y)) = year4(c2.opt_punct(',').opt_word("of")) {
        return Some((
            c3.i,
            Sem::Date {
                year: Some(y),
                month,
                day: None,
                rel: Rel::None,
            },
        ));
    }
    if let Some((c3, offset)) = rel_year(c2) {
        return Some((
            c3.i,
            Sem::MonthOfYear {
                month,
                day: None,
                offset,
            },
        ));
    }
    Some((
        c2.i,
        Sem::Date {
            year: None,
            month,
            day: None,
            rel,
        },
    ))
}

/// A day of a month followed by `last year`, `this year` or `next year`
/// at `c`: `None` when no such year follows, else the match (itself
/// `None` for a day the month never has).
fn day_of_rel_year(c: Cur<'_>, month: u32, day: u32) -> Option<Option<(usize, Sem)>> {
    let (c3, offset) = rel_year(c)?;
    // A leap year, so that 29 February is a day some year has.
    Some(crate::date::Date::new(2000, month, day).map(|_| {
        (
            c3.i,
            Sem::MonthOfYear {
                month,
                day: Some(day),
                offset,
            },
        )
    }))
}

/// `last year` (-1), `this year` (0), `next year` (1) after a name.
pub(crate) fn rel_year(c: Cur<'_>) -> Option<(Cur<'_>, i64)> {
    let (c1, w) = c.any(&["last", "this", "next"])?;
    let c2 = c1.word("year")?;
    let off = match w {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    Some((c2, off))
}

/// `last`, `this`, `next`, `this past`, `this coming` before a name.
pub(crate) fn rel_word(c: Cur<'_>) -> (Cur<'_>, Rel) {
    if let Some(c2) = c.words(&["this", "past"]) {
        return (c2, Rel::Last);
    }
    if let Some(c2) = c.words(&["this", "coming"]) {
        return (c2, Rel::Next);
    }
    match c.any(&["last", "this", "next", "past", "coming"]) {
        Some((c2, "last" | "past")) => (c2, Rel::Last),
        Some((c2, "this")) => (c2, Rel::This),
        Some((c2, "next" | "coming")) => (c2, Rel::Next),
        _ => (c, Rel::None),
    }
}

pub(crate) use super::years::{century, decade, holiday, quarter, season, year};

/// Which holiday a name (lowercase words) refers to.
pub(crate) fn holiday_name(c: Cur<'_>) -> Option<(Cur<'_>, Holiday)> {
    let names: &[(&[&str], Holiday)] = &[
        (&["new", "year", "'", "s", "day"], Holiday::NewYearsDay),
        (&["new", "year", "'", "s", "eve"], Holiday::NewYearsEve),
        (&["new", "year", "’", "s", "day"], Holiday::NewYearsDay),
        (&["new", "year", "’", "s", "eve"], Holiday::NewYearsEve),
        (&["valentine", "'", "s", "day"], Holiday::ValentinesDay),
        (&["easter", "sunday"], Holiday::Easter),
        (&["easter"], Holiday::Easter),
        (&["independence", "day"], Holiday::IndependenceDay),
        (&["halloween"], Holiday::Halloween),
        (&["thanksgiving", "day"], Holiday::Thanksgiving),
        (&["thanksgiving"], Holiday::Thanksgiving),
        (&["election", "day"], Holiday::ElectionDay),
        (&["christmas", "eve"], Holiday::ChristmasEve),
        (&["christmas", "day"], Holiday::Christmas),
        (&["christmas"], Holiday::Christmas),
        (&["labor", "day"], Holiday::LaborDay),
        (&["memorial", "day"], Holiday::MemorialDay),
    ];
    if !c.tok()?.cap {
        return None;
    }
    names.iter().find_map(|(words, h)| {
        let mut cur = c;
        for w in words.iter() {
            cur = match cur.tok() {
                Some(t) if t.lower == *w => cur.next(),
                _ => return None,
            };
        }
        Some((cur, *h))
    })
}
