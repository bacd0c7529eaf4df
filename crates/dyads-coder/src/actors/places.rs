//! Places that are not capitals:
//!
//! - **names built on a place noun** (before the lexicon's names are
//!   added): `the Vostochny Cosmodrome`, `Zaryadye Park`, `the Tomb of the
//!   Unknown Soldier`, `the Korean Peninsula` (`peninsula` and the other
//!   sea and island nouns may be lowercase: `the Korean peninsula`), and
//!   regions (`Northeast Asia`, `the Middle East`). The country is that of
//!   a state named inside a facility's name, of an apposition (`the
//!   Vostochny Space Launch Centre, a Russian spaceport`) or of what it is
//!   `in` or `near` (`the Tomb of the Unknown Soldier near the Kremlin
//!   Wall`); seas, islands and regions get a country only from context
//!   after them; else none;
//! - **cities of the gazetteer** ([`Gazetteer`]) named anywhere, not part
//!   of a person's name: `Perm`, `St. Petersburg`. Of several cities of a
//!   name, one in a country the document names wins.

use dyads_lexicon::places::{Gazetteer, PlaceKind};
use dyads_lexicon::{ActorKind, MatchKind};
use dyads_syntax::ParsedSentence;
use dyads_text::Span;

use super::build::Builder;
use super::orgs::name_around;
use super::scan::{gap, is_name_word, is_stop_word, words, SentScan, Word};
use super::MentionKind;

/// Nouns that make a name a facility or a landmark.
const FACILITIES: &[&str] = &[
    "Cosmodrome",
    "Spaceport",
    "Park",
    "Square",
    "Street",
    "Avenue",
    "Boulevard",
    "Prospekt",
    "Tomb",
    "Memorial",
    "Monument",
    "Mausoleum",
    "Cemetery",
    "Canal",
    "Dam",
    "Bridge",
    "Airport",
    "Airbase",
    "Harbour",
    "Harbor",
    "Palace",
    "Cathedral",
    "Mosque",
    "Temple",
    "Stadium",
    "Arena",
    "Station",
];

/// Nouns that make a name a natural feature or an area.
const FEATURES: &[&str] = &[
    "Peninsula",
    "Island",
    "Islands",
    "Isles",
    "Sea",
    "Ocean",
    "Gulf",
    "Bay",
    "Strait",
    "Straits",
    "River",
    "Lake",
    "Mountains",
    "Valley",
    "Desert",
    "Region",
    "Province",
    "Oblast",
    "Krai",
    "Prefecture",
    "Zone",
];

/// Continents, named as regions with a compass word before
/// (`Northeast Asia`, `Central Europe`).
const CONTINENTS: &[&str] = &["Asia", "Europe", "Africa", "America", "Americas"];

const COMPASS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "North-East",
    "North-West",
    "South-East",
    "South-West",
    "Central",
    "Eastern",
    "Western",
    "Northern",
    "Southern",
];

/// Regions written as one name.
const REGIONS: &[&str] = &["Middle East", "Near East"];

/// A place name found: sentence, span, name, country, apposition, and
/// whether it is a facility.
type Found = (usize, Span, String, Option<String>, Option<Span>, bool);

fn word<'t>(text: &'t str, ws: &[Word], i: usize) -> &'t str {
    ws.get(i).map(|w| w.span.slice(text)).unwrap_or("")
}

