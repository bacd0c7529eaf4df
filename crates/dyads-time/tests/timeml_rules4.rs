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
