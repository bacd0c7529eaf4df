//! WARC 1.0 / 1.1 archives, plain or gzip-compressed: one article per HTML
//! `response` (or `resource`) record.
//!
//! A `.warc.gz` is a series of gzip members; each member is decompressed on
//! its own, so a corrupt member costs only its own records. Records are
//! numbered from 1 across the whole file, whatever their type, and an
//! article's position is its record number. Records that are not HTML
//! (warcinfo, request, metadata, images, redirects and error pages) are
//! skipped silently. A truncated or malformed record is an error naming its
//! number; reading goes on at the next `WARC/1.` line.
//!
//! The HTTP payload of a response is de-chunked and gunzipped when its
//! headers say so, and decoded with the charset of its `Content-Type`
//! (see [`html::decode`]). `WARC-Date` is the crawl date, so it is not a
//! publication date hint.

use std::io::Read;

use flate2::bufread::{GzDecoder, MultiGzDecoder, ZlibDecoder};

use crate::article::{Article, ContentKind, Format, Hints};
use crate::error::{Error, ErrorKind, Place, Result};
use crate::formats::html;

/// Most bytes we decompress from one input, against gzip bombs.
const MAX_DECOMPRESSED: u64 = 512 << 20;

/// Reads the articles of one input.
pub fn read(name: &str, bytes: &[u8]) -> Vec<Result<Article>> {
    let mut r = Records {
        name,
        n: 0,
        out: Vec::new(),
    };
    if bytes.starts_with(&[0x1f, 0x8b]) {
        r.gzip_members(bytes);
    } else {
        r.records(bytes);
    }
    r.out
}

struct Records<'a> {
    name: &'a str,
    /// Records seen so far.
    n: usize,
    out: Vec<Result<Article>>,
}

/// Header fields of a record or an HTTP message; names lowercase.
type Headers = Vec<(String, String)>;

fn header<'h>(h: &'h Headers, name: &str) -> Option<&'h str> {
    h.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// Finds `needle` in `hay` from `from`.
fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)
        .and_then(|r| memchr::memmem::find(r, needle))
        .map(|p| p + from)
}

/// The end of a header block starting at `from`: (offset of the blank
/// line, offset after it). Accepts CRLF or bare LF line ends.
fn header_end(b: &[u8], from: usize) -> Option<(usize, usize)> {
    let rest = b.get(from..)?;
    memchr::memchr_iter(b'\n', rest).find_map(|i| {
        let at = from + i;
        let line_start = if at > from && b.get(at - 1) == Some(&b'\r') {
            at - 1
        } else {
            at
        };
        match (b.get(at + 1), b.get(at + 2)) {
            (Some(b'\n'), _) => Some((line_start, at + 2)),
            (Some(b'\r'), Some(b'\n')) => Some((line_start, at + 3)),
            _ => None,
        }
    })
}

/// Parses `Name: value` lines (continuation lines folded in).
fn parse_headers(block: &[u8]) -> Headers {
    let text = String::from_utf8_lossy(block);
    let mut out: Headers = Vec::new();
    for line in text.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
            continue;
        }
        if let Some((k, v)) = line.split_once(':') {
            out.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    out
}

/// The next `WARC/1.` at a line start, at or after `from`.
fn resync(b: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(p) = find(b, b"WARC/1.", at) {
        if p == 0 || b.get(p - 1) == Some(&b'\n') {
            return Some(p);
        }
        at = p + 1;
    }
    None
}

