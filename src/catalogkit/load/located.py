"""The located path: ruamel.yaml's round-trip reader, used to find the line and
column of an error and as the reference reading of a file.

Before composing, the event stream is scanned (an iterative parser, so it cannot
overflow the stack) for what people and attackers put in YAML by accident or on
purpose: nesting deeper than `MAX_DEPTH`, alias expansion beyond
`MAX_EXPANDED_EVENTS`, explicit tags, several documents in one file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    NodeEvent,
    ScalarEvent,
)

from ..errors import Diagnostic, YamlPath
from .fastyaml import MAX_REPLAYED_EVENTS

MAX_DEPTH = 64
MAX_EXPANDED_EVENTS = MAX_REPLAYED_EVENTS


@dataclass(frozen=True)
class LocatedDocument:
    data: dict[str, Any]
    tree: CommentedMap


def _reader() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    # timestamps stay text, as on the fast path; date fields parse them
    yaml.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str
    )
    return yaml


def _diag(rule: str, en: str, zh: str, file: str, mark: Any, **kw: Any) -> Diagnostic:
    line = getattr(mark, "line", 0) + 1
    col = getattr(mark, "column", 0) + 1
    return Diagnostic(rule, en, zh, file, line=line, column=col, **kw)


def _scan_events(file: str, text: str) -> Diagnostic | None:
    """Depth, alias expansion, tags and document count, in one linear pass."""
    depth = 0
    sizes: dict[str, int] = {}
    stack: list[list[Any]] = []  # [anchor, events-so-far] per open collection
    total = 0
    documents = 0
    for event in _reader().parse(text):
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
        tag = getattr(event, "tag", None)
        if isinstance(event, NodeEvent) and tag is not None and not _implicit(event):
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
        weight = 1
        if isinstance(event, AliasEvent):
            weight = sizes.get(str(event.anchor), 1)
        total += weight
        for frame in stack:
            frame[1] += weight
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
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return _diag(
                    "too-deep",
                    f"the document nests deeper than {MAX_DEPTH} levels",
                    f"文档嵌套超过 {MAX_DEPTH} 层",
                    file,
                    event.start_mark,
                    expected=f"at most {MAX_DEPTH} levels",
                    found="deeper",
                )
            stack.append([event.anchor, 1])
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
            anchor, size = stack.pop()
            if anchor is not None:
                sizes[str(anchor)] = size
        elif isinstance(event, ScalarEvent) and event.anchor is not None:
            sizes[str(event.anchor)] = 1
    return None


def _implicit(event: Any) -> bool:
    implicit = getattr(event, "implicit", True)
    if isinstance(implicit, tuple):
        return any(implicit)
    return bool(implicit)


def read_located(file: str, text: str) -> LocatedDocument | Diagnostic:
    """Read a file on the checked path; the diagnostic says why it cannot be read."""
    try:
        problem = _scan_events(file, text)
        if problem is not None:
            return problem
        tree = _reader().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = (exc.problem or "").strip()
        context = (exc.context or "").strip()
        if "duplicate key" in what or "duplicate key" in context:
            key = _duplicate_key(exc)
            first = exc.context_mark
            first_line = getattr(first, "line", 0) + 1
            return _diag(
                "duplicate-key",
                f"the key {key!r} appears twice in this mapping (first at line {first_line}); "
                "keep only one",
                f"同一映射中键 {key!r} 出现了两次（第一次在第 {first_line} 行）；请只保留一个",
                file,
                exc.problem_mark,
                expected="unique keys",
                found=f"{key!r} again",
            )
        found = f"{what} {context}".strip() or "invalid YAML"
        return _diag(
            "yaml-syntax",
            f"this is not valid YAML: {found}",
            f"YAML 语法错误：{found}",
            file,
            mark,
            expected="valid YAML",
            found=found,
        )
    except YAMLError as exc:
        return Diagnostic(
            "yaml-syntax",
            f"this is not valid YAML: {exc}",
            f"YAML 语法错误：{exc}",
            file,
            line=1,
            column=1,
        )
    if not isinstance(tree, CommentedMap):
        found = "an empty file" if tree is None else type(tree).__name__
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
    return LocatedDocument(plain(tree), tree)


def _duplicate_key(exc: MarkedYAMLError) -> str:
    problem = exc.problem or ""
    if '"' in problem:
        return problem.split('"')[1]
    return problem


def plain(node: Any) -> Any:
    """ruamel's round-trip objects as plain Python data, equal to the fast reading."""
    if isinstance(node, CommentedMap):
        return {plain(k): plain(v) for k, v in node.items()}
    if isinstance(node, CommentedSeq):
        return [plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, str):
        return str(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node


def locate(tree: CommentedMap, path: YamlPath, *, key: bool = False) -> tuple[int, int]:
    """1-based line and column of the node at `path` (of its key with `key=True`).

    Walks as far as the path exists; a missing key is reported at its mapping."""
    node: Any = tree
    line, col = tree.lc.line, tree.lc.col
    for i, part in enumerate(path):
        last = i == len(path) - 1
        if isinstance(node, CommentedMap) and part in node:
            kl, kc = node.lc.key(part)
            vl, vc = node.lc.value(part)
            child = node[part]
            if last and key:
                return kl + 1, kc + 1
            if isinstance(child, CommentedMap | CommentedSeq) and len(child):
                line, col = child.lc.line, child.lc.col
            elif (vl, vc) == (kl, kc):
                line, col = kl, kc
            else:
                line, col = vl, vc
            node = child
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            line, col = node.lc.item(part)
            node = node[part]
        else:
            break
    return line + 1, col + 1
