"""Honest drafts: a national field a matter does not give is "not known yet".

A published matter must give every national field (an error, as the format has
always required); a draft may leave any of them out, and each one missing is a
located warning, so the county sees its to-do list without inventing values."""

from __future__ import annotations

from ..model import NATIONAL_FIELDS, TYPED_FIELDS, Matter
from .sources import Problems, Source


def check_known(p: Problems, m: Matter, src: Source) -> None:
    draft = m.publication == "draft"
    for attr, key, zh in NATIONAL_FIELDS:
        if getattr(m, attr) is not None:
            continue
        if draft:
            _draft_missing(p, key, zh, src)
        elif attr in m.model_fields_set:  # written, but left empty
            text = attr == "conditions"
            p.add(
                "wrong-type",
                f"expected {'text' if text else 'a value'}, found nothing",
                f"应为{'文本' if text else '取值'}，实际为空",
                src.at(key),
                expected="text" if text else "a value",
                found="nothing",
            )
        else:
            p.add(
                "missing-key",
                f"the required key {key!r} is missing (a matter still being written can say "
                "'publication: draft')",
                f"缺少必填字段 {key!r}（尚未补全的事项可标注 publication: draft）",
                src.at(key),
                expected=key,
                found="nothing",
            )
    if m.type == "公共服务":
        return
    for attr, key, zh in TYPED_FIELDS:
        if getattr(m, attr) is not None:
            continue
        if draft:
            _draft_missing(p, key, zh, src)
        else:
            p.add(
                "required-for-type",
                f"{key!r} is required for a matter of type {m.type} (only 公共服务 may omit it)",
                f"{m.type}类事项必须填写{zh}（{key}），仅公共服务类可省略",
                src,
                expected=key,
                found="nothing",
            )


def _draft_missing(p: Problems, key: str, zh: str, src: Source) -> None:
    p.add(
        "draft-missing",
        f"draft: {key!r} is not known yet; it is shown as unknown until it is filled in",
        f"草稿：尚未填写{zh}（{key}），在补充前对外显示为“待补充”",
        src,
        severity="warning",
        expected=key,
        found="nothing",
    )
