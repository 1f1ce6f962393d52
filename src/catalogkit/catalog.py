"""The one door into a catalog, and checking a tree behind it.

`Catalog.open` finds the tree's root once, loads the plugins of that tree, checks it,
and holds what came out; every command and the server's reloads come in through it.
The happy path reads with the fast parser and never builds round-trip trees; only
a run that found problems re-reads the files concerned to give line and column.
This module imports the checking machinery when a catalog is opened, so that
importing it (and `--help`) stays quick."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import CatalogError, Diagnostic
from .load.collector import collector_paused
from .load.opening import read_input
from .load.tree import SETTINGS_FILE, catalog_files, tree_root
from .version import __version__

if TYPE_CHECKING:
    from .engine import Engine
    from .load.one_document import LoadedFile
    from .load.recover import Recovered
    from .plugins import Plugins
    from .quarantine import Quarantined
    from .resolve import Bundle

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
    quarantined: list[Quarantined] = field(default_factory=list)
    # a remembered verdict (load/verdict.py) has no bundle: its drafts and revision
    recalled: tuple[list[str], str | None] | None = None

    @property
    def revision(self) -> str | None:
        """The revision of the bundle built, None when nothing was built."""
        if self.recalled is not None:
            return self.recalled[1]
        return self.bundle.revision if self.bundle else None

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    @property
    def drafts(self) -> list[str]:
        """Codes of the matters still marked `publication: draft`."""
        if self.recalled is not None:
            return self.recalled[0]
        if self.bundle is None:
            return []
        matters = self.bundle.matters
        return [c for c, e in matters.items() if e.matter.publication == "draft"]


def read_inputs(root: Path) -> list[tuple[str, bytes, str]]:
    """Each file as (name relative to the tree, bytes, content digest)."""
    out = []
    inside = root if root.is_dir() else None  # a symbolic link must stay inside the tree
    for path in catalog_files(root):
        name = path.relative_to(root).as_posix() if path != root else path.name
        raw = read_input(path, name, root=inside)
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
    today: dt.date | None = None,
    quarantine: bool = False,
) -> Report:
    """Check a catalog tree and report every problem, located in its file: the report
    of `Catalog.open` with these plugins (none by default)."""
    return Catalog.open(
        path,
        plugins=plugins,
        progress=progress,
        cache=cache,
        pinned=pinned,
        today=today,
        quarantine=quarantine,
    ).report


def _check(
    target: Path,
    root: Path,
    progress: Progress | None,
    cache: bool,
    plugins: Plugins | None,
    pinned: bool,
    today: dt.date | None,
    quarantine: bool,
    plugin_checks: bool = True,
) -> Report:
    from .load import cache as compiled
    from .load import parallel  # by module: a test sets the number of workers there
    from .load.locate import locate_all
    from .quarantine import Quarantine, first_pass, resolve_around
    from .resolve import declared_codes, resolve

    started = time.perf_counter()
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
            report.diagnostics = list(cached.warnings)  # located when the bundle was built
            _calendar_checks(report, today)
            _plugin_checks(report, plugins if plugin_checks else None, quarantine)
            report.seconds = time.perf_counter() - started
            return report
    loaded = parallel.read_documents(inputs, progress, workers=parallel.workers_for(inputs))
    declared: set[str] = set()
    for one in loaded:
        if one.document is None and one.data is not None:
            declared |= declared_codes(one.data)
    documents: list[tuple[object, str]] = [
        (one.document, one.file) for one in loaded if one.document is not None
    ]
    repaired = {one.file: one.recovered for one in loaded if one.recovered is not None}
    documents += [(r.document, file) for file, r in repaired.items()]
    files = tuple((one.file, one.digest) for one in loaded)
    bundle: Bundle | None = None
    problems: list[Diagnostic] = []
    unreadable = any(one.document is None and one.data is None for one in loaded)
    if not single and not unreadable:  # cross-file checks need every file's codes
        bundle, problems = resolve(documents, declared, str(root), revision, files)
        problems = beyond_repairs(problems, repaired)
        if repaired:  # a repaired document only finds more errors: it is never built
            clean = [(document, file) for document, file in documents if file not in repaired]
            bundle, _ = resolve(clean, declared, str(root), revision, files)
    erroneous = any(one.diagnostics for one in loaded) or any(
        d.severity == "error" for d in problems
    )
    q: Quarantine | None = None
    if quarantine and not single and not unreadable and erroneous:
        # what is reported stays what the whole tree shows; setting items aside only
        # decides what can still be built (its follow-on errors are the reasons)
        _plain_readings(root, loaded)
        q = Quarantine(loaded)
        first_pass(q)
        if not any(one.document is None and one.data is not None for one in loaded):

            def again() -> tuple[Bundle | None, list[Diagnostic]]:
                now = [(one.document, one.file) for one in loaded if one.document is not None]
                return resolve(now, set(), str(root), revision, files)

            bundle, _ = resolve_around(q, again)
    diagnostics = _unique([d for one in loaded for d in one.diagnostics] + problems)
    if diagnostics:
        diagnostics = locate_all(root, diagnostics)
        diagnostics.sort(key=lambda d: (d.file, d.line or 0, d.column or 0, d.rule))
    if q is not None and bundle is not None and q.items:
        report.quarantined = q.items
        bundle = replace(bundle, quarantined=tuple(q.items))
    elif any(d.severity == "error" for d in diagnostics):
        bundle = None
    if bundle is not None and diagnostics:  # the cache gives warnings back as located
        bundle = replace(bundle, warnings=tuple(diagnostics))
    report.diagnostics = diagnostics
    report.bundle = bundle
    stored = cache and bundle is not None and not single and not report.quarantined
    if stored:
        compiled.store(root, revision, bundle)
    _calendar_checks(report, today)
    _plugin_checks(report, plugins if plugin_checks else None, quarantine)
    if stored and report.bundle is bundle and bundle is not None:
        from .search.store import cache_index  # the server's index is part of the cache

        report.bundle = cache_index(bundle)
    report.seconds = time.perf_counter() - started
    return report


def _plain_readings(root: Path, loaded: list[LoadedFile]) -> None:
    """A quarantine sets items aside by editing a file's plain reading, which a load
    drops once the file's document is valid: read those files again (only a tree with
    errors comes here)."""
    from .load.one_document import read_document

    for one in loaded:
        if one.data is None and one.document is not None:
            raw = read_input(root / one.file, one.file, root=root)
            one.data = read_document(one.file, raw, one.digest).data


def _calendar_checks(report: Report, today: dt.date | None) -> None:
    """Whether next year's calendar is due depends on the date, not on the files: checked
    on every load, never cached."""
    if report.bundle is None:
        return
    from .load.locate import locate_all
    from .pinned_today import today as system_today
    from .resolve.horizon import next_year_missing

    found = next_year_missing(
        report.bundle.calendars, report.root, report.files, today or system_today()
    )
    if found:
        report.diagnostics += locate_all(report.root, found)


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


def _plugin_checks(
    report: Report, plugins: Plugins | None, quarantine: bool = False, *, locate: bool = True
) -> None:
    """Plugins and the province profile are not part of the bundle (nor of its cache):
    check them on every load."""
    if report.bundle is None:
        return
    from .load.locate import locate_all
    from .profile import check_profile
    from .quarantine import without_matters

    found = check_profile(report.root, report.bundle) if locate else []
    if found:
        report.diagnostics += locate_all(report.root, found)
        if not quarantine:
            report.bundle = None
            return
        report.bundle = without_matters(report.bundle, found, report.quarantined)
    if plugins is None:
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


def beyond_repairs(problems: list[Diagnostic], repaired: dict[str, Recovered]) -> list[Diagnostic]:
    """Findings in repaired documents, placed in their files; none about a repair."""
    out = []
    for d in problems:
        r = repaired.get(d.file)
        if r is not None:
            path = r.in_file(d.path)
            if r.covers(path):
                continue
            d = replace(d, path=path)
        out.append(d)
    return out


def _unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for d in diagnostics:
        key = (d.file, d.path, d.rule, d.en)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


@dataclass(frozen=True)
class PluginChoice:
    """Which plugins a catalog is opened with: the installed ones (entry points; with
    `autoload` None, unless CATALOGKIT_DISABLE_PLUGIN_AUTOLOAD=1), the tree's
    `plugins/` folder, more `folders` and module `names`, less the `blocked` ones.
    Loaded by the door once it knows the tree's root."""

    folders: tuple[Path, ...] = ()
    names: tuple[str, ...] = ()
    blocked: tuple[str, ...] = ()
    autoload: bool | None = None

    def load(self, tree: Path | None) -> Plugins:
        from .plugins import Plugins

        return Plugins.load(
            tree=tree,
            folders=self.folders,
            names=self.names,
            blocked=self.blocked,
            autoload=self.autoload,
        )


