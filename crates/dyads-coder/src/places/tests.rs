//! Location tests: sentences we wrote, parsed by the built-in models.

use std::sync::OnceLock;

use dyads_syntax::{ParsedSentence, Pipeline};
use dyads_text::{Document, Metadata, Span};

use super::{locate, locate_event, Location, LocationSource};

fn pipeline() -> Option<&'static Pipeline> {
    static P: OnceLock<Option<Pipeline>> = OnceLock::new();
    P.get_or_init(|| Pipeline::load().ok()).as_ref()
}

/// A one-paragraph document with an optional dateline.
pub(crate) fn doc(text: &str, dateline: Option<&str>) -> Document {
    let paragraphs = [Span::new(0, text.len())];
    let (sentences, tokens) = dyads_text::segment::segment(text, &paragraphs);
    Document {
        text: text.to_string(),
        meta: Metadata {
            dateline_place: dateline.map(str::to_string),
            ..Metadata::default()
        },
        alignment: Default::default(),
        sentences,
        tokens,
        paragraphs: paragraphs.to_vec(),
        content_hash: String::new(),
    }
}

fn locate_first(text: &str, dateline: Option<&str>) -> Option<Location> {
    let d = doc(text, dateline);
    let parsed: Vec<ParsedSentence> = pipeline()?.annotate(&d);
    locate(&d, 0, parsed.first()?)
}

/// (sentence, dateline, expected (text, country, country level, source)).
type Row<'a> = (
    &'a str,
    Option<&'a str>,
    Option<(&'a str, &'a str, bool, LocationSource)>,
);

#[test]
fn locations_from_sentences_and_datelines() {
    use LocationSource::{Dateline, Sentence};
    let table: &[Row] = &[
        (
            "Talks between the two ministers were held in Moscow on Tuesday.",
            None,
            Some(("Moscow", "RUS", false, Sentence)),
        ),
        (
            "The rocket lifted off at the Vostochny Cosmodrome in Russia's Amur region.",
            None,
            Some(("Russia", "RUS", true, Sentence)),
        ),
        (
            "Blinken arrived in Kiev on Monday for a second day of talks.",
            None,
            Some(("Kiev", "UKR", false, Sentence)),
        ),
        (
            "The president's visit to Beijing ended with a joint statement.",
            None,
            Some(("Beijing", "CHN", false, Sentence)),
        ),
        (
            "Heavy fighting was reported in northern Syria overnight.",
            None,
            Some(("Syria", "SYR", true, Sentence)),
        ),
        (
            "The summit in Moscow, Russia, ended without a deal.",
            None,
            Some(("Moscow", "RUS", false, Sentence)),
        ),
        (
            "Clashes broke out in Tripoli, Lebanon, after the vote.",
            None,
            Some(("Tripoli", "LBN", false, Sentence)),
        ),
        ("Moscow said the talks had failed.", None, None),
        (
            "Pyongyang fired two missiles into the sea.",
            Some("Seoul"),
            None,
        ),
        (
            "The ministers agreed to meet again next month.",
            Some("SEOUL"),
            Some(("SEOUL", "KOR", false, Dateline)),
        ),
        (
            "Moscow said the talks had failed.",
            Some("Moscow"),
            Some(("Moscow", "RUS", false, Dateline)),
        ),
        (
            "The two leaders shook hands.",
            Some("Washington, D.C."),
            Some(("Washington, D.C.", "USA", false, Dateline)),
        ),
        ("The two leaders shook hands.", None, None),
        // `York` in `New York` is no English city.
        (
            "The prime minister spoke at the United Nations in New York.",
            None,
            None,
        ),
    ];
    if pipeline().is_none() {
        println!("skipped: syntax models failed to load");
        return;
    }
    for (text, dateline, want) in table {
        let got = locate_first(text, *dateline);
        let got = got.as_ref().map(|l| {
            (
                l.text.as_str(),
                l.country.as_str(),
                l.country_level,
                l.source,
            )
        });
        assert_eq!(got, *want, "{text}");
    }
}

#[test]
fn sentence_locations_carry_spans_and_coordinates() {
    if pipeline().is_none() {
        println!("skipped: syntax models failed to load");
        return;
    }
    let text = "Officials met in Kiev.";
    let loc = locate_first(text, None);
    let Some(loc) = loc else {
        panic!("no location in {text}");
    };
    assert_eq!(loc.span.map(|s| s.slice(text)), Some("Kiev"));
    assert_eq!(loc.name, "Kyiv");
    assert!((loc.lat - 50.45).abs() < 0.1 && (loc.lon - 30.52).abs() < 0.1);
}

#[test]
fn an_event_takes_only_a_place_of_its_own_clause() {
    let Some(p) = pipeline() else {
        println!("skipped: syntax models failed to load");
        return;
    };
    // The statement was made in Ankara (dateline); Oslo is where the
    // protest happened, in a clause of its own.
    let text = "The Turkish president said on Monday that the protest outside the embassy in Oslo was a provocation.";
    let d = doc(text, Some("Ankara"));
    let parsed: Vec<ParsedSentence> = p.annotate(&d);
    let Some(s) = parsed.first() else {
        panic!("no parse");
    };
    let text_of = |i: usize| s.tokens[i].span.slice(text);
    let (Some(said), Some(protest)) = (
        (0..s.tokens.len()).find(|&i| text_of(i) == "said"),
        (0..s.tokens.len()).find(|&i| text_of(i) == "protest"),
    ) else {
        panic!("tokens not found");
    };
    let at = |h: usize| locate_event(&d, 0, s, Some(h)).map(|l| l.text);
    assert_eq!(at(said).as_deref(), Some("Ankara"), "said");
    assert_eq!(at(protest).as_deref(), Some("Oslo"), "protest");
    // Without an event head the sentence's place stands.
    assert_eq!(locate(&d, 0, s).map(|l| l.text).as_deref(), Some("Oslo"));
}
