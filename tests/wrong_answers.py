"""Every kind of wrong answer a student can type, for the tests that no check ever crashes.

Each day's test module lists one valid call per public check (``VALID_CALLS``) and
hands it to :func:`assert_checks_never_crash`, which puts each of these answers in
each answer slot in turn: the check must return a ``Feedback`` (not answered yet,
or not quite), never raise, and never accept it.
"""

import inspect

import numpy as np

from mlcourse.exercises import Feedback


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
                elif fb.status == "correct":
                    problems.append(f"{name}({slot}={kind}) was accepted as correct")
    assert not problems, "\n".join(problems)


def answer_slots(check) -> list:
    """The names of a check's parameters (for building VALID_CALLS)."""
    return list(inspect.signature(check).parameters)
