//! Modality: whether an event happened as reported, from the syntax around
//! its head: negation, auxiliaries, governing verbs (`plans to`, `is
//! expected to`, `accused ... of`), conditional clauses, and dates well
//! before the article.

use dyads_lexicon::events::InnerModality;
use serde::Serialize;

use super::sentence::Sent;

/// What the text says about the reality of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Reported as having happened (or happening).
    Asserted,
    /// Planned, announced, expected, promised, requested.
    Future,
    /// Conditional or possible (`if`, `could`, `may`, `would`).
    Hypothetical,
    /// Did not or will not happen (`did not`, `denied`, `refused to`).
    Negated,
    /// Only alleged by someone (the inner event of an accusation).
    Claimed,
    /// Reported background well before the article's time.
    Historical,
}

impl Modality {
    /// The name as written in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Future => "future",
            Modality::Hypothetical => "hypothetical",
            Modality::Negated => "negated",
            Modality::Claimed => "claimed",
            Modality::Historical => "historical",
        }
    }
}

/// Governing verbs that make their complement future.
const FUTURE_GOVERNORS: &[&str] = &[
    "plan",
    "intend",
    "expect",
    "schedule",
    "aim",
    "prepare",
    "want",
    "hope",
    "seek",
    "go",
    "propose",
    "consider",
    "decide",
    "set",
    "wish",
    "mean",
    "plot",
    "vow",
    "pledge",
    "promise",
    "agree",
    "offer",
    "invite",
    "ask",
    "urge",
    "call",
    "demand",
    "threaten",
    "need",
    "resolve",
    "commit",
    "ready",
    "willing",
    "determined",
    "eager",
    "due",
    "poised",
];
/// Nouns whose infinitive complement is planned, not done (`Russia's plan to
/// expand ties`, `the decision to send troops`).
const FUTURE_NOUNS: &[&str] = &[
    "plan",
    "intention",
    "intent",
    "aim",
    "goal",
    "proposal",
    "bid",
    "offer",
    "readiness",
    "willingness",
    "commitment",
    "pledge",
    "promise",
    "decision",
    "desire",
    "effort",
    "attempt",
    "need",
    "call",
    "request",
    "demand",
    "invitation",
    "threat",
];
/// Governing verbs that make their complement hypothetical.
const HYPOTHETICAL_GOVERNORS: &[&str] = &[
    "fear",
    "warn",
    "risk",
    "suggest",
    "speculate",
    // `fighters capable of attacking Israel`: a capacity, no act.
    "capable",
];
/// Governing words that make their complement claimed.
const CLAIMED_GOVERNORS: &[&str] = &[
    "accuse",
    "allege",
    "blame",
    "charge",
    "accusation",
    "allegation",
    "claim",
    "suspect",
];
/// Whether a verb coordinated with a governing verb is kept out of the
/// governor's complement.
const CONJ_APART: bool = true;

/// Verbs of criticism: an act they attribute in a clause is claimed.
const CRITICISM_GOVERNORS: &[&str] = &[
    "criticize",
    "condemn",
    "denounce",
    "slam",
    "rebuke",
    "censure",
];
/// Nouns whose complement is only alleged (`evidence of an arms trade
/// between Iran and Russia`, `rumours of a coup`).
const CLAIMED_NOUNS: &[&str] = &["evidence", "rumor", "suspicion", "speculation"];
/// Governing words that negate their complement.
const NEGATING_GOVERNORS: &[&str] = &[
    "deny", "refuse", "reject", "decline", "fail", "rule", "avoid",
];
/// Prenominal words that make a nominal event only alleged.
const CLAIMED_MODIFIERS: &[&str] = &["alleged", "purported", "suspected", "rumored", "supposed"];
/// Prenominal words that put a nominal event in the future or in doubt.
const FUTURE_MODIFIERS: &[&str] = &[
    "planned",
    "upcoming",
    "proposed",
    "next",
    "future",
    "forthcoming",
    "scheduled",
    "expected",
    "coming",
    "possible",
    "potential",
    "prospective",
];

