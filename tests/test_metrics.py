"""Metrics against scikit-learn on many random cases, the slides' cat example, and bad inputs."""

import numpy as np
import pytest
import sklearn.metrics as skm
from hypothesis import given, settings
from hypothesis import strategies as st

from mlcourse import metrics as m

CASES = 60  # random cases per property, edge cases included by hypothesis


def labels(n_classes, min_size=1):
    return st.integers(min_size, 40).flatmap(
        lambda n: st.tuples(st.lists(st.integers(0, n_classes - 1), min_size=n, max_size=n),
                            st.lists(st.integers(0, n_classes - 1), min_size=n, max_size=n)))


@settings(max_examples=CASES, deadline=None)
@given(labels(2), st.sampled_from([0.0, 1.0]))
def test_binary_scores_match_sklearn(pair, zero_division):
    y_true, y_pred = map(np.array, pair)
    kw = dict(zero_division=zero_division)
    assert m.accuracy_score(y_true, y_pred) == pytest.approx(skm.accuracy_score(y_true, y_pred))
    assert m.precision_score(y_true, y_pred, **kw) == pytest.approx(skm.precision_score(y_true, y_pred, **kw))
    assert m.recall_score(y_true, y_pred, **kw) == pytest.approx(skm.recall_score(y_true, y_pred, **kw))
    assert m.f1_score(y_true, y_pred, **kw) == pytest.approx(skm.f1_score(y_true, y_pred, **kw))


@settings(max_examples=CASES, deadline=None)
@given(labels(4), st.sampled_from(["macro", "micro", "weighted"]), st.sampled_from([0.0, 1.0]))
def test_multiclass_scores_match_sklearn(pair, average, zero_division):
    y_true, y_pred = map(np.array, pair)
    kw = dict(average=average, zero_division=zero_division)
    for ours, theirs in [(m.precision_score, skm.precision_score), (m.recall_score, skm.recall_score),
                         (m.f1_score, skm.f1_score)]:
        assert ours(y_true, y_pred, **kw) == pytest.approx(theirs(y_true, y_pred, **kw))


@pytest.mark.filterwarnings("ignore:A single label was found")  # scikit-learn's, not ours
@settings(max_examples=CASES, deadline=None)
@given(labels(4))
def test_confusion_matrix_matches_sklearn(pair):
    y_true, y_pred = map(np.array, pair)
    np.testing.assert_array_equal(m.confusion_matrix(y_true, y_pred), skm.confusion_matrix(y_true, y_pred))


NAMES = np.array(["blast", "quake", "quarry"])


@pytest.mark.filterwarnings("ignore:A single label was found")
@settings(max_examples=CASES, deadline=None)
@given(labels(3), st.sampled_from(["macro", "micro", "weighted"]))
def test_string_labels_match_sklearn(pair, average):
    """Labels as the Day 3/4 data have them: "quake", "blast", "quarry"."""
    y_true, y_pred = (NAMES[np.array(v)] for v in pair)
    np.testing.assert_array_equal(m.confusion_matrix(y_true, y_pred), skm.confusion_matrix(y_true, y_pred))
    assert m.accuracy_score(y_true, y_pred) == pytest.approx(skm.accuracy_score(y_true, y_pred))
    kw = dict(average=average, zero_division=0.0)
    for ours, theirs in [(m.precision_score, skm.precision_score), (m.recall_score, skm.recall_score),
                         (m.f1_score, skm.f1_score)]:
        assert ours(y_true, y_pred, **kw) == pytest.approx(theirs(y_true, y_pred, **kw))


@settings(max_examples=CASES, deadline=None)
@given(labels(2))
def test_binary_string_labels_with_pos_label_match_sklearn(pair):
    y_true, y_pred = (NAMES[:2][np.array(v)] for v in pair)
    y_true[0], y_pred[0] = "blast", "quake"  # both classes present, as scikit-learn then requires
    for ours, theirs in [(m.precision_score, skm.precision_score), (m.recall_score, skm.recall_score),
                         (m.f1_score, skm.f1_score)]:
        assert ours(y_true, y_pred, pos_label="quake") == pytest.approx(
            theirs(y_true, y_pred, pos_label="quake", zero_division=0.0))


def test_a_pos_label_that_is_not_a_label_is_named():
    with pytest.raises(ValueError, match="pos_label=1 is not one of the labels"):
        m.precision_score(["quake", "blast"], ["quake", "quake"])


def test_confusion_matrix_with_fixed_labels():
    cm = m.confusion_matrix([0, 0], [0, 0], labels=[0, 1])
    np.testing.assert_array_equal(cm, [[2, 0], [0, 0]])


@settings(max_examples=CASES, deadline=None)
@given(st.integers(2, 60), st.integers(0, 10_000), st.booleans())
def test_roc_matches_sklearn(n, seed, ties):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    y[:2] = [0, 1]  # both classes present
    score = rng.integers(0, 4, n).astype(float) if ties else rng.normal(size=n)
    fpr, tpr, thr = m.roc_curve(y, score)
    sfpr, stpr, sthr = skm.roc_curve(y, score, drop_intermediate=False)
    np.testing.assert_allclose(fpr, sfpr)
    np.testing.assert_allclose(tpr, stpr)
    np.testing.assert_allclose(thr[1:], sthr[1:])
    assert m.roc_auc_score(y, score) == pytest.approx(skm.roc_auc_score(y, score))


@settings(max_examples=CASES, deadline=None)
@given(st.integers(1, 50), st.integers(1, 3), st.integers(0, 10_000),
       st.sampled_from(["uniform_average", "raw_values"]))
