"""How values and types are named in messages, in English and Chinese."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from typing import Any

TYPE_NAMES: dict[str, tuple[str, str]] = {
    "str": ("text", "文本"),
    "int": ("a whole number", "整数"),
    "float": ("a number", "数字"),
    "bool": ("true or false", "true 或 false"),
    "NoneType": ("nothing (null)", "空值"),
    "dict": ("a mapping (key: value)", "映射（键: 值）"),
    "list": ("a list", "列表"),
    "date": ("a date", "日期"),
    "datetime": ("a date and time", "日期时间"),
}


def type_name(value: Any) -> tuple[str, str]:
    return TYPE_NAMES.get(type(value).__name__, (type(value).__name__, type(value).__name__))


def show(value: Any, limit: int = 60) -> str:
    """A value as people wrote it, cut short."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif value is None:
        text = "null"
    elif isinstance(value, dt.date | str | int | float):
        text = str(value)
    elif isinstance(value, dict):
        text = "{" + ", ".join(str(k) for k in list(value)[:5]) + ("…}" if len(value) > 5 else "}")
    elif isinstance(value, list):
        text = f"[{len(value)} items]"
    else:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    options = list(choices)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        lower = {c.lower(): c for c in options}
        close = [lower[word.lower()]] if word.lower() in lower else []
    return close[0] if close else None


def with_suggestion(
    en: str, zh: str, word: str, choices: Iterable[str]
) -> tuple[str, str, str | None]:
    """Both messages with a "did you mean" appended when a close choice exists."""
    guess = did_you_mean(word, choices)
    if guess:
        en += f"; did you mean {guess!r}?"
        zh += f"；是否应为 {guess!r}？"
    return en, zh, guess