/// Whether token `j` is a finite verb or modal (`says`, `said`, `will`).
fn is_finite(s: &Sent<'_>, j: usize) -> bool {
    matches!(s.p.tokens[j].xpos, "VBD" | "VBZ" | "VBP" | "MD")
}

fn own(s: &Sent<'_>, i: usize) -> Option<Modality> {
    let mut found = None;
    for &k in &s.kids[i] {
        let l = s.lemma[k].as_str();
        let f = s.form[k].as_str();
        if matches!(l, "not" | "never" | "n't") || matches!(f, "not" | "never" | "n't") {
            return Some(Modality::Negated);
        }
        // A subject that denies itself (`neither leader signed`, `no
        // country recognised it`).
        // (`no one would lend an ear` is said of anyone: no actor.)
        if s.rel(k).starts_with("nsubj")
            && !matches!(s.form[k].to_lowercase().as_str(), "one" | "body")
            && (f.eq_ignore_ascii_case("neither")
                || f.eq_ignore_ascii_case("none")
                || s.kids[k].iter().any(|&d| {
                    d < k
                        && matches!(s.rel(d), "det" | "amod")
                        && matches!(s.form[d].to_lowercase().as_str(), "neither" | "no")
                }))
        {
            return Some(Modality::Negated);
        }
        match f {
            "allegedly" | "reportedly" | "purportedly" => return Some(Modality::Claimed),
            "possibly" | "perhaps" | "maybe" | "potentially" => {
                found = Some(Modality::Hypothetical)
            }
            _ => {}
        }
        if s.rel(k).starts_with("aux") || s.upos(k) == "AUX" {
            match f {
                "will" | "shall" | "'ll" | "wo" => found = found.or(Some(Modality::Future)),
                // `announced that he would visit`: the future of a
                // reported past, unless a condition makes it hypothetical.
                "would"
                    if s.rel(i) == "ccomp"
                        && !s.kids[i].iter().any(|&m| {
                            s.rel(m) == "mark" && matches!(s.form[m].as_str(), "if" | "unless")
                        }) =>
                {
                    found = found.or(Some(Modality::Future))
                }
                "would" | "could" | "may" | "might" | "should" | "can" | "must" => {
                    found = Some(Modality::Hypothetical)
                }
                _ => {}
            }
        }
        if s.rel(k) == "mark" && matches!(f, "if" | "unless" | "whether") {
            found = Some(Modality::Hypothetical);
        }
        // `ended their summit without agreeing to a ceasefire`, `left
        // without signing`: the act did not happen.
        if matches!(s.rel(k), "mark" | "case")
            && f.eq_ignore_ascii_case("without")
            && s.p.tokens[i].xpos == "VBG"
            && k < i
        {
            return Some(Modality::Negated);
        }
        // A present-tense `when` clause states what happens whenever
        // (`when Washington holds drills, Pyongyang fires missiles`), no
        // particular event.
        if matches!(s.rel(k), "mark" | "advmod")
            && (f.eq_ignore_ascii_case("when") || f.eq_ignore_ascii_case("whenever"))
            && matches!(s.p.tokens[i].xpos, "VBZ" | "VBP")
        {
            found = Some(Modality::Hypothetical);
        }
        if s.rel(k) == "amod" && CLAIMED_MODIFIERS.contains(&f) {
            return Some(Modality::Claimed);
        }
        if s.rel(k) == "amod" && FUTURE_MODIFIERS.contains(&f) {
            found = found.or(Some(if matches!(f, "possible" | "potential") {
                Modality::Hypothetical
            } else {
                Modality::Future
            }));
        }
    }
    // The same `when` clause read off the surface when the parse attaches
    // the conjunction elsewhere (`a familiar ritual, when, after each
    // incident, both governments recall their envoys`): no finite verb between
    // it and a present-tense head.
    if matches!(s.p.tokens[i].xpos, "VBZ" | "VBP") {
        let when = (0..i)
            .rev()
            .find(|&j| s.form[j] == "when" || s.form[j] == "whenever" || is_finite(s, j));
        if when.is_some_and(|j| !is_finite(s, j)) {
            found = Some(Modality::Hypothetical);
        }
    }
    // Surface: a negation or modal right before the head (parser misses).
    for j in i.saturating_sub(3)..i {
        match s.form[j].as_str() {
            "not" | "n't" | "never" => return Some(Modality::Negated),
            "will" | "'ll" => found = found.or(Some(Modality::Future)),
            "could" | "may" | "might" | "would" | "should" | "must" => {
                found = found.or(Some(Modality::Hypothetical))
            }
            _ => {}
        }
    }
    found
}

