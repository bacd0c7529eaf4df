//! Import of PETRARCH, Phoenix and TABARI dictionaries: actors (with dated
//! codes), agents (sector terms) and discard lists.
//!
//! The kind of a file is told by its name: `actors` (`*.actors.txt`,
//! `TABARI.Demo.actors`), `agents` (`*.agents.txt`, `Validate.agents`) or
//! `discards`. What the readers accept, beyond the documented formats:
//! - text that is not UTF-8 is read line by line as Windows-1252 (one
//!   warning names the first such line and counts them);
//! - a `~~FINISH` line (TABARI's end of file) ends the file;
//! - actor codes: `[---]` null, `[###]` do not code, `[+++]` complex
//!   (TABARI), `[ELR/GAL]` a compound actor standing for each code
//!   ([`crate::DatedCode::alternatives`], [`crate::Actor::codes_on`]); the
//!   last two are read and counted but held apart
//!   ([`Lexicon::compound_actors`]);
//! - a `+` between two letters is part of a name (`B+H_OCEAN_CARRIERS_`);
//!   a code group broken over lines (`INERGY_L.P. [` / `MNCUSA]`) is
//!   joined;
//! - TABARI notation (files not named `*.txt`): a phrase whose last word is
//!   not closed by `_` ends in a stem (`ARGENTIN` matches `Argentina`;
//!   [`crate::Name::stem`]); underscores and blanks both join the words of
//!   a phrase;
//! - comments: `#` and `;` to the end of the line (outside `[...]`), and
//!   `<!-- ... -->`, also over several lines;
//! - TABARI's `<NOUN>`/`<ADJECTIVE>`-style blocks are skipped (they are not
//!   actors) and counted;
//! - every malformed line (no code, bad date, code without a phrase) is a
//!   [`Warning`] `file:line: message` and is skipped; reading goes on.

mod actors;
mod agents;

use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result, Warning};
use crate::lexicon::Lexicon;

pub use actors::read_actors;
pub use agents::{read_agents, read_discards};

/// The kind of a dictionary file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictKind {
    /// Actor dictionary.
    Actors,
    /// Agent dictionary.
    Agents,
    /// Discard list.
    Discards,
}

impl DictKind {
    /// The kind of a file, told by its name; `None` for verb, issue and
    /// other dictionaries this crate does not read.
    pub fn of(path: &Path) -> Option<DictKind> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.contains("actors") {
            Some(DictKind::Actors)
        } else if name.contains("agents") {
            Some(DictKind::Agents)
        } else if name.contains("discards") {
            Some(DictKind::Discards)
        } else {
            None
        }
    }
}

/// What reading one dictionary file gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DictReport {
    /// The file.
    pub file: String,
    /// Its kind.
    pub kind: DictKind,
    /// Entries read: actors, agent lines or discard phrases.
    pub entries: usize,
    /// Names (phrases) read, synonyms and generated plurals included.
    pub names: usize,
    /// Codes (with or without dates) read.
    pub codes: usize,
    /// Lines skipped on purpose (TABARI noun/adjective blocks).
    pub skipped: usize,
    /// Malformed lines, skipped.
    pub warnings: Vec<Warning>,
}

impl DictReport {
    pub(crate) fn new(file: &str, kind: DictKind) -> DictReport {
        DictReport {
            file: file.to_string(),
            kind,
            entries: 0,
            names: 0,
            codes: 0,
            skipped: 0,
            warnings: Vec::new(),
        }
    }

    pub(crate) fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.warnings.push(Warning {
            file: self.file.clone(),
            line,
            message: message.into(),
        });
    }
}

/// The reports of every file of an import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// One report per file, in the order given.
    pub files: Vec<DictReport>,
}

impl ImportReport {
    /// Every warning of every file.
    pub fn warnings(&self) -> impl Iterator<Item = &Warning> {
        self.files.iter().flat_map(|f| f.warnings.iter())
    }
}

