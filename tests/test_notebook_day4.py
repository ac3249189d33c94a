"""Day 4 notebook as stored: the published coefficients are reproduced, and the day keeps its promises."""

import json
import re
from pathlib import Path

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "04_random_forests.ipynb"


def cells():
    return json.loads(NOTEBOOK.read_text())["cells"]


def text_of(cell) -> str:
    out = []
    for o in cell.get("outputs", []):
        out.append("".join(o.get("text", "")) + "".join(o.get("data", {}).get("text/plain", "")))
    return "".join(out)


def by_id(cell_id):
    return next(c for c in cells() if c.get("id") == cell_id)


def test_two_stage_coefficients_printed_match_the_paper():
    printed = text_of(by_id("d4-81-check"))
    assert "a = -1.02, b = 0.249, c = -0.00255, h = 7.3" in printed
    assert "same as printed in the paper: True" in printed
    assert "✔ Claim holds: the two-stage method reproduces" in printed
    table = text_of(by_id("d4-81-fit"))
    assert "stage 2 used 17 of the 23 earthquakes" in table


def test_at_least_three_function_exercises_and_two_stretch_tasks():
    tags = [c.get("metadata", {}).get("tags", []) for c in cells()]
    sources = ["".join(c["source"]) for c in cells()]
    functions = [s for s, t in zip(sources, tags) if "exercise" in t and s.lstrip().startswith("def ")]
    assert len(functions) >= 3
    stretch_tasks = [t for t in tags if "stretch" in t and "solution" not in t]
    stretch_solutions = [t for t in tags if "stretch" in t and "solution" in t]
    assert len(stretch_tasks) >= 2 and len(stretch_solutions) >= 2


def test_map_glossary_and_clickable_dois():
    markdown = "\n".join("".join(c["source"]) for c in cells() if c["cell_type"] == "markdown")
    assert "**Map of the day**" in markdown and markdown.count("](glossary.md)") >= 2
    dois = re.findall(r"doi:(10\.\S+?)\]\(https://doi\.org/(10\.\S+?)\)", markdown)
    assert len(dois) >= 8 and all(a == b for a, b in dois)
    bare = re.findall(r"(?<!\[)doi:10\.\S+", markdown)
    assert not bare, f"DOIs that are not links: {bare}"


def test_the_comparison_has_a_baseline_and_event_bootstrap_intervals():
    scores = text_of(by_id("cell-040"))
    assert "mean (baseline)" in scores and "mean RMSE per earthquake" in scores
    assert "95% interval (event bootstrap)" in text_of(by_id("d4-82-boot"))


def test_the_cause_of_the_one_stage_difference_is_printed():
    printed = text_of(by_id("d4-81-cause"))
    for line in ["one-stage without event 19", "every earthquake weighted alike", "two-stage without event 19",
                 "correlation of M and log10 R"]:
        assert line in printed
    assert "Imperial Valley records: the cell above shows" in "".join(by_id("d4-81-why")["source"]).replace("\n", " ")


def test_per_earthquake_intervals_and_no_tuning_on_the_left_out_earthquakes():
    assert "per earthquake: 95% interval (event bootstrap)" in text_of(by_id("d4-82-boot"))
    # Exercise 8.2 compares like with like: one forest, 5 folds either way (records at random, or whole
    # earthquakes), each split run five times, so that the mean, not one noisy run, decides
    source = "".join(by_id("d4-82-split")["source"])
    assert "KFold(5, shuffle=True" in source and "GroupKFold(5, shuffle=True" in source
    assert "generate_state(5)" in source and "np.mean" in source
    printed = text_of(by_id("d4-82-split"))
    random_mean = float(re.search(r"^random 5-fold\s+(\d\.\d{3})\s*$", printed, re.M).group(1))
    grouped_mean = float(re.search(r"^5-fold by earthquake\s+(\d\.\d{3})\s*$", printed, re.M).group(1))
    assert random_mean < grouped_mean  # the random split is the optimistic one


def test_no_private_names_and_a_map_that_adds_up():
    code = "\n".join("".join(c["source"]) for c in cells() if c["cell_type"] == "code")
    assert not re.search(r"check\._", code)
    source = "".join(by_id("d4-map")["source"])
    assert "map" in by_id("d4-map")["metadata"]["tags"]
    assert "| section | lecture (min) | reading (min) | hands-on (min) | exercises |" in source
    rows = re.findall(r"^\| (\d\.[^|]*) \| (\d*) \| (\d*) \| (\d*) \|", source, re.M)
    total = re.search(r"^\| \*\*total\*\* \| \*\*(\d+)\*\* \| \*\*(\d+)\*\* \| \*\*(\d+)\*\* \|", source, re.M)
    sums = [sum(int(row[i] or 0) for row in rows) for i in (1, 2, 3)]
    lecture, reading, hands_on = (int(x) for x in total.groups())
    assert sums == [lecture, reading, hands_on] and lecture == 60 and hands_on <= 90
    assert lecture + hands_on <= 150 and reading + hands_on <= 150
    assert (f"In class: {lecture} min of lecture and {hands_on} of hands-on; alone at home: {reading} min "
            f"of reading and {hands_on} of exercises.") in source


def test_instructor_cells_are_collapsed_notes_and_every_cell_has_a_slide_type():
    all_cells = cells()
    assert all_cells[1]["source"][0].startswith("**Instructor box.**")
    for cell in all_cells:
        meta = cell["metadata"]
        assert meta.get("slideshow", {}).get("slide_type") in {"slide", "subslide", "fragment", "skip", "notes", "-"}
        if "instructor" in meta.get("tags", []):
            assert cell["cell_type"] == "markdown" and meta["jupyter"]["source_hidden"]
            assert meta["slideshow"]["slide_type"] == "notes" and "".join(cell["source"]).startswith("**")


def test_every_stretch_task_has_a_cell_to_work_in_and_a_collapsed_solution():
    tags = [c["metadata"].get("tags", []) for c in cells()]
    tasks = [i for i, t in enumerate(tags) if "stretch" in t and cells()[i]["cell_type"] == "markdown"]
    for i in tasks:
        following = [t for t in tags[i + 1:i + 4]]
        assert ["exercise", "stretch"] in following and ["solution", "stretch"] in following


def test_the_near_source_gap_is_printed_before_the_text_that_uses_it():
    assert "records closer than 12 km" in text_of(by_id("d4-84-near"))
    ids = [c.get("id") for c in cells()]
    assert ids.index("d4-84-near") < ids.index("d4-84-md")
