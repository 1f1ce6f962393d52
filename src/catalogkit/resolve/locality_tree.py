"""The locality tree: parents exist, levels step down one at a time, codes match
their province's patterns and nest in their parent's, no cycles."""

from __future__ import annotations

import re

from ..codes import PatternRefused, compile_pattern
from ..model import LEVEL_ORDER
from ..model.documents import CodePatterns
from .code_index import Index
from .sources import Problems

_LEVEL_ZH = {
    "county": "县（区）",
    "town": "乡镇（街道）",
    "village": "村（社区）",
    "group": "村民小组",
}


def patterns(index: Index, p: Problems) -> dict[str, re.Pattern[str]]:
    """The code patterns in force; a bad pattern in the settings is itself an error."""
    codes = index.settings.codes if index.settings else CodePatterns()
    out: dict[str, re.Pattern[str]] = {}
    for name, default in CodePatterns().model_dump().items():
        if name == "nested":
            continue
        text = getattr(codes, name)
        try:
            out[name] = compile_pattern(text)
        except PatternRefused as exc:
            assert index.settings_source is not None
            p.add(
                "bad-pattern",
                f"the code pattern {text!r} cannot be used: {exc}",
                f"编码规则 {text!r} 无法使用：{exc.zh}",
                index.settings_source.at("codes", name),
                expected="a regular expression",
                found=text,
            )
            out[name] = compile_pattern(default)
    return out


def check_tree(
    index: Index, p: Problems, pats: dict[str, re.Pattern[str]], declared: set[str]
) -> None:
    nested = index.settings.codes.nested if index.settings else True
    for code, entry in index.localities.items():
        loc = entry.locality
        src = entry.source
        if not pats[loc.level].fullmatch(code):
            p.add(
                "bad-code",
                f"{code!r} is not a valid {loc.level} code; expected the form "
                f"{pats[loc.level].pattern}",
                f"{code!r} 不是有效的{_LEVEL_ZH[loc.level]}代码；应符合 {pats[loc.level].pattern}",
                src.at("code"),
                expected=pats[loc.level].pattern,
                found=code,
            )
        if entry.parent is None:
            if loc.level != "county":
                p.add(
                    "missing-parent",
                    f"the {loc.level} {loc.name} has no parent; add 'parent: <code>'",
                    f"{_LEVEL_ZH[loc.level]}“{loc.name}”缺少上级；请填写 parent",
                    src,
                    expected="parent",
                    found="nothing",
                )
            continue
        parent = index.localities.get(entry.parent)
        if parent is None:
            if entry.parent in declared:
                continue  # its document is invalid and already reported
            p.add(
                "unknown-parent",
                f"the parent {entry.parent!r} of {loc.name} is not a locality of this tree",
                f"“{loc.name}”的上级 {entry.parent!r} 不在本目录中",
                src.at("parent"),
                expected="a locality code",
                found=entry.parent,
            )
            continue
        step = LEVEL_ORDER[loc.level] - LEVEL_ORDER[parent.locality.level]
        if step != 1:
            p.add(
                "bad-level",
                f"a {loc.level} cannot be directly under a {parent.locality.level} "
                f"({parent.locality.name})",
                f"{_LEVEL_ZH[loc.level]}不能直接隶属于{_LEVEL_ZH[parent.locality.level]}"
                f"（{parent.locality.name}）",
                src.at("level"),
                expected=_next_level(parent.locality.level),
                found=loc.level,
            )
        elif nested and not code.startswith(entry.parent):
            p.add(
                "code-not-nested",
                f"the code {code!r} does not start with its parent's code {entry.parent!r}",
                f"代码 {code!r} 应以上级代码 {entry.parent!r} 开头",
                src.at("code"),
                expected=f"{entry.parent}…",
                found=code,
            )
    _check_cycles(index, p)


def _next_level(level: str) -> str:
    order = sorted(LEVEL_ORDER, key=LEVEL_ORDER.__getitem__)
    i = order.index(level)
    return order[i + 1] if i + 1 < len(order) else level


def _check_cycles(index: Index, p: Problems) -> None:
    done: set[str] = set()
    for start in index.localities:
        trail: list[str] = []
        code: str | None = start
        while code is not None and code in index.localities and code not in done:
            if code in trail:
                cycle = [*trail[trail.index(code) :], code]
                entry = index.localities[code]
                p.add(
                    "parent-cycle",
                    "localities are their own ancestors: " + " → ".join(cycle),
                    "上下级关系形成循环：" + " → ".join(cycle),
                    entry.source.at("parent"),
                    expected="a tree",
                    found=" → ".join(cycle),
                )
                break
            trail.append(code)
            code = index.localities[code].parent
        done.update(trail)


def ancestors(index: Index, code: str) -> list[str]:
    """The locality's ancestors, nearest first (stops safely on a cycle)."""
    out: list[str] = []
    entry = index.localities.get(code)
    while entry is not None and entry.parent is not None and entry.parent not in out:
        if entry.parent == code:
            break
        out.append(entry.parent)
        entry = index.localities.get(entry.parent)
    return out


def rooted(index: Index, code: str) -> bool:
    """Whether the locality's ancestors reach a county: claims of a locality with a
    broken chain are not checked, its tree error says what is wrong."""
    seen: set[str] = set()
    entry = index.localities.get(code)
    while entry is not None and code not in seen:
        seen.add(code)
        if entry.parent is None:
            return entry.locality.level == "county"
        code = entry.parent
        entry = index.localities.get(code)
    return False
