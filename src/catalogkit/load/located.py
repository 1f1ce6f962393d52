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
from .fastyaml import MAX_REPLAYED_EVENTS

MAX_DEPTH = 64
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
    expecting_key: bool = True
    key: str = ""
    index: int = 0
    keys: dict[str, Position] = field(default_factory=dict)


@dataclass
class Marks:
    """Positions (0-based) of keys and values at the recorded paths."""

    keys: dict[YamlPath, Position] = field(default_factory=dict)
    values: dict[YamlPath, Position] = field(default_factory=dict)

    def locate(self, path: YamlPath, *, key: bool = False) -> Position:
        """1-based line and column of `path` (its key with `key=True`); a path that
        does not exist is reported at the nearest enclosing node that does."""
        if key and path in self.keys:
            line, col = self.keys[path]
            return line + 1, col + 1
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
    return {p[:end] for p in paths for end in range(len(p) + 1)}


def scan(
    file: str, text: str, wanted: set[YamlPath] | None = None, *, pure: bool = True
) -> Marks | Diagnostic:
    """One pass over the events: the first refusal, or the marks of `wanted` paths."""
    try:
        return _scan(file, text, _prefixes(wanted) if wanted else set(), pure)
    except MarkedYAMLError as exc:
        return _syntax(file, exc)
    except YAMLError as exc:
        return _unmarked_syntax(file, exc)


def _scan(file: str, text: str, record: set[YamlPath], pure: bool) -> Marks | Diagnostic:
    marks = Marks()
    stack: list[_Frame] = []
    sizes: dict[str, int] = {}
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
            continue
        if not isinstance(event, NodeEvent):
            continue
        tag = getattr(event, "tag", None)
        if tag is not None:
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
        if isinstance(event, ScalarEvent) and event.anchor is not None:
            sizes[str(event.anchor)] = 1
        if isinstance(event, CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                return _diag(
                    "too-deep",
                    f"the document nests deeper than {MAX_DEPTH} levels",
                    f"文档嵌套超过 {MAX_DEPTH} 层",
                    file,
                    event.start_mark,
                    expected=f"at most {MAX_DEPTH} levels",
                    found="deeper",
                )
            anchor = None if event.anchor is None else str(event.anchor)
            stack.append(_Frame(path, isinstance(event, MappingStartEvent), anchor))
    return marks


def _syntax(file: str, exc: MarkedYAMLError) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    found = " ".join(x.strip() for x in (exc.problem or "", exc.context or "") if x).strip()
    found = found or "invalid YAML"
    return _diag(
        "yaml-syntax",
        f"this is not valid YAML: {found}",
        f"YAML 语法错误：{found}",
        file,
        mark,
        expected="valid YAML",
        found=found,
    )


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
        return _syntax(file, exc)
    except (YAMLError, ValueError) as exc:
        return _unmarked_syntax(file, exc)
    if not isinstance(data, dict):
        found = "an empty file" if data is None else type(data).__name__
        return Diagnostic(
            "not-a-mapping",
            "a catalog document is a mapping that starts with 'apiVersion' and 'kind'",
            "目录文档应为以 apiVersion 和 kind 开头的映射（键: 值）",
            file,
            line=1,
            column=1,
            expected="a mapping",
            found=found,
        )
    return data
