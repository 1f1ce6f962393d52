"""Pinyin typed for Chinese: read through the catalog's own words, found anywhere in
the pinyin of a name, or one letter off it."""

from __future__ import annotations

from collections.abc import Callable

from .evidence import mostly, synonym, units
from .hits import Why
from .index import SearchIndex
from .tally import Tally

BEAM = 12  # readings of a pinyin string kept at each letter
ReadChinese = Callable[[SearchIndex, str, Tally], object]


def as_chinese(index: SearchIndex, typed: str) -> str | None:
    """The Chinese a pinyin string most likely stands for, in the catalog's words:
    readings with the fewest pieces, each a known word (full pinyin or initials) or a
    syllable, the words most used first (身份证申领 for shenfenzhengshenling or
    sfzsl); of those, the first that a name bears out. Initials fit too many words to
    be trusted without a name to bear them out."""
    n = len(typed)
    beams: list[list[tuple[int, int, str, bool]]] = [[] for _ in range(n + 1)]
    beams[0] = [(0, 0, "", False)]
    for i in range(n):
        if not beams[i]:
            continue
        steps = []  # the words that can start here, looked up once for every reading
        for j in range(i + 1, min(n, i + 30) + 1):
            piece = typed[i:j]
            words = index.pinyin.get(piece)
            if words:
                ranked = sorted(words, key=lambda w: (-len(index.postings.get(w, ())), w))
                for w in ranked[:3]:
                    short = len(piece) < len(romanise_word(index, w))
                    steps.append((j, w, len(index.postings.get(w, ())), short))
            elif piece in index.sounds:
                steps.append((j, index.sounds[piece], 0, False))
        for here in beams[i]:
            for j, word, used, initials in steps:
                beams[j].append((here[0] + 1, here[1] - used, here[2] + word, here[3] or initials))
        if i + 1 <= n:
            beams[i + 1] = sorted(set(beams[i + 1]))[:BEAM]
    readings = beams[n]
    for _pieces, _used, text, _initials in readings:
        if index.containing(text):
            return text
    supported = [(max((s for _, s in mostly(index, r[2])), default=0.0), r) for r in readings]
    share, best = max(supported, key=lambda x: x[0], default=(0.0, None))
    if best is not None and share >= 0.6:
        return best[2]
    plain = [r for r in readings if not r[3]]
    return plain[0][2] if plain else None


def romanise_word(index: SearchIndex, word: str) -> str:
    from .pinyin import syllable

    return "".join(syllable(ch) or ch for ch in word)


def pinyin(index: SearchIndex, q: str, credit: Tally, chinese: ReadChinese) -> None:
    tokens = q.split()
    joined = "".join(tokens)
    text = as_chinese(index, joined)
    if text:
        credit.label = Why("pinyin", joined, text)
        chinese(index, text, credit)
        credit.label = None
    for token in {*tokens, joined}:
        if len(token) < 2:
            continue
        for word in () if text else index.pinyin.get(token, ()):
            if word in index.lexicon.meanings:
                synonym(index, word, credit)
            units(index, word, credit, Why("pinyin", token, word), 1.0)
        for key, docs in index.name_sounds.find(token):
            points = 300.0 * len(token) / len(key) + (100.0 if key.startswith(token) else 0.0)
            credit.each(docs, 200.0 + points, Why("pinyin", token, index.names[docs[0]]))


def pinyin_slip(index: SearchIndex, typed: str, credit: Tally) -> None:
    """Pinyin or initials one letter away from a name's (nyjyxkz for 农药经营许可)."""
    if len(typed) < 4:
        return
    from .fuzzy import near

    lines = index.name_sounds.text.split("\n")
    for key in near(typed, lines, limit=5):
        for _line, docs in index.name_sounds.find(key):
            if _line == key:
                for doc in docs:
                    credit(doc, 250.0, Why("pinyin", typed, index.names[doc]))
