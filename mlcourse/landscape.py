"""The loss landscape: the loss as a function of the weights, seen along a line or a plane.

A network has thousands of weights, so its loss lives in thousands of
dimensions. Li et al. (2018), "Visualizing the loss landscape of neural
nets" (NeurIPS, arXiv:1712.09913), look at it along random directions
``d`` from the trained weights ``theta``: ``L(theta + alpha d)`` (a curve)
or ``L(theta + alpha d1 + beta d2)`` (a contour map). Their trick,
*filter normalisation*, scales each neuron's part of ``d`` to the size of
that neuron's weights, so that plots of different networks are comparable.

>>> from mlcourse.layers import Dense
>>> from mlcourse.network import Sequential
>>> net = Sequential(Dense(1, 1, rng=0))
>>> X = np.array([[1.0], [2.0]]); y = X[:, 0]
>>> loss_slice_1d(net, "mse", X, y, alphas=[0.0], rng=0).shape
(1,)
"""

from __future__ import annotations

import numpy as np

from ._validation import check_rng, check_vector
from .losses import get_loss

__all__ = ["random_direction", "loss_slice_1d", "loss_slice_2d"]


def random_direction(model, rng=None) -> list:
    """A Gaussian random direction in weight space, filter-normalised.

    For a weight matrix each row (the incoming weights of one neuron) is
    rescaled to the norm of the same row of the trained weights; biases and
    other one-dimensional parameters get a zero direction, as in Li et al.

    >>> from mlcourse.layers import Dense
    >>> layer = Dense(3, 2, rng=0)
    >>> d = random_direction(layer, rng=1)
    >>> bool(np.allclose(np.linalg.norm(d[0], axis=1), np.linalg.norm(layer.W, axis=1)))
    True
    """
    rng = check_rng(rng)
    direction = []
    for value, _ in model.parameters():
        if value.ndim < 2:
            direction.append(np.zeros_like(value))
            continue
        d = rng.normal(size=value.shape)
        axes = tuple(range(1, value.ndim))  # one "filter" per output unit
        scale = np.linalg.norm(value, axis=axes, keepdims=True) / \
            np.maximum(np.linalg.norm(d, axis=axes, keepdims=True), 1e-12)
        direction.append(d * scale)
    return direction


def _losses_along(model, loss, X, y, offsets):
    """Loss at theta + offset for each offset (a list of per-parameter arrays); theta restored."""
    loss = get_loss(loss)
    X = model.layers[0].check_input(X) if hasattr(model, "layers") else X
    y = loss.targets(y)
    theta = [value.copy() for value, _ in model.parameters()]
    out = []
    try:
        for offset in offsets:
            for (value, _), start, step in zip(model.parameters(), theta, offset):
                value[...] = start + step
            out.append(loss(model.forward(X), y))
    finally:
        for (value, _), start in zip(model.parameters(), theta):
            value[...] = start
    return np.array(out)


def loss_slice_1d(model, loss, X, y, alphas, direction=None, rng=None) -> np.ndarray:
    """``L(theta + alpha d)`` for each ``alpha``; the model's weights are left as they were.

    Parameters
    ----------
    model : Sequential
        A (trained) network.
    loss : str or Loss
    X, y : arrays
        The data the loss is measured on.
    alphas : array-like
        Step sizes along the direction (0 is the trained point).
    direction : list of arrays, optional
        From :func:`random_direction`; drawn with ``rng`` when omitted.
    rng : numpy.random.Generator or int

    Returns
    -------
    ndarray of shape (len(alphas),)
    """
    alphas = check_vector(alphas, "alphas")
    d = random_direction(model, rng) if direction is None else direction
    return _losses_along(model, loss, X, y, ([a * di for di in d] for a in alphas))


def loss_slice_2d(model, loss, X, y, alphas, betas, directions=None, rng=None) -> np.ndarray:
    """``L(theta + alpha d1 + beta d2)`` on a grid; rows follow ``betas``, columns ``alphas``.

    Returns
    -------
    ndarray of shape (len(betas), len(alphas))
    """
    alphas, betas = check_vector(alphas, "alphas"), check_vector(betas, "betas")
    rng = check_rng(rng)
    d1, d2 = directions if directions is not None else (random_direction(model, rng),
                                                        random_direction(model, rng))
    offsets = ([a * u + b * v for u, v in zip(d1, d2)] for b in betas for a in alphas)
    return _losses_along(model, loss, X, y, offsets).reshape(len(betas), len(alphas))
