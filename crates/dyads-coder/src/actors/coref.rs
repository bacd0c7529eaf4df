//! Pass 3: in-document coreference, sentence by sentence in document order:
//! family names alone, weak aliases, role nominals and personal pronouns.
//! Conservative: when two actors fit equally, nothing is resolved.

use dyads_lexicon::normalize::normalize;
use dyads_lexicon::{MatchKind, TermMatch};
use dyads_syntax::ParsedSentence;
use dyads_text::Span;

use super::build::Builder;
use super::names::{choose, role_fits, title_kind, Deferred};
use super::scan::{gap, head_token, is_name_word, is_possessive, is_subject, SentScan};
use super::{AmbiguousMention, MentionKind};

/// Role kinds a nominal (`the minister`) may stand for a person with.
const PERSON_ROLES: &[&str] = &[
    "head_of_state",
    "deputy_head_of_state",
    "leader",
    "head_of_government",
    "deputy_head_of_government",
    "monarch",
    "royal",
    "foreign_minister",
    "deputy_foreign_minister",
    "defence_minister",
    "minister",
    "deputy_minister",
    "ambassador",
    "envoy",
    "diplomat",
    "spokesperson",
    "secretary_general",
    "chairman",
    "party_leader",
    "speaker",
    "representative",
];

/// Terms that name a group or body, not a person.
const NOT_NOMINAL: &[&str] = &["delegation", "head of government"];

/// Role kinds too vague to follow by recency: a country must be named
/// (`the chairman of the State Affairs Commission of the DPRK`).
const NEEDS_COUNTRY: &[&str] = &[
    "chairman",
    "official",
    "secretary_general",
    "representative",
];

/// Resolves the references of every sentence.
pub(crate) fn resolve_references(
    b: &mut Builder<'_>,
    scans: &[SentScan],
    parsed: &[ParsedSentence],
    deferred: &[Deferred],
) {
    for (si, scan) in scans.iter().enumerate() {
        for d in deferred.iter().filter(|d| d.scan == si) {
            match d.m.kind {
                MatchKind::Weak => weak(b, scan, &d.m),
                _ => surname(b, scan, d.m.span, Some(&d.m)),
            }
        }
        let p = parsed.get(scan.idx);
        if let Some(p) = p {
            inferred_surnames(b, scan, p);
        }
        for t in &scan.terms {
            role_nominal(b, scan, p, t);
            super::groups::bare_group(b, scan, t);
        }
        pronouns(b, scan, parsed);
        it_pronoun(b, scan, parsed);
        bloc_anaphor(b, scan, parsed);
        country_anaphor(b, scan, parsed);
    }
}

/// Words between `the` and `alliance` or `bloc` that keep the phrase a
/// reference back (`the military alliance`, `the 27-nation bloc`).
const BLOC_MODIFIERS: &[&str] = &[
    "military",
    "western",
    "defence",
    "defense",
    "security",
    "regional",
    "economic",
    "trade",
    "transatlantic",
    "atlantic",
    "political",
    "whole",
    "entire",
    "new",
    "three-nation",
    "15-nation",
    "27-nation",
    "27-member",
    "32-member",
    "31-member",
    "30-member",
    "10-member",
    "15-member",
    "african",
    "european",
];

/// The span from a `the` right before token `first` to token `last`, when
/// there is one and no mention covers it yet.
fn definite_phrase(b: &Builder<'_>, p: &ParsedSentence, first: usize, last: usize) -> Option<Span> {
    let the = p.tokens.get(first.checked_sub(1)?)?;
    if !b.doc.slice(the.span).eq_ignore_ascii_case("the") {
        return None;
    }
    let span = Span {
        start: the.span.start,
        end: p.tokens.get(last)?.span.end,
    };
    (!b.covered(span)).then_some(span)
}

