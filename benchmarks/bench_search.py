"""Search recall and speed.

Recall: the phrasing set (benchmarks/data/search-phrasings.yaml: a colloquial question,
a shortened name and an everyday word per matter, written by hand; pinyin, a
one-character homophone typo and a code derived from each) against the demo county,
and against the demo with every alias removed (real lists carry none). Recall@1/@3/@10
and the zero-result rate per kind; goal Recall@3 ≥ 95% overall and ≥ 90% per kind.

Province: a synthetic tree of 36,000 matters (catalogkit.synthetic, cut into files
of 2,000 matters). Its names are a hundred base names with variants (（新办）,
（第2分局）…), so a hit counts when its name starts with the base name asked for (an
exact matter for codes). Speed: p95 per query against a dict lookup of the exact
name in the same run (goal ≤ 20 ms); index build against the tree's cold load (goal
≤ 20%).

    .venv/bin/python benchmarks/bench_search.py [--matters 36000] [--skip-province]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ruamel.yaml import YAML

from catalogkit.catalog import check_catalog
from catalogkit.resolve import Bundle
from catalogkit.search import SearchIndex, build_index, run_query
from catalogkit.search.pinyin import romaniser, syllable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from _province import province  # noqa: E402

Query = tuple[str, str, Callable[[str, str], bool]]  # kind, text, is this hit relevant?
KINDS = ("colloquial", "short", "synonym", "pinyin", "typo", "code")


def homophone_typo(text: str, rng: random.Random) -> str | None:
    """`text` with one character (not the first) replaced by another of the same
    pinyin, as a pinyin keyboard's slip gives."""
    from catalogkit.search.pinyin import _table

    by_sound: dict[str, list[str]] = {}
    for ch, sound in _table().items():
        if "\u4e00" <= ch <= "\u9fff":
            by_sound.setdefault(sound, []).append(ch)
    spots = [i for i in range(1, len(text)) if syllable(text[i])]
    rng.shuffle(spots)
    for i in spots:
        others = [c for c in by_sound.get(syllable(text[i]) or "", []) if c != text[i]]
        if others:
            common = sorted(others)[:40]  # table order is roughly by frequency of use
            return text[:i] + rng.choice(common) + text[i + 1 :]
    return None


def demo_queries(bundle: Bundle) -> list[Query]:
    data = YAML(typ="safe").load((HERE / "data" / "search-phrasings.yaml").read_text("utf-8"))
    romanise = romaniser()
    rng = random.Random(17)
    out: list[Query] = []
    for n, (code, said) in enumerate(sorted(data.items())):

        def exact(hit: str, _text: str, code: str = code) -> bool:
            return hit == code

        for kind in ("colloquial", "short", "synonym"):
            out += [(kind, text, exact) for text in said[kind]]
        short = said["short"][0]
        full, initials = romanise(short)
        out.append(("pinyin", full if n % 2 == 0 else initials, exact))
        typo = homophone_typo(short, rng)
        if typo:
            out.append(("typo", typo, exact))
        codes = (code, bundle.implementation_code(code), code.lower())
        out.append(("code", codes[n % 3], exact))
    return out


def province_queries(bundle: Bundle) -> list[Query]:
    names = sorted({re.sub(r"（.*$", "", e.matter.name) for e in bundle.matters.values()})
    romanise = romaniser()
    rng = random.Random(36)
    out: list[Query] = []
    for n, base in enumerate(names):

        def starts(hit_name: str, _code: str, base: str = base) -> bool:
            return hit_name.startswith(base)

        out.append(("short", base, starts))
        full, initials = romanise(base)
        out.append(("pinyin", full if n % 2 == 0 else initials, starts))
        typo = homophone_typo(base, rng)
        if typo:
            out.append(("typo", typo, starts))
    for code in rng.sample(sorted(bundle.matters), 100):

        def same(_hit_name: str, hit: str, code: str = code) -> bool:
            return hit == code

        out.append(("code", rng.choice((code, bundle.implementation_code(code))), same))
    return out


