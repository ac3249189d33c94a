"""No notebook overwrites a name that an exercise asks the student to define.

An exercise cell (tag ``exercise``) asks for the names it assigns or defines at top level
(``w_best = ...``, ``def train(...)``). A later cell that assigns one of them again, say
``train, val, test = np.split(...)``, replaces the student's answer: a check or a ``use``
run afterwards then judges the notebook's value, not the student's. The sample solutions
(tag ``solution``) define the same names on purpose and are left out.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from notebook_code import parse

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

# Known overwrites, each with the reason it stays: (notebook, name) -> reason. Empty: a later cell
# that needs a name of its own gets one (`run_sta_lta = use(sta_lta, ...)`), so the student's stays.
ALLOWED: dict[tuple[str, str], str] = {}


def _targets(target: ast.expr) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for element in target.elts for name in _targets(element)]
    if isinstance(target, ast.Starred):
        return _targets(target.value)
    return []   # x[0] = ..., x.attr = ...: changes an object, binds no name


def top_level_names(tree: ast.Module) -> list[str]:
    """The names a cell binds at top level: assignments, for and with targets, def, class, import
    (inside if/for/while/with/try blocks too, which do not open a scope; not inside functions)."""
    names = []

    def visit(statements):
        for node in statements:
            if isinstance(node, ast.Assign):
                names.extend(n for target in node.targets for n in _targets(target))
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
                names.extend(_targets(node.target))
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.append(node.name)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names.extend((alias.asname or alias.name).split(".")[0] for alias in node.names)
            elif isinstance(node, (ast.For, ast.AsyncFor)):
                names.extend(_targets(node.target))
            elif isinstance(node, (ast.With, ast.AsyncWith)):
                names.extend(n for item in node.items if item.optional_vars is not None
                             for n in _targets(item.optional_vars))
            for field in ("body", "orelse", "finalbody"):
                if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    visit(getattr(node, field, []) or [])
            for handler in getattr(node, "handlers", []) or []:
                visit(handler.body)
        return names
    visit(tree.body)
    return names


def overwrites(cells: list[dict]) -> list[tuple[int, str, int]]:
    """(cell index, name, index of the exercise cell that asks for it) for every later assignment of
    a name an exercise asks for; sample solutions left out."""
    asked: dict[str, int] = {}
    found = []
    for index, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        tags = cell.get("metadata", {}).get("tags", [])
        tree = parse("".join(cell["source"]))
        if tree is None:
            continue
        names = top_level_names(tree)
        if "solution" in tags:
            continue
        if "exercise" in tags:
            for name in names:
                if name in asked and asked[name] != index:
                    found.append((index, name, asked[name]))
                asked.setdefault(name, index)
            continue
        found.extend((index, name, asked[name]) for name in dict.fromkeys(names) if name in asked)
    return found


def _cells(notebook: Path) -> list[dict]:
    return json.loads(notebook.read_text())["cells"]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_no_cell_overwrites_a_name_an_exercise_asks_for(notebook):
    found = [(index, name, exercise) for index, name, exercise in overwrites(_cells(notebook))
             if (notebook.name, name) not in ALLOWED]
    assert not found, "\n".join(f"{notebook.name}: cell {index} assigns `{name}`, which the exercise in cell "
                                f"{exercise} asks the student to define" for index, name, exercise in found)


def test_every_allowed_overwrite_has_a_reason_and_is_still_there():
    assert all(ALLOWED.values())
    found = {(notebook.name, name) for notebook in NOTEBOOKS for _, name, _ in overwrites(_cells(notebook))}
    stale = sorted(set(ALLOWED) - found)
    assert not stale, f"no longer found, remove from ALLOWED: {stale}"


# ---- the test can fail ------------------------------------------------------------------------------

def _cell(source: str, *tags: str, kind: str = "code") -> dict:
    return {"cell_type": kind, "metadata": {"tags": list(tags)}, "source": source}


def test_a_later_assignment_of_an_exercise_name_is_caught():
    cells = [_cell("import numpy as np\ndata = np.arange(10)"),
             _cell("def train(model, loss):\n    ...\n\ncheck.training_loop_function(train)", "exercise"),
             _cell("def train(model, loss):\n    return []\n\ncheck.training_loop_function(train)", "solution"),
             _cell("Some prose about `train`.", kind="markdown"),
             _cell("for i in range(3):\n    b = i\nhistory = train(None, None)"),
             _cell("b = ...\ncheck.bias(b)", "exercise"),
             _cell("train, val, test = np.split(data, [6, 8])"),
             _cell("def helper():\n    b = 2\n    return b"),
             _cell("if True:\n    b = 3")]
    assert overwrites(cells) == [(6, "train", 1), (8, "b", 5)]


def test_names_bound_in_many_ways_are_found():
    tree = parse("import numpy as np\nfrom x import y as z\nfor i, (j, *k) in []:\n    pass\n"
                 "with open('f') as handle:\n    w += 1\nclass C:\n    inner = 1\n%matplotlib inline\n"
                 "a[0] = 1\nq: int = 2\ntry:\n    r = 1\nexcept Exception:\n    s = 1\n")
    assert top_level_names(tree) == ["np", "z", "i", "j", "k", "handle", "w", "C", "q", "r", "s"]
