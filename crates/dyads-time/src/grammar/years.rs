//! Years and the periods named within or around them: years (in digits or
//! spoken), decades, centuries, quarters and halves, seasons, holidays.

use super::calendar::{holiday_name, rel_word, rel_year};
use super::{Cur, Rel, Sem};
use crate::lexicon;
use crate::tokens::Kind;

/// Words after a number that make it a count, not a year.
const COUNT_NOUNS: &[&str] = &[
    "people",
    "persons",
    "troops",
    "soldiers",
    "men",
    "women",
    "children",
    "workers",
    "tons",
    "tonnes",
    "barrels",
    "shares",
    "feet",
    "miles",
    "meters",
    "metres",
    "kilometers",
    "acres",
    "points",
    "dollars",
    "yen",
    "marks",
    "francs",
    "pounds",
    "euros",
    "units",
    "cars",
    "jobs",
    "employees",
    "members",
    "votes",
    "cases",
    "deaths",
    "copies",
    "homes",
    "houses",
    "hours",
    "days",
    "years",
    "percent",
    "pct",
    "students",
    "refugees",
    "police",
    "officers",
    "rounds",
];

/// Words before a number that make it an amount, not a year.
const AMOUNT_WORDS: &[&str] = &[
    "about",
    "some",
    "nearly",
    "than",
    "over",
    "almost",
    "roughly",
    "approximately",
    "only",
    "just",
    "around",
    "least",
    "to",
    "number",
    "total",
    "of",
];

/// A year in digits (`1998`, `fiscal 1998`, `the year 2000`) or spoken
/// (`nineteen ninety-six`, `the year two thousand`).
pub(crate) fn year(c: Cur<'_>) -> Option<(usize, Sem)> {
    let lead = c
        .words(&["the", "year"])
        .or_else(|| c.words(&["fiscal", "year"]))
        .or_else(|| c.word("fiscal"))
        .or_else(|| c.words(&["the", "fiscal", "year"]));
    let inner = lead.unwrap_or(c);
    if let Some((c2, y, n)) = inner.digits() {
        if n != 4 || !(1000..2100).contains(&y) {
            return None;
        }
        // Not part of a larger number or a decade (`1,998`, `1990s`, `1998-99`).
        if let Some(t) = c2.tok() {
            if !t.space_before
                && (t.kind != Kind::Punct
                    || t.is_punct('%')
                    || t.is_punct(',')
                        && c2
                            .next()
                            .tok()
                            .is_some_and(|n| n.kind == Kind::Num && !n.space_before))
            {
                return None;
            }
            if t.kind == Kind::Word && COUNT_NOUNS.contains(&t.lower.as_str()) {
                return None;
            }
        }
        if let Some(p) = c.prev() {
            if p.is_punct('$') || p.is_punct('£') || p.is_punct('€') || p.is_punct('#') {
                return None;
            }
            if p.is_punct(',') && !p.space_before && !c.spaced() && lead.is_none() {
                if let Some(pp) = c.i.checked_sub(2).and_then(|j| c.toks.get(j)) {
                    if pp.kind == Kind::Num {
                        return None;
                    }
                }
            }
            if lead.is_none()
                && AMOUNT_WORDS.contains(&p.lower.as_str())
                && !(1900..2030).contains(&y)
            {
                return None;
            }
        }
        if lead.is_none() && !(1800..2050).contains(&y) {
            let before = c.prev().map(|p| p.lower.as_str()).unwrap_or("");
            if !matches!(
                before,
                "in" | "since" | "of" | "from" | "until" | "by" | "before" | "after"
            ) {
                return None;
            }
        }
        return Some((c2.i, Sem::Year(y as i32)));
    }
    let (c2, y) = spoken_year(inner, lead.is_some())?;
    Some((c2.i, Sem::Year(y)))
}

