"""The slides: each day's static reveal.js slides (make slides) offline, and the notebooks presented live with RISE.

`make test-slides` builds build/slides/ and runs this file:

- the build's changes, without a browser (also in make test): instructor cells become speaker notes,
  `skip` cells are left out, widgets become their stored figures, and the HTML asks nothing of a CDN;
- TestStaticSlides: build/slides/ is served on 127.0.0.1 and every day's slides are opened in
  Debian's Chromium (Playwright, no browser downloaded) with every request to another host blocked.
  Each must load with no failed request and no script error, count more than 10 slides (reveal.js
  sections), move to the next slide, and have its math typeset by its own MathJax. Screenshots:
  build/screenshots/slides-*.png;
- TestRise: notebooks/01_overview.ipynb is opened in JupyterLab and in Notebook 7 and presented with
  RISE (jupyterlab-rise, its toolbar button): the first slide shows, the next slides follow, and the
  slide with the single-neuron widget (found from the cells' slide metadata) is run and its slider moved.
  Screenshots: build/screenshots/slides-rise-*.png. In the same two front ends, the student copy of
  Day 1 shows each sample solution folded, and its code once opened (build/screenshots/student-solution-*.png).

The browser parts are skipped, with the reason, where the slides are not built or Chromium or
Playwright is missing; make test leaves them to make test-slides.
"""

from __future__ import annotations

import re
import secrets
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
SLIDES = ROOT / "build" / "slides"
SCREENSHOTS = ROOT / "build" / "screenshots"
sys.path.insert(0, str(ROOT / "scripts"))
import build_slides  # noqa: E402
from student_copies import SUMMARY  # noqa: E402
from browser_check import (CHROMIUM, CHROMIUM_ARGS, Api, browser_available, check_slider, free_port,  # noqa: E402
                           offline_chromium, open_notebook, probe_guard, start_server, stop_server, watch,
                           write_copy)

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
DAYS = [p.stem for p in NOTEBOOKS]
RISE_NOTEBOOK = ROOT / "notebooks" / "01_overview.ipynb"
WIDGET_CALL = "demos.single_neuron_widget("
MIN_SECTIONS = 10
SOURCES = [*NOTEBOOKS, ROOT / "scripts" / "build_slides.py", *(ROOT / "site" / "slides").glob("*")]
CDN = re.compile(r"""(?:src|href)\s*=\s*["']https?://|require\.min\.js|jquery|unpkg\.com|cdnjs|jsdelivr""", re.I)


def slides_missing() -> str:
    """Why the built slides cannot be checked here, or "" when they can."""
    index = SLIDES / "index.html"
    if not index.exists():
        return "the slides are not built (make slides, or make test-slides)"
    if max(p.stat().st_mtime for p in SOURCES) > index.stat().st_mtime:
        return "build/slides/ is older than the notebooks or the slides' sources (make test-slides rebuilds it)"
    return browser_available()


# ---------------------------------------------------------------------------- the build, without a browser
def lesson() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}

    def md(source, kind, **metadata):
        return nbformat.v4.new_markdown_cell(source, metadata={"slideshow": {"slide_type": kind}, **metadata})

    nb.cells = [md("# A lesson\n\nThe neuron $y = wx$.", "slide"),
                md("**Instructor note: SPEAKER-NOTE.** Say it slowly.", "-", tags=["instructor"]),
                md("## Second idea\n\n$$L = (y - t)^2$$", "slide"),
                nbformat.v4.new_code_cell("SKIPPED_CODE = 1", metadata={"slideshow": {"slide_type": "skip"}}),
                md("A step further.", "fragment"),
                md("### Below", "subslide")]
    return nb


def test_instructor_cells_become_speaker_notes_and_skip_cells_are_left_out():
    nb = lesson()
    shown = build_slides.slides_notebook(nb)
    assert [c.metadata["slideshow"]["slide_type"] for c in shown.cells] == ["slide", "notes", "slide", "fragment",
                                                                           "subslide"]
    assert nb.cells[1].metadata["slideshow"]["slide_type"] == "-", "the notebook itself must not change"
    html, _ = build_slides.exporter().from_notebook_node(shown, resources={"metadata": {"name": "lesson"}})
    assert re.search(r'<aside class="notes">.*SPEAKER-NOTE.*?</aside>', html, re.S)
    assert "SKIPPED_CODE" not in html
    assert html.count('<div class="fragment"') == 1
    assert 'src="reveal.js/dist/reveal.js"' in html and 'src="mathjax/tex-chtml.js"' in html
    assert f"width: {build_slides.WIDTH}" in html and f"height: {build_slides.HEIGHT}" in html


