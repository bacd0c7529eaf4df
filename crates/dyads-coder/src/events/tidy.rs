//! Tidying the events of one sentence: targets borrowed from the events
//! they govern, untargeted duplicates dropped.

use super::sentence::Sent;
use super::Event;

/// An event without a target takes the target of an event of the same
/// source whose head lies inside its complement (`Putin accepted the
/// invitation to visit North Korea`, `Kim proposed holding the meeting
/// during his visit to Russia`), or, when it is a nominal event that is the
/// subject of the other, of that event (`the cartel's car bombing killed
/// several officers`).
pub(crate) fn borrow_targets(s: &Sent<'_>, events: &mut [Event], heads: &[usize]) {
    for i in 0..events.len() {
        if events[i].target.is_some() {
            continue;
        }
        let src_ids: Vec<&str> = events[i]
            .source
            .as_ref()
            .map(|a| a.members().iter().map(|m| m.actor_id.as_str()).collect())
            .unwrap_or_default();
        // ... or, for a nominal event that is the subject of another
        // (`the group's suicide bombing killed many troops`), that event's.
        let found = (0..events.len()).find(|&j| {
            j != i
                && events[j].target.is_some()
                && (s.dominates(heads[i], heads[j])
                    || s.head(heads[i]) == Some(heads[j])
                        && s.rel(heads[i]).starts_with("nsubj")
                        && !s.is_verb(heads[i]))
                && events[j].source.as_ref().is_some_and(|a| {
                    a.members()
                        .iter()
                        .any(|m| src_ids.contains(&m.actor_id.as_str()))
                })
        });
        if let Some(j) = found {
            events[i].target = events[j].target.clone();
        }
    }
}

/// Drops an event of the sentence (events `first..`) without a target when
/// another of its events has the same source, the same CAMEO root and a
/// target (`expressed deep regret at the statements of X`: the verb
/// `regret` and the phrase `express regret at X`).
pub(crate) fn drop_untargeted_duplicates(out: &mut Vec<Event>, first: usize) {
    let ids = |e: &Event| -> Vec<String> {
        e.source
            .as_ref()
            .map(|a| a.members().iter().map(|m| m.actor_id.clone()).collect())
            .unwrap_or_default()
    };
    let keep: Vec<bool> = (first..out.len())
        .map(|i| {
            let e = &out[i];
            e.target.is_some()
                || !out[first..].iter().any(|f| {
                    f.target.is_some()
                        && f.cameo.get(..2) == e.cameo.get(..2)
                        && f.modality == e.modality
                        && ids(f) == ids(e)
                })
        })
        .collect();
    let mut k = keep.into_iter();
    let mut i = 0;
    out.retain(|_| {
        let r = i < first || k.next().unwrap_or(true);
        i += 1;
        r
    });
}
