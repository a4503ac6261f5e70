r"""The site's terms, one record per concept, in both languages; the glossary page is drawn from them.

Each :class:`Term` gives the preferred term in Chinese and in English, the variants a page must
not use for that concept (in each language), a short definition in each language, and where
the site explains it (``page.md#anchor``, the same path and anchor in both languages).
``tests/test_terms.py`` looks for every variant on every reader page, and checks every link.

A variant is a plain string or a compiled pattern.  A string is matched as written, ignoring case,
and a string that starts (or ends) with a Latin letter or digit only matches at a word boundary
there (and not after a backslash), so ``eta`` finds "eta" but not "beta", "metal" or ``\eta``.  A pattern is used as it is: write one
when the variant is a drift only in some contexts (``(?<!输)入权重`` leaves 输入权重 alone).
Variants are never looked for inside code, inline maths or link addresses
(:mod:`actsite.pages.reader_text`).

:data:`SPELLED_SYMBOLS` lists symbols that a page must write as symbols, not spelled out in
Latin letters (alt text included); they are checked like variants but not shown on the glossary.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Union

from actsite.maths.catalogue import EVERY
from actsite.pages.html_table import math_cell, table, text_cell
from actsite.pages.page_pairs import CONTENT, notebook_cells
from actsite.pages.reference_table import MARKER as MARKER_REFERENCE, anchor

MARKER = "<!-- glossary -->"
# Variants that differ from the preferred term only in spelling: shown as "also spelled", not "also called".
SPELLINGS = frozenset({"preactivation", "zigzag", "initialization", "batch normalization", "elementwise",
                       "zero-centered", "quantization", "layer norm", "RMS norm", "QK norm", "normalizer"})
# Variants that are slips of wording, not names another text gives the concept: not shown as "also called".
NOT_NAMES = frozenset({"激活状态", "活着的", "被激活", "未激活", "尾巴", "平坦的边缘", "消亡", "Z字形", "批次",
                       "全批量下降", "全批量 GD", "full-batch GD", "光滑门控", "光滑的门控", "逐个元素", "逐个分量", "拐角", "尖角",
                       "折角", "廉价的近似", "logits", "是非题", "是非标签", "参考页", "reference page",
                       "单样本", "单个样本", "训练输入", "per-example", "for one example", "training input",
                       "又硬又省", "tanh 形式", "tanh form"})
# Link labels for pages whose title, cut at its colon, leaves no name: {page: {lang: label}}.
PAGE_LABELS = {"catalogue/hard-and-cheap.md": {"zh": "低成本激活函数", "en": "Hard and cheap functions"},
               "notebooks/training-speed.py": {"zh": "笔记本：ReLU 与 tanh", "en": "Notebook: ReLU against tanh"}}
Variant = Union[str, re.Pattern]
LATIN = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class Term:
    key: str                       # the row's anchor on the glossary page
    zh: str
    en: str
    zh_definition: str
    en_definition: str
    home: str                      # "page.md#anchor" (or "page.md"): where the site explains it
    avoid_zh: tuple[Variant, ...] = ()
    avoid_en: tuple[Variant, ...] = ()
    also_zh: tuple[str, ...] = ()  # the names shown as "also called"; by default the string variants
    also_en: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def definition(self, lang: str) -> str:
        return self.zh_definition if lang == "zh" else self.en_definition

    def avoid(self, lang: str) -> tuple[Variant, ...]:
        return self.avoid_zh if lang == "zh" else self.avoid_en

    def also(self, lang: str) -> tuple[str, ...]:
        """Names other texts use for the concept, shown on the glossary (never on other pages)."""
        given = self.also_zh if lang == "zh" else self.also_en
        return given or tuple(v for v in self.avoid(lang) if isinstance(v, str) and v not in NOT_NAMES)


def variant_pattern(variant: Variant) -> re.Pattern:
    if isinstance(variant, re.Pattern):
        return variant
    before = r"(?<![A-Za-z0-9_\\])" if LATIN.match(variant[0]) else ""
    after = r"(?![A-Za-z0-9_])" if LATIN.match(variant[-1]) else ""
    return re.compile(before + re.escape(variant) + after, re.I)


def variant_text(variant: Variant) -> str:
    return variant.pattern if isinstance(variant, re.Pattern) else variant


TERMS: tuple[Term, ...] = (
    Term("activation-function", "激活函数", "activation function",
         "单元在加权求和之后施加的非线性函数 $f$，即 $y = f(z)$。没有它，多层网络合起来仍是一个仿射映射（线性映射再加一个常数项）。",
         "The non-linear function $f$ a unit applies to its weighted sum, $y = f(z)$. Without it, any stack of layers collapses into one affine map (a linear map plus a constant).",
         "blog/posts/why-nonlinear-activations.md#linear-collapse", avoid_zh=("激励函数",)),
    Term("unit", "单元", "unit",
         "层的基本组成部分，也叫模型神经元：它对输入求加权和、加上偏置（得到预激活值），再把结果送进激活函数。",
         "The basic element of a layer, also called a model neuron: it forms a weighted sum of its inputs plus a bias (its pre-activation) and passes the result through its activation function.",
         "blog/posts/why-nonlinear-activations.md"),
    Term("pre-activation", "预激活值", "pre-activation",
         "单元在激活函数之前算出的加权和 $z = \\sum_i w_i x_i + b$。",
         "The weighted sum a unit computes before its activation function, $z = \\sum_i w_i x_i + b$.",
         "blog/posts/why-nonlinear-activations.md#saturation", avoid_zh=("前激活",),
         avoid_en=(re.compile(r"\bpreactivations?\b", re.I),), also_en=("preactivation",)),
    Term("active-unit", "开启", "active",
         "单元对某个输入的预激活值为正时，称它对这个输入开启，否则称它关闭：ReLU 单元开启时像接通的开关，把预激活值原样传下去（斜率为 1），关闭时输出 0。在任何训练样本上都不开启的单元，未经批归一化的 ReLU 单元称为死亡单元；Leaky ReLU（以及 PReLU、RReLU）单元和批归一化之后的 ReLU 单元则称为始终关闭的单元：它从不开启，但仍能拿到梯度。",
         "A unit is active on an input when its pre-activation is positive, and off otherwise: an active ReLU unit passes its pre-activation on unchanged (slope 1), and an off one outputs 0. A unit that is active on no training point is a dead unit (ReLU without batch normalisation) or an inactive unit (Leaky ReLU, PReLU, RReLU, or ReLU after batch normalisation).",
         "blog/posts/dead-relu-units.md#dead-relu", avoid_zh=("激活状态", "活着的", "被激活", "未激活")),
    Term("dead-unit", "死亡单元", "dead unit",
         "未经批归一化、对每个训练样本都输出 0 的 ReLU 单元：它的输入权重和偏置得不到梯度。",
         "A ReLU unit without batch normalisation that outputs 0 on every training point: its incoming weights and bias receive no gradient.",
         "blog/posts/dead-relu-units.md#dead-relu", avoid_zh=("死单元", "死神经元", "死亡神经元"),
         avoid_en=(re.compile(r"\bdead neurons?\b", re.I),), also_en=("dead neuron",)),
    Term("inactive-unit", "始终关闭的单元", "inactive unit",
         "在所有训练样本上都关闭（预激活值都不大于 0）的 Leaky ReLU 单元（PReLU、RReLU 单元同理）；它在负半轴上的斜率仍是 $a$，所以它还能拿到梯度。"
         "批归一化之后的 ReLU 单元，若按整个训练集的统计量在每个训练样本上都关闭，本站也称它始终关闭：训练时每个小批量单独归一化，它仍可能在某些小批量上开启、拿到梯度。",
         "A Leaky ReLU unit (or a PReLU or RReLU one) whose pre-activation is at most zero on every training point; its slope there is still $a$, so it keeps receiving a gradient. "
         "A ReLU unit after batch normalisation that is off on every training point under whole-training-set statistics is called inactive too: training normalises each mini-batch on its own, so it may still be on in some mini-batches and receive a gradient.",
         "blog/posts/dead-relu-units.md#dead-relu-experiment", avoid_zh=("不活跃单元",)),
    Term("incoming-outgoing-weights", "输入权重与输出权重", "incoming and outgoing weights",
         "一个隐藏单元的输入权重把它与前一层相连，输出权重把它与后一层相连。",
         "A hidden unit's incoming weights connect it to the layer before, its outgoing weights to the layer after.",
         "blog/posts/dead-relu-units.md#dead-relu",
         avoid_zh=(re.compile("(?<!输)入权重"), re.compile("(?<!输)出权重"))),
    Term("saturation", "饱和", "saturation",
         "函数在输入的绝对值很大时趋于常数、斜率趋于 0，几乎不再让梯度通过；sigmoid 和 tanh 在两侧都饱和。ReLU 只在负半轴一侧饱和：它在 $x < 0$ 时恒为常数，斜率恰为 0，预激活值落在那里的单元是关闭的。ELU、SELU、softplus、GELU、SiLU、Mish 和 hard swish 也只在负半轴一侧饱和。本站不加限定地说“饱和”时，指两侧都饱和，所以这些函数都不算饱和函数：它们在正半轴上无界，斜率趋于 1（SELU 趋于 λ）。",
         "A function saturates when, for inputs of large magnitude, it levels off and its slope tends to 0, so that almost no gradient passes; sigmoid and tanh saturate on both sides. ReLU saturates on the negative side only: it is constant for all $x < 0$, with slope exactly 0, and a unit whose pre-activation lies there is off. ELU, SELU, softplus, GELU, SiLU, Mish and hard swish also saturate on the negative side only. On this site, \"saturating\" without qualification means both sides, so none of these is saturating: each grows without bound on the positive side, with slope tending to 1 (λ for SELU).",
         "blog/posts/why-nonlinear-activations.md#saturation"),
    Term("kink", "折点", "kink",
         "函数斜率突变、导数不存在的点，例如 ReLU 在 $x = 0$ 处。",
         "A point where a function's slope jumps, so that its derivative does not exist there, as ReLU's at $x = 0$.",
         "blog/posts/why-nonlinear-activations.md#relu-is-nonlinear", avoid_zh=("拐角", "尖角", "折角"),
         avoid_en=(re.compile(r"(?<!in the )\bcorners?\b(?! of the)", re.I),), also_en=("corner",)),
    Term("zero-centred", "零中心", "zero-centred",
         "本站指输入服从标准正态分布时，输出的均值为 0；tanh 是零中心的，sigmoid 和 ReLU 不是。",
         "On this site, having mean output 0 when the input follows a standard normal distribution; tanh is zero-centred, sigmoid and ReLU are not.",
         "blog/posts/neuron-gradients-zigzag.md#function-cards",
         avoid_en=(re.compile(r"\bzero[- ]center(ed|ing)?\b", re.I), "zero centred"),
         also_en=("zero-centered",)),
    Term("flat-region", "平坦区", "flat region",
         "函数斜率的绝对值小于 0.01 的那些输入：sigmoid 和 tanh 远离 0 的两条尾部，ReLU 的整个负半轴。预激活值落在平坦区的单元几乎学不动。",
         "The inputs where a function's slope is below 0.01 in absolute value: the two far tails of sigmoid and tanh, the whole negative axis of ReLU. A unit whose pre-activation lies there barely learns.",
         "blog/posts/when-gradients-vanish.md#flat-tails", avoid_zh=("尾巴", "平坦的边缘")),
    Term("vanishing-gradient", "梯度消失", "vanishing gradient",
         "反向传播在每一层把梯度乘上斜率和权重矩阵；斜率和权重偏小时，梯度逐层缩小，越靠近输入越小，前面几层几乎学不动。",
         "Backpropagation multiplies the gradient by slopes and a weight matrix at every layer; when the slopes and weights are small, it shrinks layer by layer towards the input, and the early layers barely learn.",
         "blog/posts/when-gradients-vanish.md#backprop-product", avoid_zh=("梯度弥散", "消亡")),
    Term("sparsity", "稀疏性", "sparsity",
         "对一个给定输入，输出恰好为 0 的单元所占的比例；ReLU 网络会产生精确的零。",
         "The share of units whose output is exactly 0 for a given input; ReLU networks produce exact zeros.",
         "blog/posts/relu-sparsity-biology.md#sparsity-init"),
    Term("element-wise", "逐元素", "element-wise",
         "对向量的每个分量分别施加同一个运算，例如激活函数，或门控单元中的乘积。",
         "Applied to each component of a vector separately, as an activation function is, or the product in a gated unit.",
         "blog/posts/why-nonlinear-activations.md#relu-caveats", avoid_zh=("按元素", "逐个元素", "逐个分量"), avoid_en=("elementwise", "element by element")),
    Term("zig-zag", "之字形", "zig-zag",
         "输入全为正时，由单个训练样本算出的更新让一个单元的所有权重同增或同减，权重只能来回折返、曲折地逼近目标。",
         "With all-positive inputs, every update from a single training point moves all of a unit's weights up together or down together, so they reach their target along a jagged path.",
         "blog/posts/neuron-gradients-zigzag.md#zigzag", avoid_zh=("Z 字形", "Z字形"),
         avoid_en=(re.compile(r"\bzigzag(s|ged|ging)?\b", re.I),), also_en=("zigzag",)),
    Term("sign-rule", "符号规则", "sign rule",
         "由单个训练样本算出的更新中，一个单元的所有权重共用同一个误差因子，所以两个权重只有在输入符号相反时，才会朝相反的方向移动。",
         "In an update from a single training point, all weights of a unit share one error factor, so two of them move in opposite directions only if their inputs have opposite signs.",
         "blog/posts/neuron-gradients-zigzag.md#update-direction", avoid_zh=("符号法则",)),
    Term("learning-rate", "学习率", "learning rate",
         "每一步乘在负梯度上的系数 $\\eta$。",
         "The factor $\\eta$ by which each step scales the negative gradient.",
         "blog/posts/neuron-gradients-zigzag.md#update-direction"),
    Term("training-point", "训练样本", "training point",
         "训练数据中的一个输入，连同它的目标。",
         "One input of the training data, together with its target.",
         "blog/posts/from-linear-to-nonlinear.md#monotone-not-convex",
         avoid_zh=("训练点", "训练输入", "单样本", "单个样本"),
         avoid_en=("training example", "training input", "per-example", "for one example")),
    Term("mini-batch", "小批量", "mini-batch",
         "每一步用来估计梯度的一小组训练样本。",
         "The small set of training points used to estimate the gradient at each step.",
         "blog/posts/neuron-gradients-zigzag.md#update-direction", avoid_zh=("批次",)),
    Term("full-batch-gradient-descent", "全批量梯度下降", "full-batch gradient descent",
         "每一步都用全部训练样本的平均梯度来更新权重的梯度下降；与之相对的是随机梯度下降（SGD）。",
         "Gradient descent in which every step uses the average gradient over all training points, as opposed to stochastic gradient descent (SGD).",
         "blog/posts/neuron-gradients-zigzag.md#ill-conditioning",
         avoid_zh=("全批量下降", "全批量 GD",
                   # "GD" alone, except where it is introduced: 全批量梯度下降（GD）, or a figure's label: 记作 GD
                   re.compile(r"(?<![A-Za-z])(?<!梯度下降（)(?<!记作 )GD(?![A-Za-z])")),
         avoid_en=("full-batch GD",)),
    Term("sgd", "随机梯度下降", "stochastic gradient descent",
         "每一步只用一个训练样本或随机抽取的一个小批量估计梯度、据此更新权重的梯度下降，简称 SGD。",
         "Gradient descent in which each step estimates the gradient from one training point or a small random mini-batch, abbreviated SGD.",
         "blog/posts/neuron-gradients-zigzag.md#update-direction"),
    Term("momentum", "动量", "momentum",
         "SGD 的一种改进：每次的更新量等于新的梯度步加上上一次更新量乘以一个系数（常取 0.9）；梯度保持不变时，更新量会逐渐趋近普通梯度步的 1/(1 − 0.9) = 10 倍。",
         "A change to SGD in which each update is the new gradient step plus a fraction (often 0.9) of the previous update; while the gradient stays the same, the update grows towards 1/(1 − 0.9) = 10 times the plain step.",
         "notebooks/training-speed.py#momentum"),
    Term("weight-decay", "权重衰减", "weight decay",
         "一种正则化方法：每一步都把它作用的每个参数按一个小比例往 0 缩一点。",
         "A regulariser that shrinks every parameter it applies to a little towards 0 at each step.",
         "catalogue/rectifiers.md#prelu"),
    Term("dropout", "dropout", "dropout",
         "一种只在训练时使用的正则化方法：每一步随机把一部分单元的输出置零；测试时所有单元都保留。",
         "A regulariser used only during training: at each step a random subset of units has its output set to 0; at test time every unit is kept.",
         "catalogue/smooth-gates.md#gelu", avoid_zh=("随机失活", "丢弃法")),
    Term("condition-number", "条件数", "condition number",
         "海森矩阵（损失对权重的二阶导数构成的矩阵）最大与最小特征值之比 $\\kappa$；$\\kappa$ 越大，梯度下降沿窄谷走得越慢。",
         "The ratio $\\kappa$ of the largest to the smallest eigenvalue of the Hessian (the matrix of the loss's second derivatives with respect to the weights); the larger it is, the slower gradient descent crawls along a narrow valley.",
         "blog/posts/neuron-gradients-zigzag.md#ill-conditioning"),
    Term("loss-landscape", "损失曲面", "loss landscape",
         "把损失看作全部权重的函数所得的曲面；它的形状决定梯度下降走哪条路。",
         "The loss seen as a function of all the weights; its shape decides the path gradient descent takes.",
         "blog/posts/from-linear-to-nonlinear.md#monotone-not-convex", avoid_zh=("误差曲面",),
         avoid_en=("error surface", "loss surface")),
    Term("universal-approximation", "万能近似定理", "universal approximation theorem",
         "只要激活函数连续且不是多项式，单隐藏层网络在单元足够多时，能在有界闭集上以任意精度逼近任何连续函数。",
         "With enough units, a network with one hidden layer and a continuous, non-polynomial activation approximates any continuous function on a closed bounded set to any accuracy.",
         "blog/posts/why-nonlinear-activations.md#quadratic", avoid_zh=("通用逼近", "万能逼近", "普适逼近"),
         also_zh=("通用逼近定理", "万能逼近定理", "普适逼近定理")),
    Term("initialisation", "初始化", "initialisation",
         "训练开始前给权重取的随机初值及其尺度；尺度决定信号和梯度逐层放大还是缩小。",
         "The random starting values of the weights and their scale, which decides whether signals and gradients grow or shrink from layer to layer.",
         "blog/posts/initialisation.md#forward-recursion", avoid_en=(re.compile(r"\binitializ\w*", re.I),),
         also_en=("initialization",)),
    Term("gain", "增益", "gain",
         "初始化时权重标准差与 $1/\\sqrt{n}$ 之比 $\\sqrt{n}\\,\\sigma_w$（$n$ 为扇入，即一个单元的输入个数），用来补偿激活函数对信号均方的改变；例如 ReLU 把均方减半，增益取 $\\sqrt{2}$。",
         "The ratio $\\sqrt{n}\\,\\sigma_w$ of the weights' standard deviation at initialisation to $1/\\sqrt{n}$ ($n$ the number of inputs to a unit, its fan-in), chosen to make up for what the activation does to the mean square of the signal; for example $\\sqrt{2}$ for ReLU, which halves it.",
         "blog/posts/initialisation.md#forward-recursion"),
    Term("lecun-initialisation", "LeCun 初始化", "LeCun initialisation",
         "按方差 $\\sigma_w^2 = 1/n_{\\text{in}}$ 取权重，使加权和的方差等于这一层输入的均方；适用于在零点附近近似恒等函数的激活函数（如 tanh），也是 SELU 的不动点（均值 0、方差 1）所要求的尺度。",
         "Weights drawn with variance $\\sigma_w^2 = 1/n_{\\text{in}}$, so that a weighted sum's variance equals the mean square of the layer's inputs. It suits activations that act almost as the identity near zero, such as tanh, and SELU, whose fixed point (mean 0, variance 1) assumes this scale.",
         "blog/posts/initialisation.md#three-rules"),
    Term("xavier-initialisation", "Xavier 初始化", "Xavier initialisation",
         "按方差 $\\sigma_w^2 = 2/(n_{\\text{in}} + n_{\\text{out}})$ 取权重，是前向与反向两个方向之间的折中；适用于对称、零点斜率为 1 的激活函数。",
         "Weights drawn with variance $\\sigma_w^2 = 2/(n_{\\text{in}} + n_{\\text{out}})$, a compromise between the forward and the backward pass, for activations that are symmetric and have slope 1 at zero.",
         "blog/posts/initialisation.md#three-rules"),
    Term("he-initialisation", "He 初始化", "He initialisation",
         "按方差 $\\sigma_w^2 = 2/n_{\\text{in}}$ 取权重，使信号的尺度在一层层 ReLU 之间保持不变。",
         "Weights drawn with variance $\\sigma_w^2 = 2/n_{\\text{in}}$, which keeps the signal's scale through a stack of ReLU layers.",
         "blog/posts/initialisation.md#three-rules"),
    Term("batch-normalisation", "批归一化", "batch normalisation",
         "在每个小批量上把预激活值标准化为均值 0、方差 1，再乘以可学习的 $\\gamma$、加上可学习的 $\\beta$。",
         "Standardising each pre-activation over the mini-batch to mean 0 and variance 1, then scaling it by a learned $\\gamma$ and shifting it by a learned $\\beta$.",
         "blog/posts/dead-relu-units.md#batch-normalisation", avoid_zh=("批量归一化", "批标准化", "批规范化", "批量标准化"),
         avoid_en=("batch normalization",)),
    Term("layer-norm", "层归一化", "LayerNorm",
         "对每个词元的向量单独做的归一化：减去各分量的均值，除以它们的标准差，再乘以可学习的缩放 $\\gamma$、加上可学习的平移 $\\beta$。",
         "Rescaling each token's vector on its own: it subtracts the mean of the components, divides by their standard deviation, then applies a learned scale $\\gamma$ and offset $\\beta$.",
         "catalogue/transformer-block.md#normalisation", avoid_zh=("层标准化", "层规范化"),
         avoid_en=("layer normalisation", "layer norm")),
    Term("rms-norm", "RMSNorm", "RMSNorm",
         "去掉减均值这一步的层归一化：把每个词元的向量除以其各分量的均方根，再乘以可学习的缩放 $\\gamma$。",
         "LayerNorm without the re-centring: it divides each token's vector by the root mean square of its components, then applies a learned scale $\\gamma$.",
         "catalogue/transformer-block.md#normalisation", avoid_en=("RMS norm",)),
    Term("sigmoid", "sigmoid", "sigmoid",
         "逻辑斯谛函数 $\\sigma(x) = 1/(1 + e^{-x})$，把实数映到 $(0, 1)$。",
         "The logistic function $\\sigma(x) = 1/(1 + e^{-x})$, which maps the real line onto $(0, 1)$.",
         "blog/posts/from-linear-to-nonlinear.md#sigmoid-tanh-derivations"),
    Term("tanh", "tanh", "tanh",
         "双曲正切 $\\tanh(x) = (e^{x} - e^{-x})/(e^{x} + e^{-x}) = 2\\sigma(2x) - 1$，把实数映到 $(-1, 1)$，是零中心的。",
         "The hyperbolic tangent $\\tanh(x) = (e^{x} - e^{-x})/(e^{x} + e^{-x}) = 2\\sigma(2x) - 1$, which maps the real line onto $(-1, 1)$ and is zero-centred.",
         "blog/posts/from-linear-to-nonlinear.md#sigmoid-tanh-derivations"),
    Term("step-function", "阶跃函数", "step function",
         "$x < 0$ 时为 0、$x > 0$ 时为 1 的函数；它的斜率在存在处都是 0，所以传不回任何梯度。",
         "0 for $x < 0$ and 1 for $x > 0$; its slope is 0 wherever it exists, so it passes back no gradient.",
         "blog/posts/from-linear-to-nonlinear.md#good-activation"),
    Term("relu", "线性整流函数（ReLU）", "rectified linear unit (ReLU)",
         "$\\max(0, x)$：正输入原样通过，负输入变为 0。",
         "$\\max(0, x)$: positive inputs pass unchanged, negative ones become 0.",
         "blog/posts/why-nonlinear-activations.md#relu-is-nonlinear", avoid_zh=("线性整流单元", "修正线性单元", "整流线性单元")),
    Term("leaky-relu", "Leaky ReLU", "Leaky ReLU",
         "带泄漏的 ReLU：负输入一侧保留一个小斜率 $a$ 的 ReLU，$\\max(ax, x)$；本站取 $a = 0.01$。",
         "ReLU with a small slope $a$ kept for negative inputs, $\\max(ax, x)$; this site uses $a = 0.01$.",
         "blog/posts/dead-relu-units.md#relu-variants",
         # "LReLU" alone, except where it is introduced as the figures' label: Leaky ReLU (LReLU)
         avoid_zh=(re.compile(r"(?<!Leaky ReLU（)(?<![A-Za-z0-9_\\])LReLU(?![A-Za-z0-9_])"),),
         avoid_en=(re.compile(r"(?<!Leaky ReLU \()(?<![A-Za-z0-9_\\])LReLU(?![A-Za-z0-9_])"),)),
    Term("prelu", "PReLU", "PReLU",
         "参数化 ReLU：负半轴斜率 $a$ 随权重一起学习的 Leaky ReLU。",
         "Leaky ReLU whose negative-side slope $a$ is learned along with the weights.",
         "catalogue/rectifiers.md#prelu"),
    Term("rrelu", "RReLU", "RReLU",
         "随机斜率 ReLU：负半轴斜率训练时随机、测试时固定的 Leaky ReLU。本站按 PyTorch 的约定，训练时斜率取自 $U(1/8, 1/3)$，测试时固定为其均值 $11/48$（Xu 等人的测试斜率为 $2/11$）。",
         "Leaky ReLU whose negative-side slope is random in training and fixed at test time. This site follows PyTorch, which draws the slope from $U(1/8, 1/3)$ and fixes it at its mean, $11/48$ (Xu et al.'s test slope is $2/11$).",
         "catalogue/rectifiers.md#rrelu"),
    Term("maxout", "Maxout", "Maxout",
         "计算输入的 $k$ 个仿射函数、输出其中最大者的单元；速查表给出两段的情形 $\\max(x, -x)$。",
         "A unit that computes $k$ affine functions of its input and outputs the largest; the reference table shows the two-piece case $\\max(x, -x)$.",
         "catalogue/rectifiers.md#maxout"),
    Term("elu", "ELU", "ELU",
         "指数线性单元：$x > 0$ 时为 $x$，$x \\le 0$ 时为 $\\alpha(e^{x} - 1)$；负半轴平滑地趋于 $-\\alpha$，本站取 $\\alpha = 1$。",
         "The exponential linear unit: $x$ for $x > 0$ and $\\alpha(e^{x} - 1)$ for $x \\le 0$, so that the negative side levels off smoothly at $-\\alpha$; this site uses $\\alpha = 1$.",
         "catalogue/rectifiers.md#elu"),
    Term("selu", "SELU", "SELU",
         "缩放指数线性单元：$\\lambda \\approx 1.0507$ 乘以 $\\alpha \\approx 1.6733$ 的 ELU；这两个常数使标准正态输入的输出均值为 0、均方为 1。",
         "The scaled ELU: $\\lambda \\approx 1.0507$ times an ELU with $\\alpha \\approx 1.6733$, constants chosen so that a standard normal input gives an output of mean 0 and mean square 1.",
         "catalogue/rectifiers.md#selu"),
    Term("smooth-gate", "平滑门控函数", "smooth gate",
         "把输入乘以一个从 0 平滑升到 1 的门的激活函数，形如 $x\\,g(x)$：GELU 取 $g = \\Phi$，SiLU 取 $g = \\sigma$。平滑门控函数指整个函数，门只是其中的因子 $g$。这个名称是本站的叫法，并非通用术语。",
         "An activation that multiplies its input by a gate rising smoothly from 0 to 1, $x\\,g(x)$: $g = \\Phi$ for GELU and $g = \\sigma$ for SiLU. A smooth gate is the whole function; the gate is only its factor $g$. The name is this site's, not a standard term.",
         "catalogue/smooth-gates.md", avoid_zh=("光滑门控", "光滑的门控")),
    Term("silu", "SiLU", "SiLU",
         "以 sigmoid 为门的平滑门控函数 $x\\,\\sigma(x)$。Swish 指整个函数族 $x\\,\\sigma(\\beta x)$，SiLU 是其中 $\\beta = 1$ 的一员，Shazeer（2020）在 GLU 变体的比较中记作 $\\mathrm{Swish}_1$。本站称这个函数为 SiLU（表格和标题中标作“SiLU / Swish”），单说 Swish 时只指整个函数族。",
         "The smooth gate $x\\,\\sigma(x)$, whose gate is the sigmoid. Swish is the family $x\\,\\sigma(\\beta x)$, and SiLU its member $\\beta = 1$, which Shazeer (2020) writes $\\mathrm{Swish}_1$ in his comparison of GLU variants. This site calls the function SiLU (labelled \"SiLU / Swish\" in tables and headings) and says Swish alone only for the family.",
         "catalogue/smooth-gates.md#silu"),
    Term("gelu", "GELU", "GELU",
         "高斯误差线性单元 $x\\,\\Phi(x)$：以标准正态分布函数 $\\Phi$ 为门的平滑门控函数。",
         "The Gaussian error linear unit $x\\,\\Phi(x)$: the smooth gate whose gate is the standard normal distribution function $\\Phi$.",
         "catalogue/smooth-gates.md#gelu"),
    Term("gelu-tanh", "GELU 的 tanh 近似", "tanh approximation of GELU",
         "$\\tfrac12 x\\,(1 + \\tanh(\\sqrt{2/\\pi}\\,(x + 0.044715\\,x^{3})))$：提出 GELU 的论文给出的近似公式，作者称其计算更快。",
         "$\\tfrac12 x\\,(1 + \\tanh(\\sqrt{2/\\pi}\\,(x + 0.044715\\,x^{3})))$, an approximation of GELU that the paper introducing GELU offers as faster to compute.",
         "catalogue/smooth-gates.md#gelu-tanh", avoid_zh=("tanh 形式",), avoid_en=("tanh form",)),
    Term("mish", "Mish", "Mish",
         "以 $\\tanh(\\log(1 + e^{x}))$ 为门的平滑门控函数 $x \\tanh(\\log(1 + e^{x}))$，门里的 $\\log(1 + e^{x})$ 就是 softplus。",
         "The smooth gate $x \\tanh(\\log(1 + e^{x}))$, whose gate is the tanh of softplus, $\\log(1 + e^{x})$.",
         "catalogue/smooth-gates.md#mish"),
    Term("softplus", "softplus", "softplus",
         "$\\log(1 + e^{x})$：处处为正的平滑 ReLU，导数是 sigmoid。它没有门，不是平滑门控函数。",
         "$\\log(1 + e^{x})$, a smooth ReLU that is positive everywhere and whose derivative is the sigmoid; having no gate, it is not a smooth gate.",
         "catalogue/smooth-gates.md#softplus"),
    Term("hard-and-cheap", "低成本激活函数", "hard and cheap functions",
         "只用比较、乘加或一次除法就能算出的函数：hard sigmoid、hard tanh、softsign、ReLU6 和 hard swish，其中多数是某个平滑函数的低成本替身。这个名称是本站的叫法。",
         "Functions computed with comparisons, multiply-adds or one division only: hard sigmoid, hard tanh, softsign, ReLU6 and hard swish, most of them cheap stand-ins for a smooth function. The name is this site's.",
         "catalogue/hard-and-cheap.md", avoid_zh=("廉价的近似", "又硬又省")),
    Term("hard-sigmoid", "hard sigmoid", "hard sigmoid",
         "sigmoid 的分段线性替身：$x \\le -3$ 时为 0，$x \\ge 3$ 时为 1，中间是直线 $x/6 + 1/2$。",
         "A piecewise-linear stand-in for the sigmoid: 0 for $x \\le -3$, 1 for $x \\ge 3$, and the line $x/6 + 1/2$ in between.",
         "catalogue/hard-and-cheap.md#hard-sigmoid"),
    Term("hard-tanh", "hard tanh", "hard tanh",
         "把输入截断到 $[-1, 1]$ 的 tanh 替身：区间内为 $x$，区间外为 $-1$ 或 $1$。",
         "A stand-in for tanh that clips its input to $[-1, 1]$: $x$ inside, $-1$ or $1$ outside.",
         "catalogue/hard-and-cheap.md#hard-tanh"),
    Term("softsign", "softsign", "softsign",
         "$x/(1 + |x|)$：形如 tanh、值域为 $(-1, 1)$，只用一次除法，以 $1/|x|$ 的速度趋近上下界。",
         "$x/(1 + |x|)$, a tanh-shaped curve on $(-1, 1)$ that needs one division and approaches its bounds only as $1/|x|$.",
         "catalogue/hard-and-cheap.md#softsign"),
    Term("relu6", "ReLU6", "ReLU6",
         "输出上限为 6 的 ReLU，$\\min(\\max(0, x), 6)$。",
         "ReLU capped at 6, $\\min(\\max(0, x), 6)$.",
         "catalogue/hard-and-cheap.md#relu6"),
    Term("hard-swish", "hard swish", "hard swish",
         "$x$ 乘以 hard sigmoid，即 $x\\,\\mathrm{ReLU6}(x + 3)/6$：SiLU 的分段二次替身。",
         "$x$ times the hard sigmoid, $x\\,\\mathrm{ReLU6}(x + 3)/6$: a piecewise-quadratic stand-in for SiLU.",
         "catalogue/hard-and-cheap.md#hard-swish"),
    Term("gate", "门", "gate",
         "平滑门控函数 $x\\,g(x)$ 中乘在输入上的因子 $g(x)$，不是整个函数；门控单元 $u\\,g(v)$ 中的门是 $g(v)$，所以 GEGLU 的门是整个 $\\mathrm{GELU}(v)$。这样的门不一定落在 $(0, 1)$ 内：本站的双输入单元中，只有 GLU 和门控 tanh 单元的门落在其中，二者都以 sigmoid 为门。",
         "The factor $g(x)$ that multiplies the input in a smooth gate $x\\,g(x)$, not the whole function; in a gated unit $u\\,g(v)$ the gate is $g(v)$, so GEGLU's gate is the whole of $\\mathrm{GELU}(v)$. A gate need not lie in $(0, 1)$. Of the two-input units on this site, only GLU and the gated tanh unit keep it there; both are gated by a sigmoid.",
         "catalogue/gated-units.md#two-inputs"),
    Term("gated-unit", "门控单元", "gated unit",
         "有两个输入的单元：值 $u$ 和门输入 $v$，都是同一输入的线性映射；输出 $u\\,g(v)$，例如 GLU、GEGLU 和 SwiGLU。",
         "A unit with two inputs, a value $u$ and a gate input $v$, both linear maps of the same input; it returns $u\\,g(v)$, as GLU, GEGLU and SwiGLU do.",
         "catalogue/gated-units.md#two-inputs"),
    Term("value", "值", "value",
         "门控单元 $u\\,g(v)$ 中被门缩放的输入 $u$（不是注意力机制中的值向量）：它乘以门后到达输出，梯度传回时也只乘以门。",
         "The input $u$ of a gated unit $u\\,g(v)$ that the gate scales (not attention's value vectors): it reaches the output multiplied by the gate, and its gradient comes back multiplied by the gate alone.",
         "catalogue/gated-units.md#two-inputs"),
    Term("gate-input", "门输入", "gate input",
         "门控单元 $u\\,g(v)$ 中用来算门 $g(v)$ 的输入 $v$；它和值 $u$ 一样，是同一输入向量的线性映射（$v = xW$）。",
         "The input $v$ of a gated unit $u\\,g(v)$ from which the gate $g(v)$ is computed; like the value $u$, it is a linear map of the same input vector ($v = xW$).",
         "catalogue/gated-units.md#two-inputs"),
    Term("glu", "GLU", "GLU",
         "门为 sigmoid 的门控单元，$u\\,\\sigma(v)$。",
         "The gated unit with the sigmoid as its gate, $u\\,\\sigma(v)$.",
         "catalogue/gated-units.md#two-inputs"),
    Term("bilinear", "双线性单元", "bilinear unit",
         "没有门函数（恒等门）的门控单元，$u\\,v$。",
         "The gated unit with no gate function (the identity gate), $u\\,v$.",
         "catalogue/gated-units.md#two-inputs"),
    Term("reglu", "ReGLU", "ReGLU",
         "门为 ReLU 的门控单元，$u\\max(0, v)$。",
         "The gated unit with ReLU as its gate, $u\\max(0, v)$.",
         "catalogue/gated-units.md#two-inputs"),
    Term("geglu", "GEGLU", "GEGLU",
         "门为 GELU 的门控单元，$u\\,v\\,\\Phi(v)$。",
         "The gated unit with GELU as its gate, $u\\,v\\,\\Phi(v)$.",
         "catalogue/gated-units.md#two-inputs"),
    Term("swiglu", "SwiGLU", "SwiGLU",
         "门为 SiLU 的门控单元，$u\\,v\\,\\sigma(v)$。",
         "The gated unit with SiLU as its gate, $u\\,v\\,\\sigma(v)$.",
         "catalogue/gated-units.md#two-inputs"),
    Term("gated-tanh-unit", "门控 tanh 单元", "gated tanh unit",
         "形如 $\\tanh(u)\\,\\sigma(v)$ 的门控形式：先对值取 tanh，再乘以门。这是 van den Oord 等人（2016）在门控 PixelCNN 中仿照 LSTM 循环网络的门所用的门控方式，Dauphin 等人拿它与 GLU 对比。它的值通路上的 tanh 让梯度多乘一个 $\\tanh'(u)$。",
         "The gating van den Oord et al. (2016) used in their gated PixelCNN, modelled on the gates of LSTM recurrent networks: $\\tanh(u)\\,\\sigma(v)$, which applies tanh to the value before gating it. Dauphin et al. compare GLU against it; the tanh on its value path multiplies the gradient by $\\tanh'(u)$.",
         "catalogue/gated-units.md#gradient"),
    Term("feed-forward-block", "前馈模块", "feed-forward block",
         "Transformer 每个块中对每个词元单独作用的两层网络：先用一次投影升维（门控单元用两次），施加激活函数或门控单元，再投影回原来的宽度。",
         "The two-layer network a transformer block applies to every token on its own: one projection up to a wider layer (two for a gated unit), an activation or the gated unit, then a projection back down.",
         "catalogue/transformer-block.md#block", avoid_zh=("前馈块", "前馈子层", "前馈层"),
         avoid_en=(re.compile(r"\bfeed-?forward (sub)?layers?\b", re.I),), also_en=("feed-forward layer",)),
    Term("hidden-width", "隐藏宽度", "hidden width",
         "前馈模块隐藏层的单元数 $d_\\mathrm{ff}$，隐藏层夹在输入投影（门控单元有两个）与输出投影之间；原始 Transformer 取 $4d$，$d$ 为模型宽度。门控前馈模块的隐藏宽度记作 $d_\\mathrm{ff}'$。",
         "The number of units $d_\\mathrm{ff}$ in the hidden layer of a feed-forward block, between the projection into it (two for a gated unit) and the projection out; $4d$ in the original Transformer, with $d$ the model width. A gated block's hidden width is written $d_\\mathrm{ff}'$.",
         "catalogue/gated-units.md#cost", avoid_zh=("隐藏层宽度",)),
    Term("log-perplexity", "对数困惑度", "log-perplexity",
         "语言模型给留出文本中每个目标词元的概率取负对数后的平均值，越低越好；困惑度是它的指数。",
         "The average negative log-probability a language model assigns to each target token of held-out text, lower being better; the perplexity is its exponential.",
         "catalogue/gated-units.md#shazeer-2020"),
    Term("token", "词元", "token",
         "语言模型读入和生成文本的单位：一个词或词的一部分。模型逐个生成词元，Transformer 为每个词元保留一个向量。",
         "The unit of text a language model reads and generates, a word or a piece of a word. A model generates text one token at a time, and a transformer keeps one vector per token.",
         "catalogue/transformer-block.md#block", avoid_zh=("令牌",)),
    Term("residual-stream", "残差流", "residual stream",
         "贯穿 Transformer 各个块的向量 $x$，每个词元一个：每个块的每个子模块（注意力和前馈模块）读取它，再把自己的输出加回去。",
         "The vector $x$, one per token, that runs through a transformer's blocks: each sub-block of each block (its attention and its feed-forward block) reads it and adds its output back.",
         "catalogue/transformer-block.md#block"),
    Term("pre-norm", "前置归一化", "pre-norm",
         "把归一化放在每个子模块的输入处，而不是残差相加之后（GPT-2 和 LLaMA 的做法）；最后一个块之后的最终归一化是另加的一步。",
         "Normalising the input of each sub-block rather than the sum after the residual addition, as GPT-2 and LLaMA do; a final normalisation after the last block is a separate addition.",
         "catalogue/transformer-block.md#normalisation"),
    Term("post-norm", "后置归一化", "post-norm",
         "把归一化放在每次残差相加之后（原始 Transformer 的做法）。",
         "Normalising after each residual addition, as the original Transformer did.",
         "catalogue/transformer-block.md#normalisation"),
    Term("head-dimension", "头维度", "head dimension",
         "注意力中每个头的查询向量和键向量的维度 $d_k$；注意力分数先除以 $\\sqrt{d_k}$ 再送进 softmax。",
         "The dimension $d_k$ of each attention head's query and key vectors; the attention scores are divided by $\\sqrt{d_k}$ before the softmax.",
         "catalogue/transformer-block.md#block"),
    Term("qk-norm", "QK 归一化", "QK-norm",
         "在点积之前对每个查询和键做归一化（例如层归一化），使注意力分数不会仅仅因为查询和键在训练中变大而变大。",
         "Normalising each query and key, for example with LayerNorm, before their dot product, so that the attention scores cannot grow merely because the queries and keys grow during training.",
         "catalogue/transformer-block.md#scaling", avoid_en=("QK norm",)),
    Term("soft-capping", "软上限", "soft-capping",
         "用 $c \\tanh(z/c)$ 把 logit $z$ 平滑地限制在 $-c$ 与 $c$ 之间，同时保持各 logit 的大小顺序。",
         "Bounding a logit $z$ smoothly between $-c$ and $c$ with $c \\tanh(z/c)$, which keeps the logits' order.",
         "catalogue/transformer-block.md#soft-capping", avoid_zh=("软截断",)),
    Term("z-loss", "z 损失", "z-loss",
         "加在损失上的罚项 $\\alpha (\\log Z)^2$，其中 $Z$ 是 softmax 的归一化因子；它促使 $\\log Z$ 保持在 0 附近。",
         "The penalty $\\alpha (\\log Z)^2$ added to the loss, where $Z$ is the softmax's normaliser; it pulls $\\log Z$ towards 0.",
         "catalogue/transformer-block.md#z-loss"),
    Term("squared-relu", "平方 ReLU", "squared ReLU",
         "$\\max(0, x)^2$：ReLU 的平方，例如 Nemotron-4 的前馈模块就用它。",
         "$\\max(0, x)^2$, the square of ReLU, used for example in the feed-forward blocks of Nemotron-4.",
         "catalogue/transformer-block.md#squared-relu", avoid_zh=("ReLU 平方",)),
    Term("quantisation", "量化", "quantisation",
         "用位数很少的格式存储张量，每个值近似表示为一个码乘以缩放因子（可能取负值的张量还要先减去零值码），并直接用这些码计算，以提高速度、节省内存。本站讲的是无符号 8 位码，取值 0 到 255；用同样的办法把张量缩放到 FP8 等 8 位浮点格式，也称为量化。",
         "Storing a tensor in a format of few bits, each value approximated by a scale times a code or, for a tensor with negative values, times the code minus the zero point, and computing with the codes to gain speed and save memory. On this site the codes are unsigned 8-bit integers, from 0 to 255; scaling a tensor into an 8-bit floating-point format such as FP8 in the same way is also called quantisation.",
         "catalogue/hard-and-cheap.md#int8", avoid_en=(re.compile(r"\bquantiz\w*", re.I),),
         also_en=("quantization",)),
    Term("zero-point", "零值码", "zero point",
         "量化时代表实数 0 的那个整数码 $z$：可能取负值的张量按 $r \\approx s\\,(q - z)$ 存储，其中 $q$ 是码，$s$ 是缩放因子。别处常称“零点”，本站的“零点”则只指 $x = 0$。",
         "In quantisation, the integer code $z$ that stands for the real number 0: a tensor with negative values is stored as $r \\approx s\\,(q - z)$, with code $q$ and scale $s$.",
         "catalogue/hard-and-cheap.md#int8"),
    Term("float64", "float64", "float64",
         "64 位浮点格式，NumPy 的默认数值类型：1 位符号、11 位指数、52 位尾数，最大约 $1.8 \\times 10^{308}$。除非页面另有说明，本站的数值都按它计算。",
         "The 64-bit floating-point format and NumPy's default: 1 sign, 11 exponent and 52 fraction bits, largest value about $1.8 \\times 10^{308}$. Unless a page says otherwise, the site's numbers are computed in it.",
         "catalogue/low-precision.md#formats",
         avoid_zh=("双精度",), avoid_en=("double precision", "double-precision"), also_en=("double precision",)),
    Term("machine-epsilon", "机器精度", "machine epsilon",
         "格式中 1 与比它大的下一个数之间的间距 $\\varepsilon$：float64 为 $2^{-52}$，float32 为 $2^{-23}$，bfloat16 为 $2^{-7}$，float16 为 $2^{-10}$。它衡量格式的相对精度：略大于 1 的数离 1 不超过 $\\varepsilon/2$ 时就舍入成 1（略小于 1 的数则是不超过 $\\varepsilon/4$ 时）。",
         "The gap $\\varepsilon$ between 1 and the next larger number of a format: $2^{-52}$ in float64, $2^{-23}$ in float32, $2^{-7}$ in bfloat16, $2^{-10}$ in float16. It measures the format's relative precision: a number just above 1 rounds to 1 once it is within $\\varepsilon/2$ of it (a number just below 1, once within $\\varepsilon/4$).",
         "catalogue/low-precision.md#formats"),
    Term("half-precision", "float16", "float16",
         "16 位浮点格式，又称半精度：5 位指数、10 位尾数，能表示的最大数是 65504，约有三位有效数字。",
         "The 16-bit floating-point format, also called half precision, with 5 exponent and 10 fraction bits: its largest number is 65,504, and it keeps about three significant digits.",
         "catalogue/low-precision.md#formats"),
    Term("bfloat16", "bfloat16", "bfloat16",
         "16 位浮点格式：与 float32 一样有 8 位指数，尾数只有 7 位，所以范围与 float32 相同（最大约 $3.4 \\times 10^{38}$），但只有约两位有效数字。",
         "The 16-bit floating-point format with float32's 8 exponent bits and only 7 fraction bits: the same range as float32 (up to about $3.4 \\times 10^{38}$), but only about two significant digits.",
         "catalogue/low-precision.md#formats"),
    Term("fp8", "FP8（E4M3、E5M2）", "FP8 (E4M3, E5M2)",
         "Micikevicius 等人（2022）提出的两种 8 位浮点格式：E4M3 有 4 位指数、3 位尾数，最大数是 448，没有无穷大，他们建议用于权重和激活值；E5M2 有 5 位指数、2 位尾数，最大数是 57344，建议用于梯度。",
         "The two 8-bit floating-point formats of Micikevicius et al. (2022): E4M3, with 4 exponent and 3 fraction bits, a largest number of 448 and no infinity, which they recommend for weights and activations; and E5M2, with 5 exponent and 2 fraction bits and a largest number of 57,344, which they recommend for gradients.",
         "catalogue/low-precision.md#formats"),
    Term("normal-number", "正规数", "normal number",
         "尾数位 $f$ 前面隐含一个 1 的浮点数，即 $1.f$ 乘以 2 的幂，因而具有格式的全部精度；最小的正规数在 float32 和 bfloat16 中是 $2^{-126}$，在 float16 中是 $2^{-14}$。",
         "A floating-point number whose fraction bits $f$ follow an implicit leading 1, $1.f$ times a power of 2, so that it has the format's full precision; the smallest is $2^{-126}$ in float32 and bfloat16, $2^{-14}$ in float16.",
         "catalogue/low-precision.md#formats", avoid_zh=("规格化数",)),
    Term("subnormal-number", "次正规数", "subnormal number",
         "比格式的最小正规数还小的浮点数：以牺牲有效数字为代价，把范围一直延伸到最小正数。",
         "A floating-point number below the format's smallest normal number, which extends the range down to the smallest positive number at the cost of significant digits.",
         "catalogue/low-precision.md#formats", avoid_zh=("非规格化数", "非正规数"), avoid_en=("denormal",)),
    Term("underflow", "下溢", "underflow",
         "本站指结果的绝对值不超过格式最小正数的一半，于是舍入成 0（更宽泛的用法，即 IEEE 754 的默认定义，把落到正规数范围之下、又不精确的结果都算作下溢）。",
         "On this site, a result whose magnitude is at most half the format's smallest positive number, so that it rounds to 0 (the broader usage, IEEE 754's default, counts any inexact result below the normal range).",
         "catalogue/low-precision.md#formats"),
    Term("kernel", "内核", "kernel",
         "在 GPU 等硬件上实际计算一个函数（或一串运算）的程序（不是操作系统内核）。",
         "The program that actually computes a function (or a chain of operations) on hardware such as a GPU (not an operating-system kernel).",
         "catalogue/low-precision.md#evaluated"),
    Term("fused-kernel", "融合内核", "fused kernel",
         "把几步运算放在一次读写内存的过程中完成的内核，中间结果不写回内存。",
         "A kernel that does several steps in one pass over memory, without writing the intermediate results back.",
         "catalogue/low-precision.md#speed"),
    Term("overflow", "溢出", "overflow",
         "结果的绝对值大到舍入成无穷大：在 float16 中，从 65520（最大数 65504 再加半个间距）起就是如此。",
         "A result so large in magnitude that it rounds to infinity; in float16, anything from 65,520 (the largest number, 65,504, plus half a step) on.",
         "catalogue/low-precision.md#overflow"),
    Term("correctly-rounded", "正确舍入", "correctly rounded",
         "函数的精确值只舍入一次、取格式中最近的那个数；输入和输出都限定在该格式中时，这是任何实现所能做到的最好结果。",
         "A function's exact value rounded once, to the nearest number of the format: the best any implementation can do with inputs and outputs in that format.",
         "catalogue/low-precision.md#evaluated"),
    Term("mixed-precision-training", "混合精度训练", "mixed-precision training",
         "权重、激活值和梯度用 16 位存储，同时保留一份 float32 的权重主副本、用 float32 累加乘积，用 float16 时还要做损失缩放。",
         "Training with weights, activations and gradients stored in 16 bits, plus a float32 master copy of the weights, float32 accumulation of products and, with float16, loss scaling.",
         "catalogue/low-precision.md#mixed-precision"),
    Term("loss-scaling", "损失缩放", "loss scaling",
         "反向传播之前把损失乘以因子 $S$，使很小的梯度不在 float16 中下溢；更新之前再除以 $S$。",
         "Multiplying the loss by a factor $S$ before the backward pass, so that small gradients do not underflow in float16, and dividing by $S$ again before the update.",
         "catalogue/low-precision.md#loss-scaling"),
    Term("outlier", "离群值", "outlier",
         "张量中比其余值大出几个数量级的少数激活值；它们使其余的值在 8 位格式中只能分到很少几个可表示值。",
         "One of the few activation values in a tensor that are orders of magnitude larger than the rest; they squeeze the other values into few levels of an 8-bit format.",
         "catalogue/low-precision.md#outliers", avoid_zh=("异常值", "离群点")),
    Term("logit", "logit", "logit",
         "输出层中 softmax 或 sigmoid 把它变成概率之前的实数分数（Transformer 中送进 softmax 之前的注意力分数也称 logit）。",
         "A real-valued score in an output layer before a softmax or sigmoid turns it into a probability (a transformer's attention scores before their softmax are also called logits).",
         "catalogue/output-layers.md#last-layer", avoid_zh=("logits",)),
    Term("output-function", "输出层函数", "output function",
         "网络最后一层把 logit 变成预测所用的函数，预测的形式由任务决定：回归直接输出（恒等函数），二元标签用 sigmoid，在 $K$ 类中选一类用 softmax。它要和损失函数一起选定。",
         "The function a network's last layer applies to its logits to give a prediction in the form the task needs: the identity for regression, the sigmoid for a binary label, softmax for one of $K$ classes. It is chosen together with the loss.",
         "catalogue/output-layers.md", avoid_zh=("输出函数",)),
    Term("binary-label", "二元标签", "binary label",
         "只取 0 或 1 的目标；相互独立的几个二元标签各配一个 sigmoid 输出。",
         "A target that is either 0 or 1; independent binary labels each get a sigmoid output.",
         "catalogue/output-layers.md#last-layer", avoid_zh=("是非题", "是非标签")),
    Term("softmax", "softmax", "softmax",
         "把 logit 向量 $z$ 变为概率分布的函数：$p_i = e^{z_i} / \\sum_j e^{z_j}$。",
         "The function that turns a vector of logits $z$ into a probability distribution, $p_i = e^{z_i} / \\sum_j e^{z_j}$.",
         "catalogue/output-layers.md#softmax"),
    Term("normaliser", "归一化因子", "normaliser",
         "softmax 的分母 $\\sum_j e^{z_j}$：每个 $e^{z_i}$ 除以它，各概率之和才为 1。它的对数就是 log-sum-exp。",
         "The denominator $\\sum_j e^{z_j}$ of softmax: dividing each $e^{z_i}$ by it makes the probabilities sum to 1. Its logarithm is the log-sum-exp.",
         "catalogue/output-layers.md#softmax", avoid_zh=("归一化常数", "配分函数"),
         avoid_en=("normalizer", "partition function")),
    Term("log-softmax", "log-softmax", "log-softmax",
         "softmax 的对数，按 $\\log p_i = z_i - \\mathrm{LSE}(z)$ 计算，所以在 $p_i$ 下溢为 0 时仍然有限；目标为独热向量时，交叉熵就是目标类别的 log-softmax 取相反数。",
         "The logarithm of softmax, computed as $\\log p_i = z_i - \\mathrm{LSE}(z)$ so that it stays finite where $p_i$ underflows to 0; with a one-hot target, the cross-entropy is minus the log-softmax of the target class.",
         "catalogue/output-layers.md#stability"),
    Term("jacobian", "雅可比矩阵", "Jacobian",
         "向量函数 $p(z)$ 的各偏导数组成的矩阵 $J$，$J_{ij} = \\partial p_i / \\partial z_j$；softmax 的雅可比矩阵是 $\\mathrm{diag}(p) - p\\,p^{\\top}$。",
         "The matrix $J$ of the partial derivatives of a vector function $p(z)$, $J_{ij} = \\partial p_i / \\partial z_j$; softmax's is $\\mathrm{diag}(p) - p\\,p^{\\top}$.",
         "catalogue/output-layers.md#softmax"),
    Term("one-hot", "独热向量", "one-hot vector",
         "正确类别处为 1、其余分量都为 0 的向量，用作分类的目标分布。",
         "A vector that is 1 at the correct class and 0 everywhere else, used as the target distribution of a classifier.",
         "catalogue/output-layers.md#cross-entropy", avoid_zh=("one-hot",)),
    Term("cross-entropy", "交叉熵", "cross-entropy",
         "预测分布 $p$ 相对于目标分布 $y$ 的损失 $-\\sum_i y_i \\log p_i$；$p$ 由 softmax 给出时，它对 logit 的梯度是 $p - y$。",
         "The loss $-\\sum_i y_i \\log p_i$ of a predicted distribution $p$ against a target $y$; when $p$ is a softmax, its gradient with respect to the logits is $p - y$.",
         "catalogue/output-layers.md#cross-entropy"),
    Term("binary-cross-entropy", "二元交叉熵", "binary cross-entropy",
         "sigmoid 输出 $p = \\sigma(x)$ 对二元标签 $y$ 的交叉熵 $-y \\log p - (1 - y) \\log(1 - p)$，对 logit $x$ 的梯度是 $\\sigma(x) - y$。",
         "The cross-entropy $-y \\log p - (1 - y) \\log(1 - p)$ of a sigmoid output $p = \\sigma(x)$ against a binary label $y$; its gradient with respect to the logit $x$ is $\\sigma(x) - y$.",
         "catalogue/output-layers.md#last-layer"),
    Term("log-sum-exp", "log-sum-exp", "log-sum-exp",
         "$\\mathrm{LSE}(z) = \\log \\sum_j e^{z_j}$，即 softmax 归一化因子的对数；先减去最大的 logit $m$，按 $m + \\log \\sum_j e^{z_j - m}$ 计算，指数就不会溢出。",
         "$\\mathrm{LSE}(z) = \\log \\sum_j e^{z_j}$, the logarithm of softmax's normaliser; computed as $m + \\log \\sum_j e^{z_j - m}$, with $m$ the largest logit, so that no exponential overflows.",
         "catalogue/output-layers.md#stability"),
    Term("temperature", "温度", "temperature",
         "softmax 之前用来除 logit 的正数 $T$：$T$ 越大，分布越平。",
         "The positive number $T$ that divides the logits before softmax; the larger it is, the flatter the distribution.",
         "catalogue/output-layers.md#temperature"),
    Term("shape-parameter", "形状参数", "shape parameter",
         "激活函数公式中改变曲线形状的数，例如 Swish 的 $\\beta$（SiLU 即 $\\beta = 1$）、Leaky ReLU 的斜率 $a$；它或者事先取定，或者像 PReLU 那样在训练中学习。",
         "A number in an activation's formula that changes the shape of its curve, such as Swish's $\\beta$ (SiLU is $\\beta = 1$) or Leaky ReLU's slope $a$; it is either fixed in advance or, as in PReLU, learned.",
         "explorer.md#explorer"),
    Term("card", "函数卡片", "card",
         "函数目录中整流函数、平滑门控函数和低成本激活函数三页为每个函数画的一张图：函数（实线）、导数（虚线）和一条参照曲线（点线），横轴 $x$ 通常从 −5 到 5；ReLU6 的函数卡片从 −4 画到 9，以画出 6 处的上限。这个名称是本站的叫法。",
         "The plot that each of the three catalogue pages on one-input functions (rectifiers, smooth gates, hard and cheap functions) draws for a function: the function (solid), its derivative (dashed) and a reference curve (dotted), usually with $x$ from −5 to 5; ReLU6's runs from −4 to 9, to show its cap at 6. The name is this site's.",
         "catalogue/rectifiers.md#rectifiers"),
    Term("reference-table", "速查表", "reference table",
         "本站的一页表格，汇总各激活函数、门控单元和输出层函数的公式，以及单输入函数的值域与性质。",
         "The site's page of tables giving the formulas of its activation functions, gated units and output functions, and the ranges and properties of the one-input functions.",
         "reference.md#reference", avoid_zh=("参考页",), avoid_en=("reference page",)),
)

# The glossary's topics: (the first term of each, in the order of TERMS; the topic in Chinese, in English).
GROUPS: tuple[tuple[str, str, str], ...] = (
    ("activation-function", "单元与梯度", "Units and gradients"),
    ("zig-zag", "训练", "Training"),
    ("initialisation", "初始化与归一化", "Initialisation and normalisation"),
    ("sigmoid", "激活函数", "Activation functions"),
    ("gate", "门控单元", "Gated units"),
    ("feed-forward-block", "Transformer 模型", "Transformers"),
    ("quantisation", "低成本计算与低精度", "Cheap and low-precision arithmetic"),
    ("logit", "输出层", "Output layers"),
    ("shape-parameter", "使用本站", "Using this site"),
)

# Symbols a page writes as symbols (both languages, alt text included), with the spelling to avoid.
SPELLED_SYMBOLS: tuple[tuple[str, Variant], ...] = (
    ("η", "eta"), ("κ", "kappa"), ("φ", "phi"), ("σ", "sigma"), ("ŷ", "y-hat"), ("ŷ", "y hat"),
    ("t_ref", "t ref"),
)

WORDS = {
    "zh": {"caption": "术语表", "term": "术语", "twin": "英文", "definition": "释义", "link": "详见",
           "twin_lang": "en", "also": "又称（本站不用）：", "comma": "、",
           "spelled": "又写作（本站不用）：", "join": "；"},
    "en": {"caption": "Glossary", "term": "Term", "twin": "Chinese", "definition": "Definition", "link": "Explained in",
           "twin_lang": "zh", "also": "Also called (not used here): ", "comma": ", ",
           "spelled": "Also spelled (not used here): ", "join": ". "},
}
ALSO = re.compile(r'<br><small class="glossary-also">.*?</small>')
INLINE_MATHS = re.compile(r"(?<!\\)\$([^$]+)\$")
HEADING = re.compile(r"^#{1,6} (.*?)\{ *#([\w-]+) *\}\s*$", re.M)
FRONT_TITLE = re.compile(r"\A---\n(?:.*\n)*?title: *(.*)\n(?:.*\n)*?---\n")


def rich_text(text: str) -> str:
    """Plain text with ``$…$`` inline maths, as escaped HTML (maths in the typesetter's container)."""
    parts = INLINE_MATHS.split(text)
    return "".join(math_cell(part) if odd else text_cell(part) for odd, part in
                   ((i % 2 == 1, p) for i, p in enumerate(parts)))


def groups() -> list[tuple[str, str, list[Term]]]:
    """(topic in Chinese, in English, its terms) in the declared order; every term in one topic."""
    keys = [term.key for term in TERMS]
    starts = [keys.index(first) for first, _, _ in GROUPS]
    if starts[0] != 0 or starts != sorted(starts):
        raise ValueError(f"{declared_at(GROUPS[0][0])}: GROUPS must start at the first term, in the order of TERMS")
    ends = starts[1:] + [len(TERMS)]
    return [(zh, en, list(TERMS[a:b])) for (_, zh, en), a, b in zip(GROUPS, starts, ends)]


def definition_cell(term: Term, lang: str) -> str:
    """The definition, then the names other texts use for the concept, if any: other names, then other spellings."""
    w = WORDS[lang]
    also = term.also(lang)
    names = [name for name in also if name not in SPELLINGS]
    spellings = [name for name in also if name in SPELLINGS]
    lines = ([w["also"] + w["comma"].join(names)] if names else []) + \
            ([w["spelled"] + w["comma"].join(spellings)] if spellings else [])
    tail = (f'<br><small class="glossary-also">{text_cell(w["join"].join(lines))}</small>'
            if lines else "")
    return rich_text(term.definition(lang)) + tail


def glossary_table(lang: str, href: Callable[[str], str]) -> str:
    """The glossary as one table per topic (:data:`GROUPS`), in the declared order.

    ``href(target)`` turns ``page.md#anchor`` into the address written on the page; the link's
    text is the page's title and the section's heading (:func:`home_title`)."""
    w = WORDS[lang]
    other = w["twin_lang"]
    tables = []
    for zh, en, terms in groups():
        rows = [[f'<span id="{text_cell(term.key)}">{text_cell(term.name(lang))}</span>',
                 f'<span lang="{other}">{text_cell(term.name(other))}</span>',
                 definition_cell(term, lang),
                 f'<a href="{text_cell(href(term.home))}">{rich_text(home_title(lang, term.home))}</a>']
                for term in terms]
        tables.append(table(zh if lang == "zh" else en, [w["term"], w["twin"], w["definition"], w["link"]], rows))
    return "\n\n".join(tables)


def page_headings(lang: str, page: str) -> tuple[str, dict[str, str]]:
    """(the page's title, {anchor: heading text}) from its source; the reference page's generated
    sections included.  Raises FileNotFoundError for a missing page."""
    text = (CONTENT[lang] / page).read_text(encoding="utf-8")
    if page.endswith(".py"):                                   # a notebook: its Markdown cells
        text = "\n".join(notebook_cells(text)[0])
    headings = {m.group(2): m.group(1).strip() for m in HEADING.finditer(text)}
    if MARKER_REFERENCE in text:
        headings.update({anchor(act): act.names[lang] for act in EVERY.values()})
    meta = FRONT_TITLE.search(text)
    first = re.search(r"^# (.*?)(?:\{ *#[\w-]+ *\})?\s*$", text, re.M)
    title = meta.group(1).strip().strip('"') if meta else first.group(1).strip() if first else page
    return title, headings


def home_title(lang: str, target: str) -> str:
    """"Page › section" for ``page.md#anchor``: the page's label (:data:`PAGE_LABELS`) or its title up
    to its first colon (or, in a title without one, up to the comma before its second clause: ", and"
    or "，"), then the section's heading (the title alone for a page's top)."""
    page, _, section = target.partition("#")
    title, headings = page_headings(lang, page)
    short = PAGE_LABELS.get(page, {}).get(lang) or re.split(r"[:：，]|, and ", title, maxsplit=1)[0].strip()
    if not section or headings.get(section) == title:
        return short
    return f"{short} › {headings[section]}"


def declared_at(key: str) -> str:
    """``scripts/actsite/pages/glossary.py:LINE``, where the term ``key`` is declared."""
    path = Path(__file__)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().startswith(f'Term("{key}"'):
            return f"scripts/actsite/pages/glossary.py:{number}"
    return "scripts/actsite/pages/glossary.py"


def mkdocs_href(files, page_file) -> Callable[[str], str]:
    """For the hook: ``page.md#anchor`` as an address relative to the page being built."""
    def href(target: str) -> str:
        path, _, section = target.partition("#")
        file = files.get_file_from_path(path)
        if file is None:
            keys = [term.key for term in TERMS if term.home == target]
            raise FileNotFoundError(f"{declared_at(keys[0]) if keys else 'scripts/actsite/pages/glossary.py'}: "
                                    f"the term's home '{target}' is no page of the site")
        return file.url_relative_to(page_file) + (f"#{section}" if section else "")
    return href


def expand(markdown: str, lang: str, href: Callable[[str], str]) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, glossary_table(lang, href))


def check_terms() -> list[str]:
    """Problems in the declarations themselves: duplicate keys, a variant equal to a preferred term."""
    problems = []
    keys = [t.key for t in TERMS]
    problems += [f"{declared_at(k)}: glossary key '{k}' declared twice" for k in sorted({k for k in keys if keys.count(k) > 1})]
    for term in TERMS:
        for lang in ("zh", "en"):
            for variant in term.avoid(lang):
                for other in TERMS:
                    if variant_pattern(variant).search(other.name(lang)):
                        problems.append(f"{declared_at(term.key)}: glossary '{term.key}': variant '{variant_text(variant)}' matches the "
                                        f"preferred term '{other.name(lang)}' of '{other.key}'")
    return problems
