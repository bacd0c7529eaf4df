//! TimeML conventions added for TempEval-3 quality, one test per rule, on
//! sentences of our own. Every row lists all the expressions it expects
//! as (text, type, value), so a missed or an extra one fails too.

mod common;

use common::check;
use dyads_time::{event_dates, tag, Date, Span};

/// `later`, `after`, `before` after an amount are TimeML signals: the
/// expression is the duration, and it still dates the event through the
/// day it reaches.
#[test]
fn signals_leave_durations() {
    check(&[
        (
            "2021-08-20",
            "Kabul fell on 15 August 2021. Two days later the airlift grew.",
            &[
                ("15 August 2021", "DATE", "2021-08-15"),
                ("Two days", "DURATION", "P2D"),
            ],
        ),
        (
            "2016-07-01",
            "Britain voted on 23 June 2016, and a month after, the new cabinet met.",
            &[
                ("23 June 2016", "DATE", "2016-06-23"),
                ("a month", "DURATION", "P1M"),
            ],
        ),
        (
            "2016-07-01",
            "A few days later the pound slid.",
            &[("A few days", "DURATION", "PXD")],
        ),
        // `ago` and `earlier` stay inside: they make a date.
        (
            "2016-07-01",
            "The referendum was called two years ago.",
            &[("two years ago", "DATE", "2014")],
        ),
    ]);
    let text = "Kabul fell on 15 August 2021. Two days later the airlift grew.";
    let dct: Date = match "2021-08-20".parse() {
        Ok(d) => d,
        Err(e) => panic!("bad dct: {e}"),
    };
    let found = tag(text, dct);
    assert_eq!(found[1].reaches.as_deref(), Some("2021-08-17"));
    let second = Span::new(30, text.len());
    let dates = event_dates(second, &found);
    assert_eq!(dates.len(), 1);
    assert_eq!(
        dates[0].start.map(|d| d.to_string()).as_deref(),
        Some("2021-08-17")
    );
}

/// `a quarter of the vote`, `three-quarters of its exports`: fractions,
/// not periods; `several quarters of losses` stays a duration.
#[test]
fn fractions_are_not_quarters() {
    check(&[
        (
            "2019-11-02",
            "The party won about three-quarters of the seats and more than a quarter of the vote.",
            &[],
        ),
        (
            "2019-11-02",
            "Exports fell for several quarters of weak demand.",
            &[("several quarters", "DURATION", "PXQ")],
        ),
        (
            "2019-11-02",
            "Growth slowed in the third quarter of 2019.",
            &[("the third quarter of 2019", "DATE", "2019-Q3")],
        ),
    ]);
}

/// A time word capitalised inside a sentence is part of a title or name
/// (`60 Minutes`, `High Noon`, `This Week`); holidays keep their capitals
/// and a sentence may start with one.
#[test]
fn titles_are_not_times() {
    check(&[
        (
            "2020-03-02",
            "The senator told CBS's 60 Minutes that the bill was dead.",
            &[],
        ),
        (
            "2020-03-02",
            "Critics compared the standoff with the western High Noon, and talks resumed Sunday.",
            &[("Sunday", "DATE", "2020-03-01")],
        ),
        (
            "2020-03-02",
            "He spoke on \"This Week With George Stephanopoulos\" about the caucus.",
            &[],
        ),
        (
            "2020-03-02",
            "The candidate told NBC's Today that she would stay in the race.",
            &[],
        ),
        (
            "2020-11-05",
            "Turnout on Election Day was high. Weeks later the count went on.",
            &[
                ("Election Day", "DATE", "2020-11-03"),
                ("Weeks", "DURATION", "PXW"),
            ],
        ),
    ]);
}

/// `a couple of` is two, also after a determiner.
#[test]
fn a_couple_is_two() {
    check(&[(
        "2022-05-10",
        "Analysts expect rates to climb over the next couple of years.",
        &[("the next couple of years", "DURATION", "P2Y")],
    )]);
}

/// `April 24 and 25`: the second day is an expression of its own, in the
/// first one's month and year; counts and other dates are left alone.
#[test]
fn coordinated_days() {
    check(&[
        (
            "1999-02-10",
            "The alliance will hold its summit on April 24 and 25.",
            &[
                ("April 24", "DATE", "1999-04-24"),
                ("25", "DATE", "1999-04-25"),
            ],
        ),
        (
            "1999-02-10",
            "Rescuers found survivors on April 24 and 25 more on Monday.",
            &[
                ("April 24", "DATE", "1998-04-24"),
                ("Monday", "DATE", "1999-02-08"),
            ],
        ),
    ]);
}

