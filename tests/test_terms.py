"""One term per concept: no page uses a variant that the glossary lists for a concept.

The terms are declared in ``scripts/actsite/pages/glossary.py`` (see "Adding a term" in README.md).
Every place a reader reads is checked, each hit named by file and line:

* each reader page's prose, headings, list items, tables, alt text, captions and front-matter title,
  and each notebook's Markdown cells (through :mod:`actsite.pages.reader_text`, which leaves out
  code, maths, link addresses and reference lists);
* the generated tables: the reference page's, the gated and output tables, and the glossary itself;
* what the notebooks print (the words in their ``print()`` calls), the navigation labels and the blog's
  category and tag names (``actsite.pages.taxonomy``).

Then: every glossary link leads to a page and heading that exist in both languages, and the
glossary page is on both sites and in both navigations.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from actsite.pages import gated_table, glossary, low_precision_table, reference_table, taxonomy
from actsite.pages.page_pairs import CONTENT, DOCS, LANGUAGES
from actsite.pages.reader_text import Line, markdown_lines, mask, page_lines, printed_lines, reader_pages

ROOT = Path(__file__).resolve().parents[1]


def rules(lang: str) -> list[tuple[re.Pattern, str, str]]:
    """(pattern, the variant as declared, what to write instead) for one language."""
    found = [(glossary.variant_pattern(v), glossary.variant_text(v), term.name(lang))
             for term in glossary.TERMS for v in term.avoid(lang)]
    return found + [(glossary.variant_pattern(v), glossary.variant_text(v), symbol)
                    for symbol, v in glossary.SPELLED_SYMBOLS]


def variants_in(lines: list[Line], lang: str) -> list[str]:
    hits = []
    for line in lines:
        text = mask(line.text)
        for pattern, variant, preferred in rules(lang):
            for match in pattern.finditer(text):
                hits.append(f"{line.where}:{line.number}: '{match.group(0)}' (variant '{variant}'; "
                            f"write '{preferred}'): …{line.text[max(0, match.start() - 30):match.end() + 30].strip()}…")
    return hits


def generated_lines(lang: str) -> dict[str, list[Line]]:
    """The generated tables, line by line, named by the module that writes them."""
    texts = {
        "scripts/actsite/pages/reference_table.py": reference_table.tables_markdown(lang) + "\n"
        + reference_table.sections_markdown(lang),
        "scripts/actsite/pages/gated_table.py": gated_table.tables_html(lang),
        "scripts/actsite/pages/low_precision_table.py": low_precision_table.tables_html(lang),
        # the "also called" lines name the variants on purpose
        "scripts/actsite/pages/glossary.py": glossary.ALSO.sub("", glossary.glossary_table(lang, href=lambda target: target)),
    }
    return {module: markdown_lines(text, f"{module} (generated, {lang})") for module, text in texts.items()}


def notebook_output_lines(lang: str) -> list[Line]:
    """The words each notebook prints, at their line in the notebook."""
    return [line for page in reader_pages(lang) if page.endswith(".py") for line in printed_lines(lang, page)]


def taxonomy_lines(lang: str) -> list[Line]:
    """Category and tag names, at their line in taxonomy.py."""
    path = ROOT / "scripts" / "actsite" / "pages" / "taxonomy.py"
    source = path.read_text(encoding="utf-8").splitlines()
    names = [names[lang] for table in (taxonomy.CATEGORIES, taxonomy.TAGS) for names in table.values()]
    return [Line("scripts/actsite/pages/taxonomy.py",
                 next((n for n, line in enumerate(source, 1) if f'"{lang}": "{name}"' in line), 0), name) for name in names]


def nav_lines(lang: str) -> list[Line]:
    path = DOCS / lang / "mkdocs.yml"
    text = path.read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(text) if line.startswith("nav:"))
    return [Line(f"docs/{lang}/mkdocs.yml", n + 1, line.split(":")[0])      # the label, not the page
            for n, line in enumerate(text) if n > start and ":" in line]


PAGES = [(lang, page) for lang in LANGUAGES for page in reader_pages(lang)]


def test_the_declarations_are_consistent():
    assert glossary.check_terms() == []


@pytest.mark.parametrize("lang,page", PAGES)
def test_no_page_uses_a_listed_variant(lang, page):
    assert variants_in(page_lines(lang, page), lang) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_generated_tables_use_the_preferred_terms(lang):
    assert [hit for lines in generated_lines(lang).values() for hit in variants_in(lines, lang)] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_notebook_output_navigation_and_tags_use_the_preferred_terms(lang):
    assert variants_in(notebook_output_lines(lang) + nav_lines(lang) + taxonomy_lines(lang), lang) == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("term", glossary.TERMS, ids=lambda t: t.key)
def test_each_glossary_link_leads_to_an_existing_section(term, lang):
    page, _, anchor = term.home.partition("#")
    where = glossary.declared_at(term.key)
    assert (CONTENT[lang] / page).is_file(), f"{where}: no page {lang}/{page}"
    _, headings = glossary.page_headings(lang, page)
    assert not anchor or anchor in headings, f"{where}: {lang}/{page} has no heading {{ #{anchor} }}"


AFFINE = {"zh": "仿射映射（线性映射再加一个常数项）", "en": "affine map (a linear map plus a constant)"}
AFFINE_AT_HOME = {"zh": "仿射层（形如 $W\\mathbf{x} + \\mathbf{b}$ 的映射）", "en": "affine layer (a map of the form $W\\mathbf{x} + \\mathbf{b}$)"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_collapsed_stack_is_affine_in_the_glossary_as_at_its_home(lang):
    """With biases, layers without an activation collapse into an affine map, not a linear one."""
    term = next(t for t in glossary.TERMS if t.key == "activation-function")
    definition = term.definition(lang)
    assert AFFINE[lang] in definition, f"{glossary.declared_at(term.key)}: {definition}"
    assert "线性映射。" not in definition and "linear map." not in definition
    page, _, anchor = term.home.partition("#")
    text = (CONTENT[lang] / page).read_text(encoding="utf-8")
    start = text.index(f"{{ #{anchor} }}")
    section = text[start:text.index("\n## ", start)]
    assert AFFINE_AT_HOME[lang] in section


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_glossary_page_is_on_the_site(lang):
    page = CONTENT[lang] / "glossary.md"
    assert glossary.MARKER in page.read_text(encoding="utf-8")
    config = yaml.load((DOCS / lang / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert "glossary.md" in [value for entry in config["nav"] for value in entry.values()]


def test_the_glossary_table_has_every_term_with_its_twin():
    html = glossary.glossary_table("en", href=lambda target: target)
    for term in glossary.TERMS:
        assert f'<span id="{term.key}">' in html and f'<span lang="zh">{term.zh}</span>' in html
        assert f'href="{term.home}"' in html


def test_the_check_can_fail():
    """Each kind of place is read, and what a reader does not read as words is not."""
    zh = lambda text: variants_in([Line("x.md", 1, text)], "zh")  # noqa: E731
    en = lambda text: variants_in([Line("x.md", 1, text)], "en")  # noqa: E731
    assert zh("见光滑门控函数一页") and zh("![斜率 kappa 的图](figure:zigzag \"标题\")")
    assert zh("这个单元的入权重") and not zh("这个单元的输入权重") and not zh("光滑性")
    assert zh("GD 路径") and not zh("SGD 路径")
    assert not zh("代码 `zigzag_gd` 与公式 $\\kappa = 13.7$ 和链接 [文章](neuron-gradients-zigzag.md#zigzag)")
    assert en("the learning rate eta") and not en("the parameter beta") and not en("a metal")
    assert en("its corners at ±3") and not en("written in the corner") and not en("the corners of the square")
    assert not en("$\\sigma(x)$ and \\sigma") and en("sigma(x) in the alt text")
    assert en("Batch Normalization helps") and en("an initialized network")
    assert not en("[zig-zag](blog/posts/neuron-gradients-zigzag.md)")
    hits = variants_in([Line("en/a.md", 7, "a dead neuron")], "en")
    assert hits and hits[0].startswith("en/a.md:7: ")
    assert glossary.declared_at("kink").startswith("scripts/actsite/pages/glossary.py:")


def test_a_missing_home_is_named_with_its_declaration():
    class NoFiles:
        def get_file_from_path(self, path):
            return None
    # review final65, cb: no term is homed at reference.md#columns any more (zero-centred moved); the reference table's is
    home = next(term.home for term in glossary.TERMS if term.key == "reference-table")
    with pytest.raises(FileNotFoundError, match=rf"glossary\.py:\d+: the term's home '{re.escape(home)}'"):
        glossary.mkdocs_href(NoFiles(), None)(home)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_glossary_shows_the_names_other_texts_use(lang):
    """Each "also called" line names variants the pages avoid, and a reader coming from d2l-zh or
    another course finds its names: 修正线性单元, 批量归一化, dead neuron, zero-centered."""
    html = glossary.glossary_table(lang, href=lambda target: target)
    lines = glossary.ALSO.findall(html)
    assert len(lines) == sum(1 for term in glossary.TERMS if term.also(lang))
    for term in glossary.TERMS:
        for name in term.also(lang):
            assert any(glossary.variant_pattern(v).search(name) for v in term.avoid(lang)), (term.key, name)
    expected = ("修正线性单元", "批量归一化", "梯度弥散") if lang == "zh" else ("dead neuron", "zero-centered", "batch normalization")
    assert all(any(name in line for line in lines) for name in expected), expected


def test_the_glossary_is_grouped_by_topic():
    assert sum(len(terms) for _, _, terms in glossary.groups()) == len(glossary.TERMS)
    for lang in LANGUAGES:
        captions = re.findall(r"<caption>(.*?)</caption>", glossary.glossary_table(lang, href=lambda target: target))
        assert captions == [zh if lang == "zh" else en for _, zh, en in glossary.GROUPS]


def test_a_home_is_named_by_the_page_title_before_its_colon_then_the_section():
    zh = glossary.home_title("zh", "blog/posts/when-gradients-vanish.md#backprop-product")
    assert zh == "梯度消失 › 梯度是一个乘积"
    assert glossary.home_title("en", "blog/posts/when-gradients-vanish.md#backprop-product").startswith("When gradients vanish › ")
    assert glossary.home_title("zh", "catalogue/low-precision.md#formats") == "低精度下的激活函数 › 五种格式"
    # a title without a colon is cut before its second clause, in both languages alike
    assert glossary.home_title("en", "blog/posts/dead-relu-units.md") == "Why ReLU units die"
    assert glossary.home_title("zh", "blog/posts/dead-relu-units.md") == "ReLU 单元为何会死"
    assert glossary.home_title("en", "blog/posts/neuron-gradients-zigzag.md") == "One unit, its gradient"
    assert glossary.home_title("zh", "blog/posts/neuron-gradients-zigzag.md") == "一个单元的梯度"
    assert glossary.home_title("en", "playground.md") == "Activation playground"
    # a title whose part before the colon is no name gets its label from PAGE_LABELS
    assert glossary.home_title("en", "catalogue/hard-and-cheap.md") == "Hard and cheap functions"
    assert glossary.home_title("zh", "catalogue/hard-and-cheap.md#int8").startswith("低成本激活函数 › ")


def test_slips_of_wording_are_not_shown_as_other_names():
    """拐角/尖角/折角, 批次 and 被激活 are wordings the pages avoid, not names other texts give the concept."""
    terms = {t.key: t for t in glossary.TERMS}
    assert terms["kink"].also("zh") == () and terms["mini-batch"].also("zh") == () and terms["active-unit"].also("zh") == ()
    html = glossary.glossary_table("zh", href=lambda target: target)
    assert not any(word in line for line in glossary.ALSO.findall(html) for word in ("拐角", "批次", "被激活"))


def test_a_spelling_variant_is_shown_as_a_spelling_not_as_another_name():
    """"zero-centered" is zero-centred spelled the American way, not another name for it."""
    html = glossary.glossary_table("en", href=lambda target: target)
    lines = glossary.ALSO.findall(html)
    shown = {name for term in glossary.TERMS for name in term.also("en")}
    assert glossary.SPELLINGS <= shown                     # every declared spelling belongs to a term
    for name in glossary.SPELLINGS:
        line = next(line for line in lines if name in line)
        called = line.split("Also called (not used here): ")[1].split(". Also spelled")[0].split("<")[0] if "Also called" in line else ""
        assert "Also spelled (not used here): " in line and name not in called.split(", ")   # "layer norm" vs "layer normalisation"
    assert any("Also called (not used here): dead neuron" in line for line in lines)


def test_a_home_in_a_notebook_is_named_from_its_markdown_cells():
    """A notebook's cell markers ("# %% [markdown]") and comment marks are not its title or headings."""
    for term in glossary.TERMS:
        if ".py" in term.home:
            for lang in LANGUAGES:
                name = glossary.home_title(lang, term.home)
                assert "%%" not in name and "#" not in name, (term.key, lang, name)
    assert glossary.home_title("en", "notebooks/training-speed.py#beyond-the-grid") == \
        "Notebook: ReLU against tanh › Beyond the grid: η = 0.3"
    assert glossary.home_title("zh", "notebooks/training-speed.py#beyond-the-grid") == "笔记本：ReLU 与 tanh › 再大一档：η = 0.3"


