//! The pipeline: UD tokens, tags, lemmas, features, dependencies and
//! entities for every sentence of a [`Document`].

use std::path::Path;
use std::sync::Arc;

use dyads_text::{Document, Span};

use crate::error::{Error, Result};
use crate::lemma::Lemmatizer;
use crate::lexical::{lex, Lex};
use crate::modelio::{unpack, Reader};
use crate::ner::{NerInput, Recognizer};
use crate::parser::{ParseScratch, Parser};
use crate::tagger::{TagScratch, Tagger};
use crate::tagset::{deprel_name, upos_name, xpos_name, ENTITY_TYPES};
use crate::tokenize::ud_tokens;

/// Model file names, in the order tagger, lemmatizer, parser, recogniser.
pub const MODEL_FILES: [&str; 4] = ["tagger.bin", "lemma.bin", "parser.bin", "ner.bin"];

/// Sentences longer than this are parsed in pieces (whose roots are then
/// joined), which keeps runaway "sentences" linear.
const MAX_PARSE: usize = 200;

/// Sentences that [`Pipeline::annotate_each`] takes through each model
/// together.
const BATCH: usize = 64;

/// One UD token with its annotation.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedToken {
    /// Bytes it covers in the document text.
    pub span: Span,
    /// Lemma.
    pub lemma: String,
    /// Universal part of speech.
    pub upos: &'static str,
    /// Penn Treebank tag.
    pub xpos: &'static str,
    /// Morphological features (`Number=Sing|Person=3`, or `_`).
    pub feats: Arc<str>,
    /// Index of the head token in the sentence, `None` for the root.
    pub head: Option<usize>,
    /// Dependency relation to the head (`root` for the root).
    pub deprel: &'static str,
}

impl ParsedToken {
    /// The value of feature `key` (`Tense`, `Number`, `Polarity`, ...).
    pub fn feat(&self, key: &str) -> Option<&str> {
        self.feats.split('|').find_map(|kv| {
            let (k, v) = kv.split_once('=')?;
            (k == key).then_some(v)
        })
    }
}

/// A named entity: tokens `start..end` of its sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntitySpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Bytes it covers in the document text.
    pub span: Span,
    /// `PER`, `ORG` or `LOC`.
    pub label: &'static str,
}

/// An annotated sentence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParsedSentence {
    /// Bytes it covers in the document text.
    pub span: Span,
    /// UD tokens in order.
    pub tokens: Vec<ParsedToken>,
    /// Entities in order.
    pub entities: Vec<EntitySpan>,
}

impl ParsedSentence {
    /// Index of the root token.
    pub fn root(&self) -> Option<usize> {
        self.tokens.iter().position(|t| t.head.is_none())
    }

    /// Indices of the dependents of token `i`, in order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.tokens
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.head == Some(i))
            .map(|(j, _)| j)
    }

    /// The first dependent of `i` with relation `deprel`.
    pub fn child(&self, i: usize, deprel: &str) -> Option<usize> {
        self.children(i).find(|&j| self.tokens[j].deprel == deprel)
    }

    /// The first and last token whose chain of heads reaches `i` (its
    /// subtree, `i` included).
    pub fn subtree(&self, i: usize) -> (usize, usize) {
        let t = &self.tokens;
        let reaches = |mut j: usize| {
            for _ in 0..t.len() {
                if j == i {
                    return true;
                }
                match t[j].head {
                    Some(h) => j = h,
                    None => return false,
                }
            }
            false
        };
        let lo = (0..=i).find(|&j| reaches(j)).unwrap_or(i);
        let hi = (i..t.len()).rev().find(|&j| reaches(j)).unwrap_or(i);
        (lo, hi)
    }
}

/// Tagger, lemmatizer, parser and recogniser, loaded once and shared.
#[derive(Clone, Debug)]
pub struct Pipeline {
    pub(crate) tagger: Tagger,
    pub(crate) lemmatizer: Lemmatizer,
    pub(crate) parser: Parser,
    pub(crate) ner: Recognizer,
    /// Whether [`crate::finite`] corrects the tagger's output.
    pub(crate) finite: bool,
}

/// What the tagger and parser say about a list of words.
pub(crate) struct Analysis {
    pub lex: Vec<Lex>,
    pub amb: Vec<u64>,
    pub upos: Vec<u8>,
    pub xpos: Vec<u8>,
    pub heads: Vec<u32>,
    pub labels: Vec<u8>,
}

