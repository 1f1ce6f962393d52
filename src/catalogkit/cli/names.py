"""Arguments that name a thing: a code, an id or a Chinese name, resolved to the code.

An exact code wins; then an exact name or alias; then a name that contains what was
typed, when only one does. Several equal candidates are listed; an unknown name
gets the nearest ones ("did you mean"). Both end the command with exit 1 and a
message in the chosen language: a wrong name is a fact about the catalog, not a
misuse of the command line.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ..resolve import Bundle

KINDS = {
    "matter": ("matter", "事项"),
    "locality": ("locality", "地点（区划）"),
    "town": ("town or street", "镇（街道）"),
    "venue": ("venue", "场所"),
}
SHOWN = 5


@dataclass(frozen=True)
class Candidate:
    code: str
    name: str
    names: tuple[str, ...]  # the name and its aliases
    where: str = ""  # what tells two equal names apart (the locality above)

    def line(self) -> str:
        where = f"（{self.where}）" if self.where else ""
        return f"  {self.code}  {self.name}{where}"


class UnresolvedName(click.ClickException):
    """A name that matches nothing, or several things: exit 1, in the chosen language."""

    exit_code = 1


def matters(bundle: Bundle) -> list[Candidate]:
    return [
        Candidate(code, e.matter.name, (e.matter.name, *e.matter.aliases))
        for code, e in bundle.matters.items()
    ]


def localities(bundle: Bundle, level: str | None = None) -> list[Candidate]:
    out = []
    for code, e in bundle.localities.items():
        if level is not None and e.locality.level != level:
            continue
        parent = bundle.localities.get(e.parent) if e.parent else None
        where = parent.locality.name if parent is not None else ""
        out.append(Candidate(code, e.locality.name, (e.locality.name, *e.locality.aliases), where))
    return out


def venues(bundle: Bundle) -> list[Candidate]:
    out = []
    for vid, owned in bundle.venues.items():
        owner = bundle.localities.get(owned.locality)
        where = owner.locality.name if owner is not None else ""
        # a locality's code or name finds its venues too
        names = (owned.item.name, owned.locality, *([where] if where else []))
        out.append(Candidate(vid, owned.item.name, names, where))
    return out


def resolve_name(kind: str, text: str, candidates: Iterable[Candidate], lang: str) -> str:
    """The code `text` names, or UnresolvedName with the candidates or nearest matches."""
    pool = list(candidates)
    for c in pool:
        if c.code == text:
            return c.code
    typed = text.strip()
    exact = [c for c in pool if typed in c.names]
    if len(exact) == 1:
        return exact[0].code
    if not exact and typed:
        exact = [c for c in pool if any(typed in n for n in c.names)]
        if len(exact) == 1:
            return exact[0].code
    if exact:
        raise UnresolvedName(ambiguous(kind, text, exact, lang))
    raise UnresolvedName(unknown(kind, text, nearest(typed, pool), lang))


def nearest(text: str, pool: list[Candidate]) -> list[Candidate]:
    """The candidates closest to `text` by code or by any of their names."""

    def score(c: Candidate) -> float:
        best = 0.0
        for word in (c.code, *c.names):
            ratio = difflib.SequenceMatcher(None, text, word).ratio()
            shared = len(set(text) & set(word)) / max(len(set(text)), 1)
            best = max(best, ratio, shared * 0.9 if not text.isascii() else 0.0)
        return best

    scored = sorted(((score(c), c.code, c) for c in pool), key=lambda t: (-t[0], t[1]))
    return [c for s, _, c in scored if s >= 0.5][:SHOWN]


def ambiguous(kind: str, text: str, found: list[Candidate], lang: str) -> str:
    en, zh = KINDS[kind]
    shown = "\n".join(c.line() for c in sorted(found, key=lambda c: c.code)[:12])
    more = len(found) - 12
    if lang == "zh":
        tail = f"\n  ……另有 {more} 个" if more > 0 else ""
        return f"“{text}”可指多个{zh}，请改用编码：\n{shown}{tail}"
    tail = f"\n  … and {more} more" if more > 0 else ""
    return f"{text!r} names more than one {en}; use the code:\n{shown}{tail}"


def unknown(kind: str, text: str, close: list[Candidate], lang: str) -> str:
    en, zh = KINDS[kind]
    shown = "\n".join(c.line() for c in close)
    if lang == "zh":
        head = f"本目录中没有{zh}“{text}”（既不是编码，也不是名称）"
        return f"{head}。是否应为：\n{shown}" if close else f"{head}，也没有相近的{zh}。"
    head = f"no {en} {text!r} in this catalog (neither a code nor a name)"
    return f"{head}. Did you mean:\n{shown}" if close else f"{head}, and none is close."


def not_served(bundle: Bundle, matter: str, locality: str, lang: str) -> str:
    """Why residents of `locality` cannot take `matter` anywhere along their chain."""
    m = bundle.matters[matter]
    definer = bundle.localities[m.locality].locality.name if m.locality in bundle.localities else ""
    place = bundle.localities[locality].locality.name
    if lang == "zh":
        return (
            f"{m.matter.name}（{matter}）是{definer}（{m.locality}）的事项，"
            f"{place}（{locality}）的居民不在其服务范围内"
        )
    return (
        f"{m.matter.name} ({matter}) is a matter of {definer} ({m.locality}), which does not "
        f"serve {place} ({locality})"
    )


def matter_code(bundle: Bundle, text: str, lang: str) -> str:
    return resolve_name("matter", text, matters(bundle), lang)


def locality_code(bundle: Bundle, text: str, lang: str) -> str:
    return resolve_name("locality", text, localities(bundle), lang)


def town_code(bundle: Bundle, text: str, lang: str) -> str:
    return resolve_name("town", text, localities(bundle, "town"), lang)


def venue_id(bundle: Bundle, text: str, lang: str) -> str:
    return resolve_name("venue", text, venues(bundle), lang)


def offered(bundle: Bundle, matter: str, locality: str, lang: str) -> None:
    """UnresolvedName unless residents of `locality` are served for `matter`."""
    if not bundle.offers(matter, locality):
        raise UnresolvedName(not_served(bundle, matter, locality, lang))
