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
from .. import Case, Feedback, correct, default_compare, exercise, incorrect, is_blank, random_cases, unanswered
from ._common import brief, calls_in_answer, check_number, function_check

__all__ = ["least_squares_w", "gradient_descent_function", "gradient_descent_bias_function", "neuron_output",
           "weight_shape", "layer_output", "dense_forward_function", "quiz_feedback", "collapsed_layer",
           "reference_descent", "reference_descent_bias", "reference_dense_forward", "least_squares_reference",
           "SLIPS"]

SLIPS = [
    ("8.1", "divided by the sum of y squared instead of the sum of x squared"),
    ("8.1", "the ratio of the means of y and x"),
    ("8.1", "the slope of a line with an intercept (polyfit)"),
    ("8.1", "the mean of the ratios y/x"),
    ("8.2", "the factor 2 of the square's derivative missing"),
    ("8.2", "the step goes uphill (gradient added)"),
    ("8.2", "the gradient summed over the samples instead of averaged"),
    ("8.2", "the start w0 left out of the returned values"),
    ("8.2", "only the last w returned"),
    ("8.3", "w updated first and the new w used for the gradient of b"),
    ("8.3", "the factor 2 missing in the gradient of b"),
    ("8.3", "the bias never updated"),
    ("8.3", "the gradient of b multiplied by x"),
    ("9.1", "the bias left out"),
    ("9.1", "inputs and weights added instead of multiplied"),
    ("10.1", "W's shape transposed, (n_in, n_out)"),
    ("10.2", "the bias vector left out"),
    ("10.2", "W transposed"),
    ("10.3", "W used untransposed"),
    ("10.3", "the bias left out"),
    ("10.3", "the result transposed, one column per sample"),
    ("11.1", "W1 W2 instead of W2 W1 (the order of the matrices)"),
    ("11.1", "W* transposed"),
    ("11.1", "b1 + b2: b1 not passed through the second layer"),
    ("11.1", "b2 alone: b1 left out"),
    ("11.1", "collapse_linear called: the course's own answer"),
]
"""The known slips of sections 8-11 that the checks recognise, each with a hint that names it."""


# ---------------------------------------------------------------- section 8: y = w x
@exercise
def least_squares_w(answer, x, y) -> Feedback:
    """Exercise: the ``w`` of ``y = w x`` that minimises the squared error, in closed form."""
    x, y = check_vector(x, "x"), check_vector(y, "y")
    expected = np.sum(x * y) / np.sum(x * x)
    mistakes = [
        (np.sum(x * y) / np.sum(y * y), "You divided by the sum of y squared: setting the derivative with "
                                         "respect to w to zero puts a sum over x, not y, in the denominator."),
        (np.mean(y) / np.mean(x), "That is the ratio of the means, not the least-squares slope: each sample "
                                  "weighs in with its own x_i, through dL/dw = 0."),
        (np.polyfit(x, y, 1)[0], "That is the slope of a line with an intercept; y = w x has none."),
        (np.mean(y / x), "That is the mean of the ratios y_i / x_i: it weighs every sample alike, while the "
                         "squared error weighs a sample with a large x_i more. Solve dL/dw = 0 instead."),
    ]
    # 4 digits: on the course's data the ratio of the means and the slope with an intercept
    # agree with the answer to 3; check_number still recognises them there at full precision.
    return check_number(answer, expected, name="w_best", digits=4, mistakes=mistakes,
                        task="Compute the w that minimises the mean-squared error, to 4 significant digits.",
                        hint=("Differentiate L term by term with respect to w, set dL/dw = 0 and solve for w: "
                              "w comes out as a ratio of two sums.",
                              "In dL/dw = 0, w is a common factor of one of the two sums: keep it on one side and "
                              "divide by that sum."))


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
    return function_check(
        gradient_descent, reference_descent, _descent_cases(rng), seed=seed, name="gradient_descent",
        shortcuts=(reference_descent,),
        task="Write the update loop: n_steps steps against the slope dL/dw, keeping every w.",
        hint=("Derive dL/dw with the chain rule, then take n_steps steps, each against the slope and scaled by "
              "the learning rate. Return the start and every new w: n_steps + 1 numbers.",
              "The chain rule for one term: the derivative of a square u^2 is 2u times the derivative of u, "
              "here u = w x_i - y_i. The loss is a mean, so its gradient is the mean of these terms."),
        mistakes=[(lambda *a: _descend(*a, factor=1.0), "The factor 2 from the derivative of the square "
                                                         "is missing."),
                  (lambda *a: _descend(*a, sign=1.0), "You climb uphill: the update subtracts the gradient."),
                  (lambda *a: _descend(*a, mean=False), "You summed over the samples: the loss is a mean, "
                                                        "so its gradient is a mean too."),
                  (lambda *a: _descend(*a)[1:], "The start w0 is missing: return it too, then one w per step."),
                  (lambda *a: _descend(*a)[-1], "Return every w (an array of n_steps + 1 numbers), "
                                                "not only the last one.")],
        done="Your loop is gradient descent: the same update trains every network of this course.")


