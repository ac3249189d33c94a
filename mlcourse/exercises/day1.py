"""Checks for the exercises of Day 1 (overview of ML and the submarine hands-on).

Each check recomputes the reference with numpy or mlcourse from the same
inputs the student used, and recognises the usual mistakes. The function
exercises (gradient descent, a layer's forward pass, back-propagation, the
training loop) call the student's function on fresh random cases and compare
with mlcourse.

>>> least_squares_w(..., x=[1.0, 2.0], y=[2.0, 4.0]).status
'unanswered'
>>> least_squares_w(2.0, x=[1.0, 2.0], y=[2.0, 4.0]).status
'correct'
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from .. import losses, metrics
from .._validation import check_array, check_vector
from ..layers import Dense
from ..network import Sequential, collapse_linear
from ..optimizers import SGD, Adam
from . import Case, Feedback, check_function, check_value, correct, exercise, incorrect, is_blank, unanswered, use  # noqa: F401 (use: re-exported for the notebook)

__all__ = ["least_squares_w", "gradient_descent_function", "gradient_descent_bias_function",
           "neuron_output", "weight_shape", "layer_output", "dense_forward_function", "quiz_feedback",
           "collapsed_layer", "loss_values", "backprop_function", "training_loop_function",
           "learning_rate", "cat_detection", "iou", "baseline_mae", "validation_choice"]



def _fresh_rng():
    """A generator seeded from the operating system: every check run draws new cases."""
    return np.random.default_rng()


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


def _reference_descent(x, y, w0, learning_rate, n_steps):
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
def gradient_descent_function(gradient_descent) -> Feedback:
    """Function exercise: gradient descent for ``y = w x`` with the mean-squared error."""
    rng = _fresh_rng()
    return check_function(
        gradient_descent, _reference_descent, _descent_cases(rng), name="gradient_descent",
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


def _reference_descent_bias(x, y, w0, b0, learning_rate, n_steps):
    return _descend_bias(x, y, w0, b0, learning_rate, n_steps)


@exercise
def gradient_descent_bias_function(gradient_descent_bias) -> Feedback:
    """Function exercise: gradient descent for ``y = w x + b`` (both updated from the same gradient)."""
    rng = _fresh_rng()
    x = rng.uniform(0.0, 1.0, 10)
    cases = [Case((x, 0.99 * x + 0.2 + rng.normal(0, 0.02, 10), 0.0, 0.0, 0.5, 10), "a line with an offset"),
             Case((rng.normal(size=6), rng.normal(size=6), rng.normal(), rng.normal(), 0.1, 8), "random data"),
             Case((np.array([1.0]), np.array([3.0]), 1.0, 0.0, 0.1, 3), "a single sample"),
             Case((np.zeros(4), np.full(4, 2.0), 0.5, 0.0, 0.25, 5), "x all zero: only b can move"),
             Case((x, x, 1.0, 0.0, 0.5, 0), "no step at all")]
    return check_function(
        gradient_descent_bias, _reference_descent_bias, cases, name="gradient_descent_bias",
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


def _reference_dense_forward(X, W, b):
    layer = Dense(W.shape[1], W.shape[0])
    layer.W[...], layer.b[...] = W, b
    return layer.forward(X)


@exercise
def dense_forward_function(dense_forward) -> Feedback:
    """Function exercise: a Dense layer's forward pass for a batch, checked against ``mlcourse.layers.Dense``."""
    rng = _fresh_rng()

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
        dense_forward, _reference_dense_forward, cases, name="dense_forward",
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


