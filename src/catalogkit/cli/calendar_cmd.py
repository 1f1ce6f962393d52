"""`catalogkit calendar add YEAR`: add a year's national calendar in one step, from the
State Council notice's dates or from a holiday-cn JSON file."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..catalog import Catalog
from ..errors import UsageError
from ..load.tree import catalog_files
from .catalog_option import CATALOG_OPTION
from .language import LANG_OPTION, pick_language
from .writing import write_atomically

if TYPE_CHECKING:
    from ..calendar.authoring import Day


@click.group("calendar")
@click.option("--lang", type=click.Choice(["zh", "en"]), expose_value=False)
def calendar_command() -> None:
    """Working-day calendars: add next year's from the State Council notice."""


@calendar_command.command("add")
@click.argument("year", type=click.IntRange(1949, 2200))
@click.option(
    "--holiday",
    "holidays",
    multiple=True,
    metavar="NAME=FIRST[..LAST]",
    help="Days off of one holiday, e.g. 春节=2027-02-06..2027-02-14 (repeatable).",
)
@click.option(
    "--workday",
    "workdays",
    multiple=True,
    metavar="NAME=DATE[..LAST]",
    help="A make-up working day (调休上班) and its holiday, e.g. 春节=2027-02-20 (repeatable).",
)
@click.option(
    "--from",
    "source",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='A holiday-cn JSON file ({"year", "days": [{"name", "date", "isOffDay"}]}).',
)
@click.option(
    "--title", help="The notice's title (default: 国务院办公厅关于YEAR年部分节假日安排的通知)."
)
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The notice's publication date (YYYY-MM-DD); needed to cite the notice.",
)
@click.option("--url", help="Where the notice was published.")
@click.option("--force", is_flag=True, help="Replace an existing calendar file of that year.")
@CATALOG_OPTION
@LANG_OPTION
def add_command(
    year: int,
    holidays: tuple[str, ...],
    workdays: tuple[str, ...],
    source: Path | None,
    title: str | None,
    published: dt.datetime | None,
    url: str | None,
    force: bool,
    catalog: Path,
    lang: str | None,
) -> None:
    """Write calendars/YEAR.yaml (kind: Calendar) into the catalog tree, atomically."""
    from ..calendar.authoring import calendar_text, parse_range, problems, read_holiday_cn

    language = pick_language(lang)
    try:
        days: list[Day] = []
        if source is not None:
            days, cited = read_holiday_cn(source.read_text(encoding="utf-8"), year)
            url = url or cited
        for text in holidays:
            days += parse_range(text, off=True)
        for text in workdays:
            days += parse_range(text, off=False)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    found = problems(year, days)
    if found:
        raise click.UsageError("\n".join(found))
    root = Catalog.root_of(catalog)
    folder, header = _where_calendars_live(root)
    target = folder / f"{year}.yaml"
    if target.exists() and not force:
        raise click.UsageError(
            f"{target} exists; check it, or pass --force to replace it"
            f" / {target} 已存在；请核对，或加 --force 覆盖"
        )
    text = calendar_text(
        year,
        days,
        title=title,
        published=published.date() if published else None,
        url=url,
        header=header,
    )
    write_atomically(target, text)
    off = sum(1 for _, _, is_off in days if is_off)
    if language == "zh":
        click.echo(f"已写入 {target}：放假 {off} 天，调休上班 {len(days) - off} 天；请对照通知核对")
    else:
        click.echo(
            f"wrote {target}: {off} days off, {len(days) - off} make-up working days; "
            "check them against the notice"
        )


def _where_calendars_live(root: Path) -> tuple[Path, str | None]:
    """The folder of the tree's newest national calendar (default calendars/), and its
    first line when that names the schema for editors."""
    newest: tuple[int, Path] | None = None
    for path in catalog_files(root):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if not re.search(r"^kind:\s*Calendar\s*$", text, re.M) or re.search(r"^scope:", text, re.M):
            continue
        year = re.search(r"^year:\s*(\d+)\s*$", text, re.M)
        if year and (newest is None or int(year.group(1)) > newest[0]):
            newest = (int(year.group(1)), path)
    if newest is None:
        return root / "calendars", None
    first = newest[1].read_text(encoding="utf-8").splitlines()[0]
    return newest[1].parent, first if first.startswith("# yaml-language-server:") else None
