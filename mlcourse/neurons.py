"""A single neuron, as on the slides.

Single input: ``y = w x``. Multi input: ``y = sum_i w_i x_i + b``, with the
``weights`` ``w_i`` and the ``bias`` ``b``; an optional activation ``f`` makes
it ``y = f(sum_i w_i x_i + b)``.

>>> Neuron(weights=[0.5, -1.0], bias=2.0)([4.0, 1.0])
3.0
"""

from __future__ import annotations

import numpy as np

from ._validation import check_array, check_scalar, check_vector
from .activations import get_activation

__all__ = ["single_input_neuron", "Neuron"]


def single_input_neuron(x, w: float):
    """``y = w x`` for every value in ``x``.

    >>> single_input_neuron([1.0, 2.0], 3.0).tolist()
    [3.0, 6.0]
    """
    return check_scalar(w, "w") * check_vector(x, "x")


class Neuron:
    """``y = f(sum_i w_i x_i + b)``.

    Parameters
    ----------
    weights : array-like of shape (n_inputs,)
        One weight per input.
    bias : float, default 0.0
        Shifts the output, whatever the inputs.
    activation : str, Activation or None
        ``f``; None keeps the neuron linear.

    Examples
    --------
    >>> n = Neuron([1.0, 1.0], bias=-1.0, activation="relu")
    >>> n([[0.2, 0.3], [2.0, 1.0]]).tolist()
    [0.0, 2.0]
    """

    def __init__(self, weights, bias: float = 0.0, activation=None):
        self.weights = check_vector(weights, "weights")
        self.bias = float(check_scalar(bias, "bias"))
        self.activation = get_activation(activation)

    @property
    def n_inputs(self) -> int:
        return self.weights.size

    def __call__(self, x):
        """One sample ``(n_inputs,)`` gives a float; a batch ``(n, n_inputs)`` a vector."""
        single = np.ndim(x) == 1
        X = check_array(np.atleast_2d(x), "x", n_features=self.n_inputs,
                        context=f"Neuron with {self.n_inputs} weights")
        y = self.activation(X @ self.weights + self.bias)
        return float(y[0]) if single else y

    def __repr__(self) -> str:
        w = ", ".join(f"{v:g}" for v in self.weights)
        act = "" if self.activation.linear else f", activation={self.activation.name!r}"
        return f"Neuron(weights=[{w}], bias={self.bias:g}{act})"
