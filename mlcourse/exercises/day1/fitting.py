"""Day 1, sections 8-11: ``y = w x`` and gradient descent, one neuron, one layer, the quiz.

>>> least_squares_w(..., x=[1.0, 2.0], y=[2.0, 4.0]).status
'unanswered'
>>> least_squares_w(2.0, x=[1.0, 2.0], y=[2.0, 4.0]).status
'correct'
"""

from __future__ import annotations

import numpy as np

from ..._validation import check_array, check_vector
from ...layers import Dense
from ...network import collapse_linear
from .. import Case, Feedback, check_function, check_value, correct, exercise, incorrect, is_blank, random_cases, unanswered

__all__ = ["least_squares_w", "gradient_descent_function", "gradient_descent_bias_function", "neuron_output",
           "weight_shape", "layer_output", "dense_forward_function", "quiz_feedback", "collapsed_layer",
           "reference_descent", "reference_descent_bias", "reference_dense_forward", "least_squares_reference"]


# ---------------------------------------------------------------- section 8: y = w x
@exercise
def least_squares_w(answer, x, y) -> Feedback:
    """Exercise: the ``w`` of ``y = w x`` that minimises the squared error, ``sum x y / sum x^2``."""
    x, y = check_vector(x, "x"), check_vector(y, "y")
    expected = np.sum(x * y) / np.sum(x * x)
    mistakes = [
        (np.sum(x * y) / np.sum(y * y), "You divided by the sum of y squared; the derivative of the loss "
                                         "with respect to w gives the sum of x squared in the denominator."),
        (np.mean(y) / np.mean(x), "The ratio of the means is not the least-squares slope: "
                                  "weight each x_i y_i product, then divide by the sum of the x_i squared."),
        (np.polyfit(x, y, 1)[0], "That is the slope of a line with an intercept; y = w x has none."),
    ]
    # rtol 1e-6: the closed form is exact, and the wrong methods above land within 1e-3 of it.
    return check_value(answer, expected, name="w_best", mistakes=mistakes, rtol=1e-6,
                       task="Compute the w that minimises the mean-squared error.",
                       hint=("Set dL/dw = 0 for L = mean (w x_i - y_i)^2 and solve for w.",
                             "dL/dw = 2 mean((w x_i - y_i) x_i) = 0 gives w times the sum of x_i^2 "
                             "equal to the sum of x_i y_i."))


