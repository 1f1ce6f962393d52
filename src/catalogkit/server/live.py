"""The bundle being served, and reloading it without ever serving a broken one.

A request takes `LiveBundle.current` once and answers from that snapshot only, so
no answer mixes two revisions; a reload builds a whole new snapshot aside and swaps
one reference. A reload that fails keeps the last good snapshot and records why,
as OPA does with bundles."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..catalog import check_catalog
from ..engine import Engine
from ..errors import CatalogError, CatalogkitError, Diagnostic, format_path
from ..load.tree import tree_root
from ..plugins import Plugins
from .snapshot import Snapshot

log = logging.getLogger("catalogkit.server")


@dataclass(frozen=True)
class ReloadStatus:
    """How the last reload went: `ok`, `failed` (the last good bundle stays), or `none`."""

    status: str = "none"
    at: dt.datetime | None = None
    trigger: str | None = None
    revision: str | None = None  # the revision that was attempted
    seconds: float = 0.0
    errors: tuple[Diagnostic, ...] = ()
    message: str | None = None


@dataclass
class LiveBundle:
    """What is served and how the last reload went, swapped together as one reference
    (`state`) so that no reader sees the new revision with the old status."""

    root: Path
    plugins: Plugins
    cache: bool = True
    state: tuple[Snapshot, ReloadStatus] = field(init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def current(self) -> Snapshot:
        return self.state[0]

    @property
    def last_reload(self) -> ReloadStatus:
        return self.state[1]

    @classmethod
    def open(cls, catalog: Path, plugins: Plugins, *, cache: bool = True) -> LiveBundle:
        """The first snapshot must be good: raises CatalogError (or UsageError) if not."""
        live = cls(tree_root(catalog), plugins, cache)
        snapshot, problems = live._build()
        if snapshot is None:
            raise CatalogError(problems)
        live.state = (snapshot, ReloadStatus())
        return live

    def reload(self, trigger: str = "manual") -> ReloadStatus:
        """Build a new snapshot; swap it in if good. One reload at a time."""
        with self._lock:
            started = time.perf_counter()
            try:
                snapshot, problems = self._build()
            except Exception as exc:  # a plugin that crashes while checking its config
                log.exception("reload failed")
                snapshot, problems = None, [_internal(exc)]
            seconds = time.perf_counter() - started
            now = dt.datetime.now(dt.UTC)
            kept = self.current
            if snapshot is None:
                failed = ReloadStatus(
                    "failed",
                    now,
                    trigger,
                    None,
                    seconds,
                    tuple(problems),
                    f"kept revision {kept.revision}",
                )
                self.state = (kept, failed)
                log.warning(
                    "reload (%s) failed with %d problem(s); still serving revision %s",
                    trigger,
                    len(problems),
                    kept.revision,
                )
                for d in problems:
                    log.warning("  %s", diagnostic_line(d))
                return failed
            done = ReloadStatus("ok", now, trigger, snapshot.revision, seconds)
            was_failing = self.last_reload.status == "failed"
            self.state = (snapshot, done)  # one reference: requests see the old or the new
            if kept.revision != snapshot.revision:
                log.info("now serving revision %s (was %s)", snapshot.revision, kept.revision)
            elif was_failing:
                log.info("the catalog is valid again; serving revision %s", kept.revision)
            return done

    def _build(self) -> tuple[Snapshot | None, list[Diagnostic]]:
        started = time.perf_counter()
        report = check_catalog(self.root, cache=self.cache, plugins=self.plugins)
        if report.bundle is None:
            return None, report.errors
        try:
            engine = Engine(report.bundle, self.plugins)
        except CatalogkitError as exc:
            return None, [_internal(exc)]
        seconds = time.perf_counter() - started
        now = dt.datetime.now(dt.UTC)
        return Snapshot(engine, now, seconds, report.from_cache), []


def _internal(exc: Exception) -> Diagnostic:
    text = str(exc) or type(exc).__name__
    return Diagnostic("load-failed", text, text, "")


def diagnostic_line(d: Diagnostic) -> str:
    where = d.file or "-"
    if d.line is not None:
        where += f":{d.line}:{d.column}"
    path = f" {format_path(d.path)}:" if d.path else ""
    return f"{where}: {d.severity} [{d.rule}]{path} {d.en}"
