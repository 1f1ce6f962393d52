"""What changed inside a long text: the removed and added characters marked, the
unchanged stretches far from a change cut to "…".

Chinese is compared character by character, Latin text word by word. Marks are
private-use characters while phrases are built, so the terminal text and the
Markdown notice each turn them into their own form after escaping: `[-…-]` and
`{+…+}` on a terminal, ~~…~~ and **…** in Markdown. A removed or added space is
shown as ␠ and a line break as ↵, so a whitespace-only edit is visible.
"""

from __future__ import annotations

import difflib
import re

DEL, END_DEL, INS, END_INS = "\ue000", "\ue001", "\ue002", "\ue003"
LONG = 24  # characters: shorter values are shown whole, "A → B"
CONTEXT = 8  # tokens kept on each side of a change
_TOKEN = re.compile(r"[A-Za-z0-9_]+|\s|.", re.S)
Opcodes = list[tuple[str, int, int, int, int]]
_VISIBLE = str.maketrans({" ": "␠", "\n": "↵", "\t": "⇥", "\u3000": "␣"})


def worth_marking(old: str, new: str) -> bool:
    return max(len(old), len(new)) > LONG or "".join(old.split()) == "".join(new.split())


def marked(old: str, new: str) -> tuple[str, str]:
    """`old` with its removed stretches marked, `new` with its added ones."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    ops: Opcodes = list(difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
    return _side(a, ops, 1, DEL, END_DEL), _side(b, ops, 3, INS, END_INS)


def _side(
    tokens: list[str], ops: list[tuple[str, int, int, int, int]], at: int, start: str, end: str
) -> str:
    out: list[str] = []
    for n, (tag, *span) in enumerate(ops):
        lo, hi = span[at - 1], span[at]
        part = tokens[lo:hi]
        if tag == "equal":
            out.append(_cut(part, first=n == 0, last=n == len(ops) - 1))
        elif part:
            out.append(start + "".join(part).translate(_VISIBLE) + end)
    return "".join(out)


def _cut(tokens: list[str], first: bool, last: bool) -> str:
    """An unchanged stretch: whole when short, else its ends next to the changes."""
    keep_head = 0 if first else CONTEXT
    keep_tail = 0 if last else CONTEXT
    if len(tokens) <= keep_head + keep_tail + 1:
        return "".join(tokens)
    head = "".join(tokens[:keep_head])
    tail = "".join(tokens[len(tokens) - keep_tail :]) if keep_tail else ""
    return head + "…" + tail


def for_terminal(text: str) -> str:
    return text.replace(DEL, "[-").replace(END_DEL, "-]").replace(INS, "{+").replace(END_INS, "+}")


def for_markdown(text: str) -> str:
    return text.replace(DEL, "~~").replace(END_DEL, "~~").replace(INS, "**").replace(END_INS, "**")
