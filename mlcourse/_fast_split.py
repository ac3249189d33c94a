"""The best split of every candidate feature at once: :func:`mlcourse.trees.best_split`, vectorised.

The readable search loops over the features and over the cuts. This one
sorts all candidate features together and scores every cut of every feature
in one array, which saves Python's per-feature and per-cut overhead. It finds
the same split, ties included (tests/test_trees.py checks it on random data);
the estimators use it only when asked, ``splitter="fast"``.
"""

from __future__ import annotations

import numpy as np

from .trees import check_data, impurity_of_sums, midpoint, statistics, weight_of_sums


def best_split_fast(X, y, criterion="gini", min_samples_leaf=1, *, sample_weight=None, features=None,
                    classes=None, check_input=True):
    """As :func:`mlcourse.trees.best_split` (same arguments, same answer), for all features at once."""
    if check_input:
        X, y = check_data(X, y, criterion)
    weight = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    stats = statistics(y, criterion, weight, classes)
    n = len(y)
    features = np.arange(X.shape[1]) if features is None else np.asarray(features, dtype=int)
    X = X[:, features]
    order = np.argsort(X, axis=0, kind="stable")                       # (n, k)
    x = X[order, np.arange(len(features))]                             # every feature sorted
    # the cuts that leave min_samples_leaf samples on each side: after the
    # (min_samples_leaf)-th sample up to before the last min_samples_leaf ones
    first, last = min_samples_leaf - 1, n - min_samples_leaf
    left = np.cumsum(stats[order], axis=0)[first:last]                 # (cuts, k, statistics)
    total = stats.sum(axis=0)
    right = total - left
    score = ((weight_of_sums(left, criterion) * impurity_of_sums(left, criterion)
              + weight_of_sums(right, criterion) * impurity_of_sums(right, criterion))
             / weight_of_sums(total, criterion))
    score[x[first + 1:last + 1] == x[first:last]] = np.inf             # no cut between equal values
    if not score.size or np.isinf(score.min()):                        # no cut at all
        return None, None, float(impurity_of_sums(total, criterion))
    # lowest score; among equal ones the first feature, then the lowest threshold
    j, i = divmod(int(np.argmin(score.T)), len(score))
    threshold = midpoint(float(x[first + i, j]), float(x[first + i + 1, j]))
    return int(features[j]), threshold, float(score[i, j])
