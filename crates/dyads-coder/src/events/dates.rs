//! Dates of events: which time expression of a sentence dates an event,
//! which moves the narrative time, and which belong to something else (a
//! report phrase, a participle clause, a noun).

use dyads_text::Span;

use super::sentence::Sent;

/// Whether an undated sentence takes the last date of earlier paragraphs
/// (not only of its own paragraph).
pub(crate) const NARRATIVE_ACROSS_PARAGRAPHS: bool = true;

/// An asserted event dated to end more than this many days before the
/// publication date is reported background (`historical`).
pub(crate) const HISTORICAL_DAYS: i64 = 180;

/// Whether a date in another finite clause is kept from the event.
const OTHER_CLAUSE: bool = true;

/// Whether the date expression at `span` lies inside a gerund or
/// participle clause that is not the event's own and does not govern it:
/// the first verb above the date is such a clause's.
fn in_other_clause(s: &Sent<'_>, span: Span, head: usize) -> bool {
    let Some(mut t) = s.first_token(span) else {
        return false;
    };
    for _ in 0..8 {
        let Some(p) = s.head(t) else { return false };
        if p == head || s.dominates(p, head) {
            return false;
        }
        if s.is_verb(p) && s.rel(p) == "xcomp" && s.p.tokens[p].xpos == "VB" {
            // An infinitive (`helping Ukraine carry out strikes in
            // December`) belongs to the clause it completes: go on up.
            t = p;
            continue;
        }
        if s.is_verb(p) {
            // A participle with a subject of its own is a finite clause
            // the tagger misread (`When the three men met on Friday,`).
            let own_subject =
                !s.rel(p).starts_with("acl") && s.kids[p].iter().any(|&k| s.rel(k) == "nsubj");
            // A participle clause fronted before the main clause
            // (`Speaking on Friday in Tirana, Zelensky said ..., and he
            // later spoke by phone with Trump`) dates all of the sentence.
            let fronted = s.rel(p) == "advcl"
                && s.head(p)
                    .is_some_and(|r| p < r && s.rel(r) == "root" && s.dominates(r, head));
            if matches!(s.p.tokens[p].xpos, "VBG" | "VBN")
                && s.rel(p) != "root"
                && !own_subject
                && !fronted
            {
                return true;
            }
            // A clause joined as a conjunct of its own on the way up to the
            // event (`attended the talks, and Anwar said the committee would
            // meet next week`) tells another act at another time.
            return OTHER_CLAUSE && conjunct_clause_between(s, p, head);
        }
        t = p;
    }
    false
}

/// Whether the path up from verb `p` to the first token that is `head` or
/// governs it passes through a verb joined as a conjunct or parataxis.
fn conjunct_clause_between(s: &Sent<'_>, p: usize, head: usize) -> bool {
    let mut c = p;
    for _ in 0..12 {
        if c == head || s.dominates(c, head) {
            return false;
        }
        if s.is_verb(c) && matches!(s.rel(c), "conj" | "parataxis") {
            // A conjunct sharing the event's subject (`broke off relations
            // with Taiwan and recognised China on Thursday`) tells the
            // same moment; one with a subject of its own, another act.
            let shared = s.rel(c) == "conj"
                && !s.kids[c].iter().any(|&k| s.rel(k).starts_with("nsubj"))
                && s.kids[c].iter().any(|&k| s.rel(k) == "cc")
                && s.head(c) == Some(head);
            return !shared;
        }
        let Some(up) = s.head(c) else {
            return false;
        };
        c = up;
    }
    false
}

/// The byte range of an `according to X` phrase, up to the next comma or
/// the end of the sentence.
fn report_phrase(s: &Sent<'_>) -> Option<(u32, u32)> {
    let a = (0..s.len().saturating_sub(1))
        .find(|&j| s.form[j] == "according" && s.form[j + 1] == "to")?;
    let end = (a + 2..s.len())
        .find(|&j| s.form[j] == ",")
        .unwrap_or(s.len() - 1);
    Some((s.p.tokens[a].span.start, s.p.tokens[end].span.start))
}

