"""Trees and forests from scratch, against scikit-learn on the same data and hyper-parameters."""

import numpy as np
import pytest
from sklearn import datasets as skd
from sklearn import ensemble, tree as sktree
from sklearn.model_selection import train_test_split

from mlcourse import trees as T


def quantised(X, levels=150):
    """Each feature rounded to about 150 distinct values, so that splits are exact (no quantile bins)."""
    step = np.ptp(X, axis=0) / levels
    return np.round(X / step) * step


def split(X, y, seed=0):
    return train_test_split(X, y, test_size=0.3, random_state=seed)


CLASSIFICATION = {
    "make_classification": lambda: skd.make_classification(600, 8, n_informative=5, random_state=0),
    "moons": lambda: skd.make_moons(500, noise=0.25, random_state=0),
    "iris": lambda: skd.load_iris(return_X_y=True),
    "breast_cancer": lambda: skd.load_breast_cancer(return_X_y=True),
    "wine": lambda: skd.load_wine(return_X_y=True),
}
REGRESSION = {
    "make_regression": lambda: skd.make_regression(500, 6, noise=10.0, random_state=0),
    "friedman1": lambda: skd.make_friedman1(500, noise=1.0, random_state=0),
    "diabetes": lambda: skd.load_diabetes(return_X_y=True),
}


def mean_over_seeds(make, fit_score, seeds=range(3)):
    return np.mean([fit_score(make(s), s) for s in seeds])


FORESTS = [(name, make, T.RandomForestClassifier, ensemble.RandomForestClassifier)
           for name, make in CLASSIFICATION.items()] + \
          [(name, make, T.RandomForestRegressor, ensemble.RandomForestRegressor)
           for name, make in REGRESSION.items()]


@pytest.mark.parametrize("name, make, ours, theirs", FORESTS, ids=[f[0] for f in FORESTS])
def test_forest_within_two_points_of_sklearn(name, make, ours, theirs):
    """Accuracy (classification) or R² (regression) on held-out data, averaged over three seeds."""
    X, y = make()

    def score(model, seed):
        Xtr, Xte, ytr, yte = split(X, y, seed)
        return model.fit(Xtr, ytr).score(Xte, yte)

    mine = mean_over_seeds(lambda s: ours(50, random_state=s), score)
    reference = mean_over_seeds(lambda s: theirs(50, random_state=s), score)
    assert mine > reference - 0.02


@pytest.mark.parametrize("name", ["make_classification", "moons", "breast_cancer"])
@pytest.mark.parametrize("criterion", ["gini", "entropy"])
def test_single_trees_match_sklearn_accuracy(name, criterion):
    X, y = CLASSIFICATION[name]()
    Xtr, Xte, ytr, yte = split(X, y)
    ours = T.DecisionTreeClassifier(criterion=criterion, max_depth=4).fit(Xtr, ytr).score(Xte, yte)
    theirs = sktree.DecisionTreeClassifier(criterion=criterion, max_depth=4, random_state=0)\
        .fit(Xtr, ytr).score(Xte, yte)
    assert abs(ours - theirs) <= 0.04


@pytest.mark.parametrize("name", ["make_classification", "wine", "breast_cancer", "moons"])
def test_depth_one_tree_finds_sklearns_split(name):
    X, y = CLASSIFICATION[name]()
    X = quantised(X)
    ours = T.DecisionTreeClassifier(max_depth=1).fit(X, y).tree_
    theirs = sktree.DecisionTreeClassifier(max_depth=1, random_state=0).fit(X, y).tree_
    assert ours.feature[0] == theirs.feature[0]
    assert ours.threshold[0] == pytest.approx(theirs.threshold[0])


def test_depth_one_tie_is_as_good_as_sklearns():
    """Iris: petal length and petal width both separate setosa perfectly; either split is right."""
    X, y = CLASSIFICATION["iris"]()
    ours = T.DecisionTreeClassifier(max_depth=1).fit(X, y).tree_
    theirs = sktree.DecisionTreeClassifier(max_depth=1, random_state=0).fit(X, y).tree_
    ours_children = ours.impurity[1] + ours.impurity[2]  # weighted Gini of the two children
    theirs_children = sum(theirs.impurity[i] * theirs.weighted_n_node_samples[i] for i in (1, 2))
    assert ours_children == pytest.approx(theirs_children)


