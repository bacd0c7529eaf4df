//! Main-content extraction: drop boilerplate elements, choose the article's
//! container, and turn it into blocks.
//!
//! Choice of container: `[itemprop=articleBody]`, then `<article>`, then
//! `[role=main]`, then `<main>` (the one with most text), unless a
//! readability-style text-density winner lies outside it and holds at least
//! twice its text. The density score gives each paragraph (1 + commas +
//! length/100, at most 3) to its parent, half to the grandparent and a third
//! to the great-grandparent, and scales a container's total by one minus its
//! link density. Sibling containers that score close to the winner are kept
//! with it. When the container holds no `<h1>`, the page's first `<h1>`
//! before it is prepended, so the headline is not lost.

use super::blocks::BlockBuilder;
use super::tree::{NodeKind, Tree};
use crate::blocks::{Block, BlockKind};

/// Elements dropped with all they contain.
const DROP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "button", "select",
    "textarea", "input", "option", "label", "nav", "aside", "footer", "head", "title", "meta",
    "link", "object", "embed", "canvas", "audio", "video", "dialog", "menu", "img", "picture",
];

/// Words in a class or id that mark boilerplate.
const BOILER_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "subnav",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "social",
    "subscribe",
    "subscription",
    "newsletter",
    "related",
    "recommended",
    "recommendations",
    "popular",
    "mostread",
    "trending",
    "comment",
    "comments",
    "disqus",
    "footer",
    "sidebar",
    "widget",
    "widgets",
    "advert",
    "advertisement",
    "advertising",
    "ad",
    "ads",
    "adslot",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "promo",
    "promotion",
    "teaser",
    "teasers",
    "bio",
    "authorbio",
    "tags",
    "tag",
    "taglist",
    "pagination",
    "outbrain",
    "taboola",
    "sponsored",
    "masthead",
    "skiplink",
    "paywall",
    "modal",
    "popup",
];

/// ARIA roles that mark boilerplate.
const BOILER_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "tablist",
];

/// Block-level elements: each starts and ends a block.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Per-node facts the extractor needs.
pub struct Analysis {
    /// Node is dropped (itself or an ancestor is boilerplate).
    pub removed: Vec<bool>,
    /// The chosen content containers, in document order.
    pub roots: Vec<usize>,
    /// Like `removed`, but not counting page `<header>`s.
    pub soft: Vec<bool>,
    /// A headline `<h1>` outside the containers to put first.
    pub headline: Option<usize>,
}

