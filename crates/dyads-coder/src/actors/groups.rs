//! Group nominals, which name an organisation by what it is rather than
//! by its name:
//!
//! - **owned by a state**: a delegation, an embassy, a ministry, a
//!   legislature or a presidential office after a state or demonym, a
//!   possessive and modifier nouns allowed between (`the DPRK government
//!   delegation`, `the ROK's reunification ministry`, `South Korea's
//!   parliament`, `the Russian embassy in Seoul`), or with `of` or `from` a
//!   state after (`a delegation from Pyongyang`), or for a ministry,
//!   presidency or legislature, `in` a place after (`the foreign ministry
//!   in Beijing`): the lexicon's body of
//!   that country when it has one, else a group of that country; an
//!   intergovernmental or joint commission needs no owner;
//! - **definite** (`the delegation`, `the embassy`, `the commission`): the
//!   group of that kind mentioned last, unless another one of that kind is
//!   named in the next two sentences (then nothing);
//! - people listed in a delegation (`members of the delegation, including
//!   ...`) take its country.

use dyads_lexicon::normalize::normalize;
use dyads_lexicon::{ActorKind, TermMatch};
use dyads_syntax::ParsedSentence;
use dyads_text::Span;

use super::build::{slug, Builder};
use super::scan::{gap, is_name_word, np_right_end, SentScan};
use super::MentionKind;

/// Function words that never modify a group nominal (`Russia sent a
/// delegation`).
const NOT_MODIFIER: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from",
    "its", "their", "his", "her", "our", "this", "that", "these", "those", "as", "is", "was",
    "has", "had", "have", "be", "been", "will", "would", "said", "says",
];

