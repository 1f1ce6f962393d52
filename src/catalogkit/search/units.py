"""What a text is cut into for matching: words, character bigrams, single characters.

Chinese has no spaces, and residents' words rarely equal the official ones, so the
index keeps, for each field, the words jieba finds and (for short fields) every
pair of neighbouring characters: a two-character query then always finds the names
that contain it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

CJK = re.compile(r"[\u3400-\u9fff]")
_SPLIT = re.compile(r"[^\w\u3400-\u9fff]+")


def normalise(text: str) -> str:
    """NFKC (full-width letters and digits become ordinary ones), case-folded."""
    return unicodedata.normalize("NFKC", text).casefold().strip()


def runs(text: str) -> list[str]:
    """The text cut at punctuation and spaces."""
    return [r for r in _SPLIT.split(normalise(text)) if r]


def bigrams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


class Units:
    """Units of texts by mode, each distinct text and each distinct run cut once:
    catalogs repeat a lot (（新办）, 居民身份证, the same conditions)."""

    def __init__(self, cut: Callable[[str], list[str]]) -> None:
        self.cut = cut
        self._seen: dict[tuple[str, str], frozenset[str]] = {}
        self._runs: dict[tuple[str, str], frozenset[str]] = {}
        self.words: set[str] = set()

    def of(self, text: str, mode: str) -> frozenset[str]:
        """mode `full`: words, bigrams and characters; `short`: words and bigrams;
        `words`: words of two characters or more."""
        key = (text, mode)
        found = self._seen.get(key)
        if found is None:
            parts = [self._run(run, mode) for run in runs(text)]
            found = parts[0] if len(parts) == 1 else frozenset().union(*parts)
            self._seen[key] = found
        return found

    def _run(self, run: str, mode: str) -> frozenset[str]:
        key = (run, mode)
        found = self._runs.get(key)
        if found is not None:
            return found
        words = [w for w in self.cut(run) if len(w) >= 2]
        self.words.update(words)
        out = set(words)
        if mode != "words":
            out.update(bigrams(run))
            if len(run) <= 32:
                out.add(run)
        if mode == "full":
            out.update(run)
        found = self._runs[key] = frozenset(out)
        return found
