"""What the notebooks print, in the reader's language.

A notebook and its twin run the same code; only the words they print differ.  ``say(key, **values)``
prints ``TEXT[lang][key]`` filled in with ``values``.  A string field with a width (``{label:16s}``,
``{name:>10s}``) is padded to that many terminal columns, not characters: a Chinese character takes
two columns, so the columns of a table line up in both languages by construction.  The language is that of the folder the
notebook runs in (``docs/<lang>/content/notebooks/``: the build and Jupyter both start the kernel
there), or ``ACTSITE_LANG`` when set, for running a notebook from anywhere else.
"""
from __future__ import annotations

import os
import re
import string
import unicodedata
from collections.abc import MutableMapping
from pathlib import Path

from actsite.sources import content_hash, script_imports

LANGUAGES = ("zh", "en")

TEXT: dict[str, dict[str, str]] = {"en": {
    # relu-square
    "square_row": "n = {n:3d}   largest error = {error:.6f}   error × n² = {scaled:.4f}",
    "square_bias": "p_{n}: output bias {bias:g}",
    "square_unit": "  unit switching on at x = {switch:g}: outgoing weight {weight:g}",
    "square_far": "p_{n}({x:g}) = {value:.1f}, misses x² by {error:.1f}",
    "square_try": "n = {n}: largest error on [-2, 2] = {error:.6f}",
    # dead-relu
    "dead_setup": "layer sizes: {sizes}   steps: {steps}   seeds: {seeds}",
    "dead_header_relu": "\ndead units (ReLU), % of each hidden layer, and training error (%), one value per seed",
    "dead_header_leaky_relu": "\ninactive units (Leaky ReLU), % of each hidden layer, and training error (%), one value per seed",
    "dead_diverged": "  η = {lr:<5s} diverged in every seed: the weights overflowed",
    "dead_row": "  η = {lr:<5s} first layer: {first:<17s} second layer: {second:<17s} error: {error}",
    "dead_header_at_init": "\ndead units at initialisation, out of {units} per hidden layer",
    "dead_at_init": "  seed {seed}: first layer: {first}   second layer: {second}",
    "dead_largest_z": "largest pre-activation of unit {unit} over the data: {z:.3f}",
    "dead_fraction": "dead units: {first} of {units_1} in the first layer, {second} of {units_2} in the second layer",
    "dead_grads": "dead unit {unit}:   largest |incoming-weight gradient| = {w:g}   bias gradient = {b:g}   largest |outgoing-weight gradient| = {out:g}",
    "dead_live_grads": "live unit {unit}:   largest |incoming-weight gradient| = {w:.4f}   bias gradient = {b:.4f}",
    "dead_unchanged": "unit {unit}'s weights and bias unchanged, bit for bit, after {steps} steps: {same}",
    "dead_live_moved": "live unit {unit}: its incoming weights moved by {distance:.3f} (Euclidean distance)",
    "dead_still": "unit {unit} still dead (pre-activation at most zero on every training point): {dead}",
    "dead_revived": "learning rate {lr}, seed {seed}: {revived} of the {ever} second-layer units dead at some checked step are alive at step {last}",
    "dead_try": "learning rate {lr}, seed {seed}: {dead} of {units} second-layer units dead after {steps} steps ({share:.1f}%)",
    "dead_try_inactive": "learning rate {lr}, seed {seed}: {dead} of {units} second-layer units inactive after {steps} steps ({share:.1f}%)",
    "dead_try_diverged": "learning rate {lr}, seed {seed}: diverged: the weights overflowed within {steps} steps",
    # gradient-depth
    "depth_setup": "{depth} layers of {width} units; weight standard deviation: {stds}",
    "depth_header": "{blank:20s} {first:>10s} {last:>10s} {ratio:>11s} {factor:>17s}",
    "depth_row": "{label:20s} {first:10.2e} {last:10.2e} {ratio:11.3g} {factor:17.4f}",
    "depth_columns": "layer 1|layer 50|first/last|factor per layer",
    "depth_power": "2^(−49/2) = {value:.3e}",
    "depth_xavier_he": "Xavier / He, layer by layer: smallest {low:.6e}, largest {high:.6e}",
    "depth_sigmoid_header": "{scale:20s} {n_var:>9s} {predicted:>10s} {measured:>9s}",
    "depth_sigmoid_row": "{scale:20s} {n_var:9.4g} {predicted:10.3f} {measured:9.3f}",
    "depth_sigmoid_columns": "|n σ_w²|predicted|measured",
    "depth_sigmoid_corrected": "{scale:20s} q* {q:.4f}   E[f′²] at q* {slope:.4f}   corrected {corrected:.4f}   measured {measured:.4f}",
    "depth_std": "{key:20s} output std: layer 1 {first:.3g}, layer 50 {last:.3g}, factor per layer {factor:.3f}",
    "depth_layer": "hidden layer {layer}: mean output {mean:.3f}, spread across inputs {spread:.2e}{change}",
    "depth_change": "   ×{factor:.3f}",
    "depth_grad_norms": "gradient norm of each weight matrix at initialisation:",
    "depth_grad_row": "  {label:17s} {norm:.1e}",
    "depth_grad_layer": "layer {layer}:", "depth_grad_output": "layer {layer} (output):",
    "depth_common_class": "most common class: {share:.1%} of the points, so always answering it gives an error of {error:.3f}",
    "depth_try": "{label}, seed {seed}: layer 1 {first:.2e}, layer 50 {last:.2e}, first/last {ratio:.3g}",
    # training-speed
    "speed_setup": "layer sizes: {sizes}   check every {every} steps",
    "speed_row": "η = {lr:<5g} seed {seed}:  ReLU {relu:6.0f}   tanh {tanh:6.0f}   tanh/ReLU {ratio:.2f}",
    "speed_median": "η = {lr:<5g} median ReLU {relu:5.0f}   median tanh {tanh:5.0f}   ρ = {rho:.2f}",
    "speed_best": "best against best: tanh {tanh:.0f} / ReLU {relu:.0f} = {ratio:.2f}",
    "speed_curve": "{key:4s}: median curve reaches 25% after {reach:.0f} steps; error after 1000 steps {error:.3f}",
    "speed_dead": "η = {lr:<5g} seed {seed}:  after {steps} steps, {share:.0%} of the ReLU units of the second hidden layer are dead",
    "speed_dead_plain": "η = {lr:<5g} seed {seed}:  without momentum, after {steps} steps, {share:.0%} of the ReLU units of the second hidden layer are dead",
    "act_sigmoid": "sigmoid", "act_tanh": "tanh", "act_relu": "ReLU",
    "init_small": "small scale", "init_xavier": "Xavier", "init_he": "He",
    "depth_std_item": "{std:.3g} ({label})", "list_sep": ", ",
    "yes": "yes", "no": "no",
}, "zh": {
    "square_row": "n = {n:3d}   最大误差 = {error:.6f}   误差 × n² = {scaled:.4f}",
    "square_bias": "p_{n}：输出偏置 {bias:g}",
    "square_unit": "  在 x = {switch:g} 处开启的单元：输出权重 {weight:g}",
    "square_far": "p_{n}({x:g}) = {value:.1f}，与 x² 相差 {error:.1f}",
    "square_try": "n = {n}：在 [-2, 2] 上的最大误差 = {error:.6f}",
    "dead_setup": "各层大小：{sizes}   训练步数：{steps}   随机种子：{seeds}",
    "dead_header_relu": "\n死亡单元（ReLU）：在各隐藏层中的占比（%）与训练误差（%），每个种子一个值",
    "dead_header_leaky_relu": "\n不活跃单元（Leaky ReLU）：在各隐藏层中的占比（%）与训练误差（%），每个种子一个值",
    "dead_diverged": "  学习率 {lr:<5s} 所有种子都发散了：权重溢出",
    "dead_row": "  学习率 {lr:<5s} 第一层 {first:<17s} 第二层 {second:<17s} 误差 {error}",
    "dead_header_at_init": "\n初始化时的死亡单元（每个隐藏层共 {units} 个）",
    "dead_at_init": "  种子 {seed}：第一层 {first} 个，第二层 {second} 个",
    "dead_largest_z": "{unit} 号单元在全部数据上的最大预激活值：{z:.3f}",
    "dead_fraction": "死亡单元：第一层 {units_1} 个中有 {first} 个，第二层 {units_2} 个中有 {second} 个",
    "dead_grads": "已死亡的 {unit} 号单元：输入权重梯度的最大绝对值 = {w:g}   偏置梯度 = {b:g}   输出权重梯度的最大绝对值 = {out:g}",
    "dead_live_grads": "未死亡的 {unit} 号单元：输入权重梯度的最大绝对值 = {w:.4f}   偏置梯度 = {b:.4f}",
    "dead_unchanged": "{steps} 步之后，{unit} 号单元的权重和偏置是否与原来逐位相同：{same}",
    "dead_live_moved": "未死亡的 {unit} 号单元：输入权重移动的欧氏距离为 {distance:.3f}",
    "dead_still": "{unit} 号单元是否仍然死亡（在全部训练样本上都不开启）：{dead}",
    "dead_revived": "学习率 {lr}，种子 {seed}：曾在某个检查点死亡的 {ever} 个第二层单元中，有 {revived} 个在第 {last} 步时是活的",
    "dead_try": "学习率 {lr}，种子 {seed}：训练 {steps} 步后，第二层 {units} 个单元中死亡 {dead} 个（{share:.1f}%）",
    "dead_try_inactive": "学习率 {lr}，种子 {seed}：训练 {steps} 步后，第二层 {units} 个单元中不活跃 {dead} 个（{share:.1f}%）",
    "dead_try_diverged": "学习率 {lr}，种子 {seed}：发散了，{steps} 步之内权重就已溢出",
    "depth_setup": "{depth} 层，每层 {width} 个单元；权重标准差：{stds}",
    "depth_header": "{blank:20s} {first:>10s} {last:>10s} {ratio:>11s} {factor:>13s}",
    "depth_row": "{label:20s} {first:10.2e} {last:10.2e} {ratio:11.3g} {factor:13.4f}",
    "depth_columns": "第 1 层|第 50 层|首层/末层|每层因子",
    "depth_power": "2^(−49/2) = {value:.3e}",
    "depth_xavier_he": "逐层计算 Xavier 与 He 的梯度之比：最小 {low:.6e}，最大 {high:.6e}",
    "depth_sigmoid_header": "{scale:20s} {n_var:>9s} {predicted:>10s} {measured:>9s}",
    "depth_sigmoid_row": "{scale:20s} {n_var:9.4g} {predicted:10.3f} {measured:9.3f}",
    "depth_sigmoid_columns": "|n σ_w²|预测|实测",
    "depth_sigmoid_corrected": "{scale:20s} q* {q:.4f}   q* 处的 E[f′²] {slope:.4f}   修正后 {corrected:.4f}   实测 {measured:.4f}",
    "depth_std": "{key:20s} 输出标准差：第 1 层 {first:.3g}，第 50 层 {last:.3g}，每层因子 {factor:.3f}",
    "depth_layer": "第 {layer} 个隐藏层：输出均值 {mean:.3f}，不同输入间的离散程度 {spread:.2e}{change}",
    "depth_change": "   ×{factor:.3f}",
    "depth_grad_norms": "初始化时各权重矩阵的梯度范数：",
    "depth_grad_row": "  {label:19s} {norm:.1e}",
    "depth_grad_layer": "第 {layer} 层：", "depth_grad_output": "第 {layer} 层（输出层）：",
    "depth_common_class": "最常见的类别占全部点的 {share:.1%}，所以一律回答它，误差是 {error:.3f}",
    "depth_try": "{label}，种子 {seed}：第 1 层 {first:.2e}，第 50 层 {last:.2e}，首层/末层 {ratio:.3g}",
    "speed_setup": "各层宽度：{sizes}   每 {every} 步检查一次",
    "speed_row": "η = {lr:<5g} 种子 {seed}：ReLU {relu:6.0f}   tanh {tanh:6.0f}   tanh/ReLU {ratio:.2f}",
    "speed_median": "η = {lr:<5g} ReLU 中位数 {relu:5.0f}   tanh 中位数 {tanh:5.0f}   ρ = {rho:.2f}",
    "speed_best": "各取最佳：tanh {tanh:.0f} / ReLU {relu:.0f} = {ratio:.2f}",
    "speed_curve": "{key:4s}：中位数曲线在 {reach:.0f} 步后降到 25%；1000 步后误差为 {error:.3f}",
    "speed_dead": "η = {lr:<5g} 种子 {seed}：{steps} 步后，第 2 个隐藏层中已死亡的 ReLU 单元占 {share:.0%}",
    "speed_dead_plain": "η = {lr:<5g} 种子 {seed}：不带动量，{steps} 步后，第 2 个隐藏层中已死亡的 ReLU 单元占 {share:.0%}",
    "act_sigmoid": "sigmoid", "act_tanh": "tanh", "act_relu": "ReLU",
    "init_small": "小尺度", "init_xavier": "Xavier", "init_he": "He",
    "depth_std_item": "{std:.3g}（{label}）", "list_sep": "、",
    "yes": "是", "no": "否",
}}


