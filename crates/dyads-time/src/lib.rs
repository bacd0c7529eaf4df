//! # dyads-time: TIMEX3 temporal expressions
//!
//! [`tag`] finds the time expressions in a text and normalises each to a
//! TIMEX3 value, anchored on the document creation time (DCT, the
//! publication date) and on the narrative: a bare `On 16 January` in an
//! article published 2024-01-25 is `2024-01-16`; `On Tuesday` in one
//! published 2024-01-17 is `2024-01-16`; `the previous day` is the day
//! before the last day the text named.
//!
//! ```
//! use dyads_time::{tag, Date, TimexType};
//!
//! let dct: Date = "2024-01-17".parse()?;
//! let text = "Talks began on Tuesday and lasted two days. Last year, ministers met in October.";
//! let found = tag(text, dct);
//! let values: Vec<&str> = found.iter().map(|t| t.value.as_str()).collect();
//! assert_eq!(values, ["2024-01-16", "P2D", "2023", "2023-10"]);
//! assert_eq!(found[1].kind, TimexType::Duration);
//! assert_eq!(found[0].span.slice(text), "Tuesday");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Conventions (TimeML/TIMEX3, tuned on TimeBank and AQUAINT):
//! - Spans leave out prepositions (`on`, `in`) but keep determiners and
//!   modifiers that are part of the expression (`the third quarter`, `the
//!   past two months`, `early next year`, `about two years`).
//! - Weekdays, month names and days without a year take the past reading by
//!   default, the future one when the words around are future (`will`,
//!   `next`, `scheduled`...); see the `context` module. With no tense
//!   marker at all, a day or month without a year takes the reading nearest
//!   the DCT.
//! - A weekday takes this week's or last week's day from the sentence: a
//!   possessive (`Friday's close`) or no marker at all reads it as past;
//!   only strong future markers (`will`, `next`, `scheduled`, `set to`...)
//!   move it forward, not modals or infinitives, which in news are mostly
//!   reported speech about a past day. A weekday after `planned`
//!   (`planned to leave on Thursday`) is the day planned, still to come;
//!   one before it (`On Friday, the council planned...`) is past. A weekday
//!   with `last week`, `next week` or `this week` (`Thursday last week`,
//!   `Monday of next week`) is that day of that week.
//! - A deadline (`by August`, `through January`) leans to the future.
//!   A month that modifies a noun after a determiner (`a June agreement`)
//!   names a known event: only a strong future marker (`will`) moves it
//!   ahead, not an infinitive of the clause around; a future marker in the
//!   pluperfect (`had been scheduled to end Monday`) reads as past.
//! - A rate after an amount (`$5 million a year`, `700 seats a week`,
//!   `to grow 8% annually`, `the average daily volume`) is not tagged; a
//!   frequency (`twice a year`, `held annually`) is a SET.
//! - `01/16/2024` is read in US order (month first) unless the first number
//!   cannot be a month; `16.01.2024` day first.
//! - A range of days (`January 14-18, 2024`) is one expression: `value` is
//!   its first day, `end_value` its last, precision [`Precision::Interval`].
//! - Decades and centuries in durations are spelled in years (`P10Y`,
//!   `P20Y`), as TimeBank does; unspecified ones `PXE`, `PXC` (TimeBank's
//!   TIMEX2 letters: `E` a decade, `C` a century).
//! - `later`, `after` and `before` after an amount are TimeML signals, left
//!   out of the span: `three days later` is the DURATION `three days`
//!   (`P3D`), whose [`Timex::reaches`] holds the day it reaches from the
//!   narrative, so [`event_dates`] still dates the event. `ago` and
//!   `earlier` stay inside and make a date.
//! - Not times: fractions (`three-quarters of the vote`), time words
//!   capitalised inside a sentence as part of a title (`60 Minutes`, `High
//!   Noon`; holidays keep theirs), a sentence-opening `Now,`; `today`
//!   and `tomorrow` as an age (`today's youth`, `many of today's phones`,
//!   `the engineers of tomorrow`), `the future of` a thing (its fate),
//!   `the early hours of` a day (the day is tagged), `currently` before a
//!   title (`X, currently the finance director`).
//! - `April 24 and 25` gives two dates; `the previous Friday` counts back
//!   from the narrative's day; `the day before last Tuesday`, `the week of
//!   March 6` are resolved from the day they name; `will one day` is
//!   `FUTURE_REF`.
//! - A weekday with `evening` or `afternoon` is that part of the day
//!   (`TEV`, `TAF`, type TIME); with `night` or `morning` it stays the day,
//!   as TimeBank mostly values it. `Tuesday nights` is a SET
//!   (`XXXX-WXX-2TNI`).
//! - Not times either: a bare plural clock unit with no amount (`minutes
//!   apart`, `seconds before`), a compound of comparison
//!   (`quarter-to-quarter`, `year-over-year`). `a year-earlier loss` is the
//!   date `year-earlier`, not the duration `a year`.
//! - `the then current price` is `PAST_REF`; `for a while` is `PXX`; `the
//!   latest fiscal year` is the last complete year; `formerly`, like
//!   `former`, qualifies a title and is not tagged.
//! - `soon` and `as soon as possible` are `FUTURE_REF`, but not the
//!   conjunction `as soon as` (`as soon as Monday`: the day), `soon after`
//!   or a past narrative (`was soon released`). `next to` (a place) is no
//!   future marker for the tense of a weekday or month.
//! - `the quarter a year ago` is the year-ago quarter; `the first two
//!   quarters of 1990` the half `1990-H1` (without a year, `the last two
//!   quarters` stays `P2Q`); `the last half of the '80s` the decade with
//!   `mod` END; `the year-earlier nine months` the duration `P9M`.
//! - `the past` before an amount (`the past three winters`) is a
//!   determiner, not `PAST_REF`.
//! - In an earnings report `a year ago` is the year-ago quarter of the last
//!   finished quarter named (one the DCT's quarter number only when it
//!   `ended` or is reported in the past tense, not `a fourth-quarter
//!   charge` still to come); after a year-to-date period (`the first nine
//!   months`) it is the year before, and `the 1988 period` the year. The
//!   reported quarter only moves forward: an earlier one named after it
//!   (`after a flat second quarter`) is a comparison.
//! - `overnight` is the night before the narrative's day, which it leaves
//!   as the anchor.
//! - Whole thousands of years are millennia (`P2L`); `weeks or months` is
//!   one vague duration valued by its first unit (`PXW`); `a matter of
//!   months` is not tagged; `coming months` and `future quarters` are
//!   `FUTURE_REF`.
//! - Recurrences: `Monday and Tuesday nights` makes both weekdays the set
//!   `XXXX-WXX-nTNI`; `the second and fourth quarters` are `XXXX-Q2` and
//!   `XXXX-Q4`; `the past three summers` is `XXXX-SU`.
//! - `it's the second day of the offensive`: an ordinal day of an event
//!   after a present copula is the day of writing.
//!
//! The [`score`] module reads TimeML (`.tml`) files and scores the tagger
//! on TempEval-3 task A, also on a held-out part (every fifth file of each
//! corpus, [`Report::split_held_out`]) whose errors are not looked at when
//! rules are tuned; [`write_json_lines`] prints one JSON object per
//! expression for the `dyads dates` command; [`event_dates`] gives the
//! dated expressions in a sentence for the event coder.
#![deny(missing_docs)]

