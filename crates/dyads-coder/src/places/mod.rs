//! Event location: where the events of a sentence happen.
//!
//! [`locate`] looks for a place of the built-in gazetteer
//! ([`dyads_lexicon::places::Gazetteer`]) named in the sentence in a
//! *locative* use:
//!
//! - the object of a locative preposition (`in`, `at`, `near`, `outside`,
//!   `inside`, `across`, `throughout`), told from the dependency parse (a
//!   `case` dependent of the place or of the noun the place modifies: `in
//!   Russia's Amur region`) or, when the parse attaches it elsewhere, from
//!   the words just before the name (a preposition, then only determiners
//!   and adjectives: `in northern Syria`);
//! - the goal of a visit or an arrival: `visit to X`, `trip to X`, `arrived
//!   in X`, `visited X`.
//!
//! Metonyms (`Moscow said`, `Pyongyang fired`) are actors, not places: a
//! subject or object (other than of `visit`) is never a location. When the
//! sentence names several places locatively the most specific one wins (a
//! city over a state: `in Moscow, Russia` is Moscow); an ambiguous city name
//! prefers a candidate in a country the sentence also names (`in Tripoli,
//! Lebanon`).
//!
//! Without a locative place, the dateline place (`Metadata::dateline_place`)
//! is the location of the article's main events: it is used for a sentence
//! unless the sentence names a place of another country (`Pyongyang fired`
//! in an article datelined Seoul gets no location).

use std::collections::HashMap;
use std::rc::Rc;

use serde::Serialize;

use dyads_lexicon::places::{Gazetteer, Place, PlaceKind, PlaceMatch};
use dyads_syntax::ParsedSentence;
use dyads_text::{Document, Span};

/// Where a location was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LocationSource {
    /// A place named locatively in the sentence.
    Sentence,
    /// The article's dateline.
    Dateline,
}

/// The location of a sentence's events.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Location {
    /// The place as written (in the sentence or the dateline).
    pub text: String,
    /// Its bytes in the document's clean text (`None` for a dateline, which
    /// the metadata holds).
    pub span: Option<Span>,
    /// The gazetteer's name for the place (`Kyiv` for `Kiev`).
    pub name: String,
    /// ISO alpha-3 code of the country.
    pub country: String,
    /// Latitude, WGS84 degrees (a state's is its capital's, see
    /// [`dyads_lexicon::places::Coords`]).
    pub lat: f64,
    /// Longitude, WGS84 degrees.
    pub lon: f64,
    /// True when the place is a whole state (country-level location).
    pub country_level: bool,
    /// Sentence or dateline.
    pub source: LocationSource,
}

/// Locative prepositions: their object is where something happens.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "throughout",
];

/// Heads whose `to` (or direct object, for `visit`) is a destination where
/// the event takes place.
const DESTINATION_HEADS: &[&str] = &[
    "visit", "trip", "travel", "journey", "tour", "arrive", "fly", "come", "return",
];

/// The location of the events of sentence `sentence_index` of `doc`, whose
/// parse is `parsed` (see the module docs). `None` when neither the sentence
/// nor the dateline names a place the gazetteer knows (or the gazetteer
/// failed to load, which its own tests rule out).
pub fn locate(doc: &Document, sentence_index: usize, parsed: &ParsedSentence) -> Option<Location> {
    locate_event(doc, sentence_index, parsed, None)
}

