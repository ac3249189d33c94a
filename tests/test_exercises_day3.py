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
    assert "wrong way" in check.local_hour((utc + 8) % 24, utc, lon).hint
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
    assert check.scaled_cv_function(cv_rmse_scaled, seed=1)
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
    "best_capacity": ({"answer": 2}, {"validation_errors": {1: 0.35, 2: 0.29, 3: 0.36},
                                      "random_errors": {1: 0.3, 2: 0.25, 3: 0.2}}),
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

def test_scaled_cv_accepts_a_list_and_names_mse():
    def as_list(X, y, folds, make_model):
        return list(cv_rmse_scaled(X, y, folds, make_model))

    def as_mse(X, y, folds, make_model):
        return cv_rmse_scaled(X, y, folds, make_model) ** 2

    reset_attempts()
    assert check.scaled_cv_function(as_list, seed=0), "a list of the right RMSEs is a right answer in another form"
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


# ---- every slip of SLIPS is fed to its check, whose hint names it ----------------------------------

def _fold_cases():
    # earthquakes 0-4 in the test fold, 5-9 in training; earthquake 4 has two test records and one in training
    events = np.repeat(np.arange(10), 3)
    return events, np.arange(14, 30), np.arange(0, 14)


def _ceil_blocks(lat, lon, size_deg):
    cells = np.c_[np.ceil(np.asarray(lat) / size_deg), np.ceil(np.asarray(lon) / size_deg)]
    return np.unique(cells, axis=0, return_inverse=True)[1].ravel()


def _times_100(lat, lon, size_deg):
    return np.floor(np.asarray(lat) / size_deg).astype(int) * 100 + np.floor(np.asarray(lon) / size_deg).astype(int)


def _cv_mse(X, y, folds, make_model):
    return cv_rmse_scaled(X, y, folds, make_model) ** 2


def _cv_mean(X, y, folds, make_model):
    return float(np.mean(cv_rmse_scaled(X, y, folds, make_model)))


def _cv_training_rows(X, y, folds, make_model):
    errors = []
    for train, test in folds:
        mean, std = X[train].mean(axis=0), X[train].std(axis=0)
        model = make_model().fit((X[train] - mean) / std, y[train])
        errors.append(np.sqrt(np.mean((y[train] - model.predict((X[train] - mean) / std)) ** 2)))
    return np.array(errors)


def _cv_mae(X, y, folds, make_model):
    errors = []
    for train, test in folds:
        mean, std = X[train].mean(axis=0), X[train].std(axis=0)
        model = make_model().fit((X[train] - mean) / std, y[train])
        errors.append(np.mean(np.abs(y[test] - model.predict((X[test] - mean) / std))))
    return np.array(errors)


def _class_0(model, X, y, groups, seed):
    return 1 - grouped_probabilities(model, X, y, groups, seed)


def _group_kfold(model, X, y, groups, seed):
    from sklearn.model_selection import GroupKFold
    pipeline = Pipeline([("impute", SimpleImputer(strategy="median")), ("model", model)])
    return cross_val_predict(pipeline, X, y, groups=groups, cv=GroupKFold(5), method="predict_proba")[:, 1]


def _no_groups(model, X, y, groups, seed):
    pipeline = Pipeline([("impute", SimpleImputer(strategy="median")), ("model", model)])
    folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    return cross_val_predict(pipeline, X, y, cv=folds, method="predict_proba")[:, 1]


def _model_first(model, X, y, groups, seed):
    pipeline = Pipeline([("model", model), ("impute", SimpleImputer(strategy="median"))])
    folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    return cross_val_predict(pipeline, X, y, groups=groups, cv=folds, method="predict_proba")[:, 1]


ERRORS = {1: 0.35, 2: 0.29, 3: 0.36, 4: 0.90}
RANDOM = {1: 0.33, 2: 0.25, 3: 0.22, 4: 0.40}
QUAKES = ["earthquake"] * 98 + ["blast"] * 2
UTC, LON, TZ = np.array([1.0, 20.0, 5.0]), np.array([-118.0, 33.0, -70.0]), np.array([-480, 120, -300])
COLUMNS = ["depth_km", "depth_unfixed", "mag", "hour_local", "gap", "rms", "status", "reviewed", "latitude",
           "longitude", "nst", "net", "mag_type", "dmin", "place", "tz_offset_min"]
F = check.functions

