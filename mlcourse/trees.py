"""Decision trees and random forests, from scratch in numpy.

A decision tree asks one yes/no question at a time ("is the depth <= 70 km?")
and predicts, in each final box (leaf), the majority class or the mean value of
the training samples that ended there. Each question is chosen to make the
two groups it creates as pure as possible: the **impurity** (Gini or entropy
for classes, squared error for numbers) drops most.

A random forest grows many trees, each on a bootstrap sample of the data and
with a random subset of the features at every split, and averages them:
single trees overfit, their average much less (Breiman 2001, Machine
Learning 45, 5-32, doi:10.1023/A:1010933404324).

How this module stays fast enough for a live demo, in numpy alone:

1. every feature is cut once into at most 256 bins (its distinct values when it
   has few, quantiles otherwise): a split is then "bin <= k". With more than 256
   distinct values, two samples in the same bin can no longer be told apart, the
   one difference from scikit-learn's exact splits (it rarely matters: forests
   average over many trees anyway);
2. trees grow level by level: for all nodes of a level at once, ``np.bincount``
   builds the histogram of class counts (or sums) per node, feature and bin;
   cumulative sums over the bins give the statistics of every possible left
   child, and the best split of each node is an ``argmin``.

>>> from sklearn.datasets import load_iris
>>> X, y = load_iris(return_X_y=True)
>>> tree = DecisionTreeClassifier(max_depth=2).fit(X, y)
>>> print(export_text(tree, feature_names=["sepal length", "sepal width", "petal length", "petal width"]))
|--- petal length <= 2.45
|   |--- class: 0
|--- petal length >  2.45
|   |--- petal width <= 1.75
|   |   |--- class: 1
|   |--- petal width >  1.75
|   |   |--- class: 2
"""

from __future__ import annotations

import numbers

import numpy as np

from ._validation import (check_array, check_consistent_length, check_option, check_rng,
                          check_scalar, check_vector, describe)

__all__ = ["gini", "entropy", "split_scores", "DecisionTreeClassifier", "DecisionTreeRegressor",
           "RandomForestClassifier", "RandomForestRegressor", "export_text", "permutation_importance"]

MAX_BINS = 256


# ------------------------------------------------------------------------------ impurity
def gini(labels) -> float:
    """Gini impurity ``1 - sum_k p_k^2`` of a group of class labels.

    0 for a pure group; 0.5 for two classes half and half.

    >>> gini(["cat", "cat", "dog", "dog"]), gini([1, 1, 1])
    (0.5, 0.0)
    """
    _, counts = np.unique(np.asarray(labels), return_counts=True)
    p = counts / counts.sum()
    return float(1.0 - np.sum(p ** 2))


def entropy(labels) -> float:
    """Entropy ``-sum_k p_k log2 p_k`` of a group of class labels, in bits.

    >>> entropy(["cat", "cat", "dog", "dog"]), entropy([1, 1, 1])
    (1.0, 0.0)
    """
    _, counts = np.unique(np.asarray(labels), return_counts=True)
    p = counts / counts.sum()
    return float(-np.sum(p * np.log2(p))) + 0.0  # + 0.0 turns -0.0 into 0.0


def split_scores(x, y, criterion: str = "gini"):
    """Every threshold of one feature, with the weighted impurity of the two children.

    For a threshold ``t`` the samples with ``x <= t`` go left. The score is
    ``n_left/n * I(left) + n_right/n * I(right)``; the best split has the lowest.

    Returns
    -------
    thresholds : ndarray
        Midpoints between consecutive distinct values of ``x``.
    scores : ndarray
        Weighted child impurity for each threshold.

    >>> t, s = split_scores([1.0, 2.0, 3.0, 4.0], ["a", "a", "b", "b"])
    >>> t.tolist(), s.round(3).tolist()
    ([1.5, 2.5, 3.5], [0.333, 0.0, 0.333])
    """
    x = check_vector(x, "x")
    y = np.asarray(y)
    check_consistent_length(x=x, y=y)
    impurity = {"gini": gini, "entropy": entropy,
                "squared_error": lambda v: float(np.var(np.asarray(v, float)))}
    measure = impurity[check_option(criterion, "criterion", tuple(impurity))]
    values = np.unique(x)
    thresholds = (values[:-1] + values[1:]) / 2
    scores = []
    for t in thresholds:
        left, right = y[x <= t], y[x > t]
        scores.append((len(left) * measure(left) + len(right) * measure(right)) / len(y))
    return thresholds, np.array(scores)


