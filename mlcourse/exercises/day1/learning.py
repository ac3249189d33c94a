"""Day 1, sections 14-16: the losses, back-propagation by hand, the training loop, the learning rate."""

from __future__ import annotations

import numpy as np

from ... import losses
from ..._validation import check_vector
from ...layers import ActivationLayer, Dense
from ...network import Sequential, numerical_gradient
from ...optimizers import SGD, Adam
from ...training import fit
from .. import (Case, Feedback, TimeLimitExceeded, call_with_time_limit, correct, exercise, incorrect, is_blank,
                random_cases, unanswered)
from ._common import brief, check_number, function_check

__all__ = ["loss_values", "chain_rule_scalar", "backprop_function", "training_loop_function", "learning_rate",
           "reference_gradients", "reference_train", "PARAMETER_NAMES", "SLIPS"]

SLIPS = [
    ("14.1", "the mean absolute error instead of the squared error"),
    ("14.1", "the sum of squares instead of the mean"),
    ("14.1", "the root of the MSE (RMSE)"),
    ("14.1", "the cross-entropy summed instead of averaged"),
    ("14.1", "the cross-entropy without its minus sign"),
    ("14.1", "the term of the negatives (label 0) left out"),
    ("14.1", "the logarithm to base 10"),
    ("14.1", "the logarithm to base 2"),
    ("14.1", "the MSE divided by N twice (a mean divided by N again)"),
    ("14.1", "the cross-entropy divided by N twice (a mean divided by N again)"),
    ("16.0", "the factor 2 of the square's derivative missing"),
    ("16.0", "the sign of (y - t) flipped"),
    ("16.0", "one minus the derivative of tanh used instead of the derivative"),
    ("16.0", "the derivative of tanh taken on z instead of tanh's output"),
    ("16.0", "tanh applied twice in its derivative"),
    ("16.0", "the last link, dz/dw, dropped"),
    ("16.1", "the step back through tanh missing"),
    ("16.1", "the derivative of tanh taken on Z (the pre-activation) instead of H"),
    ("16.1", "tanh applied twice in its derivative (tanh of H)"),
    ("16.1", "the derivative of tanh multiplied in twice"),
    ("16.1", "the factor 2 of the squared error's derivative missing"),
    ("16.1", "the MSE's mean left out (a sum)"),
    ("16.1", "the mean taken over the samples only, not over every entry of y"),
    ("16.1", "db1 averaged over the samples (dZ.mean) although d_yhat already holds the mean"),
    ("16.2", "gradients never cleared (no zero_grad)"),
    ("16.2", "the loss recorded after the step"),
    ("16.2", "the optimizer's step before the backward pass"),
    ("16.2", "no optimizer step at all"),
    ("16.3", "a learning rate that diverges"),
    ("16.3", "a learning rate that crawls"),
    ("16.3", "the learning rate in quotes (text, not a number)"),
]
"""The known slips of sections 14-16 that the checks recognise, each with a hint that names it."""


# ---------------------------------------------------------------- section 14: losses
@exercise
def loss_values(mse_value, bce_value, y_pred_reg, y_true_reg, p_pred, y_true_cls) -> Feedback:
    """Exercise: the mean-squared error and the binary cross-entropy (mean over samples)."""
    if is_blank(mse_value) or is_blank(bce_value):
        return unanswered("mse_value and bce_value", "Follow the formulas of section 14: each is already a mean over the N samples.")
    err = check_vector(y_pred_reg, "y_pred") - check_vector(y_true_reg, "y_true")
    mse_check = check_number(mse_value, losses.mse(y_pred_reg, y_true_reg), name="mse_value", digits=3, mistakes=[
        (np.mean(np.abs(err)), "That is the mean ABSOLUTE error: square the differences."),
        (np.sum(err ** 2), "That is the sum: divide by N for the mean."),
        (np.sqrt(np.mean(err ** 2)), "That is the root of the MSE (RMSE): no square root here."),
        (np.mean(err ** 2) / err.size, "You divided by N twice: a mean (np.mean) already divides the sum by N."),
    ], hint=("The MSE of section 14: the mean, over the samples, of the squared differences.",
             "Subtract, square each difference, then average over the samples."))
    if not mse_check:
        return mse_check
    p, t = check_vector(p_pred, "p_pred"), check_vector(y_true_cls, "y_true")
    terms = t * np.log(p) + (1 - t) * np.log(1 - p)
    bce = losses.binary_cross_entropy(p, t)
    bce_check = check_number(bce_value, bce, name="bce_value", digits=3, mistakes=[
        (-np.sum(terms), "That is the slides' sum; mlcourse (like PyTorch) uses the mean: divide by N."),
        (np.mean(terms), "The sign: log of a probability is negative, the loss has a minus in front."),
        (-np.mean(t * np.log(p)), "The term of the negatives (label 0) is missing: they count too, with the "
                                  "log of the probability given to 0."),
        (-np.mean(terms) / np.log(10), "That is the logarithm to base 10: the cross-entropy uses the natural "
                                       "logarithm, np.log."),
        (-np.mean(terms) / np.log(2), "That is the logarithm to base 2: the cross-entropy here uses the "
                                      "natural logarithm, np.log."),
        (-np.mean(terms) / terms.size, "You divided by N twice: a mean (np.mean) already divides the sum by N."),
    ], hint=("The binary cross-entropy of section 14, with natural logarithms (np.log), as a mean over the "
             "samples.",
             "Each sample contributes the log of the probability given to its true label: for a 0 that is the "
             "probability of 0. The loss is positive, so mind the sign."))
    if not bce_check:
        return bce_check
    return correct(f"mse_value = {losses.mse(y_pred_reg, y_true_reg):.4g}, bce_value = {bce:.4f}")


