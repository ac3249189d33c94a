"""The course budget: run time, slowest cells and kernel memory of every notebook.

Each notebook runs on a fresh kernel (as `make execute` does). Targets on a
2-core laptop: Day 1 in at most 30 s, the other days in at most 45 s each, no
cell over 10 s, and at most 400 MB per kernel (a workshop hub runs 30 to 40
kernels at once). Run with `make bench`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
CELL_S, MEMORY_MB = 10.0, 400.0
BUDGET_S = {"01_overview.ipynb": 30.0}  # every other notebook: DEFAULT_BUDGET_S
DEFAULT_BUDGET_S = 45.0
PEAK_MEMORY = "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"


class TimedClient(NotebookClient):
    """A notebook client that notes how long each cell takes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cell_times = []

    async def async_execute_cell(self, cell, cell_index, *args, **kwargs):
        start = time.perf_counter()
        result = await super().async_execute_cell(cell, cell_index, *args, **kwargs)
        if cell.cell_type == "code":
            self.cell_times.append((time.perf_counter() - start, cell_index, cell.source.splitlines()[0][:50]))
        return result


def measure(path: Path):
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PEAK_MEMORY))  # the kernel reports its own peak
    client = TimedClient(nb, kernel_name="python3", timeout=600,
                         resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    total = time.perf_counter() - start
    peak_mb = float(nb.cells[-1].outputs[0]["text"])
    cells = sorted(client.cell_times[:-1], reverse=True)
    return total, peak_mb, cells


def main() -> int:
    paths = sorted((ROOT / "notebooks").glob("*.ipynb"))
    rows, grand_total, problems = [], 0.0, []
    print(f"{'notebook':<26}{'time s':>8}{'peak MB':>9}   five slowest cells (s)")
    for path in paths:
        total, peak, cells = measure(path)
        grand_total += total
        slowest = ", ".join(f"#{i} {t:.1f}" for t, i, _ in cells[:5])
        print(f"{path.name:<26}{total:>8.1f}{peak:>9.0f}   {slowest}")
        problems += [f"{path.name} cell #{i} takes {t:.1f} s ({src!r})" for t, i, src in cells if t > CELL_S]
        if peak > MEMORY_MB:
            problems.append(f"{path.name} kernel peaks at {peak:.0f} MB")
        if total > BUDGET_S.get(path.name, DEFAULT_BUDGET_S):
            problems.append(f"{path.name} takes {total:.0f} s")
        rows.append((path.name, total, peak))
    print(f"{'all notebooks':<26}{grand_total:>8.1f}")
    print(f"targets: Day 1 <= 30 s, other days <= 45 s, no cell > {CELL_S:.0f} s, <= {MEMORY_MB:.0f} MB per kernel: "
          + ("met" if not problems else "NOT met: " + "; ".join(problems)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
