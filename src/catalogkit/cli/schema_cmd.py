"""`catalogkit schema`: print or write the published JSON Schema, or check it."""

from __future__ import annotations

from pathlib import Path

import click

from .language import LANG_OPTION, pick_language
from .writing import write_atomically

# where `--check` looks without -o: the schemas/ folder of the repository it runs in
DEFAULT_FILES = {
    False: Path("schemas/catalog-v1.schema.json"),
    True: Path("schemas/case-v1.schema.json"),
}


@click.command("schema")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (atomically) instead of standard output.",
)
@click.option(
    "--check",
    is_flag=True,
    help="Exit 1 if the schema file (-o FILE, default: the tree's schemas/ file) is not "
    "up to date.",
)
@click.option("--cases", is_flag=True, help="The schema of cases and decision tests instead.")
@LANG_OPTION
def schema_command(output: Path | None, check: bool, cases: bool, lang: str | None) -> None:
    """The JSON Schema of catalog files (or of cases), generated from the models.
    With --check, compare it with schemas/catalog-v1.schema.json (or -o FILE)."""
    from ..schema import case_schema_text, catalog_schema_text  # not for `--help`

    zh = pick_language(lang) == "zh"
    text = case_schema_text() if cases else catalog_schema_text()
    if check:
        target = output or DEFAULT_FILES[cases]
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == text:
            click.echo(f"{target} 是最新的" if zh else f"{target} is up to date")
            return
        flag = " --cases" if cases else ""
        if current is None:
            problem = f"{target} 不存在" if zh else f"{target} does not exist"
        else:
            problem = f"{target} 已过期" if zh else f"{target} is stale"
        fix = "；请运行：" if zh else "; run: "
        raise click.ClickException(f"{problem}{fix}catalogkit schema{flag} -o {target}")
    if output is None:
        click.echo(text, nl=False)
        return
    write_atomically(output, text)
