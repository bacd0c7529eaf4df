//! Pass 2: people the lexicon does not know, inferred from their context.
//!
//! A name is a run of capitalised words (from the recogniser's `PER`
//! entities, or the run right after a title) that no lexicon match covers.
//! Its context is either a title before it (`Russian Deputy Foreign
//! Minister Andrei Rudenko`, `the DPRK's Deputy Foreign Minister, Im
//! Chon-il`) or an apposition after it (`Koo Byoung-sam, a spokesman for
//! South Korea's Unification Ministry`). The country comes from a state,
//! demonym or organisation right before the title or after the apposition's
//! noun; the sector and role from the title (`researcher` is `EDU`). A
//! two-word `PER` entity without such context still becomes a person, with
//! no country or sector.

use dyads_lexicon::normalize::normalize;
use dyads_lexicon::{CodePosition, TermMatch};
use dyads_syntax::ParsedSentence;
use dyads_text::Span;

use super::build::{Builder, Inferred};
use super::scan::{gap, is_name_word, is_possessive, is_stop_word, SentScan};
use super::ActorMention;
use super::MentionKind;

/// Words allowed between a title and the name after it (`Minister of
/// Culture Seung Jong Gyu`, `Ambassador to Washington Anatoly Antonov`).
const TITLE_LINKS: &[&str] = &["of", "to", "for", "and", "the", "&"];

/// Last words that make a capitalised run a place or a body, not a person.
const NOT_PERSON: &[&str] = &[
    "Park",
    "Square",
    "Street",
    "Avenue",
    "Theatre",
    "Theater",
    "Cosmodrome",
    "Ministry",
    "University",
    "Institute",
    "Committee",
    "Council",
    "Agency",
    "Center",
    "Centre",
    "Forum",
    "Island",
    "Islands",
    "River",
    "Sea",
    "Ocean",
    "Bridge",
    "Palace",
    "Hall",
    "Hotel",
    "Airport",
    "Station",
    "Region",
    "Province",
    "Oblast",
    "Krai",
    "Republic",
    "Party",
    "Bank",
    "Company",
    "Group",
    "Army",
    "Navy",
    "Force",
    "Forces",
    "Office",
    "Department",
    "Commission",
    "Assembly",
    "Congress",
    "Parliament",
    "Court",
    "Union",
    "Organization",
    "Organisation",
    "Peninsula",
    "Cathedral",
    "Church",
    "Museum",
    "Stadium",
    "Port",
    "Base",
    "Plant",
    "Factory",
    "Times",
    "News",
    "Post",
    "Daily",
    "Herald",
    "Journal",
    "Agreement",
    "Treaty",
    "Summit",
    "War",
    "Cooperation",
    "Relations",
    "Affairs",
    "Development",
    "Resources",
    "Security",
    "Culture",
    "Sports",
    "Trade",
    "Economy",
    "Energy",
    "Defense",
    "Defence",
    "Justice",
    "Health",
    "Education",
    "Unification",
    "Commerce",
    "Industry",
    "Agriculture",
    "Policy",
    "Studies",
];

/// Where a candidate name came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum From {
    /// The recogniser's `PER` entity: a person even without context.
    Entity,
    /// The run after a title: a person with that title.
    TitleRun,
    /// Another capitalised run: a person only with a title right before it
    /// or an apposition after it.
    Run,
}

