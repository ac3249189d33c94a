"""Day 2 checks: right answers pass, typical mistakes get their hints."""

import numpy as np

from mlcourse.exercises import day2 as check


def test_window_samples():
    assert check.window_samples(250, 10, 25)
    assert "Multiply" in check.window_samples(0.4, 10, 25).hint
    assert "resampled" in check.window_samples(1000, 10, 25).hint


def test_conv_output_length():
    assert check.conv_output_length(242, 250, 9)
    assert "Off by one" in check.conv_output_length(241, 250, 9).hint
    assert check.conv_output_length(125, 250, 9, stride=2, padding=4)


def test_detector_scores():
    assert check.detector_scores(0.8, 0.5, tp=4, fp=1, fn=4)
    assert "recall" in check.detector_scores(0.5, 0.8, tp=4, fp=1, fn=4).hint
    assert check.detector_scores(..., 0.5, 4, 1, 4).status == "unanswered"


def test_pick_difference():
    assert check.pick_difference(0.02, 30.655, 30.635, 200)
    assert "sign" in check.pick_difference(-0.02, 30.655, 30.635, 200).hint
    assert "samples" in check.pick_difference(4.0, 30.655, 30.635, 200).hint


def test_b_value():
    m = np.array([1.0, 1.1, 1.5, 2.0, 0.5, 0.8])
    good = np.log10(np.e) / (m[m >= 1.0].mean() - 0.95)
    assert check.b_value(good, m, 1.0)
    assert "bin correction" in check.b_value(np.log10(np.e) / (m[m >= 1.0].mean() - 1.0), m, 1.0).hint
    assert "at or above" in check.b_value(np.log10(np.e) / (m.mean() - 0.95), m, 1.0).hint


def test_deep_cluster():
    labels, depths = np.array([0, 0, 1, 1, 2]), np.array([50.0, 60.0, 500.0, 600.0, 200.0])
    assert check.deep_cluster(1, labels, depths)
    assert "not the largest" in check.deep_cluster(2, labels, depths).message
    assert "not a cluster label" in check.deep_cluster(7, labels, depths).message
