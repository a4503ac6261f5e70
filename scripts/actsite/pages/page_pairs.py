"""A Chinese page and its English twin must differ only in prose.

For each page this extracts what must match its twin: heading anchors, figures, display
equations and code blocks, each in order, plus the front-matter fields that fix its URL.  Python code
must match up to the text of its string literals, so that a notebook prints in its page's language.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
LANGUAGES = ("zh", "en")
DOCS = ROOT / "docs"
CONTENT = {lang: DOCS / lang / "content" for lang in LANGUAGES}
PAGE_SUFFIXES = (".md", ".py")

ANCHOR = re.compile(r"^#{1,6} .*\{ *#([\w-]+) *\}\s*$", re.M)
FIGURE = re.compile(r"\]\(figure:([\w-]+)")
DISPLAY_MATH = re.compile(r"^\$\$\n(.*?)\n\$\$$", re.M | re.S)
CODE = re.compile(r"^```[^\n]*\n(.*?)^```$", re.M | re.S)
NOTEBOOK_CELL = re.compile(r"^# %%(.*)$", re.M)     # jupytext percent format
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
SHARED_META = ("date", "slug")


@dataclass(frozen=True)
class PageSkeleton:
    anchors: tuple[str, ...]
    figures: tuple[str, ...]
    equations: tuple[str, ...]
    code: tuple[str, ...]
    meta: tuple[tuple[str, str], ...]


def front_matter(text: str, path: Path) -> dict:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 2}" if mark else ""
        raise ValueError(f"{path}{line}: malformed front matter: {error}") from None
    if not isinstance(meta, dict):
        raise ValueError(f"{path}:2: front matter must be a mapping of keys to values")
    return meta


def notebook_cells(text: str) -> tuple[list[str], list[str]]:
    """(markdown cells with their comment marks removed, code cells) of a percent-format notebook."""
    parts = NOTEBOOK_CELL.split(text)
    markdown, code = [], []
    for header, body in zip(parts[1::2], parts[2::2]):
        if "[markdown]" in header:
            markdown.append(re.sub(r"^# ?", "", body, flags=re.M))
        else:
            code.append(body.strip())
    return markdown, code


def code_shape(code: str) -> str:
    """``code`` with the text of every string literal left out (of an f-string, its fields remain);
    code that does not parse as Python is compared as written."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return code
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            node.values = [part for part in node.values if isinstance(part, ast.FormattedValue)]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = ""
    return ast.dump(tree)


def skeleton(path: Path) -> PageSkeleton:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        markdown, code = notebook_cells(text)
        text = "\n".join(markdown) + "".join(f"\n```\n{c}\n```\n" for c in code)
    meta = front_matter(text, path)
    return PageSkeleton(
        anchors=tuple(ANCHOR.findall(text)),
        figures=tuple(FIGURE.findall(text)),
        equations=tuple(" ".join(e.split()) for e in DISPLAY_MATH.findall(text)),
        code=tuple(code_shape(c) for c in CODE.findall(text)),
        meta=tuple((k, str(meta[k])) for k in SHARED_META if k in meta),
    )


def content_dirs(docs: Path = DOCS) -> dict[str, Path]:
    return {lang: Path(docs) / lang / "content" for lang in LANGUAGES}


def pages(lang: str, docs: Path = DOCS) -> set[str]:
    root = content_dirs(docs)[lang]
    return {p.relative_to(root).as_posix() for p in root.rglob("*")
            if p.suffix in PAGE_SUFFIXES and p.is_file()}


def unpaired(docs: Path = DOCS) -> dict[str, set[str]]:
    """Pages that exist in one language only, by language."""
    zh, en = pages("zh", docs), pages("en", docs)
    return {"zh": zh - en, "en": en - zh}


def check_language(lang: str, docs: Path = DOCS) -> None:
    """Raise ValueError naming the file (and line) for a page without a twin or with broken front matter."""
    content = content_dirs(docs)
    other = LANGUAGES[1 - LANGUAGES.index(lang)]
    missing = sorted(unpaired(docs)[lang])
    if missing:
        raise ValueError("; ".join(f"{content[lang] / page}: no twin at {content[other] / page}"
                                   for page in missing))
    for page in sorted(pages(lang, docs)):
        path = content[lang] / page
        if path.suffix == ".md":
            front_matter(path.read_text(encoding="utf-8"), path)
