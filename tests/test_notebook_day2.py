"""Day 2 notebook: every number its conclusions quote is one that a cell above prints."""

import json
import re
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "02_geoscience.ipynb"
# the markdown cells that state results: section 6's conclusion, the regions, Gutenberg-Richter, summary
CLAIMS = ["conclusion-6", "cell-042", "cell-050", "where-next"]
NUMBER = re.compile(r"(?<![\w.])-?\d+\.\d+")


def _cells():
    return json.loads(NOTEBOOK.read_text())["cells"]


def _printed(cells):
    """Every decimal number in the text outputs of ``cells``, at 1, 2 and 3 decimals."""
    out = set()
    for cell in cells:
        for output in cell.get("outputs", []):
            text = "".join(output.get("text", "")) + "".join(output.get("data", {}).get("text/plain", ""))
            for number in NUMBER.findall(text):
                for digits in (1, 2, 3):
                    out.add(f"{abs(float(number)):.{digits}f}")
    return out


def _quoted(markdown):
    prose = re.sub(r"```.*?```", "", markdown, flags=re.S)        # code shown, not run
    prose = re.sub(r"^#.*$", "", prose, flags=re.M)                # headings: "Exercise 8.1"
    prose = re.sub(r"\]\(https?://[^)]*\)", "]", prose)            # DOIs in links
    prose = re.sub(r"doi:\S+", "", prose)
    return [n.lstrip("-") for n in NUMBER.findall(prose)]


@pytest.mark.parametrize("cell_id", CLAIMS)
def test_every_quoted_number_is_printed_above(cell_id):
    cells = _cells()
    index = next(i for i, c in enumerate(cells) if c.get("id") == cell_id)
    printed = _printed(cells[:index])
    missing = [n for n in _quoted("".join(cells[index]["source"])) if n not in printed]
    assert not missing, f"{cell_id} quotes numbers no cell above prints: {missing}"


def test_thresholds_are_chosen_on_validation_only():
    sources = {c.get("id"): "".join(c["source"]) for c in _cells()}
    assert "val_onsets" in sources["choose-code"] and "test_onsets" not in sources["choose-code"]
    # the test cell applies the chosen thresholds and chooses none
    assert "chosen[name]" in sources["test-code"] and "choose_threshold" not in sources["test-code"]
    assert "f1_of" not in sources["test-code"]
