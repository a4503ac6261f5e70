"""The reference page, generated from the maths registry: two tables of every activation
function (formulas; properties), then one section per function with
its formula, derivative and figure.

Every cell comes from :data:`actsite.maths.catalogue.EVERY` (the classic four and the modern
catalogue) or is computed from it; the words around them are the only per-language text.
The tables are written as HTML, escaped by construction: a ``|`` or ``<`` in a formula can
neither split a row nor open a tag, and maths goes into the same ``span.arithmatex`` containers
that ``pymdownx.arithmatex`` writes for the rest of the page.  The formulas and the properties
are two tables, so that each fits the text column.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from actsite.pages.bibliography import short_citations
from actsite.maths.catalogue import EVERY
from actsite.figures.registry import FIGURES
from actsite.maths.functions import Activation
from actsite.maths.gaussian import gaussian_expectation
from actsite.pages.html_table import math_cell, table, text_cell
from actsite.pages.page_pairs import CONTENT

MARKER = "<!-- activation-reference -->"
WORDS = {
    "zh": {"yes": "是", "no": "否", "name": "函数", "formula": "公式", "range": "值域",
           "monotonic": "单调", "zero_centred": "零中心", "saturating": "饱和", "cost": "计算代价",
           "derivative": "导数", "figure": "及其导数", "mean": "标准正态输入下的均值",
           "exp": "指数类", "compare": "比较与乘加", "erf": "误差函数", "division": "除法",
           "smoothness": "平滑性", "first": "本页所引最早出处", "popular": "使之流行的文献",
           "card": "目录中的函数卡片", "article": "文章中的讨论", "also": "另见文章中的讨论", "colon": "：",
           "formulas_caption": "公式与值域", "properties_caption": "性质"},
    "en": {"yes": "yes", "no": "no", "name": "Function", "formula": "Formula", "range": "Range",
           "monotonic": "Monotone", "zero_centred": "Zero-centred", "saturating": "Saturating",
           "cost": "Cost", "derivative": "Derivative", "figure": "and its derivative",
           "mean": "Mean under a standard normal input", "exp": "exponential", "compare": "comparisons and multiply-adds",
           "erf": "error function", "division": "division", "smoothness": "Smoothness", "first": "Earliest source cited",
           "popular": "Popularised by",
           "card": "Card in the catalogue", "article": "Discussed in", "also": "Also discussed in", "colon": ": ",
           "formulas_caption": "Formulas and ranges", "properties_caption": "Properties"},
}
CATALOGUE_PAGES = {"rectifier": "catalogue/rectifiers.md", "smooth": "catalogue/smooth-gates.md",
                   "hard": "catalogue/hard-and-cheap.md"}   # the classic four have no card page
# The classic four have no card: each section links to the article section that derives and judges it.
ARTICLE_HOMES = {"sigmoid": "blog/posts/from-linear-to-nonlinear.md#sigmoid-tanh-derivations",
                 "tanh": "blog/posts/from-linear-to-nonlinear.md#sigmoid-tanh-derivations",
                 "relu": "blog/posts/from-linear-to-nonlinear.md#relu-judged",
                 "leaky_relu": "blog/posts/dead-relu-units.md#relu-variants"}
# Carded functions that an article also studies: the section links to that article section after the card.
ARTICLE_SECTIONS = {"prelu": "blog/posts/dead-relu-units.md#relu-variants",
                    "rrelu": "blog/posts/dead-relu-units.md#relu-variants",
                    "maxout": "blog/posts/dead-relu-units.md#relu-variants",
                    "selu": "blog/posts/initialisation.md#selu-fixed-point",
                    "gelu": "blog/posts/initialisation.md#gelu-silu",
                    "silu": "blog/posts/initialisation.md#gelu-silu"}
SMOOTHNESS_LATEX = {"C0": "C^0", "C1": "C^1", "Cinf": r"C^\infty"}
PROPERTY_COLUMNS = ("monotonic", "zero_centred", "saturating", "smoothness", "cost")
GRID = np.linspace(-10, 10, 20_001)   # float64 rounds sigma(x) to 1 beyond x = 37: stay well inside
DECIMALS = 4     # the site's one rule for a range's bounds: exact values as they are, others to four decimals
# A "no" in the properties table that holds only for the function as drawn, with the note that says so.
NOTES = {
    ("maxout", "monotonic"): {
        "zh": "表中的 Maxout 是函数卡片上的两段情形 max(x, −x) = |x|。一般的 Maxout 单元取若干仿射函数的最大值，"
              "总是凸的，但是否单调取决于学到的各段。",
        "en": "The Maxout row is the card's two-piece case, max(x, −x) = |x|. A learned maxout unit, a maximum "
              "of affine functions, is always convex; whether it is monotone depends on the pieces it learns."},
}
# Squared ReLU has no card, hence no row; what the rows would say of it follows the notes (review final65, cb: it sat
# between the reading key and the tables).
SQUARED_RELU = {
    "en": "Squared ReLU, $\\max(0, x)^2$, which has no card, is discussed as a choice for the feed-forward block on "
          "[the page on the transformer block](catalogue/transformer-block.md#squared-relu); its range is $[0, \\infty)$, "
          "it is monotone, not zero-centred (its mean is 1/2), not saturating and $C^1$, and it needs only comparisons "
          "and multiply-adds.",
    "zh": "平方 ReLU，即 $\\max(0, x)^2$，没有函数卡片；[《Transformer 块内部》](catalogue/transformer-block.md#squared-relu)"
          "一页把它作为前馈模块的一种选择来讨论。它的值域是 $[0, \\infty)$，单调，非零中心（均值为 1/2），不饱和，"
          "属于 $C^1$，只需比较与乘加。",
}
FIGURE_ALT = re.compile(r"!\[([^\]]+)\]\(figure:([\w-]+)[ )]")


def range_latex(act: Activation) -> str:
    """Interval notation; a finite bound is closed when the function attains it."""
    lo, hi = act.output_range
    values = act.f(GRID)

    def bound(value: float) -> str:
        return (r"-\infty" if value < 0 else r"\infty") if np.isinf(value) else decimal(value)

    attained_min = act.minimum is not None and act.minimum[1] == lo
    left = "[" if np.isfinite(lo) and (attained_min or np.any(values == lo)) else "("
    right = "]" if np.isfinite(hi) and np.any(values == hi) else ")"
    return f"{left}{bound(lo)}, {bound(hi)}{right}"


def decimal(value: float) -> str:
    """A bound as the site writes it: exact if it has at most four decimals (0, 1, -0.375), else rounded
    to four (-0.1700 for GELU's minimum -0.169971...)."""
    rounded = round(value, DECIMALS)
    return f"{rounded:g}" if rounded == value else f"{rounded:.{DECIMALS}f}"


def note_anchor(key: str, column: str) -> str:
    return f"note-{key.replace('_', '-')}-{column.replace('_', '-')}"


def standard_normal_mean(act: Activation) -> float:
    return gaussian_expectation(act.f)


def anchor(act: Activation) -> str:
    return act.key.replace("_", "-")


def _name_link(act: Activation, lang: str) -> str:
    return f'<a href="#{anchor(act)}">{text_cell(act.names[lang])}</a>'


def formulas_table(lang: str) -> str:
    w = WORDS[lang]
    rows = [[_name_link(act, lang), math_cell(act.latex), math_cell(range_latex(act))] for act in EVERY.values()]
    return table(w["formulas_caption"], [w["name"], w["formula"], w["range"]], rows)


def properties_table(lang: str) -> str:
    w = WORDS[lang]

    def yes_no(act: Activation, column: str) -> str:
        cell = text_cell(w["yes"] if getattr(act, column) else w["no"])
        if (act.key, column) in NOTES:
            cell += f'<sup><a href="#{note_anchor(act.key, column)}">*</a></sup>'
        return cell

    rows = [[_name_link(act, lang), yes_no(act, "monotonic"), yes_no(act, "zero_centred"), yes_no(act, "saturating"),
             math_cell(SMOOTHNESS_LATEX[act.smoothness]), text_cell(w[act.cost])] for act in EVERY.values()]
    return table(w["properties_caption"], [w["name"]] + [w[c] for c in PROPERTY_COLUMNS], rows)


def property_notes(lang: str) -> str:
    """The notes that the starred cells of the properties table link to, one paragraph each."""
    return "\n\n".join(f'<p id="{note_anchor(key, column)}"><sup>*</sup> {text_cell(note[lang])}</p>'
                         for (key, column), note in NOTES.items())


@lru_cache(maxsize=None)
def figure_alt(key: str, lang: str) -> str:
    """The alt text a reader page of this language already gives the figure: one description per
    figure, written where the figure is discussed, reused here rather than replaced by its caption."""
    for path in sorted(CONTENT[lang].rglob("*.md")):
        if path.name == "reference.md":
            continue
        for alt, shown in FIGURE_ALT.findall(path.read_text(encoding="utf-8")):
            if shown == key:
                return alt
    raise LookupError(f"figure:{key} is on the reference page but no page under {CONTENT[lang]} describes it "
                      "in alt text: show it on the page that discusses it")


def figure_caption(act: Activation, lang: str) -> str:
    """"GELU and its derivative" / "GELU 及其导数": a space between a Latin name and Chinese words."""
    name = act.names[lang]
    space = " " if lang == "en" or re.search(r"[A-Za-z0-9)]$", name) else ""
    return name + space + WORDS[lang]["figure"]


def tables_markdown(lang: str) -> str:
    return "\n\n".join([formulas_table(lang), properties_table(lang), property_notes(lang), SQUARED_RELU[lang]])


def sections_markdown(lang: str) -> str:
    w = WORDS[lang]
    parts = []
    for act in EVERY.values():
        parts += [f"## {act.names[lang]} {{ #{anchor(act)} }}", "",
                  f"$$\n{act.latex}\n$$", "", f"{w['derivative']}{w['colon'].rstrip()}", "", f"$$\n{act.latex_prime}\n$$", "",
                  f"{w['mean']}{w['colon']}${standard_normal_mean(act):.3f}$", "", *provenance_lines(act, lang)]
        if act.key in FIGURES:
            parts += [f'![{figure_alt(act.key, lang)}](figure:{act.key} "{figure_caption(act, lang)}")', ""]
    return "\n".join(parts)


def provenance_lines(act: Activation, lang: str) -> list[str]:
    """Earliest source cited, popularised by (where different), the catalogue card and any article section, one
    paragraph each.  One label for the first line everywhere, which claims no first use (review final57, cb), with
    ``first_scope`` saying what that source defines; an activation may relabel the second line
    (``popularised_label``) where the default would claim more than its source shows.  A classical function (the
    sigmoid, tanh) cites no earliest source and has no such line: the reading key says why (review final66, cb: a
    "not given" line read as a form left blank)."""
    w = WORDS[lang]
    lines = []
    if act.first_appeared:
        first = short_citations(act.first_appeared, lang)
        lines += [f"{w['first']}{w['colon']}{first}{act.first_scope.get(lang, '')}", ""]
    if act.popularised_by:
        scope = act.popularised_scope.get(lang, "")
        label = act.popularised_label.get(lang, w["popular"])
        lines += [f"{label}{w['colon']}{short_citations(act.popularised_by, lang)}{scope}", ""]
    from actsite.pages.glossary import home_title   # here: glossary imports this module
    if act.family in CATALOGUE_PAGES:
        lines += [f"{w['card']}{w['colon']}[{act.names[lang]}]({CATALOGUE_PAGES[act.family]}#{anchor(act)})", ""]
        if act.key in ARTICLE_SECTIONS:
            home = ARTICLE_SECTIONS[act.key]
            lines += [f"{w['also']}{w['colon']}[{home_title(lang, home)}]({home})", ""]
    elif act.key in ARTICLE_HOMES:
        home = ARTICLE_HOMES[act.key]
        lines += [f"{w['article']}{w['colon']}[{home_title(lang, home)}]({home})", ""]
    else:
        raise LookupError(f"scripts/actsite/pages/reference_table.py: {act.key} has neither a catalogue card "
                          "(CATALOGUE_PAGES) nor an article section (ARTICLE_HOMES) to link to")
    return lines


def cited_works() -> list[str]:
    """Every work the table cites, in order of first citation."""
    return [key for act in EVERY.values() for key in (*act.first_appeared, *act.popularised_by)]


def expand(markdown: str, lang: str) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, tables_markdown(lang) + "\n\n" + sections_markdown(lang))
