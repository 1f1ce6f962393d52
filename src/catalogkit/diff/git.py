"""A catalog tree as it was at a git revision, written into a folder of its own.

`REV:PATH` is read the way `git show REV:PATH` reads it (PATH from the top of the
repository, or `./PATH` from the current folder). Files are taken from git's object
database with `git ls-tree` and `git cat-file`, never by checking anything out, so
the working tree and the index are left alone, and `.gitattributes` rules such as
`export-ignore`, which would change what `git archive` gives, do not apply. Only
regular files are written: symbolic links and submodules are skipped, and every
path is checked to stay inside the folder. Nothing is fetched: a revision must be
in the local repository.
"""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

from ..errors import UsageError

_REGULAR = ("100644", "100755")


def looks_like_revision(spec: str) -> bool:
    """`REV:PATH` rather than a folder: it has a colon and is not an existing path."""
    rev, sep, _path = spec.partition(":")
    return bool(sep and rev) and not Path(spec).exists()


def export_revision(spec: str, dest: Path, cwd: Path | None = None) -> Path:
    """Write the tree `spec` (REV:PATH) names into `dest`; returns `dest`."""
    if not looks_like_revision(spec):
        raise UsageError(f"{spec!r} is not of the form REV:PATH (for example HEAD~1:catalogs)")
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", spec], cwd, spec)
    entries: list[tuple[str, str]] = []
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, _tab, raw = record.partition(b"\t")
        mode, kind, oid = meta.decode().split(" ")
        if kind == "blob" and mode in _REGULAR:
            entries.append((oid, raw.decode("utf-8", "surrogateescape")))
    if not entries:
        raise UsageError(f"git: {spec} holds no files")
    blobs = _cat(cwd, spec, [oid for oid, _name in entries])
    dest.mkdir(parents=True, exist_ok=True)
    for oid, name in entries:
        target = _inside(dest, name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(blobs[oid])
    return dest


def _git(args: list[str], cwd: Path | None, spec: str, stdin: bytes | None = None) -> bytes:
    try:
        run = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed, so REV:PATH cannot be read") from None
    if run.returncode != 0:
        problem = run.stderr.decode("utf-8", "replace").strip() or f"exit {run.returncode}"
        raise UsageError(f"git cannot read {spec}: {problem}")
    return run.stdout


def _cat(cwd: Path | None, spec: str, oids: list[str]) -> dict[str, bytes]:
    """Every blob in one `git cat-file --batch` call: `<oid> blob <size>\\n<bytes>\\n`."""
    data = _git(["cat-file", "--batch"], cwd, spec, ("\n".join(oids) + "\n").encode())
    out: dict[str, bytes] = {}
    at = 0
    while at < len(data):
        end = data.index(b"\n", at)
        oid, _kind, size = data[at:end].decode().split(" ")
        start = end + 1
        out[oid] = data[start : start + int(size)]
        at = start + int(size) + 1
    return out


def _inside(dest: Path, name: str) -> Path:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts:
        raise UsageError(f"git: refusing the path {name!r}")
    return dest.joinpath(*path.parts)
