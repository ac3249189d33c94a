"""The harness keeps its promises: one dependency list, notebooks stored as nbval expects them.

These tests read the repository's own files; they never touch the network.
"""

from __future__ import annotations

import configparser
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: pytest brings tomli
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

# conda-forge spells a few packages differently from PyPI.
CONDA_TO_PIP: dict[str, str] = {"jupyterlab_rise": "jupyterlab-rise"}
NOT_PACKAGES = {"python", "pip"}


# ---------------------------------------------------------------- environment files
def environment_yml() -> dict:
    """name, channels and the conda dependency strings of environment.yml.

    The file is simple enough to read without a YAML library, and reading it
    by hand keeps this test free of one more dependency.
    """
    name, channels, deps, section = None, [], [], None
    for raw in (ROOT / "environment.yml").read_text().splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if not line.startswith(" "):
            key, _, value = line.partition(":")
            section = key.strip()
            if section == "name":
                name = value.strip()
            continue
        item = line.strip()
        if not item.startswith("- "):
            continue
        item = item[2:].strip()
        if section == "channels":
            channels.append(item)
        elif section == "dependencies" and raw.startswith("  - ") and not item.startswith("pip:"):
            deps.append(item)
    return {"name": name, "channels": channels, "dependencies": deps}


def conda_requirements() -> dict[str, str]:
    out = {}
    for spec in environment_yml()["dependencies"]:
        spec = spec.replace(" ", "")
        if re.match(r"[A-Za-z0-9_.-]+", spec).group(0).lower() in NOT_PACKAGES:
            continue  # conda's own `python=3.12` is not a PEP 508 requirement
        req = Requirement(spec)
        out[CONDA_TO_PIP.get(req.name.lower(), req.name.lower())] = str(req.specifier)
    return out


def pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["course"]
    return {Requirement(s).name.lower(): str(Requirement(s).specifier) for s in specs}


def test_environment_is_ictp_eq_on_conda_forge():
    env = environment_yml()
    assert env["name"] == "ICTP_EQ"
    assert env["channels"] == ["conda-forge"]
    assert any(d.startswith("python") for d in env["dependencies"])


def test_environment_installs_the_package_itself():
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"^\s+- pip:\s*\n\s+- -e \.\s*$", text, re.M), "environment.yml must pip-install -e ."


def test_environment_and_pyproject_list_the_same_packages():
    conda, pip = conda_requirements(), pyproject_requirements()
    only_conda = sorted(set(conda) - set(pip))
    only_pip = sorted(set(pip) - set(conda))
    assert not only_conda, f"in environment.yml but not pyproject.toml: {only_conda}"
    assert not only_pip, f"in pyproject.toml but not environment.yml: {only_pip}"
    differing = {n: (conda[n], pip[n]) for n in conda if conda[n] != pip[n]}
    assert not differing, f"version bounds differ (environment.yml, pyproject.toml): {differing}"


def test_no_exact_pins():
    pinned = [s for s in environment_yml()["dependencies"] if "==" in s]
    assert not pinned, f"exact pins stop solving on new laptops: {pinned}"


def test_the_agreement_check_can_fail(monkeypatch):
    """Adding a package to one list only must be caught."""
    extra = dict(pyproject_requirements(), xarray=">=2023")
    monkeypatch.setattr(sys.modules[__name__], "pyproject_requirements", lambda: extra)
    with pytest.raises(AssertionError, match="xarray"):
        test_environment_and_pyproject_list_the_same_packages()


# ---------------------------------------------------------------- notebooks as stored
def load(nb: Path) -> dict:
    return json.loads(nb.read_text())