def test_the_slides_ask_nothing_of_a_cdn():
    html, _ = build_slides.exporter().from_notebook_node(build_slides.slides_notebook(lesson()),
                                                          resources={"metadata": {"name": "lesson"}})
    assert not CDN.findall(html), CDN.findall(html)[:5]
    assert "require(" not in html and "MathJax.Hub" not in html


def test_the_cdn_check_can_fail():
    assert CDN.findall('<script src="https://unpkg.com/reveal.js@4.0.2/dist/reveal.js"></script>')
    assert CDN.findall('<script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js">')


def test_a_widget_shows_its_stored_figure():
    nb = nbformat.read(RISE_NOTEBOOK, as_version=4)
    views = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and
             any(build_slides.WIDGET_VIEW in o.get("data", {}) for o in c.outputs)]
    assert views, "Day 1 stores no widget output"
    for cell in nb.cells:  # every cell shown, so that the widget's cell is on a slide
        cell.metadata["slideshow"] = {"slide_type": "-"}
    shown = build_slides.slides_notebook(nb)
    outputs = [o for i in views for o in shown.cells[i].outputs]
    assert not any(build_slides.WIDGET_VIEW in o.get("data", {}) for o in outputs)
    assert any("image/png" in o.get("data", {}) for o in outputs)
    assert "widgets" not in shown.metadata


# ---------------------------------------------------------------------------- the static slides in Chromium
MISSING = slides_missing()

SLIDE_STATE = """async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) { await MathJax.startup.promise; }
  const slides = document.querySelector(".reveal .slides");
  const markdown = [...slides.querySelectorAll(".jp-RenderedMarkdown")];
  return {
    ready: typeof Reveal !== "undefined" && Reveal.isReady(),
    sections: slides.querySelectorAll("section").length,
    total: Reveal.getTotalSlides(),
    notes: slides.querySelectorAll("aside.notes").length,
    notesShown: [...slides.querySelectorAll("aside.notes")].filter(n => n.offsetParent !== null).length,
    typeset: slides.querySelectorAll("mjx-container").length,
    rawMath: markdown.map(m => m.innerText).filter(t => /\\$\\$|\\\\\\(|\\$[^$\\s][^$\\n]*\\\\[a-zA-Z]+[^$\\n]*\\$/.test(t))
                     .map(t => t.slice(0, 80)),
    images: [...slides.querySelectorAll("img")].map(img => ({src: img.src.slice(0, 60), width: img.naturalWidth})),
  };
}"""


