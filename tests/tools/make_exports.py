"""Realistic implementation-list exports for the import tests and benchmark.

    python -m tests.tools.make_exports OUT_DIR [--matters N]

writes OUT_DIR/list.xlsx (a title row above the headings, merged 实施主体 cells,
a second sheet of materials) and OUT_DIR/list-gb18030.csv (the same rows, GB18030, as
Excel on Chinese Windows saves it). The gaps are the real ones: empty fee and limit
cells, limits as text (20个工作日, 即办, 3个月, 60日, and one 三十日 that cannot be
read), phone lists, codes with leading zeros and letters (511E15002003, 00013001000),
one department whose credit code fails its check character, one 部门 that holds
several implementing bodies. The same seed gives the same files."""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path
from typing import Any

from catalogkit.codes import make_credit_code
from catalogkit.importing.headings import NATIONAL

COLUMNS = (
    "name", "implementationCode", "code", "type", "department", "body", "bodyCode",
    "handlingKind", "statutoryLimit", "promisedLimit", "charged", "feeStandard", "feeBasis",
    "place", "hours", "consultation", "supervision", "conditions", "theme",
)  # fmt: skip
COUNTY = "511602"
DIVISION = "511602000000"
TYPES = ("行政许可", "行政给付", "行政确认", "其他行政权力", "公共服务", "行政奖励")
THEMES = ("社会保障", "户籍办理", "农业农村", "市场监管", "住房城乡建设", None)
WORDS = ("登记", "备案", "审批", "补贴申领", "证明开具", "资格认定", "变更", "注销")
PLACE = "广安区政务服务中心"
HOURS = "工作日 09:00-12:00；13:30-17:00"


def _bodies(rng: random.Random) -> list[tuple[str | None, str, str]]:
    """(部门 or None, 实施主体, its code): 30 bodies, six of them under one 部门."""
    out: list[tuple[str | None, str, str]] = []
    for i in range(24):
        code = make_credit_code("1", "1", COUNTY, f"MB{i:05d}A")
        out.append((None, f"广安市广安区第{i + 1}局", code))
    for i in range(6):
        code = make_credit_code("1", "2", COUNTY, f"MC{i:05d}B")
        out.append(("广安市广安区农业农村局", f"广安市广安区农业农村局第{i + 1}站", code))
    bad = out[3][2]
    out[3] = (None, out[3][1], bad[:17] + ("0" if bad[17] != "0" else "1"))  # fails its check
    out[5] = (None, out[5][1], f"{rng.randrange(10**8):08d}1")  # an old 9-character code
    return out


def _limit(rng: random.Random, kind: str) -> tuple[str | None, str | None]:
    if kind == "即办件":
        return "即办", "即办"
    n = rng.choice((5, 10, 15, 20, 30))
    statutory = rng.choice((f"{n * 2}个工作日", f"{n * 3}日", "3个月", None))
    return statutory, rng.choice((f"{n}个工作日", f"{n} 个工作日", None))


def rows(n: int, seed: int = 14) -> tuple[list[dict[str, Any]], list[list[str]]]:
    rng = random.Random(seed)
    bodies = _bodies(rng)
    matters, materials = [], []
    for i in range(n):
        dept, body, code = bodies[i % len(bodies)]
        letter = "EFAB"[i % 4]
        base = f"511{letter}{i:08d}" if i % 7 else f"{i:011d}"  # leading zeros too
        kind = rng.choice(("即办件", "承诺件", "承诺件", None))
        statutory, promised = _limit(rng, kind or "承诺件")
        charged = rng.choice(("否", "不收费", "无", "是", None))
        row: dict[str, Any] = {
            "name": f"{rng.choice(('个体工商户', '农机', '残疾人', '居民', '企业'))}"
            f"{rng.choice(WORDS)}（{i + 1}）",
            "implementationCode": f"{base}-{DIVISION}-000-{code}-1-00",
            "code": base,
            "type": rng.choice(TYPES),
            "department": dept or body,
            "body": body,
            "bodyCode": code,
            "handlingKind": kind,
            "statutoryLimit": statutory,
            "promisedLimit": "三十日" if i == 17 else promised,
            "charged": charged,
            "feeStandard": "按件收取 10 元" if charged == "是" else None,
            "feeBasis": "《行政事业性收费标准》" if charged == "是" and i % 2 else None,
            "place": PLACE if i % 3 else None,
            "hours": HOURS if i % 3 else None,
            "consultation": rng.choice(("0826-2222222；0826-3333333", "0826-2222222", None)),
            "supervision": rng.choice(("0826-12345", None)),
            "conditions": rng.choice(("符合法定条件的申请人", None)),
            "theme": rng.choice(THEMES),
        }
        matters.append(row)
        for j in range(rng.choice((0, 1, 2, 3))):
            materials.append(
                [row["implementationCode"], f"申请材料{j + 1}", rng.choice(("必要", "容缺")),
                 "1", str(rng.choice((0, 1)))]
            )  # fmt: skip
    matters.sort(key=lambda r: (r["department"], r["body"]))  # merged cells need neighbours
    return matters, materials


def write_xlsx(path: Path, n: int) -> None:
    import openpyxl

    matters, materials = rows(n)
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "实施清单"
    ws.append([f"广安区政务服务事项实施清单（共 {n} 项）"])
    ws.append([NATIONAL[c] for c in COLUMNS])
    for row in matters:
        ws.append([row[c] for c in COLUMNS])
    for col in (COLUMNS.index("department") + 1, COLUMNS.index("body") + 1):
        start = 3
        for r in range(4, len(matters) + 4):
            same = r < len(matters) + 3 and ws.cell(r, col).value == ws.cell(start, col).value
            if not same:
                if r - 1 > start:
                    ws.merge_cells(start_row=start, end_row=r - 1, start_column=col, end_column=col)
                start = r
    extra = book.create_sheet("申请材料")
    extra.append(["实施编码", "材料名称", "材料必要性", "原件份数", "复印件份数"])
    for line in materials:
        extra.append(line)
    book.save(path)


def write_csv(path: Path, n: int) -> None:
    matters, _ = rows(n)
    with path.open("w", encoding="gb18030", newline="") as fh:
        out = csv.writer(fh)
        out.writerow([NATIONAL[c] for c in COLUMNS])
        for row in matters:
            out.writerow(["" if row[c] is None else row[c] for c in COLUMNS])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--matters", type=int, default=600)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    write_xlsx(args.out / "list.xlsx", args.matters)
    write_csv(args.out / "list-gb18030.csv", args.matters)


if __name__ == "__main__":
    main()
