"""`catalogkit venue-list VENUE` and `catalogkit booklet TOWN`: printable HTML pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..catalog import PluginChoice
from .catalog_option import CATALOG_OPTION
from .language import LANG_OPTION, pick_language
from .names import town_code, venue_id
from .plugin_options import plugin_options
from .writing import OUTPUT_OPTION, emit


@click.command("venue-list")
@click.argument("venue")
@CATALOG_OPTION
@OUTPUT_OPTION
@LANG_OPTION
@plugin_options
def venue_list_command(
    venue: str, catalog: Path, output: Path | None, lang: str | None, plugins: PluginChoice
) -> None:
    """The 服务事项清单 of VENUE, by window and department, as printable HTML. VENUE is a
    venue id or name."""
    from ..guide import render_page, venue_list  # imported when run: `--help` stays quick
    from .loading import load_bundle

    language = pick_language(lang)
    bundle = load_bundle(catalog, language, plugins)
    venue = venue_id(bundle, venue, language)
    emit(
        render_page(
            "venue.html.j2",
            venue=bundle.venues[venue].item,
            matters=venue_list(bundle, venue),
            revision=bundle.revision,
            generated=dt.date.today().isoformat(),
        ),
        output,
    )


@click.command("booklet")
@click.argument("town")
@CATALOG_OPTION
@OUTPUT_OPTION
@LANG_OPTION
@plugin_options
def booklet_command(
    town: str, catalog: Path, output: Path | None, lang: str | None, plugins: PluginChoice
) -> None:
    """The 百事通 of TOWN: every matter its residents can do, by theme, and where. TOWN
    is a division code or name of a town or street."""
    from ..guide import booklet, render_page  # imported when run: `--help` stays quick
    from .loading import load_bundle

    language = pick_language(lang)
    bundle = load_bundle(catalog, language, plugins)
    town = town_code(bundle, town, language)
    themes = booklet(bundle, town)
    emit(
        render_page(
            "booklet.html.j2",
            town=bundle.locality(town).name,
            themes=themes,
            total=sum(len(v) for v in themes.values()),
            revision=bundle.revision,
            generated=dt.date.today().isoformat(),
        ),
        output,
    )