impl Records<'_> {
    fn error(&mut self, n: usize, msg: String) {
        self.out.push(Err(Error::new(
            ErrorKind::Warc(msg),
            self.name,
            Place::Record(n),
        )));
    }

    /// Decompresses gzip members one by one and reads their records.
    fn gzip_members(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        let mut budget = MAX_DECOMPRESSED;
        while !rest.is_empty() {
            let offset = bytes.len() - rest.len();
            let mut dec = GzDecoder::new(rest);
            let mut data = Vec::new();
            let res = (&mut dec).take(budget + 1).read_to_end(&mut data);
            budget = budget.saturating_sub(data.len() as u64);
            match res {
                Ok(_) if budget == 0 => {
                    self.error(
                        self.n + 1,
                        format!("more than {MAX_DECOMPRESSED} bytes after decompression"),
                    );
                    return;
                }
                Ok(_) => {
                    self.records(&data);
                    let left = dec.into_inner();
                    if left.len() >= rest.len() {
                        return;
                    }
                    rest = left;
                }
                Err(e) => {
                    let before = self.out.len();
                    self.records(&data);
                    if !self
                        .out
                        .get(before..)
                        .unwrap_or(&[])
                        .iter()
                        .any(|r| r.is_err())
                    {
                        self.n += 1;
                        self.error(self.n, format!("corrupt gzip member at byte {offset}: {e}"));
                    }
                    // Go on at the next gzip header.
                    match find(rest, &[0x1f, 0x8b, 0x08], 1) {
                        Some(p) => rest = rest.get(p..).unwrap_or(&[]),
                        None => return,
                    }
                }
            }
            // Whitespace or padding between members.
            if rest.iter().all(u8::is_ascii_whitespace) {
                return;
            }
            if !rest.starts_with(&[0x1f, 0x8b]) {
                self.n += 1;
                let n = self.n;
                self.error(
                    n,
                    format!(
                        "data that is not a gzip member at byte {}",
                        bytes.len() - rest.len()
                    ),
                );
                match find(rest, &[0x1f, 0x8b, 0x08], 0) {
                    Some(p) => rest = rest.get(p..).unwrap_or(&[]),
                    None => return,
                }
            }
        }
    }

    /// Reads the records of uncompressed WARC data.
    fn records(&mut self, b: &[u8]) {
        let mut pos = 0;
        loop {
            while b.get(pos).is_some_and(u8::is_ascii_whitespace) {
                pos += 1;
            }
            if pos >= b.len() {
                return;
            }
            self.n += 1;
            let n = self.n;
            if !b.get(pos..).is_some_and(|r| r.starts_with(b"WARC/1.")) {
                self.error(n, format!("expected a WARC/1.x version line at byte {pos}"));
                match resync(b, pos + 1) {
                    Some(p) => {
                        pos = p;
                        continue;
                    }
                    None => return,
                }
            }
            let Some((head_end, body_start)) = header_end(b, pos) else {
                self.error(n, "record headers are cut off".into());
                return;
            };
            let headers = parse_headers(b.get(pos..head_end).unwrap_or(&[]));
            let len =
                header(&headers, "content-length").and_then(|v| v.trim().parse::<usize>().ok());
            let Some(len) = len else {
                self.error(n, "missing or bad Content-Length".into());
                match resync(b, body_start) {
                    Some(p) => {
                        pos = p;
                        continue;
                    }
                    None => return,
                }
            };
            let Some(block) = body_start
                .checked_add(len)
                .and_then(|end| b.get(body_start..end))
            else {
                self.error(
                    n,
                    format!(
                        "record is cut off: Content-Length {len}, {} bytes left",
                        b.len().saturating_sub(body_start)
                    ),
                );
                match resync(b, body_start) {
                    Some(p) => {
                        pos = p;
                        continue;
                    }
                    None => return,
                }
            };
            pos = body_start + len;
            if let Some(r) = self.record(n, &headers, block) {
                self.out.push(r);
            }
        }
    }

    /// Turns one record into an article, `None` when it is not HTML.
    fn record(&self, n: usize, headers: &Headers, block: &[u8]) -> Option<Result<Article>> {
        let wtype = header(headers, "warc-type")
            .unwrap_or("")
            .to_ascii_lowercase();
        let record_ct = header(headers, "content-type").unwrap_or("");
        let err = |m: String| Error::new(ErrorKind::Warc(m), self.name, Place::Record(n));
        let http =
            record_ct.is_empty() || record_ct.to_ascii_lowercase().contains("application/http");
        let (payload, charset, language) = match wtype.as_str() {
            "response" if http => match http_payload(block) {
                Ok(Some(x)) => x,
                Ok(None) => return None,
                Err(m) => return Some(Err(err(m))),
            },
            // Some tools store the bare payload in response records.
            "response" | "resource" if is_html(record_ct) => {
                (block.to_vec(), html::charset_param(record_ct), None)
            }
            _ => return None,
        };
        Some(self.article(n, headers, &payload, charset, language))
    }

    fn article(
        &self,
        n: usize,
        headers: &Headers,
        payload: &[u8],
        charset: Option<String>,
        language: Option<String>,
    ) -> Result<Article> {
        let content = html::decode(payload, charset.as_deref())
            .map_err(|k| Error::new(k, self.name, Place::Record(n)))?;
        let strip = |v: &str| {
            v.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string()
        };
        Ok(Article {
            content,
            kind: ContentKind::Html,
            format: Format::Warc,
            source_path: Some(self.name.to_string()),
            position: n,
            hints: Hints {
                url: header(headers, "warc-target-uri")
                    .map(strip)
                    .filter(|u| !u.is_empty()),
                external_id: header(headers, "warc-record-id")
                    .map(strip)
                    .filter(|u| !u.is_empty()),
                language,
                ..Hints::default()
            },
        })
    }
}

