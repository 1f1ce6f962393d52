"""The library stands alone: importing it loads neither the command line nor the web stack."""

from __future__ import annotations

import json
import subprocess
import sys


def test_the_library_imports_neither_cli_nor_server() -> None:
    code = (
        "import json, sys, catalogkit, catalogkit.engine, catalogkit.guide; "
        "print(json.dumps(sorted(sys.modules)))"
    )
    loaded = json.loads(subprocess.check_output([sys.executable, "-c", code], text=True))
    for module in (
        "catalogkit.cli",
        "catalogkit.server",
        "fastapi",
        "starlette",
        "uvicorn",
        "click",
        "watchfiles",
    ):
        assert module not in loaded, module