def code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def notebook_problems(nb: dict) -> list[str]:
    """Everything that would make a stored notebook fail the course's conventions."""
    problems = []
    kernel = nb.get("metadata", {}).get("kernelspec", {}).get("name")
    if kernel != "python3":
        problems.append(f"kernelspec is {kernel!r}, not 'python3'")
    counts = [c.get("execution_count") for c in code_cells(nb) if "".join(c["source"]).strip()]
    if counts != list(range(1, len(counts) + 1)):
        problems.append(f"execution counts are {counts[:8]}..., not 1..n (run `make execute`)")
    for i, cell in enumerate(nb["cells"]):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                problems.append(f"cell {i} stores an error output ({out.get('ename')})")
            if out.get("name") == "stderr":
                problems.append(f"cell {i} writes to stderr: {''.join(out.get('text', ''))[:80]!r}")
            if "image/svg+xml" in out.get("data", {}):
                problems.append(f"cell {i} stores an SVG figure (use PNG)")
        tags = cell.get("metadata", {}).get("tags", [])
        if "solution" in tags and not cell["metadata"].get("jupyter", {}).get("source_hidden"):
            problems.append(f"cell {i} is a solution but not collapsed (source_hidden)")
        if re.search(r"\bTODO\b|\bFIXME\b|NotImplementedError", "".join(cell["source"])):
            problems.append(f"cell {i} holds TODO, FIXME or NotImplementedError")
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_as_nbval_expects(path):
    assert notebook_problems(load(path)) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_has_exercises_each_followed_by_its_solution(path):
    tags = [c.get("metadata", {}).get("tags", []) for c in load(path)["cells"]]
    exercises = [i for i, t in enumerate(tags) if "exercise" in t]
    assert len(exercises) >= 6, f"{len(exercises)} exercises; the course promises at least 6 per day"
    for i in exercises:
        assert "solution" in tags[i + 1], f"exercise cell {i} is not followed by its solution cell"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_named_in_the_readme(path):
    assert path.name in (ROOT / "README.md").read_text()


def test_the_notebook_checks_can_fail():
    bad = {
        "metadata": {"kernelspec": {"name": "ictp"}},
        "cells": [
            {"cell_type": "code", "source": ["1"], "execution_count": 2, "metadata": {},
             "outputs": [{"output_type": "stream", "name": "stderr", "text": "warning"}]},
            {"cell_type": "code", "source": ["x = 1  # TODO"], "execution_count": 1,
             "metadata": {"tags": ["solution"]},
             "outputs": [{"output_type": "error", "ename": "NameError"},
                         {"output_type": "display_data", "data": {"image/svg+xml": "<svg/>"}}]},
        ],
    }
    problems = "\n".join(notebook_problems(bad))
    for expected in ("kernelspec", "execution counts", "stderr", "error output", "SVG",
                     "not collapsed", "TODO"):
        assert expected in problems


# ---------------------------------------------------------------- harness files
def test_nbval_sanitizer_masks_memory_addresses():
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "tests" / "nbval_sanitize.cfg")
    text = "<mlcourse.layers.Dense object at 0x7f3a2b1c4d50>"
    for section in cfg.sections():
        text = re.sub(cfg[section]["regex"], cfg[section]["replace"], text)
    assert "0x7f3a2b1c4d50" not in text


def test_make_help_lists_every_target():
    makefile = (ROOT / "Makefile").read_text()
    phony = re.search(r"^\.PHONY:(.*)$", makefile, re.M).group(1).split()
    shown = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout
    missing = [t for t in phony if f"make {t} " not in shown]
    assert not missing, f"make help does not list: {missing}"


def run_ci(tmp_path, **env):
    """.ci/run with a stand-in make on PATH that records its arguments and exits with MAKE_STATUS."""
    import os
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    make = bin_dir / "make"
    make.write_text(f'#!/bin/sh\necho "$@" >> {tmp_path}/make.log\nexit ${{MAKE_STATUS:-0}}\n')
    make.chmod(0o755)
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", **env)
    return subprocess.run([str(ROOT / ".ci" / "run")], env=env, capture_output=True, text=True)


CI_TARGETS = ["test", "test-students", "test-site", "test-slides", "test-portable", "test-claims", "test-conda",
              "test-oldest", "test-hub"]


def test_ci_dry_run_prints_make_test_first_then_the_other_checks(tmp_path):
    result = run_ci(tmp_path, CI_DRY_RUN="1")
    assert result.returncode == 0, result.stderr
    makes = [line for line in result.stdout.splitlines() if line.startswith("make ")]
    assert makes == [f"make {target}" for target in CI_TARGETS]
    assert not (tmp_path / "make.log").exists(), "a dry run must run nothing"