@dataclass(eq=False)
class Catalog:
    """A catalog tree opened once: its root, the plugins of the run, the report of its
    check, its bundle (None when it has errors) and the engine over it, built when
    first asked for. The one way in for commands, the server and embedding code."""

    root: Path
    report: Report
    plugins: Plugins | None = None
    _engine: Engine | None = field(default=None, init=False, repr=False)

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        plugins: Plugins | PluginChoice | None = PluginChoice(),
        cache: bool = False,
        progress: Progress | None = None,
        pinned: bool = False,
        today: dt.date | None = None,
        quarantine: bool = False,
        plugin_checks: bool = True,
    ) -> Catalog:
        """Open the tree `path` belongs to (a file, the root, or any folder below it).

        `plugins`: a `PluginChoice` is loaded here, with the tree's `plugins/` folder
        (default: installed plugins and that folder); loaded `Plugins` are taken as
        they are; None checks without plugins. With `pinned`, `path` is the tree's
        root, taken as it is: a server reloading a tree that has just been deleted
        must not fall back to the parent folder. `today` (default: $CATALOGKIT_TODAY,
        then the system date) decides whether next year's calendar is already due.
        With `quarantine`, a matter, venue, department or claim with errors is set
        aside and the rest is built (the errors are still reported); without it, any
        error means no bundle (all or nothing, for CI). Without `plugin_checks`, the
        plugins are loaded but the tree's uses of them are not checked.
        Raises PluginError when a plugin cannot be loaded."""
        target = Path(path)
        root = target if pinned else cls.root_of(target)
        loaded = plugins.load(root) if isinstance(plugins, PluginChoice) else plugins
        with collector_paused():
            report = _check(
                target, root, progress, cache, loaded, pinned, today, quarantine, plugin_checks
            )
        return cls(report.root, report, loaded)

    @classmethod
    def open_built(
        cls, path: Path | str, *, plugins: Plugins | PluginChoice | None = PluginChoice()
    ) -> Catalog:
        """A bundle written by `catalogkit build`, without its tree: the plugins come
        from the installed ones and the folders and names chosen, never a tree's folder.
        Raises UsageError when the file cannot be served."""
        loaded = plugins.load(None) if isinstance(plugins, PluginChoice) else plugins
        report = check_artifact(path, plugins=loaded)
        return cls(report.root, report, loaded)

    @staticmethod
    def root_of(path: Path) -> Path:
        """The root of the tree `path` belongs to: the nearest folder with
        catalogkit.yaml, else the folder itself (for a command that writes into a tree
        without checking it first)."""
        return tree_root(path)

    @property
    def bundle(self) -> Bundle | None:
        return self.report.bundle

    @property
    def engine(self) -> Engine:
        """The engine over the bundle; raises CatalogError when the tree has errors."""
        if self._engine is None:
            if self.report.bundle is None:
                raise CatalogError(self.report.errors or self.report.diagnostics)
            from .engine import Engine
            from .plugins import Plugins

            plugins = self.plugins if self.plugins is not None else Plugins()
            self._engine = Engine(self.report.bundle, plugins)
        return self._engine
