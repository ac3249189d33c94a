"""mlcourse: the mechanics of machine learning, from scratch in numpy.

The helper package of the ICTP_EQ course "Machine learning for geoscientists".
Each module holds one idea of the lectures, named as the slides name it:

- ``neurons``          a single neuron, ``y = w x`` and ``y = sum_i w_i x_i + b``
- ``activations``      the non-linear functions ``f`` in ``x(n) = f(W(n) x(n-1) + b(n))``
- ``layers``           ``Dense`` (``y_i = W_ij x_j + b_i``), activation and convolution layers
- ``network``          ``Sequential`` networks and the collapse of stacked linear layers
- ``losses``           ``L(y_pred, y_true)`` as in PyTorch: ``mse``, ``mae``, cross-entropy, ...
- ``optimizers``       gradient descent with momentum, Adam
- ``training``         ``fit``: the training loop of the slides (zero_grad, forward, backward, step)
- ``landscape``        the loss along a line or a plane through the weights (Li et al. 2018)
- ``metrics``          scores ``(y_true, y_pred)`` with scikit-learn's names: ``accuracy_score``,
  ``precision_score``, ``recall_score``, ``f1_score``, ``roc_auc_score``, ``mean_squared_error``, R², IoU
- ``trees``            a decision tree to read: ``impurity``, ``best_split``, ``grow_tree``, ``predict_tree``
- ``forests``          the estimators: ``DecisionTreeClassifier``, ``RandomForestRegressor``, ... (bagging, OOB)
- ``inspection``       what a fitted model uses: ``permutation_importance``, ``export_text``
- ``splits``           splits that respect time and space: ``chronological_split``, ``spatial_blocks``
- ``selection``        choosing a model without letting noise decide: the one-standard-error rule
- ``claims``           ``claim(text, condition)``: a conclusion of a notebook, checked on every run
- ``detection``        Day 2: augmented windows, features, a sliding detector, a picker
- ``ground_motion``    Day 4: the Joyner-Boore ground-motion equation
- ``datasets``         real data shipped with the course, and documented generators
- ``plotting``         the course's figures (activations, decision boundaries, curves)
- ``lecture_figures``  the figures of the lecture parts (history of ML, ocean profiles, ...)
- ``widgets``          live demos for the lectures, one module per day: they only draw
- ``exercises``        the checks of the exercises, one module (or package) per day: they judge the answers
"""

__version__ = "0.1.0"
