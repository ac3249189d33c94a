"""Tidy a freshly executed notebook: what is stored is the outputs, not the machine that made them.

    python scripts/tidy_notebook.py NOTEBOOK...

Removes the text chunks of every PNG figure (matplotlib's "Software: Matplotlib
version ..."; the pixels are untouched, only tEXt, zTXt and iTXt chunks go) and
the execution timestamps nbconvert writes into each cell's metadata, so that a
re-run changes the stored notebook only where an output changed.
"""

from __future__ import annotations

import base64
import struct
import sys
import zlib
from pathlib import Path

import nbformat

SIGNATURE = b"\x89PNG\r\n\x1a\n"
TEXT_CHUNKS = {b"tEXt", b"zTXt", b"iTXt"}


def strip_text_chunks(png: bytes) -> bytes:
    """``png`` without its text chunks.

    >>> chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(
    ...     ">I", zlib.crc32(kind + data))
    >>> png = SIGNATURE + chunk(b"IHDR", b"x" * 13) + chunk(b"tEXt", b"Software\\0mpl") + chunk(b"IEND", b"")
    >>> strip_text_chunks(png) == SIGNATURE + chunk(b"IHDR", b"x" * 13) + chunk(b"IEND", b"")
    True
    """
    if not png.startswith(SIGNATURE):
        return png
    out, position = [SIGNATURE], len(SIGNATURE)
    while position < len(png):
        (length,) = struct.unpack(">I", png[position:position + 4])
        end = position + 12 + length
        if png[position + 4:position + 8] not in TEXT_CHUNKS:
            out.append(png[position:end])
        position = end
    return b"".join(out)


def tidy_notebook(path: Path) -> int:
    """Tidy the notebook at ``path`` in place; the number of figures stripped of text chunks."""
    notebook = nbformat.read(path, as_version=4)
    changed = 0
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                raw = base64.b64decode(data["image/png"])
                clean = strip_text_chunks(raw)
                if clean != raw:
                    data["image/png"] = base64.b64encode(clean).decode("ascii")
                    changed += 1
    nbformat.write(notebook, path)
    return changed


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: tidied ({tidy_notebook(Path(name))} figure(s) stripped of their text chunks)")
