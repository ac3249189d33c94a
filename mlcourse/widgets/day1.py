"""Live demos for Day 1: each widget is a thin ipywidgets wrapper around a plotting function.

The ``plot_*`` and ``*_feedback`` functions do the work and are unit-tested;
the ``*_widget`` functions only connect sliders to them. In the notebook every
widget is followed by a static figure from the same function, for readers
without a running kernel.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from .. import metrics
from ..activations import get_activation
from .._validation import check_vector
from ..layers import Dense
from ..network import Sequential
from ..optimizers import SGD
from ..plotting import OKABE_ITO, SEQUENTIAL, confusion_matrix_plot, roc_plot
from ..training import fit
from . import interactive_figure

__all__ = ["plot_single_neuron", "single_neuron_widget", "plot_activation", "activation_widget",
           "QUIZ_OPTIONS", "layer_quiz", "learning_rate_curves", "plot_learning_rates",
           "learning_rate_widget", "plot_roc_threshold", "roc_threshold_widget", "plot_descent_path",
           "plot_descent_path_2d",
           "longitude_error", "plot_landscape_pair"]


# ------------------------------------------------------------------ y = w x
def plot_single_neuron(x, y, w, ax=None, xlabel="x", ylabel="y", mse_unit=""):
    """Data points, the neuron's line ``y = w x``, the errors, and the MSE (in ``mse_unit``) in the title."""
    x, y = check_vector(x, "x"), check_vector(y, "y")
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4))
    pred = w * x
    ax.vlines(x, y, pred, color=OKABE_ITO[3], lw=1, alpha=0.7, label="errors")
    ax.scatter(x, y, color=OKABE_ITO[0], zorder=3, label="data")
    grid = np.linspace(min(0.0, x.min()), x.max(), 50)
    ax.plot(grid, w * grid, color=OKABE_ITO[1], lw=2.5, label=f"y = {w:.2f} x")
    ax.set_title(f"w = {w:.2f}:  MSE = {np.mean((pred - y) ** 2):.3g}" + (f" {mse_unit}" if mse_unit else ""))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper left")
    return ax


def single_neuron_widget(x, y, w_range=(-2.0, 4.0), **labels):
    """A slider for ``w`` over :func:`plot_single_neuron`."""
    return interactive_figure(lambda w: plot_single_neuron(x, y, w, **labels),
                              w=widgets.FloatSlider(value=1.0, min=w_range[0], max=w_range[1],
                                                    step=0.05, description="w"))


# ------------------------------------------------------------------ activations
def plot_activation(name, w=1.0, b=0.0, ax=None):
    """``f(w z + b)`` and its derivative with respect to ``z`` for one activation."""
    act = get_activation(name)
    z = np.linspace(-5, 5, 401)
    a = w * z + b
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4))
    ax.plot(z, act(a), color=OKABE_ITO[0], lw=2.5, label=f"f({w:g} z + {b:g})")
    ax.plot(z, w * act.derivative(a), color=OKABE_ITO[1], lw=2, ls="--", label="derivative")
    ax.axhline(0, color="grey", lw=0.8)
    ax.set_title(act.name)
    ax.set_xlabel("input z")
    ax.set_ylabel("output")
    ax.set_ylim(-3, 5)
    ax.legend(loc="upper left")
    return ax


def activation_widget():
    """Choose an activation and move the weight and bias in front of it."""
    return interactive_figure(
        plot_activation,
        name=widgets.Dropdown(options=["relu", "leaky_relu", "sigmoid", "tanh", "softplus", "identity"],
                              value="relu", description="f"),
        w=widgets.FloatSlider(value=1.0, min=-3, max=3, step=0.1, description="weight w"),
        b=widgets.FloatSlider(value=0.0, min=-3, max=3, step=0.1, description="bias b"))


# ------------------------------------------------------------------ the quiz
QUIZ_OPTIONS = {"a": "Multiple layers = better", "b": "Multiple layers = worse",
                "c": "Makes no difference"}


def layer_quiz(feedback, options=QUIZ_OPTIONS):
    """The quiz as radio buttons; ``feedback(choice)`` gives the verdict shown under them.

    The verdict comes from outside (the notebook passes
    ``mlcourse.exercises.day1.quiz_feedback``): the checks live with the exercises,
    the widget only shows what it is given (anything with ``_repr_html_`` or text).
    """
    buttons = widgets.RadioButtons(options=[(f"{k}) {v}", k) for k, v in options.items()],
                                   value=None, description="")
    out = widgets.HTML()

    def react(change):
        verdict = feedback(change["new"])
        out.value = verdict._repr_html_() if hasattr(verdict, "_repr_html_") else html.escape(str(verdict))
    buttons.observe(react, names="value")
    return widgets.VBox([buttons, out])


