"""A physics-based ground-motion equation, the yardstick for machine-learned ones.

Joyner & Boore (1981, BSSA 71(6), 2011-2038, https://doi.org/10.1785/BSSA0710062011)
fitted peak horizontal acceleration (PGA, in g) with

    log10 PGA = a + b M - log10 r + c r,    r = sqrt(R^2 + h^2)

- ``a + b M``: bigger earthquakes shake harder;
- ``-log10 r``: geometric spreading of body waves (amplitude ~ 1/r);
- ``c r`` (c < 0): anelastic attenuation, energy lost along the path;
- ``h``: a fictitious depth that keeps the shaking finite next to the fault.

They found a = -1.02, b = 0.249, c = -0.00255 1/km and h = 7.3 km.

Records of one earthquake share its source: they are not independent. Three
ways to fit the equation, from naive to the one used today:

- :func:`fit_gmpe`, one-stage least squares over all records: every record
  counts once, so the best-recorded earthquake dominates;
- :func:`fit_two_stage`, Joyner & Boore's own method: stage 1 gives every
  earthquake its own term and fits the distance part (c, h) within
  earthquakes; stage 2 regresses the earthquake terms on magnitude, one point
  per earthquake;
- :func:`fit_mixed`, a random-effects fit (Brillinger & Preisler 1985,
  BSSA 75(2), 611-614; Abrahamson & Youngs 1992, BSSA 82(1), 505-510):
  ``log10 PGA = f(M, R) + eta_e + eps``, with a between-event term
  ``eta_e ~ N(0, tau^2)`` and a within-event term ``eps ~ N(0, phi^2)``,
  all found by maximum likelihood.

>>> coef = JB1981
>>> round(float(predict_pga(coef, 6.5, 20.0)), 3)
0.164
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import minimize

from ._validation import check_consistent_length, check_scalar, check_vector

__all__ = ["GMPE", "JB1981", "BP1985", "predict_log_pga", "predict_pga", "fit_gmpe", "fit_two_stage",
           "TwoStageFit", "fit_mixed", "MixedFit", "shrunken_terms", "rmse_by_group",
           "bootstrap_rmse_difference"]

REFERENCE_MAGNITUDE = 6.0  # where a magnitude-dependent pseudo-depth h(M) equals h


@dataclass(frozen=True)
class GMPE:
    """Coefficients of ``log10 PGA = a + b M - log10 r + c r``, ``r = sqrt(R^2 + h(M)^2)``.

    ``h(M) = h 10^(g (M - 6))``. Joyner & Boore's form has ``g = 0`` (a fixed
    depth). With ``g > 0`` the pseudo-depth grows with magnitude, as a rupture
    grows, and the shaking next to the fault **saturates**: near the source
    ``log10 PGA`` grows with slope ``b - g`` in M instead of ``b``.
    """

    a: float
    b: float
    c: float
    h: float
    g: float = 0.0

    def depth(self, magnitude):
        """The pseudo-depth ``h(M)`` in km."""
        return self.h * 10.0 ** (self.g * (np.asarray(magnitude, float) - REFERENCE_MAGNITUDE))

    def __str__(self) -> str:
        depth = f"{self.h:.1f}" if self.g == 0 else f"{self.h:.1f}·10^({self.g:.3f}(M-6))"
        return (f"log10 PGA = {self.a:.3f} + {self.b:.3f} M - log10 r {self.c:+.5f} r, "
                f"r = sqrt(R² + {depth}²)")


JB1981 = GMPE(a=-1.02, b=0.249, c=-0.00255, h=7.3)
"""Joyner & Boore (1981), two-stage regression, as printed in the paper."""

BP1985 = GMPE(a=-1.229, b=0.277, c=-0.00231, h=6.650)
"""Brillinger & Preisler (1985), random-effects maximum likelihood on the same records
(their tau = 0.1223, phi = 0.2284 in log10 units)."""


def predict_log_pga(coef: GMPE, magnitude, distance_km):
    """``log10`` of the peak acceleration (g) predicted at each (M, R).

    >>> round(float(predict_log_pga(JB1981, 7.0, 10.0)), 3)
    -0.401
    """
    M, R = np.asarray(magnitude, float), np.asarray(distance_km, float)
    r = np.sqrt(R ** 2 + coef.depth(M) ** 2)
    return coef.a + coef.b * M - np.log10(r) + coef.c * r


def predict_pga(coef: GMPE, magnitude, distance_km):
    """Peak horizontal acceleration in g predicted at each (M, R)."""
    return 10.0 ** predict_log_pga(coef, magnitude, distance_km)


def _records(magnitude, distance_km, pga_g):
    M, R = check_vector(magnitude, "magnitude"), check_vector(distance_km, "distance_km")
    pga = check_vector(pga_g, "pga_g")
    check_consistent_length(magnitude=M, distance_km=R, pga_g=pga)
    if np.any(pga <= 0):
        raise ValueError("pga_g must be positive: its logarithm is fitted.")
    if np.any(R < 0):
        raise ValueError("distance_km must be >= 0.")
    return M, R, np.log10(pga)


def _event_index(event, n: int):
    """Event labels -> (labels of the events, index 0..n_events-1 of each record)."""
    event = np.asarray(event)
    if event.ndim != 1 or len(event) != n:
        raise ValueError(f"event must hold one label per record ({n}), got shape {event.shape}.")
    return np.unique(event, return_inverse=True)


def fit_gmpe(magnitude, distance_km, pga_g, h_grid=np.arange(1.0, 20.01, 0.1), weights=None) -> GMPE:
    """One-stage least-squares fit of the Joyner-Boore form, every record weighted alike.

    For each ``h`` of the grid, (a, b, c) follow from linear least squares on
    ``log10 PGA + log10 r = a + b M + c r``; the ``h`` with the smallest
    squared residual wins.

    Parameters
    ----------
    magnitude, distance_km, pga_g : array-like of shape (n_records,)
    h_grid : array-like
        Fictitious depths to try, in km.
    weights : array-like of shape (n_records,), optional
        Weight of each record's squared residual (e.g. ``1 / n_e`` gives every
        earthquake the same total weight); default: all alike.

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
    M, R, y = _records(magnitude, distance_km, pga_g)
    root_w = np.ones_like(M) if weights is None else np.sqrt(check_vector(weights, "weights"))
    check_consistent_length(magnitude=M, weights=root_w)
    if np.any(root_w < 0) or not np.any(root_w > 0):
        raise ValueError("weights must be >= 0 and not all zero.")
    best = None
    for h in check_vector(h_grid, "h_grid"):
        r = np.sqrt(R ** 2 + h ** 2)
        design = np.c_[np.ones_like(M), M, r] * root_w[:, None]
        target = (y + np.log10(r)) * root_w
        coef, *_ = np.linalg.lstsq(design, target, rcond=None)
        sse = np.sum((design @ coef - target) ** 2)
        if best is None or sse < best[0] - 1e-12:
            best = (sse, GMPE(float(coef[0]), float(coef[1]), float(coef[2]), float(round(h, 6))))
    return best[1]


