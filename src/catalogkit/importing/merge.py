"""The imported data into a canonical tree: new files for a new tree; for an existing
one, each matter merged by 实施编码 into the file that holds it, source fields
updated, every hand-written key and comment kept. Only changed files are written."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.matter import NATIONAL_FIELDS
from .records import Imported
from .yamlout import dump, load, plain, quoted

SCHEMA_LINE = "# 由 catalogkit import 生成；再次导入时按实施编码合并，手写内容和注释保留\n"
NATIONAL_KEYS = {key for _attr, key, _zh in NATIONAL_FIELDS}


@dataclass
class Written:
    files: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    kept: int = 0  # matters in the tree that the sources do not mention


def county_code(root: Path) -> tuple[str, str] | None:
    """The county's code and name, from an existing tree's county/county.yaml."""
    path = root / "county" / "county.yaml"
    if not path.is_file():
        return None
    data = load(path.read_text(encoding="utf-8"))
    return str(data["code"]), str(data["name"])


def write_tree(root: Path, county: str, county_name: str, data: Imported) -> Written:
    texts: dict[Path, str] = {}
    settings = root / "catalogkit.yaml"
    if not settings.is_file():
        body = {"apiVersion": "catalogkit/v1", "kind": "Settings"}
        body["name"] = f"{county_name}政务服务事项目录"
        texts[settings] = dump(quoted(body), "# 由 catalogkit import 生成\n")
    texts |= _county(root, county, county_name, data)
    written = Written()
    texts |= _matters(root, county, data, written)
    for path, text in sorted(texts.items()):
        name = path.relative_to(root).as_posix()
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            written.unchanged.append(name)
            continue
        write_atomically(path, text)
        written.files.append(name)
    return written


def _county(root: Path, county: str, name: str, data: Imported) -> dict[Path, str]:
    path = root / "county" / "county.yaml"
    if path.is_file():
        doc = load(path.read_text(encoding="utf-8"))
    else:
        doc = quoted({"apiVersion": "catalogkit/v1", "kind": "Locality", "code": county})
        doc["name"], doc["level"] = name, "county"
    _merge_list(doc, "venues", sorted(data.venues.values(), key=lambda v: v["id"]))
    _merge_list(doc, "departments", sorted(data.departments.values(), key=lambda d: d["id"]))
    return {path: dump(doc, "" if path.is_file() else SCHEMA_LINE)}


def _merge_list(doc: Any, key: str, items: list[dict[str, Any]]) -> None:
    """Items by id: new ones appended, known ones updated key by key."""
    if not items:
        return
    if key not in doc:
        doc[key] = quoted([])
    by_id = {str(x.get("id")): x for x in doc[key]}
    for item in items:
        found = by_id.get(item["id"])
        if found is None:
            doc[key].append(quoted(item))
            continue
        for k, v in item.items():
            if k == "bodies":
                _merge_list(found, "bodies", v)
            elif plain(found.get(k)) != v:
                found[k] = quoted(v, k)


def _matters(root: Path, county: str, data: Imported, written: Written) -> dict[Path, str]:
    folder = root / "county" / "matters"
    docs: dict[Path, Any] = {}
    where: dict[str, tuple[Path, Any]] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        doc = load(path.read_text(encoding="utf-8"))
        docs[path] = doc
        for m in doc.get("matters", []):
            where[str(m.get("implementationCode") or m.get("code"))] = (path, m)
    seen = set()
    for key, matter in data.matters.items():
        seen.add(key)
        if key in where:
            written.updated += _update(where[key][1], matter)
            continue
        path = folder / f"{data.department_of[key]}.yaml"
        if path not in docs:
            docs[path] = quoted(
                {
                    "apiVersion": "catalogkit/v1",
                    "kind": "Matters",
                    "locality": county,
                    "matters": [],
                }
            )
        docs[path]["matters"].append(quoted(_as_new(matter)))
        written.added += 1
    written.kept = len(set(where) - seen)
    header = SCHEMA_LINE
    return {p: dump(d, "" if p.is_file() else header) for p, d in docs.items()}


def _as_new(matter: dict[str, Any]) -> dict[str, Any]:
    """A new matter is a draft while any national field is not known."""
    missing = NATIONAL_KEYS - set(matter)
    if missing or "materials" not in matter:
        return matter | {"publication": "draft"}
    return matter


def _update(found: Any, matter: dict[str, Any]) -> int:
    """Source fields the source gives replace the tree's; everything else stays."""
    changed = 0
    for k, v in matter.items():
        if plain(found.get(k)) != v:
            found[k] = quoted(v, k)
            changed = 1
    return changed


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