/// Finds places built on a place noun and regions in every sentence (run
/// before the lexicon's names are added).
pub(crate) fn place_names(b: &mut Builder<'_>, scans: &[SentScan], parsed: &[ParsedSentence]) {
    let text = &b.doc.text;
    let mut found: Vec<Found> = Vec::new();
    for scan in scans {
        let Some(p) = parsed.get(scan.idx) else {
            continue;
        };
        let ws = words(text, p);
        let person = |s: Span| {
            scan.matches.iter().any(|m| {
                m.span.start < s.end
                    && s.start < m.span.end
                    && m.candidates.iter().any(|c| {
                        b.lex
                            .get(c.actor)
                            .is_some_and(|a| a.kind != ActorKind::State)
                    })
            })
        };
        for h in 0..ws.len() {
            let w = word(text, &ws, h);
            let cap = |list: &[&str]| list.contains(&w);
            let lower_feature = matches!(
                w,
                "peninsula" | "sea" | "ocean" | "island" | "islands" | "strait" | "gulf"
            );
            let continent = cap(CONTINENTS) && h > 0 && COMPASS.contains(&word(text, &ws, h - 1));
            let region = REGIONS.iter().find(|r| {
                let n = r.split(' ').count();
                h + 1 >= n
                    && Span {
                        start: ws[h + 1 - n].span.start,
                        end: ws[h].span.end,
                    }
                    .slice(text)
                        == **r
            });
            let facility = cap(FACILITIES)
                || (matches!(w, "Centre" | "Center")
                    && h > 0
                    && matches!(word(text, &ws, h - 1), "Space" | "Launch"));
            let feature = cap(FEATURES) || lower_feature;
            if !(facility || feature || continent || region.is_some()) {
                continue;
            }
            let hs = ws[h].span;
            // A family name alone (`Park`) does not hide a place noun.
            let named = scan.matches.iter().any(|m| {
                m.span.start < hs.end && hs.start < m.span.end && m.kind != MatchKind::Partial
            });
            if named {
                continue;
            }
            let (first, end) = if continent {
                (h - 1, h + 1)
            } else if let Some(r) = region {
                (h + 1 - r.split(' ').count(), h + 1)
            } else {
                name_around(text, &ws, h, person)
            };
            // A place noun alone is no name (`the Park`); a lowercase one
            // needs a name before it (`the Korean peninsula`).
            if end - first < 2 || (lower_feature && first == h) {
                continue;
            }
            let span = Span {
                start: ws[first].span.start,
                end: ws[end - 1].span.end,
            };
            if b.covered(span)
                || found
                    .iter()
                    .any(|f| f.1.start < span.end && span.start < f.1.end)
            {
                continue;
            }
            let inner = if facility {
                inner_country(b, scan, span)
            } else {
                None
            };
            let (context, apposition) = context_country(b, scan, span);
            let country = inner.or(context);
            let name = span.slice(text).to_string();
            found.push((scan.idx, span, name, country, apposition, facility));
        }
    }
    for (sentence, span, name, country, apposition, facility) in found {
        let canonical = canonical_place(&name);
        let i = b.inferred_place(&canonical, country.as_deref());
        if facility {
            b.info[i].group = Some("facility");
        }
        b.mention(i, span, MentionKind::Name, sentence, None);
        if let Some(a) = apposition {
            b.add_form(i, a);
        }
    }
}

/// `Korean peninsula` and `Korean Peninsula` are one place.
fn canonical_place(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (k, w) in name.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let lower = [
            "peninsula",
            "sea",
            "ocean",
            "island",
            "islands",
            "strait",
            "gulf",
        ];
        if lower.contains(&w) {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
        } else {
            out.push_str(w);
        }
    }
    out
}

/// The one state named inside a name (`the Russian Space Centre`).
fn inner_country(b: &Builder<'_>, scan: &SentScan, span: Span) -> Option<String> {
    let mut found: Option<String> = None;
    for m in scan
        .matches
        .iter()
        .filter(|m| span.start <= m.span.start && m.span.end <= span.end && !m.is_ambiguous())
    {
        let a = b.lex.get(m.candidates.first()?.actor)?;
        if a.kind != ActorKind::State {
            continue;
        }
        match (&found, &a.country) {
            (None, Some(c)) => found = Some(c.clone()),
            (Some(f), Some(c)) if f != c => return None,
            _ => {}
        }
    }
    found
}

/// The country of an apposition (`, a Russian spaceport`), with the
/// apposition's span when it is short, or of what the place is in or near
/// (`near the Kremlin Wall`, `in Moscow`).
fn context_country(b: &Builder<'_>, scan: &SentScan, span: Span) -> (Option<String>, Option<Span>) {
    let text = &b.doc.text;
    let after = gap(text, span.end, scan.span.end);
    let leads = [
        ", a ",
        ", an ",
        ", the ",
        " in ",
        " near ",
        " in the ",
        " near the ",
    ];
    let Some((lead, rest)) = leads
        .iter()
        .filter_map(|lead| after.strip_prefix(lead).map(|r| (*lead, r)))
        .min_by_key(|(_, r)| r.len())
    else {
        return (None, None);
    };
    let at = scan.span.end - rest.len() as u32;
    let Some(m) = scan
        .matches
        .iter()
        .find(|m| m.span.start == at && !m.is_ambiguous())
    else {
        return (None, None);
    };
    let country = m
        .candidates
        .first()
        .and_then(|c| b.lex.get(c.actor))
        .and_then(|a| a.country.clone());
    let mut apposition = None;
    if lead.starts_with(',') {
        let end = rest
            .find([',', '.', ';', ':', '(', ')'])
            .unwrap_or(rest.len());
        let np = rest[..end].trim_end();
        if np.split_whitespace().count() <= 3 {
            let start = span.end + 2;
            apposition = Some(Span {
                start,
                end: at + np.len() as u32,
            });
        }
    }
    (country, apposition)
}

