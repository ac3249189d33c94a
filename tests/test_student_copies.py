"""Student copies: valid, no instructor cell, each solution folded in a placeholder (or left out with
SOLUTIONS=no), every other cell kept in order, runnable up to the first exercise."""

import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from browser_check import browser_available  # noqa: E402
from student_copies import NO_SOLUTIONS_NOTE, SUMMARY, main, student_copy  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def synthetic():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A tiny lesson"),
                nbformat.v4.new_markdown_cell("**Instructor note: THE-NOTE.** Say it slowly.",
                                              metadata={"tags": ["instructor"], "jupyter": {"source_hidden": True},
                                                        "slideshow": {"slide_type": "notes"}}),
                nbformat.v4.new_code_cell("x = 2", execution_count=1,
                                          outputs=[nbformat.v4.new_output("stream", text="hi")]),
                nbformat.v4.new_code_cell("answer = ...\nprint('not answered yet')", metadata={"tags": ["exercise"]}),
                nbformat.v4.new_code_cell("answer = x * 21  # THE-SOLUTION",
                                          metadata={"tags": ["solution"], "jupyter": {"source_hidden": True}})]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def check_copy(original, copy, solutions=True):
    nbformat.validate(copy)
    kept = [c.source for c in original.cells if not {"solution", "instructor"} & set(tags(c))]
    assert [c.source for c in copy.cells if "solution-placeholder" not in tags(c)] == kept
    assert not any("instructor" in tags(c) for c in copy.cells)
    notes = [c.source for c in original.cells if "instructor" in tags(c)]
    assert not any(n in c.source for n in notes for c in copy.cells)
    solutions_of = [c.source for c in original.cells if "solution" in tags(c)]
    placeholders = [c for c in copy.cells if "solution-placeholder" in tags(c)]
    assert len(placeholders) == len(solutions_of)
    assert all(p.cell_type == "markdown" for p in placeholders)
    for solution, holder in zip(solutions_of, placeholders):
        if solutions:  # the sample solution, whole, in a collapsed block with a python fence
            assert holder.source.startswith(f"<details><summary>{SUMMARY}</summary>")
            assert f"```python\n{solution.strip()}\n```" in holder.source
            assert holder.source.rstrip().endswith("</details>")
        else:
            assert holder.source == NO_SOLUTIONS_NOTE
    if not solutions:
        assert not any(s.strip() in c.source for s in solutions_of for c in copy.cells)
    assert all(c.outputs == [] and c.execution_count is None for c in copy.cells if c.cell_type == "code")


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
    assert "THE-NOTE" not in nbformat.writes(copy)
    assert nbformat.writes(copy).count("THE-SOLUTION") == 1  # in its folded block only
    run_to_first_exercise(copy, tmp_path)


def test_synthetic_notebook_without_solutions(tmp_path):
    original = synthetic()
    copy = student_copy(original, solutions=False)
    check_copy(original, copy, solutions=False)
    assert "THE-SOLUTION" not in nbformat.writes(copy) and "THE-NOTE" not in nbformat.writes(copy)
    run_to_first_exercise(copy, tmp_path)


def test_a_solution_holding_a_fence_keeps_its_block_whole():
    nb = synthetic()
    nb.cells[-1].source = 'text = """\n```python\nx = 1\n```\n"""'
    holder = student_copy(nb).cells[-1]
    assert "````python\n" in holder.source and holder.source.count("````") == 2


def test_the_check_catches_a_leaked_solution_or_note():
    original = synthetic()
    leaky = student_copy(original, solutions=False)
    leaky.cells.append(nbformat.v4.new_code_cell("answer = x * 21  # THE-SOLUTION"))
    with pytest.raises(AssertionError):
        check_copy(original, leaky, solutions=False)
    noted = student_copy(original)
    noted.cells.insert(1, original.cells[1])
    with pytest.raises(AssertionError):
        check_copy(original, noted)


@pytest.mark.parametrize("solutions", [True, False], ids=["solutions", "no-solutions"])
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_course_notebooks(path, solutions, tmp_path):
    written = main(path.parent, tmp_path, solutions=solutions)
    copy = nbformat.read(tmp_path / path.name, as_version=4)
    assert tmp_path / path.name in written
    assert (tmp_path / "glossary.md").read_text() == (path.parent / "glossary.md").read_text()  # its links hold
    check_copy(nbformat.read(path, as_version=4), copy, solutions=solutions)


def test_make_student_solutions_no_passes_the_option():
    import subprocess
    dry = subprocess.run(["make", "-n", "-o", "setup", "student", "SOLUTIONS=no", "PY=python"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert "scripts/student_copies.py notebooks build/student --no-solutions" in dry
    dry = subprocess.run(["make", "-n", "-o", "setup", "student", "PY=python"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert "--no-solutions" not in dry


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
