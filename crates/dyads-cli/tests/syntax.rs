//! End-to-end tests of `dyads parse` and `dyads eval` on fixtures written
//! for these tests (`tests/data`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
        .display()
        .to_string()
}

fn dyads(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dyads"));
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => panic!("cannot run dyads: {e}"),
    };
    if let Some(mut pipe) = child.stdin.take() {
        if let Some(bytes) = stdin {
            if let Err(e) = pipe.write_all(bytes) {
                panic!("cannot write stdin: {e}");
            }
        }
    }
    match child.wait_with_output() {
        Ok(o) => o,
        Err(e) => panic!("dyads failed: {e}"),
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn tempdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dyads-syntax-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    if let Err(e) = std::fs::create_dir_all(&d) {
        panic!("cannot create {}: {e}", d.display());
    }
    d
}

fn write(path: &Path, bytes: &[u8]) -> String {
    if let Err(e) = std::fs::write(path, bytes) {
        panic!("cannot write {}: {e}", path.display());
    }
    path.display().to_string()
}

/// Each token line's (form, TokenRange start, end, NER) from CoNLL-U.
fn tokens(conllu: &str) -> Vec<(String, usize, usize, Option<String>)> {
    conllu
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 10, "{l:?}");
            let mut range = (0, 0);
            let mut ner = None;
            for kv in cols[9].split('|') {
                if let Some(r) = kv.strip_prefix("TokenRange=") {
                    let (a, b) = r.split_once(':').unwrap_or(("x", "x"));
                    range = (a.parse().unwrap_or(0), b.parse().unwrap_or(0));
                }
                if let Some(n) = kv.strip_prefix("NER=") {
                    ner = Some(n.to_string());
                }
            }
            (cols[1].to_string(), range.0, range.1, ner)
        })
        .collect()
}

#[test]
fn parse_plain_text_from_stdin_gives_offsets_into_the_input() {
    let input = "Foreign Minister Hana Sato flew to Nairobi on Monday.\n\n\
                 The talks with Kenya's president, which lasted three hours, ended without a statement. \
                 Officials said they would meet again.\n";
    let out = dyads(&["parse", "--plain", "-"], Some(input.as_bytes()));
    let o = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(o.starts_with("# newdoc id = -\n# sent_id = 1\n# text = Foreign Minister Hana Sato flew to Nairobi on Monday.\n"), "{o}");
    assert!(
        o.contains("# sent_id = 3\n# text = Officials said they would meet again.\n"),
        "{o}"
    );
    assert!(!o.contains("# sent_id = 4"), "{o}");
    let toks = tokens(&o);
    let mut last = 0;
    for (form, a, b, _) in &toks {
        assert_eq!(input.get(*a..*b), Some(form.as_str()), "{a}:{b}");
        assert!(*a >= last);
        last = *b;
    }
    // UD tokenisation splits the possessive; the period touches "Monday".
    assert!(toks.iter().any(|t| t.0 == "'s"));
    assert!(o.contains("\tMonday\t") && o.contains("SpaceAfter=No"));
    // Entities are marked B- then I- in MISC.
    assert!(
        toks.iter()
            .any(|t| t.3.as_deref().is_some_and(|n| n.starts_with("B-"))),
        "{o}"
    );
    for w in toks.windows(2) {
        if let Some(n) = w[1].3.as_deref().and_then(|n| n.strip_prefix("I-")) {
            let prev = w[0].3.as_deref().map(|p| &p[2..]);
            assert_eq!(prev, Some(n), "{o}");
        }
    }
    assert!(text(&out.stderr).contains("3 sentences"));
}