def test_depth_one_regression_split_matches_sklearn():
    X, y = REGRESSION["friedman1"]()
    X = quantised(X)
    ours = T.DecisionTreeRegressor(max_depth=1).fit(X, y).tree_
    theirs = sktree.DecisionTreeRegressor(max_depth=1).fit(X, y).tree_
    assert (ours.feature[0], round(ours.threshold[0], 6)) == (theirs.feature[0], round(theirs.threshold[0], 6))
    np.testing.assert_allclose(np.sort(ours.value[1:, 0]), np.sort(theirs.value[1:, 0, 0]))


def test_unlimited_tree_fits_training_data_exactly():
    X, y = CLASSIFICATION["moons"]()
    X = quantised(X, 250)
    model = T.DecisionTreeClassifier().fit(X, y)
    exact = sktree.DecisionTreeClassifier(random_state=0).fit(X, y)
    assert model.score(X, y) == exact.score(X, y) > 0.99 and model.get_depth() > 4


def test_oob_score_is_close_to_a_held_out_score():
    X, y = skd.make_classification(1500, 8, n_informative=5, random_state=1)
    Xtr, Xte, ytr, yte = split(X, y)
    forest = T.RandomForestClassifier(100, oob_score=True, random_state=0).fit(Xtr, ytr)
    assert abs(forest.oob_score_ - forest.score(Xte, yte)) < 0.03
    Xr, yr = REGRESSION["friedman1"]()
    Xtr, Xte, ytr, yte = split(Xr, yr)
    reg = T.RandomForestRegressor(100, oob_score=True, random_state=0).fit(Xtr, ytr)
    assert abs(reg.oob_score_ - reg.score(Xte, yte)) < 0.05


def test_importances_sum_to_one_and_find_the_informative_features():
    X, y = skd.make_classification(800, 6, n_informative=2, n_redundant=0, shuffle=False, random_state=0)
    forest = T.RandomForestClassifier(50, random_state=0).fit(X, y)
    assert forest.feature_importances_.sum() == pytest.approx(1.0)
    assert set(np.argsort(forest.feature_importances_)[-2:]) == {0, 1}
    single = T.DecisionTreeClassifier(max_depth=3).fit(X, y)
    assert single.feature_importances_.sum() == pytest.approx(1.0)
    mean, std = T.permutation_importance(forest, X, y, n_repeats=3, rng=0)
    assert set(np.argsort(mean)[-2:]) == {0, 1} and np.all(std >= 0)


def test_importances_match_sklearn_for_a_shallow_tree():
    X, y = skd.load_wine(return_X_y=True)
    X = quantised(X)
    ours = T.DecisionTreeClassifier(max_depth=2).fit(X, y).feature_importances_
    theirs = sktree.DecisionTreeClassifier(max_depth=2, random_state=0).fit(X, y).feature_importances_
    np.testing.assert_allclose(ours, theirs, atol=1e-12)


def test_same_random_state_same_forest():
    X, y = CLASSIFICATION["moons"]()
    a = T.RandomForestClassifier(20, random_state=3).fit(X, y).predict_proba(X)
    b = T.RandomForestClassifier(20, random_state=3).fit(X, y).predict_proba(X)
    c = T.RandomForestClassifier(20, random_state=4).fit(X, y).predict_proba(X)
    assert np.array_equal(a, b) and not np.array_equal(a, c)


def test_labels_of_any_type_and_probabilities():
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    model = T.DecisionTreeClassifier().fit(X, ["dog", "dog", "cat", "cat"])
    assert model.classes_.tolist() == ["cat", "dog"]
    np.testing.assert_array_equal(model.predict_proba([[0.2]]), [[0.0, 1.0]])


