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
    # true for the catalogue's columns whatever their permutation importance (stations can be below zero)
    for real in ["long", "mag", "stations"]:
        message = check.overrated_feature(real, NAMES, IMPURITY, PERMUTATION).message
        assert "catalogue's own columns" in message and "above zero" not in message
    assert "not one of" in check.overrated_feature("depth", NAMES, IMPURITY, PERMUTATION).message


def test_gmpe_prediction():
    coef = ground_motion.JB1981
    pga = float(ground_motion.predict_pga(coef, 6.5, 20.0))
    assert check.gmpe_prediction(pga, coef, 6.5, 20.0)
    assert "raise 10" in check.gmpe_prediction(np.log10(pga), coef, 6.5, 20.0).hint
    assert "m/s²" in check.gmpe_prediction(pga * 9.81, coef, 6.5, 20.0).hint
    fitted = ground_motion.GMPE(-1.017, 0.2493, -0.002553, 7.30)
    right = float(ground_motion.predict_pga(fitted, 6.5, 20.0))
    # the paper's printed coefficients agree with this fit to three digits here: accepted, and said so
    assert "printed in the paper" in check.gmpe_prediction(pga, fitted, 6.5, 20.0).message
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
    # judged at two digits, the digits the prompt asks: 0.25 is the grouped 0.254, not the random 0.263
    assert check.honest_score(0.25, grouped_score=0.254, random_score=0.263)
    assert "same earthquake" in check.honest_score(0.26, 0.254, 0.263).message
    assert "three digits" in check.honest_score(0.25, 0.251, 0.249).message
    assert check.honest_score(0.251, 0.251, 0.249)
    # one number in a list or array is one number (1.1 accepts it too)
    assert check.honest_score([0.254], grouped_score=0.254, random_score=0.263)
    assert check.honest_score(np.array([0.254]), grouped_score=0.254, random_score=0.263)
    assert "one number" in check.honest_score([0.254, 0.263], 0.254, 0.263).message


def test_best_split_on_a_value_names_the_same_cut():
    reset_attempts()
    feedback = check.best_split_function(F._split_at_values, seed=3)
    assert not feedback and "same samples on each side" in feedback.message and "halfway" in feedback.message
    assert "does not give this score" not in feedback.message


def test_bag_rmse_slip_says_the_predictions_are_right():
    reset_attempts()
    feedback = check.bagging_oob_function(F._bag_nan_as_zero_residual)
    assert not feedback and "predictions are right" in feedback.message


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
        feature, threshold, score = check.functions._lowest(X, y)
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
    # the references the checks use, which call none of the functions a check refuses as shortcuts
    rng = np.random.default_rng(0)
    for _ in range(20):
        Xr, yr = rng.integers(0, 5, (15, 3)).astype(float), rng.integers(0, 3, 15)
        assert check.functions._best_split_with_ties(Xr, yr)[2] == pytest.approx(trees.best_split(Xr, yr)[2])
        assert tuple(trees.best_split(Xr, yr)[:2]) in check.functions._best_split_with_ties(Xr, yr).ties
        tree = trees.grow_tree(Xr, yr.astype(float), "squared_error", max_depth=3)
        assert np.allclose(check.functions._predict_walk(tree, Xr), trees.predict_tree(tree, Xr))
    tree = trees.grow_tree(X, [0.0, 0.0, 1.0, 1.0], "squared_error")
    assert check.tree_depth(tree) == 1
    assert not check.predict_tree_function(lambda node, X: trees.predict_tree(node, X))  # a shortcut
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


# ---- every slip of SLIPS gets a hint that names it -------------------------------------------------
F = check.functions
FITTED = ground_motion.GMPE(-1.017, 0.2493, -0.002553, 7.30)   # a two-stage fit's coefficients
OTHER = ground_motion.GMPE(-1.229, 0.277, -0.00231, 6.64)      # a random-effects fit's


def _pga(coef=FITTED, r_of=lambda d, h: np.hypot(d, h), log=np.log10):
    r = r_of(20.0, coef.h)
    return 10 ** (coef.a + coef.b * 6.5 - log(r) + coef.c * r)


def _gmpe(answer):
    return check.gmpe_prediction(answer, FITTED, 6.5, 20.0, other_fits={"random-effects fit": OTHER})


def _split_fn(wrong):
    return lambda: check.best_split_function(wrong, seed=1)


def _bag_fn(wrong):
    return lambda: check.bagging_oob_function(wrong, seed=1)


def _swapped_split(X, y):
    feature, threshold, score = F._lowest(X, y)
    return threshold, feature, score


