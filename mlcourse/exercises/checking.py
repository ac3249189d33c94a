"""Function exercises: the student's function called on fresh cases and compared with a reference.

``def gini(labels): ...`` in the notebook, then ``check.gini_function(gini)``:
:func:`check_function` computes the reference's answer to every :class:`Case`
first (the student's time limit does not count it), then calls the student's
function on each case under a time limit (:mod:`.timelimit`), and reports the
first case that differs: its input, what was expected and what came back. An
exception inside the student's function becomes feedback that shows the
student's line.

A failure reads at a glance: the first line names the case and what differs
(for an array, the first differing entry); below it, the call with the shapes
of its arguments and a few values of what came back and what was expected; the
full inputs wait in ``feedback.details()`` (a collapsed block in the notebook).

An exercise that asks the student to write a function mlcourse already has
(``trees.best_split``) passes it as a *shortcut*: a student's function that
calls it is told so, found both in its source and by a tripwire that replaces
the library's function while the student's runs.

The random cases of a check come from a seed (:func:`random_cases`). A
failure shows it, so that the same cases can be drawn again:
``check.gradient_descent_function(gradient_descent, seed=1234)``.

:func:`use` lets a later cell fall back to the reference while an exercise is
not answered or not right yet.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import dataclasses
import inspect
import re
import sys
import textwrap
import time
import traceback
import types
import weakref
from dataclasses import dataclass

import numpy as np

from .feedback import (Feedback, as_numbers_quiet, conform, correct, current_exercise, describe_form, incorrect,
                       is_blank, numbers_agree, short, unanswered)
from .timelimit import TimeLimitExceeded, call_with_time_limit

__all__ = ["Case", "check_function", "default_compare", "random_cases", "use", "shortcut_name",
           "calls_shortcut", "FormMismatch"]


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
        """The call written out, each argument shortened to one line."""
        parts = [_show(a) for a in self.args] + [f"{k}={_show(v)}" for k, v in (self.kwargs or {}).items()]
        return f"{name}({', '.join(parts)})"

    def brief_call(self, name: str, names=()) -> str:
        """The call in brief: small arguments by value, arrays by shape, objects by type.

        >>> Case((np.zeros((8, 5)), [1.0, 2.0], 0.5)).brief_call("f", ["X", "y", "rate"])
        'f(X=<array 8x5>, y=[1, 2], rate=0.5)'
        """
        names = list(names)[:len(self.args)]
        labels = names + [""] * (len(self.args) - len(names))
        parts = [f"{label}={_brief(a)}" if label else _brief(a) for label, a in zip(labels, self.args)]
        parts += [f"{k}={_brief(v)}" for k, v in (self.kwargs or {}).items()]
        return f"{name}({', '.join(parts)})"

    def full_text(self, names=()) -> str:
        """Every argument in full, one per line: what ``feedback.details()`` shows."""
        names = list(names)[:len(self.args)]
        labels = names + [f"argument {i + 1}" for i in range(len(names), len(self.args))]
        pairs = list(zip(labels, self.args)) + list((self.kwargs or {}).items())
        return "\n".join(f"{label} = {_full(value)}" for label, value in pairs)


def _brief(value) -> str:
    """One argument in a few characters: its values when they are few and short, else its shape or type."""
    if isinstance(value, np.ndarray) and value.dtype.kind in "biufc":
        text = _show(value, 200)
        return text if value.size <= 4 and len(text) <= 36 else f"<array {'x'.join(map(str, value.shape)) or '()'}>"
    if isinstance(value, (list, tuple)):
        text = _show(value, 200)
        return text if len(text) <= 36 else f"<{type(value).__name__} of {len(value)}>"
    if isinstance(value, (float, int, str, np.number, np.ndarray, type(None))):
        return _show(value, 36)
    text = _show(value, 200)
    return text if len(text) <= 30 else f"<{type(value).__name__}>"


def _few(value, width: int = 90) -> str:
    """A result in brief: a few values of each array (a dict or tuple of arrays, key by key)."""
    if isinstance(value, dict):
        text = "{" + ", ".join(f"{k!r}: {_few(v, 40)}" for k, v in value.items()) + "}"
    elif isinstance(value, tuple) and len(value) <= 6:
        text = "(" + ", ".join(_few(v, 40) for v in value) + ("," if len(value) == 1 else "") + ")"
    else:
        text = _show(value, width)
    return text if len(text) <= width else text[: width - 3] + "..."


def _full(value) -> str:
    """A value in full (up to a few thousand numbers), as a student would type it."""
    if isinstance(value, np.ndarray):
        return "array(" + np.array2string(value, precision=6, separator=", ", threshold=5000,
                                          max_line_width=100) + ")"
    if isinstance(value, (list, tuple)) and all(isinstance(v, (int, float, np.number)) for v in value):
        return repr([float(v) if isinstance(v, float) else v for v in value])
    if isinstance(value, dict):
        return "{" + ",\n ".join(f"{k!r}: {_full(v)}" for k, v in value.items()) + "}"
    if isinstance(value, tuple):
        return "(" + ",\n ".join(_full(v) for v in value) + ")"
    return repr(value)


_LONG_FLOAT = re.compile(r"-?\d+\.\d{5,}(?:e[+-]?\d+)?")


def _show(value, width: int = 160) -> str:
    """A value as a student would type it, shortened to one line (a few values of a long array)."""
    if isinstance(value, np.ndarray):
        text = np.array2string(value, precision=4, separator=", ", threshold=6, edgeitems=3,
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


class FormMismatch(str):
    """A reason from :func:`default_compare` that is about the form (type, shape), not the values:
    its feedback asks for the form wanted, never sends the student back to the maths."""


def default_compare(got, expected, rtol: float, atol: float) -> str:
    """'' when ``got`` matches ``expected`` (numbers, arrays, or tuples/dicts of them); else why not.

    Numbers are read as :func:`~mlcourse.exercises.feedback.check_value` reads
    them: other forms of the same numbers pass (a list, a float32, a (1, n) row
    for an (n,) vector, a 2-row array for a pair), and a float32 is compared at
    float32 precision.

    >>> default_compare(np.array([[1.0, 2.0]]), np.array([1.0, 2.0]), 1e-6, 1e-9)
    ''
    >>> default_compare(np.array([[1.0, 2.0], [3.0, 4.0]]), (np.array([1.0, 2.0]), np.array([3.0, 4.0])), 1e-6, 1e-9)
    ''
    >>> default_compare([1.0, 2.5, 3.0], np.array([1.0, 2.0, 3.0]), 1e-6, 1e-9)
    '1 of 3 values differ, the first at index 1: got 2.5, expected 2'
    """
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            return FormMismatch(f"expected a dict with keys {sorted(expected)}, got {type(got).__name__}")
        for key in expected:
            if key not in got:
                return FormMismatch(f"the key {key!r} is missing")
            why = default_compare(got[key], expected[key], rtol, atol)
            if why:
                return type(why)(f"{key!r}: {why}")
        return ""
    if isinstance(expected, tuple):
        if isinstance(got, np.ndarray) and got.ndim >= 1 and len(got) == len(expected):
            got = list(got)   # a 2-row array for a pair
        if not isinstance(got, (tuple, list)) or len(got) != len(expected):
            return FormMismatch(f"expected {len(expected)} values (a tuple), got {_show(got, 80)}")
        for i, (g, e) in enumerate(zip(got, expected)):
            why = default_compare(g, e, rtol, atol)
            if why:
                return type(why)(f"value {i + 1} of {len(expected)}: {why}")
        return ""
    if expected is None:
        return "" if got is None else f"expected None, got {_show(got, 80)}"
    if isinstance(expected, (str, np.str_)):
        return "" if got == expected else f"expected {expected!r}, got {_show(got, 80)}"
    if isinstance(expected, np.ndarray) and expected.dtype.kind not in "biufc":
        return _compare_labels(got, expected)
    if isinstance(got, (str, bytes, dict, set)) or callable(got):
        return FormMismatch(f"expected a number or an array, got {type(got).__name__}")
    try:
        got_arr = np.asarray(got, dtype=float)
        exp_arr = np.asarray(expected, dtype=float)
    except (TypeError, ValueError):
        return FormMismatch(f"expected a number or an array, got {type(got).__name__}")
    fitted = conform(got_arr, exp_arr.shape)
    if fitted is None:
        if exp_arr.ndim == 0:
            return FormMismatch(f"expected {describe_form(())}, got an array of shape {got_arr.shape}")
        return FormMismatch(f"shape {got_arr.shape}, expected shape {exp_arr.shape}")
    close = numbers_agree(got if np.shape(got) == fitted.shape else fitted, exp_arr, rtol=rtol, atol=atol,
                          equal_nan=True)
    if np.all(close):
        return ""
    if fitted.ndim == 0:
        return "the values differ"
    # a long array shown as [0, 0, ..., 0.19] can hide the one entry that differs: name it
    first = tuple(int(i) for i in np.argwhere(~close)[0])
    where = first[0] if len(first) == 1 else first
    return (f"{int((~close).sum())} of {close.size} values differ, the first at index {where}: "
            f"got {float(fitted[first]):.4g}, expected {float(exp_arr[first]):.4g}")


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
                   time_limit: float = 10.0, done: str = "", seed: int | None = None,
                   shortcuts=()) -> Feedback:
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
    shortcuts : sequence of callables, or of (callable, what) pairs
        Library functions the exercise asks the student to write themselves
        (``(mlcourse.trees.best_split,)``, or ``((trees.best_split, "the search"),)``
        for "write the search yourself"). A function that calls one is told
        so: its source is scanned for them (:func:`calls_shortcut`), and while
        it runs each is replaced by a tripwire, in its module and wherever
        mlcourse imports it (restored afterwards, also on an error or a timeout).

    Returns
    -------
    Feedback
        On a failure, the first line names the case and what differs; the
        call in brief and a few values follow; ``details()`` holds the full inputs.

    Examples
    --------
    >>> def double(x):
    ...     return 2 * x
    >>> check_function(double, lambda x: 2 * x, [Case((1.0,)), Case((np.arange(3.0),))], name="double")
    Correct! double gives the reference's result on all 2 cases.
    >>> def half(x):
    ...     return x / 3
    >>> check_function(half, lambda x: x / 2, [Case((4.0,), "a number")], name="half", hint="Divide by two.")
    Not quite: Case 1 of 1 (a number): the values differ.
      half(x=4) returned 1.33333, expected 2
    Hint: Divide by two.
    The full inputs: fb = (this check call); print(fb.details())
    """
    if is_blank(function):
        return unanswered(name, task)
    if not callable(function):
        return incorrect(f"`{name}` should be a function (def {name}(...): ...), got "
                         f"{type(function).__name__} {short(function)}.",
                         "Keep the def line of the exercise and write the body under it.", mistake=True)
    if _is_placeholder(function):
        return unanswered(name, task or f"Write the body of `{name}`.")
    what = dict(_shortcut_pairs(shortcuts))
    shortcuts = tuple(what)
    shortcut = calls_shortcut(function, shortcuts)
    if shortcut is not None:
        return _shortcut_feedback(shortcut, what)
    compare = compare or (lambda got, expected: default_compare(got, expected, rtol, atol))
    expected = [reference(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs or {})) for case in cases]
    names = _parameter_names(function, reference)
    left = time_limit
    for number, (case, wanted) in enumerate(zip(cases, expected), start=1):
        start = time.monotonic()
        tripped = []
        try:
            verdict = _run_case(function, case, wanted, left, number, len(cases), name, compare, mistakes,
                                hint, names, guard=lambda: _tripwires(shortcuts, function, tripped))
        except TimeLimitExceeded:
            verdict = incorrect(f"`{name}` did not finish within {time_limit:g} s (on case {number} of "
                                f"{len(cases)}).",
                                "Look for a loop that never ends: does the loop variable change on every pass?",
                                mistake=True)
        if tripped:
            return _shortcut_feedback(tripped[0], what)
        left -= time.monotonic() - start
        if verdict is not None:
            return _with_seed(verdict, seed)
    _passed.add(function)
    return correct(f"{name} gives the reference's result on all {len(cases)} cases.{' ' + done if done else ''}")


