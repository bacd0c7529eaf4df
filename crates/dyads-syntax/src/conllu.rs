//! CoNLL-U reading and writing.
//!
//! The reader keeps comments, records multiword token lines (`1-2`) as
//! [`MultiWord`]s, skips empty nodes (`8.1`), and reports a malformed line as
//! an [`Error`] naming the file and line. It never panics, whatever the input.

use std::fmt::Write as _;
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};

/// One syntactic word (a CoNLL-U line with an integer id).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Word {
    /// 1-based position in the sentence.
    pub id: u32,
    /// Word form.
    pub form: String,
    /// Lemma (`_` when unknown).
    pub lemma: String,
    /// Universal part of speech.
    pub upos: String,
    /// Language-specific tag (Penn Treebank for English).
    pub xpos: String,
    /// Morphological features, `Key=Value|...` or `_`.
    pub feats: String,
    /// Head id (0 for the root), `None` when the column is `_`.
    pub head: Option<u32>,
    /// Dependency relation.
    pub deprel: String,
    /// Enhanced dependencies (kept verbatim).
    pub deps: String,
    /// Anything else (`SpaceAfter=No`, offsets).
    pub misc: String,
}

/// A multiword token line such as `1-2 don't` (tab-separated).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MultiWord {
    /// Id of its first word.
    pub first: u32,
    /// Id of its last word.
    pub last: u32,
    /// The surface form.
    pub form: String,
    /// Its MISC column.
    pub misc: String,
}

/// A sentence: comments, words and multiword tokens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Comment lines without the leading `# `.
    pub comments: Vec<String>,
    /// Words in order; `words[i].id == i + 1`.
    pub words: Vec<Word>,
    /// Multiword tokens in order.
    pub multiwords: Vec<MultiWord>,
}

impl Sentence {
    /// The value of comment `# key = value`, if present.
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let (k, v) = c.split_once('=')?;
            (k.trim() == key).then(|| v.trim())
        })
    }

    /// The `# text` comment.
    pub fn text(&self) -> Option<&str> {
        self.comment("text")
    }

    /// The `# sent_id` comment.
    pub fn sent_id(&self) -> Option<&str> {
        self.comment("sent_id")
    }

    /// The `# newdoc id` comment, when this sentence opens a document.
    pub fn newdoc_id(&self) -> Option<&str> {
        self.comment("newdoc id")
    }
}

fn bad(file: &str, line: usize, msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::Conllu(msg.into()))
        .in_file(file)
        .at_line(line)
}

/// Reads every sentence of a CoNLL-U text. `file` names the source in errors.
pub fn read_conllu(text: &str, file: &str) -> Result<Vec<Sentence>> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let mut open = false;
    for (i, raw) in text.lines().enumerate() {
        let lineno = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            if open {
                finish(&mut cur, file, lineno)?;
                out.push(std::mem::take(&mut cur));
                open = false;
            }
            continue;
        }
        open = true;
        if let Some(c) = line.strip_prefix('#') {
            cur.comments
                .push(c.strip_prefix(' ').unwrap_or(c).to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(bad(
                file,
                lineno,
                format!("10 tab-separated columns expected, found {}", cols.len()),
            ));
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // empty node
        }
        if let Some((a, b)) = id.split_once('-') {
            let (Ok(first), Ok(last)) = (a.parse::<u32>(), b.parse::<u32>()) else {
                return Err(bad(file, lineno, format!("bad multiword id {id:?}")));
            };
            if first == 0 || last < first {
                return Err(bad(file, lineno, format!("bad multiword range {id:?}")));
            }
            cur.multiwords.push(MultiWord {
                first,
                last,
                form: cols[1].to_string(),
                misc: cols[9].to_string(),
            });
            continue;
        }
        let Ok(id) = id.parse::<u32>() else {
            return Err(bad(file, lineno, format!("bad word id {id:?}")));
        };
        if id as usize != cur.words.len() + 1 {
            return Err(bad(
                file,
                lineno,
                format!(
                    "word id {id} out of sequence (expected {})",
                    cur.words.len() + 1
                ),
            ));
        }
        let head = match cols[6] {
            "_" => None,
            h => match h.parse::<u32>() {
                Ok(h) => Some(h),
                Err(_) => return Err(bad(file, lineno, format!("bad head {h:?}"))),
            },
        };
        cur.words.push(Word {
            id,
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if open {
        let n = text.lines().count();
        finish(&mut cur, file, n)?;
        out.push(cur);
    }
    Ok(out)
}

/// Checks heads and multiword ranges once a sentence is complete.
fn finish(s: &mut Sentence, file: &str, lineno: usize) -> Result<()> {
    let n = s.words.len() as u32;
    if n == 0 && !s.multiwords.is_empty() {
        return Err(bad(file, lineno, "multiword token without words"));
    }
    for w in &s.words {
        if let Some(h) = w.head {
            if h > n || h == w.id {
                return Err(bad(
                    file,
                    lineno,
                    format!("word {} has head {h} outside 0..={n} or itself", w.id),
                ));
            }
        }
    }
    for m in &s.multiwords {
        if m.last > n {
            return Err(bad(
                file,
                lineno,
                format!("multiword {}-{} past the last word", m.first, m.last),
            ));
        }
    }
    Ok(())
}

/// Reads a CoNLL-U file.
pub fn read_conllu_file(path: &Path) -> Result<Vec<Sentence>> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::from(e).in_file(name.clone()))?;
    let text = String::from_utf8_lossy(&bytes);
    read_conllu(&text, &name)
}

