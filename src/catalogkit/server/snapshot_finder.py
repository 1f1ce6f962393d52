"""Finding matters for the API and the pages: the search room's Finder, made once per
snapshot, before the snapshot is served (so /v1/ready means search is ready too)."""

from __future__ import annotations

from ..engine import route
from ..resolve import Bundle
from ..search import Finder, load_index
from .snapshot import Snapshot

MAX_FOUND = 100_000


def finder_of(snap: Snapshot) -> Finder:
    """Made by LiveBundle before the snapshot is served; built here (without the
    cache) only for a snapshot made some other way."""
    found: Finder = snap.derived("finder", lambda: make_finder(snap.bundle, cache=False))
    return found


def index_of(snap: Snapshot) -> MatterIndex:
    """The snapshot's matter index (for the API's list and the pages' results alike)."""
    found: MatterIndex = snap.derived(
        "matter-index", lambda: MatterIndex(snap.bundle, finder_of(snap))
    )
    return found


def make_finder(bundle: Bundle, *, cache: bool = True) -> Finder:
    return Finder(bundle, load_index(bundle, cache=cache)).prepare()


class MatterIndex:
    """The codes a query finds, best first, and the level that decides a matter."""

    def __init__(self, bundle: Bundle, finder: Finder) -> None:
        self.bundle = bundle
        self.finder = finder

    def find(self, words: str) -> list[str]:
        return [h.code for h in self.finder.search(words, limit=MAX_FOUND).hits]

    def department(self, code: str, locality: str | None) -> str:
        """The implementing body: for a resident of `locality` when given, the one its
        claim names if any (as the guide's 实施主体), else the matter's department."""
        m = self.bundle.matters[code].matter
        if locality is None:
            return m.department
        return route(self.bundle, code, locality).decided_at.department or m.department

    def tier(self, code: str, locality: str | None) -> str:
        """The level that decides the matter: for a resident of `locality` when given,
        else the level of the locality that defines it."""
        if locality is None:
            return self.bundle.locality(self.bundle.matters[code].locality).level
        decided = route(self.bundle, code, locality).decided_at.locality
        return self.bundle.locality(decided).level