/// The location of the event headed by token `head` of sentence
/// `sentence_index`: as [`locate`], but a place in the sentence counts only
/// when it belongs to the event's clause: the first verb above the place
/// (or the event's own head) is the event's head or governs it. A place
/// named for another part of the sentence (`said ... after a flag was
/// burned outside the embassy in Oslo`) does not locate the statement.
/// With `head` `None`, any locative place of the sentence counts.
pub fn locate_event(
    doc: &Document,
    sentence_index: usize,
    parsed: &ParsedSentence,
    head: Option<usize>,
) -> Option<Location> {
    let gaz = Gazetteer::builtin().ok()?;
    let span = doc
        .sentences
        .get(sentence_index)
        .map_or(parsed.span, |s| s.span);
    let base = span.start as usize;
    let text = doc.text.get(span.range())?;
    let matches = find_places(gaz, text);
    let named: Vec<&str> = matches
        .iter()
        .filter_map(|m| m.candidates.first().and_then(|&i| gaz.get(i)))
        .map(|p| p.country.as_str())
        .collect();
    let mut best: Option<(usize, &Place, Span)> = None;
    for m in matches.iter() {
        let at = Span::new(base + m.start, base + m.end);
        if !is_locative(parsed, at)
            || in_longer_name(text, m.start)
            || head.is_some_and(|h| !in_clause_of(parsed, at, h))
        {
            continue;
        }
        let Some(place) = choose(gaz, m, &named) else {
            continue;
        };
        let rank = usize::from(place.kind == PlaceKind::State);
        if best.as_ref().is_none_or(|(r, _, _)| rank < *r) {
            best = Some((rank, place, at));
        }
    }
    if let Some((_, place, at)) = best {
        return Some(location(
            place,
            doc.slice(at).to_string(),
            Some(at),
            LocationSource::Sentence,
        ));
    }
    let dateline = doc.meta.dateline_place.as_deref()?;
    let place = dateline_place(gaz, dateline)?;
    // A place in another country bars the dateline, unless it belongs to
    // another clause than the event's.
    let named_here: Vec<&str> = matches
        .iter()
        .filter(|m| {
            head.is_none_or(|h| in_clause_of(parsed, Span::new(base + m.start, base + m.end), h))
        })
        .filter_map(|m| m.candidates.first().and_then(|&i| gaz.get(i)))
        .map(|p| p.country.as_str())
        .collect();
    if named_here.iter().any(|c| *c != place.country) {
        return None;
    }
    Some(location(
        place,
        dateline.to_string(),
        None,
        LocationSource::Dateline,
    ))
}

fn location(place: &Place, text: String, span: Option<Span>, source: LocationSource) -> Location {
    Location {
        text,
        span,
        name: place.name.clone(),
        country: place.country.clone(),
        lat: place.lat,
        lon: place.lon,
        country_level: place.kind == PlaceKind::State,
        source,
    }
}

/// The place a dateline names: the whole dateline, else its first part
/// before a comma (`Washington, D.C.`, `Gaza City, Gaza Strip`).
fn dateline_place<'g>(gaz: &'g Gazetteer, dateline: &str) -> Option<&'g Place> {
    gaz.best(dateline).or_else(|| {
        let first = dateline.split(',').next()?;
        gaz.best(first)
    })
}

/// The candidate of `m` to keep: the first in a country the sentence names
/// elsewhere, else the best.
fn choose<'g>(gaz: &'g Gazetteer, m: &PlaceMatch, named: &[&str]) -> Option<&'g Place> {
    let places: Vec<&Place> = m.candidates.iter().filter_map(|&i| gaz.get(i)).collect();
    let first = places.first()?;
    let others: Vec<&str> = named
        .iter()
        .copied()
        .filter(|c| *c != first.country)
        .collect();
    places
        .iter()
        .find(|p| p.kind != PlaceKind::State && others.contains(&p.country.as_str()))
        .or(Some(first))
        .copied()
}

/// Whether the name starting at byte `start` of `text` continues a
/// longer capitalised name (`New York`, whose `York` is an English city):
/// the word before it is capitalised, not the sentence's first word, and
/// no article (`The Hague` is matched whole).
fn in_longer_name(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    let Some(prev) = before.strip_suffix(' ') else {
        return false;
    };
    let word_start = prev.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
    let word = &prev[word_start..];
    word_start > 0
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(char::is_alphabetic)
        && !matches!(word, "The" | "In" | "At" | "Near" | "From" | "To")
}

/// Whether the place at `at` belongs to the clause of the event headed by
/// token `head`: climbing from the place's head word, the first clause
/// head (a verb, a nominal predicate, a clausal dependent; or `head`
/// itself) is `head` or one of its governors.
fn in_clause_of(parsed: &ParsedSentence, at: Span, head: usize) -> bool {
    let toks = &parsed.tokens;
    let Some(mut t) = (0..toks.len()).find(|&i| at.contains(toks[i].span)) else {
        return true;
    };
    let dominates = |a: usize, b: usize| {
        let mut x = b;
        for _ in 0..12 {
            match toks.get(x).and_then(|t| t.head) {
                Some(p) if p == a => return true,
                Some(p) => x = p,
                None => return false,
            }
        }
        false
    };
    for _ in 0..12 {
        let Some(p) = toks.get(t).and_then(|x| x.head) else {
            return true;
        };
        if p == head {
            return true;
        }
        let clause = matches!(toks[p].upos, "VERB" | "AUX")
            || matches!(
                toks[p].deprel.split(':').next().unwrap_or(""),
                "ccomp" | "advcl" | "acl" | "xcomp" | "parataxis" | "csubj"
            )
            || toks.iter().any(|x| x.head == Some(p) && x.deprel == "cop");
        if clause {
            return dominates(p, head);
        }
        t = p;
    }
    true
}

