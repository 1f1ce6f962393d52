"""The library and the command line work without the `serve` extra (FastAPI, uvicorn,
watchfiles); `serve` then says how to install it. Each run is a fresh interpreter in
which the web stack cannot be imported."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import DEMO

WEB_STACK = ("fastapi", "starlette", "uvicorn", "watchfiles")

# None in sys.modules makes `import fastapi` fail as if it were not installed
BLOCK = f"import sys\nfor name in {WEB_STACK!r}:\n    sys.modules[name] = None\n"


def without_web_stack(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCK + code, *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def catalogkit(*args: str) -> subprocess.CompletedProcess[str]:
    code = "from catalogkit.cli import main\nsys.argv[0] = 'catalogkit'\nmain()\n"
    return without_web_stack(code, *args)


def test_library_imports_and_checks_without_web_stack() -> None:
    code = (
        "import catalogkit\n"
        "report = catalogkit.check_catalog(sys.argv[1])\n"
        "print(len(report.errors), len(report.bundle.matters))\n"
    )
    done = without_web_stack(code, str(DEMO))
    assert done.returncode == 0, done.stderr
    errors, matters = done.stdout.split()
    assert errors == "0" and int(matters) > 0


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["--help"],
        ["validate", str(DEMO)],
        ["route", "MH-MZ-0001", "--locality", "339901101202-5", "--catalog", str(DEMO)],
    ],
    ids=["version", "help", "validate", "route"],
)
def test_commands_run_without_web_stack(args: list[str]) -> None:
    done = catalogkit(*args)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("lang", "says"),
    [("en", "needs the web server"), ("zh", "需要网页服务组件")],
)
def test_serve_without_web_stack_says_how_to_install(lang: str, says: str) -> None:
    done = catalogkit("serve", "--catalog", str(DEMO), "--check", "--lang", lang)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert says in done.stderr
    assert "pip install 'catalogkit[serve]'" in done.stderr
