"""Centred finite differences, the reference every analytic gradient is checked against."""

import numpy as np


def numerical_gradient(f, x, h=1e-6):
    """d f / d x by centred differences, perturbing ``x`` in place one entry at a time."""
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


def relative_error(a, b):
    """``|a - b| / (|a| + |b|)`` over the whole array (entries near zero do not blow it up)."""
    return float(np.linalg.norm(a - b) / max(1e-12, np.linalg.norm(a) + np.linalg.norm(b)))
