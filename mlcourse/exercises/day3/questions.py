"""Day 3, the number exercises and the choice of features: a capacity, leaked events, a majority
baseline, a cost threshold, a local hour, the features a deployed detector can use; and the
references later cells fall back on.

>>> majority_accuracy(0.5, labels=[0, 1]).status
'correct'
"""

from __future__ import annotations

import numpy as np

from ..._validation import check_vector
from .. import Feedback, check_value, correct, exercise, incorrect, is_blank, unanswered

__all__ = ["best_capacity", "leaked_events", "majority_accuracy", "cost_threshold", "local_hour",
           "deployable_features", "chosen_features", "LEAKY_FEATURES", "SAMPLE_DEPLOYABLE",
           "reference_best_degree", "reference_cost_threshold", "reference_local_hour", "SLIPS"]

# The known slips of the number exercises and of the choice of features, each diagnosed with a hint
# that names it (tests/test_exercises_day3.py feeds every one). Add new ones here, with their test.
SLIPS = [
    ("1.1", "the degree with the lowest training error, the most flexible one"),
    ("1.1", "the degree the random split prefers"),
    ("5.1", "all the earthquakes of the test fold"),
    ("5.1", "the records of the test fold whose earthquake is also in training"),
    ("5.1", "rows compared instead of earthquakes (0)"),
    ("6.1", "a percentage instead of a fraction"),
    ("6.1", "the share of the rare class"),
    ("6.2", "the costs swapped"),
    ("6.2", "the ratio of the costs, without the (1 - p)"),
    ("6.2", "0.5, the threshold for equal costs"),
    ("9.1", "civil (time-zone) time instead of solar time"),
    ("9.1", "the longitude subtracted instead of added"),
    ("9.1", "the hours not wrapped into 0-24"),
    ("9.1", "the UTC hour unchanged"),
    ("9.1", "the hours rounded to one decimal"),
    ("9.2", "a trace of the labelling (status, reviewed)"),
    ("9.2", "a trace of the network (net, nst, gap, rms, mag_type, dmin)"),
    ("9.2", "location in disguise (latitude, longitude, place, tz_offset_min)"),
    ("9.2", "depth_km with its fixed and rounded depths"),
]


# ---- number exercises ---------------------------------------------------------------------------


@exercise
def best_capacity(answer, validation_errors: dict, random_errors: dict | None = None) -> Feedback:
    """Exercise: the capacity (polynomial degree) with the lowest GROUPED validation error.

    ``random_errors``, the validation errors of the random split, if given, lets the check name the
    slip of choosing by the random split.
    """
    if is_blank(answer):
        return unanswered("best_degree", "Choose the degree with the lowest grouped validation RMSE.")
    if isinstance(answer, (bool, np.bool_)) or not isinstance(answer, (int, np.integer, float, np.floating)):
        return incorrect(f"best_degree should be a whole number (a degree), got {type(answer).__name__}.",
                         "Write a number such as 4, without quotes.", mistake=True)
    errors = {int(k): float(v) for k, v in validation_errors.items()}
    best = min(errors, key=errors.get)
    if not np.isfinite(answer) or float(answer) != int(answer) or int(answer) not in errors:
        return incorrect(f"best_degree = {answer!r} is not one of the degrees tried ({sorted(errors)}).",
                         "Pick one of the degrees in the table's index.", mistake=True)
    if int(answer) == best:
        return correct(f"degree {best}: lowest grouped validation RMSE ({errors[best]:.3f}).")
    if int(answer) == max(errors):
        return incorrect("The most flexible model has the lowest TRAINING error, not validation error.",
                         "Training error always falls with capacity; choose by validation error.", mistake=True)
    if random_errors:
        naive = min(random_errors, key=random_errors.get)
        if int(answer) == int(naive):
            return incorrect(f"degree {int(answer)} has the lowest validation error of the RANDOM split.",
                             "The random split shares earthquakes between training and validation: choose by "
                             "the column of the grouped split, which holds whole earthquakes out.", mistake=True)
    return incorrect(f"degree {int(answer)} is not the one with the lowest grouped validation RMSE.",
                     ("Look at the column of the grouped split, not the random one: the random split "
                      "shares earthquakes between training and validation.",
                      "Find the row where the grouped validation RMSE is smallest."))