/// `nineteen ninety-six`, `nineteen eighty`, `two thousand (and) one`.
pub(crate) fn spoken_year(c: Cur<'_>, after_year_word: bool) -> Option<(Cur<'_>, i32)> {
    if let Some(c1) = c.word("nineteen").or_else(|| c.word("eighteen")) {
        let century = if c.lower() == Some("nineteen") {
            1900
        } else {
            1800
        };
        let (c2, tens) = c1.lookup(lexicon::cardinal)?;
        if !(20..=90).contains(&tens) || tens % 10 != 0 {
            return None;
        }
        let c3 = c2.dash().unwrap_or(c2);
        if let Some((c4, u)) = c3.lookup(lexicon::cardinal) {
            if (1..10).contains(&u) {
                return Some((c4, century + (tens + u) as i32));
            }
        }
        return Some((c2, century + tens as i32));
    }
    let c1 = c.words(&["two", "thousand"])?;
    if !after_year_word {
        let before = c.prev().map(|p| p.lower.as_str()).unwrap_or("");
        if !matches!(before, "in" | "by" | "until" | "since") {
            return None;
        }
    }
    let c2 = c1.opt_word("and");
    if let Some((c3, u)) = c2.lookup(lexicon::cardinal) {
        if (1..20).contains(&u) {
            return Some((c3, 2000 + u as i32));
        }
    }
    Some((c1, 2000))
}

/// `the 1990s`, `1980s`, `the '80s`, `the nineties`.
pub(crate) fn decade(c: Cur<'_>) -> Option<(usize, Sem)> {
    let c0 = c.word("the").unwrap_or(c);
    if let Some((c1, y, n)) = c0.digits() {
        if n == 4 && y % 10 == 0 {
            let c2 = c1.glued('\'').unwrap_or(c1);
            if c2.tok().is_some_and(|t| t.lower == "s" && !t.space_before) {
                return Some((c2.next().i, Sem::Decade((y / 10) as i32)));
            }
        }
        return None;
    }
    if let Some(c1) = c0.punct('\'').or_else(|| c0.punct('’')) {
        let (c2, y, n) = c1.digits()?;
        if n == 2 && y % 10 == 0 && c2.tok().is_some_and(|t| t.lower == "s" && !t.space_before) {
            return Some((c2.next().i, Sem::Decade(190 + (y / 10) as i32)));
        }
        return None;
    }
    c.word("the")?;
    let (c1, d) = c0.any(&[
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ])?;
    let k = match d {
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        _ => 9,
    };
    Some((c1.i, Sem::Decade(190 + k)))
}

/// `the 20th century`, `the twenty-first century`.
pub(crate) fn century(c: Cur<'_>) -> Option<(usize, Sem)> {
    let c0 = c.word("the").unwrap_or(c);
    let (c1, n) = if let Some((c1, n, _)) = c0.digits() {
        let suffix = c1
            .tok()
            .filter(|t| !t.space_before && lexicon::is_ordinal_suffix(&t.lower));
        suffix.map(|_| (c1.next(), n))?
    } else if let Some(c1) = c0.word("twenty") {
        let c2 = c1.dash().unwrap_or(c1);
        let (c3, u) = c2.lookup(lexicon::ordinal)?;
        (c3, 20 + u)
    } else {
        c0.lookup(lexicon::ordinal)?
    };
    let c2 = c1.word("century")?;
    (1..=30)
        .contains(&n)
        .then(|| (c2.i, Sem::Century(n as i32 - 1)))
}

