"""The STA/LTA demo: triggers counted and shaded, and the slider redraws."""

import matplotlib.pyplot as plt
import numpy as np

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
