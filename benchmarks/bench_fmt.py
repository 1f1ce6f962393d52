"""`catalogkit fmt --check` against cold `validate`, on the demo county and on a
generated 400-matter county. Prints times and the ratio of each.

    validate = `catalogkit validate TREE --no-cache` (read, checks, resolve, bundle)
    fmt      = `catalogkit fmt --check TREE` (every catalog file and the tree's tests/),
               with files already canonical: none is read with ruamel's round trip
    full     = the demo's files each through ruamel's round trip (what fmt did before
               it recognised canonical text), shown for scale

Target (issue: the command line speaks the administrator's language): fmt / validate ≤ 3.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from click.testing import CliRunner

from _timing import median_seconds, ms
from catalogkit.cli import cli
from catalogkit.format.files import collect
from catalogkit.format.guard import format_checked
from catalogkit.synthetic import generate_tree

DEMO = Path(__file__).resolve().parent.parent / "catalogs"


def run(*args: str) -> int:
    return CliRunner().invoke(cli, list(args)).exit_code


def full(root: Path) -> None:
    for path in collect([root]):
        format_checked(path.name, path.read_text(encoding="utf-8"))


def measure(name: str, root: Path, repeat: int, scale: bool) -> float:
    assert run("validate", str(root), "--no-cache") == 0
    assert run("fmt", "--check", str(root)) == 0, "the tree is not canonical"
    t_validate = median_seconds(lambda: run("validate", str(root), "--no-cache"), repeat)
    t_fmt = median_seconds(lambda: run("fmt", "--check", str(root)), repeat)
    ratio = t_fmt / t_validate
    print(f"{name}: {len(collect([root]))} files")
    print(f"  cold validate      {ms(t_validate)}")
    print(f"  fmt --check        {ms(t_fmt)}   ratio fmt/validate = {ratio:5.2f}  (target ≤ 3)")
    if scale:  # slow: once, on the small tree
        t_full = median_seconds(lambda: full(root), 1, warmup=0)
        print(
            f"  full round trip    {ms(t_full)}   ratio full/validate = {t_full / t_validate:5.1f}"
        )
    return ratio


def main() -> int:
    repeat = int(os.environ.get("BENCH_REPEAT", "5"))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CATALOGKIT_CACHE_DIR"] = str(Path(tmp) / "cache")
        demo = Path(tmp) / "demo"
        shutil.copytree(DEMO, demo)
        county = Path(tmp) / "county"
        generate_tree(county, towns=4, villages_per_town=3, matters=400, seed=1)
        measure("demo county", demo, repeat, scale=True)
        measure("400-matter county", county, repeat, scale=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
