"""Edits settle before they load: a reload waits until no catalog file has changed
(size and modification time) for a quiet period, so that a file saved in several
writes is not read between two of them. A writer that pauses longer than the quiet
period can still be read half-way (docs/http-api.md says so)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from ..load.tree import catalog_files

Stamps = dict[str, tuple[int, int] | None]


def stamps(root: Path) -> Stamps:
    """Size and modification time (ns) of every catalog file; None where stat fails."""
    out: Stamps = {}
    for path in catalog_files(root):
        try:
            st = os.stat(path)
        except OSError:
            out[str(path)] = None
            continue
        out[str(path)] = (st.st_size, st.st_mtime_ns)
    return out


def _newest(seen: Stamps) -> float:
    return max((s[1] / 1e9 for s in seen.values() if s is not None), default=0.0)


def wait_until_settled(root: Path, quiet: float, until: float) -> bool:
    """True once the files have been unchanged for `quiet` seconds (at once if the newest
    was written that long ago); False if that cannot happen before `until` (monotonic)."""
    if quiet <= 0:
        return True
    before = stamps(root)
    while True:
        age = time.time() - _newest(before)
        if age >= quiet:
            return True
        wait = quiet - age if age >= 0 else quiet  # a time stamp in the future: watch it
        if time.monotonic() + wait > until:
            return False
        time.sleep(wait)
        after = stamps(root)
        if after == before:
            return True
        before = after