# ---------------------------------------------------------------- section 14: losses
@exercise
def loss_values(mse_value, bce_value, y_pred_reg, y_true_reg, p_pred, y_true_cls) -> Feedback:
    """Exercise: the mean-squared error and the binary cross-entropy (mean over samples)."""
    if is_blank(mse_value) or is_blank(bce_value):
        return unanswered("mse_value and bce_value", "Follow the formulas of the slides, then divide by N.")
    err = check_vector(y_pred_reg, "y_pred") - check_vector(y_true_reg, "y_true")
    mse_check = check_value(mse_value, losses.mse(y_pred_reg, y_true_reg), name="mse_value", mistakes=[
        (np.mean(np.abs(err)), "That is the mean ABSOLUTE error: square the differences."),
        (np.sum(err ** 2), "That is the sum: divide by N for the mean."),
        (np.sqrt(np.mean(err ** 2)), "That is the root of the MSE (RMSE): no square root here."),
    ], hint=("Square each difference, then average.",))
    if not mse_check:
        return mse_check
    p, t = check_vector(p_pred, "p_pred"), check_vector(y_true_cls, "y_true")
    terms = t * np.log(p) + (1 - t) * np.log(1 - p)
    bce = losses.binary_cross_entropy(p, t)
    bce_check = check_value(bce_value, bce, name="bce_value", mistakes=[
        (-np.sum(terms), "That is the slides' sum; mlcourse (like PyTorch) uses the mean: divide by N."),
        (np.mean(terms), "The sign: log of a probability is negative, the loss has a minus in front."),
        (-np.mean(t * np.log(p)), "The (1 - y') log(1 - y) term for the negatives is missing."),
        (-np.mean(terms) / np.log(10), "That is the logarithm to base 10: the cross-entropy uses the natural "
                                       "logarithm, np.log."),
        (-np.mean(terms) / np.log(2), "That is the logarithm to base 2: the cross-entropy here uses the "
                                      "natural logarithm, np.log."),
    ], hint=("For a label 1 the term is log y, for a label 0 it is log(1 - y) (natural logarithms); "
             "average with a minus.",))
    if not bce_check:
        return bce_check
    return correct(f"mse_value = {losses.mse(y_pred_reg, y_true_reg):.4g}, bce_value = {bce:.4f}")


# ---------------------------------------------------------------- section 16: back-propagation
PARAMETER_NAMES = ("W1", "b1", "W2", "b2")


def _two_layer_loss(X, y, W1, b1, W2, b2):
    hidden = np.tanh(X @ W1.T + b1)
    return np.mean((hidden @ W2.T + b2 - y) ** 2)


def _finite_differences(X, y, params, step=1e-6):
    """Centred finite differences of the loss with respect to every entry of every parameter."""
    grads = {}
    for name in PARAMETER_NAMES:
        value = params[name]
        grad = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            old = value[index]
            value[index] = old + step
            up = _two_layer_loss(X, y, *(params[n] for n in PARAMETER_NAMES))
            value[index] = old - step
            down = _two_layer_loss(X, y, *(params[n] for n in PARAMETER_NAMES))
            value[index] = old
            grad[index] = (up - down) / (2 * step)
        grads[name] = grad
    return grads


def _mlcourse_gradients(X, y, W1, b1, W2, b2):
    """The gradients mlcourse's own backward computes for the tanh network and the MSE."""
    net = Sequential(Dense(W1.shape[1], W1.shape[0], "tanh"), Dense(W2.shape[1], W2.shape[0]))
    for (value, _), new in zip(net.parameters(), (W1, b1, W2, b2)):
        value[...] = new
    loss = losses.MSE()
    net.zero_grad()
    y_pred = net.forward(X)
    net.backward(loss.gradient(y_pred, y))
    return {name: grad.copy() for name, (_, grad) in zip(PARAMETER_NAMES, net.parameters())}


def _reference_backprop(X, y, W1, b1, W2, b2):
    grads = _mlcourse_gradients(X, y, W1, b1, W2, b2)
    numeric = _finite_differences(X, y, {"W1": W1.copy(), "b1": b1.copy(), "W2": W2.copy(), "b2": b2.copy()})
    for name in PARAMETER_NAMES:  # the reference itself is checked against finite differences
        assert np.allclose(grads[name], numeric[name], rtol=1e-4, atol=1e-7), f"mlcourse's d{name} is wrong"
    return grads


def _wrong_backprop(X, y, W1, b1, W2, b2, tanh_derivative=True, factor=2.0, divide_by=None):
    hidden = np.tanh(X @ W1.T + b1)
    y_pred = hidden @ W2.T + b2
    d_out = factor * (y_pred - y) / (y_pred.size if divide_by is None else divide_by)
    d_hidden = d_out @ W2
    d_z = d_hidden * (1 - hidden ** 2) if tanh_derivative else d_hidden
    return {"W1": d_z.T @ X, "b1": d_z.sum(axis=0), "W2": d_out.T @ hidden, "b2": d_out.sum(axis=0)}