/// Writes sentences as CoNLL-U text (each followed by a blank line).
pub fn write_conllu(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        write_sentence(s, &mut out);
    }
    out
}

/// Appends one sentence in CoNLL-U to `out`.
pub fn write_sentence(s: &Sentence, out: &mut String) {
    for c in &s.comments {
        out.push_str("# ");
        out.push_str(c);
        out.push('\n');
    }
    let mut mw = s.multiwords.iter().peekable();
    for w in &s.words {
        while let Some(m) = mw.peek() {
            if m.first > w.id {
                break;
            }
            if m.first == w.id {
                let _ = writeln!(
                    out,
                    "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}",
                    m.first,
                    m.last,
                    field(&m.form),
                    field(&m.misc)
                );
            }
            mw.next();
        }
        let head = match w.head {
            Some(h) => h.to_string(),
            None => "_".to_string(),
        };
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            w.id,
            field(&w.form),
            field(&w.lemma),
            field(&w.upos),
            field(&w.xpos),
            field(&w.feats),
            head,
            field(&w.deprel),
            field(&w.deps),
            field(&w.misc)
        );
    }
    out.push('\n');
}

/// A column value: `_` when empty; tabs and newlines become spaces.
fn field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_empty() {
        "_".into()
    } else if s.contains(['\t', '\n', '\r']) {
        s.replace(['\t', '\n', '\r'], " ").into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = x-1\n# text = I don't.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\t_\n3.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

    #[test]
    fn reads_multiwords_comments_and_skips_empty_nodes() {
        let s = read_conllu(SAMPLE, "t").unwrap_or_default();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words.len(), 4);
        assert_eq!(s[0].multiwords.len(), 1);
        assert_eq!(s[0].text(), Some("I don't."));
        assert_eq!(s[0].sent_id(), Some("x-1"));
        assert_eq!(s[0].words[2].head, Some(0));
    }

    #[test]
    fn round_trips() {
        let s = read_conllu(SAMPLE, "t").unwrap_or_default();
        let text = write_conllu(&s);
        let again = read_conllu(&text, "t").unwrap_or_default();
        assert_eq!(s, again);
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let rows: &[(&str, usize)] = &[
            ("1\tI\n", 1),
            ("# c\n1\tI\tI\tPRON\tPRP\t_\t5\tnsubj\t_\t_\n\n", 3),
            ("2\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", 1),
            ("x\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", 1),
            ("1\tI\tI\tPRON\tPRP\t_\tz\troot\t_\t_\n", 1),
            ("3-2\tI\t_\t_\t_\t_\t_\t_\t_\t_\n", 1),
        ];
        for (text, line) in rows {
            match read_conllu(text, "f.conllu") {
                Err(e) => {
                    assert_eq!(e.file.as_deref(), Some("f.conllu"), "{text:?}");
                    assert_eq!(e.line, Some(*line), "{text:?}");
                }
                Ok(_) => panic!("accepted {text:?}"),
            }
        }
    }
}
