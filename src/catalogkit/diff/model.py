"""What a semantic diff between two catalog trees holds, and its stable JSON form.

Values are kept as the JSON the models dump to, with the YAML key names
administrators write (`promisedLimit`, not `promised_limit`): the diff speaks the
language of the files, and the JSON needs no second vocabulary.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

FORMAT = "catalogkit-diff/1"

Json = Any  # a value as `model_dump(mode="json")` gives it


@dataclass(frozen=True)
class FieldChange:
    field: str  # the YAML key; `fees.charged` for a key one level down
    old: Json
    new: Json


@dataclass(frozen=True)
class ItemChange:
    """A keyed item present on both sides (a material by name, a claim by matter ...)
    whose keys changed."""

    key: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class Section:
    """Added and removed items (each as a short summary) and changed ones."""

    added: tuple[dict[str, Json], ...] = ()
    removed: tuple[dict[str, Json], ...] = ()
    changed: tuple[ItemChange, ...] = ()

    def size(self) -> int:
        return len(self.added) + len(self.removed) + len(self.changed)


@dataclass(frozen=True)
class Renamed:
    code: str
    old: str
    new: str


@dataclass(frozen=True)
class Recoded:
    """The same matter under a new code: every other key is equal."""

    old: str
    new: str
    name: str


@dataclass(frozen=True)
class MatterChange:
    code: str
    name: str
    fields: tuple[FieldChange, ...] = ()
    fees: Section = Section()
    materials: Section = Section()
    rules: Section = Section()

    def size(self) -> int:
        return len(self.fields) + self.fees.size() + self.materials.size() + self.rules.size()


@dataclass(frozen=True)
class Matters:
    added: tuple[dict[str, Json], ...] = ()
    removed: tuple[dict[str, Json], ...] = ()
    renamed: tuple[Renamed, ...] = ()
    recoded: tuple[Recoded, ...] = ()
    changed: tuple[MatterChange, ...] = ()

    def size(self) -> int:
        return (
            len(self.added)
            + len(self.removed)
            + len(self.renamed)
            + len(self.recoded)
            + sum(c.size() for c in self.changed)
        )


@dataclass(frozen=True)
class LocalityChange:
    """A locality on both sides: its own keys, its effective claims (after profiles,
    by matter code), its declarative rules (by id) and its plugins (by name: added is
    enabled, removed is disabled, changed is a new configuration)."""

    code: str
    name: str
    fields: tuple[FieldChange, ...] = ()
    claims: Section = Section()
    rules: Section = Section()
    plugins: Section = Section()

    def size(self) -> int:
        return len(self.fields) + self.claims.size() + self.rules.size() + self.plugins.size()


@dataclass(frozen=True)
class Localities:
    added: tuple[dict[str, Json], ...] = ()
    removed: tuple[dict[str, Json], ...] = ()
    changed: tuple[LocalityChange, ...] = ()

    def size(self) -> int:
        return len(self.added) + len(self.removed) + sum(c.size() for c in self.changed)


@dataclass(frozen=True)
class Side:
    source: str  # as the user named it: a folder, or REV:PATH
    name: str
    revision: str


@dataclass(frozen=True)
class Diff:
    old: Side
    new: Side
    settings: tuple[FieldChange, ...] = ()
    matters: Matters = Matters()
    localities: Localities = Localities()
    venues: Section = Section()
    departments: Section = Section()
    calendars: Section = Section()
    # names of venues, departments and localities on either side, for the text and the
    # notice; not part of the JSON, which names things by their codes
    labels: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def changes(self) -> int:
        """How many things differ: each added, removed, renamed or recoded item, and
        each changed key, counts once."""
        return (
            len(self.settings)
            + self.matters.size()
            + self.localities.size()
            + self.venues.size()
            + self.departments.size()
            + self.calendars.size()
        )

    def label(self, code: Json) -> str:
        return self.labels.get(str(code), str(code))


def fee_label(matter: str, fee: str) -> str:
    """The key under which `Diff.labels` names a fee item of a matter: fee ids are
    only unique within their matter."""
    return f"{matter}#fee:{fee}"


def as_dict(diff: Diff) -> dict[str, Json]:
    """The stable JSON form: `format`, the number of `changes`, then every section,
    empty ones included, so readers never have to test for a missing key."""
    body = _plain(diff)
    assert isinstance(body, dict)
    return {"format": FORMAT, "changes": diff.changes, **body}


def _plain(value: Json) -> Json:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name != "labels"
        }
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