# ------------------------------------------------------------------------------ binning
class _Bins:
    """Cut each feature into at most 256 bins, once; a split is then ``bin <= k``.

    ``thresholds[f][k]`` is the value between bin k and bin k + 1: the midpoint
    of two consecutive distinct values when a feature has at most 256 of them
    (so splits land exactly where scikit-learn puts them), else quantiles.
    """

    def __init__(self, X):
        self.thresholds = []
        for column in X.T:
            values = np.unique(column)
            if len(values) <= MAX_BINS:
                cuts = (values[:-1] + values[1:]) / 2
            else:
                cuts = np.unique(np.quantile(column, np.linspace(0, 1, MAX_BINS + 1)[1:-1]))
            self.thresholds.append(cuts)
        self.n_thresholds = np.array([len(t) for t in self.thresholds])
        self.table = np.full((len(self.thresholds), max(1, self.n_thresholds.max())), np.nan)
        for f, cuts in enumerate(self.thresholds):
            self.table[f, :len(cuts)] = cuts

    def transform(self, X) -> np.ndarray:
        binned = np.empty(X.shape, dtype=np.uint8)
        for f, cuts in enumerate(self.thresholds):
            binned[:, f] = np.searchsorted(cuts, X[:, f], side="left")
        return binned


# ------------------------------------------------------------------------------ one tree
class _Tree:
    """The flat arrays of a fitted tree; node 0 is the root, ``left == -1`` marks a leaf."""

    def __init__(self, n_values: int):
        self.size = 0
        self.feature = np.zeros(0, dtype=np.int64)
        self.threshold = np.zeros(0)
        self.left = np.zeros(0, dtype=np.int64)
        self.right = np.zeros(0, dtype=np.int64)
        self.value = np.zeros((0, n_values))
        self.weight = np.zeros(0)
        self.impurity = np.zeros(0)
        self.depth = np.zeros(0, dtype=np.int64)

    def add(self, value, weight, impurity, depth) -> np.ndarray:
        """Append nodes (one row of ``value`` each) as leaves; returns their indices."""
        n = len(weight)
        new = np.arange(self.size, self.size + n)
        self.feature = np.r_[self.feature[:self.size], np.full(n, -1)]
        self.threshold = np.r_[self.threshold[:self.size], np.full(n, np.nan)]
        self.left = np.r_[self.left[:self.size], np.full(n, -1)]
        self.right = np.r_[self.right[:self.size], np.full(n, -1)]
        self.value = np.r_[self.value[:self.size], value]
        self.weight = np.r_[self.weight[:self.size], weight]
        self.impurity = np.r_[self.impurity[:self.size], impurity]
        self.depth = np.r_[self.depth[:self.size], np.full(n, depth)]
        self.size += n
        return new

    def apply(self, X) -> np.ndarray:
        """Leaf index of each row of X: all samples walk down together, one level per step."""
        node = np.zeros(len(X), dtype=np.int64)
        rows = np.arange(len(X))
        for _ in range(int(self.depth.max())):
            inner = self.left[node] >= 0
            if not inner.any():
                break
            go_left = X[rows, np.maximum(self.feature[node], 0)] <= self.threshold[node]
            node = np.where(inner, np.where(go_left, self.left[node], self.right[node]), node)
        return node


