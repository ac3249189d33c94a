"""Conv1D forward plus backward on the Day 2 detector's batch, against bare numpy in the same run.

The batch: 32 windows of 250 samples; the detector's two convolutions
(1 -> 8 channels, kernel 9, on 250 samples; 8 -> 16 channels, kernel 9, on 60).
The reference does the same arithmetic as plainly as numpy allows (a strided
window view and two tensordots), without the layer's bookkeeping.
Run with `make bench`.
"""

from __future__ import annotations

import time

import numpy as np

from mlcourse.layers import Conv1D

CASES = [(32, 1, 8, 250), (32, 8, 16, 60)]  # batch, in channels, out channels, length
KERNEL = 9
REPEATS = 200


def bare_numpy(X, W, b, dY):
    windows = np.lib.stride_tricks.sliding_window_view(X, W.shape[2], axis=2)   # (n, C, L, K)
    Y = np.tensordot(windows, W, axes=([1, 3], [1, 2])).transpose(0, 2, 1) + b[:, None]
    dW = np.tensordot(dY, windows, axes=([0, 2], [0, 2]))                        # (F, C, K)
    db = dY.sum(axis=(0, 2))
    dX = np.zeros_like(X)
    contribution = np.tensordot(dY, W, axes=([1], [0]))                          # (n, L, C, K)
    for k in range(W.shape[2]):
        dX[:, :, k:k + dY.shape[2]] += contribution[:, :, :, k].transpose(0, 2, 1)
    return Y, dW, db, dX


def best_time(run):
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(REPEATS):
            run()
        best = min(best, (time.perf_counter() - start) / REPEATS)
    return best


def main():
    rng = np.random.default_rng(0)
    print(f"{'batch x channels x length':>28}{'mlcourse ms':>13}{'numpy ms':>10}{'ratio':>8}")
    for n, c_in, c_out, length in CASES:
        X = rng.normal(size=(n, c_in, length))
        layer = Conv1D(c_in, c_out, KERNEL, rng=0)
        dY = rng.normal(size=(n, c_out, length - KERNEL + 1))
        Y, dW, db, dX = bare_numpy(X, layer.W, layer.b, dY)
        assert np.allclose(layer.forward(X), Y) and np.allclose(layer.backward(dY), dX)
        assert np.allclose(layer.dW, dW) and np.allclose(layer.db, db)
        t_ml = best_time(lambda: (layer.forward(X), layer.backward(dY)))
        t_np = best_time(lambda: bare_numpy(X, layer.W, layer.b, dY))
        print(f"{f'{n} x {c_in}->{c_out} x {length}':>28}{1e3 * t_ml:>13.3f}{1e3 * t_np:>10.3f}{t_ml / t_np:>8.2f}")
    print("ratio = mlcourse / bare numpy, forward + backward (target <= 2).")


if __name__ == "__main__":
    main()
