#!/usr/bin/env python3
"""Load dyads exports with DuckDB (and pandas/pyarrow when present) and check row counts.

Usage: check_exports.py DIR TABLE=ROWS...

For each TABLE, reads DIR/TABLE.csv, DIR/TABLE.jsonl and DIR/TABLE.parquet
(those that exist) with DuckDB's readers as they are, prints the row count
of each, and exits 1 when any count differs from ROWS.
"""
import os
import sys

import duckdb


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    root = argv[1]
    want = {}
    for arg in argv[2:]:
        name, _, rows = arg.partition("=")
        want[name] = int(rows)
    try:
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
        have_pandas = True
    except ImportError:
        have_pandas = False
    con = duckdb.connect()
    bad = 0
    for table, rows in want.items():
        readers = {
            "csv": "read_csv('{}', header = true)",
            "jsonl": "read_json('{}', format = 'newline_delimited')",
            "parquet": "read_parquet('{}')",
        }
        for ext, reader in readers.items():
            path = os.path.join(root, f"{table}.{ext}")
            if not os.path.exists(path):
                continue
            sql = "SELECT count(*) FROM " + reader.format(path.replace("'", "''"))
            got = con.execute(sql).fetchone()[0]
            status = "ok" if got == rows else f"MISMATCH (want {rows})"
            print(f"duckdb {table}.{ext}: {got} rows {status}")
            bad += got != rows
            if ext == "parquet" and have_pandas:
                import pandas as pd

                n = len(pd.read_parquet(path))
                print(f"pandas {table}.{ext}: {n} rows {'ok' if n == rows else 'MISMATCH'}")
                bad += n != rows
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
