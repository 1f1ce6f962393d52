"""The remembered verdict of `validate`: what a full check of a tree found (files,
diagnostics, quarantined items, drafts, revision) as plain data, next to the compiled
cache and keyed by everything it depends on (verdict_key.py). A run whose key matches
answers from it without loading the bundle, the models, the engine or the plugins;
any mismatch runs the full check, which writes the verdict again. Written atomically."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Diagnostic
from ..quarantined_item import Quarantined
from .cache import cache_dir

if TYPE_CHECKING:
    from ..catalog import Report

_DIAGNOSTIC_FIELDS = tuple(f.name for f in fields(Diagnostic))
_ITEM_FIELDS = tuple(f.name for f in fields(Quarantined))


def _slot(root: Path) -> Path:
    key = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return cache_dir() / f"verdict-{key}.json"


def recall(root: Path, key: str) -> Report | None:
    """The report the last full check of `root` made under this key, or None."""
    from ..catalog import Report

    if os.environ.get("CATALOGKIT_NO_CACHE"):
        return None
    try:
        with _slot(root).open(encoding="utf-8") as fh:
            data = json.load(fh)
        if data.get("key") != key:
            return None
        diagnostics = [_diagnostic(d) for d in data["diagnostics"]]
        quarantined = [Quarantined(**{**q, "path": tuple(q["path"])}) for q in data["quarantined"]]
        recalled = (list(data["drafts"]), data["revision"])
        files = list(data["files"])
    except Exception:  # a missing, stale or unreadable verdict is simply a miss
        return None
    return Report(
        root=root,
        files=files,
        diagnostics=diagnostics,
        from_cache=True,
        quarantined=quarantined,
        recalled=recalled,
    )


def _diagnostic(data: dict[str, Any]) -> Diagnostic:
    values = {name: data[name] for name in _DIAGNOSTIC_FIELDS}
    values["path"], values["related"] = tuple(values["path"]), tuple(values["related"])
    return Diagnostic(**values)


def remember(root: Path, key: str, report: Report) -> None:
    """Keep what `report` says under `key`, replacing the tree's earlier verdict."""
    if os.environ.get("CATALOGKIT_NO_CACHE"):
        return
    body = {
        "key": key,
        "files": report.files,
        "diagnostics": [asdict(d) for d in report.diagnostics],
        "quarantined": [{n: getattr(q, n) for n in _ITEM_FIELDS} for q in report.quarantined],
        "drafts": report.drafts,
        "revision": report.revision,
    }
    slot = _slot(root)
    try:
        text = json.dumps(body)  # ASCII: a lone surrogate in a message survives
        slot.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=slot.parent, prefix=".verdict-")
        try:
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(text)
            os.replace(tmp, slot)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, TypeError, ValueError):
        return  # a read-only home must not break validating
