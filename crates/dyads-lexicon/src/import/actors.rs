//! Actor dictionaries (PETRARCH, Phoenix, TABARI).
//!
//! A record is a primary phrase (optionally with codes on the same line),
//! `+` synonym lines, and code lines `[CODE]`, `[CODE yymmdd-yymmdd]`,
//! `[CODE >date]`, `[CODE <date]` (indented in PETRARCH, also inline in
//! TABARI, several per line allowed, spaces inside tolerated). Dates are
//! `YYMMDD` (00-30 -> 20YY) or `YYYYMMDD`, limits inclusive. A primary
//! phrase that has neither codes nor synonyms yet, followed by another
//! primary phrase without inline codes, is read as a synonym of it
//! (`THE_UNITED_NATIONS_` / `UN_` / `U.N._` / `[IGOUNO]` is one actor); an
//! entry left without any code is a warning.

use crate::date::Date;
use crate::import::{content_lines, phrase_to_name, DictKind, DictReport};
use crate::model::{Actor, ActorKind, DatedCode, Name, NameKind, Origin};

struct Pending {
    line: usize,
    /// Names, and whether the last word is a stem.
    names: Vec<(String, bool)>,
    synonyms: bool,
    codes: Vec<DatedCode>,
}

/// Splits `text [a] [b]` into the text before the first bracket and the
/// bracket contents; `None` when a bracket is not closed.
fn split_brackets(line: &str) -> Option<(&str, Vec<&str>)> {
    let (head, mut rest) = match line.find('[') {
        Some(i) => (&line[..i], &line[i..]),
        None => return Some((line, Vec::new())),
    };
    let mut groups = Vec::new();
    while let Some(open) = rest.find('[') {
        let close = rest[open..].find(']')? + open;
        groups.push(&rest[open + 1..close]);
        rest = &rest[close + 1..];
    }
    Some((head, groups))
}

/// Parses a code group (`USAGOV 991201-010114`, `HOB < 950601`).
fn parse_code(group: &str) -> Result<DatedCode, String> {
    let mut parts = group.split_whitespace();
    let Some(code) = parts.next() else {
        return Err("empty code `[]`".into());
    };
    if code
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b == b'<' || b == b'>')
    {
        return Err(format!(
            "date restriction without a code `[{}]`",
            group.trim()
        ));
    }
    // `---` null, `###` do not code, `+++` complex (TABARI: the sentence
    // is not coded); `ELR/GAL`: a compound actor standing for each code.
    let special = matches!(code, "---" | "###" | "+++");
    let alternatives = code
        .split('/')
        .all(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_alphanumeric()));
    if !(special || alternatives) {
        return Err(format!("bad code `{code}`"));
    }
    let code = code.to_ascii_uppercase();
    let restriction: String = parts.collect();
    let date = |s: &str| {
        Date::parse_compact(s).ok_or_else(|| format!("bad date `{s}` in `[{}]`", group.trim()))
    };
    let (start, end) = if restriction.is_empty() {
        (None, None)
    } else if let Some(d) = restriction.strip_prefix('<') {
        (None, Some(date(d)?))
    } else if let Some(d) = restriction.strip_prefix('>') {
        (Some(date(d)?), None)
    } else if let Some((a, b)) = restriction.split_once('-') {
        let (a, b) = (date(a)?, date(b)?);
        if b < a {
            return Err(format!(
                "end date before start date in `[{}]`",
                group.trim()
            ));
        }
        (Some(a), Some(b))
    } else {
        return Err(format!("bad date restriction `{restriction}`"));
    };
    Ok(DatedCode { code, start, end })
}