def _impurity(stats, criterion):
    """Impurity times weight of groups whose statistics are summed in ``stats``.

    The first axis holds the channels: class counts for classification, or
    (count, sum of y, sum of y^2) for regression. Weighted impurity:
    Gini ``n - sum_k c_k^2 / n``, entropy ``-sum_k c_k log2(c_k / n)``,
    squared error ``sum y^2 - (sum y)^2 / n``.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        if criterion == "squared_error":
            n = stats[0]
            out = stats[2] - np.where(n > 0, stats[1] ** 2 / n, 0.0)
        elif criterion == "gini":
            n = stats.sum(axis=0)
            out = n - np.where(n > 0, (stats * stats).sum(axis=0) / n, 0.0)
        else:
            n = stats.sum(axis=0)
            out = -np.where(stats > 0, stats * np.log2(stats / n), 0.0).sum(axis=0)
    return np.maximum(out, 0.0)


def _weight(stats, criterion):
    return stats[0] if criterion == "squared_error" else stats.sum(axis=0)


def _leaf_values(stats, criterion):
    """Per node (columns of ``stats``): class fractions, or the mean of y."""
    if criterion == "squared_error":
        return (stats[1] / stats[0])[:, None]
    return (stats / stats.sum(axis=0)).T


def _grow(Xb, bins: _Bins, channels, criterion, max_depth, min_samples_split, min_samples_leaf,
          max_features, rng) -> _Tree:
    """Grow one tree, level by level, from binned features and per-sample statistics.

    ``channels`` holds one row of statistics per sample (weighted one-hot
    classes, or weight, weight * y, weight * y^2).
    """
    n_features = Xb.shape[1]
    n_bins = int(bins.n_thresholds.max()) + 1
    root = channels.sum(axis=0)[:, None]
    tree = _Tree(1 if criterion == "squared_error" else channels.shape[1])
    tree.add(_leaf_values(root, criterion), _weight(root, criterion), _impurity(root, criterion), 0)
    samples = np.flatnonzero(_weight(channels.T, criterion) > 0)
    if tree.weight[0] < min_samples_split or tree.impurity[0] <= 1e-12:
        return tree                                   # nothing to split: a single leaf
    level = np.array([0])                             # tree indices of this level's nodes
    where = np.zeros(len(samples), dtype=np.int64)   # each sample's position in `level`
    depth = 0
    while len(level) and (max_depth is None or depth < max_depth):
        m = len(level)
        # a random subset of features for every node; a plain tree tries all, in order
        if max_features < n_features:
            feats = np.argsort(rng.random((m, n_features)), axis=1)[:, :max_features]
        else:
            feats = np.broadcast_to(np.arange(n_features), (m, n_features))
        left = np.cumsum(_histograms(Xb, samples, where, feats, channels, m, n_bins), axis=-1)
        total = left[..., -1:]                        # every sample of the node
        right = total - left
        score = _impurity(left, criterion) + _impurity(right, criterion)     # (m, k, bins)
        valid = (_weight(left, criterion) >= min_samples_leaf) & \
            (_weight(right, criterion) >= min_samples_leaf)
        valid &= np.arange(n_bins) < bins.n_thresholds[feats][..., None]
        score = np.where(valid, score, np.inf).reshape(m, -1)
        best = score.argmin(axis=1)
        split = np.flatnonzero(np.isfinite(score[np.arange(m), best]))
        if not len(split):
            break
        cand, k = np.divmod(best[split], n_bins)
        feature = feats[split, cand]
        stats_left = left[:, split, cand, k]                      # (channels, n_split)
        stats_right = total[:, split, cand, 0] - stats_left
        parents = level[split]
        tree.feature[parents] = feature
        tree.threshold[parents] = bins.table[feature, k]
        both = np.c_[stats_left, stats_right]                     # left children first
        children = tree.add(_leaf_values(both, criterion), _weight(both, criterion),
                            _impurity(both, criterion), depth + 1)
        tree.left[parents], tree.right[parents] = children[:len(split)], children[len(split):]
        # send every sample of a split node to its child; keep only children that can split again
        position = np.full(m, -1)
        position[split] = np.arange(len(split))
        pos = position[where]
        keep = pos >= 0
        samples, pos = samples[keep], pos[keep]
        go_right = Xb[samples, feature[pos]] > k[pos]
        child = np.where(go_right, tree.right[parents][pos], tree.left[parents][pos])
        growing = (tree.weight[child] >= min_samples_split) & (tree.impurity[child] > 1e-12)
        samples, child = samples[growing], child[growing]
        level, where = np.unique(child, return_inverse=True)
        depth += 1
    return tree


def _histograms(Xb, samples, where, feats, channels, m, n_bins):
    """Sum of each channel per (node, candidate feature, bin), for all nodes of a level at once.

    Returns an array of shape (channels, m, k, bins).
    """
    k = feats.shape[1]
    binned = Xb[samples[:, None], feats[where]].astype(np.int64)   # (n, k) bins of the candidates
    index = ((where[:, None] * k + np.arange(k)) * n_bins + binned).ravel()
    size = m * k * n_bins
    hist = np.empty((channels.shape[1], size))
    for c in range(channels.shape[1]):
        hist[c] = np.bincount(index, weights=np.repeat(channels[samples, c], k), minlength=size)
    return hist.reshape(-1, m, k, n_bins)


# ------------------------------------------------------------------------------ estimators
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


class _BaseTree:
    criteria: tuple = ()

    def __init__(self, criterion, max_depth=None, min_samples_split=2, min_samples_leaf=1,
                 max_features=None, random_state=None):
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.max_features = max_features
        self.random_state = random_state

    def _check_params(self, n_features):
        check_option(self.criterion, "criterion", self.criteria)
        if self.max_depth is not None:
            check_scalar(self.max_depth, "max_depth", kind=numbers.Integral, minimum=1)
        check_scalar(self.min_samples_split, "min_samples_split", kind=numbers.Integral, minimum=2)
        check_scalar(self.min_samples_leaf, "min_samples_leaf", kind=numbers.Integral, minimum=1)
        return _max_features(self.max_features, n_features)

    def fit(self, X, y, sample_weight=None, _bins=None, _Xb=None, _rng=None):
        """Grow the tree on ``X`` (n_samples, n_features) and targets ``y``."""
        X = check_array(X, "X")
        y = self._encode(y)
        check_consistent_length(X=X, y=y)
        max_features = self._check_params(X.shape[1])
        weights = np.ones(len(X)) if sample_weight is None else check_vector(sample_weight, "sample_weight")
        bins = _bins or _Bins(X)
        Xb = bins.transform(X) if _Xb is None else _Xb
        rng = _rng if _rng is not None else check_rng(self.random_state)
        self.n_features_in_ = X.shape[1]
        self.tree_ = _grow(Xb, bins, self._channels(y, weights), self.criterion, self.max_depth,
                           self.min_samples_split, self.min_samples_leaf, max_features, rng)
        return self

    def _check_X(self, X):
        if not hasattr(self, "tree_"):
            raise RuntimeError(f"This {type(self).__name__} is not fitted yet: call fit(X, y) first.")
        return check_array(X, "X", n_features=self.n_features_in_, context=type(self).__name__)

    def apply(self, X) -> np.ndarray:
        """Index of the leaf each sample lands in."""
        X = self._check_X(X)
        return self.tree_.apply(X)

    def get_depth(self) -> int:
        return int(self.tree_.depth.max())

    def get_n_leaves(self) -> int:
        return int(np.sum(self.tree_.left < 0))

    @property
    def feature_importances_(self) -> np.ndarray:
        """Total impurity decrease brought by each feature, normalised to sum to 1."""
        t = self.tree_
        inner = np.flatnonzero(t.left >= 0)
        decrease = t.impurity[inner] - t.impurity[t.left[inner]] - t.impurity[t.right[inner]]
        importances = np.bincount(t.feature[inner], weights=decrease, minlength=self.n_features_in_)
        total = importances.sum()
        return importances / total if total > 0 else importances


class DecisionTreeClassifier(_BaseTree):
    """A classification tree: Gini or entropy splits, majority vote in the leaves.

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

    Examples
    --------
    >>> X = [[1.0], [2.0], [3.0], [4.0]]
    >>> DecisionTreeClassifier().fit(X, ["a", "a", "b", "b"]).predict([[1.2], [3.7]]).tolist()
    ['a', 'b']
    """

    criteria = ("gini", "entropy")

    def __init__(self, criterion="gini", max_depth=None, min_samples_split=2, min_samples_leaf=1,
                 max_features=None, random_state=None):
        super().__init__(criterion, max_depth, min_samples_split, min_samples_leaf, max_features,
                         random_state)

    def _encode(self, y):
        y = np.asarray(y)
        if y.ndim != 1:
            raise ValueError(f"y must be a 1-D array of class labels, got {describe(y)}.")
        if not hasattr(self, "_fixed_classes"):
            self.classes_, codes = np.unique(y, return_inverse=True)
        else:
            self.classes_ = self._fixed_classes
            codes = np.searchsorted(self.classes_, y)
        return codes

    def _channels(self, codes, weights):
        onehot = np.zeros((len(codes), len(self.classes_)))
        onehot[np.arange(len(codes)), codes] = weights
        return onehot

    def predict_proba(self, X) -> np.ndarray:
        """Class fractions of the training samples in each sample's leaf, (n_samples, n_classes)."""
        leaves = self.apply(X)
        return self.tree_.value[leaves]

    def predict(self, X) -> np.ndarray:
        proba = self.predict_proba(X)
        return self.classes_[proba.argmax(axis=1)]

    def score(self, X, y) -> float:
        """Accuracy on (X, y)."""
        return float(np.mean(self.predict(X) == np.asarray(y)))


