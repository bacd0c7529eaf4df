//! Phrases and patterns of TABARI/PETRARCH dictionaries, parsed into
//! element sequences and matched against tokens.
//!
//! Notation (TABARI manual, as the validation suites exercise it):
//! - a word followed by a blank or ending the phrase is a stem: it matches
//!   any word that begins with it (`RESTOR` matches `restored`);
//! - a word followed by `_` must match exactly, and `_` ties it to the next
//!   element: nothing may come between (`IN_*`); a blank lets other words
//!   come between (`SAID * TO ATTEND`);
//! - `~` after a word makes it a stem again (`RECENT~_*`); `=` means the
//!   exact word with no regular ending (`BAN=`);
//! - `*` is the verb, `+` the target, `$` the source, `%` a compound actor,
//!   `^` an actor skipped over; `{ A | B C }` are alternatives; `&NAME` a
//!   synonym set (expanded into alternatives).

use std::collections::HashMap;

/// How a dictionary word matches a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordMode {
    /// The token begins with the word.
    Stem,
    /// The token is the word (regular endings allowed where the phrase
    /// allows them).
    Exact,
    /// The token is exactly the word, no endings (`=`).
    Bare,
}

/// One dictionary word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The word, upper case.
    pub text: String,
    /// How it matches.
    pub mode: WordMode,
}

/// How two neighbouring elements are linked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// `_`: adjacent tokens.
    Tight,
    /// Blank: other tokens may come between.
    Loose,
}

/// One element of a phrase or pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elem {
    /// A word.
    Word(Word),
    /// Alternatives (from `{...|...}`).
    Alt(Vec<Seq>),
    /// A synonym set's members (from `&NAME`); a match through a set
    /// counts a little less than the same words written out.
    Syn(Vec<Seq>),
    /// `*`: the verb.
    Verb,
    /// `+`: the target.
    Target,
    /// `$`: the source.
    Source,
    /// `%`: a compound actor.
    Compound,
    /// `^`: an actor skipped over.
    Skip,
}

/// A sequence of elements with the links between them
/// (`links.len() == elems.len() - 1`, or 0 when empty).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seq {
    /// The elements.
    pub elems: Vec<Elem>,
    /// `links[i]` joins `elems[i]` and `elems[i + 1]`.
    pub links: Vec<Link>,
}

/// Synonym sets by name (without the `&`), as raw phrase texts.
pub type Synsets = HashMap<String, Vec<String>>;

impl Seq {
    fn push(&mut self, e: Elem, link: Link) {
        if !self.elems.is_empty() {
            self.links.push(link);
        }
        self.elems.push(e);
    }

    /// The number of words, markers included, of the longest reading.
    pub fn weight(&self) -> usize {
        self.elems
            .iter()
            .map(|e| match e {
                Elem::Word(w) => w.text.len(),
                Elem::Alt(alts) | Elem::Syn(alts) => {
                    alts.iter().map(Seq::weight).max().unwrap_or(0)
                }
                Elem::Verb => 0,
                _ => 1,
            })
            .sum()
    }

    /// True when the sequence contains `e` at its top level.
    pub fn has(&self, e: &Elem) -> bool {
        self.elems.iter().any(|x| x == e)
    }
}

fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '_' | '{' | '}' | '|' | '*' | '+' | '$' | '%' | '^' | '&')
}

/// Parses a phrase or pattern (`SUGGESTED_+ * DEMAND_{ A | B }_C`).
/// `depth` bounds synonym sets that name each other.
pub fn parse(text: &str, synsets: &Synsets) -> Result<Seq, String> {
    parse_depth(text, synsets, 0)
}

