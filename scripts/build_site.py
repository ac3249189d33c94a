"""Build the course website in build/site/: the four days with their stored outputs, offline.

    python scripts/build_site.py [--out build/site]

Called by `make site`. The notebooks are not re-executed: the site shows the outputs stored in
notebooks/*.ipynb. Nothing in the repository is changed; everything happens in a staging folder,
build/site-src/, which Sphinx (with myst-nb and sphinx-book-theme, the `site` extra) turns into
HTML:

- site/conf.py, site/index.md and site/_static/ are copied there;
- the landing page gets the README's table of the four days and its two commands;
- each notebook is copied with a few changes for readers without a kernel: solutions collapsed
  behind a "Show solution" toggle, a note above every exercise to run it in the notebook (with
  a link to the notebook file), each widget replaced by what it showed when the notebook was
  stored (its figure and the values of its controls: no widget JavaScript, which would come
  from the internet), and a link to the next day at the end;
- the glossary is copied beside the notebooks, so that their links to glossary.md resolve;
- a page gathers the map of each day;
- MathJax (npm package `mathjax`, pinned in site/package-lock.json, installed with `npm ci`
  into site/node_modules/, as is reveal.js for make slides) is copied into the site, so that
  math renders offline.

The original notebooks and the glossary are also copied into build/site/notebooks/, for
download. Exit status 1 if Sphinx reports a warning (a broken link, say).
"""

from __future__ import annotations

import argparse
import base64
import copy
import html
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
GLOSSARY = ROOT / "notebooks" / "glossary.md"
CLAIMS = ROOT / "docs" / "claims.md"  # written by make test-claims
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
# what the site needs of MathJax 3: the TeX-to-HTML component, the TeX extensions it loads on
# demand, its fonts, and the accessibility and menu parts it may load lazily
MATHJAX_PARTS = ["tex-chtml.js", "input/tex", "output/chtml", "a11y", "ui", "sre", "adaptors"]


# ---------------------------------------------------------------------------- MathJax
def node_package(name: str) -> Path:
    """site/node_modules/NAME at the version of site/package-lock.json, installed with `npm ci` when
    missing or stale (the site uses MathJax; make slides uses it and reveal.js)."""
    lock = json.loads((SITE / "package-lock.json").read_text())
    wanted = lock["packages"][f"node_modules/{name}"]["version"]
    installed = SITE / "node_modules" / name / "package.json"
    if not installed.exists() or json.loads(installed.read_text())["version"] != wanted:
        npm = shutil.which("npm")
        if npm is None:
            sys.exit(f"this build needs npm (Node.js) to install {name}: on Debian/Ubuntu "
                     "sudo apt-get install npm, on macOS brew install node")
        print(f"Installing {name} {wanted} with npm ci (site/node_modules/) ...", flush=True)
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=SITE, check=True)
    return SITE / "node_modules" / name


def mathjax_dir() -> Path:
    """site/node_modules/mathjax/es5 (see node_package)."""
    return node_package("mathjax") / "es5"


def copy_mathjax(static: Path) -> None:
    source, target = mathjax_dir(), static / "mathjax"
    for part in MATHJAX_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part)
        elif (source / part).exists():
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / part, target / part)
    shutil.copy2(source.parent / "LICENSE", target / "LICENSE")


# ---------------------------------------------------------------------------- notebooks
def markdown_cell(text: str, cell_id: str) -> dict:
    return {"cell_type": "markdown", "id": cell_id, "metadata": {}, "source": text}


def title_of(nb: dict) -> str:
    """The notebook's first heading, e.g. 'Day 1 · An overview of machine learning, ...'."""
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            match = re.search(r"^# (.+)$", "".join(cell["source"]), re.M)
            if match:
                return match.group(1).strip()
    raise ValueError("a notebook without a title (# heading)")


def widget_models(nb: dict) -> dict:
    return nb.get("metadata", {}).get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})


