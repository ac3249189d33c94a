"""Decision trees, from scratch in numpy: the algorithm, to read from top to bottom.

A decision tree asks one yes/no question at a time ("is the depth <= 70 km?")
and predicts, in each final box (a *leaf*), the majority class or the mean
value of the training samples that ended there. Each question is chosen to
make the two groups it creates as pure as possible: the **impurity** (Gini or
entropy for classes, squared error for numbers) drops most.

The whole algorithm is four short functions:

- :func:`impurity` of a group of targets;
- :func:`best_split`: try every threshold of every feature, keep the one whose
  two children have the lowest weighted impurity;
- :func:`grow_tree`: split, then grow a tree on each half (recursion), until a
  node is pure, too small or too deep; a :class:`Node` holds each step;
- :func:`predict_tree`: walk each sample down from the root to its leaf.

The estimators with scikit-learn's names and defaults grow exactly these trees:
:class:`~mlcourse.forests.DecisionTreeClassifier`, ``DecisionTreeRegressor`` and
the random forests live in :mod:`mlcourse.forests`; feature importances and
``export_text`` in :mod:`mlcourse.inspection` (as ``sklearn.tree``,
``sklearn.ensemble`` and ``sklearn.inspection``). ``trees.RandomForestClassifier``
and the other names Day 4's cells use still work from here.

>>> X = np.array([[1.0, 10.0], [2.0, 30.0], [3.0, 20.0], [4.0, 40.0]])
>>> y = np.array(["quake", "quake", "blast", "blast"])
>>> best_split(X, y)
(0, 2.5, 0.0)
>>> tree = grow_tree(X, y)
>>> predict_tree(tree, [[1.5, 0.0], [3.5, 0.0]]).tolist()
['quake', 'blast']
"""

from __future__ import annotations

import importlib
import numbers
from dataclasses import dataclass, field

import numpy as np

from ._validation import (check_array, check_consistent_length, check_labels, check_option,
                          check_scalar, check_vector)

__all__ = ["gini", "entropy", "impurity", "split_scores", "best_split", "Node", "grow_tree",
           "predict_tree", "predict_proba_tree", "leaf_values", "nodes"]

CRITERIA = ("gini", "entropy", "squared_error")


# ================================================================================ impurity
def gini(labels) -> float:
    """Gini impurity ``1 - sum_k p_k^2`` of a group of class labels.

    0 for a pure group; 0.5 for two classes half and half.

    >>> gini(["cat", "cat", "dog", "dog"]), gini([1, 1, 1])
    (0.5, 0.0)
    """
    _, counts = np.unique(np.asarray(labels), return_counts=True)
    return float(impurity_of_sums(counts, "gini"))


def entropy(labels) -> float:
    """Entropy ``-sum_k p_k log2 p_k`` of a group of class labels, in bits.

    >>> entropy(["cat", "cat", "dog", "dog"]), entropy([1, 1, 1])
    (1.0, 0.0)
    """
    _, counts = np.unique(np.asarray(labels), return_counts=True)
    return float(impurity_of_sums(counts, "entropy"))


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


