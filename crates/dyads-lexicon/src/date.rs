//! A small calendar date with a precision (year, month or day), enough for
//! dated roles and dictionary date restrictions. No time zones, no times.

use std::fmt;

/// A calendar date; `m` and `d` are 0 when the date is only known to the
/// year or the month (`2004`, `2004-03`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub y: i32,
    /// Month 1-12, or 0 when unknown.
    pub m: u8,
    /// Day 1-31, or 0 when unknown.
    pub d: u8,
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl Date {
    /// A full date, when it is a valid calendar day.
    pub fn ymd(y: i32, m: u8, d: u8) -> Option<Date> {
        let date = Date { y, m, d };
        date.is_valid().then_some(date)
    }

    fn is_valid(&self) -> bool {
        match (self.m, self.d) {
            (0, 0) => true,
            (1..=12, 0) => true,
            (1..=12, d) => d <= days_in_month(self.y, self.m),
            _ => false,
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Anything after a `T` or a
    /// space following a full date (a time) is ignored, so publication
    /// dates like `2024-01-15T11:33:00+03:00` parse to their day.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let s = match s.find(['T', ' ']) {
            Some(10) => s.get(..10).unwrap_or(s),
            _ => s,
        };
        let mut parts = s.split('-');
        let y = parts.next().filter(|p| p.len() == 4).and_then(digits)?;
        let m = match parts.next() {
            None => 0,
            Some(p) if p.len() == 2 => digits(p)?,
            Some(_) => return None,
        };
        let d = match parts.next() {
            None => 0,
            Some(p) if p.len() == 2 => digits(p)?,
            Some(_) => return None,
        };
        if parts.next().is_some() || (m == 0 && d != 0) {
            return None;
        }
        let date = Date {
            y: y as i32,
            m: m as u8,
            d: d as u8,
        };
        date.is_valid().then_some(date)
    }

    /// Parses a KEDS/TABARI/PETRARCH dictionary date: `YYMMDD` (years 00-30
    /// are 20YY, others 19YY, as in TABARI) or `YYYYMMDD`.
    pub fn parse_compact(s: &str) -> Option<Date> {
        let s = s.trim();
        let n = digits(s)?;
        let (y, m, d) = match s.len() {
            6 => {
                let yy = (n / 10_000) as i32;
                let y = if yy <= 30 { 2000 + yy } else { 1900 + yy };
                (y, (n / 100 % 100) as u8, (n % 100) as u8)
            }
            8 => ((n / 10_000) as i32, (n / 100 % 100) as u8, (n % 100) as u8),
            _ => return None,
        };
        if m == 0 || d == 0 {
            return None;
        }
        Date::ymd(y, m, d)
    }

    /// The first day this date may stand for (`2004` -> 2004-01-01).
    pub fn first_day(&self) -> Date {
        Date {
            y: self.y,
            m: self.m.max(1),
            d: self.d.max(1),
        }
    }

    /// The last day this date may stand for (`2004-02` -> 2004-02-29).
    pub fn last_day(&self) -> Date {
        let m = if self.m == 0 { 12 } else { self.m };
        let d = if self.d == 0 {
            days_in_month(self.y, m)
        } else {
            self.d
        };
        Date { y: self.y, m, d }
    }

    /// `YYYYMMDD` of the first day, as PETRARCH dictionaries write dates.
    pub fn compact(&self) -> String {
        let f = self.first_day();
        format!("{:04}{:02}{:02}", f.y, f.m, f.d)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.m, self.d) {
            (0, _) => write!(f, "{:04}", self.y),
            (m, 0) => write!(f, "{:04}-{m:02}", self.y),
            (m, d) => write!(f, "{:04}-{m:02}-{d:02}", self.y),
        }
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("bad date `{s}`")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_dates_to_their_precision() {
        assert_eq!(Date::parse("2004-03-09"), Date::ymd(2004, 3, 9));
        assert_eq!(
            Date::parse("2004-03").map(|d| d.to_string()).as_deref(),
            Some("2004-03")
        );
        assert_eq!(Date::parse("2004").map(|d| (d.m, d.d)), Some((0, 0)));
        assert_eq!(
            Date::parse("2024-01-15T11:33:00+03:00"),
            Date::ymd(2024, 1, 15)
        );
        for bad in [
            "2023-02-29",
            "2004-13",
            "04-03-09",
            "2004-3-9",
            "",
            "2004-03-09-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(Date::parse("2024-02-29"), Date::ymd(2024, 2, 29));
    }

    #[test]
    fn compact_dates_follow_the_tabari_century_rule() {
        assert_eq!(Date::parse_compact("991201"), Date::ymd(1999, 12, 1));
        assert_eq!(Date::parse_compact("110709"), Date::ymd(2011, 7, 9));
        assert_eq!(Date::parse_compact("20110709"), Date::ymd(2011, 7, 9));
        assert_eq!(Date::parse_compact("9008223"), None);
        assert_eq!(Date::parse_compact("1920050709"), None);
    }

    #[test]
    fn precision_bounds() {
        let Some(d) = Date::parse("2004-02") else {
            panic!("parse");
        };
        assert_eq!(
            d.first_day(),
            Date {
                y: 2004,
                m: 2,
                d: 1
            }
        );
        assert_eq!(
            d.last_day(),
            Date {
                y: 2004,
                m: 2,
                d: 29
            }
        );
        assert_eq!(d.compact(), "20040201");
    }
}
