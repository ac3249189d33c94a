"""Day 2 checks: right answers pass, typical mistakes get their hints, nothing a student types crashes them."""

import ast
import json
from pathlib import Path

import numpy as np
import pytest
from obspy.signal.trigger import classic_sta_lta

from mlcourse import detection
from mlcourse.exercises import day2 as check
from mlcourse.exercises import reset_attempts

from wrong_answers import assert_checks_never_crash

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "02_geoscience.ipynb"


@pytest.fixture(autouse=True)
def fresh_hints():
    reset_attempts()
    yield
    reset_attempts()


# ---- reference solutions, written as a student would -------------------------------------------

def sta_lta_loop(data, nsta, nlta):
    x = np.asarray(data, dtype=float)
    out = np.zeros(len(x))
    for i in range(nlta - 1, len(x)):
        out[i] = np.mean(x[i - nsta + 1:i + 1] ** 2) / np.mean(x[i - nlta + 1:i + 1] ** 2)
    return out


def precision_recall_by_hand(detected, onsets, tolerance):
    unused = list(detected)
    tp = 0
    for onset in onsets:
        close = [d for d in unused if abs(d - onset) <= tolerance]
        if close:
            unused.remove(min(close, key=lambda d: abs(d - onset)))
            tp += 1
    precision = tp / len(detected) if len(detected) else 0.0
    recall = tp / len(onsets) if len(onsets) else 0.0
    return precision, recall


def b_by_hand(magnitudes, mc, bin_width):
    m = np.asarray(magnitudes)
    m = m[m >= mc - 1e-9]
    return 0.4343 / (m.mean() - (mc - bin_width / 2)) * (np.log10(np.e) / 0.4343)


def threshold_by_hand(scores, times, onsets, grid, tolerance, merge):
    """A student's choice, written with a loop: keep a threshold when its F1 is at least the best so far."""
    best, best_f1 = grid[0], -1.0
    for threshold in grid:
        precision, recall = precision_recall_by_hand(detection.detections(scores, times, threshold, merge),
                                                     onsets, tolerance)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if f1 >= best_f1 - 1e-12:
            best, best_f1 = threshold, max(f1, best_f1)
    return best


VALID_CALLS = {
    "window_samples": ({"answer": 250}, {"seconds": 10, "sampling_rate": 25}),
    "conv_output_length": ({"answer": 242}, {"length": 250, "kernel_size": 9}),
    "sta_lta_function": ({"function": sta_lta_loop}, {}),
    "precision_recall_function": ({"function": precision_recall_by_hand}, {}),
    "choose_threshold_function": ({"function": threshold_by_hand}, {}),
    "pick_difference": ({"answer": 0.02}, {"aic_seconds": 30.655, "reference_seconds": 30.635,
                                           "sampling_rate": 200}),
    "deep_cluster": ({"answer": 1}, {"labels": np.array([0, 0, 1, 1, 2]),
                                     "depths": np.array([50.0, 60.0, 500.0, 600.0, 200.0])}),
    "b_value_function": ({"function": b_by_hand}, {}),
}


def test_no_check_ever_crashes_or_accepts_a_wrong_answer():
    assert_checks_never_crash(check, VALID_CALLS)


def test_every_feedback_displays_whatever_the_answer():
    """A hint given as a tuple of steps must reach the student as one string: displaying never raises."""
    from wrong_answers import WRONG_ANSWERS
    answers = dict(WRONG_ANSWERS, **{"-1": -1, "a float": 15.5, "zero": 0})
    for name, (valid, context) in VALID_CALLS.items():
        for slot in valid:
            for kind, wrong in answers.items():
                reset_attempts()
                for _ in range(3):   # the first, second and third wrong attempt: hint 1, hint 2, the pointer
                    feedback = getattr(check, name)(**dict(valid, **{slot: wrong}), **context)
                    assert isinstance(feedback.hint, str), (name, slot, kind, feedback.hint)
                    feedback.text(), repr(feedback), feedback._repr_html_()


def test_every_check_is_an_exercise():
    for name in check.__all__:
        assert hasattr(getattr(check, name), "__wrapped__"), f"{name} is not decorated with @exercise"


def test_window_samples():
    assert check.window_samples(250, 10, 25)
    assert "Multiply" in check.window_samples(0.4, 10, 25).hint
    assert "decimated" in check.window_samples(1000, 10, 25).hint
    assert check.window_samples(..., 10, 25).status == "unanswered"


