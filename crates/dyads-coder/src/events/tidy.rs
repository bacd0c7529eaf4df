//! Tidying the events of one sentence: targets borrowed from the events
//! they govern or from the act they refer back to, untargeted duplicates
//! dropped.

use dyads_lexicon::events::{CameoCode, EventLexicon};

use super::codes::root_of;
use super::modality::Modality;
use super::sentence::Sent;
use super::{roles, ActorRef, Actors, Event};
use crate::actors::DocActors;

/// How many sentences back a definite act (`the proposal`) is looked for.
const REFERRED_ACT_WINDOW: usize = 6;

/// How many sentences back a material act (`the attack`) is looked for.
const FORCE_WINDOW: usize = 10;

/// Nouns naming a speech act by another verb than their own (`rejected
/// the demand` after `ordered the ambassador to leave`): noun, verbs.
const NOMINALISED: &[(&str, &[&str])] = &[
    ("accusation", &["accus", "alleg", "charg", "blam"]),
    ("allegation", &["accus", "alleg", "charg", "blam"]),
    ("charge", &["accus", "alleg", "charg", "blam"]),
    ("claim", &["accus", "alleg", "claim", "blam"]),
    (
        "demand",
        &["demand", "order", "urg", "call", "ask", "insist"],
    ),
    ("request", &["request", "ask"]),
    ("ultimatum", &["order", "demand"]),
    ("proposal", &["propos", "offer"]),
    ("offer", &["offer", "propos"]),
    ("invitation", &["invit"]),
    ("threat", &["threat", "warn"]),
    ("criticism", &["critic", "condemn", "denounc"]),
    // Military acts told again in other words (`began live-fire drills`
    // ... `condemned the exercises`; `fired missiles` ... `the launches`).
    ("exercise", &["drill", "exercis", "maneuv", "manoeuv"]),
    ("drill", &["drill", "exercis", "maneuv", "manoeuv"]),
    ("launch", &["launch", "fire", "fired"]),
    ("test", &["test", "launch", "fire", "fired"]),
    ("strike", &["strike", "struck", "bomb", "raid", "attack"]),
    (
        "attack",
        &["attack", "strike", "struck", "raid", "assault", "ambush"],
    ),
    ("flight", &["flight", "fly", "flew", "flown"]),
    ("incursion", &["incursion", "cross", "enter", "entr"]),
    ("invasion", &["invasion", "invad"]),
    ("seizure", &["seiz"]),
    (
        "coup",
        &["seiz", "overthr", "toppl", "oust", "depos", "coup"],
    ),
    (
        "takeover",
        &["seiz", "overthr", "toppl", "oust", "depos", "coup"],
    ),
    ("expulsion", &["expel", "expul"]),
    ("execution", &["execut", "hang"]),
    ("killing", &["kill", "assassinat", "murder"]),
    ("assassination", &["assassinat", "kill"]),
];

/// Nouns of speech acts: an earlier statement, accusation or threat is
/// what they refer to.
const VERBAL_ACTS: &[&str] = &[
    "accusation",
    "allegation",
    "charge",
    "claim",
    "demand",
    "request",
    "ultimatum",
    "proposal",
    "offer",
    "invitation",
    "threat",
    "criticism",
];

/// Nouns of a charge one can reject as a denial.
const CHARGE_NOUNS: &[&str] = &[
    "suggestion",
    "suggestions",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "charge",
    "charges",
    "claim",
    "claims",
];

/// CAMEO roots of statements and verbal acts (01, 02, 10-13): not the
/// material act a noun such as `the attack` refers to.
const VERBAL_ROOTS: &[&str] = &["01", "02", "10", "11", "12", "13"];

/// Nouns that refer to any earlier use of force (CAMEO 18-20).
const FORCE_NOUNS: &[&str] = &[
    "attack",
    "strike",
    "assault",
    "aggression",
    "retaliation",
    "raid",
    "bombing",
    "shelling",
    "operation",
    "offensive",
    "incursion",
    "intrusion",
    "invasion",
];

/// Determiners that refer back to something already told.
const DEFINITE: &[&str] = &["the", "this", "that", "these", "those"];

