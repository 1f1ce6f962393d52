"""`catalogkit fmt`: canonical formatting of catalog files, comments kept.

Diffs and the names of changed files go to stdout, so `--diff` can be piped into
a patch; refusals (diagnostics in validate's format) and the summary go to
stderr. Exit 0 when every file is formatted, 1 when `--check`/`--diff` finds
files to change or a file is refused, 2 on usage errors (click's own).
"""

from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import Diagnostic
from ..load.opening import real_path
from .language import LANG_OPTION, pick_language
from .output import text_block
from .progress import Progress
from .writing import write_atomically, write_refusal

if TYPE_CHECKING:  # the formatter is imported when run, so that `--help` stays quick
    from ..format.files import Formatted


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def unified(item: Formatted) -> str:
    """A unified diff of one file (git's marker where a side lacks a final newline)."""
    name = _shown(item.path).replace(os.sep, "/")
    lines = difflib.unified_diff(
        item.old.splitlines(keepends=True),
        (item.new or "").splitlines(keepends=True),
        f"a/{name}",
        f"b/{name}",
    )
    return "".join(x if x.endswith("\n") else x + "\n\\ No newline at end of file\n" for x in lines)


def _refuse(root: Path, problems: list[Diagnostic], lang: str) -> None:
    from ..catalog import Report

    report = Report(root=root)
    for d in problems:
        click.echo(text_block(report, d, lang), err=True)


def _summary(counts: dict[str, int], check: bool, lang: str) -> str:
    changed, same, refused = counts["changed"], counts["same"], counts["refused"]
    if lang == "zh":
        verb = "需要格式化" if check else "已格式化"
        return f"{verb} {changed} 个文件，{same} 个无需改动，{refused} 个被拒绝"
    verb = "would be reformatted" if check else "reformatted"
    return f"{changed} file(s) {verb}, {same} unchanged, {refused} refused"


@click.command("fmt")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--check", is_flag=True, help="Write nothing; list files that would change, exit 1.")
@click.option(
    "--diff", is_flag=True, help="Write nothing; print a unified diff; exit 1 on changes."
)
@click.option("--force", is_flag=True, help="Write files even if they do not validate.")
@LANG_OPTION
def fmt_command(
    paths: tuple[Path, ...], check: bool, diff: bool, force: bool, lang: str | None
) -> None:
    """Format catalog files canonically (default: the current folder), keeping
    comments, key order and quotes. Never changes data; refuses invalid files
    unless --force."""
    from ..format.files import collect

    language = pick_language(lang)
    dry = check or diff
    run = _Run(language, check, diff, force)
    counts = {"changed": 0, "same": 0, "refused": 0}
    files = collect(paths or (Path("."),))
    progress = Progress(len(files), language)
    for done, path in enumerate(files, 1):
        progress.show(done)
        counts[run.one(path, progress)] += 1
    progress.clear()
    click.echo(_summary(counts, dry, language), err=True)
    sys.exit(1 if counts["refused"] or (dry and counts["changed"]) else 0)


class _Run:
    """One file at a time: format, then show, refuse or write."""

    def __init__(self, lang: str, check: bool, diff: bool, force: bool) -> None:
        from ..format.files import Validation

        self.lang, self.check, self.diff, self.force = lang, check, diff, force
        self.validation = Validation()

    def one(self, path: Path, progress: Progress | None = None) -> str:
        """'changed', 'same' or 'refused'."""
        from ..format.files import format_file

        try:
            item = format_file(path)
        except OSError as exc:
            return self._cannot(path, "read", exc)
        if progress is not None and not (item.new is not None and not item.changed):
            progress.clear()  # a line about this file follows
        if item.new is None:
            _refuse(item.root, item.problems, self.lang)
            return "refused"
        if not item.changed:
            return "same"
        if self.check or self.diff:
            shown = unified(item) if self.diff else _status(path, True, self.lang)
            click.echo(shown, nl=not self.diff)
            return "changed"
        root, errors = (item.root, []) if self.force else self.validation.errors(item)
        if errors:
            _refuse(root, errors, self.lang)
            return "refused"
        refusal = None if self.force else write_refusal(path)
        if refusal is not None:
            return self._refused(path, refusal)
        try:
            write_atomically(real_path(path), item.new)  # through a symlink, not over it
        except OSError as exc:
            return self._cannot(path, "write", exc)
        click.echo(_status(path, False, self.lang))
        return "changed"

    def _refused(self, path: Path, why: tuple[str, str]) -> str:
        if self.lang == "zh":
            text = f"不写入该文件：{why[1]}（确需写入请加 --force）"
        else:
            text = f"not writing the file: {why[0]} (--force writes it)"
        click.echo(f"{_shown(path)}: error: {text}", err=True)
        return "refused"

    def _cannot(self, path: Path, what: str, exc: OSError) -> str:
        reason = exc.strerror or str(exc)
        if self.lang == "zh":
            verb = "读取" if what == "read" else "写入"
            click.echo(f"{_shown(path)}: error: 无法{verb}文件：{reason}", err=True)
        else:
            click.echo(f"{_shown(path)}: error: cannot {what} the file: {reason}", err=True)
        return "refused"


def _status(path: Path, check: bool, lang: str) -> str:
    if lang == "zh":
        return f"{'需要格式化' if check else '已格式化'} {_shown(path)}"
    return f"{'would reformat' if check else 'reformatted'} {_shown(path)}"
