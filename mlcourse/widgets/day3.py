"""Figures of Day 3 (best practices and pitfalls): curves with their spread, blocks on a map, costs.

Every number on Day 3 comes with its spread, so every curve here is drawn with
a band (mean ± one standard deviation over folds or repeats) on a linear axis.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> ax = curve_with_band([1, 2, 3], [[1.0, 2.0, 3.0], [1.2, 2.2, 2.8]], label="demo")
>>> ax.get_legend_handles_labels()[1]
['demo']
"""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from ..plotting import OKABE_ITO
from ..splits import spatial_blocks
from . import interactive_figure

__all__ = ["curve_with_band", "blocks_map", "cost_curve", "semivariogram_plot", "block_folds",
           "plot_block_folds", "block_size_widget"]


def curve_with_band(x, values, *, label: str, ax=None, color=None, marker: str = "o", ls: str = "-"):
    """Mean of ``values`` (rows: repeats or folds, columns: the x positions) with a ±1 sd band."""
    values = np.atleast_2d(np.asarray(values, dtype=float))
    x = np.asarray(x, dtype=float)
    if values.shape[1] != len(x):
        raise ValueError(f"values must have one column per x ({len(x)}), got shape {values.shape}.")
    ax = ax or plt.gca()
    mean, sd = values.mean(axis=0), values.std(axis=0)
    line, = ax.plot(x, mean, marker=marker, ls=ls, color=color, label=label)
    ax.fill_between(x, mean - sd, mean + sd, color=line.get_color(), alpha=0.2, lw=0)
    return ax


def blocks_map(latitude, longitude, fold_of_sample, size_deg: float, *, ax=None, title: str = ""):
    """Events coloured by the cross-validation fold of their block, with the block grid drawn."""
    lat, lon = np.asarray(latitude, dtype=float), np.asarray(longitude, dtype=float)
    folds = np.asarray(fold_of_sample)
    ax = ax or plt.gca()
    for k in np.unique(folds):
        here = folds == k
        ax.scatter(lon[here], lat[here], s=9, color=OKABE_ITO[int(k) % len(OKABE_ITO)], label=f"fold {int(k) + 1}")
    lo_lon, hi_lon = np.floor(lon.min() / size_deg) * size_deg, np.ceil(lon.max() / size_deg) * size_deg
    lo_lat, hi_lat = np.floor(lat.min() / size_deg) * size_deg, np.ceil(lat.max() / size_deg) * size_deg
    for v in np.arange(lo_lon, hi_lon + size_deg / 2, size_deg):
        ax.axvline(v, color="0.6", lw=0.8, zorder=0)
    for h in np.arange(lo_lat, hi_lat + size_deg / 2, size_deg):
        ax.axhline(h, color="0.6", lw=0.8, zorder=0)
    ax.set(xlim=(lo_lon, hi_lon), ylim=(lo_lat, hi_lat), xlabel="longitude (°E)", ylabel="latitude (°N)",
           title=title or f"{size_deg:g}° blocks, coloured by test fold")
    ax.grid(False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return ax


def cost_curve(thresholds, costs, *, chosen: dict, ax=None, xlabel: str, ylabel: str = "total cost"):
    """Cost against threshold; each entry of ``chosen`` ({label: threshold}) marked by a vertical line."""
    thresholds, costs = np.asarray(thresholds, dtype=float), np.asarray(costs, dtype=float)
    ax = ax or plt.gca()
    ax.plot(thresholds, costs, color=OKABE_ITO[0], lw=2, label="cost on out-of-fold scores")
    styles = ["--", ":", "-."]
    for i, (label, t) in enumerate(chosen.items()):
        ax.axvline(t, color=OKABE_ITO[(i + 1) % len(OKABE_ITO)], ls=styles[i % len(styles)], lw=2,
                   label=f"{label}: {t:.2f}")
    ax.set(xlabel=xlabel, ylabel=ylabel)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return ax


def semivariogram_plot(centres, gamma, *, sill: float, range_km: float, ax=None, unit: str = "km²",
                       label: str = "semivariance of depth", sill_label: str = "plateau (sill)"):
    """The empirical semivariogram with its plateau (sill) and the range marked."""
    ax = ax or plt.gca()
    ax.plot(centres, gamma, "o-", color=OKABE_ITO[0], label=label)
    ax.axhline(sill, color=OKABE_ITO[1], ls="--", label=sill_label)
    ax.axvline(range_km, color=OKABE_ITO[3], ls=":", lw=2, label=f"range ≈ {range_km:.0f} km")
    ax.set(xlabel="distance between two events (km)", ylabel=f"semivariance ({unit})")
    ax.legend(loc="lower right")
    return ax


def block_folds(latitude, longitude, size_deg: float, n_folds: int = 5, seed: int = 0) -> np.ndarray:
    """The test fold (0 .. n_folds-1) of every sample when whole ``size_deg`` blocks are held out.

    >>> block_folds([0.5, 0.6, 5.5], [0.5, 0.7, 5.5], 1.0, n_folds=2).tolist()
    [1, 1, 0]
    """
    from sklearn.model_selection import GroupKFold

    blocks = spatial_blocks(latitude, longitude, size_deg)
    fold = np.zeros(len(blocks), dtype=int)
    splitter = GroupKFold(n_folds, shuffle=True, random_state=seed)
    for k, (_, test) in enumerate(splitter.split(blocks, groups=blocks)):
        fold[test] = k
    return fold


def plot_block_folds(latitude, longitude, size_deg: float, n_folds: int = 5, seed: int = 0):
    """The map of :func:`blocks_map` for ``size_deg`` blocks dealt to ``n_folds`` folds."""
    fig, ax = plt.subplots(figsize=(7.5, 5.5))
    n_blocks = len(np.unique(spatial_blocks(latitude, longitude, size_deg)))
    return blocks_map(latitude, longitude, block_folds(latitude, longitude, size_deg, n_folds, seed), size_deg,
                      ax=ax, title=f"{size_deg:g}° blocks ({n_blocks}), coloured by the fold that tests them")


def block_size_widget(latitude, longitude, sizes=(0.5, 1.0, 2.0, 4.0, 6.0), value: float = 4.0):
    """A slider over block sizes, redrawing :func:`plot_block_folds`."""
    return interactive_figure(lambda size_deg: plot_block_folds(latitude, longitude, size_deg),
                              size_deg=widgets.SelectionSlider(options=list(sizes), value=value,
                                                               description="block (°)"))
