//! Source and target: from the dependency structure where it is there
//! (subjects, passive agents, control, coordination, relative clauses),
//! from the surface where it is not, then resolved to document actors.

use dyads_text::Span;

use crate::actors::{DocActors, MentionKind};
use crate::quotes::reported::SPEECH_VERBS;

use super::sentence::Sent;
use super::ActorRef;

/// Verbs whose object is the subject of their infinitive (`urge Y to ...`).
const OBJECT_CONTROL: &[&str] = &[
    "urge",
    "ask",
    "call",
    "invite",
    "persuade",
    "force",
    "press",
    "encourage",
    "request",
    "allow",
    "order",
    "tell",
    "help",
    "push",
    "pressure",
    "compel",
    "permit",
    "authorize",
    "instruct",
    "warn",
    "advise",
    "appeal",
    "require",
    "demand",
    "expect",
];

/// Prepositions that make a nominal event the circumstance of another
/// predication rather than its content (`during talks`, `after the visit`).
const CIRCUMSTANTIAL_CASES: &[&str] = &[
    "during",
    "after",
    "before",
    "following",
    "since",
    "amid",
    "ahead",
    "prior",
    "until",
    "throughout",
    "despite",
    "upon",
];

/// Predicates whose subject is the event they report (`the talks took
/// place`, `the meeting was held`, `the visit ended`): recognised even when
/// the tagger misses the verb.
const EVENT_PREDICATES: &[&str] = &[
    "take", "hold", "begin", "start", "end", "conclude", "continue", "last", "open", "close",
    "resume", "occur", "happen", "proceed", "finish", "follow", "come", "see", "focus", "bring",
    "produce", "result", "yield", "cover", "involve", "include", "sign", "conduct", "organize",
    "convene", "stage", "complete", "carry", "launch", "arrange", "reach",
];

/// Whether the nominal event headed by `head` is what its clause predicates:
/// the root of a nominal sentence with a verb somewhere, the subject of a verb (`the
/// talks took place`, `the meeting was held`, `the deal led to ...`), or
/// the object of a verb (`held talks`, `attended the summit`). A noun that
/// only refers to an event from inside a noun phrase (a possessive,
/// prepositional or compound modifier), from a circumstantial phrase
/// (`during the visit`) or as the subject of a nominal predicate (`the
/// agreement is a violation`) is not.
pub(crate) fn nominal_predicated(s: &Sent<'_>, head: usize) -> bool {
    let mut h = head;
    for _ in 0..s.len() {
        match s.head(h) {
            Some(p) if s.rel(h) == "conj" => h = p,
            _ => break,
        }
    }
    let rel = s.rel(h);
    let base = rel.split(':').next().unwrap_or(rel);
    match base {
        // A verbless line (a subheading such as `The president's visit to
        // Hanoi`) names a topic; it asserts nothing.
        "root" => (0..s.len()).any(|j| s.is_verb(j) || s.upos(j) == "AUX"),
        "csubj" | "parataxis" | "ccomp" | "list" | "dep" => true,
        "nsubj" if rel == "nsubj:pass" => true,
        "nsubj" => s
            .head(h)
            .is_none_or(|p| s.is_verb(p) || is_event_predicate(s, p)),
        "obj" | "obl" | "iobj" | "xcomp" => {
            let Some(p) = s.head(h) else { return true };
            if !(s.is_verb(p) || s.upos(p) == "AUX") {
                return false;
            }
            !s.kids[h]
                .iter()
                .any(|&k| s.rel(k) == "case" && CIRCUMSTANTIAL_CASES.contains(&s.form[k].as_str()))
        }
        _ => false,
    }
}

/// Whether the meeting noun at `head` is the occasion of an act told as
/// done (`agreed on a ceasefire after talks at the prime minister's
/// residence`, `agreed ... at their first direct peace talks`): talks held
/// then, an event of their own.
pub(crate) fn talks_held(s: &Sent<'_>, head: usize) -> bool {
    if !s.lemma_in(
        head,
        &["talks", "talk", "meeting", "summit", "negotiations"],
    ) {
        return false;
    }
    let Some(p) = s.head(head) else { return false };
    s.rel(head) == "obl"
        && s.is_verb(p)
        && s.p.tokens[p].xpos == "VBD"
        && s.kids[head]
            .iter()
            .any(|&k| s.rel(k) == "case" && matches!(s.form[k].as_str(), "after" | "at" | "during"))
}

/// Whether the verb at `p` is one of [`EVENT_PREDICATES`], by lemma or, for
/// a lemmatiser miss, by an inflected form (`resumed`).
fn is_event_predicate(s: &Sent<'_>, p: usize) -> bool {
    let (l, f) = (s.lemma[p].as_str(), s.form[p].as_str());
    EVENT_PREDICATES.iter().any(|w| {
        let stem = w.strip_suffix('e').unwrap_or(w);
        l == *w || f.starts_with(stem) && f.len() <= w.len() + 3
    })
}

/// Verbs whose participle before `to` states the subject's stance.
const STANCE_PARTICIPLES: &[&str] = &["commit", "oppose", "prepare", "determine", "resolve"];

