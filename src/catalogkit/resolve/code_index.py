"""Every named thing of a tree, by its code, with the place it was written."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from ..model import (
    CalendarDocument,
    Department,
    LexiconDocument,
    Locality,
    LocalityDocument,
    Matter,
    MattersDocument,
    SettingsDocument,
    Venue,
)
from ..model.locality import Profile
from .sources import Problems, Source


@dataclass(frozen=True, slots=True)
class LocalityEntry:
    locality: Locality
    source: Source
    parent: str | None


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Owned(Generic[T]):
    """A venue, department or profile with the locality it belongs to."""

    item: T
    locality: str
    source: Source


@dataclass(frozen=True, slots=True)
class MatterEntry:
    matter: Matter
    locality: str
    source: Source


@dataclass
class Index:
    settings: SettingsDocument | None = None
    settings_source: Source | None = None
    localities: dict[str, LocalityEntry] = field(default_factory=dict)
    venues: dict[str, Owned[Venue]] = field(default_factory=dict)
    departments: dict[str, Owned[Department]] = field(default_factory=dict)
    profiles: dict[tuple[str, str], Owned[Profile]] = field(default_factory=dict)
    matters: dict[str, MatterEntry] = field(default_factory=dict)
    matter_docs: list[tuple[MattersDocument, Source]] = field(default_factory=list)
    calendars: dict[tuple[int, str | None], tuple[CalendarDocument, Source]] = field(
        default_factory=dict
    )
    lexicons: list[tuple[LexiconDocument, Source]] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)


def _walk(
    locality: Locality, source: Source, parent: str | None, p: Problems
) -> Iterator[tuple[Locality, Source, str | None]]:
    yield locality, source, parent
    for i, child in enumerate(locality.children):
        where = source.at("children", i)
        if child.parent is not None and child.parent != locality.code:
            p.add(
                "parent-mismatch",
                f"{child.name} is written under {locality.name} ({locality.code}) but says "
                f"'parent: {child.parent}'; remove 'parent' or move the locality",
                f"“{child.name}”写在“{locality.name}”（{locality.code}）之下，却填写了 "
                f"parent: {child.parent}；请删除 parent 或移动该区划",
                where.at("parent"),
                expected=locality.code,
                found=child.parent,
            )
        yield from _walk(child, where, locality.code, p)


def build_index(documents: Sequence[tuple[object, str]]) -> Index:
    index = Index()
    p = index.problems
    for document, file in documents:
        root = Source(file)
        if isinstance(document, SettingsDocument):
            if index.settings_source is not None:
                p.duplicate("settings", "设置文件", "Settings", index.settings_source, root)
            else:
                index.settings, index.settings_source = document, root
        elif isinstance(document, LocalityDocument):
            for locality, source, parent in _walk(document, root, document.parent, p):
                _add_locality(index, locality, source, parent or locality.parent)
        elif isinstance(document, MattersDocument):
            index.matter_docs.append((document, root))
            for i, matter in enumerate(document.matters):
                src = root.at("matters", i)
                seen = index.matters.get(matter.code)
                if seen is not None:
                    p.duplicate("matter", "事项编码", matter.code, seen.source, src.at("code"))
                else:
                    index.matters[matter.code] = MatterEntry(matter, document.locality, src)
        elif isinstance(document, CalendarDocument):
            key = (document.year, document.scope)
            if key in index.calendars:
                p.duplicate(
                    "calendar year",
                    "日历年份",
                    str(document.year),
                    index.calendars[key][1],
                    root.at("year"),
                )
            else:
                index.calendars[key] = (document, root)
        elif isinstance(document, LexiconDocument):
            index.lexicons.append((document, root))
    return index


def _add_locality(index: Index, loc: Locality, source: Source, parent: str | None) -> None:
    p = index.problems
    seen = index.localities.get(loc.code)
    if seen is not None:
        p.duplicate("locality", "区划代码", loc.code, seen.source, source.at("code"))
        return
    index.localities[loc.code] = LocalityEntry(loc, source, parent)
    for i, venue in enumerate(loc.venues):
        src = source.at("venues", i)
        if venue.id in index.venues:
            p.duplicate("venue", "场所标识", venue.id, index.venues[venue.id].source, src.at("id"))
        else:
            index.venues[venue.id] = Owned(venue, loc.code, src)
    for i, dept in enumerate(loc.departments):
        src = source.at("departments", i)
        if dept.id in index.departments:
            first = index.departments[dept.id].source
            p.duplicate("department", "部门标识", dept.id, first, src.at("id"))
        else:
            index.departments[dept.id] = Owned(dept, loc.code, src)
    for i, profile in enumerate(loc.profiles):
        src = source.at("profiles", i)
        key = (loc.code, profile.id)
        if key in index.profiles:
            p.duplicate("profile", "模板", profile.id, index.profiles[key].source, src.at("id"))
        else:
            index.profiles[key] = Owned(profile, loc.code, src)
