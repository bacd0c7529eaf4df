//! Settings that change coding: TABARI's `.options` file commands and
//! the `OPTION:` lines of its validation records.

/// Options that change coding (TABARI `.options` settings).
#[derive(Clone, Debug)]
pub struct CodeOptions {
    /// `SET: CONVERT AGENT`: an agent with no actor is coded alone (`~MIL`).
    pub convert_agent: bool,
    /// `DEFAULT:` codes for a missing source or target.
    pub defaults: Option<Defaults>,
    /// `SET: CODE BY ...`.
    pub code_by: CodeBy,
    /// `SET: MINIMUM WORDS`: shorter sentences are not coded.
    pub min_words: usize,
    /// `COMMA:` limits; `None` (`COMMA: OFF`) keeps every clause.
    pub comma: Option<CommaRule>,
    /// `SET: TIME SHIFT`: time phrases coded `###`/`+++` stop a sentence.
    pub time_shift: bool,
    /// `COMPLEX: VERBS[n] CONJ[m]`: a sentence with `n` or more verbs or
    /// `m` or more conjunctions (`and`, `or`, `but`; not those joining a
    /// compound actor) is too complex to code.
    pub complex: Option<(usize, usize)>,
    /// `FORWARD: MASK`: a pronoun with no antecedent in its sentence
    /// stands for the first actor (its actor code, without agent) of the
    /// previous sentence of the same story. The mask tells which
    /// characters of a record id name the story (`N`), aligned with the
    /// end of the id; `None` (`FORWARD: ... OFF`) switches it off.
    pub forward: Option<String>,
    /// TABARI's pronoun list: the plural possessive `their` stands for an
    /// actor (a compound) like `they` does; PETRARCH leaves it alone.
    pub their: bool,
    /// TABARI's `FORMER` conversion: an agent right after `former` (or
    /// in an actor phrase right after it) is coded `ELI`.
    pub former: bool,
}

impl Default for CodeOptions {
    fn default() -> CodeOptions {
        CodeOptions {
            convert_agent: false,
            defaults: None,
            code_by: CodeBy::Clause,
            min_words: 0,
            comma: Some(CommaRule::default()),
            time_shift: true,
            complex: None,
            forward: None,
            their: false,
            former: false,
        }
    }
}

impl CodeOptions {
    /// TABARI's defaults: as [`CodeOptions::default`], sentences of
    /// fewer than 8 words are not coded, `their` is a pronoun and
    /// `former` makes an agent `ELI`.
    pub fn tabari() -> CodeOptions {
        CodeOptions {
            min_words: 8,
            their: true,
            former: true,
            ..CodeOptions::default()
        }
    }
}

/// Word-count limits of comma-delimited clauses that are dropped: inside
/// (`min..=max`), at the end (`emin..=emax`), at the beginning
/// (`bmin..=bmax`). The default drops inner and final clauses of 2 to 10
/// words and never an opening one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommaRule {
    /// Shortest inner clause dropped.
    pub min: usize,
    /// Longest inner clause dropped.
    pub max: usize,
    /// Shortest final clause dropped.
    pub emin: usize,
    /// Longest final clause dropped.
    pub emax: usize,
    /// Shortest opening clause dropped.
    pub bmin: usize,
    /// Longest opening clause dropped.
    pub bmax: usize,
}

impl Default for CommaRule {
    fn default() -> CommaRule {
        // Clauses at the beginning are never dropped (an empty range).
        CommaRule {
            bmin: 255,
            bmax: 0,
            min: 2,
            max: 10,
            emin: 2,
            emax: 10,
        }
    }
}

/// TABARI's `DEFAULT: SOURCE [X] PRIOR TARGET [Y] AFTER`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Defaults {
    /// Code for a missing source.
    pub source: Option<String>,
    /// `PRIOR`: the source must come before the verb (else the first actor
    /// after it may be the source).
    pub prior: bool,
    /// Code for a missing target.
    pub target: Option<String>,
    /// `AFTER`: the target must come after the verb (else a compound source
    /// gives its later members as targets).
    pub after: bool,
}

/// How much of a sentence is coded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CodeBy {
    /// The first coded verb of each clause (TABARI's default).
    #[default]
    Clause,
    /// The first clause that gives events.
    Sentence,
    /// Every coded verb.
    All,
}
