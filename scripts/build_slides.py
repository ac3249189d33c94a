"""Write each day's lecture as reveal.js slides in build/slides/, to show on any laptop, offline.

    python scripts/build_slides.py [--out build/slides] [NOTEBOOK ...]

Called by `make slides`. The slides come from the notebooks as stored (never re-executed), with
`jupyter nbconvert --to slides` (nbconvert's SlidesExporter) and the course's template
(site/slides/: nbconvert's reveal template without anything from the internet). Each cell's
`slideshow` metadata decides where it goes: `slide`, `subslide` and `fragment` start a slide, a
vertical sub-slide or a step; `-` continues the slide above; `skip` cells are left out; `notes`
cells become the slide's speaker notes (press S in the browser). Cells tagged `instructor` are
always speaker notes, whatever their slide type. Each widget shows the figure it had when the
notebook was stored (a widget needs a kernel: present from the notebook with RISE to move it).

reveal.js and MathJax come from npm (site/package-lock.json, installed with `npm ci` into
site/node_modules/, as for make site) and are copied next to the HTML, so that build/slides/
works from a USB stick with no network: open build/slides/index.html.
"""

from __future__ import annotations

import argparse
import base64
import copy
import html
import shutil
import sys
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from build_site import (WIDGET_VIEW, copy_mathjax, node_package, size_mb, title_of,  # noqa: E402
                        widget_models, widget_parts)

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
TEMPLATES = ROOT / "site"          # the course's template is site/slides/
WIDTH, HEIGHT = 1280, 720          # a projector's 720p
# what the slides need of reveal.js: its style, the white theme (fonts inside), the script, speaker notes
REVEAL_PARTS = ["dist/reveal.css", "dist/theme/white.css", "dist/reveal.js", "dist/plugin/notes.js", "LICENSE"]


def tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def slide_type(cell) -> str:
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type", "-")


def static_widget(models: dict, view: dict) -> list:
    """Outputs showing what a widget showed when the notebook was stored: its figure, its controls."""
    controls, images = widget_parts(models, view.get("model_id", ""))
    note = ("<p class=\"static-widget-note\">Live in the notebook (present it with RISE to move it)"
            f"{': ' + html.escape('; '.join(controls)) if controls else ''}.</p>")
    outputs = [nbformat.v4.new_output("display_data", data={"image/png": base64.b64encode(png).decode(),
                                                            "text/plain": "<the widget's figure>"})
               for png in images]
    outputs.append(nbformat.v4.new_output("display_data", data={"text/html": note, "text/plain": note}))
    return outputs


def slides_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` as the slides show it; ``nb`` is not changed.

    Instructor cells become speaker notes, `skip` cells are left out, widgets become their stored
    figures and the widget state is dropped (its manager would come from a CDN).
    """
    nb = copy.deepcopy(nb)
    models = widget_models(nb)
    nb.metadata.pop("widgets", None)
    cells = []
    for cell in nb.cells:
        if "instructor" in tags(cell):
            cell.metadata.setdefault("slideshow", {})["slide_type"] = "notes"
        if slide_type(cell) == "skip":
            continue
        if cell.cell_type == "code":
            for i, output in reversed(list(enumerate(cell.get("outputs", [])))):
                view = output.get("data", {}).get(WIDGET_VIEW)
                if view is not None:
                    cell.outputs[i:i + 1] = static_widget(models, view)
        cells.append(cell)
    nb.cells = cells
    return nb


def exporter():
    """nbconvert's SlidesExporter with the course's template, every URL pointing next to the HTML."""
    from nbconvert import SlidesExporter
    from traitlets.config import Config

    config = Config()
    config.SlidesExporter.extra_template_basedirs = [str(TEMPLATES)]
    config.SlidesExporter.template_name = "slides"
    config.SlidesExporter.reveal_url_prefix = "reveal.js"
    config.SlidesExporter.reveal_theme = "white"
    config.SlidesExporter.reveal_transition = "none"
    config.SlidesExporter.reveal_number = "c/t"
    config.SlidesExporter.reveal_width = str(WIDTH)
    config.SlidesExporter.reveal_height = str(HEIGHT)
    config.SlidesExporter.mathjax_url = "mathjax/tex-chtml.js"
    # nothing from a CDN even if a template block asked for it (the course's template asks for none)
    for trait in ("require_js_url", "jquery_url", "mermaid_js_url", "jupyter_widgets_base_url",
                  "widget_renderer_url", "font_awesome_url"):
        config.SlidesExporter[trait] = ""
    config.SlidesExporter.exclude_input_prompt = True
    config.SlidesExporter.exclude_output_prompt = True
    return SlidesExporter(config=config)


def copy_reveal(out: Path) -> None:
    source = node_package("reveal.js")
    for part in REVEAL_PARTS:
        target = out / "reveal.js" / part
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / part, target)


def index_page(days: list[tuple[str, str, int]]) -> str:
    items = "\n".join(f'<li><a href="{html.escape(name)}">{html.escape(title)}</a> ({n} slides)</li>'
                      for name, title, n in days)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Machine learning for geoscientists: slides</title>
<style>body {{ font-family: sans-serif; max-width: 48em; margin: 3em auto; line-height: 1.5; }}</style>
</head><body>
<h1>Machine learning for geoscientists: the slides</h1>
<ul>
{items}
</ul>
<p>Keys: <kbd>Space</kbd> or the arrow keys to move, <kbd>S</kbd> for the speaker view with the
instructor's notes, <kbd>F</kbd> for full screen, <kbd>Esc</kbd> for an overview of the slides.
These slides show the figures as stored; to run cells and move the widgets, present the notebook
itself with RISE (see the README).</p>
</body></html>
"""


def build(paths, out: Path) -> list[tuple[str, str, int]]:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    copy_reveal(out)
    copy_mathjax(out)
    slides = exporter()
    days = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        body, _ = slides.from_notebook_node(slides_notebook(nb), resources={"metadata": {"name": path.stem}})
        name = f"{path.stem}.slides.html"
        (out / name).write_text(body, encoding="utf-8")
        shown = slides_notebook(nb).cells
        count = max(1, sum(slide_type(c) in ("slide", "subslide") for c in shown[1:]) + 1)
        days.append((name, title_of(nb), count))
        print(f"{(out / name).relative_to(ROOT) if out.is_relative_to(ROOT) else out / name}  ({count} slides)")
    (out / "index.html").write_text(index_page(days), encoding="utf-8")
    shutil.copy2(ROOT / "notebooks" / "glossary.md", out / "glossary.md")  # the days link to it
    return days


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "slides")
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    start = time.time()
    build(args.notebooks or NOTEBOOKS, args.out.resolve())
    print(f"Built the slides in {time.time() - start:.0f} s: {args.out}/ ({size_mb(args.out):.0f} MB). "
          f"Open {args.out}/index.html in a browser.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
