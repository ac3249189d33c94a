"""Trees and forests from scratch, against scikit-learn on the same data and hyper-parameters."""

import numpy as np
import pytest
from sklearn import datasets as skd
from sklearn import ensemble, tree as sktree
from sklearn.model_selection import train_test_split

from hypothesis import given, settings
from hypothesis import strategies as st

from mlcourse import forests as F
from mlcourse import inspection as I
from mlcourse import trees as T
from mlcourse._fast_split import best_split_fast


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


FORESTS = [(name, make, F.RandomForestClassifier, ensemble.RandomForestClassifier)
           for name, make in CLASSIFICATION.items()] + \
          [(name, make, F.RandomForestRegressor, ensemble.RandomForestRegressor)
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
    ours = F.DecisionTreeClassifier(criterion=criterion, max_depth=4).fit(Xtr, ytr).score(Xte, yte)
    theirs = sktree.DecisionTreeClassifier(criterion=criterion, max_depth=4, random_state=0)\
        .fit(Xtr, ytr).score(Xte, yte)
    assert abs(ours - theirs) <= 0.04


@pytest.mark.parametrize("name", ["make_classification", "wine", "breast_cancer", "moons"])
def test_depth_one_tree_finds_sklearns_split(name):
    X, y = CLASSIFICATION[name]()
    X = quantised(X)
    ours = F.DecisionTreeClassifier(max_depth=1).fit(X, y).tree_
    theirs = sktree.DecisionTreeClassifier(max_depth=1, random_state=0).fit(X, y).tree_
    assert ours.feature == theirs.feature[0]
    assert ours.threshold == pytest.approx(theirs.threshold[0])


def test_depth_one_tie_is_as_good_as_sklearns():
    """Iris: petal length and petal width both separate setosa perfectly; either split is right."""
    X, y = CLASSIFICATION["iris"]()
    ours = F.DecisionTreeClassifier(max_depth=1).fit(X, y).tree_
    theirs = sktree.DecisionTreeClassifier(max_depth=1, random_state=0).fit(X, y).tree_
    ours_children = sum(c.n_samples * c.impurity for c in (ours.left, ours.right))
    theirs_children = sum(theirs.impurity[i] * theirs.weighted_n_node_samples[i] for i in (1, 2))
    assert ours_children == pytest.approx(theirs_children)


def test_depth_one_regression_split_matches_sklearn():
    X, y = REGRESSION["friedman1"]()
    X = quantised(X)
    ours = F.DecisionTreeRegressor(max_depth=1).fit(X, y).tree_
    theirs = sktree.DecisionTreeRegressor(max_depth=1).fit(X, y).tree_
    assert (ours.feature, round(ours.threshold, 6)) == (theirs.feature[0], round(theirs.threshold[0], 6))
    np.testing.assert_allclose([ours.left.value, ours.right.value], theirs.value[1:, 0, 0])


# ------------------------------------------------------------------ the readable tree, node by node
def as_float32(X):
    """scikit-learn's trees work on float32 copies of X: give both the same numbers."""
    return np.asarray(X, dtype=np.float32).astype(float)


def compare_with_sklearn(node, sk, X, y, criterion, i=0, weight=None):
    """Walk our tree and scikit-learn's together; count the nodes that agree exactly.

    scikit-learn breaks a tie between equally good splits on different features
    at random, grow_tree takes the first feature: at such a node the test checks
    that both splits score the same and, when they also send the same samples
    left, goes on below.
    """
    weight = np.ones(len(y)) if weight is None else weight
    t = sk.tree_
    assert node.n_samples == t.n_node_samples[i]
    np.testing.assert_allclose(np.ravel(node.value), np.ravel(t.value[i]), rtol=1e-9, atol=1e-12)
    if node.is_leaf or t.children_left[i] < 0:
        assert node.is_leaf and t.children_left[i] < 0, "a leaf in one tree only"
        return 1, 0
    ours_left = X[:, node.feature] <= node.threshold
    theirs_left = X[:, t.feature[i]] <= t.threshold[i]
    matched, ties = 1, 0
    if (node.feature, node.threshold) != pytest.approx((t.feature[i], t.threshold[i]), abs=1e-9):
        def score(left):
            return sum(weight[part].sum() * T.impurity(np.repeat(y[part], weight[part].astype(int)), criterion)
                       for part in (left, ~left)) / weight.sum()
        assert score(ours_left) == pytest.approx(score(theirs_left), rel=1e-9, abs=1e-12), "not a tie"
        if not np.array_equal(ours_left, theirs_left):
            return 0, 1
        matched, ties = 0, 1
    for child, sk_child, part in ((node.left, t.children_left[i], ours_left),
                                  (node.right, t.children_right[i], ~ours_left)):
        m, k = compare_with_sklearn(child, sk, X[part], y[part], criterion, sk_child, weight[part])
        matched, ties = matched + m, ties + k
    return matched, ties


GROW_CASES = [
    ("gini", lambda s: skd.make_classification(300, 5, n_informative=3, random_state=s)),
    ("entropy", lambda s: skd.make_classification(300, 5, n_informative=3, n_classes=3, random_state=s)),
    ("squared_error", lambda s: skd.make_regression(300, 5, noise=10.0, random_state=s)),
    ("gini", lambda s: skd.make_moons(200, noise=0.3, random_state=s)),
    ("squared_error", lambda s: skd.make_regression(200, 1, noise=30.0, random_state=s)),
    ("entropy", lambda s: skd.make_classification(200, 1, n_informative=1, n_redundant=0, n_clusters_per_class=1,
                                                  flip_y=0.2, random_state=s)),
]


@pytest.mark.parametrize("criterion, make", GROW_CASES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(GROW_CASES)])
@pytest.mark.parametrize("params", [{}, {"max_depth": 3}, {"min_samples_leaf": 5}], ids=str)
@pytest.mark.parametrize("seed", [0, 1])
def test_grow_tree_grows_sklearns_tree(criterion, make, params, seed):
    X, y = make(seed)
    X = as_float32(X)
    ours = T.grow_tree(X, y, criterion, **params)
    model = sktree.DecisionTreeRegressor if criterion == "squared_error" else sktree.DecisionTreeClassifier
    theirs = model(criterion=criterion, random_state=0, **params).fit(X, y)
    matched, ties = compare_with_sklearn(ours, theirs, X, y, criterion)
    assert matched > 0
    if X.shape[1] == 1:  # one feature: no tie between features, the trees must be identical
        assert (matched, ties) == (theirs.tree_.node_count, 0)


