//! # dyads-syntax: English syntax of our own
//!
//! A fast, self-contained syntax layer for event coding: who did what to
//! whom. On top of the foundation's tokens ([`dyads_text::Document`]) it
//! makes UD tokens ([`tokenize`]), tags them with UPOS, Penn XPOS and
//! morphological features ([`tagger`], [`lemma`]), lemmatizes them, parses
//! them into Universal Dependencies (`nsubj`, `nsubj:pass`, `obj`, `obl`,
//! `obl:agent`, `ccomp`, `xcomp`, `conj`, `appos`, `flat`, `compound`, ...)
//! and finds `PER`, `ORG` and `LOC` entities ([`ner`]).
//!
//! Every model is a linear model over hashed features (averaged perceptron):
//! a two-pass greedy tagger, a greedy arc-eager parser trained with a
//! dynamic oracle, a greedy BILOU recogniser. They are trained by
//! [`train::run`] from UD English EWT and UNER English EWT (CC BY-SA 4.0),
//! and built into the crate (`models/`).
//!
//! ```
//! use dyads_syntax::Pipeline;
//! use dyads_text::{clean, read_input, Format, Limits};
//!
//! let text = b"The envoy was received by President Kim in Seoul.\n";
//! let article = read_input("a.txt", text, Some(Format::Text), &Limits::default())
//!     .into_iter().next().unwrap().unwrap();
//! let doc = clean(&article).unwrap();
//! let pipeline = Pipeline::load().unwrap();
//! let sentences = pipeline.annotate(&doc);
//! let s = &sentences[0];
//! let root = s.root().unwrap();
//! assert_eq!(doc.slice(s.tokens[root].span), "received");
//! let agent = s.child(root, "obl:agent").map(|i| doc.slice(s.tokens[i].span));
//! assert_eq!(agent, Some("Kim"));
//! print!("{}", dyads_syntax::to_conllu(&doc.text, &sentences));
//! ```
#![deny(missing_docs)]

pub mod conllu;
pub mod error;
pub mod finite;
mod hash;
pub mod iob2;
mod irregular;
pub mod lemma;
mod lexical;
mod modelio;
pub mod ner;
mod ner_census;
mod ner_context;
pub mod ner_doc;
mod ner_gazetteer;
mod ner_names;
pub mod ner_train;
mod ner_words;
pub mod output;
mod parser;
pub mod perceptron;
pub mod pipeline;
pub mod stream;
pub mod tagger;
pub mod tagset;
pub mod tokenize;
pub mod train;
mod wordnet;

pub use error::{Error, ErrorKind, Result};
pub use output::{to_conllu, write_conllu_into};
pub use pipeline::{EntitySpan, ParsedSentence, ParsedToken, Pipeline};
