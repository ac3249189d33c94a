"""The course's text rules, per day: a day's reading fits its time, instructor notes stay out of the
students' way, the lecture carries its slides, and the map of the day adds up.

Each rule is a function that returns the problems it finds (an empty list when the rule holds). It is
checked on every day's notebook, and on small synthetic notebooks built here: one that keeps every
rule, and for each rule one that breaks it, so that each check is seen to pass and to fail.

(a) the student copy's words (scripts/course_text.py counts them) are within the day's budget;
(b) a student copy holds no instructor cell;
(c) every instructor cell is collapsed, a speaker note (slide_type notes), its first line a bold label;
(d) the instructor box is the first instructor cell, within the first 4 cells, with its four parts;
(e) every cell has slideshow metadata, and the day has at least 15 slides;
(f) the map (the cell tagged `map`) adds up: each column sums to its total, the reading total is within
    3 minutes of the student copy's words / 150, lecture + hands-on <= 150, reading + hands-on <= 150,
    and the sentence under it repeats the totals.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from course_text import (MINUTE_COLUMNS, WORDS_PER_MINUTE, budget, minutes, notebook_words,  # noqa: E402
                         read_map)
from student_copies import student_copy  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}
MIN_SLIDES = 15
BOX_PARTS = {"timing plan": ("timing",), "what to demo live": ("demo",),
             "where students get stuck": ("stuck",), "what to skip": ("skip", "time runs short")}


def tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def first_line(cell) -> str:
    return next((line.strip() for line in cell.source.splitlines() if line.strip()), "")


# ---------------------------------------------------------------------------- the rules
def word_problems(nb, limit: int) -> list[str]:
    """(a) The student copy's words within ``limit``."""
    count = notebook_words(student_copy(nb))
    return [] if count <= limit else [f"the student copy has {count:,} words, over the budget of {limit:,}"]


def student_copy_problems(nb, make_copy=student_copy) -> list[str]:
    """(b) No instructor cell in the student copy (``make_copy`` makes it)."""
    left = [i for i, c in enumerate(make_copy(nb).cells) if "instructor" in tags(c)]
    return [f"the student copy keeps instructor cells {left}"] if left else []


def instructor_cell_problems(nb) -> list[str]:
    """(c) Each instructor cell: markdown, collapsed, a speaker note, its first line a bold label."""
    problems = []
    for i, cell in enumerate(nb.cells):
        if "instructor" not in tags(cell):
            continue
        if cell.cell_type != "markdown":
            problems.append(f"instructor cell {i} is a {cell.cell_type} cell, not markdown")
        if not cell.metadata.get("jupyter", {}).get("source_hidden"):
            problems.append(f"instructor cell {i} is not collapsed (jupyter.source_hidden)")
        kind = cell.metadata.get("slideshow", {}).get("slide_type")
        if kind != "notes":
            problems.append(f"instructor cell {i} has slide_type {kind!r}, not 'notes'")
        line = first_line(cell)
        if not (line.startswith("**") and line.count("**") >= 2 and len(line.split("**")[1].strip()) > 0):
            problems.append(f"instructor cell {i} does not start with a bold label: {line[:60]!r}")
    return problems


def instructor_box_problems(nb) -> list[str]:
    """(d) The first instructor cell is the instructor box, within the first 4 cells, with its four parts."""
    found = [i for i, c in enumerate(nb.cells) if "instructor" in tags(c)]
    if not found:
        return ["no instructor cell, so no instructor box"]
    i = found[0]
    box = nb.cells[i]
    problems = []
    if i >= 4:
        problems.append(f"the first instructor cell is cell {i}, not within the first 4 cells")
    if not box.source.lstrip().startswith("**Instructor box.**"):
        problems.append(f"the first instructor cell does not start '**Instructor box.**': {first_line(box)[:60]!r}")
    text = box.source.lower()
    missing = [part for part, words in BOX_PARTS.items() if not any(w in text for w in words)]
    if missing:
        problems.append(f"the instructor box does not say: {', '.join(missing)}")
    return problems


