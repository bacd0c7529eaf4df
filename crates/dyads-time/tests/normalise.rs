//! Table tests: (document creation time, text, expected expressions as
//! (text, type, value)). Every row lists all the expressions it expects, so
//! a missed or an extra one fails too.

mod common;

use common::check;
use dyads_time::{tag, Date};

#[test]
fn absolute_dates() {
    check(&[
        (
            "2024-01-25",
            "On 16 January the army attacked.",
            &[("16 January", "DATE", "2024-01-16")],
        ),
        (
            "2024-01-25",
            "It began on January 16, 2024.",
            &[("January 16, 2024", "DATE", "2024-01-16")],
        ),
        (
            "2024-01-25",
            "It began Jan. 16 at dawn.",
            &[("Jan. 16", "DATE", "2024-01-16")],
        ),
        (
            "2024-01-25",
            "Filed 16.01.2024 in Kyiv.",
            &[("16.01.2024", "DATE", "2024-01-16")],
        ),
        (
            "2024-01-25",
            "Filed 2024-01-16 in Kyiv.",
            &[("2024-01-16", "DATE", "2024-01-16")],
        ),
        (
            "2024-01-25",
            "Filed 01/16/2024 and 25/12/2023.",
            &[
                ("01/16/2024", "DATE", "2024-01-16"),
                ("25/12/2023", "DATE", "2023-12-25"),
            ],
        ),
        (
            "2024-01-25",
            "Prices fell in January 2024.",
            &[("January 2024", "DATE", "2024-01")],
        ),
        (
            "2024-01-25",
            "The war ended in 1995, not 1996.",
            &[("1995", "DATE", "1995"), ("1996", "DATE", "1996")],
        ),
        ("2024-01-25", "It sold 1998 cars and cost $2000.", &[]),
        (
            "2024-01-25",
            "Markets boomed in the 1990s.",
            &[("the 1990s", "DATE", "199")],
        ),
        (
            "2024-01-25",
            "Wars of the 20th century.",
            &[("the 20th century", "DATE", "19")],
        ),
        (
            "1998-03-01",
            "Profit for fiscal 1998 rose.",
            &[("fiscal 1998", "DATE", "1998")],
        ),
        (
            "1998-02-05",
            "By the year two thousand, all will change.",
            &[("the year two thousand", "DATE", "2000")],
        ),
        (
            "1998-02-27",
            "It was nineteen ninety-six.",
            &[("nineteen ninety-six", "DATE", "1996")],
        ),
        (
            "2024-01-25",
            "Talks ran January 14-18, 2024 in Geneva.",
            &[("January 14-18, 2024", "DATE", "2024-01-14")],
        ),
        (
            "2024-01-25",
            "The editorial ran Monday, Oct. 23, 2023.",
            &[("Monday, Oct. 23, 2023", "DATE", "2023-10-23")],
        ),
        (
            "2024-01-25",
            "Shops close on Christmas Day.",
            &[("Christmas Day", "DATE", "2023-12-25")],
        ),
        (
            "1999-12-01",
            "Talks resumed after Thanksgiving.",
            &[("Thanksgiving", "DATE", "1999-11-25")],
        ),
    ]);
}

