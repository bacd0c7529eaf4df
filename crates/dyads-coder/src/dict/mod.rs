//! PETRARCH/TABARI verb dictionaries, a TABARI-style shallow coder driven
//! by imported dictionaries, and the TABARI and PETRARCH validation suites
//! coded with their own dictionaries.
//!
//! - [`verbs`]: reads TABARI `.verbs` and PETRARCH/Phoenix verb pattern
//!   files into a [`verbs::VerbDict`] (with counts and `file:line`
//!   warnings);
//! - [`pattern`]: the phrase and pattern notation and word matching;
//! - [`actors`]: actor and agent phrases from a lexicon imported by
//!   `dyads_lexicon` ([`dyads_lexicon::Lexicon::from_dicts`]);
//! - [`coder`]: the shallow coder, with its settings in [`options`];
//! - [`suite`]: validation records (TABARI `Validate.text`, PETRARCH XML);
//! - [`load`], [`load_tabari_project`], [`load_dir`] and [`run_records`]
//!   put them together.
//!
//! ```
//! use dyads_coder::dict::{coder::{CodeOptions, DictCoder}, verbs::read_verbs, actors::ActorTable};
//! let (verbs, report) = read_verbs("t.verbs", b"THANK_ [041]\n- * FOR_NOTHING [---]\n- * [\n");
//! assert_eq!((report.verbs, report.patterns), (1, 1));
//! assert_eq!(report.warnings, vec!["t.verbs:3: pattern without `[code]`: skipped".to_string()]);
//! let coder = DictCoder::new(verbs, ActorTable::default());
//! // No actors in an empty table: nothing is coded.
//! assert!(coder.code("Valdor thanked Mirth.", None, &CodeOptions::default()).is_empty());
//! ```

pub mod actors;
pub mod coder;
mod matching;
mod mentions;
pub mod options;
pub mod pattern;
pub mod suite;
pub mod tokens;
pub mod verbs;

#[cfg(test)]
mod tests;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use dyads_lexicon::{Date, ImportReport, Lexicon};

use crate::dict::actors::ActorTable;
use crate::dict::coder::{CodeBy, CodeOptions, CommaRule, Defaults, DictCoder, Triple};
use crate::dict::suite::Record;
use crate::dict::verbs::{read_verbs, VerbDict, VerbReport};
use crate::error::{Error, Result};

/// Dictionaries loaded for coding, with what their import reported.
#[derive(Debug)]
pub struct Loaded {
    /// The coder.
    pub coder: DictCoder,
    /// One report per verb file.
    pub verbs: Vec<VerbReport>,
    /// The actor/agent import report.
    pub import: ImportReport,
    /// Actor phrases and agent phrases available to the coder.
    pub phrases: (usize, usize),
    /// Settings from a TABARI `.options` file, one per line.
    pub options: Vec<String>,
    /// `<NOUN>`/`<ADJECTIVE>` entries found in the actor and agent files
    /// (TABARI keeps them there).
    pub filters: usize,
}

impl Loaded {
    /// Every warning, `file:line: message`.
    pub fn warnings(&self) -> Vec<String> {
        let mut w: Vec<String> = self.import.warnings().map(|w| w.to_string()).collect();
        w.extend(self.verbs.iter().flat_map(|r| r.warnings.iter().cloned()));
        w
    }
}

/// Loads verb files and actor/agent/discard files (told by name). With
/// `stems` (TABARI) a phrase word without `_` matches any word it begins;
/// without (PETRARCH) words are whole words.
pub fn load(verb_files: &[PathBuf], lexicon_files: &[PathBuf], stems: bool) -> Result<Loaded> {
    let (lexicon, import) = Lexicon::from_dicts(lexicon_files)?;
    let actors = ActorTable::new(&lexicon, stems);
    let mut dict = VerbDict::default();
    let mut reports = Vec::new();
    for path in verb_files {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        let (d, r) = read_verbs(&path.display().to_string(), &bytes);
        dict.entries.extend(d.entries);
        dict.nouns.extend(d.nouns);
        dict.times.extend(d.times);
        dict.adjectives.extend(d.adjectives);
        dict.synsets.extend(d.synsets);
        reports.push(r);
    }
    let mut filters = 0;
    for path in lexicon_files {
        if let Ok(bytes) = std::fs::read(path) {
            let (n, a) = verbs::read_filters(&bytes);
            filters += n.len() + a.len();
            dict.nouns.extend(n);
            dict.adjectives.extend(a);
        }
    }
    let phrases = actors.counts();
    Ok(Loaded {
        coder: DictCoder::new(dict, actors),
        verbs: reports,
        import,
        phrases,
        options: Vec::new(),
        filters,
    })
}

