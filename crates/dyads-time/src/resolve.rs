//! Resolution: from what an expression means ([`Sem`]) to a TIMEX3 value,
//! against the document creation time (DCT) and the narrative anchor.
//!
//! The narrative anchor is the last day named before an expression (it
//! starts at the DCT; every expression of day precision updates it except
//! those resolved against the anchor itself, so `the previous day` and
//! `the next day` after `16 January` are the 15th and the 17th). `the previous day`, `a year later`, `that day` and clock
//! times without a day are resolved against it.

use crate::context::{tense, weekday_tense, Tense};
use crate::date::{add_months, days_in_month, easter, nth_weekday, Date};
use crate::grammar::{Cand, Holiday, Rel, Sem};
use crate::lexicon::Unit;
use crate::tokens::{Kind, Tok};
use crate::value::{Season, Val};
use crate::TimexType;

/// A resolved expression.
pub(crate) struct Resolved {
    pub kind: TimexType,
    pub val: Val,
    pub end: Option<Val>,
    /// The day a duration anchored by a signal reaches (`three days` in
    /// `three days later`).
    pub reaches: Option<Val>,
}

/// Resolution state for one document.
pub(crate) struct Resolver<'a> {
    toks: &'a [Tok],
    dct: Date,
    anchor: Date,
    anchor_year: i32,
    anchor_month: (i32, u32),
    last_quarter: Option<(i32, u32)>,
    /// True after a report's year-to-date period (`the first nine months`)
    /// and until the next quarter: `a year earlier` and `the 1988 period`
    /// then compare years to date, not quarters.
    year_to_date: bool,
    /// Tokens of the expression being resolved, for the tense heuristic.
    span: (usize, usize),
}

fn quarter_shift(y: i32, q: u32, n: i64) -> (i32, u32) {
    let total = i64::from(y) * 4 + i64::from(q) - 1 + n;
    (total.div_euclid(4) as i32, (total.rem_euclid(4) + 1) as u32)
}

const SEASONS: [Season; 4] = [Season::Spring, Season::Summer, Season::Fall, Season::Winter];

/// Index of a season in a year-ordered cycle (spring 0 .. winter 3).
fn season_index(s: Season) -> i64 {
    SEASONS.iter().position(|x| *x == s).unwrap_or(0) as i64
}

/// The season a date lies in, as (year, index); January and February
/// belong to the previous year's winter.
fn season_of(d: Date) -> (i32, i64) {
    let s = Season::of(d.month);
    let y = if d.month <= 2 { d.year - 1 } else { d.year };
    (y, season_index(s))
}

