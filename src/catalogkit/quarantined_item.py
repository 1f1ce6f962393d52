"""An item a quarantine set aside, as plain data: what `validate` says about it and
its JSON, without the checking machinery (a remembered verdict rebuilds it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import YamlPath, format_path

_KIND_ZH = {
    "matter": "事项",
    "department": "部门",
    "venue": "场所",
    "window": "窗口",
    "claim": "认领",
    "profile": "模板",
    "profile use": "模板使用",
    "reference": "引用",
}


@dataclass(frozen=True)
class Quarantined:
    """An item left out of the bundle, where it is written and the first reason."""

    kind: str  # matter, department, venue, claim
    key: str  # its code or id
    name: str
    file: str
    path: YamlPath
    rule: str
    en: str
    zh: str

    def line(self, lang: str) -> str:
        """「事项 MH-MZ-0005 高龄津贴申领（county/matters.yaml）：…」"""
        where = f"{self.file}:{format_path(self.path)}"
        if lang == "zh":
            kind = _KIND_ZH.get(self.kind, self.kind)
            return f"{kind} {self.key} {self.name}（{where}）：{self.zh}".replace("  ", " ")
        return f"{self.kind} {self.key} {self.name} ({where}): {self.en}".replace("  ", " ")

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "key": self.key,
            "name": self.name,
            "file": self.file,
            "rule": self.rule,
            "message": self.en,
            "messageZh": self.zh,
        }
