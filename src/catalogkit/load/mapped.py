"""Compiled bundles on disk, mapped into memory rather than read.

A file holds a small head (the cache's stamp, an artifact's header), then the bundle
in its lazy form pickled with protocol 5, every lazy entry's bytes out of band, one
after the other. Loading maps the file and unpickles the head and the outer
structure only; each entry stays a view of the mapped file until something asks for
it. So a warm start of a province reads a few megabytes, not the whole file, the
entries it never touches never take memory, and processes serving the same file
share its pages. The file is only ever replaced by a rename, never rewritten in
place, so a mapping stays valid while it is in use."""

from __future__ import annotations

import mmap
import pickle
import struct
from array import array
from collections.abc import Callable
from typing import Any, BinaryIO

_LENGTH = struct.Struct("<Q")


class Damaged(Exception):
    """The file ends early or its lengths do not add up."""


def dump(out: BinaryIO, head: Any, body: Any) -> None:
    _frame(out, pickle.dumps(head, protocol=5))
    buffers: list[pickle.PickleBuffer] = []
    _frame(out, pickle.dumps(body, protocol=5, buffer_callback=buffers.append))
    views = [b.raw() for b in buffers]
    out.write(_LENGTH.pack(len(views)))
    out.write(array("Q", [v.nbytes for v in views]).tobytes())
    for view in views:
        out.write(view)


def load(fh: BinaryIO, start: int, accept: Callable[[Any], bool]) -> Any:
    """The body of the open file, if `accept(head)`; else None. Raises OSError,
    Damaged or what unpickling raises."""
    try:
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except ValueError as exc:  # an empty file
        raise Damaged("empty") from exc
    view = memoryview(mapped)
    head, at = _unframe(view, start)
    if not accept(pickle.loads(head)):
        return None
    outer, at = _unframe(view, at)
    count = _number(view, at)
    at += _LENGTH.size
    lengths = array("Q")
    lengths.frombytes(_slice(view, at, count * 8))
    at += count * 8
    buffers = []
    for length in lengths:
        buffers.append(_slice(view, at, length))
        at += length
    return pickle.loads(outer, buffers=buffers)


def _frame(out: BinaryIO, data: bytes) -> None:
    out.write(_LENGTH.pack(len(data)))
    out.write(data)


def _unframe(view: memoryview, at: int) -> tuple[memoryview, int]:
    size = _number(view, at)
    return _slice(view, at + _LENGTH.size, size), at + _LENGTH.size + size


def _number(view: memoryview, at: int) -> int:
    return int(_LENGTH.unpack(_slice(view, at, _LENGTH.size))[0])


def _slice(view: memoryview, at: int, size: int) -> memoryview:
    if at + size > len(view):
        raise Damaged("truncated")
    return view[at : at + size]
