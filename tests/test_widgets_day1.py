"""Day 1 demos and lecture figures: the functions behind the widgets, called directly."""

from pathlib import Path

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pytest

from mlcourse import lecture_figures as lf
from mlcourse import datasets
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


def test_quiz_widget_shows_the_verdict_it_is_given():
    quiz = demos.layer_quiz(check.quiz_feedback)
    buttons, out = quiz.children
    buttons.value = "c"
    assert "Correct!" in out.value
    buttons.value = "a"
    assert "Not quite" in out.value
    plain = demos.layer_quiz(lambda choice: f"you chose <{choice}>")
    plain.children[0].value = "b"
    assert plain.children[1].value == "you chose &lt;b&gt;"


def test_widgets_do_not_import_the_checks():
    source = Path(demos.__file__).read_text()
    assert "exercises" not in "".join(line for line in source.splitlines() if line.startswith(("from", "import")))


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
    assert ax.get_yscale() == "log" and ax.get_ylim() == (1e-3, 1e2)
    labels = [line.get_label() for line in ax.lines if not line.get_label().startswith("_")]
    assert len(labels) == 3 and labels[2].endswith("(diverged)")
    crosses = [line for line in ax.lines if line.get_marker() == "X"]
    assert len(crosses) == 1 and crosses[0].get_ydata()[0] == 1e2   # marked where it leaves the plot


def test_roc_threshold_plot_marks_the_operating_point():
    y = np.array([0, 0, 1, 1])
    s = np.array([0.1, 0.6, 0.4, 0.9])
    axes = demos.plot_roc_threshold(y, s, threshold=0.5, class_names=("not polar", "polar"))
    assert "precision 0.50, recall 0.50" in axes[1].get_title()
    assert "polar" in [t.get_text() for t in axes[1].get_xticklabels()]
    marker = axes[0].lines[-1].get_data()
    assert (marker[0][0], marker[1][0]) == (0.5, 0.5)


def test_lecture_figures():
    years = dict((label.split(" ")[0], year) for year, label in lf.TIMELINE)
    assert years["Neural"] == 2018 and (1986, "Backpropagation popularised (Rumelhart, Hinton & Williams)") in lf.TIMELINE
    assert any(year == 2010 and "DeepMind founded" in label for year, label in lf.TIMELINE)
    # the first convolutional network is Fukushima's (1980); LeCun et al. (1989) first trained one by backpropagation
    assert (1980, "Neocognitron, the first convolutional network (Fukushima)") in lf.TIMELINE
    assert any(year == 1989 and "trained by backpropagation (LeCun" in label for year, label in lf.TIMELINE)
    assert [year for year, _ in lf.TIMELINE] == sorted(year for year, _ in lf.TIMELINE)
    assert len(lf.SLIDE_CORRECTIONS) == 7
    ax = lf.ml_timeline()
    assert ax.get_xlabel() == "year" and len(ax.texts) == len(lf.TIMELINE)
    ax = lf.ai_ml_dl_diagram()
    assert {"Artificial Intelligence (AI)", "Machine Learning (ML)", "Deep Learning (DL)"} <= \
        {t.get_text() for t in ax.texts}
    axes = lf.ocean_profiles(make_ocean_profiles(50, rng=0))
    assert axes[0].get_ylabel() == "depth (m)" and axes[1].get_xlabel() == "pressure (dbar)"
    assert axes[4].get_xscale() == "symlog" and axes[0].get_xscale() == "linear"
    ax = lf.boxes_iou([0, 0, 2, 2], [1, 1, 3, 3])
    assert len(ax.patches) == 3  # two boxes and their intersection


def test_longitude_error_wraps_at_the_date_line():
    np.testing.assert_allclose(demos.longitude_error([179.0, -170.0, 10.0, 0.0], [-179.0, 170.0, -20.0, 180.0]),
                               [2.0, 20.0, 30.0, 180.0])
    rng = np.random.default_rng(1)
    a, b = rng.uniform(-180, 180, 1000), rng.uniform(-180, 180, 1000)
    err = demos.longitude_error(a, b)
    assert err.max() <= 180.0 and np.allclose(err, demos.longitude_error(b, a))


def test_ocean_inputs_at_matches_the_generator_without_noise():
    df = make_ocean_profiles(20, rng=4, noise=False)
    got = datasets.ocean_inputs_at(df.latitude_deg, df.longitude_deg, df.depth_m)
    np.testing.assert_allclose(got, df[["temperature_C", "pressure_dbar", "pH", "salinity_psu",
                                        "light_W_m2"]].to_numpy(), rtol=1e-12)
    pole = datasets.ocean_inputs_at(90.0, 0.0, 0.0)      # outside the generator's latitudes: still defined
    assert pole.shape == (1, 5) and np.isfinite(pole).all()


def test_descent_path_is_drawn_on_the_loss_curve():
    x, y = np.array([0.2, 0.5, 0.9]), np.array([0.2, 0.5, 0.9])
    ws = np.array([0.0, 0.5, 0.8, 0.95])
    ax = demos.plot_descent_path(x, y, ws, w_best=1.0)
    path = ax.lines[1]
    np.testing.assert_allclose(path.get_xdata(), ws)
    np.testing.assert_allclose(path.get_ydata(), np.mean((np.outer(ws, x) - y) ** 2, axis=1))
    assert ax.get_xlabel().startswith("weight w")


def test_landscape_pair_shares_one_colour_scale():
    alphas = np.linspace(-1, 1, 5)
    grids = {"a": 1.0 + np.add.outer(alphas ** 2, alphas ** 2), "b": 10.0 + np.add.outer(alphas ** 2, alphas ** 2)}
    axes = demos.plot_landscape_pair(alphas, grids)
    assert [ax.get_title() for ax in axes[:2]] == ["a", "b"]
    fig = axes[0].figure
    assert len(fig.axes) == 3          # two maps and one colour bar


def test_plot_descent_path_2d_draws_the_path_on_contours():
    x = np.linspace(0.1, 1.0, 10)
    ws, bs = check.references.gradient_descent_bias(x, x + 0.2, 0.0, 0.0, 0.5, 50)
    ax = demos.plot_descent_path_2d(x, x + 0.2, ws, bs, steps=(10,))
    assert ax.get_xlabel().startswith("weight w") and ax.get_ylabel() == "bias b (m)"
    path = ax.lines[0].get_xydata()
    assert np.allclose(path[:, 0], ws) and np.allclose(path[:, 1], 1000 * bs)
    plt.close("all")