/// A criticism or rejection without a target whose object refers back to
/// an act already coded (`Biden condemned the attack` after `Iran launched
/// an attack on Israel`; `rejected the launch` after `launched a missile`)
/// takes that act's source as its target: the doer of the act condemned.
/// `out[first..]` are the sentence's events, `heads` their head tokens;
/// an earlier event of the lexicon refers to the act when its words hold
/// the object's lemma.
pub(crate) fn doer_of_referred_act(
    lex: &EventLexicon,
    s: &Sent<'_>,
    out: &mut [Event],
    first: usize,
    heads: &[usize],
) {
    for (k, &head) in heads.iter().enumerate() {
        let i = first + k;
        if out[i].target.is_some()
            || !(["11", "12", "14"].contains(&out[i].cameo.get(..2).unwrap_or(""))
                || out[i].cameo == "016")
        {
            continue;
        }
        let passive = s.kids[head].iter().any(|&c| s.rel(c) == "nsubj:pass");
        let object = s.kids[head].iter().copied().find(|&c| {
            let r = s.rel(c);
            let against = r == "obl"
                && s.kids[c].iter().any(|&m| {
                    s.rel(m) == "case" && matches!(s.lemma[m].as_str(), "against" | "over")
                });
            (r == "obj" || passive && r == "nsubj:pass" || against) && s.upos(c) == "NOUN"
        });
        // A relative clause on the act's noun (`drills that Taipei
        // condemned`) reacts to the act the noun names: the clause makes it
        // a known one, as a definite article does.
        let relative = s
            .head(head)
            .filter(|&n| s.rel(head) == "acl:relcl" && s.upos(n) == "NOUN" && n < head)
            .filter(|_| {
                !s.kids[head]
                    .iter()
                    .any(|&c| s.rel(c) == "obj" && s.upos(c) == "NOUN")
            })
            .or_else(|| {
                // The parse may hang the clause elsewhere and keep only the
                // relative pronoun as the object: its antecedent is the noun
                // right before it.
                s.kids[head]
                    .iter()
                    .find(|&&c| s.rel(c) == "obj" && s.p.tokens[c].xpos == "WDT")
                    .and_then(|&c| c.checked_sub(1))
                    .filter(|&n| s.upos(n) == "NOUN")
            });
        // A pronoun object (`Saudi Arabia condemned the strikes, and China
        // and Russia also denounced them`) refers to what an earlier
        // reaction of the sentence was aimed at: its target.
        let pronoun = s.kids[head].iter().any(|&c| {
            s.rel(c) == "obj"
                && s.upos(c) == "PRON"
                && matches!(s.form[c].to_lowercase().as_str(), "them" | "it")
        });
        if object.is_none() && relative.is_none() && pronoun {
            let earlier = (first..i).rev().find_map(|j| {
                let e = &out[j];
                let root = e.cameo.get(..2).unwrap_or("");
                (heads[j - first] < head && matches!(root, "11" | "12" | "14"))
                    .then(|| e.target.clone())
                    .flatten()
            });
            if let Some(t) = earlier {
                out[i].target = Some(t);
            }
            continue;
        }
        let Some(obj) = object.or(relative) else {
            continue;
        };
        if relative != Some(obj)
            && !s.kids[obj]
                .iter()
                .any(|&c| s.rel(c) == "det" && DEFINITE.contains(&s.lemma[c].as_str()))
        {
            continue;
        }
        let lemma = s.lemma[obj].as_str();
        let stems: &[&str] = NOMINALISED
            .iter()
            .find(|(n, _)| *n == lemma)
            .map_or(&[], |(_, v)| *v);
        let own = source_countries(&out[i]);
        let sentence = out[i].sentence;
        let lede = out.first().map(|e| e.sentence);
        let refers = |j: usize| {
            let e = &out[j];
            // A material act is referred to from further away (`the
            // strikes` or `the takeover` of the lede, condemned paragraphs
            // later) than a statement.
            let window = if VERBAL_ACTS.contains(&lemma) {
                REFERRED_ACT_WINDOW
            } else {
                FORCE_WINDOW
            };
            // The lede's acts are what the whole report is about: they are
            // referred to from anywhere in it.
            if e.sentence + window < sentence && Some(e.sentence) != lede {
                return None;
            }
            lex.entry(&e.rule)?;
            let root = e.cameo.get(..2).unwrap_or("");
            // A reaction to the act (`called the attack outrageous`) is not
            // the act: a material act is referred to by material events
            // only.
            if !VERBAL_ACTS.contains(&lemma) && VERBAL_ROOTS.contains(&root) {
                return None;
            }
            // Any use of force is what `the attack` or `the retaliation`
            // refers to; other acts are named by the earlier event's words
            // (`launched an attack`, `attacked`, `the missile launch`).
            // Likewise any show of force is what `the drills` refers to.
            let force = FORCE_NOUNS.contains(&lemma) && matches!(root, "18" | "19" | "20")
                || matches!(lemma, "drill" | "exercise" | "maneuver" | "manoeuvre") && root == "15";
            let words = s.text.get(e.evidence.start..e.evidence.end)?.to_lowercase();
            if !force
                && !words.split(|c: char| !c.is_alphanumeric()).any(|w| {
                    w.starts_with(lemma) && w.len() <= lemma.len() + 3
                        || stems.iter().any(|st| w.starts_with(st))
                })
            {
                return None;
            }
            let src = e.source.as_ref()?;
            let foreign = src
                .members()
                .iter()
                .all(|m| m.country.as_deref().is_some_and(|c| !own.contains(&c)));
            foreign.then(|| src.clone())
        };
        // A material act the lede told is what the article is about: `the
        // strikes` condemned paragraphs later are the lede's, not a
        // retaliation told in between.
        let material = !VERBAL_ACTS.contains(&lemma);
        let found = (0..i)
            .rev()
            .filter(|&j| material && Some(out[j].sentence) == lede)
            .find_map(refers)
            .or_else(|| (0..i).rev().find_map(refers));
        if let Some(t) = found {
            out[i].target = Some(t);
        }
    }
}

