//! Word lists: months, weekdays, number words, units, seasons, parts of the
//! day. All lookups take a lowercase word.

use crate::value::{DayPart, Season};

/// Month number of a month name or abbreviation (`jan`, `sept`, `january`).
pub(crate) fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// True for month abbreviations, which need a following period or a number.
pub(crate) fn is_month_abbrev(w: &str) -> bool {
    matches!(
        w,
        "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sept"
            | "sep"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// ISO weekday (Monday 1) of a weekday name or abbreviation.
pub(crate) fn weekday(w: &str) -> Option<u32> {
    Some(match w {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    })
}

/// ISO weekday of a plural weekday name (`mondays`).
pub(crate) fn weekday_plural(w: &str) -> Option<u32> {
    let stem = w.strip_suffix('s')?;
    if stem.len() > 5 {
        weekday(stem)
    } else {
        None
    }
}

/// Value of a cardinal number word (`one` to `ninety`, `hundred`, ...).
pub(crate) fn cardinal(w: &str) -> Option<u32> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Value of an ordinal word (`first` to `thirty-first` pieces, `twentieth`).
pub(crate) fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// True for ordinal suffixes written after digits (`16th`).
pub(crate) fn is_ordinal_suffix(w: &str) -> bool {
    matches!(w, "st" | "nd" | "rd" | "th")
}

/// A unit of time, as durations spell it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// Duration value for `n` units (`None`: unspecified, `X`).
    pub(crate) fn duration(self, n: Option<f64>) -> String {
        let (time, letter, scale) = match self {
            Unit::Second => (true, "S", 1.0),
            Unit::Minute => (true, "M", 1.0),
            Unit::Hour => (true, "H", 1.0),
            Unit::Day => (false, "D", 1.0),
            Unit::Week => (false, "W", 1.0),
            Unit::Month => (false, "M", 1.0),
            Unit::Quarter => (false, "Q", 1.0),
            Unit::Year => (false, "Y", 1.0),
            Unit::Decade => (false, "Y", 10.0),
            Unit::Century => (false, "Y", 100.0),
        };
        let t = if time { "T" } else { "" };
        // Unspecified decades and centuries take TimeBank's letters (from
        // TIDES TIMEX2): `E` for a decade, `C` for a century (`PXC`).
        let Some(n) = n else {
            let letter = match self {
                Unit::Decade => "E",
                Unit::Century => "C",
                _ => letter,
            };
            return format!("P{t}X{letter}");
        };
        let n = n * scale;
        // Whole thousands of years are millennia, TIMEX3's `L`: `two
        // thousand years` is `P2L`.
        if letter == "Y" && n >= 1000.0 && n % 1000.0 == 0.0 {
            return format!("P{}L", (n / 1000.0) as u64);
        }
        if n.fract() == 0.0 {
            return format!("P{t}{}{letter}", n as u64);
        }
        // A half: spell it in the next smaller unit.
        let whole = n.trunc() as u64;
        let half = match self {
            Unit::Year => Some(("M", 6, false)),
            Unit::Month => Some(("D", 15, false)),
            Unit::Day => Some(("H", 12, true)),
            Unit::Hour => Some(("M", 30, true)),
            Unit::Minute => Some(("S", 30, true)),
            _ => None,
        };
        match half {
            Some((small, k, small_time)) if (n.fract() - 0.5).abs() < 1e-9 => {
                let big = if whole > 0 {
                    format!("{whole}{letter}")
                } else {
                    String::new()
                };
                let t = if small_time || time { "T" } else { "" };
                format!("P{t}{big}{k}{small}")
            }
            _ => format!("P{t}{}{letter}", n.round() as u64),
        }
    }
}

/// The unit a (singular or plural) unit word names, and whether it was plural.
pub(crate) fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// A season name.
pub(crate) fn season(w: &str) -> Option<Season> {
    Some(match w {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "fall" | "autumn" => Season::Fall,
        "winter" => Season::Winter,
        _ => return None,
    })
}

/// A part of the day.
pub(crate) fn day_part(w: &str) -> Option<DayPart> {
    Some(match w {
        "morning" => DayPart::Morning,
        "afternoon" => DayPart::Afternoon,
        "evening" => DayPart::Evening,
        "night" => DayPart::Night,
        "daytime" => DayPart::Daytime,
        _ => return None,
    })
}

/// True for time-zone abbreviations written after a clock time.
pub(crate) fn is_zone(w: &str) -> bool {
    matches!(
        w,
        "est"
            | "edt"
            | "et"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "cest"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        let rows = [
            (Unit::Year, Some(2.0), "P2Y"),
            (Unit::Month, Some(6.0), "P6M"),
            (Unit::Hour, Some(48.0), "PT48H"),
            (Unit::Decade, Some(2.0), "P20Y"),
            (Unit::Year, None, "PXY"),
            (Unit::Decade, None, "PXE"),
            (Unit::Century, None, "PXC"),
            (Unit::Year, Some(2.5), "P2Y6M"),
            (Unit::Hour, Some(5.5), "PT5H30M"),
            (Unit::Minute, Some(1.5), "PT1M30S"),
            (Unit::Year, Some(2000.0), "P2L"),
            (Unit::Century, Some(10.0), "P1L"),
            (Unit::Year, Some(1500.0), "P1500Y"),
            (Unit::Hour, Some(0.5), "PT30M"),
        ];
        for (u, n, v) in rows {
            assert_eq!(u.duration(n), v);
        }
    }

    #[test]
    fn words() {
        assert_eq!(month("sept"), Some(9));
        assert_eq!(weekday("thurs"), Some(4));
        assert_eq!(weekday_plural("mondays"), Some(1));
        assert_eq!(weekday_plural("mons"), None);
        assert_eq!(unit("decades"), Some((Unit::Decade, true)));
        assert_eq!(ordinal("twentieth"), Some(20));
        assert!(is_zone("edt"));
    }
}
