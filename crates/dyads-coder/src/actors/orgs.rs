//! Organisations named on a head noun, which the lexicon does not know
//! (run before the lexicon's names are added, so the names inside them are
//! not actors of their own): `the UN Sanctions Committee`, `the Mariinsky
//! Primorsky Theatre`, `the Russian-Korean Intergovernmental Commission on
//! Trade, Economic and Technical Cooperation`. The head gives the sector
//! (`Theatre` is civil, `Institute` research); a state or demonym inside
//! gives the country (two of them, or `Russian-Korean`, make it bilateral:
//! no country), an international organisation inside makes it `IGO`; a
//! unit of a known organisation (`the Department of International
//! Organizations at the Russian Foreign Ministry`) is left to it. Also the
//! outlet named in the body (`Moscow, 17 January (TDI):`).
//!
//! Group nominals (`the DPRK government delegation`) are in `groups.rs`.

use dyads_lexicon::{ActorKind, MatchKind};
use dyads_syntax::ParsedSentence;
use dyads_text::Span;

use super::build::{slug, Builder};
use super::scan::{gap, is_name_word, is_possessive, is_stop_word, words, SentScan, Word};
use super::MentionKind;

/// Head nouns of organisation names: the sector and the group kind they
/// give.
const ORG_HEADS: &[(&str, &str, Option<&str>)] = &[
    ("Commission", "GOV", Some("commission")),
    ("Committee", "GOV", Some("commission")),
    ("Council", "GOV", None),
    ("Agency", "GOV", None),
    ("Department", "GOV", Some("ministry")),
    ("Service", "GOV", None),
    ("Authority", "GOV", None),
    ("Bureau", "GOV", None),
    ("Directorate", "GOV", None),
    ("Secretariat", "GOV", None),
    ("Embassy", "GOV", Some("embassy")),
    ("Consulate", "GOV", Some("embassy")),
    ("Assembly", "LEG", Some("legislature")),
    ("Court", "JUD", None),
    ("Tribunal", "JUD", None),
    ("Institute", "EDU", None),
    ("University", "EDU", None),
    ("Academy", "EDU", None),
    ("College", "EDU", None),
    ("Theatre", "CVL", None),
    ("Theater", "CVL", None),
    ("Museum", "CVL", None),
    ("Orchestra", "CVL", None),
    ("Ballet", "CVL", None),
    ("Opera", "CVL", None),
    ("Philharmonic", "CVL", None),
    ("Foundation", "NGO", None),
    ("Association", "NGO", None),
    ("Party", "PTY", None),
    ("Company", "BUS", None),
    ("Corporation", "BUS", None),
];

/// Words that make a capitalised name an event or a document, not an
/// actor (`International Cultural Forum`, `Security Council Resolution`).
const EVENT_WORDS: &[&str] = &[
    "Forum",
    "Summit",
    "Conference",
    "Festival",
    "Games",
    "Exhibition",
    "Expo",
    "Olympics",
    "Championship",
    "Cup",
    "Congress",
    "Session",
    "Meeting",
    "Week",
    "Award",
    "Prize",
    "Agreement",
    "Treaty",
    "Declaration",
    "Act",
    "Law",
    "Resolution",
    "Operation",
    "War",
];

/// Words that link a head to its complement (`Ministry of`, `Commission
/// on`, `Institute for`).
const COMPLEMENT: &[&str] = &["of", "for", "on"];

