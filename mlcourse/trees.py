"""Decision trees and random forests, from scratch in numpy.

A decision tree asks one yes/no question at a time ("is the depth <= 70 km?")
and predicts, in each final box (a *leaf*), the majority class or the mean
value of the training samples that ended there. Each question is chosen to
make the two groups it creates as pure as possible: the **impurity** (Gini or
entropy for classes, squared error for numbers) drops most.

The whole algorithm is four short functions, to read from top to bottom:

- :func:`impurity` of a group of targets;
- :func:`best_split`: try every threshold of every feature, keep the one whose
  two children have the lowest weighted impurity;
- :func:`grow_tree`: split, then grow a tree on each half (recursion), until a
  node is pure, too small or too deep; a :class:`Node` holds each step;
- :func:`predict_tree`: walk each sample down from the root to its leaf.

A random forest grows many trees, each on a bootstrap sample of the data and
with a random subset of the features at every split, and averages them:
single trees overfit, their average much less (Breiman 2001, Machine
Learning 45, 5-32, doi:10.1023/A:1010933404324). The estimators
(:class:`DecisionTreeClassifier`, :class:`RandomForestRegressor`, ...) have
scikit-learn's names and defaults and grow exactly these readable trees, one
node at a time. They are meant for the course's data: 100 trees on the
182 Joyner-Boore records or on the 1000 Fiji events (classification) fit in
one to two seconds; a full-depth regression forest on 1000 samples takes ten
or more (``min_samples_leaf=3`` cuts it down). For anything larger use
scikit-learn: its compiled trees fit the same forests 3 to 10 times faster on
the course's data and 9 to 14 times faster on 10,000 to 20,000 samples, with
the same scores (``bench/bench_trees.py`` measures it).

>>> X = np.array([[1.0, 10.0], [2.0, 30.0], [3.0, 20.0], [4.0, 40.0]])
>>> y = np.array(["quake", "quake", "blast", "blast"])
>>> best_split(X, y)
(0, 2.5, 0.0)
>>> tree = grow_tree(X, y)
>>> predict_tree(tree, [[1.5, 0.0], [3.5, 0.0]]).tolist()
['quake', 'blast']
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass, field

import numpy as np

from ._validation import (check_array, check_consistent_length, check_labels, check_option,
                          check_rng, check_scalar, check_vector)
from .metrics import accuracy, r2_score

__all__ = ["gini", "entropy", "impurity", "split_scores", "best_split", "Node", "grow_tree",
           "predict_tree", "predict_proba_tree", "DecisionTreeClassifier", "DecisionTreeRegressor",
           "RandomForestClassifier", "RandomForestRegressor", "export_text", "permutation_importance"]

CRITERIA = ("gini", "entropy", "squared_error")


# ================================================================================ impurity
def gini(labels) -> float:
    """Gini impurity ``1 - sum_k p_k^2`` of a group of class labels.

    0 for a pure group; 0.5 for two classes half and half.

    >>> gini(["cat", "cat", "dog", "dog"]), gini([1, 1, 1])
    (0.5, 0.0)
    """
    _, counts = np.unique(np.asarray(labels), return_counts=True)
    return float(_impurity_of_stats(counts, "gini"))


def entropy(labels) -> float:
    """Entropy ``-sum_k p_k log2 p_k`` of a group of class labels, in bits.

    >>> entropy(["cat", "cat", "dog", "dog"]), entropy([1, 1, 1])
    (1.0, 0.0)
    """
    _, counts = np.unique(np.asarray(labels), return_counts=True)
    return float(_impurity_of_stats(counts, "entropy"))


def impurity(y, criterion: str = "gini") -> float:
    """Impurity of a group of targets: ``"gini"``, ``"entropy"`` or ``"squared_error"``.

    Gini and entropy (see :func:`gini`, :func:`entropy`) measure how mixed the
    class labels are; the squared error ``mean((y - mean(y))^2)`` how spread
    the numbers are. All three are 0 for a group that needs no more splitting.

    >>> impurity(["quake", "blast"], "gini"), impurity([1.0, 3.0], "squared_error")
    (0.5, 1.0)
    """
    check_option(criterion, "criterion", CRITERIA)
    if criterion == "gini":
        return gini(y)
    if criterion == "entropy":
        return entropy(y)
    return float(np.var(check_vector(y, "y")))


def _statistics(y, criterion, weight, classes=None):
    """What the impurity needs, one row per sample, so that sums over rows describe a group.

    Classes: the sample's weight in the column of its class (sums are class counts).
    Numbers: (w, w y, w y^2), with y centred first so that the sums stay accurate.
    """
    if criterion == "squared_error":
        centred = y - weight @ y / weight.sum()
        stats = np.empty((len(y), 3))
        stats[:, 0] = weight
        stats[:, 1] = weight * centred
        stats[:, 2] = stats[:, 1] * centred
        return stats
    classes = np.unique(y) if classes is None else classes
    stats = np.zeros((len(y), len(classes)))
    stats[np.arange(len(y)), np.searchsorted(classes, y)] = weight
    return stats


def _impurity_of_stats(stats, criterion):
    """Impurity of groups from their summed statistics (last axis), for many groups at once."""
    if criterion == "squared_error":
        w, s1, s2 = stats[..., 0], stats[..., 1], stats[..., 2]
        return np.maximum(s2 / w - (s1 / w) ** 2, 0.0)
    p = stats / stats.sum(axis=-1, keepdims=True)
    if criterion == "gini":
        return 1.0 - np.sum(p * p, axis=-1)
    return -np.sum(p * np.log2(np.where(p > 0, p, 1.0)), axis=-1) + 0.0  # 0 log 0 = 0; + 0.0: no -0.0


def _group_weight(stats, criterion):
    return stats[..., 0] if criterion == "squared_error" else stats.sum(axis=-1)


def split_scores(x, y, criterion: str = "gini"):
    """Every threshold of one feature, with the weighted impurity of the two children.

    For a threshold ``t`` the samples with ``x <= t`` go left. The score is
    ``n_left/n * I(left) + n_right/n * I(right)``; the best split has the lowest.
    :func:`best_split` does the same for all features at once.

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
    check_option(criterion, "criterion", CRITERIA)
    values = np.unique(x)
    thresholds = (values[:-1] + values[1:]) / 2
    scores = []
    for t in thresholds:
        left, right = y[x <= t], y[x > t]
        scores.append((len(left) * impurity(left, criterion) + len(right) * impurity(right, criterion))
                      / len(y))
    return thresholds, np.array(scores)


