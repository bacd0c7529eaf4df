//! TIMEX3 values: the resolved calendar values the tagger produces, their
//! TIMEX3 spelling, and the reverse: the calendar range a TIMEX3 value covers.

use serde::{Deserialize, Serialize};

use crate::date::{days_in_month, Date};

/// How precise a resolved time expression is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Precision {
    /// A calendar day (`2024-01-16`).
    Day,
    /// A time of day or a part of a day (`2024-01-16T15:00`, `2024-01-16TMO`).
    Time,
    /// An ISO week or a weekend (`2024-W02`, `2024-W02-WE`).
    Week,
    /// A month (`2024-01`).
    Month,
    /// A quarter (`2024-Q3`).
    Quarter,
    /// A half year (`2024-H1`).
    Half,
    /// A season (`2024-WI`).
    Season,
    /// A year (`2024`).
    Year,
    /// A decade (`199` for the 1990s).
    Decade,
    /// A century (`19` for the 20th century).
    Century,
    /// A range with explicit start and end (`January 14-18, 2024`).
    Interval,
    /// No calendar position: references (`PRESENT_REF`), durations, sets,
    /// values with unknown parts (`1998-XX-XX`).
    Unknown,
}

impl Precision {
    /// The lowercase name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Time => "time",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Half => "half",
            Precision::Season => "season",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Century => "century",
            Precision::Interval => "interval",
            Precision::Unknown => "unknown",
        }
    }
}

/// A season, as TIMEX3 spells it (`SP`, `SU`, `FA`, `WI`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The season a date falls in (meteorological; December counts as the
    /// winter of its own year).
    pub(crate) fn of(month: u32) -> Season {
        match month {
            3..=5 => Season::Spring,
            6..=8 => Season::Summer,
            9..=11 => Season::Fall,
            _ => Season::Winter,
        }
    }
}

/// A part of the day (`MO`, `AF`, `EV`, `NI`, `DT`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
    Daytime,
}

impl DayPart {
    pub(crate) fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
            DayPart::Daytime => "DT",
        }
    }
}

/// A resolved value with a calendar position.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Val {
    Day(Date),
    Month(i32, u32),
    Year(i32),
    /// First three digits of the years (`199`).
    Decade(i32),
    /// First two digits of the years (`19` for the 20th century).
    Century(i32),
    Week(i32, u32),
    Weekend(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, Season),
    DayPart(Date, DayPart),
    Clock(Date, u32, u32),
    /// Anything without a calendar position, spelled out.
    Text(String),
}

impl Val {
    /// The TIMEX3 spelling.
    pub(crate) fn timex(&self) -> String {
        match self {
            Val::Day(d) => d.to_string(),
            Val::Month(y, m) => format!("{y:04}-{m:02}"),
            Val::Year(y) => format!("{y:04}"),
            Val::Decade(d) => format!("{d:03}"),
            Val::Century(c) => format!("{c:02}"),
            Val::Week(y, w) => format!("{y:04}-W{w:02}"),
            Val::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Val::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Val::Half(y, h) => format!("{y:04}-H{h}"),
            Val::Season(y, s) => format!("{y:04}-{}", s.code()),
            Val::DayPart(d, p) => format!("{d}T{}", p.code()),
            Val::Clock(d, h, m) => format!("{d}T{h:02}:{m:02}"),
            Val::Text(s) => s.clone(),
        }
    }

    /// How precise the value is.
    pub(crate) fn precision(&self) -> Precision {
        match self {
            Val::Day(_) => Precision::Day,
            Val::DayPart(..) | Val::Clock(..) => Precision::Time,
            Val::Week(..) | Val::Weekend(..) => Precision::Week,
            Val::Month(..) => Precision::Month,
            Val::Quarter(..) => Precision::Quarter,
            Val::Half(..) => Precision::Half,
            Val::Season(..) => Precision::Season,
            Val::Year(_) => Precision::Year,
            Val::Decade(_) => Precision::Decade,
            Val::Century(_) => Precision::Century,
            Val::Text(_) => Precision::Unknown,
        }
    }

    /// The year the value lies in, when it has one.
    pub(crate) fn year(&self) -> Option<i32> {
        match self {
            Val::Day(d) | Val::DayPart(d, _) | Val::Clock(d, _, _) => Some(d.year),
            Val::Month(y, _)
            | Val::Year(y)
            | Val::Week(y, _)
            | Val::Weekend(y, _)
            | Val::Quarter(y, _)
            | Val::Half(y, _)
            | Val::Season(y, _) => Some(*y),
            _ => None,
        }
    }

    /// The day the value names, when it names one.
    pub(crate) fn day(&self) -> Option<Date> {
        match self {
            Val::Day(d) | Val::DayPart(d, _) | Val::Clock(d, _, _) => Some(*d),
            _ => None,
        }
    }
}