def language(cwd: Path | None = None) -> str:
    """The notebook's language: ``ACTSITE_LANG``, else the ``<lang>`` in ``docs/<lang>/content/``."""
    chosen = os.environ.get("ACTSITE_LANG")
    if chosen:
        if chosen not in LANGUAGES:
            raise ValueError(f"ACTSITE_LANG={chosen!r}: expected one of {', '.join(LANGUAGES)}")
        return chosen
    parts = (cwd or Path.cwd()).resolve().parts
    for lang, content in zip(parts, parts[1:]):
        if lang in LANGUAGES and content == "content":
            return lang
    return "en"


def is_wide(c: str) -> bool:
    """Whether ``c`` takes two monospace columns (a wide or full-width, mostly CJK, character)."""
    return unicodedata.east_asian_width(c) in "WF"


def display_width(text: str) -> int:
    """Terminal columns taken by ``text``: two for a wide (CJK) character, none for a combining mark."""
    return sum(0 if unicodedata.combining(c) else 2 if is_wide(c) else 1 for c in text)


def pad(text: str, width: int, align: str = "<", fill: str = " ") -> str:
    """``text`` padded with ``fill`` to ``width`` columns, aligned left (<), right (>) or centred (^)."""
    gap = max(0, width - display_width(text))
    left = {"<": 0, ">": gap, "^": gap // 2}[align]
    return fill * left + text + fill * (gap - left)


STRING_SPEC = re.compile(r"^(?:(?P<fill>.)?(?P<align>[<>^]))?(?P<width>\d+)s?$")


class _ColumnFormatter(string.Formatter):
    """str.format, except that a string field's width counts display columns (see :func:`pad`)."""

    def format_field(self, value, format_spec):
        match = STRING_SPEC.match(format_spec) if isinstance(value, str) else None
        if match:
            return pad(value, int(match["width"]), match["align"] or "<", match["fill"] or " ")
        return super().format_field(value, format_spec)


FORMATTER = _ColumnFormatter()


def words(key: str, lang: str | None = None) -> str:
    return TEXT[lang or language()][key]


def sentence(key: str, /, lang: str | None = None, **values) -> str:
    """The sentence ``key`` in ``lang`` (default: the notebook's), filled in with ``values``."""
    return FORMATTER.format(words(key, lang), **values)


def say(key: str, /, **values) -> None:
    """Print the sentence ``key`` in the notebook's language, filled in with ``values``."""
    print(sentence(key, **values))


def yes_no(flag: bool) -> str:
    return words("yes" if flag else "no")


# nbconvert, which the notebook plugin runs, reads its settings from the Jupyter config path.  The
# project's file there runs nbconvert's stream-merging step after execution (by default it runs
# before, on no output): lines a cell prints while it computes arrive in several pieces, and
# without the merge a table printed around a slow line is split into separate boxes on the page.
NBCONVERT_CONFIG_DIR = Path(__file__).resolve().parents[3] / "docs" / "jupyter"
NBCONVERT_CONFIG = NBCONVERT_CONFIG_DIR / "jupyter_nbconvert_config.json"


def use_project_nbconvert_config(environ: MutableMapping[str, str]) -> None:
    """Put the project's nbconvert settings first on the Jupyter config path in ``environ``."""
    paths = [str(NBCONVERT_CONFIG_DIR), *filter(None, environ.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep))]
    environ["JUPYTER_CONFIG_PATH"] = os.pathsep.join(dict.fromkeys(paths))


