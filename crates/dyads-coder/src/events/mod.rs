//! CAMEO and PLOVER event coding.
//!
//! [`Coder::code`] turns the parse of a document and its resolved actors
//! into [`Event`]s: the built-in event lexicon
//! ([`dyads_lexicon::events::EventLexicon`]) is matched on lemmas
//! (`matcher`), source and target come from the dependency structure with
//! surface fallbacks (`roles`), every event gets a [`Modality`]
//! (`modality`), a date from `dyads-time` anchored on the publication
//! date, its evidence span and the id of the entry that fired (`rule`).
//! [`Pipeline`] runs the whole chain from a cleaned document.
//!
//! A target the sentence does not name is taken from the discourse: an
//! event with a state's source and no target (`Warsaw denies`) is aimed
//! at the counterpart the article pairs that state with, and that target
//! is marked [`ActorRef::implicit`].
//!
//! Location comes from [`crate::places::locate_event`] (the place of the
//! event's clause, or the dateline) and quote from [`crate::quotes::find`] (the quote whose
//! content holds the event's evidence); both are null when those layers
//! find nothing.

mod codes;
mod dates;
mod dict_doc;
mod matcher;
mod modality;
mod pipeline;
mod repair;
mod roles;
mod sentence;
mod speech;
mod tidy;
mod troops;
mod types;

use dyads_lexicon::events::{EntryKind, EventLexicon, InnerModality};
use dyads_syntax::ParsedSentence;
use dyads_text::{Document, Span};

use crate::actors::DocActors;

pub use dict_doc::code_with_dict;
pub use modality::Modality;
pub use pipeline::{Pipeline, PipelineBuilder};
pub use types::{ActorRef, Actors, Event, Evidence};

use codes::{intent_code, reject_code, root_of, threat_code};
use dates::{
    event_date, habitual_present, narrative_date, standing_stance, today_in_quote, HISTORICAL_DAYS,
    NARRATIVE_ACROSS_PARAGRAPHS,
};
use matcher::{Hit, Index};
use sentence::Sent;
use speech::{quote_of, speaker_of};
use tidy::{
    accused_in_content_clause, answers_accuser, borrow_targets, call_circumstance,
    coercion_by_place, conditional_threats, coup_source, doer_of_referred_act, domestic_target,
    drop_home_visits, drop_untargeted_duplicates, force_source_from_context, implicit_targets,
    join_force_halves, mutual_acts, referred_visit, share_hostile_target, sides_of_conflict,
    threat_answers_hostility, treaty_parties,
};
use troops::troops_in;

/// Nouns of an agreement between parties (`welcomed the deal`).
const AGREEMENT_NOUNS: &[&str] = &[
    "agreement",
    "deal",
    "ceasefire",
    "truce",
    "accord",
    "declaration",
    "pact",
    "treaty",
    "armistice",
];

/// Gatherings a host holds rather than guests it receives.
const GATHERINGS: &[&str] = &[
    "session",
    "meeting",
    "summit",
    "conference",
    "forum",
    "congress",
    "games",
    "ceremony",
    "exhibition",
    "festival",
    "event",
    "plenum",
    "assembly",
    "round",
    "tournament",
    "competition",
];

/// Nouns heading a subject that speaks for a state (`the foreign ministry
/// protested`).
const OFFICIAL_NOUNS: &[&str] = &[
    "government",
    "ministry",
    "cabinet",
    "embassy",
    "administration",
    "minister",
    "president",
    "premier",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "office",
];

/// Whether the subject phrase `(lo, hi)` is headed by a name, a pronoun
/// or an office (`Japan`, `it`, `the foreign ministry`), not by a crowd
/// that a demonym modifies (`Bangladeshi students`).
fn official_subject(s: &Sent<'_>, (lo, hi): (usize, usize)) -> bool {
    let hi = hi.min(s.len().saturating_sub(1));
    // Any word of the phrase whose head lies outside it heads a part of it
    // (a dateline left before the subject is one more such part).
    (lo..=hi)
        .filter(|&j| s.head(j).is_none_or(|p| p < lo || p > hi))
        .any(|h| matches!(s.upos(h), "PROPN" | "PRON") || s.lemma_in(h, OFFICIAL_NOUNS))
}

/// Words of a response by force or in kind (`would no longer tolerate`
/// is one held out).
const RESPONSE_WORDS: &[&str] = &[
    "war",
    "retaliation",
    "retaliate",
    "respond",
    "response",
    "consequence",
    "countermeasure",
    "force",
    "defend",
    "reprisal",
    "punish",
    "punishment",
    "tolerate",
    "measure",
    "counteraction",
    "action",
];

/// Whether the clause a warning at `head` reports is conditional on a
/// modal (`would`, `will`) and names a response (`war`, `retaliation`,
/// `consequences`).
fn warned_response(s: &Sent<'_>, head: usize) -> bool {
    s.kids[head]
        .iter()
        .filter(|&&c| s.rel(c) == "ccomp")
        .any(|&c| {
            let (lo, hi) = s.subtree(c);
            (lo..=hi).any(|j| matches!(s.form[j].as_str(), "would" | "will" | "'d" | "'ll"))
                && (lo..=hi).any(|j| s.lemma_in(j, RESPONSE_WORDS))
        })
}

/// The first actor named in the clause a warning at `head` reports, outside
/// that clause's subject, as a token range.
fn warned_party(s: &Sent<'_>, actors: &DocActors, head: usize) -> Option<(usize, usize)> {
    let c = s.kid(head, "ccomp")?;
    let subj = roles::subject(s, c);
    let (lo, hi) = s.subtree(c);
    (lo..=hi)
        .filter(|&j| subj.is_none_or(|(a, b)| j < a || j > b))
        .find(|&j| actors.at(s.p.tokens[j].span).next().is_some())
        .map(|j| (j, j))
}

/// A month or day named without a year (`in January`, `on March 3`) one
/// year earlier: for an act told as done that the time tagger put after
/// the report.
fn year_back(text: &str, d: &dyads_time::EventDate) -> Option<dyads_time::EventDate> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let words = text.get(d.span.start as usize..d.span.end as usize)?;
    let lower = words.to_ascii_lowercase();
    let month_named = lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m)));
    let year_named = words
        .split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() == 4);
    if !month_named || year_named {
        return None;
    }
    if !matches!(
        d.precision,
        dyads_time::Precision::Month | dyads_time::Precision::Day
    ) {
        return None;
    }
    let back = |x: dyads_time::Date| dyads_time::Date::new(x.year - 1, x.month, x.day);
    let start = back(d.start?)?;
    let end = back(d.end?)?;
    let year = d.value.get(..4)?.parse::<i32>().ok()?;
    Some(dyads_time::EventDate {
        value: format!("{}{}", year - 1, d.value.get(4..)?),
        start: Some(start),
        end: Some(end),
        ..d.clone()
    })
}

/// Objects that make a verb's row no event (lemma, CAMEO prefix of the
/// rows concerned, object lemmas): `released footage of tanks` publishes
/// it, no one is freed; `called an emergency meeting` convenes it, no one
/// is phoned.
const OBJECT_VETOES: &[(&str, &str, &[&str])] = &[
    (
        "release",
        "08",
        &[
            "footage",
            "video",
            "statement",
            "image",
            "photo",
            "data",
            "figure",
            "report",
            "record",
            "document",
            "recording",
            "detail",
            "picture",
        ],
    ),
    (
        "call",
        "04",
        &[
            "meeting",
            "session",
            "summit",
            "election",
            "vote",
            "referendum",
            "strike",
            "halt",
            "ceasefire",
            "truce",
            "conference",
        ],
    ),
];

/// Whether the object of the verb at `head` vetoes `entry` ([`OBJECT_VETOES`]).
fn object_veto(s: &Sent<'_>, entry: &dyads_lexicon::events::EventEntry, head: usize) -> bool {
    OBJECT_VETOES.iter().any(|&(lemma, prefix, objects)| {
        entry.lemma == lemma
            && entry.cameo.starts_with(prefix)
            && s.kid(head, "obj").is_some_and(|o| s.lemma_in(o, objects))
    })
}

/// The event coder over one event lexicon.
pub struct Coder<'l> {
    lex: &'l EventLexicon,
    index: Index,
}