def slide_problems(nb, at_least: int = MIN_SLIDES) -> list[str]:
    """(e) Every cell has a slideshow entry of a known type; at least ``at_least`` cells start a slide or sub-slide."""
    problems = []
    missing = [i for i, c in enumerate(nb.cells) if "slide_type" not in c.metadata.get("slideshow", {})]
    if missing:
        problems.append(f"{len(missing)} cells have no slideshow metadata, e.g. cells {missing[:8]}")
    unknown = sorted({c.metadata["slideshow"]["slide_type"] for c in nb.cells
                      if c.metadata.get("slideshow", {}).get("slide_type", "-") not in SLIDE_TYPES})
    if unknown:
        problems.append(f"unknown slide types {unknown}")
    slides = sum(c.metadata.get("slideshow", {}).get("slide_type") in ("slide", "subslide") for c in nb.cells)
    if slides < at_least:
        problems.append(f"{slides} slide and sub-slide cells, fewer than {at_least}")
    return problems


def map_problems(nb) -> list[str]:
    """(f) The map of the day adds up, and fits the day."""
    maps = [c for c in nb.cells if "map" in tags(c)]
    if len(maps) != 1:
        return [f"{len(maps)} cells tagged 'map', not one"]
    try:
        table = read_map(maps[0].source)
        sums = {col: sum(minutes(row.get(col, "")) for row in table["rows"]) for col in MINUTE_COLUMNS}
        totals = {col: minutes(table["total"][col]) for col in MINUTE_COLUMNS}
    except ValueError as err:
        return [f"the map cannot be read: {err}"]
    problems = [f"the {col} column sums to {sums[col]}, its total says {totals[col]}"
                for col in MINUTE_COLUMNS if sums[col] != totals[col]]
    lecture, reading, hands_on = (totals[c] for c in MINUTE_COLUMNS)
    words = notebook_words(student_copy(nb))
    if abs(reading - words / WORDS_PER_MINUTE) > 3:
        problems.append(f"the reading total is {reading} min, but the student copy's {words:,} words take "
                        f"{words / WORDS_PER_MINUTE:.1f} min at {WORDS_PER_MINUTE} words a minute")
    if lecture + hands_on > 150:
        problems.append(f"lecture + hands-on = {lecture} + {hands_on} = {lecture + hands_on} min, over 150")
    if reading + hands_on > 150:
        problems.append(f"reading + hands-on = {reading} + {hands_on} = {reading + hands_on} min, over 150")
    if table["sentence"] is None:
        problems.append("no sentence 'In class: N min of lecture and M of hands-on; alone at home: R min of "
                        "reading and M of exercises.' under the map")
    elif table["sentence"] != (lecture, hands_on, reading, hands_on):
        problems.append(f"the sentence under the map says {table['sentence']} (lecture, hands-on, reading, "
                        f"exercises), the table {(lecture, hands_on, reading, hands_on)}")
    return problems


# ---------------------------------------------------------------------------- the days
def load(path):
    return nbformat.read(path, as_version=4)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_student_copy_words_within_budget(path):
    nb = load(path)
    print(f"{path.name}: {notebook_words(student_copy(nb)):,} words in the student copy "
          f"(budget {budget(path):,})")
    assert word_problems(nb, budget(path)) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_b_no_instructor_cell_in_the_student_copy(path):
    assert student_copy_problems(load(path)) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_c_instructor_cells_collapsed_speaker_notes_with_a_label(path):
    assert instructor_cell_problems(load(path)) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_d_instructor_box_first_with_its_four_parts(path):
    assert instructor_box_problems(load(path)) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_e_every_cell_has_slideshow_metadata_and_enough_slides(path):
    assert slide_problems(load(path)) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_f_the_map_adds_up(path):
    assert map_problems(load(path)) == []


# ---------------------------------------------------------------------------- the rules can pass and fail
INSTRUCTOR = {"tags": ["instructor"], "jupyter": {"source_hidden": True}, "slideshow": {"slide_type": "notes"}}
BOX = ("**Instructor box.** Timing plan: 60 min of lecture, then the exercises. Demo live: the widget. "
       "Where students get stuck: the shapes. What to skip when time runs short: section 3.")
MAP = """### Map of the day

| section | lecture (min) | reading (min) | hands-on (min) | exercises |
|---|---|---|---|---|
| 1. Ideas | 40 | 1 | 10 | 1.1 |
| 2. Practice | 20 | 1 | 20 | 2.1, 2.2 |
| **total** | **60** | **2** | **30** | 3 |

In class: 60 min of lecture and 30 of hands-on; alone at home: 2 min of reading and 30 of exercises."""