CHINESE_LAYER_ORDINAL = re.compile(r"第[一二三四五六七八九十百]+个?(?:隐藏)?层")


def chinese_layer_ordinals(lines: list[Line]) -> list[str]:
    return [f"{line.where}:{line.number}: '{match.group(0)}' (write the layer's number in digits, 第 1 层)"
            for line in lines for match in CHINESE_LAYER_ORDINAL.finditer(line.text)]


def test_zh_layers_are_numbered_in_digits_everywhere():
    """A layer is numbered as the playground and the figures number it, 第 1 层 … 第 50 层, never 第一层:
    the site used both, sometimes on one page."""
    lines = [line for page in reader_pages("zh") for line in page_lines("zh", page)]
    lines += notebook_output_lines("zh") + [line for group in generated_lines("zh").values() for line in group]
    assert chinese_layer_ordinals(lines) == []
    assert chinese_layer_ordinals([Line("x.md", 3, "第一层和第二个隐藏层")]) == [
        "x.md:3: '第一层' (write the layer's number in digits, 第 1 层)",
        "x.md:3: '第二个隐藏层' (write the layer's number in digits, 第 1 层)"]


LOWER_CASE_NUMPY = re.compile(r"\bnumpy\b")


def lower_case_numpy(lines: list[Line]) -> list[str]:
    return [f"{line.where}:{line.number}: 'numpy' (the library is spelled NumPy in prose)"
            for line in lines for _ in LOWER_CASE_NUMPY.finditer(mask(line.text))]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_prose_spells_the_library_numpy_as_its_project_does(lang):
    """Prose names the library NumPy; code (import numpy as np) keeps the module's name.  The pages wrote numpy
    about forty times, mostly on the build page (reviews final66-final67c)."""
    lines = [line for page in reader_pages(lang) for line in page_lines(lang, page)]
    lines += [line for group in generated_lines(lang).values() for line in group]
    assert lower_case_numpy(lines) == []
    assert lower_case_numpy([Line("x.md", 4, "timed in numpy, with `numpy.tanh`")]) == [
        "x.md:4: 'numpy' (the library is spelled NumPy in prose)"]
