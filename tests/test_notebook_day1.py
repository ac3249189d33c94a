"""Every slide of the Day 1 lecture is mapped to a section of the notebook, and that section exists."""

import json
import re
from pathlib import Path

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "01_overview.ipynb"

# The slide titles of the Day 1 lecture, in the order of the deck.
SLIDE_TITLES = [
    "Distinguishing features?", "Additional complications", "Advantage of Machine Learning",
    "Today's/Tomorrow's Menu", "Part 1: General overview of ML", "AI vs. ML vs. DL",
    "Machine Learning Is Not New!", "Examples of ML (Deep Learning)", "Basic Theory of Neural Networks",
    "Intuition", "It's cold here… Am I near the North Pole?", "Single Neuron - Single Input",
    "Single Neuron - Multi Input", "Single Layer of Neurons", "Single Layer - Example",
    "Multiple Layers of Neurons", "Quiz", "Non-linearity", "Activation Functions", "Neural Network",
    "Loss Functions", "Loss Landscape", "Training = Optimisation", "Model Performance (classification)",
    "Performance Cat Detection", "Other Metrics", "Getting Your Hands Dirty",
]


def cells():
    return json.loads(NOTEBOOK.read_text())["cells"]


def mapping_rows():
    text = "".join(cells()[-1]["source"]) if cells()[-1]["cell_type"] == "markdown" else ""
    table = text.split("### Where each slide of the lecture is taught", 1)[1]
    return [tuple(c.strip() for c in row.strip("|").split("|"))
            for row in table.strip().splitlines()[2:] if row.startswith("|")]


def headings():
    return {line[3:].strip() for c in cells() if c["cell_type"] == "markdown"
            for line in "".join(c["source"]).splitlines() if line.startswith("## ")}


def test_every_slide_title_is_mapped():
    slides = [slide for slide, _ in mapping_rows()]
    missing = [t for t in SLIDE_TITLES if not any(s.startswith(t) for s in slides)]
    assert not missing, f"slides without a section: {missing}"


def test_every_mapped_section_exists():
    sections = {section for _, section in mapping_rows()}
    missing = [s for s in sections if not any(h.startswith(s) for h in headings())]
    assert sections and not missing, f"mapped to sections that do not exist: {missing}"


def test_sections_are_numbered_in_order():
    numbers = [int(m.group(1)) for c in cells() if c["cell_type"] == "markdown"
               for m in re.finditer(r"^## (\d+)\. ", "".join(c["source"]), re.M)]
    assert numbers == list(range(1, 21))


def test_at_least_eight_exercises():
    tags = [c["metadata"].get("tags", []) for c in cells()]
    assert sum("exercise" in t for t in tags) >= 8