def test_impurity_by_hand():
    assert T.gini([0, 0, 1, 1, 1, 1]) == pytest.approx(1 - (1 / 3) ** 2 - (2 / 3) ** 2)
    assert T.entropy(["a", "b", "c", "d"]) == pytest.approx(2.0)
    thresholds, scores = T.split_scores([1, 2, 3, 10], [0, 0, 1, 1])
    assert thresholds.tolist() == [1.5, 2.5, 6.5] and scores[1] == 0.0
    _, sse = T.split_scores([1, 2, 3, 4], [1.0, 1.0, 5.0, 5.0], criterion="squared_error")
    assert sse.argmin() == 1 and sse[1] == 0.0


def test_export_text_of_a_regressor():
    X = np.array([[1.0], [2.0], [3.0], [4.0]])
    text = T.export_text(T.DecisionTreeRegressor(max_depth=1).fit(X, [1.0, 1.0, 3.0, 3.0]), ["depth"])
    assert text == "|--- depth <= 2.50\n|   |--- value: 1.00\n|--- depth >  2.50\n|   |--- value: 3.00"


def test_hyper_parameters_limit_the_tree():
    X, y = CLASSIFICATION["make_classification"]()
    assert T.DecisionTreeClassifier(max_depth=3).fit(X, y).get_depth() == 3
    leafy = T.DecisionTreeClassifier(min_samples_leaf=40).fit(X, y)
    assert leafy.tree_.weight[leafy.tree_.left < 0].min() >= 40
    assert T.DecisionTreeClassifier(min_samples_split=len(X) + 1).fit(X, y).get_n_leaves() == 1


BAD = [
    (lambda: T.DecisionTreeClassifier().fit(np.ones(5), np.ones(5)), ValueError, "X must be a 2-D array"),
    (lambda: T.DecisionTreeClassifier().fit(np.ones((5, 2)), np.ones(4)), ValueError, "X has 5, y has 4"),
    (lambda: T.DecisionTreeClassifier().fit([[np.nan, 1.0]], [0]), ValueError, "X contains 1 NaN"),
    (lambda: T.DecisionTreeClassifier(criterion="gain").fit([[1.0]], [0]), ValueError, "criterion must be one of"),
    (lambda: T.DecisionTreeClassifier(max_depth=0).fit([[1.0]], [0]), ValueError, "max_depth must be >= 1"),
    (lambda: T.DecisionTreeClassifier(min_samples_leaf=0).fit([[1.0]], [0]), ValueError, "min_samples_leaf must be >= 1"),
    (lambda: T.DecisionTreeClassifier(min_samples_split=1).fit([[1.0]], [0]), ValueError, "min_samples_split must be >= 2"),
    (lambda: T.DecisionTreeClassifier(max_features="half").fit([[1.0]], [0]), ValueError, "max_features must be one of"),
    (lambda: T.DecisionTreeClassifier(max_features=5).fit([[1.0, 2.0]], [0]), ValueError, "max_features must be <= 2"),
    (lambda: T.DecisionTreeClassifier().predict([[1.0]]), RuntimeError, "not fitted yet"),
    (lambda: T.RandomForestClassifier(2).fit(np.ones((4, 10)), [0, 1, 0, 1]).predict(np.ones((2, 9))),
     ValueError, "expects X with 10 features, got array of shape"),
    (lambda: T.RandomForestClassifier(0).fit([[1.0]], [0]), ValueError, "n_estimators must be >= 1"),
    (lambda: T.RandomForestClassifier(2, bootstrap=False, oob_score=True).fit([[1.0]], [0]), ValueError,
     "needs bootstrap=True"),
    (lambda: T.DecisionTreeRegressor().fit([[1.0]], [["a"]]), TypeError, "y must contain numbers"),
    (lambda: T.export_text(T.DecisionTreeClassifier()), RuntimeError, "fitted decision tree"),
    (lambda: T.split_scores([1, 2], [0, 1], criterion="mse"), ValueError, "criterion must be one of"),
]


@pytest.mark.parametrize("call, error, match", BAD, ids=[f"bad{i}" for i in range(len(BAD))])
def test_bad_inputs_raise_clear_errors(call, error, match):
    with pytest.raises(error, match=match):
        call()