/// An event without a target takes the target of an event of the same
/// source whose head lies inside its complement (`Putin accepted the
/// invitation to visit North Korea`, `Kim proposed holding the meeting
/// during his visit to Russia`), or, when it is a nominal event that is the
/// subject of the other, of that event (`the cartel's car bombing killed
/// several officers`).
pub(crate) fn borrow_targets(s: &Sent<'_>, events: &mut [Event], heads: &[usize]) {
    for i in 0..events.len() {
        if events[i].target.is_some() {
            continue;
        }
        let src_ids: Vec<&str> = events[i]
            .source
            .as_ref()
            .map(|a| a.members().iter().map(|m| m.actor_id.as_str()).collect())
            .unwrap_or_default();
        // ... or, for a nominal event that is the subject of another
        // (`the group's suicide bombing killed many troops`), that event's.
        let found = (0..events.len()).find(|&j| {
            j != i
                && events[j].target.is_some()
                && (s.dominates(heads[i], heads[j])
                    && (s.dominates_in_clause(heads[i], heads[j])
                        || !partner_for_hostile(&events[i], &events[j]))
                    || s.head(heads[i]) == Some(heads[j])
                        && s.rel(heads[i]).starts_with("nsubj")
                        && !s.is_verb(heads[i]))
                && events[j].source.as_ref().is_some_and(|a| {
                    a.members()
                        .iter()
                        .any(|m| src_ids.contains(&m.actor_id.as_str()))
                })
        });
        if let Some(j) = found {
            events[i].target = events[j].target.clone();
        }
    }
}

/// Whether `lender` is a cooperative act (roots 03-08) and `borrower` a
/// hostile one (11 and up): in `condemned the launch and agreed to
/// strengthen cooperation with the United States` the partner of the
/// second act is not the one the first condemns.
fn partner_for_hostile(borrower: &Event, lender: &Event) -> bool {
    let root = |e: &Event| root_of(&e.cameo);
    (3..=8).contains(&root(lender)) && root(borrower) >= 11
}

/// A visit called off or put off with no foreign target (`Blinken
/// postponed his trip`: `his` is Blinken's own side) is the visit told
/// before: it takes the foreign target of the last consultation (root 04,
/// or an intent to meet, 036)
/// of the same source country earlier in the document (a trip stays a
/// referent of the whole article).
pub(crate) fn referred_visit(out: &mut [Event], first: usize) {
    for i in first..out.len() {
        let e = &out[i];
        if !(e.rule.ends_with("_visit") || e.rule.ends_with("_visit_by")) {
            continue;
        }
        let own = own_countries(e);
        if own.is_empty() {
            continue;
        }
        let foreign = |t: &Actors| all_foreign(t, &own);
        if e.target.as_ref().is_some_and(foreign) {
            continue;
        }
        let sentence = e.sentence;
        let found = out[..i].iter().rev().find_map(|f| {
            if f.sentence > sentence || !(f.cameo.starts_with("04") || f.cameo == "036") {
                return None;
            }
            let same = source_countries(f)
                .iter()
                .any(|c| own.iter().any(|o| o == c));
            let t = f.target.as_ref()?;
            (same && foreign(t)).then(|| t.clone())
        });
        if let Some(t) = found {
            out[i].target = Some(t);
        }
    }
}

/// A hostile act without a target (roots 11-16 and 18-20: criticism,
/// threats, sanctions, force) takes the foreign target of another hostile
/// event (root 11 and up) of the same source country in its sentence (`It
/// accused Washington of overreacting and said China reserved the right to
/// respond`, `accused Pakistan of backing the attackers and suspended the
/// treaty`).
pub(crate) fn share_hostile_target(events: &mut [Event]) {
    for i in 0..events.len() {
        // Coercion (17) is left out: it is as often done at home.
        let r = root(&events[i]);
        if events[i].target.is_some() || r < 11 || r == 17 {
            continue;
        }
        let own = own_countries(&events[i]);
        if own.is_empty() {
            continue;
        }
        let found = (0..events.len()).find_map(|j| {
            let f = &events[j];
            if j == i || root(f) < 11 {
                return None;
            }
            let same_source = source_countries(f)
                .iter()
                .any(|c| own.iter().any(|o| o == c));
            let t = f.target.as_ref()?;
            (same_source && all_foreign(t, &own)).then(|| t.clone())
        });
        if let Some(t) = found {
            events[i].target = Some(t);
        }
    }
}

/// How many sentences back a threat without a target looks for the
/// hostility it answers.
const THREAT_WINDOW: usize = 2;

/// A threat without a target (`He said Russia would be forced to take
/// countermeasures`) answers what its source's country last held against
/// another country: it takes the foreign target of the latest hostile event
/// (root 11 and up) of the same source country in the last
/// [`THREAT_WINDOW`] sentences (`Peskov condemned Finland's accession`).
pub(crate) fn threat_answers_hostility(out: &mut [Event], first: usize) {
    for i in first..out.len() {
        if out[i].target.is_some() || !out[i].cameo.starts_with("13") {
            continue;
        }
        let own = own_countries(&out[i]);
        if own.is_empty() {
            continue;
        }
        let sentence = out[i].sentence;
        let found = out[..first].iter().rev().find_map(|f| {
            if f.sentence + THREAT_WINDOW < sentence {
                return None;
            }
            let hostile = root(f) >= 11;
            let same_source = source_countries(f)
                .iter()
                .any(|c| own.iter().any(|o| o == c));
            let t = f.target.as_ref()?;
            (hostile && same_source && all_foreign(t, &own)).then(|| t.clone())
        });
        if let Some(t) = found {
            out[i].target = Some(t);
        }
    }
}

