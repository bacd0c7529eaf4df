//! IOB2 scorer: entity-level precision, recall and F1 (conlleval style:
//! an entity counts when its span and type both match), per type and overall.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use dyads_syntax::iob2::{entities, read_iob2_file, Iob2Sentence};

use crate::{Error, Result};

/// Gold, predicted and correct entity counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold entities.
    pub gold: usize,
    /// Predicted entities.
    pub pred: usize,
    /// Predicted entities that match a gold one.
    pub correct: usize,
}

impl Counts {
    /// Precision (0..=1).
    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.pred.max(1) as f64
    }

    /// Recall (0..=1).
    pub fn recall(&self) -> f64 {
        self.correct as f64 / self.gold.max(1) as f64
    }

    /// F1 (0..=1).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Entity scores per type and overall (micro-averaged).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Iob2Scores {
    /// Counts per entity type.
    pub by_type: BTreeMap<String, Counts>,
    /// All types together.
    pub overall: Counts,
}

impl fmt::Display for Iob2Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "type      gold  pred  correct  P      R      F1")?;
        let rows = self
            .by_type
            .iter()
            .map(|(k, c)| (k.as_str(), c))
            .chain(std::iter::once(("overall", &self.overall)));
        for (name, c) in rows {
            writeln!(
                f,
                "{name:<8} {:>5} {:>5} {:>8}  {:.3}  {:.3}  {:.3}",
                c.gold,
                c.pred,
                c.correct,
                c.precision(),
                c.recall(),
                c.f1()
            )?;
        }
        Ok(())
    }
}

/// Scores `pred` against `gold`; both must have the same sentences and tokens.
pub fn score(gold: &[Iob2Sentence], pred: &[Iob2Sentence]) -> Result<Iob2Scores> {
    if gold.len() != pred.len() {
        return Err(Error::format(
            Path::new("(prediction)"),
            format!("{} gold sentences but {} predicted", gold.len(), pred.len()),
        ));
    }
    let mut s = Iob2Scores::default();
    for (k, (g, p)) in gold.iter().zip(pred).enumerate() {
        if g.tags.len() != p.tags.len() {
            return Err(Error::format(
                Path::new("(prediction)"),
                format!(
                    "sentence {}: {} gold tokens but {} predicted",
                    k + 1,
                    g.tags.len(),
                    p.tags.len()
                ),
            ));
        }
        let ge = entities(&g.tags);
        let pe = entities(&p.tags);
        for e in &ge {
            s.by_type.entry(e.label.clone()).or_default().gold += 1;
        }
        for e in &pe {
            let c = s.by_type.entry(e.label.clone()).or_default();
            c.pred += 1;
            if ge.contains(e) {
                c.correct += 1;
            }
        }
    }
    for c in s.by_type.values() {
        s.overall.gold += c.gold;
        s.overall.pred += c.pred;
        s.overall.correct += c.correct;
    }
    Ok(s)
}

/// Reads two IOB2 files and scores the second against the first.
pub fn score_files(gold: &Path, pred: &Path) -> Result<Iob2Scores> {
    let read = |p: &Path| read_iob2_file(p).map_err(|e| Error::format(p, e.to_string()));
    score(&read(gold)?, &read(pred)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(tags: &[&str]) -> Iob2Sentence {
        Iob2Sentence {
            comments: vec![],
            forms: tags.iter().map(|_| "w".to_string()).collect(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn entity_level_scores() {
        let g = vec![sent(&["B-PER", "I-PER", "O", "B-LOC"])];
        let p = vec![sent(&["B-PER", "I-PER", "O", "B-ORG"])];
        let s = score(&g, &p).unwrap_or_default();
        assert_eq!(
            s.overall,
            Counts {
                gold: 2,
                pred: 2,
                correct: 1
            }
        );
        assert!((s.overall.f1() - 0.5).abs() < 1e-9);
        assert_eq!(s.by_type.get("PER").map(|c| c.f1()), Some(1.0));
        assert!(s.to_string().contains("overall"));
        assert!(score(&g, &[]).is_err());
    }
}
