"""Layers of neurons: ``y_i = f(W_ij x_j + b_i)`` for a whole batch at once.

A layer does two things. ``forward(X)`` computes its output and remembers
what it will need later; ``backward(dY)`` receives the gradient of the loss
with respect to that output and returns the gradient with respect to its
input, adding on the way the gradients of its own parameters to ``dW`` and
``db``. Chaining the ``backward`` calls from the last layer to the first is
back-propagation.

Gradients accumulate, as in PyTorch: ``backward`` adds into the existing
``dW``/``db`` arrays (in place, so a list from ``parameters()`` taken once
stays valid) and ``zero_grad()`` sets them back to zero. A training step is
therefore ``zero_grad``, ``forward``, ``backward``, ``step``.

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
from .activations import get_activation

__all__ = ["Layer", "Dense", "Conv1D", "MaxPool1D", "Flatten", "ActivationLayer", "INITIALISATIONS"]


class Layer:
    """Base class: ``forward`` / ``backward`` with input checks around the arithmetic.

    Subclasses implement ``_forward`` and ``_backward`` (the arithmetic, no
    checks) and, when they have parameters, ``parameters()``.
    """

    linear = False

    def __init__(self):
        self._cache = None

    def forward(self, X, check_input: bool = True):
        """Output of the layer for a batch ``X``; remembers what ``backward`` needs.

        ``check_input=False`` skips the input check, as scikit-learn's: a
        ``Sequential`` checks the input once for the whole network.
        """
        return self._forward(self.check_input(X) if check_input else X)

    def backward(self, dY, check_input: bool = True):
        """Gradient w.r.t. the input, from the gradient ``dY`` w.r.t. the output.

        The parameter gradients of this call are *added* to ``dW``/``db``;
        call ``zero_grad()`` first to start from zero. ``check_input=False``
        skips the check of ``dY``'s shape.
        """
        if check_input:
            expected = self.output_shape
            if expected is None:
                raise RuntimeError(f"{self!r}: call forward before backward (nothing is cached yet).")
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

    @property
    def output_shape(self):
        """Shape of the last output of ``forward`` (None before the first call)."""
        return None if self._cache is None else self._cache[-1].shape

    def parameters(self) -> list:
        """``(value, gradient)`` pairs; ``backward`` and the optimizers change both in place."""
        return []

    @property
    def n_params(self) -> int:
        return sum(p.size for p, _ in self.parameters())

    def zero_grad(self) -> None:
        """Set every parameter gradient to zero, in place (``backward`` adds to them)."""
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


class _Weighted(Layer):
    """What Dense and Conv1D share: weights ``W``, biases ``b``, an activation, their gradients."""

    def _init_weights(self, fan_in: int, n_out: int, shape, activation, init, rng) -> None:
        self.activation = get_activation(activation)
        check_option(init, "init", ("auto", *INITIALISATIONS))
        if init == "auto":  # He for the ReLU family, Xavier/Glorot for the rest
            init = "he" if self.activation.name in ("relu", "leaky_relu") else "xavier"
        self.init = init
        self.W = INITIALISATIONS[init](check_rng(rng), fan_in, n_out).reshape(shape)
        self.b = np.zeros(n_out)
        self.dW = np.zeros_like(self.W)
        self.db = np.zeros_like(self.b)

    @property
    def linear(self) -> bool:
        return self.activation.linear

    def parameters(self) -> list:
        return [(self.W, self.dW), (self.b, self.db)]

    def _activation_suffix(self) -> str:
        return "" if self.linear else f", {self.activation.name}"


class Dense(_Weighted):
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
    dW, db : ndarrays of the same shapes
        Gradients: ``backward`` adds to them, ``zero_grad`` resets them.

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
        self._init_weights(self.n_in, self.n_out, (self.n_out, self.n_in), activation, init, rng)

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
        self.dW += dZ.T @ X        # in place: a parameters() list taken earlier sees it
        self.db += dZ.sum(axis=0)
        return dZ @ self.W

    def __repr__(self) -> str:
        return f"Dense({self.n_in} -> {self.n_out}{self._activation_suffix()})"


class ActivationLayer(Layer):
    """An activation as a layer of its own: ``Y = f(X)``, any input shape.

    The layer wraps the function: ``ActivationLayer("relu")`` applies
    :func:`mlcourse.activations.relu` and back-propagates with its derivative
    (the :class:`mlcourse.activations.ReLU` object). PyTorch's ``nn.ReLU()`` is
    this layer; ``Dense(..., activation="relu")`` builds the same step into the
    Dense layer.

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


