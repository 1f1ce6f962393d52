"""Finding matters the way residents ask: words, everyday phrases, pinyin, typos and
codes, over an index built with the bundle; life events (一件事) above single matters."""

from __future__ import annotations

from .finder import Finder
from .hits import EventHit, EventStep, Hit, Results, Why
from .index import SearchIndex, build_index
from .query import run_query
from .store import load_index

__all__ = [
    "EventHit",
    "EventStep",
    "Finder",
    "Hit",
    "Results",
    "SearchIndex",
    "Why",
    "build_index",
    "load_index",
    "run_query",
]