# ============================================================================ the best split
def best_split(X, y, criterion: str = "gini", min_samples_leaf: int = 1, *, sample_weight=None,
               features=None):
    """The question ``X[:, feature] <= threshold`` that leaves the purest two groups.

    Every threshold of every feature is tried: halfway between two neighbouring
    distinct values, as scikit-learn does. Its score is the weighted impurity of
    the two children, ``(n_left I(left) + n_right I(right)) / n``; the lowest
    wins, ties going to the first feature, then to the lowest threshold.

    Parameters
    ----------
    X : array of shape (n_samples, n_features)
    y : array of shape (n_samples,)
        Class labels (gini, entropy) or numbers (squared_error).
    criterion : {"gini", "entropy", "squared_error"}
    min_samples_leaf : int, default 1
        Each child must keep at least this many samples.
    sample_weight : array of shape (n_samples,), optional
        How much each sample counts in the impurity (a forest passes how often
        its bootstrap drew the sample); ``min_samples_leaf`` still counts samples.
    features : sequence of int, optional
        The features to try (a forest tries a random few); all by default.

    Returns
    -------
    feature, threshold, score
        ``(None, None, impurity(y))`` when no split is possible (every feature
        constant, or too few samples for ``min_samples_leaf``).

    Examples
    --------
    >>> best_split([[1.0], [2.0], [3.0], [4.0]], [5.0, 5.0, 9.0, 11.0], "squared_error")
    (0, 2.5, 0.5)
    """
    X, y = _check_data(X, y, criterion)
    check_scalar(min_samples_leaf, "min_samples_leaf", kind=numbers.Integral, minimum=1)
    weight = np.ones(len(y)) if sample_weight is None else check_vector(sample_weight, "sample_weight")
    features = range(X.shape[1]) if features is None else features
    return _best_split(X, _statistics(y, criterion, weight), criterion, min_samples_leaf, features)