/// Drops an event of the sentence (events `first..`) without a target when
/// another of its events has the same source, the same CAMEO root and a
/// target (`expressed deep regret at the statements of X`: the verb
/// `regret` and the phrase `express regret at X`).
pub(crate) fn drop_untargeted_duplicates(out: &mut Vec<Event>, first: usize) {
    let ids = |e: &Event| -> Vec<String> {
        e.source
            .as_ref()
            .map(|a| a.members().iter().map(|m| m.actor_id.clone()).collect())
            .unwrap_or_default()
    };
    // A place of no known country (`near the Second Thomas Shoal`) is no
    // target either.
    let targeted = |e: &Event| {
        e.target.as_ref().is_some_and(|t| {
            t.members().iter().any(|m| {
                m.country.is_some()
                    || !(m.actor_id.starts_with("place:") || m.actor_id.starts_with("ctx:"))
            })
        })
    };
    let keep: Vec<bool> = (first..out.len())
        .map(|i| {
            let e = &out[i];
            targeted(e)
                || !out[first..].iter().any(|f| {
                    targeted(f)
                        && f.cameo.get(..2) == e.cameo.get(..2)
                        && f.modality == e.modality
                        && ids(f) == ids(e)
                })
        })
        .collect();
    let mut k = keep.into_iter();
    let mut i = 0;
    out.retain(|_| {
        let r = i < first || k.next().unwrap_or(true);
        i += 1;
        r
    });
}

/// A nominal accusation with no target accuses the subject of its content
/// clause (`Canada's accusation that Indian agents had killed a Sikh
/// leader` accuses India), when that subject names an actor of another
/// country than the accuser's.
pub(crate) fn accused_in_content_clause(
    s: &Sent<'_>,
    actors: &DocActors,
    out: &mut [Event],
    first: usize,
    heads: &[usize],
) {
    for (k, &head) in heads.iter().enumerate() {
        let i = first + k;
        let Some(e) = out.get(i) else { continue };
        if e.target.is_some() || !e.cameo.starts_with("11") || s.is_verb(head) {
            continue;
        }
        let clause = s.kids[head].iter().copied().find(|&c| {
            matches!(s.rel(c), "acl" | "ccomp")
                && s.kids[c]
                    .iter()
                    .any(|&m| s.rel(m) == "mark" && s.form[m].eq_ignore_ascii_case("that"))
        });
        let Some(clause) = clause else { continue };
        let Some(range) = roles::subject(s, clause) else {
            continue;
        };
        let accused = roles::actors_in(s, actors, range);
        let own = source_countries(e);
        if accused.is_empty()
            || accused
                .iter()
                .any(|a| a.country.as_deref().is_none_or(|c| own.contains(&c)))
        {
            continue;
        }
        if let Some(e) = out.get_mut(i) {
            e.target = Actors::from_vec(accused);
        }
    }
}

/// A denial with no target (`Vucic denied any involvement`, `rejected any
/// suggestion of U.S. involvement`) answers the latest accusation against
/// the denier, in its sentence or before: it takes as target the source of
/// the last demand, accusation or criticism (roots 10 and 11) of the last
/// [`REFERRED_ACT_WINDOW`] sentences whose target is of the denier's
/// country, when that source is of another country.
pub(crate) fn answers_accuser(s: &Sent<'_>, out: &mut [Event], first: usize) {
    for i in first..out.len() {
        // A rejection of a charge (`rejected any suggestion of U.S.
        // involvement`) is a denial too.
        let of_charge = out[i].cameo.starts_with("12")
            && s.text
                .get(out[i].evidence.start..out[i].evidence.end)
                .is_some_and(|w| {
                    w.split(|c: char| !c.is_alphabetic())
                        .any(|x| CHARGE_NOUNS.contains(&x.to_lowercase().as_str()))
                });
        // So is a reply that rebuffs what it answers.
        let rebuff = out[i].rule.starts_with("coder.cue.") && out[i].cameo.starts_with("12");
        if out[i].target.is_some() || !(out[i].cameo == "016" || of_charge || rebuff) {
            continue;
        }
        let own = own_countries(&out[i]);
        if own.is_empty() {
            continue;
        }
        let sentence = out[i].sentence;
        let accuser = out[..i].iter().rev().find_map(|e| {
            if e.sentence + REFERRED_ACT_WINDOW < sentence
                || !(e.cameo.starts_with("11") || e.cameo.starts_with("10"))
            {
                return None;
            }
            let accused = e.target.as_ref()?.members().iter().any(|m| {
                m.country
                    .as_deref()
                    .is_some_and(|c| own.iter().any(|o| o == c))
            });
            let src = e.source.as_ref()?;
            (accused && all_foreign(src, &own)).then(|| src.clone())
        });
        if let Some(t) = accuser {
            out[i].target = Some(t);
        }
    }
}

/// The CAMEO root of an event as a number (0 when unreadable).
fn root(e: &Event) -> u8 {
    super::codes::root_of(&e.cameo)
}

