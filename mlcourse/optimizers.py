"""Optimisers: how to change every ``W(n)`` and ``b(n)`` so that the loss decreases.

Plain gradient descent moves each parameter a small step against its
gradient, ``w <- w - learning_rate * dL/dw``. Momentum keeps a running
velocity so that steps build up along consistent directions; Adam scales each
parameter's step by a running estimate of its gradient's size.

An optimiser is given the model (anything with ``parameters()``) and on
every ``step()`` reads the current ``(value, gradient)`` pairs and updates the
values in place.

>>> from mlcourse.layers import Dense
>>> layer = Dense(1, 1, init="zeros")
>>> layer.dW[:] = 2.0
>>> SGD(layer, learning_rate=0.1).step()
>>> layer.W.tolist()
[[-0.2]]
"""

from __future__ import annotations

import numpy as np

from ._validation import check_scalar, describe

__all__ = ["Optimizer", "SGD", "Adam"]


class Optimizer:
    """Common part: the model, the learning rate and optional weight decay (L2)."""

    def __init__(self, model, learning_rate: float, weight_decay: float = 0.0):
        if not hasattr(model, "parameters"):
            raise TypeError(f"model must have a parameters() method (a layer or a Sequential), "
                            f"got {describe(model)}.")
        self.model = model
        self.learning_rate = check_scalar(learning_rate, "learning_rate", minimum=0.0,
                                          include_minimum=False)
        self.weight_decay = check_scalar(weight_decay, "weight_decay", minimum=0.0)
        self.state: list = []

    def _gradients(self):
        """``(value, gradient)`` pairs, with weight decay ``lambda * w`` added to the gradient."""
        for value, grad in self.model.parameters():
            if self.weight_decay:
                grad = grad + self.weight_decay * value
            yield value, grad

    def zero_grad(self) -> None:
        """The model's ``zero_grad``: call it before each ``backward`` (gradients accumulate)."""
        self.model.zero_grad()


class SGD(Optimizer):
    """Stochastic gradient descent, optionally with momentum.

    ``v <- momentum * v - learning_rate * g``, then ``w <- w + v``
    (momentum = 0 gives ``w <- w - learning_rate * g``).

    Parameters
    ----------
    model : object with ``parameters()``
    learning_rate : float > 0
    momentum : float in [0, 1)
    weight_decay : float >= 0
        Adds ``weight_decay * w`` to every gradient: L2 regularisation.
    """

    def __init__(self, model, learning_rate: float = 0.01, momentum: float = 0.0,
                 weight_decay: float = 0.0):
        super().__init__(model, learning_rate, weight_decay)
        self.momentum = check_scalar(momentum, "momentum", minimum=0.0, maximum=1.0,
                                     include_maximum=False)

    def step(self) -> None:
        for i, (value, grad) in enumerate(self._gradients()):
            if not self.momentum:
                value -= self.learning_rate * grad
                continue
            if i == len(self.state):
                self.state.append(np.zeros_like(value))
            velocity = self.state[i]
            velocity *= self.momentum
            velocity -= self.learning_rate * grad
            value += velocity

    def __repr__(self) -> str:
        return f"SGD(learning_rate={self.learning_rate:g}, momentum={self.momentum:g})"


class Adam(Optimizer):
    """Adam (Kingma & Ba 2015, arXiv:1412.6980).

    Running means of the gradient ``m`` and of its square ``v``, corrected for
    their start at zero, give a step ``learning_rate * m_hat / (sqrt(v_hat) + eps)``
    of about the same size for every parameter.

    Parameters
    ----------
    model : object with ``parameters()``
    learning_rate : float > 0, default 1e-3
    beta1, beta2 : float in [0, 1)
        Memory of the two running means.
    eps : float > 0
        Avoids a division by zero.
    weight_decay : float >= 0
        L2 regularisation added to the gradient.
    """

    def __init__(self, model, learning_rate: float = 1e-3, beta1: float = 0.9,
                 beta2: float = 0.999, eps: float = 1e-8, weight_decay: float = 0.0):
        super().__init__(model, learning_rate, weight_decay)
        self.beta1 = check_scalar(beta1, "beta1", minimum=0.0, maximum=1.0, include_maximum=False)
        self.beta2 = check_scalar(beta2, "beta2", minimum=0.0, maximum=1.0, include_maximum=False)
        self.eps = check_scalar(eps, "eps", minimum=0.0, include_minimum=False)
        self.t = 0

    def step(self) -> None:
        self.t += 1
        correction1 = 1.0 - self.beta1 ** self.t
        correction2 = 1.0 - self.beta2 ** self.t
        for i, (value, grad) in enumerate(self._gradients()):
            if i == len(self.state):
                self.state.append((np.zeros_like(value), np.zeros_like(value)))
            m, v = self.state[i]
            m *= self.beta1
            m += (1.0 - self.beta1) * grad
            v *= self.beta2
            v += (1.0 - self.beta2) * grad * grad
            value -= self.learning_rate * (m / correction1) / (np.sqrt(v / correction2) + self.eps)

    def __repr__(self) -> str:
        return f"Adam(learning_rate={self.learning_rate:g})"
