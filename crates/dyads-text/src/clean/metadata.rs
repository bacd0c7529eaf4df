//! Merging metadata from the text, the page and the container.
//!
//! OWNED BY HELPER B.

use crate::article::Hints;
use crate::blocks::PageMeta;
use crate::clean::boilerplate::Analysis;
use crate::document::Metadata;

/// Resolves the document's metadata: container hints, page meta tags and
/// what the text says, each field null when nothing supports it.
pub fn resolve(analysis: &Analysis, page: &PageMeta, hints: &Hints) -> Metadata {
    Metadata {
        title: hints
            .title
            .clone()
            .or_else(|| page.title.clone())
            .or_else(|| analysis.title.clone()),
        published: hints.published.clone(),
        authors: hints.authors.clone(),
        outlet: hints.outlet.clone(),
        dateline_place: analysis.dateline_place.clone(),
        language: hints.language.clone(),
        url: hints.url.clone(),
        external_id: hints.external_id.clone(),
    }
}
