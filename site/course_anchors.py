"""Heading anchors as Jupyter makes them, for the course site (site/conf.py)."""


def jupyter_anchor(title: str) -> str:
    """The heading's text with spaces as hyphens: '5. Group leakage' -> '5.-Group-leakage'."""
    return title.strip().replace(" ", "-")