def widget_parts(models: dict, model_id: str) -> tuple[list[str], list[bytes]]:
    """The controls (as 'description: value' lines) and the PNG images of a widget and its children."""
    controls, images = [], []
    model = models.get(model_id)
    if model is None:
        return controls, images
    state, name = model.get("state", {}), model.get("model_name", "")
    if name == "ImageModel":
        for buffer in model.get("buffers", []):
            if buffer.get("path") == ["value"] and buffer.get("encoding") == "base64":
                images.append(base64.b64decode(buffer["data"]))
    elif "Slider" in name or name in ("DropdownModel", "RadioButtonsModel", "ToggleButtonsModel"):
        label = state.get("description") or "choice"
        if "_options_labels" in state:
            options = state["_options_labels"]
            index = state.get("index")
            if isinstance(index, int) and 0 <= index < len(options) and "Slider" not in name:
                controls.append(f"{label}: {options[index]} (one of {', '.join(options)})")
            elif isinstance(index, int) and 0 <= index < len(options):
                controls.append(f"{label} = {options[index]}")
            else:
                controls.append(f"{label}: one of " + "; ".join(options))
        elif "value" in state:
            controls.append(f"{label} = {state['value']}")
    for child in state.get("children", []):
        more_controls, more_images = widget_parts(models, str(child).removeprefix("IPY_MODEL_"))
        controls += more_controls
        images += more_images
    return controls, images


def static_widget(models: dict, view: dict, notebook_name: str) -> list[dict]:
    """Outputs that show what a widget showed when the notebook was stored, without JavaScript."""
    controls, images = widget_parts(models, view.get("model_id", ""))
    where = (f'<a class="reference download" href="notebooks/{notebook_name}" download>'
             f"{notebook_name}</a>")
    note = ("<p class=\"static-widget-note\"><strong>Interactive in the notebook.</strong> "
            f"Here, the widget as it was stored{': ' + html.escape('; '.join(controls)) if controls else ''}. "
            f"Run {where} in Jupyter to use it.</p>")
    outputs = [{"output_type": "display_data", "metadata": {},
                "data": {"text/html": note, "text/plain": "Interactive in the notebook."}}]
    for png in images:
        outputs.append({"output_type": "display_data", "metadata": {},
                        "data": {"image/png": base64.b64encode(png).decode("ascii"),
                                 "text/plain": "<the widget's figure>"}})
    return outputs


DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.S)


def one_line_display_math(text: str) -> str:
    """Each $$...$$ on one line. Jupyter reads math before Markdown; MyST reads Markdown first, so a
    line inside display math that starts with '+ ' would become a list item there."""
    return DISPLAY_MATH.sub(lambda m: "$$" + " ".join(m.group(1).split("\n")) + "$$", text)


def site_notebook(nb: dict, name: str, next_day: tuple[str, str] | None) -> dict:
    """A copy of ``nb`` as the site shows it (see the module docstring); ``nb`` is not changed."""
    nb = copy.deepcopy(nb)
    models = widget_models(nb)
    nb["metadata"].pop("widgets", None)  # no widget manager: it would come from a CDN
    download = (f'<a class="reference download" href="notebooks/{name}" download>'
                f"<code>{name}</code></a>")
    cells = []
    for cell in nb["cells"]:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell["cell_type"] == "markdown":
            cell["source"] = one_line_display_math("".join(cell["source"]))
        if cell["cell_type"] == "code":
            for i, output in reversed(list(enumerate(cell.get("outputs", [])))):
                view = output.get("data", {}).get(WIDGET_VIEW)
                if view is not None:
                    cell["outputs"][i:i + 1] = static_widget(models, view, name)
        if "exercise" in tags:
            cells.append(markdown_cell(
                "```{admonition} Run this in the notebook to get feedback\n:class: tip exercise-note\n"
                f"Open {download} in Jupyter, fill in the cell below and run it: the check under it "
                "tells you whether your answer is right and gives a hint when it is not.\n```",
                f"site-exercise-note-{len(cells)}"))
        if "solution" in tags:
            kind = "sample solution" if "stretch" in tags else "solution"
            cell["metadata"] = {**cell["metadata"], "tags": [*tags, "hide-cell"],
                                "mystnb": {"code_prompt_show": f"Show {kind}",
                                           "code_prompt_hide": f"Hide {kind}"}}
        cells.append(cell)
    if next_day is not None:
        target, title = next_day
        cells.append(markdown_cell(f"---\n\n**Next:** [{title}]({target})", "site-next-day"))
    else:
        cells.append(markdown_cell("---\n\n**That was the last day.** Back to the "
                                   "[course overview](index.md), or the [glossary](glossary.md).",
                                   "site-next-day"))
    nb["cells"] = cells
    return nb


