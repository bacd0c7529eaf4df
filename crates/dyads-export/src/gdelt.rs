//! The GDELT 2.0 Events columns of the `mentions` and `events` tables.
//!
//! The table below is for `mentions` (one row per mention); `events` (one
//! row per event record) fills the same columns from the record, with its
//! record id as `GlobalEventID` and its real mention, outlet and article
//! counts (see [`crate::tables::events`]).
//!
//! The `mentions` table starts with the GDELT 2.0 Events columns that a
//! dyads mention can fill, under their GDELT names and in GDELT order, so a
//! script written for GDELT's event files can read the leading columns as
//! they are:
//!
//! | GDELT column | from |
//! |---|---|
//! | `GlobalEventID` | the mention id |
//! | `Day` | the event date as `YYYYMMDD` (null unless dated to the day) |
//! | `MonthYear` | `YYYYMM` (null unless dated to the month) |
//! | `Year` | `YYYY` (null when undated) |
//! | `FractionDate` | `YYYY + (month * 30 + day) / 365`, GDELT's formula (day precision only) |
//! | `Actor1Code`, `Actor1Name`, `Actor1CountryCode`, `Actor1Type1Code` | source: CAMEO actor code, display name, ISO alpha-3 country, sector |
//! | `Actor2Code`, `Actor2Name`, `Actor2CountryCode`, `Actor2Type1Code` | target, likewise |
//! | `EventCode`, `EventBaseCode`, `EventRootCode` | the CAMEO code and its first three and two digits |
//! | `QuadClass`, `GoldsteinScale` | as in GDELT |
//! | `NumMentions`, `NumSources`, `NumArticles` | 1 each: a row is one mention in one article |
//! | `ActionGeo_FullName`, `ActionGeo_CountryCode`, `ActionGeo_Lat`, `ActionGeo_Long` | the event's place |
//! | `DATEADDED` | when the article was stored, `YYYYMMDDHHMMSS` (UTC) |
//! | `SOURCEURL` | the article's URL |
//!
//! Differences: country codes are ISO 3166-1 alpha-3 (GDELT uses CAMEO
//! country codes for actors, mostly the same, and FIPS 10-4 for places);
//! for a compound actor (`Israel and Egypt`) the first member fills the
//! Actor columns. Left out, since dyads does not produce them:
//! `Actor1KnownGroupCode`, `Actor1EthnicCode`, `Actor1Religion1Code`,
//! `Actor1Religion2Code`, `Actor1Type2Code`, `Actor1Type3Code` (and the
//! same for Actor2), `IsRootEvent`, `AvgTone`, all `Actor1Geo_*` and
//! `Actor2Geo_*` columns, and `ActionGeo_Type`, `ActionGeo_ADM1Code`,
//! `ActionGeo_ADM2Code`, `ActionGeo_FeatureID`.

use crate::{full_day, Column, ColumnType, Value};

/// The GDELT 2.0 Events columns dyads fills, in GDELT order.
pub const COLUMNS: &[Column] = &[
    Column::new("GlobalEventID", ColumnType::Int),
    Column::new("Day", ColumnType::Int),
    Column::new("MonthYear", ColumnType::Int),
    Column::new("Year", ColumnType::Int),
    Column::new("FractionDate", ColumnType::Float),
    Column::new("Actor1Code", ColumnType::Text),
    Column::new("Actor1Name", ColumnType::Text),
    Column::new("Actor1CountryCode", ColumnType::Text),
    Column::new("Actor1Type1Code", ColumnType::Text),
    Column::new("Actor2Code", ColumnType::Text),
    Column::new("Actor2Name", ColumnType::Text),
    Column::new("Actor2CountryCode", ColumnType::Text),
    Column::new("Actor2Type1Code", ColumnType::Text),
    Column::new("EventCode", ColumnType::Text),
    Column::new("EventBaseCode", ColumnType::Text),
    Column::new("EventRootCode", ColumnType::Text),
    Column::new("QuadClass", ColumnType::Int),
    Column::new("GoldsteinScale", ColumnType::Float),
    Column::new("NumMentions", ColumnType::Int),
    Column::new("NumSources", ColumnType::Int),
    Column::new("NumArticles", ColumnType::Int),
    Column::new("ActionGeo_FullName", ColumnType::Text),
    Column::new("ActionGeo_CountryCode", ColumnType::Text),
    Column::new("ActionGeo_Lat", ColumnType::Float),
    Column::new("ActionGeo_Long", ColumnType::Float),
    Column::new("DATEADDED", ColumnType::Int),
    Column::new("SOURCEURL", ColumnType::Text),
];

/// `Day`, `MonthYear`, `Year` and `FractionDate` of an ISO date to its
/// precision (`2024-01-16`, `2024-01`, `2024`; anything else gives nulls).
pub fn date_columns(date: Option<&str>) -> [Value; 4] {
    let Some(date) = date else {
        return [Value::Null, Value::Null, Value::Null, Value::Null];
    };
    let num = |s: Option<&str>| -> Option<i64> {
        s.filter(|x| x.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|x| x.parse().ok())
    };
    let year = num(date.get(0..4));
    let month = if date.get(4..5) == Some("-") {
        num(date.get(5..7)).filter(|m| (1..=12).contains(m))
    } else {
        None
    };
    let day = full_day(date).and_then(|d| num(d.get(8..10)));
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => [
            Value::Int(y * 10_000 + m * 100 + d),
            Value::Int(y * 100 + m),
            Value::Int(y),
            Value::Float(((y as f64 + (m * 30 + d) as f64 / 365.0) * 10_000.0).round() / 10_000.0),
        ],
        (Some(y), Some(m), None) => [
            Value::Null,
            Value::Int(y * 100 + m),
            Value::Int(y),
            Value::Null,
        ],
        (Some(y), None, _) => [Value::Null, Value::Null, Value::Int(y), Value::Null],
        _ => [Value::Null, Value::Null, Value::Null, Value::Null],
    }
}

