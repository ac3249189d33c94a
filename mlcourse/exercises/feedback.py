"""What an exercise check says: the verdict, and hints that come in steps.

A check returns a :class:`Feedback` (correct, not answered yet, or not quite,
with a hint), which the notebook displays. Hints come in steps, never the
answer first: an untouched exercise restates the task; the first wrong answer
gets hint 1 (what to think about), the second hint 2 (closer), and after that
the feedback points to the sample solution (:data:`SOLUTION_POINTER`), never to a
person a student working alone does not have. A wrong answer that matches a
known mistake (W transposed, a percentage for a fraction) gets that mistake's
own hint instead. A hint given as a sequence shows as numbered steps.

A feedback reads at a glance: its first line is the verdict and the reason, at
most :data:`FIRST_LINE` characters; then the failing case in brief; then the
hint. The long part (the full inputs of a failing case) comes on request: a
collapsed block in the notebook, ``feedback.details()`` in a terminal.

Number exercises (``w_best = ...``) are checked by :func:`check_value`, at the
precision the exercise asks for (``digits=3``, or ``pencil=True``), and in any
form that holds the right numbers (a float32, a 1-element array, a list, a row
for a vector).

>>> check_value(..., 2.0, name="w", task="Compute the w of y = w x that fits best.")
Not answered yet: Compute the w of y = w x that fits best. Replace the ... in `w` and run the cell again.
>>> check_value(2.0, 2.0, name="w")
Correct! w = 2
>>> check_value(200.0, 2.0, name="w", mistakes=[(200.0, "That looks like a percentage.")])
Not quite: w = 200, expected a different value.
Hint: That looks like a percentage.
>>> check_value(0.17, 0.1659, name="pga", digits=3)
Not quite: pga = 0.17 is right to 2 digits; give 3.
Hint: Give 3 significant digits (more are fine).
"""

from __future__ import annotations

import contextvars
import functools
import html
import math
from dataclasses import dataclass

import numpy as np

from .timelimit import TimeLimitExceeded

__all__ = ["Feedback", "exercise", "is_blank", "correct", "incorrect", "unanswered", "check_value",
           "reset_attempts", "current_exercise", "SOLUTION_POINTER", "FIRST_LINE", "conform",
           "numbers_agree", "agreeing_digits", "describe_form"]

_LOOK = {
    "correct": ("Correct!", "#e6f4ea", "#1e7d32"),
    "unanswered": ("Not answered yet:", "#f1f3f4", "#5f6368"),
    "incorrect": ("Not quite:", "#fdecea", "#b3261e"),
}

SOLUTION_POINTER = ("Compare with the sample solution: the collapsed cell below this exercise "
                    "(in a student copy: the 'Sample solution' block below it).")

FIRST_LINE = 200     # characters of the first line: the verdict and the reason
_BRIEF_LINES = 6     # lines of the case in brief, after the first line
_BRIEF_CHARS = 600   # characters of those lines together; the rest waits in details()
_DETAILS_NOTE = "The full inputs: fb = (this check call); print(fb.details())"


