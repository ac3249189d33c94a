"""Layers, networks and losses: every gradient against centred finite differences."""

import numpy as np
import pytest

from mlcourse.layers import ActivationLayer, Dense
from mlcourse.losses import MAE, MSE, BinaryCrossEntropy, CrossEntropy
from mlcourse.network import Sequential, collapse_linear
from gradcheck import numerical_gradient, relative_error

ACTIVATIONS = [None, "relu", "leaky_relu", "sigmoid", "tanh", "softplus", "softmax"]


def check_gradients(model, X, loss=None, y=None, rng=None):
    """Compare dX and every parameter gradient of model with finite differences."""
    rng = rng or np.random.default_rng(0)
    out = model.forward(X)
    if loss is None:
        upstream = rng.normal(size=out.shape)
        f = lambda: float(np.sum(model.forward(X) * upstream))  # noqa: E731
    else:
        upstream = loss.gradient(out, y)
        f = lambda: loss(model.forward(X), y)  # noqa: E731
    model.forward(X)
    dX = model.backward(upstream)
    analytic = [dX] + [g.copy() for _, g in model.parameters()]
    numeric = [numerical_gradient(f, X)] + [numerical_gradient(f, p) for p, _ in model.parameters()]
    for a, n in zip(analytic, numeric):
        assert a.shape == n.shape
        assert relative_error(a, n) < 1e-6


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_dense_gradients(activation):
    rng = np.random.default_rng(1)
    layer = Dense(4, 3, activation=activation, rng=rng)
    layer.b[:] = rng.normal(size=3)
    check_gradients(layer, rng.normal(size=(5, 4)))


@pytest.mark.parametrize("depth", [1, 2, 4])
def test_network_gradients_with_a_loss(depth):
    rng = np.random.default_rng(depth)
    sizes = [3] + [5] * (depth - 1) + [2]
    layers = [Dense(a, b, "tanh" if i < depth - 1 else None, rng=rng)
              for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:]))]
    check_gradients(Sequential(layers), rng.normal(size=(6, 3)), MSE(), rng.normal(size=(6, 2)))


def test_separate_activation_layers():
    rng = np.random.default_rng(5)
    net = Sequential(Dense(2, 4, rng=rng), ActivationLayer("tanh"), Dense(4, 1, rng=rng), ActivationLayer("sigmoid"))
    check_gradients(net, rng.normal(size=(7, 2)), BinaryCrossEntropy(), rng.integers(0, 2, (7, 1)))


@pytest.mark.parametrize("loss, target", [
    (MSE(), lambda r: r.normal(size=(6, 2))),
    (MAE(), lambda r: r.normal(size=(6, 2)) + 5),  # away from the kink at 0
    (BinaryCrossEntropy(), lambda r: r.integers(0, 2, (6, 2)).astype(float)),
    (BinaryCrossEntropy(from_logits=True), lambda r: r.integers(0, 2, (6, 2)).astype(float)),
    (CrossEntropy(), lambda r: r.integers(0, 2, 6)),
])
def test_loss_gradients(loss, target):
    rng = np.random.default_rng(2)
    y = target(rng)
    pred = rng.uniform(0.05, 0.95, size=(6, 2))
    numeric = numerical_gradient(lambda: loss(pred, y), pred)
    assert relative_error(loss.gradient(pred, y), numeric) < 1e-6


def test_losses_by_hand():
    assert MSE()([1.0, 2.0, 3.0], [1.0, 2.0, 5.0]) == pytest.approx(4 / 3)
    assert MAE()([1.0, 2.0], [2.0, 4.0]) == pytest.approx(1.5)
    p, y = np.array([0.9, 0.2, 0.6]), np.array([1.0, 0.0, 1.0])
    by_hand = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert BinaryCrossEntropy()(p, y) == pytest.approx(by_hand)
    z = np.log(p / (1 - p))  # the same probabilities as logits
    assert BinaryCrossEntropy(from_logits=True)(z, y) == pytest.approx(by_hand)
    logits = np.array([[2.0, 1.0, 0.1]])
    assert CrossEntropy()(logits, [0]) == pytest.approx(-np.log(np.exp(2) / np.exp(logits).sum()))
    assert CrossEntropy()(logits, [[1, 0, 0]]) == CrossEntropy()(logits, [0])


def test_stable_cross_entropies():
    assert np.isfinite(BinaryCrossEntropy(from_logits=True)([-1000.0, 1000.0], [1, 0]))
    assert BinaryCrossEntropy(from_logits=True)([-1000.0], [1]) == pytest.approx(1000.0)
    assert np.isfinite(CrossEntropy()([[1000.0, -1000.0]], [1]))
    assert np.isfinite(BinaryCrossEntropy()([0.0, 1.0], [1, 0]))


def test_collapse_linear_matches_the_stack():
    rng = np.random.default_rng(4)
    layers = [Dense(3, 4, rng=rng), Dense(4, 4, rng=rng), Dense(4, 2, rng=rng)]
    for layer in layers:
        layer.b[:] = rng.normal(size=layer.n_out)
    W, b = collapse_linear(Sequential(layers))
    np.testing.assert_allclose(W, layers[2].W @ layers[1].W @ layers[0].W)
    X = rng.normal(size=(10, 3))
    np.testing.assert_allclose(Sequential(layers).forward(X), X @ W.T + b)


def test_collapse_refuses_non_linear_layers():
    with pytest.raises(ValueError, match=r"layer 1 \(Dense\(4 -> 2, relu\)\) has the non-linear activation 'relu'"):
        collapse_linear([Dense(3, 4), Dense(4, 2, "relu")])


def test_repr_counts_parameters():
    net = Sequential(Dense(5, 64, "relu"), Dense(64, 3))
    assert net.n_params == 5 * 64 + 64 + 64 * 3 + 3
    assert "total: 579 parameters" in repr(net) and "Dense(5 -> 64, relu)" in repr(net)
