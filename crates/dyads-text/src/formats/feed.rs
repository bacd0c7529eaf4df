//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one article per item or entry.
//!
//! The feed is decoded first (BOM, the XML declaration's `encoding`, UTF-8,
//! windows-1252), so byte offsets in errors count in the decoded UTF-8 text.
//! Of an item's bodies the full content (`content:encoded`, Atom `content`)
//! wins over the summary (`description`, `summary`). A body that contains
//! markup is an HTML article, otherwise a text article; Atom `type="text"`
//! is always text and `type="xhtml"` always HTML. The channel's or feed's
//! title becomes the outlet hint, its language the language hint.
//!
//! A broken feed gives the items read before the break, then one error:
//! at the item it broke in (`Record`), or at a byte offset (`Offset`).

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::article::{Article, ContentKind, Format, Hints};
use crate::clean::pubdate;
use crate::error::{Error, ErrorKind, Place, Result};
use crate::formats::html;

/// Reads the articles of one input.
pub fn read(name: &str, bytes: &[u8]) -> Vec<Result<Article>> {
    let src = match html::decode(bytes, xml_encoding(bytes).as_deref()) {
        Ok(s) => s,
        Err(kind) => return vec![Err(Error::new(kind, name, Place::Whole))],
    };
    let mut p = Parser::new(name, &src);
    p.run();
    let Parser {
        out,
        channel_title,
        channel_lang,
        items,
        ..
    } = p;
    let mut out = out;
    for a in out.iter_mut().flatten() {
        if a.hints.outlet.is_none() {
            a.hints.outlet = channel_title.clone();
        }
        if a.hints.language.is_none() {
            a.hints.language = channel_lang.clone();
        }
    }
    if items == 0 && out.is_empty() {
        out.push(Err(Error::new(
            ErrorKind::Feed("no <item> or <entry> found".into()),
            name,
            Place::Whole,
        )));
    }
    out
}

/// The `encoding` of an XML declaration at the start of `bytes`.
fn xml_encoding(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..bytes.len().min(200))?;
    let head = String::from_utf8_lossy(head);
    let decl = head.trim_start().strip_prefix("<?xml")?;
    let decl = decl.get(..decl.find("?>")?)?;
    let at = decl.find("encoding")?;
    let rest = decl
        .get(at + "encoding".len()..)?
        .trim_start()
        .strip_prefix('=')?;
    let rest = rest.trim_start();
    let q = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = rest.get(1..)?;
    rest.get(..rest.find(q)?).map(str::to_string)
}

/// True when text holds an HTML tag (`<p>`, `</a>`, `<br/>`, `<!-- -->`).
pub fn has_markup(s: &str) -> bool {
    let b = s.as_bytes();
    let Some(last_gt) = memchr::memrchr(b'>', b) else {
        return false;
    };
    memchr::memchr_iter(b'<', b)
        .take_while(|&i| i < last_gt)
        .any(|i| {
            b.get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/' || *c == b'!')
        })
}

/// An element being read as one field of an item (or of the channel).
struct Field {
    key: String,
    /// Stack depth of its parent.
    depth: usize,
    /// Offset just after its start tag.
    start: usize,
    text: String,
    /// Text of a `<name>` child (Atom authors).
    name_text: String,
    has_children: bool,
    /// Atom `type` attribute, lowercase.
    type_attr: Option<String>,
}

#[derive(Default)]
struct Item {
    title: Option<String>,
    link: Option<String>,
    guid: Option<String>,
    guid_is_url: bool,
    published: Option<String>,
    updated: Option<String>,
    authors: Vec<String>,
    summary: Option<(String, Option<ContentKind>)>,
    content: Option<(String, Option<ContentKind>)>,
}

struct Parser<'a> {
    name: &'a str,
    src: &'a str,
    out: Vec<Result<Article>>,
    stack: Vec<String>,
    item: Option<(Item, usize)>,
    field: Option<Field>,
    items: usize,
    channel_title: Option<String>,
    channel_lang: Option<String>,
}

/// The element key: local name, or `prefix:local` for namespaces other than
/// Atom's and RSS's own (`content:encoded`, `dc:creator`, `media:title`).
fn key_of(e: &BytesStart) -> String {
    let qn = e.name();
    let local = String::from_utf8_lossy(qn.local_name().as_ref()).to_ascii_lowercase();
    match qn.prefix() {
        Some(p) => {
            let p = String::from_utf8_lossy(p.as_ref()).to_ascii_lowercase();
            if matches!(p.as_str(), "atom" | "a10" | "rss" | "rss1") {
                local
            } else {
                format!("{p}:{local}")
            }
        }
        None => local,
    }
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let key = String::from_utf8_lossy(a.key.as_ref()).to_ascii_lowercase();
        (key == name).then(|| html::decode_entities(&String::from_utf8_lossy(&a.value)))
    })
}

