"""A physics-based ground-motion equation, the yardstick for machine-learned ones.

Joyner & Boore (1981, BSSA 71(6), 2011-2038) fitted peak horizontal
acceleration (PGA, in g) with

    log10 PGA = a + b M - log10 r + c r,    r = sqrt(R^2 + h^2)

- ``a + b M``: bigger earthquakes shake harder;
- ``-log10 r``: geometric spreading of body waves (amplitude ~ 1/r);
- ``c r`` (c < 0): anelastic attenuation, energy lost along the path;
- ``h``: a fictitious depth that keeps the shaking finite next to the fault.

They found a = -1.02, b = 0.249, c = -0.00255 1/km and h = 7.3 km.
For fixed ``h`` the equation is linear in (a, b, c), so least squares solves
it; ``h`` is found by trying a grid of values.

>>> coef = JB1981
>>> round(float(predict_pga(coef, 6.5, 20.0)), 3)
0.164
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import check_consistent_length, check_vector

__all__ = ["GMPE", "JB1981", "predict_log_pga", "predict_pga", "fit_gmpe"]


@dataclass(frozen=True)
class GMPE:
    """Coefficients of ``log10 PGA = a + b M - log10 r + c r``, ``r = sqrt(R^2 + h^2)``."""

    a: float
    b: float
    c: float
    h: float

    def __str__(self) -> str:
        return (f"log10 PGA = {self.a:.3f} + {self.b:.3f} M - log10 r {self.c:+.5f} r, "
                f"r = sqrt(R² + {self.h:.1f}²)")


JB1981 = GMPE(a=-1.02, b=0.249, c=-0.00255, h=7.3)


def predict_log_pga(coef: GMPE, magnitude, distance_km):
    """``log10`` of the peak acceleration (g) predicted at each (M, R).

    >>> round(float(predict_log_pga(JB1981, 7.0, 10.0)), 3)
    -0.401
    """
    M, R = np.asarray(magnitude, float), np.asarray(distance_km, float)
    r = np.sqrt(R ** 2 + coef.h ** 2)
    return coef.a + coef.b * M - np.log10(r) + coef.c * r


def predict_pga(coef: GMPE, magnitude, distance_km):
    """Peak horizontal acceleration in g predicted at each (M, R)."""
    return 10.0 ** predict_log_pga(coef, magnitude, distance_km)


def fit_gmpe(magnitude, distance_km, pga_g, h_grid=np.arange(1.0, 20.01, 0.1)) -> GMPE:
    """Least-squares fit of the Joyner-Boore form to observed peak accelerations.

    For each ``h`` of the grid, (a, b, c) follow from linear least squares on
    ``log10 PGA + log10 r = a + b M + c r``; the ``h`` with the smallest
    squared residual wins.

    Parameters
    ----------
    magnitude, distance_km, pga_g : array-like of shape (n_records,)
    h_grid : array-like
        Fictitious depths to try, in km.

    Returns
    -------
    GMPE

    Examples
    --------
    >>> M = np.array([5.0, 6.0, 7.0, 5.5, 6.5, 7.5]); R = np.array([5.0, 20.0, 80.0, 40.0, 10.0, 150.0])
    >>> fitted = fit_gmpe(M, R, predict_pga(JB1981, M, R))
    >>> round(fitted.b, 3), round(fitted.h, 1)
    (0.249, 7.3)
    """
    M, R = check_vector(magnitude, "magnitude"), check_vector(distance_km, "distance_km")
    pga = check_vector(pga_g, "pga_g")
    check_consistent_length(magnitude=M, distance_km=R, pga_g=pga)
    if np.any(pga <= 0):
        raise ValueError("pga_g must be positive: its logarithm is fitted.")
    best = None
    for h in check_vector(h_grid, "h_grid"):
        r = np.sqrt(R ** 2 + h ** 2)
        design = np.c_[np.ones_like(M), M, r]
        target = np.log10(pga) + np.log10(r)
        coef, *_ = np.linalg.lstsq(design, target, rcond=None)
        sse = np.sum((design @ coef - target) ** 2)
        if best is None or sse < best[0] - 1e-12:
            best = (sse, GMPE(float(coef[0]), float(coef[1]), float(coef[2]), float(round(h, 6))))
    return best[1]
