"""Day 1, sections 17-19: accuracy, precision and recall, IoU, a baseline, and a choice on validation data."""

from __future__ import annotations

import numpy as np

from ... import metrics
from ..._validation import check_vector
from .. import Feedback, correct, exercise, incorrect, is_blank, unanswered
from ._common import brief, check_number

__all__ = ["cat_detection", "iou", "baseline_mae", "validation_choice", "SLIPS"]

SLIPS = [
    ("17.1", "a percentage instead of a fraction"),
    ("17.1", "precision and recall swapped"),
    ("17.1", "accuracy counting only the correct dogs, not the detected cat"),
    ("18.1", "the union taken as both areas added, the overlap counted twice"),
    ("18.1", "divided by one box's area instead of the union"),
    ("19.1", "the RMSE instead of the MAE"),
    ("19.1", "the MSE instead of the MAE"),
    ("19.1", "the training median instead of the mean"),
    ("19.1", "the mean of the evaluation set instead of the training mean"),
    ("19.1", "evaluated on the test set instead of the validation set"),
    ("19.1", "the mean of all the data (test set included) instead of the training mean"),
    ("19.1", "evaluated on the training set instead of the validation set"),
    ("19.2", "chosen by the training error"),
    ("19.2", "a column that does not measure the error on unseen data"),
    ("19.2", "the right column, but a row more than one standard error above the best"),
]
"""The known slips of sections 17-19 that the checks recognise, each with a hint that names it."""


# ---------------------------------------------------------------- sections 17-19: metrics
@exercise
def cat_detection(accuracy, precision, recall, y_true, y_pred) -> Feedback:
    """Exercise: accuracy, precision and recall of the cat detector, as fractions."""
    if any(is_blank(v) for v in (accuracy, precision, recall)):
        return unanswered("accuracy, precision and recall", "Count TP, FP, FN and TN first.")
    ref = {"accuracy": metrics.accuracy_score(y_true, y_pred), "precision": metrics.precision_score(y_true, y_pred),
           "recall": metrics.recall_score(y_true, y_pred)}
    given = {"accuracy": accuracy, "precision": precision, "recall": recall}
    swapped = {"precision": ref["recall"], "recall": ref["precision"]}
    truth, detected = np.asarray(y_true) == 1, np.asarray(y_pred) == 1
    only_negatives = np.mean(~truth & ~detected) if truth.size else 0.0
    for name in ("accuracy", "precision", "recall"):
        mistakes = [(100 * ref[name], "Give a fraction between 0 and 1, not a percentage.")]
        if name in swapped and swapped[name] != ref[name]:
            mistakes.append((swapped[name], "Precision and recall are swapped: precision asks how many of the "
                                            "detections were cats, recall how many of the cats were detected."))
        if name == "accuracy" and only_negatives != ref[name]:
            mistakes.append((only_negatives, "Your accuracy counts only the correct dogs: a correctly detected "
                                             "cat is a correct prediction too."))
        # Each score is an exact fraction of counts: 0.999 is not a precision of 1, nor a rounding of it.
        try:
            value = float(np.asarray(given[name], dtype=float).reshape(-1)[0]) if np.size(given[name]) == 1 else None
        except (TypeError, ValueError):
            value = None
        slip = value is not None and any(np.isclose(value, m, rtol=1e-6, atol=0) for m, _ in mistakes)
        if value is not None and not slip and 1e-6 < abs(value - ref[name]) <= 0.01:
            return incorrect(f"{name} = {value:g} is close, but not the exact fraction.",
                             f"Each score is a ratio of counts: write {name} as a fraction of two counts (like "
                             "3 / 4), not a rounded or estimated value.", mistake=True)
        result = check_number(given[name], ref[name], name=name, digits=3, mistakes=mistakes,
                              hint=("Read TP, FP, FN and TN off the confusion matrix first.",
                                    "Each score is a fraction of a different total: of all predictions "
                                    "(accuracy), of the detections (precision), of the real cats (recall)."))
        if not result:
            return result
    return correct(f"accuracy {ref['accuracy']:.3f}, precision {ref['precision']:.3f}, "
                   f"recall {ref['recall']:.3f}: a 99.9 % accurate detector that misses half the cats.")


