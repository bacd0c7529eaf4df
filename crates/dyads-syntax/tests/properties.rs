//! Properties of the whole pipeline on arbitrary text: no panic, heads form
//! one tree per sentence, spans align with the document text. Skips when
//! the built-in models are placeholders.

use std::sync::OnceLock;

use dyads_syntax::{ParsedSentence, Pipeline};
use dyads_text::{clean, read_input, Document, Format, Limits};
use proptest::prelude::*;

fn pipeline() -> Option<&'static Pipeline> {
    static P: OnceLock<Option<Pipeline>> = OnceLock::new();
    P.get_or_init(|| Pipeline::load().ok()).as_ref()
}

fn document(text: &str) -> Option<Document> {
    let articles = read_input(
        "t.txt",
        text.as_bytes(),
        Some(Format::Text),
        &Limits::default(),
    );
    let a = articles.into_iter().next()?.ok()?;
    clean(&a).ok()
}

/// Checks one sentence; returns a description of the first violation.
fn check(doc: &Document, s: &ParsedSentence) -> Result<(), String> {
    let n = s.tokens.len();
    if n == 0 {
        return Ok(());
    }
    let roots = s.tokens.iter().filter(|t| t.head.is_none()).count();
    if roots != 1 {
        return Err(format!("{roots} roots"));
    }
    for (i, t) in s.tokens.iter().enumerate() {
        let mut h = t.head;
        let mut steps = 0;
        while let Some(x) = h {
            if x >= n || steps > n {
                return Err(format!("token {i}: head chain leaves the tree"));
            }
            h = s.tokens[x].head;
            steps += 1;
        }
        if t.span.is_empty() || doc.text.get(t.span.range()).is_none() {
            return Err(format!("token {i}: span {:?} not on text", t.span));
        }
        if !s.span.contains(t.span) {
            return Err(format!("token {i}: outside its sentence"));
        }
        if i > 0 && s.tokens[i - 1].span.end > t.span.start {
            return Err(format!("token {i}: overlaps the previous one"));
        }
    }
    for e in &s.entities {
        if e.start >= e.end || e.end > n {
            return Err(format!("entity {e:?} out of range"));
        }
        if e.span.start != s.tokens[e.start].span.start
            || e.span.end != s.tokens[e.end - 1].span.end
        {
            return Err(format!("entity {e:?} span does not match its tokens"));
        }
    }
    Ok(())
}

fn run(text: &str) -> Result<(), TestCaseError> {
    let Some(p) = pipeline() else {
        return Ok(());
    };
    let Some(doc) = document(text) else {
        return Ok(());
    };
    let parsed = p.annotate(&doc);
    prop_assert_eq!(parsed.len(), doc.sentences.len());
    for s in &parsed {
        if let Err(e) = check(&doc, s) {
            return Err(TestCaseError::fail(format!("{e} in {text:?}")));
        }
    }
    let conllu = dyads_syntax::to_conllu(&doc.text, &parsed);
    prop_assert!(dyads_syntax::conllu::read_conllu(&conllu, "out").is_ok());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text(text in "\\PC{0,200}") {
        run(&text)?;
    }

    #[test]
    fn wordy_text(words in prop::collection::vec(
        "(The|the|minister|Putin|Seoul|met|said|did|n't|don't|Kim's|U\\.S\\.|,|\\.|\"|-|well-known|3\\.5|talks|with|by|was|received|\\(|\\)|!|\\?)",
        0..60,
    )) {
        run(&words.join(" "))?;
    }
}

#[test]
fn parses_a_news_sentence() {
    let Some(p) = pipeline() else {
        return;
    };
    let Some(doc) = document("The minister was received by President Kim in Seoul on Tuesday.\n")
    else {
        return;
    };
    let parsed = p.annotate(&doc);
    assert_eq!(parsed.len(), 1);
    let s = &parsed[0];
    let words: Vec<&str> = s.tokens.iter().map(|t| doc.slice(t.span)).collect();
    assert_eq!(words.first(), Some(&"The"));
    let root = s.root().unwrap_or(0);
    assert_eq!(doc.slice(s.tokens[root].span), "received");
    assert_eq!(s.tokens[root].lemma, "receive");
    let subj = s
        .child(root, "nsubj:pass")
        .map(|i| doc.slice(s.tokens[i].span));
    assert_eq!(subj, Some("minister"));
    assert!(s
        .entities
        .iter()
        .any(|e| e.label == "LOC" && doc.slice(e.span) == "Seoul"));
}

proptest! {
    #[test]
    fn ud_tokens_cover_the_foundation_tokens(text in "\\PC{0,200}") {
        let Some(doc) = document(&text) else {
            return Ok(());
        };
        for i in 0..doc.sentences.len() {
            let toks = doc.sentence_tokens(i);
            let mut out = Vec::new();
            dyads_syntax::tokenize::ud_tokens(&doc.text, toks, &mut out);
            let a: String = toks.iter().map(|t| doc.slice(t.span)).collect();
            let b: String = out.iter().map(|s| doc.slice(*s)).collect();
            prop_assert_eq!(a, b);
            for s in &out {
                prop_assert!(!s.is_empty() && doc.text.get(s.range()).is_some());
            }
        }
    }
}

proptest! {
    /// The CoNLL-U reader never panics, and what it accepts it can write
    /// and read back (the fuzz target `fuzz_conllu` does the same).
    #[test]
    fn conllu_reader_total(lines in prop::collection::vec(
        "(#[^\n]{0,10}|[0-9]{1,2}(-[0-9])?(\\.[0-9])?(\t[^\t\n]{0,4}){0,10}|)",
        0..12,
    )) {
        let text = lines.join("\n");
        if let Ok(s) = dyads_syntax::conllu::read_conllu(&text, "p") {
            let again = dyads_syntax::conllu::read_conllu(&dyads_syntax::conllu::write_conllu(&s), "q");
            prop_assert!(again.is_ok());
        }
    }
}