/// Governing verbs whose subject announces its own future act (`plans to`,
/// `prepared to`, `vowed to`), as opposed to asking another to act.
const INTENT_GOVERNORS: &[&str] = &[
    "plan", "intend", "prepare", "vow", "decide", "consider", "ready", "pledge", "promise",
    "threaten", "set", "mean", "aim", "go",
];

/// Whether the event at `head` is the speaker's own announced or
/// conditional act: a future or modal auxiliary on it (`will withdraw`,
/// `would blockade`, `could be imposed`) or a governing verb of intent
/// (`plans to impose`), not an act requested of someone else (`demanded
/// that Moscow admit`).
pub(crate) fn own_prospect(s: &Sent<'_>, head: usize) -> bool {
    const PROSPECT: &[&str] = &[
        "will", "'ll", "wo", "would", "shall", "could", "may", "might",
    ];
    let prospect_aux = |h: usize| {
        s.kids[h].iter().any(|&k| {
            (s.rel(k).starts_with("aux") || s.upos(k) == "AUX")
                && PROSPECT.contains(&s.form[k].as_str())
        })
    };
    // `would be forced to take countermeasures`, `will have to respond`:
    // the prospect is on the verb whose infinitive the act is.
    let governor_aux = s.rel(head) == "xcomp"
        && s.head(head)
            .is_some_and(|p| p < head && s.lemma_in(p, NECESSITY) && prospect_aux(p));
    let aux = prospect_aux(head)
        || governor_aux
        || (head.saturating_sub(3)..head).any(|j| PROSPECT.contains(&s.form[j].as_str()));
    // A participle clause (`agreed to a ceasefire after talks mediated by
    // Qatar`, the participle hung on `agreed`) is no complement of intent.
    let participle = s.rel(head) == "advcl" && s.p.tokens[head].xpos == "VBN";
    let intent = matches!(s.rel(head), "xcomp" | "advcl" | "ccomp")
        && !participle
        && s.head(head)
            .is_some_and(|p| p < head && s.lemma_in(p, INTENT_GOVERNORS))
        || surface_governor(s, head, INTENT_GOVERNORS)
        || intent_noun(s, head);
    if !(aux || intent) {
        return false;
    }
    // Someone's fear or forecast about the actor is not the actor's threat.
    !forecast(s, head)
}

/// Verbs of necessity or readiness through which one's own prospective act
/// is told (`would be forced to`, `will have to`, `would be ready to`).
const NECESSITY: &[&str] = &["force", "have", "need", "compel", "oblige", "ready", "able"];

/// Whether the act at `head` is what its subject is getting ready to do:
/// the infinitive of `prepare` or `gear up`, directly or through an
/// aspectual verb (`prepared to resume shelling`, `were preparing to
/// attack`).
pub(crate) fn preparing(s: &Sent<'_>, head: usize) -> bool {
    let mut k = head;
    for _ in 0..3 {
        if !matches!(s.rel(k), "xcomp" | "advcl") {
            return false;
        }
        let Some(p) = s.head(k) else {
            return false;
        };
        if p > k {
            return false;
        }
        if s.lemma_in(p, &["prepare", "gear"]) {
            return true;
        }
        if !s.lemma_in(
            p,
            &["resume", "begin", "start", "launch", "renew", "continue"],
        ) {
            return false;
        }
        k = p;
    }
    false
}

