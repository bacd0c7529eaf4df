//! The grammar: rules that recognise time expressions in the token stream
//! and say what they mean before resolution ([`Sem`]).
//!
//! Each rule is a function from a cursor to the cursor after the match and
//! its meaning. At each token the tagger tries every rule and keeps the
//! longest match (the earliest rule wins a tie), then goes on after it.

mod calendar;
mod clock;
mod duration;
mod modifier;
mod relative;
mod starts;
mod years;

use crate::lexicon::{self, Unit};
use crate::tokens::{Kind, Tok};
use crate::value::{DayPart, Season};

/// A relative determiner before a name: `last Friday`, `next May`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rel {
    None,
    Last,
    This,
    Next,
}

/// What a matched expression means, before it is resolved against the
/// document creation time and the narrative.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Sem {
    /// A calendar date; a missing year is inferred from the DCT and tense.
    Date {
        year: Option<i32>,
        month: u32,
        day: Option<u32>,
        rel: Rel,
    },
    /// A range of days (`January 14-18, 2024`).
    Range {
        year: Option<i32>,
        month: u32,
        day: u32,
        end_month: u32,
        end_day: u32,
    },
    /// `June last year`, `January 28 last year`: a month, or a day of it,
    /// in the year `offset` from the DCT's.
    MonthOfYear {
        month: u32,
        day: Option<u32>,
        offset: i64,
    },
    Year(i32),
    /// `199` for the 1990s.
    Decade(i32),
    /// `19` for the 20th century.
    Century(i32),
    /// A weekday; with `narrative` (`the previous Friday`, `the following
    /// Monday`) counted from the narrative anchor, not the DCT.
    Weekday {
        wd: u32,
        rel: Rel,
        narrative: bool,
    },
    /// `Thursday last week` (-1), `Monday next week` (1), `Friday this
    /// week` (0): that weekday in the ISO week `weeks` from the DCT's.
    WeekdayOfWeek {
        wd: u32,
        weeks: i64,
    },
    /// `the day before last Tuesday`: a day `offset` days from another.
    DayOffset {
        day: Box<Sem>,
        offset: i64,
    },
    /// `the week of March 6`: the ISO week of a day.
    WeekOf(Box<Sem>),
    /// The second day of `April 24 and 25`: in the year the first one
    /// was given.
    CoordDay {
        month: u32,
        day: u32,
    },
    Season {
        season: Season,
        year: Option<i32>,
        rel: Rel,
    },
    /// A quarter (or a half when `half` is set); `year_offset` counts from
    /// the DCT year, `None` infers the year.
    Quarter {
        q: u32,
        half: bool,
        year: Option<i32>,
        year_offset: Option<i64>,
    },
    /// `the latest quarter` (`latest`): the last complete quarter before
    /// the DCT; `the quarter`: the last quarter named, else that one;
    /// `years_back` years earlier (`the year-ago quarter`: 1); in `year`
    /// when given (`the 1988 period`).
    LatestQuarter {
        years_back: i64,
        latest: bool,
        year: Option<i32>,
    },
    /// `today` (0), `yesterday` (-1), `tomorrow` (1).
    RelDay(i64),
    /// `last week` (-1), `this month` (0), `next year` (1).
    RelUnit {
        unit: Unit,
        offset: i64,
    },
    /// `the weekend`, `last weekend`.
    Weekend(Rel),
    /// `two days ago` (dir -1, from the DCT), `a year earlier` (from the
    /// narrative anchor when `narrative`). With `signal`, the word after
    /// the amount (`later`, `after`, `before`) is a TimeML signal outside
    /// the span, and the expression is the duration (`three days` in
    /// `three days later`), which reaches a day from the narrative anchor.
    Shift {
        n: Option<f64>,
        unit: Unit,
        dir: i64,
        narrative: bool,
        signal: bool,
    },
    /// `the previous day` (-1), `that year` (0), `the following month` (1):
    /// relative to the narrative anchor.
    Anchored {
        unit: Unit,
        offset: i64,
    },
    /// A holiday in a given or inferred year.
    Holiday {
        which: Holiday,
        year: Option<i32>,
        rel: Rel,
    },
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(&'static str),
    /// A duration value (`P2Y`).
    Duration(String),
    /// A set value (`P1W`, `XXXX-WXX-2`).
    Set(String),
    /// A part of a day; the day defaults to the narrative anchor.
    PartOfDay {
        part: DayPart,
        day: Option<Box<Sem>>,
    },
    /// A clock time; the day defaults to the narrative anchor.
    Clock {
        h: u32,
        m: u32,
        day: Option<Box<Sem>>,
    },
}

