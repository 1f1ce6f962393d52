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

from ..catalog import Catalog, PluginChoice
from ..engine import Engine
from ..errors import CatalogError, CatalogkitError, Diagnostic, PluginError, format_path
from ..load.tree import SETTINGS_FILE
from ..plugins import Plugins
from .settle import wait_until_settled
from .snapshot import Snapshot
from .snapshot_finder import make_finder

log = logging.getLogger("catalogkit.server")
DEADLINE_SECONDS = 30.0


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
    being replaced would be read from its parent folder. A reload takes at most
    `deadline` seconds, and first waits for the files to be `quiet` seconds unchanged."""

    root: Path
    plugins: Plugins
    cache: bool = True
    settings: bool = True  # the tree had catalogkit.yaml at the start: a reload needs it
    deadline: float = DEADLINE_SECONDS
    quiet: float = 0.0
    artifact: Path | None = None  # serving a built bundle: a reload reads this file again
    state: tuple[Snapshot, ReloadStatus] = field(init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stuck: threading.Thread | None = None  # a build that missed its deadline, still running

    @property
    def current(self) -> Snapshot:
        return self.state[0]

    @property
    def last_reload(self) -> ReloadStatus:
        return self.state[1]

    @classmethod
    def open(
        cls,
        catalog: Path,
        plugins: Plugins | PluginChoice,
        *,
        cache: bool = True,
        deadline: float = DEADLINE_SECONDS,
        quiet: float = 0.0,
    ) -> LiveBundle:
        """The first snapshot must be good: raises CatalogError (or UsageError, or
        PluginError) if not. The door finds the root and loads the plugins; reloads
        reuse both."""
        catalog = catalog.absolute()
        try:
            door = Catalog.open(catalog, plugins=plugins, cache=cache, quarantine=True)
        except OSError as exc:  # a broken symbolic link, an unreadable file
            raise CatalogError([_internal(exc, Catalog.root_of(catalog))]) from exc
        root = door.root
        settings = (root / SETTINGS_FILE).is_file()
        live = cls(root, _loaded(door), cache, settings, deadline, quiet)
        snapshot, problems = live._build(None, door)
        if snapshot is None:
            raise CatalogError(problems)
        live.state = (snapshot, ReloadStatus())
        return live

    @classmethod
    def open_artifact(cls, path: Path, plugins: Plugins | PluginChoice) -> LiveBundle:
        """Serves a bundle built by `catalogkit build`, without its tree."""
        path = path.absolute()
        try:
            door = Catalog.open_built(path, plugins=plugins)
        except PluginError:
            raise
        except CatalogkitError as exc:  # not a bundle, another build's, unreadable
            raise CatalogError([_internal(exc, path.parent)]) from None
        live = cls(path.parent, _loaded(door), cache=False, settings=False, artifact=path)
        snapshot, problems = live._build(None, door)
        if snapshot is None:
            raise CatalogError(problems)
        live.state = (snapshot, ReloadStatus())
        return live

    def reload(self, trigger: str = "manual") -> ReloadStatus:
        """Build a new snapshot; swap it in if good. One reload at a time, and none takes
        longer than `deadline`: one that cannot finish is reported as failed."""
        until = time.monotonic() + self.deadline
        if not self._lock.acquire(timeout=self.deadline):
            return self._timed_out(
                trigger, "another reload is still running", "另一次重新加载仍在进行"
            )
        try:
            return self._reload(trigger, until)
        finally:
            self._lock.release()

    def _reload(self, trigger: str, until: float) -> ReloadStatus:
        started = time.perf_counter()
        kept = self.current
        if self._stuck is not None and self._stuck.is_alive():
            return self._timed_out(
                trigger, "an earlier reload has not finished yet", "前一次重新加载尚未结束"
            )
        result: list[tuple[Snapshot | None, list[Diagnostic]]] = []

        def build() -> None:
            try:
                if not wait_until_settled(self.root, self.quiet, until):
                    result.append((None, [_unsettled(self.quiet)]))
                    return
                result.append(self._build(kept))
            except Exception as exc:  # an unreadable tree, a plugin crashing on its config
                log.exception("reload failed")
                result.append((None, [_internal(exc, self.root)]))

        builder = threading.Thread(target=build, name="catalogkit-reload", daemon=True)
        builder.start()
        builder.join(max(0.0, until - time.monotonic()))
        if builder.is_alive():
            self._stuck = builder
            return self._timed_out(trigger, "it did not finish", "未能完成")
        snapshot, problems = result[0]
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
                "reload (%s) of %s failed with %d problem(s); still serving revision %s",
                trigger,
                self.root,
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

    def _timed_out(self, trigger: str, why: str, why_zh: str) -> ReloadStatus:
        kept = self.current
        d = Diagnostic(
            "reload-timeout",
            f"the reload was given up after {self.deadline:g} s: {why}; the last good "
            "revision stays in service",
            f"重新加载在 {self.deadline:g} 秒后放弃（{why_zh}）；继续使用上一个有效版本",
            "",
        )
        status = ReloadStatus(
            "failed",
            dt.datetime.now(dt.UTC),
            trigger,
            None,
            self.deadline,
            (d,),
            f"kept revision {kept.revision}",
        )
        self.state = (kept, status)
        log.error("reload (%s) given up after %g s: %s", trigger, self.deadline, why)
        return status

    def _build(
        self, kept: Snapshot | None, opened: Catalog | None = None
    ) -> tuple[Snapshot | None, list[Diagnostic]]:
        """A snapshot of the tree as it is now (or as `opened` by the door at the start);
        `kept` itself when its revision has not changed, so that a touched file does
        not throw away the answers computed."""
        started = time.perf_counter()
        if not self._present():
            return None, [_missing(self.settings)]
        if self.artifact is not None:
            try:
                door = opened or Catalog.open_built(self.artifact, plugins=self.plugins)
            except CatalogkitError as exc:  # not a bundle, another build's, unreadable
                return None, [_internal(exc, self.root)]
            report = door.report
        else:
            # with nothing served yet, a bad item is left out and the rest is served; once
            # a revision is served, it keeps serving every item until the tree is clean
            door = opened or Catalog.open(
                self.root,
                plugins=self.plugins,
                cache=self.cache,
                pinned=True,
                quarantine=kept is None,
            )
            report = door.report
            if not report.files or (self.settings and SETTINGS_FILE not in report.files):
                return None, [_missing(self.settings)]  # deleted while being read
        if report.bundle is None:
            return None, report.errors
        for q in report.quarantined:
            log.warning("quarantined (left out): %s", q.line("en"))
        if kept is not None and report.bundle.revision == kept.revision:
            return kept, []
        try:
            engine = Engine(report.bundle, self.plugins)
        except CatalogkitError as exc:
            log.error("the engine refused revision %s: %s", report.bundle.revision, exc)
            return None, [_internal(exc, self.root)]
        snapshot = Snapshot(engine, dt.datetime.now(dt.UTC), 0.0, report.from_cache)
        bundle = report.bundle
        snapshot.derived("finder", lambda: make_finder(bundle, cache=self.cache))
        snapshot.load_seconds = time.perf_counter() - started
        return snapshot, []

    def _present(self) -> bool:
        if self.artifact is not None:
            return True  # reading it says what is wrong with it
        if self.settings:
            return (self.root / SETTINGS_FILE).is_file()
        return self.root.is_dir()


def _loaded(door: Catalog) -> Plugins:
    return door.plugins if door.plugins is not None else Plugins()


def _unsettled(quiet: float) -> Diagnostic:
    return Diagnostic(
        "files-changing",
        f"the catalog files kept changing: none was {quiet:g} s unchanged before the "
        "reload's deadline; the last good revision stays in service",
        f"目录文件一直在变化，在重新加载的时限内没有等到 {quiet:g} 秒无改动；"
        "继续使用上一个有效版本",
        "",
    )


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
