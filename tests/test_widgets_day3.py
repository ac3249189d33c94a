"""Day 3 figures: bands drawn from the spread, blocks with their grid, the chosen threshold marked."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from mlcourse.widgets import day3 as figures  # noqa: E402


def teardown_function():
    plt.close("all")


def test_band_is_mean_plus_minus_one_sd():
    values = np.array([[1.0, 2.0], [3.0, 6.0]])       # rows: repeats
    ax = figures.curve_with_band([1, 2], values, label="demo")
    np.testing.assert_allclose(ax.lines[0].get_ydata(), [2.0, 4.0])
    band = ax.collections[0].get_paths()[0].vertices[:, 1]
    assert band.min() == pytest.approx(1.0) and band.max() == pytest.approx(6.0)


def test_band_rejects_wrong_shapes():
    with pytest.raises(ValueError, match="one column per x"):
        figures.curve_with_band([1, 2, 3], np.ones((4, 2)), label="demo")


def test_blocks_map_draws_the_grid_and_one_colour_per_fold():
    lat, lon = np.array([-20.0, -21.5, -17.2]), np.array([178.0, 181.0, 183.5])
    ax = figures.blocks_map(lat, lon, np.array([0, 1, 1]), 2.0)
    assert len(ax.collections) == 2                    # two folds
    assert ax.get_xlabel() == "longitude (°E)" and ax.get_ylabel() == "latitude (°N)"
    assert ax.get_xlim() == (178.0, 184.0) and len(ax.lines) >= 4


def test_cost_curve_marks_the_chosen_threshold():
    ax = figures.cost_curve([0.1, 0.2, 0.3], [5, 3, 4], chosen={"from the cost ratio": 0.091}, xlabel="threshold")
    labels = ax.get_legend_handles_labels()[1]
    assert "from the cost ratio: 0.09" in labels
    assert ax.lines[1].get_xdata()[0] == pytest.approx(0.091)


def test_semivariogram_plot_names_what_it_shows():
    ax = figures.semivariogram_plot([25, 75], [1.0, 2.0], sill=1.9, range_km=75.0,
                                    label="semivariance of the residuals", sill_label="shoulder")
    labels = ax.get_legend_handles_labels()[1]
    assert labels[:2] == ["semivariance of the residuals", "shoulder"]


def test_semivariogram_plot_labels_the_range():
    ax = figures.semivariogram_plot([25, 75], [1.0, 2.0], sill=2.0, range_km=75.0)
    assert "range ≈ 75 km" in ax.get_legend_handles_labels()[1]
    assert "km" in ax.get_xlabel()


def test_no_block_is_split_between_folds():
    from mlcourse.splits import spatial_blocks
    rng = np.random.default_rng(0)
    lat, lon = rng.uniform(-38, -10, 300), rng.uniform(165, 188, 300)
    fold = figures.block_folds(lat, lon, 2.0)
    blocks = spatial_blocks(lat, lon, 2.0)
    for b in np.unique(blocks):
        assert len(np.unique(fold[blocks == b])) == 1
    assert sorted(np.unique(fold)) == [0, 1, 2, 3, 4]


def test_the_block_slider_redraws_the_map():
    rng = np.random.default_rng(1)
    lat, lon = rng.uniform(-38, -10, 200), rng.uniform(165, 188, 200)
    slider, image = figures.block_size_widget(lat, lon).children
    before = image.value
    slider.value = 1.0
    assert image.value != before and image.value[:4] == b"\x89PNG"
    assert "blocks (" in figures.plot_block_folds(lat, lon, 2.0).get_title()
