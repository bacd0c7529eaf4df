//! Every PETRARCH/Phoenix/TABARI actor, agent and discard dictionary under
//! `../shared/eval` loads; counts and warnings are printed (run with
//! `cargo test -- --nocapture`). Skips cleanly when `../shared` is absent.

use std::path::{Path, PathBuf};

use dyads_lexicon::{DictKind, Lexicon};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval");
    p.is_dir().then_some(p)
}

fn dictionary_files(root: &Path) -> Vec<PathBuf> {
    let dirs: Vec<PathBuf> = [
        "dictionaries/openeventdata_Dictionaries",
        "dictionaries/petrarch2_shipped",
        "petrarch2/validation_dicts",
        "tabari",
    ]
    .iter()
    .map(|d| root.join(d))
    .collect();
    dyads_lexicon::import::dictionary_files(&dirs)
}

#[test]
fn every_shared_dictionary_loads() -> TestResult {
    let Some(root) = shared() else {
        println!("skipped: ../shared/eval is absent");
        return Ok(());
    };
    let files = dictionary_files(&root);
    assert!(files.len() >= 14, "found only {} dictionaries", files.len());
    let (lex, report) = Lexicon::from_dicts(&files)?;
    println!(
        "{:<70} {:>8} {:>7} {:>7} {:>6} {:>8}",
        "file", "kind", "entries", "names", "codes", "warnings"
    );
    for r in &report.files {
        let name = r.file.rsplit("eval/").next().unwrap_or(&r.file);
        let kind = format!("{:?}", r.kind);
        println!(
            "{name:<70} {kind:>8} {:>7} {:>7} {:>6} {:>8}",
            r.entries,
            r.names,
            r.codes,
            r.warnings.len()
        );
        for w in r.warnings.iter().take(3) {
            println!("    {w}");
        }
        // `tabari/discards.txt` is a tab-separated data table, not a discard
        // list: every line is reported and skipped.
        assert!(
            r.entries > 0 || r.kind == DictKind::Discards,
            "{} has no entries",
            r.file
        );
        // Every warning names its file and a line.
        assert!(r.warnings.iter().all(|w| w.line > 0 && w.file == r.file));
    }
    let warnings = report.warnings().count();
    println!(
        "total: {} actors, {} agent terms, {} discards, {warnings} warnings",
        lex.actors().len(),
        lex.terms().len(),
        lex.discards().len()
    );
    // The Phoenix country dictionary codes North Korea as PRK.
    let phoenix: Vec<&PathBuf> = files
        .iter()
        .filter(|p| p.ends_with("openeventdata_Dictionaries/Phoenix.Countries.actors.txt"))
        .collect();
    let (countries, _) = Lexicon::from_dicts(&phoenix)?;
    let ms = countries.find_all("NORTH KOREA and the DPRK");
    let codes: Vec<&str> = ms
        .iter()
        .filter_map(|m| {
            countries
                .get(m.candidates.first()?.actor)?
                .cameo_code
                .as_deref()
        })
        .collect();
    assert!(codes.contains(&"PRK"), "{codes:?}");
    Ok(())
}

#[test]
fn dictionaries_layer_over_the_builtin_lexicon() -> TestResult {
    let Some(root) = shared() else {
        println!("skipped: ../shared/eval is absent");
        return Ok(());
    };
    let path = root.join("petrarch2/validation_dicts/PETR.Validate.actors.txt");
    let (dict, report) = Lexicon::from_dicts(&[path])?;
    assert!(report.files.iter().all(|f| f.entries > 0));
    let base = Lexicon::builtin()?;
    let layered = dict.layer_over(base);
    // The validation dictionary codes EGYPT as UAR (a test fixture): its
    // entry hides the built-in one; Kazakhstan still comes from the base.
    let text = "Egypt and Kazakhstan";
    let ids: Vec<String> = layered
        .find_all(text)
        .iter()
        .filter_map(|m| Some(layered.get(m.candidates.first()?.actor)?.id.clone()))
        .collect();
    assert_eq!(ids, vec!["dict:EGYPT".to_string(), "KAZ".to_string()]);
    let egypt = layered.actor("dict:EGYPT").ok_or("egypt")?;
    assert_eq!(egypt.cameo_code.as_deref(), Some("UAR"));
    Ok(())
}

/// TABARI's compound (`[ELR/GAL]`) and complex (`[+++]`) actors are read
/// and counted, held apart from the actors the matcher knows.
#[test]
fn compound_and_complex_actors_are_held_apart() -> TestResult {
    let Some(root) = shared() else {
        println!("skipped: ../shared/eval is absent");
        return Ok(());
    };
    let file = root.join("tabari/TABARI.Demo.actors");
    let (lex, report) = Lexicon::from_dicts(&[file])?;
    assert_eq!(
        report.warnings().count(),
        0,
        "{:?}",
        report.files[0].warnings
    );
    let compound: Vec<&str> = lex
        .compound_actors()
        .iter()
        .map(|a| a.canonical.as_str())
        .collect();
    assert!(compound.contains(&"LORIEN"), "{compound:?}");
    assert!(compound.contains(&"ISILDUR"), "{compound:?}");
    assert!(lex.actors().iter().all(|a| a.canonical != "LORIEN"));
    let on = dyads_lexicon::Date {
        y: 1995,
        m: 1,
        d: 1,
    };
    let shire = lex
        .compound_actors()
        .iter()
        .find(|a| a.canonical == "THE SHIRE")
        .map(|a| a.codes_on(on));
    assert_eq!(
        shire,
        Some(vec!["FRO".to_string(), "BIL".into(), "SAM".into()])
    );
    Ok(())
}
