"""`catalogkit route`: where a resident of a locality takes a matter."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict
from pathlib import Path

import click

from ..engine import route, within
from ..errors import UsageError
from .catalog_option import CATALOG_OPTION
from .language import LANG_OPTION, pick_language
from .loading import load_bundle
from .names import locality_code, matter_code, offered

_ROLE = {
    "zh": {"proxy": "代办", "accept": "受理", "decide": "办理决定"},
    "en": {"proxy": "proxy", "accept": "accepts", "decide": "decides"},
}


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
@LANG_OPTION
def route_command(
    matters: tuple[str, ...],
    locality: str,
    catalog: Path,
    as_json: bool,
    within_scope: str | None,
    lang: str | None,
) -> None:
    """Where MATTERS are accepted and decided for a resident of LOCALITY (with --within:
    every matter that resident can do without leaving the village or the town)."""
    language = pick_language(lang)
    bundle = load_bundle(catalog, language)
    if not matters and within_scope is None:
        raise click.UsageError(
            "请写出一个或多个事项，或使用 --within village|town"
            if language == "zh"
            else "name one or more matters, or use --within village|town"
        )
    locality = locality_code(bundle, locality, language)
    codes = [matter_code(bundle, m, language) for m in matters]
    for code in codes:
        offered(bundle, code, locality, language)
    try:
        routes = [route(bundle, m, locality) for m in codes]
        if within_scope is not None:
            routes += within(bundle, locality, within_scope)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    if as_json:
        click.echo(
            json.dumps([asdict(r) for r in routes], ensure_ascii=False, indent=2, default=str)
        )
        return
    place = bundle.locality(locality)
    for r in routes:
        click.echo(f"{r.matter_name} ({r.matter}) · {place.name} · {r.handling_kind}")
        for hop in r.hops:
            role = _ROLE[language][hop.role]
            agent = f" ({hop.proxy_agent})" if hop.proxy_agent else ""
            limit = ""
            if hop.promised_limit is not None:
                pl = hop.promised_limit
                limit = "  即时" if pl.unit == "即时" else f"  {pl.value} {pl.unit}"
            click.echo(f"  {_pad(role, 10)}{hop.venue_name or hop.locality_name}{agent}{limit}")
        click.echo(f"  {r.explanation(language)}")