/// Whether a material act (roots 06-08, 14-20) is told in the simple
/// present in a full sentence with no date (`Washington sends more
/// warships and holds exercises near our coast`): what an actor habitually does, no
/// particular event. A headline (no closing stop) uses the present for
/// the news itself and is left alone.
pub(crate) fn habitual_present(
    s: &Sent<'_>,
    head: usize,
    code: &str,
    dates: &[dyads_time::EventDate],
) -> bool {
    let root = super::codes::root_of(code);
    let material = (6..=8).contains(&root) || (14..=20).contains(&root);
    let closed = (0..s.len())
        .rev()
        .find(|&j| {
            !matches!(
                s.form[j].as_str(),
                // (a lone `’` is empty in canonical form)
                "\"" | "\u{201d}" | "'" | "" | ")"
            )
        })
        .is_some_and(|j| matches!(s.form[j].as_str(), "." | "!"));
    material
        && closed
        && matches!(s.p.tokens[head].xpos, "VBZ" | "VBP")
        && !s.kids[head]
            .iter()
            .any(|&k| s.rel(k).starts_with("aux") || s.upos(k) == "AUX")
        && dates.iter().all(|d| d.start.is_none())
}

/// Whether the verb at `head` states a standing position or a long course
/// rather than an act of the news: `always`, `long` or `consistently` on a
/// present or present perfect (`Iran has always denied seeking nuclear
/// weapons`, `Rwanda long denies`), or a perfect that lasted years (`the
/// two countries had fought for 35 years`). Such a stance is background.
pub(crate) fn standing_stance(s: &Sent<'_>, head: usize) -> bool {
    let perfect = s.kids[head]
        .iter()
        .any(|&k| s.rel(k) == "aux" && matches!(s.lemma[k].as_str(), "have"));
    let present = matches!(s.p.tokens[head].xpos, "VBZ" | "VBP");
    let always = s.kids[head].iter().any(|&k| {
        s.rel(k) == "advmod"
            && matches!(
                s.form[k].to_ascii_lowercase().as_str(),
                "always" | "long" | "consistently"
            )
    });
    let for_years = s.kids[head].iter().any(|&k| {
        s.rel(k) == "obl"
            && s.lemma_in(k, &["year", "decade", "century"])
            && s.kids[k]
                .iter()
                .any(|&c| s.rel(c) == "case" && s.form[c].eq_ignore_ascii_case("for"))
    });
    (present || perfect && s.p.tokens[head].xpos == "VBN") && always
        || perfect && s.p.tokens[head].xpos == "VBN" && for_years
}

/// Whether the date expression at `span` modifies a noun as a prenominal
/// or prepositional modifier (`the traditional April festival`, `the
/// agreements of September`) rather than the clause.
fn modifies_noun(s: &Sent<'_>, span: Span) -> bool {
    let Some(first) = s.first_token(span) else {
        return false;
    };
    // A day after `on` (`ended their summit in Alaska on Friday`) times the
    // clause, wherever the parse hangs it.
    if first > 0 && s.form[first - 1].eq_ignore_ascii_case("on") {
        return false;
    }
    let mut h = first;
    for _ in 0..8 {
        match s.head(h) {
            Some(p)
                if span.start <= s.p.tokens[p].span.start && s.p.tokens[p].span.end <= span.end =>
            {
                h = p
            }
            _ => break,
        }
    }
    let rel = s.rel(h);
    matches!(
        rel.split(':').next().unwrap_or(rel),
        "compound" | "amod" | "nmod"
    ) && s
        .head(h)
        .is_some_and(|p| matches!(s.upos(p), "NOUN" | "PROPN"))
}

