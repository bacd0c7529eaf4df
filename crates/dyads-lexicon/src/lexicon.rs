//! [`Lexicon`]: actors, sector terms, roles and discards, with the lookups
//! the coder needs, and layering of imported dictionaries over the
//! built-in data.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use crate::builtin;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::import::{self, ImportReport};
use crate::matcher::{Match, Matcher, Scan};
use crate::model::{
    Actor, ActorId, ActorKind, DatedCode, Discard, Role, RoleAt, SectorInfo, TermId,
};
use crate::normalize::normalize;

/// Actors, sector terms, people's roles and discards, indexed.
///
/// Build one with [`Lexicon::builtin`], [`Lexicon::from_dicts`] or
/// [`Lexicon::from_parts`]; stack them with [`Lexicon::layer_over`].
#[derive(Debug, Default)]
pub struct Lexicon {
    actors: Vec<Actor>,
    by_id: HashMap<String, ActorId>,
    by_code: HashMap<String, ActorId>,
    terms: Vec<SectorInfo>,
    by_term: HashMap<String, TermId>,
    roles: Vec<Role>,
    roles_by_person: HashMap<String, Vec<usize>>,
    /// Indices of the roles of each role kind and country, in order.
    roles_by_kind: HashMap<String, HashMap<String, Vec<usize>>>,
    discards: Vec<Discard>,
    compound: Vec<Actor>,
    matcher: OnceLock<Matcher>,
}

static BUILTIN: OnceLock<std::result::Result<Lexicon, Error>> = OnceLock::new();

impl Lexicon {
    /// The built-in lexicon, parsed and validated on first use. An error
    /// names the first invalid row (the unit tests keep the data valid).
    pub fn builtin() -> Result<&'static Lexicon> {
        BUILTIN
            .get_or_init(|| {
                let (lex, errors) = Lexicon::builtin_with_errors();
                match errors.into_iter().next() {
                    Some(e) => Err(e),
                    None => Ok(lex),
                }
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Parses the built-in data, returning the lexicon built from the valid
    /// rows and every error found (for validation tools and tests).
    pub fn builtin_with_errors() -> (Lexicon, Vec<Error>) {
        let mut errors = Vec::new();
        let parsed = builtin::parse(&mut errors);
        let lex = Lexicon::from_parts(parsed.actors, parsed.terms, parsed.roles, Vec::new());
        (lex, errors)
    }

    /// Reads PETRARCH/TABARI dictionaries (actors, agents, discards; the
    /// kind is told by the file name) into a lexicon of their own. Malformed
    /// lines are skipped and listed in the report; only unreadable files are
    /// errors.
    pub fn from_dicts<P: AsRef<Path>>(paths: &[P]) -> Result<(Lexicon, ImportReport)> {
        import::read_files(paths)
    }

    /// A lexicon from its parts; people's dated codes are derived from
    /// their roles.
    pub fn from_parts(
        mut actors: Vec<Actor>,
        terms: Vec<SectorInfo>,
        roles: Vec<Role>,
        discards: Vec<Discard>,
    ) -> Lexicon {
        let mut roles_by_person: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, r) in roles.iter().enumerate() {
            roles_by_person.entry(r.person.clone()).or_default().push(i);
        }
        for a in actors.iter_mut().filter(|a| a.kind == ActorKind::Person) {
            if !a.codes.is_empty() {
                continue;
            }
            for &i in roles_by_person.get(&a.id).into_iter().flatten() {
                let r = &roles[i];
                let Some(country) = r.country.as_deref().or(a.country.as_deref()) else {
                    continue;
                };
                a.codes.push(DatedCode {
                    code: format!("{country}{}", r.sector),
                    start: Some(r.start),
                    end: r.end,
                });
            }
            if let Some(c) = &a.country {
                a.codes.push(DatedCode {
                    code: format!("{c}ELI"),
                    start: None,
                    end: None,
                });
            }
        }
        let mut lex = Lexicon {
            actors,
            terms,
            roles,
            roles_by_person,
            discards,
            ..Lexicon::default()
        };
        lex.reindex();
        lex
    }

    fn reindex(&mut self) {
        self.by_id.clear();
        self.by_code.clear();
        self.by_term.clear();
        self.roles_by_kind.clear();
        for (i, r) in self.roles.iter().enumerate() {
            if let Some(country) = &r.country {
                self.roles_by_kind
                    .entry(r.role_kind.clone())
                    .or_default()
                    .entry(country.clone())
                    .or_default()
                    .push(i);
            }
        }
        for (i, a) in self.actors.iter().enumerate() {
            let id = ActorId(i as u32);
            // Later (higher-layer) entries win.
            self.by_id.insert(a.id.clone(), id);
            if a.kind == ActorKind::State {
                for code in [a.country.as_ref(), a.cameo_code.as_ref()]
                    .into_iter()
                    .flatten()
                {
                    self.by_code.insert(code.clone(), id);
                }
            }
        }
        for (i, t) in self.terms.iter().enumerate() {
            for form in std::iter::once(&t.term).chain(&t.variants) {
                self.by_term.insert(normalize(form), TermId(i as u32));
            }
        }
        self.matcher = OnceLock::new();
    }

    /// Imported actors whose codes stand for several actors (`[ELR/GAL]`:
    /// an event for each code) or mark a sentence TABARI does not code
    /// (`[+++]`). They are read and counted with the others but kept out of
    /// [`Lexicon::actors`] and the matcher, since a consumer that takes one
    /// code per actor would code them as one odd actor; a consumer that
    /// splits [`Actor::codes_on`] takes them from here.
    pub fn compound_actors(&self) -> &[Actor] {
        &self.compound
    }

    /// Sets the compound actors (see [`Lexicon::compound_actors`]).
    pub(crate) fn with_compound(mut self, compound: Vec<Actor>) -> Lexicon {
        self.compound = compound;
        self
    }

    /// This lexicon stacked over `base`: the result holds both; where the
    /// two know the same name (or id, or term), this one wins.
    pub fn layer_over(&self, base: &Lexicon) -> Lexicon {
        let top = base
            .actors
            .iter()
            .map(|a| a.layer)
            .chain(base.terms.iter().map(|t| t.layer))
            .max()
            .unwrap_or(0)
            .saturating_add(1);
        let mut actors = base.actors.clone();
        actors.extend(self.actors.iter().cloned().map(|mut a| {
            a.layer = top;
            a
        }));
        let mut terms = base.terms.clone();
        terms.extend(self.terms.iter().cloned().map(|mut t| {
            t.layer = top;
            t
        }));
        let mut roles = base.roles.clone();
        roles.extend(self.roles.iter().cloned());
        let mut discards = base.discards.clone();
        discards.extend(self.discards.iter().cloned());
        let mut compound = base.compound.clone();
        compound.extend(self.compound.iter().cloned());
        let mut lex = Lexicon {
            actors,
            terms,
            roles,
            discards,
            compound,
            ..Lexicon::default()
        };
        for (i, r) in lex.roles.iter().enumerate() {
            lex.roles_by_person
                .entry(r.person.clone())
                .or_default()
                .push(i);
        }
        lex.reindex();
        lex
    }

    /// The matcher over every name and term, built on first use.
    pub fn matcher(&self) -> &Matcher {
        self.matcher.get_or_init(|| Matcher::build(self))
    }

    /// Every actor mention in `text` (see [`Matcher::find_all`]).
    pub fn find_all(&self, text: &str) -> Vec<Match> {
        self.matcher().find_all(text)
    }

    /// Actor mentions and sector terms in `text` in one pass.
    pub fn scan(&self, text: &str) -> Scan {
        self.matcher().scan(text)
    }

    /// All actors, in id order.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// The actor with this index.
    pub fn get(&self, id: ActorId) -> Option<&Actor> {
        self.actors.get(id.0 as usize)
    }

    /// The actor with this string id (`PRK`, `kcna`, `lavrov-sergey`).
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.by_id.get(id).and_then(|&i| self.get(i))
    }

