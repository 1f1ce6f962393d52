"""`catalogkit report …`: supervision from the case ledger (docs/supervision.md):
warning lights of open cases, rates per venue, department, tier, matter and month,
and the cases behind each figure."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .cases_cmd import Place, fail, guarded
from .catalog_option import CATALOG_OPTION
from .writing import OUTPUT_OPTION, emit

if TYPE_CHECKING:  # the ledger and the bundle are imported when a subcommand runs
    from ..resolve import Bundle

DAY = click.DateTime(["%Y-%m-%d"])
DIMENSIONS = ("venue", "department", "tier", "matter", "month")
MEASURES = ("received", "accepted", "completed", "on_time", "early", "proxied", "in_village")


@click.group("report")
@CATALOG_OPTION
@click.option(
    "--database-url",
    envvar="CATALOGKIT_DATABASE_URL",
    default=None,
    help="The ledger's database (default: CATALOGKIT_DATABASE_URL, else the tree's SQLite file).",
)
@click.option("--county", default=None, help="The county (6-digit code; default: the tree's).")
@click.pass_context
@click.option("--lang", type=click.Choice(["zh", "en"]), expose_value=False)
def report_command(
    ctx: click.Context, catalog: Path, database_url: str | None, county: str | None
) -> None:
    """Supervision from the case ledger: warning lights and rates (docs/supervision.md)."""
    ctx.obj = (Place(catalog, database_url), county)  # Place finds the tree's ledger


def _county(bundle: Bundle, given: str | None) -> str:
    from ..supervision.scope import only_county

    found = given or only_county(bundle)
    if found is None:
        fail("name the county with --county / 请用 --county 指定县级区划代码")
    return found


@report_command.command("lights")
@click.option("--venue", default=None, help="Only cases registered at or held by this venue.")
@click.option(
    "--light",
    type=click.Choice(["red", "yellow", "green", "unknown"]),
    multiple=True,
    help="Only this light (repeatable).",
)
@click.option("--on", "on", type=DAY, default=None, help="Count up to this day (default today).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table",
    help="Output format.",
)  # fmt: skip
@OUTPUT_OPTION
@click.pass_obj
def lights_command(
    obj: tuple[Place, str | None],
    venue: str | None,
    light: tuple[str, ...],
    on: dt.datetime | None,
    fmt: str,
    output: Path | None,
) -> None:
    """The warning light of every open case, red first, with why."""
    from ..ledger.days import today
    from ..supervision import lights_of, open_cases
    from ..supervision.reckoner import Reckoner
    from ..supervision.shapes import counts, light_json, lights_table

    place, county = obj
    engine, ledger = place.engine(), place.ledger()
    day = on.date() if on else today()
    cases = guarded(lambda: open_cases(ledger, county=_county(engine.bundle, county), venue=venue))
    first = min((c.applied_on.year for c in cases), default=day.year)
    found = [
        lt
        for lt in lights_of(cases, Reckoner(engine, first), day)
        if not light or lt.light in light
    ]
    if fmt == "json":
        body = {
            "on": day.isoformat(),
            "counts": counts(found),
            "lights": [light_json(lt) for lt in found],
        }
        emit(json.dumps(body, ensure_ascii=False, indent=2) + "\n", output)
    else:
        emit(lights_table(found), output)


@report_command.command("rates")
@click.option("--from", "since", type=DAY, required=True, help="First day of the period.")
@click.option("--to", "until", type=DAY, required=True, help="Last day of the period.")
@click.option(
    "--by", type=click.Choice(DIMENSIONS), multiple=True,
    help="Group by (repeatable; default: venue).",
)  # fmt: skip
@click.option("--venue", default=None, help="Only events at this venue.")
@click.option(
    "--cases", "measure", type=click.Choice(MEASURES), default=None,
    help="List the cases this measure counts instead of the figures.",
)  # fmt: skip
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv", "svg"]), default="table",
    help="Output format: a table, JSON, CSV or an SVG chart of completion rates.",
)  # fmt: skip
@OUTPUT_OPTION
@click.pass_obj
def rates_command(
    obj: tuple[Place, str | None],
    since: dt.datetime,
    until: dt.datetime,
    by: tuple[str, ...],
    venue: str | None,
    measure: str | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Received, accepted, completed, 办结率, on-time rate, 提速率 … of a period."""
    from ..supervision import rates
    from ..supervision.chart import rate_chart
    from ..supervision.rates import period_problem, trace
    from ..supervision.shapes import rates_csv, rates_json, rates_table

    place, county = obj
    engine, ledger = place.engine(), place.ledger()
    code = _county(engine.bundle, county)
    first, last = since.date(), until.date()
    wrong = period_problem(first, last)
    if wrong is not None:
        fail(f"--from/--to: {wrong[0]} / {wrong[1]}")
    if measure:
        rows = guarded(lambda: trace(ledger, engine, code, first, last, measure, venue))
        emit(
            "".join(f"{r['case_no']}\t{r['venue']}\t{r['matter']}\t{r['month']}\n" for r in rows),
            output,
        )
        return
    found = guarded(lambda: rates(ledger, engine, code, first, last, by or ("venue",), venue))
    if fmt == "json":
        emit(json.dumps(rates_json(found), ensure_ascii=False, indent=2) + "\n", output)
    elif fmt == "csv":
        emit(rates_csv(found), output)
    elif fmt == "svg":
        emit(rate_chart(found), output)
    else:
        emit(rates_table(found), output)


@report_command.command("monthly")
@click.option("--month", required=True, help="The month, YYYY-MM.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv", "svg"]), default="table",
    help="Output format: a table, JSON, CSV or an SVG chart of completion rates.",
)  # fmt: skip
@OUTPUT_OPTION
@click.pass_obj
def monthly_command(
    obj: tuple[Place, str | None], month: str, fmt: str, output: Path | None
) -> None:
    """The month's table per venue, as the county reports it upward, with residents'
    ratings, rectifications, complaints and follow-up calls beside the rates."""
    from ..supervision import feedback_shapes as said
    from ..supervision import rates
    from ..supervision.chart import rate_chart
    from ..supervision.shapes import rates_json, rates_table, summary_zh
    from ..supervision.venue_feedback import feedback

    try:
        first = dt.datetime.strptime(month, "%Y-%m").date()
    except ValueError:
        fail(f"--month: expected YYYY-MM, found {month!r} / 月份应为 YYYY-MM 形式")
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    place, county = obj
    engine, ledger = place.engine(), place.ledger()
    code = _county(engine.bundle, county)
    found = guarded(lambda: rates(ledger, engine, code, first, last, ("venue",)))
    heard = guarded(lambda: feedback(ledger, code, first.strftime("%Y-%m")))
    if fmt == "json":
        body = {**rates_json(found), "feedback": said.feedback_json(heard)}
        emit(json.dumps(body, ensure_ascii=False, indent=2) + "\n", output)
    elif fmt == "csv":
        emit(said.monthly_csv(found, heard), output)
    elif fmt == "svg":
        emit(rate_chart(found), output)
    else:
        text = summary_zh(found) + said.summary_zh(heard) + "\n" + rates_table(found)
        emit(text + "\n" + said.feedback_table(heard), output)
