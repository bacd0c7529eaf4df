//! A view of one parsed sentence for the event coder: canonical lemmas and
//! forms, dependents, subtrees and clause boundaries.

use dyads_syntax::ParsedSentence;
use dyads_text::Span;

/// Canonical spelling of a word for lexicon comparison: lower case, no
/// hyphens, British `-ise`/`-yse`/`-our`/`defence` spellings as American.
pub(crate) fn canon(word: &str) -> String {
    let mut w: String = if word.is_ascii() {
        // The same as below for ASCII, without the per-character case
        // mapping.
        let mut w = String::with_capacity(word.len());
        w.extend(
            word.bytes()
                .filter(|&b| b != b'-')
                .map(|b| b.to_ascii_lowercase() as char),
        );
        w
    } else {
        word.chars()
            .filter(|c| *c != '-' && *c != '\u{2019}')
            .flat_map(char::to_lowercase)
            .collect()
    };
    for (from, to) in [
        ("ise", "ize"),
        ("yse", "yze"),
        ("ised", "ized"),
        ("ising", "izing"),
    ] {
        if w.len() > from.len() + 3 && w.ends_with(from) && !KEEP_ISE.contains(&w.as_str()) {
            w.truncate(w.len() - from.len());
            w.push_str(to);
        }
    }
    match w.as_str() {
        "defence" => "defense".into(),
        "offence" => "offense".into(),
        "honour" | "labour" | "favour" | "rumour" | "harbour" => w.replacen("our", "or", 1),
        _ => w,
    }
}

/// Words ending in `-ise` that have no `-ize` spelling.
const KEEP_ISE: &[&str] = &[
    "promise",
    "compromise",
    "surprise",
    "exercise",
    "advertise",
    "supervise",
    "revise",
    "comprise",
    "despise",
    "devise",
    "enterprise",
    "franchise",
    "otherwise",
    "premise",
    "raise",
    "praise",
    "chastise",
    "improvise",
    "televise",
    "expertise",
    "merchandise",
];

/// One sentence with what the coder needs about its tokens.
pub(crate) struct Sent<'a> {
    /// The parse.
    pub p: &'a ParsedSentence,
    /// The document text.
    pub text: &'a str,
    /// Canonical lemma per token.
    pub lemma: Vec<String>,
    /// Canonical form per token.
    pub form: Vec<String>,
    /// Dependents per token.
    pub kids: Vec<Vec<usize>>,
    /// Other possible lemmas of a verb read off its inflected form, for
    /// lemmatiser misses (`expelled` -> `expel`, `rioted` -> `riot`);
    /// empty for most tokens.
    pub stems: Vec<Vec<String>>,
    /// Tokens tagged as adjectives that are past-tense verbs (see
    /// `misread_past`).
    pub misread: Vec<bool>,
    /// Tokens of a dateline the sentence opens with (`OSLO, May 3 - `),
    /// which the text layer left in: 0 when there is none.
    pub dateline: usize,
}

/// Base forms an inflected verb form may come from: `-ed`, `-ing`, `-s`
/// removed, with a final `e` restored, a doubled consonant undone or `i`
/// turned back into `y`.
pub(crate) fn verb_stems(form: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |w: String| {
        if w.len() >= 3 && !out.contains(&w) {
            out.push(w);
        }
    };
    let undouble = |stem: &str| -> Option<String> {
        let b = stem.as_bytes();
        let n = b.len();
        (n >= 4 && b[n - 1] == b[n - 2] && !b"aeiouwxy".contains(&b[n - 1]))
            .then(|| stem[..n - 1].to_string())
    };
    for suffix in ["ed", "ing"] {
        if let Some(stem) = form.strip_suffix(suffix) {
            if suffix == "ed" {
                if let Some(y) = stem.strip_suffix('i') {
                    push(format!("{y}y"));
                }
            }
            push(stem.to_string());
            push(format!("{stem}e"));
            if let Some(u) = undouble(stem) {
                push(u);
            }
        }
    }
    if let Some(stem) = form.strip_suffix("ies") {
        push(format!("{stem}y"));
    } else if let Some(stem) = form.strip_suffix("es") {
        push(stem.to_string());
        push(format!("{stem}e"));
    } else if let Some(stem) = form.strip_suffix('s') {
        if !stem.ends_with('s') {
            push(stem.to_string());
        }
    }
    if let Some(&(_, base)) = IRREGULAR_PAST.iter().find(|(f, _)| *f == form) {
        push(base.to_string());
    }
    out
}

