"""Which language messages are printed in: --lang, else CATALOGKIT_LANG, else the locale."""

from __future__ import annotations

import os

import click

LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default=None,
    help="Language of messages: zh or en (default: CATALOGKIT_LANG, then the locale).",
)


def pick_language(option: str | None) -> str:
    if option:
        return option
    for var in ("CATALOGKIT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