@exercise
def leaked_events(answer, events, train_index, test_index) -> Feedback:
    """Exercise: how many earthquakes of the test fold also have records in the training fold."""
    events = np.asarray(events)
    train_events, test_events = events[np.asarray(train_index)], events[np.asarray(test_index)]
    shared = np.intersect1d(train_events, test_events)
    records = int(np.isin(test_events, train_events).sum())
    slips = [(len(np.unique(test_events)), "That is all the earthquakes of the test fold; count those that ALSO "
                                           "appear in training."),
             (records, "That counts the RECORDS of the test fold whose earthquake is also in training: count "
                       "each shared earthquake once."),
             (0, "The two folds never share a ROW, by construction. The question is about EARTHQUAKES: compare "
                 "the event numbers of the rows on each side, not the row indices.")]
    # a count is exact: no digits to round (atol keeps 12.0 equal to 12, and 12.4 wrong)
    return check_value(answer, len(shared), name="shared_events", rtol=0.0, atol=1e-9,
                       task="Count the earthquakes with records in both parts of the first fold.",
                       mistakes=[(value, why) for value, why in slips if value != len(shared)], hint=("Take the set of event numbers on each side and count what they have in common.",
             "numpy has a function for the intersection of two arrays; count its elements."))


@exercise
def majority_accuracy(answer, labels) -> Feedback:
    """Exercise: the accuracy of always predicting the most common class."""
    labels = np.asarray(labels)
    _, counts = np.unique(labels, return_counts=True)
    expected = counts.max() / counts.sum()
    return check_value(answer, expected, name="baseline_accuracy", digits=3, task="The accuracy of always "
                       "answering 'earthquake'.", mistakes=[
        (100 * expected, "That is a percentage: give a fraction between 0 and 1."),
        (1 - expected, "That is the share of the rare class: the baseline always says 'majority'."),
    ], hint=("Always answering 'earthquake' is right exactly for the earthquakes.",
             "Divide the number of earthquakes by the number of events."))


@exercise
def cost_threshold(answer, cost_missed: float, cost_false_alarm: float) -> Feedback:
    """Exercise: the cost-optimal threshold on a calibrated probability, C_FA / (C_FA + C_miss)."""
    expected = cost_false_alarm / (cost_false_alarm + cost_missed)
    return check_value(answer, expected, name="threshold_from_costs", digits=2, task="Flag an event when the expected "
                       "cost of missing it exceeds the expected cost of a false alarm: p * cost_missed > "
                       "(1 - p) * cost_false_alarm. Solve for p.", mistakes=[
        (cost_missed / (cost_false_alarm + cost_missed), "The costs are swapped: a high cost of missing a "
                                                         "blast must LOWER the threshold."),
        (cost_false_alarm / cost_missed, "Close: solve p * cost_missed = (1 - p) * cost_false_alarm "
                                         "exactly; the (1 - p) matters."),
        (0.5, "0.5 is right only when both errors cost the same."),
    ], hint=("At the threshold both decisions cost the same on average: p times one cost equals "
             "(1 - p) times the other.", "Collect the terms in p on one side and divide."))


