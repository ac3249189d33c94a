"""Learning works, optimisers behave, and the same seed gives the same run bit for bit."""

import numpy as np
import pytest

from mlcourse.layers import Conv1D, Dense
from mlcourse.losses import MSE
from mlcourse.metrics import r2_score
from mlcourse.network import Sequential
from mlcourse.neurons import Neuron, single_input_neuron
from mlcourse.optimizers import SGD, Adam
from mlcourse.training import fit
from gradcheck import numerical_gradient, relative_error

XOR_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
XOR_Y = np.array([0, 1, 1, 0], dtype=float)


def test_neurons_as_on_the_slides():
    np.testing.assert_allclose(single_input_neuron([1.0, 2.0], 0.5), [0.5, 1.0])
    n = Neuron(weights=[2.0, -1.0, 0.5], bias=1.0)
    assert n([1.0, 1.0, 2.0]) == 2.0 + -1.0 + 1.0 + 1.0
    np.testing.assert_allclose(n([[0, 0, 0], [1, 0, 0]]), [1.0, 3.0])
    assert Neuron([1.0], activation="relu")([-3.0]) == 0.0


def test_xor_is_solved_by_a_2_4_1_network():
    rng = np.random.default_rng(0)
    net = Sequential(Dense(2, 4, "tanh", rng=rng), Dense(4, 1, "sigmoid", rng=rng))
    fit(net, XOR_X, XOR_Y, "bce", Adam(net, 0.05), epochs=500, batch_size=4, rng=rng, verbose=False)
    np.testing.assert_array_equal((net.predict(XOR_X)[:, 0] > 0.5).astype(float), XOR_Y)


def test_smooth_regression_reaches_r2_095():
    rng = np.random.default_rng(1)
    X = rng.uniform(-3, 3, size=(400, 1))
    y = np.sin(X[:, 0])
    net = Sequential(Dense(1, 32, "tanh", rng=rng), Dense(32, 1, rng=rng))
    fit(net, X, y, "mse", Adam(net, 0.01), epochs=150, batch_size=32, rng=rng, verbose=False)
    assert r2_score(y, net.predict(X)[:, 0]) > 0.95


def test_adam_beats_plain_sgd_on_a_badly_scaled_problem():
    """Linear regression with features of scale 1 and 100: 300 steps, same learning rate 0.01.

    Plain SGD must keep its step small for the large feature and so crawls
    along the small one; Adam scales each parameter's step separately.
    """
    rng = np.random.default_rng(2)
    X = rng.normal(size=(256, 2)) * [1.0, 100.0]
    y = X @ [3.0, 0.02] + 1.0
    losses = {}
    for name, make in [("sgd", lambda m: SGD(m, 1e-5)), ("adam", lambda m: Adam(m, 0.05))]:
        net = Sequential(Dense(2, 1, init="zeros"))
        h = fit(net, X, y, "mse", make(net), epochs=10, batch_size=8, rng=3, verbose=False)
        losses[name] = h["loss"][-1]
    assert losses["adam"] < 0.1 * losses["sgd"]


def test_momentum_and_weight_decay_change_the_step():
    layer = Dense(1, 1, init="zeros")
    layer.W[:] = 1.0
    opt = SGD(layer, learning_rate=0.1, momentum=0.9, weight_decay=0.5)
    layer.dW[:] = 0.0
    layer.db[:] = 0.0
    opt.step()  # gradient is the decay only: 0.5 * 1.0
    assert layer.W[0, 0] == pytest.approx(1.0 - 0.1 * 0.5)
    opt.step()  # velocity: 0.9 * (-0.05) - 0.1 * 0.5 * 0.95
    assert layer.W[0, 0] == pytest.approx(0.95 - 0.045 - 0.0475)


def run(seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(100, 3))
    y = X @ [1.0, -2.0, 0.5]
    net = Sequential(Dense(3, 8, "relu", rng=rng), Dense(8, 1, rng=rng))
    h = fit(net, X, y, "mse", Adam(net, 0.01), epochs=20, validation_split=0.2, rng=rng, verbose=False)
    return net.get_weights(), h


def test_same_seed_same_weights_and_history_bit_for_bit():
    (w1, h1), (w2, h2) = run(7), run(7)
    assert all(np.array_equal(a, b) for a, b in zip(w1, w2))
    assert h1 == h2 and len(h1["val_loss"]) == 20
    w3, _ = run(8)
    assert not np.array_equal(w1[0], w3[0])