/// Whether the verb at `head` is passive.
pub(crate) fn is_passive(s: &Sent<'_>, head: usize) -> bool {
    // `Vietnam is committed to`, `Israel is opposed to`, `Iraq is
    // prepared to`: a participle of stance before `to` is an adjective;
    // its subject is the one who holds the stance.
    if s.lemma_in(head, STANCE_PARTICIPLES) && s.form.get(head + 1).is_some_and(|w| w == "to") {
        return false;
    }
    if s.kid(head, "nsubj:pass").is_some() || s.kid(head, "aux:pass").is_some() {
        return true;
    }
    let t = &s.p.tokens[head];
    // A participle with a by-agent modifying a noun is a reduced passive
    // relative (`a ceasefire between Thailand and Cambodia brokered by
    // Malaysia`), and so is an adverbial one (`after talks mediated by
    // Qatar`, hung on the main verb). Without the agent, the parse may have read a finite verb
    // as one (`Israeli tanks fired`).
    if t.xpos == "VBN"
        && matches!(s.rel(head), "acl" | "advcl")
        && s.kid(head, "obl:agent").is_some_and(|a| {
            s.kids[a]
                .iter()
                .any(|&c| s.rel(c) == "case" && s.form[c].eq_ignore_ascii_case("by"))
        })
    {
        return true;
    }
    t.xpos == "VBN"
        && (head.saturating_sub(3)..head)
            .any(|j| matches!(s.lemma[j].as_str(), "be" | "get") && s.upos(j) == "AUX")
}

/// Marks of a gerund clause whose subject is the noun phrase right before
/// it (`accused Russia of supplying`, `charged Moscow with using`,
/// `criticised Beijing for backing`); none for a bare gerund (`warned of
/// Iran possibly supplying`).
const GERUND_MARKS: &[&str] = &["of", "with", "for"];

/// Verbs whose object is the instrument of the infinitive it takes (`used
/// drones to strike`): the infinitive's subject is the verb's.
const INSTRUMENT_VERBS: &[&str] = &["use", "utilize", "employ", "deploy"];

/// Nouns whose infinitive is done by whoever holds them (`accepted an
/// invitation to visit`, `announced a plan to expand`).
const CONTROL_NOUNS: &[&str] = &[
    "invitation",
    "offer",
    "plan",
    "proposal",
    "decision",
    "bid",
    "promise",
    "pledge",
    "commitment",
    "intention",
    "attempt",
    "effort",
];

/// The subject of the gerund clause at `h` read off the phrase right before
/// it: the object or prepositional object of the verb it depends on, when
/// only an adverb or the clause's own mark (`of`, `with`, `for`) stands
/// between them.
fn gerund_subject(s: &Sent<'_>, h: usize) -> Option<(usize, usize)> {
    if !matches!(s.rel(h), "advcl" | "acl")
        || !s.form[h].ends_with("ing")
        || s.kid(h, "nsubj").is_some()
    {
        return None;
    }
    let p = s.head(h).filter(|&p| p < h && s.is_verb(p))?;
    let mark = s.kids[h]
        .iter()
        .copied()
        .find(|&k| k < h && matches!(s.rel(k), "mark" | "case"));
    if mark.is_some_and(|m| !GERUND_MARKS.contains(&s.form[m].as_str())) {
        return None;
    }
    let k = s.kids[p]
        .iter()
        .copied()
        .rfind(|&k| k < h && matches!(s.rel(k), "obj" | "obl"))?;
    // A bare gerund after a direct object is the subject's own act (`shelled
    // the town killing ten`).
    if mark.is_none() && s.rel(k) == "obj" {
        return None;
    }
    let (mut lo, hi) = s.subtree(k);
    if hi >= h {
        return None;
    }
    let between_ok = (hi + 1..h).all(|j| Some(j) == mark || s.upos(j) == "ADV");
    if !between_ok {
        return None;
    }
    if s.rel(k) == "obl" {
        while lo < k && s.upos(lo) == "ADP" {
            lo += 1;
        }
    }
    Some((lo, hi))
}

/// The end of the phrase of noun `k` (its subtree ending at `hi`) before
/// an apposition of amounts (`The U.S. duties, 25% on most Canadian goods
/// and 10% on energy, came into force`), which tells what the thing is,
/// not who does it.
fn before_amounts(s: &Sent<'_>, k: usize, hi: usize) -> usize {
    s.kids[k]
        .iter()
        .copied()
        .find(|&a| {
            let mut first = s.subtree(a).0;
            while first < a && s.upos(first) == "PUNCT" {
                first += 1;
            }
            a > k && s.rel(a) == "appos" && s.upos(first) == "NUM"
        })
        .map_or(hi, |a| s.subtree(a).0.saturating_sub(1).max(k))
}

