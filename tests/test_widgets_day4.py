"""Day 4 figures: each draws what its caption promises, on tiny inputs."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from mlcourse import trees
from mlcourse.widgets import day4 as demos


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_regions_are_light_and_the_samples_labelled():
    X = np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0], [1.0, 0.0]])
    y = np.array([0, 1, 0, 1])
    _, ax = plt.subplots()
    demos.plot_regions(lambda G: (G[:, 0] > 0.5).astype(float), X, y, ax, ["a", "b"], resolution=20)
    assert [t.get_label() for t in ax.collections[1:]] == ["a", "b"]
    assert ax.get_legend() is None  # the caller puts one legend beside all panels


def test_bagging_plot_shows_every_tree_and_their_average():
    grid = np.linspace(0, 2, 5)
    preds = np.array([np.zeros(5), np.ones(5), 2 * np.ones(5)])
    ax = demos.plot_bagging([0.5, 1.0], [0.0, 1.0], grid, preds)
    lines = ax.get_lines()
    assert len(lines) == 4
    assert np.allclose(lines[-1].get_ydata(), 10.0)  # the average is taken in log10: 10 ** mean(0, 1, 2)
    assert "average of the 3 trees" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_residual_panels_one_per_model_with_event_means():
    axes = demos.plot_residuals([5.0, 5.0, 6.0], {"a": [0.1, 0.3, -0.2], "b": [0.0, 0.0, 0.0]}, [1, 1, 2])
    assert [ax.get_title() for ax in axes] == ["a", "b"]
    means = axes[0].collections[1].get_offsets()
    assert np.allclose(means, [[5.0, 0.2], [6.0, -0.2]])


def test_extrapolation_plot_and_tree_text():
    ax = demos.plot_extrapolation([1.0, 10.0], {"model": [0.5, 0.1]}, observed=([5.0], [0.2], "records"))
    assert ax.get_xscale() == "log" and "M 8" in ax.get_ylabel()
    tree = trees.grow_tree([[1.0], [2.0], [3.0], [4.0]], [0.0, 0.0, 1.0, 1.0], "squared_error")
    text = demos.tree_text(tree, ["M"], decimals=1)
    assert text.splitlines()[0] == "if M <= 2.5:" and "predict 1.0  (2 records)" in text