class DecisionTreeRegressor(_BaseTree):
    """A regression tree: splits that reduce the squared error most, the mean in the leaves.

    Parameters as :class:`DecisionTreeClassifier`, with ``criterion="squared_error"``.

    >>> X = [[1.0], [2.0], [3.0], [4.0]]
    >>> DecisionTreeRegressor(max_depth=1).fit(X, [1.0, 1.0, 5.0, 7.0]).predict([[0.0], [9.0]]).tolist()
    [1.0, 6.0]
    """

    criteria = ("squared_error",)

    def __init__(self, criterion="squared_error", max_depth=None, min_samples_split=2,
                 min_samples_leaf=1, max_features=None, random_state=None):
        super().__init__(criterion, max_depth, min_samples_split, min_samples_leaf, max_features,
                         random_state)

    def _encode(self, y):
        return check_vector(y, "y")

    def _channels(self, y, weights):
        return np.c_[weights, weights * y, weights * y * y]

    def predict(self, X) -> np.ndarray:
        leaves = self.apply(X)
        return self.tree_.value[leaves, 0]

    def score(self, X, y) -> float:
        """R² on (X, y)."""
        y = check_vector(y, "y")
        residual = np.sum((y - self.predict(X)) ** 2)
        return float(1 - residual / np.sum((y - y.mean()) ** 2))


