"""Model selection that does not hinge on noise: the one-standard-error rule.

A grid search that keeps the candidate with the best mean validation score picks
a winner even when two candidates are as good as each other within the spread
of the folds; then another data split, another training seed or another CPU's
last bits choose another winner. The rule of Breiman et al. (1984, section 3.4)
and Hastie, Tibshirani & Friedman (2009, section 7.10) is stable and honest:
take the **simplest** candidate whose mean score is within one standard error of
the best mean. The standard error is that of the best candidate's mean over the
folds. scikit-learn reports the folds' standard deviation dividing by
``n_folds``; the standard error of the mean is then ``std / sqrt(n_folds - 1)``.

Use it with scikit-learn's grid search, which accepts the rule as ``refit``:

>>> from sklearn.model_selection import GridSearchCV
>>> from sklearn.tree import DecisionTreeRegressor
>>> rule = one_standard_error_rule("min_samples_leaf", simplest="largest")
>>> search = GridSearchCV(DecisionTreeRegressor(), {"min_samples_leaf": [1, 5, 20]}, refit=rule)
"""

from __future__ import annotations

import numbers

import numpy as np

from ._validation import check_consistent_length, check_option, check_scalar, check_vector

__all__ = ["one_standard_error_rule", "within_one_standard_error"]


def within_one_standard_error(mean_scores, std_scores, n_folds: int) -> np.ndarray:
    """Which candidates score within one standard error of the best (higher scores are better).

    Parameters
    ----------
    mean_scores, std_scores : array-like of shape (n_candidates,)
        Mean and standard deviation of each candidate's validation score over the folds, the
        deviation divided by ``n_folds`` as scikit-learn's ``std_test_score`` is.
    n_folds : int
        Number of folds the means were taken over.

    Returns
    -------
    ndarray of bool
        True for every candidate whose mean is at least ``best - std_best / sqrt(n_folds - 1)``.

    Examples
    --------
    >>> within_one_standard_error([-0.30, -0.28, -0.35], [0.04, 0.05, 0.04], n_folds=5).tolist()
    [True, True, False]
    """
    # a NaN score means a candidate failed to fit on some fold: check_vector says so
    mean, std = check_vector(mean_scores, "mean_scores"), check_vector(std_scores, "std_scores")
    check_consistent_length(mean_scores=mean, std_scores=std)
    n_folds = check_scalar(n_folds, "n_folds", kind=numbers.Integral, minimum=2)
    best = int(np.argmax(mean))
    return mean >= mean[best] - std[best] / np.sqrt(n_folds - 1)


def one_standard_error_rule(param: str, simplest: str = "largest"):
    """A ``refit`` rule for scikit-learn's grid search: the simplest candidate within one standard error.

    Parameters
    ----------
    param : str
        The grid's parameter that sets the model's complexity, as named in the grid
        (``"min_samples_leaf"``, ``"mlpregressor__alpha"``).
    simplest : {"largest", "smallest"}
        Which end of the parameter is the simplest model: ``"largest"`` for a leaf size or
        a weight penalty, ``"smallest"`` for a depth or a number of units.

    Returns
    -------
    callable
        ``rule(cv_results) -> index`` of the chosen candidate, as ``GridSearchCV(refit=...)``
        expects. ``search.best_index_`` and ``search.best_params_`` then name the choice.

    Examples
    --------
    >>> rule = one_standard_error_rule("alpha", simplest="largest")
    >>> results = {"params": [{"alpha": 0.1}, {"alpha": 1.0}, {"alpha": 10.0}],
    ...            "mean_test_score": [-0.30, -0.31, -0.40], "std_test_score": [0.04, 0.04, 0.04],
    ...            "split0_test_score": [0, 0, 0], "split1_test_score": [0, 0, 0],
    ...            "split2_test_score": [0, 0, 0], "split3_test_score": [0, 0, 0]}
    >>> rule(results)
    1
    """
    check_option(simplest, "simplest", ("largest", "smallest"))

    def rule(cv_results) -> int:
        params = cv_results["params"]
        if any(param not in p for p in params):
            raise ValueError(f"the grid has no parameter {param!r}; it has {sorted(params[0])}.")
        n_folds = sum(key.startswith("split") and key.endswith("_test_score") for key in cv_results)
        near = within_one_standard_error(cv_results["mean_test_score"], cv_results["std_test_score"], n_folds)
        values = np.array([p[param] for p in params], dtype=float)
        candidates = np.flatnonzero(near)
        pick = np.argmax(values[candidates]) if simplest == "largest" else np.argmin(values[candidates])
        return int(candidates[pick])

    rule.__name__ = f"one_standard_error_rule({param!r}, simplest={simplest!r})"
    return rule
