//! The event lexicon: the CAMEO code table (`data/cameo.tsv`) and the words
//! and patterns the coder turns into events (`data/events.tsv`), typed and
//! validated at load. The file headers document every column and the
//! pattern language; every error names `file:line`.
//!
//! ```
//! use dyads_lexicon::events::{EntryKind, EventLexicon};
//!
//! let lex = EventLexicon::builtin()?;
//! let meet = lex.entry("coder.consult.meet").ok_or("no entry")?;
//! assert_eq!(meet.kind, EntryKind::Verb);
//! assert_eq!(lex.plover_type(&meet.cameo), Some("CONSULT"));
//! assert!(lex.code("190").is_some_and(|c| c.quad == 4));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::error::{Error, ErrorKind, Result};
use crate::tsv;

mod pattern;
pub use pattern::{parse_example, parse_pattern};

const CAMEO_FILE: &str = "cameo.tsv";
const EVENTS_FILE: &str = "events.tsv";
const CAMEO_TEXT: &str = include_str!("../data/cameo.tsv");
const EVENTS_TEXT: &str = include_str!("../data/events.tsv");
const CAMEO_HEADER: [&str; 8] = [
    "code",
    "name",
    "goldstein",
    "quad",
    "plover_type",
    "plover_mode",
    "plover_context",
    "description",
];
const EVENTS_HEADER: [&str; 9] = [
    "id",
    "cameo",
    "kind",
    "lemma",
    "pattern",
    "modality",
    "reciprocal",
    "example",
    "notes",
];

/// One row of the CAMEO table.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoCode {
    /// The code as text (`042`, `1711`).
    pub code: String,
    /// Short label.
    pub name: String,
    /// Goldstein weight, -10..10.
    pub goldstein: f32,
    /// Quad class 1..4.
    pub quad: u8,
    /// PLOVER type from the CAMEO-to-PLOVER table (own row only).
    pub plover_type: Option<String>,
    /// PLOVER mode (own row only).
    pub plover_mode: Option<String>,
    /// PLOVER contexts.
    pub plover_context: Vec<String>,
}

/// The kind of an event lexicon entry (see the `events.tsv` header).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// The event head is a verb.
    Verb,
    /// A nominal event.
    Noun,
    /// A light verb with an event noun as object.
    Light,
    /// A reporting verb: not an event by itself.
    Cue,
}

/// What an entry's head does to the event(s) in its complement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InnerModality {
    /// Nothing.
    None,
    /// The complement is only claimed (accusations).
    Claimed,
    /// The complement is planned, promised, requested or threatened.
    Future,
    /// The complement did not or will not happen.
    Negated,
}

/// The role of an actor slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    /// The source.
    Src,
    /// The target.
    Tgt,
}

/// One item of a pattern.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// An actor slot, with the head lemmas it may have (empty: any).
    Slot(Slot, Vec<String>),
    /// One token with one of these lemmas.
    Word(Vec<String>),
    /// A phrasal verb: verb and particle.
    Phrasal(String, String),
    /// The possessive marker `'s`.
    Possessive,
    /// The hyphen joining two slots (`SRC - TGT summit`).
    Dash,
    /// One unconstrained constituent.
    Any,
    /// An optional group.
    Optional(Vec<Item>),
}

/// An example sentence with its markup resolved to byte ranges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    /// The plain sentence.
    pub text: String,
    /// The event words.
    pub event: (usize, usize),
    /// The source phrase, when marked.
    pub src: Option<(usize, usize)>,
    /// The target phrase, when marked.
    pub tgt: Option<(usize, usize)>,
}

/// One entry of the event lexicon.
#[derive(Clone, Debug, PartialEq)]
pub struct EventEntry {
    /// `coder.<type>.<name>`.
    pub id: String,
    /// CAMEO code (empty for cues).
    pub cameo: String,
    /// Kind.
    pub kind: EntryKind,
    /// Head lemma (space-separated words for multiword nouns).
    pub lemma: String,
    /// The parsed pattern.
    pub pattern: Vec<Item>,
    /// Effect on the complement.
    pub modality: InnerModality,
    /// Symmetric event.
    pub reciprocal: bool,
    /// The example sentence.
    pub example: Example,
    /// 1-based line in `events.tsv`.
    pub line: usize,
}

