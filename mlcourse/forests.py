"""The estimators: decision trees and random forests with scikit-learn's names and defaults.

:class:`DecisionTreeClassifier` and :class:`DecisionTreeRegressor` grow the
readable trees of :mod:`mlcourse.trees` (``best_split``, ``grow_tree``), one
node at a time. A random forest grows many of them, each on a bootstrap
sample of the data and with a random subset of the features at every split,
and averages them: single trees overfit, their average much less (Breiman
2001, Machine Learning 45, 5-32, doi:10.1023/A:1010933404324). The samples a
tree's bootstrap left out (out of bag) score the forest without a test set.

They are meant for the course's data: 100 trees on the 182 Joyner-Boore
records or on the 1000 Fiji events (classification) fit in one to two seconds;
a full-depth regression forest on 1000 samples takes ten or more
(``min_samples_leaf=3`` cuts it down; ``splitter="fast"`` searches every
feature at once and saves a little more). For anything larger use
scikit-learn: its compiled trees fit the same forests several times faster
with the same scores (``bench/bench_trees.py`` measures it).

>>> X = [[1.0], [2.0], [3.0], [4.0]]
>>> DecisionTreeClassifier().fit(X, ["a", "a", "b", "b"]).tree_.node_count
3
"""

from __future__ import annotations

import numbers

import numpy as np

from ._fast_split import best_split_fast
from ._validation import (check_array, check_consistent_length, check_labels, check_option,
                          check_rng, check_scalar, check_vector)
from .metrics import accuracy_score, r2_score
from .trees import best_split, grow_tree, leaf_values, nodes

__all__ = ["DecisionTreeClassifier", "DecisionTreeRegressor", "RandomForestClassifier",
           "RandomForestRegressor"]

SPLITTERS = {"best": best_split, "fast": best_split_fast}


def _max_features(value, n_features: int) -> int:
    if value is None:
        return n_features
    if isinstance(value, str):
        check_option(value, "max_features", ("sqrt", "log2"))
        return max(1, int(np.sqrt(n_features) if value == "sqrt" else np.log2(n_features)))
    if isinstance(value, numbers.Integral):
        return int(check_scalar(value, "max_features", kind=numbers.Integral, minimum=1,
                                maximum=n_features))
    fraction = check_scalar(value, "max_features", minimum=0.0, maximum=1.0, include_minimum=False)
    return max(1, int(fraction * n_features))


def _max_samples(value, n_samples: int) -> int:
    """Size of each bootstrap sample, as scikit-learn computes it.

    None: ``n_samples``; an int: that many, from 1 to ``n_samples``; a float in
    (0, 1]: that fraction of ``n_samples``, rounded (at least 1).
    """
    if value is None:
        return n_samples
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(check_scalar(value, "max_samples", kind=numbers.Integral, minimum=1, maximum=n_samples))
    fraction = check_scalar(value, "max_samples", minimum=0.0, maximum=1.0, include_minimum=False)
    return max(round(n_samples * fraction), 1)


def _checked_X(model, X, fitted: str):
    """``X`` for a fitted model: as many features as in ``fit``."""
    if not hasattr(model, fitted):
        raise RuntimeError(f"This {type(model).__name__} is not fitted yet: call fit(X, y) first.")
    return check_array(X, "X", n_features=model.n_features_in_, context=type(model).__name__)


