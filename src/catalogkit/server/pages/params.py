"""Checking the codes in page URLs: a bad one is a 400 page, an unknown one a 404
page, never a traceback or the API's JSON problem."""

from __future__ import annotations

import re

from ...resolve import Bundle
from ..shared import CODE_PATTERN
from .site import PageError

_CODE = re.compile(CODE_PATTERN)
MAX_QUERY = 100


def code(value: str | None, what: str) -> str:
    if value is None or not value.strip():
        raise PageError(400, "缺少参数", f"请提供{what}。")
    if not _CODE.fullmatch(value):
        raise PageError(400, "参数有误", f"“{value[:64]}”不是有效的{what}。")
    return value


def locality(bundle: Bundle, value: str | None) -> str:
    found = code(value, "区划代码")
    if found not in bundle.localities:
        raise PageError(404, "没有找到这个地方", f"目录中没有区划代码为 {found} 的村、镇或县。")
    return found


def matter(bundle: Bundle, value: str | None) -> str:
    found = code(value, "事项编码")
    known = bundle.matter_code(found)  # a basic code or an 实施编码
    if known is None:
        near = "、".join(f"{c}（{n}）" for c, n in bundle.nearest_matters(found))
        more = f"最接近的：{near}。" if near else ""
        raise PageError(404, "没有找到这个事项", f"目录中没有编码为 {found} 的事项。{more}")
    return known


def venue(bundle: Bundle, value: str | None) -> str:
    found = code(value, "场所标识")
    if found not in bundle.venues:
        raise PageError(404, "没有找到这个服务场所", f"目录中没有标识为 {found} 的服务场所。")
    return found


def offered(bundle: Bundle, matter_code: str, place: str) -> None:
    """A guide only makes sense for residents the defining locality serves."""
    if not bundle.offers(matter_code, place):
        definer = bundle.matters[matter_code].locality
        m, where = bundle.matter(matter_code), bundle.locality(place).name
        owner = bundle.locality(definer).name
        detail = f"{m.name}由{owner}办理，{where}不在其服务范围内。"
        raise PageError(404, "此地不办理该事项", detail)


def query(value: str | None) -> str:
    text = (value or "").strip()
    if len(text) > MAX_QUERY:
        raise PageError(400, "关键词太长", f"搜索关键词请不要超过 {MAX_QUERY} 个字。")
    return text
