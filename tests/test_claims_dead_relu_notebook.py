"""The dead-relu notebook (notebooks/dead-relu.py) as the reader runs it.

The notebook writes one training run of the article's experiment out itself (the data, the network, the SGD loop and
the dead-unit criterion); its ``train`` must give, bit for bit, what :func:`actsite.experiments.dead_relu.trained`
gives, and with checked steps what :mod:`actsite.experiments.dead_relu_steps` records.  The thirty runs behind the
article's table are read from their saved results, and the notebook checks that one of them is the run it has just
made.  The cells are run with their output captured: each language prints in its own words, the printed numbers are
the ones the prose reads, every line fits the 80 columns of the page's output box, negative numbers carry a true
minus sign, and the columns of every printed table line up in display columns (a Chinese character is two wide).
"""
from __future__ import annotations

import inspect
import re

import numpy as np
import pytest

from actsite.experiments import dead_relu, dead_relu_steps
from actsite.experiments.cache import cached
from actsite.experiments.mlp import MLP
from actsite.pages.notebook_text import display_width
from claim_helpers import field_ends, field_starts, label_ends, page_text, run_notebook

NOTEBOOK = "notebooks/dead-relu.py"
NAMES_IN_CHINESE = {"ReLU", "Leaky", "SGD"}          # printed as they are in Chinese text too


@pytest.fixture(scope="module", params=("en", "zh"))
def notebook(request):
    return request.param, *run_notebook(NOTEBOOK, request.param)


@pytest.fixture(scope="module")
def saved():
    return cached("dead_relu")


# --- the printed output, block by block ----------------------------------------------------------

BLOCKS = {  # name: (first line, number of lines)
    "run": (0, 3), "relu": (3, 8), "leaky_relu": (12, 8), "at_init": (20, 5), "by_hand": (25, 2),
    "grads": (27, 4), "sgd": (31, 4), "revived": (35, 5), "try": (40, 1)}
RESULT_ROWS = 3          # in the two result tables: title, header, the seeds' header line, then one row per rate


def block(printed, name):
    first, count = BLOCKS[name]
    return printed[first:first + count]


def numbers(line):
    """The numbers a line prints, leaving out the layer labels (第 1 层) of the Chinese output."""
    line = re.sub(r"第 \d+ 层", "", line)
    return [float(x.replace("−", "-")) for x in re.findall(r"[−-]?\d+\.?\d*", line)]


def test_the_output_has_the_expected_blocks(notebook):
    _, _, printed = notebook
    assert len(printed) == 41, printed
    assert printed[11] == "" and "" not in printed[:11] + printed[12:]
    assert block(printed, "relu")[1:3] == block(printed, "leaky_relu")[1:3]        # the same two header lines


# --- the experiment is the article's -------------------------------------------------------------

def same_network(a: MLP, b: MLP) -> bool:
    return all(np.array_equal(p, q, equal_nan=True) for p, q in zip(a.weights + a.biases, b.weights + b.biases))


def test_the_notebooks_experiment_is_the_articles(notebook, saved):
    """Run for run: the notebook's train gives, bit for bit, the network and data of the experiment's own loop, for
    the run it shows, the run its prose offers as an example, and a run that diverges; dead_units is the experiment's
    criterion; and the saved results it reads hold what its train gives for the prose's example."""
    lang, ns, _ = notebook
    assert (ns["sizes"], ns["steps"], ns["seeds"]) == (dead_relu.SIZES, dead_relu.STEPS, dead_relu.SEEDS)
    assert list(saved["learning_rates"]) == list(dead_relu.LEARNING_RATES)
    reference = dead_relu.trained("relu", 1.0, 0)
    assert same_network(ns["run_net"], reference[0]) and np.array_equal(ns["run_X"], reference[1])
    if lang == "zh":                 # the code is the same in both languages (test_pages); run the slower checks once
        return
    for activation, lr, seed in (("leaky_relu", 0.3, 2), ("leaky_relu", 2.0, 1)):
        ours, theirs = ns["train"](activation, lr, seed=seed), dead_relu.trained(activation, lr, seed)
        assert same_network(ours[0], theirs[0])
        assert np.array_equal(ours[1], theirs[1]) and np.array_equal(ours[2], theirs[2])
        diverged = ns["diverged"](ours[0])
        assert diverged == (lr == 2.0)
        if not diverged:
            fractions = [mask.mean() for mask in ns["dead_units"](ours[0], ours[1])]
            np.testing.assert_array_equal(fractions, dead_relu.inactive_fraction(theirs[0], theirs[1]))
            i, j = list(saved["learning_rates"]).index(lr), list(saved["seeds"]).index(seed)
            np.testing.assert_array_equal(saved[f"{activation}_inactive"][i, j], fractions)
            assert saved[f"{activation}_error"][i, j] == ours[0].error_rate(ours[1], ours[2])
    assert 'call `train`\n# with its activation, learning rate and seed: Leaky ReLU at η = 0.3 with seed 2, for example, is\n# `train("leaky_relu", 0.3, seed=2)`.' in page_text(NOTEBOOK, "en")
    assert '`train("leaky_relu", 0.3, seed=2)`' in page_text(NOTEBOOK, "zh")


