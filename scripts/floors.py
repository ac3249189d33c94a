"""Write pip constraints that pin every requirement of pyproject.toml to its lower bound.

`make test-oldest` installs the course with these constraints and runs the unit tests, so a
floor that pyproject.toml claims is a floor that was tested.

    python scripts/floors.py [EXTRA ...] > build/constraints-oldest.txt
"""

import re
import sys
import tomllib
from pathlib import Path


def floors(extras=("course",)):
    """Lines `name==version`, one per requirement with a `>=` bound, for the package and `extras`."""
    project = tomllib.loads(Path("pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += project["optional-dependencies"][extra]
    lines = []
    for requirement in requirements:
        match = re.fullmatch(r"\s*([A-Za-z0-9_.\-\[\]]+?)(\[[^\]]*\])?\s*>=\s*([0-9][^,;\s]*)\s*", requirement)
        if not match:
            raise SystemExit(f"pyproject.toml: {requirement!r} has no plain lower bound (name>=version)")
        lines.append(f"{match[1]}=={match[3]}")
    return lines


if __name__ == "__main__":
    print("# The lower bounds of pyproject.toml, as pip constraints (scripts/floors.py; make test-oldest).")
    print("\n".join(floors(sys.argv[1:] or ["course"])))
