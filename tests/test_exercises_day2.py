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
    for fraction in (250.4, 249.6):   # a count: only the whole number passes
        assert not check.window_samples(fraction, 10, 25)
        assert "whole number" in check.window_samples(fraction, 10, 25).message
    assert "give 3" not in check.window_samples(251, 10, 25).message
    assert "Divided instead of multiplied" in check.window_samples(0.4, 10, 25).hint
    assert "decimated" in check.window_samples(1000, 10, 25).hint
    assert check.window_samples(..., 10, 25).status == "unanswered"


def test_conv_output_length():
    assert check.conv_output_length(242, 250, 9)
    assert not check.conv_output_length(241.6, 250, 9)
    assert "digits" not in check.conv_output_length(240, 250, 9).message
    assert "Off by one" in check.conv_output_length(241, 250, 9).hint
    assert check.conv_output_length(125, 250, 9, stride=2, padding=4)


def sta_lta_cumsum(data, nsta, nlta):
    energy = np.cumsum(np.asarray(data, dtype=float) ** 2)
    sta, lta = energy.copy(), energy.copy()
    sta[nsta:] -= energy[:-nsta]
    lta[nlta:] -= energy[:-nlta]
    ratio = (sta / nsta) / (lta / nlta)
    ratio[:nlta - 1] = 0.0
    return ratio


def test_sta_lta_function_accepts_a_loop_and_a_cumulative_sum():
    assert check.sta_lta_function(sta_lta_loop)
    assert check.sta_lta_function(sta_lta_cumsum)


def test_sta_lta_function_refuses_the_course_and_obspy_functions():
    def course(data, nsta, nlta):
        return detection.sta_lta(data, nsta, nlta)

    def obspy(data, nsta, nlta):
        return classic_sta_lta(np.asarray(data, float), nsta, nlta)

    for shortcut, name in [(course, "sta_lta"), (obspy, "classic_sta_lta"), (detection.sta_lta, "sta_lta")]:
        reset_attempts()
        feedback = check.sta_lta_function(shortcut)
        assert feedback.status == "incorrect" and name in feedback.message, feedback


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
        out = sta_lta_loop(data, nsta, nlta)
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

    def counts_with_the_course(detected, onsets, tolerance):
        tp, fp, fn = detection.match_detections(detected, onsets, tolerance)
        return tp / max(tp + fp, 1), tp / max(tp + fn, 1)

    for shortcut in (detection.precision_recall, counts_with_the_course):
        reset_attempts()
        feedback = check.precision_recall_function(shortcut)   # the course's function, or the one it calls
        assert feedback.status == "incorrect" and ("precision_recall" in feedback.message
                                                   or "match_detections" in feedback.message), feedback

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


def test_choose_threshold_function_refuses_the_course_function():
    def course(scores, times, onsets, grid, tolerance, merge):
        return detection.choose_threshold(scores, times, onsets, grid, tolerance, merge)[0]
    feedback = check.choose_threshold_function(course)
    assert feedback.status == "incorrect" and "choose_threshold" in feedback.message, feedback


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
    # a value read off the plot (a few samples from the difference) is too coarse, not a unit slip
    for coarse in (0.01, 0.03, 0.025):
        assert "off the plot" in check.pick_difference(coarse, 30.655, 30.635, 200).hint
    assert "sign" in check.pick_difference(-0.02, 30.655, 30.635, 200).hint
    assert "sign" in check.pick_difference(-0.02, 30.655, 30.635, 200).hint
    assert "samples" in check.pick_difference(4.0, 30.655, 30.635, 200).hint
    assert "milliseconds" in check.pick_difference(20.0, 30.655, 30.635, 200).hint


