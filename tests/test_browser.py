"""The course in a real browser: each notebook's student copy runs in headless Chromium.

The front ends alternate (Notebook 7 for Days 1 and 3, JupyterLab for Days 2 and
4), so every notebook runs in a browser once and both front ends are covered;
`make test-browser` runs every notebook in both. The students' copies are the
files students are handed, so this run also shows that a copy with every
exercise left blank runs top to bottom.

Skipped, with the reason, where Chromium or Playwright is missing (`.ci/run`
installs Chromium, `make test` installs Playwright where Chromium exists);
tests/test_student_copies.py then runs the copies without a browser.
"""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from browser_check import alternating, browser_available, check_notebooks  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
MISSING = browser_available()


def test_front_ends_alternate_so_both_are_covered():
    plan = alternating(NOTEBOOKS)
    assert [f for _, f in plan][:2] == ["notebook", "lab"]
    assert {f for _, f in plan} == {"notebook", "lab"}


def plan_for(front_end: str) -> list:
    return [(path, f) for path, f in alternating(NOTEBOOKS) if f == front_end]


class _FrontEnd:
    """The student copies assigned to one front end, run once in one Chromium and one server.

    One class per front end, so that pytest-xdist (--dist loadscope) runs the two on
    different workers, side by side.
    """

    front_end = ""

    @pytest.fixture(scope="class")
    def reports(self):
        return {r.notebook: r for r in check_notebooks(plan_for(self.front_end), student=True)}

    def check(self, notebook, reports):
        report = reports[notebook.name]
        assert report.front_end == self.front_end
        assert report.ok, report.problems
        assert Path(report.screenshot).exists() and report.kernel_shut_down
        # a notebook with sliders had one moved, and the figure's pixels followed
        assert report.slider_checked or not report.widgets


@pytest.mark.skipif(bool(MISSING), reason=f"browser test skipped: {MISSING}")
class TestNotebook7(_FrontEnd):
    front_end = "notebook"

    @pytest.mark.parametrize("notebook", [p for p, _ in plan_for("notebook")], ids=lambda p: p.stem)
    def test_student_copy_runs_in_chromium(self, notebook, reports):
        self.check(notebook, reports)


@pytest.mark.skipif(bool(MISSING), reason=f"browser test skipped: {MISSING}")
class TestJupyterLab(_FrontEnd):
    front_end = "lab"

    @pytest.mark.parametrize("notebook", [p for p, _ in plan_for("lab")], ids=lambda p: p.stem)
    def test_student_copy_runs_in_chromium(self, notebook, reports):
        self.check(notebook, reports)
