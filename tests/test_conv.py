"""Conv1D, MaxPool1D and Flatten: forward against scipy, gradients against finite differences."""

import numpy as np
import pytest
from scipy.signal import correlate

from mlcourse.layers import Conv1D, Dense, Flatten, MaxPool1D
from mlcourse.losses import BinaryCrossEntropy
from mlcourse.network import Sequential
from test_layers import check_gradients


@pytest.mark.parametrize("stride, padding", [(1, 0), (2, 0), (1, "same"), (3, 2)])
def test_forward_is_a_cross_correlation(stride, padding):
    rng = np.random.default_rng(0)
    conv = Conv1D(2, 3, kernel_size=5, stride=stride, padding=padding, rng=rng)
    conv.b[:] = rng.normal(size=3)
    X = rng.normal(size=(4, 2, 30))
    pad = conv.padding
    Xp = np.pad(X, ((0, 0), (0, 0), (pad, pad)))
    expected = np.stack([[sum(correlate(Xp[n, c], conv.W[f, c], mode="valid") for c in range(2))[::stride]
                          + conv.b[f] for f in range(3)] for n in range(4)])
    np.testing.assert_allclose(conv.forward(X), expected, atol=1e-12)


@pytest.mark.parametrize("stride, padding, activation", [(1, 0, None), (2, 1, "relu"), (1, "same", "tanh")])
def test_conv_gradients(stride, padding, activation):
    rng = np.random.default_rng(1)
    conv = Conv1D(2, 3, kernel_size=3, stride=stride, padding=padding, activation=activation, rng=rng)
    conv.b[:] = rng.normal(size=3)
    check_gradients(conv, rng.normal(size=(2, 2, 11)))


def test_pool_and_flatten_gradients():
    rng = np.random.default_rng(2)
    check_gradients(MaxPool1D(3), rng.normal(size=(2, 3, 10)))
    check_gradients(Flatten(), rng.normal(size=(2, 3, 4)))


def test_small_cnn_gradients_with_a_loss():
    rng = np.random.default_rng(3)
    cnn = Sequential(Conv1D(1, 4, 5, activation="relu", rng=rng), MaxPool1D(2), Conv1D(4, 2, 3, rng=rng),
                     Flatten(), Dense(2 * 6, 1, "sigmoid", rng=rng))
    X = rng.normal(size=(5, 1, 20))
    y = rng.integers(0, 2, (5, 1)).astype(float)
    check_gradients(cnn, X, BinaryCrossEntropy(), y)


def test_max_pool_picks_the_maxima():
    X = np.array([[[1.0, 5.0, 2.0, 2.0, 9.0, 0.0, 7.0]]])
    pool = MaxPool1D(2)
    np.testing.assert_array_equal(pool.forward(X), [[[5.0, 2.0, 9.0]]])
    np.testing.assert_array_equal(pool.backward(np.ones((1, 1, 3))), [[[0, 1, 1, 0, 1, 0, 0]]])


@pytest.mark.parametrize("call, match", [
    (lambda: Conv1D(3, 4, 5).forward(np.zeros((2, 1, 50))), r"Conv1D\(3 -> 4, kernel 5\) expects X with 3 entries along axis 1"),
    (lambda: Conv1D(1, 4, 5).forward(np.zeros((2, 50))), r"X must be a 3-D array of shape \(n_samples, n_channels, n_times\)"),
    (lambda: Conv1D(1, 4, 9).forward(np.zeros((2, 1, 5))), "kernel .9 samples. is longer than the signal"),
    (lambda: Conv1D(1, 4, 4, padding="same"), "odd kernel_size"),
    (lambda: Conv1D(1, 4, 0), "kernel_size must be >= 1"),
    (lambda: MaxPool1D(4).forward(np.zeros((1, 1, 3))), "at least 4 samples"),
])
def test_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()