def test_ci_runs_every_check_and_fails_with_the_first_failure(tmp_path):
    assert run_ci(tmp_path).returncode == 0
    assert (tmp_path / "make.log").read_text().splitlines() == CI_TARGETS
    (tmp_path / "make.log").unlink()
    assert run_ci(tmp_path, MAKE_STATUS="2").returncode != 0, "a failing make test must fail CI"
    assert (tmp_path / "make.log").read_text().splitlines() == ["test"], "nothing runs after a failure"


def test_readme_shows_the_two_commands_first():
    readme = (ROOT / "README.md").read_text()
    first_block = readme.split("```")[1]
    assert "make notebook" in first_block and "make test" in first_block


@pytest.mark.parametrize("pattern", [".venv/", "__pycache__/", ".ipynb_checkpoints/", "build/"])
def test_gitignore_keeps_build_output_out(pattern):
    assert pattern in (ROOT / ".gitignore").read_text().split()


# ---------------------------------------------------------------- make 3.81, the lock
# Features of GNU make 3.82 and later that stock macOS make (3.81) does not know.
MAKE_382_FEATURES = {
    ".ONESHELL": r"^\.ONESHELL",
    ".SHELLFLAGS": r"^\.SHELLFLAGS",
    ".RECIPEPREFIX": r"^\.RECIPEPREFIX",
    "undefine": r"^\s*undefine\s",
    "private variables": r"^\s*private\s",
    "::= or :::= assignment": r"^[^#\t]*:::?=",
    "!= shell assignment": r"^[A-Za-z_][A-Za-z0-9_]*\s*!=",
    "$(file ...)": r"\$\(file\s",
    "$(guile ...)": r"\$\(guile\s",
    "grouped targets &:": r"^[^#\t=]*&:",
}


def make_382_features(text: str) -> list[str]:
    return [name for name, pattern in MAKE_382_FEATURES.items() if re.search(pattern, text, re.M)]


def test_makefile_runs_with_gnu_make_3_81():
    assert make_382_features((ROOT / "Makefile").read_text()) == []


def test_the_make_381_check_can_fail():
    assert make_382_features(".ONESHELL:\n.SHELLFLAGS := -eu -c\nX != date\n") == [
        ".ONESHELL", ".SHELLFLAGS", "!= shell assignment"]


def test_makefile_recipes_call_scripts_for_anything_longer_than_a_line():
    # With .ONESHELL gone, a recipe line ending in a backslash or shell control flow split over
    # lines would run line by line; multi-line logic belongs in scripts/.
    recipes = [line for line in (ROOT / "Makefile").read_text().splitlines() if line.startswith("\t")]
    assert not [line for line in recipes if line.rstrip().endswith("\\")]
    assert not [line for line in recipes if re.match(r"\t\s*(if|then|else|fi|for|do|done)\b", line)
                and not line.rstrip().endswith(("fi", "done"))]


