"""Splits that respect the structure of geoscience data: time and space.

Random splits assume the samples are independent. Measurements close in time
or space are not: a random split then puts near-copies of the test samples in
the training set, and the score flatters the model (Roberts et al. 2017,
Ecography 40, 913-929, doi:10.1111/ecog.02881). scikit-learn's
``GroupKFold`` and ``TimeSeriesSplit`` do the splitting; these helpers make
the groups and the chronological cut.

>>> spatial_blocks([10.2, 10.9, 12.5], [100.1, 100.8, 100.2], size_deg=1.0).tolist()
[0, 0, 1]
"""

from __future__ import annotations

import numbers

import numpy as np

from ._validation import check_consistent_length, check_scalar, check_vector

__all__ = ["spatial_blocks", "chronological_split"]


def spatial_blocks(latitude, longitude, size_deg: float = 1.0) -> np.ndarray:
    """Number each sample by the ``size_deg`` x ``size_deg`` cell of the map it falls in.

    Use the result as ``groups`` of ``sklearn.model_selection.GroupKFold``: whole
    cells then go to the test fold, and the test samples have no close
    neighbours in training. Choose cells larger than the distance over which the
    data are correlated.

    Returns
    -------
    ndarray of int
        Block numbers 0, 1, 2, ... in order of first appearance.
    """
    lat, lon = check_vector(latitude, "latitude"), check_vector(longitude, "longitude")
    check_consistent_length(latitude=lat, longitude=lon)
    size = check_scalar(size_deg, "size_deg", minimum=0.0, include_minimum=False)
    cells = np.c_[np.floor(lat / size), np.floor(lon / size)]
    _, first, ids = np.unique(cells, axis=0, return_index=True, return_inverse=True)
    order = np.argsort(np.argsort(first))  # renumber blocks by first appearance
    return order[ids.ravel()]


def chronological_split(times, test_fraction: float = 0.2):
    """Indices of the earlier samples (train) and the latest ``test_fraction`` of them (test).

    >>> train, test = chronological_split([3, 1, 2, 5, 4], test_fraction=0.4)
    >>> train.tolist(), test.tolist()
    ([1, 2, 0], [4, 3])
    """
    t = np.asarray(times)
    if t.ndim != 1 or len(t) < 2:
        raise ValueError(f"times must be a 1-D array of at least 2 samples, got shape {t.shape}.")
    check_scalar(test_fraction, "test_fraction", minimum=0.0, maximum=1.0, include_minimum=False,
                 include_maximum=False)
    order = np.argsort(t, kind="stable")
    n_test = max(1, int(round(test_fraction * len(t))))
    return order[:-n_test], order[-n_test:]
