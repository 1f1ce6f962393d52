"""`catalogkit cases` administration: tokens, rebuilding the projection, JSON Lines
import and export, and copying a whole ledger to another database."""

from __future__ import annotations

from pathlib import Path

import click

from . import cases_exchange, cases_feedback  # noqa: F401  (register subcommands on `cases`)
from .cases_cmd import Place, cases_command, fail, guarded, show
from .writing import write_atomically

__all__ = ["cases_command"]  # with every subcommand below registered on it

# the roles of catalogkit.ledger.tokens.ROLES, written out so that `--help` imports no
# ledger (tests/cli/test_help_table.py keeps the two equal)
ROLES = ("staff", "supervisor")


@cases_command.command("rebuild")
@click.pass_obj
def rebuild_command(place: Place) -> None:
    """Rebuild the projection of current states from the events."""
    ledger = place.ledger()
    cases, events = guarded(ledger.rebuild)
    click.echo(
        f"rebuilt {cases} cases from {events} events / 已由 {events} 条事件重建 {cases} 个办件"
    )


@cases_command.group("tokens")
def tokens_group() -> None:
    """Tokens for window staff (one venue) and supervisors (one county)."""


@tokens_group.command("add")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--venue", default=None, help="The venue of window staff.")
@click.option("--county", default=None, help="The county (6-digit code) of a supervisor.")
@click.option("--label", required=True, help="Who holds it, e.g. 清溪便民服务中心 1 号窗口.")
@click.pass_obj
def add_token(place: Place, role: str, venue: str | None, county: str | None, label: str) -> None:
    """Make a token and print it once (only its hash is kept)."""
    from ..ledger.numbers import county_of

    if role == "staff":
        if not venue:
            fail("a staff token needs --venue / 窗口人员令牌须指定 --venue")
        engine = place.engine()
        if venue not in engine.bundle.venues:
            fail(f"no venue {venue!r} in the catalog / 目录中没有场所 {venue}")
        county = county_of(engine.bundle.venues[venue].locality)
    elif not county or not county.isdigit() or len(county) != 6:
        fail("a supervisor token needs --county with a 6-digit code / 督查令牌须指定 6 位 --county")
    ledger = place.ledger()
    click.echo(guarded(lambda: ledger.make_token(role, venue, county, label)))


@tokens_group.command("revoke")
@click.argument("token_id")
@click.pass_obj
def revoke_token(place: Place, token_id: str) -> None:
    """Revoke a token by its id (the part after `ckl_`)."""
    ledger = place.ledger()
    if not guarded(lambda: ledger.revoke_token(token_id)):
        fail(f"no active token {token_id} / 没有有效的令牌 {token_id}")
    click.echo(f"revoked {token_id} / 已吊销")


@tokens_group.command("list")
@click.pass_obj
def list_tokens(place: Place) -> None:
    """Every token: id, role, venue or county, label, whether revoked (never the secret)."""
    show(guarded(place.ledger().tokens))


@cases_command.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.pass_obj
def export_command(place: Place, output: Path | None) -> None:
    """Every event as JSON Lines, in the order recorded (masked numbers only)."""
    from ..ledger.transfer import export_lines

    ledger = place.ledger()
    lines = guarded(lambda: list(export_lines(ledger)))
    text = "".join(line + "\n" for line in lines)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text)


@cases_command.command("import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def import_command(place: Place, source: Path) -> None:
    """Add the cases of a JSON Lines export; checked whole first, all or nothing."""
    from ..ledger.transfer import import_events, parse

    with source.open(encoding="utf-8") as fh:
        events = guarded(lambda: parse(fh, str(source)))
    ledger = place.ledger()
    cases, n = guarded(lambda: import_events(ledger, events))
    click.echo(f"imported {len(events)} events; the ledger has {cases} cases, {n} events")


@cases_command.command("copy")
@click.option("--to", "target", required=True, help="The database URL to copy into (empty).")
@click.pass_obj
def copy_command(place: Place, target: str) -> None:
    """Copy the whole ledger into an empty database, e.g. from SQLite to PostgreSQL."""
    from ..ledger import Ledger
    from ..ledger.transfer import copy

    source = place.ledger()
    destination = guarded(lambda: Ledger.open(target))
    cases, events = guarded(lambda: copy(source, destination))
    click.echo(f"copied {events} events of {cases} cases / 已复制 {cases} 个办件的 {events} 条事件")
