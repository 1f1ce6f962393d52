"""Import data to YAML text with format/'s round-trip writer: codes, phones and
clock times always quoted (`511E15002003` written bare would be a YAML float)."""

from __future__ import annotations

import io
import json
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from ..format.reformat import format_text
from ..format.roundtrip import round_trip

QUOTED = {"code", "implementationCode", "creditCode", "locality", "parent", "number"}
QUOTED_LISTS = {"consultation", "supervision"}
CLOCKS = {"opens", "closes"}


def quoted(value: Any, key: str | None = None) -> Any:
    """Plain data as ruamel nodes, quoting what must stay text."""
    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = quoted(v, k)
        return out
    if isinstance(value, list):
        seq = CommentedSeq(quoted(v, key if key in QUOTED_LISTS else None) for v in value)
        return seq
    if isinstance(value, str) and (key in QUOTED or key in QUOTED_LISTS or key in CLOCKS):
        return DoubleQuotedScalarString(value)
    return value


def plain(value: Any) -> Any:
    return json.loads(json.dumps(value, ensure_ascii=False))


def load(text: str) -> Any:
    return round_trip().load(text)


def dump(data: Any, header: str = "") -> str:
    out = io.StringIO()
    round_trip().dump(data, out)
    return format_text(header + out.getvalue())
