//! Training every model from the UD English EWT and UNER English EWT files.
//!
//! Deterministic: fixed seeds, fixed iteration order, sorted tables. The
//! tagger is trained on EWT train with the epoch chosen on EWT dev; the
//! parser is trained on EWT train with tags from five-fold jackknifing (so
//! it learns from tags as noisy as at run time), epoch chosen on EWT dev;
//! the lemmatizer learns from EWT train; the recogniser learns from UNER
//! EWT dev, with the epoch count chosen by cross-validation on it
//! ([`crate::ner_train`]).

use std::fmt;
use std::path::Path;
use std::time::Instant;

use crate::conllu::{read_conllu_file, Sentence};
use crate::error::{Error, ErrorKind, Result};
use crate::iob2::read_iob2_file;
use crate::lemma::Lemmatizer;
use crate::lexical::lex;
use crate::modelio::{pack, Writer};
use crate::ner::Recognizer;
use crate::parser::train::{self as ptrain, ParseExample};
use crate::pipeline::{Pipeline, MODEL_FILES};
use crate::tagger::{self, TagExample, TagScratch, Tagged, Tagger};
use crate::tagset::{deprel_id, upos_id, xpos_id};

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Most tagger epochs (the best on dev is kept).
    pub tagger_epochs: usize,
    /// Most parser epochs (the best on dev is kept).
    pub parser_epochs: usize,
    /// Most recogniser epochs (chosen on a held-out tenth).
    pub ner_epochs: usize,
    /// Jackknife folds for the parser's training tags (1 = gold tags).
    pub folds: usize,
    /// Folds for the tag dictionary the tagger trains with (each sentence
    /// sees a dictionary built without its fold; 0 or 1 = the whole one).
    pub dict_folds: usize,
    /// Use only the first this many training sentences (0 = all), for quick runs.
    pub limit: usize,
    /// Also write the jackknifed training tags (`jackknife.tags`) and the
    /// tagger to the output folder as soon as they are ready, so that
    /// [`run_parser`] can retrain the parser alone.
    pub keep_tags: bool,
}

/// Retrains only the recogniser, on top of the tagger and parser already in
/// `out_dir`, and rewrites `ner.bin` there; returns the cross-validated F1
/// and the epoch count (chosen by [`crate::ner_train`], not `_config`).
pub fn run_ner(
    ud_dir: &Path,
    out_dir: &Path,
    _config: &TrainConfig,
    log: &mut dyn FnMut(String),
) -> Result<(f64, usize)> {
    let uner = read_iob2_file(&ud_dir.join("uner_en_ewt-dev.iob2"))?;
    let mut pipeline = Pipeline::from_dir(out_dir)?;
    let (model, f1, epochs) = train_ner(&pipeline, ud_dir, &uner, log)?;
    pipeline.ner = model;
    let mut w = Writer::default();
    pipeline.ner.encode(&mut w);
    let path = out_dir.join(MODEL_FILES[3]);
    std::fs::write(&path, pack("ner", &w)?)
        .map_err(|e| Error::from(e).in_file(path.display().to_string()))?;
    Ok((f1, epochs))
}

/// Trains only the tagger's first pass on EWT train (epochs chosen on dev)
/// and returns its dev joint accuracy; for quick tagger experiments.
pub fn run_tagger(ud_dir: &Path, config: &TrainConfig, log: &mut dyn FnMut(String)) -> Result<f64> {
    let mut train = read_conllu_file(&ud_dir.join("en_ewt-ud-train.conllu"))?;
    let dev = read_conllu_file(&ud_dir.join("en_ewt-ud-dev.conllu"))?;
    if config.limit > 0 {
        train.truncate(config.limit);
    }
    train.retain(|s| !s.words.is_empty());
    let train_t: Vec<Tagged> = train.iter().map(tagged).collect();
    let dev_t: Vec<Tagged> = dev.iter().map(tagged).collect();
    let classes = tagger::classes_of(&train_t);
    let all: Vec<&Tagged> = train_t.iter().collect();
    let dict = tagger::dictionary(&classes, &all);
    let mut train_x: Vec<TagExample> = train_t.iter().map(|t| tag_example(t, &classes)).collect();
    jackknife_dictionary(&classes, &train_t, &mut train_x, config.dict_folds);
    let dev_x: Vec<TagExample> = dev_t.iter().map(|t| tag_example(t, &classes)).collect();
    let (t, _) = tagger::train(classes, dict, &train_x, &dev_x, config.tagger_epochs, log);
    Ok(tagger::accuracy(&t, &dev_x))
}

/// Where [`TrainConfig::keep_tags`] writes the jackknifed training tags.
const TAGS_FILE: &str = "jackknife.tags";