/// The subject phrase of the verb at `head`: its own subject, or the one it
/// shares by control, coordination or a relative clause.
pub(crate) fn subject(s: &Sent<'_>, head: usize) -> Option<(usize, usize)> {
    let mut h = head;
    // `the war, which Gaza's health ministry says has killed 28,000
    // people`: the relative pronoun, hung as the object of the speech
    // verb, is the subject of the clause it reports; the speaker is not.
    let mut relative_report = false;
    for _ in 0..5 {
        let own = if relative_report {
            None
        } else {
            s.kid(h, "nsubj")
        };
        relative_report = false;
        if let Some(k) = own {
            let (lo, hi) = s.subtree(k);
            let mut hi = before_amounts(s, k, hi);
            // Two subjects with the `and` on the verb are one coordinated
            // subject (see [`subject_candidates`]).
            for &k2 in &s.kids[h] {
                let (lo2, hi2) = s.subtree(k2);
                if s.rel(k2) == "nsubj" && lo2 == hi + 2 && s.upos(hi + 1) == "CCONJ" {
                    hi = hi2;
                }
            }
            let rel_pron = matches!(s.form[k].as_str(), "who" | "which" | "that");
            if !rel_pron {
                return Some((lo, hi.min(h.saturating_sub(1)).max(lo)));
            }
            if let Some(r) = misattached_antecedent(s, h, k) {
                return Some(r);
            }
        }
        if let Some(r) = gerund_subject(s, h) {
            return Some(r);
        }
        let p = s.head(h)?;
        match s.rel(h) {
            "xcomp" => {
                if let Some(o) = s.kid(p, "obj").filter(|_| s.lemma_in(p, OBJECT_CONTROL)) {
                    return Some(s.subtree(o))
                        .map(|(lo, hi)| (lo, hi.min(h.saturating_sub(1)).max(lo)));
                }
            }
            "ccomp" if reports_relative(s, p) => {
                relative_report = true;
            }
            "conj" | "advcl" | "ccomp" if s.is_verb(p) => {}
            // `Biden said the strikes were a response and warned that ...`:
            // a speech verb the parser joined to a reported clause's
            // nominal predicate is the reporting verb's conjunct.
            "conj" if s.rel(p) == "ccomp" && s.lemma_in(h, SPEECH_VERBS) => {
                match s.head(p).filter(|&g| s.lemma_in(g, SPEECH_VERBS)) {
                    Some(g) => {
                        h = g;
                        continue;
                    }
                    None => return None,
                }
            }
            "acl:relcl" | "acl" => {
                // The noun phrase the clause modifies, with its
                // post-modifiers up to the verb: a quantity noun misread
                // as the root keeps its `of` phrase (`Thousands of Iraqi
                // Kurds demonstrated`).
                // A reduced clause after a name with an `of` phrase
                // (`The Organization of Islamic Cooperation called for`)
                // belongs to the whole name: climb to the noun it modifies.
                // An infinitive on the instrument of `use` (`using glide
                // bombs to strike a city`) or on an invitation, offer or
                // plan that is a verb's object (`accepted an invitation to
                // visit`) has the verb's subject for subject; an invitation
                // to someone (`extended an invitation to Putin to visit`),
                // that someone.
                let infinitive =
                    s.rel(h) == "acl" && s.kids[h].iter().any(|&k| s.form[k] == "to" && k < h);
                if infinitive && s.rel(p) == "obj" {
                    let g = s.head(p);
                    if let Some(to) = s.kids[p].iter().copied().find(|&k| {
                        k < h
                            && s.lemma_in(p, CONTROL_NOUNS)
                            && s.rel(k) == "nmod"
                            && s.kids[k]
                                .iter()
                                .any(|&c| s.rel(c) == "case" && s.form[c] == "to")
                    }) {
                        let (lo, hi) = s.subtree(to);
                        return Some((lo + 1, hi.max(lo + 1)));
                    }
                    // An envoy summoned to hear a protest (`summoned Japan's
                    // ambassador to lodge stern representations`): the
                    // summoner protests.
                    if g.is_some_and(|g| {
                        s.lemma_in(g, INSTRUMENT_VERBS)
                            || s.lemma_in(p, CONTROL_NOUNS)
                            || s.lemma_in(g, &["summon"])
                    }) {
                        h = g?;
                        continue;
                    }
                }
                // A relative clause on a military act that a verb's
                // subject carried out (`Israel launched an air campaign
                // against Iran's nuclear programme that killed its top
                // commanders`) has that subject for the act's doer, not
                // the names inside the act's phrase.
                // The parser may hang the clause on the act's target
                // (`... programme`), which kills no one.
                if let Some(g) = act_carrier(s, h, p) {
                    h = g;
                    continue;
                }
                let mut top = p;
                if p < h && s.rel(h) == "acl" {
                    while s.rel(top) == "nmod" {
                        match s.head(top).filter(|&g| g < top && !s.is_verb(g)) {
                            Some(g) => top = g,
                            None => break,
                        }
                    }
                }
                let (lo, _) = s.np_left(top).unwrap_or((top, top));
                let hi = if p < h && s.rel(h) == "acl" {
                    h - 1
                } else if p < h {
                    // The whole noun phrase before the relative clause: a
                    // name with its apposition (`Wang Yi, China's top
                    // diplomat, who urged`).
                    let mut end = s.subtree(h).0.saturating_sub(1);
                    while end > p && matches!(s.form[end].as_str(), "," | "who" | "which") {
                        end -= 1;
                    }
                    end.max(p)
                } else {
                    p
                };
                return Some((lo, hi));
            }
            _ => return None,
        }
        h = p;
    }
    None
}

/// The verb whose subject carried out the military act a relative clause
/// `h` on noun `p` tells the harm of: `p` is the act, the object of a
/// verb of [`CARRY_OUT`], or a noun phrase of that verb's that cannot do
/// harm itself (the act's target), the clause telling a harm.
fn act_carrier(s: &Sent<'_>, h: usize, p: usize) -> Option<usize> {
    if s.rel(h) != "acl:relcl" {
        return None;
    }
    let mut n = p;
    if s.rel(n) == "conj" {
        n = s.head(n)?;
    }
    let g = s.head(n)?;
    if !s.is_verb(g) || !s.lemma_in(g, CARRY_OUT) || s.kid(g, "nsubj").is_none() {
        return None;
    }
    let act = |x: usize| s.rel(x) == "obj" && s.lemma_in(x, MILITARY_ACTS);
    if act(n) {
        return Some(g);
    }
    let harm = s.lemma_in(h, &["kill", "wound", "injure", "destroy", "damage", "hit"]);
    (harm && s.rel(n) == "obl" && s.kids[g].iter().any(|&o| act(o))).then_some(g)
}

/// Military acts a state carries out, as the object of [`CARRY_OUT`].
const MILITARY_ACTS: &[&str] = &[
    "campaign",
    "operation",
    "offensive",
    "strike",
    "airstrike",
    "attack",
    "raid",
    "bombardment",
    "bombing",
    "barrage",
    "assault",
    "invasion",
    "incursion",
];

