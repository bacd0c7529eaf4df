//! Unit tables for each resolution rule, on sentences we wrote about real
//! public people and events.

use std::sync::OnceLock;

use dyads_lexicon::{Date, Lexicon};
use dyads_syntax::Pipeline;
use dyads_text::{clean, read_input, Document, Format, Limits};

use super::{resolve, ActorSource, DocActor, DocActors, MentionKind};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn pipeline() -> Result<&'static Pipeline, String> {
    static P: OnceLock<Result<Pipeline, String>> = OnceLock::new();
    P.get_or_init(|| Pipeline::load().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(Clone::clone)
}

fn document(text: &str) -> Result<Document, String> {
    let article = read_input(
        "t.txt",
        text.as_bytes(),
        Some(Format::Text),
        &Limits::default(),
    )
    .into_iter()
    .next()
    .ok_or("no article")?
    .map_err(|e| e.to_string())?;
    clean(&article).map_err(|e| e.to_string())
}

fn run(text: &str, date: &str) -> Result<(Document, DocActors), Box<dyn std::error::Error>> {
    let doc = document(text)?;
    let parsed = pipeline()?.annotate(&doc);
    let actors = resolve(&doc, &parsed, Lexicon::builtin()?, Date::parse(date));
    Ok((doc, actors))
}

/// The actor of the `nth` occurrence (0-based) of `surface` as a mention.
fn actor_at<'a>(
    doc: &Document,
    a: &'a DocActors,
    surface: &str,
    nth: usize,
) -> Option<&'a DocActor> {
    let start = doc.text.match_indices(surface).nth(nth)?.0;
    let m = a.mentions.iter().find(|m| {
        m.span.start as usize >= start && (m.span.end as usize) <= start + surface.len()
    })?;
    a.actors.get(m.actor)
}

fn id_at(doc: &Document, a: &DocActors, surface: &str, nth: usize) -> String {
    actor_at(doc, a, surface, nth)
        .map(|x| x.id.clone())
        .unwrap_or_else(|| "-".into())
}

