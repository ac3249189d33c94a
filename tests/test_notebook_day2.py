"""Day 2 notebook: every number its conclusions quote is one that a cell above prints."""

import json
import re
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "02_geoscience.ipynb"
# the markdown cells that state results: section 6's conclusion, the regions, Gutenberg-Richter, summary
CLAIMS = ["burst-note", "template-note", "conclusion-6", "cell-040", "cell-042", "cell-050", "where-next"]
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
    prose = re.sub(r"(?i)\b(exercise|stretch)\s+\d+\.\d+", "", prose)  # references to exercises
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


def test_templates_start_at_the_p_onset():
    """The AIC onset of each template lies within 0.3 s of ObsPy's AR pick (not at a noise blip before it)."""
    cell = next(c for c in _cells() if c.get("id") == "cell-015")
    text = "".join("".join(o.get("text", "")) for o in cell["outputs"])
    pairs = re.findall(r"AIC onset (\d+\.\d+) s, ObsPy's AR pick (\d+\.\d+) s", text)
    assert len(pairs) == 2
    for aic, ar in pairs:
        assert abs(float(aic) - float(ar)) < 0.3


def test_both_tests_cover_four_detectors_five_seeds_and_both_directions():
    """The headline table: known and unseen event, each direction, four detectors, spreads over five seeds."""
    cells = {c.get("id"): c for c in _cells()}
    assert "for seed in range(5)" in "".join(cells["cross-code"]["source"])
    text = "".join("".join(o.get("data", {}).get("text/plain", "")) for o in cells["cross-code"]["outputs"])
    for test in ("known event", "unseen event"):
        assert text.count(test) == 2, f"{test} should appear once per direction"
    for detector in ("STA/LTA", "features + MLP", "CNN", "template matching"):
        assert text.count(detector) == 4
    assert len(re.findall(r"\d\.\d\d ± \d\.\d\d", text)) == 32   # recall and false alarms, mean ± sd, 16 rows


def test_the_seisbench_cell_is_shown_not_run():
    cells = {c.get("id"): c for c in _cells()}
    assert cells["where-next"]["cell_type"] == "markdown"
    assert "```python" in "".join(cells["where-next"]["source"])
    assert not any("seisbench" in "".join(c["source"]) for c in _cells() if c["cell_type"] == "code")
