"""The feedback every exercise check gives: blank, right, a known mistake, anything else."""

import numpy as np
import pytest

from mlcourse.exercises import SOLUTION_POINTER, Case, Feedback, check_function, check_value, exercise, use
from mlcourse import exercises


def test_blank_answer_is_not_answered_yet():
    fb = check_value(..., 1.0, name="w", hint="w = sum(x*y) / sum(x*x)", task="Fit y = w x.")
    assert fb.status == "unanswered" and not fb
    # the task is restated; no hint is given before the student has tried
    assert fb.text() == "Not answered yet: Fit y = w x. Replace the ... in `w` and run the cell again."
    assert fb.hint == ""


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


@pytest.mark.parametrize("answer, match", [("two", "should be one number"), (float("nan"), "NaN")])
def test_non_numeric_answers_are_explained_not_raised(answer, match):
    fb = check_value(answer, 2.0, name="w")
    assert fb.status == "incorrect" and match in fb.message


def test_html_view_escapes_and_colours():
    html = Feedback("incorrect", "a < b", "try <this>")._repr_html_()
    assert "a &lt; b" in html and "try &lt;this&gt;" in html and "#b3261e" in html


# ---- hints in steps ------------------------------------------------------------------------------

@exercise
def _half(answer):
    return check_value(answer, 0.5, name="half", hint=("Think of a fraction.", "Divide 1 by 2."),
                       mistakes=[(50.0, "That is a percentage.")])


def test_hints_come_in_steps_then_point_to_the_solution():
    exercises.reset_attempts()
    assert _half(...).hint == ""
    assert _half(0.3).hint == "Think of a fraction."
    assert _half(0.3).hint == "Divide 1 by 2."
    assert _half(0.3).hint == SOLUTION_POINTER
    assert _half(0.3).hint == SOLUTION_POINTER
    # a known mistake always gets its own hint, and a right answer starts the steps again
    assert _half(50.0).hint == "That is a percentage."
    assert _half(0.5)
    assert _half(0.3).hint == "Think of a fraction."


def test_each_exercise_counts_its_own_attempts():
    @exercise
    def other(answer):
        return check_value(answer, 2.0, name="other", hint=("first", "second"))
    exercises.reset_attempts()
    assert _half(0.3).hint == "Think of a fraction."
    assert other(1.0).hint == "first"
    assert _half(0.3).hint == "Divide 1 by 2."


@pytest.mark.parametrize("answer", ["0.5", b"x", {"a": 1}, {1, 2}, [[1, 2], [3]], len, True, object()])
def test_an_exercise_check_never_raises(answer):
    fb = _half(answer)
    assert isinstance(fb, Feedback) and fb.status == "incorrect"


def test_an_unexpected_error_inside_a_check_becomes_feedback():
    @exercise
    def fragile(answer):
        return check_value(answer["key"], 1.0, name="x")
    fb = fragile(3.0)
    assert fb.status == "incorrect" and "could not be checked" in fb.message


# ---- function exercises --------------------------------------------------------------------------

def _reference_mean(values):
    return float(np.mean(values)) if len(values) else 0.0


CASES = [Case(([1.0, 2.0, 3.0],), "three numbers"), Case(([5.0],), "one number"),
         Case(([],), "empty input"), Case((np.array([-1.0, 1.0]),), "an array")]


def _check_mean(function, **kwargs):
    return check_function(function, _reference_mean, CASES, name="mean", task="Write the mean.",
                          hint=("Add up and divide.", "What should an empty list give?"), **kwargs)


def test_a_correct_function_passes():
    def mean(values):
        return sum(values) / len(values) if len(values) else 0.0
    fb = _check_mean(mean)
    assert fb and "all 4 cases" in fb.message


def test_a_wrong_function_gets_the_first_failing_case_with_input_expected_and_got():
    def mean(values):
        return sum(values) / 2
    exercises.reset_attempts()
    fb = _check_mean(mean)
    assert fb.status == "incorrect"
    assert fb.message.startswith("Case 1 of 4 (three numbers): the values differ.")
    assert "mean(values=[1, 2, 3])\nreturned 3\nexpected 2" in fb.message


