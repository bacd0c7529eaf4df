//! The built-in lexicon: the TSV files under `data/`, embedded in the
//! binary and validated when first parsed.

use std::collections::HashSet;

use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::model::{
    Actor, ActorKind, CodePosition, Name, NameKind, OrgType, Origin, Role, SectorInfo, StateStatus,
};
use crate::normalize::normalize;
use crate::tsv::{self, is_cameo_code, is_country_code, Row};

/// The built-in data files: name and contents.
pub const FILES: [(&str, &str); 5] = [
    ("states.tsv", include_str!("../data/states.tsv")),
    (
        "organizations.tsv",
        include_str!("../data/organizations.tsv"),
    ),
    ("sectors.tsv", include_str!("../data/sectors.tsv")),
    ("people.tsv", include_str!("../data/people.tsv")),
    ("roles.tsv", include_str!("../data/roles.tsv")),
];

const STATES: &[&str] = &[
    "code",
    "cameo",
    "status",
    "name",
    "aliases",
    "weak_aliases",
    "demonyms",
    "capital",
    "metonyms",
];
const ORGS: &[&str] = &[
    "id",
    "canonical",
    "type",
    "country",
    "sector",
    "cameo",
    "aliases",
    "weak_aliases",
];
const SECTORS: &[&str] = &[
    "term",
    "variants",
    "code",
    "plover",
    "role_kind",
    "title",
    "example",
];
const PEOPLE: &[&str] = &["id", "canonical", "aliases", "gender", "country", "notes"];
const ROLES: &[&str] = &[
    "person_id",
    "role",
    "role_kind",
    "sector",
    "country",
    "org",
    "start",
    "end",
    "source",
];

/// What the built-in files hold once parsed.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub actors: Vec<Actor>,
    pub terms: Vec<SectorInfo>,
    pub roles: Vec<Role>,
}

struct Ctx<'e> {
    file: &'static str,
    errors: &'e mut Vec<Error>,
}

impl Ctx<'_> {
    fn err(&mut self, line: usize, kind: ErrorKind) {
        self.errors.push(Error::new(self.file, line, kind));
    }

    fn country(&mut self, row: &Row, i: usize) -> Option<String> {
        let c = row.opt(i)?;
        if is_country_code(c) {
            Some(c.to_string())
        } else {
            self.err(row.line, ErrorKind::BadCode(c.to_string()));
            None
        }
    }

    fn cameo(&mut self, row: &Row, i: usize) -> Option<String> {
        let c = row.opt(i)?;
        if is_cameo_code(c) {
            Some(c.to_string())
        } else {
            self.err(row.line, ErrorKind::BadCode(c.to_string()));
            None
        }
    }

    fn required<'a>(&mut self, row: &Row<'a>, i: usize, column: &'static str) -> &'a str {
        let v = row.get(i);
        if v.is_empty() {
            self.err(row.line, ErrorKind::Empty(column));
        }
        v
    }
}

fn origin(file: &str, line: usize) -> Origin {
    Origin {
        file: file.to_string(),
        line,
    }
}

fn blank_actor(id: &str, canonical: &str, kind: ActorKind, origin: Origin) -> Actor {
    Actor {
        id: id.to_string(),
        canonical: canonical.to_string(),
        kind,
        status: None,
        org_type: None,
        country: None,
        sector: None,
        cameo_code: None,
        capital: None,
        names: vec![Name {
            text: canonical.to_string(),
            kind: NameKind::Canonical,
            stem: false,
        }],
        codes: Vec::new(),
        gender: None,
        notes: String::new(),
        origin,
        layer: 0,
    }
}

fn push_names(actor: &mut Actor, names: Vec<&str>, kind: NameKind) {
    for n in names {
        actor.names.push(Name {
            text: n.to_string(),
            kind,
            stem: false,
        });
    }
}

/// A name listed among the weak aliases is matched as weak only, whatever
/// other column also lists it (`Victoria`, capital of Seychelles).
fn demote_weak(actor: &mut Actor) {
    let weak: HashSet<String> = actor
        .names
        .iter()
        .filter(|n| n.kind == NameKind::Weak)
        .map(|n| normalize(&n.text))
        .collect();
    actor
        .names
        .retain(|n| n.kind == NameKind::Weak || !weak.contains(&normalize(&n.text)));
}

/// Parses every built-in file, collecting all errors.
pub(crate) fn parse(errors: &mut Vec<Error>) -> Parsed {
    parse_files(&FILES, errors)
}

