"""nbval, plus figures compared the way image tests compare them.

nbval compares a notebook's stored text outputs with a fresh run and skips the
PNG figures. This plugin (loaded with ``-p tests.nbval_figures``, as the
Makefile does) adds the figures to the same comparison, in the same run: each
stored PNG is decoded and compared with the fresh one pixel by pixel, and the
cell fails when the root-mean-square difference exceeds ``RMS_TOLERANCE``.

Why a tolerance, not byte equality: another CPU's numeric kernels move a curve
by a fraction of a pixel, which changes the anti-aliasing of a few pixels (an
RMS of about 0.01 on the 0-255 scale, measured), and another matplotlib version
writes different bytes for the same picture. A real change is far larger
(measured on a 6 x 4 inch figure at 100 dpi): one changed digit in a title gives
2.5, a curve moved by about a pixel 13.
"""

from __future__ import annotations

import base64
import io

import numpy as np
from PIL import Image

# RMS difference (0-255 scale) above which two figures differ: far above the CPU-to-CPU
# noise (0.01), well below the smallest real change (one digit of a title: 2.5).
RMS_TOLERANCE = 1.0
# Sizes may differ by a pixel when a tight bounding box rounds the other way.
SIZE_SLACK_PX = 2


def decode_png(data) -> np.ndarray:
    """A base64 PNG (as stored in a notebook) as an RGB array of floats."""
    raw = base64.b64decode("".join(data) if isinstance(data, list) else data)
    return np.asarray(Image.open(io.BytesIO(raw)).convert("RGB"), dtype=float)


def figure_difference(stored, fresh) -> str:
    """'' when two stored-notebook PNGs show the same figure, else why they differ.

    >>> import base64, io
    >>> buffer = io.BytesIO(); Image.new("RGB", (20, 10), "white").save(buffer, "PNG")
    >>> png = base64.b64encode(buffer.getvalue()).decode()
    >>> figure_difference(png, png)
    ''
    """
    a, b = decode_png(stored), decode_png(fresh)
    if max(abs(a.shape[0] - b.shape[0]), abs(a.shape[1] - b.shape[1])) > SIZE_SLACK_PX:
        return f"figure size {a.shape[1]}x{a.shape[0]} px stored, {b.shape[1]}x{b.shape[0]} px now"
    rows, cols = min(a.shape[0], b.shape[0]), min(a.shape[1], b.shape[1])
    rms = float(np.sqrt(((a[:rows, :cols] - b[:rows, :cols]) ** 2).mean()))
    if rms > RMS_TOLERANCE:
        return f"figure differs: RMS {rms:.2f} on the 0-255 scale (tolerance {RMS_TOLERANCE})"
    return ""


def _pngs(outputs) -> list:
    return [o["data"]["image/png"] for o in outputs if "image/png" in o.get("data", {})]


def figure_problems(fresh_outputs, stored_outputs) -> list:
    """What differs between the figures of a cell's stored and fresh outputs."""
    stored, fresh = _pngs(stored_outputs), _pngs(fresh_outputs)
    if len(stored) != len(fresh):
        return [f"{len(stored)} figure(s) stored, {len(fresh)} now"]
    return [f"figure {i + 1}: {why}" for i, (s, f) in enumerate(zip(stored, fresh))
            if (why := figure_difference(s, f))]


def pytest_configure(config):
    from nbval.plugin import IPyNbCell

    if getattr(IPyNbCell, "_compares_figures", False):
        return
    text_comparison = IPyNbCell.compare_outputs

    def compare_outputs(self, test, ref, skip_compare=None):
        same_text = text_comparison(self, test, ref, skip_compare)
        problems = figure_problems(test, ref)
        self.comparison_traceback.extend(problems)
        return same_text and not problems

    IPyNbCell.compare_outputs = compare_outputs
    IPyNbCell._compares_figures = True
