//! Which event mentions describe the same real-world event.
//!
//! Pure logic over [`Mention`]s (no SQLite): [`cluster`] groups the
//! mentions of one block into records and says, for every mention that
//! joined a record, which earlier member it matched and why.
//!
//! **Blocks.** Only mentions of one block are ever compared ([`block_of`]):
//! the same PLOVER type (or CAMEO root when PLOVER has none) and the same
//! unordered pair of sides, each side being its first actor's country (or
//! its actor id when it has no country). A reciprocal event ("talks
//! between A and B") and its mirror ("B met A") share a block. Blocking
//! keeps merging near-linear: the cost is the sum over blocks of a sweep
//! over date windows, not all pairs.
//!
//! **Compatibility** of two mentions of a block, every test required:
//! - *modality class*: asserted and historical are facts and merge with
//!   each other; any other modality merges only with itself (a planned
//!   visit is not the visit);
//! - *actors*: source matches source and target matches target, or, when
//!   either is reciprocal, source matches target and target source; two
//!   sides match when they share an actor id, or a country with the same
//!   sector (or one sector unknown), unless both are named people (with
//!   a role) and differ; an unknown target matches any;
//! - *dates*: their windows overlap, with one day of slack for time zones
//!   and reporting when both are precise (a week or less); a
//!   window over a week ("in September") merges across documents only with
//!   the same CAMEO code; a vague window (over forty days: "last year")
//!   merges only within its own document;
//!   an undated mention's window is the three days up to its article's
//!   publication; a mention with neither is compared only within its own
//!   document;
//! - *place*: the same country, or one unknown.
//!
//! **Splits.** A user can split a record: the store keeps "cannot link"
//! pairs of mention keys, and two mentions so marked are never put in one
//! record, whatever else links them (single-link merges that would join
//! them are refused). Keys are stable across re-coding, so a split
//! survives re-ingest.

use std::collections::{BTreeMap, HashSet};

/// One actor of a mention's source or target.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Side {
    /// Actor id (`RUS`, `lavrov-sergey`, `dict:RUSGOV`).
    pub id: String,
    /// ISO alpha-3 country.
    pub country: Option<String>,
    /// Sector (`GOV`, `MIL`, ...).
    pub sector: Option<String>,
    /// A named person (an actor with a role): two different named people
    /// are never the same side, even of one country and sector.
    pub person: bool,
}

/// What merging needs to know of one event mention.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mention {
    /// Stored event id.
    pub event_id: i64,
    /// Stable key (document content hash, sentence, evidence start, code).
    pub key: String,
    /// Document id.
    pub doc_id: i64,
    /// PLOVER type.
    pub plover: Option<String>,
    /// CAMEO code.
    pub cameo: String,
    /// Modality.
    pub modality: String,
    /// Symmetric event.
    pub reciprocal: bool,
    /// First and last day (days since 1970-01-01), when dated.
    pub date: Option<(i64, i64)>,
    /// The article's publication day, when known.
    pub published: Option<i64>,
    /// Source actors.
    pub source: Vec<Side>,
    /// Target actors.
    pub target: Vec<Side>,
    /// Country of the event's place.
    pub place: Option<String>,
}