def test_the_checked_steps_are_the_articles(notebook):
    """The revival cell checks at the step-by-step runs' checkpoints, and its masks are theirs (seed 2, the last run)."""
    lang, ns, _ = notebook
    assert ns["checked"] == dead_relu_steps.CHECKPOINTS.tolist()
    if lang == "en":
        _, masks = dead_relu_steps.trajectory(1.0, 2)
        np.testing.assert_array_equal(ns["dead_then"], masks)
        # review final79, pc: 'died during training' leaves out step 0 (before any update); seed 2 has a unit dead
        # at initialisation, and it died again later, so the counts are the cache's all the same
        assert masks[0].any()
        np.testing.assert_array_equal(ns["ever"], masks[1:].any(axis=0))
        assert ns["ever"].sum() == masks.any(axis=0).sum()


def test_the_code_is_in_the_notebook(notebook):
    """No sentence table, and one set of saved results only: the thirty runs, too slow to train on every page build;
    the rest is computed where the reader sees it."""
    lang, _, _ = notebook
    from actsite.pages.page_pairs import notebook_cells
    code = "\n".join(notebook_cells(page_text(NOTEBOOK, lang))[1])
    for hidden in ("say(", "words(", "sentence(", "yes_no", "notebook_text", "dead_relu_steps", "dead_relu."):
        assert hidden not in code, hidden
    assert re.findall(r"cached\([^)]*\)", code) == ['cached("dead_relu")']
    assert max(display_width(line) for line in code.splitlines()) <= 100     # no line runs out of the code box


# --- what the notebook prints ---------------------------------------------------------------------

def test_the_notebook_prints_only_in_its_language(notebook):
    """The Chinese notebook prints no English word other than ReLU, Leaky ReLU and SGD, which Chinese text uses as
    they are; the English notebook prints no Chinese."""
    lang, _, printed = notebook
    han = [bool(re.search(r"[\u4e00-\u9fff]", line)) for line in printed]
    english = {word for line in printed for word in re.findall(r"[A-Za-z]{3,}", line)}
    if lang == "zh":
        assert english <= NAMES_IN_CHINESE, english - NAMES_IN_CHINESE
        assert sum(han) >= 20
    else:
        assert not any(han)


def test_every_line_fits_the_output_box_and_minus_is_a_minus(notebook):
    """At a 1280 px desktop the output box shows about 80 monospace columns; a negative number is written with
    U+2212, as the prose writes −1."""
    _, _, printed = notebook
    assert max(display_width(line) for line in printed) <= 80
    assert not any(re.search(r"-\d", line) for line in printed)
    assert block(printed, "by_hand")[0].endswith("−1.000")


def test_the_run_it_shows_is_the_tables(notebook, saved):
    """ReLU at η = 1.0, seed 0: no first-layer unit dead, 104 of the second layer's 256 (40.6%), error 23.6%."""
    _, _, printed = notebook
    title, counts, error = block(printed, "run")
    assert numbers(title) == [1.0, 0, 600]
    assert numbers(counts) == [256, 0, 104]
    assert numbers(error) == [23.6]
    assert block(printed, "relu")[6].split()[:7] == ["1.0", "0.0", "0.0", "0.0", "40.6", "44.5", "41.0"]


