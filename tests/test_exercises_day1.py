"""Day 1 checks: the right answer passes, each typical mistake gets its hint, a blank is 'not answered'."""

import numpy as np
import pytest

from mlcourse.exercises import day1 as check
from mlcourse.layers import Dense

x = np.array([1.0, 2.0, 3.0, 4.0])
y = np.array([2.1, 3.9, 6.2, 7.8])


def test_least_squares_w():
    assert check.least_squares_w(..., x, y).status == "unanswered"
    assert check.least_squares_w(np.sum(x * y) / np.sum(x * x), x, y)
    assert "sum(x**2)" in check.least_squares_w(np.sum(x * y) / np.sum(y * y), x, y).hint
    assert "intercept" in check.least_squares_w(np.polyfit(x, y, 1)[0], x, y).hint


def test_neuron_output_bias_forgotten():
    w, xi, b = np.array([1.0, -2.0]), np.array([3.0, 1.0]), 5.0
    assert check.neuron_output(6.0, w, xi, b)
    assert "bias is missing" in check.neuron_output(1.0, w, xi, b).hint


@pytest.mark.parametrize("answer, status, text", [
    ((3, 5), "correct", "row i"), ((5, 3), "incorrect", "(n_out, n_in)"),
    ((3, 3), "incorrect", "One row per output"), ("3x5", "incorrect", "tuple of two numbers"),
    (..., "unanswered", "One row per output"),
])
def test_weight_shape(answer, status, text):
    fb = check.weight_shape(answer, n_inputs=5, n_outputs=3)
    assert fb.status == status and text in fb.text()


def test_layer_output_mistakes():
    W, b, xi = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([0.5, -0.5]), np.array([1.0, -1.0])
    assert check.layer_output(W @ xi + b, W, b, xi)
    assert "bias vector b is missing" in check.layer_output(W @ xi, W, b, xi).hint
    assert "transposed" in check.layer_output(W.T @ xi + b, W, b, xi).hint


def test_collapsed_layer_mistakes():
    rng = np.random.default_rng(0)
    first, second = Dense(3, 3, rng=rng), Dense(3, 3, rng=rng)
    first.b[:], second.b[:] = [1.0, 2.0, 3.0], [0.5, 0.5, 0.5]
    W_star, b_star = second.W @ first.W, second.W @ first.b + second.b
    assert check.collapsed_layer(W_star, b_star, [first, second])
    assert "order matters" in check.collapsed_layer(first.W @ second.W, b_star, [first, second]).hint
    assert "W2 @ b1 + b2" in check.collapsed_layer(W_star, first.b + second.b, [first, second]).hint
    assert check.collapsed_layer(..., b_star, [first, second]).status == "unanswered"


def test_loss_values_mistakes():
    pr, tr = np.array([1.0, 3.0]), np.array([2.0, 1.0])
    p, t = np.array([0.8, 0.3]), np.array([1, 0])
    mse, bce = np.mean((pr - tr) ** 2), -np.mean(t * np.log(p) + (1 - t) * np.log(1 - p))
    assert check.loss_values(mse, bce, pr, tr, p, t)
    assert "ABSOLUTE" in check.loss_values(np.mean(np.abs(pr - tr)), bce, pr, tr, p, t).hint
    assert "divide by N" in check.loss_values(np.sum((pr - tr) ** 2), bce, pr, tr, p, t).hint
    assert "the mean" in check.loss_values(mse, 2 * bce, pr, tr, p, t).hint
    assert "sign" in check.loss_values(mse, -bce, pr, tr, p, t).hint


def test_cat_detection_percent_and_swap():
    truth = np.r_[np.zeros(998), 1, 1]
    pred = np.r_[np.zeros(998), 1, 0]
    assert check.cat_detection(0.999, 1.0, 0.5, truth, pred)
    assert "not a percentage" in check.cat_detection(99.9, 1.0, 0.5, truth, pred).hint
    assert "swapped" in check.cat_detection(0.999, 0.5, 1.0, truth, pred).hint
    assert check.cat_detection(..., 1.0, 0.5, truth, pred).status == "unanswered"


def test_iou_mistakes():
    a, b = [0, 0, 2, 2], [1, 0, 3, 2]
    assert check.iou(2 / 6, a, b)
    assert "only once" in check.iou(2 / 8, a, b).hint
    assert "union" in check.iou(2 / 4, a, b).hint


def test_baseline_mae_mistakes():
    train, test = np.array([0.0, 10.0]), np.array([0.0, 4.0, 20.0])
    err = test - 5.0
    assert check.baseline_mae(np.mean(np.abs(err)), train, test)
    assert "RMSE" in check.baseline_mae(np.sqrt(np.mean(err ** 2)), train, test).hint
    assert "m²" in check.baseline_mae(np.mean(err ** 2), train, test).hint


def test_learning_rate_choices():
    curves = {0.001: [1.0, 0.9, 0.8], 0.3: [1.0, 0.1, 0.01], 2.0: [1.0, 5.0, np.nan]}
    assert check.learning_rate(0.3, curves, target=0.05)
    assert "crawl" in check.learning_rate(0.001, curves, target=0.05).hint
    assert "overshoot" in check.learning_rate(2.0, curves, target=0.05).hint
    assert "not one of" in check.learning_rate(0.5, curves, target=0.05).message


@pytest.mark.parametrize("choice, status", [("a", "incorrect"), ("b", "incorrect"),
                                            ("c", "correct"), (None, "unanswered"), ("d", "incorrect")])
def test_quiz_feedback(choice, status):
    assert check.quiz_feedback(choice).status == status