def statistics(y, criterion, weight, classes=None):
    """What the impurity needs, one row per sample, so that a sum over rows describes a group.

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


def impurity_of_sums(stats, criterion):
    """Impurity of groups from their summed :func:`statistics` (last axis), many groups at once."""
    if criterion == "squared_error":
        w, s1, s2 = stats[..., 0], stats[..., 1], stats[..., 2]
        return np.maximum(s2 / w - (s1 / w) ** 2, 0.0)
    p = stats / stats.sum(axis=-1, keepdims=True)
    if criterion == "gini":
        return 1.0 - np.sum(p * p, axis=-1)
    return -np.sum(p * np.log2(np.where(p > 0, p, 1.0)), axis=-1) + 0.0  # 0 log 0 = 0; + 0.0: no -0.0


def weight_of_sums(stats, criterion):
    """Total weight of groups from their summed :func:`statistics`."""
    return stats[..., 0] if criterion == "squared_error" else stats.sum(axis=-1)


def split_scores(x, y, criterion: str = "gini"):
    """Every threshold of one feature, with the weighted impurity of the two children.

    For a threshold ``t`` the samples with ``x <= t`` go left. The score is
    ``n_left/n * I(left) + n_right/n * I(right)``; the best split has the lowest.
    :func:`best_split` does the same for every feature.

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
               features=None, classes=None, check_input: bool = True):
    """The question ``X[:, feature] <= threshold`` that leaves the purest two groups.

    Every threshold of every feature is tried: halfway between two neighbouring
    distinct values, as scikit-learn does. Its score is the weighted impurity of
    the two children, ``(n_left I(left) + n_right I(right)) / n``; the lowest
    wins, ties going to the first feature, then to the lowest threshold.

    As scikit-learn does, the samples are sorted by the feature once, and the
    statistics of the left child (class counts, or sums of y) are running sums
    down the sorted samples: moving the threshold one sample up moves that one
    sample from the right child to the left.

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
    classes : array, optional
        All classes of the tree, sorted (:func:`grow_tree` passes them).
    check_input : bool, default True
        False skips the input checks, as scikit-learn's ``check_input=False``:
        :func:`grow_tree` checks its input once, at the root.

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
    if check_input:
        X, y = check_data(X, y, criterion)
        check_scalar(min_samples_leaf, "min_samples_leaf", kind=numbers.Integral, minimum=1)
        sample_weight = None if sample_weight is None else check_vector(sample_weight, "sample_weight")
    weight = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    stats = statistics(y, criterion, weight, classes)
    total, n = stats.sum(axis=0), len(y)
    best_feature, best_threshold, best_score = None, None, np.inf
    for feature in range(X.shape[1]) if features is None else features:
        order = np.argsort(X[:, feature], kind="stable")
        x = X[order, feature].tolist()                      # the feature's values, sorted
        left = np.cumsum(stats[order], axis=0)[:-1]         # row i: the left child of samples 0..i
        right = total - left
        scores = ((weight_of_sums(left, criterion) * impurity_of_sums(left, criterion)
                   + weight_of_sums(right, criterion) * impurity_of_sums(right, criterion))
                  / weight_of_sums(total, criterion)).tolist()
        # cut after sample i: each side keeps at least min_samples_leaf samples
        for i in range(min_samples_leaf - 1, n - min_samples_leaf):
            if x[i] == x[i + 1]:
                continue                                    # no threshold between equal values
            if scores[i] < best_score:                      # on a tie the earlier one stays
                best_feature, best_threshold, best_score = feature, midpoint(x[i], x[i + 1]), scores[i]
    if best_feature is None:
        return None, None, float(impurity_of_sums(total, criterion))
    return int(best_feature), float(best_threshold), float(best_score)


def midpoint(a: float, b: float) -> float:
    """Halfway between ``a < b``, computed as scikit-learn does (``a`` when no float lies between)."""
    threshold = a / 2.0 + b / 2.0
    return a if threshold == b else threshold


def check_data(X, y, criterion):
    """``X`` and ``y`` of a tree checked: a 2-D array of numbers, and labels or numbers to match."""
    check_option(criterion, "criterion", CRITERIA)
    X = check_array(X, "X")
    y = check_vector(y, "y") if criterion == "squared_error" else check_labels(y, "y")
    check_consistent_length(X=X, y=y)
    return X, y


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

    @property
    def node_count(self) -> int:
        """Nodes in this tree, leaves included (scikit-learn's ``tree_.node_count``)."""
        return sum(1 for _ in nodes(self))

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
              sample_weight=None, splitter=best_split) -> Node:
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
    splitter : callable, default :func:`best_split`
        The search for each node's question, called as ``best_split`` with
        ``check_input=False``. The estimators pass the vectorised search of
        ``mlcourse._fast_split`` when asked for ``splitter="fast"``.

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
        X, y = check_data(X, y, criterion)
        if criterion != "squared_error" and classes is None:
            classes = np.unique(y)
    weight = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    if len(y) == 1:                             # one sample: a pure leaf, nothing to compute
        value = float(y[0]) if classes is None else (classes == y[0]).astype(float)
        return Node(value, n_samples=1, weight=float(weight[0]), classes=classes)
    total = statistics(y, criterion, weight, classes).sum(axis=0)
    value = float(weight @ y / weight.sum()) if classes is None else total / total.sum()
    node = Node(value, n_samples=len(y), impurity=float(impurity_of_sums(total, criterion)),
                weight=float(weight.sum()), classes=classes)
    if node.impurity <= 1e-12 or len(y) < max(min_samples_split, 2 * min_samples_leaf) \
            or (max_depth is not None and depth >= max_depth):
        return node                             # a leaf
    features = _candidate_features(X, max_features, rng)
    feature, threshold, _ = splitter(X, y, criterion, min_samples_leaf, sample_weight=weight,
                                     features=features, classes=classes, check_input=False)
    if feature is None:
        return node
    node.feature, node.threshold = feature, threshold
    left = X[:, feature] <= threshold
    right = ~left
    grow = dict(criterion=criterion, max_depth=max_depth, min_samples_leaf=min_samples_leaf,
                depth=depth + 1, classes=classes, min_samples_split=min_samples_split,
                max_features=max_features, rng=rng, splitter=splitter)
    node.left = grow_tree(X[left], y[left], sample_weight=weight[left], **grow)
    node.right = grow_tree(X[right], y[right], sample_weight=weight[right], **grow)
    return node


def _candidate_features(X, max_features, rng):
    """All features in order, or (forests) ``max_features`` of those that vary in the node, at random.

    This differs from scikit-learn where a node has constant features.
    scikit-learn draws among all features, counts a drawn constant feature
    toward ``max_features``, and draws past ``max_features`` only until one
    feature that varies is found. Here the constant features are left out
    before the draw, so such a node tries ``max_features`` features that can
    split (more than scikit-learn would, on average).
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
    values = leaf_values(node, X)
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
    return leaf_values(node, X)


def leaf_values(node, X) -> np.ndarray:
    """The value of each row's leaf: class fractions (n_samples, n_classes), or the leaf's mean."""
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


def nodes(node):
    """Every node of a tree, the root first.

    >>> [n.is_leaf for n in nodes(grow_tree([[1.0], [2.0]], ["a", "b"]))]
    [False, True, True]
    """
    yield node
    if not node.is_leaf:
        yield from nodes(node.left)
        yield from nodes(node.right)


# Day 4's cells reach the estimators as trees.RandomForestClassifier, ...: they live in the
# modules above this one and are looked up there when first asked for (nothing is imported
# upward while this module loads).
_MOVED = {"DecisionTreeClassifier": "forests", "DecisionTreeRegressor": "forests",
          "RandomForestClassifier": "forests", "RandomForestRegressor": "forests",
          "permutation_importance": "inspection", "export_text": "inspection"}


def __getattr__(name):
    if name in _MOVED:
        return getattr(importlib.import_module(f"{__package__}.{_MOVED[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