/// The calendar days a TIMEX3 date value covers, first and last, with its
/// precision: `2024-01` is 2024-01-01 to 2024-01-31 at month precision.
/// `None` for values without a calendar position (`PRESENT_REF`, `P2Y`,
/// `XXXX-WI`, `1998-XX-XX`).
pub fn value_range(value: &str) -> Option<(Date, Date, Precision)> {
    let v = value.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let num = |s: &str| -> Option<i32> {
        if digits(s) {
            s.parse().ok()
        } else {
            None
        }
    };
    let (date_part, time_part) = match v.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (v, None),
    };
    let parts: Vec<&str> = date_part.split('-').collect();
    let year_text = parts.first().copied().unwrap_or("");
    if !digits(year_text) {
        return None;
    }
    let n = num(year_text)?;
    let y = |year: i32, m1: u32, d1: u32, m2: u32, d2: u32| -> Option<(Date, Date)> {
        let last = d2.min(days_in_month(year, m2));
        Some((Date::new(year, m1, d1)?, Date::new(year, m2, last)?))
    };
    let range_years = |a: i32, b: i32, p: Precision| -> Option<(Date, Date, Precision)> {
        Some((Date::new(a, 1, 1)?, Date::new(b, 12, 31)?, p))
    };
    match (parts.len(), year_text.len()) {
        (1, 2) => return range_years(n * 100, n * 100 + 99, Precision::Century),
        (1, 3) => return range_years(n * 10, n * 10 + 9, Precision::Decade),
        (1, 4) => return range_years(n, n, Precision::Year),
        (_, 4) => {}
        _ => return None,
    }
    let second = parts.get(1).copied().unwrap_or("");
    if parts.len() == 2 {
        if let Some(m) = num(second) {
            let m = m as u32;
            let (a, b) = y(n, m, 1, m, 31)?;
            return Some((a, b, Precision::Month));
        }
        if let Some(w) = second.strip_prefix('W').and_then(num) {
            let a = Date::from_iso_week(n, w as u32);
            return Some((a, a.add_days(6), Precision::Week));
        }
        if let Some(q) = second.strip_prefix('Q').and_then(num) {
            let q = q as u32;
            if !(1..=4).contains(&q) {
                return None;
            }
            let (a, b) = y(n, 3 * q - 2, 1, 3 * q, 31)?;
            return Some((a, b, Precision::Quarter));
        }
        if let Some(h) = second.strip_prefix('H').and_then(num) {
            let (a, b) = match h {
                1 => y(n, 1, 1, 6, 30)?,
                2 => y(n, 7, 1, 12, 31)?,
                _ => return None,
            };
            return Some((a, b, Precision::Half));
        }
        let (a, b) = match second {
            "SP" => y(n, 3, 1, 5, 31)?,
            "SU" => y(n, 6, 1, 8, 31)?,
            "FA" => y(n, 9, 1, 11, 30)?,
            "WI" => (Date::new(n, 12, 1)?, Date::new(n + 1, 2, 28)?),
            _ => return None,
        };
        return Some((a, b, Precision::Season));
    }
    if parts.len() == 3 {
        if let Some(w) = second.strip_prefix('W').and_then(num) {
            if parts.get(2) == Some(&"WE") {
                let sat = Date::from_iso_week(n, w as u32).add_days(5);
                return Some((sat, sat.add_days(1), Precision::Week));
            }
            return None;
        }
        let d = Date::new(n, num(second)? as u32, num(parts.get(2)?)? as u32)?;
        let p = if time_part.is_some() {
            Precision::Time
        } else {
            Precision::Day
        };
        return Some((d, d, p));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling() {
        let d = Date {
            year: 2024,
            month: 1,
            day: 16,
        };
        let rows = [
            (Val::Day(d), "2024-01-16"),
            (Val::Month(2024, 1), "2024-01"),
            (Val::Decade(199), "199"),
            (Val::Century(19), "19"),
            (Val::Week(2024, 2), "2024-W02"),
            (Val::Weekend(1990, 32), "1990-W32-WE"),
            (Val::Quarter(1998, 3), "1998-Q3"),
            (Val::Season(2024, Season::Winter), "2024-WI"),
            (Val::DayPart(d, DayPart::Night), "2024-01-16TNI"),
            (Val::Clock(d, 15, 0), "2024-01-16T15:00"),
        ];
        for (v, s) in rows {
            assert_eq!(v.timex(), s);
        }
    }

    #[test]
    fn ranges() {
        let rows = [
            ("2024-01-16", "2024-01-16", "2024-01-16", Precision::Day),
            ("2024-02", "2024-02-01", "2024-02-29", Precision::Month),
            ("2024", "2024-01-01", "2024-12-31", Precision::Year),
            ("199", "1990-01-01", "1999-12-31", Precision::Decade),
            ("2024-W03", "2024-01-15", "2024-01-21", Precision::Week),
            ("1998-Q3", "1998-07-01", "1998-09-30", Precision::Quarter),
            (
                "2024-01-16T15:00",
                "2024-01-16",
                "2024-01-16",
                Precision::Time,
            ),
            ("1990-W32-WE", "1990-08-11", "1990-08-12", Precision::Week),
        ];
        for (v, a, b, p) in rows {
            let got = value_range(v).map(|(x, y, p)| (x.to_string(), y.to_string(), p));
            assert_eq!(got, Some((a.to_string(), b.to_string(), p)), "{v}");
        }
        for v in ["PRESENT_REF", "P2Y", "XXXX-WI", "1998-XX-XX", "", "2024-13"] {
            assert_eq!(value_range(v), None, "{v}");
        }
    }
}