def _compare_gradients(got, expected) -> str:
    """'' when all four gradients agree; else the first wrong one, in the order back-propagation finds them."""
    if isinstance(got, (tuple, list)) and len(got) == 4:
        got = dict(zip(PARAMETER_NAMES, got))
    if not isinstance(got, dict):
        return f"expected a dict {{'W1': ..., 'b1': ..., 'W2': ..., 'b2': ...}}, got {type(got).__name__}"
    for name in ("W2", "b2", "W1", "b1"):
        if name not in got:
            return f"the gradient of {name} is missing (key {name!r})"
        try:
            value = np.asarray(got[name], dtype=float)
        except (TypeError, ValueError):
            return f"the gradient of {name} is not an array of numbers"
        if value.shape != expected[name].shape:
            return f"the gradient of {name} has shape {value.shape}, expected {expected[name].shape} (the shape of {name})"
        if not np.allclose(value, expected[name], rtol=1e-5, atol=1e-8):
            diff = np.abs(value - expected[name])
            where = np.unravel_index(np.argmax(diff), diff.shape)
            return (f"the first wrong array is the gradient of {name}: it differs from mlcourse and from finite "
                    f"differences, most at index {tuple(int(i) for i in where)} "
                    f"(yours {value[where]:.4g}, expected {expected[name][where]:.4g})")
    return ""


@exercise
def backprop_function(backprop) -> Feedback:
    """Function exercise: the gradients of a tanh hidden layer and a linear output under the MSE."""
    rng = _fresh_rng()
    if callable(backprop):
        try:   # the handed-out cell returns dW1, db1 = ..., ...: not answered yet
            tried = backprop(np.ones((2, 2)), np.ones((2, 1)), np.ones((2, 2)), np.ones(2), np.ones((1, 2)),
                             np.ones(1))
            if isinstance(tried, dict) and any(value is Ellipsis for value in tried.values()):
                return unanswered("backprop", "Fill in the gradients of the hidden layer: dH, dZ, dW1 and db1.")
        except Exception:  # noqa: BLE001 - check_function reports the error on a real case
            pass

    def case(n, n_in, n_hidden, n_out, label, scale=1.0):
        return Case((rng.normal(size=(n, n_in)), rng.normal(size=(n, n_out)),
                     scale * rng.normal(size=(n_hidden, n_in)), rng.normal(size=n_hidden),
                     rng.normal(size=(n_out, n_hidden)), rng.normal(size=n_out)), label)
    cases = [case(8, 5, 4, 1, "5 inputs, 4 hidden neurons, 1 output (depth)"),
             case(6, 3, 5, 2, "two outputs"),
             case(1, 2, 3, 1, "one sample"),
             case(5, 2, 1, 1, "one hidden neuron"),
             case(6, 3, 4, 1, "large weights: tanh saturates", scale=5.0),
             case(7, 4, 3, 3, "three outputs, as latitude, longitude and depth")]
    return check_function(
        backprop, _reference_backprop, cases, name="backprop", compare=_compare_gradients,
        task="Return the four gradients {'W1': ..., 'b1': ..., 'W2': ..., 'b2': ...} of the MSE.",
        hint=("Go backwards: dL/dy first (the derivative of the mean of squares), then W2 and b2, then "
              "through W2 to the hidden layer, through tanh (its derivative is 1 - tanh^2), then W1 and b1.",
              "Each gradient has the shape of its parameter. A weight gradient is (gradient at the layer's "
              "output) transposed times (the layer's input); a bias gradient sums the output gradient over "
              "the samples."),
        mistakes=[(lambda *a: _wrong_backprop(*a, tanh_derivative=False),
                   "The step through tanh is missing: multiply by its derivative, 1 - h^2, element by element."),
                  (lambda *a: _wrong_backprop(*a, factor=1.0),
                   "The factor 2 of the squared error's derivative is missing."),
                  (lambda *a: _wrong_backprop(*a, divide_by=1.0),
                   "The MSE is a mean: divide dL/dy by the number of entries of y."),
                  (lambda X, y, *r: _wrong_backprop(X, y, *r, divide_by=len(X)),
                   "The MSE averages over every entry of y (samples times outputs), not only over the samples.")],
        done="Back-propagation is these few lines, repeated layer by layer.")


