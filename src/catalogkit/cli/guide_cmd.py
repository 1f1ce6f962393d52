"""`catalogkit guide MATTER --locality CODE`: the service guide as seen from a locality."""

from __future__ import annotations

from pathlib import Path

import click

from ..catalog import PluginChoice
from ..errors import CatalogkitError
from .catalog_option import CATALOG_OPTION
from .language import LANG_OPTION, pick_language
from .loading import load_engine
from .names import locality_code, matter_code, offered
from .plugin_options import plugin_options
from .writing import OUTPUT_OPTION, emit


@click.command("guide")
@click.argument("matter")
@click.option("-l", "--locality", required=True, help="Division code the guide is for.")
@CATALOG_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "json"]),
    default="md",
    show_default=True,
    help="Output format.",
)
@OUTPUT_OPTION
@LANG_OPTION
@plugin_options
def guide_command(
    matter: str,
    locality: str,
    catalog: Path,
    fmt: str,
    output: Path | None,
    lang: str | None,
    plugins: PluginChoice,
) -> None:
    """The 办事指南 of MATTER for residents of LOCALITY (md, print-ready html, or json)."""
    from ..guide import build_guide, render

    language = lang or "zh"  # guides are published in Chinese; --lang en for English
    engine = load_engine(catalog, plugins, pick_language(lang))
    locality = locality_code(engine.bundle, locality, pick_language(lang))
    matter = matter_code(engine.bundle, matter, pick_language(lang))
    offered(engine.bundle, matter, locality, pick_language(lang))
    try:
        text = render(build_guide(engine, matter, locality, language), fmt, language)
    except CatalogkitError as exc:
        raise click.UsageError(str(exc)) from None
    emit(text, output)
