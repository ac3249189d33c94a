"""The detector's mechanics: labels, the held-out stretch, features, sliding, matching and the AIC pick."""

import numpy as np
import pytest

from mlcourse import detection as det


def test_windows_are_labelled_by_what_was_inserted():
    rng = np.random.default_rng(0)
    noise = rng.normal(size=20_000)
    template = np.r_[np.zeros(5), 50 * np.sin(np.arange(60) / 2)]
    X, y, onsets = det.make_windows(noise, [template], 200, length=300, rng=1, snr_range=(20, 30))
    assert y.sum() == 100 and np.all((onsets >= 0) == (y == 1))
    assert np.all(np.abs(X).max(axis=1) == pytest.approx(1.0))
    # with a strong event the largest sample sits after the onset, in noise anywhere
    peak = np.abs(X).argmax(axis=1)
    assert np.all(peak[y == 1] >= onsets[y == 1])


def test_held_out_stretch_never_reaches_training():
    record = np.arange(1.0, 100_001.0)  # each sample's value is its time
    train, held = det.held_out_split(record, 0.25)
    assert train.max() < held.min() and len(held) == 25_000
    X, y, _ = det.make_windows(train, [np.ones(10)], 300, length=500, rng=0, event_fraction=0.0)
    # a noise window of increasing values is normalised by its last sample: its first sample
    # over its last gives back where it was cut, which must lie inside the training part
    ratio = X[:, 0] / X[:, -1]
    first = ratio * 499 / (1 - ratio)
    assert y.sum() == 0 and first.max() + 500 <= len(train) + 1


def test_insert_event_scales_to_the_snr():
    rng = np.random.default_rng(2)
    noise = rng.normal(size=1000)
    out = det.insert_event(noise, np.r_[1.0, -3.0, 2.0], 500, snr=10.0)
    added = out - noise
    assert np.abs(added).max() == pytest.approx(10.0 * noise.std())
    assert np.all(added[:500] == 0) and np.all(added[503:] == 0)


def test_features_separate_an_impulse_from_noise():
    rng = np.random.default_rng(3)
    noise = rng.normal(size=(1, 250))
    event = noise.copy()
    event[0, 100:140] += 30 * np.sin(2 * np.pi * 7 * np.arange(40) / 25)  # a 7 Hz burst
    f_noise, f_event = det.window_features(noise, 25.0)[0], det.window_features(event, 25.0)[0]
    assert f_event[0] > f_noise[0] and f_event[1] > f_noise[1]  # envelope peak ratio, kurtosis
    assert f_event[4] > 0.6  # most energy in 6-10 Hz


def test_sliding_detections_and_matching():
    windows, starts = det.sliding_windows(np.r_[np.ones(50), 5 * np.ones(50)], length=20, step=10)
    assert windows.shape == (9, 20) and starts[-1] == 80
    assert det.detections([0.2, 0.6, 0.7, 0.1, 0.9], starts[:5]).tolist() == [10, 40]
    assert det.match_detections([10, 11, 70], [12, 40], tolerance=5) == (1, 2, 1)


def test_aic_pick_finds_a_synthetic_onset():
    rng = np.random.default_rng(4)
    for onset in [200, 450, 700]:
        x = np.r_[rng.normal(0, 1, onset), rng.normal(0, 8, 1000 - onset)]
        assert abs(det.aic_pick(x) - onset) <= 3


@pytest.mark.parametrize("call, match", [
    (lambda: det.held_out_split(np.arange(10.0), 1.0), "held_out_fraction must be < 1"),
    (lambda: det.make_windows(np.zeros(100), [np.ones(3)], 5, length=200), "length must be <= 100"),
    (lambda: det.window_features(np.zeros(10), 25.0), "X must be a 2-D array"),
])
def test_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()
