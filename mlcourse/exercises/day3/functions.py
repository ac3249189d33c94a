"""Day 3, the function exercises: scaling inside cross-validation, spatial blocks, a grouped
pipeline; with the references and the typical mistakes of each.
"""

from __future__ import annotations

import dataclasses
import re

import numpy as np

from ... import metrics
from ...splits import spatial_blocks
from .. import Case, Feedback, check_function, exercise, random_cases

__all__ = ["scaled_cv_function", "block_function", "pipeline_function", "reference_scaled_cv",
           "reference_blocks", "reference_grouped_probabilities", "SLIPS"]

# The known slips of the function exercises, each diagnosed with a hint that names it
# (tests/test_exercises_day3.py feeds every one). Add new ones here, with their test.
SLIPS = [
    ("2.1", "the scaler fitted on all rows before the split"),
    ("2.1", "the test rows scaled with their own mean and standard deviation"),
    ("2.1", "no scaling at all"),
    ("2.1", "mean squared errors, not their square root"),
    ("2.1", "the RMSE computed on the training rows"),
    ("2.1", "the mean absolute error (MAE) instead of the RMSE"),
    ("2.1", "one number (a scalar) instead of one RMSE per fold"),
    ("4.1", "only latitude numbers the blocks"),
    ("4.1", "rounding toward zero (int, trunc)"),
    ("4.1", "rounding up (ceil)"),
    ("4.1", "rounding to the nearest integer (round)"),
    ("4.1", "rows and columns combined so that two cells share a number (a factor too small)"),
    ("4.1", "a (row, column) pair per event instead of one number"),
    ("9.3", "folds that ignore the groups"),
    ("9.3", "the imputer fitted on all the data before the split"),
    ("9.3", "the mean imputed, not the median"),
    ("9.3", "predicted classes, not probabilities"),
    ("9.3", "the probability of class 0 (the first column of predict_proba)"),
    ("9.3", "GroupKFold instead of StratifiedGroupKFold"),
    ("9.3", "the groups not passed to cross_val_predict"),
    ("9.3", "the model before the imputer in the Pipeline, or steps without names"),
]


def _with_hint(feedback: Feedback, hint) -> Feedback:
    """The same verdict and case (and details), with the hint of the slip it shows."""
    return dataclasses.replace(feedback, hint=hint)


# ---- reference implementations for the function exercises ---------------------------------------

def reference_scaled_cv(X, y, folds, make_model):
    """RMSE per fold, with the standardisation fitted on each training fold only.

    >>> from sklearn.linear_model import LinearRegression
    >>> X = np.arange(8.0).reshape(-1, 1); y = 2 * X[:, 0]
    >>> folds = [(np.arange(4), np.arange(4, 8)), (np.arange(4, 8), np.arange(4))]
    >>> reference_scaled_cv(X, y, folds, LinearRegression).round(6).tolist()
    [0.0, 0.0]
    """
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    errors = []
    for train, test in folds:
        mean, std = X[train].mean(axis=0), X[train].std(axis=0)
        model = make_model().fit((X[train] - mean) / std, y[train])
        errors.append(metrics.root_mean_squared_error(y[test], model.predict((X[test] - mean) / std)))
    return np.array(errors)


def _scaled_on_everything(X, y, folds, make_model):
    X = np.asarray(X, dtype=float)
    Xs = (X - X.mean(axis=0)) / X.std(axis=0)
    return np.array([metrics.root_mean_squared_error(np.asarray(y)[te], make_model().fit(Xs[tr], np.asarray(y)[tr]).predict(Xs[te]))
                     for tr, te in folds])


def _test_scaled_by_itself(X, y, folds, make_model):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    errors = []
    for tr, te in folds:
        model = make_model().fit((X[tr] - X[tr].mean(0)) / X[tr].std(0), y[tr])
        errors.append(metrics.root_mean_squared_error(y[te], model.predict((X[te] - X[te].mean(0)) / X[te].std(0))))
    return np.array(errors)


def _mse_not_rmse(X, y, folds, make_model):
    return reference_scaled_cv(X, y, folds, make_model) ** 2


