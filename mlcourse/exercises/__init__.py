"""Automatic feedback for the course's exercises.

Every exercise in the notebooks ends with a check call. The check compares the
student's answer with a reference that ``mlcourse`` computes at that moment
(never a stored number) and returns a :class:`Feedback`, which the notebook
displays: correct, not answered yet, or not quite, with a hint.

Two kinds of exercise use the same feedback:

- **number exercises** (``w_best = ...``), checked by :func:`check_value`;
- **function exercises** (``def gini(labels): ...``), checked by
  :func:`check_function`, which calls the student's function on fresh cases
  (edge cases included) and reports the first one that differs from the
  reference: its input, what was expected and what came back.

Hints come in steps, never the answer first. An untouched exercise restates
the task; the first wrong answer gets hint 1 (what to think about), the second
hint 2 (closer), and after that the feedback points to the collapsed solution
cell. A wrong answer that matches a known mistake (W transposed, a percentage
for a fraction) gets that mistake's own hint instead.

Each public check of ``mlcourse.exercises.day1``, ``day2``, ... is wrapped in
:func:`exercise`, so that whatever a student types (a string, None, a dict, a
function that raises) comes back as feedback, never as a traceback.

>>> check_value(..., 2.0, name="w", task="Compute the w of y = w x that fits best.")
Not answered yet: Compute the w of y = w x that fits best. Replace the ... in `w` and run the cell again.
>>> check_value(2.0, 2.0, name="w")
Correct! w = 2
>>> check_value(200.0, 2.0, name="w", mistakes=[(200.0, "That looks like a percentage.")])
Not quite: w = 200, expected a different value. Hint: That looks like a percentage.
"""

from __future__ import annotations

import ast
import contextlib
import contextvars
import copy
import functools
import html
import inspect
import re
import signal
import sys
import textwrap
import threading
import time
import traceback
import weakref
from dataclasses import dataclass

import numpy as np

__all__ = ["Feedback", "exercise", "is_blank", "correct", "incorrect", "unanswered", "check_value",
           "check_function", "Case", "use", "reset_attempts", "SOLUTION_POINTER"]

_LOOK = {
    "correct": ("Correct!", "#e6f4ea", "#1e7d32"),
    "unanswered": ("Not answered yet:", "#f1f3f4", "#5f6368"),
    "incorrect": ("Not quite:", "#fdecea", "#b3261e"),
}

SOLUTION_POINTER = ("Time to compare with the solution: it is the collapsed cell below this exercise "
                    "in the course's notebook (click the '...' to reveal it); in a student copy, ask "
                    "your instructor or open that notebook.")


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


