//! JSON lines: one object per row, keys in column order.

use std::io::Write;

use crate::{check_width, Result, Table, Value};

fn json_of(v: &Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Int(i) => serde_json::Value::from(*i),
        Value::Float(f) => serde_json::Number::from_f64(*f)
            .map_or(serde_json::Value::Null, serde_json::Value::Number),
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Text(s) | Value::Date(s) => serde_json::Value::String(s.clone()),
        Value::Json(j) => j.clone(),
    }
}

/// Writes `table` as JSON lines (every column, null included) and returns
/// the number of rows written.
pub fn write_jsonl(table: Table<'_>, out: &mut impl Write) -> Result<u64> {
    let Table {
        name,
        columns,
        rows,
    } = table;
    let keys: Vec<String> = columns
        .iter()
        .map(|c| serde_json::Value::String(c.name.to_string()).to_string())
        .collect();
    let mut n = 0u64;
    let mut line = String::new();
    for row in rows {
        let row = row?;
        check_width(&name, columns.len(), &row)?;
        line.clear();
        line.push('{');
        for (i, (k, v)) in keys.iter().zip(&row).enumerate() {
            if i > 0 {
                line.push(',');
            }
            line.push_str(k);
            line.push(':');
            line.push_str(&json_of(v).to_string());
        }
        line.push_str("}\n");
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
    fn objects_keep_column_order_and_nulls() -> Result<()> {
        let table = Table {
            name: "t".into(),
            columns: vec![
                Column::new("z", ColumnType::Int),
                Column::new("a", ColumnType::Date),
                Column::jsonl_only("n", ColumnType::Json),
                Column::new("f", ColumnType::Float),
            ],
            rows: Box::new(
                vec![Ok(vec![
                    Value::Int(3),
                    Value::Date("2024-01-02".into()),
                    Value::Json(serde_json::json!([1, 2])),
                    Value::Float(f64::NAN),
                ])]
                .into_iter(),
            ),
        };
        let mut out = Vec::new();
        assert_eq!(write_jsonl(table, &mut out)?, 1);
        assert_eq!(
            String::from_utf8_lossy(&out),
            "{\"z\":3,\"a\":\"2024-01-02\",\"n\":[1,2],\"f\":null}\n"
        );
        Ok(())
    }
}
