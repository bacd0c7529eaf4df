//! Tests of the boilerplate pass on hand-made blocks (plain text and HTML).

use super::*;
use crate::formats::text;

fn block(text: &str, kind: BlockKind) -> Block {
    Block::verbatim(text, 0, kind)
}

fn kept<'a>(blocks: &'a [Block], a: &Analysis) -> Vec<&'a str> {
    a.body
        .iter()
        .filter_map(|&i| blocks.get(i))
        .map(|b| b.text.as_str())
        .collect()
}

fn plain(s: &str) -> (Vec<Block>, Analysis) {
    let blocks = text::blocks(s);
    let a = analyse(
        &blocks,
        &PageMeta::default(),
        &Hints::default(),
        ContentKind::Text,
    );
    (blocks, a)
}

const P1: &str = "The two foreign ministers met in Vienna on Tuesday to discuss the nuclear file.";
const P2: &str = "They agreed to hold another round of talks before the end of the month.";

#[test]
fn html_blocks_lose_captions_teasers_and_repeated_title() {
    let blocks = vec![
        block("World", BlockKind::ListItem),
        block("Ministers meet in Vienna", BlockKind::Heading(1)),
        block("By Jane Roe", BlockKind::Paragraph),
        block("The ministers shake hands in Vienna", BlockKind::Caption),
        block(P1, BlockKind::Paragraph),
        block("Sanctions on the table", BlockKind::Heading(2)),
        block("Ministers meet in Vienna", BlockKind::Heading(2)),
        block("Read more: Envoys gather in Geneva", BlockKind::Paragraph),
        block(P2, BlockKind::Paragraph),
        block("Share on Facebook", BlockKind::ListItem),
    ];
    let page = PageMeta {
        title: Some("Ministers meet in Vienna | Example Daily".into()),
        ..PageMeta::default()
    };
    let a = analyse(&blocks, &page, &Hints::default(), ContentKind::Html);
    assert_eq!(a.title.as_deref(), Some("Ministers meet in Vienna"));
    assert_eq!(a.authors, vec!["Jane Roe".to_string()]);
    assert_eq!(kept(&blocks, &a), vec![P1, "Sanctions on the table", P2]);
    assert_eq!(a.language.as_deref(), Some("en"));
}

#[test]
fn plain_text_header_kicker_and_duplicate_captions() {
    let s = format!(
        "HomeNewsEurope Ministers meet in Vienna for nuclear talks\n\n\
         Ministers meet in Vienna for nuclear talks\n\nnuclear talks\n\n{P1}\n\n\
         A handshake in Vienna's old town\nA handshake in Vienna\u{2019}s old town\n\n\
         Talks ahead\n\n{P2}\n\nFollow us\n\nMost Read\n\nAnother story entirely\n"
    );
    let (blocks, a) = plain(&s);
    assert_eq!(
        a.title.as_deref(),
        Some("Ministers meet in Vienna for nuclear talks")
    );
    assert_eq!(kept(&blocks, &a), vec![P1, "Talks ahead", P2]);
    assert_eq!(a.published_text, None);
    assert!(a.authors.is_empty());
}

#[test]
fn bio_paragraph_names_author_and_outlet() {
    let s = format!(
        "Ministers meet in Vienna\n\n{P1}\n\n{P2}\n\n\
         Jane ROE, senior research fellow at an institute, exclusively for the weekly \u{201C}Example Review\u{201D}.\n\n\
         Related articles:\n\nSomething else\n"
    );
    let (blocks, a) = plain(&s);
    assert_eq!(kept(&blocks, &a), vec![P1, P2]);
    assert_eq!(a.authors, vec!["Jane Roe".to_string()]);
    assert_eq!(a.outlet.as_deref(), Some("Example Review"));
}

#[test]
fn last_paragraph_quoting_a_person_is_not_a_bio() {
    let last = "Jane Roe, a senior analyst, said the talks were a step forward for both sides.";
    let s = format!("Ministers meet in Vienna\n\n{P1}\n\n{last}\n");
    let (blocks, a) = plain(&s);
    assert_eq!(kept(&blocks, &a), vec![P1, last]);
    assert!(a.authors.is_empty());
}

#[test]
fn name_subheading_followed_by_text_stays() {
    let s = format!(
        "Ministers meet in Vienna\n\n{P1}\n\nJane Roe\n\nJane Roe told the ministers that the talks would go on.\n\n{P2}\n"
    );
    let (blocks, a) = plain(&s);
    assert_eq!(kept(&blocks, &a).len(), 4);
    assert!(a.authors.is_empty());
}

#[test]
fn dateline_reads_place_date_and_agency() {
    let s = format!("Vienna, 9 May 2023 (EXA): {P1}\n\n{P2}\n");
    let (blocks, a) = plain(&s);
    assert_eq!(kept(&blocks, &a).len(), 2);
    assert_eq!(a.dateline_place.as_deref(), Some("Vienna"));
    assert_eq!(a.published_text.as_deref(), Some("9 May 2023"));
    assert_eq!(a.outlet.as_deref(), Some("EXA"));
    assert_eq!(a.title, None);
}

#[test]
fn short_input_keeps_what_it_has() {
    let (blocks, a) = plain("Envoys met\n");
    assert_eq!(kept(&blocks, &a), vec!["Envoys met"]);
    let (blocks, a) = plain("Envoys met in Geneva\n\nThey talked.\n");
    assert_eq!(kept(&blocks, &a), vec!["They talked."]);
    let (_, a) = plain("");
    assert!(a.body.is_empty());
    let (_, a) = plain("Follow us\n\nMost Read\n");
    assert!(a.body.is_empty());
}

#[test]
fn hinted_title_is_dropped_from_the_text() {
    let blocks = text::blocks(&format!("Talks resume\n\n{P1}\n"));
    let hints = Hints {
        title: Some("Talks resume".into()),
        ..Hints::default()
    };
    let a = analyse(&blocks, &PageMeta::default(), &hints, ContentKind::Text);
    assert_eq!(kept(&blocks, &a), vec![P1]);
}

proptest::proptest! {
    #[test]
    fn never_panics(s in "(\\PC{0,40}[\n ]{0,2}){0,12}") {
        let (blocks, a) = plain(&s);
        proptest::prop_assert!(a.body.iter().all(|&i| i < blocks.len()));
        let _ = crate::clean::metadata::resolve(&a, &PageMeta::default(), &Hints::default());
    }
}

#[test]
fn capital_rubric_around_the_headline_is_not_the_title() {
    let page = format!(
        "World / Europe / Russia\nSUMMIT DIPLOMACY\nLeaders agree to meet again in spring\nSUMMIT DIPLOMACY\n\n{P1}\n\n{P2}\n"
    );
    let (blocks, a) = plain(&page);
    assert_eq!(
        a.title.as_deref(),
        Some("Leaders agree to meet again in spring")
    );
    assert_eq!(kept(&blocks, &a), vec![P1, P2]);
    // A headline in capitals with nothing better around it is still the title.
    let (_, a) = plain(&format!("TALKS RESUME IN VIENNA\n\n{P1}\n"));
    assert_eq!(a.title.as_deref(), Some("TALKS RESUME IN VIENNA"));
}