def _check_data(X, y, criterion):
    check_option(criterion, "criterion", CRITERIA)
    X = check_array(X, "X")
    y = check_vector(y, "y") if criterion == "squared_error" else check_labels(y, "y")
    check_consistent_length(X=X, y=y)
    return X, y


def _best_split(X, stats, criterion, min_samples_leaf, features):
    """:func:`best_split` without the input checks (done once, at the root of a tree).

    All candidate features at once: each column of ``x`` is one feature sorted,
    and row ``i`` of the running sums describes the left child of the cut after
    the ``i``-th smallest value (the samples 0..i go left).
    """
    n, features = len(stats), np.asarray(features, dtype=int)
    if len(features) < X.shape[1]:
        X = X[:, features]
    order = np.argsort(X, axis=0, kind="stable")                       # (n, k)
    x = X[order, np.arange(len(features))]                             # every feature sorted
    # the cuts that leave min_samples_leaf samples on each side: after the
    # (min_samples_leaf)-th sample up to before the last min_samples_leaf ones
    first, last = min_samples_leaf - 1, n - min_samples_leaf
    left = np.cumsum(stats[order], axis=0)[first:last]                 # (cuts, k, statistics)
    total = stats.sum(axis=0)
    children = np.empty((2, *left.shape))
    children[0], children[1] = left, total - left                      # left and right child
    weight = _group_weight(children, criterion)
    score = (weight * _impurity_of_stats(children, criterion)).sum(axis=0) / _group_weight(total, criterion)
    score[x[first + 1:last + 1] == x[first:last]] = np.inf             # no cut between equal values
    if not score.size or np.isinf(score.min()):            # no cut at all
        return None, None, float(_impurity_of_stats(total, criterion))
    # lowest score; among equal ones the first feature, then the lowest threshold
    j, i = divmod(int(np.argmin(score.T)), len(score))
    a, b = x[first + i, j], x[first + i + 1, j]
    threshold = a / 2.0 + b / 2.0                   # halfway, computed as scikit-learn does
    return int(features[j]), float(a if threshold == b else threshold), float(score[i, j])


# ============================================================================= the tree
@dataclass(eq=False)
class Node:
    """One node of a tree: a question and two subtrees, or a leaf (``feature`` is None).

    Attributes
    ----------
    value : ndarray or float
        What the node predicts: the fractions of the classes (sorted) among its
        training samples, or their mean.
    feature, threshold : int, float
        The question: samples with ``x[feature] <= threshold`` go ``left``.
    left, right : Node
    n_samples : int
        Training samples that reached the node.
    impurity, weight : float
        Their impurity and total weight (for the feature importances).
    classes : ndarray or None
        The classes of a classification tree, sorted; None for regression.

    Examples
    --------
    >>> root = Node(2.0, feature=0, threshold=2.5, left=Node(1.0), right=Node(3.0))
    >>> root.is_leaf, root.left.is_leaf, predict_tree(root, [[1.0], [4.0]]).tolist()
    (False, True, [1.0, 3.0])
    """

    value: object
    feature: int | None = None
    threshold: float | None = None
    left: Node | None = None
    right: Node | None = None
    n_samples: int = 0
    impurity: float = field(default=0.0, compare=False, repr=False)
    weight: float = field(default=0.0, compare=False, repr=False)
    classes: np.ndarray | None = field(default=None, compare=False, repr=False)

    @property
    def is_leaf(self) -> bool:
        return self.feature is None

    def __eq__(self, other) -> bool:
        """Same questions, same sample counts and (to rounding) the same values, all the way down."""
        if not isinstance(other, Node):
            return NotImplemented
        return (self.feature == other.feature and self.threshold == other.threshold
                and self.n_samples == other.n_samples and np.shape(self.value) == np.shape(other.value)
                and np.allclose(self.value, other.value) and self.left == other.left
                and self.right == other.right)