#[test]
fn relative_to_the_dct() {
    check(&[
        (
            "2024-01-17",
            "On Tuesday the ministers met.",
            &[("Tuesday", "DATE", "2024-01-16")],
        ),
        (
            "2024-01-17",
            "The ministers will meet on Tuesday.",
            &[("Tuesday", "DATE", "2024-01-23")],
        ),
        (
            "2024-01-17",
            "They met last Wednesday.",
            &[("last Wednesday", "DATE", "2024-01-10")],
        ),
        (
            "2024-01-17",
            "They met yesterday and meet again tomorrow.",
            &[
                ("yesterday", "DATE", "2024-01-16"),
                ("tomorrow", "DATE", "2024-01-18"),
            ],
        ),
        (
            "2024-01-17",
            "Today the vote is held.",
            &[("Today", "DATE", "2024-01-17")],
        ),
        (
            "2024-01-16",
            "Sirens sounded tonight.",
            &[("tonight", "TIME", "2024-01-16TNI")],
        ),
        (
            "2024-05-02",
            "Police dispersed the protesters overnight.",
            &[("overnight", "TIME", "2024-05-01TNI")],
        ),
        (
            "2024-01-17",
            "Last week prices rose; this week they fell.",
            &[
                ("Last week", "DATE", "2024-W02"),
                ("this week", "DATE", "2024-W03"),
            ],
        ),
        (
            "2024-01-17",
            "Elections are due next month.",
            &[("next month", "DATE", "2024-02")],
        ),
        (
            "2024-01-17",
            "Last year the economy shrank; this year it grows.",
            &[("Last year", "DATE", "2023"), ("this year", "DATE", "2024")],
        ),
        (
            "2024-01-25",
            "In October the army advanced.",
            &[("October", "DATE", "2023-10")],
        ),
        (
            "2024-01-25",
            "The summit will be held in October.",
            &[("October", "DATE", "2024-10")],
        ),
        (
            "1998-03-01",
            "Two helicopters crashed last February.",
            &[("last February", "DATE", "1997-02")],
        ),
        (
            "2024-01-25",
            "Two days ago the talks failed.",
            &[("Two days ago", "DATE", "2024-01-23")],
        ),
        (
            "2024-01-25",
            "Five years ago the war began.",
            &[("Five years ago", "DATE", "2019")],
        ),
        (
            "2024-01-25",
            "Several years ago it was quiet.",
            &[("Several years ago", "DATE", "PAST_REF")],
        ),
        (
            "2013-03-14",
            "The plan was drafted last week.",
            &[("last week", "DATE", "2013-W10")],
        ),
        (
            "1990-08-13",
            "Troops arrived over the weekend.",
            &[("the weekend", "DATE", "1990-W32-WE")],
        ),
    ]);
}

#[test]
fn modifiers_and_periods() {
    check(&[
        (
            "2024-03-25",
            "Snow fell in late January.",
            &[("late January", "DATE", "2024-01")],
        ),
        (
            "2024-03-25",
            "It began in early 2023 and ended mid-2022.",
            &[("early 2023", "DATE", "2023"), ("mid-2022", "DATE", "2022")],
        ),
        (
            "2024-01-25",
            "Sales rose earlier this month.",
            &[("earlier this month", "DATE", "2024-01")],
        ),
        (
            "1998-11-02",
            "Profit rose in the third quarter.",
            &[("the third quarter", "DATE", "1998-Q3")],
        ),
        (
            "1998-02-02",
            "Profit rose in the fourth quarter.",
            &[("the fourth quarter", "DATE", "1997-Q4")],
        ),
        (
            "1989-11-02",
            "Third-quarter profit rose from the year-ago quarter.",
            &[
                ("Third-quarter", "DATE", "1989-Q3"),
                ("the year-ago quarter", "DATE", "1988-Q3"),
            ],
        ),
        (
            "1990-06-01",
            "Sales in the first half of 1990 fell.",
            &[("the first half of 1990", "DATE", "1990-H1")],
        ),
        (
            "2024-01-25",
            "This winter was cold.",
            &[("This winter", "DATE", "2024-WI")],
        ),
        (
            "1999-04-10",
            "He was arrested last fall.",
            &[("last fall", "DATE", "1998-FA")],
        ),
    ]);
}

#[test]
fn narrative_anchor() {
    check(&[
        (
            "2024-01-25",
            "Troops entered on 16 January. The previous day they massed. The next day they left.",
            &[
                ("16 January", "DATE", "2024-01-16"),
                ("The previous day", "DATE", "2024-01-15"),
                ("The next day", "DATE", "2024-01-17"),
            ],
        ),
        (
            "2024-01-25",
            "The cease-fire began on 3 March 2020. Three days later it collapsed.",
            &[
                ("3 March 2020", "DATE", "2020-03-03"),
                // TimeML: `later` is a signal; the duration reaches the 6th.
                ("Three days", "DURATION", "P3D"),
            ],
        ),
        (
            "2000-01-25",
            "Voting ended May 22, 1995. The following year a new party won.",
            &[
                ("May 22, 1995", "DATE", "1995-05-22"),
                ("The following year", "DATE", "1996"),
            ],
        ),
        (
            "1998-08-08",
            "The bomb exploded Friday at 10:35 a.m. in Nairobi.",
            &[("Friday at 10:35 a.m.", "TIME", "1998-08-07T10:35")],
        ),
    ]);
}

