"""Function exercises: the student's function called on fresh cases and compared with a reference.

``def gini(labels): ...`` in the notebook, then ``check.gini_function(gini)``:
:func:`check_function` computes the reference's answer to every :class:`Case`
first (the student's time limit does not count it), then calls the student's
function on each case under a time limit (:mod:`.timelimit`), and reports the
first case that differs: its input, what was expected and what came back. An
exception inside the student's function becomes feedback that shows the
student's line.

The random cases of a check come from a seed (:func:`random_cases`). A
failure shows it, so that the same cases can be drawn again:
``check.gradient_descent_function(gradient_descent, seed=1234)``.

:func:`use` lets a later cell fall back to the reference while an exercise is
not answered or not right yet.
"""

from __future__ import annotations

import ast
import copy
import inspect
import re
import textwrap
import time
import traceback
import weakref
from dataclasses import dataclass

import numpy as np

from .feedback import (Feedback, as_numbers_quiet, correct, current_exercise, incorrect, is_blank,
                       short, unanswered)
from .timelimit import TimeLimitExceeded, call_with_time_limit

__all__ = ["Case", "check_function", "default_compare", "random_cases", "use"]


def random_cases(seed=None):
    """The generator of a check's random cases, and its seed: the one given, or a fresh one.

    A fresh seed (drawn from the operating system) gives new cases on every
    run, so that no answer is fitted to the cases; the seed is shown when a
    case fails, and passing it again draws the same cases.

    >>> rng, seed = random_cases(1234)
    >>> seed, float(rng.uniform()) == float(np.random.default_rng(1234).uniform())
    (1234, True)
    """
    if seed is None:
        seed = int(np.random.default_rng().integers(10_000, 100_000))
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise TypeError(f"seed must be a whole number >= 0, such as seed=1234, got {seed!r}.")
    return np.random.default_rng(int(seed)), int(seed)


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


def _student_line(error: BaseException, function) -> str:
    """Where in the student's own function the error happened: 'line 3: return a / b'."""
    code = getattr(function, "__code__", None)
    frames = traceback.extract_tb(error.__traceback__)
    own = [f for f in frames if code is not None and f.filename == code.co_filename]
    if not own:
        return ""
    frame = own[-1]
    line = (frame.line or "").strip()
    if frame.name != code.co_name or frame.lineno < code.co_firstlineno:
        # the error is in another function of the same cell, which the student's function calls
        return f" in {frame.name}, which your function calls: {line}" if line else f" in {frame.name}"
    number = frame.lineno - code.co_firstlineno + 1
    return f" at line {number} of your function: {line}" if line else f" at line {number} of your function"


def default_compare(got, expected, rtol: float, atol: float) -> str:
    """'' when ``got`` matches ``expected`` (numbers, arrays, or tuples/dicts of them); else why not."""
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            return f"expected a dict with keys {sorted(expected)}, got {type(got).__name__}"
        for key in expected:
            if key not in got:
                return f"the key {key!r} is missing"
            why = default_compare(got[key], expected[key], rtol, atol)
            if why:
                return f"{key!r}: {why}"
        return ""
    if isinstance(expected, tuple):
        if not isinstance(got, (tuple, list)) or len(got) != len(expected):
            return f"expected {len(expected)} values (a tuple), got {_show(got, 80)}"
        for i, (g, e) in enumerate(zip(got, expected)):
            why = default_compare(g, e, rtol, atol)
            if why:
                return f"value {i + 1} of {len(expected)}: {why}"
        return ""
    if expected is None:
        return "" if got is None else f"expected None, got {_show(got, 80)}"
    if isinstance(expected, (str, np.str_)):
        return "" if got == expected else f"expected {expected!r}, got {_show(got, 80)}"
    if isinstance(expected, np.ndarray) and expected.dtype.kind not in "biufc":
        return _compare_labels(got, expected)
    if isinstance(got, (str, bytes, dict, set)) or callable(got):
        return f"expected a number or an array, got {type(got).__name__}"
    try:
        got_arr = np.asarray(got, dtype=float)
        exp_arr = np.asarray(expected, dtype=float)
    except (TypeError, ValueError):
        return f"expected a number or an array, got {type(got).__name__}"
    if got_arr.shape != exp_arr.shape:
        return f"shape {got_arr.shape}, expected shape {exp_arr.shape}"
    close = np.isclose(got_arr, exp_arr, rtol=rtol, atol=atol, equal_nan=True)
    if close.all():
        return ""
    if got_arr.ndim == 0:
        return "the values differ"
    # a long array shown as [0, 0, ..., 0.19] can hide the one entry that differs: name it
    first = tuple(int(i) for i in np.argwhere(~close)[0])
    where = first[0] if len(first) == 1 else first
    return (f"{int((~close).sum())} of {close.size} values differ, the first at index {where}: "
            f"got {float(got_arr[first]):.4g}, expected {float(exp_arr[first]):.4g}")


