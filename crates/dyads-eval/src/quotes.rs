//! Quote attribution against PolNeAR (political news attribution relations:
//! source, cue, content; brat standoff files, character offsets).
//!
//! [`score_polnear`] reads the dev split under
//! `shared/eval/polnear/data/dev/`, runs the built-in pipeline (segmenter,
//! parser, actors, [`dyads_coder::quotes::find`]) on each article's text as
//! it stands (one paragraph per blank-line-separated block), and compares
//! the quotes with the gold attributions. Where several annotators did an
//! article, the first annotation file in name order is the gold.
//!
//! Definitions (every span compared as a set of bytes of the text; gold
//! discontinuous spans are the union of their fragments):
//!
//! - **predicted attribution**: a quote, or the quotes sharing one cue
//!   (`"A," said X. "B."`: PolNeAR makes that one discontinuous content).
//! - **overlap match**: a predicted attribution and a gold attribution whose
//!   content spans share at least one non-space byte; pairs are matched
//!   one to one, greedily by largest shared size. Overlap P = matched
//!   predictions / predictions, R = matched golds / gold attributions.
//! - **exact match**: content spans (from the first fragment's start to the
//!   last one's end) equal once whitespace and punctuation (quotation marks
//!   included) are trimmed from both ends.
//! - **cue accuracy**: among overlap-matched pairs, the share whose cue
//!   spans overlap (a prediction without a cue is wrong).
//! - **source accuracy**: among overlap-matched pairs whose gold has a
//!   source, the share whose speaker span overlaps the gold source.

use std::fmt;
use std::path::Path;

use dyads_coder::quotes::{self, Quote};
use dyads_lexicon::Lexicon;
use dyads_syntax::Pipeline;
use dyads_text::{Document, Metadata, Span};

use crate::{Error, Result};

/// One gold attribution: byte spans (fragments) of its parts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldAttribution {
    /// The source's fragments (empty when the attribution has none).
    pub source: Vec<Span>,
    /// The cue's fragments.
    pub cue: Vec<Span>,
    /// The content's fragments.
    pub content: Vec<Span>,
}

/// The figures of one run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuoteReport {
    /// Articles scored.
    pub documents: usize,
    /// Gold attributions with a content.
    pub gold: usize,
    /// Predicted quotes.
    pub predicted: usize,
    /// One-to-one overlap matches.
    pub overlap_matched: usize,
    /// Exact content matches (trimmed).
    pub exact_matched: usize,
    /// Matched pairs whose cues overlap.
    pub cue_correct: usize,
    /// Matched pairs whose gold has a source.
    pub with_source: usize,
    /// Of those, pairs whose speaker overlaps the gold source.
    pub source_correct: usize,
}

fn prf(matched: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = if predicted == 0 {
        0.0
    } else {
        matched as f64 / predicted as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        matched as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

impl QuoteReport {
    /// Overlap precision, recall and F1 of content spans.
    pub fn overlap(&self) -> (f64, f64, f64) {
        prf(self.overlap_matched, self.predicted, self.gold)
    }

    /// Exact precision, recall and F1 of content spans.
    pub fn exact(&self) -> (f64, f64, f64) {
        prf(self.exact_matched, self.predicted, self.gold)
    }

    /// Cue accuracy on overlap-matched pairs.
    pub fn cue_accuracy(&self) -> f64 {
        ratio(self.cue_correct, self.overlap_matched)
    }

    /// Source accuracy on overlap-matched pairs with a gold source.
    pub fn source_accuracy(&self) -> f64 {
        ratio(self.source_correct, self.with_source)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl fmt::Display for QuoteReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (op, or, of) = self.overlap();
        let (ep, er, ef) = self.exact();
        writeln!(
            f,
            "PolNeAR dev quotes: {} documents, {} gold attributions, {} predicted",
            self.documents, self.gold, self.predicted
        )?;
        writeln!(f, "  content overlap  P {op:.3}  R {or:.3}  F1 {of:.3}")?;
        writeln!(f, "  content exact    P {ep:.3}  R {er:.3}  F1 {ef:.3}")?;
        writeln!(
            f,
            "  cue accuracy {:.3} ({}/{})  source accuracy {:.3} ({}/{})",
            self.cue_accuracy(),
            self.cue_correct,
            self.overlap_matched,
            self.source_accuracy(),
            self.source_correct,
            self.with_source
        )
    }
}

/// Reads a brat standoff file of PolNeAR attributions over `text`
/// (character offsets, converted to byte offsets).
pub fn read_attributions(path: &Path, ann: &str, text: &str) -> Result<Vec<GoldAttribution>> {
    // Byte offset of every char offset (one past the end included).
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut spans: std::collections::HashMap<&str, Vec<Span>> = Default::default();
    let mut relations = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let bad = |m: &str| Error::format(path, format!("line {}: {m}", n + 1));
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or("");
        let body = cols.next().unwrap_or("");
        if id.starts_with('T') {
            let (_, offsets) = body.split_once(' ').ok_or_else(|| bad("no offsets"))?;
            let mut frags = Vec::new();
            for frag in offsets.split(';') {
                let mut it = frag.split_whitespace().map(str::parse::<usize>);
                let (Some(Ok(s)), Some(Ok(e))) = (it.next(), it.next()) else {
                    return Err(bad("bad offsets"));
                };
                match (bytes.get(s), bytes.get(e)) {
                    (Some(&s), Some(&e)) if s <= e => frags.push(Span::new(s, e)),
                    _ => return Err(bad("offsets outside the text")),
                }
            }
            spans.insert(id, frags);
        } else if id.starts_with('E') {
            relations.push(body);
        }
    }
    let mut out = Vec::new();
    for rel in relations {
        let mut g = GoldAttribution::default();
        for arg in rel.split_whitespace() {
            let Some((role, t)) = arg.split_once(':') else {
                continue;
            };
            let frags = spans.get(t).cloned().unwrap_or_default();
            match role {
                "Source" => g.source = frags,
                "Cue" => g.cue = frags,
                "Content" => g.content = frags,
                _ => {}
            }
        }
        if !g.content.is_empty() {
            out.push(g);
        }
    }
    Ok(out)
}

/// A document over `text` as it stands: blank lines separate paragraphs.
pub fn plain_document(text: &str) -> Document {
    let mut paragraphs = Vec::new();
    let mut start = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some(pos),
            (true, Some(s)) => {
                paragraphs.push(Span::new(s, pos));
                start = None;
            }
            _ => {}
        }
        pos += line.len();
    }
    if let Some(s) = start {
        paragraphs.push(Span::new(s, text.len()));
    }
    let (sentences, tokens) = dyads_text::segment::segment(text, &paragraphs);
    Document {
        text: text.to_string(),
        meta: Metadata::default(),
        alignment: Default::default(),
        sentences,
        tokens,
        paragraphs,
        content_hash: String::new(),
    }
}