# ---------------------------------------------------------------- section 16: one chain-rule step
def _chain_rule_terms(x, w, b, t):
    """The forward pass of one tanh neuron and its pre-activation: (z, y)."""
    z = w * x + b
    return z, float(np.tanh(z))


@exercise
def chain_rule_scalar(answer, *, x, w, b, t) -> Feedback:
    """Exercise: dL/dw for one neuron ``y = tanh(w x + b)`` and the loss ``L = (y - t)^2``, by the chain rule."""
    x, w, b, t = (float(v) for v in (x, w, b, t))
    z, y = _chain_rule_terms(x, w, b, t)
    slope = 1 - y ** 2                       # tanh'(z)
    expected = 2 * (y - t) * slope * x
    mistakes = [
        ((y - t) * slope * x, "The factor 2 from differentiating the square is missing."),
        (-expected, "The sign of (y - t) is flipped: differentiate the square with respect to y, the "
                    "prediction, and keep the order (y - t)."),
        (2 * (y - t) * (1 - slope) * x, "You used one minus the derivative of tanh: the factor for the tanh "
                                        "link is the derivative itself."),
        (2 * (y - t) * (1 - z ** 2) * x, "The derivative of tanh is taken on the wrong argument: you put z, "
                                         "the neuron's input, where the formula written with tanh wants tanh's "
                                         "output."),
        (2 * (y - t) * (1 - np.tanh(y) ** 2) * x, "The derivative of tanh is taken on the wrong argument: tanh "
                                                  "is applied twice (y is already tanh(z))."),
        (2 * (y - t) * slope, "The last link of the chain is missing: how z = w x + b changes with w. (Without "
                              "it, that is dL/db.)"),
    ]
    return check_number(answer, expected, name="dL_dw", digits=3, mistakes=mistakes,
                        task="Compute dL/dw by the chain rule: L depends on y, y on z = w x + b, z on w.",
                        hint=("Multiply three derivatives along the chain: dL/dy, then dy/dz, then dz/dw. "
                              "Compute each one on its own first.",
                              "dL/dy is the derivative of a square; dy/dz is the derivative of tanh, which can be "
                              "written with tanh's output y; dz/dw is what multiplies w in z."))


# ---------------------------------------------------------------- section 16: back-propagation
PARAMETER_NAMES = ("W1", "b1", "W2", "b2")


def _two_layer_loss(X, y, W1, b1, W2, b2):
    hidden = np.tanh(X @ W1.T + b1)
    return np.mean((hidden @ W2.T + b2 - y) ** 2)


def _finite_differences(X, y, params):
    """Centred finite differences of the loss with respect to every entry of every parameter."""
    def loss():
        return _two_layer_loss(X, y, *(params[n] for n in PARAMETER_NAMES))
    return {name: numerical_gradient(loss, params[name]) for name in PARAMETER_NAMES}


