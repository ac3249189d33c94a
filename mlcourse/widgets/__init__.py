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

__all__ = ["interactive_figure", "render_png", "png_size", "PIXEL_DENSITY"]


# Widget figures are drawn at twice the pixel density and shown at their natural size, so that
# text stays sharp on a projector and on high-density laptop screens instead of being stretched.
PIXEL_DENSITY = 2


def render_png(draw, density: int = PIXEL_DENSITY, **values) -> bytes:
    """Call ``draw(**values)`` (which draws a new figure) and return that figure as PNG bytes.

    The figure is rendered at ``density`` times its dpi; show it at
    :func:`png_size` divided by ``density`` (as :func:`interactive_figure` does).

    >>> png = render_png(lambda w: plt.plot([0, 1], [0, w]), w=2.0)
    >>> png[:4] == b"\\x89PNG"
    True
    """
    draw(**values)
    fig = plt.gcf()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=fig.dpi * density, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels of PNG bytes, read from the header.

    >>> small = png_size(render_png(lambda: plt.figure(figsize=(2, 1), dpi=50), density=1))
    >>> sharp = png_size(render_png(lambda: plt.figure(figsize=(2, 1), dpi=50), density=2))
    >>> sharp == (2 * small[0], 2 * small[1])
    True
    """
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


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
        The controls followed by an ``ipywidgets.Image`` (the last child), shown at
        the figure's natural size and rendered at twice its pixel density.
    """
    image = widgets.Image(format="png")

    def update(_=None):
        png = render_png(draw, **{name: c.value for name, c in controls.items()})
        width, height = png_size(png)
        image.value = png
        # natural size in CSS pixels; max-width lets it shrink in a narrow window, never grow
        image.width, image.height = str(width // PIXEL_DENSITY), str(height // PIXEL_DENSITY)
        image.layout.max_width = "100%"
        image.layout.height = "auto"

    for control in controls.values():
        control.observe(update, names="value")
    update()
    return widgets.VBox([*controls.values(), image])
