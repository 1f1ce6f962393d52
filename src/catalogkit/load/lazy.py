"""A read-only mapping whose values are unpickled on first access.

A warm start from the compiled cache then costs reading and hashing the files
plus one small unpickle, instead of rebuilding every model object of the tree;
each entry is rebuilt once, when something first asks for it."""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Mapping
from typing import Any, Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class LazyMap(Mapping[K, V], Generic[K, V]):
    __slots__ = ("_done", "_raw")

    def __init__(self, raw: dict[K, bytes] | dict[K, memoryview]) -> None:
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
            value: V = pickle.loads(self._raw[key])  # raises KeyError for unknown keys
            self._done[key] = value
            return value

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __iter__(self) -> Iterator[K]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        """With protocol 5 each entry goes out of band (see mapped.py), so that a
        mapped file gives it back as a view, not a copy."""
        if isinstance(protocol, int) and protocol >= 5:
            return (LazyMap, ({k: pickle.PickleBuffer(v) for k, v in self._raw.items()},))
        return (LazyMap, ({k: bytes(v) for k, v in self._raw.items()},))

    def __repr__(self) -> str:
        return f"LazyMap({len(self._raw)} entries)"