/// `the alliance`, `the bloc` (written in lower case, which no name
/// matches): the international organisation named last in this sentence or
/// the three before; for `alliance`, only one calling itself an alliance
/// (NATO, the Alliance of Sahel States).
fn bloc_anaphor(b: &mut Builder<'_>, scan: &SentScan, parsed: &[ParsedSentence]) {
    let Some(p) = parsed.get(scan.idx) else {
        return;
    };
    for (i, tok) in p.tokens.iter().enumerate() {
        let word = b.doc.slice(tok.span);
        if word != "alliance" && word != "bloc" {
            continue;
        }
        // `the` right before, or with modifiers between.
        let mut j = i;
        while j > 0 && {
            let w = b.doc.slice(p.tokens[j - 1].span).to_ascii_lowercase();
            BLOC_MODIFIERS.contains(&w.as_str())
        } {
            j -= 1;
        }
        let Some(span) = definite_phrase(b, p, j, i) else {
            continue;
        };
        let alliance = word == "alliance";
        let found = b
            .before(span.start)
            .take_while(|m| m.sentence + 3 >= scan.idx)
            .map(|m| m.actor)
            .find(|&a| {
                let Some(x) = b.out.actors.get(a) else {
                    return false;
                };
                x.sector.as_deref() == Some("IGO")
                    && x.country.is_none()
                    && (!alliance
                        || x.canonical.contains("Alliance")
                        || b.lex
                            .actor(&x.id)
                            .is_some_and(|l| l.names.iter().any(|n| n.text.contains("Alliance"))))
            });
        if let Some(a) = found {
            b.mention(a, span, MentionKind::Name, scan.idx, None);
        }
    }
}

/// `the country` (not `the country's`, which names its group's owner):
/// the state named last before it in the sentence, or else in the one
/// before, that is not the subject of its own clause (`Russia had launched
/// drones at the country`: not Russia).
fn country_anaphor(b: &mut Builder<'_>, scan: &SentScan, parsed: &[ParsedSentence]) {
    let Some(p) = parsed.get(scan.idx) else {
        return;
    };
    for (i, tok) in p.tokens.iter().enumerate() {
        if !b.doc.slice(tok.span).eq_ignore_ascii_case("country")
            || p.tokens
                .get(i + 1)
                .is_some_and(|n| matches!(b.doc.slice(n.span), "'s" | "’s" | "'" | "’"))
        {
            continue;
        }
        let Some(span) = definite_phrase(b, p, i, i) else {
            continue;
        };
        // The subject of the clause `the country` is in.
        let mut v = i;
        for _ in 0..6 {
            if p.tokens[v].upos == "VERB" {
                break;
            }
            match p.tokens[v].head {
                Some(h) => v = h,
                None => break,
            }
        }
        // ... or, in a relative clause, the noun it describes (`France,
        // which has 1,500 troops in the country`).
        let subject = if p.tokens[v].deprel == "acl:relcl" {
            p.tokens[v].head
        } else {
            (0..p.tokens.len())
                .find(|&k| p.tokens[k].head == Some(v) && is_subject(p.tokens[k].deprel))
        };
        // Whether token `j` lies in the subject's subtree.
        let in_subject = |j: usize| {
            let Some(k) = subject else { return false };
            let mut x = j;
            for _ in 0..p.tokens.len() {
                if x == k {
                    return true;
                }
                match p.tokens[x].head {
                    Some(h) => x = h,
                    None => return false,
                }
            }
            false
        };
        let found = b
            .before(span.start)
            .take_while(|m| m.sentence + 1 >= scan.idx)
            .filter(|m| {
                m.sentence != scan.idx || head_token(p, m.span).is_none_or(|h| !in_subject(h))
            })
            .map(|m| m.actor)
            .find(|&a| b.out.actors.get(a).is_some_and(|x| x.kind == "state"));
        if let Some(a) = found {
            b.mention(a, span, MentionKind::Name, scan.idx, None);
        }
    }
}

/// Verbs whose subject `it` is mostly a dummy or a thing (`it is`, `it
/// emerged that`, `it took`), never an actor.
const DUMMY_IT_VERBS: &[&str] = &[
    "be", "seem", "appear", "emerge", "happen", "remain", "take", "make", "mean", "matter",
    "follow", "come", "become", "look", "rain", "cost", "last", "help", "go", "get", "have",
];

