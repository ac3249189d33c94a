"""What the Day 1 checks share: number answers judged at the digits the exercise asks for.

:func:`check_number` hands the answer to :func:`~mlcourse.exercises.check_value` with the
exercise's ``digits`` (or ``pencil``), so that the framework judges the precision and reads
the answer's form (a 1-element array for a number, a ``(1, n)`` row for a vector). Before
that it recognises the known slips itself, at the precision asked, so that a slip whose
value agrees with the right one to fewer digits gets its own hint rather than "give more
digits"; and a slip whose value agrees with the right one even at the asked digits (the
slope of a line with an intercept, against the slope through the origin) is recognised only
when the answer is that slip's value to full precision.

:func:`function_check` passes the ``shortcuts`` of a function exercise, and
:func:`calls_in_answer` finds a course function in the code of a number exercise's answer.
"""

from __future__ import annotations

import ast
import inspect
import linecache
import sys

import numpy as np

from .. import Feedback, check_function, check_value, incorrect, is_blank

PENCIL_DIGITS = 2
"""A pencil-and-paper answer is accepted to this many significant digits (the framework's rule)."""


def half_unit(expected, digits: int) -> np.ndarray:
    """Half a unit in the last of ``digits`` significant digits of ``expected``, entry by entry."""
    e = np.abs(np.asarray(expected, dtype=float))
    exponent = np.floor(np.log10(np.where(e > 0, e, 1.0)))
    return 0.5 * 10.0 ** (exponent - digits + 1)


def agrees(value, reference, digits: int) -> bool:
    """True when ``value`` equals ``reference`` to ``digits`` significant digits (as many entries)."""
    value, reference = np.asarray(value, dtype=float), np.asarray(reference, dtype=float)
    if value.size != reference.size:
        return False
    return bool(np.all(np.abs(value.ravel() - reference.ravel())
                       <= 1.001 * half_unit(reference, digits).ravel()))


def _numbers(answer):
    """The answer as a float array, or None when it is not numbers (the framework explains those)."""
    if isinstance(answer, (str, bytes, dict, set, bool, np.bool_)) or callable(answer) or is_blank(answer):
        return None
    try:
        arr = np.asarray(answer, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return None
    return arr if arr.size and np.all(np.isfinite(arr)) else None


def _shown(name: str, arr: np.ndarray, unit: str) -> str:
    if arr.size == 1:
        return f"{name} = {float(arr.ravel()[0]):.6g}{' ' + unit if unit else ''}"
    return f"{name} (shape {arr.shape})"


def check_number(answer, expected, *, name: str, digits: int | None = None, pencil: bool = False,
                 mistakes=(), unit: str = "", **kwargs) -> Feedback:
    """``check_value`` at the exercise's precision, the known slips recognised first.

    ``mistakes`` are ``(value, hint)`` pairs as for ``check_value``. An answer that agrees
    with a slip's value at the asked precision, and not with ``expected``, gets that slip's
    hint. A slip whose value agrees with ``expected`` at the asked precision is recognised
    only when the answer is its value to nine digits and not the right value to nine digits.
    """
    precision = PENCIL_DIGITS if pencil else digits
    arr = _numbers(answer)
    if arr is not None and precision:
        exact = np.asarray(expected, dtype=float)
        for value, hint in mistakes:
            value = np.asarray(value, dtype=float)
            if value.size != arr.size:
                continue
            if agrees(value, exact, precision):      # a slip the asked digits cannot tell from the answer
                if np.allclose(arr.ravel(), value.ravel(), rtol=1e-9, atol=1e-12) and \
                        not np.allclose(arr.ravel(), exact.ravel(), rtol=1e-9, atol=1e-12):
                    return incorrect(f"{_shown(name, arr, unit)} comes from another method: close to the "
                                     "right value, but not it.", hint, mistake=True)
            elif agrees(arr, value, precision) and not agrees(arr, exact, precision):
                return incorrect(f"{_shown(name, arr, unit)}, expected a different value.", hint, mistake=True)
    return value_check(answer, expected, name=name, digits=digits, pencil=pencil, unit=unit,
                       mistakes=[(v, h) for v, h in mistakes
                                 if not (precision and agrees(v, expected, precision))], **kwargs)


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


# ---- the code behind a number exercise's answer
def _answer_cell() -> str:
    """The code that called the check, outside mlcourse: a notebook cell, or the calling function."""
    frame = inspect.currentframe()
    while frame is not None and frame.f_globals.get("__name__", "").split(".")[0] == "mlcourse":
        frame = frame.f_back
    if frame is None:
        return ""
    if frame.f_code.co_name != "<module>":
        try:
            return inspect.getsource(frame.f_code)
        except (OSError, TypeError):
            return ""
    return "".join(linecache.getlines(frame.f_code.co_filename, frame.f_globals))


def _history_cells(targets) -> list[str]:
    """In IPython, the last cell (this one included) that assigns each of ``targets``: where the answer was computed."""
    shell = getattr(sys.modules.get("IPython"), "get_ipython", lambda: None)()
    history = list(getattr(shell, "user_ns", {}).get("In", [])) if shell is not None else []
    found = []
    for target in targets:
        for cell in reversed(history):
            if target in _assigned(cell):
                found.append(cell)
                break
    return found


def _assigned(source: str) -> set:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)}


def _mentions(source: str, name: str) -> bool:
    """True when ``source`` uses ``name`` as a name, an attribute or an import (not in a comment or string)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == name or isinstance(node, ast.Attribute) and node.attr == name:
            return True
        if isinstance(node, ast.alias) and name in (node.name.rsplit(".", 1)[-1], node.asname):
            return True
    return False


def calls_in_answer(function, targets=()) -> bool:
    """True when the code that computed the answer names ``function``.

    Looks at the cell (or function) that called the check and, in IPython, at the last cell
    that assigns each of ``targets`` (the answer's variable names).
    """
    sources = [_answer_cell()] + _history_cells(targets)
    return any(_mentions(source, function.__name__) for source in sources if source)
