"""The course figures draw, label their axes, and refuse input they cannot draw."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from mlcourse import plotting as P
from mlcourse.metrics import confusion_matrix, roc_curve
from mlcourse.training import History


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_course_style_uses_the_okabe_ito_palette():
    P.use_course_style()
    assert plt.rcParams["axes.prop_cycle"].by_key()["color"][0] == P.OKABE_ITO[0]
    assert plt.rcParams["font.size"] >= 12


def test_activation_gallery_draws_function_and_derivative():
    axes = P.activation_gallery(["relu", "sigmoid"])
    assert len(axes) == 2 and len(axes[0].lines) == 3  # f, f', zero line
    np.testing.assert_allclose(axes[1].lines[0].get_ydata()[200], 0.5)  # sigmoid(0)
    assert axes[0].get_xlabel() == "z = W x + b"


def test_training_curves_with_validation_and_best_epoch():
    h = History(loss=[3.0, 2.0, 1.0], val_loss=[3.5, 2.5, 2.6])
    h.best_epoch = 2
    ax = P.training_curves(h)
    assert len(ax.lines) == 3 and ax.get_xlabel() == "epoch" and ax.get_ylabel() == "loss"
    with pytest.raises(ValueError, match="history is empty"):
        P.training_curves(History())


def test_confusion_matrix_writes_the_counts():
    ax = P.confusion_matrix_plot(confusion_matrix([0, 0, 1], [0, 1, 1]), class_names=["dog", "cat"])
    assert sorted(t.get_text() for t in ax.texts) == ["0", "1", "1", "1"]
    with pytest.raises(ValueError, match="must be square"):
        P.confusion_matrix_plot(np.ones((2, 3)))
    with pytest.raises(ValueError, match="class_names has 3 names for 2 classes"):
        P.confusion_matrix_plot(np.ones((2, 2)), class_names="abc")


def test_decision_boundary_for_a_function():
    X = np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0], [1.0, 0.0]])
    ax = P.decision_boundary(lambda G: 1 / (1 + np.exp(-(G[:, 0] - 0.5) * 10)), X, [0, 1, 0, 1],
                             resolution=30)
    assert ax.get_xlabel() == "$x_1$" and len(ax.collections) >= 3
    with pytest.raises(ValueError, match="expects X with 2 features"):
        P.decision_boundary(lambda G: G[:, 0], np.ones((4, 3)), [0, 1, 0, 1])


def test_roc_and_landscapes():
    fpr, tpr, _ = roc_curve([0, 1, 0, 1], [0.1, 0.9, 0.4, 0.3])
    ax = P.roc_plot(fpr, tpr, auc=0.75, highlight=(0.5, 0.5))
    assert "AUC = 0.750" in ax.get_legend().get_texts()[0].get_text()
    ax = P.loss_landscape_1d(np.linspace(-1, 1, 5), np.array([4.0, 1, 0.5, 1, 4]))
    assert ax.get_ylabel() == "loss"
    a, b = np.linspace(-1, 1, 4), np.linspace(-1, 1, 3)
    ax = P.loss_landscape_2d(a, b, 1 + np.add.outer(b ** 2, a ** 2))
    assert ax.get_xlabel().startswith(r"$\alpha$")
    with pytest.raises(ValueError, match=r"losses must have shape \(len\(betas\), len\(alphas\)\) = \(3, 4\)"):
        P.loss_landscape_2d(a, b, np.ones((4, 3)))
