"""The bundle being served, and reloading it without ever serving a broken one.

A request takes `LiveBundle.current` once and answers from that snapshot only, so
no answer mixes two revisions; a reload builds a whole new snapshot aside and swaps
one reference. A reload that fails keeps the last good snapshot and records why,
as OPA does with bundles."""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..catalog import check_artifact, check_catalog
from ..engine import Engine
from ..errors import CatalogError, CatalogkitError, Diagnostic, format_path
from ..load.tree import SETTINGS_FILE, tree_root
from ..plugins import Plugins
from .snapshot import Snapshot

log = logging.getLogger("catalogkit.server")


@dataclass(frozen=True)
class ReloadStatus:
    """How the last reload went: `ok`, `failed` (the last good bundle stays), or `none`."""

    status: str = "none"
    at: dt.datetime | None = None
    trigger: str | None = None
    revision: str | None = None  # the revision served after an ok reload
    seconds: float = 0.0
    errors: tuple[Diagnostic, ...] = ()
    message: str | None = None


@dataclass
class LiveBundle:
    """What is served and how the last reload went, swapped together as one reference
    (`state`) so that no reader sees the new revision with the old status.

    `root` is found once, at the start: a reload never looks for it again, or a tree
    being replaced would be read from its parent folder."""

    root: Path
    plugins: Plugins
    cache: bool = True
    settings: bool = True  # the tree had catalogkit.yaml at the start: a reload needs it
    artifact: Path | None = None  # serving a built bundle: a reload reads this file again
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
        root = tree_root(catalog.absolute())
        live = cls(root, plugins, cache, (root / SETTINGS_FILE).is_file())
        try:
            snapshot, problems = live._build(None)
        except OSError as exc:  # a broken symbolic link, an unreadable file
            raise CatalogError([_internal(exc, root)]) from exc
        if snapshot is None:
            raise CatalogError(problems)
        live.state = (snapshot, ReloadStatus())
        return live

    @classmethod
    def open_artifact(cls, path: Path, plugins: Plugins) -> LiveBundle:
        """Serves a bundle built by `catalogkit build`, without its tree."""
        path = path.absolute()
        live = cls(path.parent, plugins, cache=False, settings=False, artifact=path)
        snapshot, problems = live._build(None)
        if snapshot is None:
            raise CatalogError(problems)
        live.state = (snapshot, ReloadStatus())
        return live

    def reload(self, trigger: str = "manual") -> ReloadStatus:
        """Build a new snapshot; swap it in if good. One reload at a time."""
        with self._lock:
            started = time.perf_counter()
            kept = self.current
            try:
                snapshot, problems = self._build(kept)
            except Exception as exc:  # an unreadable file, a plugin crashing on its config
                log.exception("reload failed")
                snapshot, problems = None, [_internal(exc, self.root)]
            seconds = time.perf_counter() - started
            now = dt.datetime.now(dt.UTC)
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

    def _build(self, kept: Snapshot | None) -> tuple[Snapshot | None, list[Diagnostic]]:
        """A snapshot of the tree as it is now; `kept` itself when its revision has not
        changed, so that a touched file does not throw away the answers computed."""
        started = time.perf_counter()
        if not self._present():
            return None, [_missing(self.settings)]
        if self.artifact is not None:
            try:
                report = check_artifact(self.artifact, plugins=self.plugins)
            except CatalogkitError as exc:  # not a bundle, another build's, unreadable
                return None, [_internal(exc, self.root)]
        else:
            report = check_catalog(self.root, cache=self.cache, plugins=self.plugins, pinned=True)
            if not report.files or (self.settings and SETTINGS_FILE not in report.files):
                return None, [_missing(self.settings)]  # deleted while being read
        if report.bundle is None:
            return None, report.errors
        if kept is not None and report.bundle.revision == kept.revision:
            return kept, []
        try:
            engine = Engine(report.bundle, self.plugins)
        except CatalogkitError as exc:
            log.error("the engine refused revision %s: %s", report.bundle.revision, exc)
            return None, [_internal(exc, self.root)]
        seconds = time.perf_counter() - started
        now = dt.datetime.now(dt.UTC)
        return Snapshot(engine, now, seconds, report.from_cache), []

    def _present(self) -> bool:
        if self.artifact is not None:
            return True  # reading it says what is wrong with it
        if self.settings:
            return (self.root / SETTINGS_FILE).is_file()
        return self.root.is_dir()


def _missing(settings: bool) -> Diagnostic:
    if settings:
        return Diagnostic(
            "tree-missing",
            "the catalog folder or its catalogkit.yaml is gone (deleted, moved, or being "
            "replaced); the last good revision stays in service until it is back",
            "目录文件夹或其中的 catalogkit.yaml 不存在（已删除、移动或正在替换），"
            "在其恢复之前继续使用上一个有效版本",
            SETTINGS_FILE,
        )
    return Diagnostic(
        "tree-missing",
        "the catalog folder is gone or has no catalog files; the last good revision "
        "stays in service until it is back",
        "目录文件夹不存在或其中没有目录文件，在其恢复之前继续使用上一个有效版本",
        "",
    )


_REASONS_ZH = {
    errno.ENOENT: "文件不存在（可能是失效的符号链接）",
    errno.EACCES: "没有读取权限",
    errno.EPERM: "没有读取权限",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ELOOP: "符号链接形成了循环",
}


def _internal(exc: Exception, root: Path) -> Diagnostic:
    """A failure outside the checks, told relative to the tree: `GET /v1/bundle` shows
    it to anyone, so no absolute path (the log has the whole text)."""
    if isinstance(exc, OSError) and exc.filename is not None:
        reason = exc.strerror or type(exc).__name__
        zh = _REASONS_ZH.get(exc.errno or 0, f"系统错误：{reason}")
        file = _relative(os.fsdecode(exc.filename), root)
        return Diagnostic(
            "file-unreadable", f"cannot read the file: {reason}", f"无法读取该文件：{zh}", file
        )
    text = (str(exc) or type(exc).__name__).replace(f"{root}{os.sep}", "").replace(str(root), ".")
    return Diagnostic("load-failed", f"loading failed: {text}", f"加载目录失败：{text}", "")


def _relative(name: str, root: Path) -> str:
    try:
        return Path(name).relative_to(root).as_posix()
    except ValueError:
        return Path(name).name  # outside the tree: its name only


def diagnostic_line(d: Diagnostic) -> str:
    where = d.file or "-"
    if d.line is not None:
        where += f":{d.line}:{d.column}"
    path = f" {format_path(d.path)}:" if d.path else ""
    return f"{where}: {d.severity} [{d.rule}]{path} {d.en}"
