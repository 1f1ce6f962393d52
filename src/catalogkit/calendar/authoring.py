"""Writing a year's Calendar file from the State Council notice's dates, or from a
holiday-cn JSON file (`{"year", "days": [{"name", "date", "isOffDay"}]}`), in the layout
of the shipped calendars (one flow mapping a day, a comment above each holiday)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

from ..errors import UsageError
from ..format import format_text
from ..model import CalendarDocument

Day = tuple[str, dt.date, bool]
"""(holiday name, date, is it a day off)."""


def parse_range(text: str, off: bool) -> list[Day]:
    """`NAME=DATE` or `NAME=FIRST..LAST` (inclusive) as days; the option value of
    `catalogkit calendar add --holiday / --workday`."""
    name, sep, dates = text.partition("=")
    if not sep or not name.strip() or not dates.strip():
        raise UsageError(
            f"{text!r}: expected NAME=YYYY-MM-DD or NAME=YYYY-MM-DD..YYYY-MM-DD"
            f" / {text!r}：应写作 名称=YYYY-MM-DD 或 名称=YYYY-MM-DD..YYYY-MM-DD"
        )
    first_text, _, last_text = dates.strip().partition("..")
    try:
        first = dt.date.fromisoformat(first_text.strip())
        last = dt.date.fromisoformat(last_text.strip()) if last_text else first
    except ValueError:
        raise UsageError(
            f"{text!r}: {dates.strip()!r} is not a date or a range of dates (YYYY-MM-DD)"
            f" / {text!r}：{dates.strip()!r} 不是日期或日期范围（YYYY-MM-DD）"
        ) from None
    if last < first:
        raise UsageError(
            f"{text!r}: the range ends before it starts / {text!r}：结束日期早于开始日期"
        )
    return [
        (name.strip(), dt.date.fromordinal(o), off)
        for o in range(first.toordinal(), last.toordinal() + 1)
    ]


def read_holiday_cn(text: str, year: int) -> tuple[list[Day], str | None]:
    """The days of a holiday-cn JSON file for `year`, and the first notice URL it cites."""
    try:
        data: Any = json.loads(text)
        if data.get("year") != year:
            raise UsageError(
                f"the file is for {data.get('year')!r}, not {year} / 文件年份为 "
                f"{data.get('year')!r}，不是 {year}"
            )
        days = [
            (str(d["name"]), dt.date.fromisoformat(d["date"]), bool(d["isOffDay"]))
            for d in data["days"]
        ]
    except UsageError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UsageError(
            f'not a holiday-cn calendar ({{"year", "days": [{{"name", "date", '
            f'"isOffDay"}}]}}): {exc} / 不是 holiday-cn 格式的日历：{exc}'
        ) from None
    papers = data.get("papers") or []
    url = papers[0] if papers and isinstance(papers[0], str) else None
    return days, url


def problems(year: int, days: Sequence[Day]) -> list[str]:
    """What the calendar checks of `validate` would say, before anything is written."""
    out: list[str] = []
    seen: set[dt.date] = set()
    for name, date, off in days:
        if date.year != year:
            out.append(f"{date} ({name}) is not in {year} / {date}（{name}）不属于 {year} 年")
        if date in seen:
            out.append(f"{date} is given twice / {date} 重复给出")
        seen.add(date)
        if not off and date.weekday() < 5:
            out.append(
                f"{date} ({name}) is a weekday: a make-up working day falls on a Saturday or "
                f"Sunday / {date}（{name}）为周一至周五，调休上班日应为周六或周日"
            )
    if not days:
        out.append("no days given / 未给出任何日期")
    return out


def _scalar(text: str) -> str:
    """Plain when YAML reads it back as the same text, else double-quoted."""
    if not text or any(c in text for c in ",:{}[]#&*!|>'\"%@`") or text != text.strip():
        return json.dumps(text, ensure_ascii=False)
    return text


def calendar_text(
    year: int,
    days: Iterable[Day],
    *,
    title: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
    header: str | None = None,
) -> str:
    """The file's text, in date order with a comment above each holiday, checked by the
    model and put in canonical form by the formatter."""
    lines = [header] if header else []
    lines += [
        f"# {year} national holidays and make-up working days (调休上班), written by",
        "# `catalogkit calendar add`: check every date against the notice before relying on it.",
        "# isOffDay: true = day off; false = make-up working day.",
        "apiVersion: catalogkit/v1",
        "kind: Calendar",
        f"year: {year}",
    ]
    if published is not None:
        title = title or f"国务院办公厅关于{year}年部分节假日安排的通知"
        lines += ["notice:", f"  title: {_scalar(title)}"]
        lines.append(f"  published: {published.isoformat()}")
        if url:
            lines.append(f"  url: {_scalar(url)}")
    elif url:
        lines.append(f"note: {_scalar(f'日期取自 {url}')}")
    lines.append("days:")
    previous = None
    for name, date, off in sorted(days, key=lambda d: d[1]):
        if name != previous:
            lines.append(f"  # {name}")
            previous = name
        lines.append(
            f"  - {{name: {_scalar(name)}, date: {date.isoformat()}, "
            f"isOffDay: {'true' if off else 'false'}}}"
        )
    text = format_text("\n".join(lines) + "\n")
    _check_model(text)
    return text


def _check_model(text: str) -> None:
    from ruamel.yaml import YAML

    try:
        CalendarDocument.model_validate(YAML(typ="safe", pure=True).load(text))
    except Exception as exc:  # pragma: no cover - the text above is built to fit
        raise UsageError(
            f"the calendar would not be valid: {exc} / 生成的日历不符合格式要求：{exc}"
        ) from None
