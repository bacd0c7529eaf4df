//! A small, tolerant HTML tokenizer.
//!
//! It never fails: a stray `<` is text, an unterminated comment runs to the
//! end, a tag cut off by the end of input is dropped, unknown entities stay
//! literal. Text tokens are byte ranges into the input (entities are decoded
//! later, by the block builder, so that pieces can point at them); attribute
//! values are decoded here.

use super::entities;

/// One attribute: lowercase name, entity-decoded value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attr {
    /// Lowercase attribute name.
    pub name: String,
    /// Decoded value (empty for a bare attribute).
    pub value: String,
}

/// A token of HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    /// Text at `start..end` of the input, entities not yet decoded. `raw`
    /// is true for the content of `<script>`, `<style>` and similar, where
    /// entities are not references.
    Text {
        /// Start byte.
        start: usize,
        /// End byte.
        end: usize,
        /// Raw text (no entities).
        raw: bool,
    },
    /// A start tag.
    Start {
        /// Lowercase tag name.
        name: String,
        /// Attributes in order.
        attrs: Vec<Attr>,
        /// Written as `<x/>`.
        self_closing: bool,
        /// Byte offset of the `<`.
        start: usize,
        /// Byte offset past the `>`.
        end: usize,
    },
    /// An end tag.
    End {
        /// Lowercase tag name.
        name: String,
    },
}

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// What a `<` turned out to start.
enum AtLt {
    /// Not markup: the `<` is text.
    Text,
    /// Markup (tag, comment, declaration) consumed up to this offset.
    Markup(usize),
    /// A tag the input ends inside: like a browser, drop the rest.
    Eof,
}

/// Splits `s` into tokens. Comments, doctypes and processing instructions
/// are dropped; so is a tag cut off by the end of input, with what follows it.
pub fn tokenize(s: &str) -> Vec<Token> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut text_start = 0;
    while let Some(rel) = b.get(i..).and_then(|r| memchr::memchr(b'<', r)) {
        let lt = i + rel;
        let at = match b.get(lt + 1).copied() {
            Some(b'!') | Some(b'?') => {
                push_text(&mut out, text_start, lt);
                AtLt::Markup(skip_markup_decl(b, lt))
            }
            Some(b'/') if b.get(lt + 2).is_some_and(|c| c.is_ascii_alphabetic()) => {
                let (name, end) = read_name(b, lt + 2);
                match find_tag_end(b, end) {
                    Some(e) => {
                        push_text(&mut out, text_start, lt);
                        out.push(Token::End { name });
                        AtLt::Markup(e)
                    }
                    None => AtLt::Eof,
                }
            }
            Some(c) if c.is_ascii_alphabetic() => match read_start_tag(s, lt) {
                Some((tok, end)) => {
                    push_text(&mut out, text_start, lt);
                    let raw = match &tok {
                        Token::Start {
                            name, self_closing, ..
                        } if !self_closing && RAW_TEXT.contains(&name.as_str()) => {
                            Some(name.clone())
                        }
                        _ => None,
                    };
                    out.push(tok);
                    match raw {
                        Some(name) => AtLt::Markup(read_raw_text(s, end, &name, &mut out)),
                        None => AtLt::Markup(end),
                    }
                }
                None => AtLt::Eof,
            },
            _ => AtLt::Text,
        };
        match at {
            AtLt::Text => i = lt + 1,
            AtLt::Markup(end) => {
                text_start = end;
                i = end;
            }
            AtLt::Eof => {
                push_text(&mut out, text_start, lt);
                return out;
            }
        }
    }
    push_text(&mut out, text_start, b.len());
    out
}

fn push_text(out: &mut Vec<Token>, start: usize, end: usize) {
    if end > start {
        out.push(Token::Text {
            start,
            end,
            raw: false,
        });
    }
}

/// Skips `<!-- ... -->`, `<!DOCTYPE ...>`, `<![CDATA[...]]>` or `<? ... >`;
/// returns the offset after it (the end of input when unterminated).
fn skip_markup_decl(b: &[u8], lt: usize) -> usize {
    let rest = b.get(lt..).unwrap_or(&[]);
    let (close, open_len): (&[u8], usize) = if rest.starts_with(b"<!--") {
        (b"-->", 4)
    } else if rest.starts_with(b"<![CDATA[") {
        (b"]]>", 9)
    } else {
        (b">", 2)
    };
    match rest
        .get(open_len.min(rest.len())..)
        .and_then(|r| memchr::memmem::find(r, close))
    {
        Some(p) => lt + open_len + p + close.len(),
        None => b.len(),
    }
}

/// Reads a tag or attribute name from `i`; returns it lowercased and the end.
fn read_name(b: &[u8], mut i: usize) -> (String, usize) {
    let start = i;
    while let Some(&c) = b.get(i) {
        if c.is_ascii_whitespace() || c == b'>' || c == b'/' || (c == b'=' && i > start) {
            break;
        }
        i += 1;
    }
    let name = String::from_utf8_lossy(b.get(start..i).unwrap_or(&[])).to_ascii_lowercase();
    (name, i)
}

/// The offset past the `>` that closes a tag whose attributes start at `i`,
/// honouring quotes; `None` when the input ends first.
fn find_tag_end(b: &[u8], mut i: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    while let Some(&c) = b.get(i) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'>' => return Some(i + 1),
            None if (c == b'"' || c == b'\'') && b.get(i.wrapping_sub(1)) == Some(&b'=') => {
                quote = Some(c)
            }
            None => {}
        }
        i += 1;
    }
    None
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
        i += 1;
    }
    i
}

