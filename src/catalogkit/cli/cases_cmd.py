"""`catalogkit cases …`: the case ledger from the command line (registering, recording,
reading, listing); administration (tokens, rebuild, import, export, copy) is in
cases_admin.py. The database is CATALOGKIT_DATABASE_URL or the tree's own SQLite file."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from ..catalog import Catalog, PluginChoice
from .catalog_option import CATALOG_OPTION
from .loading import load_engine

if TYPE_CHECKING:  # the ledger is imported when a subcommand runs: `--help` stays quick
    from ..engine import Engine
    from ..ledger import Ledger

T = TypeVar("T")


@dataclass
class Place:
    catalog: Path
    database_url: str | None

    @property
    def url(self) -> str:
        """The database asked for, else the SQLite file of the catalog's tree."""
        from ..ledger import default_url

        return self.database_url or default_url(Catalog.root_of(self.catalog))

    def ledger(self) -> Ledger:
        from ..ledger import Ledger

        return guarded(lambda: Ledger.open(self.url))

    def engine(self) -> Engine:
        return load_engine(self.catalog, PluginChoice(), "en")  # installed and the tree's


def guarded(work: Callable[[], T]) -> T:
    """Ledger errors printed in both languages, exit 1, never a traceback."""
    from ..ledger import LedgerError

    try:
        return work()
    except LedgerError as exc:
        fail(f"{exc.en}\n{exc.zh}")


def fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def actor() -> str:
    return f"cli:{getpass.getuser()}"


def read_json(source: str, what: type[T]) -> T:
    from pydantic import ValidationError

    text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    try:
        return what.model_validate_json(text)  # type: ignore[attr-defined, no-any-return]
    except ValidationError as exc:
        lines = [f"{source}: {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        fail("\n".join(lines))


def show(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


@click.group("cases")
@CATALOG_OPTION
@click.option(
    "--database-url",
    envvar="CATALOGKIT_DATABASE_URL",
    default=None,
    help="The ledger's database (default: CATALOGKIT_DATABASE_URL, else the tree's SQLite file).",
)
@click.pass_context
@click.option("--lang", type=click.Choice(["zh", "en"]), expose_value=False)
def cases_command(ctx: click.Context, catalog: Path, database_url: str | None) -> None:
    """The case ledger: every case from application to result (docs/ledger.md)."""
    ctx.obj = Place(catalog, database_url)


@cases_command.command("create")
@click.argument("case_file")
@click.option("--key", default=None, help="An idempotency key: the same key gives the same case.")
@click.pass_obj
def create_command(place: Place, case_file: str, key: str | None) -> None:
    """Register a case from a JSON file (`-` for standard input)."""
    from ..ledger import NewCase
    from ..ledger.days import today
    from ..ledger.reader_views import case_view

    new = read_json(case_file, NewCase)
    engine, ledger = place.engine(), place.ledger()
    record, _ = guarded(lambda: ledger.create(new, engine, actor=actor(), key=key))
    show(case_view(record, None, "staff", today()))


@cases_command.command("append")
@click.argument("case_no")
@click.argument("event_file")
@click.pass_obj
def append_command(place: Place, case_no: str, event_file: str) -> None:
    """Record an event from a JSON file (`-` for standard input), e.g.
    {"kind": "accept", "version": 1, "staff": "w01"}."""
    from ..ledger import NewEvent
    from ..ledger.days import today
    from ..ledger.reader_views import case_view

    new = read_json(event_file, NewEvent)
    engine, ledger = place.engine(), place.ledger()
    record = guarded(lambda: ledger.append(case_no, new, engine, actor=actor()))
    show(case_view(record, None, "staff", today()))


@cases_command.command("show")
@click.argument("case_no")
@click.pass_obj
def show_command(place: Place, case_no: str) -> None:
    """A case with its timeline, due dates and next step (numbers masked)."""
    from ..ledger.days import today
    from ..ledger.reader_views import case_view

    ledger = place.ledger()
    record = guarded(lambda: ledger.get(case_no))
    show(case_view(record, ledger.timeline(case_no), "staff", today()))


@cases_command.command("list")
@click.option("--venue", default=None)
@click.option("--county", default=None)
@click.option("--matter", default=None)
@click.option("--state", "states", multiple=True, help="Repeatable.")
@click.option("--from", "since", type=click.DateTime(["%Y-%m-%d"]), default=None)
@click.option("--to", "until", type=click.DateTime(["%Y-%m-%d"]), default=None)
@click.option("--overdue/--not-overdue", default=None)
@click.option("--limit", type=click.IntRange(1, 100_000), default=100, show_default=True)
@click.pass_obj
def list_command(
    place: Place,
    venue: str | None,
    county: str | None,
    matter: str | None,
    states: tuple[str, ...],
    since: dt.datetime | None,
    until: dt.datetime | None,
    overdue: bool | None,
    limit: int,
) -> None:
    """Cases newest first, one line each: number, state, matter, venue, promised date."""
    from ..ledger import Filters
    from ..ledger.days import today

    filters = Filters(
        venue=venue,
        county=county,
        matter=matter,
        states=states,
        since=since.date() if since else None,
        until=until.date() if until else None,
        overdue=overdue,
        today=today(),
    )
    ledger = place.ledger()
    page, _ = guarded(lambda: ledger.find(filters, None, limit))
    for r in page:
        due = r["due"].get("promised") or "-"
        click.echo(f"{r['caseNo']}  {r['state']:<18} {r['matter']:<12} {r['venue']:<20} {due}")