def test_early_stopping_restores_the_best_weights():
    rng = np.random.default_rng(4)
    X = rng.normal(size=(40, 1))
    y = X[:, 0] + rng.normal(scale=1.0, size=40)
    Xv = rng.normal(size=(40, 1))
    yv = Xv[:, 0] + rng.normal(scale=1.0, size=40)
    net = Sequential(Dense(1, 64, "relu", rng=rng), Dense(64, 64, "relu", rng=rng), Dense(64, 1, rng=rng))
    h = fit(net, X, y, "mse", Adam(net, 0.01), epochs=500, batch_size=8,
            validation_data=(Xv, yv), early_stopping=10, rng=rng, verbose=False)
    assert h.stopped_early and h.epochs < 500
    best = min(h["val_loss"])
    assert h["val_loss"][h.best_epoch - 1] == best
    assert np.mean((net.predict(Xv)[:, 0] - yv) ** 2) == pytest.approx(best)
    assert "best epoch" in h.message


def test_divergence_stops_with_a_learning_rate_hint(capsys):
    X = np.linspace(0, 10, 20).reshape(-1, 1)
    net = Sequential(Dense(1, 1, rng=0))
    h = fit(net, X, 3 * X[:, 0], "mse", SGD(net, 5.0), epochs=200, rng=0, verbose=True)
    assert h.diverged and h.epochs < 200
    assert "smaller learning rate" in capsys.readouterr().out


def test_metrics_are_recorded_per_epoch(capsys):
    X = np.linspace(-1, 1, 30).reshape(-1, 1)
    net = Sequential(Dense(1, 1, rng=0))
    h = fit(net, X, 2 * X[:, 0], "mse", SGD(net, 0.1), epochs=5, validation_split=0.2,
            metrics={"r2": r2_score}, rng=0, verbose=True)
    assert len(h["r2"]) == len(h["val_r2"]) == 5
    assert capsys.readouterr().out.startswith("Trained 5 epochs: loss ")


def test_a_pytorch_style_loop_with_parameters_taken_once_trains():
    """params = net.parameters() once, then zero_grad, forward, backward, value -= lr * grad."""
    rng = np.random.default_rng(4)
    X = rng.normal(size=(64, 3))
    y = (X @ [1.0, -2.0, 0.5])[:, None]
    net = Sequential(Dense(3, 8, "tanh", rng=rng), Dense(8, 1, rng=rng))
    params = net.parameters()
    start = [value.copy() for value, _ in params]
    loss = MSE()
    losses = []
    for _ in range(200):
        net.zero_grad()
        y_pred = net.forward(X)
        losses.append(loss(y_pred, y))
        net.backward(loss.gradient(y_pred, y))
        for value, grad in params:
            value -= 0.05 * grad
    assert losses[-1] < 0.05 * losses[0]
    assert all(not np.allclose(value, old) for (value, _), old in zip(params, start))


@pytest.mark.parametrize("make", [lambda r: Dense(3, 2, "tanh", rng=r),
                                  lambda r: Conv1D(3, 2, kernel_size=3, rng=r)])
def test_gradients_accumulate_until_zero_grad(make):
    rng = np.random.default_rng(5)
    layer = make(rng)
    X = rng.normal(size=(4, 3) if isinstance(layer, Dense) else (4, 3, 10))
    dY = rng.normal(size=layer.forward(X).shape)
    layer.backward(dY)
    once = [grad.copy() for _, grad in layer.parameters()]
    layer.backward(dY)
    for (_, grad), first in zip(layer.parameters(), once):
        np.testing.assert_allclose(grad, 2 * first)
    layer.zero_grad()
    assert all(not grad.any() for _, grad in layer.parameters())


def test_an_sgd_step_moves_against_the_finite_difference_gradient():
    rng = np.random.default_rng(6)
    net = Sequential(Dense(2, 3, "tanh", rng=rng), Dense(3, 1, rng=rng))
    X, y = rng.normal(size=(5, 2)), rng.normal(size=(5, 1))
    loss = MSE()
    numeric = [numerical_gradient(lambda: loss(net.forward(X), y), value) for value, _ in net.parameters()]
    before = net.get_weights()
    net.zero_grad()
    net.backward(loss.gradient(net.forward(X), y))
    SGD(net, learning_rate=0.1).step()
    for old, new, g in zip(before, net.get_weights(), numeric):
        assert relative_error(old - new, 0.1 * g) < 1e-6
