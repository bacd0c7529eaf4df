//! The table helpers shared by the normaliser's test files.

use dyads_time::{tag, Date, Timex};

pub fn run(dct: &str, text: &str) -> Vec<(String, String, String)> {
    let dct: Date = match dct.parse() {
        Ok(d) => d,
        Err(e) => panic!("bad dct in table: {e}"),
    };
    tag(text, dct)
        .iter()
        .map(|t: &Timex| {
            (
                t.text(text).to_string(),
                t.kind.as_str().to_string(),
                t.value.clone(),
            )
        })
        .collect()
}

/// An expected expression: (text, type, value).
pub type Expr<'a> = (&'a str, &'a str, &'a str);

/// A row: (DCT, text, every expression expected in it).
pub type Row<'a> = (&'a str, &'a str, &'a [Expr<'a>]);

pub fn check(rows: &[Row<'_>]) {
    for (dct, text, want) in rows {
        let got = run(dct, text);
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        assert_eq!(got, want, "dct {dct}: {text}");
    }
}
