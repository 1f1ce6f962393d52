"""A province: several counties side by side under `counties/<code>/`, each with its own
code, name, departments, venues and matter codes."""

from __future__ import annotations

import random
from pathlib import Path

from .county_spec import County
from .county_tree import write_county
from .invented_names import place_name
from .tree_files import check_sizes, copy_calendars, header_note, prepare_folder, write_text
from .yaml_text import to_yaml

PROVINCE_NAME = "示例省"
MAX_COUNTIES = 900
COUNTIES_PER_CITY = 12


def province_counties(count: int, seed: int = 0) -> list[County]:
    """`count` counties with distinct codes (33CCNN: city CC, county NN), names and tags."""
    if not 1 <= count <= MAX_COUNTIES:
        raise ValueError(f"counties must be between 1 and {MAX_COUNTIES}")
    rng = random.Random(f"province:{seed}")
    names: set[str] = set()
    out: list[County] = []
    for i in range(count):
        city, n = divmod(i, COUNTIES_PER_CITY)
        code = f"33{city + 1:02d}{n + 1:02d}"
        name = place_name(rng, names) + ("区" if n == 0 else "县")
        out.append(County(code, name, f"-{code}"))
    return out


def generate_province(
    root: Path,
    *,
    counties: int,
    towns: int = 4,
    villages_per_town: int = 3,
    matters: int = 400,
    departments: int = 10,
    seed: int = 0,
) -> None:
    """Write a province: `counties/<code>/` holds each county as `generate_tree` makes one
    (own departments, venues and matter codes, tagged with the county's code), under one
    settings file and the calendars. Each county has its own random stream, so adding
    counties leaves the earlier ones' files as they were."""
    check_sizes(towns, villages_per_town, matters, departments)
    places = province_counties(counties, seed)
    root = Path(root)
    prepare_folder(root, ("counties",))
    note = header_note(seed)
    settings = {
        "apiVersion": "catalogkit/v1",
        "kind": "Settings",
        "name": f"合成目录：{PROVINCE_NAME}（{counties}个县，每县{towns}个乡镇、{matters}项事项）",
        "province": PROVINCE_NAME,
    }
    write_text(root / "catalogkit.yaml", to_yaml(settings, note))
    for place in places:
        folder = root / "counties" / place.code
        for sub in ("county", "towns"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        rng = random.Random(f"{seed}:{place.code}")
        write_county(folder, rng, place, towns, villages_per_town, matters, departments, note)
    copy_calendars(root)
