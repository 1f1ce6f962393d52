"""Where each object of the bundle was written, so any later check can point at it."""

from __future__ import annotations

from typing import Any, NamedTuple

from ..errors import Diagnostic, YamlPath


class Source(NamedTuple):
    """A tuple, not a frozen dataclass: a province makes a million of them, and a
    tuple is built several times faster and takes less room."""

    file: str
    path: YamlPath = ()

    def at(self, *more: str | int) -> Source:
        return Source(self.file, self.path + more)

    def __str__(self) -> str:
        return self.file


def problem(rule: str, en: str, zh: str, source: Source, **kw: Any) -> Diagnostic:
    return Diagnostic(rule, en, zh, source.file, source.path, **kw)


class Problems(list[Diagnostic]):
    """The diagnostics one resolve pass collects."""

    def add(self, rule: str, en: str, zh: str, source: Source, **kw: Any) -> None:
        self.append(problem(rule, en, zh, source, **kw))

    def duplicate(self, what: str, what_zh: str, key: str, first: Source, again: Source) -> None:
        self.add(
            "duplicate-code",
            f"{what} {key!r} is defined twice; the first is in {first.file}",
            f"{what_zh} {key!r} 重复定义；第一次定义在 {first.file}",
            again,
            expected="unique",
            found=f"{key!r} again",
            related=(first.file,),
        )
