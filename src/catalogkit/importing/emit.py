"""A new file's YAML text written directly in the layout `fmt` keeps (block style,
two-space indents, list items indented under their key), without a round trip
through ruamel: an import of a thousand matters writes in milliseconds. A text is
plain only when YAML 1.2 reads it back as that same text; otherwise, and for every
code, phone and clock time, it is double-quoted."""

from __future__ import annotations

import json
import re
from typing import Any

from .yamlout import CLOCKS, QUOTED, QUOTED_LISTS

_SAFE = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`~][^\n\t]*")
_NOT_TEXT = re.compile(
    r"[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|null|Null|NULL|~"
)


def scalar(value: Any, quote: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    plain = (
        not quote
        and _SAFE.fullmatch(text) is not None
        and not _NOT_TEXT.fullmatch(text)
        and ": " not in text
        and " #" not in text
        and not text.endswith((" ", ":"))
    )
    return text if plain else json.dumps(text, ensure_ascii=False)


def _lines(data: Any, indent: int, key: str | None, out: list[str]) -> None:
    pad = " " * indent
    for k, v in data.items():
        if isinstance(v, dict):
            out.append(f"{pad}{k}:")
            _lines(v, indent + 2, k, out)
        elif isinstance(v, list):
            out.append(f"{pad}{k}:" if v else f"{pad}{k}: []")
            for item in v:
                if isinstance(item, dict):
                    inner: list[str] = []
                    _lines(item, indent + 4, k, inner)
                    out.append(f"{pad}  - {inner[0].lstrip()}")
                    out.extend(inner[1:])
                else:
                    out.append(f"{pad}  - {scalar(item, k in QUOTED_LISTS)}")
        else:
            out.append(f"{pad}{k}: {scalar(v, k in QUOTED or k in CLOCKS)}")


def emit(data: dict[str, Any], header: str = "") -> str:
    out: list[str] = []
    _lines(data, 0, None, out)
    return header + "\n".join(out) + "\n"
