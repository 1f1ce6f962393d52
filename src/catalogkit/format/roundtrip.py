"""ruamel.yaml's round-trip mode, set up once for catalogkit's canonical layout.

Round-trip mode is the only YAML library mode that keeps comments, key order and
the author's quotes; what it does not keep by itself is kept by `fixes` (how nulls
are spelled, some comments) or put right by `tidy` (where full-line comments sit,
blank lines, trailing whitespace). The reader is YAML 1.2, like every other catalogkit path;
no version is set on the instance because that would print a `%YAML` directive.
"""

from __future__ import annotations

import io
import sys

from ruamel.yaml import YAML

from . import fixes


def round_trip() -> YAML:
    """A fresh instance per use: ruamel instances keep state between documents."""
    yaml = YAML(typ="rt", pure=True)
    yaml.Composer = fixes.Composer
    yaml.Emitter = fixes.Emitter
    yaml.Constructor = fixes.Constructor
    yaml.Representer = fixes.Representer
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = sys.maxsize  # long Chinese text stays on one line
    yaml.brace_single_entry_mapping_in_flow_sequence = True  # `[{a: 1}]` stays so
    yaml.allow_unicode = True
    return yaml


def reemit(text: str) -> str:
    """`text` parsed and printed again in the canonical indentation."""
    yaml = round_trip()
    data = yaml.load(text)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
