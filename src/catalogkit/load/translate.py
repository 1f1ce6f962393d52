"""pydantic's validation errors, as diagnostics people can act on."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Diagnostic, YamlPath
from .value_names import TYPE_NAMES, show, type_name, with_suggestion

_MAPPING = TYPE_NAMES["dict"]
_EXPECTED_TYPE: dict[str, tuple[str, str]] = {
    "string_type": TYPE_NAMES["str"],
    "int_type": TYPE_NAMES["int"],
    "int_from_float": TYPE_NAMES["int"],
    "float_type": TYPE_NAMES["float"],
    "bool_type": TYPE_NAMES["bool"],
    "list_type": TYPE_NAMES["list"],
    "dict_type": _MAPPING,
    "model_type": _MAPPING,
    "model_attributes_type": _MAPPING,
    "date_type": ("a date like 2026-01-31", "日期，如 2026-01-31"),
    "none_required": ("nothing", "空值"),
}


def data_path(data: Any, loc: tuple[int | str, ...], tail: bool) -> YamlPath:
    """The part of pydantic's `loc` that exists in the data (union tags dropped)."""
    path: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, dict) and part in node:
            node = node[part]
            path.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path.append(part)
        elif last and tail and isinstance(node, dict):
            path.append(part)
    return tuple(path)