def _gradients_with_tanh_slip(X, y, W1, b1, W2, b2, *, slip):
    """The gradients with one slip in the step back through tanh (written out: mlcourse has no such step)."""
    Z = X @ W1.T + b1
    H = np.tanh(Z)
    d_out = 2 * (H @ W2.T + b2 - y) / y.size
    slope = {"on Z": 1 - Z ** 2, "tanh twice": 1 - np.tanh(H) ** 2, "squared": (1 - H ** 2) ** 2}[slip]
    dZ = (d_out @ W2) * slope
    return {"W1": dZ.T @ X, "b1": dZ.sum(axis=0), "W2": d_out.T @ H, "b2": d_out.sum(axis=0)}


def reference_gradients(X, y, W1, b1, W2, b2, *, scale=1.0, through_tanh=True):
    """The gradients mlcourse's own backward computes for the tanh network and the MSE.

    The mistake models are this reference with the one step they name changed:
    ``dL/dy`` scaled by ``scale`` (a missing factor 2, a missing or wrong
    mean), or the backward walk stepping over tanh (``through_tanh=False``).
    """
    hidden, tanh, output = Dense(W1.shape[1], W1.shape[0]), ActivationLayer("tanh"), Dense(W2.shape[1], W2.shape[0])
    net = Sequential(hidden, tanh, output)
    for (value, _), new in zip(net.parameters(), (W1, b1, W2, b2)):
        value[...] = new
    loss = losses.MSE()
    net.zero_grad()
    y_pred = net.forward(X)
    dY = scale * loss.gradient(y_pred, y)
    for layer in reversed(net.layers if through_tanh else [hidden, output]):
        dY = layer.backward(dY)
    return {name: grad.copy() for name, (_, grad) in zip(PARAMETER_NAMES, net.parameters())}


# The checks' own name for it: a check that blocks ``reference_gradients`` while the student's
# function runs (it is a shortcut to the answer) leaves this one working for the mistake models.
_gradients = reference_gradients


def _reference_backprop(X, y, W1, b1, W2, b2):
    grads = _gradients(X, y, W1, b1, W2, b2)
    numeric = _finite_differences(X, y, {"W1": W1.copy(), "b1": b1.copy(), "W2": W2.copy(), "b2": b2.copy()})
    for name in PARAMETER_NAMES:  # the reference itself is checked against finite differences
        assert np.allclose(grads[name], numeric[name], rtol=1e-4, atol=1e-7), f"mlcourse's d{name} is wrong"
    return grads


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
        if value.shape != expected[name].shape and value.size == expected[name].size and \
                max(value.shape, default=1) == value.size:   # a row or a column for a bias vector
            value = value.reshape(expected[name].shape)
        if value.shape != expected[name].shape:
            return f"the gradient of {name} has shape {value.shape}, expected {expected[name].shape} (the shape of {name})"
        if not np.allclose(value, expected[name], rtol=1e-5, atol=1e-8):
            diff = np.abs(value - expected[name])
            where = tuple(int(i) for i in np.unravel_index(np.argmax(diff), diff.shape))
            return (f"the gradient of {name} is the first wrong array; most off at index {where}: "
                    f"yours {value[where]:.4g}, expected {expected[name][where]:.4g}")
    return ""