/// `A+B`: `+` between two letters or digits is part of a name (`B+H
/// OCEAN CARRIERS`); elsewhere it starts another synonym (`..._ISLAMI+_
/// ISLAMIC_ADEN_ARMY_`).
fn split_synonyms(phrase: &str) -> Vec<&str> {
    let b = phrase.as_bytes();
    let mut parts = Vec::new();
    let mut from = 0;
    for (i, &c) in b.iter().enumerate() {
        let inside = i > 0
            && i + 1 < b.len()
            && b[i - 1].is_ascii_alphanumeric()
            && b[i + 1].is_ascii_alphanumeric();
        if c == b'+' && !inside {
            parts.push(&phrase[from..i]);
            from = i + 1;
        }
    }
    parts.push(&phrase[from..]);
    parts
}

/// True when a TABARI phrase ends in a stem: its last word is not closed
/// by `_` (nor by `=`, the exact word): `ARGENTIN` matches `Argentina`
/// and `Argentine`.
fn is_stem(phrase: &str) -> bool {
    let p = phrase.trim();
    !p.is_empty() && !p.ends_with(['_', '=']) && p.chars().last().is_some_and(char::is_alphanumeric)
}

/// True for a file in TABARI notation (`TABARI.Demo.actors`), where a word
/// not closed by `_` is a stem; PETRARCH and Phoenix files
/// (`*.actors.txt`) take every word whole.
pub(crate) fn tabari_notation(file: &str) -> bool {
    !file.to_ascii_lowercase().ends_with(".txt")
}

/// Lines with an unclosed `[` joined to the lines that close it
/// (`INERGY_L.P.  [` / `  MNCUSA]`), up to three lines on.
fn join_open_brackets(lines: Vec<(usize, String)>) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::with_capacity(lines.len());
    let mut open: Option<(usize, String, usize)> = None;
    for (n, l) in lines {
        if let Some((start, mut acc, joined)) = open.take() {
            acc.push(' ');
            acc.push_str(l.trim());
            if balanced(&acc) || joined >= 2 {
                out.push((start, acc));
            } else {
                open = Some((start, acc, joined + 1));
            }
            continue;
        }
        if balanced(&l) {
            out.push((n, l));
        } else {
            open = Some((n, l, 0));
        }
    }
    if let Some((start, acc, _)) = open {
        out.push((start, acc));
    }
    out
}

/// True unless a `[` is left open.
fn balanced(line: &str) -> bool {
    let mut depth = 0i32;
    for c in line.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            _ => {}
        }
    }
    depth <= 0
}

/// Reads an actor dictionary: the actors, and a report with the counts and
/// warnings. Never fails: malformed lines are warnings. In TABARI notation
/// ([`tabari_notation`]) a phrase whose last word is not closed by `_` ends
/// in a stem ([`Name::stem`]).
pub fn read_actors(file: &str, bytes: &[u8]) -> (Vec<Actor>, DictReport) {
    let mut report = DictReport::new(file, DictKind::Actors);
    let mut actors = Vec::new();
    let mut cur: Option<Pending> = None;
    let mut block: Option<String> = None;
    let stems = tabari_notation(file);
    for (line_no, line) in join_open_brackets(content_lines(bytes, &mut report)) {
        let t = line.trim();
        if let Some(tag) = &block {
            report.skipped += 1;
            if t.eq_ignore_ascii_case(&format!("</{tag}>")) {
                block = None;
            }
            continue;
        }
        if t.starts_with('<') && t.ends_with('>') && !t.starts_with("</") {
            block = Some(t[1..t.len() - 1].to_string());
            report.skipped += 1;
            continue;
        }
        let Some((head, groups)) = split_brackets(t) else {
            report.warn(line_no, "unclosed `[`: line skipped");
            continue;
        };
        let mut codes = Vec::new();
        let mut bad = false;
        for g in groups {
            match parse_code(g) {
                Ok(c) => codes.push(c),
                Err(m) => {
                    report.warn(line_no, format!("{m}: code skipped"));
                    bad = true;
                }
            }
        }
        let head = head.trim();
        if head.is_empty() {
            match cur.as_mut() {
                Some(p) => p.codes.append(&mut codes),
                None if !bad => report.warn(line_no, "code line with no actor before it: skipped"),
                None => {}
            }
            continue;
        }
        let (synonym, phrase) = match head.strip_prefix('+') {
            Some(p) => (true, p),
            None => (false, head),
        };
        let mut names: Vec<(String, bool)> = Vec::new();
        let parts = split_synonyms(phrase);
        if parts.len() > 1 {
            report.warn(line_no, "`+` inside a phrase: read as several names");
        }
        for part in parts {
            let n = phrase_to_name(part);
            if !n.is_empty() {
                names.push((n, stems && is_stem(part)));
            }
        }
        if names.is_empty() {
            report.warn(line_no, "empty phrase: skipped");
            continue;
        }
        if synonym {
            match cur.as_mut() {
                Some(p) => {
                    p.names.append(&mut names);
                    p.synonyms = true;
                    p.codes.append(&mut codes);
                }
                None => report.warn(line_no, "synonym with no actor before it: skipped"),
            }
            continue;
        }
        if let Some(p) = cur.as_mut() {
            if p.codes.is_empty() && !p.synonyms && codes.is_empty() && !bad {
                p.names.append(&mut names);
                continue;
            }
        }
        if let Some(p) = cur.take() {
            finish(file, p, &mut actors, &mut report);
        }
        cur = Some(Pending {
            line: line_no,
            names,
            synonyms: false,
            codes,
        });
    }
    if let Some(p) = cur.take() {
        finish(file, p, &mut actors, &mut report);
    }
    (actors, report)
}