def output_cache_dir(configured: str, notebooks: list[Path]) -> str:
    """Where the notebook plugin keeps executed notebooks: one folder per version of the project
    code they import and of the nbconvert settings above.  The plugin's own key covers a notebook's
    bytes only, so without this an edit to, say, the strings above would leave every page printing
    the old words."""
    modules = sorted({module for notebook in notebooks for module in script_imports(notebook)})
    settings = NBCONVERT_CONFIG.read_text(encoding="utf-8")
    return str(Path(configured) / content_hash(*modules, extra=settings)[:16]) if modules else configured


# The notebook plugin's copy button carries two fixed English strings; a Chinese page shows them
# in Chinese.  The patterns match the plugin's template (mkdocs-jupyter 0.27.0) as written and as
# re-serialised by the time the page is written (``hidden=""``).
COPY_BUTTON = {"zh": ((re.compile(r'aria-label="Copy to Clipboard"'), 'aria-label="复制到剪贴板"'),
                      (re.compile(r'(<span class="notice" hidden(?:="")?>)Copied!(</span>)'), r"\g<1>已复制\g<2>"))}


PRINTED_OUTPUT = re.compile(r'(<div class="jp-RenderedText jp-OutputArea-output"[^>]*>\s*<pre>)(.*?)(</pre>)', re.S)


def wide_character_cells(page_html: str) -> str:
    """``page_html`` with each wide character that a notebook printed set in a cell two columns wide.

    :func:`pad` counts such a character as two monospace columns, but a browser draws it with
    whatever CJK font the reader has, rarely exactly two columns wide; the cell (``span.wide``,
    ``width: 2ch`` in the site's style sheet) keeps the printed columns lined up.  Only printed
    output is touched: markup inside it is ASCII, so no tag or entity is split."""
    def cells(match: re.Match) -> str:
        text = "".join(f'<span class="wide">{c}</span>' if is_wide(c) else c for c in match[2])
        return match[1] + text + match[3]
    return PRINTED_OUTPUT.sub(cells, page_html)


def localise_copy_button(page_html: str, lang: str) -> str:
    """``page_html`` with the notebook copy button's words in ``lang`` (unchanged for English)."""
    for english, translated in COPY_BUTTON.get(lang, ()):
        page_html = english.sub(translated, page_html)
    return page_html
