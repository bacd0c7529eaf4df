//! Troops and deployments: a body of soldiers that arrives somewhere is
//! deployed there, not a visitor.

use super::sentence::Sent;

/// Whether tokens `lo..=hi` name a body of troops: `Some(true)` for
/// peacekeepers, `Some(false)` for other troops, `None` for anyone else.
pub(crate) fn troops_in(s: &Sent<'_>, (lo, hi): (usize, usize)) -> Option<bool> {
    const TROOPS: &[&str] = &[
        "troop",
        "troops",
        "soldier",
        "peacekeeper",
        "battalion",
        "brigade",
        "contingent",
        "deployment",
    ];
    let hi = hi.min(s.len().saturating_sub(1));
    let any = (lo..=hi).any(|j| s.lemma_in(j, TROOPS) && s.upos(j) == "NOUN");
    let peace = (lo..=hi).any(|j| s.lemma[j].starts_with("peacekeep"));
    any.then_some(peace)
}
