"""Loss functions ``L(y, y')``: how far the prediction ``y`` is from the truth ``y'``.

Argument order as on the slides (and in PyTorch): prediction first, ground
truth second. (The scores of :mod:`mlcourse.metrics` follow scikit-learn,
``(y_true, y_pred)``, under long names such as ``mean_squared_error``, so
that no name means two argument orders.) Every loss is the **mean** over samples (and outputs), so its
size does not depend on the batch size; the slides write binary
cross-entropy as a sum, which differs by the factor ``1/N`` only.

Each loss gives its value and its gradient ``dL/dy``, where back-propagation starts.

>>> round(mse([1.0, 2.0], [1.0, 4.0]), 3)
2.0
"""

from __future__ import annotations

import numpy as np

from ._validation import (check_array, check_binary_labels, check_class_labels,
                          check_option, check_probabilities, describe)
from .activations import sigmoid, softmax

__all__ = ["Loss", "MSE", "MAE", "BinaryCrossEntropy", "CrossEntropy", "get_loss",
           "mse", "mae", "binary_cross_entropy", "cross_entropy"]

EPS = 1e-12  # keeps log() finite for probabilities of exactly 0 or 1


def _as_2d(value, name):
    """Vectors become one-column arrays, so that every loss sees (n_samples, n_outputs)."""
    arr = np.asarray(value, dtype=float) if not isinstance(value, np.ndarray) else value
    return check_array(arr.reshape(-1, 1) if arr.ndim == 1 else arr, name)


class Loss:
    """A loss: ``loss(y_pred, y_true)`` is a number, ``loss.gradient(...)`` is ``dL/dy_pred``.

    Both check their inputs; ``check_input=False`` skips the check, as
    scikit-learn's, for a training loop that checked its data once (the
    arrays must then be 2-D, ``(n_samples, n_outputs)``, as :meth:`targets` gives).
    """

    name = "loss"

    def __call__(self, y_pred, y_true, check_input: bool = True) -> float:
        if check_input:
            y_pred, y_true = self._check(y_pred, y_true)
        return float(self._value(y_pred, y_true))

    def targets(self, y):
        """``y`` shaped as this loss compares it with a network's output: a vector becomes a column.

        >>> MSE().targets([1.0, 2.0]).shape
        (2, 1)
        """
        arr = np.asarray(y)
        return arr.reshape(-1, 1) if arr.ndim == 1 else arr

    def gradient(self, y_pred, y_true, check_input: bool = True):
        """``dL/dy_pred``, with the shape of ``y_pred``."""
        if not check_input:
            return self._gradient(y_pred, y_true)
        shape = np.shape(y_pred)
        y_pred, y_true = self._check(y_pred, y_true)
        return self._gradient(y_pred, y_true).reshape(shape)

    def _check(self, y_pred, y_true):
        y_pred, y_true = _as_2d(y_pred, "y_pred"), _as_2d(y_true, "y_true")
        if y_pred.shape != y_true.shape:
            raise ValueError(f"{type(self).__name__}: y_pred and y_true must have the same shape, "
                             f"got y_pred {describe(y_pred)} and y_true {describe(y_true)}.")
        return y_pred, y_true

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class MSE(Loss):
    """Mean-squared error ``L = 1/N sum_i (y_i - y'_i)^2``; gradient ``2 (y - y') / N``.

    >>> float(MSE()([[0.0], [2.0]], [[1.0], [1.0]]))
    1.0
    """

    name = "mse"

    def _value(self, y_pred, y_true):
        return np.mean((y_pred - y_true) ** 2)

    def _gradient(self, y_pred, y_true):
        return 2.0 * (y_pred - y_true) / y_pred.size


class MAE(Loss):
    """Mean absolute error ``L = 1/N sum_i |y_i - y'_i|``; gradient ``sign(y - y') / N``.

    >>> float(MAE()([0.0, 3.0], [1.0, 1.0]))
    1.5
    """

    name = "mae"

    def _value(self, y_pred, y_true):
        return np.mean(np.abs(y_pred - y_true))

    def _gradient(self, y_pred, y_true):
        return np.sign(y_pred - y_true) / y_pred.size


