"""What a matter leads to: its reach, intermediaries, joint departments, result,
remedies, questions and the form that asks its facts."""

from __future__ import annotations

import random

from .county_spec import DeptSpec, Doc
from .invented_words import FACTS, FAQS, LITIGATION, REVIEW


def add_outcome(
    rng: random.Random,
    m: Doc,
    mtype: str,
    kind: str,
    public: bool,
    base: str,
    dept: Doc,
    depts: list[tuple[Doc, DeptSpec]],
    used_facts: list[str],
) -> None:
    intermediaries = [x["name"] for x in m["materials"] if x.get("source") == "中介机构出具"]
    if rng.random() < 0.1:
        m["acrossArea"] = rng.choice(("全市通办", "全省通办", "跨省通办"))
    if mtype == "行政许可" and rng.random() < 0.1:
        m["quantityLimit"] = "本县行政区域内按规划布局控制数量"
    if intermediaries:
        m["intermediaries"] = [f"{x}编制" for x in intermediaries]
    if kind == "联办件":
        others = [x["id"] for x, _ in depts if x["id"] != dept["id"]]
        m["jointDepartments"] = rng.sample(others, min(len(others), rng.choice((1, 2))))

    if mtype == "行政许可":
        result: Doc = {
            "type": "证照",
            "name": f"{base.removesuffix('许可')}许可证"
            if base.endswith("许可")
            else f"{base}决定书",
            "validity": rng.choice(("5年", "3年", "长期")),
        }
    elif mtype == "行政确认" and rng.random() < 0.5:
        result = {"type": "证照", "name": f"{base}证明"}
    elif mtype in ("行政给付", "行政征收"):
        result = {"type": "批文", "name": f"{base}核定通知书"}
    else:
        result = {"type": "其他", "name": f"{base}办理结果"}
    result["collection"] = "窗口领取或邮寄送达" if m["delivery"]["express"] else "窗口领取"
    m["result"] = result
    if not public:
        m["remedies"] = {"review": REVIEW, "litigation": LITIGATION}
    if rng.random() < 0.25:
        m["faq"] = [{"question": q, "answer": a} for q, a in rng.sample(FAQS, rng.choice((1, 2)))]
    if used_facts or rng.random() < 0.15:
        form: Doc = {"applicant_name": {"type": "string", "required": True, "label": "申请人"}}
        for fact in used_facts:
            form[fact] = dict(FACTS[fact])
        m["form"] = form
    m["illustrative"] = True
