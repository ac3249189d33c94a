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
    assert "\nmean(values=[1, 2, 3]) returned 3, expected 2" in fb.message


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


def test_a_mistake_is_named_even_when_its_answer_has_a_refused_form():
    """A search of the first column alone finds no split on a constant column: (None, None, inf).
    compare() refuses that form, yet the student's answer is the slip's, and the slip is named."""
    def compare(got, expected):
        return "" if None not in got and np.allclose(got, expected) else "feature should be a column number"

    def first_column_only(X):
        return (None, None, np.inf) if np.ptp(X[:, 0]) == 0 else (0, 0.5, 0.0)

    cases = [Case((np.array([[5.0, 0.0], [5.0, 1.0]]),), "a constant first column")]
    fb = check_function(first_column_only, lambda X: (1, 0.5, 0.0), cases, name="split", compare=compare,
                        mistakes=[(first_column_only, "Loop over every column.")])
    assert fb.hint == "Loop over every column."
    fb = check_function(lambda X: (None, None, 0.0), lambda X: (1, 0.5, 0.0), cases, name="split",
                        compare=compare, mistakes=[(first_column_only, "Loop over every column.")])
    assert fb.hint != "Loop over every column."


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


# ---- feedback at a glance -------------------------------------------------------------------------

def test_correct_and_unanswered_feedback_look_as_the_notebooks_store_them():
    """The notebooks store these outputs and nbval compares them byte for byte."""
    fb = check_value(0.99163, 0.99163, name="w_best")
    assert fb.text() == "Correct! w_best = 0.9916"
    assert fb._repr_html_() == ('<div style="background:#e6f4ea;border-left:4px solid #1e7d32;padding:6px 10px;'
                                'margin:4px 0;white-space:pre-wrap"><b style="color:#1e7d32">Correct!</b> '
                                'w_best = 0.9916</div>')
    task = "Write f(x): " + "a long task that a check restates whole, " * 8
    fb = check_value(..., 1.0, name="f", task=task)
    assert fb.headline() == "Not answered yet: Replace the ... in `f` and run the cell again. The task:"
    assert " ".join(fb.text().split()).endswith(" ".join(task.split()))   # the whole task, on the lines below
    assert len(fb.headline()) <= exercises.FIRST_LINE and "<details>" not in fb._repr_html_()


def test_a_long_reason_is_cut_after_a_clause_and_goes_on_below():
    reason = "Case 1 of 6 (five inputs): the first wrong array is the gradient of W1: " + "it differs, " * 30
    fb = exercises.incorrect(reason + "\nf(x=1) returned 2", "A hint.", mistake=True)
    first, *rest = fb.text().split("\n")
    assert len(first) <= exercises.FIRST_LINE and first.endswith("gradient of W1:")
    assert rest[0].startswith("  it differs") and "f(x=1) returned 2" in fb.text()
    assert len(fb.headline()) <= exercises.FIRST_LINE


def test_a_wall_of_text_waits_in_details():
    wall = "W_shape should be a pair, got " + repr(np.ones((3, 7, 2)))
    fb = exercises.incorrect(wall, "Write it like (rows, columns).", mistake=True)
    assert len(fb.text().splitlines()) <= 10 and "details()" in fb.text()
    assert wall in fb.details()


def test_a_failing_case_shows_the_call_in_brief_and_the_inputs_on_request():
    def ramp(n, scale):
        return np.arange(n) * scale
    fb = check_function(lambda n, scale: np.arange(n) * scale + (np.arange(n) == 49), ramp,
                        [Case((200, 0.5), "a long record")], name="ramp")
    first, call = fb.message.split("\n")[:2]
    assert first == "Case 1 of 1 (a long record): 1 of 200 values differ, the first at index 49: got 25.5, expected 24.5."
    assert call.startswith("ramp(n=200, scale=0.5) returned array([ 0. , 0.5, 1. , ..., 98.5, 99. , 99.5]), expected")
    assert "returned = array([" in fb.details() and "n = 200" in fb.details()
    html = fb._repr_html_()
    assert "<details><summary>The full inputs</summary>" in html and html.index("<details>") > html.index("Hint")


def test_arguments_are_shown_by_shape_when_they_are_large():
    fb = check_function(lambda X, y: X.sum(), lambda X, y: X.mean(), [Case((np.ones((8, 5)), np.zeros(3)))], name="f")
    assert "f(X=<array 8x5>, y=array([0., 0., 0.]))" in fb.message


