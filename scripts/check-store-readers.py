#!/usr/bin/env python3
"""Reads a Plateau bar store with pyarrow and DuckDB (readers that share no code with Plateau) and checks
that both see the documented schema and the same bars: counts per symbol and year, on-grid prices,
high >= max(open, close) >= min(open, close) >= low, one-minute spacing of the time stamps' grid.

    pip install pyarrow duckdb            # once
    scripts/check-store-readers.py data/bars

Exit code 0 when every check holds, 1 otherwise (each failure is printed)."""
import json
import pathlib
import sys

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds


def main(store: str) -> int:
    root = pathlib.Path(store)
    failures = []
    dataset = ds.dataset(root, format="parquet", partitioning="hive")
    schema = dataset.schema
    expected = {
        "ts": pa.timestamp("us", tz="UTC"), "trading_date": pa.date32(), "open": pa.float64(),
        "high": pa.float64(), "low": pa.float64(), "close": pa.float64(), "volume": pa.int64(),
        "buy_volume": pa.int64(), "sell_volume": pa.int64(), "contract": pa.string(),
    }
    for name, kind in expected.items():
        if schema.field(name).type != kind:
            failures.append(f"pyarrow: column {name} is {schema.field(name).type}, expected {kind}")
    table = dataset.to_table()
    arrow_counts = {}
    for symbol, year in zip(table.column("symbol").to_pylist(), table.column("year").to_pylist()):
        arrow_counts[(str(symbol), int(year))] = arrow_counts.get((str(symbol), int(year)), 0) + 1

    duck = duckdb.sql(
        f"SELECT symbol, year, count(*) AS n FROM read_parquet('{root}/symbol=*/year=*/*.parquet', "
        "hive_partitioning = true) GROUP BY ALL").fetchall()
    duck_counts = {(str(s), int(y)): n for s, y, n in duck}
    if arrow_counts != duck_counts:
        failures.append(f"pyarrow and DuckDB disagree on bars per symbol and year: {arrow_counts} vs {duck_counts}")

    for symbol_dir in sorted(root.glob("symbol=*")):
        symbol = symbol_dir.name.split("=", 1)[1]
        tick = json.loads((symbol_dir / "_symbol.json").read_text())["tick_size"]
        bars = dataset.to_table(filter=ds.field("symbol") == symbol)
        for column in ("open", "high", "low", "close"):
            ticks = pc.divide(bars.column(column), tick)
            off = pc.sum(pc.greater(pc.abs(pc.subtract(ticks, pc.round(ticks))), 1e-6)).as_py() or 0
            if off:
                failures.append(f"{symbol}: {off} {column} prices off the {tick} grid")
        o, h, l, c = (bars.column(x) for x in ("open", "high", "low", "close"))
        bad = pc.sum(pc.or_(pc.less(h, pc.max_element_wise(o, c)), pc.greater(l, pc.min_element_wise(o, c)))).as_py()
        if bad:
            failures.append(f"{symbol}: {bad} bars with open or close outside [low, high]")
        micros = pc.cast(bars.column("ts"), pa.int64())
        off_minute = pc.sum(pc.not_equal(pc.multiply(pc.divide(micros, 60_000_000), 60_000_000), micros)).as_py()
        if off_minute:
            failures.append(f"{symbol}: {off_minute} time stamps not on a whole minute")
        print(f"{symbol}: {bars.num_rows:,} bars; pyarrow and DuckDB agree: "
              f"{sum(n for (s, _), n in arrow_counts.items() if s == symbol):,} / "
              f"{sum(n for (s, _), n in duck_counts.items() if s == symbol):,}")
    for failure in failures:
        print("FAIL:", failure)
    print("all checks hold" if not failures else f"{len(failures)} check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
