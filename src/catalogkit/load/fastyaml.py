"""The fast path: a Rust YAML 1.2 parser, kept behind this one module.

It is only trusted with files it reads as one plain mapping; anything else (a
syntax error, tags, several documents, alias bombs) goes to the located path,
which gives the exact error and is the reference for what the data is.

Timestamps are read as text on both paths (yaml-rs 0.1 also turns *quoted*
date-like strings into dates); date fields parse ISO dates themselves."""

from __future__ import annotations

import re
from typing import Any

import yaml_rs

MAX_REPLAYED_EVENTS = 100_000
MAX_DEPTH = 64  # the checked path refuses deeper nesting (too-deep)
_LIMITS = yaml_rs.AliasLimits(max_total_replayed_events=MAX_REPLAYED_EVENTS)
# Each level of block nesting takes at least one column of indentation or one
# indicator (`- `, `? `), so a text without such a run this wide cannot nest deeper
# than the limit; flow nesting shows as a run of openers with little between them.
# yaml-rs recurses natively (100,000 block levels crash the process; it refuses flow
# nesting beyond 256 itself) and so does ruamel's round-trip loader: such texts go to
# the checked path, which measures depth first.
_DEEP_LINE = re.compile(rf"[ ?:-]{{{MAX_DEPTH}}}")  # matched at the start, searched after "\n"
_DEEP_LATER_LINE = re.compile(rf"\n[ ?:-]{{{MAX_DEPTH}}}")  # a literal first: fast
_FLOW_DEEP = re.compile(rf"(?:[\[{{][^\[\]{{}}\n]{{0,80}}){{{MAX_DEPTH}}}")


def may_nest_deeply(text: str) -> bool:
    """False when the text surely nests no deeper than MAX_DEPTH (a cheap scan)."""
    return _block_deep(text) or bool(_FLOW_DEEP.search(text))


def _block_deep(text: str) -> bool:
    return bool(_DEEP_LINE.match(text) or _DEEP_LATER_LINE.search(text))


def parse_mapping(text: str) -> dict[str, Any] | None:
    """The document as plain data, or None when the located path must decide."""
    if "!" in text:  # tags are dropped silently by the fast parser; let the checked path see them
        return None
    if _block_deep(text):  # the checked path measures depth without recursing
        return None
    try:
        data = yaml_rs.loads(text, alias_limits=_LIMITS, parse_datetime=False)
    except Exception:  # every parse failure is reported by the located path
        return None
    if not isinstance(data, dict):
        return None
    if "*" in text and _deeper_than(data, MAX_DEPTH):  # aliases nest what they name
        return None
    return data


def _deeper_than(data: Any, limit: int) -> bool:
    """Whether plain data nests more than `limit` collections deep (no recursion)."""
    stack = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        children = item.values() if isinstance(item, dict) else item
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return False
