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
import http.server
import json
import re
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "build" / "site"
SCREENSHOTS = ROOT / "build" / "screenshots"
sys.path.insert(0, str(ROOT / "scripts"))
from browser_check import CHROMIUM, CHROMIUM_ARGS, browser_available  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
DAYS = [p.stem for p in NOTEBOOKS]
PAGES = sorted(p.name for p in SITE.glob("*.html"))
MISSING = ("the site is not built (make site)" if not (SITE / "index.html").exists()
           else browser_available())


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


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


def link_problem(href: str, base: str) -> str:
    """'' when ``href`` (absolute, inside the site) names an existing file, and an existing id for #anchor."""
    url, fragment = urldefrag(href)
    path = SITE / unquote(urlparse(url).path).lstrip("/")
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
        from playwright.sync_api import sync_playwright

        handler = functools.partial(_Quiet, directory=str(SITE))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        blocked, reports = [], {}
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                context = browser.new_context(viewport={"width": 1280, "height": 800})

                def only_the_site(route):
                    if route.request.url.startswith(origin + "/"):
                        route.continue_()
                    else:
                        blocked.append(route.request.url)
                        route.abort()

                context.route("**/*", only_the_site)
                for name in PAGES:
                    page, failed = context.new_page(), []
                    page.on("requestfailed", lambda r, f=failed: f.append(f"{r.url} ({r.failure})"))
                    page.on("response", lambda r, f=failed: r.status >= 400 and f.append(f"{r.url} ({r.status})"))
                    page.goto(f"{origin}/{name}", wait_until="load")
                    state = page.evaluate(PAGE_STATE)
                    if Path(name).stem in DAYS:  # the day's first screen, as a student opens it
                        page.evaluate("window.scrollTo(0, 0)")
                        page.screenshot(path=str(SCREENSHOTS / f"site-{Path(name).stem}.png"))
                    reports[name] = {**state, "failed": failed}
                    page.close()
                # search: Sphinx's index, run in the page
                page = context.new_page()
                page.goto(f"{origin}/search.html?q=gini", wait_until="load")
                results = page.locator("#search-results li a, .search li a")
                results.first.wait_for(timeout=20_000)
                reports["search for gini"] = {"results": results.evaluate_all("as => as.map(a => a.href)")}
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
        return {"origin": origin, "blocked": blocked, "pages": reports}

    def test_the_landing_page_days_maps_and_glossary_are_there(self):
        assert {"index.html", "maps.html", "glossary.html", "search.html"} <= set(PAGES)
        assert {f"{day}.html" for day in DAYS} <= set(PAGES) and len(DAYS) == 4

    def test_no_request_leaves_the_site(self, visits):
        assert visits["blocked"] == []

    @pytest.mark.parametrize("name", PAGES)
    def test_page_loads_every_request_and_image(self, visits, name):
        report = visits["pages"][name]
        assert report["failed"] == []
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
        problems = [p for href in sorted(links) if (p := link_problem(href[len(origin):], origin))]
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
