//! Irregular English verbs: the past and past participle forms the
//! treebank is too small to teach (`withdrew`, `overtook`, `slew`), so the
//! learned suffix rules would turn them into non-words (`withdrew` to
//! `withdrew`, `foresaw` to `foresaw`). Looked up only for words tagged as
//! a past tense or past participle that the treebank lexicon lacks.

use std::collections::HashMap;
use std::sync::OnceLock;

/// One verb per line: base, past, past participle; variants joined by `/`.
const TABLE: &str = "\
arise arose arisen
awake awoke awoken/awaked
bear bore borne/born
beat beat beaten/beat
become became become
begin began begun
bend bent bent
bet bet bet
bid bid/bade bid/bidden
bind bound bound
bite bit bitten
bleed bled bled
blow blew blown
break broke broken
breed bred bred
bring brought brought
broadcast broadcast broadcast
build built built
burn burnt/burned burnt/burned
burst burst burst
buy bought bought
cast cast cast
catch caught caught
choose chose chosen
cling clung clung
come came come
cost cost cost
creep crept crept
cut cut cut
deal dealt dealt
dig dug dug
do did done
draw drew drawn
dream dreamt/dreamed dreamt/dreamed
drink drank drunk
drive drove driven
dwell dwelt dwelt
eat ate eaten
fall fell fallen
feed fed fed
feel felt felt
fight fought fought
find found found
flee fled fled
fling flung flung
fly flew flown
forbid forbade/forbad forbidden
forecast forecast forecast
forget forgot forgotten
forgive forgave forgiven
forsake forsook forsaken
freeze froze frozen
get got gotten/got
give gave given
go went gone
grind ground ground
grow grew grown
hang hung/hanged hung/hanged
have had had
hear heard heard
hide hid hidden
hit hit hit
hold held held
hurt hurt hurt
keep kept kept
kneel knelt knelt
know knew known
lay laid laid
lead led led
lean leant/leaned leant/leaned
leap leapt/leaped leapt/leaped
learn learnt/learned learnt/learned
leave left left
lend lent lent
let let let
lie lay lain
light lit/lighted lit/lighted
lose lost lost
make made made
mean meant meant
meet met met
pay paid paid
plead pled/pleaded pled/pleaded
prove proved proven/proved
put put put
quit quit quit
read read read
rend rent rent
rid rid rid
ride rode ridden
ring rang rung
rise rose risen
run ran run
say said said
see saw seen
seek sought sought
sell sold sold
send sent sent
set set set
sew sewed sewn/sewed
shake shook shaken
shear sheared shorn
shed shed shed
shine shone shone
shoot shot shot
show showed shown/showed
shrink shrank/shrunk shrunk
shut shut shut
sing sang sung
sink sank sunk
sit sat sat
slay slew slain
sleep slept slept
slide slid slid
sling slung slung
slit slit slit
speak spoke spoken
speed sped sped
spend spent spent
spin spun spun
spit spat spat
split split split
spread spread spread
spring sprang/sprung sprung
stand stood stood
steal stole stolen
stick stuck stuck
sting stung stung
stink stank stunk
stride strode stridden
strike struck struck/stricken
string strung strung
strive strove striven
swear swore sworn
sweep swept swept
swell swelled swollen
swim swam swum
swing swung swung
take took taken
teach taught taught
tear tore torn
tell told told
think thought thought
throw threw thrown
thrust thrust thrust
tread trod trodden
wake woke woken
wear wore worn
weave wove woven
weep wept wept
win won won
wind wound wound
wring wrung wrung
write wrote written
";

/// Prefixes that keep a verb's irregular forms (`withdrew`, `overtook`,
/// `undertaken`, `foresaw`, `mistook`, `outgrew`, `upheld`, `rebuilt`).
const PREFIXES: &[&str] = &[
    "with", "over", "under", "fore", "mis", "out", "up", "re", "be", "un",
];

fn table() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for line in TABLE.lines() {
            let mut cols = line.split_whitespace();
            let Some(base) = cols.next() else { continue };
            for col in cols {
                for form in col.split('/') {
                    // The first verb listed keeps an ambiguous form
                    // (`lay`: lie, not lay; `found`: find).
                    map.entry(form).or_insert(base);
                }
            }
        }
        map
    })
}

/// Whether `form` (lowercase) is the simple past of an irregular verb
/// (`shot`, `cut`, `set`, `spread`, `fled`), with or without a prefix that
/// keeps the verb's forms (`withdrew`).
pub(crate) fn is_irregular_past(form: &str) -> bool {
    static PAST: OnceLock<HashMap<&'static str, ()>> = OnceLock::new();
    let past = PAST.get_or_init(|| {
        TABLE
            .lines()
            .filter_map(|line| line.split_whitespace().nth(1))
            .flat_map(|col| col.split('/'))
            .map(|f| (f, ()))
            .collect()
    });
    past.contains_key(form)
        || PREFIXES.iter().any(|p| {
            form.strip_prefix(p)
                .is_some_and(|rest| rest.len() >= 3 && past.contains_key(rest))
        })
}

/// The base form of `form` (lowercase) if it is the past tense or past
/// participle of an irregular verb, with or without a prefix that keeps
/// the verb's forms (`withdrew` gives `withdraw`). Regular forms and
/// unknown words give `None`.
pub(crate) fn base_of_past(form: &str) -> Option<String> {
    let map = table();
    if let Some(base) = map.get(form) {
        return Some((*base).to_string());
    }
    for prefix in PREFIXES {
        let Some(rest) = form.strip_prefix(prefix) else {
            continue;
        };
        // `red` is not re + `d`, nor `bed` be + `d`: the rest must be a
        // whole irregular form of at least three letters.
        if rest.len() < 3 {
            continue;
        }
        if let Some(base) = map.get(rest) {
            return Some(format!("{prefix}{base}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irregular_past_forms() {
        for (form, want) in [
            ("withdrew", Some("withdraw")),
            ("withdrawn", Some("withdraw")),
            ("overtook", Some("overtake")),
            ("foresaw", Some("foresee")),
            ("upheld", Some("uphold")),
            ("rebuilt", Some("rebuild")),
            ("fled", Some("flee")),
            ("slain", Some("slay")),
            ("struck", Some("strike")),
            ("stricken", Some("strike")),
            ("lay", Some("lie")),
            ("found", Some("find")),
            ("undertaken", Some("undertake")),
            ("walked", None),
            ("red", None),
            ("bed", None),
            ("unhappy", None),
        ] {
            assert_eq!(base_of_past(form).as_deref(), want, "{form}");
        }
    }

    #[test]
    fn irregular_simple_pasts() {
        for (form, want) in [
            ("shot", true),
            ("cut", true),
            ("spread", true),
            ("withdrew", true),
            ("taken", false),
            ("walked", false),
            ("red", false),
        ] {
            assert_eq!(is_irregular_past(form), want, "{form}");
        }
    }

    #[test]
    fn every_line_has_three_columns() {
        for line in TABLE.lines() {
            assert_eq!(line.split_whitespace().count(), 3, "{line}");
        }
    }
}