/// `It` as the subject of an actor's verb (`It accused Washington of
/// overreacting`, `It expressed regret`): the one state or organisation
/// that was the subject of the previous sentence (or earlier in this one).
fn it_pronoun(b: &mut Builder<'_>, scan: &SentScan, parsed: &[ParsedSentence]) {
    let Some(p) = parsed.get(scan.idx) else {
        return;
    };
    for tok in p.tokens.iter() {
        if tok.deprel != "nsubj" || !b.doc.slice(tok.span).eq_ignore_ascii_case("it") {
            continue;
        }
        let Some(v) = tok.head else { continue };
        let verb = &p.tokens[v];
        if verb.upos != "VERB"
            || DUMMY_IT_VERBS.contains(&verb.lemma.as_str())
            || b.covered(tok.span)
        {
            continue;
        }
        if let Some(i) = reported_speaker(b, p, v) {
            b.mention(i, tok.span, MentionKind::Pronoun, scan.idx, None);
            continue;
        }
        let mut cands: Vec<usize> = Vec::new();
        for m in b.before(tok.span.start) {
            if m.sentence + 1 < scan.idx {
                break;
            }
            let i = m.actor;
            let subject = parsed.get(m.sentence).is_some_and(|ps| {
                head_token(ps, m.span).is_some_and(|h| is_subject(ps.tokens[h].deprel))
            });
            if subject && !b.info[i].person && !cands.contains(&i) {
                cands.push(i);
            }
        }
        if let [i] = cands[..] {
            b.mention(i, tok.span, MentionKind::Pronoun, scan.idx, None);
        }
    }
}

/// The one state or organisation named in the subject of the speech verb
/// whose reported clause the verb `v` heads (`Algeria's foreign ministry
/// said that it rejected the accusations`: Algeria): who `it` is there.
fn reported_speaker(b: &Builder<'_>, p: &ParsedSentence, v: usize) -> Option<usize> {
    let t = &p.tokens;
    let g = t[v].head.filter(|_| t[v].deprel == "ccomp")?;
    if !crate::quotes::reported::SPEECH_VERBS.contains(&t[g].lemma.as_str()) {
        return None;
    }
    let subject = |g: usize| (0..t.len()).find(|&k| t[k].head == Some(g) && t[k].deprel == "nsubj");
    // A speech verb coordinated with another verb shares its subject
    // (`the foreign ministry condemned the killings and said it expected
    // Moscow to investigate`).
    let k = subject(g).or_else(|| {
        t[g].head
            .filter(|_| t[g].deprel == "conj")
            .and_then(subject)
    })?;
    // The subject's words: its subtree.
    let (first, last) = p.subtree(k);
    let (lo, hi) = (t[first].span.start, t[last].span.end);
    let mut found: Vec<usize> = b
        .out
        .mentions
        .iter()
        .filter(|m| lo <= m.span.start && m.span.end <= hi && !b.info[m.actor].person)
        .map(|m| m.actor)
        .collect();
    found.dedup();
    match found[..] {
        [i] => Some(i),
        _ => None,
    }
}