@exercise
def local_hour(answer, utc_hour, longitude, tz_offset_min=None) -> Feedback:
    """Exercise: local solar hour = UTC hour + longitude / 15, wrapped to 0-24 h."""
    utc_hour, longitude = check_vector(utc_hour, "utc_hour"), check_vector(longitude, "longitude")
    expected = (utc_hour + longitude / 15.0) % 24
    # Hours are compared on the clock, within about a minute (0.02 h): seconds added, the full
    # timestamp shifted, or a rounding to 2 decimals are as right as the reference.
    hours = _hours_or_none(answer, expected.shape)
    if hours is not None:
        circular = np.abs((hours - expected + 12.0) % 24.0 - 12.0)
        if np.all(circular <= HOUR_TOLERANCE):
            if np.any((hours < 0) | (hours >= 24)):
                return incorrect(f"hour_local: {int(np.sum((hours < 0) | (hours >= 24)))} of the {hours.size} "
                                 "hours lie outside [0, 24).",
                                 "Wrap the result into 0-24 h with the modulo operator (it wraps both ends: "
                                 "negative hours and hours of 24 and more).", mistake=True)
            if not np.allclose(hours, expected, rtol=0, atol=1e-9):
                return correct(f"hour_local: every hour within {HOUR_TOLERANCE} h of the solar hour "
                               "(UTC + longitude / 15, wrapped into 0-24 h).")
        elif np.all(circular <= 0.06):
            return incorrect(f"hour_local: right to about 0.1 h, but {int(np.sum(circular > HOUR_TOLERANCE))} of "
                             f"the {hours.size} hours are off by more than {HOUR_TOLERANCE} h.",
                             "Your hours look rounded to one decimal: keep at least two.", mistake=True)
    civil = [] if tz_offset_min is None else [
        ((utc_hour + check_vector(tz_offset_min, "tz_offset_min") / 60.0) % 24,
         "That is civil (time-zone) time, which jumps at zone borders and with daylight saving. The sun sets "
         "the working day: use the solar hour, from the longitude (15° per hour)."),
        (utc_hour + check_vector(tz_offset_min, "tz_offset_min") / 60.0,
         "That is civil (time-zone) time, not solar time: use the longitude (15° per hour).")]
    return check_value(answer, expected, name="hour_local", atol=HOUR_TOLERANCE, rtol=0.0,
                       task="The local solar hour of every event, in [0, 24), within 0.02 h.", mistakes=civil + [
        ((utc_hour - longitude / 15.0) % 24, "You shifted the wrong way: at 120° W the local hour is 8 h "
                                              "EARLIER than in Greenwich, and west longitudes are negative."),
        (utc_hour + longitude / 15.0, "Wrap the result into 0-24 h with the modulo operator."),
        (utc_hour, "That is still UTC: shift by the longitude (15° per hour)."),
    ], hint=("The sun moves 15° of longitude per hour; east of Greenwich it is later.",
             "How many hours ahead of Greenwich is a place at 30° E, and one at 120° W? Shift each UTC hour "
             "by its own amount, then bring the results back into 0-24."))


HOUR_TOLERANCE = 0.02   # hours, about a minute: the utc_hour of the notebook has no seconds


def _hours_or_none(answer, shape):
    """The answer as a float array of ``shape``, or None when it cannot be read so (check_value says why)."""
    try:
        hours = np.asarray(answer, dtype=float).reshape(-1)
    except (TypeError, ValueError):
        return None
    return hours if hours.shape == shape and np.all(np.isfinite(hours)) else None


_LABELLING = "a trace of the labelling: it records what analysts did, not what the event was."
_NETWORK = "a trace of the network: it depends on which network located the event, and only some networks label blasts."
_LOCATION = "location in disguise: it stands in for where the networks and quarries that label blasts are."
_NOTHING = "no property of the event that carries over to next month's catalogue."
LEAKY_FEATURES = {
    "status": _LABELLING, "reviewed": _LABELLING, "depth_fixed": _LABELLING, "type": "the label itself.",
    "depth_km": "a trace of the labelling: it holds the fixed and rounded depths (another depth column does not).",
    "net": _NETWORK, "nst": _NETWORK, "nst_missing": _NETWORK, "gap": _NETWORK, "rms": _NETWORK,
    "mag_type": _NETWORK, "dmin": _NETWORK,
    "latitude": _LOCATION, "longitude": _LOCATION, "place": _LOCATION, "tz_offset_min": _LOCATION,
    "id": _NOTHING, "time_utc": _NOTHING,
}


