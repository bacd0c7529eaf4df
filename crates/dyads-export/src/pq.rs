//! Parquet through Arrow record batches.

use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::csv::flat_text;
use crate::{check_width, days_since_epoch, Column, ColumnType, Error, Result, Table, Value};

/// Rows per record batch.
const BATCH_ROWS: usize = 8192;
/// Rows per row group.
const GROUP_ROWS: usize = 65_536;

fn data_type(t: ColumnType) -> DataType {
    match t {
        ColumnType::Int => DataType::Int64,
        ColumnType::Float => DataType::Float64,
        ColumnType::Bool => DataType::Boolean,
        ColumnType::Text | ColumnType::Json => DataType::Utf8,
        ColumnType::Date => DataType::Date32,
    }
}

enum Builder {
    Int(Int64Builder),
    Float(Float64Builder),
    Bool(BooleanBuilder),
    Text(StringBuilder),
    Date(Date32Builder),
}

impl Builder {
    fn new(t: ColumnType) -> Builder {
        match t {
            ColumnType::Int => Builder::Int(Int64Builder::with_capacity(BATCH_ROWS)),
            ColumnType::Float => Builder::Float(Float64Builder::with_capacity(BATCH_ROWS)),
            ColumnType::Bool => Builder::Bool(BooleanBuilder::with_capacity(BATCH_ROWS)),
            ColumnType::Text | ColumnType::Json => {
                Builder::Text(StringBuilder::with_capacity(BATCH_ROWS, BATCH_ROWS * 16))
            }
            ColumnType::Date => Builder::Date(Date32Builder::with_capacity(BATCH_ROWS)),
        }
    }

    /// Appends `v`; false when its type does not fit the column.
    fn push(&mut self, v: &Value) -> bool {
        match (self, v) {
            (Builder::Int(b), Value::Null) => b.append_null(),
            (Builder::Int(b), Value::Int(i)) => b.append_value(*i),
            (Builder::Float(b), Value::Null) => b.append_null(),
            (Builder::Float(b), Value::Float(f)) if f.is_finite() => b.append_value(*f),
            (Builder::Float(b), Value::Float(_)) => b.append_null(),
            (Builder::Float(b), Value::Int(i)) => b.append_value(*i as f64),
            (Builder::Bool(b), Value::Null) => b.append_null(),
            (Builder::Bool(b), Value::Bool(x)) => b.append_value(*x),
            (Builder::Text(b), Value::Null) => b.append_null(),
            (Builder::Text(b), v) => b.append_value(flat_text(v)),
            (Builder::Date(b), Value::Null) => b.append_null(),
            (Builder::Date(b), Value::Date(s)) => b.append_option(days_since_epoch(s)),
            _ => return false,
        }
        true
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Int(b) => Arc::new(b.finish()),
            Builder::Float(b) => Arc::new(b.finish()),
            Builder::Bool(b) => Arc::new(b.finish()),
            Builder::Text(b) => Arc::new(b.finish()),
            Builder::Date(b) => Arc::new(b.finish()),
        }
    }

    fn len(&self) -> usize {
        match self {
            Builder::Int(b) => b.len(),
            Builder::Float(b) => b.len(),
            Builder::Bool(b) => b.len(),
            Builder::Text(b) => b.len(),
            Builder::Date(b) => b.len(),
        }
    }
}

/// The Arrow schema of a table's flat columns.
pub fn arrow_schema(columns: &[&Column]) -> SchemaRef {
    Arc::new(Schema::new(
        columns
            .iter()
            .map(|c| Field::new(c.name, data_type(c.ty), true))
            .collect::<Vec<_>>(),
    ))
}

/// Writes `table` as Parquet (JSON-lines-only columns left out), in record
/// batches of 8,192 rows, and returns the number of rows written.
pub fn write_parquet<W: Write + Send>(table: Table<'_>, out: W) -> Result<u64> {
    let Table {
        name,
        columns,
        rows,
    } = table;
    let flat: Vec<(usize, &Column)> = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.jsonl_only)
        .collect();
    let schema = arrow_schema(&flat.iter().map(|(_, c)| *c).collect::<Vec<_>>());
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(GROUP_ROWS))
        .build();
    let mut writer = ArrowWriter::try_new(out, schema.clone(), Some(props))?;
    let mut builders: Vec<Builder> = flat.iter().map(|(_, c)| Builder::new(c.ty)).collect();
    let mut n = 0u64;
    let flush = |builders: &mut Vec<Builder>, writer: &mut ArrowWriter<W>| -> Result<()> {
        if builders.first().is_none_or(|b| b.len() == 0) {
            return Ok(());
        }
        let arrays: Vec<ArrayRef> = builders.iter_mut().map(Builder::finish).collect();
        let batch = RecordBatch::try_new(schema.clone(), arrays)?;
        writer.write(&batch)?;
        Ok(())
    };
    for row in rows {
        let row = row?;
        check_width(&name, columns.len(), &row)?;
        for ((i, c), b) in flat.iter().zip(builders.iter_mut()) {
            let v = row.get(*i).unwrap_or(&Value::Null);
            if !b.push(v) {
                return Err(Error::Type {
                    table: name.clone(),
                    column: c.name.to_string(),
                    expected: c.ty,
                });
            }
        }
        n += 1;
        if n.is_multiple_of(BATCH_ROWS as u64) {
            flush(&mut builders, &mut writer)?;
        }
    }
    flush(&mut builders, &mut writer)?;
    writer.close()?;
    Ok(n)
}