/// Verbs whose subject carries out the act that is their object.
const CARRY_OUT: &[&str] = &[
    "launch", "carry", "conduct", "mount", "stage", "begin", "start", "unleash", "order",
];

/// The antecedent of the relative pronoun `k`, subject of the verb `h`,
/// when the parser attached the relative clause as a conjunct of the main
/// verb (`met Xi, the Chinese president, who urged Washington to ...`): the
/// noun phrase just before the pronoun's comma, with the name an apposition
/// stands for.
fn misattached_antecedent(s: &Sent<'_>, h: usize, k: usize) -> Option<(usize, usize)> {
    if s.rel(h).starts_with("acl") || !matches!(s.form[k].as_str(), "who" | "which") {
        return None;
    }
    let a = if s.form[k.checked_sub(1)?] == "," {
        k.checked_sub(2)?
    } else {
        k - 1
    };
    if !matches!(s.upos(a), "NOUN" | "PROPN") {
        return None;
    }
    let mut top = a;
    for _ in 0..3 {
        match s.head(top) {
            Some(p) if p < top && matches!(s.rel(top), "appos" | "flat" | "compound") => top = p,
            _ => break,
        }
    }
    let lo = s.np_left(top).map_or(top, |(l, _)| l);
    Some((lo.min(top), a))
}

/// The subject phrases of the active verb at `head`, best first: each of
/// its subjects (a parser error may give two, as in "Human rights watchdog
/// Amnesty International accused ...") widened over premodifiers the
/// parser left outside it, then for a pronoun subject of a reported clause
/// (`Japan said it had halted aid`) the reporting verb's subject. Subjects
/// shared by control, coordination or a relative clause as in [`subject`].
pub(crate) fn subject_candidates(s: &Sent<'_>, head: usize) -> Vec<(usize, usize)> {
    let mut h = head;
    for _ in 0..5 {
        let subs: Vec<usize> = s.kids[h]
            .iter()
            .copied()
            .filter(|&k| s.rel(k) == "nsubj" || s.rel(k).starts_with("nsubj:"))
            .filter(|&k| !matches!(s.form[k].as_str(), "who" | "which" | "that"))
            .collect();
        // `hours after protesters stormed`: an amount of time before a
        // subordinator that the parser hung as one more subject.
        let time_subject = |k: usize| {
            s.lemma_in(k, &["hour", "minute", "day", "week", "month", "year"])
                && s.form
                    .get(k + 1)
                    .is_some_and(|w| matches!(w.as_str(), "after" | "before"))
        };
        let subs: Vec<usize> = if subs.len() > 1 && subs.iter().any(|&k| !time_subject(k)) {
            subs.into_iter().filter(|&k| !time_subject(k)).collect()
        } else {
            subs
        };
        if !subs.is_empty() {
            let mut subs = subs;
            subs.sort_unstable();
            let mut out = Vec::new();
            for &k in &subs {
                let (own, hi) = s.subtree(k);
                let hi = before_amounts(s, k, hi).min(h.saturating_sub(1)).max(own);
                // `The United States and Britain launched`, parsed as two
                // subjects with the `and` on the verb: one coordinated
                // subject.
                if let Some(last) = out.last_mut() {
                    let (plo, phi): (usize, usize) = *last;
                    if phi + 2 == own && s.upos(phi + 1) == "CCONJ" {
                        *last = (plo, hi);
                        continue;
                    }
                }
                // A personal pronoun is a phrase of its own: the name before
                // it (`assured Washington it was not supplying`) is another
                // phrase's.
                let lo = if s.upos(k) == "PRON" && own == k {
                    own
                } else {
                    s.np_left(own).map_or(own, |(a, _)| a)
                };
                out.push((lo, hi));
            }
            // A pronoun subject, or one owned by a pronoun (`Moscow said
            // its forces had completed a withdrawal`), of a reported clause
            // may stand for the reporter.
            let pronominal = |k: usize| {
                s.upos(k) == "PRON"
                    || s.kids[k]
                        .iter()
                        .any(|&c| s.rel(c) == "nmod:poss" && s.upos(c) == "PRON")
            };
            if subs.len() == 1 && pronominal(subs[0]) && s.rel(h) == "ccomp" {
                if let Some(r) = s.head(h).and_then(|p| subject(s, p)) {
                    out.push(r);
                }
            }
            return out;
        }
        if s.kids[h].iter().any(|&k| {
            s.rel(k).starts_with("nsubj") && matches!(s.form[k].as_str(), "who" | "which" | "that")
        }) {
            return subject(s, head).into_iter().collect();
        }
        if let Some(r) = gerund_subject(s, h) {
            return vec![r];
        }
        let Some(p) = s.head(h) else { break };
        if s.rel(h) == "ccomp" && reports_relative(s, p) {
            return subject(s, head).into_iter().collect();
        }
        match s.rel(h) {
            "conj" | "advcl" | "ccomp" if s.is_verb(p) => h = p,
            _ => break,
        }
    }
    let mut out: Vec<(usize, usize)> = subject(s, head).into_iter().collect();
    // A pronoun subject shared by control inside a reported clause
    // (`Vietnam said it intends to deepen`): the reporter, as above.
    if let Some(&(lo, hi)) = out.first() {
        if lo == hi && s.upos(lo) == "PRON" {
            if let Some(r) = s
                .head(lo)
                .filter(|&c| s.rel(c) == "ccomp")
                .and_then(|c| s.head(c))
                .and_then(|p| subject(s, p))
            {
                out.push(r);
            }
        }
    }
    out
}

