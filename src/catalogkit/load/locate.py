"""Filling in line and column for diagnostics, only when there are some:
one event pass per file concerned, recording just the paths that were reported."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from ..errors import Diagnostic
from .located import Marks, scan
from .source import SourceText, decode

_KEY_RULES = {"unknown-key"}


def locate_all(root: Path, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    by_file: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(diagnostics):
        if d.line is None:
            by_file[d.file].append(i)
    out = list(diagnostics)
    for file, positions in by_file.items():
        marks = _marks(root / file, file, {out[i].path for i in positions})
        for i in positions:
            d = out[i]
            if marks is None:
                out[i] = replace(d, line=1, column=1)
            else:
                out[i] = d.located(*marks.locate(d.path, key=d.rule in _KEY_RULES))
    return out


def _marks(path: Path, file: str, wanted: set[tuple[str | int, ...]]) -> Marks | None:
    try:
        source = decode(file, path.read_bytes())
    except OSError:
        return None
    if not isinstance(source, SourceText):
        return None
    marks = scan(file, source.text, wanted, pure=False)  # libyaml: fast
    if not isinstance(marks, Marks):  # a YAML 1.1 corner libyaml reads differently
        marks = scan(file, source.text, wanted, pure=True)
    return marks if isinstance(marks, Marks) else None
