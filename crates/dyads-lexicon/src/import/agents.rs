//! Agent dictionaries and discard lists.
//!
//! Agents: `PHRASE {PLURALS} [~CODE]` (or `[CODE~]` for a code put before
//! the actor's). Without `{...}` the regular plural is generated (`+S`,
//! consonant+`Y` -> `IES`, `SS` -> `SSES`, `MAN` -> `MEN`); `{}` means no
//! plural; `{A B}` lists the plurals. Substitution sets
//! `!PERSON! = MAN, MEN, ...` expand markers with no further plurals.
//! Discards: a phrase per line, `+` in front for the whole story.

use std::collections::HashMap;

use crate::import::{content_lines, phrase_to_name, DictKind, DictReport};
use crate::model::{CodePosition, Discard, Origin, SectorInfo};

/// The regular plural of a phrase, PETRARCH-style.
pub fn regular_plural(phrase: &str) -> String {
    let upper = phrase.chars().any(|c| c.is_uppercase());
    let lower = phrase.to_lowercase();
    let pl = if let Some(stem) = lower.strip_suffix("man") {
        format!("{stem}men")
    } else if lower.ends_with("ss") || lower.ends_with("sh") || lower.ends_with("ch") {
        format!("{lower}es")
    } else if let Some(stem) = lower.strip_suffix('y') {
        if stem.ends_with(['a', 'e', 'i', 'o', 'u']) {
            format!("{lower}s")
        } else {
            format!("{stem}ies")
        }
    } else {
        format!("{lower}s")
    };
    if upper {
        pl.to_uppercase()
    } else {
        pl
    }
}

fn expand(
    phrase: &str,
    subs: &HashMap<String, Vec<String>>,
) -> Result<Option<Vec<String>>, String> {
    let Some(start) = phrase.find('!') else {
        return Ok(None);
    };
    let rest = &phrase[start + 1..];
    let Some(len) = rest.find('!') else {
        return Err("unclosed `!` marker".into());
    };
    let marker = &phrase[start..start + len + 2];
    let Some(items) = subs.get(marker) else {
        return Err(format!("undefined substitution marker `{marker}`"));
    };
    let mut out = Vec::new();
    for item in items {
        let p = phrase.replacen(marker, item, 1);
        match expand(&p, subs)? {
            Some(mut more) => out.append(&mut more),
            None => out.push(p),
        }
    }
    Ok(Some(out))
}

/// Reads an agent dictionary into sector terms (every form of an entry
/// becomes a variant of its term), with a report.
pub fn read_agents(file: &str, bytes: &[u8]) -> (Vec<SectorInfo>, DictReport) {
    let mut report = DictReport::new(file, DictKind::Agents);
    let mut subs: HashMap<String, Vec<String>> = HashMap::new();
    let mut terms = Vec::new();
    for (line_no, line) in content_lines(bytes, &mut report) {
        let t = line.trim();
        if t.starts_with('!') {
            if let Some((marker, list)) = t.split_once('=') {
                let items = list
                    .split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty());
                subs.insert(marker.trim().to_string(), items.collect());
                continue;
            }
        }
        let (Some(open), Some(close)) = (t.rfind('['), t.rfind(']')) else {
            report.warn(line_no, "agent without a `[code]`: skipped");
            continue;
        };
        if close < open {
            report.warn(line_no, "malformed `[code]`: skipped");
            continue;
        }
        let raw_code = t[open + 1..close].trim();
        let (code, position) = if let Some(c) = raw_code.strip_prefix('~') {
            (c, CodePosition::After)
        } else if let Some(c) = raw_code.strip_suffix('~') {
            (c, CodePosition::Before)
        } else {
            report.warn(
                line_no,
                format!("agent code `{raw_code}` without `~`: read as `~{raw_code}`"),
            );
            (raw_code, CodePosition::After)
        };
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
            report.warn(line_no, format!("bad agent code `{raw_code}`: skipped"));
            continue;
        }
        let head = &t[..open];
        let (phrase, plurals) = match (head.find('{'), head.find('}')) {
            (Some(a), Some(b)) if a < b => (&head[..a], Some(&head[a + 1..b])),
            (None, None) => (head, None),
            _ => {
                report.warn(line_no, "unbalanced `{...}`: skipped");
                continue;
            }
        };
        let phrase = phrase.trim();
        if phrase.is_empty() {
            report.warn(line_no, "agent code without a phrase: skipped");
            continue;
        }
        let mut forms: Vec<String> = match expand(phrase, &subs) {
            Err(m) => {
                report.warn(line_no, format!("{m}: skipped"));
                continue;
            }
            Ok(Some(expanded)) => expanded.iter().map(|p| phrase_to_name(p)).collect(),
            Ok(None) => {
                let name = phrase_to_name(phrase);
                let mut forms = vec![name.clone()];
                match plurals {
                    None => forms.push(regular_plural(&name)),
                    Some(list) => forms.extend(list.split_whitespace().map(phrase_to_name)),
                }
                forms
            }
        };
        forms.retain(|f| !f.is_empty());
        forms.dedup();
        if forms.is_empty() {
            report.warn(line_no, "empty phrase: skipped");
            continue;
        }
        report.entries += 1;
        report.names += forms.len();
        report.codes += 1;
        let term = forms.remove(0);
        terms.push(SectorInfo {
            term,
            variants: forms,
            code: code.to_ascii_uppercase(),
            position,
            plover: None,
            role_kind: None,
            title: true,
            example: None,
            origin: Origin {
                file: file.to_string(),
                line: line_no,
            },
            layer: 0,
        });
    }
    (terms, report)
}