@exercise
def backprop_function(backprop, seed=None) -> Feedback:
    """Function exercise: the gradients of a tanh hidden layer and a linear output under the MSE."""
    rng, seed = random_cases(seed)
    if callable(backprop):
        try:   # the handed-out cell returns dW1, db1 = ..., ...: not answered yet
            tried = call_with_time_limit(5.0, backprop, np.ones((2, 2)), np.ones((2, 1)), np.ones((2, 2)),
                                         np.ones(2), np.ones((1, 2)), np.ones(1))
            if isinstance(tried, dict) and any(value is Ellipsis for value in tried.values()):
                return unanswered("backprop", "Fill in the gradients of the hidden layer: dH, dZ, dW1 and db1.")
        except TimeLimitExceeded:
            return incorrect("`backprop` did not finish within 5 s on a 2-sample network.",
                             "Look for a loop that never ends: does the loop variable change on every pass?",
                             mistake=True)
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
    return function_check(
        backprop, _reference_backprop, cases, seed=seed, name="backprop", compare=_compare_gradients,
        shortcuts=(reference_gradients, numerical_gradient),
        task="Return the four gradients {'W1': ..., 'b1': ..., 'W2': ..., 'b2': ...} of the MSE.",
        hint=("Walk back from the output: carry d_yhat back through W2 to the hidden outputs H, then through "
              "tanh, then repeat the output layer's pattern (the given dW2 and db2) with the hidden layer's "
              "input X.",
              "Each gradient has the shape of its parameter: dH the shape of H, dW1 that of W1. Going back "
              "through tanh multiplies element by element by tanh's derivative at the hidden layer, which "
              "can be written with the H you already have."),
        mistakes=[(lambda *a: _gradients(*a, through_tanh=False),
                   "The step back through tanh is missing: between dH and dW1, multiply element by element by "
                   "the derivative of tanh at the hidden layer."),
                  (lambda *a: _gradients_with_tanh_slip(*a, slip="on Z"),
                   "The derivative of tanh is taken on Z, the pre-activation: written with tanh, it needs "
                   "tanh's output, H."),
                  (lambda *a: _gradients_with_tanh_slip(*a, slip="tanh twice"),
                   "tanh is applied twice: H is already tanh(Z), so its derivative, written with tanh, uses H "
                   "itself, not tanh(H)."),
                  (lambda *a: _gradients_with_tanh_slip(*a, slip="squared"),
                   "The derivative of tanh is multiplied in twice: the step back through tanh takes it once."),
                  (lambda *a: _gradients(*a, scale=0.5),
                   "The factor 2 of the squared error's derivative is missing."),
                  (lambda X, y, *r: _gradients(X, y, *r, scale=np.size(y)),
                   "The MSE is a mean: divide dL/dy by the number of entries of y."),
                  (lambda X, y, *r: _gradients(X, y, *r, scale=np.size(y) / len(X)),
                   "The MSE averages over every entry of y (samples times outputs), not only over the samples."),
                  (lambda X, *r: {**_gradients(X, *r), "b1": _gradients(X, *r)["b1"] / len(X)},
                   "db1 is averaged over the samples (a mean of dZ): the mean is already in d_yhat, so db1, like "
                   "the given db2, sums over the samples.")],
        done="Back-propagation is these few lines, repeated layer by layer.")


# ---------------------------------------------------------------- section 16: the training loop
def _train(model, loss, optimizer, X, y, epochs, *, zero_grad=True, loss_after_step=False, step_first=False,
           step=True):
    """The training loop in PyTorch's order, or one of its usual mistakes."""
    history = []
    for _ in range(int(epochs)):
        if zero_grad:
            optimizer.zero_grad()
        y_pred = model.forward(X)
        if not loss_after_step:
            history.append(float(loss(y_pred, y)))
        if step and step_first:
            optimizer.step()
        model.backward(loss.gradient(y_pred, y))
        if step and not step_first:
            optimizer.step()
        if loss_after_step:
            history.append(float(loss(model.forward(X), y)))
    return history


def reference_train(model, loss, optimizer, X, y, epochs):
    return _train(model, loss, optimizer, X, y, epochs)


def _train_without_zero_grad(model, loss, optimizer, X, y, epochs):
    return _train(model, loss, optimizer, X, y, epochs, zero_grad=False)


def _train_loss_after_step(model, loss, optimizer, X, y, epochs):
    return _train(model, loss, optimizer, X, y, epochs, loss_after_step=True)


def _train_step_first(model, loss, optimizer, X, y, epochs):
    return _train(model, loss, optimizer, X, y, epochs, step_first=True)


def _train_step_first_no_zero_grad(model, loss, optimizer, X, y, epochs):
    return _train(model, loss, optimizer, X, y, epochs, step_first=True, zero_grad=False)


def _train_without_step(model, loss, optimizer, X, y, epochs):
    return _train(model, loss, optimizer, X, y, epochs, step=False)


STEP_BEFORE_BACKWARD = ("The optimizer's step comes before the backward pass: the step finds no fresh "
                        "gradients (none, or the last epoch's), so the weights lag or never move. "
                        "Back-propagate first, then step.")


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
        if got.size > 1 and np.allclose(got, got[0], rtol=1e-12, atol=0):
            return f"the losses differ from epoch {first + 1} on: yours never change, so the weights never move"
        return f"the losses differ from epoch {first + 1} on"
    return ""


