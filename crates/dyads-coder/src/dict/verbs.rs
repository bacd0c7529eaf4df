//! Verb dictionaries: TABARI `.verbs` files and PETRARCH/Phoenix verb
//! pattern files, read into one [`VerbDict`].
//!
//! TABARI: a root line `PHRASE [CODE]`, an optional `{ FORM FORM }` line of
//! other forms, then `- PATTERN [CODE]` lines; `<SYNSETS>` (`&NAME` then
//! `+ITEM` lines), `<NOUN>`/`<ADJECTIVE>` word lists (words that are not
//! verbs), `<TIME>` (time phrases: only those coded `[###]`/`[+++]`,
//! which stop a sentence from being coded, are used). Comments start at
//! `;`.
//!
//! PETRARCH: blocks `--- NAME [CODE] ---` list the verbs of a class (one
//! per line, `WORD {FORMS}`, an own `[CODE]` allowed, `+` marking the verb
//! inside a multi-word phrase such as `RE_+ADMIT`), then the class's
//! `- PATTERN [CODE]` lines; `&NAME`/`+ITEM` synonym sets may come anywhere.
//! Comments are `#` and `<!-- ... -->`. PETRARCH matches whole words, so
//! stems are read as exact words.
//!
//! Codes are kept as written (`064`, `031:032` for paired events, `---` for
//! no event, `###`/`+++` for a sentence not to code); a trailing `?`
//! marks a weak code (`SAID [023?]`) that yields to a later verb.
//! Malformed lines are warnings `file:line: message` and are skipped.

use std::fmt;

use crate::dict::pattern::{parse, Elem, Seq, Synsets, WordMode};

/// A verb pattern.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// The parsed pattern (contains one [`Elem::Verb`]).
    pub seq: Seq,
    /// Its code.
    pub code: String,
    /// The line it was read from.
    pub line: usize,
}

/// A verb: its phrase, other forms, default code and patterns.
#[derive(Clone, Debug)]
pub struct VerbEntry {
    /// The verb phrase and its other forms (all words, no markers).
    pub forms: Vec<Seq>,
    /// The code when no pattern matches.
    pub code: String,
    /// Patterns, in file order.
    pub patterns: Vec<Pattern>,
    /// The line it was read from.
    pub line: usize,
}

/// Counts and warnings of a verb dictionary import.
#[derive(Clone, Debug, Default)]
pub struct VerbReport {
    /// The file.
    pub file: String,
    /// Verb entries.
    pub verbs: usize,
    /// Extra verb forms.
    pub forms: usize,
    /// Patterns.
    pub patterns: usize,
    /// Synonym sets.
    pub synsets: usize,
    /// Words listed as nouns or adjectives (not verbs).
    pub filters: usize,
    /// Lines of blocks read and not used (`<TIME>` shift patterns).
    pub skipped: usize,
    /// Malformed lines, `file:line: message`, skipped.
    pub warnings: Vec<String>,
}

impl fmt::Display for VerbReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} verbs, {} forms, {} patterns, {} synsets, {} noun/adjective filters, {} skipped, {} warnings",
            self.file,
            self.verbs,
            self.forms,
            self.patterns,
            self.synsets,
            self.filters,
            self.skipped,
            self.warnings.len()
        )
    }
}

/// A verb dictionary.
#[derive(Clone, Debug, Default)]
pub struct VerbDict {
    /// Verb entries in file order.
    pub entries: Vec<VerbEntry>,
    /// Words and phrases that are never verbs: `<NOUN>` entries.
    pub nouns: Vec<Seq>,
    /// `<ADJECTIVE>` entries: never verbs, and may come between the
    /// members of a compound actor.
    pub adjectives: Vec<Seq>,
    /// `<TIME>` phrases with their codes (`[###]` and `[+++]` mean the
    /// sentence is not coded when time shifting is on).
    pub times: Vec<(Seq, String)>,
    /// Synonym sets.
    pub synsets: Synsets,
}