/// (text, date, surface, occurrence, expected actor id or `-`)
const TABLE: &[(&str, &str, &str, usize, &str)] = &[
    // names, aliases, variants
    ("North Korean Foreign Minister Choe Son Hui met Sergei Lavrov.", "2024-01-16", "Choe Son Hui", 0, "choe-son-hui"),
    ("North Korean Foreign Minister Choe Son Hui met Sergei Lavrov.", "2024-01-16", "Sergei Lavrov", 0, "lavrov-sergey"),
    ("North Korean Foreign Minister Choe Son Hui met Sergei Lavrov.", "2024-01-16", "North Korean", 0, "PRK"),
    ("The UN Security Council met on Friday.", "2024-01-16", "UN Security Council", 0, "unsc"),
    // metonyms and capitals: the government unless a place
    ("The Kremlin said it welcomed the visit.", "2024-01-16", "Kremlin", 0, "RUS"),
    ("Pyongyang rejected the proposal.", "2024-01-16", "Pyongyang", 0, "PRK"),
    ("Choe Son Hui held talks in Moscow.", "2024-01-16", "Moscow", 0, "place:moscow"),
    // demonyms
    ("Russian officials declined to comment.", "2024-01-16", "Russian", 0, "RUS"),
    // family names alone
    ("Sergei Lavrov met reporters. Lavrov said the talks went well.", "2024-01-16", "Lavrov", 1, "lavrov-sergey"),
    ("Putin spoke on Tuesday.", "2024-01-16", "Putin", 0, "putin-vladimir"),
    // unknown people from context, and their later mentions
    ("Russian Deputy Foreign Minister Mikhail Galuzin met the ambassador. Galuzin said the visit was useful.", "2024-01-16", "Mikhail Galuzin", 0, "ctx:mikhail-galuzin"),
    ("Russian Deputy Foreign Minister Mikhail Galuzin met the ambassador. Galuzin said the visit was useful.", "2024-01-16", "Galuzin", 1, "ctx:mikhail-galuzin"),
    ("Russian Deputy Foreign Minister Mikhail Galuzin arrived on Monday. The deputy minister said the visit was useful.", "2024-01-16", "deputy minister", 0, "ctx:mikhail-galuzin"),
    ("Kim In-ae, a deputy spokeswoman for South Korea's Unification Ministry, said talks should resume.", "2024-01-16", "Kim In-ae", 0, "ctx:kim-in-ae"),
    ("Hong Min, a senior researcher at the Korea Institute for National Unification, said the launch mattered.", "2024-01-16", "Hong Min", 0, "ctx:hong-min"),
    ("Ambassador Extraordinary and Plenipotentiary to Russia Pak Sung Ho met the press.", "2024-01-16", "Pak Sung Ho", 0, "ctx:pak-sung-ho"),
    ("He met the Minister of External Economic Relations, Ri Ryong Nam, in Moscow.", "2024-01-16", "Ri Ryong Nam", 0, "ctx:ri-ryong-nam"),
    ("V.V. Putin and Kim Jong Un met. Vladimir Putin spoke first.", "2024-01-16", "V.V. Putin", 0, "putin-vladimir"),
    // role nominals
    ("The Russian leader praised the agreement.", "2024-01-16", "leader", 0, "putin-vladimir"),
    ("Yoon Suk Yeol spoke in Seoul. The South Korean president said the alliance was strong.", "2023-09-14", "president", 0, "yoon-suk-yeol"),
    ("Choe Son Hui arrived on Monday. The minister laid a wreath.", "2024-01-16", "minister", 0, "choe-son-hui"),
    ("Officials met on Monday. The minister laid a wreath.", "2024-01-16", "minister", 0, "-"),
    // pronouns in subject and object position
    ("Sergei Lavrov met reporters. He said the talks went well.", "2024-01-16", "He", 0, "lavrov-sergey"),
    ("Choe Son Hui met reporters. He said the talks went well.", "2024-01-16", "He", 0, "-"),
    ("Choe Son Hui arrived on Monday. Reporters asked her about the trip.", "2024-01-16", "her", 0, "choe-son-hui"),
    ("Talks between Sergei Lavrov and Antony Blinken ended. He said the talks went well.", "2024-01-16", "He", 0, "-"),
    // ambiguity kept as ambiguity
    ("Congo signed the agreement.", "2024-01-16", "Congo", 0, "-"),
];

