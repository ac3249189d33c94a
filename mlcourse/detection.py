"""Earthquake detection and phase picking: the mechanics of the Day 2 detector.

Published deep detectors and pickers were trained mainly on large
analyst-labelled data sets, with shifted or inserted events as augmentation
(Zhu & Beroza 2019, PhaseNet, doi:10.1093/gji/ggy423; Mousavi et al. 2020,
EQTransformer, doi:10.1038/s41467-020-17591-w). The course's continuous record
has no labels, so this module builds labelled windows by inserting real event
waveforms into real noise at random times and signal-to-noise ratios. It also
holds the hand-made features of a classical detector, the sliding of a trained
detector over a record, STA/LTA (Allen 1978), the matching of detections to a
catalogue, template matching by normalised cross-correlation (Gibbons & Ringdal
2006), threshold choice on validation data, the AIC onset picker (Maeda 1985),
and the Gutenberg-Richter b-value with its uncertainty.

>>> rng = np.random.default_rng(0)
>>> noise = rng.normal(size=10_000)
>>> X, y, onsets = make_windows(noise, [np.sin(np.arange(50))], 20, length=200, rng=rng)
>>> X.shape, int(y.sum())
((20, 200), 10)
"""

from __future__ import annotations

import numbers

import numpy as np

from ._validation import check_array, check_rng, check_scalar, check_vector
from .splits import chronological_split

__all__ = ["held_out_split", "insert_event", "insert_events", "make_windows", "window_features", "FEATURE_NAMES",
           "sliding_windows", "predict_windows", "template_correlation", "detections", "match_detections", "precision_recall",
           "trade_off", "choose_threshold", "sta_lta", "aic", "aic_pick",
           "b_value", "b_value_uncertainty", "mc_by_b_stability"]

FEATURE_NAMES = ["log10 envelope peak / median", "kurtosis", "energy 1-3 Hz", "energy 3-6 Hz", "energy 6-10 Hz"]


def held_out_split(data, held_out_fraction: float = 0.25):
    """Split a continuous record in time: the first part for training, the last part held out.

    Windows are cut from each part separately, so no sample of the held-out
    stretch ever reaches training. This is :func:`mlcourse.splits.chronological_split`
    applied to the samples of one record.

    >>> train, held_out = held_out_split(np.arange(8.0), 0.25)
    >>> train.tolist(), held_out.tolist()
    ([0.0, 1.0, 2.0, 3.0, 4.0, 5.0], [6.0, 7.0])
    """
    data = check_vector(data, "data")
    check_scalar(held_out_fraction, "held_out_fraction", minimum=0.0, maximum=1.0,
                 include_minimum=False, include_maximum=False)
    train, held_out = chronological_split(np.arange(len(data)), held_out_fraction)
    return data[train], data[held_out]


def insert_event(noise, template, start: int, snr: float):
    """Noise with an event added at sample ``start``, scaled so that its peak is ``snr`` noise std.

    >>> out = insert_event(np.zeros(10) + [1, -1] * 5, np.array([2.0, -4.0]), 3, snr=2.0)
    >>> out[3:5].tolist()  # the event, scaled to peak 2 x std = 2, added to the noise
    [0.0, -1.0]
    """
    noise, template = check_vector(noise, "noise"), check_vector(template, "template")
    out = noise.copy()
    piece = template[:max(0, len(noise) - start)]
    out[start:start + len(piece)] += piece * snr * noise.std() / np.abs(template).max()
    return out


def insert_events(noise, templates, n_events: int, sampling_rate: float, rng=None, snr_range=(2.0, 15.0),
                  spacing: float = 60.0, margin: float = 60.0):
    """A continuous record with ``n_events`` templates inserted at known times (the "catalogue").

    Onsets fall on a grid of ``spacing`` seconds, at least ``margin`` seconds from
    either end, so that two events never overlap; each template gets a random
    polarity and a peak of ``snr`` times the standard deviation of ``noise``
    (drawn log-uniformly from ``snr_range``).

    Returns
    -------
    record : ndarray, like ``noise``
    onsets : ndarray (n_events,)
        Inserted onset times in seconds from the start of ``noise``, sorted.

    >>> record, onsets = insert_events(np.ones(10_000), [np.ones(10)], 3, 10.0, rng=0)
    >>> len(onsets), bool(np.all(np.diff(onsets) >= 60))
    (3, True)
    """
    noise = check_vector(noise, "noise")
    rng = check_rng(rng)
    n = check_scalar(n_events, "n_events", kind=numbers.Integral, minimum=0)
    slots = np.arange(margin, len(noise) / sampling_rate - margin - 10, spacing)
    if n > len(slots):
        raise ValueError(f"n_events={n} do not fit: the record has room for {len(slots)} events "
                         f"{spacing:g} s apart.")
    onsets = np.sort(rng.choice(slots, n, replace=False))
    record, noise_std = noise.copy(), noise.std()
    for onset in onsets:
        snr = np.exp(rng.uniform(*np.log(snr_range)))
        template = check_vector(templates[rng.integers(len(templates))], "template") * rng.choice([-1.0, 1.0])
        start = int(round(onset * sampling_rate))
        piece = template[:max(0, len(record) - start)]
        record[start:start + len(piece)] += piece * snr * noise_std / np.abs(template).max()
    return record, onsets


