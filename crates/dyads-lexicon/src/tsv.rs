//! The TSV dialect of the built-in data files: UTF-8, `#` comment lines,
//! blank lines ignored, one header line naming the columns, then one entry
//! per line with exactly the header's number of tab-separated columns;
//! lists inside a column are separated by `|`.

use crate::error::{Error, ErrorKind};

/// One data row: its 1-based line number and its fields.
#[derive(Debug)]
pub(crate) struct Row<'a> {
    pub line: usize,
    pub fields: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// Field `i`, trimmed (`""` when out of range, which validation prevents).
    pub fn get(&self, i: usize) -> &'a str {
        self.fields.get(i).map_or("", |s| s.trim())
    }

    /// Field `i` as an optional value (`None` when empty).
    pub fn opt(&self, i: usize) -> Option<&'a str> {
        Some(self.get(i)).filter(|s| !s.is_empty())
    }

    /// Field `i` split as a `|` list.
    pub fn list(&self, i: usize) -> Vec<&'a str> {
        split_list(self.get(i))
    }
}

/// Splits a `|` list, trimming items and dropping empty ones.
pub(crate) fn split_list(s: &str) -> Vec<&str> {
    s.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Reads the rows of a TSV file whose header must be `header`. Rows with the
/// wrong number of columns become errors in `errors` and are skipped.
pub(crate) fn read<'a>(
    file: &str,
    text: &'a str,
    header: &[&str],
    errors: &mut Vec<Error>,
) -> Vec<Row<'a>> {
    let mut rows = Vec::new();
    let mut seen_header = false;
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if !seen_header {
            seen_header = true;
            if fields.iter().map(|f| f.trim()).ne(header.iter().copied()) {
                errors.push(Error::new(
                    file,
                    line_no,
                    ErrorKind::Header(header.join("\\t")),
                ));
                return rows;
            }
            continue;
        }
        if fields.len() != header.len() {
            errors.push(Error::new(
                file,
                line_no,
                ErrorKind::Columns {
                    expected: header.len(),
                    found: fields.len(),
                },
            ));
            continue;
        }
        rows.push(Row {
            line: line_no,
            fields,
        });
    }
    if !seen_header {
        errors.push(Error::new(file, 0, ErrorKind::Header(header.join("\\t"))));
    }
    rows
}

/// True for an ISO-style code: three uppercase ASCII letters.
pub(crate) fn is_country_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// True for a CAMEO code: uppercase letters and digits, at least three.
pub(crate) fn is_cameo_code(s: &str) -> bool {
    s.len() >= 3
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_reports_bad_ones_by_line() {
        let text = "# comment\nid\tname\n\na\tAlpha\nb\tBeta\textra\n# another\nc\tGamma\n";
        let mut errors = Vec::new();
        let rows = read("t.tsv", text, &["id", "name"], &mut errors);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].line, 7);
        assert_eq!(rows[1].get(1), "Gamma");
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            "t.tsv:5: expected 2 tab-separated columns, found 3"
        );
        let mut errors = Vec::new();
        assert!(read("t.tsv", "x\ty\n", &["id", "name"], &mut errors).is_empty());
        assert_eq!(errors.len(), 1);
        assert_eq!(split_list(" a | |b|"), vec!["a", "b"]);
    }
}
