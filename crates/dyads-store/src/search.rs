//! Full-text search over documents (SQLite FTS5).
//!
//! The index (`documents_fts`, schema version 4) holds each document's
//! title and clean text and follows the documents table through triggers,
//! so ingest and import keep it current without doing anything. Queries
//! are the user's words, not FTS5 syntax: [`fts_query`] quotes every word,
//! so no input can be a syntax error, and a trailing `*` asks for a prefix.

use rusqlite::params;
use serde::Serialize;

use crate::error::Result;
use crate::store::Store;

/// Marks the start of a matched term in FTS5 snippets (a private-use
/// character, split out again before anything leaves the store).
const HIT_START: char = '\u{E000}';
/// Marks the end of a matched term.
const HIT_END: char = '\u{E001}';

/// A piece of a snippet: plain text, or a matched term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SnippetPart {
    /// The text.
    pub text: String,
    /// True for a matched term.
    pub hit: bool,
}

/// One document found by a search.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchHit {
    /// Document id.
    pub doc_id: i64,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// BM25 score (lower is better, as SQLite gives it).
    pub rank: f64,
    /// Text around the best matches, matched terms marked.
    pub snippet: Vec<SnippetPart>,
}

/// The FTS5 query for the user's words: each word quoted (so quotes,
/// operators and column names in the input are plain words), all of them
/// required; a word ending in `*` matches as a prefix. `None` when the input
/// has no word at all.
pub fn fts_query(q: &str) -> Option<String> {
    let mut terms = Vec::new();
    for raw in q.split_whitespace() {
        let prefix = raw.ends_with('*');
        let word: String = raw
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '\'')
            .collect();
        let word = word.trim_matches(|c| c == '-' || c == '\'');
        if word.is_empty() {
            continue;
        }
        let quoted = format!("\"{}\"", word.replace('"', ""));
        terms.push(if prefix { format!("{quoted}*") } else { quoted });
    }
    if terms.is_empty() {
        None
    } else {
        Some(terms.join(" "))
    }
}