/// The actor, agent and discard dictionaries in `dirs` (not recursive),
/// sorted; unreadable directories give nothing. Verb and other files are
/// left out ([`DictKind::of`]).
pub fn dictionary_files(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_file() && DictKind::of(&p).is_some() {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Reads dictionary files into one lexicon (see [`Lexicon::from_dicts`]).
pub(crate) fn read_files<P: AsRef<Path>>(paths: &[P]) -> Result<(Lexicon, ImportReport)> {
    let mut actors = Vec::new();
    let mut terms = Vec::new();
    let mut discards = Vec::new();
    let mut report = ImportReport::default();
    for path in paths {
        let path = path.as_ref();
        let file = path.display().to_string();
        let Some(kind) = DictKind::of(path) else {
            let value = file.clone();
            let kind = ErrorKind::UnknownValue {
                column: "dictionary kind",
                value,
            };
            return Err(Error::new(&file, 0, kind));
        };
        let bytes =
            std::fs::read(path).map_err(|e| Error::new(&file, 0, ErrorKind::Io(e.to_string())))?;
        let r = match kind {
            DictKind::Actors => {
                let (mut a, r) = read_actors(&file, &bytes);
                actors.append(&mut a);
                r
            }
            DictKind::Agents => {
                let (mut t, r) = read_agents(&file, &bytes);
                terms.append(&mut t);
                r
            }
            DictKind::Discards => {
                let (mut d, r) = read_discards(&file, &bytes);
                discards.append(&mut d);
                r
            }
        };
        report.files.push(r);
    }
    let mut seen = std::collections::HashSet::new();
    for a in &mut actors {
        if !seen.insert(a.id.clone()) {
            a.id = format!("{}@{}:{}", a.id, a.origin.file, a.origin.line);
        }
    }
    let (compound, actors): (Vec<_>, Vec<_>) = actors.into_iter().partition(|a| {
        a.codes
            .iter()
            .any(|c| c.code == "+++" || c.code.contains('/'))
    });
    let lexicon = Lexicon::from_parts(actors, terms, Vec::new(), discards).with_compound(compound);
    Ok((lexicon, report))
}

/// Decodes a line: UTF-8, or else Windows-1252 (returns `false`).
pub(crate) fn decode(bytes: &[u8]) -> (String, bool) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), true),
        Err(_) => (bytes.iter().map(|&b| cp1252(b)).collect(), false),
    }
}

fn cp1252(b: u8) -> char {
    match b {
        0x80 => '€',
        0x82 => '‚',
        0x84 => '„',
        0x85 => '…',
        0x8A => 'Š',
        0x8C => 'Œ',
        0x8E => 'Ž',
        0x91 => '‘',
        0x92 => '’',
        0x93 => '“',
        0x94 => '”',
        0x96 => '–',
        0x97 => '—',
        0x9A => 'š',
        0x9C => 'œ',
        0x9E => 'ž',
        0x9F => 'Ÿ',
        _ => char::from(b),
    }
}

/// The content lines of a dictionary: decoded, comments removed, blank
/// lines dropped, with their 1-based numbers.
pub(crate) fn content_lines(bytes: &[u8], report: &mut DictReport) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_comment = false;
    // (first line, count) of the lines that are not UTF-8: one warning
    // for the file, since the encoding is the file's, not a line's fault.
    let mut cp1252: Option<(usize, usize)> = None;
    for (n, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = n + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let (mut line, ok) = decode(raw);
        if !ok {
            let c = cp1252.get_or_insert((line_no, 0));
            c.1 += 1;
        }
        // TABARI ends the files it writes with a `~~FINISH` line.
        if !in_comment && line.trim_start().starts_with("~~FINISH") {
            break;
        }
        // XML-style comments, possibly spanning lines.
        let mut kept = String::new();
        loop {
            if in_comment {
                match line.find("-->") {
                    Some(i) => {
                        line = line[i + 3..].to_string();
                        in_comment = false;
                    }
                    None => break,
                }
            } else {
                match line.find("<!--") {
                    Some(i) => {
                        kept.push_str(&line[..i]);
                        line = line[i + 4..].to_string();
                        in_comment = true;
                    }
                    None => {
                        kept.push_str(&line);
                        break;
                    }
                }
            }
        }
        let kept = strip_line_comment(&kept);
        if !kept.trim().is_empty() {
            out.push((line_no, kept.trim_end().to_string()));
        }
    }
    if let Some((first, count)) = cp1252 {
        let lines = if count == 1 { "line" } else { "lines" };
        report.warn(
            first,
            format!("not UTF-8: read as Windows-1252 ({count} {lines})"),
        );
    }
    out
}

/// Cuts a line at the first `#` or `;` outside brackets.
fn strip_line_comment(line: &str) -> &str {
    let mut depth = 0i32;
    for (i, c) in line.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            '#' | ';' if depth <= 0 => return &line[..i],
            _ => {}
        }
    }
    line
}

/// A dictionary phrase as a name: underscores to spaces, trimmed.
pub(crate) fn phrase_to_name(phrase: &str) -> String {
    phrase
        .replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_encodings() {
        let mut r = DictReport::new("t", DictKind::Actors);
        let text = b"A_ [X] # c\n<!-- one\ntwo -->B_\n\xc3\x89T\nC\x92D ; x\n[###] ; discard\nE\x92F\n~~FINISH 16:47\nG_\n";
        let lines = content_lines(text, &mut r);
        let got: Vec<(usize, &str)> = lines.iter().map(|(n, s)| (*n, s.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (1, "A_ [X]"),
                (3, "B_"),
                (4, "ÉT"),
                (5, "C’D"),
                (6, "[###]"),
                (7, "E’F"),
            ]
        );
        // One warning for the file's encoding; nothing after `~~FINISH`.
        assert_eq!(r.warnings.len(), 1);
        assert_eq!(
            r.warnings[0].to_string(),
            "t:5: not UTF-8: read as Windows-1252 (2 lines)"
        );
        assert_eq!(phrase_to_name("NORTH_KOREA_ "), "NORTH KOREA");
    }
}
