"""The course's text rules in one place: how words are counted, the word budgets, the map of the day.

Students read the markdown of their copy (scripts/student_copies.py). Its words are counted
outside code blocks, display and inline math, inline code and HTML tags (``words``); a day may ask
for at most its budget (``BUDGETS``: Day 1 5,500, the other days 4,000), about 150 words a minute.
tests/test_course_text.py checks these rules and the map of each day (``read_map``).
"""

from __future__ import annotations

import re
from pathlib import Path

WORDS_PER_MINUTE = 150
BUDGETS = {"01": 5500}          # by the notebook's number; every other day:
DEFAULT_BUDGET = 4000
MAP_HEADER = ["section", "lecture (min)", "reading (min)", "hands-on (min)", "exercises"]
MINUTE_COLUMNS = ["lecture (min)", "reading (min)", "hands-on (min)"]


def words(src: str) -> int:
    """Student-facing words of a markdown source: code blocks, math, inline code and HTML tags left out."""
    src = re.sub(r"```.*?```", " ", src, flags=re.S)          # code blocks
    src = re.sub(r"\$\$.*?\$\$", " ", src, flags=re.S)         # display math
    src = re.sub(r"\$[^$]*\$|`[^`]*`|<[^>]+>", " ", src)        # inline math, inline code, HTML tags
    return len(src.split())


def notebook_words(nb) -> int:
    """The words of every markdown cell of ``nb`` (a student copy: what a student reads)."""
    return sum(words(cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"]))
               for cell in nb["cells"] if cell["cell_type"] == "markdown")


def budget(path: Path | str) -> int:
    """The word budget of a day's notebook, from its number (01_overview.ipynb: Day 1)."""
    return BUDGETS.get(Path(path).name[:2], DEFAULT_BUDGET)


def _cells_of(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", line)]


def minutes(cell: str) -> int:
    """A table cell's minutes: '' is 0, '**60**' is 60; anything else raises ValueError."""
    text = cell.replace("*", "").strip()
    if not text:
        return 0
    if not re.fullmatch(r"\d+", text):
        raise ValueError(f"not a number of minutes: {cell!r}")
    return int(text)


def read_map(source: str) -> dict:
    """The map of the day, from its cell's markdown: its rows, its total row, the sentence under it.

    Returns {"rows": [dict per section], "total": dict, "sentence": (lecture, hands-on, reading,
    exercises) or None}. Raises ValueError when the table is missing or not of the agreed shape.
    """
    lines = source.splitlines()
    tables = [i for i, line in enumerate(lines) if line.strip().startswith("|")
              and (i == 0 or not lines[i - 1].strip().startswith("|"))]
    if len(tables) != 1:
        raise ValueError(f"the map holds {len(tables)} tables, not one")
    start = tables[0]
    end = start
    while end < len(lines) and lines[end].strip().startswith("|"):
        end += 1
    header = [c.lower() for c in _cells_of(lines[start])]
    if header != MAP_HEADER:
        raise ValueError(f"the map's header is {header}, not {MAP_HEADER}")
    rows = [dict(zip(MAP_HEADER, _cells_of(line))) for line in lines[start + 2:end]]
    if not rows or rows[-1]["section"].replace(" ", "") != "**total**":
        raise ValueError("the map's last row is not the **total** row")
    total = rows.pop()
    for column in MINUTE_COLUMNS:
        if not re.fullmatch(r"\*\*\d+\*\*", total.get(column, "").strip()):
            raise ValueError(f"the total of {column!r} is {total.get(column)!r}, not a bold number")
    after = " ".join(lines[end:])
    match = re.search(r"In class: (\d+) min of lecture and (\d+) of hands-on; alone at home: (\d+) min of "
                      r"reading and (\d+) of exercises", after)
    sentence = tuple(int(g) for g in match.groups()) if match else None
    return {"rows": rows, "total": total, "sentence": sentence}