/// A quarter or a half: `the third quarter`, `third-quarter`, `the fiscal
/// first quarter`, `this year's third quarter`, `the first half of 1990`,
/// `the 1988 second quarter`, `the latest quarter`, `the year-ago quarter`.
pub(crate) fn quarter(c: Cur<'_>) -> Option<(usize, Sem)> {
    if let Some(r) = latest_quarter(c) {
        return Some(r);
    }
    let mut c0 = c.word("the").or_else(|| c.word("its")).unwrap_or(c);
    let mut year = None;
    let mut year_offset = None;
    // `the year-earlier third quarter`
    if let Some(c1) = c0.word("year").and_then(|c1| c1.glued('-')) {
        if let Some((c2, _)) = c1.any(&["earlier", "ago"]) {
            c0 = c2;
            year_offset = Some(-1);
        }
    }
    if year_offset.is_none() {
        if let Some((c1, off)) = rel_year(c0) {
            if let Some(c2) = c1.glued('\'').or_else(|| c1.glued('’')) {
                c0 = c2.word("s").unwrap_or(c0);
                year_offset = Some(off);
            }
        } else if let Some((c1, y, 4)) = c0.digits() {
            if c1.lookup(lexicon::ordinal).is_some() || c1.word("fiscal").is_some() {
                year = Some(y as i32);
                c0 = c1;
            }
        }
    }
    let c0 = match c0.word("fiscal") {
        Some(c1) => c1.glued('-').unwrap_or(c1),
        None => c0,
    };
    if let Some(found) = two_quarters(c0) {
        return Some(found);
    }
    if let Some(found) = plural_quarters(c0) {
        return Some(found);
    }
    let (c1, q) = c0
        .lookup(lexicon::ordinal)
        .or_else(|| c0.word("last").map(|c| (c, 99)))?;
    let c1 = c1.dash().unwrap_or(c1);
    let (c2, half) = match c1.any(&["quarter", "half"])? {
        (c2, "half") => (c2, true),
        (c2, _) => (c2, false),
    };
    let q = match (q, half) {
        (99, true) => 2,
        (99, false) => 4,
        (q, _) => q,
    };
    if (half && q > 2) || q > 4 || q == 0 {
        return None;
    }
    let mut end = c2;
    if year.is_none() && year_offset.is_none() {
        let c3 = c2.word("of").unwrap_or(c2).opt_word("fiscal");
        if let Some((c4, y, 4)) = c3.digits() {
            year = Some(y as i32);
            end = c4;
        } else if let Some((c4, off)) = rel_year(c3) {
            year_offset = Some(off);
            end = c4;
        }
    }
    Some((
        end.i,
        Sem::Quarter {
            q,
            half,
            year,
            year_offset,
        },
    ))
}

/// `the fourth quarters`, `the second and fourth quarters`: numbered
/// quarters in the plural recur every year, a set (`XXXX-Q4`). A first
/// ordinal coordinated before the plural is a set of its own (`second` in
/// `the second and fourth quarters`).
fn plural_quarters(c: Cur<'_>) -> Option<(usize, Sem)> {
    let (c1, q) = c
        .lookup(lexicon::ordinal)
        .filter(|(_, q)| (1..=4).contains(q))?;
    // `the first and second quarters of 1990` are quarters of one year.
    let generic = |after: Cur<'_>| after.word("of").is_none();
    let end = match c1.word("quarters") {
        Some(c2) if generic(c2) => c2,
        Some(_) => return None,
        None => {
            let c2 = c1.word("and").or_else(|| c1.word("or"))?;
            let (c3, _) = c2
                .lookup(lexicon::ordinal)
                .filter(|(_, q2)| (1..=4).contains(q2))?;
            c3.word("quarters").filter(|c4| generic(*c4))?;
            c1
        }
    };
    Some((end.i, Sem::Set(format!("XXXX-Q{q}"))))
}

/// `the first two quarters of 1990`, `the last two quarters of next
/// year`: a half of a named year. Without the year (`over the last two
/// quarters`) it stays a duration.
fn two_quarters(c: Cur<'_>) -> Option<(usize, Sem)> {
    let (c1, which) = c.any(&["first", "last"])?;
    let c2 = c1.word("two")?.word("quarters")?.word("of")?;
    let q = if which == "first" { 1 } else { 2 };
    let (end, year, year_offset) = match c2.opt_word("fiscal").digits() {
        Some((c3, y, 4)) => (c3, Some(y as i32), None),
        _ => {
            let (c3, off) = rel_year(c2)?;
            (c3, None, Some(off))
        }
    };
    Some((
        end.i,
        Sem::Quarter {
            q,
            half: true,
            year,
            year_offset,
        },
    ))
}