/// A weak alias (`the North`) counts only for an actor already named.
fn weak(b: &mut Builder<'_>, scan: &SentScan, m: &dyads_lexicon::Match) {
    let found: Vec<usize> = m
        .candidates
        .iter()
        .filter_map(|c| b.find(&b.lex.get(c.actor)?.id))
        .collect();
    if let [i] = found[..] {
        b.mention(i, m.span, MentionKind::Name, scan.idx, None);
        return;
    }
    // ... or a state whose country the document already places something
    // in (`Jordan` in an article that names Amman or a Jordanian
    // minister): exactly one candidate may be such a state.
    let placed: Vec<dyads_lexicon::ActorId> = m
        .candidates
        .iter()
        .map(|c| c.actor)
        .filter(|&id| {
            b.lex.get(id).is_some_and(|a| {
                a.kind == dyads_lexicon::ActorKind::State
                    && b.out
                        .actors
                        .iter()
                        .any(|x| x.country.as_deref() == Some(a.id.as_str()))
            })
        })
        .collect();
    if let [id] = placed[..] {
        if let Some(i) = b.lexicon_actor(id) {
            b.mention(i, m.span, MentionKind::Name, scan.idx, None);
        }
        return;
    }
    // ... or, of organisations of several states sharing a name (`the
    // Democratic Party` of Korea or of the United States), the one of the
    // state the document has named most so far, when one leads.
    let orgs: Vec<(dyads_lexicon::ActorId, usize)> = m
        .candidates
        .iter()
        .map(|c| c.actor)
        .filter_map(|id| {
            let a = b.lex.get(id)?;
            if a.kind != dyads_lexicon::ActorKind::Organization {
                return None;
            }
            let c = a.country.as_deref()?;
            let n = b
                .out
                .mentions
                .iter()
                .filter(|x| b.out.actors[x.actor].country.as_deref() == Some(c))
                .count();
            Some((id, n))
        })
        .collect();
    if orgs.len() >= 2 && orgs.len() == m.candidates.len() {
        let most = orgs.iter().map(|x| x.1).max().unwrap_or(0);
        let leaders: Vec<_> = orgs.iter().filter(|x| x.1 == most).collect();
        if let [(id, n)] = leaders[..] {
            if *n > 0 {
                if let Some(i) = b.lexicon_actor(*id) {
                    b.mention(i, m.span, MentionKind::Name, scan.idx, None);
                }
                return;
            }
        }
    }
    // ... or a state in a list of states (`Saudi Arabia, Qatar, Jordan,
    // Egypt and Turkey condemned the strikes`): a state named right
    // before or after it, a comma or `and` between.
    let states: Vec<dyads_lexicon::ActorId> = m
        .candidates
        .iter()
        .map(|c| c.actor)
        .filter(|&id| {
            b.lex
                .get(id)
                .is_some_and(|a| a.kind == dyads_lexicon::ActorKind::State)
        })
        .collect();
    if let [id] = states[..] {
        if listed_with_state(b, scan, m.span) {
            if let Some(i) = b.lexicon_actor(id) {
                b.mention(i, m.span, MentionKind::Name, scan.idx, None);
            }
        }
    }
}

/// Whether a state's name stands right before or after `span` in the
/// sentence with only a list separator between (`, `, ` and `, `, and `).
fn listed_with_state(b: &Builder<'_>, scan: &SentScan, span: Span) -> bool {
    let text = &b.doc.text;
    let separator = |g: &str| matches!(g, ", " | " and " | ", and " | " or " | ", or ");
    let is_state = |actor: usize| b.out.actors.get(actor).is_some_and(|a| a.kind == "state");
    let before = b.before(span.start).next().is_some_and(|x| {
        x.span.start >= scan.span.start
            && is_state(x.actor)
            && separator(gap(text, x.span.end, span.start))
    });
    let after = b
        .out
        .mentions
        .iter()
        .find(|x| x.span.start >= span.end)
        .is_some_and(|x| {
            x.span.end <= scan.span.end
                && is_state(x.actor)
                && separator(gap(text, span.end, x.span.start))
        });
    before || after
}