/// Infers the unknown people of every sentence.
pub(crate) fn infer_people(b: &mut Builder<'_>, scans: &[SentScan], parsed: &[ParsedSentence]) {
    for scan in scans {
        let Some(p) = parsed.get(scan.idx) else {
            continue;
        };
        for (span, from) in candidate_names(b, scan, p) {
            // A title's complement before the name (`Minister of Culture
            // Seung Jong Gyu`): its nouns are no part of the name.
            let mut span = span;
            loop {
                let name = span.slice(&b.doc.text);
                let first = name.split(' ').next().unwrap_or("");
                if name.split_whitespace().count() > 2 && NOT_PERSON.contains(&first) {
                    span.start += first.len() as u32 + 1;
                } else {
                    break;
                }
            }
            let name = span.slice(&b.doc.text).to_string();
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.len() < 2 || words.last().is_some_and(|w| NOT_PERSON.contains(w)) {
                continue;
            }
            // A person inferred earlier in the document, named again in full.
            let known = b.find(&format!("ctx:{}", super::build::slug(&name)));
            if let Some(i) = known.filter(|&i| b.info[i].person) {
                b.mention(i, span, MentionKind::Name, scan.idx, None);
                continue;
            }
            let strict = from == From::Run;
            let ctx =
                title_before(b, scan, span, strict).or_else(|| apposition_after(b, scan, span));
            let (inferred, phrase) = match ctx {
                Some((mut inf, phrase)) => {
                    inf.name = name.clone();
                    (inf, phrase)
                }
                None if from == From::Entity => (
                    Inferred {
                        name: name.clone(),
                        ..Inferred::default()
                    },
                    None,
                ),
                None => continue,
            };
            let mut inferred = inferred;
            if inferred.country.is_none() && inferred.role_kind.as_deref() == Some("ambassador") {
                // `Ambassador Georgy Zinoviev` after `summoned Russia's
                // ambassador`: the envoy the report named before.
                inferred.country = envoy_named_before(b, scan);
            }
            if inferred.country.is_none() && inferred.role.is_some() {
                let prev = scan.idx.checked_sub(1).and_then(|j| parsed.get(j));
                inferred.country = official_country(b, scan, p, prev, phrase.unwrap_or(span));
            }
            let mut phrase = phrase;
            if inferred.country.is_none() {
                if let Some((country, start)) = demonym_before(b, scan, p, span) {
                    inferred.country = Some(country);
                    // The phrase runs from the demonym (`French-Algerian
                    // writer Boualem Sansal`): the person, not the states
                    // named in it, is the phrase's actor.
                    phrase = phrase.or(Some(Span {
                        start,
                        end: span.end,
                    }));
                }
            }
            let i = match known_by_initials(b, &words) {
                Some(i) => i,
                None => b.inferred(inferred),
            };
            b.mention(i, span, MentionKind::Name, scan.idx, phrase);
        }
    }
}

/// The country of the one envoy an earlier sentence named by its state
/// (`Russia's ambassador`, `the Russian ambassador`, `the ambassador of
/// Russia`), when all such phrases name the same state.
fn envoy_named_before(b: &Builder<'_>, scan: &SentScan) -> Option<String> {
    let text = &b.doc.text;
    let mut found: Option<String> = None;
    for m in b.out.mentions.iter().filter(|m| m.sentence < scan.idx) {
        let a = &b.out.actors[m.actor];
        let Some(country) = a.country.as_ref().filter(|_| a.kind == "state") else {
            continue;
        };
        let after = text.get(m.span.end as usize..).unwrap_or("");
        let after = after
            .strip_prefix("'s")
            .or_else(|| after.strip_prefix("\u{2019}s"))
            .unwrap_or(after);
        let before = text.get(..m.span.start as usize).unwrap_or("");
        let envoy = after.starts_with(" ambassador")
            || after.starts_with(" envoy")
            || before.ends_with("ambassador of ")
            || before.ends_with("ambassador from ");
        if !envoy {
            continue;
        }
        match &found {
            None => found = Some(country.clone()),
            Some(f) if f != country => return None,
            _ => {}
        }
    }
    found
}

