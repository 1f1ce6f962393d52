"""Where things sit in a YAML text, line by line, as the formatter needs to know it.

The formatter edits the text ruamel prints (comment indentation, blank lines,
trailing spaces), and an edit in the wrong place changes data: a blank line in a
multi-line scalar is a newline, a comment line indented into a block scalar is
text. So the edits are guided by the parser's own events, never by guessing from
the characters: which lines are inside scalars (`protected`), at which columns a
line opens nodes (`levels`), where comments start (outside every scalar), and how
deep a comment right after a block scalar may go before it would become its text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import (
    CollectionEndEvent,
    CollectionStartEvent,
    Event,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)

BLANK = " \t"
"""YAML's white space; Python's own strip() would also take U+00A0 and the like,
which are text in YAML (`- \xa0` is a one-character string)."""

_COMMENT_START = re.compile(r"(?:^|(?<=[ \t]))#", re.MULTILINE)
_INDICATORS = re.compile(r" *(?:-[ ]+)*")


@dataclass(frozen=True)
class Comment:
    """A comment: 0-based line and column, its text from `#` on (no trailing
    spaces), and whether it stands alone on its line."""

    line: int
    column: int
    text: str
    alone: bool


@dataclass
class Layout:
    lines: list[str]
    levels: dict[int, tuple[int, ...]] = field(default_factory=dict)
    """Structural lines: the columns at which the line opens nodes, outermost first
    (`  - code: x` opens a sequence item at 2 and a mapping at 4)."""
    protected: set[int] = field(default_factory=set)
    """Lines inside a scalar, where whitespace and blank lines are content."""
    comments: list[Comment] = field(default_factory=list)
    caps: dict[int, int] = field(default_factory=dict)
    """Lines of block scalars (header and text): the deepest column a comment that
    follows them may take and still not be read as part of the scalar."""


class _Lines:
    """Line and column of character offsets (the parser's own lines count other
    characters as breaks too, so offsets are the one measure both agree on)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def at(self, index: int) -> tuple[int, int]:
        line = bisect_right(self.starts, index) - 1
        return line, index - self.starts[line]


def _events(text: str) -> list[Event]:
    """libyaml's events (its marks are the pure parser's, fifteen times faster);
    the pure YAML 1.2 parser's where libyaml reads a YAML 1.1 corner as an error."""
    try:
        return list(YAML(typ="safe", pure=False).parse(text))
    except YAMLError:
        return list(YAML(typ="safe", pure=True).parse(text))


def scan_layout(text: str) -> Layout:
    """The layout of a text that parses as YAML (parser errors propagate)."""
    layout = Layout(text.split("\n"))
    where = _Lines(text)
    spans: list[tuple[int, int]] = []
    opens: dict[int, dict[int, bool]] = {}
    blocks: list[tuple[int, int, int, bool]] = []
    frames: list[list[bool]] = []  # each open collection: [is a mapping, next is a key, flow]
    for event in _events(text):
        if isinstance(event, CollectionEndEvent):
            frames.pop()
            continue
        if not isinstance(event, NodeEvent):
            continue
        key = bool(frames) and frames[-1][0] and frames[-1][1]
        if frames and frames[-1][0]:
            frames[-1][1] = not frames[-1][1]
        start, end = event.start_mark.index, event.end_mark.index
        empty = isinstance(event, ScalarEvent) and not event.value and not event.style
        block = isinstance(event, CollectionStartEvent) and not event.flow_style
        if not any(f[2] for f in frames) and not empty:
            line, column = where.at(start)
            # a key or a block collection goes on below its line; a value does not
            columns = opens.setdefault(line, {})
            columns[column] = columns.get(column, False) or key or block
        if isinstance(event, CollectionStartEvent):
            frames.append([isinstance(event, MappingStartEvent), True, not block])
        if not isinstance(event, ScalarEvent) or empty:
            continue
        first, _ = where.at(start)
        last, last_column = where.at(end)
        if event.style in ("|", ">"):
            header_end = text.find("\n", start)
            keep = "+" in text[start : header_end if header_end >= 0 else len(text)]
            spans.append((where.starts[first + 1] if first + 1 < len(where.starts) else end, end))
            blocks.append((first, last - 1 if last_column == 0 else last, start, keep))
        else:
            spans.append((start, end))
            if last > first:
                layout.protected.update(range(first, last + 1))
    _structure(layout, opens)
    _blocks(layout, blocks, where)
    _comments(layout, text, spans, where)
    return layout


def _structure(layout: Layout, opens: dict[int, dict[int, bool]]) -> None:
    """Each line's levels: its dashes, and the node after them if that node goes on
    below the line (`- code: x` opens a mapping; `- 身份证` and `- {a: 1}` end there,
    so a comment under them is not read as inside them)."""
    for line, columns in opens.items():
        text = layout.lines[line]
        lead = _INDICATORS.match(text)
        reach = lead.end() if lead else 0
        inside = [c for c in columns if c <= reach]
        if not inside:
            layout.levels[line] = (len(text) - len(text.lstrip(" ")),)
            continue
        column = max(inside)
        dashes = tuple(i for i, ch in enumerate(text[:column]) if ch == "-")
        layout.levels[line] = (*dashes, column) if columns[column] or not dashes else dashes


def _blocks(layout: Layout, blocks: list[tuple[int, int, int, bool]], where: _Lines) -> None:
    for header, last, start, keep in blocks:
        end = last
        while not keep and end > header and not layout.lines[end].strip(" "):
            end -= 1
        layout.protected.update(range(header + 1, end + 1))
        _, column = where.at(start)
        outer = [c for c in layout.levels.get(header, (0,)) if c < column]
        cap = max(outer) if outer else 0
        for line in range(header, end + 1):
            layout.caps[line] = cap


def _comments(layout: Layout, text: str, spans: list[tuple[int, int]], where: _Lines) -> None:
    spans.sort()
    starts = [s for s, _ in spans]
    taken: set[int] = set()
    for match in _COMMENT_START.finditer(text):
        index = match.start()
        i = bisect_right(starts, index) - 1
        if i >= 0 and spans[i][0] <= index < spans[i][1]:
            continue
        line, column = where.at(index)
        if line in taken:
            continue
        taken.add(line)
        body = layout.lines[line][column:].rstrip(BLANK)
        alone = not layout.lines[line][:column].strip(BLANK)
        layout.comments.append(Comment(line, column, body, alone))