def test_bootstrap_weights_count_samples_like_sklearn():
    """A forest's tree: bootstrap counts weigh the impurity, min_samples_leaf counts distinct samples."""
    X, y = skd.make_regression(300, 1, noise=10.0, random_state=3)
    X = as_float32(X)
    counts = np.bincount(np.random.default_rng(0).integers(0, 300, 300), minlength=300).astype(float)
    ours = F.DecisionTreeRegressor(min_samples_leaf=4).fit(X, y, sample_weight=counts)
    theirs = sktree.DecisionTreeRegressor(min_samples_leaf=4).fit(X, y, sample_weight=counts)
    keep = counts > 0
    matched, ties = compare_with_sklearn(ours.tree_, theirs, X[keep], y[keep], "squared_error",
                                         weight=counts[keep])
    assert (matched, ties) == (theirs.tree_.node_count, 0)
    assert min(n.n_samples for n in T.nodes(ours.tree_) if n.is_leaf) >= 4


def test_best_split_contract():
    X = np.array([[1.0, 5.0], [2.0, 6.0], [3.0, 7.0], [4.0, 8.0]])
    # both features separate the classes perfectly: the first feature wins
    assert T.best_split(X, ["a", "a", "b", "b"]) == (0, 2.5, 0.0)
    # 1.5 and 3.5 score the same: the lowest threshold wins
    feature, threshold, score = T.best_split(X[:, :1], [0, 1, 1, 0])
    assert (feature, threshold) == (0, 1.5) and score == pytest.approx(3 / 4 * T.gini([1, 1, 0]))
    assert score == pytest.approx(min(T.split_scores(X[:, 0], [0, 1, 1, 0])[1]))
    # min_samples_leaf=2 forbids the 1 | 3 cuts
    assert T.best_split(X[:, :1], [0, 1, 1, 0], min_samples_leaf=2)[1] == 2.5
    # nothing to split: constant feature, or too few samples
    assert T.best_split([[1.0], [1.0]], [0, 1]) == (None, None, 0.5)
    assert T.best_split(X, [0.0, 1.0, 2.0, 3.0], "squared_error", min_samples_leaf=3) == (None, None, 1.25)


