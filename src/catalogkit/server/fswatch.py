"""The file system side of `watch` (the one place watchfiles is used): which paths
matter, which folder is at the root, and the reload signal by which the worker asked
over HTTP has its sibling workers reload too."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from watchfiles import Change, awatch

from ..load.tree import SKIP_DIRS, SUFFIXES
from .live import LiveBundle

log = logging.getLogger("catalogkit.server")
Identity = tuple[int, int]


def is_catalog_path(root: Path, path: str) -> bool:
    """A file `catalog_files` would read, or a folder it would walk: a folder deleted or
    moved away takes its YAML files with it, and tells only of itself."""
    try:
        parts = Path(path).relative_to(root).parts
    except ValueError:
        return False
    if not parts or any(p.startswith(".") for p in parts):
        return False
    if any(p in SKIP_DIRS for p in parts):
        return False
    if parts[-1].endswith(SUFFIXES):
        return True
    here = Path(path)  # gone: it was a folder unless its name says it was another file
    return here.is_dir() or (not here.exists() and not here.suffix)


def identity(root: Path) -> Identity | None:
    """Which folder is at `root` now (None: none)."""
    try:
        st = os.stat(root)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if os.path.isdir(root) else None


def changes(
    path: Path,
    wanted: Callable[[str], bool],
    halt: asyncio.Event,
    *,
    polling: bool,
    debounce_ms: int,
    quiet_ms: int | None = None,
) -> AsyncIterator[set[tuple[Change, str]]]:
    """Bursts of changes below `path` until `halt` is set, and with `quiet_ms` an empty
    one after that long without any. The watches are made at the first step, before
    the generator first gives way to the event loop."""
    return awatch(
        path,
        watch_filter=lambda _change, changed: wanted(changed),
        stop_event=halt,
        debounce=debounce_ms,
        step=50,
        rust_timeout=quiet_ms,
        yield_on_timeout=quiet_ms is not None,
        force_polling=polling,
        poll_delay_ms=200,
        recursive=True,
    )


async def reload(live: LiveBundle, trigger: str) -> None:
    await run_in_threadpool(live.reload, trigger)


async def pause(stop: asyncio.Event, seconds: float) -> None:
    """Sleep, unless the server stops first."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)


def send_reload_signal(signal: Path) -> None:
    """Tell every worker to reload: a new value, replaced in one step so none reads half."""
    fd, temp = tempfile.mkstemp(dir=signal.parent, prefix=".reload-")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(f"{os.getpid()} {time.time_ns()}\n")
    os.replace(temp, signal)


async def watch_signal(live: LiveBundle, stop: asyncio.Event, signal: Path) -> None:
    """Until `stop` is set, reload whenever a sibling worker rewrites `signal` (it lives in
    a private local folder: no polling needed, whatever the tree needs)."""
    target = str(signal)
    while not stop.is_set():
        try:
            async for _ in changes(
                signal.parent, lambda p: p == target, stop, polling=False, debounce_ms=50
            ):
                await reload(live, "http")
        except Exception:
            log.exception("watching the reload signal %s failed; trying again in 1 s", signal)
            await pause(stop, 1)
