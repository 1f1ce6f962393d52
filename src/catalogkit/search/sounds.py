"""What the index keeps for typed pinyin: the readings of the catalog's words, the
character most used for each syllable, and the readings of every name. Each distinct
name is read once: a province repeats its counties' names."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from .effective_lexicon import Lexicon
from .units import CJK, Units, runs

Romanise = Callable[[str], tuple[str, str]]


def spoken_words(
    units: Units,
    lexicon: Lexicon,
    names: Collection[tuple[str, ...]],
    romanise: Romanise,
    count: Callable[[str], int],
) -> tuple[dict[str, set[str]], dict[str, str]]:
    """(full pinyin or initials → words and lexicon phrases, a syllable → the
    catalog's most used character with it); `count` says in how many matters' names
    a character is."""
    spoken = {w for w in units.words if CJK.search(w)} | set(lexicon.meanings)
    spoken |= set(lexicon.spoken)
    for text in {t for texts in names for t in texts}:
        for run in runs(text):  # every two and three characters: fwsyq finds 房屋所有权
            if CJK.match(run):
                spoken.update(run[i : i + k] for k in (2, 3) for i in range(len(run) - k + 1))
    pinyin: dict[str, set[str]] = {}
    for word in spoken:
        full, initials = romanise(word)
        pinyin.setdefault(full, set()).add(word)
        if len(initials) >= 2:
            pinyin.setdefault(initials, set()).add(word)
    sounds: dict[str, str] = {}
    for ch in sorted({ch for w in spoken for ch in w if CJK.match(ch)}):
        sound = romanise(ch)[0]
        best = sounds.get(sound)
        if best is None or count(ch) > count(best):
            sounds[sound] = ch
    return pinyin, sounds


def name_sounds(
    named: Mapping[tuple[str, ...], list[int]], romanise: Romanise
) -> tuple[list[str], list[tuple[int, ...]]]:
    """The full pinyin and initials of every name and alias, sorted, with the
    documents of each (`named`: names and aliases → their documents)."""
    by_sound: dict[str, list[int]] = {}
    read: dict[str, tuple[str, str]] = {}
    for texts, docs in named.items():
        for text in texts:
            pair = read.get(text)
            if pair is None:
                pair = read[text] = romanise("".join(runs(text)))
            for key in pair:
                by_sound.setdefault(key, []).extend(docs)
    keys = sorted(by_sound)
    return keys, [tuple(sorted(set(by_sound[k]))) for k in keys]
