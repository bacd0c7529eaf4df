//! The cases issue 5 names, on sentences of our own: the value, the `mod`,
//! the end of a range and the precision of each expression.

use dyads_time::{event_dates, tag, Date, Precision, Span, Timex, TimexType};

fn dct(s: &str) -> Date {
    match s.parse() {
        Ok(d) => d,
        Err(e) => panic!("bad date in test: {e}"),
    }
}

/// The one expression of `text` that covers `what`.
fn find<'a>(found: &'a [Timex], text: &str, what: &str) -> &'a Timex {
    match found.iter().find(|t| t.text(text) == what) {
        Some(t) => t,
        None => panic!("{what:?} not tagged in {text:?}: {found:#?}"),
    }
}

/// (DCT, text, expression, value, mod, end_value, precision)
type Row<'a> = (
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Precision,
);

#[test]
fn issue_cases() {
    let rows: &[Row<'_>] = &[
        (
            "2024-01-25",
            "On 16 January the envoys signed the truce.",
            "16 January",
            "2024-01-16",
            None,
            None,
            Precision::Day,
        ),
        (
            "2024-01-17",
            "On Tuesday the envoys signed the truce.",
            "Tuesday",
            "2024-01-16",
            None,
            None,
            Precision::Day,
        ),
        (
            "2024-02-02",
            "Delegates met in Vienna on January 14-18, 2024 to draft a text.",
            "January 14-18, 2024",
            "2024-01-14",
            None,
            Some("2024-01-18"),
            Precision::Interval,
        ),
        (
            "2024-01-17",
            "Exports fell sharply last year, the ministry said.",
            "last year",
            "2023",
            None,
            None,
            Precision::Year,
        ),
        (
            "2024-01-17",
            "The ceasefire collapsed in October after a border raid.",
            "October",
            "2023-10",
            None,
            None,
            Precision::Month,
        ),
        (
            "2024-02-20",
            "Fighting resumed in late January near the river.",
            "late January",
            "2024-01",
            Some("END"),
            None,
            Precision::Month,
        ),
        (
            "2024-02-20",
            "Talks began in early January and stalled.",
            "early January",
            "2024-01",
            Some("START"),
            None,
            Precision::Month,
        ),
        (
            "2024-01-17",
            "Prices will be reviewed next week.",
            "next week",
            "2024-W04",
            None,
            None,
            Precision::Week,
        ),
        (
            "2024-01-17",
            "The mission will last a month.",
            "a month",
            "P1M",
            None,
            None,
            Precision::Unknown,
        ),
        (
            "2024-01-17",
            "Markets are calm now.",
            "now",
            "PRESENT_REF",
            None,
            None,
            Precision::Unknown,
        ),
    ];
    for (d, text, what, value, mod_, end, precision) in rows {
        let found = tag(text, dct(d));
        let t = find(&found, text, what);
        assert_eq!(t.value, *value, "{text}");
        assert_eq!(t.mod_.as_deref(), *mod_, "{text}");
        assert_eq!(t.end_value.as_deref(), *end, "{text}");
        assert_eq!(t.precision, *precision, "{text}");
    }
}

#[test]
fn the_previous_day_follows_the_narrative() {
    let text = "Rebels shelled the port on 12 March. The previous day, the army had \
                withdrawn. The following day, aid convoys arrived.";
    let found = tag(text, dct("2024-03-20"));
    assert_eq!(find(&found, text, "12 March").value, "2024-03-12");
    let prev = find(&found, text, "The previous day");
    assert_eq!(prev.value, "2024-03-11");
    assert_eq!(prev.precision, Precision::Day);
    // Resolved against the narrative, it does not move it.
    assert_eq!(find(&found, text, "The following day").value, "2024-03-13");
}

#[test]
fn weekdays_read_from_the_sentence() {
    let d = dct("2024-01-17"); // a Wednesday
    let rows = [
        ("The minister resigned on Monday.", "2024-01-15"),
        ("The minister will resign on Monday.", "2024-01-22"),
        ("Shares recovered after Monday's sell-off.", "2024-01-15"),
        ("The summit is set to open Friday in Geneva.", "2024-01-19"),
        (
            "Officials said they would study Tuesday's vote.",
            "2024-01-16",
        ),
        // The clause `that` opens has its own tense: `would` does not move
        // the day the president spoke.
        (
            "The president told a forum on Tuesday that he would lift the sanctions.",
            "2024-01-16",
        ),
    ];
    for (text, want) in rows {
        let found = tag(text, d);
        let day = found.iter().find(|t| t.kind == TimexType::Date);
        assert_eq!(day.map(|t| t.value.as_str()), Some(want), "{text}");
    }
}

#[test]
fn deadlines_look_ahead() {
    let d = dct("2024-10-20");
    for (text, want) in [
        ("The troops must leave by February.", "2025-02"),
        ("The loan runs through January.", "2025-01"),
        ("Troops left the town in February.", "2024-02"),
    ] {
        let found = tag(text, d);
        assert_eq!(
            found.first().map(|t| t.value.as_str()),
            Some(want),
            "{text}"
        );
    }
}

#[test]
fn precision_reaches_the_event_coder() {
    let text = "Talks ran from January 14-18, 2024. Officials met in 2023 and again \
                some time later.";
    let found = tag(text, dct("2024-01-25"));
    let first = event_dates(Span::new(0, 35), &found);
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].precision, Precision::Interval);
    assert_eq!(first[0].start, Some(dct("2024-01-14")));
    assert_eq!(first[0].end, Some(dct("2024-01-18")));
    let rest = event_dates(Span::new(36, text.len()), &found);
    assert_eq!(rest.first().map(|e| e.precision), Some(Precision::Year));
    assert_eq!(rest.first().and_then(|e| e.end), Some(dct("2023-12-31")));
}
