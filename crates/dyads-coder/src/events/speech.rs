//! Reported speech read for what it does: a that-clause that is a demand,
//! a speaker saying what another actor must do, a speaker condemning what
//! another actor does.

use dyads_text::Span;

use super::sentence::Sent;
use super::types::{ActorRef, Evidence};
use crate::actors::DocActors;

/// Whether the that-clause of the verb at `head` is mandative: a modal of
/// obligation (`must`, `should`, `need to`) or a bare subjunctive verb
/// (`demanded that he resign`, `that control be taken away`).
pub(crate) fn mandative_clause(s: &Sent<'_>, head: usize) -> bool {
    let Some(c) = s.kids[head]
        .iter()
        .copied()
        .find(|&k| matches!(s.rel(k), "ccomp" | "advcl") && k > head)
    else {
        // No clause parsed: the first verb after `that`, read off the
        // surface: a modal of obligation or a bare verb is mandative, a
        // tensed one (`that the claims were baseless`) is not.
        let Some(t) = (head + 1..s.len()).find(|&j| s.form[j] == "that") else {
            return true;
        };
        let Some(v) = (t + 1..s.len()).find(|&j| matches!(s.upos(j), "VERB" | "AUX")) else {
            return true;
        };
        return matches!(s.form[v].as_str(), "must" | "should" | "shall" | "be")
            || s.p.tokens[v].xpos == "VB";
    };
    let aux: Vec<usize> = s.kids[c]
        .iter()
        .copied()
        .filter(|&k| s.rel(k).starts_with("aux"))
        .collect();
    if aux
        .iter()
        .any(|&k| matches!(s.form[k].as_str(), "must" | "should" | "shall"))
    {
        return true;
    }
    if s.lemma_in(c, &["need", "have"]) && s.kid(c, "xcomp").is_some() {
        return true;
    }
    if let Some(cop) = s.kid(c, "cop") {
        return s.form[cop] == "be";
    }
    let xpos = s.p.tokens[c].xpos;
    // A bare verb after a singular noun subject is a subjunctive the
    // tagger read as a present (`insisted that Greece stick to the cuts`).
    let subjunctive = xpos == "VBP"
        && s.kid(c, "nsubj")
            .is_some_and(|k| matches!(s.p.tokens[k].xpos, "NN" | "NNP"));
    aux.is_empty() && (xpos == "VB" || subjunctive)
        || aux.iter().any(|&k| s.form[k] == "be" && xpos == "VBN")
}

/// The subject of a clause complement of the reporting verb at `head` that
/// says what its subject must or should do (`said that Sudan must return`,
/// `reiterated that Libya should hand over`).
pub(crate) fn obligation_subject(s: &Sent<'_>, head: usize) -> Option<(usize, usize)> {
    let c = s.kids[head]
        .iter()
        .copied()
        .find(|&k| s.rel(k) == "ccomp" && k > head)?;
    let modal = s.kids[c]
        .iter()
        .any(|&k| s.rel(k).starts_with("aux") && matches!(s.form[k].as_str(), "must" | "should"))
        || s.lemma_in(c, &["need", "have"])
            && s.kid(c, "xcomp")
                .is_some_and(|x| s.kids[x].iter().any(|&m| s.form[m] == "to"));
    // `might have to`, `may need to`: a guess about what it must do, no
    // demand.
    let guess = s.kids[c].iter().any(|&k| {
        s.rel(k).starts_with("aux")
            && matches!(s.form[k].as_str(), "might" | "may" | "could" | "would")
    });
    if !modal || guess {
        return None;
    }
    noun_subject(s, c)
}

/// The subject of a clause complement of the reporting verb at `head`
/// that grants its subject the right to defend itself or to exist (`said
/// Israel had the right to defend itself`): the speaker backs it.
pub(crate) fn right_holder(s: &Sent<'_>, head: usize) -> Option<(usize, usize)> {
    let c = s.kids[head]
        .iter()
        .copied()
        .find(|&k| s.rel(k) == "ccomp" && k > head && s.lemma_in(k, &["have"]))?;
    let right = s.kids[c]
        .iter()
        .copied()
        .find(|&k| s.rel(k) == "obj" && s.lemma_in(k, &["right"]))?;
    let to_defend = s.kids[right]
        .iter()
        .any(|&k| s.rel(k) == "acl" && s.lemma_in(k, &["defend", "protect", "exist"]))
        || s.kids[right].iter().any(|&k| {
            s.rel(k) == "nmod"
                && s.lemma_in(k, &["self-defence", "self-defense", "defence", "defense"])
        });
    // Denying the right is no backing (`said Israel did not have the right`).
    let negated = s.kids[c]
        .iter()
        .any(|&k| s.rel(k) == "advmod" && matches!(s.form[k].as_str(), "not" | "n't" | "never"));
    if !to_defend || negated {
        return None;
    }
    noun_subject(s, c)
}