mod context;
pub mod date;
pub mod error;
mod grammar;
mod lexicon;
mod output;
mod resolve;
pub mod score;
pub mod timeml;
mod tokens;
pub mod value;

use serde::{Deserialize, Serialize};

pub use date::Date;
pub use dyads_text::Span;
pub use error::{Error, ErrorKind, Result};
pub use output::{event_dates, write_json_lines, EventDate};
pub use score::{eval_timeml, Report};
pub use value::{value_range, Precision};

/// The TIMEX3 type of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period (`2024-01-16`, `2024-W02`, `PRESENT_REF`).
    Date,
    /// A time of day (`2024-01-16T15:00`, `2024-01-16TMO`).
    Time,
    /// A length of time (`P2Y`).
    Duration,
    /// A recurring time (`P1W`, `XXXX-WXX-2`).
    Set,
}

impl TimexType {
    /// The TIMEX3 spelling: `DATE`, `TIME`, `DURATION`, `SET`.
    pub fn as_str(&self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }

    /// Parses the TIMEX3 spelling.
    pub fn parse(s: &str) -> Option<TimexType> {
        Some(match s {
            "DATE" => TimexType::Date,
            "TIME" => TimexType::Time,
            "DURATION" => TimexType::Duration,
            "SET" => TimexType::Set,
            _ => return None,
        })
    }
}

