//! Roles over time: current and former office holders.

use dyads_lexicon::{Date, Lexicon, RoleAt};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("bad date {s}"))
}

#[test]
fn current_then_former() -> TestResult {
    let lex = Lexicon::builtin()?;
    // Choe Son Hui: first vice foreign minister in 2020, foreign minister from 2022.
    let r = lex
        .role_on("choe-son-hui", date("2020-05-01")?)
        .ok_or("no role")?;
    assert_eq!(
        (r.role().role_kind.as_str(), r.is_former()),
        ("deputy_foreign_minister", false)
    );
    let r = lex
        .role_on("choe-son-hui", date("2024-05-01")?)
        .ok_or("no role")?;
    assert_eq!(r.role().role_kind, "foreign_minister");
    // A person whose only office ended: a former holder afterwards.
    let former = lex
        .roles()
        .iter()
        .find(|r| r.end.is_some() && lex.roles_of(&r.person).all(|o| o.end.is_some()))
        .ok_or("no finished role in the data")?;
    let end = former.end.ok_or("end")?;
    let during = former.start.last_day();
    let after = Date::ymd(end.y + 1, 1, 1).ok_or("date")?;
    assert!(matches!(
        lex.role_on(&former.person, during),
        Some(RoleAt::Current(_))
    ));
    let later = lex.role_on(&former.person, after).ok_or("no role after")?;
    assert!(later.is_former(), "{} on {after}", former.person);
    // Before any role: nothing.
    assert!(lex.role_on("choe-son-hui", date("1990-01-01")?).is_none());
    Ok(())
}

#[test]
fn people_get_dated_codes_from_roles() -> TestResult {
    let lex = Lexicon::builtin()?;
    let lavrov = lex.actor("lavrov-sergey").ok_or("lavrov")?;
    assert_eq!(
        lavrov.code_on(date("2010-01-01")?).as_deref(),
        Some("RUSGOV")
    );
    let holders = lex.holders_on("RUS", "foreign_minister", date("2010-01-01")?);
    assert!(holders.iter().any(|a| a.id == "lavrov-sergey"));
    Ok(())
}
