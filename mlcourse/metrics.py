"""Model performance: how good are the predictions?

Classification: the confusion matrix counts true positives (TP), false
positives (FP), true negatives (TN) and false negatives (FN); from it

- accuracy  ``A = correct / total = (TP + TN) / total``: how many predictions are correct?
- precision ``P = TP / (TP + FP)``: how reliable are the detections? (how often is the model fooled?)
- recall    ``R = TP / (TP + FN)``: how complete are they? (how many things did the model miss?)
- F1        ``2 P R / (P + R)``, ROC curve and its area (AUC).

Regression: mean absolute error (MAE), mean squared error (MSE), its root
(RMSE), R². Detection of objects: intersection over union (IoU).

Names and argument order as in scikit-learn: ``(y_true, y_pred)``. The short
names of the first release (``accuracy``, ``precision``, ``recall``,
``roc_auc``) still work, as aliases, because the notebooks use them. (The
losses of :mod:`mlcourse.losses` follow PyTorch instead, ``(y_pred, y_true)``,
and keep the short names ``mse``/``mae``; the two never share a name.) Class
labels may be numbers or strings ("quake", "blast"), as in scikit-learn.
When a ratio has a zero denominator (no positive prediction for the
precision, say), the result is ``zero_division`` (default 0.0), as in
scikit-learn.

The slides' cat detector: 998 dogs and 2 cats, one cat found.

>>> y_true = np.r_[np.zeros(998), 1, 1]
>>> y_pred = np.r_[np.zeros(998), 1, 0]
>>> accuracy_score(y_true, y_pred), precision_score(y_true, y_pred), recall_score(y_true, y_pred)
(0.999, 1.0, 0.5)
"""

from __future__ import annotations

import numpy as np

from ._validation import (check_array, check_binary_labels, check_consistent_length, check_labels,
                          check_option, check_vector, describe)

__all__ = ["confusion_matrix", "accuracy_score", "precision_score", "recall_score", "f1_score",
           "roc_curve", "roc_auc_score", "mean_absolute_error", "mean_squared_error",
           "root_mean_squared_error", "r2_score", "iou_masks", "iou_boxes",
           "accuracy", "precision", "recall", "roc_auc"]

AVERAGES = ("binary", "macro", "micro", "weighted")


def _pair(y_true, y_pred, names=("y_true", "y_pred"), check=check_vector):
    a, b = check(y_true, names[0]), check(y_pred, names[1])
    check_consistent_length(**{names[0]: a, names[1]: b})
    return a, b


def _label_pair(y_true, y_pred):
    """Class labels of any hashable type (numbers, strings), as scikit-learn accepts them."""
    y_true, y_pred = _pair(y_true, y_pred, check=check_labels)
    if (y_true.dtype.kind in "biuf") != (y_pred.dtype.kind in "biuf"):
        raise TypeError(f"y_true and y_pred must hold labels of the same type, got y_true with dtype "
                        f"{y_true.dtype} ({y_true[0]!r}, ...) and y_pred with dtype {y_pred.dtype} "
                        f"({y_pred[0]!r}, ...).")
    return y_true, y_pred


def confusion_matrix(y_true, y_pred, labels=None) -> np.ndarray:
    """Counts of (true class, predicted class): rows are the truth, columns the prediction.

    For labels (0, 1): ``[[TN, FP], [FN, TP]]``. The classes are ``labels``
    in that order, or by default the sorted labels present in either array.

    >>> confusion_matrix([0, 0, 1, 1], [0, 1, 1, 1]).tolist()
    [[1, 1], [0, 2]]
    >>> confusion_matrix(["quake", "blast"], ["quake", "quake"]).tolist()  # blast, quake
    [[0, 1], [0, 1]]
    """
    y_true, y_pred = _label_pair(y_true, y_pred)
    labels = np.union1d(y_true, y_pred) if labels is None else check_labels(labels, "labels")
    index = {v: i for i, v in enumerate(labels)}
    k = len(labels)
    keep = np.isin(y_true, labels) & np.isin(y_pred, labels)
    rows = np.array([index[v] for v in y_true[keep]], dtype=int)
    cols = np.array([index[v] for v in y_pred[keep]], dtype=int)
    return np.bincount(rows * k + cols, minlength=k * k).reshape(k, k)