def test_an_error_in_the_students_function_shows_the_students_line():
    def mean(values):
        total = sum(values)
        return total / len(values)
    fb = _check_mean(mean)
    assert fb.status == "incorrect"
    assert "Case 3 of 4 (empty input)" in fb.message and "ZeroDivisionError" in fb.message
    assert "line 3 of your function: return total / len(values)" in fb.message


def test_a_function_returning_none_is_asked_for_its_return():
    def mean(values):
        sum(values) / len(values)
    fb = _check_mean(mean)
    assert fb.status == "incorrect" and "returned None" in fb.message and "return" in fb.hint


@pytest.mark.parametrize("body", ["...", "pass", '"""The mean."""\n    ...'])
def test_a_placeholder_body_is_not_answered_yet(body, tmp_path):
    namespace = {}
    source = f"def mean(values):\n    {body}\n"
    path = tmp_path / "cell.py"
    path.write_text(source)
    exec(compile(source, str(path), "exec"), namespace)
    fb = _check_mean(namespace["mean"])
    assert fb.status == "unanswered" and "Write the mean." in fb.message


def test_a_blank_or_a_number_instead_of_a_function():
    assert _check_mean(...).status == "unanswered"
    fb = _check_mean(3.0)
    assert fb.status == "incorrect" and "should be a function" in fb.message


def test_an_endless_loop_is_stopped_by_the_time_limit():
    def mean(values):
        while True:
            pass
    fb = _check_mean(mean, time_limit=0.3)
    assert fb.status == "incorrect" and "did not finish within 0.3 s" in fb.message


def test_a_function_that_changes_its_input_cannot_spoil_the_reference():
    def mean(values):
        values = np.asarray(values, dtype=float)
        result = float(values.mean()) if values.size else 0.0
        if isinstance(values, np.ndarray):
            values *= 0  # changes a copy the check made, never the case itself
        return result
    assert _check_mean(mean)
    assert np.array_equal(CASES[3].args[0], [-1.0, 1.0])


def test_known_mistakes_of_function_exercises_get_their_hint():
    def mean(values):
        return float(np.median(values)) if len(values) else 0.0
    cases = [Case(([1.0, 2.0, 10.0],), "skewed")]
    fb = check_function(mean, _reference_mean, cases, name="mean",
                        mistakes=[(lambda v: float(np.median(v)), "That is the median.")])
    assert fb.hint == "That is the median."


def test_tuples_and_dicts_are_compared_item_by_item():
    def stats(values):
        return {"mean": 2.0, "max": 4.0}
    fb = check_function(stats, lambda v: {"mean": 2.0, "max": 3.0}, [Case(([1, 2, 3],))], name="stats")
    assert fb.status == "incorrect" and "'max': the values differ" in fb.message
    fb = check_function(lambda v: (1.0,), lambda v: (1.0, 2.0), [Case(([1],))], name="pair")
    assert "expected 2 values" in fb.message


# ---- later cells fall back to the reference -------------------------------------------------------

def test_use_keeps_a_right_value_and_replaces_a_missing_one(capsys):
    assert use(0.5, 0.5, name="w") == 0.5
    assert capsys.readouterr().out == ""
    assert use(..., 0.5, name="w") == 0.5
    assert use("abc", 0.5, name="w") == 0.5
    assert capsys.readouterr().out.count("Using the reference for `w`") == 2


def test_use_keeps_a_function_only_once_its_check_passed(capsys):
    def mean(values):
        return sum(values) / len(values) if len(values) else 0.0
    assert use(mean, _reference_mean, name="mean") is _reference_mean
    assert _check_mean(mean)
    assert use(mean, _reference_mean, name="mean") is mean


def test_an_array_that_differs_in_one_entry_names_that_entry():
    def ratio(n):
        out = np.ones(n)
        return out
    def reference(n):
        out = np.ones(n)
        out[49] = 0.87
        return out
    fb = check_function(ratio, reference, [Case((200,), "a long record")], name="ratio")
    assert "1 of 200 values differ, the first at index 49: got 1, expected 0.87" in fb.message


# ---- a time limit that cannot be swallowed, cases that can be drawn again ------------------------