@dataclass(frozen=True)
class TwoStageFit:
    """Result of :func:`fit_two_stage`.

    Attributes
    ----------
    coef : GMPE
        The equation: (c, h) from stage 1, (a, b) from stage 2.
    events : ndarray
        The event labels, sorted.
    event_terms : ndarray
        Stage 1's term of each event (``log10 PGA + log10 r - c r`` averaged over its records).
    magnitudes : ndarray
        The magnitude of each event.
    n_records : ndarray of int
        Records per event.
    used_in_stage2 : ndarray of bool
        The events whose term entered the magnitude regression.
    """

    coef: GMPE
    events: np.ndarray
    event_terms: np.ndarray
    magnitudes: np.ndarray
    n_records: np.ndarray
    used_in_stage2: np.ndarray


def fit_two_stage(magnitude, distance_km, pga_g, event, min_records: int = 2,
                  h_grid=np.arange(1.0, 20.01, 0.1)) -> TwoStageFit:
    """Joyner & Boore's (1981) two-stage regression.

    Stage 1: ``log10 PGA = e_k - log10 r + c r``, one free term ``e_k`` per
    earthquake ``k``; for each ``h`` of the grid, ``c`` follows from least
    squares **within** earthquakes (records minus their event's mean), so the
    distance dependence is learnt from how shaking decays across the stations
    of each event, not from comparing big and small events. An event with one
    record fits its own term exactly and tells nothing about (c, h).

    Stage 2: ``e_k = a + b M_k``, ordinary least squares over the events with at
    least ``min_records`` records, one point per earthquake whatever its
    number of records.

    Examples
    --------
    >>> M = np.repeat([5.0, 6.0, 7.0], 4); R = np.tile([2.0, 10.0, 40.0, 120.0], 3)
    >>> fit = fit_two_stage(M, R, predict_pga(JB1981, M, R), np.repeat([1, 2, 3], 4))
    >>> round(fit.coef.b, 3), round(fit.coef.c, 5), round(fit.coef.h, 1)
    (0.249, -0.00255, 7.3)
    """
    M, R, y = _records(magnitude, distance_km, pga_g)
    events, index = _event_index(event, len(M))
    min_records = int(check_scalar(min_records, "min_records", minimum=1))
    n_records = np.bincount(index)
    if n_records.max() < 2:
        raise ValueError("stage 1 needs at least one event with two or more records: the distance "
                         "dependence is learnt within events.")
    best = None
    for h in check_vector(h_grid, "h_grid"):
        r = np.sqrt(R ** 2 + h ** 2)
        target = y + np.log10(r)
        # subtract each event's mean: the event terms drop out, c is a slope through the origin
        r_within = r - (np.bincount(index, r) / n_records)[index]
        t_within = target - (np.bincount(index, target) / n_records)[index]
        c = np.sum(r_within * t_within) / np.sum(r_within ** 2)
        sse = np.sum((t_within - c * r_within) ** 2)
        if best is None or sse < best[0] - 1e-12:
            terms = np.bincount(index, target - c * r) / n_records
            best = (sse, float(round(h, 6)), float(c), terms)
    _, h, c, terms = best
    magnitudes = np.bincount(index, M) / n_records
    used = n_records >= min_records
    if used.sum() < 2 or np.ptp(magnitudes[used]) == 0:
        raise ValueError(f"stage 2 needs at least two magnitudes among the events with >= {min_records} "
                         f"records, got {int(used.sum())} events.")
    b, a = np.polyfit(magnitudes[used], terms[used], 1)
    return TwoStageFit(GMPE(float(a), float(b), c, h), events, terms, magnitudes, n_records, used)