# ---- judged at the precision asked ------------------------------------------------------------------

@pytest.mark.parametrize("answer", [0.166, 0.1659, 0.16595, 0.1664])
def test_digits_accepts_an_answer_right_to_the_digits_asked(answer):
    assert check_value(answer, 0.16595, name="pga", digits=3)


@pytest.mark.parametrize("answer, k", [(0.17, 2), (0.2, 1)])
def test_an_answer_right_to_fewer_digits_is_asked_for_more(answer, k):
    exercises.reset_attempts()
    fb = check_value(answer, 0.16595, name="pga", digits=3, hint=("maths hint",))
    assert not fb and f"right to {k} digit" in fb.message and "give 3" in fb.message
    assert fb.hint == "Give 3 significant digits (more are fine)."   # no maths hint, no step of the ladder


def test_an_answer_with_enough_digits_but_one_off_is_told_which_digit():
    fb = check_value(0.163, 0.16595, name="pga", digits=3, hint=("maths hint",))
    assert "right to 2 digits; give 3" in fb.message and "Digit 3 is off" in fb.hint


def test_a_listed_mistake_wins_over_the_digits_message():
    n = 182
    fb = check_value(0.368, (1 - 1 / n) ** n, name="left_out", digits=3,
                     mistakes=[(np.exp(-1), "That is 1/e, the limit for large n.")])
    assert fb.hint == "That is 1/e, the limit for large n."


def test_a_pencil_estimate_passes_at_two_digits():
    assert check_value(0.23, 0.2308, name="iou", pencil=True)
    fb = check_value(0.2, 0.2308, name="iou", pencil=True)
    assert "right to 1 digit; give 2" in fb.message


def test_a_rounded_copy_under_a_tight_tolerance_is_asked_for_more_digits():
    fb = check_value(0.9916, 0.991634, name="w_best", rtol=1e-6, hint=("Set dL/dw = 0.",))
    assert "right to 4 digits; give more" in fb.message and "dL/dw" not in fb.hint


def test_a_wrong_value_still_gets_the_hint_ladder():
    exercises.reset_attempts()
    fb = check_value(0.5, 0.16595, name="pga", digits=3, hint=("Start from the formula.",))
    assert fb.hint == "Start from the formula." and "expected a different value" in fb.message


# ---- right answers in other forms ---------------------------------------------------------------------

@pytest.mark.parametrize("answer", [np.float32(0.99163), np.float16(0.9917), np.array(0.99163), np.array([0.99163]),
                                    [0.99163], [[0.99163]], (0.99163,)])
def test_one_number_in_any_form(answer):
    assert check_value(answer, 0.99163, name="w", rtol=1e-3)


@pytest.mark.parametrize("answer", [[1.0, 2.0, 3.0], np.array([[1.0, 2.0, 3.0]]), np.array([[1.0], [2.0], [3.0]]),
                                    np.array([1.0, 2.0, 3.0], dtype=np.float32)])
def test_a_vector_in_any_form(answer):
    assert check_value(answer, np.array([1.0, 2.0, 3.0]), name="y0")


def test_a_pair_in_any_form():
    assert check_value(np.array([[3.0], [5.0]]), (3.0, 5.0), name="pair")
    assert check_value([3, 5], (3.0, 5.0), name="pair")
    fb = check_function(lambda x: np.array([x, 2 * x]), lambda x: (x, 2 * x), [Case((np.arange(3.0),))], name="pair")
    assert fb, fb


def test_a_form_that_cannot_be_read_names_the_form_wanted_not_the_maths():
    exercises.reset_attempts()
    fb = check_value(np.ones((3, 2)), 0.5, name="y", hint=("Multiply each x_i by its w_i.",))
    assert "should be one number, got an array of shape (3, 2)" in fb.message
    assert "Multiply" not in fb.hint and "one number" in fb.hint
    fb = check_value(np.ones((3, 1)), np.ones((1, 3)), name="W", hint=("maths",))
    assert "has shape (3, 1), expected shape (1, 3)" in fb.message and fb.hint != "maths"
    fb = check_value("0.5", 0.5, name="p")
    assert "Remove the quotes" in fb.hint


def test_the_exact_shape_can_be_required():
    assert not check_value([1.0, 2.0], np.array([[1.0, 2.0]]), name="W", shape=(1, 2))
    assert check_value([[1.0, 2.0]], np.array([[1.0, 2.0]]), name="W", shape=(1, 2))


