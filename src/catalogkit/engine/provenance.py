"""Which YAML rule (file and path) or plugin produced each part of an answer, and
file:line for people, found only when asked."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import YamlPath, format_path
from ..load.located import EVERYWHERE, Marks, vet
from ..load.opening import read_input
from ..load.source import SourceText, decode
from ..resolve.sources import Source


@dataclass(frozen=True)
class TraceEntry:
    """One part of an answer and where it came from: `source` is a YAML place or
    `plugin <name> <version>`."""

    part: str
    detail: str
    source: str
    file: str | None = None
    path: YamlPath = ()

    @classmethod
    def of_rule(cls, part: str, detail: str, where: Source) -> TraceEntry:
        return cls(part, detail, f"{where.file} {format_path(where.path)}", where.file, where.path)

    @classmethod
    def of_plugin(cls, part: str, detail: str, name: str, version: str) -> TraceEntry:
        return cls(part, detail, f"plugin {name} {version}")


def with_lines(
    root: str, trace: tuple[TraceEntry, ...], digests: Mapping[str, str] | None = None
) -> tuple[TraceEntry, ...]:
    """The trace with `file:line:col` for every YAML source (reads each file once).
    With `digests` (file → content digest of the version the answer came from), a file
    that has changed on disk since gets no line: its lines would point elsewhere."""
    out = []
    for entry in trace:
        if entry.file is None:
            out.append(entry)
            continue
        found = _position(root, entry.file, entry.path)
        if found is None or (digests is not None and digests.get(entry.file) != found[2]):
            out.append(entry)
            continue
        line, col, _digest = found
        out.append(
            TraceEntry(
                entry.part,
                entry.detail,
                f"{entry.file}:{line}:{col} {format_path(entry.path)}",
                entry.file,
                entry.path,
            )
        )
    return tuple(out)


def _position(root: str, file: str, path: YamlPath) -> tuple[int, int, str] | None:
    try:
        changed = (Path(root) / file).stat().st_mtime_ns
    except OSError:
        return None
    found = _marks(root, file, changed)
    if found is None:
        return None
    marks, digest = found
    return (*marks.locate(path), digest)


@lru_cache(maxsize=64)
def _marks(root: str, file: str, changed: int) -> tuple[Marks, str] | None:
    """Positions in one version of a file, with its digest (`changed` is its mtime: an
    edited file is read again in a long-running process)."""
    try:
        raw = read_input(Path(root) / file, file)
    except OSError:
        return None
    source = decode(file, raw)
    if not isinstance(source, SourceText):
        return None
    marks = vet(file, source.text, EVERYWHERE)
    if not isinstance(marks, Marks):
        return None
    return marks, hashlib.blake2b(raw, digest_size=16).hexdigest()