/// Whether the date expression at `span` times a clause that describes a
/// noun or sets a background span rather than telling the sentence's news:
/// a participle or relative clause on a noun (`export controls, imposed in
/// April,`), an apposition, or a clause opened by `since`, `until` or
/// `before` (`operating illegally since its accreditation was withdrawn
/// in February`). Such a date does not move the narrative.
fn in_background_clause(s: &Sent<'_>, span: Span) -> bool {
    let Some(mut t) = s.first_token(span) else {
        return false;
    };
    for _ in 0..12 {
        let rel = s.rel(t);
        if rel.starts_with("acl") || rel == "appos" {
            return true;
        }
        if rel == "advcl"
            && s.kids[t].iter().any(|&k| {
                s.rel(k) == "mark"
                    && matches!(
                        s.form[k].to_ascii_lowercase().as_str(),
                        "since" | "until" | "before"
                    )
            })
        {
            return true;
        }
        match s.head(t) {
            Some(p) => t = p,
            None => return false,
        }
    }
    false
}

/// The noun a date stands before as its modifier (`a 1951 treaty`, `the
/// 2015 nuclear deal`): the date is that thing's, not the clause's.
fn prenominal_of(s: &Sent<'_>, span: Span) -> Option<usize> {
    let last =
        s.p.tokens
            .iter()
            .rposition(|t| t.span.start >= span.start && t.span.end <= span.end)?;
    // A bare year between a determiner and a word (`the 2016 ruling`) is
    // a modifier whatever the parse made of the word.
    let first =
        s.p.tokens
            .iter()
            .position(|t| t.span.start >= span.start && t.span.end <= span.end)?;
    let year = first == last
        && s.form[first].len() == 4
        && s.form[first].bytes().all(|b| b.is_ascii_digit());
    if year
        && first > 0
        && ["DT", "PRP$", "POS"].contains(&s.p.tokens[first - 1].xpos)
        && s.upos(first - 1) != "PRON"
        && last + 1 < s.len()
        && matches!(s.upos(last + 1), "NOUN" | "PROPN" | "ADJ" | "VERB")
    {
        return Some(last + 1);
    }
    let p = s.head(last)?;
    let rel = s.rel(last);
    // The noun follows within a few words, no punctuation between (`On 6
    // April, Saudi Foreign Minister ...` is no April minister).
    (p > last
        && p - last <= 3
        && (last + 1..p).all(|j| s.upos(j) != "PUNCT")
        && matches!(s.upos(p), "NOUN" | "PROPN")
        && matches!(
            rel.split(':').next().unwrap_or(rel),
            "compound" | "amod" | "nummod"
        ))
    .then_some(p)
}

/// The dated expression nearest the event head, preferring one with a
/// calendar position.
pub(crate) fn pick_date(
    dates: &[dyads_time::EventDate],
    head: Span,
) -> Option<&dyads_time::EventDate> {
    dates.iter().filter(|d| d.start.is_some()).min_by_key(|d| {
        let (a, b) = (d.span.start as i64, head.start as i64);
        (a - b).abs()
    })
}

/// The date the sentence moves the narrative to: the date nearest its main
/// verb (`On 16 January, A and B discussed the agreements reached in
/// September 2023` sets 16 January). A date modifying the main verb first,
/// else the date nearest it. A date of the report (`according to X on 17
/// January`) does not move the narrative.
/// Whether the expression at `span` is a `today` (`tonight`, `this
/// morning`) inside a direct quote of `quotes`: the speaker's day, not
/// the publication's.
pub(crate) fn today_in_quote(text: &str, span: Span, quotes: &[crate::quotes::Quote]) -> bool {
    let words = span.slice(text).to_ascii_lowercase();
    matches!(
        words.as_str(),
        "today" | "tonight" | "this morning" | "this afternoon" | "this evening"
    ) && quotes.iter().any(|q| {
        q.kind == crate::quotes::QuoteKind::Direct
            && q.content.start <= span.start
            && span.end <= q.content.end
    })
}