# ------------------------------------------------------------------------------ forests
class _BaseForest:
    def __init__(self, n_estimators=100, max_depth=None, min_samples_split=2, min_samples_leaf=1,
                 max_features="sqrt", bootstrap=True, max_samples=None, oob_score=False,
                 random_state=None, criterion=None):
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

    def fit(self, X, y):
        """Grow ``n_estimators`` trees, each on a bootstrap sample with random feature subsets."""
        X = check_array(X, "X")
        y_arr = np.asarray(y)
        check_consistent_length(X=X, y=y_arr)
        check_scalar(self.n_estimators, "n_estimators", kind=numbers.Integral, minimum=1)
        if self.oob_score and not self.bootstrap:
            raise ValueError("oob_score=True needs bootstrap=True: without bootstrap no sample is out of bag.")
        rng = check_rng(self.random_state)
        n = len(X)
        n_draw = n if self.max_samples is None else (
            int(self.max_samples) if isinstance(self.max_samples, numbers.Integral)
            else max(1, int(check_scalar(self.max_samples, "max_samples", minimum=0.0, maximum=1.0,
                                         include_minimum=False) * n)))
        bins = _Bins(X)
        Xb = bins.transform(X)
        prototype = self._tree()
        prototype._encode(y_arr)  # the classes, once for all trees
        self.estimators_, self._in_bag = [], []
        for _ in range(self.n_estimators):
            tree = self._tree()
            if hasattr(prototype, "classes_"):
                tree._fixed_classes = prototype.classes_
            counts = np.bincount(rng.integers(0, n, n_draw), minlength=n) if self.bootstrap else np.ones(n)
            tree.fit(X, y_arr, sample_weight=counts, _bins=bins, _Xb=Xb, _rng=rng)
            self.estimators_.append(tree)
            self._in_bag.append(counts > 0)
        self.n_features_in_ = X.shape[1]
        if hasattr(prototype, "classes_"):
            self.classes_ = prototype.classes_
        if self.oob_score:
            self._set_oob(X, y_arr)
        return self

    def _tree(self):
        return self.tree_class(criterion=self.criterion or self.tree_class.criteria[0],
                               max_depth=self.max_depth, min_samples_split=self.min_samples_split,
                               min_samples_leaf=self.min_samples_leaf, max_features=self.max_features)

    def _check_X(self, X):
        if not hasattr(self, "estimators_"):
            raise RuntimeError(f"This {type(self).__name__} is not fitted yet: call fit(X, y) first.")
        return check_array(X, "X", n_features=self.n_features_in_, context=type(self).__name__)

    def _oob_sum(self, X, predict):
        """Sum and count of the predictions of the trees for which each sample was out of bag."""
        total, count = 0.0, np.zeros(len(X))
        for tree, in_bag in zip(self.estimators_, self._in_bag):
            out = ~in_bag
            pred = np.zeros((len(X),) + predict(tree, X[:1]).shape[1:])
            pred[out] = predict(tree, X[out]) if out.any() else pred[out]
            total = total + pred
            count += out
        return total, count

    @property
    def feature_importances_(self) -> np.ndarray:
        """Mean impurity-based importance over the trees, normalised to sum to 1."""
        mean = np.mean([t.feature_importances_ for t in self.estimators_], axis=0)
        return mean / mean.sum() if mean.sum() > 0 else mean


