"""`catalogkit cases rate`, `cases complain` and `cases satisfaction`: a resident's
rating (好差评) or complaint (投诉) from the command line, and the rates of satisfaction
per venue and matter."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import click

from .cases_cmd import Place, actor, cases_command, fail, guarded, read_json, show

if TYPE_CHECKING:  # the ledger is imported when a subcommand runs: `--help` stays quick
    from ..ledger import NewEvent

# written out so that `--help` imports no ledger; a test keeps them equal to the ledger's
GRADES = ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]
CHANNELS = ["window", "online", "proxy", "kiosk", "mobile", "evaluator", "sms", "phone"]
FOLLOW_UP_STATUSES = ["due", "done", "unreached", "all"]


def new_event(body: dict[str, object]) -> NewEvent:
    from pydantic import ValidationError

    from ..ledger import NewEvent

    try:
        return NewEvent.model_validate(body)
    except ValidationError as exc:
        fail("\n".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()))


@cases_command.command("rate")
@click.argument("case_no")
@click.option("--grade", type=click.Choice(GRADES), required=True)
@click.option("--channel", type=click.Choice(CHANNELS), required=True)
@click.option("--staff", required=True, help="Staff id of who records it.")
@click.option("--note", default=None, help="The resident's words.")
@click.option("--on", type=click.DateTime(["%Y-%m-%d"]), default=None)
@click.pass_obj
def rate_command(
    place: Place,
    case_no: str,
    grade: str,
    channel: str,
    staff: str,
    note: str | None,
    on: dt.datetime | None,
) -> None:
    """Record a rating (好差评) on a finished case; a bad one opens a rectification."""
    from ..ledger.days import today
    from ..ledger.reader_views import case_view


    engine, ledger = place.engine(), place.ledger()
    version = guarded(lambda: ledger.get(case_no))["version"]
    body: dict[str, object] = {"kind": "rate", "version": version, "staff": staff}
    body.update(grade=grade, channel=channel, note=note, on=on.date().isoformat() if on else None)
    new = new_event({k: v for k, v in body.items() if v is not None})
    record = guarded(lambda: ledger.append(case_no, new, engine, actor=actor()))
    show(case_view(record, None, "staff", today()))


@cases_command.command("complain")
@click.argument("complaint_file")
@click.option("--key", default=None, help="An idempotency key: the same key gives the same case.")
@click.pass_obj
def complain_command(place: Place, complaint_file: str, key: str | None) -> None:
    """Register a complaint (投诉) from a JSON file (`-` for standard input)."""
    from ..ledger.complaint_cases import NewComplaint, file
    from ..ledger.days import today
    from ..ledger.reader_views import case_view


    new = read_json(complaint_file, NewComplaint)
    engine, ledger = place.engine(), place.ledger()
    record, _ = guarded(lambda: file(ledger, new, engine, actor=actor(), key=key))
    show(case_view(record, None, "staff", today()))


@cases_command.command("satisfaction")
@click.option("--county", default=None, help="The county (6-digit code).")
@click.option("--venue", default=None)
@click.option("--matter", default=None)
@click.option("--month", default=None, help="YYYY-MM, the month of the first rating.")
@click.option("--format", "form", type=click.Choice(["table", "json"]), default="table")
@click.pass_obj
def satisfaction_command(
    place: Place,
    county: str | None,
    venue: str | None,
    matter: str | None,
    month: str | None,
    form: str,
) -> None:
    """Rates of satisfaction per venue and matter (基本满意 and above / rated)."""
    from ..ledger.satisfaction import Scope, rates, ratings


    if month is not None:
        try:
            dt.date.fromisoformat(month + "-01")
        except ValueError:
            fail(f"--month: expected YYYY-MM, found {month!r} / --month 应为 YYYY-MM")
    ledger = place.ledger()
    scope = Scope(county=county, venue=venue, matter=matter, month=month)
    body = guarded(lambda: rates(ratings(ledger, scope)))
    if form == "json":
        click.echo(json.dumps(body, ensure_ascii=False, indent=2))
        return
    click.echo("venue / 场所           matter / 事项    rated  satisfied  rate     bad  整改")
    for row in [*body["rows"], {"venue": "(total) 合计", "matter": "", **body["total"]}]:
        share = "-" if row["satisfaction"] is None else f"{row['satisfaction']:.2%}"
        click.echo(
            f"{row['venue']:<22} {row['matter']:<14} {row['rated']:>6} {row['satisfied']:>10} "
            f"{share:>8} {row['bad']:>5} {row['rectifications']:>5}"
        )


@cases_command.command("follow-ups")
@click.option("--county", default=None, help="The county (6-digit code).")
@click.option("--venue", default=None, help="Registered at or held by this venue.")
@click.option("--status", type=click.Choice(FOLLOW_UP_STATUSES), default="due")
@click.pass_obj
def follow_ups_command(place: Place, county: str | None, venue: str | None, status: str) -> None:
    """Finished cases chosen for follow-up (回访), and the counts."""
    from ..ledger import followups


    ledger = place.ledger()
    chosen = guarded(lambda: followups.find(ledger, followups.Scope(county, venue, "all")))
    for r in chosen:
        task = r["followUp"]
        if status in ("all", task.get("status")):
            calls = len(task.get("calls", []))
            click.echo(
                f"{r['caseNo']}  {task.get('status'):<10} {task.get('why'):<7} "
                f"calls {calls}/{task.get('attempts')}  {r['venue']:<20} {r['finishedOn']}"
            )
    every = followups.counts(chosen)
    click.echo(" ".join(f"{k} {v}" for k, v in every.items()), err=True)


@cases_command.command("follow-up")
@click.argument("case_no")
@click.option("--reached/--unreached", required=True, help="Whether the resident was reached.")
@click.option("--staff", required=True, help="Staff id of who called.")
@click.option("--grade", type=click.Choice(GRADES), default=None)
@click.option("--note", default=None, help="What the resident said.")
@click.option("--on", type=click.DateTime(["%Y-%m-%d"]), default=None)
@click.pass_obj
def follow_up_command(
    place: Place,
    case_no: str,
    reached: bool,
    staff: str,
    grade: str | None,
    note: str | None,
    on: dt.datetime | None,
) -> None:
    """Record one follow-up call (回访) on a finished case."""
    from ..ledger.days import today
    from ..ledger.reader_views import case_view


    engine, ledger = place.engine(), place.ledger()
    version = guarded(lambda: ledger.get(case_no))["version"]
    body: dict[str, object] = {"kind": "follow-up", "version": version, "staff": staff}
    body.update(reached=reached, grade=grade, note=note, channel="phone")
    body["on"] = on.date().isoformat() if on else None
    new = new_event({k: v for k, v in body.items() if v is not None})
    record = guarded(lambda: ledger.append(case_no, new, engine, actor=actor()))
    show(case_view(record, None, "staff", today()))
