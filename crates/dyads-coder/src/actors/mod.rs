//! Actor resolution: every mention of a person, state or organisation in a
//! document, resolved to one [`DocActor`] per real-world entity.
//!
//! [`resolve`] is the entry point; the event coder asks [`DocActors::at`]
//! which actors a span of the sentence names.
//!
//! Resolution runs in passes over the lexicon matches of every sentence
//! (one [`Lexicon::scan`] per sentence) and the parse:
//!
//! 0. **names built on a head noun** (`orgs.rs`, `places.rs`), before the
//!    lexicon's names so that names inside them are not actors of their
//!    own: organisations (`the UN Sanctions Committee`, `the Mariinsky
//!    Primorsky Theatre`, sector from the head noun) and places (`the
//!    Vostochny Cosmodrome`, `the Korean Peninsula`, `Northeast Asia`);
//! 1. **names** (`names.rs`): unambiguous full names, aliases, demonyms and
//!    metonyms; a capital is the government unless a locative preposition
//!    governs it (`talks in Moscow` is a place). An ambiguous name is
//!    resolved only by context: a candidate already in the document, a
//!    title that fits the candidate's role on the date, or a country named
//!    in the sentence; otherwise it is kept in [`DocActors::ambiguous`] with
//!    all its candidates, never resolved by a coin toss.
//!    A capital that receives (`arms to Kiev`) or hosts a mission (`the
//!    embassy in Seoul`) is the state. A known person's phrase takes a
//!    title further back (`Russian Ambassador to Washington Anatoly
//!    Antonov`) or a state with a possessive (`North Korea's Choe Son
//!    Hui`). Then cities of the gazetteer (`Perm`, `St. Petersburg`: the
//!    one in the state the document names most).
//! 2. **inference** (`infer.rs`): people the lexicon does not know, from a
//!    title before the name (`Russian Deputy Foreign Minister Andrei
//!    Rudenko`) or an apposition after it (`Koo Byoung-sam, a spokesman for
//!    South Korea's Unification Ministry`), with country, sector and role.
//! 3. **coreference** (`coref.rs`), in document order: family names alone
//!    (to a person of the document, else to a lexicon person holding office
//!    on the date), role nominals (`the minister`, `the Russian leader`: the
//!    latest compatible person, or the office holder on the date when the
//!    nominal names the country), and `he`/`she`/`him`/`her` in subject or
//!    object position (one gender-compatible person in the current or
//!    previous sentence, or the one that was a subject; else unresolved);
//!    a government body after a state (`South Korea's Foreign Ministry`,
//!    `Russia's Ministry of Natural Resources`) is the lexicon's body of
//!    that country, else an organisation inferred from the phrase.
//!    Before it, group nominals owned by a state (`orgs.rs`): `the DPRK
//!    government delegation`, `the Russian embassy in Seoul`, `the ROK's
//!    reunification ministry`, `South Korea's parliament` (the lexicon's
//!    body when it has one), and `the intergovernmental commission`; in it,
//!    definite nominals that refer back to them (`the delegation`), unless
//!    another of that kind is named in the next two sentences.
//!    `they`/`them` and bare nominals without `the` or a country are left
//!    alone.
//! 4. **context** (`orgs.rs`, `places.rs`): the outlet named in the body
//!    (`(TDI):`) is a media actor; people listed in a delegation (`members
//!    of the delegation, including ...`) take its country; a facility of
//!    unknown country takes that of a located place up to two sentences
//!    before.
//!
//! Surface forms hold every string that resolved to the actor, including
//! the whole titled phrase (`North Korean Foreign Minister Choe Son-hui`)
//! while the mention span stays on the name, so mentions never overlap.
//!
//! Roles come from [`Lexicon::role_on`] on the document's date: a person
//! whose offices all ended is coded as a former office holder (sector `ELI`,
//! role `former ...`). Without a date no role is given.

mod build;
mod coref;
mod generic;
mod groups;
mod infer;
mod names;
mod orgs;
mod places;
mod scan;
#[cfg(test)]
mod tests;

use serde::Serialize;

use dyads_lexicon::{ActorKind, Date, Lexicon};
use dyads_syntax::ParsedSentence;
use dyads_text::{Document, Span};

/// Where an actor's identity comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorSource {
    /// The built-in lexicon (`built-in` in JSON).
    #[serde(rename = "built-in")]
    BuiltIn,
    /// An imported PETRARCH/TABARI dictionary.
    Imported,
    /// Inferred from the document's own words (`Russian Deputy Foreign
    /// Minister Andrei Rudenko`).
    Inferred,
}

/// How a mention refers to its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A full name or alias (`Choe Son Hui`, `North Korea`, `KCNA`).
    Name,
    /// A family name alone (`Lavrov`).
    Surname,
    /// A metonym for a state or government (`Kremlin`, `Pyongyang`).
    Metonym,
    /// A demonym or adjective (`Russian`, `North Korean`).
    Demonym,
    /// A role nominal (`the minister`, `the Russian leader`).
    Role,
    /// A personal pronoun (`he`, `she`, `they`).
    Pronoun,
}

