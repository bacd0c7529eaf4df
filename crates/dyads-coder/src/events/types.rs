//! The coded event and the actors in its slots.

use serde::Serialize;

use super::modality::Modality;

/// An actor in the source or target slot of an event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorRef {
    /// The words of the mention.
    pub text: String,
    /// The document actor's id.
    pub actor_id: String,
    /// CAMEO-style actor code (`RUSGOV`), when known.
    pub code: Option<String>,
    /// Display name.
    pub canonical: String,
    /// ISO alpha-3 country, when known.
    pub country: Option<String>,
    /// CAMEO-style sector, when known.
    pub sector: Option<String>,
    /// Role on the article's date, when known.
    pub role: Option<String>,
    /// Not named in the event's sentence: the counterpart the article
    /// pairs the other side with (see [`crate::events`]); `text` is then
    /// the words of one of its mentions elsewhere. Serialized only when
    /// true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub implicit: bool,
}

impl ActorRef {
    /// The document actor `a`, mentioned by the words `text`.
    pub(crate) fn of(a: &crate::actors::DocActor, text: &str) -> ActorRef {
        ActorRef {
            text: text.to_string(),
            actor_id: a.id.clone(),
            code: a.code.clone(),
            canonical: a.canonical.clone(),
            country: a.country.clone(),
            sector: a.sector.clone(),
            role: a.role.clone(),
            implicit: false,
        }
    }
}

/// One actor, or several for a compound (`Israel and Egypt`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Actors {
    /// A single actor.
    One(ActorRef),
    /// A compound actor.
    Many(Vec<ActorRef>),
}

impl Actors {
    pub(crate) fn from_vec(mut v: Vec<ActorRef>) -> Option<Actors> {
        match v.len() {
            0 => None,
            1 => v.pop().map(Actors::One),
            _ => Some(Actors::Many(v)),
        }
    }

    /// The members.
    pub fn members(&self) -> &[ActorRef] {
        match self {
            Actors::One(a) => std::slice::from_ref(a),
            Actors::Many(v) => v,
        }
    }
}

/// Byte offsets into the clean text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// One coded event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// `<doc_id>:<sentence>:<n>`.
    pub id: String,
    /// The document.
    pub doc_id: String,
    /// Sentence index.
    pub sentence: usize,
    /// The words from source to target, head included.
    pub evidence: Evidence,
    /// Who acts.
    pub source: Option<Actors>,
    /// Who is acted upon.
    pub target: Option<Actors>,
    /// CAMEO event code.
    pub cameo: String,
    /// PLOVER type (null for CAMEO 01 statements, which PLOVER lacks).
    pub plover: Option<String>,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// PLOVER context(s), `; `-separated.
    pub context: Option<String>,
    /// Goldstein weight.
    pub goldstein: f32,
    /// Quad class 1..4.
    pub quad: u8,
    /// Whether it happened as reported.
    pub modality: Modality,
    /// Symmetric event (either direction).
    pub reciprocal: bool,
    /// First day (ISO), when dated.
    pub date: Option<String>,
    /// Last day (ISO), when dated.
    pub date_end: Option<String>,
    /// `day`, `month`, `year`, `interval`... or `unknown`.
    pub date_precision: String,
    /// Where: `{text, country, lat, lon}` from the places layer.
    pub location: Option<serde_json::Value>,
    /// The quote it reports: `{speaker_actor_id, cue, start, end}`.
    pub quote: Option<serde_json::Value>,
    /// The lexicon entry that fired.
    pub rule: String,
}