/// Splits a class or id value into lowercase words (`share-bar_top` ->
/// `share`, `bar`, `top`); camelCase is split too.
fn words(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    for token in value.split_whitespace() {
        let mut cur = String::new();
        let mut prev_lower = false;
        for c in token.chars() {
            if !c.is_alphanumeric() {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                prev_lower = false;
                continue;
            }
            if c.is_uppercase() && prev_lower && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = c.is_lowercase();
            cur.extend(c.to_lowercase());
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        out.push(String::new()); // token boundary
    }
    out
}

/// True when a class or id value marks boilerplate: one of its tokens
/// starts or ends with a boilerplate word (`share-buttons`, `site-footer`,
/// `most-read`, `author-bio`), unless it says `has`/`with`/`no` (`has-sidebar`).
fn is_boiler_value(value: &str) -> bool {
    let w = words(value);
    w.split(String::is_empty).any(|tok| {
        let (Some(first), Some(last)) = (tok.first(), tok.last()) else {
            return false;
        };
        if tok
            .iter()
            .any(|x| matches!(x.as_str(), "has" | "with" | "no" | "without" | "body"))
        {
            return false;
        }
        let joined: String = tok.concat();
        let hit = |x: &str| BOILER_WORDS.contains(&x);
        hit(first)
            || hit(last)
            || matches!(joined.as_str(), "mostread" | "mostpopular" | "authorbio")
            || (tok.len() >= 2 && tok.windows(2).any(|p| p[0] == "most" && p[1] == "read"))
    })
}

/// Lengths of non-space text below each node (not counting dropped nodes),
/// link text, paragraphs, and whether an article marker lies below.
struct Stats {
    text: Vec<usize>,
    link: Vec<usize>,
    paras: Vec<usize>,
    marker: Vec<bool>,
}

fn non_space_len(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

fn stats(tree: &Tree, src: &str, removed: Option<&[bool]>) -> Stats {
    let n = tree.nodes.len();
    let mut st = Stats {
        text: vec![0; n],
        link: vec![0; n],
        paras: vec![0; n],
        marker: vec![false; n],
    };
    for i in (0..n).rev() {
        if removed.and_then(|r| r.get(i)).copied().unwrap_or(false) {
            continue;
        }
        let Some(node) = tree.get(i) else { continue };
        match &node.kind {
            NodeKind::Text { start, end, raw } => {
                if !raw {
                    st.text[i] = non_space_len(src.get(*start..*end).unwrap_or(""));
                }
            }
            NodeKind::Element { name, .. } => {
                if name == "a" {
                    st.link[i] = st.text[i];
                }
                if name == "p" && st.text[i] > 0 {
                    st.paras[i] += 1;
                }
                if matches!(name.as_str(), "article" | "main" | "h1") || is_article_body(tree, i) {
                    st.marker[i] = true;
                }
            }
        }
        if let Some(p) = node.parent {
            st.text[p] += st.text[i];
            st.link[p] += st.link[i];
            st.paras[p] += st.paras[i];
            st.marker[p] |= st.marker[i];
        }
    }
    st
}

fn is_article_body(tree: &Tree, i: usize) -> bool {
    tree.get(i)
        .and_then(|n| n.attr("itemprop"))
        .is_some_and(|v| v.to_ascii_lowercase().contains("articlebody"))
}

/// Marks the nodes to drop. `header` is dropped only outside `<article>`/`<main>`.
/// The second vector ignores `header` (to rescue a headline from it).
fn mark_removed(tree: &Tree, raw: &Stats) -> (Vec<bool>, Vec<bool>) {
    let n = tree.nodes.len();
    let mut removed = vec![false; n];
    let mut soft = vec![false; n];
    let mut in_article = vec![false; n];
    for i in 1..n {
        let Some(node) = tree.get(i) else { continue };
        let parent = node.parent.unwrap_or(0);
        let name = node.name();
        in_article[i] = in_article[parent] || matches!(tree.name(parent), "article" | "main");
        soft[i] = soft[parent];
        if removed[parent] && soft[parent] {
            removed[i] = true;
            continue;
        }
        if let NodeKind::Text { raw: true, .. } = node.kind {
            removed[i] = true;
            soft[i] = true;
            continue;
        }
        if name.is_empty() {
            removed[i] = removed[parent];
            continue;
        }
        let hidden = node.attr("hidden").is_some()
            || node.attr("aria-hidden") == Some("true")
            || node.attr("style").is_some_and(|s| {
                let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
                s.to_ascii_lowercase().contains("display:none")
            });
        let protected = matches!(name, "html" | "body" | "article" | "main")
            || is_article_body(tree, i)
            || raw.marker.get(i).copied().unwrap_or(false);
        let boiler_attr = !protected
            && (node.attr("class").is_some_and(is_boiler_value)
                || node.attr("id").is_some_and(is_boiler_value)
                || node.attr("role").is_some_and(|r| {
                    BOILER_ROLES.contains(&r.trim().to_ascii_lowercase().as_str())
                }));
        // ASP.NET-style pages wrap the whole page in a <form>.
        let form = name == "form" && raw.paras.get(i).copied().unwrap_or(0) < 3;
        let hard = DROP_TAGS.contains(&name) || form || hidden || boiler_attr;
        soft[i] |= hard;
        removed[i] = removed[parent] || hard || (name == "header" && !in_article[i]);
    }
    (removed, soft)
}

/// The best node of those matching `pick`, by text length.
fn best_by_text(
    tree: &Tree,
    st: &Stats,
    removed: &[bool],
    pick: impl Fn(usize) -> bool,
) -> Option<usize> {
    (1..tree.nodes.len())
        .filter(|&i| !removed.get(i).copied().unwrap_or(true) && pick(i))
        .filter(|&i| st.text.get(i).copied().unwrap_or(0) > 0)
        .max_by_key(|&i| (st.text.get(i).copied().unwrap_or(0), std::cmp::Reverse(i)))
}

/// Readability-style scores: each paragraph feeds its ancestors.
fn density_scores(tree: &Tree, src: &str, st: &Stats, removed: &[bool]) -> Vec<f64> {
    let n = tree.nodes.len();
    let mut score = vec![0.0f64; n];
    for i in 1..n {
        if removed.get(i).copied().unwrap_or(true) {
            continue;
        }
        let Some(node) = tree.get(i) else { continue };
        let parent_name = node.parent.map(|p| tree.name(p)).unwrap_or("");
        let is_unit = match &node.kind {
            NodeKind::Element { name, .. } => matches!(name.as_str(), "p" | "pre" | "blockquote"),
            NodeKind::Text { .. } => matches!(
                parent_name,
                "div" | "section" | "article" | "main" | "td" | "body" | "#document"
            ),
        };
        let len = st.text.get(i).copied().unwrap_or(0);
        if !is_unit || len < 25 {
            continue;
        }
        let text_of = |i: usize| match tree.get(i).map(|n| &n.kind) {
            Some(NodeKind::Text { start, end, .. }) => src.get(*start..*end).unwrap_or(""),
            _ => "",
        };
        let commas = match &node.kind {
            NodeKind::Text { .. } => text_of(i).matches([',', '\u{060c}', '\u{ff0c}']).count(),
            NodeKind::Element { .. } => node
                .children
                .iter()
                .map(|&c| text_of(c).matches([',', '\u{060c}', '\u{ff0c}']).count())
                .sum(),
        };
        let s = 1.0 + commas as f64 + (len as f64 / 100.0).min(3.0);
        let mut anc = node.parent;
        for div in [1.0, 2.0, 3.0] {
            let Some(a) = anc else { break };
            if let Some(x) = score.get_mut(a) {
                *x += s / div;
            }
            anc = tree.get(a).and_then(|n| n.parent);
        }
    }
    for (i, x) in score.iter_mut().enumerate() {
        let text = st.text.get(i).copied().unwrap_or(0).max(1) as f64;
        let link = st.link.get(i).copied().unwrap_or(0) as f64;
        *x *= 1.0 - (link / text).min(1.0);
    }
    score
}

/// Chooses the content containers and the headline.
pub fn analyse(tree: &Tree, src: &str) -> Analysis {
    let raw = stats(tree, src, None);
    let (removed, soft) = mark_removed(tree, &raw);
    let st = stats(tree, src, Some(&removed));
    let score = density_scores(tree, src, &st, &removed);
    let text = |i: usize| st.text.get(i).copied().unwrap_or(0);
    let winner = (1..score.len())
        .filter(|&i| score.get(i).copied().unwrap_or(0.0) > 0.0)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)));
    let semantic = [
        &(|i: usize| is_article_body(tree, i)) as &dyn Fn(usize) -> bool,
        &|i| tree.name(i) == "article",
        &|i| tree.get(i).and_then(|n| n.attr("role")) == Some("main"),
        &|i| tree.name(i) == "main",
    ]
    .iter()
    .filter_map(|pick| best_by_text(tree, &st, &removed, pick))
    .find(|&s| match winner {
        Some(w) => tree.is_within(w, s) || text(s) * 2 >= text(w),
        None => true,
    });
    let roots = match (semantic, winner) {
        (Some(s), _) => vec![s],
        (None, Some(w)) => with_siblings(tree, &score, &st, &removed, w),
        (None, None) => {
            let body = (1..tree.nodes.len()).find(|&i| tree.name(i) == "body");
            vec![body.unwrap_or(0)]
        }
    };
    let first = roots.first().copied().unwrap_or(0);
    let has_h1 = (1..tree.nodes.len()).any(|i| {
        tree.name(i) == "h1"
            && !removed.get(i).copied().unwrap_or(true)
            && roots.iter().any(|&r| tree.is_within(i, r))
    });
    let headline = if has_h1 {
        None
    } else {
        (1..first.min(tree.nodes.len())).find(|&i| {
            tree.name(i) == "h1"
                && !soft.get(i).copied().unwrap_or(true)
                && raw.text.get(i).copied().unwrap_or(0) > 0
        })
    };
    Analysis {
        removed,
        soft,
        roots,
        headline,
    }
}

