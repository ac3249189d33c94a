"""Student copies: valid, no solution left, every other cell kept in order, runnable up to the first exercise."""

import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from browser_check import browser_available  # noqa: E402
from student_copies import main, student_copy  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def synthetic():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A tiny lesson"),
                nbformat.v4.new_code_cell("x = 2", execution_count=1,
                                          outputs=[nbformat.v4.new_output("stream", text="hi")]),
                nbformat.v4.new_code_cell("answer = ...\nprint('not answered yet')", metadata={"tags": ["exercise"]}),
                nbformat.v4.new_code_cell("answer = x * 21  # THE-SOLUTION", metadata={"tags": ["solution"]})]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def check_copy(original, copy):
    nbformat.validate(copy)
    kept = [c.source for c in original.cells if "solution" not in tags(c)]
    assert [c.source for c in copy.cells if "solution-placeholder" not in tags(c)] == kept
    solutions = [c.source for c in original.cells if "solution" in tags(c)]
    assert not any(s in c.source for s in solutions for c in copy.cells)
    assert all(c.outputs == [] and c.execution_count is None for c in copy.cells if c.cell_type == "code")
    assert sum("solution-placeholder" in tags(c) for c in copy.cells) == len(solutions)


def run_to_first_exercise(copy, cwd):
    first = next(i for i, c in enumerate(copy.cells) if "exercise" in tags(c))
    head = nbformat.from_dict(copy)
    head.cells = copy.cells[:first + 1]
    NotebookClient(head, kernel_name="python3", timeout=300, resources={"metadata": {"path": str(cwd)}}).execute()
    errors = [o for c in head.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []


def test_synthetic_notebook(tmp_path):
    original = synthetic()
    copy = student_copy(original)
    check_copy(original, copy)
    assert "THE-SOLUTION" not in nbformat.writes(copy)
    run_to_first_exercise(copy, tmp_path)


def test_the_check_catches_a_leaked_solution():
    original = synthetic()
    leaky = student_copy(original)
    leaky.cells.append(nbformat.v4.new_code_cell("answer = x * 21  # THE-SOLUTION"))
    with pytest.raises(AssertionError):
        check_copy(original, leaky)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_course_notebooks(path, tmp_path):
    written = main(path.parent, tmp_path)
    copy = nbformat.read(tmp_path / path.name, as_version=4)
    assert tmp_path / path.name in written
    check_copy(nbformat.read(path, as_version=4), copy)


@pytest.mark.skipif(not browser_available(), reason="the student copies run in Chromium in tests/test_browser.py")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_student_copy_runs_top_to_bottom(path):
    """Every exercise left blank: the copy still runs to the end without an error (no browser here)."""
    copy = student_copy(nbformat.read(path, as_version=4))
    client = NotebookClient(copy, kernel_name="python3", timeout=300,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError, naming the cell, at the first error
    stderr = [o.text for c in copy.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "stream" and o.name == "stderr"]
    assert stderr == [], stderr