def grow_tree(X, y, criterion: str = "gini", max_depth=None, min_samples_leaf: int = 1, depth: int = 0,
              classes=None, *, min_samples_split: int = 2, max_features=None, rng=None,
              sample_weight=None) -> Node:
    """Grow a decision tree by recursion: the best split, then a tree on each side.

    A node becomes a leaf when it is pure, holds fewer than ``min_samples_split``
    samples, is ``max_depth`` deep, or no split leaves ``min_samples_leaf``
    samples on each side. This is scikit-learn's algorithm: on the same data it
    grows the same tree (up to ties between equally good splits).

    Parameters
    ----------
    X, y, criterion, min_samples_leaf
        As for :func:`best_split`.
    max_depth : int or None
    depth : int
        Depth of this node (the recursion counts it; 0 at the root).
    classes : array, optional
        All classes of the whole tree, sorted (found at the root).
    min_samples_split : int, default 2
    max_features : int, optional
        Try only this many features, drawn at random with ``rng``, at each split
        (random forests); all features by default.
    rng : numpy.random.Generator, optional
    sample_weight : array of shape (n_samples,), optional
        Bootstrap counts of a forest; see :func:`best_split`.

    Returns
    -------
    Node
        The root; ``node.left`` and ``node.right`` are trees grown the same way.

    Examples
    --------
    >>> root = grow_tree([[1.0], [2.0], [3.0], [4.0]], [0.0, 0.0, 2.0, 2.0], "squared_error", max_depth=1)
    >>> root.feature, root.threshold, root.left.value, root.right.value
    (0, 2.5, 0.0, 2.0)
    """
    if depth == 0:                              # check the input once, at the root
        X, y = _check_data(X, y, criterion)
        if criterion != "squared_error" and classes is None:
            classes = np.unique(y)
    weight = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    if len(y) == 1:                             # one sample: a pure leaf, nothing to compute
        value = float(y[0]) if classes is None else (classes == y[0]).astype(float)
        return Node(value, n_samples=1, weight=float(weight[0]), classes=classes)
    stats = _statistics(y, criterion, weight, classes)
    total = stats.sum(axis=0)
    value = float(weight @ y / weight.sum()) if classes is None else total / total.sum()
    node = Node(value, n_samples=len(y), impurity=float(_impurity_of_stats(total, criterion)),
                weight=float(weight.sum()), classes=classes)
    if node.impurity <= 1e-12 or len(y) < max(min_samples_split, 2 * min_samples_leaf) \
            or (max_depth is not None and depth >= max_depth):
        return node                             # a leaf
    features = _candidate_features(X, max_features, rng)
    feature, threshold, _ = _best_split(X, stats, criterion, min_samples_leaf, features)
    if feature is None:
        return node
    node.feature, node.threshold = feature, threshold
    left = X[:, feature] <= threshold
    right = ~left
    grow = dict(criterion=criterion, max_depth=max_depth, min_samples_leaf=min_samples_leaf,
                depth=depth + 1, classes=classes, min_samples_split=min_samples_split,
                max_features=max_features, rng=rng)
    node.left = grow_tree(X[left], y[left], sample_weight=weight[left], **grow)
    node.right = grow_tree(X[right], y[right], sample_weight=weight[right], **grow)
    return node