/// The winner plus its siblings that score at least a fifth of it with few links.
fn with_siblings(tree: &Tree, score: &[f64], st: &Stats, removed: &[bool], w: usize) -> Vec<usize> {
    let Some(parent) = tree.get(w).and_then(|n| n.parent) else {
        return vec![w];
    };
    let top = score.get(w).copied().unwrap_or(0.0);
    let siblings = tree
        .get(parent)
        .map(|p| p.children.as_slice())
        .unwrap_or(&[]);
    siblings
        .iter()
        .copied()
        .filter(|&c| {
            c == w
                || (!removed.get(c).copied().unwrap_or(true)
                    && score.get(c).copied().unwrap_or(0.0) >= top * 0.2
                    && st.link.get(c).copied().unwrap_or(0) * 4
                        < st.text.get(c).copied().unwrap_or(0))
        })
        .collect()
}

/// The blocks of the chosen containers.
pub fn blocks(tree: &Tree, src: &str, a: &Analysis) -> Vec<Block> {
    let mut b = BlockBuilder::new(src);
    if let Some(h) = a.headline {
        emit(tree, &a.soft, h, &mut b, BlockKind::Paragraph);
        b.flush();
    }
    for &r in &a.roots {
        emit(tree, &a.removed, r, &mut b, BlockKind::Paragraph);
        b.flush();
    }
    b.finish()
}

