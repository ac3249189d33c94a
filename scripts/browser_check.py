"""Open course notebooks in a real (headless) Chromium, in Notebook 7 or JupyterLab, and run them as a student would.

    python scripts/browser_check.py [--both] [--student] [NOTEBOOK ...]

Students open the course with `jupyter notebook` (Notebook 7) or `jupyter lab`;
both front ends are checked. By default (default notebooks: notebooks/*.ipynb)
the front ends alternate, Notebook 7 for the 1st, 3rd, ... notebook and
JupyterLab for the others, so each notebook runs in a browser once; `--both`
runs every notebook in both. `--student` runs the students' copies (solutions
removed, as `make student` writes them) instead of the full notebooks.

For each notebook, on a copy with cleared outputs: a Jupyter server is started
on 127.0.0.1 with a token, the notebook is opened in Chromium (Debian's
package, driven by Playwright; no browser is downloaded), "Run All Cells" is
clicked, and once every cell has run the page is checked: no error or warning
output, every widget rendered, and moving a slider changes the pixels of the
figure under it (two screenshots compared). The kernel is then shut down. A
screenshot of each notebook is saved in build/screenshots/. Exit status 1 if
any check fails.
"""

from __future__ import annotations

import functools
import http.server
import io
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from student_copies import student_copy  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
RUN_TIMEOUT_S = 240
FRONT_ENDS = ("notebook", "lab")  # Jupyter Notebook 7 and JupyterLab


@dataclass
class Report:
    notebook: str
    front_end: str = "lab"
    problems: list = field(default_factory=list)
    widgets: int = 0
    slider_checked: bool = False
    kernel_shut_down: bool = False
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


def alternating(paths) -> list[tuple[Path, str]]:
    """Each notebook with one front end: Notebook 7 for the 1st, 3rd, ..., JupyterLab for the others."""
    return [(Path(p), FRONT_ENDS[i % 2]) for i, p in enumerate(paths)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(front_end: str, root: Path, settings: Path, port: int, token: str) -> subprocess.Popen:
    """Start `jupyter notebook` or `jupyter lab` on 127.0.0.1:port, serving ``root``."""
    # one notebook at a time on screen: render every cell, so that all outputs are in the page
    tracker = settings / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True, exist_ok=True)
    (tracker / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    command = [sys.executable, "-m", "jupyter", front_end, "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={root}", "--ServerApp.port_retries=0"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # CI machines run as root; never needed on a laptop
    env = {**os.environ, "PYTHONHASHSEED": "0", "JUPYTERLAB_SETTINGS_DIR": str(settings)}
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.time() + 60
    while time.time() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return server
        time.sleep(0.5)
    server.kill()
    raise RuntimeError(f"jupyter {front_end} did not start within 60 s")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve_directory(folder: Path):
    """Serve ``folder`` on 127.0.0.1 (a free port) while the block runs; yields its origin, http://127.0.0.1:PORT."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def keep_requests_local(context, origin: str, blocked: list) -> None:
    """Let the pages of ``context`` load only from ``origin``: every other request is aborted and
    its URL appended to ``blocked`` (as a laptop without network would, but noticed)."""
    def only_origin(route):
        if route.request.url.startswith(origin + "/"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_origin)


@contextmanager
def offline_chromium(folder: Path, width: int, height: int):
    """``folder`` served on localhost and a Chromium context that can reach nothing else.

    Yields ``(origin, context, blocked)``: pages of ``context`` load only from ``origin``, and every
    other request is aborted and listed in ``blocked`` (see :func:`keep_requests_local`).
    """
    from playwright.sync_api import sync_playwright

    blocked = []
    with serve_directory(folder) as origin, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": width, "height": height})
        keep_requests_local(context, origin, blocked)
        try:
            yield origin, context, blocked
        finally:
            browser.close()


def watch(page, console=("error",)) -> tuple[list, list]:
    """Record what goes wrong on ``page``: failed requests and HTTP errors in the first list, script
    errors and console messages of the ``console`` types in the second."""
    failed, errors = [], []
    page.on("requestfailed", lambda r: failed.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.url} ({r.status})"))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type in console and errors.append(m.text))
    return failed, errors


def probe_guard(context, origin: str, blocked: list, url: str) -> list:
    """Show that :func:`keep_requests_local` holds: a page at ``origin`` fetches ``url`` (as a CDN
    script would); returns the requests blocked meanwhile (``[url]`` when the guard holds), which
    leave ``blocked`` as it was."""
    seen = list(blocked)
    page = context.new_page()
    page.goto(f"{origin}/index.html", wait_until="load")
    page.evaluate(f"fetch({json.dumps(url)}).catch(() => null)")
    page.wait_for_timeout(500)
    probe, blocked[:] = blocked[len(seen):], seen
    page.close()
    return probe


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(10)
    except subprocess.TimeoutExpired:
        server.kill()


def widget_outputs(path: Path) -> int:
    nb = nbformat.read(path, as_version=4)
    return sum("application/vnd.jupyter.widget-view+json" in o.get("data", {})
               for c in nb.cells if c.cell_type == "code" for o in c.outputs)


class Api:
    """The Jupyter server's REST API, with the token (kernel state, sessions)."""

    def __init__(self, request, base: str, token: str):
        self.request, self.base = request, base
        self.headers = {"Authorization": f"token {token}"}

    def kernels(self) -> list:
        return self.request.get(f"{self.base}/api/kernels", headers=self.headers).json()

    def shut_down_kernels(self) -> bool:
        """Shut down every session (and so its kernel); True once no kernel is left."""
        for session in self.request.get(f"{self.base}/api/sessions", headers=self.headers).json():
            self.request.delete(f"{self.base}/api/sessions/{session['id']}", headers=self.headers)
        deadline = time.time() + 20
        while time.time() < deadline:
            if not self.kernels():
                return True
            time.sleep(0.5)
        return False


def run_all(page, api: Api, item: str = "Run All Cells") -> bool:
    """Click Run > ``item`` (Run All Cells) and wait until the kernel has been busy and is idle again."""
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text=item).first.click()
    deadline = time.time() + RUN_TIMEOUT_S
    started = False
    while time.time() < deadline:
        # the kernel's state from the server; the page's prompts (costly to read) only once it is idle
        states = [k.get("execution_state") for k in api.kernels()]
        started = started or "busy" in states
        if started and states and all(s == "idle" for s in states):
            if not any("*" in p for p in page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()):
                return True
        time.sleep(0.5)
    return False


def pixels(element):
    """A screenshot of ``element`` as an RGB array."""
    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(element.screenshot())).convert("RGB"), dtype=int)


