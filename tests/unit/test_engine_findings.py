"""The engine checks a case's form once and says what it found: `decide` raises it as a
`CaseError` with the findings the HTTP API presents, and the rules it applies are the
ones `notices` reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogkit.engine.conditions import FormProblem
from catalogkit.engine.placed import rules_for
from catalogkit.errors import CaseError
from catalogkit.testing import TOWN, VILLAGE, engine_with, make_case, make_tree, matter

FORM = {
    "age": {"type": "integer", "min": 0, "label": "年龄"},
    "household_type": {"type": "string", "allowed": ["低保户", "特困户"]},
}
PROOF = {"name": "补充证明", "necessity": "必要", "originals": 1, "copies": 0}
EXTRA = {"id": "extra-proof", "type": "material", "material": PROOF}


def test_decide_raises_the_form_problems_the_engine_finds(tmp_path: Path) -> None:
    engine = engine_with(make_tree(tmp_path, matters=[matter(form=FORM)]))
    case = make_case(facts={"age": -1, "household_type": "其他", "unlisted": "x"})
    found = engine.form_problems(case)
    assert [(p.fact, p.value) for p in found] == [("age", -1), ("household_type", "其他")]
    assert all(isinstance(p, FormProblem) for p in found)
    assert found[0].field.label == "年龄"
    with pytest.raises(CaseError) as caught:
        engine.decide(case)
    assert caught.value.findings == tuple(found)
    assert caught.value.problems == [str(p) for p in found]
    assert engine.form_problems(make_case(facts={"age": 3})) == []


def test_the_rules_the_engine_applies_are_public(tmp_path: Path) -> None:
    tree = make_tree(tmp_path, rules={VILLAGE: [EXTRA]})
    engine = engine_with(tree)
    chain = tuple(engine.bundle.chain(VILLAGE))
    assert engine.rules_for("KIT-0001", VILLAGE) == rules_for(engine.bundle, "KIT-0001", chain)
    assert [p.rule.id for p in engine.rules_for("KIT-0001", VILLAGE)] == ["extra-proof"]


def test_a_forward_is_said_in_both_languages(tmp_path: Path) -> None:
    engine = engine_with(make_tree(tmp_path))
    # the town centre accepts the matter itself: no proxy service is offered in the town
    decision = engine.decide(make_case(TOWN, channel="proxy"))
    assert decision.outcome == "forward"
    assert decision.forward_reason == "本村（社区）未提供该事项的代办服务，请到受理场所办理"
    assert decision.forward_reason_en is not None
    assert decision.forward_reason_en.startswith("this village (community) offers no proxy")


def test_slips_name_what_was_likely_meant(tmp_path: Path) -> None:
    tree = make_tree(tmp_path, matters=[matter(form=FORM)], rules={VILLAGE: [EXTRA]})
    engine = engine_with(tree)
    case = make_case(facts={"agee": 3}, materials=["身份证", "补充证明", "户口本"])
    found = [(s.code, s.pointer, s.suggestion) for s in engine.slips(case)]
    assert found == [
        ("unknown-fact", "/facts/agee", "age"),
        ("unknown-material", "/materials/0", "居民身份证"),  # 补充证明 comes with a rule
        ("unknown-material", "/materials/2", None),
    ]