def accuracy_score(y_true, y_pred) -> float:
    """Fraction of correct predictions, ``(TP + TN) / total``.

    >>> accuracy_score([0, 1, 1, 0], [0, 1, 0, 0])
    0.75
    """
    y_true, y_pred = _label_pair(y_true, y_pred)
    return float(np.mean(y_true == y_pred))


def _ratio(num, den, zero_division):
    num, den = np.asarray(num, float), np.asarray(den, float)
    out = np.full(num.shape, float(zero_division))
    np.divide(num, den, out=out, where=den > 0)
    return out


def _per_class_counts(y_true, y_pred, average, pos_label):
    """TP, FP, FN per class (one class for average="binary") and each class's support."""
    check_option(average, "average", AVERAGES)
    if average == "binary":
        labels_present = np.union1d(y_true, y_pred)
        listing = ", ".join(repr(v.item() if hasattr(v, "item") else v) for v in labels_present)
        if labels_present.size > 2:
            raise ValueError(f"average='binary' needs two classes, got {labels_present.size} "
                             f"({listing}); use average='macro', 'micro' or 'weighted' for several classes.")
        if labels_present.size == 2 and pos_label not in labels_present.tolist():
            raise ValueError(f"pos_label={pos_label!r} is not one of the labels ({listing}); "
                             "pass the positive class, e.g. pos_label='quake'.")
        classes = np.array([pos_label])
    else:
        classes = np.union1d(y_true, y_pred)
    tp = np.array([np.sum((y_pred == c) & (y_true == c)) for c in classes])
    fp = np.array([np.sum((y_pred == c) & (y_true != c)) for c in classes])
    fn = np.array([np.sum((y_pred != c) & (y_true == c)) for c in classes])
    return tp, fp, fn, tp + fn


def _average(per_class, support, average):
    if average == "weighted":
        return float(np.average(per_class, weights=support)) if support.sum() else 0.0
    return float(np.mean(per_class))


def _score(kind, y_true, y_pred, average, zero_division, pos_label):
    y_true, y_pred = _label_pair(y_true, y_pred)
    tp, fp, fn, support = _per_class_counts(y_true, y_pred, average, pos_label)
    if average == "micro":
        tp, fp, fn = tp.sum(keepdims=True), fp.sum(keepdims=True), fn.sum(keepdims=True)
    if kind == "precision":
        values = _ratio(tp, tp + fp, zero_division)
    elif kind == "recall":
        values = _ratio(tp, tp + fn, zero_division)
    else:  # F1 = 2 TP / (2 TP + FP + FN), the harmonic mean of precision and recall
        values = _ratio(2 * tp, 2 * tp + fp + fn, zero_division)
    return _average(values, support, average) if average in ("macro", "weighted") else float(values[0])


def precision_score(y_true, y_pred, average: str = "binary", zero_division: float = 0.0,
              pos_label=1) -> float:
    """Precision ``TP / (TP + FP)``: of the detections, how many are right?

    "How often is the model fooled?" With no detection at all (TP + FP = 0)
    the result is ``zero_division``.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,)
    average : {"binary", "macro", "micro", "weighted"}
        "binary" scores the class ``pos_label``; "macro" averages the classes'
        precisions, "weighted" weighs them by class size, "micro" pools the counts.
    zero_division : float
        Value returned when the denominator is zero.
    pos_label : label, default 1
        The positive class for average="binary" (e.g. "quake" for string labels).

    >>> precision_score([0, 1, 1, 0], [1, 1, 1, 0])
    0.6666666666666666
    >>> precision_score(["quake", "blast", "quake"], ["quake", "quake", "quake"], pos_label="quake")
    0.6666666666666666
    """
    return _score("precision", y_true, y_pred, average, zero_division, pos_label)


def recall_score(y_true, y_pred, average: str = "binary", zero_division: float = 0.0,
           pos_label=1) -> float:
    """Recall ``TP / (TP + FN)``: of the real positives, how many were found?

    "How many things did the model miss?" Parameters as :func:`precision_score`.

    >>> recall_score([0, 1, 1, 0], [0, 1, 0, 0])
    0.5
    """
    return _score("recall", y_true, y_pred, average, zero_division, pos_label)


