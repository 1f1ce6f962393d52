"""Compiled bundles on disk, mapped into memory rather than read.

A file holds a small head (the cache's stamp, an artifact's header), then every
lazy entry's pickle one after the other, then the bundle's outer structure, in which
each entry is a (offset, length) reference, and last the offset of that structure.
Writing pickles one entry at a time straight to the file, so the pickled bundle is
never held in memory beside the live one. Loading maps the file and unpickles the
head and the outer structure only; each entry stays a view of the mapped file until
something asks for it. So a warm start of a province reads a few megabytes, not
the whole file, entries never touched take no memory, and processes serving the
same file share its pages. The file is only ever replaced by a rename, never
rewritten in place, so a mapping stays valid while it is in use."""

from __future__ import annotations

import io
import mmap
import pickle
import struct
from collections.abc import Callable, Mapping
from typing import Any, BinaryIO

from ..errors import CatalogkitError
from .lazy import LazyMap, Span

_LENGTH = struct.Struct("<Q")


class Damaged(CatalogkitError):
    """The file ends early or its offsets do not add up."""


class _Writer(pickle.Pickler):
    def persistent_id(self, obj: Any) -> Any:
        return ("span", obj.offset, obj.length) if type(obj) is Span else None


def dump(out: BinaryIO, head: Any, bundle: Any) -> None:
    """`bundle` is a Bundle (anything with `compacted(pack)`); `out` must be seekable."""
    _frame(out, pickle.dumps(head, protocol=pickle.HIGHEST_PROTOCOL))

    def pack(mapping: Mapping[Any, Any]) -> LazyMap[Any, Any]:
        spans: dict[Any, Span] = {}
        for key, value in mapping.items():
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            spans[key] = Span(out.tell(), len(data))
            out.write(data)
        return LazyMap(spans)

    lazy = bundle.compacted(pack)
    outer_at = out.tell()
    buffer = io.BytesIO()
    _Writer(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(lazy)
    _frame(out, buffer.getvalue())
    out.write(_LENGTH.pack(outer_at))


class _Reader(pickle.Unpickler):
    def __init__(self, data: memoryview, view: memoryview) -> None:
        super().__init__(io.BytesIO(data))
        self.view = view

    def persistent_load(self, pid: Any) -> Any:
        if not (isinstance(pid, tuple) and len(pid) == 3 and pid[0] == "span"):
            raise pickle.UnpicklingError("unknown reference")
        return _slice(self.view, int(pid[1]), int(pid[2]))


def load(fh: BinaryIO, start: int, accept: Callable[[Any], bool]) -> Any:
    """The bundle in the open file, if `accept(head)`; else None. Raises OSError,
    Damaged or what unpickling raises."""
    try:
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except ValueError as exc:  # an empty file
        raise Damaged("empty") from exc
    view = memoryview(mapped)
    head, _ = _unframe(view, start)
    if not accept(pickle.loads(head)):
        return None
    if len(view) < _LENGTH.size:
        raise Damaged("truncated")
    outer, _ = _unframe(view, _number(view, len(view) - _LENGTH.size))
    return _Reader(outer, view).load()


def _frame(out: BinaryIO, data: bytes) -> None:
    out.write(_LENGTH.pack(len(data)))
    out.write(data)


def _unframe(view: memoryview, at: int) -> tuple[memoryview, int]:
    size = _number(view, at)
    return _slice(view, at + _LENGTH.size, size), at + _LENGTH.size + size


def _number(view: memoryview, at: int) -> int:
    return int(_LENGTH.unpack(_slice(view, at, _LENGTH.size))[0])


def _slice(view: memoryview, at: int, size: int) -> memoryview:
    if at < 0 or size < 0 or at + size > len(view):
        raise Damaged("truncated")
    return view[at : at + size]
