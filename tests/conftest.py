"""Shared test setup: figures are drawn off-screen."""

import matplotlib

matplotlib.use("Agg")
