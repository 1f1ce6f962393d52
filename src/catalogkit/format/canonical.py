"""Whether a text is already canonical, known without ruamel.yaml.

Most files a formatter sees are already formatted, and ruamel's round trip is the
slow part of `fmt`. This scanner recognises the common canonical layout line by line:
block mappings indented by 2, lists with `- ` 2 in, one-line plain, quoted and flow
values spaced as fmt writes them, `|`/`>` text, full-line comments at the
indentation of the line below them, end-of-line comments after a value, single
blank lines. It answers True only when sure; anything else (escapes, unusual
numbers, anchors, multi-line values …) answers False, and the file takes the full
path. The tests hold it to `format_text(text) == text` for every file it accepts.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

_KEY = re.compile(r"[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.-]*")
_INT = re.compile(r"(?:0|[1-9][0-9]*)")
_NUMBERISH = re.compile(
    r"[-+]?(?:\.[0-9]|[0-9])[0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)|0[xo][0-9a-fA-F_]+"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"
)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_START = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_PLAIN_BAD_START = set("-?:,[]{}#&*!|>'\"%@`")
_SPECIAL = {"null", "Null", "NULL", "~", "True", "TRUE", "False", "FALSE", "yes", "no"}
_BLOCK_HEADERS = {"|", "|-", ">", ">-"}
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f\ufeff]")  # tabs, CR, NUL, BOM …
MAX_FLOW_DEPTH = 4
_EOL_COMMENT = re.compile(r" +#.*")


class _NotCanonical(Exception):
    pass


def is_canonical(text: str) -> bool:
    """True only if fmt would give back `text` unchanged."""
    if not text.endswith("\n") or text.endswith("\n\n") or _CONTROL.search(text):
        return False
    lines = text[:-1].split("\n")
    if not lines or not lines[0].strip():
        return False
    try:
        _Scan(lines).run()
    except _NotCanonical:
        return False
    return True


def _fail() -> None:
    raise _NotCanonical


class _Scan:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.stack: list[tuple[str, int, set[str]]] = []  # ("map" | "seq", indent, keys)
        self.opened: int | None = None  # a key without value wants a block at this indent

    def run(self) -> None:
        i, n = 0, len(self.lines)
        blank = False
        while i < n:
            line = self.lines[i]
            stripped = line.lstrip(" ")
            indent = len(line) - len(stripped)
            if not stripped:
                if blank or line:  # two blank lines, or spaces on a blank line
                    _fail()
                blank = True
                i += 1
                continue
            blank = False
            if line.endswith(" "):
                _fail()
            if stripped.startswith("#"):
                if indent != self._next_content_indent(i):
                    _fail()
                i += 1
                continue
            i = self._content(i, indent, stripped)
        if self.opened is not None or blank:
            _fail()

    def _next_content_indent(self, i: int) -> int:
        for line in self.lines[i + 1 :]:
            stripped = line.lstrip(" ")
            if stripped and not stripped.startswith("#"):
                return len(line) - len(stripped)
        return -1  # a comment after the last value: leave it to the full path

    def _content(self, i: int, indent: int, text: str) -> int:
        """Check one content line (and the text block it opens); the next line's index."""
        if self.opened is not None:
            if indent != self.opened:
                _fail()
            self.stack.append(("seq" if text.startswith("- ") else "map", indent, set()))
            self.opened = None
        else:
            while self.stack and self.stack[-1][1] > indent:
                self.stack.pop()
            if not self.stack:  # the first value: the document's mapping
                if indent != 0:
                    _fail()
                self.stack.append(("map", 0, set()))
            kind, at, _keys = self.stack[-1]
            if at != indent or (kind == "seq") != text.startswith("- "):
                _fail()
        if text.startswith("- "):
            item = text[2:]
            if item.startswith("- ") or not item:
                _fail()
            if _KEY.match(item) and _key_split(item) is not None:
                self.stack.append(("map", indent + 2, set()))
                return self._pair(i, indent + 2, item)
            _value(item)
            return i + 1
        return self._pair(i, indent, text)

    def _pair(self, i: int, indent: int, text: str) -> int:
        split = _key_split(text)
        if split is None:
            _fail()
        assert split is not None
        keys = self.stack[-1][2]
        if split[0] in keys:
            _fail()  # a duplicate key: fmt refuses the file
        keys.add(split[0])
        value = split[1]
        if value is None:
            self.opened = indent + 2
            return i + 1
        if value in _BLOCK_HEADERS:
            return self._block_text(i + 1, indent + 2)
        _value(value)
        return i + 1

    def _block_text(self, i: int, indent: int) -> int:
        """`|` or `>` text: lines at `indent` or deeper, or empty, up to the next dedent."""
        first = True
        while i < len(self.lines):
            line = self.lines[i]
            stripped = line.lstrip(" ")
            deep = len(line) - len(stripped)
            if not line:
                if first or i + 1 >= len(self.lines) or not self.lines[i + 1].strip():
                    _fail()  # blank first line, or blank lines at the end of the text
                following = self.lines[i + 1]
                if len(following) - len(following.lstrip(" ")) < indent:
                    _fail()
                i += 1
                continue
            if deep < indent or not stripped:
                break
            if first and deep != indent:
                _fail()
            first = False
            i += 1
        if first:
            _fail()
        return i