/// A state, demonym or organisation of a country before a name with at
/// most three lower-case words between (`Australian journalist Cheng Lei`,
/// `German-Iranian dual national Jamshid Sharmahd`, the first of a
/// hyphenated pair; `Hamas political chief Ismail Haniyeh`): the person's
/// country, and where the demonym starts.
fn demonym_before(
    b: &Builder<'_>,
    scan: &SentScan,
    p: &ParsedSentence,
    name: Span,
) -> Option<(String, u32)> {
    let text = &b.doc.text;
    let mut found: Option<(String, u32)> = None;
    let mut end = name.start;
    for m in b.before(name.start) {
        if m.span.start < scan.span.start || name.start - m.span.end > 60 {
            break;
        }
        let g = gap(text, m.span.end, end);
        // A state, or an organisation of one (`Hamas political chief
        // Ismail Haniyeh`), for the last word before the name; the first
        // of a hyphenated pair is a state's.
        let country = b.out.actors.get(m.actor).and_then(|a| {
            let kind_ok = a.kind == "state" || (found.is_none() && a.kind == "organization");
            kind_ok.then(|| a.country.clone()).flatten()
        });
        let Some(country) = country else { break };
        // Nouns and adjectives only (`journalist`, `dual national`), not
        // a clause (`Iran launched missiles at Al Udeid`).
        let between: Vec<_> = p
            .tokens
            .iter()
            .filter(|t| t.span.start >= m.span.end && t.span.end <= end)
            .collect();
        let lower = between.len() <= 3
            && between.iter().all(|t| matches!(t.upos, "NOUN" | "ADJ"))
            && g.split_whitespace()
                .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'));
        if found.is_none() {
            // The last demonym: only lower-case words up to the name.
            if !(lower && g.starts_with(' ')) {
                break;
            }
            found = Some((country, m.span.start));
        } else if g == "-" {
            // `German-Iranian`: the first of the pair.
            found = Some((country, m.span.start));
        } else {
            break;
        }
        end = m.span.start;
    }
    found
}

/// The country of an official named with a title but no country (`own`
/// is the title and name):
/// - the one country the sentence names before the name (`Sweden joined
///   NATO when Prime Minister Ulf Kristersson ...`), the dateline left out;
/// - else the one country the sentence names after the name but before
///   any verb (`Deputy Foreign Minister X of China`, `Foreign Minister X, on
///   the first visit by an Australian minister, ...`);
/// - else the one state the previous sentence names, when it names it as
///   its subject (`Belgium answered within hours. Foreign Minister Maxime
///   Prevot called the move disproportionate`);
/// - else the dateline's country: a country named after a verb is mostly
///   what the official acts on (`TOKYO - Vice Foreign Minister Masataka
///   Okano demanded that Beijing ...`, `PRISTINA - Prime Minister X accused
///   Belgrade ...`), not the official's own;
/// - else, with no dateline, the one country the sentence names after the
///   name (`President X has taken steps to open up politics in Sudan`).
fn official_country(
    b: &Builder<'_>,
    scan: &SentScan,
    p: &ParsedSentence,
    prev: Option<&ParsedSentence>,
    own: Span,
) -> Option<String> {
    let dateline_end = b.doc.dateline_span().map(|d| d.end);
    let outside_dateline = |m: &ActorMention| dateline_end.is_none_or(|e| m.span.start >= e);
    // A country right before the title, joined by capitalised words only
    // (`U.S. House Speaker Nancy Pelosi`), is the official's.
    let text = &b.doc.text;
    let adjacent = only_country(b, scan, own, |m| {
        m.span.end <= own.start && outside_dateline(m) && {
            let g = gap(text, m.span.end, own.start);
            let words: Vec<&str> = g.split_whitespace().filter(|w| *w != ".").collect();
            words.len() <= 2
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        }
    });
    if adjacent.is_some() {
        return adjacent;
    }
    // A country that is the subject of the verb the official's phrase
    // depends on (`China imposed sanctions on Speaker X`) is the one acting
    // on the official, not the official's.
    let acting_subject = subject_acting_on(p, own);
    let before = only_country(b, scan, own, |m| {
        m.span.end <= own.start
            && outside_dateline(m)
            && acting_subject.is_none_or(|(lo, hi)| !(m.span.start >= lo && m.span.end <= hi))
    });
    if before.is_some() {
        return before;
    }
    // The first verb after the name closes the phrase that can name the
    // official's country.
    let verb_at = p
        .tokens
        .iter()
        .find(|t| t.span.start >= own.end && matches!(t.upos, "VERB" | "AUX"))
        .map_or(u32::MAX, |t| t.span.start);
    let after = only_country(b, scan, own, |m| {
        m.span.start >= own.end && m.span.start < verb_at
    });
    after
        .or_else(|| prev.and_then(|q| subject_state(b, q)))
        .or_else(|| super::generic::dateline_country(b))
        .or_else(|| only_country(b, scan, own, |m| m.span.start >= own.end))
}

