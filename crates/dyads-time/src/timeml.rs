//! A small, tolerant TimeML reader: the plain text of the `<TEXT>` element,
//! the TIMEX3 annotations in it as byte spans into that plain text, and the
//! document creation time (the TIMEX3 with
//! `functionInDocument="CREATION_TIME"`).
//!
//! Other tags (`EVENT`, `SIGNAL`, links) are dropped; the five XML entities
//! and numeric character references are decoded.

use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};
use crate::{Date, Span, TimexType};

/// A TIMEX3 annotation read from a TimeML file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldTimex {
    /// Bytes it covers in [`TimemlDoc::text`].
    pub span: Span,
    /// Its `tid`.
    pub tid: String,
    /// Its `type`, when it is one of the four TIMEX3 types.
    pub kind: Option<TimexType>,
    /// Its `value`.
    pub value: String,
    /// Its `mod`, when present.
    pub mod_: Option<String>,
}

/// A TimeML document.
#[derive(Clone, Debug)]
pub struct TimemlDoc {
    /// Where it was read from.
    pub path: PathBuf,
    /// Document creation time.
    pub dct: Date,
    /// Plain text of the `<TEXT>` element, tags removed, entities decoded.
    pub text: String,
    /// TIMEX3 annotations inside `<TEXT>`, in text order.
    pub timexes: Vec<GoldTimex>,
}

/// Reads and parses a `.tml` file.
pub fn read_timeml(path: &Path) -> Result<TimemlDoc> {
    let src =
        std::fs::read_to_string(path).map_err(|e| Error::new(path, None, ErrorKind::Io(e)))?;
    parse_timeml(path, &src)
}

fn line_of(src: &str, pos: usize) -> usize {
    src.get(..pos).map_or(0, |s| s.matches('\n').count()) + 1
}

