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

__all__ = ["spatial_blocks", "chronological_split", "distance_km", "semivariogram", "buffered_folds"]

EARTH_RADIUS_KM = 6371.0


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


def distance_km(lat1, lon1, lat2, lon2) -> np.ndarray:
    """Great-circle distance in km (haversine), broadcast like numpy.

    >>> round(float(distance_km(0.0, 0.0, 0.0, 1.0)), 1)
    111.2
    """
    lat1, lon1, lat2, lon2 = (np.radians(np.asarray(v, dtype=float)) for v in (lat1, lon1, lat2, lon2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def semivariogram(latitude, longitude, values, bin_edges_km):
    """Empirical semivariogram: half the mean squared difference of ``values`` by distance.

    Pairs of samples closer than the correlation range have similar values
    (small semivariance); beyond the range the semivariance levels off at the
    variance of the data (the *sill*). The range is the distance a spatial block
    must exceed so that test samples have no correlated neighbours in training
    (Roberts et al. 2017).

    Parameters
    ----------
    latitude, longitude, values : array-like of shape (n,)
    bin_edges_km : array-like
        Increasing distance-bin edges in km.

    Returns
    -------
    centres, gamma, counts : ndarray
        Bin centres (km), semivariance per bin (NaN for an empty bin), pairs per bin.

    >>> c, g, n = semivariogram([0, 0, 0], [0, 0.1, 5], [1.0, 1.0, 3.0], [0, 50, 1000])
    >>> g.tolist(), n.tolist()
    ([0.0, 2.0], [1, 2])
    """
    lat, lon = check_vector(latitude, "latitude"), check_vector(longitude, "longitude")
    z = check_vector(values, "values")
    check_consistent_length(latitude=lat, longitude=lon, values=z)
    edges = check_vector(bin_edges_km, "bin_edges_km")
    if len(edges) < 2 or np.any(np.diff(edges) <= 0):
        raise ValueError(f"bin_edges_km must be at least 2 increasing values, got {edges.tolist()}.")
    i, j = np.triu_indices(len(z), k=1)  # every pair once
    d = distance_km(lat[i], lon[i], lat[j], lon[j])
    half_sq = 0.5 * (z[i] - z[j]) ** 2
    which = np.digitize(d, edges) - 1
    inside = (which >= 0) & (which < len(edges) - 1)
    counts = np.bincount(which[inside], minlength=len(edges) - 1)
    sums = np.bincount(which[inside], weights=half_sq[inside], minlength=len(edges) - 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        gamma = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    return (edges[:-1] + edges[1:]) / 2, gamma, counts


def buffered_folds(folds, latitude, longitude, buffer_km: float):
    """Drop from each training fold the samples closer than ``buffer_km`` to any test sample.

    Blocks alone leave test samples at a block's edge next to training samples
    just across it; the buffer removes those neighbours (Roberts et al. 2017).

    Parameters
    ----------
    folds : iterable of (train_index, test_index)
    latitude, longitude : array-like of shape (n,)
    buffer_km : float
        Minimum distance between a training and a test sample (0 keeps the folds).

    Returns
    -------
    list of (train_index, test_index)

    >>> folds = [(np.array([0, 1]), np.array([2]))]
    >>> buffered_folds(folds, [0.0, 0.0, 0.0], [0.0, 2.0, 2.5], buffer_km=100)[0][0].tolist()
    [0]
    """
    lat, lon = check_vector(latitude, "latitude"), check_vector(longitude, "longitude")
    check_consistent_length(latitude=lat, longitude=lon)
    buffer_km = check_scalar(buffer_km, "buffer_km", minimum=0.0)
    out = []
    for train, test in folds:
        train, test = np.asarray(train), np.asarray(test)
        nearest = distance_km(lat[train, None], lon[train, None], lat[None, test], lon[None, test]).min(axis=1)
        out.append((train[nearest >= buffer_km], test))
    return out


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
