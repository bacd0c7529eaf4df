//! Reported speech in one parsed sentence: `X said (that) ...`, `..., X
//! said.`, `X told reporters ...`, `according to X, ...`.

use dyads_syntax::ParsedSentence;
use dyads_text::{Document, Span};

use super::{Cue, Quote, QuoteKind};

/// Lemmas of the verbs that attribute speech, writing or a stated belief
/// (or a finding: `polls show`); only with a clausal complement.
pub const SPEECH_VERBS: &[&str] = &[
    "say",
    "tell",
    "add",
    "warn",
    "claim",
    "argue",
    "insist",
    "deny",
    "announce",
    "state",
    "report",
    "note",
    "explain",
    "believe",
    "think",
    "suggest",
    "write",
    "tweet",
    "reply",
    "respond",
    "acknowledge",
    "admit",
    "confirm",
    "predict",
    "vow",
    "promise",
    "stress",
    "emphasize",
    "emphasise",
    "allege",
    "contend",
    "declare",
    "complain",
    "reiterate",
    "indicate",
    "assert",
    "maintain",
    "recall",
    "caution",
    "estimate",
    "reveal",
    "disclose",
    "testify",
    "charge",
    "threaten",
    "pledge",
    "concede",
    "observe",
    "remark",
    "conclude",
    "signal",
    "hint",
    "joke",
    "boast",
    "lament",
    "counter",
    "retort",
    "quip",
    "assure",
    "remind",
    "inform",
    "learn",
    "fear",
    "hope",
    "expect",
    "feel",
    "know",
    "worry",
    "doubt",
    "agree",
    "demand",
    "propose",
    "recommend",
    "urge",
    "ask",
    "wonder",
    "show",
    "find",
    "chant",
    "echo",
    "describe",
    "question",
    "call",
    "mention",
    "speculate",
];

/// Relations of the tokens that belong to a cue with its verb.
const CUE_PARTS: &[&str] = &["aux", "aux:pass", "compound:prt"];

/// Children lists of a parse.
pub(crate) struct Tree<'p> {
    /// The parse.
    pub parsed: &'p ParsedSentence,
    children: Vec<Vec<usize>>,
}

impl<'p> Tree<'p> {
    /// Indexes the children of every token.
    pub fn new(parsed: &'p ParsedSentence) -> Tree<'p> {
        let mut children = vec![Vec::new(); parsed.tokens.len()];
        for (i, t) in parsed.tokens.iter().enumerate() {
            if let Some(kids) = t.head.and_then(|h| children.get_mut(h)) {
                kids.push(i);
            }
        }
        Tree { parsed, children }
    }

    /// The children of `i`.
    pub fn kids(&self, i: usize) -> &[usize] {
        self.children.get(i).map_or(&[], Vec::as_slice)
    }

    /// The first child of `i` with one of `rels`.
    pub fn kid(&self, i: usize, rels: &[&str]) -> Option<usize> {
        self.kids(i)
            .iter()
            .copied()
            .find(|&k| rels.contains(&self.parsed.tokens[k].deprel))
    }

    /// The lowercase lemma of `i`.
    pub fn lemma(&self, i: usize) -> String {
        self.parsed
            .tokens
            .get(i)
            .map(|t| t.lemma.to_lowercase())
            .unwrap_or_default()
    }

    /// The tokens of the subtree of `i` (`i` included), in order, leaving
    /// out the subtree of `except`.
    pub fn subtree(&self, i: usize, except: Option<usize>) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![i];
        while let Some(n) = stack.pop() {
            if Some(n) == except {
                continue;
            }
            out.push(n);
            stack.extend(self.kids(n).iter().copied());
        }
        out.sort_unstable();
        out
    }

    /// The span from the first to the last of `tokens`, with punctuation
    /// trimmed at both ends; `None` when nothing is left.
    pub fn span_of(&self, tokens: &[usize]) -> Option<Span> {
        let toks = &self.parsed.tokens;
        let word = |&&i: &&usize| toks.get(i).is_some_and(|t| t.upos != "PUNCT");
        let first = tokens.iter().find(word)?;
        let last = tokens.iter().rev().find(word)?;
        Some(Span {
            start: toks[*first].span.start,
            end: toks[*last].span.end,
        })
    }

