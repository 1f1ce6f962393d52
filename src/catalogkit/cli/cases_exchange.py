"""`catalogkit cases exchange`: the provincial exchange export (docs/exchange.md), since a
cursor, written atomically; with --cursor-file the cursor is read from and written
back to a file after the export is safely written, so a scheduled job just repeats."""

from __future__ import annotations

from pathlib import Path

import click

from .cases_cmd import Place, cases_command, guarded
from .writing import write_atomically


@cases_command.command("exchange")
@click.option("--since", default=None, help="The cursor the last export gave (default: all).")
@click.option(
    "--cursor-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Read the cursor from this file and write the next one there afterwards.",
)
@click.option("--county", default=None, help="Only the cases of this county (6-digit code).")
@click.option("--format", "form", type=click.Choice(["jsonl", "csv"]), default="jsonl")
@click.option("--limit", type=click.IntRange(1, 1_000_000), default=100_000, show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.pass_obj
def exchange_command(
    place: Place,
    since: str | None,
    cursor_file: Path | None,
    county: str | None,
    form: str,
    limit: int,
    output: Path | None,
) -> None:
    """Cases in the exchange's stages (申请, 受理, 特别程序, 办结, 送达) since a cursor."""
    from ..ledger.exchange_export import as_csv, as_lines, page

    if since is None and cursor_file is not None and cursor_file.exists():
        since = cursor_file.read_text(encoding="utf-8").strip() or None
    ledger = place.ledger()
    records, cursor = guarded(lambda: page(ledger, since, limit, county))
    body = as_csv(records) if form == "csv" else as_lines(records)
    if output is None:
        click.echo(body, nl=False)
    else:
        write_atomically(output, body)
    if cursor_file is not None:
        write_atomically(cursor_file, cursor + "\n")
    click.echo(f"{len(records)} records; next cursor / 下次游标: {cursor}", err=True)
