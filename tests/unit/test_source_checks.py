"""Byte-level checks find their own line and column without a YAML parser."""

from __future__ import annotations

import pytest

from catalogkit.errors import Diagnostic
from catalogkit.load.source import SourceText, decode, line_col

CASES = [
    (b"\xef\xbb\xbfa: 1\n", "byte-order-mark", 1, 1),
    (b"\xff\xfea\x00", "byte-order-mark", 1, 1),
    ("a: 1\nb: 名".encode() + b"\xc3\x28\n", "invalid-utf8", 2, 5),
    ("a: 中文\n".encode("gbk"), "invalid-utf8", 1, 4),
    (b"a: 1\nb:\n\t- x\n", "tab-indent", 3, 1),
    (b"a: 1\nb:\n  \t- x\n", "tab-indent", 3, 3),
    (b"a: 1\x00\n", "binary-file", 1, 5),
]


@pytest.mark.parametrize(("raw", "rule", "line", "col"), CASES)
def test_bad_bytes_are_located(raw: bytes, rule: str, line: int, col: int) -> None:
    result = decode("f.yaml", raw)
    assert isinstance(result, Diagnostic)
    assert (result.rule, result.line, result.column) == (rule, line, col)
    assert result.zh and result.en


def test_a_tab_inside_a_value_is_fine() -> None:
    assert isinstance(decode("f.yaml", b'a: "x\ty"\n'), SourceText)


def test_size_limit() -> None:
    result = decode("f.yaml", b"a: 1\n" * 10, max_bytes=20)
    assert isinstance(result, Diagnostic) and result.rule == "file-too-large"


def test_line_col_is_one_based() -> None:
    assert line_col("ab\ncd", 0) == (1, 1)
    assert line_col("ab\ncd", 4) == (2, 2)
