"""nbval, with printed numbers compared at the precision they are printed to.

nbval compares a notebook's stored text outputs with a fresh run character by
character. A number printed as ``0.265`` is stable on another CPU unless the
value sits on a rounding boundary: then the last bits of a sum decide between
``0.265`` and ``0.266``. This plugin (loaded with ``-p tests.nbval_numbers``, as
pyproject.toml does) lets such a pair pass: the text around the numbers must be
identical, and every number may differ by at most one unit of its last printed
digit. Integers (counts, indices) must be identical.

A cell whose printed numbers legitimately move by more (a quantity that is
itself unstable) states its tolerance and the reason in its metadata::

    "nbval": {"tolerance": {"last_digit": 3, "reason": "one line saying why"}}

A missing reason is an error: a tolerance nobody can justify hides real changes.
Figures are compared by ``tests.nbval_figures``.
"""

from __future__ import annotations

import copy
import re
from decimal import Decimal

# A decimal number as Python, NumPy and pandas print them: optional sign, digits, an optional
# fraction and an optional exponent ("-0.011", "+0.294", "1.6", "2.5e-03", "38").
NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
DEFAULT_UNITS = 1


def last_digit_unit(text: str) -> Decimal | None:
    """The value of one unit in the last printed digit of a number, None for an integer.

    >>> last_digit_unit("0.265"), last_digit_unit("2.5e-03"), last_digit_unit("17")
    (Decimal('0.001'), Decimal('0.0001'), None)
    """
    mantissa, _, exponent = text.lower().partition("e")
    if "." not in mantissa and not exponent:
        return None
    decimals = len(mantissa.partition(".")[2])
    return Decimal(1).scaleb(-decimals + int(exponent or 0))


def same_at_printed_precision(stored: str, fresh: str, units: int = DEFAULT_UNITS) -> bool:
    """True when two outputs differ only in numbers, each by at most `units` of its last digit.

    >>> same_at_printed_precision("RMSE 0.265 (23 folds)", "RMSE 0.266 (23 folds)")
    True
    >>> same_at_printed_precision("RMSE 0.265 (23 folds)", "RMSE 0.268 (23 folds)")
    False
    >>> same_at_printed_precision("{1: 10, 3: 13}", "{1: 11, 3: 12}")
    False
    """
    if stored == fresh:
        return True
    if NUMBER.split(stored) != NUMBER.split(fresh):
        return False  # the words, or the number of numbers, differ
    for a, b in zip(NUMBER.findall(stored), NUMBER.findall(fresh)):
        if a == b:
            continue
        unit = last_digit_unit(a)
        if unit is None or last_digit_unit(b) != unit:
            return False  # an integer changed, or the printed precision did
        if abs(Decimal(a) - Decimal(b)) > units * unit:
            return False
    return True


def cell_units(cell) -> int:
    """The tolerance a notebook cell declares in its metadata, in units of the last digit."""
    tolerance = cell.metadata.get("nbval", {}).get("tolerance")
    if tolerance is None:
        return DEFAULT_UNITS
    if not str(tolerance.get("reason", "")).strip():
        raise ValueError("a cell's nbval tolerance needs a one-line 'reason' in its metadata")
    return int(tolerance["last_digit"])


def _snap(stored_outputs, fresh_outputs, units):
    """Fresh outputs, with each text that matches its stored one at printed precision replaced by it."""
    if len(stored_outputs) != len(fresh_outputs):
        return fresh_outputs
    snapped = []
    for stored, fresh in zip(stored_outputs, fresh_outputs):
        fresh = copy.copy(fresh)  # nbval's outputs are NotebookNodes: keep the type
        if stored.get("output_type") == fresh.get("output_type"):
            if isinstance(fresh.get("text"), str) and isinstance(stored.get("text"), str):
                if same_at_printed_precision(stored["text"], fresh["text"], units):
                    fresh["text"] = stored["text"]
            if isinstance(fresh.get("data"), dict) and isinstance(stored.get("data"), dict):
                data = copy.copy(fresh["data"])
                for key, value in data.items():
                    old = stored["data"].get(key)
                    if isinstance(value, str) and isinstance(old, str) and key.startswith("text/"):
                        if same_at_printed_precision(old, value, units):
                            data[key] = old
                fresh["data"] = data
        snapped.append(fresh)
    return snapped


def pytest_configure(config):
    from nbval.plugin import IPyNbCell

    if getattr(IPyNbCell, "_compares_numbers", False):
        return
    exact_comparison = IPyNbCell.compare_outputs

    def compare_outputs(self, test, ref, skip_compare=None):
        # nbval has merged each cell's stream outputs by now, so stored and fresh pair up one to one
        test = _snap(ref, test, cell_units(self.cell))
        return exact_comparison(self, test, ref, skip_compare)

    IPyNbCell.compare_outputs = compare_outputs
    IPyNbCell._compares_numbers = True