/// Parses files in the built-in formats, told apart by name, in the order
/// states, organisations, sectors, people, roles.
pub(crate) fn parse_files(files: &[(&'static str, &str)], errors: &mut Vec<Error>) -> Parsed {
    let mut out = Parsed::default();
    let mut ids = HashSet::new();
    for &(file, text) in files {
        let mut cx = Ctx { file, errors };
        match file {
            "states.tsv" => states(&mut cx, text, &mut ids, &mut out),
            "organizations.tsv" => organizations(&mut cx, text, &mut ids, &mut out),
            "sectors.tsv" => sectors(&mut cx, text, &mut out),
            "people.tsv" => people(&mut cx, text, &mut ids, &mut out),
            _ => roles(&mut cx, text, &mut out),
        }
    }
    out
}

fn unique(cx: &mut Ctx, ids: &mut HashSet<String>, line: usize, id: &str) -> bool {
    if ids.insert(id.to_string()) {
        true
    } else {
        cx.err(line, ErrorKind::DuplicateId(id.to_string()));
        false
    }
}

fn states(cx: &mut Ctx, text: &str, ids: &mut HashSet<String>, out: &mut Parsed) {
    for row in tsv::read(cx.file, text, STATES, cx.errors) {
        let code = cx.required(&row, 0, "code");
        if !is_country_code(code) {
            cx.err(row.line, ErrorKind::BadCode(code.to_string()));
            continue;
        }
        let status = match row.get(2) {
            "member" => StateStatus::Member,
            "observer" => StateStatus::Observer,
            "territory" => StateStatus::Territory,
            other => {
                let value = other.to_string();
                cx.err(
                    row.line,
                    ErrorKind::UnknownValue {
                        column: "status",
                        value,
                    },
                );
                continue;
            }
        };
        let name = cx.required(&row, 3, "name");
        if !unique(cx, ids, row.line, code) {
            continue;
        }
        let mut a = blank_actor(code, name, ActorKind::State, origin(cx.file, row.line));
        let weak = row.list(5);
        a.status = Some(status);
        a.country = Some(code.to_string());
        a.cameo_code = Some(cx.cameo(&row, 1).unwrap_or_else(|| code.to_string()));
        a.capital = row.list(7).first().map(|c| c.to_string());
        push_names(&mut a, row.list(4), NameKind::Alias);
        push_names(&mut a, weak, NameKind::Weak);
        push_names(&mut a, row.list(6), NameKind::Demonym);
        push_names(&mut a, row.list(7), NameKind::Capital);
        push_names(&mut a, row.list(8), NameKind::Metonym);
        demote_weak(&mut a);
        out.actors.push(a);
    }
}

fn organizations(cx: &mut Ctx, text: &str, ids: &mut HashSet<String>, out: &mut Parsed) {
    for row in tsv::read(cx.file, text, ORGS, cx.errors) {
        let id = cx.required(&row, 0, "id");
        let canonical = cx.required(&row, 1, "canonical");
        let Some(org_type) = OrgType::parse(row.get(2)) else {
            let value = row.get(2).to_string();
            cx.err(
                row.line,
                ErrorKind::UnknownValue {
                    column: "type",
                    value,
                },
            );
            continue;
        };
        if id.is_empty() || !unique(cx, ids, row.line, id) {
            continue;
        }
        let mut a = blank_actor(
            id,
            canonical,
            ActorKind::Organization,
            origin(cx.file, row.line),
        );
        let weak = row.list(7);
        a.org_type = Some(org_type);
        a.country = cx.country(&row, 3);
        a.sector = cx.cameo(&row, 4);
        a.cameo_code = cx.cameo(&row, 5);
        push_names(&mut a, row.list(6), NameKind::Alias);
        push_names(&mut a, weak, NameKind::Weak);
        demote_weak(&mut a);
        out.actors.push(a);
    }
}

fn sectors(cx: &mut Ctx, text: &str, out: &mut Parsed) {
    let mut seen = HashSet::new();
    for row in tsv::read(cx.file, text, SECTORS, cx.errors) {
        let term = cx.required(&row, 0, "term");
        let Some(code) = cx.cameo(&row, 2) else {
            cx.err(row.line, ErrorKind::Empty("code"));
            continue;
        };
        let title = match row.get(5) {
            "yes" => true,
            "no" | "" => false,
            other => {
                let value = other.to_string();
                cx.err(
                    row.line,
                    ErrorKind::UnknownValue {
                        column: "title",
                        value,
                    },
                );
                continue;
            }
        };
        let variants: Vec<String> = row.list(1).into_iter().map(str::to_string).collect();
        for form in std::iter::once(term).chain(variants.iter().map(String::as_str)) {
            if !seen.insert(normalize(form)) {
                cx.err(row.line, ErrorKind::DuplicateId(form.to_string()));
            }
        }
        let example = row.opt(6).map(str::to_string);
        if let Some(ex) = &example {
            let hay = format!(" {} ", normalize(ex));
            let found = std::iter::once(term)
                .chain(variants.iter().map(String::as_str))
                .any(|f| hay.contains(&format!(" {} ", normalize(f))));
            if !found {
                cx.err(
                    row.line,
                    ErrorKind::Example(format!("`{term}` not in `{ex}`")),
                );
            }
        }
        out.terms.push(SectorInfo {
            term: term.to_string(),
            variants,
            code,
            position: CodePosition::After,
            plover: row.opt(3).map(str::to_string),
            role_kind: row.opt(4).map(str::to_string),
            title,
            example,
            origin: origin(cx.file, row.line),
            layer: 0,
        });
    }
}

fn people(cx: &mut Ctx, text: &str, ids: &mut HashSet<String>, out: &mut Parsed) {
    for row in tsv::read(cx.file, text, PEOPLE, cx.errors) {
        let id = cx.required(&row, 0, "id");
        let canonical = cx.required(&row, 1, "canonical");
        if id.is_empty() || !unique(cx, ids, row.line, id) {
            continue;
        }
        let mut a = blank_actor(id, canonical, ActorKind::Person, origin(cx.file, row.line));
        push_names(&mut a, row.list(2), NameKind::Alias);
        a.gender = row.opt(3).map(str::to_string);
        a.country = cx.country(&row, 4);
        a.notes = row.get(5).to_string();
        out.actors.push(a);
    }
}

fn date(cx: &mut Ctx, line: usize, s: &str) -> Option<Date> {
    let d = Date::parse(s);
    if d.is_none() {
        cx.err(line, ErrorKind::BadDate(s.to_string()));
    }
    d
}

fn roles(cx: &mut Ctx, text: &str, out: &mut Parsed) {
    let people: HashSet<&str> = out
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .map(|a| a.id.as_str())
        .collect();
    let kinds: HashSet<&str> = out
        .terms
        .iter()
        .filter_map(|t| t.role_kind.as_deref())
        .collect();
    let mut roles = Vec::new();
    for row in tsv::read(cx.file, text, ROLES, cx.errors) {
        let person = cx.required(&row, 0, "person_id");
        if !people.contains(person) {
            cx.err(row.line, ErrorKind::UnknownPerson(person.to_string()));
            continue;
        }
        let role_kind = cx.required(&row, 2, "role_kind");
        if !kinds.contains(role_kind) {
            let value = role_kind.to_string();
            cx.err(
                row.line,
                ErrorKind::UnknownValue {
                    column: "role_kind",
                    value,
                },
            );
            continue;
        }
        let Some(sector) = cx.cameo(&row, 3) else {
            cx.err(row.line, ErrorKind::Empty("sector"));
            continue;
        };
        let country = cx.country(&row, 4);
        let Some(start) = date(cx, row.line, row.get(6)) else {
            continue;
        };
        let end = match row.opt(7) {
            None => None,
            Some(e) => match date(cx, row.line, e) {
                Some(e) => Some(e),
                None => continue,
            },
        };
        if end.is_some_and(|e| e.last_day() < start.first_day()) {
            let (start, end) = (row.get(6).to_string(), row.get(7).to_string());
            cx.err(row.line, ErrorKind::DateOrder { start, end });
            continue;
        }
        roles.push(Role {
            person: person.to_string(),
            role: row.get(1).to_string(),
            role_kind: role_kind.to_string(),
            sector,
            country,
            org: row.opt(5).map(str::to_string),
            start,
            end,
            source: row.get(8).to_string(),
            origin: origin(cx.file, row.line),
        });
    }
    out.roles = roles;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_rows_are_errors_naming_file_and_line() {
        let states =
            "code\tcameo\tstatus\tname\taliases\tweak_aliases\tdemonyms\tcapital\tmetonyms\n\
            PRK\t\tmember\tNorth Korea\t\t\t\tPyongyang\t\n\
            prk\t\tmember\tBad\t\t\t\t\t\n\
            PRK\t\tmember\tAgain\t\t\t\t\t\n\
            KOR\t\tmember\tSouth Korea\n";
        let sectors = "term\tvariants\tcode\tplover\trole_kind\ttitle\texample\n\
            foreign minister\t\tGOV\t\tforeign_minister\tyes\tThe minister spoke.\n";
        let people = "id\tcanonical\taliases\tgender\tcountry\tnotes\n\
            x-y\tX Y\t\tm\tPRK\t\n";
        let roles = "person_id\trole\trole_kind\tsector\tcountry\torg\tstart\tend\tsource\n\
            x-y\tFM\tforeign_minister\tGOV\tPRK\t\t2020-01-01\t2019-01-01\t\n\
            x-y\tFM\tforeign_minister\tGOV\tPRK\t\t2020-13-01\t\t\n\
            z-z\tFM\tforeign_minister\tGOV\tPRK\t\t2020\t\t\n\
            x-y\tFM\tjester\tGOV\tPRK\t\t2020\t\t\n\
            x-y\tFM\tforeign_minister\tGOV\tPRK\t\t2020-02\t2021\t\n";
        let files = [
            ("states.tsv", states),
            ("sectors.tsv", sectors),
            ("people.tsv", people),
            ("roles.tsv", roles),
        ];
        let mut errors = Vec::new();
        let parsed = parse_files(&files, &mut errors);
        let got: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            got,
            vec![
                "states.tsv:5: expected 9 tab-separated columns, found 4",
                "states.tsv:3: bad code `prk`",
                "states.tsv:4: duplicate id `PRK`",
                "sectors.tsv:2: example does not match: `foreign minister` not in `The minister spoke.`",
                "roles.tsv:2: end date 2019-01-01 is before start date 2020-01-01",
                "roles.tsv:3: bad date `2020-13-01`",
                "roles.tsv:4: unknown person id `z-z`",
                "roles.tsv:5: unknown role_kind `jester`",
            ]
        );
        assert_eq!(parsed.actors.len(), 2);
        assert_eq!(parsed.roles.len(), 1);
    }
}
