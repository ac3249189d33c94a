"""Training = optimisation: the loop of the slides.

1. take a training set with inputs ``x`` and ground truth ``y'``;
2. feed ``x`` into the network, get the prediction ``y``;
3. compute the loss ``L(y, y')``;
4. update all ``W(n)`` and ``b(n)`` to decrease ``L``;
5. repeat.

:func:`fit` runs that loop over mini-batches for a number of epochs (passes
over the training set) and records the loss after each one. The notebooks
first write the loop out by hand; ``fit`` is the same loop with the
book-keeping (shuffling, validation, early stopping, progress) done for you.

>>> from mlcourse.layers import Dense
>>> from mlcourse.network import Sequential
>>> from mlcourse.optimizers import SGD
>>> X = np.linspace(-1, 1, 50).reshape(-1, 1); y = 3 * X + 1
>>> net = Sequential(Dense(1, 1, rng=0))
>>> history = fit(net, X, y, "mse", SGD(net, 0.1), epochs=100, rng=0, verbose=False)
>>> round(history["loss"][-1], 6), net.layers[0].W.round(3).tolist()
(0.0, [[3.0]])
"""

from __future__ import annotations

import numbers

import numpy as np

from ._validation import check_array, check_consistent_length, check_rng, check_scalar, describe
from .losses import get_loss

__all__ = ["fit", "History"]


class History(dict):
    """Per-epoch records of a training run: ``history["loss"]``, ``history["val_loss"]``, ...

    Attributes
    ----------
    best_epoch : int
        Epoch (1-based) with the lowest validation loss (training loss without validation).
    stopped_early : bool
        Whether early stopping ended the run.
    diverged : bool
        Whether the loss became NaN or infinite.
    message : str
        The one-line summary printed at the end.
    """

    best_epoch = 0
    stopped_early = False
    diverged = False
    message = ""

    @property
    def epochs(self) -> int:
        return len(self.get("loss", []))


def _split(X, y, validation_data, validation_split, rng):
    if validation_data is not None:
        if len(validation_data) != 2:
            raise ValueError(f"validation_data must be a pair (X_val, y_val), got {describe(validation_data)}.")
        return X, y, validation_data[0], validation_data[1]
    check_scalar(validation_split, "validation_split", minimum=0.0, maximum=1.0, include_maximum=False)
    n_val = int(round(validation_split * len(X)))
    if n_val == 0:
        return X, y, None, None
    order = rng.permutation(len(X))
    val, train = order[:n_val], order[n_val:]
    return X[train], y[train], X[val], y[val]


class _Progress:
    """A progress bar in Jupyter (a widget: its view is the same in every run), nothing elsewhere."""

    def __init__(self, epochs: int, verbose: bool):
        self.bar = None
        if not verbose:
            return
        try:
            from IPython import get_ipython

            if get_ipython() is None or not hasattr(get_ipython(), "kernel"):
                return
            import ipywidgets
            from IPython.display import display
        except ImportError:
            return
        self.bar = ipywidgets.IntProgress(value=0, min=0, max=epochs, description="Training")
        display(self.bar)

    def update(self, epoch: int) -> None:
        if self.bar is not None:
            self.bar.value = epoch

    def close(self, ok: bool) -> None:
        if self.bar is not None:
            self.bar.bar_style = "success" if ok else "danger"


def _evaluate(model, loss, X, y, metrics):
    y_pred = model.forward(X, check_input=False)
    scores = {"loss": loss(y_pred, y)}
    for name, fn in (metrics or {}).items():
        scores[name] = float(fn(np.asarray(y).squeeze(), y_pred.squeeze()))
    return scores


