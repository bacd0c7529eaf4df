//! A dictionary-driven shallow coder in the manner of TABARI: actors and
//! agents are marked by phrase, the first verb of each clause is found, its
//! patterns are tried against the words before and after it, and the
//! source and target come from the pattern's markers or, by default, from
//! the first actor before the verb and the first actor after it.
//!
//! What it does, in order, for each sentence:
//! 1. a comma-delimited aside (`X, a long-time rival of Y, said`) that is
//!    not an actor list is dropped;
//! 2. actors, agents and pronouns are marked; an agent joins the actor
//!    right before it, right after it, or after `of` (`GON` + `~GOV`;
//!    after TABARI's `former` the agent is `ELI`); a pronoun stands for
//!    the first actor before it (with `FORWARD`, for the previous
//!    sentence's first actor when there is none); actors joined by
//!    `,`/`and` form a compound, whose phrase runs on over listed
//!    adjectives and possessives (a conjunction between two listed nouns
//!    or adjectives joins those words, not actors);
//! 3. the sentence is cut into clauses at `and`/`but` followed by a verb
//!    (or at `and then`); a clause without its own source takes the
//!    previous one's;
//! 4. in each clause verbs are tried left to right (not capitalised in
//!    mid-sentence, not after a determiner, not a listed noun or
//!    adjective); of the patterns that match, the one with the most
//!    matched text wins (file order breaks ties), else the verb's code;
//!    `---` goes on to the next verb, `###`/`+++` stops the sentence, a
//!    weak code (`023?`) is used only if no later verb codes; pattern
//!    parts before the verb fit nearest the verb; with no target after
//!    the verb, an actor between the source and the verb is the target;
//! 5. a paired code `A:B` gives source->target A and target->source B; a
//!    compound `%` gives every ordered pair of its members.

use std::collections::{BTreeSet, HashMap};

use dyads_lexicon::Date;

use crate::dict::actors::{match_words, ActorTable};
use crate::dict::matching::{best_pattern, Ctx, Group, VerbHit};
use crate::dict::pattern::{Elem, Seq};
use crate::dict::tokens::{sentences, tokenize, Token};
use crate::dict::verbs::VerbDict;

pub use crate::dict::options::{CodeBy, CodeOptions, CommaRule, Defaults};

/// One coded event: (source, target, code).
pub type Triple = (String, String, String);

/// One coded event with where it came from: the verb as the sentence
/// writes it (upper case, as the coder's tokens are), the dictionary line
/// that gave the code, and the words of the source and target phrases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DictEvent {
    /// (source, target, code).
    pub triple: Triple,
    /// The verb's words in the sentence (`ACCUSED`, `CALLED ON`).
    pub verb: String,
    /// `verb <first form> line <n>` for the entry, with ` pattern line
    /// <m>` when a pattern matched.
    pub rule: String,
    /// The source phrase's words (empty when the code is a default).
    pub source_words: String,
    /// The target phrase's words (empty when the code is a default).
    pub target_words: String,
}

/// The coder: a verb dictionary and an actor table.
#[derive(Clone, Debug)]
pub struct DictCoder {
    pub(crate) verbs: VerbDict,
    pub(crate) actors: ActorTable,
    /// First word of each verb form -> (entry, form).
    pub(crate) index: HashMap<String, Vec<(usize, usize)>>,
}

const PASSIVE: &[&str] = &["IS", "WAS", "WERE", "BEEN", "BE", "ARE", "BEING"];

impl DictCoder {
    /// A coder over a verb dictionary and an actor table.
    pub fn new(verbs: VerbDict, actors: ActorTable) -> DictCoder {
        let mut index: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (i, e) in verbs.entries.iter().enumerate() {
            for (f, form) in e.forms.iter().enumerate() {
                if let Some(Elem::Word(w)) = form.elems.first() {
                    index.entry(w.text.clone()).or_default().push((i, f));
                }
            }
        }
        DictCoder {
            verbs,
            actors,
            index,
        }
    }

