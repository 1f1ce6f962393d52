"""A document for the later checks, from a file that failed the schema.

One run should report every problem of every layer: a misspelt handling kind must
not hide an unknown venue in the same matter until the next run. So a document that
fails validation is repaired, for checking only: a near-miss value or key becomes
the one suggested for it, another unknown key or bad value is left out, and a list
item that still cannot be read is dropped. The result never becomes a bundle (the file has
errors); the places repaired are kept so that later checks say nothing about them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Diagnostic, YamlPath
from .translate import diagnostics_from

ROUNDS = 5
_DROP = object()


@dataclass(frozen=True)
class PathMap:
    """Paths into the repaired document as paths into the file."""

    kept: dict[YamlPath, list[int]]  # a list with dropped items -> the file's indexes kept

    def in_file(self, path: YamlPath) -> YamlPath:
        """A path into the repaired document as a path into the file."""
        out: list[str | int] = []
        for part in path:
            if isinstance(part, int) and tuple(out) in self.kept:
                kept = self.kept[tuple(out)]
                part = kept[part] if part < len(kept) else part
            out.append(part)
        return tuple(out)


@dataclass(frozen=True)
class Recovered:
    document: BaseModel
    touched: tuple[YamlPath, ...]  # repaired values and dropped items, as in the file
    paths: PathMap

    def in_file(self, path: YamlPath) -> YamlPath:
        return self.paths.in_file(path)

    def covers(self, path: YamlPath) -> bool:
        """Whether a later finding at `path` (in the file) may come from a repair: one
        at a repaired place, inside it, or about the mapping that holds it."""
        return any(
            path[: len(t)] == t or (len(path) == len(t) - 1 and t[: len(path)] == path)
            for t in self.touched
        )


def recover(
    model: type[BaseModel], data: dict[str, Any], found: list[Diagnostic], file: str
) -> Recovered | None:
    """The document with the problems of `found` repaired, or None when even that fails."""
    work = copy.deepcopy(data)
    touched: list[YamlPath] = []
    kept: dict[YamlPath, list[int]] = {}
    problems = found
    for _ in range(ROUNDS):
        changed = False
        mapping = PathMap(kept)
        for d in problems:
            repaired = _repair(work, d)
            if repaired is not None:
                touched.append(mapping.in_file(repaired))
                changed = True
        if not changed:
            return None
        _purge(work, (), mapping, kept)
        try:
            return Recovered(model.model_validate(work), tuple(touched), PathMap(kept))
        except ValidationError as exc:
            problems = diagnostics_from(exc, model, work, file)
    return None


def _repair(data: Any, d: Diagnostic) -> YamlPath | None:
    """Repair one problem; the path repaired (in the current data), or None."""
    path = d.path
    if not path:
        return None
    parent = _node(data, path[:-1])
    leaf = path[-1]
    if isinstance(parent, dict) and leaf in parent and d.rule != "missing-key":
        if d.rule == "bad-value" and d.hint is not None and isinstance(parent[leaf], str):
            parent[leaf] = d.hint
        elif d.rule == "unknown-key" and d.hint is not None and d.hint not in parent:
            parent[d.hint] = parent.pop(leaf)  # the key it was meant to be
        else:
            del parent[leaf]
        return path
    return _drop_item(data, path)


def _drop_item(data: Any, path: YamlPath) -> YamlPath | None:
    """Mark the innermost list item that holds `path` for removal."""
    for end in range(len(path), 0, -1):
        if isinstance(path[end - 1], int):
            holder = _node(data, path[: end - 1])
            index = path[end - 1]
            if isinstance(holder, list) and isinstance(index, int) and index < len(holder):
                if holder[index] is _DROP:
                    return None
                holder[index] = _DROP
                return path[:end]
    return None


def _node(data: Any, path: YamlPath) -> Any:
    node = data
    for part in path:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return None
    return node


def _purge(node: Any, at: YamlPath, mapping: PathMap, kept: dict[YamlPath, list[int]]) -> None:
    """Remove the dropped items (after all repairs, so the paths of one round hold),
    noting for each list which of the file's items are left."""
    if isinstance(node, dict):
        for key, value in node.items():
            _purge(value, (*at, key), mapping, kept)
    elif isinstance(node, list):
        if any(item is _DROP for item in node):
            in_file = mapping.in_file(at)
            before = kept.get(in_file, list(range(len(node))))
            kept[in_file] = [before[i] for i, item in enumerate(node) if item is not _DROP]
            node[:] = [item for item in node if item is not _DROP]
        for i, item in enumerate(node):
            _purge(item, (*at, i), mapping, kept)
