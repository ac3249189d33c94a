"""Write the students' copies of the course notebooks: solutions removed, outputs cleared.

    python scripts/student_copies.py [NOTEBOOK_DIR] [OUTPUT_DIR]

Defaults: notebooks/ -> build/student/. The copies are generated, not committed
(build/ is ignored by git): run `make student` again after changing a notebook.
Each cell tagged `solution` becomes a short note telling the student what to
do; every other cell is kept, in order, with its outputs and execution count
cleared, so that the copy starts fresh.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

PLACEHOLDER = ("**Your turn.** Write your answer in the exercise cell above (replace the `...`) and "
               "run it: the check tells you whether it is right, with a hint if not. The solution "
               "is in the instructor's version of this notebook, in this place.")
STRETCH_PLACEHOLDER = ("**Your turn.** This stretch task is open-ended and has no automatic check: "
                       "compare your answer with a neighbour's, or with the sample solution in the "
                       "instructor's version of this notebook, in this place.")


def student_copy(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``notebook`` with solutions replaced by a placeholder and all outputs cleared."""
    copy = nbformat.from_dict(notebook)
    cells = []
    for cell in copy.cells:
        if "solution" in cell.get("metadata", {}).get("tags", []):
            stretch = "stretch" in cell.metadata.get("tags", [])
            placeholder = nbformat.v4.new_markdown_cell(STRETCH_PLACEHOLDER if stretch else PLACEHOLDER)
            placeholder.metadata["tags"] = ["solution-placeholder"]
            placeholder["id"] = cell.get("id", placeholder["id"])
            cells.append(placeholder)
            continue
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cells.append(cell)
    copy.cells = cells
    copy.metadata.pop("widgets", None)  # stored widget state belongs to the executed version
    return copy


def main(source: Path = Path("notebooks"), target: Path = Path("build/student")) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(source.glob("*.ipynb")):
        copy = student_copy(nbformat.read(path, as_version=4))
        nbformat.validate(copy)
        out = target / path.name
        nbformat.write(copy, out)
        written.append(out)
        print(f"{out}  ({sum('solution-placeholder' in c.metadata.get('tags', []) for c in copy.cells)} "
              "solutions removed)")
    return written


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:3]))