def _next_hint(hints) -> str:
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
    return Feedback("incorrect", message, hint if mistake else _next_hint(hint))


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
        except Exception as error:  # noqa: BLE001 - a check must answer, whatever it is given
            return Feedback("incorrect", f"This answer could not be checked ({type(error).__name__}: "
                                         f"{error}).", _next_hint(
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


def _as_numbers(answer, name: str):
    """The answer as a float array, or the Feedback explaining why it is not one."""
    if isinstance(answer, (str, bytes, dict, set)) or callable(answer):
        return incorrect(f"`{name}` should be a number or an array of numbers, got "
                         f"{type(answer).__name__} {_short(answer)}.",
                         "Assign a number (for example 0.25), not text in quotes or a function.", mistake=True)
    if isinstance(answer, (bool, np.bool_)):
        return incorrect(f"`{name}` should be a number, got {answer}.",
                         "True and False are answers to yes/no questions: compute the number.", mistake=True)
    try:
        arr = np.asarray(answer, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return incorrect(f"`{name}` should be a number or an array of numbers, got "
                         f"{type(answer).__name__} {_short(answer)}.",
                         "Check what the cell assigns to the variable: lists of lists must be rectangular.",
                         mistake=True)
    if not np.all(np.isfinite(arr)):
        return incorrect(f"`{name}` contains NaN or infinity.", "Look for a division by zero or a log of 0.",
                         mistake=True)
    return arr


def _short(value, width: int = 60) -> str:
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
            return incorrect(_mismatch(name, arr, expected, unit), mistake_hint, mistake=True)
    return incorrect(_mismatch(name, arr, expected, unit), hint)


def _mismatch(name: str, arr: np.ndarray, expected: np.ndarray, unit: str) -> str:
    if arr.shape != expected.shape:
        return f"{name} has shape {arr.shape}, expected shape {expected.shape}."
    if arr.ndim == 0:
        return f"{name} = {_format(arr)}{unit}, expected a different value."
    n_off = int((~np.isclose(arr, expected, rtol=1e-3, atol=1e-8)).sum())
    return f"{n_off} of the {arr.size} entries of {name} differ from the reference."


# ---- function exercises -------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    """One call of a function exercise: the arguments and a few words on what it tests.

    >>> Case(([1, 1, 2],), "two classes")
    Case(args=([1, 1, 2],), label='two classes', kwargs=None)
    """

    args: tuple
    label: str = ""
    kwargs: dict | None = None

    def call_text(self, name: str) -> str:
        parts = [_show(a) for a in self.args] + [f"{k}={_show(v)}" for k, v in (self.kwargs or {}).items()]
        return f"{name}({', '.join(parts)})"


_LONG_FLOAT = re.compile(r"-?\d+\.\d{5,}(?:e[+-]?\d+)?")


def _show(value, width: int = 160) -> str:
    """A value as a student would type it, shortened to one line."""
    if isinstance(value, np.ndarray):
        text = np.array2string(value, precision=4, separator=", ", threshold=12, edgeitems=3,
                               max_line_width=10_000)
        text = f"array({text})"
    elif isinstance(value, (float, np.floating)):
        text = f"{float(value):.6g}"
    elif isinstance(value, (tuple, list)) and len(value) <= 12:
        inner = ", ".join(_show(v, width) for v in value)
        text = f"({inner}{',' if len(value) == 1 else ''})" if isinstance(value, tuple) else f"[{inner}]"
    elif isinstance(value, dict):
        text = "{" + ", ".join(f"{k!r}: {_show(v, width)}" for k, v in value.items()) + "}"
    else:
        text = _LONG_FLOAT.sub(lambda m: f"{float(m.group()):.4g}", repr(value))  # Node(value=0.7437999...)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _is_placeholder(function) -> bool:
    """True when the body is only a docstring, ``...`` or ``pass``: the exercise as handed out."""
    try:
        source = textwrap.dedent(inspect.getsource(function))
        node = ast.parse(source).body[0]
    except (OSError, TypeError, SyntaxError, IndexError):
        return False
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    for statement in node.body:
        if isinstance(statement, ast.Pass):
            continue
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue  # a docstring or a bare ...
        return False
    return True


class _TimeLimit(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: float):
    """Stop the student's function after ``seconds`` (an endless loop must not hang the notebook).

    Uses a timer signal where there is one (Linux, macOS, in the main thread, where
    Jupyter runs cells) and a line tracer elsewhere (Windows).
    """
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        def alarm(signum, frame):
            raise _TimeLimit
        previous = signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    else:
        deadline = time.monotonic() + seconds

        def tracer(frame, event, arg):
            if time.monotonic() > deadline:
                raise _TimeLimit
            return tracer
        previous = sys.gettrace()
        sys.settrace(tracer)
        try:
            yield
        finally:
            sys.settrace(previous)


def _student_line(error: BaseException, function) -> str:
    """Where in the student's own function the error happened: 'line 3: return a / b'."""
    code = getattr(function, "__code__", None)
    frames = traceback.extract_tb(error.__traceback__)
    own = [f for f in frames if code is not None and f.filename == code.co_filename]
    if not own:
        return ""
    frame = own[-1]
    line = (frame.line or "").strip()
    number = frame.lineno - code.co_firstlineno + 1
    return f" at line {number} of your function: {line}" if line else f" at line {number} of your function"


def _default_compare(got, expected, rtol: float, atol: float) -> str:
    """'' when ``got`` matches ``expected`` (numbers, arrays, or tuples/dicts of them); else why not."""
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            return f"expected a dict with keys {sorted(expected)}, got {type(got).__name__}"
        for key in expected:
            if key not in got:
                return f"the key {key!r} is missing"
            why = _default_compare(got[key], expected[key], rtol, atol)
            if why:
                return f"{key!r}: {why}"
        return ""
    if isinstance(expected, tuple):
        if not isinstance(got, (tuple, list)) or len(got) != len(expected):
            return f"expected {len(expected)} values (a tuple), got {_show(got, 80)}"
        for i, (g, e) in enumerate(zip(got, expected)):
            why = _default_compare(g, e, rtol, atol)
            if why:
                return f"value {i + 1} of {len(expected)}: {why}"
        return ""
    if expected is None:
        return "" if got is None else f"expected None, got {_show(got, 80)}"
    if isinstance(expected, (str, np.str_)):
        return "" if got == expected else f"expected {expected!r}, got {_show(got, 80)}"
    if isinstance(got, (str, bytes, dict, set)) or callable(got):
        return f"expected a number or an array, got {type(got).__name__}"
    try:
        got_arr = np.asarray(got, dtype=float)
        exp_arr = np.asarray(expected, dtype=float)
    except (TypeError, ValueError):
        return f"expected a number or an array, got {type(got).__name__}"
    if got_arr.shape != exp_arr.shape:
        return f"shape {got_arr.shape}, expected shape {exp_arr.shape}"
    if not np.allclose(got_arr, exp_arr, rtol=rtol, atol=atol, equal_nan=True):
        return "the values differ"
    return ""


_passed = weakref.WeakSet()


def check_function(function, reference, cases, *, name: str, task: str = "", hint=(),
                   mistakes=(), compare=None, rtol: float = 1e-6, atol: float = 1e-9,
                   time_limit: float = 10.0, done: str = "") -> Feedback:
    """Call the student's ``function`` on every case and compare with ``reference``.

    Parameters
    ----------
    function : callable or ``...``
        The student's function, as defined in the exercise cell.
    reference : callable
        The reference implementation (from mlcourse, or numpy).
    cases : sequence of Case
        Fresh inputs, edge cases included. Each call gets its own copy, so a
        function that changes its input in place cannot spoil the next case.
    name : str
        The function's name as the exercise cell spells it.
    task, hint, mistakes
        As in :func:`check_value`; a mistake here is ``(wrong_function, hint)``:
        when the student's output equals ``wrong_function``'s on the failing
        case, that hint is given.
    compare : callable, optional
        ``compare(got, expected) -> str``, empty when they agree, else what
        differs. The default compares numbers and arrays (and tuples or dicts of
        them) with ``rtol`` and ``atol``.
    time_limit : float
        Seconds for all the calls together, so an endless loop stops.
    done : str
        Sentence added to the confirmation when every case passes.

    Returns
    -------
    Feedback

    Examples
    --------
    >>> def double(x):
    ...     return 2 * x
    >>> check_function(double, lambda x: 2 * x, [Case((1.0,)), Case((np.arange(3.0),))], name="double")
    Correct! double gives the reference's result on all 2 cases.
    >>> def half(x):
    ...     return x / 3
    >>> check_function(half, lambda x: x / 2, [Case((4.0,), "a number")], name="half", hint="Divide by two.")
    Not quite: Case 1 of 1 (a number): half(4) returned 1.33333, expected 2 (the values differ). Hint: Divide by two.
    """
    if is_blank(function):
        return unanswered(name, task)
    if not callable(function):
        return incorrect(f"`{name}` should be a function (def {name}(...): ...), got "
                         f"{type(function).__name__} {_short(function)}.",
                         "Keep the def line of the exercise and write the body under it.", mistake=True)
    if _is_placeholder(function):
        return unanswered(name, task or f"Write the body of `{name}`.")
    compare = compare or (lambda got, expected: _default_compare(got, expected, rtol, atol))
    number = 1
    try:
        with _time_limit(time_limit):
            for number, case in enumerate(cases, start=1):
                verdict = _run_case(function, reference, case, number, len(cases), name, compare, mistakes, hint)
                if verdict is not None:
                    return verdict
    except _TimeLimit:
        return incorrect(f"`{name}` did not finish within {time_limit:g} s (on case {number} of {len(cases)}).",
                         "Look for a loop that never ends: does the loop variable change on every pass?",
                         mistake=True)
    _passed.add(function)
    return correct(f"{name} gives the reference's result on all {len(cases)} cases.{' ' + done if done else ''}")


def _run_case(function, reference, case, number, total, name, compare, mistakes, hint):
    """None when the student's function agrees with the reference on ``case``, else the Feedback."""
    kwargs = case.kwargs or {}
    where = f"Case {number} of {total}{f' ({case.label})' if case.label else ''}: {case.call_text(name)}"
    expected = reference(*copy.deepcopy(case.args), **copy.deepcopy(kwargs))
    try:
        got = function(*copy.deepcopy(case.args), **copy.deepcopy(kwargs))
    except _TimeLimit:
        raise
    except Exception as error:  # noqa: BLE001 - the student's error becomes feedback
        return incorrect(f"{where} raised {type(error).__name__}: {error}{_student_line(error, function)}.",
                         "Read the error: which variable has an unexpected value or shape there? "
                         "Try your function on this input in a new cell.", mistake=True)
    if got is None and expected is not None:
        return incorrect(f"{where} returned None.", "Did you forget the return statement?", mistake=True)
    why = compare(got, expected)
    if not why:
        return None
    message = f"{where} returned {_show(got, 120)}, expected {_show(expected, 120)} ({why})."
    for wrong, mistake_hint in mistakes:
        try:
            if not compare(got, wrong(*copy.deepcopy(case.args), **copy.deepcopy(kwargs))):
                return incorrect(message, mistake_hint, mistake=True)
        except Exception:  # noqa: BLE001 - a mistake model that does not apply to this case
            continue
    return incorrect(message, hint)


# ---- later cells that need an exercise's result -------------------------------------------------

def use(answer, reference, *, name: str, rtol: float = 1e-3, atol: float = 1e-8):
    """The student's answer where it is right, else the reference, saying so in one line.

    A later cell that builds on an exercise calls this, so that a student who
    skipped the exercise (or has not got it right yet) can still run the rest
    of the notebook. A function counts as right once :func:`check_function`
    has accepted it; a value when it matches ``reference``.

    >>> use(0.5, 0.5, name="w")
    0.5
    >>> use(..., 0.5, name="w")
    Using the reference for `w` from here on: yours is not answered yet or not right.
    0.5
    """
    if callable(reference):
        ok = callable(answer) and answer in _passed
    else:
        ok = not is_blank(answer) and not isinstance(_as_numbers_quiet(answer), Feedback) and \
            np.shape(answer) == np.shape(reference) and \
            np.allclose(np.asarray(answer, dtype=float), np.asarray(reference, dtype=float), rtol=rtol, atol=atol)
    if ok:
        return answer
    print(f"Using the reference for `{name}` from here on: yours is not answered yet or not right.")
    return reference


def _as_numbers_quiet(answer):
    """Like _as_numbers, without counting a hint step."""
    token = _current.set("__quiet__")
    try:
        return _as_numbers(answer, "answer")
    finally:
        _current.reset(token)
        reset_attempts("__quiet__")
