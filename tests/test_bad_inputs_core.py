"""Bad input to the network modules raises an error that names the argument and what was expected."""

import numpy as np
import pytest

from mlcourse.activations import get_activation, LeakyReLU
from mlcourse.landscape import loss_slice_1d
from mlcourse.layers import ActivationLayer, Dense
from mlcourse.losses import MSE, BinaryCrossEntropy, CrossEntropy, get_loss
from mlcourse.network import Sequential
from mlcourse.neurons import Neuron, single_input_neuron
from mlcourse.optimizers import SGD, Adam
from mlcourse.training import fit

X = np.ones((10, 5))
y = np.ones(10)
net = lambda: Sequential(Dense(5, 3, rng=0), Dense(3, 1, rng=0))  # noqa: E731

CASES = [
    (lambda: Dense(5, 3).forward(np.ones((10, 4))), ValueError,
     r"Dense\(5 -> 3\) expects X with 5 features, got array of shape \(10, 4\)"),
    (lambda: Dense(5, 3).forward(np.ones(5)), ValueError, r"X must be a 2-D array .*X.reshape"),
    (lambda: Dense(5, 3).forward(np.full((2, 5), np.nan)), ValueError, "X contains 10 NaN"),
    (lambda: Dense(5, 3).forward(np.full((2, 5), np.inf)), ValueError, "X contains 0 NaN and 10 infinite"),
    (lambda: Dense(5, 3).forward(np.ones((0, 5))), ValueError, "X is empty"),
    (lambda: Dense(5, 3).backward(np.ones((2, 3))), RuntimeError, "call forward before backward"),
    (lambda: (lambda d: (d.forward(X), d.backward(np.ones((10, 2)))))(Dense(5, 3)), ValueError,
     r"expects dY of shape \(10, 3\)"),
    (lambda: Dense(0, 3), ValueError, "n_in must be >= 1, got 0"),
    (lambda: Dense(2.5, 3), TypeError, "n_in must be a whole number"),
    (lambda: Dense(5, 3, activation="relux"), ValueError, "activation must be one of"),
    (lambda: Dense(5, 3, init="glorot"), ValueError, "init must be one of"),
    (lambda: Dense(5, 3, rng="seed"), TypeError, "rng must be a numpy.random.Generator"),
    (lambda: get_activation("swish"), ValueError, "activation must be one of"),
    (lambda: LeakyReLU(alpha=-1), ValueError, "alpha must be >= 0"),
    (lambda: Sequential(), ValueError, "at least one layer"),
    (lambda: Sequential(Dense(5, 3), "relu"), TypeError, "layer 1 must be an mlcourse Layer"),
    (lambda: net().forward(np.ones((2, 4))), ValueError, "expects X with 5 features"),
    (lambda: net().backward(np.ones((2, 1))), RuntimeError, "Call forward before backward"),
    (lambda: MSE()([1.0, 2.0], [1.0, 2.0, 3.0]), ValueError, "same shape"),
    (lambda: MSE()([1.0, np.nan], [1.0, 2.0]), ValueError, "y_pred contains 1 NaN"),
    (lambda: BinaryCrossEntropy()([0.5, 0.5], [0, 2]), ValueError, "y_true must contain only the labels 0 and 1"),
    (lambda: BinaryCrossEntropy()([1.5, 0.5], [0, 1]), ValueError, r"y_pred must hold probabilities in \[0, 1\]"),
    (lambda: CrossEntropy()(np.zeros((2, 3)), [0, 3]), ValueError, "only 3 classes"),
    (lambda: CrossEntropy()(np.zeros((2, 3)), [0.5, 1]), ValueError, "class indices"),
    (lambda: CrossEntropy()(np.zeros((2, 3)), [[1, 1, 0], [0, 1, 0]]), ValueError, "a single 1 per row"),
    (lambda: get_loss("hinge"), ValueError, "loss must be one of"),
    (lambda: SGD(net(), learning_rate=-0.1), ValueError, "learning_rate must be > 0, got -0.1"),
    (lambda: SGD(net(), learning_rate=0.1, momentum=1.0), ValueError, "momentum must be < 1"),
    (lambda: Adam(net(), beta1=1.5), ValueError, "beta1 must be < 1"),
    (lambda: SGD("model"), TypeError, "model must have a parameters"),
    (lambda: fit(net(), X, y, "mse", SGD(net()), batch_size=0), ValueError, "batch_size must be >= 1, got 0"),
    (lambda: fit(net(), X, y, "mse", SGD(net()), epochs=0), ValueError, "epochs must be >= 1"),
    (lambda: fit(net(), X, y[:5], "mse", SGD(net())), ValueError, "X has 10, y has 5"),
    (lambda: fit(net(), X, np.ones((10, 2)), "mse", SGD(net())), ValueError, "same shape"),
    (lambda: fit(net(), X, y, "mse", SGD(net()), validation_split=1.5), ValueError, "validation_split must be < 1"),
    (lambda: fit(net(), X, y, "mse", SGD(net()), validation_data=(X,)), ValueError, "validation_data must be a pair"),
    (lambda: fit(net(), X, y, "mse", SGD(net()), validation_data=(np.ones((3, 4)), y[:3])), ValueError,
     "expects X with 5 features"),
    (lambda: Neuron([1.0, 2.0])([1.0, 2.0, 3.0]), ValueError, "Neuron with 2 weights expects x with 2 features"),
    (lambda: single_input_neuron([1.0], "2"), TypeError, "w must be a finite real number"),
    (lambda: ActivationLayer("relu").backward(np.ones((1, 1))), RuntimeError, "call forward before backward"),
    (lambda: loss_slice_1d(net(), "mse", X, y, alphas=[]), ValueError, "alphas is empty"),
]


@pytest.mark.parametrize("call, error, match", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_bad_input_raises_a_clear_error(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_there_are_at_least_30_cases():
    assert len(CASES) >= 30
