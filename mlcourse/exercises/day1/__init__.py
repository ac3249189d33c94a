"""Checks for the exercises of Day 1 (overview of ML and the submarine hands-on), in three parts.

Each check recomputes the reference with numpy or mlcourse from the same
inputs the student used, and recognises the usual mistakes. The function
exercises (gradient descent, a layer's forward pass, back-propagation, the
training loop) call the student's function on fresh random cases and compare
with mlcourse.

- :mod:`.fitting`: sections 8-11, ``y = w x`` and gradient descent, a neuron, a layer, the quiz;
- :mod:`.learning`: sections 14-16, losses, one chain-rule step, back-propagation, the training loop, the learning rate;
- :mod:`.evaluation`: sections 17-19, the metrics, a baseline, a choice on validation data.
"""

import functools
from types import SimpleNamespace

from ..checking import use
from . import evaluation, fitting, learning
from .evaluation import baseline_mae, cat_detection, iou, reference_choice, validation_choice
from .fitting import (collapsed_layer, dense_forward_function, gradient_descent_bias_function,
                      gradient_descent_function, layer_output, least_squares_reference, least_squares_w,
                      neuron_output, quiz_feedback, reference_dense_forward, reference_descent,
                      reference_descent_bias, weight_shape)
from .learning import (backprop_function, chain_rule_scalar, learning_rate, loss_values, reference_gradients,
                       reference_train, training_loop_function)

__all__ = ["least_squares_w", "gradient_descent_function", "gradient_descent_bias_function",
           "neuron_output", "weight_shape", "layer_output", "dense_forward_function", "quiz_feedback",
           "collapsed_layer", "loss_values", "chain_rule_scalar", "backprop_function", "training_loop_function",
           "learning_rate", "cat_detection", "iou", "baseline_mae", "validation_choice"]

SLIPS = fitting.SLIPS + learning.SLIPS + evaluation.SLIPS
"""Every known slip of Day 1 that a check names in its hint: ``(exercise id, description)``."""


def _late(module, name: str):
    """``module.name``, looked up at each call: a check that blocks the reference also blocks this door to it."""
    @functools.wraps(getattr(module, name))
    def call(*args, **kwargs):
        return getattr(module, name)(*args, **kwargs)
    return call


# What the notebook falls back on (through ``use``) when an exercise is not answered or not right.
references = SimpleNamespace(gradient_descent=_late(fitting, "reference_descent"),
                             gradient_descent_bias=_late(fitting, "reference_descent_bias"),
                             least_squares_w=least_squares_reference,
                             dense_forward=_late(fitting, "reference_dense_forward"),
                             backprop=_late(learning, "reference_gradients"),
                             train=_late(learning, "reference_train"),
                             validation_choice=reference_choice)
