"""One good bundle with its engine, and the answers computed from it so far: safe to
keep, since a bundle never changes. The answers are bounded by count and by bytes and
the least recently used go first."""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..engine import Engine
from ..resolve import Bundle

MAX_ANSWERS = 4096
MAX_ANSWER_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class CachedBody:
    body: bytes
    media_type: str
    etag: str


class Snapshot:
    def __init__(
        self,
        engine: Engine,
        loaded_at: dt.datetime,
        seconds: float,
        cached: bool,
        *,
        max_bytes: int = MAX_ANSWER_BYTES,
    ) -> None:
        self.engine = engine
        self.bundle: Bundle = engine.bundle
        self.revision = engine.bundle.revision
        self.loaded_at = loaded_at
        self.load_seconds = seconds
        self.from_cache = cached
        self.max_bytes = max_bytes
        self._answers: OrderedDict[Any, CachedBody] = OrderedDict()
        self._bytes = 0
        self._derived: dict[str, Any] = {}
        self._lock = threading.Lock()

    def kept(self, key: Any) -> CachedBody | None:
        """The answer kept for `key`, if any (and it becomes the most recently used)."""
        with self._lock:
            found = self._answers.get(key)
            if found is not None:
                self._answers.move_to_end(key)
            return found

    def keep(self, key: Any, answer: CachedBody) -> CachedBody:
        size = len(answer.body)
        if size > self.max_bytes // 8:  # one huge answer must not flush all the others
            return answer
        with self._lock:
            old = self._answers.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._answers[key] = answer
            self._bytes += size
            while len(self._answers) > MAX_ANSWERS or self._bytes > self.max_bytes:
                _, dropped = self._answers.popitem(last=False)
                self._bytes -= len(dropped.body)
        return answer

    def response(self, key: Any, make: Callable[[], CachedBody]) -> CachedBody:
        """The answer kept for `key`, or `make()` kept now."""
        found = self.kept(key)
        return found if found is not None else self.keep(key, make())

    def derived(self, name: str, make: Callable[[], Any]) -> Any:
        """A value computed once per snapshot (the search index, the site's name)."""
        with self._lock:
            if name in self._derived:
                return self._derived[name]
        made = make()
        with self._lock:
            return self._derived.setdefault(name, made)
