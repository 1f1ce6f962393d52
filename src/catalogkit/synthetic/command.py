"""`python -m catalogkit.synthetic OUTDIR [--counties N] [--towns N] …`: write a tree
and say how large it is."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .county_tree import generate_tree
from .province_tree import generate_province


def size_of(paths: list[Path]) -> int:
    return sum(p.stat().st_size for p in paths)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m catalogkit.synthetic",
        description="Write a synthetic catalog tree (invented content) for tests and benchmarks.",
    )
    parser.add_argument("outdir", type=Path, help="folder to write (empty, new or synthetic)")
    parser.add_argument("--towns", type=int, default=4, help="number of towns (default 4)")
    parser.add_argument("--villages", type=int, default=3, help="villages per town (default 3)")
    parser.add_argument(
        "--matters", type=int, default=400, help="matters defined by the county (default 400)"
    )
    parser.add_argument(
        "--departments", type=int, default=10, help="county departments (default 10)"
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--counties",
        type=int,
        default=None,
        help="write a province of this many counties, each with these towns, villages "
        "and matters, under counties/<code>/ (default: one county, as before)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    sizes = {
        "towns": args.towns,
        "villages_per_town": args.villages,
        "matters": args.matters,
        "departments": args.departments,
        "seed": args.seed,
    }
    try:
        if args.counties is None:
            generate_tree(args.outdir, **sizes)
        else:
            generate_province(args.outdir, counties=args.counties, **sizes)
    except (ValueError, FileExistsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - started
    root: Path = args.outdir
    files = sorted(root.rglob("*.yaml"))
    print(
        f"wrote {len(files)} files, {size_of(files) / 1024:,.1f} KiB, to {root} in {seconds:.2f} s"
    )
    if args.counties is not None:
        n = args.counties
        print(
            f"  counties/: {n} counties, {n * args.towns} towns, "
            f"{n * args.towns * args.villages} villages, {n * args.matters} matters"
        )
    else:
        matters_file = root / "county" / "matters.yaml"
        towns_files = sorted((root / "towns").glob("*.yaml"))
        print(
            f"  county/matters.yaml: {args.matters} matters, "
            f"{matters_file.stat().st_size / 1024:,.1f} KiB"
        )
        print(
            f"  towns/: {len(towns_files)} files, {args.towns * args.villages} villages, "
            f"{size_of(towns_files) / 1024:,.1f} KiB"
        )
    from ..load.source import MAX_FILE_BYTES

    for path in files:
        if path.stat().st_size > MAX_FILE_BYTES:
            print(
                f"warning: {path} is larger than the {MAX_FILE_BYTES:,} bytes a catalog file "
                "may have; the tree will not load (use fewer matters)",
                file=sys.stderr,
            )
    return 0
