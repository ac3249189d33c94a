"""No hint gives the answer away: the code of a solution cell appears in no string of the checks."""

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def day_modules(notebook: Path) -> list[Path]:
    """The files that hold a day's checks: dayN.py, or every module of the package dayN/."""
    base = ROOT / "mlcourse" / "exercises" / f"day{int(notebook.name[:2])}"
    return [base.with_suffix(".py")] if base.with_suffix(".py").exists() else sorted(base.glob("*.py"))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def check_strings(module: Path) -> list[str]:
    """Every string constant of a check module (hints, tasks, messages), f-string parts included."""
    return [squeeze(node.value) for node in ast.walk(ast.parse(module.read_text()))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def solution_lines(notebook: Path) -> list[str]:
    """The lines of code that make up the solutions: assignments and returns, not the check calls."""
    cells = json.loads(notebook.read_text())["cells"]
    lines = []
    for cell in cells:
        if cell["cell_type"] != "code" or "solution" not in cell["metadata"].get("tags", []):
            continue
        for line in "".join(cell["source"]).splitlines():
            code = line.split("#", 1)[0].strip()
            if not code or code.startswith(("check.", "def ", "print(", "plt.", "import ", "from ")):
                continue
            if len(squeeze(code)) >= 14:  # short lines (x = 2) are not answers worth hiding
                lines.append(squeeze(code))
    return lines


def leaks(strings: list[str], lines: list[str]) -> list[str]:
    return sorted({line for line in lines for text in strings if line in text})


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_no_hint_contains_a_solution_line(notebook):
    modules = day_modules(notebook)
    assert modules, f"no module holds the checks of {notebook.name}"
    assert leaks([s for module in modules for s in check_strings(module)], solution_lines(notebook)) == []


def test_the_leak_check_can_fail():
    strings = [squeeze("Hint: try w_best = np.sum(x * y) / np.sum(x * x) here")]
    assert leaks(strings, [squeeze("w_best = np.sum(x * y) / np.sum(x * x)")]) != []