/// Which format a verb file is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbFormat {
    /// TABARI `.verbs`.
    Tabari,
    /// PETRARCH/Phoenix verb patterns.
    Petrarch,
}

impl VerbFormat {
    /// Tells the format from the content: PETRARCH files have `--- X ---`
    /// block headers.
    pub fn detect(text: &str) -> VerbFormat {
        let petr = text
            .lines()
            .any(|l| l.starts_with("---") && l.trim_end().ends_with("---") && l.len() > 6);
        if petr {
            VerbFormat::Petrarch
        } else {
            VerbFormat::Tabari
        }
    }
}

/// Splits `PHRASE [CODE] ; comment` into phrase and code.
fn split_code(line: &str) -> (String, Option<String>) {
    match (line.find('['), line.find(']')) {
        (Some(a), Some(b)) if a < b => (
            line[..a].trim().to_string(),
            Some(line[a + 1..b].trim().to_string()),
        ),
        _ => (line.trim().to_string(), None),
    }
}

fn strip_comment(line: &str, marks: &[char]) -> String {
    let mut depth = 0i32;
    for (i, c) in line.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            c if marks.contains(&c) && depth <= 0 => return line[..i].to_string(),
            _ => {}
        }
    }
    line.to_string()
}

fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

fn exact_words(mut seq: Seq) -> Seq {
    for e in &mut seq.elems {
        match e {
            Elem::Word(w) if w.mode == WordMode::Stem => w.mode = WordMode::Exact,
            Elem::Alt(alts) | Elem::Syn(alts) => {
                let taken = std::mem::take(alts);
                *alts = taken.into_iter().map(exact_words).collect();
            }
            _ => {}
        }
    }
    seq
}

struct Reader {
    format: VerbFormat,
    dict: VerbDict,
    report: VerbReport,
    /// Raw pattern lines waiting for the synonym sets: (entry, line, text, code).
    pending: Vec<(usize, usize, String, String)>,
    /// Raw verb phrases waiting for the synonym sets: (entry, line, text).
    roots: Vec<(usize, usize, String)>,
    filters: Vec<(usize, String, bool)>,
}

impl Reader {
    fn warn(&mut self, line: usize, msg: impl fmt::Display) {
        self.report
            .warnings
            .push(format!("{}:{line}: {msg}", self.report.file));
    }

    fn phrase(&self, text: &str) -> Result<Seq, String> {
        let seq = parse(text, &self.dict.synsets)?;
        Ok(match self.format {
            VerbFormat::Tabari => seq,
            VerbFormat::Petrarch => exact_words(seq),
        })
    }

    fn add_entry(&mut self, line: usize, phrase: &str, code: String) -> usize {
        self.dict.entries.push(VerbEntry {
            forms: Vec::new(),
            code,
            patterns: Vec::new(),
            line,
        });
        let idx = self.dict.entries.len() - 1;
        self.roots.push((idx, line, phrase.to_string()));
        self.report.verbs += 1;
        idx
    }

    /// Parses what waited for the synonym sets to be complete.
    fn finish(mut self) -> (VerbDict, VerbReport) {
        for (idx, line, text) in std::mem::take(&mut self.roots) {
            match self.phrase(&text.replace('+', "")) {
                Ok(seq)
                    if !seq.elems.is_empty()
                        && seq.elems.iter().all(|e| matches!(e, Elem::Word(_))) =>
                {
                    if let Some(e) = self.dict.entries.get_mut(idx) {
                        e.forms.push(seq);
                    }
                }
                Ok(_) => self.warn(
                    line,
                    format!("verb phrase `{text}` is not plain words: skipped"),
                ),
                Err(m) => self.warn(line, m),
            }
        }
        for (idx, line, text, code) in std::mem::take(&mut self.pending) {
            match self.phrase(&text) {
                Ok(seq) if seq.elems.iter().filter(|e| **e == Elem::Verb).count() == 1 => {
                    if let Some(e) = self.dict.entries.get_mut(idx) {
                        e.patterns.push(Pattern { seq, code, line });
                        self.report.patterns += 1;
                    }
                }
                Ok(_) => self.warn(line, format!("pattern `{text}` needs one `*`: skipped")),
                Err(m) => self.warn(line, format!("{m}: pattern skipped")),
            }
        }
        for (line, text, adjective) in std::mem::take(&mut self.filters) {
            match self.phrase(&text) {
                Ok(seq) if !seq.elems.is_empty() => {
                    if adjective {
                        self.dict.adjectives.push(seq);
                    } else {
                        self.dict.nouns.push(seq);
                    }
                    self.report.filters += 1;
                }
                Ok(_) => {}
                Err(m) => self.warn(line, m),
            }
        }
        self.dict.entries.retain(|e| !e.forms.is_empty());
        self.report.verbs = self.dict.entries.len();
        self.report.synsets = self.dict.synsets.len();
        (self.dict, self.report)
    }
}