P = np.array([0.75, 0.25])
SLIP_FEEDERS = {
    "the sum of the squared fractions, not 1 minus it": (lambda: check.gini_value(0.625, LABELS), "1 minus"),
    "the entropy instead of the Gini impurity": (lambda: check.gini_value(-np.sum(P * np.log2(P)), LABELS), "entropy"),
    "the fractions not squared": (lambda: check.gini_value(0.0, LABELS), "Square the fractions"),
    "one class's term p(1-p) only (half the Gini for two classes)": (
        lambda: check.gini_value(0.75 * 0.25, LABELS), "one class only"),
    "the threshold with the highest impurity": (lambda: check.best_split(1.5, [1.0, 2.0, 3.0, 4.0], ["a", "a", "b", "b"]),
                                                "HIGHEST"),
    "the weighted sum not divided by n": (_split_fn(F._split_not_divided), "divide the weighted sum"),
    "the two sides averaged without their weights": (_split_fn(F._unweighted_split), "share of the samples"),
    "the split with the highest impurity": (_split_fn(F._worst_split), "HIGHEST"),
    "only the first column searched": (_split_fn(F._first_feature_split), "every column"),
    "thresholds on the values instead of halfway between them": (_split_fn(F._split_at_values), "halfway"),
    "each side weighted by len() of its boolean mask": (_split_fn(F._split_len_of_mask), "len() of a boolean mask"),
    "the threshold returned before the feature": (_split_fn(_swapped_split), "order is (feature, threshold, score)"),
    "a sample on the threshold sent right (< instead of <=)": (lambda: check.predict_tree_function(F._predict_strict),
                                                              "use <=, not <"),
    "left and right swapped": (lambda: check.predict_tree_function(F._predict_swapped), "other way"),
    "the root's value for every row": (lambda: check.predict_tree_function(
        lambda node, X: np.full(len(np.asarray(X)), node.value)), "root's value"),
    "the walk not restarted at the root for each row": (lambda: check.predict_tree_function(F._predict_root_once),
                                                        "start EVERY row"),
    "one step down only (if instead of while)": (lambda: check.predict_tree_function(F._predict_one_step),
                                                 "a `while` loop"),
    "the fraction drawn at least once": (lambda: check.oob_fraction(1 - (1 - 1 / 182) ** 182, 182), "IS drawn"),
    "1/n, one draw": (lambda: check.oob_fraction(1 / 182, 182), "1/n is the chance of one draw"),
    "1/e, the limit for large n": (lambda: check.oob_fraction(np.exp(-1), 182), "1/e"),
    "1 - 1/n, one draw missing the record": (lambda: check.oob_fraction(1 - 1 / 182, 182), "ONE draw misses"),
    "a percentage instead of a fraction": (lambda: check.oob_fraction(36.7, 182), "percentage"),
    "samples drawn anew without replacement (nothing out of the bag)": (_bag_fn(F._bag_without_replacement),
                                                                        "without replacement"),
    "every tree predicting every record, in the bag too": (_bag_fn(F._bag_in_bag_too), "LEFT IT OUT"),
    "each tree fitted on all of X": (_bag_fn(F._bag_fit_on_all), "fitted on all the records"),
    "each tree fitted on np.unique(sample)": (_bag_fn(F._bag_unique_rows), "np.unique(sample) drops the repeated"),
    "sums divided by the number of all trees": (_bag_fn(F._bag_divided_by_all), "number of trees that left it out"),
    "the last tree overwriting the others": (_bag_fn(F._bag_last_tree_wins), "last tree overwrote"),
    "0 instead of NaN for a record never out of the bag": (_bag_fn(F._bag_zero_not_nan), "NaN, not 0"),
    "NaN left in the RMSE": (_bag_fn(F._bag_nan_in_rmse), "RMSE is NaN"),
    "NaN residuals set to 0 in the RMSE (np.nan_to_num)": (_bag_fn(F._bag_nan_as_zero_residual), "np.nan_to_num"),
    "the MSE instead of the RMSE": (_bag_fn(F._bag_mse), "mean squared error"),
    "~ applied to integer indices": (_bag_fn(F._bag_invert_indices), "flips their bits"),
    "the random coin (two values)": (lambda: check.overrated_feature("random_coin", NAMES, IMPURITY, PERMUTATION),
                                     "MANY distinct"),
    "log10 PGA, not PGA": (lambda: _gmpe(np.log10(_pga())), "log10 of the PGA"),
    "R instead of r": (lambda: _gmpe(_pga(r_of=lambda d, h: d)), "not R itself"),
    "R + h instead of r": (lambda: _gmpe(_pga(r_of=lambda d, h: d + h)), "not R + h"),
    "the natural logarithm": (lambda: _gmpe(_pga(log=np.log)), "base-10"),
    "PGA in m/s²": (lambda: _gmpe(_pga() * 9.81), "m/s²"),
    "PGA in cm/s²": (lambda: _gmpe(_pga() * 981), "cm/s²"),
    "the random-effects coefficients": (lambda: _gmpe(_pga(OTHER)), "random-effects fit"),
    "the random split's score": (lambda: check.honest_score(0.24, 0.28, 0.24), "Report the score of the split grouped"),
    "the row's name instead of its number": (lambda: check.honest_score("random 5-fold", 0.28, 0.24), "row names"),
}


def test_every_slip_has_a_feeder():
    assert sorted(d for _, d in check.SLIPS) == sorted(SLIP_FEEDERS)


