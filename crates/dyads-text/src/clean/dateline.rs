//! Datelines and bylines: the place, date, agency and authors a story's
//! first lines state.
//!
//! A dateline opens the first paragraph: `Moscow, 17 January 2024 (EXA): `,
//! `MOSCOW (Reuters) - `, `SEOUL, Jan. 17 (Yonhap) -- `, `WASHINGTON (AP) — `.
//! A byline is a short line naming authors, often with a date:
//! `25.01.2024 Author: Jane Roe`, `By Jane Roe and John Doe | 17 Jan 2024`.

use crate::clean::lines::{fix_caps, is_prose, norm, person_name, words};
use crate::clean::pubdate;

/// What a dateline says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dateline {
    /// The place, with all-capital words written with an initial capital.
    pub place: String,
    /// The date as written, when it has a year.
    pub date: Option<String>,
    /// The agency or outlet in parentheses.
    pub agency: Option<String>,
    /// Byte offset in the paragraph just past the dateline's separator.
    pub end: usize,
}

/// Separators that end a dateline: colon and dashes.
const SEPARATORS: &[&str] = &[" -- ", " \u{2014} ", " \u{2013} ", " - ", "\u{2014}", ": "];

/// Reads a dateline at the start of a paragraph.
///
/// It needs some evidence besides a capitalised word before a separator: an
/// agency in parentheses, a date, or a place in capitals.
pub fn dateline(s: &str) -> Option<Dateline> {
    let window = floor_window(s, s.len().min(160));
    let (head, end, dashed) = head_and_end(window)?;
    let mut head = head.trim();
    let mut agency = None;
    if let Some(inner) = head.strip_suffix(')') {
        let open = inner.rfind('(')?;
        let name = inner.get(open + 1..)?.trim();
        let n = words(name).len();
        let capital = name.chars().next().is_some_and(char::is_uppercase);
        if !(1..=4).contains(&n) || !capital || name.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        agency = Some(name.to_string());
        head = inner.get(..open)?.trim();
    }
    let (place, rest) = match head.split_once(',') {
        Some((p, r)) => (p.trim(), r.trim()),
        None => (head, ""),
    };
    let place_words = words(place);
    if !(1..=4).contains(&place_words.len()) || !place_words.iter().all(|w| place_word(w)) {
        return None;
    }
    if pubdate::find_in(place).is_some() || is_calendar_word(place) {
        return None;
    }
    let caps = place.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !place.chars().any(char::is_lowercase);
    let mut date = None;
    let mut partial_date = false;
    if !rest.is_empty() {
        if let Some((_, a, b)) = pubdate::find_in(rest) {
            date = rest.get(a..b).map(str::to_string);
        } else if starts_with_month_day(rest) {
            partial_date = true;
        } else {
            // `KYIV, Ukraine (AP) —`: a region after the city.
            let region = words(rest);
            if region.len() > 3 || !region.iter().all(|w| place_word(w)) {
                return None;
            }
        }
    }
    // A place in capitals alone is evidence only before a dash, and only
    // when it is not a label (`UPDATE:`, `BREAKING \u{2014}`).
    let caps = caps && dashed && !is_label(place);
    if agency.is_none() && date.is_none() && !caps && !partial_date {
        return None;
    }
    let place = place_words
        .iter()
        .map(|w| fix_caps(w))
        .collect::<Vec<_>>()
        .join(" ");
    Some(Dateline {
        place,
        date,
        agency,
        end,
    })
}

/// The largest char boundary at or below `at`, as a prefix of `s`.
fn floor_window(s: &str, mut at: usize) -> &str {
    while at > 0 && !s.is_char_boundary(at) {
        at -= 1;
    }
    s.get(..at).unwrap_or("")
}

/// Words in capitals that open a paragraph but are no place.
fn is_label(place: &str) -> bool {
    let n = norm(place);
    [
        "update",
        "updated",
        "breaking",
        "breaking news",
        "exclusive",
        "analysis",
        "opinion",
        "editorial",
        "watch",
        "live",
        "news",
        "comment",
        "interview",
        "factbox",
        "explainer",
    ]
    .contains(&n.as_str())
}

/// The dateline head (before the separator), the offset after it, and
/// whether the separator is a dash.
fn head_and_end(window: &str) -> Option<(&str, usize, bool)> {
    if let Some(close) = window.find(')') {
        let after = window.get(close + 1..)?;
        let trimmed = after.trim_start();
        let gap = after.len() - trimmed.len();
        for sep in [":", "--", "\u{2014}", "\u{2013}", "-"] {
            if trimmed.starts_with(sep) {
                let rest = trimmed.get(sep.len()..)?;
                let end = close + 1 + gap + sep.len() + (rest.len() - rest.trim_start().len());
                return Some((window.get(..close + 1)?, end, sep != ":"));
            }
        }
    }
    let (at, sep) = SEPARATORS
        .iter()
        .filter_map(|sep| window.find(sep).map(|i| (i, *sep)))
        .min_by_key(|&(i, _)| i)?;
    let rest = window.get(at + sep.len()..)?;
    let end = at + sep.len() + (rest.len() - rest.trim_start().len());
    Some((window.get(..at)?, end, !sep.contains(':')))
}

/// A word of a place name: capitalised (or a particle), letters and `.'-`.
fn place_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    if matches!(
        lower.as_str(),
        "de" | "del" | "la" | "al" | "el" | "of" | "upon" | "on"
    ) {
        return true;
    }
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
        && !lower.ends_with("'s")
        && !lower.ends_with("\u{2019}s")
}

