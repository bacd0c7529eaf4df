//! Merging metadata from the text, the page and the container.
//!
//! For each field the container's hints (JSON or feed fields) come first,
//! then the page's own meta tags, then what the text says (a byline, a
//! dateline, an author bio). A field nothing supports stays `None`: the
//! language detector answers `en` only when the body is clearly English.

use crate::article::Hints;
use crate::blocks::PageMeta;
use crate::clean::boilerplate::Analysis;
use crate::clean::lines::person_name;
use crate::clean::pubdate;
use crate::document::Metadata;

/// Resolves the document's metadata: container hints, page meta tags and
/// what the text says, each field null when nothing supports it.
pub fn resolve(analysis: &Analysis, page: &PageMeta, hints: &Hints) -> Metadata {
    let published = hints
        .published
        .clone()
        .or_else(|| page.published.as_deref().and_then(pubdate::parse))
        .or_else(|| analysis.published_text.as_deref().and_then(pubdate::parse));
    let authors = if !hints.authors.is_empty() {
        clean_authors(&hints.authors)
    } else if !page.authors.is_empty() {
        clean_authors(&page.authors)
    } else {
        analysis.authors.clone()
    };
    Metadata {
        title: first_text(&[&hints.title, &page_title(page, analysis), &analysis.title]),
        published,
        authors,
        outlet: first_text(&[&hints.outlet, &page.outlet, &analysis.outlet]),
        dateline_place: analysis.dateline_place.clone(),
        language: language_code(hints.language.as_deref())
            .or_else(|| language_code(page.language.as_deref()))
            .or_else(|| analysis.language.clone()),
        url: first_text(&[&hints.url, &page.url]),
        external_id: first_text(&[&hints.external_id]),
    }
}

/// Separators between a headline and a site name in `<title>`.
const SITE_SEPARATORS: &[&str] = &[" | ", " - ", " \u{2013} ", " \u{2014} ", " :: ", " \u{b7} "];

/// The page's title without a site-name suffix: the text's headline when
/// the page title is that headline plus a separator and more, or the page
/// title less ` | <outlet>` when the page names its outlet.
fn page_title(page: &PageMeta, analysis: &Analysis) -> Option<String> {
    let title = page.title.as_deref()?.trim();
    let suffixed = |head: &str| {
        title
            .strip_prefix(head)
            .is_some_and(|rest| SITE_SEPARATORS.iter().any(|sep| rest.starts_with(sep)))
    };
    if let Some(h) = analysis.title.as_deref().map(str::trim) {
        if !h.is_empty() && suffixed(h) {
            return Some(h.to_string());
        }
    }
    if let Some(outlet) = page
        .outlet
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty())
    {
        for sep in SITE_SEPARATORS {
            let tail = format!("{sep}{outlet}");
            if let Some(head) = title.strip_suffix(tail.as_str()) {
                if !head.trim().is_empty() {
                    return Some(head.trim().to_string());
                }
            }
        }
    }
    Some(title.to_string())
}

/// The first value that is not blank, trimmed, whitespace collapsed.
fn first_text(values: &[&Option<String>]) -> Option<String> {
    values
        .iter()
        .filter_map(|v| v.as_deref())
        .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|v| !v.is_empty())
}

/// Authors as given, without a leading `By` and without blanks or repeats.
fn clean_authors(given: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in given {
        let a = a.split_whitespace().collect::<Vec<_>>().join(" ");
        let a = match a.get(..3) {
            Some(by) if by.eq_ignore_ascii_case("by ") => a.get(3..).unwrap_or("").to_string(),
            _ => a,
        };
        let a = person_name(&a).unwrap_or(a);
        if !a.is_empty() && !out.iter().any(|o| o.to_lowercase() == a.to_lowercase()) {
            out.push(a);
        }
    }
    out
}

/// An ISO 639-1 code from a language tag (`en-US` -> `en`), when it is one.
fn language_code(tag: Option<&str>) -> Option<String> {
    let tag = tag?.trim();
    let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
    let ok = (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase());
    ok.then_some(primary)
}

/// Frequent English function words: in English prose they make up well over
/// a fifth of the words; in other languages almost none.
const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "an", "is", "are", "was", "were", "be", "been", "that",
    "for", "on", "with", "as", "by", "at", "from", "it", "its", "this", "which", "has", "have",
    "had", "not", "but", "or", "will", "would", "he", "she", "they", "his", "her", "their", "who",
    "after", "also", "said",
];

