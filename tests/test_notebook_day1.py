"""The Day 1 notebook: every slide of the lecture taught, the template, the map, slides, instructor notes, exercises."""

import ast
import json
import re
from pathlib import Path

import pytest

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
    """The rows of the slide map, an instructor note (student copies leave it out)."""
    heading = "### Where each slide of the lecture is taught"
    text = next(source(c) for c in cells() if c["cell_type"] == "markdown" and heading in source(c))
    table = text.split(heading, 1)[1]
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
    assert f"surface over {printed:,}" in landscape_text


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
                   "+18.1°", "39.6°", "37.7°", "40.6°", "6.9°", "0.9916", "84.7 ± 2.7", "0.60 ± 0.02"):
        assert number in text and number in printed, number


def test_the_slide_map_is_an_instructor_note():
    heading = "### Where each slide of the lecture is taught"
    holder = next(c for c in cells() if heading in source(c))
    assert tags(holder) == ["instructor"] and len(mapping_rows()) >= 40


# ---------------------------------------------------------------- the course's three audiences
def tags(cell):
    return cell["metadata"].get("tags", [])


def words(src):
    """Student-facing words, counted as the course counts them (no code, math or HTML tags)."""
    src = re.sub(r"```.*?```", " ", src, flags=re.S)
    src = re.sub(r"\$\$.*?\$\$", " ", src, flags=re.S)
    src = re.sub(r"\$[^$]*\$|`[^`]*`|<[^>]+>", " ", src)
    return len(src.split())


# What a student copy puts in place of a solution cell (the code inside does not count as words).
PLACEHOLDER_WORDS = words("<details><summary>Sample solution (open it after you have tried)</summary>\n\n"
                          "```python\nx = 1\n```\n</details>")


def student_words_by_section():
    """Words of the student copy per numbered section (the title counts with section 1)."""
    counts, section = [0] * 20, 0
    for c in cells():
        if c["cell_type"] == "markdown" and "instructor" not in tags(c):
            m = re.match(r"## (\d+)\. ", source(c))
            if m:
                section = int(m.group(1)) - 1
            counts[section] += words(source(c))
        elif "solution" in tags(c):
            counts[section] += PLACEHOLDER_WORDS
    return counts


def test_the_student_copy_fits_the_word_budget():
    assert sum(student_words_by_section()) <= 5500
    in_notebook = sum(words(source(c)) for c in cells() if c["cell_type"] == "markdown" and "instructor" not in tags(c))
    assert in_notebook <= 5250, "aim at least 250 words below the budget: the student copy adds the placeholders"


def map_problems(text, words_by_section):
    """What is wrong with a map of the day: its header, its sums, its sentence, its reading minutes."""
    lines = [line for line in text.splitlines() if line.startswith("|")]
    if not lines or lines[0] != "| section | lecture (min) | reading (min) | hands-on (min) | exercises |":
        return ["the header"]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]
    body, total = rows[:-1], rows[-1]
    number = lambda cell: int(cell.strip("*")) if cell.strip("*") else 0
    sums = [sum(number(row[k]) for row in body) for k in (1, 2, 3)]
    problems = []
    if total[0] != "**total**" or [number(total[k]) for k in (1, 2, 3)] != sums \
            or not all(total[k].startswith("**") for k in (1, 2, 3)):
        problems.append(f"the total row, expected {sums}")
    lecture, reading, hands_on = sums
    if abs(reading - sum(words_by_section) / 150) > 3:
        problems.append("the reading total")
    if [number(row[2]) for row in body] != [round(w / 150) for w in words_by_section]:
        problems.append("the reading minutes of a section")
    if hands_on > 90 or lecture + hands_on > 150 or reading + hands_on > 150:
        problems.append("the day does not fit its time")
    if (f"In class: {lecture} min of lecture and {hands_on} of hands-on; alone at home: {reading} min of "
            f"reading and {hands_on} of exercises.") not in text:
        problems.append("the sentence under the table")
    return problems


def the_map():
    holders = [c for c in cells() if "map" in tags(c)]
    assert len(holders) == 1, "one cell tagged map"
    return source(holders[0])


def test_the_map_adds_up():
    assert map_problems(the_map(), student_words_by_section()) == []


def test_the_map_check_can_fail():
    text, counts = the_map(), student_words_by_section()
    assert map_problems(text.replace("| **90** |", "| **95** |"), counts) != []
    assert map_problems(text.replace("In class: 60 min", "In class: 50 min"), counts) != []
    assert map_problems(text, [w + 600 for w in counts]) != []


def test_the_instructor_box_follows_the_title():
    box = cells()[1]
    assert tags(box) == ["instructor"] and source(box).startswith("**Instructor box.**")
    for part in ("Timing plan", "What to demo live", "Where students get stuck", "What to skip when time runs short"):
        assert part.lower() in source(box).lower(), part


def test_instructor_cells_are_collapsed_speaker_notes_with_a_label():
    notes = [c for c in cells() if "instructor" in tags(c)]
    assert len(notes) >= 10
    for c in notes:
        assert c["cell_type"] == "markdown"
        assert c["metadata"]["jupyter"]["source_hidden"] is True
        assert c["metadata"]["slideshow"] == {"slide_type": "notes"}
        assert re.match(r"\*\*[^*\n]+\*\*", source(c)), source(c)[:60]