/// True for a month or weekday name: not a place.
fn is_calendar_word(s: &str) -> bool {
    let n = norm(s);
    let n = n.trim_end_matches('.');
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
    .contains(&n)
}

/// `Jan. 17`, `January 17`: a date without a year.
fn starts_with_month_day(s: &str) -> bool {
    let ws = words(s);
    match (ws.first(), ws.get(1)) {
        (Some(m), Some(d)) => {
            is_calendar_word(m)
                && d.trim_end_matches(|c: char| !c.is_ascii_digit())
                    .parse::<u32>()
                    .is_ok_and(|v| (1..=31).contains(&v))
        }
        _ => false,
    }
}

/// What a byline says: authors and the date as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Byline {
    /// Authors, in order.
    pub authors: Vec<String>,
    /// A date on the same line, as written.
    pub date: Option<String>,
    /// True when a marker (`By`, `Author:`) names the authors; false for a
    /// lone name beside a date, which only a header line may be.
    pub marked: bool,
}

/// Markers that introduce author names, lowercase.
const MARKERS: &[&str] = &[
    "authors:",
    "author:",
    "written by",
    "posted by",
    "reporting by",
    "words by",
    "text by",
    "story by",
    "by:",
    "by",
];

/// Reads a byline: a short line with an author marker (`By`, `Author:`)
/// followed by personal names, maybe with a date. Not for running text.
pub fn byline(s: &str) -> Option<Byline> {
    if words(s).len() > 24 || is_prose(s) {
        return None;
    }
    let found = pubdate::find_in(s);
    let (before, after, date) = match &found {
        Some((_, a, b)) => (
            s.get(..*a)?,
            s.get(*b..)?,
            s.get(*a..*b).map(str::to_string),
        ),
        None => (s, "", None),
    };
    for part in [before, after] {
        let names = names_after_marker(part);
        if !names.is_empty() {
            return Some(Byline {
                authors: names,
                date,
                marked: true,
            });
        }
    }
    // `Jane Roe, 17 January 2024`: a lone name beside a date.
    let other = if before.trim().is_empty() {
        after
    } else {
        before
    };
    let lone = [before, after].iter().any(|p| p.trim().is_empty());
    let name = person_name(other.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|_| lone && date.is_some())?;
    Some(Byline {
        authors: vec![name],
        date,
        marked: false,
    })
}

/// The names following the first author marker in a line.
fn names_after_marker(s: &str) -> Vec<String> {
    let lower = s.to_ascii_lowercase();
    let trimmed = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    let lead = lower.len() - trimmed.len();
    for m in MARKERS {
        let at = if *m == "by" || *m == "by:" {
            // `By` only opens a line (after punctuation).
            if trimmed.starts_with(m) {
                Some(lead)
            } else {
                None
            }
        } else {
            lower.find(m)
        };
        let Some(at) = at else { continue };
        let Some(rest) = s.get(at + m.len()..) else {
            continue;
        };
        if !rest.starts_with([' ', ':', '\u{a0}']) && !m.ends_with(':') {
            continue;
        }
        let rest = rest.trim_start_matches([' ', ':', '\u{a0}']);
        let names = split_names(rest);
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

/// `Jane Roe, John Doe and Ann Lee | Reuters` -> the three names.
fn split_names(s: &str) -> Vec<String> {
    let stop = s
        .find([
            '|', '\u{2022}', '\u{b7}', ';', '/', '(', '\u{2014}', '\u{2013}',
        ])
        .unwrap_or(s.len());
    let stop = s.find(" - ").map_or(stop, |i| i.min(stop));
    let s = s.get(..stop).unwrap_or("");
    let mut out = Vec::new();
    for piece in s.split(',') {
        for part in piece.split(" and ").flat_map(|p| p.split(" & ")) {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            match person_name(part) {
                Some(name) => out.push(name),
                None => return out,
            }
        }
    }
    out
}

/// Words a date line may hold besides the date (`Published: ... | 3 min read`).
const DATE_LINE_WORDS: &[&str] = &[
    "published",
    "publication",
    "posted",
    "updated",
    "update",
    "last",
    "modified",
    "edited",
    "first",
    "on",
    "date",
    "at",
    "am",
    "pm",
    "gmt",
    "utc",
    "min",
    "mins",
    "minute",
    "minutes",
    "read",
    "time",
    "created",
    "issued",
    "ago",
    "hour",
    "hours",
    "day",
    "days",
];

/// A line that is only a date (with labels): the date as written, and
/// whether it is an update time rather than the publication.
pub fn date_line(s: &str) -> Option<(String, bool)> {
    if words(s).len() > 14 || is_prose(s) {
        return None;
    }
    let (_, a, b) = pubdate::find_in(s)?;
    let date = s.get(a..b)?.to_string();
    let before = s.get(..a)?.to_lowercase();
    let after = s.get(b..)?.to_lowercase();
    // An update label counts only before the date it labels.
    let updated = ["updated", "update", "modified", "edited"]
        .iter()
        .any(|w| before.contains(w));
    let other = format!("{before} {after}")
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && !DATE_LINE_WORDS.contains(w))
        .count();
    (other <= 1).then_some((date, updated))
}

#[cfg(test)]
#[path = "dateline_tests.rs"]
mod tests;
