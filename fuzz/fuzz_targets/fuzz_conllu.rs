//! Fuzz the CoNLL-U reader: any bytes must give sentences or a typed error,
//! never a panic; what it accepts must survive a write/read round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(sentences) = dyads_syntax::conllu::read_conllu(&text, "fuzz") {
        let written = dyads_syntax::conllu::write_conllu(&sentences);
        let again = dyads_syntax::conllu::read_conllu(&written, "fuzz-again");
        assert!(again.is_ok(), "round trip failed: {written:?}");
    }
});
