"""The checks that stand between the formatter and a file: formatting may move
whitespace and comments, never data.

The new text is read back with catalogkit's checked reader, the one `validate`
trusts, and must give the same data, value for value, type for type and key for
key in the same order. (`format_text` itself refuses when comments go missing or
when repeated passes do not settle.) A text that fails is not written: better an
untidy file than a changed catalog.
"""

from __future__ import annotations

from typing import Any

from ..errors import Diagnostic
from ..load.fastyaml import may_nest_deeply
from ..load.located import read_checked
from .reformat import CommentsMoved, Unstable, format_text

_REPORT_EN = "; it is left as it is: please report this file to the catalogkit developers"
_REPORT_ZH = "，因此未作修改；请将该文件反馈给 catalogkit 开发者"


def _plain(value: Any) -> Any:
    """Data as nested tuples that compare types and key order too (in Python
    `1 == True` and `{a, b} == {b, a}`; a changed value must never pass)."""
    if isinstance(value, dict):
        return ("map", tuple((_plain(k), _plain(v)) for k, v in value.items()))
    if isinstance(value, list):
        return ("seq", tuple(_plain(v) for v in value))
    return (type(value).__name__, repr(value))


def same_data(before: Any, after: Any) -> bool:
    return bool(_plain(before) == _plain(after))


def _refusal(rule: str, file: str, en: str, zh: str, at: tuple[int, int] = (1, 1)) -> Diagnostic:
    return Diagnostic(rule, en, zh, file, line=at[0], column=at[1], expected="unchanged data")


def _attempt(file: str, text: str) -> str | Diagnostic:
    try:
        return format_text(text)
    except CommentsMoved as moved:
        return _refusal(
            "fmt-comments",
            file,
            "the formatter cannot keep every comment of this file in place; comments inside "
            "a [...] or {...} list that spans several lines are the usual cause: move them "
            "to their own line above it",
            "格式化无法保留该文件中所有注释的位置；常见原因是跨多行的 [...] 或 {...} 中写了注释："
            "请把注释移到其上方单独一行",
            at=(moved.line, moved.column),
        )
    except Unstable:
        return _refusal(
            "fmt-unstable",
            file,
            "formatting this file does not settle: each pass changes it again" + _REPORT_EN,
            "该文件的格式化结果无法稳定，每次格式化都会再次改变" + _REPORT_ZH,
        )
    except Exception as exc:  # whatever ruamel raises is a refusal, never a crash or a write
        return _refusal(
            "fmt-unsupported",
            file,
            f"the formatter cannot format this file ({type(exc).__name__}: {exc})" + _REPORT_EN,
            f"无法格式化该文件（{type(exc).__name__}: {exc}）" + _REPORT_ZH,
        )


def format_checked(file: str, text: str) -> str | Diagnostic:
    """The canonical text of a file, or why it cannot be formatted safely. A text
    that is already canonical is returned as it is: nothing will be written."""
    if may_nest_deeply(text):  # the round-trip loader recurses: measure depth first
        checked = read_checked(file, text)
        if isinstance(checked, Diagnostic):
            return checked
    out = _attempt(file, text)
    if out == text:
        return out
    before = read_checked(file, text)
    if isinstance(before, Diagnostic):
        return before  # the reader's reason is the one the author can act on
    if isinstance(out, Diagnostic):
        return out
    after = read_checked(file, out)
    if isinstance(after, Diagnostic) or not same_data(before, after):
        return _refusal(
            "fmt-data-changed",
            file,
            "formatting would change the data of this file" + _REPORT_EN,
            "格式化会改变该文件的数据" + _REPORT_ZH,
        )
    return out
