"""Claims of the training-speed notebook (both languages): the setup (4000 ten-dimensional standard
normal points labelled by the nearest of 100 random centres, ten classes; a 10-128-128-128-10
network, He for ReLU and LeCun for tanh, SGD with momentum 0.9 and mini-batches of 128, three seeds,
a check every 25 steps) and the step beyond the grid, η = 0.3, caveat first: one-bit changes of every initial weight or
every input move some counts by a hundred steps or more (up to 175) and keep tanh first in every seed; across the runs
printed, tanh needs 0.41 to 0.59 of ReLU's steps and ReLU 4.0 to 5.6 times its steps at 0.1; after ten steps no dead unit in hidden
layer 2 at 0.1, 30 % to 45 % at 0.3; tanh's slope is positive, and in the runs' float64 form zero only
far beyond their pre-activations; and why the dead-ReLU article sees almost none at 0.3 (its set-up
differs in width, depth, batch size, step count and momentum; momentum 0.9 makes a steady update
1/(1 - 0.9) = 10 plain steps, 6.5 by the tenth; without momentum this network loses no unit in ten steps
at 0.3 either).

The notebook writes the task, one training run and the dead-unit count out itself; the tests at the end
run its cells as a reader does, check that its code gives exactly what the experiment module gives, and
check every number it prints and that its printed columns line up."""
from __future__ import annotations

import inspect
import re

import numpy as np
import pytest

from actsite.experiments import dead_relu, training_speed
from actsite.experiments.cache import cached
from actsite.experiments.datasets import voronoi
from claim_helpers import assert_voronoi_matches_its_description, page_text, run_notebook, start_at_0_3, steps_to_target_at_0_3
from actsite.experiments.mlp import MLP, minibatches
from actsite.pages.glossary import TERMS


def test_setup_task_network_initialisation_seeds_and_checks():
    defaults = {k: p.default for k, p in inspect.signature(voronoi).parameters.items()}
    assert (defaults["n"], defaults["dim"], defaults["centroids"], defaults["classes"]) == (4000, 10, 100, 10)
    X, y = voronoi(seed=100)
    assert X.shape == (4000, 10) and len(np.unique(y)) == 10
    assert abs(X.mean()) < 0.05 and abs(X.std() - 1) < 0.05         # standard normal points
    assert training_speed.SIZES == (10, 128, 128, 128, 10)
    assert training_speed.INIT == {"relu": "he", "tanh": "lecun"}
    assert training_speed.SEEDS == (0, 1, 2) and training_speed.EVERY == 25
    assert training_speed.TARGET_ERROR == 0.25


@pytest.mark.parametrize("lang, said", [
    ("en", "The task is the synthetic ten-class task of\n# [the experiment on dead ReLU units]"
           "(../blog/posts/dead-relu-units.md#dead-relu-experiment), with its own seeds:\n# 4000 training points, each "
           "labelled with the class of the nearest of 100 random centres."),
    ("zh", "任务与[死亡 ReLU 单元的实验](../blog/posts/dead-relu-units.md#dead-relu-experiment)属于同一类人工构造的十分类任务，"
           "种子另取：共 4000 个训练样本，每个样本的类别取离它最近的那个随机中心（共 100 个）的类别。")])
def test_the_task_is_described_once_and_linked_to_its_home(lang, said):
    """Review final55, pb: the task is told in full at dead-relu-units#dead-relu-experiment; here one sentence and a
    link.  The notebook's task has its own seeds (100 + seed; the dead-unit runs use 200 + seed)."""
    text = page_text(PAGE, lang)
    assert said in text
    home = page_text("blog/posts/dead-relu-units.md", lang)
    assert "{ #dead-relu-experiment }" in home
    assert "voronoi(seed=200 + seed)" in inspect.getsource(dead_relu) and "voronoi(seed=100 + seed)" in inspect.getsource(training_speed)
    assert {"en": "where each centre was given one of 10 classes at random",
            "zh": "100 个随机中心各自随机分到 10 个类别中的一个"}[lang] not in text          # told at the home


def test_the_chinese_step_count_is_named_as_the_count_that_is_measured():
    """Review final55, pb: 一次训练的步数 reads as the run's length; the count is the step at which the error is first
    at most 25% (steps_to_target).  Review final56, pb: named as the page names it later (降到 25% 所需的步数), not
    with a coined 达标步数."""
    text = page_text(PAGE, "zh")
    # review final59, pb: the lighter wording the reviewer gave; review final68, pb: still heavy, now worded as the
    # docstring of steps_to_target's caller says it (the check at which the error is first at most 25%)
    assert "每次训练的 $t_{25\\%}$（降到 25% 所需的步数，文章里也用这个记号），就是误差首次不超过 25% 的那次检查所在的步数。" in text
    # review final71, pb: the long attributive (一次训练降到 25% 所需的步数（即…），定义为…已训练的步数) rewritten
    assert "定义为误差第一次不超过 25%" not in text
    assert "记为第一次检查到误差不超过 25% 时" not in text and "记为误差" not in text     # review final69, pb: a definition
    assert "达标步数" not in text and "每个种子降到 25% 所需的步数" in text
    assert "一次训练的步数，就是" not in text
    curve = np.array([0.9, 0.5, 0.25, 0.2])
    assert training_speed.steps_to_target(curve) == 2 * training_speed.EVERY


@pytest.mark.parametrize("lang, wording", [
    ("en", "each run given at most 2000 steps."),
    ("zh", "每档用种子 0、1、2 各训练一次；每次训练最多 2000 步。")])
