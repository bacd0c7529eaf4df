//! Properties of the streaming path (`dyads parse --plain`) and of the
//! gold-token paths (`--conllu`, `--iob2`) on arbitrary input: no panic;
//! chunks reassemble the input; the CoNLL-U written reads back, its heads
//! form one tree per sentence, its `TokenRange`s slice the input to the
//! token's form, inside the sentence, increasing and non-overlapping; NER
//! tags are well formed. Long sentences (past the parser's 200-word
//! pieces) still give one tree. Skips when the built-in models are
//! placeholders.

use std::sync::OnceLock;

use dyads_syntax::conllu::{read_conllu, Sentence, Word};
use dyads_syntax::iob2::Iob2Sentence;
use dyads_syntax::stream::{plain_document, ConlluWriter, PlainChunks};
use dyads_syntax::Pipeline;
use proptest::prelude::*;

fn pipeline() -> Option<&'static Pipeline> {
    static P: OnceLock<Option<Pipeline>> = OnceLock::new();
    P.get_or_init(|| Pipeline::load().ok()).as_ref()
}

/// Runs the plain streaming path over `input` with tiny chunks.
fn stream(p: &Pipeline, input: &str, target: usize, max: usize) -> Result<String, String> {
    let mut out = Vec::new();
    let mut writer = ConlluWriter::default();
    let mut joined = Vec::new();
    for chunk in PlainChunks::with_sizes(input.as_bytes(), target, max) {
        let chunk = chunk.map_err(|e| e.to_string())?;
        if chunk.offset != joined.len() as u64 {
            return Err(format!(
                "chunk at {} after {} bytes",
                chunk.offset,
                joined.len()
            ));
        }
        joined.extend_from_slice(&chunk.bytes);
        let text = chunk
            .as_text()
            .map_err(|at| format!("chunk cut inside a char at {at}"))?;
        let doc = plain_document(text);
        let mut err = None;
        p.annotate_each(&doc, |s| {
            if let Err(e) = writer.write_sentence(&doc.text, &s, chunk.offset, &mut out) {
                err = Some(e.to_string());
            }
        });
        if let Some(e) = err {
            return Err(e);
        }
    }
    if joined != input.as_bytes() {
        return Err("chunks do not reassemble the input".into());
    }
    String::from_utf8(out).map_err(|e| e.to_string())
}

fn misc<'a>(w: &'a Word, key: &str) -> Option<&'a str> {
    w.misc.split('|').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == key).then_some(v)
    })
}

/// One root, no cycle, every head in range.
fn check_tree(s: &Sentence) -> Result<(), String> {
    let n = s.words.len();
    let heads: Vec<usize> = s
        .words
        .iter()
        .map(|w| w.head.map(|h| h as usize).ok_or("head `_`"))
        .collect::<Result<_, _>>()?;
    if heads.iter().filter(|&&h| h == 0).count() != 1 {
        return Err(format!("not one root: {heads:?}"));
    }
    for (i, &h) in heads.iter().enumerate() {
        if h > n || h == i + 1 {
            return Err(format!("word {} has head {h}", i + 1));
        }
        let (mut x, mut steps) = (h, 0);
        while x != 0 {
            x = heads[x - 1];
            steps += 1;
            if steps > n {
                return Err(format!("cycle through word {}", i + 1));
            }
        }
    }
    Ok(())
}