impl EventEntry {
    /// The last word of the lemma: the token the entry is indexed by.
    pub fn head_word(&self) -> &str {
        self.lemma.rsplit(' ').next().unwrap_or(&self.lemma)
    }

    /// Whether the pattern has the slot anywhere (optional groups included).
    pub fn has_slot(&self, slot: Slot) -> bool {
        fn walk(items: &[Item], slot: Slot) -> bool {
            items.iter().any(|i| match i {
                Item::Slot(s, _) => *s == slot,
                Item::Optional(g) => walk(g, slot),
                _ => false,
            })
        }
        walk(&self.pattern, slot)
    }
}

/// The CAMEO table and the event entries.
#[derive(Clone, Debug, Default)]
pub struct EventLexicon {
    codes: Vec<CameoCode>,
    by_code: HashMap<String, usize>,
    entries: Vec<EventEntry>,
    by_id: HashMap<String, usize>,
    by_head: HashMap<String, Vec<usize>>,
}

static BUILTIN: OnceLock<std::result::Result<EventLexicon, Error>> = OnceLock::new();

impl EventLexicon {
    /// The built-in lexicon, parsed and validated once.
    pub fn builtin() -> Result<&'static EventLexicon> {
        BUILTIN
            .get_or_init(|| {
                EventLexicon::parse(CAMEO_TEXT, EVENTS_TEXT)
                    .map_err(|errs| errs.into_iter().next().unwrap_or_else(internal))
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Parses and validates the two tables; every problem is returned.
    pub fn parse(cameo: &str, events: &str) -> std::result::Result<EventLexicon, Vec<Error>> {
        let mut errors = Vec::new();
        let mut lex = EventLexicon::default();
        for row in tsv::read(CAMEO_FILE, cameo, &CAMEO_HEADER, &mut errors) {
            match parse_code(&row) {
                Ok(c) => {
                    if lex
                        .by_code
                        .insert(c.code.clone(), lex.codes.len())
                        .is_some()
                    {
                        errors.push(err(CAMEO_FILE, row.line, ErrorKind::DuplicateId(c.code)));
                        continue;
                    }
                    lex.codes.push(c);
                }
                Err(kind) => errors.push(err(CAMEO_FILE, row.line, kind)),
            }
        }
        for c in &lex.codes {
            if c.code.len() > 2 && !lex.by_code.contains_key(parent(&c.code)) {
                errors.push(err(CAMEO_FILE, 0, ErrorKind::BadCode(c.code.clone())));
            }
        }
        for row in tsv::read(EVENTS_FILE, events, &EVENTS_HEADER, &mut errors) {
            match parse_entry(&row, &lex.by_code) {
                Ok(e) => {
                    if lex.by_id.insert(e.id.clone(), lex.entries.len()).is_some() {
                        errors.push(err(EVENTS_FILE, row.line, ErrorKind::DuplicateId(e.id)));
                        continue;
                    }
                    let n = lex.entries.len();
                    lex.by_head
                        .entry(e.head_word().to_string())
                        .or_default()
                        .push(n);
                    lex.entries.push(e);
                }
                Err(kind) => errors.push(err(EVENTS_FILE, row.line, kind)),
            }
        }
        if errors.is_empty() {
            Ok(lex)
        } else {
            Err(errors)
        }
    }

    /// All entries, in file order.
    pub fn entries(&self) -> &[EventEntry] {
        &self.entries
    }

    /// All CAMEO codes, in file order.
    pub fn codes(&self) -> &[CameoCode] {
        &self.codes
    }

    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Option<&EventEntry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// Indices of the entries whose head word (last lemma word) is `word`.
    pub fn by_head(&self, word: &str) -> &[usize] {
        self.by_head.get(word).map_or(&[], Vec::as_slice)
    }

    /// The CAMEO row of a code.
    pub fn code(&self, code: &str) -> Option<&CameoCode> {
        self.by_code.get(code).map(|&i| &self.codes[i])
    }

    /// The PLOVER type of a code: its own, else its nearest ancestor's. The
    /// table has no row for CAMEO root 02 (appeals); PLOVER folds appeals
    /// into REQUEST, so 02 codes get REQUEST. Root 01 (statements) has no
    /// PLOVER type, except that a denial of an accusation (016) is a
    /// rejection of it, REJECT, as analysts code it (our choice: the table
    /// has no row for it).
    pub fn plover_type(&self, code: &str) -> Option<&str> {
        if code == "016" {
            return Some("REJECT");
        }
        let mut c = code;
        loop {
            if let Some(t) = self.code(c).and_then(|r| r.plover_type.as_deref()) {
                return Some(t);
            }
            if c.len() <= 2 {
                return (c == "02").then_some("REQUEST");
            }
            c = parent(c);
        }
    }
}

fn internal() -> Error {
    err(EVENTS_FILE, 0, ErrorKind::Empty("entries"))
}

fn err(file: &str, line: usize, kind: ErrorKind) -> Error {
    Error::new(file, line, kind)
}

/// The parent of a CAMEO code (`0411` -> `041`, `041` -> `04`).
pub fn parent(code: &str) -> &str {
    &code[..code.len().saturating_sub(1).max(2).min(code.len())]
}

fn bad(column: &'static str, value: &str) -> ErrorKind {
    ErrorKind::UnknownValue {
        column,
        value: value.to_string(),
    }
}

fn parse_code(row: &tsv::Row<'_>) -> std::result::Result<CameoCode, ErrorKind> {
    let code = row.get(0);
    if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ErrorKind::BadCode(code.to_string()));
    }
    let root: u8 = code[..2]
        .parse()
        .map_err(|_| ErrorKind::BadCode(code.into()))?;
    if !(1..=20).contains(&root) {
        return Err(ErrorKind::BadCode(code.to_string()));
    }
    let goldstein: f32 = row
        .get(2)
        .parse()
        .map_err(|_| bad("goldstein", row.get(2)))?;
    if !(-10.0..=10.0).contains(&goldstein) {
        return Err(bad("goldstein", row.get(2)));
    }
    let quad: u8 = row.get(3).parse().map_err(|_| bad("quad", row.get(3)))?;
    let want = match root {
        1..=5 => 1,
        6..=8 => 2,
        9..=14 => 3,
        _ => 4,
    };
    if quad != want {
        return Err(bad("quad", row.get(3)));
    }
    let name = row.get(1);
    if name.is_empty() {
        return Err(ErrorKind::Empty("name"));
    }
    Ok(CameoCode {
        code: code.to_string(),
        name: name.to_string(),
        goldstein,
        quad,
        plover_type: row.opt(4).map(str::to_string),
        plover_mode: row.opt(5).map(str::to_string),
        plover_context: row
            .get(6)
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
    })
}