fn save_tags(path: &Path, tags: &[Vec<u16>]) -> Result<()> {
    let mut w = Writer::default();
    w.uint(tags.len() as u64);
    for t in tags {
        w.uint(t.len() as u64);
        for &c in t {
            w.uint(c as u64);
        }
    }
    std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))?;
    std::fs::write(path, pack("tags", &w)?)
        .map_err(|e| Error::from(e).in_file(path.display().to_string()))
}

fn load_tags(path: &Path) -> Result<Vec<Vec<u16>>> {
    let bytes =
        std::fs::read(path).map_err(|e| Error::from(e).in_file(path.display().to_string()))?;
    let data = crate::modelio::unpack("tags", &bytes)?;
    let mut r = crate::modelio::Reader::new(&data);
    let n = r.len(r.remaining())?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let k = r.len(r.remaining())?;
        let mut t = Vec::with_capacity(k);
        for _ in 0..k {
            t.push(r.len(1 << 16)? as u16);
        }
        out.push(t);
    }
    Ok(out)
}

/// Retrains only the parser, with the tagger and the jackknifed tags that a
/// full run with [`TrainConfig::keep_tags`] left in `out_dir`;
/// rewrites `parser.bin` and returns the dev LAS.
pub fn run_parser(
    ud_dir: &Path,
    out_dir: &Path,
    config: &TrainConfig,
    log: &mut dyn FnMut(String),
) -> Result<f64> {
    let mut train = read_conllu_file(&ud_dir.join("en_ewt-ud-train.conllu"))?;
    let dev = read_conllu_file(&ud_dir.join("en_ewt-ud-dev.conllu"))?;
    if config.limit > 0 {
        train.truncate(config.limit);
    }
    train.retain(|s| !s.words.is_empty());
    let tagger_model = {
        let path = out_dir.join(MODEL_FILES[0]);
        let bytes =
            std::fs::read(&path).map_err(|e| Error::from(e).in_file(path.display().to_string()))?;
        let data = crate::modelio::unpack("tagger", &bytes)?;
        Tagger::decode(&mut crate::modelio::Reader::new(&data))?
    };
    let classes = tagger_model.classes.clone();
    let train_tags = load_tags(&out_dir.join(TAGS_FILE))?;
    if train_tags.len() != train.len() {
        return Err(Error::new(ErrorKind::Training(
            "cached tags do not match the training set".into(),
        )));
    }
    let train_x: Vec<TagExample> = train
        .iter()
        .map(|s| tag_example(&tagged(s), &classes))
        .collect();
    let dev_x: Vec<TagExample> = dev
        .iter()
        .map(|s| tag_example(&tagged(s), &classes))
        .collect();
    let dev_tags = tag_all(&tagger_model, &dev_x);
    let train_p: Vec<ParseExample> = train
        .iter()
        .zip(&train_x)
        .zip(train_tags)
        .map(|((s, x), t)| parse_example(&tagger_model, s, x, t))
        .collect();
    let dev_p: Vec<ParseExample> = dev
        .iter()
        .zip(&dev_x)
        .zip(dev_tags)
        .map(|((s, x), t)| parse_example(&tagger_model, s, x, t))
        .collect();
    let parser = ptrain::train(&train_p, &dev_p, config.parser_epochs, log);
    let las = ptrain::las(&parser, &dev_p);
    let mut w = Writer::default();
    parser.encode(&mut w);
    let path = out_dir.join(MODEL_FILES[2]);
    std::fs::write(&path, pack("parser", &w)?)
        .map_err(|e| Error::from(e).in_file(path.display().to_string()))?;
    Ok(las)
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            tagger_epochs: 12,
            parser_epochs: 15,
            ner_epochs: 25,
            folds: 5,
            dict_folds: 0,
            limit: 0,
            keep_tags: false,
        }
    }
}

/// What training measured and wrote.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Tagger joint UPOS+XPOS accuracy on EWT dev (percent) and its epoch.
    pub tagger_dev: (f64, usize),
    /// Parser LAS on EWT dev with predicted tags (percent).
    pub parser_dev_las: f64,
    /// Recogniser entity F1 cross-validated on UNER dev, and the epoch count.
    pub ner_heldout: (f64, usize),
    /// Model files written and their sizes in bytes.
    pub files: Vec<(String, u64)>,
    /// Seconds spent.
    pub seconds: f64,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "tagger: dev joint accuracy {:.2}% (epoch {})",
            self.tagger_dev.0, self.tagger_dev.1
        )?;
        writeln!(f, "parser: dev LAS {:.2}", self.parser_dev_las)?;
        writeln!(
            f,
            "ner: cross-validated F1 {:.2} ({} epochs)",
            self.ner_heldout.0, self.ner_heldout.1
        )?;
        let total: u64 = self.files.iter().map(|x| x.1).sum();
        for (name, size) in &self.files {
            writeln!(f, "  {name}: {size} bytes")?;
        }
        writeln!(f, "  total: {total} bytes; {:.0} s", self.seconds)
    }
}

