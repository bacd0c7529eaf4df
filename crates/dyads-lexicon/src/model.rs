//! The lexicon's data model: actors with their names and dated codes,
//! sector terms, and people's dated roles.

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// The index of an actor in its [`Lexicon`](crate::Lexicon).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ActorId(pub u32);

/// The index of a sector term in its [`Lexicon`](crate::Lexicon).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TermId(pub u32);

/// What sort of actor an actor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A state or territory (`states.tsv`).
    State,
    /// An organisation, news agency, think tank or government body
    /// (`organizations.tsv`).
    Organization,
    /// A person (`people.tsv`).
    Person,
    /// An entry of an imported PETRARCH/TABARI actor dictionary, known by
    /// its dated codes.
    Imported,
}

/// The standing of a state or territory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StateStatus {
    /// UN member state.
    Member,
    /// UN observer state (Holy See, Palestine).
    Observer,
    /// Disputed, partly recognised or special territory.
    Territory,
}

/// The type of an organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgType {
    /// Intergovernmental organisation, organ or grouping.
    Igo,
    /// Non-governmental organisation.
    Ngo,
    /// News agency, newspaper or broadcaster.
    Media,
    /// Think tank or research institute.
    ThinkTank,
    /// Political party.
    Party,
    /// Company.
    Company,
    /// Military alliance command or armed force.
    Military,
    /// Non-state armed group.
    ArmedGroup,
    /// A ministry, agency or other body of a state's government.
    GovernmentBody,
}

impl OrgType {
    /// Parses the `type` column of `organizations.tsv`.
    pub fn parse(s: &str) -> Option<OrgType> {
        Some(match s {
            "igo" => OrgType::Igo,
            "ngo" => OrgType::Ngo,
            "media" => OrgType::Media,
            "think_tank" => OrgType::ThinkTank,
            "party" => OrgType::Party,
            "company" => OrgType::Company,
            "military" => OrgType::Military,
            "armed_group" => OrgType::ArmedGroup,
            "government_body" => OrgType::GovernmentBody,
            _ => return None,
        })
    }
}

/// How a name refers to its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameKind {
    /// The canonical name.
    Canonical,
    /// An alias, acronym or spelling variant given in the data.
    Alias,
    /// A demonym or adjective (`North Korean`, `Russian`).
    Demonym,
    /// The capital city: a place, or the government by metonymy.
    Capital,
    /// A building or place standing for the government (`the Kremlin`).
    Metonym,
    /// A context-dependent alias (`the North`, `Georgia`): low confidence.
    Weak,
    /// A family name alone (`Lavrov`): a partial match.
    Surname,
}

/// One name of an actor, as written in the data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Name {
    /// The name as written.
    pub text: String,
    /// How it refers to the actor.
    pub kind: NameKind,
    /// True when the last word is a stem that matches any word beginning
    /// with it (TABARI's `ARGENTIN` for `Argentina`, `Argentine`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub stem: bool,
}

/// A code that applies between two dates (inclusive; `None` is open).
/// A code with neither date is the default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatedCode {
    /// The CAMEO/Phoenix code (`RUSGOV`, `IGOUNO`, `---` for the null code).
    pub code: String,
    /// First day it applies.
    pub start: Option<Date>,
    /// Last day it applies.
    pub end: Option<Date>,
}

impl DatedCode {
    /// True when `date` falls within the code's dates.
    pub fn applies_on(&self, date: Date) -> bool {
        let date = date.first_day();
        self.start.is_none_or(|s| s.first_day() <= date)
            && self.end.is_none_or(|e| date <= e.last_day())
    }

    /// True for a code without dates.
    pub fn is_default(&self) -> bool {
        self.start.is_none() && self.end.is_none()
    }

    /// The codes a compound code stands for (`ELR/GAL`: `ELR` and `GAL`);
    /// the code itself otherwise.
    pub fn alternatives(&self) -> impl Iterator<Item = &str> + '_ {
        self.code.split('/')
    }
}

/// Where an actor, term or role comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The file (a built-in data file name or a dictionary path).
    pub file: String,
    /// The 1-based line.
    pub line: usize,
}

/// An actor: a state, an organisation, a person, or an imported entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable id: the ISO alpha-3 code for states (`PRK`), a slug for
    /// organisations (`kcna`) and people (`lavrov-sergey`), `dict:` and the
    /// primary phrase for imported entries.
    pub id: String,
    /// The name to display.
    pub canonical: String,
    /// What sort of actor.
    pub kind: ActorKind,
    /// For states: member, observer or territory.
    pub status: Option<StateStatus>,
    /// For organisations: the type.
    pub org_type: Option<OrgType>,
    /// The ISO alpha-3 code of the actor's country (its own code for a state).
    pub country: Option<String>,
    /// CAMEO-style sector code (`GOV`, `IGO`, `MED`), when there is one.
    pub sector: Option<String>,
    /// CAMEO/Phoenix actor code, when known (`PRK`, `KSV`, `IGOUNO`).
    pub cameo_code: Option<String>,
    /// The capital, for states.
    pub capital: Option<String>,
    /// Every name the matcher knows the actor by.
    pub names: Vec<Name>,
    /// Dated codes (imported dictionaries; people's codes from their roles).
    pub codes: Vec<DatedCode>,
    /// Gender, for people (`m`, `f`, or empty).
    pub gender: Option<String>,
    /// Free notes.
    pub notes: String,
    /// Where the actor is defined.
    pub origin: Origin,
    /// The layer it belongs to: names in higher layers hide the same names
    /// in lower ones (0 is the built-in lexicon).
    pub layer: u8,
}