# ---------------------------------------------------------------- section 16: the training loop
def _train(model, loss, optimizer, X, y, epochs, *, zero_grad=True, loss_after_step=False):
    """The training loop in PyTorch's order, or one of its two usual mistakes."""
    history = []
    for _ in range(int(epochs)):
        if zero_grad:
            optimizer.zero_grad()
        y_pred = model.forward(X)
        if not loss_after_step:
            history.append(float(loss(y_pred, y)))
        model.backward(loss.gradient(y_pred, y))
        optimizer.step()
        if loss_after_step:
            history.append(float(loss(model.forward(X), y)))
    return history


def _reference_train(model, loss, optimizer, X, y, epochs):
    return _train(model, loss, optimizer, X, y, epochs)


def _train_without_zero_grad(model, loss, optimizer, X, y, epochs):
    return _train(model, loss, optimizer, X, y, epochs, zero_grad=False)


def _train_loss_after_step(model, loss, optimizer, X, y, epochs):
    return _train(model, loss, optimizer, X, y, epochs, loss_after_step=True)


def _compare_histories(got, expected) -> str:
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return "expected a list with one loss (a number) per epoch"
    exp = np.asarray(expected, dtype=float)
    if got.shape != exp.shape:
        return f"{got.size} losses, expected one per epoch ({exp.size})"
    if not np.allclose(got, exp, rtol=1e-6, atol=1e-10):
        first = int(np.argmax(~np.isclose(got, exp, rtol=1e-6, atol=1e-10)))
        return f"the losses differ from epoch {first + 1} on"
    return ""


@exercise
def training_loop_function(train) -> Feedback:
    """Function exercise: the training loop in PyTorch's order, zero_grad, forward, backward, step."""
    rng = _fresh_rng()

    def case(n_in, n_hidden, n_out, make_optimizer, epochs, label, n=20):
        seed = int(rng.integers(1_000_000))
        net = Sequential(Dense(n_in, n_hidden, "tanh", rng=seed), Dense(n_hidden, n_out, rng=seed + 1))
        X = rng.normal(size=(n, n_in))
        return Case((net, losses.MSE(), make_optimizer(net), X, rng.normal(size=(n, n_out)), epochs), label)
    cases = [case(5, 8, 1, lambda m: SGD(m, 0.1), 10, "SGD, 10 epochs"),
             case(3, 4, 2, lambda m: Adam(m, 0.01), 8, "Adam, two outputs"),
             case(2, 3, 1, lambda m: SGD(m, 0.05), 1, "a single epoch"),
             case(4, 6, 1, lambda m: SGD(m, 0.2, momentum=0.9), 12, "SGD with momentum"),
             case(2, 2, 1, lambda m: SGD(m, 0.1), 0, "zero epochs: no loss to record")]
    return check_function(
        train, _reference_train, cases, name="train", compare=_compare_histories,
        task="Write the loop: per epoch zero_grad, forward, loss, backward, step; return the losses.",
        hint=("Per epoch, in this order: clear the gradients with the optimizer, compute the prediction, "
              "record the loss of that prediction, back-propagate the loss's gradient through the model, "
              "let the optimizer take its step.",
              "The loss object gives both the value (call it) and its gradient with respect to the "
              "prediction (its gradient method); the model's backward takes that gradient."),
        mistakes=[(_train_without_zero_grad, "Gradients add up from one backward to the next (as in PyTorch): "
                                             "clear them with zero_grad at the start of each epoch."),
                  (_train_loss_after_step, "Record the loss of the prediction you back-propagate, before "
                                           "the step.")],
        done="This is the loop inside every deep-learning library's training.")


