//! TimeML conventions of the fifth tuning round, one test per rule, on
//! sentences of our own. Every row lists all the expressions it expects
//! as (text, type, value), so a missed or an extra one fails too.

mod common;

use common::check;

/// An earlier quarter named after the reported one (`after a weak first
/// quarter`) is a comparison: `a year ago` and `the 2019 period` stay on
/// the quarter the report is about.
#[test]
fn an_earlier_quarter_does_not_replace_the_reported_one() {
    check(&[(
        "2019-11-04",
        "The brewer posted a 12% rise in third-quarter profit from a year ago. After a weak second quarter, sales of its lagers recovered. In the 2019 period, costs were lower than a year ago.",
        &[
            ("third-quarter", "DATE", "2019-Q3"),
            ("a year ago", "DATE", "2018-Q3"),
            ("second quarter", "DATE", "2019-Q2"),
            ("the 2019 period", "DATE", "2019-Q3"),
            ("a year ago", "DATE", "2018-Q3"),
        ],
    )]);
}

/// `overnight` is the night before the day the narrative is on, and it
/// leaves that day as the anchor: `the previous Friday` still counts back
/// from the Friday the text named.
#[test]
fn overnight_is_the_night_before_the_narrative_day() {
    check(&[
        (
            "2019-11-04",
            "Tokyo stocks fell sharply Friday, hit by overnight losses on Wall Street. The main index ended 3% below the previous Friday.",
            &[
                ("Friday", "DATE", "2019-11-01"),
                ("overnight", "TIME", "2019-10-31TNI"),
                ("the previous Friday", "DATE", "2019-10-25"),
            ],
        ),
        (
            "2019-11-04",
            "Rebels shelled the port overnight.",
            &[("overnight", "TIME", "2019-11-03TNI")],
        ),
    ]);
}

/// Whole thousands of years are millennia, TIMEX3's `L`.
#[test]
fn thousands_of_years_are_millennia() {
    check(&[(
        "2019-03-04",
        "The terraces have been farmed for nearly three thousand years, and the temple stood for 1500 years.",
        &[
            ("nearly three thousand years", "DURATION", "P3L"),
            ("1500 years", "DURATION", "P1500Y"),
        ],
    )]);
}

/// `days or weeks`: two vague lengths offered as one expression, valued by
/// the first; amounts keep their own reading.
#[test]
fn two_vague_lengths_are_one_expression() {
    check(&[(
        "2019-03-04",
        "The repairs could take days or weeks, and the inquiry two or three months.",
        &[
            ("days or weeks", "DURATION", "PXD"),
            ("two or three months", "DURATION", "P2M"),
        ],
    )]);
}

/// `a matter of weeks` says how soon something comes, a closeness in time
/// like `minutes apart`, not a length that is tagged.
#[test]
fn a_matter_of_weeks_is_not_a_duration() {
    check(&[(
        "2019-03-04",
        "The merger should close in a matter of weeks, after a review of two months.",
        &[("two months", "DURATION", "P2M")],
    )]);
}

/// `coming months` and `future quarters` without a determiner or an amount
/// are an unspecified future, as `the past few weeks` is an unspecified
/// past; with an amount they stay durations.
#[test]
fn coming_and_future_periods_are_a_future_reference() {
    check(&[(
        "2019-03-04",
        "The bank may cut rates in coming months, and the charge will weigh on future quarters, but not over the coming two years.",
        &[
            ("coming months", "DATE", "FUTURE_REF"),
            ("future quarters", "DATE", "FUTURE_REF"),
            ("the coming two years", "DURATION", "P2Y"),
        ],
    )]);
}

/// `Monday and Thursday evenings`: the plural part of the day is shared by
/// the weekday coordinated before it, so both are recurring sets.
#[test]
fn a_plural_part_of_the_day_is_shared_by_a_coordinated_weekday() {
    check(&[(
        "2019-03-04",
        "The ferry will sail on Monday and Thursday evenings from April, and once on Friday.",
        &[
            ("Monday", "SET", "XXXX-WXX-1TEV"),
            ("Thursday evenings", "SET", "XXXX-WXX-4TEV"),
            ("April", "DATE", "2019-04"),
            ("Friday", "DATE", "2019-03-08"),
        ],
    )]);
}

/// An ordinal day of an event after a copula in the present (`today is the
/// fifth day of the strike`, `it's the third day of the siege`) is the day
/// of writing; in the past it is not tagged.
#[test]
fn the_nth_day_of_an_event_in_the_present_is_today() {
    check(&[
        (
            "2019-03-04",
            "It's the third day of the siege, and the town is without water.",
            &[("the third day", "DATE", "2019-03-04")],
        ),
        ("2019-03-04", "The strike was in its fifth day.", &[]),
    ]);
}

/// Numbered quarters in the plural (`the second and fourth quarters`) recur
/// every year: each is a set. With a year they are that year's.
#[test]
fn plural_numbered_quarters_are_sets() {
    check(&[
        (
            "2019-03-04",
            "The retailer makes most of its sales in the third and fourth quarters.",
            &[
                ("the third", "SET", "XXXX-Q3"),
                ("fourth quarters", "SET", "XXXX-Q4"),
            ],
        ),
        (
            "2019-03-04",
            "Toy makers usually lose money in their first quarters.",
            &[("first quarters", "SET", "XXXX-Q1")],
        ),
    ]);
}

/// A season counted in the plural (`the last two winters`, `three
/// summers`) recurs: a set of that season.
#[test]
fn seasons_counted_in_the_plural_are_sets() {
    check(&[(
        "2019-03-04",
        "The lake has frozen over in the last two winters and dried out in three summers.",
        &[
            ("the last two winters", "SET", "XXXX-WI"),
            ("three summers", "SET", "XXXX-SU"),
        ],
    )]);
}
