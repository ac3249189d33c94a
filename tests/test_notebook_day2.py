"""Day 2 notebook: every number its conclusions quote is one that a cell above prints."""

import ast
import json
import re
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "02_geoscience.ipynb"
# the markdown cells that state results: section 6's conclusion, the regions, Gutenberg-Richter, summary
CLAIMS = ["burst-note", "template-note", "conclusion-6", "shared-rate-read", "cell-040", "cell-042", "cell-050",
          "where-next", "summary",
          # the instructor notes that hold the detailed numbers
          "burst-instructor", "template-instructor", "conclusion-instructor", "picking-instructor",
          "clusters-instructor", "gr-instructor"]
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


# ---- the three audiences: students, the instructor, the slides ------------------------------------

def words(src):
    """Student-facing words of a markdown cell, counted as the course counts them."""
    src = re.sub(r"```.*?```", " ", src, flags=re.S)
    src = re.sub(r"\$\$.*?\$\$", " ", src, flags=re.S)
    src = re.sub(r"\$[^$]*\$|`[^`]*`|<[^>]+>", " ", src)
    return len(src.split())


def _tags(cell):
    return cell["metadata"].get("tags", [])


def test_student_text_fits_the_day():
    """At most 3,750 words in the notebook, so that the student copy, with its solution blocks, stays under 4,000."""
    student = [c for c in _cells() if c["cell_type"] == "markdown" and "instructor" not in _tags(c)]
    assert sum(words("".join(c["source"])) for c in student) <= 3750


def test_instructor_box_follows_the_title_and_instructor_cells_are_notes():
    cells = _cells()
    box = "".join(cells[1]["source"])
    assert "instructor" in _tags(cells[1]) and box.startswith("**Instructor box.**")
    for part in ("*Timing plan*", "*Demo live.*", "*Where students get stuck.*", "*Skip when time runs short.*"):
        assert part in box
    for cell in cells:
        if "instructor" in _tags(cell):
            assert cell["cell_type"] == "markdown" and cell["metadata"]["jupyter"]["source_hidden"]
            assert cell["metadata"]["slideshow"]["slide_type"] == "notes"
            assert re.match(r"\*\*Instructor (note|box)", "".join(cell["source"]))


def test_every_cell_has_a_slide_type_and_exercises_are_skipped():
    kinds = [c["metadata"].get("slideshow", {}).get("slide_type") for c in _cells()]
    assert all(k in ("slide", "subslide", "fragment", "skip", "notes", "-") for k in kinds)
    for cell, kind in zip(_cells(), kinds):
        if {"exercise", "solution"} & set(_tags(cell)):
            assert kind == "skip"
    assert 30 <= sum(k in ("slide", "subslide") for k in kinds) <= 60


def test_the_map_adds_up():
    cell = next(c for c in _cells() if "map" in _tags(c))
    text = "".join(cell["source"])
    rows = [line for line in text.splitlines() if line.startswith("|")]
    assert rows[0] == "| section | lecture (min) | reading (min) | hands-on (min) | exercises |"
    body, total = rows[2:-1], rows[-1]
    columns = [[int(v) if v.strip() else 0 for v in row.split("|")[2:5]] for row in body]
    sums = [sum(col) for col in zip(*columns)]
    assert total.split("|")[1].strip() == "**total**"
    assert [int(v.strip().strip("*")) for v in total.split("|")[2:5]] == sums
    lecture, reading, hands_on = sums
    assert 55 <= lecture <= 65 and hands_on <= 90 and lecture + hands_on <= 150 and reading + hands_on <= 150
    assert (f"In class: {lecture} min of lecture and {hands_on} of hands-on; alone at home: {reading} min of "
            f"reading and {hands_on} of exercises.") in text


def test_each_stretch_task_has_a_cell_to_work_in_and_a_collapsed_sample_solution():
    cells = _cells()
    tasks = [i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and "stretch" in _tags(c)]
    assert len(tasks) >= 2
    for i in tasks:
        work, solution = cells[i + 1], cells[i + 2]
        assert {"exercise", "stretch"} <= set(_tags(work)) and work["cell_type"] == "code"
        assert {"solution", "stretch"} <= set(_tags(solution)) and solution["metadata"]["jupyter"]["source_hidden"]


def _assigned(source):
    """Top-level names a cell assigns or defines."""
    names = set()
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        for target in getattr(node, "targets", [getattr(node, "target", None)]):
            for leaf in ast.walk(target) if target is not None else []:
                if isinstance(leaf, ast.Name):
                    names.add(leaf.id)
    return names


def test_no_later_cell_rebinds_a_name_an_exercise_defines():
    asked, problems = set(), []
    for cell in _cells():
        if cell["cell_type"] != "code":
            continue
        source = "\n".join(line for line in "".join(cell["source"]).splitlines() if not line.startswith("%"))
        tags = _tags(cell)
        if "exercise" in tags:
            asked |= _assigned(source)
        elif "solution" not in tags:
            problems += sorted(_assigned(source) & asked)
    assert not problems, f"later cells rebind the students' names: {problems}"