def test_conv_output_length():
    assert check.conv_output_length(242, 250, 9)
    assert "Off by one" in check.conv_output_length(241, 250, 9).hint
    assert check.conv_output_length(125, 250, 9, stride=2, padding=4)


def test_sta_lta_function_accepts_a_loop_and_the_vectorised_reference():
    assert check.sta_lta_function(sta_lta_loop)
    assert check.sta_lta_function(detection.sta_lta)
    assert check.sta_lta_function(lambda x, nsta, nlta: classic_sta_lta(np.asarray(x, float), nsta, nlta))


def test_sta_lta_function_mistakes():
    def no_zeros(data, nsta, nlta):
        x = np.asarray(data, dtype=float)
        out = np.zeros(len(x))
        for i in range(len(x)):
            sta = np.sum(x[max(0, i - nsta + 1):i + 1] ** 2) / nsta
            lta = np.sum(x[max(0, i - nlta + 1):i + 1] ** 2) / nlta
            out[i] = sta / lta
        return out

    def absolute(data, nsta, nlta):
        return sta_lta_loop(np.sqrt(np.abs(np.asarray(data, dtype=float))), nsta, nlta)

    def blank(data, nsta, nlta):
        """The exercise as handed out."""
        ...  # your code here

    assert "first nlta - 1" in check.sta_lta_function(no_zeros).hint
    assert "x**2" in check.sta_lta_function(absolute).hint

    def one_zero_too_many(data, nsta, nlta):
        out = detection.sta_lta(data, nsta, nlta)
        out[:nlta] = 0.0
        return out

    def partial_windows(data, nsta, nlta):
        x = np.asarray(data, dtype=float)
        out = np.zeros(len(x))
        for i in range(len(x)):
            short, long_ = x[max(0, i - nsta + 1):i + 1], x[max(0, i - nlta + 1):i + 1]
            out[i] = np.mean(short ** 2) / np.mean(long_ ** 2)
        return out

    assert "Off by one" in check.sta_lta_function(one_zero_too_many).hint
    assert "first nlta - 1" in check.sta_lta_function(partial_windows).hint
    assert check.sta_lta_function(blank).status == "unanswered"
    assert check.sta_lta_function(...).status == "unanswered"


def test_precision_recall_function():
    assert check.precision_recall_function(precision_recall_by_hand)
    assert check.precision_recall_function(detection.precision_recall)

    def every_close_detection(detected, onsets, tolerance):
        near = [d for d in detected if any(abs(d - o) <= tolerance for o in onsets)]
        return (len(near) / len(detected) if len(detected) else 0.0,
                len(near) / len(onsets) if len(onsets) else 0.0)

    def swapped(detected, onsets, tolerance):
        p, r = precision_recall_by_hand(detected, onsets, tolerance)
        return r, p

    def divides_by_zero(detected, onsets, tolerance):
        p, r = precision_recall_by_hand(detected, onsets, tolerance)
        return p, len(detected) / len(onsets) * 0 + r

    assert "only once" in check.precision_recall_function(every_close_detection).hint
    assert "Swapped" in check.precision_recall_function(swapped).hint

    def onsets_with_any_detection(detected, onsets, tolerance):
        # the reviewed wrong answer: onsets with any detection nearby, divided by the detections too
        hits = sum(any(abs(d - o) <= tolerance for d in detected) for o in onsets)
        return (hits / len(detected) if len(detected) else 0.0, hits / len(onsets) if len(onsets) else 0.0)

    def strictly_within(detected, onsets, tolerance):
        found, unused = 0, list(detected)
        for onset in onsets:
            close = [d for d in unused if abs(d - onset) < tolerance]
            if close:
                unused.remove(min(close, key=lambda d: abs(d - onset)))
                found += 1
        return (found / len(detected) if len(detected) else 0.0, found / len(onsets) if len(onsets) else 0.0)

    fb = check.precision_recall_function(onsets_with_any_detection)
    assert fb.status == "incorrect" and "one-to-one" in fb.hint
    fb = check.precision_recall_function(strictly_within)
    assert fb.status == "incorrect" and "<=" in fb.hint
    fb = check.precision_recall_function(divides_by_zero)
    assert fb.status == "incorrect" and "ZeroDivisionError" in fb.message and "line" in fb.message


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_choose_threshold_function_accepts_a_loop_and_names_each_mistake(seed):
    assert check.choose_threshold_function(threshold_by_hand, seed=seed)
    for mistake, words in [(check._without_merge, "with the merge"), (check._ties_to_lower, "higher threshold"),
                           (check._best_recall, "maximises recall"), (check._best_precision, "precision alone")]:
        reset_attempts()
        feedback = check.choose_threshold_function(mistake, seed=seed)
        assert feedback.status == "incorrect" and words in feedback.hint, (mistake, feedback)


