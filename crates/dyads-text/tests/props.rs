//! Property tests: segmentation invariants on arbitrary text, and no panic
//! from reading and cleaning arbitrary input.

use dyads_text::segment::segment;
use dyads_text::{clean, read_input, Format, Limits, Sentence, Span, Token};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// Pieces that exercise the segmenter's special cases.
const TEXT_PIECES: &[&str] = &[
    " ",
    " ",
    "  ",
    "\n",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    ".",
    ".",
    "...",
    "..",
    "…",
    "?",
    "!",
    ",",
    ";",
    ":",
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "(",
    ")",
    "[",
    "]",
    "-",
    "—",
    "•",
    "*",
    "%",
    "/",
    "@",
    "a",
    "e",
    "The",
    "the",
    "He",
    "said",
    "Moscow",
    "U.S.",
    "U.S",
    "V.V.",
    "J.",
    "Dr.",
    "Mr.",
    "No.",
    "Jan.",
    "etc.",
    "e.g.",
    "a.m.",
    "Inc.",
    "Co",
    "1",
    "2.",
    "3.5",
    "1,000",
    "25.01.2024",
    "11:33",
    "(a)",
    "1.",
    "https://t.me/x/34213",
    "http://",
    "www.",
    "a@b.org",
    "x@",
    "Jong-un",
    "Xi’s",
    "don't",
    "é",
    "\u{301}",
    "中文",
    "。",
    "Ж",
    "ß",
    "\u{200b}",
    "\u{feff}",
    "🙂",
    "\u{200d}",
];

fn piece_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(TEXT_PIECES), 0..max)
        .prop_map(|v| v.concat())
}

/// Paragraph spans the way the cleaner makes them: blocks between "\n\n".
fn blocks(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices("\n\n") {
        out.push(Span::new(start, i));
        start = i + 2;
    }
    out.push(Span::new(start, text.len()));
    out
}

fn on_boundary(text: &str, span: Span) -> bool {
    span.start <= span.end
        && text.is_char_boundary(span.start as usize)
        && text.is_char_boundary(span.end as usize)
        && (span.end as usize) <= text.len()
}

/// Checks every invariant of a segmentation of `text` whose paragraphs are
/// `paragraphs`.
fn check(
    text: &str,
    paragraphs: &[Span],
    sentences: &[Sentence],
    tokens: &[Token],
) -> Result<(), TestCaseError> {
    // Tokens: on boundaries, non-empty, in order, no whitespace inside, and
    // only whitespace between them.
    let mut prev_end = 0usize;
    for t in tokens {
        prop_assert!(on_boundary(text, t.span), "token off boundary {:?}", t);
        prop_assert!(!t.span.is_empty(), "empty token {:?}", t);
        let start = t.span.start as usize;
        prop_assert!(start >= prev_end, "tokens overlap or go back {:?}", t);
        let gap = text.get(prev_end..start).unwrap_or("x");
        prop_assert!(
            gap.chars().all(char::is_whitespace),
            "non-space {:?} not covered",
            gap
        );
        prop_assert!(
            !t.span.slice(text).chars().any(char::is_whitespace),
            "space inside token {:?}",
            t.span.slice(text)
        );
        prev_end = t.span.end as usize;
    }
    let tail = text.get(prev_end..).unwrap_or("x");
    prop_assert!(
        tail.chars().all(char::is_whitespace),
        "tail {:?} not covered",
        tail
    );

    // Sentences: on boundaries, in order, token ranges contiguous, spans
    // from first token start to last token end.
    let mut next_token = 0u32;
    let mut prev_end = 0usize;
    for s in sentences {
        prop_assert!(on_boundary(text, s.span), "sentence off boundary {:?}", s);
        prop_assert!(
            s.span.start as usize >= prev_end,
            "sentences overlap {:?}",
            s
        );
        prop_assert_eq!(s.first_token, next_token);
        prop_assert!(s.end_token > s.first_token, "empty sentence {:?}", s);
        let toks = tokens
            .get(s.first_token as usize..s.end_token as usize)
            .unwrap_or(&[]);
        prop_assert_eq!(toks.len(), (s.end_token - s.first_token) as usize);
        if let (Some(a), Some(z)) = (toks.first(), toks.last()) {
            prop_assert_eq!(s.span.start, a.span.start);
            prop_assert_eq!(s.span.end, z.span.end);
        }
        for t in toks {
            prop_assert!(s.span.contains(t.span), "token {:?} outside {:?}", t, s);
        }
        let body = s.span.slice(text);
        prop_assert!(
            body.chars().next().is_some_and(|c| !c.is_whitespace())
                && body.chars().last().is_some_and(|c| !c.is_whitespace()),
            "sentence {:?} starts or ends with a space",
            body
        );
        // No sentence crosses a paragraph boundary.
        for p in paragraphs {
            for cut in [p.start, p.end] {
                prop_assert!(
                    !(s.span.start < cut && cut < s.span.end),
                    "sentence {:?} crosses paragraph cut {}",
                    body,
                    cut
                );
            }
        }
        next_token = s.end_token;
        prev_end = s.span.end as usize;
    }
    prop_assert_eq!(next_token as usize, tokens.len());

    // Partition: every non-space char is in exactly one sentence.
    let mut k = 0usize;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        while sentences.get(k).is_some_and(|s| (s.span.end as usize) <= i) {
            k += 1;
        }
        let inside = sentences
            .get(k)
            .is_some_and(|s| (s.span.start as usize) <= i && i < s.span.end as usize);
        prop_assert!(inside, "char {:?} at {} in no sentence", c, i);
    }
    Ok(())
}

