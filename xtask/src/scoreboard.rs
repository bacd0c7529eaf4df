//! `cargo xtask scoreboard`: every figure measurable against ../shared.

use std::path::Path;

use anyhow::Result;

/// Prints the scoreboard, or a skip line when `shared` is absent.
pub fn run(shared: &Path) -> Result<()> {
    if !shared.join("gold").is_dir() {
        println!("scoreboard: {} not found, skipped", shared.display());
        return Ok(());
    }
    println!("== dyads scoreboard ({})", shared.display());
    match dyads_eval::seeds::score(shared) {
        Ok(r) => print!("{r}"),
        Err(e) => println!("seed metadata: error: {e}"),
    }
    crate::train::eval_syntax(&shared.join("ud"), None)?;
    let temporal = shared.join("eval/temporal");
    if temporal.is_dir() {
        println!("== TimeBank + AQUAINT (TempEval-3 task A)");
        match dyads_time::eval_timeml(&temporal) {
            Ok(r) => print!("{r}"),
            Err(e) => println!("timeml: error: {e}"),
        }
    }
    Ok(())
}