def check_slider(page, root=None) -> str:
    """Move the first slider (a click along its track); '' if the figure under it changed its pixels, else the problem.

    ``root`` (default: ``page``) is where to look for it, e.g. the frame of a RISE slideshow.
    """
    handle = (root or page).locator(".jp-OutputArea-output .noUi-handle").first
    box = handle.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][1]")
    image = box.locator("img").first
    image.scroll_into_view_if_needed()
    before = pixels(image)
    track = box.locator(".noUi-target").first.bounding_box()
    knob = handle.bounding_box()
    # click near the far end of the track from the handle: it jumps there, as when a student
    # clicks the slider (a selection slider only moves when the click is nearer another option)
    far = 0.05 if knob["x"] + knob["width"] / 2 > track["x"] + track["width"] / 2 else 0.95
    page.mouse.click(track["x"] + far * track["width"], track["y"] + track["height"] / 2)
    deadline = time.time() + 30
    while time.time() < deadline:
        page.wait_for_timeout(500)
        after = pixels(image)
        if after.shape != before.shape or (after != before).any(axis=-1).sum() > 50:
            return ""
    return "moving the first slider did not change the pixels of the figure under it"


def open_notebook(page, base: str, front_end: str, name: str, stem: str) -> None:
    if front_end == "lab":  # a workspace of its own, reset: only this notebook is open in the page
        page.goto(f"{base}/lab/workspaces/{stem}/tree/{name}?reset", wait_until="domcontentloaded")
    else:
        page.goto(f"{base}/notebooks/{name}", wait_until="domcontentloaded")
    page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=60_000)
    page.wait_for_timeout(500)
    select = page.locator(".jp-Dialog button", has_text="Select")
    if select.count():  # a fresh front end may ask which kernel to start: the notebook's own, python3
        select.first.click()