def _candidate_features(X, max_features, rng):
    """All features in order, or (forests) ``max_features`` of those that vary in the node, at random.

    Drawing among the varying features only is what scikit-learn does: it keeps
    drawing until it has found ``max_features`` features that can split.
    """
    if max_features is None or max_features >= X.shape[1]:
        return range(X.shape[1])
    varying = np.flatnonzero(X.max(axis=0) > X.min(axis=0))
    return np.sort(rng.choice(varying, min(max_features, len(varying)), replace=False))


# ============================================================================ prediction
def predict_tree(node, X) -> np.ndarray:
    """Prediction of a tree for each row of ``X``: its leaf's majority class, or its leaf's mean.

    Each sample walks down from the root, going left when
    ``x[feature] <= threshold``, until it reaches a leaf.

    >>> tree = grow_tree([[1.0], [2.0], [3.0]], ["quake", "blast", "blast"])
    >>> predict_tree(tree, [[0.0], [2.9]]).tolist()
    ['quake', 'blast']
    """
    values = _leaf_values(node, X)
    return values if node.classes is None else node.classes[values.argmax(axis=1)]


def predict_proba_tree(node, X) -> np.ndarray:
    """Class fractions of each row's leaf, shape (n_samples, n_classes), classes sorted.

    >>> tree = grow_tree([[1.0], [2.0], [3.0]], ["quake", "blast", "blast"], max_depth=1)
    >>> predict_proba_tree(tree, [[0.0]]).tolist()  # blast, quake
    [[0.0, 1.0]]
    """
    if node.classes is None:
        raise ValueError("predict_proba_tree needs a classification tree (criterion 'gini' or "
                         "'entropy'); use predict_tree for a regression tree.")
    return _leaf_values(node, X)


def _leaf_values(node, X):
    X = check_array(X, "X")
    out = np.empty((len(X),) + np.shape(node.value))
    _send_down(node, X, np.arange(len(X)), out)
    return out


def _send_down(node, X, rows, out):
    """Walk the samples ``rows`` down together: the question splits them, each half goes on."""
    if node.is_leaf:
        out[rows] = node.value
        return
    left = X[rows, node.feature] <= node.threshold
    for child, part in ((node.left, rows[left]), (node.right, rows[~left])):
        if len(part):
            _send_down(child, X, part, out)


def _nodes(node):
    """Every node of a tree, the root first."""
    yield node
    if not node.is_leaf:
        yield from _nodes(node.left)
        yield from _nodes(node.right)


# ============================================================================ estimators
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
    """What both trees share: the hyper-parameters, ``fit`` through :func:`grow_tree`, inspection."""

    criteria: tuple = ()

    def __init__(self, criterion, max_depth=None, min_samples_split=2, min_samples_leaf=1,
                 max_features=None, random_state=None):
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.max_features = max_features
        self.random_state = random_state

    def fit(self, X, y, sample_weight=None):
        """Grow the tree on ``X`` (n_samples, n_features) and targets ``y``.

        ``sample_weight`` (e.g. bootstrap counts) weighs the samples in the
        impurity; samples of weight 0 are left out, and ``min_samples_leaf``
        and ``min_samples_split`` count samples, not weight, as in scikit-learn.
        """
        X = check_array(X, "X")
        y = self._check_y(y)
        check_consistent_length(X=X, y=y)
        weight = np.ones(len(y)) if sample_weight is None else check_vector(sample_weight, "sample_weight")
        check_consistent_length(X=X, sample_weight=weight)
        classes = np.unique(y) if self.criterion in ("gini", "entropy") else None
        return self._fit(X, y, weight, classes, check_rng(self.random_state, "random_state"))

    def _fit(self, X, y, weight, classes, rng):
        """Grow the tree on checked input (a forest calls this once per tree)."""
        check_option(self.criterion, "criterion", self.criteria)
        if self.max_depth is not None:
            check_scalar(self.max_depth, "max_depth", kind=numbers.Integral, minimum=1)
        check_scalar(self.min_samples_split, "min_samples_split", kind=numbers.Integral, minimum=2)
        check_scalar(self.min_samples_leaf, "min_samples_leaf", kind=numbers.Integral, minimum=1)
        max_features = _max_features(self.max_features, X.shape[1])
        keep = weight > 0
        self.n_features_in_ = X.shape[1]
        if classes is not None:
            self.classes_ = classes
        self.tree_ = grow_tree(X[keep], y[keep], self.criterion, self.max_depth, self.min_samples_leaf,
                               depth=0, classes=classes,
                               min_samples_split=self.min_samples_split, max_features=max_features,
                               rng=rng, sample_weight=weight[keep])
        return self

    def _check_X(self, X):
        if not hasattr(self, "tree_"):
            raise RuntimeError(f"This {type(self).__name__} is not fitted yet: call fit(X, y) first.")
        return check_array(X, "X", n_features=self.n_features_in_, context=type(self).__name__)

    def get_depth(self) -> int:
        """Number of questions on the longest path from the root to a leaf."""
        def depth(node):
            return 0 if node.is_leaf else 1 + max(depth(node.left), depth(node.right))
        return depth(self.tree_)

    def get_n_leaves(self) -> int:
        return sum(node.is_leaf for node in _nodes(self.tree_))

    @property
    def feature_importances_(self) -> np.ndarray:
        """Total impurity decrease brought by each feature (weighted by samples), summing to 1."""
        importances = np.zeros(self.n_features_in_)
        for node in _nodes(self.tree_):
            if not node.is_leaf:
                importances[node.feature] += node.weight * node.impurity - node.left.weight * \
                    node.left.impurity - node.right.weight * node.right.impurity
        total = importances.sum()
        return importances / total if total > 0 else importances


