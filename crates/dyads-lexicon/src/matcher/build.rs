//! Compiling a [`Lexicon`] into a [`Matcher`]: every name, generated
//! variant, demonym plural, surname, sector term and honorific goes into
//! the token trie with its case rule, then the typo index is built over the
//! exact names.

use std::collections::HashMap;

use super::{Entry, MatchKind, Matcher, Target, NONE};
use crate::fuzzy::FuzzyIndex;
use crate::lexicon::Lexicon;
use crate::model::{ActorId, ActorKind, NameKind, TermId};
use crate::normalize::{tokenize, NormToken};
use crate::variants::{person_variants, surnames, HONORIFICS};

/// The regular plural of a demonym (`Russian` -> `Russians`, `Iraqi` ->
/// `Iraqis`, `Czech` -> `Czechs`); none for `Chinese`, `British`, `Swiss`.
fn demonym_plural(words: &[String]) -> Option<Vec<String>> {
    let last = words.last()?;
    let none = ["ese", "sh", "ss", "s", "x", "z"];
    if none.iter().any(|e| last.ends_with(e)) || (last.ends_with("ch") && last != "czech") {
        return None;
    }
    let mut out = words.to_vec();
    *out.last_mut()? = format!("{last}s");
    Some(out)
}

fn masks(toks: &[NormToken], from_dictionary: bool) -> (u32, u32) {
    let (mut cap, mut upper) = (0u32, 0u32);
    for (i, t) in toks.iter().enumerate().take(32) {
        if from_dictionary {
            if toks.len() == 1 && t.text.chars().count() <= 3 {
                upper |= 1 << i;
            }
        } else if t.upper && t.text.chars().count() <= 5 {
            upper |= 1 << i;
        } else if t.capitalized {
            cap |= 1 << i;
        }
    }
    (cap, upper)
}

impl Matcher {
    /// Compiles the matcher of a lexicon.
    pub fn build(lex: &Lexicon) -> Matcher {
        let mut m = Matcher {
            terminal: vec![NONE],
            ..Matcher::default()
        };
        for (i, actor) in lex.actors().iter().enumerate() {
            let id = ActorId(i as u32);
            let dict = actor.kind == ActorKind::Imported;
            for name in &actor.names {
                let toks = tokenize(&name.text);
                if toks.is_empty() {
                    continue;
                }
                let (cap, upper) = masks(&toks, dict);
                let kind = match name.kind {
                    NameKind::Weak => MatchKind::Weak,
                    NameKind::Surname => MatchKind::Partial,
                    _ => MatchKind::Exact,
                };
                let words: Vec<String> = toks.iter().map(|t| t.text.clone()).collect();
                let entry = |target, kind, cap_mask, upper_mask| Entry {
                    target,
                    kind,
                    cap_mask,
                    upper_mask,
                    layer: actor.layer,
                };
                if name.stem {
                    m.insert_stem(
                        &words,
                        entry(Target::Actor(id, name.kind), kind, cap, upper),
                    );
                    continue;
                }
                m.insert(
                    &words,
                    entry(Target::Actor(id, name.kind), kind, cap, upper),
                );
                if name.kind == NameKind::Demonym {
                    if let Some(plural) = demonym_plural(&words) {
                        m.insert(
                            &plural,
                            entry(Target::Actor(id, name.kind), kind, cap, upper),
                        );
                    }
                }
                let is_person_name = actor.kind == ActorKind::Person
                    && matches!(name.kind, NameKind::Canonical | NameKind::Alias);
                if !is_person_name {
                    continue;
                }
                let country = actor.country.as_deref();
                let first_cap = cap & 1;
                for v in person_variants(&words, country) {
                    let vcap = if v.len() == words.len() {
                        cap
                    } else {
                        first_cap
                    };
                    m.insert(
                        &v,
                        entry(Target::Actor(id, name.kind), MatchKind::Variant, vcap, 0),
                    );
                }
                for s in surnames(&words, country) {
                    let all = (1u32 << s.len().min(31)) - 1;
                    let t = Target::Actor(id, NameKind::Surname);
                    m.insert(&s, entry(t, MatchKind::Partial, all, 0));
                }
            }
        }
        m.term_is_title = lex.terms().iter().map(|t| t.title).collect();
        for (i, term) in lex.terms().iter().enumerate() {
            for form in std::iter::once(&term.term).chain(&term.variants) {
                let words: Vec<String> = tokenize(form).into_iter().map(|t| t.text).collect();
                let target = Target::Term(TermId(i as u32));
                let (cap_mask, upper_mask) = (0, 0);
                let kind = MatchKind::Exact;
                let layer = term.layer;
                m.insert(
                    &words,
                    Entry {
                        target,
                        kind,
                        cap_mask,
                        upper_mask,
                        layer,
                    },
                );
            }
        }
        for h in HONORIFICS {
            let words: Vec<String> = h.split(' ').map(str::to_string).collect();
            let (target, kind, cap_mask, upper_mask) = (Target::Honorific, MatchKind::Exact, 0, 0);
            m.insert(
                &words,
                Entry {
                    target,
                    kind,
                    cap_mask,
                    upper_mask,
                    layer: 0,
                },
            );
        }
        m.finish()
    }