/// Reads a verb dictionary (format detected from the content). Never
/// fails: malformed lines are warnings in the report.
pub fn read_verbs(file: &str, bytes: &[u8]) -> (VerbDict, VerbReport) {
    let text = decode(bytes);
    let format = VerbFormat::detect(&text);
    let mut r = Reader {
        format,
        dict: VerbDict::default(),
        report: VerbReport {
            file: file.to_string(),
            ..VerbReport::default()
        },
        pending: Vec::new(),
        roots: Vec::new(),
        filters: Vec::new(),
    };
    let marks: &[char] = match format {
        VerbFormat::Tabari => &[';'],
        VerbFormat::Petrarch => &['#'],
    };
    let mut block: Option<String> = None;
    let mut synset: Option<String> = None;
    let mut current: Option<usize> = None;
    let mut class: Option<(String, Vec<usize>)> = None;
    let mut in_comment = false;
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let mut line = raw.to_string();
        if in_comment || line.contains("<!--") {
            let (kept, still) = cut_xml_comments(&line, in_comment);
            line = kept;
            in_comment = still;
        }
        let line = strip_comment(&line, marks);
        let t = line.trim();
        if t.is_empty() || t.starts_with("~~") {
            synset = None;
            continue;
        }
        if let Some(tag) = t.strip_prefix("</") {
            if block.as_deref() == Some(tag.trim_end_matches('>')) {
                block = None;
            }
            synset = None;
            continue;
        }
        if t.starts_with('<') && t.ends_with('>') {
            block = Some(t[1..t.len() - 1].to_ascii_uppercase());
            continue;
        }
        match block.as_deref() {
            Some("TIME") => {
                let (phrase, code) = split_code(t);
                match (t.starts_with('-'), code) {
                    (false, Some(code)) => match parse(&phrase, &Synsets::new()) {
                        Ok(seq) if !seq.elems.is_empty() => r.dict.times.push((seq, code)),
                        _ => r.warn(line_no, format!("bad time phrase `{phrase}`: skipped")),
                    },
                    _ => r.report.skipped += 1,
                }
                continue;
            }
            Some(kind @ ("NOUN" | "ADJECTIVE")) => {
                r.filters
                    .push((line_no, t.to_string(), kind == "ADJECTIVE"));
                continue;
            }
            _ => {}
        }
        if let Some(name) = t.strip_prefix('&') {
            let name = name.trim().trim_end_matches('_').to_ascii_uppercase();
            r.dict.synsets.entry(name.clone()).or_default();
            synset = Some(name);
            continue;
        }
        if let (Some(name), Some(item)) = (&synset, t.strip_prefix('+')) {
            if let Some(items) = r.dict.synsets.get_mut(name) {
                items.push(item.trim().to_string());
            }
            continue;
        }
        synset = None;
        if format == VerbFormat::Petrarch && t.starts_with("---") {
            let inner = t.trim_matches('-').trim();
            let (_, code) = split_code(inner);
            match code {
                Some(c) => class = Some((c, Vec::new())),
                None => r.warn(line_no, "block header without `[code]`"),
            }
            current = None;
            continue;
        }
        if let Some(p) = t.strip_prefix('-') {
            let (pat, code) = split_code(p);
            let Some(code) = code else {
                r.warn(line_no, "pattern without `[code]`: skipped");
                continue;
            };
            let targets: Vec<usize> = match (&class, current) {
                (Some((_, members)), _) if format == VerbFormat::Petrarch => members.clone(),
                (_, Some(c)) => vec![c],
                _ => Vec::new(),
            };
            if targets.is_empty() {
                r.warn(line_no, "pattern with no verb before it: skipped");
            }
            for idx in targets {
                r.pending.push((idx, line_no, pat.clone(), code.clone()));
            }
            continue;
        }
        if let Some(forms) = t.strip_prefix('{') {
            let Some(c) = current else {
                r.warn(line_no, "verb forms with no verb before them: skipped");
                continue;
            };
            for f in forms.trim_end_matches('}').split_whitespace() {
                r.roots.push((c, line_no, f.to_string()));
                r.report.forms += 1;
            }
            continue;
        }
        // A verb line.
        let (head, code) = split_code(t);
        let (phrase, forms) = match (head.find('{'), head.find('}')) {
            (Some(a), Some(b)) if a < b => {
                (head[..a].trim().to_string(), head[a + 1..b].to_string())
            }
            _ => (head.clone(), String::new()),
        };
        let phrase = phrase.trim_start_matches('+').to_string();
        let code = match (code, &class) {
            (Some(c), _) => c,
            (None, Some((c, _))) if format == VerbFormat::Petrarch => c.clone(),
            _ => {
                r.warn(
                    line_no,
                    format!("verb `{phrase}` without `[code]`: skipped"),
                );
                current = None;
                continue;
            }
        };
        if phrase.is_empty() {
            r.warn(line_no, "code without a verb: skipped");
            continue;
        }
        let idx = r.add_entry(line_no, &phrase, code);
        for f in forms.split_whitespace() {
            r.roots.push((idx, line_no, f.to_string()));
            r.report.forms += 1;
        }
        current = Some(idx);
        if let Some((_, members)) = class.as_mut() {
            members.push(idx);
        }
    }
    r.finish()
}