def test_the_printed_tables_are_the_saved_results(notebook, saved):
    """Each row: η, the three seeds' percentages for each hidden layer, then their training errors, as saved."""
    _, _, printed = notebook
    for activation in dead_relu.ACTIVATIONS:
        rows = block(printed, activation)[RESULT_ROWS:]
        assert len(rows) == len(saved["learning_rates"])
        for lr, row, shares, errors in zip(saved["learning_rates"], rows, saved[f"{activation}_inactive"],
                                           saved[f"{activation}_error"]):
            values = numbers(row)
            assert values[0] == lr
            if np.all(np.isnan(errors)):
                assert len(values) == 1 and activation == "leaky_relu" and lr == 2.0
                continue
            expected = [float(f"{100 * v:.1f}") for v in np.concatenate([shares[:, 0], shares[:, 1], errors])]
            assert values[1:] == expected, (activation, lr)


def test_the_table_headers_name_what_the_percentages_are_of(notebook):
    """Each table's first line says the percentages are shares of each hidden layer's units (review final56, pc:
    the Chinese '占各隐藏层的 %' was clumsy)."""
    lang, _, printed = notebook
    expected = {"en": ("ReLU: dead units (% of each hidden layer) and training error (%)",
                       "Leaky ReLU: inactive units (% of each hidden layer) and training error (%)"),
                "zh": ("ReLU：各隐藏层中死亡单元所占的比例与训练误差（%）",
                       "Leaky ReLU：各隐藏层中始终关闭的单元所占的比例与训练误差（%）")}[lang]
    # review final74, pc2: the zh title was heavy ('死亡单元占各隐藏层单元数的比例及训练误差'); the layer comes first
    assert "占各隐藏层单元数的比例" not in page_text(NOTEBOOK, "zh")
    assert (block(printed, "relu")[0], block(printed, "leaky_relu")[0]) == expected
    assert "占各隐藏层的 %" not in page_text(NOTEBOOK, "zh")
    assert "，与训练误差" not in page_text(NOTEBOOK, "zh")          # not a tacked-on clause (review final60, pc)


def test_the_printed_tables_are_what_the_prose_reads(notebook):
    """'Up to η = 0.3, at most 2.3% of a layer is dead or inactive. At η = 1.0, about four tenths of the second layer
    is dead with ReLU, against about a quarter inactive with Leaky ReLU; at η = 2.0 ReLU loses about half of it and the
    Leaky ReLU network diverges.'  Review final66, pc: the prose restated every range of the table just printed
    (40.6–44.5, 23.8–27.0, 43.0–52.0); it now says what the table shows, each share rounded as the words say."""
    _, _, printed = notebook
    table = {activation: {numbers(row)[0]: numbers(row)[1:] for row in block(printed, activation)[RESULT_ROWS:]}
             for activation in dead_relu.ACTIVATIONS}
    layers = [v[:6] for activation in table for lr, v in table[activation].items() if lr <= 0.3]
    assert max(max(v) for v in layers) == 2.3
    second = {(activation, lr): v[3:6] for activation in table for lr, v in table[activation].items() if v}
    assert (min(second["relu", 1.0]), max(second["relu", 1.0])) == (40.6, 44.5)
    assert (min(second["leaky_relu", 1.0]), max(second["leaky_relu", 1.0])) == (23.8, 27.0)
    assert (min(second["relu", 2.0]), max(second["relu", 2.0])) == (43.0, 52.0)
    assert table["leaky_relu"][2.0] == []
    assert all(round(v / 10) == 4 for v in second["relu", 1.0])                      # "about four tenths"
    assert all(round(v / 25) == 1 for v in second["leaky_relu", 1.0])                # "about a quarter"
    assert all(round(v / 50) == 1 for v in second["relu", 2.0])                      # "about half"
    for lang_, said in (("en", "At η = 1.0, about four tenths of the second layer is dead\n# with ReLU, against about a quarter "
                               "inactive with Leaky ReLU; at η = 2.0 ReLU loses about half of it and the Leaky\n# ReLU network diverges."),
                        ("zh", "到了学习率 1.0，ReLU 网络第 2 层约有四成单元死亡，Leaky ReLU 网络第 2 层则约有四分之一的单元始终关闭；"
                               "到了学习率 2.0，ReLU 网络第 2 层约有一半单元死亡，Leaky ReLU 网络则发散了。")):
        text = page_text(NOTEBOOK, lang_)
        assert said in text and "40.6–44.5" not in text and "23.8–27.0" not in text and "43.0–52.0" not in text


