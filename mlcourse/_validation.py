"""The one place where mlcourse checks its inputs.

Every public function of the package passes what it receives through these
helpers, so that a student who passes the wrong thing reads an error that
names the argument, says what was expected and what arrived, and suggests a
fix: never a raw numpy traceback from deep inside the code, never a NaN that
travels on quietly.

>>> check_array([[1.0, 2.0]], "X").shape
(1, 2)
>>> check_array([1.0, 2.0], "X")
Traceback (most recent call last):
...
ValueError: X must be a 2-D array of shape (n_samples, n_features), got 1-D array of shape (2,). Use X.reshape(-1, 1) for a single feature or X.reshape(1, -1) for a single sample.
"""

from __future__ import annotations

import numbers

import numpy as np

__all__ = [
    "check_array",
    "check_vector",
    "check_consistent_length",
    "check_binary_labels",
    "check_class_labels",
    "check_probabilities",
    "check_scalar",
    "check_option",
    "check_rng",
    "describe",
]


def describe(value) -> str:
    """A short description of what was received, for error messages.

    >>> describe(np.zeros((3, 2)))
    'array of shape (3, 2)'
    >>> describe(3)
    'int 3'
    """
    if isinstance(value, np.ndarray):
        return f"array of shape {value.shape}"
    if isinstance(value, (list, tuple)):
        return f"{type(value).__name__} of length {len(value)}"
    if isinstance(value, (numbers.Number, str)) or value is None:
        return f"{type(value).__name__} {value!r}"
    return type(value).__name__


def _as_float_array(value, name: str) -> np.ndarray:
    """Convert to a float64 array, or say why that is impossible."""
    if isinstance(value, str):
        raise TypeError(f"{name} must be numeric array-like, got str {value!r}.")
    try:
        arr = np.asarray(value)
    except ValueError as err:  # ragged nested lists
        raise ValueError(
            f"{name} must be a rectangular numeric array; the rows have different lengths ({err})."
        ) from None
    if arr.dtype == object or not (
        np.issubdtype(arr.dtype, np.number) or np.issubdtype(arr.dtype, np.bool_)
    ):
        raise TypeError(
            f"{name} must contain numbers, got {describe(arr)} with dtype {arr.dtype}. "
            "Convert text columns to numbers first (for example with pandas.to_numeric)."
        )
    if np.iscomplexobj(arr):
        raise TypeError(f"{name} must be real-valued, got complex dtype {arr.dtype}.")
    return arr.astype(np.float64, copy=False)


def _check_finite(arr: np.ndarray, name: str) -> None:
    if not np.all(np.isfinite(arr)):
        n_nan = int(np.isnan(arr).sum())
        n_inf = int(np.isinf(arr).sum())
        raise ValueError(
            f"{name} contains {n_nan} NaN and {n_inf} infinite value(s) in {describe(arr)}. "
            "Remove or impute missing values before passing the data."
        )


def check_array(
    value,
    name: str,
    *,
    ndim: int = 2,
    n_features: int | None = None,
    feature_axis: int = 1,
    allow_empty: bool = False,
    finite: bool = True,
    context: str | None = None,
) -> np.ndarray:
    """Return ``value`` as a float64 array with ``ndim`` dimensions, or raise.

    Parameters
    ----------
    value : array-like
        What the caller received.
    name : str
        The argument's name, used in the message (``"X"``, ``"y_true"``...).
    ndim : int, default 2
        Required number of dimensions: 2 for ``(n_samples, n_features)``,
        3 for ``(n_samples, channels, length)``.
    n_features : int, optional
        Required size of axis ``feature_axis``.
    feature_axis : int, default 1
        Which axis ``n_features`` refers to.
    allow_empty : bool, default False
        Whether zero samples are acceptable.
    finite : bool, default True
        Reject NaN and infinity.
    context : str, optional
        Who is asking, e.g. ``"Dense(5 -> 3)"``; starts the feature-count message.

    Returns
    -------
    numpy.ndarray
        A float64 array (no copy when the input already is one).

    Examples
    --------
    >>> check_array([[1, 2, 3]], "X", n_features=3).dtype
    dtype('float64')
    >>> check_array([[1, 2]], "X", n_features=3, context="Dense(3 -> 1)")
    Traceback (most recent call last):
    ...
    ValueError: Dense(3 -> 1) expects X with 3 features, got array of shape (1, 2).
    """
    arr = _as_float_array(value, name)
    if arr.ndim != ndim:
        shapes = {
            1: "(n_samples,)",
            2: "(n_samples, n_features)",
            3: "(n_samples, n_channels, n_times)",
        }
        hint = ""
        if ndim == 2 and arr.ndim == 1:
            hint = (
                f" Use {name}.reshape(-1, 1) for a single feature or "
                f"{name}.reshape(1, -1) for a single sample."
            )
        elif ndim == 2 and arr.ndim == 0:
            hint = f" Wrap a single number as [[{name}]]."
        raise ValueError(
            f"{name} must be a {ndim}-D array of shape {shapes.get(ndim, '')}, "
            f"got {arr.ndim}-D array of shape {arr.shape}.{hint}".replace("shape ,", "")
        )
    if not allow_empty and arr.size == 0:
        raise ValueError(f"{name} is empty ({describe(arr)}); at least one sample is needed.")
    if n_features is not None and arr.shape[feature_axis] != n_features:
        who = context or "this function"
        what = "features" if feature_axis == 1 and ndim == 2 else f"entries along axis {feature_axis}"
        raise ValueError(f"{who} expects {name} with {n_features} {what}, got {describe(arr)}.")
    if finite:
        _check_finite(arr, name)
    return arr