/// Reads only the `<NOUN>` and `<ADJECTIVE>` blocks of a file (TABARI
/// keeps them in the actors file): (nouns, adjectives).
pub fn read_filters(bytes: &[u8]) -> (Vec<Seq>, Vec<Seq>) {
    let text = decode(bytes);
    let none = Synsets::new();
    let (mut nouns, mut adjectives) = (Vec::new(), Vec::new());
    let mut block: Option<bool> = None;
    for line in text.lines() {
        let t = strip_comment(line, &[';']);
        let t = t.trim();
        match t.to_ascii_uppercase().as_str() {
            "<NOUN>" => block = Some(false),
            "<ADJECTIVE>" => block = Some(true),
            "</NOUN>" | "</ADJECTIVE>" => block = None,
            _ if t.is_empty() => {}
            _ => {
                if let (Some(adj), Ok(seq)) = (block, parse(t, &none)) {
                    if adj {
                        adjectives.push(seq);
                    } else {
                        nouns.push(seq);
                    }
                }
            }
        }
    }
    (nouns, adjectives)
}

/// Removes `<!-- ... -->` spans from a line; returns the rest and whether
/// a comment is still open at its end.
fn cut_xml_comments(line: &str, mut open: bool) -> (String, bool) {
    let mut out = String::new();
    let mut rest = line;
    loop {
        if open {
            match rest.find("-->") {
                Some(i) => {
                    rest = &rest[i + 3..];
                    open = false;
                }
                None => return (out, true),
            }
        } else {
            match rest.find("<!--") {
                Some(i) => {
                    out.push_str(&rest[..i]);
                    rest = &rest[i + 4..];
                    open = true;
                }
                None => {
                    out.push_str(rest);
                    return (out, false);
                }
            }
        }
    }
}