# ================================================================================ trees
class _BaseTree:
    """What both trees share: the hyper-parameters, ``fit`` through :func:`grow_tree`, inspection."""

    criteria: tuple = ()

    def __init__(self, criterion, max_depth=None, min_samples_split=2, min_samples_leaf=1,
                 max_features=None, random_state=None, splitter="best"):
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.max_features = max_features
        self.random_state = random_state
        self.splitter = splitter

    def fit(self, X, y, sample_weight=None, check_input: bool = True):
        """Grow the tree on ``X`` (n_samples, n_features) and targets ``y``.

        ``sample_weight`` (e.g. bootstrap counts) weighs the samples in the
        impurity; samples of weight 0 are left out, and ``min_samples_leaf``
        and ``min_samples_split`` count samples, not weight, as in scikit-learn.
        ``check_input=False`` skips the checks of ``X``, ``y`` and the weights,
        as scikit-learn's: a forest checks them once for all its trees.
        """
        if check_input:
            X = check_array(X, "X")
            y = self._check_y(y)
            check_consistent_length(X=X, y=y)
            if sample_weight is not None:
                sample_weight = check_vector(sample_weight, "sample_weight")
                check_consistent_length(X=X, sample_weight=sample_weight)
        weight = np.ones(len(y)) if sample_weight is None else sample_weight
        check_option(self.criterion, "criterion", self.criteria)
        check_option(self.splitter, "splitter", tuple(SPLITTERS))
        if self.max_depth is not None:
            check_scalar(self.max_depth, "max_depth", kind=numbers.Integral, minimum=1)
        check_scalar(self.min_samples_split, "min_samples_split", kind=numbers.Integral, minimum=2)
        check_scalar(self.min_samples_leaf, "min_samples_leaf", kind=numbers.Integral, minimum=1)
        max_features = _max_features(self.max_features, X.shape[1])
        classes = np.unique(y) if self.criterion in ("gini", "entropy") else None
        keep = weight > 0
        self.n_features_in_ = X.shape[1]
        if classes is not None:
            self.classes_ = classes
        self.tree_ = grow_tree(X[keep], y[keep], self.criterion, self.max_depth, self.min_samples_leaf,
                               classes=classes, min_samples_split=self.min_samples_split,
                               max_features=max_features, rng=check_rng(self.random_state, "random_state"),
                               sample_weight=weight[keep], splitter=SPLITTERS[self.splitter])
        return self

    def get_depth(self) -> int:
        """Number of questions on the longest path from the root to a leaf."""
        def depth(node):
            return 0 if node.is_leaf else 1 + max(depth(node.left), depth(node.right))
        return depth(self.tree_)

    def get_n_leaves(self) -> int:
        return sum(node.is_leaf for node in nodes(self.tree_))

    @property
    def feature_importances_(self) -> np.ndarray:
        """Total impurity decrease brought by each feature (weighted by samples), summing to 1."""
        importances = np.zeros(self.n_features_in_)
        for node in nodes(self.tree_):
            if not node.is_leaf:
                importances[node.feature] += node.weight * node.impurity - node.left.weight * \
                    node.left.impurity - node.right.weight * node.right.impurity
        total = importances.sum()
        return importances / total if total > 0 else importances


class DecisionTreeClassifier(_BaseTree):
    """A classification tree: Gini or entropy splits, majority vote in the leaves.

    Grows the readable tree of :func:`mlcourse.trees.grow_tree`; ``tree_`` is its
    root :class:`~mlcourse.trees.Node` (``tree_.node_count`` nodes). Made for the
    course's data; for large data use scikit-learn's (see the module docstring).

    Parameters
    ----------
    criterion : {"gini", "entropy"}
    max_depth : int or None
        None grows until the leaves are pure (or too small to split).
    min_samples_split : int, default 2
        A node with fewer samples is not split.
    min_samples_leaf : int, default 1
        Every leaf keeps at least this many samples.
    max_features : None, int, float, "sqrt" or "log2"
        Features tried at each split (all by default; forests use fewer).
    random_state : int or numpy.random.Generator
        Draws the features when ``max_features`` is smaller than their number.
    splitter : {"best", "fast"}, default "best"
        "best" searches with the readable loop of :func:`mlcourse.trees.best_split`;
        "fast" with a vectorised search over all features at once. Both find
        the same split, so both grow the same tree.

    Examples
    --------
    >>> X = [[1.0], [2.0], [3.0], [4.0]]
    >>> DecisionTreeClassifier().fit(X, ["a", "a", "b", "b"]).predict([[1.2], [3.7]]).tolist()
    ['a', 'b']
    """

    criteria = ("gini", "entropy")

    def __init__(self, criterion="gini", max_depth=None, min_samples_split=2, min_samples_leaf=1,
                 max_features=None, random_state=None, splitter="best"):
        super().__init__(criterion, max_depth, min_samples_split, min_samples_leaf, max_features,
                         random_state, splitter)

    @staticmethod
    def _check_y(y):
        return check_labels(y, "y")

    def predict_proba(self, X) -> np.ndarray:
        """Class fractions of the training samples in each sample's leaf, (n_samples, n_classes)."""
        X = _checked_X(self, X, "tree_")
        return leaf_values(self.tree_, X)

    def predict(self, X) -> np.ndarray:
        proba = self.predict_proba(X)          # checks X (and that the tree is fitted) first
        return self.classes_[proba.argmax(axis=1)]

    def score(self, X, y) -> float:
        """Accuracy on (X, y)."""
        return accuracy_score(y, self.predict(X))