/// Reads a discard list.
pub fn read_discards(file: &str, bytes: &[u8]) -> (Vec<Discard>, DictReport) {
    let mut report = DictReport::new(file, DictKind::Discards);
    let mut out = Vec::new();
    let lines = content_lines(bytes, &mut report);
    // A file whose lines are mostly tab-separated fields is a data table
    // (TABARI's suite ships one as `discards.txt`), not a discard list.
    let tabbed = lines
        .iter()
        .filter(|(_, l)| l.trim().contains('\t'))
        .count();
    if tabbed * 2 > lines.len() {
        let first = lines.first().map_or(1, |l| l.0);
        report.warn(
            first,
            format!(
                "a tab-separated data table, not a discard list: {} lines skipped",
                lines.len()
            ),
        );
        return (out, report);
    }
    for (line_no, line) in lines {
        let t = line.trim();
        let (whole_story, phrase) = match t.strip_prefix('+') {
            Some(p) => (true, p.trim()),
            None => (false, t),
        };
        if phrase.is_empty() || phrase.contains(['[', '\t']) {
            report.warn(
                line_no,
                "not a discard phrase (codes or tab-separated data): skipped",
            );
            continue;
        }
        report.entries += 1;
        report.names += 1;
        out.push(Discard {
            phrase: phrase.to_string(),
            whole_story,
            origin: Origin {
                file: file.to_string(),
                line: line_no,
            },
        });
    }
    (out, report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_agents_with_plurals_and_substitutions() {
        let text = "\
!PERSON! = MAN, WOMAN
!MINIST! = MINISTER, MINISTRY
FOREIGN_MINISTER [~GOVFRM] # x
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY  [NGO~]
FOREIGN_!MINIST! [~GOV]
ISLAMIC_EXTREMIST
DEPUTY [~GOV]
!NOPE!_X [~GOV]
";
        let (terms, report) = read_agents("a.agents", text.as_bytes());
        let forms: Vec<String> = terms
            .iter()
            .map(|t| format!("{}|{}|{}", t.term, t.variants.join(","), t.code))
            .collect();
        assert_eq!(
            forms,
            vec![
                "FOREIGN MINISTER|FOREIGN MINISTERS|GOVFRM",
                "POLICE||COP",
                "ATTORNEY GENERAL|ATTORNEYS GENERAL|GOV",
                "CONGRESSMAN|CONGRESSWOMAN|LEG",
                "HUMAN RIGHTS BODY|HUMAN RIGHTS BODIES|NGO",
                "FOREIGN MINISTER|FOREIGN MINISTRY|GOV",
                "DEPUTY|DEPUTIES|GOV",
            ]
        );
        assert_eq!(terms[4].position, CodePosition::Before);
        let w: Vec<String> = report.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            w,
            vec![
                "a.agents:9: agent without a `[code]`: skipped",
                "a.agents:11: undefined substitution marker `!NOPE!`: skipped",
            ]
        );
    }

    #[test]
    fn reads_discards() {
        let (d, r) = read_discards("d.txt", b"+5K RUN #  ELH\nBASEBALL\n");
        assert_eq!(d.len(), 2);
        assert!(d[0].whole_story);
        assert_eq!(r.entries, 2);
        assert_eq!(regular_plural("spokesman"), "spokesmen");
        // A data table named like a discard list is one warning, no entries.
        let table = b"\t2\t1995\tAGO\tLunda Sul\n\t4\t2004\tAGO\t\tNharea\nRUGBY\n";
        let (d, r) = read_discards("discards.txt", table);
        assert!(d.is_empty());
        let w: Vec<String> = r.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            w,
            ["discards.txt:1: a tab-separated data table, not a discard list: 3 lines skipped"]
        );
    }
}
