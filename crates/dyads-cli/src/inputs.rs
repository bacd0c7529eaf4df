//! Expanding command-line paths into input files.

use std::path::{Path, PathBuf};

/// One input to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Input {
    /// The name used in messages and stored as the source path.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

/// File name endings read when walking a directory. Files named on the
/// command line (or matched by a glob) are read whatever their name.
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    ".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json", ".rss", ".atom",
    ".xml", ".warc", ".warc.gz",
];

/// Whether a file found in a directory walk looks like an article file.
fn is_article_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    ARTICLE_EXTENSIONS.iter().any(|e| name.ends_with(e))
}

/// Expands paths: `-` is stdin, directories are walked recursively (sorted,
/// hidden entries and files without an article extension skipped), patterns
/// with `*`, `?` or `[` are globbed. Paths that match nothing are returned as
/// errors.
pub fn expand(paths: &[String]) -> (Vec<Input>, Vec<String>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let path = Path::new(p);
        if path.exists() {
            walk(path, &mut out, &mut errors);
            continue;
        }
        if p.contains(['*', '?', '[']) {
            match glob::glob(p) {
                Ok(entries) => {
                    let before = out.len();
                    for e in entries {
                        match e {
                            Ok(path) => walk(&path, &mut out, &mut errors),
                            Err(e) => errors.push(format!("{p}: {e}")),
                        }
                    }
                    if out.len() == before {
                        errors.push(format!("{p}: pattern matches no file"));
                    }
                }
                Err(e) => errors.push(format!("{p}: bad pattern: {e}")),
            }
            continue;
        }
        errors.push(format!("{p}: no such file or directory"));
    }
    (out, errors)
}

fn walk(path: &Path, out: &mut Vec<Input>, errors: &mut Vec<String>) {
    if path.is_dir() {
        let entries = match std::fs::read_dir(path) {
            Ok(e) => e,
            Err(e) => {
                errors.push(format!("{}: {e}", path.display()));
                return;
            }
        };
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        for c in children {
            let hidden = c
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if !hidden && (c.is_dir() || is_article_file(&c)) {
                walk(&c, out, errors);
            }
        }
    } else {
        out.push(Input::File(path.to_path_buf()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_dirs_globs_and_reports_missing() -> std::io::Result<()> {
        let dir = std::env::temp_dir().join(format!("dyads-inputs-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub"))?;
        std::fs::write(dir.join("b.txt"), "x")?;
        std::fs::write(dir.join("sub/a.html"), "x")?;
        std::fs::write(dir.join(".hidden"), "x")?;
        std::fs::write(dir.join("notes.md"), "x")?;
        std::fs::write(dir.join("sub/c.warc.gz"), "x")?;
        let d = dir.display().to_string();
        let (inputs, errors) = expand(&[
            d.clone(),
            format!("{d}/*.txt"),
            "-".into(),
            format!("{d}/nope"),
        ]);
        let names: Vec<String> = inputs.iter().map(Input::name).collect();
        assert_eq!(
            names,
            vec![
                format!("{d}/b.txt"),
                format!("{d}/sub/a.html"),
                format!("{d}/sub/c.warc.gz"),
                format!("{d}/b.txt"),
                "-".to_string()
            ]
        );
        assert_eq!(errors.len(), 1);
        assert!(errors[0].contains("nope"));
        std::fs::remove_dir_all(&dir)?;
        Ok(())
    }
}
