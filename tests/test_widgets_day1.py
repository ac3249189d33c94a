"""Day 1 demos and lecture figures: the functions behind the widgets, called directly."""

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pytest

from mlcourse import lecture_figures as lf
from mlcourse.datasets import make_ocean_profiles
from mlcourse.exercises import day1 as check
from mlcourse.widgets import day1 as demos


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_single_neuron_plot_reports_the_mse():
    x, y = np.array([1.0, 2.0]), np.array([2.0, 4.0])
    ax = demos.plot_single_neuron(x, y, 2.0)
    assert ax.get_title() == "w = 2.00:  MSE = 0"
    assert "MSE = 2.5" in demos.plot_single_neuron(x, y, 1.0).get_title()  # (1 + 4) / 2
    slider, image = demos.single_neuron_widget(x, y).children
    assert isinstance(slider, widgets.FloatSlider) and slider.description == "w"
    before = image.value
    slider.value = 1.5  # moving the slider redraws the picture
    assert image.value[:4] == b"\x89PNG" and image.value != before


def test_activation_plot_applies_weight_and_bias():
    ax = demos.plot_activation("relu", w=2.0, b=-1.0)
    z, f = ax.lines[0].get_data()
    np.testing.assert_allclose(f, np.maximum(2 * z - 1, 0))
    assert len(demos.activation_widget().children) == 4  # dropdown, two sliders, image


def test_quiz_widget_reacts_to_a_choice():
    quiz = demos.layer_quiz(check.quiz_feedback)
    buttons, out = quiz.children
    buttons.value = "c"
    assert "Correct!" in out.value


def test_learning_rate_curves_show_the_three_regimes():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(100, 2))
    y = X @ [1.0, -1.0]
    curves = demos.learning_rate_curves(X, y, [0.001, 0.3, 1.5], epochs=30)
    small, right, large = (np.asarray(curves[k]) for k in (0.001, 0.3, 1.5))
    assert small[-1] > 0.5 * small[0]          # crawls
    assert right[-1] < 1e-3 * right[0]         # converges
    assert large[-1] > large[0] or not np.isfinite(large).all()  # diverges
    ax = demos.plot_learning_rates(curves)
    assert ax.get_yscale() == "log" and len(ax.lines) == 3


def test_roc_threshold_plot_marks_the_operating_point():
    y = np.array([0, 0, 1, 1])
    s = np.array([0.1, 0.6, 0.4, 0.9])
    axes = demos.plot_roc_threshold(y, s, threshold=0.5)
    assert "precision 0.50, recall 0.50" in axes[1].get_title()
    marker = axes[0].lines[-1].get_data()
    assert (marker[0][0], marker[1][0]) == (0.5, 0.5)


def test_lecture_figures():
    assert len(lf.TIMELINE) == 14 and lf.TIMELINE[0] == (1957, "Perceptrons")
    ax = lf.ml_timeline()
    assert ax.get_xlabel() == "year" and len(ax.texts) == 14
    ax = lf.ai_ml_dl_diagram()
    assert {"Artificial Intelligence (AI)", "Machine Learning (ML)", "Deep Learning (DL)"} <= \
        {t.get_text() for t in ax.texts}
    axes = lf.ocean_profiles(make_ocean_profiles(50, rng=0))
    assert axes[0].get_ylabel() == "depth (m)" and axes[1].get_xlabel() == "pressure (dbar)"
    ax = lf.boxes_iou([0, 0, 2, 2], [1, 1, 3, 3])
    assert len(ax.patches) == 3  # two boxes and their intersection
