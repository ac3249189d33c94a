"""The course website (make site) in headless Chromium, with every request outside the site blocked.

`make test-site` builds build/site/ and runs this file. build/site/ is served on 127.0.0.1 and every
page is opened in Debian's Chromium (driven by Playwright, no browser downloaded), with every
request to another host blocked by Playwright's route. Each page must load with no failed request,
its math typeset by the site's own MathJax (no raw $$ or \\( left), every image loaded and every
link inside the site resolving, down to the #anchor. The day pages keep their solutions collapsed,
say above every exercise to run it in the notebook (with a link to the notebook file) and link to
the next day; search finds a glossary term. A screenshot of each day's first screen goes to
build/screenshots/site-*.png.

Skipped, with the reason, where the site is not built or Chromium or Playwright is missing.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "build" / "site"
SCREENSHOTS = ROOT / "build" / "screenshots"
sys.path.insert(0, str(ROOT / "scripts"))
import build_site  # noqa: E402
from browser_check import browser_available, offline_chromium, probe_guard, watch  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
DAYS = [p.stem for p in NOTEBOOKS]
PAGES = sorted(p.name for p in SITE.glob("*.html"))
SOURCES = [*NOTEBOOKS, ROOT / "notebooks" / "glossary.md", ROOT / "README.md", ROOT / "scripts" / "build_site.py",
           *(p for p in (ROOT / "site").glob("**/*") if p.is_file() and "node_modules" not in p.parts)]


def site_missing() -> str:
    """Why the built site cannot be checked here, or "" when it can."""
    index = SITE / "index.html"
    if not index.exists():
        return "the site is not built (make site, or make test-site)"
    if max(p.stat().st_mtime for p in SOURCES) > index.stat().st_mtime:
        return "build/site/ is older than the notebooks or the site's sources (make test-site rebuilds it)"
    return browser_available()


MISSING = site_missing()


class _Ids(HTMLParser):
    """Every id (and legacy <a name>) in an HTML page: the targets a #fragment may point to."""

    def __init__(self):
        super().__init__()
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key == "id" or (tag == "a" and key == "name"):
                self.ids.add(value)


@functools.lru_cache(maxsize=None)
def ids_of(path: Path) -> frozenset:
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8"))
    return frozenset(parser.ids)


