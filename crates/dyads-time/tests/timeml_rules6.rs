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