def _descend_bias(x, y, w0, b0, learning_rate, n_steps, sequential=False, factor_b=2.0, update_b=True,
                  b_times_x=False):
    """Gradient descent for y = w x + b, or one of its slips (each keyword changes one step)."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    ws, bs = [float(w0)], [float(b0)]
    for _ in range(int(n_steps)):
        w, b = ws[-1], bs[-1]
        residual = w * x + b - y
        w_new = w - learning_rate * 2.0 * np.mean(residual * x)
        if sequential:
            residual = w_new * x + b - y
        inner = residual * x if b_times_x else residual
        bs.append(b - learning_rate * factor_b * np.mean(inner) if update_b else b)
        ws.append(w_new)
    return np.array(ws), np.array(bs)


def _as_pair(got):
    """A pair of arrays from the forms a student may return: a tuple, a list, or a 2-row array."""
    if isinstance(got, np.ndarray) and got.ndim == 2 and got.shape[0] == 2:
        return got[0], got[1]
    if isinstance(got, (tuple, list)) and len(got) == 2:
        return tuple(got)
    return got


def _first_step_off(got, expected) -> int:
    """The first step at which ``got`` leaves ``expected`` (both 1-D, same length)."""
    off = ~np.isclose(np.asarray(got, dtype=float), np.asarray(expected, dtype=float), rtol=1e-6, atol=1e-9)
    return int(np.argmax(off)) if off.any() else len(off)


def _compare_pair(got, expected) -> str:
    """'' when (all w, all b) agree; else the array that goes wrong first (w and b pull each other along)."""
    got = _as_pair(got)
    if not isinstance(got, tuple):
        return "expected two arrays, (all w, all b)"
    whys = [default_compare(g, e, 1e-6, 1e-9) for g, e in zip(got, expected)]
    if not any(whys):
        return ""
    if all(whys):
        try:
            steps = [_first_step_off(g, e) for g, e in zip(got, expected)]
        except (TypeError, ValueError):
            steps = [0, 0]
        first = 1 if steps[1] < steps[0] else 0
        return f"all {'wb'[first]} goes wrong first (then both): {whys[first]}"
    return f"all {'w' if whys[0] else 'b'}: {whys[0] or whys[1]}"


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
             Case((x, x, 1.0, 0.0, 0.5, 0), "no step at all"),
             Case((-x, 2.0 - x, -0.5, 1.5, 0.3, 6), "negative x, starting away from b = 0")]
    return function_check(
        gradient_descent_bias, reference_descent_bias, cases, seed=seed, name="gradient_descent_bias",
        compare=_compare_pair, shortcuts=(reference_descent_bias,),
        task="Update w and b together, n_steps times, and return (all w, all b).",
        hint=("dL/db comes from the same chain rule as dL/dw; only the inner derivative changes (how w x_i + b "
              "changes with b). Return two arrays: every w and every b, starting values included.",
              "Compute both gradients from the old w and b, then update both."),
        mistakes=[(lambda *a: _descend_bias(*a, update_b=False),
                   "b never changes: the bias is not updated. Each step moves b too, against its own "
                   "gradient dL/db."),
                  (lambda *a: _descend_bias(*a, b_times_x=True),
                   "Your gradient of b is multiplied by x: b enters the prediction on its own, not "
                   "multiplied by x_i, so its chain rule has no x_i."),
                  (lambda *a: _descend_bias(*a, sequential=True),
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
    return check_number(answer, expected, name="y", digits=4, mistakes=mistakes,
                        task="Apply the neuron's weights and bias to x_new, to 4 significant digits.",
                        hint=("A neuron weighs each input with its own weight, sums, and adds its bias "
                              "(section 9).",
                              "A dot product of the weights with x_new does the weighing and summing."))


# ---------------------------------------------------------------- section 10: one layer
@exercise
def weight_shape(answer, n_inputs: int, n_outputs: int) -> Feedback:
    """Exercise: the shape of ``W`` in ``y_i = W_ij x_j + b_i``: ``(n_outputs, n_inputs)``."""
    if is_blank(answer):
        return unanswered("W_shape", "One row per output neuron, one column per input.")
    expected = (n_outputs, n_inputs)
    if isinstance(answer, (str, bytes, dict)) or not hasattr(answer, "__len__") or len(answer) != 2:
        return incorrect(f"W_shape should be a tuple of two numbers, got {brief(answer)}.",
                         "Write it like (rows, columns).", mistake=True)
    try:
        given = tuple(float(v) for v in answer)
    except (TypeError, ValueError, OverflowError):
        return incorrect(f"W_shape should be a tuple of two numbers, got {brief(answer)}.",
                         "Write it like (rows, columns).", mistake=True)
    if not all(np.isfinite(v) and v == int(v) for v in given):
        return incorrect(f"W_shape should hold two whole numbers, got {brief(answer)}.",
                         "A shape counts rows and columns: (rows, columns).", mistake=True)
    answer = tuple(int(v) for v in given)
    if answer == expected:
        return correct(f"W has shape {expected}: row i holds the weights of output i.")
    if answer == expected[::-1]:
        return incorrect(f"W_shape = {answer} is transposed.",
                         "In mlcourse, as on the slides, W is (n_out, n_in): one row per output.", mistake=True)
    return incorrect(f"W_shape = {answer} does not fit {n_inputs} inputs and {n_outputs} outputs.",
                     "One row per output neuron, one column per input.", mistake=True)


@exercise
def layer_output(answer, W, b, x) -> Feedback:
    """Exercise: a layer's outputs for one sample."""
    W = check_array(W, "W")
    b, x = check_vector(b, "b"), check_vector(x, "x")
    expected = W @ x + b
    mistakes = [(W @ x, "The bias vector b is missing.")]
    if W.shape[0] == W.shape[1]:
        mistakes.append((W.T @ x + b, "You used W transposed: row i of W, not column i, holds the weights of "
                                      "output i."))
    return check_number(answer, expected, name="y0", digits=3, mistakes=mistakes,
                        task="Apply the layer to the first measurement, to 3 significant digits.",
                        hint=("Row i of W holds the weights of output i; each output is a neuron of section 9, "
                              "with its own bias b_i.",
                              "One matrix-vector product with @ computes all the outputs' sums at once; mind "
                              "which factor comes first. Then the biases."))


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
    return function_check(
        dense_forward, reference_dense_forward, cases, seed=seed, name="dense_forward",
        shortcuts=(reference_dense_forward,),
        task="Return the layer's outputs for every row of X: shape (n_samples, n_out).",
        hint=("Row k of the result is the layer applied to row k of X, as in Exercise 10.2; do it for all the "
              "rows with one matrix product. X has one row per sample, W one row per output.",
              "In a product X @ M the inner sizes must match: X is (n_samples, n_in), so M must be "
              "(n_in, n_out). The bias then adds to every row by broadcasting."),
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
    return incorrect(f"{brief(choice)} is not an option.", "Choose a, b or c.", mistake=True)


@exercise
def collapsed_layer(W_star, b_star, layers) -> Feedback:
    """Exercise: the single layer (W*, b*) that two linear layers amount to, computed by hand with numpy."""
    if is_blank(W_star) or is_blank(b_star):
        return unanswered("W_star and b_star", "Insert x1 = W1 x0 + b1 into x2 = W2 x1 + b2.")
    W_ref, b_ref = collapse_linear(layers)
    W1, W2 = layers[0].W, layers[1].W
    b1, b2 = layers[0].b, layers[1].b
    w_mistakes = [(W_ref.T, "Your W* is transposed: it has one row per output of the second layer, one column "
                            "per input of the first.")]
    if W1.shape[0] == W2.shape[1]:
        w_mistakes.append((W1 @ W2, "The order matters: the first layer acts first, so its matrix stands on "
                                    "the right."))
    w_check = check_number(W_star, W_ref, name="W_star", digits=3, mistakes=w_mistakes,
                           hint=("Multiply out W2 (W1 x0 + b1) + b2: what multiplies x0?",
                                 "x0 is multiplied by the first layer's matrix, then by the second's: one "
                                 "matrix product of the two, in the order they act."))
    if not w_check:
        return w_check
    b_check = check_number(b_star, b_ref, name="b_star", digits=3,
                           mistakes=[(b1 + b2, "b1 passes through the second layer too, so its weights act on "
                                               "it; you added b1 and b2 as they are."),
                                     (b2, "b1 is missing: it passes through the second layer, whose weights "
                                          "act on it.")],
                           hint=("Multiply out W2 (W1 x0 + b1) + b2: what is left without x0?",
                                 "Two terms have no x0: one comes from b1, carried through the second layer, "
                                 "the other is b2."))
    if b_check and calls_in_answer(collapse_linear, targets=("W_star", "b_star")):
        shortcut = f"{collapse_linear.__module__.rsplit('.', 1)[-1]}.{collapse_linear.__name__}"
        return incorrect(f"Your answer calls `{shortcut}`, the course's own answer: compute W* and b* yourself "
                         "with @ and +.", "Multiply out W2 (W1 x0 + b1) + b2 on paper first.", mistake=True)
    return b_check


def least_squares_reference(x, y):
    """The w of y = w x with the least squared error, for the cells after section 8."""
    x, y = check_vector(x, "x"), check_vector(y, "y")
    return float(np.sum(x * y) / np.sum(x * x))