fn parse_entry(
    row: &tsv::Row<'_>,
    codes: &HashMap<String, usize>,
) -> std::result::Result<EventEntry, ErrorKind> {
    let id = row.get(0);
    let mut parts = id.split('.');
    if parts.next() != Some("coder") || id.split('.').count() != 3 || id.contains("..") {
        return Err(bad("id", id));
    }
    let kind = match row.get(2) {
        "verb" => EntryKind::Verb,
        "noun" => EntryKind::Noun,
        "light" => EntryKind::Light,
        "cue" => EntryKind::Cue,
        other => return Err(bad("kind", other)),
    };
    let cameo = row.get(1);
    match (kind, cameo.is_empty()) {
        (EntryKind::Cue, true) => {}
        (EntryKind::Cue, false) => return Err(bad("cameo", cameo)),
        (_, true) => return Err(ErrorKind::Empty("cameo")),
        (_, false) if !codes.contains_key(cameo) => {
            return Err(ErrorKind::BadCode(cameo.to_string()))
        }
        _ => {}
    }
    let lemma = row.get(3);
    if lemma.is_empty() {
        return Err(ErrorKind::Empty("lemma"));
    }
    let modality = match row.get(5) {
        "" => InnerModality::None,
        "claimed-inner" => InnerModality::Claimed,
        "future-inner" => InnerModality::Future,
        "negated" => InnerModality::Negated,
        other => return Err(bad("modality", other)),
    };
    let reciprocal = match row.get(6) {
        "yes" => true,
        "no" | "" => false,
        other => return Err(bad("reciprocal", other)),
    };
    let pattern = parse_pattern(row.get(4))?;
    let head = lemma.rsplit(' ').next().unwrap_or(lemma);
    if !mentions_word(&pattern, head) {
        return Err(bad("pattern (head lemma missing)", row.get(4)));
    }
    let example = parse_example(row.get(7))?;
    Ok(EventEntry {
        id: id.to_string(),
        cameo: cameo.to_string(),
        kind,
        lemma: lemma.to_string(),
        pattern,
        modality,
        reciprocal,
        example,
        line: row.line,
    })
}

