//! # dyads-lexicon: who is who in the news
//!
//! The built-in world lexicon and the name matcher the coder resolves
//! mentions with:
//!
//! - **data** (`data/*.tsv`, embedded and validated on first use): every UN
//!   member and observer state and the main disputed territories (codes,
//!   names, aliases, demonyms, capitals, metonyms such as `Kremlin`),
//!   international organisations, news agencies, government bodies and
//!   think tanks, sector terms (titles and nouns mapped to CAMEO agent
//!   codes), and people with dated roles;
//! - **matching** ([`Matcher`]): a token trie over normalised text (case,
//!   diacritics, apostrophes, hyphens), romanisation variants (`Choe`/`Choi`,
//!   `Jong-un`/`Jong Un`, `Sergei`/`Sergey`, `al-`/`el-`), titles stripped
//!   and reported (`President Putin`), typo tolerance for long names and
//!   4-letter acronyms (`Kin Jong-un`, `KNCA`), ambiguity kept (`Congo` is
//!   both `COD` and `COG`);
//! - **roles over time**: [`Lexicon::role_on`] tells a current from a former
//!   office holder on a date;
//! - **dictionaries**: PETRARCH/Phoenix/TABARI actor, agent and discard
//!   files in ([`Lexicon::from_dicts`], [`Lexicon::layer_over`]) and out
//!   ([`export`]).
//!
//! ```
//! use dyads_lexicon::{Date, Lexicon, MatchKind};
//!
//! let lex = Lexicon::builtin()?;
//! let text = "North Korean Foreign Minister Chwe Son Hui met Sergei Lavrov in Pyongyang.";
//! let matches = lex.find_all(text);
//! let ids: Vec<&str> = matches
//!     .iter()
//!     .filter_map(|m| lex.get(m.candidates[0].actor))
//!     .map(|a| a.id.as_str())
//!     .collect();
//! assert_eq!(ids, ["PRK", "choe-son-hui", "lavrov-sergey", "PRK"]);
//! let choe = &matches[1];
//! assert_eq!(choe.span.slice(text), "Chwe Son Hui");
//! assert_eq!(choe.kind, MatchKind::Variant); // the data writes `Choe Son Hui`
//! let title = choe.title.and_then(|t| lex.term(t.term?));
//! assert_eq!(title.and_then(|t| t.role_kind.as_deref()), Some("foreign_minister"));
//! let on = Date::parse("2024-06-01").ok_or("date")?;
//! assert!(matches!(lex.role_on("choe-son-hui", on), Some(r) if !r.is_former()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod builtin;
pub mod date;
pub mod error;
pub mod events;
pub mod export;
mod fuzzy;
mod fxhash;
pub mod import;
mod lexicon;
pub mod matcher;
pub mod memo;
pub mod model;
pub mod normalize;
pub mod places;
mod tsv;
pub mod variants;

pub use date::Date;
pub use error::{Error, ErrorKind, Result, Warning};
pub use import::{DictKind, DictReport, ImportReport};
pub use lexicon::Lexicon;
pub use matcher::{Candidate, Match, MatchKind, Matcher, Scan, TermMatch, Title};
pub use model::{
    Actor, ActorId, ActorKind, CodePosition, DatedCode, Discard, Name, NameKind, OrgType, Origin,
    Role, RoleAt, SectorInfo, StateStatus, TermId,
};

/// Names of the built-in data files, with their contents.
pub fn builtin_files() -> &'static [(&'static str, &'static str)] {
    &builtin::FILES
}