# ------------------------------------------------------------------ convolution (Day 2)
class Conv1D(_Weighted):
    """A 1-D convolution: learned filters slid along a signal.

    ``Y[n, f, t] = f(b_f + sum_c sum_k W[f, c, k] X[n, c, t * stride + k])`` for
    inputs of shape (n_samples, in_channels, length), e.g. three-component
    seismograms. An FIR filter (a moving average, say) is such a sum with fixed
    weights; a convolutional network learns its weights from the data. Strictly
    this is a cross-correlation (the kernel is not flipped), which deep-learning
    libraries call convolution.

    Parameters
    ----------
    in_channels, out_channels : int
        Channels of the input (1 for a vertical seismogram) and number of filters.
    kernel_size : int
        Length of each filter, in samples.
    stride : int, default 1
        Step between two positions of the filter.
    padding : int or "same", default 0
        Zeros added at both ends; "same" keeps the length (stride 1, odd kernel).
    activation : str or None
    init : {"auto", "he", "xavier", "normal", "zeros"}
    rng : numpy.random.Generator or int

    Examples
    --------
    >>> conv = Conv1D(1, 4, kernel_size=5, rng=0)
    >>> conv.forward(np.zeros((2, 1, 100))).shape
    (2, 4, 96)
    """

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int, stride: int = 1,
                 padding=0, activation=None, init: str = "auto", rng=None):
        super().__init__()
        self.in_channels = check_scalar(in_channels, "in_channels", kind=numbers.Integral, minimum=1)
        self.out_channels = check_scalar(out_channels, "out_channels", kind=numbers.Integral, minimum=1)
        self.kernel_size = check_scalar(kernel_size, "kernel_size", kind=numbers.Integral, minimum=1)
        self.stride = check_scalar(stride, "stride", kind=numbers.Integral, minimum=1)
        if padding == "same":
            if self.stride != 1 or self.kernel_size % 2 == 0:
                raise ValueError("padding='same' needs stride=1 and an odd kernel_size, got "
                                 f"stride={self.stride}, kernel_size={self.kernel_size}.")
            padding = (self.kernel_size - 1) // 2
        self.padding = check_scalar(padding, "padding", kind=numbers.Integral, minimum=0)
        self._init_weights(self.in_channels * self.kernel_size, self.out_channels,
                           (self.out_channels, self.in_channels, self.kernel_size), activation, init, rng)

    def check_input(self, X):
        X = check_array(X, "X", ndim=3, n_features=self.in_channels, feature_axis=1, context=repr(self))
        if X.shape[2] + 2 * self.padding < self.kernel_size:
            raise ValueError(f"{self!r}: the kernel ({self.kernel_size} samples) is longer than the "
                             f"signal ({X.shape[2]} samples, padding {self.padding}).")
        return X

    def _columns(self, X):
        """All windows the filters see, as rows: shape (n * n_out, in_channels * kernel_size)."""
        Xp = np.pad(X, ((0, 0), (0, 0), (self.padding, self.padding))) if self.padding else X
        windows = np.lib.stride_tricks.sliding_window_view(Xp, self.kernel_size, axis=2)
        windows = windows[:, :, ::self.stride, :]                 # (n, C, L_out, K)
        n, _, n_out, _ = windows.shape
        return windows.transpose(0, 2, 1, 3).reshape(n * n_out, -1), n_out, Xp.shape

    def _forward(self, X):
        cols, n_out, padded_shape = self._columns(X)
        Z = (cols @ self.W.reshape(self.out_channels, -1).T + self.b)
        Z = Z.reshape(len(X), n_out, self.out_channels).transpose(0, 2, 1)
        Y = self.activation(Z)
        self._cache = (padded_shape, cols, Z, Y)
        return Y

    def _backward(self, dY):
        padded_shape, cols, Z, _ = self._cache
        n, _, n_out = Z.shape
        dZ = self.activation.backward(Z, dY).transpose(0, 2, 1).reshape(n * n_out, self.out_channels)
        self.dW += (dZ.T @ cols).reshape(self.W.shape)
        self.db += dZ.sum(axis=0)
        dcols = (dZ @ self.W.reshape(self.out_channels, -1)).reshape(n, n_out, self.in_channels,
                                                                     self.kernel_size)
        dXp = np.zeros(padded_shape)
        end = self.stride * (n_out - 1) + 1
        for k in range(self.kernel_size):  # each filter tap adds its share back to the input
            dXp[:, :, k:k + end:self.stride] += dcols[:, :, :, k].transpose(0, 2, 1)
        return dXp[:, :, self.padding:padded_shape[2] - self.padding]

    def __repr__(self) -> str:
        return (f"Conv1D({self.in_channels} -> {self.out_channels}, kernel {self.kernel_size}"
                f"{self._activation_suffix()})")


class MaxPool1D(Layer):
    """Keep the largest value of each block of ``size`` samples: shorter, and tolerant to shifts.

    >>> MaxPool1D(2).forward(np.array([[[1.0, 3.0, 2.0, 0.0]]])).tolist()
    [[[3.0, 2.0]]]
    """

    def __init__(self, size: int = 2):
        super().__init__()
        self.size = check_scalar(size, "size", kind=numbers.Integral, minimum=1)

    def check_input(self, X):
        X = check_array(X, "X", ndim=3, context=repr(self))
        if X.shape[2] < self.size:
            raise ValueError(f"{self!r} needs signals of at least {self.size} samples, got {X.shape[2]}.")
        return X

    def _forward(self, X):
        n, c, length = X.shape
        n_out = length // self.size
        blocks = X[:, :, :n_out * self.size].reshape(n, c, n_out, self.size)
        winner = blocks.argmax(axis=3)
        Y = np.take_along_axis(blocks, winner[..., None], axis=3)[..., 0]
        self._cache = (X.shape, winner, Y)
        return Y

    def _backward(self, dY):
        shape, winner, _ = self._cache
        n, c, n_out = dY.shape
        blocks = np.zeros((n, c, n_out, self.size))
        np.put_along_axis(blocks, winner[..., None], dY[..., None], axis=3)
        dX = np.zeros(shape)
        dX[:, :, :n_out * self.size] = blocks.reshape(n, c, -1)
        return dX

    def __repr__(self) -> str:
        return f"MaxPool1D({self.size})"


class Flatten(Layer):
    """(n_samples, channels, length) -> (n_samples, channels * length), for a Dense layer after convolutions.

    >>> Flatten().forward(np.zeros((2, 3, 4))).shape
    (2, 12)
    """

    def check_input(self, X):
        return check_array(X, "X", ndim=max(np.ndim(X), 2), context=repr(self))

    def _forward(self, X):
        Y = X.reshape(len(X), -1)
        self._cache = (X.shape, Y)
        return Y

    def _backward(self, dY):
        return dY.reshape(self._cache[0])

    def __repr__(self) -> str:
        return "Flatten()"
