"""`catalogkit schema`: print or write the published JSON Schema."""

from __future__ import annotations

from pathlib import Path

import click

from ..schema import case_schema_text, catalog_schema_text
from .writing import write_atomically


@click.command("schema")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (atomically) instead of standard output.",
)
@click.option("--check", is_flag=True, help="Exit 1 if the file given by -o is not up to date.")
@click.option("--cases", is_flag=True, help="The schema of cases and decision tests instead.")
def schema_command(output: Path | None, check: bool, cases: bool) -> None:
    """The JSON Schema of catalog files (or of cases), generated from the models."""
    text = case_schema_text() if cases else catalog_schema_text()
    if check and output is None:
        raise click.UsageError("--check needs the file to compare: -o FILE")
    if output is None:
        click.echo(text, nl=False)
        return
    if check:
        current = output.read_text(encoding="utf-8") if output.exists() else ""
        if current != text:
            flag = " --cases" if cases else ""
            raise click.ClickException(
                f"{output} is stale; run: catalogkit schema{flag} -o {output}"
            )
        return
    write_atomically(output, text)
