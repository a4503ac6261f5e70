"""Build-time maths (actsite.pages.typeset, actsite.pages.typeset_engine): TeX in page HTML becomes SVG,
bad TeX is an error, a warm cache typesets nothing, and no MathJax loader survives."""
from __future__ import annotations

import re

import pytest

from actsite.pages import typeset
from actsite.pages.typeset_engine import MathsEngine, TexError

POST_HTML = (
    '<article class="md-content__inner md-typeset"><p>Let <span class="arithmatex">\\(x &lt; 0\\)</span>.</p>\n'
    '<div class="arithmatex">\\[\n\\sigma(x) = \\frac{1}{1 + e^{-x}}\n\\]</div></article>')


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    maths = MathsEngine(cache_dir=tmp_path_factory.mktemp("maths-cache"))
    yield maths
    maths.close()


def test_formulas_become_svg_in_the_text_colour_with_assistive_mathml(engine):
    out = typeset.typeset_html(POST_HTML, engine)
    assert "\\(" not in out and "\\[" not in out
    containers = re.findall(r"<mjx-container[^>]*>", out)
    assert len(containers) == 2
    assert 'data-tex="x &lt; 0"' in containers[0]
    assert 'display="true"' in containers[1]
    assert 'data-tex="\\sigma(x) = \\frac{1}{1 + e^{-x}}"' in containers[1]
    assert out.count('fill="currentColor"') == 2                     # follows light and dark
    assert out.count('aria-hidden="true"') == 2                      # the picture is hidden ...
    assert "<mi>x</mi><mo>&lt;</mo><mn>0</mn>" in out                # ... its MathML is read
    assert '<span class="arithmatex"><mjx-container' in out          # the wrapper stays, for CSS
    assert typeset.typeset_html(out, engine) == out                 # typeset maths is left alone


def test_content_stage_leaves_placeholders_with_readable_text_only(engine):
    """What the search index reads: 'x<0' as text, the fraction not at all, never TeX."""
    marked = typeset.mark_formulas(POST_HTML, engine)
    assert "<svg" not in marked and "\\(" not in marked and "\\frac" not in marked.split("data-tex")[0]
    texts = re.findall(r"<mjx-container [^>]*>([^<]*)</mjx-container>", marked)
    assert texts == ["x&lt;0", ""]
    assert typeset.finish_page(marked, engine) == typeset.finish_page(typeset.typeset_html(POST_HTML, engine), engine)


def test_a_page_carries_each_glyph_once_inside_its_article(engine):
    out = typeset.finish_page(typeset.typeset_html(POST_HTML, engine), engine)
    used = set(re.findall(r'xlink:href="#(MJX-[^"]+)"', out))
    defined = re.findall(r'<path id="(MJX-[^"]+)"', out)
    assert used and set(defined) == used and len(defined) == len(used)
    assert out.index('<svg class="maths-glyphs"') > out.index("<article")   # swapped with the content


def test_notebook_latex_output_with_text_between_formulas(engine):
    output = '<div class="arithmatex">Loss \\(L = \\tfrac12 e^2\\) and \\begin{align}a &amp;= b\\end{align}</div>'
    out = typeset.typeset_html(output, engine)
    assert out.startswith('<div class="arithmatex">Loss <mjx-container')
    assert " and <mjx-container" in out and out.count("<mjx-container") == 2
    assert 'data-tex="\\begin{align}a &amp;= b\\end{align}"' in out


def test_maths_in_a_heading_is_typeset_in_the_table_of_contents(engine):
    from mkdocs.structure.toc import get_toc
    toc = get_toc([{"level": 2, "id": "slope", "name": "The slope \\(a &lt; b\\) here", "children": []}])
    typeset.typeset_toc(toc.items, engine)
    title = toc.items[0].title
    assert title.startswith("The slope <mjx-container") and title.endswith("</mjx-container> here")
    assert 'data-tex="a &lt; b"' in title


def test_pieces_of_a_wrapper():
    assert typeset.formulas_in("a \\(x\\) b \\[y\\]") == ["a ", ("\\(x\\)", "x", False), " b ", ("\\[y\\]", "y", True)]


@pytest.mark.parametrize("tex, message", [
    ("\\foo{x}", "Undefined control sequence \\foo"),
    ("x^{2", "Extra open brace or missing close brace"),
])
def test_bad_tex_raises_with_mathjax_message(engine, tex, message):
    with pytest.raises(TexError) as caught:
        typeset.typeset_html(f'<span class="arithmatex">\\({tex}\\)</span>', engine)
    assert caught.value.tex == tex and caught.value.message == message
    # the engine recovers: the next formula typesets
    assert "<mjx-container" in typeset.typeset_html('<span class="arithmatex">\\(y\\)</span>', engine)


def test_warm_cache_starts_no_node_and_an_edit_typesets_one_formula(tmp_path):
    cold = MathsEngine(cache_dir=tmp_path)
    first = typeset.typeset_html(POST_HTML, cold)
    assert cold.typeset_count == 2
    cold.close()
    warm = MathsEngine(cache_dir=tmp_path, node="no-such-node-binary")     # would fail if started
    assert typeset.typeset_html(POST_HTML, warm) == first
    assert warm.typeset_count == 0 and not warm.running
    edited = MathsEngine(cache_dir=tmp_path)
    typeset.typeset_html(POST_HTML.replace("x &lt; 0", "x &gt; 0"), edited)
    assert edited.typeset_count == 1
    edited.close()


def test_display_mode_is_part_of_the_cache_key(engine):
    assert engine.key("x", True) != engine.key("x", False)


def test_missing_node_is_a_clear_error(tmp_path):
    engine = MathsEngine(cache_dir=tmp_path, node="no-such-node-binary")
    with pytest.raises(typeset.EngineError, match="needs Node.js"):
        engine.typeset([("x", False)])


def test_the_notebook_mathjax_loader_is_dropped(engine):
    page = ('<body><script data-mkdocs-jupyter-mathjax="{&quot;url&quot;: &quot;x/tex-mml-chtml.js&quot;}">\n'
            'window.x = 1;\n</script>\n</body>')
    assert typeset.finish_page(page, engine) == "<body></body>"


def test_stylesheet_hides_the_assistive_mathml_visually(engine):
    css = engine.stylesheet()
    assert "mjx-assistive-mml" in css and "clip: rect(1px, 1px, 1px, 1px)" in css


def test_error_message_names_file_line_tex_and_message(tmp_path):
    source = "---\ntitle: T\n---\n\n# T\n\n$$\n\\foo\n$$\n"
    error = TexError("\\foo", True, "Undefined control sequence \\foo")
    message = typeset.error_message(error, tmp_path / "page.md", source, source.split("---\n", 2)[2])
    assert message == f"{tmp_path / 'page.md'}: line 8: TeX error: Undefined control sequence \\foo in $$\\foo$$"