impl Actor {
    /// The code that applies on `date`: the first dated code whose dates
    /// hold, else the default code (PETRARCH's rule), else the actor's
    /// [`Actor::default_code`].
    pub fn code_on(&self, date: Date) -> Option<String> {
        self.codes
            .iter()
            .find(|c| !c.is_default() && c.applies_on(date))
            .or_else(|| self.codes.iter().find(|c| c.is_default()))
            .map(|c| c.code.clone())
            .or_else(|| self.default_code())
    }

    /// Every code the actor stands for on `date`: the code of
    /// [`Actor::code_on`], a compound code (`ELR/GAL`) split into its
    /// alternatives.
    pub fn codes_on(&self, date: Date) -> Vec<String> {
        self.code_on(date)
            .map(|c| c.split('/').map(str::to_string).collect())
            .unwrap_or_default()
    }

    /// The code without dates: the CAMEO code when known, else country +
    /// sector (`PRKMED` for KCNA), else the sector or the country alone.
    pub fn default_code(&self) -> Option<String> {
        self.cameo_code
            .clone()
            .or_else(|| match (&self.country, &self.sector) {
                (Some(c), Some(s)) => Some(format!("{c}{s}")),
                (None, Some(s)) => Some(s.clone()),
                (Some(c), None) => Some(c.clone()),
                (None, None) => None,
            })
    }
}

/// Where an agent code goes relative to the actor code: PETRARCH's `~GOV`
/// (after: `RUS` + `GOV`) or `NGO~` (before).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodePosition {
    /// `~CODE`: appended after the actor's code.
    After,
    /// `CODE~`: put before the actor's code.
    Before,
}

/// A sector term (a title or noun) and what it tells.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectorInfo {
    /// The term as written (`foreign minister`).
    pub term: String,
    /// Other forms of the term: plurals, spellings (`defense minister`).
    pub variants: Vec<String>,
    /// The CAMEO agent code (`GOV`, `MIL`, `GOVFRM` in imported files).
    pub code: String,
    /// Where the code goes relative to an actor code.
    pub position: CodePosition,
    /// A PLOVER-style sector name (`government`), when given.
    pub plover: Option<String>,
    /// The kind of role the term names (`foreign_minister`), when given.
    pub role_kind: Option<String>,
    /// True when the term is a title that may precede a name
    /// (`President Putin`).
    pub title: bool,
    /// An example phrase containing the term (runs as a test).
    pub example: Option<String>,
    /// Where the term is defined.
    pub origin: Origin,
    /// The layer it belongs to.
    pub layer: u8,
}

/// A role a person held or holds, with its dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The person's id.
    pub person: String,
    /// The role as written (`Minister of Foreign Affairs`).
    pub role: String,
    /// The role kind (`foreign_minister`).
    pub role_kind: String,
    /// CAMEO-style sector code (`GOV`).
    pub sector: String,
    /// ISO alpha-3 code of the country served, if any.
    pub country: Option<String>,
    /// Organisation id or name, if any.
    pub org: Option<String>,
    /// Start (as precise as known).
    pub start: Date,
    /// End, `None` while current.
    pub end: Option<Date>,
    /// How the dates were checked.
    pub source: String,
    /// Where the role is defined.
    pub origin: Origin,
}

impl Role {
    /// True when the role holds on `date` (start and end inclusive, an
    /// imprecise date covering its whole month or year).
    pub fn holds_on(&self, date: Date) -> bool {
        let date = date.first_day();
        self.start.first_day() <= date && self.end.is_none_or(|e| date <= e.last_day())
    }

    /// True when the role ended before `date`.
    pub fn ended_before(&self, date: Date) -> bool {
        self.end.is_some_and(|e| e.last_day() < date.first_day())
    }
}

/// A person's standing on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleAt<'a> {
    /// The person holds this role on the date.
    Current(&'a Role),
    /// The person held this role, which ended before the date.
    Former(&'a Role),
}

impl<'a> RoleAt<'a> {
    /// The role, current or former.
    pub fn role(&self) -> &'a Role {
        match self {
            RoleAt::Current(r) | RoleAt::Former(r) => r,
        }
    }

    /// True for a former role.
    pub fn is_former(&self) -> bool {
        matches!(self, RoleAt::Former(_))
    }
}

/// A phrase of a discard list: a sentence (or with `whole_story`, a story)
/// containing it is not coded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discard {
    /// The phrase as written.
    pub phrase: String,
    /// True for `+` entries: discard the whole story.
    pub whole_story: bool,
    /// Where it is defined.
    pub origin: Origin,
}