impl<'a> Parser<'a> {
    fn new(name: &'a str, src: &'a str) -> Self {
        Parser {
            name,
            src,
            out: Vec::new(),
            stack: Vec::new(),
            item: None,
            field: None,
            items: 0,
            channel_title: None,
            channel_lang: None,
        }
    }

    fn error(&mut self, msg: String, offset: usize) {
        let place = match self.item {
            Some(_) => Place::Record(self.items),
            None => Place::Offset(offset),
        };
        self.out
            .push(Err(Error::new(ErrorKind::Feed(msg), self.name, place)));
    }

    fn run(&mut self) {
        let mut reader = Reader::from_str(self.src);
        reader.config_mut().trim_text(false);
        loop {
            let before = reader.buffer_position() as usize;
            match reader.read_event() {
                Ok(Event::Start(e)) => {
                    let after = reader.buffer_position() as usize;
                    self.start(&e, after, false);
                    self.stack.push(key_of(&e));
                }
                Ok(Event::Empty(e)) => {
                    let after = reader.buffer_position() as usize;
                    self.start(&e, after, true);
                }
                Ok(Event::End(_)) => {
                    self.stack.pop();
                    self.end(before);
                }
                Ok(Event::Text(t)) => {
                    let raw = String::from_utf8_lossy(&t);
                    self.text(&html::decode_entities(&raw));
                }
                Ok(Event::CData(t)) => self.text(&String::from_utf8_lossy(&t)),
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(e) => {
                    let pos = reader.error_position() as usize;
                    self.error(format!("{e} (at byte {pos})"), pos);
                    return;
                }
            }
        }
        if let Some(open) = self.stack.last().cloned() {
            let msg = match self.item {
                Some(_) => "the feed ends inside an item (cut off?)".to_string(),
                None => format!("the feed ends inside <{open}> (cut off?)"),
            };
            self.error(msg, self.src.len());
        }
    }

    fn start(&mut self, e: &BytesStart, after: usize, empty: bool) {
        let key = key_of(e);
        let depth = self.stack.len();
        if let Some(f) = self.field.as_mut() {
            f.has_children = true;
            return;
        }
        if matches!(key.as_str(), "rss" | "feed" | "rdf:rdf" | "channel") {
            if let Some(l) = attr(e, "xml:lang").and_then(|l| html::language_code(&l)) {
                self.channel_lang.get_or_insert(l);
            }
        }
        match &mut self.item {
            None if matches!(key.as_str(), "item" | "entry") && !empty => {
                self.items += 1;
                self.item = Some((Item::default(), depth));
                return;
            }
            Some((item, d)) if *d + 1 == depth => {
                if key == "link" {
                    let rel = attr(e, "rel").unwrap_or_default();
                    if let Some(href) = attr(e, "href") {
                        if rel.is_empty() || rel.eq_ignore_ascii_case("alternate") {
                            item.link.get_or_insert(href.trim().to_string());
                        }
                        return;
                    }
                }
                if key == "guid" {
                    item.guid_is_url = !attr(e, "ispermalink")
                        .is_some_and(|v| v.trim().eq_ignore_ascii_case("false"));
                }
            }
            Some(_) => return,
            None => {
                let parent = self.stack.last().map(String::as_str).unwrap_or("");
                let channel_field = matches!(parent, "channel" | "feed")
                    && matches!(key.as_str(), "title" | "language" | "dc:language");
                if !channel_field {
                    return;
                }
            }
        }
        if !empty {
            self.field = Some(Field {
                key,
                depth,
                start: after,
                text: String::new(),
                name_text: String::new(),
                has_children: false,
                type_attr: attr(e, "type").map(|t| t.to_ascii_lowercase()),
            });
        }
    }

    fn text(&mut self, t: &str) {
        if let Some(f) = self.field.as_mut() {
            if f.key == "author" && self.stack.last().map(String::as_str) == Some("name") {
                f.name_text.push_str(t);
            } else {
                f.text.push_str(t);
            }
        }
    }