/// The country of the one state sentence `q` names, when that mention is
/// the subject of its root (`Belgium answered within hours.`).
fn subject_state(b: &Builder<'_>, q: &ParsedSentence) -> Option<String> {
    let t = &q.tokens;
    let root = q.root()?;
    let subj = (0..t.len()).find(|&k| t[k].head == Some(root) && t[k].deprel == "nsubj")?;
    let states: Vec<&ActorMention> = b
        .out
        .mentions
        .iter()
        .filter(|m| q.span.start <= m.span.start && m.span.end <= q.span.end)
        .filter(|m| b.out.actors.get(m.actor).is_some_and(|a| a.kind == "state"))
        .collect();
    match states[..] {
        [m] if m.span.start <= t[subj].span.start && t[subj].span.end <= m.span.end => {
            b.out.actors.get(m.actor).and_then(|a| a.country.clone())
        }
        _ => None,
    }
}

/// The byte range of the subject of the verb that the phrase at `own`
/// depends on as an object or oblique (`China imposed sanctions on
/// Speaker X`: `China`), if any.
fn subject_acting_on(p: &ParsedSentence, own: Span) -> Option<(u32, u32)> {
    let t = p
        .tokens
        .iter()
        .position(|t| t.span.start >= own.start && t.span.end <= own.end)?;
    let mut k = t;
    // Up to the head of the phrase, then up through objects, obliques and
    // noun modifiers to a verb.
    for _ in 0..8 {
        let h = p.tokens[k].head?;
        let rel = p.tokens[k].deprel;
        if rel.starts_with("nsubj") || rel == "root" {
            return None;
        }
        if matches!(p.tokens[h].upos, "VERB") && !matches!(rel, "flat" | "compound") {
            if !(rel.starts_with("obj") || rel.starts_with("obl") || rel == "iobj") {
                return None;
            }
            let subj = p
                .children(h)
                .find(|&c| p.tokens[c].deprel.starts_with("nsubj"))?;
            let (mut lo, mut hi) = (p.tokens[subj].span.start, p.tokens[subj].span.end);
            let mut stack = vec![subj];
            while let Some(n) = stack.pop() {
                lo = lo.min(p.tokens[n].span.start);
                hi = hi.max(p.tokens[n].span.end);
                stack.extend(p.children(n));
            }
            return Some((lo, hi));
        }
        k = h;
    }
    None
}

