//! TimeML conventions of the sixth tuning round, one test per rule, on
//! sentences of our own. Every row lists all the expressions it expects
//! as (text, type, value), so a missed or an extra one fails too.

mod common;

use common::check;

/// A weekday after `planned` is the day the plan is for, still to come;
/// one before it is the day the plan was made, and `had planned` looks
/// back. `were planning` leaves the tense to `planning`.
#[test]
fn a_weekday_after_planned_is_the_day_planned() {
    check(&[
        (
            // A Wednesday.
            "2021-06-09",
            "The delegation planned to fly to Lisbon on Friday.",
            &[("Friday", "DATE", "2021-06-11")],
        ),
        (
            "2021-06-09",
            "Farmers planned a protest outside the ministry on Saturday and were planning to block the ring road on Monday.",
            &[
                ("Saturday", "DATE", "2021-06-12"),
                ("Monday", "DATE", "2021-06-14"),
            ],
        ),
        (
            "2021-06-09",
            "On Monday, the council planned to sell the land.",
            &[("Monday", "DATE", "2021-06-07")],
        ),
        (
            "2021-06-09",
            "The team had planned to leave on Monday but stayed.",
            &[("Monday", "DATE", "2021-06-07")],
        ),
    ]);
}

/// Not times: `today` and `tomorrow` as an age (`today's youth`, `many of
/// today's phones`, `the engineers of tomorrow`), `the future of` a thing
/// (its fate), `the early hours of` a day (the day is the expression),
/// `currently` before a title (like `formerly`).
#[test]
fn uses_of_time_words_that_are_no_times() {
    check(&[
        (
            "2021-06-09",
            "Music matters to today's youth, and many of today's phones can record it.",
            &[],
        ),
        (
            "2021-06-09",
            "The school trains the engineers of tomorrow. The vote is due by the end of today.",
            &[("the end of today", "DATE", "2021-06-09")],
        ),
        (
            "2021-06-09",
            "Ministers debated the future of the alliance, which may grow in the future.",
            &[("the future", "DATE", "FUTURE_REF")],
        ),
        (
            "2021-06-09",
            "Police arrested him in the early hours of Sunday morning.",
            &[("Sunday morning", "DATE", "2021-06-06")],
        ),
        (
            "2021-06-09",
            "Ann Lee, currently the finance director, will succeed him. The firm currently employs 40 people.",
            &[("currently", "DATE", "PRESENT_REF")],
        ),
    ]);
}

/// `the average daily volume`: an amount per unit of time, a rate like
/// `$5 million a year`, not a recurring time; `daily` alone stays a set.
#[test]
fn an_average_per_day_is_a_rate() {
    check(&[(
        "2021-06-09",
        "The average daily output of the mine fell, though trucks still leave daily.",
        &[("daily", "SET", "P1D")],
    )]);
}

/// `a matter of days before X` says how soon, like `a matter of days`
/// alone: no date is reached, and nothing is tagged.
#[test]
fn a_matter_of_days_before_is_no_date() {
    check(&[(
        "2021-06-09",
        "Aides said it was a matter of days before Parliament votes. Two days before Christmas, it snowed.",
        &[("Two days", "DURATION", "P2D"), ("Christmas", "DATE", "2020-12-25")],
    )]);
}

/// A weekday followed by `last week`, `next week` or `this week` (with or
/// without `of`) is that weekday in that ISO week, not the nearest one.
#[test]
fn a_weekday_of_last_or_next_week() {
    check(&[
        (
            // A Friday.
            "2025-11-21",
            "On Thursday last week, the envoy was summoned.",
            &[("Thursday last week", "DATE", "2025-11-13")],
        ),
        (
            "2025-11-21",
            "Talks resume on Monday of next week, and the ministers met on Wednesday this week.",
            &[
                ("Monday of next week", "DATE", "2025-11-24"),
                ("Wednesday this week", "DATE", "2025-11-19"),
            ],
        ),
    ]);
}
