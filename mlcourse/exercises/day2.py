"""Checks for the exercises of Day 2 (ML in geosciences, the earthquake detector).

Number exercises compare a value with the reference; function exercises call the
student's function on fresh cases (random records and catalogues from a new
generator each time, plus edge cases) and compare with ObsPy or ``mlcourse``.

>>> conv_output_length(242, length=250, kernel_size=9).status
'correct'
"""

from __future__ import annotations

import numbers

import numpy as np

from .. import detection
from . import Case, Feedback, TimeLimitExceeded, call_with_time_limit, random_cases, check_function, check_value, correct, exercise, incorrect, is_blank, unanswered, use

__all__ = ["window_samples", "conv_output_length", "sta_lta_function", "precision_recall_function",
           "choose_threshold_function", "pick_difference", "deep_cluster", "b_value_function"]



@exercise
def window_samples(answer, seconds: float, sampling_rate: float) -> Feedback:
    """Exercise: samples in a window of ``seconds`` at ``sampling_rate`` Hz."""
    expected = seconds * sampling_rate
    return check_value(answer, expected, name="n_samples", task="How many samples are 10 s of the decimated record?",
                       mistakes=[
                           (seconds / sampling_rate, "Multiply: samples = seconds x samples per second."),
                           (seconds * 100, "The record was decimated: use the new sampling rate, not the "
                                           "original 100 Hz."),
                       ], hint=("A sampling rate counts samples per second.",
                                "samples = duration (s) x sampling rate (Hz)"))


@exercise
def conv_output_length(answer, length: int, kernel_size: int, stride: int = 1, padding: int = 0) -> Feedback:
    """Exercise: the length after a convolution, ``(L + 2p - K) // stride + 1``."""
    expected = (length + 2 * padding - kernel_size) // stride + 1
    return check_value(answer, expected, name="n_out", task="How long is the output of the convolution?",
                       mistakes=[
                           (length + 2 * padding - kernel_size, "Off by one: a kernel of K samples fits "
                                                                "L - K + 1 times."),
                           (length, "Without padding the output is shorter than the input."),
                       ], hint=("Slide the kernel along the window: where can its first sample sit?",
                                "The filter fits L - K + 1 times along a signal of L samples."))


# ---- STA/LTA: the students' characteristic function --------------------------------------------

def _obspy_sta_lta(data, nsta, nlta):
    from obspy.signal.trigger import classic_sta_lta

    return classic_sta_lta(np.asarray(data, dtype=float), int(nsta), int(nlta))


def _sta_lta_no_zeros(data, nsta, nlta):
    out = detection.sta_lta(data, nsta, nlta)
    x2 = np.cumsum(np.asarray(data, dtype=float) ** 2)
    for i in range(nlta - 1):  # the start, where the long window is not full yet
        sta = (x2[i] - (x2[i - nsta] if i >= nsta else 0.0)) / nsta
        out[i] = sta / max((x2[i]) / nlta, np.finfo(float).tiny)
    return out


def _sta_lta_one_zero_too_many(data, nsta, nlta):
    out = detection.sta_lta(data, nsta, nlta)
    out[:nlta] = 0.0  # a loop from range(nlta, ...): nlta zeros instead of nlta - 1
    return out


def _sta_lta_partial_windows(data, nsta, nlta):
    """Means over the samples available so far at the start (1.0 at the first sample), no zeros."""
    x2 = np.cumsum(np.asarray(data, dtype=float) ** 2)
    out = detection.sta_lta(data, nsta, nlta)
    for i in range(min(nlta - 1, len(x2))):
        ns, nl = min(nsta, i + 1), i + 1
        sta = (x2[i] - (x2[i - ns] if i >= ns else 0.0)) / ns
        out[i] = sta / max(x2[i] / nl, np.finfo(float).tiny)
    return out


def _sta_lta_abs(data, nsta, nlta):
    return detection.sta_lta(np.sqrt(np.abs(np.asarray(data, dtype=float))), nsta, nlta)


def _lta_sta(data, nsta, nlta):
    out = detection.sta_lta(data, nsta, nlta)
    with np.errstate(divide="ignore"):
        inverse = np.where(out > 0, 1 / np.where(out > 0, out, 1), 0.0)
    return inverse


@exercise
def sta_lta_function(function, seed=None) -> Feedback:
    """Function exercise: the classic STA/LTA ratio, as ObsPy's ``classic_sta_lta``."""
    rng, seed = random_cases(seed)
    noise = rng.normal(size=400)
    event = noise.copy()
    event[250:300] += 8 * np.sin(np.arange(50) / 2) * np.exp(-np.arange(50) / 20)
    cases = [
        Case((noise, 5, 50), "random noise"),
        Case((event, 5, 50), "noise with an event at sample 250"),
        Case((rng.normal(size=60), 1, 10), "a short window of one sample"),
        Case((rng.normal(size=40), 4, 40), "the long window as long as the record"),
        Case((np.r_[np.ones(6), 3 * np.ones(2)], 2, 4), "a step in amplitude"),
        Case((list(rng.integers(-50, 50, size=80)), 3, 12), "counts given as a list of integers"),
    ]
    return check_function(
        function, _obspy_sta_lta, cases, seed=seed, name="sta_lta", rtol=1e-6, atol=1e-9,
        task="Write sta_lta(data, nsta, nlta): the mean of data**2 over the last nsta samples divided by "
             "its mean over the last nlta samples, 0 for the first nlta - 1 samples.",
        hint=("Work with the energy x**2; a running mean over n samples is a sum over the last n samples "
              "divided by n, and a cumulative sum gives every such sum at once.",
              "With c = cumulative sum of x**2, the sum of the last n samples at i is c[i] - c[i - n] "
              "(just c[i] while i < n). Set the first nlta - 1 values to 0."),
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
        done="It is the same as ObsPy's classic_sta_lta.")


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
    return detection.precision_recall(detected, onsets, np.nextafter(float(tolerance), 0.0))


