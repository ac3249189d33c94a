"""Checks for the exercises of Day 1 (overview of ML and the submarine hands-on).

Each check recomputes the reference with numpy or mlcourse from the same
inputs the student used, and recognises the usual mistakes.

>>> least_squares_w(..., x=[1.0, 2.0], y=[2.0, 4.0]).status
'unanswered'
>>> least_squares_w(2.0, x=[1.0, 2.0], y=[2.0, 4.0]).status
'correct'
"""

from __future__ import annotations

import numpy as np

from .. import losses, metrics
from .._validation import check_array, check_vector
from ..network import collapse_linear
from . import Feedback, check_value, correct, incorrect, is_blank, unanswered

__all__ = ["least_squares_w", "neuron_output", "weight_shape", "layer_output", "collapsed_layer",
           "loss_values", "cat_detection", "iou", "baseline_mae", "learning_rate", "quiz_feedback"]


def least_squares_w(answer, x, y) -> Feedback:
    """Exercise: the ``w`` of ``y = w x`` that minimises the squared error, ``sum x y / sum x^2``."""
    x, y = check_vector(x, "x"), check_vector(y, "y")
    expected = np.sum(x * y) / np.sum(x * x)
    mistakes = [
        (np.sum(x * y) / np.sum(y * y), "You divided by sum(y**2); the derivative of the loss "
                                         "with respect to w gives sum(x**2) in the denominator."),
        (np.mean(y) / np.mean(x), "mean(y) / mean(x) is not the least-squares slope: "
                                  "use w = sum(x*y) / sum(x*x)."),
        (np.polyfit(x, y, 1)[0], "That is the slope of a line with an intercept; y = w x has none."),
    ]
    return check_value(answer, expected, name="w_best", mistakes=mistakes,
                       hint="Set dL/dw = 0 for L = sum (w x_i - y_i)^2 and solve for w.")


def neuron_output(answer, weights, x, bias) -> Feedback:
    """Exercise: ``y = sum_i w_i x_i + b`` for one sample."""
    w, x = check_vector(weights, "weights"), check_vector(x, "x")
    expected = w @ x + bias
    mistakes = [(w @ x, "The bias is missing: y = w @ x + b."),
                (np.sum(w) + np.sum(x) + bias, "Multiply each input by its weight before adding.")]
    return check_value(answer, expected, name="y", mistakes=mistakes,
                       hint="Multiply each x_i by its w_i, add them up, then add b.")


def weight_shape(answer, n_inputs: int, n_outputs: int) -> Feedback:
    """Exercise: the shape of ``W`` in ``y_i = W_ij x_j + b_i``: ``(n_outputs, n_inputs)``."""
    if is_blank(answer):
        return unanswered("W_shape", "One row per output neuron, one column per input.")
    expected = (n_outputs, n_inputs)
    try:
        answer = tuple(int(v) for v in answer)
    except (TypeError, ValueError):
        return incorrect(f"W_shape should be a tuple of two numbers, got {answer!r}.",
                         "Write it like (rows, columns).")
    if answer == expected:
        return correct(f"W has shape {expected}: row i holds the weights of output i.")
    if answer == expected[::-1]:
        return incorrect(f"W_shape = {answer} is transposed.",
                         "In mlcourse, as on the slides, W is (n_out, n_in): y = W @ x.")
    return incorrect(f"W_shape = {answer} does not fit {n_inputs} inputs and {n_outputs} outputs.",
                     "One row per output neuron, one column per input.")


def layer_output(answer, W, b, x) -> Feedback:
    """Exercise: ``y = W @ x + b`` for one sample."""
    W = check_array(W, "W")
    b, x = check_vector(b, "b"), check_vector(x, "x")
    expected = W @ x + b
    mistakes = [(W @ x, "The bias vector b is missing: y = W @ x + b.")]
    if W.shape[0] == W.shape[1]:
        mistakes.append((W.T @ x + b, "You used W transposed: y_i = sum_j W_ij x_j, so y = W @ x + b."))
    return check_value(answer, expected, name="y", mistakes=mistakes, hint="y = W @ x + b")


