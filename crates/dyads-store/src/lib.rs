//! # dyads-store: the embedded SQLite store
//!
//! Documents, their sentences and the coder's output (resolved actors and
//! event mentions, [`Store::replace_coding`]) live in one SQLite file (WAL mode) with a
//! versioned schema ([`schema`]). Inserting a document whose content hash is
//! already stored changes nothing; a changed document under the same key (its
//! URL, else its input id, else its source path and position) becomes a new
//! version and the old one is kept, marked as superseded.
//!
//! ```
//! use dyads_store::{Store, Inserted, Origin};
//! use dyads_text::{clean, Article};
//!
//! let mut store = Store::open_in_memory().unwrap();
//! let doc = clean(&Article::text("Envoys met in Geneva on Monday. They agreed to meet again.")).unwrap();
//! let origin = Origin::default();
//! let first = store.insert(&doc, &origin, "").unwrap();
//! assert!(matches!(first, Inserted::New(_)));
//! assert!(matches!(store.insert(&doc, &origin, "").unwrap(), Inserted::Unchanged(_)));
//! assert_eq!(store.list(false).unwrap().len(), 1);
//! ```
#![deny(missing_docs)]

mod coded;
pub mod error;
pub mod merge;
pub mod pack;
mod records;
mod rows;
pub mod schema;
mod search;
mod store;
mod stories;
mod views;

pub use coded::{ActorRow, EventFilter, EventRow, StoredEvent};
pub use error::{Error, ErrorKind, Result};
pub use records::{
    Contradiction, Edge, MergeStats, Period, Record, RecordDetail, RecordFilter, RecordMention,
    RecordRow, SeriesRow,
};
pub use rows::{DocActor, DocumentRow, Layout, MentionRow};
pub use search::{fts_query, SearchHit, SnippetPart};
pub use store::{DocSummary, Inserted, Origin, Store, StoredDoc};
pub use stories::Story;
pub use views::{
    ActorDetail, ActorFilter, ActorSide, ActorSummary, Counterpart, DocFilter, DocumentView,
    DyadSummary, EventView, MentionFilter, NetworkFilter, NetworkNode, RecordQuery, RecordView,
    RecordViewMention, RoleSpan, SentenceSpan, StoreStats, ViewActor,
};
