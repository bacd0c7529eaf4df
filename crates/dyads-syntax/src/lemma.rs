//! Lemmatizer and morphological features: a lexicon of `(form, XPOS)`
//! learned from the treebank, with suffix rules (also learned) for words it
//! has not seen, and the most frequent features of each tag as a fallback.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::error::Result;
use crate::hash::{mix, str_hash, str_hash_with, IdMap};
use crate::irregular;
use crate::modelio::{Reader, Writer};
use crate::tagset::xpos_id;

/// Lemmas and features of words.
#[derive(Clone, Debug, Default)]
pub struct Lemmatizer {
    /// `(key, xpos, lemma, feats)`; the key is the form for proper nouns and
    /// the lowercased form otherwise.
    entries: Vec<(String, u8, String, u16)>,
    /// `(xpos, suffix, strip, add)`.
    rules: Vec<(u8, String, u8, String)>,
    /// Distinct feature strings (`_` first).
    feats: Vec<Arc<str>>,
    /// `(upos, xpos, feats)`: the most frequent features of a tag pair.
    tag_feats: Vec<(u8, u8, u16)>,
    index: IdMap<u32>,
    form_feats: IdMap<u16>,
    rule_index: IdMap<u32>,
    tag_index: IdMap<u16>,
}

fn is_proper(xpos: u8) -> bool {
    xpos as usize == xpos_id("NNP") || xpos as usize == xpos_id("NNPS")
}

/// VBD or VBN: where an unseen irregular form needs the verb table.
fn is_past(xpos: u8) -> bool {
    xpos as usize == xpos_id("VBD") || xpos as usize == xpos_id("VBN")
}

fn lower(form: &str) -> String {
    if form.is_ascii() {
        form.to_ascii_lowercase()
    } else {
        form.to_lowercase()
    }
}

/// `str_hash(&lower(form))`, without allocating for ASCII forms.
fn lower_hash(form: &str) -> u64 {
    if form.is_ascii() {
        str_hash_with(form.bytes().map(|b| b.to_ascii_lowercase()), form.len())
    } else {
        str_hash(&lower(form))
    }
}

fn key_of(form: &str, xpos: u8) -> String {
    if is_proper(xpos) {
        form.to_string()
    } else {
        lower(form)
    }
}

/// A verb lemma the suffix rules left in a form WordNet does not know as a
/// verb, mended when the mended form is one: a doubled final consonant
/// that only the inflection doubles loses one (`expelled`, `patrolling`
/// -> `expell`, `patroll` -> `expel`, `patrol`; `shell`, `quell`, `call`
/// stay), and a silent `e` the rule cut comes back (`terminating` ->
/// `terminat` -> `terminate`).
fn wordnet_verb(lemma: String, xpos: u8) -> String {
    let verb = crate::tagset::XPOS
        .get(xpos as usize)
        .is_some_and(|x| x.starts_with("VB"));
    if !verb || crate::wordnet::is_verb(&lemma) {
        return lemma;
    }
    let b = lemma.as_bytes();
    let n = b.len();
    let consonant = |c: u8, vowels: &[u8]| c.is_ascii_lowercase() && !vowels.contains(&c);
    if n >= 4 && b[n - 1] == b[n - 2] && consonant(b[n - 1], b"aeiouy") {
        let single = &lemma[..n - 1];
        if crate::wordnet::is_verb(single) {
            return single.to_string();
        }
    }
    if n >= 3 && consonant(b[n - 1], b"aeiouwxy") {
        let with_e = format!("{lemma}e");
        if crate::wordnet::is_verb(&with_e) {
            return with_e;
        }
    }
    lemma
}

fn suffix(key: &str, chars: usize) -> Option<&str> {
    if chars == 0 {
        return Some("");
    }
    let (i, _) = key.char_indices().rev().nth(chars - 1)?;
    key.get(i..)
}

