"""The figure comparison that rides on nbval's run: tolerant of CPU noise, strict on real changes."""

import base64
import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

from tests.nbval_figures import RMS_TOLERANCE, decode_png, figure_problems


def figure(title="RMSE 0.251", shift=0.0, size=(6, 4)):
    fig, ax = plt.subplots(figsize=size)
    x = np.linspace(0, 10, 200)
    ax.plot(x, np.sin(x) + shift)
    ax.set(title=title, xlabel="distance (km)", ylabel="log10 PGA")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode()


def output(png):
    return {"output_type": "display_data", "data": {"image/png": png, "text/plain": "<Figure>"}, "metadata": {}}


def noisy(png, rng, n_pixels=50, amplitude=3):
    """The figure with a few pixels changed by a few levels and one level of noise everywhere."""
    image = decode_png(png)
    image += rng.integers(-1, 2, image.shape)
    rows, cols = rng.integers(0, image.shape[0], n_pixels), rng.integers(0, image.shape[1], n_pixels)
    image[rows, cols] += amplitude
    buffer = io.BytesIO()
    Image.fromarray(np.clip(image, 0, 255).astype("uint8")).save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode()


def test_the_same_figure_with_cpu_noise_passes():
    rng = np.random.default_rng(0)
    stored = figure()
    assert figure_problems([output(noisy(stored, rng))], [output(stored)]) == []
    assert figure_problems([output(figure())], [output(stored)]) == []


@pytest.mark.parametrize("change", [dict(title="RMSE 0.252"), dict(shift=0.01), dict(shift=0.05)],
                         ids=["one digit of the title", "curve moved by about a pixel", "curve moved"])
def test_a_real_change_fails(change):
    problems = figure_problems([output(figure(**change))], [output(figure())])
    assert len(problems) == 1 and "RMS" in problems[0] and f"tolerance {RMS_TOLERANCE}" in problems[0]


def test_a_different_size_or_number_of_figures_fails():
    assert "figure size" in figure_problems([output(figure(size=(7, 4)))], [output(figure())])[0]
    assert figure_problems([], [output(figure())]) == ["1 figure(s) stored, 0 now"]


def test_nbval_uses_the_figure_comparison(pytestconfig):
    from nbval.plugin import IPyNbCell
    assert pytestconfig.pluginmanager.has_plugin("tests.nbval_figures")
    assert getattr(IPyNbCell, "_compares_figures", False)