/// `en` when the text is clearly English (at least 10 words, over 22% of
/// them English function words); otherwise `None`: we never guess.
pub fn detect_language(text: &str) -> Option<String> {
    let mut total = 0usize;
    let mut hits = 0usize;
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        total += 1;
        if ENGLISH.contains(&w.to_lowercase().as_str()) {
            hits += 1;
        }
    }
    (total >= 10 && hits * 100 > total * 22).then(|| "en".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Precision, Published};

    #[test]
    fn hints_beat_page_beat_text() {
        let analysis = Analysis {
            title: Some("Text title".into()),
            published_text: Some("17 January 2024".into()),
            authors: vec!["Jane Roe".into()],
            outlet: Some("Text Outlet".into()),
            dateline_place: Some("Moscow".into()),
            language: Some("en".into()),
            ..Analysis::default()
        };
        let none = resolve(&analysis, &PageMeta::default(), &Hints::default());
        assert_eq!(none.title.as_deref(), Some("Text title"));
        assert_eq!(
            none.published.as_ref().map(|p| p.value.as_str()),
            Some("2024-01-17")
        );
        assert_eq!(none.authors, vec!["Jane Roe".to_string()]);
        assert_eq!(none.outlet.as_deref(), Some("Text Outlet"));
        assert_eq!(none.language.as_deref(), Some("en"));

        let page = PageMeta {
            title: Some("Page  title".into()),
            published: Some("2024-01-16T08:00:00+03:00".into()),
            authors: vec!["By John Doe".into()],
            outlet: Some("Page Outlet".into()),
            language: Some("fr-FR".into()),
            url: Some("https://example.org/a".into()),
        };
        let paged = resolve(&analysis, &page, &Hints::default());
        assert_eq!(paged.title.as_deref(), Some("Page title"));
        assert_eq!(
            paged.published.as_ref().map(|p| p.value.as_str()),
            Some("2024-01-16T08:00:00+03:00")
        );
        assert_eq!(paged.authors, vec!["John Doe".to_string()]);
        assert_eq!(paged.outlet.as_deref(), Some("Page Outlet"));
        assert_eq!(paged.language.as_deref(), Some("fr"));
        assert_eq!(paged.dateline_place.as_deref(), Some("Moscow"));

        let hints = Hints {
            title: Some("Hint title".into()),
            published: Some(Published {
                value: "2024-01".into(),
                precision: Precision::Month,
            }),
            outlet: Some("Hint Outlet".into()),
            url: Some("https://example.org/b".into()),
            ..Hints::default()
        };
        let hinted = resolve(&analysis, &page, &hints);
        assert_eq!(hinted.title.as_deref(), Some("Hint title"));
        assert_eq!(
            hinted.published.as_ref().map(|p| p.precision),
            Some(Precision::Month)
        );
        assert_eq!(hinted.authors, vec!["John Doe".to_string()]);
        assert_eq!(hinted.outlet.as_deref(), Some("Hint Outlet"));
        assert_eq!(hinted.url.as_deref(), Some("https://example.org/b"));
    }

    #[test]
    fn page_titles_lose_the_site_name() {
        let page = PageMeta {
            title: Some("Talks resume | Example Daily".into()),
            outlet: Some("Example Daily".into()),
            ..PageMeta::default()
        };
        let m = resolve(&Analysis::default(), &page, &Hints::default());
        assert_eq!(m.title.as_deref(), Some("Talks resume"));
        let page = PageMeta {
            title: Some("Talks resume - Example".into()),
            ..PageMeta::default()
        };
        let analysis = Analysis {
            title: Some("Talks resume".into()),
            ..Analysis::default()
        };
        let m = resolve(&analysis, &page, &Hints::default());
        assert_eq!(m.title.as_deref(), Some("Talks resume"));
        let page = PageMeta {
            title: Some("Talks resume in Vienna".into()),
            ..PageMeta::default()
        };
        let m = resolve(&analysis, &page, &Hints::default());
        assert_eq!(m.title.as_deref(), Some("Talks resume in Vienna"));
    }

    #[test]
    fn unsupported_fields_stay_empty() {
        let m = resolve(
            &Analysis::default(),
            &PageMeta::default(),
            &Hints::default(),
        );
        assert_eq!(m, Metadata::default());
        let bad = PageMeta {
            published: Some("sometime soon".into()),
            language: Some("x".into()),
            ..PageMeta::default()
        };
        let m = resolve(&Analysis::default(), &bad, &Hints::default());
        assert_eq!(m.published, None);
        assert_eq!(m.language, None);
    }

    #[test]
    fn language_detector_never_guesses() {
        let en = "The ministers met in Geneva on Monday and agreed that the talks would go on.";
        assert_eq!(detect_language(en).as_deref(), Some("en"));
        let de = "Die Minister trafen sich am Montag in Genf und vereinbarten weitere Gespräche.";
        assert_eq!(detect_language(de), None);
        assert_eq!(detect_language("Too short to tell."), None);
        assert_eq!(detect_language(""), None);
    }
}