def shrunken_terms(residual, event, tau: float, phi: float):
    """Each event's mean residual, shrunk towards 0 by ``tau² / (tau² + phi² / n_e)``.

    The best estimate of a random event term (its BLUP): an event with many
    records keeps nearly all of its mean residual; an event with one record,
    whose mean is mostly within-event noise, keeps only part of it.

    Parameters
    ----------
    residual : array-like of shape (n_records,)
        Observed minus predicted (fixed part of the model).
    event : array-like of shape (n_records,)
        Event label of each record.
    tau, phi : float
        Between-event and within-event standard deviations.

    Returns
    -------
    events, terms : ndarray
        Sorted event labels and their shrunken terms.

    >>> events, terms = shrunken_terms([0.3, 0.3, 0.3, 0.3], ["a", "a", "a", "b"], tau=0.1, phi=0.1)
    >>> terms.round(3).tolist()
    [0.225, 0.15]
    """
    res = check_vector(residual, "residual")
    events, index = _event_index(event, len(res))
    tau = check_scalar(tau, "tau", minimum=0.0)
    phi = check_scalar(phi, "phi", minimum=0.0, include_minimum=False)
    n = np.bincount(index)
    mean = np.bincount(index, res) / n
    return events, tau ** 2 / (tau ** 2 + phi ** 2 / n) * mean