def test_every_cell_has_a_slide_type():
    allowed = {"slide", "subslide", "fragment", "skip", "notes", "-"}
    kinds = [c["metadata"].get("slideshow", {}).get("slide_type") for c in cells()]
    assert set(kinds) <= allowed and None not in kinds
    for c, kind in zip(cells(), kinds):
        if "exercise" in tags(c) or "solution" in tags(c):
            assert kind == "skip", source(c)[:60]
        if c["cell_type"] == "markdown" and re.match(r"## \d+\. ", source(c)):
            assert kind == "slide", source(c)[:60]
    assert 30 <= kinds.count("slide") + kinds.count("subslide") <= 70


# ---------------------------------------------------------------- exercises that teach a student alone
def prompt(exercise_id):
    return next(source(c) for c in cells() if c["cell_type"] == "markdown"
                and re.search(rf"^### (Exercise|Stretch) {re.escape(exercise_id)}\b", source(c), re.M))


DIGITS = {"8.1": 4, "9.1": 4, "10.2": 3, "11.1": 3, "14.1": 3, "16.0": 3, "17.1": 3, "19.1": 3}


@pytest.mark.parametrize("exercise_id, digits", DIGITS.items())
def test_value_exercises_state_their_digits(exercise_id, digits):
    assert re.search(rf"\b{digits}\s+significant\s+digits", prompt(exercise_id)), exercise_id


def test_the_pencil_exercise_says_how_it_is_judged():
    assert "pencil" in prompt("18.1") and re.search(r"2\s+significant\s+digits", prompt("18.1"))


def test_the_text_after_exercise_8_1_gives_the_digits_it_asks_for():
    following = following_markdown(cell_by_code("w_best = np.sum(x * y_true)"))
    assert "0.9916" in following and "About 0.99 " not in following


def test_prompts_state_what_to_compute_not_the_formula():
    assert "2 (w x_i - y_i) x_i" not in prompt("8.1")
    backprop = prompt("16.1")
    for formula in (r"(1 - H^2)", r"\odot", r"W_2$;", r"= (\partial\mathcal{L}/\partial\hat y)\, W_2"):
        assert formula not in backprop, formula
    loop = prompt("16.2")
    assert "per epoch `optimizer.zero_grad()`, the forward pass" not in loop
    assert "no particular order" in loop


def test_back_propagation_starts_with_one_scalar_chain_rule_step():
    order = [c["id"] for c in cells()]
    scalar = next(c for c in cells() if "exercise" in tags(c) and "check.chain_rule_scalar(" in source(c))
    backprop = next(c for c in cells() if "exercise" in tags(c) and source(c).startswith("def backprop("))
    assert order.index(scalar["id"]) < order.index(backprop["id"])
    assert re.search(r"dL_dw = \.\.\.", source(scalar))
    assert "Exercise 16.0" in prompt("16.0") and "chain rule" in prompt("16.0")


def test_stretch_tasks_have_a_cell_to_work_in_and_a_collapsed_sample_solution():
    everything = cells()
    stretch_prompts = [i for i, c in enumerate(everything) if c["cell_type"] == "markdown" and "stretch" in tags(c)]
    assert len(stretch_prompts) >= 2
    for i in stretch_prompts:
        work, solution = everything[i + 1], everything[i + 2]
        assert work["cell_type"] == "code" and set(tags(work)) == {"exercise", "stretch"}
        assert set(tags(solution)) == {"solution", "stretch"} and solution["metadata"]["jupyter"]["source_hidden"]


def asked_names(src):
    """The top-level names an exercise cell asks the student to define: `name = ...` and `def name`."""
    def blank(node):
        return (isinstance(node, ast.Constant) and node.value is Ellipsis) or \
            (isinstance(node, ast.Tuple) and all(blank(e) for e in node.elts))
    names = set()
    for node in ast.parse(re.sub(r"^\s*[%!].*$", "", src, flags=re.M)).body:
        if isinstance(node, ast.FunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign) and blank(node.value):
            names |= {n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)}
    return names


def bound_names(src):
    """Every name a cell binds at top level (assignments, loops, with, imports, def), not inside functions."""
    names, stack = set(), list(ast.parse(re.sub(r"^\s*[%!].*$", "", src, flags=re.M)).body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
            continue
        if isinstance(node, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            continue
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor, ast.NamedExpr)):
            targets = [node.target]
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            targets = [node.optional_vars]
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
        names |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
        stack.extend(ast.iter_child_nodes(node))
    return names


def overwritten(notebook_cells):
    """(exercise cell, later cell, names): later cells that rebind a name an exercise asks for."""
    found = []
    for i, c in enumerate(notebook_cells):
        if c["cell_type"] != "code" or "exercise" not in tags(c):
            continue
        asked = asked_names(source(c))
        for later in notebook_cells[i + 1:]:
            if later["cell_type"] == "code" and not {"exercise", "solution"} & set(tags(later)):
                if asked & bound_names(source(later)):
                    found.append((source(c)[:40], source(later)[:40], asked & bound_names(source(later))))
    return found


def test_no_later_cell_overwrites_a_name_an_exercise_asks_for():
    assert overwritten(cells()) == []


def test_the_overwrite_check_can_fail():
    def cell(src, *tag):
        return {"cell_type": "code", "source": src, "metadata": {"tags": list(tag)}}
    planted = [cell("def train(model):\n    ...", "exercise"), cell("train, val, test = np.split(order, [6, 8])"),
               cell("b_star = ...", "exercise"), cell("for ax, (name, w, b_star) in zip(axes, rows):\n    pass")]
    assert [names for *_, names in overwritten(planted)] == [{"train"}, {"b_star"}]