/// Nouns of one's own intent (`Russia's plan to`, `stated its intention
/// to`).
const INTENT_NOUNS: &[&str] = &[
    "plan",
    "intention",
    "intent",
    "readiness",
    "willingness",
    "decision",
    "determination",
];

/// Whether the infinitive at `head` complements a noun of intent, or
/// hangs on the verb whose object that noun is (`stated Seoul's intention,
/// through talks, to take countermeasures`).
fn intent_noun(s: &Sent<'_>, head: usize) -> bool {
    if !s.kids[head].iter().any(|&k| k < head && s.form[k] == "to") {
        return false;
    }
    let Some(p) = s.head(head) else {
        return false;
    };
    let noun = |n: usize| n < head && s.upos(n) == "NOUN" && s.lemma_in(n, INTENT_NOUNS);
    s.rel(head).starts_with("acl") && noun(p)
        || s.rel(head) == "advcl" && s.kids[p].iter().any(|&o| s.rel(o) == "obj" && noun(o))
}

/// Whether a word of `governors` stands right before the infinitive at
/// `head` (`plans to impose`), read off the surface for a parse that
/// misses the control (`Austria, like several of its neighbours, now
/// plans to impose`, with `plans` read as a noun).
fn surface_governor(s: &Sent<'_>, head: usize, governors: &[&str]) -> bool {
    if head < 2 || s.form[head - 1] != "to" || s.upos(head - 1) != "PART" {
        return false;
    }
    let g = head - 2;
    // A noun with a determiner or possessor (`Japan's plan to`) is a
    // noun, handled as one.
    let determined = s.kids[g]
        .iter()
        .any(|&k| matches!(s.rel(k), "det" | "nmod:poss"))
        || g > 0 && (s.upos(g - 1) == "DET" || matches!(s.form[g - 1].as_str(), "'s" | "s"));
    s.rel(head) != "xcomp" && s.lemma_in(g, governors) && !determined
}

/// Whether the event at `head` is someone's belief, fear or forecast about
/// the actor (`believes Putin will visit Pyongyang`, `is expected to
/// visit`): a verb of belief governs it within four levels.
pub(crate) fn forecast(s: &Sent<'_>, head: usize) -> bool {
    let mut h = head;
    for _ in 0..4 {
        let Some(p) = s.head(h) else { break };
        if s.lemma_in(p, BELIEF_GOVERNORS) {
            return true;
        }
        h = p;
    }
    false
}

/// Verbs of belief, fear and forecast: what they govern is the subject's
/// view of another's act.
const BELIEF_GOVERNORS: &[&str] = &[
    "fear",
    "warn",
    "risk",
    "suggest",
    "speculate",
    "believe",
    "think",
    "expect",
    "predict",
    "worry",
    "doubt",
    "hope",
    "estimate",
    "assume",
    "suspect",
];

/// Whether token `h` heads a present-participle clause set off by a comma
/// (`..., citing sanctions`, `..., banning exports`).
fn free_adjunct(s: &Sent<'_>, h: usize) -> bool {
    if s.p.tokens[h].xpos != "VBG" || !matches!(s.rel(h), "advcl" | "acl" | "xcomp" | "conj") {
        return false;
    }
    h > 0 && s.form[h - 1] == "," && !s.kids[h].iter().any(|&k| k < h && s.upos(k) != "PUNCT")
}

/// Marks of an adverbial clause that tells what is the case whatever the
/// clause it hangs on plans or denies (`failed to defuse the row, as
/// Takaichi stood by her remarks`).
const FACTUAL_MARKS: &[&str] = &["as", "while", "because", "although", "though", "whereas"];

