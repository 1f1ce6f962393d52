"""The diff on a terminal: one line per change, `+` added, `-` removed, `~` changed,
grouped by what changed (settings, matters, localities, venues, departments,
calendars), in Chinese or English."""

from __future__ import annotations

from .marks import for_terminal
from .model import Diff, Json
from .phrases import Phrase, field_phrase, locality_phrases, matter_phrases, owned_phrases

_WORDS = {
    "zh": {
        "head": "{old} → {new}：共 {n} 处变更",
        "same": "{old} → {new}：没有差异",
        "side": "{source}（版本 {revision}）",
        "settings": "设置",
        "matters": "事项",
        "localities": "区划",
        "venues": "场所",
        "departments": "部门",
        "calendars": "日历",
        "renamed": "更名：{old} → {new}",
        "recoded": "改编码：{old} → {new}",
    },
    "en": {
        "head": "{old} → {new}: {n} change(s)",
        "same": "{old} → {new}: no differences",
        "side": "{source} (revision {revision})",
        "settings": "settings",
        "matters": "matters",
        "localities": "localities",
        "venues": "venues",
        "departments": "departments",
        "calendars": "calendars",
        "renamed": "renamed: {old} → {new}",
        "recoded": "recoded: {old} → {new}",
    },
}


def as_text(diff: Diff, lang: str) -> str:
    w = _WORDS[lang]
    old = w["side"].format(source=diff.old.source, revision=diff.old.revision)
    new = w["side"].format(source=diff.new.source, revision=diff.new.revision)
    if not diff.changes:
        return _printable(w["same"].format(old=old, new=new)) + "\n"
    lines = [w["head"].format(old=old, new=new, n=diff.changes)]
    if diff.settings:
        lines += ["", w["settings"]]
        lines += [f"  ~ {field_phrase(diff, 'settings', f, lang)}" for f in diff.settings]
    lines += _matters(diff, lang)
    lines += _localities(diff, lang)
    for kind, section in (
        ("venue", diff.venues),
        ("department", diff.departments),
        ("calendar", diff.calendars),
    ):
        lines += _block(w[kind + "s"], owned_phrases(diff, kind, section, lang))
    return _printable(for_terminal("\n".join(lines))) + "\n"


def _matters(diff: Diff, lang: str) -> list[str]:
    w = _WORDS[lang]
    m = diff.matters
    if not m.size():
        return []
    lines = ["", w["matters"]]
    for item in m.added:
        lines.append(f"  + {item['code']} {item['name']}{_about(diff, item, lang)}")
    for item in m.removed:
        lines.append(f"  - {item['code']} {item['name']}")
    for r in m.renamed:
        lines.append(f"  ~ {r.code} " + w["renamed"].format(old=r.old, new=r.new))
    for c in m.recoded:
        lines.append(f"  ~ {c.new} {c.name} " + w["recoded"].format(old=c.old, new=c.new))
    for change in m.changed:
        lines.append(f"  ~ {change.code} {change.name}")
        lines += [f"      {sign} {text}" for sign, text in matter_phrases(diff, change, lang)]
    return lines


def _about(diff: Diff, item: dict[str, Json], lang: str) -> str:
    parts = [
        diff.label(item.get("department", "")),
        str(item.get("handlingKind", "")),
        diff.label(item.get("venue", "")),
    ]
    shown = ("，" if lang == "zh" else ", ").join(p for p in parts if p)
    return f"（{shown}）" if lang == "zh" else f" ({shown})"


def _localities(diff: Diff, lang: str) -> list[str]:
    loc = diff.localities
    if not loc.size():
        return []
    lines = ["", _WORDS[lang]["localities"]]
    for sign, items in (("+", loc.added), ("-", loc.removed)):
        lines += [f"  {sign} {item['code']} {item['name']}" for item in items]
    for change in loc.changed:
        lines.append(f"  ~ {change.code} {change.name}")
        lines += [f"      {sign} {text}" for sign, text in locality_phrases(diff, change, lang)]
    return lines


def _block(title: str, phrases: list[Phrase]) -> list[str]:
    if not phrases:
        return []
    return ["", title, *(f"  {sign} {text}" for sign, text in phrases)]


def _printable(text: str) -> str:
    """Catalog text may hold control characters (YAML allows escapes such as "\\e"):
    never let them reach a terminal."""
    return "".join(c if c >= " " or c == "\n" else "\ufffd" for c in text)