/// The subject of a clause complement of the reporting verb at `head`
/// that tells what its subject will suffer (`said Washington would pay a
/// price`, `that Tokyo would bear all the consequences`): the speaker
/// threatens it. The clause needs `will` or `would` and no negation.
pub(crate) fn penalty_subject(s: &Sent<'_>, head: usize) -> Option<(usize, usize)> {
    let c = s.kids[head]
        .iter()
        .copied()
        .find(|&k| matches!(s.rel(k), "ccomp" | "parataxis") && s.lemma_in(k, PENALTY_VERBS))?;
    // `will pay a price`, and also `must bear all the consequences`: a
    // penalty held out, not a demand.
    let modal = s.kids[c].iter().any(|&k| {
        s.rel(k).starts_with("aux")
            && matches!(
                s.form[k].as_str(),
                "will" | "would" | "'ll" | "must" | "shall"
            )
    });
    let negated = s.kids[c]
        .iter()
        .any(|&k| s.rel(k) == "advmod" && matches!(s.form[k].as_str(), "not" | "n't" | "never"));
    let penalty = s.kids[c]
        .iter()
        .any(|&k| s.rel(k) == "obj" && s.lemma_in(k, PENALTY_NOUNS));
    if !modal || negated || !penalty {
        return None;
    }
    noun_subject(s, c)
}

/// Verbs of suffering a penalty (`pay a price`, `bear the consequences`).
const PENALTY_VERBS: &[&str] = &["pay", "bear", "face", "suffer"];

/// What one pays, bears or faces when threatened.
const PENALTY_NOUNS: &[&str] = &[
    "price",
    "consequence",
    "consequences",
    "retaliation",
    "response",
    "punishment",
    "countermeasure",
    "countermeasures",
];

/// The phrase of the subject of clause `c` up to the verb, unless a
/// pronoun.
fn noun_subject(s: &Sent<'_>, c: usize) -> Option<(usize, usize)> {
    let k = s.kid(c, "nsubj")?;
    if s.upos(k) == "PRON" {
        return None;
    }
    let (lo, hi) = s.subtree(k);
    Some((lo, hi.min(c.saturating_sub(1)).max(lo)))
}

/// Words by which a speaker condemns what another actor does (`the
/// agreement is a violation of the resolutions`, `their cooperation is
/// illegal`).
const CONDEMNING: &[&str] = &[
    "violation",
    "violate",
    "interfere",
    "meddle",
    "illegal",
    "unlawful",
    "unjust",
    "illicit",
    "provocation",
    "provocative",
    "irresponsible",
    "aggressive",
    "aggression",
    "hostile",
    "hostility",
    "slander",
    "slanderous",
    "hysterical",
    "baseless",
    "propaganda",
    "repulsive",
    "overreaction",
    "reckless",
    "unacceptable",
    "destabilize",
    "destabilizing",
    "vulgar",
    "substandard",
    "outrageous",
    "deplorable",
    "regrettable",
    "unjustified",
    "unwarranted",
    "shameful",
    "disgraceful",
    "unfriendly",
    "barbaric",
    "criminal",
    "damage",
    "undermine",
    "concern",
    "threat",
    "encroachment",
    "interference",
    "meddling",
    "escalation",
    "aggressor",
    "terrorism",
    "sabotage",
    "blackmail",
    "intimidation",
    "coercion",
    "bullying",
    "dangerous",
    "insult",
    "insulting",
    "offensive",
    "hypocritical",
    "arrogant",
    "betrayal",
];