# description -> (the slip fed to its check, a word its feedback must hold; the hint, or the message and hint for 9.2)
SLIP_CASES = {
    "the degree with the lowest training error, the most flexible one": (lambda: check.best_capacity(4, ERRORS), "Training error"),
    "the degree the random split prefers": (lambda: check.best_capacity(3, ERRORS, RANDOM), "random split"),
    "the scaler fitted on all rows before the split":
        (lambda: check.scaled_cv_function(F._scaled_on_everything, seed=0), "ALL rows"),
    "the test rows scaled with their own mean and standard deviation":
        (lambda: check.scaled_cv_function(F._test_scaled_by_itself, seed=0), "own"),
    "no scaling at all": (lambda: check.scaled_cv_function(F._unscaled, seed=0), "not standardised"),
    "mean squared errors, not their square root": (lambda: check.scaled_cv_function(_cv_mse, seed=0),
                                                   "square root"),
    "the RMSE computed on the training rows": (lambda: check.scaled_cv_function(_cv_training_rows, seed=0),
                                               "TRAINING rows"),
    "the mean absolute error (MAE) instead of the RMSE": (lambda: check.scaled_cv_function(_cv_mae, seed=0), "MAE"),
    "one number (a scalar) instead of one RMSE per fold": (lambda: check.scaled_cv_function(_cv_mean, seed=0),
                                                           "one number"),
    "only latitude numbers the blocks": (lambda: check.block_function(F._blocks_floor_lat_only, seed=0), "longitude"),
    "rounding toward zero (int, trunc)": (lambda: check.block_function(F._blocks_truncated, seed=0), "toward zero"),
    "rounding up (ceil)": (lambda: check.block_function(_ceil_blocks, seed=0), "ceil"),
    "rounding to the nearest integer (round)": (lambda: check.block_function(F._blocks_rounded, seed=0), "nearest"),
    "rows and columns combined so that two cells share a number (a factor too small)":
        (lambda: check.block_function(_times_100, seed=0), "same number"),
    "a (row, column) pair per event instead of one number":
        (lambda: check.block_function(_pairs_of_row_and_column, seed=0), "pair per event"),
    "all the earthquakes of the test fold": (lambda: check.leaked_events(5, *_fold_cases()), "ALSO"),
    "the records of the test fold whose earthquake is also in training":
        (lambda: check.leaked_events(2, *_fold_cases()), "RECORDS"),
    "rows compared instead of earthquakes (0)": (lambda: check.leaked_events(0, *_fold_cases()), "row indices"),
    "a percentage instead of a fraction": (lambda: check.majority_accuracy(98, QUAKES), "percentage"),
    "the share of the rare class": (lambda: check.majority_accuracy(0.02, QUAKES), "rare class"),
    "the costs swapped": (lambda: check.cost_threshold(0.91, 10, 1), "swapped"),
    "the ratio of the costs, without the (1 - p)": (lambda: check.cost_threshold(0.1, 10, 1), "(1 - p)"),
    "0.5, the threshold for equal costs": (lambda: check.cost_threshold(0.5, 10, 1), "same"),
    "civil (time-zone) time instead of solar time":
        (lambda: check.local_hour((UTC + TZ / 60) % 24, UTC, LON, tz_offset_min=TZ), "civil"),
    "the longitude subtracted instead of added": (lambda: check.local_hour((UTC - LON / 15) % 24, UTC, LON),
                                                  "wrong way"),
    "the hours not wrapped into 0-24": (lambda: check.local_hour(UTC + LON / 15, UTC, LON), "0-24"),
    "the UTC hour unchanged": (lambda: check.local_hour(UTC, UTC, LON), "still UTC"),
    "the hours rounded to one decimal": (lambda: check.local_hour(np.round((UTC + LON / 15) % 24, 1), UTC, LON),
                                         "one decimal"),
    "a trace of the labelling (status, reviewed)": (lambda: check.deployable_features(["mag", "reviewed"], COLUMNS),
                                                    "labelling"),
    "a trace of the network (net, nst, gap, rms, mag_type, dmin)":
        (lambda: check.deployable_features(["mag", "rms"], COLUMNS), "network"),
    "location in disguise (latitude, longitude, place, tz_offset_min)":
        (lambda: check.deployable_features(["mag", "tz_offset_min"], COLUMNS), "location"),
    "depth_km with its fixed and rounded depths": (lambda: check.deployable_features(["depth_km", "mag"], COLUMNS),
                                                   "fixed and rounded"),
    "folds that ignore the groups": (lambda: check.pipeline_function(F._ungrouped_probabilities, seed=0),
                                     "ignore the groups"),
    "the imputer fitted on all the data before the split":
        (lambda: check.pipeline_function(F._imputed_outside, seed=0), "before the split"),
    "the mean imputed, not the median": (lambda: check.pipeline_function(F._mean_imputed, seed=0), "median"),
    "predicted classes, not probabilities": (lambda: check.pipeline_function(F._labels_not_probabilities, seed=0),
                                             "predicted classes"),
    "the probability of class 0 (the first column of predict_proba)":
        (lambda: check.pipeline_function(_class_0, seed=0), "class 0"),
    "GroupKFold instead of StratifiedGroupKFold": (lambda: check.pipeline_function(_group_kfold, seed=0),
                                                   "GroupKFold keeps"),
    "the groups not passed to cross_val_predict": (lambda: check.pipeline_function(_no_groups, seed=0),
                                                   "groups=groups"),
    "the model before the imputer in the Pipeline, or steps without names":
        (lambda: check.pipeline_function(_model_first, seed=0), "LAST step"),
}


