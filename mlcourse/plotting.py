"""The course's figures, so that notebooks show the idea and not the plotting code.

Every function draws on an Axes (a new one when ``ax`` is not given) and
returns it; the notebook cell ends with ``plt.show()``. Colours come from the
Okabe-Ito palette, which stays distinguishable for colour-blind readers, and
fonts are sized for a projector (:func:`use_course_style`).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from ._validation import check_array, check_vector, describe
from .activations import get_activation

__all__ = ["OKABE_ITO", "use_course_style", "activation_gallery", "training_curves",
           "confusion_matrix_plot", "decision_boundary", "roc_plot",
           "loss_landscape_1d", "loss_landscape_2d"]

# Okabe & Ito (2008), "Color universal design": safe for the common colour-vision deficiencies.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
SEQUENTIAL = "cividis"  # perceptually uniform and colour-blind safe


def use_course_style() -> None:
    """Projector-readable defaults: larger fonts, PNG-friendly resolution, safe colours."""
    plt.rcParams.update({
        "figure.figsize": (7.0, 4.2),
        "figure.dpi": 100,
        "savefig.dpi": 100,
        "font.size": 12,
        "axes.titlesize": 13,
        "axes.labelsize": 12,
        "legend.fontsize": 11,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": plt.cycler(color=OKABE_ITO),
        "image.cmap": SEQUENTIAL,
    })


def _axes(ax, figsize=None):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def activation_gallery(names=None, z=None, axes=None):
    """Each activation ``f(z)`` (solid) with its derivative ``f'(z)`` (dashed), one panel each.

    Returns the array of Axes.
    """
    names = list(names or ["relu", "leaky_relu", "sigmoid", "tanh", "softplus"])
    z = np.linspace(-4, 4, 401) if z is None else check_vector(z, "z")
    if axes is None:
        _, axes = plt.subplots(1, len(names), figsize=(3.0 * len(names), 3.0), sharey=True)
    axes = np.atleast_1d(axes)
    for ax, name in zip(axes, names):
        act = get_activation(name)
        ax.plot(z, act(z), color=OKABE_ITO[0], lw=2.5, label="f(z)")
        ax.plot(z, act.derivative(z), color=OKABE_ITO[1], lw=2, ls="--", label="f'(z)")
        ax.set_title(name)
        ax.set_xlabel("z = W x + b")
        ax.axhline(0, color="grey", lw=0.8)
    axes[0].set_ylabel("value")
    axes[0].legend(loc="upper left")
    return axes


def training_curves(history, metrics=None, ax=None, logy: bool = False, ylabel: str = "loss"):
    """Training (solid) and validation (dashed) curves per epoch from a ``fit`` history."""
    if not history or not history.get("loss"):
        raise ValueError("history is empty: train the model first (fit returns the history).")
    ax = _axes(ax)
    keys = ["loss"] + list(metrics or [])
    for colour, key in zip(OKABE_ITO, keys):
        epochs = np.arange(1, len(history[key]) + 1)
        ax.plot(epochs, history[key], color=colour, lw=2, label=f"training {key}")
        if f"val_{key}" in history:
            ax.plot(epochs, history[f"val_{key}"], color=colour, lw=2, ls="--", label=f"validation {key}")
    best = getattr(history, "best_epoch", 0)
    if best and "val_loss" in history:
        ax.axvline(best, color="grey", lw=1, ls=":", label=f"best epoch ({best})")
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel(ylabel)
    ax.legend()
    return ax


def confusion_matrix_plot(cm, class_names=None, ax=None, normalize: bool = False):
    """The confusion matrix as a grid of counts: rows are the truth, columns the prediction."""
    cm = check_array(cm, "cm")
    if cm.shape[0] != cm.shape[1]:
        raise ValueError(f"cm must be square (n_classes, n_classes), got {describe(cm)}.")
    names = list(class_names) if class_names is not None else [str(i) for i in range(len(cm))]
    if len(names) != len(cm):
        raise ValueError(f"class_names has {len(names)} names for {len(cm)} classes.")
    shown = cm / np.maximum(cm.sum(axis=1, keepdims=True), 1) if normalize else cm
    ax = _axes(ax, figsize=(1.3 * len(cm) + 2.5, 1.2 * len(cm) + 1.8))
    ax.imshow(shown, cmap="Blues", vmin=0)
    ax.grid(False)
    for (i, j), value in np.ndenumerate(shown):
        text = f"{value:.2f}" if normalize else f"{int(value)}"
        ax.text(j, i, text, ha="center", va="center", fontsize=14,
                color="white" if value > 0.6 * shown.max() else "black")
    ax.set_xticks(range(len(names)), names)
    ax.set_yticks(range(len(names)), names)
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    return ax


def decision_boundary(model_or_fn, X, y, ax=None, resolution: int = 200, xlabel="$x_1$",
                      ylabel="$x_2$", levels=None, class_names=None):
    """Filled contours of a model's output over the plane of two features, data on top.

    ``model_or_fn`` is a model with ``predict`` (or ``predict_proba``) or a
    function of an (n, 2) array; for probabilities, the 0.5 contour is drawn.
    """
    X = check_array(X, "X", n_features=2, context="decision_boundary (2-D inputs only)")
    y = check_vector(y, "y")
    predict = model_or_fn if callable(model_or_fn) and not hasattr(model_or_fn, "predict") \
        else model_or_fn.predict
    pad = 0.1 * (X.max(axis=0) - X.min(axis=0) + 1e-9)
    g1, g2 = (np.linspace(lo, hi, resolution) for lo, hi in zip(X.min(0) - pad, X.max(0) + pad))
    G1, G2 = np.meshgrid(g1, g2)
    Z = np.asarray(predict(np.c_[G1.ravel(), G2.ravel()]), dtype=float)
    Z = (Z[:, -1] if Z.ndim == 2 else Z).reshape(G1.shape)
    ax = _axes(ax, figsize=(5.5, 4.5))
    ax.contourf(G1, G2, Z, levels=levels or 20, cmap="PuOr_r", alpha=0.75)
    if np.all((Z >= 0) & (Z <= 1)):
        ax.contour(G1, G2, Z, levels=[0.5], colors="black", linewidths=1.5)
    for k, label in enumerate(np.unique(y)):
        pts = X[y == label]
        name = class_names[k] if class_names is not None else f"class {label:g}"
        ax.scatter(pts[:, 0], pts[:, 1], s=22, color=OKABE_ITO[k % 8], edgecolor="white",
                   linewidth=0.6, label=name)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc="best")
    ax.grid(False)
    return ax


def roc_plot(fpr, tpr, auc=None, ax=None, highlight=None):
    """The ROC curve with the diagonal of guessing; ``highlight`` marks one (fpr, tpr) point."""
    fpr, tpr = check_vector(fpr, "fpr"), check_vector(tpr, "tpr")
    ax = _axes(ax, figsize=(4.8, 4.5))
    label = "model" if auc is None else f"model (AUC = {auc:.3f})"
    ax.plot(fpr, tpr, color=OKABE_ITO[0], lw=2.5, drawstyle="steps-post", label=label)
    ax.plot([0, 1], [0, 1], color="grey", ls="--", lw=1, label="guessing (AUC = 0.5)")
    if highlight is not None:
        ax.plot(*highlight, "o", color=OKABE_ITO[3], ms=10, label="chosen threshold")
    ax.set_xlabel("false-positive rate (FP / negatives)")
    ax.set_ylabel("true-positive rate = recall")
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.legend(loc="lower right")
    return ax


def loss_landscape_1d(alphas, losses, ax=None, logy: bool = False):
    """Loss along one filter-normalised direction; the trained network is at alpha = 0."""
    alphas, losses = check_vector(alphas, "alphas"), check_vector(losses, "losses")
    ax = _axes(ax)
    ax.plot(alphas, losses, color=OKABE_ITO[0], lw=2.5)
    ax.axvline(0, color="grey", ls=":", lw=1)
    ax.set_xlabel(r"step $\alpha$ along a random direction")
    ax.set_ylabel("loss")
    if logy:
        ax.set_yscale("log")
    return ax


def loss_landscape_2d(alphas, betas, losses, ax=None, levels: int = 20):
    """Contours of the loss over the plane of two directions; the trained network is marked."""
    alphas, betas = check_vector(alphas, "alphas"), check_vector(betas, "betas")
    losses = check_array(losses, "losses")
    if losses.shape != (len(betas), len(alphas)):
        raise ValueError(f"losses must have shape (len(betas), len(alphas)) = "
                         f"{(len(betas), len(alphas))}, got {describe(losses)}.")
    ax = _axes(ax, figsize=(5.5, 4.5))
    filled = ax.contourf(alphas, betas, np.log10(losses), levels=levels, cmap=SEQUENTIAL)
    lines = ax.contour(alphas, betas, np.log10(losses), levels=8, colors="white", linewidths=0.7,
                       linestyles="solid")
    ax.clabel(lines, fmt=lambda v: f"{10 ** v:.2g}", fontsize=9)
    ax.plot(0, 0, marker="*", color=OKABE_ITO[1], ms=16, label="trained network")
    plt.colorbar(filled, ax=ax, label="log$_{10}$ loss")
    ax.set_xlabel(r"$\alpha$ (direction 1)")
    ax.set_ylabel(r"$\beta$ (direction 2)")
    ax.legend(loc="upper right")
    ax.grid(False)
    return ax
