"""The STA/LTA demo: triggers counted and shaded, and the slider redraws."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from mlcourse.widgets import day2 as demos


def test_triggers_follow_the_threshold():
    cft = np.r_[np.full(100, 0.5), np.full(20, 6.0), np.full(100, 0.5), np.full(20, 3.0), np.full(60, 0.5)]
    data = np.zeros_like(cft)
    assert demos.plot_triggers(data, cft, 10.0, threshold=4.0)[0].get_title() == "1 triggers"
    assert demos.plot_triggers(data, cft, 10.0, threshold=2.0)[0].get_title() == "2 triggers"
    slider, image = demos.trigger_widget(data, cft, 10.0).children
    before = image.value
    slider.value = 2.0
    assert image.value != before
    plt.close("all")


def test_trade_off_draws_one_curve_and_one_chosen_point_per_detector():
    curves = {"a": (np.array([0.2, 0.5, 0.9]), np.array([0.0, 2.0, 10.0])),
              "b": (np.array([0.1, 0.3]), np.array([1.0, 5.0]))}
    ax = demos.plot_trade_off(curves, {"a": (0.5, 2.0)}, max_alarms=20)
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == ["a", "a: chosen threshold", "b"]
    assert ax.get_xlim()[1] == 20 and "false alarms per hour" in ax.get_xlabel()
    plt.close("all")


def test_frequency_magnitude_line_passes_through_the_count_at_mc():
    m = np.round(np.r_[np.full(100, 1.0), np.full(10, 2.0), np.full(1, 3.0)], 1)
    ax = demos.plot_frequency_magnitude(m, mc=1.0, b=1.0)
    fit = [line for line in ax.get_lines() if line.get_label().startswith("log N")][0]
    x, y = fit.get_data()
    assert x[0] == 1.0 and y[0] == pytest.approx(111.0)  # N(>= Mc) = 111 events
    assert np.allclose(np.log10(y[0] / y[-1]), 1.0 * (x[-1] - x[0]))  # slope b = 1
    plt.close("all")


def test_b_against_mc_marks_the_chosen_mc():
    ax = demos.plot_b_against_mc([0.5, 0.6, 0.7], [0.8, 0.9, 1.0], [0.05, 0.06, 0.07], mc=0.6)
    assert any("Mc by b-stability = 0.6" in text.get_text() for text in ax.get_legend().get_texts())
    plt.close("all")


def test_long_records_are_drawn_as_their_envelope():
    _, ax = plt.subplots()
    data = np.r_[np.zeros(50_000), 7.0, -3.0, np.zeros(49_998)]
    demos.plot_record(ax, np.arange(len(data)), data, max_points=1000)
    (band,) = ax.collections
    ys = band.get_paths()[0].vertices[:, 1]
    assert ys.max() == 7.0 and ys.min() == -3.0 and len(ys) < 5000  # the peak survives the thinning
    demos.plot_record(ax, np.arange(10.0), np.ones(10))  # short: a plain line
    assert len(ax.get_lines()) == 1
    plt.close("all")