/// The countries of an event's source members, owned.
fn own_countries(e: &Event) -> Vec<String> {
    source_countries(e)
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// Whether every member of `a` has a country and none is in `own`.
fn all_foreign(a: &Actors, own: &[String]) -> bool {
    a.members().iter().all(|m| {
        m.country
            .as_deref()
            .is_some_and(|c| !own.iter().any(|o| o == c))
    })
}

/// The countries of an event's source members.
fn source_countries(e: &Event) -> Vec<&str> {
    e.source
        .as_ref()
        .map(|a| {
            a.members()
                .iter()
                .filter_map(|m| m.country.as_deref())
                .collect()
        })
        .unwrap_or_default()
}

/// CAMEO codes of acts a state does to its own people when nobody else is
/// named: restrictions on freedoms (`cut internet access`), curfews and
/// emergency rule, and the easing of emergency rule (`lifted martial
/// law`).
const DOMESTIC_CODES: &[&str] = &["1721", "1723", "1724", "0814"];

/// Lexicon rows of coups: with no deposed party named, the power seized is
/// the source's own state's.
const DOMESTIC_RULES: &[&str] = &["coder.coerce.seize_power", "coder.coerce.stage_coup"];

/// A domestic act with no target (`Authorities imposed a night-time
/// curfew`, `army officers seized power`) is done to the source's own
/// state: it takes as target that state, when the document names it and
/// the event is not located abroad. `out[first..]` are the sentence's
/// events, their locations already set.
pub(crate) fn domestic_target(actors: &DocActors, out: &mut [Event], first: usize) {
    for e in out.iter_mut().skip(first) {
        if e.target.is_some()
            || !(DOMESTIC_CODES.contains(&e.cameo.as_str())
                || DOMESTIC_RULES.contains(&e.rule.as_str()))
        {
            continue;
        }
        let mut own = own_countries(e);
        own.sort();
        own.dedup();
        let [country] = own.as_slice() else {
            continue;
        };
        if location_country(e).is_some_and(|c| c != country) {
            continue;
        }
        if let Some(a) = state_of(actors, country) {
            e.target = Some(a);
        }
    }
}

/// Lexicon rows of coups and of removing a leader by force.
const COUP_RULES: &[&str] = &[
    "coder.coerce.seize_power",
    "coder.coerce.stage_coup",
    "coder.coerce.overthrow",
    "coder.coerce.topple",
    "coder.coerce.depose",
    "coder.coerce.oust",
];

/// A coup is made at home: a generic group that overthrows a state's leader
/// (`soldiers overthrew Niger's elected president`, datelined in Abuja) is
/// that state's, whatever country the dateline or the document lent it.
/// `out[first..]` are the sentence's events.
pub(crate) fn coup_source(out: &mut [Event], first: usize) {
    for e in out.iter_mut().skip(first) {
        if !COUP_RULES.contains(&e.rule.as_str()) {
            continue;
        }
        let Some(Actors::One(t)) = &e.target else {
            continue;
        };
        let Some(country) = t.country.clone() else {
            continue;
        };
        let Some(Actors::One(src)) = &mut e.source else {
            continue;
        };
        if !src.actor_id.starts_with("group:") || src.country.as_deref() == Some(country.as_str()) {
            continue;
        }
        let sector = src.sector.clone().unwrap_or_default();
        src.actor_id = format!("group:{country}:{sector}");
        src.code = Some(format!("{country}{sector}"));
        src.country = Some(country);
    }
}

/// A hostile act the lexicon does not read as symmetric, done by each of a
/// pair to the other (`both sides had violated the truce`, `accused each
/// other of shelling`), is two events, one each way. `out[first..]` are the
/// sentence's events; the second direction is appended.
pub(crate) fn mutual_acts(lex: &EventLexicon, out: &mut Vec<Event>, first: usize) {
    let end = out.len();
    for i in first..end {
        let e = &out[i];
        if !e.reciprocal || e.quad < 3 || lex.entry(&e.rule).is_none_or(|x| x.reciprocal) {
            continue;
        }
        let (Some(src), Some(tgt)) = (e.source.clone(), e.target.clone()) else {
            continue;
        };
        let mut m = e.clone();
        m.id = format!("{}:{}:{}", e.doc_id, e.sentence, out.len());
        m.source = Some(tgt);
        m.target = Some(src);
        m.reciprocal = false;
        out[i].reciprocal = false;
        out.push(m);
    }
}

/// Two halves of one use of force in a sentence (`India launched Operation
/// Sindoor, firing missiles at nine sites in Pakistan`: the launch has a
/// source and no target, the firing a target and no source): the half
/// without a source takes the other's. The half without a target then goes
/// as an untargeted duplicate ([`drop_untargeted_duplicates`]).
pub(crate) fn join_force_halves(events: &mut [Event]) {
    let force = |e: &Event| super::hostile_force(&e.cameo);
    let Some(src) = events
        .iter()
        .find(|e| force(e) && e.source.is_some() && e.target.is_none())
        .and_then(|e| e.source.clone())
    else {
        return;
    };
    for e in events.iter_mut() {
        if force(e) && e.source.is_none() && e.target.is_some() && e.modality == Modality::Asserted
        {
            e.source = Some(src.clone());
        }
    }
}

/// An appeal for restraint (0256) or an offer to mediate (039) that names
/// no one (`China urged restraint and offered to mediate`) is made to both
/// sides of the last use of force told before it between two other
/// countries. The targets are marked `implicit`. `out` is the document's
/// events.
pub(crate) fn sides_of_conflict(out: &mut [Event]) {
    for i in 0..out.len() {
        if out[i].target.is_some() || !matches!(out[i].cameo.as_str(), "0256" | "039") {
            continue;
        }
        let own = source_countries(&out[i]);
        let sides = out[..i].iter().rev().find_map(|e| {
            let (Some(Actors::One(a)), Some(Actors::One(b))) = (&e.source, &e.target) else {
                return None;
            };
            let (x, y) = (a.country.as_deref()?, b.country.as_deref()?);
            (matches!(e.cameo.get(..2), Some("18" | "19" | "20"))
                && x != y
                && !own.contains(&x)
                && !own.contains(&y))
            .then(|| [a.clone(), b.clone()])
        });
        if let Some(sides) = sides {
            let v = sides
                .map(|t| ActorRef {
                    implicit: true,
                    ..t
                })
                .to_vec();
            out[i].target = Actors::from_vec(v);
        }
    }
}

/// An event whose source belongs to a state but whose sentence names no
/// target (`Warsaw denies`, `China began live-fire drills`, `Zelensky
/// refused`) is aimed, as a reader takes it, at the counterpart the
/// article pairs that state with: of the countries that face the source's
/// country in the document's targeted events (either side, its own
/// country included for domestic stories), the one with the most weight,
/// each event weighing `1 / (1 + d)` for its distance of `d` sentences.
/// The target is marked `implicit`. `out` is the document's events.
pub(crate) fn implicit_targets(out: &mut [Event]) {
    // One actor, or several of one country (`Shoigu and Gerasimov`).
    fn single(v: Option<&Actors>) -> Option<&ActorRef> {
        let m = v?.members();
        let x = m.first()?;
        (x.country.is_some() && m.iter().all(|y| y.country == x.country)).then_some(x)
    }
    // The document's dyads: sentence and the two sides.
    let dyads: Vec<(usize, ActorRef, ActorRef)> = out
        .iter()
        .filter_map(|e| {
            Some((
                e.sentence,
                single(e.source.as_ref())?.clone(),
                single(e.target.as_ref())?.clone(),
            ))
        })
        .collect();
    for e in out.iter_mut() {
        if e.target.is_some() {
            continue;
        }
        let Some(country) = single(e.source.as_ref()).and_then(|a| a.country.clone()) else {
            continue;
        };
        // Each counterpart with its weight and its nearest distance.
        let mut weights: Vec<(&ActorRef, f32, usize)> = Vec::new();
        for (sj, a, b) in &dyads {
            let other = if a.country.as_ref() == Some(&country) {
                b
            } else if b.country.as_ref() == Some(&country) {
                a
            } else {
                continue;
            };
            let d = e.sentence.abs_diff(*sj);
            let w = 1.0 / (1.0 + d as f32);
            match weights.iter_mut().find(|x| x.0.country == other.country) {
                Some(x) => {
                    x.1 += w;
                    x.2 = x.2.min(d);
                }
                None => weights.push((other, w, d)),
            }
        }
        let best = weights
            .into_iter()
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.2.cmp(&x.2)));
        if let Some((t, _, _)) = best {
            e.target = Some(Actors::One(ActorRef {
                implicit: true,
                ..t.clone()
            }));
        }
    }
}