def _per_fold(X, y, folds, make_model, score, on_training_rows=False):
    """One score per fold of a model fitted on the fold's scaled training rows (the reference's loop)."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    scores = []
    for train, test in folds:
        mean, std = X[train].mean(axis=0), X[train].std(axis=0)
        model = make_model().fit((X[train] - mean) / std, y[train])
        rows = train if on_training_rows else test
        scores.append(score(y[rows], model.predict((X[rows] - mean) / std)))
    return np.array(scores)


def _rmse_on_training_rows(X, y, folds, make_model):
    return _per_fold(X, y, folds, make_model, metrics.root_mean_squared_error, on_training_rows=True)


def _mae_not_rmse(X, y, folds, make_model):
    return _per_fold(X, y, folds, make_model, metrics.mean_absolute_error)


def _is_one_number(got) -> bool:
    return isinstance(got, (int, float, np.number)) and not isinstance(got, (bool, np.bool_)) or \
        (isinstance(got, np.ndarray) and got.ndim == 0)


def _array_of_rmse(got, expected) -> str:
    """'' when ``got`` holds the RMSEs of ``expected``, one per fold (a numpy array, a list or a tuple)."""
    if _is_one_number(got):
        return f"one number ({type(got).__name__}), not one RMSE per fold"
    if isinstance(got, (list, tuple)):
        try:
            got = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            return "a list that does not hold numbers"
    if not isinstance(got, np.ndarray):
        return f"a {type(got).__name__}, not an array of RMSEs, one per fold"
    if got.shape != np.shape(expected):
        return f"shape {got.shape}, expected shape {np.shape(expected)} (one RMSE per fold)"
    try:
        ok = np.allclose(got.astype(float), expected, rtol=1e-6, atol=1e-9)
    except (TypeError, ValueError):
        return "the array does not hold numbers"
    return "" if ok else "the values differ"


def _unscaled(X, y, folds, make_model):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    return np.array([metrics.root_mean_squared_error(y[te], make_model().fit(X[tr], y[tr]).predict(X[te])) for tr, te in folds])


def reference_blocks(latitude, longitude, size_deg):
    """Block number of every sample: the ``size_deg`` cell of the map it falls in."""
    return spatial_blocks(latitude, longitude, size_deg)


def _pipeline_predictions(model, X, y, groups, seed, *, strategy="median", grouped=True,
                          method="predict_proba"):
    """Out-of-fold predictions of an imputing Pipeline: the reference, or one of its usual mistakes."""
    from sklearn.impute import SimpleImputer
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold, cross_val_predict
    from sklearn.pipeline import Pipeline

    pipeline = Pipeline([("impute", SimpleImputer(strategy=strategy)), ("model", model)])
    if grouped:
        cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
        predictions = cross_val_predict(pipeline, X, y, groups=groups, cv=cv, method=method)
    else:
        cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
        predictions = cross_val_predict(pipeline, X, y, cv=cv, method=method)
    return predictions[:, 1] if method == "predict_proba" else predictions


def reference_grouped_probabilities(model, X, y, groups, seed):
    """Out-of-fold P(class 1) from a median-imputing Pipeline under StratifiedGroupKFold(5)."""
    return _pipeline_predictions(model, X, y, groups, seed)


def _ungrouped_probabilities(model, X, y, groups, seed):
    return _pipeline_predictions(model, X, y, groups, seed, grouped=False)


def _mean_imputed(model, X, y, groups, seed):
    return _pipeline_predictions(model, X, y, groups, seed, strategy="mean")


def _labels_not_probabilities(model, X, y, groups, seed):
    return _pipeline_predictions(model, X, y, groups, seed, method="predict")


def _class_0_column(model, X, y, groups, seed):
    return 1 - _pipeline_predictions(model, X, y, groups, seed)


def _group_kfold(model, X, y, groups, seed, shuffle=False):
    from sklearn.impute import SimpleImputer
    from sklearn.model_selection import GroupKFold, cross_val_predict
    from sklearn.pipeline import Pipeline

    pipeline = Pipeline([("impute", SimpleImputer(strategy="median")), ("model", model)])
    cv = GroupKFold(n_splits=5, shuffle=True, random_state=seed) if shuffle else GroupKFold(n_splits=5)
    return cross_val_predict(pipeline, X, y, groups=groups, cv=cv, method="predict_proba")[:, 1]


def _group_kfold_shuffled(model, X, y, groups, seed):
    return _group_kfold(model, X, y, groups, seed, shuffle=True)


def _imputed_outside(model, X, y, groups, seed):
    from sklearn.impute import SimpleImputer
    from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict

    X_filled = SimpleImputer(strategy="median").fit_transform(X)
    cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    return cross_val_predict(model, X_filled, y, groups=groups, cv=cv, method="predict_proba")[:, 1]


# ---- function exercises -------------------------------------------------------------------------

def _regression_cases(rng):
    """Fresh regression data with features on very different scales, and random folds."""
    from sklearn.model_selection import KFold

    cases = []
    for n, p, label in [(40, 2, "2 features"), (60, 3, "3 features"), (25, 1, "1 feature"), (50, 4, "4 features")]:
        scales = rng.permutation([0.01, 100.0, 1.0, 10.0])[:p] if p > 1 else np.array([100.0])
        X = rng.normal(size=(n, p)) * scales + rng.normal(0, 50, size=p)   # units far apart
        y = X @ rng.normal(size=p) + rng.normal(size=n)
        folds = list(KFold(rng.integers(3, 6), shuffle=True, random_state=int(rng.integers(1000))).split(X))
        cases.append((X, y, folds, label))
    X = np.c_[np.arange(12.0), np.arange(12.0) ** 2]
    cases.append((X, np.arange(12.0), [(np.arange(6), np.arange(6, 12)), (np.arange(6, 12), np.arange(6))],
                  "two halves: the test half lies outside the training range"))
    return cases


@exercise
def scaled_cv_function(function, make_model=None, seed=None) -> Feedback:
    """Function exercise: a cross-validation loop that fits the scaler inside each training fold."""
    import functools

    from sklearn.neighbors import KNeighborsRegressor

    make_model = make_model or functools.partial(KNeighborsRegressor, n_neighbors=3)
    rng, seed = random_cases(seed)
    cases = [Case((X, y, folds, make_model), label) for X, y, folds, label in _regression_cases(rng)]
    scalar = []   # whether the failing case came back as one number: a slip of its own

    def compare(got, expected):
        scalar.append(_is_one_number(got) and np.ndim(expected) == 1)
        return _array_of_rmse(got, expected)

    feedback = check_function(function, reference_scaled_cv, cases, seed=seed, name="cv_rmse_scaled", compare=compare,
                          shortcuts=(reference_scaled_cv,),
                          task="Return the RMSE of every fold, with the mean and standard deviation "
                               "computed on that fold's training rows only.",
                          hint=("Inside the loop over folds: statistics from X[train] only, then the same "
                                "shift and scale applied to X[train] and X[test].",
                                "A fresh model per fold, fitted on the scaled training rows, predicts the "
                                "scaled test rows; collect one RMSE per fold into an array."),
                          mistakes=[(_mse_not_rmse, "Those are mean squared errors: take the square root "
                                     "of each fold's mean squared error."),
                                    (_scaled_on_everything, "You standardised with the statistics of ALL "
                                     "rows: that is the leak. Compute them inside the loop, on X[train]."),
                                    (_test_scaled_by_itself, "The test rows were scaled with their own "
                                     "mean and std: use the training fold's statistics for both parts."),
                                    (_unscaled, "The features are not standardised: a nearest-neighbour "
                                     "model then measures distance mostly along the largest feature."),
                                    (_rmse_on_training_rows, "Those are the errors on each fold's TRAINING rows, "
                                     "which the model has seen: score its predictions for the test rows."),
                                    (_mae_not_rmse, "That is the mean absolute error (MAE), not the RMSE: "
                                     "square the test errors, average them, then take the square root.")])
    if feedback.status == "incorrect" and scalar and scalar[-1]:
        return _with_hint(feedback, "You returned one number (a scalar): the exercise asks for one RMSE per "
                                    "fold, collected in an array, not their mean or the last fold's alone.")
    return feedback


def _same_partition(got, expected) -> str:
    """'' when ``got`` puts the samples in the same blocks as ``expected`` (any numbering)."""
    try:
        got = np.asarray(got)
    except Exception:  # noqa: BLE001
        return "expected an array of block numbers"
    expected = np.asarray(expected)
    if got.ndim == 2 and got.shape[0] == expected.shape[0] and expected.ndim == 1:
        return (f"one block number per event expected, got {got.shape[1]} values per event (shape {got.shape}): "
                "make ONE number of each event's row and column")
    if got.shape != expected.shape:
        return f"shape {got.shape}, expected shape {expected.shape}"
    if got.dtype == object:
        return "expected an array of block numbers"
    pairs = {(a, b) for a, b in zip(got.tolist(), expected.tolist())}
    if len(pairs) == len(set(expected.tolist())) == len(set(got.tolist())):
        return ""
    if len(set(got.tolist())) < len(set(expected.tolist())):
        return _MERGED
    return "samples of the same cell got different block numbers (any numbering works; the expected one is an example)"


def _blocks_floor_lat_only(latitude, longitude, size_deg):
    return np.floor(np.asarray(latitude, dtype=float) / size_deg)


def _numbered(rows, columns):
    return np.unique(np.c_[rows, columns], axis=0, return_inverse=True)[1].ravel()


def _blocks_rounded(latitude, longitude, size_deg):
    lat, lon = np.asarray(latitude, dtype=float), np.asarray(longitude, dtype=float)
    return _numbered(np.round(lat / size_deg), np.round(lon / size_deg))


def _blocks_truncated(latitude, longitude, size_deg):
    lat, lon = np.asarray(latitude, dtype=float), np.asarray(longitude, dtype=float)
    return _numbered(np.trunc(lat / size_deg), np.trunc(lon / size_deg))


def _blocks_ceiled(latitude, longitude, size_deg):
    lat, lon = np.asarray(latitude, dtype=float), np.asarray(longitude, dtype=float)
    return _numbered(np.ceil(lat / size_deg), np.ceil(lon / size_deg))


_BLOCK_MISTAKES = [(_blocks_floor_lat_only, "Only latitude decides your blocks: a block is "
                                     "a square, so longitude must count too."),
                                    (_blocks_truncated, "Rounding toward zero (int or trunc) puts -0.5 and "
                                     "+0.5 in the same cell: round DOWN with np.floor."),
                                    (_blocks_ceiled, "Rounding UP (ceil) moves every point that lies exactly on "
                                     "a cell's lower edge (3.0° with 1° cells) into the cell below it: round DOWN "
                                     "with np.floor."),
                                    (_blocks_rounded, "Rounding to the nearest integer shifts the cells by "
                                     "half a cell: round DOWN with np.floor.")]
_MERGED = "some samples of different cells share a block number (any numbering works; the expected one is an example)"


def _collides(function) -> bool:
    """True when ``function`` numbers the cells of one row apart, and of one column apart, but gives two
    cells of a two-row grid the same number: the (row, column) pair was combined into a number that collides."""
    from ..timelimit import call_with_time_limit

    lon = np.arange(0.25, 360, 0.5)                                  # 720 cells of 0.5° along a row
    lat = np.arange(-89.75, 90, 0.5)                                 # 360 cells along a column
    grid_lat, grid_lon = np.repeat([0.25, 0.75], lon.size), np.tile(lon, 2)
    try:
        one_row = call_with_time_limit(5.0, function, np.full(lon.size, 0.25), lon, 0.5)
        one_column = call_with_time_limit(5.0, function, lat, np.full(lat.size, 0.25), 0.5)
        grid = call_with_time_limit(5.0, function, grid_lat, grid_lon, 0.5)
        if any(np.asarray(ids).ndim != 1 for ids in (one_row, one_column, grid)):
            return False                                             # a form problem, not a collision
        distinct = [len(np.unique(np.asarray(ids).tolist())) for ids in (one_row, one_column, grid)]
    except Exception:  # noqa: BLE001 - whatever the student's function does here, no diagnosis
        return False
    return distinct[:2] == [lon.size, lat.size] and distinct[2] < grid_lat.size


@exercise
def block_function(function, seed=None) -> Feedback:
    """Function exercise: number every sample by the square map cell it falls in."""
    rng, seed = random_cases(seed)
    cases = []
    for n, size in [(30, 1.0), (50, 2.0), (40, 0.5)]:
        lat, lon = rng.uniform(-40, -10, n), rng.uniform(160, 190, n)
        cases.append(Case((lat, lon, size), f"{n} random events, {size}° cells"))
    lat, lon = rng.uniform(-80, 80, 300), rng.uniform(-180, 180, 300)
    cases.append(Case((lat, lon, 0.5), "300 events over the whole globe, 0.5° cells"))
    cases += [
        Case((np.array([-0.5, 0.5, -1.5, 1.5]), np.array([-0.5, -0.5, 0.5, 0.5]), 1.0),
             "cells on both sides of the equator and of the meridian"),
        Case((np.array([2.0, 2.999, 3.0, 3.2, 3.7]), np.array([5.0, 5.0, 5.0, 5.0, 5.0]), 1.0),
             "points on a cell edge and inside one cell"),
        Case((np.array([-1.0, -0.999, -1.001]), np.array([-3.0, -3.0, -3.0]), 1.0), "a negative cell edge"),
        Case((np.array([-17.5]), np.array([178.0]), 4.0), "a single event"),
        Case((np.array([10.0, 10.0]), np.array([20.0, 20.0]), 2.0), "two events at the same place"),
        # rows and columns combined with a factor too small (row * 360 + column) collide here
        Case((np.array([0.75, 0.25, -0.25, -0.75]), np.array([-179.75, 0.25, 0.25, 0.25]), 0.5),
             "0.5° cells: one near the date line, one row up from a cell at the meridian"),
    ]
    mistake_hints = {hint for _, hint in _BLOCK_MISTAKES}
    feedback = check_function(function, reference_blocks, cases, seed=seed, name="block_ids", compare=_same_partition,
                          shortcuts=(spatial_blocks, reference_blocks), mistakes=_BLOCK_MISTAKES,
                          task="Give every event the number of its size_deg x size_deg map cell (any "
                               "numbering works, as long as events in the same cell share a number and "
                               "events in different cells do not).",
                          hint=("Which cell row and which cell column does an event fall in? Divide by "
                                "the cell size and round DOWN, also for negative coordinates.",
                                "Each event now has two whole numbers, a row and a column; make one number of "
                                "them so that two different pairs can never get the same one. Try your idea on "
                                "rows 0 and 1 with columns up to 360 (1° cells around the globe): do any "
                                "two pairs collide?"),
                          )
    if feedback.status != "incorrect":
        return feedback
    if "values per event" in feedback.message:
        return _with_hint(feedback, "You return a (row, column) pair per event: the folds need one block number "
                                    "per event, so make one number of each pair (different pairs, different numbers).")
    if feedback.hint in mistake_hints and not _is_mistake_everywhere(function, feedback.hint, cases):
        # the output matched a rounding slip on one case only by chance (np.floor was used, but two
        # cells collide): diagnose the collision, not the rounding
        return _with_hint(feedback, _COLLISION_HINT)
    if feedback.hint not in mistake_hints and _collides(function):
        return _with_hint(feedback, _COLLISION_HINT)
    return feedback


_COLLISION_HINT = ("Two different cells got the same number: the way you combine the row and the column "
                   "collides for some pairs (any numbering works, but different cells need different numbers). "
                   "Try it on rows 0 and 1 with columns from -360 to 720 (0.5° cells around the globe).")


def _is_mistake_everywhere(function, hint, cases) -> bool:
    """True when ``function`` numbers the blocks like the slip that ``hint`` names on every case."""
    from ..timelimit import call_with_time_limit

    slip = next(wrong for wrong, text in _BLOCK_MISTAKES if text == hint)
    try:
        return all(_same_partition(call_with_time_limit(5.0, function, *case.args), slip(*case.args)) == ""
                   for case in cases)
    except Exception:  # noqa: BLE001 - whatever the student's function does here, keep the diagnosis
        return True


def _classification_cases(rng):
    from sklearn.linear_model import LogisticRegression

    cases = []
    for n, p, n_groups, label in [(120, 3, 24, "120 samples, 24 groups"), (90, 2, 18, "90 samples, 18 groups"),
                                  (150, 4, 30, "150 samples, 30 groups")]:
        groups = rng.integers(0, n_groups, n)
        y = (rng.random(n_groups) < 0.35)[groups].astype(int)       # whole groups share a class
        X = rng.normal(size=(n, p)) + y[:, None] * 0.8 + rng.normal(size=(n_groups, p))[groups]
        X[rng.random((n, p)) < 0.1] = np.nan                        # missing values to impute
        cases.append(Case((LogisticRegression(), X, y, groups, int(rng.integers(1000))), label))
    groups = np.repeat(np.arange(20), 5)
    y = (np.arange(20) % 4 == 0)[groups].astype(int)
    X = np.c_[y + rng.normal(0, 1, 100), rng.normal(0, 1, 100)]
    X[::7, 0] = np.nan
    cases.append(Case((LogisticRegression(C=0.5), X, y, groups, 7), "a rare class in whole groups"))
    cases.append(Case((LogisticRegression(), X, y, groups, 0), "the same data, another seed"))
    return cases


# scikit-learn's words when a grouped splitter gets no groups: "should not be None" (GroupKFold),
# "greater than the number of groups: 1" (StratifiedGroupKFold), "iteration over a 0-d array" (older releases)
_NO_GROUPS = re.compile(r"'groups' parameter should not be None|greater than the number of groups: 1\b|"
                        r"iteration over a 0-d array")
_PIPELINE_ORDER = re.compile(r"intermediate steps|'estimator' parameter of cross_val_predict|"
                             r"must be an object implementing 'fit'")
_GROUPS_HINT = "The grouped splitter needs to know the groups: pass groups=groups to cross_val_predict."
_ORDER_HINT = ("In a Pipeline the model must be the LAST step; the imputer comes first, each step as a "
               "(name, step) pair.")


def _diagnose_error(feedback: Feedback) -> Feedback:
    """A specific hint for an error from the student's function, when the error says which slip it is."""
    text = f"{feedback.message} {feedback.details()}"
    if " raised " not in text:
        return feedback
    if _NO_GROUPS.search(text):
        return _with_hint(feedback, _GROUPS_HINT)
    if _PIPELINE_ORDER.search(text):
        return _with_hint(feedback, _ORDER_HINT)
    return feedback


