"""What is wrong with a case, as the engine found it, said per field and in both
languages, and what looks like a slip (a misspelt fact, a material that matches
nothing the matter asks for) said as a notice beside the decision."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ...engine import Engine
from ...engine.conditions import FormProblem
from ...model import Case, FormField
from ..problems import ApiProblem
from ..schemas import Notice, ProblemField

TYPES_ZH = {
    "string": "文本",
    "integer": "整数",
    "number": "数字",
    "boolean": "true 或 false",
    "date": "日期",
    "list": "列表",
}


def expected(field: FormField) -> tuple[str, str]:
    """What a form field accepts, in English and in Chinese."""
    en, zh = [], []
    if field.type:
        en.append(f"a value of type {field.type}")
        zh.append(TYPES_ZH.get(field.type, field.type))
    if field.allowed is not None:
        values = [json.dumps(v, ensure_ascii=False) for v in field.allowed]
        en.append("one of " + ", ".join(values))
        zh.append("取值为" + "、".join(str(v) for v in field.allowed) + "之一")
    if field.min is not None:
        en.append(f"at least {field.min}")
        zh.append(f"不小于 {field.min}")
    if field.max is not None:
        en.append(f"at most {field.max}")
        zh.append(f"不大于 {field.max}")
    return ", ".join(en) or "a valid value", "，".join(zh) or "有效的值"


def invalid_case(problems: Sequence[FormProblem]) -> ApiProblem:
    """`invalid-case` naming every fact whose value the matter's form refuses, as the
    engine found them (`Engine.form_problems`)."""
    fields: list[ProblemField] = []
    zh: list[str] = []
    for p in problems:
        name, field = p.fact, p.field
        want_en, want_zh = expected(field)
        found = json.dumps(p.value, ensure_ascii=False)[:200]
        fields.append(
            ProblemField(
                location=f"body.facts.{name}",
                pointer=f"/facts/{name}",
                message=f"{name} ({field.label or name}): {p.problem}",
                expected=want_en,
                found=found,
            )
        )
        zh.append(f"「{field.label or name}」（{name}）应为{want_zh}，收到的是 {found}")
    return ApiProblem(
        "invalid-case",
        "; ".join(f"{f.location}: expected {f.expected}, found {f.found}" for f in fields),
        "；".join(zh),
        errors=fields,
    )


def notices(engine: Engine, case: Case) -> list[Notice]:
    """The slips the engine sees in a case (`Engine.slips`), each said in both languages."""
    return [_notice(s.code, s.pointer, s.name, s.suggestion) for s in engine.slips(case)]


def _notice(code: str, pointer: str, name: str, suggestion: str | None) -> Notice:
    hint_en = f"; did you mean {suggestion!r}?" if suggestion else ""
    hint_zh = f"，是否应为「{suggestion}」？" if suggestion else ""
    what: dict[str, Any] = {
        "unknown-fact": (
            f"the fact {name!r} is not in this matter's form{hint_en}",
            f"事实「{name}」不在本事项的申请表中{hint_zh}",
        ),
        "unknown-material": (
            f"{name!r} is not a material of this matter and counts for nothing{hint_en}",
            f"「{name}」不是本事项的申请材料，不计入已交材料{hint_zh}",
        ),
    }
    en, zh = what[code]
    return Notice(code=code, pointer=pointer, message=en, message_zh=zh, suggestion=suggestion)