    /// The span of the cue of verb `v`: the verb and its auxiliaries and
    /// particles.
    pub fn cue(&self, v: usize) -> Cue {
        let toks = &self.parsed.tokens;
        let mut parts = vec![v];
        parts.extend(
            self.kids(v)
                .iter()
                .copied()
                .filter(|&k| CUE_PARTS.contains(&toks[k].deprel)),
        );
        let start = parts.iter().map(|&i| toks[i].span.start).min().unwrap_or(0);
        let end = parts.iter().map(|&i| toks[i].span.end).max().unwrap_or(0);
        Cue {
            span: Span { start, end },
            lemma: self.lemma(v),
        }
    }

    /// The speaker of verb `v`: its subject's subtree, or the subject of
    /// the verb it is coordinated with or depends on (`X arrived and said
    /// ...`, `X criticised Y, saying ...`).
    pub fn speaker(&self, v: usize) -> Option<Span> {
        let subj = self.kid(v, &["nsubj"]).or_else(|| {
            let t = self.parsed.tokens.get(v)?;
            if matches!(t.deprel, "conj" | "advcl" | "xcomp") {
                self.kid(t.head?, &["nsubj"])
            } else {
                None
            }
        })?;
        // A relative pronoun (`the senator, who said ...`) stands for the
        // noun phrase just before it.
        let toks = &self.parsed.tokens;
        if matches!(self.lemma(subj).as_str(), "who" | "that" | "which") {
            let mut end = subj;
            while end > 0 && toks[end - 1].upos == "PUNCT" {
                end -= 1;
            }
            let mut start = end;
            while start > 0
                && matches!(
                    toks[start - 1].upos,
                    "NOUN" | "PROPN" | "DET" | "ADJ" | "NUM"
                )
            {
                start -= 1;
            }
            if start < end && matches!(toks[end - 1].upos, "NOUN" | "PROPN") {
                return self.span_of(&(start..end).collect::<Vec<_>>());
            }
        }
        self.span_of(&self.subtree(subj, None))
    }
}

/// True when `i` is a speech verb.
pub(crate) fn is_speech_verb(tree: &Tree<'_>, i: usize) -> bool {
    tree.parsed.tokens.get(i).is_some_and(|t| {
        matches!(t.upos, "VERB" | "AUX") && SPEECH_VERBS.contains(&tree.lemma(i).as_str())
    })
}

/// The reported speech and `according to` attributions of sentence
/// `index` (parse `parsed`).
pub fn in_sentence(doc: &Document, index: usize, parsed: &ParsedSentence) -> Vec<Quote> {
    let tree = Tree::new(parsed);
    let mut out = Vec::new();
    for (v, tok) in parsed.tokens.iter().enumerate() {
        if tok.text_is(doc, "according") {
            if let Some(q) = according_to(&tree, v, index) {
                out.push(q);
            }
            continue;
        }
        if !is_speech_verb(&tree, v) {
            continue;
        }
        let Some(content) = complement(&tree, doc, v) else {
            continue;
        };
        out.push(Quote {
            speaker: tree.speaker(v),
            speaker_actor: None,
            cue: Some(tree.cue(v)),
            content,
            kind: QuoteKind::Reported,
            sentence: index,
        });
    }
    out
}