/// The one country named by the sentence's mentions that `keep` accepts
/// (states and demonyms), if only one, leaving out a country that belongs
/// to another title of the sentence (`Vice Foreign Minister Masataka
/// Okano told China's acting ambassador`: China is the ambassador's, not
/// the minister's); `own` is the person's own phrase (title and name).
fn only_country(
    b: &Builder<'_>,
    scan: &SentScan,
    own: Span,
    keep: impl Fn(&ActorMention) -> bool,
) -> Option<String> {
    let text = &b.doc.text;
    let owned_elsewhere = |m: &ActorMention| {
        scan.terms.iter().any(|t| {
            let outside = t.span.end <= own.start || t.span.start >= own.end;
            let g = gap(text, m.span.end, t.span.start).trim();
            let g = g
                .strip_prefix("'s")
                .or_else(|| g.strip_prefix("’s"))
                .unwrap_or(g);
            outside
                && t.span.start >= m.span.end
                && is_title(b, t)
                && g.split_whitespace().count() <= 2
                && g.split_whitespace()
                    .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
        })
    };
    let mut found: Option<&String> = None;
    for m in b.out.mentions.iter().filter(|m| m.sentence == scan.idx) {
        let a = &b.out.actors[m.actor];
        if a.kind != "state" || owned_elsewhere(m) || !keep(m) {
            continue;
        }
        match (found, &a.country) {
            (None, Some(c)) => found = Some(c),
            (Some(f), Some(c)) if f != c => return None,
            _ => {}
        }
    }
    found.cloned()
}

/// A person of the document written with initials (`V.V. Putin`): the
/// words before the family name are all initials and the family name is
/// one of a known person's.
fn known_by_initials(b: &Builder<'_>, words: &[&str]) -> Option<usize> {
    let (last, rest) = words.split_last()?;
    let initials = rest
        .iter()
        .all(|w| w.ends_with('.') && w.split('.').all(|p| p.chars().count() <= 2));
    if !initials {
        return None;
    }
    let key = normalize(last);
    let found: Vec<usize> = (0..b.info.len())
        .filter(|&i| b.info[i].person && b.info[i].surnames.contains(&key))
        .collect();
    match found[..] {
        [i] => Some(i),
        _ => None,
    }
}

/// Spans of possible names: runs after a title (skipping the title's own
/// words: `Ambassador Extraordinary and Plenipotentiary to the Russian
/// Federation Shin Hong Chol`), `PER` entities trimmed of titles, and any
/// other capitalised run of two to four words; none covered by a mention.
fn candidate_names(b: &Builder<'_>, scan: &SentScan, p: &ParsedSentence) -> Vec<(Span, From)> {
    let mut out: Vec<(Span, From)> = Vec::new();
    let push = |s: Span, from: From, out: &mut Vec<(Span, From)>| {
        if s.start < s.end
            && !b.covered(s)
            && !out.iter().any(|(o, _)| o.start < s.end && s.start < o.end)
        {
            out.push((s, from));
        }
    };
    let word = |k: usize| p.tokens.get(k).map(|t| b.doc.slice(t.span)).unwrap_or("");
    for t in scan.terms.iter().filter(|t| is_title(b, t)) {
        let Some(mut k) = p.tokens.iter().position(|tok| tok.span.start >= t.span.end) else {
            continue;
        };
        for _ in 0..6 {
            while k < p.tokens.len()
                && (TITLE_LINKS.contains(&word(k)) || word(k) == "," || b.covered(p.tokens[k].span))
            {
                k += 1;
            }
            let Some((s, end)) = name_run(b, scan, p, k) else {
                break;
            };
            // A run the title's words go on after (`Extraordinary and`), or
            // a complement followed by the name (`of External Economic
            // Relations, Yoon Jong-ho`), is part of the title.
            let after_link = k > 0 && TITLE_LINKS.contains(&word(k - 1));
            let then_name = word(end) == ","
                && p.tokens
                    .get(end + 1)
                    .is_some_and(|t| is_name_word(b.doc.slice(t.span)));
            if (TITLE_LINKS.contains(&word(end)) || (after_link && then_name))
                && end + 1 < p.tokens.len()
            {
                k = end;
                continue;
            }
            push(s, From::TitleRun, &mut out);
            break;
        }
    }
    for e in p.entities.iter().filter(|e| e.label == "PER") {
        let mut start = e.start;
        while start < e.end {
            let tok = &p.tokens[start];
            let in_term = scan
                .terms
                .iter()
                .any(|t| t.span.start <= tok.span.start && tok.span.end <= t.span.end);
            if in_term || is_stop_word(b.doc.slice(tok.span)) {
                start += 1;
            } else {
                break;
            }
        }
        if let Some((s, _)) = name_run(b, scan, p, start) {
            if s.end <= e.span.end + 1 {
                push(s, From::Entity, &mut out);
            }
        }
    }
    let mut k = 0;
    while k < p.tokens.len() {
        match name_run(b, scan, p, k) {
            Some((s, end)) => {
                push(s, From::Run, &mut out);
                k = end.max(k + 1);
            }
            None => k += 1,
        }
    }
    out.sort_by_key(|(s, _)| s.start);
    out
}

