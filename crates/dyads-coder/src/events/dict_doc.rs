//! Documents coded with imported PETRARCH/TABARI verb dictionaries
//! (`dyads code --dict DIR` when DIR holds a verb file).
//!
//! The dictionary coder ([`crate::dict::coder::DictCoder`]) reads each
//! sentence as TABARI does and gives (source, target, code) triples with
//! the verb and the dictionary line that fired. This module turns them
//! into the same [`Event`] objects the built-in coder writes:
//!
//! - CAMEO code as the dictionary gives it; Goldstein, quad class and
//!   PLOVER from the built-in CAMEO table (for a code the table lacks,
//!   from its nearest listed parent; a code with no listed parent, such as
//!   a dictionary's private code, is skipped);
//! - source and target: the dictionary's actor codes, with the phrase as
//!   written in the sentence; a code beginning with a state's alpha-3 code
//!   gives the country, and the next three letters the sector;
//! - modality from the parse, at the verb the dictionary matched (so
//!   "did not attack" is `negated` and "may visit" `hypothetical`, as in
//!   the built-in coder), and date and place as the built-in coder finds
//!   them in the sentence;
//! - evidence: the verb and the two phrases, or the sentence when they
//!   cannot be found in it; `rule`: `dict: <verb and line>`.

use dyads_lexicon::events::EventLexicon;
use dyads_lexicon::Lexicon;
use dyads_syntax::ParsedSentence;
use dyads_text::{Document, Span};

use super::dates::pick_date;
use super::{modality, ActorRef, Actors, Event, Evidence, Modality, Sent};
use crate::dict::coder::{CodeOptions, DictCoder, DictEvent};

