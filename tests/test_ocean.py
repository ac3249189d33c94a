"""The synthetic ocean keeps the physics it promises."""

import numpy as np
import pandas as pd
import pytest

from mlcourse.datasets import (OCEAN_INPUTS, OCEAN_TARGETS, OCEAN_UNITS, make_ocean_profiles,
                               saunders_pressure)


@pytest.fixture(scope="module")
def ocean():
    return make_ocean_profiles(20_000, rng=0)


@pytest.fixture(scope="module")
def clean():
    return make_ocean_profiles(20_000, rng=0, noise=False)


def test_columns_and_units(ocean):
    assert list(ocean.columns) == OCEAN_INPUTS + OCEAN_TARGETS
    assert set(OCEAN_UNITS) == set(ocean.columns)


@pytest.mark.parametrize("column, low, high", [
    ("latitude_deg", -70, 70), ("longitude_deg", -180, 180), ("depth_m", 0, 1000),
    ("temperature_C", -4.5, 33), ("pressure_dbar", 0, 1015), ("pH", 7.55, 8.2),
    ("salinity_psu", 32.5, 37.5), ("light_W_m2", 0, 400),
])
def test_realistic_ranges(ocean, column, low, high):
    assert ocean[column].between(low, high).all()


def test_seeding():
    pd.testing.assert_frame_equal(make_ocean_profiles(50, rng=3), make_ocean_profiles(50, rng=3))
    assert not make_ocean_profiles(50, rng=3).equals(make_ocean_profiles(50, rng=4))


def test_temperature_falls_with_depth_and_latitude(clean):
    tropics = clean[clean.latitude_deg.abs() < 15]
    shallow, deep = tropics[tropics.depth_m < 50], tropics[tropics.depth_m > 900]
    assert shallow.temperature_C.mean() > 24 and deep.temperature_C.mean() < 5
    polar_surface = clean[(clean.latitude_deg.abs() > 60) & (clean.depth_m < 50)]
    assert polar_surface.temperature_C.mean() < 6


def test_pressure_is_about_one_dbar_per_metre(ocean):
    slope = np.polyfit(ocean.depth_m, ocean.pressure_dbar, 1)[0]
    assert 1.0 < slope < 1.03
    assert saunders_pressure(0.0, 45.0) == 0.0


def test_salinity_peaks_in_the_subtropics(clean):
    surface = clean[clean.depth_m < 30]
    sub = surface[surface.latitude_deg.abs().between(20, 30)].salinity_psu.mean()
    eq = surface[surface.latitude_deg.abs() < 5].salinity_psu.mean()
    high = surface[surface.latitude_deg.abs() > 55].salinity_psu.mean()
    assert sub > 36 and sub > eq + 1 and sub > high + 1.5
    north_deep = clean[(clean.depth_m > 900) & (clean.latitude_deg > 0)]
    assert abs(north_deep.salinity_psu.mean() - 34.7) < 0.05


def test_antarctic_intermediate_water_and_the_season_break_the_symmetry(clean):
    at_800 = clean[clean.depth_m.between(700, 900) & (clean.latitude_deg.abs() > 30)]
    south = at_800[at_800.latitude_deg < 0].salinity_psu.mean()
    north = at_800[at_800.latitude_deg > 0].salinity_psu.mean()
    assert north - south > 0.25
    surface = clean[(clean.depth_m < 20) & clean.latitude_deg.abs().between(30, 40)]
    warmer_north = surface[surface.latitude_deg > 0].temperature_C.mean() - \
        surface[surface.latitude_deg < 0].temperature_C.mean()
    assert 2.5 < warmer_north < 6.0  # June: northern summer, southern winter


def test_ph_minimum_at_mid_depth(clean):
    bins = pd.cut(clean.depth_m, np.arange(0, 1001, 100))
    profile = clean.groupby(bins, observed=True).pH.mean()
    deepest_min = profile.index[profile.argmin()].mid
    assert 500 <= deepest_min <= 1000
    assert profile.iloc[0] > 8.0 and profile.min() < 7.72 and profile.iloc[-1] > profile.min() + 0.05


def test_light_decays_exponentially(ocean):
    lit = ocean[(ocean.depth_m < 100) & (ocean.light_W_m2 > 1)]
    lat = lit.latitude_deg.to_numpy()
    surface = 350 * np.cos(np.radians(lat - 23.4))
    k = -np.polyfit(lit.depth_m, np.log(lit.light_W_m2 / surface), 1)[0]
    assert k == pytest.approx(0.04, rel=0.05)


def test_inputs_nearly_blind_to_longitude(ocean):
    for column in OCEAN_INPUTS:
        assert abs(np.corrcoef(ocean[column], ocean.longitude_deg)[0, 1]) < 0.1
    X = np.c_[ocean[OCEAN_INPUTS], np.ones(len(ocean))]
    coef, *_ = np.linalg.lstsq(X, ocean.longitude_deg, rcond=None)
    residual = ocean.longitude_deg - X @ coef
    assert 1 - residual.var() / ocean.longitude_deg.var() < 0.02  # a linear fit explains < 2 %


def test_bad_arguments():
    with pytest.raises(ValueError, match="n_samples must be >= 1"):
        make_ocean_profiles(0)
    with pytest.raises(TypeError, match="rng must be"):
        make_ocean_profiles(10, rng="x")


def test_deep_light_carries_no_hemisphere(ocean):
    """Below the noise floor, light cannot tell 25°N from 25°S; above it, it can."""
    z = ocean.pressure_dbar / 1.01
    surface_estimate = np.log(np.clip(ocean.light_W_m2, 1e-12, None)) + 0.04 * z
    says_north = surface_estimate > np.log(321.0)   # 350 cos(35 - 23.4): north of it within 35°
    tropics = ocean.latitude_deg.abs() < 35
    north = ocean.latitude_deg > 0
    shallow = tropics & ocean.depth_m.between(60, 150)
    deep = tropics & (ocean.depth_m > 300)
    assert (says_north[shallow] == north[shallow]).mean() > 0.8
    assert abs((says_north[deep] == north[deep]).mean() - 0.5) < 0.03