/// Holidays with a computable date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Holiday {
    NewYearsDay,
    NewYearsEve,
    ValentinesDay,
    Easter,
    IndependenceDay,
    Halloween,
    Thanksgiving,
    ElectionDay,
    ChristmasEve,
    Christmas,
    LaborDay,
    MemorialDay,
}

/// A matched expression: tokens `start..end`, meaning, TIMEX3 `mod`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Cand {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    pub mod_: Option<&'static str>,
}

/// A position in the token stream.
#[derive(Clone, Copy)]
pub(crate) struct Cur<'a> {
    pub toks: &'a [Tok],
    pub i: usize,
}

impl<'a> Cur<'a> {
    pub(crate) fn tok(&self) -> Option<&'a Tok> {
        self.toks.get(self.i)
    }

    pub(crate) fn prev(&self) -> Option<&'a Tok> {
        self.i.checked_sub(1).and_then(|j| self.toks.get(j))
    }

    pub(crate) fn next(self) -> Cur<'a> {
        Cur {
            toks: self.toks,
            i: self.i + 1,
        }
    }

    /// The current token's lowercase text when it is a word.
    pub(crate) fn lower(&self) -> Option<&'a str> {
        self.tok()
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower.as_str())
    }

    pub(crate) fn word(self, w: &str) -> Option<Cur<'a>> {
        (self.lower()? == w).then(|| self.next())
    }

    pub(crate) fn words(self, ws: &[&str]) -> Option<Cur<'a>> {
        ws.iter().try_fold(self, |c, w| c.word(w))
    }

    pub(crate) fn any(self, ws: &[&'static str]) -> Option<(Cur<'a>, &'static str)> {
        let l = self.lower()?;
        ws.iter().find(|w| **w == l).map(|w| (self.next(), *w))
    }

    pub(crate) fn opt_word(self, w: &str) -> Cur<'a> {
        self.word(w).unwrap_or(self)
    }

    pub(crate) fn punct(self, c: char) -> Option<Cur<'a>> {
        self.tok()?.is_punct(c).then(|| self.next())
    }

    /// Punctuation written right after the previous token.
    pub(crate) fn glued(self, c: char) -> Option<Cur<'a>> {
        let t = self.tok()?;
        (t.is_punct(c) && !t.space_before).then(|| self.next())
    }

    pub(crate) fn opt_punct(self, c: char) -> Cur<'a> {
        self.punct(c).unwrap_or(self)
    }

    /// A hyphen or dash, spaced or not.
    pub(crate) fn dash(self) -> Option<Cur<'a>> {
        self.punct('-')
            .or_else(|| self.punct('–'))
            .or_else(|| self.punct('—'))
    }

    /// A run of digits: its value and its number of digits.
    pub(crate) fn digits(self) -> Option<(Cur<'a>, u32, usize)> {
        let t = self.tok()?;
        if t.kind != Kind::Num || t.lower.len() > 9 {
            return None;
        }
        let v = t.lower.parse().ok()?;
        Some((self.next(), v, t.lower.len()))
    }

    /// A word the lookup `f` knows.
    pub(crate) fn lookup<T>(self, f: impl Fn(&str) -> Option<T>) -> Option<(Cur<'a>, T)> {
        let v = f(self.lower()?)?;
        Some((self.next(), v))
    }

    /// True when the current token is not glued to the previous one
    /// (a word boundary on the left).
    pub(crate) fn spaced(&self) -> bool {
        self.tok().is_some_and(|t| t.space_before)
    }
}

/// A cardinal number written in digits (`3`, `3.5`, `5 1/2`) or words
/// (`twenty-four`, `two hundred`, `two and a half`).
pub(crate) fn number(c: Cur<'_>) -> Option<(Cur<'_>, f64)> {
    if let Some((mut c, v, _)) = c.digits() {
        let mut v = f64::from(v);
        // A decimal glued to the digits: `3.5`.
        if let Some(c1) = c.glued('.') {
            if c1.tok().is_some_and(|t| !t.space_before) {
                if let Some((c2, frac, n)) = c1.digits() {
                    v += f64::from(frac) / 10f64.powi(n as i32);
                    c = c2;
                }
            }
        }
        // `5 1/2`
        if let Some((c2, a, _)) = c.digits() {
            if let Some((c3, b, _)) = c2.glued('/').and_then(|c| c.digits()) {
                if b > 0 && a < b {
                    return Some((c3, v + f64::from(a) / f64::from(b)));
                }
            }
        }
        return match half_suffix(c) {
            Some((c2, h)) => Some((c2, v + h)),
            None => Some((c, v)),
        };
    }
    let (mut c, mut v) = c.lookup(lexicon::cardinal)?;
    let v0 = v;
    if v0 >= 20 && v0 % 10 == 0 {
        let c2 = c.dash().unwrap_or(c);
        if let Some((c3, u)) = c2.lookup(lexicon::cardinal) {
            if (1..10).contains(&u) {
                c = c3;
                v += u;
            }
        }
    }
    if let Some((c2, mult)) = c.any(&["hundred", "thousand"]) {
        v *= if mult == "hundred" { 100 } else { 1000 };
        c = c2;
    }
    let v = f64::from(v);
    match half_suffix(c) {
        Some((c2, h)) => Some((c2, v + h)),
        None => Some((c, v)),
    }
}