def check_notebook(page, api: Api, base: str, front_end: str, path: Path, copy: Path,
                   screenshots: Path) -> Report:
    report = Report(path.name, front_end)
    open_notebook(page, base, front_end, copy.name, path.stem)
    deadline = time.time() + 60
    while time.time() < deadline and not any(k.get("execution_state") == "idle" for k in api.kernels()):
        time.sleep(0.5)
    if not run_all(page, api):
        report.problems.append(f"not every cell finished within {RUN_TIMEOUT_S} s")
    page.wait_for_timeout(1000)  # let the last widgets render
    unrun = [p for p in page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts() if "[ ]" in p]
    if unrun:
        report.problems.append(f"{len(unrun)} code cell(s) did not run")
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    if errors.count():
        report.problems.append(f"{errors.count()} error or warning output(s): {errors.first.inner_text()[:300]!r}")
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
    shot = screenshots / f"{path.stem}-{front_end}.png"
    page.screenshot(path=str(shot))
    report.screenshot = str(shot)
    report.kernel_shut_down = api.shut_down_kernels()
    if not report.kernel_shut_down:
        report.problems.append("the kernel did not shut down after the notebook")
    return report


def write_copy(path: Path, target: Path, student: bool) -> None:
    """The notebook to open: outputs cleared (and solutions removed for ``student``)."""
    nb = nbformat.read(path, as_version=4)
    if student:
        nb = student_copy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, target)


def check_notebooks(plan, screenshots: Path = ROOT / "build" / "screenshots", student: bool = False) -> list[Report]:
    """Run each ``(notebook, front_end)`` of ``plan`` in Chromium; one report per pair."""
    from playwright.sync_api import sync_playwright

    reports = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        work, settings, profile = Path(tmp) / "course", Path(tmp) / "settings", Path(tmp) / "profile"
        work.mkdir()
        for path, _ in plan:  # the browser runs copies: the committed notebooks stay untouched
            write_copy(Path(path), work / Path(path).name, student)
        browser = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000})
        try:
            for front_end in FRONT_ENDS:
                todo = [Path(p) for p, f in plan if f == front_end]
                if todo:
                    reports += run_front_end(browser, front_end, todo, work, settings, screenshots)
        finally:
            browser.close()
    return reports


def run_front_end(browser, front_end, paths, work, settings, screenshots) -> list[Report]:
    token, port = secrets.token_hex(16), free_port()
    server = start_server(front_end, work, settings, port, token)
    base = f"http://127.0.0.1:{port}"
    reports = []
    try:
        login = browser.new_page()
        login.goto(f"{base}/{'lab' if front_end == 'lab' else 'tree'}?token={token}",
                   wait_until="domcontentloaded")  # sets the cookie
        api = Api(login.request, base, token)
        for path in paths:
            page = browser.new_page()
            try:
                reports.append(check_notebook(page, api, base, front_end, path, work / path.name, screenshots))
            except Exception as err:  # noqa: BLE001 - report it and go on with the next notebook
                reports.append(Report(path.name, front_end, problems=[f"{type(err).__name__}: {str(err)[:300]}"]))
                api.shut_down_kernels()
            finally:
                page.close()
        login.close()
    finally:
        stop_server(server)
    return reports


def main(args) -> int:
    missing = browser_available()
    if missing:
        print(f"Browser check skipped: {missing}.")
        return 0
    both, student = "--both" in args, "--student" in args
    paths = [Path(a) for a in args if not a.startswith("--")] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    plan = [(p, f) for p in paths for f in FRONT_ENDS] if both else alternating(paths)
    reports = check_notebooks(plan, student=student)
    for r in reports:
        status = "ok" if r.ok else "FAILED: " + "; ".join(r.problems)
        print(f"{r.notebook} in {'Notebook 7' if r.front_end == 'notebook' else 'JupyterLab'}: {r.widgets} widgets "
              f"rendered, slider {'moved the figure' if r.slider_checked else 'not checked'}, kernel "
              f"{'shut down' if r.kernel_shut_down else 'left running'}, screenshot {r.screenshot}: {status}")
    return 0 if all(r.ok for r in reports) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
