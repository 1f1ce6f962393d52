"""Diagnostics as text (yamllint style), JSON, or GitHub annotations."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Diagnostic, format_path

if TYPE_CHECKING:
    from ..catalog import Report
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


DETAIL_WORDS = {
    "en": ("expected", "found", "fix", "write {hint!r}", "see docs/validation-rules.md#{rule}"),
    "zh": ("应为", "实际", "修改", "改为 {hint!r}", "参见 docs/validation-rules.md#{rule}"),
}


def detail_lines(d: Diagnostic, lang: str) -> list[str]:
    """What was expected, what was found and the fix, under a diagnostic's line (the
    same facts as the JSON format's fields); the fix is the suggested value, or the
    rule's section in the documentation."""
    expected, found, fix, write, see = DETAIL_WORDS["zh" if lang == "zh" else "en"]
    sep = "：" if lang == "zh" else ": "
    out = []
    if d.expected:
        out.append(f"    {expected}{sep}{_short(d.expected)}")
    if d.found:
        shown = "（无）" if lang == "zh" and d.found == "nothing" else d.found
        out.append(f"    {found}{sep}{_short(shown)}")
    remedy = write.format(hint=d.hint) if d.hint else see.format(rule=d.rule)
    out.append(f"    {fix}{sep}{remedy}")
    return out


def _short(text: str, limit: int = 120) -> str:
    """Long lists of allowed keys cut short (the JSON format has them whole); text that
    cannot be printed as it is (a lone surrogate) shown escaped, as the message shows it."""
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def text_block(report: Report, d: Diagnostic, lang: str) -> str:
    """A diagnostic's line and its details."""
    return "\n".join([text_line(report, d, lang), *detail_lines(d, lang)])


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
        "revision": report.revision,
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
