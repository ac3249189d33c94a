"""Start a student's Jupyter server with the course in their home.

JupyterHub runs this (c.Spawner.cmd in hub/jupyterhub_config.py) as the student, in the student's
home. It copies the students' copies of the notebooks (scripts/student_copies.py, `make student`)
from $COURSE_STUDENT_DIR into ~/notebooks/, then becomes `jupyterhub-singleuser`.

A file that is already there is never overwritten: a student's edited notebook survives every
restart of their server (make test-hub checks it). A notebook added to the course later appears at
the next start. To hand a student a fresh copy, delete theirs and restart the server.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def hand_out(source: Path, home: Path) -> list[Path]:
    """Copy the course files of ``source`` missing from ``home/notebooks``; return those copied."""
    target = home / "notebooks"
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for path in sorted(source.glob("*.ipynb")) + sorted(source.glob("*.md")):
        out = target / path.name
        if not out.exists():
            shutil.copyfile(path, out)
            copied.append(out)
    return copied


def main(argv: list[str]) -> None:
    source = Path(os.environ.get("COURSE_STUDENT_DIR", Path(__file__).resolve().parents[1] / "build" / "student"))
    glossary = Path(__file__).resolve().parents[1] / "notebooks" / "glossary.md"
    if not source.is_dir():
        sys.exit(f"{source}: no students' copies (run `make student` first)")
    home = Path.home()
    copied = hand_out(source, home)
    if glossary.exists() and not (home / "notebooks" / glossary.name).exists():
        shutil.copyfile(glossary, home / "notebooks" / glossary.name)  # the days link to it
    print(f"[course] {len(copied)} file(s) of {source} handed out to {home / 'notebooks'}", flush=True)
    exe = shutil.which("jupyterhub-singleuser", path=str(Path(sys.executable).parent)) or "jupyterhub-singleuser"
    os.execv(sys.executable, [sys.executable, exe, *argv])


if __name__ == "__main__":
    main(sys.argv[1:])
