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
    match load(&verbs, &lex, true) {
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