def fit(model, X, y, loss, optimizer, epochs: int = 100, batch_size: int = 32,
        validation_data=None, validation_split: float = 0.0, metrics=None, rng=None,
        early_stopping: int | None = None, restore_best: bool = True,
        verbose: bool = True) -> History:
    """Train ``model`` on ``(X, y)`` by mini-batch gradient descent.

    Parameters
    ----------
    model : Sequential
        The network; its parameters are changed in place.
    X : array of shape (n_samples, n_features)
    y : array of shape (n_samples,) or (n_samples, n_outputs)
        Ground truth ``y'`` (class indices for cross-entropy).
    loss : str or Loss
        ``"mse"``, ``"mae"``, ``"bce"``, ``"cross_entropy"`` or a Loss object.
    optimizer : SGD or Adam
        Built on the same model.
    epochs : int
        Passes over the training set.
    batch_size : int
        Samples per gradient step (the last batch may be smaller).
    validation_data : (X_val, y_val), optional
        Data never trained on, scored after every epoch.
    validation_split : float in [0, 1)
        Alternatively, the fraction of (X, y) held out at random for validation.
    metrics : dict of name -> function(y_true, y_pred), optional
        Extra scores recorded per epoch, e.g. ``{"mae": mlcourse.metrics.mean_absolute_error}``.
    rng : numpy.random.Generator or int
        Shuffles the batches (and draws the validation split): same rng, same run.
    early_stopping : int, optional
        Stop when the validation loss has not improved for this many epochs.
    restore_best : bool, default True
        With early stopping, put back the weights of the best epoch.
    verbose : bool
        Show a progress bar in Jupyter and print a one-line summary at the end.

    Returns
    -------
    History
        ``history["loss"]`` (mean of the batch losses of each epoch),
        ``history["val_loss"]`` and one list per metric (``"val_"`` prefixed for
        validation). A NaN or infinite loss stops training: ``history.diverged``
        is then True and the message suggests a smaller learning rate.
    """
    loss = get_loss(loss)
    rng = check_rng(rng)
    epochs = check_scalar(epochs, "epochs", kind=numbers.Integral, minimum=1)
    batch_size = check_scalar(batch_size, "batch_size", kind=numbers.Integral, minimum=1)
    if early_stopping is not None:
        check_scalar(early_stopping, "early_stopping", kind=numbers.Integral, minimum=1)
    X = model.layers[0].check_input(X)
    y = loss.targets(y)
    check_consistent_length(X=X, y=y)
    X, y, X_val, y_val = _split(X, y, validation_data, validation_split, rng)
    if X_val is not None:
        X_val = model.layers[0].check_input(check_array(X_val, "X_val", ndim=X.ndim))
        y_val = loss.targets(y_val)
        check_consistent_length(X_val=X_val, y_val=y_val)
    loss(model.forward(X[:1], check_input=False), y[:1])  # wrong target shapes fail here, clearly

    history = History()
    progress = _Progress(epochs, verbose)
    n = len(X)
    # A too-large learning rate makes the numbers overflow on the way to NaN; that is
    # caught below and explained, so numpy's own overflow warnings would only add noise.
    with np.errstate(over="ignore", invalid="ignore"):
        _train(model, X, y, X_val, y_val, loss, optimizer, epochs, batch_size, metrics, rng,
               early_stopping, restore_best, history, progress)
    progress.close(not history.diverged)
    if not history.diverged:
        history.message = _summary(history)
    if verbose:
        print(history.message)
    return history


def _train(model, X, y, X_val, y_val, loss, optimizer, epochs, batch_size, metrics, rng,
           early_stopping, restore_best, history, progress):
    """The loop of the slides: per batch zero_grad, forward, loss, backward, step; then the book-keeping."""
    best, best_weights, since_best = np.inf, None, 0
    n = len(X)
    for epoch in range(1, epochs + 1):
        order = rng.permutation(n)
        total = 0.0
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            xb, yb = X[idx], y[idx]
            # the data were checked once, above: check_input=False skips the checks per batch
            model.zero_grad()                 # backward adds to the gradients
            y_pred = model.forward(xb, check_input=False)
            total += loss(y_pred, yb, check_input=False) * len(idx)
            model.backward(loss.gradient(y_pred, yb, check_input=False), check_input=False)
            optimizer.step()
        train_loss = total / n
        if not np.isfinite(train_loss):
            history.diverged = True
            history.message = (f"Training stopped at epoch {epoch}: the loss became {train_loss}. "
                               f"The steps are too large: try a smaller learning rate "
                               f"(now {optimizer.learning_rate:g}).")
            break
        history.setdefault("loss", []).append(float(train_loss))
        for name, value in (_evaluate(model, loss, X, y, metrics) if metrics else {}).items():
            if name != "loss":
                history.setdefault(name, []).append(value)
        monitored = train_loss
        if X_val is not None:
            for name, value in _evaluate(model, loss, X_val, y_val, metrics).items():
                history.setdefault(f"val_{name}", []).append(value)
            monitored = history["val_loss"][-1]
        if monitored < best:
            best, since_best, history.best_epoch = monitored, 0, epoch
            if early_stopping is not None and restore_best:
                best_weights = model.get_weights()
        else:
            since_best += 1
        progress.update(epoch)
        if early_stopping is not None and since_best >= early_stopping:
            history.stopped_early = True
            break
    if best_weights is not None and (history.stopped_early or history.diverged):
        model.set_weights(best_weights)


def _summary(history: History) -> str:
    last = f"loss {history['loss'][-1]:.4g}"
    if "val_loss" in history:
        last += f", val_loss {history['val_loss'][-1]:.4g}"
    if history.stopped_early:
        key = "val_loss" if "val_loss" in history else "loss"
        return (f"Stopped early at epoch {history.epochs} ({last}); "
                f"best epoch {history.best_epoch}, {key} {min(history[key]):.4g}.")
    return f"Trained {history.epochs} epochs: {last}."
