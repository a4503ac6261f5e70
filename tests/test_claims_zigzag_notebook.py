"""Claims of the zig-zag notebook's "Try this" section (notebooks/zigzag.py) that its cells do not print.

The three one-change ranges are interpreted with kappa = 1 + n mu^2/v (n = 2, independent inputs); the
prediction and the sample's kappa (what the cell prints) are both recomputed here.
"""
from __future__ import annotations

import re

import numpy as np
import pytest

from actsite.experiments import zigzag
from claim_helpers import page_text

NOTEBOOK = "notebooks/zigzag.py"
CONTROLS = ((0.35, 0.85), (0.35, 1.15), (0.5, 1.3))

TRY_WORDS = {
    "en": ("For independent inputs, $\\kappa = 1 + n\\mu^2/v$ with $n = 2$",
           "$[0.35, 0.85]^2$ keeps the experiment's mean and takes the width 0.5 of $[0.5, 1]^2$: the formula gives 35.6, "
           "the sample 33.8.",
           "$[0.35, 1.15]^2$ keeps the experiment's width and takes the mean 0.75 of $[0.5, 1]^2$: the formula gives 22.1, "
           "the sample 21.0.",
           "$[0.5, 1.3]^2$ has the width 0.8 and the lower end of $[0.5, 1]^2$: the formula gives 31.4, the sample 29.8.",
           "So at a fixed mean, narrowing the range from 0.8 to 0.5 costs more than raising the mean from 0.6 to 0.75 at a "
           "fixed width, and the lower end matters only through the mean and width it sets."),
    "zh": ("两个输入相互独立时，[那篇文章](../blog/posts/neuron-gradients-zigzag.md#mean-cost)里的 "
           "$\\kappa = 1 + n\\mu^2/v$（这里 $n = 2$）能预测每个区间的条件数。",
           "$[0.35, 0.85]^2$ 保持实验的均值，宽度取 $[0.5, 1]^2$ 的 0.5：公式给出 35.6，样本为 33.8。",
           "$[0.35, 1.15]^2$ 保持实验的宽度，均值取 $[0.5, 1]^2$ 的 0.75：公式给出 22.1，样本为 21.0。",
           "$[0.5, 1.3]^2$ 宽度也是 0.8，下端与 $[0.5, 1]^2$ 相同：公式给出 31.4，样本为 29.8。",
           "均值不变时把宽度从 0.8 缩到 0.5，比宽度不变时把均值从 0.6 抬到 0.75 代价更大；下端只通过它决定的均值和宽度起作用。")}


def markdown_words(text: str) -> str:
    """The notebook's text with the comment markers of continued Markdown lines removed, whitespace normalised."""
    return " ".join(re.sub(r"\n#[ \t]*(?!-)", " ", text).split())


def predicted(low, high, n=2):
    """kappa = 1 + n mu^2 / v for n independent inputs uniform on [low, high]."""
    mu, v = (low + high) / 2, (high - low) ** 2 / 12
    return 1 + n * mu ** 2 / v


def sampled(low, high):
    """What the notebook's cell prints: kappa of the Hessian on its 2000 sampled points."""
    X = np.random.default_rng(0).uniform(low, high, size=(2000, 2))
    eig = np.linalg.eigvalsh(zigzag.hessian(X))
    return eig.max() / eig.min()


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_try_this_interprets_the_three_controls_with_the_formula(lang):
    """Predicted 35.6, 22.1, 31.4 and sampled 33.8, 21.0, 29.8 for [0.35, 0.85]^2, [0.35, 1.15]^2 and [0.5, 1.3]^2;
    the controls hold one of mean and width at the experiment's [0.2, 1]^2 (mean 0.6, width 0.8) and take the other
    from [0.5, 1]^2 (mean 0.75, width 0.5): the narrowing alone gives the larger kappa, and [0.5, 1.3]^2, with
    [0.5, 1]^2's lower end but the width 0.8 and a higher mean, does not reach [0.5, 1]^2's kappa, while its own kappa
    follows from its mean and width."""
    text = markdown_words(page_text(NOTEBOOK, lang))
    assert all(words in text for words in TRY_WORDS[lang]), [w for w in TRY_WORDS[lang] if w not in text]
    assert [round(predicted(*r), 1) for r in CONTROLS] == [35.6, 22.1, 31.4]
    assert [round(sampled(*r), 1) for r in CONTROLS] == [33.8, 21.0, 29.8]
    assert all(abs(sampled(*r) / predicted(*r) - 1) < 0.06 for r in CONTROLS)          # close
    mean = {r: (r[0] + r[1]) / 2 for r in CONTROLS + ((0.2, 1.0), (0.5, 1.0))}
    width = {r: round(r[1] - r[0], 10) for r in mean}
    narrow, raised, shifted = CONTROLS
    assert mean[narrow] == mean[(0.2, 1.0)] == 0.6 and width[narrow] == width[(0.5, 1.0)] == 0.5
    assert mean[raised] == mean[(0.5, 1.0)] == 0.75 and width[raised] == width[(0.2, 1.0)] == 0.8
    assert shifted[0] == 0.5 and width[shifted] == 0.8
    assert sampled(*narrow) > sampled(*raised) and predicted(*narrow) > predicted(*raised)   # narrowing costs more
    assert sampled(*shifted) < 0.6 * sampled(0.5, 1.0)            # sharing the lower end does not share the cost


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_try_this_cell_prints_the_formula_next_to_the_sample(lang):
    """'The cell prints the formula's value next to the sample's': the Try-this cell, run as written with say()
    captured, passes kappa = 1 + 2 mu^2/v (mu, v from the range) beside the sample's kappa, and the printed formula
    values of the three controls are 35.6, 22.1 and 31.4 (33.8, 21.0, 29.8 sampled)."""
    from actsite.pages.notebook_text import TEXT
    from actsite.pages.page_pairs import notebook_cells
    from conftest import ROOT
    source = (ROOT / "docs" / lang / "content" / NOTEBOOK).read_text(encoding="utf-8")
    assert {"en": "The cell prints the formula's value next to the sample's",
            "zh": "单元格把公式给出的值和样本的值并排打印"}[lang] in markdown_words(source)
    cell = next(c for c in notebook_cells(source)[1] if '"zigzag_try"' in c)
    printed = {}

    def say(key, **values):
        assert key == "zigzag_try"
        printed[(values["low"], values["high"])] = TEXT[lang][key].format(**values)
    exec(cell, {"np": np, "hessian": zigzag.hessian, "gd_path": zigzag.gd_path, "TOLERANCE": zigzag.TOLERANCE,
                "say": say})
    pattern = {"en": r"κ = +([\d.]+) \(formula ([\d.]+)\)", "zh": r"κ = +([\d.]+)（公式 ([\d.]+)）"}[lang]
    shown = {r: tuple(float(v) for v in re.search(pattern, line).groups()) for r, line in printed.items()}
    assert [shown[r] for r in CONTROLS] == [(33.8, 35.6), (21.0, 22.1), (29.8, 31.4)]
    assert all(shown[r][1] == round(predicted(*r), 1) and shown[r][0] == round(sampled(*r), 1) for r in shown)
