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


def source(cell):
    return "".join(cell["source"])


def outputs_text(cell):
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append("".join(out["text"]))
        elif "data" in out:
            parts.append("".join(out["data"].get("text/plain", "")))
    return "".join(parts)


def cell_by_code(fragment):
    return next(c for c in cells() if c["cell_type"] == "code" and fragment in source(c))


def following_markdown(cell):
    everything = cells()
    i = next(k for k, c in enumerate(everything) if c is cell or c.get("id") == cell.get("id"))
    return next(source(c) for c in everything[i + 1:] if c["cell_type"] == "markdown")


def test_the_parameter_count_in_the_text_is_the_one_printed():
    network_cell = cell_by_code("network = Sequential(")
    printed = int(re.search(r"total: (\d+) parameters", outputs_text(network_cell)).group(1))
    assert f"{printed:,} numbers to find" in following_markdown(network_cell)
    landscape_text = next(source(c) for c in cells() if source(c).startswith("## 15. The loss landscape"))
    assert f"surface over {printed:,}" in landscape_text and f"for {printed:,} weights" in landscape_text


def test_the_landscape_networks_are_named_with_their_printed_sizes():
    printed = re.findall(r"(narrow|wide) 5-(\d+)-1 network \((\d+) parameters\)",
                         outputs_text(cell_by_code("loss_slice_2d(")))
    assert [(name, int(n)) for name, _, n in printed] == [("narrow", 15), ("wide", 449)]
    text = next(source(c) for c in cells() if "valley ($\\alpha = \\beta = 0$)" in source(c))
    assert "its 15 parameters" in text


def test_function_exercises_and_stretch_tasks():
    exercise_sources = [source(c) for c in cells() if "exercise" in c["metadata"].get("tags", [])]
    functions = [s for s in exercise_sources if s.lstrip().startswith("def ")]
    names = {re.match(r"def (\w+)", s.lstrip()).group(1) for s in functions}
    assert {"gradient_descent", "gradient_descent_bias", "dense_forward", "backprop", "train"} <= names
    stretch = [c for c in cells() if "stretch" in c["metadata"].get("tags", [])]
    assert sum(c["cell_type"] == "markdown" for c in stretch) >= 2
    assert sum("solution" in c["metadata"].get("tags", []) for c in stretch) >= 2


def test_solutions_are_collapsed_and_follow_their_exercise():
    everything = cells()
    for i, c in enumerate(everything):
        tags = c["metadata"].get("tags", [])
        if "solution" in tags:
            assert c["metadata"].get("jupyter", {}).get("source_hidden") is True, source(c)[:60]
        if "exercise" in tags:
            assert "solution" in everything[i + 1]["metadata"].get("tags", []), source(c)[:60]


def test_the_training_loop_follows_pytorchs_order():
    solution = source(cell_by_code("def train(model, loss, optimizer, X, y, epochs):\n    \"\"\"Full-batch training: returns the loss of each epoch, measured before that epoch's step.\"\"\"\n    history"))
    positions = [solution.index(step) for step in ("zero_grad()", "model.forward(", ".backward(", ".step()")]
    assert positions == sorted(positions)


def test_no_hint_contains_solution_code():
    import ast
    from mlcourse.exercises import day1
    trees = [ast.parse(part.read_text()) for part in Path(day1.__file__).parent.glob("*.py")]
    strings = [n.value for tree in trees for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    solution_lines = {line.strip() for c in cells() if "solution" in c["metadata"].get("tags", [])
                      for line in source(c).splitlines()
                      if len(line.strip()) > 12 and not line.strip().startswith(("#", "def ", "check.", '"""'))}
    leaks = [(line, s[:60]) for s in strings for line in solution_lines if line.split("#")[0].strip() in s]
    assert not leaks, leaks


def test_numbers_in_the_investigation_are_printed_above():
    text = "".join(source(c) for c in cells() if c["cell_type"] == "markdown")
    printed = "".join(outputs_text(c) for c in cells() if c["cell_type"] == "code")
    for number in ("0.9466", "0.3571", "0.0024", "0.0008", "0.0097", "92.0", "6.2072", "124.66", "0.924",
                   "1.355", "2.400", "+1.045 ± 0.754", "9.9 ± 1.5", "12.1 ± 0.7", "+0.7 ± 1.5", "15.94 ± 0.64",
                   "+18.1°", "39.6°", "37.7°", "40.6°", "6.9°"):
        assert number in text and number in printed, number