@pytest.mark.parametrize("splitter", ["best", "fast"])
@pytest.mark.parametrize("criterion, make", GROW_CASES[:3] + GROW_CASES[4:5], ids=["gini", "entropy", "mse", "mse-1d"])
def test_the_estimators_grow_sklearns_trees_node_by_node(criterion, make, splitter):
    """On data the other tests do not use (seed 7), with either splitter: scikit-learn's tree, node by node."""
    X, y = make(7)
    X = as_float32(X)
    ours_class, theirs_class = ((F.DecisionTreeRegressor, sktree.DecisionTreeRegressor) if criterion == "squared_error"
                                else (F.DecisionTreeClassifier, sktree.DecisionTreeClassifier))
    ours = ours_class(criterion=criterion, min_samples_leaf=2, splitter=splitter).fit(X, y)
    theirs = theirs_class(criterion=criterion, min_samples_leaf=2, random_state=0).fit(X, y)
    matched, ties = compare_with_sklearn(ours.tree_, theirs, X, y, criterion)
    assert matched > theirs.tree_.node_count / 2   # below a tie whose splits send other samples left, the walk stops
    if X.shape[1] == 1:
        assert (matched, ties) == (theirs.tree_.node_count, 0)
        assert ours.tree_.node_count == theirs.tree_.node_count
    np.testing.assert_array_equal(ours.predict(X), T.predict_tree(ours.tree_, X))


def test_node_count_is_sklearns():
    X, y = skd.make_classification(200, 1, n_informative=1, n_redundant=0, n_clusters_per_class=1,
                                   flip_y=0.2, random_state=5)
    X = as_float32(X)
    assert F.DecisionTreeClassifier().fit(X, y).tree_.node_count == \
        sktree.DecisionTreeClassifier(random_state=0).fit(X, y).tree_.node_count
    assert T.Node(1.0).node_count == 1


# ------------------------------------------------------------------ the two split searches agree
@st.composite
def split_problems(draw):
    """Small data with many ties: few distinct values per feature, few classes, integer weights."""
    n = draw(st.integers(2, 14))
    k = draw(st.integers(1, 4))
    X = np.array(draw(st.lists(st.lists(st.integers(0, 3), min_size=k, max_size=k), min_size=n, max_size=n)),
                 dtype=float) / 2
    criterion = draw(st.sampled_from(T.CRITERIA))
    if criterion == "squared_error":
        y = np.array(draw(st.lists(st.integers(-2, 2), min_size=n, max_size=n)), dtype=float)
    else:
        y = np.array(draw(st.lists(st.sampled_from("abc"), min_size=n, max_size=n)))
    weight = np.array(draw(st.lists(st.integers(1, 3), min_size=n, max_size=n)), dtype=float)
    features = draw(st.one_of(st.none(), st.lists(st.integers(0, k - 1), min_size=1, max_size=k, unique=True)
                              .map(sorted)))
    return X, y, criterion, draw(st.integers(1, 3)), weight, features


@settings(max_examples=300, deadline=None)
@given(split_problems())
def test_the_fast_search_finds_the_readable_searchs_split(problem):
    X, y, criterion, min_samples_leaf, weight, features = problem
    readable = T.best_split(X, y, criterion, min_samples_leaf, sample_weight=weight, features=features)
    fast = best_split_fast(X, y, criterion, min_samples_leaf, sample_weight=weight, features=features)
    assert readable == fast


def test_the_two_searches_break_ties_alike():
    """Every feature and every cut tie: both keep the first feature and the lowest threshold."""
    X = np.array([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0], [4.0, 4.0]])
    y = ["a", "b", "a", "b"]
    assert T.best_split(X, y) == best_split_fast(X, y) == (0, 1.5, T.best_split(X[:, :1], y)[2])
    assert T.best_split(X, y, features=[1]) == best_split_fast(X, y, features=[1])


def test_the_splitters_grow_the_same_forest():
    X, y = CLASSIFICATION["moons"]()
    best = F.RandomForestClassifier(10, random_state=1).fit(X, y)
    fast = F.RandomForestClassifier(10, random_state=1, splitter="fast").fit(X, y)
    assert all(a.tree_ == b.tree_ for a, b in zip(best.estimators_, fast.estimators_))