/// Whether `p` is a speech verb in a relative clause whose relative
/// pronoun the parser hung on it (`the war, which Gaza's health ministry
/// says has killed ...`): the pronoun is the subject of the reported
/// clause.
fn reports_relative(s: &Sent<'_>, p: usize) -> bool {
    s.is_verb(p)
        && s.rel(p) == "acl:relcl"
        && s.lemma_in(p, SPEECH_VERBS)
        && s.kids[p].iter().any(|&k| {
            k < p
                && matches!(s.rel(k), "obj" | "nsubj")
                && matches!(s.form[k].to_lowercase().as_str(), "which" | "that")
        })
}

/// Words that make a plural phrase refer to the two parties of a dyad
/// (`the two sides`, `both countries`, `the foreign ministers`).
const PAIR_NOUNS: &[&str] = &[
    "side",
    "sides",
    "country",
    "countries",
    "leader",
    "leaders",
    "head",
    "heads",
    "party",
    "parties",
    "minister",
    "ministers",
    "nation",
    "nations",
    "government",
    "governments",
    "delegation",
    "delegations",
    "state",
    "states",
    "neighbour",
    "neighbours",
    "neighbor",
    "neighbors",
    "rival",
    "rivals",
    "capital",
    "capitals",
];

/// The number of parties a phrase of tokens `lo..=hi` refers back to as a
/// group (`all three`, `the seven`, `the three countries`, `all four
/// governments`): three to ten, with no other words but a determiner and
/// a noun for states or their leaders.
pub(crate) fn group_count(s: &Sent<'_>, (lo, hi): (usize, usize)) -> Option<usize> {
    const NUMBERS: &[&str] = &[
        "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    const NOUNS: &[&str] = &[
        "countries",
        "states",
        "nations",
        "governments",
        "capitals",
        "juntas",
        "leaders",
        "neighbours",
        "neighbors",
        "members",
        "allies",
    ];
    let mut hi = hi.min(s.len().checked_sub(1)?);
    // A conjunction or comma the phrase ends on belongs to what follows
    // (`praised the three countries and urged others`).
    while hi > lo && matches!(s.upos(hi), "CCONJ" | "PUNCT") {
        hi -= 1;
    }
    let is = |w: &str, list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    let mut words = (lo..=hi)
        .map(|j| s.form[j].as_str())
        .filter(|w| !is(w, &["all", "the", "those", "these", "of"]));
    let number = words.next()?;
    let n = NUMBERS
        .iter()
        .position(|x| number.eq_ignore_ascii_case(x))?
        + 3;
    match (words.next(), words.next()) {
        (None, _) => Some(n),
        (Some(noun), None) if is(noun, NOUNS) => Some(n),
        _ => None,
    }
}

/// Whether tokens `lo..=hi` are `each side`, `each country`, `each` (of
/// two parties, told one after the other: `each side accused the other`).
pub(crate) fn is_each_side(s: &Sent<'_>, (lo, hi): (usize, usize)) -> bool {
    let hi = hi.min(s.len().saturating_sub(1));
    if hi < lo || hi - lo > 1 || !s.form[lo].eq_ignore_ascii_case("each") {
        return false;
    }
    hi == lo
        || s.lemma_in(
            hi,
            &[
                "side",
                "country",
                "party",
                "army",
                "government",
                "camp",
                "nation",
                "state",
            ],
        )
}

/// Whether tokens `lo..=hi` are a phrase for both parties of a dyad: `the
/// two sides`, `both countries`, `the leaders of both sides`, `the sides`,
/// `the foreign ministers`.
pub(crate) fn is_pair_phrase(s: &Sent<'_>, (lo, hi): (usize, usize)) -> bool {
    let lower: Vec<String> = (lo..=hi.min(s.len() - 1))
        .map(|j| s.form[j].to_lowercase())
        .collect();
    let words: Vec<&str> = lower.iter().map(String::as_str).collect();
    if words.len() > 8 {
        return false;
    }
    let noun = words.iter().any(|w| PAIR_NOUNS.contains(w));
    let both = words.iter().any(|w| matches!(*w, "both" | "two"));
    noun && (both
        || matches!(words.as_slice(), ["the", "sides" | "parties"])
        || matches!(words.as_slice(), ["the", "foreign", "ministers"]))
}

/// Prepositions whose object can be the target of a verbal event.
const TARGET_CASES: &[&str] = &[
    "with", "to", "on", "against", "at", "toward", "towards", "over", "of", "for", "into",
];

/// The first phrase after the verb at `head` that names an actor: the
/// subtree of its direct object, then of a prepositional dependent with a
/// target preposition.
pub(crate) fn object_target(
    s: &Sent<'_>,
    actors: &DocActors,
    head: usize,
    cooperative: bool,
) -> Option<(usize, usize)> {
    let mut cands: Vec<usize> = s.kids[head]
        .iter()
        .copied()
        .filter(|&k| k > head && s.rel(k) == "obj")
        .collect();
    cands.extend(s.kids[head].iter().copied().filter(|&k| {
        k > head
            && matches!(s.rel(k), "obl" | "advcl")
            && s.kids[k].iter().any(|&c| {
                matches!(s.rel(c), "case" | "mark")
                    && TARGET_CASES.contains(&s.form[c].as_str())
                    // A cooperative act `at` a place (`agreed to a ceasefire
                    // after talks at the residence of Anwar`) has it as its
                    // venue, not its partner.
                    && !(cooperative && s.form[c] == "at")
            })
    }));
    cands.into_iter().find_map(|k| {
        let (lo, hi) = s.subtree(k);
        // For a cooperative act, whoever the object is turned against, or
        // acts on in a clause of its own, is no partner (`trained fighters
        // for a war against Israel`, `trained fighters capable of attacking
        // Israel`).
        let hi = (lo..=hi)
            .find(|&j| {
                j > k
                    && (matches!(s.form[j].as_str(), "," | ";" | ":" | "--")
                        || cooperative
                            && (s.form[j] == "against"
                                || s.is_verb(j)
                                // The time or venue of the act (`agreed to
                                // a ceasefire after talks at the residence
                                // of Anwar`, `a ceasefire in Ukraine`)
                                // names no partner.
                                || s.upos(j) == "ADP"
                                    && matches!(
                                        s.form[j].as_str(),
                                        "after" | "before" | "during" | "following" | "at" | "in"
                                    )))
            })
            .map_or(hi, |j| j - 1);
        (!actors_in(s, actors, (lo, hi)).is_empty()).then_some((lo, hi))
    })
}