/// A time expression found in a text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// Bytes it covers in the tagged text.
    pub span: Span,
    /// Its TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value: `2024-01-16`, `2013-W11`, `P1M`, `XXXX-WI`, `PRESENT_REF`.
    pub value: String,
    /// TIMEX3 `mod`: `START`, `MID`, `END`, `APPROX`, `LESS_THAN`,
    /// `MORE_THAN`, `EQUAL_OR_LESS`, `EQUAL_OR_MORE`, `ON_OR_AFTER`...
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub mod_: Option<String>,
    /// The last day of a range (`January 14-18, 2024`: `2024-01-18`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_value: Option<String>,
    /// How precise the value is.
    pub precision: Precision,
    /// For a duration anchored by a signal outside its span (`three days`
    /// in `three days later`, `a month` in `a month after the vote,`): the
    /// TIMEX3 value of the day or period it reaches from the narrative
    /// anchor, TimeML's `endPoint` (or `beginPoint` for `before`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reaches: Option<String>,
}

impl Timex {
    /// The text it covers.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.slice(text)
    }

    /// The calendar days it covers, first and last, when its value has a
    /// calendar position (ranges from `value` to `end_value`).
    pub fn date_range(&self) -> Option<(Date, Date)> {
        let (start, end, _) = value_range(&self.value)?;
        match self.end_value.as_deref().and_then(value_range) {
            Some((_, end2, _)) => Some((start, end2.max(start))),
            None => Some((start, end)),
        }
    }
}

/// Whether the lowercase word `w` is the full name of a month or of a day
/// of the week (`march`, `sunday`; not `mar` or `sun`).
pub fn is_calendar_name(w: &str) -> bool {
    lexicon::month(w).is_some() && !lexicon::is_month_abbrev(w)
        || lexicon::weekday(w).is_some() && w.ends_with("day")
}

/// Finds and normalises the time expressions in `text`, written on `dct`.
/// Expressions come in text order, not overlapping, with spans on char
/// boundaries.
pub fn tag(text: &str, dct: Date) -> Vec<Timex> {
    let toks = tokens::tokenize(text);
    let cands = grammar::candidates(&toks);
    let mut resolver = resolve::Resolver::new(&toks, dct);
    let mut out = Vec::with_capacity(cands.len());
    for cand in &cands {
        let (Some(first), Some(last)) = (
            toks.get(cand.start),
            cand.end.checked_sub(1).and_then(|i| toks.get(i)),
        ) else {
            continue;
        };
        let r = resolver.resolve(cand);
        let precision = match (&r.end, &r.val) {
            (Some(_), _) => Precision::Interval,
            (None, v) => v.precision(),
        };
        out.push(Timex {
            span: Span::new(first.start, last.end),
            kind: r.kind,
            value: r.val.timex(),
            mod_: cand.mod_.map(str::to_string),
            end_value: r.end.map(|v| v.timex()),
            precision,
            reaches: r.reaches.map(|v| v.timex()),
        });
    }
    out
}
