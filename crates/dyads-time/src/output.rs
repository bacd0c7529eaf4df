//! What other parts of dyads use: JSON lines for the `dyads dates` command
//! and the dates in a sentence for the event coder.

use std::io::{self, Write};

use serde::Serialize;

use crate::value::{value_range, Precision};
use crate::{tag, Date, Span, Timex, TimexType};

#[derive(Serialize)]
struct Line<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    #[serde(rename = "type")]
    kind: TimexType,
    value: &'a str,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    mod_: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_value: Option<&'a str>,
    precision: Precision,
    #[serde(skip_serializing_if = "Option::is_none")]
    reaches: Option<&'a str>,
}

/// Tags `text` written on `dct` and writes one JSON object per expression,
/// one per line: `start` and `end` (byte offsets into `text`), `text`,
/// `type`, `value`, `precision`, and `mod`, `end_value` and `reaches` when
/// present.
/// Returns the number of expressions written.
///
/// ```
/// let mut out = Vec::new();
/// let dct = "2024-01-17".parse()?;
/// dyads_time::write_json_lines("They met on Tuesday.", dct, &mut out)?;
/// assert_eq!(
///     String::from_utf8(out)?,
///     "{\"start\":12,\"end\":19,\"text\":\"Tuesday\",\"type\":\"DATE\",\"value\":\"2024-01-16\",\"precision\":\"day\"}\n"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_json_lines(text: &str, dct: Date, out: &mut dyn Write) -> io::Result<usize> {
    let found = tag(text, dct);
    for t in &found {
        let line = Line {
            start: t.span.start,
            end: t.span.end,
            text: t.text(text),
            kind: t.kind,
            value: &t.value,
            mod_: t.mod_.as_deref(),
            end_value: t.end_value.as_deref(),
            precision: t.precision,
            reaches: t.reaches.as_deref(),
        };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(found.len())
}

/// A date expression in a sentence, resolved to calendar days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventDate {
    /// Bytes the expression covers.
    pub span: Span,
    /// Its TIMEX3 value.
    pub value: String,
    /// First day it covers, when it has a calendar position.
    pub start: Option<Date>,
    /// Last day it covers, when it has a calendar position.
    pub end: Option<Date>,
    /// How precise it is: `Day`, `Time` (a day with a time), `Week`,
    /// `Month`, `Quarter`, `Half`, `Season`, `Year`, `Decade`, `Century`,
    /// `Interval` (a range of days) or `Unknown` (`PRESENT_REF`, `1998-XX`).
    pub precision: Precision,
    /// Its TIMEX3 `mod` (`START`, `END`, `APPROX`...).
    pub mod_: Option<String>,
    /// For a duration that stands for the day it reaches (`three days
    /// later`), the duration's own TIMEX3 value (`P3D`).
    pub duration: Option<String>,
}

/// The DATE and TIME expressions of a document (`timexes`, from [`tag`])
/// that lie inside `sentence`, in text order, with the calendar days each
/// covers. Sets and durations are left out, they do not date an event,
/// except a duration that reaches a day from the narrative (`three days
/// later`): that one stands for the day it reaches.
///
/// ```
/// use dyads_time::{event_dates, tag, Precision, Span};
///
/// let text = "Troops crossed the border on 16 January 2024. Talks start next week.";
/// let timexes = tag(text, "2024-01-25".parse()?);
/// let first = event_dates(Span::new(0, 45), &timexes);
/// assert_eq!(first.len(), 1);
/// assert_eq!(first[0].start.map(|d| d.to_string()).as_deref(), Some("2024-01-16"));
/// assert_eq!(first[0].precision, Precision::Day);
/// let second = event_dates(Span::new(46, text.len()), &timexes);
/// assert_eq!(second[0].precision, Precision::Week);
/// assert_eq!(second[0].start.map(|d| d.to_string()).as_deref(), Some("2024-01-29"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn event_dates(sentence: Span, timexes: &[Timex]) -> Vec<EventDate> {
    timexes
        .iter()
        .filter(|t| {
            matches!(t.kind, TimexType::Date | TimexType::Time)
                || (t.kind == TimexType::Duration && t.reaches.is_some())
        })
        .filter(|t| sentence.contains(t.span))
        .map(|t| {
            if let Some(v) = t.reaches.as_deref() {
                let range = value_range(v);
                return EventDate {
                    span: t.span,
                    value: v.to_string(),
                    start: range.map(|r| r.0),
                    end: range.map(|r| r.1),
                    precision: range.map_or(Precision::Unknown, |r| r.2),
                    mod_: t.mod_.clone(),
                    duration: Some(t.value.clone()),
                };
            }
            let range = t.date_range();
            let precision = match range {
                Some(_) if t.end_value.is_some() => Precision::Interval,
                Some(_) => value_range(&t.value).map_or(Precision::Unknown, |r| r.2),
                None => Precision::Unknown,
            };
            EventDate {
                span: t.span,
                value: t.value.clone(),
                start: range.map(|r| r.0),
                end: range.map(|r| r.1),
                precision,
                mod_: t.mod_.clone(),
                duration: None,
            }
        })
        .collect()
}
