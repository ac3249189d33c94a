"""Day 3 checks: right answers pass, typical mistakes get their hints, nothing a student types crashes them."""

import functools

import numpy as np
import pytest
from sklearn.impute import SimpleImputer
from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict
from sklearn.neighbors import KNeighborsRegressor
from sklearn.pipeline import Pipeline

from mlcourse.exercises import day3 as check
from mlcourse.exercises import reset_attempts
from wrong_answers import assert_checks_never_crash


@pytest.fixture(autouse=True)
def fresh_hints():
    reset_attempts()


# ---- right answers, written as a student would ------------------------------------------------

def cv_rmse_scaled(X, y, folds, make_model):
    errors = []
    for train, test in folds:
        mean, std = X[train].mean(axis=0), X[train].std(axis=0)
        model = make_model().fit((X[train] - mean) / std, y[train])
        errors.append(np.sqrt(np.mean((y[test] - model.predict((X[test] - mean) / std)) ** 2)))
    return np.array(errors)


def block_ids(lat, lon, size_deg):
    row = np.floor(np.asarray(lat) / size_deg).astype(int)
    return row * 100_000 + np.floor(np.asarray(lon) / size_deg).astype(int)


def block_ids_as_strings_of_pairs(lat, lon, size_deg):
    # another numbering (first-seen order of the cell pairs) is just as right
    cells = list(zip(np.floor(np.asarray(lat) / size_deg), np.floor(np.asarray(lon) / size_deg)))
    order = {}
    return np.array([order.setdefault(c, len(order)) for c in cells])


def grouped_probabilities(model, X, y, groups, seed):
    pipeline = Pipeline([("impute", SimpleImputer(strategy="median")), ("model", model)])
    folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    return cross_val_predict(pipeline, X, y, groups=groups, cv=folds, method="predict_proba")[:, 1]


# ---- number exercises ---------------------------------------------------------------------------

def test_best_capacity():
    errors = {1: 0.35, 2: 0.29, 3: 0.36, 4: 0.90}
    assert check.best_capacity(2, errors)
    assert check.best_capacity(np.int64(2), errors)
    assert "TRAINING" in check.best_capacity(4, errors).message
    assert "grouped split" in check.best_capacity(3, errors).hint
    assert check.best_capacity(..., errors).status == "unanswered"
    assert "not one of the degrees" in check.best_capacity(7, errors).message


def test_majority_accuracy():
    labels = ["quake"] * 98 + ["blast"] * 2
    assert check.majority_accuracy(0.98, labels)
    assert "percentage" in check.majority_accuracy(98, labels).hint
    assert "rare class" in check.majority_accuracy(0.02, labels).hint


def test_leaked_events():
    events = np.array([1, 1, 2, 2, 3, 4])
    train, test = np.array([0, 2, 4]), np.array([1, 3, 5])
    assert check.leaked_events(2, events, train, test)
    assert "ALSO" in check.leaked_events(3, events, train, test).hint


def test_local_hour():
    utc, lon = np.array([20.0, 1.0]), np.array([-120.0, -120.0])
    assert check.local_hour([12.0, 17.0], utc, lon)
    assert "ADD" in check.local_hour((utc + 8) % 24, utc, lon).hint
    assert "modulo" in check.local_hour(utc - 8, utc, lon).hint
    assert "still UTC" in check.local_hour(utc, utc, lon).hint


def test_cost_threshold():
    assert check.cost_threshold(1 / 11, cost_missed=10, cost_false_alarm=1)
    assert "swapped" in check.cost_threshold(10 / 11, 10, 1).hint
    assert "(1 - p)" in check.cost_threshold(0.1, 10, 1).hint
    assert "same" in check.cost_threshold(0.5, 10, 1).hint
    assert check.cost_threshold(0.5, cost_missed=1, cost_false_alarm=1)


def test_hints_come_in_steps_then_point_to_the_solution():
    first = check.majority_accuracy(0.5, [0, 0, 0, 1]).hint
    second = check.majority_accuracy(0.5, [0, 0, 0, 1]).hint
    third = check.majority_accuracy(0.5, [0, 0, 0, 1]).hint
    assert first != second and "solution" in third


