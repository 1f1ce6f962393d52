"""`catalogkit decide CASE.yaml`: the decision on one case, as text or JSON."""

from __future__ import annotations

import dataclasses
import hashlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..catalog import PluginChoice
from ..errors import CatalogkitError
from ..load.opening import read_input
from ..unknown import or_unknown
from .catalog_option import CATALOG_OPTION
from .language import LANG_OPTION, pick_language
from .loading import load_engine
from .plain_json import dumps
from .plugin_options import plugin_options

if TYPE_CHECKING:  # imported when the command runs: its `--help` stays quick
    from ..engine import Decision, Engine, Hop


@click.command("decide")
@click.argument("case_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@CATALOG_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@LANG_OPTION
@plugin_options
def decide_command(
    case_file: Path,
    catalog: Path,
    as_json: bool,
    lang: str | None,
    plugins: PluginChoice,
) -> None:
    """Decide the case in CASE_FILE (kind: Case) against the catalog."""
    from ..engine import with_lines
    from ..load.locate import locate_all
    from ..load.one_document import read_document
    from ..model.case import CASE_KINDS, CaseDocument

    language = pick_language(lang)
    raw = read_input(case_file)
    loaded = read_document(case_file.name, raw, hashlib.blake2b(raw).hexdigest(), CASE_KINDS)
    if not isinstance(loaded.document, CaseDocument):
        for d in locate_all(case_file.parent, loaded.diagnostics) or []:
            click.echo(
                f"{case_file.parent / d.file}:{d.line}:{d.column}: error [{d.rule}] "
                f"{d.message(language)}",
                err=True,
            )
        if not loaded.diagnostics:
            kind = (
                "应为 kind: Case 的办件文档"
                if language == "zh"
                else "expected a document of kind Case"
            )
            click.echo(f"{case_file}: {kind}", err=True)
        sys.exit(1)
    engine = load_engine(catalog, plugins, language)
    try:
        decision = engine.decide(loaded.document)
    except CatalogkitError as exc:
        raise click.ClickException(str(exc)) from None
    decision = dataclasses.replace(decision, trace=with_lines(engine.bundle.root, decision.trace))
    click.echo(as_json_text(decision) if as_json else as_text(engine, decision, language))


def as_json_text(decision: Decision) -> str:
    body = dataclasses.asdict(decision)
    body["total_fee"] = decision.total_fee
    body["due_notes"] = [note.as_dict() for note in decision.due_notes]
    return dumps(body)


def as_text(engine: Engine, d: Decision, lang: str) -> str:
    from ..engine import OUTCOME_ZH
    from ..resolve.matter_checks import show_limit

    zh = lang == "zh"
    venues = engine.bundle.venues

    def name(venue: str | None) -> str:
        if venue is not None and venue in venues:
            return venues[venue].item.name
        return venue or "-"

    lines = [
        f"{d.matter_name} ({d.matter}) · {engine.bundle.locality(d.locality).name} · "
        f"{or_unknown(d.handling_kind, lang)}",
        ("结果：" if zh else "outcome: ") + (OUTCOME_ZH[d.outcome] if zh else d.outcome),
    ]
    if d.forward_to is not None:
        lines.append(
            f"请到：{name(d.forward_to)}（{d.forward_reason}）"
            if zh
            else f"go to: {name(d.forward_to)} ({d.forward_reason_en or d.forward_reason})"
        )
    if d.route is not None and d.handled_at:
        day = d.route.date

        def closed(hop: Hop) -> str:  # never name a closed venue without saying so
            if hop.closed is None:
                return ""
            return f"（{day} {hop.closed}不开放）" if zh else f" (closed on {day}: {hop.closed})"

        lines.append(
            ("受理：" if zh else "accepted at: ")
            + name(d.handled_at)
            + closed(d.route.accepted_at)
            + ("；决定：" if zh else "; decided at: ")
            + name(d.route.decided_at.venue)
            + closed(d.route.decided_at)
        )
    if d.facts_needed:
        lines.append("尚需说明（一次性告知）：" if zh else "facts needed (all at once):")
        lines += [
            f"  - {f.question}" + ("" if f.label in f.question else f"（{f.label}）")
            for f in d.facts_needed
        ]
    if d.unknown_fields:
        lines.append(
            ("目录尚未填写（无法判断）：" if zh else "not known in the catalog yet: ")
            + ", ".join(d.unknown_fields)
        )
    for r in d.refusals:
        lines.append(("不予受理理由：" if zh else "refused: ") + f"{r.reason}（{r.basis}）")
    if d.missing_materials:
        lines.append("缺少材料（一次性告知）：" if zh else "missing materials (all at once):")
        lines += [
            f"  - {m.name}（原件{m.originals}份，复印件{m.copies}份）" for m in d.missing_materials
        ]
    for f in d.fees:
        waived = f"，减免 {f.waived:.2f} 元" if f.waived else ""
        lines.append(f"  {f.name}: {f.amount:.2f} 元{waived}，应缴 {f.net:.2f} 元")
    lines.append(("应缴合计：" if zh else "total fee: ") + f"{d.total_fee:.2f} 元")
    if d.accepted_on is not None:
        lines.append(
            ("申请日期：" if zh else "submitted: ")
            + str(d.submitted_on)
            + ("；受理日期：" if zh else "; accepted: ")
            + str(d.accepted_on)
        )
    mark = ("（暂定）" if zh else " (provisional)") if d.provisional else ""
    if d.promised_due:
        lines.append(("承诺办结日期：" if zh else "promised due: ") + str(d.promised_due) + mark)
    if d.statutory_due:
        lines.append(("法定办结日期：" if zh else "statutory due: ") + str(d.statutory_due) + mark)
    if any(step.role == "proxy" for step in d.timeline):
        lines.append("办理进程：" if zh else "timeline:")
        for step in d.timeline:
            role = (
                {"proxy": "代办", "accept": "受理", "decide": "办结"}[step.role]
                if zh
                else step.role
            )
            limit = show_limit(step.limit) if step.limit is not None else ""
            due = str(step.due) if step.due else ("未载明" if zh else "not known")
            lines.append(f"  - {role} {name(step.venue)} {limit} → {due}".replace("  →", " →"))
    if d.due_notes:
        lines.append("日期说明：" if zh else "about the dates:")
        lines += [f"  - {n.text(lang)}" for n in d.due_notes]
    if d.trace:
        lines.append("依据与来源：" if zh else "trace:")
        lines += [f"  - {t.part}: {t.detail} ← {t.source}" for t in d.trace]
    plugins = ", ".join(f"{k} {v}" for k, v in d.plugins.items()) or "-"
    lines.append(
        f"目录版本 {d.revision}；插件：{plugins}"
        if zh
        else f"revision {d.revision}; plugins: {plugins}"
    )
    return "\n".join(lines)
