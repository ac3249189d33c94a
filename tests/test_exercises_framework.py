"""The feedback every exercise check gives: blank, right, a known mistake, anything else."""

import numpy as np
import pytest

from mlcourse.exercises import Feedback, check_value


def test_blank_answer_is_not_answered_yet():
    fb = check_value(..., 1.0, name="w", hint="w = sum(x*y) / sum(x*x)")
    assert fb.status == "unanswered" and not fb
    assert "replace the ... in `w`" in fb.text() and "sum(x*y)" in fb.hint


def test_right_answer_within_tolerance():
    fb = check_value(2.0004, 2.0, name="w")
    assert fb and fb.status == "correct"
    assert repr(fb) == "Correct! w = 2"  # four significant digits


def test_known_mistake_gets_its_hint():
    fb = check_value(99.9, 0.999, name="accuracy", mistakes=[(99.9, "Give a fraction, not a percentage.")])
    assert fb.status == "incorrect" and fb.hint == "Give a fraction, not a percentage."


def test_unknown_mistake_gets_the_general_hint():
    fb = check_value(0.5, 0.999, name="accuracy", mistakes=[(99.9, "percent")], hint="correct / total")
    assert fb.status == "incorrect" and fb.hint == "correct / total"


def test_transposed_array_is_recognised_by_shape():
    W = np.arange(6.0).reshape(2, 3)
    fb = check_value(W.T, W, name="W", mistakes=[(W.T, "W is (n_out, n_in)")])
    assert "shape (3, 2), expected shape (2, 3)" in fb.message and fb.hint == "W is (n_out, n_in)"


def test_counts_the_wrong_entries():
    fb = check_value([1.0, 2.0, 30.0], [1.0, 2.0, 3.0], name="b")
    assert "1 of the 3 entries of b differ" in fb.message


@pytest.mark.parametrize("answer, match", [("two", "should be a number"), (float("nan"), "NaN")])
def test_non_numeric_answers_are_explained_not_raised(answer, match):
    fb = check_value(answer, 2.0, name="w")
    assert fb.status == "incorrect" and match in fb.message


def test_html_view_escapes_and_colours():
    html = Feedback("incorrect", "a < b", "try <this>")._repr_html_()
    assert "a &lt; b" in html and "try &lt;this&gt;" in html and "#b3261e" in html
