//! Boilerplate removal and metadata on the seed articles (scored against the
//! hand-written gold in `shared/gold/seeds/meta.json`, skipped when `shared`
//! is absent) and on small articles of our own in other layouts, checked with
//! the same rules.

use std::path::PathBuf;

use dyads_eval::seeds::{check_doc, score};
use dyads_text::{clean, read_input, Document, Limits};
use serde_json::Value;

type TestResult = Result<(), String>;

/// Reads and cleans one plain-text article.
fn clean_text(name: &str, raw: &[u8]) -> Result<Document, String> {
    let article = read_input(name, raw, None, &Limits::default())
        .into_iter()
        .next()
        .ok_or("no article read")?
        .map_err(|e| e.to_string())?;
    clean(&article).map_err(|e| e.to_string())
}

/// Checks one document against one gold entry: every failed field is listed.
fn check(doc: &Document, gold: &Value) -> Vec<String> {
    let mut checks = Vec::new();
    check_doc("doc", doc, gold, &mut checks);
    checks
        .into_iter()
        .filter(|c| !c.ok)
        .map(|c| format!("{}: got {:?}, want {:?}", c.field, c.got, c.want))
        .collect()
}

#[test]
fn seeds_match_the_gold() -> TestResult {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if !shared.join("gold/seeds/meta.json").is_file() {
        println!("skipping: no gold under {}", shared.display());
        return Ok(());
    }
    let report = score(&shared).map_err(|e| e.to_string())?;
    let (ok, n) = report.passed();
    if ok == n && n > 0 {
        Ok(())
    } else {
        Err(report.to_string())
    }
}

/// An article of ours, the gold for it (in the seeds' format), and a name.
fn own(name: &str, text: &str, gold: Value) -> TestResult {
    let doc = clean_text(name, text.as_bytes())?;
    let problems = check(&doc, &gold);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{name}:\n{}\n--- text:\n{}",
            problems.join("\n"),
            doc.text
        ))
    }
}

#[test]
fn by_line_agency_dateline_and_related_block() -> TestResult {
    let text = "World\n\nBlinken holds talks with Xi in Beijing\n\nBy Jane Roe and John Doe\nJune 19, 2023\n\n\
        BEIJING (AP) \u{2014} U.S. Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on Monday, the most senior American visit to China in years.\n\n\
        Both sides said they wanted to steady relations after months of friction over a surveillance balloon.\n\n\
        Blinken also held long talks with Foreign Minister Qin Gang and with Wang Yi, the top foreign policy official.\n\n\
        Share this article\n\nRelated stories\n\nChina calls the talks candid\n\nWashington and Beijing agree to keep talking\n";
    own(
        "blinken.txt",
        text,
        serde_json::json!({
            "title": "Blinken holds talks with Xi in Beijing",
            "published": "2023-06-19", "published_precision": "day",
            "authors": ["Jane Roe", "John Doe"],
            "outlet": "AP",
            "dateline_place": "Beijing",
            "boilerplate": ["World", "By Jane Roe and John Doe", "June 19, 2023", "Share this article",
                "Related stories", "China calls the talks candid"],
            "body_first_words": "BEIJING (AP) \u{2014} U.S. Secretary of State",
            "body_last_words": "the top foreign policy official.",
        }),
    )
}

#[test]
fn publication_label_no_author_and_teaser() -> TestResult {
    let text = "Lavrov arrives in Pyongyang for a two-day visit\n\nPublication: 18.10.2023 - 09:41\n\n\
        Russian Foreign Minister Sergei Lavrov landed in Pyongyang on Wednesday for talks with his North Korean counterpart Choe Son Hui.\n\n\
        The trip comes a month after the two countries' leaders held a summit at a spaceport in the Russian Far East.\n\n\
        Read more: Putin hosts Kim at the cosmodrome\n\n\
        Officials gave no word on whether Lavrov would also see Kim Jong Un during his stay.\n";
    own(
        "lavrov.txt",
        text,
        serde_json::json!({
            "title": "Lavrov arrives in Pyongyang for a two-day visit",
            "published": "2023-10-18T09:41", "published_precision": "minute",
            "authors": [], "outlet": null, "dateline_place": null,
            "boilerplate": ["Publication: 18.10.2023 - 09:41", "Read more: Putin hosts Kim at the cosmodrome"],
            "body_first_words": "Russian Foreign Minister Sergei Lavrov landed",
            "body_last_words": "during his stay.",
        }),
    )
}

