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
    names: Vec<String>,
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
    let valid = code == "---" || code == "###" || code.bytes().all(|b| b.is_ascii_alphanumeric());
    if !valid {
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

/// Reads an actor dictionary: the actors, and a report with the counts and
/// warnings. Never fails: malformed lines are warnings.
pub fn read_actors(file: &str, bytes: &[u8]) -> (Vec<Actor>, DictReport) {
    let mut report = DictReport::new(file, DictKind::Actors);
    let mut actors = Vec::new();
    let mut cur: Option<Pending> = None;
    let mut block: Option<String> = None;
    for (line_no, line) in content_lines(bytes, &mut report) {
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
        let mut names: Vec<String> = Vec::new();
        if phrase.contains('+') {
            report.warn(line_no, "`+` inside a phrase: read as several names");
        }
        for part in phrase.split('+') {
            let n = phrase_to_name(part);
            if !n.is_empty() {
                names.push(n);
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
        let first = p.names.first().cloned().unwrap_or_default();
        report.warn(p.line, format!("actor `{first}` has no code: skipped"));
        return;
    }
    let canonical = p.names.first().cloned().unwrap_or_default();
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
        .map(|(i, text)| Name {
            text,
            kind: if i == 0 {
                NameKind::Canonical
            } else {
                NameKind::Alias
            },
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
}