/// Prepositions that place a hostile act (`rioted in Kirkuk`, `fired at
/// targets in Jericho`, `a curfew in Abidjan`, `blockade into Gaza`).
const PLACE_CASES: &[&str] = &[
    "in", "into", "at", "near", "outside", "inside", "across", "around",
];

/// For a hostile event with no target: the first place phrase after the
/// head, within its clause, that names an actor other than the source
/// (`Protesters blocked roads in Algiers` -> Algeria). CAMEO codes the
/// state of the place where a protest, threat, coercion or attack happens
/// as its target when no one else is named.
pub(crate) fn place_target(
    s: &Sent<'_>,
    actors: &DocActors,
    head: usize,
    src: &[ActorRef],
) -> Option<((usize, usize), Vec<ActorRef>)> {
    let end = (head + 16).min(s.len());
    let mut j = head + 1;
    while j < end {
        let w = s.form[j].as_str();
        if matches!(w, ";" | ":" | "--") || s.upos(j) == "SCONJ" || w == "," && j > head + 1 {
            break;
        }
        if PLACE_CASES.contains(&w) && s.upos(j) == "ADP" {
            if let Some((lo, hi)) = s.np_from(j + 1) {
                let found: Vec<ActorRef> = actors_in(s, actors, (lo, hi))
                    .into_iter()
                    .filter(|a| {
                        a.country.is_some() && !src.iter().any(|x| x.actor_id == a.actor_id)
                    })
                    .collect();
                if !found.is_empty() {
                    return Some(((lo, hi), found));
                }
                j = hi;
            }
        }
        j += 1;
    }
    None
}

/// Whether the verb at `head` is a passive the tagger read as active: a
/// past form right before `by` and an actor, whose subject is an agreement
/// (`A truce between Israel and Hamas brokered by Egypt held`).
pub(crate) fn misread_passive(s: &Sent<'_>, actors: &DocActors, head: usize) -> bool {
    let by_right_after = s.form.get(head + 1).is_some_and(|w| w == "by")
        && s.np_from(head + 2)
            .is_some_and(|r| !actors_in(s, actors, r).is_empty());
    // ... or a `by` phrase of actors hung on it further on (`The treaty,
    // signed in Prague in 2010 by Obama and Medvedev,`).
    let by_phrase = || {
        s.kids[head].iter().any(|&k| {
            k > head
                && s.rel(k) == "obl"
                && s.kids[k]
                    .iter()
                    .any(|&c| s.rel(c) == "case" && s.form[c].eq_ignore_ascii_case("by"))
                && !actors_in(s, actors, s.subtree(k)).is_empty()
        })
    };
    matches!(s.p.tokens[head].xpos, "VBD" | "VBN")
        && s.kid(head, "nsubj")
            .is_some_and(|k| s.upos(k) == "NOUN" && s.lemma_in(k, super::AGREEMENT_NOUNS))
        && (by_right_after || by_phrase())
}

/// The agent of a passive (`by X`) after `head`, read off the surface.
pub(crate) fn passive_agent(s: &Sent<'_>, head: usize) -> Option<(usize, usize)> {
    if let Some(a) = s.kid(head, "obl:agent") {
        let (lo, hi) = s.subtree(a);
        let lo = if s.form[lo] == "by" { lo + 1 } else { lo };
        return Some((lo, hi.max(lo)));
    }
    // A `by` phrase the parser hung on as a plain oblique.
    if let Some(a) = s.kids[head].iter().copied().find(|&k| {
        k > head
            && s.rel(k) == "obl"
            && s.kids[k]
                .iter()
                .any(|&c| s.rel(c) == "case" && s.form[c].eq_ignore_ascii_case("by"))
    }) {
        let (lo, hi) = s.subtree(a);
        let lo = if s.form[lo] == "by" { lo + 1 } else { lo };
        return Some((lo, hi.max(lo)));
    }
    let by = (head + 1..(head + 6).min(s.len())).find(|&j| s.form[j] == "by")?;
    s.np_from(by + 1)
}

/// The nearest actor phrase left of `head` in its clause, not inside a
/// prepositional phrase: the surface fallback for a subject.
pub(crate) fn left_fallback(
    s: &Sent<'_>,
    actors: &DocActors,
    head: usize,
) -> Option<(usize, usize)> {
    let mut j = head;
    while j > 0 {
        j -= 1;
        if matches!(
            s.form[j].as_str(),
            ";" | ":" | "\"" | "\u{201c}" | "\u{201d}"
        ) {
            return None;
        }
        let tok = s.p.tokens[j].span;
        if actors.at(tok).next().is_some() || mention_covers(actors, tok) {
            let (lo, hi) = s.np_left(j + 1).unwrap_or((j, j));
            if lo > 0 && s.upos(lo - 1) == "ADP" {
                continue;
            }
            return Some((lo, hi.max(j)));
        }
    }
    None
}