proptest! {
    #[test]
    fn segment_any_string(text in any::<String>()) {
        let paras = blocks(&text);
        let (s, t) = segment(&text, &paras);
        check(&text, &paras, &s, &t)?;
        let (s, t) = segment(&text, &[]);
        check(&text, &[], &s, &t)?;
    }

    #[test]
    fn segment_tricky_pieces(text in piece_text(80)) {
        let paras = blocks(&text);
        let (s, t) = segment(&text, &paras);
        check(&text, &paras, &s, &t)?;
        let (s, t) = segment(&text, &[]);
        check(&text, &[], &s, &t)?;
    }

    #[test]
    fn segment_odd_paragraph_spans(
        text in piece_text(40),
        raw in proptest::collection::vec((0usize..400, 0usize..400), 0..6),
    ) {
        let paras: Vec<Span> = raw.iter().map(|&(a, b)| Span::new(a, b)).collect();
        // Only the cuts that fall on char boundaries inside the text count.
        let cuts: Vec<Span> = paras
            .iter()
            .copied()
            .filter(|p| on_boundary(&text, Span::new(p.start as usize, p.start as usize))
                && on_boundary(&text, Span::new(p.end as usize, p.end as usize)))
            .collect();
        let (s, t) = segment(&text, &paras);
        check(&text, &cuts, &s, &t)?;
    }
}

/// Pieces of HTML, JSON, feeds and WARC records.
const MARKUP_PIECES: &[&str] = &[
    "<html>",
    "</html>",
    "<head>",
    "<title>",
    "</title>",
    "<body>",
    "</body>",
    "<p>",
    "</p>",
    "<div class=\"article\">",
    "</div>",
    "<br>",
    "<br/>",
    "<h1>",
    "</h1>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<a href=\"http://x.org\">",
    "</a>",
    "<li>",
    "<ul>",
    "<meta property=\"og:title\" content=\"T\">",
    "&amp;",
    "&#x41;",
    "&#0;",
    "&nbsp;",
    "&bogus;",
    "<![CDATA[",
    "]]>",
    "<?xml version=\"1.0\"?>",
    "<rss>",
    "<channel>",
    "<item>",
    "</item>",
    "<description>",
    "</description>",
    "<pubDate>",
    "Tue, 16 Jan 2024",
    "<feed>",
    "<entry>",
    "<content type=\"html\">",
    "{",
    "}",
    "[",
    "]",
    "\"text\":",
    "\"title\":",
    "\"url\":",
    "\"date\":",
    "\"2024-01-16\"",
    ",",
    ":",
    "\"",
    "\\",
    "\\u00e9",
    "\\n",
    "null",
    "1",
    "WARC/1.0\r\n",
    "WARC-Type: response\r\n",
    "Content-Length: 5\r\n",
    "\r\n",
    "\n",
    "\n\n",
    " ",
    "Moscow, 17 January 2024 (TDI):",
    "The U.S. said so.",
    "He left.",
    "“Yes.”",
    "é",
    "中文",
    "\u{0}",
    "\u{feff}",
    "…",
    "By John Smith",
];

fn markup(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(MARKUP_PIECES), 0..max)
        .prop_map(|v| v.concat())
}

const NAMES: &[&str] = &[
    "input",
    "a.txt",
    "a.html",
    "a.jsonl",
    "a.json",
    "a.xml",
    "a.rss",
    "a.warc",
    "a.warc.gz",
];

/// Reads and cleans every article; checks the documents that come out.
fn read_and_clean(name: &str, bytes: &[u8], format: Option<Format>) -> Result<(), TestCaseError> {
    for article in read_input(name, bytes, format, &Limits::default())
        .into_iter()
        .flatten()
    {
        if let Ok(doc) = clean(&article) {
            check(&doc.text, &doc.paragraphs, &doc.sentences, &doc.tokens)?;
        }
    }
    Ok(())
}

fn any_format() -> impl Strategy<Value = Option<Format>> {
    prop_oneof![
        Just(None),
        Just(Some(Format::Text)),
        Just(Some(Format::Html)),
        Just(Some(Format::Jsonl)),
        Just(Some(Format::Feed)),
        Just(Some(Format::Warc)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn clean_never_panics_on_bytes(
        name in proptest::sample::select(NAMES),
        bytes in proptest::collection::vec(any::<u8>(), 0..2000),
    ) {
        read_and_clean(name, &bytes, None)?;
    }

    #[test]
    fn clean_never_panics_on_markup(
        name in proptest::sample::select(NAMES),
        format in any_format(),
        text in markup(60),
    ) {
        read_and_clean(name, text.as_bytes(), format)?;
    }

    #[test]
    fn clean_never_panics_on_strings(
        format in any_format(),
        text in any::<String>(),
    ) {
        read_and_clean("input", text.as_bytes(), format)?;
    }
}
