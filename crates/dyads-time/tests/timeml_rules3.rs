//! TimeML conventions of the third tuning round, one test per rule, on
//! sentences of our own. Every row lists all the expressions it expects
//! as (text, type, value), so a missed or an extra one fails too.

mod common;

use common::check;

/// `next to` is a place: it does not move a weekday into next week.
#[test]
fn next_to_is_no_future_marker() {
    check(&[(
        "2021-03-06",
        "A car bomb exploded next to the ministry on Friday morning.",
        &[("Friday morning", "DATE", "2021-03-05")],
    )]);
}

/// `soon` is the near future (`FUTURE_REF`), and so is `as soon as
/// possible`; not the conjunction `as soon as`, a signal (`soon after`) or
/// a past narrative (`was soon released`, `soon became`).
#[test]
fn soon_is_a_future_reference() {
    check(&[
        (
            "2021-03-06",
            "The court may soon rule on the appeal.",
            &[("soon", "DATE", "FUTURE_REF")],
        ),
        (
            "2021-03-06",
            "The union wants talks to resume as soon as possible.",
            &[("as soon as possible", "DATE", "FUTURE_REF")],
        ),
        (
            "2021-03-06",
            "The hostages were freed soon after the raid, and the dispute soon became a crisis.",
            &[],
        ),
        ("2021-03-06", "The envoy was soon recalled.", &[]),
        ("2021-03-06", "The soon-to-be minister spoke.", &[]),
        (
            "2021-03-06",
            "Aid could arrive as soon as Monday.",
            &[("Monday", "DATE", "2021-03-08")],
        ),
    ]);
}

/// `the quarter a year ago` is the year-ago quarter, one expression.
#[test]
fn quarter_a_year_ago() {
    check(&[(
        "2019-10-24",
        "The bank earned $3 billion in the third quarter. For the quarter a year ago, it earned $2 billion.",
        &[
            ("the third quarter", "DATE", "2019-Q3"),
            ("the quarter a year ago", "DATE", "2018-Q3"),
        ],
    )]);
}

/// `the first two quarters of 1990` is the first half of that year; without
/// the year, `the last two quarters` stays a duration.
#[test]
fn two_quarters_of_a_year_are_a_half() {
    check(&[
        (
            "2019-10-24",
            "Margins should recover in the first two quarters of 2020.",
            &[("the first two quarters of 2020", "DATE", "2020-H1")],
        ),
        (
            "2019-10-24",
            "Margins shrank over the last two quarters.",
            &[("the last two quarters", "DURATION", "P2Q")],
        ),
    ]);
}

/// `the last half of the '80s` is the decade (with `mod` END), one
/// expression.
#[test]
fn half_of_a_decade_is_the_decade() {
    let text = "Growth stalled in the last half of the '90s.";
    let dct = match "2004-05-01".parse() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let found = dyads_time::tag(text, dct);
    let got: Vec<(&str, &str, Option<&str>)> = found
        .iter()
        .map(|t| (t.text(text), t.value.as_str(), t.mod_.as_deref()))
        .collect();
    assert_eq!(got, [("the last half of the '90s", "199", Some("END"))]);
}

/// `the year-earlier nine months` is the duration of the same length a year
/// before.
#[test]
fn year_earlier_months_are_a_duration() {
    check(&[(
        "2019-10-24",
        "Net income for the year-earlier nine months included a tax gain.",
        &[("the year-earlier nine months", "DURATION", "P9M")],
    )]);
}

/// `the past` before an amount is a determiner (`the past three winters`),
/// not `PAST_REF`; alone it is. (Seasons counted in the plural are sets
/// since the fifth round: `timeml_rules5.rs`.)
#[test]
fn the_past_before_an_amount_is_no_reference() {
    check(&[
        (
            "2019-10-24",
            "Floods have hit the valley in the past three winters.",
            &[("the past three winters", "SET", "XXXX-WI")],
        ),
        (
            "2019-10-24",
            "Such floods were rare in the past.",
            &[("the past", "DATE", "PAST_REF")],
        ),
    ]);
}
