"""`catalogkit test PATH`: run YAML decision tests against a catalog."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..catalog import PluginChoice
from .language import LANG_OPTION, pick_language
from .loading import load_engine
from .plugin_options import plugin_options


@click.command("test")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option(
    "-c",
    "--catalog",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="Catalog tree (default: the tree PATH is in).",
)
@click.option("-v", "--verbose", is_flag=True, help="List every test, not only failures.")
@LANG_OPTION
@plugin_options
def test_command(
    path: Path,
    catalog: Path | None,
    verbose: bool,
    lang: str | None,
    plugins: PluginChoice,
) -> None:
    """Run the decision tests (kind: DecisionTests) in PATH; exit 1 if any fails."""
    from ..decision_tests import read_tests, run_tests

    language = pick_language(lang)
    tree = catalog or (path if path.is_dir() else path.parent)  # the door finds its root
    tests, problems = read_tests(path)
    for d in problems:
        click.echo(
            f"{d.file}:{d.line}:{d.column}: error [{d.rule}] {d.message(language)}", err=True
        )
    if problems:
        sys.exit(1)
    results = run_tests(load_engine(tree, plugins, language), tests)
    failed = [r for r in results if not r.passed]
    for r in results:
        if verbose or not r.passed:
            verdict = (
                ("通过" if r.passed else "失败")
                if language == "zh"
                else ("PASS" if r.passed else "FAIL")
            )
            click.echo(f"{verdict} {r.file}: {r.name}")
            for diff in r.differences:
                click.echo(f"    {diff}")
    passed = len(results) - len(failed)
    click.echo(
        f"通过 {passed} 个，失败 {len(failed)} 个"
        if language == "zh"
        else f"{passed} passed, {len(failed)} failed"
    )
    sys.exit(1 if failed or not results else 0)
