//! Marking a sentence: comma-delimited clauses dropped, actors, agents
//! and pronouns found, compounds grouped, verbs found.

use dyads_lexicon::Date;

use crate::dict::actors::match_words;
use crate::dict::coder::DictCoder;
use crate::dict::matching::{match_verb, Group, VerbHit};
use crate::dict::options::CodeOptions;
use crate::dict::tokens::Token;

const PRONOUNS: &[&str] = &["HE", "SHE", "IT", "THEY", "HIM", "THEM"];
const DETERMINERS: &[&str] = &["THE", "A", "AN"];

/// A marked actor (or pronoun, or lone agent) in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The codes: one, several for a compound code, none for null actors.
    pub(crate) codes: Vec<String>,
}

impl DictCoder {
    /// TABARI's comma-delimited clause elimination: a clause between two
    /// commas, after the last comma, or before the first, is dropped when
    /// its length in words falls within the limits of [`CommaRule`].
    pub(crate) fn drop_asides(&self, tokens: Vec<Token>, opts: &CodeOptions) -> Vec<Token> {
        let Some(rule) = opts.comma else {
            return tokens;
        };
        let commas: Vec<usize> = (0..tokens.len())
            .filter(|&i| tokens[i].is_comma())
            .collect();
        let words = |a: usize, b: usize| tokens[a..b].iter().filter(|t| !t.punct).count();
        let within = |n: usize, lo: usize, hi: usize| lo <= n && n <= hi;
        let mut drop = vec![false; tokens.len()];
        if let (Some(&first), Some(&last)) = (commas.first(), commas.last()) {
            if within(words(0, first), rule.bmin, rule.bmax) {
                drop.iter_mut().take(first + 1).for_each(|d| *d = true);
            }
            let mut k = 0;
            let mut closed = None;
            while k + 1 < commas.len() {
                let (a, b) = (commas[k], commas[k + 1]);
                // A clause in a list (`X, Y, and Z`) is not an aside.
                let list = |i: usize| {
                    tokens
                        .get(i)
                        .is_some_and(|t| matches!(t.text.as_str(), "AND" | "OR"))
                };
                if within(words(a + 1, b), rule.min, rule.max) && !list(a + 1) && !list(b + 1) {
                    drop.iter_mut().take(b).skip(a + 1).for_each(|d| *d = true);
                    drop[a] = true;
                    closed = Some(b);
                    k += 2;
                } else {
                    k += 1;
                }
            }
            // A comma that closed an inner clause does not open a final one.
            if !drop[last]
                && closed != Some(last)
                && within(words(last + 1, tokens.len()), rule.emin, rule.emax)
            {
                drop.iter_mut().skip(last).for_each(|d| *d = true);
            }
        }
        tokens
            .into_iter()
            .zip(drop)
            .filter_map(|(t, d)| (!d).then_some(t))
            .collect()
    }

