"""Earthquake detection and phase picking: the mechanics of the Day 2 detector.

Labelled seismograms are scarce, so detectors in the seismology literature
are trained on *augmented* data: real event waveforms inserted into real noise
at random times and signal-to-noise ratios (Zhu & Beroza 2019, PhaseNet,
doi:10.1093/gji/ggy423; Mousavi et al. 2020, EQTransformer,
doi:10.1038/s41467-020-17591-w; Perol et al. 2018, ConvNetQuake,
doi:10.1126/sciadv.1700578). This module builds such windows, the hand-made
features of a classical detector, the sliding of a trained detector over a
record, and the AIC onset picker (Maeda 1985).

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

__all__ = ["held_out_split", "insert_event", "make_windows", "window_features", "FEATURE_NAMES",
           "sliding_windows", "detections", "match_detections", "aic", "aic_pick"]

FEATURE_NAMES = ["envelope peak / median", "kurtosis", "energy 1-3 Hz", "energy 3-6 Hz", "energy 6-10 Hz"]


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


def make_windows(noise, templates, n_windows: int, length: int, rng=None, snr_range=(1.0, 20.0),
                 event_fraction: float = 0.5, onset_range=(0.1, 0.5)):
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

    Returns
    -------
    X : ndarray (n_windows, length)
        Each window divided by its largest absolute value (amplitudes then carry no label).
    y : ndarray (n_windows,) of 0 and 1
    onsets : ndarray (n_windows,)
        Onset sample within the window, -1 for noise.
    """
    noise = check_vector(noise, "noise")
    n = check_scalar(n_windows, "n_windows", kind=numbers.Integral, minimum=1)
    length = check_scalar(length, "length", kind=numbers.Integral, minimum=2, maximum=len(noise))
    rng = check_rng(rng)
    y = (np.arange(n) < round(event_fraction * n)).astype(int)
    rng.shuffle(y)
    X, onsets = np.empty((n, length)), np.full(n, -1)
    for i in range(n):
        start = rng.integers(0, len(noise) - length + 1)
        window = noise[start:start + length]
        if y[i]:
            onsets[i] = int(rng.uniform(*onset_range) * length)
            snr = np.exp(rng.uniform(*np.log(snr_range)))
            template = templates[rng.integers(len(templates))] * rng.choice([-1.0, 1.0])
            window = insert_event(window, template, onsets[i], snr)
        X[i] = window / np.abs(window).max()
    return X, y, onsets


def window_features(X, sampling_rate: float) -> np.ndarray:
    """Hand-made features of each window, as a seismologist would choose them.

    - envelope peak over its median: an impulsive arrival stands out of the noise;
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
