//! CoNLL-U scorer: UPOS, XPOS, UFeats, lemma, UAS and LAS of a prediction
//! made on the gold words (gold tokenisation), as in the CoNLL 2018 shared
//! task: every word counts, punctuation included; `LAS` compares the
//! universal part of the relation (`nsubj:pass` counts as `nsubj`) and
//! `LAS-full` the whole label.

use std::fmt;
use std::path::Path;

use dyads_syntax::conllu::{read_conllu_file, Sentence};

use crate::{Error, Result};

/// Counts of correct words; `words` is the total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ConlluScores {
    /// Words scored.
    pub words: usize,
    /// Correct UPOS.
    pub upos: usize,
    /// Correct XPOS.
    pub xpos: usize,
    /// Correct features (the whole `FEATS` string).
    pub ufeats: usize,
    /// Correct lemma.
    pub lemma: usize,
    /// Correct head.
    pub uas: usize,
    /// Correct head and universal relation.
    pub las: usize,
    /// Correct head and full relation (with subtype).
    pub las_full: usize,
}

impl ConlluScores {
    /// `count` as a percentage of the words.
    pub fn pct(&self, count: usize) -> f64 {
        100.0 * count as f64 / self.words.max(1) as f64
    }

    /// Adds another set of counts.
    pub fn add(&mut self, o: &ConlluScores) {
        self.words += o.words;
        self.upos += o.upos;
        self.xpos += o.xpos;
        self.ufeats += o.ufeats;
        self.lemma += o.lemma;
        self.uas += o.uas;
        self.las += o.las;
        self.las_full += o.las_full;
    }
}

impl fmt::Display for ConlluScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "words     {}", self.words)?;
        for (name, c) in [
            ("UPOS", self.upos),
            ("XPOS", self.xpos),
            ("UFeats", self.ufeats),
            ("Lemmas", self.lemma),
            ("UAS", self.uas),
            ("LAS", self.las),
            ("LAS-full", self.las_full),
        ] {
            writeln!(f, "{name:<9} {:.2}", self.pct(c))?;
        }
        Ok(())
    }
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Scores `pred` against `gold`; both must have the same sentences and words.
pub fn score(gold: &[Sentence], pred: &[Sentence]) -> Result<ConlluScores> {
    if gold.len() != pred.len() {
        return Err(Error::format(
            Path::new("(prediction)"),
            format!("{} gold sentences but {} predicted", gold.len(), pred.len()),
        ));
    }
    let mut s = ConlluScores::default();
    for (k, (g, p)) in gold.iter().zip(pred).enumerate() {
        if g.words.len() != p.words.len() {
            return Err(Error::format(
                Path::new("(prediction)"),
                format!(
                    "sentence {} ({}): {} gold words but {} predicted",
                    k + 1,
                    g.sent_id().unwrap_or("no id"),
                    g.words.len(),
                    p.words.len()
                ),
            ));
        }
        for (gw, pw) in g.words.iter().zip(&p.words) {
            s.words += 1;
            s.upos += (gw.upos == pw.upos) as usize;
            s.xpos += (gw.xpos == pw.xpos) as usize;
            s.ufeats += (gw.feats == pw.feats) as usize;
            s.lemma += (gw.lemma == pw.lemma) as usize;
            if gw.head == pw.head {
                s.uas += 1;
                s.las += (universal(&gw.deprel) == universal(&pw.deprel)) as usize;
                s.las_full += (gw.deprel == pw.deprel) as usize;
            }
        }
    }
    Ok(s)
}

/// Reads two CoNLL-U files and scores the second against the first.
pub fn score_files(gold: &Path, pred: &Path) -> Result<ConlluScores> {
    let read = |p: &Path| read_conllu_file(p).map_err(|e| Error::format(p, e.to_string()));
    score(&read(gold)?, &read(pred)?)
}

/// The sentences of the documents whose `# newdoc id` satisfies `keep`
/// (e.g. GUM's news documents: ids starting `GUM_news_`).
pub fn documents(sentences: &[Sentence], keep: impl Fn(&str) -> bool) -> Vec<Sentence> {
    let mut on = false;
    let mut out = Vec::new();
    for s in sentences {
        if let Some(id) = s.newdoc_id() {
            on = keep(id);
        }
        if on {
            out.push(s.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyads_syntax::conllu::read_conllu;

    const GOLD: &str = "# newdoc id = GUM_news_a\n1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj:pass\t_\t_\n2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n\n# newdoc id = GUM_bio_b\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n";
    const PRED: &str = "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tmet\tmet\tVERB\tVBN\t_\t0\troot\t_\t_\n\n1\tHi\thi\tNOUN\tUH\t_\t0\troot\t_\t_\n\n";

    #[test]
    fn counts_each_column() {
        let g = read_conllu(GOLD, "g").unwrap_or_default();
        let p = read_conllu(PRED, "p").unwrap_or_default();
        let s = score(&g, &p).unwrap_or_default();
        assert_eq!(s.words, 3);
        assert_eq!((s.upos, s.xpos, s.lemma), (2, 2, 2));
        assert_eq!((s.uas, s.las, s.las_full), (3, 3, 2));
        assert!(s.to_string().contains("UAS       100.00"));
        assert_eq!(documents(&g, |id| id.starts_with("GUM_news")).len(), 1);
        assert!(score(&g, &p[..1]).is_err());
    }
}
