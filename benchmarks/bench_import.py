"""`catalogkit import` of a 1,000-matter XLSX against a floor measured in the same run.

    read     = openpyxl reading every cell of the sheets (the reader import uses)
    validate = cold `check_catalog` of the tree the import writes (no compiled cache)
    import   = run_import into an empty folder: read, normalise, merge, write
    again    = the same export imported again into that tree: must write nothing

Target (issue 14): import ≤ 3 × (read + validate). The export is made by
tests/tools/make_exports.py (merged cells, a materials sheet, real gaps).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.tools

from tests.tools.make_exports import write_xlsx

from _timing import median_seconds, ms
from catalogkit.catalog import check_catalog
from catalogkit.importing import run_import

MATTERS = int(os.environ.get("BENCH_MATTERS", "1000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))


def read_only(path: Path) -> int:
    import openpyxl

    book = openpyxl.load_workbook(path, data_only=True)
    cells = sum(len(row) for ws in book.worksheets for row in ws.iter_rows(values_only=True))
    book.close()
    return cells


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        xlsx = work / "list.xlsx"
        write_xlsx(xlsx, MATTERS)
        tree = work / "tree"

        def fresh() -> None:
            shutil.rmtree(tree, ignore_errors=True)
            run_import([xlsx], tree, county="511602", county_name="广安区")

        t_import = median_seconds(fresh, REPEAT)
        t_read = median_seconds(lambda: read_only(xlsx), REPEAT)
        t_validate = median_seconds(lambda: check_catalog(tree, cache=False), REPEAT)
        again = run_import([xlsx], tree)
        assert again.written.files == [], again.written.files
        t_again = median_seconds(lambda: run_import([xlsx], tree), REPEAT)
        floor = t_read + t_validate
        print(f"{MATTERS} matters, median of {REPEAT}")
        print(f"read (openpyxl)         {ms(t_read)}")
        print(f"validate (cold)         {ms(t_validate)}")
        ratio = t_import / floor
        print(f"import                  {ms(t_import)}   {ratio:.2f} × (read + validate)")
        print(f"import again, unchanged {ms(t_again)}   files written: 0")
        if t_import > 3 * floor:
            print("FAIL: import is slower than 3 × (read + validate)")
            sys.exit(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
