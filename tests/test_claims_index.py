"""The claims of the home page (index.md) about what its cards and lists show, checked.

The home page computes nothing itself; what it states is what the pictures on its reading-order
cards show and what the pages it lists contain.  Each test checks one such statement against the
figure's data or the page it describes, in both languages.
"""
from __future__ import annotations

import re

import numpy as np
import pytest

from actsite.experiments import piecewise
from actsite.experiments.cache import cached
from actsite.figures.diagrams import PATHS_INPUTS, PATHS_SIZES
from claim_helpers import CONTENT, LANGS, page_text

PAGE = "index.md"


def shown(en: str, zh: str) -> None:
    assert en in page_text(PAGE, "en"), en
    assert zh in page_text(PAGE, "zh"), zh


def test_dead_relu_card_shows_relu_and_leaky_relu_in_the_second_layer():
    r = cached("dead_relu")
    for key in ("relu", "leaky_relu"):                      # both lines of the figure
        share = r[f"{key}_inactive"][..., 1]                # the second hidden layer, as the card says
        assert share.shape[0] == len(r["learning_rates"]) and np.nanmax(share) > 0.2
    shown("the share of second-layer units that are dead (ReLU) or inactive (Leaky ReLU) against the learning rate",
          "第 2 层中死亡的（ReLU）与始终关闭的（Leaky ReLU）单元所占比例随学习率的变化")


def test_dead_relu_card_says_relu_units_die_not_that_leaky_units_stop_learning():
    """Card 3: "How many ReLU units die as the learning rate grows, and which remedies help."  Its figure also plots
    Leaky ReLU's inactive units, which keep the slope a > 0 and so still receive gradient: the line names the ReLU
    units, which die, not "units that stop learning" (review final58, tools).  The dead share of the second layer
    grows with the learning rate (seeds averaged, lowest rate against highest)."""
    from actsite.maths.catalogue import EVERY
    r = cached("dead_relu")
    rates = np.asarray(r["learning_rates"])
    dead = r["relu_inactive"][..., 1].reshape(len(rates), -1).mean(axis=1)
    assert np.all(np.diff(rates) > 0) and dead[-1] > 0.2 > 0.05 > dead[0], dead
    assert float(EVERY["leaky_relu"].df(np.array([-3.0]))[0]) > 0            # Leaky ReLU's off units still learn
    shown("How many ReLU units die as the learning rate grows, and which remedies help.",
          "学习率增大时有多少 ReLU 单元死亡，哪些补救办法管用。")
    cards = {lang: page_text(PAGE, lang).split("-   **3. ")[1].split("-   **4. ")[0] for lang in LANGS}
    assert "stop learning" not in cards["en"] and "停止学习" not in cards["zh"]


def test_sparse_paths_card_shows_two_inputs_each_with_its_own_paths():
    layers = piecewise.random_relu_net(PATHS_SIZES, seed=3)
    masks = [piecewise.forward(layers, np.array(x))[1] for x in PATHS_INPUTS]
    assert len(PATHS_INPUTS) == 2                                       # two forward passes, two inputs
    assert not np.array_equal(np.array(PATHS_INPUTS[0]), np.array(PATHS_INPUTS[1]))
    assert any(not np.array_equal(a, b) for a, b in zip(*masks))        # different active units
    assert all(m.any() and not m.all() for ms in masks for m in ms)     # some units inactive in every layer
    shown("after forward passes on two different inputs, with the units that are off and their connections greyed out: "
          "each input uses its own paths",
          "分别对两个不同的输入做完前向传播，关闭的单元及其连接显示为灰色：每个输入走自己的通路")


@pytest.mark.parametrize("lang", LANGS)
def test_the_transformer_entry_names_what_its_page_covers(lang):
    page = page_text("catalogue/transformer-block.md", lang)
    anchors = set(re.findall(r"\{ #([\w-]+) \}", page))
    assert {"scaling", "soft-capping", "z-loss", "squared-relu", "normalisation", "default"} <= anchors
    heading = re.search(r"^## (.*?) \{ #default \}$", page, re.M).group(1)
    assert heading == {"en": "What to use when training a transformer from scratch",
                       "zh": "从头训练 Transformer 该用什么"}[lang]
    shown("squared ReLU, normalisation, and a default for training from scratch.",
          "平方 ReLU、归一化，以及从头训练时的默认选择。")