/// Loads the dictionaries a TABARI `.project` file names (`<actorsfile>`,
/// `<verbsfile>`, `<agentsfile>`), relative to its directory, and the
/// settings of its `<optionsfile>`.
pub fn load_tabari_project(project: &Path) -> Result<Loaded> {
    let text = std::fs::read_to_string(project).map_err(|source| Error::Io {
        path: project.to_path_buf(),
        source,
    })?;
    let dir = project.parent().unwrap_or(Path::new("."));
    let mut verbs = Vec::new();
    let mut lex = Vec::new();
    let mut options = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        let Some((tag, value)) = t.strip_prefix('<').and_then(|r| r.split_once('>')) else {
            continue;
        };
        let path = dir.join(value.trim());
        match tag {
            "verbsfile" => verbs.push(path),
            "actorsfile" | "agentsfile" => lex.push(path),
            "optionsfile" => {
                let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
                    path: path.clone(),
                    source,
                })?;
                options.extend(
                    text.lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty() && !l.starts_with("//"))
                        .map(str::to_string),
                );
            }
            _ => {}
        }
    }
    if verbs.is_empty() || lex.is_empty() {
        return Err(Error::Format {
            origin: project.display().to_string(),
            line: None,
            message: "no <verbsfile> or <actorsfile> named".into(),
        });
    }
    let mut loaded = load(&verbs, &lex, true)?;
    loaded.options = options;
    Ok(loaded)
}

/// Loads every dictionary in a directory: names with `verbs` are verb
/// files; `actors`, `agents` and `discards` go to the lexicon importer.
/// Phrases are read as PETRARCH reads them (whole words) unless a verb
/// file is in TABARI's format.
pub fn load_dir(dir: &Path) -> Result<Loaded> {
    let rd = std::fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut names: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    names.sort();
    let mut verbs = Vec::new();
    let mut lex = Vec::new();
    for p in names {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if name.contains("verbs") {
            verbs.push(p);
        } else if dyads_lexicon::DictKind::of(&p).is_some() {
            lex.push(p);
        }
    }
    let tabari = verbs.iter().any(|p| {
        std::fs::read(p)
            .map(|b| {
                verbs::VerbFormat::detect(&String::from_utf8_lossy(&b)) == verbs::VerbFormat::Tabari
            })
            .unwrap_or(false)
    });
    load(&verbs, &lex, tabari)
}

/// The dictionary files among `paths` (files, or directories whose files
/// are taken in name order): verb files (names holding `verbs`), then
/// actor, agent and discard files.
pub fn dictionary_files(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let mut verbs = Vec::new();
    let mut lex = Vec::new();
    for path in paths {
        let mut files = Vec::new();
        if path.is_dir() {
            let rd = std::fs::read_dir(path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            files.extend(
                rd.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.is_file()),
            );
            files.sort();
        } else {
            files.push(path.clone());
        }
        for p in files {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            if is_verb_file(&p, &name) {
                verbs.push(p);
            } else if dyads_lexicon::DictKind::of(&p).is_some() || !path.is_dir() {
                lex.push(p);
            }
        }
    }
    Ok((verbs, lex))
}

/// A verb dictionary: its name holds `verb` (`.verbs`, `verbpatterns`),
/// or it is neither an actor, agent nor discard file and has PETRARCH's
/// `--- NAME [code] ---` block headers (PETRARCH 2 ships its verbs as
/// `CAMEO.2.0.txt`).
fn is_verb_file(path: &Path, lower_name: &str) -> bool {
    if lower_name.contains("verb") {
        return true;
    }
    if dyads_lexicon::DictKind::of(path).is_some() {
        return false;
    }
    let Ok(bytes) = std::fs::read(path) else {
        return false;
    };
    let head = &bytes[..bytes.len().min(1 << 20)];
    String::from_utf8_lossy(head).lines().any(|l| {
        let l = l.trim_end();
        l.starts_with("--- ") && l.ends_with(" ---") && l.contains('[')
    })
}

