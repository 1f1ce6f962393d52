"""One catalog document's text in, its canonical text out.

The steps: line endings to LF; a leading `---` marker dropped (ruamel loses the
comments written above it, and a file holds one document anyway); ruamel's
round-trip print in the canonical indentation; then `tidy` on what that leaves,
repeated until it settles. Comments are checked here, because `tidy` needs each
one matched with its place in the source; the data is checked by `guard`, before
anything is written.
"""

from __future__ import annotations

import re

from ..errors import CatalogkitError
from .layout import BLANK, Layout, scan_layout
from .roundtrip import reemit
from .tidy import finish, place_comments


class CommentsMoved(CatalogkitError, ValueError):
    """ruamel did not keep every comment in its order (comments inside a flow
    collection that spans lines are the known case); nothing can be matched.
    `line` and `column` (1-based) are those of the first comment not kept."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(f"the comment at line {line}, column {column} was not kept")
        self.line, self.column = line, column


class Unstable(CatalogkitError, ValueError):
    """Formatting did not settle: each pass gives a different text."""


MAX_PASSES = 4
_MARKER = re.compile(r"---(?P<comment>[ \t]+#.*)?[ \t]*")


def prepare(text: str) -> str:
    """LF line endings (YAML reads CRLF and CR as LF, so no value changes) and no
    bare leading `---` (its end-of-line comment, if any, stays as a comment; the
    line stays, so that line numbers in messages still match the file)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if not line.strip(BLANK) or line.lstrip(BLANK).startswith("#"):
            continue
        marker = _MARKER.fullmatch(line)
        if marker is not None:
            comment = marker.group("comment")
            lines[number] = "" if comment is None else comment.strip(BLANK)
        break
    return "\n".join(lines)


def format_once(text: str) -> str:
    """One pass: the canonical text of one YAML document (parser errors propagate).

    Raises CommentsMoved when ruamel did not keep the comments in their order."""
    source = prepare(text)
    before = scan_layout(source)
    printed = reemit(source)
    after = scan_layout(printed)
    _check_comments(before, after)
    place_comments(after, before)
    return finish(after)


def format_text(text: str, passes: int = MAX_PASSES) -> str:
    """The canonical text: one pass, repeated until it changes nothing. One pass is
    enough for everything but an end-of-line comment after a bare `-` whose item
    starts on the next line: ruamel moves such a comment above the item, one level
    of nesting per pass. Raises Unstable if `passes` are not enough."""
    out = format_once(text)
    if out == text:
        return out
    for _ in range(passes - 1):
        again = format_once(out)
        if again == out:
            return out
        out = again
    raise Unstable(f"still changing after {passes} passes")


def _check_comments(before: Layout, after: Layout) -> None:
    """Raise CommentsMoved at the first comment of `before` that `after` does not
    have at the same place in the order of comments."""
    for i, comment in enumerate(before.comments):
        if i >= len(after.comments) or after.comments[i].text != comment.text:
            raise CommentsMoved(comment.line + 1, comment.column + 1)
    if len(after.comments) > len(before.comments):  # never seen; be safe
        extra = after.comments[len(before.comments)]
        raise CommentsMoved(extra.line + 1, extra.column + 1)