pub(crate) fn narrative_date(
    s: &Sent<'_>,
    dates: Vec<dyads_time::EventDate>,
) -> Option<dyads_time::EventDate> {
    let report = report_phrase(s);
    let root = s.p.root();
    let dates: Vec<dyads_time::EventDate> = dates
        .into_iter()
        .filter(|d| report.is_none_or(|(a, b)| d.span.start < a || d.span.start >= b))
        // `rejected the 2016 ruling` is no news of 2016.
        .filter(|d| prenominal_of(s, d.span).is_none_or(|n| Some(n) == root))
        .collect();
    dates
        .iter()
        .filter(|d| d.start.is_some())
        .find(|d| root.is_some() && s.date_verb(d.span) == root)
        .or_else(|| {
            // Else the date nearest the main verb that does not modify a
            // noun: a date inside a noun phrase (`the traditional April
            // festival`) names something else's time, not the sentence's.
            let adverbial: Vec<dyads_time::EventDate> = dates
                .iter()
                .filter(|d| !modifies_noun(s, d.span) && !in_background_clause(s, d.span))
                .cloned()
                .collect();
            root.and_then(|r| s.p.tokens.get(r))
                .and_then(|t| pick_date(&adverbial, t.span))
                .and_then(|d| dates.iter().find(|x| x.span == d.span))
        })
        .cloned()
}

/// The date of the event headed by token `head`: the sentence's date
/// nearest it, else the narrative's.
pub(crate) fn event_date(
    s: &Sent<'_>,
    dates: &[dyads_time::EventDate],
    head: usize,
    narrative: Option<&dyads_time::EventDate>,
) -> Option<dyads_time::EventDate> {
    let head_span = s.p.tokens[head].span;
    // An event in a temporal clause of its own (`..., after Russia invaded
    // Ukraine`) happened at another time than the main clause: it takes
    // only the dates inside that clause, and not the narrative's.
    let temporal = temporal_clause(s, head);
    // `hours before Tehran launched its first attack`, `shortly after the
    // talks ended`: a clause so close to the main one is on its day, when
    // it names no date of its own.
    if let Some(c) = temporal.filter(|&c| close_clause(s, c)) {
        let own = dates.iter().any(|d| in_subtree(s, d.span, c));
        if let (false, Some(p)) = (own, s.head(c)) {
            return event_date(s, dates, p, narrative);
        }
    }
    let narrative = narrative.filter(|_| temporal.is_none());
    // A date inside an `according to` phrase dates the report, not the
    // event (`According to state media on 7 April, the two ministers
    // thanked China`).
    let report = report_phrase(s);
    // A date on a gerund or participle clause of its own (`agreed to hand
    // over a militant convicted of killing a guard in 1978`) dates that
    // clause, not the event.
    let own_dates: Vec<dyads_time::EventDate> = dates
        .iter()
        .filter(|d| {
            report.is_none_or(|(a, b)| {
                d.span.start < a || d.span.start >= b || (a..b).contains(&head_span.start)
            })
        })
        .filter(|d| !in_other_clause(s, d.span, head))
        .filter(|d| temporal.is_none_or(|c| in_subtree(s, d.span, c)))
        // A date before a noun dates that noun's thing (`invoke defence
        // commitments under a 1951 treaty`), unless the noun is the event
        // (`the 2016 ruling`) or holds it (`an April 1 strike that killed
        // seven officers`).
        .filter(|d| prenominal_of(s, d.span).is_none_or(|n| n == head || s.dominates(n, head)))
        .cloned()
        .collect();
    if let Some(d) = signal_shift(s, dates, head) {
        return Some(d);
    }
    // A duration reaching a day (`two days after`) dates the clause it
    // modifies, not the one its signal introduces.
    let own_dates: Vec<dyads_time::EventDate> = own_dates
        .into_iter()
        .filter(|d| d.duration.is_none() || signal_at(s, d).is_none_or(|(sig, _)| head < sig))
        .collect();
    // A nominal event takes a date inside its own phrase first (`a trip by
    // Xi Jinping to Riyadh in December`, after `a visit ... last month`).
    if !s.is_verb(head) {
        let inside: Vec<dyads_time::EventDate> = own_dates
            .iter()
            .filter(|d| in_subtree(s, d.span, head))
            .cloned()
            .collect();
        if let Some(d) = pick_date(&inside, head_span) {
            return Some(d.clone());
        }
    }
    pick_date(&own_dates, head_span).or(narrative).cloned()
}