def collapsed_layer(W_star, b_star, layers) -> Feedback:
    """Exercise: the single layer ``W* = W2 W1``, ``b* = W2 b1 + b2`` of two linear layers."""
    if is_blank(W_star) or is_blank(b_star):
        return unanswered("W_star and b_star", "Insert x1 = W1 x0 + b1 into x2 = W2 x1 + b2.")
    W_ref, b_ref = collapse_linear(layers)
    W1, W2 = layers[0].W, layers[1].W
    b1, b2 = layers[0].b, layers[1].b
    w_check = check_value(W_star, W_ref, name="W_star",
                          mistakes=[(W1 @ W2, "The order matters: the first layer acts first, W* = W2 @ W1.")]
                          if W1.shape[0] == W2.shape[1] else [])
    if not w_check:
        return w_check
    return check_value(b_star, b_ref, name="b_star",
                       mistakes=[(b1 + b2, "b1 passes through the second layer too: b* = W2 @ b1 + b2."),
                                 (b2, "b1 passes through the second layer: b* = W2 @ b1 + b2.")],
                       hint="b* = W2 @ b1 + b2")


def loss_values(mse_value, bce_value, y_pred_reg, y_true_reg, p_pred, y_true_cls) -> Feedback:
    """Exercise: the mean-squared error and the binary cross-entropy (mean over samples)."""
    if is_blank(mse_value) or is_blank(bce_value):
        return unanswered("mse_value and bce_value", "Follow the formulas of the slides, then divide by N.")
    err = check_vector(y_pred_reg, "y_pred") - check_vector(y_true_reg, "y_true")
    mse_check = check_value(mse_value, losses.mse(y_pred_reg, y_true_reg), name="mse_value", mistakes=[
        (np.mean(np.abs(err)), "That is the mean ABSOLUTE error: square the differences."),
        (np.sum(err ** 2), "That is the sum: divide by N for the mean."),
        (np.sqrt(np.mean(err ** 2)), "That is the root of the MSE (RMSE): no square root here."),
    ])
    if not mse_check:
        return mse_check
    p, t = check_vector(p_pred, "p_pred"), check_vector(y_true_cls, "y_true")
    terms = t * np.log(p) + (1 - t) * np.log(1 - p)
    return check_value(bce_value, losses.binary_cross_entropy(p, t), name="bce_value", mistakes=[
        (-np.sum(terms), "That is the slides' sum; mlcourse (like PyTorch) uses the mean: divide by N."),
        (np.mean(terms), "The sign: log of a probability is negative, the loss has a minus in front."),
        (-np.mean(t * np.log(p)), "The (1 - y') log(1 - y) term for the negatives is missing."),
    ])


def cat_detection(accuracy, precision, recall, y_true, y_pred) -> Feedback:
    """Exercise: accuracy, precision and recall of the cat detector, as fractions."""
    if any(is_blank(v) for v in (accuracy, precision, recall)):
        return unanswered("accuracy, precision and recall", "Count TP, FP, FN and TN first.")
    ref = {"accuracy": metrics.accuracy(y_true, y_pred), "precision": metrics.precision(y_true, y_pred),
           "recall": metrics.recall(y_true, y_pred)}
    given = {"accuracy": accuracy, "precision": precision, "recall": recall}
    swapped = {"precision": ref["recall"], "recall": ref["precision"]}
    for name in ("accuracy", "precision", "recall"):
        mistakes = [(100 * ref[name], "Give a fraction between 0 and 1, not a percentage.")]
        if name in swapped and swapped[name] != ref[name]:
            mistakes.append((swapped[name], "Precision and recall are swapped: precision divides by "
                                            "the detections (TP + FP), recall by the real cats (TP + FN)."))
        result = check_value(given[name], ref[name], name=name, mistakes=mistakes)
        if not result:
            return result
    return correct(f"accuracy {ref['accuracy']:.3f}, precision {ref['precision']:.3f}, "
                   f"recall {ref['recall']:.3f}: a 99.9 % accurate detector that misses half the cats.")


