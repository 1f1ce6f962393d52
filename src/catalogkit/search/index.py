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
from itertools import accumulate

from ..resolve import Bundle
from .effective_lexicon import Lexicon, effective
from .postings import Postings
from .units import CJK, Units, normalise, runs

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
    from .pinyin import romaniser
    from .segment import segmenter

    lexicon = effective(bundle)
    codes = sorted(bundle.matters)
    matters = [bundle.matters[c].matter for c in codes]
    known: set[str] = set(lexicon.meanings) | set(lexicon.spoken)
    for meaning in lexicon.meanings.values():
        known.update(meaning.terms)
    for m in matters:
        known.add(m.name)
        known.update(m.aliases)
        if m.theme:
            known.add(m.theme)
        known.update(mat.name for mat in m.materials)
    units = Units(segmenter(normalise(w) for w in known))
    postings: dict[str, dict[int, int]] = {}
    rest: dict[str, dict[int, int]] = {}

    def weigh(fields: list[tuple[str | None, str, str]]) -> dict[str, int]:
        """Each unit of these fields with the weight of the best field holding it."""
        out: dict[str, int] = {}
        for text, where, mode in fields:
            if text:
                weight = FIELD_WEIGHTS[where]
                for unit in units.of(text, mode):
                    if out.get(unit, 0) < weight:
                        out[unit] = weight
        return out

    departments = {k: v.item.name for k, v in bundle.departments.items()}
    bodies: dict[tuple[object, ...], dict[str, int]] = {}  # matters often share all but the name
    for doc, m in enumerate(matters):
        result = m.result.name if m.result else None  # a draft may not give it yet
        objects = tuple(m.service_objects or ())
        body = (
            m.theme,
            result,
            m.department,
            tuple(mat.name for mat in m.materials),
            objects,
            m.conditions,
        )
        common = bodies.get(body)
        if common is None:
            common = bodies[body] = weigh(
                [
                    (m.theme, "theme", "short"),
                    (result, "result", "short"),
                    (departments.get(m.department), "department", "short"),
                    *((mat.name, "material", "words") for mat in m.materials),
                    (" ".join(objects), "objects", "words"),
                    (m.conditions, "condition", "words"),
                ]
            )
        in_name = weigh([(m.name, "name", "full"), *((a, "alias", "full") for a in m.aliases)])
        for unit, weight in in_name.items():
            docs = postings.get(unit)
            if docs is None:
                docs = postings[unit] = {}
            docs[doc] = weight
        for unit, weight in common.items():
            if unit not in in_name:
                docs = rest.get(unit)
                if docs is None:
                    docs = rest[unit] = {}
                docs[doc] = weight
    romanise = romaniser()
    pinyin: dict[str, set[str]] = {}
    spoken = {w for w in units.words if CJK.search(w)} | set(lexicon.meanings)
    spoken |= set(lexicon.spoken)
    for m in matters:  # every two and three characters of a name: fwsyq finds 房屋所有权
        for text in (m.name, *m.aliases):
            for run in runs(text):
                if CJK.match(run):
                    spoken.update(run[i : i + k] for k in (2, 3) for i in range(len(run) - k + 1))
    for word in spoken:
        full, initials = romanise(word)
        pinyin.setdefault(full, set()).add(word)
        if len(initials) >= 2:
            pinyin.setdefault(initials, set()).add(word)
    sounds: dict[str, str] = {}
    for ch in sorted({ch for w in spoken for ch in w if CJK.match(ch)}):
        sound = romanise(ch)[0]
        best = sounds.get(sound)
        if best is None or len(postings.get(ch, ())) > len(postings.get(best, ())):
            sounds[sound] = ch
    by_sound: dict[str, list[int]] = {}
    named: dict[str, tuple[str, str]] = {}
    for doc, m in enumerate(matters):
        for text in (m.name, *m.aliases):
            if text not in named:
                named[text] = romanise("".join(runs(text)))
            for key in named[text]:
                by_sound.setdefault(key, []).append(doc)
    keys = sorted(by_sound)
    code_keys = []
    for doc, code in enumerate(codes):
        code_keys.append((normalise(code), doc))
        code_keys.append((normalise(bundle.implementation_code(code)), doc))
    vocabulary = sorted(  # runs, not whole names: 工伤认定（新办） adds nothing to 工伤认定
        {run for w in known for run in runs(w) if len(run) >= 3}
        | {w for w in units.words if len(w) >= 3}
    )
    return SearchIndex(
        revision=bundle.revision,
        codes=codes,
        names=[m.name for m in matters],
        keys=["\n".join(normalise(t) for t in (m.name, *m.aliases)) for m in matters],
        places=[bundle.matters[c].locality for c in codes],
        themes=[normalise(m.theme or "") for m in matters],
        postings=Postings.of(postings),
        body=Postings.of(rest),
        pinyin=pinyin,
        sounds=sounds,
        name_sounds=NameSounds(
            "\n".join(keys),
            list(accumulate((len(k) + 1 for k in keys[:-1]), initial=0)),
            [tuple(sorted(set(by_sound[k]))) for k in keys],
        ),
        code_keys=sorted(code_keys),
        vocabulary=vocabulary,
        lexicon=lexicon,
        hotline=hotline_of(bundle),
    )


def hotline_of(bundle: Bundle) -> str | None:
    """The number labelled as a hotline (热线) by the tree's top locality, if any."""
    for root in bundle.roots():
        for venue in bundle.locality(root).venues:
            for phone in venue.phones:
                if "热线" in phone.label:
                    return phone.number
    return None
