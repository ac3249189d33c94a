"""Live demos for Day 4: a split moved by hand, and a forest growing tree by tree."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from .. import trees
from .._validation import check_vector
from ..plotting import OKABE_ITO
from . import interactive_figure

__all__ = ["plot_split", "split_widget"]


def plot_split(x, y, threshold, ax=None, xlabel="x"):
    """Samples on a line, coloured by class, cut at ``threshold``; Gini of each side in the title."""
    x, labels = check_vector(x, "x"), np.asarray(y)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 2.8))
    classes = np.unique(labels)
    for k, label in enumerate(classes):
        pts = x[labels == label]
        ax.scatter(pts, np.full(len(pts), k * 0.2), s=90, color=OKABE_ITO[k % 8], label=str(label),
                   edgecolor="black", zorder=3)
    ax.axvline(threshold, color="black", lw=2, ls="--")
    left, right = labels[x <= threshold], labels[x > threshold]
    g_left = trees.gini(left) if len(left) else 0.0
    g_right = trees.gini(right) if len(right) else 0.0
    weighted = (len(left) * g_left + len(right) * g_right) / len(labels)
    ax.set_title(f"left: {len(left)} samples, Gini {g_left:.2f} | right: {len(right)} samples, "
                 f"Gini {g_right:.2f} | weighted {weighted:.3f}")
    ax.set_yticks([])
    ax.set_ylim(-0.3, 0.2 * len(classes) + 0.1)
    ax.set_xlabel(xlabel)
    ax.legend(loc="upper left", ncols=len(classes))
    return ax


def split_widget(x, y, xlabel="x"):
    """A slider moving the threshold of :func:`plot_split`."""
    x = check_vector(x, "x")
    return interactive_figure(lambda threshold: plot_split(x, y, threshold, xlabel=xlabel),
                              threshold=widgets.FloatSlider(value=float(np.median(x)), min=float(x.min()),
                                                            max=float(x.max()), step=0.1,
                                                            description="threshold"))
