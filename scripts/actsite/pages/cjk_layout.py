"""Keep punctuation on the line of the inline maths it follows, in both languages.

Browsers may break a line between an inline formula and the punctuation after it, so a rendered
line starts with 「，」, 「。」, "." or ",". Wrapping the formula and its punctuation in one
``<span class="math-punct">`` (``white-space: nowrap`` in site.css) keeps them together.
"""
from __future__ import annotations

import re

# Punctuation that typesetting never puts at the start of a line: Chinese full-width, then Latin.
CLOSING = "，。；：、！？）》”’" + ".,;:!?)"
INLINE_MATH_THEN_CLOSING = re.compile(
    r'(<span class="arithmatex">(?:(?!</span>).)*?</span>)([' + CLOSING + r']+)', re.S)


def bind_punctuation(html: str) -> str:
    """HTML with every inline formula that is followed by closing punctuation wrapped with it."""
    return INLINE_MATH_THEN_CLOSING.sub(r'<span class="math-punct">\1\2</span>', html)
