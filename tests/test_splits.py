"""Spatial blocks and the chronological cut."""

import numpy as np
import pandas as pd
import pytest

from mlcourse.splits import chronological_split, spatial_blocks


def test_blocks_group_neighbours_and_separate_distant_points():
    lat = np.array([0.1, 0.9, 1.1, -0.5, 0.5])
    lon = np.array([0.1, 0.9, 0.1, 0.1, 5.5])
    np.testing.assert_array_equal(spatial_blocks(lat, lon, 1.0), [0, 0, 1, 2, 3])
    assert len(set(spatial_blocks(lat + 5, lon, 10.0))) == 1  # all inside one 10° cell


def test_no_block_is_split_by_group_kfold():
    from sklearn.model_selection import GroupKFold

    rng = np.random.default_rng(0)
    lat, lon = rng.uniform(-20, 20, 300), rng.uniform(160, 190, 300)
    blocks = spatial_blocks(lat, lon, 5.0)
    for train, test in GroupKFold(5).split(lat, groups=blocks):
        assert not set(blocks[train]) & set(blocks[test])


def test_chronological_split_keeps_the_future_out():
    times = pd.date_range("2000-01-01", periods=100, freq="MS")[::-1]  # given in reverse order
    train, test = chronological_split(times, 0.25)
    assert len(test) == 25 and times[train].max() < times[test].min()


@pytest.mark.parametrize("call, match", [
    (lambda: spatial_blocks([1.0], [1.0, 2.0]), "latitude has 1, longitude has 2"),
    (lambda: spatial_blocks([1.0], [1.0], size_deg=0), "size_deg must be > 0"),
    (lambda: chronological_split([1, 2, 3], test_fraction=1.0), "test_fraction must be < 1"),
    (lambda: chronological_split([1]), "at least 2 samples"),
])
def test_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_distance_of_one_degree_on_the_equator():
    from mlcourse.splits import distance_km
    assert abs(distance_km(0, 0, 0, 1) - 111.19) < 0.01
    assert abs(distance_km(0, 0, 90, 0) - 10007.5) < 1


def test_semivariogram_rises_to_the_variance_beyond_the_range():
    from mlcourse.splits import semivariogram
    rng = np.random.default_rng(1)
    lat, lon = rng.uniform(-10, 10, 400), rng.uniform(-10, 10, 400)
    field = np.sin(np.radians(lon) * 20)  # smooth: near points alike, a period of about 2000 km
    _, gamma, counts = semivariogram(lat, lon, field, [0, 50, 100, 800, 1200])
    assert gamma[0] < 0.05 * field.var() and gamma[-1] > 0.5 * field.var()
    assert counts.sum() <= 400 * 399 // 2


def test_buffer_removes_close_training_samples_only():
    from mlcourse.splits import buffered_folds
    lat = np.zeros(4)
    lon = np.array([0.0, 1.0, 3.0, 3.2])   # 111 km steps; sample 3 is the test
    (train, test), = buffered_folds([(np.array([0, 1, 2]), np.array([3]))], lat, lon, buffer_km=100)
    assert train.tolist() == [0, 1] and test.tolist() == [3]
    (train, _), = buffered_folds([(np.array([0, 1, 2]), np.array([3]))], lat, lon, buffer_km=0)
    assert train.tolist() == [0, 1, 2]


def test_semivariogram_bad_bins():
    from mlcourse.splits import semivariogram
    with pytest.raises(ValueError, match="increasing"):
        semivariogram([0, 1], [0, 1], [1, 2], [10, 5])
