//! TimeML conventions of the fourth tuning round, one test per rule, on
//! sentences of our own. Every row lists all the expressions it expects
//! as (text, type, value), so a missed or an extra one fails too.

mod common;

use common::check;

/// The tense marker that decides a month without a year may stand far
/// from it, past a long noun phrase (`will be named commander of ... in
/// December`).
#[test]
fn tense_marker_past_a_long_noun_phrase() {
    check(&[(
        "2019-03-04",
        "The space agency said a veteran test pilot will be named commander of the first long flight of the new capsule to the station in December.",
        &[("December", "DATE", "2019-12")],
    )]);
}

/// A quarter that is not over yet (`will result in a fourth-quarter
/// charge`) is not the period a report is about: `a year ago` stays on the
/// reported quarter. One reported in the past tense, or that `ended`, is.
#[test]
fn only_a_finished_quarter_is_the_reported_period() {
    check(&[
        (
            "2019-11-02",
            "The insurer's third-quarter profit rose 11%. It said the storm last month will result in a fourth-quarter charge. Profit from its life unit rose from a year ago.",
            &[
                ("third-quarter", "DATE", "2019-Q3"),
                ("last month", "DATE", "2019-10"),
                ("fourth-quarter", "DATE", "2019-Q4"),
                ("a year ago", "DATE", "2018-Q3"),
            ],
        ),
        (
            "2019-11-02",
            "The chain reported a decline in fourth-quarter earnings. Sales were up from a year earlier.",
            &[
                ("fourth-quarter", "DATE", "2019-Q4"),
                ("a year earlier", "DATE", "2018-Q4"),
            ],
        ),
    ]);
}

/// After a report's year-to-date period (`the first nine months`), `a year
/// earlier` and `the 2018 period` are the year before, not its quarter.
#[test]
fn year_to_date_comparisons_are_years() {
    check(&[(
        "2019-11-02",
        "The bank's third-quarter profit rose 9%. For the first nine months, net income was $2 billion, up from a year earlier, and in the 2018 period its costs were higher.",
        &[
            ("third-quarter", "DATE", "2019-Q3"),
            ("the first nine months", "DURATION", "P9M"),
            ("a year earlier", "DATE", "2018"),
            ("the 2018 period", "DATE", "2018"),
        ],
    )]);
}

/// An unspecified number of decades or centuries is spelled with
/// TimeBank's letters: `PXE`, `PXC`.
#[test]
fn unspecified_decades_and_centuries() {
    check(&[
        (
            "2019-03-04",
            "The guilds of the old city have kept their secrets for centuries.",
            &[("centuries", "DURATION", "PXC")],
        ),
        (
            "2019-03-04",
            "For decades, the two villages were cut off from each other.",
            &[("decades", "DURATION", "PXE")],
        ),
    ]);
}

/// `annually`, `daily`, `per second` after an amount make a rate, like `$5
/// million a year`, and are not tagged; without an amount they are a SET.
#[test]
fn a_rate_adverb_after_an_amount() {
    check(&[
        (
            "2019-03-04",
            "The company expects revenue to grow 8.5% annually, and the plant would build 10,000 units annually.",
            &[],
        ),
        (
            "2019-03-04",
            "The new chip runs 15 million instructions per second.",
            &[],
        ),
        (
            "2019-03-04",
            "The festival is held annually in the old port.",
            &[("annually", "SET", "P1Y")],
        ),
    ]);
}

/// A scheduling verb in the simple present (`meet`, `opens`, `expires`)
/// puts a weekday in the coming days; the past tense or a negated past
/// does not.
#[test]
fn a_scheduling_verb_in_the_present_looks_ahead() {
    check(&[
        (
            "2021-03-05",
            "The two leaders meet separately Monday with the envoy.",
            &[("Monday", "DATE", "2021-03-08")],
        ),
        (
            "2021-03-05",
            "The new session of parliament opens Tuesday.",
            &[("Tuesday", "DATE", "2021-03-09")],
        ),
        (
            "2021-03-05",
            "The session opened Tuesday, but the leaders did not meet Monday.",
            &[
                ("Tuesday", "DATE", "2021-03-02"),
                ("Monday", "DATE", "2021-03-01"),
            ],
        ),
    ]);
}

/// `Easter week` is the ISO week of the holiday; a holiday without a
/// determiner a few days ahead of the DCT is the coming one even in a past
/// narrative, as for months, and one well behind it the past one.
#[test]
fn holiday_weeks_and_nearby_holidays() {
    check(&[
        (
            "2000-04-17",
            "Pilgrims prayed in the square as Easter week began.",
            &[("Easter week", "DATE", "2000-W16")],
        ),
        (
            "2000-01-10",
            "The two sides met at Christmas.",
            &[("Christmas", "DATE", "1999-12-25")],
        ),
    ]);
}