/// Cities of the gazetteer that no other mention covers (run after the
/// lexicon's names).
pub(crate) fn cities(b: &mut Builder<'_>, scans: &[SentScan], parsed: &[ParsedSentence]) {
    let Ok(gaz) = Gazetteer::builtin() else {
        return;
    };
    // How often the document names each state.
    let mut doc_countries: std::collections::HashMap<String, usize> = Default::default();
    for m in &b.out.mentions {
        let a = &b.out.actors[m.actor];
        if let (true, Some(c)) = (a.kind == "state", &a.country) {
            *doc_countries.entry(c.clone()).or_default() += 1;
        }
    }
    let text = b.doc.text.clone();
    for scan in scans {
        let base = scan.span.start as usize;
        let sentence = &text[base..scan.span.end as usize];
        let p = parsed.get(scan.idx);
        for pm in crate::places::find_places(gaz, sentence).iter() {
            let span = Span::new(base + pm.start, base + pm.end);
            let ambiguous = b.out.ambiguous.iter().any(|a| a.span == span);
            if b.covered(span) || ambiguous || in_person_name(&text, scan, p, span) {
                continue;
            }
            // States and capitals are the lexicon's (`Brussels` may be the
            // EU).
            let places: Vec<_> = pm.candidates.iter().filter_map(|&i| gaz.get(i)).collect();
            if places.iter().any(|c| c.kind != PlaceKind::City) {
                continue;
            }
            // The city in the state the document names most, else the
            // gazetteer's first.
            let mut best: Option<(usize, &dyads_lexicon::places::Place)> = None;
            for &c in &places {
                let n = doc_countries.get(&c.country).copied().unwrap_or(0);
                if n > 0 && best.is_none_or(|(m, _)| n > m) {
                    best = Some((n, c));
                }
            }
            let Some(place) = best.map(|(_, c)| c).or_else(|| places.first().copied()) else {
                continue;
            };
            let name = span.slice(&text).to_string();
            let i = b.place(&name, Some(&place.country));
            b.mention(i, span, MentionKind::Name, scan.idx, None);
        }
    }
}

/// True when a city name is part of a person's name: inside a `PER` entity,
/// or right after a capitalised name word (`Andrew Jackson`).
fn in_person_name(text: &str, scan: &SentScan, p: Option<&ParsedSentence>, span: Span) -> bool {
    let per = p.is_some_and(|p| {
        p.entities
            .iter()
            .any(|e| e.label == "PER" && e.span.start <= span.start && span.end <= e.span.end)
    });
    let before = gap(text, scan.span.start, span.start);
    let prev = before
        .strip_suffix(' ')
        .and_then(|x| x.split_whitespace().last())
        .filter(|_| before.split_whitespace().count() > 1);
    // A roman numeral before is an edition (`the IX St. Petersburg Forum`).
    let numeral = |w: &str| w.chars().all(|c| "IVXLC".contains(c));
    per || prev
        .is_some_and(|w| is_name_word(w) && !is_stop_word(w) && !w.ends_with('.') && !numeral(w))
}

/// A facility of unknown country (`Zaryadye Park`) named at most two
/// sentences after a place of known country (`the Tomb of the Unknown
/// Soldier near the Kremlin Wall`, `in Moscow`): that country.
pub(crate) fn locate_facilities(b: &mut Builder<'_>) {
    let mut fills = Vec::new();
    for (k, m) in b.out.mentions.iter().enumerate() {
        let a = &b.out.actors[m.actor];
        if a.country.is_some() || b.info[m.actor].group != Some("facility") {
            continue;
        }
        let near = b.out.mentions[..k]
            .iter()
            .rev()
            .take_while(|o| o.sentence + 2 >= m.sentence)
            .find_map(|o| {
                let x = &b.out.actors[o.actor];
                (x.kind == "place").then(|| x.country.clone()).flatten()
            });
        if let Some(c) = near {
            fills.push((m.actor, c));
        }
    }
    for (i, c) in fills {
        b.set_country(i, &c);
    }
}
