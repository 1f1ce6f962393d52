"""A tree of one county (`generate_tree`), and one county's files, which a province
repeats."""

from __future__ import annotations

import random
from pathlib import Path

from .county_departments import county_departments
from .county_spec import COUNTY_NAME, ONE_COUNTY, County
from .county_venues import county_locality
from .matter_doc import matter_doc
from .matter_plan import matter_plan
from .town_doc import town_locality
from .tree_files import check_sizes, copy_calendars, header_note, prepare_folder, write_text
from .yaml_text import to_yaml


def generate_tree(
    root: Path,
    *,
    towns: int = 4,
    villages_per_town: int = 3,
    matters: int = 400,
    departments: int = 10,
    seed: int = 0,
) -> None:
    """Write a synthetic catalog tree under `root` (deterministic for a given seed).

    `root` must be empty, new, or an earlier synthetic tree (whose files are replaced).
    """
    check_sizes(towns, villages_per_town, matters, departments)
    rng = random.Random(seed)
    root = Path(root)
    prepare_folder(root, ("county", "towns"))
    note = header_note(seed)
    settings = {
        "apiVersion": "catalogkit/v1",
        "kind": "Settings",
        "name": f"合成目录：{COUNTY_NAME}（{towns}个乡镇，{matters}项事项）",
    }
    write_text(root / "catalogkit.yaml", to_yaml(settings, note))
    write_county(root, rng, ONE_COUNTY, towns, villages_per_town, matters, departments, note)
    copy_calendars(root)


def write_county(
    folder: Path,
    rng: random.Random,
    place: County,
    towns: int,
    villages_per_town: int,
    matters: int,
    departments: int,
    note: str,
) -> None:
    """One county's files: `county/county.yaml`, `county/matters.yaml`, `towns/<n>.yaml`."""
    depts = county_departments(rng, departments, place)
    write_text(folder / "county" / "county.yaml", to_yaml(county_locality(rng, depts, place), note))

    matter_docs = [
        matter_doc(rng, i, plan, depts, d, place)
        for i, (plan, d) in enumerate(matter_plan(depts, matters))
    ]
    doc = {
        "apiVersion": "catalogkit/v1",
        "kind": "Matters",
        "locality": place.code,
        "matters": matter_docs,
    }
    write_text(folder / "county" / "matters.yaml", to_yaml(doc, note))

    names: set[str] = set()
    width = max(3, len(str(towns)))
    for t in range(1, towns + 1):
        town = town_locality(rng, t, villages_per_town, matter_docs, names, place)
        write_text(folder / "towns" / f"{t:0{width}d}.yaml", to_yaml(town, note))
