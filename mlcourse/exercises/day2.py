"""Checks for the exercises of Day 2 (ML in geosciences, the earthquake detector).

Number exercises compare a value with the reference; function exercises call the
student's function on fresh cases (random records and catalogues from a new
generator each time, plus edge cases) and compare with ObsPy or ``mlcourse``.

>>> conv_output_length(242, length=250, kernel_size=9).status
'correct'
"""

from __future__ import annotations

import copy
import numbers

import numpy as np
from obspy.signal import trigger as _obspy_trigger

from .. import detection
from . import Case, Feedback, TimeLimitExceeded, call_with_time_limit, random_cases, check_function, check_value, correct, exercise, incorrect, is_blank, unanswered, use

__all__ = ["window_samples", "conv_output_length", "sta_lta_function", "precision_recall_function",
           "choose_threshold_function", "pick_difference", "deep_cluster", "b_value_function"]

# The course's own answers, bound here: while a student's function runs, the checks replace them in
# `detection` by tripwires (shortcuts=), and the models of the slips below must still reach them.
_sta_lta = detection.sta_lta
_match_detections = detection.match_detections
_choose_threshold = detection.choose_threshold


def _precision_recall(detected, onsets, tolerance):
    """detection.precision_recall through the bound _match_detections (safe while the tripwires are set)."""
    tp, fp, fn = _match_detections(detected, onsets, tolerance)
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)

# The known wrong answers these checks diagnose, each with a hint that names it: (exercise, slip).
# A new slip goes here, into its check's mistakes, and into tests/test_exercises_day2.py (SLIP_EXAMPLES).
SLIPS = [
    ("2.1", "seconds divided by the sampling rate"),
    ("2.1", "the original 100 Hz instead of the decimated rate"),
    ("2.1", "one sample too many (both ends counted)"),
    ("2.1", "one sample too few"),
    ("3.1", "STA or LTA window off by one sample"),
    ("3.1", "window that skips the current sample"),
    ("3.1", "centred window (or one that looks ahead)"),
    ("3.1", "window sum over n - 1 or n + 1 samples divided by n"),
    ("3.1", "no zeros where the long window is not full"),
    ("3.1", "partial windows averaged at the start"),
    ("3.1", "one zero too many at the start"),
    ("3.1", "absolute amplitude instead of energy"),
    ("3.1", "LTA over STA, upside down"),
    ("3.1", "a list of counts used without turning it into an array"),
    ("5.1", "output length off by one"),
    ("5.1", "output as long as the input"),
    ("6.1", "one detection finds two onsets"),
    ("6.1", "a second detection of one event counted as found"),
    ("6.1", "strict < at the tolerance"),
    ("6.1", "precision and recall swapped"),
    ("6.1", "a ratio divided by zero"),
    ("6.2", "ties broken to the lower threshold"),
    ("6.2", "best recall instead of F1"),
    ("6.2", "best precision instead of F1"),
    ("6.2", "detections without the merge"),
    ("6.2", "threshold chosen elsewhere (test stretch)"),
    ("6.2", "F1 or index returned instead of the threshold"),
    ("6.2", "precision_recall given merge instead of tolerance"),
    ("6.2", "tolerance and merge swapped"),
    ("6.2", "scores and times swapped in detection.detections"),
    ("6.2", "F1 divided by zero"),
    ("7.1", "sign of the difference"),
    ("7.1", "difference in samples"),
    ("7.1", "difference in milliseconds"),
    ("7.1", "picks read off the plot, too coarse"),
    ("8.1", "an event's row number instead of a cluster label"),
    ("9.1", "magnitudes compared with Mc without a tolerance"),
    ("9.1", "no bin correction"),
    ("9.1", "natural log instead of log10(e)"),
    ("9.1", "bin correction with the wrong sign"),
    ("9.1", "a whole bin instead of half"),
    ("9.1", "a fixed 0.05 instead of bin_width / 2"),
    ("9.1", "ln(10) in the numerator"),
    ("9.1", "b upside down"),
    ("9.1", "all events, not only those at or above Mc"),
]



@exercise
def window_samples(answer, seconds: float, sampling_rate: float) -> Feedback:
    """Exercise: samples in a window of ``seconds`` at ``sampling_rate`` Hz."""
    expected = seconds * sampling_rate
    divided = "Divided instead of multiplied: the rate is samples per second, so 10 s hold more samples than 1 s, not fewer."
    value = _one_number(answer)
    if value is not None and np.isclose(value, seconds / sampling_rate, rtol=1e-3):   # a fraction, named before "whole"
        return incorrect(f"n_samples = {value:g}, expected a different value.", divided, mistake=True)
    return check_value(answer, expected, name="n_samples", whole=True,
                       task="How many samples are 10 s of the decimated record? Give the whole number.",
                       mistakes=[
                           (expected + 1, "One sample too many: both ends counted, as for the posts of a "
                                          "fence. Count the samples: how many does 1 s of the record hold?"),
                           (expected - 1, "One sample too few: a window of n samples starting at sample 0 "
                                          "ends at sample n - 1. Count the samples, not the gaps between them."),
                           (seconds / sampling_rate, divided),
                           (seconds * 100, "The record was decimated: use the new sampling rate, not the "
                                           "original 100 Hz."),
                       ], hint=("A sampling rate counts samples per second.",
                                "How many samples does one second of the decimated record hold? And ten?"))