/// A trip within the traveller's own country (`Brazilian deportees who had
/// arrived in Manaus`) is no visit (042): dropped. `out[first..]` are the
/// sentence's events.
pub(crate) fn drop_home_visits(out: &mut Vec<Event>, first: usize) {
    let home = |e: &Event| {
        let mut own = own_countries(e);
        own.sort();
        own.dedup();
        // Every traveller's country is the one country of every place.
        e.cameo == "042"
            && own.len() == 1
            && e.target.as_ref().is_some_and(|t| {
                t.members()
                    .iter()
                    .all(|m| m.country.as_ref() == own.first())
            })
    };
    let tail = out.split_off(first);
    out.extend(tail.into_iter().filter(|e| !home(e)));
}

/// `In a phone call on Saturday, Xi warned Biden that ...`: the call the
/// sentence opens with is a consultation (041) between the main act's two
/// sides, coded once per sentence beside that act. `out[first..]` are the
/// sentence's events, `heads` their head tokens; the new event's head is
/// pushed on `heads`.
pub(crate) fn call_circumstance(
    lex: &EventLexicon,
    s: &Sent<'_>,
    out: &mut Vec<Event>,
    first: usize,
    heads: &mut Vec<usize>,
) {
    let Some(code) = lex.code("041") else {
        return;
    };
    if out[first..].iter().any(|e| e.cameo.starts_with("04")) {
        return;
    }
    let call_of = |h: usize| {
        s.kids[h].iter().copied().find(|&c| {
            s.rel(c) == "obl"
                && s.lemma_in(c, &["call", "conversation"])
                && s.kids[c]
                    .iter()
                    .any(|&m| s.rel(m) == "case" && matches!(s.lemma[m].as_str(), "in" | "during"))
                && s.kids[c].iter().any(|&m| {
                    matches!(s.rel(m), "compound" | "amod")
                        && matches!(
                            s.form[m].to_lowercase().as_str(),
                            "phone" | "telephone" | "video"
                        )
                })
        })
    };
    let found = (first..out.len()).find_map(|i| {
        let e = &out[i];
        let one = |a: &Option<Actors>| match a.as_ref().map(Actors::members) {
            Some([x]) if x.country.is_some() => Some(x.clone()),
            _ => None,
        };
        let (src, tgt) = (one(&e.source)?, one(&e.target)?);
        if src.country == tgt.country || e.modality != Modality::Asserted {
            return None;
        }
        let h = *heads.get(i - first)?;
        let c = call_of(h)?;
        Some((i, c, src, tgt))
    });
    let Some((i, c, src, tgt)) = found else {
        return;
    };
    let mut m = out[i].clone();
    m.id = format!("{}:{}:{}", m.doc_id, m.sentence, out.len());
    m.source = Some(Actors::One(src));
    m.target = Some(Actors::One(tgt));
    recode(lex, &mut m, code);
    m.reciprocal = true;
    m.rule = "coder.consult.call_phone".to_string();
    let (lo, hi) = s.subtree(c);
    let ev = s.span(lo, hi);
    m.evidence.start = ev.start as usize;
    m.evidence.end = ev.end as usize;
    out.push(m);
    heads.push(c);
}

