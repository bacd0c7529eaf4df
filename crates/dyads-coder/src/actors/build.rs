//! The document's actor table under construction: actors from the lexicon
//! (with their role and code on the document's date), actors inferred from
//! context, and their mentions.

use std::collections::HashMap;

use dyads_lexicon::normalize::normalize;
use dyads_lexicon::{ActorId, ActorKind, Date, Lexicon, RoleAt};
use dyads_text::{Document, Span};

use super::{kind_name, ActorMention, ActorSource, DocActor, DocActors, MentionKind};

/// What coreference needs to know about an actor beyond [`DocActor`].
#[derive(Clone, Debug, Default)]
pub(crate) struct Info {
    /// The lexicon entry, for actors from the lexicon.
    pub lex: Option<ActorId>,
    /// Normalised family names (`lavrov`; `koo` for `Koo Byoung-sam`).
    pub surnames: Vec<String>,
    /// Role kinds the actor holds on the date (`foreign_minister`).
    pub role_kinds: Vec<String>,
    /// `m`, `f` or none.
    pub gender: Option<char>,
    /// True for a person.
    pub person: bool,
    /// The kind of group an organisation is (`delegation`, `embassy`,
    /// `commission`, `ministry`, `legislature`), for definite nominals
    /// that refer back to it (`the delegation`).
    pub group: Option<&'static str>,
}

/// A person inferred from context, before it joins the table.
#[derive(Clone, Debug, Default)]
pub(crate) struct Inferred {
    /// The name as written.
    pub name: String,
    /// Country, when the context tells it.
    pub country: Option<String>,
    /// Sector code.
    pub sector: Option<String>,
    /// The role as written (`deputy foreign minister`).
    pub role: Option<String>,
    /// The role kind (`deputy_foreign_minister`).
    pub role_kind: Option<String>,
}

/// The actor table of one document, with the lookups the rules need.
pub(crate) struct Builder<'a> {
    pub doc: &'a Document,
    pub lex: &'a Lexicon,
    pub date: Option<Date>,
    pub out: DocActors,
    pub info: Vec<Info>,
    /// Longer phrases recorded with a mention (titles, appositions), with
    /// the actor they name: a title term inside one names that actor.
    pub phrases: Vec<(Span, usize)>,
    index: HashMap<String, usize>,
}