def _stubborn_mean(values):
    """A student's loop that catches every Exception, and so would swallow an Exception-based alarm."""
    while True:
        try:
            while True:
                pass
        except Exception:  # noqa: BLE001 - this is the student's mistake under test
            continue


def test_a_loop_that_catches_exception_is_stopped_within_the_limit():
    import time
    start = time.monotonic()
    fb = _check_mean(_stubborn_mean, time_limit=0.3)
    assert fb.status == "incorrect" and "did not finish within 0.3 s" in fb.message
    assert time.monotonic() - start < 2.0


def test_the_time_limit_is_re_armed_until_the_call_returns():
    """Even a bare except that swallows the first alarms is stopped: the alarm comes back."""
    caught = []

    def swallow_three(values):
        while len(caught) < 3:
            try:
                while True:
                    pass
            except BaseException:  # noqa: BLE001 - swallows the first alarms on purpose
                caught.append(1)
        while True:
            pass
    fb = _check_mean(swallow_three, time_limit=0.2)
    assert fb.status == "incorrect" and "did not finish" in fb.message and len(caught) == 3


def test_the_watchdog_path_stops_the_loop_outside_the_main_thread():
    """Windows and other threads have no timer signal: a watchdog thread raises the alarm there."""
    import threading
    result = {}
    thread = threading.Thread(target=lambda: result.update(fb=_check_mean(_stubborn_mean, time_limit=0.3)))
    thread.start()
    thread.join(10)
    assert not thread.is_alive() and "did not finish within 0.3 s" in result["fb"].message
    assert exercises.call_with_time_limit(1.0, sum, [1, 2]) == 3


def test_the_references_run_before_the_clock_starts():
    import time

    def slow_reference(values):
        time.sleep(0.3)
        return _reference_mean(values)
    fb = check_function(lambda v: _reference_mean(v), slow_reference, CASES[:2], name="mean", time_limit=0.2)
    assert fb, fb


def test_a_failure_shows_the_seed_that_draws_its_cases_again():
    @exercise
    def noisy_function(function, seed=None):
        rng, seed = exercises.random_cases(seed)
        cases = [Case((rng.normal(size=3),), "random")]
        return check_function(function, lambda v: float(np.mean(v)), cases, name="mean", seed=seed)
    fb = noisy_function(lambda v: float(v[0]), seed=1234)
    assert "seed=1234" in fb.message and "check.noisy_function(..., seed=1234)" in fb.message
    again = noisy_function(lambda v: float(v[0]), seed=1234)
    assert again.message == fb.message                              # the same cases, the same failure
    right = noisy_function(lambda v: float(np.mean(v)))
    assert right and "seed" not in right.message                    # a pass shows no seed
    fresh = noisy_function(lambda v: float(v[0]))
    assert "seed=" in fresh.message                                 # a fresh seed, shown


def test_a_hint_that_is_a_sequence_renders_as_steps():
    fb = Feedback("incorrect", "No.", ["Look at the units.", "Divide by 100."])
    assert fb.text() == "Not quite: No.\nHint: (1) Look at the units. (2) Divide by 100."
    assert "<li>Look at the units.</li><li>Divide by 100.</li>" in fb._repr_html_()


def test_arrays_of_labels_are_compared():
    labels = np.array(["quake", "blast", "quake"])
    assert exercises.default_compare(labels.copy(), labels, 1e-6, 1e-9) == ""
    assert exercises.default_compare(list(labels), labels, 1e-6, 1e-9) == ""
    why = exercises.default_compare(np.array(["quake", "quake", "quake"]), labels, 1e-6, 1e-9)
    assert why == "1 of 3 labels differ, the first at index 1: got 'quake', expected 'blast'"


def test_an_error_in_a_helper_of_the_students_names_the_helper_not_a_negative_line():
    from mlcourse.exercises.checking import _student_line

    def f1(p, r):
        return 2 * p * r / (p + r)

    def answer(p, r):
        return f1(p, r)

    try:
        answer(0.0, 0.0)
    except ZeroDivisionError as error:
        where = _student_line(error, answer)
    assert "in f1, which your function calls" in where and "line -" not in where
