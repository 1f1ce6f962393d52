"""Writing files so that a crash never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from ..catalog import Catalog
from ..load.opening import real_path


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new one gets the usual 0666 less umask."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())  # the bytes are on disk before the name points at them
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a crash after it must not bring back the old file)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems cannot sync a folder; the file itself is synced
        pass
    finally:
        os.close(fd)


def write_refusal(path: Path) -> tuple[str, str] | None:
    """Why a file must not be replaced without being forced, as (English, 中文): a file
    made read-only on purpose, or a symbolic link to a file outside the catalog folder
    (writing through it would change a file the tree does not own)."""
    tree = real_path(Catalog.root_of(path))
    real = real_path(path)
    if path.is_symlink() and tree not in real.parents:
        return (
            "it is a symbolic link to a file outside the catalog folder",
            "这是指向目录文件夹之外的符号链接",
        )
    try:
        st = os.stat(real)
    except OSError:
        return None  # writing will say why it cannot
    if not st.st_mode & 0o222 or not os.access(real, os.W_OK):
        return "the file is read-only", "文件为只读"
    return None


OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file (atomically) instead of standard output.",
)


def emit(text: str, output: Path | None) -> None:
    """Print `text`, or write it atomically to `output`."""
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text)
