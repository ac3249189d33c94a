"""Layers of neurons: ``y_i = f(W_ij x_j + b_i)`` for a whole batch at once.

A layer does two things. ``forward(X)`` computes its output and remembers
what it will need later; ``backward(dY)`` receives the gradient of the loss
with respect to that output and returns the gradient with respect to its
input, storing on the way the gradients of its own parameters. Chaining the
``backward`` calls from the last layer to the first is back-propagation.

Arrays are ``(n_samples, n_features)``; ``Dense`` stores ``W`` with shape
``(n_out, n_in)`` so that one sample reads as on the slides, ``y = W @ x + b``,
and a batch as ``Y = X @ W.T + b``.

>>> layer = Dense(3, 2, rng=0)
>>> layer.forward(np.ones((4, 3))).shape
(4, 2)
"""

from __future__ import annotations

import numbers

import numpy as np

from ._validation import check_array, check_option, check_rng, check_scalar, describe
from . import activations
from .activations import get_activation

__all__ = ["Layer", "Dense", "ActivationLayer", "ReLU", "LeakyReLU", "Sigmoid", "Tanh",
           "Softplus", "INITIALISATIONS"]


class Layer:
    """Base class: ``forward`` / ``backward`` with input checks around the arithmetic.

    Subclasses implement ``_forward`` and ``_backward`` (no checks: a
    ``Sequential`` checks the input once for the whole network) and, when they
    have parameters, ``parameters()``.
    """

    linear = False

    def __init__(self):
        self._cache = None

    # public, checked
    def forward(self, X):
        """Output of the layer for a batch ``X``; remembers what ``backward`` needs."""
        return self._forward(self.check_input(X))

    def backward(self, dY):
        """Gradient w.r.t. the input, from the gradient ``dY`` w.r.t. the output."""
        if self._cache is None:
            raise RuntimeError(f"{self!r}: call forward before backward (nothing is cached yet).")
        expected = self._output_shape()
        dY = check_array(dY, "dY", ndim=len(expected), finite=False)
        if dY.shape != expected:
            raise ValueError(f"{self!r}.backward expects dY of shape {expected} (the shape of "
                             f"the last output), got {describe(dY)}.")
        return self._backward(dY)

    def __call__(self, X):
        return self.forward(X)

    # to override
    def check_input(self, X):
        return check_array(X, "X", context=repr(self))

    def _output_shape(self):
        return self._cache[-1].shape

    def parameters(self) -> list:
        """``(value, gradient)`` pairs; optimizers update each value in place."""
        return []

    @property
    def n_params(self) -> int:
        return sum(p.size for p, _ in self.parameters())

    def zero_grad(self) -> None:
        for _, grad in self.parameters():
            grad[...] = 0.0


def _he(rng, n_in, n_out):
    return rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_out, n_in))


def _xavier(rng, n_in, n_out):
    limit = np.sqrt(6.0 / (n_in + n_out))  # Glorot & Bengio (2010)
    return rng.uniform(-limit, limit, size=(n_out, n_in))


def _normal(rng, n_in, n_out):
    return rng.normal(0.0, 0.1, size=(n_out, n_in))


def _zeros(rng, n_in, n_out):
    return np.zeros((n_out, n_in))


INITIALISATIONS = {"he": _he, "xavier": _xavier, "normal": _normal, "zeros": _zeros}


class Dense(Layer):
    """A fully connected layer: ``y_i = f(W_ij x_j + b_i)``.

    Parameters
    ----------
    n_in, n_out : int
        Number of inputs ``x_j`` and of neurons ``y_i``.
    activation : str, Activation or None
        ``f``; None keeps the layer linear.
    init : {"auto", "he", "xavier", "normal", "zeros"}
        How ``W`` starts: He (2015) suits ReLU, Xavier/Glorot (2010) suits
        tanh and sigmoid; "auto" picks by activation. ``b`` starts at zero.
    rng : numpy.random.Generator or int, optional
        Source of the random initial weights.

    Attributes
    ----------
    W : ndarray of shape (n_out, n_in)
    b : ndarray of shape (n_out,)
    dW, db : ndarrays of the same shapes, filled by ``backward``.

    Examples
    --------
    >>> layer = Dense(2, 1)
    >>> layer.W[:] = [[1.0, 2.0]]; layer.b[:] = [0.5]
    >>> layer.forward(np.array([[1.0, 1.0]])).tolist()
    [[3.5]]
    """

    def __init__(self, n_in: int, n_out: int, activation=None, init: str = "auto", rng=None):
        super().__init__()
        self.n_in = check_scalar(n_in, "n_in", kind=numbers.Integral, minimum=1)
        self.n_out = check_scalar(n_out, "n_out", kind=numbers.Integral, minimum=1)
        self.activation = get_activation(activation)
        check_option(init, "init", ("auto", *INITIALISATIONS))
        if init == "auto":
            init = "he" if self.activation.name in ("relu", "leaky_relu") else "xavier"
        self.init = init
        self.W = INITIALISATIONS[init](check_rng(rng), self.n_in, self.n_out)
        self.b = np.zeros(self.n_out)
        self.dW = np.zeros_like(self.W)
        self.db = np.zeros_like(self.b)

    @property
    def linear(self) -> bool:
        return self.activation.linear

    def check_input(self, X):
        return check_array(X, "X", n_features=self.n_in, context=repr(self))

    def _forward(self, X):
        Z = X @ self.W.T + self.b
        Y = self.activation(Z)
        self._cache = (X, Z, Y)
        return Y

    def _backward(self, dY):
        X, Z, _ = self._cache
        dZ = self.activation.backward(Z, dY)
        self.dW = dZ.T @ X
        self.db = dZ.sum(axis=0)
        return dZ @ self.W

    def parameters(self) -> list:
        return [(self.W, self.dW), (self.b, self.db)]

    def __repr__(self) -> str:
        act = "" if self.linear else f", {self.activation.name}"
        return f"Dense({self.n_in} -> {self.n_out}{act})"


class ActivationLayer(Layer):
    """An activation as a layer of its own: ``Y = f(X)``, any input shape.

    >>> ActivationLayer("relu").forward(np.array([[-1.0, 2.0]])).tolist()
    [[0.0, 2.0]]
    """

    def __init__(self, activation):
        super().__init__()
        self.activation = get_activation(activation)

    @property
    def linear(self) -> bool:
        return self.activation.linear

    def check_input(self, X):
        ndim = max(np.ndim(X), 2)
        return check_array(X, "X", ndim=ndim, context=repr(self))

    def _forward(self, X):
        Y = self.activation(X)
        self._cache = (X, Y)
        return Y

    def _backward(self, dY):
        return self.activation.backward(self._cache[0], dY)

    def __repr__(self) -> str:
        return repr(self.activation)


class ReLU(ActivationLayer):
    """ReLU as a layer: ``Y = max(0, X)``."""

    def __init__(self):
        super().__init__("relu")


class LeakyReLU(ActivationLayer):
    """Leaky ReLU as a layer: ``Y = X`` where positive, ``alpha X`` elsewhere."""

    def __init__(self, alpha: float = 0.01):
        super().__init__(activations.LeakyReLU(alpha))


class Sigmoid(ActivationLayer):
    """Sigmoid as a layer: ``Y = 1 / (1 + exp(-X))``."""

    def __init__(self):
        super().__init__("sigmoid")


class Tanh(ActivationLayer):
    """tanh as a layer."""

    def __init__(self):
        super().__init__("tanh")


class Softplus(ActivationLayer):
    """Softplus as a layer: ``Y = log(1 + exp(X))``."""

    def __init__(self):
        super().__init__("softplus")