/// The rows that cut a treaty or agreement (`withdrew from the treaty`,
/// `suspended its participation in New START`, `scrapped the accord`).
const TREATY_CUTS: [&str; 6] = [
    "coder.sanction.withdraw_from_treaty",
    "coder.sanction.suspend_treaty",
    "coder.sanction.revoke_agreement",
    "coder.sanction.scrap_agreement",
    "coder.sanction.terminate_agreement",
    "coder.sanction.end_agreement",
];

/// A cut treaty with no target of its own names its other parties in the
/// treaty's phrase (`suspending its participation in New START, the last
/// treaty capping the arsenals of Russia and the United States`): the
/// states there other than the source's are the target. With none named
/// there, the target of the document's last such cut by the same source's
/// country stands in (`Moscow was not withdrawing from the pact`).
/// `memory` carries that last cut from sentence to sentence.
pub(crate) fn treaty_parties(
    s: &Sent<'_>,
    actors: &DocActors,
    out: &mut [Event],
    first: usize,
    heads: &[usize],
    memory: &mut Option<(String, Actors)>,
) {
    for (k, &head) in heads.iter().enumerate() {
        let Some(e) = out.get_mut(first + k) else {
            continue;
        };
        if !TREATY_CUTS.contains(&e.rule.as_str()) {
            continue;
        }
        let own: Vec<String> = source_countries(e)
            .into_iter()
            .map(str::to_string)
            .collect();
        let [country] = own.as_slice() else { continue };
        if e.target.is_none() {
            // The treaty's phrase: the object, or the oblique (`from the
            // treaty`, `participation in New START`) of the head or of
            // its object.
            let mut phrases: Vec<usize> = Vec::new();
            for t in std::iter::once(head).chain(s.kid(head, "obj")) {
                phrases.extend(
                    s.kids[t]
                        .iter()
                        .copied()
                        .filter(|&c| matches!(s.rel(c), "obj" | "obl" | "nmod")),
                );
            }
            let named: Vec<ActorRef> = phrases
                .iter()
                .flat_map(|&c| roles::actors_in(s, actors, with_apposition(s, s.subtree(c))))
                .filter(|a| a.country.as_ref().is_some_and(|c| c != country))
                .collect();
            let one_country = named
                .first()
                .filter(|a| named.iter().all(|b| b.country == a.country))
                .cloned();
            e.target = match (one_country, memory.as_ref()) {
                (Some(a), _) => Some(Actors::One(a)),
                (None, Some((c, t))) if c == country => Some(t.clone()),
                _ => None,
            };
        }
        if let Some(t) = &e.target {
            *memory = Some((country.clone(), t.clone()));
        }
    }
}

/// Tokens `lo..=hi` of a phrase, with the apposition after it when one
/// follows a comma (`New START, the last treaty capping the arsenals of
/// Russia and the United States,`) up to the next comma, whatever the
/// parser hung it on.
fn with_apposition(s: &Sent<'_>, (lo, hi): (usize, usize)) -> (usize, usize) {
    let starts_phrase = |j: usize| {
        j < s.len() && matches!(s.form[j].to_ascii_lowercase().as_str(), "the" | "a" | "an")
    };
    if hi + 2 < s.len() && s.form[hi + 1] == "," && starts_phrase(hi + 2) {
        let end = (hi + 2..s.len())
            .find(|&j| s.form[j] == "," || s.upos(j) == "PUNCT" && j + 1 == s.len())
            .map_or(s.len() - 1, |j| j.saturating_sub(1));
        return (lo, end.max(hi));
    }
    (lo, hi)
}