/// Bytes shared by `a` and the fragments `b`, counting non-space bytes of `text`.
fn shared(text: &str, a: Span, b: &[Span]) -> usize {
    b.iter()
        .map(|f| {
            let s = a.start.max(f.start);
            let e = a.end.min(f.end);
            if s >= e {
                0
            } else {
                text.get(s as usize..e as usize)
                    .map_or(0, |t| t.chars().filter(|c| !c.is_whitespace()).count())
            }
        })
        .sum()
}

fn trimmed(text: &str, s: Span) -> &str {
    s.slice(text).trim_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_punctuation() || "“”‘’«»—–".contains(c)
    })
}

/// One predicted attribution: the quotes sharing a cue (`"A," said X. "B."`
/// gives two quotes with one cue, as PolNeAR gives one discontinuous content).
struct Unit<'q> {
    content: Vec<Span>,
    first: &'q Quote,
}

fn units(predicted: &[Quote]) -> Vec<Unit<'_>> {
    let mut out: Vec<Unit<'_>> = Vec::new();
    for q in predicted {
        let cue = q.cue.as_ref().map(|c| c.span);
        let same = out
            .iter_mut()
            .find(|u| cue.is_some() && u.first.cue.as_ref().map(|c| c.span) == cue);
        match same {
            Some(u) => u.content.push(q.content),
            None => out.push(Unit {
                content: vec![q.content],
                first: q,
            }),
        }
    }
    out
}

fn exact(text: &str, content: &[Span], g: &GoldAttribution) -> bool {
    let hull = |v: &[Span]| match (v.first(), v.last()) {
        (Some(a), Some(b)) => Some(Span {
            start: a.start,
            end: b.end,
        }),
        _ => None,
    };
    match (hull(content), hull(&g.content)) {
        (Some(p), Some(g)) => trimmed(text, p) == trimmed(text, g),
        _ => false,
    }
}