def make_windows(noise, templates, n_windows: int, length: int, rng=None, snr_range=(1.0, 20.0),
                 event_fraction: float = 0.5, onset_range=(0.1, 0.5), return_snr: bool = False):
    """Labelled windows: noise only (label 0), or noise plus an inserted event (label 1).

    Parameters
    ----------
    noise : 1-D array
        A continuous record to cut the noise windows from (preprocessed).
    templates : list of 1-D arrays
        Event waveforms starting at their onset (same sampling as ``noise``).
    n_windows : int
    length : int
        Samples per window.
    rng : numpy.random.Generator or int
    snr_range : (float, float)
        Peak signal-to-noise amplitude ratios, drawn log-uniformly.
    event_fraction : float
        Share of windows that hold an event.
    onset_range : (float, float)
        Where the onset falls, as fractions of the window.
    return_snr : bool
        Also return each window's signal-to-noise ratio (the event's peak over the
        standard deviation of the noise window; NaN for noise), to show them.

    Returns
    -------
    X : ndarray (n_windows, length)
        Each window divided by its largest absolute value (amplitudes then carry no label).
    y : ndarray (n_windows,) of 0 and 1
    onsets : ndarray (n_windows,)
        Onset sample within the window, -1 for noise.
    snr : ndarray (n_windows,), only with ``return_snr=True``
    """
    noise = check_vector(noise, "noise")
    n = check_scalar(n_windows, "n_windows", kind=numbers.Integral, minimum=1)
    length = check_scalar(length, "length", kind=numbers.Integral, minimum=2, maximum=len(noise))
    rng = check_rng(rng)
    y = (np.arange(n) < round(event_fraction * n)).astype(int)
    rng.shuffle(y)
    X, onsets, snrs = np.empty((n, length)), np.full(n, -1), np.full(n, np.nan)
    for i in range(n):
        start = rng.integers(0, len(noise) - length + 1)
        window = noise[start:start + length]
        if y[i]:
            onsets[i] = int(rng.uniform(*onset_range) * length)
            snrs[i] = np.exp(rng.uniform(*np.log(snr_range)))
            template = templates[rng.integers(len(templates))] * rng.choice([-1.0, 1.0])
            window = insert_event(window, template, onsets[i], snrs[i])
        X[i] = window / np.abs(window).max()
    return (X, y, onsets, snrs) if return_snr else (X, y, onsets)


def window_features(X, sampling_rate: float) -> np.ndarray:
    """Hand-made features of each window, as a seismologist would choose them.

    - log10 of the envelope peak over its median: an impulsive arrival stands out of the noise;
    - kurtosis: a few large samples among many small ones;
    - the share of the energy in 1-3, 3-6 and 6-10 Hz: local events are richer in
      high frequencies than much of the noise.

    Returns an array (n_windows, 5), columns as ``FEATURE_NAMES``.
    """
    from scipy.signal import hilbert
    from scipy.stats import kurtosis

    X = check_array(X, "X")
    envelope = np.abs(hilbert(X, axis=1))
    peak_ratio = envelope.max(axis=1) / np.median(envelope, axis=1)
    spectrum = np.abs(np.fft.rfft(X, axis=1)) ** 2
    freqs = np.fft.rfftfreq(X.shape[1], d=1.0 / sampling_rate)
    total = spectrum.sum(axis=1)
    bands = [spectrum[:, (freqs >= lo) & (freqs < hi)].sum(axis=1) / total
             for lo, hi in [(1, 3), (3, 6), (6, 10)]]
    return np.c_[np.log10(peak_ratio), kurtosis(X, axis=1), *bands]


def sliding_windows(data, length: int, step: int):
    """All windows of ``length`` samples every ``step`` samples, normalised like ``make_windows``.

    Returns
    -------
    windows : ndarray (n, length)
    starts : ndarray (n,)
        First sample of each window.
    """
    data = check_vector(data, "data")
    windows = np.lib.stride_tricks.sliding_window_view(data, length)[::step]
    starts = np.arange(len(windows)) * step
    return windows / np.abs(windows).max(axis=1, keepdims=True), starts