fn kind_of(name: &str, inherited: BlockKind) -> BlockKind {
    match name {
        "h1" => BlockKind::Heading(1),
        "h2" => BlockKind::Heading(2),
        "h3" => BlockKind::Heading(3),
        "h4" => BlockKind::Heading(4),
        "h5" => BlockKind::Heading(5),
        "h6" => BlockKind::Heading(6),
        "li" => BlockKind::ListItem,
        "figcaption" | "caption" => BlockKind::Caption,
        "blockquote" => BlockKind::Quote,
        "td" | "th" | "pre" => BlockKind::Other,
        _ => inherited,
    }
}

fn emit(tree: &Tree, removed: &[bool], i: usize, b: &mut BlockBuilder, kind: BlockKind) {
    if removed.get(i).copied().unwrap_or(true) && i != 0 {
        return;
    }
    let Some(node) = tree.get(i) else { return };
    match &node.kind {
        NodeKind::Text { start, end, raw } => {
            if !raw {
                b.text(*start, *end, kind);
            }
        }
        NodeKind::Element {
            name, start, end, ..
        } => match name.as_str() {
            "br" => b.line_break(*start, *end, kind),
            "hr" => b.flush(),
            n => {
                let block = BLOCK_TAGS.contains(&n);
                let kind = kind_of(n, kind);
                if block {
                    b.flush();
                }
                for &c in &node.children {
                    emit(tree, removed, c, b, kind);
                }
                if block {
                    b.flush();
                }
            }
        },
    }
}
