"""Activation functions: the non-linear ``f`` in ``x(n) = f(W(n) x(n-1) + b(n))``.

Without ``f`` a stack of layers collapses to a single linear layer (see
:func:`mlcourse.network.collapse_linear`); with it, a network can bend.

Each activation comes first as a plain function (``relu``, ``sigmoid``, ...):
the one to meet first. The classes (``ReLU``, ``Sigmoid``, ...) wrap the same
function together with its derivative, the two things back-propagation needs;
``Dense(..., activation="relu")`` and ``layers.ActivationLayer("relu")`` use them.

>>> relu = get_activation("relu")
>>> relu(np.array([-2.0, 3.0])).tolist(), relu.derivative(np.array([-2.0, 3.0])).tolist()
([0.0, 3.0], [0.0, 1.0])
"""

from __future__ import annotations

from abc import ABC, abstractmethod

import numpy as np

from ._validation import check_option, check_scalar

__all__ = [
    "Activation", "Identity", "ReLU", "LeakyReLU", "Sigmoid", "Tanh", "Softplus", "Softmax",
    "relu", "leaky_relu", "sigmoid", "tanh", "softplus", "softmax",
    "get_activation", "ACTIVATIONS",
]


# --------------------------------------------------------------------- plain functions
def relu(z):
    """ReLU, ``max(0, z)``.

    >>> relu(np.array([-1.0, 2.0])).tolist()
    [0.0, 2.0]
    """
    return np.maximum(z, 0.0)


def leaky_relu(z, alpha: float = 0.01):
    """Leaky ReLU: ``z`` for positive ``z``, ``alpha * z`` otherwise.

    >>> leaky_relu(np.array([-100.0, 2.0])).tolist()
    [-1.0, 2.0]
    """
    return np.where(z > 0, z, alpha * z)


def sigmoid(z):
    """Logistic sigmoid ``1 / (1 + exp(-z))``, squashing any number into (0, 1).

    Written with ``exp(-|z|)`` so that it never overflows, even for |z| = 1000.

    >>> sigmoid(np.array([-1000.0, 0.0, 1000.0])).tolist()
    [0.0, 0.5, 1.0]
    """
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))  # always <= 1: no overflow
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def tanh(z):
    """Hyperbolic tangent, squashing into (-1, 1).

    >>> round(float(tanh(0.5)), 4)
    0.4621
    """
    return np.tanh(z)


def softplus(z):
    """Softplus ``log(1 + exp(z))``, a smooth ReLU; stable for large |z|.

    >>> softplus(np.array([-1000.0, 0.0, 1000.0])).round(4).tolist()
    [0.0, 0.6931, 1000.0]
    """
    z = np.asarray(z, dtype=float)
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


def softmax(z):
    """Softmax over the last axis: positive numbers that sum to 1 (class probabilities).

    Subtracting the maximum first changes nothing mathematically and avoids overflow.

    >>> softmax(np.array([[1000.0, 1000.0]])).tolist()
    [[0.5, 0.5]]
    """
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


# --------------------------------------------------------------------- objects
class Activation(ABC):
    """An activation function with its derivative.

    ``backward(z, grad_out)`` turns the gradient with respect to the output
    ``f(z)`` into the gradient with respect to ``z``: for an element-wise
    function that is ``grad_out * f'(z)``.
    """

    name = "activation"
    linear = False

    @abstractmethod
    def __call__(self, z):
        """The value ``f(z)``."""

    @abstractmethod
    def derivative(self, z):
        """The derivative ``f'(z)``, element-wise."""

    def backward(self, z, grad_out):
        return grad_out * self.derivative(z)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class Identity(Activation):
    """``f(z) = z``: no activation, the layer stays linear."""

    name, linear = "identity", True

    def __call__(self, z):
        return z

    def derivative(self, z):
        return np.ones_like(z)

    def backward(self, z, grad_out):
        return grad_out


class ReLU(Activation):
    """The function :func:`relu`, ``max(0, z)``, with its derivative: 1 for z > 0, else 0."""

    name = "relu"

    def __call__(self, z):
        return relu(z)

    def derivative(self, z):
        return (z > 0).astype(float)


class LeakyReLU(Activation):
    """``f(z) = z`` for z > 0, ``alpha z`` otherwise: never completely flat."""

    name = "leaky_relu"

    def __init__(self, alpha: float = 0.01):
        self.alpha = check_scalar(alpha, "alpha", minimum=0.0)

    def __call__(self, z):
        return leaky_relu(z, self.alpha)

    def derivative(self, z):
        return np.where(z > 0, 1.0, self.alpha)

    def __repr__(self) -> str:
        return f"LeakyReLU(alpha={self.alpha:g})"


class Sigmoid(Activation):
    """``f(z) = 1 / (1 + exp(-z))``; ``f'(z) = f(z) (1 - f(z))``."""

    name = "sigmoid"

    def __call__(self, z):
        return sigmoid(z)

    def derivative(self, z):
        s = sigmoid(z)
        return s * (1.0 - s)


class Tanh(Activation):
    """``f(z) = tanh(z)``; ``f'(z) = 1 - tanh(z)**2``."""

    name = "tanh"

    def __call__(self, z):
        return np.tanh(z)

    def derivative(self, z):
        return 1.0 - np.tanh(z) ** 2


class Softplus(Activation):
    """``f(z) = log(1 + exp(z))``; its derivative is the sigmoid."""

    name = "softplus"

    def __call__(self, z):
        return softplus(z)

    def derivative(self, z):
        return sigmoid(z)


class Softmax(Activation):
    """Softmax over the last axis; not element-wise, so ``backward`` uses the Jacobian.

    ``derivative`` returns the diagonal of the Jacobian, ``s (1 - s)``, which is
    what the gallery plots; ``backward`` applies the full Jacobian
    ``ds_i/dz_j = s_i (delta_ij - s_j)``.
    """

    name = "softmax"

    def __call__(self, z):
        return softmax(z)

    def derivative(self, z):
        s = softmax(z)
        return s * (1.0 - s)

    def backward(self, z, grad_out):
        s = softmax(z)
        return s * (grad_out - (grad_out * s).sum(axis=-1, keepdims=True))


ACTIVATIONS = {
    "identity": Identity(),
    "relu": ReLU(),
    "leaky_relu": LeakyReLU(),
    "sigmoid": Sigmoid(),
    "tanh": Tanh(),
    "softplus": Softplus(),
}
_ALIASES = {None: "identity", "linear": "identity", "none": "identity"}


def get_activation(activation) -> Activation:
    """Return an :class:`Activation` from a name, an instance or None (identity).

    >>> get_activation("tanh")
    Tanh()
    >>> get_activation(None).linear
    True
    """
    if isinstance(activation, Activation):
        return activation
    if isinstance(activation, type) and issubclass(activation, Activation):
        return activation()
    key = _ALIASES.get(activation.lower() if isinstance(activation, str) else activation, activation)
    if key == "softmax":
        return Softmax()
    check_option(key, "activation", (*ACTIVATIONS, "softmax", "linear", None))
    return ACTIVATIONS[key]
