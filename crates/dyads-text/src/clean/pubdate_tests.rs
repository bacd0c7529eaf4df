//! Table tests of [`super::parse`] and [`super::find_in`].

use super::*;

/// `(input, value, precision)`; `value` empty means no date.
const PARSE: &[(&str, &str, &str)] = &[
    ("25.01.2024", "2024-01-25", "day"),
    ("5.1.2024", "2024-01-05", "day"),
    (
        "Publication: 15.01.2024 - 11:33",
        "2024-01-15T11:33",
        "minute",
    ),
    ("Published: 15.01.2024, 11:33", "2024-01-15T11:33", "minute"),
    ("Posted on March 3, 2023", "2023-03-03", "day"),
    ("17 January 2024", "2024-01-17", "day"),
    ("17th January 2024", "2024-01-17", "day"),
    ("17th of January, 2024", "2024-01-17", "day"),
    ("January 17, 2024", "2024-01-17", "day"),
    ("January 17 2024", "2024-01-17", "day"),
    ("Jan. 17, 2024", "2024-01-17", "day"),
    ("Sept. 5, 2023", "2023-09-05", "day"),
    ("17 Jan 2024", "2024-01-17", "day"),
    ("2024-01-17", "2024-01-17", "day"),
    ("2024/01/17", "2024-01-17", "day"),
    ("2024-01", "2024-01", "month"),
    ("January 2024", "2024-01", "month"),
    ("2024", "2024", "year"),
    (
        "2024-01-17T09:30:00+03:00",
        "2024-01-17T09:30:00+03:00",
        "second",
    ),
    ("2024-01-17T09:30:00.123Z", "2024-01-17T09:30:00Z", "second"),
    ("2024-01-17T09:30+0300", "2024-01-17T09:30+03:00", "minute"),
    ("2024-01-17 09:30", "2024-01-17T09:30", "minute"),
    (
        "Wed, 17 Jan 2024 09:30:00 GMT",
        "2024-01-17T09:30:00Z",
        "second",
    ),
    (
        "Wed, 17 Jan 2024 09:30:00 +0000",
        "2024-01-17T09:30:00+00:00",
        "second",
    ),
    (
        "Tue, 16 Jan 2024 21:05:00 EST",
        "2024-01-16T21:05:00-05:00",
        "second",
    ),
    (
        "Wednesday, January 17, 2024 at 9:30 pm",
        "2024-01-17T21:30",
        "minute",
    ),
    ("January 17, 2024 12:05 a.m.", "2024-01-17T00:05", "minute"),
    ("17/01/2024", "2024-01-17", "day"),
    ("01/17/2024", "2024-01-17", "day"),
    ("29.02.2024", "2024-02-29", "day"),
    // Rejected: bad calendar, ambiguous, no year, out of range, not a date.
    ("31.02.2024", "", ""),
    ("29.02.2023", "", ""),
    ("15.13.2024", "", ""),
    ("2024-13-01", "", ""),
    ("2024-00-10", "", ""),
    ("00.01.2024", "", ""),
    ("01/02/2024", "", ""),
    ("17.01.1850", "", ""),
    ("January 17", "", ""),
    ("Jan. 17", "", ""),
    ("may 2024", "", ""),
    ("1850", "", ""),
    ("12345", "", ""),
    ("", "", ""),
    ("yesterday", "", ""),
    ("2024-01-17T25:00", "2024-01-17", "day"),
    ("17 Janus 2024", "", ""),
    ("Ménard 2024", "", ""),
];

#[test]
fn parse_table() {
    for (input, value, precision) in PARSE {
        let got = parse(input);
        if value.is_empty() {
            assert_eq!(got, None, "{input:?}");
        } else {
            let want = Published {
                value: value.to_string(),
                precision: Precision::parse(precision).unwrap_or(Precision::Year),
            };
            assert_eq!(got, Some(want), "{input:?}");
        }
    }
}

/// `(text, value, matched text)`; `value` empty means no date.
const FIND: &[(&str, &str, &str)] = &[
    (
        "Moscow, 17 January 2024 (EXA): The ministers met.",
        "2024-01-17",
        "17 January 2024",
    ),
    ("25.01.2024 Author: Jane Roe", "2024-01-25", "25.01.2024"),
    (
        "By Jane Roe | Published: Jan. 17, 2024, 11:33 | Politics",
        "2024-01-17T11:33",
        "Jan. 17, 2024, 11:33",
    ),
    ("The talks of 2023-24 went well.", "", ""),
    ("SEOUL, Jan. 17 (Yonhap) -- Talks began.", "", ""),
    ("On 17 January, they met.", "", ""),
    ("They may 2024 meet.", "", ""),
    ("Über alles, 3 März 2024", "", ""),
    (
        "Ärger am 2024-01-17T08:00Z über",
        "2024-01-17T08:00Z",
        "2024-01-17T08:00Z",
    ),
    ("In March 2023 the envoy arrived.", "2023-03", "March 2023"),
];

#[test]
fn find_in_table() {
    for (text, value, matched) in FIND {
        match find_in(text) {
            None => assert!(value.is_empty(), "{text:?}: expected {value}"),
            Some((p, s, e)) => {
                assert_eq!(p.value, *value, "{text:?}");
                assert_eq!(text.get(s..e), Some(*matched), "{text:?}");
            }
        }
    }
}

#[test]
fn never_panics_on_odd_input() {
    let odd = [
        "\u{a0}17\u{a0}January\u{a0}2024",
        "17 January 2024 - ",
        "2024-01-17T",
        "2024-01-17T09:",
        "Wed,",
        "9999-99-99",
        "1.1.",
        "—–—",
        "17 Jan 2024 09:30:00 +",
        "17 Jan 2024 09:30 +99:99",
    ];
    for s in odd {
        let _ = parse(s);
        let _ = find_in(s);
    }
    assert_eq!(
        parse("\u{a0}17\u{a0}January\u{a0}2024").map(|p| p.value),
        Some("2024-01-17".to_string())
    );
}
