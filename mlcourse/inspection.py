"""Looking inside a fitted model: a tree as text, and which features matter.

:func:`export_text` prints a tree's questions, as scikit-learn's
``sklearn.tree.export_text``; :func:`permutation_importance` measures how much
a model's score drops when one feature is shuffled, as
``sklearn.inspection.permutation_importance``. (Impurity-based importances are
the estimators' ``feature_importances_``, in :mod:`mlcourse.forests`.)
"""

from __future__ import annotations

import numbers

import numpy as np

from ._validation import check_array, check_rng, check_scalar

__all__ = ["export_text", "permutation_importance"]


def export_text(model, feature_names=None, decimals: int = 2) -> str:
    """A fitted tree as indented text, one line per question and per leaf.

    >>> from mlcourse.forests import DecisionTreeClassifier
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
