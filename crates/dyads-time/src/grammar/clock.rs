//! Times of day: `11:33`, `3 p.m.`, `10:35 a.m. EDT`, `noon`, `midnight`,
//! `4 in the morning`, `in the afternoon`.

use super::{Cur, Sem};
use crate::lexicon;
use crate::value::DayPart;

/// `a.m.` / `am` (false) or `p.m.` / `pm` (true).
fn meridiem(c: Cur<'_>) -> Option<(Cur<'_>, bool)> {
    if let Some((c1, w)) = c.any(&["am", "pm"]) {
        return Some((c1.glued('.').unwrap_or(c1), w == "pm"));
    }
    let (c1, w) = c.any(&["a", "p"])?;
    let c2 = c1.glued('.')?;
    let t = c2.tok()?;
    if t.lower != "m" || t.space_before {
        return None;
    }
    let c3 = c2.next();
    Some((c3.glued('.').unwrap_or(c3), w == "p"))
}

/// Skips a time zone after a time (`EDT`, `GMT`, `local time`).
fn zone(c: Cur<'_>) -> Cur<'_> {
    if let Some(c1) = c.words(&["local", "time"]) {
        return c1;
    }
    match c.lookup(|w| lexicon::is_zone(w).then_some(())) {
        Some((c1, ())) => c1,
        None => c,
    }
}

fn to_24(h: u32, pm: Option<bool>) -> u32 {
    match pm {
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        _ => h,
    }
}

/// A clock time.
pub(crate) fn clock(c: Cur<'_>) -> Option<(usize, Sem)> {
    if let Some((c1, w)) = c.any(&["noon", "midday", "midnight"]) {
        let h = if w == "midnight" { 24 } else { 12 };
        return Some((c1.i, Sem::Clock { h, m: 0, day: None }));
    }
    let (c1, h, nh) = c.digits()?;
    if nh > 2 || h > 24 {
        return None;
    }
    if c.prev()
        .is_some_and(|p| p.is_punct('$') || (p.is_punct(':') && !c.spaced()))
    {
        return None;
    }
    // `11:33`, `11:33:05`
    if let Some(c2) = c1.glued(':') {
        let (c3, m, nm) = c2.digits()?;
        if nm != 2 || m > 59 || c3.prev().is_some_and(|t| t.space_before) {
            return None;
        }
        let c3 = match c3.glued(':').and_then(|c| c.digits()) {
            Some((c4, _, 2)) => c4,
            _ => c3,
        };
        let (c4, pm) = match meridiem(c3) {
            Some((c4, pm)) => (c4, Some(pm)),
            None => (c3, None),
        };
        if pm.is_some() && h > 12 {
            return None;
        }
        let end = zone(c4);
        return Some((
            end.i,
            Sem::Clock {
                h: to_24(h, pm),
                m,
                day: None,
            },
        ));
    }
    if h == 0 || h > 12 {
        return None;
    }
    if let Some((c2, pm)) = meridiem(c1) {
        let end = zone(c2);
        return Some((
            end.i,
            Sem::Clock {
                h: to_24(h, Some(pm)),
                m: 0,
                day: None,
            },
        ));
    }
    if let Some(c2) = c1.words(&["o", "'", "clock"]) {
        return Some((c2.i, Sem::Clock { h, m: 0, day: None }));
    }
    // `4 in the morning`
    let c2 = c1.words(&["in", "the"])?;
    let (c3, part) = c2.lookup(lexicon::day_part)?;
    let pm = match part {
        DayPart::Morning => false,
        DayPart::Night if h < 6 || h == 12 => false,
        _ => true,
    };
    Some((
        c3.i,
        Sem::Clock {
            h: to_24(h, Some(pm)),
            m: 0,
            day: None,
        },
    ))
}

/// `the morning`, `the afternoon`, `mid-afternoon`: a part of the day
/// anchored on the narrative.
pub(crate) fn part_of_day(c: Cur<'_>) -> Option<(usize, Sem)> {
    let c1 = c.word("the")?;
    let (c2, part) = c1.lookup(lexicon::day_part)?;
    if part == DayPart::Night {
        return None;
    }
    Some((c2.i, Sem::PartOfDay { part, day: None }))
}
