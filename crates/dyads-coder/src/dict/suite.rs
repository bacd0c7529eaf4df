//! Validation records: TABARI's `Validate.text` and PETRARCH's unit-test
//! XML, read into [`Record`]s (text, date, expected events).
//!
//! TABARI: a record is a header line `YYMMDD  ID`, the text, and a comment
//! `/* ... */` whose `{ SRC / TGT / CODE }` parts are the expected events.
//! `-{ ... }` parts are switched off; `{+++}`, `{---}` and `{###}` say that
//! nothing is coded; `{ OPTION: ... }` parts change settings from that
//! record on. Only the standard records count: reading stops at the record
//! whose id starts with `FINAL`.
//!
//! PETRARCH: `<Sentence date=".." id=".." sentence="true|false">` with
//! `<EventCoding sourcecode=".." targetcode=".." eventcode="..">` (or
//! `noevents`, or `error` for records that test error handling) and
//! `<Text>`. A missing source or target is `---`.

use crate::dict::coder::Triple;

/// One validation record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    /// The record id.
    pub id: String,
    /// The date as written (`950101`, `19950101`).
    pub date: String,
    /// The text to code.
    pub text: String,
    /// Expected events.
    pub expected: Vec<Triple>,
    /// True when the record is scored (it states events or that there are
    /// none; PETRARCH: active and not an error test).
    pub scored: bool,
    /// `OPTION:` settings stated in the record, in order.
    pub options: Vec<String>,
    /// The 1-based line of the record header.
    pub line: usize,
}

fn is_header(line: &str) -> Option<(String, String)> {
    let mut parts = line.split_whitespace();
    let date = parts.next()?;
    let id = parts.next()?;
    (date.len() >= 6 && date.len() <= 8 && date.bytes().all(|b| b.is_ascii_digit()))
        .then(|| (date.to_string(), id.to_string()))
}

/// Reads the `{...}` parts of a TABARI comment into `rec`.
fn read_expected(comment: &str, rec: &mut Record) {
    let mut rest = comment;
    while let Some(open) = rest.find('{') {
        // An option may lack its closing brace: it then runs to the end.
        let len = rest[open..].find('}').unwrap_or(rest.len() - open);
        let inner = rest[open + 1..open + len].trim();
        let disabled = rest[..open].trim_end().ends_with('-');
        rest = rest.get(open + len + 1..).unwrap_or_default();
        if let Some(opt) = inner.strip_prefix("OPTION:") {
            rec.options.push(opt.trim().to_string());
            continue;
        }
        if disabled {
            rec.scored = true;
            continue;
        }
        if matches!(inner, "+++" | "---" | "###") {
            rec.scored = true;
            continue;
        }
        let parts: Vec<&str> = inner.split('/').map(str::trim).collect();
        if let [s, t, c] = parts.as_slice() {
            let c = c.split_whitespace().next().unwrap_or_default();
            if !s.is_empty()
                && !t.is_empty()
                && !c.is_empty()
                && !s.contains(' ')
                && !t.contains(' ')
            {
                rec.expected
                    .push((s.to_string(), t.to_string(), c.to_string()));
                rec.scored = true;
            }
        }
    }
}

/// Reads TABARI validation records (up to the `FINAL` record).
pub fn read_tabari(text: &str) -> Vec<Record> {
    let mut out = Vec::new();
    let mut cur: Option<Record> = None;
    let mut in_comment = false;
    let mut comment = String::new();
    for (n, line) in text.lines().enumerate() {
        if in_comment {
            match line.find("*/") {
                Some(i) => {
                    comment.push_str(&line[..i]);
                    if let Some(r) = cur.as_mut() {
                        read_expected(&comment, r);
                    }
                    comment.clear();
                    in_comment = false;
                    out.extend(cur.take());
                }
                None => {
                    comment.push_str(line);
                    comment.push('\n');
                }
            }
            continue;
        }
        if let Some((date, id)) = is_header(line) {
            out.extend(cur.take());
            if id.starts_with("FINAL") {
                break;
            }
            cur = Some(Record {
                id,
                date,
                line: n + 1,
                ..Record::default()
            });
            continue;
        }
        let Some(r) = cur.as_mut() else { continue };
        let (text_part, opened) = match line.find("/*") {
            Some(i) => (&line[..i], Some(&line[i + 2..])),
            None => (line, None),
        };
        r.text.push_str(text_part);
        r.text.push('\n');
        if let Some(after) = opened {
            match after.find("*/") {
                Some(i) => {
                    read_expected(&after[..i], r);
                    out.extend(cur.take());
                }
                None => {
                    in_comment = true;
                    comment = format!("{after}\n");
                }
            }
        }
    }
    out.extend(cur);
    out
}

