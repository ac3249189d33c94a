"""Every kind of wrong answer a student can type, for the tests that no check ever crashes.

Each day's test module lists one valid call per public check (``VALID_CALLS``) and
hands it to :func:`assert_checks_never_crash`, which puts each of these answers in
each answer slot in turn: the check must return a ``Feedback`` (not answered yet,
or not quite), never raise, and never accept it; and every feedback's first line
(the verdict and the reason) must fit in ``FIRST_LINE`` characters.

:func:`assert_no_hint_names` is for the function exercises whose check refuses a
shortcut: no string of the check may name the library function that solves it.
"""

import ast
import inspect
import textwrap

import numpy as np

from mlcourse.exercises import FIRST_LINE, Feedback, shortcut_name


def _raises(*args, **kwargs):
    raise RuntimeError("a function that always fails")


WRONG_ANSWERS = {
    "a string": "abc",
    "a numeric string": "0.5",
    "None": None,
    "True": True,
    "a dict": {"a": 1},
    "an empty list": [],
    "a nested list": [[1, 2], [3]],
    "a wrong-shape array": np.ones((3, 7, 2)),
    "NaN": float("nan"),
    "infinity": float("inf"),
    "a huge number": 1e300,
    "a negative number": -12345.678,
    "a tuple": (1, "b", None),
    "a function that raises": _raises,
    "a function returning a string": lambda *args, **kwargs: "abc",
    "a wrong number in a 1-element array": np.array([-12345.678]),
    "a wrong float32 number": np.float32(-12345.678),
    "an empty array": np.array([]),
    "a 2-row array": np.full((2, 3), -12345.678),
    "a function returning None": lambda *args, **kwargs: None,
}


def assert_checks_never_crash(module, valid_calls: dict) -> None:
    """Feed every wrong answer to every check of ``module``; fail with a list of what went wrong.

    ``valid_calls`` maps a check's name to ``(answers, context)``: ``answers`` a dict
    of the answer arguments (by name) with right values, ``context`` a dict of the
    other keyword arguments.
    """
    public = set(module.__all__)
    missing = public - set(valid_calls)
    assert not missing, f"no valid call listed for {sorted(missing)} in the test"
    problems = []
    for name, (answers, context) in valid_calls.items():
        check = getattr(module, name)
        assert check(**answers, **context), f"{name}: the valid call listed in the test is not accepted"
        for slot in answers:
            for kind, wrong in WRONG_ANSWERS.items():
                call = dict(answers, **{slot: wrong})
                try:
                    fb = check(**call, **context)
                except Exception as error:  # noqa: BLE001 - that is the failure this test reports
                    problems.append(f"{name}({slot}={kind}) raised {type(error).__name__}: {error}")
                    continue
                if not isinstance(fb, Feedback):
                    problems.append(f"{name}({slot}={kind}) returned {type(fb).__name__}, not Feedback")
                    continue
                if fb.status == "correct":
                    problems.append(f"{name}({slot}={kind}) was accepted as correct")
                problem = first_line_problem(name, fb)
                if problem:
                    problems.append(f"{name}({slot}={kind}): {problem}")
    assert not problems, "\n".join(problems)


def first_line_problem(name: str, fb: Feedback) -> str:
    """'' when the first line of ``fb`` (the verdict and the reason) fits in FIRST_LINE characters."""
    first = fb.text().split("\n", 1)[0]
    if len(first) <= FIRST_LINE:
        return ""
    return f"the first line has {len(first)} characters, more than {FIRST_LINE}: {first[:80]!r}..."


def check_strings(check) -> list:
    """Every string a check can show: the string constants of its source, f-string parts included
    (its docstring left out: a student does not see it)."""
    source = textwrap.dedent(inspect.getsource(inspect.unwrap(check)))
    tree = ast.parse(source)
    function = tree.body[0]
    docstring = ast.get_docstring(function, clean=False) if isinstance(function, ast.FunctionDef) else None
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value != docstring]


def hints_naming(check, shortcuts, strings=None) -> list:
    """The strings of ``check`` (or ``strings``) that name a function solving the exercise, as
    (name, string) pairs.

    A shortcut is named as the notebooks name it (``trees.best_split``) or with its
    whole path (``mlcourse.trees.best_split``); the bare name (``best_split``) is the
    student's own function's name and does not count.
    """
    strings = check_strings(check) if strings is None else strings
    names = {shortcut_name(s) for s in shortcuts} | {f"{s.__module__}.{s.__name__}" for s in shortcuts}
    return [(name, text) for text in strings for name in sorted(names) if name in text]


def assert_no_hint_names(check, shortcuts) -> None:
    """No hint, task or message of ``check`` names a function in ``shortcuts``: the check refuses it
    as an answer, so its hints must not offer it."""
    named = hints_naming(check, shortcuts)
    assert not named, f"{getattr(check, '__name__', check)}: a hint names the answer: {named}"


def answer_slots(check) -> list:
    """The names of a check's parameters (for building VALID_CALLS)."""
    return list(inspect.signature(check).parameters)
