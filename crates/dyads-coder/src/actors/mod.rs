//! Actor resolution: every mention of a person, state or organisation in a
//! document, resolved to one [`DocActor`] per real-world entity.
//!
//! [`resolve`] is the entry point; the event coder asks [`DocActors::at`]
//! which actors a span of the sentence names.

use serde::Serialize;

use dyads_lexicon::{ActorKind, Date, Lexicon};
use dyads_syntax::ParsedSentence;
use dyads_text::{Document, Span};

/// Where an actor's identity comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorSource {
    /// The built-in lexicon.
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
/// known), using the parse of its sentences when given.
///
/// This first version keeps unambiguous lexicon matches only: one actor per
/// lexicon entry, every matched span a mention. Context inference and
/// coreference build on it.
pub fn resolve(
    doc: &Document,
    parsed: &[ParsedSentence],
    lexicon: &Lexicon,
    date: Option<Date>,
) -> DocActors {
    let _ = (parsed, date);
    let mut out = DocActors::default();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for (s_idx, sentence) in doc.sentences.iter().enumerate() {
        let base = sentence.span.start as usize;
        let Some(text) = doc.text.get(base..sentence.span.end as usize) else {
            continue;
        };
        for m in lexicon.find_all(text) {
            if m.is_ambiguous() {
                continue;
            }
            let Some(actor) = m.candidates.first().and_then(|c| lexicon.get(c.actor)) else {
                continue;
            };
            let span = Span::new(m.span.start as usize + base, m.span.end as usize + base);
            let at = *index.entry(actor.id.clone()).or_insert_with(|| {
                out.actors.push(DocActor {
                    id: actor.id.clone(),
                    canonical: actor.canonical.clone(),
                    kind: kind_name(actor.kind),
                    country: actor.country.clone(),
                    sector: actor.sector.clone(),
                    role: None,
                    code: actor.cameo_code.clone(),
                    source: ActorSource::BuiltIn,
                    surface_forms: Vec::new(),
                    mentions: Vec::new(),
                });
                out.actors.len() - 1
            });
            let surface = span.slice(&doc.text).to_string();
            let a = &mut out.actors[at];
            if !a.surface_forms.contains(&surface) {
                a.surface_forms.push(surface);
            }
            a.mentions.push(span);
            out.mentions.push(ActorMention {
                span,
                actor: at,
                kind: MentionKind::Name,
                sentence: s_idx,
            });
        }
    }
    out.mentions.sort_by_key(|m| (m.span.start, m.span.end));
    out
}
