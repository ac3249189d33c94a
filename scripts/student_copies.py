"""Write the students' copies of the course notebooks: instructor notes out, solutions folded away, outputs cleared.

    python scripts/student_copies.py [NOTEBOOK_DIR] [OUTPUT_DIR] [--no-solutions]

Defaults: notebooks/ -> build/student/. The copies are generated, not committed
(build/ is ignored by git): run `make student` again after changing a notebook.

- Cells tagged `instructor` (the instructor's notes) are left out.
- Each cell tagged `solution` becomes a markdown cell tagged `solution-placeholder`
  holding the sample solution in a collapsed block ("Sample solution (open it after
  you have tried)"), which opens with a click in JupyterLab and Notebook 7. With
  --no-solutions (`make student SOLUTIONS=no`) it holds a one-line note instead, for
  a class whose instructor hands the solutions out later.
- Every other cell is kept, in order, with its outputs and execution count cleared,
  so that the copy starts fresh.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from course_text import notebook_words  # noqa: E402

SUMMARY = "Sample solution (open it after you have tried)"
NO_SOLUTIONS_NOTE = "*Your instructor holds the sample solutions for this copy.*"


def tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def solution_block(source: str, language: str = "python") -> str:
    """The sample solution, folded in a <details> block; the code in a fence longer than any inside it."""
    longest = max((len(run) for run in re.findall(r"`{3,}", source)), default=2)
    fence = "`" * max(3, longest + 1)
    body = f"{fence}{language}\n{source.strip()}\n{fence}" if language else source.strip()
    # the blank lines around the body let Markdown render the fence inside the HTML block
    return f"<details><summary>{SUMMARY}</summary>\n\n{body}\n\n</details>"


def placeholder(cell, solutions: bool = True) -> nbformat.NotebookNode:
    """The markdown cell that takes the place of solution ``cell`` in a student copy."""
    if solutions:
        text = solution_block(cell.source, "python" if cell.cell_type == "code" else "")
    else:
        text = NO_SOLUTIONS_NOTE
    new = nbformat.v4.new_markdown_cell(text)
    new.metadata["tags"] = ["solution-placeholder"]
    if "slideshow" in cell.get("metadata", {}):
        new.metadata["slideshow"] = dict(cell.metadata["slideshow"])
    new["id"] = cell.get("id", new["id"])
    return new


def student_copy(notebook: nbformat.NotebookNode, solutions: bool = True) -> nbformat.NotebookNode:
    """A copy of ``notebook`` as students get it: instructor cells out, each solution folded into a
    placeholder (``solutions=False``: a one-line note instead), all outputs cleared."""
    copy = nbformat.from_dict(notebook)
    cells = []
    for cell in copy.cells:
        if "instructor" in tags(cell):
            continue
        if "solution" in tags(cell):
            cells.append(placeholder(cell, solutions))
            continue
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cells.append(cell)
    copy.cells = cells
    copy.metadata.pop("widgets", None)  # stored widget state belongs to the executed version
    return copy


def main(source: Path = Path("notebooks"), target: Path = Path("build/student"),
         solutions: bool = True) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(source.glob("*.ipynb")):
        copy = student_copy(nbformat.read(path, as_version=4), solutions)
        nbformat.validate(copy)
        out = target / path.name
        nbformat.write(copy, out)
        written.append(out)
        placeholders = sum("solution-placeholder" in tags(c) for c in copy.cells)
        print(f"{out}  ({placeholders} solutions {'folded' if solutions else 'removed'}, "
              f"{notebook_words(copy):,} words to read)")
    for page in sorted(source.glob("*.md")):   # the glossary the notebooks link to
        shutil.copyfile(page, target / page.name)
        written.append(target / page.name)
    return written


if __name__ == "__main__":
    flags = [a for a in sys.argv[1:] if a.startswith("--")]
    unknown = set(flags) - {"--no-solutions"}
    if unknown:
        sys.exit(f"unknown option(s): {' '.join(sorted(unknown))}")
    paths = [Path(a) for a in sys.argv[1:] if not a.startswith("--")]
    main(*paths[:2], solutions="--no-solutions" not in flags)