    fn end(&mut self, before: usize) {
        let depth = self.stack.len();
        if self.field.as_ref().is_some_and(|f| f.depth == depth) {
            if let Some(f) = self.field.take() {
                self.finish_field(f, before);
            }
            return;
        }
        if self.field.is_some() {
            return;
        }
        if self.item.as_ref().is_some_and(|(_, d)| *d == depth) {
            if let Some((item, _)) = self.item.take() {
                let n = self.items;
                let r = self.article(item, n);
                self.out.push(r);
            }
        }
    }

    fn finish_field(&mut self, f: Field, end: usize) {
        let Some((item, _)) = self.item.as_mut() else {
            let value = html::fragment_text(&f.text);
            match f.key.as_str() {
                "title" if !value.is_empty() => {
                    self.channel_title.get_or_insert(value);
                }
                "language" | "dc:language" => {
                    if let Some(l) = html::language_code(&value) {
                        self.channel_lang = Some(l);
                    }
                }
                _ => {}
            }
            return;
        };
        let body = || -> (String, Option<ContentKind>) {
            match f.type_attr.as_deref() {
                Some("xhtml") => (
                    self.src.get(f.start..end).unwrap_or("").to_string(),
                    Some(ContentKind::Html),
                ),
                Some("text") | Some("text/plain") => (f.text.clone(), Some(ContentKind::Text)),
                _ if f.has_children => (
                    self.src.get(f.start..end).unwrap_or("").to_string(),
                    Some(ContentKind::Html),
                ),
                _ => (f.text.clone(), None),
            }
        };
        let plain = || {
            let t = if has_markup(&f.text) {
                html::fragment_text(&f.text)
            } else {
                f.text.split_whitespace().collect::<Vec<_>>().join(" ")
            };
            (!t.is_empty()).then_some(t)
        };
        match f.key.as_str() {
            "title" => item.title = item.title.take().or_else(plain),
            "link" => item.link = item.link.take().or_else(plain),
            "guid" | "id" => item.guid = item.guid.take().or_else(plain),
            "pubdate" | "published" | "dc:date" | "issued" | "dcterms:issued" => {
                item.published = item.published.take().or_else(plain)
            }
            "updated" | "modified" | "dcterms:modified" => {
                item.updated = item.updated.take().or_else(plain)
            }
            "author" | "dc:creator" => {
                let name = if f.name_text.trim().is_empty() {
                    rss_author(&f.text)
                } else {
                    Some(f.name_text.split_whitespace().collect::<Vec<_>>().join(" "))
                };
                if let Some(n) = name.filter(|n| !item.authors.contains(n)) {
                    item.authors.push(n);
                }
            }
            "content:encoded" | "content" => {
                let b = body();
                if !b.0.trim().is_empty() && item.content.is_none() {
                    item.content = Some(b);
                }
            }
            "description" | "summary" => {
                let b = body();
                if !b.0.trim().is_empty() && item.summary.is_none() {
                    item.summary = Some(b);
                }
            }
            _ => {}
        }
    }

    fn article(&self, item: Item, n: usize) -> Result<Article> {
        let Some((content, forced)) = item.content.or(item.summary) else {
            return Err(Error::new(
                ErrorKind::Feed(format!("item {n} has no description or content")),
                self.name,
                Place::Record(n),
            ));
        };
        let kind = forced.unwrap_or(if has_markup(&content) {
            ContentKind::Html
        } else {
            ContentKind::Text
        });
        let guid_url = item.guid.clone().filter(|g| {
            item.guid_is_url && (g.starts_with("http://") || g.starts_with("https://"))
        });
        let hints = Hints {
            url: item.link.or(guid_url),
            title: item.title,
            published: item
                .published
                .or(item.updated)
                .and_then(|d| pubdate::parse(&d)),
            authors: item.authors,
            outlet: None,
            external_id: item.guid,
            language: None,
        };
        Ok(Article {
            content: content.trim().to_string(),
            kind,
            format: Format::Feed,
            source_path: Some(self.name.to_string()),
            position: n,
            hints,
        })
    }
}

