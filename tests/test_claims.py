"""Claims: stated in code, checked on every run, re-run with other seeds by make test-claims."""

import ast
import json
import re
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest

from mlcourse.claims import claim

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import run_claims  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_a_claim_prints_one_line(capsys, monkeypatch, tmp_path):
    log = tmp_path / "claims.jsonl"
    monkeypatch.setenv("MLCOURSE_CLAIMS_LOG", str(log))
    assert claim("the forest beats the baseline", np.float64(0.2) < 0.5) is None
    claim("the CNN beats STA/LTA", False)
    assert capsys.readouterr().out.splitlines() == ["✔ Claim holds: the forest beats the baseline",
                                                    "✘ Claim fails in this run: the CNN beats STA/LTA"]
    assert [json.loads(line) for line in log.read_text().splitlines()] == [
        {"claim": "the forest beats the baseline", "holds": True}, {"claim": "the CNN beats STA/LTA", "holds": False}]


@pytest.mark.parametrize("text, condition, message", [
    ("", True, "sentence"), (3, True, "sentence"),
    ("recall rises", np.array([True, False]), "all\\(\\) or any\\(\\)"), ("recall rises", 0.8, "True or False")])
def test_a_claim_that_is_not_a_sentence_and_a_truth_value_is_refused(text, condition, message):
    with pytest.raises(TypeError, match=message):
        claim(text, condition)


def test_the_seed_is_injected_after_the_parameters_cell():
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Day"),
                                               nbformat.v4.new_code_cell("SEED = 42"),
                                               nbformat.v4.new_code_cell("rng = SEED")])
    notebook.cells[1].metadata["tags"] = ["parameters"]
    out = run_claims.with_parameters(notebook, {"SEED": 3})
    assert [c.source.split("  #")[0] for c in out.cells] == ["# Day", "SEED = 42", "SEED = 3", "rng = SEED"]
    notebook.cells[1].metadata["tags"] = []
    with pytest.raises(ValueError, match="tagged 'parameters'"):
        run_claims.with_parameters(notebook, {"SEED": 3})


def test_the_table_fails_a_claim_that_fails_for_one_seed():
    runs = [{"notebook": "a.ipynb", "seed": s, "error": None, "seconds": 1.0,
             "claims": [{"claim": "x beats y", "holds": True}, {"claim": "z is flat", "holds": s != 2}]}
            for s in [1, 2]]
    text, problems = run_claims.table(runs, [1, 2], ["a.ipynb"], min_claims=2)
    assert "| x beats y | 2 of 2 seeds | - |" in text and "| z is flat | 1 of 2 seeds | 2 |" in text
    assert problems == ["a.ipynb: 'z is flat' fails (or is not made) for seed(s) [2]"]
    assert run_claims.table(runs, [1, 2], ["a.ipynb"], min_claims=3)[1][-1] == "a.ipynb: 2 claims, fewer than 3"


def claims_in(notebook: Path) -> list[str]:
    """The texts of the claim(...) calls in a notebook's code, which must be plain strings."""
    texts = []
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        source = re.sub(r"^\s*[%!].*$", "", cell.source, flags=re.M)  # IPython magics
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "claim":
                assert isinstance(node.args[0], ast.Constant), f"{notebook.name}: a claim's text must be a plain string"
                texts.append(node.args[0].value)
    return texts


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_each_day_states_its_conclusions_as_claims_listed_in_the_table(notebook):
    texts = claims_in(notebook)
    assert len(texts) >= 5, f"{notebook.name} states {len(texts)} claims in code; at least 5 are expected"
    assert len(set(texts)) == len(texts), "each conclusion is claimed once"
    table = (ROOT / "docs" / "claims.md").read_text()
    section = table.split(f"## {notebook.name}", 1)[1].split("\n## ", 1)[0]
    missing = [t for t in texts if f"| {t} | 5 of 5 seeds | - |" not in section]
    assert not missing, "run make test-claims: these claims are not in docs/claims.md as holding for 5 seeds:\n" + \
        "\n".join(missing)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_each_notebook_has_a_parameters_cell_that_sets_the_seed(notebook):
    cells = nbformat.read(notebook, as_version=4).cells
    tagged = [c for c in cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and re.search(r"^SEED = \d+", tagged[0].source, re.M)
    later = "\n".join(c.source for c in cells[cells.index(tagged[0]) + 1:] if c.cell_type == "code")
    assert "default_rng(SEED)" in later and "default_rng(42)" not in later
