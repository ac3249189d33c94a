"""Figures of the lecture parts: AI/ML/DL rings, the history of ML, ocean profiles, boxes for IoU.

Like :mod:`mlcourse.plotting`, every function draws on an Axes and returns it.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Ellipse, Rectangle

from ._validation import check_array
from .datasets import LIGHT_NOISE_FLOOR, OCEAN_INPUTS, OCEAN_UNITS
from .plotting import OKABE_ITO

__all__ = ["TIMELINE", "SLIDE_CORRECTIONS", "ai_ml_dl_diagram", "ml_timeline", "ocean_profiles", "boxes_iou"]

# The slides' "Machine Learning Is Not New!" timeline, with dates corrected (see SLIDE_CORRECTIONS).
TIMELINE = [
    (1957, "Perceptron (Rosenblatt)"),
    (1970, "Reverse-mode differentiation, the core of backpropagation (Linnainmaa)"),
    (1980, "Neocognitron, the first convolutional network (Fukushima)"),
    (1982, "Recurrent neural network (Hopfield)"),
    (1986, "Backpropagation popularised (Rumelhart, Hinton & Williams)"),
    (1989, "Q-learning (Watkins); a CNN trained by backpropagation (LeCun et al.)"),
    (1995, "Random decision forests (Ho), SVM (Cortes & Vapnik)"),
    (1997, "IBM Deep Blue beats Kasparov; LSTM"),
    (1998, "LeNet-5 reads handwritten digits"),
    (2001, "Random forests (Breiman)"),
    (2009, "ImageNet data set"),
    (2010, "Xavier initialisation; DeepMind founded"),
    (2012, "AlexNet wins ImageNet (the 'golden age')"),
    (2014, "GAN; Google acquires DeepMind"),
    (2015, "TensorFlow"),
    (2016, "AlphaGo"),
    (2018, "Neural ODE"),
]

# Where the timeline above departs from the slide, and why: (slide says, corrected to).
SLIDE_CORRECTIONS = [
    ("1970: Backpropagation", "1970: Linnainmaa's reverse-mode differentiation (the algorithm); "
                              "1986: Rumelhart, Hinton & Williams make it the way to train networks"),
    ("2014: DeepMind, GAN", "2010: DeepMind founded; 2014: Google acquires it, and GANs appear"),
    ("2019: Neural ODE", "2018: Neural ODE (Chen et al., NeurIPS 2018)"),
    ("1989: Reinforcement learning", "1989: Q-learning (Watkins), one reinforcement-learning method; "
                                     "also the first CNN trained by backpropagation (LeCun et al. 1989)"),
    ("1995: Random forests", "1995: random decision forests (Ho); 2001: random forests (Breiman)"),
    ("1998: CNN", "1980: the first CNN, Fukushima's neocognitron; 1989: trained by backpropagation "
                  "(LeCun et al.); 1998: LeNet-5 reads handwritten digits"),
    ("2009: golden age", "2009: the ImageNet data set; the 'golden age' from AlexNet (2012)"),
]


def ai_ml_dl_diagram(ax=None):
    """Nested rings: deep learning inside machine learning inside artificial intelligence."""
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 5.5))
    rings = [
        ((0.0, 0.0), 10.0, 7.0, OKABE_ITO[5], "Artificial Intelligence (AI)",
         "chess computers · computer games\nrobotics · decision policies", 2.9),
        ((0.0, -0.9), 6.8, 4.6, OKABE_ITO[1], "Machine Learning (ML)",
         "random forests · support vector machines", 0.85),
        ((0.0, -1.8), 3.8, 2.2, OKABE_ITO[2], "Deep Learning (DL)",
         "neural networks with many\n(up to hundreds of) layers", -1.5),
    ]
    for centre, width, height, colour, title, examples, y_text in rings:
        ax.add_patch(Ellipse(centre, width, height, facecolor=colour, alpha=0.35,
                             edgecolor="black", lw=1.5))
        ax.text(0, y_text, title, ha="center", va="bottom", fontsize=13, weight="bold")
        ax.text(0, y_text - 0.15, examples, ha="center", va="top", fontsize=11)
    ax.set_xlim(-5.3, 5.3)
    ax.set_ylim(-3.7, 3.7)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


def ml_timeline(ax=None, events=TIMELINE):
    """The milestones of machine learning: one row per event, placed at its year."""
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 5.6))
    for start, end, name, colour in [(1969, 1985, "'dark age'", OKABE_ITO[7]),
                                     (1994.5, 2000, "'silver age'", OKABE_ITO[5]),
                                     (2012, 2021, "'golden age'", OKABE_ITO[1])]:
        ax.axvspan(start, end, color=colour, alpha=0.15, label=name)
    for row, (year, label) in enumerate(events):
        ax.plot(year, row, "o", color=OKABE_ITO[0], ms=8)
        text = label.replace("\n", " ")
        right = year < 2005
        ax.text(year + (0.8 if right else -0.8), row, f"{year}: {text}", va="center",
                ha="left" if right else "right", fontsize=11)
    ax.set_ylim(len(events) - 0.5, -0.5)
    ax.set_xlim(1950, 2024)
    ax.set_yticks([])
    ax.set_xlabel("year")
    ax.spines["left"].set_visible(False)
    ax.legend(loc="lower left", fontsize=10)
    return ax


def ocean_profiles(df, axes=None):
    """Each ocean input against depth (depth downward), coloured by |latitude|."""
    if axes is None:
        _, axes = plt.subplots(1, len(OCEAN_INPUTS), figsize=(12, 4.3), sharey=True,
                               constrained_layout=True)
    for ax, column in zip(axes, OCEAN_INPUTS):
        points = ax.scatter(df[column], df["depth_m"], c=np.abs(df["latitude_deg"]), s=4,
                            cmap="cividis_r", vmin=0, vmax=70)
        unit = OCEAN_UNITS[column]
        ax.set_xlabel(column.split("_")[0] + (f" ({unit})" if unit else ""))
        if column == "light_W_m2":   # fades a thousandfold within 250 m: a log axis shows how deep it reaches
            ax.set_xscale("symlog", linthresh=LIGHT_NOISE_FLOOR)
            ax.set_xticks([0, LIGHT_NOISE_FLOOR, 1, 100], ["0", "0.01", "1", "100"])
            ax.set_xlabel(f"light ({unit}, log scale)")
    axes[0].set_ylabel("depth (m)")
    axes[0].invert_yaxis()
    plt.colorbar(points, ax=list(axes), label="|latitude| (°)", pad=0.01, fraction=0.03)
    return axes


def boxes_iou(box_a, box_b, ax=None, labels=("prediction", "ground truth")):
    """Two boxes ``(x_min, y_min, x_max, y_max)`` with their overlap shaded."""
    boxes = check_array([box_a, box_b], "boxes", n_features=4, context="boxes_iou")
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4.5))
    for box, colour, label in zip(boxes, OKABE_ITO[:2], labels):
        x0, y0, x1, y1 = box
        ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, edgecolor=colour, lw=3,
                               label=label))
    lo, hi = np.maximum(boxes[0, :2], boxes[1, :2]), np.minimum(boxes[0, 2:], boxes[1, 2:])
    if np.all(hi > lo):
        ax.add_patch(Rectangle(lo, *(hi - lo), color=OKABE_ITO[2], alpha=0.5, label="intersection"))
    ax.set_xlim(boxes[:, 0].min() - 1, boxes[:, 2].max() + 1)
    ax.set_ylim(boxes[:, 1].min() - 1, boxes[:, 3].max() + 1)
    ax.set_aspect("equal")
    ax.set_xlabel("x (pixels)")
    ax.set_ylabel("y (pixels)")
    ax.legend(loc="upper left", fontsize=10)
    return ax
