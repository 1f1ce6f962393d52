"""`catalogkit diff OLD NEW`: what changed between two catalog trees, or two git
revisions of one (`REV:PATH`), as text, a Markdown notice or JSON.

Exit codes follow `git diff --exit-code`: 0 without differences (and always 0
without --exit-code), 1 with differences when --exit-code is given, and 2 when a
side cannot be read or has errors, which are printed as `validate` prints them.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..catalog import PluginChoice
from ..errors import UsageError
from .language import LANG_OPTION, pick_language
from .loading import open_door
from .output import text_block
from .plugin_options import plugin_options

if TYPE_CHECKING:  # imported when the command runs: its `--help` stays quick
    from ..resolve import Bundle

TROUBLE = 2


@click.command("diff")
@click.argument("old")
@click.argument("new")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "md", "json"]),
    default="text",
    show_default=True,
    help="text for a terminal, md for a publication notice (事项变更公告), json.",
)
@click.option(
    "--exit-code",
    is_flag=True,
    help="Exit 1 when there are differences, 0 when there are none (as git diff).",
)
@LANG_OPTION
@plugin_options
def diff_command(
    old: str,
    new: str,
    fmt: str,
    exit_code: bool,
    lang: str | None,
    plugins: PluginChoice,
) -> None:
    """Compare two catalog trees. OLD and NEW are folders, or REV:PATH to read a
    tree as it is in a git revision (for example HEAD~1:catalogs)."""
    from ..diff import as_dict, diff_bundles
    from ..diff.markdown import as_markdown, issuer_of
    from ..diff.text import as_text

    language = pick_language(lang)
    with tempfile.TemporaryDirectory(prefix="catalogkit-diff-") as tmp:
        try:
            before = _load(old, Path(tmp) / "old", plugins, language)
            after = _load(new, Path(tmp) / "new", plugins, language)
        except UsageError as exc:
            click.echo(f"catalogkit diff: {exc}", err=True)
            sys.exit(TROUBLE)
        except click.ClickException as exc:  # a plugin that cannot be loaded
            click.echo(f"catalogkit diff: {exc.format_message()}", err=True)
            sys.exit(TROUBLE)
    if before is None or after is None:
        sys.exit(TROUBLE)
    diff = diff_bundles(before, after, old, new)
    if fmt == "json":
        click.echo(json.dumps(as_dict(diff), ensure_ascii=False, indent=2))
    elif fmt == "md":
        click.echo(as_markdown(diff, issuer_of(after)), nl=False)
    else:
        click.echo(as_text(diff, language), nl=False)
    sys.exit(1 if exit_code and diff.changes else 0)


def _load(spec: str, scratch: Path, plugins: PluginChoice, lang: str) -> Bundle | None:
    """The bundle of one side, or None after printing its errors. A revision is
    exported into `scratch` first and never cached (its folder is gone afterwards)."""
    from ..diff.git import export_revision, looks_like_revision

    if looks_like_revision(spec):
        where, shown, cache = export_revision(spec, scratch), Path(spec), False
    elif Path(spec).exists():
        where, shown, cache = Path(spec), None, True
        if where.is_file():
            where = where.parent  # the door finds the tree's root from its folder
    else:
        raise UsageError(f"{spec!r} is neither a catalog folder nor REV:PATH")
    report = open_door(where, plugins, lang, cache=cache, quarantine=False).report
    if report.bundle is None:
        report = dataclasses.replace(report, root=shown or report.root)
        for d in report.errors:
            click.echo(text_block(report, d, lang), err=True)
    return report.bundle
