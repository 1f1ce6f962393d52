"""How every output says "not known yet": one wording for guides, pages and lists.

A draft matter's missing field is never filled with a guess; what the resident sees
is 「待补充」 and, where a phone is known, whom to call."""

from __future__ import annotations

from collections.abc import Iterable

UNKNOWN_ZH = "待补充"
UNKNOWN_EN = "not known yet"


def unknown_text(lang: str = "zh", phones: Iterable[str] = ()) -> str:
    """「待补充，请电话咨询 0576-1234567」, or 「待补充」 when no phone is known."""
    numbers = [p for p in phones if p]
    if lang == "zh":
        return f"{UNKNOWN_ZH}，请电话咨询 {'、'.join(numbers)}" if numbers else UNKNOWN_ZH
    return f"{UNKNOWN_EN}; please call {', '.join(numbers)}" if numbers else UNKNOWN_EN


def or_unknown(value: str | None, lang: str = "zh") -> str:
    """The value, or the short unknown word."""
    if value is None:
        return UNKNOWN_ZH if lang == "zh" else UNKNOWN_EN
    return value
