//! What one line of a page is: a sentence, a title, a name, a teaser, a widget.
//!
//! Small, general tests on a single block's text, used by the boilerplate
//! pass. None of them knows any outlet: they look at the shape of a line
//! (length, capitals, final punctuation) and at words every site uses for
//! its furniture (`Read more`, `Follow us`, `Related articles`).

/// Lowercases and folds typographic variants for comparisons: curly quotes
/// and apostrophes become straight ones, dashes a hyphen, any run of
/// whitespace (no-break spaces too) one space.
pub fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for ch in s.chars() {
        if ch.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        let folded = match ch {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`' | '\u{B4}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{AB}' | '\u{BB}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            _ => ch,
        };
        out.extend(folded.to_lowercase());
    }
    out
}

/// The words of a line, split on whitespace.
pub fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// Closing quotes and brackets that may follow a sentence's final stop.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{BB}' | '*'
    )
}

/// True when the line ends like a sentence: `.`, `!`, `?` or `…`, maybe
/// followed by closing quotes or brackets.
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(is_closer);
    t.ends_with(['.', '!', '?', '\u{2026}'])
}

/// True when a line reads as running text: a sentence of some length, or a
/// long line whatever its ending.
pub fn is_prose(s: &str) -> bool {
    let n = words(s).len();
    (n >= 8 && ends_sentence(s)) || n >= 30
}

/// True when a line has the shape of a headline: 3 to 30 words, not ending
/// in a period, opening with a capital, digit or quote.
pub fn is_title_like(s: &str) -> bool {
    let n = words(s).len();
    let t = s.trim_end().trim_end_matches(is_closer);
    let opens_well = s
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_closer(c) || c == '\u{201C}');
    (3..=30).contains(&n) && s.len() <= 300 && !t.ends_with(['.', ':', ',', ';']) && opens_well
}

/// Words that open a teaser for another article (`Also Read: ...`).
const TEASERS: &[&str] = &[
    "also read",
    "read also",
    "read more",
    "read next",
    "see also",
    "related",
    "related articles",
    "related article",
    "related stories",
    "related story",
    "related posts",
    "related news",
    "related coverage",
    "related content",
    "more on this",
    "more from",
    "recommended",
    "recommended for you",
    "you may also like",
    "you might also like",
    "don't miss",
    "must read",
    "editor's picks",
    "more stories",
    "further reading",
];

/// True for a line that points to other articles: `Also Read: <headline>`,
/// `Read more: ...`, `Related articles:`. A teaser label must be the whole
/// line or be followed by a colon, a dash or a headline (no final period).
pub fn is_teaser(s: &str) -> bool {
    let n = norm(s);
    if words(s).len() > 25 {
        return false;
    }
    TEASERS.iter().any(|label| {
        let Some(rest) = n.strip_prefix(label) else {
            return false;
        };
        if rest.is_empty() {
            return true;
        }
        let marks = [':', '-', '|', '>', '\u{BB}'];
        if !rest.starts_with(' ') && !rest.starts_with(marks) {
            return false;
        }
        let rest = rest.trim_start();
        rest.starts_with(marks)
            || (matches!(
                *label,
                "also read" | "read also" | "read more" | "see also" | "must read"
            ) && !ends_sentence(s))
    })
}

/// Whole lines (after trimming punctuation) that are page furniture.
const WIDGETS: &[&str] = &[
    "follow us",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "share article",
    "tweet",
    "print",
    "email",
    "e-mail",
    "comments",
    "comment",
    "leave a comment",
    "leave a reply",
    "subscribe",
    "subscribe now",
    "sign up",
    "newsletter",
    "most popular",
    "most read",
    "most viewed",
    "most shared",
    "popular posts",
    "trending",
    "trending now",
    "latest news",
    "latest",
    "top stories",
    "advertisement",
    "sponsored",
    "home",
    "menu",
    "search",
    "previous article",
    "next article",
    "previous post",
    "next post",
    "back to top",
    "listen",
    "listen to this article",
    "photo",
    "video",
];

/// Prefixes of short lines that are page furniture.
const WIDGET_PREFIXES: &[&str] = &[
    "follow us on",
    "share on",
    "share via",
    "share this",
    "subscribe to",
    "sign up for",
    "sign up to",
    "join our",
    "tags:",
    "tagged:",
    "topics:",
    "filed under",
    "categories:",
    "category:",
    "copyright",
    "\u{a9}",
    "all rights reserved",
    "click here",
    "download our app",
    "previous article",
    "next article",
    "photo:",
    "image:",
    "source:",
    "reading time",
];

/// True for sharing, subscription, navigation and rubric furniture such as
/// `Follow us`, `Most Popular`, `Share on Facebook` or `Tags: ...`.
pub fn is_widget(s: &str) -> bool {
    if words(s).len() > 14 {
        return false;
    }
    let n = norm(s);
    let bare = n.trim_matches(|c: char| !c.is_alphanumeric());
    WIDGETS.contains(&bare)
        || WIDGET_PREFIXES.iter().any(|p| n.starts_with(p))
        || n.ends_with("min read")
        || n.ends_with("minute read")
        || n.ends_with("minutes read")
}

/// Lines after which nothing belongs to the article (`Related articles:`,
/// `Most Popular`, `Comments`).
pub fn is_footer_start(s: &str) -> bool {
    if words(s).len() > 6 {
        return false;
    }
    let n = norm(s);
    let bare = n.trim_matches(|c: char| !c.is_alphanumeric());
    matches!(
        bare,
        "related"
            | "related articles"
            | "related stories"
            | "related posts"
            | "related news"
            | "related content"
            | "related coverage"
            | "related topics"
            | "related reading"
            | "more stories"
            | "read next"
            | "you may also like"
            | "you might also like"
            | "recommended for you"
            | "most popular"
            | "most read"
            | "most viewed"
            | "comments"
            | "leave a reply"
            | "leave a comment"
            | "more from this author"
            | "more by this author"
            | "about the author"
    )
}

/// True for a breadcrumb trail: `Home > News > World`, or nav words glued to
/// the headline (`HomeNewsWorld<Headline>`).
pub fn is_breadcrumb(s: &str) -> bool {
    let n = s.to_lowercase();
    let separated = [" > ", " \u{bb} ", " \u{203a} ", " / ", " | "]
        .iter()
        .any(|sep| n.starts_with("home") && n.contains(sep));
    let glued = s
        .strip_prefix("Home")
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase);
    separated || glued || is_section_trail(s)
}

/// True for a section trail without `Home`: three or more short segments
/// (one to three words each) joined by the same separator, with no
/// sentence punctuation (`World / Europe / Russia`, `News > Asia > Korea`).
fn is_section_trail(s: &str) -> bool {
    if ends_sentence(s) || s.contains(['.', ',', ':']) {
        return false;
    }
    [" / ", " > ", " \u{bb} ", " \u{203a} "].iter().any(|sep| {
        let parts: Vec<&str> = s.split(sep).collect();
        parts.len() >= 3
            && parts.iter().all(|p| {
                let n = words(p).len();
                (1..=3).contains(&n)
            })
    })
}

/// True for a line in capitals only (a rubric or kicker such as
/// `SUMMIT DIPLOMACY`), as opposed to a headline in title or sentence case.
pub fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// Lowercase particles allowed inside personal names.
const PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "di", "du", "dos", "van", "von", "der", "den", "bin", "binti",
    "ibn", "al", "el", "la", "le", "y",
];

/// Words that never occur in a personal name but do in bylines and headings.
const NOT_NAMES: &[&str] = &[
    "staff",
    "reporter",
    "reporters",
    "correspondent",
    "desk",
    "editor",
    "editors",
    "team",
    "news",
    "agency",
    "bureau",
    "online",
    "web",
    "admin",
    "press",
    "service",
    "the",
    "and",
    "of",
    "in",
    "on",
    "to",
    "for",
    "with",
    "from",
    "by",
    "at",
    "is",
    "was",
    "has",
    "said",
    "says",
    "writer",
    "contributor",
    "guest",
    "author",
    "home",
    "follow",
    "share",
    "us",
];

/// Reads a personal name: 2 to 5 capitalised words (particles allowed), no
/// digits, nothing that is a byline word. All-capital words are written
/// with an initial capital (`Jane ROE` -> `Jane Roe`).
pub fn person_name(s: &str) -> Option<String> {
    let s = s
        .trim()
        .trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '|' | '-'));
    let ws = words(s);
    if !(2..=5).contains(&ws.len()) {
        return None;
    }
    let mut out = Vec::with_capacity(ws.len());
    for (i, w) in ws.iter().enumerate() {
        let lower = w.to_lowercase();
        if NOT_NAMES.contains(&lower.as_str()) {
            return None;
        }
        if PARTICLES.contains(&lower.as_str()) && i > 0 && i + 1 < ws.len() {
            out.push(lower);
            continue;
        }
        let ok_chars = w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'));
        let starts_upper = w.chars().next().is_some_and(char::is_uppercase);
        if !ok_chars || !starts_upper || !w.chars().any(char::is_alphabetic) {
            return None;
        }
        out.push(fix_caps(w));
    }
    Some(out.join(" "))
}

/// `PETROV` -> `Petrov`, `JONG-UN` -> `Jong-Un`; other words unchanged.
pub fn fix_caps(w: &str) -> String {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || w.chars().any(char::is_lowercase) {
        return w.to_string();
    }
    let mut out = String::with_capacity(w.len());
    let mut start = true;
    for c in w.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

/// If `s` opens with `name` (compared case-insensitively, word-aligned),
/// the rest after it.
pub fn strip_name<'a>(s: &'a str, name: &str) -> Option<&'a str> {
    let head = s.get(..name.len())?;
    let rest = s.get(name.len()..)?;
    let aligned = !rest.chars().next().is_some_and(char::is_alphanumeric);
    (head.to_lowercase() == name.to_lowercase() && aligned).then_some(rest)
}

/// Words that mark a line as an author's biography.
const BIO_WORDS: &[&str] = &[
    "candidate of",
    "research fellow",
    "researcher",
    "professor",
    "lecturer",
    "phd",
    "ph.d",
    "doctor of",
    "student",
    "graduate",
    "journalist",
    "analyst",
    "columnist",
    "correspondent",
    "contributor",
    "writer",
    "editor",
    "scholar",
    "expert",
    "exclusively for",
    "writes for",
    "writes about",
    "author of",
    "interest in",
    "focus on",
    "areas of focus",
    "is based in",
];

/// True when a line reads as an author biography: it contains the marks of
/// one (credentials, `exclusively for`, `is a ... student`).
pub fn has_bio_words(s: &str) -> bool {
    let n = norm(s);
    BIO_WORDS.iter().any(|w| n.contains(w))
}

/// The outlet named in a bio or footer: the quoted name after
/// `exclusively for` / `written for` / `especially for`, or the name after a
/// copyright sign (`\u{a9} 2024 Example News. All rights reserved.`).
pub fn named_outlet(s: &str) -> Option<String> {
    let lower = s.to_lowercase();
    for mark in [
        "exclusively for",
        "especially for",
        "written for",
        "specially for",
    ] {
        if let Some(at) = lower.find(mark) {
            let after = s.get(at + mark.len()..)?;
            let window: String = after.chars().take(80).collect();
            if let Some(q) = quoted(&window) {
                return Some(q);
            }
        }
    }
    copyright_holder(s)
}

/// The first quoted stretch of a text (curly, straight or guillemet quotes).
fn quoted(s: &str) -> Option<String> {
    let (open, close) = [('\u{201C}', '\u{201D}'), ('"', '"'), ('\u{AB}', '\u{BB}')]
        .into_iter()
        .filter_map(|(o, c)| s.find(o).map(|i| (i, o, c)))
        .min_by_key(|&(i, _, _)| i)
        .map(|(_, o, c)| (o, c))?;
    let start = s.find(open)? + open.len_utf8();
    let rest = s.get(start..)?;
    let end = rest.find(close)?;
    let name = rest.get(..end)?.trim();
    let n = words(name).len();
    ((1..=8).contains(&n)).then(|| name.to_string())
}

/// `\u{a9} 2024 Example News. All rights reserved.` -> `Example News`.
fn copyright_holder(s: &str) -> Option<String> {
    if words(s).len() > 16 {
        return None;
    }
    let at = s.find('\u{a9}')?;
    let rest = s.get(at + '\u{a9}'.len_utf8()..)?;
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix("Copyright")
        .or_else(|| rest.strip_prefix("copyright"))
        .unwrap_or(rest)
        .trim_start();
    let rest = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, '-' | '\u{2013}' | ' ' | ',')
    });
    let end = rest.find(['.', '|', ';']).unwrap_or(rest.len());
    let name = rest.get(..end)?.trim();
    let lower = name.to_lowercase();
    let n = words(name).len();
    let ok = (1..=6).contains(&n)
        && name.chars().next().is_some_and(char::is_uppercase)
        && !lower.contains("all rights");
    ok.then(|| name.to_string())
}

#[cfg(test)]
#[path = "lines_tests.rs"]
mod tests;
