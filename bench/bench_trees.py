"""Random forest fit time, mlcourse against scikit-learn (n_jobs=1), timed in the same run.

mlcourse's forests grow the readable trees of ``mlcourse.trees.grow_tree``
(numpy, one node at a time): they are meant for the course's data, a few
hundred to a few thousand samples, where 100 trees take seconds. For anything
larger scikit-learn is the tool; the two large cases below measure by how much.
(An earlier histogram builder, vectorised level by level, was 5.8x and 9.1x
slower than scikit-learn on these two large cases and was dropped for the
readable tree.)

Cases, 100 trees each, both libraries with the same hyper-parameters:

- the course's data: Joyner-Boore strong motion (182 records; magnitude and
  log distance -> log PGA, ``min_samples_leaf=3`` as in the Day 4 notebook) and
  the Fiji catalogue (1000 events; latitude, longitude, magnitude, stations ->
  deeper than 300 km, or -> depth), scored out of bag;
- large: regression on 20,000 x 10 with all features per split
  (``max_features=1.0``), and 5 classes with 40 features on 10,000 samples,
  scored on held-out data.

Small cases take the best of three runs, large ones a single run (the large
mlcourse forests take minutes). Run with `make bench`.
"""

from __future__ import annotations

import time

import numpy as np
from sklearn import ensemble
from sklearn.datasets import make_classification, make_regression
from sklearn.model_selection import train_test_split

from mlcourse import datasets, forests

TREES = 100


def course_cases():
    motion = datasets.load_strong_motion()
    X_jb = np.c_[motion.mag, np.log10(motion.dist)]
    quakes = datasets.load_fiji_quakes()
    X_fiji = quakes[["lat", "long", "mag", "stations"]].to_numpy(dtype=float)
    return [
        ("Joyner-Boore log PGA", "reg", X_jb, np.log10(motion.accel.to_numpy()), dict(min_samples_leaf=3)),
        ("Fiji deeper than 300 km", "clf", X_fiji, (quakes.depth > 300).to_numpy().astype(int), {}),
        ("Fiji depth", "reg", X_fiji, quakes.depth.to_numpy(dtype=float), {}),
    ]


def large_cases():
    Xr, yr = make_regression(n_samples=25_000, n_features=10, n_informative=6, noise=10.0, random_state=0)
    Xc, yc = make_classification(n_samples=12_500, n_features=40, n_informative=15, n_classes=5,
                                 random_state=0)
    return [("regression, all features", "reg", Xr, yr, dict(max_features=1.0), 20_000),
            ("5 classes, 40 features", "clf", Xc, yc, {}, 10_000)]


def timed(make, X, y, repeats):
    best, model = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        model = make().fit(X, y)
        best = min(best, time.perf_counter() - start)
    return best, model


def row(name, n, p, t_ml, t_sk, s_ml, s_sk, score_name):
    print(f"{name:<26}{f'{n} x {p}':>12}{t_ml:>12.2f}{t_sk:>11.2f}{t_ml / t_sk:>8.1f}"
          f"{s_ml:>10.3f}{s_sk:>10.3f}  {score_name}")


def main():
    print(f"{'case':<26}{'samples':>12}{'mlcourse s':>12}{'sklearn s':>11}{'ratio':>8}"
          f"{'mlcourse':>10}{'sklearn':>10}  score")
    forests = {"reg": (forests.RandomForestRegressor, ensemble.RandomForestRegressor),
               "clf": (forests.RandomForestClassifier, ensemble.RandomForestClassifier)}
    for name, kind, X, y, params in course_cases():
        ours, theirs = forests[kind]
        t_ml, m_ml = timed(lambda: ours(TREES, oob_score=True, random_state=0, **params), X, y, 3)
        t_sk, m_sk = timed(lambda: theirs(TREES, oob_score=True, random_state=0, n_jobs=1, **params), X, y, 3)
        row(name, *X.shape, t_ml, t_sk, m_ml.oob_score_, m_sk.oob_score_,
            "out-of-bag " + ("R²" if kind == "reg" else "accuracy"))
    for name, kind, X, y, params, n_train in large_cases():
        ours, theirs = forests[kind]
        Xtr, Xte, ytr, yte = train_test_split(X, y, train_size=n_train, random_state=0)
        t_ml, m_ml = timed(lambda: ours(TREES, random_state=0, **params), Xtr, ytr, 1)
        t_sk, m_sk = timed(lambda: theirs(TREES, random_state=0, n_jobs=1, **params), Xtr, ytr, 1)
        row(name, *Xtr.shape, t_ml, t_sk, m_ml.score(Xte, yte), m_sk.score(Xte, yte),
            "held-out " + ("R²" if kind == "reg" else "accuracy"))
    print("ratio = mlcourse / scikit-learn fit time, both measured in this run. mlcourse's trees are "
          "for reading and for the course's data; for large data use scikit-learn.")


if __name__ == "__main__":
    main()
