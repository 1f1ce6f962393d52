"""Watching the catalog tree (watchfiles, kept behind this module) and reloading on
a change to any file the tree is made of."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from watchfiles import Change, awatch

from ..load.tree import SKIP_DIRS, SUFFIXES
from .live import LiveBundle

log = logging.getLogger("catalogkit.server")


def is_catalog_file(root: Path, path: str) -> bool:
    """What `catalog_files` would read: YAML outside hidden folders, tests and plugins."""
    try:
        parts = Path(path).relative_to(root).parts
    except ValueError:
        return False
    if not parts or not parts[-1].endswith(SUFFIXES) or parts[-1].startswith("."):
        return False
    return not any(p.startswith(".") or p in SKIP_DIRS for p in parts[:-1])


async def watch_and_reload(
    live: LiveBundle, stop: asyncio.Event, *, polling: bool = False, debounce_ms: int = 300
) -> None:
    """Until `stop` is set: after each burst of changes, one reload in a worker thread.
    If watching fails (the folder was replaced, say by a checkout), log it and watch
    again: serving goes on meanwhile."""
    while not stop.is_set():
        try:
            await _watch(live, stop, polling, debounce_ms)
        except Exception:
            log.exception("watching %s failed; trying again in 1 s", live.root)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=1)
            if not stop.is_set():
                await run_in_threadpool(live.reload, "watch")


async def _watch(live: LiveBundle, stop: asyncio.Event, polling: bool, debounce_ms: int) -> None:
    root = live.root.resolve()

    def wanted(_change: Change, path: str) -> bool:
        return is_catalog_file(root, path)

    async for changes in awatch(
        root,
        watch_filter=wanted,
        stop_event=stop,
        debounce=debounce_ms,
        step=50,
        force_polling=polling,
        poll_delay_ms=200,
        recursive=True,
    ):
        names = sorted({Path(p).name for _, p in changes})
        log.info("catalog changed (%s): reloading", ", ".join(names[:5]))
        await run_in_threadpool(live.reload, "watch")
