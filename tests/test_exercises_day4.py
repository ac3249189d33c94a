"""Day 4 checks and widgets: right answers pass, typical mistakes get their hints."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from mlcourse import ground_motion
from mlcourse.exercises import day4 as check
from mlcourse.widgets import day4 as demos

LABELS = ["blast"] * 3 + ["quake"] * 1


def test_gini_value():
    assert check.gini_value(1 - 0.75 ** 2 - 0.25 ** 2, LABELS)
    assert "1 minus" in check.gini_value(0.75 ** 2 + 0.25 ** 2, LABELS).hint
    assert "entropy" in check.gini_value(-(0.75 * np.log2(0.75) + 0.25 * np.log2(0.25)), LABELS).hint
    assert check.gini_value(..., LABELS).status == "unanswered"


def test_best_split():
    x, y = [1.0, 2.0, 3.0, 4.0], ["a", "a", "b", "b"]
    assert check.best_split(2.5, x, y)
    assert "HIGHEST" in check.best_split(1.5, x, y).hint


def test_oob_fraction():
    assert check.oob_fraction((1 - 1 / 182) ** 182, 182)
    assert "IS drawn" in check.oob_fraction(1 - (1 - 1 / 182) ** 182, 182).hint


def test_most_important():
    names, imp = ["lat", "long", "mag"], [0.1, 0.3, 0.01]
    assert check.most_important("long", names, imp)
    assert "permutation" in check.most_important("lat", names, imp).hint
    assert "not one of" in check.most_important("depth", names, imp).message


def test_gmpe_prediction():
    coef = ground_motion.JB1981
    pga = float(ground_motion.predict_pga(coef, 6.5, 20.0))
    assert check.gmpe_prediction(pga, coef, 6.5, 20.0)
    assert "raise 10" in check.gmpe_prediction(np.log10(pga), coef, 6.5, 20.0).hint
    assert "m/s²" in check.gmpe_prediction(pga * 9.81, coef, 6.5, 20.0).hint


def test_honest_score():
    assert check.honest_score(0.28, grouped_score=0.28, random_score=0.24)
    assert "same earthquake" in check.honest_score(0.24, 0.28, 0.24).message


def test_split_plot_and_widget():
    ax = demos.plot_split([1.0, 2.0, 3.0, 4.0], ["a", "a", "b", "b"], threshold=2.5)
    assert "Gini 0.00 | right: 2 samples, Gini 0.00 | weighted 0.000" in ax.get_title()
    widget = demos.split_widget([1.0, 2.0, 3.0, 4.0], ["a", "a", "b", "b"])
    slider, image = widget.children
    before = image.value
    slider.value = 1.5
    assert image.value != before
    plt.close("all")