def _parameter_names(function, reference) -> list[str]:
    """The names of the arguments, as the student's def line spells them (else the reference's)."""
    for candidate in (function, reference):
        try:
            parameters = inspect.signature(candidate).parameters.values()
        except (TypeError, ValueError):
            continue
        names = [p.name for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        if names:
            return names
    return []


def _with_seed(verdict: Feedback, seed) -> Feedback:
    """A failure's feedback with the seed of its cases, and the call that draws them again."""
    if seed is None:
        return verdict
    check = current_exercise().rsplit(".", 1)[-1] or "the check"
    return dataclasses.replace(verdict, message=f"{verdict.message}\n(Cases drawn with seed={seed}: "
                                                f"check.{check}(..., seed={seed}) draws the same cases again.)")


def _run_case(function, case, expected, seconds, number, total, name, compare, mistakes, hint, names=(),
              guard=contextlib.nullcontext):
    """None when the student's function gives ``expected`` on ``case``, else the Feedback.

    ``guard()`` is the context (the shortcuts' tripwires) in which the student's function runs;
    a tripwire that fired leaves None here, and the caller reports it.
    """
    kwargs = case.kwargs or {}
    where = f"Case {number} of {total}{f' ({case.label})' if case.label else ''}"
    call = case.brief_call(name, names)
    inputs = f"{where}, the inputs in full:\n{case.full_text(names)}"
    args, kwargs = copy.deepcopy(case.args), copy.deepcopy(kwargs)
    try:
        finished = False
        with guard():
            got = call_with_time_limit(seconds, function, *args, **kwargs)
            finished = True
        if not finished:   # a tripwire stopped the call
            return None
    except Exception as error:  # noqa: BLE001 - the student's error becomes feedback
        text = " ".join(str(error).split())
        text = text if len(text) <= 300 else text[:297] + "..."
        line = _student_line(error, function).strip()
        return incorrect(f"{where}: {name} raised {type(error).__name__}: {text}\n"
                         f"{line[0].upper() + line[1:] if line else ''}\n{call}",
                         "Read the error: which variable has an unexpected value or shape there? "
                         "Try your function on this input in a new cell.", mistake=True, details=inputs)
    if got is None and expected is not None:
        return incorrect(f"{where}: {name} returned None.\n{call}", "Did you forget the return statement?",
                         mistake=True, details=inputs)
    why = compare(got, expected)
    if not why:
        return None
    returned, wanted = _few(got), _few(expected)
    one_line = f"{call} returned {returned}, expected {wanted}"
    message = f"{where}: {why}.\n" + (one_line if len(one_line) <= 150 else
                                       f"{call}\nreturned {returned}\nexpected {wanted}")
    details = f"{inputs}\n\nreturned = {_full(got)}\n\nexpected = {_full(expected)}"
    for wrong, mistake_hint in mistakes:
        try:
            slip = wrong(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs or {}))
            # identical counts too: a slip's answer can be one that compare() refuses by its form
            # (only the first column searched, on a constant first column, finds no split at all)
            if not compare(got, slip) or _identical(got, slip):
                return incorrect(message, mistake_hint, mistake=True, details=details)
        except Exception:  # noqa: BLE001 - a mistake model that does not apply to this case
            continue
    if isinstance(why, FormMismatch):
        return incorrect(message, "First the form: look at what your function returns, with type(...) and "
                                  "np.shape(...), and return the form asked for; then the numbers are compared.",
                         mistake=True, details=details)
    return incorrect(message, hint, details=details)