class DecisionTreeRegressor(_BaseTree):
    """A regression tree: splits that reduce the squared error most, the mean in the leaves.

    Parameters as :class:`DecisionTreeClassifier`, with ``criterion="squared_error"``.

    >>> X = [[1.0], [2.0], [3.0], [4.0]]
    >>> DecisionTreeRegressor(max_depth=1).fit(X, [1.0, 1.0, 5.0, 7.0]).predict([[0.0], [9.0]]).tolist()
    [1.0, 6.0]
    """

    criteria = ("squared_error",)

    def __init__(self, criterion="squared_error", max_depth=None, min_samples_split=2,
                 min_samples_leaf=1, max_features=None, random_state=None, splitter="best"):
        super().__init__(criterion, max_depth, min_samples_split, min_samples_leaf, max_features,
                         random_state, splitter)

    @staticmethod
    def _check_y(y):
        return check_vector(y, "y")

    def predict(self, X) -> np.ndarray:
        X = _checked_X(self, X, "tree_")
        return leaf_values(self.tree_, X)

    def score(self, X, y) -> float:
        """R² on (X, y)."""
        return r2_score(y, self.predict(X))


# ================================================================================ forests
class _BaseForest:
    """Bagging: every tree on its own bootstrap sample; out-of-bag scores; averaged importances."""

    def __init__(self, n_estimators=100, max_depth=None, min_samples_split=2, min_samples_leaf=1,
                 max_features="sqrt", bootstrap=True, max_samples=None, oob_score=False,
                 random_state=None, criterion=None, splitter="best"):
        self.n_estimators = n_estimators
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.max_features = max_features
        self.bootstrap = bootstrap
        self.max_samples = max_samples
        self.oob_score = oob_score
        self.random_state = random_state
        self.criterion = criterion
        self.splitter = splitter

    def fit(self, X, y):
        """Grow ``n_estimators`` trees, each on a bootstrap sample with random feature subsets."""
        X = check_array(X, "X")
        y = self.tree_class._check_y(y)
        check_consistent_length(X=X, y=y)
        check_scalar(self.n_estimators, "n_estimators", kind=numbers.Integral, minimum=1)
        if self.oob_score and not self.bootstrap:
            raise ValueError("oob_score=True needs bootstrap=True: without bootstrap no sample is out of bag.")
        rng = check_rng(self.random_state, "random_state")
        n = len(X)
        n_draw = _max_samples(self.max_samples, n)
        self.estimators_, self._in_bag = [], []
        for _ in range(self.n_estimators):
            # a bootstrap sample as weights: how often each sample was drawn (0 = out of bag)
            counts = np.bincount(rng.integers(0, n, n_draw), minlength=n) if self.bootstrap else np.ones(n)
            tree = self.tree_class(criterion=self.criterion, max_depth=self.max_depth,
                                   min_samples_split=self.min_samples_split,
                                   min_samples_leaf=self.min_samples_leaf, max_features=self.max_features,
                                   random_state=rng, splitter=self.splitter)
            self.estimators_.append(tree.fit(X, y, sample_weight=counts.astype(float), check_input=False))
            self._in_bag.append(counts > 0)
        self.n_features_in_ = X.shape[1]
        if self.tree_class is DecisionTreeClassifier:
            self.classes_ = np.unique(y)
        if self.oob_score:
            self._set_oob(X, y)
        return self

    def _mean_of_trees(self, X):
        """The trees' leaf values (class fractions or means), averaged over the forest."""
        X = _checked_X(self, X, "estimators_")
        return np.mean([leaf_values(tree.tree_, X) for tree in self.estimators_], axis=0)

    def _oob_mean(self, X):
        """Per sample, the mean leaf value of the trees that did not see it (NaN if all did)."""
        total, count = 0.0, np.zeros(len(X))
        for tree, in_bag in zip(self.estimators_, self._in_bag):
            values = leaf_values(tree.tree_, X)
            values[in_bag] = 0.0
            total, count = total + values, count + ~in_bag
        seen = count > 0
        mean = total / np.maximum(count, 1).reshape((-1,) + (1,) * (np.ndim(total) - 1))
        mean[~seen] = np.nan
        return mean, seen

    @property
    def feature_importances_(self) -> np.ndarray:
        """Mean impurity-based importance over the trees, normalised to sum to 1."""
        mean = np.mean([t.feature_importances_ for t in self.estimators_], axis=0)
        return mean / mean.sum() if mean.sum() > 0 else mean


