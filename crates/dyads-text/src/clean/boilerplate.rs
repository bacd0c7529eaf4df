//! Telling the article's body from the page around it.
//!
//! A pasted page has three parts. The *header* runs up to the first line of
//! running text: breadcrumbs, rubrics, the headline, a repeated part of it,
//! bylines and date lines; it is read for metadata and dropped. The *body*
//! runs from there to the *footer*, which opens with the author's bio or a
//! line such as `Related articles:` and is dropped whole. Inside the body,
//! captions (an HTML caption, or a line repeated twice in a row), teasers
//! (`Also Read: ...`), widgets (`Follow us`) and stray bylines are dropped,
//! and a dateline opening the first paragraph is read. Subheadings between
//! paragraphs stay. The rules look only at the shape of lines and at words
//! any site uses for its furniture; they know no outlet.

use crate::article::{ContentKind, Hints};
use crate::blocks::{Block, BlockKind, PageMeta};
use crate::clean::dateline::{byline, date_line, dateline};
use crate::clean::lines::{
    ends_sentence, has_bio_words, is_all_caps, is_breadcrumb, is_footer_start, is_prose, is_teaser,
    is_title_like, is_widget, named_outlet, norm, person_name, strip_name, words,
};
use crate::clean::metadata::detect_language;

/// What the boilerplate pass found: the indices of body blocks and the
/// metadata candidates it read from the header and footer blocks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Indices (into the input blocks) of the blocks that form the body, in order.
    pub body: Vec<usize>,
    /// The title, when a block is the headline.
    pub title: Option<String>,
    /// A publication date as written in the text (`25.01.2024`, a dateline date).
    pub published_text: Option<String>,
    /// Authors named by a byline or author bio.
    pub authors: Vec<String>,
    /// The outlet, when the text names it.
    pub outlet: Option<String>,
    /// The dateline's place.
    pub dateline_place: Option<String>,
    /// The body's language, when a cheap test can tell it.
    pub language: Option<String>,
}

/// Dates met on the way, by where they were written.
#[derive(Default)]
struct Dates {
    header: Option<String>,
    dateline: Option<String>,
    footer: Option<String>,
}

/// Splits blocks into body and boilerplate and reads header metadata.
pub fn analyse(blocks: &[Block], page: &PageMeta, hints: &Hints, kind: ContentKind) -> Analysis {
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    let mut a = Analysis::default();
    let mut dates = Dates::default();
    let known: Vec<String> = [&hints.title, &page.title]
        .into_iter()
        .flatten()
        .map(|t| norm(t))
        .collect();
    let start = body_start(blocks);
    read_header(blocks, start, &known, kind, &mut a, &mut dates);

    let mut end = (start + 1..blocks.len())
        .find(|&i| is_footer_start(texts[i]))
        .unwrap_or(blocks.len());
    let about = texts
        .get(end)
        .is_some_and(|t| norm(t).starts_with("about the author"));
    let bio = find_bio(&texts, start, end, &a.authors).or_else(|| {
        // `About the author` opens the footer: the bio follows it.
        let next = end + 1;
        let t = texts.get(next).filter(|_| about)?;
        bio_lead(t, &a.authors).map(|name| Bio {
            at: end,
            name,
            outlet: named_outlet(t),
        })
    });
    if let Some(bio) = bio {
        end = end.min(bio.at);
        add_author(&mut a.authors, bio.name);
        a.outlet = bio.outlet;
    }
    for t in texts.iter().skip(end) {
        if a.outlet.is_none() {
            a.outlet = named_outlet(t);
        }
        if dates.footer.is_none() {
            dates.footer = date_line(t).filter(|(_, updated)| !updated).map(|(d, _)| d);
        }
    }

    let title = a.title.as_deref().map(norm);
    let (body, body_date) =
        body_blocks(blocks, start, end, title.as_deref(), &known, &mut a.authors);
    a.body = body;
    dates.footer = dates.footer.or(body_date);
    if let Some(first) = a.body.first().and_then(|&i| texts.get(i)) {
        if let Some(d) = dateline(first) {
            a.dateline_place = Some(d.place);
            dates.dateline = d.date;
            if a.outlet.is_none() {
                a.outlet = d.agency;
            }
        }
    }
    if a.body.is_empty() {
        a.body = fallback_body(blocks, title.as_deref());
    }
    a.published_text = dates.header.or(dates.dateline).or(dates.footer);
    let body_text: Vec<&str> = a
        .body
        .iter()
        .filter_map(|&i| texts.get(i).copied())
        .collect();
    a.language = detect_language(&body_text.join("\n"));
    a
}

