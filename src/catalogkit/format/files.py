"""Files on disk: which ones a path stands for, their canonical text, and whether
a changed file may be written.

Formatting a file is always allowed to be computed; writing it needs the file to
validate first (the byte checks, then the catalog check of its tree, or the case
check for decision tests), because a formatter that quietly rewrites a broken file
makes the author's next look at the error harder. `--force` waives validation,
never the guard: a file whose data cannot be read, or would change, is not written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..catalog import Catalog, Report, check_catalog
from ..errors import Diagnostic
from ..load.locate import locate_all
from ..load.one_document import read_document
from ..load.opening import read_input, real_path
from ..load.source import decode
from ..load.tree import SETTINGS_FILE, catalog_files
from ..model import CASE_KINDS
from .canonical import is_canonical
from .guard import format_checked

WAIVABLE = {"byte-order-mark", "tab-indent"}
"""Byte checks `--force` may skip: the text can still be read (without the mark)."""


@dataclass
class Formatted:
    """One file: the text read, the canonical text (None when refused) and why not."""

    path: Path
    old: str
    new: str | None
    root: Path
    problems: list[Diagnostic] = field(default_factory=list)
    bytes_problem: Diagnostic | None = None
    raw: bytes = b""

    @property
    def changed(self) -> bool:
        return self.new is not None and self.new.encode("utf-8") != self.raw


def collect(paths: Iterable[Path]) -> list[Path]:
    """Files given, and for a folder its catalog files (as `validate` reads them)
    plus the cases and decision tests in the `tests/` folder of each tree in it (a
    folder with catalogkit.yaml; other `tests/` folders hold code and fixtures)."""
    out: dict[Path, Path] = {}
    for path in paths:
        found = catalog_files(path)
        for root in sorted({f.parent for f in found if f.name == SETTINGS_FILE}):
            if path.is_dir() and (root / "tests").is_dir():
                found += catalog_files(root / "tests")
        for file in found:
            out.setdefault(real_path(file), file)
    return list(out.values())


def format_file(path: Path) -> Formatted:
    """The canonical text of a file, computed and checked; nothing is written."""
    root, name = path.parent, path.name
    raw = read_input(path, name)
    source = decode(name, raw)
    if isinstance(source, Diagnostic) and source.rule not in WAIVABLE:
        return Formatted(path, "", None, root, [source], raw=raw)
    text = raw.decode("utf-8-sig") if isinstance(source, Diagnostic) else source.text
    if not isinstance(source, Diagnostic) and is_canonical(text):
        return Formatted(path, text, text, root, raw=raw)  # no round trip needed
    result = format_checked(name, text)
    if isinstance(result, Diagnostic):
        return Formatted(path, text, None, root, locate_all(root, [result]), raw=raw)
    bytes_problem = source if isinstance(source, Diagnostic) else None
    return Formatted(path, text, result, root, bytes_problem=bytes_problem, raw=raw)


class Validation:
    """The errors that keep a file from being written, each tree checked once."""

    def __init__(self) -> None:
        self._trees: dict[Path, Report] = {}
        self._members: dict[Path, set[Path]] = {}

    def errors(self, item: Formatted) -> tuple[Path, list[Diagnostic]]:
        """(root the diagnostics are relative to, the errors of this one file)."""
        if item.bytes_problem is not None:
            return item.root, [item.bytes_problem]
        path = real_path(item.path)
        root = Catalog.root_of(path)
        if (root / SETTINGS_FILE).is_file() and path in self._catalog(root):
            report = self._tree(root)
            mine = [d for d in report.errors if real_path(report.root / d.file) == path]
            return report.root, mine
        return item.root, _document_errors(item)

    def _catalog(self, root: Path) -> set[Path]:
        if root not in self._members:
            self._members[root] = {real_path(p) for p in catalog_files(root)}
        return self._members[root]

    def _tree(self, root: Path) -> Report:
        if root not in self._trees:
            self._trees[root] = check_catalog(root, cache=False)
        return self._trees[root]


def _document_errors(item: Formatted) -> list[Diagnostic]:
    """A file outside a tree's catalog: a case or decision tests (the case schema)
    or a lone catalog document, checked on its own."""
    digest = hashlib.blake2b(item.raw, digest_size=16).hexdigest()
    loaded = read_document(item.path.name, item.raw, digest)
    if loaded.data is not None and loaded.data.get("kind") in CASE_KINDS:
        loaded = read_document(item.path.name, item.raw, digest, CASE_KINDS)
    found = [d for d in loaded.diagnostics if d.severity == "error"]
    return locate_all(item.root, found) if found else []