@pytest.mark.parametrize("lang", LANGS)
def test_the_notebooks_entry_names_every_notebook_by_its_title(lang):
    """Review final65, tools: the notebooks recompute an article's numbers; not all rerun an experiment."""
    notebooks = sorted((CONTENT[lang] / "notebooks").glob("*.py"))
    # review final65, tools: not every notebook reruns an experiment; "x² from ReLU units" recomputes a construction (it
    # imports NumPy alone: no training, no cached experiment), so the entry promises recomputed numbers
    count = {"en": "Five notebooks that recompute an article's numbers and print them, in the order of their articles:",
             "zh": "五个笔记本，各自重算一篇文章里的数字并打印出来，按所属文章的顺序排列："}[lang]
    assert len(notebooks) == 5 and count in page_text(PAGE, lang)
    square = (CONTENT[lang] / "notebooks/relu-square.py").read_text(encoding="utf-8")
    assert re.findall(r"^(?:import|from) (\S+)", square, re.M) == ["numpy"] and "cached(" not in square
    assert "rerun an article's experiment" not in page_text(PAGE, lang) and "重跑一篇文章的实验" not in page_text(PAGE, lang)
    prefix = {"en": "Notebook: ", "zh": "笔记本："}[lang]
    for notebook in notebooks:
        text = notebook.read_text(encoding="utf-8")
        title = re.search(r"^# # (.+?) \{ #notebook-[\w-]+ \}$", text, re.M).group(1)
        assert title.startswith(prefix), notebook
        label = title[len(prefix):]
        label = f"《{label}》" if lang == "zh" else label          # zh names a page in 《》, as the catalogue list does
        assert f"[{label}](notebooks/{notebook.name})" in page_text(PAGE, lang), label
        assert re.search(r"\]\(\.\./blog/posts/[\w-]+\.md", text), notebook     # it belongs to an article
    # listed (and in the navigation) in the reading order of the articles they belong to (review final52, tools)
    from actsite.pages.reading_order import ORDER
    article = {nb.name: "blog/posts/" + re.search(r"\]\(\.\./blog/posts/([\w-]+)\.md", nb.read_text(encoding="utf-8")).group(1) + ".md"
               for nb in notebooks}
    listed = re.findall(r"\]\(notebooks/([\w-]+\.py)\)", page_text(PAGE, lang))
    assert sorted(listed) == sorted(article)
    assert [ORDER.index(article[name]) for name in listed] == sorted(ORDER.index(article[name]) for name in listed)
    nav = re.findall(r"- notebooks/([\w-]+\.py)", (CONTENT[lang].parent / "mkdocs.yml").read_text(encoding="utf-8"))
    assert nav == listed