/// Loads the dictionaries among `paths` (files, or directories whose
/// files are taken) for coding documents: `None` when no verb dictionary
/// is among them (the actor files are then only for actor resolution).
/// Files are sorted within a directory and named by the rules of
/// [`load_dir`]. With `over`, the imported actors are layered over that
/// lexicon (`--dict-over`).
pub fn load_for_documents(paths: &[PathBuf], over: Option<&Lexicon>) -> Result<Option<Loaded>> {
    let (verbs, lex) = dictionary_files(paths)?;
    if verbs.is_empty() {
        return Ok(None);
    }
    let tabari = verbs.iter().any(|p| {
        std::fs::read(p)
            .map(|b| {
                verbs::VerbFormat::detect(&String::from_utf8_lossy(&b)) == verbs::VerbFormat::Tabari
            })
            .unwrap_or(false)
    });
    let mut loaded = load(&verbs, &lex, tabari)?;
    if let Some(base) = over {
        let (own, _) = Lexicon::from_dicts(&lex)?;
        let layered = own.layer_over(base);
        loaded.coder = DictCoder::new(
            loaded.coder.verbs.clone(),
            ActorTable::new(&layered, tabari),
        );
        loaded.phrases = loaded.coder.actors.counts();
    }
    Ok(Some(loaded))
}

/// One record coded: what was expected and what was produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The record id.
    pub id: String,
    /// Its header line.
    pub line: usize,
    /// The text, blanks collapsed.
    pub text: String,
    /// Expected events.
    pub expected: BTreeSet<Triple>,
    /// Produced events.
    pub produced: BTreeSet<Triple>,
}

/// Applies a TABARI `OPTION:` setting the coder understands (`SET:
/// CONVERT AGENT`, `SET: TIME SHIFT`, `SET: MINIMUM WORDS`, `SET: CODE BY
/// CLAUSE|SENTENCE`, `SET: CODE ALL`, `DEFAULT: ...`, `COMMA: ...`,
/// `COMPLEX: ...`, `FORWARD: MASK [OFF]`);
/// returns false for settings it does not model.
pub fn apply_option(opts: &mut CodeOptions, option: &str) -> bool {
    let norm = option
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_uppercase();
    match norm.as_str() {
        "SET: CONVERT AGENT = TRUE" => opts.convert_agent = true,
        "SET: TIME SHIFT = TRUE" => opts.time_shift = true,
        "SET: TIME SHIFT = FALSE" => opts.time_shift = false,
        "SET: CONVERT AGENT = FALSE" => opts.convert_agent = false,
        "SET: CODE BY CLAUSE" => opts.code_by = CodeBy::Clause,
        "SET: CODE BY SENTENCE" => opts.code_by = CodeBy::Sentence,
        "SET: CODE ALL" => opts.code_by = CodeBy::All,
        "DEFAULT: OFF" => opts.defaults = None,
        c if c.starts_with("COMPLEX:") => {
            let n = |key: &str| -> Option<usize> {
                let i = c.find(key)? + key.len();
                c[i..].split(']').next()?.trim().parse().ok()
            };
            opts.complex = match (n("VERBS["), n("CONJ[")) {
                (None, None) => None,
                (v, k) => Some((v.unwrap_or(usize::MAX), k.unwrap_or(usize::MAX))),
            };
        }
        "COMMA: OFF" => opts.comma = None,
        f if f.starts_with("FORWARD:") => {
            let rest: Vec<&str> = f["FORWARD:".len()..].split_whitespace().collect();
            opts.forward = match rest.as_slice() {
                [.., "OFF"] | [] => None,
                [mask, ..] => Some(mask.to_string()),
            };
        }
        c if c.starts_with("COMMA:") => {
            opts.comma = Some(parse_comma(c, opts.comma.unwrap_or_default()))
        }
        m if m.starts_with("SET: MINIMUM WORDS =") => {
            match m.rsplit('=').next().map(|n| n.trim().parse()) {
                Some(Ok(n)) => opts.min_words = n,
                _ => return false,
            }
        }
        d if d.starts_with("DEFAULT:") => opts.defaults = Some(parse_defaults(d)),
        _ => return false,
    }
    true
}