def iou(answer, box_a, box_b) -> Feedback:
    """Exercise: intersection over union of two boxes ``(x_min, y_min, x_max, y_max)``."""
    a, b = np.asarray(box_a, float), np.asarray(box_b, float)
    inter = max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    area_a, area_b = (a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1])
    mistakes = [(inter / (area_a + area_b), "The union counts the overlap only once: "
                                            "area_a + area_b - intersection."),
                (inter / area_a, "Divide by the union of both boxes, not by one box's area.")]
    return check_value(answer, metrics.iou_boxes(a, b), name="iou_value", mistakes=mistakes,
                       hint="IoU = intersection / (area_a + area_b - intersection).")


def baseline_mae(answer, y_train, y_test) -> Feedback:
    """Exercise: MAE of always predicting the training mean, in the units of y."""
    y_train, y_test = check_vector(y_train, "y_train"), check_vector(y_test, "y_test")
    guess = np.full_like(y_test, y_train.mean())
    mistakes = [(metrics.root_mean_squared_error(y_test, guess),
                 "That is the RMSE; the MAE averages |error| without squaring."),
                (metrics.mean_squared_error(y_test, guess), "That is the MSE (in m²); the MAE is in metres."),
                (metrics.mean_absolute_error(y_test, np.full_like(y_test, np.median(y_train))),
                 "Predict the training MEAN, not the median.")]
    return check_value(answer, metrics.mean_absolute_error(y_test, guess), name="baseline", unit="m",
                       mistakes=mistakes,
                       hint="baseline = mean(|y_test - y_train.mean()|)")


def learning_rate(answer, curves: dict, target: float) -> Feedback:
    """Exercise: a learning rate whose training ends below ``target`` without diverging.

    ``curves`` maps the learning rates tried in the demo to their losses per
    epoch (as from :func:`mlcourse.widgets.day1.learning_rate_curves`); the
    answer must be one of them.
    """
    if is_blank(answer):
        return unanswered("good_learning_rate", "Look at the curves in the figure above.")
    if answer not in curves:
        return incorrect(f"{answer!r} is not one of the learning rates tried: {sorted(curves)}.",
                         "Pick one of the learning rates in the figure.")
    losses = np.asarray(curves[answer], dtype=float)
    if not np.all(np.isfinite(losses)) or losses[-1] > losses[0]:
        return incorrect(f"With learning rate {answer:g} the loss grows: the training diverges.",
                         "Steps that are too large overshoot the minimum: choose a smaller one.")
    if losses[-1] > target:
        return incorrect(f"With learning rate {answer:g} the loss is still {losses[-1]:.3g} at the end.",
                         "Steps that are too small crawl toward the minimum: choose a larger one.")
    return correct(f"learning rate {answer:g} brings the loss down to {losses[-1]:.3g}.")


def quiz_feedback(choice) -> Feedback:
    """The verdict on the slides' quiz: stacked *linear* layers make no difference (c)."""
    if choice is None or choice is Ellipsis:
        return unanswered("choice", "Write x(2) in terms of x(0).")
    if choice == "c":
        return correct("Without an activation, W2 (W1 x + b1) + b2 = W* x + b*: one layer would do.")
    if choice == "a":
        return incorrect("More parameters, but no new shapes of function.",
                         "Insert x(1) = W(1) x(0) + b(1) into x(2) = W(2) x(1) + b(2).")
    if choice == "b":
        return incorrect("They are not worse at what they compute: they compute the same thing.",
                         "Multiply out W(2) (W(1) x + b(1)) + b(2).")
    return incorrect(f"{choice!r} is not an option.", "Choose a, b or c.")
