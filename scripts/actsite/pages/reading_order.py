"""The order in which the site is meant to be read, and the previous/next links it gives posts.

Pages listed in the navigation get Material's own previous/next footer.  Blog posts are not in
the navigation (Material links them by date), so each post listed in :data:`ORDER` gets a short
block at its foot linking to its neighbours along the order instead; a page's title is the
first ``# `` heading of its source.
The home page lists the same order, and the catalogue's pages come in the order of the navigation
(``tests/test_site_path.py`` checks both).  The blog's index lists posts newest first, so the
marker :data:`MARKER` on it becomes the numbered list of the posts along the order.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

ORDER = (
    "blog/posts/why-nonlinear-activations.md",
    "blog/posts/from-linear-to-nonlinear.md",
    "blog/posts/dead-relu-units.md",
    "blog/posts/neuron-gradients-zigzag.md",
    "blog/posts/when-gradients-vanish.md",
    "blog/posts/initialisation.md",
    "blog/posts/relu-sparsity-biology.md",
    "catalogue/rectifiers.md",
    "catalogue/smooth-gates.md",
    "catalogue/hard-and-cheap.md",
    "catalogue/gated-units.md",
    "catalogue/output-layers.md",
    "catalogue/low-precision.md",
    "catalogue/transformer-block.md",
    "reference.md",
)
WORDS = {
    "zh": {"heading": "阅读顺序", "previous": "上一篇：", "next": "下一篇：", "title": "《{}》", "join": "　"},
    "en": {"heading": "Reading order", "previous": "Previous: ", "next": "Next: ", "title": "{}", "join": " · "},
}
MARKER = "<!-- reading-order -->"
TITLE = re.compile(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", re.M)


def title(docs_dir: Path, src: str) -> str:
    path = Path(docs_dir) / src
    match = TITLE.search(path.read_text(encoding="utf-8"))
    if not match:
        raise ValueError(f"{path}: no '# ' title line, needed for the reading-order links")
    return match.group(1).strip()


def neighbours(src: str) -> tuple[str | None, str | None]:
    i = ORDER.index(src)
    return (ORDER[i - 1] if i > 0 else None, ORDER[i + 1] if i + 1 < len(ORDER) else None)


def footer(src: str, lang: str, docs_dir: Path) -> str:
    """The previous/next block for a post in :data:`ORDER`, as Markdown ('' for any other page)."""
    if src not in ORDER or not src.startswith("blog/posts/"):
        return ""
    w = WORDS[lang]
    links = []
    for label, other in zip(("previous", "next"), neighbours(src)):
        if other:
            target = posixpath.relpath(other, posixpath.dirname(src))
            links.append(f"{w[label]}[{link_text(w['title'].format(title(docs_dir, other)))}]({target})")
    return f'\n\n<nav class="reading-order" markdown="span" aria-label="{w["heading"]}">{w["join"].join(links)}</nav>\n'


def link_text(text: str) -> str:
    """``text`` safe inside a Markdown link's square brackets."""
    return re.sub(r"([\\\[\]])", r"\\\1", text)


def post_list(src: str, docs_dir: Path) -> str:
    """The posts of :data:`ORDER` as a numbered Markdown list, linked relative to the page ``src``."""
    posts = [other for other in ORDER if other.startswith("blog/posts/")]
    return "\n".join(
        f"{number}. [{link_text(title(docs_dir, other))}]"
        f"({posixpath.relpath(other, posixpath.dirname(src))})"
        for number, other in enumerate(posts, 1))


def expand(markdown: str, page, lang: str, docs_dir: Path) -> str:
    """``markdown`` with :data:`MARKER` replaced by the list of posts and, for a post, the
    reading-order block appended; there Material's own previous/next footer (which follows the
    posts' dates) is hidden, so that one order is shown."""
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, post_list(page.file.src_uri, docs_dir))
    block = footer(page.file.src_uri, lang, docs_dir)
    if block:
        hide = page.meta.get("hide") or []
        page.meta["hide"] = [*hide, "footer"] if "footer" not in hide else hide
    return markdown + block
