//! Tags a text given on the command line or stdin and prints JSON lines.
//!
//! `cargo run -p dyads-time --example tag -- 2024-01-17 "They met on Tuesday."`

use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dct: dyads_time::Date = args.next().unwrap_or_default().parse()?;
    let text = match args.next() {
        Some(t) => t,
        None => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s)?;
            s
        }
    };
    let stdout = std::io::stdout();
    dyads_time::write_json_lines(&text, dct, &mut stdout.lock())?;
    Ok(())
}
