"""Automatic feedback for the course's exercises.

Every exercise in the notebooks ends with a check call. The check compares the
student's answer with a reference that ``mlcourse`` computes at that moment
(never a stored number) and returns a :class:`Feedback`, which the notebook
displays: correct, not answered yet, or not quite, with a hint that names the
usual mistake (bias forgotten, W transposed, percent instead of fraction...).

The checks of each day live in ``mlcourse.exercises.day1``, ``day2``, ... and
are built from the helpers here:

>>> check_value(..., 2.0, name="w")
Not answered yet: replace the ... in `w` with your answer and run the cell again.
>>> check_value(2.0, 2.0, name="w")
Correct! w = 2
>>> check_value(200.0, 2.0, name="w", mistakes=[(200.0, "That looks like a percentage.")])
Not quite: w = 200, expected a different value. Hint: That looks like a percentage.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np

__all__ = ["Feedback", "is_blank", "correct", "incorrect", "unanswered", "check_value"]

_LOOK = {
    "correct": ("Correct!", "#e6f4ea", "#1e7d32"),
    "unanswered": ("Not answered yet:", "#f1f3f4", "#5f6368"),
    "incorrect": ("Not quite:", "#fdecea", "#b3261e"),
}


@dataclass(frozen=True)
class Feedback:
    """The verdict of one exercise check.

    Attributes
    ----------
    status : {"correct", "incorrect", "unanswered"}
    message : str
        What was found.
    hint : str
        What to try next (empty when correct).

    ``bool(feedback)`` is True only when the answer is correct, so tests and
    notebooks can write ``assert check(...)``.
    """

    status: str
    message: str
    hint: str = ""

    def __bool__(self) -> bool:
        return self.status == "correct"

    def text(self) -> str:
        head = _LOOK[self.status][0]
        body = f"{head} {self.message}".strip()
        return f"{body} Hint: {self.hint}" if self.hint else body

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        head, background, colour = _LOOK[self.status]
        hint = f"<br><b>Hint:</b> {html.escape(self.hint)}" if self.hint else ""
        return (
            f'<div style="background:{background};border-left:4px solid {colour};'
            f'padding:6px 10px;margin:4px 0"><b style="color:{colour}">{head}</b> '
            f"{html.escape(self.message)}{hint}</div>"
        )


def is_blank(answer) -> bool:
    """True for the placeholder ``...`` (or None) a student has not replaced yet.

    >>> is_blank(...), is_blank(0.0)
    (True, False)
    """
    return answer is Ellipsis or answer is None


def correct(message: str) -> Feedback:
    """Feedback for a right answer."""
    return Feedback("correct", message)


def incorrect(message: str, hint: str = "") -> Feedback:
    """Feedback for a wrong answer, with a hint toward the fix."""
    return Feedback("incorrect", message, hint)


def unanswered(name: str, hint: str = "") -> Feedback:
    """Feedback for an exercise whose placeholder is still there."""
    return Feedback(
        "unanswered",
        f"replace the ... in `{name}` with your answer and run the cell again.",
        hint,
    )


def _format(value) -> str:
    arr = np.asarray(value)
    if arr.ndim == 0:
        return f"{float(arr):.4g}"
    return f"an array of shape {arr.shape}"


def _as_numbers(answer, name: str):
    """The answer as a float array, or the Feedback explaining why it is not one."""
    try:
        arr = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return incorrect(
            f"`{name}` should be a number or an array of numbers, got {type(answer).__name__}.",
            "Check what the cell assigns to the variable.",
        )
    if not np.all(np.isfinite(arr)):
        return incorrect(f"`{name}` contains NaN or infinity.", "Look for a division by zero or a log of 0.")
    return arr


def check_value(answer, expected, *, name: str, rtol: float = 1e-3, atol: float = 1e-8,
                mistakes=(), unit: str = "", hint: str = "") -> Feedback:
    """Compare a numeric answer (scalar or array) with the reference value.

    Parameters
    ----------
    answer : number, array-like or ``...``
        What the student computed.
    expected : number or array-like
        The reference, computed by mlcourse at check time.
    name : str
        The variable's name as the exercise cell spells it.
    rtol, atol : float
        Tolerances, as in :func:`numpy.allclose`.
    mistakes : sequence of (value, hint)
        Results of typical mistakes; an answer close to one of them gets its hint.
    unit : str
        Unit printed after the value (``"m"``, ``"%"``).
    hint : str
        The hint for a wrong answer that matches no listed mistake.

    Returns
    -------
    Feedback

    Examples
    --------
    >>> W = np.array([[1.0, 2.0, 3.0]])
    >>> check_value(W.T, W, name="W", mistakes=[(W.T, "W has shape (n_out, n_in).")])
    Not quite: W has shape (3, 1), expected shape (1, 3). Hint: W has shape (n_out, n_in).
    """
    if is_blank(answer):
        return unanswered(name, hint)
    arr = _as_numbers(answer, name)
    if isinstance(arr, Feedback):
        return arr
    expected = np.asarray(expected, dtype=float)
    unit = f" {unit}" if unit else ""
    if arr.shape == expected.shape and np.allclose(arr, expected, rtol=rtol, atol=atol):
        return correct(f"{name} = {_format(arr)}{unit}" if arr.ndim == 0 else f"{name} matches the reference.")
    for value, mistake_hint in mistakes:
        value = np.asarray(value, dtype=float)
        if arr.shape == value.shape and np.allclose(arr, value, rtol=rtol, atol=atol):
            return incorrect(_mismatch(name, arr, expected, unit), mistake_hint)
    return incorrect(_mismatch(name, arr, expected, unit), hint)


def _mismatch(name: str, arr: np.ndarray, expected: np.ndarray, unit: str) -> str:
    if arr.shape != expected.shape:
        return f"{name} has shape {arr.shape}, expected shape {expected.shape}."
    if arr.ndim == 0:
        return f"{name} = {_format(arr)}{unit}, expected a different value."
    n_off = int((~np.isclose(arr, expected, rtol=1e-3, atol=1e-8)).sum())
    return f"{n_off} of the {arr.size} entries of {name} differ from the reference."
