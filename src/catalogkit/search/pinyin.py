"""Pinyin of words, from pypinyin's table of characters, behind this one module:
residents type `dibao` or `db` on a phone keyboard without switching to Chinese input.

pypinyin's own converter loads its phrase dictionary on import (one to two seconds,
more than a county's whole cold load), so only its character table is read (about
0.1 s) and each character takes its most common reading. A word whose reading
differs from its characters' first readings (银行 read as yin-xing) is still found
through its name, its characters and the lexicon."""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    spec = importlib.util.find_spec("pypinyin")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json"
    raw: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    first = {code: readings.split(",")[0] for code, readings in raw.items()}
    plain = {reading: _plain(reading) for reading in set(first.values())}  # 1,500 of 42,000
    return {chr(int(code)): plain[reading] for code, reading in first.items()}


def _plain(syllable: str) -> str:
    """Without tone marks, ü written v (as on a pinyin keyboard)."""
    syllable = syllable.replace("ü", "v")
    bare = unicodedata.normalize("NFD", syllable)
    return "".join(c for c in bare if not unicodedata.combining(c)).lower()


def syllable(char: str) -> str | None:
    return _table().get(char)


def romaniser() -> Callable[[str], tuple[str, str]]:
    """A function giving (full pinyin, initials) of a word, both in lower-case ASCII
    without tones or spaces; characters without pinyin are kept as they are."""
    table = _table()

    def romanise(word: str) -> tuple[str, str]:
        syllables = [table.get(ch, ch) for ch in word]
        return "".join(syllables), "".join(s[0] for s in syllables if s)

    return romanise