/// Codes every sentence of `doc` with an imported verb dictionary.
/// `published` anchors relative dates and the dictionaries' date
/// restrictions; `states` is the lexicon whose states give countries.
#[allow(clippy::too_many_arguments)]
pub fn code_with_dict(
    coder: &DictCoder,
    opts: &CodeOptions,
    cameo: &EventLexicon,
    states: &Lexicon,
    doc_id: &str,
    doc: &Document,
    parsed: &[ParsedSentence],
    published: Option<dyads_time::Date>,
) -> Vec<Event> {
    let lex_date = published.and_then(|d| dyads_lexicon::Date::parse(&d.to_string()));
    let timexes = published
        .map(|d| dyads_time::tag(&doc.text, d))
        .unwrap_or_default();
    let mut out = Vec::new();
    for (si, p) in parsed.iter().enumerate() {
        let Some(text) = doc.text.get(p.span.start as usize..p.span.end as usize) else {
            continue;
        };
        let found = coder.code_events(text, lex_date, opts);
        if found.is_empty() {
            continue;
        }
        let s = Sent::new(p, &doc.text);
        let dates = dyads_time::event_dates(p.span, &timexes);
        let location = crate::places::locate(doc, si, p).map(|l| {
            serde_json::json!({"text": l.text, "country": l.country, "lat": l.lat, "lon": l.lon})
        });
        for e in found {
            if let Some(ev) = event(
                cameo,
                states,
                doc_id,
                si,
                &s,
                text,
                p.span,
                &e,
                &dates,
                out.len(),
            ) {
                out.push(Event {
                    location: location.clone(),
                    ..ev
                });
            }
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn event(
    cameo: &EventLexicon,
    states: &Lexicon,
    doc_id: &str,
    si: usize,
    s: &Sent<'_>,
    text: &str,
    sentence: Span,
    e: &DictEvent,
    dates: &[dyads_time::EventDate],
    n: usize,
) -> Option<Event> {
    let (src, tgt, code) = &e.triple;
    let row = table_row(cameo, code)?;
    let head = verb_token(s, &e.verb);
    let modality = head.map_or(Modality::Asserted, |h| modality::of(s, h, &|_| None));
    let base = sentence.start as usize;
    let src_at = find_words(text, &e.source_words).map(|(a, b)| (a + base, b + base));
    let tgt_at = find_words(text, &e.target_words).map(|(a, b)| (a + base, b + base));
    let head_span = head.map(|h| s.p.tokens[h].span);
    let mut lo = usize::MAX;
    let mut hi = 0;
    for (a, b) in [src_at, tgt_at]
        .into_iter()
        .flatten()
        .chain(head_span.map(|h| (h.start as usize, h.end as usize)))
    {
        lo = lo.min(a);
        hi = hi.max(b);
    }
    if lo >= hi {
        (lo, hi) = (sentence.start as usize, sentence.end as usize);
    }
    let date = pick_date(dates, head_span.unwrap_or(sentence));
    let actor = |code: &str, at: Option<(usize, usize)>, words: &str| {
        let text = at
            .and_then(|(a, b)| s.text.get(a..b))
            .map(str::to_string)
            .unwrap_or_else(|| words.to_string());
        let (country, sector) = split_code(states, code);
        Actors::One(ActorRef {
            text,
            actor_id: format!("dict:{code}"),
            code: Some(code.to_string()),
            canonical: code.to_string(),
            country,
            sector,
            role: None,
            implicit: false,
        })
    };
    Some(Event {
        id: format!("{doc_id}:{si}:{n}"),
        doc_id: doc_id.to_string(),
        sentence: si,
        evidence: Evidence { start: lo, end: hi },
        source: (!src.is_empty()).then(|| actor(src, src_at, &e.source_words)),
        target: (!tgt.is_empty()).then(|| actor(tgt, tgt_at, &e.target_words)),
        cameo: code.clone(),
        plover: cameo.plover_type(&row.code).map(str::to_string),
        mode: row.plover_mode.clone(),
        context: (!row.plover_context.is_empty()).then(|| row.plover_context.join("; ")),
        goldstein: row.goldstein,
        quad: row.quad,
        modality,
        reciprocal: false,
        date: date.and_then(|d| d.start).map(|d| d.to_string()),
        date_end: date.and_then(|d| d.end).map(|d| d.to_string()),
        date_precision: date.map_or("unknown", |d| d.precision.as_str()).to_string(),
        location: None,
        quote: None,
        rule: format!("dict: {}", e.rule),
    })
}

/// The CAMEO table's row for `code`, or for its nearest listed parent.
fn table_row<'a>(
    cameo: &'a EventLexicon,
    code: &str,
) -> Option<&'a dyads_lexicon::events::CameoCode> {
    if !code.bytes().all(|b| b.is_ascii_digit()) || code.len() < 2 {
        return None;
    }
    (2..=code.len()).rev().find_map(|k| cameo.code(&code[..k]))
}

/// The parse token of the verb the dictionary matched: the first token
/// whose upper-cased form is the verb's first word, or begins with it
/// (TABARI stems), preferring verbs.
fn verb_token(s: &Sent<'_>, verb: &str) -> Option<usize> {
    let first = verb.split_whitespace().next()?;
    let forms: Vec<String> =
        s.p.tokens
            .iter()
            .map(|t| t.span.slice(s.text).to_uppercase())
            .collect();
    let exact = |i: &usize| forms[*i] == first;
    let stem = |i: &usize| forms[*i].starts_with(first);
    let all = 0..forms.len();
    all.clone()
        .filter(exact)
        .find(|&i| s.is_verb(i))
        .or_else(|| all.clone().find(exact))
        .or_else(|| all.clone().filter(stem).find(|&i| s.is_verb(i)))
        .or_else(|| all.clone().find(stem))
}

/// Byte range of `words` (upper case, single spaces) in `text`, matched
/// without regard to case, with any run of spaces or punctuation between
/// words.
fn find_words(text: &str, words: &str) -> Option<(usize, usize)> {
    let want: Vec<&str> = words.split_whitespace().collect();
    if want.is_empty() {
        return None;
    }
    let toks: Vec<(usize, usize)> = word_spans(text);
    'outer: for i in 0..toks.len() {
        let mut j = i;
        for w in &want {
            let Some(&(a, b)) = toks.get(j) else {
                continue 'outer;
            };
            let got = text.get(a..b).unwrap_or_default().to_uppercase();
            // The coder drops a possessive `'s` and stems nothing here.
            let got = got
                .strip_suffix("'S")
                .or_else(|| got.strip_suffix("\u{2019}S"))
                .unwrap_or(&got);
            if got != *w {
                continue 'outer;
            }
            j += 1;
        }
        return Some((toks[i].0, toks[j - 1].1));
    }
    None
}

/// Spans of the words of `text`: runs of letters, digits, `'`, `’`, `.`
/// inside a word, and `-`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-' | '.');
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                out.push((a, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push((a, text.len()));
    }
    // A word-final period is punctuation (`Moscow.`), unless the word has
    // another inside (`U.S.`).
    for (a, b) in &mut out {
        let w = &text[*a..*b];
        if w.len() > 1 && w.ends_with('.') && !w[..w.len() - 1].contains('.') {
            *b -= 1;
        }
    }
    out
}

/// Country and sector of a CAMEO-style actor code: the first three
/// letters when they are a state's alpha-3 code, and the three after.
fn split_code(states: &Lexicon, code: &str) -> (Option<String>, Option<String>) {
    let Some(head) = code.get(..3) else {
        return (None, None);
    };
    if states.state_by_code(head).is_none() {
        return (
            None,
            code.get(..3)
                .map(str::to_string)
                .filter(|_| code.len() == 3),
        );
    }
    let sector = code.get(3..6).map(str::to_string);
    (Some(head.to_string()), sector)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_whatever_their_case() {
        let t = "Russia's foreign minister met U.S. envoys in Moscow.";
        let cases = [
            ("RUSSIA", Some("Russia's")),
            ("FOREIGN MINISTER", Some("foreign minister")),
            ("U.S.", Some("U.S.")),
            ("MOSCOW", Some("Moscow")),
            ("BEIJING", None),
            ("", None),
        ];
        for (w, want) in cases {
            let got = find_words(t, w).map(|(a, b)| &t[a..b]);
            assert_eq!(got, want, "{w}");
        }
    }
}
