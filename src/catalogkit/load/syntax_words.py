"""What the YAML parser's complaints mean, in words an administrator can act on, in
English and Chinese. The parser only speaks English, and of tokens."""

from __future__ import annotations

# (words in the parser's message, English explanation, Chinese explanation); first match
EXPLAINED: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (
        ("flow mapping",),
        "a { … } is not closed properly: look for a missing comma or '}'; if the text "
        "itself starts with '{', put the whole value in quotes",
        "花括号 { } 没有正确结束：请检查是否漏了逗号或右花括号“}”；如果文字本身以“{”开头，"
        "请给整段文字加引号",
    ),
    (
        ("flow sequence",),
        "a [ … ] list is not closed properly: look for a missing comma or ']'; if the text "
        "itself starts with '[', put the whole value in quotes",
        "方括号 [ ] 里的列表没有正确结束：请检查是否漏了逗号或右方括号“]”；如果文字本身以“[”开头，"
        "请给整段文字加引号",
    ),
    (
        ("mapping values are not allowed",),
        "': ' (a colon and a space) cannot stand here: if it is part of the text, put the "
        "whole value in quotes; if it starts a new key, check the indentation",
        "这里不能出现“: ”（冒号加空格）：如果它是文字的一部分，请给整段文字加引号；"
        "如果是新的键，请检查缩进",
    ),
    (
        ("quoted scalar",),
        "a quotation mark is not closed",
        "引号没有配对：请检查是否缺少结束的引号",
    ),
    (
        ("could not find expected ':'",),
        "a line has no 'key: value' colon, or the line before it is indented wrongly",
        "这一行缺少“键: 值”中的冒号，或上一行的缩进有误",
    ),
    (
        ("block end", "block mapping", "block collection"),
        "the indentation is inconsistent: keys of one level must start in the same column",
        "缩进不一致：同一层的键必须从同一列开始",
    ),
    (
        ("alias", "anchor"),
        "text that starts with '*' or '&' means something else in YAML: put it in quotes",
        "以“*”或“&”开头的文字在 YAML 中有特殊含义：请给整段文字加引号",
    ),
)


def explain(found: str) -> tuple[str, str] | None:
    """The explanation of a parser message, or None when it is not one we know."""
    for words, en, zh in EXPLAINED:
        if any(w in found for w in words):
            return en, zh
    return None
