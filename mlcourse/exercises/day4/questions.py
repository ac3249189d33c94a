"""Day 4, the number exercises: a Gini value, a threshold, the out-of-bag fraction, an overrated
feature, a ground-motion prediction and an honest score.

>>> gini_value(0.5, labels=["blast", "quake"]).status
'correct'
"""

from __future__ import annotations

import numpy as np

from ... import ground_motion, trees
from ..._validation import check_vector
from .. import Feedback, check_value, correct, exercise, incorrect, is_blank, unanswered

__all__ = ["gini_value", "best_split", "oob_fraction", "overrated_feature", "gmpe_prediction", "honest_score"]


@exercise
def gini_value(answer, labels) -> Feedback:
    """Exercise: the Gini impurity ``1 - sum_k p_k^2`` of a group of labels."""
    labels = np.asarray(labels)
    _, counts = np.unique(labels, return_counts=True)
    p = counts / counts.sum()
    return check_value(answer, trees.gini(labels), name="gini_node", digits=3, mistakes=[
        (np.sum(p ** 2), "That is sum p_k^2; the Gini impurity is 1 minus it."),
        (trees.entropy(labels), "That is the entropy; the Gini impurity is 1 - sum p_k^2."),
        (1 - np.sum(p), "Square the fractions before summing: 1 - sum p_k^2."),
    ] + [(value, "That is the term of one class only (half the impurity when there are two classes): the "
                 "Gini impurity adds up such a term for every class.")
         for value in dict.fromkeys(np.round(p * (1 - p), 12)) if len(p) > 1], hint=("Count the events of each class in the group and divide by the group's size: those are "
             "the fractions p_k.",
             "Square each fraction, add the squares, and subtract the sum from 1."),
       task="Give the Gini impurity of the group (a number between 0 and 1) to three significant digits.")


@exercise
def best_split(answer, x, y) -> Feedback:
    """Exercise: a threshold with the lowest weighted Gini of the two children (any of a tie)."""
    thresholds, scores = trees.split_scores(x, y)
    tied = thresholds[np.isclose(scores, scores.min(), atol=1e-12)]
    worst = thresholds[np.argmax(scores)]
    if not is_blank(answer) and np.ndim(answer) == 0 and not isinstance(answer, (str, bytes, bool)):
        try:
            near = tied[np.argmin(np.abs(tied - float(answer)))]
        except (TypeError, ValueError, OverflowError):
            near = tied[0]
    else:
        near = tied[0]
    others = "" if len(tied) == 1 else f" ({' and '.join(f'{t:g}' for t in tied)} tie for the lowest score)"
    same_cut = _same_cut_as(answer, np.asarray(x, dtype=float), tied)
    if same_cut is not None and not np.isclose(float(answer), same_cut):
        return correct(f"best_threshold = {float(answer):g} makes the same cut as {same_cut:g}, the best one. "
                       f"A tree writes its threshold midway between the neighbouring values: "
                       f"{same_cut:g}.{others}")
    # a choice among the table's thresholds, not a computed value: no digits to ask for
    feedback = check_value(answer, near, name="best_threshold", mistakes=[
        (worst, "That threshold has the HIGHEST impurity: look for the lowest."),
    ], hint=("The table above lists the weighted Gini of every candidate threshold: the tree wants the "
             "smallest one.",
             "Find the lowest number in the row 'weighted Gini' and read the threshold above it."),
       task="Give the threshold (in hours) with the lowest weighted Gini, as the table prints it.")
    if feedback and others:
        return correct(feedback.message + others)
    return feedback


def _same_cut_as(answer, x, tied):
    """The tied best threshold that puts the same samples on the left as ``answer``, else None."""
    if is_blank(answer) or np.ndim(answer) != 0 or isinstance(answer, (str, bytes, bool)):
        return None
    try:
        value = float(answer)
    except (TypeError, ValueError, OverflowError):
        return None
    if not np.isfinite(value):
        return None
    for t in tied:
        if np.array_equal(x <= value, x <= t):
            return float(t)
    return None


