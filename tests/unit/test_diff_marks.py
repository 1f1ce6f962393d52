"""What changed inside a long text is marked, in the terminal text and the notice,
even when only a space changed."""

from __future__ import annotations

from catalogkit.diff.markdown import md
from catalogkit.diff.marks import for_terminal, marked, worth_marking

PARAGRAPH = (
    "持有本县常住户口的居民，共同生活的家庭成员人均收入低于本县最低生活保障标准，"
    "且家庭财产状况符合县人民政府规定条件的，可以以家庭为单位申请最低生活保障。"
)


def test_a_space_put_between_chinese_characters_is_shown() -> None:
    spaced = PARAGRAPH.replace("最低生活保障标准", "最低生活 保障标准")
    assert worth_marking(PARAGRAPH, spaced)
    old, new = marked(PARAGRAPH, spaced)
    assert for_terminal(new) == "…低于本县最低生活{+␠+}保障标准，且家庭…"
    assert for_terminal(old) == "…低于本县最低生活保障标准，且家庭…"


def test_a_changed_word_in_chinese_is_marked_by_character() -> None:
    old, new = marked(PARAGRAPH, PARAGRAPH.replace("县人民政府", "市人民政府"))
    assert "[-县-]" in for_terminal(old) and "{+市+}" in for_terminal(new)
    assert len(for_terminal(new)) < len(PARAGRAPH)  # far from the change: cut


def test_latin_text_is_marked_by_word() -> None:
    _old, new = marked(
        "Residents with a local household registration may apply.",
        "Residents with a local household registration may apply online.",
    )
    assert for_terminal(new).endswith("apply{+␠online+}.")


def test_the_notice_marks_in_markdown_after_escaping() -> None:
    fee = "收费标准：按*件*收取，每件 {} 元" * 2
    _old, new = marked(fee.format(10, 10), fee.format(12, 12))
    shown = md(new)
    assert "**12**" in shown and "\\*件\\*" in shown


def test_short_values_are_shown_whole() -> None:
    assert not worth_marking("承诺件", "即办件")
