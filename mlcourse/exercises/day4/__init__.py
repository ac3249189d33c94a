"""Checks for the exercises of Day 4 (random forests and ground-motion prediction), in two parts.

- :mod:`.questions`: the number exercises (a Gini value, a threshold, a fraction, ...);
- :mod:`.functions`: three function exercises in which the students write the mechanism of a
  forest: the search for the best split, a tree's prediction, and bagging with its out-of-bag error.
"""

from ..checking import use
from .functions import (bag_with_oob, bagging_oob_function, best_split_function, predict_tree_function,
                        stump_fit_predict, tree_depth)
from .questions import best_split, gini_value, gmpe_prediction, honest_score, oob_fraction, overrated_feature

__all__ = ["gini_value", "best_split", "oob_fraction", "overrated_feature", "gmpe_prediction",
           "honest_score", "best_split_function", "predict_tree_function", "bagging_oob_function"]