/// True when the place at `at` is used locatively in `parsed`.
fn is_locative(parsed: &ParsedSentence, at: Span) -> bool {
    let toks = &parsed.tokens;
    let inside: Vec<usize> = (0..toks.len())
        .filter(|&i| at.contains(toks[i].span) || toks[i].span.contains(at))
        .collect();
    let Some(&first) = inside.first() else {
        return false;
    };
    // The head of the name: a token whose head lies outside the name.
    let head = inside
        .iter()
        .copied()
        .find(|&i| toks[i].head.is_none_or(|h| !inside.contains(&h)))
        .unwrap_or(first);
    if by_parse(parsed, head) {
        return true;
    }
    by_words(parsed, first)
}

fn lemma(parsed: &ParsedSentence, i: usize) -> String {
    parsed
        .tokens
        .get(i)
        .map(|t| t.lemma.to_lowercase())
        .unwrap_or_default()
}

/// The dependency test: a locative `case` on the place or on the noun it
/// modifies (`Russia's Amur region`), or a destination.
fn by_parse(parsed: &ParsedSentence, head: usize) -> bool {
    let toks = &parsed.tokens;
    let mut node = head;
    // Climb through possessives, compounds and appositions (`Moscow,
    // Russia`, `Russia's Amur region`) to the noun that takes the case.
    for _ in 0..3 {
        let Some(t) = toks.get(node) else {
            return false;
        };
        let up = matches!(
            t.deprel,
            "nmod:poss" | "compound" | "appos" | "conj" | "flat"
        );
        match t.head {
            Some(h) if up => node = h,
            _ => break,
        }
    }
    let Some(t) = toks.get(node) else {
        return false;
    };
    let case = parsed
        .children(node)
        .find(|&c| toks[c].deprel == "case")
        .map(|c| lemma(parsed, c));
    let governor = t.head.map(|h| lemma(parsed, h)).unwrap_or_default();
    match case.as_deref() {
        Some(c) if LOCATIVE.contains(&c) => {
            matches!(
                t.deprel,
                "obl" | "nmod" | "obl:tmod" | "advcl" | "root" | "conj"
            )
        }
        Some("to") => DESTINATION_HEADS.contains(&governor.as_str()),
        None => t.deprel == "obj" && matches!(governor.as_str(), "visit" | "tour"),
        _ => false,
    }
}

/// The word test: a locative preposition (or `visit to`) just before the
/// name, with only determiners, adjectives and compass words between.
fn by_words(parsed: &ParsedSentence, first: usize) -> bool {
    let toks = &parsed.tokens;
    let mut i = first;
    while i > 0 {
        i -= 1;
        let t = &toks[i];
        if matches!(t.upos, "DET" | "ADJ") {
            continue;
        }
        let l = lemma(parsed, i);
        if LOCATIVE.contains(&l.as_str()) {
            return true;
        }
        if l == "to" && i > 0 {
            return DESTINATION_HEADS.contains(&lemma(parsed, i - 1).as_str());
        }
        return false;
    }
    false
}

#[cfg(test)]
mod tests;

/// How many texts [`find_places`] remembers per thread.
const FOUND_CAPACITY: usize = 512;

/// Gazetteer matches by gazetteer (a `'static` one: its address is never
/// reused) and text.
type Found = HashMap<(usize, String), Rc<[PlaceMatch]>>;

thread_local! {
    /// The gazetteer's matches of the texts last searched on this thread.
    static FOUND: std::cell::RefCell<Found> = std::cell::RefCell::new(HashMap::new());
}

/// [`Gazetteer::find_all`] of `text`, remembered for the last few hundred
/// texts searched on this thread: a sentence is searched once for its
/// cities (`actors::places::cities`) and again for each of its events'
/// locations, and the answer depends on the text alone.
pub(crate) fn find_places(gaz: &'static Gazetteer, text: &str) -> Rc<[PlaceMatch]> {
    let key = (gaz as *const Gazetteer as usize, text.to_string());
    dyads_lexicon::memo::remember(&FOUND, key, FOUND_CAPACITY, || gaz.find_all(text).into())
}