def predict_windows(model, windows, batch_size: int = 256) -> np.ndarray:
    """P(event) of every window, computed ``batch_size`` windows at a time.

    Scoring a long record in one call would hold the activations of every
    window in memory at once; batches keep the kernel small (a workshop hub
    runs dozens of kernels side by side).
    """
    windows = check_array(windows, "windows")
    batch_size = check_scalar(batch_size, "batch_size", kind=numbers.Integral, minimum=1)
    inputs = windows[:, None, :] if windows.ndim == 2 else windows
    out = [model.predict(inputs[i:i + batch_size]).reshape(-1) for i in range(0, len(inputs), batch_size)]
    if len(inputs):
        # layers keep what their last forward pass needs for a backward pass; a last call on a single
        # window leaves them holding one window instead of a whole batch (tens of MB for a CNN)
        model.predict(inputs[:1])
    return np.concatenate(out) if out else np.empty(0)


def template_correlation(data, templates) -> np.ndarray:
    r"""Template matching: the largest absolute normalised cross-correlation with any template.

    For a template :math:`t` of :math:`m` samples and the record :math:`x`, the
    normalised cross-correlation at sample :math:`i` is the Pearson correlation of
    ``x[i:i + m]`` with ``t``,

    .. math:: c_i = \frac{\sum_k (x_{i+k} - \bar x_i)(t_k - \bar t)}
                          {\sqrt{\sum_k (x_{i+k} - \bar x_i)^2 \sum_k (t_k - \bar t)^2}},

    between -1 and 1 and independent of the amplitude of either (Gibbons & Ringdal
    2006, doi:10.1111/j.1365-246X.2006.02865.x). An event inserted with either
    polarity matches, so the absolute value is taken, and the largest over the
    templates. A window of zero variance scores 0.

    Parameters
    ----------
    data : 1-D array
        The continuous record (preprocessed as the templates were).
    templates : list of 1-D arrays
        The known events' waveforms, each shorter than ``data`` and not constant.

    Returns
    -------
    ndarray (len(data) - longest template + 1,)
        The score of the window that starts at each sample, where every template fits.

    Examples
    --------
    >>> record = np.r_[np.zeros(5), 1.0, -2.0, 1.0, np.zeros(5)]
    >>> template_correlation(record, [np.array([2.0, -4.0, 2.0])]).round(2)[4:7].tolist()
    [0.76, 1.0, 0.76]
    """
    data = check_vector(data, "data")
    if isinstance(templates, np.ndarray) and templates.ndim == 1:
        raise TypeError("templates must be a list of 1-D arrays (one per known event); for a single "
                        "template write [template].")
    templates = [check_vector(t, f"templates[{i}]") for i, t in enumerate(templates)]
    if not templates:
        raise ValueError("templates is empty: give at least one known event's waveform.")
    longest = max(len(t) for t in templates)
    if longest > len(data):
        raise ValueError(f"templates of up to {longest} samples do not fit in data of {len(data)} samples.")
    energy = np.r_[0.0, np.cumsum(data ** 2)]
    total = np.r_[0.0, np.cumsum(data)]
    best = np.zeros(len(data) - longest + 1)
    for i, template in enumerate(templates):
        m = len(template)
        centred = template - template.mean()
        norm = np.sqrt(np.sum(centred ** 2))
        if norm == 0 or m < 2:
            raise ValueError(f"templates[{i}] is constant (or a single sample): it matches nothing.")
        # the sum of (x - mean_i) * centred equals the sum of x * centred, since centred sums to 0
        numerator = np.correlate(data, centred, mode="valid")
        sums = total[m:] - total[:-m]
        variance = np.maximum(energy[m:] - energy[:-m] - sums ** 2 / m, 0.0)   # m x the window's variance
        with np.errstate(divide="ignore", invalid="ignore"):
            score = np.where(variance > 1e-12 * m * np.max(np.abs(data)) ** 2,
                             numerator / (np.sqrt(variance) * norm), 0.0)
        best = np.maximum(best, np.abs(np.clip(score, -1.0, 1.0))[:len(best)])
    return best


