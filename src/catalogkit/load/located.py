"""The checked path: ruamel.yaml's event stream, read once, iteratively, so no
input can overflow the stack or expand without bound.

One pass over the events refuses what people and attackers put in YAML by
accident or on purpose (several documents, tags, duplicate keys, nesting deeper
than `MAX_DEPTH`, alias expansion beyond `MAX_EXPANDED_EVENTS`) and records the
line and column of just the paths a run needs to report. Files the fast parser
declines are then read with ruamel's pure YAML 1.2 safe loader, after that pass
has vetted them; positions of errors in large files come from the C parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)

from ..errors import Diagnostic, YamlPath
from .fastyaml import MAX_DEPTH, MAX_REPLAYED_EVENTS
from .syntax_words import explain

MAX_EXPANDED_EVENTS = MAX_REPLAYED_EVENTS

Position = tuple[int, int]


class _TextTimestamps(SafeConstructor):
    """Timestamps stay text, as on the fast path; date fields parse them."""


_TextTimestamps.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)


def _yaml(pure: bool) -> YAML:
    """The pure reader follows YAML 1.2 like the fast path; the C one (libyaml) reads a
    few 1.1 corners differently (`[?x]`), so it is only used to find positions."""
    yaml = YAML(typ="safe", pure=pure)
    yaml.Constructor = _TextTimestamps
    return yaml


@dataclass
class _Frame:
    path: YamlPath
    is_map: bool
    anchor: str | None
    size: int = 1
    height: int = 1  # levels of collections in this node, aliases counted as expanded
    expecting_key: bool = True
    key: str = ""
    index: int = 0
    keys: dict[str, Position] = field(default_factory=dict)


@dataclass
class Marks:
    """Positions (0-based) of keys and values at the recorded paths."""

    keys: dict[YamlPath, Position] = field(default_factory=dict)
    values: dict[YamlPath, Position] = field(default_factory=dict)
    spans: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: YamlPath, *, key: bool = False) -> Position:
        """1-based line and column of `path` (its key with `key=True`); a path that
        does not exist is reported at the nearest enclosing node that does."""
        if key and path:
            found = self.keys.get(path) or self.keys.get((*path[:-1], str(path[-1])))
            if found is not None:
                return found[0] + 1, found[1] + 1
        for end in range(len(path), -1, -1):
            found = self.values.get(path[:end])
            if found is not None:
                return found[0] + 1, found[1] + 1
        return 1, 1


def _diag(rule: str, en: str, zh: str, file: str, mark: Any, **kw: Any) -> Diagnostic:
    line = getattr(mark, "line", 0) + 1
    col = getattr(mark, "column", 0) + 1
    return Diagnostic(rule, en, zh, file, line=line, column=col, **kw)


def _prefixes(paths: set[YamlPath]) -> set[YamlPath]:
    """Every prefix of the wanted paths; an integer may also be a mapping key (`10:`),
    which the event stream sees as text."""
    out = {p[:end] for p in paths for end in range(len(p) + 1)}
    return out | {(*p[:-1], str(p[-1])) for p in out if p and isinstance(p[-1], int)}


class _Everywhere(set[YamlPath]):
    """Record every path (for traces, which may point anywhere in a file)."""

    def __contains__(self, item: object) -> bool:
        return True


EVERYWHERE: set[YamlPath] = _Everywhere()


def scan(
    file: str, text: str, wanted: set[YamlPath] | None = None, *, pure: bool = True
) -> Marks | Diagnostic:
    """One pass over the events: the first refusal, or the marks of `wanted` paths."""
    record = wanted if wanted is EVERYWHERE else _prefixes(wanted) if wanted else set()
    try:
        return _scan(file, text, record, pure)
    except MarkedYAMLError as exc:
        return _syntax(file, exc, text)
    except YAMLError as exc:
        return _unmarked_syntax(file, exc)


def _scan(file: str, text: str, record: set[YamlPath], pure: bool) -> Marks | Diagnostic:
    marks = Marks()
    stack: list[_Frame] = []
    sizes: dict[str, int] = {}
    heights: dict[str, int] = {}  # an alias nests as deep as the node it names
    total = documents = 0
    for event in _yaml(pure).parse(text):
        if isinstance(event, DocumentStartEvent):
            documents += 1
            if documents > 1:
                return _diag(
                    "multiple-documents",
                    "a file holds one catalog document; move the part after '---' "
                    "into a file of its own",
                    "一个文件只能包含一个目录文档；请把 '---' 之后的内容移到单独的文件",
                    file,
                    event.start_mark,
                    expected="one document",
                    found="several",
                )
            continue
        if isinstance(event, CollectionEndEvent):
            done = stack.pop()
            if done.anchor is not None:
                sizes[done.anchor] = done.size
                heights[done.anchor] = done.height
            if stack:
                stack[-1].height = max(stack[-1].height, done.height + 1)
            continue
        if not isinstance(event, NodeEvent):
            continue
        tag = getattr(event, "tag", None)
        if tag is not None:
            tag = str(tag).replace("tag:yaml.org,2002:", "!!")
            return _diag(
                "yaml-tag",
                f"YAML tags such as {tag!r} are not allowed in catalogs; "
                "write the plain value (quote it to make it text)",
                f"目录中不允许使用 YAML 标签（如 {tag!r}）；请直接书写取值，需要文本时加引号",
                file,
                event.start_mark,
                expected="a plain value",
                found=f"tag {tag}",
            )
        if isinstance(event, AliasEvent):
            height = heights.get(str(event.anchor), 0)
            if stack:
                stack[-1].height = max(stack[-1].height, height + 1)
            if len(stack) + height > MAX_DEPTH:
                return _too_deep(file, event.start_mark)
        weight = sizes.get(str(event.anchor), 1) if isinstance(event, AliasEvent) else 1
        total += weight
        for frame in stack:
            frame.size += weight
        if total > MAX_EXPANDED_EVENTS:
            return _diag(
                "alias-expansion",
                f"anchors and aliases expand this file beyond {MAX_EXPANDED_EVENTS:,} "
                "nodes; write the repeated parts out or use fewer aliases",
                f"锚点与别名展开后超过 {MAX_EXPANDED_EVENTS:,} 个节点；请减少别名的使用",
                file,
                event.start_mark,
                expected=f"at most {MAX_EXPANDED_EVENTS} nodes",
                found="more",
            )
        mark = (event.start_mark.line, event.start_mark.column)
        parent = stack[-1] if stack else None
        if parent is None:
            path: YamlPath = ()
        elif parent.is_map and parent.expecting_key:
            if not isinstance(event, ScalarEvent):
                return _diag(
                    "bad-key",
                    "keys must be plain text, not lists, mappings or aliases",
                    "键必须是普通文本，不能是列表、映射或别名",
                    file,
                    event.start_mark,
                    expected="a text key",
                    found=type(event).__name__,
                )
            key = str(event.value)
            if key == "<<" and not event.style:
                return _diag(
                    "merge-key",
                    "merge keys (<<) are not part of YAML 1.2 and readers disagree on them; "
                    "write the keys out",
                    "合并键（<<）不属于 YAML 1.2，不同解析器处理不一致；请直接写出各个键",
                    file,
                    event.start_mark,
                    expected="plain keys",
                    found="<<",
                    at_key=True,
                )
            first = parent.keys.get(key)
            if first is not None:
                return _diag(
                    "duplicate-key",
                    f"the key {key!r} appears twice in this mapping (first at line "
                    f"{first[0] + 1}); keep only one",
                    f"同一映射中键 {key!r} 出现了两次（第一次在第 {first[0] + 1} 行）；"
                    "请只保留一个",
                    file,
                    event.start_mark,
                    expected="unique keys",
                    found=f"{key!r} again",
                )
            parent.keys[key] = mark
            parent.key, parent.expecting_key = key, False
            if (*parent.path, key) in record:
                marks.keys[(*parent.path, key)] = mark
            continue
        elif parent.is_map:
            path = (*parent.path, parent.key)
            parent.expecting_key = True
        else:
            path = (*parent.path, parent.index)
            parent.index += 1
        if path in record:
            marks.values[path] = mark
            if isinstance(event, ScalarEvent):
                marks.spans[path] = (event.start_mark.index, event.end_mark.index)
        if isinstance(event, ScalarEvent) and event.anchor is not None:
            sizes[str(event.anchor)] = 1
        if isinstance(event, CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                return _too_deep(file, event.start_mark)
            anchor = None if event.anchor is None else str(event.anchor)
            stack.append(_Frame(path, isinstance(event, MappingStartEvent), anchor))
    return marks


def _too_deep(file: str, mark: Any) -> Diagnostic:
    return _diag(
        "too-deep",
        f"the document nests deeper than {MAX_DEPTH} levels",
        f"文档嵌套超过 {MAX_DEPTH} 层",
        file,
        mark,
        expected=f"at most {MAX_DEPTH} levels",
        found="deeper",
    )


def _syntax(file: str, exc: MarkedYAMLError, text: str = "") -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    context = exc.context or ""
    if "flow" in context and exc.context_mark is not None:
        mark = exc.context_mark  # an unclosed [ or {: where it was opened is the mistake
    found = " ".join(x.strip() for x in (exc.problem or "", context) if x).strip()
    found = found or "invalid YAML"
    colon = _fullwidth_colon(text, exc)
    if colon is not None:
        line, col = colon
        return Diagnostic(
            "yaml-syntax",
            "a full-width colon '：' is used after a key; YAML needs an ASCII colon ':' "
            "followed by a space",
            "键后使用了全角冒号“：”；YAML 需要半角冒号“:”并在其后加一个空格",
            file,
            line=line,
            column=col,
            expected="': '",
            found="'：'",
        )
    explained = explain(found)
    en, zh = f"this is not valid YAML: {found}", f"YAML 语法错误：{found}"
    if explained is not None:
        en, zh = f"{en}; {explained[0]}", f"YAML 语法错误：{explained[1]}（解析器：{found}）"
    return _diag("yaml-syntax", en, zh, file, mark, expected="valid YAML", found=found)


def _fullwidth_colon(text: str, exc: MarkedYAMLError) -> tuple[int, int] | None:
    """A key written with a full-width colon, on the line of the error or just before."""
    mark = exc.problem_mark
    if not text or mark is None:
        return None
    lines = text.splitlines()
    for number in (mark.line - 1, mark.line):
        if 0 <= number < len(lines):
            head = lines[number].split("#", 1)[0]
            stripped = head.lstrip(" -")
            at = stripped.find("：")
            if at > 0 and ":" not in stripped[:at] and '"' not in stripped[:at]:
                return number + 1, len(head) - len(stripped) + at + 1
    return None


def _unmarked_syntax(file: str, exc: Exception) -> Diagnostic:
    return Diagnostic(
        "yaml-syntax",
        f"this is not valid YAML: {exc}",
        f"YAML 语法错误：{exc}",
        file,
        line=1,
        column=1,
    )


def read_checked(file: str, text: str) -> dict[str, Any] | Diagnostic:
    """The document's data, read on the checked path; or why it cannot be read."""
    vetted = scan(file, text)
    if isinstance(vetted, Diagnostic):
        return vetted
    try:
        data = _yaml(pure=True).load(text)
    except MarkedYAMLError as exc:
        return _syntax(file, exc, text)
    except (YAMLError, ValueError) as exc:
        return _unmarked_syntax(file, exc)
    if not isinstance(data, dict):
        found = "an empty file" if data is None else type(data).__name__
        empty_en, empty_zh = ("the file is empty; ", "文件为空；") if data is None else ("", "")
        return Diagnostic(
            "not-a-mapping",
            f"{empty_en}a catalog document is a mapping that starts with 'apiVersion' and 'kind'",
            f"{empty_zh}目录文档应为以 apiVersion 和 kind 开头的映射（键: 值）",
            file,
            line=1,
            column=1,
            expected="a mapping",
            found=found,
        )
    return data


def vet(file: str, text: str, wanted: set[YamlPath] | None = None) -> Marks | Diagnostic:
    """The C parser for speed; the pure one where libyaml reads a YAML 1.1 corner
    differently and reports a syntax error the YAML 1.2 readers do not."""
    marks = scan(file, text, wanted, pure=False)
    if isinstance(marks, Diagnostic) and marks.rule == "yaml-syntax":
        return scan(file, text, wanted, pure=True)
    return marks
