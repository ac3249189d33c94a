"""Checks for the exercises of Day 2 (ML in geosciences, the earthquake detector).

>>> conv_output_length(96, length=100, kernel_size=5).status
'correct'
"""

from __future__ import annotations

import numpy as np

from .._validation import check_vector
from . import Feedback, check_value, correct, incorrect, is_blank, unanswered

__all__ = ["window_samples", "conv_output_length", "detector_scores", "pick_difference", "b_value",
           "deep_cluster"]


def window_samples(answer, seconds: float, sampling_rate: float) -> Feedback:
    """Exercise: samples in a window of ``seconds`` at ``sampling_rate`` Hz."""
    expected = seconds * sampling_rate
    return check_value(answer, expected, name="n_samples", mistakes=[
        (seconds / sampling_rate, "Multiply: samples = seconds x samples per second."),
        (seconds * 100, "The record was resampled: use the new sampling rate, not the original 100 Hz."),
    ], hint="samples = duration (s) x sampling rate (Hz)")


def conv_output_length(answer, length: int, kernel_size: int, stride: int = 1, padding: int = 0) -> Feedback:
    """Exercise: the length after a convolution, ``(L + 2p - K) // stride + 1``."""
    expected = (length + 2 * padding - kernel_size) // stride + 1
    return check_value(answer, expected, name="n_out", mistakes=[
        (length + 2 * padding - kernel_size, "Off by one: a kernel of K samples fits L - K + 1 times."),
        (length, "Without padding the output is shorter than the input."),
    ], hint="The filter fits L - K + 1 times along a signal of L samples.")


def detector_scores(precision, recall, tp: int, fp: int, fn: int) -> Feedback:
    """Exercise: precision and recall of a detector from its counts."""
    if is_blank(precision) or is_blank(recall):
        return unanswered("precision and recall", "precision = TP / (TP + FP), recall = TP / (TP + FN)")
    ref_p = tp / (tp + fp) if tp + fp else 0.0
    ref_r = tp / (tp + fn) if tp + fn else 0.0
    first = check_value(precision, ref_p, name="precision", mistakes=[
        (ref_r, "That is the recall: precision divides by all detections (TP + FP).")])
    if not first:
        return first
    return check_value(recall, ref_r, name="recall", mistakes=[
        (ref_p, "That is the precision: recall divides by all real events (TP + FN).")])


def pick_difference(answer, aic_seconds: float, reference_seconds: float, sampling_rate: float) -> Feedback:
    """Exercise: the AIC pick minus the reference pick, in seconds."""
    expected = aic_seconds - reference_seconds
    return check_value(answer, expected, name="difference_s", unit="s", atol=1e-6, mistakes=[
        (-expected, "The sign: AIC pick minus the reference (positive means the AIC pick is later)."),
        (expected * sampling_rate, "That is in samples: divide by the sampling rate."),
    ])


def b_value(answer, magnitudes, completeness: float, bin_width: float = 0.1) -> Feedback:
    """Exercise: the Aki (1965) maximum-likelihood b-value with Utsu's bin correction."""
    m = check_vector(magnitudes, "magnitudes")
    m = m[m >= completeness - 1e-9]
    expected = np.log10(np.e) / (m.mean() - (completeness - bin_width / 2))
    return check_value(answer, expected, name="b", mistakes=[
        (np.log10(np.e) / (m.mean() - completeness), "Add the bin correction: subtract Mc - dM/2, "
                                                      "half a magnitude bin below Mc."),
        (1 / (m.mean() - (completeness - bin_width / 2)), "log10(e) = 0.434 belongs in the numerator."),
        (np.log10(np.e) / (check_vector(magnitudes, "magnitudes").mean() - (completeness - bin_width / 2)),
         "Use only the events at or above the magnitude of completeness."),
    ], hint="b = log10(e) / (mean(M) - (Mc - dM/2)) over the events with M >= Mc")


def deep_cluster(answer, labels, depths) -> Feedback:
    """Exercise: the k-means cluster whose events are deepest on average."""
    if is_blank(answer):
        return unanswered("deep_label", "Group the depths by cluster label and compare the means.")
    labels, depths = np.asarray(labels), check_vector(depths, "depths")
    means = {int(k): depths[labels == k].mean() for k in np.unique(labels)}
    best = max(means, key=means.get)
    if answer == best:
        return correct(f"cluster {best}: mean depth {means[best]:.0f} km.")
    if answer in means:
        return incorrect(f"cluster {answer} has a mean depth of {means[answer]:.0f} km, not the largest.",
                         "Compare the mean depth of every cluster.")
    return incorrect(f"{answer!r} is not a cluster label; the labels are {sorted(means)}.")
