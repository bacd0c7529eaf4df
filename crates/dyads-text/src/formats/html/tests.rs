//! Tests of HTML decoding and extraction on small pages written for them.

use super::*;
use crate::blocks::BlockKind;

type TestResult = std::result::Result<(), String>;

/// A news page with the usual furniture around an `<article>`.
const NEWS_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Harbour talks resume in Valletta | The Daily Island</title>
<meta property="og:site_name" content="The Daily Island">
<meta property="og:title" content="Harbour talks resume in Valletta - The Daily Island">
<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
<meta name="author" content="Maria Example">
<link rel="canonical" href="https://island.example/news/harbour-talks">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","@id":"#site","name":"The Daily Island"},
 {"@type":"NewsArticle","headline":"Harbour talks resume","datePublished":"2024-03-05",
  "author":[{"@type":"Person","name":"Maria Example"},{"@type":"Person","name":"Karl Sample"}],
  "publisher":{"@id":"#org"}},
 {"@type":"Organization","@id":"#org","name":"Daily Island Media"}]}</script>
<style>p { color: red }</style>
</head>
<body class="page has-sidebar">
<header class="site-header"><a href="/">The Daily Island</a>
 <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/news">News</a></div>
<main>
<article>
<header><h1>Harbour talks resume in Valletta</h1>
<p class="byline">By Maria Example</p>
<time datetime="2024-03-05">5 March 2024</time></header>
<div class="share-buttons"><a href="#">Share on Social</a></div>
<p>Negotiators from the two ferry companies met again on Tuesday in Valletta,
after a week in which neither side had answered the other&rsquo;s letters.</p>
<p>The port authority said the meeting lasted three hours &amp; ended with an
agreement to meet again&nbsp;on Friday.</p>
<figure><img src="a.jpg" alt=""><figcaption>The harbour at dawn.</figcaption></figure>
<blockquote><p>&ldquo;We are closer than we were,&rdquo; one negotiator said.</p></blockquote>
<ul><li>Ferries will keep running.</li><li>Fares stay the same.</li></ul>
<div class="related-articles"><h2>Related</h2><p><a href="/x">Port strike ends</a></p></div>
</article>
</main>
<aside class="sidebar"><h2>Most read</h2><p>Something else entirely, with many words in it.</p></aside>
<div id="comments"><p>I think this is great, said a reader in a long comment here.</p></div>
<footer><p>Copyright The Daily Island</p></footer>
<div class="cookie-banner"><p>We use cookies to improve your experience on our site.</p></div>
</body></html>"##;

fn texts(blocks: &[Block]) -> Vec<&str> {
    blocks.iter().map(|b| b.text.as_str()).collect()
}

/// Every piece must point at raw text that decodes to the clean text.
fn check_alignment(src: &str, blocks: &[Block]) -> TestResult {
    for b in blocks {
        for p in &b.pieces {
            let clean = b
                .text
                .get(p.clean as usize..(p.clean + p.len) as usize)
                .ok_or("piece outside block text")?;
            let raw = src
                .get(p.raw as usize..(p.raw + p.raw_len) as usize)
                .ok_or("piece outside page")?;
            let decoded = entities::decode_all(raw);
            let ok = clean == raw
                || clean == decoded
                || (clean == " " && decoded.chars().all(char::is_whitespace))
                || (clean == " " && fragment_text(raw).is_empty() && raw.contains("<br"));
            if !ok {
                return Err(format!("piece {p:?}: clean {clean:?} vs raw {raw:?}"));
            }
        }
    }
    Ok(())
}

#[test]
fn news_page_main_content() -> TestResult {
    let (blocks, meta) = extract(NEWS_PAGE)?;
    let want = [
        "Harbour talks resume in Valletta",
        "By Maria Example",
        "5 March 2024",
        "Negotiators from the two ferry companies met again on Tuesday in Valletta, after a week in which neither side had answered the other\u{2019}s letters.",
        "The port authority said the meeting lasted three hours & ended with an agreement to meet again on Friday.",
        "The harbour at dawn.",
        "\u{201c}We are closer than we were,\u{201d} one negotiator said.",
        "Ferries will keep running.",
        "Fares stay the same.",
    ];
    assert_eq!(texts(&blocks), want);
    let kinds: Vec<BlockKind> = blocks.iter().map(|b| b.kind).collect();
    assert_eq!(kinds[0], BlockKind::Heading(1));
    assert_eq!(kinds[5], BlockKind::Caption);
    assert_eq!(kinds[6], BlockKind::Quote);
    assert_eq!(kinds[7], BlockKind::ListItem);
    assert!(blocks.iter().all(|b| b.blank_after));
    check_alignment(NEWS_PAGE, &blocks)?;

    assert_eq!(
        meta.title.as_deref(),
        Some("Harbour talks resume in Valletta")
    );
    assert_eq!(meta.published.as_deref(), Some("2024-03-05T09:30:00+01:00"));
    assert_eq!(meta.authors, ["Maria Example"]);
    assert_eq!(meta.outlet.as_deref(), Some("The Daily Island"));
    assert_eq!(meta.language.as_deref(), Some("en"));
    assert_eq!(
        meta.url.as_deref(),
        Some("https://island.example/news/harbour-talks")
    );
    Ok(())
}