/// The run of name words starting at token `k` (hyphenated syllables kept
/// together; leading plural nouns such as `Sports` dropped), stopping at a
/// covered word or a term: its span and the token after it.
fn name_run(
    b: &Builder<'_>,
    scan: &SentScan,
    p: &ParsedSentence,
    k: usize,
) -> Option<(Span, usize)> {
    let mut end = k;
    while end < p.tokens.len() && end - k < 8 {
        let tok = &p.tokens[end];
        let w = b.doc.slice(tok.span);
        let glued = end > k && p.tokens[end - 1].span.end == tok.span.start;
        let ok = if glued {
            // `Byoung` `-` `sam` when the tokenizer split the hyphen.
            w == "-" || w.trim_start_matches('-').chars().all(char::is_alphabetic)
        } else {
            let hyphen_next = p.tokens.get(end + 1).is_some_and(|n| {
                n.span.start == tok.span.end && b.doc.slice(n.span).starts_with('-')
            });
            is_name_word(w) && (!is_stop_word(w) || (end > k && hyphen_next))
        };
        let in_term = scan
            .terms
            .iter()
            .any(|t| t.span.start < tok.span.end && tok.span.start < t.span.end);
        if !ok || in_term || b.covered(tok.span) {
            break;
        }
        end += 1;
    }
    while end > k && b.doc.slice(p.tokens[end - 1].span) == "-" {
        end -= 1;
    }
    let mut start = k;
    while start + 2 < end && matches!(p.tokens[start].xpos, "NNS" | "NNPS") {
        start += 1;
    }
    if end <= start {
        return None;
    }
    let span = Span {
        start: p.tokens[start].span.start,
        end: p.tokens[end - 1].span.end,
    };
    let words = span.slice(&b.doc.text).split_whitespace().count();
    (1..=4).contains(&words).then_some((span, end))
}

fn is_title(b: &Builder<'_>, t: &TermMatch) -> bool {
    b.lex.term(t.term).is_some_and(|i| i.title)
}

/// What a term tells: the role as written, its kind and sector.
fn from_term(b: &Builder<'_>, t: &TermMatch) -> Option<Inferred> {
    let info = b.lex.term(t.term)?;
    let sector =
        (info.position == CodePosition::After && info.code.len() == 3).then(|| info.code.clone());
    Some(Inferred {
        role: Some(t.span.slice(&b.doc.text).to_lowercase()),
        role_kind: info.role_kind.clone(),
        sector,
        ..Inferred::default()
    })
}

/// The country (and, for a non-government organisation, the sector) of the
/// match ending right before `pos` (space or a possessive between).
fn country_before(
    b: &Builder<'_>,
    scan: &SentScan,
    pos: u32,
) -> Option<(u32, String, Option<String>)> {
    let text = &b.doc.text;
    let m = b.before(pos).next()?;
    let g = gap(text, m.span.end, pos).trim();
    let g = g.strip_suffix("the").map(str::trim).unwrap_or(g);
    // `China's acting ambassador`: a possessive and up to two lowercase
    // modifiers.
    let modified = g.split_once(' ').is_some_and(|(poss, rest)| {
        is_possessive(poss)
            && rest.split_whitespace().count() <= 2
            && rest
                .split_whitespace()
                .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
    });
    // `a former Iranian prison official`: a demonym and up to two
    // lower-case nouns.
    let described = m.kind == MentionKind::Demonym
        && g.split_whitespace().count() <= 2
        && g.split_whitespace()
            .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'));
    if !(g.is_empty() || is_possessive(g) || modified || described)
        || m.span.start < scan.span.start
    {
        return None;
    }
    let a = b.out.actors.get(m.actor)?;
    let sector = (a.kind == "organization")
        .then(|| a.sector.clone())
        .flatten();
    Some((m.span.start, a.country.clone()?, sector))
}

