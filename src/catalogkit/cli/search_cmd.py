"""`catalogkit search`: find matters in residents' own words."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..errors import UsageError
from .catalog_option import CATALOG_OPTION
from .language import LANG_OPTION, pick_language
from .loading import load_bundle

if TYPE_CHECKING:  # imported when the command runs: `catalogkit --help` stays quick
    from ..search import Finder, Results

_KIND_EN = {
    "term": "word",
    "synonym": "everyday term",
    "pinyin": "pinyin",
    "typo": "typo",
    "code": "code",
    "event": "life event",
}


@click.command("search")
@click.argument("query")
@CATALOG_OPTION
@click.option("-l", "--locality", default=None, help="Division code of the resident's locality.")
@click.option("-n", "--limit", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@LANG_OPTION
def search_command(
    query: str, catalog: Path, locality: str | None, limit: int, as_json: bool, lang: str | None
) -> None:
    """Matters for QUERY as residents say it (低保, 过户, dibao, a typo, a code), with why
    each matched; with --locality, only what that resident's places offer, and where."""
    from ..search import Finder, load_index

    language = pick_language(lang)
    bundle = load_bundle(catalog, language)
    finder = Finder(bundle, load_index(bundle))
    try:
        results = finder.search(query, locality=locality, limit=limit)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    if as_json:
        click.echo(json.dumps(plain(results, finder), ensure_ascii=False, indent=2))
        return
    for line in text(results, language):
        click.echo(line)


def plain(results: Results, finder: Finder) -> dict[str, Any]:
    """The answer as JSON, with the keys of `GET /v1/search`."""
    return {
        "query": results.query,
        "total": results.total,
        "events": [
            {
                "id": e.id,
                "name": e.name,
                "party": e.party,
                "matched": e.matched,
                "steps": [{"name": s.name, "code": s.code, "note": s.note} for s in e.steps],
            }
            for e in results.events
        ],
        "items": [
            {
                "code": h.code,
                "implementationCode": finder.bundle.implementation_code(h.code),
                "name": h.name,
                "score": h.score,
                "where": h.where,
                "why": [
                    {"kind": w.kind, "matched": w.matched, "to": w.to, "text": w.text()}
                    for w in h.why
                ],
            }
            for h in results.hits
        ],
        "suggestions": results.suggestions,
        "hotline": results.hotline,
    }


def text(results: Results, lang: str) -> list[str]:
    zh = lang == "zh"
    out = []
    for e in results.events:
        steps = " → ".join(s.name + (f" ({s.code})" if s.code else "") for s in e.steps)
        out.append(f"{'一件事' if zh else 'life event'}: {e.name} ({e.party}): {steps}")
    if results.hits:
        out.append(
            f"「{results.query}」: {results.total} 项事项"
            if zh
            else f"{results.total} matter(s) for “{results.query}”"
        )
    for i, h in enumerate(results.hits, 1):
        where = f"  {h.where}" if h.where else ""
        out.append(f"{i:2d}. {h.name} ({h.code}){where}")
        if zh:
            out.append("    匹配：" + "；".join(w.text() for w in h.why[:3]))
        else:
            out.append(
                "    why: "
                + "; ".join(
                    f"{_KIND_EN[w.kind]} {w.matched}" + (f" → {w.to}" if w.to else "")
                    for w in h.why[:3]
                )
            )
    if not results.hits and not results.events:
        tries = "、".join(results.suggestions) if zh else ", ".join(results.suggestions)
        call = results.hotline or "12345"
        if zh:
            out.append(f"没有找到与「{results.query}」相关的事项。")
            if tries:
                out.append(f"您可以试试：{tries}")
            out.append(f"也可以拨打政务服务便民热线 {call} 咨询。")
        else:
            out.append(f"No matter found for “{results.query}”.")
            if tries:
                out.append(f"Try: {tries}")
            out.append(f"Or call the service hotline {call}.")
    return out