/// Scores `predicted` quotes of one document against its `gold` into
/// `report`. Quotes with the same cue count as one predicted attribution
/// whose content is the union of theirs.
pub fn score_document(
    text: &str,
    predicted: &[Quote],
    gold: &[GoldAttribution],
    report: &mut QuoteReport,
) {
    let units = units(predicted);
    report.gold += gold.len();
    report.predicted += units.len();
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        for (j, g) in gold.iter().enumerate() {
            let n: usize = u.content.iter().map(|c| shared(text, *c, &g.content)).sum();
            if n > 0 {
                pairs.push((n, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut used_p = vec![false; units.len()];
    let mut used_g = vec![false; gold.len()];
    for (_, i, j) in pairs {
        if used_p[i] || used_g[j] {
            continue;
        }
        used_p[i] = true;
        used_g[j] = true;
        let (u, g) = (&units[i], &gold[j]);
        let q = u.first;
        report.overlap_matched += 1;
        if exact(text, &u.content, g) {
            report.exact_matched += 1;
        }
        if q.cue
            .as_ref()
            .is_some_and(|c| shared(text, c.span, &g.cue) > 0)
        {
            report.cue_correct += 1;
        }
        if !g.source.is_empty() {
            report.with_source += 1;
            if q.speaker.is_some_and(|s| shared(text, s, &g.source) > 0) {
                report.source_correct += 1;
            }
        }
    }
}

/// Scores the built-in quote finder on PolNeAR dev under `shared` (the
/// `../shared` directory), on at most `limit` articles in name order.
pub fn score_polnear_limit(shared: &Path, limit: usize) -> Result<QuoteReport> {
    let dev = shared.join("eval/polnear/data/dev");
    let ann_dir = dev.join("attributions");
    let mut anns: Vec<_> = std::fs::read_dir(&ann_dir)
        .map_err(|e| Error::io(&ann_dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let pipeline = Pipeline::load().map_err(|e| Error::format(&dev, e.to_string()))?;
    let lexicon = Lexicon::builtin().map_err(|e| Error::format(&dev, e.to_string()))?;
    let mut report = QuoteReport::default();
    let mut seen = std::collections::HashSet::new();
    for ann_path in anns {
        let Some(stem) = ann_path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        // `<article>_<annotator>.ann`: the first annotator's file is the gold.
        let article = stem.rsplit_once('_').map_or(stem, |(a, _)| a).to_string();
        if report.documents >= limit || !seen.insert(article.clone()) {
            continue;
        }
        let text_path = dev.join("text").join(format!("{article}.txt"));
        let text = std::fs::read_to_string(&text_path).map_err(|e| Error::io(&text_path, e))?;
        let ann = std::fs::read_to_string(&ann_path).map_err(|e| Error::io(&ann_path, e))?;
        let gold = read_attributions(&ann_path, &ann, &text)?;
        let doc = plain_document(&text);
        let parsed = pipeline.annotate(&doc);
        let actors = dyads_coder::actors::resolve(&doc, &parsed, lexicon, None);
        let predicted = quotes::find(&doc, &parsed, &actors);
        score_document(&text, &predicted, &gold, &mut report);
        report.documents += 1;
    }
    Ok(report)
}

/// Scores the built-in quote finder on all of PolNeAR dev (see the module
/// docs for the definitions).
pub fn score_polnear(shared: &Path) -> Result<QuoteReport> {
    score_polnear_limit(shared, usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyads_coder::quotes::{Cue, QuoteKind};

    const TEXT: &str =
        "The mayor said the bridge would reopen. \u{201c}It is safe,\u{201d} she added.";
    // Character offsets (the curly marks are one character, three bytes).
    const ANN: &str = "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\n\
        T3\tContent 15 38\tthe bridge would reopen\n\
        E1\tAttribution:T1 Cue:T2 Content:T3 Source:T1\n\
        T4\tSource 54 57\tshe\nT5\tCue 58 63\tadded\nT6\tContent 40 53\tx\n\
        E2\tCue:T5 Content:T6 Source:T4\n";

    fn quote(content: &str, cue: &str, speaker: &str) -> Quote {
        let find = |s: &str| {
            let at = TEXT.find(s).unwrap_or(0);
            Span::new(at, at + s.len())
        };
        Quote {
            speaker: Some(find(speaker)),
            speaker_actor: None,
            cue: Some(Cue {
                span: find(cue),
                lemma: cue.to_string(),
            }),
            content: find(content),
            kind: QuoteKind::Reported,
            sentence: 0,
        }
    }

    #[test]
    fn reads_brat_offsets_as_bytes_and_scores() -> Result<()> {
        let gold = read_attributions(Path::new("t.ann"), ANN, TEXT)?;
        assert_eq!(gold.len(), 2);
        assert_eq!(
            gold[1].content[0].slice(TEXT),
            "\u{201c}It is safe,\u{201d}"
        );
        assert_eq!(gold[1].cue[0].slice(TEXT), "added");
        let predicted = [
            quote("the bridge would reopen", "said", "The mayor"),
            quote("It is safe", "added", "mayor said"),
            quote("reopen", "The", "the bridge"),
        ];
        let mut r = QuoteReport::default();
        score_document(TEXT, &predicted, &gold, &mut r);
        assert_eq!(
            (r.gold, r.predicted, r.overlap_matched, r.exact_matched),
            (2, 3, 2, 2)
        );
        assert_eq!((r.cue_correct, r.with_source, r.source_correct), (2, 2, 1));
        let (p, rec, _) = r.overlap();
        assert!((p - 2.0 / 3.0).abs() < 1e-9 && (rec - 1.0).abs() < 1e-9);
        let bad = read_attributions(Path::new("t.ann"), "T1\tCue 5 500\tx\n", TEXT);
        assert!(bad.is_err());
        Ok(())
    }
}