def detections(probability, starts, threshold: float = 0.5, min_gap: float = 0):
    """Start samples of detections: the first window of each run above ``threshold``.

    Runs that begin less than ``min_gap`` samples after the previous detection
    are merged into it (one event often makes the probability flicker).

    >>> detections([0.1, 0.9, 0.8, 0.2, 0.7], [0, 10, 20, 30, 40]).tolist()
    [10, 40]
    >>> detections([0.1, 0.9, 0.8, 0.2, 0.7], [0, 10, 20, 30, 40], min_gap=50).tolist()
    [10]
    """
    p, starts = check_vector(probability, "probability"), np.asarray(starts)
    above = p >= threshold
    first = starts[above & ~np.r_[False, above[:-1]]]
    kept = []
    for start in first:
        if not kept or start - kept[-1] >= min_gap:
            kept.append(start)
    return np.array(kept, dtype=starts.dtype)


def match_detections(detected, true, tolerance: float):
    """Count true positives, false positives and false negatives.

    A true event is found when a detection lies within ``tolerance`` of it
    (each detection counts for one event at most).

    >>> match_detections([10.0, 50.0], [12.0, 90.0], tolerance=5)
    (1, 1, 1)
    """
    detected = sorted(np.asarray(detected, dtype=float).tolist())
    unused = list(detected)
    tp = 0
    for t in np.asarray(true, dtype=float):
        close = [d for d in unused if abs(d - t) <= tolerance]
        if close:
            unused.remove(min(close, key=lambda d: abs(d - t)))
            tp += 1
    return tp, len(unused), len(true) - tp


def precision_recall(detected, onsets, tolerance: float):
    """Precision and recall of a detector against catalogue onsets.

    Each onset is matched to at most one detection within ``tolerance`` (as in
    :func:`match_detections`); precision = TP / (TP + FP) and recall =
    TP / (TP + FN), each 0 when its denominator is 0 (no detections, no onsets).

    >>> precision_recall([10.0, 11.0, 50.0], [12.0, 90.0], tolerance=5)
    (0.3333333333333333, 0.5)
    """
    tp, fp, fn = match_detections(detected, onsets, tolerance)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def trade_off(score, times, onsets, thresholds, tolerance: float, min_gap: float, hours: float):
    """Recall and false alarms per hour of one detector at every threshold.

    ``score`` is the detector's characteristic function (STA/LTA ratio or
    P(event)) at ``times`` (s); detections are the first crossings, merged within
    ``min_gap`` seconds (:func:`detections`), the same rule for every detector.

    Returns
    -------
    recall, false_alarms_per_hour : ndarrays like ``thresholds``
    """
    recall, alarms = [], []
    for threshold in np.asarray(thresholds, dtype=float):
        tp, fp, fn = match_detections(detections(score, times, threshold, min_gap), onsets, tolerance)
        recall.append(tp / (tp + fn) if tp + fn else 0.0)
        alarms.append(fp / hours)
    return np.array(recall), np.array(alarms)


def choose_threshold(score, times, onsets, thresholds, tolerance: float, min_gap: float):
    """The threshold with the highest F1 score; among ties, the highest threshold (fewest alarms).

    Call it on a *validation* record only: the chosen threshold is then judged
    on a test record it has never seen. F1 values equal to within floating-point
    noise (``np.isclose``) count as ties, so the choice does not hinge on the last bit.

    Returns
    -------
    threshold, f1 : float, float

    >>> choose_threshold([0.2, 0.9, 0.1, 0.6], [0, 10, 20, 30], [10], [0.5, 0.7, 0.8], 2, 0)
    (0.8, 1.0)
    """
    thresholds = check_vector(thresholds, "thresholds")
    f1 = []
    for threshold in thresholds:
        tp, fp, fn = match_detections(detections(score, times, threshold, min_gap), onsets, tolerance)
        f1.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)
    f1 = np.array(f1)
    tied = np.flatnonzero(np.isclose(f1, f1.max(), rtol=1e-9, atol=1e-12))
    best = tied[np.argmax(thresholds[tied])]
    return float(thresholds[best]), float(f1[best])


def sta_lta(data, nsta: int, nlta: int) -> np.ndarray:
    """The classic STA/LTA characteristic function (Allen 1978), as ObsPy's ``classic_sta_lta``.

    At sample ``i``: the mean of ``x**2`` over the last ``nsta`` samples, divided by
    its mean over the last ``nlta`` samples; 0 for the first ``nlta - 1``
    samples, where the long window is not yet full.

    >>> np.round(sta_lta(np.r_[np.ones(6), 3 * np.ones(2)], 2, 4), 3).tolist()
    [0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.667, 1.8]
    """
    x = check_vector(data, "data")
    nsta = check_scalar(nsta, "nsta", kind=numbers.Integral, minimum=1)
    nlta = check_scalar(nlta, "nlta", kind=numbers.Integral, minimum=nsta, maximum=len(x))
    energy = np.cumsum(x ** 2)
    sta, lta = energy.copy(), energy.copy()
    sta[nsta:] -= energy[:-nsta]
    lta[nlta:] -= energy[:-nlta]
    ratio = (sta / nsta) / np.maximum(lta / nlta, np.finfo(float).tiny)
    ratio[:nlta - 1] = 0.0
    return ratio


