"""Everything a verdict of `validate` depends on, read without the checking machinery:
the tree's files (names and content digests, its `plugins/` folder and province
profile included), catalogkit's own code, the installed distributions and the code of
the installed plugins, the options, the catalogkit environment and today's date. Any
change of any of them changes the key, and the full check runs again."""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from importlib.machinery import PathFinder
from pathlib import Path

from ..pinned_today import today
from ..version import __version__
from .source import MAX_FILE_BYTES

_FORMAT = 1
_SKIPPED = {"__pycache__", "node_modules"}
_PRESENTATION = {"CATALOGKIT_LANG"}  # the verdict holds both languages


def verdict_key(root: Path, folders: Sequence[Path], options: Iterable[str]) -> str | None:
    """The key of `root`'s verdict, with plugin `folders` and the verdict's options;
    None when something it depends on cannot be read cheaply (then nothing is kept)."""
    installed = installed_stamp()
    if installed is None:
        return None
    h = hashlib.blake2b(digest_size=16)
    for part in (
        f"verdict {_FORMAT} catalogkit {__version__} python {sys.version}",
        f"today {today().isoformat()}",
        *sorted(f"{k}={v}" for k, v in os.environ.items() if _counts(k)),
        *options,
        code_stamp(),
        installed,
    ):
        h.update(part.encode("utf-8", "surrogateescape") + b"\n")
    for folder in (root, *folders):
        h.update(f"folder {folder.resolve()}\n".encode("utf-8", "surrogateescape"))
        for line in folder_lines(folder):
            h.update(line)
    return h.hexdigest()


def _counts(name: str) -> bool:
    return name.startswith("CATALOGKIT_") and name not in _PRESENTATION


def folder_lines(folder: Path) -> Iterator[bytes]:
    """One line per file below `folder` (hidden folders and bytecode left out): its
    name and a digest of its content. Nothing but regular files is opened (a named
    pipe would block); a file beyond the size limit is named by size and time."""
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in _SKIPPED)
        for name in sorted(filenames) + [d for d in dirnames if os.path.islink(Path(dirpath, d))]:
            path = Path(dirpath, name)
            yield f"{path.relative_to(folder).as_posix()}\0".encode("utf-8", "surrogateescape")
            yield _content(path) + b"\n"


def _content(path: Path) -> bytes:
    try:
        link = os.readlink(path) if path.is_symlink() else ""
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_FILE_BYTES:
            return f"{link}\0{st.st_mode} {st.st_size} {st.st_mtime_ns}".encode("utf-8", "replace")
        with path.open("rb") as fh:
            digest = hashlib.blake2b(fh.read(MAX_FILE_BYTES + 1), digest_size=16).hexdigest()
        return f"{link}\0{digest}".encode("utf-8", "replace")
    except OSError as exc:
        return f"unreadable {exc.errno}".encode()


def code_stamp() -> str:
    """catalogkit's own files by name, size and modification time (an edit of any
    source file changes it; reading them all would cost more than the verdict saves)."""
    package = Path(__file__).resolve().parent.parent
    return "code " + _stat_digest(package)


def _stat_digest(top: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIPPED)
        for name in sorted(filenames):
            try:
                st = os.stat(os.path.join(dirpath, name))
            except OSError:
                continue
            h.update(f"{dirpath}/{name} {st.st_size} {st.st_mtime_ns}\n".encode(errors="replace"))
    return h.hexdigest()


def installed_stamp() -> str | None:
    """Every installed distribution by name and version (as its metadata folder is
    named), and the files of every installed plugin's module by size and time; found
    by reading the metadata folders, without importlib.metadata. None when a plugin's
    module cannot be found without importing it."""
    lines = []
    for entry in sys.path:
        try:
            names = sorted(os.listdir(entry or "."))
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            lines.append(f"dist {entry}/{name}")
            for module in plugin_modules(Path(entry or ".", name, "entry_points.txt")):
                where = _module_stamp(module)
                if where is None:
                    return None
                lines.append(f"plugin {module} {where}")
    return "\n".join(lines)


def plugin_modules(entry_points: Path) -> list[str]:
    """The top-level modules of the `catalogkit` entry points a distribution declares."""
    try:
        text = entry_points.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    out, inside = [], False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            inside = line == "[catalogkit]"
        elif inside and "=" in line:
            out.append(line.split("=", 1)[1].strip().split(":")[0].split(".")[0].strip())
    return out


def _module_stamp(module: str) -> str | None:
    try:
        spec = PathFinder.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    locations = list(spec.submodule_search_locations or [])
    if not locations:
        st = os.stat(spec.origin)
        return f"{spec.origin} {st.st_size} {st.st_mtime_ns}"
    return " ".join(_stat_digest(Path(folder)) for folder in locations)