/// The kind of group a term names: `delegation`, `embassy`, `commission`,
/// `ministry`, `legislature` or `presidential_office`.
pub(crate) fn term_group(b: &Builder<'_>, t: &TermMatch) -> Option<&'static str> {
    let info = b.lex.term(t.term)?;
    match info.role_kind.as_deref()? {
        "government_body" if info.term.contains("presidential") => Some("presidential_office"),
        "government_body" => Some("ministry"),
        "legislature" => Some("legislature"),
        "embassy" => Some("embassy"),
        "commission" => Some("commission"),
        "diplomat" if normalize(t.span.slice(&b.doc.text)).starts_with("delegation") => {
            Some("delegation")
        }
        _ => None,
    }
}

/// The group kind of an actor of the document (inferred groups carry it;
/// lexicon bodies are told by their name or sector).
pub(crate) fn actor_group(b: &Builder<'_>, i: usize) -> Option<&'static str> {
    if let Some(g) = b.info.get(i).and_then(|x| x.group) {
        return Some(g);
    }
    let a = b.out.actors.get(i)?;
    if a.kind != "organization" {
        return None;
    }
    let name = normalize(&a.canonical);
    if name.ends_with("ministry") || name.starts_with("ministry of") {
        Some("ministry")
    } else if name.contains("embassy") {
        Some("embassy")
    } else if name.contains("presidential office") {
        Some("presidential_office")
    } else if a.sector.as_deref() == Some("LEG") && a.country.is_some() {
        Some("legislature")
    } else {
        None
    }
}

/// An owner found for a group nominal.
struct Owner {
    /// The owner's country code.
    country: String,
    /// The owner's name (`North Korea`).
    name: String,
    /// Where the phrase starts (the state, or the term when it is after).
    start: u32,
    /// Where the phrase ends.
    end: u32,
    /// Modifier words between the state and the term (`government`).
    modifiers: Vec<String>,
    /// The owner's sector when it is a body (`MIL` for an army).
    sector: Option<String>,
}

/// The state owning a group nominal: a state or demonym right before it
/// (a possessive and up to three modifier nouns or adjectives between), or
/// `of`/`from` a state right after it (delegations and embassies).
fn owner(
    b: &Builder<'_>,
    scan: &SentScan,
    p: Option<&ParsedSentence>,
    t: &TermMatch,
    group: &str,
) -> Option<Owner> {
    let text = &b.doc.text;
    if let Some(m) = b.before(t.span.start).next() {
        let a = &b.out.actors[m.actor];
        let g = gap(text, m.span.end, t.span.start).trim();
        let g = ["’s", "'s", "’", "'"]
            .iter()
            .find_map(|s| g.strip_prefix(s))
            .unwrap_or(g)
            .trim();
        let mods: Vec<&str> = g.split_whitespace().collect();
        let tags_ok = |w: &str| {
            let Some(p) = p else { return true };
            let at = text[..t.span.start as usize].rfind(w).map(|x| x as u32);
            p.tokens
                .iter()
                .find(|tok| Some(tok.span.start) == at)
                .is_none_or(|tok| matches!(tok.upos, "NOUN" | "ADJ" | "PROPN"))
        };
        let modifiers_ok = mods.len() <= 3
            && mods.iter().all(|w| {
                w.chars().all(|c| c.is_lowercase() || c == '-')
                    && !NOT_MODIFIER.contains(w)
                    && tags_ok(w)
            });
        // A delegation may belong to a body (`a North Korean military
        // delegation`, the army): its country.
        let owner_kind = a.kind == "state" || (a.kind == "organization" && group == "delegation");
        // (A state named in an earlier sentence owns nothing here.)
        let here = m.span.start >= scan.span.start;
        if let (true, true, Some(c)) = (owner_kind, here, &a.country) {
            if !modifiers_ok {
                return None;
            }
            let name = match b.lex.state_by_code(c) {
                Some(st) if a.kind != "state" => st.canonical.clone(),
                _ => a.canonical.clone(),
            };
            return Some(Owner {
                country: c.clone(),
                name,
                sector: (a.kind == "organization")
                    .then(|| a.sector.clone())
                    .flatten(),
                start: m.span.start,
                end: t.span.end,
                modifiers: mods.iter().map(|w| w.to_string()).collect(),
            });
        }
    }
    let after = gap(text, t.span.end, scan.span.end);
    let rest = match group {
        "delegation" | "embassy" => after
            .strip_prefix(" from ")
            .or_else(|| after.strip_prefix(" of "))?,
        // A ministry, a presidency or a legislature sits in its own
        // country (`the foreign ministry in Beijing`); an embassy does not.
        "ministry" | "presidential_office" | "legislature" => after.strip_prefix(" in ")?,
        _ => return None,
    };
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let at = scan.span.end - rest.len() as u32;
    let m = b.out.mentions.iter().find(|m| m.span.start == at)?;
    let a = &b.out.actors[m.actor];
    if !matches!(a.kind, "state" | "place") {
        return None;
    }
    let country = a.country.clone()?;
    let name = b.lex.state_by_code(&country)?.canonical.clone();
    Some(Owner {
        country,
        name,
        start: t.span.start,
        end: m.span.end,
        modifiers: Vec::new(),
        sector: None,
    })
}

/// Group nominals with an owner, and commissions, in document order.
pub(crate) fn owned_groups(b: &mut Builder<'_>, scans: &[SentScan], parsed: &[ParsedSentence]) {
    for scan in scans {
        let p = parsed.get(scan.idx);
        for t in &scan.terms {
            let Some(group) = term_group(b, t) else {
                continue;
            };
            if b.covered(t.span) {
                continue;
            }
            match owner(b, scan, p, t, group) {
                Some(o) => owned(b, scan, t, group, o),
                None if group == "commission" => commission(b, scan, p, t),
                None => {}
            }
        }
    }
}

/// `the` (or a determiner) right before `pos`: the phrase start.
fn with_the(text: &str, scan: &SentScan, pos: u32) -> u32 {
    let before = gap(text, scan.span.start, pos);
    let trimmed = before.trim_end();
    match trimmed.rsplit(' ').next() {
        Some(w) if w.eq_ignore_ascii_case("the") => pos - (before.len() - trimmed.len()) as u32 - 3,
        _ => pos,
    }
}

fn owned(b: &mut Builder<'_>, scan: &SentScan, t: &TermMatch, group: &'static str, o: Owner) {
    let text = &b.doc.text;
    let cc = o.country.clone();
    let mut end = o.end;
    let mut span = t.span;
    let i = match group {
        "delegation" => {
            let sector = if o.modifiers.iter().any(|m| m == "military") {
                "MIL"
            } else if let Some(s) = o.sector.as_deref() {
                s
            } else if o.modifiers.iter().any(|m| m == "parliamentary") {
                "LEG"
            } else {
                "GOV"
            };
            let id = format!("ctx:delegation-{}", cc.to_lowercase());
            let name = format!("{} delegation", o.name);
            b.org_with_id(id, &name, Some(cc), Some(sector), Some(group))
        }
        "embassy" => {
            // `the Russian embassy in Seoul`.
            let after = gap(text, end, scan.span.end);
            let place = after.strip_prefix(" in ").and_then(|rest| {
                let at = scan.span.end - rest.len() as u32;
                b.out.mentions.iter().find(|m| m.span.start == at).copied()
            });
            let mut name = format!("{} embassy", o.name);
            let mut id = format!("ctx:embassy-{}", cc.to_lowercase());
            if let Some(m) = place {
                let where_ = m.span.slice(text).to_string();
                name = format!("{name} in {where_}");
                id = format!("{id}-{}", slug(&where_));
                end = m.span.end;
            }
            b.org_with_id(id, &name, Some(cc), Some("GOV"), Some(group))
        }
        _ => {
            let complement = body_complement(b, scan, t.span.end);
            let known = if complement == t.span.end {
                known_body(b, t, group, &o)
            } else {
                None
            };
            match known {
                Some(i) => i,
                None => {
                    if complement == t.span.end && o.modifiers.is_empty() && group == "ministry" {
                        return;
                    }
                    end = end.max(complement);
                    span.end = end;
                    let name = gap(text, o.start.min(t.span.start), end).trim().to_string();
                    let sector = if group == "legislature" { "LEG" } else { "GOV" };
                    let id = format!("ctx:{}", slug(&name));
                    b.org_with_id(id, &name, Some(cc), Some(sector), Some(group))
                }
            }
        }
    };
    let start = with_the(text, scan, o.start.min(t.span.start));
    let mut phrase = Span { start, end };
    // `the delegation members`.
    let next = gap(text, phrase.end, scan.span.end);
    if group == "delegation" && next.starts_with(" members") {
        phrase.end += " members".len() as u32;
    }
    b.mention(i, span, MentionKind::Name, scan.idx, Some(phrase));
    members_of(b, scan, i, phrase);
}

/// `members of the delegation`: the longer form too.
fn members_of(b: &mut Builder<'_>, scan: &SentScan, i: usize, phrase: Span) {
    let before = gap(&b.doc.text, scan.span.start, phrase.start);
    for lead in ["members of ", "Members of ", "member of ", "a member of "] {
        if before.ends_with(lead) {
            let start = phrase.start - lead.len() as u32;
            b.add_form(
                i,
                Span {
                    start,
                    end: phrase.end,
                },
            );
            break;
        }
    }
}

/// Capitalised words after `of` (`Ministry of Natural Resources`): the end
/// of the complement, or `end` when there is none.
fn body_complement(b: &Builder<'_>, scan: &SentScan, end: u32) -> u32 {
    let text = &b.doc.text;
    let after = gap(text, end, scan.span.end);
    let Some(rest) = after.strip_prefix(" of ") else {
        return end;
    };
    let base = end + 4;
    let mut off = 0u32;
    let mut last_end = None;
    for w in rest.split(' ') {
        let here = base + off;
        off += w.len() as u32 + 1;
        let clean = w.trim_end_matches([',', '.', ';', ':']);
        let inside = b.covered(Span {
            start: here,
            end: here + w.len().max(1) as u32,
        });
        if inside || clean.contains(['\'', '’']) {
            break;
        }
        if is_name_word(clean) {
            last_end = Some(here + clean.len() as u32);
        } else if clean != "and" {
            break;
        }
        if clean.len() != w.len() {
            break;
        }
    }
    last_end.unwrap_or(end)
}

/// The lexicon's body of country `cc` a term names: the only one whose
/// name ends with the modifiers and the term as written (`reunification
/// ministry`), or the term (`foreign ministry`); for a legislature, the
/// country's only legislature.
fn known_body(b: &mut Builder<'_>, t: &TermMatch, group: &str, o: &Owner) -> Option<usize> {
    let text = &b.doc.text;
    let cc = o.country.as_str();
    let surface = normalize(t.span.slice(text));
    let term = b
        .lex
        .term(t.term)
        .map(|i| normalize(&i.term))
        .unwrap_or_default();
    let mut wants = Vec::new();
    if !o.modifiers.is_empty() {
        wants.push(format!("{} {surface}", normalize(&o.modifiers.join(" "))));
    } else {
        wants.push(surface.clone());
        if term != "ministry" {
            wants.push(term);
        }
    }
    let orgs: Vec<usize> = b
        .lex
        .actors()
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == ActorKind::Organization && a.country.as_deref() == Some(cc))
        .map(|(k, _)| k)
        .collect();
    let ends = |k: usize, w: &str| {
        let a = &b.lex.actors()[k];
        std::iter::once(&a.canonical)
            .chain(a.names.iter().map(|n| &n.text))
            .any(|n| {
                let n = normalize(n);
                n == *w || n.ends_with(&format!(" {w}"))
            })
    };
    let mut hits: Vec<usize> = Vec::new();
    for w in &wants {
        hits = orgs.iter().copied().filter(|&k| ends(k, w)).collect();
        if !hits.is_empty() {
            break;
        }
    }
    if hits.is_empty() && o.modifiers.is_empty() {
        hits = orgs
            .iter()
            .copied()
            .filter(|&k| {
                let a = &b.lex.actors()[k];
                match group {
                    "legislature" => a.sector.as_deref() == Some("LEG"),
                    "presidential_office" => normalize(&a.canonical).contains("presidential"),
                    _ => false,
                }
            })
            .collect();
    }
    match hits[..] {
        [k] => b.lexicon_actor(dyads_lexicon::ActorId(k as u32)),
        _ => None,
    }
}

/// `the intergovernmental commission`: the commission of the document
/// mentioned last, else a new one (no country: it is between states).
fn commission(b: &mut Builder<'_>, scan: &SentScan, p: Option<&ParsedSentence>, t: &TermMatch) {
    let text = &b.doc.text;
    let start = with_the(text, scan, t.span.start);
    if start == t.span.start {
        return;
    }
    // `the intergovernmental commission on economic and trade cooperation
    // between Moscow and Pyongyang`: the whole phrase is a form.
    let end = p
        .and_then(|p| np_right_end(p, t.span).or_else(|| topic_end(p, t.span)))
        .filter(|&e| gap(text, t.span.end, e).split_whitespace().count() <= 14)
        .unwrap_or(t.span.end);
    let ante = b
        .before(t.span.start)
        .map(|m| m.actor)
        .find(|&i| actor_group(b, i) == Some("commission"));
    let i = match ante {
        Some(i) => i,
        None => {
            let name = normalize(t.span.slice(text));
            let id = format!("ctx:{}", slug(&name));
            b.org_with_id(id, &name, None, Some("GOV"), Some("commission"))
        }
    };
    b.mention(
        i,
        t.span,
        MentionKind::Role,
        scan.idx,
        Some(Span { start, end }),
    );
}

/// The end of an `on`/`for` phrase naming a commission's topic, read off
/// the surface up to the next verb or punctuation, for a parse that hung
/// the phrase elsewhere (`the commission on trade cooperation between
/// Russia and North Korea will meet`).
fn topic_end(p: &ParsedSentence, span: Span) -> Option<u32> {
    let first = p.tokens.iter().position(|t| t.span.start >= span.end)?;
    let t0 = p.tokens.get(first)?;
    if t0.upos != "ADP" || !matches!(&*t0.lemma.to_lowercase(), "on" | "for") {
        return None;
    }
    let mut end = None;
    for t in p.tokens.iter().skip(first + 1).take(14) {
        if matches!(t.upos, "VERB" | "AUX" | "PUNCT" | "SCONJ") {
            break;
        }
        end = Some(t.span.end);
    }
    end
}

/// `the delegation`, `the embassy`, `the ministry`: the group of that kind
/// mentioned last, unless another of that kind is named within the next
/// two sentences.
pub(crate) fn bare_group(b: &mut Builder<'_>, scan: &SentScan, t: &TermMatch) {
    let Some(group) = term_group(b, t) else {
        return;
    };
    let text = &b.doc.text;
    if b.covered(t.span) || group == "commission" {
        return;
    }
    let start = with_the(text, scan, t.span.start);
    // Plurals (`delegations`) and `delegates` name several.
    let surface = normalize(t.span.slice(text));
    if start == t.span.start || surface.ends_with('s') {
        return;
    }
    // `In Paris, the foreign ministry said`: the ministry of the place the
    // sentence opens with.
    if group == "ministry" {
        if let Some(c) = opening_place_country(b, scan, start) {
            ministry_of(b, scan, t, start, c);
            return;
        }
    }
    let Some(ante) = b
        .before(t.span.start)
        .map(|m| m.actor)
        .find(|&i| actor_group(b, i) == Some(group))
    else {
        // A first `the foreign ministry` in a datelined report is the
        // ministry of the dateline's country (`BEIJING - The foreign
        // ministry accused ...`).
        if group == "ministry" {
            if let Some(c) = super::generic::dateline_country(b) {
                ministry_of(b, scan, t, start, c);
            }
        }
        return;
    };
    let rival = b.out.mentions.iter().any(|m| {
        m.span.start > t.span.end
            && m.sentence <= scan.idx + 2
            && m.actor != ante
            && m.kind == MentionKind::Name
            && actor_group(b, m.actor) == Some(group)
    });
    if rival {
        return;
    }
    let mut phrase = Span {
        start,
        end: t.span.end,
    };
    if group == "delegation" && gap(text, phrase.end, scan.span.end).starts_with(" members") {
        phrase.end += " members".len() as u32;
    }
    b.mention(ante, t.span, MentionKind::Role, scan.idx, Some(phrase));
    members_of(b, scan, ante, phrase);
}

/// Records the ministry term `t` (its phrase from `start`, `the`
/// included) as a ministry of `country`.
fn ministry_of(b: &mut Builder<'_>, scan: &SentScan, t: &TermMatch, start: u32, country: String) {
    let name = t.span.slice(&b.doc.text).to_string();
    let id = format!("ctx:{}-{}", slug(&name), country.to_lowercase());
    let i = b.org_with_id(id, &name, Some(country), Some("GOV"), Some("ministry"));
    let phrase = Span {
        start,
        end: t.span.end,
    };
    b.mention(i, t.span, MentionKind::Role, scan.idx, Some(phrase));
}

/// The country of the place a sentence opens with before `pos` (`In
/// Paris, the foreign ministry`, `In Washington, the`): the text before is
/// `In`, one place or state, and a comma.
fn opening_place_country(b: &Builder<'_>, scan: &SentScan, pos: u32) -> Option<String> {
    let text = &b.doc.text;
    let lead = gap(text, scan.span.start, pos);
    let rest = lead.strip_prefix("In ")?;
    if !rest.trim_end().ends_with(',') {
        return None;
    }
    let comma = scan.span.start + 3 + rest.trim_end().len() as u32 - 1;
    let m = b.before(comma + 1).next()?;
    if m.span.start != scan.span.start + 3 || m.span.end != comma {
        return None;
    }
    let a = b.out.actors.get(m.actor)?;
    matches!(a.kind, "place" | "state")
        .then(|| a.country.clone())
        .flatten()
}

/// People of a delegation (`members of the delegation, including a vice
/// minister named ...`): an inferred person with no country takes the
/// delegation's.
pub(crate) fn delegation_members(b: &mut Builder<'_>) {
    let text = &b.doc.text;
    let mut fills = Vec::new();
    for (k, m) in b.out.mentions.iter().enumerate() {
        let a = &b.out.actors[m.actor];
        if a.kind != "person" || a.country.is_some() || a.source != super::ActorSource::Inferred {
            continue;
        }
        let group = b.out.mentions[..k]
            .iter()
            .rev()
            .take_while(|d| d.sentence == m.sentence)
            .find(|d| actor_group(b, d.actor) == Some("delegation"));
        let Some(d) = group else {
            continue;
        };
        let between = gap(text, d.span.end, m.span.start);
        let linked = ["including", "headed by", "led by"]
            .iter()
            .any(|w| between.contains(w));
        if linked && !between.contains([';', '.']) {
            if let Some(c) = b.out.actors[d.actor].country.clone() {
                fills.push((m.actor, c));
            }
        }
    }
    for (i, c) in fills {
        b.set_country(i, &c);
    }
}
