//! TimeML conventions of the second tuning round, one test per rule, on
//! sentences of our own. Every row lists all the expressions it expects
//! as (text, type, value), so a missed or an extra one fails too.

mod common;

use common::check;

/// A weekday with `evening` or `afternoon` is the part of that day
/// (TIMEX3 `TEV`, `TAF`, type TIME); with `night` or `morning` it stays
/// the day, as TimeBank mostly values it.
#[test]
fn weekday_evening_keeps_the_part() {
    check(&[
        (
            "2022-02-25",
            "Russian forces reached the outskirts of Kyiv on Thursday evening.",
            &[("Thursday evening", "TIME", "2022-02-24TEV")],
        ),
        (
            "2022-02-25",
            "The ministers spoke by phone on Wednesday afternoon.",
            &[("Wednesday afternoon", "TIME", "2022-02-23TAF")],
        ),
        (
            "2022-02-25",
            "Sirens sounded in the capital on Thursday morning.",
            &[("Thursday morning", "DATE", "2022-02-24")],
        ),
    ]);
}

/// `the then current rate`: the present of a past narrative is a past
/// reference.
#[test]
fn then_current_is_past() {
    check(&[
        (
            "2023-05-10",
            "Holders could sell at the then current price set by the board.",
            &[("then current", "DATE", "PAST_REF")],
        ),
        (
            "2023-05-10",
            "The current price is higher.",
            &[("current", "DATE", "PRESENT_REF")],
        ),
    ]);
}

/// `a year-earlier loss`: the adjective `year-earlier` is the date a year
/// back, not the duration `a year`.
#[test]
fn year_earlier_adjective_after_article() {
    check(&[(
        "2019-10-30",
        "The airline posted a profit, against a year-earlier loss of $2 million.",
        &[("year-earlier", "DATE", "2018")],
    )]);
}

/// A bare plural clock unit with no amount (`minutes apart`, `seconds
/// before`) is a vague closeness in time, not a duration; with an amount
/// or a determiner it stays.
#[test]
fn bare_clock_units_are_not_durations() {
    check(&[
        (
            "2013-04-16",
            "The two blasts near the finish line went off seconds apart.",
            &[],
        ),
        (
            "2013-04-16",
            "Police arrived minutes before the crowd left.",
            &[],
        ),
        (
            "2013-04-16",
            "The marathon's winner ran for more than two hours.",
            &[("more than two hours", "DURATION", "PT2H")],
        ),
        (
            "2013-04-16",
            "The roads stayed closed for a few hours.",
            &[("a few hours", "DURATION", "PTXH")],
        ),
        (
            "2013-04-16",
            "Days passed before the arrest.",
            &[("Days", "DURATION", "PXD")],
        ),
    ]);
}

/// `the quarter-to-quarter comparison`, `year-over-year growth`: a
/// compound adjective of comparison is not a time, and does not become the
/// quarter that a later `the year-earlier period` counts from.
#[test]
fn comparison_compounds_are_not_times() {
    check(&[
        (
            "2019-10-25",
            "The quarter-to-quarter rise in sales came from a one-off tax gain.",
            &[],
        ),
        (
            "2019-10-25",
            "Sales showed year-over-year growth of 4%.",
            &[],
        ),
        (
            "2019-10-25",
            "Profit in the third quarter rose from the year-earlier period.",
            &[
                ("the third quarter", "DATE", "2019-Q3"),
                ("the year-earlier period", "DATE", "2018-Q3"),
            ],
        ),
    ]);
}

/// `Tuesday nights`: a weekday with a plural part of the day is a weekly
/// SET (`XXXX-WXX-2TNI`), not one day.
#[test]
fn weekday_with_plural_part_is_a_set() {
    check(&[
        (
            "2024-03-05",
            "The new ferry sails on Tuesday nights from April.",
            &[
                ("Tuesday nights", "SET", "XXXX-WXX-2TNI"),
                ("April", "DATE", "2024-04"),
            ],
        ),
        (
            "2024-03-05",
            "The council meets on Sunday mornings.",
            &[("Sunday mornings", "SET", "XXXX-WXX-7TMO")],
        ),
    ]);
}

