"""Claims: each conclusion a notebook draws, stated once in code and checked on every run.

A sentence such as "the forest cannot be told apart from the equation" rests on numbers that
change with the seed and the split. Written as a claim, the conclusion is checked where it is
drawn, and ``make test-claims`` re-runs every notebook with other seeds to show that it holds
in each, not only in the run that is printed::

    claim("the event-bootstrap interval of forest minus equation contains 0", low < 0 < high)

The text states the conclusion, not the number: it must read the same for every seed. A claim
prints one line a student can read, ``✔ Claim holds: ...``; one that does not hold in this run
prints ``✘ Claim fails in this run: ...`` instead (the notebook goes on). It returns nothing, so a claim
at the end of a cell adds no output line. When the environment
variable ``MLCOURSE_CLAIMS_LOG`` names a file, each claim is also appended to it as a JSON line,
for ``scripts/run_claims.py``.
"""

from __future__ import annotations

import json
import os

import numpy as np

__all__ = ["claim"]


def claim(text: str, condition) -> None:
    """State a conclusion of the notebook and check it on this run.

    Parameters
    ----------
    text : str
        The conclusion, in words that hold whatever the seed (no printed numbers).
    condition : bool
        Whether it holds in this run: a Python or numpy boolean.

    Examples
    --------
    >>> claim("the forest beats the mean baseline", 0.26 < 0.56)
    ✔ Claim holds: the forest beats the mean baseline
    """
    if not isinstance(text, str) or not text.strip():
        raise TypeError(f"claim's text must be a sentence (a non-empty str), got {type(text).__name__} {text!r}.")
    if not isinstance(condition, (bool, np.bool_)):
        raise TypeError(f"claim's condition must be True or False (a comparison), got "
                        f"{type(condition).__name__} {condition!r}; for an array, say which of "
                        "all() or any() you mean.")
    holds = bool(condition)
    print(("✔ Claim holds: " if holds else "✘ Claim fails in this run: ") + text)
    log = os.environ.get("MLCOURSE_CLAIMS_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as stream:
            stream.write(json.dumps({"claim": text, "holds": holds}) + "\n")