@exercise
def oob_fraction(answer, n_samples: int) -> Feedback:
    """Exercise: the expected fraction of samples a bootstrap sample leaves out, ``(1 - 1/n)^n``."""
    n = int(n_samples)
    expected = (1 - 1 / n) ** n
    return check_value(answer, expected, name="left_out", digits=3, mistakes=[
        (1 - expected, "That is the fraction that IS drawn at least once; the question asks for the rest."),
        (1 / n, "1/n is the chance of one draw picking a given sample; there are n draws."),
        (np.exp(-1), f"That is 1/e, the limit for very large n; compute the probability for n = {n} "
                     "itself (the difference shows in the third digit)."),
        (1 - 1 / n, "That is the chance that ONE draw misses the record; all n draws must miss it."),
        (100 * expected, "That is a percentage: give the fraction, a number between 0 and 1."),
    ], hint=("A record is left out when every one of the n draws misses it. What is the chance that one "
             "draw misses it?",
             "The draws are independent: multiply the chance of one miss n times, i.e. raise it to the "
             "power n."),
       task=f"Give the expected fraction of the {n} records left out, to three significant digits "
            "(e.g. 0.123).")


@exercise
def overrated_feature(answer, names, impurity, permutation, noise=("random_number", "random_coin")) -> Feedback:
    """Exercise: the pure-noise feature that the impurity importance overrates (the largest gap to permutation)."""
    if is_blank(answer):
        return unanswered("overrated_feature", "Which of the two noise features gets a visible impurity "
                                               "importance? Give its name as a string.")
    names = list(names)
    impurity = check_vector(impurity, "impurity")
    permutation = check_vector(permutation, "permutation")
    noisy = [name for name in noise if name in names]
    gap = {name: impurity[names.index(name)] - permutation[names.index(name)] for name in noisy}
    best = max(gap, key=gap.get)
    if not isinstance(answer, str):
        return incorrect(f"Give the feature's name as a string, e.g. \"mag\", not {type(answer).__name__}.",
                         "Copy the name from the labels of the bar charts.", mistake=True)
    if answer == best:
        return correct(f"{best}: pure noise, yet its impurity importance is as large as that of real "
                       f"features; shuffling it on test data costs nothing.")
    if answer not in names:
        return incorrect(f"{answer!r} is not one of the features {names}.", "Copy the name exactly.",
                         mistake=True)
    if answer in noisy:
        return incorrect(f"{answer} is noise, but the impurity importance does not favour it much.",
                         "Impurity importances favour features with MANY distinct values: which noise "
                         "feature has many?", mistake=True)
    return incorrect(f"{answer} is one of the catalogue's own columns, not one of the two noise features we "
                     "added.",
                     ("Look for a feature that is pure noise (we added two) yet gets a visible bar in the "
                      "impurity chart.",
                      "Of the two noise features, the one with many distinct values offers many thresholds: "
                      "that is the one."))