/// Irregular past forms of event verbs that the lemmatiser may leave as
/// they are (`undertook`).
const IRREGULAR_PAST: &[(&str, &str)] = &[
    ("undertook", "undertake"),
    ("undertaken", "undertake"),
    ("retook", "retake"),
    ("retaken", "retake"),
    ("overran", "overrun"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("forbade", "forbid"),
    ("forbidden", "forbid"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("shot", "shoot"),
    ("struck", "strike"),
    ("stricken", "strike"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("broke", "break"),
    ("broken", "break"),
    ("sought", "seek"),
    ("fought", "fight"),
    ("overthrew", "overthrow"),
    ("overthrown", "overthrow"),
    ("unfroze", "unfreeze"),
    ("unfrozen", "unfreeze"),
    ("forgave", "forgive"),
    ("forgiven", "forgive"),
    ("underwent", "undergo"),
    ("withheld", "withhold"),
];

/// Verbs whose past is their base form (`protesters set fire to`).
const SAME_PAST: &[&str] = &["set", "cut", "hit", "shut", "put", "spread", "quit"];

/// Whether token `i`, tagged as an adjective, is a past-tense verb the
/// tagger misread (`Irish guerrillas wounded two soldiers`): an `-ed` word
/// right after a noun, before the first verb of the sentence, followed by
/// the start of a noun phrase; so is a bare or irregular past in the same
/// place (`Iraqi protesters set fire to the consulate`).
/// So is a participle of stance after `be` and before `to` (`Vietnam is
/// committed to`, `Israel is opposed to`).
fn misread_past(p: &ParsedSentence, form: &[String], i: usize) -> bool {
    let t = &p.tokens;
    let upos = |j: usize| t.get(j).map_or("", |x| x.upos);
    if upos(i) != "ADJ" || i == 0 {
        return false;
    }
    let past_form = form[i].ends_with("ed")
        || SAME_PAST.contains(&form[i].as_str())
        || IRREGULAR_PAST.iter().any(|(f, _)| *f == form[i]);
    if !past_form {
        return false;
    }
    let stance = form.get(i + 1).is_some_and(|w| w == "to")
        && (i.saturating_sub(2)..i).any(|j| upos(j) == "AUX");
    stance
        || matches!(upos(i - 1), "NOUN" | "PROPN")
            && matches!(
                upos(i + 1),
                "DET" | "NUM" | "ADJ" | "NOUN" | "PROPN" | "PRON"
            )
            && !t[..i].iter().any(|x| x.upos == "VERB" || x.upos == "AUX")
}

impl<'a> Sent<'a> {
    /// Builds the view.
    pub fn new(p: &'a ParsedSentence, text: &'a str) -> Sent<'a> {
        let n = p.tokens.len();
        let mut kids = vec![Vec::new(); n];
        for (i, t) in p.tokens.iter().enumerate() {
            if let Some(h) = t.head.filter(|&h| h < n && h != i) {
                kids[h].push(i);
            }
        }
        let lemma: Vec<String> = p.tokens.iter().map(|t| canon(&t.lemma)).collect();
        let form: Vec<String> = p.tokens.iter().map(|t| canon(t.span.slice(text))).collect();
        let misread: Vec<bool> = (0..n).map(|i| misread_past(p, &form, i)).collect();
        let stems = p
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let verbal = t.upos == "VERB" || t.xpos.starts_with("VB") && t.upos != "AUX";
                if misread[i] || verbal && form[i] != lemma[i] {
                    let mut v = verb_stems(&form[i]);
                    v.retain(|w| *w != lemma[i]);
                    v
                } else if verbal {
                    // An irregular past the lemmatiser left as it is.
                    IRREGULAR_PAST
                        .iter()
                        .filter(|(f, _)| *f == form[i])
                        .map(|(_, b)| b.to_string())
                        .collect()
                } else {
                    Vec::new()
                }
            })
            .collect();
        Sent {
            p,
            text,
            lemma,
            form,
            kids,
            stems,
            misread,
            dateline: dateline_prefix(p, text),
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.p.tokens.len()
    }

    /// Whether token `i` is the word `w` (canonical): same lemma or form,
    /// or `w` is the plural of its lemma (`talks` on "talk").
    pub fn is(&self, i: usize, w: &str) -> bool {
        let (l, f) = (&self.lemma[i], &self.form[i]);
        l == w
            || f == w
            || (w.len() == l.len() + 1 && w.starts_with(l.as_str()) && w.ends_with('s'))
            || self.stems[i].iter().any(|x| x == w)
    }

    /// Whether the lemma of token `i` (or, for a verb, one of its
    /// [`Sent::stems`]) is one of `words`.
    pub fn lemma_in(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.lemma[i].as_str())
            || self.stems[i].iter().any(|x| words.contains(&x.as_str()))
    }

    /// UPOS of token `i`.
    pub fn upos(&self, i: usize) -> &'static str {
        self.p.tokens[i].upos
    }

    /// Dependency relation of token `i`.
    pub fn rel(&self, i: usize) -> &'static str {
        self.p.tokens[i].deprel
    }

    /// Head of token `i`.
    pub fn head(&self, i: usize) -> Option<usize> {
        self.p.tokens[i].head.filter(|&h| h < self.len() && h != i)
    }

    /// Whether token `i` is verbal (a verb, or a participle tagged otherwise).
    pub fn is_verb(&self, i: usize) -> bool {
        let t = &self.p.tokens[i];
        t.upos == "VERB"
            || t.xpos.starts_with("VB") && t.upos != "AUX"
            || self.misread[i]
            // A word with a verb particle is a verb whatever its tag
            // (`the prime minister hit out at Brussels`, `hit` as a noun).
            || self.kids[i].iter().any(|&k| self.p.tokens[k].deprel == "compound:prt")
    }

    /// The first dependent of `i` whose relation starts with `rel`.
    pub fn kid(&self, i: usize, rel: &str) -> Option<usize> {
        self.kids[i].iter().copied().find(|&k| {
            // `rel` itself or one of its subtypes (`rel:sub`).
            let r = self.rel(k);
            r.strip_prefix(rel)
                .is_some_and(|sub| sub.is_empty() || sub.starts_with(':'))
        })
    }

    /// Tokens `lo..=hi` covered by the subtree of `i` (contiguous hull).
    pub fn subtree(&self, i: usize) -> (usize, usize) {
        let (mut lo, mut hi) = (i, i);
        let mut stack = vec![i];
        let mut seen = 0usize;
        while let Some(t) = stack.pop() {
            seen += 1;
            if seen > self.len() {
                break;
            }
            lo = lo.min(t);
            hi = hi.max(t);
            stack.extend(self.kids[t].iter().copied());
        }
        (lo, hi)
    }

    /// The verb a date expression at `span` modifies as an adverbial
    /// (`On 16 January, they met`: `met`), or `None` when it modifies a noun
    /// (`the April festival`, `the agreements of September`).
    pub fn date_verb(&self, span: Span) -> Option<usize> {
        let first = self
            .p
            .tokens
            .iter()
            .position(|t| t.span.start >= span.start && t.span.start < span.end)?;
        // The head of the date phrase: climb while inside the span.
        let mut h = first;
        for _ in 0..8 {
            match self.head(h) {
                Some(p)
                    if self.p.tokens[p].span.start >= span.start
                        && self.p.tokens[p].span.end <= span.end =>
                {
                    h = p
                }
                _ => break,
            }
        }
        let rel = self.rel(h);
        let adverbial = rel.starts_with("obl")
            || matches!(rel, "nmod:tmod" | "nmod:unmarked" | "advmod" | "advcl");
        let v = self.head(h)?;
        (adverbial && (self.is_verb(v) || self.upos(v) == "AUX" || self.rel(v) == "root"))
            .then_some(v)
    }

    /// Whether token `a` is an ancestor of token `b` (at most 8 levels up).
    pub fn dominates(&self, a: usize, b: usize) -> bool {
        self.dominates_where(a, b, |_| true)
    }

    /// Whether `a` dominates `b` through complements and modifiers only:
    /// a verb conjunct on the way (`condemned the launch and agreed to
    /// ...`) is an act of its own, not part of `a`'s.
    pub fn dominates_in_clause(&self, a: usize, b: usize) -> bool {
        self.dominates_where(a, b, |h| !(self.rel(h) == "conj" && self.is_verb(h)))
    }

    /// Whether `a` dominates `b` within eight steps up, every token on the
    /// way from `b` (itself included, `a` not) passing `through`.
    fn dominates_where(&self, a: usize, b: usize, through: impl Fn(usize) -> bool) -> bool {
        let mut h = b;
        for _ in 0..8 {
            if !through(h) {
                return false;
            }
            match self.head(h) {
                Some(p) if p == a => return true,
                Some(p) => h = p,
                None => return false,
            }
        }
        false
    }

    /// Byte span of tokens `lo..=hi`.
    pub fn span(&self, lo: usize, hi: usize) -> Span {
        let t = &self.p.tokens;
        Span::new(t[lo].span.start as usize, t[hi].span.end as usize)
    }

    /// Whether token `i` ends a noun phrase scanned left to right: clause
    /// punctuation, a verb, a complementiser or relative pronoun, or a
    /// preposition other than `of`.
    pub fn np_boundary(&self, i: usize) -> bool {
        let f = self.form[i].as_str();
        if matches!(
            f,
            "," | ";" | ":" | "(" | ")" | "\"" | "\u{201c}" | "\u{201d}" | "." | "--" | "\u{2014}"
        ) {
            return true;
        }
        if matches!(
            f,
            "that" | "who" | "which" | "whom" | "whose" | "where" | "when" | "to"
        ) {
            return true;
        }
        match self.upos(i) {
            // A participle modifying the noun after it (`a British-flagged
            // tanker`) is inside the phrase.
            "VERB" if self.rel(i) == "amod" && self.head(i).is_some_and(|h| h > i) => false,
            "VERB" | "AUX" | "SCONJ" => true,
            "ADP" => f != "of" && f != "'s",
            _ => false,
        }
    }

    /// The first token of the text at `span` (a date, a mention).
    pub fn first_token(&self, span: Span) -> Option<usize> {
        // Tokens are in text order: the first one starting at or after the
        // span's start, if it starts inside the span.
        let k = self.p.tokens.partition_point(|x| x.span.start < span.start);
        self.p
            .tokens
            .get(k)
            .is_some_and(|x| x.span.start < span.end)
            .then_some(k)
    }

    /// The noun phrase starting at token `start`: up to its boundary, at
    /// most 12 tokens; `and` keeps the phrase going (coordination).
    pub fn np_from(&self, start: usize) -> Option<(usize, usize)> {
        if start >= self.len() {
            return None;
        }
        let mut end = start;
        let limit = (start + 12).min(self.len());
        for i in start..limit {
            if i > start && self.np_boundary(i) {
                break;
            }
            end = i;
        }
        Some((start, end))
    }

    /// The noun phrase that ends at token `end`, scanning left over
    /// modifiers: the premodifier region of a nominal event.
    pub fn np_left(&self, end: usize) -> Option<(usize, usize)> {
        let mut lo = end;
        while lo > 0 {
            let j = lo - 1;
            let ok = matches!(
                self.upos(j),
                "DET" | "ADJ" | "PROPN" | "NOUN" | "NUM" | "PART" | "PRON"
            ) || matches!(
                self.form[j].as_str(),
                // A hyphen's canonical form is empty (`canon` drops it).
                "'s" | "s" | "and" | "" | "-" | "\u{2013}" | "\u{2019}s"
            );
            if !ok || end - j > 10 {
                break;
            }
            lo = j;
        }
        (lo < end).then(|| (lo, end - 1))
    }
}

