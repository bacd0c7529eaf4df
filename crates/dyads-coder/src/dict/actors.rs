//! Actor and agent phrases of imported dictionaries, found in tokens.
//!
//! The dictionaries are read by `dyads_lexicon` ([`Lexicon::from_dicts`]),
//! which keeps the dated codes but turns phrases into display names
//! (`ITHILEN_GOVERNMENT_RADIO_` becomes `ITHILEN GOVERNMENT RADIO`). The
//! TABARI notation in the phrase (stem or exact word, `_` or blank between
//! words) decides what the phrase matches, so the phrase as written is
//! looked up again at the entry's line (see [`raw_phrase`]); when it cannot
//! be found the name is read as exact words in a row.

use std::collections::HashMap;

use dyads_lexicon::model::{Actor, CodePosition};
use dyads_lexicon::{Date, Lexicon};

use crate::dict::pattern::{
    parse as parse_phrase, word_matches, Elem, Endings, Link, Seq, Synsets, WordMode,
};
use crate::dict::tokens::Token;

/// An actor or agent phrase.
#[derive(Clone, Debug)]
struct Phrase {
    seq: Seq,
    /// Index into `actors` or `agents`.
    owner: usize,
}

/// An agent: its code and where it goes.
#[derive(Clone, Debug)]
struct Agent {
    code: String,
    position: CodePosition,
}

/// The actors and agents of a lexicon, ready to match tokens.
#[derive(Clone, Debug, Default)]
pub struct ActorTable {
    actors: Vec<Actor>,
    /// Actors with a compound code (`[ABC/DEF]`), which the lexicon
    /// importer does not take: their codes; owner `actors.len() + i`.
    compound: Vec<Vec<String>>,
    agents: Vec<Agent>,
    actor_phrases: Vec<Phrase>,
    agent_phrases: Vec<Phrase>,
    /// Discard phrases: a sentence (or, when true, a whole text) that
    /// contains one is not coded.
    discards: Vec<(Seq, bool)>,
    /// First word (its text) to phrase indices, per table.
    actor_index: HashMap<String, Vec<usize>>,
    agent_index: HashMap<String, Vec<usize>>,
}