/// `the next morning`, `that night`: the day, relative to the narrative;
/// `mid afternoon`, `early morning` without a day: a part of the
/// narrative's day.
#[test]
fn parts_of_days_in_the_narrative() {
    check(&[
        (
            "2000-02-25",
            "The boy was freed on February 22 and spoke in court the next morning.",
            &[
                ("February 22", "DATE", "2000-02-22"),
                ("the next morning", "DATE", "2000-02-23"),
            ],
        ),
        (
            "2000-02-25",
            "Shelling began on February 22. By mid afternoon the town had fallen.",
            &[
                ("February 22", "DATE", "2000-02-22"),
                ("mid afternoon", "TIME", "2000-02-22TAF"),
            ],
        ),
    ]);
}

/// `The March accession`: `May` and `March` are months after `the`.
#[test]
fn may_and_march_after_the() {
    check(&[
        (
            "2004-01-20",
            "Officials will meet before the May enlargement of the union.",
            &[("May", "DATE", "2004-05")],
        ),
        ("2004-01-20", "Protesters may march on the capital.", &[]),
    ]);
}

/// Weekdays: a deadline (`until 9 a.m. Tuesday`) looks ahead unless a
/// past verb says otherwise; the tense scan stops at a quotation mark, so
/// the reporting verb after a quote does not decide the quote's day.
#[test]
fn weekday_deadlines_and_quotes() {
    check(&[
        (
            "2000-04-03",
            "The agency has given the family until 9 a.m. Tuesday to answer.",
            &[("9 a.m. Tuesday", "TIME", "2000-04-04T09:00")],
        ),
        (
            "2000-04-03",
            "Until Thursday, investigators had not named a suspect.",
            &[("Thursday", "DATE", "2000-03-30")],
        ),
        (
            "2000-04-05",
            "\"The delegation will fly out at dawn (4 a.m. Thursday),\" the minister said.",
            &[("4 a.m. Thursday", "TIME", "2000-04-06T04:00")],
        ),
    ]);
}

/// A month without a year: an infinitive after it (`agreed in June to
/// buy`) is the verb's complement and does not make it future; an
/// adjective in `-ed` (`a still unspecified date`) is no past verb.
#[test]
fn month_tense_from_the_verb() {
    check(&[
        (
            "2019-10-30",
            "The bank agreed in June to buy the insurer.",
            &[("June", "DATE", "2019-06")],
        ),
        (
            "2019-10-30",
            "The dividend would be paid on a still unspecified date in January to holders.",
            &[("January", "DATE", "2020-01")],
        ),
    ]);
}

/// `the previous Friday` counts back from the narrative's day, not the
/// DCT's; `the day before last Tuesday` and `the week of March 6` are
/// resolved from the day they name.
#[test]
fn days_named_from_other_days() {
    check(&[
        (
            "2023-10-30",
            "Markets fell on October 27. The index was down 3% from the previous Friday.",
            &[
                ("October 27", "DATE", "2023-10-27"),
                ("the previous Friday", "DATE", "2023-10-20"),
            ],
        ),
        (
            "2022-02-24",
            "The day before last Tuesday's hearing, the envoy visited the family.",
            &[("The day before last Tuesday", "DATE", "2022-02-21")],
        ),
        (
            "2022-02-24",
            "The envoys will meet during the week of March 7.",
            &[("the week of March 7", "DATE", "2022-W10")],
        ),
    ]);
}

/// `will one day`, `could someday`: an indefinite future, not a day long.
#[test]
fn one_day_after_a_modal() {
    check(&[
        (
            "2015-06-01",
            "Supporters believe the colony will one day be independent.",
            &[("one day", "DATE", "FUTURE_REF")],
        ),
        (
            "2015-06-01",
            "The strike lasted one day.",
            &[("one day", "DURATION", "P1D")],
        ),
    ]);
}

/// `Now,` at the head of a sentence or quote is a discourse marker.
#[test]
fn now_as_a_discourse_marker() {
    check(&[
        (
            "2015-06-01",
            "The treaty failed in 1999. Now, officials say, a new text is ready.",
            &[("1999", "DATE", "1999")],
        ),
        (
            "2015-06-01",
            "The treaty failed in 1999. Now the ministers want a new text.",
            &[("1999", "DATE", "1999"), ("Now", "DATE", "PRESENT_REF")],
        ),
    ]);
}

/// `plans` is a future marker only as a verb (`plans to`), not as a noun
/// (`vacation plans`).
#[test]
fn plans_as_a_noun() {
    check(&[
        (
            "1998-08-17",
            "On Friday, the minister cancelled her vacation plans for the trip.",
            &[("Friday", "DATE", "1998-08-14")],
        ),
        (
            "1998-08-17",
            "The minister plans to fly out on Friday.",
            &[("Friday", "DATE", "1998-08-21")],
        ),
    ]);
}