fn split_snippet(s: &str) -> Vec<SnippetPart> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut hit = false;
    for c in s.chars() {
        match c {
            HIT_START | HIT_END => {
                if !cur.is_empty() {
                    out.push(SnippetPart {
                        text: std::mem::take(&mut cur),
                        hit,
                    });
                }
                hit = c == HIT_START;
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(SnippetPart { text: cur, hit });
    }
    out
}

impl Store {
    /// Documents (current versions) matching the words of `q`, best first:
    /// up to `limit` hits after skipping `offset`, and the number of
    /// matching documents. An input with no words finds nothing.
    pub fn search(&self, q: &str, limit: usize, offset: usize) -> Result<(Vec<SearchHit>, i64)> {
        let Some(query) = fts_query(q) else {
            return Ok((Vec::new(), 0));
        };
        let total: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM documents_fts f JOIN documents d ON d.id = f.rowid \
                 WHERE documents_fts MATCH ?1 AND d.superseded_by IS NULL",
            )
            .and_then(|mut s| s.query_row([&query], |r| r.get(0)))
            .map_err(|e| self.err(e))?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.title, d.outlet, d.published, bm25(documents_fts, 4.0, 1.0), \
                 snippet(documents_fts, 1, char(57344), char(57345), '…', 16) \
                 FROM documents_fts f JOIN documents d ON d.id = f.rowid \
                 WHERE documents_fts MATCH ?1 AND d.superseded_by IS NULL \
                 ORDER BY bm25(documents_fts, 4.0, 1.0), d.id LIMIT ?2 OFFSET ?3",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![query, limit as i64, offset as i64], |r| {
                Ok(SearchHit {
                    doc_id: r.get(0)?,
                    title: r.get(1)?,
                    outlet: r.get(2)?,
                    published: r.get(3)?,
                    rank: r.get(4)?,
                    snippet: split_snippet(&r.get::<_, String>(5)?),
                })
            })
            .map_err(|e| self.err(e))?;
        let hits = rows
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))?;
        Ok((hits, total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Origin;
    use dyads_text::{clean, Article};

    fn add(s: &mut Store, text: &str, title: &str, path: &str) -> Result<i64> {
        let mut a = Article::text(text);
        a.hints.title = Some(title.to_string());
        let d = match clean(&a) {
            Ok(d) => d,
            Err(e) => panic!("clean failed: {e}"),
        };
        let o = Origin {
            source_path: Some(path.into()),
            format: "text".into(),
            position: 0,
        };
        Ok(match s.insert(&d, &o, text)? {
            crate::Inserted::New(id)
            | crate::Inserted::Unchanged(id)
            | crate::Inserted::NewVersion { id, .. } => id,
        })
    }

    #[test]
    fn queries_are_quoted_words() {
        assert_eq!(fts_query("  "), None);
        assert_eq!(fts_query("\"\" AND"), Some("\"AND\"".into()));
        assert_eq!(
            fts_query("Lavrov meet*"),
            Some("\"Lavrov\" \"meet\"*".into())
        );
        assert_eq!(
            fts_query("title:x OR y"),
            Some("\"titlex\" \"OR\" \"y\"".into())
        );
    }

    #[test]
    fn finds_ranks_snippets_and_follows_versions() -> Result<()> {
        let mut s = Store::open_in_memory()?;
        let a = add(
            &mut s,
            "Ministers from Brazil and Argentina signed a trade pact in Montevideo.",
            "Trade pact signed",
            "a.txt",
        )?;
        add(
            &mut s,
            "Flooding closed roads across the valley on Sunday.",
            "Floods",
            "b.txt",
        )?;
        let (hits, total) = s.search("trade pact", 10, 0)?;
        assert_eq!((total, hits.len()), (1, 1));
        assert_eq!(hits[0].doc_id, a);
        let marked: Vec<&str> = hits[0]
            .snippet
            .iter()
            .filter(|p| p.hit)
            .map(|p| p.text.as_str())
            .collect();
        assert!(
            marked.contains(&"trade") && marked.contains(&"pact"),
            "{marked:?}"
        );
        // Prefix search and syntax characters that would break raw FTS5.
        assert_eq!(s.search("Montevid*", 10, 0)?.1, 1);
        assert_eq!(s.search("\"(roads", 10, 0)?.1, 1);
        assert_eq!(s.search("NEAR(", 10, 0)?.1, 0);
        // A new version of a.txt replaces the old one in the results.
        let b = add(
            &mut s,
            "Ministers from Brazil and Argentina postponed the trade pact.",
            "Trade pact postponed",
            "a.txt",
        )?;
        let (hits, total) = s.search("pact", 10, 0)?;
        assert_eq!(total, 1);
        assert_eq!(hits[0].doc_id, b);
        assert_eq!(s.search("Montevideo", 10, 0)?.1, 0);
        Ok(())
    }

    #[test]
    fn an_older_store_gets_its_index_when_it_upgrades() -> Result<()> {
        let dir = std::env::temp_dir().join(format!("dyads-fts-upgrade-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("old.db");
        let _ = std::fs::remove_file(&path);
        {
            let mut s = Store::open(&path)?;
            add(
                &mut s,
                "Negotiators reached a grain corridor deal in Istanbul.",
                "Grain deal",
                "g.txt",
            )?;
            // Back to version 3: no index, no triggers.
            s.conn
                .execute_batch(
                    "DROP TRIGGER documents_fts_insert; DROP TRIGGER documents_fts_delete; \
                     DROP TRIGGER documents_fts_update; DROP TABLE documents_fts; \
                     DROP INDEX documents_outlet; DROP INDEX events_cameo; \
                     DROP INDEX doc_actors_canonical; PRAGMA user_version = 3;",
                )
                .map_err(|e| s.err(e))?;
        }
        let s = Store::open(&path)?;
        assert_eq!(s.schema_version()?, crate::schema::current_version());
        assert_eq!(s.search("corridor", 10, 0)?.1, 1);
        drop(s);
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    }
}
