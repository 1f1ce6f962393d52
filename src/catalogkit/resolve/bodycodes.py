"""Body codes as the state issued them: a code that fits the configured pattern but
fails a check (a wrong check character, an older organisation code) is a warning the
county cannot fix; a code that does not fit the pattern at all is an error."""

from __future__ import annotations

import re

from ..codes import credit_code_problem
from .code_index import Index
from .sources import Problems, Source


def check_body_codes(index: Index, p: Problems, pats: dict[str, re.Pattern[str]]) -> None:
    pattern = pats["body"]
    for owned in index.departments.values():
        if owned.item.credit_code is not None:
            _check(p, pattern, owned.item.credit_code, owned.source.at("creditCode"))
        for i, body in enumerate(owned.item.bodies):
            if body.credit_code is not None:
                _check(p, pattern, body.credit_code, owned.source.at("bodies", i, "creditCode"))


def _check(p: Problems, pattern: re.Pattern[str], code: str, where: Source) -> None:
    if not pattern.fullmatch(code):
        p.add(
            "bad-code",
            f"{code!r} is not a valid body code ({pattern.pattern})",
            f"{code!r} 不是有效的实施主体编码（{pattern.pattern}）",
            where,
            expected=pattern.pattern,
            found=code,
        )
        return
    if len(code) != 18:
        p.add(
            "credit-code-format",
            f"{code!r} is an organisation code ({len(code)} characters), not an 18-character "
            "unified social credit code; kept as issued",
            f"{code!r} 为{len(code)}位组织机构代码，不是18位统一社会信用代码；按原样保留",
            where,
            severity="warning",
            expected="18-character unified social credit code",
            found=code,
        )
        return
    bad = credit_code_problem(code)
    if bad:
        p.add(
            bad[0],
            bad[1] + "; kept as issued (only the issuing authority can correct it)",
            bad[2] + "；按发证机关登记的原样保留",
            where,
            severity="warning",
            expected="a unified social credit code (GB 32100-2015) with a valid check character",
            found=code,
        )