#[test]
fn no_date_no_author() -> TestResult {
    let text = "Ministers pledge closer ties\n\n\
        The foreign ministers of the two countries promised to deepen their cooperation in trade and energy during talks in the capital.\n\n\
        They also went over the security situation in the region and agreed to meet again next year.\n";
    own(
        "nodate.txt",
        text,
        serde_json::json!({
            "title": "Ministers pledge closer ties",
            "published": null, "authors": [], "outlet": null, "dateline_place": null,
            "boilerplate": ["Ministers pledge closer ties"],
            "body_first_words": "The foreign ministers of the two countries",
            "body_last_words": "agreed to meet again next year.",
        }),
    )
}

#[test]
fn author_bio_and_most_read() -> TestResult {
    let text = "Diplomacy\nWang Yi visits Moscow ahead of an expected summit\n\nFebruary 22, 2023\n\n\
        China's top diplomat Wang Yi held talks in Moscow with Russian Foreign Minister Sergei Lavrov and was later received by President Vladimir Putin.\n\n\
        The visit came as Western capitals watched closely for signs of Chinese support for Russia's war in Ukraine.\n\n\
        Beijing said the two sides discussed a political settlement of the conflict.\n\n\
        Ana Lopez\nAna Lopez is a freelance journalist covering Eurasian diplomacy for several regional outlets.\n\n\
        Most Read\n\nEnvoys trade barbs at the Security Council\n";
    own(
        "wangyi.txt",
        text,
        serde_json::json!({
            "title": "Wang Yi visits Moscow ahead of an expected summit",
            "published": "2023-02-22", "published_precision": "day",
            "authors": ["Ana Lopez"], "outlet": null, "dateline_place": null,
            "boilerplate": ["Diplomacy", "February 22, 2023", "Ana Lopez", "Most Read",
                "Ana Lopez is a freelance journalist covering Eurasian diplomacy for several regional outlets.",
                "Envoys trade barbs at the Security Council"],
            "body_first_words": "China's top diplomat Wang Yi held talks",
            "body_last_words": "a political settlement of the conflict.",
        }),
    )
}

#[test]
fn agency_dateline_with_short_date_gives_no_date() -> TestResult {
    let text = "South Korea protests arms cooperation\n\n\
        SEOUL, Sept. 14 (Yonhap) -- South Korea's foreign ministry said on Thursday that any arms deals between Russia and North Korea would break UN Security Council resolutions.\n\n\
        A ministry spokesman urged both countries to respect the sanctions regime.\n";
    own(
        "seoul.txt",
        text,
        serde_json::json!({
            "title": "South Korea protests arms cooperation",
            "published": null, "authors": [], "outlet": "Yonhap", "dateline_place": "Seoul",
            "boilerplate": [],
            "body_first_words": "SEOUL, Sept. 14 (Yonhap) --",
            "body_last_words": "respect the sanctions regime.",
        }),
    )
}

#[test]
fn update_note_after_date_and_credit_line() -> TestResult {
    let text = "World\nRussia and North Korea discuss closer ties\nBy Jane Roe\n\
        January 16, 2024 10:12 AM GMT+3 Updated 2 hours ago\n\n\
        MOSCOW, Jan 16 (Reuters) - Russia's foreign minister met his North Korean counterpart on Tuesday, the ministry said in a statement.\n\n\
        The two sides went over the situation on the Korean peninsula, it added.\n\n\
        Reporting by Jane Roe; Editing by John Doe\n";
    own(
        "credit.txt",
        text,
        serde_json::json!({
            "title": "Russia and North Korea discuss closer ties",
            "published": "2024-01-16T10:12+03:00", "published_precision": "minute",
            "authors": ["Jane Roe"], "outlet": "Reuters", "dateline_place": "Moscow",
            "boilerplate": ["Reporting by Jane Roe; Editing by John Doe"],
            "body_first_words": "MOSCOW, Jan 16 (Reuters) -",
            "body_last_words": "situation on the Korean peninsula, it added.",
        }),
    )
}