/// One resolved actor of one document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocActor {
    /// Stable id: the lexicon id (`PRK`, `lavrov-sergey`, `kcna`), or
    /// `ctx:` and a slug of the name for actors inferred from context.
    pub id: String,
    /// The name to display.
    pub canonical: String,
    /// `person`, `organization`, `state` or `place`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// ISO alpha-3 code of the actor's country, when known.
    pub country: Option<String>,
    /// CAMEO-style sector (`GOV`, `MIL`, `MED`...), when known.
    pub sector: Option<String>,
    /// The role held on the document's date (`foreign_minister`,
    /// `former president`...), when known.
    pub role: Option<String>,
    /// The CAMEO-style actor code on the document's date (`RUSGOV`,
    /// `PRKGOV`, `IGOUNO`), or the code an imported dictionary assigns.
    pub code: Option<String>,
    /// Where the identity comes from.
    pub source: ActorSource,
    /// Every distinct string that resolved to this actor, in first-seen order.
    pub surface_forms: Vec<String>,
    /// Byte spans of every mention in the document's clean text.
    pub mentions: Vec<Span>,
}

/// One mention, pointing at its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ActorMention {
    /// Bytes of the mention in the clean text (title excluded).
    pub span: Span,
    /// Index into [`DocActors::actors`].
    pub actor: usize,
    /// How it refers.
    pub kind: MentionKind,
    /// Index of the sentence it is in.
    pub sentence: usize,
}

/// The actors of one document and their mentions.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DocActors {
    /// One entry per real-world entity.
    pub actors: Vec<DocActor>,
    /// Every mention, ordered by start offset.
    pub mentions: Vec<ActorMention>,
    /// Names the context could not settle, with every candidate kept.
    pub ambiguous: Vec<AmbiguousMention>,
    /// Generic groups (`protesters`, `the police`) that no actor covers:
    /// not actors of the table, but event participants for the coder.
    #[serde(skip)]
    pub groups: Vec<GroupMention>,
}

/// A sector noun naming a group by what it is (`protesters`, `riot
/// police`, `the government`) that no actor mention covers, with the
/// country its context gives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupMention {
    /// Bytes of the noun in the clean text.
    pub span: Span,
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// The noun as written, normalised (`riot police`).
    pub term: String,
    /// CAMEO-style sector code of the noun (`COP`, `OPP`, `GOV`).
    pub sector: String,
    /// ISO alpha-3 country the context gives, when it gives one.
    pub country: Option<String>,
}

/// A name with several possible actors that the context did not settle
/// (`Kim` in a document naming two Kims, `Congo`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AmbiguousMention {
    /// Bytes of the name in the clean text.
    pub span: Span,
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// Ids of every candidate actor (lexicon or document ids).
    pub candidates: Vec<String>,
}

impl DocActors {
    /// The mentions that lie inside `span` (offsets into the clean text).
    pub fn at(&self, span: Span) -> impl Iterator<Item = &ActorMention> + '_ {
        let first = self.mentions.partition_point(|m| m.span.start < span.start);
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.span.start < span.end)
            .filter(move |m| m.span.end <= span.end)
    }
}

/// The name of an actor kind as written in output.
pub fn kind_name(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "person",
        ActorKind::State => "state",
        ActorKind::Organization => "organization",
        // Imported dictionary entries carry codes, not kinds; the resolver
        // refines this from the code (a bare country code is a state).
        ActorKind::Imported => "organization",
    }
}

/// Resolves the actors of `doc`, on `date` (the publication date, when
/// known), using the parse of its sentences (`parsed[i]` is sentence `i`;
/// pass an empty slice when there is none: inference and pronouns then do
/// nothing).
pub fn resolve(
    doc: &Document,
    parsed: &[ParsedSentence],
    lexicon: &Lexicon,
    date: Option<Date>,
) -> DocActors {
    let mut b = build::Builder::new(doc, lexicon, date);
    let scans = scan::scan_document(doc, lexicon);
    orgs::org_names(&mut b, &scans, parsed);
    places::place_names(&mut b, &scans, parsed);
    let deferred = names::resolve_names(&mut b, &scans, parsed);
    places::cities(&mut b, &scans, parsed);
    places::locate_facilities(&mut b);
    infer::infer_people(&mut b, &scans, parsed);
    groups::owned_groups(&mut b, &scans, parsed);
    coref::resolve_references(&mut b, &scans, parsed, &deferred);
    orgs::outlet(&mut b, &scans);
    groups::delegation_members(&mut b);
    generic::generic_groups(&mut b, &scans, parsed);
    b.finish()
}

/// The publication date of a document as a lexicon [`Date`], when the
/// metadata gives one to the day (or month, or year).
pub fn document_date(doc: &Document) -> Option<Date> {
    let p = doc.meta.published.as_ref()?;
    Date::parse(p.date().unwrap_or(&p.value))
}