def test_deployable_features():
    available = ["depth_km", "depth_unfixed", "mag", "hour_local", "gap", "rms", "status", "reviewed", "latitude",
                 "longitude", "nst", "net", "mag_type", "dmin"]
    assert check.deployable_features(["depth_unfixed", "mag", "hour_local"], available)
    assert "network" in check.deployable_features(["depth_unfixed", "mag", "gap"], available).hint
    assert check.deployable_features(["depth_unfixed", "mag", "rms"], available).status == "incorrect"
    fb = check.deployable_features(["depth_km", "mag", "hour_local"], available)
    assert fb.status == "incorrect" and "fixed and rounded depths" in fb.message
    assert "network" in check.deployable_features(["depth_unfixed", "mag", "dmin"], available).message
    assert "labelling" in check.deployable_features(["mag", "status"], available).message
    assert "location" in check.deployable_features(["mag", "latitude"], available).message
    assert "network" in check.deployable_features(["mag", "nst"], available).message
    assert "network" in check.deployable_features(["mag", "mag_type"], available).message
    assert "not columns" in check.deployable_features(["mag", "colour"], available).message
    assert check.deployable_features(["mag"], available).status == "incorrect"
    assert check.deployable_features(..., available).status == "unanswered"


# ---- function exercises -------------------------------------------------------------------------

def test_scaled_cv_function_accepts_the_loop_and_names_the_leak():
    assert check.scaled_cv_function(cv_rmse_scaled, seed=0)
    assert check.scaled_cv_function(check.reference_scaled_cv, seed=1)
    assert "ALL rows" in check.scaled_cv_function(check.functions._scaled_on_everything, seed=0).hint
    assert "own mean" in check.scaled_cv_function(check.functions._test_scaled_by_itself, seed=0).hint
    assert "not standardised" in check.scaled_cv_function(check.functions._unscaled, seed=0).hint


def test_scaled_cv_reference_differs_from_the_leak_on_real_folds():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(60, 2)) * [1.0, 50.0]
    y = X[:, 0] + rng.normal(size=60)
    folds = [(np.arange(30), np.arange(30, 60)), (np.arange(30, 60), np.arange(30))]
    knn = functools.partial(KNeighborsRegressor, n_neighbors=3)
    assert not np.allclose(check.reference_scaled_cv(X + [0, 100] * (np.arange(60) >= 30)[:, None], y, folds, knn),
                           check.functions._scaled_on_everything(X + [0, 100] * (np.arange(60) >= 30)[:, None], y, folds, knn))


def test_block_function_accepts_any_numbering_and_catches_rounding():
    assert check.block_function(block_ids, seed=0)
    assert check.block_function(block_ids_as_strings_of_pairs, seed=1)
    assert "floor" in check.block_function(check.functions._blocks_truncated, seed=0).hint
    assert "longitude" in check.block_function(check.functions._blocks_floor_lat_only, seed=0).hint
    assert "half a cell" in check.block_function(check.functions._blocks_rounded, seed=0).hint


def test_pipeline_function_accepts_the_pipeline_and_names_the_mistakes():
    assert check.pipeline_function(grouped_probabilities, seed=0)
    assert "groups" in check.pipeline_function(check.functions._ungrouped_probabilities, seed=0).hint
    assert "inside the Pipeline" in check.pipeline_function(check.functions._imputed_outside, seed=0).hint


def test_a_placeholder_function_is_not_answered_yet():
    def grouped_probabilities(model, X, y, groups, seed):
        """Out-of-fold probabilities."""
        ...

    assert check.pipeline_function(grouped_probabilities).status == "unanswered"


# ---- robustness ---------------------------------------------------------------------------------

VALID_CALLS = {
    "best_capacity": ({"answer": 2}, {"validation_errors": {1: 0.35, 2: 0.29, 3: 0.36}}),
    "leaked_events": ({"answer": 2}, {"events": np.array([1, 1, 2, 2, 3, 4]), "train_index": np.array([0, 2, 4]),
                                      "test_index": np.array([1, 3, 5])}),
    "majority_accuracy": ({"answer": 0.75}, {"labels": [0, 0, 0, 1]}),
    "cost_threshold": ({"answer": 1 / 11}, {"cost_missed": 10, "cost_false_alarm": 1}),
    "local_hour": ({"answer": np.array([12.0, 17.0])}, {"utc_hour": np.array([20.0, 1.0]),
                                                        "longitude": np.array([-120.0, -120.0])}),
    "scaled_cv_function": ({"function": cv_rmse_scaled}, {"seed": 0}),
    "block_function": ({"function": block_ids}, {"seed": 0}),
    "pipeline_function": ({"function": grouped_probabilities}, {"seed": 0}),
    "deployable_features": ({"answer": ["mag", "hour_local"]}, {"available": ["mag", "hour_local", "status"]}),
}


