"""Checks on a file's bytes before any YAML parser sees them: size, encoding,
byte-order mark, NUL bytes, tab indentation. Each finds its own line and column."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import Diagnostic

MAX_FILE_BYTES = 8 * 1024 * 1024

_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
_BOMS = {
    b"\xef\xbb\xbf": "UTF-8",
    b"\xff\xfe": "UTF-16 LE",
    b"\xfe\xff": "UTF-16 BE",
}


@dataclass(frozen=True)
class SourceText:
    file: str
    text: str


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def too_large(file: str, size: int, max_bytes: int = MAX_FILE_BYTES) -> Diagnostic:
    return Diagnostic(
        "file-too-large",
        f"the file has {size:,} bytes, more than the limit of {max_bytes:,}; "
        "split it into several files",
        f"文件大小为 {size:,} 字节，超过上限 {max_bytes:,} 字节；请拆分为多个文件",
        file,
        line=1,
        column=1,
        expected=f"at most {max_bytes} bytes",
        found=f"{size} bytes",
    )


def decode(file: str, raw: bytes, max_bytes: int = MAX_FILE_BYTES) -> SourceText | Diagnostic:
    """The file's text, or the one diagnostic that stops it from being read (for a
    file `load.opening` refused to read, the reason it gave)."""
    refused = getattr(raw, "diagnostic", None)
    if isinstance(refused, Diagnostic):
        return refused
    if len(raw) > max_bytes:
        return too_large(file, len(raw), max_bytes)
    for bom, name in _BOMS.items():
        if raw.startswith(bom):
            return Diagnostic(
                "byte-order-mark",
                f"the file starts with a {name} byte-order mark; save it as UTF-8 without BOM",
                f"文件以 {name} 字节顺序标记（BOM）开头；请另存为不带 BOM 的 UTF-8",
                file,
                line=1,
                column=1,
                expected="UTF-8 without BOM",
                found=f"{name} BOM",
            )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8")
        line, col = line_col(good, len(good))
        byte = raw[exc.start : exc.start + 1].hex()
        return Diagnostic(
            "invalid-utf8",
            f"byte 0x{byte} is not valid UTF-8; the file may be saved as GBK: save it as UTF-8",
            f"字节 0x{byte} 不是有效的 UTF-8，文件可能是 GBK 编码；请另存为 UTF-8",
            file,
            line=line,
            column=col,
            expected="UTF-8 text",
            found=f"byte 0x{byte}",
        )
    nul = text.find("\x00")
    if nul >= 0:
        line, col = line_col(text, nul)
        return Diagnostic(
            "binary-file",
            "the file contains a NUL byte: it is not a text file",
            "文件包含 NUL 字节，不是文本文件",
            file,
            line=line,
            column=col,
            expected="text",
            found="NUL byte",
        )
    tab = _TAB_INDENT.search(text)
    if tab is not None:
        line, col = line_col(text, tab.end() - 1)
        return Diagnostic(
            "tab-indent",
            "a tab is used for indentation; YAML allows only spaces: replace it with spaces",
            "缩进中使用了制表符（Tab）；YAML 只允许空格缩进，请改为空格",
            file,
            line=line,
            column=col,
            expected="spaces",
            found="tab",
        )
    return SourceText(file, text)
