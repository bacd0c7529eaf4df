//! End-to-end tests of `dyads dates` and `dyads eval timeml` on text we
//! wrote.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn dyads(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dyads"));
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => panic!("cannot run dyads: {e}"),
    };
    if let (Some(text), Some(mut pipe)) = (stdin, child.stdin.take()) {
        // A run that refuses its input may exit before reading it.
        match pipe.write_all(text.as_bytes()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                panic!("cannot write stdin: {e}")
            }
            _ => {}
        }
    }
    match child.wait_with_output() {
        Ok(o) => o,
        Err(e) => panic!("dyads did not finish: {e}"),
    }
}

fn tempdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dyads-dates-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    if let Err(e) = std::fs::create_dir_all(&d) {
        panic!("cannot create {}: {e}", d.display());
    }
    d
}

fn write(path: &Path, text: &str) {
    if let Err(e) = std::fs::write(path, text) {
        panic!("cannot write {}: {e}", path.display());
    }
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| match serde_json::from_str(l) {
            Ok(v) => v,
            Err(e) => panic!("not JSON: {l}: {e}"),
        })
        .collect()
}

const TEXT: &str = "On Tuesday the two delegations met in Oslo. They had last met on \
16 January, and will meet again on January 29-31, 2024. Talks lasted three days.";

#[test]
fn plain_text_from_stdin() {
    let out = dyads(&["dates", "--dct", "2024-01-17"], Some(TEXT));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = lines(&out);
    let values: Vec<&str> = got.iter().filter_map(|v| v["value"].as_str()).collect();
    assert_eq!(values, ["2024-01-16", "2024-01-16", "2024-01-29", "P3D"]);
    // Offsets are bytes into the input.
    for v in &got {
        let (Some(s), Some(e)) = (v["start"].as_u64(), v["end"].as_u64()) else {
            panic!("no offsets in {v}");
        };
        assert_eq!(TEXT.get(s as usize..e as usize), v["text"].as_str(), "{v}");
    }
    let range = &got[2];
    assert_eq!(range["end_value"], "2024-01-31");
    assert_eq!(range["precision"], "interval");
    assert_eq!(got[3]["type"], "DURATION");
    assert_eq!(got[0]["precision"], "day");
}

#[test]
fn plain_text_needs_a_dct() {
    let out = dyads(&["dates"], Some(TEXT));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("error: -: no --dct given"), "{err}");
    let out = dyads(&["dates", "--dct", "17.01.2024"], Some(TEXT));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn missing_file_is_named() {
    let out = dyads(&["dates", "--dct", "2024-01-17", "no/such/notes.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no/such/notes.txt: cannot read"), "{err}");
}

#[test]
fn articles_use_their_publication_date() {
    let dir = tempdir("articles");
    let path = dir.join("feed.jsonl");
    let dated = r#"{"id":"a1","title":"Envoys meet","published":"2024-01-17","text":"The envoys met on Tuesday in Oslo. They will meet again next week."}"#;
    let undated =
        r#"{"id":"a2","title":"Undated note","text":"The envoys met on Tuesday in Oslo."}"#;
    write(&path, &format!("{dated}\n{undated}\n"));
    let name = path.display().to_string();
    let out = dyads(&["dates", &name], None);
    // The undated article is skipped with a message: exit status 1.
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no publication date"), "{err}");
    let got = lines(&out);
    let values: Vec<&str> = got.iter().filter_map(|v| v["value"].as_str()).collect();
    assert_eq!(values, ["2024-01-16", "2024-W04"]);
    assert!(got.iter().all(|v| v["doc"].is_string()));
    // With --dct every article is dated from it.
    let out = dyads(&["dates", "--dct", "2024-01-24", &name], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let values: Vec<String> = lines(&out)
        .iter()
        .filter_map(|v| v["value"].as_str().map(str::to_string))
        .collect();
    assert_eq!(values, ["2024-01-23", "2024-W05", "2024-01-23"]);
    let _ = std::fs::remove_dir_all(&dir);
}

const TML: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-01-17" functionInDocument="CREATION_TIME">2024-01-17</TIMEX3></DCT>
<TEXT>
The ferry left on <TIMEX3 tid="t1" type="DATE" value="2024-01-16">Tuesday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> of storms.
</TEXT>
</TimeML>
"#;

#[test]
fn eval_timeml_scores_a_directory() {
    let dir = tempdir("timeml");
    let corpus = dir.join("corpus").join("Ours");
    if let Err(e) = std::fs::create_dir_all(&corpus) {
        panic!("{e}");
    }
    write(&corpus.join("ferry.tml"), TML);
    let root = dir.join("corpus").display().to_string();
    let out = dyads(&["eval", "timeml", &root, "--json"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = match serde_json::from_slice(&out.stdout) {
        Ok(v) => v,
        Err(e) => panic!("not JSON: {e}"),
    };
    assert_eq!(v["all"]["gold"], 2);
    assert_eq!(v["all"]["relaxed"]["f1"], 1.0);
    assert_eq!(v["Ours"]["value"]["f1"], 1.0);
    let out = dyads(&["eval", "timeml", &root], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("relaxed P/R/F1"), "{text}");
    let out = dyads(
        &["eval", "timeml", &dir.join("nothing").display().to_string()],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}
