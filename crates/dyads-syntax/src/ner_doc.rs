//! Document-level consistency for the recogniser: a name recognised once
//! in a document is recognised, with its majority type, wherever else it
//! occurs in that document (not inside another entity; in lowercase too,
//! `hamas` after `Hamas`, unless a recognised mention has an all-capitals
//! word, so that `US` does not make `us` a name).

use dyads_text::Span;

use crate::hash::{mix, IdMap};
use crate::iob2::{entities, Iob2Sentence};
use crate::lexical::{lex, Lex};
use crate::pipeline::{EntitySpan, ParsedSentence};
use crate::tagset::ENTITY_TYPES;

/// Longest entity, in tokens, that is carried to other mentions.
const MAX_LEN: usize = 6;

fn seq(lex: &[Lex]) -> u64 {
    lex.iter().fold(0x0d0c, |h, l| mix(h, l.lower))
}

/// Whether a lowercase word may be a common word: three characters or
/// fewer, or a WordNet verb, adjective, adverb or lowercase noun, or an
/// inflection of one (`bill`, `may`, `rose`), so that a lowercase
/// mention of a name written the same way is not carried.
fn common(l: &Lex) -> bool {
    use crate::wordnet::{ADJ, ADV, LOWER_NOUN, VERB};
    // The 3-character prefix is the whole word.
    let short = l.pre[2] == mix(l.lower, 102);
    short || l.wn & (VERB | ADJ | ADV | LOWER_NOUN) != 0 || l.wm != 0
}

/// Type votes of every entity string of a document.
#[derive(Default)]
struct Votes {
    by_string: IdMap<[u32; 3]>,
    lens: [bool; MAX_LEN + 1],
    /// Strings with a mention that has an all-capitals word (`US`), which
    /// are not carried to lowercase mentions (`us`).
    capitals: IdMap<()>,
}

impl Votes {
    fn majority(&self, h: u64) -> Option<usize> {
        let v = self.by_string.get(&h)?;
        let (t, &best) = v
            .iter()
            .enumerate()
            .max_by_key(|(t, &c)| (c, usize::MAX - t))?;
        (best > 0).then_some(t)
    }
}

/// Adds the mentions of a document's entity strings that sentence-level
/// tagging missed, and gives every mention of a string the type most of
/// its mentions have. `sents` are the sentences' tokens, `ents` their
/// entities `(start, end, type)`, in the same order.
pub(crate) fn harmonize(sents: &[&[Lex]], ents: &mut [Vec<(usize, usize, usize)>]) {
    debug_assert_eq!(ENTITY_TYPES.len(), 3);
    let mut votes = Votes::default();
    for (lex, es) in sents.iter().zip(ents.iter()) {
        for &(s, e, t) in es.iter() {
            let (Some(span), Some(v)) = (lex.get(s..e), Some(t).filter(|&t| t < 3)) else {
                continue;
            };
            if span.len() > MAX_LEN {
                continue;
            }
            votes.by_string.entry(seq(span)).or_default()[v] += 1;
            votes.lens[span.len()] = true;
            if span.iter().any(|l| l.flags & 2 != 0) {
                votes.capitals.insert(seq(span), ());
            }
        }
    }
    if votes.by_string.is_empty() {
        return;
    }
    for (lex, es) in sents.iter().zip(ents.iter_mut()) {
        for e in es.iter_mut() {
            if let Some(t) = lex.get(e.0..e.1).and_then(|s| votes.majority(seq(s))) {
                e.2 = t;
            }
        }
        let mut taken = vec![false; lex.len()];
        for &(s, e, _) in es.iter() {
            for x in taken.iter_mut().take(e).skip(s) {
                *x = true;
            }
        }
        let mut added = Vec::new();
        for len in (1..=MAX_LEN).rev().filter(|&l| votes.lens[l]) {
            for s in 0..lex.len().saturating_sub(len - 1) {
                let e = s + len;
                let h = seq(&lex[s..e]);
                let lower = lex[s].flags & 3 == 0;
                if taken[s..e].iter().any(|&x| x)
                    || (lower && (votes.capitals.contains_key(&h) || lex[s..e].iter().any(common)))
                {
                    continue;
                }
                if let Some(t) = votes.majority(h) {
                    taken[s..e].iter_mut().for_each(|x| *x = true);
                    added.push((s, e, t));
                }
            }
        }
        if !added.is_empty() {
            es.extend(added);
            es.sort_unstable();
        }
    }
}

