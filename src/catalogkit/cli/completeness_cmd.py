"""`catalogkit completeness`: what each department still has to fill in."""

from __future__ import annotations

from pathlib import Path

import click

from .catalog_option import CATALOG_OPTION
from .language import LANG_OPTION, pick_language
from .writing import OUTPUT_OPTION, emit


@click.command("completeness")
@CATALOG_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "svg"]),
    default="table",
    show_default=True,
    help="Output format: a table, JSON, or an SVG bar chart.",
)
@OUTPUT_OPTION
@LANG_OPTION
def completeness_command(catalog: Path, fmt: str, output: Path | None, lang: str | None) -> None:
    """The county's to-do list: per field and per department, how many matters still
    lack a national field, the fields that keep the most matters from publication first."""
    language = pick_language(lang)
    from ..report.completeness import as_json, as_svg, as_table, compute_completeness
    from .loading import load_bundle

    found = compute_completeness(load_bundle(catalog, language))
    if fmt == "json":
        text = as_json(found)
    elif fmt == "svg":
        text = as_svg(found, language)
    else:
        text = as_table(found, language)
    emit(text, output)
