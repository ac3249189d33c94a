"""Day 3 checks: right answers pass, typical mistakes get their hints."""

import numpy as np

from mlcourse.exercises import day3 as check


def test_best_capacity():
    errors = {1: 0.40, 2: 0.30, 3: 0.33, 8: 0.90}
    assert check.best_capacity(2, errors)
    assert "TRAINING" in check.best_capacity(8, errors).message
    assert check.best_capacity(..., errors).status == "unanswered"


def test_standardised():
    rng = np.random.default_rng(0)
    Xtr, Xte = rng.normal(2, 3, (50, 2)), rng.normal(5, 1, (10, 2))
    assert check.standardised((Xte - Xtr.mean(0)) / Xtr.std(0), Xtr, Xte)
    assert "own mean" in check.standardised((Xte - Xte.mean(0)) / Xte.std(0), Xtr, Xte).hint
    allx = np.r_[Xtr, Xte]
    assert "all the data" in check.standardised((Xte - allx.mean(0)) / allx.std(0), Xtr, Xte).hint


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
    assert "% 24" in check.local_hour(utc - 8, utc, lon).hint
    assert "still UTC" in check.local_hour(utc, utc, lon).hint


def test_cheapest_threshold():
    y = np.array([0, 0, 0, 1, 1])
    s = np.array([0.1, 0.4, 0.6, 0.5, 0.9])
    thresholds = np.array([0.3, 0.45, 0.55, 0.8])
    # a missed event costs 10, a false alarm 1: 0.45 catches both events with one false alarm
    assert check.cheapest_threshold(0.45, y, s, thresholds, cost_missed=10, cost_false_alarm=1)
    assert "swapped" in check.cheapest_threshold(0.8, y, s, thresholds, 10, 1).hint
