"""Stored outputs that any CPU reproduces: no float printed with more digits than carry meaning."""

import base64
import io
import json
import re
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from mlcourse.widgets import png_size

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
# Six or more decimals: a raw float or numpy array (numpy prints 8 digits, pandas 6), whose last
# digits change with the CPU's numeric kernels. Round it (f"{x:.3f}", df.round(3)).
LONG_FLOAT = re.compile(r"(?<![\w.:])-?\d+\.\d{6,}(?:e[+-]?\d+)?")
TEXT_MIMES = ("text/plain", "text/html", "text/markdown", "text/latex")


def text_outputs(cell) -> list[str]:
    out = []
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream":
            out.append("".join(output["text"]))
        for mime in TEXT_MIMES:
            value = output.get("data", {}).get(mime)
            if value is not None:
                out.append("".join(value) if isinstance(value, list) else value)
    return out


def long_floats(text: str) -> list[str]:
    return LONG_FLOAT.findall(text)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_printed_floats_are_rounded(notebook):
    cells = json.loads(notebook.read_text())["cells"]
    found = [f"code cell {i}: {hits[:3]}" for i, cell in enumerate(c for c in cells if c["cell_type"] == "code")
             for text in text_outputs(cell) if (hits := long_floats(text))]
    assert found == [], "round these printed numbers:\n" + "\n".join(found)


def test_the_rounding_check_can_fail():
    assert long_floats("array([0.12345679, 1.5])  rmse 0.251  f1=0.6666666666666666") == [
        "0.12345679", "0.6666666666666666"]
    assert long_floats("mlcourse 0.1.0, 12.5 km, 1e-06, 2009-08-24T00:20:03.000000Z") == []


def grid_searches_without_a_rule(source: str) -> list[str]:
    """GridSearchCV calls that keep scikit-learn's default choice, the best mean score alone."""
    calls = re.findall(r"GridSearchCV\((?:[^()]|\([^()]*\))*\)", source)
    return [call for call in calls if "refit=" not in call]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_every_grid_search_states_its_choice_rule(notebook):
    """The best mean alone lets noise (a seed, a split, a CPU's last bit) pick among equals."""
    cells = json.loads(notebook.read_text())["cells"]
    found = [call for cell in cells if cell["cell_type"] == "code"
             for call in grid_searches_without_a_rule("".join(cell["source"]))]
    assert found == [], "give these grid searches a refit rule (mlcourse.selection):\n" + "\n".join(found)


def test_the_choice_rule_check_can_fail():
    assert grid_searches_without_a_rule('GridSearchCV(m, {"a": [1, 2]}, cv=KFold(3))') != []
    assert grid_searches_without_a_rule('GridSearchCV(m, {"a": [1, 2]}, cv=KFold(3), refit=rule)') == []


# A projector shows 1280x720: a figure must fit beside the slide's title and a line of its code.
SLIDE_FIGURE = (1280, 560)


def figures_too_big(cells, limit=SLIDE_FIGURE) -> list[str]:
    code = [c for c in cells if c["cell_type"] == "code"]
    sizes = [(i, png_size(base64.b64decode(output["data"]["image/png"]))) for i, cell in enumerate(code)
             for output in cell.get("outputs", []) if "image/png" in output.get("data", {})]
    return [f"code cell {i}: {w}x{h} px" for i, (w, h) in sizes if w > limit[0] or h > limit[1]]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_figures_fit_a_projector_slide(notebook):
    found = figures_too_big(json.loads(notebook.read_text())["cells"])
    assert found == [], (f"make these figures at most {SLIDE_FIGURE[0]}x{SLIDE_FIGURE[1]} px "
                         "(figsize in inches x 100 dpi):\n" + "\n".join(found))


def test_the_figure_size_check_can_fail():
    def cell(figsize):
        fig = plt.figure(figsize=figsize, dpi=100)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        plt.close(fig)
        data = base64.b64encode(buffer.getvalue()).decode()
        return {"cell_type": "code", "outputs": [{"data": {"image/png": data}}]}

    assert figures_too_big([cell((12, 5)), cell((14, 4)), cell((11, 8.5))]) == [
        "code cell 1: 1400x400 px", "code cell 2: 1100x850 px"]
