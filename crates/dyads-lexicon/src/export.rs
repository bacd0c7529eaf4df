//! Export of a lexicon as PETRARCH-format actor and agent dictionaries.
//!
//! Actors: one record per actor, primary phrase first, `+` synonyms, then
//! tab-indented code lines with `YYYYMMDD` dates. A state exports its CAMEO
//! code; an organisation its CAMEO code, else country + sector; a person
//! the codes of their roles (`RUSGOV` while in office) and the country's
//! `ELI` code as default, as CountryInfo does for former office holders.
//! PETRARCH has no notion of ambiguity or weak aliases, so names that
//! belong to several actors (`Congo`) and weak aliases (`the North`) are
//! left out, each listed in a comment. Agents: every form of a term on its
//! own line with `{}` (no generated plurals), so a round trip keeps the
//! forms exactly.

use std::collections::HashMap;
use std::fmt::Write;

use crate::date::Date;
use crate::lexicon::Lexicon;
use crate::model::{Actor, CodePosition, DatedCode, NameKind};
use crate::normalize::normalize;

fn phrase(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| !matches!(c, '#' | ';' | '[' | ']' | '{' | '}' | '+' | '!' | '<' | '>'))
        .collect();
    let words: Vec<String> = cleaned.split_whitespace().map(str::to_uppercase).collect();
    format!("{}_", words.join("_"))
}

fn last_day_compact(d: Date) -> String {
    let l = d.last_day();
    format!("{:04}{:02}{:02}", l.y, l.m, l.d)
}

fn code_line(c: &DatedCode) -> String {
    match (c.start, c.end) {
        (None, None) => format!("[{}]", c.code),
        (Some(s), None) => format!("[{} >{}]", c.code, s.compact()),
        (None, Some(e)) => format!("[{} <{}]", c.code, last_day_compact(e)),
        (Some(s), Some(e)) => format!("[{} {}-{}]", c.code, s.compact(), last_day_compact(e)),
    }
}

/// The codes an actor exports with.
pub fn export_codes(a: &Actor) -> Vec<DatedCode> {
    if !a.codes.is_empty() {
        return a.codes.clone();
    }
    let code = a.default_code();
    code.map(|code| DatedCode {
        code,
        start: None,
        end: None,
    })
    .into_iter()
    .collect()
}

/// Writes the actors of `lex` as a PETRARCH actor dictionary.
pub fn actors_dictionary(lex: &Lexicon) -> String {
    let mut owners: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in lex.actors().iter().enumerate() {
        for n in &a.names {
            let v = owners.entry(normalize(&n.text)).or_default();
            if !v.contains(&i) {
                v.push(i);
            }
        }
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Actor dictionary exported by dyads-lexicon (PETRARCH format)."
    );
    let _ = writeln!(out, "# Dates are YYYYMMDD, limits inclusive.\n");
    for a in lex.actors() {
        let codes = export_codes(a);
        if codes.is_empty() {
            let _ = writeln!(out, "# {}: no code to export\n", a.id);
            continue;
        }
        let mut names: Vec<String> = Vec::new();
        let mut left_out: Vec<&str> = Vec::new();
        for n in &a.names {
            let key = normalize(&n.text);
            let shared = owners.get(&key).is_some_and(|v| v.len() > 1);
            if key.is_empty() || n.kind == NameKind::Weak || shared {
                left_out.push(&n.text);
                continue;
            }
            let p = phrase(&n.text);
            if !names.contains(&p) {
                names.push(p);
            }
        }
        let _ = writeln!(out, "# {} ({:?})", a.id, a.kind);
        if !left_out.is_empty() {
            let _ = writeln!(
                out,
                "# ambiguous or weak, not exported: {}",
                left_out.join(" | ")
            );
        }
        let Some((first, rest)) = names.split_first() else {
            let _ = writeln!(out);
            continue;
        };
        let _ = writeln!(out, "{first}");
        for n in rest {
            let _ = writeln!(out, "+{n}");
        }
        for c in &codes {
            let _ = writeln!(out, "\t{}", code_line(c));
        }
        let _ = writeln!(out);
    }
    out
}

/// Writes the sector terms of `lex` as a PETRARCH agent dictionary.
pub fn agents_dictionary(lex: &Lexicon) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Agent dictionary exported by dyads-lexicon (PETRARCH format).\n"
    );
    for t in lex.terms() {
        let code = match t.position {
            CodePosition::After => format!("~{}", t.code),
            CodePosition::Before => format!("{}~", t.code),
        };
        for form in std::iter::once(&t.term).chain(&t.variants) {
            let p = phrase(form);
            let p = p.trim_end_matches('_');
            let _ = writeln!(out, "{p} {{}} [{code}]");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, Origin};

    #[test]
    fn writes_codes_and_phrases() {
        let d = |s: &str| Date::parse(s);
        let c = DatedCode {
            code: "RUSGOV".into(),
            start: d("2004-03-09"),
            end: None,
        };
        assert_eq!(code_line(&c), "[RUSGOV >20040309]");
        let c = DatedCode {
            code: "USAGOV".into(),
            start: d("1997"),
            end: d("2001-01"),
        };
        assert_eq!(code_line(&c), "[USAGOV 19970101-20010131]");
        assert_eq!(phrase("Kim Jong-un"), "KIM_JONG-UN_");
        let a = Actor {
            id: "x".into(),
            canonical: "X".into(),
            kind: ActorKind::Organization,
            status: None,
            org_type: None,
            country: Some("PRK".into()),
            sector: Some("MED".into()),
            cameo_code: None,
            capital: None,
            names: Vec::new(),
            codes: Vec::new(),
            gender: None,
            notes: String::new(),
            origin: Origin {
                file: "f".into(),
                line: 1,
            },
            layer: 0,
        };
        assert_eq!(export_codes(&a)[0].code, "PRKMED");
    }
}