@pytest.mark.skipif(bool(MISSING), reason=f"slides test skipped: {MISSING}")
class TestStaticSlides:
    """One server and one Chromium for every day's slides (one class, so one pytest-xdist worker)."""

    @pytest.fixture(scope="class")
    @classmethod
    def visits(cls):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        reports = {}
        with offline_chromium(SLIDES, build_slides.WIDTH, build_slides.HEIGHT) as (origin, context, blocked):
            for name in ["index.html", *(f"{day}.slides.html" for day in DAYS)]:
                page = context.new_page()
                failed, errors = watch(page)
                page.goto(f"{origin}/{name}", wait_until="load")
                report = {"failed": failed, "errors": errors}
                if name == "index.html":
                    report["links"] = page.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
                else:
                    page.wait_for_function("typeof Reveal !== 'undefined' && Reveal.isReady()", timeout=30_000)
                    report.update(page.evaluate(SLIDE_STATE))
                    stem = name.removesuffix(".slides.html")
                    page.screenshot(path=str(SCREENSHOTS / f"slides-{stem}.png"))
                    first = page.evaluate("Reveal.getIndices()")
                    page.keyboard.press("ArrowRight")
                    page.wait_for_timeout(300)
                    report["moved"] = page.evaluate("Reveal.getIndices()") != first
                    # the first slide with typeset math, as the room sees it
                    has_math = page.evaluate("""() => { const s = [...document.querySelectorAll('.reveal .slides > section')]
                        .findIndex(x => x.querySelector('mjx-container')); if (s >= 0) { Reveal.slide(s, 0); } return s; }""")
                    if has_math >= 0:
                        page.wait_for_timeout(300)
                        page.screenshot(path=str(SCREENSHOTS / f"slides-{stem}-math.png"))
                reports[name] = report
                page.close()
            # the guard itself: a request outside, as a CDN script would make, is caught
            probe = probe_guard(context, origin, blocked, "https://cdn.example.org/reveal.js")
        return {"blocked": blocked, "probe": probe, "pages": reports}

    def test_no_request_leaves_localhost(self, visits):
        assert visits["probe"] == ["https://cdn.example.org/reveal.js"], "the guard let a request out"
        assert visits["blocked"] == []

    def test_the_index_links_every_day(self, visits):
        report = visits["pages"]["index.html"]
        assert report["failed"] == [] and report["errors"] == []
        assert report["links"] == [f"{day}.slides.html" for day in DAYS]

    @pytest.mark.parametrize("day", DAYS)
    def test_slides_load_with_no_failed_request_and_no_script_error(self, visits, day):
        report = visits["pages"][f"{day}.slides.html"]
        assert report["failed"] == []
        assert report["errors"] == [], "the slides' scripts reported errors"
        assert report["ready"]
        broken = [img["src"] for img in report["images"] if img["width"] == 0]
        assert not broken, f"images that did not load: {broken}"

    @pytest.mark.parametrize("day", DAYS)
    def test_slides_count_sections_and_move_on(self, visits, day):
        report = visits["pages"][f"{day}.slides.html"]
        print(f"{day}: {report['sections']} sections, {report['total']} slides, {report['notes']} speaker notes")
        assert report["sections"] > MIN_SECTIONS, f"{report['sections']} sections: is the slide metadata there?"
        assert report["moved"], "ArrowRight did not move to the next slide"
        assert (SCREENSHOTS / f"slides-{day}.png").exists()

    @pytest.mark.parametrize("day", DAYS)
    def test_math_is_typeset_and_notes_stay_hidden(self, visits, day):
        report = visits["pages"][f"{day}.slides.html"]
        assert report["typeset"] > 0, "no math typeset: did MathJax load?"
        assert report["rawMath"] == [], "math left untypeset"
        assert report["notesShown"] == 0, "speaker notes shown on a slide"
        cells = nbformat.read(ROOT / "notebooks" / f"{day}.ipynb", as_version=4).cells
        assert report["notes"] >= sum("instructor" in c.metadata.get("tags", []) for c in cells)


# ---------------------------------------------------------------------------- live, with RISE
RISE_MISSING = browser_available()


class WidgetNotShown(AssertionError):
    """The widget's cell ran on its slide, but no slider appeared (its output is text)."""


def widget_cell(nb) -> int:
    """The index of the cell that draws the single-neuron widget; it must be on a slide (not skipped)."""
    index = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and WIDGET_CALL in c.source)
    kind = nb.cells[index].metadata.get("slideshow", {}).get("slide_type", "-")
    assert kind not in ("skip", "notes"), f"the widget's cell {index} is not on a slide (slide_type {kind!r})"
    return index


def rise_frame(page, context, timeout_s: float = 60):
    """The RISE slideshow a click on the notebook's RISE button opened: a panel beside the notebook
    (JupyterLab) or a new tab (Notebook 7); either way a frame of the page /rise/NOTEBOOK."""
    known = set(context.pages)
    page.locator("[data-command='RISE:preview']").first.click()
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        for candidate in [page, *(p for p in context.pages if p not in known)]:
            for frame in candidate.frames:
                if "/rise/" in frame.url:
                    frame.locator(".reveal .slides section.present").first.wait_for(timeout=60_000)
                    frame.page.wait_for_timeout(1000)
                    return frame
        page.wait_for_timeout(500)
    raise AssertionError("the RISE button opened no slideshow")


def present(frame) -> str:
    return frame.locator(".reveal .slides section.present").last.inner_text()


def select_cell(page, index: int) -> None:
    """Make cell ``index`` the notebook's active cell (RISE starts at the active cell's slide)."""
    prompt = page.locator(".jp-Notebook .jp-Cell").nth(index).locator(".jp-InputPrompt").first
    prompt.scroll_into_view_if_needed()
    # the notebook selects a cell on mousedown; dispatched, it reaches the cell even under a notification
    prompt.dispatch_event("mousedown", {"button": 0})
    prompt.dispatch_event("mouseup", {"button": 0})