def test_regression_scores_match_sklearn(n, n_out, seed, multioutput):
    rng = np.random.default_rng(seed)
    y, p = rng.normal(size=(n, n_out)), rng.normal(size=(n, n_out))
    if n_out == 1:
        y, p = y[:, 0], p[:, 0]
    kw = dict(multioutput=multioutput)
    np.testing.assert_allclose(m.mean_absolute_error(y, p, **kw), skm.mean_absolute_error(y, p, **kw))
    np.testing.assert_allclose(m.mean_squared_error(y, p, **kw), skm.mean_squared_error(y, p, **kw))
    np.testing.assert_allclose(m.root_mean_squared_error(y, p, **kw), skm.root_mean_squared_error(y, p, **kw))
    if n > 1:
        np.testing.assert_allclose(m.r2_score(y, p, **kw), skm.r2_score(y, p, **kw))


def test_cat_detection_from_the_slides():
    y_true = np.r_[np.zeros(998), 1, 1]   # 998 dogs, 2 cats
    y_pred = np.r_[np.zeros(998), 1, 0]   # 999 dogs predicted, 1 cat (a real cat)
    assert m.accuracy_score(y_true, y_pred) == 0.999
    assert m.precision_score(y_true, y_pred) == 1.0
    assert m.recall_score(y_true, y_pred) == 0.5
    np.testing.assert_array_equal(m.confusion_matrix(y_true, y_pred), [[998, 0], [1, 1]])


@pytest.mark.parametrize("zero_division", [0.0, 1.0])
def test_edge_cases_match_sklearn(zero_division):
    cases = [([0, 0, 0], [0, 0, 0]),          # one class only
             ([0, 1, 1], [0, 0, 0]),          # no positive prediction
             ([0, 1, 1, 0], [0, 1, 1, 0]),    # perfect
             ([0, 1, 1, 0], [1, 0, 0, 1])]    # worst
    for y, p in cases:
        kw = dict(zero_division=zero_division)
        assert m.precision_score(y, p, **kw) == skm.precision_score(y, p, **kw)
        assert m.recall_score(y, p, **kw) == skm.recall_score(y, p, **kw)
        assert m.f1_score(y, p, **kw) == skm.f1_score(y, p, **kw)


def test_r2_constant_truth_as_sklearn():
    assert m.r2_score([2.0, 2.0], [2.0, 2.0]) == 1.0 == skm.r2_score([2.0, 2.0], [2.0, 2.0])
    assert m.r2_score([2.0, 2.0], [1.0, 2.0]) == 0.0 == skm.r2_score([2.0, 2.0], [1.0, 2.0])


def test_iou_by_hand():
    # boxes of area 4 overlapping in a 1 x 2 strip: 2 / (4 + 4 - 2)
    assert m.iou_boxes([0, 0, 2, 2], [1, 0, 3, 2]) == pytest.approx(2 / 6)
    assert m.iou_boxes([0, 0, 1, 1], [2, 2, 3, 3]) == 0.0
    np.testing.assert_allclose(m.iou_boxes([[0, 0, 2, 2], [0, 0, 1, 1]], [[0, 0, 2, 2], [0, 0, 2, 2]]),
                               [1.0, 0.25])
    a = np.zeros((10, 10), bool); a[:5, :5] = True   # 25 pixels
    b = np.zeros((10, 10), bool); b[:5, 3:8] = True  # 25 pixels, 10 shared
    assert m.iou_masks(a, b) == pytest.approx(10 / 40)
    assert m.iou_masks(np.zeros(3, bool), np.zeros(3, bool), zero_division=1.0) == 1.0


@pytest.mark.parametrize("call, error, match", [
    (lambda: m.accuracy_score([0, 1], [0, 1, 1]), ValueError, "y_true has 2, y_pred has 3"),
    (lambda: m.precision_score(np.zeros((2, 2)), [0, 1]), ValueError, "y_true must be a 1-D array"),
    (lambda: m.recall_score([0, np.nan], [0, 1]), ValueError, "y_true contains 1 NaN"),
    (lambda: m.precision_score([0, 1, 2], [0, 1, 2]), ValueError, "average='binary' needs two classes"),
    (lambda: m.f1_score([0, 1], [0, 1], average="mean"), ValueError, "average must be one of"),
    (lambda: m.roc_auc_score([1, 1], [0.2, 0.3]), ValueError, "needs both classes"),
    (lambda: m.roc_curve([0, 2], [0.2, 0.3]), ValueError, "only the labels 0 and 1"),
    (lambda: m.iou_boxes([2, 0, 1, 1], [0, 0, 1, 1]), ValueError, "x_max >= x_min"),
    (lambda: m.iou_boxes([0, 0, 1], [0, 0, 1, 1]), ValueError, "4 features"),
    (lambda: m.iou_masks(np.zeros((2, 2)), np.zeros((3, 3))), ValueError, "same shape"),
    (lambda: m.accuracy_score([], []), ValueError, "y_true is empty"),
    (lambda: m.mean_absolute_error([[1.0, 2.0]], [[1.0]]), ValueError, "2 features"),
    (lambda: m.r2_score([1.0, 2.0], [1.0, 2.0], multioutput="sum"), ValueError, "multioutput must be"),
    (lambda: m.accuracy_score(["a", "b"], [0, 1]), TypeError, "labels of the same type"),
])
def test_bad_inputs_name_the_argument(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_the_first_releases_names_still_work():
    """The notebooks call metrics.accuracy, precision, recall and roc_auc: the same functions."""
    assert (m.accuracy, m.precision, m.recall, m.roc_auc) == \
        (m.accuracy_score, m.precision_score, m.recall_score, m.roc_auc_score)