@exercise
def training_loop_function(train, seed=None) -> Feedback:
    """Function exercise: the training loop, its five steps in the order the recipe needs."""
    rng, seed = random_cases(seed)

    def case(n_in, n_hidden, n_out, make_optimizer, epochs, label, n=20):
        net = Sequential(Dense(n_in, n_hidden, "tanh", rng=rng), Dense(n_hidden, n_out, rng=rng))
        X = rng.normal(size=(n, n_in))
        return Case((net, losses.MSE(), make_optimizer(net), X, rng.normal(size=(n, n_out)), epochs), label)
    # The first case has weight decay: there a step before backward still moves the weights (the decay),
    # so that slip is told apart from a loop without any step.
    cases = [case(5, 8, 1, lambda m: SGD(m, 0.1, weight_decay=0.05), 10, "SGD with weight decay, 10 epochs"),
             case(5, 8, 1, lambda m: SGD(m, 0.1), 10, "SGD, 10 epochs"),
             case(3, 4, 2, lambda m: Adam(m, 0.01), 8, "Adam, two outputs"),
             case(2, 3, 1, lambda m: SGD(m, 0.05), 1, "a single epoch"),
             case(4, 6, 1, lambda m: SGD(m, 0.2, momentum=0.9), 12, "SGD with momentum"),
             case(2, 2, 1, lambda m: SGD(m, 0.1), 0, "zero epochs: no loss to record")]
    return function_check(
        train, reference_train, cases, seed=seed, name="train", compare=_compare_histories,
        shortcuts=(reference_train, fit),
        task="Write the training loop: one pass over the whole data set per epoch; return the loss of each epoch.",
        hint=("Per epoch, the steps of the recipe above in PyTorch's order; record each epoch's loss before "
              "the step changes the weights.",
              "The loss object gives both the value (call it) and its gradient with respect to the "
              "prediction (its gradient method); the model's backward takes that gradient."),
        mistakes=[(_train_without_step, "The loss never changes: the optimizer's step is missing, so the weights never "
                                        "move. Step once per epoch, after backward."),
                  (_train_step_first, STEP_BEFORE_BACKWARD),
                  (_train_step_first_no_zero_grad, STEP_BEFORE_BACKWARD),
                  (_train_without_zero_grad, "Gradients add up from one backward to the next (as in PyTorch): "
                                             "clear them with zero_grad at the start of each epoch."),
                  (_train_loss_after_step, "Record the loss of the prediction you back-propagate, before "
                                           "the step.")],
        done="This is the loop inside every deep-learning library's training.")


def _one_number(answer):
    """A single number from a number, a float32, a 0-d or 1-element array or list; else None."""
    if isinstance(answer, (bool, np.bool_, str, bytes, dict, set)) or callable(answer):
        return None
    try:
        arr = np.asarray(answer, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return None
    return float(arr.ravel()[0]) if arr.size == 1 and np.isfinite(arr).all() else None


@exercise
def learning_rate(answer, curves: dict, target: float) -> Feedback:
    """Exercise: a learning rate whose training ends below ``target`` without diverging.

    ``curves`` maps the learning rates tried in the demo to their losses per
    epoch (as from :func:`mlcourse.widgets.day1.learning_rate_curves`); the
    answer must be one of them.
    """
    if is_blank(answer):
        return unanswered("good_learning_rate", "Look at the curves in the figure above.")
    if isinstance(answer, str):
        try:
            float(answer)
        except ValueError:
            pass
        else:
            return incorrect(f"{brief(answer)} is text in quotes, not a number.",
                             "Remove the quotes: write the learning rate as a number.", mistake=True)
    rate = _one_number(answer)
    tried = [key for key in curves if rate is not None and np.isclose(float(key), rate, rtol=1e-6, atol=0)]
    if not tried:
        return incorrect(f"{brief(answer)} is not one of the learning rates tried: {sorted(curves)}.",
                         "Pick one of the learning rates in the figure.", mistake=True)
    answer = tried[0]
    history = np.asarray(curves[answer], dtype=float)
    if not np.all(np.isfinite(history)) or history[-1] > history[0]:
        return incorrect(f"With learning rate {answer:g} the loss grows: the training diverges.",
                         "Steps that are too large overshoot the minimum: choose a smaller one.", mistake=True)
    if history[-1] > target:
        return incorrect(f"With learning rate {answer:g} the loss is still {history[-1]:.3g} at the end.",
                         "Steps that are too small crawl toward the minimum: choose a larger one.", mistake=True)
    return correct(f"learning rate {answer:g} brings the loss down to {history[-1]:.3g}.")
