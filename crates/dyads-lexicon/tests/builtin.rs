//! The built-in data loads without errors, and its examples run.

use dyads_lexicon::{ActorKind, Lexicon, OrgType, StateStatus};

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[test]
fn builtin_data_loads_with_zero_errors() -> TestResult {
    let (lex, errors) = Lexicon::builtin_with_errors();
    for e in &errors {
        eprintln!("{e}");
    }
    assert!(
        errors.is_empty(),
        "{} errors in the built-in data",
        errors.len()
    );
    let count = |k: ActorKind| lex.actors().iter().filter(|a| a.kind == k).count();
    let status = |s: StateStatus| lex.actors().iter().filter(|a| a.status == Some(s)).count();
    let forms: usize = lex.terms().iter().map(|t| 1 + t.variants.len()).sum();
    println!(
        "built-in lexicon: {} states ({} members, {} observers, {} territories), {} organisations, {} people, {} roles, {} sector terms ({} forms)",
        count(ActorKind::State),
        status(StateStatus::Member),
        status(StateStatus::Observer),
        status(StateStatus::Territory),
        count(ActorKind::Organization),
        count(ActorKind::Person),
        lex.roles().len(),
        lex.terms().len(),
        forms,
    );
    let m = lex.matcher();
    println!(
        "matcher: {} words, {} names in the typo index",
        m.vocabulary_size(),
        m.typo_index_size()
    );
    assert_eq!(status(StateStatus::Member), 193);
    assert_eq!(status(StateStatus::Observer), 2);
    assert!(status(StateStatus::Territory) >= 8);
    assert!(count(ActorKind::Organization) >= 200);
    assert!(forms >= 150);
    let types = |t: OrgType| {
        lex.actors()
            .iter()
            .filter(|a| a.org_type == Some(t))
            .count()
    };
    assert!(types(OrgType::Media) >= 30);
    assert!(types(OrgType::ThinkTank) >= 15);
    Ok(())
}

#[test]
fn lookups() -> TestResult {
    let lex = Lexicon::builtin()?;
    assert_eq!(
        lex.state_by_code("PRK").map(|a| a.canonical.as_str()),
        Some("North Korea")
    );
    assert_eq!(lex.state_by_code("KSV").map(|a| a.id.as_str()), Some("XKX"));
    assert_eq!(lex.state_by_code("TMP").map(|a| a.id.as_str()), Some("TLS"));
    assert_eq!(
        lex.actor("RUS").and_then(|a| a.capital.as_deref()),
        Some("Moscow")
    );
    assert_eq!(
        lex.actor("kcna").and_then(|a| a.country.as_deref()),
        Some("PRK")
    );
    assert_eq!(
        lex.actor("nato").and_then(|a| a.cameo_code.as_deref()),
        Some("IGOWSTNAT")
    );
    let fm = lex
        .sector_of("Foreign Minister")
        .ok_or("foreign minister")?;
    assert_eq!(
        (fm.code.as_str(), fm.role_kind.as_deref()),
        ("GOV", Some("foreign_minister"))
    );
    let dm = lex
        .sector_of("defense ministers")
        .ok_or("defense ministers")?;
    assert_eq!(dm.role_kind.as_deref(), Some("defence_minister"));
    assert_eq!(
        lex.sector_of("rebels").map(|t| t.code.as_str()),
        Some("REB")
    );
    assert_eq!(
        lex.sector_of("Vice-President").map(|t| t.code.as_str()),
        Some("GOV")
    );
    assert!(lex.sector_of("banana").is_none());
    Ok(())
}

/// Each sector term's example phrase runs through the matcher and the term
/// (or one of its forms) is found in it.
#[test]
fn sector_examples_match_their_terms() -> TestResult {
    let lex = Lexicon::builtin()?;
    let mut failures = Vec::new();
    for (i, t) in lex.terms().iter().enumerate() {
        let Some(ex) = &t.example else { continue };
        let found = lex
            .scan(ex)
            .terms
            .iter()
            .any(|m| lex.term(m.term).map(|x| &x.term) == Some(&t.term));
        if !found {
            failures.push(format!("term {i} `{}`: not found in `{ex}`", t.term));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    Ok(())
}
