"""The Joyner-Boore equation: its three fits recover known coefficients, and the papers' from the real records."""

import numpy as np
import pytest

from mlcourse import ground_motion as gm
from mlcourse.datasets import load_strong_motion


@pytest.fixture(scope="module")
def records():
    return load_strong_motion()


def test_fit_recovers_the_coefficients_of_noise_free_data():
    rng = np.random.default_rng(0)
    M, R = rng.uniform(5, 7.7, 100), rng.uniform(1, 300, 100)
    truth = gm.GMPE(a=-1.2, b=0.3, c=-0.003, h=9.0)
    fitted = gm.fit_gmpe(M, R, gm.predict_pga(truth, M, R))
    assert (fitted.a, fitted.b, fitted.c, fitted.h) == pytest.approx((-1.2, 0.3, -0.003, 9.0), abs=1e-6)


def test_one_stage_least_squares_on_the_records_is_not_the_paper(records):
    """The naive fit: the Imperial Valley records pull c and h away from the published values."""
    fitted = gm.fit_gmpe(records.mag, records.dist, records.accel)
    assert round(fitted.c, 5) == -0.00196 and round(fitted.h, 1) == 6.6


def test_two_stage_reproduces_joyner_and_boore_1981_to_the_printed_digits(records):
    fit = gm.fit_two_stage(records.mag, records.dist, records.accel, records.event)
    coef = fit.coef
    assert (round(coef.a, 2), round(coef.b, 3), round(coef.c, 5), round(coef.h, 1)) == (-1.02, 0.249, -0.00255, 7.3)
    assert (round(coef.a, 2), round(coef.b, 3), round(coef.c, 5), round(coef.h, 1)) == \
        (gm.JB1981.a, gm.JB1981.b, gm.JB1981.c, gm.JB1981.h)
    # stage 2 uses the 17 events with at least two records; with all 23 it does not reproduce the paper
    assert fit.used_in_stage2.sum() == 17 and fit.n_records.sum() == 182
    every_event = gm.fit_two_stage(records.mag, records.dist, records.accel, records.event, min_records=1).coef
    assert round(every_event.b, 3) != 0.249


def test_two_stage_recovers_noise_free_coefficients():
    M = np.repeat([5.0, 5.5, 6.3, 7.1], 5)
    R = np.tile([1.0, 8.0, 30.0, 90.0, 200.0], 4)
    truth = gm.GMPE(a=-0.8, b=0.22, c=-0.004, h=5.0)
    fit = gm.fit_two_stage(M, R, gm.predict_pga(truth, M, R), np.repeat(list("abcd"), 5),
                           h_grid=np.arange(1.0, 10.01, 0.5))
    assert (fit.coef.a, fit.coef.b, fit.coef.c, fit.coef.h) == pytest.approx((-0.8, 0.22, -0.004, 5.0), abs=1e-9)


def test_mixed_fit_recovers_tau_and_phi_of_synthetic_data():
    rng = np.random.default_rng(1)
    n_events, per_event = 60, 10
    event = np.repeat(np.arange(n_events), per_event)
    M = rng.uniform(5.0, 7.5, n_events)[event]
    R = rng.uniform(1.0, 200.0, event.size)
    truth, tau, phi = gm.GMPE(a=-1.0, b=0.25, c=-0.003, h=7.0), 0.15, 0.25
    eta = rng.normal(0, tau, n_events)
    y = gm.predict_log_pga(truth, M, R) + eta[event] + rng.normal(0, phi, event.size)
    fit = gm.fit_mixed(M, R, 10 ** y, event)
    assert fit.tau == pytest.approx(tau, abs=0.04) and fit.phi == pytest.approx(phi, abs=0.02)
    assert fit.coef.b == pytest.approx(0.25, abs=0.04) and fit.coef.c == pytest.approx(-0.003, abs=0.001)
    # the shrunken event terms follow the true ones
    assert np.corrcoef(fit.event_terms, eta)[0, 1] > 0.8


def test_mixed_fit_reproduces_brillinger_and_preisler_1985(records):
    fit = gm.fit_mixed(records.mag, records.dist, records.accel, records.event)
    assert (round(fit.coef.a, 3), round(fit.coef.b, 3), round(fit.coef.c, 5)) == (-1.229, 0.277, -0.00231)
    assert fit.coef.h == pytest.approx(gm.BP1985.h, abs=0.05)
    assert round(fit.tau, 3) == 0.122 and fit.phi == pytest.approx(0.2284, abs=2e-4)


def test_saturating_form_lowers_the_near_source_motion_of_large_events(records):
    linear = gm.fit_mixed(records.mag, records.dist, records.accel, records.event)
    saturating = gm.fit_mixed(records.mag, records.dist, records.accel, records.event, saturating=True)
    assert saturating.coef.g > 0 and saturating.log_likelihood >= linear.log_likelihood
    assert gm.predict_pga(saturating.coef, 8.0, 1.0) < 0.6 * gm.predict_pga(linear.coef, 8.0, 1.0)
    assert "10^(" in str(saturating.coef)