@dataclass(frozen=True)
class MixedFit:
    """Result of :func:`fit_mixed`: the equation, the two standard deviations and the event terms."""

    coef: GMPE
    tau: float
    phi: float
    events: np.ndarray
    event_terms: np.ndarray
    log_likelihood: float
    n_records: np.ndarray = field(repr=False)


def _gls_profile(X, t, index, n, tau2, phi2):
    """Generalised least squares for one (tau², phi²): coefficients and -log likelihood.

    The covariance of one event's records is ``phi² I + tau² 1 1ᵀ``; its inverse
    is ``(I - w 1 1ᵀ) / phi²`` with ``w = tau² / (phi² + n tau²)``, so all sums
    are done event by event with bincount.
    """
    w = tau2 / (phi2 + n * tau2)
    sx = np.stack([np.bincount(index, X[:, j], minlength=len(n)) for j in range(X.shape[1])], axis=1)
    st = np.bincount(index, t, minlength=len(n))
    xvx = (X.T @ X - (sx * w[:, None]).T @ sx) / phi2
    xvt = (X.T @ t - (sx * w[:, None]).T @ st) / phi2
    beta = np.linalg.solve(xvx, xvt)
    res = t - X @ beta
    sr = np.bincount(index, res, minlength=len(n))
    quad = (res @ res - np.sum(w * sr ** 2)) / phi2
    logdet = np.sum((n - 1) * np.log(phi2) + np.log(phi2 + n * tau2))
    return beta, 0.5 * (logdet + quad + len(t) * np.log(2 * np.pi))


def fit_mixed(magnitude, distance_km, pga_g, event, saturating: bool = False) -> MixedFit:
    """Random-effects (mixed) fit of the Joyner-Boore form by maximum likelihood.

    ``log10 PGA_ij = a + b M_i - log10 r_ij + c r_ij + eta_i + eps_ij`` with
    ``eta_i ~ N(0, tau²)`` shared by the records of event ``i`` and
    ``eps_ij ~ N(0, phi²)``. For given (h, tau, phi) the coefficients (a, b, c)
    follow from generalised least squares; scipy's Nelder-Mead searches
    (h, log tau, log phi), and (with ``saturating=True``) the magnitude
    dependence ``g`` of the pseudo-depth ``h(M) = h 10^(g (M - 6))``.

    An event with many records weighs more than one with few, but less and less
    so as its records add information only on its own term: the fit sits
    between one-stage least squares (tau -> 0) and the two-stage method.

    Returns
    -------
    MixedFit
        ``coef``, ``tau``, ``phi``, ``events``, ``event_terms`` (shrunken, see
        :func:`shrunken_terms`), ``log_likelihood``.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> event = np.repeat(np.arange(30), 8); M = rng.uniform(5, 7.5, 30)[event]
    >>> R = rng.uniform(1, 150, event.size)
    >>> y = predict_log_pga(JB1981, M, R) + rng.normal(0, 0.15, 30)[event] + rng.normal(0, 0.2, event.size)
    >>> fit = fit_mixed(M, R, 10 ** y, event)
    >>> round(fit.tau, 2), round(fit.phi, 2)  # the truth: 0.15 and 0.2
    (0.14, 0.2)
    """
    M, R, y = _records(magnitude, distance_km, pga_g)
    events, index = _event_index(event, len(M))
    n = np.bincount(index).astype(float)

    def unpack(theta):
        h, log_tau, log_phi = theta[:3]
        g = theta[3] if saturating else 0.0
        return abs(h), g, np.exp(2 * log_tau), np.exp(2 * log_phi)

    def design(h, g):
        r = np.sqrt(R ** 2 + (h * 10.0 ** (g * (M - REFERENCE_MAGNITUDE))) ** 2)
        return np.c_[np.ones_like(M), M, r], y + np.log10(r)

    def objective(theta):
        h, g, tau2, phi2 = unpack(theta)
        X, t = design(h, g)
        return _gls_profile(X, t, index, n, tau2, phi2)[1]

    spread = np.std(y)
    best = None
    for h0 in (3.0, 8.0):  # two starts: the likelihood in h can be flat
        start = [h0, np.log(spread / 3), np.log(spread / 2)] + ([0.1] if saturating else [])
        found = minimize(objective, start, method="Nelder-Mead",
                         options={"xatol": 1e-7, "fatol": 1e-10, "maxiter": 20000, "maxfev": 20000})
        if best is None or found.fun < best.fun:
            best = found
    h, g, tau2, phi2 = unpack(best.x)
    X, t = design(h, g)
    beta, nll = _gls_profile(X, t, index, n, tau2, phi2)
    coef = GMPE(float(beta[0]), float(beta[1]), float(beta[2]), float(h), float(g))
    _, terms = shrunken_terms(y - predict_log_pga(coef, M, R), event, np.sqrt(tau2), np.sqrt(phi2))
    return MixedFit(coef, float(np.sqrt(tau2)), float(np.sqrt(phi2)), events, terms, float(-nll),
                    n.astype(int))