/// `EventBaseCode` and `EventRootCode` of a CAMEO code (`0431` gives `043`
/// and `04`); a code shorter than a level repeats itself.
pub fn cameo_levels(code: &str) -> (String, String) {
    let base = code.get(0..3).unwrap_or(code).to_string();
    let root = code.get(0..2).unwrap_or(code).to_string();
    (base, root)
}

/// `DATEADDED` (`YYYYMMDDHHMMSS`) of a stored timestamp
/// (`YYYY-MM-DDTHH:MM:SSZ`); null when it is not one.
pub fn date_added(ts: &str) -> Value {
    let digits: String = ts.chars().filter(char::is_ascii_digit).collect();
    if digits.len() == 14 {
        digits.parse().map_or(Value::Null, Value::Int)
    } else {
        Value::Null
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_gdelt() {
        assert_eq!(
            date_columns(Some("2024-01-16")),
            [
                Value::Int(20_240_116),
                Value::Int(202_401),
                Value::Int(2024),
                Value::Float(2024.126)
            ]
        );
        assert_eq!(
            date_columns(Some("2024-03")),
            [
                Value::Null,
                Value::Int(202_403),
                Value::Int(2024),
                Value::Null
            ]
        );
        assert_eq!(
            date_columns(Some("2024")),
            [Value::Null, Value::Null, Value::Int(2024), Value::Null]
        );
        assert_eq!(date_columns(Some("2024-W03"))[2], Value::Int(2024));
        assert_eq!(date_columns(Some("2024-W03"))[1], Value::Null);
        assert_eq!(date_columns(None)[3], Value::Null);
        assert_eq!(date_columns(Some("abcd"))[2], Value::Null);
    }

    #[test]
    fn cameo_levels_and_date_added() {
        assert_eq!(cameo_levels("0431"), ("043".into(), "04".into()));
        assert_eq!(cameo_levels("190"), ("190".into(), "19".into()));
        assert_eq!(cameo_levels("01"), ("01".into(), "01".into()));
        assert_eq!(
            date_added("2024-01-16T10:20:30Z"),
            Value::Int(20_240_116_102_030)
        );
        assert_eq!(date_added("yesterday"), Value::Null);
    }

    #[test]
    fn gdelt_columns_keep_gdelt_order() {
        // The positions of these columns in GDELT 2.0's 61-column event
        // table, which our subset must keep increasing.
        let gdelt = [
            "GlobalEventID",
            "Day",
            "MonthYear",
            "Year",
            "FractionDate",
            "Actor1Code",
            "Actor1Name",
            "Actor1CountryCode",
            "Actor1KnownGroupCode",
            "Actor1EthnicCode",
            "Actor1Religion1Code",
            "Actor1Religion2Code",
            "Actor1Type1Code",
            "Actor1Type2Code",
            "Actor1Type3Code",
            "Actor2Code",
            "Actor2Name",
            "Actor2CountryCode",
            "Actor2KnownGroupCode",
            "Actor2EthnicCode",
            "Actor2Religion1Code",
            "Actor2Religion2Code",
            "Actor2Type1Code",
            "Actor2Type2Code",
            "Actor2Type3Code",
            "IsRootEvent",
            "EventCode",
            "EventBaseCode",
            "EventRootCode",
            "QuadClass",
            "GoldsteinScale",
            "NumMentions",
            "NumSources",
            "NumArticles",
            "AvgTone",
            "Actor1Geo_Type",
            "Actor1Geo_FullName",
            "Actor1Geo_CountryCode",
            "Actor1Geo_ADM1Code",
            "Actor1Geo_ADM2Code",
            "Actor1Geo_Lat",
            "Actor1Geo_Long",
            "Actor1Geo_FeatureID",
            "Actor2Geo_Type",
            "Actor2Geo_FullName",
            "Actor2Geo_CountryCode",
            "Actor2Geo_ADM1Code",
            "Actor2Geo_ADM2Code",
            "Actor2Geo_Lat",
            "Actor2Geo_Long",
            "Actor2Geo_FeatureID",
            "ActionGeo_Type",
            "ActionGeo_FullName",
            "ActionGeo_CountryCode",
            "ActionGeo_ADM1Code",
            "ActionGeo_ADM2Code",
            "ActionGeo_Lat",
            "ActionGeo_Long",
            "ActionGeo_FeatureID",
            "DATEADDED",
            "SOURCEURL",
        ];
        assert_eq!(gdelt.len(), 61);
        let pos: Vec<Option<usize>> = COLUMNS
            .iter()
            .map(|c| gdelt.iter().position(|g| *g == c.name))
            .collect();
        assert!(pos.iter().all(Option::is_some), "{pos:?}");
        assert!(pos.windows(2).all(|w| w[0] < w[1]), "{pos:?}");
    }
}
