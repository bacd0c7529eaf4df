//! `dyads parse`: tag, lemmatize, parse and find entities, printing
//! CoNLL-U (or IOB2) one sentence at a time.
//!
//! Four modes, by input:
//! - articles (default): every input is read with `read_input` and each
//!   article cleaned with `clean`, exactly as `dyads ingest` does; offsets
//!   in `TokenRange` are into the clean text of each document (one
//!   `# newdoc id` per article);
//! - `--plain`: the input is plain text taken as it is, read in chunks of
//!   whole paragraphs so memory stays bounded; offsets are into the input;
//! - `--conllu`: a CoNLL-U file re-parsed on its own words (gold
//!   tokenisation), for `dyads eval conllu`;
//! - `--iob2`: an IOB2 file re-tagged with predicted entities, for
//!   `dyads eval iob2`.

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use dyads_syntax::conllu::write_sentence;
use dyads_syntax::iob2::write_iob2;
use dyads_syntax::stream::{plain_document, Blocks, ConlluWriter, PlainChunks};
use dyads_syntax::{ParsedSentence, Pipeline};
use dyads_text::{clean, read_input, Format, Limits};

use crate::inputs::{expand, Input};

/// What the inputs are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Articles in any format `dyads ingest` reads.
    Articles(Option<Format>),
    /// Plain text, streamed.
    Plain,
    /// CoNLL-U, re-parsed on its words.
    Conllu,
    /// IOB2, re-tagged.
    Iob2,
}

/// Options of `dyads parse`.
#[derive(Debug)]
pub struct Options {
    /// Input mode.
    pub mode: Mode,
    /// Largest article input in bytes.
    pub max_bytes: usize,
    /// Load the models from this directory instead of the built-in ones.
    pub models: Option<PathBuf>,
    /// Do not print one line per failed input.
    pub quiet: bool,
}

/// Counts for the summary line.
#[derive(Default, Debug)]
struct Tally {
    inputs: usize,
    documents: usize,
    sentences: usize,
    tokens: usize,
    entities: usize,
    failed: usize,
}

