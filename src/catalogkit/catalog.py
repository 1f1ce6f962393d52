"""Loading a catalog tree: read every file, validate, resolve, locate problems.

The happy path reads with the fast parser and never builds round-trip trees; only
a run that found problems re-reads the files concerned to give line and column."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import CatalogError, Diagnostic
from .load.collector import collector_paused
from .load.locate import locate_all
from .load.parallel import read_documents, workers_for
from .load.tree import SETTINGS_FILE, catalog_files, tree_root
from .resolve import Bundle, declared_codes, resolve
from .version import __version__

if TYPE_CHECKING:
    from .plugins import Plugins

Progress = Callable[[int, int, int], None]


@dataclass
class Report:
    """What a check of a tree found; `bundle` is set when there is no error."""

    root: Path
    files: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    bundle: Bundle | None = None
    seconds: float = 0.0
    from_cache: bool = False

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]


def read_inputs(root: Path) -> list[tuple[str, bytes, str]]:
    """Each file as (name relative to the tree, bytes, content digest)."""
    out = []
    for path in catalog_files(root):
        raw = path.read_bytes()
        name = path.relative_to(root).as_posix() if path != root else path.name
        out.append((name, raw, hashlib.blake2b(raw, digest_size=16).hexdigest()))
    return out


def revision_of(inputs: list[tuple[str, bytes, str]]) -> str:
    h = hashlib.sha256(f"catalogkit {__version__}\n".encode())
    for name, _raw, digest in inputs:
        h.update(f"{name}\0{digest}\n".encode())
    return h.hexdigest()[:16]


def check_catalog(
    path: Path | str,
    *,
    progress: Progress | None = None,
    cache: bool = False,
    plugins: Plugins | None = None,
    pinned: bool = False,
) -> Report:
    """Check a catalog tree and report every problem, located in its file.

    With `pinned`, `path` is the tree's root, taken as it is: a server reloading a tree
    that has just been deleted must not fall back to the parent folder."""
    with collector_paused():
        return _check(Path(path), progress, cache, plugins, pinned)


def _check(
    target: Path, progress: Progress | None, cache: bool, plugins: Plugins | None, pinned: bool
) -> Report:
    from .load import cache as compiled

    started = time.perf_counter()
    root = target if pinned else tree_root(target)
    single = not pinned and target.is_file() and not (root / SETTINGS_FILE).is_file()
    if single:  # a lone file outside any tree: document checks only
        root = target.parent
    inputs = read_inputs(target if single else root)
    report = Report(root=root, files=[name for name, _, _ in inputs])
    revision = revision_of(inputs)
    if cache and not single:
        cached = compiled.fetch(root, revision)
        if cached is not None:
            report.bundle, report.from_cache = cached, True
            _plugin_checks(report, plugins)
            report.seconds = time.perf_counter() - started
            return report
    loaded = read_documents(inputs, progress, workers=workers_for(inputs))
    declared: set[str] = set()
    for one in loaded:
        if one.document is None and one.data is not None:
            declared |= declared_codes(one.data)
    documents = [(one.document, one.file) for one in loaded if one.document is not None]
    files = tuple((one.file, one.digest) for one in loaded)
    bundle: Bundle | None = None
    problems: list[Diagnostic] = []
    unreadable = any(one.document is None and one.data is None for one in loaded)
    if not single and not unreadable:  # cross-file checks need every file's codes
        bundle, problems = resolve(documents, declared, str(root), revision, files)
    diagnostics = _unique([d for one in loaded for d in one.diagnostics] + problems)
    if diagnostics:
        diagnostics = locate_all(root, diagnostics)
        diagnostics.sort(key=lambda d: (d.file, d.line or 0, d.column or 0, d.rule))
    if any(d.severity == "error" for d in diagnostics):
        bundle = None
    report.diagnostics = diagnostics
    report.bundle = bundle
    if cache and bundle is not None and not single:
        compiled.store(root, revision, bundle)
    _plugin_checks(report, plugins)
    report.seconds = time.perf_counter() - started
    return report


def check_artifact(path: Path | str, *, plugins: Plugins | None = None) -> Report:
    """A bundle built by `catalogkit build`, read without its tree, with the plugin
    checks a load of the tree would make (plugins are never part of a bundle).
    Raises UsageError when the file cannot be served."""
    from .load.artifact import read_artifact

    started = time.perf_counter()
    target = Path(path)
    with collector_paused():
        bundle = read_artifact(target)
    report = Report(root=target.parent, files=[f for f, _ in bundle.files], bundle=bundle)
    report.from_cache = True
    _plugin_checks(report, plugins, locate=False)  # the tree is not here to locate in
    report.seconds = time.perf_counter() - started
    return report


def _plugin_checks(report: Report, plugins: Plugins | None, *, locate: bool = True) -> None:
    """Plugins are not part of the bundle (nor of its cache): check them on every load."""
    if report.bundle is None or plugins is None:
        return
    from .plugins.checks import check_plugins

    found = check_plugins(report.bundle, plugins)
    if found:
        report.diagnostics += locate_all(report.root, found) if locate else found
        if any(d.severity == "error" for d in found):
            report.bundle = None


def load_catalog(path: Path | str, *, cache: bool = True, plugins: Plugins | None = None) -> Bundle:
    """The bundle of a catalog tree, or CatalogError with every problem found."""
    report = check_catalog(path, cache=cache, plugins=plugins)
    if report.bundle is None:
        raise CatalogError(report.diagnostics)
    return report.bundle


def _unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for d in diagnostics:
        key = (d.file, d.path, d.rule, d.en)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out
