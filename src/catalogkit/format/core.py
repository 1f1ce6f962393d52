"""One catalog document's text in, its canonical text out.

The steps: line endings to LF; a leading `---` marker dropped (ruamel loses the
comments written above it, and a file holds one document anyway); ruamel's
round-trip print in the canonical indentation; then `tidy` on what that leaves.
This module does not judge the result; `guard` checks that it kept the data and
the comments before anything is written.
"""

from __future__ import annotations

import re

from .emit import reemit
from .layout import Layout, scan_layout
from .tidy import finish, place_comments


class CommentsMoved(ValueError):
    """ruamel did not keep every comment in its order (comments inside a flow
    collection that spans lines are the known case); nothing can be matched."""


_MARKER = re.compile(r"---(?P<comment>[ \t]+#.*)?[ \t]*")


def prepare(text: str) -> str:
    """LF line endings (YAML reads CRLF and CR as LF, so no value changes) and no
    bare leading `---` (its end-of-line comment, if any, stays as a comment)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        marker = _MARKER.fullmatch(line)
        if marker is not None:
            comment = marker.group("comment")
            if comment is None:
                del lines[number]
            else:
                lines[number] = comment.strip()
        break
    return "\n".join(lines)


def format_text(text: str) -> str:
    """The canonical text of one YAML document (parser errors propagate).

    Raises CommentsMoved when ruamel did not keep the comments in their order."""
    source = prepare(text)
    before = scan_layout(source)
    printed = reemit(source)
    after = scan_layout(printed)
    if comment_texts(before) != comment_texts(after):
        raise CommentsMoved("comments were lost or reordered")
    place_comments(after, before)
    return finish(after)


def comment_texts(layout: Layout) -> list[str]:
    return [c.text for c in layout.comments]
