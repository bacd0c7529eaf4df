//! Property tests: `tag` never panics, and its spans lie on char
//! boundaries, in order, not overlapping; values are never empty.

use dyads_time::{tag, Date};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// Pieces that exercise the grammar's corners.
const PIECES: &[&str] = &[
    " ",
    "\n",
    "\n\n",
    ".",
    ",",
    "-",
    "–",
    "/",
    ":",
    "'",
    "’",
    "$",
    "%",
    "a",
    "the",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "the end of",
    "about",
    "nearly",
    "ago",
    "later",
    "earlier",
    "previous",
    "following",
    "day",
    "days",
    "week",
    "weeks",
    "year",
    "years",
    "quarter",
    "third",
    "first",
    "half",
    "fiscal",
    "January",
    "Jan.",
    "May",
    "March",
    "Sept",
    "Tuesday",
    "Fri.",
    "Mondays",
    "winter",
    "fall",
    "today",
    "tonight",
    "yesterday",
    "now",
    "recently",
    "every",
    "each",
    "daily",
    "a.m.",
    "p.m.",
    "noon",
    "EDT",
    "0",
    "1",
    "12",
    "16",
    "31",
    "99",
    "1998",
    "2024",
    "1990s",
    "'80s",
    "11:33",
    "16.01.2024",
    "01/16/2024",
    "2024-01-16",
    "nineteen",
    "ninety",
    "-six",
    "two",
    "thousand",
    "and a half",
    "1/2",
    "th",
    "century",
    "20th",
    "é",
    "日本",
    "🙂",
    "\u{0301}",
    "Ⅻ",
    "١٢",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::collection::vec(proptest::sample::select(PIECES), 0..40)
            .prop_map(|v| v.join(" ")),
        proptest::collection::vec(proptest::sample::select(PIECES), 0..40).prop_map(|v| v.concat()),
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn tag_is_total_and_spans_are_sound(text in text(), days in -40_000i64..40_000) {
        let dct = Date::from_days(days);
        let found = tag(&text, dct);
        let mut last_end = 0usize;
        for t in &found {
            let (s, e) = (t.span.start as usize, t.span.end as usize);
            if !(s < e && e <= text.len()) {
                return Err(TestCaseError::fail(format!("bad span {s}..{e} in {text:?}")));
            }
            if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                return Err(TestCaseError::fail(format!("span {s}..{e} off char boundary in {text:?}")));
            }
            if s < last_end {
                return Err(TestCaseError::fail(format!("spans out of order in {text:?}")));
            }
            if t.value.is_empty() {
                return Err(TestCaseError::fail(format!("empty value in {text:?}")));
            }
            last_end = e;
        }
    }
}