/// A family name alone: the person of the document with that family name
/// (the latest mentioned when several, if strictly later); else a lexicon
/// candidate settled by context that holds office on the date.
fn surname(b: &mut Builder<'_>, scan: &SentScan, span: Span, m: Option<&dyads_lexicon::Match>) {
    if b.covered(span) || inside_longer_name(b, scan, span) {
        return;
    }
    let key = normalize(span.slice(&b.doc.text));
    let in_doc: Vec<usize> = (0..b.info.len())
        .filter(|&i| b.info[i].person && b.info[i].surnames.contains(&key))
        .collect();
    // Of several people of that family name in the document, the one who
    // heads a state or government when only one does (`Kim` after `Kim
    // Jong Un` and `Vice Foreign Minister Kim Hong-kyun` is the leader: a
    // report names the lesser one in full), else the one named last.
    let leaders: Vec<usize> = in_doc
        .iter()
        .copied()
        .filter(|&i| {
            b.lex
                .actor_id(&b.out.actors[i].id)
                .is_some_and(|id| heads_state_or_government(b, id))
        })
        .collect();
    let pick = match (&in_doc[..], &leaders[..]) {
        ([], _) => None,
        ([i], _) => Some(*i),
        (_, [i]) => Some(*i),
        _ => latest_of(b, span.start, &in_doc),
    };
    // `President Putin`: the title is part of the form.
    let phrase = m.and_then(|m| m.title).map(|t| Span {
        start: super::names::modifier_start(b, scan, t.span.start),
        end: span.end,
    });
    if let Some(i) = pick {
        b.mention(i, span, MentionKind::Surname, scan.idx, phrase);
        return;
    }
    let Some(m) = m else { return };
    if in_doc.is_empty() {
        let id = match choose(b, scan, m) {
            Some((id, _)) if m.is_ambiguous() => Some(id),
            _ if m.is_ambiguous() => {
                // Of several people with that family name, the one who
                // holds an office on the document's date (`Aliyev` in 2024
                // is Ilham Aliyev, not his father).
                let mut office: Vec<dyads_lexicon::ActorId> = m
                    .candidates
                    .iter()
                    .map(|c| c.actor)
                    .filter(|&id| holds_office(b, id))
                    .collect();
                office.dedup();
                // Several in office: the one who heads the state or the
                // government, when only one does.
                if office.len() > 1 {
                    office.retain(|&id| heads_state_or_government(b, id));
                }
                match office[..] {
                    [id] => Some(id),
                    _ => None,
                }
            }
            _ => m
                .candidates
                .iter()
                .map(|c| c.actor)
                .find(|&id| title_kind(b, m).is_some() || holds_office(b, id)),
        };
        if let Some(i) = id.and_then(|id| b.lexicon_actor(id)) {
            b.mention(i, span, MentionKind::Surname, scan.idx, phrase);
            return;
        }
    }
    let mut candidates: Vec<String> = in_doc.iter().map(|&i| b.out.actors[i].id.clone()).collect();
    if candidates.is_empty() {
        candidates = m
            .candidates
            .iter()
            .filter_map(|c| Some(b.lex.get(c.actor)?.id.clone()))
            .collect();
    }
    b.out.ambiguous.push(AmbiguousMention {
        span,
        sentence: scan.idx,
        candidates,
    });
}

/// True when the word before (not at the sentence start) or after is a
/// capitalised name word: `Shin` in `Shin Hong Chol` is not a family name
/// alone.
fn inside_longer_name(b: &Builder<'_>, scan: &SentScan, span: Span) -> bool {
    let text = &b.doc.text;
    let after = gap(text, span.end, scan.span.end);
    let next = after
        .strip_prefix(' ')
        .and_then(|a| a.split_whitespace().next());
    let before = gap(text, scan.span.start, span.start);
    let prev = before
        .strip_suffix(' ')
        .and_then(|p| p.split_whitespace().last())
        .filter(|_| before.split_whitespace().count() > 1);
    let next_name = next.is_some_and(|w| is_name_word(w) && !super::scan::is_stop_word(w));
    let in_title = scan
        .terms
        .iter()
        .any(|t| t.span.end <= span.start && span.start - t.span.end <= 1);
    let prev_name = !in_title
        && prev.is_some_and(|w| {
            is_name_word(w) && !w.ends_with([',', '.', ':', ';']) && !super::scan::is_stop_word(w)
        });
    next_name || prev_name
}

/// Whether the person `id` heads a state or a government on the document's
/// date.
fn heads_state_or_government(b: &Builder<'_>, id: dyads_lexicon::ActorId) -> bool {
    match (b.date, b.lex.get(id)) {
        (Some(d), Some(a)) => b
            .lex
            .roles_on(&a.id, d)
            .iter()
            .any(|r| matches!(r.role_kind.as_str(), "head_of_state" | "head_of_government")),
        _ => false,
    }
}

/// Whether the person `id` holds an office on the document's date.
fn holds_office(b: &Builder<'_>, id: dyads_lexicon::ActorId) -> bool {
    match (b.date, b.lex.get(id)) {
        (Some(d), Some(a)) => !b.lex.roles_on(&a.id, d).is_empty(),
        _ => false,
    }
}

/// Of `actors`, the one mentioned last before `pos`, when strictly later
/// than the others' last mentions.
fn latest_of(b: &Builder<'_>, pos: u32, actors: &[usize]) -> Option<usize> {
    b.before(pos).map(|m| m.actor).find(|a| actors.contains(a))
}