def test_almost_nothing_is_dead_at_initialisation(notebook, saved):
    """The three initial networks, built in the notebook: no first-layer unit dead, one second-layer unit in one
    seed; the same for every learning rate, as the saved runs record."""
    _, _, printed = notebook
    rows = [numbers(row) for row in block(printed, "at_init")[2:]]
    assert rows == [[0, 0, 0], [1, 0, 0], [2, 0, 1]]
    at_init = np.round(256 * saved["relu_at_init"]).astype(int)
    assert np.all(at_init == at_init[0]) and at_init[0].tolist() == [[0, 0], [0, 0], [0, 1]]
    assert numbers(block(printed, "at_init")[0]) == [256]


def test_the_hand_built_unit_is_dead_and_gets_no_gradient(notebook):
    """Largest pre-activation −1.000; exactly one dead unit in the first layer; the dead unit's three gradients are
    exactly zero (printed as 0), the live neighbour's are not; after 100 steps its weights and bias are bit for bit
    the same, the neighbour's weights moved, and it is still dead."""
    lang, _, printed = notebook
    _, counts = block(printed, "by_hand")
    assert numbers(counts) == [256, 1, 0]
    header, *rows = block(printed, "grads")
    assert numbers(header) == [7, 6]
    for row in rows:
        dead, live = row.split()[-2:]                                      # the row's label comes first
        assert dead == "0" and float(live.replace("−", "-")) != 0
    title, same, moved, still = block(printed, "sgd")
    assert numbers(title) == {"en": [100, 1.0], "zh": [1.0, 100]}[lang]
    yes = {"en": "yes", "zh": "是"}[lang]
    assert same.endswith(yes) and still.endswith(yes)
    assert numbers(moved)[-1] > 0


def test_the_printed_revivals_are_the_step_by_step_runs(notebook):
    """At 1.0, 58, 45 and 65 of the 162, 159 and 170 second-layer units dead after some update are alive at the
    end: the article's 45–65, rerun in the notebook. Review final79, pc: 'dead at some checked step (step 0
    included)' became 'died during training' / 'dead after some update'; the counts are unchanged."""
    lang, _, printed = notebook
    rows = [numbers(row) for row in block(printed, "revived")[2:]]
    assert rows == [[0, 162, 58], [1, 159, 45], [2, 170, 65]]
    # the header says revived as the article does (复活), not the colloquial 是活的 (review final59, pc)
    assert block(printed, "revived")[1].endswith({"en": "of those, alive at step 600", "zh": "其中到第 600 步已复活"}[lang])
    assert "是活的" not in page_text(NOTEBOOK, "zh")
    steps = cached("dead_relu_steps")
    assert steps["revived"][0].tolist() == [58, 45, 65] and steps["ever_dead"][0].tolist() == [162, 159, 170]


def test_the_try_this_cell_as_shipped_repeats_the_run_shown(notebook):
    """As shipped, the cell trains ReLU at η = 1.0 with seed 0: 104 of 256 (40.6%), not the answer at 0.5."""
    _, _, printed = notebook
    (line,) = block(printed, "try")
    assert numbers(line) == [1.0, 0, 256, 104, 40.6]
    assert "52" not in line and "20.3" not in line


def test_the_printed_columns_line_up(notebook):
    """Each table's numbers end where its header's labels end, in display columns, in both languages (in the two
    result tables a label heads the three seeds' values, and ends where the third ends); in the gradient table the
    label of a row comes first, under the header's first label, in a column padded to one width in display columns
    (the Chinese labels with full-width spaces), and the two numbers end under 'dead unit 7' and 'live unit 6' (review
    final59, pc: the row's label trailed its numbers and had no header)."""
    lang, _, printed = notebook
    for name, under_labels in (("relu", [0, 3, 6, 9]), ("leaky_relu", [0, 3, 6, 9]), ("at_init", [0, 1, 2]),
                               ("revived", [0, 1, 2])):
        header, *body = block(printed, name)[1:]
        assert len(label_ends(header)) == len(under_labels), (name, header)
        if name in ("relu", "leaky_relu"):
            # the second header line numbers the seeds under each column (review final60, pc: three seeds under one
            # label had to be read from the prose): 'seed' (种子) under η, then 0 1 2 ending where each value ends
            seeds, *body = body
            assert seeds.split() == [{"en": "seed", "zh": "种子"}[lang]] + ["0", "1", "2"] * 3, seeds
            assert field_ends(seeds) == field_ends(body[0]), (seeds, body[0])
        for row in body:
            ends = field_ends(row)
            if name == "leaky_relu" and numbers(row) == [2.0]:                 # the diverged row: η in its column
                assert ends[0] == label_ends(header)[0]
                continue
            assert len(ends) == under_labels[-1] + 1 and [ends[k] for k in under_labels] == label_ends(header), \
                (name, header, row)
    header, *body = block(printed, "grads")
    assert len(label_ends(header)) == 3 and field_starts(header)[0] == 0
    assert [field_ends(row)[-2:] for row in body] == [label_ends(header)[1:]] * len(body)
    assert all(field_starts(row)[0] == 0 for row in body)                                  # the label first,
    assert len({field_starts(row)[-2] for row in body}) == 1                               # then the numbers
    assert header.split()[0] == {"en": "gradient", "zh": "梯度"}[lang]
    assert max(label_ends(row)[0] for row in body) < min(field_starts(row)[-2] for row in body)   # labels, then numbers


