"""Live demos for Day 4: a split moved by hand, and a forest growing tree by tree."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from .. import trees
from .._validation import check_vector
from ..plotting import OKABE_ITO
from . import interactive_figure

__all__ = ["plot_split", "split_widget", "plot_regions", "plot_bagging", "plot_residuals", "plot_extrapolation",
           "tree_text"]


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


# ---- the day's figures ----------------------------------------------------------------------------
LIGHT = ["#cfe3f2", "#fbe3bf"]  # light versions of the first two Okabe-Ito colours, for regions


def plot_regions(predict, X, y, ax, class_names, resolution: int = 150, xlabel="x1", ylabel="x2"):
    """Regions of a two-class model in light colours, the samples on top (no legend: see ``fig.legend``)."""
    from matplotlib.colors import ListedColormap

    X, labels = np.asarray(X, float), np.asarray(y)
    pad = 0.05 * (X.max(axis=0) - X.min(axis=0))
    g1, g2 = (np.linspace(lo, hi, resolution) for lo, hi in zip(X.min(0) - pad, X.max(0) + pad))
    G1, G2 = np.meshgrid(g1, g2)
    Z = (np.asarray(predict(np.c_[G1.ravel(), G2.ravel()]), float) > 0.5).reshape(G1.shape)
    ax.pcolormesh(G1, G2, Z.astype(float), cmap=ListedColormap(LIGHT), vmin=0, vmax=1, shading="auto")
    for k, name in enumerate(class_names):
        pts = X[labels == k]
        ax.scatter(pts[:, 0], pts[:, 1], s=10, color=OKABE_ITO[k], edgecolor="white", linewidth=0.3,
                   label=name)
    ax.set(xlabel=xlabel, ylabel=ylabel)
    ax.grid(False)
    return ax


def plot_bagging(x, y, grid, tree_predictions, xlabel="distance (km)", ylabel="peak acceleration (g)"):
    """The records, every bagged tree (thin), and their average (thick), in log-log axes.

    ``x``, ``grid`` are log10 distances; ``y``, ``tree_predictions`` log10 PGA.
    """
    tree_predictions = np.atleast_2d(tree_predictions)
    fig, ax = plt.subplots(figsize=(9, 4.6))
    ax.scatter(10 ** np.ravel(x), 10 ** np.ravel(y), s=12, color="grey", label="records", zorder=1)
    for k, pred in enumerate(tree_predictions):
        ax.plot(10 ** np.ravel(grid), 10 ** pred, color=OKABE_ITO[5], lw=0.8, alpha=0.5,
                label="single bagged trees" if k == 0 else None, zorder=2)
    ax.plot(10 ** np.ravel(grid), 10 ** tree_predictions.mean(axis=0), color=OKABE_ITO[3], lw=3,
            label=f"average of the {len(tree_predictions)} trees", zorder=3)
    ax.set(xscale="log", yscale="log", xlabel=xlabel, ylabel=ylabel)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return ax


def plot_residuals(magnitude, residuals: dict, events):
    """One panel per model: residuals of every record (dots) and each event's mean (diamonds) against M."""
    M = np.asarray(magnitude, float)
    events = np.asarray(events)
    labels, index = np.unique(events, return_inverse=True)
    n = np.bincount(index)
    event_m = np.bincount(index, M) / n
    fig, axes = plt.subplots(1, len(residuals), figsize=(3.2 * len(residuals), 3.6), sharey=True)
    axes = np.atleast_1d(axes)
    for k, (ax, (name, res)) in enumerate(zip(axes, residuals.items())):
        res = np.asarray(res, float)
        ax.scatter(M, res, s=8, color="grey", alpha=0.6, label="records")
        ax.scatter(event_m, np.bincount(index, res) / n, s=18 + 4 * n, marker="D", color=OKABE_ITO[k % 8],
                   edgecolor="black", linewidth=0.5, label="event means (size: records)", zorder=3)
        ax.axhline(0, color="black", lw=1)
        ax.set(title=name, xlabel="magnitude M")
    axes[0].set_ylabel("residual log10 PGA\n(observed - predicted)")
    handles, names = axes[0].get_legend_handles_labels()
    fig.legend(handles, names, loc="lower center", ncols=2, bbox_to_anchor=(0.5, -0.2))
    return axes


def plot_extrapolation(distances, curves: dict, observed=None, magnitude: float = 8.0):
    """Predicted PGA against distance for one magnitude, one line per model; records for context."""
    fig, ax = plt.subplots(figsize=(9, 4.6))
    if observed is not None:
        R, pga, label = observed
        ax.scatter(R, pga, s=14, color="grey", label=label, zorder=1)
    styles = ["-", "--", "-.", ":"]
    for k, (name, pga_pred) in enumerate(curves.items()):
        ax.plot(distances, pga_pred, lw=2.5, ls=styles[k % 4], color=OKABE_ITO[k % 8], label=name, zorder=2)
    ax.set(xscale="log", yscale="log", xlabel="distance to the surface projection of the rupture (km)",
           ylabel=f"peak acceleration (g), M {magnitude:g}")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return ax


def tree_text(node, feature_names, decimals: int = 2, unit: str = "", _indent: str = "") -> str:
    """A readable Node tree as indented text: the questions, and the leaves' values."""
    if node.feature is None:
        return f"{_indent}predict {node.value:.{decimals}f}{unit}  ({node.n_samples} records)\n"
    name = feature_names[node.feature]
    question = f"{name} <= {node.threshold:.{decimals}f}"
    return (f"{_indent}if {question}:\n"
            + tree_text(node.left, feature_names, decimals, unit, _indent + "    ")
            + f"{_indent}else:\n"
            + tree_text(node.right, feature_names, decimals, unit, _indent + "    "))