def _identical(a, b) -> bool:
    """True when ``a`` and ``b`` hold the same values in the same nesting (NaN equals NaN).

    >>> _identical((None, None, float("inf")), (None, None, np.inf)), _identical([1, 2], [1, 3])
    (True, False)
    """
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        return len(a) == len(b) and all(_identical(x, y) for x, y in zip(a, b))
    if a is None or b is None:
        return a is b
    try:
        return bool(np.array_equal(np.asarray(a), np.asarray(b), equal_nan=True))
    except (TypeError, ValueError):  # equal_nan needs numbers; other objects compare as they are
        try:
            return bool(np.all(np.asarray(a) == np.asarray(b))) and np.shape(a) == np.shape(b)
        except Exception:  # noqa: BLE001 - objects that cannot be compared are not identical
            return False


# ---- shortcuts: the library's own answer, called by the student's function ------------------------

class _ShortcutTaken(BaseException):
    """Raised by a tripwire (a BaseException, so that the student's ``except Exception`` lets it pass)."""


def shortcut_name(function) -> str:
    """How the notebooks spell a library function: ``trees.best_split``.

    >>> from mlcourse import trees
    >>> shortcut_name(trees.best_split)
    'trees.best_split'
    """
    module = getattr(function, "__module__", "") or ""
    return f"{module.rsplit('.', 1)[-1]}.{function.__name__}" if module else function.__name__


