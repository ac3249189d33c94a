"""Day 4, the function exercises: the search for the best split, a tree's prediction, bagging with
its out-of-bag error; with the references and the typical mistakes of each.
"""

from __future__ import annotations

import numpy as np

from ... import forests, trees
from .. import Case, Feedback, check_function, default_compare, exercise, random_cases

__all__ = ["best_split_function", "predict_tree_function", "bagging_oob_function", "bag_with_oob",
           "stump_fit_predict", "tree_depth"]


# ---- references of the function exercises -------------------------------------------------------
# The readable tree of mlcourse.trees (best_split, Node, grow_tree, predict_tree) is the reference;
# these helpers list every candidate split (for ties and for the typical mistakes) and bag by hand.

def _weighted_gini(y, left):
    """The weighted Gini impurity of a split: each side weighted by its share of the samples."""
    return (left.sum() * trees.gini(y[left]) + (~left).sum() * trees.gini(y[~left])) / len(y)


def _splits(X, y, score=_weighted_gini):
    """Every (feature, threshold, score): thresholds midway between neighbouring distinct values.

    ``score(y, left)`` scores the split whose left side is the boolean mask ``left``; the typical
    mistakes are other scores over the same candidates.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    for feature in range(X.shape[1]):
        values = np.unique(X[:, feature])
        for threshold in (values[:-1] + values[1:]) / 2:
            left = X[:, feature] <= threshold
            yield feature, float(threshold), float(score(y, left))


def _best_split(X, y):
    """The reference: :func:`mlcourse.trees.best_split` with the Gini impurity."""
    return trees.best_split(X, y, "gini")


def _lowest(X, y, score=_weighted_gini):
    """The first (feature, threshold, score) with the lowest score, found without the course's
    best_split (which a check replaces by a tripwire while the student's function runs)."""
    return min(_splits(X, y, score), key=lambda split: split[2], default=(None, None, np.inf))


def tree_depth(node) -> int:
    """Number of questions on the longest path from the root to a leaf."""
    return 0 if node.feature is None else 1 + max(tree_depth(node.left), tree_depth(node.right))


def bag_with_oob(X, y, samples, fit_predict):
    """Out-of-bag predictions and their RMSE: each record predicted by the trees that did not see it."""
    return _oob(X, y, samples, fit_predict)


def _oob(X, y, samples, fit_predict, fit_rows=lambda sample: sample):
    """:func:`bag_with_oob`, under another name for the references of the mistakes (a check replaces
    ``bag_with_oob`` by a tripwire while the student's function runs); ``fit_rows(sample)`` are the
    rows each tree is fitted on."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    total, count = np.zeros(len(y)), np.zeros(len(y))
    for sample in samples:
        out = np.setdiff1d(np.arange(len(y)), sample)
        if len(out):
            rows = fit_rows(sample)
            total[out] += fit_predict(X[rows], y[rows], X[out])
            count[out] += 1
    seen = count > 0
    oob = np.full(len(y), np.nan)
    oob[seen] = total[seen] / count[seen]
    rmse = float(np.sqrt(np.mean((y[seen] - oob[seen]) ** 2))) if seen.any() else float("nan")
    return oob, rmse


def stump_fit_predict(X_train, y_train, X_new):
    """A depth-2 readable regression tree fitted on (X_train, y_train), predicting X_new."""
    return trees.predict_tree(trees.grow_tree(X_train, y_train, "squared_error", max_depth=2), X_new)


# ---- function exercises -----------------------------------------------------------------------

class _Split(tuple):
    """(feature, threshold, score), plus every (feature, threshold) that ties for the best score, and
    for each tie the range [low, high) of thresholds that make the same cut (its neighbouring values)."""

    ties: tuple = ()
    cuts: tuple = ()


def _best_split_with_ties(X, y):
    # the search of _lowest finds what trees.best_split finds (tests/test_exercises_day4.py checks it), and
    # does not call the functions a check replaces by tripwires while the student's function runs
    best = _lowest(X, y)
    found = _Split(best)
    found.ties = tuple((f, t) for f, t, s in _splits(X, y) if abs(s - best[2]) < 1e-9)
    cuts = []
    for f, t in found.ties:
        values = np.unique(np.asarray(X, dtype=float)[:, f])
        cuts.append((f, t, float(values[values < t].max()), float(values[values > t].min())))
    found.cuts = tuple(cuts)
    return found


def _same(got, expected, rtol) -> bool:
    """``got`` agrees with ``expected``, compared by the framework (whose tolerance follows the
    answer's dtype: float32 carries about seven digits); rtol is already loose enough for float32."""
    return not default_compare(got, expected, max(rtol, 1e-6), 1e-9)


def _agrees_to_digits(got: float, expected: float, digits: int = 3) -> bool:
    """``got`` is ``expected`` rounded to ``digits`` significant digits or decimals (a rounded score)."""
    scale = 10 ** (np.floor(np.log10(abs(expected))) - digits + 1) if expected else 0.0
    return abs(got - expected) <= 0.5 * max(scale, 10.0 ** -digits) * 1.01


class _Swapped(tuple):
    """The best split with feature and threshold in the wrong order (a typical mistake's output)."""


def _split_swapped(X, y):
    feature, threshold, score = _lowest(X, y)
    return _Swapped((threshold, feature, score))


def _compare_split(got, expected) -> str:
    """'' when ``got`` is one of the best splits, else why not: the split (feature, threshold) is
    compared first, then its score (rounded to three digits is fine)."""
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        return "expected three values: (feature, threshold, score)"
    if isinstance(expected, _Swapped):  # the mistake: same numbers, threshold first
        try:
            return "" if np.allclose(np.asarray(got, float), np.asarray(expected, float), rtol=1e-6) else "differ"
        except (TypeError, ValueError):
            return "differ"
    try:
        feature, threshold, score = int(got[0]), float(got[1]), float(got[2])
    except (TypeError, ValueError, OverflowError):
        return "feature should be a column number, threshold and score numbers"
    ties = getattr(expected, "ties", ()) or ((expected[0], expected[1]),)
    if float(got[0]) != feature and any(float(got[1]) == f and np.isclose(float(got[0]), t) for f, t in ties):
        return "the order is (feature, threshold, score): you returned the threshold first"
    best_score = float(expected[2])
    if not any(feature == f and _same(got[1], t, 1e-9) for f, t in ties):
        same_cut = [(t, low, high) for f, t, low, high in getattr(expected, "cuts", ())
                    if feature == f and low <= threshold < high]
        if same_cut:
            t, low, high = same_cut[0]
            return (f"that is the best cut (the same samples on each side), but its threshold should lie "
                    f"halfway between the neighbouring values {low:g} and {high:g}, at {t:g}, not at {threshold:g}")
        if _same(got[2], best_score, 1e-6) or _agrees_to_digits(score, best_score):
            return "that (feature, threshold) does not give this score"
        return f"the split is not the one with the lowest weighted Gini ({best_score:.6g}); yours scores {score:.6g}"
    if not (_same(got[2], best_score, 1e-6) or _agrees_to_digits(score, best_score)):
        return f"the split is right, but its score should be its weighted Gini, {best_score:.6g}, not {score:.6g}"
    return ""


def _split_cases(rng):
    hour = np.array([2.5, 4.0, 9.5, 10.5, 11.0, 12.5, 13.0, 14.5, 19.0, 23.0])
    kind = np.array(["quake", "quake", "blast", "blast", "quake", "blast", "blast", "blast", "quake", "quake"])
    X3 = rng.normal(size=(12, 3)).round(2)
    y3 = np.where(X3[:, 2] + 0.3 * rng.normal(size=12) > 0, "deep", "shallow")
    constant = np.c_[np.full(8, 5.0), rng.permutation(8).astype(float)]
    y_const = np.array(["a"] * 4 + ["b"] * 4)[np.argsort(constant[:, 1])]
    return [
        Case((np.c_[[1.0, 2.0, 3.0, 4.0]], np.array([0, 0, 1, 1])), "one feature, a perfect cut"),
        Case((hour[:, None], kind), "the quarry hours of section 1: two thresholds tie"),
        Case((X3, y3), "random data, three features"),
        Case((constant, y_const), "the first feature is constant: no threshold there"),
        Case((rng.integers(0, 4, (15, 2)).astype(float), rng.integers(0, 3, 15)), "repeated values, three classes"),
        Case((np.c_[[0.0, 1.0], [5.0, 5.0]], np.array(["x", "y"])), "two samples"),
        Case((np.c_[X3[:, :2], (y3 == "deep").astype(float)], y3), "only the last column separates the classes"),
        Case((np.c_[hour, hour + 1.0], kind), "two columns that tie: either is right"),
        Case((_CLOSE_X, _CLOSE_Y), "the best split beats an earlier one by only 0.0042"),
    ]


# The best split (column 0, threshold 10.5, weighted Gini 0.26667) comes after a split of the same column
# that scores 0.27083 (threshold 8.5), and no other split comes within 0.02: a search that keeps an earlier
# split within a rounding tolerance of the best is caught, and no typical mistake's answer matches it.
_CLOSE_X = np.c_[np.arange(1.0, 13.0), [10, 12, 8, 9, 2, 1, 7, 4, 3, 6, 5, 11]].astype(float)
_CLOSE_Y = np.array([1, 1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 0])


@exercise
def best_split_function(function, seed=None) -> Feedback:
    """Function exercise: ``best_split(X, y) -> (feature, threshold, score)`` for the Gini impurity."""
    rng, seed = random_cases(seed)
    return check_function(
        function, _best_split_with_ties, _split_cases(rng), seed=seed, name="best_split", compare=_compare_split,
        task="Write best_split(X, y): try every column and every threshold midway between neighbouring "
             "distinct values; return the (feature, threshold, score) with the lowest weighted Gini.",
        shortcuts=tuple(forests.SPLITTERS.values()),   # the readable search and the vectorised one
        hint=("For each column, sort its distinct values; the candidate thresholds lie halfway between "
              "neighbours. Score each by the Gini of the two sides, weighted by their sizes.",
              "Keep the best triple seen so far and replace it only when a score is strictly lower; "
              "the left side is the samples with value <= threshold. Try your function on the quarry "
              "hours first (hour[:, None], kind): it should find the threshold of exercise 1.2."),
        mistakes=[
            (_split_not_divided, "The score is a weighted average: divide the weighted sum by the "
                                 "number of samples n."),
            (_unweighted_split, "Weight each side by its share of the samples, n_left/n and n_right/n: "
                                "a plain average of the two Gini values favours cutting off one sample."),
            (_worst_split, "That is the split with the HIGHEST impurity: keep the lowest."),
            (_first_feature_split, "Loop over every column of X, not only the first."),
            (_split_at_values, "Put the threshold halfway between two neighbouring distinct values, "
                               "not on a value itself."),
            (_split_swapped, "The order is (feature, threshold, score): return the column number first."),
            (_split_len_of_mask, "len() of a boolean mask is always n, whatever it selects: count the "
                                 "samples on a side with left.sum() (True counts as 1)."),
        ])


def _split_len_of_mask(X, y):
    """The lowest score when each side is weighted by len() of its mask, which is always n."""
    return _lowest(X, y, lambda y, left: trees.gini(y[left]) + trees.gini(y[~left]))  # n*(G_L+G_R)/n


def _unweighted_split(X, y):
    """The lowest plain average of the two sides' impurities, as if both held half the samples."""
    return _lowest(X, y, lambda y, left: (trees.gini(y[left]) + trees.gini(y[~left])) / 2)


def _split_not_divided(X, y):
    feature, threshold, score = _lowest(X, y)
    return feature, threshold, score * len(y)


def _worst_split(X, y):
    worst = (None, None, -np.inf)
    for feature, threshold, score in _splits(X, y):
        if score > worst[2] + 1e-12:
            worst = (feature, threshold, score)
    return worst


def _first_feature_split(X, y):
    return _lowest(np.asarray(X, float)[:, :1], y)


def _split_at_values(X, y):
    feature, threshold, score = _lowest(X, y)
    values = np.unique(np.asarray(X, float)[:, feature])
    return feature, float(values[values <= threshold].max()), score


def _random_tree_case(rng, n, depth, label):
    X = rng.uniform(0, 10, (n, 2)).round(1)
    y = (np.sin(X[:, 0]) + 0.1 * X[:, 1] + 0.2 * rng.normal(size=n)).round(3)
    tree = trees.grow_tree(X, y, "squared_error", max_depth=depth)
    X_new = rng.uniform(0, 10, (7, 2)).round(1)
    return Case((tree, X_new), label)


def _thresholds(node):
    if node.feature is None:
        return []
    return [(node.feature, node.threshold)] + _thresholds(node.left) + _thresholds(node.right)


def _predict_cases(rng):
    cases = [_random_tree_case(rng, 30, 2, "a tree of depth 2"), _random_tree_case(rng, 40, None, "a deep tree")]
    # a sample exactly on a threshold goes left (<=)
    tree = trees.grow_tree(*_xy_on_grid(rng), "squared_error")
    on = np.array([[t if f == 0 else 5.0, t if f == 1 else 5.0] for f, t in _thresholds(tree)])
    cases.append(Case((tree, on), "samples exactly on the thresholds (they go left)"))
    cases.append(Case((trees.Node(value=0.7, n_samples=5), rng.uniform(0, 10, (3, 2))), "a tree that is one leaf"))
    cases.append(Case((trees.Node(0.0, 1, 2.0, trees.Node(-1.0), trees.Node(1.0)), np.array([[9.0, 1.0], [0.0, 3.0]])),
                      "one split on the second column"))
    cases.append(Case((tree, rng.uniform(0, 10, (1, 2)).round(1)), "a single row"))
    return cases


def _xy_on_grid(rng):
    X = rng.integers(0, 10, (25, 2)).astype(float)
    return X, X[:, 0] - 0.5 * X[:, 1] + rng.normal(0, 0.5, 25).round(2)


def _predict_walk(node, X):
    """The reference: :func:`mlcourse.trees.predict_tree` for a regression tree, row by row (it calls
    neither ``trees.predict_tree`` nor ``trees.leaf_values``, which the check replaces by tripwires)."""
    out = []
    for x in np.asarray(X, float):
        here = node
        while here.feature is not None:
            here = here.left if x[here.feature] <= here.threshold else here.right
        out.append(here.value)
    return np.array(out, dtype=float)


def _predict_strict(node, X):
    out = []
    for x in np.asarray(X, float):
        here = node
        while here.feature is not None:
            here = here.left if x[here.feature] < here.threshold else here.right
        out.append(here.value)
    return np.array(out)


def _predict_swapped(node, X):
    out = []
    for x in np.asarray(X, float):
        here = node
        while here.feature is not None:
            here = here.right if x[here.feature] <= here.threshold else here.left
        out.append(here.value)
    return np.array(out)


@exercise
def predict_tree_function(function, seed=None) -> Feedback:
    """Function exercise: ``predict_tree(node, X)``, one leaf value per row of ``X``."""
    rng, seed = random_cases(seed)
    return check_function(
        function, _predict_walk, _predict_cases(rng), seed=seed, name="predict_tree",
        task="Write predict_tree(node, X): walk each row of X down from the root (left when "
             "x[node.feature] <= node.threshold) until a leaf, and return the leaves' values as an array.",
        hint=("A leaf is a node whose feature is None. For each row, start at the root and move to the "
              "left or right child until you reach a leaf; collect its value.",
              "Return one number per row, e.g. an array of length len(X); compare the row's value in "
              "column node.feature with node.threshold, and equal goes left."),
        shortcuts=(trees.predict_tree, trees.leaf_values),
        mistakes=[(_predict_strict, "A sample exactly on the threshold goes LEFT: use <=, not <."),
                  (_predict_swapped, "Left is the side with x <= threshold; you went the other way."),
                  (lambda node, X: np.full(len(np.asarray(X)), node.value),
                   "That is the root's value for every row: walk down to the leaves."),
                  (_predict_one_step, "Each row took only one step down from the root: `if` asks one "
                                      "question; repeat the step (a `while` loop) until the node is a leaf."),
                  (_predict_root_once, "Every row gave the leaf of the first row: start EVERY row at the "
                                       "root (set the current node inside the loop over rows).")])


def _predict_one_step(node, X):
    """`if` instead of `while`: one step down from the root, then the value of that node."""
    out = []
    for x in np.asarray(X, float):
        here = node
        if here.feature is not None:
            here = here.left if x[here.feature] <= here.threshold else here.right
        out.append(here.value)
    return np.array(out)


def _predict_root_once(node, X):
    out = []
    here = node
    for x in np.asarray(X, float):
        while here.feature is not None:
            here = here.left if x[here.feature] <= here.threshold else here.right
        out.append(here.value)
    return np.array(out)


def _bag_cases(rng):
    cases = []
    for n, n_trees, label in [(12, 5, "12 records, 5 trees"), (30, 20, "30 records, 20 trees")]:
        X = rng.uniform(0, 10, (n, 2)).round(2)
        y = (X[:, 0] - X[:, 1] + rng.normal(size=n)).round(3)
        cases.append(Case((X, y, [rng.integers(0, n, n) for _ in range(n_trees)], stump_fit_predict), label))
    X = rng.uniform(0, 10, (6, 1)).round(2)
    y = X[:, 0].round(3)
    cases.append(Case((X, y, [np.array([0, 0, 1, 2, 3, 4])], stump_fit_predict),
                      "one tree; record 5 is out of the bag, the others never are (NaN)"))
    cases.append(Case((X, y, [np.array([0, 1, 2, 3, 4, 4]), np.array([1, 2, 3, 4, 5, 5])],
                       stump_fit_predict), "two trees: records 0 and 5 are each left out once"))
    mean_only = _mean_fit_predict
    cases.append(Case((X, y, [rng.integers(0, 6, 6) for _ in range(8)] + [np.array([5, 5, 5, 5, 5, 0])],
                       mean_only), "a learner that predicts the training mean"))
    return cases


def _mean_fit_predict(X_train, y_train, X_new):
    """Predict the mean of the training targets everywhere."""
    return np.full(len(X_new), float(np.mean(y_train)))


def _bag_in_bag_too(X, y, samples, fit_predict):
    X, y = np.asarray(X, float), np.asarray(y, float)
    pred = np.mean([fit_predict(X[s], y[s], X) for s in samples], axis=0)
    return pred, float(np.sqrt(np.mean((y - pred) ** 2)))


def _bag_divided_by_all(X, y, samples, fit_predict):
    oob, _ = _oob(X, y, samples, fit_predict)
    X, y = np.asarray(X, float), np.asarray(y, float)
    count = np.zeros(len(y))
    for s in samples:
        count[np.setdiff1d(np.arange(len(y)), s)] += 1
    oob = np.where(count > 0, oob * count / len(samples), np.nan)
    seen = count > 0
    return oob, float(np.sqrt(np.mean((y[seen] - oob[seen]) ** 2)))


def _rmse_over_seen(y, oob):
    seen = np.isfinite(oob)
    return float(np.sqrt(np.mean((np.asarray(y, float)[seen] - oob[seen]) ** 2))) if seen.any() else np.nan


def _bag_zero_not_nan(X, y, samples, fit_predict):
    """A record never out of the bag gets 0 (the sum over no tree), and counts in the RMSE."""
    oob, _ = _oob(X, y, samples, fit_predict)
    oob = np.nan_to_num(oob, nan=0.0)
    return oob, float(np.sqrt(np.mean((np.asarray(y, float) - oob) ** 2)))


def _bag_zero_not_nan_skipped(X, y, samples, fit_predict):
    """As above, with the RMSE taken over the records that have an OOB prediction."""
    oob, rmse = _oob(X, y, samples, fit_predict)
    return np.nan_to_num(oob, nan=0.0), rmse


def _bag_nan_in_rmse(X, y, samples, fit_predict):
    """Right predictions, but the RMSE averages over every record, NaN ones included."""
    oob, _ = _oob(X, y, samples, fit_predict)
    return oob, float(np.sqrt(np.mean((np.asarray(y, float) - oob) ** 2)))


def _bag_nan_as_zero_residual(X, y, samples, fit_predict):
    """Right predictions; the RMSE with np.nan_to_num(y - oob): a record with no OOB prediction counts
    as a residual of 0 and the mean divides by all n."""
    oob, _ = _oob(X, y, samples, fit_predict)
    return oob, float(np.sqrt(np.mean(np.nan_to_num(np.asarray(y, float) - oob) ** 2)))


def _bag_mse(X, y, samples, fit_predict):
    oob, rmse = _oob(X, y, samples, fit_predict)
    return oob, rmse ** 2


def _bag_last_tree_wins(X, y, samples, fit_predict):
    """Each tree's predictions overwrite the earlier trees' instead of adding to them."""
    X, y = np.asarray(X, float), np.asarray(y, float)
    oob = np.full(len(y), np.nan)
    for sample in samples:
        out = np.setdiff1d(np.arange(len(y)), sample)
        if len(out):
            oob[out] = fit_predict(X[sample], y[sample], X[out])
    return oob, _rmse_over_seen(y, oob)


def _bag_unique_rows(X, y, samples, fit_predict):
    """Each tree fitted on the distinct records of its sample, the repeated draws dropped."""
    return _oob(X, y, samples, fit_predict, fit_rows=np.unique)


def _bag_fit_on_all(X, y, samples, fit_predict):
    """Each tree fitted on all the records instead of its bootstrap sample."""
    return _oob(X, y, samples, fit_predict, fit_rows=lambda sample: np.arange(len(np.asarray(y))))


def _bag_without_replacement(X, y, samples, fit_predict):
    """Samples drawn anew without replacement hold every record: none is ever out of the bag."""
    return np.full(len(np.asarray(y)), np.nan), float("nan")


def _compare_bag(got, expected) -> str:
    """'' when (oob_prediction, oob_rmse) match the reference (NaN where NaN expected); else why not."""
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        return "expected two values: (oob_prediction, oob_rmse)"
    try:
        prediction, rmse = np.asarray(got[0], dtype=float), float(got[1])
    except (TypeError, ValueError):
        return "expected an array of predictions and a number"
    if prediction.shape != expected[0].shape:
        return f"value 1 of 2: shape {prediction.shape}, expected shape {expected[0].shape}"
    if not np.allclose(prediction, expected[0], rtol=1e-6, atol=1e-9, equal_nan=True):
        return "value 1 of 2: the out-of-bag predictions differ"
    if not np.isclose(rmse, expected[1], rtol=1e-6, atol=1e-9, equal_nan=True):
        return (f"value 2 of 2: the out-of-bag predictions are right, but the RMSE differs "
                f"({rmse:.6g}, expected {expected[1]:.6g})")
    return ""


@exercise
def bagging_oob_function(function, seed=None) -> Feedback:
    """Function exercise: ``bag_with_oob(X, y, samples, fit_predict) -> (oob_prediction, oob_rmse)``."""
    rng, seed = random_cases(seed)
    return check_function(
        function, bag_with_oob, _bag_cases(rng), seed=seed, name="bag_with_oob", compare=_compare_bag,
        task="Write bag_with_oob(X, y, samples, fit_predict): for each bootstrap sample, fit on it and "
             "predict the records it left out; average each record's out-of-bag predictions (NaN if it "
             "was never left out) and return them with their RMSE over the records that have one.",
        shortcuts=(bag_with_oob,),
        hint=("The records a sample left out are those whose index is not in it. Keep, per record, "
              "a running sum of its out-of-bag predictions and a count of them.",
              "Divide each sum by its own count (not by the number of trees); records with count 0 get "
              "NaN and are left out of the RMSE."),
        mistakes=[(_bag_without_replacement, "No record got an out-of-bag prediction. Use the samples you "
                                             "are given: they were drawn WITH replacement, so each leaves "
                                             "records out; a sample drawn without replacement, or all "
                                             "records, leaves none out."),
                  (_bag_in_bag_too, "That averages every tree, including those that trained on the record: "
                                    "only the trees whose sample LEFT IT OUT may predict it."),
                  (_bag_fit_on_all, "Each tree was fitted on all the records: fit it on the rows of its own "
                                    "bootstrap sample (repeats included), so that the records it left out "
                                    "are new to it."),
                  (_bag_unique_rows, "np.unique(sample) drops the repeated draws: a bootstrap sample keeps "
                                     "them, and a record drawn twice weighs twice in the tree's fit."),
                  (_bag_divided_by_all, "Divide each record's sum by the number of trees that left it out, "
                                        "not by the number of all trees."),
                  (_bag_last_tree_wins, "The last tree overwrote the others: a record's prediction must "
                                        "collect every tree that left it out (a running sum and a count), "
                                        "not keep only the latest tree's value."),
                  (_bag_zero_not_nan, "A record that was in every sample has no out-of-bag prediction: "
                                      "it gets NaN, not 0, and stays out of the RMSE."),
                  (_bag_zero_not_nan_skipped, "A record that was in every sample has no out-of-bag "
                                              "prediction: it gets NaN, not 0."),
                  (_bag_nan_in_rmse, "The RMSE is NaN because the records with no out-of-bag prediction "
                                     "(NaN) went into its mean: take it over the records that have one."),
                  (_bag_nan_as_zero_residual, "Your predictions are right; the RMSE counts the records with "
                                              "no out-of-bag prediction: np.nan_to_num turned their NaN "
                                              "residuals into 0, and the mean divides by all n. Take the "
                                              "mean over the records that have a prediction only."),
                  (_bag_mse, "That is the mean squared error: the exercise asks for its square root, "
                             "the RMSE."),
                  (_bag_invert_indices, "~ on an array of integer indices flips their bits (~3 is -4): it "
                                        "gives negative indices, not the records left out. Build a True/False "
                                        "mask over the n records, True where a record is not in the sample, "
                                        "or list those indices.")])


def _bag_invert_indices(X, y, samples, fit_predict):
    X, y = np.asarray(X, float), np.asarray(y, float)
    total, count = np.zeros(len(y)), np.zeros(len(y))
    for sample in samples:
        out = ~np.asarray(sample)
        total[out] += fit_predict(X[sample], y[sample], X[out])
        count[out] += 1
    seen = count > 0
    oob = np.full(len(y), np.nan)
    oob[seen] = total[seen] / count[seen]
    return oob, float(np.sqrt(np.mean((y[seen] - oob[seen]) ** 2)))