fn parse_depth(text: &str, synsets: &Synsets, depth: usize) -> Result<Seq, String> {
    if depth > 8 {
        return Err("synonym sets nested too deep".into());
    }
    let chars: Vec<char> = text.chars().collect();
    let mut seq = Seq::default();
    let mut link = Link::Loose;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            c if c.is_whitespace() => {
                link = Link::Loose;
                i += 1;
            }
            '_' => {
                if let Some(Elem::Word(w)) = seq.elems.last_mut() {
                    if i > 0 && is_word_char(chars[i - 1]) && w.mode == WordMode::Stem {
                        w.mode = WordMode::Exact;
                    }
                }
                link = Link::Tight;
                i += 1;
            }
            '{' => {
                let mut level = 0;
                let mut j = i;
                while j < chars.len() {
                    match chars[j] {
                        '{' => level += 1,
                        '}' => {
                            level -= 1;
                            if level == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                if j >= chars.len() {
                    return Err(format!("unclosed `{{` in `{text}`"));
                }
                let inner: String = chars[i + 1..j].iter().collect();
                let mut alts = Vec::new();
                for part in split_top(&inner) {
                    let s = parse_depth(&part, synsets, depth + 1)?;
                    if s.elems.is_empty() {
                        return Err(format!("empty alternative in `{text}`"));
                    }
                    alts.push(s);
                }
                seq.push(Elem::Alt(alts), link);
                link = Link::Loose;
                i = j + 1;
            }
            '}' | '|' => return Err(format!("stray `{c}` in `{text}`")),
            '*' | '+' | '$' | '%' | '^' => {
                let e = match c {
                    '*' => Elem::Verb,
                    '+' => Elem::Target,
                    '$' => Elem::Source,
                    '%' => Elem::Compound,
                    _ => Elem::Skip,
                };
                seq.push(e, link);
                link = Link::Loose;
                i += 1;
            }
            '&' => {
                let mut j = i + 1;
                while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '-') {
                    j += 1;
                }
                let name: String = chars[i + 1..j].iter().collect::<String>().to_uppercase();
                let Some(items) = synsets.get(&name) else {
                    return Err(format!("unknown synonym set `&{name}`"));
                };
                let mut alts = Vec::new();
                for item in items {
                    let s = parse_depth(item, synsets, depth + 1)?;
                    if !s.elems.is_empty() {
                        alts.push(s);
                    }
                }
                seq.push(Elem::Syn(alts), link);
                link = Link::Loose;
                i = j;
            }
            _ => {
                let mut j = i;
                while j < chars.len() && is_word_char(chars[j]) {
                    j += 1;
                }
                let raw: String = chars[i..j].iter().collect::<String>().to_uppercase();
                let (text, mode) = if let Some(t) = raw.strip_suffix('=') {
                    (t.to_string(), WordMode::Bare)
                } else if let Some(t) = raw.strip_suffix('~') {
                    (t.to_string(), WordMode::Stem)
                } else {
                    (raw, WordMode::Stem)
                };
                // A `~` keeps the word a stem even when `_` follows.
                let tilde = chars[j - 1] == '~';
                // A hyphen between letters joins two words tightly, as
                // the text's `AL-GORE` is read as `AL GORE`.
                let parts = hyphen_parts(&text);
                let last = parts.len() - 1;
                for (k, part) in parts.into_iter().enumerate() {
                    let m = if k < last { WordMode::Exact } else { mode };
                    let l = if k == 0 { link } else { Link::Tight };
                    seq.push(
                        Elem::Word(Word {
                            text: part,
                            mode: m,
                        }),
                        l,
                    );
                }
                if tilde && j < chars.len() && chars[j] == '_' {
                    link = Link::Tight;
                    i = j + 1;
                    continue;
                }
                link = Link::Loose;
                i = j;
            }
        }
    }
    Ok(seq)
}

/// Splits a word at hyphens that stand between two letters (never
/// empty: a word without such a hyphen is one part).
pub fn hyphen_parts(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = vec![String::new()];
    for (i, &c) in chars.iter().enumerate() {
        let joins = c == '-'
            && i > 0
            && chars[i - 1].is_alphabetic()
            && chars.get(i + 1).is_some_and(|n| n.is_alphabetic());
        match out.last_mut() {
            Some(cur) if !joins => cur.push(c),
            _ => out.push(String::new()),
        }
    }
    out
}

