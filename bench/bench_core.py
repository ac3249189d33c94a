"""How fast does mlcourse train a network? Ratios against references timed in the same run.

References: a bare numpy loop doing the same arithmetic (the limit for numpy),
and PyTorch on the CPU when it is installed (it is not a course dependency).
Each measurement is the best of a few repeats, so that a busy machine hurts
both sides alike. Run with `make bench`.
"""

from __future__ import annotations

import time

import numpy as np

from mlcourse.layers import Dense
from mlcourse.network import Sequential
from mlcourse.optimizers import SGD
from mlcourse.training import fit

CASES = [  # (layer sizes, batch size, steps)
    ((5, 64, 64, 3), 32, 3000),
    ((5, 32, 3), 64, 3000),
    ((256, 512, 512, 10), 256, 300),
]
REPEATS = 3
LEARNING_RATE = 1e-3


def data(sizes, batch, steps):
    rng = np.random.default_rng(0)
    n = batch * 100 if steps >= 100 else batch * steps
    return rng.normal(size=(n, sizes[0])), rng.normal(size=(n, sizes[-1]))


def best_of(run):
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def run_mlcourse(sizes, batch, steps, X, Y):
    rng = np.random.default_rng(1)
    layers = [Dense(a, b, "relu" if i < len(sizes) - 2 else None, rng=rng)
              for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:]))]
    net = Sequential(layers)
    epochs = steps * batch // len(X)
    return lambda: fit(net, X, Y, "mse", SGD(net, LEARNING_RATE), epochs=epochs,
                       batch_size=batch, rng=2, verbose=False)


def run_numpy(sizes, batch, steps, X, Y):
    """The same work written as one flat loop: shuffle, forward, MSE, backward, SGD."""
    rng = np.random.default_rng(1)
    Ws = [rng.normal(0, np.sqrt(2 / a), (b, a)) for a, b in zip(sizes[:-1], sizes[1:])]
    bs = [np.zeros(b) for b in sizes[1:]]
    epochs = steps * batch // len(X)

    def train():
        order_rng = np.random.default_rng(2)
        for _ in range(epochs):
            order = order_rng.permutation(len(X))
            for start in range(0, len(X), batch):
                idx = order[start:start + batch]
                xb, yb = X[idx], Y[idx]
                acts, zs = [xb], []
                for k, (W, b) in enumerate(zip(Ws, bs)):
                    z = acts[-1] @ W.T + b
                    zs.append(z)
                    acts.append(np.maximum(z, 0) if k < len(Ws) - 1 else z)
                _ = np.mean((acts[-1] - yb) ** 2)
                d = 2 * (acts[-1] - yb) / acts[-1].size
                for k in range(len(Ws) - 1, -1, -1):
                    if k < len(Ws) - 1:
                        d = d * (zs[k] > 0)
                    dW, db = d.T @ acts[k], d.sum(0)
                    d = d @ Ws[k]
                    Ws[k] -= LEARNING_RATE * dW
                    bs[k] -= LEARNING_RATE * db
    return train


def run_torch(sizes, batch, steps, X, Y):
    import torch

    torch.manual_seed(1)
    mods = []
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        mods.append(torch.nn.Linear(a, b).double())
        if i < len(sizes) - 2:
            mods.append(torch.nn.ReLU())
    net = torch.nn.Sequential(*mods)
    opt = torch.optim.SGD(net.parameters(), lr=LEARNING_RATE)
    Xt, Yt = torch.from_numpy(X), torch.from_numpy(Y)
    epochs = steps * batch // len(X)

    def train():
        gen = torch.Generator().manual_seed(2)
        for _ in range(epochs):
            order = torch.randperm(len(Xt), generator=gen)
            for start in range(0, len(Xt), batch):
                idx = order[start:start + batch]
                opt.zero_grad()
                loss = torch.nn.functional.mse_loss(net(Xt[idx]), Yt[idx])
                loss.backward()
                opt.step()
    return train


def main():
    try:
        import torch  # noqa: F401  (default threads, like numpy's BLAS)

        have_torch = True
    except ImportError:
        have_torch = False
        print("PyTorch is not installed: its column is skipped "
              "(pip install torch==2.13.0 to compare; it is not a course dependency).")
    header = f"{'network':<20}{'batch':>6}{'steps':>7}{'mlcourse s':>12}{'numpy s':>10}{'ratio':>8}"
    header += f"{'torch s':>10}{'vs torch':>10}" if have_torch else ""
    print(header)
    for sizes, batch, steps in CASES:
        X, Y = data(sizes, batch, steps)
        t_ml = best_of(run_mlcourse(sizes, batch, steps, X, Y))
        t_np = best_of(run_numpy(sizes, batch, steps, X, Y))
        row = f"{'-'.join(map(str, sizes)):<20}{batch:>6}{steps:>7}{t_ml:>12.3f}{t_np:>10.3f}{t_ml / t_np:>8.2f}"
        if have_torch:
            t_th = best_of(run_torch(sizes, batch, steps, X, Y))
            row += f"{t_th:>10.3f}{t_ml / t_th:>10.2f}"
        print(row)
    print("ratio = mlcourse / bare numpy (target <= 1.5); vs torch < 1 means mlcourse is faster.")


if __name__ == "__main__":
    main()
