"""The search index in the compiled cache, beside the bundle: one file per tree,
stamped with the bundle's revision, catalogkit's code and the national lexicon,
so that any change to any of them builds it again. A load that compiles the bundle
into the cache builds the index and writes it too (`cache_index`), so that a server
started after `validate` builds nothing; a built artifact carries its index inside
(`Bundle.derived`), so that a replica serving it builds nothing."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from ..load.cache import cache_dir, code_fingerprint
from ..resolve import Bundle
from .effective_lexicon import national_digest
from .index import SearchIndex, build_index

DERIVED = "search"  # its key in Bundle.derived


def _slot(root: Path) -> Path:
    key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24]
    return cache_dir() / f"search-{key}.pickle"


def _stamp(revision: str) -> str:
    return f"search2:{sys.version_info[:2]}:{code_fingerprint()}:{national_digest()}:{revision}"


def load_index(bundle: Bundle, *, cache: bool = True) -> SearchIndex:
    """The bundle's index: the one it carries (an artifact), else the cached one, else
    built now (and kept for next time)."""
    stamp, carried = bundle.derived.get(DERIVED, (None, None))
    if stamp == _stamp(bundle.revision) and isinstance(carried, SearchIndex):
        return carried
    root = Path(bundle.root)
    use = cache and not os.environ.get("CATALOGKIT_NO_CACHE")
    if use:
        try:
            with _slot(root).open("rb") as fh:
                stamp, index = pickle.load(fh)
            if stamp == _stamp(bundle.revision) and isinstance(index, SearchIndex):
                return index
        except Exception:  # missing, stale or unreadable: build it
            pass
    index = build_index(bundle)
    if use:
        _store(root, bundle.revision, index)
    return index


def with_index(bundle: Bundle) -> Bundle:
    """The bundle carrying its search index, for writing as an artifact."""
    stamp, carried = bundle.derived.get(DERIVED, (None, None))
    if stamp == _stamp(bundle.revision) and isinstance(carried, SearchIndex):
        return bundle
    index = (_stamp(bundle.revision), build_index(bundle))
    return replace(bundle, derived={**bundle.derived, DERIVED: index})


def cache_index(bundle: Bundle) -> Bundle:
    """Builds the index of a bundle just compiled and keeps it in the compiled cache
    beside it, so that the next server started on the tree builds nothing; the bundle
    returned carries it, so that this process reads nothing either."""
    if os.environ.get("CATALOGKIT_NO_CACHE"):
        return bundle
    index = build_index(bundle)
    _store(Path(bundle.root), bundle.revision, index)
    return replace(bundle, derived={**bundle.derived, DERIVED: (_stamp(bundle.revision), index)})


def _store(root: Path, revision: str, index: SearchIndex) -> None:
    slot = _slot(root)
    try:
        slot.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=slot.parent, prefix=".search-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((_stamp(revision), index), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, slot)
    except OSError:
        return  # a read-only home must not break searching