def test_no_answer_crashes_a_check():
    assert_checks_never_crash(check, VALID_CALLS)


def test_references_for_later_cells(capsys):
    assert check.reference_best_degree({1: 0.3, 2: 0.2}) == 2
    assert check.reference_cost_threshold(10, 1) == pytest.approx(1 / 11)
    np.testing.assert_allclose(check.reference_local_hour([23.0], [30.0]), [1.0])
    assert check.chosen_features(["mag", "hour_local"], ["mag", "hour_local", "status"]) == ["mag", "hour_local"]
    assert capsys.readouterr().out == ""
    assert check.chosen_features(["mag", "status"], ["mag", "gap", "status"]) == check.SAMPLE_DEPLOYABLE
    assert check.chosen_features(..., ["mag"]) == check.SAMPLE_DEPLOYABLE
    assert "sample answer" in capsys.readouterr().out


# ---- the student walkthrough's wrong answers: each gets its own hint, none is accepted -------------

def test_scaled_cv_refuses_a_list_and_names_mse():
    def as_list(X, y, folds, make_model):
        return list(check.reference_scaled_cv(X, y, folds, make_model))

    def as_mse(X, y, folds, make_model):
        return check.reference_scaled_cv(X, y, folds, make_model) ** 2

    reset_attempts()
    fb = check.scaled_cv_function(as_list, seed=0)
    assert fb.status == "incorrect" and "numpy array" in fb.message
    assert "square root" in check.scaled_cv_function(as_mse, seed=0).hint


def test_block_function_catches_small_multipliers_and_the_library_call():
    from mlcourse.splits import spatial_blocks

    def times_100(lat, lon, size_deg):
        return np.floor(np.asarray(lat) / size_deg).astype(int) * 100 + np.floor(np.asarray(lon) / size_deg).astype(int)

    def library(lat, lon, size_deg):
        return spatial_blocks(lat, lon, size_deg)

    assert check.block_function(times_100, seed=0).status == "incorrect"
    fb = check.block_function(library, seed=0)
    assert fb.status == "incorrect" and "spatial_blocks" in fb.message


def test_pipeline_function_explains_the_common_errors():
    def no_groups(model, X, y, groups, seed):
        pipeline = Pipeline([("impute", SimpleImputer(strategy="median")), ("model", model)])
        folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
        return cross_val_predict(pipeline, X, y, cv=folds, method="predict_proba")[:, 1]

    def wrong_order(model, X, y, groups, seed):
        pipeline = Pipeline([("model", model), ("impute", SimpleImputer(strategy="median"))])
        folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
        return cross_val_predict(pipeline, X, y, groups=groups, cv=folds, method="predict_proba")[:, 1]

    assert "groups=groups" in check.pipeline_function(no_groups, seed=0).hint
    assert "LAST step" in check.pipeline_function(wrong_order, seed=0).hint
    assert "median" in check.pipeline_function(check.functions._mean_imputed, seed=0).hint
    assert "probabilities" in check.pipeline_function(check.functions._labels_not_probabilities, seed=0).hint


def test_leaked_events_and_local_hour_name_the_typical_mistakes():
    events = np.repeat(np.arange(10), 3)
    train, test = np.arange(0, 30, 2), np.arange(1, 30, 2)
    assert "row indices" in check.leaked_events(0, events, train, test).hint
    utc, lon, tz = np.array([1.0, 20.0, 5.0]), np.array([-118.0, 33.0, -70.0]), np.array([-480, 120, -300])
    fb = check.local_hour((utc + tz / 60) % 24, utc, lon, tz_offset_min=tz)
    assert fb.status == "incorrect" and "civil" in fb.hint
    assert check.local_hour((utc + lon / 15) % 24, utc, lon, tz_offset_min=tz)
