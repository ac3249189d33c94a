"""Run every notebook again on a fresh kernel: every output, figures included, must equal the stored one.

nbval compares the text outputs; this test also compares the PNG bytes of every
figure and everything nbval skips, after the masks of tests/nbval_sanitize.cfg.
"""

import configparser
import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def sanitisers():
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "tests" / "nbval_sanitize.cfg")
    return [(re.compile(cfg[s]["regex"]), cfg[s]["replace"]) for s in cfg.sections()]


def comparable(output, masks):
    """An output as plain data: text joined, volatile parts masked, metadata dropped."""
    kind = output["output_type"]
    if kind == "stream":
        items = {"stream": output["name"], "text": "".join(output["text"])}
    elif kind == "error":
        items = {"error": output["ename"]}
    else:
        # JSON payloads (widget views) as JSON text, so that the same masks apply as in nbval
        items = {mime: "".join(v) if isinstance(v, list) else v if isinstance(v, str)
                 else json.dumps(v, sort_keys=True) for mime, v in output["data"].items()}
    out = {}
    for key, value in items.items():
        for pattern, replacement in masks:
            value = pattern.sub(replacement, value)
        out[key] = value
    return out


def first_difference(stored, fresh, masks):
    """Index and description of the first code cell whose outputs differ, or None."""
    code_a = [c for c in stored.cells if c.cell_type == "code"]
    code_b = [c for c in fresh.cells if c.cell_type == "code"]
    for i, (a, b) in enumerate(zip(code_a, code_b)):
        outs_a = [comparable(o, masks) for o in a.outputs]
        outs_b = [comparable(o, masks) for o in b.outputs]
        if outs_a != outs_b:
            kinds = [sorted(o) for o in outs_a], [sorted(o) for o in outs_b]
            return i, f"code cell {i} differs: {a.source[:60]!r}; stored {kinds[0]}, fresh {kinds[1]}"
    return None


def test_comparison_finds_a_changed_figure():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("plot()", outputs=[nbformat.v4.new_output(
        "display_data", data={"image/png": "AAAA", "text/plain": "<Figure>"})])]
    changed = nbformat.from_dict(nb)
    changed.cells[0].outputs[0]["data"]["image/png"] = "AAAB"
    masks = sanitisers()
    assert first_difference(nb, nb, masks) is None
    assert first_difference(nb, changed, masks)[0] == 0


def test_masks_hide_only_what_varies():
    masks = sanitisers()
    a = {"output_type": "stream", "name": "stdout", "text": "<object at 0x7f00aa11bb22>"}
    b = {"output_type": "stream", "name": "stdout", "text": "<object at 0x7f00cc33dd44>"}
    assert comparable(a, masks) == comparable(b, masks)
    c = {"output_type": "stream", "name": "stdout", "text": "loss 0.25"}
    d = {"output_type": "stream", "name": "stdout", "text": "loss 0.26"}
    assert comparable(c, masks) != comparable(d, masks)


@pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks in notebooks/")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_fresh_run_reproduces_every_stored_output(path):
    stored = nbformat.read(path, as_version=4)
    fresh = nbformat.read(path, as_version=4)
    NotebookClient(fresh, kernel_name="python3", timeout=600,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    assert first_difference(stored, fresh, sanitisers()) is None
