"""`catalogkit route`: where a resident of a locality takes a matter."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..catalog import PluginChoice
from ..errors import CatalogkitError, UsageError
from ..unknown import or_unknown
from .catalog_option import CATALOG_OPTION
from .language import LANG_OPTION, pick_language
from .loading import load_engine
from .names import locality_code, matter_code, offered
from .plain_json import dumps
from .plugin_options import plugin_options

if TYPE_CHECKING:  # imported when the command runs: its `--help` stays quick
    from ..model.matter import TimeLimit

_ROLE = {
    "zh": {"proxy": "代办", "accept": "受理", "decide": "办理决定"},
    "en": {"proxy": "proxy", "accept": "accepts", "decide": "decides"},
}


def _shown(limit: TimeLimit) -> str:
    return "即时" if limit.unit == "即时" else f"{limit.value} {limit.unit}"


def _pad(text: str, width: int) -> str:
    """Pad to a terminal width, counting a Chinese character as two columns."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(1, width - used)


@click.command("route")
@click.argument("matters", nargs=-1)
@click.option("-l", "--locality", required=True, help="Division code of the resident's locality.")
@CATALOG_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option(
    "--within",
    "within_scope",
    type=click.Choice(["village", "town"]),
    default=None,
    help="List every matter a resident can do without leaving the village or town.",
)
@click.option(
    "--date",
    "on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The day the resident goes (YYYY-MM-DD; default today): routing plugins and "
    "rules apply for that day, and venues closed that day are marked.",
)
@LANG_OPTION
@plugin_options
def route_command(
    matters: tuple[str, ...],
    locality: str,
    catalog: Path,
    as_json: bool,
    within_scope: str | None,
    on: dt.datetime | None,
    lang: str | None,
    plugins: PluginChoice,
) -> None:
    """Where MATTERS are accepted and decided for a resident of LOCALITY on a day (with
    --within: every matter that resident can do without leaving the village or the town)."""
    from ..engine import within

    language = pick_language(lang)
    if not matters and within_scope is None:
        raise click.UsageError(
            "请写出一个或多个事项，或使用 --within village|town"
            if language == "zh"
            else "name one or more matters, or use --within village|town"
        )
    engine = load_engine(catalog, plugins, language)
    bundle = engine.bundle
    locality = locality_code(bundle, locality, language)
    codes = [matter_code(bundle, m, language) for m in matters]
    for code in codes:
        offered(bundle, code, locality, language)
    day = on.date() if on is not None else dt.date.today()
    try:
        routes = [engine.route(m, locality, day) for m in codes]
        if within_scope is not None:
            routes += [
                engine.route(r.matter, locality, day)
                for r in within(bundle, locality, within_scope)
            ]
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    except CatalogkitError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(dumps([asdict(r) for r in routes]))
        return
    place = bundle.locality(locality)
    for r in routes:
        kind = or_unknown(r.handling_kind, language)
        click.echo(f"{r.matter_name} ({r.matter}) · {place.name} · {kind}")
        for hop in r.hops:
            role = _ROLE[language][hop.role]
            agent = f" ({hop.proxy_agent})" if hop.proxy_agent else ""
            limit = ""
            if hop.role == "proxy":  # a proxy leg has its own limit, not the matter's
                leg = hop.leg_limit
                if leg is None:
                    limit = "  代办时限未载明" if language == "zh" else "  leg time not given"
                else:
                    limit = ("  代办时限 " if language == "zh" else "  leg ") + _shown(leg)
            elif hop.promised_limit is not None:
                limit = "  " + _shown(hop.promised_limit)
            closed = ""
            if hop.closed:
                closed = (
                    f"  （{day} {hop.closed}不开放）"
                    if language == "zh"
                    else (f"  (closed on {day}: {hop.closed})")
                )
            click.echo(
                f"  {_pad(role, 10)}{hop.venue_name or hop.locality_name}{agent}{limit}{closed}"
            )
        click.echo(f"  {r.explanation(language)}")
