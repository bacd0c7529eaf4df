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
        (
            "2021-03-06",
            "Aid could arrive as soon as Monday.",
            &[("Monday", "DATE", "2021-03-08")],
        ),
    ]);
}