/// `and a half` after a number.
fn half_suffix(c: Cur<'_>) -> Option<(Cur<'_>, f64)> {
    Some((c.words(&["and", "a", "half"])?, 0.5))
}

/// A rule: a function from a cursor to the end of its match and meaning.
pub(crate) type Rule = fn(Cur<'_>) -> Option<(usize, Sem)>;

/// The rules, in order of preference for equally long matches.
const RULES: &[Rule] = &[
    calendar::numeric_date,
    calendar::month_day,
    calendar::day_month,
    calendar::month_year,
    calendar::year,
    calendar::decade,
    calendar::century,
    calendar::quarter,
    calendar::season,
    calendar::holiday,
    relative::rel_day,
    relative::weekday,
    relative::rel_unit,
    relative::shift,
    relative::anchored,
    relative::reference,
    clock::clock,
    clock::part_of_day,
    duration::set,
    duration::duration,
];

/// The longest match of any rule at `c`.
pub(crate) fn best_at(c: Cur<'_>) -> Option<(usize, Sem)> {
    let mut best: Option<(usize, Sem)> = None;
    for rule in RULES {
        if let Some((end, sem)) = rule(c) {
            if end > c.i && best.as_ref().is_none_or(|(e, _)| end > *e) {
                best = Some((end, sem));
            }
        }
    }
    best
}

/// All expressions in the token stream, left to right, not overlapping.
pub(crate) fn candidates(toks: &[Tok]) -> Vec<Cand> {
    candidates_with(toks, true)
}

/// [`candidates`], trying the rules only at tokens that may begin an
/// expression when `filter` is set (the same output either way).
fn candidates_with(toks: &[Tok], filter: bool) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let c = Cur { toks, i };
        // Most words cannot begin an expression: the rules need not run.
        let cand = match toks.get(i) {
            Some(t) if !filter || starts::may_start(t) => modifier::modified(c),
            _ => None,
        };
        let Some(cand) = cand else {
            i += 1;
            continue;
        };
        i = cand.end.max(i + 1);
        if titled(toks, &cand) {
            continue;
        }
        if let Some(end) = unit_compound(toks, cand.end) {
            i = end.max(i);
            continue;
        }
        let second = coordinated_day(toks, &cand);
        distribute_part(toks, &mut out, &cand);
        out.push(cand);
        if let Some(second) = second {
            i = second.end.max(i);
            out.push(second);
        }
    }
    out
}

/// True when token `k` begins a sentence, a quote or a parenthesis.
pub(crate) fn opens(toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else {
        return false;
    };
    match k.checked_sub(1).and_then(|j| toks.get(j)) {
        None => true,
        Some(p) => {
            p.sentence != t.sentence
                || (p.kind == Kind::Punct && "\"“‘'`([:—-".contains(p.lower.as_str()))
        }
    }
}

/// True when a common time word of `cand` is capitalised inside a sentence
/// (`60 Minutes`, `High Noon`, `This Week With ...`): the expression is
/// the name of a programme or a work, not a time. Holidays (`Election
/// Day`) and all-capital headlines are left alone.
fn titled(toks: &[Tok], cand: &Cand) -> bool {
    if matches!(cand.sem, Sem::Holiday { .. }) {
        return false;
    }
    toks.get(cand.start..cand.end)
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .any(|(k, t)| {
            let common = lexicon::unit(&t.lower).is_some()
                || lexicon::day_part(&t.lower).is_some()
                || matches!(
                    t.lower.as_str(),
                    "noon" | "midnight" | "today" | "tonight" | "tomorrow" | "yesterday"
                );
            let shouting = toks
                .get(cand.start.saturating_sub(1)..cand.end + 1)
                .unwrap_or(&[])
                .iter()
                .filter(|x| x.kind == Kind::Word)
                .all(|x| x.lower.chars().all(|ch| !ch.is_lowercase()) && x.cap);
            t.kind == Kind::Word && t.cap && common && !shouting && !opens(toks, cand.start + k)
        })
}