/// Whether the mention starting at byte `start` follows a locative
/// preposition (`in`, `at`, `based in`).
pub(crate) fn locative(s: &Sent<'_>, start: usize) -> bool {
    let Some(j) =
        s.p.tokens
            .iter()
            .position(|t| t.span.start as usize >= start)
    else {
        return false;
    };
    (j.saturating_sub(2)..j).any(|k| matches!(s.form[k].as_str(), "in" | "at" | "inside"))
}

pub(crate) fn mention_covers(actors: &DocActors, tok: Span) -> bool {
    actors
        .mentions
        .iter()
        .any(|m| m.span.start <= tok.start && m.span.end >= tok.end)
}

/// The actors named in tokens `lo..=hi`, one per coordinated member.
pub(crate) fn actors_in(s: &Sent<'_>, actors: &DocActors, range: (usize, usize)) -> Vec<ActorRef> {
    let (lo, hi) = range;
    // A dateline the text layer left in the sentence (`OSLO, May 3 -`)
    // names where the story was filed, not who acts.
    let lo = lo.max(s.dateline);
    if lo > hi || hi >= s.len() {
        return Vec::new();
    }
    let span = s.span(lo, hi);
    // A relative clause inside the phrase (`Saudi Arabia, which has kept
    // a truce with the Houthis since 2022,`) says something about the
    // phrase's actor; the actors it names are not the phrase's.
    let relative: Vec<Span> = (lo..=hi)
        .filter(|&j| s.rel(j) == "acl:relcl" && s.head(j).is_some_and(|p| lo <= p && p <= hi))
        .map(|j| {
            let (a, b) = s.subtree(j);
            s.span(a.max(lo), b.min(hi))
        })
        .collect();
    let mentions: Vec<_> = actors
        .at(span)
        .filter(|m| {
            !relative
                .iter()
                .any(|r| r.start <= m.span.start && m.span.end <= r.end)
                && !names_instrument(s.text, m.span)
        })
        .collect();
    let has_and = (lo..=hi).any(|j| matches!(s.form[j].as_str(), "and" | "or" | "&"));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (n, m) in mentions.iter().enumerate() {
        let split = match n.checked_sub(1).and_then(|p| mentions.get(p)) {
            None => true,
            Some(prev) => {
                let gap = s
                    .text
                    .get(prev.span.end as usize..m.span.start as usize)
                    .unwrap_or("");
                let words: Vec<&str> = gap
                    .split(|c: char| !c.is_alphanumeric() && c != '&')
                    .collect();
                words.iter().any(|w| matches!(*w, "and" | "or" | "&"))
                    || (gap.trim() == "," && (has_and || listed_after(s, prev.span, m.span)))
            }
        };
        if split {
            groups.push(vec![n]);
        } else if let Some(g) = groups.last_mut() {
            g.push(n);
        }
    }
    let mut out: Vec<ActorRef> = Vec::new();
    let mut all_locative = true;
    for g in groups {
        let best = g.iter().copied().min_by_key(|&n| {
            let m = mentions[n];
            let kind = actors.actors.get(m.actor).map_or("", |a| a.kind);
            let rank = match (kind, m.kind) {
                // `China, Pakistan's closest ally,`: the other party of a
                // relation is not who the phrase is.
                _ if relation_possessor(s.text, m.span) => 6,
                // `Milei, a fierce critic of the socialist leader,`: who an
                // apposition relates the actor to is not the actor.
                _ if g.len() > 1 && apposition_modifier(s, (lo, hi), m.span) => 6,
                (_, MentionKind::Pronoun) => 5,
                ("person", _) => 0,
                ("organization", _) => 1,
                ("state", MentionKind::Name) => 2,
                _ => 3,
            };
            // A place in a locative modifier (`the Russian embassy in
            // Seoul`) names where the actor is, not who it is.
            (locative(s, m.span.start as usize), rank, usize::MAX - n)
        });
        let Some(m) = best.map(|n| mentions[n]) else {
            continue;
        };
        let Some(a) = actors.actors.get(m.actor) else {
            continue;
        };
        if out.iter().any(|o| o.actor_id == a.id) {
            continue;
        }
        all_locative &= locative(s, m.span.start as usize);
        out.push(ActorRef::of(a, m.span.slice(s.text)));
    }
    if out.is_empty() {
        out = groups_in(s, actors, span);
    } else if all_locative {
        // Only places where a group is (`army officers in Gabon`): the
        // group is who it is, of that place's country.
        let groups = groups_in(s, actors, span);
        if !groups.is_empty() {
            out = groups;
        }
    }
    out
}

/// Whether the mention at `span` modifies an apposition within tokens
/// `lo..=hi` (`Milei, a fierce critic of the socialist leader`, `Tokayev,
/// Putin's closest ally`): reached from the apposition's head through a
/// nominal modifier.
fn apposition_modifier(s: &Sent<'_>, (lo, hi): (usize, usize), span: Span) -> bool {
    let Some(mut j) = s.first_token(span) else {
        return false;
    };
    let inside = |k: usize| {
        let t = s.p.tokens[k].span;
        t.start >= span.start && t.end <= span.end
    };
    let mut modifier = false;
    while let Some(p) = s.head(j) {
        if p < lo || p > hi {
            return false;
        }
        if !inside(j) && s.rel(j) == "appos" {
            return modifier;
        }
        if !inside(p) && s.rel(j).starts_with("nmod") {
            modifier = true;
        }
        j = p;
    }
    false
}

