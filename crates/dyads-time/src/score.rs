//! TempEval-3 task A scoring: run the tagger on the plain text of TimeML
//! files with their creation time and compare with the gold TIMEX3s.
//!
//! - Strict span match: same start and end. Relaxed match: any overlap;
//!   gold and system expressions are paired one to one, each gold with the
//!   unpaired system expression overlapping it most.
//! - Value and type accuracy: the share of relaxed pairs whose value (exact
//!   string) or type agree.
//! - Value F1 (TempEval-3's attribute F1): precision and recall counting
//!   only relaxed pairs with the right value, which is relaxed F1 × value
//!   accuracy.
//!
//! Only the TIMEX3s inside `<TEXT>` count; the creation time itself (in
//! `<DCT>`) is given to the tagger, not scored.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};
use crate::timeml::{read_timeml, TimemlDoc};
use crate::{tag, Timex};

/// Counts for a document or a set of documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold expressions.
    pub gold: usize,
    /// System expressions.
    pub system: usize,
    /// Pairs with the same span.
    pub strict: usize,
    /// Pairs with overlapping spans.
    pub relaxed: usize,
    /// Relaxed pairs with the same value.
    pub value: usize,
    /// Relaxed pairs with the same type.
    pub kind: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.value += o.value;
        self.kind += o.kind;
    }

    /// Strict span (precision, recall, F1).
    pub fn strict_prf(&self) -> (f64, f64, f64) {
        let (p, r) = (
            ratio(self.strict, self.system),
            ratio(self.strict, self.gold),
        );
        (p, r, f1(p, r))
    }

    /// Relaxed span (precision, recall, F1).
    pub fn relaxed_prf(&self) -> (f64, f64, f64) {
        let (p, r) = (
            ratio(self.relaxed, self.system),
            ratio(self.relaxed, self.gold),
        );
        (p, r, f1(p, r))
    }

    /// Value accuracy on relaxed pairs.
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.value, self.relaxed)
    }

    /// Type accuracy on relaxed pairs.
    pub fn type_accuracy(&self) -> f64 {
        ratio(self.kind, self.relaxed)
    }

    /// Value (precision, recall, F1): TempEval-3's value figure.
    pub fn value_prf(&self) -> (f64, f64, f64) {
        let (p, r) = (ratio(self.value, self.system), ratio(self.value, self.gold));
        (p, r, f1(p, r))
    }
}

/// The result for one document, with its errors for inspection.
#[derive(Clone, Debug)]
pub struct DocReport {
    /// The file.
    pub path: PathBuf,
    /// The first directory under the evaluated one (`TimeBank`, `AQUAINT`).
    pub group: String,
    /// Its counts.
    pub counts: Counts,
    /// One line per miss, spurious expression, wrong value or type.
    pub errors: Vec<String>,
}

/// The result of an evaluation.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// One entry per document scored.
    pub docs: Vec<DocReport>,
    /// Files that could not be read, with the reason.
    pub failed: Vec<String>,
}

/// Scores the tagger on one document.
pub fn score_doc(doc: &TimemlDoc, group: &str) -> DocReport {
    let sys = tag(&doc.text, doc.dct);
    let mut counts = Counts {
        gold: doc.timexes.len(),
        system: sys.len(),
        ..Counts::default()
    };
    let mut errors = Vec::new();
    let mut used = vec![false; sys.len()];
    let show = |s: dyads_text::Span| s.slice(&doc.text).replace('\n', " ");
    for g in &doc.timexes {
        let best = sys
            .iter()
            .enumerate()
            .filter(|(i, s)| !used.get(*i).copied().unwrap_or(true) && overlap(g.span, s.span) > 0)
            .max_by_key(|(_, s)| overlap(g.span, s.span));
        let Some((i, s)) = best else {
            errors.push(format!(
                "MISS\t{:?}\tgold={}\t{}",
                show(g.span),
                g.value,
                context(&doc.text, g.span)
            ));
            continue;
        };
        if let Some(u) = used.get_mut(i) {
            *u = true;
        }
        counts.relaxed += 1;
        if s.span == g.span {
            counts.strict += 1;
        }
        if s.value == g.value.trim() {
            counts.value += 1;
        } else {
            errors.push(format!(
                "VALUE\t{:?}\tsys={:?}\tgold={}\tsys={}\tdct={}\t{}",
                show(g.span),
                show(s.span),
                g.value,
                s.value,
                doc.dct,
                context(&doc.text, g.span)
            ));
        }
        if Some(s.kind) == g.kind {
            counts.kind += 1;
        } else {
            errors.push(format!(
                "TYPE\t{:?}\tgold={:?}\tsys={}",
                show(g.span),
                g.kind,
                s.kind.as_str()
            ));
        }
    }
    for (s, u) in sys.iter().zip(&used) {
        if !u {
            errors.push(format!(
                "SPURIOUS\t{:?}\tsys={}\t{}",
                show(s.span),
                describe(s),
                context(&doc.text, s.span)
            ));
        }
    }
    DocReport {
        path: doc.path.clone(),
        group: group.to_string(),
        counts,
        errors,
    }
}