def _shortcut_pairs(shortcuts) -> list:
    """``shortcuts`` as (function, what to write) pairs: a bare function is "it"."""
    pairs = []
    for item in shortcuts:
        if isinstance(item, (tuple, list)) and len(item) == 2 and callable(item[0]):
            pairs.append((item[0], str(item[1])))
        elif callable(item):
            pairs.append((item, "it"))
    return pairs


def _shortcut_feedback(shortcut, what=None) -> Feedback:
    task = (what or {}).get(shortcut, "it")
    return incorrect(f"Your function calls `{shortcut_name(shortcut)}`, the course's own answer: "
                     f"write {task} yourself.",
                     f"The exercise is to write what `{shortcut_name(shortcut)}` does, step by step; keep the "
                     "library's version to compare with afterwards.", mistake=True)


def _resolve(node, namespace: dict, local_modules: dict):
    """The object an ``a.b.c`` expression of the student's source names, following modules only."""
    if isinstance(node, ast.Name):
        if node.id in local_modules:
            return local_modules[node.id]
        return namespace.get(node.id)
    if isinstance(node, ast.Attribute):
        owner = _resolve(node.value, namespace, local_modules)
        if isinstance(owner, types.ModuleType):
            return getattr(owner, node.attr, None)
    return None


def calls_shortcut(function, shortcuts):
    """The shortcut among ``shortcuts`` that the source of ``function`` names, else None.

    A name counts only where it means the library's function: ``trees.best_split``,
    or ``best_split`` imported from mlcourse, in the cell's namespace or inside the
    function; the student's own ``best_split`` (recursion, a helper) does not.

    >>> from mlcourse import trees
    >>> def best_split(X, y):
    ...     return trees.best_split(X, y)
    >>> calls_shortcut(best_split, [trees.best_split]) is trees.best_split
    True
    """
    shortcuts = [s for s, _ in _shortcut_pairs(shortcuts)]
    if not shortcuts:
        return None
    if any(function is s for s in shortcuts):
        return next(s for s in shortcuts if function is s)
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    except (OSError, TypeError, SyntaxError, IndentationError):
        return None
    namespace = dict(getattr(function, "__globals__", {}))
    with contextlib.suppress(ValueError, TypeError):
        namespace.update(inspect.getclosurevars(function).nonlocals)
    local_modules = {}
    for node in ast.walk(tree):   # imports inside the function: import mlcourse.trees as t, from mlcourse import trees
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname and alias.name in sys.modules:
                    local_modules[alias.asname] = sys.modules[alias.name]
                elif alias.name.split(".")[0] in sys.modules:
                    local_modules[alias.name.split(".")[0]] = sys.modules[alias.name.split(".")[0]]
        elif isinstance(node, ast.ImportFrom) and node.module in sys.modules:
            for alias in node.names:
                value = getattr(sys.modules[node.module], alias.name, None)
                if value is None:
                    value = sys.modules.get(f"{node.module}.{alias.name}")
                local_modules[alias.asname or alias.name] = value
    for node in ast.walk(tree):
        if isinstance(node, (ast.Name, ast.Attribute)):
            target = _resolve(node, namespace, local_modules)
            for shortcut in shortcuts:
                if target is shortcut:
                    return shortcut
    return None


