"""What an exercise check says: the verdict, and hints that come in steps.

A check returns a :class:`Feedback` (correct, not answered yet, or not quite,
with a hint), which the notebook displays. Hints come in steps, never the
answer first: an untouched exercise restates the task; the first wrong answer
gets hint 1 (what to think about), the second hint 2 (closer), and after that
the feedback points to the sample solution (:data:`SOLUTION_POINTER`), never to a person a
student working alone does not have. A wrong answer that
matches a known mistake (W transposed, a percentage for a fraction) gets that
mistake's own hint instead. A hint given as a sequence shows as numbered steps.

Number exercises (``w_best = ...``) are checked by :func:`check_value`.

>>> check_value(..., 2.0, name="w", task="Compute the w of y = w x that fits best.")
Not answered yet: Compute the w of y = w x that fits best. Replace the ... in `w` and run the cell again.
>>> check_value(2.0, 2.0, name="w")
Correct! w = 2
>>> check_value(200.0, 2.0, name="w", mistakes=[(200.0, "That looks like a percentage.")])
Not quite: w = 200, expected a different value. Hint: That looks like a percentage.
"""

from __future__ import annotations

import contextvars
import functools
import html
from dataclasses import dataclass

import numpy as np

from .timelimit import TimeLimitExceeded

__all__ = ["Feedback", "exercise", "is_blank", "correct", "incorrect", "unanswered", "check_value",
           "reset_attempts", "current_exercise", "SOLUTION_POINTER"]

_LOOK = {
    "correct": ("Correct!", "#e6f4ea", "#1e7d32"),
    "unanswered": ("Not answered yet:", "#f1f3f4", "#5f6368"),
    "incorrect": ("Not quite:", "#fdecea", "#b3261e"),
}

SOLUTION_POINTER = ("Compare with the sample solution: the collapsed cell below this exercise "
                    "(in a student copy: the 'Sample solution' block below it).")


@dataclass(frozen=True)
class Feedback:
    """The verdict of one exercise check.

    Attributes
    ----------
    status : {"correct", "incorrect", "unanswered"}
    message : str
        What was found.
    hint : str or sequence of str
        What to try next (empty when correct); a sequence shows as numbered steps.

    ``bool(feedback)`` is True only when the answer is correct, so tests and
    notebooks can write ``assert check(...)``.

    >>> Feedback("incorrect", "Not yet.", ("Think of the units.", "Divide by 100."))
    Not quite: Not yet. Hint: (1) Think of the units. (2) Divide by 100.
    """

    status: str
    message: str
    hint: object = ""

    def __bool__(self) -> bool:
        return self.status == "correct"

    def steps(self) -> list[str]:
        """The hint as a list of steps: one for a plain hint, none when there is no hint."""
        if isinstance(self.hint, (tuple, list)):
            return [str(step) for step in self.hint if step]
        return [str(self.hint)] if self.hint else []

    def text(self) -> str:
        head = _LOOK[self.status][0]
        body = f"{head} {self.message}".strip()
        steps = self.steps()
        if len(steps) > 1:
            return f"{body} Hint: " + " ".join(f"({i}) {step}" for i, step in enumerate(steps, start=1))
        return f"{body} Hint: {steps[0]}" if steps else body

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        head, background, colour = _LOOK[self.status]
        steps = [html.escape(step) for step in self.steps()]
        if len(steps) > 1:
            hint = "<br><b>Hint:</b><ol style=\"margin:0\">" + "".join(f"<li>{s}</li>" for s in steps) + "</ol>"
        else:
            hint = f"<br><b>Hint:</b> {steps[0]}" if steps else ""
        return (
            f'<div style="background:{background};border-left:4px solid {colour};'
            f'padding:6px 10px;margin:4px 0;white-space:pre-wrap"><b style="color:{colour}">{head}</b> '
            f"{html.escape(self.message)}{hint}</div>"
        )


# ---- hints in steps -----------------------------------------------------------------------------
# Wrong attempts per exercise, counted while the kernel runs: the first wrong answer gets hint 1,
# the second hint 2, later ones the pointer to the solution. A correct answer resets the count.
_attempts: dict[str, int] = {}
_current = contextvars.ContextVar("current_exercise", default="")


def reset_attempts(key: str | None = None) -> None:
    """Forget the wrong attempts of one exercise (``key``) or of all of them."""
    if key is None:
        _attempts.clear()
    else:
        _attempts.pop(key, None)


def current_exercise() -> str:
    """The key (``"day1.gradient_descent_function"``) of the check now running, or ''."""
    return _current.get()


def next_hint(hints) -> str:
    """The hint for this wrong attempt: hint 1, then hint 2, ..., then the solution pointer."""
    if isinstance(hints, str):
        hints = (hints,) if hints else ()
    key = _current.get()
    step = _attempts.get(key, 0)
    _attempts[key] = step + 1
    return hints[step] if step < len(hints) else SOLUTION_POINTER


def is_blank(answer) -> bool:
    """True for the placeholder ``...`` (or None) a student has not replaced yet.

    >>> is_blank(...), is_blank(0.0)
    (True, False)
    """
    return answer is Ellipsis or answer is None


