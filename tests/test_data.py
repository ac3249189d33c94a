"""The shipped data: every file listed with a matching checksum, and the loaders return what they promise."""

import hashlib
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from obspy import UTCDateTime
from obspy.signal.trigger import ar_pick

from mlcourse import datasets

DATA = Path(__file__).resolve().parents[1] / "data"


def readme_checksums(text: str) -> dict:
    """file name -> sha256 from the table rows of data/README.md."""
    rows = re.findall(r"^\| `([^`]+)` \|.*\| ([0-9a-f]{64}) \|$", text, re.M)
    return dict(rows)


def files_problems(folder: Path, listed: dict) -> list:
    present = {p.name for p in folder.iterdir() if p.is_file() and p.name != "README.md"}
    problems = [f"{name}: not listed in data/README.md" for name in sorted(present - set(listed))]
    problems += [f"{name}: listed but missing" for name in sorted(set(listed) - present)]
    for name in sorted(present & set(listed)):
        if hashlib.sha256((folder / name).read_bytes()).hexdigest() != listed[name]:
            problems.append(f"{name}: sha256 differs from data/README.md")
    return problems


def test_every_data_file_is_listed_with_its_checksum():
    listed = readme_checksums((DATA / "README.md").read_text())
    assert len(listed) == 7
    assert files_problems(DATA, listed) == []


def test_the_checksum_test_can_fail(tmp_path):
    (tmp_path / "a.csv").write_text("1\n")
    (tmp_path / "b.csv").write_text("2\n")
    listed = {"a.csv": "0" * 64, "c.csv": "1" * 64}
    assert files_problems(tmp_path, listed) == [
        "b.csv: not listed in data/README.md", "c.csv: listed but missing",
        "a.csv: sha256 differs from data/README.md"]


def test_total_size_stays_small():
    assert sum(p.stat().st_size for p in DATA.iterdir()) < 15 * 2 ** 20


def test_rjob_example():
    st = datasets.load_rjob_example()
    assert [tr.id for tr in st] == ["BW.RJOB..EHZ", "BW.RJOB..EHN", "BW.RJOB..EHE"]
    assert all(tr.stats.npts == 3000 and tr.stats.sampling_rate == 100.0 for tr in st)
    assert st[0].stats.starttime == UTCDateTime("2009-08-24T00:20:03")


def test_kw1_continuous():
    tr = datasets.load_kw1_continuous()[0]
    assert tr.id == "BW.KW1..EHZ" and tr.stats.sampling_rate == 100.0 and tr.stats.npts == 936001
    assert tr.stats.starttime == UTCDateTime(2011, 3, 31, 0, 0, 0, 180000)
    assert tr.stats.endtime == UTCDateTime(2011, 3, 31, 2, 36, 0, 180000)
    assert tr.data.dtype == np.int32


def test_rjob_200hz_reproduces_obspys_ar_pick():
    st = datasets.load_rjob_200hz()
    assert [tr.stats.channel for tr in st] == ["EHZ", "EHN", "EHE"]
    assert all(tr.stats.sampling_rate == 200.0 and tr.stats.npts == 12000 for tr in st)
    # ObsPy's test_ar_pick parameters; it pins the P onset at 30.635 s
    p, s = ar_pick(st[0].data, st[1].data, st[2].data, 200.0, 1.0, 20.0, 1.0, 0.1, 4.0, 1.0,
                   2, 8, 0.1, 0.2)
    assert p == pytest.approx(30.635, abs=1e-6)
    assert abs(s - 31.165) < 0.05


def test_fiji_quakes():
    q = datasets.load_fiji_quakes()
    assert q.shape == (1000, 5) and list(q.columns) == ["lat", "long", "depth", "mag", "stations"]
    assert q.mag.min() >= 4.0 and q.depth.between(40, 680).all()


def test_strong_motion():
    sm = datasets.load_strong_motion()
    assert len(sm) == 182 and sm.event.nunique() == 23
    assert sm.mag.min() == 5.0 and sm.mag.max() == 7.7
    assert sm.station.isna().sum() > 0 and (sm.accel > 0).all()


def test_usgs_week():
    ev = datasets.load_usgs_week()
    assert len(ev) == 1707
    assert ev.type.value_counts().to_dict() == {"earthquake": 1679, "explosion": 15, "quarry blast": 13}
    assert str(ev.time_utc.dt.tz) == "UTC"
    assert ev.time_utc.min() >= pd.Timestamp("2018-01-31", tz="UTC")
    assert ev.time_utc.max() < pd.Timestamp("2018-02-08", tz="UTC")


def test_co2():
    co2 = datasets.load_co2()
    assert list(co2.columns) == ["date", "co2_ppm", "co2_adjusted_ppm"]
    assert co2.date.is_monotonic_increasing and co2.co2_ppm.iloc[-1] > 400


def test_missing_file_is_explained(monkeypatch, tmp_path):
    monkeypatch.setattr(datasets, "DATA_DIR", tmp_path)
    with pytest.raises(FileNotFoundError, match="complete clone"):
        datasets.load_co2()
