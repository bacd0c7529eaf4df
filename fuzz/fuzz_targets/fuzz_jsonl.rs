//! Fuzzes the jsonl reader: reading must never panic, and neither must
//! cleaning any article it returns.
#![no_main]

use dyads_text::{clean, read_input, Format, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for article in read_input("fuzz", data, Some(Format::Jsonl), &Limits::default())
        .into_iter()
        .flatten()
    {
        let _ = clean(&article);
    }
});