@exercise
def conv_output_length(answer, length: int, kernel_size: int, stride: int = 1, padding: int = 0) -> Feedback:
    """Exercise: the length after a convolution, ``(L + 2p - K) // stride + 1``."""
    expected = (length + 2 * padding - kernel_size) // stride + 1
    return check_value(answer, expected, name="n_out", whole=True,
                       task="How long is the output of the convolution? Give the whole number of samples.",
                       mistakes=[
                           (length + 2 * padding - kernel_size, "Off by one: count the kernel's positions on a "
                                                                "small case, a kernel of 3 samples along a "
                                                                "signal of 5 (positions 0, 1 and 2)."),
                           (length, "Output as long as the input: that needs padding. Without padding the "
                                    "kernel cannot hang over the ends, so the output is shorter."),
                       ], hint=("Slide the kernel along the window: where can its first sample sit?",
                                "Count on a small case: a kernel of 3 samples along a signal of 5 samples. "
                                "Then do the same with 9 and 250."))


# ---- STA/LTA: the students' characteristic function --------------------------------------------

def _obspy_sta_lta(data, nsta, nlta):
    from obspy.signal.trigger import classic_sta_lta

    return classic_sta_lta(np.asarray(data, dtype=float), int(nsta), int(nlta))


def _sta_lta_no_zeros(data, nsta, nlta):
    out = _sta_lta(data, nsta, nlta)
    x2 = np.cumsum(np.asarray(data, dtype=float) ** 2)
    for i in range(nlta - 1):  # the start, where the long window is not full yet
        sta = (x2[i] - (x2[i - nsta] if i >= nsta else 0.0)) / nsta
        out[i] = sta / max((x2[i]) / nlta, np.finfo(float).tiny)
    return out


def _sta_lta_one_zero_too_many(data, nsta, nlta):
    out = _sta_lta(data, nsta, nlta)
    out[:nlta] = 0.0  # a loop from range(nlta, ...): nlta zeros instead of nlta - 1
    return out


def _sta_lta_partial_windows(data, nsta, nlta):
    """Means over the samples available so far at the start (1.0 at the first sample), no zeros."""
    x2 = np.cumsum(np.asarray(data, dtype=float) ** 2)
    out = _sta_lta(data, nsta, nlta)
    for i in range(min(nlta - 1, len(x2))):
        ns, nl = min(nsta, i + 1), i + 1
        sta = (x2[i] - (x2[i - ns] if i >= ns else 0.0)) / ns
        out[i] = sta / max(x2[i] / nl, np.finfo(float).tiny)
    return out


def _sta_lta_abs(data, nsta, nlta):
    return _sta_lta(np.sqrt(np.abs(np.asarray(data, dtype=float))), nsta, nlta)


def _lta_sta(data, nsta, nlta):
    out = _sta_lta(data, nsta, nlta)
    with np.errstate(divide="ignore"):
        inverse = np.where(out > 0, 1 / np.where(out > 0, out, 1), 0.0)
    return inverse


def _window_mean(energy_cumsum, first, last):
    """Mean of x**2 over samples first..last (both included) at every sample, NaN outside the record."""
    n_total = len(energy_cumsum)
    out = np.full(n_total, np.nan)
    c = np.r_[0.0, energy_cumsum]
    i = np.arange(n_total)
    a, b = i + first, i + last            # offsets relative to sample i
    inside = (a >= 0) & (b < n_total) & (b >= a)
    out[inside] = (c[b[inside] + 1] - c[a[inside]]) / (b[inside] - a[inside] + 1)
    return out