/// `for a while`: an unspecified duration (`PXX`), the preposition left
/// out.
#[test]
fn for_a_while_is_an_unspecified_duration() {
    check(&[(
        "2020-03-20",
        "Schools in the region will stay shut for a while.",
        &[("a while", "DURATION", "PXX")],
    )]);
}

/// `the latest fiscal year`: the last complete year before the report.
#[test]
fn latest_fiscal_year_is_the_last_complete_one() {
    check(&[(
        "2021-06-15",
        "The retailer sold $3 billion of goods in the latest fiscal year.",
        &[("the latest fiscal year", "DATE", "2020")],
    )]);
}

/// `formerly`, like `former`, qualifies a title, not the time of an event:
/// no expression; `recently` stays a past reference.
#[test]
fn formerly_is_not_a_time() {
    check(&[
        (
            "2022-09-07",
            "Liz Truss, formerly the foreign secretary, became prime minister.",
            &[],
        ),
        (
            "2022-09-07",
            "The former chancellor recently left the race.",
            &[("recently", "DATE", "PAST_REF")],
        ),
    ]);
}

/// Amounts written as words with `dozen`, `hundred`, `thousand` make
/// durations (`a dozen years` is `P12Y`); a dozen of anything else is no
/// time.
#[test]
fn dozens_and_hundreds_in_durations() {
    check(&[
        (
            "2021-01-10",
            "The civil war in Lebanon lasted more than a dozen years.",
            &[("more than a dozen years", "DURATION", "P12Y")],
        ),
        (
            "2021-01-10",
            "Rebuilding the port took half a dozen years and two dozen days of talks.",
            &[
                ("half a dozen years", "DURATION", "P6Y"),
                ("two dozen days", "DURATION", "P24D"),
            ],
        ),
        (
            "2021-01-10",
            "The border stayed closed for a hundred years.",
            &[("a hundred years", "DURATION", "P100Y")],
        ),
        ("2021-01-10", "A dozen ministers resigned.", &[]),
    ]);
}

/// A future marker in the pluperfect (`had been scheduled`, `had
/// planned`) looks at a plan from a past narrative: the weekday is the
/// past one; `is scheduled` still looks ahead.
#[test]
fn pluperfect_plans_are_past() {
    check(&[
        (
            "2023-11-01",
            "The ceasefire had been scheduled to end on Monday, but it was extended.",
            &[("Monday", "DATE", "2023-10-30")],
        ),
        (
            "2023-11-01",
            "The ceasefire is scheduled to end on Monday.",
            &[("Monday", "DATE", "2023-11-06")],
        ),
    ]);
}

/// A month that modifies a noun after a determiner (`a June agreement`)
/// names a known event: an infinitive of the clause around does not move
/// it ahead, only a strong future marker (`will`) does; otherwise the past
/// reading holds unless the future one is much nearer. A month after a
/// preposition still follows the clause's tense.
#[test]
fn prenominal_month_ignores_the_clause_tense() {
    check(&[
        (
            "2023-10-27",
            "The union wants to enforce the terms of a June agreement with the rail operator.",
            &[("June", "DATE", "2023-06")],
        ),
        (
            "2023-10-27",
            "The airline is trying to sell itself in June.",
            &[("June", "DATE", "2024-06")],
        ),
        (
            "2023-05-06",
            "Police have searched for the gunman since the October 23 shooting.",
            &[("October 23", "DATE", "2022-10-23")],
        ),
        (
            "2023-05-06",
            "Ministers will meet before the October summit of the bloc.",
            &[("October", "DATE", "2023-10")],
        ),
    ]);
}
