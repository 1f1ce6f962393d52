"""axe-core for the accessibility tests: the npm package, installed for the test run
only (never shipped): `.ci/run` installs it into .cache/axe; a test run without it
installs it there with npm when npm is present, else the tests are skipped."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREFIX = Path(os.environ.get("CATALOGKIT_AXE_DIR", ROOT / ".cache" / "axe"))
SCRIPT = PREFIX / "node_modules" / "axe-core" / "axe.min.js"
VERSION = "4"


def axe_source() -> str | None:
    """The text of axe.min.js, or None where it cannot be had."""
    if not SCRIPT.is_file() and shutil.which("npm"):
        PREFIX.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(PREFIX),
                f"axe-core@{VERSION}",
            ],
            check=False,
            capture_output=True,
            timeout=300,
        )
    return SCRIPT.read_text(encoding="utf-8") if SCRIPT.is_file() else None
