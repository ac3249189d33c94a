"""No hint and no prompt gives the answer away: no expression of a solution cell appears in them.

The expressions of a solution are every right-hand side of an assignment, every returned
expression and every call in the cells tagged ``solution``. Each is normalised the way Python
reads it (``ast.unparse``: one spelling of spaces and parentheses, no names changed), and looked
for in

- every string a day's check module can show (hints, tasks, messages, the SLIPS and mistakes
  lists; docstrings left out), and
- every markdown cell of the notebook: its prose, and its code spans and fenced code parsed as
  Python where they parse.

Trivial expressions (a name, a number, a call without arguments, anything under four nodes of
the syntax tree) give nothing away and are skipped.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from notebook_code import parse

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
MIN_NODES = 4

# Expressions that solution cells share with a prompt or a hint, each with the reason it is no
# leak: (notebook, normalised expression) -> reason. An entry no longer found fails the test below.
_TOOLS = ("exercise 16.2 hands the student the calls of the training loop in no particular order: "
          "the exercise is their order, and where the gradients are zeroed")
ALLOWED: dict[tuple[str, str], str] = {
    ("01_overview.ipynb", "loss(y_pred,y)"): _TOOLS,
    ("01_overview.ipynb", "loss.gradient(y_pred,y)"): _TOOLS,
    ("01_overview.ipynb", "model.forward(X)"): _TOOLS,
    ("02_geoscience.ipynb", "detection.detections(scores,times,threshold,merge)"):
        "the detector the exercise hands the student (6.2), named in its prompt and task: a tool, not the answer",
}


def day_modules(notebook: Path) -> list[Path]:
    """The files that hold a day's checks: dayN.py, or every module of the package dayN/."""
    base = ROOT / "mlcourse" / "exercises" / f"day{int(notebook.name[:2])}"
    return [base.with_suffix(".py")] if base.with_suffix(".py").exists() else sorted(base.glob("*.py"))


def cells(notebook: Path) -> list[dict]:
    return json.loads(notebook.read_text())["cells"]


def squeeze(text: str) -> str:
    """``text`` without the spaces that do not separate two words: ``x * y`` -> ``x*y``, ``a if b`` stays."""
    return re.sub(r"\s+(?=\W)|(?<=\W)\s+", "", re.sub(r"\s+", " ", text)).strip()


def normalise(node: ast.AST) -> str:
    """One spelling of an expression: parentheses as Python needs them, spaces squeezed out."""
    return squeeze(ast.unparse(node))


def size(node: ast.AST) -> int:
    """The expression nodes of ``node`` (names, calls, operations; not contexts or operators)."""
    return sum(isinstance(n, ast.expr) for n in ast.walk(node))


def _is_plumbing(node: ast.expr) -> bool:
    """A call that shows or checks rather than computes: check.x(...), print(...), plt.x(...)."""
    if not isinstance(node, ast.Call):
        return False
    root = node.func
    while isinstance(root, (ast.Attribute, ast.Call, ast.Subscript)):
        root = root.value if not isinstance(root, ast.Call) else root.func
    return isinstance(root, ast.Name) and root.id in {"check", "print", "plt", "display", "ax", "fig"}


def trivial(node: ast.expr) -> bool:
    """Too small to give anything away: a name, a constant, a call without arguments, < MIN_NODES nodes."""
    if isinstance(node, (ast.Name, ast.Constant)):
        return True
    if isinstance(node, ast.Call) and not node.args and not node.keywords:
        return True
    return size(node) < MIN_NODES or _is_plumbing(node)


def expressions(tree: ast.AST) -> dict[str, str]:
    """The answer-bearing expressions of code: right-hand sides, returned values, calls.

    Maps each normalised expression to its source, trivial ones left out.
    """
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Return)) and node.value is not None:
            candidates = [node.value]
        elif isinstance(node, ast.Call):
            candidates = [node]
        else:
            continue
        for expr in candidates:
            if not trivial(expr):
                found.setdefault(normalise(expr), ast.unparse(expr))
    return found


def solution_expressions(notebook: Path) -> dict[str, str]:
    found = {}
    for cell in cells(notebook):
        if cell["cell_type"] == "code" and "solution" in cell["metadata"].get("tags", []):
            tree = parse("".join(cell["source"]))
            if tree is not None:
                found.update(expressions(tree))
    return found


def check_strings(module: Path) -> list[str]:
    """Every string a check module can show (hints, tasks, messages, SLIPS), docstrings left out."""
    tree = ast.parse(module.read_text())
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


CODE_SPAN = re.compile(r"```[a-zA-Z]*\n?(.*?)```|`([^`\n]+)`", re.S)