def _cut(text: str, width: int) -> tuple[str, str]:
    """``text`` as a head of at most ``width`` characters, cut after a sentence, a clause or a word,
    and the rest.

    >>> _cut("Case 1 of 2: the values differ; the first at index 3.", 40)
    ('Case 1 of 2: the values differ;', 'the first at index 3.')
    """
    if len(text) <= width:
        return text, ""
    window = text[:width + 1]
    for separator in (". ", "; ", ": ", ", ", " (", " "):
        at = window.rfind(separator, width // 3, width)
        if at > 0:
            cut = at + 1 if separator[0] in ".;:," else at
            return text[:cut].rstrip(), text[cut:].strip()
    return text[:width], text[width:]


@dataclass(frozen=True)
class Feedback:
    """The verdict of one exercise check.

    Attributes
    ----------
    status : {"correct", "incorrect", "unanswered"}
    message : str
        What was found. Its first line is the reason for the verdict; further
        lines hold the failing case in brief (the call, what came back).
    hint : str or sequence of str
        What to try next (empty when correct); a sequence shows as numbered steps.
    full : str
        The long part, shown on request (:meth:`details`): the full inputs of
        the failing case.

    ``bool(feedback)`` is True only when the answer is correct, so tests and
    notebooks can write ``assert check(...)``.

    >>> Feedback("incorrect", "Not yet.", ("Think of the units.", "Divide by 100."))
    Not quite: Not yet.
    Hint: (1) Think of the units. (2) Divide by 100.
    >>> fb = Feedback("incorrect", "Case 1 of 1: the values differ.\\nf(3) returned 1, expected 2", "", "x = 3")
    >>> print(fb.text())
    Not quite: Case 1 of 1: the values differ.
      f(3) returned 1, expected 2
    The full inputs: fb = (this check call); print(fb.details())
    >>> fb.details()
    'x = 3'
    """

    status: str
    message: str
    hint: object = ""
    full: str = ""

    def __bool__(self) -> bool:
        return self.status == "correct"

    def steps(self) -> list[str]:
        """The hint as a list of steps: one for a plain hint, none when there is no hint."""
        if isinstance(self.hint, (tuple, list)):
            return [str(step) for step in self.hint if step]
        return [str(self.hint)] if self.hint else []

    def _layout(self) -> tuple[str, list[str], str]:
        """The reason (cut so that the first line fits), the lines in brief, and what did not fit."""
        head = _LOOK[self.status][0]
        reason, *brief = str(self.message).split("\n")
        if self.status != "unanswered":   # a task is shown whole: the notebooks store those outputs
            reason, rest = _cut(reason, FIRST_LINE - len(head) - 1)
            brief = [rest, *brief] if rest else brief
        brief = [" ".join(line.split()) for line in brief if line.strip()]
        shown, used, dropped = [], 0, False
        for line in brief:
            if len(shown) == _BRIEF_LINES or used + len(line) > _BRIEF_CHARS:
                dropped = True
                break
            shown.append(line)
            used += len(line)
        overflow = str(self.message) if dropped else ""
        return reason, shown, overflow

    def details(self) -> str:
        """The long part: the full inputs of the failing case (and the whole message, if it was cut).

        >>> Feedback("incorrect", "No.", "", "X = [[1, 2], [3, 4]]").details()
        'X = [[1, 2], [3, 4]]'
        """
        overflow = self._layout()[2]
        return "\n\n".join(part for part in (overflow, self.full) if part)

    def headline(self) -> str:
        """The first line: the verdict and the reason, at most :data:`FIRST_LINE` characters
        (the task of a not-answered exercise is shown whole)."""
        return f"{_LOOK[self.status][0]} {self._layout()[0]}".strip()

    def text(self) -> str:
        """The feedback as text: the first line, the case in brief, the hint, a note on the details."""
        _, brief, overflow = self._layout()
        lines = [self.headline()] + [f"  {line}" for line in brief]
        steps = self.steps()
        if len(steps) > 1:
            lines.append("Hint: " + " ".join(f"({i}) {step}" for i, step in enumerate(steps, start=1)))
        elif steps:
            lines.append(f"Hint: {steps[0]}")
        if self.full or overflow:
            lines.append(_DETAILS_NOTE)
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        head, background, colour = _LOOK[self.status]
        reason, brief, overflow = self._layout()
        case = "".join(f'<br><span style="font-family:monospace">{html.escape(line)}</span>' for line in brief)
        steps = [html.escape(step) for step in self.steps()]
        if len(steps) > 1:
            hint = "<br><b>Hint:</b><ol style=\"margin:0\">" + "".join(f"<li>{s}</li>" for s in steps) + "</ol>"
        else:
            hint = f"<br><b>Hint:</b> {steps[0]}" if steps else ""
        more = self.details() if (self.full or overflow) else ""
        more = (f'<details><summary>The full inputs</summary><pre style="white-space:pre;overflow-x:auto;'
                f'margin:0">{html.escape(more)}</pre></details>') if more else ""
        return (
            f'<div style="background:{background};border-left:4px solid {colour};'
            f'padding:6px 10px;margin:4px 0;white-space:pre-wrap"><b style="color:{colour}">{head}</b> '
            f"{html.escape(reason)}{case}{hint}{more}</div>"
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


def incorrect(message: str, hint="", *, mistake: bool = False, details: str = "") -> Feedback:
    """Feedback for a wrong answer.

    Parameters
    ----------
    message : str
        The reason, in one line (at most :data:`FIRST_LINE` characters with the
        verdict; a longer one is cut after a clause and goes on below), then,
        on further lines, the failing case in brief.
    hint : str or tuple of str
        One mistake-specific hint (``mistake=True``: always shown) or the
        exercise's hints in steps, of which this attempt gets the next one.
    details : str
        The long part (full inputs, whole arrays), shown only on request.

    >>> incorrect("w is negative.", "A squared error cannot be negative.", mistake=True, details="w = -1")
    Not quite: w is negative.
    Hint: A squared error cannot be negative.
    The full inputs: fb = (this check call); print(fb.details())
    """
    return Feedback("incorrect", message, hint if mistake else next_hint(hint), details)


def unanswered(name: str, task: str = "") -> Feedback:
    """Feedback for an exercise whose placeholder is still there: the task, restated.

    A task too long for the first line comes after the instruction, on lines of its own.

    >>> unanswered("w", "Fit y = w x.")
    Not answered yet: Fit y = w x. Replace the ... in `w` and run the cell again.
    >>> print(unanswered("f", "Write f. " * 30).text().splitlines()[0])
    Not answered yet: Replace the ... in `f` and run the cell again. The task:
    """
    replace = f"Replace the ... in `{name}` and run the cell again."
    one_line = f"{task.strip()} {replace}" if task else replace
    if len(f"{_LOOK['unanswered'][0]} {one_line}") <= FIRST_LINE:
        return Feedback("unanswered", one_line)
    return Feedback("unanswered", f"{replace} The task:\n{task.strip()}")


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
# One path for every number a check compares: read it (as_numbers), bring it into the form wanted
# (conform), compare at the precision asked (numbers_agree). check_function's default comparison
# uses the same three.

def _format(value) -> str:
    arr = np.asarray(value)
    if arr.ndim == 0:
        return f"{float(arr):.4g}"
    return f"an array of shape {arr.shape}"


def _typed(value: float) -> str:
    """A number as the student typed it: 0.17, not 0.1700."""
    return f"{float(value):.12g}"


def describe_form(shape) -> str:
    """The form an answer of ``shape`` has, in words.

    >>> describe_form(()), describe_form((2,)), describe_form((3, 2))
    ('one number', 'an array of shape (2,)', 'an array of shape (3, 2)')
    """
    shape = tuple(shape)
    return "one number" if shape == () else f"an array of shape {shape}"


def conform(values: np.ndarray, shape) -> np.ndarray | None:
    """``values`` in the form ``shape``, where it holds the same numbers in another form; else None.

    The other forms accepted: a 0-d or 1-element array (or list) for one number;
    a (1, n) row or an (n, 1) column for an (n,) vector (a (2, 1) array for a
    pair); extra axes of length 1. A transposed matrix is not another form of
    it: W.T is not W.

    >>> conform(np.array([[1.0, 2.0, 3.0]]), (3,))
    array([1., 2., 3.])
    >>> conform(np.array([0.5]), ()).shape
    ()
    >>> conform(np.ones((3, 1)), (1, 3)) is None
    True
    """
    values, shape = np.asarray(values), tuple(shape)
    if values.shape == shape:
        return values
    if values.size != math.prod(shape):
        return None
    squeezed = tuple(n for n in values.shape if n != 1)
    if squeezed == shape or (len(shape) <= 1 and squeezed == tuple(n for n in shape if n != 1)):
        return values.reshape(shape)
    return None


def precision_rtol(answer, rtol: float) -> float:
    """The relative tolerance for ``answer``: ``rtol``, or wider for a float32 or float16 answer.

    A float32 carries about 7 significant digits: a threshold computed in
    float32 cannot agree with the float64 reference to 1e-9.

    >>> precision_rtol(np.float32(0.5), 1e-9) > 1e-7, precision_rtol(0.5, 1e-9)
    (True, 1e-09)
    """
    try:
        dtype = np.asarray(answer).dtype
    except Exception:  # noqa: BLE001 - an answer numpy cannot read keeps the tolerance asked
        return rtol
    if dtype.kind == "f" and dtype.itemsize < 8:
        return max(rtol, 8 * float(np.finfo(dtype).eps))
    return rtol


def _digit_tolerance(reference, digits: int) -> np.ndarray:
    """Half a unit in the last of ``digits`` significant digits of ``reference`` (a little more, so
    that a reference on a rounding boundary rounds either way)."""
    size = np.abs(np.asarray(reference, dtype=float))
    with np.errstate(divide="ignore", invalid="ignore"):
        exponent = np.floor(np.log10(np.where(size > 0, size, 1.0)))
    return np.where(size > 0, 0.5 * 10.0 ** (exponent - digits + 1) * (1 + 1e-3), 0.0)


def numbers_agree(got, expected, *, rtol: float = 1e-3, atol: float = 1e-8, digits: int | None = None,
                  equal_nan: bool = False) -> np.ndarray:
    """Entry by entry: does ``got`` agree with ``expected`` at the precision asked?

    With ``digits``, to that many significant digits of ``expected``
    (``|got - expected| <= 0.5 * 10**(floor(log10|expected|) - digits + 1)``);
    else as :func:`numpy.isclose` with ``rtol`` (wider for a float32 ``got``) and ``atol``.

    >>> bool(numbers_agree(0.166, 0.1659, digits=3)), bool(numbers_agree(0.17, 0.1659, digits=3))
    (True, False)
    >>> bool(numbers_agree(np.float32(1 / 3), 1 / 3, rtol=1e-9))
    True
    """
    rtol = precision_rtol(got, rtol)
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    if digits is None:
        return np.isclose(got, expected, rtol=rtol, atol=atol, equal_nan=equal_nan)
    with np.errstate(invalid="ignore"):
        close = np.abs(got - expected) <= _digit_tolerance(expected, digits) + rtol * np.abs(expected) + atol
    return close | (equal_nan & np.isnan(got) & np.isnan(expected))


def agreeing_digits(got, expected, *, atol: float = 1e-8, most: int = 15) -> int:
    """The number of significant digits to which ``got`` agrees with ``expected`` (0 to ``most``).

    >>> agreeing_digits(0.17, 0.1659), agreeing_digits(0.166, 0.1659), agreeing_digits(0.5, 0.1659)
    (2, 3, 0)
    """
    k = 0
    while k < most and np.all(numbers_agree(got, expected, rtol=0.0, atol=atol, digits=k + 1)):
        k += 1
    return k


def _typed_digits(values: np.ndarray) -> int:
    """The fewest significant digits among the numbers as typed: 0.17 has 2, 250 has 2, 0.1659 has 4."""
    counts = []
    for value in np.ravel(values):
        mantissa = _typed(value).lower().lstrip("-").split("e")[0]
        digits = mantissa.replace(".", "").lstrip("0")
        counts.append(len(digits.rstrip("0")) if "." not in mantissa else len(digits))
    return min(counts, default=0)


def as_numbers(answer, name: str, shape=None):
    """The answer as a float array, or the Feedback explaining why it is not one.

    ``shape``, when given, is the form the exercise asks for: the message names it.
    """
    wanted = "a number or an array of numbers" if shape is None else describe_form(shape)
    if isinstance(answer, (str, bytes)):
        try:
            float(answer)
            hint = f"Remove the quotes: {answer!s} is a number, {answer!r} is text."
        except (TypeError, ValueError):
            hint = "Assign a number (for example 0.25), not text in quotes."
        return incorrect(f"`{name}` should be {wanted}, got text {short(answer)}.", hint, mistake=True)
    if isinstance(answer, (dict, set)) or callable(answer):
        return incorrect(f"`{name}` should be {wanted}, got {type(answer).__name__} {short(answer)}.",
                         "Assign a number (for example 0.25), not text in quotes or a function.", mistake=True)
    if isinstance(answer, (bool, np.bool_)):
        return incorrect(f"`{name}` should be {wanted}, got {answer}.",
                         "True and False are answers to yes/no questions: compute the number.", mistake=True)
    try:
        arr = np.asarray(answer, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return incorrect(f"`{name}` should be {wanted}, got {type(answer).__name__} {short(answer)}.",
                         "Check what the cell assigns to the variable: lists of lists must be rectangular.",
                         mistake=True)
    if not np.all(np.isfinite(arr)):
        return incorrect(f"`{name}` contains NaN or infinity.", "Look for a division by zero or a log of 0.",
                         mistake=True)
    return arr


def short(value, width: int = 60) -> str:
    """``repr(value)`` on one line, shortened to ``width`` characters."""
    text = " ".join(repr(value).split())
    return text if len(text) <= width else text[: width - 3] + "..."


def check_value(answer, expected, *, name: str, digits: int | None = None, pencil: bool = False,
                whole: bool = False, rtol: float = 1e-3, atol: float = 1e-8, mistakes=(), unit: str = "",
                hint="", task: str = "", shape=None) -> Feedback:
    """Compare a numeric answer (scalar or array) with the reference value.

    Parameters
    ----------
    answer : number, array-like or ``...``
        What the student computed. Other forms of the same numbers pass: a
        float32, a 0-d or 1-element array or list for one number, a list for an
        array, a (1, n) row or (n, 1) column for an (n,) vector (see :func:`conform`).
    expected : number or array-like
        The reference, computed by mlcourse at check time.
    name : str
        The variable's name as the exercise cell spells it.
    digits : int, optional
        The significant digits the exercise asks for: the answer passes when it
        agrees with ``expected`` to that many (more digits are fine). An answer
        right to fewer is told "right to k digits; give N".
    pencil : bool
        A pencil-and-paper estimate: passes when right to 2 significant digits.
    whole : bool
        A count (samples, events): only the exact whole number passes; a number
        with a fraction is asked for a whole one, and one off gets the maths
        hints, never "give more digits".
    rtol, atol : float
        Tolerances, as in :func:`numpy.isclose`, when ``digits`` is not given
        (``rtol`` widens for a float32 answer).
    mistakes : sequence of (value, hint)
        Results of typical mistakes; an answer close to one of them gets its hint.
    unit : str
        Unit printed after the value (``"m"``, ``"%"``).
    hint : str or tuple of str
        The hints in steps for a wrong answer that matches no listed mistake.
    task : str
        The task restated when the exercise is not answered yet.
    shape : tuple, optional
        The exact shape the answer must have, where the shape is part of the
        exercise; no other form of the numbers is accepted then.

    Returns
    -------
    Feedback

    Examples
    --------
    >>> W = np.array([[1.0, 2.0, 3.0]])
    >>> check_value(W.T, W, name="W", mistakes=[(W.T, "W has shape (n_out, n_in).")])
    Not quite: W has shape (3, 1), expected shape (1, 3).
    Hint: W has shape (n_out, n_in).
    >>> check_value([[0.25]], 0.25, name="p")
    Correct! p = 0.25
    >>> check_value(0.23, 0.2308, name="iou", pencil=True)
    Correct! iou = 0.23
    >>> check_value(250.4, 250, name="n", whole=True).text().splitlines()[0]
    'Not quite: n = 250.4 is not a whole number.'
    """
    if is_blank(answer):
        return unanswered(name, task)
    expected = np.asarray(expected, dtype=float)
    wanted = expected.shape if shape is None else tuple(shape)
    arr = as_numbers(answer, name, wanted)
    if isinstance(arr, Feedback):
        return arr
    if pencil:
        digits = 2 if digits is None else min(digits, 2)
    rtol = precision_rtol(answer, rtol)
    unit = f" {unit}" if unit else ""

    def agree(values, reference):
        if whole:
            return bool(np.array_equal(values, reference))
        return bool(np.all(numbers_agree(values, reference, rtol=rtol, atol=atol, digits=digits)))

    got = (arr if arr.shape == wanted else None) if shape is not None else conform(arr, wanted)
    if got is not None and agree(got, np.broadcast_to(expected, wanted)):
        return correct(f"{name} = {_format(got)}{unit}" if got.ndim == 0 else f"{name} matches the reference.")
    for value, mistake_hint in mistakes:
        value = np.asarray(value, dtype=float)
        candidate = conform(arr, value.shape)
        if candidate is not None and (np.allclose(candidate, value, rtol=1e-9) if whole else agree(candidate, value)):
            return incorrect(_mismatch(name, arr if got is None else got, expected, unit, agree), mistake_hint,
                             mistake=True)
    if whole and got is not None and not np.all(np.isfinite(got) & (got == np.round(got))):
        return incorrect(f"{name} = {_typed(got) if got.ndim == 0 else _format(got)}{unit} is not a whole number.",
                         "The question counts something: give the whole number.", mistake=True)
    if got is None:
        return incorrect(_mismatch(name, arr, expected, unit, agree),
                         f"First the form: give {describe_form(wanted)}; then the numbers are compared.",
                         mistake=True)
    fewer = None if whole else _fewer_digits(name, got, expected, unit, digits, atol)   # a Feedback is falsy
    return fewer if fewer is not None else incorrect(_mismatch(name, got, expected, unit, agree), hint)


def _fewer_digits(name, got, expected, unit, digits, atol) -> Feedback | None:
    """The feedback for an answer right to fewer significant digits than asked, else None.

    Without ``digits`` (a check by tolerance), only a number that is the
    reference rounded to the digits it shows gets it: "give more digits",
    never a hint about the maths.
    """
    k = agreeing_digits(got, expected, atol=atol)
    typed = _typed_digits(got)
    shown = f"{name} = {_typed(got)}{unit}" if got.ndim == 0 else f"{name}"
    # A rounded copy (no more digits typed than agree), or only the last digit asked off (a rounding
    # made on the way); an answer that parts earlier comes from another computation: the maths hint.
    if digits is not None and 1 <= k < digits and (typed <= k or k == digits - 1):
        hint = (f"Give {digits} significant digits (more are fine)." if typed <= k else
                f"Digit {k + 1} is off: round only at the end, from unrounded values, or keep all the digits "
                "your code computes.")
        return incorrect(f"{shown} is right to {k} digit{'s' if k > 1 else ''}; give {digits}.", hint,
                         mistake=True)
    if digits is None and 2 <= k and typed <= k and typed < 12:
        return incorrect(f"{shown} is right to {k} digits; give more.",
                         "Assign the value your code computes rather than a rounded copy of it.", mistake=True)
    return None


def _mismatch(name: str, arr: np.ndarray, expected: np.ndarray, unit: str, agree=None) -> str:
    if arr.shape != expected.shape:
        if expected.ndim == 0:
            return f"{name} should be one number, got an array of shape {arr.shape}."
        return f"{name} has shape {arr.shape}, expected shape {expected.shape}."
    if arr.ndim == 0:
        return f"{name} = {_format(arr)}{unit}, expected a different value."
    off = ~np.array([agree(a, e) for a, e in zip(arr.ravel(), expected.ravel())]).reshape(arr.shape) \
        if agree is not None else ~np.isclose(arr, expected, rtol=1e-3, atol=1e-8)
    first = tuple(int(i) for i in np.argwhere(off)[0]) if off.any() else ()
    where = (f", the first at index {first[0] if len(first) == 1 else first} (yours {arr[first]:.4g})"
             if first else "")
    return f"{int(off.sum())} of the {arr.size} entries of {name} differ from the reference{where}."


def as_numbers_quiet(answer):
    """Like as_numbers, without counting a hint step."""
    token = _current.set("__quiet__")
    try:
        return as_numbers(answer, "answer")
    finally:
        _current.reset(token)
        reset_attempts("__quiet__")
