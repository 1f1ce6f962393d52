"""The compiled bundle as a build artifact: built once (in a county's or a
province's CI), copied to any number of stateless replicas, served without the
YAML tree.

The file is a marker line, a small header (format, Python version, a hash of
catalogkit's own code, the revision) and the bundle in the compiled cache's lazy
form. The header is read first, so a file from another build of catalogkit is
refused with a message rather than unpickled. Unpickling runs code: an artifact is
a build output to be trusted like the code that serves it, so one that others
than its owner may write to is refused too."""

from __future__ import annotations

import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..errors import UsageError
from . import mapped
from .cache import code_fingerprint

MAGIC = b"catalogkit-bundle\n"
FORMAT = 2


def header(revision: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "python": list(sys.version_info[:2]),
        "code": code_fingerprint(),
        "revision": revision,
    }


def write_artifact(bundle: Any, path: Path) -> int:
    """Writes the bundle to `path` atomically; returns the size in bytes."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC)
            mapped.dump(out, header(bundle.revision), bundle)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path.stat().st_size


def _ours(found: Any) -> bool:
    revision = found.get("revision", "") if isinstance(found, dict) else ""
    return bool(found == header(revision))


def read_artifact(path: Path) -> Any:
    """The bundle in `path`, or UsageError saying why it cannot be served."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            mode = os.fstat(fh.fileno()).st_mode
            if mode & (stat.S_IWGRP | stat.S_IWOTH):
                raise UsageError(
                    f"{path}: others may write to this bundle; make it writable by its owner "
                    f"only (chmod go-w) / 该编译包可被他人修改，请执行 chmod go-w"
                )
            if fh.read(len(MAGIC)) != MAGIC:
                raise UsageError(
                    f"{path} is not a bundle built by `catalogkit build` / "
                    "该文件不是 catalogkit build 生成的编译包"
                )
            bundle = mapped.load(fh, len(MAGIC), _ours)
            if bundle is None:
                raise UsageError(
                    f"{path} was built by another version of catalogkit or Python; build it "
                    f"again with this one (catalogkit build) / 该编译包由其他版本的 catalogkit "
                    "或 Python 生成，请用当前版本重新执行 catalogkit build"
                )
            return bundle
    except OSError as exc:
        raise UsageError(
            f"cannot read the bundle {path}: {exc.strerror or exc} / 无法读取编译包 {path}"
        ) from None
    except (
        mapped.Damaged,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        ValueError,
    ) as exc:
        raise UsageError(
            f"{path} is damaged ({type(exc).__name__}); build it again / 编译包已损坏，请重新生成"
        ) from None
