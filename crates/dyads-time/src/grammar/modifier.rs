//! Modifiers around an expression (`early`, `the end of`, `nearly`,
//! `or so`) and the joins of two expressions into one (`10 p.m. Wednesday`,
//! `Monday, Oct. 26`, `Friday night`).

use super::{best_at, clock, Cand, Cur, Rel, Sem};
use crate::lexicon::{self, Unit};
use crate::value::DayPart;

/// Prefix phrases and the TIMEX3 `mod` they give. Longer phrases first.
const PREFIXES: &[(&[&str], &str)] = &[
    (&["the", "beginning", "of"], "START"),
    (&["the", "start", "of"], "START"),
    (&["the", "middle", "of"], "MID"),
    (&["the", "end", "of"], "END"),
    (&["the", "close", "of"], "END"),
    (&["beginning", "of"], "START"),
    (&["start", "of"], "START"),
    (&["middle", "of"], "MID"),
    (&["end", "of"], "END"),
    (&["the", "early"], "START"),
    (&["the", "mid"], "MID"),
    (&["the", "late"], "END"),
    (&["more", "than"], "MORE_THAN"),
    (&["longer", "than"], "MORE_THAN"),
    (&["less", "than"], "LESS_THAN"),
    (&["fewer", "than"], "LESS_THAN"),
    (&["at", "least"], "EQUAL_OR_MORE"),
    (&["no", "less", "than"], "EQUAL_OR_MORE"),
    (&["at", "most"], "EQUAL_OR_LESS"),
    (&["no", "more", "than"], "EQUAL_OR_LESS"),
    (&["up", "to"], "EQUAL_OR_LESS"),
    (&["early"], "START"),
    (&["earlier"], "START"),
    (&["mid"], "MID"),
    (&["late"], "END"),
    (&["later"], "END"),
    (&["about"], "APPROX"),
    (&["around"], "APPROX"),
    (&["roughly"], "APPROX"),
    (&["approximately"], "APPROX"),
    (&["nearly"], "LESS_THAN"),
    (&["almost"], "LESS_THAN"),
    (&["over"], "MORE_THAN"),
];

/// Postfix phrases and their `mod`.
const POSTFIXES: &[(&[&str], &str)] = &[
    (&["or", "so"], "APPROX"),
    (&["or", "later"], "ON_OR_AFTER"),
    (&["and", "beyond"], "ON_OR_AFTER"),
    (&["or", "earlier"], "ON_OR_BEFORE"),
];

fn is_point_mod(m: &str) -> bool {
    matches!(m, "START" | "MID" | "END")
}

/// True for meanings a START/MID/END modifier can apply to.
fn takes_point_mod(sem: &Sem) -> bool {
    !matches!(
        sem,
        Sem::Duration(_) | Sem::Set(_) | Sem::Ref(_) | Sem::Clock { .. }
    )
}

/// `year-end`, `year end`, `year's end`: the end of this year.
fn year_end(c: Cur<'_>) -> Option<Cand> {
    let c1 = c.word("year")?;
    let c2 = c1
        .glued('-')
        .or_else(|| c1.glued('\'').and_then(|c| c.word("s")))
        .or_else(|| c1.glued('’').and_then(|c| c.word("s")))
        .unwrap_or(c1);
    let c3 = c2.word("end")?;
    Some(Cand {
        start: c.i,
        end: c3.i,
        sem: Sem::RelUnit {
            unit: Unit::Year,
            offset: 0,
        },
        mod_: Some("END"),
    })
}

/// `the day before last Tuesday`, `the day after Christmas`: a day next to
/// another named day.
fn day_offset(c: Cur<'_>) -> Option<Cand> {
    let c1 = c.opt_word("the").word("day")?;
    let (c2, w) = c1.any(&["before", "after"])?;
    let (end, day) = best_at(c2).filter(|(_, s)| is_day(s))?;
    Some(Cand {
        start: c.i,
        end,
        sem: Sem::DayOffset {
            day: Box::new(day),
            offset: if w == "after" { 1 } else { -1 },
        },
        mod_: None,
    })
}

/// `the week of March 6`: the week that day lies in.
fn week_of(c: Cur<'_>) -> Option<Cand> {
    let c1 = c.words(&["the", "week", "of"])?;
    let (end, day) = best_at(c1).filter(|(_, s)| is_day(s))?;
    Some(Cand {
        start: c.i,
        end,
        sem: Sem::WeekOf(Box::new(day)),
        mod_: None,
    })
}

/// `the last half of the '80s`, `the first half of the century`: the
/// decade or century, with `START` or `END` (a half of a year is a
/// calendar half, `1990-H1`, see the quarter rule).
fn half_of_era(c: Cur<'_>) -> Option<Cand> {
    let c1 = c.opt_word("the");
    let (c2, w) = c1.any(&["first", "last", "second", "latter"])?;
    let c3 = c2.word("half")?.word("of")?;
    let (end, sem) = best_at(c3).filter(|(_, s)| matches!(s, Sem::Decade(_) | Sem::Century(_)))?;
    Some(Cand {
        start: c.i,
        end,
        sem,
        mod_: Some(if w == "first" { "START" } else { "END" }),
    })
}