def link_problem(href: str, site: Path = SITE) -> str:
    """'' when ``href`` (a path from the site's root) names a file of the site, and an existing id for #anchor."""
    url, fragment = urldefrag(href)
    path = site / unquote(urlparse(url).path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    if not path.is_file():
        return f"{href}: no such file in the site"
    if fragment and path.suffix == ".html" and unquote(fragment) not in ids_of(path):
        return f"{href}: {path.name} has no anchor #{unquote(fragment)}"
    return ""


# what each page reports from inside the browser once loaded
PAGE_STATE = """async () => {
  // images load lazily further down the page: ask for them all now, and wait for them
  const images = [...document.images];
  images.forEach(img => { img.loading = "eager"; });
  await Promise.all(images.map(img => img.complete ? null :
      new Promise(done => { img.addEventListener("load", done); img.addEventListener("error", done); })));
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) { await MathJax.startup.promise; }
  const main = document.querySelector("main") || document.body;
  return {
    images: images.map(img => ({src: img.currentSrc || img.src, width: img.naturalWidth})),
    links: [...document.querySelectorAll("a[href]")].map(a => a.href),
    mathSource: document.querySelectorAll(".math").length,
    mathTypeset: document.querySelectorAll("mjx-container").length,
    mathLeft: [...document.querySelectorAll(".math")].filter(m => !m.querySelector("mjx-container"))
                  .map(m => m.textContent.slice(0, 80)),
    text: main.innerText,
    solutions: [...document.querySelectorAll("div.cell details.hide")].map(d =>
        ({summary: d.querySelector("summary").innerText.trim(), open: d.open})),
    exerciseNotes: [...document.querySelectorAll("div.exercise-note")].map(n =>
        [...n.querySelectorAll("a[href]")].map(a => a.getAttribute("href"))),
  };
}"""


@pytest.mark.skipif(bool(MISSING), reason=f"site test skipped: {MISSING}")
class TestSiteInChromium:
    """One server and one Chromium for every page (one class, so one pytest-xdist worker)."""

    @pytest.fixture(scope="class")
    @classmethod
    def visits(cls):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        reports = {}
        with offline_chromium(SITE, 1280, 800) as (origin, context, blocked):
            for name in PAGES:
                page = context.new_page()
                failed, errors = watch(page, console=("error", "warning"))
                page.goto(f"{origin}/{name}", wait_until="load")
                state = page.evaluate(PAGE_STATE)
                if Path(name).stem in DAYS:  # the day's first screen, as a student opens it
                    page.evaluate("window.scrollTo(0, 0)")
                    page.screenshot(path=str(SCREENSHOTS / f"site-{Path(name).stem}.png"))
                reports[name] = {**state, "failed": failed, "errors": errors}
                page.close()
            # the guard itself: a request outside the site, as a CDN script would make, is caught
            probe = probe_guard(context, origin, blocked, "https://cdn.example.org/require.min.js")
            # search: Sphinx's index, run in the page
            page = context.new_page()
            page.goto(f"{origin}/search.html?q=gini", wait_until="load")
            results = page.locator("#search-results li a, .search li a")
            results.first.wait_for(timeout=20_000)
            reports["search for gini"] = {"results": results.evaluate_all("as => as.map(a => a.href)")}
        return {"origin": origin, "blocked": blocked, "probe": probe, "pages": reports}

    def test_the_landing_page_days_maps_and_glossary_are_there(self):
        assert {"index.html", "maps.html", "glossary.html", "search.html"} <= set(PAGES)
        assert {f"{day}.html" for day in DAYS} <= set(PAGES) and len(DAYS) == 4

    def test_no_request_leaves_the_site(self, visits):
        assert visits["probe"] == ["https://cdn.example.org/require.min.js"], "the guard let a request out"
        assert visits["blocked"] == []

    @pytest.mark.parametrize("name", PAGES)
    def test_page_loads_every_request_script_and_image(self, visits, name):
        report = visits["pages"][name]
        assert report["failed"] == []
        assert report["errors"] == [], "the page's scripts reported errors"
        broken = [img["src"] for img in report["images"] if img["width"] == 0]
        assert not broken, f"images that did not load: {broken}"

    @pytest.mark.parametrize("name", PAGES)
    def test_math_is_typeset_by_the_sites_mathjax(self, visits, name):
        report = visits["pages"][name]
        if Path(name).stem in DAYS:
            assert report["mathSource"] > 0, "a day without math: did its $...$ stay raw text?"
        assert report["mathLeft"] == [], "math left untypeset"
        assert report["mathTypeset"] >= report["mathSource"]
        assert "$$" not in report["text"]
        raw = re.findall(r"\$[^$\n]{1,40}\\[a-z]+[^$\n]{0,40}\$", report["text"])
        assert not raw, f"raw TeX left in the text: {raw[:3]}"

    @pytest.mark.parametrize("name", PAGES)
    def test_every_link_inside_the_site_resolves(self, visits, name):
        origin = visits["origin"]
        links = {href for href in visits["pages"][name]["links"] if href.startswith(origin + "/")}
        assert links, "a page without a single link inside the site"
        problems = [p for href in sorted(links) if (p := link_problem(href[len(origin):]))]
        assert not problems, "\n".join(problems)

    @pytest.mark.parametrize("day", DAYS)
    def test_solutions_are_collapsed_and_exercises_point_to_the_notebook(self, visits, day):
        cells = json.loads((ROOT / "notebooks" / f"{day}.ipynb").read_text())["cells"]
        tags = [c.get("metadata", {}).get("tags", []) for c in cells]
        report = visits["pages"][f"{day}.html"]
        solutions = report["solutions"]
        assert len(solutions) == sum("solution" in t for t in tags)
        assert all(not s["open"] and s["summary"] in ("Show solution", "Show sample solution")
                   for s in solutions), solutions
        notes = report["exerciseNotes"]
        assert len(notes) == sum("exercise" in t for t in tags)
        assert all(f"notebooks/{day}.ipynb" in links for links in notes)
        assert report["text"].count("Run this in the notebook to get feedback") == len(notes)
        # what the student fills in is shown: the exercise cells' blanks
        assert "...  # your" in report["text"]

    @pytest.mark.parametrize("day", DAYS)
    def test_each_day_links_to_the_next(self, visits, day):
        origin, i = visits["origin"], DAYS.index(day)
        following = DAYS[i + 1] if i + 1 < len(DAYS) else "index"
        assert f"{origin}/{following}.html" in visits["pages"][f"{day}.html"]["links"]
        assert (SCREENSHOTS / f"site-{day}.png").exists()

    def test_search_finds_the_glossary(self, visits):
        results = visits["pages"]["search for gini"]["results"]
        assert any("glossary.html" in href for href in results), results


# ---------------------------------------------------------------- the build's changes, without a browser
def load(day: str) -> dict:
    return json.loads((ROOT / "notebooks" / f"{day}.ipynb").read_text())


@pytest.mark.parametrize("day", DAYS)
def test_the_site_copy_collapses_solutions_and_notes_each_exercise(day):
    original = load(day)
    before = json.dumps(original)
    following = (f"{DAYS[DAYS.index(day) + 1]}.ipynb", "next") if day != DAYS[-1] else None
    site = build_site.site_notebook(original, f"{day}.ipynb", following)
    assert json.dumps(original) == before, "the notebook itself must not change"
    cells = site["cells"]
    for i, cell in enumerate(cells):
        tags = cell.get("metadata", {}).get("tags", [])
        if "solution" in tags:
            assert "hide-cell" in tags and cell["metadata"]["mystnb"]["code_prompt_show"].startswith("Show ")
        if "exercise" in tags:
            note = "".join(cells[i - 1]["source"])
            assert "Run this in the notebook to get feedback" in note and f"notebooks/{day}.ipynb" in note
    kept = [c for c in cells if not c.get("id", "").startswith("site-")]
    assert len(kept) == len(original["cells"]), "a cell of the notebook went missing"
    assert "widgets" not in site["metadata"]
    outputs = [o for c in cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if build_site.WIDGET_VIEW in o.get("data", {})]
    last = "".join(cells[-1]["source"])
    assert (f"({following[0]})" if following else "(index.md)") in last


def test_a_widget_becomes_its_stored_figure_and_controls():
    day1 = load(DAYS[0])
    views = [o["data"][build_site.WIDGET_VIEW] for c in day1["cells"] for o in c.get("outputs", [])
             if build_site.WIDGET_VIEW in o.get("data", {})]
    assert views
    shown = [build_site.static_widget(build_site.widget_models(day1), v, "01_overview.ipynb") for v in views]
    pngs = [o for outs in shown for o in outs if "image/png" in o["data"]]
    assert pngs and all(base64_png(o["data"]["image/png"]) for o in pngs)
    notes = [outs[0]["data"]["text/html"] for outs in shown]
    assert any(" = " in note for note in notes), "the sliders' stored values are named"


def base64_png(text: str) -> bool:
    import base64

    return base64.b64decode(text)[:8] == b"\x89PNG\r\n\x1a\n"


def test_display_math_is_kept_on_one_line():
    text = "Insert:\n$$x = a\n+ b$$\nso $y$ stays."
    assert build_site.one_line_display_math(text) == "Insert:\n$$x = a + b$$\nso $y$ stays."


def test_the_landing_page_takes_the_readmes_days_and_commands():
    parts = build_site.readme_parts()
    assert "make notebook" in parts["commands"] and "make test" in parts["commands"]
    for day in DAYS:
        assert f"]({day}.ipynb)" in parts["days_table"]
    assert "notebooks/" not in parts["days_table"]


def test_the_map_of_each_day_is_found():
    for day in DAYS:
        text = build_site.day_map(load(day), f"{day}.ipynb")
        assert "|---" in text and "](#" not in text


def test_the_link_check_can_fail(tmp_path):
    (tmp_path / "a.html").write_text('<h1 id="top">A</h1><a name="old">x</a>')
    assert link_problem("/a.html", tmp_path) == ""
    assert link_problem("/a.html#top", tmp_path) == "" and link_problem("/a.html#old", tmp_path) == ""
    assert "no such file" in link_problem("/b.html", tmp_path)
    assert "no anchor #missing" in link_problem("/a.html#missing", tmp_path)
