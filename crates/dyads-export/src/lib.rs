//! # dyads-export: the store's tables as CSV, JSON lines and Parquet
//!
//! A [`Table`] is a name, a list of typed [`Column`]s and a stream of rows
//! ([`Value`]s in column order). The tables in [`tables`] read the store a
//! page at a time, and the writers ([`write_csv`], [`write_jsonl`],
//! [`write_parquet`]) consume the rows as they come, so an export never holds
//! the whole table in memory. Adding a table means writing one function that
//! lists its columns and turns store rows into value rows.
//!
//! ## Tables
//!
//! - `mentions`: one row per stored event mention. The first columns are
//!   the GDELT 2.0 Events columns we can fill, under their GDELT names and in
//!   GDELT order (see [`gdelt`]); the dyads columns follow in snake case.
//! - `actors`: one row per resolved actor per document.
//! - `documents`: document metadata; in JSON lines also the clean text and
//!   its layout (paragraphs, sentences, tokens), so `dyads import` can
//!   rebuild the store.
//! - `plover`: one PLOVER-style JSON object per mention (see [`tables::plover`]).
//!
//! [`import::read_line`] reads `documents`, `actors` and `mentions` JSON
//! lines back, for `dyads import`.
//!
//! ## Formats
//!
//! - CSV: a header line, then one line per row, fields quoted as RFC 4180
//!   says (only when they hold a comma, a quote or a line break; quotes
//!   doubled); lines end in `\n`; null is the empty field; nested values are
//!   JSON text. Columns marked JSON-lines-only are left out.
//! - JSON lines: one object per row with every column in order (null
//!   included, nested values as JSON).
//! - Parquet: Snappy-compressed, one row group per 64k rows, Arrow types
//!   Int64, Float64, Boolean, Utf8 and Date32 (a date column is Date32
//!   where the value is a full `YYYY-MM-DD`, null otherwise; the text
//!   column beside it keeps every precision). JSON-lines-only columns are
//!   left out; nested values are JSON text.
#![deny(missing_docs)]

mod csv;
pub mod gdelt;
pub mod import;
mod jsonl;
mod pq;
pub mod tables;

pub use csv::{csv_field, write_csv};
pub use jsonl::write_jsonl;
pub use pq::write_parquet;

/// What went wrong in an export.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] dyads_store::Error),
    /// Writing the output failed.
    #[error("writing: {0}")]
    Io(#[from] std::io::Error),
    /// The Parquet writer failed.
    #[error("parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    /// Building an Arrow batch failed.
    #[error("arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    /// A row held a value of the wrong type for its column (a bug in a table).
    #[error("table {table}, column {column}: expected {expected}")]
    Type {
        /// Table name.
        table: String,
        /// Column name.
        column: String,
        /// The column's type.
        expected: ColumnType,
    },
    /// A row had the wrong number of values (a bug in a table).
    #[error("table {table}: a row has {got} values for {want} columns")]
    Width {
        /// Table name.
        table: String,
        /// Values in the row.
        got: usize,
        /// Columns in the table.
        want: usize,
    },
}

/// Result alias of the exports.
pub type Result<T> = std::result::Result<T, Error>;

/// The type of a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    /// 64-bit integer.
    Int,
    /// 64-bit float.
    Float,
    /// Boolean.
    Bool,
    /// UTF-8 text.
    Text,
    /// A calendar day (`YYYY-MM-DD`); Date32 in Parquet.
    Date,
    /// A nested JSON value: JSON in JSON lines, JSON text elsewhere.
    Json,
}

impl std::fmt::Display for ColumnType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ColumnType::Int => "int",
            ColumnType::Float => "float",
            ColumnType::Bool => "bool",
            ColumnType::Text => "text",
            ColumnType::Date => "date",
            ColumnType::Json => "json",
        })
    }
}

/// One column of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// Its name.
    pub name: &'static str,
    /// Its type.
    pub ty: ColumnType,
    /// Written to JSON lines only (large or nested values that flat formats
    /// do not need: document text, layout, the coder's event object).
    pub jsonl_only: bool,
}

impl Column {
    /// A column written to every format.
    pub const fn new(name: &'static str, ty: ColumnType) -> Column {
        Column {
            name,
            ty,
            jsonl_only: false,
        }
    }

    /// A column written to JSON lines only.
    pub const fn jsonl_only(name: &'static str, ty: ColumnType) -> Column {
        Column {
            name,
            ty,
            jsonl_only: true,
        }
    }
}

/// One value of a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Missing.
    Null,
    /// An integer.
    Int(i64),
    /// A float (NaN and infinities are written as null).
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// Text.
    Text(String),
    /// A day, `YYYY-MM-DD`.
    Date(String),
    /// A nested value.
    Json(serde_json::Value),
}

impl Value {
    /// Text, or null.
    pub fn text(v: Option<impl Into<String>>) -> Value {
        v.map_or(Value::Null, |s| Value::Text(s.into()))
    }

    /// An integer, or null.
    pub fn int(v: Option<i64>) -> Value {
        v.map_or(Value::Null, Value::Int)
    }

    /// A float, or null.
    pub fn float(v: Option<f64>) -> Value {
        v.map_or(Value::Null, Value::Float)
    }
}

/// The rows of a table, produced on demand.
pub type Rows<'a> = Box<dyn Iterator<Item = Result<Vec<Value>>> + 'a>;

/// A table to export: its name, columns and rows.
pub struct Table<'a> {
    /// Its name (`mentions`, `actors`, ...).
    pub name: String,
    /// Its columns, in order.
    pub columns: Vec<Column>,
    /// Its rows, each with one value per column.
    pub rows: Rows<'a>,
}

impl Table<'_> {
    /// The columns written to flat formats (CSV, Parquet).
    pub fn flat_columns(&self) -> Vec<(usize, &Column)> {
        self.columns
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.jsonl_only)
            .collect()
    }
}

/// Checks that a row of table `table` has `want` values.
pub(crate) fn check_width(table: &str, want: usize, row: &[Value]) -> Result<()> {
    if row.len() == want {
        Ok(())
    } else {
        Err(Error::Width {
            table: table.to_string(),
            got: row.len(),
            want,
        })
    }
}

/// Days since 1970-01-01 of an ISO day (`YYYY-MM-DD`, anything after the
/// tenth byte ignored); `None` when it is not a valid day.
pub fn days_since_epoch(iso: &str) -> Option<i32> {
    let b = iso.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = iso.get(0..4)?.parse().ok()?;
    let m: i64 = iso.get(5..7)?.parse().ok()?;
    let d: i64 = iso.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    i32::try_from(era * 146_097 + doe - 719_468).ok()
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// The ISO day (`YYYY-MM-DD`) at the start of `value` when it is a full,
/// valid day.
pub fn full_day(value: &str) -> Option<&str> {
    let day = value.get(0..10)?;
    days_since_epoch(day).map(|_| day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_match_known_dates() {
        assert_eq!(days_since_epoch("1970-01-01"), Some(0));
        assert_eq!(days_since_epoch("2000-03-01"), Some(11_017));
        assert_eq!(days_since_epoch("2024-02-29"), Some(19_782));
        assert_eq!(days_since_epoch("1969-12-31"), Some(-1));
        assert_eq!(days_since_epoch("2023-02-29"), None);
        assert_eq!(days_since_epoch("2024-01"), None);
        assert_eq!(full_day("2024-01-16T10:00"), Some("2024-01-16"));
        assert_eq!(full_day("2024-W03"), None);
    }
}