fn mentions_word(items: &[Item], w: &str) -> bool {
    items.iter().any(|i| match i {
        Item::Word(alts) => alts.iter().any(|a| a == w),
        Item::Phrasal(v, _) => v == w,
        Item::Optional(g) => mentions_word(g, w),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads_and_is_consistent() {
        let lex = match EventLexicon::builtin() {
            Ok(l) => l,
            Err(e) => panic!("{e}"),
        };
        assert!(lex.entries().len() > 900);
        let roots: std::collections::BTreeSet<&str> = lex
            .entries()
            .iter()
            .filter(|e| e.kind != EntryKind::Cue)
            .map(|e| &e.cameo[..2])
            .collect();
        assert_eq!(roots.len(), 20);
        assert_eq!(lex.plover_type("0211"), Some("REQUEST"));
        assert_eq!(lex.plover_type("010"), None);
        assert_eq!(lex.plover_type("016"), Some("REJECT"));
        assert_eq!(lex.plover_type("015"), None);
        assert_eq!(lex.plover_type("1821"), Some("ASSAULT"));
        for e in lex.entries() {
            let ex = &e.example;
            assert!(ex.text.get(ex.event.0..ex.event.1).is_some(), "{}", e.id);
            assert!(ex.src.is_none() || e.has_slot(Slot::Src), "{}", e.id);
        }
    }

    #[test]
    fn patterns_parse_and_bad_rows_name_the_line() {
        let p = parse_pattern("SRC impose sanctions [on|against TGT]").unwrap_or_default();
        assert_eq!(p.len(), 4);
        assert!(matches!(&p[3], Item::Optional(g) if g.len() == 2));
        assert!(parse_pattern("SRC [on [TGT]]").is_err());
        assert!(parse_pattern("SRC Meet").is_err());
        let ex = parse_example("[SRC Iran] {met} [TGT Iraq] today.").map_err(|e| e.to_string());
        assert_eq!(
            ex.as_ref().map(|e| e.text.as_str()),
            Ok("Iran met Iraq today.")
        );
        assert_eq!(ex.map(|e| e.event), Ok((5, 8)));
        let cameo = "code\tname\tgoldstein\tquad\tplover_type\tplover_mode\tplover_context\tdescription\n04\tConsult\t1.0\t1\tCONSULT\t\t\td\n";
        let events = "id\tcameo\tkind\tlemma\tpattern\tmodality\treciprocal\texample\tnotes\ncoder.consult.meet\t04\tverb\tmeet\tSRC meet TGT\t\tmaybe\t{met}\t\n";
        let errs = EventLexicon::parse(cameo, events).err().unwrap_or_default();
        assert_eq!(errs.len(), 1);
        assert_eq!(
            errs[0].to_string(),
            "events.tsv:2: unknown reciprocal `maybe`"
        );
    }
}