/// `the quarter-to-quarter comparison`, `year-over-year growth`: an
/// expression whose last word is glued by hyphens to `to` or `over` and
/// another unit word is a compound adjective of comparison, not a time.
/// Gives the end of the compound.
fn unit_compound(toks: &[Tok], end: usize) -> Option<usize> {
    let last = toks.get(end.checked_sub(1)?)?;
    lexicon::unit(&last.lower)?;
    let glued_dash = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.is_punct('-') && !t.space_before)
    };
    let link = toks.get(end + 1)?;
    let next = toks.get(end + 3)?;
    let is_compound = glued_dash(end)
        && matches!(link.lower.as_str(), "to" | "over")
        && !link.space_before
        && glued_dash(end + 2)
        && !next.space_before
        && lexicon::unit(&next.lower).is_some();
    is_compound.then_some(end + 4)
}

/// `Monday and Tuesday nights`: the plural part of the day of a recurring
/// weekday is shared by a bare weekday coordinated before it, which
/// becomes the same kind of set.
fn distribute_part(toks: &[Tok], out: &mut [Cand], cand: &Cand) {
    let Sem::Set(v) = &cand.sem else {
        return;
    };
    let Some(part) = v
        .strip_prefix("XXXX-WXX-")
        .and_then(|rest| rest.split_once('T'))
        .map(|(_, p)| p.to_string())
    else {
        return;
    };
    let Some(prev) = out.last_mut() else {
        return;
    };
    let Sem::Weekday {
        wd,
        rel: Rel::None,
        narrative: false,
    } = prev.sem
    else {
        return;
    };
    let linked = prev.end + 1 == cand.start
        && toks
            .get(prev.end)
            .is_some_and(|t| t.is("and") || t.is("or"));
    if linked && prev.mod_.is_none() {
        prev.sem = Sem::Set(format!("XXXX-WXX-{wd}T{part}"));
    }
}

/// `April 24 and 25`: the second day of a coordination, in the first
/// one's month and year.
fn coordinated_day(toks: &[Tok], cand: &Cand) -> Option<Cand> {
    let Sem::Date {
        year: None,
        month,
        day: Some(day),
        ..
    } = cand.sem
    else {
        return None;
    };
    // The first expression ends with its day (`April 24`, `April 24th`).
    let ends_with_day = cand
        .end
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| t.kind == Kind::Num || lexicon::is_ordinal_suffix(&t.lower));
    if cand.mod_.is_some() || !ends_with_day {
        return None;
    }
    let c = Cur { toks, i: cand.end };
    let c1 = c
        .word("and")
        .or_else(|| c.word("or"))
        .or_else(|| c.punct('&'))?;
    let (c2, day2) = calendar::day_number(c1)?;
    // `24 and 25 people`: a count, not a day; `25/12`: another date.
    let glued = |ch: char| c2.glued(ch).is_some();
    if day2 <= day
        || c2.tok().is_some_and(|t| t.kind != Kind::Punct)
        || glued('/')
        || glued('-')
        || glued(':')
    {
        return None;
    }
    Some(Cand {
        start: c1.i,
        end: c2.i,
        sem: Sem::CoordDay { month, day: day2 },
        mod_: None,
    })
}

/// The unit named by a unit word, without its plural flag.
pub(crate) fn unit_word(c: Cur<'_>) -> Option<(Cur<'_>, Unit, bool)> {
    let (c, (u, plural)) = c.lookup(lexicon::unit)?;
    Some((c, u, plural))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text file under `dir` (recursively), at most `limit` bytes.
    fn texts(dir: &std::path::Path, out: &mut Vec<String>, limit: &mut usize) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if *limit == 0 {
                return;
            }
            if p.is_dir() {
                texts(&p, out, limit);
            } else if let Ok(s) = std::fs::read_to_string(&p) {
                *limit = limit.saturating_sub(s.len());
                out.push(s);
            }
        }
    }

    #[test]
    fn the_start_filter_changes_no_candidate() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut docs = vec![
            "On Monday, the day before yesterday, and 10 p.m. Wednesday; mondays, \
             Mondays and Tuesday nights; the mid-1990s, '80s, year-end, FY2024, \
             nineteen ninety-nine, the first half of the century, twice a week."
                .to_string(),
        ];
        let mut limit = 1 << 20;
        for d in ["tests", "../../testdata", "../../../shared/eval/temporal"] {
            texts(&root.join(d), &mut docs, &mut limit);
        }
        let mut n = 0;
        for d in &docs {
            let toks = crate::tokens::tokenize(d);
            let fast = candidates_with(&toks, true);
            n += fast.len();
            assert_eq!(fast, candidates_with(&toks, false));
        }
        assert!(n > 0);
    }
}
