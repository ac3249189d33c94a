"""The course in a real browser: every notebook runs in JupyterLab in headless Chromium.

Skipped, with the reason, where Chromium or Playwright is missing (`.ci/run`
installs Chromium, `make test` installs Playwright where Chromium exists).
"""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from browser_check import browser_available, check_notebooks  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
MISSING = browser_available()


@pytest.mark.skipif(bool(MISSING), reason=f"browser test skipped: {MISSING}")
@pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks in notebooks/")
def test_every_notebook_runs_in_jupyterlab_in_chromium():
    reports = check_notebooks(NOTEBOOKS)
    failures = {r.notebook: r.problems for r in reports if not r.ok}
    assert not failures, failures
    assert all(Path(r.screenshot).exists() for r in reports)
    # every notebook with sliders had one moved, and the figure followed
    assert all(r.slider_checked for r in reports if r.widgets)
