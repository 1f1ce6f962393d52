"""Filling in line and column for diagnostics, only when there are some."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from ..errors import Diagnostic
from .located import LocatedDocument, locate, read_located
from .source import SourceText, decode

_KEY_RULES = {"unknown-key"}


def locate_all(root: Path, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    by_file: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(diagnostics):
        if d.line is None:
            by_file[d.file].append(i)
    out = list(diagnostics)
    for file, positions in by_file.items():
        doc = _read(root / file, file)
        for i in positions:
            d = out[i]
            if doc is None:
                out[i] = replace(d, line=1, column=1)
            else:
                line, col = locate(doc.tree, d.path, key=d.rule in _KEY_RULES)
                out[i] = d.located(line, col)
    return out


def _read(path: Path, file: str) -> LocatedDocument | None:
    try:
        source = decode(file, path.read_bytes())
    except OSError:
        return None
    if not isinstance(source, SourceText):
        return None
    doc = read_located(file, source.text)
    return doc if isinstance(doc, LocatedDocument) else None
