#!/usr/bin/env python3
"""Executes every notebook of notebooks/ top to bottom with nbclient against two run directories (the second for
05-compare-runs) and fails on the first error, naming the notebook and the cell.

    pip install -r notebooks/requirements.txt     # once
    scripts/check-notebooks.py RUN_A RUN_B

Exit code 0 when every notebook ran, 1 otherwise."""
import os
import pathlib
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main(run_a: str, run_b: str) -> int:
    notebooks = pathlib.Path(__file__).resolve().parent.parent / "notebooks"
    os.environ["PLATEAU_RUN"] = str(pathlib.Path(run_a).resolve())
    os.environ["PLATEAU_RUN_B"] = str(pathlib.Path(run_b).resolve())
    os.environ["MPLBACKEND"] = "Agg"
    failures = 0
    for path in sorted(notebooks.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(notebook, timeout=300, kernel_name="python3",
                                resources={"metadata": {"path": str(notebooks)}})
        try:
            client.execute()
            print(f"  {path.name}: {len(notebook.cells)} cells ran")
        except CellExecutionError as error:
            failures += 1
            print(f"  {path.name}: FAILED\n{error}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