fn is_html(content_type: &str) -> bool {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    mime == "text/html" || mime == "application/xhtml+xml"
}

/// The HTML payload of an HTTP response with its charset and language;
/// `None` when the response is not a successful HTML one.
type Payload = (Vec<u8>, Option<String>, Option<String>);

fn http_payload(block: &[u8]) -> std::result::Result<Option<Payload>, String> {
    let status_end = memchr::memchr(b'\n', block).unwrap_or(block.len());
    let status = String::from_utf8_lossy(block.get(..status_end).unwrap_or(&[]));
    let mut parts = status.split_whitespace();
    let proto = parts.next().unwrap_or("");
    if !proto.starts_with("HTTP/") {
        return Err(format!("not an HTTP response: {:?}", status.trim()));
    }
    let code = parts.next().and_then(|c| c.parse::<u16>().ok());
    let Some(code) = code else {
        return Err(format!("bad HTTP status line: {:?}", status.trim()));
    };
    let (head_end, body_start) = header_end(block, 0).unwrap_or((block.len(), block.len()));
    if !(200..300).contains(&code) {
        return Ok(None);
    }
    let headers = parse_headers(block.get(status_end..head_end).unwrap_or(&[]));
    let ct = header(&headers, "content-type").unwrap_or("");
    if !is_html(ct) {
        return Ok(None);
    }
    let mut body = block.get(body_start..).unwrap_or(&[]).to_vec();
    let te = header(&headers, "transfer-encoding")
        .unwrap_or("")
        .to_ascii_lowercase();
    if te.contains("chunked") {
        if let Some(d) = dechunk(&body) {
            body = d;
        }
    }
    let ce = header(&headers, "content-encoding")
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    body = match ce.as_str() {
        "gzip" | "x-gzip" if body.starts_with(&[0x1f, 0x8b]) => {
            inflate(MultiGzDecoder::new(body.as_slice()))
                .map_err(|e| format!("bad gzip payload: {e}"))?
        }
        "deflate" => inflate(ZlibDecoder::new(body.as_slice()))
            .or_else(|_| inflate(flate2::bufread::DeflateDecoder::new(body.as_slice())))
            .unwrap_or(body),
        "" | "identity" | "gzip" | "x-gzip" => body,
        other => return Err(format!("unsupported Content-Encoding {other:?}")),
    };
    let language = header(&headers, "content-language").and_then(html::language_code);
    Ok(Some((body, html::charset_param(ct), language)))
}

fn inflate(r: impl Read) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    r.take(MAX_DECOMPRESSED).read_to_end(&mut out)?;
    Ok(out)
}