def check_vector(value, name: str, *, allow_empty: bool = False, finite: bool = True) -> np.ndarray:
    """Return ``value`` as a 1-D float64 array; a column ``(n, 1)`` is flattened.

    >>> check_vector([[1], [2]], "y").shape
    (2,)
    """
    arr = _as_float_array(value, name)
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]
    if arr.ndim != 1:
        raise ValueError(
            f"{name} must be a 1-D array of shape (n_samples,), got {describe(arr)}."
        )
    if not allow_empty and arr.size == 0:
        raise ValueError(f"{name} is empty ({describe(arr)}); at least one sample is needed.")
    if finite:
        _check_finite(arr, name)
    return arr


def check_labels(value, name: str) -> np.ndarray:
    """Return ``value`` as a 1-D array of class labels: numbers, strings or other hashable values.

    Unlike :func:`check_vector` the labels keep their type ("quake", "blast"
    stay strings), as in scikit-learn; a column ``(n, 1)`` is flattened.

    >>> check_labels(["quake", "blast"], "y_true").tolist()
    ['quake', 'blast']
    """
    if isinstance(value, str):
        raise TypeError(f"{name} must be an array of labels, got str {value!r}.")
    arr = np.asarray(value)
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of labels of shape (n_samples,), got {describe(arr)}.")
    if arr.size == 0:
        raise ValueError(f"{name} is empty ({describe(arr)}); at least one sample is needed.")
    if np.issubdtype(arr.dtype, np.number) or np.issubdtype(arr.dtype, np.bool_):
        check_vector(arr, name)  # numbers: real and finite
    elif arr.dtype == object and any(v is None or (isinstance(v, float) and v != v) for v in arr):
        raise ValueError(f"{name} contains missing labels (None or NaN); remove them first.")
    return arr


def check_consistent_length(**arrays) -> int:
    """Check that all arrays have the same number of samples (first axis).

    >>> check_consistent_length(X=np.zeros((3, 2)), y=np.zeros(3))
    3
    """
    lengths = {name: len(arr) for name, arr in arrays.items()}
    if len(set(lengths.values())) > 1:
        listing = ", ".join(f"{name} has {n}" for name, n in lengths.items())
        raise ValueError(f"Arguments must have the same number of samples: {listing}.")
    return next(iter(lengths.values()))


def check_binary_labels(value, name: str) -> np.ndarray:
    """Return binary labels as a float64 vector of zeros and ones, or raise.

    >>> check_binary_labels([0, 1, 1], "y_true")
    array([0., 1., 1.])
    """
    arr = check_vector(value, name)
    bad = ~np.isin(arr, (0.0, 1.0))
    if bad.any():
        examples = ", ".join(f"{v:g}" for v in np.unique(arr[bad])[:5])
        raise ValueError(
            f"{name} must contain only the labels 0 and 1, got also: {examples}. "
            "Encode the positive class as 1 and the negative class as 0."
        )
    return arr