def test_max_samples_is_validated_and_rounded_as_in_sklearn():
    X, y = skd.make_classification(10, 3, n_informative=2, n_redundant=0, random_state=0)
    forest = F.RandomForestClassifier(3, max_samples=0.25, random_state=0).fit(X, y)  # 2.5 rounds to 2
    assert [int(t.tree_.weight) for t in forest.estimators_] == [2, 2, 2]
    forest = F.RandomForestClassifier(3, max_samples=0.35, random_state=0).fit(X, y)  # 3.5 rounds to 4
    assert [int(t.tree_.weight) for t in forest.estimators_] == [4, 4, 4]
    assert [int(t.tree_.weight) for t in F.RandomForestClassifier(2, max_samples=10).fit(X, y).estimators_] == [10, 10]
    for bad, message in [(11, "max_samples must be <= 10"), (0, "max_samples must be >= 1"),
                         (-3, "max_samples must be >= 1"), (1.5, "max_samples must be <= 1"),
                         (0.0, "max_samples must be > 0")]:
        with pytest.raises(ValueError, match=message):
            F.RandomForestClassifier(2, max_samples=bad).fit(X, y)


def test_day4_reaches_the_estimators_through_trees():
    assert T.RandomForestClassifier is F.RandomForestClassifier
    assert T.DecisionTreeRegressor is F.DecisionTreeRegressor
    assert T.permutation_importance is I.permutation_importance
    with pytest.raises(AttributeError, match="no attribute 'Forest'"):
        T.Forest


def test_a_node_by_hand():
    leaf_a, leaf_b = T.Node(np.array([1.0, 0.0]), n_samples=2), T.Node(np.array([0.0, 1.0]), n_samples=2)
    root = T.Node(np.array([0.5, 0.5]), feature=0, threshold=2.5, left=leaf_a, right=leaf_b, n_samples=4)
    assert root == T.grow_tree([[1.0], [2.0], [3.0], [4.0]], ["a", "a", "b", "b"])
    assert leaf_a.is_leaf and not root.is_leaf


def test_unlimited_tree_fits_training_data_exactly():
    X, y = CLASSIFICATION["moons"]()
    X = quantised(X, 250)
    model = F.DecisionTreeClassifier().fit(X, y)
    exact = sktree.DecisionTreeClassifier(random_state=0).fit(X, y)
    assert model.score(X, y) == exact.score(X, y) > 0.99 and model.get_depth() > 4


def test_oob_score_is_close_to_a_held_out_score():
    X, y = skd.make_classification(1500, 8, n_informative=5, random_state=1)
    Xtr, Xte, ytr, yte = split(X, y)
    forest = F.RandomForestClassifier(100, oob_score=True, random_state=0).fit(Xtr, ytr)
    assert abs(forest.oob_score_ - forest.score(Xte, yte)) < 0.03
    Xr, yr = REGRESSION["friedman1"]()
    Xtr, Xte, ytr, yte = split(Xr, yr)
    reg = F.RandomForestRegressor(100, oob_score=True, random_state=0).fit(Xtr, ytr)
    assert abs(reg.oob_score_ - reg.score(Xte, yte)) < 0.05


def test_importances_sum_to_one_and_find_the_informative_features():
    X, y = skd.make_classification(800, 6, n_informative=2, n_redundant=0, shuffle=False, random_state=0)
    forest = F.RandomForestClassifier(50, random_state=0).fit(X, y)
    assert forest.feature_importances_.sum() == pytest.approx(1.0)
    assert set(np.argsort(forest.feature_importances_)[-2:]) == {0, 1}
    single = F.DecisionTreeClassifier(max_depth=3).fit(X, y)
    assert single.feature_importances_.sum() == pytest.approx(1.0)
    mean, std = I.permutation_importance(forest, X, y, n_repeats=3, rng=0)
    assert set(np.argsort(mean)[-2:]) == {0, 1} and np.all(std >= 0)


def test_importances_match_sklearn_for_a_shallow_tree():
    X, y = skd.load_wine(return_X_y=True)
    X = quantised(X)
    ours = F.DecisionTreeClassifier(max_depth=2).fit(X, y).feature_importances_
    theirs = sktree.DecisionTreeClassifier(max_depth=2, random_state=0).fit(X, y).feature_importances_
    np.testing.assert_allclose(ours, theirs, atol=1e-12)


def test_same_random_state_same_forest():
    X, y = CLASSIFICATION["moons"]()
    a = F.RandomForestClassifier(20, random_state=3).fit(X, y).predict_proba(X)
    b = F.RandomForestClassifier(20, random_state=3).fit(X, y).predict_proba(X)
    c = F.RandomForestClassifier(20, random_state=4).fit(X, y).predict_proba(X)
    assert np.array_equal(a, b) and not np.array_equal(a, c)


