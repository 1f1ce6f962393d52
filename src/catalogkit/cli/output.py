"""Diagnostics as text (yamllint style), JSON, or GitHub annotations."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from ..catalog import Report
from ..errors import Diagnostic, format_path
from ..quarantine import Quarantined


def shown_file(report: Report, d: Diagnostic) -> str:
    path = report.root / d.file if not Path(d.file).is_absolute() else Path(d.file)
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def text_line(report: Report, d: Diagnostic, lang: str) -> str:
    where = shown_file(report, d)
    if d.line is not None:
        where += f":{d.line}:{d.column}"
    return f"{where}: {d.severity} [{d.rule}] {format_path(d.path)}: {d.message(lang)}"


def summary(report: Report, lang: str) -> str:
    n, e, w = len(report.files), len(report.errors), len(report.warnings)
    if lang == "zh":
        text = f"检查了 {n} 个文件：{e} 个错误，{w} 个警告"
    else:
        text = f"checked {n} file(s): {e} error(s), {w} warning(s)"
    if report.drafts:
        text += (
            f"，{len(report.drafts)} 个草稿事项"
            if lang == "zh"
            else f", {len(report.drafts)} draft matter(s)"
        )
    return text + f" ({report.seconds * 1000:.0f} ms{', cached' if report.from_cache else ''})"


def quarantine_lines(quarantined: Sequence[Quarantined], lang: str) -> list[str]:
    """What every output that leaves items out says about them."""
    if not quarantined:
        return []
    head = (
        f"隔离 {len(quarantined)} 项（有错误，已从目录中略去，其余照常使用）："
        if lang == "zh"
        else f"{len(quarantined)} item(s) quarantined (errors; left out, the rest is used):"
    )
    return [head] + [f"  {q.line(lang)}" for q in quarantined]


def strict_line(report: Report, lang: str) -> str:
    n = len(report.drafts)
    if lang == "zh":
        return f"--strict：{n} 个事项仍为草稿（publication: draft），不能发布"
    return f"--strict: {n} matter(s) are still drafts (publication: draft); not ready to publish"


def as_json(report: Report) -> str:
    body = {
        "root": str(report.root),
        "files": len(report.files),
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "drafts": len(report.drafts),
        "quarantined": [q.as_dict() for q in report.quarantined],
        "revision": report.bundle.revision if report.bundle else None,
        "diagnostics": [{**d.as_dict(), "file": shown_file(report, d)} for d in report.diagnostics],
    }
    return json.dumps(body, ensure_ascii=False, indent=2)


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_line(report: Report, d: Diagnostic, lang: str) -> str:
    props = f"file={shown_file(report, d)}"
    if d.line is not None:
        props += f",line={d.line},col={d.column}"
    props += f",title={d.rule}"
    level = "error" if d.severity == "error" else "warning"
    return f"::{level} {props}::{_escape(format_path(d.path) + ': ' + d.message(lang))}"