def cell(kind, source, slide="-", **metadata):
    make = nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell
    return make(source, metadata={"slideshow": {"slide_type": slide}, **copy.deepcopy(metadata)})


def good_notebook() -> nbformat.NotebookNode:
    """A small day that keeps every rule: 16 slides of about 20 words, a box, a note, a map, an exercise."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [cell("markdown", "# Day 9 · A small day", "slide"),
                nbformat.v4.new_markdown_cell(BOX, metadata=copy.deepcopy(INSTRUCTOR)),
                cell("markdown", MAP, "slide", tags=["map"])]
    for k in range(15):
        nb.cells.append(cell("markdown", f"## Idea {k}\n\n" + "A neuron weighs its inputs and adds a bias. " * 2,
                             "slide"))
        nb.cells.append(cell("code", f"x{k} = {k}"))
    nb.cells += [nbformat.v4.new_markdown_cell("**Instructor note: the common slip.** Say the shapes aloud.",
                                               metadata=copy.deepcopy(INSTRUCTOR)),
                 cell("code", "answer = ...", "skip", tags=["exercise"]),
                 cell("code", "answer = 42", "skip", tags=["solution"], jupyter={"source_hidden": True})]
    return nb


def test_the_good_synthetic_notebook_keeps_every_rule():
    nb = good_notebook()
    assert 250 < notebook_words(student_copy(nb)) < 450  # reading: 2 min at 150 words a minute
    assert word_problems(nb, 4000) == []
    assert student_copy_problems(nb) == []
    assert instructor_cell_problems(nb) == []
    assert instructor_box_problems(nb) == []
    assert slide_problems(nb) == []
    assert map_problems(nb) == []


def test_a_words_over_budget_fail():
    nb = good_notebook()
    assert word_problems(nb, 4000) == []
    nb.cells.append(cell("markdown", "word " * 4001))
    assert "over the budget" in word_problems(nb, 4000)[0]
    # math, code and HTML tags are not words; the folded sample solution's code is not either
    nb = good_notebook()
    before = notebook_words(student_copy(nb))
    nb.cells.append(cell("markdown", "$$a + b$$ `code here` <b>\n```python\nx = 1 + 2\n```"))
    assert notebook_words(student_copy(nb)) == before


def test_b_an_instructor_cell_left_in_a_copy_fails():
    nb = good_notebook()
    assert student_copy_problems(nb) == []
    assert "keeps instructor cells [1," in student_copy_problems(nb, make_copy=copy.deepcopy)[0]


@pytest.mark.parametrize("breakage, expected", [
    (lambda c: c.metadata.pop("jupyter"), "not collapsed"),
    (lambda c: c.metadata.update(slideshow={"slide_type": "-"}), "not 'notes'"),
    (lambda c: setattr(c, "source", "Say the shapes aloud."), "bold label"),
], ids=["not-collapsed", "not-notes", "no-label"])
def test_c_a_bad_instructor_cell_fails(breakage, expected):
    nb = good_notebook()
    note = next(c for c in reversed(nb.cells) if "instructor" in tags(c))
    breakage(note)
    problems = instructor_cell_problems(nb)
    assert len(problems) == 1 and expected in problems[0]


@pytest.mark.parametrize("breakage, expected", [
    (lambda nb: nb.cells.insert(1, cell("markdown", "Intro") ) or nb.cells.insert(1, cell("markdown", "More"))
     or nb.cells.insert(1, cell("markdown", "Yet more")), "not within the first 4"),
    (lambda nb: nb.cells.insert(1, nbformat.v4.new_markdown_cell("**Instructor note: x.** y",
                                                                 metadata=copy.deepcopy(INSTRUCTOR))),
     "does not start '**Instructor box.**'"),
    (lambda nb: setattr(nb.cells[1], "source", "**Instructor box.** Timing plan: 60 min. Demo live: the widget."),
     "where students get stuck, what to skip"),
    (lambda nb: [nb.cells.remove(c) for c in list(nb.cells) if "instructor" in tags(c)], "no instructor box"),
], ids=["too-late", "not-first", "parts-missing", "none"])
def test_d_a_missing_or_late_instructor_box_fails(breakage, expected):
    nb = good_notebook()
    breakage(nb)
    assert any(expected in p for p in instructor_box_problems(nb)), instructor_box_problems(nb)


def test_e_missing_slideshow_metadata_or_too_few_slides_fail():
    nb = good_notebook()
    nb.cells[5].metadata.pop("slideshow")
    assert "no slideshow metadata" in slide_problems(nb)[0]
    nb = good_notebook()
    nb.cells[5].metadata["slideshow"]["slide_type"] = "sliide"
    assert any("unknown slide types" in p for p in slide_problems(nb))
    nb = good_notebook()
    for c in nb.cells[3:9]:
        c.metadata["slideshow"]["slide_type"] = "fragment"
    assert any("fewer than 15" in p for p in slide_problems(nb))


def broken_map(*changes):
    nb = good_notebook()
    for old, new in changes:
        assert old in nb.cells[2].source, f"the breakage {old!r} does not apply"
        nb.cells[2].source = nb.cells[2].source.replace(old, new)
    return nb


@pytest.mark.parametrize("changes, expected", [
    ([("| **60** |", "| **65** |")], "lecture (min) column sums to 60, its total says 65"),
    ([("| 20 | 1 | 20 |", "| 20 | 1 | 25 |")], "hands-on (min) column sums to 35"),
    ([("| 40 | 1 |", "| 40 | 9 |")], "reading (min) column sums to 10"),
    ([("| 40 | 1 |", "| 40 | 9 |\n| 3. More | | | | |")], "reading (min) column sums to 10"),
    ([("| 40 | 1 |", "| 40 | 7 |"), ("| **2** |", "| **8** |"), ("2 min of reading", "8 min of reading")],
     "the reading total is 8 min"),
    ([("| 40 | 1 | 10 |", "| 40 | 1 | 71 |"), ("| **30** |", "| **91** |"), ("60 min of lecture and 30", "60 min of lecture and 91"),
      ("and 30 of exercises", "and 91 of exercises")], "lecture + hands-on = 60 + 91 = 151 min, over 150"),
    ([("| **30** | 3 |", "| **90** | 3 |")], "hands-on (min) column sums to 30, its total says 90"),
    ([("In class: 60 min", "In class: 50 min")], "the sentence under the map says"),
    ([("In class:", "At school:")], "no sentence"),
    ([("| section | lecture (min) |", "| section | lecture |")], "cannot be read: the map's header"),
    ([("| **total** |", "| all |")], "cannot be read: the map's last row"),
    ([("| **60** |", "| 60 |")], "cannot be read: the total of 'lecture (min)'"),
    ([("| 40 |", "| forty |")], "cannot be read: not a number of minutes"),
    ([("\n\nIn class", "\n\n| a | b |\n|---|---|\n\nIn class")], "cannot be read: the map holds 2 tables"),
], ids=["lecture-total", "hands-on-sum", "reading-sum", "reading-sum-empty-cells", "reading-vs-words",
        "in-class-over-150", "hands-on-total", "sentence-differs", "no-sentence", "header", "no-total-row",
        "total-not-bold", "not-a-number", "two-tables"])
def test_f_a_map_that_does_not_add_up_fails(changes, expected):
    problems = map_problems(broken_map(*changes))
    assert any(expected in p for p in problems), problems


def test_f_reading_and_hands_on_over_150_fails():
    nb = good_notebook()
    nb.cells.append(cell("markdown", "word " * (150 * 125)))   # 125 more minutes of reading
    source = nb.cells[2].source.replace("| 2. Practice | 20 | 1 |", "| 2. Practice | 20 | 126 |")
    nb.cells[2].source = source.replace("| **2** |", "| **127** |").replace("2 min of reading", "127 min of reading")
    problems = map_problems(nb)
    assert problems and all("reading + hands-on" in p for p in problems), problems


def test_f_no_map_or_two_maps_fail():
    nb = good_notebook()
    nb.cells[2].metadata["tags"] = []
    assert "0 cells tagged 'map'" in map_problems(nb)[0]
    nb = good_notebook()
    nb.cells.append(copy.deepcopy(nb.cells[2]))
    assert "2 cells tagged 'map'" in map_problems(nb)[0]