def correct(message: str) -> Feedback:
    """Feedback for a right answer (and a fresh start for the hints of this exercise)."""
    reset_attempts(_current.get())
    return Feedback("correct", message)


def incorrect(message: str, hint="", *, mistake: bool = False) -> Feedback:
    """Feedback for a wrong answer.

    ``hint`` is either one mistake-specific hint (``mistake=True``: always shown)
    or the exercise's hints in steps (a string or a tuple), of which this attempt
    gets the next one.
    """
    return Feedback("incorrect", message, hint if mistake else next_hint(hint))


def unanswered(name: str, task: str = "") -> Feedback:
    """Feedback for an exercise whose placeholder is still there: the task, restated."""
    task = f"{task.strip()} " if task else ""
    return Feedback("unanswered", f"{task}Replace the ... in `{name}` and run the cell again.")


def exercise(check):
    """Make ``check`` an exercise check: its hints step per exercise, and it never raises.

    Any exception inside the check (a student's answer of a type nobody
    foresaw) becomes a "Not quite" feedback that says what the check expected.

    >>> @exercise
    ... def half(answer):
    ...     return check_value(answer, 0.5, name="half")
    >>> half({"a": 1}).status
    'incorrect'
    """
    key = f"{check.__module__.rsplit('.', 1)[-1]}.{check.__name__}"

    @functools.wraps(check)
    def wrapped(*args, **kwargs):
        token = _current.set(key)
        try:
            return check(*args, **kwargs)
        except TimeLimitExceeded:  # student code the check called outside check_function ran out of time
            return Feedback("incorrect", "Your function did not finish in time.",
                            "Look for a loop that never ends: does the loop variable change on every pass?")
        except Exception as error:  # noqa: BLE001 - a check must answer, whatever it is given
            return Feedback("incorrect", f"This answer could not be checked ({type(error).__name__}: "
                                         f"{error}).", next_hint(
                                             "Check the type of what the cell assigns: a number, an "
                                             "array, a tuple or a function, as the exercise asks."))
        finally:
            _current.reset(token)

    return wrapped


# ---- number exercises ---------------------------------------------------------------------------

def _format(value) -> str:
    arr = np.asarray(value)
    if arr.ndim == 0:
        return f"{float(arr):.4g}"
    return f"an array of shape {arr.shape}"


def as_numbers(answer, name: str):
    """The answer as a float array, or the Feedback explaining why it is not one."""
    if isinstance(answer, (str, bytes, dict, set)) or callable(answer):
        return incorrect(f"`{name}` should be a number or an array of numbers, got "
                         f"{type(answer).__name__} {short(answer)}.",
                         "Assign a number (for example 0.25), not text in quotes or a function.", mistake=True)
    if isinstance(answer, (bool, np.bool_)):
        return incorrect(f"`{name}` should be a number, got {answer}.",
                         "True and False are answers to yes/no questions: compute the number.", mistake=True)
    try:
        arr = np.asarray(answer, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return incorrect(f"`{name}` should be a number or an array of numbers, got "
                         f"{type(answer).__name__} {short(answer)}.",
                         "Check what the cell assigns to the variable: lists of lists must be rectangular.",
                         mistake=True)
    if not np.all(np.isfinite(arr)):
        return incorrect(f"`{name}` contains NaN or infinity.", "Look for a division by zero or a log of 0.",
                         mistake=True)
    return arr


def short(value, width: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def check_value(answer, expected, *, name: str, rtol: float = 1e-3, atol: float = 1e-8,
                mistakes=(), unit: str = "", hint="", task: str = "") -> Feedback:
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
    hint : str or tuple of str
        The hints in steps for a wrong answer that matches no listed mistake.
    task : str
        The task restated when the exercise is not answered yet.

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
        return unanswered(name, task)
    arr = as_numbers(answer, name)
    if isinstance(arr, Feedback):
        return arr
    expected = np.asarray(expected, dtype=float)
    unit = f" {unit}" if unit else ""
    if arr.shape == expected.shape and np.allclose(arr, expected, rtol=rtol, atol=atol):
        return correct(f"{name} = {_format(arr)}{unit}" if arr.ndim == 0 else f"{name} matches the reference.")
    for value, mistake_hint in mistakes:
        value = np.asarray(value, dtype=float)
        if arr.shape == value.shape and np.allclose(arr, value, rtol=rtol, atol=atol):
            return incorrect(_mismatch(name, arr, expected, unit), mistake_hint, mistake=True)
    return incorrect(_mismatch(name, arr, expected, unit), hint)


def _mismatch(name: str, arr: np.ndarray, expected: np.ndarray, unit: str) -> str:
    if arr.shape != expected.shape:
        return f"{name} has shape {arr.shape}, expected shape {expected.shape}."
    if arr.ndim == 0:
        return f"{name} = {_format(arr)}{unit}, expected a different value."
    n_off = int((~np.isclose(arr, expected, rtol=1e-3, atol=1e-8)).sum())
    return f"{n_off} of the {arr.size} entries of {name} differ from the reference."


def as_numbers_quiet(answer):
    """Like _as_numbers, without counting a hint step."""
    token = _current.set("__quiet__")
    try:
        return as_numbers(answer, "answer")
    finally:
        _current.reset(token)
        reset_attempts("__quiet__")