def rmse_by_group(y_true, y_pred, groups):
    """Root-mean-square error within each group (event), and the groups.

    The mean of these gives every earthquake the same weight, where the pooled
    RMSE over records lets the best-recorded earthquake dominate.

    >>> rmse_by_group([0.0, 0.0, 1.0], [1.0, -1.0, 1.0], ["a", "a", "b"])[1].tolist()
    [1.0, 0.0]
    """
    yt, yp = check_vector(y_true, "y_true"), check_vector(y_pred, "y_pred")
    check_consistent_length(y_true=yt, y_pred=yp)
    labels, index = _event_index(groups, len(yt))
    mse = np.bincount(index, (yt - yp) ** 2) / np.bincount(index)
    return labels, np.sqrt(mse)


def bootstrap_rmse_difference(y_true, pred_a, pred_b, groups, n_boot: int = 2000, rng=None,
                              per_event: bool = False):
    """Pooled RMSE of ``pred_a`` minus that of ``pred_b``, with a 95 % interval from an event bootstrap.

    Whole groups (earthquakes) are drawn with replacement, so the interval
    carries the event-to-event variability that a bootstrap over records
    would hide. With ``per_event=True`` the score is the mean of the
    per-event RMSEs (every earthquake counts once) instead of the pooled RMSE.

    Returns
    -------
    difference, low, high : float

    >>> y = np.zeros(6); groups = [1, 1, 2, 2, 3, 3]
    >>> d, lo, hi = bootstrap_rmse_difference(y, y + 0.2, y + 0.1, groups, rng=np.random.default_rng(0))
    >>> round(d, 3), round(lo, 3), round(hi, 3)
    (0.1, 0.1, 0.1)
    >>> d, lo, hi = bootstrap_rmse_difference([0, 0, 0], [1, 1, 0], [0, 0, 0], [1, 1, 2], per_event=True, rng=0)
    >>> round(d, 3), lo <= d <= hi
    (0.5, True)
    """
    yt = check_vector(y_true, "y_true")
    pa, pb = check_vector(pred_a, "pred_a"), check_vector(pred_b, "pred_b")
    check_consistent_length(y_true=yt, pred_a=pa, pred_b=pb)
    _, index = _event_index(groups, len(yt))
    generator = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    n = np.bincount(index)
    sq_a, sq_b = np.bincount(index, (yt - pa) ** 2), np.bincount(index, (yt - pb) ** 2)
    draws = generator.integers(0, len(n), (int(n_boot), len(n)))
    if per_event:
        rmse_a, rmse_b = np.sqrt(sq_a / n), np.sqrt(sq_b / n)
        low, high = np.percentile((rmse_a - rmse_b)[draws].mean(axis=1), [2.5, 97.5])
        return float(np.mean(rmse_a - rmse_b)), float(low), float(high)
    records = n[draws].sum(axis=1)
    diff = np.sqrt(sq_a[draws].sum(axis=1) / records) - np.sqrt(sq_b[draws].sum(axis=1) / records)
    whole = np.sqrt(sq_a.sum() / n.sum()) - np.sqrt(sq_b.sum() / n.sum())
    low, high = np.percentile(diff, [2.5, 97.5])
    return float(whole), float(low), float(high)