def test_shrinkage_of_event_terms():
    events, terms = gm.shrunken_terms([0.2] * 9 + [0.2], ["big"] * 9 + ["one"], tau=0.1, phi=0.3)
    assert events.tolist() == ["big", "one"]
    assert terms == pytest.approx([0.2 * 0.01 / (0.01 + 0.09 / 9), 0.2 * 0.01 / (0.01 + 0.09)])


def test_rmse_by_group():
    groups, values = gm.rmse_by_group([0.0, 0.0, 0.0, 1.0], [3.0, -3.0, 3.0, 1.0], [2, 2, 2, 1])
    assert groups.tolist() == [1, 2] and values.tolist() == pytest.approx([0.0, 3.0])


def test_physics_of_the_equation():
    near, far = gm.predict_pga(gm.JB1981, 6.5, [5.0, 50.0])
    assert near > far  # attenuation with distance
    assert gm.predict_pga(gm.JB1981, 7.5, 20.0) / gm.predict_pga(gm.JB1981, 6.5, 20.0) == \
        pytest.approx(10 ** 0.249)  # magnitude scaling: b per unit of M
    assert gm.predict_pga(gm.JB1981, 6.5, 0.0) < 1.0  # h keeps it finite at the fault
    assert "sqrt(R² + 7.3²)" in str(gm.JB1981)


def test_bad_input():
    with pytest.raises(ValueError, match="pga_g must be positive"):
        gm.fit_gmpe([5.0, 6.0], [10.0, 20.0], [0.1, 0.0])
    with pytest.raises(ValueError, match="magnitude has 2, distance_km has 1"):
        gm.fit_gmpe([5.0, 6.0], [10.0], [0.1, 0.2])
    with pytest.raises(ValueError, match="one label per record"):
        gm.fit_two_stage([5.0, 6.0], [10.0, 20.0], [0.1, 0.2], [1])
    with pytest.raises(ValueError, match="stage 1 needs"):
        gm.fit_two_stage([5.0, 6.0], [10.0, 20.0], [0.1, 0.2], [1, 2])
    with pytest.raises(ValueError, match="stage 2 needs"):
        gm.fit_two_stage([5.0, 5.0, 6.0], [10.0, 20.0, 5.0], [0.1, 0.05, 0.2], [1, 1, 2])


def test_event_bootstrap_interval_covers_the_difference_and_is_wider_with_few_events():
    rng = np.random.default_rng(3)
    groups = np.repeat(np.arange(20), 10)
    y = rng.normal(size=200)
    a = y + rng.normal(0, 0.30, 20)[groups]   # errors shared within events
    b = y + rng.normal(0, 0.30, 20)[groups]
    d, lo, hi = gm.bootstrap_rmse_difference(y, a, b, groups, rng=np.random.default_rng(0))
    assert lo <= d <= hi and hi - lo > 0.05
    # a bootstrap over records (each record its own group) understates the spread
    _, lo_r, hi_r = gm.bootstrap_rmse_difference(y, a, b, np.arange(200), rng=np.random.default_rng(0))
    assert hi_r - lo_r < hi - lo


def test_per_event_bootstrap_weighs_every_earthquake_once():
    # event 1 has 9 records predicted badly by a, event 2 one record predicted badly by b
    groups = np.r_[np.ones(9), 2]
    y = np.zeros(10)
    a, b = np.r_[np.full(9, 0.4), 0.0], np.r_[np.zeros(9), 0.4]
    pooled, _, _ = gm.bootstrap_rmse_difference(y, a, b, groups, rng=0)
    per_event, lo, hi = gm.bootstrap_rmse_difference(y, a, b, groups, rng=0, per_event=True)
    assert pooled > 0.2 and abs(per_event) < 1e-12 and lo <= per_event <= hi
    rmse = gm.rmse_by_group(y, a, groups)[1].mean() - gm.rmse_by_group(y, b, groups)[1].mean()
    assert np.isclose(per_event, rmse)


def test_weighted_one_stage_fit():
    M = np.array([5.0, 6.0, 7.0, 5.5, 6.5, 7.5]); R = np.array([5.0, 20.0, 80.0, 40.0, 10.0, 150.0])
    pga = gm.predict_pga(gm.JB1981, M, R)
    assert gm.fit_gmpe(M, R, pga, weights=np.arange(1.0, 7.0)).h == pytest.approx(7.3)
    # doubling every weight changes nothing
    noisy = pga * np.array([1.3, 0.8, 1.1, 0.9, 1.2, 1.0])
    doubled, plain = gm.fit_gmpe(M, R, noisy, weights=np.full(6, 2.0)), gm.fit_gmpe(M, R, noisy)
    assert np.allclose([doubled.a, doubled.b, doubled.c, doubled.h], [plain.a, plain.b, plain.c, plain.h])
    with pytest.raises(ValueError, match="weights"):
        gm.fit_gmpe(M, R, pga, weights=np.zeros(6))