def _descend(x, y, w0, learning_rate, n_steps, factor=2.0, sign=-1.0, mean=True):
    """Gradient descent on L(w) = mean (w x - y)^2: every w from the start to the last step."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    ws = [float(w0)]
    for _ in range(int(n_steps)):
        residual = ws[-1] * x - y
        grad = factor * (np.mean(residual * x) if mean else np.sum(residual * x))
        ws.append(ws[-1] + sign * learning_rate * grad)
    return np.array(ws)


def reference_descent(x, y, w0, learning_rate, n_steps):
    return _descend(x, y, w0, learning_rate, n_steps)


def _descent_cases(rng):
    x = rng.uniform(0.1, 1.0, 12)
    cases = [Case((x, 0.99 * x + rng.normal(0, 0.02, 12), 0.0, 0.5, 10), "pressure-like data, from w = 0"),
             Case((x, -2.0 * x, 1.0, 0.3, 25), "a negative slope"),
             Case((rng.normal(size=5), rng.normal(size=5), rng.normal(), 0.1, 7), "random data"),
             Case((np.array([2.0]), np.array([3.0]), 0.0, 0.05, 4), "a single sample"),
             Case((x, x, 0.5, 0.5, 0), "no step at all: only the start"),
             Case((np.zeros(4), np.ones(4), 0.7, 0.5, 3), "x all zero: the gradient is zero")]
    return cases


@exercise
def gradient_descent_function(gradient_descent, seed=None) -> Feedback:
    """Function exercise: gradient descent for ``y = w x`` with the mean-squared error."""
    rng, seed = random_cases(seed)
    return check_function(
        gradient_descent, reference_descent, _descent_cases(rng), seed=seed, name="gradient_descent",
        task="Write the update loop: n_steps times w <- w - learning_rate * dL/dw, keeping every w.",
        hint=("Write dL/dw for L = mean (w x_i - y_i)^2 with the chain rule, then subtract learning_rate "
              "times it from w, n_steps times. Return the start and every new w: n_steps + 1 numbers.",
              "The derivative of (w x_i - y_i)^2 with respect to w is 2 (w x_i - y_i) x_i; average it "
              "over the samples."),
        mistakes=[(lambda *a: _descend(*a, factor=1.0), "The factor 2 from the derivative of the square "
                                                         "is missing."),
                  (lambda *a: _descend(*a, sign=1.0), "You climb uphill: the update subtracts the gradient."),
                  (lambda *a: _descend(*a, mean=False), "You summed over the samples: the loss is a mean, "
                                                        "so its gradient is a mean too."),
                  (lambda *a: _descend(*a)[1:], "The start w0 is missing: return it too, then one w per step."),
                  (lambda *a: _descend(*a)[-1], "Return every w (an array of n_steps + 1 numbers), "
                                                "not only the last one.")],
        done="Your loop is gradient descent: the same update trains every network of this course.")


def _descend_bias(x, y, w0, b0, learning_rate, n_steps, sequential=False, factor_b=2.0):
    x, y = np.asarray(x, float), np.asarray(y, float)
    ws, bs = [float(w0)], [float(b0)]
    for _ in range(int(n_steps)):
        w, b = ws[-1], bs[-1]
        residual = w * x + b - y
        w_new = w - learning_rate * 2.0 * np.mean(residual * x)
        if sequential:
            residual = w_new * x + b - y
        bs.append(b - learning_rate * factor_b * np.mean(residual))
        ws.append(w_new)
    return np.array(ws), np.array(bs)


def reference_descent_bias(x, y, w0, b0, learning_rate, n_steps):
    return _descend_bias(x, y, w0, b0, learning_rate, n_steps)


@exercise
def gradient_descent_bias_function(gradient_descent_bias, seed=None) -> Feedback:
    """Function exercise: gradient descent for ``y = w x + b`` (both updated from the same gradient)."""
    rng, seed = random_cases(seed)
    x = rng.uniform(0.0, 1.0, 10)
    cases = [Case((x, 0.99 * x + 0.2 + rng.normal(0, 0.02, 10), 0.0, 0.0, 0.5, 10), "a line with an offset"),
             Case((rng.normal(size=6), rng.normal(size=6), rng.normal(), rng.normal(), 0.1, 8), "random data"),
             Case((np.array([1.0]), np.array([3.0]), 1.0, 0.0, 0.1, 3), "a single sample"),
             Case((np.zeros(4), np.full(4, 2.0), 0.5, 0.0, 0.25, 5), "x all zero: only b can move"),
             Case((x, x, 1.0, 0.0, 0.5, 0), "no step at all")]
    return check_function(
        gradient_descent_bias, reference_descent_bias, cases, seed=seed, name="gradient_descent_bias",
        task="Update w and b together, n_steps times, and return (all w, all b).",
        hint=("dL/db is the mean of 2 (w x_i + b - y_i): the same residual as for w, without the x_i. "
              "Return two arrays: every w and every b, starting values included.",
              "Compute both gradients from the old w and b, then update both."),
        mistakes=[(lambda *a: _descend_bias(*a, sequential=True),
                   "You updated w first and used the new w for the gradient of b: compute both gradients "
                   "from the same old (w, b), then update both, as an optimizer's step does."),
                  (lambda *a: _descend_bias(*a, factor_b=1.0),
                   "The factor 2 is missing in the gradient of b.")])


# ---------------------------------------------------------------- section 9: one neuron
@exercise
def neuron_output(answer, weights, x, bias) -> Feedback:
    """Exercise: ``y = sum_i w_i x_i + b`` for one sample."""
    w, x = check_vector(weights, "weights"), check_vector(x, "x")
    expected = w @ x + bias
    mistakes = [(w @ x, "The bias is missing: add b after the weighted sum."),
                (np.sum(w) + np.sum(x) + bias, "Multiply each input by its weight before adding.")]
    return check_value(answer, expected, name="y", mistakes=mistakes,
                       task="Apply the neuron's weights and bias to x_new.",
                       hint=("Multiply each x_i by its w_i, add them up, then add b.",
                             "A dot product of the weights with x_new does the multiplying and adding."))


# ---------------------------------------------------------------- section 10: one layer
@exercise
def weight_shape(answer, n_inputs: int, n_outputs: int) -> Feedback:
    """Exercise: the shape of ``W`` in ``y_i = W_ij x_j + b_i``: ``(n_outputs, n_inputs)``."""
    if is_blank(answer):
        return unanswered("W_shape", "One row per output neuron, one column per input.")
    expected = (n_outputs, n_inputs)
    if isinstance(answer, (str, bytes, dict)) or not hasattr(answer, "__len__") or len(answer) != 2:
        return incorrect(f"W_shape should be a tuple of two numbers, got {answer!r}.",
                         "Write it like (rows, columns).", mistake=True)
    try:
        answer = tuple(int(v) for v in answer)
    except (TypeError, ValueError, OverflowError):
        return incorrect(f"W_shape should be a tuple of two numbers, got {answer!r}.",
                         "Write it like (rows, columns).", mistake=True)
    if answer == expected:
        return correct(f"W has shape {expected}: row i holds the weights of output i.")
    if answer == expected[::-1]:
        return incorrect(f"W_shape = {answer} is transposed.",
                         "In mlcourse, as on the slides, W is (n_out, n_in): y = W @ x.", mistake=True)
    return incorrect(f"W_shape = {answer} does not fit {n_inputs} inputs and {n_outputs} outputs.",
                     "One row per output neuron, one column per input.", mistake=True)


@exercise
def layer_output(answer, W, b, x) -> Feedback:
    """Exercise: ``y = W @ x + b`` for one sample."""
    W = check_array(W, "W")
    b, x = check_vector(b, "b"), check_vector(x, "x")
    expected = W @ x + b
    mistakes = [(W @ x, "The bias vector b is missing.")]
    if W.shape[0] == W.shape[1]:
        mistakes.append((W.T @ x + b, "You used W transposed: y_i = sum_j W_ij x_j."))
    return check_value(answer, expected, name="y0", mistakes=mistakes,
                       task="Apply the layer to the first measurement.",
                       hint=("Row i of W holds the weights of output i: y_i = sum_j W_ij x_j + b_i.",
                             "A matrix-vector product with @ computes all the sums at once; then add b."))


def reference_dense_forward(X, W, b):
    layer = Dense(W.shape[1], W.shape[0])
    layer.W[...], layer.b[...] = W, b
    return layer.forward(X)


@exercise
def dense_forward_function(dense_forward, seed=None) -> Feedback:
    """Function exercise: a Dense layer's forward pass for a batch, checked against ``mlcourse.layers.Dense``."""
    rng, seed = random_cases(seed)

    def case(n, n_in, n_out, label):
        return Case((rng.normal(size=(n, n_in)), rng.normal(size=(n_out, n_in)), rng.normal(size=n_out)), label)
    # The square case comes first: there a transposed W gives a wrong result instead of an error,
    # so the mistake's own hint can be recognised.
    cases = [case(4, 3, 3, "as many inputs as outputs"),
             case(6, 5, 3, "a batch of 6 submarine measurements, 5 inputs, 3 outputs"),
             case(1, 4, 2, "one sample"),
             case(5, 2, 1, "one output"),
             Case((rng.normal(size=(3, 4)), rng.normal(size=(2, 4)), np.zeros(2)), "zero bias"),
             case(7, 1, 4, "one input")]
    return check_function(
        dense_forward, reference_dense_forward, cases, seed=seed, name="dense_forward",
        task="Return the layer's outputs for every row of X: shape (n_samples, n_out).",
        hint=("Sample k gives y_ki = sum_j W_ij X_kj + b_i. X has one row per sample, W one row per output.",
              "To multiply every row of X by W in one go, the matrix product needs W turned so its columns "
              "are the outputs; b then adds to every row by broadcasting."),
        mistakes=[(lambda X, W, b: X @ W + b, "You used W untransposed: W has shape (n_out, n_in), so each row "
                                              "of X must meet each ROW of W."),
                  (lambda X, W, b: X @ W.T, "The bias b is missing."),
                  (lambda X, W, b: W @ X.T + b[:, None], "Your result is transposed: one row per sample, "
                                                         "one column per output.")])


