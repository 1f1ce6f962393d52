"""Cold `validate` of a generated 400-matter county against its floor, and the
compiled cache's warm load against a cold one. Prints times and ratios.

    floor    = fastest YAML parse (yaml-rs) + pydantic model validation of the same files
    cold     = catalogkit's whole check (read, checks, resolve, bundle), no cache
    warm     = the same call answered by the compiled cache (files still read and hashed)
    naive    = ruamel.yaml round-trip load + model validation (the path we avoid)

Targets (issue: catalog format v1): cold / floor ≤ 3, cold / warm ≥ 20.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml_rs
from ruamel.yaml import YAML

from _timing import median_seconds, ms
from catalogkit import check_catalog
from catalogkit.load.tree import catalog_files
from catalogkit.model import KINDS
from catalogkit.synthetic import generate_tree


def floor(files: list[Path]) -> None:
    for path in files:
        data = yaml_rs.loads(path.read_text(encoding="utf-8"), parse_datetime=False)
        KINDS[data["kind"]].model_validate(data)


def naive(files: list[Path]) -> None:
    for path in files:
        data = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
        KINDS[data["kind"]].model_validate(data)


def main() -> int:
    repeat = int(os.environ.get("BENCH_REPEAT", "15"))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CATALOGKIT_CACHE_DIR"] = str(Path(tmp) / "cache")
        root = Path(tmp) / "county"
        generate_tree(root, towns=4, villages_per_town=3, matters=400, seed=1)
        files = catalog_files(root)
        matters = root / "county" / "matters.yaml"
        print(f"tree: {len(files)} files, county matters file {matters.stat().st_size:,} bytes")
        report = check_catalog(root, cache=False)
        assert report.bundle is not None, [d.en for d in report.errors[:3]]
        assert len(report.bundle.matters) == 400

        t_floor = median_seconds(lambda: floor(files), repeat)
        t_cold = median_seconds(lambda: check_catalog(root, cache=False), repeat)
        check_catalog(root, cache=True)
        t_warm = median_seconds(lambda: check_catalog(root, cache=True), repeat * 4)
        assert check_catalog(root, cache=True).from_cache
        t_naive = median_seconds(lambda: naive(files), 3, warmup=0)

    print(f"floor (yaml-rs + pydantic) {ms(t_floor)}")
    print(
        f"cold validate              {ms(t_cold)}   ratio cold/floor = {t_cold / t_floor:5.2f}"
        "  (target ≤ 3)"
    )
    print(
        f"warm (compiled cache)      {ms(t_warm)}   ratio cold/warm  = {t_cold / t_warm:5.1f}"
        "  (target ≥ 20)"
    )
    print(
        f"naive (ruamel rt + model)  {ms(t_naive)}   ratio naive/floor = {t_naive / t_floor:5.1f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
