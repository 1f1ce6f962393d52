"""A province-size synthetic tree for the search benchmark: `catalogkit.synthetic`
writes all matters to one file, which is above the 8 MiB a catalog file may have
at this size, so the list is cut into files of at most `per_file` matters."""

from __future__ import annotations

from pathlib import Path

from catalogkit.synthetic import generate_tree

HEADER_END = "matters:\n"


def split_matters(root: Path, per_file: int = 2000) -> int:
    """Cut county/matters.yaml into county/matters-NN.yaml; the number of files."""
    source = root / "county" / "matters.yaml"
    text = source.read_text(encoding="utf-8")
    head, body = text.split(HEADER_END, 1)
    items = body.split("\n  - ")
    items = [items[0].removeprefix("  - "), *items[1:]]
    parts = [items[i : i + per_file] for i in range(0, len(items), per_file)]
    for n, part in enumerate(parts, 1):
        chunk = head + HEADER_END + "".join(f"  - {item.rstrip(chr(10))}\n" for item in part)
        (root / "county" / f"matters-{n:02d}.yaml").write_text(chunk, encoding="utf-8")
    source.unlink()
    return len(parts)


def province(root: Path, matters: int = 36_000) -> Path:
    """The tree at `root`, generated once (kept between runs: it takes a while)."""
    marker = root / ".complete"
    if marker.is_file() and marker.read_text() == str(matters):
        return root
    generate_tree(root, towns=60, villages_per_town=5, matters=matters, departments=40)
    split_matters(root)
    marker.write_text(str(matters))
    return root