@exercise
def learning_rate(answer, curves: dict, target: float) -> Feedback:
    """Exercise: a learning rate whose training ends below ``target`` without diverging.

    ``curves`` maps the learning rates tried in the demo to their losses per
    epoch (as from :func:`mlcourse.widgets.day1.learning_rate_curves`); the
    answer must be one of them.
    """
    if is_blank(answer):
        return unanswered("good_learning_rate", "Look at the curves in the figure above.")
    if isinstance(answer, (bool, np.bool_)) or not isinstance(answer, (int, float, np.number)) \
            or answer not in curves:
        return incorrect(f"{answer!r} is not one of the learning rates tried: {sorted(curves)}.",
                         "Pick one of the learning rates in the figure.", mistake=True)
    history = np.asarray(curves[answer], dtype=float)
    if not np.all(np.isfinite(history)) or history[-1] > history[0]:
        return incorrect(f"With learning rate {answer:g} the loss grows: the training diverges.",
                         "Steps that are too large overshoot the minimum: choose a smaller one.", mistake=True)
    if history[-1] > target:
        return incorrect(f"With learning rate {answer:g} the loss is still {history[-1]:.3g} at the end.",
                         "Steps that are too small crawl toward the minimum: choose a larger one.", mistake=True)
    return correct(f"learning rate {answer:g} brings the loss down to {history[-1]:.3g}.")


# ---------------------------------------------------------------- sections 17-19: metrics
@exercise
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
        result = check_value(given[name], ref[name], name=name, mistakes=mistakes,
                             hint=("Read TP, FP, FN and TN off the confusion matrix first.",))
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
    mistakes = [(inter / (area_a + area_b), "The union counts the overlap only once: "
                                            "area_a + area_b - intersection."),
                (inter / area_a, "Divide by the union of both boxes, not by one box's area.")]
    return check_value(answer, metrics.iou_boxes(a, b), name="iou_value", mistakes=mistakes,
                       task="Divide the shared area by the area of both boxes together.",
                       hint=("The intersection is a rectangle: from the larger of the two left edges to the "
                             "smaller of the two right edges, and the same vertically.",
                             "The union is both areas added, minus the intersection counted twice."))


@exercise
def baseline_mae(answer, y_train, y_eval, y_test=None) -> Feedback:
    """Exercise: MAE on ``y_eval`` of always predicting the training mean, in the units of y.

    ``y_test`` (optional) is the held-back test set, passed only to recognise
    the slip of evaluating on it.
    """
    y_train, y_eval = check_vector(y_train, "y_train"), check_vector(y_eval, "y_eval")
    guess = np.full_like(y_eval, y_train.mean())
    mistakes = [(metrics.root_mean_squared_error(y_eval, guess),
                 "That is the RMSE; the MAE averages |error| without squaring."),
                (metrics.mean_squared_error(y_eval, guess), "That is the MSE (in m²); the MAE is in metres."),
                (metrics.mean_absolute_error(y_eval, np.full_like(y_eval, np.median(y_train))),
                 "Predict the training MEAN, not the median."),
                (metrics.mean_absolute_error(y_eval, np.full_like(y_eval, y_eval.mean())),
                 "That is the mean of the set you evaluate on: the baseline may only know the TRAINING data.")]
    if y_test is not None:
        y_test = check_vector(y_test, "y_test")
        mistakes.append((metrics.mean_absolute_error(y_test, np.full_like(y_test, y_train.mean())),
                         "That is the error on the TEST set (Y[test, 2]), which waits until the end: "
                         "evaluate on the validation set, Y[val, 2]."))
    return check_value(answer, metrics.mean_absolute_error(y_eval, guess), name="baseline", unit="m",
                       mistakes=mistakes, task="The MAE on the validation set of always predicting the "
                                               "training mean depth.",
                       hint=("Predict the mean of the training depths for every validation measurement; average "
                             "the absolute errors.",
                             "The error of one measurement is its depth minus the training mean; take the "
                             "absolute value before averaging. (metrics.mean_absolute_error wants an array of "
                             "predictions: np.full_like(y, value) makes one.)"))


# ---------------------------------------------------------------- section 19: the investigation
SPREAD = "standard error (m)"


