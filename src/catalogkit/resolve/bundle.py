"""The Bundle: one immutable, indexed view of a whole catalog tree."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..errors import Diagnostic, UsageError
from ..model import (
    CalendarDocument,
    Department,
    LexiconDocument,
    Locality,
    Matter,
    SettingsDocument,
    Venue,
)
from .claims import Claims, EffectiveClaim

if TYPE_CHECKING:
    from ..quarantine import Quarantined
from .code_index import Index, LocalityEntry, MatterEntry, Owned

Packer = Callable[[Mapping[Any, Any]], Mapping[Any, Any]]


@dataclass(frozen=True)
class Bundle:
    """Everything the engine needs, indexed by code. Never mutated after it is built;
    `revision` is a hash over every input file, so equal revisions mean equal bundles."""

    root: str
    revision: str
    files: tuple[tuple[str, str], ...]
    settings: SettingsDocument | None
    localities: Mapping[str, LocalityEntry]
    children: Mapping[str, tuple[str, ...]]
    venues: Mapping[str, Owned[Venue]]
    departments: Mapping[str, Owned[Department]]
    matters: Mapping[str, MatterEntry]
    claims: Mapping[str, Mapping[str, EffectiveClaim]]
    calendars: Mapping[tuple[int, str | None], CalendarDocument]
    warnings: tuple[Diagnostic, ...] = field(default=())
    quarantined: tuple[Quarantined, ...] = field(default=())
    """Items left out because of their errors: every output that omits them says so."""
    lexicons: tuple[LexiconDocument, ...] = field(default=())  # the tree's own, file order
    tops: tuple[str, ...] = field(default=())
    """The localities with no parent in the tree, found once when the bundle is built."""
    plugged: tuple[str, ...] = field(default=())
    """The localities that enable a plugin, in tree order: a load that checks plugins
    (or an engine that needs them) looks at these, not at every locality of a province."""
    derived: Mapping[str, Any] = field(default_factory=dict, compare=False)
    """What was computed from the bundle when it was built as an artifact (the search
    index), kept in it and unpickled on first use, so that a replica need not compute it."""

    def compacted(self, pack: Packer | None = None) -> Bundle:
        """The same bundle with every map unpickled entry by entry on demand (for caching);
        `pack` makes each lazy map (by default, LazyMap.of keeps the pickles in memory)."""
        from ..load.lazy import LazyMap

        pack = pack or LazyMap.of
        lazy: dict[str, Any] = {
            f.name: pack(getattr(self, f.name))
            for f in fields(self)
            if isinstance(getattr(self, f.name), Mapping)
        }
        return replace(self, **lazy)

    def locality(self, code: str) -> Locality:
        try:
            return self.localities[code].locality
        except KeyError:
            raise UsageError(f"unknown locality code {code!r}") from None

    @cached_property
    def matter_keys(self) -> Mapping[str, str]:
        """Every key a matter is known by (basic code, 实施编码 written or derived) →
        its code in this bundle: real lists and QR codes name matters by 实施编码."""
        out = {self.implementation_code(code): code for code in self.matters}
        return out | {code: code for code in self.matters}

    def matter_code(self, key: str) -> str | None:
        """The code of the matter known by `key`, or None."""
        return key if key in self.matters else self.matter_keys.get(key.strip())

    def nearest_matters(self, key: str, n: int = 5) -> list[tuple[str, str]]:
        """(code, name) of the matters whose keys or names are nearest to `key`."""
        names = {e.matter.name: c for c, e in self.matters.items()}
        keys = {**self.matter_keys, **names}
        close = difflib.get_close_matches(key, list(keys), n=n, cutoff=0.5)
        codes = list(dict.fromkeys(keys[k] for k in close))
        return [(c, self.matters[c].matter.name) for c in codes[:n]]

    def matter(self, code: str) -> Matter:
        found = self.matter_code(code)
        if found is None:
            near = "、".join(f"{c} {name}" for c, name in self.nearest_matters(code))
            raise UsageError(
                f"unknown matter code {code!r}" + (f"; nearest: {near}" if near else "")
            )
        return self.matters[found].matter

    def parent(self, code: str) -> str | None:
        return self.localities[code].parent

    def chain(self, code: str) -> list[str]:
        """The locality and its ancestors, from the village up to the county."""
        self.locality(code)
        out = [code]
        parent = self.localities[code].parent
        while parent is not None and parent in self.localities and parent not in out:
            out.append(parent)
            parent = self.localities[parent].parent
        return out

    def roots(self) -> list[str]:
        """The localities with no parent in the tree (the county, normally)."""
        return list(self.tops)

    def plugin_uses(self) -> Iterator[tuple[str, LocalityEntry]]:
        """Each locality that enables plugins, with its entry."""
        for code in self.plugged:
            yield code, self.localities[code]

    def offers(self, matter: str, locality: str) -> bool:
        """Whether residents of `locality` are served by the locality that defines
        `matter` (it is that locality or one above it)."""
        return self.matters[matter].locality in self.chain(locality)

    def claim(self, locality: str, matter: str) -> EffectiveClaim | None:
        return self.claims.get(locality, {}).get(matter)

    def department_of(self, matter: Matter) -> Department:
        return self.departments[matter.department].item

    def implementation_code(
        self, code: str, body: str | None = None, locality: str | None = None
    ) -> str:
        """The matter's implementation code; derived as the national structure is
        (catalog code, division code, 000, body credit code, 1, 00) when not written.
        A claim that names its own implementing `body` (a town government deciding a
        matter the county defines) is its own implementation: derived from that body's
        credit code and the claiming `locality`'s division code."""
        entry = self.matters[code]
        if body is not None and body != entry.matter.department:
            credit = self.departments[body].item.credit_code
            place = division12(locality or entry.locality)
            return f"{entry.matter.code}-{place}-000-{credit}-1-00"
        if entry.matter.implementation_code:
            return entry.matter.implementation_code
        from .bodies import body_of

        dept = self.department_of(entry.matter)
        issued = body_of(dept, entry.matter)
        credit = (issued.credit_code if issued else None) or dept.credit_code
        if credit is None:  # not known: the catalog code is the only honest key
            return entry.matter.code
        return f"{entry.matter.code}-{division12(entry.locality)}-000-{credit}-1-00"


def division12(code: str) -> str:
    """A division code as national codes write it: 12 digits, a county's 339901 as
    339901000000 (other codes are kept as they are)."""
    return code.ljust(12, "0") if code.isdigit() and len(code) < 12 else code


def make_bundle(
    root: str,
    revision: str,
    files: tuple[tuple[str, str], ...],
    index: Index,
    claims: Claims,
    warnings: tuple[Diagnostic, ...],
) -> Bundle:
    children: dict[str, list[str]] = {code: [] for code in index.localities}
    for code, entry in index.localities.items():
        if entry.parent in children:
            children[entry.parent].append(code)
    return Bundle(
        root=root,
        revision=revision,
        files=files,
        settings=index.settings,
        localities=dict(index.localities),
        children={k: tuple(sorted(v)) for k, v in children.items()},
        venues=dict(index.venues),
        departments=dict(index.departments),
        matters=dict(index.matters),
        claims=claims,
        calendars={key: doc for key, (doc, _src) in index.calendars.items()},
        warnings=warnings,
        lexicons=tuple(doc for doc, _src in index.lexicons),
        tops=tuple(sorted(c for c, e in index.localities.items() if e.parent not in children)),
        plugged=tuple(c for c, e in index.localities.items() if e.locality.plugins),
    )