def test_labels_of_any_type_and_probabilities():
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    model = F.DecisionTreeClassifier().fit(X, ["dog", "dog", "cat", "cat"])
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
    text = I.export_text(F.DecisionTreeRegressor(max_depth=1).fit(X, [1.0, 1.0, 3.0, 3.0]), ["depth"])
    assert text == "|--- depth <= 2.50\n|   |--- value: 1.00\n|--- depth >  2.50\n|   |--- value: 3.00"


def test_hyper_parameters_limit_the_tree():
    X, y = CLASSIFICATION["make_classification"]()
    assert F.DecisionTreeClassifier(max_depth=3).fit(X, y).get_depth() == 3
    leafy = F.DecisionTreeClassifier(min_samples_leaf=40).fit(X, y)
    assert min(node.n_samples for node in T.nodes(leafy.tree_) if node.is_leaf) >= 40
    assert F.DecisionTreeClassifier(min_samples_split=len(X) + 1).fit(X, y).get_n_leaves() == 1


BAD = [
    (lambda: F.DecisionTreeClassifier().fit(np.ones(5), np.ones(5)), ValueError, "X must be a 2-D array"),
    (lambda: F.DecisionTreeClassifier().fit(np.ones((5, 2)), np.ones(4)), ValueError, "X has 5, y has 4"),
    (lambda: F.DecisionTreeClassifier().fit([[np.nan, 1.0]], [0]), ValueError, "X contains 1 NaN"),
    (lambda: F.DecisionTreeClassifier(criterion="gain").fit([[1.0]], [0]), ValueError, "criterion must be one of"),
    (lambda: F.DecisionTreeClassifier(max_depth=0).fit([[1.0]], [0]), ValueError, "max_depth must be >= 1"),
    (lambda: F.DecisionTreeClassifier(min_samples_leaf=0).fit([[1.0]], [0]), ValueError, "min_samples_leaf must be >= 1"),
    (lambda: F.DecisionTreeClassifier(min_samples_split=1).fit([[1.0]], [0]), ValueError, "min_samples_split must be >= 2"),
    (lambda: F.DecisionTreeClassifier(max_features="half").fit([[1.0]], [0]), ValueError, "max_features must be one of"),
    (lambda: F.DecisionTreeClassifier(max_features=5).fit([[1.0, 2.0]], [0]), ValueError, "max_features must be <= 2"),
    (lambda: F.DecisionTreeClassifier().predict([[1.0]]), RuntimeError, "not fitted yet"),
    (lambda: F.RandomForestClassifier(2).fit(np.ones((4, 10)), [0, 1, 0, 1]).predict(np.ones((2, 9))),
     ValueError, "expects X with 10 features, got array of shape"),
    (lambda: F.RandomForestClassifier(0).fit([[1.0]], [0]), ValueError, "n_estimators must be >= 1"),
    (lambda: F.RandomForestClassifier(2, bootstrap=False, oob_score=True).fit([[1.0]], [0]), ValueError,
     "needs bootstrap=True"),
    (lambda: F.DecisionTreeRegressor().fit([[1.0]], [["a"]]), TypeError, "y must contain numbers"),
    (lambda: I.export_text(F.DecisionTreeClassifier()), RuntimeError, "fitted decision tree"),
    (lambda: T.split_scores([1, 2], [0, 1], criterion="mse"), ValueError, "criterion must be one of"),
    (lambda: F.RandomForestClassifier(2, random_state="seed").fit([[1.0]], [0]), TypeError,
     "random_state must be a numpy.random.Generator"),
    (lambda: F.DecisionTreeRegressor(random_state=1.5).fit([[1.0]], [0.0]), TypeError, "random_state=42"),
    (lambda: T.best_split([[1.0]], [0], criterion="mse"), ValueError, "criterion must be one of"),
    (lambda: T.grow_tree([[1.0], [2.0]], [0]), ValueError, "X has 2, y has 1"),
    (lambda: T.predict_proba_tree(T.grow_tree([[1.0]], [0.0], "squared_error"), [[1.0]]), ValueError,
     "needs a classification tree"),
    (lambda: F.DecisionTreeClassifier(splitter="random").fit([[1.0]], [0]), ValueError, "splitter must be one of"),
]


@pytest.mark.parametrize("call, error, match", BAD, ids=[f"bad{i}" for i in range(len(BAD))])
def test_bad_inputs_raise_clear_errors(call, error, match):
    with pytest.raises(error, match=match):
        call()