/// A title before the name: the nearest title term ending before it, with
/// only a comma or title words (`of Culture`) between.
fn title_before(
    b: &Builder<'_>,
    scan: &SentScan,
    name: Span,
    strict: bool,
) -> Option<(Inferred, Option<Span>)> {
    let text = &b.doc.text;
    let t = scan
        .terms
        .iter()
        .rev()
        .find(|t| t.span.end <= name.start && is_title(b, t))?;
    let g = gap(text, t.span.end, name.start);
    let linked = g
        .trim()
        .trim_end_matches(',')
        .split_whitespace()
        .all(|w| TITLE_LINKS.contains(&w) || is_name_word(w.trim_end_matches([',', '\''])));
    let tight = g.trim().trim_end_matches(',').is_empty();
    if !linked || (strict && !tight) || g.len() > 80 || g.contains(['.', ';', '(', ')']) {
        return None;
    }
    let mut inf = from_term(b, t)?;
    let mut start = t.span.start;
    if let Some((s, country, _)) = country_before(b, scan, t.span.start) {
        inf.country = Some(country);
        start = s;
    }
    Some((
        inf,
        Some(Span {
            start,
            end: name.end,
        }),
    ))
}

/// An apposition after the name: `, a spokesman for South Korea's
/// Unification Ministry`, `, South Korea's ambassador to Russia`.
fn apposition_after(
    b: &Builder<'_>,
    scan: &SentScan,
    name: Span,
) -> Option<(Inferred, Option<Span>)> {
    let text = &b.doc.text;
    let rest = gap(text, name.end, scan.span.end);
    if !rest.starts_with(',') {
        return None;
    }
    let t = scan
        .terms
        .iter()
        .find(|t| t.span.start > name.end && t.span.start - name.end <= 48)?;
    let between = gap(text, name.end + 1, t.span.start);
    if between.contains(['.', ';', ',']) {
        return None;
    }
    let mut inf = from_term(b, t)?;
    if let Some((_, country, _)) = country_before(b, scan, t.span.start) {
        inf.country = Some(country);
        return Some((inf, None));
    }
    // `... for/at/of [the] X`: the organisation or state after the noun,
    // within the apposition.
    let next = b.out.mentions.iter().find(|m| {
        m.span.start >= t.span.end
            && m.span.start <= t.span.end + 100
            && !gap(text, t.span.end, m.span.start).contains(['.', ';', '('])
            && link_before(gap(text, t.span.end, m.span.start))
    });
    let Some(next) = next else {
        return Some((inf, None));
    };
    let a = b.out.actors.get(next.actor)?;
    inf.country = a.country.clone();
    if a.kind == "organization" && inf.sector.as_deref() == Some("GOV") {
        inf.sector = a.sector.clone().or(inf.sector);
    }
    Some((inf, None))
}

/// True when `s` ends with a linking preposition (`for`, `at the`, `of`).
fn link_before(s: &str) -> bool {
    let mut words = s.split_whitespace().rev();
    let last = words.next().unwrap_or("").to_lowercase();
    let last = if last == "the" {
        words.next().unwrap_or("").to_lowercase()
    } else {
        last
    };
    ["for", "at", "of", "with", "from", "in"].contains(&last.as_str())
}
