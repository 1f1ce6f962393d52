"""Worker processes that do not outlive the server that started them.

On Linux a worker asks the kernel (prctl PR_SET_PDEATHSIG) for SIGTERM when its parent
dies, which uvicorn answers by shutting down gracefully and freeing the port; one
whose parent is already gone when it starts stops at once. A watcher thread in each
worker notices the parent's death too (elsewhere it is the only way), removes the
private folder (configuration and admin token) that the parent could not, and stops
the worker. (uvicorn ends a worker by re-raising SIGTERM, so `atexit` never runs.)"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import shutil
import signal
import sys
import threading
import time
from pathlib import Path

log = logging.getLogger("catalogkit.server")
PR_SET_PDEATHSIG = 1
PRIVATE_PREFIX = "catalogkit-serve-"


def die_with_parent(parent: int) -> None:
    """Be sent SIGTERM when `parent` dies; exit now if it has died already."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
                log.warning("workers will not stop with the server: prctl failed")
        except OSError:
            log.warning("workers will not stop with the server: no C library found")
    if os.getppid() != parent:  # the parent died before the request took effect
        os.kill(os.getpid(), signal.SIGTERM)


def sweep_orphans(folder: Path) -> list[Path]:
    """Remove the private folders of servers that are gone. Their workers remove them
    when they notice, but a worker that SIGTERM ends before its watcher looks cannot:
    the next server started here removes what such a death left (the folder's name
    holds its owner's pid; only this user's folders are touched)."""
    removed = []
    for private in folder.glob(f"{PRIVATE_PREFIX}*-*"):
        owner = private.name[len(PRIVATE_PREFIX) :].split("-", 1)[0]
        try:
            mine = private.is_dir() and private.lstat().st_uid == os.getuid()
        except OSError:
            continue
        if not (mine and owner.isdigit()) or _alive(int(owner)):
            continue
        shutil.rmtree(private, ignore_errors=True)
        removed.append(private)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def watch_parent(private: Path, parent: int, every: float = 0.05) -> threading.Thread:
    """Once `parent` is gone: remove `private` (the parent removes it otherwise) and stop."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        shutil.rmtree(private, ignore_errors=True)
        os.kill(os.getpid(), signal.SIGTERM)

    thread = threading.Thread(target=watch, name="catalogkit-parent-watch", daemon=True)
    thread.start()
    return thread
