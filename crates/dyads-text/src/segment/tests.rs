//! Table tests: rows of text and the sentences or tokens expected.

use super::segment;
use crate::document::TokenKind;
use crate::span::Span;

/// Paragraph spans the way the cleaner makes them: blocks between "\n\n".
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices("\n\n") {
        out.push(Span::new(start, i));
        start = i + 2;
    }
    out.push(Span::new(start, text.len()));
    out
}

fn sentences(text: &str) -> Vec<&str> {
    let (with, _) = segment(text, &paragraphs(text));
    let (without, _) = segment(text, &[]);
    assert_eq!(with, without, "paragraph spans change the result: {text:?}");
    with.iter().map(|s| s.span.slice(text)).collect()
}

fn tokens(text: &str) -> Vec<&str> {
    let (_, toks) = segment(text, &[]);
    toks.iter().map(|t| t.span.slice(text)).collect()
}

#[test]
fn segment_sentences_table() {
    let rows: &[(&str, &[&str])] = &[
        (
            "Russian Foreign Minister Sergey Lavrov said on Jan. 16 that the talks failed. Moscow will respond.",
            &[
                "Russian Foreign Minister Sergey Lavrov said on Jan. 16 that the talks failed.",
                "Moscow will respond.",
            ],
        ),
        ("He met the U.S. and the ROK envoys.", &["He met the U.S. and the ROK envoys."]),
        (
            "He lives in the U.S. The next day he left.",
            &["He lives in the U.S.", "The next day he left."],
        ),
        ("The U.S. Congress met the U.N. envoy.", &["The U.S. Congress met the U.N. envoy."]),
        ("The No. 2 official resigned.", &["The No. 2 official resigned."]),
        ("The answer was No. The vote failed.", &["The answer was No.", "The vote failed."]),
        (
            "\"We will respond,\" he said. \"Soon.\"",
            &["\"We will respond,\" he said.", "\"Soon.\""],
        ),
        (
            "The strike came at 11:33 a.m. Moscow time. Nobody was hurt.",
            &["The strike came at 11:33 a.m. Moscow time.", "Nobody was hurt."],
        ),
        (
            "It began at 9 a.m. The talks lasted until 5 p.m. He left.",
            &["It began at 9 a.m.", "The talks lasted until 5 p.m.", "He left."],
        ),
        ("V.V. Putin met J. Smith and Dr. Kim.", &["V.V. Putin met J. Smith and Dr. Kim."]),
        (
            "Mr. Kim, Mrs. Lee, Ms. Park, Prof. Choi, Gen. Ri, Lt. Col. Pak, Sen. Warren, Rep. Cole and Gov. Hochul met in St. Petersburg.",
            &["Mr. Kim, Mrs. Lee, Ms. Park, Prof. Choi, Gen. Ri, Lt. Col. Pak, Sen. Warren, Rep. Cole and Gov. Hochul met in St. Petersburg."],
        ),
        ("Dr. He arrived.", &["Dr. He arrived."]),
        (
            "Samsung Electronics Co. Ltd. and Apple Inc. signed. Hyundai Corp. did not.",
            &["Samsung Electronics Co. Ltd. and Apple Inc. signed.", "Hyundai Corp. did not."],
        ),
        ("Apple Inc. It said no.", &["Apple Inc.", "It said no."]),
        ("Tanks, guns, etc. were seized.", &["Tanks, guns, etc. were seized."]),
        ("Tanks, guns, etc. Troops left.", &["Tanks, guns, etc.", "Troops left."]),
        (
            "Officials, e.g. Lavrov, i.e. the minister, spoke.",
            &["Officials, e.g. Lavrov, i.e. the minister, spoke."],
        ),
        ("Russia vs. Ukraine talks resumed in Feb. and Sept. again.", &["Russia vs. Ukraine talks resumed in Feb. and Sept. again."]),
        (
            "Prices rose 3.5 percent on 25.01.2024, the U.N. said.",
            &["Prices rose 3.5 percent on 25.01.2024, the U.N. said."],
        ),
        (
            "See https://t.me/x/34213. Write to a@b.org. Thanks.",
            &["See https://t.me/x/34213.", "Write to a@b.org.", "Thanks."],
        ),
        ("He said “we agree.” Then he left.", &["He said “we agree.”", "Then he left."]),
        (
            "She said: ‘They told us “no.”’ Then silence.",
            &["She said: ‘They told us “no.”’", "Then silence."],
        ),
        ("'We agree.' Then he left.", &["'We agree.'", "Then he left."]),
        ("\"Why?\" he asked. Nobody knew!", &["\"Why?\" he asked.", "Nobody knew!"]),
        ("\"Yes!\", he said.", &["\"Yes!\", he said."]),
        ("Is it over? Yes! It is.", &["Is it over?", "Yes!", "It is."]),
        ("He hesitated... Then he spoke.", &["He hesitated...", "Then he spoke."]),
        ("He hesitated... and then spoke.", &["He hesitated... and then spoke."]),
        ("He waited… Nothing came.", &["He waited…", "Nothing came."]),
        ("...at 11:33 a.m. Moscow time.", &["...at 11:33 a.m. Moscow time."]),
        ("We met; they left.", &["We met; they left."]),
        ("(The talks failed.) Seoul said so.", &["(The talks failed.)", "Seoul said so."]),
        ("He said so. (Reuters)", &["He said so.", "(Reuters)"]),
        (
            "Kim Jong-un and Choe Son-hui met US-North Korean envoys. It rained.",
            &["Kim Jong-un and Choe Son-hui met US-North Korean envoys.", "It rained."],
        ),
        (
            "The U.S.-led coalition struck. It was dark.",
            &["The U.S.-led coalition struck.", "It was dark."],
        ),
        ("He was born in 1990. 5 people came.", &["He was born in 1990.", "5 people came."]),
        ("他来了。她走了。", &["他来了。", "她走了。"]),
        ("He agreed.The end came.", &["He agreed.", "The end came."]),
        // headlines and lists
        (
            "Putin meets Xi in Beijing\nThe two leaders discussed trade.",
            &["Putin meets Xi in Beijing", "The two leaders discussed trade."],
        ),
        (
            "Lavrov: \"We will respond\"\nMoscow, Jan. 16 (TDI): Talks ended.",
            &["Lavrov: \"We will respond\"", "Moscow, Jan. 16 (TDI): Talks ended."],
        ),
        (
            "The ministers agreed:\n- to meet again\n- to cut tariffs\n1. First item\n2. Second item\n• Third",
            &[
                "The ministers agreed:",
                "- to meet again",
                "- to cut tariffs",
                "1. First item",
                "2. Second item",
                "• Third",
            ],
        ),
        ("(a) first point\n(b) second point", &["(a) first point", "(b) second point"]),
        ("a) one\nb) two", &["a) one", "b) two"]),
        (
            "The minister said that the\nGovernment would respond.",
            &["The minister said that the\nGovernment would respond."],
        ),
        ("talks went on\nand on.", &["talks went on\nand on."]),
        ("First para without stop\n\nsecond para", &["First para without stop", "second para"]),
        ("One.\r\n\r\nTwo", &["One.", "Two"]),
        ("  \n  ", &[]),
        ("", &[]),
    ];
    for (text, want) in rows {
        assert_eq!(&sentences(text), want, "{text:?}");
    }
}