/// Makes the entities of a document's sentences (annotated from `text`)
/// consistent: see [`harmonize`]. [`crate::Pipeline::annotate`] does this
/// for a whole document; call it on the sentences of one document when
/// annotating them piecewise.
pub fn harmonize_entities(text: &str, sentences: &mut [ParsedSentence]) {
    let mut buf = String::new();
    let lexes: Vec<Vec<Lex>> = sentences
        .iter()
        .map(|s| {
            s.tokens
                .iter()
                .map(|t| lex(t.span.slice(text), &mut buf))
                .collect()
        })
        .collect();
    let mut ents: Vec<Vec<(usize, usize, usize)>> = sentences
        .iter()
        .map(|s| {
            s.entities
                .iter()
                .map(|e| {
                    let t = ENTITY_TYPES.iter().position(|x| *x == e.label);
                    (e.start, e.end, t.unwrap_or(ENTITY_TYPES.len()))
                })
                .collect()
        })
        .collect();
    let refs: Vec<&[Lex]> = lexes.iter().map(Vec::as_slice).collect();
    harmonize(&refs, &mut ents);
    for (s, es) in sentences.iter_mut().zip(ents) {
        let spans: Vec<EntitySpan> = es
            .into_iter()
            .filter_map(|(st, en, t)| {
                Some(EntitySpan {
                    start: st,
                    end: en,
                    span: Span {
                        start: s.tokens.get(st)?.span.start,
                        end: s.tokens.get(en.checked_sub(1)?)?.span.end,
                    },
                    label: ENTITY_TYPES.get(t)?,
                })
            })
            .collect();
        s.entities = spans;
    }
}

/// Makes the tags of predicted IOB2 sentences consistent within each
/// document (a `newdoc` comment starts one): see [`harmonize`].
pub fn harmonize_iob2(sentences: &mut [Iob2Sentence]) {
    let mut start = 0;
    while start < sentences.len() {
        let end = sentences[start + 1..]
            .iter()
            .position(|s| s.comments.iter().any(|c| c.starts_with("newdoc")))
            .map_or(sentences.len(), |k| start + 1 + k);
        let doc = &mut sentences[start..end];
        let mut buf = String::new();
        let lexes: Vec<Vec<Lex>> = doc
            .iter()
            .map(|s| s.forms.iter().map(|f| lex(f, &mut buf)).collect())
            .collect();
        let mut ents: Vec<Vec<(usize, usize, usize)>> = doc
            .iter()
            .map(|s| {
                entities(&s.tags)
                    .into_iter()
                    .filter_map(|e| {
                        let t = ENTITY_TYPES.iter().position(|x| *x == e.label)?;
                        Some((e.start, e.end, t))
                    })
                    .collect()
            })
            .collect();
        let refs: Vec<&[Lex]> = lexes.iter().map(Vec::as_slice).collect();
        harmonize(&refs, &mut ents);
        for (s, es) in doc.iter_mut().zip(ents) {
            s.tags.iter_mut().for_each(|t| *t = "O".into());
            for (st, en, t) in es {
                for k in st..en.min(s.tags.len()) {
                    let prefix = if k == st { "B" } else { "I" };
                    s.tags[k] = format!("{prefix}-{}", ENTITY_TYPES[t]);
                }
            }
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexes(words: &str) -> Vec<Lex> {
        let mut b = String::new();
        words.split(' ').map(|w| lex(w, &mut b)).collect()
    }

    #[test]
    fn carries_names_across_sentences() {
        let a = lexes("Officials of Hamas met in Gaza");
        let b = lexes("Hamas said us and the US");
        let c = lexes("we love hamas and us");
        let mut ents = vec![vec![(2, 3, 1), (5, 6, 2)], vec![(5, 6, 2)], vec![]];
        harmonize(&[&a, &b, &c], &mut ents);
        assert_eq!(ents[0], vec![(2, 3, 1), (5, 6, 2)]);
        assert_eq!(ents[1], vec![(0, 1, 1), (5, 6, 2)]);
        // Lowercase mentions are carried, but not from an acronym.
        assert_eq!(ents[2], vec![(2, 3, 1)]);
        // Nor to a lowercase common word.
        let e = lexes("Bill Gates spoke and Bill thanked Congress");
        let f = lexes("the bill passed , Bill said");
        let mut ents = vec![vec![(0, 2, 0), (4, 5, 0), (6, 7, 1)], vec![]];
        harmonize(&[&e, &f], &mut ents);
        assert_eq!(ents[1], vec![(4, 5, 0)]);
        let mut votes = vec![vec![(0, 1, 0)], vec![(0, 1, 1)], vec![(0, 1, 1)]];
        let d = lexes("Hamas");
        harmonize(&[&d, &d, &d], &mut votes);
        assert!(votes.iter().all(|v| v == &vec![(0, 1, 1)]));
    }

    #[test]
    fn harmonizes_iob2_documents() {
        let sent = |c: &str, f: &[&str], t: &[&str]| Iob2Sentence {
            comments: if c.is_empty() {
                vec![]
            } else {
                vec![c.to_string()]
            },
            forms: f.iter().map(|x| x.to_string()).collect(),
            tags: t.iter().map(|x| x.to_string()).collect(),
        };
        let mut s = vec![
            sent(
                "newdoc id = a",
                &["Acme", "Corp", "won"],
                &["B-ORG", "I-ORG", "O"],
            ),
            sent("", &["Acme", "Corp", "lost"], &["O", "O", "O"]),
            sent("newdoc id = b", &["Acme", "Corp", "lost"], &["O", "O", "O"]),
        ];
        harmonize_iob2(&mut s);
        assert_eq!(s[1].tags, vec!["B-ORG", "I-ORG", "O"]);
        assert_eq!(s[2].tags, vec!["O", "O", "O"]);
    }
}
