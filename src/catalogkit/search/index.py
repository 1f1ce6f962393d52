"""The search index of one bundle: built with it, kept in the compiled cache.

Each matter is a document numbered by position; `postings` maps a unit (word,
bigram, character) of names and aliases to the documents containing it, with the
weight of the best field it was found in, and `body` does the same for the other
fields (theme, department, result, materials, service objects, conditions); both
are kept packed (postings.py), so that the index loads in milliseconds.
Pinyin, codes, the typo vocabulary and the lexicon are kept beside it, so that a
query needs neither jieba nor pypinyin."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..resolve import Bundle
from .effective_lexicon import Lexicon

REMEMBERED = 20_000  # terms whose matters are remembered between queries

FIELD_WEIGHTS = {
    "name": 10,
    "alias": 8,
    "theme": 4,
    "result": 3,
    "department": 3,
    "material": 2,
    "objects": 1,
    "condition": 1,
}


@dataclass(frozen=True)
class NameSounds:
    """The full pinyin and the initials of every name and alias, one per line in one
    text, so that a typed `sfzsl` or `shenfenzheng` is found anywhere in a name by one
    regular-expression scan."""

    text: str
    starts: list[int]  # where each line starts in `text`
    docs: list[tuple[int, ...]]  # the documents of each line

    def find(self, typed: str) -> list[tuple[str, tuple[int, ...]]]:
        """(line, its documents) for every line containing `typed`."""
        found: dict[int, None] = {}
        for m in re.finditer(re.escape(typed), self.text):
            found[bisect_right(self.starts, m.start()) - 1] = None
        ends = [*self.starts[1:], len(self.text) + 1]
        return [(self.text[self.starts[k] : ends[k] - 1], self.docs[k]) for k in found]


@dataclass
class SearchIndex:
    revision: str
    codes: list[str]
    names: list[str]
    keys: list[str]  # normalised name and aliases, one per line
    places: list[str]  # the locality that defines each matter
    themes: list[str]
    postings: Mapping[str, Mapping[int, int]]  # units of names and aliases (packed)
    body: Mapping[str, Mapping[int, int]]  # units of the other fields, where the name lacks them
    pinyin: dict[str, set[str]]  # full pinyin or initials → words and lexicon phrases
    sounds: dict[str, str]  # a syllable → the catalog's most used character with it
    name_sounds: NameSounds
    code_keys: list[tuple[str, int]]  # sorted (normalised code, document)
    vocabulary: list[str]  # what a typo is corrected to
    lexicon: Lexicon
    hotline: str | None
    _terms: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    _positions: dict[str, int] = field(default_factory=dict, repr=False)
    _themes: dict[str, list[int]] = field(default_factory=dict, repr=False)

    @property
    def matter_codes(self) -> dict[str, int]:
        if not self._positions:
            self._positions.update((c, i) for i, c in enumerate(self.codes))
        return self._positions

    def position(self, code: str) -> int:
        if not self._positions:
            self._positions.update((c, i) for i, c in enumerate(self.codes))
        return self._positions[code]

    def in_theme(self, term: str) -> tuple[int, ...]:
        """Documents whose theme contains `term` (a catalog has few themes)."""
        key = "\ttheme\t" + term
        found = self._terms.get(key)
        if found is None:
            if not self._themes:
                for d, theme in enumerate(self.themes):
                    self._themes.setdefault(theme, []).append(d)
            found = tuple(
                sorted(
                    d
                    for theme, docs in self._themes.items()
                    if term and term in theme
                    for d in docs
                )
            )
            self._terms[key] = found
        return found

    def prepare(self) -> None:
        """Builds now the lookups queries would build on first use."""
        self.in_theme("")
        if self.codes:
            self.position(self.codes[0])

    def __len__(self) -> int:
        return len(self.codes)

    def containing(self, term: str) -> tuple[int, ...]:
        """Documents whose name or an alias contains `term` (remembered, a bounded number)."""
        found = self._terms.get(term)
        if found is None:
            found = tuple(sorted(_containing(self, term)))
            if len(self._terms) >= REMEMBERED:
                self._terms.clear()
            self._terms[term] = found
        return found


def _containing(index: SearchIndex, term: str) -> set[int]:
    if len(term) < 2:
        docs = index.postings.get(term, {})
        return {d for d, w in docs.items() if w >= FIELD_WEIGHTS["alias"] and term in index.keys[d]}
    pairs = sorted((index.postings.get(term[i : i + 2], {}) for i in range(len(term) - 1)), key=len)
    if not pairs or not pairs[0]:
        return set()
    return {d for d in pairs[0] if term in index.keys[d]}


def build_index(bundle: Bundle) -> SearchIndex:
    from .indexing import build_index as build

    return build(bundle)


def hotline_of(bundle: Bundle) -> str | None:
    """The number labelled as a hotline (热线) by the tree's top locality, if any."""
    for root in bundle.roots():
        for venue in bundle.locality(root).venues:
            for phone in venue.phones:
                if "热线" in phone.label:
                    return phone.number
    return None