/// What the parser reads of tagged words: word values and tag classes.
struct Tagged {
    words: Vec<u64>,
    classes: Vec<u16>,
}

/// Reusable buffers.
#[derive(Default)]
pub(crate) struct Scratch {
    buf: String,
    tag: TagScratch,
    parse: ParseScratch,
    feats: Vec<u64>,
    scores: Vec<f32>,
}

static EMBEDDED: [&[u8]; 4] = [
    include_bytes!("../models/tagger.bin"),
    include_bytes!("../models/lemma.bin"),
    include_bytes!("../models/parser.bin"),
    include_bytes!("../models/ner.bin"),
];

impl Pipeline {
    /// Loads the models built into the crate.
    pub fn load() -> Result<Pipeline> {
        Pipeline::from_bytes(EMBEDDED)
    }

    /// Loads the models of a directory written by [`crate::train::run`].
    pub fn from_dir(dir: &Path) -> Result<Pipeline> {
        let mut data: Vec<Vec<u8>> = Vec::new();
        for f in MODEL_FILES {
            let p = dir.join(f);
            data.push(
                std::fs::read(&p).map_err(|e| Error::from(e).in_file(p.display().to_string()))?,
            );
        }
        Pipeline::from_bytes([&data[0], &data[1], &data[2], &data[3]])
    }

    /// Loads models from their bytes (tagger, lemmatizer, parser, recogniser).
    pub fn from_bytes(data: [&[u8]; 4]) -> Result<Pipeline> {
        crate::wordnet::preload();
        let t = unpack("tagger", data[0])?;
        let l = unpack("lemma", data[1])?;
        let p = unpack("parser", data[2])?;
        let n = unpack("ner", data[3])?;
        Ok(Pipeline {
            tagger: Tagger::decode(&mut Reader::new(&t)).map_err(|e| e.in_file("tagger"))?,
            lemmatizer: Lemmatizer::decode(&mut Reader::new(&l)).map_err(|e| e.in_file("lemma"))?,
            parser: Parser::decode(&mut Reader::new(&p)).map_err(|e| e.in_file("parser"))?,
            ner: Recognizer::decode(&mut Reader::new(&n)).map_err(|e| e.in_file("ner"))?,
            finite: true,
        })
    }

    /// Features and weights of each model: tagger, parser, recogniser.
    pub fn model_sizes(&self) -> [(usize, usize); 3] {
        let m = |m: &crate::perceptron::Model| (m.len(), m.weights());
        [
            m(&self.tagger.model),
            m(&self.parser.model),
            m(&self.ner.model),
        ]
    }

    /// Sets the first-pass margin above which the tagger's second pass
    /// keeps the first pass's tag (infinite: always rescore).
    pub fn set_tagger_margin(&mut self, margin: f32) {
        self.tagger.sure = margin;
    }

    /// Turns the finite-verb decoding constraint ([`crate::finite`]) on
    /// (the default) or off.
    pub fn set_finite_constraint(&mut self, on: bool) {
        self.finite = on;
    }

    /// Drops the weights smaller than `min_abs` from every model: smaller
    /// and faster, slightly less accurate.
    pub fn prune(&mut self, min_abs: f32) {
        self.tagger.model = self.tagger.model.pruned(min_abs);
        self.parser.model = self.parser.model.pruned(min_abs);
        self.ner.model = self.ner.model.pruned(min_abs);
    }

    /// Tags and parses a list of words.
    pub(crate) fn analyse(&self, forms: &[&str], s: &mut Scratch) -> Analysis {
        let (mut a, tagged) = self.tag_words(forms, s);
        self.parse_tagged(&mut a, &tagged, &mut s.parse);
        a
    }

    /// Tags a list of words: the analysis without heads and labels, and
    /// what the parser needs (word values and tag classes).
    fn tag_words(&self, forms: &[&str], s: &mut Scratch) -> (Analysis, Tagged) {
        let lexes: Vec<Lex> = forms.iter().map(|f| lex(f, &mut s.buf)).collect();
        let mut classes = Vec::with_capacity(lexes.len());
        self.tagger.tag(&lexes, &mut s.tag, &mut classes);
        if self.finite && self.tagger.may_fix(&classes) {
            let lower: Vec<String> = forms.iter().map(|f| f.to_lowercase()).collect();
            let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
            self.tagger
                .finite_constraint(&lexes, &lower, &mut s.tag, &mut classes);
        }
        let mut amb = Vec::new();
        self.tagger.ambiguity(&lexes, &mut amb);
        let (upos, xpos): (Vec<u8>, Vec<u8>) =
            classes.iter().map(|&c| self.tagger.class(c)).unzip();
        let words: Vec<u64> = lexes.iter().map(|l| self.tagger.parser_word(l)).collect();
        let a = Analysis {
            lex: lexes,
            amb,
            upos,
            xpos,
            heads: Vec::new(),
            labels: Vec::new(),
        };
        (a, Tagged { words, classes })
    }

