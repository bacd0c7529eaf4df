//! # dyads-coder: who did what to whom
//!
//! Three layers over a cleaned [`dyads_text::Document`] and its parse
//! ([`dyads_syntax::ParsedSentence`]):
//!
//! - [`actors`]: every mention of a person, state or organisation resolved
//!   to one actor per real-world entity in the document, with the role it
//!   held on the article's date, in-document coreference (surnames, role
//!   nominals, pronouns) and actors inferred from context for people the
//!   lexicon does not know;
//! - [`events`]: CAMEO and PLOVER events from the built-in event lexicon,
//!   with source and target from the dependency structure, modality, date,
//!   place, quote and evidence offsets;
//! - [`dict`]: PETRARCH/TABARI verb dictionaries and the validation suites
//!   coded with their own dictionaries.
#![deny(missing_docs)]

pub mod actors;
pub mod dict;
pub mod error;
pub mod events;
pub mod places;
pub mod quotes;

pub use error::{Error, Result};