/// The first block of running text: a long sentence, or a shorter one that
/// does not look like a headline. Bylines, teasers and widgets never start it.
fn body_start(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .position(|b| {
            let t = b.text.as_str();
            let text_kind = !matches!(b.kind, BlockKind::Caption | BlockKind::Heading(_));
            let sentence =
                is_prose(t) || (words(t).len() >= 4 && ends_sentence(t) && !is_title_like(t));
            text_kind
                && sentence
                && !is_teaser(t)
                && !is_widget(t)
                && byline(t).is_none()
                && date_line(t).is_none()
        })
        .unwrap_or(blocks.len())
}

/// Reads the header blocks `..start`: breadcrumbs, bylines, dates, the title.
fn read_header(
    blocks: &[Block],
    start: usize,
    known: &[String],
    kind: ContentKind,
    a: &mut Analysis,
    dates: &mut Dates,
) {
    let header = blocks.get(..start).unwrap_or(&[]);
    let has_h1 =
        kind == ContentKind::Html && header.iter().any(|b| b.kind == BlockKind::Heading(1));
    let mut rubric = None;
    for (i, b) in header.iter().enumerate() {
        let t = b.text.as_str();
        if b.kind == BlockKind::Caption || is_breadcrumb(t) || glued_to_later(header, i, known) {
            continue;
        }
        if let Some(line) = byline(t) {
            for name in line.authors {
                add_author(&mut a.authors, name);
            }
            if dates.header.is_none() {
                dates.header = line.date;
            }
            continue;
        }
        if let Some((date, updated)) = date_line(t) {
            if !updated && dates.header.is_none() {
                dates.header = Some(date);
            }
            continue;
        }
        if a.title.is_some() || is_widget(t) || is_teaser(t) {
            continue;
        }
        let candidate = if has_h1 {
            b.kind == BlockKind::Heading(1)
        } else {
            is_title_like(t) || known.contains(&norm(t))
        };
        if candidate && is_all_caps(t) && !known.contains(&norm(t)) {
            // A rubric in capitals: the headline proper usually follows.
            rubric.get_or_insert_with(|| t.to_string());
        } else if candidate {
            a.title = Some(t.to_string());
        }
    }
    if a.title.is_none() {
        a.title = rubric;
    }
}

/// True when a header line is nav words glued (no space) to a later header
/// line or to the known title (`HomeNewsWorld<Headline>`).
fn glued_to_later(header: &[Block], i: usize, known: &[String]) -> bool {
    let Some(line) = header.get(i).map(|b| norm(&b.text)) else {
        return false;
    };
    let later = header.iter().skip(i + 1).map(|b| norm(&b.text));
    later.chain(known.iter().cloned()).any(|other| {
        let glued = line
            .len()
            .checked_sub(other.len())
            .and_then(|cut| line.get(..cut))
            .is_some_and(|head| !head.is_empty() && !head.ends_with(' '));
        words(&other).len() >= 3 && glued && line.ends_with(&other)
    })
}

/// An author bio found at the end of the body.
struct Bio {
    /// Index of its first block.
    at: usize,
    /// The author it names.
    name: String,
    /// The outlet it names (`exclusively for “X”`).
    outlet: Option<String>,
}

/// Finds the author bio: a name line (repeated, or followed by a paragraph
/// opening with that name) or a paragraph opening with a name and
/// credentials, with no running text after it.
fn find_bio(texts: &[&str], start: usize, end: usize, authors: &[String]) -> Option<Bio> {
    let prose_after =
        |k: usize| (k + 1..end).any(|j| texts.get(j).is_some_and(|t| is_prose(t) && !is_teaser(t)));
    for i in start + 1..end {
        let t = texts.get(i)?;
        if let Some(name) = person_name(t) {
            let dup = texts.get(i + 1).is_some_and(|n| norm(n) == norm(t));
            let j = if dup { i + 2 } else { i + 1 };
            let para = texts
                .get(j)
                .filter(|p| j < end && bio_lead(p, std::slice::from_ref(&name)).is_some());
            let known = authors
                .iter()
                .any(|a| a.to_lowercase() == name.to_lowercase());
            let last = if para.is_some() { j } else { i };
            if (dup || para.is_some() || known) && !prose_after(last) {
                return Some(Bio {
                    at: i,
                    name,
                    outlet: para.and_then(|p| named_outlet(p)),
                });
            }
        }
        if is_prose(t) && !prose_after(i) {
            if let Some(name) = bio_lead(t, authors) {
                return Some(Bio {
                    at: i,
                    name,
                    outlet: named_outlet(t),
                });
            }
        }
    }
    None
}

