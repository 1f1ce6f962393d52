"""Check characters and code patterns: unified social credit codes (GB 32100-2015)
and the configurable patterns of division and matter codes."""

from __future__ import annotations

import re
from functools import lru_cache

from .errors import CatalogkitError

CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, Z, S, V
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def credit_check_char(first17: str) -> str:
    """The 18th character of a unified social credit code."""
    total = sum(CREDIT_CHARSET.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return CREDIT_CHARSET[(31 - total % 31) % 31]


def organisation_check_char(first8: str) -> str:
    """The 9th character of the embedded organisation code (GB 11714)."""
    total = sum(_ORG_CHARSET.index(c) * w for c, w in zip(first8, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def credit_code_problem(code: str) -> tuple[str, str, str] | None:
    """Why a credit code is wrong, as (rule, English, Chinese), or None when it is valid."""
    bad = sorted({c for c in code if c not in CREDIT_CHARSET})
    if len(code) != 18 or bad:
        shown = ", ".join(repr(c) for c in bad)
        return (
            "credit-code-format",
            "a unified social credit code has 18 characters from 0-9 and A-Y without "
            "I, O, Z, S, V" + (f"; found {shown}" if bad else f"; found {len(code)} characters"),
            "统一社会信用代码应为18位，由数字和除 I、O、Z、S、V 外的大写字母组成"
            + (f"；发现 {shown}" if bad else f"；实际 {len(code)} 位"),
        )
    org = code[8:17]
    if all(c in _ORG_CHARSET for c in org[:8]) and org[8] != organisation_check_char(org[:8]):
        want = organisation_check_char(org[:8])
        return (
            "credit-code-check",
            f"the organisation code inside it (characters 9-17) ends in {org[8]!r}, "
            f"but its check character is {want!r}",
            f"其中的组织机构代码（第9-17位）校验位应为 {want!r}，实际为 {org[8]!r}",
        )
    want = credit_check_char(code[:17])
    if code[17] != want:
        return (
            "credit-code-check",
            f"the check character (18th) is {code[17]!r}, but the first 17 characters "
            f"give {want!r}",
            f"校验位（第18位）应为 {want!r}，实际为 {code[17]!r}",
        )
    return None


def make_credit_code(registry: str, kind: str, division: str, org8: str) -> str:
    """A credit code with correct check characters (for demo and synthetic catalogs)."""
    body = f"{registry}{kind}{division}{org8}{organisation_check_char(org8)}"
    return body + credit_check_char(body)


_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]")


class PatternRefused(CatalogkitError, ValueError):
    """A code pattern catalogkit will not run, with the reason in both languages."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.zh = zh


@lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a code pattern from a catalog; refuses patterns that could backtrack
    exponentially (a quantified group that contains a quantifier)."""
    if _NESTED_QUANTIFIER.search(pattern):
        raise PatternRefused(
            "nested quantifiers such as (a+)+ are not allowed",
            "不允许使用 (a+)+ 这样的嵌套量词",
        )
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise PatternRefused(
            f"not a regular expression: {exc}", f"不是有效的正则表达式：{exc}"
        ) from None
