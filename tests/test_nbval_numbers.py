"""Printed numbers compared at their printed precision: a rounding flip passes, a real change fails.

The last tests run nbval for real, on small notebooks whose stored outputs were edited as
another CPU (or a real change) would have edited them.
"""

import subprocess
import sys
import xml.etree.ElementTree as ET

import nbformat
import pytest

from tests.nbval_numbers import cell_units, same_at_printed_precision


@pytest.mark.parametrize("stored, fresh", [
    ("RMSE 0.265", "RMSE 0.266"),                      # a value on a rounding boundary
    ("+0.001 [-0.030, +0.035]", "+0.002 [-0.029, +0.035]"),
    ("mean  0.50\nsd  1.25", "mean  0.49\nsd  1.26"),
    ("b = 2.5e-03", "b = 2.6e-03"),
    ("<td>0.253</td>", "<td>0.252</td>"),              # a pandas table as HTML
])
def test_a_flip_of_the_last_digit_passes(stored, fresh):
    assert same_at_printed_precision(stored, fresh)


@pytest.mark.parametrize("stored, fresh", [
    ("RMSE 0.265", "RMSE 0.268"),                      # three units of the last digit
    ("RMSE 0.265", "RMSE 0.27"),                       # another printed precision
    ("{1: 10, 3: 13}", "{1: 11, 3: 12}"),              # counts are exact
    ("stage 2 used 17 of 23", "stage 2 used 16 of 23"),
    ("forest 0.265", "network 0.265"),                 # the words differ
    ("0.265 and 0.270", "0.265"),                      # a number went missing
    ("+0.001", "-0.001"),                              # a sign changed: two units
])
def test_a_real_change_fails(stored, fresh):
    assert not same_at_printed_precision(stored, fresh)


def test_a_wider_tolerance_needs_a_reason():
    class Cell:
        def __init__(self, metadata):
            self.metadata = metadata
    assert cell_units(Cell({})) == 1
    assert cell_units(Cell({"nbval": {"tolerance": {"last_digit": 3, "reason": "folds vary"}}})) == 3
    with pytest.raises(ValueError, match="reason"):
        cell_units(Cell({"nbval": {"tolerance": {"last_digit": 3}}}))
    assert same_at_printed_precision("0.265", "0.268", units=3)


def _notebook(path, stored_text, metadata=None):
    """A one-cell notebook that prints 0.265, stored as if it had printed `stored_text`."""
    cell = nbformat.v4.new_code_cell("print(f'RMSE {0.2651:.3f} over {23} folds')", execution_count=1)
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=stored_text)]
    cell.metadata.update(metadata or {})
    notebook = nbformat.v4.new_notebook(cells=[cell])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, path)


def test_nbval_applies_the_comparison(tmp_path):
    cases = {
        "same": ("RMSE 0.265 over 23 folds\n", None, "passed"),
        "flip": ("RMSE 0.266 over 23 folds\n", None, "passed"),
        "change": ("RMSE 0.268 over 23 folds\n", None, "failed"),
        "count": ("RMSE 0.265 over 22 folds\n", None, "failed"),
        "declared": ("RMSE 0.268 over 23 folds\n",
                     {"nbval": {"tolerance": {"last_digit": 3, "reason": "a test"}}}, "passed"),
    }
    for name, (text, metadata, _) in cases.items():
        _notebook(tmp_path / f"{name}.ipynb", text, metadata)
    report = tmp_path / "report.xml"
    subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "tests.nbval_numbers",
                    "--nbval", "--nbval-current-env", f"--junitxml={report}", "-q", str(tmp_path)],
                   capture_output=True, text=True, timeout=120, cwd=".")
    outcome = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        failed = case.find("failure") is not None or case.find("error") is not None
        # the class name is the notebook's path, dotted from the rootdir pytest chose: keep its last part
        outcome[case.get("classname").removesuffix(".ipynb").rsplit(".", 1)[-1]] = "failed" if failed else "passed"
    assert outcome == {name: expected for name, (_, _, expected) in cases.items()}