#[test]
fn resolution_table() -> TestResult {
    let mut failures = Vec::new();
    for &(text, date, surface, nth, want) in TABLE {
        let (doc, actors) = run(text, date)?;
        let got = id_at(&doc, &actors, surface, nth);
        if got != want {
            failures.push(format!("{text:?} / {surface:?}: got {got}, want {want}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    Ok(())
}

#[test]
fn inferred_people_carry_country_sector_and_role() -> TestResult {
    // (text, name, country, sector)
    let table = [
        ("Russian Deputy Foreign Minister Mikhail Galuzin met the ambassador.", "Mikhail Galuzin", Some("RUS"), Some("GOV")),
        ("Kim In-ae, a deputy spokeswoman for South Korea's Unification Ministry, said talks should resume.", "Kim In-ae", Some("KOR"), Some("GOV")),
        ("Hong Min, a senior researcher at the Korea Institute for National Unification, said the launch mattered.", "Hong Min", Some("KOR"), Some("EDU")),
    ];
    for (text, name, country, sector) in table {
        let (doc, actors) = run(text, "2024-01-16")?;
        let a = actor_at(&doc, &actors, name, 0).ok_or(format!("{name}: no actor"))?;
        assert_eq!(a.source, ActorSource::Inferred, "{name}");
        assert_eq!(
            (a.country.as_deref(), a.sector.as_deref()),
            (country, sector),
            "{name}"
        );
        assert!(a.role.is_some(), "{name}: no role");
        assert_eq!(
            a.code,
            Some(format!("{}{}", country.unwrap_or(""), sector.unwrap_or("")))
        );
    }
    Ok(())
}

#[test]
fn roles_follow_the_document_date() -> TestResult {
    let text = "Donald Trump spoke at a rally.";
    // (date, sector, role starts with "former", code)
    let table = [
        ("2018-03-01", "GOV", false, "USAGOV"),
        ("2024-01-25", "ELI", true, "USAELI"),
    ];
    for (date, sector, former, code) in table {
        let (doc, actors) = run(text, date)?;
        let a = actor_at(&doc, &actors, "Donald Trump", 0).ok_or("no actor")?;
        assert_eq!(a.sector.as_deref(), Some(sector), "{date}");
        assert_eq!(
            a.role.as_deref().is_some_and(|r| r.starts_with("former")),
            former,
            "{date}"
        );
        assert_eq!(a.code.as_deref(), Some(code), "{date}");
    }
    // Without a date: no role.
    let doc = document(text)?;
    let actors = resolve(&doc, &pipeline()?.annotate(&doc), Lexicon::builtin()?, None);
    assert!(actors.actors.iter().all(|a| a.role.is_none()));
    Ok(())
}

#[test]
fn codes_and_kinds() -> TestResult {
    let (doc, actors) = run(
        "The UN Security Council and Russia discussed KCNA reports.",
        "2024-01-16",
    )?;
    let table = [
        ("UN Security Council", "organization", "IGOUNO"),
        ("Russia", "state", "RUS"),
        ("KCNA", "organization", "PRKMED"),
    ];
    for (surface, kind, code) in table {
        let a = actor_at(&doc, &actors, surface, 0).ok_or(surface)?;
        assert_eq!((a.kind, a.code.as_deref()), (kind, Some(code)), "{surface}");
    }
    Ok(())
}

#[test]
fn ambiguity_is_kept() -> TestResult {
    let (_, actors) = run("Congo signed the agreement.", "2024-01-16")?;
    let amb = actors.ambiguous.first().ok_or("no ambiguous mention")?;
    assert!(amb.candidates.contains(&"COD".to_string()));
    assert!(amb.candidates.contains(&"COG".to_string()));
    // Context settles it: the other Congo's capital is named.
    let (doc, actors) = run("Kinshasa and Congo signed the agreement.", "2024-01-16")?;
    assert_eq!(id_at(&doc, &actors, "Congo", 0), "COD");
    Ok(())
}

#[test]
fn mentions_are_sorted_and_in_their_actor() -> TestResult {
    let text = "Sergei Lavrov met Choe Son Hui in Moscow. He said the talks went well. The minister thanked Lavrov.";
    let (doc, actors) = run(text, "2024-01-16")?;
    assert!(actors
        .mentions
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start));
    for m in &actors.mentions {
        let a = &actors.actors[m.actor];
        assert!(a.mentions.contains(&m.span));
        assert!(doc.text.is_char_boundary(m.span.start as usize));
    }
    let kinds: Vec<MentionKind> = actors.mentions.iter().map(|m| m.kind).collect();
    assert!(kinds.contains(&MentionKind::Surname), "{kinds:?}");
    Ok(())
}

#[test]
fn government_bodies_after_a_state() -> TestResult {
    let text = "Russia's Ministry of Natural Resources and South Korea's Foreign Ministry issued statements.";
    let (doc, actors) = run(text, "2024-01-16")?;
    let a = actor_at(&doc, &actors, "Ministry of Natural Resources", 0)
        .ok_or(format!("no ministry: {actors:?}"))?;
    assert_eq!(
        (a.kind, a.country.as_deref(), a.source),
        ("organization", Some("RUS"), ActorSource::Inferred)
    );
    assert_eq!(id_at(&doc, &actors, "Foreign Ministry", 0), "kor-mofa");
    Ok(())
}