#[test]
fn references_durations_sets_times() {
    check(&[
        (
            "2024-01-25",
            "Recently prices rose; now they fall.",
            &[
                ("Recently", "DATE", "PAST_REF"),
                ("now", "DATE", "PRESENT_REF"),
            ],
        ),
        (
            "2024-01-25",
            "In the past it was better; the future is unclear.",
            &[
                ("the past", "DATE", "PAST_REF"),
                ("the future", "DATE", "FUTURE_REF"),
            ],
        ),
        (
            "2024-01-25",
            "The siege lasted two years.",
            &[("two years", "DURATION", "P2Y")],
        ),
        (
            "2024-01-25",
            "A truce of six months, then a week of talks.",
            &[
                ("six months", "DURATION", "P6M"),
                ("a week", "DURATION", "P1W"),
            ],
        ),
        (
            "2024-01-25",
            "After 48 hours and a decade of war.",
            &[
                ("48 hours", "DURATION", "PT48H"),
                ("a decade", "DURATION", "P10Y"),
            ],
        ),
        (
            "2024-01-25",
            "It took several years and 2 1/2 months.",
            &[
                ("several years", "DURATION", "PXY"),
                ("2 1/2 months", "DURATION", "P2M15D"),
            ],
        ),
        (
            "2024-01-25",
            "In the past two months, prices doubled.",
            &[("the past two months", "DURATION", "P2M")],
        ),
        (
            "2024-01-25",
            "A five-year plan for the 6-year-old boy.",
            &[("five-year", "DURATION", "P5Y")],
        ),
        (
            "2024-01-25",
            "Prices are set every week and published daily.",
            &[("every week", "SET", "P1W"), ("daily", "SET", "P1D")],
        ),
        (
            "2024-01-25",
            "Every winter the roads close.",
            &[("Every winter", "SET", "XXXX-WI")],
        ),
        (
            "2024-01-25",
            "Markets open each Thursday.",
            &[("each Thursday", "SET", "XXXX-WXX-4")],
        ),
        (
            "2024-01-25",
            "The council meets twice a year.",
            &[("a year", "SET", "P1Y")],
        ),
        // A rate after an amount is not a time expression (TimeBank).
        ("2024-01-25", "It earns $5 million a year.", &[]),
        ("2024-01-25", "It was a second defeat.", &[]),
        (
            "2024-01-16",
            "Shots at 11:33 and at 3 p.m. this morning.",
            &[
                ("11:33", "TIME", "2024-01-16T11:33"),
                ("3 p.m.", "TIME", "2024-01-16T15:00"),
                ("this morning", "TIME", "2024-01-16TMO"),
            ],
        ),
        (
            "1998-02-13",
            "The raid began at 10 p.m. Wednesday.",
            &[("10 p.m. Wednesday", "TIME", "1998-02-11T22:00")],
        ),
        (
            "2024-01-16",
            "It happened about two years ago or so.",
            &[("about two years ago or so", "DATE", "2022")],
        ),
    ]);
}

#[test]
fn mods_and_end_values() {
    let dct: Date = match "2024-03-25".parse() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let found = tag(
        "Snow fell in late January, talks ran January 14-18, 2024, for nearly two years.",
        dct,
    );
    let mods: Vec<Option<&str>> = found.iter().map(|t| t.mod_.as_deref()).collect();
    assert_eq!(mods, [Some("END"), None, Some("LESS_THAN")]);
    assert_eq!(found[1].end_value.as_deref(), Some("2024-01-18"));
    assert_eq!(found[1].precision, dyads_time::Precision::Interval);
    let range = found[1]
        .date_range()
        .map(|(a, b)| (a.to_string(), b.to_string()));
    assert_eq!(
        range,
        Some(("2024-01-14".to_string(), "2024-01-18".to_string()))
    );
    assert_eq!(found[0].precision, dyads_time::Precision::Month);
}

#[test]
fn days_in_a_named_relative_year() {
    check(&[
        (
            "2025-01-29",
            "The juntas announced their exit on January 28 last year.",
            &[("January 28 last year", "DATE", "2024-01-28")],
        ),
        (
            "2025-01-29",
            "The talks resume on 3 February next year.",
            &[("3 February next year", "DATE", "2026-02-03")],
        ),
        (
            "2025-03-10",
            "Elections are due on 5 May this year.",
            &[("5 May this year", "DATE", "2025-05-05")],
        ),
    ]);
}
