"""Synthetic catalog trees of any size, for benchmarks, load tests and demos.

`generate_tree` writes a tree in the layout of the demo county (`catalogkit.yaml`,
`county/county.yaml`, `county/matters.yaml`, `towns/<n>.yaml`, `calendars/`), filled
with realistic-looking but invented content: every matter is marked
`illustrative: true`. The same seed always gives the same bytes.

The YAML is written as text, not through a YAML library (`yaml_text.py`), so that a
province-scale tree takes seconds.

    python -m catalogkit.synthetic OUTDIR --towns 100 --villages 30 --matters 2000

`generate_province` (`--counties N`) writes N such counties side by side under
`counties/<code>/`, each with its own code, name, departments, venues and matter codes.

    python -m catalogkit.synthetic OUTDIR --counties 90 --towns 15 --villages 19
"""

from __future__ import annotations

from .command import main
from .county_spec import County
from .county_tree import generate_tree
from .province_tree import generate_province, province_counties
from .yaml_text import to_yaml

__all__ = ["County", "generate_province", "generate_tree", "main", "province_counties", "to_yaml"]