impl<'a> Resolver<'a> {
    pub(crate) fn new(toks: &'a [Tok], dct: Date) -> Resolver<'a> {
        Resolver {
            toks,
            dct,
            anchor: dct,
            anchor_year: dct.year,
            anchor_month: (dct.year, dct.month),
            last_quarter: None,
            year_to_date: false,
            span: (0, 0),
        }
    }

    fn tense(&self) -> Tense {
        tense(self.toks, self.span.0, self.span.1)
    }

    /// Picks among candidate values ordered in time, given as offsets in
    /// some unit from the DCT's: the latest not after (past), the first not
    /// before (future), or the nearest (unknown tense).
    fn choose(&self, rel: Rel, offsets: [i64; 3], now: i64) -> i64 {
        let [a, b, c] = offsets;
        let past = |x: i64| x <= now;
        match (rel, self.tense()) {
            (Rel::Last, _) => [c, b, a].into_iter().find(|x| *x < now).unwrap_or(a),
            (Rel::Next, _) => [a, b, c].into_iter().find(|x| *x > now).unwrap_or(c),
            (Rel::This, _) => b,
            (_, Tense::Past) => [c, b, a].into_iter().find(|x| past(*x)).unwrap_or(a),
            (_, Tense::Future) => [a, b, c].into_iter().find(|x| *x >= now).unwrap_or(c),
            (_, Tense::Unknown) => [b, a, c]
                .into_iter()
                .min_by_key(|x| (x - now).abs())
                .unwrap_or(b),
        }
    }

    /// Among candidate positions (in one unit, ascending), the nearest one
    /// on the tense's side of `now` (past when the tense is unknown), unless
    /// the other side has one more than four times nearer.
    fn lean(&self, opts: &[i64], now: i64) -> i64 {
        let past = opts.iter().rev().find(|x| **x <= now).copied();
        let future = opts.iter().find(|x| **x >= now).copied();
        let (p, f) = match (past, future) {
            (Some(p), Some(f)) => (p, f),
            (Some(x), None) | (None, Some(x)) => return x,
            (None, None) => return now,
        };
        let (dp, df) = (now - p, f - now);
        let tense = if self.deadline() {
            Tense::Future
        } else if self.prenominal() {
            // `a June agreement`: only a strong future marker (`will`)
            // moves it ahead, not an infinitive of the clause around.
            weekday_tense(self.toks, self.span.0, self.span.1)
        } else {
            self.tense()
        };
        match tense {
            Tense::Future if dp * 4 >= df => f,
            Tense::Future => p,
            _ if df * 4 >= dp => p,
            _ => f,
        }
    }

    /// True when the expression modifies a noun after a determiner (`a
    /// June agreement`, `the October vote`): it names a known event, and
    /// the weaker tense markers of the clause around (infinitives, `could`)
    /// say nothing about it.
    fn prenominal(&self) -> bool {
        let (start, end) = self.span;
        let before = start.checked_sub(1).and_then(|i| self.toks.get(i));
        let after = self.toks.get(end);
        before.is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our"
            )
        }) && after.is_some_and(|t| {
            t.kind == Kind::Word
                && !t.cap
                && t.space_before
                && !matches!(
                    t.lower.as_str(),
                    "and" | "or" | "to" | "of" | "in" | "on" | "at" | "by" | "for" | "from"
                )
        })
    }

    /// True when the expression is a deadline (`by August`, `through
    /// January`, `until 9 a.m. Tuesday`), which looks ahead.
    fn deadline(&self) -> bool {
        self.span
            .0
            .checked_sub(1)
            .and_then(|i| self.toks.get(i))
            .is_some_and(|t| matches!(t.lower.as_str(), "by" | "until" | "till" | "through"))
    }

    /// The year to give a day or month written without one.
    fn infer_year(&self, month: u32, day: Option<u32>, rel: Rel) -> i32 {
        let y = self.dct.year;
        let key = |yy: i32| -> i64 {
            match day {
                Some(d) => {
                    let d = d.min(days_in_month(yy, month)).max(1);
                    Date::new(yy, month, d).map_or(0, |x| x.to_days())
                }
                None => i64::from(yy) * 12 + i64::from(month),
            }
        };
        let now = match day {
            Some(_) => self.dct.to_days(),
            None => i64::from(self.dct.year) * 12 + i64::from(self.dct.month),
        };
        // A day or month without a year: the reading nearest the DCT, unless
        // a determiner says which (`last May`). Tense markers around news
        // dates are too often about a reported speech act to decide.
        let picked = match rel {
            Rel::None => self.lean(&[key(y - 1), key(y), key(y + 1)], now),
            // `last February` said in March is a year before `last month`.
            Rel::Last if day.is_none() => [key(y - 1), key(y)]
                .into_iter()
                .rev()
                .find(|x| *x < now - 1)
                .unwrap_or(key(y - 2)),
            _ => self.choose(rel, [key(y - 1), key(y), key(y + 1)], now),
        };
        if picked == key(y - 2) {
            return y - 2;
        }
        if picked == key(y - 1) {
            y - 1
        } else if picked == key(y + 1) {
            y + 1
        } else {
            y
        }
    }

    fn weekday(&self, wd: u32, rel: Rel, narrative: bool) -> Date {
        let base = if narrative { self.anchor } else { self.dct };
        let diff = i64::from(wd) - i64::from(base.weekday());
        let this_week = base.add_days(diff);
        let offsets = [
            this_week.add_days(-7).to_days(),
            this_week.to_days(),
            this_week.add_days(7).to_days(),
        ];
        let now = base.to_days();
        let picked = match rel {
            // A deadline (`until 9 a.m. Tuesday`) looks ahead unless a past
            // verb says otherwise (`had filed by Wednesday`).
            Rel::None => match weekday_tense(self.toks, self.span.0, self.span.1) {
                Tense::Future => offsets.into_iter().find(|x| *x >= now),
                Tense::Unknown if self.deadline() => offsets.into_iter().find(|x| *x >= now),
                _ => offsets.into_iter().rev().find(|x| *x <= now),
            },
            Rel::This => match self.tense() {
                Tense::Past => offsets.into_iter().rev().find(|x| *x <= now),
                _ => offsets.into_iter().find(|x| *x >= now),
            },
            _ => Some(self.choose(rel, offsets, now)),
        };
        Date::from_days(picked.unwrap_or(now))
    }

    fn holiday(&self, which: Holiday, year: i32) -> Option<Date> {
        Some(match which {
            Holiday::NewYearsDay => Date::new(year, 1, 1)?,
            Holiday::NewYearsEve => Date::new(year, 12, 31)?,
            Holiday::ValentinesDay => Date::new(year, 2, 14)?,
            Holiday::Easter => easter(year),
            Holiday::IndependenceDay => Date::new(year, 7, 4)?,
            Holiday::Halloween => Date::new(year, 10, 31)?,
            Holiday::Thanksgiving => nth_weekday(year, 11, 4, 4),
            Holiday::ElectionDay => nth_weekday(year, 11, 1, 1).add_days(1),
            Holiday::ChristmasEve => Date::new(year, 12, 24)?,
            Holiday::Christmas => Date::new(year, 12, 25)?,
            Holiday::LaborDay => nth_weekday(year, 9, 1, 1),
            Holiday::MemorialDay => nth_weekday(year, 5, 1, 5),
        })
    }

    fn shift_unit(&self, base: Date, unit: Unit, n: i64, offset_only: bool) -> Val {
        match unit {
            Unit::Second | Unit::Minute | Unit::Hour => Val::Day(base),
            Unit::Day => Val::Day(base.add_days(n)),
            Unit::Week => {
                let (y, w) = base.add_days(7 * n).iso_week();
                Val::Week(y, w)
            }
            Unit::Month => {
                let (y, m) = add_months(base.year, base.month, n);
                Val::Month(y, m)
            }
            Unit::Quarter => {
                let (y, q) = quarter_shift(base.year, base.quarter(), n);
                Val::Quarter(y, q)
            }
            Unit::Year => Val::Year(base.year + n as i32),
            Unit::Decade if offset_only => Val::Decade((base.year + 10 * n as i32).div_euclid(10)),
            Unit::Century if offset_only => {
                Val::Century((base.year + 100 * n as i32).div_euclid(100))
            }
            // `a decade ago` is a year.
            Unit::Decade => Val::Year(base.year + 10 * n as i32),
            Unit::Century => Val::Year(base.year + 100 * n as i32),
        }
    }

    /// Resolves one expression and moves the narrative anchor.
    pub(crate) fn resolve(&mut self, cand: &Cand) -> Resolved {
        self.span = (cand.start, cand.end);
        let r = self.value(&cand.sem);
        // Expressions resolved against the anchor do not move it.
        let anchored = matches!(
            cand.sem,
            Sem::Anchored { .. }
                | Sem::Shift {
                    narrative: true,
                    ..
                }
                | Sem::Ref(_)
        ) || matches!(&cand.sem, Sem::PartOfDay { day: Some(d), .. } if matches!(**d, Sem::Anchored { .. }));
        if let Some(d) = r.val.day().filter(|_| !anchored) {
            {
                self.anchor = d;
                self.anchor_year = d.year;
            }
        } else if let Some(y) = r.val.year() {
            self.anchor_year = y;
        }
        // Only a quarter already over can be the period a report is about:
        // `a fourth-quarter charge` that `will` come in the DCT's quarter
        // leaves `a year ago` on the reported quarter. A fiscal quarter
        // numbered like the DCT's is over when it `ended` or is reported
        // in the past tense (`reported a decline in fourth-quarter
        // earnings`).
        if let (Val::Quarter(y, q), Sem::Quarter { .. }) = (&r.val, &cand.sem) {
            let current = (self.dct.year, self.dct.quarter());
            let over = (*y, *q) < current
                || ((*y, *q) == current
                    && (self.toks.get(cand.end).is_some_and(|t| t.is("ended"))
                        || self.tense() == Tense::Past));
            // An earlier quarter named after the reported one (`after a
            // flat second quarter`) is a comparison, not the period the
            // report is about: the reported period only moves forward.
            let earlier = self.last_quarter.is_some_and(|lq| (*y, *q) < lq);
            if over && !earlier {
                self.last_quarter = Some((*y, *q));
                self.year_to_date = false;
            }
        }
        if self.is_year_to_date(cand, &r) {
            self.last_quarter = None;
            self.year_to_date = true;
        }
        match r.val {
            Val::Day(d) | Val::DayPart(d, _) | Val::Clock(d, _, _) => {
                self.anchor_month = (d.year, d.month)
            }
            Val::Month(y, m) => self.anchor_month = (y, m),
            _ => {}
        }
        r
    }

    /// True for a report's year-to-date period: `the first nine months`,
    /// `the latest six months`, `the nine months` (six or nine months after
    /// `the`), not a bare `six months`.
    fn is_year_to_date(&self, cand: &Cand, r: &Resolved) -> bool {
        r.kind == TimexType::Duration
            && matches!(&r.val, Val::Text(v) if v == "P6M" || v == "P9M")
            && self.toks.get(cand.start).is_some_and(|t| t.is("the"))
    }

    fn date(&self, val: Val) -> Resolved {
        Resolved {
            kind: TimexType::Date,
            val,
            end: None,
            reaches: None,
        }
    }

    fn value(&self, sem: &Sem) -> Resolved {
        let text = |kind: TimexType, s: &str| Resolved {
            kind,
            val: Val::Text(s.to_string()),
            end: None,
            reaches: None,
        };
        let dct = self.dct;
        let val = match sem {
            Sem::Date {
                year,
                month,
                day,
                rel,
            } => {
                let y = year.unwrap_or_else(|| self.infer_year(*month, *day, *rel));
                match day {
                    Some(d) => match Date::new(y, *month, *d) {
                        Some(date) => Val::Day(date),
                        None => Val::Month(y, *month),
                    },
                    None => Val::Month(y, *month),
                }
            }
            Sem::Range {
                year,
                month,
                day,
                end_month,
                end_day,
            } => {
                let y = year.unwrap_or_else(|| self.infer_year(*month, Some(*day), Rel::None));
                let y2 = if end_month < month { y + 1 } else { y };
                let start = Date::new(y, *month, *day);
                let end = Date::new(y2, *end_month, *end_day);
                if let (Some(a), Some(b)) = (start, end) {
                    return Resolved {
                        kind: TimexType::Date,
                        val: Val::Day(a),
                        end: Some(Val::Day(b)),
                        reaches: None,
                    };
                }
                Val::Month(y, *month)
            }
            Sem::MonthOfYear { month, day, offset } => {
                let y = dct.year + *offset as i32;
                match day.and_then(|d| Date::new(y, *month, d)) {
                    Some(d) => Val::Day(d),
                    None => Val::Month(y, *month),
                }
            }
            Sem::Year(y) => Val::Year(*y),
            Sem::Decade(d) => Val::Decade(*d),
            Sem::Century(c) => Val::Century(*c),
            Sem::Weekday { wd, rel, narrative } => Val::Day(self.weekday(*wd, *rel, *narrative)),
            Sem::WeekdayOfWeek { wd, weeks } => {
                let same_week = dct.add_days(i64::from(*wd) - i64::from(dct.weekday()));
                Val::Day(same_week.add_days(7 * weeks))
            }
            Sem::DayOffset { day, offset } => match self.value(day).val.day() {
                Some(d) => Val::Day(d.add_days(*offset)),
                None => return self.value(day),
            },
            Sem::WeekOf(day) => match self.value(day).val.day() {
                Some(d) => {
                    let (y, w) = d.iso_week();
                    Val::Week(y, w)
                }
                None => return self.value(day),
            },
            Sem::CoordDay { month, day } => match Date::new(self.anchor_year, *month, *day) {
                Some(d) => Val::Day(d),
                None => Val::Month(self.anchor_year, *month),
            },
            Sem::Season { season, year, rel } => match year {
                Some(y) => Val::Season(*y, *season),
                None => {
                    let (y, i) = season_of(dct);
                    let now = i64::from(y) * 4 + i;
                    let k = season_index(*season);
                    let opts = [
                        i64::from(y - 1) * 4 + k,
                        i64::from(y) * 4 + k,
                        i64::from(y + 1) * 4 + k,
                    ];
                    let picked = match rel {
                        Rel::This => i64::from(dct.year) * 4 + k,
                        _ => self.choose(*rel, opts, now),
                    };
                    Val::Season(picked.div_euclid(4) as i32, *season)
                }
            },
            Sem::Quarter {
                q,
                half,
                year,
                year_offset,
            } => {
                let y = match (year, year_offset) {
                    (Some(y), _) => *y,
                    (None, Some(off)) => dct.year + *off as i32,
                    (None, None) => {
                        let current = if *half {
                            (dct.month - 1) / 6 + 1
                        } else {
                            dct.quarter()
                        };
                        if *q <= current || self.tense() == Tense::Future {
                            dct.year
                        } else {
                            dct.year - 1
                        }
                    }
                };
                if *half {
                    Val::Half(y, *q)
                } else {
                    Val::Quarter(y, *q)
                }
            }
            Sem::LatestQuarter {
                years_back,
                latest,
                year,
            } => {
                let previous = quarter_shift(dct.year, dct.quarter(), -1);
                if self.year_to_date && !*latest {
                    return self.date(Val::Year(year.unwrap_or(dct.year) - *years_back as i32));
                }
                let (y, q) = match (latest, self.last_quarter) {
                    (false, Some(lq)) => lq,
                    _ => previous,
                };
                Val::Quarter(year.unwrap_or(y) - *years_back as i32, q)
            }
            Sem::RelDay(n) => Val::Day(dct.add_days(*n)),
            Sem::RelUnit { unit, offset } => self.shift_unit(dct, *unit, *offset, true),
            Sem::Weekend(rel) => {
                let wd = dct.weekday();
                let future = matches!(rel, Rel::Next | Rel::This) || self.tense() == Tense::Future;
                let n = match (rel, future) {
                    (Rel::Next, _) => 1,
                    (Rel::Last, _) => -1,
                    _ if wd >= 6 => 0,
                    (_, true) => 0,
                    (_, false) => -1,
                };
                let (y, w) = dct.add_days(7 * n).iso_week();
                Val::Weekend(y, w)
            }
            Sem::Shift {
                n,
                unit,
                dir,
                narrative,
                signal: true,
            } => {
                let mut r = text(TimexType::Duration, &unit.duration(*n));
                if let Some(n) = n {
                    let k = dir * n.round().max(1.0) as i64;
                    let base = if *narrative { self.anchor } else { dct };
                    r.reaches = Some(self.shift_unit(base, *unit, k, false));
                }
                return r;
            }
            Sem::Shift {
                n,
                unit,
                dir,
                narrative,
                signal: false,
            } => {
                let Some(n) = n else {
                    let v = if *dir < 0 { "PAST_REF" } else { "FUTURE_REF" };
                    return text(TimexType::Date, v);
                };
                let k = dir * n.round().max(1.0) as i64;
                match (unit, self.last_quarter) {
                    (Unit::Year, Some((y, q))) if *n == 1.0 && *dir < 0 => Val::Quarter(y - 1, q),
                    _ => {
                        let base = if *narrative { self.anchor } else { dct };
                        self.shift_unit(base, *unit, k, false)
                    }
                }
            }
            Sem::Anchored { unit, offset } => match unit {
                Unit::Year => Val::Year(self.anchor_year + *offset as i32),
                Unit::Month => {
                    let (y, m) = self.anchor_month;
                    let (y, m) = add_months(y, m, *offset);
                    Val::Month(y, m)
                }
                Unit::Quarter => {
                    let (y, q) = self.last_quarter.unwrap_or((dct.year, dct.quarter()));
                    let (y, q) = quarter_shift(y, q, *offset);
                    Val::Quarter(y, q)
                }
                _ => self.shift_unit(self.anchor, *unit, *offset, true),
            },
            Sem::Holiday { which, year, rel } => {
                let pick = |y: i32| self.holiday(*which, y).map_or(0, |d| d.to_days());
                let y = match year {
                    Some(y) => *y,
                    None => {
                        let y = dct.year;
                        let opts = [pick(y - 1), pick(y), pick(y + 1)];
                        // With no determiner, a holiday a few days ahead
                        // is the coming one even in a past narrative (`as
                        // Easter week began`), as for months.
                        let picked = match rel {
                            Rel::None => self.lean(&opts, dct.to_days()),
                            _ => self.choose(*rel, opts, dct.to_days()),
                        };
                        if picked == pick(y - 1) {
                            y - 1
                        } else if picked == pick(y + 1) {
                            y + 1
                        } else {
                            y
                        }
                    }
                };
                match self.holiday(*which, y) {
                    Some(d) => Val::Day(d),
                    None => Val::Year(y),
                }
            }
            Sem::Ref(v) => Val::Text((*v).to_string()),
            Sem::Duration(v) => return text(TimexType::Duration, v),
            Sem::Set(v) => return text(TimexType::Set, v),
            Sem::PartOfDay { part, day } => {
                let d = self.day_of(day.as_deref());
                return Resolved {
                    kind: TimexType::Time,
                    val: Val::DayPart(d, *part),
                    end: None,
                    reaches: None,
                };
            }
            Sem::Clock { h, m, day } => {
                let d = self.day_of(day.as_deref());
                return Resolved {
                    kind: TimexType::Time,
                    val: Val::Clock(d, *h, *m),
                    end: None,
                    reaches: None,
                };
            }
        };
        self.date(val)
    }

    /// The day a part of the day or a clock time lies on.
    fn day_of(&self, day: Option<&Sem>) -> Date {
        match day {
            Some(sem) => self.value(sem).val.day().unwrap_or(self.anchor),
            None => self.anchor,
        }
    }
}