@exercise
def gmpe_prediction(answer, coef, magnitude, distance_km, other_fits=None) -> Feedback:
    """Exercise: the PGA (g) that a fitted equation predicts for one earthquake and site.

    ``other_fits`` maps a description to other coefficients (the random-effects
    fit, say), whose predictions get their own hint.
    """
    pga = ground_motion.predict_pga(coef, magnitude, distance_km)
    log_pga = float(np.log10(pga))
    m, d = float(magnitude), float(distance_km)

    def with_r(r, log=np.log10):
        return 10 ** (coef.a + coef.b * m - log(r) + coef.c * r)

    r = np.hypot(d, coef.h)
    mistakes = [
        (log_pga, "That is log10 of the PGA: raise 10 to it."),
        (with_r(max(d, 1e-6)), "Use r = sqrt(R^2 + h^2), not R itself."),
        (with_r(d + coef.h), "r is sqrt(R^2 + h^2), the distance to a point h below the station's "
                             "nearest point of the rupture, not R + h."),
        (with_r(r, np.log), "The spreading term is log10(r), the base-10 logarithm, not the natural one."),
        (pga * 9.81, "That is in m/s²: the equation gives the PGA in g."),
        (pga * 981, "That is in cm/s² (gal), 981 times the PGA in g: the equation gives the PGA in g "
                    "directly, no unit conversion needed."),
    ]
    # the same unit slips with the paper's printed coefficients (accepted themselves, in g)
    paper = float(ground_motion.predict_pga(ground_motion.JB1981, m, d))
    mistakes += [(paper * 9.81, mistakes[4][1]), (paper * 981, mistakes[5][1])]
    for label, other in (other_fits or {}).items():
        mistakes.append((ground_motion.predict_pga(other, m, d),
                         f"That is the prediction of the {label}; the exercise asks for the two-stage gmpe."))
    # the paper's printed coefficients are the same equation at the digits the paper prints: their
    # prediction, at the three digits asked, is a right answer too
    if _agrees_to_digits(answer, paper, 3) and not _agrees_to_digits(answer, float(pga), 3):
        return correct(f"pga_65_20 = {float(np.ravel(np.asarray(answer, dtype=float))[0]):.4g} g, with the "
                       f"coefficients printed in the paper; gmpe's own digits give {float(pga):.3g} g. Both "
                       "are the same equation, to the digits the paper prints.")
    return check_value(answer, pga, name="pga_65_20", unit="g", digits=3, mistakes=mistakes, hint=(
        "Compute r from R and h first, then log10 PGA from the formula of section 8; the answer is in g, "
        "so undo the logarithm at the end.",
        "Go in three steps and print each: the distance r (a little more than 20 km), then log10 PGA "
        "with gmpe's four coefficients (a negative number), then the PGA itself. Check that M = 6.5 "
        "and R = 20 km went in."),
        task="Give the PGA in g to three significant digits (e.g. 0.123).")


def _agrees_to_digits(answer, value: float, digits: int) -> bool:
    """``answer`` is one number that agrees with ``value`` to ``digits`` significant digits."""
    if is_blank(answer) or isinstance(answer, (str, bytes, bool, dict, set)) or callable(answer):
        return False
    try:
        number = np.asarray(answer, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return False
    if number.size != 1 or not np.isfinite(number).all() or not value:
        return False
    step = 10 ** (np.floor(np.log10(abs(value))) - digits + 1)
    return abs(float(number.ravel()[0]) - value) <= 0.5 * step * 1.01


@exercise
def honest_score(answer, grouped_score, random_score) -> Feedback:
    """Exercise: which cross-validation score to report, the grouped one."""
    if is_blank(answer):
        return unanswered("score_to_report", "Which split keeps every earthquake out of its own test?")
    if isinstance(answer, (str, bytes)):
        return incorrect(f"You gave the text {answer!r}: assign the number, e.g. split_table[...] with the "
                         "row's name inside the brackets, or type the printed value.",
                         "The row names of the table select its numbers.", mistake=True)
    try:
        number = np.asarray(answer, dtype=float)   # a 1-element list or array is one number too
    except (TypeError, ValueError, OverflowError):
        number = None
    if number is None or number.size != 1:
        return incorrect(f"Give one number, not {type(answer).__name__}"
                         f"{'' if number is None else f' of {number.size} numbers'}.",
                         "Copy one of the two printed values.", mistake=True)
    value = float(number.ravel()[0])
    grouped, randomly = float(grouped_score), float(random_score)
    # judged at the digits the prompt asks: two significant digits (or the table's three)
    for digits in (3, 2):
        is_grouped, is_random = _agrees_to_digits(value, grouped, digits), _agrees_to_digits(value, randomly, digits)
        if is_grouped and is_random:
            return incorrect(f"At {digits} digits both scores are {value:.{digits}g}: give the number as the "
                             "table prints it, to three digits.", "Copy the printed value.", mistake=True)
        if is_grouped:
            return correct("The grouped score: new earthquakes are what the model will meet in use.")
        if is_random:
            return incorrect("The random split puts records of the same earthquake in training and test.",
                             "Report the score of the split grouped by earthquake.", mistake=True)
    return incorrect(f"{value:g} is neither of the two scores.", (
        "Copy one of the two printed values: which split treats the records as a future earthquake "
        "would meet them?",
        "A model used on future earthquakes has seen none of their records: take the score of the "
        "split that leaves whole earthquakes out."))
