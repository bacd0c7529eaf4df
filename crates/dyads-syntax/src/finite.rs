//! A decoding constraint for finite verbs, applied to the tagger's output.
//!
//! Trained on EWT, which has little news, the tagger reads the `-ed` form
//! after a sentence-initial plural or proper noun as a reduced relative
//! ("Police arrested dozens of protesters": `arrested/VBN`), or an
//! irregular past as a noun or adjective ("a fighter jet shot down a
//! balloon": `shot/NN`), even when the sentence then has no finite verb at
//! all; the parser follows, and the event is lost. [`finite_fixes`] finds
//! the clauses with no finite verb (`VBD`, `VBZ`, `VBP`, `MD`) and gives
//! each at most one: the word that the tagger allows a finite reading,
//! that follows a possible subject (a noun, proper noun or pronoun) and
//! precedes an object-like word or the end of the clause, with the
//! smallest loss of score. A verb right after a coordinator whose first
//! conjunct's verb is a finite past ("imposed a curfew and cut internet
//! access") counts as following a subject when its reading is a past too.

/// One tagged token as the constraint sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Token<'a> {
    /// The lowercased form.
    pub lower: &'a str,
    /// Universal part of speech.
    pub upos: &'a str,
    /// Penn tag.
    pub xpos: &'a str,
}

/// A finite reading the tagger allows for a word.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Finite {
    /// The tagger's class for it (`VERB` with the Penn tag below).
    pub class: u16,
    /// `VBD`, `VBZ` or `VBP`.
    pub xpos: &'static str,
    /// How far its score falls below the best class's (0 or more).
    pub margin: f32,
}

/// Penn tags of finite verbs.
const FINITE: [&str; 4] = ["VBD", "VBZ", "VBP", "MD"];

/// Penn tags the constraint may replace.
const REPLACEABLE: [&str; 5] = ["VBN", "VB", "JJ", "NN", "NNS"];

/// Words after a verb that are particles when a noun phrase follows them
/// (`shot down a balloon`, `set up camps`).
const PARTICLES: [&str; 7] = ["down", "up", "off", "out", "back", "over", "away"];

/// Whether token `t` starts a new clause (it belongs to the clause it
/// starts): subordinators, wh-words and coordinators.
fn opens_clause(t: &Token<'_>) -> bool {
    matches!(t.upos, "SCONJ" | "CCONJ") || matches!(t.xpos, "WDT" | "WP" | "WRB")
}

/// Whether token `t` ends a clause and belongs to none: colons and
/// semicolons, brackets, quotes and sentence-final punctuation.
fn closes_clause(t: &Token<'_>) -> bool {
    matches!(t.xpos, ":" | "." | "-LRB-" | "-RRB-" | "``" | "''" | "NFP")
}

/// Whether `t` may be the subject (or the last word of one).
fn subject_like(t: &Token<'_>) -> bool {
    matches!(t.upos, "NOUN" | "PROPN" | "PRON") && !matches!(t.xpos, "PRP$" | "WP$" | "POS" | "EX")
}

/// Whether `t` may start an object: a determiner, noun, pronoun, number
/// or adjective.
fn object_like(t: &Token<'_>) -> bool {
    (matches!(t.upos, "DET" | "NOUN" | "PROPN" | "NUM" | "PRON" | "ADJ")
        && !matches!(t.xpos, "POS" | "WDT" | "WP" | "EX"))
        || t.xpos == "$"
}