def day_map(nb: dict, name: str) -> str:
    """The notebook's map of the day (a cell that starts with 'Map of the day'), its links into the notebook
    made to point there from another page."""
    for cell in nb["cells"]:
        text = "".join(cell["source"]).strip() if cell["cell_type"] == "markdown" else ""
        first, _, rest = text.partition("\n")
        if re.match(r"(#+ |\*\*)Map of the day", first):
            text = rest.strip() if first.startswith("#") else text
            return text.replace("](#", f"]({name}#")
    raise ValueError(f"{name} has no map of the day (a markdown cell starting with 'Map of the day')")


def maps_page(days: list[tuple[str, dict]]) -> str:
    parts = ["# The map of each day\n",
             "Each day's notebook opens with this map: its sections, the minutes each one takes in "
             "the lecture and in the hands-on part, its exercises, and where an instructor can stop "
             "a live demo.\n"]
    for name, nb in days:
        parts.append(f"## {title_of(nb)}\n\n[The day's page]({name}).\n\n{day_map(nb, name)}\n")
    return "\n".join(parts)


# ---------------------------------------------------------------------------- landing page
def readme_parts() -> dict[str, str]:
    """The README's two commands and its table of the four days, with links to the site's pages."""
    readme = (ROOT / "README.md").read_text()
    commands = readme.split("```")[1].split("\n", 1)[1].strip()
    days = readme.split("## The four days", 1)[1].split("\n## ", 1)[0]
    table = "\n".join(line for line in days.splitlines() if line.startswith("|"))
    table = re.sub(r"\[`notebooks/(\d\d_\w+)\.ipynb`\]\(notebooks/\1\.ipynb\)", r"[`\1`](\1.ipynb)", table)
    if "notebooks/" in table:
        raise ValueError("the README's table links to a notebook in a form this script does not know")
    return {"commands": commands, "days_table": table}


def landing_page(template: str) -> str:
    parts = readme_parts()
    for key, value in parts.items():
        template = template.replace("{{ " + key + " }}", value)
    leftover = re.findall(r"\{\{ *\w+ *\}\}", template)
    if leftover:
        raise ValueError(f"site/index.md has placeholders this script does not fill: {leftover}")
    return template


# ---------------------------------------------------------------------------- build
def stage(staging: Path) -> None:
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    for source in SITE.glob("*.py"):  # conf.py and the helpers it imports
        shutil.copy2(source, staging / source.name)
    shutil.copytree(SITE / "_static", staging / "_static")
    copy_mathjax(staging / "_static")
    (staging / "index.md").write_text(landing_page((SITE / "index.md").read_text()))
    shutil.copy2(GLOSSARY, staging / "glossary.md")
    shutil.copy2(CLAIMS, staging / "claims.md")
    days = [(path.name, json.loads(path.read_text())) for path in NOTEBOOKS]
    (staging / "maps.md").write_text(maps_page(days))
    for i, (name, nb) in enumerate(days):
        following = days[i + 1] if i + 1 < len(days) else None
        next_day = (following[0], title_of(following[1])) if following else None
        (staging / name).write_text(json.dumps(site_notebook(nb, name, next_day), indent=1))
    # the notebooks themselves, unchanged, for download (html_extra_path in conf.py)
    downloads = staging / "_extra" / "notebooks"
    downloads.mkdir(parents=True)
    for path in [*NOTEBOOKS, GLOSSARY]:
        shutil.copy2(path, downloads / path.name)


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "site")
    args = parser.parse_args()
    start = time.time()
    staging = ROOT / "build" / "site-src"
    stage(staging)
    if args.out.exists():
        shutil.rmtree(args.out)
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "--keep-going",
               "-d", str(ROOT / "build" / "site-doctrees"), str(staging), str(args.out)]
    if subprocess.run(command).returncode != 0:
        print("make site: Sphinx reported problems (above); the site in "
              f"{args.out.relative_to(ROOT)} may be incomplete.", file=sys.stderr)
        return 1
    # what a reader never loads: the theme's source maps, and the empty folder of page sources
    for source_map in args.out.glob("_static/**/*.map"):
        source_map.unlink()
    if (args.out / "_sources").is_dir() and not any((args.out / "_sources").iterdir()):
        (args.out / "_sources").rmdir()
    print(f"Built the course site in {time.time() - start:.0f} s: {args.out.relative_to(ROOT)}/ "
          f"({size_mb(args.out):.0f} MB). Open {args.out.relative_to(ROOT)}/index.html in a browser.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