def _compare_labels(got, expected: np.ndarray) -> str:
    """'' when ``got`` holds the same labels (strings, objects) as ``expected``; else why not."""
    got = np.asarray(got)
    if got.shape != expected.shape:
        return f"shape {got.shape}, expected shape {expected.shape}"
    same = got == expected
    if np.all(same):
        return ""
    first = tuple(int(i) for i in np.argwhere(~same)[0])
    where = first[0] if len(first) == 1 else first
    return (f"{int((~same).sum())} of {same.size} labels differ, the first at index {where}: "
            f"got {got[first].item()!r}, expected {expected[first].item()!r}")


_passed = weakref.WeakSet()


def check_function(function, reference, cases, *, name: str, task: str = "", hint=(),
                   mistakes=(), compare=None, rtol: float = 1e-6, atol: float = 1e-9,
                   time_limit: float = 10.0, done: str = "", seed: int | None = None) -> Feedback:
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
        As in :func:`~mlcourse.exercises.feedback.check_value`; a mistake here
        is ``(wrong_function, hint)``: when the student's output equals
        ``wrong_function``'s on the failing case, that hint is given.
    compare : callable, optional
        ``compare(got, expected) -> str``, empty when they agree, else what
        differs. The default, :func:`default_compare`, compares numbers,
        arrays and labels (and tuples or dicts of them) with ``rtol`` and ``atol``.
    time_limit : float
        Seconds for the student's calls together (the references are computed
        before the clock starts), so an endless loop stops.
    done : str
        Sentence added to the confirmation when every case passes.
    seed : int, optional
        The seed the random cases were drawn with (:func:`random_cases`),
        shown when a case fails.

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
                         f"{type(function).__name__} {short(function)}.",
                         "Keep the def line of the exercise and write the body under it.", mistake=True)
    if _is_placeholder(function):
        return unanswered(name, task or f"Write the body of `{name}`.")
    compare = compare or (lambda got, expected: default_compare(got, expected, rtol, atol))
    expected = [reference(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs or {})) for case in cases]
    left = time_limit
    for number, (case, wanted) in enumerate(zip(cases, expected), start=1):
        start = time.monotonic()
        try:
            verdict = _run_case(function, case, wanted, left, number, len(cases), name, compare, mistakes, hint)
        except TimeLimitExceeded:
            verdict = incorrect(f"`{name}` did not finish within {time_limit:g} s (on case {number} of "
                                f"{len(cases)}).",
                                "Look for a loop that never ends: does the loop variable change on every pass?",
                                mistake=True)
        left -= time.monotonic() - start
        if verdict is not None:
            return _with_seed(verdict, seed)
    _passed.add(function)
    return correct(f"{name} gives the reference's result on all {len(cases)} cases.{' ' + done if done else ''}")


def _with_seed(verdict: Feedback, seed) -> Feedback:
    """A failure's feedback with the seed of its cases, and the call that draws them again."""
    if seed is None:
        return verdict
    check = current_exercise().rsplit(".", 1)[-1] or "the check"
    return Feedback(verdict.status, f"{verdict.message} (Cases drawn with seed={seed}: "
                                    f"check.{check}(..., seed={seed}) draws the same cases again.)", verdict.hint)


def _run_case(function, case, expected, seconds, number, total, name, compare, mistakes, hint):
    """None when the student's function gives ``expected`` on ``case``, else the Feedback."""
    kwargs = case.kwargs or {}
    where = f"Case {number} of {total}{f' ({case.label})' if case.label else ''}: {case.call_text(name)}"
    try:
        got = call_with_time_limit(seconds, function, *copy.deepcopy(case.args), **copy.deepcopy(kwargs))
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
        ok = not is_blank(answer) and not isinstance(as_numbers_quiet(answer), Feedback) and \
            np.shape(answer) == np.shape(reference) and \
            np.allclose(np.asarray(answer, dtype=float), np.asarray(reference, dtype=float), rtol=rtol, atol=atol)
    if ok:
        return answer
    print(f"Using the reference for `{name}` from here on: yours is not answered yet or not right.")
    return reference