    /// Codes a text (one or more sentences) on `date`: the set of events.
    pub fn code(&self, text: &str, date: Option<Date>, opts: &CodeOptions) -> BTreeSet<Triple> {
        self.code_events(text, date, opts)
            .into_iter()
            .map(|e| e.triple)
            .collect()
    }

    /// Codes a text like [`DictCoder::code`], keeping each event's verb,
    /// rule and phrases (in sentence order, without duplicates).
    pub fn code_events(
        &self,
        text: &str,
        date: Option<Date>,
        opts: &CodeOptions,
    ) -> Vec<DictEvent> {
        self.code_forwarded(text, date, opts, None).0
    }

    /// Codes a text like [`DictCoder::code_events`]; a pronoun with no
    /// antecedent in its sentence stands for `antecedent` (an actor code)
    /// or, with [`CodeOptions::forward`] set, for the first actor of the
    /// text's previous sentence. Returns the events and the first actor's
    /// code (without agent) of the last sentence that has one, or
    /// `antecedent` when none has: what TABARI's `FORWARD` passes on to
    /// the next sentence of the story.
    pub fn code_forwarded(
        &self,
        text: &str,
        date: Option<Date>,
        opts: &CodeOptions,
        antecedent: Option<&str>,
    ) -> (Vec<DictEvent>, Option<String>) {
        let mut out: Vec<DictEvent> = Vec::new();
        let mut ante: Option<String> = antecedent.map(str::to_string);
        let all = tokenize(text);
        if self.actors.discarded(&all, true) {
            return (out, ante);
        }
        for sentence in sentences(all) {
            if self.actors.discarded(&sentence, false) {
                continue;
            }
            if sentence.iter().filter(|t| !t.punct).count() < opts.min_words {
                continue;
            }
            // A time phrase coded `###`/`+++` stops the sentence, even
            // inside an aside the comma rule drops.
            let stop_time = |(seq, code): &(Seq, String)| {
                (code == "###" || code == "+++")
                    && (0..sentence.len()).any(|i| match_words(seq, &sentence, i, 0).is_some())
            };
            if opts.time_shift && self.verbs.times.iter().any(stop_time) {
                continue;
            }
            let tokens = self.drop_asides(sentence, opts);
            let first = self.first_actor(&tokens, date);
            for e in self.code_sentence(&tokens, date, opts, ante.as_deref()) {
                if !out.iter().any(|o| o.triple == e.triple) {
                    out.push(e);
                }
            }
            if first.is_some() && (opts.forward.is_some() || antecedent.is_some()) {
                ante = first;
            }
        }
        (out, ante)
    }

    fn code_sentence(
        &self,
        tokens: &[Token],
        date: Option<Date>,
        opts: &CodeOptions,
        antecedent: Option<&str>,
    ) -> Vec<DictEvent> {
        let ms = self.mentions(tokens, date, opts, antecedent);
        if ms.iter().any(|m| m.codes.iter().any(|c| c == "###")) {
            return Vec::new();
        }
        let groups = self.groups(tokens, &ms);
        let verbs = self.verbs(tokens, &ms);
        if let Some((max_verbs, max_conj)) = opts.complex {
            // Conjunctions inside a compound actor do not count.
            let conj = tokens
                .iter()
                .enumerate()
                .filter(|(k, t)| {
                    matches!(t.text.as_str(), "AND" | "OR" | "BUT")
                        && !groups.iter().any(|g| g.start <= *k && *k < g.end)
                })
                .count();
            if verbs.len() >= max_verbs || conj >= max_conj {
                return Vec::new();
            }
        }
        // Clauses: cut at `and`/`but`/`or` when a verb follows within four
        // words, or at all after `and then` (not inside a compound actor
        // or a verb phrase, nor between two listed nouns or adjectives).
        let mut cuts = vec![0];
        for (k, t) in tokens.iter().enumerate() {
            let in_group = groups.iter().any(|g| g.start <= k && k < g.end)
                || verbs.iter().any(|v| v.start <= k && k < v.end);
            // `and then`: what follows is a new step, with its own verb.
            let then = tokens.get(k + 1).is_some_and(|n| n.text == "THEN");
            // `sheep and goats`, `awful and evil`: the conjunction joins
            // two listed nouns or adjectives, not clauses.
            if matches!(t.text.as_str(), "AND" | "BUT" | "OR")
                && !in_group
                && !self.joins_fillers(tokens, k)
                && verbs
                    .iter()
                    .any(|v| v.start > k && (then || v.start <= k + 4))
            {
                cuts.push(k);
            }
        }
        cuts.push(tokens.len());
        let mut out = Vec::new();
        let mut inherited: Option<usize> = None;
        for w in cuts.windows(2) {
            let cl = Clause {
                tokens,
                groups: &groups,
                verbs: &verbs,
                lo: w[0],
                hi: w[1],
            };
            match self.code_clause(&cl, inherited, opts) {
                ClauseResult::Stop => return Vec::new(),
                ClauseResult::Events(ev, src) => {
                    let found = !ev.is_empty();
                    out.extend(ev);
                    // The clause's subject carries over, coded or not.
                    let first = groups.iter().position(|g| g.start >= w[0] && g.end <= w[1]);
                    inherited = src.or(first).or(inherited);
                    if found && opts.code_by == CodeBy::Sentence {
                        break;
                    }
                }
            }
        }
        out
    }