/// Single capitalised words equal to an inferred person's family name
/// (`Rudenko`), not part of a longer name.
fn inferred_surnames(b: &mut Builder<'_>, scan: &SentScan, p: &ParsedSentence) {
    let keys: Vec<String> = (0..b.info.len())
        .filter(|&i| b.info[i].person && b.info[i].lex.is_none())
        .flat_map(|i| b.info[i].surnames.clone())
        .collect();
    if keys.is_empty() {
        return;
    }
    for k in 0..p.tokens.len() {
        let span = p.tokens[k].span;
        let w = b.doc.slice(span);
        if !is_name_word(w) || !keys.contains(&normalize(w)) || b.covered(span) {
            continue;
        }
        let next_is_name = p
            .tokens
            .get(k + 1)
            .is_some_and(|t| is_name_word(b.doc.slice(t.span)) && t.span.start > span.end);
        let prev_is_name = k > 0 && is_name_word(b.doc.slice(p.tokens[k - 1].span));
        if next_is_name || (prev_is_name && k > 1) {
            continue;
        }
        surname(b, scan, span, None);
    }
}

/// `the minister`, `the Russian leader`, `Russia's head of state`,
/// `the chairman of the State Affairs Commission of the DPRK`.
fn role_nominal(b: &mut Builder<'_>, scan: &SentScan, p: Option<&ParsedSentence>, t: &TermMatch) {
    let text = &b.doc.text;
    let Some(info) = b.lex.term(t.term) else {
        return;
    };
    let Some(kind) = info.role_kind.clone() else {
        return;
    };
    if !PERSON_ROLES.contains(&kind.as_str())
        || NOT_NOMINAL.contains(&info.term.as_str())
        || b.covered(t.span)
    {
        return;
    }
    // A title inside a person's titled phrase (`Russian Ambassador to
    // Washington Anatoly Antonov`) is that person's.
    if let Some(i) = b.phrase_actor(t.span).filter(|&i| b.info[i].person) {
        b.mention(i, t.span, MentionKind::Role, scan.idx, None);
        return;
    }
    // Plurals (`ministers`, `Foreign Ministers`) name groups.
    let surface = normalize(t.span.slice(text));
    let last = surface.rsplit(' ').next().unwrap_or("");
    let own_last = info.term.rsplit(' ').next().unwrap_or("");
    if last != own_last && last.ends_with('s') {
        return;
    }
    // A title before a name is not a nominal.
    let after = gap(text, t.span.end, scan.span.end);
    let next_word = after
        .trim_start_matches([' ', ','])
        .split_whitespace()
        .next()
        .unwrap_or("");
    if b.out.mentions.iter().any(|m| {
        m.span.start >= t.span.end
            && m.span.start <= t.span.end + 2
            && b.info.get(m.actor).is_some_and(|i| i.person)
    }) || (is_name_word(next_word) && !after.starts_with(" of") && !after.starts_with(','))
    {
        return;
    }
    if let Some(p) = p {
        if let Some(h) = head_token(p, t.span) {
            if p.tokens[h].xpos == "NNS" || p.tokens[h].xpos == "NNPS" {
                return;
            }
        }
    }
    // The determiner or country before, and `of [the] X` after.
    let mut start = t.span.start;
    let mut country = None;
    if let Some(m) = b.before(t.span.start).next() {
        let g = gap(text, m.span.end, t.span.start).trim();
        let adjacent = g.is_empty() || is_possessive(g);
        if adjacent && m.span.start >= scan.span.start {
            let a = &b.out.actors[m.actor];
            if a.kind == "state" || a.kind == "organization" {
                country = a.country.clone();
                start = m.span.start;
            }
        }
    }
    let before = gap(text, scan.span.start, start);
    let has_det = before
        .split_whitespace()
        .last()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    if has_det {
        start = start.saturating_sub(before.len() as u32 - before.trim_end().len() as u32 + 3);
    }
    let mut end = t.span.end;
    if after.starts_with(" of ") {
        // `of [the] X`, or `of the State Affairs Commission of the DPRK`.
        let found = b.out.mentions.iter().find(|m| {
            m.span.start > t.span.end
                && m.span.start <= t.span.end + 60
                && b.out.actors[m.actor].kind == "state"
        });
        if let Some(m) = found {
            let g = gap(text, t.span.end, m.span.start);
            let linked = g
                .split_whitespace()
                .all(|w| ["of", "the", "and"].contains(&w) || is_name_word(w) && !w.ends_with(','));
            if linked {
                country = country.or_else(|| b.out.actors[m.actor].country.clone());
                end = m.span.end;
            }
        }
    }
    if country.is_none() && NEEDS_COUNTRY.contains(&kind.as_str()) {
        return;
    }
    if country.is_none() && !has_det {
        return;
    }
    let fits = |b: &Builder<'_>, i: usize| {
        b.info[i].person
            && (b.info[i].role_kinds.iter().any(|r| role_fits(&kind, r))
                || kind == "monarch" && crowned(b, i, &info.term))
    };
    let mut pick = b
        .before(t.span.start)
        .map(|m| m.actor)
        .find(|&i| fits(b, i) && (country.is_none() || b.out.actors[i].country == country));
    if pick.is_none() {
        if let (Some(c), Some(date)) = (&country, b.date) {
            let mut holders = Vec::new();
            for rk in expand(&kind) {
                for a in b.lex.holders_on(c, rk, date) {
                    if !holders.contains(&a.id) {
                        holders.push(a.id.clone());
                    }
                }
                if !holders.is_empty() {
                    break;
                }
            }
            // Of several heads of state, `the leader` is the one who also
            // leads the party (`Kim Jong Un`, not the head of the
            // Presidium).
            if holders.len() > 1 && kind == "leader" {
                let party: Vec<String> = holders
                    .iter()
                    .filter(|id| {
                        b.lex
                            .roles_on(id, date)
                            .iter()
                            .any(|r| r.role_kind == "party_leader" || r.role.contains("Party"))
                    })
                    .cloned()
                    .collect();
                if party.len() == 1 {
                    holders = party;
                }
            }
            if let [id] = &holders[..] {
                pick = b.lex.actor_id(id).and_then(|id| b.lexicon_actor(id));
            }
        }
    }
    if let Some(i) = pick {
        // `the president himself`.
        let rest = gap(text, end, scan.span.end);
        if let Some(r) = [" himself", " herself"]
            .iter()
            .find(|r| rest.starts_with(*r))
        {
            end += r.len() as u32;
        }
        let phrase = Span { start, end };
        b.mention(i, t.span, MentionKind::Role, scan.idx, Some(phrase));
    }
}