class RandomForestClassifier(_BaseForest):
    """A random forest of classification trees; predictions average the trees' class fractions.

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
        Size of each bootstrap sample (default: as many as the data).
    oob_score : bool
        Score each sample with the trees that did not see it: ``oob_score_``.
    random_state : int or numpy.random.Generator

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
                 oob_score=False, random_state=None):
        super().__init__(n_estimators, max_depth, min_samples_split, min_samples_leaf, max_features,
                         bootstrap, max_samples, oob_score, random_state, criterion)

    def predict_proba(self, X) -> np.ndarray:
        X = self._check_X(X)
        return np.mean([t.tree_.value[t.tree_.apply(X)] for t in self.estimators_], axis=0)

    def predict(self, X) -> np.ndarray:
        proba = self.predict_proba(X)
        return self.classes_[proba.argmax(axis=1)]

    def score(self, X, y) -> float:
        """Accuracy on (X, y)."""
        return float(np.mean(self.predict(X) == np.asarray(y)))

    def _set_oob(self, X, y):
        total, count = self._oob_sum(X, lambda t, x: t.tree_.value[t.tree_.apply(x)])
        seen = count > 0
        self.oob_decision_function_ = np.where(seen[:, None], total / np.maximum(count, 1)[:, None], np.nan)
        pred = self.classes_[np.nan_to_num(self.oob_decision_function_[seen]).argmax(axis=1)]
        self.oob_score_ = float(np.mean(pred == y[seen]))


class RandomForestRegressor(_BaseForest):
    """A random forest of regression trees; the prediction is the mean of the trees'.

    Parameters as :class:`RandomForestClassifier`, but ``max_features`` defaults
    to 1.0 (all features, as in scikit-learn) and ``criterion`` is "squared_error".

    >>> X = np.linspace(0, 1, 50).reshape(-1, 1)
    >>> forest = RandomForestRegressor(n_estimators=10, random_state=0).fit(X, 3 * X[:, 0])
    >>> round(float(forest.predict([[0.5]])[0]), 1)
    1.5
    """

    tree_class = DecisionTreeRegressor

    def __init__(self, n_estimators=100, criterion="squared_error", max_depth=None,
                 min_samples_split=2, min_samples_leaf=1, max_features=1.0, bootstrap=True,
                 max_samples=None, oob_score=False, random_state=None):
        super().__init__(n_estimators, max_depth, min_samples_split, min_samples_leaf, max_features,
                         bootstrap, max_samples, oob_score, random_state, criterion)

    def predict(self, X) -> np.ndarray:
        X = self._check_X(X)
        return np.mean([t.tree_.value[t.tree_.apply(X), 0] for t in self.estimators_], axis=0)

    def score(self, X, y) -> float:
        """R² on (X, y)."""
        y = check_vector(y, "y")
        return float(1 - np.sum((y - self.predict(X)) ** 2) / np.sum((y - y.mean()) ** 2))

    def _set_oob(self, X, y):
        total, count = self._oob_sum(X, lambda t, x: t.tree_.value[t.tree_.apply(x), 0])
        seen = count > 0
        self.oob_prediction_ = np.where(seen, total / np.maximum(count, 1), np.nan)
        y = y.astype(float)
        residual = np.sum((y[seen] - self.oob_prediction_[seen]) ** 2)
        self.oob_score_ = float(1 - residual / np.sum((y[seen] - y[seen].mean()) ** 2))


# ------------------------------------------------------------------------------ inspection
def export_text(model, feature_names=None, decimals: int = 2) -> str:
    """A fitted tree as indented text, one line per question and per leaf.

    (See the module example.)
    """
    if not hasattr(model, "tree_"):
        raise RuntimeError("export_text needs a fitted decision tree: call fit(X, y) first.")
    t = model.tree_
    names = list(feature_names) if feature_names is not None else \
        [f"feature_{i}" for i in range(model.n_features_in_)]
    if len(names) != model.n_features_in_:
        raise ValueError(f"feature_names has {len(names)} names for {model.n_features_in_} features.")
    lines = []

    def leaf(node):
        if hasattr(model, "classes_"):
            return f"class: {model.classes_[int(np.argmax(t.value[node]))]}"
        return f"value: {t.value[node, 0]:.{decimals}f}"

    def walk(node, indent):
        if t.left[node] < 0:
            lines.append(f"{indent}|--- {leaf(node)}")
            return
        name, thr = names[t.feature[node]], t.threshold[node]
        lines.append(f"{indent}|--- {name} <= {thr:.{decimals}f}")
        walk(t.left[node], indent + "|   ")
        lines.append(f"{indent}|--- {name} >  {thr:.{decimals}f}")
        walk(t.right[node], indent + "|   ")

    walk(0, "")
    return "\n".join(lines)


def permutation_importance(model, X, y, n_repeats: int = 5, rng=None):
    """How much the score drops when one feature's values are shuffled.

    Unlike impurity-based importances this is measured on data of your choice
    (ideally held out) and is not biased toward features with many distinct values.

    Returns
    -------
    mean, std : ndarrays of shape (n_features,)
        Mean and standard deviation of the score drop over the repeats.
    """
    X = check_array(X, "X")
    check_scalar(n_repeats, "n_repeats", kind=numbers.Integral, minimum=1)
    rng = check_rng(rng)
    baseline = model.score(X, y)
    drops = np.empty((X.shape[1], n_repeats))
    for f in range(X.shape[1]):
        for r in range(n_repeats):
            shuffled = X.copy()
            shuffled[:, f] = rng.permutation(shuffled[:, f])
            drops[f, r] = baseline - model.score(shuffled, y)
    return drops.mean(axis=1), drops.std(axis=1)