def test_every_slip_listed_has_a_test_here():
    assert sorted(description for _, description in check.SLIPS) == sorted(SLIP_CASES)
    assert all(exercise in {"1.1", "2.1", "4.1", "5.1", "6.1", "6.2", "9.1", "9.2", "9.3"} for exercise, _ in check.SLIPS)


_FED = {}


def fed(description):
    """The feedback on a slip, computed once (the function checks take seconds)."""
    if description not in _FED:
        reset_attempts()
        _FED[description] = SLIP_CASES[description][0]()
    return _FED[description]


@pytest.mark.parametrize("exercise, description", check.SLIPS, ids=[d for _, d in check.SLIPS])
def test_the_hint_names_the_slip(exercise, description):
    fb = fed(description)
    word = SLIP_CASES[description][1]
    assert fb.status == "incorrect", description
    said = f"{fb.message} {' '.join(fb.steps())}" if exercise == "9.2" else " ".join(fb.steps())
    assert word in said, f"{exercise} {description}: {fb.text()}"
    if exercise not in {"2.1", "4.1", "9.3"}:   # the number exercises are quick to ask twice
        assert SLIP_CASES[description][0]().hint == fb.hint, "a slip's hint is the same on every try"


def test_an_error_without_groups_in_the_code_is_not_blamed_on_the_groups():
    def typo(model, X, y, groups, seed):
        pipeline = Pipeline([("impute", SimpleImputer(strategy="median")), ("model", model)])
        folds = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
        return cross_val_predict(pipline, X, y, cv=folds, method="predict_proba")[:, 1]  # noqa: F821

    fb = check.pipeline_function(typo, seed=0)
    assert fb.status == "incorrect" and "NameError" in fb.message and "pipline" in fb.message
    assert "groups=groups" not in str(fb.hint) and "LAST step" not in str(fb.hint)


# ---- answers judged at the digits the prompt asks for ------------------------------------------------

def test_value_exercises_judge_the_digits_the_prompt_states():
    import json
    from pathlib import Path
    notebook = json.loads((Path(__file__).resolve().parents[1] / "notebooks" / "03_pitfalls.ipynb").read_text())
    prose = " ".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown")
    prose = " ".join(prose.split())
    assert "to 3 significant digits" in prose and "to 2 significant digits" in prose
    assert "checked to 0.02 h" in prose and "Give the exact count" in prose
    labels = ["earthquake"] * 1679 + ["blast"] * 28                  # 0.98360...
    assert check.majority_accuracy(0.984, labels) and check.majority_accuracy(0.9836, labels)
    fb = check.majority_accuracy(0.98, labels)
    assert fb.status == "incorrect" and "give 3" in fb.text()
    assert check.cost_threshold(0.091, 10, 1) and check.cost_threshold(1 / 11, 10, 1)
    fb = check.cost_threshold(0.09, 10, 1)                           # right to 1 digit of the 2 asked
    assert fb.status == "incorrect" and "give 2" in fb.text()
    events, train, test = _fold_cases()
    assert check.leaked_events(1.0, events, train, test) and check.leaked_events(np.int64(1), events, train, test)
    assert check.leaked_events(1.4, events, train, test).status == "incorrect", "a count is exact"


def test_function_exercises_refuse_the_course_own_answer():
    from mlcourse.splits import spatial_blocks

    def library(lat, lon, size_deg):
        return spatial_blocks(lat, lon, size_deg)

    def reference(X, y, folds, make_model):
        return check.reference_scaled_cv(X, y, folds, make_model)

    def reference_pipeline(model, X, y, groups, seed):
        return check.reference_grouped_probabilities(model, X, y, groups, seed)

    for fb, name in [(check.block_function(library, seed=0), "spatial_blocks"),
                     (check.scaled_cv_function(reference, seed=0), "reference_scaled_cv"),
                     (check.pipeline_function(reference_pipeline, seed=0), "reference_grouped_probabilities")]:
        assert fb.status == "incorrect" and name in fb.message
    hints = [fed(description).hint for description in SLIP_CASES]
    assert not any("spatial_blocks" in str(h) or "reference_" in str(h) for h in hints)