/// Splits `A | B { C | D }` at the top-level bars.
fn split_top(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut level = 0;
    for c in s.chars() {
        match c {
            '{' => level += 1,
            '}' => level -= 1,
            '|' if level == 0 => {
                out.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    out.push(cur);
    out
}

/// Regular endings a word may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endings {
    /// None: the word as written.
    None,
    /// Nouns: `S`, `ES`.
    Noun,
    /// Verbs: `S`, `ES`, `ED`, `EN`, `ING`, and `D` or `ING` on a final `E`.
    Verb,
}

/// True when token text `tok` matches dictionary word `w`.
pub fn word_matches(w: &Word, tok: &str, endings: Endings) -> bool {
    match w.mode {
        WordMode::Stem => tok.starts_with(&w.text),
        WordMode::Bare => tok == w.text,
        WordMode::Exact => {
            if tok == w.text {
                return true;
            }
            let Some(rest) = tok.strip_prefix(&w.text) else {
                return w.text.ends_with('E')
                    && endings == Endings::Verb
                    && tok.strip_suffix("ING") == w.text.strip_suffix('E');
            };
            match endings {
                Endings::None => false,
                Endings::Noun => matches!(rest, "S" | "ES"),
                Endings::Verb => {
                    matches!(rest, "S" | "ES" | "ED" | "EN" | "ING")
                        || (rest == "D" && w.text.ends_with('E'))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(text: &str, mode: WordMode) -> Elem {
        Elem::Word(Word {
            text: text.into(),
            mode,
        })
    }

    #[test]
    fn notation() {
        let mut syn = Synsets::new();
        syn.insert("KIND".into(), vec!["GRAIN".into(), "FRESH_WATER".into()]);
        let s = parse("SAID_+ * SEND_&KIND { TO | INTO_ } $", &syn);
        let s = match s {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(s.elems[0], w("SAID", WordMode::Exact));
        assert_eq!(s.links[0], Link::Tight);
        assert_eq!(s.elems[1], Elem::Target);
        assert_eq!(s.elems[2], Elem::Verb);
        assert_eq!(s.elems[3], w("SEND", WordMode::Exact));
        assert!(matches!(&s.elems[4], Elem::Syn(a) if a.len() == 2));
        assert!(matches!(&s.elems[5], Elem::Alt(a) if a.len() == 2));
        assert_eq!(s.links[3], Link::Tight);
        assert_eq!(*s.elems.last().unwrap_or(&Elem::Verb), Elem::Source);
        let t = parse("RECENT~_* BAN= X", &syn).unwrap_or_default();
        assert_eq!(t.elems[0], w("RECENT", WordMode::Stem));
        assert_eq!(t.links[0], Link::Tight);
        assert_eq!(t.elems[2], w("BAN", WordMode::Bare));
        assert!(parse("A { B", &syn).is_err());
        assert!(parse("&NOPE *", &syn).is_err());
    }

    #[test]
    fn endings() {
        let exact = Word {
            text: "DEPLORE".into(),
            mode: WordMode::Exact,
        };
        for (tok, e, ok) in [
            ("DEPLORED", Endings::Verb, true),
            ("DEPLORING", Endings::Verb, true),
            ("DEPLOREZ", Endings::Verb, false),
            ("DEPLORES", Endings::Noun, true),
            ("DEPLORED", Endings::Noun, false),
            ("DEPLORES", Endings::None, false),
        ] {
            assert_eq!(word_matches(&exact, tok, e), ok, "{tok}");
        }
        let stem = Word {
            text: "RESTOR".into(),
            mode: WordMode::Stem,
        };
        assert!(word_matches(&stem, "RESTORATION", Endings::None));
    }
}