    fn insert(&mut self, words: &[String], entry: Entry) {
        if words.is_empty() {
            return;
        }
        let mut node = 0u32;
        for w in words {
            let next_tok = self.vocab.len() as u32;
            let tok = *self.vocab.entry(w.clone()).or_insert(next_tok);
            let next_node = self.terminal.len() as u32;
            node = match self.edges.get(&(node, tok)) {
                Some(&n) => n,
                None => {
                    self.edges.insert((node, tok), next_node);
                    self.terminal.push(NONE);
                    next_node
                }
            };
        }
        let slot = &mut self.terminal[node as usize];
        if *slot == NONE {
            *slot = self.payloads.len() as u32;
            self.payloads.push(Vec::new());
        }
        if let Some(p) = self.payloads.get_mut(*slot as usize) {
            match p.iter_mut().find(|e| e.target == entry.target) {
                Some(e) if entry.kind < e.kind => *e = entry,
                Some(_) => {}
                None => p.push(entry),
            }
        }
    }

    /// Inserts a name whose last word is a stem: the words before it as a
    /// path of the trie, the stem at its end.
    fn insert_stem(&mut self, words: &[String], entry: Entry) {
        let Some((stem, before)) = words.split_last() else {
            return;
        };
        let mut node = 0u32;
        for w in before {
            let next_tok = self.vocab.len() as u32;
            let tok = *self.vocab.entry(w.clone()).or_insert(next_tok);
            let next_node = self.terminal.len() as u32;
            node = match self.edges.get(&(node, tok)) {
                Some(&n) => n,
                None => {
                    self.edges.insert((node, tok), next_node);
                    self.terminal.push(NONE);
                    next_node
                }
            };
        }
        let key = (node, stem.clone());
        let p = match self.stems.get(&key) {
            Some(&p) => p,
            None => {
                let p = self.payloads.len() as u32;
                self.payloads.push(Vec::new());
                self.stems.insert(key, p);
                p
            }
        };
        let shortest = self.stem_nodes.entry(node).or_insert(usize::MAX);
        *shortest = (*shortest).min(stem.len());
        if let Some(es) = self.payloads.get_mut(p as usize) {
            match es.iter_mut().find(|e| e.target == entry.target) {
                Some(e) if entry.kind < e.kind => *e = entry,
                Some(_) => {}
                None => es.push(entry),
            }
        }
    }

    /// Keeps only the top layer at each terminal and builds the typo index.
    fn finish(mut self) -> Matcher {
        for p in &mut self.payloads {
            let top = p.iter().map(|e| e.layer).max().unwrap_or(0);
            p.retain(|e| e.layer == top);
        }
        // Name strings of the terminals that name actors exactly.
        let mut names: Vec<(String, u32)> = Vec::new();
        let mut words_of: HashMap<u32, String> = HashMap::new();
        let rev: HashMap<u32, &str> = self.vocab.iter().map(|(w, &i)| (i, w.as_str())).collect();
        let mut stack: Vec<(u32, String)> = vec![(0, String::new())];
        let mut children: HashMap<u32, Vec<(u32, u32)>> = HashMap::new();
        for (&(from, tok), &to) in &self.edges {
            children.entry(from).or_default().push((tok, to));
        }
        while let Some((node, text)) = stack.pop() {
            if let Some(&p) = self.terminal.get(node as usize) {
                let good = self.payloads.get(p as usize).is_some_and(|es| {
                    es.iter().any(|e| {
                        matches!(e.target, Target::Actor(..))
                            && matches!(e.kind, MatchKind::Exact | MatchKind::Variant)
                    })
                });
                if p != NONE && good {
                    words_of.insert(p, text.clone());
                }
            }
            for &(tok, to) in children.get(&node).into_iter().flatten() {
                let w = rev.get(&tok).copied().unwrap_or("");
                let t = if text.is_empty() {
                    w.to_string()
                } else {
                    format!("{text} {w}")
                };
                stack.push((to, t));
            }
        }
        names.extend(words_of.into_iter().map(|(p, s)| (s, p)));
        names.sort();
        self.fuzzy = FuzzyIndex::build(names);
        self
    }
}