/// The number of tokens of a dateline at the start of `p` (`OSLO, May 3 -`,
/// `OSLO (Agency) -`), as the text layer reads datelines.
fn dateline_prefix(p: &ParsedSentence, text: &str) -> usize {
    let Some(d) = dyads_text::clean::dateline::dateline(p.span.slice(text)) else {
        return 0;
    };
    let end = p.span.start as usize + d.end;
    let n = p
        .tokens
        .iter()
        .take_while(|t| t.span.end as usize <= end)
        .count();
    // A dateline is never the whole sentence.
    if n < p.tokens.len() {
        n
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::canon;

    #[test]
    fn verb_stems_undo_inflection() {
        for (form, want) in [
            ("expelled", "expel"),
            ("rioted", "riot"),
            ("telephoned", "telephone"),
            ("violating", "violate"),
            ("applauded", "applaud"),
            ("denied", "deny"),
            ("blames", "blame"),
            ("undertook", "undertake"),
            ("swore", "swear"),
            ("retook", "retake"),
        ] {
            assert!(super::verb_stems(form).iter().any(|w| w == want), "{form}");
        }
    }

    #[test]
    fn canonical_spellings() {
        for (a, b) in [
            ("Criticise", "criticize"),
            ("analyse", "analyze"),
            ("defence", "defense"),
            ("cease-fire", "ceasefire"),
            ("promise", "promise"),
            ("Talks", "talks"),
        ] {
            assert_eq!(canon(a), b, "{a}");
        }
    }
}