/// Normalises a phrase for comparison: `_` to blanks, upper case.
fn norm(s: &str) -> String {
    s.replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

/// The phrase part of a dictionary line: before `[`, `{`, `;` or `#`,
/// without a leading `+`.
fn line_phrase(line: &str) -> &str {
    let end = line.find(['[', '{', ';', '#']).unwrap_or(line.len());
    line[..end].trim().trim_start_matches('+').trim()
}

/// The phrase as written for `name`, searched from `line` (1-based) on.
pub fn raw_phrase(lines: &[String], line: usize, name: &str) -> Option<String> {
    let want = norm(name);
    let from = line.saturating_sub(1);
    lines
        .iter()
        .skip(from)
        .take(80)
        .flat_map(|l| line_phrase(l).split('+'))
        .find(|p| norm(p) == want)
        .map(|p| p.trim().to_string())
}

fn index(map: &mut HashMap<String, Vec<usize>>, seq: &Seq, i: usize) {
    if let Some(Elem::Word(w)) = seq.elems.first() {
        map.entry(w.text.clone()).or_default().push(i);
    }
}

impl ActorTable {
    /// Builds the table from an imported lexicon; dictionary files are
    /// read again (by the paths in the entries' origins) for the phrases
    /// as written. With `stems` false (PETRARCH), every word is a whole
    /// word rather than TABARI's stem.
    pub fn new(lexicon: &Lexicon, stems: bool) -> ActorTable {
        // Each dictionary file once (a clone per actor would make loading
        // quadratic in the size of the file).
        let mut files: HashMap<String, Vec<String>> = HashMap::new();
        let origins = lexicon
            .actors()
            .iter()
            .map(|a| &a.origin.file)
            .chain(lexicon.terms().iter().map(|t| &t.origin.file));
        for file in origins {
            if !files.contains_key(file) {
                let lines = std::fs::read(file)
                    .map(|b| {
                        String::from_utf8_lossy(&b)
                            .lines()
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default();
                files.insert(file.clone(), lines);
            }
        }
        let lines_of = |file: &str| -> &[String] { files.get(file).map_or(&[], Vec::as_slice) };
        let none = Synsets::new();
        let parse = |raw: &str, syn: &Synsets| -> Result<Seq, String> {
            let mut seq = parse_phrase(raw, syn)?;
            if !stems {
                for e in &mut seq.elems {
                    if let Elem::Word(w) = e {
                        if w.mode == WordMode::Stem {
                            w.mode = WordMode::Exact;
                        }
                    }
                }
            }
            Ok(seq)
        };
        let mut t = ActorTable::default();
        for actor in lexicon.actors() {
            let lines = lines_of(&actor.origin.file);
            let idx = t.actors.len();
            for name in &actor.names {
                let raw = raw_phrase(lines, actor.origin.line, &name.text)
                    .unwrap_or_else(|| format!("{}_", name.text.replace(' ', "_")));
                if let Ok(seq) = parse(&raw, &none) {
                    if !seq.elems.is_empty() && seq.elems.iter().all(|e| matches!(e, Elem::Word(_)))
                    {
                        index(&mut t.actor_index, &seq, t.actor_phrases.len());
                        t.actor_phrases.push(Phrase { seq, owner: idx });
                    }
                }
            }
            t.actors.push(actor.clone());
        }
        // Compound codes, read here from the same files.
        let mut seen: Vec<String> = lexicon
            .actors()
            .iter()
            .map(|a| a.origin.file.clone())
            .collect();
        seen.sort();
        seen.dedup();
        let mut extra = Vec::new();
        for file in seen {
            for l in lines_of(&file) {
                let (Some(a), Some(b)) = (l.find('['), l.find(']')) else {
                    continue;
                };
                let code = l.get(a + 1..b).unwrap_or_default().trim();
                if !code.contains('/') || l.trim_start().starts_with(['#', ';']) {
                    continue;
                }
                let codes: Vec<String> = code.split('/').map(|c| c.trim().to_uppercase()).collect();
                let phrase = line_phrase(l).to_string();
                if !phrase.is_empty() && codes.iter().all(|c| !c.is_empty()) {
                    extra.push((phrase, codes));
                }
            }
        }
        for (phrase, codes) in extra {
            if let Ok(seq) = parse(&phrase, &none) {
                if !seq.elems.is_empty() && seq.elems.iter().all(|e| matches!(e, Elem::Word(_))) {
                    let owner = t.actors.len() + t.compound.len();
                    index(&mut t.actor_index, &seq, t.actor_phrases.len());
                    t.actor_phrases.push(Phrase { seq, owner });
                    t.compound.push(codes);
                }
            }
        }
        for d in lexicon.discards() {
            let raw = d.phrase.trim().replace(' ', "_");
            if let Ok(seq) = parse(&format!("{raw}_"), &none) {
                if !seq.elems.is_empty() {
                    t.discards.push((seq, d.whole_story));
                }
            }
        }
        for term in lexicon.terms() {
            let lines = lines_of(&term.origin.file);
            let idx = t.agents.len();
            let mut forms = vec![raw_phrase(lines, term.origin.line, &term.term)
                .unwrap_or_else(|| format!("{}_", term.term.replace(' ', "_")))];
            forms.extend(
                term.variants
                    .iter()
                    .map(|v| format!("{}_", v.replace(' ', "_"))),
            );
            for raw in forms {
                if let Ok(seq) = parse(&raw, &none) {
                    if !seq.elems.is_empty() && seq.elems.iter().all(|e| matches!(e, Elem::Word(_)))
                    {
                        index(&mut t.agent_index, &seq, t.agent_phrases.len());
                        t.agent_phrases.push(Phrase { seq, owner: idx });
                    }
                }
            }
            t.agents.push(Agent {
                code: term.code.clone(),
                position: term.position,
            });
        }
        t
    }

    /// True when a discard phrase occurs in `tokens`: `story` asks for
    /// whole-story discards only.
    pub fn discarded(&self, tokens: &[Token], story: bool) -> bool {
        self.discards
            .iter()
            .filter(|(_, whole)| *whole || !story)
            .any(|(seq, _)| (0..tokens.len()).any(|i| match_words(seq, tokens, i, 0).is_some()))
    }

    /// Number of actor phrases and agent phrases.
    pub fn counts(&self) -> (usize, usize) {
        (self.actor_phrases.len(), self.agent_phrases.len())
    }

    fn longest(
        phrases: &[Phrase],
        index: &HashMap<String, Vec<usize>>,
        tokens: &[Token],
        i: usize,
    ) -> Option<(usize, usize)> {
        let tok = tokens.get(i)?;
        if tok.punct {
            return None;
        }
        let mut best: Option<(usize, usize)> = None;
        let text = &tok.text;
        for (k, _) in text
            .char_indices()
            .skip(1)
            .chain(std::iter::once((text.len(), ' ')))
        {
            let Some(cands) = index.get(&text[..k]) else {
                continue;
            };
            for &p in cands {
                let Some(ph) = phrases.get(p) else { continue };
                if let Some(end) = match_words(&ph.seq, tokens, i, 2) {
                    if best.is_none_or(|(e, _)| end > e) {
                        best = Some((end, ph.owner));
                    }
                }
            }
        }
        best
    }

    /// The longest actor phrase starting at token `i`: (end, actor index).
    pub fn actor_at(&self, tokens: &[Token], i: usize) -> Option<(usize, usize)> {
        Self::longest(&self.actor_phrases, &self.actor_index, tokens, i)
    }

    /// The longest agent phrase starting at token `i`: (end, agent index).
    pub fn agent_at(&self, tokens: &[Token], i: usize) -> Option<(usize, usize)> {
        Self::longest(&self.agent_phrases, &self.agent_index, tokens, i)
    }

    /// The codes of actor `a` on `date`: one, several for a compound
    /// code, none for the null code `---` or an actor without a code that
    /// day; `###` (do not code the sentence) is returned as it is. Without
    /// a date the first code applies.
    pub fn actor_codes(&self, a: usize, date: Option<Date>) -> Vec<String> {
        let Some(actor) = self.actors.get(a) else {
            return self
                .compound
                .get(a - self.actors.len().min(a))
                .cloned()
                .unwrap_or_default();
        };
        let code = match date {
            Some(d) => actor.code_on(d),
            None => actor
                .codes
                .first()
                .map(|c| c.code.clone())
                .or_else(|| actor.default_code()),
        };
        code.filter(|c| c != "---").into_iter().collect()
    }

    /// Combines actor code `actor` with agent `g`'s code (unchanged when
    /// the actor's code already ends, or for `CODE~` agents begins, with
    /// the agent's).
    pub fn with_agent(&self, actor: &str, g: usize) -> String {
        match self.agents.get(g) {
            Some(a) if a.position == CodePosition::After && actor.ends_with(&a.code) => {
                actor.to_string()
            }
            Some(a) if a.position == CodePosition::Before && actor.starts_with(&a.code) => {
                actor.to_string()
            }
            Some(a) if a.position == CodePosition::Before => format!("{}{actor}", a.code),
            Some(a) => format!("{actor}{}", a.code),
            None => actor.to_string(),
        }
    }

    /// Combines actor code `actor` with `code` in place of agent `g`'s
    /// own code, on the agent's side (TABARI's `FORMER` gives `ELI`).
    pub fn with_agent_code(&self, actor: &str, g: usize, code: &str) -> String {
        match self.agents.get(g).map(|a| a.position) {
            Some(CodePosition::Before) if !actor.starts_with(code) => format!("{code}{actor}"),
            Some(_) if !actor.ends_with(code) => format!("{actor}{code}"),
            _ => actor.to_string(),
        }
    }

    /// The agent's code alone, as TABARI writes it (`~MIL`).
    pub fn agent_alone(&self, g: usize) -> Option<String> {
        self.agents.get(g).map(|a| match a.position {
            CodePosition::Before => format!("{}~", a.code),
            CodePosition::After => format!("~{}", a.code),
        })
    }
}

/// Matches a phrase of plain words at token `i`; `max_gap` tokens may come
/// between words joined by a blank. Regular noun endings are allowed on
/// the last word; only the last word may be possessive. Returns the end.
pub fn match_words(seq: &Seq, tokens: &[Token], i: usize, max_gap: usize) -> Option<usize> {
    let n = seq.elems.len();
    let mut pos = i;
    for (k, e) in seq.elems.iter().enumerate() {
        let Elem::Word(w) = e else { return None };
        let endings = if k + 1 == n {
            Endings::Noun
        } else {
            Endings::None
        };
        let ok = |p: usize| {
            tokens.get(p).is_some_and(|t| {
                !t.punct && word_matches(w, &t.text, endings) && (k + 1 == n || !t.possessive)
            })
        };
        if k == 0 {
            if !ok(pos) {
                return None;
            }
        } else {
            let gap = match seq.links.get(k - 1) {
                Some(Link::Loose) => max_gap,
                _ => 0,
            };
            let found = (pos..=pos + gap)
                .take_while(|&p| {
                    tokens.get(p).is_some_and(|t| !t.punct)
                        && (p == pos || !tokens[p - 1].possessive)
                })
                .find(|&p| ok(p))?;
            pos = found;
        }
        pos += 1;
    }
    Some(pos)
}