#[test]
fn density_picks_the_text_without_article_tags() -> TestResult {
    let page = r#"<html><body>
<div id="top"><a href="/a">Home</a> <a href="/b">World</a> <a href="/c">Business</a></div>
<div class="main-col"><div class="story">
<h1>Rain delays the harvest in the north</h1>
<p>Farmers in the northern provinces said on Monday that a week of heavy rain had delayed the wheat harvest, and that prices could rise.</p>
<p>The agriculture ministry said it would meet farmers' unions, regional officials and millers later this week.</p>
<p>Officials, however, said stocks were sufficient for the coming months.</p>
</div>
<div class="links"><p><a href="/1">Another story about something</a></p><p><a href="/2">Yet another linked headline here</a></p></div>
</div></body></html>"#;
    let (blocks, _) = extract(page)?;
    let t = texts(&blocks);
    assert_eq!(
        t.first().copied(),
        Some("Rain delays the harvest in the north")
    );
    assert!(
        t.iter().any(|x| x.starts_with("Farmers in the northern")),
        "{t:?}"
    );
    assert!(
        t.iter().any(|x| x.starts_with("Officials, however")),
        "{t:?}"
    );
    assert!(
        !t.iter()
            .any(|x| x.contains("Home") || x.contains("Another story")),
        "{t:?}"
    );
    check_alignment(page, &blocks)
}

#[test]
fn headline_outside_the_body_is_kept() -> TestResult {
    let page = r#"<body><header><h1>Bridge reopens after repairs</h1></header>
<div itemprop="articleBody"><p>The old bridge over the river reopened to traffic on Sunday after eight months of repairs.</p></div></body>"#;
    let (blocks, _) = extract(page)?;
    assert_eq!(
        texts(&blocks),
        [
            "Bridge reopens after repairs",
            "The old bridge over the river reopened to traffic on Sunday after eight months of repairs."
        ]
    );
    assert_eq!(blocks[0].kind, BlockKind::Heading(1));
    Ok(())
}

#[test]
fn broken_html_table() -> TestResult {
    // (page, expected block texts)
    let rows: &[(&str, &[&str])] = &[
        ("<p>One<p>Two", &["One", "Two"]),
        (
            "<div>Line one<br>line two<br><br>New para</div>",
            &["Line one line two", "New para"],
        ),
        (
            "<p>Unclosed <b>bold <i>italic</p><p>next",
            &["Unclosed bold italic", "next"],
        ),
        (
            "<p>a < b and 3<4 &bogus; &amp</p>",
            &["a < b and 3<4 &bogus; &"],
        ),
        ("<p>before<!-- never closed <p>after", &["before"]),
        ("<p>cut in the middle <a href=\"x", &["cut in the middle"]),
        (
            "plain text, no tags at all",
            &["plain text, no tags at all"],
        ),
        ("<script>var x = '<p>no</p>';</script><p>yes</p>", &["yes"]),
        ("<p>x</p></div></div></body></html><p>y</p>", &["x", "y"]),
        (
            "<table><tr><td>Cell one<td>Cell two</table>",
            &["Cell one", "Cell two"],
        ),
        ("<pre>  keep\n   one line  </pre>", &["keep one line"]),
        (
            "<h2>Sub</h2><p style=\"display: none\">hidden</p><p hidden>also</p>",
            &["Sub"],
        ),
        ("", &[]),
        ("<<<>>>", &["<<<>>>"]),
    ];
    for (page, want) in rows {
        let (blocks, _) = extract(page)?;
        assert_eq!(texts(&blocks), *want, "{page}");
        check_alignment(page, &blocks)?;
    }
    Ok(())
}