/// The token right after a reaching duration (`two days` in `two days
/// after X`) when it is the signal `after` or `before`, with the direction
/// from the clause it introduces to the sentence's time (-1 for `after`:
/// X was earlier).
fn signal_at(s: &Sent<'_>, d: &dyads_time::EventDate) -> Option<(usize, i64)> {
    let sig = s.p.tokens.iter().position(|t| t.span.start >= d.span.end)?;
    match s.form[sig].to_lowercase().as_str() {
        "after" => Some((sig, -1)),
        "before" => Some((sig, 1)),
        _ => None,
    }
}

/// Whole days in a TIMEX3 duration of days or weeks (`P2D`, `P1W`); hours
/// (`PT6H`) count as the same day.
fn duration_days(v: &str) -> Option<i64> {
    if v.starts_with("PT") {
        return Some(0);
    }
    let body = v.strip_prefix('P')?;
    let (n, unit) = body.split_at(body.len().checked_sub(1)?);
    let n: i64 = n.parse().ok()?;
    match unit {
        "D" => Some(n),
        "W" => Some(7 * n),
        _ => None,
    }
}

/// The date of an event told after an amount and `after` or `before`
/// (`on Tuesday, two days after American bombers struck`): the day of the
/// sentence's own date before the amount, moved back (or on) by it.
fn signal_shift(
    s: &Sent<'_>,
    dates: &[dyads_time::EventDate],
    head: usize,
) -> Option<dyads_time::EventDate> {
    let (i, d, dir) = dates.iter().enumerate().rev().find_map(|(i, d)| {
        d.duration.as_ref()?;
        let (sig, dir) = signal_at(s, d)?;
        (sig < head).then_some((i, d, dir))
    })?;
    let n = duration_days(d.duration.as_deref()?)?;
    let main = dates[..i].iter().rev().find(|m| {
        m.duration.is_none() && m.precision == dyads_time::Precision::Day && m.start.is_some()
    })?;
    let day = main.start?.add_days(dir * n);
    Some(dyads_time::EventDate {
        span: d.span,
        value: day.to_string(),
        start: Some(day),
        end: Some(day),
        precision: dyads_time::Precision::Day,
        mod_: None,
        duration: None,
    })
}

/// The head of the temporal clause (`after`, `before`, `since`, `until`,
/// `once` + a finite clause) that holds the event headed by `head`, if any.
pub(crate) fn temporal_clause(s: &Sent<'_>, head: usize) -> Option<usize> {
    let mut c = head;
    for _ in 0..8 {
        let rel = s.rel(c);
        if rel == "root" || rel.starts_with("ccomp") || rel.starts_with("parataxis") {
            return None;
        }
        if rel.starts_with("advcl")
            && s.kids[c].iter().any(|&k| {
                s.rel(k) == "mark"
                    && matches!(
                        s.form[k].to_lowercase().as_str(),
                        "after" | "before" | "since" | "until" | "once"
                    )
            })
        {
            return Some(c);
        }
        c = s.head(c)?;
    }
    None
}

/// Whether the temporal clause headed by `c` is introduced by `after` or
/// `before` right after `hours`, `minutes`, `moments` or `shortly`.
fn close_clause(s: &Sent<'_>, c: usize) -> bool {
    s.kids[c].iter().any(|&m| {
        s.rel(m) == "mark"
            && matches!(s.form[m].to_lowercase().as_str(), "after" | "before")
            && m > 0
            && matches!(
                s.form[m - 1].to_lowercase().as_str(),
                "hours" | "minutes" | "moments" | "shortly"
            )
    })
}

/// Whether the first token of `span` lies in the subtree of token `c`.
fn in_subtree(s: &Sent<'_>, span: Span, c: usize) -> bool {
    s.p.tokens
        .iter()
        .position(|x| x.span.start >= span.start && x.span.start < span.end)
        .is_some_and(|t| t == c || s.dominates(c, t))
}
