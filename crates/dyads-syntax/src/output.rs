//! CoNLL-U output for parsed documents, and re-annotation of gold
//! CoNLL-U and IOB2 files on their own tokens (for evaluation).

use std::fmt::Write as _;

use dyads_text::{Document, Span};

use crate::conllu::{Sentence, Word};
use crate::iob2::Iob2Sentence;
use crate::pipeline::{ParsedSentence, Pipeline};

/// Writes parsed sentences of `text` as CoNLL-U: `# sent_id`, `# text`,
/// and in MISC the byte range of each token (`TokenRange=start:end`) and
/// `SpaceAfter=No` where no space follows.
pub fn to_conllu(text: &str, sentences: &[ParsedSentence]) -> String {
    let mut out = String::new();
    write_conllu_into(text, sentences, 1, &mut out);
    out
}

/// Like [`to_conllu`], appending to `out` and numbering sentences from `first_id`.
pub fn write_conllu_into(
    text: &str,
    sentences: &[ParsedSentence],
    first_id: usize,
    out: &mut String,
) {
    for (k, s) in sentences.iter().enumerate() {
        if s.tokens.is_empty() {
            continue;
        }
        let _ = writeln!(out, "# sent_id = {}", first_id + k);
        let raw = s.span.slice(text);
        let one_line: String = raw
            .chars()
            .map(|c| {
                if c == '\n' || c == '\r' || c == '\t' {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let _ = writeln!(out, "# text = {one_line}");
        for (i, t) in s.tokens.iter().enumerate() {
            let head = t.head.map_or(0, |h| h + 1);
            let mut misc = format!("TokenRange={}:{}", t.span.start, t.span.end);
            let next = s.tokens.get(i + 1).map(|n| n.span.start);
            if next == Some(t.span.end) {
                misc.push_str("|SpaceAfter=No");
            }
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}",
                i + 1,
                clean(t.span.slice(text)),
                clean(&t.lemma),
                t.upos,
                t.xpos,
                t.feats,
                head,
                t.deprel,
                misc
            );
        }
        out.push('\n');
    }
}

fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_empty() {
        "_".into()
    } else if s.contains(['\t', '\n', '\r']) {
        s.replace(['\t', '\n', '\r'], " ").into()
    } else {
        s.into()
    }
}

/// Words as one text joined by spaces, with the span of each.
fn join(forms: &[&str]) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(forms.len());
    for f in forms {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(f);
        spans.push(Span::new(start, text.len()));
    }
    (text, spans)
}

impl Pipeline {
    /// Annotates `doc` and writes it as CoNLL-U to `out`, one sentence at a
    /// time; returns the number of sentences written.
    pub fn write_conllu<W: std::io::Write>(
        &self,
        doc: &Document,
        out: &mut W,
    ) -> std::io::Result<usize> {
        let mut buf = String::new();
        let mut n = 0usize;
        let mut err = None;
        self.annotate_each(doc, |p| {
            if err.is_some() || p.tokens.is_empty() {
                return;
            }
            buf.clear();
            write_conllu_into(&doc.text, std::slice::from_ref(&p), n + 1, &mut buf);
            n += 1;
            if let Err(e) = out.write_all(buf.as_bytes()) {
                err = Some(e);
            }
        });
        match err {
            Some(e) => Err(e),
            None => Ok(n),
        }
    }

    /// Re-annotates gold CoNLL-U sentences on their own words: comments and
    /// multiword lines are kept, every other column is predicted.
    pub fn parse_conllu_gold_tokens(&self, gold: &[Sentence]) -> Vec<Sentence> {
        gold.iter()
            .map(|g| {
                let forms: Vec<&str> = g.words.iter().map(|w| w.form.as_str()).collect();
                let (text, spans) = join(&forms);
                let p = self.annotate_spans(&text, &spans);
                let words = p
                    .tokens
                    .iter()
                    .zip(&g.words)
                    .map(|(t, w)| Word {
                        id: w.id,
                        form: w.form.clone(),
                        lemma: t.lemma.clone(),
                        upos: t.upos.to_string(),
                        xpos: t.xpos.to_string(),
                        feats: t.feats.to_string(),
                        head: Some(t.head.map_or(0, |h| h as u32 + 1)),
                        deprel: t.deprel.to_string(),
                        deps: "_".into(),
                        misc: w.misc.clone(),
                    })
                    .collect();
                Sentence {
                    comments: g.comments.clone(),
                    words,
                    multiwords: g.multiwords.clone(),
                }
            })
            .collect()
    }

    /// Re-tags gold IOB2 sentences with predicted entities, made
    /// consistent within each document ([`crate::ner_doc::harmonize_iob2`]).
    pub fn recognize_iob2(&self, gold: &[Iob2Sentence]) -> Vec<Iob2Sentence> {
        let mut out: Vec<Iob2Sentence> = gold
            .iter()
            .map(|g| {
                let forms: Vec<&str> = g.forms.iter().map(String::as_str).collect();
                let (text, spans) = join(&forms);
                let p = self.annotate_spans(&text, &spans);
                let mut tags = vec!["O".to_string(); forms.len()];
                for e in &p.entities {
                    for (k, tag) in tags.iter_mut().enumerate().take(e.end).skip(e.start) {
                        let prefix = if k == e.start { "B" } else { "I" };
                        *tag = format!("{prefix}-{}", e.label);
                    }
                }
                Iob2Sentence {
                    comments: g.comments.clone(),
                    forms: g.forms.clone(),
                    tags,
                }
            })
            .collect();
        crate::ner_doc::harmonize_iob2(&mut out);
        out
    }
}
