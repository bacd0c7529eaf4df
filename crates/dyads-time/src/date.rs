//! Civil (proleptic Gregorian) calendar arithmetic: days from civil, weekday,
//! ISO week, month arithmetic and a few movable feasts. No date crate.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A calendar day in the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    /// Year (astronomical; 1 BC is 0).
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u32,
    /// Day of the month, 1 to 31.
    pub day: u32,
}

/// True in a Gregorian leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` of `year` (0 for a month out of range).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, or `None` when the month or day is out of range.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// ISO weekday: Monday is 1, Sunday is 7.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u32
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// The date `n` months later, the day clamped to the month's length.
    pub fn add_months(self, n: i64) -> Date {
        let (year, month) = add_months(self.year, self.month, n);
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// ISO 8601 week-numbering year and week (1 to 53).
    pub fn iso_week(self) -> (i32, u32) {
        let wd = i64::from(self.weekday());
        // The Thursday of this week decides the week's year.
        let thursday = self.add_days(4 - wd);
        let jan1 = Date {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
        (thursday.year, week as u32)
    }

    /// The Monday of ISO week `week` of ISO year `year`.
    pub fn from_iso_week(year: i32, week: u32) -> Date {
        let jan4 = Date {
            year,
            month: 1,
            day: 4,
        };
        let monday1 = jan4.add_days(1 - i64::from(jan4.weekday()));
        monday1.add_days(7 * (i64::from(week) - 1))
    }

    /// The last day of this date's month.
    pub fn month_end(self) -> Date {
        Date {
            day: days_in_month(self.year, self.month),
            ..self
        }
    }

    /// Calendar quarter, 1 to 4.
    pub fn quarter(self) -> u32 {
        (self.month - 1) / 3 + 1
    }
}

/// `(year, month)` moved by `n` months.
pub fn add_months(year: i32, month: u32, n: i64) -> (i32, u32) {
    let total = i64::from(year) * 12 + i64::from(month) - 1 + n;
    (
        total.div_euclid(12) as i32,
        (total.rem_euclid(12) + 1) as u32,
    )
}

/// The `nth` (1-based) given ISO weekday of a month; `nth` 5 or more means the last.
pub fn nth_weekday(year: i32, month: u32, weekday: u32, nth: u32) -> Date {
    let first = Date {
        year,
        month,
        day: 1,
    };
    let offset = (i64::from(weekday) - i64::from(first.weekday())).rem_euclid(7);
    let mut d = first.add_days(offset + 7 * (i64::from(nth.max(1)) - 1));
    while d.month != month {
        d = d.add_days(-7);
    }
    d
}

/// Easter Sunday (Gregorian computus, anonymous algorithm).
pub fn easter(year: i32) -> Date {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date {
        year,
        month: month as u32,
        day: day as u32,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Why a date string did not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateParseError(pub String);

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a YYYY-MM-DD date: {:?}", self.0)
    }
}

impl std::error::Error for DateParseError {}

impl FromStr for Date {
    type Err = DateParseError;

    /// Parses `YYYY-MM-DD`, ignoring anything after the day (`T12:00`), and
    /// the compact `YYYYMMDD`.
    fn from_str(s: &str) -> Result<Date, DateParseError> {
        let err = || DateParseError(s.to_string());
        let s = s.trim();
        let (y, m, d) = if s.len() >= 10 && s.as_bytes().get(4) == Some(&b'-') {
            (s.get(0..4), s.get(5..7), s.get(8..10))
        } else if s.len() == 8 {
            (s.get(0..4), s.get(4..6), s.get(6..8))
        } else {
            return Err(err());
        };
        let num = |p: Option<&str>| -> Option<u32> {
            let p = p?;
            if p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().ok()
            } else {
                None
            }
        };
        let (y, m, d) = match (num(y), num(m), num(d)) {
            (Some(y), Some(m), Some(d)) => (y, m, d),
            _ => return Err(err()),
        };
        Date::new(y as i32, m, d).ok_or_else(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        match s.parse() {
            Ok(d) => d,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn days_round_trip() {
        for days in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(d("1970-01-01").to_days(), 0);
        assert_eq!(d("2000-03-01").to_days(), 11_017);
    }

    #[test]
    fn weekdays_and_weeks() {
        // (date, ISO weekday, ISO year, ISO week)
        let rows = [
            ("2024-01-16", 2, 2024, 3),
            ("2024-01-01", 1, 2024, 1),
            ("2021-01-03", 7, 2020, 53),
            ("2008-12-29", 1, 2009, 1),
            ("1998-03-01", 7, 1998, 9),
            ("1990-08-13", 1, 1990, 33),
        ];
        for (s, wd, y, w) in rows {
            assert_eq!(d(s).weekday(), wd, "{s}");
            assert_eq!(d(s).iso_week(), (y, w), "{s}");
            let monday = Date::from_iso_week(y, w);
            assert_eq!(monday.weekday(), 1);
            assert_eq!(monday.iso_week(), (y, w));
        }
    }

    #[test]
    fn months_and_feasts() {
        assert_eq!(d("2024-01-31").add_months(1), d("2024-02-29"));
        assert_eq!(d("2024-01-16").add_months(-13), d("2022-12-16"));
        assert_eq!(add_months(2024, 1, -1), (2023, 12));
        assert_eq!(easter(2024), d("2024-03-31"));
        assert_eq!(easter(2000), d("2000-04-23"));
        assert_eq!(nth_weekday(1999, 11, 4, 4), d("1999-11-25"));
        assert_eq!(nth_weekday(2024, 5, 1, 5), d("2024-05-27"));
        assert_eq!(d("19980108"), d("1998-01-08"));
        assert!("1998-02-30".parse::<Date>().is_err());
        assert_eq!(d("1998-02-13T14:26:00").day, 13);
    }
}
