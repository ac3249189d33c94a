"""The one-standard-error rule: the simplest candidate near the best, and no choice left to noise."""

import numpy as np
import pytest
from sklearn.datasets import make_regression
from sklearn.model_selection import GridSearchCV, KFold
from sklearn.tree import DecisionTreeRegressor

from mlcourse.selection import one_standard_error_rule, within_one_standard_error


def results(values, means, stds, n_folds=3, param="alpha"):
    out = {"params": [{param: v} for v in values], "mean_test_score": means, "std_test_score": stds}
    out.update({f"split{i}_test_score": np.zeros(len(values)) for i in range(n_folds)})
    return out


def test_the_band_is_one_standard_error_of_the_best_mean():
    # best -0.30 with sd 0.06 (divided by n, as scikit-learn's) over 5 folds: band down to -0.33
    near = within_one_standard_error([-0.30, -0.329, -0.331], [0.06, 0.01, 0.01], n_folds=5)
    assert near.tolist() == [True, True, False]


@pytest.mark.parametrize("simplest, expected", [("largest", 2), ("smallest", 0)])
def test_the_simplest_candidate_in_the_band_wins(simplest, expected):
    rule = one_standard_error_rule("alpha", simplest=simplest)
    assert rule(results([0.1, 1.0, 10.0, 100.0], [-0.30, -0.29, -0.31, -0.60], [0.05] * 4)) == expected


def test_a_near_tie_of_the_best_no_longer_decides():
    """Two candidates equal but for the last bits: the argmax flips, the rule does not."""
    rule = one_standard_error_rule("alpha", simplest="largest")
    for eps in [-1e-15, 0.0, 1e-15]:
        means = [-0.30, -0.30 + eps, -0.45]
        assert rule(results([1.0, 3.0, 9.0], means, [0.03, 0.03, 0.03])) == 1


def test_it_works_as_refit_of_a_grid_search():
    X, y = make_regression(120, 3, noise=20.0, random_state=0)
    grid = {"min_samples_leaf": [1, 2, 4, 8, 16, 32]}
    search = GridSearchCV(DecisionTreeRegressor(random_state=0), grid, cv=KFold(5, shuffle=True, random_state=0),
                          refit=one_standard_error_rule("min_samples_leaf", "largest")).fit(X, y)
    scores, spread = search.cv_results_["mean_test_score"], search.cv_results_["std_test_score"]
    best = np.argmax(scores)
    band = scores >= scores[best] - spread[best] / np.sqrt(5 - 1)
    assert search.best_params_["min_samples_leaf"] == max(np.array(grid["min_samples_leaf"])[band])
    assert search.best_params_["min_samples_leaf"] >= grid["min_samples_leaf"][best]
    assert search.predict(X[:3]).shape == (3,)


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="simplest must be one of"):
        one_standard_error_rule("alpha", simplest="biggest")
    with pytest.raises(ValueError, match="has no parameter 'depth'"):
        one_standard_error_rule("depth")(results([1.0], [-0.3], [0.1]))
    with pytest.raises(ValueError, match="mean_scores"):
        within_one_standard_error([-0.3, np.nan], [0.1, 0.1], n_folds=3)
    with pytest.raises(ValueError, match="same number"):
        within_one_standard_error([-0.3, -0.2], [0.1], n_folds=3)
    with pytest.raises(ValueError, match="n_folds"):
        within_one_standard_error([-0.3], [0.1], n_folds=1)
