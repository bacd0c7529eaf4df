//! Rules of the event coder, each on sentences of our own: generic groups
//! as actors, conditional threats, declared obligations as demands,
//! announced refusals as rejections, demands by a that-clause.

use dyads_coder::events::{Actors, Event, Pipeline};
use dyads_text::clean_text;

fn code(p: &Pipeline, text: &str) -> Result<Vec<Event>, String> {
    let doc = clean_text("rule", &format!("{text}\n")).map_err(|e| e.to_string())?;
    Ok(p.code("rule", &doc, Some("2024-06-01")))
}

fn countries(a: &Option<Actors>) -> Vec<String> {
    a.as_ref()
        .map(|a| {
            a.members()
                .iter()
                .filter_map(|m| m.country.clone())
                .collect()
        })
        .unwrap_or_default()
}

fn sectors(a: &Option<Actors>) -> Vec<String> {
    a.as_ref()
        .map(|a| {
            a.members()
                .iter()
                .filter_map(|m| m.sector.clone())
                .collect()
        })
        .unwrap_or_default()
}

fn show(events: &[Event]) -> String {
    events
        .iter()
        .map(|e| {
            format!(
                "{} {} {:?}->{:?} {} {}",
                e.cameo,
                e.plover.as_deref().unwrap_or("-"),
                countries(&e.source),
                countries(&e.target),
                e.modality.as_str(),
                e.rule
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The first event with PLOVER type `plover`.
fn find<'a>(events: &'a [Event], plover: &str) -> Option<&'a Event> {
    events.iter().find(|e| e.plover.as_deref() == Some(plover))
}

#[test]
fn generic_groups_take_country_and_sector() -> Result<(), String> {
    let p = Pipeline::load().map_err(|e| e.to_string())?;
    // Country from the place the sentence is in.
    let ev = code(&p, "Protesters blocked roads in Nairobi on Tuesday.")?;
    let e = find(&ev, "PROTEST").ok_or_else(|| show(&ev))?;
    assert_eq!(countries(&e.source), ["KEN"], "{}", show(&ev));
    assert_eq!(sectors(&e.source), ["OPP"], "{}", show(&ev));
    // A generic group as the source, its country from the modifier.
    let ev = code(
        &p,
        "Georgian riot police detained dozens of demonstrators in Tbilisi.",
    )?;
    let e = find(&ev, "COERCE").ok_or_else(|| show(&ev))?;
    assert_eq!(countries(&e.source), ["GEO"], "{}", show(&ev));
    Ok(())
}

#[test]
fn group_noun_modifying_a_noun_is_no_group() -> Result<(), String> {
    let p = Pipeline::load().map_err(|e| e.to_string())?;
    // `military` only modifies `sites`: no target, no military actor.
    let ev = code(
        &p,
        "The inspectors visited three military sites near the coast.",
    )?;
    assert!(
        ev.iter()
            .all(|e| !sectors(&e.target).iter().any(|s| s == "MIL")),
        "{}",
        show(&ev)
    );
    Ok(())
}

#[test]
fn an_act_held_out_unless_is_a_threat() -> Result<(), String> {
    let p = Pipeline::load().map_err(|e| e.to_string())?;
    let ev2 = code(
        &p,
        "Niger will withdraw its troops from the joint force unless the sanctions are lifted.",
    )?;
    let e = find(&ev2, "THREATEN").ok_or_else(|| show(&ev2))?;
    assert_eq!(countries(&e.source), ["NER"], "{}", show(&ev2));
    Ok(())
}

#[test]
fn declared_obligation_is_a_demand() -> Result<(), String> {
    let p = Pipeline::load().map_err(|e| e.to_string())?;
    let ev = code(
        &p,
        "The Chinese government declared that the Philippines must withdraw its ships from the shoal.",
    )?;
    let e = find(&ev, "REQUEST").ok_or_else(|| show(&ev))?;
    assert_eq!(countries(&e.source), ["CHN"], "{}", show(&ev));
    assert_eq!(countries(&e.target), ["PHL"], "{}", show(&ev));
    // A declaration of fact stays a statement.
    let ev = code(
        &p,
        "The Chinese government declared that the talks had been useful.",
    )?;
    assert!(find(&ev, "REQUEST").is_none(), "{}", show(&ev));
    Ok(())
}

#[test]
fn announced_refusal_is_a_rejection() -> Result<(), String> {
    let p = Pipeline::load().map_err(|e| e.to_string())?;
    let ev = code(
        &p,
        "The Venezuelan president said he would not meet the American envoy.",
    )?;
    let e = find(&ev, "REJECT").ok_or_else(|| show(&ev))?;
    assert_eq!(e.modality.as_str(), "asserted", "{}", show(&ev));
    // A past negation is no announced refusal.
    let ev = code(
        &p,
        "The Venezuelan president did not meet the American envoy.",
    )?;
    assert!(find(&ev, "REJECT").is_none(), "{}", show(&ev));
    Ok(())
}

#[test]
fn demand_verbs_make_any_that_clause_a_demand() -> Result<(), String> {
    let p = Pipeline::load().map_err(|e| e.to_string())?;
    let ev = code(
        &p,
        "Poland demanded that its European partners refuse to buy Russian gas.",
    )?;
    let e = find(&ev, "REQUEST").ok_or_else(|| show(&ev))?;
    assert_eq!(countries(&e.source), ["POL"], "{}", show(&ev));
    Ok(())
}
