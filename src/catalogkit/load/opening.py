"""Opening an input file so that no file can block, exhaust memory or crash a reader.

Every catalog, case and test file goes through `read_input`: it looks at the file
before opening it (a named pipe would block `open` forever, a device or a link to
`/dev/zero` would never end, a sparse file claims gigabytes it does not hold), opens
it without blocking, checks that it opened the regular file it looked at, and reads
at most the size limit plus one byte. What cannot be read comes back as `Refused`:
empty bytes that carry the located diagnostic, so that every reader reports it the
way it reports a file's other byte problems (`decode` returns it)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..errors import Diagnostic
from .source import MAX_FILE_BYTES, too_large

_KINDS = {
    stat.S_IFIFO: ("a named pipe (FIFO)", "命名管道（FIFO）"),
    stat.S_IFCHR: ("a character device", "字符设备"),
    stat.S_IFBLK: ("a block device", "块设备"),
    stat.S_IFSOCK: ("a socket", "套接字"),
    stat.S_IFDIR: ("a folder", "文件夹"),
}
REASONS = {
    errno.ENOENT: (
        "it does not exist (a broken symbolic link?)",
        "文件不存在（可能是失效的符号链接）",
    ),
    errno.EACCES: ("permission denied", "没有读取权限"),
    errno.EPERM: ("permission denied", "没有读取权限"),
    errno.EISDIR: ("it is a folder", "这是一个文件夹，不是文件"),
    errno.ELOOP: ("symbolic links form a loop", "符号链接形成了循环"),
}


class Refused(bytes):
    """No bytes, and the reason why: `decode` turns it into its diagnostic. The bytes
    hold a NUL so a refused file can never hash like a readable one."""

    diagnostic: Diagnostic

    def __new__(cls, diagnostic: Diagnostic) -> Refused:
        made = super().__new__(cls, f"\0refused {diagnostic.rule}".encode())
        made.diagnostic = diagnostic
        return made

    def __reduce__(self) -> tuple[type[Refused], tuple[Diagnostic]]:
        return Refused, (self.diagnostic,)


def unreadable(file: str, en: str, zh: str) -> Diagnostic:
    return Diagnostic(
        "file-unreadable",
        f"cannot read the file: {en}",
        f"无法读取该文件：{zh}",
        file,
        line=1,
        column=1,
        expected="a regular file inside the catalog folder",
        found=en,
    )


def os_reason(exc: OSError) -> tuple[str, str]:
    """An OSError as (English, 中文) reasons."""
    en = exc.strerror or type(exc).__name__
    return REASONS.get(exc.errno or 0, (en, f"系统错误：{en}"))


def read_input(
    path: Path, file: str | None = None, *, root: Path | None = None, limit: int = MAX_FILE_BYTES
) -> bytes:
    """The bytes of `path`, or `Refused` (never an exception for the file itself).

    `file` is the name diagnostics give; with `root`, a symbolic link must lead to a
    file inside it."""
    name = file if file is not None else path.name
    try:
        st = os.stat(path)  # follows links: a loop or a dangling link fails here
    except OSError as exc:
        if exc.errno == errno.ENOENT and os.path.islink(path):
            broken = (
                "it is a broken symbolic link: its target does not exist",
                "符号链接失效：目标文件不存在",
            )
            return Refused(unreadable(name, *broken))
        return Refused(unreadable(name, *os_reason(exc)))
    kind = _KINDS.get(stat.S_IFMT(st.st_mode))
    if kind is None and not stat.S_ISREG(st.st_mode):
        kind = ("not a regular file", "不是普通文件")
    if kind is not None:
        return Refused(unreadable(name, f"it is {kind[0]}", f"这是{kind[1]}，不是普通文件"))
    if root is not None and os.path.islink(path) and not _inside(path, root):
        return Refused(
            unreadable(
                name,
                "it is a symbolic link to a file outside the catalog folder",
                "这是指向目录文件夹之外的符号链接",
            )
        )
    if st.st_size > limit:
        return Refused(too_large(name, st.st_size, limit))
    return _read_regular(path, name, st, limit)


def _read_regular(path: Path, name: str, seen: os.stat_result, limit: int) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return Refused(unreadable(name, *os_reason(exc)))
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (seen.st_dev, seen.st_ino):
            return Refused(unreadable(name, "it was replaced while being read", "读取时文件被替换"))
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        return Refused(unreadable(name, *os_reason(exc)))
    finally:
        os.close(fd)
    if size > limit:
        return Refused(too_large(name, max(size, now.st_size), limit))
    return b"".join(chunks)


def _inside(path: Path, root: Path) -> bool:
    real, top = os.path.realpath(path), os.path.realpath(root)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def real_path(path: Path) -> Path:
    """Where a path leads, without raising on a symbolic link loop (`Path.resolve` does)."""
    return Path(os.path.realpath(path))
