//! Table tests for the matcher: spelling variants, titles, typos, ambiguity.

use dyads_lexicon::{Lexicon, Match, MatchKind, NameKind};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The matches of `text` as (matched text, candidate ids, kind, title text).
fn run(lex: &Lexicon, text: &str) -> Vec<(String, Vec<String>, MatchKind, Option<String>)> {
    lex.find_all(text)
        .into_iter()
        .map(|m: Match| {
            let ids = m
                .candidates
                .iter()
                .filter_map(|c| lex.get(c.actor).map(|a| a.id.clone()))
                .collect();
            let title = m.title.map(|t| t.span.slice(text).to_string());
            (m.span.slice(text).to_string(), ids, m.kind, title)
        })
        .collect()
}

/// One row: text, the span expected, its candidate ids (sorted), its kind.
macro_rules! t {
    ($lex:expr, $text:expr, $span:expr, [$($id:expr),*], $kind:ident) => {{
        let got = run($lex, $text);
        let want: Vec<String> = vec![$($id.to_string()),*];
        let hit = got.iter().find(|(s, _, _, _)| s == $span);
        let Some((_, ids, kind, _)) = hit else {
            panic!("{:?}: no match on {:?}; got {:?}", $text, $span, got);
        };
        let mut ids = ids.clone();
        ids.sort();
        assert_eq!((&ids, *kind), (&want, MatchKind::$kind), "{:?}: {:?}", $text, got);
    }};
}

#[test]
fn names_variants_typos_and_ambiguity() -> TestResult {
    let lex = Lexicon::builtin()?;
    t!(
        lex,
        "Choe Son-hui arrived.",
        "Choe Son-hui",
        ["choe-son-hui"],
        Exact
    );
    t!(
        lex,
        "Choe Son Hui arrived.",
        "Choe Son Hui",
        ["choe-son-hui"],
        Exact
    );
    t!(
        lex,
        "Choi Son Hui arrived.",
        "Choi Son Hui",
        ["choe-son-hui"],
        Exact
    );
    t!(
        lex,
        "Chwe Sonhui arrived.",
        "Chwe Sonhui",
        ["choe-son-hui"],
        Variant
    );
    t!(
        lex,
        "Kim Jong-un spoke.",
        "Kim Jong-un",
        ["kim-jong-un"],
        Exact
    );
    t!(
        lex,
        "Kim Jong Un spoke.",
        "Kim Jong Un",
        ["kim-jong-un"],
        Exact
    );
    t!(
        lex,
        "Kim Jongun spoke.",
        "Kim Jongun",
        ["kim-jong-un"],
        Variant
    );
    t!(
        lex,
        "Kin Jong-un spoke.",
        "Kin Jong-un",
        ["kim-jong-un"],
        Typo
    );
    t!(
        lex,
        "Sergei Lavrov said.",
        "Sergei Lavrov",
        ["lavrov-sergey"],
        Exact
    );
    t!(
        lex,
        "Sergey Lavrov said.",
        "Sergey Lavrov",
        ["lavrov-sergey"],
        Exact
    );
    t!(
        lex,
        "Sergej Lavrov said.",
        "Sergej Lavrov",
        ["lavrov-sergey"],
        Variant
    );
    t!(
        lex,
        "Sergey Lavorv said.",
        "Sergey Lavorv",
        ["lavrov-sergey"],
        Typo
    );
    t!(lex, "according to KNCA", "KNCA", ["kcna"], Typo);
    t!(lex, "according to KCNA", "KCNA", ["kcna"], Exact);
    t!(lex, "the Kremlin said", "Kremlin", ["kremlin"], Exact);
    // A name opening with `the` yields to the longer name it starts.
    t!(
        lex,
        "NATO, the North Atlantic Alliance, met in Vilnius.",
        "North Atlantic Alliance",
        ["nato"],
        Exact
    );
    t!(
        lex,
        "The West imposed sanctions.",
        "The West",
        ["west"],
        Exact
    );
    let sea = run(lex, "ships in the South China Sea");
    assert!(
        sea.iter().all(|m| !m.1.contains(&"KOR".to_string())),
        "{sea:?}"
    );
    assert!(run(lex, "rain in the west of the country").is_empty());
    t!(
        lex,
        "Pyongyang fired a missile",
        "Pyongyang",
        ["PRK"],
        Exact
    );
    t!(lex, "North Korean troops", "North Korean", ["PRK"], Exact);
    t!(lex, "North Koreans fled", "North Koreans", ["PRK"], Exact);
    t!(lex, "fighting in Congo", "Congo", ["COD", "COG"], Exact);
    t!(lex, "talks with the DRC", "DRC", ["COD"], Exact);
    t!(lex, "Kyiv and Kiev", "Kyiv", ["UKR"], Exact);
    t!(lex, "Kyiv and Kiev", "Kiev", ["UKR"], Exact);
    t!(lex, "the White House said", "White House", ["USA"], Exact);
    t!(lex, "Seoul and Tokyo", "Tokyo", ["JPN"], Exact);
    t!(
        lex,
        "the U.N. Security Council met",
        "U.N. Security Council",
        ["unsc"],
        Exact
    );
    t!(lex, "Côte d’Ivoire voted", "Côte d’Ivoire", ["CIV"], Exact);
    t!(lex, "Russia's foreign ministry", "Russia", ["RUS"], Exact);
    t!(lex, "the North fired", "the North", ["PRK"], Weak);
    // A weak alias yields to a longer name starting inside it.
    t!(
        lex,
        "the South Korean president",
        "South Korean",
        ["KOR"],
        Exact
    );
    // A name never ends inside a hyphenated word.
    let hyphen = run(lex, "Cho Hyun-dong, the ambassador, spoke.");
    assert!(
        hyphen.iter().all(|(s, _, _, _)| s != "Cho Hyun"),
        "{hyphen:?}"
    );
    t!(lex, "Cho Hyun spoke.", "Cho Hyun", ["cho-hyun"], Exact);
    // ... unless the hyphen joins two names: both sides are matched.
    let pair = run(lex, "the US-Philippine drills and the EU-China summit");
    let spans: Vec<&str> = pair.iter().map(|(s, _, _, _)| s.as_str()).collect();
    assert_eq!(spans, ["US", "Philippine", "EU", "China"], "{pair:?}");
    // A name glued to a common word stays out.
    let glued = run(lex, "Iran-backed militias");
    assert!(glued.is_empty(), "{glued:?}");
    t!(lex, "the WHO said", "WHO", ["who"], Exact);
    Ok(())
}

