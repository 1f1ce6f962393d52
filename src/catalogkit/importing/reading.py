"""Reading a list to import the way catalog files are read: a named pipe, a device or a
sparse file claiming gigabytes is refused with its reason before any reader sees it,
and an XLSX whose parts would unpack to more than a real list holds is refused too."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import CatalogkitError
from ..load.opening import Refused, read_input

MAX_LIST_BYTES = 64 * 1024 * 1024
"""A county's exported list is a few MiB; 64 MiB leaves room for a province's."""
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
"""What the parts of an XLSX (a zip of XML) may unpack to, against zip bombs."""


class Unreadable(CatalogkitError, ValueError):
    """The file cannot be read at all; the message is bilingual."""


def list_bytes(path: Path) -> bytes:
    raw = read_input(path, str(path), limit=MAX_LIST_BYTES)
    if isinstance(raw, Refused):
        found = raw.diagnostic
        raise Unreadable(f"{found.en} / {found.zh}")
    if len(raw) > MAX_LIST_BYTES:
        raise Unreadable(
            f"it is larger than {MAX_LIST_BYTES // 2**20} MiB; split the list into files"
            f" / 文件超过 {MAX_LIST_BYTES // 2**20} MiB，请拆分为多个文件"
        )
    return raw


def workbook_bytes(raw: bytes) -> io.BytesIO:
    """The XLSX as a file object, once its parts are known to unpack to a sane size."""
    stream = io.BytesIO(raw)
    with zipfile.ZipFile(stream) as parts:
        unpacked = sum(info.file_size for info in parts.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise Unreadable(
            f"its parts unpack to {unpacked // 2**20} MiB, more than a list holds"
            f" / 解压后达 {unpacked // 2**20} MiB，超出清单文件的合理大小"
        )
    stream.seek(0)
    return stream