def recall(
    index: SearchIndex, queries: list[Query], title: str, relevant_by_name: bool
) -> list[float]:
    rows: dict[str, list[int]] = {k: [] for k in KINDS}  # rank of the first relevant hit
    seconds: list[float] = []
    misses: list[str] = []
    for kind, text, relevant in queries:
        start = time.perf_counter()
        results = run_query(index, text, limit=10)
        seconds.append(time.perf_counter() - start)
        rank = next(
            (
                i
                for i, h in enumerate(results.hits, 1)
                if (relevant(h.name, h.code) if relevant_by_name else relevant(h.code, text))
            ),
            0,
        )
        rows[kind].append(rank)
        if not rank or rank > 3:
            misses.append(f"{kind}:{text}→{[h.name for h in results.hits[:3]]}")
    print(f"\n{title}: {len(queries)} queries")
    print(f"  {'kind':<11}{'n':>5}{'R@1':>8}{'R@3':>8}{'R@10':>8}{'zero':>8}")
    everything: list[int] = []
    for kind in KINDS:
        ranks = rows[kind]
        if ranks:
            everything += ranks
            print("  " + _row(kind, ranks))
    print("  " + _row("overall", everything))
    for miss in misses[:12]:
        print(f"    miss {miss}")
    return seconds


def _row(label: str, ranks: list[int]) -> str:
    def at(k: int) -> str:
        return f"{100 * sum(1 for r in ranks if 0 < r <= k) / len(ranks):7.1f}%"

    zero = f"{100 * sum(1 for r in ranks if r == 0) / len(ranks):7.1f}%"
    return f"{label:<11}{len(ranks):>5}{at(1)}{at(3)}{at(10)}{zero}"


def without_aliases(tree: Path) -> Path:
    out = Path(tempfile.mkdtemp(prefix="demo-no-aliases-")) / "tree"
    shutil.copytree(tree, out)
    for path in (out / "county" / "matters").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^    aliases: \[.*\]\n", "", text), encoding="utf-8")
    return out


def load(tree: Path) -> tuple[Bundle, float]:
    start = time.perf_counter()
    report = check_catalog(tree, cache=False)
    seconds = time.perf_counter() - start
    assert report.bundle is not None, report.errors[:3]
    return report.bundle, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--matters", type=int, default=36_000)
    parser.add_argument(
        "--province-dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "catalogkit-bench-province",
    )
    parser.add_argument("--skip-province", action="store_true")
    args = parser.parse_args()

    for title, tree in (
        ("demo county", ROOT / "catalogs"),
        ("demo county without aliases", without_aliases(ROOT / "catalogs")),
    ):
        bundle, _ = load(tree)
        index = build_index(bundle)
        recall(index, demo_queries(bundle), title, relevant_by_name=False)
    if args.skip_province:
        return

    root = province(args.province_dir, args.matters)
    bundle, cold = load(root)
    start = time.perf_counter()
    index = build_index(bundle)
    build = time.perf_counter() - start
    queries = province_queries(bundle)
    run_query(index, "预热")
    seconds = recall(index, queries, f"province ({len(bundle.matters):,} matters)", True)
    names = {e.matter.name: code for code, e in bundle.matters.items()}
    asked = [text for _, text, _ in queries]
    start = time.perf_counter()
    for _ in range(100):
        for text in asked:
            names.get(text)
    lookup = (time.perf_counter() - start) / (100 * len(asked))
    p95 = statistics.quantiles(seconds, n=20)[-1]
    print(
        f"\n  query p50 {statistics.median(seconds) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms "
        f"(goal ≤ 20 ms); dict lookup of the exact name {lookup * 1e6:.3f} µs; "
        f"p95 / lookup = {p95 / lookup:,.0f}"
    )
    print(
        f"  cold load {cold:.1f} s; index build {build:.1f} s = {100 * build / cold:.0f}% "
        f"of the cold load (goal ≤ 20%)"
    )


if __name__ == "__main__":
    main()
