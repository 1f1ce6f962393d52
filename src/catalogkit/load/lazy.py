"""A read-only mapping whose values are unpickled on first access.

A warm start from the compiled cache then costs reading and hashing the files
plus one small unpickle, instead of rebuilding every model object of the tree;
each entry is rebuilt once, when something first asks for it."""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Mapping
from typing import Any, Generic, NamedTuple, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Span(NamedTuple):
    """Where an entry's pickle lies in a mapped file (see mapped.py)."""

    offset: int
    length: int


class LazyMap(Mapping[K, V], Generic[K, V]):
    __slots__ = ("_done", "_raw")

    def __init__(self, raw: Mapping[K, bytes | memoryview | Span]) -> None:
        self._raw = raw
        self._done: dict[K, V] = {}

    @classmethod
    def of(cls, mapping: Mapping[K, V]) -> LazyMap[K, V]:
        return cls(
            {k: pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL) for k, v in mapping.items()}
        )

    def __getitem__(self, key: K) -> V:
        try:
            return self._done[key]
        except KeyError:
            raw = self._raw[key]  # raises KeyError for unknown keys
            if isinstance(raw, Span):
                raise TypeError("an entry being written cannot be read") from None
            value: V = pickle.loads(raw)
            self._done[key] = value
            return value

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __iter__(self) -> Iterator[K]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __reduce__(self) -> tuple[Any, ...]:
        """Views of a mapped file are pickled as bytes; spans as they are (mapped.py
        turns them into views when it loads them)."""
        return (
            LazyMap,
            ({k: bytes(v) if isinstance(v, memoryview) else v for k, v in self._raw.items()},),
        )

    def __repr__(self) -> str:
        return f"LazyMap({len(self._raw)} entries)"
