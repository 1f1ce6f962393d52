"""What ruamel leaves as it found it and the canonical layout fixes: the column of
full-line comments, blank lines, trailing spaces and the end of the file.

ruamel prints a full-line comment at the column it had in the source, so after
re-indenting, a comment written above a key no longer lines up with it. Each
comment keeps its place relative to the structure instead: it is matched with
the level it was written at in the source (the next line's, or one of the levels
still open above it) and moved to the column that level has now.
"""

from __future__ import annotations

from .layout import BLANK, Layout

_DEEPEST = 1 << 30


def open_levels(layout: Layout) -> dict[int, list[int]]:
    """For each full-line comment's line: the columns it may take, shallowest
    first; the first is the column of the next structural line."""
    following: list[int] = [0] * (len(layout.lines) + 1)
    for line in range(len(layout.lines) - 1, -1, -1):
        levels = layout.levels.get(line)
        following[line] = levels[0] if levels else following[line + 1]
    alone = {c.line for c in layout.comments if c.alone}
    stack: list[int] = []
    out: dict[int, list[int]] = {}
    last_content = -1
    for line in range(len(layout.lines)):
        levels = layout.levels.get(line)
        if levels:
            while stack and stack[-1] >= levels[0]:
                stack.pop()
            stack.extend(levels)
        if line in alone:
            nxt = following[line + 1]
            cap = layout.caps.get(last_content, _DEEPEST)
            out[line] = [nxt] + [c for c in stack if nxt < c <= cap]
        elif layout.lines[line].strip(BLANK):
            last_content = line
    return out


def _rank(column: int, levels: list[int]) -> int:
    """Which of `levels` a comment at `column` was written at: the deepest one not
    deeper than it (comments indented between two levels go to the outer one)."""
    rank = 0
    for i, level in enumerate(levels):
        if level <= column:
            rank = i
    return rank


def place_comments(output: Layout, source: Layout) -> None:
    """Move each full-line comment of `output` to the level it had in `source`, and
    give each end-of-line comment the gap before it that it had there (ruamel keeps
    its column, so the gap grew wherever the line was indented less); both layouts
    hold the same comments in the same order (the caller has checked)."""
    before = open_levels(source)
    after = open_levels(output)
    for old, new in zip(source.comments, output.comments, strict=True):
        line = output.lines[new.line]
        if new.alone:
            rank = _rank(old.column, before[old.line]) if old.alone else 0
            levels = after[new.line]
            column = levels[min(rank, len(levels) - 1)]
            output.lines[new.line] = " " * column + new.text
        elif not old.alone:
            written = source.lines[old.line][: old.column]
            gap = max(1, len(written) - len(written.rstrip(BLANK)))
            output.lines[new.line] = line[: new.column].rstrip(BLANK) + " " * gap + new.text


def finish(layout: Layout) -> str:
    """The lines joined: no trailing spaces, at most one blank line in a row, none
    at the start or the end, one final newline; text inside scalars untouched."""
    out: list[tuple[str, bool]] = []
    for number, line in enumerate(layout.lines):
        kept = number in layout.protected
        if not kept:
            line = line.rstrip(BLANK)
            if not line and (not out or (not out[-1][0] and not out[-1][1])):
                continue  # a blank line at the start, or after another one
        out.append((line, kept))
    while out and not out[-1][0] and not out[-1][1]:
        out.pop()
    return "\n".join(line for line, _ in out) + "\n"