@exercise
def pipeline_function(function, seed=None) -> Feedback:
    """Function exercise: out-of-fold probabilities from a Pipeline under StratifiedGroupKFold."""
    rng, seed = random_cases(seed)
    feedback = check_function(function, reference_grouped_probabilities, _classification_cases(rng),
                          seed=seed, name="grouped_probabilities", rtol=1e-6, atol=1e-9, time_limit=30.0,
                          shortcuts=(reference_grouped_probabilities,),
                          task="Build a Pipeline (median imputer, then the model), split with a "
                               "StratifiedGroupKFold of 5 shuffled splits seeded with `seed`, and return the "
                               "out-of-fold probability of class 1 for every sample.",
                          hint=("Two pieces: a Pipeline whose first step imputes with the median, and a "
                                "splitter that keeps each group in one fold while balancing the classes.",
                                "cross_val_predict accepts groups= and method='predict_proba'; keep "
                                "only the column of class 1."),
                          mistakes=[(_ungrouped_probabilities, "The folds ignore the groups: records of one "
                                     "site land in training and test. Use the grouped splitter and pass groups."),
                                    (_imputed_outside, "The imputer was fitted on all the data before the "
                                     "split: put it inside the Pipeline so each training fold fits its own."),
                                    (_mean_imputed, "Your imputer fills with the mean; the task asks for the "
                                     "median, which a few extreme values do not drag."),
                                    (_labels_not_probabilities, "Those are predicted classes (0 or 1), not "
                                     "probabilities: ask cross_val_predict for the probabilities and keep the "
                                     "column of class 1."),
                                    (_class_0_column, "Those are the probabilities of class 0, the first "
                                     "column of predict_proba: keep the column of class 1, the blasts."),
                                    (_group_kfold, "GroupKFold keeps the groups apart but does not balance "
                                     "the classes between folds: use StratifiedGroupKFold, as the task says."),
                                    (_group_kfold_shuffled, "GroupKFold keeps the groups apart but does not "
                                     "balance the classes between folds: use StratifiedGroupKFold, as the task "
                                     "says.")])
    return _diagnose_error(feedback) if feedback.status == "incorrect" else feedback
