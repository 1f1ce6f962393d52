"""YAML text written by hand, not through a YAML library, so that a province-scale tree
takes seconds: every string goes through `json.dumps(..., ensure_ascii=False)`, which is
a valid YAML 1.2 double-quoted scalar, so no value can change type or break the
document whatever it contains. Keys are our own identifiers."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from .county_spec import Doc

WIDTH = 120
_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_RESERVED_KEYS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


def _key(key: str) -> str:
    if _PLAIN_KEY.match(key) and key.lower() not in _RESERVED_KEYS:
        return key
    return json.dumps(key, ensure_ascii=False)


def _scalar(value: object) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


def _width(text: str) -> int:
    """Display width: CJK characters (three UTF-8 bytes) take two columns."""
    return (len(text) + len(text.encode("utf-8"))) // 2


def _flow(value: object, budget: int) -> str | None:
    """`value` in flow style if it fits in `budget` characters, else None."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        parts: list[str] = []
        used = 2
        for k, x in value.items():
            inner = _flow(x, budget - used) if isinstance(x, dict | list) else _scalar(x)
            if inner is None:
                return None
            part = f"{_key(k)}: {inner}"
            used += _width(part) + 2
            if used > budget + 2:
                return None
            parts.append(part)
        return "{" + ", ".join(parts) + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        items: list[str] = []
        used = 2
        for x in value:
            inner = _flow(x, budget - used) if isinstance(x, dict | list) else _scalar(x)
            if inner is None:
                return None
            used += _width(inner) + 2
            if used > budget + 2:
                return None
            items.append(inner)
        return "[" + ", ".join(items) + "]"
    return _scalar(value)


def _mapping(out: list[str], value: Doc, indent: int, first: str | None = None) -> None:
    """A block mapping; `first` replaces the indentation of its first line ("- ")."""
    pad = " " * indent
    for k, x in value.items():
        lead = pad
        if first is not None:
            lead, first = first, None
        key = _key(k)
        if isinstance(x, dict | list):
            flow = _flow(x, WIDTH - indent - len(key) - 2)
            if flow is not None:
                out.append(f"{lead}{key}: {flow}\n")
            elif isinstance(x, dict):
                out.append(f"{lead}{key}:\n")
                _mapping(out, x, indent + 2)
            else:
                out.append(f"{lead}{key}:\n")
                _sequence(out, x, indent + 2)
        else:
            out.append(f"{lead}{key}: {_scalar(x)}\n")


def _sequence(out: list[str], items: list[Any], indent: int) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict | list):
            flow = _flow(item, WIDTH - indent - 2)
            if flow is not None:
                out.append(f"{pad}- {flow}\n")
            elif isinstance(item, dict):
                _mapping(out, item, indent + 2, first=f"{pad}- ")
            else:
                out.append(f"{pad}-\n")
                _sequence(out, item, indent + 2)
        else:
            out.append(f"{pad}- {_scalar(item)}\n")


def to_yaml(document: Doc, comment: str = "") -> str:
    """A document as block-style YAML text (short leaves in flow style)."""
    out: list[str] = [f"# {line}\n" for line in comment.splitlines()]
    _mapping(out, document, 0)
    return "".join(out)