fn word<'t>(text: &'t str, ws: &[Word], i: usize) -> &'t str {
    ws.get(i).map(|w| w.span.slice(text)).unwrap_or("")
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The capitalised name around head word `h`: name words before it and an
/// `of`/`for`/`on` complement of name words after it (`Ministry of
/// Natural Resources`, `Commission on Trade, Economic and Technical
/// Cooperation`); `stop` ends it at a word (a person's name, a title).
/// Returns the first word and one past the last.
pub(crate) fn name_around(
    text: &str,
    ws: &[Word],
    h: usize,
    stop: impl Fn(Span) -> bool,
) -> (usize, usize) {
    let name = |i: usize| {
        let w = word(text, ws, i);
        is_name_word(w) && !is_stop_word(w) && !stop(ws[i].span)
    };
    let mut first = h;
    while first > 0 && name(first - 1) {
        first -= 1;
    }
    let mut end = h + 1;
    if COMPLEMENT.contains(&word(text, ws, h + 1)) {
        let mut k = h + 2;
        let mut last = None;
        let mut comma = None;
        let mut and_after_comma = false;
        while k < ws.len() {
            let w = word(text, ws, k);
            if name(k) {
                last = Some(k + 1);
            } else if w == "," {
                if comma.is_none() {
                    comma = Some(k);
                }
            } else if w == "and" || w == "&" {
                and_after_comma |= comma.is_some();
            } else if !(w == "the" || COMPLEMENT.contains(&w)) {
                break;
            }
            k += 1;
        }
        if let Some(l) = last {
            end = match comma {
                // A comma not followed by `and` ends the name (`Ministry
                // of External Economic Relations, Yoon Jong-ho`).
                Some(c) if !and_after_comma && c < l => c,
                _ => l,
            };
            // Never end on a link word.
            while end > h + 1 && !name(end - 1) {
                end -= 1;
            }
        }
    }
    (first, end)
}

/// An organisation name found: sentence, span, phrase start, name,
/// country, sector, group kind.
type FoundOrg = (
    usize,
    Span,
    u32,
    String,
    Option<String>,
    &'static str,
    Option<&'static str>,
);

/// Finds organisation names built on a head noun in every sentence (run
/// before the lexicon's names are added).
pub(crate) fn org_names(b: &mut Builder<'_>, scans: &[SentScan], parsed: &[ParsedSentence]) {
    let text = &b.doc.text;
    let mut found: Vec<FoundOrg> = Vec::new();
    for scan in scans {
        let Some(p) = parsed.get(scan.idx) else {
            continue;
        };
        let ws = words(text, p);
        let person_or_title = |s: Span| {
            scan.matches.iter().any(|m| {
                overlaps(m.span, s)
                    && m.candidates.iter().any(|c| {
                        b.lex
                            .get(c.actor)
                            .is_some_and(|a| a.kind == ActorKind::Person)
                    })
            }) || scan
                .terms
                .iter()
                .any(|t| overlaps(t.span, s) && b.lex.term(t.term).is_some_and(|i| i.title))
        };
        for h in 0..ws.len() {
            let head = word(text, &ws, h);
            let Some(&(_, sector, group)) = ORG_HEADS.iter().find(|(w, _, _)| *w == head) else {
                continue;
            };
            let hs = ws[h].span;
            // Heads inside a lexicon name or a government-body term are
            // theirs (`UN Security Council`, `Ministry of Foreign Affairs`).
            let body_term = scan.terms.iter().any(|t| {
                overlaps(t.span, hs)
                    && b.lex.term(t.term).is_some_and(|i| {
                        matches!(
                            i.role_kind.as_deref(),
                            Some("government_body" | "legislature" | "embassy")
                        )
                    })
            });
            let named = scan
                .matches
                .iter()
                .any(|m| overlaps(m.span, hs) && m.kind != MatchKind::Partial);
            if body_term || named {
                continue;
            }
            let (first, end) = name_around(text, &ws, h, person_or_title);
            if end - first < 2
                || found
                    .iter()
                    .any(|f| f.1.start <= hs.start && hs.end <= f.1.end)
            {
                continue;
            }
            if (first..end).any(|i| EVENT_WORDS.contains(&word(text, &ws, i))) {
                continue;
            }
            let span = Span {
                start: ws[first].span.start,
                end: ws[end - 1].span.end,
            };
            // A unit of a known organisation is that organisation
            // (`the Department of International Organizations at the
            // Russian Foreign Ministry`).
            let after = gap(text, span.end, scan.span.end);
            let unit = ["at", "of", "within"].iter().any(|l| {
                let rest = after.trim_start();
                rest.strip_prefix(l)
                    .map(|r| r.trim_start().trim_start_matches("the ").trim_start())
                    .is_some_and(|r| {
                        let at = scan.span.end - r.len() as u32;
                        scan.matches.iter().any(|m| {
                            m.span.start == at
                                && m.candidates.iter().any(|c| {
                                    b.lex
                                        .get(c.actor)
                                        .is_some_and(|a| a.kind == ActorKind::Organization)
                                })
                        })
                    })
            });
            if unit {
                continue;
            }
            let (country, igo, start) = owner_of_name(b, scan, &ws, first, span);
            let media = (first..end).any(|i| matches!(word(text, &ws, i), "News" | "Press"));
            let sector = if igo && country.is_none() {
                "IGO"
            } else if media {
                "MED"
            } else {
                sector
            };
            let name = span.slice(text).to_string();
            found.push((scan.idx, span, start, name, country, sector, group));
        }
    }
    for (sentence, span, start, name, country, sector, group) in found {
        let id = format!("ctx:{}", slug(&name));
        let i = b.org_with_id(id, &name, country, Some(sector), group);
        let phrase = (start < span.start).then_some(Span {
            start,
            end: span.end,
        });
        b.mention(i, span, MentionKind::Name, sentence, phrase);
    }
}

