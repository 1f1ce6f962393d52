"""Word segmentation with jieba, behind this one module.

jieba's general dictionary (350,000 words) takes one to three seconds to load, more
than a whole county's cold load, so the tokenizer is given a dictionary of the
catalog's own words instead (names, aliases, themes, lexicon phrases and terms);
other characters stand alone (the bigrams of the index cover them). Search mode also yields the
known two- and three-character words inside a longer word. jieba is imported only
when an index is built: a query never needs it."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterable


def segmenter(words: Iterable[str]) -> Callable[[str], list[str]]:
    """A function that cuts a text into words (search mode) with `words` known."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    known = sorted({w.strip() for w in words if w.strip() and " " not in w})
    lines = "".join(f"{w} {100 + 10 * len(w)}\n" for w in known).encode("utf-8")
    # the dictionary is ours and small: build it in memory, never in jieba's file cache
    tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(io.BytesIO(lines))
    tokenizer.initialized = True

    def cut(text: str) -> list[str]:
        return [w for w in tokenizer.cut_for_search(text, HMM=False) if w.strip()]

    return cut