/// Whether the mention at `b`, after a comma, is a conjunct of the one at
/// `a` in the parse (`Argentina, Chile, Costa Rica, Panama` with the list's
/// `and` beyond the phrase): a list member, not an apposition.
fn listed_after(s: &Sent<'_>, a: Span, b: Span) -> bool {
    let (Some(i), Some(j)) = (s.first_token(a), s.first_token(b)) else {
        return false;
    };
    let top = |mut k: usize, x: Span| {
        while let Some(p) = s.head(k) {
            let t = s.p.tokens[p].span;
            if t.start < x.start || t.end > x.end {
                break;
            }
            k = p;
        }
        k
    };
    let (i, j) = (top(i, a), top(j, b));
    s.rel(j) == "conj" && (s.head(j) == Some(i) || s.rel(i) == "conj" && s.head(i) == s.head(j))
}

/// Nouns of a relation to another party (`Pakistan's closest ally`).
const RELATION_NOUNS: &[&str] = &[
    "ally",
    "allies",
    "neighbour",
    "neighbor",
    "neighbours",
    "neighbors",
    "partner",
    "partners",
    "rival",
    "rivals",
    "foe",
    "enemy",
    "adversary",
    "backer",
    "backers",
    "patron",
    "sponsor",
    "friend",
    "protector",
    "proxy",
    "proxies",
];

/// Whether the name at `span` is the possessor of a relation noun within
/// three words (`Pakistan's closest ally`, `Israel's main backer`).
fn relation_possessor(text: &str, span: Span) -> bool {
    let after = text.get(span.end as usize..).unwrap_or("");
    let Some(rest) = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("\u{2019}s"))
    else {
        return false;
    };
    rest.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(3)
        .any(|w| RELATION_NOUNS.contains(&w.to_lowercase().as_str()))
}

/// Capitalised nouns that make a place's name the name of a treaty or a
/// law (`the Vienna Convention`, `the Paris Agreement`, `the Oslo
/// Accords`): the place is no party to what is done about it.
const INSTRUMENTS: &[&str] = &[
    "Convention",
    "Conventions",
    "Agreement",
    "Agreements",
    "Accord",
    "Accords",
    "Protocol",
    "Protocols",
    "Treaty",
    "Charter",
    "Declaration",
    "Memorandum",
    "Statute",
    "Format",
];

/// Whether the name at `span` opens the name of a treaty or a law
/// ([`INSTRUMENTS`]).
fn names_instrument(text: &str, span: Span) -> bool {
    let after = text.get(span.end as usize..).unwrap_or("");
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word: &str = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    INSTRUMENTS.contains(&word)
}

/// Nouns that name a body of people by a group noun before them
/// (`opposition groups`, `police units`, `rebel forces`): the group noun
/// still names who they are.
const COLLECTIVE_HEADS: &[&str] = &[
    "group",
    "force",
    "member",
    "unit",
    "leader",
    "fighter",
    "supporter",
    "movement",
    "coalition",
    "faction",
    "wing",
    "official",
    "officer",
    "commander",
];

/// The generic groups (`protesters`, `riot police`) named in `span`, one
/// per sector and country, when the span names no actor. The group noun
/// must head its phrase: `military` in `military sites` names no group.
fn groups_in(s: &Sent<'_>, actors: &DocActors, span: Span) -> Vec<ActorRef> {
    let mut out: Vec<ActorRef> = Vec::new();
    for g in actors
        .groups
        .iter()
        .filter(|g| span.start <= g.span.start && g.span.end <= span.end)
    {
        let last =
            s.p.tokens
                .iter()
                .rposition(|t| t.span.start >= g.span.start && t.span.end <= g.span.end);
        let Some(last) = last else { continue };
        let modifies = |h: usize| !COLLECTIVE_HEADS.contains(&s.lemma[h].as_str());
        if matches!(s.rel(last), "compound" | "amod" | "nmod:poss" | "case")
            && s.head(last).is_some_and(|h| h > last && modifies(h))
        {
            continue;
        }
        let country = g.country.as_deref().unwrap_or("");
        let id = format!("group:{country}:{}", g.sector);
        if out.iter().any(|o| o.actor_id == id) {
            continue;
        }
        out.push(ActorRef {
            text: g.term.clone(),
            actor_id: id,
            code: Some(format!("{country}{}", g.sector)),
            canonical: g.term.clone(),
            country: g.country.clone(),
            sector: Some(g.sector.clone()),
            role: None,
            implicit: false,
        });
    }
    out
}

/// The visitor a host welcomes at the verb `head`: its direct object, when
/// the object's head word is itself a person or state of another country
/// than the host's (`welcomed the Indian prime minister`, not `welcomed
/// India's decision`).
pub(crate) fn welcomed_visitor(
    s: &Sent<'_>,
    actors: &DocActors,
    head: usize,
    src: &[ActorRef],
) -> Option<((usize, usize), Vec<ActorRef>)> {
    let o = s.kids[head].iter().copied().find(|&k| s.rel(k) == "obj")?;
    if !mention_covers(actors, s.p.tokens[o].span) {
        return None;
    }
    let (lo, _) = s.subtree(o);
    let v: Vec<ActorRef> = actors_in(s, actors, (lo, o))
        .into_iter()
        .filter(|a| {
            a.country.is_some()
                && matches!(a.sector.as_deref(), Some("GOV") | None)
                && !src.iter().any(|x| x.country == a.country)
        })
        .collect();
    (!v.is_empty()).then_some(((lo, o), v))
}