fn finish(file: &str, p: Pending, actors: &mut Vec<Actor>, report: &mut DictReport) {
    if p.codes.is_empty() {
        let first = p.names.first().map(|n| n.0.clone()).unwrap_or_default();
        report.warn(p.line, format!("actor `{first}` has no code: skipped"));
        return;
    }
    let canonical = p.names.first().map(|n| n.0.clone()).unwrap_or_default();
    report.entries += 1;
    report.names += p.names.len();
    report.codes += p.codes.len();
    let default = p
        .codes
        .iter()
        .find(|c| c.is_default())
        .map(|c| c.code.clone());
    let names = p
        .names
        .into_iter()
        .enumerate()
        .map(|(i, (text, stem))| Name {
            text,
            kind: if i == 0 {
                NameKind::Canonical
            } else {
                NameKind::Alias
            },
            stem,
        })
        .collect();
    actors.push(Actor {
        id: format!("dict:{}", canonical.replace(' ', "_")),
        canonical,
        kind: ActorKind::Imported,
        status: None,
        org_type: None,
        country: None,
        sector: None,
        cameo_code: default,
        capital: None,
        names,
        codes: p.codes,
        gender: None,
        notes: String::new(),
        origin: Origin {
            file: file.to_string(),
            line: p.line,
        },
        layer: 0,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
<NOUN>
BEES
</NOUN>
THE_UNITED_NATIONS_
UN_
U.N._
\t[IGOUNO]
ALBRIGHT  [USAGOV 991201-010114] [---] ;ems
GOLLUM  ; pas
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 950601 - 990815]
\t[HOBREB > 990816]
ARMENIA_
\t[USRARM <900823]
\t[ARMUNR 9008223-911221]
\t[ARM >911221]
NOCODE_
+ALSO_NOCODE
BAD [pse]
";

    #[test]
    fn reads_petrarch_and_tabari_records() {
        let (actors, report) = read_actors("s.actors", SAMPLE.as_bytes());
        let names: Vec<&str> = actors.iter().map(|a| a.canonical.as_str()).collect();
        assert_eq!(
            names,
            vec!["THE UNITED NATIONS", "ALBRIGHT", "GOLLUM", "ARMENIA", "BAD"]
        );
        assert_eq!(actors[0].names.len(), 3);
        assert_eq!(report.skipped, 3);
        let on = |a: &Actor, d: &str| Date::parse(d).and_then(|d| a.code_on(d));
        assert_eq!(on(&actors[1], "2000-06-01").as_deref(), Some("USAGOV"));
        assert_eq!(on(&actors[1], "2005-06-01").as_deref(), Some("---"));
        assert_eq!(on(&actors[2], "1990-01-01").as_deref(), Some("HOB"));
        assert_eq!(on(&actors[2], "1997-01-01").as_deref(), Some("HOBGOV"));
        assert_eq!(on(&actors[2], "2001-01-01").as_deref(), Some("HOBREB"));
        assert_eq!(on(&actors[3], "1995-01-01").as_deref(), Some("ARM"));
        assert_eq!(actors[4].cameo_code.as_deref(), Some("PSE"));
        let w: Vec<String> = report.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            w,
            vec![
                "s.actors:16: bad date `9008223` in `[ARMUNR 9008223-911221]`: code skipped",
                "s.actors:18: actor `NOCODE` has no code: skipped",
            ]
        );
    }

    /// Notation PETRARCH and TABARI files use that an earlier reader
    /// rejected: special and compound codes, `+` inside a name, a code
    /// group broken over two lines, TABARI stems.
    #[test]
    fn reads_compound_codes_stems_and_broken_lines() {
        let text = "\
ISILDUR  [+++]
LORIEN  [ELR/GAL]
THE_SHIRE  [FRO/BIL/SAM]
ARGENTIN  [ARG]
IVORY_COAST_  [IVO]
ITHILEN TELEVISION  [ITHTV]
MOUSE= [MUS]
B+H_OCEAN_CARRIERS_ [MNCBMU]
ADEN_ARMY_
+JAISH_ADAN_+_ISLAMIC_ADEN_ARMY_
\t[YEMREB]
INERGY_L.P.\t[
\tMNCUSA]
BAD [A//B]
";
        let (actors, report) = read_actors("demo.actors", text.as_bytes());
        let find = |n: &str| actors.iter().find(|a| a.canonical == n);
        let code = |n: &str| {
            find(n)
                .and_then(|a| a.codes.first())
                .map(|c| c.code.clone())
        };
        assert_eq!(code("ISILDUR").as_deref(), Some("+++"));
        assert_eq!(code("LORIEN").as_deref(), Some("ELR/GAL"));
        let on = Date {
            y: 1995,
            m: 1,
            d: 1,
        };
        assert_eq!(
            find("THE SHIRE").map(|a| a.codes_on(on)),
            Some(vec!["FRO".to_string(), "BIL".into(), "SAM".into()])
        );
        let alts: Vec<&str> = find("LORIEN")
            .and_then(|a| a.codes.first())
            .map(|c| c.alternatives().collect())
            .unwrap_or_default();
        assert_eq!(alts, ["ELR", "GAL"]);
        // Stems: a last word not closed by `_` (or `=`).
        let stem = |n: &str| find(n).map(|a| a.names[0].stem);
        assert_eq!(stem("ARGENTIN"), Some(true));
        assert_eq!(stem("ITHILEN TELEVISION"), Some(true));
        assert_eq!(stem("IVORY COAST"), Some(false));
        assert_eq!(stem("MOUSE="), Some(false));
        assert_eq!(code("B+H OCEAN CARRIERS").as_deref(), Some("MNCBMU"));
        assert_eq!(find("ADEN ARMY").map(|a| a.names.len()), Some(3));
        assert_eq!(code("INERGY L.P.").as_deref(), Some("MNCUSA"));
        let w: Vec<String> = report.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            w,
            vec![
                "demo.actors:10: `+` inside a phrase: read as several names",
                "demo.actors:14: bad code `A//B`: code skipped",
                "demo.actors:14: actor `BAD` has no code: skipped",
            ]
        );
        // PETRARCH and Phoenix files take every word whole.
        let (actors, _) = read_actors("demo.actors.txt", text.as_bytes());
        assert!(actors.iter().all(|a| a.names.iter().all(|n| !n.stem)));
    }
}
