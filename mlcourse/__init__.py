"""mlcourse: the mechanics of machine learning, from scratch in numpy.

The helper package of the ICTP_EQ course "Machine learning for geoscientists".
Each module holds one idea of the lectures, named as the slides name it:

- ``neurons``      a single neuron, ``y = w x`` and ``y = sum_i w_i x_i + b``
- ``activations``  the non-linear functions ``f`` in ``x(n) = f(W(n) x(n-1) + b(n))``
- ``layers``       ``Dense`` (``y_i = W_ij x_j + b_i``), activation and convolution layers
- ``network``      ``Sequential`` networks and the collapse of stacked linear layers
- ``losses``       ``L(y, y')``: mean-squared error, cross-entropy, ...
- ``optimizers``   gradient descent with momentum, Adam
- ``training``     ``fit``: the training loop of the slides
- ``metrics``      accuracy, precision, recall, F1, ROC/AUC, MAE, MSE, R², IoU
- ``trees``        decision trees and random forests
- ``datasets``     real data shipped with the course, and documented generators
- ``plotting``, ``widgets``, ``exercises``   figures, live demos and exercise checks
"""

__version__ = "0.1.0"