    /// Codes one clause; `inherited` is the previous clause's source.
    fn code_clause(
        &self,
        cl: &Clause<'_>,
        inherited: Option<usize>,
        opts: &CodeOptions,
    ) -> ClauseResult {
        let mut weak: Option<Coded> = None;
        let mut all: Vec<DictEvent> = Vec::new();
        let mut all_src = None;
        let in_clause: Vec<&VerbHit> = cl
            .verbs
            .iter()
            .filter(|v| v.start >= cl.lo && v.end <= cl.hi)
            .collect();
        let mut last_tgt: Option<usize> = None;
        for v in &in_clause {
            let coded = match self.code_verb(cl, v, inherited, last_tgt, opts) {
                VerbResult::Skip => continue,
                VerbResult::Stop => return ClauseResult::Stop,
                VerbResult::Coded(c) => c,
            };
            if coded.weak {
                if weak.is_none() {
                    weak = Some(coded);
                }
                continue;
            }
            if opts.code_by == CodeBy::All {
                all.extend(coded.events);
                all_src = all_src.or(coded.src);
                last_tgt = coded.tgt.or(last_tgt);
                continue;
            }
            return ClauseResult::Events(coded.events, coded.src);
        }
        if let Some(first) = in_clause.first() {
            if !all.is_empty() {
                let coded = Coded {
                    events: all,
                    src: all_src,
                    ..Coded::default()
                };
                return self.prefer_priority(cl, &in_clause, first, inherited, opts, coded);
            }
        }
        let c = weak.unwrap_or_default();
        ClauseResult::Events(c.events, c.src)
    }

    /// `SET: CODE ALL`: a verb with a dominant code (`031!`) that gives
    /// events wins over what the other verbs of the clause coded.
    fn prefer_priority(
        &self,
        cl: &Clause<'_>,
        verbs: &[&VerbHit],
        first: &VerbHit,
        inherited: Option<usize>,
        opts: &CodeOptions,
        coded: Coded,
    ) -> ClauseResult {
        for later in verbs.iter().filter(|l| l.start > first.start) {
            if let VerbResult::Coded(c) = self.code_verb(cl, later, inherited, None, opts) {
                if c.priority && !c.events.is_empty() {
                    return ClauseResult::Events(c.events, c.src);
                }
            }
        }
        ClauseResult::Events(coded.events, coded.src)
    }