def lock_versions() -> dict[str, str]:
    out = {}
    for line in (ROOT / "requirements-lock.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            out[re.sub(r"[-_.]+", "-", name).lower()] = version
    return out


def test_the_lock_pins_every_package_within_the_loose_floors():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = [Requirement(s) for s in project["dependencies"]]
    specs += [Requirement(s) for group in project["optional-dependencies"].values() for s in group]
    lock = lock_versions()
    for req in specs:
        name = re.sub(r"[-_.]+", "-", req.name).lower()
        assert name in lock, f"{req.name} is not pinned in requirements-lock.txt (run make lock)"
        assert req.specifier.contains(lock[name]), f"the lock's {req.name}=={lock[name]} is outside {req}"
    assert "mlcourse" not in lock, "the course package itself is installed editable, not from the lock"


def test_the_venv_route_installs_with_the_lock(tmp_path):
    """Without conda, make setup runs setup.sh for a venv with the lock, and setup.sh passes it to pip."""
    import os
    path = ":".join(d for d in os.environ["PATH"].split(":")
                    if not (Path(d) / "conda").exists() and not (Path(d) / "mamba").exists())
    dry = subprocess.run(["make", "-n", "-B", "setup"], cwd=ROOT, capture_output=True, text=True,
                         env=dict(os.environ, PATH=path), check=True).stdout
    line = next(l for l in dry.splitlines() if l.startswith("scripts/setup.sh"))
    assert line.split() == ["scripts/setup.sh", "venv", ".venv", "python3", "requirements-lock.txt"]
    venv = tmp_path / "venv"                 # an existing venv whose python records what pip is asked
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").write_text(f'#!/bin/sh\necho "$@" >> {tmp_path}/pip.log\n')
    (venv / "bin" / "python").chmod(0o755)
    subprocess.run([str(ROOT / "scripts" / "setup.sh"), "venv", str(venv), sys.executable, "requirements-lock.txt"],
                   check=True, capture_output=True)
    calls = (tmp_path / "pip.log").read_text().splitlines()
    assert calls[-1] == "-m pip install --quiet -e .[course] -c requirements-lock.txt"


# ---------------------------------------------------------------- the glossary
GLOSSARY = ROOT / "notebooks" / "glossary.md"


def test_the_glossary_defines_the_course_terms():
    terms = re.findall(r"^\*\*(.+?)\*\*", GLOSSARY.read_text(), re.M)
    text = " ".join(terms).lower()
    for term in ["epoch", "batch", "snr", "sta/lta", "magnitude of completeness", "leakage", "out-of-bag",
                 "gradient descent", "back-propagation", "precision", "gini", "b-value", "calibration"]:
        assert term in text, f"the glossary has no entry for {term!r}"
    assert terms == sorted(terms, key=str.lower), "keep the glossary in alphabetical order"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_links_to_the_glossary(path):
    markdown = [cell for cell in json.loads(path.read_text())["cells"] if cell["cell_type"] == "markdown"]
    assert any("glossary.md" in "".join(cell["source"]) for cell in markdown)


def test_the_package_map_names_every_module():
    """mlcourse/__init__.py is where students look first: every module must be on its map."""
    import mlcourse

    modules = {p.stem for p in (ROOT / "mlcourse").glob("*.py") if not p.stem.startswith("_")}
    modules |= {p.name for p in (ROOT / "mlcourse").iterdir() if (p / "__init__.py").exists()}
    missing = [m for m in sorted(modules) if f"``{m}``" not in mlcourse.__doc__]
    assert not missing, f"the package map in mlcourse/__init__.py leaves out {missing}"


def private_reach_ins(source: str) -> list[str]:
    """Private names of another module that ``source`` uses: imported, or reached as ``obj._name``.

    A private attribute counts as the module's own when the module defines
    that name (a function, class or assignment, ``self._cache = ...`` included);
    IPython's display hooks (``_repr_html_``) and dunders are public protocols.
    """
    import ast
    tree = ast.parse(source)
    own = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            own.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            own.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            own.add(node.attr)
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.level > 0:
            names = [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.Attribute):
            names = [(node.attr, node.lineno)] if node.attr not in own else []
        for name, line in names:
            if name.startswith("_") and not name.endswith("_"):
                found.append(f"line {line}: {name}")
    return found


def test_no_module_uses_private_names_of_another():
    offenders = {str(p.relative_to(ROOT)): private_reach_ins(p.read_text()) for p in (ROOT / "mlcourse").rglob("*.py")}
    offenders = {path: names for path, names in offenders.items() if names}
    assert not offenders, f"modules using another module's private names: {offenders}"


def test_the_private_name_check_can_fail():
    source = ("from .trees import _fast\n"
              "class Net:\n    def __init__(self):\n        self._cache = None\n"
              "    def go(self, layer):\n        return layer._forward(self._cache), layer._repr_html_()\n")
    assert private_reach_ins(source) == ["line 1: _fast", "line 6: _forward"]


def test_widgets_draw_and_do_not_judge():
    offenders = [p.name for p in (ROOT / "mlcourse" / "widgets").glob("*.py")
                 if "exercises" in "".join(line for line in p.read_text().splitlines(True)
                                            if line.startswith(("from ", "import ")))]
    assert not offenders, f"widgets importing exercises: {offenders}"
