"""Checks for the exercises of Day 3 (best practices and pitfalls).

>>> majority_accuracy(0.5, labels=[0, 1]).status
'correct'
"""

from __future__ import annotations

import numpy as np

from .. import metrics
from .._validation import check_array, check_vector
from . import Feedback, check_value, correct, incorrect, is_blank, unanswered

__all__ = ["best_capacity", "standardised", "majority_accuracy", "leaked_events", "local_hour",
           "cheapest_threshold"]


def best_capacity(answer, validation_errors: dict) -> Feedback:
    """Exercise: the model capacity (e.g. polynomial degree) with the lowest VALIDATION error."""
    if is_blank(answer):
        return unanswered("best_degree", "Read the validation column, not the training one.")
    best = min(validation_errors, key=validation_errors.get)
    if answer == best:
        return correct(f"degree {best}: lowest validation error ({validation_errors[best]:.3f}).")
    if answer == max(validation_errors):
        return incorrect("The most flexible model has the lowest TRAINING error, not validation error.",
                         "Training error always falls with capacity; choose by validation error.")
    return incorrect(f"degree {answer} is not the one with the lowest validation error.",
                     "Find the minimum of the validation error.")


def standardised(answer, X_train, X_test) -> Feedback:
    """Exercise: the test set standardised with the TRAINING mean and standard deviation."""
    X_train, X_test = check_array(X_train, "X_train"), check_array(X_test, "X_test")
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    everything = np.r_[X_train, X_test]
    return check_value(answer, (X_test - mean) / std, name="X_test_scaled", mistakes=[
        ((X_test - X_test.mean(axis=0)) / X_test.std(axis=0),
         "You used the test set's own mean and std: the model must not see test statistics."),
        ((X_test - everything.mean(axis=0)) / everything.std(axis=0),
         "You used the statistics of all the data: that leaks the test set into the preprocessing."),
    ], hint="X_test_scaled = (X_test - X_train.mean(axis=0)) / X_train.std(axis=0)")


def majority_accuracy(answer, labels) -> Feedback:
    """Exercise: the accuracy of always predicting the most common class."""
    labels = np.asarray(labels)
    _, counts = np.unique(labels, return_counts=True)
    expected = counts.max() / counts.sum()
    return check_value(answer, expected, name="baseline_accuracy", mistakes=[
        (100 * expected, "Give a fraction between 0 and 1, not a percentage."),
        (1 - expected, "That is the share of the rare class: the baseline always says 'majority'."),
    ], hint="The share of the most common class.")


def leaked_events(answer, events, train_index, test_index) -> Feedback:
    """Exercise: how many earthquakes of the test set also have records in the training set."""
    events = np.asarray(events)
    shared = np.intersect1d(events[train_index], events[test_index])
    return check_value(answer, len(shared), name="shared_events", mistakes=[
        (len(np.unique(events[test_index])), "That is all the earthquakes of the test set; count "
                                              "those that ALSO appear in training."),
    ], hint="np.intersect1d(events[train], events[test]) lists the shared ones.")


def local_hour(answer, utc_hour, longitude) -> Feedback:
    """Exercise: local solar hour = UTC hour + longitude / 15, wrapped to 0-24 h."""
    utc_hour, longitude = check_vector(utc_hour, "utc_hour"), check_vector(longitude, "longitude")
    expected = (utc_hour + longitude / 15.0) % 24
    return check_value(answer, expected, name="hour_local", mistakes=[
        ((utc_hour - longitude / 15.0) % 24, "West longitudes are negative: ADD longitude / 15, "
                                              "the sun reaches California after Greenwich."),
        (utc_hour + longitude / 15.0, "Wrap the result into 0-24 h with % 24."),
        (utc_hour, "That is still UTC: shift by longitude / 15 hours."),
    ], hint="hour_local = (utc_hour + longitude / 15) % 24")


def cheapest_threshold(answer, y_true, scores, thresholds, cost_missed: float, cost_false_alarm: float) -> Feedback:
    """Exercise: the threshold (from ``thresholds``) with the lowest total cost."""
    if is_blank(answer):
        return unanswered("best_threshold", "cost = cost_missed * FN + cost_false_alarm * FP")
    y_true, scores = check_vector(y_true, "y_true"), check_vector(scores, "scores")
    costs = []
    for t in thresholds:
        cm = metrics.confusion_matrix(y_true, scores >= t, labels=[0, 1])
        costs.append(cost_missed * cm[1, 0] + cost_false_alarm * cm[0, 1])
    best = thresholds[int(np.argmin(costs))]
    swapped = []
    for t in thresholds:
        cm = metrics.confusion_matrix(y_true, scores >= t, labels=[0, 1])
        swapped.append(cost_false_alarm * cm[1, 0] + cost_missed * cm[0, 1])
    return check_value(answer, best, name="best_threshold", mistakes=[
        (thresholds[int(np.argmin(swapped))], "The costs are swapped: a missed event (FN) costs "
                                              "cost_missed, a false alarm (FP) cost_false_alarm."),
    ], hint="Compute the cost for every threshold and take the smallest.")