def f1_score(y_true, y_pred, average: str = "binary", zero_division: float = 0.0,
             pos_label=1) -> float:
    """F1 ``= 2 P R / (P + R) = 2 TP / (2 TP + FP + FN)``: high only when both P and R are.

    Parameters as :func:`precision_score`.

    >>> round(f1_score([0, 1, 1, 0], [0, 1, 0, 0]), 4)
    0.6667
    """
    return _score("f1", y_true, y_pred, average, zero_division, pos_label)


def roc_curve(y_true, y_score):
    """Receiver operating characteristic: false- and true-positive rates for every threshold.

    Declaring "positive" when ``score >= threshold`` for each distinct score,
    from the highest down, gives one point (FPR, TPR) per threshold; the first
    threshold is ``inf`` (nothing declared positive), as in scikit-learn with
    ``drop_intermediate=False``.

    Returns
    -------
    fpr, tpr, thresholds : ndarrays

    >>> fpr, tpr, thr = roc_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    >>> fpr.tolist(), tpr.tolist()
    ([0.0, 0.0, 0.5, 0.5, 1.0], [0.0, 0.5, 0.5, 1.0, 1.0])
    """
    y_true, y_score = _pair(y_true, y_score, ("y_true", "y_score"))
    y_true = check_binary_labels(y_true, "y_true")
    n_pos, n_neg = y_true.sum(), (1 - y_true).sum()
    if n_pos == 0 or n_neg == 0:
        raise ValueError("roc_curve needs both classes in y_true (positives and negatives); "
                         f"got only class {int(y_true[0])}.")
    order = np.argsort(-y_score, kind="mergesort")
    scores, truth = y_score[order], y_true[order]
    last_of_each = np.r_[np.flatnonzero(np.diff(scores)), len(scores) - 1]  # ties count together
    tps = np.cumsum(truth)[last_of_each]
    fps = (last_of_each + 1) - tps
    return np.r_[0.0, fps / n_neg], np.r_[0.0, tps / n_pos], np.r_[np.inf, scores[last_of_each]]


def roc_auc_score(y_true, y_score) -> float:
    """Area under the ROC curve: the probability that a random positive scores above a random negative.

    0.5 is guessing, 1.0 a perfect ranking.

    >>> roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    """
    fpr, tpr, _ = roc_curve(y_true, y_score)
    return float(np.trapezoid(tpr, fpr))


def _regression_pair(y_true, y_pred):
    a = np.asarray(y_true, dtype=float) if not isinstance(y_true, np.ndarray) else y_true
    if a.ndim == 2:
        y_true = check_array(y_true, "y_true")
        y_pred = check_array(y_pred, "y_pred", n_features=y_true.shape[1],
                             context="a multi-output score")
        check_consistent_length(y_true=y_true, y_pred=y_pred)
        return y_true, y_pred
    y_true, y_pred = _pair(y_true, y_pred)
    return y_true[:, None], y_pred[:, None]


def _output_mean(values, multioutput):
    check_option(multioutput, "multioutput", ("uniform_average", "raw_values"))
    return values if multioutput == "raw_values" else float(np.mean(values))


def mean_absolute_error(y_true, y_pred, multioutput: str = "uniform_average"):
    """Mean absolute error ``1/N sum |y'_i - y_i|``, in the units of ``y``.

    The same number as the loss :func:`mlcourse.losses.mae`, which takes
    ``(y_pred, y_true)`` as PyTorch does.

    >>> mean_absolute_error([1.0, 2.0], [2.0, 4.0])
    1.5
    """
    y_true, y_pred = _regression_pair(y_true, y_pred)
    return _output_mean(np.mean(np.abs(y_true - y_pred), axis=0), multioutput)


def mean_squared_error(y_true, y_pred, multioutput: str = "uniform_average"):
    """Mean squared error ``1/N sum (y'_i - y_i)^2``, in squared units.

    The same number as the loss :func:`mlcourse.losses.mse`, which takes
    ``(y_pred, y_true)`` as PyTorch does.

    >>> mean_squared_error([1.0, 2.0], [2.0, 4.0])
    2.5
    """
    y_true, y_pred = _regression_pair(y_true, y_pred)
    return _output_mean(np.mean((y_true - y_pred) ** 2, axis=0), multioutput)