def check_class_labels(value, name: str, n_classes: int | None = None) -> np.ndarray:
    """Return integer class labels ``0 .. n_classes-1`` as an int64 vector, or raise.

    >>> check_class_labels([0, 2, 1], "y_true", n_classes=3)
    array([0, 2, 1])
    """
    arr = check_vector(value, name)
    if np.any(arr != np.round(arr)) or np.any(arr < 0):
        raise ValueError(
            f"{name} must hold class indices 0, 1, 2, ... (whole numbers >= 0), "
            f"got values such as {arr[(arr != np.round(arr)) | (arr < 0)][0]:g}."
        )
    labels = arr.astype(np.int64)
    if n_classes is not None and labels.max() >= n_classes:
        raise ValueError(
            f"{name} holds class index {labels.max()}, but there are only {n_classes} "
            f"classes (indices 0 to {n_classes - 1})."
        )
    return labels


def check_probabilities(value, name: str, *, ndim: int = 1) -> np.ndarray:
    """Return probabilities as float64, or raise if any lies outside [0, 1].

    >>> check_probabilities([0.2, 1.0], "y_pred")
    array([0.2, 1. ])
    """
    arr = check_vector(value, name) if ndim == 1 else check_array(value, name, ndim=ndim)
    outside = (arr < 0) | (arr > 1)
    if outside.any():
        raise ValueError(
            f"{name} must hold probabilities in [0, 1], got {int(outside.sum())} value(s) "
            f"outside, e.g. {arr[outside].flat[0]:g}. If these are raw scores (logits), "
            "apply a sigmoid first or use the from_logits option."
        )
    return arr


def check_scalar(
    value,
    name: str,
    *,
    kind: type | tuple = numbers.Real,
    minimum: float | None = None,
    maximum: float | None = None,
    include_minimum: bool = True,
    include_maximum: bool = True,
):
    """Check a hyper-parameter's type and range and return it.

    Parameters
    ----------
    value : object
        The hyper-parameter.
    name : str
        Its name, for the message.
    kind : type or tuple of types, default numbers.Real
        ``numbers.Integral`` for counts such as ``batch_size``.
    minimum, maximum : float, optional
        Allowed range; ``include_*`` say whether the bounds themselves are allowed.

    Examples
    --------
    >>> check_scalar(0.1, "learning_rate", minimum=0, include_minimum=False)
    0.1
    >>> check_scalar(0, "batch_size", kind=numbers.Integral, minimum=1)
    Traceback (most recent call last):
    ...
    ValueError: batch_size must be >= 1, got 0.
    """
    if isinstance(value, bool) or not isinstance(value, kind) or (
        isinstance(value, numbers.Real) and not np.isfinite(value)
    ):
        wanted = "a whole number" if kind is numbers.Integral else "a finite real number"
        raise TypeError(f"{name} must be {wanted}, got {describe(value)}.")
    if minimum is not None:
        if value < minimum or (value == minimum and not include_minimum):
            sign = ">=" if include_minimum else ">"
            raise ValueError(f"{name} must be {sign} {minimum:g}, got {value!r}.")
    if maximum is not None:
        if value > maximum or (value == maximum and not include_maximum):
            sign = "<=" if include_maximum else "<"
            raise ValueError(f"{name} must be {sign} {maximum:g}, got {value!r}.")
    return value


def check_option(value, name: str, options) -> object:
    """Check that ``value`` is one of ``options`` and return it.

    >>> check_option("gini", "criterion", ("gini", "entropy"))
    'gini'
    """
    if value not in options:
        listing = ", ".join(repr(o) for o in options)
        raise ValueError(f"{name} must be one of {listing}, got {value!r}.")
    return value


def check_rng(rng, name: str = "rng") -> np.random.Generator:
    """Return a ``numpy.random.Generator`` from a Generator, an int seed or None.

    None gives a fresh, unseeded generator; pass ``np.random.default_rng(42)``
    (or 42) for results that repeat. ``name`` is the argument as the user
    passed it (``"random_state"`` for the estimators), for the error message.

    >>> int(check_rng(42).integers(10))
    0
    """
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is None or (isinstance(rng, numbers.Integral) and not isinstance(rng, bool)):
        return np.random.default_rng(rng)
    raise TypeError(
        f"{name} must be a numpy.random.Generator, an int seed or None, got {describe(rng)}. "
        f"Pass a seed such as {name}=42, or a generator np.random.default_rng(42)."
    )