# ---------------------------------------------------------------- section 11: the quiz
@exercise
def quiz_feedback(choice) -> Feedback:
    """The verdict on the slides' quiz: stacked *linear* layers make no difference (c)."""
    if is_blank(choice):
        return unanswered("choice", "Write x(2) in terms of x(0).")
    if choice == "c":
        return correct("Without an activation, W2 (W1 x + b1) + b2 = W* x + b*: one layer would do.")
    if choice == "a":
        return incorrect("More parameters, but no new shapes of function.",
                         "Insert x(1) = W(1) x(0) + b(1) into x(2) = W(2) x(1) + b(2).", mistake=True)
    if choice == "b":
        return incorrect("They are not worse at what they compute: they compute the same thing.",
                         "Multiply out W(2) (W(1) x + b(1)) + b(2).", mistake=True)
    return incorrect(f"{choice!r} is not an option.", "Choose a, b or c.", mistake=True)


@exercise
def collapsed_layer(W_star, b_star, layers) -> Feedback:
    """Exercise: the single layer ``W* = W2 W1``, ``b* = W2 b1 + b2`` of two linear layers."""
    if is_blank(W_star) or is_blank(b_star):
        return unanswered("W_star and b_star", "Insert x1 = W1 x0 + b1 into x2 = W2 x1 + b2.")
    W_ref, b_ref = collapse_linear(layers)
    W1, W2 = layers[0].W, layers[1].W
    b1, b2 = layers[0].b, layers[1].b
    w_check = check_value(W_star, W_ref, name="W_star",
                          mistakes=[(W1 @ W2, "The order matters: the first layer acts first, so its matrix "
                                              "stands on the right.")]
                          if W1.shape[0] == W2.shape[1] else [],
                          hint=("Multiply out W2 (W1 x0 + b1) + b2: what multiplies x0?",))
    if not w_check:
        return w_check
    return check_value(b_star, b_ref, name="b_star",
                       mistakes=[(b1 + b2, "b1 passes through the second layer too: it is multiplied by W2."),
                                 (b2, "b1 passes through the second layer: it is multiplied by W2.")],
                       hint=("Multiply out W2 (W1 x0 + b1) + b2: what is left without x0?",))


def least_squares_reference(x, y):
    """The w of y = w x with the least squared error, for the cells after section 8."""
    x, y = check_vector(x, "x"), check_vector(y, "y")
    return float(np.sum(x * y) / np.sum(x * x))