impl<'l> Coder<'l> {
    /// A coder over `lex`.
    pub fn new(lex: &'l EventLexicon) -> Coder<'l> {
        Coder {
            lex,
            index: Index::new(lex),
        }
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &'l EventLexicon {
        self.lex
    }

    /// Codes every sentence of `doc`. `published` anchors relative dates;
    /// without it events are undated.
    pub fn code(
        &self,
        doc_id: &str,
        doc: &Document,
        parsed: &[ParsedSentence],
        actors: &DocActors,
        published: Option<dyads_time::Date>,
    ) -> Vec<Event> {
        // A date in the dateline (`TOKYO, Aug 27 (Harbour Wire) -`) is the
        // report's: no event takes it as its own (`on Monday` in the lede
        // wins), but it starts the narrative of the first paragraph.
        let dateline = doc.paragraphs.first().copied().zip(doc.dateline_span());
        let (in_dateline, timexes): (Vec<dyads_time::Timex>, Vec<dyads_time::Timex>) = published
            .map(|d| dyads_time::tag(&doc.text, d))
            .unwrap_or_default()
            .into_iter()
            .partition(|t| {
                dateline
                    .as_ref()
                    .is_some_and(|(_, r)| r.start <= t.span.start && t.span.start < r.end)
            });
        let mut out = Vec::new();
        let mut last_date: Option<(Span, dyads_time::EventDate)> =
            dateline.and_then(|(para, _)| {
                let d = dyads_time::event_dates(para, &in_dateline)
                    .into_iter()
                    .find(|d| d.start.is_some())?;
                Some((para, d))
            });
        // The report's own day, from the dateline: where a new paragraph
        // after background goes back to.
        let report_date = last_date.as_ref().map(|(_, d)| d.clone());
        // The pair of actors of two countries that `the two sides` and
        // `both countries` refer to: the one cooperative events joined
        // most, nearest first, or the one joined earlier in the sentence.
        let mut pair: Option<(ActorRef, ActorRef)> = None;
        // Every such pair with its sentence: the pair `the two sides`
        // refers to in a new sentence is the one with the most weight.
        let mut pairs: Vec<(usize, ActorRef, ActorRef)> = Vec::new();
        // The lists of three or more states events named, last one last:
        // what `all three` and `the seven` refer to.
        let mut lists: Vec<Vec<ActorRef>> = Vec::new();
        // The two sides of the last reciprocal event between two countries,
        // hostile or not: what `each side ... the other` refers to.
        let mut last_reciprocal: Option<(ActorRef, ActorRef)> = None;
        // The country and target of the last treaty cut, for `the pact`.
        let mut last_treaty: Option<(String, Actors)> = None;
        let quotes = crate::quotes::find(doc, parsed, actors);
        for (si, p) in parsed.iter().enumerate() {
            let repaired = repair::repair(p);
            let p: &ParsedSentence = &repaired;
            if let Some(ab) = weighted_pair(&pairs, si) {
                pair = Some(ab);
            }
            let s = Sent::new(p, &doc.text);
            let mut dates = dyads_time::event_dates(p.span, &timexes);
            // Amounts of time with no calendar position of their own (`a
            // day` in `a day after army officers seized power`) date the
            // clause their signal introduces from the sentence's date.
            dates.extend(
                timexes
                    .iter()
                    .filter(|t| {
                        t.kind == dyads_time::TimexType::Duration
                            && t.reaches.is_none()
                            && p.span.contains(t.span)
                    })
                    .map(|t| dyads_time::EventDate {
                        span: t.span,
                        value: t.value.clone(),
                        start: None,
                        end: None,
                        precision: dyads_time::Precision::Unknown,
                        mod_: None,
                        duration: Some(t.value.clone()),
                    }),
            );
            dates.sort_by_key(|d| d.span.start);
            // `today` in a speaker's own words is the day they spoke, which
            // the narrative already holds (`"I am forced to announce today"`
            // in a report of Tuesday's speech published on Wednesday).
            if last_date.is_some() {
                dates.retain(|d| !today_in_quote(&doc.text, d.span, &quotes));
            }
            let para = doc
                .paragraphs
                .iter()
                .find(|q| q.start <= p.span.start && p.span.end <= q.end)
                .copied();
            if let (Some((pspan, d)), Some(q)) = (&last_date, para) {
                // Background told in the past (`applied in May 2022`)
                // stays in its paragraph: a new one goes back to the
                // report's time.
                let background = match (d.end.or(d.start), published) {
                    (Some(e), Some(p)) => e.to_days() + HISTORICAL_DAYS < p.to_days(),
                    _ => false,
                };
                if *pspan != q && (!NARRATIVE_ACROSS_PARAGRAPHS || background) {
                    last_date = report_date.clone().map(|d| (q, d));
                }
            }
            // Only a sentence with `they` or `both` needs their referents.
            let they = if s
                .form
                .iter()
                .any(|w| w.eq_ignore_ascii_case("they") || w.eq_ignore_ascii_case("both"))
            {
                let prev_parsed = si.checked_sub(1).and_then(|j| parsed.get(j));
                TheyReferent::before(&out, &pairs, actors, si, prev_parsed, &doc.text)
            } else {
                TheyReferent::none()
            };
            let hits = matcher::find(self.lex, &self.index, &s);
            let first = out.len();
            let mut heads: Vec<usize> = Vec::new();
            let inner = |t: usize| -> Option<InnerModality> {
                hits.iter()
                    .find(|h| h.head == t)
                    .map(|h| self.lex.entries()[h.entry].modality)
            };

            for h in &hits {
                if let Some(e) = self.event(
                    doc_id,
                    si,
                    &s,
                    h,
                    actors,
                    &inner,
                    &dates,
                    last_date.as_ref().map(|x| &x.1),
                    published,
                    out.len(),
                    pair.as_ref(),
                    last_reciprocal.as_ref(),
                    &they,
                    &lists,
                    &quotes,
                ) {
                    // `He held talks with Xi, and the two sides signed 20
                    // agreements`: the pair is joined as the sentence goes.
                    if let Some(ab) = cooperative_pair(&e) {
                        pair = Some(ab);
                    }
                    if let Some(ab) = reciprocal_pair(&e) {
                        last_reciprocal = Some(ab);
                    }
                    for side in [&e.source, &e.target] {
                        if let Some(l) = state_list(side.as_ref()) {
                            lists.push(l);
                        }
                    }
                    out.push(e);
                    heads.push(h.head);
                }
            }
            borrow_targets(&s, &mut out[first..], &heads);
            treaty_parties(&s, actors, &mut out, first, &heads, &mut last_treaty);
            coup_source(&mut out, first);
            share_hostile_target(&mut out[first..]);
            accused_in_content_clause(&s, actors, &mut out, first, &heads);
            doer_of_referred_act(self.lex, &s, &mut out, first, &heads);
            // Targets found for the act referred to are shared too.
            share_hostile_target(&mut out[first..]);
            answers_accuser(&s, &mut out, first);
            threat_answers_hostility(&mut out, first);
            referred_visit(&mut out, first);
            call_circumstance(self.lex, &s, &mut out, first, &mut heads);
            conditional_threats(self.lex, &s, actors, &mut out, first, &mut heads);
            for (e, &h) in out[first..].iter_mut().zip(&heads) {
                e.location = crate::places::locate_event(doc, si, p, Some(h)).map(|l| {
                    serde_json::json!({"text": l.text, "country": l.country, "lat": l.lat, "lon": l.lon})
                });
            }
            domestic_target(actors, &mut out, first);
            coercion_by_place(actors, &mut out, first);
            join_force_halves(&mut out[first..]);
            drop_untargeted_duplicates(&mut out, first);
            drop_home_visits(&mut out, first);
            mutual_acts(self.lex, &mut out, first);
            for e in &mut out[first..] {
                e.quote = quote_of(&quotes, actors, e.evidence);
                if let Some((a, b)) = cooperative_pair(e) {
                    pairs.push((si, a, b));
                }
            }
            let main = narrative_date(&s, dates);
            // An expression with no calendar position (`the current
            // pace`) leaves the narrative time where it was.
            if let (Some(d), Some(q)) = (main, para) {
                last_date = Some((q, d));
            }
        }
        force_source_from_context(&mut out);
        sides_of_conflict(&mut out);
        implicit_targets(&mut out);
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn event(
        &self,
        doc_id: &str,
        si: usize,
        s: &Sent<'_>,
        h: &Hit,
        actors: &DocActors,
        inner: &dyn Fn(usize) -> Option<InnerModality>,
        dates: &[dyads_time::EventDate],
        narrative: Option<&dyads_time::EventDate>,
        published: Option<dyads_time::Date>,
        n: usize,
        pair: Option<&(ActorRef, ActorRef)>,
        last_reciprocal: Option<&(ActorRef, ActorRef)>,
        they: &TheyReferent,
        lists: &[Vec<ActorRef>],
        quotes: &[crate::quotes::Quote],
    ) -> Option<Event> {
        let entry = &self.lex.entries()[h.entry];
        if entry.kind != EntryKind::Noun
            && h.src.is_none()
            && s.rel(h.head) == "compound"
            && s.p.tokens[h.head].xpos == "VBG"
        {
            // A participle read as a noun modifier (`a restriction
            // protecting farmers`) has no subject in the clause around.
            return None;
        }
        if entry.lemma == "help" && catenative_help(s, h.head) {
            return None;
        }
        if entry.lemma == "approve"
            && s.kids[h.head]
                .iter()
                .any(|&k| matches!(s.rel(k), "xcomp" | "ccomp") && s.is_verb(k))
        {
            // `the cabinet approved suspending the agreement`: approving an
            // act of one's own, which is coded for itself.
            return None;
        }
        if entry.lemma == "call"
            && (entry.cameo.starts_with("04") || entry.cameo.starts_with("02"))
            && names_object(s, h.head)
        {
            // `called the gunmen a professional unit` names them: no call,
            // and `calling them a tit-for-tat response` no appeal.
            return None;
        }
        if object_veto(s, entry, h.head) {
            return None;
        }
        let (mut src_range, mut tgt_range) = (h.src, h.tgt);
        let mut condemned: Vec<(usize, usize)> = Vec::new();
        let mut obligation = false;
        let mut code = if entry.kind == EntryKind::Cue {
            // Reported speech is coded for its content, except that a
            // speaker saying what another actor must or should do makes a
            // demand on it (`Russia said Sudan must return the helicopter`),
            // and one calling what another actor does a violation, illegal
            // or a provocation criticizes it.
            if let Some(r) = speech::penalty_subject(s, h.head) {
                // `said Washington would pay a price`, `must bear all the
                // consequences`: a warning to it.
                tgt_range = Some(r);
                self.lex.code("130")?
            } else if let Some(r) = speech::obligation_subject(s, h.head) {
                tgt_range = Some(r);
                obligation = true;
                self.lex.code("100")?
            } else if let Some(r) = speech::right_holder(s, h.head) {
                // `said Israel had the right to defend itself`: backing it.
                tgt_range = Some(r);
                self.lex.code("052")?
            } else {
                condemned = speech::condemned(s, h.head);
                tgt_range = Some(*condemned.first()?);
                self.lex.code("111")?
            }
        } else if entry.cameo == "010" && entry.kind == EntryKind::Verb {
            // A declaration of what another actor must or should do is a
            // demand on it (`Washington declared that Beijing must open its
            // markets`), like the same words after a speech cue.
            // So is one calling what another actor does a violation
            // (`declared that the deployment of Russian nuclear weapons in
            // Belarus was illegal`): a criticism of it, when
            // the clause names a foreign actor (else the statement stays).
            match speech::obligation_subject(s, h.head) {
                Some(r) => {
                    tgt_range = Some(r);
                    self.lex.code("100")?
                }
                // An announcement of one's own future act (`announced it
                // would deny visas to officials undermining the peace`)
                // condemns no one.
                None if (h.head + 1..(h.head + 5).min(s.len()))
                    .any(|j| matches!(s.form[j].as_str(), "will" | "would" | "'ll" | "shall")) =>
                {
                    self.lex.code(&entry.cameo)?
                }
                None => {
                    condemned = speech::condemned(s, h.head);
                    match condemned.first() {
                        Some(&r) => {
                            tgt_range = Some(r);
                            self.lex.code("111")?
                        }
                        None => self.lex.code(&entry.cameo)?,
                    }
                }
            }
        } else {
            self.lex.code(&entry.cameo)?
        };
        // A warning that something would bring the speaker's own response
        // (`warned that any intervention would be treated as a declaration
        // of war`) is a threat, not a gloomy remark.
        if code.code == "012" && entry.lemma == "warn" {
            if warned_response(s, h.head) {
                code = self.lex.code("130")?;
                if tgt_range.is_none() {
                    // `warned that Seoul would take measures Pyongyang
                    // would find unbearable`: the other actor the warning
                    // names, outside the clause's subject.
                    tgt_range = warned_party(s, actors, h.head);
                }
            } else if let Some(cond) = conditional_own_act(s, h.head) {
                // `warned that Poland could add more products to the list
                // if Kyiv escalated`: an act held out on a condition set
                // for the other side is a threat to it.
                code = self.lex.code("130")?;
                if tgt_range.is_none() {
                    tgt_range = cond;
                }
            }
        }
        let verbal = entry.kind != EntryKind::Noun;
        let passive =
            verbal && (roles::is_passive(s, h.head) || roles::misread_passive(s, actors, h.head));
        if verbal {
            let subj = roles::subject(s, h.head);
            if passive {
                if h.tgt_direct || h.tgt.is_none() {
                    tgt_range = subj.or(tgt_range.filter(|_| !h.tgt_direct));
                }
                src_range = roles::passive_agent(s, h.head).or(src_range);
                if src_range.is_none() && !entry.has_slot(dyads_lexicon::events::Slot::Tgt) {
                    // A pattern with no target slot is done by its subject
                    // alone: with no agent, the passive's subject did it
                    // (`the guerrillas have been demobilized`).
                    src_range = tgt_range.take();
                }
            } else if !h.src_owner {
                let cands = roles::subject_candidates(s, h.head);
                src_range = match cands.first() {
                    None => src_range.or_else(|| roles::left_fallback(s, actors, h.head)),
                    Some(&first) => cands
                        .iter()
                        .copied()
                        .chain(src_range)
                        .find(|&r| !roles::actors_in(s, actors, r).is_empty())
                        .or(Some(first)),
                };
            }
        }
        if code.code.starts_with("04") && verbal {
            // Troops that arrive or are sent somewhere are no visitors: a
            // deployment, of peacekeepers (074) or of force (154).
            if let Some(kind) = src_range.and_then(|r| troops_in(s, r)) {
                code = self.lex.code(if kind { "074" } else { "154" })?;
            }
        }
        let mut src = src_range
            .map(|r| roles::actors_in(s, actors, r))
            .unwrap_or_default();
        if src.is_empty() {
            // `we` or `I` in quoted words is the speaker (`"We will send
            // more air defence systems to Ukraine," the chancellor said`).
            if let Some(sp) = src_range
                .filter(|&(lo, hi)| {
                    (lo..=hi.min(s.len().saturating_sub(1)))
                        .any(|j| s.upos(j) == "PRON" && matches!(s.form[j].as_str(), "we" | "i"))
                })
                .and_then(|(lo, hi)| {
                    let span = s.span(lo, hi);
                    speaker_of(quotes, actors, span, span.slice(s.text))
                })
            {
                src = vec![sp];
            }
        }
        if src.is_empty() && passive && entry.id.contains("summon") {
            // `Armenia's ambassador was summoned to the Russian foreign
            // ministry`: who summons is whom the envoy is summoned to.
            if let Some(r) = s.kids[h.head]
                .iter()
                .find(|&&k| {
                    s.rel(k) == "obl"
                        && s.kids[k]
                            .iter()
                            .any(|&c| s.rel(c) == "case" && s.form[c].eq_ignore_ascii_case("to"))
                })
                .map(|&k| s.subtree(k))
            {
                src = roles::actors_in(s, actors, r);
            }
        }
        if src.is_empty() && passive && (code.code == "161" || entry.id.contains("summon")) {
            // A diplomatic measure told in the passive by a government's
            // voice (`the Elysee said the ambassador was being recalled`,
            // `Algeria's foreign ministry said the officials had been
            // declared persona non grata`) is that government's own.
            let span = s.p.tokens[h.head].span;
            if let Some(mut sp) = speaker_of(quotes, actors, span, "") {
                sp.text = sp.canonical.clone();
                src = vec![sp];
            }
        }
        if src.is_empty() && !verbal {
            // A nominal event as the object of a verb: the verb's subject
            // (`Turkey attended the summit`), unless the verb only reacts
            // to it (`the White House summoned the ambassador to object to
            // the drills`: the drills are not the White House's).
            if let Some(p) = s.head(h.head).filter(|&p| {
                s.is_verb(p)
                    && matches!(s.rel(h.head), "obj" | "obl")
                    && !s.lemma_in(p, REACTION_VERBS)
            }) {
                if let Some(r) = roles::subject(s, p) {
                    src = roles::actors_in(s, actors, r);
                    src_range = Some(r);
                }
            }
        }
        let mut tgt = tgt_range
            .map(|r| roles::actors_in(s, actors, r))
            .unwrap_or_default();
        // `all three`, `the seven`: the last list of that many states an
        // event named, for a phrase that names no state itself.
        let listed = |r: Option<(usize, usize)>, now: &[ActorRef]| {
            let n = roles::group_count(s, r?)?;
            // A phrase the actor layer read as a named actor is that actor;
            // a group nominal given a country (`the three juntas` as the
            // dateline's) is not.
            if now
                .iter()
                .any(|a| a.country.is_some() && !a.actor_id.starts_with("group:"))
            {
                return None;
            }
            lists.iter().rev().find(|l| l.len() == n).cloned()
        };
        if let Some(l) = listed(src_range, &src) {
            src = l;
        }
        if let Some(mut l) = listed(tgt_range, &tgt) {
            l.retain(|t| !src.iter().any(|a| a.country == t.country));
            if !l.is_empty() {
                tgt = l;
            }
        }
        if tgt.is_empty() && verbal && !passive && entry.has_slot(dyads_lexicon::events::Slot::Tgt)
        {
            // The slot read off the surface named no actor: the object's
            // whole phrase (`boycott all contact with the United States`),
            // then a prepositional dependent of the verb (`warned of North
            // Korea`).
            let cooperative = (3..=8).contains(&root_of(&code.code));
            if let Some(r) = roles::object_target(s, actors, h.head, cooperative) {
                tgt = roles::actors_in(s, actors, r);
                tgt_range = Some(r);
            }
        }
        if tgt.is_empty() {
            // `our` in quoted words is the speaker's side (`North Korea
            // slammed the head of our state`, said a Seoul spokesman).
            if let Some(sp) = tgt_range
                .filter(|&(lo, hi)| {
                    (lo..=hi.min(s.len().saturating_sub(1)))
                        .any(|j| s.form[j].eq_ignore_ascii_case("our"))
                })
                .and_then(|(lo, hi)| {
                    let span = s.span(lo, hi);
                    speaker_of(quotes, actors, span, span.slice(s.text))
                })
            {
                if !src.iter().any(|x| x.country == sp.country) {
                    tgt = vec![sp];
                }
            }
        }
        tgt.retain(|t| !src.iter().any(|x| x.actor_id == t.actor_id));
        // A speaker holds a penalty out to another state, not its own: a
        // warning read to its own country misread the speaker.
        if entry.kind == EntryKind::Cue && code.code == "130" {
            tgt.retain(|t| t.country.is_none() || !src.iter().any(|x| x.country == t.country));
        }
        // Relations are reduced with another state (`expelled the
        // diplomats of seven countries that questioned Maduro's victory`):
        // the source's own country named in the phrase is no target.
        if code.code.starts_with("16") {
            tgt.retain(|t| t.country.is_none() || !src.iter().any(|x| x.country == t.country));
        }
        // A state aided by its own side (`we are arming Poland`, said the
        // Polish prime minister) is no dyad: material and military help
        // goes to another party.
        if code.code.starts_with("07") {
            tgt.retain(|t| {
                let bare_state = t.country.is_some() && t.code.as_deref() == t.country.as_deref();
                !(bare_state && src.iter().any(|x| x.country == t.country))
            });
        }
        if code.code == "051" && verbal && !passive && tgt.is_empty() && entry.lemma == "welcome" {
            // Welcoming a foreign leader (`welcomed the Indian prime minister
            // at the White House`), not a decision, is hosting a visitor.
            if let Some((r, v)) = roles::welcomed_visitor(s, actors, h.head, &src) {
                if let Some(c) = self.lex.code("043") {
                    code = c;
                    tgt = v;
                    tgt_range = Some(r);
                }
            }
        }
        if code.code.starts_with("043")
            && verbal
            && s.kids[h.head]
                .iter()
                .any(|&k| s.rel(k) == "obj" && s.lemma_in(k, GATHERINGS))
        {
            // Hosting a gathering (`hosted a session of the congress`)
            // receives no guest: the body named in it is no visitor.
            tgt.clear();
        }
        if !condemned.is_empty() {
            // The condemned actor is another country's: the first phrase of
            // the clause that names one.
            let foreign = |v: Vec<ActorRef>| -> Vec<ActorRef> {
                v.into_iter()
                    .filter(|t| {
                        t.country.is_some()
                            && !src
                                .iter()
                                .any(|x| x.actor_id == t.actor_id || x.country == t.country)
                    })
                    .collect()
            };
            tgt = Vec::new();
            for r in &condemned {
                tgt = foreign(roles::actors_in(s, actors, *r));
                if !tgt.is_empty() {
                    tgt_range = Some(*r);
                    break;
                }
            }
        }
        if obligation {
            // A speaker saying what its own side must do makes no demand on
            // anyone (`Finland's foreign minister said Helsinki had to
            // decide`).
            tgt.retain(|t| {
                !src.iter().any(|x| {
                    x.actor_id == t.actor_id || x.country.is_some() && x.country == t.country
                })
            });
        }
        // A condemned act named by a definite noun (`said that the
        // expulsion was regrettable`) is someone's act the article told:
        // the criticism stands, its target left to the article's pairing.
        let condemned_act = entry.kind == EntryKind::Cue
            && !obligation
            && src.iter().any(|x| x.country.is_some())
            && condemned.first().is_some_and(|&(lo, hi)| {
                (lo..=hi).any(|j| {
                    s.upos(j) == "NOUN"
                        && s.lemma_in(j, CONDEMNED_ACTS)
                        && s.kids[j].iter().any(|&d| {
                            s.rel(d) == "det" && matches!(s.lemma[d].as_str(), "the" | "this")
                        })
                })
            });
        // A reply that condemns no one foreign (`Zinoviev replied that
        // threats and blackmail against Russia were unacceptable`, `replied
        // that the allegations were baseless`) rebuffs what it answers: a
        // rejection, aimed at the accuser by `answers_accuser`.
        let rebuff = entry.kind == EntryKind::Cue
            && tgt.is_empty()
            && !obligation
            && code.code == "111"
            && matches!(entry.lemma.as_str(), "reply" | "respond")
            && src.iter().any(|x| x.country.is_some());
        if rebuff {
            code = self.lex.code("120")?;
        }
        if entry.kind == EntryKind::Cue && tgt.is_empty() && !condemned_act && !rebuff {
            return None;
        }
        if entry.kind != EntryKind::Cue && !condemned.is_empty() && tgt.is_empty() {
            // A statement that condemns no one foreign stays a statement.
            code = self.lex.code(&entry.cameo)?;
        }
        let hostile_act = root_of(&code.code) >= 13;
        if tgt.is_empty() && verbal && code.code.starts_with("13") {
            // A threat held out on a condition (`warned of very severe
            // consequences if Putin did not agree`) is made to whoever must
            // meet it.
            if let Some(r) = condition_subject(s, h.head) {
                tgt = roles::actors_in(s, actors, r)
                    .into_iter()
                    .filter(|t| t.country.is_some() && !src.iter().any(|x| x.country == t.country))
                    .collect();
                if !tgt.is_empty() {
                    tgt_range = Some(r);
                }
            }
        }
        // Criticism of what happens somewhere (`called the events in Gabon
        // deeply concerning`, `condemned the violence in Sudan`) is aimed
        // at the place's state, as a hostile act with no one named is.
        let situation = root_of(&code.code) == 11
            && verbal
            && s.kids[h.head]
                .iter()
                .any(|&k| s.rel(k) == "obj" && s.lemma_in(k, SITUATION_NOUNS));
        if tgt.is_empty() && (hostile_act || situation) {
            // A hostile act with no one named as its target: the place it
            // happens in (`blocked roads in Algiers`).
            if let Some((r, v)) = roles::place_target(s, actors, h.head, &src) {
                tgt = v;
                tgt_range = Some(r);
            }
        }
        let mut reciprocal = entry.reciprocal;
        let cooperative_root = (3..=6).contains(&root_of(&code.code));
        let two_states = src.iter().filter_map(|a| a.country.as_deref()).any(|c| {
            src.iter()
                .any(|b| b.country.as_deref().is_some_and(|d| d != c))
        });
        // Attending talks of others (`the ambassadors of the United States
        // and China attended the talks`) is no act between the attendees.
        let attends_talks = code.code.starts_with("04")
            && verbal
            && s.kids[h.head].iter().any(|&k| {
                s.rel(k) == "obj"
                    && s.lemma_in(k, &["talk", "negotiation", "meeting", "summit"])
                    && s.kids[k]
                        .iter()
                        .any(|&d| s.rel(d) == "det" && s.lemma[d] == "the")
            });
        // Mediators (045, 039) act between others, not with each other
        // (`a deal brokered by the United States and France`).
        let mediation = matches!(code.code.as_str(), "045" | "039");
        if tgt.is_empty()
            && src.len() >= 2
            && (each_other(s, h.head)
                || cooperative_root && two_states && !attends_talks && !mediation)
        {
            // `The leaders of Venezuela and Guyana promised not to use
            // force against each other`: the one party acts with the other.
            // So does a cooperative act of two states that names no one
            // else (`Hun Manet and Thailand's acting prime minister agreed
            // to a ceasefire`).
            tgt = src.split_off(1);
            reciprocal = true;
        }
        // `They discussed humanitarian aid` after `Merkel spoke by
        // telephone with Lukashenko`, `On Monday they had hit the port`
        // after `Israeli warplanes struck Sanaa's airport`: a main clause's
        // `they` is the pair the previous sentence joined in a cooperative
        // act, for a cooperative act, else the previous sentence's first
        // source that is no person.
        // `Both blamed Israel` after `Hamas and Iran's Revolutionary Guards
        // said ...`: the actors the previous sentence's subject listed.
        let both = src.is_empty()
            && !they.subjects.is_empty()
            && src_range.is_some_and(|(lo, hi)| {
                lo == hi && s.form[lo].eq_ignore_ascii_case("both")
                    || s.form[lo].eq_ignore_ascii_case("they")
                        && s.upos(lo) == "PRON"
                        && they.pair.is_none()
                        && they.source.is_none()
            })
            && main_clause(s, h.head);
        if both {
            src = they.subjects.clone();
            tgt.retain(|t| !src.iter().any(|x| x.country == t.country));
        }
        if src.is_empty()
            && src_range.is_some_and(|(lo, hi)| {
                lo == hi && s.form[lo].eq_ignore_ascii_case("they") && s.upos(lo) == "PRON"
            })
            && main_clause(s, h.head)
        {
            match &they.pair {
                Some((a, b))
                    if (cooperative_root || reciprocal)
                        && tgt.iter().all(|t| t.actor_id == b.actor_id) =>
                {
                    src = vec![a.clone()];
                    tgt = vec![b.clone()];
                    reciprocal = true;
                }
                _ => {
                    if let Some(v) = &they.source {
                        src = v.clone();
                        tgt.retain(|t| !src.iter().any(|x| x.country == t.country));
                    }
                }
            }
        }
        // `with each side accusing the other`: the two sides of the last
        // reciprocal event (`Thai and Cambodian troops clashed`), the one
        // acting on the other.
        if let (Some(r), Some((a, b))) = (src_range, last_reciprocal) {
            if src.is_empty() && roles::is_each_side(s, r) {
                src = vec![a.clone()];
                tgt = vec![b.clone()];
                reciprocal = true;
            }
        }
        // `The two sides agreed`: the last pair of countries the document
        // joined in an event. The phrase refers back to the pair even when
        // the actor layer reads a generic group into it (`The Foreign
        // Ministers` as ministers of a country named nearby).
        if src.is_empty() || src_range.is_some_and(|r| roles::is_pair_phrase(s, r)) {
            if let (Some(r), Some((a, b))) = (src_range, pair) {
                if roles::is_pair_phrase(s, r) {
                    if !tgt.is_empty() && h.tgt.is_some() {
                        // The pattern's own target slot named a third
                        // party: both act on it (`the two ministers thanked
                        // China`, `the two sides met with Iran`).
                        src = vec![a.clone(), b.clone()];
                        src.retain(|x| !tgt.iter().any(|t| t.actor_id == x.actor_id));
                    } else {
                        // Else the one party acts with the other.
                        src = vec![a.clone()];
                        tgt = vec![b.clone()];
                        reciprocal = true;
                    }
                }
            }
        }
        // `urged both sides to exercise restraint`, `spoke to the leaders
        // of both countries`: a pair phrase in the target slot is the last
        // pair; and a welcome or praise of an agreement that names no party
        // (`Rubio welcomed the Putrajaya agreement`) is addressed to the
        // pair that made it; and so are `the talks` others attended.
        if let Some((a, b)) = pair {
            let pair_target = tgt_range.is_some_and(|r| roles::is_pair_phrase(s, r));
            let agreement = tgt.is_empty()
                && code.code.starts_with("05")
                && s.kids[h.head]
                    .iter()
                    .any(|&k| s.rel(k) == "obj" && s.lemma_in(k, AGREEMENT_NOUNS));
            if pair_target || agreement || attends_talks && tgt.is_empty() {
                let mut t = vec![a.clone(), b.clone()];
                t.retain(|x| !src.iter().any(|y| y.actor_id == x.actor_id));
                if !t.is_empty() {
                    tgt = t;
                }
            }
        }
        // Event data are dyadic: an event needs a source actor (as in
        // TABARI and PETRARCH); the target may be unknown. The exception
        // is an agentless act: a conflictual act done to a named target by
        // no one the sentence names (`the journalist was killed`, `he was
        // accused of fraud`, `supporters of the jailed leader blocked
        // roads in Algiers`), kept with a null source. An active verb
        // needs a subject of its own (not a participle: `a resolution
        // barring arms transfers`).
        let agentless = verbal
            && !tgt.is_empty()
            && agentless_act(&code.code, passive)
            && (passive || roles::subject(s, h.head).is_some());
        if src.is_empty() && !agentless {
            return None;
        }
        if code.code == "150"
            && tgt.iter().all(|t| t.country.is_none())
            && src.len() >= 2
            && src.iter().all(|a| a.country.is_some())
            && src.iter().any(|a| a.country != src[0].country)
        {
            // Drills held together by forces of two countries (`French
            // and Egyptian warships launched war games`) are military
            // cooperation between them, not a show of force.
            if let Some(c) = self.lex.code("062") {
                code = c;
                reciprocal = true;
                tgt = src.split_off(1);
            }
        }
        // A symmetric event of a coordinated subject is between its
        // members; a target that names no country or coded actor (`discussed
        // the situation on the Korean Peninsula`) is its topic, not a party.
        if entry.reciprocal
            && src.len() >= 2
            && tgt.iter().all(|t| t.country.is_none() && t.code.is_none())
        {
            tgt = src.split_off(1);
        } else if !entry.reciprocal && h.src.is_some() && h.tgt.is_some() && !verbal {
            reciprocal = false;
        }
        // A demand by a that-clause needs a mandative clause (`demanded that
        // he resign`, `insisted that Seoul must`), not a statement of fact
        // (`insisted that the claims were baseless`). Verbs of demanding
        // make any that-clause a demand (`demanded that its partners
        // refuse`, where the subjunctive looks like a present tense). An
        // agreement by a that-clause is one on what should be done
        // (`agreed that their armies should pull back`), not on a fact.
        if (code.code.starts_with("10")
            || code.code.starts_with("02")
            || code.code.starts_with("03"))
            && !matches!(entry.lemma.as_str(), "demand" | "request" | "ask")
            && entry
                .pattern
                .iter()
                .any(|it| matches!(it, dyads_lexicon::events::Item::Word(w) if w.iter().any(|x| x == "that")))
            && !speech::mandative_clause(s, h.head)
        {
            return None;
        }
        // An agreement by a that-clause needs the clause (`the sanctions
        // were agreed by the ministers` has none).
        if code.code.starts_with("03")
            && entry.pattern.iter().any(
                |it| matches!(it, dyads_lexicon::events::Item::Word(w) if w.iter().any(|x| x == "that")),
            )
            && !s.kids[h.head]
                .iter()
                .any(|&k| k > h.head && s.rel(k) == "ccomp")
            && !(h.head + 1..s.len().min(h.head + 6)).any(|j| s.form[j] == "that")
        {
            return None;
        }
        if verbal && no_longer(s, h.head) {
            // `is no longer supplying weapons to Ukraine`: a cooperative
            // act stopped is a cut in relations or aid (CAMEO 16).
            let cut = match code.code.get(..3).unwrap_or("") {
                "071" => Some("1621"),
                "072" => Some("1622"),
                "073" => Some("1623"),
                c if c.starts_with("07") => Some("162"),
                c if c.starts_with("06") => Some("161"),
                c if c.starts_with("04") || c.starts_with("05") || c.starts_with("08") => {
                    Some("160")
                }
                _ => None,
            };
            if let Some(c) = cut.and_then(|c| self.lex.code(c)) {
                code = c;
            }
        }
        let mut modality = modality::of(s, h.head, inner);
        if modality == Modality::Asserted
            && verbal
            && habitual_present(s, h.head, &code.code, dates)
        {
            modality = Modality::Hypothetical;
        }
        if modality == Modality::Asserted && verbal && standing_stance(s, h.head) {
            modality = Modality::Historical;
        }
        let mut date = event_date(s, dates, h.head, narrative);
        // What is told as done cannot have happened after the report: a
        // later date in the sentence belongs to something else (`attended
        // the talks ... would meet next week`); the narrative's stands in.
        let after_report =
            |d: &dyads_time::EventDate| matches!((d.start, published), (Some(a), Some(p)) if a > p);
        // ... unless told in the simple present of a timetable (`Trump
        // travels to Saudi Arabia next week`): an act scheduled for then.
        let scheduled = modality == Modality::Asserted
            && verbal
            && matches!(s.p.tokens[h.head].xpos, "VBZ" | "VBP")
            && !s.kids[h.head]
                .iter()
                .any(|&k| s.rel(k).starts_with("aux") || s.upos(k) == "AUX");
        if modality == Modality::Asserted && date.as_ref().is_some_and(after_report) {
            if scheduled {
                modality = Modality::Future;
            } else if let Some(d) = date
                .as_ref()
                .and_then(|d| year_back(s.text, d))
                .filter(|d| !after_report(d))
            {
                // `meeting Putin at the Kremlin in January`, told as done in
                // November: the January before, not the one to come.
                date = Some(d);
            } else {
                date = narrative.filter(|d| !after_report(d)).cloned();
            }
        }
        let date = date.as_ref();
        // An undated act of an `after` clause happened before the main
        // clause's act: when that is old background, so is it (`in April,
        // when Iran fired drones at Israel after an Israeli strike killed
        // several commanders`).
        let before_main = || {
            let c = dates::temporal_clause(s, h.head)?;
            let after = s.kids[c].iter().any(|&k| {
                s.rel(k) == "mark"
                    && matches!(s.form[k].to_lowercase().as_str(), "after" | "before")
            });
            after
                .then(|| narrative_date(s, dates.to_vec()))
                .flatten()
                .and_then(|d| d.end)
        };
        let end = date.and_then(|d| d.end).or_else(|| {
            (date.is_none() && modality == Modality::Asserted)
                .then(before_main)
                .flatten()
        });
        let mut modality = match (modality, end, published) {
            (Modality::Asserted, Some(end), Some(p))
                if end.to_days() + HISTORICAL_DAYS < p.to_days() =>
            {
                Modality::Historical
            }
            (m, _, _) => m,
        };
        // A nominal event that only refers to an event inside a noun
        // phrase (`Choe's visit to Russia`, `during talks`, `the agreement
        // between A and B` as a modifier) is no assertion of its own: it is kept only when its
        // modality says something else about it (planned, background).
        let held = code.code.starts_with("04") && roles::talks_held(s, h.head);
        if !verbal
            && modality == Modality::Asserted
            && !roles::nominal_predicated(s, h.head)
            && !held
        {
            return None;
        }
        // Not ruling out force (`did not rule out military action against
        // Panama`) keeps it on the table: a threat of force (138).
        let force_words = [
            "force",
            "action",
            "strike",
            "attack",
            "intervention",
            "invasion",
        ];
        if modality == Modality::Negated
            && entry.lemma == "rule"
            && code.code.starts_with("12")
            && s.kids[h.head]
                .iter()
                .any(|&k| s.rel(k) == "obj" && s.lemma_in(k, &force_words))
        {
            if let Some(c) = self.lex.code("138") {
                code = c;
                modality = Modality::Asserted;
            }
        }
        // An announced refusal: a cooperative act the source says it will
        // or would not do (`said it will not accept more refugees`, `would
        // not meet the kidnappers' demands`) is a rejection (CAMEO 12),
        // asserted as said.
        let (modality, rejected) = match reject_code(&code.code) {
            Some(c) if modality == Modality::Negated && modality::own_prospect(s, h.head) => {
                match self.lex.code(c) {
                    Some(c) => {
                        code = c;
                        (Modality::Asserted, true)
                    }
                    None => (modality, false),
                }
            }
            _ => (modality, false),
        };
        // Forces getting ready to strike (`the army prepared to resume
        // shelling`) show force (CAMEO 150): the preparation is the act,
        // not the strike it readies.
        let (modality, mut announced) = if modality == Modality::Future
            && hostile_force(&code.code)
            && modality::preparing(s, h.head)
            && !modality::unless_condition(s, h.head)
        {
            match self.lex.code("150") {
                Some(c) => {
                    code = c;
                    (Modality::Asserted, false)
                }
                None => (modality, rejected),
            }
        } else {
            (modality, rejected)
        };
        // An act held out unless the other side does something is a threat
        // (CAMEO 13: `will withdraw its troops unless the rebels disarm`),
        // whatever the act itself.
        let conditional = matches!(modality, Modality::Future | Modality::Hypothetical)
            && !code.code.starts_with("13")
            && !code.code.starts_with("10")
            && !code.code.starts_with("02")
            && modality::unless_condition(s, h.head);
        if conditional {
            if let Some(c) = threat_code(&code.code)
                .or(Some("130"))
                .and_then(|c| self.lex.code(c))
            {
                code = c;
                announced = true;
            }
        } else if modality == Modality::Future && !modality::forecast(s, h.head) {
            // CAMEO codes a cooperative act announced for the future as an
            // expression of intent (root 03); someone else's forecast of it
            // (`experts believe Putin will visit Pyongyang`) keeps its own
            // code.
            if let Some(c) = intent_code(&code.code).and_then(|c| self.lex.code(c)) {
                code = c;
                announced = true;
            }
        }
        if matches!(modality, Modality::Future | Modality::Hypothetical)
            && modality::own_prospect(s, h.head)
        {
            // ... and a hostile one announced or held out as a condition
            // (`will withdraw its force unless`, `would blockade Paris`,
            // `sanctions could be imposed`) as a threat (root 13).
            if let Some(c) = threat_code(&code.code).and_then(|c| self.lex.code(c)) {
                code = c;
                announced = true;
            }
        }
        // An intent or a threat happens when it is expressed: in a reported
        // clause its date is the report's (`On September 23 Lavrov announced
        // that he would visit North Korea in October`), not the act's.
        let date = match (announced, s.p.root()) {
            (true, Some(r)) if r != h.head && s.dominates(r, h.head) => {
                let hs = s.p.tokens[h.head].span.start;
                let rs = i64::from(s.p.tokens[r].span.start);
                dates
                    .iter()
                    .filter(|d| d.start.is_some() && d.span.start < hs)
                    .min_by_key(|d| (i64::from(d.span.start) - rs).abs())
                    .or(narrative.filter(|_| !dates.iter().any(|d| d.start.is_some())))
                    .or(date)
            }
            _ => date,
        };
        // A state's or a government's protest is an official complaint
        // (114: `Japan protested against the launch`), not a demonstration
        // (141), which is civilians' (`Bangladeshi students protested`).
        if code.code.starts_with("14")
            && entry.lemma == "protest"
            && !src.is_empty()
            && src.iter().all(|a| a.country.is_some())
            && src_range.is_some_and(|r| official_subject(s, r))
        {
            code = self.lex.code("114")?;
        }
        // A consultation (root 04: a visit, call, meeting) is with someone: a
        // visit to a park or a meeting with no named counterpart is no
        // dyadic event.
        // Military cooperation with no partner is a build-up of one's own
        // force (`Iran trained fighters capable of attacking Israel`: 154,
        // against whom it is aimed).
        if code.code.starts_with("062") && tgt.is_empty() && verbal && !reciprocal {
            if let Some(c) = self.lex.code("154") {
                code = c;
                if let Some(r) = roles::object_target(s, actors, h.head, false) {
                    tgt = roles::actors_in(s, actors, r);
                    tgt_range = Some(r);
                }
            }
        }
        // Talking to a newspaper or a broadcaster (`speaking to France 24
        // in an interview`) is an interview, not a consultation.
        if code.code.starts_with("04") {
            tgt.retain(|t| t.sector.as_deref() != Some("MED"));
        }
        // A mediation that names no parties (`a ceasefire mediated by
        // Oman`, `after talks in Doha mediated by Qatar and Turkey`) is
        // between the other states the sentence names.
        if code.code == "045" && h.tgt.is_none() {
            tgt = mediated_parties(s, actors, &src);
        }
        // Other material cooperation (root 06) needs a partner too.
        if (code.code.starts_with("04") || code.code.starts_with("06") && !reciprocal)
            && tgt.is_empty()
            && entry.has_slot(dyads_lexicon::events::Slot::Tgt)
            && modality == Modality::Asserted
        {
            return None;
        }
        let mut lo = h.words.iter().copied().min().unwrap_or(h.head);
        let mut hi = h.words.iter().copied().max().unwrap_or(h.head);
        for (a, b) in [src_range, tgt_range].into_iter().flatten() {
            lo = lo.min(a);
            hi = hi.max(b);
        }
        let ev = s.span(lo, hi);
        Some(Event {
            id: format!("{doc_id}:{si}:{n}"),
            doc_id: doc_id.to_string(),
            sentence: si,
            evidence: Evidence {
                start: ev.start as usize,
                end: ev.end as usize,
            },
            source: Actors::from_vec(src),
            target: Actors::from_vec(tgt),
            cameo: code.code.clone(),
            plover: self.lex.plover_type(&code.code).map(str::to_string),
            mode: code.plover_mode.clone(),
            context: (!code.plover_context.is_empty()).then(|| code.plover_context.join("; ")),
            goldstein: code.goldstein,
            quad: code.quad,
            modality,
            reciprocal,
            date: date.and_then(|d| d.start).map(|d| d.to_string()),
            date_end: date.and_then(|d| d.end).map(|d| d.to_string()),
            date_precision: date.map_or("unknown", |d| d.precision.as_str()).to_string(),
            location: None,
            quote: None,
            rule: entry.id.clone(),
        })
    }
}

/// Whether an act coded `code` may stand without a source: material
/// conflict (roots 14 to 20), and in the passive voice, where the agent is
/// left out by construction, also verbal conflict (09, 11 to 13).
/// Whether `code` is a use of force (CAMEO 18 assault, 19 fight, 20 mass
/// violence).
pub(crate) fn hostile_force(code: &str) -> bool {
    matches!(code.get(..2), Some("18" | "19" | "20"))
}

/// Whether `help` at `head` only carries the verb after it (`to help
/// support the rights of refugees`, `helped end the strike`): no object of
/// its own and a bare infinitive, which is the event.
fn catenative_help(s: &Sent<'_>, head: usize) -> bool {
    !s.kids[head]
        .iter()
        .any(|&k| matches!(s.rel(k), "obj" | "iobj"))
        && s.kids[head].iter().any(|&k| {
            k > head
                && s.rel(k) == "xcomp"
                && s.p.tokens[k].xpos == "VB"
                && !s.kids[k].iter().any(|&m| m < k && s.form[m] == "to")
        })
}

/// Whether the verb at `head` is negated by `no longer` (`is no longer
/// supplying`, `no longer recognises`).
fn no_longer(s: &Sent<'_>, head: usize) -> bool {
    (head.saturating_sub(4)..head).any(|j| {
        s.form[j].eq_ignore_ascii_case("no")
            && s.form.get(j + 1).is_some_and(|w| w == "longer")
            && (j + 2..head).all(|m| matches!(s.upos(m), "AUX" | "ADV" | "PART"))
    })
}

/// The subject of the condition of an act the warning at `head` holds out:
/// its clause has a modal (`could`, `would`, `will`, `might`) and an `if`
/// or `unless` clause whose subject is returned (`warned that Poland could
/// add more products to the list if Kyiv escalated the dispute`: `Kyiv`).
/// `Some(None)` when the condition has no subject phrase.
fn conditional_own_act(s: &Sent<'_>, head: usize) -> Option<Option<(usize, usize)>> {
    s.kids[head]
        .iter()
        .filter(|&&c| s.rel(c) == "ccomp")
        .find_map(|&c| {
            let modal = s.kids[c].iter().any(|&k| {
                s.rel(k).starts_with("aux")
                    && matches!(
                        s.form[k].as_str(),
                        "could" | "would" | "will" | "might" | "'ll"
                    )
            });
            if !modal {
                return None;
            }
            let cond = s.kids[c].iter().copied().find(|&a| {
                s.rel(a) == "advcl"
                    && s.kids[a].iter().any(|&m| {
                        s.rel(m) == "mark" && matches!(s.lemma[m].as_str(), "if" | "unless")
                    })
            })?;
            Some(roles::subject(s, cond))
        })
}

/// The states of sentence `s` a mediator brings together: every actor with
/// a country the sentence names outside the mediators' own countries, one
/// per country.
fn mediated_parties(s: &Sent<'_>, actors: &DocActors, mediators: &[ActorRef]) -> Vec<ActorRef> {
    let mut out: Vec<ActorRef> = Vec::new();
    if s.dateline >= s.len() {
        return out;
    }
    let span = s.span(s.dateline, s.len() - 1);
    for m in actors.at(span) {
        if roles::locative(s, m.span.start as usize) {
            continue;
        }
        let Some(a) = actors.actors.get(m.actor) else {
            continue;
        };
        let Some(c) = &a.country else {
            continue;
        };
        if mediators.iter().any(|x| x.country.as_ref() == Some(c))
            || out.iter().any(|o| o.country.as_ref() == Some(c))
        {
            continue;
        }
        out.push(ActorRef::of(a, m.span.slice(s.text)));
    }
    out
}

/// The subject of a condition (`if` or `unless` clause) inside the phrase
/// of the verb at `head`.
fn condition_subject(s: &Sent<'_>, head: usize) -> Option<(usize, usize)> {
    let (lo, hi) = s.subtree(head);
    (lo..=hi).find_map(|j| {
        if s.rel(j) != "mark" || !matches!(s.lemma[j].as_str(), "if" | "unless") {
            return None;
        }
        let v = s.head(j)?;
        (v == head || s.dominates(head, v))
            .then(|| roles::subject(s, v))
            .flatten()
    })
}

/// Nouns of acts a speaker may condemn by a definite reference (`the
/// expulsion was regrettable`).
const CONDEMNED_ACTS: &[&str] = &[
    "expulsion",
    "decision",
    "move",
    "strike",
    "attack",
    "raid",
    "arrest",
    "detention",
    "sanction",
    "tariff",
    "measure",
    "deployment",
    "remark",
    "statement",
    "killing",
    "seizure",
    "incursion",
];

/// Verbs that react to or talk about an act rather than take part in it:
/// their subject is not the source of a nominal event they govern.
const REACTION_VERBS: &[&str] = &[
    "object",
    "condemn",
    "criticize",
    "criticise",
    "protest",
    "denounce",
    "reject",
    "oppose",
    "deplore",
    "slam",
    "welcome",
    "praise",
    "discuss",
    "respond",
    "react",
    "note",
    "mention",
    "report",
    "describe",
    "call",
    "accuse",
    "blame",
    "fear",
    "expect",
    "await",
    "question",
    "dismiss",
    "deny",
    "investigate",
    "monitor",
    "watch",
    "track",
    "decry",
    "regret",
    "mourn",
];

/// Nouns for what is happening somewhere, whose place a criticism of them
/// is aimed at (`the events in Gabon`).
const SITUATION_NOUNS: &[&str] = &[
    "event",
    "situation",
    "development",
    "violence",
    "unrest",
    "crackdown",
    "coup",
    "killing",
    "bloodshed",
    "repression",
    "fighting",
];

/// Whether the clause of the event at `head` says `each other` or `one
/// another` (in its subtree).
fn each_other(s: &Sent<'_>, head: usize) -> bool {
    let (lo, hi) = s.subtree(head);
    (lo..hi.min(s.len().saturating_sub(1))).any(|j| {
        matches!(
            (
                s.form[j].to_ascii_lowercase().as_str(),
                s.form[j + 1].to_ascii_lowercase().as_str()
            ),
            ("each", "other") | ("one", "another")
        ) && (j == head || s.dominates(head, j))
    })
}

/// Whether the verb at `head` has an object and a second noun or adjective
/// predicated of it (`called the gunmen a professional unit`, `called the
/// vote illegal`).
fn names_object(s: &Sent<'_>, head: usize) -> bool {
    // A relative pronoun opening the clause is its object, however the
    // parser hung it (`Putin, whom he called "a lying, murderous
    // dictator"`).
    let relative_object = s.rel(head) == "acl:relcl"
        && (s.kids[head]
            .iter()
            .any(|&k| k < head && matches!(s.form[k].to_lowercase().as_str(), "whom" | "which"))
            // `over what it called Ortega's disregard`: `what` heads it.
            || s.head(head).is_some_and(|w| {
                w < head && matches!(s.form[w].to_lowercase().as_str(), "what" | "which")
            }));
    let objects = s.kids[head]
        .iter()
        .filter(|&&k| s.rel(k) == "obj" && matches!(s.upos(k), "NOUN" | "PROPN" | "PRON"))
        .count()
        + usize::from(relative_object);
    // ... or read as a bare oblique (`called Sharmahd a terrorist`).
    let indefinite = |k: usize| {
        s.rel(k) == "obl:unmarked"
            && s.upos(k) == "NOUN"
            && s.kids[k].iter().any(|&d| {
                d < k
                    && s.rel(d) == "det"
                    && matches!(s.form[d].to_lowercase().as_str(), "a" | "an")
            })
    };
    let predicate = s.kids[head].iter().any(|&k| {
        indefinite(k)
            || s.rel(k) == "xcomp"
                && (matches!(s.upos(k), "NOUN" | "ADJ")
                    || s.kids[k]
                        .iter()
                        .any(|&d| d < k && s.rel(d) == "det" && s.upos(d) == "DET"))
    });
    // The parser may read the predicate as a conjunct of the object with
    // neither a conjunction nor a comma (`called [the protesters] [foreign
    // agents]`).
    let bare_conjunct = s.kids[head]
        .iter()
        .filter(|&&k| s.rel(k) == "obj")
        .any(|&o| {
            s.kids[o].iter().any(|&c| {
                c > o
                    && s.rel(c) == "conj"
                    && !s.kids[c]
                        .iter()
                        .any(|&m| matches!(s.rel(m), "cc" | "punct"))
            })
        });
    // Or it hangs the adjective elsewhere altogether (`for calling
    // Sanchez's wife corrupt`): an adjective right after the object.
    let adjective_after = s.kids[head]
        .iter()
        .filter(|&&k| s.rel(k) == "obj")
        .any(|&o| {
            let (_, end) = s.subtree(o);
            end + 1 < s.len()
                && s.p.tokens[end + 1].xpos == "JJ"
                && !s.lemma_in(end + 1, &["late", "early", "last", "next"])
                && s.head(end + 1) != Some(end + 2)
        });
    objects >= 2 || objects == 1 && (predicate || bare_conjunct || adjective_after)
}

fn agentless_act(code: &str, passive: bool) -> bool {
    let root = root_of(code);
    (14..=20).contains(&root) || (passive && (root == 9 || (11..=13).contains(&root)))
}

/// The two parties of a cooperative event between actors of two countries
/// (what a later `the two sides` refers to).
fn cooperative_pair(e: &Event) -> Option<(ActorRef, ActorRef)> {
    match (&e.source, &e.target, e.quad) {
        (Some(Actors::One(a)), Some(Actors::One(b)), 1 | 2)
            if a.country.is_some() && b.country.is_some() && a.country != b.country =>
        {
            Some((a.clone(), b.clone()))
        }
        _ => None,
    }
}

/// The two sides of a reciprocal event between two countries, one actor
/// each.
fn reciprocal_pair(e: &Event) -> Option<(ActorRef, ActorRef)> {
    match (&e.source, &e.target) {
        (Some(Actors::One(a)), Some(Actors::One(b)))
            if e.reciprocal
                && a.country.is_some()
                && b.country.is_some()
                && a.country != b.country =>
        {
            Some((a.clone(), b.clone()))
        }
        _ => None,
    }
}

/// The members of an event's side when they are three or more actors of as
/// many states (`Poland, Hungary and Slovakia`).
fn state_list(side: Option<&Actors>) -> Option<Vec<ActorRef>> {
    let m = side?.members();
    let mut countries: Vec<&str> = m.iter().filter_map(|a| a.country.as_deref()).collect();
    countries.sort_unstable();
    countries.dedup();
    (m.len() >= 3 && countries.len() == m.len()).then(|| m.to_vec())
}

/// Of the pairs cooperative events joined (sentence, the two sides), the
/// one with the most weight at sentence `si`: each mention of a pair of
/// countries, in either order, weighs `1 / (1 + d)` for its distance of
/// `d` sentences; ties go to the latest.
fn weighted_pair(pairs: &[(usize, ActorRef, ActorRef)], si: usize) -> Option<(ActorRef, ActorRef)> {
    let keys: Vec<(Option<&str>, Option<&str>)> = pairs
        .iter()
        .map(|(_, a, b)| {
            let (x, y) = (a.country.as_deref(), b.country.as_deref());
            if x <= y {
                (x, y)
            } else {
                (y, x)
            }
        })
        .collect();
    let mut best: Option<(f32, usize)> = None;
    for (n, k) in keys.iter().enumerate() {
        let w: f32 = keys
            .iter()
            .zip(pairs)
            .filter(|(k2, _)| *k2 == k)
            .map(|(_, (t, _, _))| 1.0 / (1.0 + si.abs_diff(*t) as f32))
            .sum();
        if best.is_none_or(|(bw, _)| w >= bw) {
            best = Some((w, n));
        }
    }
    let (_, a, b) = pairs.get(best?.1)?;
    Some((a.clone(), b.clone()))
}

/// What a main clause's `they` or `both` may stand for in sentence `si`:
/// the pair a cooperative event of the previous sentence joined, the
/// source of the previous sentence's first event whose source is no
/// person, and the actors of two or more countries the previous
/// sentence's main subject names (`Hamas and Iran's Revolutionary Guards
/// said ...`).
pub(crate) struct TheyReferent {
    pair: Option<(ActorRef, ActorRef)>,
    source: Option<Vec<ActorRef>>,
    subjects: Vec<ActorRef>,
}

impl TheyReferent {
    /// No referent.
    fn none() -> TheyReferent {
        TheyReferent {
            pair: None,
            source: None,
            subjects: Vec::new(),
        }
    }

    fn before(
        out: &[Event],
        pairs: &[(usize, ActorRef, ActorRef)],
        actors: &DocActors,
        si: usize,
        prev_parsed: Option<&ParsedSentence>,
        text: &str,
    ) -> TheyReferent {
        let subjects = prev_parsed
            .map(|p| {
                let s = Sent::new(p, text);
                let Some(root) = (0..s.len()).find(|&k| s.head(k).is_none()) else {
                    return Vec::new();
                };
                let Some(r) = roles::subject(&s, root) else {
                    return Vec::new();
                };
                let v = roles::actors_in(&s, actors, r);
                let mut countries: Vec<&str> =
                    v.iter().filter_map(|a| a.country.as_deref()).collect();
                countries.sort_unstable();
                countries.dedup();
                if v.len() >= 2 && countries.len() >= 2 && v.iter().all(|a| a.country.is_some()) {
                    v
                } else {
                    Vec::new()
                }
            })
            .unwrap_or_default();
        let prev = si.checked_sub(1);
        // Both lists are in sentence order: only their tails are read.
        let pair = pairs
            .iter()
            .rev()
            .take_while(|(sj, _, _)| prev.is_some_and(|p| *sj >= p))
            .find(|(sj, _, _)| Some(*sj) == prev)
            .map(|(_, a, b)| (a.clone(), b.clone()));
        let person = |a: &ActorRef| {
            actors
                .actors
                .iter()
                .any(|x| x.id == a.actor_id && x.kind == "person")
        };
        let from = out
            .iter()
            .rposition(|e| prev.is_none_or(|p| e.sentence < p))
            .map_or(0, |k| k + 1);
        let source = out[from..]
            .iter()
            .filter(|e| Some(e.sentence) == prev)
            .find_map(|e| e.source.as_ref())
            .map(|a| a.members().to_vec())
            .filter(|v| !v.is_empty() && !v.iter().any(person));
        TheyReferent {
            pair,
            source,
            subjects,
        }
    }
}

/// Whether the verb at `h` heads the sentence's main clause (the root, or
/// a verb coordinated with it, or the clause a speech verb after it
/// reports: `They discussed aid, his office said`), not a reported or
/// subordinate clause.
fn main_clause(s: &Sent<'_>, h: usize) -> bool {
    let mut k = h;
    for _ in 0..6 {
        match s.head(k) {
            None => return true,
            Some(p) if s.rel(k) == "conj" => k = p,
            Some(p)
                if matches!(s.rel(k), "ccomp" | "parataxis")
                    && p > k
                    && s.lemma_in(p, crate::quotes::reported::SPEECH_VERBS) =>
            {
                k = p
            }
            Some(_) => return false,
        }
    }
    false
}