/// Up to 80 bytes either side of `span`, on one line.
fn context(text: &str, span: dyads_text::Span) -> String {
    let mut a = (span.start as usize).saturating_sub(80);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (span.end as usize + 80).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    let pre = text.get(a..span.start as usize).unwrap_or("");
    let mid = span.slice(text);
    let post = text.get(span.end as usize..b).unwrap_or("");
    format!("{pre}[{mid}]{post}").replace(['\n', '\t'], " ")
}

fn describe(t: &Timex) -> String {
    format!("{} {}", t.kind.as_str(), t.value)
}

fn overlap(a: dyads_text::Span, b: dyads_text::Span) -> u32 {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::new(dir, None, ErrorKind::Io(e)))?;
    for entry in entries {
        let path = entry
            .map_err(|e| Error::new(dir, None, ErrorKind::Io(e)))?
            .path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "tml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Scores the tagger on every `.tml` file under `dir` (recursively). A file
/// that cannot be read is listed in [`Report::failed`]; the others are
/// scored.
pub fn eval_timeml(dir: &Path) -> Result<Report> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.sort();
    if files.is_empty() {
        return Err(Error::new(dir, None, ErrorKind::Empty));
    }
    let mut report = Report::default();
    for file in files {
        let group = file
            .strip_prefix(dir)
            .ok()
            .and_then(|rel| {
                let mut parts = rel.components();
                let first = parts.next()?;
                parts
                    .next()
                    .map(|_| first.as_os_str().to_string_lossy().into_owned())
            })
            .unwrap_or_else(|| ".".to_string());
        match read_timeml(&file) {
            Ok(doc) => report.docs.push(score_doc(&doc, &group)),
            Err(e) => report.failed.push(e.to_string()),
        }
    }
    Ok(report)
}

impl Report {
    /// Counts over all documents.
    pub fn total(&self) -> Counts {
        let mut c = Counts::default();
        for d in &self.docs {
            c.add(&d.counts);
        }
        c
    }

    /// Counts per group, in name order.
    pub fn by_group(&self) -> Vec<(String, Counts)> {
        let mut groups: Vec<(String, Counts)> = Vec::new();
        for d in &self.docs {
            match groups.iter_mut().find(|(g, _)| *g == d.group) {
                Some((_, c)) => c.add(&d.counts),
                None => groups.push((d.group.clone(), d.counts)),
            }
        }
        groups.sort_by(|a, b| a.0.cmp(&b.0));
        groups
    }

    /// Splits the documents into a tuning part and a held-out part: in each
    /// group (in file-name order) every fifth document (the 5th, 10th, ...)
    /// is held out. The rules were written looking only at the tuning part's
    /// errors, so the held-out part estimates how they do on unseen text.
    pub fn split_held_out(&self) -> (Report, Report) {
        let mut tuning = Report::default();
        let mut held = Report::default();
        let mut seen: Vec<(&str, usize)> = Vec::new();
        for d in &self.docs {
            let k = match seen.iter_mut().find(|(g, _)| *g == d.group) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    seen.push((&d.group, 1));
                    1
                }
            };
            if k % 5 == 0 {
                held.docs.push(d.clone());
            } else {
                tuning.docs.push(d.clone());
            }
        }
        (tuning, held)
    }

    /// Writes every document's errors, one line each, under a header per
    /// document.
    pub fn write_errors(&self, w: &mut dyn Write) -> io::Result<()> {
        for d in &self.docs {
            if d.errors.is_empty() {
                continue;
            }
            writeln!(w, "== {}", d.path.display())?;
            for e in &d.errors {
                writeln!(w, "{e}")?;
            }
        }
        for f in &self.failed {
            writeln!(w, "FAILED\t{f}")?;
        }
        Ok(())
    }
}

fn row(f: &mut fmt::Formatter<'_>, name: &str, docs: usize, c: &Counts) -> fmt::Result {
    let (sp, sr, sf) = c.strict_prf();
    let (rp, rr, rf) = c.relaxed_prf();
    let (_, _, vf) = c.value_prf();
    writeln!(
        f,
        "{name:<10} {docs:>5} {:>5} {:>5}  {sp:.3} {sr:.3} {sf:.3}  {rp:.3} {rr:.3} {rf:.3}  {:.3} {vf:.3}  {:.3}",
        c.gold,
        c.system,
        c.value_accuracy(),
        c.type_accuracy()
    )
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<10} {:>5} {:>5} {:>5}  {:<17}  {:<17}  {:<11}  type",
            "corpus", "docs", "gold", "sys", "strict P/R/F1", "relaxed P/R/F1", "value acc/F1"
        )?;
        for (g, c) in self.by_group() {
            let n = self.docs.iter().filter(|d| d.group == g).count();
            row(f, &g, n, &c)?;
        }
        row(f, "all", self.docs.len(), &self.total())?;
        if self.docs.len() >= 5 {
            let (tuning, held) = self.split_held_out();
            row(f, "tuning", tuning.docs.len(), &tuning.total())?;
            row(f, "held-out", held.docs.len(), &held.total())?;
        }
        if !self.failed.is_empty() {
            writeln!(f, "{} files could not be read", self.failed.len())?;
        }
        Ok(())
    }
}