/// What verb `v` reports: its clausal complement (`said (that) ...`), the
/// clause it is a parenthetical of (`..., X said.`), or the rest of the
/// sentence after a `that` that the parse did not attach.
fn complement(tree: &Tree<'_>, doc: &Document, v: usize) -> Option<Span> {
    let toks = &tree.parsed.tokens;
    if let Some(c) = tree.kid(v, &["ccomp"]) {
        return tree.span_of(&tree.subtree(c, None));
    }
    let t = toks.get(v)?;
    if t.deprel == "parataxis" {
        let h = t.head?;
        if h < v {
            let tokens: Vec<usize> = tree
                .subtree(h, Some(v))
                .into_iter()
                .filter(|&i| i < v)
                .collect();
            return tree.span_of(&tokens);
        }
    }
    if let Some(span) = before_comma(tree, v) {
        return Some(span);
    }
    // `X said that ...` with `that` left unattached: up to the sentence end.
    let that = (v + 1..toks.len().min(v + 4)).find(|&i| toks[i].text_is(doc, "that"))?;
    let between_ok =
        (v + 1..that).all(|i| matches!(toks[i].upos, "PRON" | "NOUN" | "PROPN" | "DET" | "ADV"));
    if !between_ok || that + 1 >= toks.len() {
        return None;
    }
    let rest: Vec<usize> = (that..toks.len()).collect();
    let span = tree.span_of(&rest)?;
    (span.len() > 4).then_some(span)
}

/// `Clause, X said` parsed without a parataxis: the clause before the comma
/// that precedes the speaker (or the verb, in `..., said X`), when it has a
/// verb of its own.
fn before_comma(tree: &Tree<'_>, v: usize) -> Option<Span> {
    let toks = &tree.parsed.tokens;
    let subj = tree.kid(v, &["nsubj"]);
    let left = match subj {
        Some(s) if s < v => tree.subtree(s, None).first().copied().unwrap_or(s),
        _ => v,
    };
    // Only the subject's words (and adverbs) may stand between comma and verb.
    let comma = left.checked_sub(1)?;
    if toks.get(comma)?.lemma != "," || comma == 0 {
        return None;
    }
    if (left..v).any(|i| {
        !matches!(
            toks[i].upos,
            "NOUN" | "PROPN" | "PRON" | "DET" | "ADJ" | "ADV" | "PUNCT" | "NUM"
        )
    }) {
        return None;
    }
    let clause: Vec<usize> = (0..comma).collect();
    let has_verb = clause
        .iter()
        .any(|&i| matches!(toks[i].upos, "VERB" | "AUX"));
    if !has_verb {
        return None;
    }
    tree.span_of(&clause)
}

/// `according to X`: X is the speaker, the rest of the sentence (the longer
/// side of the phrase) the content.
fn according_to(tree: &Tree<'_>, v: usize, index: usize) -> Option<Quote> {
    let toks = &tree.parsed.tokens;
    let to = toks.get(v + 1)?;
    if to.lemma.to_lowercase() != "to" {
        return None;
    }
    // The source: the head of `according` when it is a case marker, else
    // the next noun.
    let x = match toks[v].head {
        Some(h) if h > v + 1 => h,
        _ => (v + 2..toks.len()).find(|&i| matches!(toks[i].upos, "NOUN" | "PROPN" | "PRON"))?,
    };
    let phrase: Vec<usize> = tree.subtree(x, None);
    let p_start = phrase.first().copied().unwrap_or(x).min(v);
    let p_end = phrase.last().copied().unwrap_or(x).max(v + 1);
    let before: Vec<usize> = (0..p_start).collect();
    let after: Vec<usize> = (p_end + 1..toks.len()).collect();
    let source: Vec<usize> = phrase
        .iter()
        .copied()
        .filter(|&i| i != v && i != v + 1)
        .collect();
    let speaker = tree.span_of(&source);
    let content = match (tree.span_of(&before), tree.span_of(&after)) {
        (Some(b), Some(a)) => Some(if b.len() >= a.len() { b } else { a }),
        (b, a) => b.or(a),
    }?;
    Some(Quote {
        speaker,
        speaker_actor: None,
        cue: Some(Cue {
            span: Span {
                start: toks[v].span.start,
                end: to.span.end,
            },
            lemma: "according to".to_string(),
        }),
        content,
        kind: QuoteKind::AccordingTo,
        sentence: index,
    })
}

/// Comparing a token's text without allocating.
trait TextIs {
    fn text_is(&self, doc: &Document, word: &str) -> bool;
}

impl TextIs for dyads_syntax::ParsedToken {
    fn text_is(&self, doc: &Document, word: &str) -> bool {
        doc.slice(self.span).eq_ignore_ascii_case(word)
    }
}