def test_b_value_function():
    assert check.b_value_function(b_by_hand)

    def rounded_to_the_bin(magnitudes, mc, bin_width):
        # another right answer: snap magnitudes and Mc to the bin grid before comparing
        m = np.asarray(magnitudes, dtype=float)
        m = m[np.round(m / bin_width) >= np.round(mc / bin_width)]
        return np.log10(np.e) / (m.mean() - (mc - bin_width / 2))

    assert check.b_value_function(rounded_to_the_bin)

    def course(magnitudes, mc, bin_width):
        return detection.b_value(magnitudes, mc, bin_width)

    for shortcut in (course, detection.b_value):
        reset_attempts()
        feedback = check.b_value_function(shortcut)
        assert feedback.status == "incorrect" and "b_value" in feedback.message, feedback

    def exact_comparison(magnitudes, mc, bin_width):
        m = np.asarray(magnitudes)
        return np.log10(np.e) / (m[m >= mc].mean() - (mc - bin_width / 2))

    for seed in range(5):   # the cases a rounding error from Mc are there whatever the seed
        reset_attempts()
        feedback = check.b_value_function(exact_comparison, seed=seed)
        assert feedback.status == "incorrect" and "without a tolerance" in feedback.hint, feedback

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


# ---- the STA/LTA window slips, written as a student would -----------------------------------------

def sta_lta_windows(first, last):
    """A student's loop whose windows run from i + first(n) to i + last(n), both included."""
    def sta_lta(data, nsta, nlta):
        x = np.asarray(data, dtype=float)
        out = np.zeros(len(x))
        for i in range(nlta - 1, len(x)):
            short = x[max(0, i + first(nsta)):max(0, i + last(nsta) + 1)]
            long_ = x[max(0, i + first(nlta)):max(0, i + last(nlta) + 1)]
            out[i] = np.mean(short ** 2) / np.mean(long_ ** 2) if len(short) and len(long_) else 0.0
        return out
    return sta_lta


