//! End-to-end tests of the `dyads` binary on a temporary database.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dyads(db: &Path, args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_dyads"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
    {
        Ok(o) => o,
        Err(e) => panic!("cannot run dyads: {e}"),
    }
}

fn tempdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dyads-cli-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    if let Err(e) = std::fs::create_dir_all(&d) {
        panic!("cannot create {}: {e}", d.display());
    }
    d
}

fn write(path: &Path, bytes: &[u8]) {
    if let Err(e) = std::fs::write(path, bytes) {
        panic!("cannot write {}: {e}", path.display());
    }
}

const ARTICLE: &str = "Envoys meet in Geneva\n\n\
By Ada Quill\n\n\
GENEVA (Harbour Ledger) — Envoys of the two governments met in Geneva on Monday. \
They agreed to meet again in March.\n\n\
The talks lasted four hours, officials said.\n";

#[test]
fn bad_inputs_are_reported_and_the_rest_is_stored() {
    let dir = tempdir("batch");
    let db = dir.join("t.db");
    let inp = dir.join("in");
    let _ = std::fs::create_dir_all(&inp);
    write(&inp.join("a_good.txt"), ARTICLE.as_bytes());
    write(&inp.join("b_binary.txt"), &[0u8, 1, 2, 3, 0, 0, 7, 8, 9]);
    write(&inp.join("c_latin1.txt"), b"Caf\xe9 talks ended.\n");
    write(&inp.join("d_empty.txt"), b"");
    write(
        &inp.join("e_lines.jsonl"),
        b"{\"id\": \"x1\", \"title\": \"Talks\", \"text\": \"Ministers met in Oslo on Friday. They signed a memorandum.\"}\n{broken\n",
    );
    let out = dyads(&db, &["ingest", inp.to_str().unwrap_or_default()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    assert!(err.contains("b_binary.txt"), "{err}");
    assert!(err.contains("c_latin1.txt"), "{err}");
    assert!(err.contains("d_empty.txt"), "{err}");
    assert!(err.contains("e_lines.jsonl:line 2"), "{err}");
    assert!(err.contains("2 articles: 2 new"), "{err}");

    // Re-ingesting adds nothing.
    let again = dyads(
        &db,
        &[
            "ingest",
            inp.join("a_good.txt").to_str().unwrap_or_default(),
        ],
    );
    let err = String::from_utf8_lossy(&again.stderr);
    assert_eq!(again.status.code(), Some(0), "{err}");
    assert!(err.contains("1 unchanged"), "{err}");

    let list = dyads(&db, &["docs", "--json"]);
    assert_eq!(list.status.code(), Some(0));
    let text = String::from_utf8_lossy(&list.stdout);
    let docs: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or(serde_json::Value::Null))
        .collect();
    assert_eq!(docs.len(), 2);
    for d in &docs {
        for key in [
            "id",
            "title",
            "published",
            "published_precision",
            "authors",
            "outlet",
            "dateline_place",
            "url",
            "source_path",
            "text",
            "sentences",
        ] {
            assert!(d.get(key).is_some(), "missing {key} in {d}");
        }
        let t = d["text"].as_str().unwrap_or_default();
        for s in d["sentences"].as_array().cloned().unwrap_or_default() {
            let (a, b) = (
                s["start"].as_u64().unwrap_or(0),
                s["end"].as_u64().unwrap_or(0),
            );
            assert!(t.get(a as usize..b as usize).is_some(), "bad span {s}");
        }
    }
    let show = dyads(&db, &["show", "1"]);
    assert_eq!(show.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&show.stdout).contains("sentences ("));
    let missing = dyads(&db, &["show", "999"]);
    assert_eq!(missing.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_changed_article_becomes_a_new_version() {
    let dir = tempdir("versions");
    let db = dir.join("t.db");
    let f = dir.join("a.jsonl");
    write(
        &f,
        b"{\"id\": \"k1\", \"text\": \"Talks began on Monday.\"}\n",
    );
    assert_eq!(
        dyads(&db, &["ingest", f.to_str().unwrap_or_default()])
            .status
            .code(),
        Some(0)
    );
    write(
        &f,
        b"{\"id\": \"k1\", \"text\": \"Talks began on Tuesday.\"}\n",
    );
    let out = dyads(&db, &["ingest", f.to_str().unwrap_or_default()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 new versions"));
    let all = dyads(&db, &["docs", "--all-versions"]);
    let text = String::from_utf8_lossy(&all.stdout);
    assert!(text.contains("superseded by 2"), "{text}");
    let current = dyads(&db, &["docs", "--json"]);
    assert_eq!(String::from_utf8_lossy(&current.stdout).lines().count(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stdin_is_an_input() {
    let dir = tempdir("stdin");
    let db = dir.join("t.db");
    let child = Command::new(env!("CARGO_BIN_EXE_dyads"))
        .arg("--db")
        .arg(&db)
        .args(["ingest", "-"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => panic!("spawn: {e}"),
    };
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        let _ = stdin.write_all(ARTICLE.as_bytes());
    }
    let out = match child.wait_with_output() {
        Ok(o) => o,
        Err(e) => panic!("wait: {e}"),
    };
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn ingest_codes_events_once_and_lists_them() {
    let dir = tempdir("events");
    let db = dir.join("t.db");
    let file = dir.join("summons.txt");
    write(
        &file,
        "Seoul summons Russian envoy\n\nPublished: 21.06.2024\n\n\
         South Korea summoned the Russian ambassador on Friday to protest against \
         the defence treaty that Moscow signed with Pyongyang.\n\n\
         Russian President Vladimir Putin met North Korean leader Kim Jong Un in Pyongyang on Wednesday.\n"
            .as_bytes(),
    );
    let path = file.to_str().unwrap_or_default();
    let first = dyads(&db, &["ingest", path]);
    let err = String::from_utf8_lossy(&first.stderr);
    assert_eq!(first.status.code(), Some(0), "stderr: {err}");
    assert!(err.contains("1 coded"), "{err}");
    let list = |args: &[&str]| {
        let out = dyads(&db, args);
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let events: Vec<serde_json::Value> = list(&["events", "--json"])
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    assert!(!events.is_empty(), "no events coded");
    for e in &events {
        for key in [
            "id", "doc_id", "cameo", "modality", "evidence", "rule", "source",
        ] {
            assert!(e.get(key).is_some(), "{key} missing in {e}");
        }
    }
    let meeting = events.iter().any(|e| {
        e["plover"] == "CONSULT" && e["date"] == "2024-06-19" && e["modality"] == "asserted"
    });
    assert!(meeting, "the Wednesday meeting is not coded: {events:?}");
    // Ingesting again stores and codes nothing new.
    let again = dyads(&db, &["ingest", path]);
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.contains("0 coded"), "{err}");
    let n = list(&["events", "--json"]).lines().count();
    assert_eq!(n, events.len());
    let table = list(&["events", "--country", "KOR"]);
    assert!(table.contains("KOR"), "{table}");
    let id = events[0]["id"].as_i64().unwrap_or_default().to_string();
    let why = list(&["explain", &id]);
    assert!(why.contains("[["), "evidence not marked: {why}");
    assert!(why.contains("rule: coder."), "no rule: {why}");
    assert_eq!(dyads(&db, &["explain", "999999"]).status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn dictionary_export_reads_back_without_errors() {
    let dir = tempdir("dictexport");
    let out = dyads(
        &dir.join("unused.db"),
        &[
            "dict-export",
            dir.join("dicts").to_str().unwrap_or_default(),
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("dyads.actors.txt"), "{text}");
    let actors = std::fs::read_to_string(dir.join("dicts/dyads.actors.txt")).unwrap_or_default();
    assert!(actors.contains("LAVROV"), "Lavrov is not exported");
    assert!(actors.contains("[RUSGOV"), "no dated government code");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn code_with_a_verb_dictionary() {
    let dir = tempdir("dict");
    let article = dir.join("a.txt");
    write(
        &article,
        b"Neighbours at odds\n\n\
WELLINGTON, 6 March 2023 - Australia criticized New Zealand over fishing quotas on Monday.\n\n\
Later, Canberra did not praise New Zealand for its new rules.\n",
    );
    let dict = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/dict");
    let dict = dict.to_string_lossy().to_string();
    let article = article.to_string_lossy().to_string();
    let db = dir.join("unused.db");
    let out = dyads(&db, &["code", "--dict", &dict, &article]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("2 verbs, 1 patterns"), "{stderr}");
    let events: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let got: Vec<(String, String, String, String, String)> = events
        .iter()
        .map(|e| {
            let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
            (
                s(&e["cameo"]),
                s(&e["source"]["code"]),
                s(&e["target"]["code"]),
                s(&e["modality"]),
                s(&e["date"]),
            )
        })
        .collect();
    let want = |c: &str, s: &str, t: &str, m: &str, d: &str| {
        (c.into(), s.into(), t.into(), m.into(), d.into())
    };
    assert_eq!(
        got,
        vec![
            want("1121", "AUS", "NZL", "asserted", "2023-03-06"),
            want("051", "AUS", "NZL", "negated", ""),
        ],
        "{events:?}"
    );
    // The pattern line is named, the phrases are the sentence's words,
    // and the evidence covers them.
    assert_eq!(
        events[0]["rule"],
        "dict: verb CRITICIZE line 1 pattern line 2"
    );
    assert_eq!(events[0]["source"]["text"], "Australia");
    assert_eq!(events[0]["source"]["country"], "AUS");
    assert_eq!(events[1]["source"]["text"], "Canberra");
    // Evidence: from the source to the target, "Australia criticized New
    // Zealand" (32 bytes).
    let span = |e: &serde_json::Value| {
        e["evidence"]["end"].as_u64().unwrap_or(0) - e["evidence"]["start"].as_u64().unwrap_or(0)
    };
    assert_eq!(span(&events[0]), 32);
    // With --dict-over the built-in coder's events are kept too; an
    // event both coders give is written once.
    let over = dyads(&db, &["code", "--dict", &dict, "--dict-over", &article]);
    assert!(over.status.success());
    let n_over = String::from_utf8_lossy(&over.stdout).lines().count();
    assert!(n_over >= events.len(), "{n_over}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Parses `dyads records --json` output.
fn records(db: &Path) -> Vec<serde_json::Value> {
    let out = dyads(db, &["records", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

#[test]
fn mentions_merge_into_records_and_splits_survive() {
    let dir = tempdir("records");
    let db = dir.join("r.db");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let out = dyads(&db, &["ingest", &examples.to_string_lossy()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let before = records(&db);
    let n_events = String::from_utf8_lossy(&dyads(&db, &["events", "--json"]).stdout)
        .lines()
        .count();
    let mentions: i64 = before.iter().filter_map(|r| r["mentions"].as_i64()).sum();
    assert_eq!(mentions as usize, n_events, "every mention in one record");
    // The examples report one visit several times: some record has
    // mentions from several documents.
    let multi = before
        .iter()
        .find(|r| r["documents"].as_i64().unwrap_or(0) >= 2)
        .cloned();
    let Some(multi) = multi else {
        panic!("no record merges two documents: {before:?}")
    };
    assert!(before.len() < n_events);
    // Merging again changes nothing.
    let again = dyads(&db, &["merge"]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("0 blocks"));
    // Show it: each mention says why it joined.
    let id = multi["id"].as_i64().unwrap_or(0);
    let shown = dyads(&db, &["record", &id.to_string(), "--json"]);
    let detail: serde_json::Value =
        serde_json::from_slice(&shown.stdout).unwrap_or(serde_json::Value::Null);
    let list = detail["mention_list"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(list.len() >= 2, "{detail}");
    // One mention started the record; every other one says why it joined.
    let reasons: Vec<&str> = list.iter().filter_map(|m| m["reason"].as_str()).collect();
    assert_eq!(reasons.len(), list.len() - 1, "{detail}");
    assert!(
        reasons
            .iter()
            .all(|r| r.contains("dates overlap") || r.contains("same document, undated")),
        "{detail}"
    );
    // `dyads explain` on a joined mention says why it merged.
    let joined = list
        .iter()
        .find(|m| m["reason"].is_string())
        .and_then(|m| m["event_id"].as_i64())
        .unwrap_or(0)
        .to_string();
    let why = dyads(&db, &["explain", &joined]);
    let why = String::from_utf8_lossy(&why.stdout).to_string();
    assert!(why.contains(&format!("record {id}:")), "{why}");
    assert!(why.contains("joined via mention"), "{why}");
    // Split a joined mention that no other one joined through (splitting
    // a bridge would rightly leave the rest in pieces); it stays out after
    // a rebuild.
    let bridge = |id: i64| list.iter().any(|m| m["linked_to"].as_i64() == Some(id));
    let last = list
        .iter()
        .rev()
        .filter(|m| m["reason"].is_string())
        .filter_map(|m| m["event_id"].as_i64())
        .find(|&id| !bridge(id))
        .unwrap_or(0);
    let split = dyads(&db, &["split", &id.to_string(), &last.to_string()]);
    assert!(
        split.status.success(),
        "{}",
        String::from_utf8_lossy(&split.stderr)
    );
    let rebuilt = dyads(&db, &["merge", "--rebuild"]);
    assert!(rebuilt.status.success());
    let after = records(&db);
    assert_eq!(after.len(), before.len() + 1);
    let shown = dyads(&db, &["record", &id.to_string(), "--json"]);
    let detail: serde_json::Value =
        serde_json::from_slice(&shown.stdout).unwrap_or(serde_json::Value::Null);
    let ids: Vec<i64> = detail["mention_list"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| m["event_id"].as_i64())
        .collect();
    assert_eq!(ids.len(), list.len() - 1);
    assert!(!ids.contains(&last));
    // A bad split is refused with a clear message.
    let bad = dyads(&db, &["split", &id.to_string(), "999999"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not in the record"));
    // Stories: every record in exactly one; the visit's record is in a
    // story with several documents.
    let out = dyads(&db, &["stories", "--json"]);
    assert!(out.status.success());
    let stories: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let in_stories: usize = stories
        .iter()
        .map(|s| s["timeline"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(in_stories, after.len());
    let home = stories.iter().find(|s| {
        s["timeline"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|r| r["id"].as_i64() == Some(id))
    });
    let Some(home) = home else {
        panic!("record {id} in no story")
    };
    assert!(
        home["documents"].as_array().map_or(0, Vec::len) >= 2,
        "{home}"
    );
    let sid = home["id"].as_i64().unwrap_or(0).to_string();
    let shown = dyads(&db, &["story", &sid]);
    assert!(shown.status.success());
    assert!(String::from_utf8_lossy(&shown.stdout).contains(&format!("story {sid}:")));
    // Series, network and contradictions run on the same store.
    for args in [
        vec!["dyad", "RUS", "PRK", "--csv"],
        vec!["network", "--dot"],
        vec!["contradictions"],
        vec!["timeline", "RUS"],
    ] {
        let o = dyads(&db, &args);
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(!o.stdout.is_empty(), "{args:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
