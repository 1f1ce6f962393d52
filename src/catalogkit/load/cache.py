"""A compiled cache of bundles, keyed by the content hash of every input file.

Kept in the user's cache folder (never in the catalog tree), one file per tree,
written atomically; any change of any file changes the revision and misses."""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import mapped

_FORMAT = 3


def cache_dir() -> Path:
    configured = os.environ.get("CATALOGKIT_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "catalogkit"


def _slot(root: Path) -> Path:
    key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24]
    return cache_dir() / f"bundle-{key}.pickle"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of catalogkit's own source: a bundle pickled by other code is never read."""
    package = Path(__file__).resolve().parent.parent
    h = hashlib.blake2b(digest_size=12)
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _stamp(revision: str) -> str:
    return f"{_FORMAT}:{sys.version_info[:2]}:{code_fingerprint()}:{revision}"


def fetch(root: Path, revision: str) -> Any:
    """The cached bundle of this exact revision, or None."""
    if os.environ.get("CATALOGKIT_NO_CACHE"):
        return None
    wanted = _stamp(revision)
    try:
        with _slot(root).open("rb") as fh:
            return mapped.load(fh, 0, lambda stamp: stamp == wanted)
    except Exception:  # a missing, stale or unreadable cache is simply a miss
        return None


def store(root: Path, revision: str, bundle: Any) -> None:
    if os.environ.get("CATALOGKIT_NO_CACHE"):
        return
    slot = _slot(root)
    try:
        slot.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=slot.parent, prefix=".bundle-")
        with os.fdopen(fd, "wb") as fh:
            mapped.dump(fh, _stamp(revision), bundle)
        os.replace(tmp, slot)
    except OSError:
        return  # a read-only home must not break loading
