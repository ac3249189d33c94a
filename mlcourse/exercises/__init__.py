"""Automatic feedback for the course's exercises, one module per day (``day1`` ... ``day4``).

Every exercise in the notebooks ends with a check call that compares the
student's answer with a reference ``mlcourse`` computes at that moment (never a
stored number) and returns a feedback: correct, not answered yet, or not
quite, with a hint. The machinery has three parts:

- :mod:`.feedback`: the verdict, hints in steps, number exercises (``check_value``);
- :mod:`.checking`: function exercises, called on fresh cases (``check_function``, ``Case``);
- :mod:`.timelimit`: the time limit that stops a student's endless loop.
"""

from .checking import Case, check_function, default_compare, random_cases, use
from .feedback import (SOLUTION_POINTER, Feedback, check_value, correct, exercise, incorrect, is_blank,
                       reset_attempts, unanswered)
from .timelimit import TimeLimitExceeded, call_with_time_limit

__all__ = ["Feedback", "exercise", "is_blank", "correct", "incorrect", "unanswered", "check_value",
           "check_function", "default_compare", "Case", "use", "reset_attempts", "random_cases",
           "SOLUTION_POINTER", "TimeLimitExceeded", "call_with_time_limit"]
