"""The imported data into a canonical tree: new files for a new tree; for an existing
one, each matter merged by 实施编码 into the file that holds it, source fields
updated, every hand-written key and comment kept. Only changed files are written."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..load.fastyaml import parse_mapping
from ..model import NATIONAL_FIELDS
from .emit import emit
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
        texts[settings] = emit(body, "# 由 catalogkit import 生成\n")
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
    venues = sorted(data.venues.values(), key=lambda v: v["id"])
    depts = sorted(data.departments.values(), key=lambda d: d["id"])
    if not path.is_file():
        doc: dict[str, Any] = {"apiVersion": "catalogkit/v1", "kind": "Locality", "code": county}
        doc |= {"name": name, "level": "county"}
        doc |= {"venues": venues} if venues else {}
        doc |= {"departments": depts} if depts else {}
        return {path: emit(doc, SCHEMA_LINE)}
    text = path.read_text(encoding="utf-8")
    fast = parse_mapping(text)
    if fast is not None:  # nothing to change: the file is left as it is, unread by ruamel
        _merge_list(fast, "venues", venues)
        _merge_list(fast, "departments", depts)
        if fast == parse_mapping(text):
            return {path: text}
    doc = load(text)
    _merge_list(doc, "venues", venues, quote=True)
    _merge_list(doc, "departments", depts, quote=True)
    return {path: dump(doc)}


def _merge_list(doc: Any, key: str, items: list[dict[str, Any]], quote: bool = False) -> None:
    """Items by id: new ones appended, known ones updated key by key."""
    wrap = quoted if quote else (lambda v, k=None: v)
    if not items:
        return
    if key not in doc:
        doc[key] = wrap([])
    by_id = {str(x.get("id")): x for x in doc[key]}
    for item in items:
        found = by_id.get(item["id"])
        if found is None:
            doc[key].append(wrap(item))
            continue
        for k, v in item.items():
            if k == "bodies":
                _merge_list(found, "bodies", v, quote)
            elif plain(found.get(k)) != v:
                found[k] = wrap(v, k)


def _matters(root: Path, county: str, data: Imported, written: Written) -> dict[Path, str]:
    folder = root / "county" / "matters"
    texts: dict[Path, str] = {}
    fast: dict[Path, Any] = {}
    where: dict[str, Path] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        texts[path] = path.read_text(encoding="utf-8")
        fast[path] = parse_mapping(texts[path]) or load(texts[path])
        for m in fast[path].get("matters", []):
            where[str(m.get("implementationCode") or m.get("code"))] = path
    updates: dict[Path, list[tuple[str, dict[str, Any]]]] = {}
    new: dict[Path, list[dict[str, Any]]] = {}
    for key, matter in data.matters.items():
        if key in where:
            updates.setdefault(where[key], []).append((key, matter))
        else:
            new.setdefault(folder / f"{data.department_of[key]}.yaml", []).append(_as_new(matter))
    written.kept = len(set(where) - set(data.matters))
    out: dict[Path, str] = {}
    for path in sorted(set(updates) | set(new)):
        if path not in texts:  # a new department file: written directly
            doc = {"apiVersion": "catalogkit/v1", "kind": "Matters", "locality": county}
            out[path] = emit(doc | {"matters": new[path]}, SCHEMA_LINE)
            written.added += len(new[path])
            continue
        changed = [(k, m) for k, m in updates.get(path, []) if _differs(fast[path], k, m)]
        if not changed and not new.get(path):
            out[path] = texts[path]
            continue
        doc = load(texts[path])
        by_key = {str(m.get("implementationCode") or m.get("code")): m for m in doc["matters"]}
        for k, m in changed:
            written.updated += _update(by_key[k], m)
        for m in new.get(path, []):
            doc["matters"].append(quoted(m))
            written.added += 1
        out[path] = dump(doc)
    return out


def _differs(doc: Any, key: str, matter: dict[str, Any]) -> bool:
    for m in doc.get("matters", []):
        if str(m.get("implementationCode") or m.get("code")) == key:
            return any(plain(m.get(k)) != v for k, v in matter.items())
    return True


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