/// Checks the CoNLL-U written for `input`.
fn check_output(input: &str, conllu: &str) -> Result<(), String> {
    let sentences = read_conllu(conllu, "out").map_err(|e| e.to_string())?;
    let mut last_end = 0usize;
    for s in &sentences {
        check_tree(s)?;
        let text = s.text().ok_or("no # text")?;
        let mut prev_label: Option<&str> = None;
        let mut sent_start = None;
        for w in &s.words {
            let range = misc(w, "TokenRange").ok_or("no TokenRange")?;
            let (a, b) = range.split_once(':').ok_or("bad TokenRange")?;
            let (a, b): (usize, usize) = (
                a.parse().map_err(|_| "bad start")?,
                b.parse().map_err(|_| "bad end")?,
            );
            if a >= b || a < last_end {
                return Err(format!("range {a}:{b} after {last_end}"));
            }
            let form = input
                .get(a..b)
                .ok_or(format!("{a}:{b} not on char boundaries"))?;
            if form != w.form {
                return Err(format!("{a}:{b} is {form:?}, form {:?}", w.form));
            }
            let start = *sent_start.get_or_insert(a);
            let sentence_text = input.get(start..b).ok_or("sentence off boundaries")?;
            let flat: String = sentence_text
                .chars()
                .map(|c| {
                    if matches!(c, '\n' | '\r' | '\t') {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            if !text.starts_with(&flat) {
                return Err(format!("token {a}:{b} outside its sentence {text:?}"));
            }
            last_end = b;
            let label = misc(w, "NER");
            if let Some(l) = label {
                let (bio, ty) = l.split_once('-').ok_or("bad NER")?;
                let ok = bio == "B" || (bio == "I" && prev_label.is_some_and(|p| &p[2..] == ty));
                if !ok {
                    return Err(format!("NER {l} after {prev_label:?}"));
                }
            }
            prev_label = label;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn plain_stream_of_arbitrary_text(text in "\\PC{0,160}(\n\n?\\PC{0,80}){0,4}",
                                      target in 1usize..64, extra in 0usize..64) {
        let Some(p) = pipeline() else { return Ok(()) };
        let out = stream(p, &text, target, target + extra);
        match out {
            Ok(conllu) => if let Err(e) = check_output(&text, &conllu) {
                return Err(TestCaseError::fail(format!("{e} in {text:?}")));
            },
            Err(e) => return Err(TestCaseError::fail(format!("{e} in {text:?}"))),
        }
    }

    #[test]
    fn plain_stream_of_news_words(words in prop::collection::vec(
        "(The|minister|President|Kim|Seoul|United|Nations|met|said|n't|Xi's|U\\.S\\.|,|\\.|\"|\u{2014}|talks|in|on|Monday|\n\n|\n|\u{e9}t\u{e9})",
        0..120,
    )) {
        let Some(p) = pipeline() else { return Ok(()) };
        let text = words.join(" ");
        match stream(p, &text, 48, 96) {
            Ok(conllu) => if let Err(e) = check_output(&text, &conllu) {
                return Err(TestCaseError::fail(format!("{e} in {text:?}")));
            },
            Err(e) => return Err(TestCaseError::fail(format!("{e} in {text:?}"))),
        }
    }

    /// Sentences longer than the parser's pieces still give one tree.
    #[test]
    fn long_sentences_give_one_tree(words in prop::collection::vec(
        "(the|envoy|met|with|leaders|and|said|that|talks|would|go|on|,|in|Geneva|\\(|\\))",
        150..700,
    )) {
        let Some(p) = pipeline() else { return Ok(()) };
        let gold = Sentence {
            comments: vec![],
            words: words.iter().enumerate().map(|(i, f)| Word {
                id: i as u32 + 1,
                form: f.clone(),
                ..Word::default()
            }).collect(),
            multiwords: vec![],
        };
        let pred = p.parse_conllu_gold_tokens(std::slice::from_ref(&gold));
        prop_assert_eq!(pred.len(), 1);
        let forms: Vec<&str> = pred[0].words.iter().map(|w| w.form.as_str()).collect();
        prop_assert_eq!(&forms, &words.iter().map(String::as_str).collect::<Vec<_>>());
        if let Err(e) = check_tree(&pred[0]) {
            return Err(TestCaseError::fail(e));
        }
    }

    /// Gold words of any form (spaces and odd characters included) keep
    /// their number and forms, get one tree and well-formed IOB2 tags.
    #[test]
    fn gold_tokens_of_any_form(words in prop::collection::vec("\\PC{1,8}", 1..40)) {
        let Some(p) = pipeline() else { return Ok(()) };
        let gold = Sentence {
            comments: vec!["sent_id = x".into()],
            words: words.iter().enumerate().map(|(i, f)| Word {
                id: i as u32 + 1,
                form: f.clone(),
                ..Word::default()
            }).collect(),
            multiwords: vec![],
        };
        let pred = p.parse_conllu_gold_tokens(std::slice::from_ref(&gold));
        prop_assert_eq!(pred.len(), 1);
        prop_assert_eq!(pred[0].words.len(), words.len());
        if let Err(e) = check_tree(&pred[0]) {
            return Err(TestCaseError::fail(e));
        }
        let iob = Iob2Sentence { comments: vec![], forms: words.clone(), tags: vec!["O".into(); words.len()] };
        let tagged = p.recognize_iob2(std::slice::from_ref(&iob));
        prop_assert_eq!(tagged.len(), 1);
        prop_assert_eq!(&tagged[0].forms, &words);
        prop_assert_eq!(tagged[0].tags.len(), words.len());
        for (k, t) in tagged[0].tags.iter().enumerate() {
            let ok = t == "O" || t.starts_with("B-")
                || (t.starts_with("I-") && k > 0 && tagged[0].tags[k - 1][1..] == t[1..]);
            prop_assert!(ok, "tag {} after {:?}", t, tagged[0].tags.get(k.wrapping_sub(1)));
        }
    }
}