STA_LTA_SLIPS = {
    "one sample too many (x[i - n:i + 1])": (sta_lta_windows(lambda n: -n, lambda n: 0), "Off by one"),
    "one sample too few (x[i - n + 2:i + 1])": (sta_lta_windows(lambda n: -n + 2, lambda n: 0), "Off by one"),
    "skips the current sample (x[i - n:i])": (sta_lta_windows(lambda n: -n, lambda n: -1), "skip the current sample"),
    "centred (x[i - n // 2:i + n - n // 2])": (sta_lta_windows(lambda n: -(n // 2), lambda n: n - n // 2 - 1),
                                               "centred"),
    "centred, symmetric (x[i - n // 2:i + n // 2 + 1])": (sta_lta_windows(lambda n: -(n // 2), lambda n: n // 2),
                                                          "centred"),
    "looks ahead (x[i:i + n])": (sta_lta_windows(lambda n: 0, lambda n: n - 1), "looks ahead"),
}


@pytest.mark.parametrize("slip", STA_LTA_SLIPS)
def test_sta_lta_window_slips_get_a_hint_that_names_them(slip):
    function, words = STA_LTA_SLIPS[slip]
    for seed in range(3):
        reset_attempts()
        feedback = check.sta_lta_function(function, seed=seed)
        assert feedback.status == "incorrect" and words in feedback.hint, (slip, feedback)


def test_the_window_models_hold_the_right_windows():
    """The student's loop with the right windows passes: the slips above differ only in their windows."""
    assert check.sta_lta_function(sta_lta_windows(lambda n: -n + 1, lambda n: 0))


# ---- every listed slip gets a hint that names it ---------------------------------------------------

def _b_edge(edge, numerator=np.log10(np.e), select=lambda m, mc: m >= mc - 1e-9, upside_down=False):
    def b(magnitudes, mc, bin_width):
        m = np.asarray(magnitudes, dtype=float)
        kept = m[select(m, mc)]
        top, bottom = numerator, kept.mean() - edge(mc, bin_width)
        return bottom / top if upside_down else top / bottom
    return b


def _pr_variant(strict=False, swap=False):
    def pr(detected, onsets, tolerance):
        unused, found = list(detected), 0
        for onset in onsets:
            close = [d for d in unused if (abs(d - onset) < tolerance if strict else abs(d - onset) <= tolerance)]
            if close:
                unused.remove(min(close, key=lambda d: abs(d - onset)))
                found += 1
        p, r = (found / len(detected) if len(detected) else 0.0), (found / len(onsets) if len(onsets) else 0.0)
        return (r, p) if swap else (p, r)
    return pr


def _any_close(per_onset):
    def pr(detected, onsets, tolerance):
        if per_onset:   # onsets with any detection nearby, divided by the detections too
            hits = sum(any(abs(d - o) <= tolerance for d in detected) for o in onsets)
        else:           # every detection near an onset
            hits = len([d for d in detected if any(abs(d - o) <= tolerance for o in onsets)])
        return (hits / len(detected) if len(detected) else 0.0, hits / len(onsets) if len(onsets) else 0.0)
    return pr


def _sta_lta_start(kind):
    def sta_lta(data, nsta, nlta):
        x = np.asarray(data, dtype=float)
        out = sta_lta_loop(x, nsta, nlta)
        if kind == "too many zeros":
            out[:nlta] = 0.0
        for i in range(nlta - 1):
            if kind == "no zeros":
                out[i] = np.sum(x[max(0, i - nsta + 1):i + 1] ** 2) / nsta / (np.sum(x[:i + 1] ** 2) / nlta)
            elif kind == "partial":
                out[i] = np.mean(x[max(0, i - nsta + 1):i + 1] ** 2) / np.mean(x[:i + 1] ** 2)
        return out
    return sta_lta


def sta_lta_cumsum_count(ds, dl):
    """A cumulative-sum STA/LTA whose sums run over nsta + ds and nlta + dl samples, divided by nsta and nlta
    (``sta[nsta - 1:] -= energy[:-(nsta - 1)]`` for ds = -1)."""
    def sta_lta(data, nsta, nlta):
        energy = np.cumsum(np.asarray(data, dtype=float) ** 2)
        sta, lta = energy.copy(), energy.copy()
        ks, kl = nsta + ds, nlta + dl
        if ks:
            sta[ks:] -= energy[:-ks]
        lta[kl:] -= energy[:-kl]
        ratio = (sta / nsta) / (lta / nlta)
        ratio[:nlta - 1] = 0.0
        return ratio
    return sta_lta


@pytest.mark.parametrize("ds, dl", [(-1, 0), (0, -1), (-1, -1), (1, 0), (0, 1), (1, 1)])
def test_sta_lta_sums_over_the_wrong_count_get_a_hint_that_names_it(ds, dl):
    for seed in range(3):
        reset_attempts()
        feedback = check.sta_lta_function(sta_lta_cumsum_count(ds, dl), seed=seed)
        assert feedback.status == "incorrect" and "divide by n" in feedback.hint, (ds, dl, feedback)


def threshold_variant(variant):
    """choose_threshold as a student writes it, with one slip: "detections arguments" (times and scores
    swapped), "swapped" (tolerance and merge), "merge as tolerance" (precision_recall given merge), "index"."""
    def choose(scores, times, onsets, grid, tolerance, merge):
        f1 = []
        for threshold in grid:
            if variant == "detections arguments":
                found = detection.detections(times, scores, threshold, merge)
            else:
                found = detection.detections(scores, times, threshold, tolerance if variant == "swapped" else merge)
            within = merge if variant in ("swapped", "merge as tolerance") else tolerance
            precision, recall = precision_recall_by_hand(found, onsets, within)
            f1.append(2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0)
        tied = np.flatnonzero(np.isclose(f1, max(f1)))
        return tied[-1] if variant == "index" else grid[tied[-1]]
    return choose


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("variant, words", [("detections arguments", "arguments of detection.detections are swapped"),
                                            ("swapped", "Tolerance and merge are swapped"),
                                            ("merge as tolerance", "`merge` where `tolerance` belongs"),
                                            ("index", "grid[i]")])
def test_choose_threshold_argument_slips_are_diagnosed(variant, words, seed):
    reset_attempts()
    feedback = check.choose_threshold_function(threshold_variant(variant), seed=seed)
    assert feedback.status == "incorrect" and words in feedback.hint and "test stretch" not in feedback.hint, feedback


def sta_lta_list_power(data, nsta, nlta):
    """A student's STA/LTA that squares `data` directly: fails on a list."""
    energy = data ** 2
    return sta_lta_loop(energy ** 0.5, nsta, nlta)


def precision_recall_dividing(detected, onsets, tolerance):
    """A student's precision_recall without the rule for an empty denominator."""
    precision, recall = precision_recall_by_hand(detected, onsets, tolerance)
    return precision * len(detected) / len(detected), recall * len(onsets) / len(onsets)


def threshold_dividing(scores, times, onsets, grid, tolerance, merge):
    """A student's choose_threshold computing F1 without the rule for P + R = 0."""
    best, best_f1 = None, -1.0
    for threshold in grid:
        precision, recall = precision_recall_by_hand(detection.detections(scores, times, threshold, merge),
                                                     onsets, tolerance)
        f1 = 2 * float(precision) * float(recall) / (float(precision) + float(recall))
        if f1 >= best_f1 - 1e-12:
            best, best_f1 = threshold, max(f1, best_f1)
    return best


PICKS = {"aic_seconds": 30.655, "reference_seconds": 30.635, "sampling_rate": 200}
SLIP_EXAMPLES = {
    "seconds divided by the sampling rate": (lambda: check.window_samples(0.4, 10, 25), "Divided"),
    "the original 100 Hz instead of the decimated rate": (lambda: check.window_samples(1000, 10, 25), "decimated"),
    "STA or LTA window off by one sample": (lambda: check.sta_lta_function(STA_LTA_SLIPS["one sample too many (x[i - n:i + 1])"][0]), "Off by one"),
    "window that skips the current sample": (lambda: check.sta_lta_function(STA_LTA_SLIPS["skips the current sample (x[i - n:i])"][0]), "skip the current sample"),
    "window sum over n - 1 or n + 1 samples divided by n": (lambda: check.sta_lta_function(sta_lta_cumsum_count(-1, 0)), "divide by n"),
    "centred window (or one that looks ahead)": (lambda: check.sta_lta_function(STA_LTA_SLIPS["centred (x[i - n // 2:i + n - n // 2])"][0]), "centred"),
    "no zeros where the long window is not full": (lambda: check.sta_lta_function(_sta_lta_start("no zeros")), "first nlta - 1"),
    "partial windows averaged at the start": (lambda: check.sta_lta_function(_sta_lta_start("partial")), "part of a window"),
    "one zero too many at the start": (lambda: check.sta_lta_function(_sta_lta_start("too many zeros")), "Off by one"),
    "absolute amplitude instead of energy": (lambda: check.sta_lta_function(lambda x, a, b: sta_lta_loop(np.sqrt(np.abs(np.asarray(x, float))), a, b)), "absolute amplitude"),
    "LTA over STA, upside down": (lambda: check.sta_lta_function(lambda x, a, b: np.where(sta_lta_loop(x, a, b) > 0, 1 / np.where(sta_lta_loop(x, a, b) > 0, sta_lta_loop(x, a, b), 1), 0.0)), "Upside down"),
    "output length off by one": (lambda: check.conv_output_length(241, 250, 9), "Off by one"),
    "output as long as the input": (lambda: check.conv_output_length(250, 250, 9), "as long as the input"),
    "one detection finds two onsets": (lambda: check.precision_recall_function(_any_close(per_onset=True)), "one-to-one"),
    "a second detection of one event counted as found": (lambda: check.precision_recall_function(_any_close(per_onset=False)), "only once"),
    "strict < at the tolerance": (lambda: check.precision_recall_function(_pr_variant(strict=True)), "<="),
    "precision and recall swapped": (lambda: check.precision_recall_function(_pr_variant(swap=True)), "Swapped"),
    "ties broken to the lower threshold": (lambda: check.choose_threshold_function(check._ties_to_lower, seed=0), "higher threshold"),
    "best recall instead of F1": (lambda: check.choose_threshold_function(check._best_recall, seed=0), "maximises recall"),
    "best precision instead of F1": (lambda: check.choose_threshold_function(check._best_precision, seed=0), "precision alone"),
    "detections without the merge": (lambda: check.choose_threshold_function(check._without_merge, seed=0), "with the merge"),
    "threshold chosen elsewhere (test stretch)": (lambda: check.choose_threshold_function(lambda *args: 0.97), "test stretch"),
    "F1 or index returned instead of the threshold": (lambda: check.choose_threshold_function(lambda *args: 1.0), "grid[i]"),
    "precision_recall given merge instead of tolerance": (lambda: check.choose_threshold_function(threshold_variant("merge as tolerance")), "`merge` where `tolerance` belongs"),
    "tolerance and merge swapped": (lambda: check.choose_threshold_function(threshold_variant("swapped")), "Tolerance and merge are swapped"),
    "scores and times swapped in detection.detections": (lambda: check.choose_threshold_function(threshold_variant("detections arguments")), "arguments of detection.detections are swapped"),
    "one sample too many (both ends counted)": (lambda: check.window_samples(251, 10, 25), "One sample too many"),
    "one sample too few": (lambda: check.window_samples(249, 10, 25), "One sample too few"),
    "a list of counts used without turning it into an array": (lambda: check.sta_lta_function(sta_lta_list_power), "np.asarray, with dtype=float"),
    "a ratio divided by zero": (lambda: check.precision_recall_function(precision_recall_dividing), "nothing to divide by is 0"),
    "F1 divided by zero": (lambda: check.choose_threshold_function(threshold_dividing), "F1 = 0 when P + R = 0"),
    "picks read off the plot, too coarse": (lambda: check.pick_difference(0.01, **PICKS), "not read the picks off the plot"),
    "an event's row number instead of a cluster label": (lambda: check.deep_cluster(4, np.array([0, 0, 1, 1, 2]), np.array([10.0, 20, 300, 400, 50])), "row number"),
    "sign of the difference": (lambda: check.pick_difference(-0.02, **PICKS), "sign"),
    "difference in samples": (lambda: check.pick_difference(4.0, **PICKS), "samples"),
    "difference in milliseconds": (lambda: check.pick_difference(20.0, **PICKS), "milliseconds"),
    "magnitudes compared with Mc without a tolerance": (lambda: check.b_value_function(_b_edge(lambda mc, dm: mc - dm / 2, select=lambda m, mc: m >= mc)), "without a tolerance"),
    "no bin correction": (lambda: check.b_value_function(_b_edge(lambda mc, dm: mc)), "bin correction"),
    "natural log instead of log10(e)": (lambda: check.b_value_function(_b_edge(lambda mc, dm: mc - dm / 2, numerator=1.0)), "log10(e)"),
    "bin correction with the wrong sign": (lambda: check.b_value_function(_b_edge(lambda mc, dm: mc + dm / 2)), "sign"),
    "a whole bin instead of half": (lambda: check.b_value_function(_b_edge(lambda mc, dm: mc - dm)), "Half a bin"),
    "a fixed 0.05 instead of bin_width / 2": (lambda: check.b_value_function(_b_edge(lambda mc, dm: mc - 0.05)), "bin_width"),
    "ln(10) in the numerator": (lambda: check.b_value_function(_b_edge(lambda mc, dm: mc - dm / 2, numerator=np.log(10))), "ln(10)"),
    "b upside down": (lambda: check.b_value_function(_b_edge(lambda mc, dm: mc - dm / 2, upside_down=True)), "Upside down"),
    "all events, not only those at or above Mc": (lambda: check.b_value_function(_b_edge(lambda mc, dm: mc - dm / 2, select=lambda m, mc: m == m)), "at or above"),
}


def test_every_slip_has_an_example():
    assert sorted(SLIP_EXAMPLES) == sorted(description for _, description in check.SLIPS)


@pytest.mark.parametrize("exercise_id, description", check.SLIPS)
def test_each_slip_gets_a_hint_that_names_it(exercise_id, description):
    reset_attempts()
    make, words = SLIP_EXAMPLES[description]
    feedback = make()
    assert feedback.status == "incorrect" and words in feedback.hint, (exercise_id, description, feedback)