def test_choose_threshold_function_catches_a_choice_made_elsewhere():
    reset_attempts()
    feedback = check.choose_threshold_function(lambda scores, times, onsets, grid, tolerance, merge: 0.97)
    assert feedback.status == "incorrect" and "test stretch" in feedback.hint


def test_choose_threshold_function_shows_a_crash_as_feedback():
    def broken(scores, times, onsets, grid, tolerance, merge):
        return grid[len(grid)]
    feedback = check.choose_threshold_function(broken)
    assert feedback.status == "incorrect" and "IndexError" in feedback.message
    assert check.choose_threshold_function(...).status == "unanswered"


def test_pick_difference():
    assert check.pick_difference(0.02, 30.655, 30.635, 200)
    assert "sign" in check.pick_difference(-0.02, 30.655, 30.635, 200).hint
    assert "samples" in check.pick_difference(4.0, 30.655, 30.635, 200).hint
    assert "milliseconds" in check.pick_difference(20.0, 30.655, 30.635, 200).hint


def test_b_value_function():
    assert check.b_value_function(b_by_hand)
    assert check.b_value_function(detection.b_value)

    def no_correction(magnitudes, mc, bin_width):
        m = np.asarray(magnitudes)
        return np.log10(np.e) / (m[m >= mc - 1e-9].mean() - mc)

    def all_events(magnitudes, mc, bin_width):
        return np.log10(np.e) / (np.mean(magnitudes) - (mc - bin_width / 2))

    assert "bin correction" in check.b_value_function(no_correction).hint
    assert "at or above" in check.b_value_function(all_events).hint

    def with_correction(edge):
        def b(magnitudes, mc, bin_width):
            m = np.asarray(magnitudes)
            return np.log10(np.e) / (m[m >= mc - 1e-9].mean() - edge(mc, bin_width))
        return b

    assert "sign" in check.b_value_function(with_correction(lambda mc, dm: mc + dm / 2)).hint
    assert "Half a bin" in check.b_value_function(with_correction(lambda mc, dm: mc - dm)).hint
    assert "bin_width" in check.b_value_function(with_correction(lambda mc, dm: mc - 0.05)).hint

    def ln10_on_top(magnitudes, mc, bin_width):
        m = np.asarray(magnitudes)
        return np.log(10) / (m[m >= mc - 1e-9].mean() - (mc - bin_width / 2))

    def upside_down(magnitudes, mc, bin_width):
        m = np.asarray(magnitudes)
        return (m[m >= mc - 1e-9].mean() - (mc - bin_width / 2)) / np.log10(np.e)

    assert "ln(10)" in check.b_value_function(ln10_on_top).hint
    assert "Upside down" in check.b_value_function(upside_down).hint


def test_deep_cluster():
    labels, depths = np.array([0, 0, 1, 1, 2]), np.array([50.0, 60.0, 500.0, 600.0, 200.0])
    assert check.deep_cluster(1, labels, depths)
    assert check.deep_cluster(np.int64(1), labels, depths)
    assert "not the largest" in check.deep_cluster(2, labels, depths).message
    assert "not a cluster label" in check.deep_cluster(7, labels, depths).message


def _notebook_cells(tag):
    cells = json.loads(NOTEBOOK.read_text())["cells"]
    return ["".join(c["source"]) for c in cells if tag in c["metadata"].get("tags", [])]


def _hint_strings():
    tree = ast.parse(Path(check.__file__).read_text())
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_no_hint_contains_a_line_of_a_solution():
    hints = " ".join(_hint_strings())
    for source in _notebook_cells("solution"):
        for line in source.splitlines():
            code = line.split("#")[0].strip()
            if len(code) >= 20 and not code.startswith(("check.", "print(", "def ", "return", "plt.", "\"")):
                assert code not in hints, f"a hint gives away the solution line {code!r}"


def test_choose_threshold_function_names_a_returned_f1_or_index():
    """Returning the best F1 (or its index) is not choosing on the test stretch: say what to return."""
    reset_attempts()
    def best_f1(scores, times, onsets, grid, tolerance, merge):
        return 1.0
    feedback = check.choose_threshold_function(best_f1)
    assert feedback.status == "incorrect" and "grid[i]" in feedback.hint and "test stretch" not in feedback.hint
