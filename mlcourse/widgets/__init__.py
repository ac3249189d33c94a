"""Interactive demos for the live sessions, one module per day (``day1``, ...).

Widgets are thin ipywidgets wrappers: the figures and verdicts they show come
from plain functions in the same module, which the tests call directly.

A figure under sliders is redrawn into an image widget rather than printed
into an Output area: the notebook then stores the same output in every run
(the tests compare stored and fresh outputs), and the picture travels with
the saved widget state.
"""

from __future__ import annotations

import io

import ipywidgets as widgets
import matplotlib.pyplot as plt

__all__ = ["interactive_figure", "render_png"]


def render_png(draw, **values) -> bytes:
    """Call ``draw(**values)`` (which draws a new figure) and return that figure as PNG bytes.

    >>> png = render_png(lambda w: plt.plot([0, 1], [0, w]), w=2.0)
    >>> png[:4] == b"\\x89PNG"
    True
    """
    draw(**values)
    fig = plt.gcf()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def interactive_figure(draw, **controls) -> widgets.VBox:
    """Controls (sliders, dropdowns) above a figure that ``draw`` redraws on every change.

    Parameters
    ----------
    draw : callable
        Draws a new figure from keyword arguments named like the controls.
    **controls : ipywidgets.ValueWidget
        One control per argument of ``draw``.

    Returns
    -------
    ipywidgets.VBox
        The controls followed by an ``ipywidgets.Image`` (the last child).
    """
    image = widgets.Image(format="png")

    def update(_=None):
        image.value = render_png(draw, **{name: c.value for name, c in controls.items()})

    for control in controls.values():
        control.observe(update, names="value")
    update()
    return widgets.VBox([*controls.values(), image])
