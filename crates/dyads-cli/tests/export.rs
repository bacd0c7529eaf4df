//! `dyads export` and `dyads import` end to end: every table in every
//! format from the bundled examples, row counts, an import round trip, and
//! (when Python has duckdb) the files read by DuckDB.

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

fn ok(db: &Path, args: &[&str]) -> String {
    let out = dyads(db, args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "dyads {args:?} failed: {err}");
    String::from_utf8_lossy(&out.stdout).into_owned() + &err
}

fn tempdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dyads-export-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    if let Err(e) = std::fs::create_dir_all(&d) {
        panic!("cannot create {}: {e}", d.display());
    }
    d
}

fn read(path: &Path) -> Vec<u8> {
    match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => panic!("cannot read {}: {e}", path.display()),
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap_or_default()
}

/// Records in an RFC 4180 file (quoted fields may hold line breaks),
/// header excluded; also checks every record has as many fields as the header.
fn csv_records(bytes: &[u8]) -> usize {
    let mut fields = 1;
    let mut records = Vec::new();
    let mut quoted = false;
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], quoted) {
            (b'"', true) if bytes.get(i + 1) == Some(&b'"') => i += 1,
            (b'"', q) => quoted = !q,
            (b',', false) => fields += 1,
            (b'\n', false) => {
                records.push(fields);
                fields = 1;
            }
            _ => {}
        }
        i += 1;
    }
    assert!(!quoted, "unterminated quote");
    let header = records.first().copied().unwrap_or(0);
    assert!(records.iter().all(|&n| n == header), "ragged CSV");
    records.len().saturating_sub(1)
}

fn parquet_rows(path: &Path) -> i64 {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => panic!("cannot open {}: {e}", path.display()),
    };
    match SerializedFileReader::new(f) {
        Ok(r) => r.metadata().file_metadata().num_rows(),
        Err(e) => panic!("{}: not Parquet: {e}", path.display()),
    }
}

const TABLES: [&str; 6] = [
    "events",
    "mentions",
    "stories",
    "actors",
    "documents",
    "plover",
];

#[test]
fn every_table_in_every_format_round_trips_through_import() {
    let dir = tempdir("all");
    let db = dir.join("a.db");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    ok(&db, &["ingest", s(&examples)]);
    let lines = |args: &[&str]| ok(&db, args).lines().filter(|l| l.starts_with('{')).count();
    let mentions = lines(&["events", "--json"]);
    let actors = lines(&["actors", "--json"]);
    let documents = lines(&["docs", "--json"]);
    let records = lines(&["records", "--json"]);
    let stories = lines(&["stories", "--json"]);
    assert!(mentions > 10 && actors > 10 && documents > 5);
    assert!(records > 5 && records < mentions && stories > 0);
    let want = [records, mentions, stories, actors, documents, mentions];

    let out = dir.join("out");
    for format in ["csv", "jsonl", "parquet"] {
        let report = ok(&db, &["export", "--format", format, "--out", s(&out)]);
        for (table, n) in TABLES.iter().zip(want) {
            assert!(report.contains(&format!("{table}: {n} rows")), "{report}");
            let path = out.join(format!("{table}.{format}"));
            let got = match format {
                "csv" => csv_records(&read(&path)),
                "jsonl" => read(&path).iter().filter(|&&b| b == b'\n').count(),
                _ => usize::try_from(parquet_rows(&path)).unwrap_or(0),
            };
            assert_eq!(got, n, "{table}.{format}");
        }
    }
    // Every mention is in exactly one event record.
    let events = String::from_utf8_lossy(&read(&out.join("events.jsonl"))).into_owned();
    let mut members = 0;
    let mut merged = 0;
    for line in events.lines() {
        let v: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => panic!("events.jsonl: {e}: {line}"),
        };
        let n = v["NumMentions"].as_u64().unwrap_or(0);
        assert_eq!(
            v["mention_ids"].as_array().map(Vec::len),
            Some(n as usize),
            "{line}"
        );
        members += n as usize;
        merged += usize::from(n > 1);
    }
    assert_eq!(members, mentions);
    assert!(merged > 0, "no record merges two mentions: {events}");
    let header = String::from_utf8_lossy(&read(&out.join("events.csv")))
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(
        header.starts_with("GlobalEventID,Day,MonthYear,Year,FractionDate,Actor1Code"),
        "{header}"
    );
    let header = String::from_utf8_lossy(&read(&out.join("mentions.csv")))
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(
        header.starts_with("GlobalEventID,Day,MonthYear,Year,FractionDate,Actor1Code"),
        "{header}"
    );

    // A single table to standard output, with a filter.
    let one = dyads(
        &db,
        &[
            "export",
            "--format",
            "jsonl",
            "--table",
            "mentions",
            "--modality",
            "asserted",
        ],
    );
    assert!(one.status.success());
    let asserted = ok(&db, &["events", "--json", "--modality", "asserted"])
        .lines()
        .filter(|l| l.starts_with('{'))
        .count();
    assert_eq!(one.stdout.iter().filter(|&&b| b == b'\n').count(), asserted);

    // Import the JSON lines into a fresh store: exporting it again gives
    // the same files.
    let db2 = dir.join("b.db");
    let jsonl = |t: &str| out.join(format!("{t}.jsonl"));
    let report = ok(
        &db2,
        &[
            "import",
            s(&jsonl("mentions")),
            s(&jsonl("actors")),
            s(&jsonl("documents")),
        ],
    );
    assert!(
        report.contains(&format!(
            "{documents} documents, {actors} actors, {mentions} mentions added"
        )),
        "{report}"
    );
    let again = dir.join("again");
    for format in ["csv", "jsonl"] {
        ok(&db2, &["export", "--format", format, "--out", s(&again)]);
        for table in TABLES {
            let name = format!("{table}.{format}");
            assert!(
                read(&out.join(&name)) == read(&again.join(&name)),
                "{name} differs after import"
            );
        }
    }
    // Importing again adds nothing.
    let report = ok(
        &db2,
        &["import", s(&jsonl("documents")), s(&jsonl("mentions"))],
    );
    assert!(
        report.contains("0 documents, 0 actors, 0 mentions added"),
        "{report}"
    );
    // A PLOVER file is refused line by line.
    let bad = dyads(&db2, &["import", s(&jsonl("plover"))]);
    assert_eq!(bad.status.code(), Some(1));

    // DuckDB reads every file as it is, with the same row counts.
    let python = std::env::var("DYADS_PYTHON").unwrap_or_else(|_| "python3".into());
    let has_duckdb = Command::new(&python)
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_duckdb {
        println!("skipped: duckdb not installed");
    } else {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/check_exports.py");
        let mut args = vec![s(&script).to_string(), s(&out).to_string()];
        for (table, n) in TABLES.iter().zip(want) {
            args.push(format!("{table}={n}"));
        }
        let run = match Command::new(&python).args(&args).output() {
            Ok(o) => o,
            Err(e) => panic!("cannot run {python}: {e}"),
        };
        let text = String::from_utf8_lossy(&run.stdout).into_owned()
            + &String::from_utf8_lossy(&run.stderr);
        println!("{text}");
        assert!(run.status.success(), "{text}");
        assert_eq!(text.matches("duckdb ").count(), 18, "{text}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
