"""Reloading on change: any file or folder the catalog tree is made of, the tree itself
being deleted or replaced, and the reload signal of sibling workers.

A watch follows a folder, not a path: after `rm -rf catalogs && mv staging catalogs`
it would stay on the deleted folder. So the root's identity is checked every second
too, and watching starts again on whatever folder is there now."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .fswatch import Identity, changes, identity, is_catalog_path, pause, reload, watch_signal
from .live import LiveBundle

log = logging.getLogger("catalogkit.server")
CHECK_SECONDS = 1.0
# Polling compares modification times to the second, so a change in the same second as
# the one it saw (or as its first scan) goes unseen: one more reload once all is quiet.
POLLING_QUIET_MS = 1100


def _ignore(_watching: bool) -> None:
    pass


async def watch_and_reload(
    live: LiveBundle,
    stop: asyncio.Event,
    *,
    tree: bool = True,
    signal: Path | None = None,
    polling: bool = False,
    debounce_ms: int = 300,
    on_watching: Callable[[bool], None] = _ignore,
    check_seconds: float = CHECK_SECONDS,
) -> None:
    """Until `stop` is set, reload in a worker thread after each burst of changes to the
    tree (if `tree`) and each signal (if `signal`). `on_watching` is told whether the
    tree is being watched right now. Serving goes on meanwhile."""
    async with asyncio.TaskGroup() as group:
        if tree:
            watch = _TreeWatch(live, stop, polling, debounce_ms, on_watching, check_seconds)
            group.create_task(watch.run())
        if signal is not None:
            group.create_task(watch_signal(live, stop, signal))


@dataclass
class _TreeWatch:
    live: LiveBundle
    stop: asyncio.Event
    polling: bool
    debounce_ms: int
    on_watching: Callable[[bool], None]
    every: float

    async def run(self) -> None:
        root, stop = self.live.root, self.stop
        seen, missed = identity(root), False
        try:
            while not stop.is_set():
                if seen is None:
                    log.warning("the catalog folder %s is gone; waiting for it", root)
                    await reload(self.live, "watch")  # fails, and says why in lastReload
                    while not stop.is_set() and (seen := identity(root)) is None:
                        await pause(stop, self.every)
                else:
                    try:
                        await self._watch(seen, missed)
                    except Exception:
                        log.exception("watching %s failed; trying again in %s s", root, self.every)
                        await pause(stop, self.every)
                    now = identity(root)
                    if now is not None and now != seen:
                        log.info("the catalog folder %s was replaced: watching the new one", root)
                    seen = now
                missed = True  # changes may have come while no watch was on
        finally:
            self.on_watching(False)

    async def _watch(self, seen: Identity, missed: bool) -> None:
        """Watch until the server stops or another folder (or none) is at the root; with
        `missed`, reload as soon as the watch is on."""
        folder = self.live.root.resolve()  # polling does not follow a symbolic link
        halt = asyncio.Event()
        guard = asyncio.create_task(self._guard(seen, halt))
        wanted = partial(is_catalog_path, folder)
        quiet = POLLING_QUIET_MS if self.polling else None
        bursts = changes(
            folder, wanted, halt, polling=self.polling, debounce_ms=self.debounce_ms, quiet_ms=quiet
        )
        catch_up, settle = None, self.polling
        try:
            # both take effect once the first step of `bursts` has made the watches
            self.on_watching(True)
            catch_up = asyncio.create_task(reload(self.live, "watch")) if missed else None
            async for burst in bursts:
                if not burst:  # quiet for a while (polling only)
                    if settle:
                        settle = False
                        await reload(self.live, "watch")
                    continue
                names = sorted({Path(p).name for _, p in burst})
                log.info("catalog changed (%s): reloading", ", ".join(names[:5]))
                await reload(self.live, "watch")
                settle = self.polling
        finally:
            self.on_watching(False)
            guard.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await guard
            if catch_up is not None:
                with contextlib.suppress(Exception):
                    await catch_up

    async def _guard(self, seen: Identity, halt: asyncio.Event) -> None:
        """Ends the watch when the server stops or the folder at the root is another."""
        while not self.stop.is_set() and identity(self.live.root) == seen:
            await pause(self.stop, self.every)
        halt.set()