/// Whether `h` heads an adverbial clause opened by one of [`FACTUAL_MARKS`].
fn factual_clause(s: &Sent<'_>, h: usize) -> bool {
    s.rel(h) == "advcl"
        && s.kids[h].iter().any(|&k| {
            k < h
                && s.rel(k) == "mark"
                && (s.lemma_in(k, FACTUAL_MARKS)
                    // What one apologises for (or refuses to) was done
                    // (`refused to apologise for calling her corrupt`).
                    || s.form[k] == "for"
                        && s.head(h)
                            .is_some_and(|p| s.lemma_in(p, &["apologise", "apologize", "apology"])))
        })
}

/// Whether `h` is the active subject of its governor: what the governor
/// fails, refuses or plans is its complement, not its subject (`Talks in
/// Beijing failed to defuse the row`: the talks were held).
fn active_subject(s: &Sent<'_>, h: usize) -> bool {
    s.rel(h) == "nsubj" && s.head(h).is_some_and(|p| s.is_verb(p))
}

/// Whether the verb `h` heads a relative clause: so labelled, or with a
/// subject of its own and no infinitive mark (`a decision Beijing rejected`).
fn relative_clause(s: &Sent<'_>, h: usize) -> bool {
    s.rel(h) == "acl:relcl"
        || s.kids[h].iter().any(|&k| s.rel(k).starts_with("nsubj"))
            && !s.kids[h].iter().any(|&k| s.form[k] == "to" && k < h)
}

/// Whether the verb `h` heads a clause with its own subject joined to
/// another clause by a coordinating conjunction (`..., and the UN chief
/// urged`).
fn joined_clause(s: &Sent<'_>, h: usize) -> bool {
    s.rel(h) == "conj"
        && s.is_verb(h)
        && s.kids[h].iter().any(|&k| s.rel(k) == "cc")
        && s.kids[h]
            .iter()
            .any(|&k| s.rel(k).starts_with("nsubj") && !matches!(s.upos(k), "PRON"))
}

/// The governor of `head` when `head` is a nominal or clause introduced by
/// `after` or `following` (`after talks`, `after they met`): an event that
/// came before the governing one.
fn prior_to(s: &Sent<'_>, head: usize) -> Option<usize> {
    // A participle on the noun of such a phrase (`after talks mediated by
    // Qatar`) is as prior as the noun.
    let head = match s.head(head) {
        Some(n) if s.rel(head) == "acl" && s.p.tokens[head].xpos == "VBN" => n,
        _ => head,
    };
    if !matches!(s.rel(head), "obl" | "advcl") {
        return None;
    }
    let marked = s.kids[head].iter().any(|&k| {
        k < head
            && matches!(s.rel(k), "case" | "mark")
            && matches!(
                s.form[k].to_ascii_lowercase().as_str(),
                "after" | "following"
            )
    });
    marked.then(|| s.head(head)).flatten()
}

/// Whether the verb at `p` says that its subject happens (`take place`,
/// `go ahead`, `happen`, `proceed`, `resume`).
fn occurring(s: &Sent<'_>, p: usize) -> bool {
    let with = |w: &str| s.kids[p].iter().any(|&k| s.form[k].eq_ignore_ascii_case(w));
    s.is_verb(p)
        && (s.lemma_in(p, &["happen", "occur", "proceed", "resume"])
            || s.lemma_in(p, &["take"]) && with("place")
            || s.lemma_in(p, &["go"]) && with("ahead"))
}

