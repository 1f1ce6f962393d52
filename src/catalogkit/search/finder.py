"""Search for a resident: hits limited to the matters offered where they live, each
with where they can do it, as the engine's route says."""

from __future__ import annotations

from ..engine import route
from ..errors import CatalogkitError
from ..resolve import Bundle
from .hits import Results
from .index import SearchIndex
from .query import run_query


class Finder:
    def __init__(self, bundle: Bundle, index: SearchIndex) -> None:
        self.bundle = bundle
        self.index = index

    def prepare(self) -> Finder:
        """Loads now what a first query would load (the pinyin table, the typo matcher,
        the index's lookups): a server does this before it says it is ready."""
        from .fuzzy import near
        from .pinyin import syllable

        syllable("办")
        near("办", [])
        self.index.prepare()
        return self

    def search(self, text: str, *, locality: str | None = None, limit: int = 20) -> Results:
        allowed = None if locality is None else set(self.bundle.chain(locality))
        results = run_query(self.index, text, allowed=allowed, limit=limit)
        if locality is not None:
            for hit in results.hits:
                hit.where = where(self.bundle, hit.code, locality)
        return results


def where(bundle: Bundle, code: str, locality: str) -> str | None:
    """Where a resident of `locality` first hands the matter in, in their words."""
    try:
        hops = route(bundle, code, locality).hops
    except CatalogkitError:
        return None
    first = hops[0]
    level = bundle.locality(first.locality).level
    near = {"village": "村里", "group": "村里"}.get(level)
    if near and first.role == "proxy":
        return f"{near}可代办（{first.venue_name or first.locality_name}）"
    if near:
        return f"{near}可办（{first.venue_name or first.locality_name}）"
    return first.venue_name or first.locality_name