impl Lemmatizer {
    /// The lemma of `form` tagged `xpos`.
    pub fn lemma(&self, form: &str, xpos: u8) -> String {
        // The key's hash without building the key: most words are found.
        let key_hash = if is_proper(xpos) {
            str_hash(form)
        } else {
            lower_hash(form)
        };
        if let Some(&i) = self.index.get(&mix(key_hash, xpos as u64)) {
            if let Some(e) = self.entries.get(i as usize) {
                return e.2.clone();
            }
        }
        // A past tense seen only as a participle, or the other way round,
        // has the same lemma (`blamed`).
        if is_past(xpos) {
            let other = if xpos as usize == xpos_id("VBD") {
                xpos_id("VBN")
            } else {
                xpos_id("VBD")
            };
            if let Some(&i) = self.index.get(&mix(key_hash, other as u64)) {
                if let Some(e) = self.entries.get(i as usize) {
                    return e.2.clone();
                }
            }
        }
        let key = key_of(form, xpos);
        if is_proper(xpos) {
            return key;
        }
        if is_past(xpos) {
            if let Some(base) = irregular::base_of_past(&key) {
                return base;
            }
        }
        for k in (0..=4).rev() {
            let Some(suf) = suffix(&key, k) else {
                continue;
            };
            let h = mix(str_hash(suf), xpos as u64);
            if let Some(&r) = self.rule_index.get(&h) {
                if let Some((_, _, strip, add)) = self.rules.get(r as usize) {
                    // A rule learned from a case change (`indian` ->
                    // `Indian`) rewrites more than the ending it matched,
                    // and would replace the whole word (`Cambodian` ->
                    // `camIndian`): what it says is that the word keeps
                    // its capital.
                    if *strip as usize > suf.len()
                        && add.chars().next().is_some_and(char::is_uppercase)
                    {
                        if form.chars().next().is_some_and(char::is_uppercase) {
                            return form.to_string();
                        }
                        continue;
                    }
                    let cut = key.len().saturating_sub(*strip as usize);
                    if let Some(stem) = key.get(..cut) {
                        if !stem.is_empty() {
                            return wordnet_verb(format!("{stem}{add}"), xpos);
                        }
                    }
                }
            }
        }
        key
    }

    /// The features (`Key=Value|...` or `_`) of `form` tagged `(upos, xpos)`.
    pub fn feats(&self, form: &str, upos: u8, xpos: u8) -> Arc<str> {
        let id = self
            .form_feats
            .get(&mix(lower_hash(form), xpos as u64))
            .or_else(|| self.tag_index.get(&mix(upos as u64, xpos as u64)))
            .copied()
            .unwrap_or(0);
        match self.feats.get(id as usize) {
            Some(f) => f.clone(),
            None => Arc::from("_"),
        }
    }

    fn reindex(&mut self) {
        self.index = IdMap::default();
        self.form_feats = IdMap::default();
        for (i, (k, x, _, f)) in self.entries.iter().enumerate() {
            self.index.insert(mix(str_hash(k), *x as u64), i as u32);
            self.form_feats
                .entry(mix(str_hash(&lower(k)), *x as u64))
                .or_insert(*f);
        }
        self.rule_index = self
            .rules
            .iter()
            .enumerate()
            .map(|(i, (x, s, _, _))| (mix(str_hash(s), *x as u64), i as u32))
            .collect();
        self.tag_index = self
            .tag_feats
            .iter()
            .map(|&(u, x, f)| (mix(u as u64, x as u64), f))
            .collect();
    }

