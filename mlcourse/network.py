"""A neural network: layers applied one after the other.

``x(1) = f(W(1) x(0) + b(1))``, ``x(2) = f(W(2) x(1) + b(2))``, ... up to the
output ``y``. Training needs the gradients of the loss with respect to every
``W(n)`` and ``b(n)``; ``backward`` gets them by walking the layers in reverse.

>>> from mlcourse.layers import Dense
>>> net = Sequential(Dense(2, 4, "tanh", rng=0), Dense(4, 1))
>>> net.predict(np.zeros((3, 2))).shape
(3, 1)
"""

from __future__ import annotations

import numpy as np

from ._validation import check_array, describe
from .layers import Dense, Layer

__all__ = ["Sequential", "collapse_linear", "numerical_gradient"]


class Sequential:
    """Layers applied in order: ``y = layer_n(... layer_2(layer_1(x)))``.

    Parameters
    ----------
    *layers : Layer
        The layers, first to last (a single list is accepted too).

    Examples
    --------
    >>> from mlcourse.layers import Dense
    >>> Sequential(Dense(5, 8, "relu", rng=1), Dense(8, 3))
    Sequential(
      (0) Dense(5 -> 8, relu)      48 parameters
      (1) Dense(8 -> 3)            27 parameters
    total: 75 parameters
    )
    """

    def __init__(self, *layers):
        if len(layers) == 1 and isinstance(layers[0], (list, tuple)):
            layers = tuple(layers[0])
        if not layers:
            raise ValueError("Sequential needs at least one layer, got none.")
        for i, layer in enumerate(layers):
            if not isinstance(layer, Layer):
                raise TypeError(f"layer {i} must be an mlcourse Layer (Dense, Conv1D, ActivationLayer, ...), "
                                f"got {describe(layer)}.")
        self.layers = list(layers)

    def forward(self, X, check_input: bool = True):
        """Output ``y`` for a batch ``X``; every layer keeps what ``backward`` needs.

        The input is checked once, by the first layer; ``check_input=False``
        skips that too (``fit`` checks the data once, before the first epoch).
        """
        if check_input:
            X = self.layers[0].check_input(X)
        for layer in self.layers:
            X = layer.forward(X, check_input=False)
        return X

    __call__ = forward

    def predict(self, X):
        """The network's prediction for ``X`` (same as ``forward``)."""
        return self.forward(X)

    def backward(self, dY, check_input: bool = True):
        """Back-propagate ``dY = dL/dy`` through all layers; returns ``dL/dx(0)``.

        Every layer's parameter gradients (``dW``, ``db``) are added to, in place;
        call ``zero_grad()`` before to start from zero. ``check_input=False``
        skips the check of ``dY``'s shape.
        """
        if check_input:
            expected = self.layers[-1].output_shape
            if expected is None:
                raise RuntimeError("Call forward before backward: the network has no stored activations.")
            dY = check_array(dY, "dY", ndim=len(expected))
            if dY.shape != expected:
                raise ValueError(f"backward expects dY of shape {expected} (the shape of the last "
                                 f"output), got {describe(dY)}.")
        for layer in reversed(self.layers):
            dY = layer.backward(dY, check_input=False)
        return dY

    def parameters(self) -> list:
        """All ``(value, gradient)`` pairs of all layers, first layer first."""
        return [pair for layer in self.layers for pair in layer.parameters()]

    def zero_grad(self) -> None:
        """Reset the gradients of every layer to zero, in place."""
        for layer in self.layers:
            layer.zero_grad()

    @property
    def n_params(self) -> int:
        return sum(layer.n_params for layer in self.layers)

    def get_weights(self) -> list:
        """Copies of all parameter values (to restore them later with ``set_weights``)."""
        return [value.copy() for value, _ in self.parameters()]

    def set_weights(self, weights) -> None:
        """Overwrite all parameter values in place with ``weights`` from ``get_weights``."""
        params = self.parameters()
        if len(weights) != len(params):
            raise ValueError(f"weights must hold {len(params)} arrays, got {len(weights)}.")
        for (value, _), new in zip(params, weights):
            value[...] = new

    def __repr__(self) -> str:
        rows = [f"  ({i}) {layer!r:<22}" + (f" {layer.n_params:>4} parameters" if layer.n_params else "")
                for i, layer in enumerate(self.layers)]
        return "Sequential(\n" + "\n".join(r.rstrip() for r in rows) + \
            f"\ntotal: {self.n_params} parameters\n)"


def collapse_linear(model):
    """The single layer ``y = W* x + b*`` that a stack of linear layers amounts to.

    ``x(2) = W(2) (W(1) x(0) + b(1)) + b(2) = W* x(0) + b*`` with
    ``W* = W(2) W(1)`` and ``b* = W(2) b(1) + b(2)``; for n layers the same step
    is repeated. This is the answer to the slides' quiz: without activations,
    more layers add nothing.

    Parameters
    ----------
    model : Sequential or list of Dense
        Linear layers only.

    Returns
    -------
    W_star : ndarray of shape (n_out, n_in)
    b_star : ndarray of shape (n_out,)

    Examples
    --------
    >>> l1, l2 = Dense(3, 4, rng=0), Dense(4, 2, rng=1)
    >>> W, b = collapse_linear([l1, l2])
    >>> x = np.ones((1, 3))
    >>> bool(np.allclose(Sequential(l1, l2).forward(x), x @ W.T + b))
    True
    """
    layers = model.layers if isinstance(model, Sequential) else list(model)
    for i, layer in enumerate(layers):
        if not isinstance(layer, Dense):
            raise ValueError(f"collapse_linear works on Dense layers only; layer {i} is {layer!r}.")
        if not layer.linear:
            raise ValueError(f"layer {i} ({layer!r}) has the non-linear activation "
                             f"'{layer.activation.name}': non-linear layers do not collapse into one.")
    W_star, b_star = layers[0].W.copy(), layers[0].b.copy()
    for i, layer in enumerate(layers[1:], start=1):
        if layer.n_in != W_star.shape[0]:
            raise ValueError(f"layer {i} ({layer!r}) expects {layer.n_in} inputs, but the "
                             f"previous layer gives {W_star.shape[0]}.")
        W_star, b_star = layer.W @ W_star, layer.W @ b_star + layer.b
    return W_star, b_star


def numerical_gradient(f, x, h: float = 1e-6):
    """``df/dx`` by centred finite differences: the check of every back-propagated gradient.

    ``f()`` takes no argument and reads ``x``, which is perturbed in place one
    entry at a time, ``(f(x + h) - f(x - h)) / 2h``, and restored.

    >>> w = np.array([3.0])
    >>> numerical_gradient(lambda: float(w[0] ** 2), w).round(6).tolist()
    [6.0]
    """
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = f()
        x[i] = old - h
        down = f()
        x[i] = old
        grad[i] = (up - down) / (2 * h)
    return grad
