//! Pattern matching around a verb: which pattern of a verb entry holds,
//! and which actors its `+`, `$` and `%` markers bind.

use crate::dict::actors::match_words;
use crate::dict::pattern::{word_matches, Elem, Endings, Link, Seq};
use crate::dict::tokens::Token;
use crate::dict::verbs::VerbEntry;

/// Actors joined by `,`/`and`: a compound (often one actor).
#[derive(Clone, Debug)]
pub(crate) struct Group {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) codes: Vec<String>,
}

/// A verb found in a sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct VerbHit {
    pub(crate) entry: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// What a pattern match tells.
#[derive(Clone, Debug, Default)]
pub(crate) struct Bind {
    pub(crate) score: usize,
    pub(crate) source: Option<usize>,
    pub(crate) target: Option<usize>,
    pub(crate) compound: Option<usize>,
    pub(crate) target_before: bool,
}

/// Matches a verb form at token `i`: verb endings on its first word.
pub(crate) fn match_verb(form: &Seq, tokens: &[Token], i: usize) -> Option<usize> {
    let Some(Elem::Word(w)) = form.elems.first() else {
        return None;
    };
    if !word_matches(w, &tokens.get(i)?.text, Endings::Verb) {
        return None;
    }
    if form.elems.len() == 1 {
        return Some(i + 1);
    }
    let rest = Seq {
        elems: form.elems[1..].to_vec(),
        links: form.links[1..].to_vec(),
    };
    let next = match form.links.first() {
        Some(Link::Tight) => i + 1,
        _ => (i + 1..tokens.len().min(i + 4))
            .find(|&p| match_words(&rest, tokens, p, 2).is_some())?,
    };
    match_words(&rest, tokens, next, 2)
}

pub(crate) struct Ctx<'a> {
    pub(crate) tokens: &'a [Token],
    pub(crate) groups: &'a [Group],
    pub(crate) lo: usize,
    pub(crate) hi: usize,
    pub(crate) verb: VerbHit,
}

pub(crate) fn best_pattern(entry: &VerbEntry, ctx: &Ctx<'_>) -> (String, Bind, Option<usize>) {
    let mut best: Option<(usize, &str, Bind, usize)> = None;
    for p in &entry.patterns {
        let verb_at = p
            .seq
            .elems
            .iter()
            .position(|e| *e == Elem::Verb)
            .unwrap_or(0);
        if let Some(b) = seq_match(ctx, &p.seq, 0, ctx.lo, verb_at, true, Bind::default()) {
            if best.as_ref().is_none_or(|(s, _, _, _)| b.score > *s) {
                best = Some((b.score, &p.code, b, p.line));
            }
        }
    }
    match best {
        Some((_, code, b, line)) => (code.to_string(), b, Some(line)),
        None => (entry.code.clone(), Bind::default(), None),
    }
}

/// Matches `seq.elems[k..]` from position `pos`; `verb_at` is the index of
/// `*` in the top-level pattern (elements before it lie before the verb).
fn seq_match(
    ctx: &Ctx<'_>,
    seq: &Seq,
    k: usize,
    pos: usize,
    verb_at: usize,
    top: bool,
    bind: Bind,
) -> Option<Bind> {
    let Some(elem) = seq.elems.get(k) else {
        return Some(bind);
    };
    let tight = k > 0 && seq.links.get(k - 1) == Some(&Link::Tight);
    let mut starts: Vec<usize> = if tight || (!top && k == 0) {
        vec![pos]
    } else {
        (pos..ctx.hi).collect()
    };
    // Before the verb TABARI reads the pattern back from the verb: the
    // nearest fit wins (`X and Y hosting ^ * ...`: `$` is Y).
    if top && k < verb_at {
        starts.retain(|&s| s < ctx.verb.start);
        starts.reverse();
    }
    for s in starts {
        if top && k > verb_at && s < ctx.verb.end {
            continue;
        }
        for (end, b) in elem_match(ctx, elem, s, k < verb_at && top, bind.clone()) {
            if let Some(done) = seq_match(ctx, seq, k + 1, end, verb_at, top, b) {
                return Some(done);
            }
        }
    }
    None
}

/// Where an element starting at `s` can end, with what it binds.
fn elem_match(
    ctx: &Ctx<'_>,
    elem: &Elem,
    s: usize,
    before_verb: bool,
    bind: Bind,
) -> Vec<(usize, Bind)> {
    match elem {
        Elem::Verb => {
            if s == ctx.verb.start {
                vec![(ctx.verb.end, bind)]
            } else {
                Vec::new()
            }
        }
        Elem::Word(w) => match ctx.tokens.get(s) {
            Some(t)
                if s < ctx.hi
                    && !t.punct
                    && !t.possessive
                    && word_matches(w, &t.text, Endings::None) =>
            {
                let mut b = bind;
                b.score += w.text.len();
                vec![(s + 1, b)]
            }
            _ => Vec::new(),
        },
        Elem::Alt(alts) | Elem::Syn(alts) => {
            let mut out = Vec::new();
            let syn = matches!(elem, Elem::Syn(_));
            for alt in alts {
                let mut ends = Vec::new();
                alt_ends(ctx, alt, 0, s, Bind::default(), &mut ends);
                for (end, inner) in ends {
                    let mut b = bind.clone();
                    let score = inner.score;
                    b.score += if syn { score.saturating_sub(1) } else { score };
                    // `+PESO_$` in a synonym set: the actor it marks.
                    b.source = inner.source.or(b.source);
                    b.compound = inner.compound.or(b.compound);
                    if inner.target.is_some() {
                        b.target = inner.target;
                        b.target_before = inner.target_before;
                    }
                    out.push((end, b));
                }
            }
            out
        }
        Elem::Target | Elem::Source | Elem::Compound | Elem::Skip => {
            let Some(gi) = ctx.groups.iter().position(|g| g.start == s) else {
                return Vec::new();
            };
            let g = &ctx.groups[gi];
            if g.end > ctx.hi || (*elem == Elem::Compound && g.codes.len() < 2) {
                return Vec::new();
            }
            let mut b = bind;
            b.score += 1;
            match elem {
                Elem::Target => {
                    b.target = Some(gi);
                    b.target_before = before_verb;
                }
                Elem::Source => b.source = Some(gi),
                Elem::Compound => b.compound = Some(gi),
                _ => {}
            }
            vec![(g.end, b)]
        }
    }
}

/// All ends of an alternative (words, nested alternatives and actor
/// markers), each with what it binds.
fn alt_ends(
    ctx: &Ctx<'_>,
    seq: &Seq,
    k: usize,
    pos: usize,
    bind: Bind,
    out: &mut Vec<(usize, Bind)>,
) {
    let Some(elem) = seq.elems.get(k) else {
        out.push((pos, bind));
        return;
    };
    let tight = k == 0 || seq.links.get(k - 1) == Some(&Link::Tight);
    let last = if tight { pos + 1 } else { ctx.hi };
    for s in pos..last.min(ctx.hi) {
        if s == ctx.verb.start && s > pos {
            break;
        }
        let before = s < ctx.verb.start;
        for (end, b) in elem_match(ctx, elem, s, before, bind.clone()) {
            alt_ends(ctx, seq, k + 1, end, b, out);
        }
    }
}