def _key_split(text: str) -> tuple[str, str | None] | None:
    """(key, value or None) of a `key: value` or `key:` line, or None."""
    m = _KEY.match(text)
    if m is None:
        return None
    rest = text[m.end() :]
    if rest == ":":
        return m.group(), None
    if rest.startswith(": ") and rest[2:] and not rest[2:].startswith(" "):
        return m.group(), rest[2:]
    return None


def _value(text: str) -> None:
    if not _value_ok(text):
        _fail()


@functools.lru_cache(maxsize=4096)
def _value_ok(text: str) -> bool:
    """Values repeat (limits, flags, units): each distinct one is checked once."""
    try:
        _check_value(text)
    except _NotCanonical:
        return False
    return True


def _check_value(text: str) -> None:
    """A one-line value as fmt writes it, with at most an end-of-line comment after it
    (fmt keeps the spaces before its `#`)."""
    if text[0] in "[{\"'":
        end = _flow(text, 0) if text[0] in "[{" else _quoted(text, 0)
        if end != len(text) and not _EOL_COMMENT.fullmatch(text, end):
            _fail()
        return
    hash_at = text.find(" #")
    if hash_at >= 0:
        if not _EOL_COMMENT.fullmatch(text, hash_at):
            _fail()
        text = text[:hash_at].rstrip(" ")
        if not text:
            _fail()
    _plain(text, block=True)


def _plain(text: str, block: bool) -> None:
    if text[0] in _PLAIN_BAD_START or text in _SPECIAL or " #" in text or ": " in text:
        _fail()
    if text.endswith(":") or (not block and any(c in text for c in ",[]{}:#")):
        _fail()
    if _NUMBERISH.fullmatch(text) and not _INT.fullmatch(text):
        _fail()  # floats, signs, 0x, .5, 1e3, 1_000, 1:30: let ruamel decide
    if _DATE_START.match(text):
        if not _DATE.fullmatch(text):
            _fail()  # a timestamp, or a date written unusually
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            _fail()  # 2026-02-30: ruamel refuses it


def _quoted(text: str, start: int) -> int:
    """The end of the quoted scalar at `start` (no escapes in "…"; '' in '…')."""
    quote = text[start]
    i = start + 1
    while True:
        end = text.find(quote, i)
        if end < 0 or (quote == '"' and "\\" in text[i:end]):
            _fail()
        if quote == "'" and text[end + 1 : end + 2] == "'":
            i = end + 2
            continue
        return end + 1


def _flow(text: str, start: int, depth: int = 1) -> int:
    """The end of the flow collection at `start`, spaced `[a, b]` and `{a: 1, b: 2}`."""
    if depth > MAX_FLOW_DEPTH:
        _fail()
    close = "]" if text[start] == "[" else "}"
    i = start + 1
    if text[i : i + 1] == close:
        return i + 1
    while True:
        if close == "}":
            m = _KEY.match(text, i)
            if m is None or text[m.end() : m.end() + 2] != ": ":
                _fail()
            assert m is not None
            i = m.end() + 2
        i = _flow_item(text, i, depth)
        if text[i : i + 1] == close:
            return i + 1
        if text[i : i + 2] != ", ":
            _fail()
        i += 2


def _flow_item(text: str, i: int, depth: int) -> int:
    if i >= len(text):
        _fail()
    if text[i] in "[{":
        return _flow(text, i, depth + 1)
    if text[i] in "\"'":
        return _quoted(text, i)
    j = i
    while j < len(text) and text[j] not in ",]}":
        j += 1
    word = text[i:j]
    if not word or word != word.strip():
        _fail()
    _plain(word, block=False)
    return j
