"""`catalogkit due SUBMITTED N`: a due date with its reasoning, for staff who check a
date by hand (the acceptance day assumed, the days skipped, provisional or not)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..catalog import PluginChoice
from ..errors import CatalogkitError
from .catalog_option import CATALOG_OPTION
from .language import LANG_OPTION, pick_language
from .loading import load_engine
from .plugin_options import plugin_options

if TYPE_CHECKING:  # imported when the command runs: its `--help` stays quick
    from ..engine import DueAnswer

# the units of catalogkit.calendar.UNITS, written out so that `--help` imports no
# calendar machinery (tests/cli/test_help_table.py keeps the two equal)
UNITS = ("工作日", "自然日", "日", "月", "年", "即时", "即办", "当场")


@click.command("due")
@click.argument("submitted", type=click.DateTime(formats=["%Y-%m-%d"]))
@click.argument("n", type=click.IntRange(0, 3650))
@click.option(
    "--unit",
    type=click.Choice(UNITS),
    default="工作日",
    show_default=True,
    help="Unit of the limit.",
)
@click.option("--locality", help="Division code whose local calendars and closures apply.")
@click.option("--venue", help="Venue id whose opening hours decide the acceptance day.")
@click.option("--time", "at", help="Time of day the case was handed in, HH:MM.")
@CATALOG_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@LANG_OPTION
@plugin_options
def due_command(
    submitted: dt.datetime,
    n: int,
    unit: str,
    locality: str | None,
    venue: str | None,
    at: str | None,
    catalog: Path,
    as_json: bool,
    lang: str | None,
    plugins: PluginChoice,
) -> None:
    """The due date of a limit of N UNITs for a case submitted on SUBMITTED (YYYY-MM-DD)."""
    language = pick_language(lang)
    if at is not None and not _is_clock(at):
        raise click.BadParameter(
            f"{at!r} is not HH:MM / {at!r} 不是 HH:MM 格式", param_hint="--time"
        )
    engine = load_engine(catalog, plugins, language)
    try:
        answer = engine.due(submitted.date(), n, unit, locality=locality, venue=venue, time=at)
    except CatalogkitError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(as_json_text(answer) if as_json else as_text(answer, language))


def _is_clock(text: str) -> bool:
    try:
        dt.time.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 5


def as_json_text(answer: DueAnswer) -> str:
    body = {
        "submitted": answer.submitted.isoformat(),
        "accepted": answer.accepted.isoformat(),
        "due": answer.due.isoformat(),
        "value": answer.value,
        "unit": answer.unit,
        "provisional": answer.provisional,
        "locality": answer.locality,
        "venue": answer.venue,
        "reasons": [note.as_dict() for note in answer.notes],
    }
    return json.dumps(body, ensure_ascii=False, indent=2)


def as_text(answer: DueAnswer, lang: str) -> str:
    from ..calendar.notes import day_en, day_zh

    zh = lang == "zh"
    day = day_zh if zh else day_en
    mark = ("（暂定）" if zh else " (provisional)") if answer.provisional else ""
    lines = [
        ("申请日期：" if zh else "submitted: ") + day(answer.submitted),
        ("受理日期：" if zh else "accepted:  ") + day(answer.accepted),
        ("期限：" if zh else "limit:     ") + f"{answer.value} {answer.unit}",
        ("办结日期：" if zh else "due:       ") + day(answer.due) + mark,
        "理由：" if zh else "why:",
    ]
    lines += [f"  - {note.text(lang)}" for note in answer.notes]
    return "\n".join(lines)
