"""`catalogkit build`: check a tree and write its compiled bundle, the artifact that
replicas serve with `catalogkit serve --bundle FILE`."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from ..catalog import PluginChoice
from .catalog_option import CATALOG_OPTION
from .language import LANG_OPTION, pick_language
from .loading import open_door
from .output import text_line
from .plugin_options import plugin_options


@click.command("build")
@CATALOG_OPTION
@click.option(
    "-o",
    "--out",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The bundle file to write (replaced atomically).",
)
@LANG_OPTION
@plugin_options
def build_command(catalog: Path, out: Path, lang: str | None, plugins: PluginChoice) -> None:
    """Check the tree as `validate` does and write its compiled bundle to OUT, for
    `serve --bundle OUT` on machines without the tree. Exit 0 written, 1 on errors."""
    language = pick_language(lang)
    started = time.perf_counter()
    # always cold and without the user's cache: a build is made from the files alone, and
    # compiling the bundle once for the artifact costs less than once more for a cache
    report = open_door(catalog, plugins, language, cache=False, quarantine=False).report
    if report.bundle is None:
        for d in report.errors:
            click.echo(text_line(report, d, language), err=True)
        click.echo(
            "not built: the catalog is invalid" if language == "en" else "目录未通过校验，未生成",
            err=True,
        )
        sys.exit(1)
    from ..load.artifact import write_artifact
    from ..search.store import with_index

    try:
        size = write_artifact(with_index(report.bundle), out)  # replicas build no index
    except OSError as exc:
        raise click.ClickException(f"cannot write {out}: {exc.strerror or exc}") from None
    bundle = report.bundle
    seconds = time.perf_counter() - started
    if language == "en":
        click.echo(
            f"built revision {bundle.revision}: {len(bundle.localities):,} localities, "
            f"{len(bundle.matters):,} matters, {size / 2**20:,.1f} MiB, to {out} "
            f"in {seconds:.1f} s"
        )
    else:
        click.echo(
            f"已生成版本 {bundle.revision}：{len(bundle.localities):,} 个区划、"
            f"{len(bundle.matters):,} 项事项，{size / 2**20:,.1f} MiB，写入 {out}"
            f"（{seconds:.1f} 秒）"
        )