    /// The index of the actor with this string id.
    pub fn actor_id(&self, id: &str) -> Option<ActorId> {
        self.by_id.get(id).copied()
    }

    /// The state or territory with this ISO alpha-3 or CAMEO code.
    pub fn state_by_code(&self, code: &str) -> Option<&Actor> {
        self.by_code.get(code).and_then(|&i| self.get(i))
    }

    /// All sector terms.
    pub fn terms(&self) -> &[SectorInfo] {
        &self.terms
    }

    /// The sector term with this index.
    pub fn term(&self, id: TermId) -> Option<&SectorInfo> {
        self.terms.get(id.0 as usize)
    }

    /// What a title or noun tells (`foreign minister` -> `GOV`,
    /// `foreign_minister`); any written form, any case.
    pub fn sector_of(&self, term: &str) -> Option<&SectorInfo> {
        self.by_term
            .get(&normalize(term))
            .and_then(|&i| self.term(i))
    }

    /// All roles.
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// The roles of a person, in the order of the data.
    pub fn roles_of(&self, person: &str) -> impl Iterator<Item = &Role> {
        self.roles_by_person
            .get(person)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.roles.get(i))
    }

    /// The person's role on `date`: the current role that started last, or
    /// else the role that ended last before the date (a former holder), or
    /// `None` when the person held no role yet.
    pub fn role_on(&self, person: &str, date: Date) -> Option<RoleAt<'_>> {
        let current = self
            .roles_of(person)
            .filter(|r| r.holds_on(date))
            .max_by_key(|r| r.start.first_day());
        if let Some(r) = current {
            return Some(RoleAt::Current(r));
        }
        self.roles_of(person)
            .filter(|r| r.ended_before(date))
            .max_by_key(|r| r.end.map(|e| e.last_day()))
            .map(RoleAt::Former)
    }

    /// Every role the person holds on `date`.
    pub fn roles_on(&self, person: &str, date: Date) -> Vec<&Role> {
        self.roles_of(person).filter(|r| r.holds_on(date)).collect()
    }

    /// Who holds a role kind for a country on `date` (`PRK`,
    /// `foreign_minister`).
    pub fn holders_on(&self, country: &str, role_kind: &str, date: Date) -> Vec<&Actor> {
        self.roles_by_kind
            .get(role_kind)
            .and_then(|by_country| by_country.get(country))
            .into_iter()
            .flatten()
            .filter_map(|&i| self.roles.get(i))
            .filter(|r| r.holds_on(date))
            .filter_map(|r| self.actor(&r.person))
            .collect()
    }

    /// The discard phrases of imported discard lists.
    pub fn discards(&self) -> &[Discard] {
        &self.discards
    }
}
