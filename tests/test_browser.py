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


@pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks in notebooks/")
class TestInChromium:
    """Every student copy, run once in one Chromium with one server per front end.

    One class, so that pytest-xdist (--dist loadscope) keeps the browser work on one
    worker, where it runs from the start while the other worker takes the notebooks and
    the unit tests (scripts/test.sh puts this file first).
    """

    def test_front_ends_alternate_so_both_are_covered(self):
        plan = alternating(NOTEBOOKS)
        assert [f for _, f in plan][:2] == ["notebook", "lab"]
        assert {f for _, f in plan} == {"notebook", "lab"}

    @pytest.fixture(scope="class")
    @classmethod
    def reports(cls):
        return {r.notebook: r for r in check_notebooks(alternating(NOTEBOOKS), student=True)}

    @pytest.mark.skipif(bool(MISSING), reason=f"browser test skipped: {MISSING}")
    @pytest.mark.parametrize("notebook, front_end", alternating(NOTEBOOKS),
                             ids=[f"{p.stem}-{f}" for p, f in alternating(NOTEBOOKS)])
    def test_student_copy_runs_in_chromium(self, notebook, front_end, reports):
        report = reports[notebook.name]
        assert report.front_end == front_end
        assert report.ok, report.problems
        assert Path(report.screenshot).exists() and report.kernel_shut_down
        # a notebook with sliders had one moved, and the figure's pixels followed
        assert report.slider_checked or not report.widgets