class BinaryCrossEntropy(Loss):
    """Binary cross-entropy ``L = -1/N sum_i [y'_i log y_i + (1 - y'_i) log(1 - y_i)]``.

    Parameters
    ----------
    from_logits : bool, default False
        False: ``y_pred`` are probabilities in [0, 1] (a sigmoid output); they are
        clipped to [1e-12, 1 - 1e-12] so that log(0) never happens.
        True: ``y_pred`` are raw scores ``z`` and the loss is computed from ``z``
        directly, ``max(z, 0) - z y' + log(1 + exp(-|z|))``, which is exact and
        stable for any ``z``; its gradient is simply ``(sigmoid(z) - y') / N``.

    Examples
    --------
    >>> round(float(BinaryCrossEntropy()([0.9, 0.2], [1, 0])), 4)
    0.1643
    >>> round(float(BinaryCrossEntropy(from_logits=True)([1000.0], [1])), 4)
    0.0
    """

    name = "binary_cross_entropy"

    def __init__(self, from_logits: bool = False):
        self.from_logits = bool(from_logits)

    def _check(self, y_pred, y_true):
        y_pred, y_true = super()._check(y_pred, y_true)
        check_binary_labels(y_true.ravel(), "y_true")
        if not self.from_logits:
            check_probabilities(y_pred.ravel(), "y_pred")
        return y_pred, y_true

    def _value(self, y_pred, y_true):
        if self.from_logits:
            z = y_pred
            return np.mean(np.maximum(z, 0) - z * y_true + np.log1p(np.exp(-np.abs(z))))
        p = np.clip(y_pred, EPS, 1 - EPS)
        return -np.mean(y_true * np.log(p) + (1 - y_true) * np.log(1 - p))

    def _gradient(self, y_pred, y_true):
        if self.from_logits:
            return (sigmoid(y_pred) - y_true) / y_pred.size
        p = np.clip(y_pred, EPS, 1 - EPS)
        return (p - y_true) / (p * (1 - p)) / y_pred.size

    def __repr__(self) -> str:
        return f"BinaryCrossEntropy(from_logits={self.from_logits})"


class CrossEntropy(Loss):
    """Categorical cross-entropy from logits: ``L = -1/N sum_n log softmax(z_n)[c_n]``.

    ``y_pred`` are raw scores of shape (n_samples, n_classes); ``y_true`` are
    class indices (n_samples,) or one-hot rows (n_samples, n_classes). The
    gradient is ``(softmax(z) - onehot) / N``.

    >>> round(float(CrossEntropy()([[2.0, 0.0, 0.0]], [0])), 4)
    0.2395
    """

    name = "cross_entropy"

    def targets(self, y):
        """Class labels stay labels (or one-hot rows stay rows): no reshaping."""
        return np.asarray(y)

    def _check(self, y_pred, y_true):
        z = check_array(y_pred, "y_pred")
        n_classes = z.shape[1]
        t = np.asarray(y_true)
        if t.ndim == 2 and t.shape[1] == n_classes and n_classes > 1:
            onehot = check_array(t, "y_true")
            if not (np.isin(onehot, (0.0, 1.0)).all() and np.all(onehot.sum(axis=1) == 1)):
                raise ValueError("y_true given as one-hot rows must hold a single 1 per row.")
        else:
            labels = check_class_labels(t, "y_true", n_classes=n_classes)
            onehot = np.eye(n_classes)[labels]
        if len(onehot) != len(z):
            raise ValueError(f"y_pred has {len(z)} samples but y_true has {len(onehot)}.")
        return z, onehot

    def __call__(self, y_pred, y_true, check_input: bool = True) -> float:
        """The loss; with ``check_input=False``, ``y_true`` must already be one-hot rows."""
        return float(self._value(*self._check(y_pred, y_true))) if check_input else float(self._value(y_pred, y_true))

    def gradient(self, y_pred, y_true, check_input: bool = True):
        return self._gradient(*self._check(y_pred, y_true)) if check_input else self._gradient(y_pred, y_true)

    def _value(self, z, onehot):
        shifted = z - z.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -np.mean((onehot * log_probs).sum(axis=1))

    def _gradient(self, z, onehot):
        return (softmax(z) - onehot) / len(z)


_LOSSES = {"mse": MSE, "mae": MAE, "bce": BinaryCrossEntropy,
           "binary_cross_entropy": BinaryCrossEntropy, "cross_entropy": CrossEntropy}


def get_loss(loss) -> Loss:
    """A :class:`Loss` from a name (``"mse"``, ``"mae"``, ``"bce"``, ``"cross_entropy"``) or instance.

    >>> get_loss("mse")
    MSE()
    """
    if isinstance(loss, Loss):
        return loss
    check_option(loss, "loss", tuple(_LOSSES))
    return _LOSSES[loss]()


def mse(y_pred, y_true) -> float:
    """Mean-squared error of a prediction, as a number (see :class:`MSE`).

    Prediction first, as in PyTorch; :func:`mlcourse.metrics.mean_squared_error`
    is the same number with scikit-learn's order ``(y_true, y_pred)``.
    """
    return MSE()(y_pred, y_true)


def mae(y_pred, y_true) -> float:
    """Mean absolute error of a prediction, as a number (see :class:`MAE`).

    Prediction first, as in PyTorch; :func:`mlcourse.metrics.mean_absolute_error`
    is the same number with scikit-learn's order ``(y_true, y_pred)``.
    """
    return MAE()(y_pred, y_true)


def binary_cross_entropy(y_pred, y_true, from_logits: bool = False) -> float:
    """Binary cross-entropy (mean over samples) of predicted probabilities.

    >>> round(binary_cross_entropy([0.5], [1]), 4)
    0.6931
    """
    return BinaryCrossEntropy(from_logits)(y_pred, y_true)


def cross_entropy(y_pred, y_true) -> float:
    """Categorical cross-entropy of logits against class labels (see :class:`CrossEntropy`)."""
    return CrossEntropy()(y_pred, y_true)
