//! A forgiving element tree built from tokens.
//!
//! Nodes live in one vector in document order, so a node's parent always has
//! a smaller index than the node: a reverse scan visits children before
//! parents. Tree building follows the browser rules that matter for text
//! (a block start closes an open `<p>`, `<li>` closes `<li>`, cells close
//! cells), ignores stray end tags and caps the nesting depth.

use std::collections::HashMap;

use super::tokenize::{tokenize, Attr, Token};

/// Deepest nesting kept; deeper start tags are treated as empty elements.
const MAX_DEPTH: usize = 256;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
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
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// Elements that bound the search for an open heading to close implicitly.
const H_SCOPE: &[&str] = &[
    "html", "table", "td", "th", "caption", "template", "button", "object", "div",
];

/// Elements that bound the search for an open element to close implicitly.
const SCOPE: &[&str] = &[
    "html", "table", "td", "th", "caption", "template", "button", "object",
];

/// What a node is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// An element.
    Element {
        /// Lowercase tag name (`#document` for the root).
        name: String,
        /// Its attributes.
        attrs: Vec<Attr>,
        /// Byte offset of its start tag.
        start: usize,
        /// Byte offset past its start tag.
        end: usize,
    },
    /// A text run of the input (`start..end`), `raw` inside script and style.
    Text {
        /// Start byte.
        start: usize,
        /// End byte.
        end: usize,
        /// Raw text (entities are not references).
        raw: bool,
    },
}

/// A node of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// What it is.
    pub kind: NodeKind,
    /// Its parent (none for the root).
    pub parent: Option<usize>,
    /// Its children, in order.
    pub children: Vec<usize>,
}

impl Node {
    /// The tag name of an element, `""` for text.
    pub fn name(&self) -> &str {
        match &self.kind {
            NodeKind::Element { name, .. } => name,
            NodeKind::Text { .. } => "",
        }
    }

    /// The value of attribute `name` of an element.
    pub fn attr(&self, name: &str) -> Option<&str> {
        match &self.kind {
            NodeKind::Element { attrs, .. } => attrs
                .iter()
                .find(|a| a.name == name)
                .map(|a| a.value.as_str()),
            NodeKind::Text { .. } => None,
        }
    }
}

/// The tree of a page; node 0 is the document.
#[derive(Clone, Debug, Default)]
pub struct Tree {
    /// Nodes in document order.
    pub nodes: Vec<Node>,
    /// For each node, the index of its last descendant (itself when none).
    ends: Vec<usize>,
}

impl Tree {
    /// Builds the tree of `s`.
    pub fn parse(s: &str) -> Tree {
        let mut nodes = vec![Node {
            kind: NodeKind::Element {
                name: "#document".into(),
                attrs: Vec::new(),
                start: 0,
                end: 0,
            },
            parent: None,
            children: Vec::new(),
        }];
        let mut stack = Open::default();
        for tok in tokenize(s) {
            match tok {
                Token::Text { start, end, raw } => {
                    let parent = stack.top();
                    add(&mut nodes, parent, NodeKind::Text { start, end, raw });
                }
                Token::Start {
                    name,
                    attrs,
                    self_closing,
                    start,
                    end,
                } => {
                    close_implied(&mut stack, &name);
                    let foreign = stack.count("svg") + stack.count("math") > 0;
                    let empty = VOID.contains(&name.as_str())
                        || (self_closing && foreign)
                        || stack.ids.len() >= MAX_DEPTH;
                    let parent = stack.top();
                    let tag = name.clone();
                    let kind = NodeKind::Element {
                        name,
                        attrs,
                        start,
                        end,
                    };
                    let id = add(&mut nodes, parent, kind);
                    if !empty {
                        stack.push(id, tag);
                    }
                }
                Token::End { name } => {
                    if stack.count(&name) > 0 {
                        if let Some(pos) = stack.names.iter().rposition(|n| *n == name) {
                            stack.truncate(pos);
                        }
                    }
                }
            }
        }
        let mut ends: Vec<usize> = (0..nodes.len()).collect();
        for i in (1..nodes.len()).rev() {
            if let Some(p) = nodes.get(i).and_then(|n| n.parent) {
                let e = ends.get(i).copied().unwrap_or(i);
                if let Some(pe) = ends.get_mut(p) {
                    *pe = (*pe).max(e);
                }
            }
        }
        Tree { nodes, ends }
    }

    /// The nodes below node `i`, in document order (they are contiguous).
    pub fn descendants(&self, i: usize) -> std::ops::Range<usize> {
        let end = self.ends.get(i).copied().unwrap_or(i);
        (i + 1).min(end + 1)..end + 1
    }

    /// The node at `i`.
    pub fn get(&self, i: usize) -> Option<&Node> {
        self.nodes.get(i)
    }

    /// The tag name of node `i` (`""` for text or a bad index).
    pub fn name(&self, i: usize) -> &str {
        self.nodes.get(i).map(Node::name).unwrap_or("")
    }