/// Reads `COMMA: MIN = 4 MAX = 6 EMIN = 3 ...` over `rule`.
fn parse_comma(text: &str, mut rule: CommaRule) -> CommaRule {
    let spaced = text.trim_start_matches("COMMA:").replace('=', " = ");
    let words: Vec<&str> = spaced.split_whitespace().collect();
    for w in words.windows(3) {
        let (key, eq, value) = (w[0], w[1], w[2]);
        let Ok(n) = value.trim_end_matches('}').parse::<usize>() else {
            continue;
        };
        if eq != "=" {
            continue;
        }
        match key {
            "MIN" => rule.min = n,
            "MAX" => rule.max = n,
            "EMIN" => rule.emin = n,
            "EMAX" => rule.emax = n,
            "BMIN" => rule.bmin = n,
            "BMAX" => rule.bmax = n,
            _ => {}
        }
    }
    rule
}

/// Reads `DEFAULT: SOURCE [X] PRIOR TARGET [Y] AFTER`.
fn parse_defaults(text: &str) -> Defaults {
    let mut d = Defaults::default();
    let mut words = text
        .trim_start_matches("DEFAULT:")
        .split_whitespace()
        .peekable();
    let mut side = "";
    while let Some(w) = words.next() {
        match w {
            "SOURCE" | "TARGET" => side = if w == "SOURCE" { "S" } else { "T" },
            "PRIOR" => d.prior = true,
            "AFTER" => d.after = true,
            c if c.starts_with('[') => {
                let code = c.trim_matches(['[', ']']).to_string();
                if side == "S" {
                    d.source = Some(code);
                } else {
                    d.target = Some(code);
                }
            }
            _ => {}
        }
        let _ = words.peek();
    }
    d
}

/// TABARI's starting settings for a loaded project:
/// [`CodeOptions::tabari`] with the project's `.options` file applied.
pub fn tabari_options(loaded: &Loaded) -> CodeOptions {
    let mut opts = CodeOptions::tabari();
    for o in &loaded.options {
        apply_option(&mut opts, o);
    }
    opts
}

/// Codes the scored records, starting from `opts`; options stated in a
/// record apply from the next record on.
pub fn run_records(coder: &DictCoder, records: &[Record], opts: CodeOptions) -> Vec<Outcome> {
    let mut opts = opts;
    let mut out = Vec::new();
    // The story and first actor of the last coded record, for `FORWARD`.
    let mut prev: Option<(String, Option<String>)> = None;
    for r in records {
        if r.scored {
            let date = Date::parse_compact(&r.date);
            let story = opts.forward.as_deref().map(|m| story_key(&r.id, m));
            let ante = match (&story, &prev) {
                (Some(s), Some((ps, a))) if s == ps => a.clone(),
                _ => None,
            };
            let (events, first) = coder.code_forwarded(&r.text, date, &opts, ante.as_deref());
            prev = story.map(|s| (s, first));
            out.push(Outcome {
                id: r.id.clone(),
                line: r.line,
                text: r.text.split_whitespace().collect::<Vec<_>>().join(" "),
                expected: r.expected.iter().cloned().collect(),
                produced: events.into_iter().map(|e| e.triple).collect(),
            });
        }
        for o in &r.options {
            apply_option(&mut opts, o);
        }
    }
    out
}

/// The story a record id belongs to under a TABARI `FORWARD` mask: the
/// id's characters where the mask, aligned with the end of the id, has
/// `N`; without any `N`, the id up to its last `-`.
pub fn story_key(id: &str, mask: &str) -> String {
    let ids: Vec<char> = id.chars().collect();
    let ms: Vec<char> = mask.chars().collect();
    if !ms.contains(&'N') {
        return id.rsplit_once('-').map_or(id, |(s, _)| s).to_string();
    }
    let off = ms.len() as isize - ids.len() as isize;
    ids.iter()
        .enumerate()
        .filter(|(i, _)| {
            let m = *i as isize + off;
            m >= 0 && ms.get(m as usize) == Some(&'N')
        })
        .map(|(_, c)| *c)
        .collect()
}