#[test]
fn case_rules_keep_common_words_out() -> TestResult {
    let lex = Lexicon::builtin()?;
    for text in [
        "who said what to whom",
        "we ate turkey and china plates",
        "us and them",
        "a ban on imports",
        "at 3 p.m. local time",
    ] {
        let got = run(lex, text);
        assert!(got.is_empty(), "{text:?}: {got:?}");
    }
    Ok(())
}

#[test]
fn titles_are_stripped_and_reported() -> TestResult {
    let lex = Lexicon::builtin()?;
    let text = "President Putin met Comrade Kim Jong Un and Foreign Minister Choe Son Hui.";
    let ms = lex.find_all(text);
    let rows: Vec<(&str, Option<&str>, Option<String>)> = ms
        .iter()
        .map(|m| {
            let title = m.title.map(|t| t.span.slice(text));
            let code = m
                .title
                .and_then(|t| t.term)
                .and_then(|t| lex.term(t))
                .map(|t| format!("{}:{}", t.code, t.role_kind.clone().unwrap_or_default()));
            (m.span.slice(text), title, code)
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                "Putin",
                Some("President"),
                Some("GOV:head_of_state".to_string())
            ),
            ("Kim Jong Un", Some("Comrade"), None),
            (
                "Choe Son Hui",
                Some("Foreign Minister"),
                Some("GOV:foreign_minister".to_string())
            ),
        ]
    );
    let putin = ms.first().ok_or("no match")?;
    let c = putin.candidates.first().ok_or("no candidate")?;
    assert_eq!(
        (c.kind, c.name_kind),
        (MatchKind::Partial, NameKind::Surname)
    );
    Ok(())
}

#[test]
fn surnames_alone_are_partial_and_ambiguous() -> TestResult {
    let lex = Lexicon::builtin()?;
    let got = run(lex, "Kim said the talks failed.");
    let (span, ids, kind, _) = got.first().ok_or("no match")?;
    assert_eq!((span.as_str(), *kind), ("Kim", MatchKind::Partial));
    assert!(ids.len() > 3, "{ids:?}");
    assert!(ids.iter().any(|i| i == "kim-jong-un"));
    Ok(())
}

#[test]
fn terms_are_found_with_their_sectors() -> TestResult {
    let lex = Lexicon::builtin()?;
    let text = "Rebels clashed with police as lawmakers and defense ministers met.";
    let terms: Vec<(&str, &str)> = lex
        .scan(text)
        .terms
        .iter()
        .filter_map(|m| Some((m.span.slice(text), lex.term(m.term)?.code.as_str())))
        .collect();
    assert_eq!(
        terms,
        vec![
            ("Rebels", "REB"),
            ("police", "COP"),
            ("lawmakers", "LEG"),
            ("defense ministers", "GOV")
        ]
    );
    Ok(())
}

#[test]
fn spans_are_byte_spans_into_the_original() -> TestResult {
    let lex = Lexicon::builtin()?;
    let text = "«Ердоган» — Recep Tayyip Erdoğan’s visit to Türkiye’s capital Ankara";
    for m in lex.find_all(text) {
        assert!(text.is_char_boundary(m.span.start as usize));
        assert!(text.is_char_boundary(m.span.end as usize));
    }
    let got = run(lex, text);
    assert!(
        got.iter()
            .any(|(s, ids, _, _)| s == "Türkiye" && ids == &["TUR"]),
        "{got:?}"
    );
    Ok(())
}

/// A TABARI stem (`ARGENTIN`, no closing `_`) matches every word that
/// begins with it; a closed word (`IVORY_COAST_`) only itself.
#[test]
fn tabari_stems_match_word_beginnings() -> TestResult {
    let text = b"ARGENTIN  [ARG]\nIVORY_COAST_  [IVO]\nSOUTH_AFRIC [SAF]\n";
    let (actors, report) = dyads_lexicon::import::read_actors("demo.actors", text);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let lex = Lexicon::from_parts(actors, Vec::new(), Vec::new(), Vec::new());
    let found = |t: &str| -> Vec<String> {
        lex.find_all(t)
            .iter()
            .map(|m| m.span.slice(t).to_string())
            .collect()
    };
    assert_eq!(
        found("Argentina and the Argentine envoy met in South Africa."),
        ["Argentina", "Argentine", "South Africa"]
    );
    assert_eq!(
        found("Ivory Coast, not the Ivory Coastline."),
        ["Ivory Coast"]
    );
    assert!(found("Argent is a colour.").is_empty());
    Ok(())
}
