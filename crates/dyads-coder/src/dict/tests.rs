//! Whole-coder tests on tiny dictionaries written for them.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::dict::coder::{CodeOptions, Triple};
use crate::dict::verbs::read_verbs;
use crate::dict::{load, Loaded};

const ACTORS: &str = "VALDOR_  [VAL]\nMIRTH  [MIR]\nKESTREL_ISLES_ [KES]\nOLD_REGENT_ [VAL 900101-991231] [VALREB]\nTORVIK [---]\n";
const AGENTS: &str = "ENVOY_ [~GOV]\nNAVY_ [~MIL]\n";
const VERBS: &str = "<SYNSETS>\n&AIDKIND\n+GRAIN\n+FRESH_WATER\n</SYNSETS>\nTHANK_ [041]\n- * FOR_NOTHING [---]\nSEND_ [070]\n{ SENT_ }\n- * &AIDKIND [071]\n- + WAS * BY $ [072]\nMEET  [031:031]\n{ MET_ }\n- % HAVE * [036]\nSAID [023?]\nBLAST [---]\nRAID_ [###]\n<NOUN>\nMEETING_\n</NOUN>\n";

fn setup(name: &str) -> Loaded {
    let dir = std::env::temp_dir().join(format!("dyads-dict-test-{name}-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let write = |f: &str, s: &str| {
        let p = dir.join(f);
        let _ = std::fs::write(&p, s);
        p
    };
    let verbs: Vec<PathBuf> = vec![write("t.verbs", VERBS)];
    let lex = vec![
        write("t.actors", ACTORS),
        write("t.agents", AGENTS),
        write("t.discards", "SPORTS DAY\n+ORBIT CUP\n"),
    ];
    let loaded = load(&verbs, &lex, true);
    // The dictionaries are read: the scratch files can go.
    let _ = std::fs::remove_dir_all(&dir);
    match loaded {
        Ok(l) => l,
        Err(e) => panic!("{e}"),
    }
}

fn t(s: &str, d: &str, c: &str) -> Triple {
    (s.into(), d.into(), c.into())
}

#[test]
fn codes_tiny_sentences() {
    let l = setup("code");
    let date = dyads_lexicon::Date::parse_compact("950101");
    let o = CodeOptions::default();
    let cases: Vec<(&str, Vec<Triple>)> = vec![
        (
            "Valdor thanked Mirth on Monday.",
            vec![t("VAL", "MIR", "041")],
        ),
        ("Valdor thanked Mirth for nothing.", vec![]),
        (
            "Valdor sent grain to the Kestrel Isles.",
            vec![t("VAL", "KES", "071")],
        ),
        (
            "Valdor sent fresh water to Mirth.",
            vec![t("VAL", "MIR", "071")],
        ),
        ("Valdor sent water to Mirth.", vec![t("VAL", "MIR", "070")]),
        (
            "Mirth was sent home by Valdor.",
            vec![t("VAL", "MIR", "072")],
        ),
        (
            "Valdor will meet Mirth.",
            vec![t("VAL", "MIR", "031"), t("MIR", "VAL", "031")],
        ),
        (
            "Valdor and Mirth have met.",
            vec![t("VAL", "MIR", "036"), t("MIR", "VAL", "036")],
        ),
        (
            "The Valdor envoy thanked the Mirth navy.",
            vec![t("VALGOV", "MIRMIL", "041")],
        ),
        (
            "Valdor's envoy thanked Mirth and the Kestrel Isles.",
            vec![t("VALGOV", "MIR", "041"), t("VALGOV", "KES", "041")],
        ),
        (
            "Valdor said it thanked Mirth.",
            vec![t("VAL", "MIR", "041")],
        ),
        ("Valdor said Mirth.", vec![t("VAL", "MIR", "023")]),
        (
            "The Old Regent thanked Mirth.",
            vec![t("VAL", "MIR", "041")],
        ),
        (
            "Valdor blasted Mirth and thanked Torvik and the Kestrel Isles.",
            vec![t("VAL", "KES", "041")],
        ),
        ("Valdor raided Mirth.", vec![]),
        ("Valdor raids Mirth and thanked the Kestrel Isles.", vec![]),
        ("The meeting of Valdor and Mirth.", vec![]),
        (
            "Valdor, long a quiet neighbour of Kestrel, thanked Mirth.",
            vec![t("VAL", "MIR", "041")],
        ),
        ("Valdoria thanked Mirth.", vec![]),
        ("At the sports day Valdor thanked Mirth.", vec![]),
        (
            "Valdor thanked Mirth. It was sports day.",
            vec![t("VAL", "MIR", "041")],
        ),
        ("Valdor thanked Mirth. The Orbit Cup ended.", vec![]),
    ];
    for (text, want) in cases {
        let got = l.coder.code(text, date, &o);
        let want: BTreeSet<Triple> = want.into_iter().collect();
        assert_eq!(got, want, "{text}");
    }
    let later = dyads_lexicon::Date::parse_compact("20050101");
    let got = l.coder.code("The Old Regent thanked Mirth.", later, &o);
    assert!(got.contains(&t("VALREB", "MIR", "041")));
    let conv = CodeOptions {
        convert_agent: true,
        ..CodeOptions::default()
    };
    let got = l.coder.code("The navy thanked Mirth.", date, &conv);
    assert!(got.contains(&t("~MIL", "MIR", "041")), "{got:?}");
}

#[test]
fn verb_import_counts_and_warnings() {
    let (d, r) = read_verbs("v", VERBS.as_bytes());
    assert_eq!(
        (r.verbs, r.patterns, r.synsets, r.filters),
        (6, 4, 1, 1),
        "{r}"
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    assert_eq!(d.entries[3].code, "023?");
    let bad = "GOOD [010]\n- * X\n- * &MISSING [011]\n- { A | [012]\nNOCODE\n{ FORM_ }\n";
    let (d, r) = read_verbs("bad.verbs", bad.as_bytes());
    assert_eq!(d.entries.len(), 1);
    assert_eq!(r.patterns, 0);
    let w = r.warnings.join("\n");
    assert!(w.contains("bad.verbs:2: pattern without `[code]`"), "{w}");
    assert!(w.contains("bad.verbs:3: unknown synonym set"), "{w}");
    assert!(w.contains("bad.verbs:4: unclosed `{`"), "{w}");
    assert!(
        w.contains("bad.verbs:5: verb `NOCODE` without `[code]`"),
        "{w}"
    );
    assert!(w.contains("bad.verbs:6: verb forms with no verb"), "{w}");
}

#[test]
fn petrarch_verb_format() {
    let text = "<!-- header -->\n&ARMS\n+RIFLES\n+ARMS\n\n--- SUPPLY [070] ---\nSUPPLY {SUPPLIES SUPPLIED}\nRE_+ARM [071]\n- * &ARMS [072] # note\n";
    let (d, r) = read_verbs("p.verbs.txt", text.as_bytes());
    assert_eq!((r.verbs, r.patterns, r.forms), (2, 2, 2), "{r}");
    assert_eq!(d.entries[1].code, "071");
    assert_eq!(d.entries[0].patterns[0].code, "072");
}

proptest::proptest! {
    /// Any text codes without panicking, and every event has three
    /// non-empty parts with source and target apart.
    #[test]
    fn any_text_codes(text in "[A-Za-z ,.'_()-]{0,120}") {
        let l = loaded();
        let date = dyads_lexicon::Date::parse_compact("950101");
        for (s, t, c) in l.coder.code(&text, date, &CodeOptions::default()) {
            proptest::prop_assert!(!s.is_empty() && !t.is_empty() && !c.is_empty());
            proptest::prop_assert!(s != t);
        }
    }
}

fn loaded() -> &'static Loaded {
    static L: std::sync::OnceLock<Loaded> = std::sync::OnceLock::new();
    L.get_or_init(|| setup("prop"))
}

/// Dictionaries for TABARI's conventions (made-up names).
const T_ACTORS: &str = "<NOUN>\nSHEEP\nGOATS\n</NOUN>\n<ADJECTIVE>\nGRIM\nBOLD\n</ADJECTIVE>\nVALDOR_ [VAL]\nMIRTH [MIR]\nKESTREL [KES]\nTORVIK [TOR]\nSEA-KINGS [SEA]\n";
const T_AGENTS: &str = "ENVOY_ [~GOV]\nJUDGES_ [~JUD]\n";
const T_VERBS: &str = "<SYNSETS>\n&COIN\n+CROWNS_$\n+SHELLS\n</SYNSETS>\nGRANT [070]\n- * &COIN [903]\n<TIME>\nNEXT_FULL_MOON [###]\n</TIME>\nTHANK_ [041]\nWARN_ [160]\nHELP [092]\nVISIT [042!]\nGREET [040]\n- $ HOSTING ^ * GUESTS [043]\n";

fn setup_tabari(name: &str) -> Loaded {
    let dir = std::env::temp_dir().join(format!("dyads-dict-conv-{name}-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let write = |f: &str, s: &str| {
        let p = dir.join(f);
        let _ = std::fs::write(&p, s);
        p
    };
    let verbs = vec![write("c.verbs", T_VERBS)];
    let lex = vec![write("c.actors", T_ACTORS), write("c.agents", T_AGENTS)];
    let loaded = load(&verbs, &lex, true);
    // The dictionaries are read: the scratch files can go.
    let _ = std::fs::remove_dir_all(&dir);
    match loaded {
        Ok(l) => l,
        Err(e) => panic!("{e}"),
    }
}

fn set(v: Vec<Triple>) -> BTreeSet<Triple> {
    v.into_iter().collect()
}

#[test]
fn tabari_conventions() {
    let l = setup_tabari("conv");
    let date = dyads_lexicon::Date::parse_compact("950101");
    let o = CodeOptions {
        min_words: 0,
        ..CodeOptions::tabari()
    };
    let cases: Vec<(&str, Vec<Triple>)> = vec![
        // `and then` starts a new clause; its pronoun is the first actor
        // and the actor between it and the verb is the target.
        (
            "Valdor thanked Mirth on Monday and then it asked that Kestrel help with the harvest.",
            vec![t("VAL", "MIR", "041"), t("VAL", "KES", "092")],
        ),
        // `their` stands for the compound before it (TABARI's reading).
        (
            "Valdor, Mirth and Kestrel thanked their many generous hosts from Torvik for the long feast.",
            vec![
                t("VAL", "MIR", "041"),
                t("VAL", "KES", "041"),
                t("MIR", "VAL", "041"),
                t("MIR", "KES", "041"),
                t("KES", "VAL", "041"),
                t("KES", "MIR", "041"),
            ],
        ),
        // A hyphen between letters separates words in text and phrases.
        ("The Sea-Kings thanked Mirth.", vec![t("SEA", "MIR", "041")]),
        // A conjunction between listed nouns joins them, not clauses.
        (
            "Valdor's sheep and goats of Mirth warned Torvik.",
            vec![t("VAL", "TOR", "160")],
        ),
        (
            "Valdor's sheep and pigs of Mirth warned Torvik.",
            vec![t("MIR", "TOR", "160")],
        ),
        // `former` turns the agent into `ELI`, after or before the actor.
        (
            "The former Valdor envoy warned Mirth.",
            vec![t("VALELI", "MIR", "160")],
        ),
        (
            "Valdor former judges warned Mirth.",
            vec![t("VALELI", "MIR", "160")],
        ),
        // A compound's phrase runs on over adjectives.
        (
            "Valdor and the grim Mirth bold Kestrel thanked Torvik.",
            vec![
                t("VAL", "TOR", "041"),
                t("MIR", "TOR", "041"),
                t("KES", "TOR", "041"),
            ],
        ),
        // Before the verb a pattern fits nearest the verb: `$` is Mirth.
        (
            "Valdor with Mirth are hosting Kestrel to greet guests from Torvik.",
            vec![t("MIR", "TOR", "043")],
        ),
        // `$` inside a synonym set item marks the source.
        (
            "Valdor granted crowns Mirth to Kestrel.",
            vec![t("MIR", "KES", "903")],
        ),
        (
            "Valdor granted shells to Kestrel.",
            vec![t("VAL", "KES", "903")],
        ),
        // A stopping time phrase counts even inside a dropped aside.
        ("Valdor thanked Mirth, next full moon, at the coast.", vec![]),
        ("Valdor thanked Mirth, in full view, at the coast.", vec![t("VAL", "MIR", "041")]),
        // A dominant code (`042!`) wins only when every verb is coded.
        (
            "Valdor thanked Mirth on the way to visit Kestrel.",
            vec![t("VAL", "MIR", "041")],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(l.coder.code(text, date, &o), set(want), "{text}");
    }
    let all = CodeOptions {
        code_by: crate::dict::coder::CodeBy::All,
        ..o.clone()
    };
    assert_eq!(
        l.coder.code(
            "Valdor thanked Mirth on the way to visit Kestrel.",
            date,
            &all
        ),
        set(vec![t("VAL", "KES", "042")])
    );
    // PETRARCH's settings: `their` is a word and `former` changes nothing.
    let p = CodeOptions::default();
    assert_eq!(
        l.coder
            .code("Valdor, Mirth and Kestrel thanked their many generous hosts from Torvik for the long feast.", date, &p),
        set(vec![
            t("VAL", "TOR", "041"),
            t("MIR", "TOR", "041"),
            t("KES", "TOR", "041")
        ])
    );
    assert_eq!(
        l.coder
            .code("The former Valdor envoy warned Mirth.", date, &p),
        set(vec![t("VALGOV", "MIR", "160")])
    );
    // COMPLEX: three verbs reach a limit of three.
    let text = "Valdor thanked Mirth and warned Kestrel and helped Torvik.";
    let complex = |n| CodeOptions {
        complex: Some((n, 9)),
        ..o.clone()
    };
    assert!(l.coder.code(text, date, &complex(3)).is_empty());
    assert!(!l.coder.code(text, date, &complex(4)).is_empty());
}

#[test]
fn forwarding_across_records() {
    use crate::dict::suite::Record;
    let l = setup_tabari("fwd");
    assert_eq!(
        crate::dict::story_key("FRWD-001-002", "^^*****NNN*SSS"),
        "001"
    );
    assert_eq!(crate::dict::story_key("S7-2", "X"), "S7");
    let rec = |id: &str, text: &str, options: Vec<String>| Record {
        id: id.into(),
        date: "950101".into(),
        text: text.into(),
        scored: true,
        options,
        ..Record::default()
    };
    let records = vec![
        rec(
            "SET-000-000",
            "Torvik thanked Kestrel.",
            vec!["FORWARD: ^^*****NNN*SSS".into()],
        ),
        rec(
            "ST-001-001",
            "Valdor's envoy thanked Mirth at dawn.",
            vec![],
        ),
        // The first actor (without agent) of the previous sentence.
        rec("ST-001-002", "Later he warned Kestrel.", vec![]),
        // A pronoun that was forwarded does not pass on: Kestrel does.
        rec("ST-001-003", "Then it warned Torvik.", vec![]),
        // Another story: nothing to forward.
        rec("ST-002-001", "Then it warned Torvik.", vec![]),
        rec(
            "ST-002-002",
            "Valdor thanked Mirth.",
            vec!["FORWARD: ^^*****NNN*SSS OFF".into()],
        ),
        rec("ST-002-003", "Then it warned Torvik.", vec![]),
    ];
    let opts = CodeOptions {
        min_words: 0,
        ..CodeOptions::tabari()
    };
    let out = crate::dict::run_records(&l.coder, &records, opts);
    let got: Vec<BTreeSet<Triple>> = out.into_iter().map(|o| o.produced).collect();
    assert_eq!(got[2], set(vec![t("VAL", "KES", "160")]));
    assert_eq!(got[3], set(vec![t("KES", "TOR", "160")]));
    assert!(got[4].is_empty(), "{:?}", got[4]);
    assert!(got[6].is_empty(), "{:?}", got[6]);
    // Without FORWARD, a lone pronoun has no antecedent.
    let (ev, first) = l.coder.code_forwarded(
        "Later he warned Kestrel.",
        None,
        &CodeOptions::default(),
        Some("VAL"),
    );
    assert_eq!(ev.len(), 1);
    assert_eq!(first.as_deref(), Some("KES"));
}

/// Writes the TABARI suite's failing records (`DYADS_TABARI_DUMP=FILE`,
/// suite in `../shared/eval/tabari`); does nothing otherwise.
#[test]
#[ignore = "a debugging aid: writes a file named by DYADS_TABARI_DUMP"]
fn dump_tabari_failures() {
    use std::fmt::Write as _;
    let Ok(out) = std::env::var("DYADS_TABARI_DUMP") else {
        return;
    };
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/tabari");
    let Ok(loaded) = crate::dict::load_tabari_project(&dir.join("Validate.project")) else {
        return;
    };
    let Ok(bytes) = std::fs::read(dir.join("Validate.text")) else {
        return;
    };
    let records = crate::dict::suite::read_tabari(&String::from_utf8_lossy(&bytes));
    let outs = crate::dict::run_records(
        &loaded.coder,
        &records,
        crate::dict::tabari_options(&loaded),
    );
    let mut s = String::new();
    if let Ok(id) = std::env::var("DYADS_TABARI_ID") {
        let mut opts = crate::dict::tabari_options(&loaded);
        for r in &records {
            if r.id == id {
                let date = dyads_lexicon::Date::parse_compact(&r.date);
                let toks = crate::dict::tokens::tokenize(&r.text);
                let ante = std::env::var("DYADS_ANTE").ok();
                let ms = loaded.coder.mentions(&toks, date, &opts, ante.as_deref());
                let _ = writeln!(s, "mentions {ms:?}");
                let vs = loaded.coder.verbs(&toks, &ms);
                for v in vs {
                    let e = &loaded.coder.verbs.entries[v.entry];
                    let _ = writeln!(
                        s,
                        "verb {:?} {:?} line {} code {}",
                        v, &toks[v.start].text, e.line, e.code
                    );
                }
                let (evs, _) = loaded
                    .coder
                    .code_forwarded(&r.text, date, &opts, ante.as_deref());
                for e in evs {
                    let _ = writeln!(s, "{e:?}");
                }
            }
            for o in &r.options {
                crate::dict::apply_option(&mut opts, o);
            }
        }
    }
    for o in outs.iter().filter(|o| o.expected != o.produced) {
        let _ = writeln!(
            s,
            "{} (line {})\n  {}\n  gold: {:?}\n  ours: {:?}\n",
            o.id, o.line, o.text, o.expected, o.produced
        );
    }
    let _ = std::fs::write(out, s);
}

/// Writes the PETRARCH2 unit tests' failing records
/// (`DYADS_PETRARCH_DUMP=FILE`, suite in `../shared/eval/petrarch2`).
#[test]
#[ignore = "a debugging aid: writes a file named by DYADS_PETRARCH_DUMP"]
fn dump_petrarch_failures() {
    use std::collections::BTreeMap;
    use std::fmt::Write as _;
    let Ok(out) = std::env::var("DYADS_PETRARCH_DUMP") else {
        return;
    };
    let base = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/petrarch2");
    let Ok(loaded) = crate::dict::load_dir(&base.join("validation_dicts")) else {
        return;
    };
    let Ok(bytes) = std::fs::read(base.join("validation/PETR.UnitTest.records.xml")) else {
        return;
    };
    let mut by_id = BTreeMap::new();
    for r in crate::dict::suite::read_petrarch(&String::from_utf8_lossy(&bytes)) {
        by_id.insert(r.id.clone(), r);
    }
    let records: Vec<_> = by_id.into_values().filter(|r| r.scored).collect();
    let outs = crate::dict::run_records(&loaded.coder, &records, CodeOptions::default());
    let mut s = String::new();
    for o in outs.iter().filter(|o| o.expected != o.produced) {
        let _ = writeln!(
            s,
            "{} (line {})\n  {}\n  gold: {:?}\n  ours: {:?}\n",
            o.id, o.line, o.text, o.expected, o.produced
        );
    }
    let _ = std::fs::write(out, s);
}