    pub(crate) fn mentions(
        &self,
        tokens: &[Token],
        date: Option<Date>,
        opts: &CodeOptions,
        antecedent: Option<&str>,
    ) -> Vec<Mention> {
        // Raw actors and agents.
        let mut actors: Vec<(usize, usize, usize)> = Vec::new();
        let mut agents: Vec<(usize, usize, usize)> = Vec::new();
        let mut pronouns: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let act = self.actors.actor_at(tokens, i);
            let agt = self.actors.agent_at(tokens, i);
            match (act, agt) {
                (Some((e, a)), g) if g.is_none_or(|(ge, _)| e >= ge) => {
                    actors.push((i, e, a));
                    i = e;
                }
                (_, Some((e, g))) => {
                    agents.push((i, e, g));
                    i = e;
                }
                _ => {
                    let w = tokens[i].text.as_str();
                    if PRONOUNS.contains(&w) || (opts.their && w == "THEIR") {
                        pronouns.push(i);
                    }
                    i += 1;
                }
            }
        }
        let mut ms: Vec<Mention> = actors
            .iter()
            .map(|&(s, e, a)| Mention {
                start: s,
                end: e,
                codes: self.actors.actor_codes(a, date),
            })
            .collect();
        // Agents join an actor.
        for &(s, e, g) in &agents {
            let of = tokens
                .get(e)
                .is_some_and(|t| t.text == "OF" || t.text == "IN");
            let after_of = |m: &Mention| {
                m.start == e + 1
                    || (m.start == e + 2 && tokens.get(e + 1).is_some_and(|t| t.text == "THE"))
            };
            let near_before = |m: &Mention| {
                m.end < s && m.end + 2 >= s && tokens.get(m.end - 1).is_some_and(|t| t.possessive)
            };
            let next_to = |m: &Mention| {
                m.end == s || (opts.former && m.end + 1 == s && tokens[m.end].text == "FORMER")
            };
            let pick = ms
                .iter()
                .position(next_to)
                .or_else(|| ms.iter().position(|m| m.start == e))
                .or_else(|| {
                    if of {
                        ms.iter().position(after_of)
                    } else {
                        None
                    }
                })
                .or_else(|| ms.iter().position(near_before));
            match pick {
                Some(p) => {
                    let m = &mut ms[p];
                    // `former officials`, `former Gondor prosecutors`: the
                    // agent becomes TABARI's elite code `ELI`.
                    let is_former =
                        |i: usize| i > 0 && tokens.get(i - 1).is_some_and(|t| t.text == "FORMER");
                    let former = opts.former && (is_former(s) || is_former(m.start.min(s)));
                    m.codes = m
                        .codes
                        .iter()
                        .map(|c| {
                            if former {
                                self.actors.with_agent_code(c, g, "ELI")
                            } else {
                                self.actors.with_agent(c, g)
                            }
                        })
                        .collect();
                    if next_to(m) {
                        m.end = e;
                    } else if m.start == e {
                        m.start = s;
                    }
                }
                None if opts.convert_agent => ms.push(Mention {
                    start: s,
                    end: e,
                    codes: self.actors.agent_alone(g).into_iter().collect(),
                }),
                None => {}
            }
        }
        ms.sort_by_key(|m| (m.start, m.end));
        // An actor right after another (a name after a title) adds nothing.
        let mut kept: Vec<Mention> = Vec::new();
        for m in ms {
            match kept.last() {
                Some(prev) if prev.end == m.start && !tokens[prev.end - 1].possessive => {}
                Some(prev) if m.start < prev.end => {}
                _ => kept.push(m),
            }
        }
        // Pronouns stand for the nearest actor before them.
        for p in pronouns {
            if kept.iter().any(|m| m.start <= p && p < m.end) {
                continue;
            }
            // The first actor of the sentence, with its compound partners.
            kept.sort_by_key(|m| m.start);
            let mut codes: Option<Vec<String>> = None;
            let mut last_end = 0;
            for m in kept.iter().filter(|m| m.end <= p && !m.codes.is_empty()) {
                match codes.as_mut() {
                    None => codes = Some(m.codes.clone()),
                    Some(c) => {
                        let between = &tokens[last_end..m.start];
                        if between.is_empty()
                            || !between.iter().all(|t| t.is_comma() || t.text == "AND")
                        {
                            break;
                        }
                        c.extend(m.codes.iter().cloned());
                    }
                }
                last_end = m.end;
            }
            // None in the sentence: the forwarded actor, if any.
            let codes = codes.or_else(|| antecedent.map(|a| vec![a.to_string()]));
            if let Some(codes) = codes {
                kept.push(Mention {
                    start: p,
                    end: p + 1,
                    codes,
                });
            }
        }
        kept.sort_by_key(|m| m.start);
        kept
    }

    /// The code (without agent) of the first actor of a sentence that has
    /// one: what TABARI forwards to the next sentence.
    pub(crate) fn first_actor(&self, tokens: &[Token], date: Option<Date>) -> Option<String> {
        let mut i = 0;
        while i < tokens.len() {
            let act = self.actors.actor_at(tokens, i);
            let agt = self.actors.agent_at(tokens, i);
            match (act, agt) {
                (Some((e, a)), g) if g.is_none_or(|(ge, _)| e >= ge) => {
                    if let Some(c) = self.actors.actor_codes(a, date).into_iter().next() {
                        return Some(c);
                    }
                    i = e;
                }
                (_, Some((e, _))) => i = e,
                _ => i += 1,
            }
        }
        None
    }

    pub(crate) fn groups(&self, tokens: &[Token], ms: &[Mention]) -> Vec<Group> {
        let mut out: Vec<Group> = Vec::new();
        for m in ms.iter().filter(|m| !m.codes.is_empty()) {
            if let Some(g) = out.last_mut() {
                let from = g.end.min(m.start);
                let joiner = |i: usize| {
                    let t = &tokens[i];
                    t.is_comma()
                        || matches!(t.text.as_str(), "AND" | "OR" | "NOR")
                        || t.text == "THE"
                        || self
                            .verbs
                            .adjectives
                            .iter()
                            .any(|a| match_words(a, tokens, i, 0) == Some(i + 1))
                };
                let conj = (from..m.start).any(|i| {
                    let t = &tokens[i];
                    t.is_comma()
                        || (matches!(t.text.as_str(), "AND" | "OR" | "NOR")
                            && !self.joins_fillers(tokens, i))
                });
                // Within a compound's phrase, an actor after adjectives or
                // after a possessive member joins too (`X and the evil Y
                // awful Z`, `X and Y's Z`).
                let extends = g.codes.len() >= 2
                    && (from < m.start || (from > 0 && tokens[from - 1].possessive));
                let joined = (conj || extends) && (from..m.start).all(joiner);
                if joined {
                    g.end = m.end;
                    g.codes.extend(m.codes.iter().cloned());
                    continue;
                }
            }
            out.push(Group {
                start: m.start,
                end: m.end,
                codes: m.codes.clone(),
            });
        }
        out
    }

    /// True when the conjunction at `k` stands between two listed nouns
    /// (`<NOUN>`) or two listed adjectives (`<ADJECTIVE>`): it joins
    /// them, not actors or clauses.
    pub(crate) fn joins_fillers(&self, tokens: &[Token], k: usize) -> bool {
        let listed = |list: &[crate::dict::pattern::Seq], i: usize| {
            list.iter()
                .any(|f| match_words(f, tokens, i, 0) == Some(i + 1))
        };
        let around = |list: &[crate::dict::pattern::Seq]| {
            k > 0 && listed(list, k - 1) && listed(list, k + 1)
        };
        around(&self.verbs.nouns) || around(&self.verbs.adjectives)
    }

    pub(crate) fn verbs(&self, tokens: &[Token], ms: &[Mention]) -> Vec<VerbHit> {
        let mut out = Vec::new();
        let all_caps = tokens.iter().filter(|t| !t.punct).all(|t| t.capitalised);
        for (i, t) in tokens.iter().enumerate() {
            if t.punct
                || t.possessive
                || (t.capitalised && i > 0 && !all_caps)
                || ms.iter().any(|m| m.start <= i && i < m.end)
                || (i > 0 && DETERMINERS.contains(&tokens[i - 1].text.as_str()))
                || self
                    .verbs
                    .nouns
                    .iter()
                    .any(|f| match_words(f, tokens, i, 0).is_some())
                || self
                    .verbs
                    .adjectives
                    .iter()
                    .any(|f| match_words(f, tokens, i, 0).is_some())
            {
                continue;
            }
            let mut best: Option<(VerbHit, usize)> = None;
            let text = &t.text;
            for (k, _) in text
                .char_indices()
                .skip(1)
                .chain(std::iter::once((text.len(), ' ')))
            {
                for &(e, f) in self.index.get(&text[..k]).into_iter().flatten() {
                    let Some(form) = self.verbs.entries.get(e).and_then(|v| v.forms.get(f)) else {
                        continue;
                    };
                    // The longest phrase, then the longest (most specific) word.
                    if let Some(end) = match_verb(form, tokens, i) {
                        if best.is_none_or(|(b, bk)| (end, k) > (b.end, bk)) {
                            best = Some((
                                VerbHit {
                                    entry: e,
                                    start: i,
                                    end,
                                },
                                k,
                            ));
                        }
                    }
                }
            }
            out.extend(best.map(|(v, _)| v));
        }
        // A verb inside an earlier verb phrase is part of it.
        let mut kept: Vec<VerbHit> = Vec::new();
        for v in out {
            if kept.last().is_none_or(|p| v.start >= p.end) {
                kept.push(v);
            }
        }
        kept
    }
}
