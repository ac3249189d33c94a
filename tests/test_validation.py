"""The shared input checks: what they accept, and the messages they give."""

import numbers

import numpy as np
import pytest

from mlcourse import _validation as v


def test_check_array_returns_float64_without_copy():
    X = np.ones((3, 2))
    assert v.check_array(X, "X") is X
    assert v.check_array([[1, 2]], "X").dtype == np.float64


@pytest.mark.parametrize(
    "value, match",
    [
        ([1.0, 2.0], r"X must be a 2-D array .* got 1-D array of shape \(2,\)\. Use X.reshape\(-1, 1\)"),
        (3.0, r"X must be a 2-D array .* got 0-D"),
        (np.zeros((0, 3)), r"X is empty \(array of shape \(0, 3\)\)"),
        ([[1.0, np.nan]], r"X contains 1 NaN and 0 infinite"),
        ([[np.inf, 1.0]], r"X contains 0 NaN and 1 infinite"),
        ([[1.0], [2.0, 3.0]], r"X must be a rectangular numeric array"),
    ],
)
def test_check_array_value_errors(value, match):
    with pytest.raises(ValueError, match=match):
        v.check_array(value, "X")


@pytest.mark.parametrize("value", ["abc", [["a", "b"]], [[1 + 2j]], [[object()]]])
def test_check_array_type_errors(value):
    with pytest.raises(TypeError, match="X must"):
        v.check_array(value, "X")


def test_feature_count_message_names_the_caller():
    with pytest.raises(ValueError, match=r"^Dense\(5 -> 3\) expects X with 5 features, got array of shape \(10, 4\)\.$"):
        v.check_array(np.zeros((10, 4)), "X", n_features=5, context="Dense(5 -> 3)")


def test_three_dimensional_arrays_for_waveforms():
    assert v.check_array(np.zeros((2, 3, 100)), "X", ndim=3, n_features=3).shape == (2, 3, 100)
    with pytest.raises(ValueError, match=r"3-D array of shape \(n_samples, n_channels, n_times\)"):
        v.check_array(np.zeros((2, 100)), "X", ndim=3)


def test_check_vector_flattens_a_column_only():
    assert v.check_vector([[1.0], [2.0]], "y").shape == (2,)
    with pytest.raises(ValueError, match=r"y must be a 1-D array .* got array of shape \(2, 2\)"):
        v.check_vector(np.ones((2, 2)), "y")


def test_consistent_length_lists_every_argument():
    with pytest.raises(ValueError, match="X has 3, y has 2"):
        v.check_consistent_length(X=np.zeros((3, 1)), y=np.zeros(2))


def test_binary_labels():
    assert v.check_binary_labels([True, False], "y").tolist() == [1.0, 0.0]
    with pytest.raises(ValueError, match="y_true must contain only the labels 0 and 1, got also: -1, 2"):
        v.check_binary_labels([0, 2, -1, 1], "y_true")


def test_class_labels():
    assert v.check_class_labels([0.0, 2.0], "y").dtype == np.int64
    with pytest.raises(ValueError, match="class indices"):
        v.check_class_labels([0.5], "y")
    with pytest.raises(ValueError, match="only 3 classes"):
        v.check_class_labels([0, 3], "y", n_classes=3)


def test_probabilities():
    with pytest.raises(ValueError, match=r"y_pred must hold probabilities in \[0, 1\], got 2 value\(s\) outside"):
        v.check_probabilities([-0.1, 0.5, 1.2], "y_pred")


@pytest.mark.parametrize(
    "value, kwargs, error, match",
    [
        (-0.1, dict(minimum=0, include_minimum=False), ValueError, "learning_rate must be > 0, got -0.1"),
        (0, dict(kind=numbers.Integral, minimum=1), ValueError, "learning_rate must be >= 1, got 0"),
        (1.5, dict(kind=numbers.Integral), TypeError, "must be a whole number"),
        (True, dict(), TypeError, "finite real number, got bool"),
        (float("nan"), dict(), TypeError, "finite real number"),
        ("0.1", dict(), TypeError, "got str '0.1'"),
        (2.0, dict(maximum=1.0), ValueError, "must be <= 1"),
    ],
)
def test_check_scalar(value, kwargs, error, match):
    with pytest.raises(error, match=match):
        v.check_scalar(value, "learning_rate", **kwargs)


def test_check_option_lists_the_choices():
    with pytest.raises(ValueError, match="criterion must be one of 'gini', 'entropy', got 'gain'"):
        v.check_option("gain", "criterion", ("gini", "entropy"))


def test_check_rng_seeds_and_rejects():
    assert v.check_rng(7).integers(1000) == np.random.default_rng(7).integers(1000)
    gen = np.random.default_rng(1)
    assert v.check_rng(gen) is gen
    with pytest.raises(TypeError, match="np.random.default_rng"):
        v.check_rng(np.random.RandomState(0))