    /// Codes one verb of a clause; `fallback` is a target to use when the
    /// verb has none of its own (or only the source again).
    fn code_verb(
        &self,
        cl: &Clause<'_>,
        v: &VerbHit,
        inherited: Option<usize>,
        fallback: Option<usize>,
        opts: &CodeOptions,
    ) -> VerbResult {
        let Some(entry) = self.verbs.entries.get(v.entry) else {
            return VerbResult::Skip;
        };
        let (tokens, groups, lo, hi) = (cl.tokens, cl.groups, cl.lo, cl.hi);
        let ctx = Ctx {
            tokens,
            groups,
            lo,
            hi,
            verb: *v,
        };
        let (raw, bind, pattern_line) = best_pattern(entry, &ctx);
        let rule = {
            let form = entry
                .forms
                .first()
                .map(|f| {
                    f.elems
                        .iter()
                        .filter_map(|e| match e {
                            Elem::Word(w) => Some(w.text.as_str()),
                            _ => None,
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            match pattern_line {
                Some(l) => format!("verb {form} line {} pattern line {l}", entry.line),
                None => format!("verb {form} line {}", entry.line),
            }
        };
        let verb_words = tokens[v.start..v.end.min(tokens.len())]
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let words = |g: Option<usize>| -> String {
            g.and_then(|g| groups.get(g))
                .map(|g| {
                    tokens[g.start..g.end.min(tokens.len())]
                        .iter()
                        .filter(|t| !t.punct)
                        .map(|t| t.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default()
        };
        // Each triple with its provenance; a code's words come from the
        // phrase (of the two given) that carries the code.
        let wrap = |triples: Vec<Triple>, a: Option<usize>, b: Option<usize>| -> Vec<DictEvent> {
            let has = |g: Option<usize>, c: &str| {
                g.and_then(|g| groups.get(g))
                    .is_some_and(|g| g.codes.iter().any(|x| x == c))
            };
            let phrase = |c: &str| {
                if has(a, c) {
                    words(a)
                } else if has(b, c) {
                    words(b)
                } else {
                    String::new()
                }
            };
            triples
                .into_iter()
                .map(|t| DictEvent {
                    source_words: phrase(&t.0),
                    target_words: phrase(&t.1),
                    triple: t,
                    verb: verb_words.clone(),
                    rule: rule.clone(),
                })
                .collect()
        };
        let priority = raw.ends_with('!');
        let code = raw.trim_end_matches('!');
        if code == "---" {
            return VerbResult::Skip;
        }
        if code == "###" || code == "+++" {
            return VerbResult::Stop;
        }
        let weak = code.ends_with('?');
        let code = code.trim_end_matches('?');
        let first_before = groups
            .iter()
            .position(|g| g.start >= lo && g.end <= v.start);
        let after = |skip: Option<usize>| {
            groups
                .iter()
                .enumerate()
                .position(|(i, g)| g.start >= v.end && g.end <= hi && Some(i) != skip)
        };
        let codes = |g: Option<usize>| {
            g.and_then(|g| groups.get(g))
                .map(|g| g.codes.clone())
                .unwrap_or_default()
        };
        if let Some(c) = bind.compound {
            let members = codes(Some(c));
            return VerbResult::Coded(Coded {
                events: wrap(pairs_within(&members, code), Some(c), None),
                src: Some(c),
                tgt: Some(c),
                weak,
                priority,
            });
        }
        let passive_by = bind.source.is_none() && bind.target.is_none() && {
            let aux = (v.start.saturating_sub(2)..v.start)
                .any(|i| PASSIVE.contains(&tokens[i].text.as_str()));
            let by = after(None)
                .and_then(|g| groups.get(g))
                .is_some_and(|g| g.start > 0 && tokens[g.start - 1].text == "BY");
            aux && by
        };
        let (src_g, tgt_g) = if passive_by {
            (after(None), first_before.or(inherited))
        } else {
            let mut src = match (bind.source, bind.target_before) {
                (Some(s), _) => Some(s),
                (None, true) => groups
                    .iter()
                    .enumerate()
                    .position(|(i, g)| g.start >= lo && g.end <= v.start && Some(i) != bind.target)
                    .or(inherited.filter(|&i| Some(i) != bind.target))
                    .or_else(|| after(bind.target)),
                (None, false) => first_before.or(inherited),
            };
            let mut split_after = false;
            if src.is_none() && opts.defaults.as_ref().is_some_and(|d| !d.prior) {
                src = after(bind.target);
                split_after = true;
            }
            let tgt = bind.target.or_else(|| after(src));
            if split_after && tgt.is_none() && codes(src).len() >= 2 {
                let members = codes(src);
                return VerbResult::Coded(Coded {
                    events: wrap(cross(&members[..1], &members[1..], code), src, None),
                    src,
                    tgt: src,
                    weak,
                    priority,
                });
            }
            (src, tgt)
        };
        let mut src_codes = codes(src_g);
        let mut tgt_codes = codes(tgt_g);
        let mut tgt_g = tgt_g;
        if fallback.is_some()
            && (tgt_codes.is_empty() || tgt_codes.iter().any(|c| src_codes.contains(c)))
        {
            tgt_g = fallback;
            tgt_codes = codes(fallback);
        }
        // No target after the verb (or only the source again): an actor
        // between the source and the verb (`X asked that Y help`).
        if !passive_by && bind.target.is_none() && tgt_codes.iter().all(|c| src_codes.contains(c)) {
            let from = src_g
                .and_then(|s| groups.get(s))
                .map_or(lo, |g| g.end.max(lo));
            // Not across a comma: `X ..., a Y official said` is Y's.
            let between = groups
                .iter()
                .rposition(|g| g.start >= from && g.end <= v.start && !g.codes.is_empty())
                .filter(|&b| !tokens[from..groups[b].start].iter().any(Token::is_comma));
            if between.is_some() && between != src_g {
                tgt_g = between;
                tgt_codes = codes(between);
            }
        }
        if let Some(d) = &opts.defaults {
            if tgt_codes.is_empty() && !d.after && src_codes.len() >= 2 {
                tgt_codes = src_codes.split_off(1);
            }
            if src_codes.is_empty() {
                src_codes.extend(d.source.clone());
            }
            if tgt_codes.is_empty() {
                tgt_codes.extend(d.target.clone());
            }
        }
        let events = if src_g.is_some() && src_g == tgt_g {
            pairs_within(&src_codes, code)
        } else {
            cross(&src_codes, &tgt_codes, code)
        };
        VerbResult::Coded(Coded {
            events: wrap(events, src_g, tgt_g),
            src: src_g,
            tgt: tgt_g,
            weak,
            priority,
        })
    }
}

/// The words, actors and verbs of one clause.
struct Clause<'a> {
    tokens: &'a [Token],
    groups: &'a [Group],
    verbs: &'a [VerbHit],
    lo: usize,
    hi: usize,
}

/// A verb's events.
#[derive(Default)]
struct Coded {
    events: Vec<DictEvent>,
    src: Option<usize>,
    tgt: Option<usize>,
    weak: bool,
    priority: bool,
}

enum VerbResult {
    Skip,
    Stop,
    Coded(Coded),
}

enum ClauseResult {
    Stop,
    Events(Vec<DictEvent>, Option<usize>),
}

fn split_code(code: &str) -> (&str, Option<&str>) {
    match code.split_once(':') {
        Some((a, b)) => (a, Some(b)),
        None => (code, None),
    }
}

/// Events from every source to every target (a paired code `A:B` also
/// gives target -> source `B`).
fn cross(src: &[String], tgt: &[String], code: &str) -> Vec<Triple> {
    let (c1, c2) = split_code(code);
    let mut out = Vec::new();
    for a in src {
        for b in tgt {
            if a == b {
                continue;
            }
            out.push((a.clone(), b.clone(), c1.to_string()));
            if let Some(c2) = c2 {
                out.push((b.clone(), a.clone(), c2.to_string()));
            }
        }
    }
    out
}

/// Events among the members of a compound: each pair once, in order, for
/// a paired code; every ordered pair otherwise.
fn pairs_within(members: &[String], code: &str) -> Vec<Triple> {
    let (c1, c2) = split_code(code);
    let mut out = Vec::new();
    for (i, a) in members.iter().enumerate() {
        for (j, b) in members.iter().enumerate() {
            if a == b || (c2.is_some() && j <= i) {
                continue;
            }
            out.push((a.clone(), b.clone(), c1.to_string()));
            if let Some(c2) = c2 {
                out.push((b.clone(), a.clone(), c2.to_string()));
            }
        }
    }
    out
}
