//! Quote tests: paragraphs we wrote, parsed by the built-in models.

use std::sync::OnceLock;

use dyads_syntax::Pipeline;
use dyads_text::{Document, Metadata, Span};

use super::{find, marks, Quote, QuoteKind};
use crate::actors::DocActors;

fn pipeline() -> Option<&'static Pipeline> {
    static P: OnceLock<Option<Pipeline>> = OnceLock::new();
    P.get_or_init(|| Pipeline::load().ok()).as_ref()
}

/// A document whose paragraphs are separated by blank lines.
fn doc(text: &str) -> Document {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for part in text.split("\n\n") {
        paragraphs.push(Span::new(start, start + part.len()));
        start += part.len() + 2;
    }
    let (sentences, tokens) = dyads_text::segment::segment(text, &paragraphs);
    Document {
        text: text.to_string(),
        meta: Metadata::default(),
        alignment: Default::default(),
        sentences,
        tokens,
        paragraphs,
        content_hash: String::new(),
    }
}

fn quotes(text: &str, actors: &DocActors) -> Option<(Document, Vec<Quote>)> {
    let d = doc(text);
    let parsed = pipeline()?.annotate(&d);
    let q = find(&d, &parsed, actors);
    Some((d, q))
}

type Row<'a> = (&'a str, Option<&'a str>, Option<&'a str>, QuoteKind);

#[test]
fn finds_direct_reported_and_according_to() {
    use QuoteKind::{AccordingTo, Direct, Reported};
    // (text, [(content, speaker, cue lemma, kind)])
    let table: &[(&str, &[Row])] = &[
        ("\u{201c}We will never accept these terms,\u{201d} the minister said.",
            &[("We will never accept these terms,", Some("the minister"), Some("say"), Direct)]),
        ("\"We will never accept these terms,\" said the foreign minister.",
            &[("We will never accept these terms,", Some("the foreign minister"), Some("say"), Direct)]),
        ("The spokesman said: \u{201c}Our troops will stay where they are.\u{201d}",
            &[("Our troops will stay where they are.", Some("The spokesman"), Some("say"), Direct)]),
        ("The minister said that the talks would resume in March.",
            &[("that the talks would resume in March", Some("The minister"), Some("say"), Reported)]),
        ("The general told reporters the border would stay closed.",
            &[("the border would stay closed", Some("The general"), Some("tell"), Reported)]),
        ("The agency warned that more storms were coming.",
            &[("that more storms were coming", Some("The agency"), Some("warn"), Reported)]),
        ("According to the ministry, two soldiers were wounded in the attack.",
            &[("two soldiers were wounded in the attack", Some("the ministry"), Some("according to"), AccordingTo)]),
        ("The talks ended early after the delegates called them a \u{201c}waste of time\u{201d} in public.", &[]),
        ("\u{201c}We came to talk,\u{201d} said the envoy. \u{201c}We did not come to argue about the past.\u{201d}",
            &[("We came to talk,", Some("the envoy"), Some("say"), Direct),
              ("We did not come to argue about the past.", Some("the envoy"), Some("say"), Direct)]),
        ("The minister said the new tariffs were \u{201c}a gift to smugglers\u{201d} and would be withdrawn.",
            &[("the new tariffs were \u{201c}a gift to smugglers\u{201d} and would be withdrawn", Some("The minister"), Some("say"), Reported)]),
        ("The plan was rejected by the senator, who said that it would fail.",
            &[("that it would fail", Some("the senator"), Some("say"), Reported)]),
        ("Turnout will be low, the election commission said.",
            &[("Turnout will be low", Some("the election commission"), Some("say"), Reported)]),
        ("\u{201c}The first sentence is here. The second one follows it,\u{201d} she said.",
            &[("The first sentence is here. The second one follows it,", Some("she"), Some("say"), Direct)]),
    ];
    if pipeline().is_none() {
        println!("skipped: syntax models failed to load");
        return;
    }
    for (text, want) in table {
        let Some((d, got)) = quotes(text, &DocActors::default()) else {
            panic!("no parse");
        };
        let got: Vec<Row> = got
            .iter()
            .map(|q| {
                (
                    d.slice(q.content),
                    q.speaker.map(|s| d.slice(s)),
                    q.cue.as_ref().map(|c| c.lemma.as_str()),
                    q.kind,
                )
            })
            .collect();
        assert_eq!(got.as_slice(), *want, "{text}");
    }
}

#[test]
fn marks_pair_nest_and_continue_across_paragraphs() {
    let text = "\u{201c}Our first point is simple. We want \u{2018}real\u{2019} talks.\n\n\u{201c}Our second point is that time is short,\u{201d} he said.\n\nNothing \"else\" followed.";
    let d = doc(text);
    let found: Vec<&str> = marks::direct_quotes(&d)
        .iter()
        .map(|m| d.slice(m.content))
        .collect();
    assert_eq!(
        found,
        [
            "Our first point is simple. We want \u{2018}real\u{2019} talks.\n\n\u{201c}Our second point is that time is short,",
            "else"
        ]
    );
    let unclosed = doc("He wrote: \"this ends with the paragraph\n\nA new paragraph.");
    let found: Vec<&str> = marks::direct_quotes(&unclosed)
        .iter()
        .map(|m| unclosed.slice(m.content))
        .collect();
    assert_eq!(found, ["this ends with the paragraph"]);
}

#[test]
fn speakers_resolve_to_actors() {
    if pipeline().is_none() {
        println!("skipped: syntax models failed to load");
        return;
    }
    let text = "Sergei Lavrov said that the West had ignored Russia.";
    let Ok(lexicon) = dyads_lexicon::Lexicon::builtin() else {
        panic!("the built-in lexicon failed to load");
    };
    let d = doc(text);
    let parsed = pipeline().map(|p| p.annotate(&d)).unwrap_or_default();
    let actors = crate::actors::resolve(&d, &parsed, lexicon, None);
    let want = actors.actors.iter().position(|a| a.id == "lavrov-sergey");
    assert!(want.is_some(), "the lexicon knows Lavrov");
    let Some((_, got)) = quotes(text, &actors) else {
        panic!("no parse");
    };
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].speaker_actor, want);
    assert_eq!(got[0].sentence, 0);
}

proptest::proptest! {
    #[test]
    fn marks_never_panic_and_stay_inside(text in "[a-z \u{201c}\u{201d}\"\n.]{0,80}") {
        let d = doc(&text);
        for m in marks::direct_quotes(&d) {
            proptest::prop_assert!(m.content.end as usize <= text.len());
            proptest::prop_assert!(text.is_char_boundary(m.content.start as usize));
            proptest::prop_assert!(text.is_char_boundary(m.content.end as usize));
            proptest::prop_assert!(m.content.start >= m.open.end);
        }
    }
}