/// The modality of the event headed by token `head`. `inner` gives the
/// inner-modality of an event entry matched at a token, when one is.
pub(crate) fn of(
    s: &Sent<'_>,
    head: usize,
    inner: &dyn Fn(usize) -> Option<InnerModality>,
) -> Modality {
    let own_m = own(s, head);
    if matches!(own_m, Some(Modality::Negated | Modality::Claimed)) {
        return own_m.unwrap_or(Modality::Asserted);
    }
    if own_m.is_none() {
        if let Some(p) = prior_to(s, head) {
            // What happened before the governing act (`agreed to a
            // ceasefire after talks in Putrajaya`) is outside what that act
            // agrees, plans or denies: it has the governor's standing, and
            // happened even if the governor did not.
            return match of(s, p, inner) {
                Modality::Negated => Modality::Asserted,
                m => m,
            };
        }
    }
    // A nominal event that is the subject of a verb of occurring (`Talks
    // between the United States and Iran will not take place`, `the summit
    // will go ahead`) has that verb's standing.
    // So does a participle on it (`talks mediated by Oman ... will not
    // take place`).
    let noun = if s.rel(head) == "acl" {
        s.head(head).unwrap_or(head)
    } else {
        head
    };
    if let Some(p) = s
        .head(noun)
        .filter(|_| s.rel(noun).starts_with("nsubj") && s.upos(noun) == "NOUN")
        .filter(|&p| occurring(s, p))
    {
        return of(s, p, inner);
    }
    let mut from_above = None;
    let mut adjunct = false;
    let mut h = head;
    for _ in 0..6 {
        let Some(p) = s.head(h) else { break };
        if free_adjunct(s, h) || joined_clause(s, h) || factual_clause(s, h) || active_subject(s, h)
        {
            // A participle clause set off by a comma (`rejected a request
            // to restore talks, citing sanctions on its minister`), or a
            // clause with a subject of its own coordinated with another
            // (`China called on all sides to ..., and the UN chief urged`),
            // tells what is the case, whatever the clause it hangs on
            // plans.
            adjunct = true;
            break;
        }
        let by_entry = match inner(p) {
            Some(InnerModality::Claimed) => Some(Modality::Claimed),
            Some(InnerModality::Future) => Some(Modality::Future),
            Some(InnerModality::Negated) => Some(Modality::Negated),
            _ => None,
        };
        let by_word = if s.lemma_in(p, CLAIMED_GOVERNORS)
            || s.upos(p) == "NOUN" && s.lemma_in(p, CLAIMED_NOUNS)
        {
            Some(Modality::Claimed)
        } else if s.lemma_in(p, CRITICISM_GOVERNORS)
            && p < h
            && matches!(s.rel(h), "advcl" | "xcomp" | "acl")
        {
            // What a critic says the target does, in a clause after the
            // verb (`criticised Washington for deploying`, `condemned Russia
            // for launching attacks`), is the critic's claim.
            Some(Modality::Claimed)
        } else if s.lemma_in(p, NEGATING_GOVERNORS) {
            Some(Modality::Negated)
        } else if p < head
            && (s.lemma_in(p, FUTURE_GOVERNORS) && (s.is_verb(p) || s.upos(p) == "ADJ")
                || s.lemma_in(p, FUTURE_NOUNS)
                    && s.upos(p) == "NOUN"
                    && s.rel(h).starts_with("acl")
                    // A relative clause on the noun (`a decision Beijing has
                    // rejected`) says what was done about the plan, not
                    // what is planned.
                    && !relative_clause(s, h)
                // An infinitive the parse hung on the verb whose object is
                // such a noun (`stated Seoul's intention, through talks with
                // partners, to take countermeasures`).
                || s.rel(h) == "advcl"
                    && s.kids[h].iter().any(|&k| k < h && s.form[k] == "to")
                    && s.kids[p].iter().any(|&o| {
                        o < h
                            && s.rel(o) == "obj"
                            && s.upos(o) == "NOUN"
                            && s.lemma_in(o, FUTURE_NOUNS)
                    }))
        {
            Some(Modality::Future)
        } else if s.lemma_in(p, HYPOTHETICAL_GOVERNORS) {
            Some(Modality::Hypothetical)
        } else {
            None
        };
        if s.rel(h) == "acl:relcl"
            && s.upos(p) == "NOUN"
            && (s.lemma_in(p, CLAIMED_NOUNS) || s.lemma_in(p, CLAIMED_GOVERNORS))
            && s.lemma_in(
                h,
                &[
                    "deny", "reject", "dismiss", "refute", "rebut", "dispute", "contest", "repeat",
                    "echo", "level", "make",
                ],
            )
        {
            // What was done about a claim (`a charge that Cambodia
            // denied`, `the accusation Moscow rejected`) is not part of the
            // claim around it.
            break;
        }
        // A verb coordinated with the governor (`called the strikes
        // regrettable and urged both sides to`) is a second act of the
        // subject, not in the governor's complement.
        let (by_entry, by_word) = if CONJ_APART && s.rel(h) == "conj" && s.is_verb(h) {
            (None, None)
        } else {
            (by_entry, by_word)
        };
        if let Some(m) = by_entry.or(by_word) {
            // The governor's own negation flips a future into a negation.
            from_above = Some(match (m, own(s, p)) {
                (Modality::Future, Some(Modality::Negated)) => Modality::Negated,
                (m, _) => m,
            });
            break;
        }
        if matches!(s.rel(h), "obj" | "nsubj:pass") && own(s, p) == Some(Modality::Negated) {
            from_above = Some(Modality::Negated);
            break;
        }
        if s.rel(h) != "ccomp" {
            if let Some(m @ (Modality::Hypothetical | Modality::Future)) = own(s, p) {
                from_above = Some(m);
                break;
            }
        }
        if matches!(s.rel(h), "ccomp" | "parataxis" | "root") {
            break;
        }
        h = p;
    }
    if from_above.is_none() && !adjunct && surface_governor(s, head, FUTURE_GOVERNORS) {
        from_above = Some(Modality::Future);
    }
    match (from_above, own_m) {
        (Some(Modality::Claimed), _) => Modality::Claimed,
        (Some(Modality::Negated), _) => Modality::Negated,
        (_, Some(m)) => m,
        (Some(m), None) => m,
        (None, None) => Modality::Asserted,
    }
}

