"""Cell text to catalog values, the way national data is written.

Each function returns the value, or raises Unreadable with what it expected: the
cell then stays empty and is reported with its place, never guessed."""

from __future__ import annotations

import re
from typing import Any, get_args

from ..errors import CatalogkitError
from ..model import (
    ExerciseLevel,
    HandlingKind,
    MaterialForm,
    MaterialSource,
    MatterType,
    Necessity,
    PowerSource,
    ServiceObject,
)


class Unreadable(CatalogkitError, ValueError):
    """A cell that cannot be read as its field; the message says what was expected."""


_NUMBER = r"(\d+(?:\.0+)?)"
_LIMIT_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"^{_NUMBER}个?(?:工作日|工作天)$"), "工作日"),
    (re.compile(rf"^{_NUMBER}个?(?:自然日|日历日|日|天)$"), "自然日"),
    (re.compile(rf"^{_NUMBER}个?月$"), "月"),
)
_IMMEDIATE = {"即办", "即时", "当场", "当场办结", "即时办结", "立即", "立即办结", "当即", "0"}
_NONE = {"无", "/", "-", "—", "无此项", "不适用"}


def limit(text: str) -> dict[str, Any] | None:
    """「20个工作日」→ 20 工作日; 「60日」→ 60 自然日; 「3个月」→ 3 月; 「即办」→ 即时."""
    t = re.sub(r"\s+", "", text)
    if t in _IMMEDIATE:
        return {"value": 0, "unit": "即时"}
    if t in _NONE:
        return None
    for pattern, unit in _LIMIT_FORMS:
        found = pattern.match(t)
        if found:
            return {"value": int(float(found.group(1))), "unit": unit}
    raise Unreadable("a time limit such as 20个工作日, 60日, 3个月 or 即办")


_NO = {"否", "不收费", "无", "免费", "不", "n", "no", "false", "0"}
_YES = {"是", "收费", "y", "yes", "true", "1"}


def yes_no(text: str) -> bool:
    t = text.strip().lower()
    if t in _NO or t.startswith("不"):
        return False
    if t in _YES:
        return True
    raise Unreadable("是 or 否")


def charged(text: str) -> bool:
    """不收费/否/无 → no fee; 是/收费 → charged."""
    return yes_no(text)


_PHONE_SPLIT = re.compile(r"[，,；;、/\s]+(?=[0-9(（+])")
_PHONE = re.compile(r"^\+?[0-9][0-9 -]{2,30}$")


def phones(text: str) -> list[str]:
    """A list of phones in one cell, split on commas, semicolons, 、 and spaces; a
    number in brackets (0816) is written 0816-."""
    t = re.sub(r"[（(](\d{3,4})[)）]", r"\1-", text)
    t = re.sub(r"(?:电话|咨询|监督|投诉)[:：]?", " ", t)
    out = []
    for part in _PHONE_SPLIT.split(t.strip()):
        p = part.strip(" ，,；;、")
        if not p:
            continue
        if not _PHONE.match(p):
            raise Unreadable("phone numbers such as 0816-2222222, separated by ； or ,")
        out.append(p)
    return out


def code(text: str) -> str:
    """Codes stay text as written (511E15002003 is never a number)."""
    t = text.strip()
    if not re.fullmatch(r"[0-9A-Za-z-]{1,64}", t):
        raise Unreadable("a code of digits, letters and -")
    return t


def _one_of(text: str, words: tuple[str, ...], aliases: dict[str, str], what: str) -> str:
    t = text.strip()
    if t in words:
        return t
    if t in aliases:
        return aliases[t]
    raise Unreadable(f"one of: {'、'.join(words)} ({what})")


_TYPE_CODES = {"01": "行政许可", "02": "行政处罚", "03": "行政强制", "04": "行政征收"}
_TYPE_CODES |= {"05": "行政给付", "06": "行政检查", "07": "行政确认", "08": "行政奖励"}
_TYPE_CODES |= {"09": "行政裁决", "10": "其他行政权力", "20": "公共服务"}
_TYPE_CODES |= {"其他权力": "其他行政权力", "其他职权": "其他行政权力"}


def matter_type(text: str) -> str:
    return _one_of(text, get_args(MatterType), _TYPE_CODES, "事项类型")


def handling_kind(text: str) -> str:
    words = get_args(HandlingKind)
    aliases = {w[:-1]: w for w in words} | {"1": "即办件", "2": "承诺件"}
    return _one_of(text, words, aliases, "办件类型")


def power_source(text: str) -> str:
    return _one_of(text, get_args(PowerSource), {}, "权力来源")


def necessity(text: str) -> str:
    return _one_of(text, get_args(Necessity), {"是": "必要", "否": "非必要"}, "必要性")


def material_form(text: str) -> str:
    return _one_of(text, get_args(MaterialForm), {"纸质、电子": "纸质或电子"}, "材料形式")


def material_source(text: str) -> str:
    return _one_of(text, get_args(MaterialSource), {"申请人": "申请人自备"}, "来源渠道")


_LIST_SPLIT = re.compile(r"[、，,；;/\n]+")


def word_list(text: str, words: tuple[str, ...], what: str) -> list[str]:
    out = []
    for part in _LIST_SPLIT.split(text):
        p = part.strip()
        if p:
            out.append(_one_of(p, words, {}, what))
    return out


def service_objects(text: str) -> list[str]:
    return word_list(text, get_args(ServiceObject), "服务对象")


def levels(text: str) -> list[str]:
    return word_list(text, get_args(ExerciseLevel), "行使层级")


def basis(text: str) -> list[dict[str, str]]:
    parts = [p.strip() for p in re.split(r"[\n；;]+", text) if p.strip()]
    return [{"title": p[:200]} for p in parts]


def count(text: str) -> int:
    t = text.strip().rstrip("次")
    if not re.fullmatch(r"\d{1,2}", t):
        raise Unreadable("a number of visits (0, 1, 2 …)")
    return int(t)


def url(text: str) -> str:
    t = text.strip()
    if not re.fullmatch(r"https?://\S+", t):
        raise Unreadable("a web address starting with http:// or https://")
    return t


def text(value: str) -> str:
    return value.strip()[:4000]
