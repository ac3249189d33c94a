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


# ---- the honest evaluation: events in a record, STA/LTA, matching, thresholds, b-values ---------

def test_inserted_events_sit_where_the_catalogue_says():
    rng = np.random.default_rng(0)
    noise = rng.normal(size=25 * 1800)
    template = np.r_[np.zeros(5), 10 * np.sin(np.arange(100) / 3)]
    record, onsets = det.insert_events(noise, [template], 10, 25.0, rng=1, snr_range=(10, 10))
    assert len(onsets) == 10 and np.all(np.diff(onsets) >= 60) and onsets.min() >= 60
    for onset in onsets:
        start = int(round(onset * 25))
        added = record[start:start + 105] - noise[start:start + 105]
        assert np.abs(added).max() == pytest.approx(10 * noise.std())  # peak = snr x noise std
    assert np.array_equal(record[:int(onsets[0] * 25)], noise[:int(onsets[0] * 25)])
    with pytest.raises(ValueError, match="do not fit"):
        det.insert_events(noise, [template], 100, 25.0, rng=0)


def test_sta_lta_equals_obspy():
    from obspy.signal.trigger import classic_sta_lta

    rng = np.random.default_rng(3)
    for n, nsta, nlta in [(500, 5, 50), (60, 1, 60), (30, 3, 4)]:
        x = rng.normal(size=n) * np.r_[np.ones(n // 2), 5 * np.ones(n - n // 2)]
        assert np.allclose(det.sta_lta(x, nsta, nlta), classic_sta_lta(x, nsta, nlta))
    with pytest.raises(ValueError, match="nlta"):
        det.sta_lta(np.ones(10), 2, 20)


def test_precision_recall_counts_each_onset_once():
    assert det.precision_recall([100.0, 103.0, 250.0], [102.0, 400.0], 5.0) == (1 / 3, 0.5)
    assert det.precision_recall([], [1.0], 5.0) == (0.0, 0.0)
    assert det.precision_recall([1.0], [], 5.0) == (0.0, 0.0)


def test_threshold_is_chosen_by_f1_and_ties_go_to_the_higher_threshold():
    times = np.arange(0, 1000, 1.0)
    score = np.zeros_like(times)
    score[[100, 300]] = 0.9      # two real events
    score[600] = 0.6              # a noise burst
    onsets = np.array([100.0, 300.0])
    threshold, f1 = det.choose_threshold(score, times, onsets, [0.5, 0.7, 0.8], tolerance=5, min_gap=20)
    assert threshold == 0.8 and f1 == 1.0   # 0.7 and 0.8 tie at F1 = 1: the higher one
    recall, alarms = det.trade_off(score, times, onsets, [0.5, 0.8], 5, 20, hours=0.5)
    assert recall.tolist() == [1.0, 1.0] and alarms.tolist() == [2.0, 0.0]


def test_predict_windows_in_batches_equals_one_call():
    from mlcourse.layers import Conv1D, Dense, Flatten, MaxPool1D
    from mlcourse.network import Sequential

    rng = np.random.default_rng(0)
    net = Sequential(Conv1D(1, 2, 5, rng=rng), MaxPool1D(2), Flatten(), Dense(2 * 23, 1, "sigmoid", rng=rng))
    X = rng.normal(size=(37, 50))
    assert np.allclose(det.predict_windows(net, X, batch_size=8), net.predict(X[:, None, :])[:, 0])


def test_b_value_recovers_a_synthetic_gutenberg_richter_law():
    rng = np.random.default_rng(0)
    m = np.round(0.95 + rng.exponential(1 / np.log(10), 20_000), 1)   # b = 1 above Mc = 1.0
    m = m[m >= 1.0]
    b = det.b_value(m, 1.0)
    sigma = det.b_value_uncertainty(m, 1.0)
    assert abs(b - 1.0) < 3 * sigma and 0.005 < sigma < 0.02
    # Shi and Bolt's error is about b / sqrt(N) for a pure exponential law
    assert sigma == pytest.approx(b / np.sqrt(len(m)), rel=0.1)
    # with an incomplete range below 1.0, b-stability finds Mc at 1.0 or just above
    low = np.round(rng.uniform(0.0, 0.95, 3000), 1)
    assert 1.0 <= det.mc_by_b_stability(np.r_[m, low], np.round(np.arange(0.0, 2.0, 0.1), 1)) <= 1.2
    with pytest.raises(ValueError, match="at least 2"):
        det.b_value([1.0, 2.0], 1.5)


def _direct_correlation(data, template):
    """The normalised cross-correlation written out window by window: np.corrcoef at every start."""
    m = len(template)
    return np.array([np.corrcoef(data[i:i + m], template)[0, 1] for i in range(len(data) - m + 1)])


def test_template_correlation_is_the_pearson_correlation_of_every_window():
    rng = np.random.default_rng(3)
    data = rng.normal(size=600) * 50 + 7          # an offset and a scale the correlation ignores
    short, long = rng.normal(size=40), rng.normal(size=90)
    got = det.template_correlation(data, [short, long])
    expected = np.maximum(np.abs(_direct_correlation(data, short))[:len(got)], np.abs(_direct_correlation(data, long)))
    assert got.shape == (600 - 90 + 1,)
    np.testing.assert_allclose(got, expected, atol=1e-10)


def test_template_correlation_finds_an_inserted_copy_of_either_polarity():
    rng = np.random.default_rng(4)
    template = np.sin(np.arange(80) / 3) * np.exp(-np.arange(80) / 30)
    data = rng.normal(size=3000)
    data[1000:1080] -= 20 * template               # reversed polarity, well above the noise
    score = det.template_correlation(data, [template])
    assert int(np.argmax(score)) == 1000 and score[1000] > 0.98
    assert np.all(score <= 1.0) and np.all(score >= 0.0)


def test_template_correlation_agrees_with_obspy():
    correlate_template = pytest.importorskip("obspy.signal.cross_correlation").correlate_template
    rng = np.random.default_rng(5)
    data, template = rng.normal(size=2000), rng.normal(size=150)
    np.testing.assert_allclose(det.template_correlation(data, [template]),
                               np.abs(correlate_template(data, template, normalize="full")), atol=1e-10)


def test_template_correlation_scores_a_flat_stretch_zero():
    data = np.r_[np.zeros(200), np.random.default_rng(6).normal(size=200)]
    score = det.template_correlation(data, [np.arange(10.0)])
    assert np.all(score[:191] == 0) and np.all(np.isfinite(score))


@pytest.mark.parametrize("data, templates, error, message", [
    (np.zeros(100), np.ones(10), TypeError, "list of 1-D arrays"),
    (np.zeros(100), [], ValueError, "at least one"),
    (np.zeros(5), [np.arange(10.0)], ValueError, "do not fit"),
    (np.zeros(100), [np.ones(10)], ValueError, "constant"),
    (np.r_[np.zeros(99), np.nan], [np.arange(10.0)], ValueError, "data"),
])
def test_template_correlation_refuses_bad_inputs(data, templates, error, message):
    with pytest.raises(error, match=message):
        det.template_correlation(data, templates)


def test_make_windows_reports_the_snr_it_drew_without_changing_the_windows():
    noise = np.random.default_rng(7).normal(size=5000)
    template = [np.r_[np.zeros(5), np.sin(np.arange(40) / 2)]]
    X, y, onsets = det.make_windows(noise, template, 30, 200, rng=2, snr_range=(2, 8))
    X2, y2, onsets2, snr = det.make_windows(noise, template, 30, 200, rng=2, snr_range=(2, 8), return_snr=True)
    assert np.array_equal(X, X2) and np.array_equal(y, y2) and np.array_equal(onsets, onsets2)
    assert np.all(np.isnan(snr[y == 0])) and np.all((snr[y == 1] >= 2) & (snr[y == 1] <= 8))
