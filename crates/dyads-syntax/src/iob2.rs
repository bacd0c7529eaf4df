//! IOB2 named-entity files (the UNER layout: `id<TAB>form<TAB>tag<TAB>...`)
//! and entity spans.

use std::path::Path;

use crate::error::{Error, ErrorKind, Result};

/// A sentence of an IOB2 file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Iob2Sentence {
    /// Comment lines without the leading `# `.
    pub comments: Vec<String>,
    /// Token forms.
    pub forms: Vec<String>,
    /// Tags (`O`, `B-PER`, `I-PER`, ...), one per form.
    pub tags: Vec<String>,
}

/// An entity: tokens `start..end` of a sentence, of type `label`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Entity {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Type (`PER`, `ORG`, `LOC`).
    pub label: String,
}

fn bad(file: &str, line: usize, msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::Iob2(msg.into()))
        .in_file(file)
        .at_line(line)
}

/// Reads an IOB2 text: one token a line with at least id, form and tag
/// columns (tab-separated), sentences separated by blank lines.
pub fn read_iob2(text: &str, file: &str) -> Result<Vec<Iob2Sentence>> {
    let mut out = Vec::new();
    let mut cur = Iob2Sentence::default();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            if !cur.forms.is_empty() || !cur.comments.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            cur.comments
                .push(c.strip_prefix(' ').unwrap_or(c).to_string());
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(_id), Some(form), Some(tag)) = (cols.next(), cols.next(), cols.next()) else {
            return Err(bad(
                file,
                i + 1,
                "at least 3 tab-separated columns expected",
            ));
        };
        let tag = tag.trim();
        if tag != "O" && !(tag.starts_with("B-") || tag.starts_with("I-")) {
            return Err(bad(file, i + 1, format!("bad tag {tag:?}")));
        }
        cur.forms.push(form.to_string());
        cur.tags.push(tag.to_string());
    }
    if !cur.forms.is_empty() || !cur.comments.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Reads an IOB2 file.
pub fn read_iob2_file(path: &Path) -> Result<Vec<Iob2Sentence>> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::from(e).in_file(name.clone()))?;
    read_iob2(&String::from_utf8_lossy(&bytes), &name)
}

/// Entities of a tag sequence, conlleval style: an `I-X` that does not
/// continue an `X` entity starts a new one.
pub fn entities<S: AsRef<str>>(tags: &[S]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    let mut open: Option<Entity> = None;
    for (i, t) in tags.iter().enumerate() {
        let t = t.as_ref();
        let (prefix, label) = match t.split_once('-') {
            Some((p, l)) => (p, l),
            None => ("O", ""),
        };
        let continues = prefix == "I" && open.as_ref().is_some_and(|e| e.label == label);
        if continues {
            if let Some(e) = open.as_mut() {
                e.end = i + 1;
            }
            continue;
        }
        if let Some(e) = open.take() {
            out.push(e);
        }
        if prefix == "B" || prefix == "I" {
            open = Some(Entity {
                start: i,
                end: i + 1,
                label: label.to_string(),
            });
        }
    }
    if let Some(e) = open {
        out.push(e);
    }
    out
}

/// Writes sentences in the IOB2 layout `id<TAB>form<TAB>tag`.
pub fn write_iob2(sentences: &[Iob2Sentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        for c in &s.comments {
            out.push_str("# ");
            out.push_str(c);
            out.push('\n');
        }
        for (i, (f, t)) in s.forms.iter().zip(&s.tags).enumerate() {
            out.push_str(&format!("{}\t{}\t{}\n", i + 1, f.replace('\t', " "), t));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_table() {
        type Row<'a> = (&'a [&'a str], &'a [(usize, usize, &'a str)]);
        let rows: &[Row] = &[
            (&["O", "B-PER", "I-PER", "O"], &[(1, 3, "PER")]),
            (&["B-LOC", "B-LOC"], &[(0, 1, "LOC"), (1, 2, "LOC")]),
            (
                &["I-ORG", "I-ORG", "B-PER"],
                &[(0, 2, "ORG"), (2, 3, "PER")],
            ),
            (&["B-ORG", "I-PER"], &[(0, 1, "ORG"), (1, 2, "PER")]),
            (&["O", "O"], &[]),
        ];
        for (tags, want) in rows {
            let got: Vec<(usize, usize, String)> = entities(tags)
                .into_iter()
                .map(|e| (e.start, e.end, e.label))
                .collect();
            let want: Vec<(usize, usize, String)> = want
                .iter()
                .map(|(a, b, l)| (*a, *b, l.to_string()))
                .collect();
            assert_eq!(got, want, "{tags:?}");
        }
    }

    #[test]
    fn reads_and_writes() {
        let text = "# sent_id = a\n1\tin\tO\t-\t-\n2\tTampa\tB-LOC\t-\tx\n\n";
        let s = read_iob2(text, "t").unwrap_or_default();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].tags, vec!["O", "B-LOC"]);
        let again = read_iob2(&write_iob2(&s), "t").unwrap_or_default();
        assert_eq!(again, s);
        assert!(read_iob2("1\tx\tB_PER\n", "t").is_err());
    }
}