@pytest.mark.parametrize("lang, said, gone", [
    ("en", ("# The next cell spells out one run.",
            "Three of them, Leaky ReLU at η = 2.0, diverged and left no result; the table below marks\n# their row.",
            "The next cell reads the results that chart is drawn from, and first\n"
            "# checks that the result for seed 0 at η = 1.0 is the run above."),
     ("writes one run out", "saved when they were made", "saved run", "instead of retraining")),
    ("zh", ("文章中那张死亡比例随学习率变化的图基于三十次训练（两种激活函数、五个学习率、三个种子），每一次都按上面的方法进行。",
            "其中学习率 2.0 的三次 Leaky ReLU 训练发散了，没有留下结果，下面的表格会在那一行注明。",
            "下一段代码读取那张图所用的训练结果，并先核对其中种子 0、学习率 1.0 的结果正是上面这一次训练。"),
     ("文章背后", "保存下来", "当初训练时", "不再重新训练"))])
def test_the_prose_speaks_of_runs_and_results_not_of_how_they_are_kept(lang, said, gone):
    """Review final79, pc: the zh sentence on the thirty runs no longer makes 训练 the object of 做.
    Review final54 (pc): the prose says what the reader sees (one run spelled out, thirty results read), in reader
    terms; review final57 (pc): 'instead of retraining them' raised the question where the results come from without
    answering it, so the prose names only what they are, the results the article's chart is drawn from; the check that the seed-0 result at η = 1.0 is the run above is the cell's assert,
    run by test_the_run_it_shows_is_the_tables and the module fixture."""
    prose = page_text(NOTEBOOK, lang)
    assert all(s in prose for s in said) and not any(g in prose for g in gone)
    assert 'assert np.array_equal(saved[f"{activation}_inactive"][i, j], [run_first.mean(), run_second.mean()])' in prose


@pytest.mark.parametrize("lang, said", [
    ("en", "# The article's chart of dead units against the learning rate rests on thirty runs (two activations, five learning\n"
           "# rates, three seeds), each made the same way."),
    ("zh", "# 文章中那张死亡比例随学习率变化的图基于三十次训练（两种激活函数、五个学习率、三个种子），每一次都按上面的方法进行。")])
def test_the_thirty_runs_are_those_of_the_articles_first_figure_not_every_run_of_the_article(saved, lang, said):
    """Review final55 (pc): the article's batch-normalisation runs use another network (no biases, learned gamma
    and beta), so the notebook's 'made the same way' covers the thirty runs of the first figure, two activations
    by five learning rates by three seeds, not every run behind the article.  That chart (figure dead_relu) is the
    article's second figure, after ReLU's own plot, so the notebook names it rather than counting (review final56, pc).
    Review final65, pc: the sentence began with "every run" and ended with a count; it now names the chart, the thirty
    runs and what they span, then says they are made the same way."""
    article = page_text("blog/posts/dead-relu-units.md", lang)
    figures = re.findall(r"\]\(figure:([\w-]+)", article)
    assert figures.index("dead_relu") == 1 and "first figure" not in said and "第一张图" not in said
    from actsite.experiments import dead_relu_batchnorm
    from actsite.figures import results
    assert saved["relu_inactive"].shape[:2] == saved["leaky_relu_inactive"].shape[:2] == (5, 3)
    assert len(dead_relu.ACTIVATIONS) * len(dead_relu.LEARNING_RATES) * len(dead_relu.SEEDS) == 30
    assert 'cached("dead_relu")' in inspect.getsource(results.draw_dead_relu)        # the first figure's runs
    assert not isinstance(dead_relu_batchnorm.BatchNormMLP.create(seed=0), MLP)        # a different network
    assert said in page_text(NOTEBOOK, lang)
    # 'Three of them, Leaky ReLU at η = 2.0, diverged and left no result' (review final59, pc: 'thirty results' was loose)
    rates = list(saved["learning_rates"])
    assert np.isnan(saved["leaky_relu_error"]).sum() == 3 and np.all(np.isnan(saved["leaky_relu_error"][rates.index(2.0)]))
    assert not np.isnan(saved["relu_error"]).any() and np.isnan(saved["leaky_relu_inactive"]).sum() == 3 * 2
    assert "thirty results" not in page_text(NOTEBOOK, "en") and "三十次训练结果" not in page_text(NOTEBOOK, "zh")
    assert "Every run behind the article is" not in page_text(NOTEBOOK, "en")
    assert "Every run behind the article's chart" not in page_text(NOTEBOOK, "en") and "背后的每次训练" not in page_text(NOTEBOOK, "zh")
    assert "文章里的每次训练都是这样做的" not in page_text(NOTEBOOK, "zh")