/// Whether the event headed by `head` is held out on a condition the other
/// side must meet: an adverbial clause introduced by `unless` (or `if ...
/// not`) depending on it, or, when the parse misses the clause, `unless`
/// after the head in the same clause.
/// Whether the act at `head`, or the clause whose infinitive it is (`told
/// the ministry to be ready to test nuclear weapons if the United States
/// tested first`), holds an `if` clause: the act is held out on that
/// condition, whose head is returned.
pub(crate) fn if_condition(s: &Sent<'_>, head: usize) -> Option<usize> {
    let mut h = head;
    for _ in 0..3 {
        let clause = s.kids[h].iter().copied().find(|&k| {
            s.rel(k).starts_with("advcl")
                && k > h
                && s.kids[k]
                    .iter()
                    .any(|&m| s.rel(m) == "mark" && s.form[m].eq_ignore_ascii_case("if"))
        });
        if clause.is_some() {
            return clause;
        }
        match s.head(h) {
            Some(p) if matches!(s.rel(h), "xcomp" | "ccomp") => h = p,
            _ => return None,
        }
    }
    None
}

pub(crate) fn unless_condition(s: &Sent<'_>, head: usize) -> bool {
    let by_parse = s.kids[head]
        .iter()
        .filter(|&&k| s.rel(k).starts_with("advcl"))
        .any(|&k| {
            let marks: Vec<&str> = s.kids[k]
                .iter()
                .filter(|&&m| s.rel(m) == "mark")
                .map(|&m| s.form[m].as_str())
                .collect();
            marks.contains(&"unless")
                || marks.contains(&"if")
                    && s.kids[k]
                        .iter()
                        .any(|&m| s.rel(m) == "advmod" && s.form[m] == "not")
        });
    by_parse
        || (head + 1..s.len())
            .take_while(|&j| !matches!(s.form[j].as_str(), ";" | ":"))
            .any(|j| s.form[j] == "unless")
}
