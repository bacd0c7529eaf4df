//! Export to PETRARCH format and import back: the same names get the same
//! codes on the same dates.

use std::collections::HashMap;

use dyads_lexicon::export::{actors_dictionary, agents_dictionary, export_codes};
use dyads_lexicon::import::{read_actors, read_agents};
use dyads_lexicon::normalize::normalize;
use dyads_lexicon::{Date, Lexicon};

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[test]
fn actors_round_trip() -> TestResult {
    let lex = Lexicon::builtin()?;
    let text = actors_dictionary(lex);
    let (actors, report) = read_actors("export.actors.txt", text.as_bytes());
    assert!(report.warnings.is_empty(), "{:?}", report.warnings.first());
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (i, a) in actors.iter().enumerate() {
        for n in &a.names {
            by_name.insert(normalize(&n.text), i);
        }
    }
    let dates: Vec<Date> = ["1995-06-01", "2005-01-01", "2015-07-01", "2024-03-01"]
        .iter()
        .filter_map(|d| Date::parse(d))
        .collect();
    let mut checked = 0;
    for a in lex.actors() {
        if export_codes(a).is_empty() {
            continue;
        }
        let Some(&j) = by_name.get(&normalize(&a.canonical)) else {
            continue; // ambiguous names are not exported
        };
        for &d in &dates {
            assert_eq!(a.code_on(d), actors[j].code_on(d), "{} on {d}", a.id);
        }
        checked += 1;
    }
    println!(
        "round trip: {} actors exported, {checked} checked",
        actors.len()
    );
    assert!(checked > 500, "{checked}");
    Ok(())
}

#[test]
fn agents_round_trip() -> TestResult {
    let lex = Lexicon::builtin()?;
    let text = agents_dictionary(lex);
    let (terms, report) = read_agents("export.agents.txt", text.as_bytes());
    assert!(report.warnings.is_empty(), "{:?}", report.warnings.first());
    let forms: usize = lex.terms().iter().map(|t| 1 + t.variants.len()).sum();
    assert_eq!(terms.len(), forms);
    for t in &terms {
        let ours = lex.sector_of(&t.term).ok_or("term lost")?;
        assert_eq!(ours.code, t.code, "{}", t.term);
        assert!(t.variants.is_empty());
    }
    Ok(())
}
