"""The code cells of a notebook as Python syntax trees, for the tests that read the course's code."""

from __future__ import annotations

import ast


def parse(source: str) -> ast.Module | None:
    """A cell or a fragment as Python (IPython's %magics and !commands dropped), or None.

    >>> parse("%matplotlib inline\\nx = 1").body[0].targets[0].id, parse("x = (")
    ('x', None)
    """
    lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    try:
        return ast.parse("\n".join(lines))
    except SyntaxError:
        return None
