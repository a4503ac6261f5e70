"""Each page's one-sentence description, shown by search engines and link previews.

A page states it in its front matter (``description:``). Material writes ``page.meta.description``
into ``<meta name="description" content="...">`` without escaping it, and the RSS feed escapes it
again, so the hook replaces the text with a ``Markup`` of its escaped form: printed as it stands
into the attribute, and left alone by an escaping template.
"""
from __future__ import annotations

from markupsafe import Markup, escape


def escaped(meta: dict, where: str) -> dict:
    """``meta`` with its description escaped for HTML; ValueError naming ``where`` if it is not text."""
    description = meta.get("description")
    if description is None or isinstance(description, Markup):
        return meta
    if not isinstance(description, str) or not description.strip():
        raise ValueError(f"{where}: front matter 'description' must be one non-empty line of text, "
                         f"not {description!r}")
    return {**meta, "description": escape(" ".join(description.split()))}
