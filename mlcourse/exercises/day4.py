"""Checks for the exercises of Day 4 (random forests and ground-motion prediction).

>>> gini_value(0.5, labels=["blast", "quake"]).status
'correct'
"""

from __future__ import annotations

import numpy as np

from .. import ground_motion, trees
from .._validation import check_vector
from . import Feedback, check_value, correct, incorrect, is_blank, unanswered

__all__ = ["gini_value", "best_split", "oob_fraction", "most_important", "gmpe_prediction",
           "honest_score"]


def gini_value(answer, labels) -> Feedback:
    """Exercise: the Gini impurity ``1 - sum_k p_k^2`` of a group of labels."""
    labels = np.asarray(labels)
    _, counts = np.unique(labels, return_counts=True)
    p = counts / counts.sum()
    return check_value(answer, trees.gini(labels), name="gini_node", mistakes=[
        (np.sum(p ** 2), "That is sum p_k^2; the Gini impurity is 1 minus it."),
        (trees.entropy(labels), "That is the entropy; the Gini impurity is 1 - sum p_k^2."),
        (1 - np.sum(p), "Square the fractions before summing: 1 - sum p_k^2."),
    ], hint="Count each class, divide by the total, then 1 - sum of the squares.")


def best_split(answer, x, y) -> Feedback:
    """Exercise: the threshold with the lowest weighted Gini of the two children."""
    thresholds, scores = trees.split_scores(x, y)
    best = thresholds[np.argmin(scores)]
    worst = thresholds[np.argmax(scores)]
    return check_value(answer, best, name="best_threshold", mistakes=[
        (worst, "That threshold has the HIGHEST impurity: look for the lowest."),
    ], hint="Compare the scores returned by split_scores and take the threshold of the smallest.")


def oob_fraction(answer, n_samples: int) -> Feedback:
    """Exercise: the expected fraction of samples a bootstrap sample leaves out, ``(1 - 1/n)^n``."""
    n = int(n_samples)
    expected = (1 - 1 / n) ** n
    return check_value(answer, expected, name="left_out", mistakes=[
        (1 - expected, "That is the fraction that IS drawn at least once; the question asks for the rest."),
        (1 / n, "1/n is the chance of one draw picking a given sample; there are n draws."),
    ], hint="Each of the n draws misses a given sample with probability 1 - 1/n.")


def most_important(answer, names, importances) -> Feedback:
    """Exercise: the name of the feature with the largest (permutation) importance."""
    if is_blank(answer):
        return unanswered("most_important_feature", "Look at the bar chart of permutation importances.")
    names = list(names)
    best = names[int(np.argmax(check_vector(importances, "importances")))]
    if answer == best:
        return correct(f"{best}: shuffling it costs the most accuracy.")
    if answer not in names:
        return incorrect(f"{answer!r} is not one of the features {names}.", "Copy the name exactly.")
    return incorrect(f"{answer} is not the most important by permutation.",
                     "Impurity importances favour features with many distinct values; trust the "
                     "permutation importances measured on held-out data.")


def gmpe_prediction(answer, coef, magnitude, distance_km) -> Feedback:
    """Exercise: the PGA (g) that a fitted equation predicts for one earthquake and site."""
    pga = ground_motion.predict_pga(coef, magnitude, distance_km)
    log_pga = float(np.log10(pga))
    r_no_h = max(distance_km, 1e-6)
    no_h = 10 ** (coef.a + coef.b * magnitude - np.log10(r_no_h) + coef.c * r_no_h)
    return check_value(answer, pga, name="pga", unit="g", mistakes=[
        (log_pga, "That is log10 of the PGA: raise 10 to it."),
        (no_h, "Use r = sqrt(R^2 + h^2), not R itself."),
        (pga * 9.81, "That is in m/s²: the equation gives the PGA in g."),
    ], hint="ground_motion.predict_pga(coef, M, R) computes it; or follow the formula step by step.")


def honest_score(answer, grouped_score, random_score) -> Feedback:
    """Exercise: which cross-validation score to report, the grouped one."""
    if is_blank(answer):
        return unanswered("score_to_report", "Which split keeps every earthquake out of its own test?")
    if np.isclose(answer, grouped_score):
        return correct("The grouped score: new earthquakes are what the model will meet in use.")
    if np.isclose(answer, random_score):
        return incorrect("The random split puts records of the same earthquake in training and test.",
                         "Report the score of the split grouped by earthquake.")
    return incorrect(f"{answer} is neither of the two scores.", "Copy one of the two printed values.")
