"""One bad entry never blocks the rest: a matter, venue, department or claim with
errors is set aside (quarantined) and the rest of the tree is built.

The errors stay errors (validate still reports them and exits 1); what changes is
that a bundle of everything else exists. Items are removed from the plain data of
their file, the document is validated again and the tree resolved again, until no
error is left or an error is found that no single item explains (settings, the
locality tree itself, a file that cannot be read): then nothing is built, as before.
Paths are kept in the coordinates of the file as written, so every message points
at the right line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from .errors import Diagnostic, YamlPath
from .load.one_document import LoadedFile
from .load.translate import diagnostics_from
from .model import KINDS
from .quarantined_item import Quarantined as Quarantined  # its plain-data home

ROUNDS = 8
_KINDS = {
    "matters": "matter",
    "departments": "department",
    "venues": "venue",
    "windows": "window",
    "claims": "claim",
    "profiles": "profile",
    "useProfiles": "profile use",
    "jointDepartments": "reference",
}
_CONTAINERS = {"children", "profiles", "venues", "windows", "matters"}


def item_of(path: YamlPath) -> YamlPath | None:
    """The innermost item a path lies in that can be left out on its own: a matter,
    department, venue, window, claim or profile, or one entry of a list of references
    (a window's departments, a matter's jointDepartments)."""
    best: YamlPath | None = None
    for i in range(0, len(path) - 1, 2):
        key, index = path[i], path[i + 1]
        if not isinstance(index, int) or not isinstance(key, str):
            break
        if key in _KINDS or (key == "departments" and i >= 2 and path[i - 2] == "windows"):
            best = path[: i + 2]
        if key not in _CONTAINERS:
            break
    return best


def reduce(data: Any, removed: set[YamlPath], prefix: YamlPath = ()) -> Any:
    if isinstance(data, dict):
        return {k: reduce(v, removed, (*prefix, k)) for k, v in data.items()}
    if isinstance(data, list):
        return [
            reduce(x, removed, (*prefix, i))
            for i, x in enumerate(data)
            if (*prefix, i) not in removed
        ]
    return data


def to_original(path: YamlPath, removed: set[YamlPath]) -> YamlPath:
    """A path in the reduced data back in the coordinates of the file as written."""
    out: list[str | int] = []
    for part in path:
        if isinstance(part, int):
            gone = sorted(p[-1] for p in removed if p[:-1] == tuple(out) and isinstance(p[-1], int))
            k = part
            for g in gone:
                if g <= k:
                    k += 1
            out.append(k)
        else:
            out.append(part)
    return tuple(out)


def _node(data: Any, path: YamlPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _describe(data: Any, item: YamlPath) -> tuple[str, str, str]:
    node = _node(data, item)
    inside_window = len(item) >= 4 and item[-4] == "windows"
    kind = "reference" if inside_window else _KINDS.get(str(item[-2]), "reference")
    if not isinstance(node, dict):
        return kind, str(node), ""
    key = node.get("code") or node.get("id") or node.get("matter") or str(item[-1])
    return kind, str(key), str(node.get("name") or "")


class Quarantine:
    """The items set aside so far, per file, in the coordinates of the file."""

    def __init__(self, loaded: list[LoadedFile]) -> None:
        self.loaded = {one.file: one for one in loaded}
        self.removed: dict[str, set[YamlPath]] = {}
        self.items: list[Quarantined] = []

    def original(self, d: Diagnostic) -> Diagnostic:
        removed = self.removed.get(d.file)
        if not removed:
            return d
        from dataclasses import replace

        return replace(d, path=to_original(d.path, removed))

    def blame(self, errors: list[Diagnostic]) -> dict[str, set[YamlPath]] | None:
        """The items the errors lie in, or None when one error lies in no item."""
        out: dict[str, set[YamlPath]] = {}
        for d in errors:
            one = self.loaded.get(d.file)
            item = item_of(d.path)
            if one is None or one.data is None or item is None:
                return None
            if one.data.get("kind") not in ("Matters", "Locality"):
                return None
            out.setdefault(d.file, set()).add(item)
        return out

    def set_aside(self, found: dict[str, set[YamlPath]], errors: list[Diagnostic]) -> bool:
        """Remove the items and validate their files again; False when a file still
        fails (then nothing more can be done)."""
        for file, items in found.items():
            one = self.loaded[file]
            assert one.data is not None
            self._record(one, items - self.removed.get(file, set()), errors)
            self.removed.setdefault(file, set()).update(items)
            if not self._validate(one):
                return False
        return True

    def _validate(self, one: LoadedFile) -> bool:
        """The file without its items; a list left too short by a removal (a profile's
        last claim) takes its holder out too."""
        assert one.data is not None
        model = KINDS[str(one.data["kind"])]
        for _ in range(ROUNDS):
            removed = self.removed[one.file]
            try:
                one.document = model.model_validate(reduce(one.data, removed))
                return True
            except ValidationError as exc:
                one.document = None
                reduced = reduce(one.data, removed)
                errors = [self.original(d) for d in diagnostics_from(exc, model, reduced, one.file)]
                found = self.blame(errors)
                if found is None or set(found) != {one.file} or found[one.file] <= removed:
                    return False
                self._record(one, found[one.file] - removed, errors)
                removed |= found[one.file]
        return False

    def _record(self, one: LoadedFile, items: set[YamlPath], errors: list[Diagnostic]) -> None:
        assert one.data is not None
        for item in sorted(items, key=str):
            first = next(d for d in errors if d.file == one.file and d.path[: len(item)] == item)
            kind, key, name = _describe(one.data, item)
            self.items.append(
                Quarantined(kind, key, name, one.file, item, first.rule, first.en, first.zh)
            )


def first_pass(q: Quarantine) -> None:
    """Files whose schema errors all lie in items: validated again without them."""
    for one in q.loaded.values():
        if one.document is not None or one.data is None or not one.diagnostics:
            continue
        errors = [d for d in one.diagnostics if d.severity == "error"]
        found = q.blame(errors)
        if found is not None:
            q.set_aside(found, errors)


Resolver = Callable[[], tuple[Any, list[Diagnostic]]]


def resolve_around(q: Quarantine, resolve: Resolver) -> tuple[Any, list[Diagnostic]]:
    """Resolve, set aside the items the errors lie in, and resolve again."""
    reported: list[Diagnostic] = []
    bundle: Any = None
    for _ in range(ROUNDS):
        bundle, problems = resolve()
        problems = [q.original(d) for d in problems]
        reported += problems
        errors = [d for d in problems if d.severity == "error"]
        if not errors:
            return bundle, reported
        found = q.blame(errors)
        if found is None or not q.set_aside(found, errors):
            return None, reported
    return None, reported


def without_matters(bundle: Any, errors: list[Diagnostic], items: list[Quarantined]) -> Any:
    """The bundle less the matters these errors lie in (checks made after the bundle
    was built: the province profile), and less the claims of them."""
    from dataclasses import replace

    bad: dict[str, Diagnostic] = {}
    for code, entry in bundle.matters.items():
        for d in errors:
            if d.file == entry.source.file and d.path[:2] == entry.source.path:
                bad.setdefault(code, d)
    for code, d in bad.items():
        m = bundle.matters[code]
        items.append(
            Quarantined("matter", code, m.matter.name, d.file, m.source.path, d.rule, d.en, d.zh)
        )
    matters = {c: e for c, e in bundle.matters.items() if c not in bad}
    claims = {
        loc: {c: claim for c, claim in held.items() if c not in bad}
        for loc, held in bundle.claims.items()
    }
    return replace(bundle, matters=matters, claims=claims, quarantined=tuple(items))