    /// Parses tagged words: sets the heads and labels of `a`.
    fn parse_tagged(&self, a: &mut Analysis, t: &Tagged, scratch: &mut ParseScratch) {
        let (words, classes) = (&t.words, &t.classes);
        let n = words.len();
        let (mut heads, mut labels) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let mut first_root: Option<u32> = None;
        let mut start = 0;
        while start < n {
            let end = (start + MAX_PARSE).min(n);
            let (h, l) = self
                .parser
                .parse(&words[start..end], &classes[start..end], scratch);
            let m = end - start;
            for (hi, li) in h.into_iter().zip(l) {
                if hi as usize >= m {
                    match first_root {
                        None => {
                            first_root = Some(heads.len() as u32);
                            heads.push(n as u32);
                            labels.push(li);
                        }
                        Some(r) => {
                            heads.push(r);
                            labels.push(crate::tagset::deprel_id("parataxis") as u8);
                        }
                    }
                } else {
                    heads.push(hi + start as u32);
                    labels.push(li);
                }
            }
            start = end;
        }
        a.heads = heads;
        a.labels = labels;
    }

    /// Entity spans `(start, end, type)` of analysed words.
    pub(crate) fn entities(&self, a: &Analysis, s: &mut Scratch) -> Vec<(usize, usize, usize)> {
        let input = NerInput {
            lex: &a.lex,
            amb: &a.amb,
            upos: &a.upos,
            xpos: &a.xpos,
            heads: &a.heads,
            labels: &a.labels,
        };
        crate::ner::spans(&self.ner.classes(&input, &mut s.feats, &mut s.scores))
    }

    /// Annotates words given as spans of `text`.
    pub fn annotate_spans(&self, text: &str, spans: &[Span]) -> ParsedSentence {
        self.annotate_spans_with(text, spans, &mut Scratch::default())
    }

    fn annotate_spans_with(&self, text: &str, spans: &[Span], s: &mut Scratch) -> ParsedSentence {
        let forms: Vec<&str> = spans.iter().map(|sp| sp.slice(text)).collect();
        let a = self.analyse(&forms, s);
        let ents = self.entities(&a, s);
        self.assemble(&forms, spans, &a, ents)
    }

    /// The annotated sentence of words `forms` at `spans`, from their
    /// analysis and entities.
    fn assemble(
        &self,
        forms: &[&str],
        spans: &[Span],
        a: &Analysis,
        ents: Vec<(usize, usize, usize)>,
    ) -> ParsedSentence {
        let n = forms.len();
        let tokens = (0..n)
            .map(|i| {
                let (u, x) = (a.upos[i], a.xpos[i]);
                let h = a.heads[i] as usize;
                ParsedToken {
                    span: spans[i],
                    lemma: self.lemmatizer.lemma(forms[i], x),
                    upos: upos_name(u as usize),
                    xpos: xpos_name(x as usize),
                    feats: self.lemmatizer.feats(forms[i], u, x),
                    head: (h < n).then_some(h),
                    deprel: deprel_name(a.labels[i] as usize),
                }
            })
            .collect::<Vec<_>>();
        let entities = ents
            .into_iter()
            .filter_map(|(st, en, t)| {
                Some(EntitySpan {
                    start: st,
                    end: en,
                    span: Span {
                        start: spans.get(st)?.start,
                        end: spans.get(en.checked_sub(1)?)?.end,
                    },
                    label: ENTITY_TYPES.get(t)?,
                })
            })
            .collect();
        let span = match (spans.first(), spans.last()) {
            (Some(a), Some(b)) => Span {
                start: a.start,
                end: b.end,
            },
            _ => Span::default(),
        };
        ParsedSentence {
            span,
            tokens,
            entities,
        }
    }