@exercise
def iou(answer, box_a, box_b) -> Feedback:
    """Exercise: intersection over union of two boxes ``(x_min, y_min, x_max, y_max)``."""
    a, b = np.asarray(box_a, float), np.asarray(box_b, float)
    inter = max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    area_a, area_b = (a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1])
    mistakes = [(inter / (area_a + area_b), "Your union counts the overlap twice (both areas added): the union "
                                            "counts it only once."),
                (inter / area_a, "Divide by the union of both boxes, not by one box's area."),
                (inter / area_b, "Divide by the union of both boxes, not by one box's area.")]
    return check_number(answer, metrics.iou_boxes(a, b), name="iou_value", pencil=True, mistakes=mistakes,
                        task="Divide the shared area by the area of both boxes together; two significant digits "
                             "are enough.",
                        hint=("The intersection is a rectangle: from the larger of the two left edges to the "
                              "smaller of the two right edges, and the same vertically.",
                              "The union is the area covered by either box: both areas added count the "
                              "overlap twice."))


@exercise
def baseline_mae(answer, y_train, y_eval, y_test=None, y_all=None) -> Feedback:
    """Exercise: MAE on ``y_eval`` of always predicting the training mean, in the units of y.

    ``y_test`` (optional) is the held-back test set, passed only to recognise
    the slip of evaluating on it; ``y_all`` (optional, by default training,
    evaluation and test sets together) recognises the mean of all the data.
    """
    y_train, y_eval = check_vector(y_train, "y_train"), check_vector(y_eval, "y_eval")
    guess = np.full_like(y_eval, y_train.mean())
    mistakes = [(metrics.root_mean_squared_error(y_eval, guess),
                 "That is the RMSE; the MAE averages |error| without squaring."),
                (metrics.mean_squared_error(y_eval, guess), "That is the MSE (in m²); the MAE is in metres."),
                (metrics.mean_absolute_error(y_eval, np.full_like(y_eval, np.median(y_train))),
                 "Predict the training MEAN, not the median."),
                (metrics.mean_absolute_error(y_eval, np.full_like(y_eval, y_eval.mean())),
                 "That is the mean of the set you evaluate on: the baseline may only know the TRAINING data."),
                (metrics.mean_absolute_error(y_train, np.full_like(y_train, y_train.mean())),
                 "That is the error on the TRAINING set: measure it on the validation set, Y[val_rows, 2].")]
    if y_test is not None:
        y_test = check_vector(y_test, "y_test")
        mistakes.append((metrics.mean_absolute_error(y_test, np.full_like(y_test, y_train.mean())),
                         "That is the error on the TEST set (Y[test_rows, 2]), which waits until the end: "
                         "evaluate on the validation set, Y[val_rows, 2]."))
    if y_all is None and y_test is not None:
        y_all = np.concatenate([y_train, y_eval, y_test])
    if y_all is not None:
        y_all = check_vector(y_all, "y_all")
        mistakes.append((metrics.mean_absolute_error(y_eval, np.full_like(y_eval, y_all.mean())),
                         "That predicts the mean of ALL the data, validation and test sets included: a leak. "
                         "The baseline may only know the training depths, Y[train_rows, 2]."))
    return check_number(answer, metrics.mean_absolute_error(y_eval, guess), name="baseline", unit="m", digits=3,
                        mistakes=mistakes, task="The MAE on the validation set of always predicting the "
                                                "training mean depth, in metres, to 3 significant digits.",
                        hint=("Predict the mean of the training depths for every validation measurement; average "
                              "the absolute errors.",
                              "Mind which set each number comes from: the prediction from the training depths, "
                              "the errors on the validation depths. (metrics.mean_absolute_error wants an array "
                              "of predictions: np.full_like(y, value) makes one.)"))


# ---------------------------------------------------------------- section 19: the investigation
SPREAD = "standard error (m)"


def _match_key(key, keys):
    """The candidate label equal to ``key`` up to float32 rounding (0.03 typed as np.float32), or ``key``."""
    for k in keys:
        if len(k) == len(key) and np.allclose(k, key, rtol=1e-6, atol=0.0):
            return k
    return key


def _tied_with_best(candidates: dict) -> list:
    """The candidates whose validation MAE is within one standard error of the best one's.

    The spread is the ``"standard error (m)"`` of the best candidate (its validation MAE is a
    mean over training seeds): the one-standard-error rule chooses among these candidates
    (a way to choose, not a test that a difference is luck). Without
    that column, only the lowest validation MAE (and exact ties) counts.
    """
    table = {tuple(float(v) for v in k): row for k, row in candidates.items()}
    validation = {k: float(row["validation MAE (m)"]) for k, row in table.items()}
    best = min(validation, key=validation.get)
    spread = float(table[best].get(SPREAD, 0.0))
    return [k for k in table if validation[k] <= validation[best] + spread + 1e-9 * abs(validation[best])]