/// Days since 1970-01-01 of an ISO date `YYYY-MM-DD` (a longer string's
/// first ten bytes); `None` when it is not a calendar date.
pub fn days(iso: &str) -> Option<i64> {
    let s = iso.get(..10)?;
    if !s.is_ascii() {
        return None;
    }
    let b = s.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = s[..4].parse().ok()?;
    let m: i64 = s[5..7].parse().ok()?;
    let d: i64 = s[8..10].parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (proleptic Gregorian), March-based year.
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The ISO date of a day count (inverse of [`days`]).
pub fn iso(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn side_key(s: &[Side]) -> String {
    s.first()
        .map(|a| a.country.clone().unwrap_or_else(|| a.id.clone()))
        .unwrap_or_else(|| "-".to_string())
}

/// The block of a mention: type family and unordered pair of sides.
pub fn block_of(m: &Mention) -> String {
    let family = m
        .plover
        .clone()
        .unwrap_or_else(|| format!("cameo{}", m.cameo.get(..2).unwrap_or(&m.cameo)));
    let (a, b) = (side_key(&m.source), side_key(&m.target));
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    format!("{family}|{a}|{b}")
}

fn modality_class(m: &str) -> &str {
    match m {
        "asserted" | "historical" => "fact",
        other => other,
    }
}

fn sides_match(a: &[Side], b: &[Side]) -> Option<String> {
    for x in a {
        for y in b {
            if x.id == y.id {
                return Some(x.id.clone());
            }
            if x.person && y.person {
                continue;
            }
            if let (Some(c), Some(d)) = (&x.country, &y.country) {
                let sector_ok = match (&x.sector, &y.sector) {
                    (Some(s), Some(t)) => s == t,
                    _ => true,
                };
                if c == d && sector_ok {
                    return Some(match x.sector.as_ref().or(y.sector.as_ref()) {
                        Some(s) => format!("{c} {s}"),
                        None => c.clone(),
                    });
                }
            }
        }
    }
    None
}

/// The date window a mention is compared on.
fn window(m: &Mention) -> Option<(i64, i64)> {
    m.date.or_else(|| m.published.map(|p| (p - 3, p)))
}

/// A date window longer than this is vague (see [`compatible`]).
const VAGUE_DAYS: i64 = 40;

/// Why two mentions are the same event, or `None` when they are not.
pub fn compatible(a: &Mention, b: &Mention) -> Option<String> {
    if modality_class(&a.modality) != modality_class(&b.modality) {
        return None;
    }
    if let (Some(p), Some(q)) = (&a.place, &b.place) {
        if p != q {
            return None;
        }
    }
    let dates = match (window(a), window(b)) {
        (Some((s1, e1)), Some((s2, e2))) => {
            // A day of slack between precise dates only; a vague date
            // (longer than forty days: "last year") merges only within its
            // own document, or single links would chain unrelated events.
            let precise = e1 - s1 <= 7 && e2 - s2 <= 7;
            let slack = i64::from(precise);
            if s1 > e2 + slack || s2 > e1 + slack {
                return None;
            }
            if (e1 - s1 > VAGUE_DAYS || e2 - s2 > VAGUE_DAYS) && a.doc_id != b.doc_id {
                return None;
            }
            // A month-wide window overlaps much: across documents, it
            // merges only with the same event code.
            if !precise && a.doc_id != b.doc_id && a.cameo != b.cameo {
                return None;
            }
            let show = |m: &Mention, (s, e): (i64, i64)| {
                let kind = if m.date.is_some() { "" } else { "published " };
                if s == e {
                    format!("{kind}{}", iso(s))
                } else {
                    format!("{kind}{}..{}", iso(s), iso(e))
                }
            };
            format!(
                "dates overlap ({} / {})",
                show(a, (s1, e1)),
                show(b, (s2, e2))
            )
        }
        _ if a.doc_id == b.doc_id => "same document, undated".to_string(),
        _ => return None,
    };
    let target_ok = |x: &[Side], y: &[Side]| -> Option<String> {
        if x.is_empty() || y.is_empty() {
            Some("target unknown in one".to_string())
        } else {
            sides_match(x, y)
        }
    };
    // An agentless act (`the journalist was killed`) has no source: two
    // of them match on their targets alone, which must both be known.
    let agentless = (a.source.is_empty() && b.source.is_empty())
        .then(|| sides_match(&a.target, &b.target))
        .flatten();
    let straight = sides_match(&a.source, &b.source)
        .and_then(|s| target_ok(&a.target, &b.target).map(|t| (s, t)));
    let actors = match (straight, agentless) {
        (Some((s, t)), _) => format!("same source ({s}) and target ({t})"),
        (None, Some(t)) => format!("no source in either, same target ({t})"),
        (None, None) if a.reciprocal || b.reciprocal => {
            let s = sides_match(&a.source, &b.target)?;
            let t = sides_match(&a.target, &b.source)?;
            format!("reciprocal: {s} and {t} on either side")
        }
        (None, None) => return None,
    };
    let family = a
        .plover
        .clone()
        .unwrap_or_else(|| format!("CAMEO {}", a.cameo));
    Some(format!("{family}; {actors}; {dates}"))
}

/// One record: its members (indices into the block's mentions, in input
/// order) and, per member after the first, the member it matched and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Indices of the members.
    pub members: Vec<usize>,
    /// `(member, matched member, reason)`.
    pub links: Vec<(usize, usize, String)>,
}

/// Groups the mentions of one block into records. `cannot` holds
/// unordered pairs of mention keys that a user split apart.
pub fn cluster(mentions: &[Mention], cannot: &HashSet<(String, String)>) -> Vec<Cluster> {
    let n = mentions.len();
    // Sweep in window order; compare each mention with the earlier ones
    // whose window reaches it.
    let mut order: Vec<usize> = (0..n).collect();
    let start = |i: usize| window(&mentions[i]).map_or(i64::MAX, |w| w.0);
    order.sort_by_key(|&i| (start(i), mentions[i].key.clone()));
    let mut parent: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut links: Vec<Vec<(usize, usize, String)>> = vec![Vec::new(); n];
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let split = |x: usize, y: usize| {
        let (a, b) = (&mentions[x].key, &mentions[y].key);
        cannot.contains(&(a.clone(), b.clone())) || cannot.contains(&(b.clone(), a.clone()))
    };
    let mut active: Vec<usize> = Vec::new();
    let mut undated: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for &i in &order {
        let w = window(&mentions[i]);
        let candidates: Vec<usize> = match w {
            Some((s, _)) => {
                active.retain(|&j| window(&mentions[j]).is_some_and(|(_, e)| e + 1 >= s));
                active.clone()
            }
            None => undated
                .get(&mentions[i].doc_id)
                .cloned()
                .unwrap_or_default(),
        };
        for j in candidates {
            let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
            if ri == rj {
                continue;
            }
            let Some(reason) = compatible(&mentions[j], &mentions[i]) else {
                continue;
            };
            // A user's split wins over any link.
            let blocked = members[ri]
                .iter()
                .any(|&x| members[rj].iter().any(|&y| split(x, y)));
            if blocked {
                continue;
            }
            let (keep, gone) = if ri < rj { (ri, rj) } else { (rj, ri) };
            parent[gone] = keep;
            let moved = std::mem::take(&mut members[gone]);
            members[keep].extend(moved);
            let moved_links = std::mem::take(&mut links[gone]);
            links[keep].extend(moved_links);
            links[keep].push((i, j, reason));
        }
        match w {
            Some(_) => active.push(i),
            None => undated.entry(mentions[i].doc_id).or_default().push(i),
        }
    }
    let mut out: Vec<Cluster> = (0..n)
        .filter(|&i| parent[i] == i)
        .map(|i| {
            let mut m = members[i].clone();
            m.sort_unstable();
            Cluster {
                members: m,
                links: links[i].clone(),
            }
        })
        .collect();
    out.sort_by_key(|c| c.members.first().copied());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(id: &str, country: &str, sector: &str) -> Side {
        Side {
            id: id.into(),
            country: (!country.is_empty()).then(|| country.into()),
            sector: (!sector.is_empty()).then(|| sector.into()),
            person: false,
        }
    }

    fn person(id: &str, country: &str) -> Side {
        Side {
            person: true,
            ..side(id, country, "GOV")
        }
    }

    fn mention(
        key: &str,
        doc: i64,
        src: Side,
        tgt: Option<Side>,
        date: Option<(&str, &str)>,
    ) -> Mention {
        Mention {
            event_id: 0,
            key: key.into(),
            doc_id: doc,
            plover: Some("CONSULT".into()),
            cameo: "040".into(),
            modality: "asserted".into(),
            reciprocal: false,
            date: date.and_then(|(a, b)| Some((days(a)?, days(b)?))),
            published: days("2023-09-20"),
            source: vec![src],
            target: tgt.into_iter().collect(),
            place: None,
        }
    }

    #[test]
    fn day_counts_round_trip() {
        for d in [
            "1970-01-01",
            "2000-02-29",
            "2023-09-14",
            "1999-12-31",
            "2024-03-01",
        ] {
            let n = days(d).unwrap_or(i64::MIN);
            assert_eq!(iso(n), d);
        }
        assert_eq!(days("1970-01-02"), Some(1));
        assert_eq!(days("2023-13-01"), None);
        assert_eq!(days("2023"), None);
    }

    #[test]
    fn one_visit_reported_four_ways_is_one_record() {
        let lavrov = side("lavrov-sergey", "RUS", "GOV");
        let choe = side("choe-son-hui", "PRK", "GOV");
        let ms = vec![
            mention(
                "a",
                1,
                lavrov.clone(),
                Some(choe.clone()),
                Some(("2023-09-14", "2023-09-18")),
            ),
            mention(
                "b",
                2,
                side("RUS", "RUS", ""),
                Some(choe.clone()),
                Some(("2023-09-15", "2023-09-17")),
            ),
            // The mirror, reciprocal: "Choe and Lavrov held talks".
            Mention {
                reciprocal: true,
                ..mention(
                    "c",
                    3,
                    choe.clone(),
                    Some(lavrov.clone()),
                    Some(("2023-09-16", "2023-09-16")),
                )
            },
            // Undated: the article of 2023-09-20 covers 09-17..09-20.
            mention("d", 4, lavrov.clone(), Some(choe.clone()), None),
            // A month later: another meeting.
            mention(
                "e",
                5,
                lavrov.clone(),
                Some(choe.clone()),
                Some(("2023-10-20", "2023-10-20")),
            ),
            // Planned, not held: never merged with the facts.
            Mention {
                modality: "future".into(),
                ..mention(
                    "f",
                    6,
                    lavrov.clone(),
                    Some(choe.clone()),
                    Some(("2023-09-15", "2023-09-15")),
                )
            },
        ];
        let got = cluster(&ms, &HashSet::new());
        let sets: Vec<Vec<usize>> = got.iter().map(|c| c.members.clone()).collect();
        assert_eq!(sets, vec![vec![0, 1, 2, 3], vec![4], vec![5]]);
        assert_eq!(got[0].links.len(), 3);
        assert!(
            got[0].links.iter().any(|l| l.2.contains("reciprocal")),
            "{:?}",
            got[0].links
        );
        // A split between b and the others survives: b stands alone.
        let mut cannot = HashSet::new();
        for k in ["a", "c", "d"] {
            cannot.insert(("b".to_string(), k.to_string()));
        }
        let got = cluster(&ms, &cannot);
        let sets: Vec<Vec<usize>> = got.iter().map(|c| c.members.clone()).collect();
        assert_eq!(sets, vec![vec![0, 2, 3], vec![1], vec![4], vec![5]]);
    }

    #[test]
    fn compatibility_table() {
        let rus = side("RUS", "RUS", "GOV");
        let prk = side("PRK", "PRK", "GOV");
        let usa = side("USA", "USA", "GOV");
        let d = Some(("2023-09-14", "2023-09-14"));
        let base = mention("a", 1, rus.clone(), Some(prk.clone()), d);
        let cases: Vec<(&str, Mention, bool)> = vec![
            (
                "same",
                mention("b", 2, rus.clone(), Some(prk.clone()), d),
                true,
            ),
            (
                "other target",
                mention("b", 2, rus.clone(), Some(usa.clone()), d),
                false,
            ),
            (
                "swapped, not reciprocal",
                mention("b", 2, prk.clone(), Some(rus.clone()), d),
                false,
            ),
            (
                "military vs government",
                mention("b", 2, side("x", "RUS", "MIL"), Some(prk.clone()), d),
                false,
            ),
            (
                "sector unknown",
                mention("b", 2, side("y", "RUS", ""), Some(prk.clone()), d),
                true,
            ),
            (
                "target unknown",
                mention("b", 2, rus.clone(), None, d),
                true,
            ),
            (
                "source unknown in one",
                Mention {
                    source: Vec::new(),
                    ..mention("b", 2, rus.clone(), Some(prk.clone()), d)
                },
                false,
            ),
            (
                "two days later",
                mention(
                    "b",
                    2,
                    rus.clone(),
                    Some(prk.clone()),
                    Some(("2023-09-16", "2023-09-16")),
                ),
                false,
            ),
            (
                "next day",
                mention(
                    "b",
                    2,
                    rus.clone(),
                    Some(prk.clone()),
                    Some(("2023-09-15", "2023-09-15")),
                ),
                true,
            ),
            (
                "negated",
                Mention {
                    modality: "negated".into(),
                    ..mention("b", 2, rus.clone(), Some(prk.clone()), d)
                },
                false,
            ),
            (
                "historical",
                Mention {
                    modality: "historical".into(),
                    ..mention("b", 2, rus.clone(), Some(prk.clone()), d)
                },
                true,
            ),
            (
                "other place",
                Mention {
                    place: Some("CHN".into()),
                    ..mention("b", 2, rus.clone(), Some(prk.clone()), d)
                },
                true,
            ),
        ];
        let month = Some(("2023-09-01", "2023-09-30"));
        let more: Vec<(&str, Mention, Mention, bool)> = vec![
            (
                "making and hosting a visit, mirrored",
                Mention {
                    cameo: "042".into(),
                    reciprocal: true,
                    ..mention("v", 1, prk.clone(), Some(rus.clone()), d)
                },
                Mention {
                    cameo: "043".into(),
                    ..mention("w", 2, rus.clone(), Some(prk.clone()), d)
                },
                true,
            ),
            (
                "two different named people of one government",
                mention(
                    "a",
                    1,
                    person("putin-vladimir", "RUS"),
                    Some(prk.clone()),
                    d,
                ),
                mention("b", 2, person("lavrov-sergey", "RUS"), Some(prk.clone()), d),
                false,
            ),
            (
                "a named person and his state",
                mention("a", 1, person("lavrov-sergey", "RUS"), Some(prk.clone()), d),
                base.clone(),
                true,
            ),
            (
                "month-wide dates, other codes, two documents",
                mention("a", 1, rus.clone(), Some(prk.clone()), month),
                Mention {
                    cameo: "046".into(),
                    ..mention("b", 2, rus.clone(), Some(prk.clone()), d)
                },
                false,
            ),
            (
                "month-wide dates, same code, two documents",
                mention("a", 1, rus.clone(), Some(prk.clone()), month),
                mention("b", 2, rus.clone(), Some(prk.clone()), d),
                true,
            ),
            (
                "no source in either, same target",
                Mention {
                    source: Vec::new(),
                    ..mention("a", 1, rus.clone(), Some(prk.clone()), d)
                },
                Mention {
                    source: Vec::new(),
                    ..mention("b", 2, rus.clone(), Some(prk.clone()), d)
                },
                true,
            ),
            (
                "no source in either, other targets",
                Mention {
                    source: Vec::new(),
                    ..mention("a", 1, rus.clone(), Some(prk.clone()), d)
                },
                Mention {
                    source: Vec::new(),
                    ..mention("b", 2, rus.clone(), Some(usa.clone()), d)
                },
                false,
            ),
            (
                "no source and no target in either",
                Mention {
                    source: Vec::new(),
                    ..mention("a", 1, rus.clone(), None, d)
                },
                Mention {
                    source: Vec::new(),
                    ..mention("b", 2, rus.clone(), None, d)
                },
                false,
            ),
        ];
        for (name, m, want) in cases {
            assert_eq!(compatible(&base, &m).is_some(), want, "{name}");
        }
        for (name, a, b, want) in more {
            assert_eq!(compatible(&a, &b).is_some(), want, "{name}");
            assert_eq!(compatible(&b, &a).is_some(), want, "{name}, reversed");
        }
        let here = Mention {
            place: Some("RUS".into()),
            ..base.clone()
        };
        let there = Mention {
            place: Some("CHN".into()),
            ..base.clone()
        };
        assert!(compatible(&here, &there).is_none());
        assert_eq!(
            block_of(&base),
            block_of(&mention("z", 9, prk, Some(rus), d))
        );
    }
}