/// The author a bio paragraph opens with: a known author followed by a
/// comma or `is`, or any personal name followed by credentials.
fn bio_lead(t: &str, authors: &[String]) -> Option<String> {
    let n = norm(t);
    if [" said", " says", " told ", "according to"]
        .iter()
        .any(|w| n.contains(w))
    {
        return None;
    }
    for a in authors {
        if let Some(rest) = strip_name(t, a) {
            let rest = rest.to_lowercase();
            let verb = [" is ", " was ", " has ", " holds ", " works "]
                .iter()
                .any(|v| rest.starts_with(v));
            if rest.starts_with(',') || verb || has_bio_words(t) {
                return Some(a.clone());
            }
        }
    }
    let head_end = [",", " is ", " was "]
        .iter()
        .filter_map(|m| t.find(m))
        .min()
        .filter(|&i| i <= 60)?;
    let name = person_name(t.get(..head_end)?)?;
    has_bio_words(t).then_some(name)
}

/// The body blocks of `start..end`, without captions, teasers, widgets,
/// repeated titles, bylines (whose authors are added), date lines (the first
/// publication date among them is returned) and trailing furniture.
fn body_blocks(
    blocks: &[Block],
    start: usize,
    end: usize,
    title: Option<&str>,
    known: &[String],
    authors: &mut Vec<String>,
) -> (Vec<usize>, Option<String>) {
    let mut body = Vec::new();
    let mut date = None;
    let mut i = start;
    while i < end {
        let Some(b) = blocks.get(i) else { break };
        let t = b.text.as_str();
        let n = norm(t);
        i += 1;
        if t.is_empty() || b.kind == BlockKind::Caption || is_teaser(t) || is_widget(t) {
            continue;
        }
        if title == Some(n.as_str()) || known.contains(&n) || is_breadcrumb(t) {
            continue;
        }
        if let Some(next) = blocks.get(i).filter(|_| i < end) {
            if norm(&next.text) == n {
                // The same line twice: a caption and its alt text. Prose
                // repeated is kept once.
                if is_prose(t) {
                    continue;
                }
                i += 1;
                continue;
            }
        }
        if !ends_sentence(t) || words(t).len() <= 12 {
            if let Some(line) = byline(t).filter(|b| b.marked) {
                for name in line.authors {
                    add_author(authors, name);
                }
                continue;
            }
            if let Some((d, updated)) = date_line(t) {
                if !updated && date.is_none() {
                    date = Some(d);
                }
                continue;
            }
        }
        body.push(i - 1);
    }
    while let Some(&last) = body.last() {
        let t = blocks.get(last).map_or("", |b| b.text.as_str());
        if is_prose(t) || ends_sentence(t) || words(t).len() > 12 {
            break;
        }
        body.pop();
    }
    (body, date)
}

/// When no block reads as running text: every block that is not furniture,
/// without the title when something else is left.
fn fallback_body(blocks: &[Block], title: Option<&str>) -> Vec<usize> {
    let mut body: Vec<usize> = (0..blocks.len())
        .filter(|&i| {
            let t = blocks.get(i).map_or("", |b| b.text.as_str());
            !t.is_empty()
                && !is_teaser(t)
                && !is_widget(t)
                && !is_breadcrumb(t)
                && byline(t).is_none()
                && date_line(t).is_none()
        })
        .collect();
    if body.len() > 1 {
        body.retain(|&i| Some(norm(&blocks[i].text).as_str()) != title);
    }
    body
}

/// Adds an author unless the same name (ignoring case) is already there.
fn add_author(authors: &mut Vec<String>, name: String) {
    if !authors
        .iter()
        .any(|a| a.to_lowercase() == name.to_lowercase())
    {
        authors.push(name);
    }
}

#[cfg(test)]
#[path = "boilerplate_tests.rs"]
mod tests;
