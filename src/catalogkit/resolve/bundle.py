"""The Bundle: one immutable, indexed view of a whole catalog tree."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from ..errors import Diagnostic, UsageError
from ..model import CalendarDocument, Department, Locality, Matter, SettingsDocument, Venue
from .claims import Claims, EffectiveClaim
from .index import Index, LocalityEntry, MatterEntry, Owned

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
    tops: tuple[str, ...] = field(default=())
    """The localities with no parent in the tree, found once when the bundle is built."""
    plugged: tuple[str, ...] = field(default=())
    """The localities that enable a plugin, in tree order: a load that checks plugins
    (or an engine that needs them) looks at these, not at every locality of a province."""

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

    def matter(self, code: str) -> Matter:
        try:
            return self.matters[code].matter
        except KeyError:
            raise UsageError(f"unknown matter code {code!r}") from None

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

    def implementation_code(self, code: str) -> str:
        """The matter's implementation code; derived as the national structure is
        (catalog code, division code, 000, body credit code, 1, 00) when not written."""
        entry = self.matters[code]
        if entry.matter.implementation_code:
            return entry.matter.implementation_code
        credit = self.department_of(entry.matter).credit_code
        return f"{entry.matter.code}-{entry.locality}-000-{credit}-1-00"


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
        tops=tuple(sorted(c for c, e in index.localities.items() if e.parent not in children)),
        plugged=tuple(c for c, e in index.localities.items() if e.locality.plugins),
    )