/// Runs the parse command; exit status 1 when any input (or part) failed.
pub fn run(paths: &[String], opts: &Options) -> Result<ExitCode> {
    let pipeline = match &opts.models {
        Some(dir) => Pipeline::from_dir(dir)
            .with_context(|| format!("loading models from {}", dir.display()))?,
        None => Pipeline::load().context("loading the built-in models")?,
    };
    let default = ["-".to_string()];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let (inputs, missing) = expand(paths);
    let mut tally = Tally::default();
    let mut report = |m: &str| {
        if !opts.quiet {
            eprintln!("error: {m}");
        }
    };
    for m in &missing {
        report(m);
        tally.failed += 1;
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut writer = ConlluWriter::default();
    for input in &inputs {
        tally.inputs += 1;
        let name = input.name();
        let reader = match open(input) {
            Ok(r) => r,
            Err(e) => {
                tally.failed += 1;
                report(&format!("{name}: cannot read: {e}"));
                continue;
            }
        };
        let mut ctx = Ctx {
            pipeline: &pipeline,
            name: &name,
            out: &mut out,
            tally: &mut tally,
            report: &mut report,
        };
        let done = match opts.mode {
            Mode::Articles(format) => ctx.articles(reader, format, opts.max_bytes, &mut writer),
            Mode::Plain => ctx.plain(reader, &mut writer),
            Mode::Conllu => ctx.conllu(reader),
            Mode::Iob2 => ctx.iob2(reader),
        };
        match done {
            Ok(()) => {}
            Err(e) if is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
            Err(e) => return Err(e),
        }
    }
    match out.flush() {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        r => r.context("writing the output")?,
    }
    eprintln!(
        "dyads parse: {} inputs, {} documents, {} sentences, {} tokens, {} entities; {} failed",
        tally.inputs, tally.documents, tally.sentences, tally.tokens, tally.entities, tally.failed
    );
    Ok(if tally.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

fn open(input: &Input) -> std::io::Result<Box<dyn BufRead>> {
    Ok(match input {
        Input::Stdin => Box::new(BufReader::with_capacity(1 << 16, std::io::stdin())),
        Input::File(p) => Box::new(BufReader::with_capacity(1 << 16, std::fs::File::open(p)?)),
    })
}

/// What one input needs.
struct Ctx<'a, W: Write, F: FnMut(&str)> {
    pipeline: &'a Pipeline,
    name: &'a str,
    out: &'a mut W,
    tally: &'a mut Tally,
    report: &'a mut F,
}

impl<W: Write, F: FnMut(&str)> Ctx<'_, W, F> {
    /// Annotates a document sentence by sentence, writing each.
    fn write_doc(
        &mut self,
        doc: &dyads_text::Document,
        base: u64,
        writer: &mut ConlluWriter,
    ) -> Result<()> {
        let mut err = None;
        let (out, tally) = (&mut *self.out, &mut *self.tally);
        self.pipeline.annotate_each(doc, |s: ParsedSentence| {
            if err.is_some() || s.tokens.is_empty() {
                return;
            }
            tally.sentences += 1;
            tally.tokens += s.tokens.len();
            tally.entities += s.entities.len();
            if let Err(e) = writer.write_sentence(&doc.text, &s, base, out) {
                err = Some(e);
            }
        });
        match err {
            Some(e) => Err(e.into()),
            None => Ok(()),
        }
    }

    /// Articles: read whole (up to `max_bytes`), cleaned one at a time.
    fn articles(
        &mut self,
        reader: Box<dyn BufRead>,
        format: Option<Format>,
        max_bytes: usize,
        writer: &mut ConlluWriter,
    ) -> Result<()> {
        let mut bytes = Vec::new();
        if let Err(e) = reader.take(max_bytes as u64 + 1).read_to_end(&mut bytes) {
            self.tally.failed += 1;
            (self.report)(&format!("{}: cannot read: {e}", self.name));
            return Ok(());
        }
        let limits = Limits {
            max_input_bytes: max_bytes,
            ..Limits::default()
        };
        let articles = read_input(self.name, &bytes, format, &limits);
        drop(bytes);
        for article in articles {
            let doc = match article.map(|a| (clean(&a), a.origin())) {
                Ok((Ok(doc), origin)) => {
                    writer.begin_document(&origin);
                    doc
                }
                Ok((Err(e), _)) | Err(e) => {
                    self.tally.failed += 1;
                    (self.report)(&e.to_string());
                    continue;
                }
            };
            self.tally.documents += 1;
            self.write_doc(&doc, 0, writer)?;
        }
        Ok(())
    }

    /// Plain text in chunks of whole paragraphs; a chunk that is not
    /// UTF-8 is reported (with its byte offset) and skipped.
    fn plain(&mut self, reader: Box<dyn BufRead>, writer: &mut ConlluWriter) -> Result<()> {
        writer.begin_document(self.name);
        self.tally.documents += 1;
        for chunk in PlainChunks::new(reader) {
            let chunk = match chunk {
                Ok(c) => c,
                Err(e) => {
                    self.tally.failed += 1;
                    (self.report)(&format!("{}: cannot read: {e}", self.name));
                    return Ok(());
                }
            };
            let text = match chunk.as_text() {
                Ok(t) => t,
                Err(at) => {
                    self.tally.failed += 1;
                    (self.report)(&format!(
                        "{}: byte {at}: not UTF-8; skipped bytes {}..{}",
                        self.name,
                        chunk.offset,
                        chunk.offset + chunk.bytes.len() as u64
                    ));
                    continue;
                }
            };
            let doc = plain_document(text);
            self.write_doc(&doc, chunk.offset, writer)?;
        }
        Ok(())
    }

    /// CoNLL-U re-parsed on its own words, sentence by sentence; a
    /// malformed sentence is reported (file:line) and skipped.
    fn conllu(&mut self, reader: Box<dyn BufRead>) -> Result<()> {
        let mut buf = String::new();
        for block in Blocks::new(reader) {
            let sentence = match block.map(|b| b.conllu(self.name)) {
                Ok(Ok(s)) => s,
                Ok(Err(e)) => {
                    self.tally.failed += 1;
                    (self.report)(&e.to_string());
                    continue;
                }
                Err(e) => {
                    self.tally.failed += 1;
                    (self.report)(&format!("{}: cannot read: {e}", self.name));
                    return Ok(());
                }
            };
            let pred = self
                .pipeline
                .parse_conllu_gold_tokens(std::slice::from_ref(&sentence));
            buf.clear();
            for s in &pred {
                self.tally.sentences += 1;
                self.tally.tokens += s.words.len();
                write_sentence(s, &mut buf);
            }
            self.out.write_all(buf.as_bytes())?;
        }
        Ok(())
    }

    /// IOB2 re-tagged with predicted entities, sentence by sentence.
    fn iob2(&mut self, reader: Box<dyn BufRead>) -> Result<()> {
        for block in Blocks::new(reader) {
            let sentence = match block.map(|b| b.iob2(self.name)) {
                Ok(Ok(s)) => s,
                Ok(Err(e)) => {
                    self.tally.failed += 1;
                    (self.report)(&e.to_string());
                    continue;
                }
                Err(e) => {
                    self.tally.failed += 1;
                    (self.report)(&format!("{}: cannot read: {e}", self.name));
                    return Ok(());
                }
            };
            let pred = self
                .pipeline
                .recognize_iob2(std::slice::from_ref(&sentence));
            for s in &pred {
                self.tally.sentences += 1;
                self.tally.tokens += s.forms.len();
                self.tally.entities += dyads_syntax::iob2::entities(&s.tags).len();
            }
            self.out.write_all(write_iob2(&pred).as_bytes())?;
        }
        Ok(())
    }
}
