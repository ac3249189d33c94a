"""Activations: values, derivatives against finite differences, stability at |z| = 1000."""

import numpy as np
import pytest

from mlcourse import activations as A
from gradcheck import numerical_gradient, relative_error

NAMES = ["identity", "relu", "leaky_relu", "sigmoid", "tanh", "softplus", "softmax"]


@pytest.mark.parametrize("name", NAMES)
def test_backward_matches_finite_differences(name):
    act = A.get_activation(name)
    rng = np.random.default_rng(0)
    z = rng.normal(size=(4, 3)) * 3
    z[np.abs(z) < 1e-3] = 0.5  # keep away from the kink of ReLU
    upstream = rng.normal(size=z.shape)
    analytic = act.backward(z, upstream)
    numeric = numerical_gradient(lambda: float(np.sum(act(z) * upstream)), z)
    assert relative_error(analytic, numeric) < 1e-6


@pytest.mark.parametrize("name", NAMES)
def test_stable_for_large_inputs(name):
    z = np.array([[-1000.0, 0.0, 1000.0]])
    with np.errstate(over="raise", divide="raise", invalid="raise"):  # underflow to 0 is fine
        values = A.get_activation(name)(z)
        derivs = A.get_activation(name).derivative(z)
    assert np.all(np.isfinite(values)) and np.all(np.isfinite(derivs))


def test_known_values():
    assert A.sigmoid(0.0) == 0.5
    assert A.softplus(np.array([0.0]))[0] == pytest.approx(np.log(2))
    np.testing.assert_allclose(A.softmax(np.array([[0.0, np.log(3.0)]])), [[0.25, 0.75]])
    np.testing.assert_allclose(A.leaky_relu(np.array([-2.0]), 0.1), [-0.2])
    assert A.get_activation("linear").linear and not A.get_activation("relu").linear


def test_softmax_rows_sum_to_one():
    z = np.random.default_rng(3).normal(size=(5, 4)) * 50
    np.testing.assert_allclose(A.softmax(z).sum(axis=1), 1.0)


def test_gallery_dictionary_holds_the_slides_functions():
    assert {"relu", "leaky_relu", "sigmoid", "tanh", "softplus"} <= set(A.ACTIVATIONS)