    /// Learns the lexicon, rules and features from `(form, upos, xpos,
    /// lemma, feats)` words.
    pub(crate) fn learn(words: &[(String, u8, u8, String, String)]) -> Lemmatizer {
        let mut feat_ids: BTreeMap<String, u16> = BTreeMap::new();
        feat_ids.insert("_".into(), 0);
        let mut counts: BTreeMap<(String, u8), BTreeMap<(String, String), usize>> = BTreeMap::new();
        let mut tag_counts: BTreeMap<(u8, u8), BTreeMap<String, usize>> = BTreeMap::new();
        for (form, upos, xpos, lemma, feats) in words {
            *counts
                .entry((key_of(form, *xpos), *xpos))
                .or_default()
                .entry((lemma.clone(), feats.clone()))
                .or_default() += 1;
            *tag_counts
                .entry((*upos, *xpos))
                .or_default()
                .entry(feats.clone())
                .or_default() += 1;
        }
        let intern = |f: &str, ids: &mut BTreeMap<String, u16>| -> u16 {
            let n = ids.len() as u16;
            *ids.entry(f.to_string()).or_insert(n)
        };
        let mut entries = Vec::new();
        let mut rule_counts: BTreeMap<(u8, String), BTreeMap<(u8, String), usize>> =
            BTreeMap::new();
        for ((key, xpos), m) in counts {
            let best = m.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
            let Some(((lemma, feats), _)) = best else {
                continue;
            };
            let f = intern(feats, &mut feat_ids);
            if !is_proper(xpos) {
                let cp = common_prefix(&key, lemma);
                let strip = key.len() - cp;
                if strip < 256 {
                    let add = lemma.get(cp..).unwrap_or("").to_string();
                    for k in 0..=4 {
                        if let Some(s) = suffix(&key, k) {
                            *rule_counts
                                .entry((xpos, s.to_string()))
                                .or_default()
                                .entry((strip as u8, add.clone()))
                                .or_default() += 1;
                        }
                    }
                }
            }
            entries.push((key, xpos, lemma.clone(), f));
        }
        let mut rules = Vec::new();
        let mut best_of: BTreeMap<(u8, String), (u8, String)> = BTreeMap::new();
        for ((xpos, suf), m) in &rule_counts {
            let total: usize = m.values().sum();
            let Some(((strip, add), _)) = m.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            else {
                continue;
            };
            best_of.insert((*xpos, suf.clone()), (*strip, add.clone()));
            if !suf.is_empty() && total < 2 {
                continue;
            }
            let parent = suf.char_indices().nth(1).map_or("", |(i, _)| &suf[i..]);
            let same = !suf.is_empty()
                && best_of.get(&(*xpos, parent.to_string())) == Some(&(*strip, add.clone()));
            if !same {
                rules.push((*xpos, suf.clone(), *strip, add.clone()));
            }
        }
        let tag_feats = tag_counts
            .into_iter()
            .filter_map(|((u, x), m)| {
                let (f, _) = m.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
                Some((u, x, intern(f, &mut feat_ids)))
            })
            .collect();
        let mut feats: Vec<Arc<str>> = vec![Arc::from("_"); feat_ids.len()];
        for (f, i) in feat_ids {
            if let Some(slot) = feats.get_mut(i as usize) {
                *slot = Arc::from(f.as_str());
            }
        }
        let mut l = Lemmatizer {
            entries,
            rules,
            feats,
            tag_feats,
            ..Lemmatizer::default()
        };
        l.reindex();
        l
    }

    /// Encodes the lemmatizer.
    pub(crate) fn encode(&self, w: &mut Writer) {
        w.strs(&self.feats);
        w.uint(self.entries.len() as u64);
        for (k, x, l, f) in &self.entries {
            w.str(k);
            w.uint(*x as u64);
            w.str(l);
            w.uint(*f as u64);
        }
        w.uint(self.rules.len() as u64);
        for (x, s, strip, add) in &self.rules {
            w.uint(*x as u64);
            w.str(s);
            w.uint(*strip as u64);
            w.str(add);
        }
        w.uint(self.tag_feats.len() as u64);
        for (u, x, f) in &self.tag_feats {
            w.uint(*u as u64);
            w.uint(*x as u64);
            w.uint(*f as u64);
        }
    }

    /// Decodes a lemmatizer.
    pub(crate) fn decode(r: &mut Reader<'_>) -> Result<Lemmatizer> {
        let feats: Vec<Arc<str>> = r.strs()?.into_iter().map(Arc::from).collect();
        let nf = feats.len().max(1) - 1;
        let n = r.len(r.remaining())?;
        let mut entries = Vec::with_capacity(n);
        for _ in 0..n {
            entries.push((r.str()?, r.len(255)? as u8, r.str()?, r.len(nf)? as u16));
        }
        let n = r.len(r.remaining())?;
        let mut rules = Vec::with_capacity(n);
        for _ in 0..n {
            rules.push((r.len(255)? as u8, r.str()?, r.len(255)? as u8, r.str()?));
        }
        let n = r.len(r.remaining())?;
        let mut tag_feats = Vec::with_capacity(n);
        for _ in 0..n {
            tag_feats.push((r.len(255)? as u8, r.len(255)? as u8, r.len(nf)? as u16));
        }
        let mut l = Lemmatizer {
            entries,
            rules,
            feats,
            tag_feats,
            ..Lemmatizer::default()
        };
        l.reindex();
        Ok(l)
    }
}

