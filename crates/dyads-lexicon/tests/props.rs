//! Invariants on any input: no panic, spans on char boundaries, in order.

use dyads_lexicon::normalize::tokenize;
use dyads_lexicon::Lexicon;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Kim",
        "Jong-un",
        "KNCA",
        "U.N.",
        "Côte",
        "d’Ivoire",
        "Foreign",
        "Minister",
        "Sergei",
        "Lavrov's",
        "the",
        "North",
        "Congo",
        "«",
        "—",
        "'",
        "s",
        "Ердоган",
        "🙂",
        ".",
        "-",
        "al-",
    ]);
    prop_oneof![
        prop::collection::vec(words.clone(), 0..24).prop_map(|w| w.join(" ")),
        prop::collection::vec(words, 0..24).prop_map(|w| w.concat()),
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn tokens_are_ordered_spans_on_char_boundaries(s in text()) {
        let toks = tokenize(&s);
        let mut last = 0;
        for t in &toks {
            prop_assert!(t.start >= last && t.start < t.end && t.end <= s.len());
            prop_assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
            prop_assert!(!t.text.is_empty());
            last = t.end;
        }
    }

    #[test]
    fn scanning_never_panics_and_spans_are_valid(s in text()) {
        let Ok(lex) = Lexicon::builtin() else {
            return Err(TestCaseError::fail("builtin lexicon"));
        };
        let scan = lex.scan(&s);
        let mut last = 0u32;
        for m in &scan.actors {
            prop_assert!(!m.candidates.is_empty());
            prop_assert!(m.span.start >= last && m.span.end as usize <= s.len());
            prop_assert!(s.is_char_boundary(m.span.start as usize));
            prop_assert!(s.is_char_boundary(m.span.end as usize));
            if let Some(t) = m.title {
                prop_assert!(t.span.end <= m.span.start);
            }
            last = m.span.end;
        }
    }
}