/// Whether actor `i` is a head of state under the monarch's title `term`
/// (`emir` for Tamim bin Hamad, whose office is Emir): the roles list
/// monarchs as heads of state under their own titles.
fn crowned(b: &Builder<'_>, i: usize, term: &str) -> bool {
    let (Some(date), Some(a)) = (b.date, b.out.actors.get(i)) else {
        return false;
    };
    let titles: &[&str] = match term {
        "emir" | "amir" => &["emir", "amir"],
        t => &[t],
    };
    b.lex.roles_on(&a.id, date).iter().any(|r| {
        r.role_kind == "head_of_state"
            && r.role
                .split_whitespace()
                .next()
                .is_some_and(|w| titles.iter().any(|t| w.eq_ignore_ascii_case(t)))
    })
}

/// The role kinds to look up office holders by, most specific first.
fn expand(kind: &str) -> Vec<&str> {
    match kind {
        // A monarch is listed as the head of state of a monarchy.
        "monarch" => vec!["monarch", "head_of_state"],
        "leader" => vec!["head_of_state", "leader"],
        "chairman" => vec!["head_of_state"],
        "minister" => vec![],
        k => vec![k],
    }
}

/// How many sentences back a pronoun looks for its person when this and
/// the previous sentence name none.
const PRONOUN_REACH: usize = 3;