def test_the_first_cell_makes_one_run_and_the_opening_announces_the_revivals(notebook):
    """Review final65, pc: the first cell front-loaded the checked-steps machinery (check_at, dead_then) that only the
    revival cell uses, and the opening did not announce the revival count, the notebook's most instructive result.
    The first cell now sets a run up (start) and trains it (train: activation, rate, seed); the revival cell steps
    through the same start itself, checking at the article's steps; the opening names all four things the notebook
    does, the revivals last."""
    lang, ns, _ = notebook
    assert list(inspect.signature(ns["train"]).parameters) == ["activation", "lr", "seed"]
    assert list(inspect.signature(ns["start"]).parameters) == ["activation", "seed"]
    from actsite.pages.page_pairs import notebook_cells
    code = notebook_cells(page_text(NOTEBOOK, lang))[1]
    assert "check_at" not in "\n".join(code) and "dead_then" not in code[0]
    revival = next(cell for cell in code if "checked = sorted(" in cell)
    assert 'start("relu", seed)' in revival and "dead_then.append(dead_units(net, X)[1])" in revival
    opening = page_text(NOTEBOOK, lang).split("# %%\n")[0]
    # review final71, pc: the clumsy 'dead at some point, the start included' now names the checked steps
    # review final74, pc2: the opening described every cell before the reader met any; the gradient check is left to
    # its own cell, and the opening keeps the aims
    # review final79, pc: the count now leaves out step 0, so the opening says 'died during training'
    said = {"en": "It then builds one dead unit by hand and counts the second-layer units that\n# died during training "
                  "but are alive at the end.",
            "zh": "再手工构造一个死亡单元；最后统计第 2 层里在训练中死亡、到最后又活过来的单元。"}[lang]
    assert "checks that its gradients are exactly zero" not in opening and "检验它的梯度确实恰好为零" not in opening
    assert "the start included" not in opening and "开始训练时就已死亡的也算在内" not in opening
    assert said in opening
    assert "step 0 included" not in opening and "包括第 0 步" not in opening
    assert "checked = sorted({*range(21)," in revival                      # step 0 is among the checked steps
    assert "np.any(dead_then[1:], axis=0)" in revival                     # but not among the deaths counted


@pytest.mark.parametrize("lang, said, gone", [
    ("en", "each of its three groups of columns gives seeds 0, 1 and 2", "each of its three columns gives"),
    ("zh", "每一栏里的三个数依次对应种子 0、1、2", "三栏里的数依次是种子")])
def test_review_final68_seed_columns_and_a_split_opening(lang, said, gone):
    """Review final68, pc: the result tables have three groups of three numeric columns (seeds 0, 1, 2 under each
    label, test_the_printed_columns_line_up), not three columns; and the opening was one dense block, now the
    notebook's aims, then the set-up and the criterion, then the walkthrough of the code."""
    text = page_text(NOTEBOOK, lang)
    assert said in text and gone not in text
    opening = text.split("# %%\n")[0]
    aims, setup = {"en": ("but are alive at the end.\n#\n# The experiment trains", "the same criterion marks"),
                   "zh": ("活过来的单元。\n#\n# 实验训练的是", "同样的判据标出的是")}[lang]
    assert aims in opening
    paragraphs = [p for p in opening.split("\n#\n") if p.strip()]
    assert len(paragraphs) == 4 and setup in paragraphs[2]        # title, aims, set-up and criterion, walkthrough