@exercise
def deployable_features(answer, available) -> Feedback:
    """Exercise: a list of features a deployed blast discriminator may use (no labelling traces)."""
    if is_blank(answer):
        return unanswered("deployable", "List the columns a discriminator may use on next month's catalogue "
                                        "from any network.")
    if isinstance(answer, str) or not isinstance(answer, (list, tuple, set)):
        return incorrect(f"`deployable` should be a list of column names, got {type(answer).__name__}.",
                         "Write a list of strings, for example ['mag', ...].", mistake=True)
    answer = list(answer)
    if not answer or not all(isinstance(a, str) for a in answer):
        return incorrect("`deployable` should be a non-empty list of column names (strings).",
                         "Write a list of strings, for example ['mag', ...].", mistake=True)
    unknown = [a for a in answer if a not in available]
    if unknown:
        named = ", ".join(repr(name) for name in unknown[:3]) + (", ..." if len(unknown) > 3 else "")
        return incorrect(f"{named}: not columns of `table` here.",
                         "Use the names exactly as they are spelled in the list the cell prints.", mistake=True,
                         details=f"The columns of `table`: {sorted(available)}")
    leaky = list(dict.fromkeys(a for a in answer if a in LEAKY_FEATURES))
    if leaky:
        first = f"{leaky[0]!r} cannot be used by a deployed discriminator: it is {LEAKY_FEATURES[leaky[0]]}"
        if len(leaky) > 1:
            first = (f"{len(leaky)} of your columns cannot be used by a deployed discriminator: "
                     + ", ".join(repr(a) for a in leaky) + ".")
        return incorrect(first,
                         f"Ask of each of {', '.join(f'`{a}`' for a in leaky)}: would it mean the same for a network "
                         "that never labelled a blast? Your defence below should say which kind of leak each is "
                         "(labelling, network or location).",
                         mistake=True,
                         details="\n".join(f"{a}: {LEAKY_FEATURES[a]}" for a in leaky))
    if len(set(answer)) < 2:
        return incorrect("One feature alone makes a weak discriminator.",
                         ("Which properties of the event itself (its size, its depth, its time of day) could "
                          "differ between blasts and earthquakes everywhere?",
                          "Magnitude, depth and the local hour are properties of the event; which depth "
                          "column carries no trace of the analysts?"))
    return correct(f"{sorted(set(answer))}: properties of the events, not of who labelled them (though `mag` "
                   "still carries some of the network: its magnitude type and the size of events it records). "
                   "Now defend the choice in the markdown cell below.")


# ---- references for later cells (kept here so that the notebook does not print the answers) -----

SAMPLE_DEPLOYABLE = ["depth_unfixed", "mag", "hour_local"]


def reference_best_degree(validation_errors: dict) -> int:
    """The degree with the lowest validation error."""
    return int(min(validation_errors, key=validation_errors.get))


def reference_cost_threshold(cost_missed: float, cost_false_alarm: float) -> float:
    """The cost-optimal threshold on a calibrated probability."""
    return cost_false_alarm / (cost_false_alarm + cost_missed)


def reference_local_hour(utc_hour, longitude) -> np.ndarray:
    """Local solar hour in [0, 24)."""
    return (np.asarray(utc_hour, dtype=float) + np.asarray(longitude, dtype=float) / 15.0) % 24


def chosen_features(answer, available) -> list:
    """The student's deployable features once accepted, else the sample answer (saying so)."""
    try:
        quiet = deployable_features.__wrapped__(answer, available) if not is_blank(answer) else None
    except Exception:  # noqa: BLE001 - whatever was typed, the notebook goes on with the sample
        quiet = None
    if quiet is not None and quiet.status == "correct":
        return list(answer)
    print("Using the sample answer for `deployable` from here on: yours is not answered yet or not accepted.")
    return list(SAMPLE_DEPLOYABLE)