class RandomForestClassifier(_BaseForest):
    """A random forest of classification trees; predictions average the trees' class fractions.

    For the course's data (up to a few thousand samples); use scikit-learn's
    ``RandomForestClassifier`` for anything larger (see the module docstring).

    Parameters
    ----------
    n_estimators : int, default 100
    criterion : {"gini", "entropy"}, default "gini"
    max_depth, min_samples_split, min_samples_leaf : as for a tree
    max_features : default "sqrt"
        Features drawn at random at each split.
    bootstrap : bool, default True
        Each tree sees a bootstrap sample (drawn with replacement).
    max_samples : int or float, optional
        Size of each bootstrap sample: as many as the data (default), an int
        from 1 to n_samples, or a fraction in (0, 1] of n_samples, rounded as
        scikit-learn rounds it.
    oob_score : bool
        Score each sample with the trees that did not see it: ``oob_score_``.
    random_state : int or numpy.random.Generator
    splitter : {"best", "fast"}, default "best"
        As for :class:`DecisionTreeClassifier`: the same trees either way.

    Examples
    --------
    >>> from sklearn.datasets import make_moons
    >>> X, y = make_moons(200, noise=0.2, random_state=0)
    >>> forest = RandomForestClassifier(n_estimators=20, oob_score=True, random_state=0).fit(X, y)
    >>> forest.oob_score_ > 0.85
    True
    """

    tree_class = DecisionTreeClassifier

    def __init__(self, n_estimators=100, criterion="gini", max_depth=None, min_samples_split=2,
                 min_samples_leaf=1, max_features="sqrt", bootstrap=True, max_samples=None,
                 oob_score=False, random_state=None, splitter="best"):
        super().__init__(n_estimators, max_depth, min_samples_split, min_samples_leaf, max_features,
                         bootstrap, max_samples, oob_score, random_state, criterion, splitter)

    def predict_proba(self, X) -> np.ndarray:
        return self._mean_of_trees(X)

    def predict(self, X) -> np.ndarray:
        return self.classes_[self.predict_proba(X).argmax(axis=1)]

    def score(self, X, y) -> float:
        """Accuracy on (X, y)."""
        return accuracy_score(y, self.predict(X))

    def _set_oob(self, X, y):
        self.oob_decision_function_, seen = self._oob_mean(X)
        pred = self.classes_[self.oob_decision_function_[seen].argmax(axis=1)]
        self.oob_score_ = accuracy_score(y[seen], pred)


class RandomForestRegressor(_BaseForest):
    """A random forest of regression trees; the prediction is the mean of the trees'.

    Parameters as :class:`RandomForestClassifier`, but ``max_features`` defaults
    to 1.0 (all features, as in scikit-learn) and ``criterion`` is "squared_error".
    For the course's data; use scikit-learn's for anything larger.

    >>> X = np.linspace(0, 1, 50).reshape(-1, 1)
    >>> forest = RandomForestRegressor(n_estimators=10, random_state=0).fit(X, 3 * X[:, 0])
    >>> round(float(forest.predict([[0.5]])[0]), 1)
    1.5
    """

    tree_class = DecisionTreeRegressor

    def __init__(self, n_estimators=100, criterion="squared_error", max_depth=None,
                 min_samples_split=2, min_samples_leaf=1, max_features=1.0, bootstrap=True,
                 max_samples=None, oob_score=False, random_state=None, splitter="best"):
        super().__init__(n_estimators, max_depth, min_samples_split, min_samples_leaf, max_features,
                         bootstrap, max_samples, oob_score, random_state, criterion, splitter)

    def predict(self, X) -> np.ndarray:
        return self._mean_of_trees(X)

    def score(self, X, y) -> float:
        """R² on (X, y)."""
        return r2_score(y, self.predict(X))

    def _set_oob(self, X, y):
        self.oob_prediction_, seen = self._oob_mean(X)
        self.oob_score_ = r2_score(y[seen], self.oob_prediction_[seen])
