"""What a reader reads on each page, line by line, with the line number of the source file.

Both the term check (:mod:`actsite.pages.glossary`) and the headline-fact check
(:mod:`actsite.pages.headline_facts`) read pages through this module, so they agree on what
counts as prose:

* a Markdown page's text, headings, list items, table rows, alt text and figure captions, and the
  ``title`` and ``description`` in its front matter;
* a notebook's Markdown cells (its code is code), and, separately (:func:`printed_lines`), the
  words its ``print()`` calls print;
* never fenced code, display maths (``$$ … $$`` blocks), HTML comments (the generators' markers),
  nor the ``References`` section, whose titles are quotations.

:func:`mask` blanks, in one line, the parts a reader does not read as words: inline code, inline
maths (optional), link targets (the link text and a figure's caption stay), bare ``<https://…>``
addresses, HTML tags, text marked as the other language (``<span lang=…>``) and ``{ #anchor }``
attribute lists.  Blanks keep columns, and they are
spaces, so two words are never joined across a masked span.

A *block* (:func:`blocks`) is the unit inside which a headline fact may be restated if it links
to its home: a paragraph (lines up to a blank line), a single list item, a single table row, a
heading, or one Markdown cell line of a notebook paragraph (a paragraph there too).
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from actsite.pages.page_pairs import CONTENT, pages

REFERENCES = re.compile(r"^#{2,} .*\{ *#references *\}")
HEADING = re.compile(r"^#{1,6} ")
FENCE = re.compile(r"^(```|~~~)")
LIST_ITEM = re.compile(r"^\s*([-*+]|\d+\.) ")
FRONT_KEYS = re.compile(r"^(title|description):\s*(.*)$")

INLINE_CODE = re.compile(r"`[^`\n]*`")
INLINE_MATHS = re.compile(r"(?<![\\$])\$(?!\$)(?:\\\$|[^$\n])+?\$|\\\(.*?\\\)")
LINK_TARGET = re.compile(r"\]\(([^)\s]*)")          # the address; a figure's "caption" after it stays
BARE_URL = re.compile(r"<https?://[^>\s]*>")
FOREIGN = re.compile(r'<span lang="[a-z]+">.*?</span>')    # declared as the other language (the glossary's twins)
HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>|<!--.*?-->")
ATTRIBUTES = re.compile(r"\{ *[#.][^}\n]*\}")
LINK = re.compile(r"\]\(([^)\s]+)")


@dataclass(frozen=True)
class Line:
    """One line of reader text: where it is (``zh/guide.md``), its 1-based line, its raw text."""
    where: str
    number: int
    text: str


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def mask(text: str, maths: bool = True) -> str:
    """The line with code, link targets, tags, attribute lists and (if ``maths``) inline maths blanked."""
    text = INLINE_CODE.sub(_blank, text)
    if maths:
        text = INLINE_MATHS.sub(_blank, text)
    text = BARE_URL.sub(_blank, text)
    text = LINK_TARGET.sub(lambda m: "](" + " " * len(m.group(1)), text)
    text = FOREIGN.sub(_blank, text)
    text = HTML_TAG.sub(_blank, text)
    return ATTRIBUTES.sub(_blank, text)


def markdown_lines(text: str, where: str) -> list[Line]:
    """The reader's lines of a Markdown page; other lines come back empty, so blocks still split."""
    lines = text.split("\n")
    out, fenced, display, references, comment = [], False, False, False, False
    front = len(lines) > 0 and lines[0] == "---"
    for number, line in enumerate(lines, 1):
        keep = ""
        if front:
            if number > 1 and line == "---":
                front = False
            elif match := FRONT_KEYS.match(line):
                keep = match.group(2)
        elif FENCE.match(line.lstrip()):
            fenced = not fenced
        elif fenced:
            pass
        elif line.strip() == "$$" or (line.startswith("$$") and not line.rstrip().endswith("$$")):
            display = not display
        elif display or (line.startswith("$$") and line.rstrip().endswith("$$") and len(line.strip()) > 2):
            pass
        elif comment or line.lstrip().startswith("<!--"):
            comment = "-->" not in line
        elif HEADING.match(line):
            references = bool(REFERENCES.match(line))
            keep = "" if references else line
        elif not references:
            keep = line
        out.append(Line(where, number, keep))
    return out


def notebook_lines(text: str, where: str) -> list[Line]:
    """The Markdown cells of a jupytext percent notebook, each line without its ``# ``."""
    out, in_markdown = [], False
    for number, line in enumerate(text.split("\n"), 1):
        if line.startswith("# %%"):
            in_markdown = "[markdown]" in line
            out.append(Line(where, number, ""))
            continue
        body = re.sub(r"^# ?", "", line) if in_markdown and line.startswith("#") else ""
        out.append(Line(where, number, body))
    cleaned = markdown_lines("\n".join(l.text for l in out), where)
    return [Line(where, line.number, cleaned[line.number - 1].text) for line in out]


def printed_lines(lang: str, page: str) -> list[Line]:
    """The text of each string literal inside a ``print()`` call of a notebook (of an f-string, its literal
    parts), at its line; a percent-format notebook is a Python file whose Markdown cells are comments."""
    path = CONTENT[lang] / page
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print"]
    return [Line(f"{lang}/{page}", node.lineno, node.value) for call in calls for node in ast.walk(call)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def page_lines(lang: str, page: str) -> list[Line]:
    path = CONTENT[lang] / page
    text = path.read_text(encoding="utf-8")
    where = f"{lang}/{page}"
    return notebook_lines(text, where) if page.endswith(".py") else markdown_lines(text, where)


def reader_pages(lang: str) -> list[str]:
    return sorted(pages(lang))


def blocks(lines: list[Line]) -> list[list[Line]]:
    """Paragraphs, list items, table rows and headings, each a list of its lines."""
    out: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        text = line.text
        starts_own = HEADING.match(text) or LIST_ITEM.match(text) or text.lstrip().startswith("|")
        if not text.strip() or starts_own:
            if current:
                out.append(current)
            current = [line] if text.strip() else []
            if starts_own and (HEADING.match(text) or text.lstrip().startswith("|")):
                out.append(current)
                current = []
            continue
        current.append(line)
    if current:
        out.append(current)
    return out


def link_targets(text: str, page: str) -> set[str]:
    """The pages (paths under the language's content folder) that the text links to."""
    base = Path(page).parent
    found = set()
    for target in LINK.findall(text):
        path = target.split("#", 1)[0]
        if not path or "://" in path or path.startswith(("figure:", "mailto:")):
            continue
        parts: list[str] = []
        for part in (base / path).as_posix().split("/"):
            if part == "..":
                if parts:
                    parts.pop()
            elif part not in ("", "."):
                parts.append(part)
        found.add("/".join(parts))
    return found


def content_path(lang: str, page: str) -> Path:
    return CONTENT[lang] / page
