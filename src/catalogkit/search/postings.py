"""Postings kept packed: each unit's documents and weights as one bytes value, turned
into a dict the first time a query asks for that unit.

A province's index holds millions of (document, weight) pairs; as dicts of ints they
are millions of small objects to unpickle and keep, as one bytes value per unit they
are a few thousand, and a query only ever needs the few units it contains. Document
numbers are in the machine's byte order, as the rest of a compiled bundle is."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping
from typing import Any

DOCS = "i"  # document numbers: a province has tens of thousands


def pack(docs: Mapping[int, int]) -> bytes:
    """The documents (ascending) then one byte per weight."""
    order = sorted(docs)
    return array(DOCS, order).tobytes() + bytes(docs[d] for d in order)


def unpack(data: bytes) -> dict[int, int]:
    n = len(data) // (array(DOCS).itemsize + 1)
    docs = array(DOCS)
    docs.frombytes(data[: n * docs.itemsize])
    return dict(zip(docs, data[n * docs.itemsize :], strict=True))


class Postings(Mapping[str, Mapping[int, int]]):
    """unit → {document: weight}, unpacked on first use and remembered."""

    __slots__ = ("_open", "_packed")

    def __init__(self, packed: dict[str, bytes]) -> None:
        self._packed = packed
        self._open: dict[str, dict[int, int]] = {}

    @classmethod
    def of(cls, postings: Mapping[str, Mapping[int, int]]) -> Postings:
        return cls({unit: pack(docs) for unit, docs in postings.items()})

    def count(self, unit: str) -> int:
        """How many documents hold `unit` (without unpacking them)."""
        return len(self._packed.get(unit, b"")) // (array(DOCS).itemsize + 1)

    def __getitem__(self, unit: str) -> dict[int, int]:
        found = self._open.get(unit)
        if found is None:
            found = self._open[unit] = unpack(self._packed[unit])
        return found

    def __contains__(self, unit: object) -> bool:
        return unit in self._packed

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Postings, (self._packed,))

    def __repr__(self) -> str:
        return f"Postings({len(self._packed)} units)"
