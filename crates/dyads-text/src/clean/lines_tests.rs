//! Table tests of the line classifiers.

use super::*;

#[test]
fn norm_folds_typography() {
    assert_eq!(
        norm("  Kim\u{a0}Jong Un\u{2019}s  \u{201C}visit\u{201D} \u{2014} ok "),
        "kim jong un's \"visit\" - ok"
    );
    assert_eq!(norm("Russia's"), norm("Russia\u{2019}s"));
    assert_eq!(norm(""), "");
}

#[test]
fn sentence_and_title_shapes() {
    assert!(ends_sentence("They met.\u{201D}"));
    assert!(ends_sentence("Did they meet?"));
    assert!(!ends_sentence("Ministers meet in Geneva"));
    assert!(is_title_like("Ministers meet in Geneva"));
    assert!(is_title_like("Will the talks go on?"));
    assert!(!is_title_like("Ministers met in Geneva."));
    assert!(!is_title_like("Geneva"));
    assert!(!is_title_like("continued talks in the capital"));
    assert!(is_prose(
        "The ministers met in Geneva on Monday to talk about trade."
    ));
    assert!(!is_prose("Ministers met."));
}

#[test]
fn teasers() {
    let yes = [
        "Also Read:\u{a0} Envoys meet in Vienna",
        "Read more: Envoys meet in Vienna",
        "READ MORE",
        "Related articles:",
        "Related: Envoys meet in Vienna",
        "See also \u{2014} Envoys meet in Vienna",
        "Also read Envoys meet in Vienna",
    ];
    for s in yes {
        assert!(is_teaser(s), "{s}");
    }
    let no = [
        "Also, on that day the delegation toured a museum.",
        "Related to this, the minister said more talks were needed.",
        "Read the full statement, the ministry urged reporters.",
        "Recommendations were adopted by the council.",
    ];
    for s in no {
        assert!(!is_teaser(s), "{s}");
    }
}

#[test]
fn widgets_and_footers() {
    for s in [
        "Follow us",
        "Most Popular",
        "Share this article:",
        "Follow us on Telegram",
        "Tags: diplomacy, Russia",
        "\u{a9} 2024 Example Daily. All rights reserved.",
        "5 min read",
    ] {
        assert!(is_widget(s), "{s}");
    }
    for s in ["Follow the money", "Most ministers agreed."] {
        assert!(!is_widget(s), "{s}");
    }
    assert!(is_footer_start("Related articles:"));
    assert!(is_footer_start("Most Read"));
    assert!(!is_footer_start("Related: Envoys meet in Vienna"));
    assert!(!is_footer_start("The ministers met again."));
}

#[test]
fn breadcrumbs() {
    assert!(is_breadcrumb("HomeNewsWorld Ministers meet"));
    assert!(is_breadcrumb("Home > News > World"));
    assert!(is_breadcrumb("Home \u{bb} World \u{bb} Europe"));
    assert!(!is_breadcrumb("Homeland security talks resume"));
    assert!(!is_breadcrumb("Home Office officials met"));
    assert!(is_breadcrumb("World / Europe / Russia"));
    assert!(is_breadcrumb("News > Asia Pacific > Korea"));
    assert!(!is_breadcrumb("Seoul / Tokyo talks"));
    assert!(!is_breadcrumb(
        "Prices rose / fell / rose again, data show."
    ));
}

#[test]
fn person_names() {
    let rows: &[(&str, Option<&str>)] = &[
        ("Jane Roe", Some("Jane Roe")),
        ("Ivan PETROV", Some("Ivan Petrov")),
        ("Ana de la Cruz", Some("Ana de la Cruz")),
        ("Choe Son-hui", Some("Choe Son-hui")),
        ("Jane", None),
        ("Staff Reporter", None),
        ("The Foreign Ministry", None),
        ("Ministers met in Geneva", None),
        ("Jane Roe 2", None),
        ("de la Cruz", None),
    ];
    for (s, want) in rows {
        assert_eq!(person_name(s).as_deref(), *want, "{s}");
    }
    assert_eq!(
        strip_name("JANE ROE, analyst", "Jane Roe"),
        Some(", analyst")
    );
    assert_eq!(strip_name("Jane Roes", "Jane Roe"), None);
    assert_eq!(strip_name("J", "Jane Roe"), None);
}

#[test]
fn outlets_named_in_bios_and_footers() {
    let rows: &[(&str, Option<&str>)] = &[
        (
            "Jane Roe, analyst, exclusively for the weekly \u{201C}Example Review\u{201D}.",
            Some("Example Review"),
        ),
        (
            "Written for \"The Example\" by Jane Roe.",
            Some("The Example"),
        ),
        (
            "\u{a9} 2024 Example Daily. All rights reserved.",
            Some("Example Daily"),
        ),
        ("\u{a9} All rights reserved.", None),
        ("Jane Roe is an analyst.", None),
        ("exclusively for us", None),
    ];
    for (s, want) in rows {
        assert_eq!(named_outlet(s).as_deref(), *want, "{s}");
    }
    assert!(has_bio_words("Jane Roe is a PhD student in Geneva."));
    assert!(!has_bio_words("The ministers met in Geneva."));
}