/// The expression starting at `c`, with its modifiers and joins.
pub(crate) fn modified(c: Cur<'_>) -> Option<Cand> {
    if let Some(cand) = year_end(c)
        .or_else(|| day_offset(c))
        .or_else(|| week_of(c))
        .or_else(|| half_of_era(c))
    {
        return Some(cand);
    }
    let mut best: Option<Cand> = plain(c).map(|(end, sem)| Cand {
        start: c.i,
        end,
        sem,
        mod_: None,
    });
    for (words, m) in PREFIXES {
        let Some(mut inner) = c.words(words) else {
            continue;
        };
        if *words == ["mid"] || *words == ["the", "mid"] {
            inner = inner.glued('-').unwrap_or(inner);
        }
        let base = plain(inner)
            .or_else(|| the_unit(inner))
            .or_else(|| bare_part(inner).filter(|_| is_point_mod(m)));
        let Some((end, sem)) = base else {
            continue;
        };
        let point = is_point_mod(m);
        if point && !takes_point_mod(&sem) {
            continue;
        }
        // `over`, `about`, `nearly` only before numbers and amounts, not
        // before a determiner (`over the next two years`: a preposition).
        if !point
            && (!matches!(
                sem,
                Sem::Duration(_) | Sem::Shift { .. } | Sem::Clock { .. }
            ) || inner.lower() == Some("the"))
        {
            continue;
        }
        if best.as_ref().is_none_or(|b| end > b.end) {
            best = Some(Cand {
                start: c.i,
                end,
                sem,
                mod_: Some(m),
            });
        }
    }
    let mut cand = best?;
    let after = Cur {
        toks: c.toks,
        i: cand.end,
    };
    for (words, m) in POSTFIXES {
        if let Some(c2) = after.words(words) {
            cand.end = c2.i;
            cand.mod_ = Some(m);
            break;
        }
    }
    Some(cand)
}

/// `the year`, `the month`, `the week` after `the end of` and the like:
/// the current one.
fn the_unit(c: Cur<'_>) -> Option<(usize, Sem)> {
    let c = c.word("the").unwrap_or(c);
    let (c2, (unit, plural)) = c.lookup(lexicon::unit)?;
    if plural || !matches!(unit, Unit::Week | Unit::Month | Unit::Year | Unit::Quarter) {
        return None;
    }
    Some((c2.i, Sem::RelUnit { unit, offset: 0 }))
}

/// A part of the day after `mid`, `early`, `late` (`by mid afternoon`,
/// `in the early morning`), on the narrative's day; not a compound
/// (`late-night show`).
fn bare_part(c: Cur<'_>) -> Option<(usize, Sem)> {
    let (c2, part) = c.lookup(lexicon::day_part)?;
    if c2.glued('-').is_some() {
        return None;
    }
    Some((c2.i, Sem::PartOfDay { part, day: None }))
}

/// The longest single expression at `c`, joined with a following day, time
/// or part of the day when they belong together.
fn plain(c: Cur<'_>) -> Option<(usize, Sem)> {
    let (end, sem) = best_at(c)?;
    let after = Cur {
        toks: c.toks,
        i: end,
    };
    Some(join(after, sem.clone()).unwrap_or((end, sem)))
}

/// True for meanings that name a single day.
fn is_day(sem: &Sem) -> bool {
    matches!(
        sem,
        Sem::Weekday { .. }
            | Sem::RelDay(_)
            | Sem::Date { day: Some(_), .. }
            | Sem::Holiday { .. }
            | Sem::Anchored {
                unit: Unit::Day,
                ..
            }
    )
}

/// Joins `sem` (ending at `after`) with what follows it.
fn join(after: Cur<'_>, sem: Sem) -> Option<(usize, Sem)> {
    match sem {
        Sem::Clock { h, m, day: None } => {
            let c = after.opt_punct(',');
            let c = c.word("on").unwrap_or(c);
            let (end, day) = best_at(c).filter(|(_, s)| is_day(s))?;
            Some((
                end,
                Sem::Clock {
                    h,
                    m,
                    day: Some(Box::new(day)),
                },
            ))
        }
        Sem::PartOfDay { part, day: None } => {
            let c = after.word("of").or_else(|| after.word("on"))?;
            let (end, day) = best_at(c).filter(|(_, s)| is_day(s))?;
            Some((
                end,
                Sem::PartOfDay {
                    part,
                    day: Some(Box::new(day)),
                },
            ))
        }
        s if is_day(&s) => {
            // `Friday night`, `Friday morning`: TimeBank values them as the
            // day more often than as the part of the day; `Friday
            // evening` and `Friday afternoon` keep the part (`TEV`, `TAF`)
            // as the TIMEX3 guidelines ask.
            if let Some((c2, part)) = after.lookup(lexicon::day_part) {
                if matches!(s, Sem::Weekday { .. })
                    && !matches!(part, DayPart::Evening | DayPart::Afternoon)
                {
                    return Some((c2.i, s));
                }
            }
            // `yesterday morning`.
            if let Some((c2, part)) = after.lookup(lexicon::day_part) {
                return Some((
                    c2.i,
                    Sem::PartOfDay {
                        part,
                        day: Some(Box::new(s)),
                    },
                ));
            }
            // `Monday, Oct. 26`: the date wins.
            if let Sem::Weekday { rel: Rel::None, .. } = s {
                let c = after.opt_punct(',');
                if let Some((end, date)) = best_at(c) {
                    if matches!(date, Sem::Date { day: Some(_), .. }) {
                        return Some((end, date));
                    }
                }
            }
            // `Tuesday at 9 a.m.`, `Aug. 7, 10:35 a.m.`
            let c = after.opt_punct(',');
            let c = c.word("at").unwrap_or(c);
            let (end, t) = clock::clock(c)?;
            let Sem::Clock { h, m, day: None } = t else {
                return None;
            };
            Some((
                end,
                Sem::Clock {
                    h,
                    m,
                    day: Some(Box::new(s)),
                },
            ))
        }
        _ => None,
    }
}
