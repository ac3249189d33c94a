"""Loss landscape slices: filter normalisation, the trained point, weights left untouched."""

import numpy as np

from mlcourse.landscape import loss_slice_1d, loss_slice_2d, random_direction
from mlcourse.layers import Dense
from mlcourse.losses import MSE
from mlcourse.network import Sequential
from mlcourse.optimizers import Adam
from mlcourse.training import fit


def trained():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(64, 2))
    y = np.tanh(X @ [1.0, -1.0])
    net = Sequential(Dense(2, 8, "tanh", rng=rng), Dense(8, 1, rng=rng))
    fit(net, X, y, "mse", Adam(net, 0.02), epochs=100, rng=rng, verbose=False)
    return net, X, y


def test_directions_are_filter_normalised_and_skip_biases():
    net, _, _ = trained()
    d = random_direction(net, rng=1)
    for (value, _), di in zip(net.parameters(), d):
        if value.ndim == 1:
            assert not di.any()
        else:
            np.testing.assert_allclose(np.linalg.norm(di, axis=1), np.linalg.norm(value, axis=1))


def test_slice_passes_through_the_trained_loss_and_restores_weights():
    net, X, y = trained()
    before = net.get_weights()
    alphas = np.linspace(-1, 1, 21)
    losses = loss_slice_1d(net, "mse", X, y, alphas, rng=2)
    assert losses[10] == MSE()(net.predict(X), y.reshape(-1, 1))
    assert losses.argmin() in (9, 10, 11)  # a trained network sits near a minimum
    assert losses[0] > losses[10] and losses[-1] > losses[10]
    assert all(np.array_equal(a, b) for a, b in zip(before, net.get_weights()))


def test_2d_slice_grid_and_centre():
    net, X, y = trained()
    grid = loss_slice_2d(net, "mse", X, y, np.linspace(-1, 1, 5), np.linspace(-1, 1, 3), rng=3)
    assert grid.shape == (3, 5)
    assert grid[1, 2] == grid.min()
