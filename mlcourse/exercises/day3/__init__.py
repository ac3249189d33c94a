"""Checks for the exercises of Day 3 (best practices and pitfalls), in two parts.

- :mod:`.questions`: number exercises, compared with a value computed from the student's own
  inputs, and the choice of features a deployed detector may use;
- :mod:`.functions`: function exercises, called on fresh random cases and edge cases and compared
  with a reference.
"""

from ..checking import use
from . import functions, questions
from .functions import (block_function, pipeline_function, reference_blocks, reference_grouped_probabilities,
                        reference_scaled_cv, scaled_cv_function)
from .questions import (LEAKY_FEATURES, SAMPLE_DEPLOYABLE, best_capacity, chosen_features, cost_threshold,
                        deployable_features, leaked_events, local_hour, majority_accuracy, reference_best_degree,
                        reference_cost_threshold, reference_local_hour)

#: The slips the day's checks diagnose by name, ``(exercise, description)``, in the order of the notebook.
SLIPS = sorted(questions.SLIPS + functions.SLIPS, key=lambda slip: tuple(int(n) for n in slip[0].split(".")))

__all__ = ["best_capacity", "leaked_events", "majority_accuracy", "cost_threshold", "local_hour",
           "scaled_cv_function", "block_function", "pipeline_function", "deployable_features"]