@contextlib.contextmanager
def _tripwires(shortcuts, function, tripped: list):
    """Replace every shortcut, where mlcourse and the student's namespace hold it, while the block runs.

    A call from mlcourse itself, or from the shortcut's own package, goes through (a library
    function may use another); a call from anywhere else (the student's cell) is recorded in
    ``tripped`` and stopped.
    """
    patched = []
    try:
        for shortcut in [s for s, _ in _shortcut_pairs(shortcuts)]:
            home = (getattr(shortcut, "__module__", "") or "").split(".")[0]
            inside = ("mlcourse", home) if home else ("mlcourse",)

            def tripwire(*args, __original=shortcut, __inside=inside, **kwargs):
                caller = inspect.currentframe().f_back.f_globals.get("__name__", "") or ""
                if caller.split(".")[0] in __inside:
                    return __original(*args, **kwargs)
                tripped.append(__original)
                raise _ShortcutTaken
            holders = [vars(module) for module_name, module in list(sys.modules.items())
                       if module is not None and module_name.split(".")[0] == "mlcourse"]
            defining = sys.modules.get(getattr(shortcut, "__module__", "") or "")
            if defining is not None and defining.__name__.split(".")[0] != "mlcourse":
                holders.append(vars(defining))
            holders.append(getattr(function, "__globals__", {}))
            for namespace in holders:
                for key, value in list(namespace.items()):
                    if value is shortcut:
                        patched.append((namespace, key, value))
                        namespace[key] = tripwire
        yield
    except _ShortcutTaken:
        pass
    finally:
        for namespace, key, value in reversed(patched):
            namespace[key] = value


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
