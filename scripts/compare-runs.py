#!/usr/bin/env python3
"""Compares the results of two `plateau optimize` runs with pyarrow (a reader that shares no code with Plateau):
every table's rows, sorted by their keys, must be equal value for value, and so must the walk-forward summary.
Files are also compared byte for byte; they differ between JVMs in one place, the order in which parquet-mr lists
a column's encodings in the footer (a hash set of enums).

    scripts/compare-runs.py RUN_A RUN_B

A table neither run has (the matrix of a study without one) is skipped. Prints one line per table (rows, equal or not, byte-identical files) and exits 0 when every table is equal,
1 otherwise."""
import hashlib
import json
import pathlib
import sys

import pyarrow.dataset as ds

TABLES = {
    "trials": ["symbol", "set_id", "window_index"],
    "pnl": ["symbol", "set_id"],
    "calendar.parquet": ["symbol", "day_index"],
    "walkforward/windows.parquet": ["symbol", "window_index"],
    "walkforward/stitched.parquet": ["symbol", "date"],
    "walkforward/matrix.parquet": ["symbol", "scheme"],
}


def same_values(left, right) -> bool:
    """Equal tables, NaN equal to NaN (an undefined metric, e.g. the Sharpe ratio of a window without trades)."""
    if left.schema != right.schema or left.num_rows != right.num_rows:
        return False
    for name in left.column_names:
        a, b = left[name].to_pylist(), right[name].to_pylist()
        if a != b and any(x != y and not (x != x and y != y) for x, y in zip(a, b)):
            return False
    return True


def read_sorted(run: pathlib.Path, table: str, keys: list):
    data = ds.dataset(run / table, format="parquet").to_table()
    return data.sort_by([(key, "ascending") for key in keys])


def digests(run: pathlib.Path) -> dict:
    return {str(p.relative_to(run)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in run.rglob("*.parquet") if not p.name.startswith(".")}


def main(a: pathlib.Path, b: pathlib.Path) -> int:
    failures = 0
    for table, keys in TABLES.items():
        if not (a / table).exists() and not (b / table).exists():
            continue
        if not (a / table).exists() or not (b / table).exists():
            failures += 1
            print(f"  {table:30} only in {(a if (a / table).exists() else b).name}")
            continue
        left, right = read_sorted(a, table, keys), read_sorted(b, table, keys)
        equal = same_values(left, right)
        failures += not equal
        print(f"  {table:30} {left.num_rows:>9,} rows  {'equal' if equal else 'DIFFERENT'}"
              + ("" if left.num_rows == right.num_rows else f" ({right.num_rows:,} rows in {b.name})"))
    summaries = [json.loads((run / "walkforward/summary.json").read_text()) for run in (a, b)]
    equal = summaries[0] == summaries[1]
    failures += not equal
    print(f"  {'walkforward/summary.json':30} {'':>14}  {'equal' if equal else 'DIFFERENT'}")
    left, right = digests(a), digests(b)
    same = sum(1 for name, digest in left.items() if right.get(name) == digest)
    print(f"  Parquet files byte-identical: {same} of {len(left)} ({len(right)} in {b.name})")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])))
