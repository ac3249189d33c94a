"""Shared test setup: figures are drawn off-screen, and the longest work is scheduled first."""

import matplotlib

matplotlib.use("Agg")


# The longest work first, so that the two test workers finish together (scripts/test.sh runs
# pytest-xdist with --dist loadscope --no-loadscope-reorder): the browser test, which keeps one
# worker busy, then a short module for that worker's second place in the queue, then the
# notebooks for the other worker, then everything else. pytest collects in path order, so the
# order is set here, after collection; the sort is stable, so nothing else moves.
FIRST = ("tests/test_browser.py", "notebooks/01_", "tests/test_validation.py", "notebooks/")


def pytest_collection_modifyitems(session, config, items):
    def rank(item):
        return next((i for i, prefix in enumerate(FIRST) if item.nodeid.startswith(prefix)), len(FIRST))
    items.sort(key=rank)
