"""The cyclic garbage collector, paused while a tree loads.

A load allocates millions of objects (parsed YAML, models, the bundle) that almost
all survive it; each collection the allocations trigger walks all of them again for
nothing. Paused, a 10-county province loads in 1.4 s of CPU instead of 2.3 s.
Nested and concurrent loads (the server reloads in a worker thread) share one pause:
the collector runs again when the last of them ends, if it ran before the first."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