/// Byte range of the subject of the clause that governs token `idx` (through
/// coordinated verbs: `spoke to Aliyev and called on him`).
fn clause_subject(p: &ParsedSentence, idx: usize) -> Option<(u32, u32)> {
    let mut v = p.tokens.get(idx)?.head?;
    for _ in 0..4 {
        // the verb of a prepositional object (`called on him`)
        let subj = p
            .tokens
            .iter()
            .position(|t| t.head == Some(v) && t.deprel.starts_with("nsubj"));
        if let Some(sj) = subj {
            let (mut lo, mut hi) = (p.tokens[sj].span.start, p.tokens[sj].span.end);
            for (k, t) in p.tokens.iter().enumerate() {
                let mut h = Some(k);
                for _ in 0..8 {
                    match h {
                        Some(x) if x == sj => {
                            lo = lo.min(t.span.start);
                            hi = hi.max(t.span.end);
                            break;
                        }
                        Some(x) => h = p.tokens[x].head,
                        None => break,
                    }
                }
            }
            return Some((lo, hi));
        }
        if p.tokens[v].deprel != "conj" {
            return None;
        }
        v = p.tokens[v].head?;
    }
    None
}

/// `he`, `she`, `him`, `her` as subject or object: the one gender-compatible
/// person mentioned earlier in this or the previous sentence (else in the
/// [`PRONOUN_REACH`] sentences before), or of several, the only one
/// mentioned as a subject.
fn pronouns(b: &mut Builder<'_>, scan: &SentScan, parsed: &[ParsedSentence]) {
    let Some(p) = parsed.get(scan.idx) else {
        return;
    };
    for (ti, tok) in p.tokens.iter().enumerate() {
        let w = b.doc.slice(tok.span).to_lowercase();
        let gender = match w.as_str() {
            "he" | "him" => 'm',
            "she" | "her" => 'f',
            _ => continue,
        };
        let object = matches!(tok.deprel, "obj" | "iobj" | "obl");
        let role_ok = is_subject(tok.deprel) || object;
        if !role_ok || b.covered(tok.span) {
            continue;
        }
        // This and the previous sentence; when they name no person, the
        // three before (`Lavrov met Wang Yi ... a joint statement said.
        // Speaking to reporters later, he criticised`).
        let mut cands: Vec<(usize, bool)> = Vec::new();
        for back in [1, PRONOUN_REACH] {
            let window_start = scan.idx.saturating_sub(back);
            for m in b.before(tok.span.start) {
                if m.sentence < window_start {
                    break;
                }
                let i = m.actor;
                if !b.info[i].person || b.info[i].gender.is_some_and(|g| g != gender) {
                    continue;
                }
                let subj = parsed.get(m.sentence).is_some_and(|ps| {
                    head_token(ps, m.span).is_some_and(|h| is_subject(ps.tokens[h].deprel))
                });
                // An object pronoun is not its own clause's subject
                // (`Blinken spoke to Aliyev and called on him`: him is
                // Aliyev).
                if object && subj && m.sentence == scan.idx {
                    continue;
                }
                match cands.iter_mut().find(|(a, _)| *a == i) {
                    Some(c) => c.1 |= subj,
                    None => cands.push((i, subj)),
                }
            }
            if !cands.is_empty() {
                break;
            }
        }
        let subjects: Vec<usize> = cands.iter().filter(|c| c.1).map(|c| c.0).collect();
        // An object pronoun takes the one other person of its own sentence
        // first.
        let here: Vec<usize> = if object {
            let subject = clause_subject(p, ti);
            let mut v: Vec<usize> = b
                .before(tok.span.start)
                .take_while(|m| m.sentence == scan.idx)
                .filter(|m| subject.is_none_or(|(lo, hi)| m.span.end <= lo || m.span.start >= hi))
                .map(|m| m.actor)
                .filter(|&i| cands.iter().any(|c| c.0 == i))
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        } else {
            // A subject pronoun takes the one person its own sentence names
            // before it (`President Donald Trump hailed a reset and said he
            // might speak with Xi`), whatever the sentence before said.
            let mut v: Vec<usize> = b
                .before(tok.span.start)
                .take_while(|m| m.sentence == scan.idx)
                .map(|m| m.actor)
                .filter(|&i| cands.iter().any(|c| c.0 == i))
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let pick = match (&here[..], &cands[..], &subjects[..]) {
            ([i], _, _) => Some(*i),
            (_, [(i, _)], _) => Some(*i),
            (_, _, [i]) => Some(*i),
            _ => None,
        };
        if let Some(i) = pick {
            b.mention(i, tok.span, MentionKind::Pronoun, scan.idx, None);
        }
    }
}
