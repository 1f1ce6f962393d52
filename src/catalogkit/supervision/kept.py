"""Boards of lights kept between requests: paging through 100,000 lights must not count
them all again for every page. They are kept per (county, venue, day, catalog revision) and the
ledger's newest event: any new event, a new day or a new catalog counts them afresh."""

from __future__ import annotations

import datetime as dt
import threading
import weakref

from sqlalchemy import text

from ..engine import Engine
from ..ledger import Ledger
from ..ledger.database import transaction
from . import board
from .board import Board

_KEPT = 8  # keys per ledger
_kept: weakref.WeakKeyDictionary[Ledger, dict[tuple[object, ...], Board]] = (
    weakref.WeakKeyDictionary()
)
_lock = threading.Lock()


def current_board(
    ledger: Ledger, engine: Engine, today: dt.date, *, county: str | None, venue: str | None
) -> Board:
    """The open cases' lights (red first), counted at most once per state of the ledger."""
    with transaction(ledger.db, write=False) as conn:
        newest = conn.execute(text("SELECT max(id) FROM events")).scalar()
    key = (county, venue, today, engine.bundle.revision, newest)
    with _lock:
        found = _kept.setdefault(ledger, {}).get(key)
    if found is not None:
        return found
    found = board.board_of(ledger, engine, today, county=county, venue=venue)
    with _lock:
        kept = _kept.setdefault(ledger, {})
        if len(kept) >= _KEPT:
            kept.clear()
        kept[key] = found
    return found