def test_feedback_opens_with_one_short_line():
    """The verdict and its reason first, at most 200 characters; long inputs are in the details."""
    reset_attempts()
    long_list = [f"column_{i}" for i in range(60)]
    fb = check.deployable_features(["mag", "colour"], long_list + ["mag"])
    assert len(fb.headline()) <= 200 and "column_59" in fb.details()
    for description in SLIP_CASES:
        fb = fed(description)
        first = fb.text().splitlines()[0]
        assert len(first) <= 200, f"{description}: {len(first)} characters: {first[:120]}..."


def test_the_block_cases_separate_floor_from_ceil_and_round():
    assert check.block_function(block_ids, seed=3)
    for wrong in (_ceil_blocks, F._blocks_rounded, F._blocks_truncated):
        assert check.block_function(wrong, seed=3).status == "incorrect"


def test_the_second_block_hint_leaves_the_numbering_to_the_student():
    reset_attempts()

    def shifted(lat, lon, size_deg):
        return np.floor(np.asarray(lat) / size_deg).astype(int) + np.floor(np.asarray(lon) / size_deg).astype(int)
    check.block_function(shifted, seed=0)
    second = check.block_function(shifted, seed=0).hint
    assert "collide" in second and "*" not in second and "large number" not in second


def test_a_wrong_cell_size_is_not_called_a_collision():
    def double(lat, lon, size_deg):
        return block_ids(lat, lon, 2 * size_deg)

    reset_attempts()
    fb = check.block_function(double, seed=0)
    assert fb.status == "incorrect" and "same number" not in str(fb.hint)


# ---- answers the review found misjudged ---------------------------------------------------------

def test_local_hour_accepts_better_answers_and_names_the_wrap():
    rng = np.random.default_rng(3)
    utc = rng.integers(0, 24, 300) + rng.integers(0, 60, 300) / 60
    seconds, lon = rng.integers(0, 60, 300) / 3600, rng.uniform(-180, 180, 300)
    reference, shifted = (utc + lon / 15) % 24, utc + lon / 15
    assert check.local_hour((utc + seconds + lon / 15) % 24, utc, lon)       # seconds added
    assert check.local_hour(np.round(reference, 2), utc, lon)                # two decimals
    negatives_only = check.local_hour(np.where(shifted < 0, shifted + 24, shifted), utc, lon)
    assert negatives_only.status == "incorrect" and "modulo" in negatives_only.hint
    one_decimal = check.local_hour(np.round(reference, 1), utc, lon)
    assert one_decimal.status == "incorrect" and "decimal" in one_decimal.hint


def test_deployable_features_names_every_leaky_column_and_no_location_quality():
    available = ["depth_km", "depth_unfixed", "mag", "hour_local", "gap", "rms"]
    fb = check.deployable_features(["depth_km", "mag", "gap", "rms"], available)
    first = fb.message.splitlines()[0]
    assert all(name in first for name in ("depth_km", "gap", "rms")) and len(first) <= 200
    assert "location quality" not in str(check.deployable_features(["mag"], available).hint)
    assert "network" in check.deployable_features(["depth_unfixed", "mag", "hour_local"], available).message


def _row_times_360(lat, lon, size_deg):
    return (np.floor(np.asarray(lat) / size_deg).astype(int) * 360 + np.floor(np.asarray(lon) / size_deg).astype(int))


def _pairs_of_row_and_column(lat, lon, size_deg):
    return [(int(a), int(b)) for a, b in zip(np.floor(np.asarray(lat) / size_deg), np.floor(np.asarray(lon) / size_deg))]


def _hashed_pairs(lat, lon, size_deg):
    return np.array([hash((a, b)) for a, b in zip(np.floor(np.asarray(lat) / size_deg),
                                                     np.floor(np.asarray(lon) / size_deg))])


@pytest.mark.parametrize("seed", range(4))
def test_block_function_catches_a_factor_of_360_on_every_seed(seed):
    fb = check.block_function(_row_times_360, seed=seed)
    assert fb.status == "incorrect" and "same number" in fb.hint


def test_block_function_form_and_collision_messages():
    fb = check.block_function(_pairs_of_row_and_column, seed=0)
    assert fb.status == "incorrect" and "one block number per event" in fb.message
    assert "collide" not in fb.message
    fb = check.block_function(_hashed_pairs, seed=0)
    assert fb.status == "incorrect" and "half a cell" not in fb.hint and "same number" in fb.hint
    assert "any numbering works" in fb.message