/// The clauses of a sentence as token ranges.
fn clauses(toks: &[Token<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in toks.iter().enumerate() {
        if closes_clause(t) {
            if start < i {
                out.push((start, i));
            }
            start = i + 1;
        } else if opens_clause(t) && i > start {
            out.push((start, i));
            start = i;
        }
    }
    if start < toks.len() {
        out.push((start, toks.len()));
    }
    out
}

/// Whether `toks[..i]` (from clause start `a`) ends with a possible
/// subject, adverbs skipped: a noun, proper noun or pronoun that is not
/// the object of a preposition (`of` aside: "hundreds of people").
fn after_subject(toks: &[Token<'_>], a: usize, i: usize) -> bool {
    let mut j = i;
    while j > a && toks[j - 1].upos == "ADV" {
        j -= 1;
    }
    if j == a || !subject_like(&toks[j - 1]) {
        return false;
    }
    // The start of the noun phrase, and the word before it.
    let mut s = j - 1;
    while s > a
        && (matches!(toks[s - 1].upos, "DET" | "ADJ" | "NOUN" | "PROPN" | "NUM")
            || matches!(toks[s - 1].xpos, "PRP$" | "POS" | "HYPH"))
    {
        s -= 1;
    }
    !(s > a && toks[s - 1].upos == "ADP" && toks[s - 1].lower != "of")
}

/// Whether the clause `toks[a..b]` is an imperative: its first verb is a
/// base form with no subject before it ("let me know", "use ties to
/// keep the straps fastened"), and not coordinated with a finite past
/// ("imposed a curfew and cut internet access").
fn imperative(toks: &[Token<'_>], a: usize, b: usize) -> bool {
    if toks[a].upos == "CCONJ" && previous_verb_is_past(&toks[..a]) {
        return false;
    }
    (a..b)
        .find(|&i| matches!(toks[i].upos, "VERB" | "AUX"))
        .is_some_and(|i| toks[i].xpos == "VB" && !after_subject(toks, a, i))
}

/// Whether [`finite_fixes`] can retag anything in `toks`: some clause
/// with no finite verb has a word it could retag. Reads the tags alone
/// (not the words), so a caller can skip lowercasing the words of the
/// many sentences it leaves as they are.
pub fn may_fix(toks: &[Token<'_>]) -> bool {
    clauses(toks).into_iter().any(|(a, b)| {
        let clause = toks.get(a..b).unwrap_or(&[]);
        !clause.iter().any(|t| FINITE.contains(&t.xpos))
            && clause
                .iter()
                .any(|t| REPLACEABLE.contains(&t.xpos) && matches!(t.upos, "VERB" | "ADJ" | "NOUN"))
    })
}

/// Tokens to retag with a finite verb class, at most one per clause with
/// no finite verb: `(index, reading)`. The word must be followed by an
/// object-like word (a particle may come between) or end a subordinate
/// clause. `readings(i)` gives the finite
/// readings the tagger allows for token `i` (asked only for tokens that
/// could take one). A present tense (`VBZ`, `VBP`) replaces only a base
/// form (`VB`) with no verb before it in its clause: nouns stay nouns ("a
/// ferry ride"). Imperative clauses are left alone.
pub fn finite_fixes(
    toks: &[Token<'_>],
    mut readings: impl FnMut(usize) -> Vec<Finite>,
) -> Vec<(usize, Finite)> {
    let mut out = Vec::new();
    for (a, b) in clauses(toks) {
        let clause = &toks[a..b];
        if clause.iter().any(|t| FINITE.contains(&t.xpos)) || imperative(toks, a, b) {
            continue;
        }
        let mut best: Option<(usize, Finite)> = None;
        for i in a..b {
            let t = &toks[i];
            if !REPLACEABLE.contains(&t.xpos) || !matches!(t.upos, "VERB" | "ADJ" | "NOUN") {
                continue;
            }
            let mut j = i;
            while j > a && toks[j - 1].upos == "ADV" {
                j -= 1;
            }
            let subject = after_subject(toks, a, i);
            let coordinated =
                j > a && j - 1 == a && toks[a].upos == "CCONJ" && previous_verb_is_past(&toks[..a]);
            if !subject && !coordinated {
                continue;
            }
            // The word after, a particle skipped.
            let mut k = i + 1;
            if k + 1 < b
                && (toks[k].xpos == "RP" || PARTICLES.contains(&toks[k].lower))
                && object_like(&toks[k + 1])
            {
                k += 1;
            }
            // The end of a subordinate clause ("as the protests spread");
            // a main clause that ends with a participle is more likely a
            // headline's passive ("Key suspect arrested").
            let ends = k >= b
                && (b == toks.len() || toks[b].xpos == "." || toks[b].xpos == ":")
                && (toks[a].upos == "SCONJ" || matches!(toks[a].xpos, "WDT" | "WP" | "WRB"));
            let object = k < b && object_like(&toks[k]);
            if !ends && !object {
                continue;
            }
            // A base form after a verb's object is a small clause's
            // ("letting the balloon cross the country").
            let base = t.upos == "VERB"
                && t.xpos == "VB"
                && !toks[a..i].iter().any(|t| matches!(t.upos, "VERB" | "AUX"));
            let f = readings(i)
                .into_iter()
                .filter(|f| f.xpos == "VBD" || (base && subject))
                .min_by(|f, g| f.margin.total_cmp(&g.margin));
            let Some(f) = f else { continue };
            if best.is_none_or(|(_, g)| f.margin < g.margin) {
                best = Some((i, f));
            }
        }
        out.extend(best);
    }
    out
}

/// Whether the last verb of `toks` is a finite past full verb.
fn previous_verb_is_past(toks: &[Token<'_>]) -> bool {
    toks.iter()
        .rev()
        .find(|t| matches!(t.upos, "VERB" | "AUX"))
        .is_some_and(|t| t.upos == "VERB" && t.xpos == "VBD")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the constraint on `word/UPOS/XPOS[/finite margin]` tokens and
    /// gives the retagged tokens as `word/XPOS`.
    fn fixes(sentence: &str) -> Vec<String> {
        let parts: Vec<Vec<&str>> = sentence
            .split_whitespace()
            .map(|w| w.split('/').collect())
            .collect();
        let toks: Vec<Token<'_>> = parts
            .iter()
            .map(|p| Token {
                lower: p[0],
                upos: p[1],
                xpos: p[2],
            })
            .collect();
        let readings: Vec<Vec<Finite>> = parts
            .iter()
            .map(|p| {
                p.get(3)
                    .into_iter()
                    .flat_map(|f| f.split(','))
                    .filter_map(|f| {
                        let (xpos, margin) = f.split_at(3);
                        Some(Finite {
                            class: 7,
                            xpos: FINITE.into_iter().find(|&x| x == xpos)?,
                            margin: margin.parse().ok()?,
                        })
                    })
                    .collect()
            })
            .collect();
        let out: Vec<String> = finite_fixes(&toks, |i| readings[i].clone())
            .into_iter()
            .map(|(i, f)| format!("{}/{}", toks[i].lower, f.xpos))
            .collect();
        // The pre-check never skips a sentence that gets a fix, and
        // reads no words.
        assert!(out.is_empty() || may_fix(&toks), "{sentence}");
        let blind: Vec<Token<'_>> = toks.iter().map(|t| Token { lower: "", ..*t }).collect();
        assert_eq!(may_fix(&blind), may_fix(&toks), "{sentence}");
        out
    }

    #[test]
    fn clauses_without_a_finite_verb_get_one() {
        let table: &[(&str, &[&str])] = &[
            (
                "police/NOUN/NNS arrested/VERB/VBN/VBD0.5 dozens/NOUN/NNS of/ADP/IN protesters/NOUN/NNS ./PUNCT/.",
                &["arrested/VBD"],
            ),
            (
                "rebels/NOUN/NNS attacked/VERB/VBN/VBD2 the/DET/DT town/NOUN/NN on/ADP/IN sunday/PROPN/NNP ./PUNCT/.",
                &["attacked/VBD"],
            ),
            (
                "demonstrators/NOUN/NNS set/ADJ/JJ/VBD3 fire/NOUN/NN to/ADP/IN the/DET/DT building/NOUN/NN ./PUNCT/.",
                &["set/VBD"],
            ),
            (
                "bella/PROPN/GW blocked/ADJ/JJ/VBD1 roads/NOUN/NNS ./PUNCT/.",
                &["blocked/VBD"],
            ),
            (
                "a/DET/DT u.s./PROPN/NNP fighter/NOUN/NN jet/NOUN/NN shot/NOUN/NN/VBD4 down/ADP/IN a/DET/DT chinese/ADJ/JJ balloon/NOUN/NN ./PUNCT/.",
                &["shot/VBD"],
            ),
            (
                "army/NOUN/NN officers/NOUN/NNS seized/VERB/VBN/VBD1 power/NOUN/NN",
                &["seized/VBD"],
            ),
            // The coordinated verb after a finite past, and the verb of a
            // subordinate clause at its end.
            (
                "the/DET/DT authorities/NOUN/NNS imposed/VERB/VBD a/DET/DT curfew/NOUN/NN and/CCONJ/CC cut/VERB/VB/VBD2 internet/NOUN/NN access/NOUN/NN as/SCONJ/IN the/DET/DT protests/NOUN/NNS spread/NOUN/NN/VBD3 ./PUNCT/.",
                &["cut/VBD", "spread/VBD"],
            ),
            // The smallest loss wins; one per clause.
            (
                "troops/NOUN/NNS later/ADV/RB shot/NOUN/NN/VBD5 protesters/NOUN/NNS cut/VERB/VBN/VBD1 roads/NOUN/NNS",
                &["cut/VBD"],
            ),
            // A particle before the object.
            (
                "they/PRON/PRP set/VERB/VBN/VBD2 up/ADP/RP camps/NOUN/NNS",
                &["set/VBD"],
            ),
            // A subject after `of`; a past rather than a present for a
            // non-verb; a present for a base form.
            (
                "hundreds/NOUN/NNS of/ADP/IN persons/NOUN/NNS mounted/VERB/VBN/VBD1 demonstrations/NOUN/NNS",
                &["mounted/VBD"],
            ),
            (
                "bp/PROPN/NNP shut/ADJ/JJ/VBP0,VBD1 its/PRON/PRP$ refinery/NOUN/NN",
                &["shut/VBD"],
            ),
            (
                "drs./NOUN/NNS ali/PROPN/NNP work/VERB/VB/VBP1,VBD4 wonders/NOUN/NNS ./PUNCT/.",
                &["work/VBP"],
            ),
        ];
        for (sentence, want) in table {
            assert_eq!(fixes(sentence), *want, "{sentence}");
        }
    }

    #[test]
    fn clauses_that_need_no_finite_verb_keep_their_tags() {
        let table: &[&str] = &[
            // A finite verb already.
            "police/NOUN/NNS arrested/VERB/VBN/VBD1 by/ADP/IN troops/NOUN/NNS were/AUX/VBD freed/VERB/VBN/VBD1 ./PUNCT/.",
            // No subject before the participle.
            "arrested/VERB/VBN/VBD1 in/ADP/IN paris/PROPN/NNP ./PUNCT/.",
            "the/DET/DT arrested/VERB/VBN/VBD1 men/NOUN/NNS ./PUNCT/.",
            // Neither an object nor the end after it.
            "dozens/NOUN/NNS of/ADP/IN protesters/NOUN/NNS arrested/VERB/VBN/VBD1 in/ADP/IN paris/PROPN/NNP ./PUNCT/.",
            "a/DET/DT man/NOUN/NN killed/VERB/VBN/VBD1 by/ADP/IN police/NOUN/NNS ./PUNCT/.",
            // A main clause that ends with the participle: a headline.
            "key/ADJ/JJ blast/NOUN/NN suspect/NOUN/NN arrested/VERB/VBN/VBD0",
            // No finite reading allowed.
            "police/NOUN/NNS headquarters/NOUN/NN ./PUNCT/.",
            // A present tense for a noun; imperatives.
            "take/VERB/VB a/DET/DT ferry/NOUN/NN ride/NOUN/NN/VBP0 ./PUNCT/.",
            "a/DET/DT wonderful/ADJ/JJ service/NOUN/NN for/ADP/IN school/NOUN/NN work/NOUN/NN/VBP0 ./PUNCT/.",
            "please/INTJ/UH let/VERB/VB me/PRON/PRP know/VERB/VB/VBP0 ./PUNCT/.",
            "of/SCONJ/IN letting/VERB/VBG the/DET/DT balloon/NOUN/NN cross/VERB/VB/VBP0 the/DET/DT country/NOUN/NN",
            "use/VERB/VB ties/NOUN/NNS to/PART/TO keep/VERB/VB the/DET/DT straps/NOUN/NNS fastened/VERB/VBN/VBD0 ./PUNCT/.",
            // The subject of a participle is the object of a preposition.
            "songs/NOUN/NNS written/VERB/VBN by/ADP/IN a/DET/DT man/NOUN/NN named/VERB/VBN/VBD0 rabindranath/PROPN/NNP ./PUNCT/.",
            // Coordination after a participle, and a present reading after
            // a coordinator.
            "he/PRON/PRP was/AUX/VBD arrested/VERB/VBN and/CCONJ/CC charged/VERB/VBN/VBD1 with/ADP/IN murder/NOUN/NN",
            "they/PRON/PRP left/VERB/VBD and/CCONJ/CC plans/NOUN/NNS/VBZ1 changed/VERB/VBD",
        ];
        for sentence in table {
            assert!(fixes(sentence).is_empty(), "{sentence}");
        }
    }
}