@pytest.mark.skipif(bool(RISE_MISSING), reason=f"RISE test skipped: {RISE_MISSING}")
class TestRise:
    """Day 1 presented with RISE from JupyterLab and from Notebook 7 (one class: one pytest-xdist worker)."""

    @pytest.fixture(scope="class")
    @classmethod
    def shows(cls):
        from playwright.sync_api import sync_playwright

        nb = nbformat.read(RISE_NOTEBOOK, as_version=4)
        title = next(line[2:].strip() for c in nb.cells if c.cell_type == "markdown"
                     for line in c.source.splitlines() if line.startswith("# "))
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        reports = {}
        with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
            work, settings, profile = Path(tmp) / "course", Path(tmp) / "settings", Path(tmp) / "profile"
            work.mkdir()
            write_copy(RISE_NOTEBOOK, work / RISE_NOTEBOOK.name, student=False)  # outputs cleared
            write_copy(RISE_NOTEBOOK, work / f"student_{RISE_NOTEBOOK.name}", student=True)  # as make student
            browser = pw.chromium.launch_persistent_context(
                str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
                viewport={"width": build_slides.WIDTH, "height": build_slides.HEIGHT})
            try:
                for front_end in ("lab", "notebook"):
                    reports[front_end] = present_with_rise(browser, front_end, work, settings, nb, title)
            finally:
                browser.close()
        return reports

    @pytest.mark.parametrize("front_end", ["lab", "notebook"], ids=["JupyterLab", "Notebook7"])
    def test_the_first_slide_shows_and_the_next_slides_follow(self, shows, front_end):
        report = shows[front_end]
        assert report["first_problem"] == ""
        assert report["title"] in report["first"], f"the first slide shows {report['first'][:120]!r}"
        assert len(set(report["slides"])) == len(report["slides"]) == 3, "moving on did not change the slide"
        assert Path(report["screenshot"]).exists()

    @pytest.mark.parametrize("front_end", ["lab", "notebook"], ids=["JupyterLab", "Notebook7"])
    def test_the_student_copy_folds_each_sample_solution(self, shows, front_end):
        report = shows[front_end]["student"]
        assert report["problem"] == ""
        solutions = [c for c in nbformat.read(RISE_NOTEBOOK, as_version=4).cells
                     if "solution" in c.metadata.get("tags", [])]
        assert report["count"] == len(solutions)
        assert report["closed_at_first"], "a sample solution shows before the student opens it"
        assert report["summary"] == SUMMARY
        assert report["code_shown"].strip() == solutions[0].source.strip()

    @pytest.mark.xfail(strict=True, raises=WidgetNotShown, reason=(
        "jupyterlab-rise 0.43.1 cannot show ipywidgets 8 widgets: its slideshow page lacks a module the "
        "widget manager needs ('Shared module @jupyterlab/console doesn't exist in shared scope'), so the "
        "widget shows as text. Present widget slides from the notebook itself until a RISE release fixes "
        "it; this test then passes and the mark must go."))
    @pytest.mark.parametrize("front_end", ["lab", "notebook"], ids=["JupyterLab", "Notebook7"])
    def test_the_widget_on_its_slide_redraws_when_its_slider_moves(self, shows, front_end):
        report = shows[front_end]
        assert report["widget_problem"] == ""
        assert report["widget_slide"], "RISE did not start at the widget's slide"
        if not report["slider_rendered"]:
            raise WidgetNotShown(f"the widget's cell ran, but shows {report['widget_output'][:200]!r}")
        assert report["redrawn"], "moving the slider did not change the figure's pixels"


def run_above(page, index: int, timeout_s: float = 240) -> bool:
    """Run every cell above cell ``index`` (Run > Run All Above Selected Cell; Run All Cells when the cell
    could not be selected); True once each code cell above it shows its execution count."""
    select_cell(page, index)
    active = page.locator(".jp-Notebook .jp-Cell").evaluate_all(
        "cells => cells.findIndex(c => c.classList.contains('jp-mod-active'))")
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    item = "Run All Above Selected Cell" if active == index else "Run All Cells"
    page.locator(".lm-Menu-itemLabel", has_text=item).first.click()
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        page.wait_for_timeout(1000)
        prompts = page.locator(".jp-Notebook .jp-Cell").evaluate_all(
            f"cells => cells.slice(0, {index}).filter(c => c.classList.contains('jp-CodeCell'))"
            ".map(c => c.querySelector('.jp-InputPrompt').innerText.trim())")
        if all(re.fullmatch(r"\[\d+\]:", p) for p in prompts):
            page.wait_for_timeout(1000)
            return True
    return False