fn tagged(s: &Sentence) -> Tagged {
    (
        s.words.iter().map(|w| w.form.clone()).collect(),
        s.words
            .iter()
            .map(|w| (upos_id(&w.upos) as u8, xpos_id(&w.xpos) as u8))
            .collect(),
    )
}

fn tag_example(t: &Tagged, classes: &[(u8, u8)]) -> TagExample {
    let mut buf = String::new();
    TagExample {
        lex: t.0.iter().map(|f| lex(f, &mut buf)).collect(),
        gold: t
            .1
            .iter()
            .map(|k| classes.binary_search(k).unwrap_or(0) as u16)
            .collect(),
        amb: Vec::new(),
    }
}

/// Gives each training example the ambiguity classes of a tag dictionary
/// built without its fold (of `folds`), so that training sees dictionary
/// gaps and unknown words as often as new text does.
fn jackknife_dictionary(
    classes: &[(u8, u8)],
    sentences: &[Tagged],
    examples: &mut [TagExample],
    folds: usize,
) {
    if folds < 2 {
        return;
    }
    for f in 0..folds {
        let keep: Vec<&Tagged> = (0..sentences.len())
            .filter(|i| i % folds != f)
            .map(|i| &sentences[i])
            .collect();
        let table = tagger::index(&tagger::dictionary(classes, &keep));
        for (i, ex) in examples.iter_mut().enumerate() {
            if i % folds == f {
                ex.amb = tagger::ambiguity_in(&table, &ex.lex);
            }
        }
    }
}

fn parse_example(t: &Tagger, s: &Sentence, ex: &TagExample, tags: Vec<u16>) -> ParseExample {
    let n = s.words.len() as u32;
    ParseExample {
        words: ex.lex.iter().map(|l| t.parser_word(l)).collect(),
        tags,
        heads: s
            .words
            .iter()
            .map(|w| match w.head {
                Some(0) | None => n,
                Some(h) => h - 1,
            })
            .collect(),
        labels: s.words.iter().map(|w| deprel_id(&w.deprel) as u8).collect(),
    }
}

fn tag_all(t: &Tagger, data: &[TagExample]) -> Vec<Vec<u16>> {
    let mut scratch = TagScratch::default();
    data.iter()
        .map(|ex| {
            let mut out = Vec::new();
            t.tag(&ex.lex, &mut scratch, &mut out);
            out
        })
        .collect()
}