/// `the latest quarter`, `the year-ago period`, `the quarter`, `the
/// quarter a year ago`.
fn latest_quarter(c: Cur<'_>) -> Option<(usize, Sem)> {
    let c0 = c.word("the").unwrap_or(c);
    let c0 = c0.opt_word("comparable").opt_word("corresponding");
    let (c1, back, latest) = if let Some(c1) = c0.any(&["latest", "recent"]).map(|x| x.0) {
        (c1, 0, true)
    } else if let Some(c1) = c0.words(&["most", "recent"]) {
        (c1, 0, true)
    } else if let Some(c1) = c0.word("year") {
        let c2 = c1.dash().unwrap_or(c1);
        let (c3, _) = c2.any(&["ago", "earlier"])?;
        (c3, 1, false)
    } else {
        (c0, 0, false)
    };
    let c1 = c1.opt_word("fiscal");
    if let Some((c2, y, 4)) = c1.digits() {
        if c1.i == c0.i && c.lower() == Some("the") {
            let (c3, _) = c2.any(&["quarter", "period"])?;
            return Some((
                c3.i,
                Sem::LatestQuarter {
                    years_back: 0,
                    latest: false,
                    year: Some(y as i32),
                },
            ));
        }
    }
    let (c2, what) = c1.any(&["quarter", "period"])?;
    // `the quarter a year ago`, `the period a year earlier`: the year-ago
    // quarter.
    let year_ago = c2
        .words(&["a", "year"])
        .and_then(|c3| c3.any(&["ago", "earlier"]))
        .filter(|_| back == 0 && !latest && c1.i == c0.i && c.lower() == Some("the"));
    if let Some((c3, _)) = year_ago {
        return Some((
            c3.i,
            Sem::LatestQuarter {
                years_back: 1,
                latest: false,
                year: None,
            },
        ));
    }
    if what == "period" && back == 0 && c1.i == c0.i {
        return None;
    }
    if c1.i == c.i {
        return None;
    }
    Some((
        c2.i,
        Sem::LatestQuarter {
            years_back: back,
            latest,
            year: None,
        },
    ))
}

/// `this summer`, `last fall`, `the winter of 1994`, `summer 1998`.
pub(crate) fn season(c: Cur<'_>) -> Option<(usize, Sem)> {
    let (c1, rel) = rel_word(c);
    let (c1, the) = match c1.word("the") {
        Some(c2) if rel == Rel::None => (c2, true),
        _ => (c1, false),
    };
    let (c2, season) = c1.lookup(lexicon::season)?;
    let c3 = c2.word("of").unwrap_or(c2);
    if let Some((c4, y)) = super::calendar::year4(c3) {
        return Some((
            c4.i,
            Sem::Season {
                season,
                year: Some(y),
                rel: Rel::None,
            },
        ));
    }
    if let Some((c4, off)) = rel_year(c3) {
        let rel = match off {
            -1 => Rel::Last,
            1 => Rel::Next,
            _ => Rel::This,
        };
        return Some((
            c4.i,
            Sem::Season {
                season,
                year: None,
                rel,
            },
        ));
    }
    if rel == Rel::None && !the {
        let before = c.prev().map(|p| p.lower.as_str()).unwrap_or("");
        if !matches!(
            before,
            "in" | "during" | "since" | "until" | "by" | "through" | "early" | "late"
        ) {
            return None;
        }
    }
    Some((
        c2.i,
        Sem::Season {
            season,
            year: None,
            rel,
        },
    ))
}

/// `Christmas`, `last Thanksgiving`, `Election Day 1998`.
pub(crate) fn holiday(c: Cur<'_>) -> Option<(usize, Sem)> {
    let (c1, rel) = rel_word(c);
    let (c2, which) = holiday_name(c1)?;
    if let Some((c3, y, 4)) = c2.opt_punct(',').digits() {
        return Some((
            c3.i,
            Sem::Holiday {
                which,
                year: Some(y as i32),
                rel: Rel::None,
            },
        ));
    }
    let sem = Sem::Holiday {
        which,
        year: None,
        rel,
    };
    // `Easter week`, `Christmas week`: the week of the holiday.
    if let Some(c3) = c2.word("week") {
        return Some((c3.i, Sem::WeekOf(Box::new(sem))));
    }
    Some((c2.i, sem))
}
