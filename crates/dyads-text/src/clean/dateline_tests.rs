//! Table tests of datelines, bylines and date lines.

use super::*;

#[test]
fn datelines() {
    // (paragraph, place, date, agency)
    let rows: &[(&str, &str, Option<&str>, Option<&str>)] = &[
        (
            "Moscow, 17 January 2024 (EXA): Talks began.",
            "Moscow",
            Some("17 January 2024"),
            Some("EXA"),
        ),
        (
            "MOSCOW (Reuters) - Talks began.",
            "Moscow",
            None,
            Some("Reuters"),
        ),
        (
            "SEOUL, Jan. 17 (Yonhap) -- Talks began.",
            "Seoul",
            None,
            Some("Yonhap"),
        ),
        (
            "WASHINGTON (AP) \u{2014} Talks began.",
            "Washington",
            None,
            Some("AP"),
        ),
        ("NEW YORK \u{2014} Talks began.", "New York", None, None),
        (
            "KYIV, Ukraine (AP) \u{2014} Talks began.",
            "Kyiv",
            None,
            Some("AP"),
        ),
    ];
    for (p, place, date, agency) in rows {
        let d = dateline(p);
        assert_eq!(d.as_ref().map(|d| d.place.as_str()), Some(*place), "{p}");
        assert_eq!(d.as_ref().and_then(|d| d.date.as_deref()), *date, "{p}");
        assert_eq!(d.as_ref().and_then(|d| d.agency.as_deref()), *agency, "{p}");
    }
    assert_eq!(
        dateline("NEW YORK \u{2014} Talks began.").map(|d| d.end),
        Some(13)
    );
    for p in [
        "Lavrov said: the talks were useful.",
        "The minister - a veteran - spoke.",
        "Russia's Foreign Minister (Lavrov): talks.",
        "Putin and Kim met in the Amur region.",
        "January (2024): a month of talks.",
        "UPDATE \u{2014} Talks began.",
        "NATO: the alliance met.",
    ] {
        assert_eq!(dateline(p), None, "{p}");
    }
}

#[test]
fn bylines() {
    let rows: &[(&str, &[&str], Option<&str>)] = &[
        (
            "25.01.2024 Author: Jane ROE",
            &["Jane Roe"],
            Some("25.01.2024"),
        ),
        ("By Jane Roe and John Doe", &["Jane Roe", "John Doe"], None),
        (
            "By Jane Roe, Reuters | Jan. 17, 2024",
            &["Jane Roe"],
            Some("Jan. 17, 2024"),
        ),
        ("Written by Ana de la Cruz", &["Ana de la Cruz"], None),
        ("Jane Roe | 17.01.2024", &["Jane Roe"], Some("17.01.2024")),
        (
            "17 January 2024, Jane Roe",
            &["Jane Roe"],
            Some("17 January 2024"),
        ),
    ];
    for (line, names, date) in rows {
        let b = byline(line);
        assert_eq!(
            b.as_ref().map(|b| b.authors.clone()),
            Some(names.iter().map(|s| s.to_string()).collect()),
            "{line}"
        );
        assert_eq!(b.as_ref().and_then(|b| b.date.as_deref()), *date, "{line}");
    }
    for line in [
        "By Tuesday the talks had ended",
        "By the end of the year, ties grew.",
        "By Staff Reporter",
        "Standby power failed",
        "Geneva talks, 17 January 2024",
        "Summit in Geneva | 17.01.2024 | Jane Roe",
    ] {
        assert_eq!(byline(line), None, "{line}");
    }
}

#[test]
fn date_lines() {
    let rows: &[(&str, Option<(&str, bool)>)] = &[
        (
            "Publication: 15.01.2024 - 11:33",
            Some(("15.01.2024 - 11:33", false)),
        ),
        ("Updated: Jan. 17, 2024", Some(("Jan. 17, 2024", true))),
        (
            "January 16, 2024 10:12 AM GMT+3 Updated 2 hours ago",
            Some(("January 16, 2024 10:12 AM GMT+3", false)),
        ),
        (
            "17 January 2024 | Politics",
            Some(("17 January 2024", false)),
        ),
        ("Talks in Geneva on 17 January 2024 end", None),
        ("No date here", None),
    ];
    for (line, want) in rows {
        let got = date_line(line);
        assert_eq!(got.as_ref().map(|(d, u)| (d.as_str(), *u)), *want, "{line}");
    }
}