#[test]
fn segment_tokens_table() {
    let rows: &[(&str, &[&str])] = &[
        (
            "Kim Jong-un’s U.S. visit",
            &["Kim", "Jong-un’s", "U.S.", "visit"],
        ),
        (
            "Choe Son-hui met US-North envoys",
            &["Choe", "Son-hui", "met", "US-North", "envoys"],
        ),
        ("V.V. Putin", &["V.V.", "Putin"]),
        ("J. Smith", &["J.", "Smith"]),
        ("on Jan. 16, 2024.", &["on", "Jan.", "16", ",", "2024", "."]),
        (
            "1,000 troops; 3.5% on 25.01.2024 at 11:33",
            &[
                "1,000",
                "troops",
                ";",
                "3.5",
                "%",
                "on",
                "25.01.2024",
                "at",
                "11:33",
            ],
        ),
        ("on 2024-01-17 at 1/2", &["on", "2024-01-17", "at", "1/2"]),
        (
            "\"We will respond,\" he said.",
            &["\"", "We", "will", "respond", ",", "\"", "he", "said", "."],
        ),
        (
            "“Yes,” she said — ‘no’.",
            &[
                "“", "Yes", ",", "”", "she", "said", "—", "‘", "no", "’", ".",
            ],
        ),
        (
            "Xi’s don't rock'n'roll 'quoted'",
            &["Xi’s", "don't", "rock'n'roll", "'", "quoted", "'"],
        ),
        (
            "See https://t.me/x/34213. Mail a@b.org.",
            &["See", "https://t.me/x/34213", ".", "Mail", "a@b.org", "."],
        ),
        (
            "(see https://example.com/a_(b))",
            &["(", "see", "https://example.com/a_(b)", ")"],
        ),
        (
            "at www.kcna.kp, t.me/rian_ru/1.",
            &["at", "www.kcna.kp", ",", "t.me/rian_ru/1", "."],
        ),
        ("Wait... what…", &["Wait", "...", "what", "…"]),
        (
            "No. 2 official; the answer was No.",
            &[
                "No.", "2", "official", ";", "the", "answer", "was", "No", ".",
            ],
        ),
        (
            "etc. e.g. i.e. a.m. p.m. Ph.D.",
            &["etc.", "e.g.", "i.e.", "a.m.", "p.m.", "Ph.D."],
        ),
        ("He agreed.The end", &["He", "agreed", ".", "The", "end"]),
        ("kcna.kp reported", &["kcna.kp", "reported"]),
        (
            "F-16s and 20-year-old 5th",
            &["F-16s", "and", "20-year-old", "5th"],
        ),
        ("-5 degrees", &["-", "5", "degrees"]),
        ("the U.S.-led strike", &["the", "U.S.-led", "strike"]),
        ("cafe\u{301} naïve", &["cafe\u{301}", "naïve"]),
        (
            "Dr.Kim and St.Petersburg",
            &["Dr.", "Kim", "and", "St.", "Petersburg"],
        ),
        ("at 11:33 a.m. Moscow", &["at", "11:33", "a.m.", "Moscow"]),
        ("$1.5bn, ¥300", &["$", "1.5bn", ",", "¥", "300"]),
        ("@user #tag", &["@", "user", "#", "tag"]),
    ];
    for (text, want) in rows {
        assert_eq!(&tokens(text), want, "{text:?}");
    }
}

