"""One home per fact: a headline fact is restated on another page only next to a link to its home.

The facts, their homes and the patterns that recognise them are declared in
``scripts/actsite/pages/headline_facts.py``, whose docstring defines the rule precisely (a
restatement may stand in a paragraph, list item, table row or heading that links to the home).
"""
from __future__ import annotations

import re

import pytest

from actsite.pages import headline_facts as hf
from actsite.pages.page_pairs import CONTENT, LANGUAGES
from actsite.pages.reader_text import Line, markdown_lines, page_lines, reader_pages

PAGES = [(lang, page) for lang in LANGUAGES for page in reader_pages(lang)]


def test_facts_are_declared_once_with_valid_patterns():
    keys = [fact.key for fact in hf.FACTS]
    assert len(keys) == len(set(keys))
    for fact in hf.FACTS:
        assert fact.patterns and fact.what and fact.compiled()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("fact", hf.FACTS, ids=lambda f: f.key)
def test_each_home_exists_and_states_its_fact(fact, lang):
    assert (CONTENT[lang] / fact.home).is_file(), f"{fact.key}: no home page {lang}/{fact.home}"
    assert hf.stated_on(page_lines(lang, fact.home), fact), (
        f"{fact.key}: {lang}/{fact.home} matches none of {fact.patterns}; if the fact moved, move its home")


@pytest.mark.parametrize("lang,page", PAGES)
def test_no_headline_fact_is_restated_without_a_link_to_its_home(lang, page):
    assert [str(r) for r in hf.restatements(page_lines(lang, page), page)] == []


def found(text: str, page: str = "catalogue/x.md") -> list[str]:
    return [f"{r.line.number}:{r.fact.key}" for r in hf.restatements(markdown_lines(text, f"en/{page}"), page)]


def test_the_rule_can_fail():
    link = "[saturation](../blog/posts/when-gradients-vanish.md#flat-tails)"
    assert found("The slope is below 0.01 beyond 4.585.") == ["1:saturation-thresholds"]
    assert found(f"The slope is below 0.01 beyond 4.585 ({link}).") == []
    # the link must be in the same paragraph, list item or table row
    assert found(f"Beyond 4.585 the slope is tiny.\n\nSee {link}.") == ["1:saturation-thresholds"]
    assert found(f"A paragraph over two lines,\nbeyond 4.585, {link}.") == []
    assert found(f"- first item, beyond 4.585\n- second item, {link}") == ["1:saturation-thresholds"]
    assert found(f"| sigmoid | 4.585 |\n| tanh | {link} |") == ["1:saturation-thresholds"]
    # a link elsewhere does not count; the home itself may say it; code and addresses are not prose
    assert found("Beyond 4.585 ([guide](../guide.md)).") == ["1:saturation-thresholds"]
    assert found("Beyond 4.585.", page="blog/posts/when-gradients-vanish.md") == []
    assert found("```\nprint(4.585)\n```\n`4.585` and [a](https://example.org/4.585)") == []
    # Chinese patterns and maths
    assert found("ReLU 比 tanh 快六倍。") == ["1:alexnet-six-times"]
    assert found("$x > 2.993$ 时") == ["1:saturation-thresholds"]
    assert found("TensorFlow 2.15 and ReLU6") == [] and found("from 1.2 to 2.15") == ["1:training-speed"]


def test_links_resolve_against_the_linking_page():
    from actsite.pages.reader_text import link_targets
    assert link_targets("[a](../blog/posts/x.md#y) [b](other.md) [c](https://e.org/z.md)", "catalogue/p.md") == \
        {"blog/posts/x.md", "catalogue/other.md"}
    assert link_targets("[a](../../guide.md)", "blog/posts/p.md") == {"guide.md"}


def test_every_block_kind_splits():
    from actsite.pages.reader_text import blocks
    lines = [Line("x", n, t) for n, t in enumerate(["# H", "para", "cont", "", "- a", "  a2", "- b", "| r |"], 1)]
    assert [[l.number for l in b] for b in blocks(lines)] == [[1], [2, 3], [5, 6], [7], [8]]
    assert re.search(hf.NUMBER_START + r"4\.585" + hf.NUMBER_END, "x 4.585.") and \
        not re.search(hf.NUMBER_START + r"4\.585" + hf.NUMBER_END, "x 4.5851")
