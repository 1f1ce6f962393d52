"""Filling in line and column for diagnostics, only when there are some:
one event pass per file concerned, recording just the paths that were reported."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from ..errors import Diagnostic
from .located import Marks, vet
from .opening import read_input
from .source import SourceText, decode


def locate_all(root: Path, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    by_file: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(diagnostics):
        if d.line is None:
            by_file[d.file].append(i)
    out = list(diagnostics)
    for file, positions in by_file.items():
        text, marks = _marks(root / file, file, {out[i].path for i in positions})
        for i in positions:
            d = out[i]
            if marks is None:
                out[i] = replace(d, line=1, column=1)
                continue
            out[i] = _as_written(d, text, marks).located(*marks.locate(d.path, key=d.at_key))
    return out


def position(root: Path, file: str, path: tuple[str | int, ...]) -> tuple[int, int] | None:
    """Line and column of one YAML path, for a message that names another place."""
    _text, marks = _marks(root / file, file, {path})
    return None if marks is None else marks.locate(path)


def _as_written(d: Diagnostic, text: str, marks: Marks) -> Diagnostic:
    """Quote a wrongly typed value as the author wrote it: `01`, not the number 1."""
    span = marks.spans.get(d.path)
    if d.rule != "wrong-type" or d.hint is None or span is None or d.found is None:
        return d
    written = text[span[0] : span[1]]
    if written == d.found or "\n" in written:
        return d

    def fix(message: str) -> str:
        return (
            message.replace(f"({d.found})", f"({written})")
            .replace(f"（{d.found}）", f"（{written}）")
            .replace(f'"{d.found}"', f'"{written}"')
        )

    return replace(d, en=fix(d.en), zh=fix(d.zh), hint=f'"{written}"', found=written)


def _marks(path: Path, file: str, wanted: set[tuple[str | int, ...]]) -> tuple[str, Marks | None]:
    try:
        source = decode(file, read_input(path, file))
    except OSError:
        return "", None
    if not isinstance(source, SourceText):
        return "", None
    marks = vet(file, source.text, wanted)
    return source.text, marks if isinstance(marks, Marks) else None