/// Reads a start tag at `lt`; `None` when the input ends inside it.
fn read_start_tag(s: &str, lt: usize) -> Option<(Token, usize)> {
    let b = s.as_bytes();
    let (name, mut i) = read_name(b, lt + 1);
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        i = skip_ws(b, i);
        match b.get(i)? {
            b'>' => {
                i += 1;
                break;
            }
            b'/' => {
                self_closing = b.get(i + 1) == Some(&b'>');
                i += 1;
                continue;
            }
            _ => {}
        }
        let (attr, after) = read_name(b, i);
        i = skip_ws(b, after);
        let mut value = String::new();
        if b.get(i) == Some(&b'=') {
            i = skip_ws(b, i + 1);
            let (raw, after) = match b.get(i)? {
                q @ (b'"' | b'\'') => {
                    let close = memchr::memchr(*q, b.get(i + 1..)?)?;
                    (s.get(i + 1..i + 1 + close), i + close + 2)
                }
                _ => {
                    let mut j = i;
                    while b
                        .get(j)
                        .is_some_and(|c| !c.is_ascii_whitespace() && *c != b'>')
                    {
                        j += 1;
                    }
                    (s.get(i..j), j)
                }
            };
            value = entities::decode_all(raw.unwrap_or(""));
            i = after;
        }
        if !attr.is_empty() && !attrs.iter().any(|a: &Attr| a.name == attr) {
            attrs.push(Attr { name: attr, value });
        }
    }
    Some((
        Token::Start {
            name,
            attrs,
            self_closing,
            start: lt,
            end: i,
        },
        i,
    ))
}

/// Emits the raw content of a raw-text element starting at `from` and its
/// end tag; returns the offset after the end tag (or the end of input).
fn read_raw_text(s: &str, from: usize, name: &str, out: &mut Vec<Token>) -> usize {
    let b = s.as_bytes();
    let mut i = from;
    let close = loop {
        let Some(rel) = b.get(i..).and_then(|r| memchr::memmem::find(r, b"</")) else {
            break None;
        };
        let at = i + rel;
        let tag = b.get(at + 2..at + 2 + name.len());
        let boundary = b
            .get(at + 2 + name.len())
            .is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/');
        if tag.is_some_and(|t| t.eq_ignore_ascii_case(name.as_bytes())) && boundary {
            break Some(at);
        }
        i = at + 2;
    };
    let end = close.unwrap_or(b.len());
    if end > from {
        out.push(Token::Text {
            start: from,
            end,
            raw: true,
        });
    }
    out.push(Token::End {
        name: name.to_string(),
    });
    match close {
        Some(at) => find_tag_end(b, at + 2).unwrap_or(b.len()),
        None => b.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compact rendering of tokens for table tests.
    fn render(s: &str) -> String {
        tokenize(s)
            .iter()
            .map(|t| match t {
                Token::Text { start, end, raw } => {
                    format!("{}'{}'", if *raw { "R" } else { "" }, &s[*start..*end])
                }
                Token::Start {
                    name,
                    attrs,
                    self_closing,
                    ..
                } => {
                    let a: Vec<String> = attrs
                        .iter()
                        .map(|a| format!(" {}={}", a.name, a.value))
                        .collect();
                    format!(
                        "<{name}{}{}>",
                        a.join(""),
                        if *self_closing { "/" } else { "" }
                    )
                }
                Token::End { name } => format!("</{name}>"),
            })
            .collect::<Vec<_>>()
            .join("")
    }

    #[test]
    fn tokens_table() {
        let rows = [
            ("<p>Hi</p>", "<p>'Hi'</p>"),
            ("<P CLASS=x>a", "<p class=x>'a'"),
            (
                "<a href=\"x>y\" title='t &amp; u'>z</a>",
                "<a href=x>y title=t & u>'z'</a>",
            ),
            ("a < b and c<3", "'a < b and c<3'"),
            ("x<!-- note -->y", "'x''y'"),
            ("x<!-- unterminated <p>y", "'x'"),
            ("<!DOCTYPE html><p>t", "<p>'t'"),
            ("<br/><img src=a.png />", "<br/><img src=a.png/>"),
            ("<p>cut <a href=", "<p>'cut '"),
            ("x<y", "'x'"),
            ("<p title=\"oops>rest", ""),
            (
                "<script>if (a<b) x='</p>';</script>z",
                "<script>R'if (a<b) x='</p>';'</script>'z'",
            ),
            ("<style>p{}</STYLE >q", "<style>R'p{}'</style>'q'"),
            ("<script>never closed", "<script>R'never closed'</script>"),
            ("<title>A &amp; B</title>", "<title>R'A &amp; B'</title>"),
            ("</>x", "'</>x'"),
            ("<input disabled value=1>", "<input disabled= value=1>"),
            ("<div a=1 a=2>", "<div a=1>"),
            ("<p =x>", "<p =x=>"),
        ];
        for (input, want) in rows {
            assert_eq!(render(input), want, "{input}");
        }
    }

    #[test]
    fn never_panics_on_cut_inputs() {
        let s = "<html lang=\"en\"><p class='a'>caf\u{e9} &amp; <b>t\u{1F600}</b><!--c--></p><script>x</script></html>";
        for i in 0..=s.len() {
            if let Some(prefix) = s.get(..i) {
                let _ = tokenize(prefix);
            }
            if let Some(suffix) = s.get(i..) {
                let _ = tokenize(suffix);
            }
        }
    }
}