/// The value of attribute `name` in a start tag (quotes `"` or `'`,
/// blanks around `=` allowed).
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(i) = rest.find(name) {
        let before_ok = i == 0 || rest[..i].ends_with(char::is_whitespace);
        let after = rest[i + name.len()..].trim_start();
        if before_ok {
            if let Some(v) = after.strip_prefix('=') {
                let v = v.trim_start();
                let q = v.chars().next()?;
                if q == '"' || q == '\'' {
                    let body = &v[1..];
                    let end = body.find(q)?;
                    return Some(body[..end].to_string());
                }
            }
        }
        rest = &rest[i + name.len()..];
    }
    None
}

/// Reads PETRARCH unit-test records.
pub fn read_petrarch(xml: &str) -> Vec<Record> {
    let mut out = Vec::new();
    let mut rest = xml;
    let mut offset = 0;
    while let Some(i) = rest.find("<Sentence ") {
        let Some(close) = rest[i..].find('>') else {
            break;
        };
        let tag = &rest[i..i + close];
        let body_start = i + close + 1;
        let body_end = rest[body_start..]
            .find("</Sentence>")
            .map_or(rest.len(), |e| body_start + e);
        let body = &rest[body_start..body_end];
        let line = xml[..offset + i].lines().count() + 1;
        let active = attr(tag, "sentence").is_none_or(|v| v.eq_ignore_ascii_case("true"));
        let mut rec = Record {
            id: attr(tag, "id").unwrap_or_default(),
            date: attr(tag, "date").unwrap_or_default(),
            line,
            scored: active,
            ..Record::default()
        };
        let mut b = body;
        while let Some(j) = b.find("<EventCoding") {
            let Some(k) = b[j..].find('>') else { break };
            let etag = &b[j..j + k];
            if attr(etag, "error").is_some() {
                rec.scored = false;
            }
            if let Some(code) = attr(etag, "eventcode") {
                let s = attr(etag, "sourcecode").unwrap_or_else(|| "---".into());
                let t = attr(etag, "targetcode").unwrap_or_else(|| "---".into());
                rec.expected.push((s, t, code));
            }
            b = &b[j + k..];
        }
        if let (Some(a), Some(z)) = (body.find("<Text>"), body.find("</Text>")) {
            if a + 6 <= z {
                rec.text = body[a + 6..z].trim().to_string();
            }
        }
        out.push(rec);
        let advance = body_end.min(rest.len());
        offset += advance;
        rest = &rest[advance..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabari_records() {
        let text = "header text\n\n990102  T-1\nValdor thanked Mirth.\n/*\\n comment\n\\n{ VAL / MIR / 041 } 990102\n\\n-{ MIR / VAL / 041 }\n\\n{ OPTION: SET: X = TRUE } */\n\n990103  T-2\nNothing here./*\n\\n{+++} */\n990104 FINAL-01\nend\n990105 T-3\nnot read\n";
        let r = read_tabari(text);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].id, "T-1");
        assert_eq!(
            r[0].expected,
            vec![("VAL".into(), "MIR".into(), "041".into())]
        );
        assert_eq!(r[0].options, vec!["SET: X = TRUE".to_string()]);
        assert!(r[0].text.contains("thanked"));
        assert!(r[1].scored && r[1].expected.is_empty());
        assert_eq!(r[1].text.trim(), "Nothing here.");
    }

    #[test]
    fn petrarch_records() {
        let xml = "<Sentences>\n<Sentence date=\"19990102\" id=\"P-1\" category=\"X\" sentence=\"true\">\n<EventCoding sourcecode=\"VAL\" eventcode=\"041\"></EventCoding>\n<Text>\nValdor thanked.\n</Text>\n</Sentence>\n<Sentence date = \"19990102\" id =\"P-2\" sentence=\"true\">\n<EventCoding error=\"x\"></EventCoding><Text>a</Text></Sentence>";
        let r = read_petrarch(xml);
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[0].expected,
            vec![("VAL".into(), "---".into(), "041".into())]
        );
        assert_eq!(r[0].text, "Valdor thanked.");
        assert!(r[0].scored && !r[1].scored);
        assert_eq!(r[1].id, "P-2");
    }
}
