"""What reading files safely costs, against a floor measured in the same run.

    floor     = Path.read_bytes() of every catalog file of the demo county
    opener    = load.opening.read_input of the same files (stat, open without blocking,
                check it is the file looked at, bounded read)
    scan      = the fast path's depth scan (fastyaml._block_deep) over the same text,
                repeated 7 times (about 1.1 MB, the size of a 400-matter county)
    parse     = yaml-rs over that text, the work the scan guards

Each figure is the median of BENCH_REPEAT runs (default 30)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml_rs

from _timing import median_seconds, ms
from catalogkit.load.fastyaml import _block_deep
from catalogkit.load.opening import read_input
from catalogkit.load.tree import catalog_files

DEMO = Path(__file__).resolve().parents[1] / "catalogs"


def main() -> None:
    repeat = int(os.environ.get("BENCH_REPEAT", "30"))
    files = catalog_files(DEMO)
    floor = median_seconds(lambda: [p.read_bytes() for p in files], repeat)
    opener = median_seconds(lambda: [read_input(p, p.name, root=DEMO) for p in files], repeat)
    texts = [p.read_text(encoding="utf-8") for p in files] * 7
    scan = median_seconds(lambda: [_block_deep(t) for t in texts], repeat)
    parse = median_seconds(
        lambda: [yaml_rs.loads(t, parse_datetime=False) for t in texts], max(3, repeat // 10)
    )
    print(f"{len(files)} files, {sum(map(len, texts)):,} characters scanned")
    print(f"floor  read_bytes    {ms(floor)}")
    print(f"opener read_input    {ms(opener)}   {opener / floor:5.2f} × the floor")
    print(f"parse  yaml-rs       {ms(parse)}")
    print(f"scan   depth scan    {ms(scan)}   {scan / parse:5.3f} × the parse")


if __name__ == "__main__":
    main()
