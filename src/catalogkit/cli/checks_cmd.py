"""`catalogkit rules`: the checks `validate` applies (the command keeps its name)."""

from __future__ import annotations

import json

import click

from ..check_registry import CHECKS
from .language import LANG_OPTION, pick_language


@click.command("rules")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@LANG_OPTION
def rules_command(as_json: bool, lang: str | None) -> None:
    """List every rule id that `validate` reports, with what it checks."""
    if as_json:
        click.echo(json.dumps([r._asdict() for r in CHECKS], ensure_ascii=False, indent=2))
        return
    language = pick_language(lang)
    width = max(len(r.id) for r in CHECKS)
    for r in CHECKS:
        click.echo(f"{r.id:<{width}}  {r.stage:<9}  {r.zh if language == 'zh' else r.en}")
