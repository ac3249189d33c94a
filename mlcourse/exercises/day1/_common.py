"""What the Day 1 checks share: number answers judged at the digits the exercise asks for.

:func:`check_number` hands the answer to :func:`~mlcourse.exercises.check_value` with the
exercise's ``digits`` (or ``pencil``), so that the framework judges the precision and reads
the answer's form (a 1-element array for a number, a ``(1, n)`` row for a vector). One thing
it adds: a slip whose result lies within the asked digits of the right value (the slope of a
line with an intercept, against the slope through the origin) cannot be told apart at those
digits, so it is recognised only when the answer is that slip's value to full precision.
"""

from __future__ import annotations

import inspect

import numpy as np

from .. import Feedback, check_function, check_value, incorrect, is_blank

PENCIL_DIGITS = 2
"""A pencil-and-paper answer is accepted to this many significant digits (the framework's rule)."""


def half_unit(expected, digits: int) -> np.ndarray:
    """Half a unit in the last of ``digits`` significant digits of ``expected``, entry by entry."""
    e = np.abs(np.asarray(expected, dtype=float))
    with np.errstate(divide="ignore"):
        exponent = np.floor(np.log10(np.where(e > 0, e, 1.0)))
    return 0.5 * 10.0 ** (exponent - digits + 1)


def agrees(value, expected, digits: int) -> bool:
    """True when ``value`` equals ``expected`` to ``digits`` significant digits (same shape)."""
    value, expected = np.asarray(value, dtype=float), np.asarray(expected, dtype=float)
    if value.shape != expected.shape:
        return False
    return bool(np.all(np.abs(value - expected) <= 1.001 * half_unit(expected, digits)))


def _numbers(answer):
    """The answer as a float array, or None when it is not numbers."""
    if isinstance(answer, (str, bytes, dict, set, bool, np.bool_)) or callable(answer) or is_blank(answer):
        return None
    try:
        arr = np.asarray(answer, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return None
    return arr if np.all(np.isfinite(arr)) else None


def check_number(answer, expected, *, name: str, digits: int | None = None, pencil: bool = False,
                 mistakes=(), **kwargs) -> Feedback:
    """``check_value`` at the exercise's precision, with slips that land within it recognised exactly.

    ``mistakes`` are ``(value, hint)`` pairs as for ``check_value``. Those whose value agrees
    with ``expected`` at the asked precision are taken out of the list given to
    ``check_value`` (there they could only confuse a right, rounded answer) and recognised
    here instead, when the answer is the slip's value to nine digits and not the right one.
    """
    precision = PENCIL_DIGITS if pencil else digits
    near, far = [], []
    for value, hint in mistakes:
        (near if precision and agrees(value, expected, precision) else far).append((value, hint))
    arr = _numbers(answer)
    if near and arr is not None:
        exact = np.asarray(expected, dtype=float)
        for value, hint in near:
            value = np.asarray(value, dtype=float)
            if arr.size == value.size and np.allclose(arr.ravel(), value.ravel(), rtol=1e-9, atol=1e-12) \
                    and not np.allclose(arr.ravel(), exact.ravel(), rtol=1e-9, atol=1e-12):
                shown = f"{float(arr.ravel()[0]):.6g}" if arr.size == 1 else f"this array of shape {arr.shape}"
                return incorrect(f"{name} = {shown} comes from a different method: close to the right value, "
                                 "but not it.", hint, mistake=True)
    return value_check(answer, expected, name=name, digits=digits, pencil=pencil, mistakes=far, **kwargs)


def _accepts(function, keyword: str) -> bool:
    return keyword in inspect.signature(inspect.unwrap(function)).parameters


def value_check(answer, expected, *, name: str, digits: int | None = None, pencil: bool = False, **kwargs):
    """``check_value`` with ``digits``/``pencil``; on a framework without them, the same tolerance as ``atol``."""
    if _accepts(check_value, "digits"):
        return check_value(answer, expected, name=name, digits=digits, pencil=pencil, **kwargs)
    precision = PENCIL_DIGITS if pencil else digits
    if precision:
        kwargs.update(rtol=0.0, atol=1.001 * half_unit(expected, precision))
    return check_value(answer, expected, name=name, **kwargs)


def function_check(function, reference, cases, *, shortcuts=(), **kwargs):
    """``check_function`` with ``shortcuts``, left out on a framework that has no tripwires yet."""
    if _accepts(check_function, "shortcuts"):
        kwargs["shortcuts"] = tuple(shortcuts)
    return check_function(function, reference, cases, **kwargs)