def root_mean_squared_error(y_true, y_pred, multioutput: str = "uniform_average"):
    """Root mean squared error, ``sqrt(MSE)``, back in the units of ``y``.

    >>> round(root_mean_squared_error([0.0, 0.0], [3.0, 4.0]), 4)
    3.5355
    """
    y_true, y_pred = _regression_pair(y_true, y_pred)
    return _output_mean(np.sqrt(np.mean((y_true - y_pred) ** 2, axis=0)), multioutput)


def r2_score(y_true, y_pred, multioutput: str = "uniform_average"):
    """Coefficient of determination ``R² = 1 - sum (y' - y)^2 / sum (y' - mean y')^2``.

    1 is perfect, 0 is no better than predicting the mean, negative is worse.
    For a constant ``y_true`` (zero denominator), as scikit-learn: 1.0 for a
    perfect prediction, else 0.0.

    >>> r2_score([1.0, 2.0, 3.0], [1.0, 2.0, 4.0])
    0.5
    """
    y_true, y_pred = _regression_pair(y_true, y_pred)
    ss_res = np.sum((y_true - y_pred) ** 2, axis=0)
    ss_tot = np.sum((y_true - y_true.mean(axis=0)) ** 2, axis=0)
    r2 = np.where(ss_res == 0, 1.0, 0.0)
    np.divide(ss_tot - ss_res, ss_tot, out=r2, where=ss_tot > 0)
    return _output_mean(r2, multioutput)


def iou_masks(mask_a, mask_b, zero_division: float = 0.0) -> float:
    """Intersection over union of two masks: ``|A and B| / |A or B|``.

    >>> a = np.zeros((4, 4), bool); a[:2] = True
    >>> b = np.zeros((4, 4), bool); b[1:3] = True
    >>> iou_masks(a, b)
    0.3333333333333333
    """
    a, b = np.asarray(mask_a), np.asarray(mask_b)
    if a.shape != b.shape:
        raise ValueError(f"mask_a and mask_b must have the same shape, got mask_a "
                         f"{describe(a)} and mask_b {describe(b)}.")
    if a.size == 0:
        raise ValueError("mask_a is empty; masks need at least one pixel.")
    a, b = a.astype(bool), b.astype(bool)
    return float(_ratio(np.logical_and(a, b).sum(), np.logical_or(a, b).sum(), zero_division))


def _boxes(value, name):
    boxes = check_array(np.atleast_2d(value), name, n_features=4,
                        context="iou_boxes (x_min, y_min, x_max, y_max)")
    if np.any(boxes[:, 2] < boxes[:, 0]) or np.any(boxes[:, 3] < boxes[:, 1]):
        raise ValueError(f"{name} must be (x_min, y_min, x_max, y_max) with x_max >= x_min and "
                         f"y_max >= y_min, got {boxes[(boxes[:, 2] < boxes[:, 0]) | (boxes[:, 3] < boxes[:, 1])][0].tolist()}.")
    return boxes


def _area(boxes):
    return (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])


def iou_boxes(box_a, box_b, zero_division: float = 0.0):
    """Intersection over union of axis-aligned boxes ``(x_min, y_min, x_max, y_max)``.

    Single boxes give a float; arrays of boxes (n, 4) give one IoU per pair.

    >>> iou_boxes([0, 0, 2, 2], [1, 1, 3, 3])
    0.14285714285714285
    """
    single = np.ndim(box_a) == 1 and np.ndim(box_b) == 1
    a, b = _boxes(box_a, "box_a"), _boxes(box_b, "box_b")
    check_consistent_length(box_a=a, box_b=b)
    width = np.clip(np.minimum(a[:, 2], b[:, 2]) - np.maximum(a[:, 0], b[:, 0]), 0, None)
    height = np.clip(np.minimum(a[:, 3], b[:, 3]) - np.maximum(a[:, 1], b[:, 1]), 0, None)
    inter = width * height
    iou = _ratio(inter, _area(a) + _area(b) - inter, zero_division)
    return float(iou[0]) if single else iou


# The first release's short names, which the notebooks use: the same functions.
accuracy = accuracy_score
precision = precision_score
recall = recall_score
roc_auc = roc_auc_score
