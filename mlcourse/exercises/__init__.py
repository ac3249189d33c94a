"""Automatic feedback for the course's exercises, one module per day (``day1`` ... ``day4``).

Every exercise in the notebooks ends with a check call that compares the
student's answer with a reference ``mlcourse`` computes at that moment (never a
stored number) and returns a feedback: correct, not answered yet, or not
quite, with a hint. The machinery has three parts:

- :mod:`.feedback`: the verdict (first line, case in brief, details on request), hints in steps,
  number exercises (``check_value``, at the digits asked, in any form of the same numbers);
- :mod:`.checking`: function exercises, called on fresh cases (``check_function``, ``Case``),
  with the library's own answer refused (``shortcuts=``);
- :mod:`.timelimit`: the time limit that stops a student's endless loop.
"""

from .checking import Case, calls_shortcut, check_function, default_compare, random_cases, shortcut_name, use
from .feedback import (FIRST_LINE, SOLUTION_POINTER, Feedback, agreeing_digits, check_value, conform, correct,
                       describe_form, exercise, incorrect, is_blank, numbers_agree, reset_attempts, unanswered)
from .timelimit import TimeLimitExceeded, call_with_time_limit

__all__ = ["Feedback", "exercise", "is_blank", "correct", "incorrect", "unanswered", "check_value",
           "check_function", "default_compare", "Case", "use", "reset_attempts", "random_cases",
           "SOLUTION_POINTER", "FIRST_LINE", "TimeLimitExceeded", "call_with_time_limit", "conform",
           "numbers_agree", "agreeing_digits", "describe_form", "shortcut_name", "calls_shortcut"]
