"""`catalogkit validate`: check catalog trees and report every problem."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..load.opening import real_path
from ..load.tree import SETTINGS_FILE, tree_root
from ..load.verdict import recall, remember
from ..load.verdict_key import verdict_key
from .language import LANG_OPTION, pick_language
from .output import (
    as_json,
    github_line,
    quarantine_lines,
    strict_line,
    summary,
    text_block,
    text_line,
)
from .plugin_options import plugin_options

if TYPE_CHECKING:
    from ..catalog import PluginChoice, Report


class ProgressLine:
    """A one-line progress count on a terminal; silent when output is piped."""

    def __init__(self, enabled: bool, lang: str = "en") -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.shown = False
        self.lang = lang

    def __call__(self, done: int, total: int, errors: int) -> None:
        if self.enabled and (done % 25 == 0 or done == total) and total > 50:
            if self.lang == "zh":
                sys.stderr.write(f"\r{done}/{total} 个文件，已发现 {errors} 个问题 ")
            else:
                sys.stderr.write(f"\r{done}/{total} files, {errors} problem(s) so far ")
            sys.stderr.flush()
            self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only errors, no summary.")
@click.option("-v", "--verbose", is_flag=True, help="Also list every file read.")
@click.option("--no-cache", is_flag=True, help="Do not use or write the compiled cache.")
@click.option(
    "--strict",
    is_flag=True,
    help="Fail on draft matters too, and build nothing when anything is wrong (for CI).",
)
@LANG_OPTION
@plugin_options
def validate_command(
    paths: tuple[Path, ...],
    fmt: str,
    quiet: bool,
    verbose: bool,
    no_cache: bool,
    strict: bool,
    lang: str | None,
    plugins: PluginChoice,
) -> None:
    """Check catalog trees (default: the current folder). Exit 0 clean, 1 on errors."""
    language = pick_language(lang)
    failed = False
    seen: set[Path] = set()
    for path in paths or (Path("."),):
        if _checked(path, tree_root(path), seen):
            continue
        report = _report(path, plugins, language, fmt == "text" and not quiet, no_cache, strict)
        failed |= bool(report.errors) or (strict and bool(report.drafts))
        _print(report, fmt, quiet, verbose, language)
        if strict and report.drafts and fmt == "text":
            click.echo(strict_line(report, language), err=True)
    sys.exit(1 if failed else 0)


def _report(
    path: Path, plugins: PluginChoice, lang: str, shown: bool, no_cache: bool, strict: bool
) -> Report:
    """The report of the tree `path` belongs to: the remembered verdict of an unchanged
    tree (load/verdict.py), else a full check through the door, remembered."""
    started = time.perf_counter()
    key = None if no_cache else _verdict_key(path, plugins, strict)
    if key is not None:
        recalled = recall(tree_root(path), key)
        if recalled is not None:
            recalled.seconds = time.perf_counter() - started
            return recalled
    from .loading import open_door  # the door checks when run: `--help` stays quick

    progress = ProgressLine(shown, lang)
    catalog = open_door(
        path, plugins, lang, cache=not no_cache, quarantine=not strict, progress=progress
    )
    progress.clear()
    if key is not None and key == _verdict_key(path, plugins, strict):  # unchanged meanwhile
        remember(catalog.root, key, catalog.report)
    return catalog.report


def _verdict_key(path: Path, plugins: PluginChoice, strict: bool) -> str | None:
    """The key of the verdict of `path`'s tree under these options; None for a file
    outside any tree and for plugins named by module (their code is not looked at)."""
    root = tree_root(path)
    if plugins.names or not (root / SETTINGS_FILE).is_file():
        return None
    options = (
        f"strict={strict}",
        f"blocked={sorted(plugins.blocked)}",
        f"autoload={plugins.autoload}",
    )
    return verdict_key(root, plugins.folders, options)


def _checked(path: Path, root: Path, seen: set[Path]) -> bool:
    """Whether this tree was already reported: each tree once, since a file inside a
    tree stands for the whole tree (cross-file checks need it); a file outside any
    tree is checked on its own."""
    target = root if path.is_dir() or (root / SETTINGS_FILE).is_file() else path
    if real_path(target) in seen:
        return True
    seen.add(real_path(target))
    return False


def _print(report: Report, fmt: str, quiet: bool, verbose: bool, lang: str) -> None:
    if fmt == "json":
        click.echo(as_json(report))
        return
    shown = report.errors if quiet else report.diagnostics
    if verbose and fmt == "text":
        for name in report.files:
            click.echo(f"read {name}" if lang == "en" else f"读取 {name}")
    for d in shown:
        if fmt == "github":
            click.echo(github_line(report, d, lang))
        else:  # --quiet: one line per error, without the details
            click.echo(text_line(report, d, lang) if quiet else text_block(report, d, lang))
    if not quiet and fmt == "text":
        for line in quarantine_lines(report.quarantined, lang):
            click.echo(line, err=True)
        click.echo(summary(report, lang), err=bool(report.errors))