/// The name in an RSS `<author>`: `editor@x.example (Jane Roe)` -> `Jane Roe`;
/// a bare e-mail address is no name.
fn rss_author(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if let (Some(open), Some(close)) = (s.find('('), s.rfind(')')) {
        if let Some(inner) = s.get(open + 1..close).map(str::trim) {
            if !inner.is_empty() {
                return Some(inner.to_string());
            }
        }
    }
    let bare_email = !s.contains(' ') && s.contains('@');
    (!s.is_empty() && !bare_email).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>Northern Ledger</title>
  <link>https://ledger.example/</link>
  <language>en-us</language>
  <image><title>Logo title</title><url>https://ledger.example/l.png</url></image>
  <item>
    <title>Council approves &amp; funds new tram line</title>
    <link>https://ledger.example/tram</link>
    <guid isPermaLink="false">ledger-1001</guid>
    <pubDate>Tue, 05 Mar 2024 09:30:00 +0000</pubDate>
    <dc:creator>Ana Writer</dc:creator>
    <media:title>Photo of a tram</media:title>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>The city council voted on Monday to fund the tram line.</p>]]></content:encoded>
  </item>
  <item>
    <title>Plain summary item</title>
    <guid>https://ledger.example/plain</guid>
    <author>desk@ledger.example (News Desk)</author>
    <description>Officials met farmers on Tuesday to discuss water prices.</description>
  </item>
  <item>
    <title>Escaped markup item</title>
    <link>https://ledger.example/esc</link>
    <description>&lt;p&gt;Escaped &lt;b&gt;markup&lt;/b&gt;&lt;/p&gt;</description>
  </item>
  <item><title>Headline only</title><link>https://ledger.example/h</link></item>
</channel>
</rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de-AT">
  <title type="text">Alpine Wire</title>
  <entry>
    <title type="html">Pass &lt;em&gt;reopens&lt;/em&gt;</title>
    <link rel="self" href="https://wire.example/self/1"/>
    <link rel="alternate" type="text/html" href="https://wire.example/pass"/>
    <id>urn:uuid:1234</id>
    <updated>2024-02-02T10:00:00Z</updated>
    <published>2024-02-01T08:00:00Z</published>
    <author><name>Lena Muster</name><email>lena@wire.example</email></author>
    <summary>Short.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The pass reopened on Thursday.</p></div></content>
  </entry>
  <entry>
    <title>Text entry</title>
    <link href="https://wire.example/text"/>
    <updated>2024-02-03T10:00:00Z</updated>
    <content type="text">Snow &lt;b&gt; is not markup here.</content>
  </entry>