def test_grid_runs_stop_at_25_percent_or_2000_steps_and_run_1000_steps_at_0_03(lang, wording):
    """The grid's runs stop at the first check at 25% or after 2000 steps; at 0.03 they run all 1000 steps,
    whose curves the saved results keep (the article's error-curve figure).  Review final71, pb: the 1000-step
    detail was about how the article's figure was made, and is cut; 'at most 2000 steps' holds for every run."""
    r = cached("training_speed")
    assert training_speed.CURVE_LR == 0.03 and training_speed.CURVE_STEPS == 1000 and training_speed.MAX_STEPS == 2000
    source = inspect.getsource(training_speed.run)
    assert "steps=CURVE_STEPS if full else MAX_STEPS" in source and "stop_at_target=not full" in source
    for key in ("relu", "tanh"):
        assert r[f"curve_{key}"].shape == (len(training_speed.SEEDS), 1000 // training_speed.EVERY + 1)
    text = page_text(PAGE, lang).replace("\n# ", " ")
    assert wording in text and "they run all 1000 steps" not in text and "跑满" not in text


@pytest.mark.parametrize("seed", training_speed.SEEDS)
def test_each_point_takes_the_class_of_its_nearest_centre_and_each_centre_a_random_class(seed):
    """'each labelled with the class of the nearest of 100 random centres, where each centre was
    given one of ten classes at random'"""
    assert_voronoi_matches_its_description(100 + seed)


@pytest.mark.parametrize("key", ["relu", "tanh"])
def test_training_is_sgd_with_momentum_0_9_and_mini_batches_of_128(key):
    """Twenty-five steps of the stated optimiser reproduce the experiment's first check."""
    X, y = voronoi(seed=100)
    net = MLP.create(training_speed.SIZES, key, training_speed.INIT[key], seed=0)
    batches = minibatches(len(X), 128, np.random.default_rng(0))
    for _ in range(training_speed.EVERY):
        idx = next(batches)
        net.sgd_step(X[idx], y[idx], 0.1, momentum=0.9)
    assert net.error_rate(X, y) == training_speed.error_curve(key, 0.1, 0, steps=training_speed.EVERY)[1]


def reach(key: str, lr: float, seed: int) -> float:
    return training_speed.steps_to_target(training_speed.error_curve(key, lr, seed, stop_at_target=True))


@pytest.fixture(scope="module")
def at_0_3():
    return {key: np.array([reach(key, 0.3, seed) for seed in training_speed.SEEDS]) for key in ("relu", "tanh")}


def printed_runs_at_0_3(at_0_3, nudged_at_0_3):
    """The runs at η = 0.3 the notebook prints: as drawn, with every initial weight and with every input changed in its
    last binary digit; each a pair (ReLU's counts, tanh's counts) over the three seeds."""
    return [(at_0_3["relu"], at_0_3["tanh"])] + [(nudged_at_0_3[what]["relu"], nudged_at_0_3[what]["tanh"])
                                                  for what in ("weights", "inputs")]


# review final69, pb: "the one-digit changes" -> "changing the last bit" (they alter the last binary digit)
BEYOND_THE_GRID = {   # review final65, pb: what holds in every run first, then why the counts are fragile, then this page's band
    "en": ("also reports $\\eta = 0.3$, where the order reverses: tanh reaches 25% first in every seed, so $\\rho$ falls "
           "below 1. The next cell runs it, and the cell after it runs it again with every initial weight, or every input, "
           "changed in its last binary digit. In every one of these runs tanh reaches 25% first, and both activations are "
           "slower than at $\\eta = 0.1$, ReLU much more than tanh. At this rate, though, the exact counts depend on the last bits "
           "of the arithmetic: changing the last bit moves some of them by a hundred steps or more."),
    "zh": ("还列出了 $\\eta = 0.3$ 这一档，这时先后顺序颠倒了：每个种子都是 tanh 先降到 25%，$\\rho$ 小于 1。下面的代码就跑这一档；"
           "再下一个单元格把每个初始权重或每个输入的最后一位二进制数改一下，再跑一遍。这些训练无一例外都是 tanh 先降到 25%，"
           "两种激活函数也都比 $\\eta = 0.1$ 时慢，而 ReLU 慢得更多。不过在这个学习率下，确切的步数取决于运算结果的最后几位："
           "只改最后一位二进制数，其中一些步数就会变动一百步甚至更多。")}
# review final72, pb: the sentence about reruns on another computer is about the execution environment; it is cut
ENVIRONMENT_SENTENCE = {"en": "another computer", "zh": "换一台电脑"}
# review final66, pb: the paragraph previewed the next cells' numbers; the band now follows the cells that print it
AFTER_THE_CELLS = {
    "en": ("Over the runs printed here, tanh needs 0.41 to 0.59 of ReLU's steps, and ReLU needs 4.0 to 5.6 times as many "
           "steps as in the grid at $\\eta = 0.1$, tanh about twice as many."),
    "zh": ("就上面打印的这些训练而言，tanh 所需步数是 ReLU 的 0.41 到 0.59 倍；ReLU 所需的步数是网格里 $\\eta = 0.1$ 时的 "
           "4.0 到 5.6 倍，tanh 则是那时的两倍左右。")}


def test_at_0_3_tanh_is_first_in_every_seed_in_0_41_to_0_59_of_relus_steps_over_every_printed_run(at_0_3, nudged_at_0_3):
    """'tanh reaches 25% first in every seed, so rho falls below 1 ... In the runs the two cells print on this page, tanh
    needs 0.41 to 0.59 of ReLU's steps': the ratio, seed by seed, over all nine pairs of runs the notebook prints (as
    drawn 0.45, 0.54, 0.50; every weight changed 0.52, 0.59, 0.50; every input changed 0.41, 0.56, 0.55), and rho, the
    ratio of the medians, below 1 in each of the three printed sets and in the other machine's three (0.52 to 0.61).
    Review final59, pb: the range was the first cell's alone (0.45 to 0.54), which another machine's arithmetic did not
    reproduce (0.49, 0.67, 0.50), and the caveat came after it; the range now covers every printed run and comes after
    the caveat.  Review final62, pb: 'about half' read firmer than the other machine's 0.67 allows, so the page keeps
    only the range; the section now opens with what the reversal means for rho.  Review final63, pb: 'the order holds in
    all of these runs' left its scope open; the order is now stated for every run the two cells print on this page,
    with the range, and no claim is made for other machines' runs.  Review final65, pb: the band read as the result; the
    paragraph now leads with what holds in every printed run (tanh first; both slower than at 0.1, ReLU far more), then
    the caveat, then the band, named as this page's runs.  The numbers, printed from the project's pinned numerics, are
    unchanged."""
    ratios = np.concatenate([tanh / relu for relu, tanh in printed_runs_at_0_3(at_0_3, nudged_at_0_3)])
    assert len(ratios) == 9 and np.all(ratios < 1)                                   # tanh first in every seed, every run
    assert (round(float(ratios.min()), 2), round(float(ratios.max()), 2)) == (0.41, 0.59), ratios
    for relu, tanh in list(printed_runs_at_0_3(at_0_3, nudged_at_0_3)) + list(OTHER_ARITHMETIC_AT_0_3):
        assert np.median(tanh) / np.median(relu) < 1, (relu, tanh)                  # "so rho falls below 1"
    for lang in ("en", "zh"):
        text = page_text(PAGE, lang).replace("\n# ", " ")
        assert BEYOND_THE_GRID[lang] in text and AFTER_THE_CELLS[lang] in text
        assert text.index("nudged = {") < text.index(AFTER_THE_CELLS[lang])          # below the cells that print them
        for gone in ("order holds in all of these runs", "先后顺序则在所有这些训练里", "0.45 to 0.54", "0.45 到 0.54", "4.0 to 4.9", "4.0 到 4.9", "half to two thirds", "一半到三分之二",
                     "steps, about half", "约为一半"):
            assert gone not in text, (lang, gone)


def test_relu_needs_4_0_to_5_6_times_its_steps_at_0_1_and_tanh_about_twice_over_every_printed_run(at_0_3, nudged_at_0_3):
    """'ReLU needs 4.0 to 5.6 times as many steps as in the grid at η = 0.1, tanh about twice as many', seed by seed,
    for all nine printed runs at 0.3 against the grid's at 0.1 (ReLU 4.9, 4.9, 4.0 as drawn, 5.2, 4.9, 4.0 and 5.6, 4.9,
    4.0 changed; tanh 1.75 to 2.25; review final59, pb: '4.0 to 4.9' was the first cell's alone).  The paragraph links
    the article's table, and says neither six times nor 六倍 (kept for Krizhevsky et al.'s factor)."""
    at_0_1 = np.array([reach("relu", 0.1, seed) for seed in training_speed.SEEDS])
    grid = cached("training_speed")
    np.testing.assert_array_equal(at_0_1, grid["reach_relu"][training_speed.LEARNING_RATES.index(0.1)])
    tanh_at_0_1 = grid["reach_tanh"][training_speed.LEARNING_RATES.index(0.1)]
    runs = printed_runs_at_0_3(at_0_3, nudged_at_0_3)
    slowdown = np.concatenate([relu / at_0_1 for relu, _ in runs])
    assert (round(float(slowdown.min()), 1), round(float(slowdown.max()), 1)) == (4.0, 5.6), slowdown
    tanh_slowdown = np.concatenate([tanh / tanh_at_0_1 for _, tanh in runs])
    assert np.all(np.abs(tanh_slowdown - 2) <= 0.25), tanh_slowdown                 # "about twice as many"
    assert np.all(tanh_slowdown > 1) and np.all(slowdown > 1.8 * tanh_slowdown)      # "both slower, ReLU much more"
    for lang in ("en", "zh"):
        text = page_text(PAGE, lang)
        paragraph = text.split("{ #beyond-the-grid }")[1].split("# %%")[0]
        assert "(../blog/posts/relu-sparsity-biology.md#training-speed)" in paragraph      # the article's table
        assert "six times" not in paragraph and "六倍" not in paragraph and "三到六" not in paragraph
        assert "four to five times" not in paragraph and "四到五倍" not in paragraph


@pytest.fixture(scope="module")
def nudged_at_0_3():
    return {nudge: {key: np.array([steps_to_target_at_0_3(key, seed, nudge) for seed in training_speed.SEEDS])
                    for key in ("relu", "tanh")}
            for nudge in ("weights", "inputs")}


# The same runs on other arithmetic (reviews final54 and final59, pb): NumPy's own AVX-512 kernels, the build's pinned
# BLAS switched off (ACTSITE_NATIVE_BLAS=1), printed, as (ReLU's counts, tanh's counts): as drawn, every initial
# weight changed, every input changed.  The same figures are test_claims_relu_sparsity_biology.OTHER_ARITHMETIC_AT_0_3.
OTHER_ARITHMETIC_AT_0_3 = (((1325, 975, 1100), (650, 650, 550)),
                           ((1350, 975, 1100), (600, 675, 675)),
                           ((1350, 975, 1100), (575, 575, 575)))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_at_0_3_the_caveat_comes_first_and_the_counts_move_with_the_last_bits_but_tanh_stays_first(
        at_0_3, nudged_at_0_3, lang):
    """The η = 0.3 counts are sensitive to rounding.  A change in the last binary digit of every initial weight, or of
    every input, moves some counts by 100 steps or more (here up to 175), and in each of these runs tanh still reaches
    25% first in every seed.  (Review final72, pb: the page no longer says 'another computer may print counts that
    differ from these by about as much'; the check stays as evidence for the site's build page.)  The counts on
    other arithmetic (OTHER_ARITHMETIC_AT_0_3) differ from the same runs here by at most 125 steps, less than the 175 the
    one-bit changes make, and keep the order.  Review final59, pb: the caveat comes before the numbers."""
    assert steps_to_target_at_0_3("tanh", 1, None) == at_0_3["tanh"][1]               # the loop is the notebook's run
    runs = printed_runs_at_0_3(at_0_3, nudged_at_0_3)
    moves = np.concatenate([np.abs(np.array(run) - np.array(runs[0])).ravel() for run in runs[1:]])
    assert np.all(np.isfinite(moves)) and max(moves) >= 100, moves              # "a hundred steps or more"
    other = np.array(OTHER_ARITHMETIC_AT_0_3, dtype=float)
    assert np.all(other[:, 1] < other[:, 0])                                   # tanh first there too
    elsewhere = np.abs(other - np.array(runs)).max()
    assert 100 <= elsewhere <= max(moves), (elsewhere, max(moves))              # "by about as much"
    text = page_text(PAGE, lang).replace("\n# ", " ")
    assert BEYOND_THE_GRID[lang] in text
    caveat = {"en": "At this rate, though, the exact counts depend", "zh": "在这个学习率下，确切的步数取决于"}[lang]
    numbers_ = {"en": "0.41 to 0.59", "zh": "0.41 到 0.59"}[lang]
    order = {"en": "tanh reaches 25% first in every seed", "zh": "每个种子都是 tanh 先降到 25%"}[lang]
    # the order, which holds in every run here and elsewhere, leads (review final62, pb); the caveat comes before the numbers
    assert text.index(order) < text.index(caveat) < text.index(numbers_)


def test_after_ten_steps_no_dead_unit_at_0_1_and_30_to_45_percent_at_0_3():
    assert all(training_speed.dead_share(0.1, seed, 10) == 0 for seed in training_speed.SEEDS)
    shares = [training_speed.dead_share(0.3, seed, 10) for seed in training_speed.SEEDS]
    assert round(min(shares), 2) == 0.30 and round(max(shares), 2) == 0.45, shares


PAGE = "notebooks/training-speed.py"


@pytest.mark.parametrize("lang, wording", [
    ("en", "at $\\eta = 0.3$ the first ten steps kill 30% to 45% of them.\n"),
    ("zh", "前十步就让其中 30% 到 45% 的单元死亡。")])
def test_at_0_3_a_large_share_of_units_is_dead_at_step_100(lang, wording):
    """The cell counts the units dead at step 100, not whether the early casualties stayed dead (units can
    revive: the shares dip between steps 50 and 100), so the claim names seed 0 and step 100, the run the
    Try-this cell prints; in every seed a large share is dead there.  Review final69, pb: the main text no longer cites
    the 46% that only the Try-this cell prints; that cell alone reports it."""
    assert "still dead at step 100" not in page_text(PAGE, "en") and "仍有 46%" not in page_text(PAGE, "zh")
    assert wording in page_text(PAGE, lang)
    assert "46%" not in page_text(PAGE, lang).split("{ #try-this }")[0]
    assert round(100 * training_speed.dead_share(0.3, 0, 100)) == 46
    for seed in training_speed.SEEDS:
        shares = [training_speed.dead_share(0.3, seed, steps) for steps in (10, 50, 100)]
        assert min(shares) >= 0.29, (seed, shares)
    try_cell = page_text(PAGE, "en").split("{ #try-this }")[1]
    assert "lr, seed, steps = 0.3, 0, 100" in try_cell


def test_dead_units_are_an_aside_under_their_own_heading_and_try_this_leads_with_steps():
    """Review final79, pb: the dead-unit half answers a different question, so it has its own heading (the answer
    still closes the page before Try this); Try this first shows how to count steps to 25%, the notebook's quantity."""
    for lang, heading in (("en", "# ## Aside: dead ReLU units { #dead-units }"),
                          ("zh", "# ## 题外话：死亡的 ReLU 单元 { #dead-units }")):
        text = page_text(PAGE, lang)
        assert heading in text
        assert text.index("{ #beyond-the-grid }") < text.index(heading) < text.index("{ #momentum }") \
            < text.index("{ #answer }") < text.index("{ #try-this }")
        try_prose = text.split("{ #try-this }")[1].split("# %%")[0]
        assert try_prose.index("steps_to_target") < try_prose.index({"en": "units die", "zh": "单元死亡"}[lang])


@pytest.mark.parametrize("lang, wording", [
    ("en", "Its network differs from this one in\n# width (256), depth (two hidden layers), batch size (64) and when it "
           "counts (after 600 steps), and it\n# trains with plain SGD, without momentum. Of these, the next cell tests momentum."),
    ("zh", "它的网络与这里的有几处不同：宽度（256）、深度（两个隐藏层）、小批量大小（64）、统计的时间（600 步之后），"
           "而且用的是不带动量的普通 SGD。下一个单元格检验其中的动量。")])
# review final80, pb: "the difference tested here" was abrupt; now "the next cell tests momentum"
def test_the_dead_relu_articles_set_up_differs_in_width_depth_batch_steps_and_momentum(lang, wording):
    assert dead_relu.SIZES == (10, 256, 256, 10) and dead_relu.STEPS == 600
    assert training_speed.SIZES == (10, 128, 128, 128, 10)                # three hidden layers of 128
    assert inspect.signature(training_speed.dead_share).parameters["momentum"].default == 0.9
    assert wording in page_text(PAGE, lang)


@pytest.mark.parametrize("lang, wording", [
    ("en", "At $\\eta = 0.3$ many of ReLU's units also die; whether that causes the slowdown, these runs do not show."),
    ("zh", "$\\eta = 0.3$ 时，还有不少 ReLU 单元死亡；这是不是变慢的原因，这几次训练无法判断。")])
def test_deaths_at_0_3_are_not_claimed_as_the_cause_of_the_slowdown(lang, wording):
    """The runs show deaths and a slowdown at 0.3, not that one causes the other; the article, which points here
    for the deaths, names no cause either (review final71, pc: its open question is cut to the bare pointer)."""
    assert wording in page_text(PAGE, lang).replace("\n# ", " ")
    article = page_text("blog/posts/relu-sparsity-biology.md", "en")
    pointer = article.split("the second-layer units that momentum kills at this rate in the first ten steps")[1]
    assert "cause" not in pointer.split("\n\n")[0]


@pytest.mark.parametrize("lang, wording", [
    ("en", "The linked article on dead units finds almost none at $\\eta = 0.3$."),
    ("zh", "上面链接的那篇讲死亡单元的文章发现，$\\eta = 0.3$ 时几乎没有单元死亡。")])
def test_the_dead_relu_article_is_quoted_as_finding_almost_none(lang, wording):
    assert wording in page_text(PAGE, lang).replace("\n# ", " ")


def test_the_dead_relu_article_finds_almost_no_dead_units_at_0_3_with_plain_sgd_on_batches_of_64(monkeypatch):
    """'The linked article on dead units finds almost none at η = 0.3 ... it trains with plain SGD, without
    momentum': its second layer is at most 2.3% dead at 0.3, and the first
    steps of its training loop are exactly momentum-free steps on batches of 64."""
    r = cached("dead_relu")
    at_0_3 = r["relu_inactive"][dead_relu.LEARNING_RATES.index(0.3), :, 1]
    assert round(100 * float(at_0_3.max()), 1) <= 2.3
    monkeypatch.setattr(dead_relu, "STEPS", 3)
    net = dead_relu.trained("relu", 0.3, 0)[0]
    X, y = voronoi(seed=200)
    plain = MLP.create(dead_relu.SIZES, "relu", "he", seed=0)
    batches = minibatches(len(X), 64, np.random.default_rng(0))
    for _ in range(3):
        idx = next(batches)
        plain.sgd_step(X[idx], y[idx], 0.3, momentum=0.0)
    for W, V in zip(net.weights, plain.weights):
        np.testing.assert_array_equal(W, V)


def test_momentum_0_9_makes_a_steady_update_1_over_1_minus_0_9_equals_10_plain_steps(monkeypatch):
    """'Under a steady gradient, each update with momentum 0.9 adds nine tenths of the previous one, so the tenth
    update is 1 + 0.9 + 0.9^2 + … + 0.9^9 ≈ 6.5 times a plain SGD step (η times the gradient)' (and
    10 = 1/(1 − 0.9) in the long run, as the glossary entry says)"""
    net = MLP.create((3, 4, 2), "relu", "he", seed=0)
    grads = [np.full_like(W, 0.5) for W in net.weights], [np.full_like(b, 0.5) for b in net.biases]
    monkeypatch.setattr(net, "loss_and_grads", lambda X, y: (0.0, *grads))
    lr, updates = 0.3, []
    for _ in range(300):
        before = net.weights[0].copy()
        net.sgd_step(None, None, lr, momentum=0.9)
        updates.append(float(np.abs(net.weights[0] - before).max()) / (lr * 0.5))
    assert updates[0] == pytest.approx(1) and updates[1] == pytest.approx(1 + 0.9)
    assert round(updates[9], 1) == 6.5                                             # "6.5 times by the tenth step"
    assert updates[9] == pytest.approx(sum(0.9 ** k for k in range(10)))           # the sum the page writes out
    for lang in ("en", "zh"):
        assert "$1 + 0.9 + 0.9^2 + \\dots + 0.9^9 \\approx 6.5$" in page_text(PAGE, lang)
    assert 1 / (1 - 0.9) == pytest.approx(10)
    from actsite.pages.glossary import TERMS as GLOSSARY
    assert "1/(1 − 0.9) = 10 times the plain step" in next(t for t in GLOSSARY if t.key == "momentum").en_definition
    for lang, said in (("en", "each update with momentum 0.9 adds nine tenths of the previous one, so the tenth update is "
                              "$1 + 0.9 + 0.9^2 + \\dots + 0.9^9 \\approx 6.5$ times a plain SGD step ($\\eta$ times the "
                              "gradient)"),
                       ("zh", "梯度保持不变时，带动量 0.9 的每次更新都加上上一次更新量的十分之九，所以第十步的更新量是普通 SGD "
                              "一步（$\\eta$ 乘以梯度）的 $1 + 0.9 + 0.9^2 + \\dots + 0.9^9 \\approx 6.5$ 倍")):
        text = page_text(PAGE, lang).replace("\n# ", " ")
        assert said in text and "1/(1 − 0.9)" not in text
    assert all(np.diff(updates[:100]) > 0) and max(updates) < 10 + 1e-9            # grows towards 10 ...
    assert updates[-1] == pytest.approx(10, rel=1e-9)                              # ... and gets there
    # the learning rate is the same in both runs; it is the effective step that momentum enlarges
    # review final79, pb: momentum is one of the differences (batch size and width differ too), so "among the differences"
    assert ("So, among the differences, momentum makes the same $\\eta = 0.3$ a much larger effective step here than in "
            "the dead-units article's plain-SGD runs.") in page_text(PAGE, "en").replace("\n# ", " ")
    assert ("几处不同里，单是动量一项，就让同样的 $\\eta = 0.3$ 在这里的实际更新幅度比那篇文章里不带动量的训练大得多。"
            in page_text(PAGE, "zh"))
    assert "gives a much larger effective step here" not in page_text(PAGE, "en").replace("\n# ", " ")
    # the dead-units article's runs are plain SGD, as the sentence says
    assert "plain SGD for 600 steps" in page_text("blog/posts/dead-relu-units.md", "en")
    # one form for a learning rate in the prose: η = 0.3, not "rate 0.3" / "学习率 0.3"
    import re
    en_prose = "\n".join(l for l in page_text(PAGE, "en").splitlines() if l.startswith("#"))
    zh_prose = "\n".join(l for l in page_text(PAGE, "zh").splitlines() if l.startswith("#"))
    assert not re.search(r"(?:\bat|rate) 0\.\d", en_prose) and not re.search(r"学习率为? ?0\.\d", zh_prose)


@pytest.mark.parametrize("seed", training_speed.SEEDS)
def test_without_momentum_no_unit_of_hidden_layer_2_dies_in_ten_steps_at_0_3(seed):
    """'Without momentum, no unit of that layer dies in the first ten steps at 0.3, in any of the three
    seeds' (review final74, pb: reworded): the notebook prints dead_share(..., momentum=0.0), whose steps are the momentum-0.9 run's
    with only the momentum changed."""
    X, y = voronoi(seed=100 + seed)
    net = MLP.create(training_speed.SIZES, "relu", training_speed.INIT["relu"], seed=seed)
    batches = minibatches(len(X), 128, np.random.default_rng(seed))
    for _ in range(10):
        idx = next(batches)
        net.sgd_step(X[idx], y[idx], 0.3, momentum=0.9)
    by_hand = float(np.mean(np.all(net.hidden_preactivations(X)[1] <= 0, axis=0)))
    assert by_hand == training_speed.dead_share(0.3, seed, 10) > 0.25
    assert training_speed.dead_share(0.3, seed, 10, momentum=0.0) == 0


@pytest.fixture(scope="module")
def largest_tanh_preactivation_at_0_3(at_0_3, nudged_at_0_3):
    """Per printed tanh run at η = 0.3 (as drawn, every initial weight and every input changed in its last binary digit;
    three seeds each), the largest |pre-activation| of any hidden unit over every step's mini-batch (where the slope is
    evaluated) and every check's full training set, up to the check at 25%; with the largest over the full training
    set at each check, in order."""
    largest, by_check = [], []
    for nudge in (None, "weights", "inputs"):
        for seed in training_speed.SEEDS:
            net, X, y, batches = start_at_0_3("tanh", seed, nudge)
            top, checks = 0.0, []
            for step in range(1, training_speed.MAX_STEPS + 1):
                idx = next(batches)
                top = max(top, *(float(np.abs(z).max()) for z in net.hidden_preactivations(X[idx])))
                net.sgd_step(X[idx], y[idx], 0.3, momentum=0.9)
                if step % training_speed.EVERY == 0:
                    checks.append(max(float(np.abs(z).max()) for z in net.hidden_preactivations(X)))
                    top = max(top, checks[-1])
                    if net.error_rate(X, y) <= training_speed.TARGET_ERROR:
                        break
            printed = at_0_3["tanh"] if nudge is None else nudged_at_0_3[nudge]["tanh"]
            assert step == printed[seed]                          # this loop is the run the notebook makes
            largest.append(top)
            by_check.append(np.array(checks))
    return largest, by_check


@pytest.mark.parametrize("lang, wording", [
    ("en", "Tanh units cannot die this way. The slope of tanh, $1 - \\tanh^2 x$, is above zero at every $x$, though below "
           "$10^{-8}$ for $|x| > 10$, so a saturated unit still learns almost nothing; ReLU's slope is exactly zero on the "
           "whole negative half-line. Nor does rounding make tanh's slope zero here. These runs compute it as "
           "$4e^{-2|x|}/(1 + e^{-2|x|})^2$, which stays above zero in [float64](../glossary.md#float64) up to "
           "$|x| \\approx 373$, far beyond the largest pre-activation the tanh network reaches at $\\eta = 0.3$ before it gets "
           "to 25%, which the last line of the [first cell at $\\eta = 0.3$](#beyond-the-grid) prints for each seed."),
    ("zh", "tanh 单元不会这样死亡。tanh 的斜率 $1 - \\tanh^2 x$ 在任何 $x$ 处都大于零，不过 $|x| > 10$ 时已不到 $10^{-8}$，"
           "饱和的单元照样几乎学不动；ReLU 的斜率则在整条负半轴上都恰好为零。舍入也不会让 tanh 的斜率在这里变成零。"
           "这些训练把斜率写成 $4e^{-2|x|}/(1 + e^{-2|x|})^2$ 来计算，它在 [float64](../glossary.md#float64) 中要到 $|x|$ 约 373 才变成零；"
           "而 $\\eta = 0.3$ 时，tanh 网络在误差降到 25% 之前的最大预激活值远小于 373，"
           "各个种子的这个值见 [$\\eta = 0.3$ 的第一个单元格](#beyond-the-grid)打印的最后一行。")])
def test_tanh_slope_is_positive_and_zero_in_the_runs_float64_form_only_far_beyond_their_preactivations(
        lang, wording, largest_tanh_preactivation_at_0_3):
    """Tanh units cannot die as ReLU units do: tanh' = sech^2 > 0 at every finite input, though below 1e-8 beyond
    |x| = 10, so a saturated tanh unit barely learns.  In floating point the 1 - tanh^2 x form is exactly zero where
    tanh rounds to ±1: in float64, the runs' format (data, weights and pre-activations), from |x| ≈ 19.  The runs'
    slope is sech^2 written as 4e^{-2|x|}/(1 + e^{-2|x|})^2, which the back-propagation evaluates at the
    pre-activations and which stays positive in float64 up to |x| ≈ 373; at η = 0.3, where the tanh network's
    pre-activations grow largest, they pass 30 (beyond 19, so the form matters there) and never exceed 40 in any printed run.
    ReLU's slope is exactly zero on the whole negative half-line.  The notebook says this in one sentence (the form and
    its float64 limit, 373, against the largest pre-activation, never above 40; review final54 and final55, pb); review
    final60, pb: the form is written out, not only named."""
    from actsite.maths.functions import tanh_prime as slope
    beyond = np.linspace(10, 60, 500_001)
    assert np.all(slope(beyond) < 1e-8) and np.all(slope(-beyond) < 1e-8)        # "below 1e-8 for |x| > 10"
    assert slope(9.5) > 1e-8                                                       # 10 is where it gets there
    assert np.all(slope(beyond) > 0)                                               # "above zero"
    from actsite.maths.functions import relu_prime
    x = np.linspace(0, 40, 4_000_001)
    computed = 1 - np.tanh(x) ** 2
    first_zero = float(x[np.argmax(computed == 0)])
    assert round(first_zero) == 19 and np.all(computed[x >= first_zero] == 0)     # "0 there", from |x| ≈ 19
    assert np.all(np.tanh(x[x >= first_zero]) == 1.0) and np.all(np.tanh(x[x < first_zero]) < 1.0)   # np.tanh is 1.0
    assert np.tanh(19.0) == 1.0 and np.tanh(-19.0) == -1.0                         # "rounds to ±1"
    assert "states the same" not in page_text(PAGE, "en") and "也这样说" not in page_text(PAGE, "zh")   # no editor's aside
    assert np.all(computed[x < first_zero] > 0)
    np.testing.assert_array_equal(1 - np.tanh(-x) ** 2, computed)                 # both tails
    assert np.all(relu_prime(-np.linspace(1e-12, 1e6, 100_001)) == 0)             # ReLU: the whole half-line
    # the runs compute in float64: the data, the weights and so every pre-activation
    X, _ = voronoi(seed=100)
    net = MLP.create(training_speed.SIZES, "tanh", training_speed.INIT["tanh"], seed=0)
    assert X.dtype == np.float64 and all(p.dtype == np.float64 for p in net.weights + net.biases)
    assert all(z.dtype == np.float64 for z in net.hidden_preactivations(X))
    # ... and evaluate the slope as the written formula, at the pre-activations
    from actsite.maths.functions import ACTIVATIONS, sech_squared, tanh_prime
    assert ACTIVATIONS["tanh"].df is tanh_prime                                     # the slope the runs use
    assert "act.df(zs[layer - 1])" in inspect.getsource(MLP.loss_and_grads)
    far = np.linspace(0, 400, 4_000_001)
    assert np.array_equal(tanh_prime(far), sech_squared(far))
    e = np.exp(-2 * far)
    np.testing.assert_array_equal(sech_squared(far), 4 * e / (1 + e) ** 2)        # "4e^{-2|x|}/(1 + e^{-2|x|})^2"
    np.testing.assert_array_equal(sech_squared(-far), sech_squared(far))
    near = np.linspace(-5, 5, 100_001)
    np.testing.assert_allclose(sech_squared(near), 1 - np.tanh(near) ** 2, rtol=1e-12, atol=1e-15)   # same function
    sech_zero = float(far[np.argmax(sech_squared(far) == 0)])
    assert round(sech_zero) == 373 and np.all(sech_squared(far[far < sech_zero]) > 0) and sech_zero > first_zero
    # at η = 0.3 the tanh network's pre-activations pass 30 and reach about 40, far short of 373 ("around 40": 39.4 on
    # another machine checked every 25 steps, so "below 40" was a bound at the mercy of the last bits; review final55, pb)
    # review final63, pb: 'stay around 40' was not exact: over the nine printed runs the largest pre-activation climbs
    # from about 6 at the first check to 31–39 at the last and never exceeds 40 (39.4 on the other machine)
    largest, by_check = largest_tanh_preactivation_at_0_3
    # review final66, pb: 'below 40 in every seed' held only just (39.2-39.5 in a fresh-process rerun); the page now
    # says only 'far beyond' and points to the printed values
    assert len(largest) == 9 and max(largest) < 45, largest
    for other in ("en", "zh"):
        assert {"en": "below 40", "zh": "不到 40"}[other] not in page_text(PAGE, other)
    assert all(30 < top < 45 for top in largest) and max(largest) > 35, largest
    assert sech_zero / max(largest) > 8                                             # "far below 373"
    # review final65, pb: the bound was not printed; the first cell at 0.3 now prints, per seed, the largest
    # |pre-activation| on the mini-batches up to 25% (test_the_printed_numbers_are_the_runs), each below this file's
    # bound over the same runs; 'climb as it trains', which nothing printed, is no longer said"
    text = page_text(PAGE, lang).replace("\n# ", " ")
    assert wording in text and "exactly zero only far out" not in text and "never exactly zero" not in text
    assert {"en": "climb as it trains", "zh": "逐渐增大"}[lang] not in text
    assert {"en": "Computed in floating point", "zh": "用浮点数计算时"}[lang] not in text     # the digression, cut


@pytest.mark.parametrize("lang, wording", [
    ("en", "They form a grid: both activations at $\\eta = 0.01$, 0.03 and 0.1, with seeds 0, 1 and 2 at each rate, "
           "each run given at most 2000 steps. Each seed draws its own data set, initial weights and batch order."),
    ("zh", "这些训练构成一个网格：两种激活函数，$\\eta$ 取 0.01、0.03、0.1 三档，每档用种子 0、1、2 各训练一次；"
           "每次训练最多 2000 步。每个种子各自抽取数据集、初始权重和小批量的顺序。")])
def test_each_seed_draws_its_own_data_set_weights_and_batch_order(lang, wording):
    """error_curve(…, seed) builds voronoi(seed=100 + seed), MLP.create(seed=seed) and a batch order from
    default_rng(seed): all three differ between seeds."""
    source = inspect.getsource(training_speed.error_curve)
    assert "voronoi(seed=100 + seed)" in source and "seed=seed)" in source and "default_rng(seed)" in source
    data = [voronoi(seed=100 + s) for s in training_speed.SEEDS]
    assert not np.array_equal(data[0][0], data[1][0]) and not np.array_equal(data[1][0], data[2][0])
    nets = [MLP.create(training_speed.SIZES, "relu", "he", seed=s) for s in training_speed.SEEDS]
    assert not np.array_equal(nets[0].weights[0], nets[1].weights[0])
    orders = [next(minibatches(4000, 128, np.random.default_rng(s))) for s in training_speed.SEEDS]
    assert not np.array_equal(orders[0], orders[1])
    assert training_speed.LEARNING_RATES == (0.01, 0.03, 0.1) and len(training_speed.SEEDS) == 3   # the grid
    assert wording in page_text(PAGE, lang).replace("\n# ", " ")


@pytest.mark.parametrize("lang, momentum, target", [
    ("en", "each update with momentum 0.9 adds nine tenths of the previous one",
     "asks it of a small network, taking the question and the 25% target from [Krizhevsky, Sutskever and Hinton (2012)](https://papers.nips.cc/paper/2012/hash/c399862d3b9d6b76c8436e924a68c45b-Abstract.html),"),
    ("zh", "带动量 0.9 的每次更新都加上上一次更新量的十分之九",
     "拿一个小网络来回答这个问题，问题本身和 25% 这个目标都取自 [Krizhevsky、Sutskever 和 Hinton（2012）](https://papers.nips.cc/paper/2012/hash/c399862d3b9d6b76c8436e924a68c45b-Abstract.html)")])
def test_momentum_is_defined_once_at_its_home_and_the_25_percent_target_is_krizhevskys(lang, momentum, target):
    """Momentum is defined once, in the section the glossary names as its home (#momentum); its first use
    glosses it and links the glossary entry (the update rule is test_momentum_0_9_makes_…).  Krizhevsky et al. are named
    in full, with the link, at first mention, as the source of the question and of the 25% target, which is the
    training error of their Figure 1, as the article's section states; the set-up of their experiment is the
    article's to tell, and the notebook does not repeat it."""
    text = page_text("notebooks/training-speed.py", lang).replace("\n# ", " ")
    first_use = {"en": "[momentum](../glossary.md#momentum) 0.9, which carries most of each update into the next.",
                 "zh": "带[动量](../glossary.md#momentum) 0.9（每次更新都保留上一次更新的大部分）"}[lang]
    assert text.index(first_use) < text.index("{ #beyond-the-grid }") < text.index("{ #momentum }") < text.index(momentum)
    assert text.count({"en": "nine tenths", "zh": "十分之九"}[lang]) == 1                 # explained once
    assert "notebooks/training-speed.py#momentum" in [t.home for t in TERMS if t.key == "momentum"]
    assert text.index(target) < text.index({"en": "Krizhevsky et al.", "zh": "Krizhevsky 等人"}[lang])  # full name first
    assert target in text and "快了六倍" not in text          # 快了六倍 can be read as seven times
    # the article tells their set-up; review final71, pb: the six is named once as the four-layer CIFAR-10 network's,
    # so that it is not read as the ImageNet network's
    assert text.count("CIFAR-10") == 1 and text.count({"en": "four-layer", "zh": "四层"}[lang]) == 1
    assert text.index("CIFAR-10") > text.index({"en": "against six times", "zh": "是六倍"}[lang]) - 80
    article = page_text("blog/posts/relu-sparsity-biology.md", "en")
    assert "Figure 1 of Krizhevsky, Sutskever and Hinton (2012)" in article and "reached 25% training error" in article
    assert "reached 25% training error on CIFAR-10 six times faster" in article            # the factor the notebook quotes
    assert "a four-layer convolutional network with ReLUs" in article                        # the scope it quotes
    assert training_speed.TARGET_ERROR == 0.25


@pytest.mark.parametrize("lang, wording", [
    ("en", "ReLU reaches 25% first in every run of the grid but one, a tie at $\\eta = 0.1$."),
    ("zh", "网格里的每次训练都是 ReLU 先降到 25%，只有 $\\eta = 0.1$ 时有一个种子两者打平。")])
def test_relu_first_in_every_run_of_the_grid_but_one_tie_at_0_1(lang, wording):
    r = cached("training_speed")
    relu, tanh = r["reach_relu"], r["reach_tanh"]
    ties = np.argwhere(relu == tanh)
    assert np.all(relu <= tanh) and len(ties) == 1 and r["learning_rates"][ties[0][0]] == 0.1
    assert len(r["learning_rates"]) == 3                 # the grid's three rates; 0.3 is run later
    assert wording in page_text("notebooks/training-speed.py", lang)


@pytest.mark.parametrize("lang, wording", [
    ("en", "Its lead shrinks as the rate grows, from $\\rho = 2.15$ at $\\eta = 0.01$ to 1.20 at $\\eta = 0.1$. That rate "
           "is the best of the three for both activations, so, best against best, ReLU is 1.2 times as fast here, against "
           "six times in Krizhevsky et al.'s four-layer convolutional network on CIFAR-10, a different model trained on "
           "real images. At "
           "[$\\eta = 0.3$, run below](#beyond-the-grid), both are slower, so $\\eta = 0.1$ is also the best of all four rates."),
    ("zh", "学习率越大，ReLU 的领先越小：$\\rho$ 从 $\\eta = 0.01$ 时的 2.15 降到 $\\eta = 0.1$ 时的 1.20；$\\eta = 0.1$ "
           "是两种激活函数在这三个学习率中各自最快的一个。所以各取最好的学习率相比，这里 ReLU 的速度约为 tanh 的 1.2 倍，"
           "而 Krizhevsky 等人在 CIFAR-10 上的四层卷积网络是六倍（模型和数据都与这里不同）。在[下面再跑的 $\\eta = 0.3$](#beyond-the-grid) 下，两者都更慢，"
           "所以四个学习率里最好的仍是 $\\eta = 0.1$。")])
def test_rho_falls_from_2_15_to_1_20_and_0_1_is_the_best_of_all_four_rates(at_0_3, lang, wording):
    r = cached("training_speed")
    lrs = list(r["learning_rates"])
    relu, tanh = np.median(r["reach_relu"], axis=1), np.median(r["reach_tanh"], axis=1)
    rho = tanh / relu
    assert np.all(np.diff(rho) < 0) and f"{rho[0]:.2f}" == "2.15" and f"{rho[-1]:.2f}" == "1.20"
    assert lrs[int(np.argmin(relu))] == 0.1 and lrs[int(np.argmin(tanh))] == 0.1
    assert np.median(at_0_3["relu"]) > relu.min() and np.median(at_0_3["tanh"]) > tanh.min()
    assert np.all(at_0_3["relu"] > relu.min()) and np.all(at_0_3["tanh"] > tanh.min())
    assert wording in page_text("notebooks/training-speed.py", lang).replace("\n# ", " ")


@pytest.mark.parametrize("lang, wording", [
    ("en", "so, best against best, ReLU is 1.2 times as fast here, against six times in Krizhevsky et al.'s four-layer "
           "convolutional network on CIFAR-10, a different model trained on real images."),
    ("zh", "所以各取最好的学习率相比，这里 ReLU 的速度约为 tanh 的 1.2 倍，而 Krizhevsky 等人在 CIFAR-10 上的四层卷积网络是六倍（模型和数据都与这里不同）。")])
def test_one_line_answer_best_against_best_1_2_against_krizhevskys_six(at_0_3, lang, wording):
    """The answer after the grid cell: the printed best-against-best ratio, 1.20, set against the
    paper's six, in a paragraph that links the article (the six's home); η = 0.3 is slower for both, so the
    best rates are still the grid's, and there tanh is the faster (the next cell).  Review final71, pb: the six is
    the four-layer CIFAR-10 network's (the article's Figure 1 sentence), not the ImageNet network's.  Review final74,
    pb: the sentence says the two networks and tasks differ, so 1.2 against 6 is not read as like for like.
    Review final78, pb: the notebook only names the difference; weighing it is the article's ("not like for like" cut)."""
    r = cached("training_speed")
    relu, tanh = np.median(r["reach_relu"], axis=1), np.median(r["reach_tanh"], axis=1)
    assert round(float(tanh.min() / relu.min()), 1) == 1.2
    assert np.all(at_0_3["tanh"] < at_0_3["relu"])                              # at 0.3 tanh is the faster
    assert "four-layer convolutional network with ReLUs reached 25% training error on CIFAR-10 six times faster" in \
        page_text("blog/posts/relu-sparsity-biology.md", "en")
    text = page_text(PAGE, lang).replace("\n# ", " ")
    assert wording in text
    assert text.index(wording) > text.index("median[activation].min()")           # after the grid cell
    paragraph = text[text.index(wording):].split("\n#\n")[0]
    assert "(../blog/posts/relu-sparsity-biology.md#training-speed)" in paragraph


@pytest.mark.parametrize("lang, wording", [
    ("en", "Without momentum, no unit of that layer dies in the first ten steps at $\\eta = 0.3$, in any of the three seeds."),
    ("zh", "不带动量时，三个种子在 $\\eta = 0.3$ 的前十步里，这一层都没有单元死亡。")])
def test_momentum_claim_is_scoped_to_the_ten_steps_the_cell_runs(lang, wording):
    """Review final72, pb: 'removing momentum is enough to prevent the deaths' generalised from three seeds and ten
    steps; the claim now names both.  Review final74, pb: said once, not twice in one sentence.  Review final78, pb:
    the lab-log sentence on later steps is cut; the claim is already scoped to ten steps."""
    text = page_text(PAGE, lang)
    assert wording in text.replace("\n# ", " ")
    assert {"en": "removing momentum prevented every death", "zh": "去掉动量后没有单元死亡"}[lang] not in text
    assert {"en": "is enough to prevent the deaths", "zh": "足以避免死亡"}[lang] not in text
    assert ENVIRONMENT_SENTENCE[lang] not in text
    assert "seeds, every, target = (0, 1, 2)," in text and "for seed in seeds:\n    share = dead_share(" in text  # three seeds
    assert "dead_share(lr=0.3, seed=seed, steps=10, momentum=0.0)" in text       # the cell runs ten steps only


# --- the notebook's own code, run as the reader runs it --------------------------------------------

@pytest.fixture(scope="module", params=("en", "zh"))
def notebook(request):
    return request.param, *run_notebook(PAGE, request.param)


def test_the_notebooks_runs_are_the_experiments(notebook, at_0_3):
    """The notebook writes the training run, the 25% count and the dead-unit count out itself and draws the task with
    the library's function, imported under its own name, as the gradient-depth notebook does (reviews final56 and
    final59, pb); they give
    exactly what the article's numbers come from (actsite.experiments.training_speed and its data set), and the
    saved grid the notebook reads is that module's run, which calls the same error_curve for every cell of the grid."""
    _, ns, _ = notebook
    assert ns["sizes"] == training_speed.SIZES and ns["init"] == training_speed.INIT
    assert ns["seeds"] == training_speed.SEEDS and ns["every"] == training_speed.EVERY
    assert ns["target"] == training_speed.TARGET_ERROR
    for seed in (100, 101, 102, 7):
        for mine, theirs in zip(ns["voronoi"](seed=seed), voronoi(seed=seed)):
            np.testing.assert_array_equal(mine, theirs)
    grid = cached("training_speed")
    assert ns["learning_rates"] == training_speed.LEARNING_RATES
    for key in ("relu", "tanh"):                       # the cell's 1000-step runs: seed 0 at 0.03, as the article's
        np.testing.assert_array_equal(ns["curve"][key], grid[f"curve_{key}"][0])
        # the notebook's own grid (review final60, pb: it runs it again instead of loading the article's results) gives
        # exactly the article's steps to 25%: stopping at 25% leaves a run's count unchanged, at 0.03 too, where the
        # article's runs go on to 1000 steps
        np.testing.assert_array_equal(ns["grid"][key], grid[f"reach_{key}"])
        for seed in training_speed.SEEDS:              # the runs at 0.3
            assert ns["reach"][key, seed] == at_0_3[key][seed]
    np.testing.assert_array_equal(ns["error_curve"](activation="relu", lr=0.1, seed=1, steps=60),
                                  training_speed.error_curve("relu", 0.1, 1, steps=60))
    stopped = ns["error_curve"](activation="tanh", lr=0.1, seed=2, steps=2000, stop_at_target=True)
    np.testing.assert_array_equal(stopped, training_speed.error_curve("tanh", 0.1, 2, stop_at_target=True))
    assert ns["steps_to_target"](stopped) == training_speed.steps_to_target(stopped) == grid["reach_tanh"][2, 2] == 275
    short = ns["error_curve"](activation="tanh", lr=0.01, seed=0, steps=50)
    assert ns["steps_to_target"](short) == training_speed.steps_to_target(short) == np.inf
    for lr, seed, steps, momentum in ((0.3, 1, 10, 0.9), (0.3, 2, 10, 0.0), (0.1, 0, 10, 0.9), (0.3, 0, 30, 0.9)):
        assert ns["dead_share"](lr=lr, seed=seed, steps=steps, momentum=momentum) == \
            training_speed.dead_share(lr, seed, steps, momentum=momentum)
    source = inspect.getsource(training_speed.run)                         # the grid is made by error_curve
    assert "error_curve(act, lr, seed," in source and "LEARNING_RATES" in source and "SEEDS" in source


@pytest.mark.parametrize("lang, said", [
    ("en", "Each seed draws its own data set, initial weights and batch order. The next cell repeats the eighteen runs, "
           "stopping each at its first check at 25%, which is as far as a run's steps to 25% need it to go."),
    ("zh", "每个种子各自抽取数据集、初始权重和小批量的顺序。下一个单元格把这十八次训练重跑一遍，每次在第一次检查到误差降到 "
           "25% 时就停下：要数降到 25% 所需的步数，跑到这里就够了。")])
def test_the_notebook_runs_the_grid_itself_and_shows_no_build_plumbing(lang, said):
    """Review final60, pb: a reader-visible cell imported the site's cache module to load the grid.  The notebook now runs
    the eighteen runs with its own error_curve (test_the_notebooks_runs_are_the_experiments checks they give the article's
    counts), so no cell and no sentence shows how the site keeps results (reviews final53 to final56, pb: no word on
    saving, loading or what it saves)."""
    text = page_text(PAGE, lang).replace("\n# ", " ")
    assert said in text
    assert {"en": "The article's figure comes from runs made by the same code as `error_curve` above.",
            "zh": "文章里那幅图背后的训练，用的代码与上面的 `error_curve` 相同。"}[lang] in text
    from actsite.pages.page_pairs import notebook_cells
    prose, code = ("\n".join(part) for part in notebook_cells(page_text(PAGE, lang)))
    assert not re.search(r"\bcache\b|缓存|actsite|training_speed", prose)
    assert not re.search(r"\bsaved\b|保存|\bloads?\b|载入|minutes|分钟", prose)
    assert "cache" not in code and "cached" not in code                          # no build plumbing in the cells
    assert "from actsite.experiments.datasets import voronoi" in code and "from actsite.experiments.mlp import" in code
    assert ('steps_to_target(error_curve(activation=activation, lr=lr, seed=seed, steps=2000,\n'
            '                                                           stop_at_target=True))') in code


@pytest.mark.parametrize("lang, said", [
    ("en", "and then looks at what changes at a [learning rate](../glossary.md#learning-rate) of $\\eta = 0.3$, where ReLU "
           "falls behind."),
    ("zh", "最后看看[学习率](../glossary.md#learning-rate)为 $\\eta = 0.3$ 时有什么变化：这时 ReLU 反而落后。")])
def test_eta_is_named_the_learning_rate_at_its_first_use(lang, said):
    """Review final58, pb: eta was used before it was defined; its first use names it the learning rate and links the
    glossary entry, whose symbol is eta."""
    text = page_text(PAGE, lang).replace("\n# ", " ")
    assert said in text
    start = text.index(said)
    assert start < text.index("\\eta") < start + len(said)                # its first use is in this sentence
    assert "\\eta" in next(t for t in TERMS if t.key == "learning-rate").en_definition


def test_the_notebook_writes_eta_as_maths_in_its_prose(notebook):
    """η is typeset ($\\eta$) wherever the prose says it; plain η is left to the printed output and to the heading
    'Beyond the grid: η = 0.3', whose text is the glossary's name for the section."""
    lang, _, printed = notebook
    from actsite.pages.page_pairs import notebook_cells
    prose = "\n".join(notebook_cells(page_text(PAGE, lang))[0])
    plain = [line for line in prose.splitlines()
             if "η" in re.sub(r"\$[^$]*\$|`[^`]*`", "", line) and "{ #beyond-the-grid }" not in line]
    assert plain == [] and "$\\eta" in prose
    assert sum("η" in line for line in printed) > 20 and not any("\\eta" in line for line in printed)


def test_the_notebook_prints_only_in_its_language(notebook):
    """The Chinese notebook prints no English word (the names ReLU and tanh aside, which its prose uses too);
    the English notebook prints no Chinese."""
    lang, _, printed = notebook
    han = [bool(re.search(r"[\u4e00-\u9fff]", line)) for line in printed]
    english = {word for line in printed for word in re.findall(r"[A-Za-z]{3,}", line)}
    if lang == "zh":
        assert english <= {"ReLU", "tanh"} and sum(han) > 20, printed
    else:
        assert not any(han), printed


def numbers(line):
    return [float(n) for n in re.findall(r"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])", line)]


def test_the_printed_numbers_are_the_runs(notebook):
    """Every number the notebook prints is the runs': the curve every 100 steps and its 275 and 475, the saved grid
    per seed with its medians, ρ and best against best (1.20), the runs at 0.3 with ReLU's 4.9, 4.9 and 4.0 times its
    steps at 0.1 (and tanh's, also above 1: both are slower), and the dead shares 0% / 41%, 30%, 45% / 0% without
    momentum / 46% at step 100."""
    lang, ns, printed = notebook
    grid, curve = cached("training_speed"), ns["curve"]
    assert len(printed) == 12 + 2 + 12 + 1 + 3 + 2 + 1 + 9 + 6 + 3 + 1
    for k, line in zip(range(0, 41, 4), printed[1:12]):
        assert numbers(line) == [25 * k, round(curve["relu"][k], 3), round(curve["tanh"][k], 3)]
    assert [numbers(line)[-1 if lang == "en" else 0] for line in printed[12:14]] == [275, 475]
    assert [numbers(line)[0 if lang == "en" else -1] for line in printed[12:14]] == [25, 25]
    rows = printed[14:26]
    for i, lr in enumerate(training_speed.LEARNING_RATES):
        relu, tanh = grid["reach_relu"][i], grid["reach_tanh"][i]
        for j, seed in enumerate(training_speed.SEEDS):
            assert numbers(rows[4 * i + j]) == [lr, seed, relu[j], tanh[j], round(tanh[j] / relu[j], 2)]
        assert numbers(rows[4 * i + 3]) == [lr, np.median(relu), np.median(tanh),
                                            round(np.median(tanh) / np.median(relu), 2)]
    assert [numbers(rows[4 * i + 3])[-1] for i in range(3)] == [2.15, 1.73, 1.20]
    assert numbers(printed[26]) == [250, 300, 1.20]
    for seed, line in zip(training_speed.SEEDS, printed[27:30]):
        relu, tanh = ns["reach"]["relu", seed], ns["reach"]["tanh", seed]
        assert numbers(line) == [0.3, seed, relu, tanh, round(tanh / relu, 2)]
        assert 0.4 < tanh / relu < 0.6                                    # within "0.41 to 0.59 of ReLU's steps"
    at_0_1 = training_speed.LEARNING_RATES.index(0.1)
    for key, line in zip(("relu", "tanh"), printed[30:32]):
        slowdown = [ns["reach"][key, seed] / grid[f"reach_{key}"][at_0_1, seed] for seed in training_speed.SEEDS]
        assert numbers(line)[-3:] == [round(s, 1) for s in slowdown] and all(s > 1 for s in slowdown)
    assert numbers(printed[30])[-3:] == [4.9, 4.9, 4.0]                   # within "4.0 to 5.6 times"
    # review final65, pb: the largest |pre-activation| of each tanh run on its way to 25%, which the prose bounds by 40
    peaks = numbers(printed[32].split("：" if lang == "zh" else ": ")[1])
    assert peaks == [round(ns["runs"]["tanh", seed][1], 1) for seed in training_speed.SEEDS] and max(peaks) < 40
    assert printed[32].startswith("tanh  ") and ns["runs"]["tanh", 0][0] == ns["reach"]["tanh", 0]
    assert printed[33] == {"en": "every initial weight changed in its last binary digit:",
                           "zh": "每个初始权重的最后一位二进制数改动之后："}[lang]
    assert printed[37] == {"en": "every input changed in its last binary digit:",
                           "zh": "每个输入的最后一位二进制数改动之后："}[lang]
    for what, rows in (("weights", printed[34:37]), ("inputs", printed[38:41])):   # the runs with every weight or input nudged
        for seed, line in zip(training_speed.SEEDS, rows):
            relu, tanh = ns["nudged"][what, "relu", seed], ns["nudged"][what, "tanh", seed]
            assert numbers(line) == [0.3, seed, relu, tanh, round(tanh / relu, 2)] and tanh < relu
    largest = max(abs(ns["nudged"][run] - ns["reach"][run[1:]]) for run in ns["nudged"])
    assert numbers(printed[41]) == [largest] and largest >= 100           # "a hundred steps or more"
    shares = [int(m) for line in printed[42:48] for m in re.findall(r"(\d+)%", line)]
    assert shares == [0, 0, 0, 41, 30, 45]
    assert [int(re.findall(r"(\d+)%", line)[0]) for line in printed[48:51]] == [0, 0, 0]
    assert re.findall(r"(\d+)%", printed[51]) == ["46"] and "100" in printed[51]


def test_the_printed_columns_line_up(notebook):
    """Rows printed one under another end their number columns at the same display column and start their labels
    at the same column (a Chinese character is two columns wide): the curve table under its header, the two
    25% lines, the grid's rows with their medians and the rows at 0.3, the two step ratios, the six dead-unit rows and
    the three without momentum."""
    from actsite.pages.notebook_text import display_width
    _, _, printed = notebook

    def spans(line):
        return [(display_width(line[:m.start()]), display_width(line[:m.end()])) for m in re.finditer(r"\S+", line)]

    def same(rows, pick):
        assert len({tuple(pick(spans(row))) for row in rows}) == 1, rows

    same(printed[0:12], lambda s: [end for _, end in s])                        # three right-aligned columns
    same(printed[12:14], lambda s: [end for _, end in s])
    grid_rows = printed[14:26] + printed[27:30] + printed[34:37] + printed[38:41]
    same(grid_rows, lambda s: [s[-6][0], s[-4][0], s[-2][0], s[-6][1], s[-5][1], s[-4][1], s[-3][1], s[-1][1]])
    same(grid_rows, lambda s: [start for start, _ in s[:3]])                    # η = and its value
    same(printed[30:32], lambda s: [end for _, end in s])
    same(printed[42:48], lambda s: [end for _, end in s[3:]])
    same(printed[48:51], lambda s: [end for _, end in s])


def test_the_25_percent_lines_are_prose(notebook):
    """Review final57, pb: 'ReLU  first at most 25% after 275 steps' was not English; the line now says what the count
    is, the step of the first check at 25% or less, as the Chinese line does."""
    lang, _, printed = notebook
    said = {"en": ["ReLU  first reaches 25% or less at step 275", "tanh  first reaches 25% or less at step 475"],
            "zh": ["ReLU  第 275 步首次降到 25% 或以下", "tanh  第 475 步首次降到 25% 或以下"]}[lang]
    assert printed[12:14] == said
    assert not any("first at most" in line for line in printed)


def test_the_nudged_cell_changes_every_initial_weight_and_every_input_in_its_last_binary_digit(notebook, at_0_3,
                                                                                             nudged_at_0_3):
    """Review final57, pb: the caveat 'changing every initial weight ... in its last binary digit moves some of them by a
    hundred steps or more' had no cell behind it; review final58, pb: nor had the same change of every input.  The cell
    after the runs at 0.3 makes each change in turn (np.nextafter towards +inf: the next float64 number, one unit in
    the last place) and nothing else; its counts are this file's nudged runs, tanh is first in every seed, each change
    moves some count by 100 steps or more (125 for the weights, 175 for the inputs here), and the largest change it
    prints is 175 steps here."""
    lang, ns, _ = notebook
    moves = {}
    for what in ("weights", "inputs"):
        for key in ("relu", "tanh"):
            for seed in training_speed.SEEDS:
                assert ns["nudged"][what, key, seed] == nudged_at_0_3[what][key][seed], (what, key, seed)
        assert all(ns["nudged"][what, "tanh", seed] < ns["nudged"][what, "relu", seed] for seed in training_speed.SEEDS)
        moves[what] = [abs(ns["nudged"][what, key, seed] - at_0_3[key][seed])
                       for key in ("relu", "tanh") for seed in training_speed.SEEDS]
        assert max(moves[what]) >= 100, (what, moves)                    # "some of them by a hundred steps or more"
    assert (max(moves["weights"]), max(moves["inputs"])) == (125, 175), moves
    assert ns["largest"] == 175
    W = MLP.create(training_speed.SIZES, "tanh", "lecun", seed=0).weights[0]
    up = np.nextafter(W, np.inf)
    assert np.all(up > W) and np.array_equal(np.nextafter(up, -np.inf), W)   # the very next float64 up, every weight
    X, _ = voronoi(seed=100)
    moved = np.nextafter(X, np.inf)
    assert np.all(moved > X) and np.array_equal(np.nextafter(moved, -np.inf), X)   # and every input
    from actsite.pages.page_pairs import notebook_cells
    prose, code = ("\n".join(part) for part in notebook_cells(page_text(PAGE, lang)))
    assert "W[...] = np.nextafter(W, np.inf)" in code and "X = np.nextafter(X, np.inf)" in code
    assert "net.sgd_step(X[batch], y[batch], 0.3, momentum=0.9)" in code
    said = {"en": "The next cell makes both changes, one at a time: it moves every initial weight, and then every input, up "
                  "to the next number that [float64](../glossary.md#float64) can hold, a change in its last binary digit. "
                  "Each time it runs the three seeds at $\\eta = 0.3$ again and prints their counts; last comes the largest "
                  "change from the counts above.",
            "zh": "下一个单元格把上面说的两种改动各做一次：先把每个初始权重、再把每个输入换成 [float64](../glossary.md#float64) "
                  "中比它大的下一个数，也就是最后一位二进制数改了一下。每做一种改动，都以 $\\eta = 0.3$ 把三个种子重跑一遍，"
                  "打印各次的步数；最后打印与上面的步数相比最大变动了多少。"}[lang]
    assert said in page_text(PAGE, lang).replace("\n# ", " ")
    assert {"en": "makes the first of those changes", "zh": "上面说的第一种改动"}[lang] not in page_text(PAGE, lang)


@pytest.mark.parametrize("lang, said", [
    ("en", "`voronoi` draws the task's training points; each class is a union of Voronoi regions, the sets of points "
           "nearest one centre, which give the function its name."),
    ("zh", "`voronoi` 抽取这个任务的训练样本，名字来自 Voronoi 区域（离某个中心最近的点的集合）：每个类别都是若干个这样的区域的并集。")])
def test_the_task_function_is_explained(lang, said):
    """Review final57, pb: the import alias `voronoi` was unexplained.  Every point takes the class of its nearest centre,
    so the classes are unions of the centres' Voronoi regions.  Review final59, pb: both notebooks import the function
    under its own name.  Review final60, pb: the clause that sent the reader to the gradient-depth notebook for the name
    is replaced by the name's meaning in a few words, so that this page stands alone (worded apart from that notebook's
    sentence, which review final58 found repeated).  Review final78, pb: the inverted relative clause is reworded;
    zh 这种 -> 这样的."""
    text = page_text(PAGE, lang).replace("\n# ", " ")
    assert said in text
    assert "nearest_centre_task" not in text
    assert {"en": "says where its name comes from", "zh": "那里有说明"}[lang] not in text
    other = page_text("notebooks/gradient-depth.py", lang).replace("\n# ", " ")
    sentence = said.split("; " if lang == "en" else "，", 1)[1]
    assert sentence not in other
    assert_voronoi_matches_its_description(100)          # each point takes the class of its nearest centre


@pytest.mark.parametrize("lang, said", [
    ("en", "and a run's *steps to 25%*, $t_{25\\%}$ in the article, is the step of the first of these checks at which the "
           "error is at most 25%."),
    ("zh", "每次训练的 $t_{25\\%}$（降到 25% 所需的步数，文章里也用这个记号），就是误差首次不超过 25% 的那次检查所在的步数。")])
def test_the_count_is_named_steps_to_25_percent(lang, said):
    """Review final60, pb: 'a run's count' was a coined noun; the English names it as the notebook later does (steps to
    25%), as the Chinese already did.  Review final62, pb: the article calls the same count t_25%, so the definition
    names the symbol too."""
    text = page_text(PAGE, lang).replace("\n# ", " ")
    assert said in text and "a run's count" not in text
    assert "$t_{25\\%}$" in page_text("blog/posts/relu-sparsity-biology.md", lang)      # the article's name for it
    assert training_speed.steps_to_target(np.array([0.9, 0.5, 0.25])) == 2 * training_speed.EVERY


def test_the_try_this_prose_shows_a_call_that_counts_steps_to_25_percent():
    """Review final57, pb: the Try-this cell is about dead units; its prose now also shows how to count steps to 25% at
    another rate or seed, with a call to the notebook's own functions that runs as written."""
    for lang in ("en", "zh"):
        try_prose = page_text(PAGE, lang).split("{ #try-this }")[1].split("# %%")[0].replace("\n# ", " ")
        assert ('`steps_to_target(error_curve(activation="relu", lr=0.2, seed=3, steps=2000, stop_at_target=True))`'
                in try_prose), lang
    count = training_speed.steps_to_target(training_speed.error_curve("relu", 0.2, 3, steps=2000, stop_at_target=True))
    assert np.isfinite(count) and count % training_speed.EVERY == 0


def test_the_english_says_what_the_code_does_without_make_calques():
    """Review final65, pb: 'shows how one of those runs is made', 'makes the eighteen runs again' and '`dead_share`
    makes the first steps of a ReLU run' were unidiomatic; the notebook walks through a run, repeats the runs, and
    dead_share trains a ReLU network for its first steps (it runs `steps` SGD steps, then counts)."""
    text = page_text(PAGE, "en").replace("\n# ", " ")
    for said in ("This notebook walks through one of those runs", "The next cell repeats the eighteen runs",
                 "`dead_share` trains a ReLU network for the first few steps and returns the share of dead units"):
        assert said in text, said
    for gone in ("runs is made", "makes the eighteen runs", "makes the first steps"):
        assert gone not in text, gone
    assert "for _ in range(steps):" in inspect.getsource(training_speed.dead_share)
    # the Chinese opening of the set-up, in two sentences (review final65, pb)
    assert "在这个任务上用随机梯度下降（SGD）训练。训练时[小批量](../glossary.md#mini-batch)大小为 128" in page_text(PAGE, "zh")


@pytest.mark.parametrize("lang, said", [
    ("en", "On this task, by the median over seeds, ReLU needs fewer steps to reach 25% than "
           "tanh at every rate up to $\\eta = 0.1$, and is 1.2 times as fast best rate against best rate; at $\\eta = 0.3$ "
           "tanh is first in every seed."),
    ("zh", "在这个任务上，学习率不超过 0.1 时，按各种子的中位数计，每一档学习率下 ReLU "
           "降到 25% 所需的步数都比 tanh 少，各取最好的学习率相比，速度约为 tanh 的 1.2 倍；到了 $\\eta = 0.3$，每个种子都是 tanh 先到。")])
def test_the_page_ends_with_the_answer_to_its_question(lang, said, at_0_3):
    """Review final68, pb: the answer sat mid-page and the page ended in the dead-unit digression; a closing sentence
    before Try this now answers the opening question, from the grid's medians and the eta = 0.3 runs.  Also: the zh code
    comment on the second forward pass is in Chinese.  Review final69, pb: the answer has its own heading, and says it
    counts by the median (at eta = 0.1 seed 2 is a tie)."""
    r = cached("training_speed")
    text = page_text(PAGE, lang).replace("\n# ", " ")
    assert said in text and text.index(said) < text.index("{ #try-this }")
    assert text.index("{ #momentum }") < text.index("{ #answer }") < text.index(said)     # under its own heading
    assert "To answer the opening question" not in text and "回到开头的问题" not in text
    assert "a second forward pass" not in page_text(PAGE, "zh")
    medians = {a: np.median(np.asarray(r[f"reach_{a}"]), axis=1) for a in ("relu", "tanh")}
    assert max(training_speed.LEARNING_RATES) == 0.1 and np.all(medians["relu"] < medians["tanh"])
    assert np.all(np.asarray(r["reach_relu"]) <= np.asarray(r["reach_tanh"]))            # every run, one tie
    assert round(float(medians["tanh"].min() / medians["relu"].min()), 1) == 1.2
    assert np.all(at_0_3["tanh"] < at_0_3["relu"])                                        # eta = 0.3: tanh first
