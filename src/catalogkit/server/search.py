"""Finding matters by the words residents use: Chinese keywords in names and aliases.

Chinese has no spaces between words, so a keyword matches as a substring; several
keywords (split on spaces) must all match. Text is NFKC-normalised first, so
full-width letters and digits match their ordinary forms."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..engine import route
from ..resolve import Bundle


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(frozen=True)
class Entry:
    code: str
    name: str
    aliases: str


class MatterIndex:
    def __init__(self, bundle: Bundle) -> None:
        self.bundle = bundle
        self.entries = [
            Entry(
                code,
                normalise(e.matter.name),
                "\n".join(normalise(a) for a in e.matter.aliases),
            )
            for code, e in sorted(bundle.matters.items())
        ]

    def find(self, words: str) -> list[str]:
        """Codes of matching matters, best first: name before alias, earlier before later."""
        keys = normalise(words).split()
        scored = []
        for e in self.entries:
            score = 0
            for key in keys:
                if key in e.name:
                    score += 0 if e.name.startswith(key) else 1
                elif key in e.aliases:
                    score += 2
                elif key in e.code.casefold():
                    score += 3
                else:
                    break
            else:
                scored.append((score, e.code))
        return [code for _, code in sorted(scored)]

    def department(self, code: str, locality: str | None) -> str:
        """The implementing body: for a resident of `locality` when given, the one its
        claim names if any (as the guide's 实施主体), else the matter's department."""
        m = self.bundle.matters[code].matter
        if locality is None:
            return m.department
        return route(self.bundle, code, locality).decided_at.department or m.department

    def tier(self, code: str, locality: str | None) -> str:
        """The level that decides the matter: for a resident of `locality` when given,
        else the level of the locality that defines it."""
        if locality is None:
            return self.bundle.locality(self.bundle.matters[code].locality).level
        decided = route(self.bundle, code, locality).decided_at.locality
        return self.bundle.locality(decided).level
