//! The whole chain from a cleaned document to events: parse, resolve
//! actors, code events.

use std::path::PathBuf;

use dyads_lexicon::events::EventLexicon;
use dyads_lexicon::Lexicon;
use dyads_text::Document;

use super::{Coder, Event};
use crate::Result;

/// Builds a [`Pipeline`]: the built-in lexicons unless dictionaries are
/// given.
#[derive(Clone, Debug, Default)]
pub struct PipelineBuilder {
    dicts: Vec<PathBuf>,
    over_builtin: bool,
}

impl PipelineBuilder {
    /// PETRARCH/TABARI dictionary files or directories for the actors
    /// (verb dictionaries are not read here: events always come from the
    /// built-in event lexicon).
    pub fn dicts(mut self, paths: Vec<PathBuf>) -> PipelineBuilder {
        self.dicts = paths;
        self
    }

    /// Layer the dictionaries over the built-in actor lexicon instead of
    /// replacing it.
    pub fn over_builtin(mut self, yes: bool) -> PipelineBuilder {
        self.over_builtin = yes;
        self
    }

    /// Loads the models and lexicons.
    pub fn build(self) -> Result<Pipeline> {
        let syntax = dyads_syntax::Pipeline::load()?;
        let builtin = Lexicon::builtin()?;
        let actors = if self.dicts.is_empty() {
            None
        } else {
            let (lex, _report) = Lexicon::from_dicts(&self.dicts)?;
            Some(if self.over_builtin {
                lex.layer_over(builtin)
            } else {
                lex
            })
        };
        let events = EventLexicon::builtin()?;
        // Every index is built now, not by the first document: the event
        // coder's, the actor matcher and the gazetteer (whose failure to
        // load leaves events without places, as before).
        let coder = Coder::new(events);
        actors.as_ref().unwrap_or(builtin).matcher();
        let _ = dyads_lexicon::places::Gazetteer::builtin();
        Ok(Pipeline {
            syntax,
            actors,
            builtin,
            coder,
        })
    }
}

/// Syntax models, actor lexicon and event lexicon, loaded once.
pub struct Pipeline {
    syntax: dyads_syntax::Pipeline,
    actors: Option<Lexicon>,
    builtin: &'static Lexicon,
    coder: Coder<'static>,
}

impl Pipeline {
    /// The built-in pipeline.
    pub fn load() -> Result<Pipeline> {
        PipelineBuilder::default().build()
    }

    /// A builder.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The actor lexicon in use.
    pub fn actor_lexicon(&self) -> &Lexicon {
        self.actors.as_ref().unwrap_or(self.builtin)
    }

    /// The syntax layer.
    pub fn syntax(&self) -> &dyads_syntax::Pipeline {
        &self.syntax
    }

    /// The event coder.
    pub fn coder(&self) -> &Coder<'static> {
        &self.coder
    }

    /// Codes one document. `published` overrides the document's own
    /// publication date (the anchor of relative dates and of roles).
    pub fn code(&self, doc_id: &str, doc: &Document, published: Option<&str>) -> Vec<Event> {
        self.code_with_actors(doc_id, doc, published).1
    }

    /// Codes one document like [`Pipeline::code`] and also returns the
    /// resolved actors the events refer to (for storing both).
    pub fn code_with_actors(
        &self,
        doc_id: &str,
        doc: &Document,
        published: Option<&str>,
    ) -> (crate::actors::DocActors, Vec<Event>) {
        let published = published.or_else(|| doc.meta.published.as_ref().and_then(|p| p.date()));
        let lex_date = published.and_then(dyads_lexicon::Date::parse);
        let time_date = published.and_then(|p| p.parse::<dyads_time::Date>().ok());
        let parsed = self.syntax.annotate(doc);
        let actors = crate::actors::resolve(doc, &parsed, self.actor_lexicon(), lex_date);
        let events = self.coder().code(doc_id, doc, &parsed, &actors, time_date);
        (actors, events)
    }
}