/// Country, IGO flag and phrase start of a name from the lexicon names
/// inside it and a possessive state right before it.
fn owner_of_name(
    b: &Builder<'_>,
    scan: &SentScan,
    ws: &[Word],
    first: usize,
    span: Span,
) -> (Option<String>, bool, u32) {
    let text = &b.doc.text;
    let mut countries: Vec<String> = Vec::new();
    let mut igo = false;
    for m in scan
        .matches
        .iter()
        .filter(|m| span.start <= m.span.start && m.span.end <= span.end)
    {
        if m.is_ambiguous() {
            continue;
        }
        let Some(a) = m.candidates.first().and_then(|c| b.lex.get(c.actor)) else {
            continue;
        };
        if a.kind == ActorKind::Organization && a.sector.as_deref() == Some("IGO") {
            igo = true;
        } else if let Some(c) = &a.country {
            if !countries.contains(c) {
                countries.push(c.clone());
            }
        }
    }
    // `Russian-Korean`: a bilateral body.
    let first_word = word(text, ws, first);
    let bilateral = first_word
        .split('-')
        .filter(|p| p.chars().next().is_some_and(char::is_uppercase))
        .count()
        >= 2;
    let mut start = span.start;
    if first >= 2 && is_possessive(word(text, ws, first - 1)) {
        let before = ws[first - 2].span;
        let state = scan.matches.iter().find(|m| {
            m.span.end == before.end
                && !m.is_ambiguous()
                && m.candidates
                    .first()
                    .and_then(|c| b.lex.get(c.actor))
                    .is_some_and(|a| a.kind == ActorKind::State)
        });
        if let Some(m) = state {
            if let Some(c) = m
                .candidates
                .first()
                .and_then(|c| b.lex.get(c.actor)?.country.clone())
            {
                if !countries.contains(&c) {
                    countries.push(c);
                }
            }
            start = m.span.start;
        }
    }
    let country = match &countries[..] {
        [c] if !bilateral => Some(c.clone()),
        _ => None,
    };
    (country, igo, start)
}

/// The outlet named in the body (`Moscow, 17 January (TDI):`), when the
/// lexicon does not know it: a media organisation.
pub(crate) fn outlet(b: &mut Builder<'_>, scans: &[SentScan]) {
    let Some(name) = b.doc.meta.outlet.clone() else {
        return;
    };
    if name.len() < 2 || !name.chars().next().is_some_and(char::is_uppercase) {
        return;
    }
    let known = b
        .lex
        .scan(&name)
        .actors
        .iter()
        .any(|m| m.span.len() == name.len());
    if known {
        return;
    }
    let text = b.doc.text.clone();
    let mut i = None;
    for (at, _) in text.match_indices(name.as_str()) {
        let end = at + name.len();
        let bounded = !text[..at].chars().last().is_some_and(char::is_alphanumeric)
            && !text[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        let span = Span::new(at, end);
        let Some(scan) = scans.iter().find(|s| s.span.contains(span)) else {
            continue;
        };
        if !bounded || b.covered(span) {
            continue;
        }
        let id = format!("ctx:{}", slug(&name));
        let a = *i.get_or_insert_with(|| b.org_with_id(id, &name, None, Some("MED"), None));
        b.mention(a, span, MentionKind::Name, scan.idx, None);
    }
}