</feed>"#;

    fn ok_articles(v: &[Result<Article>]) -> Vec<&Article> {
        v.iter().flatten().collect()
    }

    fn err_places(v: &[Result<Article>]) -> Vec<Place> {
        v.iter()
            .filter_map(|r| r.as_ref().err())
            .map(|e| e.place.clone())
            .collect()
    }

    /// (position, kind, content, title, url, external id, authors)
    type Row<'a> = (
        usize,
        ContentKind,
        &'a str,
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        &'a [&'a str],
    );

    #[test]
    fn rss_items() {
        let got = read("f.rss", RSS.as_bytes());
        assert_eq!(got.len(), 4);
        let a = ok_articles(&got);
        assert_eq!(a.len(), 3);
        let rows: &[Row] = &[
            (
                1,
                ContentKind::Html,
                "<p>The city council voted on Monday to fund the tram line.</p>",
                "Council approves & funds new tram line",
                Some("https://ledger.example/tram"),
                Some("ledger-1001"),
                &["Ana Writer"],
            ),
            (
                2,
                ContentKind::Text,
                "Officials met farmers on Tuesday to discuss water prices.",
                "Plain summary item",
                Some("https://ledger.example/plain"),
                Some("https://ledger.example/plain"),
                &["News Desk"],
            ),
            (
                3,
                ContentKind::Html,
                "<p>Escaped <b>markup</b></p>",
                "Escaped markup item",
                Some("https://ledger.example/esc"),
                None,
                &[],
            ),
        ];
        for (row, art) in rows.iter().zip(&a) {
            assert_eq!(art.position, row.0);
            assert_eq!(art.kind, row.1, "{}", row.0);
            assert_eq!(art.content, row.2);
            assert_eq!(art.hints.title.as_deref(), Some(row.3));
            assert_eq!(art.hints.url.as_deref(), row.4);
            assert_eq!(art.hints.external_id.as_deref(), row.5);
            assert_eq!(art.hints.authors, row.6);
            assert_eq!(art.hints.outlet.as_deref(), Some("Northern Ledger"));
            assert_eq!(art.hints.language.as_deref(), Some("en"));
            assert_eq!(art.format, Format::Feed);
        }
        assert_eq!(
            a[0].hints.published,
            pubdate::parse("Tue, 05 Mar 2024 09:30:00 +0000")
        );
        assert_eq!(err_places(&got), [Place::Record(4)]);
    }

    #[test]
    fn atom_entries() {
        let got = read("f.atom", ATOM.as_bytes());
        let a = ok_articles(&got);
        assert_eq!(a.len(), 2, "{got:?}");
        assert_eq!(a[0].kind, ContentKind::Html);
        assert!(a[0]
            .content
            .contains("<p>The pass reopened on Thursday.</p>"));
        assert_eq!(a[0].hints.title.as_deref(), Some("Pass reopens"));
        assert_eq!(a[0].hints.url.as_deref(), Some("https://wire.example/pass"));
        assert_eq!(a[0].hints.external_id.as_deref(), Some("urn:uuid:1234"));
        assert_eq!(a[0].hints.authors, ["Lena Muster"]);
        assert_eq!(a[0].hints.outlet.as_deref(), Some("Alpine Wire"));
        assert_eq!(a[0].hints.language.as_deref(), Some("de"));
        assert_eq!(a[0].hints.published, pubdate::parse("2024-02-01T08:00:00Z"));
        assert_eq!(a[1].kind, ContentKind::Text);
        assert_eq!(a[1].content, "Snow <b> is not markup here.");
        assert_eq!(a[1].hints.url.as_deref(), Some("https://wire.example/text"));
        assert_eq!(a[1].position, 2);
    }

    #[test]
    fn rdf_items_and_latin1() {
        let rdf = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>
<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">
<channel rdf:about=\"x\"><title>Caf\xe9 Times</title></channel>
<item rdf:about=\"https://c.example/1\"><title>One</title><link>https://c.example/1</link>
<description>Caf\xe9 owners protested on Friday.</description></item>
</rdf:RDF>";
        let got = read("f.rdf", rdf);
        let a = ok_articles(&got);
        assert_eq!(a.len(), 1, "{got:?}");
        assert_eq!(a[0].content, "Caf\u{e9} owners protested on Friday.");
        assert_eq!(a[0].hints.outlet.as_deref(), Some("Caf\u{e9} Times"));
    }

    #[test]
    fn broken_feeds_table() {
        let third = RSS.find("<item>\n    <title>Escaped").unwrap_or(0);
        let channel_end = RSS.find("</channel>").unwrap_or(0);
        // (feed, articles expected, error places expected)
        let rows: Vec<(&str, usize, Vec<Place>)> = vec![
            // Cut inside the third item's closing tag, and between its fields.
            (&RSS[..third + 40], 2, vec![Place::Record(3)]),
            (&RSS[..third + 60], 2, vec![Place::Record(3)]),
            // Cut after the last item: all items, then an error at the end.
            (&RSS[..channel_end], 3, vec![Place::Record(4), Place::Offset(channel_end)]),
            (
                "<rss><channel><item><title>T</title><description>D</description></item><item><title>X</wrong></item></channel></rss>",
                1,
                vec![Place::Record(2)],
            ),
            ("<rss><channel><title>Empty</title></channel></rss>", 0, vec![Place::Whole]),
            ("not xml at all", 0, vec![Place::Whole]),
            ("\u{0}\u{1}\u{2}\u{3}", 0, vec![Place::Whole]),
            ("<feed><entry><content>Body</content></entry></feed>", 1, vec![]),
            ("<rss><channel><item><description>A &nbsp; B &bogus;</description></item></channel></rss>", 1, vec![]),
        ];
        for (feed, n_ok, places) in rows {
            let got = read("b.xml", feed.as_bytes());
            assert_eq!(ok_articles(&got).len(), n_ok, "{feed}: {got:?}");
            assert_eq!(err_places(&got), places, "{feed}");
        }
    }

    #[test]
    fn helpers_table() {
        let authors = [
            ("desk@x.example (Desk)", Some("Desk")),
            ("a@b.example", None),
            ("Jane Roe", Some("Jane Roe")),
            ("", None),
        ];
        for (input, want) in authors {
            assert_eq!(rss_author(input).as_deref(), want, "{input}");
        }
        let markup = [
            ("a <p>b</p>", true),
            ("a < b > c", false),
            ("x <y", false),
            ("<!-- c -->", true),
        ];
        for (input, want) in markup {
            assert_eq!(has_markup(input), want, "{input}");
        }
        assert_eq!(
            xml_encoding(b"<?xml version='1.0' encoding='koi8-r'?><a/>").as_deref(),
            Some("koi8-r")
        );
        assert_eq!(xml_encoding(b"<rss>"), None);
    }
}
