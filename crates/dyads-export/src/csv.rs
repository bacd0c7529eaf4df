//! CSV with RFC 4180 quoting.

use std::io::Write;

use crate::{check_width, Result, Table, Value};

/// One CSV field: quoted (with inner quotes doubled) when it holds a comma,
/// a double quote, a carriage return or a line feed, as RFC 4180 says;
/// otherwise as it is.
pub fn csv_field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\r', '\n']) {
        std::borrow::Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// The text of a value in a flat format (CSV): empty for null.
pub(crate) fn flat_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) if f.is_finite() => f.to_string(),
        Value::Float(_) => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Text(s) | Value::Date(s) => s.clone(),
        Value::Json(j) => j.to_string(),
    }
}

/// Writes `table` as CSV (header first; JSON-lines-only columns left out)
/// and returns the number of rows written.
pub fn write_csv(table: Table<'_>, out: &mut impl Write) -> Result<u64> {
    let cols: Vec<usize> = table.flat_columns().into_iter().map(|(i, _)| i).collect();
    let header: Vec<String> = cols
        .iter()
        .filter_map(|&i| table.columns.get(i))
        .map(|c| csv_field(c.name).into_owned())
        .collect();
    writeln!(out, "{}", header.join(","))?;
    let mut n = 0u64;
    let mut line = String::new();
    let Table {
        name,
        columns,
        rows,
    } = table;
    for row in rows {
        let row = row?;
        check_width(&name, columns.len(), &row)?;
        line.clear();
        for (k, &i) in cols.iter().enumerate() {
            if k > 0 {
                line.push(',');
            }
            if let Some(v) = row.get(i) {
                line.push_str(&csv_field(&flat_text(v)));
            }
        }
        line.push('\n');
        out.write_all(line.as_bytes())?;
        n += 1;
    }
    out.flush()?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Column, ColumnType};

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field(""), "");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("cr\rhere"), "\"cr\rhere\"");
        assert_eq!(csv_field("semi;colon 'single'"), "semi;colon 'single'");
    }

    #[test]
    fn rows_are_written_with_nulls_empty_and_jsonl_columns_left_out() -> Result<()> {
        let rows = vec![
            Ok(vec![
                Value::Int(1),
                Value::Text("Kyiv, Ukraine".into()),
                Value::Null,
                Value::Json(serde_json::json!({"a": 1})),
                Value::Text("long text".into()),
            ]),
            Ok(vec![
                Value::Int(2),
                Value::Null,
                Value::Float(-2.5),
                Value::Json(serde_json::json!(["x", "y"])),
                Value::Null,
            ]),
        ];
        let table = Table {
            name: "t".into(),
            columns: vec![
                Column::new("id", ColumnType::Int),
                Column::new("place", ColumnType::Text),
                Column::new("score", ColumnType::Float),
                Column::new("extra", ColumnType::Json),
                Column::jsonl_only("text", ColumnType::Text),
            ],
            rows: Box::new(rows.into_iter()),
        };
        let mut out = Vec::new();
        assert_eq!(write_csv(table, &mut out)?, 2);
        let got = String::from_utf8_lossy(&out);
        assert_eq!(
            got,
            "id,place,score,extra\n1,\"Kyiv, Ukraine\",,\"{\"\"a\"\":1}\"\n2,,-2.5,\"[\"\"x\"\",\"\"y\"\"]\"\n"
        );
        Ok(())
    }
}