/// A hostile act held out on an `if` clause and told as planned or
/// possible (`told the ministry to be ready to test nuclear weapons if the
/// United States tested first`) is a conditional warning: a threat, made
/// now, beside the act itself, which stays hypothetical. `out[first..]`
/// are the sentence's events, `heads` their head tokens; each new threat's
/// head is pushed on `heads`.
pub(crate) fn conditional_threats(
    lex: &EventLexicon,
    s: &Sent<'_>,
    actors: &DocActors,
    out: &mut Vec<Event>,
    first: usize,
    heads: &mut Vec<usize>,
) {
    let end = out.len();
    for i in first..end {
        let Some(&h) = heads.get(i - first) else {
            continue;
        };
        if !matches!(out[i].modality, Modality::Future | Modality::Hypothetical) {
            continue;
        }
        let Some(cond) = super::modality::if_condition(s, h) else {
            continue;
        };
        // With no target of its own, the act is aimed at the state whose
        // move is the condition (`if the United States tested first`).
        if out[i].target.is_none() {
            let own = source_countries(&out[i])
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>();
            let other: Vec<ActorRef> = roles::subject(s, cond)
                .map(|r| roles::actors_in(s, actors, r))
                .unwrap_or_default()
                .into_iter()
                .filter(|a| a.country.as_ref().is_some_and(|c| !own.contains(c)))
                .collect();
            if let Some(t) = Actors::from_vec(other) {
                out[i].target = Some(t);
            }
        }
        let e = &out[i];
        // A show of force held out is a threat of force (138).
        let show_of_force = e.cameo.starts_with("15").then_some("138");
        let threat = super::codes::threat_code(&e.cameo).or(show_of_force);
        let Some(code) = threat.and_then(|c| lex.code(c)) else {
            continue;
        };
        let mut m = e.clone();
        m.id = format!("{}:{}:{}", m.doc_id, m.sentence, out.len());
        recode(lex, &mut m, code);
        m.modality = Modality::Asserted;
        out[i].modality = Modality::Hypothetical;
        out.push(m);
        heads.push(h);
    }
}

/// A use of force with a target and no source (`Missiles later hit homes
/// in central Israel`) is the doing of whoever used force against that
/// target's country in the same sentence or the two before (`Iran first
/// sent about 100 drones towards Israel`), when that is one actor. `out` is
/// the document's events.
pub(crate) fn force_source_from_context(out: &mut [Event]) {
    for i in 0..out.len() {
        let e = &out[i];
        if e.source.is_some() || e.modality != Modality::Asserted || !super::hostile_force(&e.cameo)
        {
            continue;
        }
        let Some(target) = e.target.as_ref().and_then(|t| match t.members() {
            [x] => x.country.clone(),
            _ => None,
        }) else {
            continue;
        };
        let sentence = e.sentence;
        let found = out[..i]
            .iter()
            .rev()
            .take_while(|x| x.sentence + 2 >= sentence)
            .find(|x| {
                super::hostile_force(&x.cameo)
                    && x.target.as_ref().is_some_and(|t| {
                        t.members()
                            .iter()
                            .any(|m| m.country.as_deref() == Some(&target))
                    })
            })
            .and_then(|x| match x.source.as_ref().map(Actors::members) {
                Some([a]) if a.country.as_ref().is_some_and(|c| *c != target) => Some(a.clone()),
                _ => None,
            });
        if let Some(a) = found {
            out[i].source = Some(Actors::One(a));
        }
    }
}

/// An arrest, trial or sentence told in the passive with no agent (`the
/// writer Boualem Sansal was arrested in Algiers`) is the doing of the
/// state where it happened, when the document names that state and it is
/// not the target's. `out[first..]` are the sentence's events, their
/// locations already set.
pub(crate) fn coercion_by_place(actors: &DocActors, out: &mut [Event], first: usize) {
    for e in out.iter_mut().skip(first) {
        if e.source.is_some() || !e.cameo.starts_with("17") {
            continue;
        }
        let Some(place) = location_country(e).map(str::to_string) else {
            continue;
        };
        let targets: Vec<&str> = e
            .target
            .as_ref()
            .map(|t| {
                t.members()
                    .iter()
                    .filter_map(|m| m.country.as_deref())
                    .collect()
            })
            .unwrap_or_default();
        if targets.is_empty() || targets.contains(&place.as_str()) {
            continue;
        }
        if let Some(a) = state_of(actors, &place) {
            e.source = Some(a);
        }
    }
}

/// The country of an event's location, when it has one.
fn location_country(e: &Event) -> Option<&str> {
    e.location
        .as_ref()
        .and_then(|l| l.get("country"))
        .and_then(|c| c.as_str())
}

/// The document's actor for the state `country`, when it names it.
fn state_of(actors: &DocActors, country: &str) -> Option<Actors> {
    actors
        .actors
        .iter()
        .find(|a| a.kind == "state" && a.country.as_deref() == Some(country))
        .map(|a| Actors::One(super::ActorRef::of(a, &a.canonical)))
}

/// Gives event `m` the CAMEO code `code` and what follows from it: PLOVER
/// type, mode and context, Goldstein value and quad class.
fn recode(lex: &EventLexicon, m: &mut Event, code: &CameoCode) {
    m.cameo = code.code.clone();
    m.plover = lex.plover_type(&code.code).map(str::to_string);
    m.mode = code.plover_mode.clone();
    m.context = (!code.plover_context.is_empty()).then(|| code.plover_context.join("; "));
    m.goldstein = code.goldstein;
    m.quad = code.quad;
}
