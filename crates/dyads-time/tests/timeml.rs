//! The TempEval-3 scorer on a small TimeML file written for this test, and
//! on a few files of the TBAQ-cleaned corpus when `../shared` is present.

use std::path::{Path, PathBuf};

use dyads_time::score::score_doc;
use dyads_time::timeml::parse_timeml;

/// Our own sentences, annotated by hand.
const TINY: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>tiny</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-01-17" temporalFunction="false" functionInDocument="CREATION_TIME">17 January 2024</TIMEX3></DCT>
<TEXT>
The ferry <EVENT eid="e1" class="OCCURRENCE">left</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2024-01-16">Tuesday</TIMEX3> after a delay of <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>.
Its owners &amp; crew <EVENT eid="e2" class="REPORTING">said</EVENT> <TIMEX3 tid="t3" type="DATE" value="2023">last year</TIMEX3> was the worst, and the line will close in <TIMEX3 tid="t4" type="DATE" value="2024-03">March</TIMEX3>.
The harbour is quiet <TIMEX3 tid="t5" type="DATE" value="PRESENT_REF">these days</TIMEX3>, busy only on <TIMEX3 tid="t6" type="SET" value="XXXX-WXX-6">Saturdays</TIMEX3> in <TIMEX3 tid="t7" type="DATE" value="2024-SU">the summer</TIMEX3>.
</TEXT>
</TimeML>
"#;

#[test]
fn scores_a_tiny_file() -> Result<(), Box<dyn std::error::Error>> {
    let doc = parse_timeml(Path::new("tiny.tml"), TINY)?;
    assert_eq!(doc.dct.to_string(), "2024-01-17");
    assert_eq!(doc.timexes.len(), 7);
    assert!(doc.text.contains("owners & crew"));
    let report = score_doc(&doc, ".");
    let c = report.counts;
    assert_eq!(c.gold, 7);
    // The summer: the annotator meant the coming one, the tagger picks the
    // last one (the nearer of the two, earlier on a tie).
    assert_eq!(
        (c.system, c.strict, c.relaxed),
        (7, 7, 7),
        "{:#?}",
        report.errors
    );
    assert_eq!(c.value, 6, "{:#?}", report.errors);
    assert_eq!(c.kind, 7);
    let (_, _, f1) = c.relaxed_prf();
    assert!((f1 - 1.0).abs() < 1e-9);
    let (_, _, vf) = c.value_prf();
    assert!((vf - 6.0 / 7.0).abs() < 1e-9, "{vf}");
    assert_eq!(report.errors.len(), 1);
    Ok(())
}

fn corpus() -> Option<PathBuf> {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/temporal/TBAQ-cleaned");
    dir.is_dir().then_some(dir)
}

/// A handful of corpus files: the reader accepts them and the tagger finds
/// most of their expressions. The full run is
/// `cargo run --release -p dyads-time --example eval_timeml -- DIR`.
#[test]
fn scores_some_corpus_files() -> Result<(), Box<dyn std::error::Error>> {
    let Some(dir) = corpus() else {
        eprintln!("../shared absent: skipping");
        return Ok(());
    };
    let mut files: Vec<PathBuf> = Vec::new();
    for sub in ["TimeBank", "AQUAINT"] {
        let mut some: Vec<PathBuf> = std::fs::read_dir(dir.join(sub))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "tml"))
            .collect();
        some.sort();
        files.extend(some.into_iter().take(8));
    }
    assert_eq!(files.len(), 16);
    let (mut gold, mut relaxed, mut value) = (0, 0, 0);
    for f in &files {
        let doc = dyads_time::timeml::read_timeml(f)?;
        let r = score_doc(&doc, "");
        gold += r.counts.gold;
        relaxed += r.counts.relaxed;
        value += r.counts.value;
    }
    assert!(gold > 50, "{gold}");
    assert!(relaxed * 10 >= gold * 8, "relaxed recall {relaxed}/{gold}");
    assert!(value * 10 >= gold * 6, "value recall {value}/{gold}");
    Ok(())
}

/// Every fifth document of each group is held out, the rest is for tuning.
#[test]
fn held_out_part_is_every_fifth_document_of_each_group() {
    use dyads_time::score::{Counts, DocReport, Report};
    let doc = |group: &str, i: usize| DocReport {
        path: PathBuf::from(format!("{group}/{i:02}.tml")),
        group: group.to_string(),
        counts: Counts {
            gold: 1,
            ..Counts::default()
        },
        errors: Vec::new(),
    };
    let mut report = Report::default();
    report.docs.extend((1..=12).map(|i| doc("A", i)));
    report.docs.extend((1..=6).map(|i| doc("B", i)));
    let (tuning, held) = report.split_held_out();
    let names: Vec<String> = held
        .docs
        .iter()
        .map(|d| d.path.display().to_string())
        .collect();
    assert_eq!(names, ["A/05.tml", "A/10.tml", "B/05.tml"]);
    assert_eq!(tuning.docs.len(), 15);
    assert_eq!(tuning.total().gold + held.total().gold, 18);
}