@exercise
def validation_choice(answer, column, candidates: dict) -> Feedback:
    """Exercise: a configuration whose validation error is within one standard error of the lowest.

    ``column`` is the name of the table column the student chose by: the
    justification, which catches a choice by training error even where the
    same candidate is best on both columns. ``candidates`` maps
    ``(width, learning_rate)`` to a dict with the keys ``"training MAE (m)"``
    and ``"validation MAE (m)"``, and ``"standard error (m)"`` when the
    validation MAE is a mean over training seeds (and possibly others). Any
    candidate within one standard error of the best is accepted (the
    one-standard-error rule's set).
    """
    if is_blank(answer) or is_blank(column):
        return unanswered("chosen and column", "Pick the (width, learning_rate) you would keep, and name the "
                                               "column you chose by.")
    columns = list(next(iter(candidates.values())))
    if not isinstance(column, str) or column not in columns:
        return incorrect(f"`column` should be one of the column names of the table; got {brief(column)}.",
                         f"Copy the column's name, in quotes: one of {columns}.", mistake=True)
    if column == "training MAE (m)":
        return incorrect("You chose by the TRAINING error.",
                         "The training error rewards memorising: choose on the data the network did not "
                         "train on.", mistake=True)
    if column != "validation MAE (m)":
        return incorrect(f"{brief(column)} does not measure the error on unseen data.",
                         "Which column measures the error on measurements the network was not trained on?",
                         mistake=True)
    try:
        key = tuple(float(v) for v in answer)
    except (TypeError, ValueError, OverflowError):
        return incorrect(f"`chosen` should be a tuple (width, learning_rate), got {brief(answer)}.",
                         "Copy one row label of the table, for example (16, 0.01).", mistake=True)
    if len(key) != 2:
        return incorrect(f"`chosen` should be a tuple (width, learning_rate), got {brief(answer)}.",
                         "Copy one row label of the table, for example (16, 0.01).", mistake=True)
    table = {tuple(float(v) for v in k): row for k, row in candidates.items()}
    key = _match_key(key, table)
    if key not in table:
        return incorrect(f"{brief(answer)} is not one of the candidates: {sorted(candidates)}.",
                         "Copy one row label of the table, for example (16, 0.01).", mistake=True)
    validation = {k: row["validation MAE (m)"] for k, row in table.items()}
    best_key = min(validation, key=validation.get)
    best, spread = validation[best_key], float(table[best_key].get(SPREAD, 0.0))
    tied = _tied_with_best(candidates)
    if key in tied:
        if len(tied) == 1:
            return correct(f"({key[0]:g}, {key[1]:g}) has the lowest validation MAE, {best:.2f} m, and no "
                           f"other candidate comes within one standard error of it ({spread:.2f} m). The test set "
                           "has not been looked at yet.")
        others = ", ".join(f"({k[0]:g}, {k[1]:g})" for k in tied if k != key)
        return correct(f"({key[0]:g}, {key[1]:g}) is within one standard error ({spread:.2f} m) of the lowest "
                       f"validation MAE, {best:.2f} m, as are {others}. The one-standard-error rule, stated "
                       "beforehand, picks one of them: the solution takes the fewest neurons. The test set has not "
                       "been looked at yet.")
    training = {k: row["training MAE (m)"] for k, row in table.items()}
    if np.isclose(training[key], min(training.values())):
        return incorrect(f"{brief(answer)} has the lowest TRAINING error, not the lowest validation error.",
                         "The training error rewards memorising: choose on the data the network did not "
                         "train on.", mistake=True)
    return incorrect(f"{brief(answer)} has validation MAE {validation[key]:.2f} m, more than one standard error "
                     f"({spread:.2f} m) above the best, {best:.2f} m: another candidate does better.",
                     "Your column is the right one; the row is not. Find the lowest validation MAE, add one "
                     "standard error to it, and among the rows at or below that sum take the simplest (the "
                     "fewest neurons): the one-standard-error rule.", mistake=True)


def reference_choice(candidates: dict, answer=None):
    """The choice a later cell builds on: the student's where it is tied with the best, else the rule's.

    The rule, stated in the notebook: of the candidates within one standard error of the best,
    the one with the fewest neurons (then the lower validation MAE).
    """
    tied = _tied_with_best(candidates)
    try:
        key = tuple(float(v) for v in answer)
    except (TypeError, ValueError, OverflowError):
        key = None
    original = {tuple(float(v) for v in k): k for k in candidates}
    if key is not None:
        key = _match_key(key, original)
    if key in tied:
        return original[key]
    validation = {k: float(candidates[original[k]]["validation MAE (m)"]) for k in tied}
    return original[min(tied, key=lambda k: (k[0], validation[k]))]