def haystacks(text: str, markdown: bool = False) -> list[str]:
    """Where an expression could hide in ``text``: the text itself without whitespace, and every
    piece of it that parses as Python, normalised (for markdown, its code spans and fenced code)."""
    pieces = [m.group(1) or m.group(2) for m in CODE_SPAN.finditer(text)] if markdown else []
    pieces.append(text)
    found = [squeeze(text)]
    for piece in pieces:
        tree = parse(piece.strip())
        if tree is None:
            continue
        found += [normalise(node) for node in ast.walk(tree) if isinstance(node, ast.expr) and size(node) >= MIN_NODES]
    return found


def contains(haystack: str, needle: str) -> bool:
    """``needle`` in ``haystack``, not as the tail or head of a longer name."""
    before = r"(?<![\w.])" if re.match(r"[\w.]", needle) else ""
    after = r"(?!\w)" if re.search(r"\w$", needle) else ""
    return re.search(before + re.escape(needle) + after, haystack) is not None


def leaks(expressions_: dict[str, str], texts: dict[str, list[str]]) -> list[tuple[str, str, str]]:
    """(normalised expression, its source, where) for every expression found in a text."""
    return sorted({(needle, source, where) for where, stacks in texts.items() for stack in stacks
                   for needle, source in expressions_.items() if contains(stack, needle)})


def texts_of(notebook: Path) -> dict[str, list[str]]:
    """Every hint string of the day's checks and every markdown cell, as haystacks by their place."""
    texts = {}
    for module in day_modules(notebook):
        for string in check_strings(module):
            texts[f"{module.relative_to(ROOT)}: {string[:60]!r}"] = haystacks(string)
    for index, cell in enumerate(cells(notebook)):
        if cell["cell_type"] == "markdown":
            texts[f"{notebook.name} cell {index}"] = haystacks("".join(cell["source"]), markdown=True)
    return texts


def found_leaks(notebook: Path) -> list[tuple[str, str, str]]:
    return [(needle, source, where) for needle, source, where in leaks(solution_expressions(notebook),
                                                                     texts_of(notebook))
            if (notebook.name, needle) not in ALLOWED]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_no_hint_or_prompt_contains_a_solution_expression(notebook):
    assert day_modules(notebook), f"no module holds the checks of {notebook.name}"
    found = found_leaks(notebook)
    assert not found, "solution expressions found in hints or prompts:\n" + "\n".join(
        f"  {source}  ->  {where}" for _, source, where in found)


def test_allowed_leaks_are_still_there():
    """Every allowed leak has a reason and is still there: one that is gone must leave the list."""
    stale = []
    for (name, needle), reason in ALLOWED.items():
        assert reason, (name, needle)
        notebook = ROOT / "notebooks" / name
        if needle not in {n for n, _, _ in leaks(solution_expressions(notebook), texts_of(notebook))}:
            stale.append((name, needle))
    assert not stale, f"no longer found, remove from ALLOWED: {stale}"


# ---- the test can fail ------------------------------------------------------------------------------

SOLUTION = "def fit(x, y_true):\n    w = np.sum(x * y_true) / np.sum(x * x)\n    return w\ncheck.fit(w)\n"


def test_a_right_hand_side_planted_alone_in_a_hint_is_caught():
    answers = expressions(parse(SOLUTION))
    assert "np.sum(x*y_true)/np.sum(x*x)" in answers and squeeze("a if b else c") == "a if b else c"
    for hint in ["np.sum(x * y_true) / np.sum(x * x)",
                 "Hint: the slope is np.sum(x*y_true)/np.sum(x*x), as derived.",
                 "(np.sum(x * y_true)) / (np.sum(x * x))"]:
        assert leaks(answers, {"hint": haystacks(hint)}), hint


def test_a_right_hand_side_planted_in_a_markdown_cell_is_caught():
    answers = expressions(parse(SOLUTION))
    for markdown in ["The best slope is `np.sum(x * y_true) / np.sum(x * x)`.",
                     "Compute\n```python\nw = (np.sum(x * y_true)) / np.sum((x * x))\n```\nthen check it.",
                     "The best slope is np.sum(x * y_true) / np.sum(x * x) in numpy."]:
        assert leaks(answers, {"cell": haystacks(markdown, markdown=True)}), markdown


def test_trivial_expressions_and_other_names_are_not_leaks():
    answers = expressions(parse(SOLUTION))
    assert not leaks(answers, {"hint": haystacks("Use np.sum and divide: sum of x times y over sum of x squared.")})
    assert not leaks(answers, {"hint": haystacks("np.sum(a * b) / np.sum(a * a)")})   # nothing renamed
    assert not leaks(expressions(parse("n = len(y)\nw = 2\nf()\n")), {"hint": haystacks("n = len(y) and w = 2")})