    /// Annotates every sentence of a document, with entities made
    /// consistent across it ([`crate::ner_doc::harmonize_entities`]).
    pub fn annotate(&self, doc: &Document) -> Vec<ParsedSentence> {
        let mut out = Vec::with_capacity(doc.sentences.len());
        self.annotate_each(doc, |p| out.push(p));
        crate::ner_doc::harmonize_entities(&doc.text, &mut out);
        out
    }

    /// Annotates the sentences of a document, handing each to `f` (one
    /// per `doc.sentences` entry, in order), so memory stays bounded by a
    /// small batch of sentences.
    ///
    /// The sentences of a batch go through each model in turn (tagger,
    /// parser, recogniser, lemmatizer) rather than one sentence
    /// through all of them, so that each model's tables stay in the cache
    /// while it works; sentences are independent, so the output is the
    /// same as one at a time.
    pub fn annotate_each(&self, doc: &Document, mut f: impl FnMut(ParsedSentence)) {
        let mut s = Scratch::default();
        let mut spans: Vec<Vec<Span>> = Vec::new();
        let mut analyses: Vec<Analysis> = Vec::with_capacity(BATCH);
        let mut ents: Vec<Vec<(usize, usize, usize)>> = Vec::with_capacity(BATCH);
        let mut tagged: Vec<Tagged> = Vec::with_capacity(BATCH);
        let mut first = 0;
        while first < doc.sentences.len() {
            let end = (first + BATCH).min(doc.sentences.len());
            spans.resize_with(end - first, Vec::new);
            for (k, i) in (first..end).enumerate() {
                spans[k].clear();
                ud_tokens(&doc.text, doc.sentence_tokens(i), &mut spans[k]);
            }
            let forms: Vec<Vec<&str>> = spans
                .iter()
                .map(|sp| sp.iter().map(|x| x.slice(&doc.text)).collect())
                .collect();
            analyses.clear();
            tagged.clear();
            for fs in &forms {
                let (a, t) = self.tag_words(fs, &mut s);
                analyses.push(a);
                tagged.push(t);
            }
            for (a, t) in analyses.iter_mut().zip(&tagged) {
                self.parse_tagged(a, t, &mut s.parse);
            }
            ents.clear();
            ents.extend(analyses.iter().map(|a| self.entities(a, &mut s)));
            for (k, e) in ents.drain(..).enumerate() {
                let mut p = self.assemble(&forms[k], &spans[k], &analyses[k], e);
                if let (false, Some(sent)) = (spans[k].is_empty(), doc.sentences.get(first + k)) {
                    p.span = sent.span;
                }
                f(p);
            }
            first = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtree_spans_the_tokens_below() {
        // `the envoy left Seoul`: det -> envoy -> left <- Seoul.
        let heads = [Some(1), Some(2), None, Some(2)];
        let tok = |h: Option<usize>| ParsedToken {
            span: Span::default(),
            lemma: String::new(),
            upos: "X",
            xpos: "X",
            feats: Arc::from("_"),
            head: h,
            deprel: "dep",
        };
        let s = ParsedSentence {
            tokens: heads.iter().map(|&h| tok(h)).collect(),
            ..ParsedSentence::default()
        };
        assert_eq!(s.subtree(1), (0, 1));
        assert_eq!(s.subtree(2), (0, 3));
        assert_eq!(s.subtree(3), (3, 3));
    }

    #[test]
    fn batches_annotate_like_single_sentences() {
        let p = Pipeline::load();
        assert!(p.is_ok());
        let Ok(p) = p else { return };
        // More sentences than a batch, of varied length.
        let mut text = String::new();
        for i in 0..(BATCH + 9) {
            match i % 3 {
                0 => {
                    text.push_str("Kenya and Uganda signed a border accord in Nairobi on Monday. ")
                }
                1 => text.push_str("The minister said talks would resume. "),
                _ => text.push_str(
                    "Officials in Brussels declined to comment on the report, which was leaked. ",
                ),
            }
        }
        let doc = crate::stream::plain_document(&text);
        let mut batched = Vec::new();
        p.annotate_each(&doc, |s| batched.push(s));
        assert_eq!(batched.len(), doc.sentences.len());
        assert!(batched.len() > BATCH);
        let mut spans = Vec::new();
        for (i, b) in batched.iter().enumerate() {
            spans.clear();
            ud_tokens(&doc.text, doc.sentence_tokens(i), &mut spans);
            let mut one = p.annotate_spans(&doc.text, &spans);
            one.span = doc.sentences[i].span;
            assert_eq!(&one, b, "sentence {i}");
        }
    }
}