/// The attributes of a tag's inside (`TIMEX3 tid="t1" value="1998"`).
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag;
    while let Some(eq) = rest.find('=') {
        let name = rest
            .get(..eq)
            .unwrap_or("")
            .split_whitespace()
            .last()
            .unwrap_or("");
        let after = rest.get(eq + 1..).unwrap_or("").trim_start();
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            break;
        };
        let body = after.get(1..).unwrap_or("");
        let Some(close) = body.find(q) else {
            break;
        };
        out.push((name.to_string(), decode(body.get(..close).unwrap_or(""))));
        rest = body.get(close + 1..).unwrap_or("");
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Decodes XML entities; unknown ones stay as written.
pub fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let tail = rest.get(amp..).unwrap_or("");
        let semi = tail.find(';').filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| {
            let name = tail.get(1..i)?;
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                _ => {
                    let n = if let Some(hex) =
                        name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
                    {
                        u32::from_str_radix(hex, 16).ok()?
                    } else {
                        name.strip_prefix('#')?.parse().ok()?
                    };
                    char::from_u32(n)?
                }
            };
            Some((c, i + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = tail.get(len..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// The document creation time: the value of the CREATION_TIME TIMEX3.
fn find_dct(path: &Path, src: &str) -> Result<Date> {
    let mut pos = 0;
    while let Some(i) = src.get(pos..).and_then(|s| s.find("<TIMEX3")) {
        let start = pos + i;
        let end = src
            .get(start..)
            .and_then(|s| s.find('>'))
            .map(|e| start + e);
        let Some(end) = end else {
            break;
        };
        let attrs = attributes(src.get(start + 7..end).unwrap_or(""));
        if attr(&attrs, "functionInDocument") == Some("CREATION_TIME") {
            let value = attr(&attrs, "value").unwrap_or("");
            return value.parse().map_err(|_| {
                Error::new(
                    path,
                    Some(line_of(src, start)),
                    ErrorKind::NoDct(value.to_string()),
                )
            });
        }
        pos = end;
    }
    Err(Error::new(
        path,
        None,
        ErrorKind::NoDct("no CREATION_TIME TIMEX3".into()),
    ))
}

type OpenTag = (usize, usize, Vec<(String, String)>);

/// Parses TimeML source read from `path`.
pub fn parse_timeml(path: &Path, src: &str) -> Result<TimemlDoc> {
    let dct = find_dct(path, src)?;
    let open = src
        .find("<TEXT>")
        .ok_or_else(|| Error::new(path, None, ErrorKind::NoText))?;
    let body_start = open + "<TEXT>".len();
    let body_end = src
        .get(body_start..)
        .and_then(|s| s.find("</TEXT>"))
        .map_or(src.len(), |e| body_start + e);
    let mut text = String::new();
    let mut timexes = Vec::new();
    // Open TIMEX3s: start in the plain text, source line, attributes.
    let mut stack: Vec<OpenTag> = Vec::new();
    let mut pos = body_start;
    while pos < body_end {
        let rest = src.get(pos..body_end).unwrap_or("");
        let Some(lt) = rest.find('<') else {
            text.push_str(&decode(rest));
            break;
        };
        text.push_str(&decode(rest.get(..lt).unwrap_or("")));
        let tag_start = pos + lt;
        if src.get(tag_start..).is_some_and(|s| s.starts_with("<!--")) {
            let close = src.get(tag_start..).and_then(|s| s.find("-->"));
            pos = close.map_or(body_end, |c| tag_start + c + 3);
            continue;
        }
        let gt = src.get(tag_start..body_end).and_then(|s| s.find('>'));
        let Some(gt) = gt else {
            let line = Some(line_of(src, tag_start));
            return Err(Error::new(
                path,
                line,
                ErrorKind::Xml("unclosed tag".into()),
            ));
        };
        let inner = src.get(tag_start + 1..tag_start + gt).unwrap_or("");
        pos = tag_start + gt + 1;
        if let Some(name) = inner.strip_prefix('/') {
            if name.trim() == "TIMEX3" {
                let Some((start, _, attrs)) = stack.pop() else {
                    let line = Some(line_of(src, tag_start));
                    return Err(Error::new(
                        path,
                        line,
                        ErrorKind::Xml("</TIMEX3> without <TIMEX3>".into()),
                    ));
                };
                timexes.push(GoldTimex {
                    span: Span::new(start, text.len()),
                    tid: attr(&attrs, "tid").unwrap_or("").to_string(),
                    kind: attr(&attrs, "type").and_then(TimexType::parse),
                    value: attr(&attrs, "value").unwrap_or("").to_string(),
                    mod_: attr(&attrs, "mod").map(str::to_string),
                });
            }
            continue;
        }
        if inner.ends_with('/') {
            continue;
        }
        let name = inner.split_whitespace().next().unwrap_or("");
        if name == "TIMEX3" {
            let attrs = attributes(inner.get(6..).unwrap_or(""));
            stack.push((text.len(), line_of(src, tag_start), attrs));
        }
    }
    if let Some((_, line, _)) = stack.first() {
        return Err(Error::new(
            path,
            Some(*line),
            ErrorKind::Xml("unclosed <TIMEX3>".into()),
        ));
    }
    timexes.sort_by_key(|t| (t.span.start, t.span.end));
    Ok(TimemlDoc {
        path: path.to_path_buf(),
        dct,
        text,
        timexes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_and_spans() -> Result<()> {
        let src = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2001-05-02" functionInDocument="CREATION_TIME">May 2</TIMEX3></DCT>
<TEXT>Fish &amp; chips <EVENT eid="e1">sold</EVENT> out <TIMEX3 tid="t1" type="DATE" value="2001-05-01">yesterday</TIMEX3>.</TEXT></TimeML>"#;
        let doc = parse_timeml(Path::new("x.tml"), src)?;
        assert_eq!(doc.dct.to_string(), "2001-05-02");
        assert_eq!(doc.text, "Fish & chips sold out yesterday.");
        assert_eq!(doc.timexes.len(), 1);
        let t = &doc.timexes[0];
        assert_eq!(t.span.slice(&doc.text), "yesterday");
        assert_eq!(t.value, "2001-05-01");
        assert_eq!(t.kind, Some(TimexType::Date));
        Ok(())
    }

    #[test]
    fn errors_name_the_line() {
        let src = "<TIMEX3 value=\"2001-05-02\" functionInDocument=\"CREATION_TIME\">x</TIMEX3>\n<TEXT>a\n<TIMEX3 value=\"1\">b</TEXT>";
        match parse_timeml(Path::new("y.tml"), src) {
            Err(e) => assert_eq!(e.to_string(), "y.tml:3: bad TimeML: unclosed <TIMEX3>"),
            Ok(_) => panic!("accepted an unclosed TIMEX3"),
        }
        assert_eq!(decode("&#65;&#x42;&bogus;"), "AB&bogus;");
    }
}