impl<'a> Builder<'a> {
    pub fn new(doc: &'a Document, lex: &'a Lexicon, date: Option<Date>) -> Builder<'a> {
        Builder {
            doc,
            lex,
            date,
            out: DocActors::default(),
            info: Vec::new(),
            phrases: Vec::new(),
            index: HashMap::new(),
        }
    }

    /// The table index of an actor id already in the document.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The table index of a lexicon actor, added on first use.
    pub fn lexicon_actor(&mut self, id: ActorId) -> Option<usize> {
        let actor = self.lex.get(id)?;
        if let Some(&i) = self.index.get(&actor.id) {
            return Some(i);
        }
        let source = if actor.layer == 0 && actor.kind != ActorKind::Imported {
            ActorSource::BuiltIn
        } else {
            ActorSource::Imported
        };
        let mut a = DocActor {
            id: actor.id.clone(),
            canonical: actor.canonical.clone(),
            kind: kind_name(actor.kind),
            country: actor.country.clone(),
            sector: actor.sector.clone(),
            role: None,
            code: None,
            source,
            surface_forms: Vec::new(),
            mentions: Vec::new(),
        };
        let mut info = Info {
            lex: Some(id),
            gender: actor.gender.as_deref().and_then(|g| g.chars().next()),
            person: actor.kind == ActorKind::Person,
            ..Info::default()
        };
        match actor.kind {
            ActorKind::State => {
                a.sector = Some("GOV".into());
                a.code = actor.cameo_code.clone().or_else(|| actor.country.clone());
            }
            ActorKind::Organization => a.code = actor.default_code(),
            ActorKind::Imported => {
                a.code = match self.date {
                    Some(d) => actor.code_on(d),
                    None => actor.default_code(),
                };
                if let Some(code) = a.code.clone() {
                    self.refine_imported(&mut a, code);
                }
            }
            ActorKind::Person => {
                let mut surnames: Vec<String> = Vec::new();
                for n in &actor.names {
                    let toks: Vec<String> =
                        normalize(&n.text).split(' ').map(str::to_string).collect();
                    let forms = dyads_lexicon::variants::surnames(&toks, actor.country.as_deref());
                    for f in forms {
                        let f = f.join(" ");
                        if !surnames.contains(&f) {
                            surnames.push(f);
                        }
                    }
                }
                info.surnames = surnames;
                self.person_role(&mut a, &mut info, &actor.id);
            }
        }
        Some(self.push(a, info))
    }

    /// Role, sector and code of a lexicon person on the document's date:
    /// the current role, or `former ...` with sector `ELI` for a former
    /// office holder.
    fn person_role(&self, a: &mut DocActor, info: &mut Info, id: &str) {
        let Some(date) = self.date else {
            a.code = a.country.as_ref().map(|c| format!("{c}ELI"));
            return;
        };
        match self.lex.role_on(id, date) {
            Some(RoleAt::Current(r)) => {
                if let Some(c) = &r.country {
                    a.country = Some(c.clone());
                } else if let Some(org) = r.org.as_deref().and_then(|o| self.lex.actor(o)) {
                    // An international organisation's office (`President of
                    // the European Commission`) speaks for the organisation,
                    // not for the holder's own state.
                    a.country = None;
                    a.sector = Some(r.sector.clone());
                    a.role = Some(r.role.clone());
                    a.code = org.default_code();
                    info.role_kinds = vec![r.role_kind.clone()];
                    return;
                }
                a.sector = Some(r.sector.clone());
                a.role = Some(r.role.clone());
                info.role_kinds = self
                    .lex
                    .roles_on(id, date)
                    .iter()
                    .map(|r| r.role_kind.clone())
                    .collect();
            }
            Some(RoleAt::Former(r)) => {
                if a.country.is_none() {
                    a.country = r.country.clone();
                }
                a.sector = Some("ELI".into());
                a.role = Some(format!("former {}", r.role));
                info.role_kinds = vec!["former_official".into()];
            }
            None => {}
        }
        a.code = match (&a.country, &a.sector) {
            (Some(c), Some(s)) => Some(format!("{c}{s}")),
            (Some(c), None) => Some(format!("{c}ELI")),
            _ => None,
        };
    }

    /// Type, country and sector of an imported entry from its code: a bare
    /// state code is a state, `RUSGOV` is Russia's government.
    fn refine_imported(&self, a: &mut DocActor, code: String) {
        let head = code.get(..3).unwrap_or("");
        // A dictionary used alone knows no states: ask the built-in lexicon.
        let state = self
            .lex
            .state_by_code(head)
            .or_else(|| Lexicon::builtin().ok().and_then(|l| l.state_by_code(head)));
        if let Some(state) = state {
            a.country = state.country.clone();
            if code.len() == 3 {
                a.kind = "state";
                a.sector = Some("GOV".into());
            } else {
                a.sector = code.get(3..6).map(str::to_string);
            }
        } else if code.len() >= 3 {
            a.sector = Some(head.to_string());
        }
    }

    /// A place (a capital named as a place), added on first use.
    pub fn place(&mut self, name: &str, country: Option<&str>) -> usize {
        self.place_from(name, country, ActorSource::BuiltIn)
    }

    fn place_from(&mut self, name: &str, country: Option<&str>, source: ActorSource) -> usize {
        let id = format!("place:{}", slug(name));
        if let Some(&i) = self.index.get(&id) {
            return i;
        }
        let a = DocActor {
            id,
            canonical: name.to_string(),
            kind: "place",
            country: country.map(str::to_string),
            sector: None,
            role: None,
            code: None,
            source,
            surface_forms: Vec::new(),
            mentions: Vec::new(),
        };
        self.push(a, Info::default())
    }

    /// A person inferred from context, added or merged with the one of the
    /// same name (context fills what the first mention left unknown).
    pub fn inferred(&mut self, p: Inferred) -> usize {
        let id = format!("ctx:{}", slug(&p.name));
        if let Some(&i) = self.index.get(&id) {
            let a = &mut self.out.actors[i];
            if a.country.is_none() {
                a.country = p.country;
            }
            if a.sector.is_none() {
                a.sector = p.sector;
            }
            if a.role.is_none() {
                a.role = p.role;
            }
            a.code = code_of(a.country.as_deref(), a.sector.as_deref());
            if let Some(k) = p.role_kind {
                if !self.info[i].role_kinds.contains(&k) {
                    self.info[i].role_kinds.push(k);
                }
            }
            return i;
        }
        let words: Vec<&str> = p.name.split_whitespace().collect();
        let mut surnames = Vec::new();
        let family_first = dyads_lexicon::variants::family_name_first(p.country.as_deref())
            || words.iter().skip(1).any(|w| w.contains('-'));
        let family = if family_first {
            words.first()
        } else {
            words.last()
        };
        if let (Some(f), true) = (family, words.len() > 1) {
            surnames.push(normalize(f));
        }
        let a = DocActor {
            id,
            canonical: p.name.clone(),
            kind: "person",
            code: code_of(p.country.as_deref(), p.sector.as_deref()),
            country: p.country,
            sector: p.sector,
            role: p.role,
            source: ActorSource::Inferred,
            surface_forms: Vec::new(),
            mentions: Vec::new(),
        };
        let info = Info {
            surnames,
            role_kinds: p.role_kind.into_iter().collect(),
            person: true,
            ..Info::default()
        };
        self.push(a, info)
    }

    /// An organisation or group inferred from context under a given id
    /// (`ctx:delegation-prk`), added on first use.
    pub fn org_with_id(
        &mut self,
        id: String,
        name: &str,
        country: Option<String>,
        sector: Option<&str>,
        group: Option<&'static str>,
    ) -> usize {
        if let Some(&i) = self.index.get(&id) {
            return i;
        }
        let a = DocActor {
            id,
            canonical: name.to_string(),
            kind: "organization",
            code: code_of(country.as_deref(), sector),
            country,
            sector: sector.map(str::to_string),
            role: None,
            source: ActorSource::Inferred,
            surface_forms: Vec::new(),
            mentions: Vec::new(),
        };
        let info = Info {
            group,
            ..Info::default()
        };
        self.push(a, info)
    }

    /// A place inferred from context (`the Vostochny Cosmodrome`), added
    /// on first use.
    pub fn inferred_place(&mut self, name: &str, country: Option<&str>) -> usize {
        self.place_from(name, country, ActorSource::Inferred)
    }

    /// Sets the country of an inferred actor that has none, and its code.
    pub fn set_country(&mut self, i: usize, country: &str) {
        if let Some(a) = self.out.actors.get_mut(i) {
            if a.country.is_none() {
                a.country = Some(country.to_string());
                // Places carry no actor code.
                if a.kind != "place" {
                    a.code = code_of(a.country.as_deref(), a.sector.as_deref());
                }
            }
        }
    }

    /// Adds the text of `span` to an actor's surface forms.
    pub fn add_form(&mut self, actor: usize, span: Span) {
        let Some(a) = self.out.actors.get_mut(actor) else {
            return;
        };
        let text = clean_surface(span.slice(&self.doc.text));
        if !text.is_empty() && !a.surface_forms.iter().any(|f| f == text) {
            a.surface_forms.push(text.to_string());
        }
    }

    /// The actor a recorded phrase covering `span` names, if any.
    pub fn phrase_actor(&self, span: Span) -> Option<usize> {
        self.phrases
            .iter()
            .find(|(p, _)| p.start <= span.start && span.end <= p.end)
            .map(|&(_, a)| a)
    }

    fn push(&mut self, a: DocActor, info: Info) -> usize {
        let i = self.out.actors.len();
        self.index.insert(a.id.clone(), i);
        self.out.actors.push(a);
        self.info.push(info);
        i
    }

    /// True when `span` overlaps a mention already recorded.
    pub fn covered(&self, span: Span) -> bool {
        // Mentions never overlap and are sorted, so their ends are sorted
        // too: only the last one starting before `span` ends can overlap.
        let i = self
            .out
            .mentions
            .partition_point(|m| m.span.start < span.end);
        i > 0 && self.out.mentions[i - 1].span.end > span.start
    }

    /// Records a mention of actor `actor`; `phrase` is a longer form that
    /// resolved to it too (`Foreign Minister Sergei Lavrov`).
    pub fn mention(
        &mut self,
        actor: usize,
        span: Span,
        kind: MentionKind,
        sentence: usize,
        phrase: Option<Span>,
    ) {
        if self.covered(span) {
            return;
        }
        let Some(a) = self.out.actors.get_mut(actor) else {
            return;
        };
        for s in std::iter::once(span).chain(phrase) {
            let text = clean_surface(s.slice(&self.doc.text));
            if !text.is_empty() && !a.surface_forms.iter().any(|f| f == text) {
                a.surface_forms.push(text.to_string());
            }
        }
        a.mentions.push(span);
        if let Some(p) = phrase {
            if p != span {
                self.phrases.push((p, actor));
            }
        }
        let m = ActorMention {
            span,
            actor,
            kind,
            sentence,
        };
        let at = self
            .out
            .mentions
            .partition_point(|o| (o.span.start, o.span.end) < (span.start, span.end));
        self.out.mentions.insert(at, m);
    }

    /// The mentions before byte `pos`, latest first.
    pub fn before(&self, pos: u32) -> impl Iterator<Item = &ActorMention> + '_ {
        let end = self.out.mentions.partition_point(|m| m.span.end <= pos);
        self.out.mentions[..end].iter().rev()
    }

    /// The finished table: actors in order of first mention, mentions sorted.
    pub fn finish(mut self) -> DocActors {
        for a in &mut self.out.actors {
            a.mentions.sort_by_key(|s| (s.start, s.end));
        }
        // Actors without mentions (none today) are kept out of the output.
        let keep: Vec<bool> = self
            .out
            .actors
            .iter()
            .map(|a| !a.mentions.is_empty())
            .collect();
        if keep.iter().all(|&k| k) {
            return self.out;
        }
        let mut map = vec![usize::MAX; keep.len()];
        let mut actors = Vec::new();
        for (i, a) in self.out.actors.into_iter().enumerate() {
            if keep[i] {
                map[i] = actors.len();
                actors.push(a);
            }
        }
        let mentions = self
            .out
            .mentions
            .into_iter()
            .filter_map(|mut m| {
                m.actor = *map.get(m.actor).filter(|&&x| x != usize::MAX)?;
                Some(m)
            })
            .collect();
        DocActors {
            actors,
            mentions,
            ambiguous: self.out.ambiguous,
            groups: self.out.groups,
        }
    }
}

/// `RUSGOV` from `RUS` and `GOV`.
pub(crate) fn code_of(country: Option<&str>, sector: Option<&str>) -> Option<String> {
    match (country, sector) {
        (Some(c), Some(s)) => Some(format!("{c}{s}")),
        (Some(c), None) => Some(c.to_string()),
        (None, Some(s)) => Some(s.to_string()),
        (None, None) => None,
    }
}

/// A lowercase ASCII-ish slug of a name (`Andrei Rudenko` -> `andrei-rudenko`).
pub(crate) fn slug(name: &str) -> String {
    normalize(name).replace(' ', "-")
}

/// A surface form without surrounding punctuation and space.
fn clean_surface(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'))
}