/// The clause complements of the reporting verb at `head` that condemn: the
/// phrase naming whom (the clause's subject, else the whole clause). `None`
/// when no complement holds a word of [`CONDEMNING`].
pub(crate) fn condemned(s: &Sent<'_>, head: usize) -> Vec<(usize, usize)> {
    let mut clauses: Vec<usize> = s.kids[head]
        .iter()
        .copied()
        .filter(|&k| matches!(s.rel(k), "ccomp" | "parataxis"))
        .collect();
    let mut i = 0;
    while i < clauses.len() {
        let c = clauses[i];
        clauses.extend(
            s.kids[c]
                .iter()
                .copied()
                .filter(|&k| s.rel(k) == "conj" && s.is_verb(k) && !new_sentence_clause(s, k)),
        );
        i += 1;
    }
    let mut out = Vec::new();
    if clauses.is_empty() {
        // No clause parsed: the words after `that`, read off the surface
        // (the phrase after it as the subject, then the whole clause).
        let t = (head + 1..(head + 3).min(s.len())).find(|&j| s.form[j] == "that");
        let end = (0..s.len())
            .rev()
            .find(|&j| s.upos(j) != "PUNCT")
            .unwrap_or(0);
        if let Some(t) = t.filter(|&t| t < end) {
            let negative = (t + 1..=end).any(|j| {
                CONDEMNING
                    .iter()
                    .any(|w| s.lemma[j] == *w || s.form[j] == *w)
            });
            if negative {
                out.extend(s.np_from(t + 1));
                out.push((t + 1, end));
            }
        }
        return out;
    }
    for c in clauses {
        let (lo, mut hi) = s.subtree(c);
        // The clause ends before a new statement coordinated with it.
        for &k in &s.kids[c] {
            if s.rel(k) == "conj" && new_sentence_clause(s, k) {
                if let Some(cc) = s.kids[k].iter().copied().find(|&x| s.rel(x) == "cc") {
                    hi = hi.min(cc.saturating_sub(2)).max(lo);
                }
            }
        }
        let negative = (lo..=hi).any(|j| {
            (j == c || s.dominates(c, j))
                && CONDEMNING
                    .iter()
                    .any(|w| s.lemma[j] == *w || s.form[j] == *w)
                // `had never interfered in its operation` denies it.
                && !s.kids[j].iter().any(|&k| {
                    s.rel(k) == "advmod" && matches!(s.form[k].as_str(), "not" | "never" | "n't")
                })
        });
        if !negative {
            continue;
        }
        if let Some(k) = s.kid(c, "nsubj") {
            out.push(s.subtree(k));
        }
        out.push((lo, hi));
    }
    out
}

/// Whether the coordinated clause at `k` opens with `, and` and a subject
/// of its own that is no pronoun (`the incursion violated that agreement,
/// and Egypt, Saudi Arabia and Qatar condemned Israel`): a new statement of
/// the reporter's, not more of the reported content.
fn new_sentence_clause(s: &Sent<'_>, k: usize) -> bool {
    let Some(cc) = s.kids[k].iter().copied().find(|&c| s.rel(c) == "cc") else {
        return false;
    };
    cc > 0
        && s.form[cc - 1] == ","
        && s.kids[k]
            .iter()
            .any(|&c| s.rel(c).starts_with("nsubj") && c > cc && s.upos(c) == "PROPN")
}

/// The speaker, with a country, of the quote whose content holds `span`.
pub(crate) fn speaker_of(
    quotes: &[crate::quotes::Quote],
    actors: &DocActors,
    span: Span,
    text: &str,
) -> Option<ActorRef> {
    let q = quotes
        .iter()
        .find(|q| q.content.start <= span.start && span.end <= q.content.end)?;
    let a = q.speaker_actor.and_then(|i| actors.actors.get(i))?;
    a.country.as_ref()?;
    Some(ActorRef::of(a, text))
}

/// The quote whose content holds the event's evidence, as
/// `{speaker_actor_id, cue, start, end}`.
pub(crate) fn quote_of(
    quotes: &[crate::quotes::Quote],
    actors: &DocActors,
    ev: Evidence,
) -> Option<serde_json::Value> {
    let q = quotes
        .iter()
        .find(|q| q.content.start as usize <= ev.start && ev.end <= q.content.end as usize)?;
    let speaker = q
        .speaker_actor
        .and_then(|i| actors.actors.get(i))
        .map(|a| a.id.clone());
    Some(serde_json::json!({
        "speaker_actor_id": speaker,
        "cue": q.cue.as_ref().map(|c| c.lemma.clone()),
        "start": q.content.start,
        "end": q.content.end,
    }))
}