def test_a_float32_threshold_passes_a_comparison_at_1e_9():
    values = np.array([2.5, 4.0, 9.5], dtype=np.float32)
    threshold = (values[1] + values[2]) / np.float32(2.0)    # float32, as a student's code makes it
    reference = (4.0 + 9.5) / 2 + 1e-7                      # float64, a float32 rounding away
    assert exercises.default_compare(threshold, reference, 1e-9, 1e-12) == ""
    assert exercises.default_compare(float(reference) + 1e-4, reference, 1e-9, 1e-12) != ""
    assert bool(exercises.numbers_agree(np.float32(1 / 3), 1 / 3, rtol=1e-9))
    assert not bool(exercises.numbers_agree(1 / 3 + 1e-8, 1 / 3, rtol=1e-9, atol=0))


# ---- no shortcuts ----------------------------------------------------------------------------------

from mlcourse import trees  # noqa: E402

SPLIT_CASES = [Case((np.c_[[1.0, 2.0, 3.0, 4.0]], np.array([0, 0, 1, 1])), "a perfect cut"),
               Case((np.c_[[1.0, 2.0, 3.0, 4.0], [4.0, 1.0, 3.0, 2.0]], np.array([0, 1, 0, 1])), "two columns")]


def _check_split(function, **kwargs):
    return check_function(function, trees.best_split, SPLIT_CASES, name="best_split",
                          shortcuts=(trees.best_split,), **kwargs)


def test_a_function_that_returns_the_librarys_answer_is_asked_to_write_it():
    def best_split(X, y):
        return trees.best_split(X, y)
    fb = _check_split(best_split)
    assert fb.status == "incorrect"
    assert fb.message == "Your function calls `trees.best_split`, the course's own answer: write it yourself."


def test_the_library_function_itself_or_imported_under_another_name_is_refused():
    from mlcourse.trees import best_split as split
    assert "trees.best_split" in _check_split(trees.best_split).message

    def best_split(X, y):
        return split(X, y)
    assert "trees.best_split" in _check_split(best_split).message

    def best_split_importing(X, y):
        from mlcourse import trees as t
        return t.best_split(X, y)
    assert "trees.best_split" in _check_split(best_split_importing).message


def test_a_hidden_call_is_caught_by_the_tripwire_and_everything_is_restored():
    original = trees.best_split
    import mlcourse.forests as forests

    def best_split(X, y):
        return getattr(trees, "best_" + "split")(X, y)     # no name to find in the source
    fb = _check_split(best_split)
    assert "trees.best_split" in fb.message
    assert trees.best_split is original and forests.best_split is original


def test_the_tripwire_cannot_be_swallowed_and_is_removed_after_an_error_or_a_timeout():
    original = trees.best_split

    def swallowing(X, y):
        try:
            return getattr(trees, "best_" + "split")(X, y)
        except Exception:  # noqa: BLE001 - the student's habit under test
            return (0, 2.5, 0.0)
    assert "trees.best_split" in _check_split(swallowing).message

    def failing(X, y):
        raise ValueError("my bug")
    assert "ValueError" in _check_split(failing).message and trees.best_split is original

    def endless(X, y):
        while True:
            pass
    assert "did not finish" in _check_split(endless, time_limit=0.2).message and trees.best_split is original


def test_a_students_own_function_of_the_same_name_and_the_librarys_internals_are_not_shortcuts():
    def best_split(X, y):
        """The student's search; it may call mlcourse functions that use best_split internally."""
        trees.grow_tree(X, y, "gini", max_depth=1)            # calls trees.best_split inside mlcourse
        best = (None, None, np.inf)
        for feature in range(X.shape[1]):
            values = np.unique(X[:, feature])
            for threshold in (values[:-1] + values[1:]) / 2:
                left = X[:, feature] <= threshold
                score = (left.sum() * trees.gini(y[left]) + (~left).sum() * trees.gini(y[~left])) / len(y)
                if score < best[2]:
                    best = (feature, float(threshold), float(score))
        return best
    fb = _check_split(best_split)
    assert fb, fb


def test_the_ladder_never_ends_at_an_instructor():
    assert "instructor" not in SOLUTION_POINTER and "sample solution" in SOLUTION_POINTER


