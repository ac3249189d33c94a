"""Live demo for Day 2: the STA/LTA trigger threshold."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from .._validation import check_scalar, check_vector
from ..plotting import OKABE_ITO
from . import interactive_figure

__all__ = ["plot_triggers", "trigger_widget"]


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
