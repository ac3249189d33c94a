"""Day 2 live demo (the STA/LTA trigger threshold) and the day's figures (trade-off curves, Gutenberg-Richter)."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from .._validation import check_scalar, check_vector
from ..plotting import OKABE_ITO
from . import interactive_figure

__all__ = ["plot_triggers", "trigger_widget", "plot_record", "plot_trade_off", "plot_frequency_magnitude", "plot_b_against_mc"]


def plot_triggers(data, cft, sampling_rate: float, threshold: float, off: float = 1.0, axes=None):
    """A record, its STA/LTA ratio, and the triggers a threshold gives (shaded)."""
    from obspy.signal.trigger import trigger_onset

    data, cft = check_vector(data, "data"), check_vector(cft, "cft")
    check_scalar(threshold, "threshold", minimum=0.0, include_minimum=False)
    t = np.arange(len(data)) / sampling_rate
    if axes is None:
        _, axes = plt.subplots(2, 1, figsize=(12, 5), sharex=True)
    on_off = trigger_onset(cft, threshold, min(off, threshold))
    axes[0].plot(t, data, color="black", lw=0.4)
    axes[0].set_ylabel("ground motion (counts)")
    axes[1].plot(t, cft, color=OKABE_ITO[0], lw=0.8)
    axes[1].axhline(threshold, color=OKABE_ITO[3], ls="--", label=f"threshold {threshold:g}")
    for start, end in on_off:
        for ax in axes:
            ax.axvspan(start / sampling_rate, end / sampling_rate, color=OKABE_ITO[1], alpha=0.4)
    axes[1].set(xlabel="time (s)", ylabel="STA/LTA")
    axes[1].legend(loc="upper right")
    axes[0].set_title(f"{len(on_off)} triggers")
    return axes


def trigger_widget(data, cft, sampling_rate: float):
    """A threshold slider over :func:`plot_triggers`."""
    return interactive_figure(lambda threshold: plot_triggers(data, cft, sampling_rate, threshold),
                              threshold=widgets.FloatSlider(value=4.0, min=1.5, max=10.0, step=0.25,
                                                            description="threshold"))


def plot_record(ax, times, data, max_points: int = 10_000, **style):
    """Draw a long record as its minimum-maximum envelope in blocks, like ObsPy's plot of long traces.

    A line through hundreds of thousands of samples costs tens of MB to render and shows no
    more than the envelope does at screen resolution; records of at most ``max_points``
    samples are drawn as a line.
    """
    times, data = check_vector(times, "times"), check_vector(data, "data")
    block = int(np.ceil(len(data) / max_points))
    colour = style.pop("color", "black")
    if block <= 1:
        return ax.plot(times, data, color=colour, lw=style.pop("lw", 0.4), **style)
    n = len(data) // block * block
    blocks = data[:n].reshape(-1, block)
    return ax.fill_between(times[:n:block], blocks.min(axis=1), blocks.max(axis=1), color=colour, lw=0, **style)


def plot_trade_off(curves, chosen=None, ax=None, title: str = "", max_alarms: float | None = None,
                   legend: bool = True):
    """Recall against false alarms per hour, one curve per detector over all its thresholds.

    Parameters
    ----------
    curves : dict name -> (recall, false_alarms_per_hour)
        As :func:`mlcourse.detection.trade_off` returns them, in the order of the thresholds (the
        curve is drawn in that order: with merged detections it need not be monotonic).
    chosen : dict name -> (recall, false_alarms_per_hour), optional
        The operating point of each detector (its threshold chosen on validation data), drawn large.
    max_alarms : float, optional
        Right end of the false-alarm axis.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4.5))
    markers = "osD^v"
    for i, (name, (recall, alarms)) in enumerate(curves.items()):
        recall, alarms = check_vector(recall, "recall"), check_vector(alarms, "false_alarms_per_hour")
        colour = OKABE_ITO[i % len(OKABE_ITO)]
        ax.plot(alarms, recall, "-", marker=".", ms=4, lw=1.2, color=colour, label=name)
        if chosen and name in chosen:
            r, a = chosen[name]
            ax.plot([a], [r], markers[i % len(markers)], color=colour, ms=11, mec="black",
                    label=f"{name}: chosen threshold")
    ax.set(xlabel="false alarms per hour", ylabel="recall (share of inserted events found)",
           ylim=(-0.02, 1.02), title=title)
    if max_alarms is not None:
        ax.set_xlim(-0.02 * max_alarms, max_alarms)
    if legend:
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0)
    return ax


def plot_frequency_magnitude(magnitudes, mc: float, b: float, bin_width: float = 0.1, ax=None):
    """Gutenberg-Richter plot: N(>= M) and N per bin, with the fitted line above Mc."""
    m = check_vector(magnitudes, "magnitudes")
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4.5))
    bins = np.round(np.arange(m.min(), m.max() + bin_width / 2, bin_width), 6)
    per_bin = np.array([np.sum(np.abs(m - x) < bin_width / 2) for x in bins])
    cumulative = np.array([np.sum(m >= x - 1e-9) for x in bins])
    n_complete = np.sum(m >= mc - 1e-9)
    a = np.log10(n_complete) + b * mc
    ax.semilogy(bins, cumulative, "o", ms=4, color=OKABE_ITO[0], label="N(≥ M)")
    ax.semilogy(bins[per_bin > 0], per_bin[per_bin > 0], "s", ms=3, color=OKABE_ITO[1], label="N per bin")
    fit = bins[bins >= mc - 1e-9]
    ax.semilogy(fit, 10 ** (a - b * fit), color="black", lw=1.5, label=f"log N = {a:.2f} - {b:.2f} M")
    ax.axvline(mc, color="grey", ls="--", label=f"Mc = {mc:.1f}")
    ax.set(xlabel="magnitude", ylabel="number of earthquakes")
    ax.legend(loc="upper right")
    return ax


def plot_b_against_mc(mcs, b, sigma, mc: float, ax=None):
    """b for every trial Mc with Shi and Bolt's error bars, the chosen Mc marked."""
    mcs, b, sigma = check_vector(mcs, "mcs"), check_vector(b, "b"), check_vector(sigma, "sigma")
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4.5))
    ax.errorbar(mcs, b, yerr=sigma, fmt="o", ms=4, color=OKABE_ITO[0], capsize=2, label="b ± σ (Shi & Bolt)")
    ax.axvline(mc, color="grey", ls="--", label=f"Mc by b-stability = {mc:.1f}")
    ax.axhline(1.0, color=OKABE_ITO[3], ls=":", label="b = 1")
    ax.set(xlabel="trial magnitude of completeness Mc", ylabel="b-value")
    ax.legend(loc="upper left")
    return ax