def test_the_hint_helper_finds_a_hint_that_names_the_answer():
    from wrong_answers import assert_no_hint_names, hints_naming

    @exercise
    def leaky_function(function):
        """The docstring, which no student sees, may name trees.best_split."""
        return check_function(function, trees.best_split, SPLIT_CASES, name="best_split", shortcuts=(trees.best_split,),
                              hint=("Try every threshold.", "The readable reference is mlcourse.trees.best_split."))

    @exercise
    def clean_function(function):
        """Checks best_split against trees.best_split."""
        return check_function(function, trees.best_split, SPLIT_CASES, name="best_split", shortcuts=(trees.best_split,),
                              task="Write best_split(X, y).", hint=("Try every threshold.",))
    assert [name for name, _ in hints_naming(leaky_function, [trees.best_split])] == \
        ["mlcourse.trees.best_split", "trees.best_split"]
    assert_no_hint_names(clean_function, [trees.best_split])
    with pytest.raises(AssertionError, match="a hint names the answer"):
        assert_no_hint_names(leaky_function, [trees.best_split])


def test_a_wrong_answer_in_every_slot_keeps_the_first_line_short():
    """The check that tests/wrong_answers.py runs over every check of every day, on a synthetic module."""
    import types

    from wrong_answers import assert_checks_never_crash

    @exercise
    def wordy(answer):
        if answer == 0.5:
            return check_value(answer, 0.5, name="x")
        return exercises.incorrect("The reason, said at length: " + "and again, " * 40, "h", mistake=True)
    module = types.SimpleNamespace(__all__=["wordy"], wordy=wordy)
    assert_checks_never_crash(module, {"wordy": ({"answer": 0.5}, {})})

    @exercise
    def too_long(answer):
        if answer == 0.5:
            return check_value(answer, 0.5, name="x")
        return exercises.Feedback("unanswered", "A task restated whole on one line. " * 10)  # not via unanswered()
    module = types.SimpleNamespace(__all__=["too_long"], too_long=too_long)
    with pytest.raises(AssertionError, match="more than 200"):
        assert_checks_never_crash(module, {"too_long": ({"answer": 0.5}, {})})


def test_a_shortcut_outside_mlcourse_is_caught_in_its_own_module_too():
    import json
    original = json.dumps

    def serialise(value):
        return getattr(json, "du" + "mps")(value)       # hidden from the source scan
    fb = check_function(serialise, lambda v: "[1, 2]", [Case(([1, 2],))], name="serialise", shortcuts=(json.dumps,))
    assert "json.dumps" in fb.message and json.dumps is original


def test_only_the_students_call_runs_among_tripwires_not_the_mistake_models():
    def best_split(X, y):
        return (0, 99.0, 0.0)
    fb = _check_split(best_split, mistakes=[(lambda X, y: (0, 99.0, trees.best_split(X, y)[2]), "Wrong threshold.")])
    assert fb.status == "incorrect" and "calls" not in fb.message


def test_a_function_returning_the_wrong_form_is_asked_for_the_form_not_the_maths():
    exercises.reset_attempts()
    fb = check_function(lambda x: np.c_[x, x], lambda x: 2 * x, [Case((np.arange(3.0),))], name="double",
                        hint=("Multiply by two.",))
    assert "shape (3, 2), expected shape (3,)" in fb.message and "form" in fb.hint and "Multiply" not in fb.hint
    fb = check_function(lambda x: [x], lambda x: (x, x), [Case((1.0,))], name="pair", hint=("maths",))
    assert "expected 2 values" in fb.message and "form" in fb.hint


def test_a_shortcut_can_say_what_to_write():
    def best_split(X, y):
        return trees.best_split(X, y)
    fb = check_function(best_split, trees.best_split, SPLIT_CASES, name="best_split",
                        shortcuts=((trees.best_split, "the search"),))
    assert fb.message == "Your function calls `trees.best_split`, the course's own answer: write the search yourself."


def test_a_whole_number_is_judged_exactly_and_never_asked_for_digits():
    assert check_value(250.0, 250, name="n", whole=True) and check_value(np.int64(250), 250, name="n", whole=True)
    fraction = check_value(250.4, 250, name="n", whole=True)
    assert not fraction and "not a whole number" in fraction.headline()
    off = check_value(251, 250, name="n", whole=True, hint=("Count the ends.", "Draw it."))
    assert not off and "digit" not in off.text() and "Count the ends." in off.text()
    slip = check_value(241, 242, name="n", whole=True, mistakes=[(241, "Off by one: count the positions.")])
    assert "Off by one" in slip.text()
    divided = check_value(0.4, 250, name="n", whole=True, mistakes=[(10 / 25, "Divided instead of multiplied.")])
    assert "Divided" in divided.text()   # a known mistake first, before "not a whole number"