#[test]
fn segment_token_kinds() {
    let text = "The U.S. sent 1,000 troops (3.5%) to https://x.org.";
    let (_, toks) = segment(text, &[]);
    let got: Vec<(&str, TokenKind)> = toks.iter().map(|t| (t.span.slice(text), t.kind)).collect();
    use TokenKind::{Number, Punct, Word};
    let want = vec![
        ("The", Word),
        ("U.S.", Word),
        ("sent", Word),
        ("1,000", Number),
        ("troops", Word),
        ("(", Punct),
        ("3.5", Number),
        ("%", Punct),
        (")", Punct),
        ("to", Word),
        ("https://x.org", Word),
        (".", Punct),
    ];
    assert_eq!(got, want);
}

#[test]
fn segment_respects_paragraph_spans() {
    // Paragraph spans cut even where no blank line is: a sentence and a
    // token never cross them.
    let text = "Headline without stop Body starts here.";
    let paras = [Span::new(0, 21), Span::new(22, text.len())];
    let (sents, toks) = segment(text, &paras);
    let got: Vec<&str> = sents.iter().map(|s| s.span.slice(text)).collect();
    assert_eq!(got, vec!["Headline without stop", "Body starts here."]);
    assert_eq!(sents[1].first_token, 3);
    assert_eq!(sents[1].end_token as usize, toks.len());
    // Spans that cut through a word split the word; out-of-range ends are ignored.
    let (sents, toks) = segment("abcdef", &[Span::new(0, 3), Span::new(9, 20)]);
    assert_eq!(sents.len(), 2);
    assert_eq!(toks.len(), 2);
}

#[test]
fn segment_token_indices_match_sentences() {
    let text = "He left. \"Why?\" she asked.\n\n- one\n- two";
    let (sents, toks) = segment(text, &paragraphs(text));
    let mut next = 0;
    for s in &sents {
        assert_eq!(s.first_token, next);
        assert!(s.end_token > s.first_token);
        for t in &toks[s.first_token as usize..s.end_token as usize] {
            assert!(s.span.contains(t.span));
        }
        next = s.end_token;
    }
    assert_eq!(next as usize, toks.len());
}
