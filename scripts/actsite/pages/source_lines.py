"""Line numbers in the page source as its author wrote it, for every error the build reports.

By the time a page is checked, its Markdown is no longer the file: the front matter is gone,
plugins may have added lines, and markers such as the reference table's have grown into
hundreds of generated lines.  :func:`source_line` maps a line of the text being processed back
to the file by aligning the two (``difflib``): a line that survived unchanged keeps its place,
and a generated line is reported at the marker that produced it.  No expansion has to keep
count, so a new generator cannot break the numbers.
"""
from __future__ import annotations

from difflib import SequenceMatcher


def source_line(source: str, processed: str, line: int) -> int:
    """The 1-based line of ``source`` that 1-based line ``line`` of ``processed`` came from."""
    original, current = source.splitlines(), processed.splitlines()
    matcher = SequenceMatcher(None, original, current, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if j1 <= line - 1 < j2:
            if tag == "equal":
                return i1 + (line - 1 - j1) + 1
            return min(i1, max(len(original) - 1, 0)) + 1     # replaced by or inserted at line i1
    return max(len(original), 1)


def line_of(text: str, needles: list[str]) -> int | None:
    """The 1-based line where the first of ``needles`` found in ``text`` starts."""
    for needle in needles:
        if needle and (at := text.find(needle)) >= 0:
            return text.count("\n", 0, at) + 1
    return None


def tex_needles(tex: str, display: bool) -> list[str]:
    """How a formula may appear in a source, most specific first: with its delimiters, alone,
    and by its first line (a notebook's Markdown lines start with ``# ``)."""
    delimited = [f"$${tex}$$", f"\\[{tex}\\]"] if display else [f"${tex}$", f"\\({tex}\\)"]
    first_line = tex.strip().splitlines()[0].strip() if tex.strip() else ""
    return [*delimited, tex, first_line]


def locate(source: str, processed: str, needles: list[str]) -> int | None:
    """The source line of the first of ``needles``: found in the file itself, else found in the
    processed text (generated content) and mapped back; None if it is in neither."""
    found = line_of(source, needles)
    if found is not None:
        return found
    found = line_of(processed, needles)
    return None if found is None else source_line(source, processed, found)