def present_with_rise(browser, front_end, work, settings, nb, title) -> dict:
    token, port = secrets.token_hex(16), free_port()
    server = start_server(front_end, work, settings, port, token)
    base = f"http://127.0.0.1:{port}"
    report = {"title": title, "first_problem": "", "widget_problem": "", "slides": []}
    name = RISE_NOTEBOOK.name
    shot = SCREENSHOTS / f"slides-rise-{RISE_NOTEBOOK.stem}-{front_end}"
    try:
        login = browser.new_page()
        login.goto(f"{base}/{'lab' if front_end == 'lab' else 'tree'}?token={token}", wait_until="domcontentloaded")
        api = Api(login.request, base, token)
        page = browser.new_page()
        open_notebook(page, base, front_end, name, RISE_NOTEBOOK.stem)
        try:  # 1. the slideshow from the first cell: the title slide, then two steps on
            select_cell(page, 0)
            frame = rise_frame(page, browser)
            report["first"] = present(frame)
            report["slides"].append(report["first"])
            frame.page.screenshot(path=f"{shot}-first.png")
            report["screenshot"] = f"{shot}-first.png"
            for _ in range(2):
                frame.locator(".reveal .navigate-right").first.dispatch_event("click")
                frame.page.wait_for_timeout(800)
                report["slides"].append(present(frame))
            frame.page.screenshot(path=f"{shot}-third.png")
            if frame.page is not page:
                frame.page.close()
        except Exception as err:  # noqa: BLE001 - the tests report it
            report["first_problem"] = f"{type(err).__name__}: {str(err)[:400]}"
        try:  # 2. the widget: the cells above it run in the notebook (the kernel holds the data), then
            #    RISE from the widget's cell, the cell run on its slide (Shift+Enter) and its slider moved
            index = widget_cell(nb)
            open_notebook(page, base, front_end, name, RISE_NOTEBOOK.stem)  # the slideshow panel closed
            if not run_above(page, index):
                raise AssertionError("the cells above the widget did not finish running")
            # RISE's own page, started at the widget's cell (the toolbar button starts at the active cell)
            frame = browser.new_page().main_frame
            frame.page.goto(f"{base}/rise/{name}?activeCellIndex={index}", wait_until="domcontentloaded")
            frame.locator(".reveal .slides section.present").first.wait_for(timeout=60_000)
            frame.page.wait_for_timeout(1500)
            report["widget_slide"] = WIDGET_CALL[:-1] in present(frame)
            cell = frame.locator(".reveal section.present .jp-CodeCell").filter(has_text=WIDGET_CALL[:-1]).first
            prompt = cell.locator(".jp-InputPrompt").first
            prompt.dispatch_event("mousedown", {"button": 0})
            prompt.dispatch_event("mouseup", {"button": 0})
            frame.locator(".reveal .jp-Notebook").first.focus()
            frame.page.keyboard.press("Shift+Enter")
            try:
                frame.locator(".reveal .jp-OutputArea-output .noUi-handle").first.wait_for(timeout=30_000)
                report["slider_rendered"] = True
            except Exception:  # noqa: BLE001 - reported by the test
                report["slider_rendered"] = False
            report["widget_output"] = cell.locator(".jp-OutputArea").first.inner_text()
            frame.page.screenshot(path=f"{shot}-widget.png")
            report["redrawn"] = report["slider_rendered"] and check_slider(frame.page, root=frame) == ""
        except Exception as err:  # noqa: BLE001 - the tests report it
            report["widget_problem"] = f"{type(err).__name__}: {str(err)[:400]}"
        api.shut_down_kernels()
        report["student"] = student_copy_in_browser(page, base, front_end, api)
    finally:
        stop_server(server)
    return report


def student_copy_in_browser(page, base, front_end, api) -> dict:
    """The student copy's folded sample solutions: how many, closed at first, the code shown once opened."""
    name = f"student_{RISE_NOTEBOOK.name}"
    try:
        open_notebook(page, base, front_end, name, "student")
        # the sample solutions: the notebook's own folded blocks (a quiz's answer) have another summary
        blocks = page.locator(".jp-RenderedMarkdown details").filter(has=page.locator("summary", has_text=SUMMARY))
        blocks.first.wait_for(timeout=30_000)
        first = blocks.first
        closed = not first.evaluate("d => d.open") and not first.locator("pre").first.is_visible()
        first.scroll_into_view_if_needed()
        first.locator("summary").click()
        page.wait_for_timeout(500)
        report = {"count": blocks.count(), "closed_at_first": closed,
                  "summary": first.locator("summary").inner_text().strip(),
                  "code_shown": first.locator("pre").first.inner_text() if first.evaluate("d => d.open") else "",
                  "problem": ""}
        page.screenshot(path=str(SCREENSHOTS / f"student-solution-{front_end}.png"))
    except Exception as err:  # noqa: BLE001 - the test reports it
        report = {"problem": f"{type(err).__name__}: {str(err)[:400]}"}
    api.shut_down_kernels()
    return report