class DecisionTreeClassifier(_BaseTree):
    """A classification tree: Gini or entropy splits, majority vote in the leaves.

    Grows the readable tree of :func:`grow_tree`; ``tree_`` is its root :class:`Node`.
    Made for the course's data; for large data use scikit-learn's (see the module docstring).

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

    @staticmethod
    def _check_y(y):
        return check_labels(y, "y")

    def predict_proba(self, X) -> np.ndarray:
        """Class fractions of the training samples in each sample's leaf, (n_samples, n_classes)."""
        X = self._check_X(X)
        return predict_proba_tree(self.tree_, X)

    def predict(self, X) -> np.ndarray:
        X = self._check_X(X)
        return predict_tree(self.tree_, X)

    def score(self, X, y) -> float:
        """Accuracy on (X, y)."""
        return accuracy(y, self.predict(X))


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

    @staticmethod
    def _check_y(y):
        return check_vector(y, "y")

    def predict(self, X) -> np.ndarray:
        X = self._check_X(X)
        return predict_tree(self.tree_, X)

    def score(self, X, y) -> float:
        """R² on (X, y)."""
        return r2_score(y, self.predict(X))


# ============================================================================= forests
class _BaseForest:
    """Bagging: every tree on its own bootstrap sample; out-of-bag scores; averaged importances."""

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
        y = self.tree_class._check_y(y)
        check_consistent_length(X=X, y=y)
        check_scalar(self.n_estimators, "n_estimators", kind=numbers.Integral, minimum=1)
        if self.oob_score and not self.bootstrap:
            raise ValueError("oob_score=True needs bootstrap=True: without bootstrap no sample is out of bag.")
        rng = check_rng(self.random_state, "random_state")
        n = len(X)
        n_draw = n if self.max_samples is None else (
            int(self.max_samples) if isinstance(self.max_samples, numbers.Integral)
            else max(1, int(check_scalar(self.max_samples, "max_samples", minimum=0.0, maximum=1.0,
                                         include_minimum=False) * n)))
        classes = np.unique(y) if self.tree_class is DecisionTreeClassifier else None
        self.estimators_, self._in_bag = [], []
        for _ in range(self.n_estimators):
            # a bootstrap sample as weights: how often each sample was drawn (0 = out of bag)
            counts = np.bincount(rng.integers(0, n, n_draw), minlength=n) if self.bootstrap else np.ones(n)
            tree = self.tree_class(criterion=self.criterion, max_depth=self.max_depth,
                                   min_samples_split=self.min_samples_split,
                                   min_samples_leaf=self.min_samples_leaf, max_features=self.max_features)
            self.estimators_.append(tree._fit(X, y, counts.astype(float), classes, rng))
            self._in_bag.append(counts > 0)
        self.n_features_in_ = X.shape[1]
        if classes is not None:
            self.classes_ = classes
        if self.oob_score:
            self._set_oob(X, y)
        return self

    def _check_X(self, X):
        if not hasattr(self, "estimators_"):
            raise RuntimeError(f"This {type(self).__name__} is not fitted yet: call fit(X, y) first.")
        return check_array(X, "X", n_features=self.n_features_in_, context=type(self).__name__)

    def _mean_of_trees(self, X):
        """The trees' leaf values (class fractions or means), averaged over the forest."""
        X = self._check_X(X)
        return np.mean([_leaf_values(tree.tree_, X) for tree in self.estimators_], axis=0)

    def _oob_mean(self, X):
        """Per sample, the mean leaf value of the trees that did not see it (NaN if all did)."""
        total, count = 0.0, np.zeros(len(X))
        for tree, in_bag in zip(self.estimators_, self._in_bag):
            values = _leaf_values(tree.tree_, X)
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
        return self._mean_of_trees(X)

    def predict(self, X) -> np.ndarray:
        return self.classes_[self.predict_proba(X).argmax(axis=1)]

    def score(self, X, y) -> float:
        """Accuracy on (X, y)."""
        return accuracy(y, self.predict(X))

    def _set_oob(self, X, y):
        self.oob_decision_function_, seen = self._oob_mean(X)
        pred = self.classes_[self.oob_decision_function_[seen].argmax(axis=1)]
        self.oob_score_ = accuracy(y[seen], pred)


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
                 max_samples=None, oob_score=False, random_state=None):
        super().__init__(n_estimators, max_depth, min_samples_split, min_samples_leaf, max_features,
                         bootstrap, max_samples, oob_score, random_state, criterion)

    def predict(self, X) -> np.ndarray:
        return self._mean_of_trees(X)

    def score(self, X, y) -> float:
        """R² on (X, y)."""
        return r2_score(y, self.predict(X))

    def _set_oob(self, X, y):
        self.oob_prediction_, seen = self._oob_mean(X)
        self.oob_score_ = r2_score(y[seen], self.oob_prediction_[seen])