def _tied_with_best(candidates: dict) -> list:
    """The candidates whose validation MAE is within one standard error of the best one's.

    The spread is the ``"standard error (m)"`` of the best candidate (its validation MAE is a
    mean over training seeds): a difference smaller than that is luck, so each of these
    candidates is as good a choice as the best (the one-standard-error rule's set). Without
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
    candidate within one standard error of the best is accepted: the notebook
    says that differences smaller than the seed spread are luck.
    """
    if is_blank(answer) or is_blank(column):
        return unanswered("chosen and column", "Pick the (width, learning_rate) you would keep, and name the "
                                               "column you chose by.")
    columns = list(next(iter(candidates.values())))
    if not isinstance(column, str) or column not in columns:
        return incorrect(f"`column` should be one of the column names of the table, {columns}; got {column!r}.",
                         "Copy the column's name, in quotes.", mistake=True)
    if column == "training MAE (m)":
        return incorrect("You chose by the TRAINING error.",
                         "The training error rewards memorising: choose on the data the network did not "
                         "train on.", mistake=True)
    if column != "validation MAE (m)":
        return incorrect(f"{column!r} does not measure the error on unseen data.",
                         "Which column measures the error on measurements the network was not trained on?",
                         mistake=True)
    try:
        key = tuple(float(v) for v in answer)
    except (TypeError, ValueError, OverflowError):
        return incorrect(f"`chosen` should be a tuple (width, learning_rate), got {answer!r}.",
                         "Copy one row label of the table, for example (16, 0.01).", mistake=True)
    if len(key) != 2:
        return incorrect(f"`chosen` should be a tuple (width, learning_rate), got {answer!r}.",
                         "Copy one row label of the table, for example (16, 0.01).", mistake=True)
    table = {tuple(float(v) for v in k): row for k, row in candidates.items()}
    if key not in table:
        return incorrect(f"{answer!r} is not one of the candidates: {sorted(candidates)}.",
                         "Copy one row label of the table, for example (16, 0.01).", mistake=True)
    validation = {k: row["validation MAE (m)"] for k, row in table.items()}
    best_key = min(validation, key=validation.get)
    best, spread = validation[best_key], float(table[best_key].get(SPREAD, 0.0))
    tied = _tied_with_best(candidates)
    if key in tied:
        if len(tied) == 1:
            return correct(f"({answer[0]:g}, {answer[1]:g}) has the lowest validation MAE, {best:.2f} m, and no "
                           f"other candidate comes within one standard error of it ({spread:.2f} m, the seed "
                           "spread of the mean). The test set has not been looked at yet.")
        others = ", ".join(f"({k[0]:g}, {k[1]:g})" for k in tied if k != key)
        return correct(f"({answer[0]:g}, {answer[1]:g}) is within one standard error ({spread:.2f} m, the seed "
                       f"spread of the mean) of the lowest validation MAE, {best:.2f} m: as good a choice as "
                       f"{others}, which the seeds cannot tell apart. A stated rule picks one of them (the "
                       "solution takes the fewest neurons). The test set has not been looked at yet.")
    training = {k: row["training MAE (m)"] for k, row in table.items()}
    if np.isclose(training[key], min(training.values())):
        return incorrect(f"{answer!r} has the lowest TRAINING error, not the lowest validation error.",
                         "The training error rewards memorising: choose on the data the network did not "
                         "train on.", mistake=True)
    return incorrect(f"{answer!r} has validation MAE {validation[key]:.2f} m, more than one standard error "
                     f"({spread:.2f} m) above the best, {best:.2f} m: another candidate does better.",
                     ("Which column measures how the network does on data it was not trained on?",
                      "Take a row whose validation MAE is within one standard error of the smallest."))


def _reference_choice(candidates: dict, answer=None):
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
    if key in tied:
        return original[key]
    validation = {k: float(candidates[original[k]]["validation MAE (m)"]) for k in tied}
    return original[min(tied, key=lambda k: (k[0], validation[k]))]


# ---------------------------------------------------------------- references for later cells
def _least_squares_w(x, y):
    x, y = check_vector(x, "x"), check_vector(y, "y")
    return float(np.sum(x * y) / np.sum(x * x))


# What the notebook falls back on (through ``use``) when an exercise is not answered or not right.
references = SimpleNamespace(gradient_descent=_reference_descent, gradient_descent_bias=_reference_descent_bias,
                             least_squares_w=_least_squares_w, dense_forward=_reference_dense_forward,
                             backprop=_mlcourse_gradients, train=_reference_train,
                             validation_choice=_reference_choice)