def _swapped(detected, onsets, tolerance):
    precision, recall = detection.precision_recall(detected, onsets, tolerance)
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
    return check_function(
        function, detection.precision_recall, cases, seed=seed, name="precision_recall", rtol=1e-9,
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
                  (_swapped, "Swapped: precision divides by the detections, recall by the catalogue's onsets.")])


# ---- choosing a threshold on the validation stretch ----------------------------------------------

def _reference_threshold(scores, times, onsets, grid, tolerance, merge):
    """The threshold of ``grid`` with the best F1 on this (validation) stretch; ties to the higher one."""
    return detection.choose_threshold(scores, times, onsets, grid, tolerance, merge)[0]


def _f1_per_threshold(scores, times, onsets, grid, tolerance, merge):
    out = []
    for threshold in grid:
        precision, recall = detection.precision_recall(detection.detections(scores, times, threshold, merge),
                                                       onsets, tolerance)
        out.append((precision, recall))
    return np.array(out)


def _threshold_by(column_of, lowest=False, merge_used=True):
    """A mistaken rule: maximise another column, or break ties to the lower threshold, or skip the merge."""
    def wrong(scores, times, onsets, grid, tolerance, merge):
        pr = _f1_per_threshold(scores, times, onsets, grid, tolerance, merge if merge_used else 0.0)
        value = column_of(pr)
        tied = np.flatnonzero(np.isclose(value, value.max(), rtol=1e-9, atol=1e-12))
        return float(np.asarray(grid)[tied[0] if lowest else tied[-1]])
    return wrong


def _f1_column(pr):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(pr.sum(axis=1) > 0, 2 * pr[:, 0] * pr[:, 1] / pr.sum(axis=1), 0.0)


_ties_to_lower = _threshold_by(_f1_column, lowest=True)
_without_merge = _threshold_by(_f1_column, merge_used=False)
_best_recall = _threshold_by(lambda pr: pr[:, 1])
_best_precision = _threshold_by(lambda pr: pr[:, 0])


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


THRESHOLD_TASK = ("Write choose_threshold(scores, times, onsets, grid, tolerance, merge) returning the threshold of "
                  "`grid` (increasing) with the best F1 on this stretch: detections by "
                  "detection.detections(scores, times, threshold, merge), matched to `onsets` with your "
                  "precision_recall. Among thresholds with the same F1, return the highest (fewest alarms).")


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
             Case(_validation_case(rng, 12, flicker=True), "12 events")]
    feedback = check_function(
        function, _reference_threshold, cases, seed=seed, name="choose_threshold", rtol=1e-9, task=THRESHOLD_TASK,
        hint=("For each threshold of the grid: detect, match the detections to the onsets, compute F1 = "
              "2 P R / (P + R) (0 when P + R = 0). Keep the threshold where F1 is largest.",
              "Compare F1 values with a tolerance (np.isclose): which of the thresholds with the largest F1 "
              "raises the fewest alarms?"),
        mistakes=[(_ties_to_lower, "Ties go to the higher threshold: it raises fewer alarms for the same F1. "
                                   "Take the last of the tied thresholds, not the first."),
                  (_best_recall, "That maximises recall, which the lowest threshold always wins. Maximise F1, "
                                 "which weighs recall against precision."),
                  (_best_precision, "That maximises precision alone. Maximise F1, which weighs precision "
                                    "against recall."),
                  (_without_merge, "Detect with the merge, as every detector is scored: a second crossing "
                                   "within `merge` seconds of a detection belongs to it, not a new alarm. "
                                   "Pass `merge` to detection.detections.")])
    if feedback.status == "incorrect" and callable(function):
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
    return check_value(answer, expected, name="difference_s", unit="s", atol=1e-6,
                       task="The AIC pick minus the AR pick, in seconds.",
                       mistakes=[
                           (-expected, "The sign: AIC pick minus the reference (positive means the AIC pick "
                                       "is later)."),
                           (expected * sampling_rate, "That is in samples: divide by the sampling rate."),
                           (expected * 1000.0, "That is in milliseconds: the answer is in seconds "
                                               "(divide by 1000)."),
                       ], hint=("Both picks are already in seconds since the start of the record.",
                                "Subtract the AR pick from the AIC pick."))


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
    return incorrect(f"{answer!r} is not a cluster label; the labels are {sorted(means)}.",
                     "The labels are the numbers in the legend of the map.", mistake=True)


# ---- the Gutenberg-Richter b-value --------------------------------------------------------------

def _b_no_correction(magnitudes, mc, bin_width=0.1):
    m = np.asarray(magnitudes, dtype=float)
    m = m[m >= mc - 1e-9]
    return np.log10(np.e) / (m.mean() - mc)


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
             Case((np.array([3.0, 3.1, 3.0, 3.4, 4.2, 3.0]), 3.0, 0.1), "all events at or above Mc")]
    return check_function(
        function, detection.b_value, cases, seed=seed, name="b_value", rtol=1e-6,
        task="Write b_value(magnitudes, mc, bin_width): Aki's maximum-likelihood b over the events with "
             "M >= Mc, with Utsu's correction of half a bin.",
        hint=("Keep only the events at or above Mc; b is log10(e) divided by how far their mean magnitude "
              "lies above the lower edge of the Mc bin.",
              "The lower edge of the Mc bin is Mc minus half a bin width; log10(e) is about 0.434."),
        mistakes=[(_b_no_correction, "Add the bin correction: subtract Mc - dM/2, half a magnitude bin below Mc."),
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