def _unwrap(tp: Any) -> list[Any]:
    """The model-ish types a field annotation can hold."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(tp) for t in _unwrap(arg)]
    if origin in (list, dict):
        return [t for t in _unwrap(typing.get_args(tp)[-1])] if typing.get_args(tp) else []
    return [tp]


def model_at(root: type[BaseModel], path: YamlPath) -> type[BaseModel] | None:
    """The model class that reads the mapping at `path`, to list its allowed keys.

    List indexes and free dictionary keys (a fact name in `when:`) keep the element
    type, which `_unwrap` has already reached."""
    current: list[Any] = [root]
    for part in path:
        if isinstance(part, int):
            continue
        nxt = [
            t
            for tp in current
            if isinstance(tp, type) and issubclass(tp, BaseModel)
            for field in tp.model_fields.values()
            if field.alias == part
            for t in _unwrap(field.annotation)
        ]
        current = nxt or current
    models = [t for t in current if isinstance(t, type) and issubclass(t, BaseModel)]
    return models[0] if models else None


def allowed_keys(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def diagnostics_from(
    exc: ValidationError, model: type[BaseModel], data: dict[str, Any], file: str
) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    seen: dict[YamlPath, int] = {}
    for err in exc.errors(include_url=False):
        kind = err["type"]
        loc = tuple(err["loc"])
        tail = kind in ("missing", "extra_forbidden", "invalid_key")
        path = data_path(data, loc, tail)
        diag = _one(kind, err, path, model, data, file)
        if path in seen:  # several branches of a union failed at the same place
            prev = out[seen[path]]
            if prev.rule == diag.rule == "wrong-type" and diag.expected and prev.expected:
                if diag.expected not in prev.expected:
                    merged = f"{prev.expected} or {diag.expected}"
                    out[seen[path]] = Diagnostic(
                        prev.rule,
                        prev.en.replace(f"expected {prev.expected}", f"expected {merged}"),
                        prev.zh,
                        file,
                        path,
                        expected=merged,
                        found=prev.found,
                        hint=prev.hint,
                    )
                continue
        seen.setdefault(path, len(out))
        out.append(diag)
    return out


def _one(
    kind: str,
    err: Any,
    path: YamlPath,
    model: type[BaseModel],
    data: dict[str, Any],
    file: str,
) -> Diagnostic:
    ctx = err.get("ctx") or {}
    about_key = bool(err["loc"]) and err["loc"][-1] == "[key]"
    if kind == "extra_forbidden":
        key = str(path[-1]) if path else "?"
        parent = model_at(model, path[:-1])
        options = allowed_keys(parent) if parent else []
        en, zh, guess = with_suggestion(f"unknown key {key!r}", f"未知字段 {key!r}", key, options)
        if guess is None:
            en += "; allowed keys: " + ", ".join(options)
            zh += "；允许的字段：" + "、".join(options)
        return Diagnostic(
            "unknown-key",
            en,
            zh,
            file,
            path,
            expected=", ".join(options),
            found=key,
            hint=guess,
            at_key=True,
        )
    if kind == "missing":
        key = str(path[-1]) if path else "?"
        return Diagnostic(
            "missing-key",
            f"the required key {key!r} is missing",
            f"缺少必填字段 {key!r}",
            file,
            path,
            expected=key,
            found="nothing",
        )
    value = err.get("input")
    found_en, found_zh = type_name(value)
    shown = show(value)
    if kind == "invalid_key":
        return Diagnostic(
            "bad-key",
            f"a key must be text, found {found_en} ({shown})",
            f"键应为文本，实际为{found_zh}（{shown}）",
            file,
            path,
            expected="text",
            found=shown,
            at_key=True,
        )
    if kind == "invalid_date":
        return Diagnostic(
            "wrong-type",
            f"{shown!r} is not a valid date (there is no such day)",
            f"{shown!r} 不是有效日期（没有这一天）",
            file,
            path,
            expected="a date like 2026-01-31",
            found=shown,
        )
    if kind in _EXPECTED_TYPE:
        return _wrong_type(kind, value, file, path)
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", ""))
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ",").split(",")]
        choices = [c for c in choices if c]
        en, zh, guess = with_suggestion(
            f"{shown!r} is not allowed here; expected one of: {', '.join(choices)}",
            f"取值 {shown!r} 无效；允许的取值：{'、'.join(choices)}",
            str(value),
            choices,
        )
        rule = "unsupported-version" if path == ("apiVersion",) else "bad-value"
        return Diagnostic(
            rule, en, zh, file, path, expected=", ".join(choices), found=shown, hint=guess
        )
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        return Diagnostic(
            "bad-format",
            f"{shown!r} does not have the required form ({pattern})",
            f"{shown!r} 的格式不符合要求（{pattern}）",
            file,
            path,
            expected=pattern,
            found=shown,
            at_key=about_key,
        )
    if kind in ("too_short", "string_too_short", "too_long", "string_too_long"):
        return _length(kind, ctx, value, file, path)
    if kind in _BOUNDS:
        bound = next(iter(ctx.values()), "?")
        op = _BOUNDS[kind]
        return Diagnostic(
            "out-of-range",
            f"must be {op} {bound}, found {shown}",
            f"应 {op} {bound}，实际为 {shown}",
            file,
            path,
            expected=f"{op} {bound}",
            found=shown,
        )
    msg = str(err.get("msg", kind))
    return Diagnostic(
        "invalid-value",
        f"{msg} (found {shown!r})",
        f"取值无效：{msg}（{shown!r}）",
        file,
        path,
        found=shown,
    )


_BOUNDS = {"greater_than_equal": "≥", "less_than_equal": "≤", "greater_than": ">", "less_than": "<"}


def _wrong_type(kind: str, value: Any, file: str, path: YamlPath) -> Diagnostic:
    exp_en, exp_zh = _EXPECTED_TYPE[kind]
    found_en, found_zh = type_name(value)
    shown = show(value)
    if value is None:
        en, zh = f"expected {exp_en}, found nothing", f"应为{exp_zh}，实际为空"
    else:
        en = f"expected {exp_en}, found {found_en} ({shown})"
        zh = f"应为{exp_zh}，实际为{found_zh}（{shown}）"
    hint = None
    if kind == "string_type" and isinstance(value, int | float | bool):
        hint = f'"{shown}"'
        en += f'; quote it to keep it as text: "{shown}"'
        zh += f'；请加引号作为文本："{shown}"'
    return Diagnostic("wrong-type", en, zh, file, path, expected=exp_en, found=shown, hint=hint)


def _length(kind: str, ctx: dict[str, Any], value: Any, file: str, path: YamlPath) -> Diagnostic:
    size = len(value) if isinstance(value, str | list | dict) else 0
    unit_en, unit_zh = (
        ("character(s)", "个字符") if kind.startswith("string") else ("item(s)", "项")
    )
    if kind.endswith("too_short"):
        need = ctx.get("min_length", 1)
        return Diagnostic(
            "too-short",
            f"needs at least {need} {unit_en}, found {size}",
            f"至少需要 {need} {unit_zh}，实际为 {size}",
            file,
            path,
            expected=f"at least {need}",
            found=str(size),
        )
    most = ctx.get("max_length")
    return Diagnostic(
        "too-long",
        f"allows at most {most} {unit_en}, found {size}",
        f"最多允许 {most} {unit_zh}，实际为 {size}",
        file,
        path,
        expected=f"at most {most}",
        found=str(size),
    )