@pytest.mark.parametrize("exercise, slip", check.SLIPS, ids=[d for _, d in check.SLIPS])
def test_each_slip_gets_a_hint_that_names_it(exercise, slip):
    reset_attempts()
    feed, phrase = SLIP_FEEDERS[slip]
    feedback = feed()
    assert feedback.status == "incorrect"
    hint = feedback.hint if isinstance(feedback.hint, str) else " ".join(feedback.hint)
    assert phrase in hint, f"{exercise} {slip}: {feedback.message} | {hint}"


# ---- 1.3: right answers in other forms, loose answers, shortcuts -----------------------------------

def test_best_split_accepts_float32_and_a_rounded_score():
    def in_float32(X, y):
        feature, threshold, score = student_best_split(np.asarray(X, np.float32), y)
        return feature, np.float32(threshold), np.float32(score)

    def as_python_floats_from_float32(X, y):
        feature, threshold, score = in_float32(X, y)
        return feature, float(threshold), float(score)

    def rounded(X, y):
        feature, threshold, score = student_best_split(X, y)
        return feature, threshold, round(float(score), 3)

    for function in [in_float32, as_python_floats_from_float32, rounded]:
        assert check.best_split_function(function, seed=3), function.__name__


def test_best_split_rejects_a_search_that_keeps_near_ties():
    def loose(X, y):  # keeps an earlier split unless a later one is better by more than 0.005
        X, y = np.asarray(X, float), np.asarray(y)
        best = (None, None, np.inf)
        for feature, threshold, score in F._splits(X, y):
            if score < best[2] - 0.005:
                best = (feature, threshold, score)
        return best

    reset_attempts()
    feedback = check.best_split_function(loose, seed=3)
    assert not feedback and "lowest weighted Gini" in feedback.message
    assert "every column" not in feedback.hint  # no typical mistake's answer matches it by chance


def test_best_split_accepts_either_column_of_a_tie():
    def last_of_ties(X, y):
        return max((s for s in F._splits(X, y) if abs(s[2] - F._lowest(X, y)[2]) < 1e-12), key=lambda s: s[0])

    assert check.best_split_function(last_of_ties, seed=3)


def test_shortcuts_are_refused_and_no_hint_names_them():
    from mlcourse import _fast_split

    def calls_the_course(X, y):
        return trees.best_split(X, y)

    def calls_the_fast_one(X, y):
        return _fast_split.best_split_fast(X, y)

    for function in [calls_the_course, calls_the_fast_one]:
        reset_attempts()
        assert "course's own answer" in check.best_split_function(function).message
    reset_attempts()
    assert not check.predict_tree_function(lambda node, X: trees.predict_tree(node, X))
    reset_attempts()
    def calls_the_checks_reference(X, y, samples, fit_predict):
        return check.bag_with_oob(X, y, samples, fit_predict)

    feedback = check.bagging_oob_function(calls_the_checks_reference)
    assert not feedback and "`check.bag_with_oob`" in feedback.message  # as the notebook spells it
    # neither step of the ladder names a function that solves the exercise, or the solution's mask
    for check_fn, wrong in [(check.best_split_function, lambda X, y: (0, 0.0, 0.0)),
                            (check.predict_tree_function, lambda node, X: np.zeros(len(X))),
                            (check.bagging_oob_function, lambda X, y, s, f: (np.zeros(len(y)), 0.0))]:
        reset_attempts()
        hints = check_fn(wrong).hint + " " + check_fn(wrong).hint
        for name in ["best_split", "split_scores", "predict_tree", "leaf_values", "bag_with_oob", "np.isin"]:
            assert name not in hints
    source = F.__loader__.get_source(F.__name__)
    assert "np.isin(np.arange" not in source


# ---- number exercises at the digits asked ----------------------------------------------------------

def test_values_are_judged_at_the_digits_asked():
    assert check.gini_value(0.469, LABELS[:0] + ["blast"] * 5 + ["quake"] * 3)
    assert check.oob_fraction(0.367, 182)
    assert check.oob_fraction(np.float32((1 - 1 / 182) ** 182), 182)
    right = float(ground_motion.predict_pga(FITTED, 6.5, 20.0))
    assert check.gmpe_prediction(round(right, 3), FITTED, 6.5, 20.0)
    assert check.gmpe_prediction(np.float32(right), FITTED, 6.5, 20.0)


def test_gmpe_accepts_the_papers_coefficients_at_three_digits():
    from mlcourse import datasets
    motion = datasets.load_strong_motion()
    gmpe = ground_motion.fit_two_stage(motion.mag.to_numpy(), motion.dist.to_numpy(), motion.accel.to_numpy(),
                                       motion.event.to_numpy()).coef
    feedback = check.gmpe_prediction(0.164, gmpe, 6.5, 20.0)
    assert feedback and "printed in the paper" in feedback.message
    assert check.gmpe_prediction(0.166, gmpe, 6.5, 20.0)
    reset_attempts()
    assert "cm/s²" in check.gmpe_prediction(0.1644 * 981, gmpe, 6.5, 20.0).hint