# ------------------------------------------------------------------ learning rate
def learning_rate_curves(X, y, learning_rates, epochs=50, rng=0) -> dict:
    """Train the same small linear network with each learning rate; losses per epoch.

    Diverged runs end early; their curve stops where the loss became NaN.
    """
    curves = {}
    for lr in learning_rates:
        net = Sequential(Dense(X.shape[1], 1, rng=np.random.default_rng(rng)))
        history = fit(net, X, y, "mse", SGD(net, lr), epochs=epochs, batch_size=len(X),
                      rng=rng, verbose=False)
        curves[lr] = history.get("loss", []) + ([np.nan] if history.diverged else [])
    return curves


def plot_learning_rates(curves: dict, ax=None, ylim=(1e-3, 1e2)):
    """Loss per epoch for each learning rate, log scale, clipped to ``ylim``; divergence marked.

    A run whose loss leaves the top of the plot or becomes NaN gets a cross
    where it leaves and the word "diverged" in its label.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4), constrained_layout=True)
    top = ylim[1]
    for colour, (lr, history) in zip(OKABE_ITO, curves.items()):
        history = np.asarray(history, dtype=float)
        finite = np.isfinite(history)
        shown = finite & (history <= top)
        last = np.flatnonzero(~shown)
        stop = last[0] if last.size else len(history)
        diverged = stop < len(history)
        epochs = np.arange(1, len(history) + 1)
        ax.plot(epochs[:stop], history[:stop], lw=2.5, color=colour,
                label=f"learning rate {lr:g}" + (" (diverged)" if diverged else ""))
        if diverged:
            ax.plot(stop + 0.5, top, marker="X", ms=12, color=colour, clip_on=False, zorder=4)
    ax.set_yscale("log")
    ax.set_ylim(*ylim)
    ax.set_xlabel("epoch")
    ax.set_ylabel("training loss (MSE)")
    ax.legend(loc="upper right")
    return ax


def learning_rate_widget(X, y, epochs=50):
    """A slider over log10(learning rate), retraining and redrawing on every move."""
    def draw(log10_lr):
        plot_learning_rates(learning_rate_curves(X, y, [10.0 ** log10_lr], epochs))
    return interactive_figure(draw, log10_lr=widgets.FloatSlider(
        value=-2.0, min=-4.0, max=0.5, step=0.25, description="log10(lr)"))


# ------------------------------------------------------------------ ROC and threshold
def plot_roc_threshold(y_true, scores, threshold, axes=None, class_names=("negative", "positive")):
    """ROC curve with the point of one threshold, and that threshold's confusion matrix.

    ``class_names`` names the classes 0 and 1 in the confusion matrix.
    """
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(11, 4.4), constrained_layout=True)
    y_true, scores = check_vector(y_true, "y_true"), check_vector(scores, "scores")
    fpr, tpr, _ = metrics.roc_curve(y_true, scores)
    y_pred = (scores >= threshold).astype(float)
    cm = metrics.confusion_matrix(y_true, y_pred, labels=[0, 1])
    point = (cm[0, 1] / cm[0].sum(), cm[1, 1] / cm[1].sum())
    roc_plot(fpr, tpr, metrics.roc_auc_score(y_true, scores), ax=axes[0], highlight=point)
    confusion_matrix_plot(cm, list(class_names), ax=axes[1])
    axes[1].set_title(f"threshold {threshold:.2f}: precision "
                      f"{metrics.precision_score(y_true, y_pred):.2f}, recall {metrics.recall_score(y_true, y_pred):.2f}")
    return axes


def roc_threshold_widget(y_true, scores, class_names=("negative", "positive")):
    """A threshold slider over :func:`plot_roc_threshold`."""
    return interactive_figure(lambda threshold: plot_roc_threshold(y_true, scores, threshold,
                                                                   class_names=class_names),
                              threshold=widgets.FloatSlider(value=0.5, min=0.0, max=1.0, step=0.02,
                                                            description="threshold"))


# ------------------------------------------------------------------ gradient descent by hand
def plot_descent_path(x, y, ws, ax=None, w_best=None):
    """The loss ``L(w) = mean (w x - y)^2`` as a curve, and the steps of gradient descent on it."""
    x, y = check_vector(x, "x"), check_vector(y, "y")
    ws = check_vector(ws, "ws")
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    centre = ws[-1] if w_best is None else w_best
    span = max(float(np.abs(ws - centre).max()), 0.2)
    grid = np.linspace(centre - 1.15 * span, centre + 1.15 * span, 200)

    def loss(w):
        return np.mean((np.outer(np.atleast_1d(w), x) - y) ** 2, axis=1)
    ax.plot(grid, loss(grid), color=OKABE_ITO[0], lw=2.5, label="loss L(w)")
    ax.plot(ws, loss(ws), "o-", color=OKABE_ITO[1], ms=6, lw=1.2,
            label=f"{len(ws) - 1} steps of gradient descent")
    ax.plot(ws[0], loss(ws[:1])[0], "s", color=OKABE_ITO[3], ms=10, label=f"start, w = {ws[0]:.2f}")
    if w_best is not None:
        ax.axvline(w_best, color="grey", ls="--", lw=1.2, label=f"closed form, w_best = {w_best:.3f}")
    ax.set_xlabel("weight w (m per dbar)")
    ax.set_ylabel("loss L(w) (MSE, km²)")
    ax.legend(loc="upper center", framealpha=0.9)
    return ax


def plot_descent_path_2d(x, y, ws, bs, ax=None, steps=(10, 100), scale_b=1000.0, b_unit="m"):
    """Contours of ``L(w, b) = mean (w x + b - y)^2`` and the path of gradient descent on them.

    ``bs`` is drawn multiplied by ``scale_b`` (km to m by default); the steps
    listed in ``steps`` are labelled on the path.
    """
    x, y = check_vector(x, "x"), check_vector(y, "y")
    ws, bs = check_vector(ws, "ws"), check_vector(bs, "bs")
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4.5), constrained_layout=True)
    w_grid = np.linspace(min(ws.min(), ws[-1] - 0.1) - 0.05, max(ws.max(), ws[-1] + 0.1) + 0.05, 120)
    b_grid = np.linspace(min(bs.min(), bs[-1] - 0.05) - 0.02, max(bs.max(), bs[-1] + 0.05) + 0.02, 120)
    W, B = np.meshgrid(w_grid, b_grid)
    loss = np.mean((W[..., None] * x + B[..., None] - y) ** 2, axis=-1)
    levels = np.quantile(loss, np.linspace(0.0, 1.0, 14) ** 2)[1:]
    contours = ax.contour(W, B * scale_b, loss, levels=levels, cmap=SEQUENTIAL, linewidths=1.2)
    plt.colorbar(contours, ax=ax, label="loss L(w, b) (MSE, km²)", format="%.3g")
    ax.plot(ws, bs * scale_b, "-", color=OKABE_ITO[1], lw=1.5, label="gradient descent")
    ax.plot(ws[0], bs[0] * scale_b, "s", color=OKABE_ITO[3], ms=9, label="start")
    ax.plot(ws[-1], bs[-1] * scale_b, "*", color="black", ms=13, label=f"step {len(ws) - 1}")
    for step in steps:
        if step < len(ws):
            ax.plot(ws[step], bs[step] * scale_b, "o", color=OKABE_ITO[1], ms=7)
            ax.annotate(f"step {step}", (ws[step], bs[step] * scale_b), textcoords="offset points",
                        xytext=(8, 6), fontsize=11)
    ax.set_xlabel("weight w (m per dbar)")
    ax.set_ylabel(f"bias b ({b_unit})")
    ax.legend(loc="upper right", framealpha=0.9)
    return ax


# ------------------------------------------------------------------ the submarine's inputs
def longitude_error(predicted, true):
    """Absolute longitude error in degrees, the short way round: 179°E and 179°W are 2° apart.

    >>> longitude_error([179.0, 10.0], [-179.0, -20.0]).tolist()
    [2.0, 30.0]
    """
    difference = np.asarray(predicted, dtype=float) - np.asarray(true, dtype=float)
    return np.abs((difference + 180.0) % 360.0 - 180.0)


# ------------------------------------------------------------------ the loss landscape, two cases
def plot_landscape_pair(alphas, grids: dict, axes=None):
    """Contour maps of loss landscapes side by side, on one colour scale with one colour bar.

    ``grids`` maps a title to a loss grid of shape ``(len(alphas), len(alphas))``
    (from :func:`mlcourse.landscape.loss_slice_2d`).
    """
    if axes is None:
        _, axes = plt.subplots(1, len(grids), figsize=(5.6 * len(grids) + 1, 4.6), constrained_layout=True)
    logs = {name: np.log10(grid) for name, grid in grids.items()}
    levels = np.linspace(min(v.min() for v in logs.values()), max(v.max() for v in logs.values()), 22)
    for ax, (name, grid) in zip(axes, logs.items()):
        filled = ax.contourf(alphas, alphas, grid, levels=levels, cmap=SEQUENTIAL)
        ax.contour(alphas, alphas, grid, levels=levels[::3], colors="white", linewidths=0.6,
                   linestyles="solid")
        ax.plot(0, 0, marker="*", color=OKABE_ITO[1], ms=16, ls="none", label="trained network")
        ax.set_title(name)
        ax.set_xlabel(r"$\alpha$ (direction 1)")
        ax.set_aspect("equal")
        ax.grid(False)
    axes[0].set_ylabel(r"$\beta$ (direction 2)")
    axes[0].legend(loc="lower left", framealpha=0.9)
    bar = plt.colorbar(filled, ax=list(axes), label="training loss (MSE, log scale)")
    ticks = bar.get_ticks()
    bar.set_ticks(ticks, labels=[f"{10 ** t:.2g}" for t in ticks])
    return axes
