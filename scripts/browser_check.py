"""Open every course notebook in JupyterLab in a real (headless) Chromium and run it as a student would.

    python scripts/browser_check.py [NOTEBOOK ...]

For each notebook (default: notebooks/*.ipynb), on a copy with cleared outputs:
JupyterLab is started on 127.0.0.1 with a token, the notebook is opened in
Chromium (Debian's package, driven by Playwright; no browser is downloaded),
"Run All Cells" is clicked, and once every cell has run the page is checked:
no error or warning output, every widget rendered, and moving a slider changes
the picture under it. A screenshot of each notebook is saved in
build/screenshots/. Exit status 1 if any check fails.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
RUN_TIMEOUT_S = 240


@dataclass
class Report:
    notebook: str
    problems: list = field(default_factory=list)
    widgets: int = 0
    slider_checked: bool = False
    screenshot: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


def browser_available() -> str:
    """Why the browser check cannot run here, or "" when it can."""
    if not Path(CHROMIUM).exists():
        return "Chromium is not installed (Debian/Ubuntu: sudo apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -e '.[browser]')"
    return ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_jupyterlab(root: Path, settings: Path, port: int, token: str) -> subprocess.Popen:
    # one notebook at a time on screen: render every cell, so that all outputs are in the page
    tracker = settings / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    (tracker / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={root}", f"--LabApp.user_settings_dir={settings}",
               "--ServerApp.port_retries=0"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # CI machines run as root; never needed on a laptop
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "PYTHONHASHSEED": "0"})
    deadline = time.time() + 60
    while time.time() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return server
        time.sleep(0.5)
    server.kill()
    raise RuntimeError("JupyterLab did not start within 60 s")


def widget_outputs(path: Path) -> int:
    nb = nbformat.read(path, as_version=4)
    return sum("application/vnd.jupyter.widget-view+json" in o.get("data", {})
               for c in nb.cells if c.cell_type == "code" for o in c.outputs)


def run_all(page) -> bool:
    """Click Run > Run All Cells and wait until the kernel has been busy and is idle again."""
    indicator = page.locator(".jp-Notebook-ExecutionIndicator").first
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    deadline = time.time() + RUN_TIMEOUT_S
    started = False
    while time.time() < deadline:
        status = indicator.get_attribute("data-status")
        started = started or status == "busy"
        prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
        if started and status == "idle" and not any("*" in p for p in prompts):
            return True
        time.sleep(1.0)
    return False


def check_slider(page) -> str:
    """Move the first slider one step; '' if the picture under it changed, else the problem."""
    handle = page.locator(".jp-OutputArea-output .noUi-handle").first
    box = handle.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
    image = box.locator("img").first
    before = image.get_attribute("src")
    handle.focus()
    page.keyboard.press("ArrowRight")
    deadline = time.time() + 30
    while time.time() < deadline:
        if image.get_attribute("src") != before:
            return ""
        time.sleep(0.5)
    return "moving the first slider did not change the figure under it"


def check_notebook(page, base: str, path: Path, copy: Path, screenshots: Path) -> Report:
    report = Report(path.name)
    # a workspace of its own, reset: only this notebook is open in the page
    page.goto(f"{base}/lab/workspaces/{path.stem}/tree/{copy.name}?reset", wait_until="domcontentloaded")
    page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=60_000)
    dialog_button = page.locator(".jp-Dialog button", has_text="Select")
    try:  # a fresh JupyterLab may ask which kernel to start: the notebook's own, python3
        dialog_button.first.click(timeout=10_000)
    except Exception:  # noqa: BLE001 - no dialog this time
        pass
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").first.wait_for(timeout=60_000)
    if not run_all(page):
        report.problems.append(f"not every cell finished within {RUN_TIMEOUT_S} s")
    page.wait_for_timeout(2000)  # let the last widgets render
    unrun = [p for p in page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts() if "[ ]" in p]
    if unrun:
        report.problems.append(f"{len(unrun)} code cell(s) did not run")
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    if errors.count():
        report.problems.append(f"{errors.count()} error or warning output(s): {errors.first.inner_text()[:200]!r}")
    if page.get_by_text("Error displaying widget").count():
        report.problems.append("a widget failed to display ('Error displaying widget')")
    report.widgets = page.locator(".jp-OutputArea-output .jupyter-widgets.widget-container, "
                                  ".jp-OutputArea-output .widget-inline-hbox").count()
    if widget_outputs(path) and report.widgets == 0:
        report.problems.append("the notebook has widgets but none rendered")
    if page.locator(".jp-OutputArea-output .noUi-handle").count():
        problem = check_slider(page)
        report.slider_checked = not problem
        if problem:
            report.problems.append(problem)
    screenshots.mkdir(parents=True, exist_ok=True)
    shot = screenshots / f"{path.stem}.png"
    page.screenshot(path=str(shot))
    report.screenshot = str(shot)
    return report


def check_notebooks(paths, screenshots: Path = ROOT / "build" / "screenshots") -> list[Report]:
    from playwright.sync_api import sync_playwright

    token, port = secrets.token_hex(16), free_port()
    with tempfile.TemporaryDirectory() as tmp:
        work, settings, profile = Path(tmp) / "course", Path(tmp) / "settings", Path(tmp) / "profile"
        work.mkdir()
        copies = {}
        for path in paths:  # the browser runs copies: the committed notebooks stay untouched
            nb = nbformat.read(path, as_version=4)
            for cell in nb.cells:
                if cell.cell_type == "code":
                    cell.outputs, cell.execution_count = [], None
            nb.metadata.pop("widgets", None)
            copies[path] = work / path.name
            nbformat.write(nb, copies[path])
        server = start_jupyterlab(work, settings, port, token)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch_persistent_context(
                    str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
                    viewport={"width": 1400, "height": 1000})
                base = f"http://127.0.0.1:{port}"
                login = browser.new_page()
                login.goto(f"{base}/lab?token={token}", wait_until="domcontentloaded")  # sets the cookie
                login.close()
                reports = []
                for path in paths:
                    page = browser.new_page()
                    try:
                        reports.append(check_notebook(page, base, path, copies[path], screenshots))
                    except Exception as err:  # noqa: BLE001 - report it and go on with the next notebook
                        reports.append(Report(path.name, problems=[f"{type(err).__name__}: {str(err)[:300]}"]))
                    finally:
                        page.close()
                browser.close()
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
    return reports


def main(args) -> int:
    missing = browser_available()
    if missing:
        print(f"Browser check skipped: {missing}.")
        return 0
    paths = [Path(a) for a in args] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    reports = check_notebooks(paths)
    for r in reports:
        status = "ok" if r.ok else "FAILED: " + "; ".join(r.problems)
        print(f"{r.notebook}: {r.widgets} widgets rendered, slider "
              f"{'moved the figure' if r.slider_checked else 'not checked'}, screenshot {r.screenshot}: {status}")
    return 0 if all(r.ok for r in reports) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