    /// True when `anc` is `node` or one of its ancestors.
    pub fn is_within(&self, node: usize, anc: usize) -> bool {
        anc <= node && self.ends.get(anc).is_some_and(|&e| node <= e)
    }
}

fn add(nodes: &mut Vec<Node>, parent: usize, kind: NodeKind) -> usize {
    let id = nodes.len();
    nodes.push(Node {
        kind,
        parent: Some(parent),
        children: Vec::new(),
    });
    if let Some(p) = nodes.get_mut(parent) {
        p.children.push(id);
    }
    id
}

/// The stack of open elements, with a count of open elements by name so
/// that implied closes and end tags only search when they can succeed.
struct Open {
    ids: Vec<usize>,
    names: Vec<String>,
    counts: HashMap<String, usize>,
}

impl Default for Open {
    fn default() -> Self {
        Open {
            ids: vec![0],
            names: vec![String::new()],
            counts: HashMap::new(),
        }
    }
}

impl Open {
    fn top(&self) -> usize {
        self.ids.last().copied().unwrap_or(0)
    }

    fn count(&self, name: &str) -> usize {
        self.counts.get(name).copied().unwrap_or(0)
    }

    fn push(&mut self, id: usize, name: String) {
        *self.counts.entry(name.clone()).or_default() += 1;
        self.ids.push(id);
        self.names.push(name);
    }

    /// Pops down to `len` entries.
    fn truncate(&mut self, len: usize) {
        while self.ids.len() > len.max(1) {
            self.ids.pop();
            if let Some(n) = self.names.pop() {
                if let Some(c) = self.counts.get_mut(&n) {
                    *c = c.saturating_sub(1);
                }
            }
        }
    }
}

/// Pops the elements a start tag `name` closes implicitly.
fn close_implied(stack: &mut Open, name: &str) {
    const H: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];
    let (targets, bounds): (&[&str], &[&str]) = match name {
        "li" => (&["li"], &["ul", "ol", "menu"]),
        "dt" | "dd" => (&["dt", "dd"], &["dl"]),
        "tr" => (&["tr"], &["table"]),
        "td" | "th" => (&["td", "th"], &["tr", "table"]),
        "option" => (&["option"], &["select"]),
        n if H.contains(&n) => (H, H_SCOPE),
        n if CLOSES_P.contains(&n) => (&["p"], SCOPE),
        _ => return,
    };
    if targets.iter().all(|t| stack.count(t) == 0) {
        return;
    }
    let mut i = stack.names.len();
    while i > 1 {
        i -= 1;
        let n = stack.names.get(i).map(String::as_str).unwrap_or("");
        if targets.contains(&n) {
            stack.truncate(i);
            return;
        }
        if bounds.contains(&n) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders a tree as nested tags with text, for table tests.
    fn render(s: &str) -> String {
        let t = Tree::parse(s);
        let mut out = String::new();
        walk(&t, s, 0, &mut out);
        out
    }

    fn walk(t: &Tree, s: &str, i: usize, out: &mut String) {
        let Some(n) = t.get(i) else { return };
        match &n.kind {
            NodeKind::Text { start, end, .. } => out.push_str(&s[*start..*end]),
            NodeKind::Element { name, .. } => {
                if i != 0 {
                    out.push_str(&format!("({name} "));
                }
                for &c in &n.children {
                    walk(t, s, c, out);
                }
                if i != 0 {
                    out.push(')');
                }
            }
        }
    }

    #[test]
    fn tree_table() {
        let rows = [
            ("<p>a<p>b", "(p a)(p b)"),
            ("<div><p>a<div>b</div></div>", "(div (p a)(div b))"),
            ("<ul><li>a<li>b</ul>c", "(ul (li a)(li b))c"),
            ("<p>a</b>c</p>", "(p ac)"),
            ("<b><i>x</b>y", "(b (i x))y"),
            (
                "<table><tr><td>1<td>2<tr><td>3</table>",
                "(table (tr (td 1)(td 2))(tr (td 3)))",
            ),
            ("a<br>b<img src=x>c", "a(br )b(img )c"),
            ("<h1>t<h2>u", "(h1 t)(h2 u)"),
            ("<div/>x", "(div x)"),
            ("<svg><path/>z</svg>w", "(svg (path )z)w"),
            ("</div>x", "x"),
        ];
        for (input, want) in rows {
            assert_eq!(render(input), want, "{input}");
        }
    }

    #[test]
    fn depth_is_capped() {
        let s = "<div>".repeat(10_000) + "deep";
        let t = Tree::parse(&s);
        let mut depth = 0;
        let mut cur = t.nodes.len() - 1;
        while let Some(p) = t.get(cur).and_then(|n| n.parent) {
            depth += 1;
            cur = p;
        }
        assert!(depth <= MAX_DEPTH + 1, "{depth}");
        assert!(t.is_within(t.nodes.len() - 1, 1));
    }
}
