"""Provenance on the reference page: every function says where it first appeared and, where
different, who popularised it; every cited work has a link; the rendered entries follow the
site's one citation style in each language."""
from __future__ import annotations

import re

import pytest

from actsite.pages import bibliography, gated_table
from actsite.pages.bibliography import WORKS, entry, names, short_citation, works_list
from actsite.maths.gated import GATED
from actsite.maths.output_layers import OUTPUTS
from actsite.maths.catalogue import EVERY
from actsite.pages.reference_table import cited_works, expand

OLDER_THAN_NEURAL_NETWORKS = {"sigmoid", "tanh"}     # first use as an activation not pinned down
LINK = re.compile(r"^https://(doi\.org/10\.\d{4,}/\S+|arxiv\.org/abs/\d{4}\.\d{4,5}|\S+)$")


@pytest.mark.parametrize("key", EVERY)
def test_every_function_has_a_first_appearance_or_is_older_than_neural_networks(key):
    act = EVERY[key]
    assert bool(act.first_appeared) != (key in OLDER_THAN_NEURAL_NETWORKS)
    for work in (*act.first_appeared, *act.popularised_by):
        assert work in WORKS, (key, work)
    assert not set(act.first_appeared) & set(act.popularised_by)


@pytest.mark.parametrize("key", EVERY)
def test_first_appearance_is_no_later_than_popularisation(key):
    act = EVERY[key]
    if act.first_appeared and act.popularised_by:
        first = min(WORKS[w].year for w in act.first_appeared)
        assert first <= min(WORKS[w].year for w in act.popularised_by), key


def test_rectifier_history_matches_the_sources():
    relu = EVERY["relu"]
    assert relu.first_appeared == ("fukushima1969",) and WORKS["fukushima1969"].year == 1969
    assert set(relu.popularised_by) == {"jarrett2009", "nair2010", "glorot2011"}
    assert EVERY["sigmoid"].popularised_by == ("rumelhart1986",)


def test_silu_softsign_and_hard_sigmoid_provenance_matches_their_catalogue_pages():
    assert EVERY["silu"].first_appeared == ("hendrycks2016",)
    assert set(EVERY["silu"].popularised_by) == {"elfwing2018", "ramachandran2017"}
    assert EVERY["softsign"].first_appeared == ("elliott1993",) and EVERY["softsign"].popularised_by == ("glorot2010",)
    assert EVERY["hard_sigmoid"].first_appeared == ("courbariaux2015",)
    assert EVERY["hard_sigmoid"].popularised_by == ("howard2019",)


@pytest.mark.parametrize("key", WORKS)
def test_every_work_has_a_link_and_the_fields_of_the_style(key):
    work = WORKS[key]
    assert LINK.match(work.link), work.link
    assert work.authors and work.title and work.venue and 1700 < work.year < 2030


def test_entries_follow_authors_year_title_venue_link():
    assert entry("nair2010", "en") == (
        '<li id="ref-nair2010">V. Nair and G. E. Hinton (2010). Rectified linear units improve restricted '
        'Boltzmann machines. ICML 2010, 807–814. <a href="https://icml.cc/Conferences/2010/papers/432.pdf">'
        'https://icml.cc/Conferences/2010/papers/432.pdf</a></li>')
    zh = entry("nair2010", "zh")
    assert zh.startswith('<li id="ref-nair2010">V. Nair、G. E. Hinton（2010）. ')


def test_chinese_short_citations_use_chinese_conjunctions_and_brackets():
    assert names("He et al.", "zh") == "He 等" and names("Nair and Hinton", "zh") == "Nair 和 Hinton"
    assert ">Jarrett 等（2009）<" in short_citation("jarrett2009", "zh")
    assert ">Jarrett et al. (2009)<" in short_citation("jarrett2009", "en")


def test_an_undeclared_work_is_named():
    with pytest.raises(KeyError, match="nobody1999"):
        works_list(["nair2010", "nobody1999"], "en")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reference_page_lists_every_cited_work_once_with_its_anchor(lang):
    page = bibliography.expand(gated_table.expand(
        expand("<!-- activation-reference -->\n\n<!-- gated-reference -->\n\n<!-- reference-works -->", lang), lang), lang)
    cited_elsewhere = {key for declared in (*GATED.values(), *OUTPUTS.values()) for key in declared.cited}
    assert cited_elsewhere                                  # the gated and output tables cite works too
    for key in set(cited_works()) | cited_elsewhere:
        assert page.count(f'<li id="ref-{key}">') == 1
        assert f'href="#ref-{key}"' in page
    if lang == "zh":
        assert "et al." not in page and "：:" not in page
        assert not re.search(r"[\u4e00-\u9fff]: ", page)        # no ASCII colon after Chinese words


def test_no_table_formula_holds_a_bare_bar():
    """Python-Markdown splits a table row at every |, even inside $...$: write \\lvert x\\rvert."""
    assert not [key for key, act in EVERY.items() if "|" in act.latex]


def test_chinese_entries_name_venues_in_chinese():
    for key in ("collobert2004", "xu2015", "elliott1993", "maas2013", "openai2019", "radford2018"):
        text = re.sub(r"<[^>]+>", "", entry(key, "zh"))
        venue_part = text.split(". ", 2)[-1].rsplit(". ", 1)[0]
        assert not re.search(r"\b(preprint|thesis|technical|report|workshop|repository|University)\b", venue_part,
                             re.I), venue_part