# ============================================================================ inspection
def export_text(model, feature_names=None, decimals: int = 2) -> str:
    """A fitted tree as indented text, one line per question and per leaf.

    >>> X = [[1.0], [2.0], [3.0], [4.0]]
    >>> print(export_text(DecisionTreeClassifier().fit(X, ["a", "a", "b", "b"]), ["depth"]))
    |--- depth <= 2.50
    |   |--- class: a
    |--- depth >  2.50
    |   |--- class: b
    """
    if not hasattr(model, "tree_"):
        raise RuntimeError("export_text needs a fitted decision tree: call fit(X, y) first.")
    names = list(feature_names) if feature_names is not None else \
        [f"feature_{i}" for i in range(model.n_features_in_)]
    if len(names) != model.n_features_in_:
        raise ValueError(f"feature_names has {len(names)} names for {model.n_features_in_} features.")
    lines = []

    def walk(node, indent):
        if node.is_leaf:
            leaf = f"class: {node.classes[int(np.argmax(node.value))]}" if node.classes is not None \
                else f"value: {node.value:.{decimals}f}"
            lines.append(f"{indent}|--- {leaf}")
            return
        name, thr = names[node.feature], node.threshold
        lines.append(f"{indent}|--- {name} <= {thr:.{decimals}f}")
        walk(node.left, indent + "|   ")
        lines.append(f"{indent}|--- {name} >  {thr:.{decimals}f}")
        walk(node.right, indent + "|   ")

    walk(model.tree_, "")
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
