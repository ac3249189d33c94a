"""The Joyner-Boore equation: its fit recovers known coefficients and the paper's from the real records."""

import numpy as np
import pytest

from mlcourse import ground_motion as gm
from mlcourse.datasets import load_strong_motion


def test_fit_recovers_the_coefficients_of_noise_free_data():
    rng = np.random.default_rng(0)
    M, R = rng.uniform(5, 7.7, 100), rng.uniform(1, 300, 100)
    truth = gm.GMPE(a=-1.2, b=0.3, c=-0.003, h=9.0)
    fitted = gm.fit_gmpe(M, R, gm.predict_pga(truth, M, R))
    assert (fitted.a, fitted.b, fitted.c, fitted.h) == pytest.approx((-1.2, 0.3, -0.003, 9.0), abs=1e-6)


def test_fit_on_the_joyner_boore_records_is_close_to_the_paper():
    sm = load_strong_motion()
    fitted = gm.fit_gmpe(sm.mag, sm.dist, sm.accel)
    assert fitted.b == pytest.approx(gm.JB1981.b, abs=0.02)
    assert fitted.a == pytest.approx(gm.JB1981.a, abs=0.1)
    assert 5 < fitted.h < 10 and -0.004 < fitted.c < 0


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
