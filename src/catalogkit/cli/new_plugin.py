"""`catalogkit new-plugin NAME`: a ready plugin package, tested with catalogkit.testing.

The package is staged in a hidden folder next to its destination, each file written
atomically, and moved into place in one rename: either the whole package appears or
nothing does."""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from importlib.resources import files
from pathlib import Path
from string import Template

import click

from ..version import __version__
from .language import LANG_OPTION, pick_language
from .writing import write_atomically

NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
RESERVED = {"catalogkit", "pytest", "test", "tests", "src", "setup"}

# destination (with ${module} in it) -> template file
FILES = {
    "pyproject.toml": "pyproject.toml.tmpl",
    "README.md": "README.md.tmpl",
    "src/${module}/__init__.py": "plugin.py.tmpl",
    "src/${module}/py.typed": None,
    "tests/test_${module}.py": "test_plugin.py.tmpl",
}


def check_name(name: str) -> str:
    """The module name of plugin `name`, or a UsageError-worthy message as ValueError."""
    if not NAME.match(name) or len(name) > 64:
        raise ValueError(
            f"{name!r} is not a plugin name: use lowercase letters, digits and hyphens, "
            "starting with a letter (at most 64 characters), e.g. island-ferry"
        )
    module = name.replace("-", "_")
    if module in RESERVED or module in sys.stdlib_module_names:
        raise ValueError(f"{name!r} would shadow the module {module!r}: choose another name")
    return module


def render(name: str) -> dict[str, str]:
    """The package's files, path relative to the package folder -> text."""
    module = check_name(name)
    values = {"name": name, "module": module, "catalogkit_version": __version__}
    folder = files("catalogkit").joinpath("templates", "new_plugin")
    out: dict[str, str] = {}
    for target, template in FILES.items():
        text = "" if template is None else folder.joinpath(template).read_text(encoding="utf-8")
        out[Template(target).substitute(values)] = Template(text).substitute(values)
    return out


def create(name: str, directory: Path) -> Path:
    """Write the package `directory/name`; FileExistsError if that exists."""
    target = directory / name
    rendered = render(name)
    if target.exists() or target.is_symlink():
        raise FileExistsError(target)
    directory.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=directory, prefix=f".{name}."))
    try:
        for relative, text in rendered.items():
            write_atomically(staging / relative, text)
        staging.chmod(0o777 & ~_umask())
        if target.exists():
            raise FileExistsError(target)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@click.command("new-plugin")
@click.argument("name")
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder to create the package folder NAME in.",
)
@LANG_OPTION
def new_plugin_command(name: str, directory: Path, lang: str | None) -> None:
    """Write a ready plugin package DIR/NAME: pyproject with its entry point, the module
    with plugin info and an example hook, a passing test and a README."""
    try:
        target = create(name, directory)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="NAME") from None
    except FileExistsError:
        raise click.ClickException(
            f"{directory / name} 已存在，未写入任何文件（请换一个 --dir）"
            if pick_language(lang) == "zh"
            else f"{directory / name} exists already: nothing written (choose another --dir)"
        ) from None
    module = check_name(name)
    zh = pick_language(lang) == "zh"
    click.echo(f"{'已创建' if zh else 'created'} {target}")
    for relative in sorted(render(name)):
        click.echo(f"  {relative}")
    enable = f"plugins: [{{name: {name}, config: {{...}}}}]"
    hooks = f"src/{module}/__init__.py"
    if zh:
        steps = f"然后在目录中启用它：{enable}\n  并在 {hooks} 中编写钩子（见 docs/plugins.md）"
    else:
        steps = (
            f"then enable it in the catalog: {enable}\n"
            f"  and write your hooks in {hooks} (see docs/plugins.md)"
        )
    click.echo(
        ("\n下一步：\n" if zh else "\nnext:\n")
        + f"  cd {target}\n  pip install -e '.[test]' && pytest\n  {steps}"
    )