#[test]
fn parse_articles_and_report_bad_inputs() {
    let dir = tempdir("articles");
    let good = data("article.txt");
    let bad = write(&dir.join("binary.txt"), &[0u8, 1, 2, 0, 0, 7, 8]);
    let out = dyads(&["parse", &bad, &good, "nope.txt"], None);
    let (o, e) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{e}");
    assert!(e.contains("error: ") && e.contains("binary.txt"), "{e}");
    assert!(e.contains("nope.txt"), "{e}");
    assert!(
        o.contains(&format!("# newdoc id = {good}\n# sent_id = 1\n")),
        "{o}"
    );
    assert!(
        o.contains("# text = The United Nations welcomed the meeting, a spokesman said in Geneva.")
    );
    assert!(o.contains("TokenRange=0:"), "{o}");
    assert!(o.contains("NER=B-"), "{o}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn parse_conllu_on_gold_tokens_then_eval() {
    let dir = tempdir("conllu");
    let out = dyads(&["parse", "--conllu", &data("gold.conllu")], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let o = text(&out.stdout);
    // Comments and the multiword token are kept, the words are the gold ones.
    assert!(o.contains("# sent_id = t-2\n# text = Kenya didn't sign the deal.\n"));
    assert!(o.contains("2-3\tdidn't\t_"), "{o}");
    let forms: Vec<String> = tokens(&o)
        .into_iter()
        .map(|t| t.0)
        .filter(|f| f != "didn't")
        .collect();
    assert_eq!(forms.len(), 14);
    let pred = write(&dir.join("pred.conllu"), o.as_bytes());
    let out = dyads(
        &["eval", "conllu", &data("gold.conllu"), &pred, "--json"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = match serde_json::from_slice(&out.stdout) {
        Ok(v) => v,
        Err(e) => panic!("{e}: {}", text(&out.stdout)),
    };
    assert_eq!(v["words"], 14);
    let upos = v["UPOS"]["percent"].as_f64().unwrap_or(-1.0);
    assert!((50.0..=100.0).contains(&upos), "{v}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn eval_conllu_counts_each_column() {
    let out = dyads(
        &["eval", "conllu", &data("gold.conllu"), &data("pred.conllu")],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let o = text(&out.stdout);
    for row in [
        "words     14",
        "UPOS      85.71",
        "XPOS      92.86",
        "UFeats    92.86",
        "Lemmas    78.57",
        "UAS       92.86",
        "LAS       85.71",
        "LAS-full  78.57",
    ] {
        assert!(o.contains(row), "{row:?} in\n{o}");
    }
    let out = dyads(
        &[
            "eval",
            "conllu",
            &data("gold.conllu"),
            &data("gold.conllu"),
            "--json",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(v["LAS-full"]["percent"].as_f64(), Some(100.0), "{v}");
    assert_eq!(v["Lemmas"]["correct"], 14);
}

#[test]
fn eval_reports_misalignment_with_file_and_line() {
    let gold = data("gold.conllu");
    let rows = [
        (
            "misaligned.conllu",
            ":13: word 1 of sentence 2 is \"Kenia\"",
            "gold.conllu:13",
        ),
        ("short.conllu", "gold.conllu:11: ", "has 2 sentences but"),
    ];
    for (file, want, also) in rows {
        let out = dyads(&["eval", "conllu", &gold, &data(file)], None);
        let e = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{e}");
        assert!(e.contains(want) && e.contains(also), "{want:?} in {e}");
    }
    let out = dyads(
        &["eval", "iob2", &data("gold.iob2"), &data("misaligned.iob2")],
        None,
    );
    let e = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{e}");
    assert!(
        e.contains("misaligned.iob2:9: sentence 2 has 2 words but"),
        "{e}"
    );
    assert!(e.contains("gold.iob2:10 has 8"), "{e}");
}

#[test]
fn parse_conllu_reports_a_malformed_sentence_and_goes_on() {
    let out = dyads(&["parse", "--conllu", &data("malformed.conllu")], None);
    let (o, e) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{e}");
    assert!(e.contains("malformed.conllu:2:"), "{e}");
    assert!(o.contains("1\tHi\t"), "{o}");
}

#[test]
fn eval_iob2_scores_entities_and_parse_retags() {
    let out = dyads(
        &[
            "eval",
            "iob2",
            &data("gold.iob2"),
            &data("pred.iob2"),
            "--json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(v["overall"]["gold"], 4, "{v}");
    assert_eq!(v["overall"]["pred"], 4);
    assert_eq!(v["overall"]["correct"], 2);
    assert_eq!(v["overall"]["f1"].as_f64(), Some(0.5));
    assert_eq!(v["by_type"]["ORG"]["pred"], 2);
    assert_eq!(v["by_type"]["PER"]["f1"].as_f64(), Some(1.0));
    let out = dyads(
        &["eval", "iob2", &data("gold.iob2"), &data("pred.iob2")],
        None,
    );
    assert!(text(&out.stdout).contains("overall      4     4        2  0.500  0.500  0.500"));

    let dir = tempdir("iob2");
    let out = dyads(&["parse", "--iob2", &data("gold.iob2")], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let pred = write(&dir.join("pred.iob2"), &out.stdout);
    let out = dyads(&["eval", "iob2", &data("gold.iob2"), &pred, "--json"], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(v["overall"]["gold"], 4, "{v}");
    assert!(v["overall"]["pred"].as_u64().is_some_and(|p| p > 0), "{v}");
    let _ = std::fs::remove_dir_all(&dir);
}