def _windowed_ratio(data, short, long_):
    """STA/LTA with each window given as (first, last) offsets from the current sample."""
    energy = np.cumsum(np.asarray(data, dtype=float) ** 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        return _window_mean(energy, *short) / _window_mean(energy, *long_)


def _sta_lta_slip_models(nsta, nlta):
    """The window slips of Exercise 3.1, as (hint, [(short window, long window), ...]) with each window
    given by its first and last sample relative to the current sample i (the right one: i - n + 1 to i)."""
    right_s, right_l = (-nsta + 1, 0), (-nlta + 1, 0)
    off_by_one = []
    for ds in (-1, 0, 1):
        for dl in (-1, 0, 1):
            if (ds, dl) != (0, 0):
                off_by_one.append(((right_s[0] - ds, 0), (right_l[0] - dl, 0)))
    skipping = [((-nsta, -1), (-nlta, -1)), ((-nsta, -1), right_l), (right_s, (-nlta, -1))]
    centred = []
    for ks in {nsta // 2, (nsta - 1) // 2}:
        for kl in {nlta // 2, (nlta - 1) // 2}:
            short, long_ = (-ks, nsta - 1 - ks), (-kl, nlta - 1 - kl)
            centred += [(short, long_), (short, right_l), (right_s, long_)]
    symmetric_s, symmetric_l = (-(nsta // 2), nsta // 2), (-(nlta // 2), nlta // 2)   # n + 1 samples for even n
    centred += [(symmetric_s, symmetric_l), (symmetric_s, right_l), (right_s, symmetric_l)]
    centred += [((0, nsta - 1), (0, nlta - 1)), ((0, nsta - 1), right_l)]   # windows that look ahead
    return [(STA_LTA_OFF_BY_ONE, off_by_one), (STA_LTA_SKIPS_CURRENT, skipping), (STA_LTA_CENTRED, centred)]


def _sta_lta_sum_count_models(nsta, nlta):
    """The cumulative-sum slip of Exercise 3.1: a sum over n - 1 or n + 1 samples ending at i, divided by n
    (``sta[nsta - 1:] -= energy[:-(nsta - 1)]``), as (short window, long window, factor on the ratio)."""
    models = []
    for ds in (-1, 0, 1):
        for dl in (-1, 0, 1):
            if (ds, dl) != (0, 0):
                models.append(((-(nsta + ds) + 1, 0), (-(nlta + dl) + 1, 0), ((nsta + ds) / nsta) / ((nlta + dl) / nlta)))
    return models


STA_LTA_OFF_BY_ONE = ("Off by one: a window holds one sample too many or too few. The window of n samples at "
                      "sample i ends at i and starts at i - n + 1; count its samples on a window of 3.")
STA_LTA_SKIPS_CURRENT = ("Your windows skip the current sample: they end at i - 1. The window at sample i ends "
                         "at x_i itself, so that a trigger reacts to the sample that has just arrived.")
STA_LTA_SUM_COUNT = ("Your window sums run over n - 1 (or n + 1) samples, but you divide by n: the indices of the "
                     "cumulative sum are off by one. On a window of 3 samples ending at i, which two entries of the "
                     "cumulative sum differ by exactly those 3 samples?")
STA_LTA_CENTRED = ("Your window is centred on sample i (or looks ahead): it uses samples that have not arrived "
                   "yet. A trigger runs in real time, so both windows end at the current sample i.")


def _diagnose_sta_lta_window(function):
    """The hint of a window slip when the student's ratio matches one away from the record's ends, else ''."""
    rng = np.random.default_rng(7)
    data = rng.normal(size=300)
    data[150:190] += 6 * np.sin(np.arange(40) / 2) * np.exp(-np.arange(40) / 15)
    nsta, nlta = 4, 30
    try:
        got = np.asarray(call_with_time_limit(5.0, function, data.copy(), nsta, nlta), dtype=float)
    except (Exception, TimeLimitExceeded):  # noqa: BLE001 - the feedback already reports the error
        return ""
    if got.shape != data.shape:
        return ""
    middle = slice(nlta + 1, len(data) - nlta)   # where every window, however placed, is inside the record
    if np.allclose(got[middle], _sta_lta(data, nsta, nlta)[middle], rtol=1e-6, atol=1e-9):
        return ""   # the windows are right; what differs is elsewhere (the start)
    for hint, models in _sta_lta_slip_models(nsta, nlta):
        for short, long_ in models:
            if np.allclose(got[middle], _windowed_ratio(data, short, long_)[middle], rtol=1e-6, atol=1e-9):
                return hint
    for short, long_, factor in _sta_lta_sum_count_models(nsta, nlta):
        if np.allclose(got[middle], factor * _windowed_ratio(data, short, long_)[middle], rtol=1e-6, atol=1e-9):
            return STA_LTA_SUM_COUNT
    return ""


@exercise
def sta_lta_function(function, seed=None) -> Feedback:
    """Function exercise: the classic STA/LTA ratio, as ObsPy's ``classic_sta_lta``."""
    rng, seed = random_cases(seed)
    noise = rng.normal(size=400)
    event = noise.copy()
    event[250:300] += 8 * np.sin(np.arange(50) / 2) * np.exp(-np.arange(50) / 20)
    counts = rng.integers(-50, 50, size=80)
    counts[0] = counts[0] or 7   # a record starting at exactly 0 makes the first ratio 0 / 0, which is set to 0 anyway
    cases = [
        Case((noise, 5, 50), "random noise"),
        Case((event, 5, 50), "noise with an event at sample 250"),
        Case((rng.normal(size=60), 1, 10), "a short window of one sample"),
        Case((rng.normal(size=40), 4, 40), "the long window as long as the record"),
        Case((np.r_[np.ones(6), 3 * np.ones(2)], 2, 4), "a step in amplitude"),
        Case((list(counts), 3, 12), "counts given as a list of integers"),
    ]
    feedback = check_function(
        function, _obspy_sta_lta, cases, seed=seed, name="sta_lta", rtol=1e-6, atol=1e-9,
        shortcuts=(detection.sta_lta, _obspy_trigger.classic_sta_lta),
        task="Write sta_lta(data, nsta, nlta): the mean of data**2 over the last nsta samples divided by "
             "its mean over the last nlta samples, 0 for the first nlta - 1 samples.",
        hint=("Work with the energy x**2; a running mean over n samples is a sum over the last n samples "
              "divided by n, and a cumulative sum gives every such sum at once.",
              "With c the cumulative sum of x**2, the sum over a window is the difference of two entries "
              "of c: which two, for the n samples ending at i? (Near the start it is one entry.) Then set "
              "the first nlta - 1 values to 0."),
        mistakes=[(_sta_lta_no_zeros, "Almost: ObsPy sets the first nlta - 1 values to 0, where the long "
                                      "window is not full yet."),
                  (_sta_lta_partial_windows, "Almost: only the first nlta - 1 values differ. ObsPy does not "
                                             "average over the part of a window that exists; it sets exactly "
                                             "those first nlta - 1 values to 0."),
                  (_sta_lta_one_zero_too_many, "Off by one: the value at sample nlta - 1 already has a full long "
                                               "window (samples 0 to nlta - 1), so only the first nlta - 1 "
                                               "values are 0."),
                  (_sta_lta_abs, "Average the energy x**2, not the absolute amplitude |x|."),
                  (_lta_sta, "Upside down: the short-term average goes on top.")],
        done="It is the same as ObsPy's classic STA/LTA.")
    if feedback.status == "incorrect" and callable(function):
        slip = _diagnose_sta_lta_window(function)
        if slip:
            return incorrect(feedback.message, slip, mistake=True, details=feedback.full)
        if "a list of integers" in feedback.message and " raised " in feedback.message:
            return incorrect(feedback.message, "`data` may be a Python list, which has no `**` or arithmetic of "
                             "its own: turn it into a NumPy array of floats first (np.asarray, with dtype=float).",
                             mistake=True, details=feedback.full)
    return feedback


ZERO_DIVISION_HINT = ("The task's rule: a ratio with nothing to divide by is 0. Check for a zero denominator "
                      "before you divide.")


def _zero_division(feedback: Feedback) -> Feedback:
    """The feedback, with the task's rule as its hint when the student's function divided by zero."""
    if feedback.status == "incorrect" and "raised ZeroDivisionError" in feedback.message:
        return incorrect(feedback.message, ZERO_DIVISION_HINT, mistake=True, details=feedback.full)
    return feedback


# ---- matching detections to a catalogue ---------------------------------------------------------

def _all_close_count(detected, onsets, tolerance):
    """A mistake: every detection near an onset counts as found (no one-to-one matching)."""
    detected, onsets = np.asarray(detected, dtype=float), np.asarray(onsets, dtype=float)
    near = [d for d in detected if np.any(np.abs(onsets - d) <= tolerance)]
    precision = len(near) / len(detected) if len(detected) else 0.0
    recall = len(near) / len(onsets) if len(onsets) else 0.0
    return precision, recall


def _onsets_with_any_detection(detected, onsets, tolerance):
    """A mistake: count the onsets with any detection near them, and divide that by the detections too."""
    detected, onsets = np.asarray(detected, dtype=float), np.asarray(onsets, dtype=float)
    hits = sum(bool(np.any(np.abs(detected - o) <= tolerance)) for o in onsets)
    precision = hits / len(detected) if len(detected) else 0.0
    recall = hits / len(onsets) if len(onsets) else 0.0
    return precision, recall


def _strictly_within(detected, onsets, tolerance):
    """A mistake: |detection - onset| < tolerance instead of <=."""
    return _precision_recall(detected, onsets, np.nextafter(float(tolerance), 0.0))


def _swapped(detected, onsets, tolerance):
    precision, recall = _precision_recall(detected, onsets, tolerance)
    return recall, precision


def _catalogue_case(rng, n_events, tolerance):
    """Onsets far apart (more than twice the tolerance) and detections near some of them, some not."""
    onsets = np.sort(rng.choice(np.arange(30.0, 3000.0, 60.0), n_events, replace=False))
    found = onsets[rng.random(n_events) < 0.7] + rng.uniform(-0.8, 0.8, 1) * tolerance
    doubles = found[:2] + 0.3 * tolerance  # a second detection of the same event
    false = rng.uniform(0, 3000, 3)
    false = false[np.all(np.abs(false[:, None] - onsets[None, :]) > tolerance, axis=1)]
    detected = np.sort(np.r_[found, doubles, false])
    return detected, onsets


@exercise
def precision_recall_function(function, seed=None) -> Feedback:
    """Function exercise: precision and recall of detections against catalogue onsets."""
    rng, seed = random_cases(seed)
    cases = [Case((*_catalogue_case(rng, 12, 10.0), 10.0), "a catalogue of 12 onsets"),
             Case((*_catalogue_case(rng, 5, 3.0), 3.0), "5 onsets, tolerance 3 s"),
             Case(([100.0, 103.0, 250.0], [102.0, 400.0], 5.0), "two detections of one event"),
             Case(([104.0], [100.0, 108.0], 10.0), "one detection between two close onsets"),
             Case(([110.0], [100.0], 10.0), "a detection exactly at the tolerance"),
             Case(([112.0], [100.0], 10.0), "a detection just outside the tolerance"),
             Case(([95.0], [100.0], 10.0), "a detection before the onset"),
             Case(([], [100.0, 200.0], 10.0), "no detections at all"),
             Case(([50.0, 60.0], [], 10.0), "no onsets in the catalogue")]
    return _zero_division(check_function(
        function, _precision_recall, cases, seed=seed, name="precision_recall", rtol=1e-9,
        shortcuts=(detection.precision_recall, detection.match_detections),
        task="Write precision_recall(detected, onsets, tolerance) returning (precision, recall). Matching is "
             "one-to-one: each onset is found at most once (a second detection of the same event is a false "
             "alarm), and each detection finds at most one onset. 'Within' means |detection - onset| <= "
             "tolerance. A ratio with nothing to divide by is 0.",
        hint=("Match one-to-one: pair each onset with at most one detection within the tolerance, and never "
              "use a detection twice. The pairs are TP; unpaired detections are false alarms (FP), unpaired "
              "onsets are missed (FN).",
              "For each onset, take the closest unused detection within the tolerance and mark it used. "
              "precision = TP / number of detections, recall = TP / number of onsets (0 if either is 0)."),
        mistakes=[(_onsets_with_any_detection, "Matching is one-to-one: one detection cannot find two onsets, "
                                               "so a detection used for one onset is no longer available."),
                  (_all_close_count, "Each onset can be found only once: a second detection of the same "
                                     "event is a false alarm."),
                  (_strictly_within, "'Within' includes the edge: a detection exactly `tolerance` seconds "
                                     "from an onset finds it (<=, not <)."),
                  (_swapped, "Swapped: precision divides by the detections, recall by the catalogue's onsets.")]))


# ---- choosing a threshold on the validation stretch ----------------------------------------------

def _reference_threshold(scores, times, onsets, grid, tolerance, merge):
    """The threshold of ``grid`` with the best F1 on this (validation) stretch; ties to the higher one."""
    return _choose_threshold(scores, times, onsets, grid, tolerance, merge)[0]


def _f1_per_threshold(scores, times, onsets, grid, tolerance, merge, match_tolerance=None, swap_arguments=False):
    """(precision, recall) at each threshold; ``match_tolerance`` overrides the tolerance of the matching,
    ``swap_arguments`` calls detection.detections(times, scores, ...) as a slip would."""
    out = []
    for threshold in grid:
        found = (detection.detections(times, scores, threshold, merge) if swap_arguments
                 else detection.detections(scores, times, threshold, merge))
        out.append(_precision_recall(found, onsets, tolerance if match_tolerance is None else match_tolerance))
    return np.array(out)


def _threshold_by(column_of, lowest=False, merge_used=True, roles="right", index=False):
    """A mistaken rule: maximise another column, or break ties to the lower threshold, or skip the merge;
    ``roles``: "right", "merge as tolerance" (the matching given `merge`), "swapped" (detections merged
    over `tolerance`, matching within `merge`), "detections arguments" (scores and times swapped);
    ``index``: return the index of the threshold instead of the threshold."""
    def wrong(scores, times, onsets, grid, tolerance, merge):
        gap = {"swapped": tolerance}.get(roles, merge if merge_used else 0.0)
        within = {"merge as tolerance": merge, "swapped": merge}.get(roles, tolerance)
        pr = _f1_per_threshold(scores, times, onsets, grid, tolerance, gap, match_tolerance=within,
                               swap_arguments=roles == "detections arguments")
        value = column_of(pr)
        tied = np.flatnonzero(np.isclose(value, value.max(), rtol=1e-9, atol=1e-12))
        i = tied[0] if lowest else tied[-1]
        return float(i) if index else float(np.asarray(grid)[i])
    return wrong


def _f1_column(pr):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(pr.sum(axis=1) > 0, 2 * pr[:, 0] * pr[:, 1] / pr.sum(axis=1), 0.0)


_ties_to_lower = _threshold_by(_f1_column, lowest=True)
_without_merge = _threshold_by(_f1_column, merge_used=False)
_best_recall = _threshold_by(lambda pr: pr[:, 1])
_best_precision = _threshold_by(lambda pr: pr[:, 0])
_merge_as_tolerance = _threshold_by(_f1_column, roles="merge as tolerance")
_tolerance_and_merge_swapped = _threshold_by(_f1_column, roles="swapped")
_detections_arguments_swapped = _threshold_by(_f1_column, roles="detections arguments")
_index_returned = _threshold_by(_f1_column, index=True)


def _validation_case(rng, n_events: int, flicker: bool):
    """A characteristic function sampled every second: events at the onsets (some weak), the score
    flickering again 12-16 s after an event (within the 20 s merge, beyond the 10 s tolerance), and
    bursts of noise that are not events."""
    times = np.arange(0.0, 2400.0)
    onsets = np.sort(rng.choice(np.arange(60.0, 2300.0, 60.0), n_events, replace=False))
    score = rng.uniform(0.0, 0.3, len(times))
    for onset in onsets:
        height = rng.uniform(0.35, 1.0)
        score[int(onset) + rng.integers(-3, 4)] = height
        if flicker:
            score[int(onset) + rng.integers(12, 17)] = height * rng.uniform(0.7, 1.0)
    quiet = np.flatnonzero(np.all(np.abs(times[:, None] - onsets[None, :]) > 30, axis=1))
    score[rng.choice(quiet, 6, replace=False)] = rng.uniform(0.35, 0.95, 6)
    return score, times, onsets, np.round(np.arange(0.1, 1.0, 0.05), 2), 10.0, 20.0


def _late_crossings_case():
    """Three events whose score first crosses at the onset and two whose first crossing comes 14 s after it
    (beyond the 10 s tolerance, within the 20 s merge): matched within `merge`, the late ones count as found."""
    times = np.arange(0.0, 480.0)
    score = np.full(len(times), 0.2)
    onsets = 60.0 * np.arange(1, 6)
    score[[60, 120, 180]] = 0.9
    score[[254, 314]] = 0.5
    score[420] = 0.3   # a noise blip below every useful threshold
    return score, times, onsets, np.round(np.arange(0.1, 1.0, 0.05), 2), 10.0, 20.0


def _single_event_case():
    """One event and nothing else above 0.3: every threshold from 0.35 to 0.8 is perfect (a tie)."""
    times = np.arange(0.0, 600.0)
    score = np.full(len(times), 0.2)
    score[300] = 0.8
    return score, times, np.array([300.0]), np.round(np.arange(0.1, 1.0, 0.05), 2), 10.0, 20.0


def _events_case(heights, flickers=None, bursts=()):
    """Events 60 s apart with the given peak scores, an optional second crossing 14 s after each, and
    noise bursts that are not events."""
    times = np.arange(0.0, 60.0 * (len(heights) + len(bursts) + 2))
    score = np.full(len(times), 0.2)
    onsets = 60.0 * np.arange(1, len(heights) + 1)
    score[onsets.astype(int)] = heights
    if flickers is not None:
        score[onsets.astype(int) + 14] = flickers
    score[(60 * np.arange(len(heights) + 1, len(heights) + len(bursts) + 1)).astype(int)] = bursts
    return score, times, onsets, np.round(np.arange(0.1, 1.0, 0.05), 2), 10.0, 20.0


DETECTIONS_ARGUMENTS_SWAPPED = ("The arguments of detection.detections are swapped: it takes the scores first, then "
                                "their times (detections(scores, times, threshold, merge)). With the times read as "
                                "scores, no detection lies near an onset and every threshold scores F1 = 0.")
TOLERANCE_AND_MERGE_SWAPPED = ("Tolerance and merge are swapped: `merge` (20 s) goes to detection.detections, to join "
                               "crossings of one event; `tolerance` (10 s) goes to precision_recall, to match a "
                               "detection to an onset.")
MERGE_AS_TOLERANCE = ("The matching got `merge` where `tolerance` belongs: precision_recall takes `tolerance` (10 s), "
                      "so a detection 14 s after an onset is a false alarm, not a hit. `merge` goes only to "
                      "detection.detections.")
INDEX_RETURNED = ("That is the index of the best threshold in `grid`, not the threshold: return grid[i], the "
                  "threshold itself.")


THRESHOLD_TASK = ("Write choose_threshold(scores, times, onsets, grid, tolerance, merge) returning the threshold of "
                  "`grid` (increasing) with the best F1 on this stretch: detections by "
                  "detection.detections(scores, times, threshold, merge), matched to `onsets` with your "
                  "precision_recall. Among thresholds with the same F1, return the highest (fewest alarms).")


THRESHOLD_SLIP_HINTS = {DETECTIONS_ARGUMENTS_SWAPPED, TOLERANCE_AND_MERGE_SWAPPED, MERGE_AS_TOLERANCE, INDEX_RETURNED}
THRESHOLD_MISTAKES = [
    (_detections_arguments_swapped, DETECTIONS_ARGUMENTS_SWAPPED),
    (_merge_as_tolerance, MERGE_AS_TOLERANCE),
    (_tolerance_and_merge_swapped, TOLERANCE_AND_MERGE_SWAPPED),
    (_index_returned, INDEX_RETURNED),
    (_ties_to_lower, "Ties go to the higher threshold: it raises fewer alarms for the same F1. "
                     "Take the last of the tied thresholds, not the first."),
    (_best_recall, "That maximises recall, which the lowest threshold always wins. Maximise F1, "
                   "which weighs recall against precision."),
    (_best_precision, "That maximises precision alone. Maximise F1, which weighs precision "
                      "against recall."),
    (_without_merge, "Detect with the merge, as every detector is scored: a second crossing "
                     "within `merge` seconds of a detection belongs to it, not a new alarm. "
                     "Pass `merge` to detection.detections."),
]


def _slip_on_every_case(function, cases, mistakes) -> str:
    """The hint of the first slip whose model gives the student's answer on every case, else ''."""
    try:
        answers = [float(call_with_time_limit(10.0, function, *copy.deepcopy(case.args))) for case in cases]
    except (Exception, TimeLimitExceeded):  # noqa: BLE001 - the feedback already reports the error
        return ""
    for model, hint in mistakes:
        if all(np.isclose(model(*copy.deepcopy(case.args)), got, rtol=1e-9) for case, got in zip(cases, answers)):
            return hint
    return ""


@exercise
def choose_threshold_function(function, seed=None) -> Feedback:
    """Function exercise: the threshold that maximises F1 on the validation stretch, ties to the higher one."""
    rng, seed = random_cases(seed)
    cases = [Case(_validation_case(rng, 15, flicker=True), "a validation stretch with 15 events"),
             Case(_validation_case(rng, 8, flicker=True), "8 events, a second crossing after each"),
             Case(_validation_case(rng, 20, flicker=False), "20 events, no second crossings"),
             Case(_single_event_case(), "one event: many thresholds tie at F1 = 1"),
             Case((np.zeros(300), np.arange(300.0), np.array([100.0]), np.array([0.2, 0.5, 0.9]), 10.0, 20.0),
                  "a silent detector: F1 = 0 at every threshold"),
             Case(_events_case([0.5, 0.9, 0.9, 0.9], flickers=[0.45, 0.85, 0.85, 0.85], bursts=[0.95]),
                  "a second crossing just below each event's peak"),
             Case(_events_case([0.9, 0.9, 0.9, 0.9, 0.4], bursts=[0.6, 0.6, 0.6]),
                  "a weak event among louder noise bursts"),
             Case(_validation_case(rng, 12, flicker=True), "12 events"),
             Case(_late_crossings_case(), "two events first crossed 14 s after their onset")]
    feedback = check_function(
        function, _reference_threshold, cases, seed=seed, name="choose_threshold", rtol=1e-9, task=THRESHOLD_TASK,
        shortcuts=(detection.choose_threshold,),
        hint=("For each threshold of the grid: detect, match the detections to the onsets, compute F1 = "
              "2 P R / (P + R) (0 when P + R = 0). Keep the threshold where F1 is largest.",
              "Compare F1 values with a tolerance (np.isclose): which of the thresholds with the largest F1 "
              "raises the fewest alarms?"),
        mistakes=THRESHOLD_MISTAKES)
    if feedback.status == "incorrect" and "raised ZeroDivisionError" in feedback.message:
        return incorrect(feedback.message, "The rule: a ratio with nothing to divide by is 0, so F1 = 0 when "
                         "P + R = 0 (and your precision_recall returns 0 for an empty list).",
                         mistake=True, details=feedback.full)
    if feedback.status == "incorrect" and callable(function):
        # a slip may agree with another slip's model on the case that failed first: name the one that agrees
        # with the student's function on every case
        slip = _slip_on_every_case(function, cases, THRESHOLD_MISTAKES)
        if slip and slip != feedback.hint:
            return incorrect(feedback.message, slip, mistake=True)
    if feedback.status == "incorrect" and callable(function) and feedback.hint not in THRESHOLD_SLIP_HINTS:
        # a function that answers the same whatever stretch it is given is choosing on something else,
        # most often the notebook's test stretch (test_scores, test_onsets)
        try:
            probes = [_events_case([height], bursts=[height - 0.2]) for height in (0.45, 0.7, 0.95)]
            answers = {float(call_with_time_limit(10.0, function, *probe)) for probe in probes}
        except (Exception, TimeLimitExceeded):  # noqa: BLE001 - the feedback above already reports the error
            return feedback
        if len(answers) == 1:   # the reference answers 0.45, 0.7 and 0.95
            value = answers.pop()
            # a whole number outside every grid is an F1 of 0 or 1, or an index, not a threshold
            if float(value).is_integer() and not any(np.any(np.isclose(value, probe[3])) for probe in probes):
                return incorrect(f"choose_threshold returns {value:g} whatever stretch it is given, and that is not a "
                                 "threshold of `grid`.", "Return the threshold itself, grid[i], not its F1 or its "
                                 "index i.", mistake=True)
            return incorrect(f"choose_threshold returns {value:g} whatever stretch it is given.",
                             "Use only the arguments: the validation stretch's scores, times and onsets. "
                             "A threshold chosen on the test stretch (test_scores, test_onsets) makes the test "
                             "score optimistic, because the test then judges its own choice.", mistake=True)
    return feedback


@exercise
def pick_difference(answer, aic_seconds: float, reference_seconds: float, sampling_rate: float) -> Feedback:
    """Exercise: the AIC pick minus the reference pick, in seconds."""
    expected = aic_seconds - reference_seconds
    mistakes = [
        (-expected, "The sign: AIC pick minus the reference (positive means the AIC pick is later)."),
        (expected * sampling_rate, "That is in samples: a sample lasts 1 / sampling rate seconds."),
        (expected * 1000.0, "That is in milliseconds: the answer is in seconds (divide by 1000)."),
    ]
    feedback = check_value(answer, expected, name="difference_s", unit="s", digits=2,
                           task="The AIC pick minus the AR pick, in seconds, to 2 significant digits.",
                           mistakes=mistakes,
                           hint=("Subtract the picks as the cell above prints them, to the millisecond, or "
                                 "use the variables it defines.",
                                 "Which pick comes first in the sentence of the task? Keep that order."))
    if feedback.status == "incorrect" and feedback.hint not in [hint for _, hint in mistakes]:
        value = _one_number(answer)
        # the picks are a couple of samples apart: values read off the plot (or rounded to 0.01 s) land
        # within a few samples of the difference, but not to 2 digits
        if value is not None and abs(value - expected) <= 2.5 / sampling_rate:
            return incorrect(f"difference_s = {value:g} s is near, but too coarse: the picks are only a few "
                             f"samples apart, and a sample lasts {1 / sampling_rate:g} s.",
                             "Do not read the picks off the plot or round them first: subtract the picks the "
                             "cell above prints to the millisecond, or the variables it defines.",
                             mistake=True, details=feedback.full)
    return feedback


def _one_number(answer) -> float | None:
    """The answer as one float, or None if it is not one finite number."""
    try:
        values = np.asarray(answer, dtype=float).ravel()
    except (TypeError, ValueError):
        return None
    return float(values[0]) if values.size == 1 and np.isfinite(values[0]) else None


@exercise
def deep_cluster(answer, labels, depths) -> Feedback:
    """Exercise: the k-means cluster whose events are deepest on average."""
    if is_blank(answer):
        return unanswered("deep_label", "Group the depths by cluster label and compare the means.")
    labels, depths = np.asarray(labels), np.asarray(depths, dtype=float)
    means = {int(k): depths[labels == k].mean() for k in np.unique(labels)}
    best = max(means, key=means.get)
    if isinstance(answer, (bool, np.bool_)) or not isinstance(answer, numbers.Integral):
        return incorrect(f"`deep_label` should be one of the labels {sorted(means)}, got {answer!r}.",
                         "Write the label as a whole number.", mistake=True)
    if answer == best:
        return correct(f"cluster {best}: mean depth {means[best]:.0f} km.")
    if answer in means:
        return incorrect(f"cluster {answer} has a mean depth of {means[answer]:.0f} km, not the largest.",
                         ("Compare the mean depth of every cluster.",
                          "Group the depths by the cluster labels, take each group's mean, and find the largest."))
    if 0 <= answer < len(depths):
        return incorrect(f"{answer!r} is not a cluster label; the labels are {sorted(means)}.",
                         "That looks like an event's row number (an index into `quakes`), not a label: the answer "
                         "is the cluster whose events have the largest mean depth, one of the labels in the first "
                         "column of the table above.", mistake=True)
    return incorrect(f"{answer!r} is not a cluster label; the labels are {sorted(means)}.",
                     "The labels are the numbers in the first column of the table above (the values in "
                     "`clusters`).", mistake=True)


# ---- the Gutenberg-Richter b-value --------------------------------------------------------------

def _b_no_correction(magnitudes, mc, bin_width=0.1):
    m = np.asarray(magnitudes, dtype=float)
    m = m[m >= mc - 1e-9]
    return np.log10(np.e) / (m.mean() - mc)


def _b_exact_comparison(magnitudes, mc, bin_width=0.1):
    """The slip: ``m >= mc`` drops a magnitude stored a rounding error below Mc (2.0999999999 for 2.1)."""
    m = np.asarray(magnitudes, dtype=float)
    m = m[m >= mc]
    return np.log10(np.e) / (m.mean() - (mc - bin_width / 2))


def _b_natural_log(magnitudes, mc, bin_width=0.1):
    m = np.asarray(magnitudes, dtype=float)
    m = m[m >= mc - 1e-9]
    return 1 / (m.mean() - (mc - bin_width / 2))


def _b_all_events(magnitudes, mc, bin_width=0.1):
    m = np.asarray(magnitudes, dtype=float)
    return np.log10(np.e) / (m.mean() - (mc - bin_width / 2))


def _b_wrong_sign(magnitudes, mc, bin_width=0.1):
    m = np.asarray(magnitudes, dtype=float)
    m = m[m >= mc - 1e-9]
    return np.log10(np.e) / (m.mean() - (mc + bin_width / 2))


def _b_full_bin(magnitudes, mc, bin_width=0.1):
    m = np.asarray(magnitudes, dtype=float)
    m = m[m >= mc - 1e-9]
    return np.log10(np.e) / (m.mean() - (mc - bin_width))


def _b_fixed_half_bin(magnitudes, mc, bin_width=0.1):
    m = np.asarray(magnitudes, dtype=float)
    m = m[m >= mc - 1e-9]
    return np.log10(np.e) / (m.mean() - (mc - 0.05))


def _b_ln10_numerator(magnitudes, mc, bin_width=0.1):
    m = np.asarray(magnitudes, dtype=float)
    m = m[m >= mc - 1e-9]
    return np.log(10) / (m.mean() - (mc - bin_width / 2))


def _b_upside_down(magnitudes, mc, bin_width=0.1):
    m = np.asarray(magnitudes, dtype=float)
    m = m[m >= mc - 1e-9]
    return (m.mean() - (mc - bin_width / 2)) / np.log10(np.e)


def _gr_magnitudes(rng, n, b, m_min, bin_width):
    """A synthetic Gutenberg-Richter catalogue, binned, with an incomplete part below ``m_min``."""
    beta = b * np.log(10)
    m = m_min - bin_width / 2 + rng.exponential(1 / beta, n)
    low = m_min - 0.5 + rng.uniform(0, 0.5, n // 5)  # events below completeness, to be left out
    return np.round(np.round(np.r_[m, low] / bin_width) * bin_width, 6)


@exercise
def b_value_function(function, seed=None) -> Feedback:
    """Function exercise: Aki's maximum-likelihood b-value with Utsu's bin correction."""
    rng, seed = random_cases(seed)
    cases = [Case((_gr_magnitudes(rng, 300, 1.0, 1.5, 0.1), 1.5, 0.1), "300 events, b = 1"),
             Case((_gr_magnitudes(rng, 80, 0.8, 2.0, 0.1), 2.0, 0.1), "80 events, b = 0.8"),
             Case((_gr_magnitudes(rng, 200, 1.2, 0.5, 0.01), 0.5, 0.01), "magnitudes to 0.01"),
             Case((np.array([1.0, 1.0, 1.2, 1.5, 0.5]), 1.0, 0.1), "five events, one below Mc"),
             Case((np.array([3.0, 3.1, 3.0, 3.4, 4.2, 3.0]), 3.0, 0.1), "all events at or above Mc"),
             # binned magnitudes are floats: the reference counts a magnitude within 1e-9 of Mc as in its bin
             Case((np.array([2.0999999999, 2.1, 2.0999999999, 2.3, 2.6, 3.4, 2.0, 1.9]), 2.1, 0.1),
                  "magnitudes stored a rounding error below Mc = 2.1"),
             Case((np.round(np.arange(0, 31) * 0.1, 1)[3:], 3 * 0.1, 0.1),
                  "Mc computed as 3 x 0.1 = 0.30000000000000004"),
             Case((np.array([0.7 * 3, 2.1, 0.7 * 3, 2.2, 2.5, 2.8, 3.3, 1.9]), 2.1, 0.1),
                  "magnitudes computed as 0.7 x 3 = 2.0999999999999996")]
    return check_function(
        function, detection.b_value, cases, seed=seed, name="b_value", rtol=1e-6,
        shortcuts=(detection.b_value,),
        task="Write b_value(magnitudes, mc, bin_width): Aki's maximum-likelihood b over the events with "
             "M >= Mc, with Utsu's correction of half a bin. Magnitudes are rounded floats: one stored a "
             "rounding error below Mc is still in the Mc bin.",
        hint=("Keep only the events at or above Mc; b is log10(e) divided by how far their mean magnitude "
              "lies above the lower edge of the Mc bin.",
              "The lower edge of the Mc bin is Mc minus half a bin width; log10(e) is about 0.434."),
        mistakes=[(_b_exact_comparison, "Magnitudes compared with Mc without a tolerance: a magnitude in the Mc "
                                        "bin can be stored a rounding error below Mc (2.0999999999 for 2.1), and "
                                        "an exact >= drops it. Allow a tolerance far smaller than the bin width."),
                  (_b_no_correction, "Add the bin correction: subtract Mc - dM/2, half a magnitude bin below Mc."),
                  (_b_natural_log, "log10(e) = 0.434 belongs in the numerator (the law is in base 10)."),
                  (_b_wrong_sign, "The sign of the correction: the lower edge of the Mc bin is Mc - dM/2, "
                                  "below Mc, not above it."),
                  (_b_full_bin, "Half a bin, not a whole one: the lower edge of the Mc bin is Mc - dM/2."),
                  (_b_fixed_half_bin, "Use the bin_width argument: half a bin is bin_width / 2, not a fixed "
                                      "0.05 (one case has magnitudes to 0.01)."),
                  (_b_ln10_numerator, "ln(10) = 2.303 is 1 / log10(e): the numerator is log10(e) = 1 / ln(10) "
                                      "= 0.434."),
                  (_b_upside_down, "Upside down: log10(e) goes on top, the mean's distance from the bin edge "
                                   "below."),
                  (_b_all_events, "Use only the events at or above the magnitude of completeness.")])