def aic(data) -> np.ndarray:
    """Akaike information criterion of every split point of a record (Maeda 1985).

    ``AIC(k) = k log(var(x[:k])) + (N - k - 1) log(var(x[k:]))``: lowest where
    the record changes from one stationary state (noise) to another (signal).
    The two ends, where a variance is undefined, are set to infinity.
    """
    x = check_vector(data, "data")
    n = len(x)
    k = np.arange(1, n - 1)
    csum, csum2 = np.cumsum(x), np.cumsum(x ** 2)
    var_before = csum2[k - 1] / k - (csum[k - 1] / k) ** 2
    rest = n - k
    var_after = (csum2[-1] - csum2[k - 1]) / rest - ((csum[-1] - csum[k - 1]) / rest) ** 2
    out = np.full(n, np.inf)
    with np.errstate(divide="ignore"):
        out[k] = k * np.log(np.maximum(var_before, 1e-300)) + (n - k - 1) * np.log(np.maximum(var_after, 1e-300))
    out[1] = out[-2] = np.inf  # one-sample variances are meaningless
    return out


def aic_pick(data) -> int:
    """Sample index of the onset: the minimum of :func:`aic`.

    >>> rng = np.random.default_rng(0)
    >>> signal = np.r_[rng.normal(0, 1, 300), rng.normal(0, 10, 200)]
    >>> abs(aic_pick(signal) - 300) <= 3
    True
    """
    return int(np.argmin(aic(data)))


# ---- catalogue statistics: the Gutenberg-Richter b-value ----------------------------------------

def b_value(magnitudes, mc: float, bin_width: float = 0.1) -> float:
    """Aki's (1965) maximum-likelihood b-value, with Utsu's correction for binned magnitudes.

    ``b = log10(e) / (mean(M) - (Mc - dM/2))`` over the events with ``M >= Mc``.

    >>> round(b_value([1.0, 1.0, 1.2, 1.5, 0.5], mc=1.0), 3)
    1.93
    """
    m = check_vector(magnitudes, "magnitudes")
    m = m[m >= mc - 1e-9]
    if len(m) < 2:
        raise ValueError(f"b_value needs at least 2 magnitudes >= Mc = {mc}, got {len(m)}.")
    return float(np.log10(np.e) / (m.mean() - (mc - bin_width / 2)))


def b_value_uncertainty(magnitudes, mc: float, bin_width: float = 0.1) -> float:
    """Shi & Bolt's (1982) standard error of the b-value.

    ``sigma_b = 2.30 b**2 sqrt(sum (M_i - mean M)**2 / (N (N - 1)))`` over the
    events with ``M >= Mc``.
    """
    m = check_vector(magnitudes, "magnitudes")
    m = m[m >= mc - 1e-9]
    b = b_value(m, mc, bin_width)
    return float(2.30 * b ** 2 * np.sqrt(np.sum((m - m.mean()) ** 2) / (len(m) * (len(m) - 1))))


def mc_by_b_stability(magnitudes, candidates, bin_width: float = 0.1, span: float = 0.5,
                      min_events: int = 50) -> float:
    """Magnitude of completeness by b-value stability (Cao & Gao 2002; Woessner & Wiemer 2005).

    For each candidate Mc (in increasing order), the mean of the b-values at
    Mc, Mc + dM, ..., Mc + ``span`` is compared with b(Mc); Mc is the first
    candidate where they differ by no more than Shi and Bolt's uncertainty of
    b(Mc). Candidates with fewer than ``min_events`` events above them are not
    considered. Returns NaN when no candidate is stable.
    """
    m = check_vector(magnitudes, "magnitudes")
    n_steps = int(round(span / bin_width))
    for mc in np.asarray(candidates, dtype=float):
        trial = np.round(mc + bin_width * np.arange(n_steps + 1), 6)
        if np.sum(m >= trial[-1] - 1e-9) < min_events:
            break
        b_here = b_value(m, mc, bin_width)
        b_mean = np.mean([b_value(m, t, bin_width) for t in trial])
        if abs(b_mean - b_here) <= b_value_uncertainty(m, mc, bin_width):
            return float(round(mc, 6))
    return float("nan")
