"""Day 4 checks and widgets: right answers pass, typical mistakes get their hints."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from mlcourse import ground_motion, trees
from mlcourse.exercises import day4 as check
from mlcourse.widgets import day4 as demos

LABELS = ["blast"] * 3 + ["quake"] * 1


def test_gini_value():
    assert check.gini_value(1 - 0.75 ** 2 - 0.25 ** 2, LABELS)
    assert "1 minus" in check.gini_value(0.75 ** 2 + 0.25 ** 2, LABELS).hint
    assert "entropy" in check.gini_value(-(0.75 * np.log2(0.75) + 0.25 * np.log2(0.25)), LABELS).hint
    assert check.gini_value(..., LABELS).status == "unanswered"


def test_best_split():
    x, y = [1.0, 2.0, 3.0, 4.0], ["a", "a", "b", "b"]
    assert check.best_split(2.5, x, y)
    assert "HIGHEST" in check.best_split(1.5, x, y).hint


def test_best_split_accepts_a_threshold_that_makes_the_same_cut():
    # the figure of section 1 draws 9.0: the same cut as the midpoint 6.75
    feedback = check.best_split(9.0, HOUR, KIND)
    assert feedback and "same cut as 6.75" in feedback.message
    assert not check.best_split(10.0, HOUR, KIND)


def test_number_checks_give_two_graded_hints():
    from mlcourse.exercises import reset_attempts
    for call in [lambda: check.gini_value(0.9, LABELS), lambda: check.best_split(20.5, HOUR, KIND),
                 lambda: check.oob_fraction(0.2, 182),
                 lambda: check.gmpe_prediction(0.5, ground_motion.JB1981, 6.5, 20.0),
                 lambda: check.honest_score(0.5, 0.28, 0.24),
                 lambda: check.overrated_feature("lat", NAMES, IMPURITY, PERMUTATION)]:
        reset_attempts()
        first, second = call().hint, call().hint
        assert first and second and first != second and second != SOLUTION_POINTER


def test_oob_fraction():
    assert check.oob_fraction((1 - 1 / 182) ** 182, 182)
    assert check.oob_fraction(0.367, 182)
    assert "IS drawn" in check.oob_fraction(1 - (1 - 1 / 182) ** 182, 182).hint
    assert "1/e" in check.oob_fraction(np.exp(-1), 182).hint


NAMES = ["lat", "long", "mag", "stations", "random_number", "random_coin"]
IMPURITY = [0.3, 0.5, 0.05, 0.05, 0.05, 0.01]
PERMUTATION = [0.02, 0.2, 0.0, -0.003, 0.0, 0.0]


def test_overrated_feature():
    assert check.overrated_feature("random_number", NAMES, IMPURITY, PERMUTATION)
    assert "MANY distinct" in check.overrated_feature("random_coin", NAMES, IMPURITY, PERMUTATION).hint
    assert "real information" in check.overrated_feature("long", NAMES, IMPURITY, PERMUTATION).message
    assert "not one of" in check.overrated_feature("depth", NAMES, IMPURITY, PERMUTATION).message


def test_gmpe_prediction():
    coef = ground_motion.JB1981
    pga = float(ground_motion.predict_pga(coef, 6.5, 20.0))
    assert check.gmpe_prediction(pga, coef, 6.5, 20.0)
    assert "raise 10" in check.gmpe_prediction(np.log10(pga), coef, 6.5, 20.0).hint
    assert "m/s²" in check.gmpe_prediction(pga * 9.81, coef, 6.5, 20.0).hint
    fitted = ground_motion.GMPE(-1.017, 0.2493, -0.002553, 7.30)
    right = float(ground_motion.predict_pga(fitted, 6.5, 20.0))
    assert "printed in the paper" in check.gmpe_prediction(pga, fitted, 6.5, 20.0).hint
    r = np.hypot(20.0, fitted.h)
    natural = 10 ** (fitted.a + fitted.b * 6.5 - np.log(r) + fitted.c * r)
    assert "base-10" in check.gmpe_prediction(natural, fitted, 6.5, 20.0).hint
    r_plus = 20.0 + fitted.h
    plus = 10 ** (fitted.a + fitted.b * 6.5 - np.log10(r_plus) + fitted.c * r_plus)
    assert "not R + h" in check.gmpe_prediction(plus, fitted, 6.5, 20.0).hint
    other = ground_motion.GMPE(-1.229, 0.277, -0.00231, 6.64)
    wrong = float(ground_motion.predict_pga(other, 6.5, 20.0))
    assert "random effects" in check.gmpe_prediction(wrong, fitted, 6.5, 20.0,
                                                     other_fits={"random effects fit": other}).hint
    assert check.gmpe_prediction(right, fitted, 6.5, 20.0)


def test_honest_score():
    assert check.honest_score(0.28, grouped_score=0.28, random_score=0.24)
    assert "same earthquake" in check.honest_score(0.24, 0.28, 0.24).message
    assert check.honest_score(0.26, grouped_score=0.258, random_score=0.243)
    assert "split_table[...]" in check.honest_score("leave one earthquake out", 0.258, 0.243).message


def test_split_plot_and_widget():
    ax = demos.plot_split([1.0, 2.0, 3.0, 4.0], ["a", "a", "b", "b"], threshold=2.5)
    assert "Gini 0.00 | right: 2 samples, Gini 0.00 | weighted 0.000" in ax.get_title()
    widget = demos.split_widget([1.0, 2.0, 3.0, 4.0], ["a", "a", "b", "b"])
    slider, image = widget.children
    before = image.value
    slider.value = 1.5
    assert image.value != before
    plt.close("all")


# ---- ties, function exercises, robustness ---------------------------------------------------------
from mlcourse.exercises import SOLUTION_POINTER, reset_attempts  # noqa: E402
from wrong_answers import assert_checks_never_crash  # noqa: E402

HOUR = [2.5, 4.0, 9.5, 10.5, 11.0, 12.5, 13.0, 14.5, 19.0, 23.0]
KIND = ["quake", "quake", "blast", "blast", "quake", "blast", "blast", "blast", "quake", "quake"]


def test_best_split_accepts_both_tied_thresholds():
    assert check.best_split(6.75, HOUR, KIND) and check.best_split(16.75, HOUR, KIND)
    assert "tie" in check.best_split(16.75, HOUR, KIND).message
    assert not check.best_split(10.0, HOUR, KIND)


def student_best_split(X, y):
    X, y = np.asarray(X, float), np.asarray(y)
    best = (None, None, np.inf)
    for j in range(X.shape[1]):
        values = np.unique(X[:, j])
        for t in (values[:-1] + values[1:]) / 2:
            left = X[:, j] <= t
            score = (left.sum() * trees.gini(y[left]) + (~left).sum() * trees.gini(y[~left])) / len(y)
            if score <= best[2]:  # keeps the LAST of tied splits: must be accepted too
                best = (j, t, score)
    return best


def student_predict_tree(node, X):
    out = []
    for x in np.asarray(X, float):
        here = node
        while here.feature is not None:
            here = here.left if x[here.feature] <= here.threshold else here.right
        out.append(here.value)
    return np.array(out)


def student_bag_with_oob(X, y, samples, fit_predict):
    X, y = np.asarray(X, float), np.asarray(y, float)
    total, count = np.zeros(len(y)), np.zeros(len(y))
    for sample in samples:
        out = ~np.isin(np.arange(len(y)), sample)
        if out.any():
            total[out] += fit_predict(X[sample], y[sample], X[out])
            count[out] += 1
    with np.errstate(invalid="ignore", divide="ignore"):
        oob = np.where(count > 0, total / count, np.nan)
    seen = count > 0
    return oob, np.sqrt(np.mean((y[seen] - oob[seen]) ** 2))


def test_function_exercises_accept_a_students_own_right_version():
    assert check.best_split_function(student_best_split)
    assert check.predict_tree_function(student_predict_tree)
    assert check.bagging_oob_function(student_bag_with_oob)


def test_function_exercises_give_the_mistake_hints():
    def unweighted(X, y):
        return check.functions._unweighted_split(X, y)

    assert "share of the samples" in check.best_split_function(unweighted).hint
    assert "HIGHEST" in check.best_split_function(check.functions._worst_split).hint
    assert "every column" in check.best_split_function(check.functions._first_feature_split).hint
    assert "halfway" in check.best_split_function(check.functions._split_at_values).hint
    assert "<=" in check.predict_tree_function(check.functions._predict_strict).hint
    assert "other way" in check.predict_tree_function(check.functions._predict_swapped).hint
    assert "LEFT IT OUT" in check.bagging_oob_function(check.functions._bag_in_bag_too).hint
    assert "number of trees that left it out" in check.bagging_oob_function(check.functions._bag_divided_by_all).hint
    assert "negative indices" in check.bagging_oob_function(check.functions._bag_invert_indices).hint
    assert "left.sum()" in check.best_split_function(check.functions._split_len_of_mask).hint
    assert "start EVERY row" in check.predict_tree_function(check.functions._predict_root_once).hint

    def swapped(X, y):
        feature, threshold, score = trees.best_split(X, y, "gini")
        return threshold, feature, score

    assert "order is (feature, threshold, score)" in check.best_split_function(swapped).message


def test_function_exercises_blank_then_hints_in_steps():
    def best_split(X, y):
        ...

    assert check.best_split_function(best_split).status == "unanswered"
    reset_attempts()

    def always_zero(X, y):
        return (0, 0.0, 0.0)

    hints = [check.best_split_function(always_zero).hint for _ in range(3)]
    assert hints[0] != hints[1] and hints[2] == SOLUTION_POINTER


def test_references_are_the_readable_tree_of_mlcourse_trees():
    X = np.array([[1.0, 0.0], [2.0, 0.0], [3.0, 1.0], [4.0, 1.0]])
    assert check.functions._best_split(X, ["a", "a", "b", "b"]) == trees.best_split(X, ["a", "a", "b", "b"])
    tree = trees.grow_tree(X, [0.0, 0.0, 1.0, 1.0], "squared_error")
    assert check.tree_depth(tree) == 1
    assert check.predict_tree_function(lambda node, X: trees.predict_tree(node, X))
    # every split the tie list holds has the best score
    found = check.functions._best_split_with_ties(np.c_[[2.5, 4.0, 9.5, 10.5, 11.0, 12.5, 13.0, 14.5, 19.0, 23.0]],
                                        KIND)
    assert sorted(t for _, t in found.ties) == [6.75, 16.75]


def test_oob_reference_against_the_forest_idea():
    """Out-of-bag predictions with the mean learner: each record gets the mean of the samples that left it out."""
    X, y = np.zeros((3, 1)), np.array([1.0, 2.0, 4.0])
    oob, rmse = check.bag_with_oob(X, y, [np.array([0, 0, 1])], check.functions._mean_fit_predict)
    assert np.isnan(oob[:2]).all() and oob[2] == pytest.approx(4 / 3) and rmse == pytest.approx(4 - 4 / 3)


VALID_CALLS = {
    "gini_value": ({"answer": 0.375}, {"labels": LABELS}),
    "best_split": ({"answer": 6.75}, {"x": HOUR, "y": KIND}),
    "oob_fraction": ({"answer": (1 - 1 / 182) ** 182}, {"n_samples": 182}),
    "overrated_feature": ({"answer": "random_number"},
                          {"names": NAMES, "impurity": IMPURITY, "permutation": PERMUTATION}),
    "gmpe_prediction": ({"answer": float(ground_motion.predict_pga(ground_motion.JB1981, 6.5, 20.0))},
                        {"coef": ground_motion.JB1981, "magnitude": 6.5, "distance_km": 20.0}),
    "honest_score": ({"answer": 0.28}, {"grouped_score": 0.28, "random_score": 0.24}),
    "best_split_function": ({"function": student_best_split}, {}),
    "predict_tree_function": ({"function": student_predict_tree}, {}),
    "bagging_oob_function": ({"function": student_bag_with_oob}, {}),
}


def test_checks_never_crash_whatever_the_student_types():
    assert_checks_never_crash(check, VALID_CALLS)
