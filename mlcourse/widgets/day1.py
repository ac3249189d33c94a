"""Live demos for Day 1: each widget is a thin ipywidgets wrapper around a plotting function.

The ``plot_*`` functions do the work and are unit-tested;
the ``*_widget`` functions only connect sliders to them. In the notebook every
widget is followed by a static figure from the same function, for readers
without a running kernel.
"""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from .. import metrics
from ..activations import get_activation
from .._validation import check_vector
from ..layers import Dense
from ..network import Sequential
from ..optimizers import SGD
from ..plotting import OKABE_ITO, confusion_matrix_plot, roc_plot
from ..training import fit
from . import interactive_figure

__all__ = ["plot_single_neuron", "single_neuron_widget", "plot_activation", "activation_widget",
           "layer_quiz", "learning_rate_curves", "plot_learning_rates",
           "learning_rate_widget", "plot_roc_threshold", "roc_threshold_widget"]


# ------------------------------------------------------------------ y = w x
def plot_single_neuron(x, y, w, ax=None, xlabel="x", ylabel="y"):
    """Data points, the neuron's line ``y = w x``, the errors, and the MSE in the title."""
    x, y = check_vector(x, "x"), check_vector(y, "y")
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4))
    pred = w * x
    ax.vlines(x, y, pred, color=OKABE_ITO[3], lw=1, alpha=0.7, label="errors")
    ax.scatter(x, y, color=OKABE_ITO[0], zorder=3, label="data")
    grid = np.linspace(min(0.0, x.min()), x.max(), 50)
    ax.plot(grid, w * grid, color=OKABE_ITO[1], lw=2.5, label=f"y = {w:.2f} x")
    ax.set_title(f"w = {w:.2f}:  MSE = {np.mean((pred - y) ** 2):.3g}")
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


def layer_quiz(feedback):
    """The quiz as radio buttons, with the verdict of ``feedback(choice)`` under them.

    ``feedback`` is the check, e.g. ``mlcourse.exercises.day1.quiz_feedback``:
    the widget only draws, the exercises judge.
    """
    buttons = widgets.RadioButtons(options=[(f"{k}) {v}", k) for k, v in QUIZ_OPTIONS.items()],
                                   value=None, description="")
    out = widgets.HTML()

    def react(change):
        out.value = feedback(change["new"])._repr_html_()
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


def plot_learning_rates(curves: dict, ax=None):
    """Loss per epoch for each learning rate, log scale."""
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    for colour, (lr, losses) in zip(OKABE_ITO, curves.items()):
        finite = np.isfinite(losses)
        label = f"learning rate {lr:g}" + ("" if finite.all() else " (diverged)")
        ax.plot(np.arange(1, finite.sum() + 1), np.asarray(losses)[finite], lw=2.5, color=colour,
                label=label)
    ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel("training loss (MSE)")
    ax.legend()
    return ax


def learning_rate_widget(X, y, epochs=50):
    """A slider over log10(learning rate), retraining and redrawing on every move."""
    def draw(log10_lr):
        plot_learning_rates(learning_rate_curves(X, y, [10.0 ** log10_lr], epochs))
    return interactive_figure(draw, log10_lr=widgets.FloatSlider(
        value=-2.0, min=-4.0, max=0.5, step=0.25, description="log10(lr)"))


# ------------------------------------------------------------------ ROC and threshold
def plot_roc_threshold(y_true, scores, threshold, axes=None):
    """ROC curve with the point of one threshold, and that threshold's confusion matrix."""
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(10, 4.2))
    y_true, scores = check_vector(y_true, "y_true"), check_vector(scores, "scores")
    fpr, tpr, _ = metrics.roc_curve(y_true, scores)
    y_pred = (scores >= threshold).astype(float)
    cm = metrics.confusion_matrix(y_true, y_pred, labels=[0, 1])
    point = (cm[0, 1] / cm[0].sum(), cm[1, 1] / cm[1].sum())
    roc_plot(fpr, tpr, metrics.roc_auc(y_true, scores), ax=axes[0], highlight=point)
    confusion_matrix_plot(cm, ["negative", "positive"], ax=axes[1])
    axes[1].set_title(f"threshold {threshold:.2f}: precision "
                      f"{metrics.precision(y_true, y_pred):.2f}, recall {metrics.recall(y_true, y_pred):.2f}")
    return axes


def roc_threshold_widget(y_true, scores):
    """A threshold slider over :func:`plot_roc_threshold`."""
    return interactive_figure(lambda threshold: plot_roc_threshold(y_true, scores, threshold),
                              threshold=widgets.FloatSlider(value=0.5, min=0.0, max=1.0, step=0.02,
                                                            description="threshold"))