def test_zigzag_card_shows_sgd_and_full_batch_paths_in_each_panel():
    """Review final67, tools: the alt text says the full-batch path is labelled GD, as the figure's legend does."""
    r = cached("zigzag")
    for label in ("positive", "centred"):                               # the two panels of the figure
        sgd, gd = r[f"{label}_sgd"], r[f"{label}_gd"]
        assert sgd.shape[1] == gd.shape[1] == 2 and len(sgd) > 1 and len(gd) > 1   # two paths over (w1, w2)
        assert np.allclose(sgd[0], gd[0])                               # both from the same start
    # review final67, tools: the figure's legend says "GD"; the card's alt text says so, as the article's does
    shown("Two contour plots of a loss over two weights, each with the paths of SGD and of full-batch gradient descent "
          "(labelled GD) from the start to the target",
          "两幅损失函数关于两个权重的等高线图，每幅都画出随机梯度下降（SGD）与全批量梯度下降（图中记作 GD）从起点走向目标的路径")
    assert "labelled GD" in (CONTENT["en"] / "blog/posts/neuron-gradients-zigzag.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_the_by_date_archive_says_it_is_not_the_reading_order(lang):
    """Review final67, tools: the blog index lists the posts by date, and the dates do not follow the reading order
    (the dates stay: a decision taken), so the link to it says that its order is not the reading order.
    Review final68, tools: en "by date, which is not the reading order, and by tag" read as a fragment (the clause split
    the two listings); now "listed by date (not the reading order) and by tag"."""
    import yaml
    from actsite.pages.reading_order import ORDER
    dates = []
    for post in (p for p in ORDER if p.startswith("blog/posts/")):
        front = (CONTENT[lang] / post).read_text(encoding="utf-8").split("---")[1]
        dates.append(str(yaml.safe_load(front)["date"]))
    assert dates != sorted(dates) and dates != sorted(dates, reverse=True), dates     # date order is not reading order
    assert "by date, which is not the reading order" not in (CONTENT["en"] / "index.md").read_text(encoding="utf-8")
    shown("- All [articles](blog/index.md), listed by date (not the reading order) and by [tag](tags.md).",
          "- [全部文章](blog/index.md)按日期排列（这不是阅读顺序），也可以按[标签](tags.md)浏览。")


@pytest.mark.parametrize("lang", LANGS)
def test_each_article_in_the_reading_order_ends_with_a_link_to_the_next(lang):
    """'read the articles in this order; each ends with a link to the next': the cards list the posts
    in the site's reading order, and the block appended to each post but the last links to the next."""
    from actsite.pages.reading_order import ORDER, WORDS, footer
    cards = re.findall(r"^-   \*\*\d\. \[[^\]]+\]\((blog/posts/[\w-]+\.md)\)\*\*$", page_text(PAGE, lang), re.M)
    assert cards == [p for p in ORDER if p.startswith("blog/posts/")], cards
    for post, after in zip(cards, cards[1:]):
        assert f"{WORDS[lang]['next']}[" in footer(post, lang, CONTENT[lang]) and f"]({after.split('/')[-1]})" in footer(post, lang, CONTENT[lang])
    shown("read the articles in this order; each ends with a link to the next.", "请按下面的顺序阅读，每篇末尾都链接到下一篇。")


@pytest.mark.parametrize("lang", LANGS)
def test_the_guide_link_reads_as_one_sentence_and_silu_swish_has_the_sites_spelling(lang):
    """"the guide [Which activation should I use?](guide.md) recommends ...": no title ending in "?" followed by a
    full stop or a comma (reviews final47, final53); the smooth-gates entry spells "SiLU / Swish" as the reference table and explorer do."""
    text = page_text(PAGE, lang)
    assert not re.search(r"[?？]\]\([^)]*\)[.,]", text)
    assert "SiLU/Swish" not in text and "SiLU / Swish" in text
    # review final66, tools: "For a practical answer first, the guide ... recommends" dangled; the reader is the subject
    shown("If you want a practical answer first, read the guide [Which activation should I use?](guide.md): it recommends a "
          "function for each situation,",
          "可以读[《该用哪个激活函数？》](guide.md)：它按场合推荐函数")
    assert "For a practical answer first" not in page_text(PAGE, "en")
    # review final80, tools: the guide comes before the articles it summarises; the sentence says so
    shown("It summarises what the articles below derive: each recommendation links to the page that gives its evidence",
          "它汇总的是下面各篇文章推导出的结论，每条推荐都链接到给出证据的页面")
    # the zh start section said 建议 four times in three sentences (review final56, tools)
    if lang == "zh":
        start = text.split("{ #start-here }")[1].split("<div")[0]
        assert "建议" not in start and "每条推荐都链接到给出证据的页面" in start


@pytest.mark.parametrize("lang", LANGS)
def test_the_catalogue_list_names_each_page_by_its_title(lang):
    """The catalogue list names each page by its title before the colon (softplus is no smooth gate,
    so its page is "Softplus and the smooth gates", not "Smooth gates")."""
    entries = re.findall(r"^\d\. \[([^\]]+)\]\((catalogue/[\w-]+\.md)\)", page_text(PAGE, lang), re.M)   # a top-level list: 1.-7.
    assert len(entries) == 7
    if lang == "zh":      # page titles in 《》 in the lists as in the cards and the prose (review final60, tools)
        assert all(label.startswith("《") and label.endswith("》") for label, _ in entries), entries
        entries = [(label[1:-1], path) for label, path in entries]
    for label, path in entries:
        title = re.search(r"^title: \"?(.+?)\"?$", page_text(path, lang), re.M).group(1)
        assert title.split({"en": ":", "zh": "："}[lang])[0] == label, (label, title)
    # card 4's blurb adds what its title does not say (the title already names the zig-zag): the two descents it follows
    # the acronym is expanded at its first use on the page (the zh card writes it out: 随机梯度下降)
    en = ("A single unit's gradient by hand, and the paths that stochastic gradient descent (SGD) and full-batch "
          "gradient descent take through its weight space.")
    zh = "亲手推一遍一个单元的梯度，再看随机梯度下降与全批量梯度下降在它的权重空间里各走出怎样的路径。"
    shown(en, zh)
    assert "zig-zag" not in en and "之字形" not in zh
    expanded = "stochastic gradient descent ("
    assert page_text(PAGE, "en").index("SGD") == page_text(PAGE, "en").index(expanded + "SGD)") + len(expanded)
    for lang, words in (("en", ("SGD", "full-batch")), ("zh", ("随机梯度下降", "全批量"))):
        article = page_text("blog/posts/neuron-gradients-zigzag.md", lang)
        assert all(w in article for w in words), lang


def test_absolute_card_shows_two_relus_each_with_its_kink_at_0_adding_up_to_the_absolute_value():
    """Card 1's alt text: 'Two ReLU units, g(x) = max(0, x) and g(−x), each with its kink at 0, add up to the absolute
    value |x|'.  The figure's data: the sum it plots is |x|, and the slope of each unit changes at 0 and nowhere else.
    The alt text uses the site's term, kink (折点), not "bent" (review final55, tools)."""
    from claim_helpers import plotted
    from actsite.maths.functions import relu
    data = plotted("absolute")
    x = data["x"]
    assert np.allclose(data["h1"], np.abs(x))
    for g in (relu(x), relu(-x)):
        slope = np.diff(g) / np.diff(x)
        changes = np.flatnonzero(np.abs(np.diff(slope)) > 1e-9)
        assert len(changes) == 1 and abs(x[changes[0] + 1]) < 1e-12      # one kink, at x = 0
    shown("Two ReLU units, g(x) = max(0, x) and g(−x), each with its kink at 0, add up to the absolute value |x|",
          "两个 ReLU 单元 g(x) = max(0, x) 与 g(−x) 的折点都在 0 处，相加得到绝对值函数 |x|")
    assert "bent" not in page_text(PAGE, "en") and "弯折" not in page_text(PAGE, "zh")


def test_card_blurbs_read_as_sentences_with_their_own_subjects():
    """Card 1's 'without one' had to reach back to the card title for its antecedent, and card 5's Chinese second
    clause had no subject (review final55, tools)."""
    shown("What goes wrong without a non-linear activation, and why ReLU counts as one.",
          "把梯度写成逐层因子的乘积，并在 50 层的网络里实测。")
    # card 1 says non-linear in both languages: a linear activation collapses the network too (review final58, tools)
    shown("What goes wrong without a non-linear activation,", "没有非线性激活函数会出什么问题，ReLU 为什么算非线性。")
    assert "What goes wrong without one," not in page_text(PAGE, "en")


def test_the_glossary_entry_promises_a_short_definition_and_a_link_for_every_term():
    """"the site's terms in English and Chinese, each with a short definition and a link to where it is explained":
    every term has a definition in both languages, none longer than four sentences, and a home on a page that exists.
    Most definitions are one sentence, but not all (saturation runs to three), so the page no longer says "one-line"
    (review final57, tools)."""
    from actsite.pages.glossary import TERMS
    for term in TERMS:
        en = re.findall(r"[.!?](?=\s|$)", term.en_definition.strip())
        zh = re.findall(r"[。！？]", term.zh_definition)
        assert 1 <= len(en) <= 4 and 1 <= len(zh) <= 4, (term.key, len(en), len(zh))
        page = term.home.split("#")[0]
        assert page and all((CONTENT[lang] / page).exists() for lang in LANGS), term.home
    assert any(len(re.findall(r"[.!?](?=\s|$)", t.en_definition.strip())) > 1 for t in TERMS)   # not all one line
    shown("the site's terms in English and Chinese, each with a short definition and a link to where it is explained.",
          "本站术语的中英对照，每条附有简短的释义，并链接到详细讲解它的那一节。")
    assert "one-line definition" not in page_text(PAGE, "en") and "一句释义" not in page_text(PAGE, "zh")


def test_every_article_derives_and_draws_and_each_one_that_measures_has_an_experiment():
    """"answers it with derivations, figures drawn by code and, wherever it measures something, an experiment you can
    rerun": every article in the reading order has displayed equations and a figure drawn by code; each one but *What a
    good activation needs* draws a figure from an experiment's results or links a notebook, and that one does neither,
    so the page no longer promises every article an experiment (review final59, tools)."""
    import importlib
    import inspect
    from actsite.figures.registry import FIGURES
    from actsite.pages.reading_order import ORDER

    def measured(article: str) -> bool:
        text = page_text(article, "en")
        figures = set(re.findall(r"\(figure:(\w+)", text))
        drawn_from_results = any("cached(" in inspect.getsource(getattr(importlib.import_module(FIGURES[f].module),
                                                                         FIGURES[f].function)) for f in figures)
        return drawn_from_results or bool(re.search(r"\]\(\.\./\.\./notebooks/[\w-]+\.py", text))

    articles = [p for p in ORDER if p.startswith("blog/posts/")]
    assert len(articles) == 7
    for article in articles:
        for lang in LANGS:
            text = page_text(article, lang)
            assert re.search(r"^\s*\$\$", text, re.M) and re.search(r"\(figure:\w+", text), (article, lang)
    without = [a for a in articles if not measured(a)]
    assert without == ["blog/posts/from-linear-to-nonlinear.md"], without
    # review final66, tools: the opening paragraph ends here; the provenance promise moved to "Rerun it yourself"
    shown("answers it with derivations, figures drawn by code and, wherever it measures something, an experiment you can "
          "rerun.\n",
          "用推导和由代码画出的图来回答，凡是做了测量的，还附有可以亲手重跑的实验。\n")
    assert "figures drawn by code and experiments you can rerun" not in page_text(PAGE, "en")
    assert "由代码画出的图和可以亲手重跑的实验" not in page_text(PAGE, "zh")


def test_the_prerequisites_sentence_and_the_tools_heading_read_exactly():
    """"The articles assume you know derivatives ..." (not the elliptical "assume derivatives"), and the section heading
    names the reference table by the name the page gives it (review final59, tools)."""
    shown("The articles assume you know derivatives and the chain rule,", "阅读这些文章，需要会求导和链式法则")
    shown("## Catalogue, reference table and tools { #tools }", "## 函数目录、速查表与工具 { #tools }")
    assert "[reference table](reference.md)" in page_text(PAGE, "en") and "[速查表](reference.md)" in page_text(PAGE, "zh")


def test_the_gradient_depth_card_says_weight_scales_as_its_article_does():
    """Card 5's alt text: "three activations and three weight scales", the article's words for σ_w = 0.01, Xavier and He
    (a fixed 0.01 is a scale, not an initialisation scheme); "three initialisations" is gone (review final60, tools)."""
    shown("for three activations and three weight scales", "三种激活函数配三种权重尺度")
    assert "three initialisations" not in page_text(PAGE, "en") and "三种初始化" not in page_text(PAGE, "zh")
    assert "three weight scales" in page_text("blog/posts/when-gradients-vanish.md", "en")
    assert "三种权重尺度" in page_text("blog/posts/when-gradients-vanish.md", "zh")
    assert page_text(PAGE, "en").count("three weight scales") == page_text(PAGE, "zh").count("三种权重尺度") == 2


@pytest.mark.parametrize("lang", LANGS)
def test_numbers_are_computed_by_the_sites_code_or_name_the_paper_they_come_from(lang):
    """"every number the site computes comes from its published code, and every number taken from a paper names its
    source" (review final62, tools: "every number it quotes is cited" was a blanket promise over everything quoted).
    No test can read every number, so this one checks the part a reader can follow: on every article, catalogue page
    and the guide, each short citation in the prose ("He et al. (2015)", "He 等人（2015）") is an entry of that page's
    reference list, so a number given with an author and year leads to the paper."""
    from actsite.pages.reading_order import ORDER
    head = {"en": "## References { #references }", "zh": "## 参考文献 { #references }"}[lang]
    pages = [p for p in ORDER if p.startswith(("blog/posts/", "catalogue/"))] + ["guide.md"]
    assert len(pages) == 15
    cited_somewhere = 0
    for path in pages:
        text = page_text(path, lang)
        assert text.count(head) == 1, path
        prose, refs = text.split(head)
        entries = set()
        for line in refs.strip().splitlines():
            found = re.match(r"\d+\. (?:<span[^>]*></span>)?(.+?)[（(](\d{4}|n\.d\.|无日期)[)）]", line)
            if found:
                authors, year = found.groups()
                entries.add((re.split(r",|、| and | et al\.| 等人?", authors)[0].split()[-1], year))
        cited = set(re.findall(r"([A-Z]\w+) (?:et al\.,? \(?|等人[（，])(\d{4})", prose))
        assert cited <= entries, (path, cited - entries)
        cited_somewhere += len(cited)
    assert cited_somewhere > 30
    # review final66, tools: the promise sits in "Rerun it yourself", after the repository it points to
    shown("Every number the site computes comes from that code, and every number taken from a paper names its source.",
          "本站算出的每个数字都出自这些代码，取自论文的数字都注明了出处。")
    rerun = page_text(PAGE, lang).split("{ #rerun }")[1].split("\n## ")[0]
    assert {"en": "Every number the site computes", "zh": "本站算出的每个数字"}[lang] in rerun
    assert rerun.index("https://github.com/activation-functions/activation-functions") < rerun.index(
        {"en": "Every number the site computes", "zh": "本站算出的每个数字"}[lang])
    assert "every number it quotes is cited" not in page_text(PAGE, "en") and "引用的数字都注明出处" not in page_text(PAGE, "zh")


def test_card_2_shows_sigmoid_tanh_and_relu_with_their_derivatives():
    """Review final65, tools: card 2 ("What a good activation needs, and how sigmoid, tanh and ReLU measure up") showed
    the shallow-network diagram, which says nothing of its question.  Its thumbnail is now the figure of the classic
    functions with their derivatives and mean outputs (drawn for the zig-zag article; the card's article has no figure
    of the functions); the alt text says what it draws, and the article judges exactly those properties."""
    import inspect
    from actsite.figures import cards
    from claim_helpers import plotted
    data = plotted("activations_compared")
    assert tuple(data["keys"]) == ("sigmoid", "tanh", "relu", "leaky_relu")
    assert "act.df(x)" in inspect.getsource(cards.draw_activations_compared)            # each derivative, dashed
    assert [round(data["means"][k], 2) for k in ("sigmoid", "tanh")] == [0.5, 0.0]      # the mean output in each panel
    card = {lang: page_text(PAGE, lang).split("-   **2. ")[1].split("-   **3. ")[0] for lang in LANGS}
    shown("![Four panels, sigmoid, tanh, ReLU and Leaky ReLU, each with the function as a solid line, its derivative dashed "
          "and its mean output under a standard normal input](assets/figures/activations_compared-light.svg#only-light)",
          "![sigmoid、tanh、ReLU 和 Leaky ReLU 四幅小图，每幅用实线画出函数、用虚线画出导数，并写出输入服从标准正态时的输出均值]"
          "(assets/figures/activations_compared-light.svg#only-light)")
    for lang in LANGS:
        assert "shallow-" not in card[lang] and card[lang].count("activations_compared-") == 2, lang
        article = page_text("blog/posts/from-linear-to-nonlinear.md", lang)
        assert "{ #sigmoid-tanh-derivations }" in article and "{ #relu-judged }" in article
        assert {"en": "zero-centred", "zh": "零中心"}[lang] in article


def test_the_build_page_link_says_what_it_explains():
    """Review final65, tools: "[How this site is built](...) explains how." left "how" without an object after a long
    sentence; it now explains how the numbers are computed and checked, which that page's opening says it does.
    Review final66, tools: the page pointed to the build page twice (the opening and "Rerun it yourself") and announced
    the notebooks twice; one link now, in "Rerun it yourself", says what that page explains (zh: 做法 had no clear
    referent), and the build page's #run-it section is where the notebooks are rerun."""
    shown("[How this site is built](how-this-site-is-built.md) explains how the numbers are computed and checked, and how to "
          "run the site, notebooks included, on your own machine.",
          "这些数字怎样算出、怎样核对，怎样在自己的机器上运行本站、重跑和修改笔记本，都见[《本站是怎样构建的》](how-this-site-is-built.md)。")
    for lang in LANGS:
        text = page_text(PAGE, lang)
        assert text.count("(how-this-site-is-built.md") == 1, lang
        assert text.index("(how-this-site-is-built.md") > text.index("{ #rerun }"), lang
        assert "做法见" not in text and "Every notebook page can be rerun" not in text
    assert "notebooks" in page_text("how-this-site-is-built.md", "en").split("{ #run-it }")[1].split("\n## ")[0]
    assert "explains how.\n" not in page_text(PAGE, "en") + "\n"
    assert "This page explains how the site is made and checked" in page_text("how-this-site-is-built.md", "en")


def test_the_english_citation_block_has_a_lead_in_as_the_chinese_one_does():
    """Review final72, tools: the English BibTeX block stood bare under its heading; one line says what it cites, as the
    Chinese page's sentence does (which also explains the English title)."""
    for lang, lead in (("en", "## Cite this site { #cite }\n\nThis entry cites the whole bilingual site:\n\n```text\n@misc{"),
                       ("zh", "下面的条目引用的是中英双语的整个网站")):
        assert lead in page_text(PAGE, lang), lang
