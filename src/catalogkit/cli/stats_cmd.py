"""`catalogkit stats`: the figures administrators report, from the catalog itself."""

from __future__ import annotations

from pathlib import Path

import click

from ..catalog import PluginChoice
from .catalog_option import CATALOG_OPTION
from .language import LANG_OPTION, pick_language
from .plugin_options import plugin_options
from .writing import OUTPUT_OPTION, emit


@click.command("stats")
@CATALOG_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "svg"]),
    default="table",
    show_default=True,
    help="Output format: a table, stable JSON, or an SVG bar chart.",
)
@OUTPUT_OPTION
@LANG_OPTION
@plugin_options
def stats_command(
    catalog: Path,
    fmt: str,
    output: Path | None,
    lang: str | None,
    plugins: PluginChoice,
) -> None:
    """Matters per tier, venue, department and type; shares of immediate, online and
    one-visit matters; limit compression; what villagers can do without leaving the
    village. Exit 1 when the catalog has errors (printed as validate prints them)."""
    from ..report import as_json, as_svg, as_table, compute_stats  # not for `--help`
    from .loading import load_bundle

    language = pick_language(lang)
    bundle = load_bundle(catalog, language, plugins)
    stats = compute_stats(bundle)
    if fmt == "json":
        text = as_json(stats)
    elif fmt == "svg":
        text = as_svg(stats, language)
    else:
        text = as_table(stats, language)
    emit(text, output)