fn common_prefix(a: &str, b: &str) -> usize {
    let mut n = 0;
    for ((i, x), y) in a.char_indices().zip(b.chars()) {
        if x != y {
            return i;
        }
        n = i + x.len_utf8();
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagset::upos_id;

    fn w(
        form: &str,
        upos: &str,
        xpos: &str,
        lemma: &str,
        feats: &str,
    ) -> (String, u8, u8, String, String) {
        (
            form.into(),
            upos_id(upos) as u8,
            xpos_id(xpos) as u8,
            lemma.into(),
            feats.into(),
        )
    }

    #[test]
    fn doubled_consonants_of_inflections() {
        let data = vec![
            w("called", "VERB", "VBD", "call", "Tense=Past"),
            w("killed", "VERB", "VBD", "kill", "Tense=Past"),
            w("filled", "VERB", "VBD", "fill", "Tense=Past"),
            w("calling", "VERB", "VBG", "call", "VerbForm=Ger"),
            w("telling", "VERB", "VBG", "tell", "VerbForm=Ger"),
        ];
        let l = Lemmatizer::learn(&data);
        let x = |t: &str| xpos_id(t) as u8;
        let rows: &[(&str, &str, &str)] = &[
            ("expelled", "VBD", "expel"),
            ("patrolled", "VBD", "patrol"),
            ("patrolling", "VBG", "patrol"),
            ("annulled", "VBD", "annul"),
            // Verbs whose base ends in the doubled consonant keep it.
            ("shelled", "VBD", "shell"),
            ("quelled", "VBD", "quell"),
            ("spilled", "VBD", "spill"),
            ("stalling", "VBG", "stall"),
            // A silent `e` the rule cut off comes back.
            ("terminating", "VBG", "terminate"),
            ("negotiating", "VBG", "negotiate"),
        ];
        for (form, xpos, want) in rows {
            assert_eq!(l.lemma(form, x(xpos)), *want, "{form}");
        }
    }

    #[test]
    fn lexicon_then_rules() {
        let data = vec![
            w("walked", "VERB", "VBD", "walk", "Tense=Past"),
            w("talked", "VERB", "VBD", "talk", "Tense=Past"),
            w("jumped", "VERB", "VBD", "jump", "Tense=Past"),
            w("went", "VERB", "VBD", "go", "Tense=Past"),
            w("blamed", "VERB", "VBN", "blame", "Tense=Past|VerbForm=Part"),
            w("cats", "NOUN", "NNS", "cat", "Number=Plur"),
            w("dogs", "NOUN", "NNS", "dog", "Number=Plur"),
            w("The", "DET", "DT", "the", "Definite=Def"),
            w("Koreas", "PROPN", "NNPS", "Korea", "Number=Plur"),
            w("Indian", "ADJ", "JJ", "Indian", "Degree=Pos"),
        ];
        let l = Lemmatizer::learn(&data);
        let x = |t: &str| xpos_id(t) as u8;
        let rows: &[(&str, &str, &str)] = &[
            ("went", "VBD", "go"),
            ("Walked", "VBD", "walk"),
            ("parked", "VBD", "park"),
            // Seen only as a participle: the participle's lemma.
            ("blamed", "VBD", "blame"),
            ("birds", "NNS", "bird"),
            ("THE", "DT", "the"),
            ("Pyongyang", "NNP", "Pyongyang"),
            // A case-change rule keeps the capital, not the word it came
            // from.
            ("Cambodian", "JJ", "Cambodian"),
        ];
        for (form, xpos, want) in rows {
            assert_eq!(l.lemma(form, x(xpos)), *want, "{form}");
        }
        assert_eq!(
            &*l.feats("birds", upos_id("NOUN") as u8, x("NNS")),
            "Number=Plur"
        );
        assert_eq!(&*l.feats("zz", upos_id("X") as u8, x("XX")), "_");
        let mut wr = Writer::default();
        l.encode(&mut wr);
        let back = Lemmatizer::decode(&mut Reader::new(&wr.buf));
        assert_eq!(
            back.map(|b| b.lemma("parked", x("VBD"))).ok().as_deref(),
            Some("park")
        );
    }
}
