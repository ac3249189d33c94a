"""Checks for the exercises of Day 4 (random forests and ground-motion prediction), in two parts.

- :mod:`.questions`: the number exercises (a Gini value, a threshold, a fraction, ...);
- :mod:`.functions`: three function exercises in which the students write the mechanism of a
  forest: the search for the best split, a tree's prediction, and bagging with its out-of-bag error.
"""

from ..checking import use
from .functions import (bag_with_oob, bagging_oob_function, best_split_function, predict_tree_function,
                        stump_fit_predict, tree_depth)
from .questions import best_split, gini_value, gmpe_prediction, honest_score, oob_fraction, overrated_feature

# The notebooks import this package as `check`: a student's function that calls the course's
# bag_with_oob is told it calls `check.bag_with_oob`, as the cell spells it (the feedback names a
# function by the last part of its module and its name).
bag_with_oob.__module__ = "mlcourse.exercises.check"

# The known wrong answers that the checks of Day 4 diagnose, each with a hint that names it
# (tests/test_exercises_day4.py feeds each one). Add new ones here, with their test.
SLIPS = [
    ("1.1", "the sum of the squared fractions, not 1 minus it"),
    ("1.1", "the entropy instead of the Gini impurity"),
    ("1.1", "the fractions not squared"),
    ("1.1", "one class's term p(1-p) only (half the Gini for two classes)"),
    ("1.2", "the threshold with the highest impurity"),
    ("1.3", "the weighted sum not divided by n"),
    ("1.3", "the two sides averaged without their weights"),
    ("1.3", "the split with the highest impurity"),
    ("1.3", "only the first column searched"),
    ("1.3", "thresholds on the values instead of halfway between them"),
    ("1.3", "each side weighted by len() of its boolean mask"),
    ("1.3", "the threshold returned before the feature"),
    ("2.1", "a sample on the threshold sent right (< instead of <=)"),
    ("2.1", "left and right swapped"),
    ("2.1", "the root's value for every row"),
    ("2.1", "the walk not restarted at the root for each row"),
    ("2.1", "one step down only (if instead of while)"),
    ("3.1", "the fraction drawn at least once"),
    ("3.1", "1/n, one draw"),
    ("3.1", "1/e, the limit for large n"),
    ("3.1", "1 - 1/n, one draw missing the record"),
    ("3.1", "a percentage instead of a fraction"),
    ("3.2", "samples drawn anew without replacement (nothing out of the bag)"),
    ("3.2", "every tree predicting every record, in the bag too"),
    ("3.2", "each tree fitted on all of X"),
    ("3.2", "each tree fitted on np.unique(sample)"),
    ("3.2", "sums divided by the number of all trees"),
    ("3.2", "the last tree overwriting the others"),
    ("3.2", "0 instead of NaN for a record never out of the bag"),
    ("3.2", "NaN left in the RMSE"),
    ("3.2", "NaN residuals set to 0 in the RMSE (np.nan_to_num)"),
    ("3.2", "the MSE instead of the RMSE"),
    ("3.2", "~ applied to integer indices"),
    ("5.1", "the random coin (two values)"),
    ("8.1", "log10 PGA, not PGA"),
    ("8.1", "R instead of r"),
    ("8.1", "R + h instead of r"),
    ("8.1", "the natural logarithm"),
    ("8.1", "PGA in m/s²"),
    ("8.1", "PGA in cm/s²"),
    ("8.1", "the random-effects coefficients"),
    ("8.2", "the random split's score"),
    ("8.2", "the row's name instead of its number"),
]


__all__ = ["gini_value", "best_split", "oob_fraction", "overrated_feature", "gmpe_prediction",
           "honest_score", "best_split_function", "predict_tree_function", "bagging_oob_function"]
