"""Random forest fit time, mlcourse against scikit-learn (n_jobs=1), timed in the same run.

100 trees on 1k, 10k and 50k samples x 10 features; test accuracy of both.
Each time is the best of a few repeats. Run with `make bench`.
"""

from __future__ import annotations

import time

from sklearn.datasets import make_classification
from sklearn.ensemble import RandomForestClassifier as SklearnForest
from sklearn.model_selection import train_test_split

from mlcourse.trees import RandomForestClassifier

SIZES = [1_000, 10_000, 50_000]
TREES = 100


def best_time(make, X, y, repeats):
    best, model = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        model = make().fit(X, y)
        best = min(best, time.perf_counter() - start)
    return best, model


def main():
    print(f"{'samples':>8}{'mlcourse s':>12}{'sklearn s':>11}{'ratio':>7}"
          f"{'acc mlcourse':>14}{'acc sklearn':>13}{'diff (pts)':>12}")
    for n in SIZES:
        X, y = make_classification(n_samples=int(n / 0.75), n_features=10, n_informative=6,
                                   random_state=0)
        Xtr, Xte, ytr, yte = train_test_split(X, y, train_size=n, random_state=0)
        repeats = 3 if n <= 10_000 else 1
        t_ml, ours = best_time(lambda: RandomForestClassifier(TREES, random_state=0), Xtr, ytr, repeats)
        t_sk, theirs = best_time(lambda: SklearnForest(TREES, n_jobs=1, random_state=0), Xtr, ytr, repeats)
        a_ml, a_sk = ours.score(Xte, yte), theirs.score(Xte, yte)
        print(f"{n:>8}{t_ml:>12.2f}{t_sk:>11.2f}{t_ml / t_sk:>7.2f}{a_ml:>14.3f}{a_sk:>13.3f}"
              f"{100 * (a_ml - a_sk):>12.1f}")
    print("ratio = mlcourse / scikit-learn fit time (target <= 2 at 10k, accuracy within 1 point).")


if __name__ == "__main__":
    main()
