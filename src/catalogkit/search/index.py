"""The search index of one bundle: built with it, kept in the compiled cache.

Each matter is a document numbered by position; `postings` maps a unit (word,
bigram, character) to the documents containing it, with the weight of the best
field it was found in. Pinyin, codes, the typo vocabulary and the lexicon are kept
beside it, so that a query needs neither jieba nor pypinyin."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..resolve import Bundle
from .lexicon import Lexicon, effective
from .units import CJK, Units, normalise

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


@dataclass
class SearchIndex:
    revision: str
    codes: list[str]
    names: list[str]
    keys: list[str]  # normalised name and aliases, one per line
    places: list[str]  # the locality that defines each matter
    themes: list[str]
    postings: dict[str, dict[int, int]]
    pinyin: dict[str, set[str]]  # full pinyin or initials → words and lexicon phrases
    name_pinyin: list[tuple[str, int]]  # sorted (pinyin of a name or alias, document)
    code_keys: list[tuple[str, int]]  # sorted (normalised code, document)
    vocabulary: list[str]  # what a typo is corrected to
    lexicon: Lexicon
    hotline: str | None
    _terms: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    _positions: dict[str, int] = field(default_factory=dict, repr=False)

    def position(self, code: str) -> int:
        if not self._positions:
            self._positions.update((c, i) for i, c in enumerate(self.codes))
        return self._positions[code]

    def in_theme(self, term: str) -> list[int]:
        return [d for d, theme in enumerate(self.themes) if term in theme] if term else []

    def __len__(self) -> int:
        return len(self.codes)

    def containing(self, term: str) -> tuple[int, ...]:
        """Documents whose name or an alias contains `term` (remembered)."""
        found = self._terms.get(term)
        if found is None:
            found = tuple(sorted(_containing(self, term)))
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

    def add(doc: int, text: str | None, where: str, mode: str) -> None:
        if not text:
            return
        weight = FIELD_WEIGHTS[where]
        for unit in units.of(text, mode):
            docs = postings.setdefault(unit, {})
            if docs.get(doc, 0) < weight:
                docs[doc] = weight

    departments = {k: v.item.name for k, v in bundle.departments.items()}
    for doc, m in enumerate(matters):
        add(doc, m.name, "name", "full")
        for alias in m.aliases:
            add(doc, alias, "alias", "full")
        add(doc, m.theme, "theme", "short")
        add(doc, m.result.name, "result", "short")
        add(doc, departments.get(m.department), "department", "short")
        for material in m.materials:
            add(doc, material.name, "material", "words")
        add(doc, " ".join(m.service_objects), "objects", "words")
        add(doc, m.conditions, "condition", "words")
    romanise = romaniser()
    pinyin: dict[str, set[str]] = {}
    spoken = {w for w in units.words if CJK.search(w)} | set(lexicon.meanings)
    spoken |= set(lexicon.spoken)
    for word in spoken:
        full, initials = romanise(word)
        pinyin.setdefault(full, set()).add(word)
        if len(initials) >= 2:
            pinyin.setdefault(initials, set()).add(word)
    name_pinyin: list[tuple[str, int]] = []
    named: dict[str, tuple[str, str]] = {}
    for doc, m in enumerate(matters):
        for text in (m.name, *m.aliases):
            if text not in named:
                named[text] = romanise(normalise(text))
            full, initials = named[text]
            name_pinyin += [(full, doc), (initials, doc)]
    code_keys = []
    for doc, code in enumerate(codes):
        code_keys.append((normalise(code), doc))
        code_keys.append((normalise(bundle.implementation_code(code)), doc))
    vocabulary = sorted(
        {normalise(w) for w in known if len(w) >= 3} | {w for w in units.words if len(w) >= 3}
    )
    return SearchIndex(
        revision=bundle.revision,
        codes=codes,
        names=[m.name for m in matters],
        keys=["\n".join(normalise(t) for t in (m.name, *m.aliases)) for m in matters],
        places=[bundle.matters[c].locality for c in codes],
        themes=[normalise(m.theme or "") for m in matters],
        postings=postings,
        pinyin=pinyin,
        name_pinyin=sorted(set(name_pinyin)),
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