#[test]
fn meta_table() -> TestResult {
    // (head markup, field, expected)
    let rows: &[(&str, &str, Option<&str>)] = &[
        ("<title>Plain title</title>", "title", Some("Plain title")),
        ("<title>A &amp; B - Site</title><meta name=application-name content=Site>", "title", Some("A & B")),
        ("<title>Keep - Other</title><meta property=og:site_name content=Site>", "title", Some("Keep - Other")),
        // `Headline | Section | Site`: the site is the outlet when nothing
        // else names one; a short first part is no headline.
        ("<title>Japan protests airspace incursion | Asia | Tidewater Post</title>", "title", Some("Japan protests airspace incursion")),
        ("<title>Japan protests airspace incursion | Asia | Tidewater Post</title>", "outlet", Some("Tidewater Post")),
        ("<title>Japan protests airspace incursion | Tidewater Post</title><meta property=og:site_name content=TP>", "outlet", Some("TP")),
        ("<title>Opinion | Why the talks failed</title>", "title", Some("Opinion | Why the talks failed")),
        ("<title>Opinion | Why the talks failed</title>", "outlet", None),
        ("<title>Ceasefire holds | what the deal means for the border towns</title>", "title", Some("Ceasefire holds | what the deal means for the border towns")),
        ("<meta name=twitter:title content=TT><title>T</title>", "title", Some("TT")),
        (r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD head"}</script><title>T</title>"#, "title", Some("LD head")),
        (r#"<script type="application/ld+json">[{"@type":"BlogPosting","datePublished":"2023-11-02T08:00:00Z"}]</script>"#, "published", Some("2023-11-02T08:00:00Z")),
        ("<meta name=\"DC.date.issued\" content=\"2022-06-01\">", "published", Some("2022-06-01")),
        ("<meta name=sailthru.date content=\"2021-01-02 10:00\">", "published", Some("2021-01-02 10:00")),
        ("<meta property=og:published_time content=2020-05-05>", "published", Some("2020-05-05")),
        ("<body><article><p>x</p><time datetime=\"2019-09-09\">9/9</time></article>", "published", Some("2019-09-09")),
        ("<meta property=article:author content=\"https://social.example/someone\">", "authors", None),
        ("<meta property=article:author content=\"Ana Writer\">", "authors", Some("Ana Writer")),
        (r#"<script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"Ld Person"}}</script>"#, "authors", Some("Ld Person")),
        (r#"<script type="application/ld+json">{"@type":"Article","author":"Just A String"}</script>"#, "authors", Some("Just A String")),
        ("<body><p>By <a rel=author href=/a/b>Rel Author</a></p>", "authors", Some("Rel Author")),
        (r#"<script type="application/ld+json">{"@type":"Article","publisher":{"@type":"Organization","name":"Pub Co"}}</script>"#, "outlet", Some("Pub Co")),
        ("<meta name=application-name content=AppName>", "outlet", Some("AppName")),
        ("<html lang=\"PT-br\">", "language", Some("pt")),
        ("<html lang=\"\"><meta property=og:locale content=fr_FR>", "language", Some("fr")),
        ("<link rel=canonical href=/relative>", "url", None),
        ("<meta property=og:url content=\"https://x.example/a\">", "url", Some("https://x.example/a")),
        (r#"<script type="application/ld+json">{broken json</script>"#, "title", None),
        ("<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"Line\nbreak\"}</script>", "title", Some("Line break")),
    ];
    for (page, field, want) in rows {
        let (_, m) = extract(page)?;
        let got = match *field {
            "title" => m.title.clone(),
            "published" => m.published.clone(),
            "authors" => m.authors.first().cloned(),
            "outlet" => m.outlet.clone(),
            "language" => m.language.clone(),
            "url" => m.url.clone(),
            _ => return Err(format!("unknown field {field}")),
        };
        assert_eq!(got.as_deref(), *want, "{field} of {page}");
    }
    Ok(())
}

#[test]
fn ld_json_authors_and_publisher_by_reference() -> TestResult {
    let page = r##"<script type="application/ld+json">{"@graph":[
{"@type":"Person","@id":"#p1","name":"First Person"},
{"@type":"ReportageNewsArticle","headline":"H","author":[{"@id":"#p1"},{"name":"Second Person"}],
 "publisher":{"@id":"#o"}},{"@type":"Organization","@id":"#o","name":"Org Name"}]}</script>"##;
    let (_, m) = extract(page)?;
    assert_eq!(m.authors, ["First Person", "Second Person"]);
    assert_eq!(m.outlet.as_deref(), Some("Org Name"));
    Ok(())
}

#[test]
fn decode_table() {
    // (bytes, declared charset, expected text or None for an error)
    let rows: &[(&[u8], Option<&str>, Option<&str>)] = &[
        (b"<p>caf\xc3\xa9</p>", None, Some("<p>caf\u{e9}</p>")),
        (b"<p>caf\xe9</p>", None, Some("<p>caf\u{e9}</p>")),
        (b"\xef\xbb\xbf<p>bom</p>", None, Some("<p>bom</p>")),
        (b"\xff\xfe<\x00p\x00>\x00", None, Some("<p>")),
        (
            b"<meta charset=\"iso-8859-2\"><p>\xb1</p>",
            None,
            Some("<meta charset=\"iso-8859-2\"><p>\u{105}</p>"),
        ),
        (
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">\xf0",
            None,
            Some("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">\u{41f}"),
        ),
        (
            b"<meta charset=utf-8>\xe9",
            Some("windows-1251"),
            Some("<meta charset=utf-8>\u{439}"),
        ),
        (
            b"<p>\x93quoted\x94</p>",
            Some("utf-8"),
            Some("<p>\u{201c}quoted\u{201d}</p>"),
        ),
        (b"<p>ok</p>", Some("utf-16"), Some("<p>ok</p>")),
        (b"\x00\x01\x02\x03binary", None, None),
    ];
    for (bytes, declared, want) in rows {
        let got = decode(bytes, *declared).ok();
        assert_eq!(got.as_deref(), *want, "{bytes:?}");
    }
    assert_eq!(decode(b"\x00\x00\x00", None), Err(ErrorKind::Binary));
}

#[test]
fn charset_param_table() {
    let rows = [
        ("text/html; charset=UTF-8", Some("utf-8")),
        ("text/html;charset=\"iso-8859-1\"", Some("iso-8859-1")),
        ("text/html", None),
        ("text/html; charset=", None),
    ];
    for (ct, want) in rows {
        assert_eq!(charset_param(ct).as_deref(), want, "{ct}");
    }
}

#[test]
fn fragment_text_strips_tags() {
    assert_eq!(
        fragment_text("<b>Big</b> &amp; <i>small</i>"),
        "Big & small"
    );
}

#[test]
fn no_panic_on_cut_pages() {
    let page = NEWS_PAGE;
    let mut i = 0;
    while i < page.len() {
        if let (Some(a), Some(b)) = (page.get(..i), page.get(i..)) {
            let _ = extract(a);
            let _ = extract(b);
        }
        i += 7;
    }
}

#[test]
fn no_panic_on_mutated_pages() -> TestResult {
    // A small deterministic generator: splice markup fragments into the page.
    let bits = [
        "<",
        ">",
        "&",
        "&#",
        "&#x",
        ";",
        "\"",
        "'",
        "</p>",
        "<p",
        "<!--",
        "-->",
        "<br>",
        "<script>",
        "</article>",
        "<td>",
        "&amp",
        "\u{e9}",
        "\u{1F600}",
        "<h1>",
        "=",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |m: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m.max(1) as u64) as usize
    };
    for _ in 0..200 {
        let mut page = NEWS_PAGE.to_string();
        for _ in 0..8 {
            let mut at = next(page.len());
            while !page.is_char_boundary(at) {
                at -= 1;
            }
            page.insert_str(at, bits[next(bits.len())]);
        }
        let (blocks, _) = extract(&page)?;
        check_alignment(&page, &blocks)?;
        assert!(blocks
            .iter()
            .all(|b| !b.text.contains('\n') && b.text.trim() == b.text));
    }
    Ok(())
}

#[test]
fn pathological_pages_are_linear() -> TestResult {
    let n = 50_000;
    let pages = [
        "<a".repeat(n),
        "<p>x".repeat(n),
        "<div>".repeat(n) + &"</div>".repeat(n),
        "&#x".repeat(n),
        "<a rel=author>".repeat(n),
        "<!--".repeat(n),
        "<td>".repeat(n),
    ];
    let start = std::time::Instant::now();
    for page in &pages {
        let _ = extract(page)?;
    }
    // Generous bound for debug builds on a busy machine; quadratic code
    // would take minutes here.
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
    Ok(())
}

#[test]
fn html_input_cleans_end_to_end() -> TestResult {
    let limits = crate::formats::Limits::default();
    let articles = crate::formats::read_input("page.html", NEWS_PAGE.as_bytes(), None, &limits);
    let article = articles
        .into_iter()
        .next()
        .ok_or("no article")?
        .map_err(|e| e.to_string())?;
    let doc = crate::clean::clean(&article).map_err(|e| e.to_string())?;
    assert!(
        doc.text
            .contains("Negotiators from the two ferry companies"),
        "{}",
        doc.text
    );
    assert!(!doc.text.contains("cookies"), "{}", doc.text);
    Ok(())
}