/// Undoes `Transfer-Encoding: chunked`; `None` when the body is not chunked
/// after all. A body cut off mid-chunk keeps what it has.
fn dechunk(b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    let mut pos = 0;
    loop {
        let line_end = find(b, b"\n", pos)?;
        let line = String::from_utf8_lossy(b.get(pos..line_end)?);
        let size_hex = line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        pos = line_end + 1;
        if size == 0 {
            return Some(out);
        }
        let end = pos.saturating_add(size).min(b.len());
        out.extend_from_slice(b.get(pos..end)?);
        if end < pos + size {
            return Some(out);
        }
        pos = end;
        if b.get(pos) == Some(&b'\r') {
            pos += 1;
        }
        if b.get(pos) == Some(&b'\n') {
            pos += 1;
        }
        if pos >= b.len() {
            return Some(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    type TestResult = std::result::Result<(), Box<dyn std::error::Error>>;

    fn record(wtype: &str, id: usize, uri: &str, ct: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.1\r\nWARC-Type: {wtype}\r\nWARC-Record-ID: <urn:uuid:0000-{id}>\r\n\
             WARC-Date: 2024-05-01T12:00:00Z\r\nWARC-Target-URI: {uri}\r\n\
             Content-Type: {ct}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
        let mut r = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
        r.extend_from_slice(body);
        r
    }

    fn response(id: usize, uri: &str, status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
        let block = http(status, headers, body);
        record(
            "response",
            id,
            uri,
            "application/http; msgtype=response",
            &block,
        )
    }

    fn gz(data: &[u8]) -> std::io::Result<Vec<u8>> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data)?;
        e.finish()
    }

    /// An article's position (`Ok`) or an error's record number (`Err`).
    type Outline = std::result::Result<usize, usize>;

    /// Positions of articles and of errors, in order.
    fn outline(v: &[Result<Article>]) -> Vec<Outline> {
        v.iter()
            .map(|r| match r {
                Ok(a) => Ok(a.position),
                Err(e) => match e.place {
                    Place::Record(n) => Err(n),
                    _ => Err(0),
                },
            })
            .collect()
    }

    const PAGE: &[u8] =
        b"<html><body><p>Dockworkers ended their strike on Monday.</p></body></html>";

    fn sample() -> Vec<u8> {
        let mut w = Vec::new();
        w.extend(record(
            "warcinfo",
            1,
            "",
            "application/warc-fields",
            b"software: test\r\n",
        ));
        w.extend(record(
            "request",
            2,
            "https://p.example/a",
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\n\r\n",
        ));
        w.extend(response(
            3,
            "https://p.example/a",
            "200 OK",
            "Content-Type: text/html; charset=iso-8859-1\r\nContent-Language: fr-FR\r\n",
            b"<p>Caf\xe9 cr\xe8me</p>",
        ));
        w.extend(response(
            4,
            "https://p.example/logo.png",
            "200 OK",
            "Content-Type: image/png\r\n",
            b"\x89PNG\r\n\x1a\n\x00\x00",
        ));
        w.extend(response(
            5,
            "https://p.example/old",
            "301 Moved Permanently",
            "Location: /new\r\nContent-Type: text/html\r\n",
            b"<p>moved</p>",
        ));
        w.extend(record(
            "metadata",
            6,
            "https://p.example/a",
            "application/warc-fields",
            b"via: x\r\n",
        ));
        w.extend(record(
            "resource",
            7,
            "file:///saved.html",
            "text/html",
            PAGE,
        ));
        w
    }

    #[test]
    fn plain_warc_reads_html_records_only() -> TestResult {
        let got = read("a.warc", &sample());
        assert_eq!(outline(&got), [Ok(3), Ok(7)]);
        let a = got.into_iter().collect::<Result<Vec<_>>>()?;
        assert_eq!(a[0].content, "<p>Caf\u{e9} cr\u{e8}me</p>");
        assert_eq!(a[0].hints.url.as_deref(), Some("https://p.example/a"));
        assert_eq!(a[0].hints.external_id.as_deref(), Some("urn:uuid:0000-3"));
        assert_eq!(a[0].hints.language.as_deref(), Some("fr"));
        assert_eq!(a[0].hints.published, None);
        assert_eq!((a[0].kind, a[0].format), (ContentKind::Html, Format::Warc));
        assert_eq!(a[1].content.as_bytes(), PAGE);
        Ok(())
    }

    #[test]
    fn chunked_and_gzip_payloads() -> TestResult {
        let zipped = gz(PAGE)?;
        let mut chunked = Vec::new();
        for part in zipped.chunks(16) {
            chunked.extend(format!("{:x}\r\n", part.len()).into_bytes());
            chunked.extend_from_slice(part);
            chunked.extend_from_slice(b"\r\n");
        }
        chunked.extend_from_slice(b"0\r\n\r\n");
        let headers =
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n";
        let w = response(1, "https://p.example/z", "200 OK", headers, &chunked);
        let got = read("z.warc", &w);
        assert_eq!(outline(&got), [Ok(1)]);
        let a = got.into_iter().next().ok_or("no article")??;
        assert_eq!(a.content.as_bytes(), PAGE);
        Ok(())
    }

    #[test]
    fn gzip_members_survive_a_corrupt_one() -> TestResult {
        let sample = sample();
        let mut w = Vec::new();
        w.extend(gz(&response(
            1,
            "https://p.example/1",
            "200 OK",
            "Content-Type: text/html\r\n",
            PAGE,
        ))?);
        // A member with a valid header but an invalid deflate block.
        let mut bad = gz(b"WARC/1.1\r\n")?;
        for b in bad.iter_mut().skip(10).take(4) {
            *b = 0xff;
        }
        w.extend(bad);
        w.extend(gz(&record(
            "resource",
            3,
            "https://p.example/3",
            "text/html",
            PAGE,
        ))?);
        w.extend(gz(&sample)?);
        let got = read("a.warc.gz", &w);
        assert_eq!(outline(&got), [Ok(1), Err(2), Ok(3), Ok(6), Ok(10)]);
        Ok(())
    }

    #[test]
    fn broken_warcs_table() -> TestResult {
        let one = record("resource", 1, "https://p.example/1", "text/html", PAGE);
        let two = response(
            2,
            "https://p.example/2",
            "200 OK",
            "Content-Type: text/html\r\n",
            PAGE,
        );
        let both = [one.clone(), two.clone()].concat();
        let cut = both
            .get(..one.len() + two.len() / 2)
            .ok_or("short")?
            .to_vec();
        let cut_headers = both.get(..one.len() + 30).ok_or("short")?.to_vec();
        let junk_first = [b"junk before\r\n".to_vec(), one.clone()].concat();
        let no_length = [
            b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n\r\n"
                .to_vec(),
            one.clone(),
        ]
        .concat();
        let bad_http = record(
            "response",
            1,
            "u",
            "application/http; msgtype=response",
            b"HTP 200\r\n\r\n<p>",
        );
        let brotli = response(
            1,
            "u",
            "200 OK",
            "Content-Type: text/html\r\nContent-Encoding: br\r\n",
            b"xx",
        );
        let gz_cut = {
            let z = [gz(&one)?, gz(&two)?].concat();
            z.get(..z.len() - 20).ok_or("short")?.to_vec()
        };
        let rows: Vec<(&str, Vec<u8>, Vec<Outline>)> = vec![
            ("whole", both, vec![Ok(1), Ok(2)]),
            ("cut in a body", cut, vec![Ok(1), Err(2)]),
            ("cut in headers", cut_headers, vec![Ok(1), Err(2)]),
            ("junk first", junk_first, vec![Err(1), Ok(2)]),
            ("no length", no_length, vec![Err(1), Ok(2)]),
            ("bad http", bad_http, vec![Err(1)]),
            ("brotli", brotli, vec![Err(1)]),
            ("gzip cut", gz_cut, vec![Ok(1), Err(2)]),
            ("not warc", b"hello".to_vec(), vec![Err(1)]),
            ("gzip junk", vec![0x1f, 0x8b, 0x08, 0, 1, 2], vec![Err(1)]),
        ];
        for (label, input, want) in rows {
            assert_eq!(outline(&read("b.warc", &input)), want, "{label}");
        }
        Ok(())
    }

    #[test]
    fn dechunk_table() {
        let rows: &[(&[u8], Option<&[u8]>)] = &[
            (
                b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
                Some(b"hello world"),
            ),
            (b"5;ext=1\r\nhello\r\n0\r\n", Some(b"hello")),
            (b"a\r\nshort", Some(b"short")),
            (b"<html>not chunked", None),
        ];
        for (input, want) in rows {
            assert_eq!(dechunk(input).as_deref(), *want, "{input:?}");
        }
    }

    #[test]
    fn no_panic_on_cut_inputs() -> TestResult {
        let plain = sample();
        let zipped = gz(&plain)?;
        for data in [&plain, &zipped] {
            for i in (0..data.len()).step_by(5) {
                let _ = read("c.warc", data.get(..i).unwrap_or(&[]));
                let _ = read("c.warc", data.get(i..).unwrap_or(&[]));
            }
        }
        Ok(())
    }
}