/// Trains every model from `ud_dir` (holding `en_ewt-ud-{train,dev}.conllu`
/// and `uner_en_ewt-dev.iob2`) and writes them to `out_dir`.
pub fn run(
    ud_dir: &Path,
    out_dir: &Path,
    config: &TrainConfig,
    log: &mut dyn FnMut(String),
) -> Result<Report> {
    let started = Instant::now();
    let mut train = read_conllu_file(&ud_dir.join("en_ewt-ud-train.conllu"))?;
    let dev = read_conllu_file(&ud_dir.join("en_ewt-ud-dev.conllu"))?;
    let uner = read_iob2_file(&ud_dir.join("uner_en_ewt-dev.iob2"))?;
    if config.limit > 0 {
        train.truncate(config.limit);
    }
    train.retain(|s| !s.words.is_empty());
    if train.is_empty() {
        return Err(Error::new(ErrorKind::Training(
            "no training sentences".into(),
        )));
    }
    let mut report = Report::default();
    let train_t: Vec<Tagged> = train.iter().map(tagged).collect();
    let dev_t: Vec<Tagged> = dev.iter().map(tagged).collect();
    let classes = tagger::classes_of(&train_t);
    let all: Vec<&Tagged> = train_t.iter().collect();
    let dict = tagger::dictionary(&classes, &all);
    let mut train_x: Vec<TagExample> = train_t.iter().map(|t| tag_example(t, &classes)).collect();
    jackknife_dictionary(&classes, &train_t, &mut train_x, config.dict_folds);
    let dev_x: Vec<TagExample> = dev_t.iter().map(|t| tag_example(t, &classes)).collect();
    let (mut tagger_model, epoch) = tagger::train(
        classes.clone(),
        dict,
        &train_x,
        &dev_x,
        config.tagger_epochs,
        log,
    );

    // Jackknifed tags for the parser's training data.
    let folds = config.folds.max(1);
    let mut train_tags: Vec<Vec<u16>> = train_x.iter().map(|x| x.gold.clone()).collect();
    if folds > 1 {
        for f in 0..folds {
            let keep: Vec<&Tagged> = (0..train_t.len())
                .filter(|i| i % folds != f)
                .map(|i| &train_t[i])
                .collect();
            let rest_t: Vec<Tagged> = keep.iter().map(|&t| t.clone()).collect();
            let mut rest: Vec<TagExample> =
                rest_t.iter().map(|t| tag_example(t, &classes)).collect();
            jackknife_dictionary(&classes, &rest_t, &mut rest, config.dict_folds);
            let d = tagger::dictionary(&classes, &keep);
            let (t, _) = tagger::train(classes.clone(), d, &rest, &[], epoch, &mut |_| {});
            let held: Vec<usize> = (0..train_x.len()).filter(|i| i % folds == f).collect();
            let held_x: Vec<TagExample> = held
                .iter()
                .map(|&i| tag_example(&train_t[i], &classes))
                .collect();
            for (i, tags) in held.iter().zip(tag_all(&t, &held_x)) {
                train_tags[*i] = tags;
            }
            log(format!("jackknife fold {} of {folds} tagged", f + 1));
        }
    }
    if folds > 1 {
        tagger::train_second(
            &mut tagger_model,
            &train_x,
            &train_tags,
            &dev_x,
            config.tagger_epochs,
            log,
        );
    }
    if config.keep_tags {
        save_tags(&out_dir.join(TAGS_FILE), &train_tags)?;
        let mut w = Writer::default();
        tagger_model.encode(&mut w);
        let path = out_dir.join(MODEL_FILES[0]);
        std::fs::write(&path, pack("tagger", &w)?)
            .map_err(|e| Error::from(e).in_file(path.display().to_string()))?;
    }
    report.tagger_dev = (tagger::accuracy(&tagger_model, &dev_x), epoch);
    let dev_tags = tag_all(&tagger_model, &dev_x);
    let train_p: Vec<ParseExample> = train
        .iter()
        .zip(&train_x)
        .zip(train_tags)
        .map(|((s, x), t)| parse_example(&tagger_model, s, x, t))
        .collect();
    let dev_p: Vec<ParseExample> = dev
        .iter()
        .zip(&dev_x)
        .zip(dev_tags)
        .map(|((s, x), t)| parse_example(&tagger_model, s, x, t))
        .collect();
    let parser = ptrain::train(&train_p, &dev_p, config.parser_epochs, log);
    report.parser_dev_las = ptrain::las(&parser, &dev_p);
    drop(train_p);

    let words: Vec<(String, u8, u8, String, String)> = train
        .iter()
        .flat_map(|s| s.words.iter())
        .map(|w| {
            (
                w.form.clone(),
                upos_id(&w.upos) as u8,
                xpos_id(&w.xpos) as u8,
                w.lemma.clone(),
                w.feats.clone(),
            )
        })
        .collect();
    let lemmatizer = Lemmatizer::learn(&words);

    let mut pipeline = Pipeline {
        tagger: tagger_model,
        lemmatizer,
        parser,
        ner: Recognizer::default(),
        finite: true,
    };
    let (ner_model, f1, ner_epochs) = train_ner(&pipeline, ud_dir, &uner, log)?;
    pipeline.ner = ner_model;
    report.ner_heldout = (f1, ner_epochs);

    std::fs::create_dir_all(out_dir)?;
    let kinds = ["tagger", "lemma", "parser", "ner"];
    for (k, (kind, file)) in kinds.iter().zip(MODEL_FILES).enumerate() {
        let mut w = Writer::default();
        match k {
            0 => pipeline.tagger.encode(&mut w),
            1 => pipeline.lemmatizer.encode(&mut w),
            2 => pipeline.parser.encode(&mut w),
            _ => pipeline.ner.encode(&mut w),
        }
        let bytes = pack(kind, &w)?;
        let path = out_dir.join(file);
        std::fs::write(&path, &bytes)
            .map_err(|e| Error::from(e).in_file(path.display().to_string()))?;
        report.files.push((file.to_string(), bytes.len() as u64));
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Trains the recogniser on UNER dev analysed by `p` (see
/// [`crate::ner_train::train`]); returns the model, its cross-validated F1
/// and the epoch count chosen.
fn train_ner(
    p: &Pipeline,
    ud_dir: &Path,
    uner: &[crate::iob2::Iob2Sentence],
    log: &mut dyn FnMut(String),
) -> Result<(Recognizer, f64, usize)> {
    crate::ner_train::train(p, ud_dir, uner, log)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_tags_round_trip() {
        let dir = std::env::temp_dir().join(format!("dyads-tags-{}", std::process::id()));
        let path = dir.join(TAGS_FILE);
        let tags = vec![vec![3u16, 0, 70], vec![], vec![1]];
        assert!(save_tags(&path, &tags).is_ok());
        let back = load_tags(&path);
        assert_eq!(back.ok(), Some(tags));
        assert!(load_tags(&dir.join("missing")).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
