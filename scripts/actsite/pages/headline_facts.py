r"""The site's headline facts, each with its one home page: say it once, link to it elsewhere.

A headline fact is a number or result that several pages would like to quote: the saturation
thresholds, the 50-layer gradient measurement, AlexNet's factor of six, Shazeer's table…  Each
:class:`Fact` names the page that measures or derives it (``home``, a path under
``docs/<lang>/content/``, the same in both languages) and the patterns by which a restatement is
recognised in either language (regular expressions, usually the number as printed).

``tests/test_headline_facts.py`` reads every reader page through
:mod:`actsite.pages.reader_text` (prose, headings, lists, tables, alt text and captions, and the
notebooks' Markdown cells; not code, not link addresses, not reference lists) and applies
this rule:

    A pattern of a fact may match on the fact's home page anywhere.  On any other page it may
    match only inside a *block* that links to the home page.  A block is one paragraph (source
    lines up to a blank line), one list item, one table row or one heading; a Chinese paragraph is
    one source line.  "Links to the home page" means the block holds a Markdown link whose
    address, resolved against the linking page, is the home page (any ``#anchor``).

So a page may recall a fact in the sentence that sends the reader to its home ("the sigmoid's
slope is below 0.01 beyond 4.585 ([saturation](…#saturation))"), but not retell it unlinked.
The generated reference tables are not read: they compute each function's numbers from the
maths registry rather than quoting another page.  Each fact's home must itself match at least
one of its patterns, so that a fact which moves is re-homed here too.

Add a fact by adding a record below; see "Headline facts" in README.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from actsite.pages.reader_text import Line, blocks, link_targets, mask


@dataclass(frozen=True)
class Fact:
    key: str
    what: str                           # one line, for the error message
    home: str                           # page path under docs/<lang>/content/
    patterns: tuple[str, ...]           # regular expressions, case-insensitive, for both languages

    def compiled(self) -> re.Pattern:
        return re.compile("|".join(f"(?:{p})" for p in self.patterns), re.I)


NUMBER_END = r"(?![\d.,]\d|\d)"        # "4.585" but not "4.5851" nor "4.585,3"
NUMBER_START = r"(?<![\d.,])"

FACTS: tuple[Fact, ...] = (
    Fact("saturation-thresholds", "sigmoid's slope is below 0.01 for x beyond ±4.585, tanh's beyond ±2.993",
         "blog/posts/when-gradients-vanish.md",
         (rf"{NUMBER_START}4\.58(?:49|5){NUMBER_END}", rf"{NUMBER_START}2\.99(?:32|3){NUMBER_END}")),
    Fact("fifty-layer-gradients", "the 50-layer gradient measurement: ReLU's first-layer gradient 1100 / 5×10⁻⁵ / "
         "5×10⁻⁴⁴ by scale (first/last ratio 1.8), sigmoid's first/last ratio 4×10⁻³¹",
         "blog/posts/when-gradients-vanish.md",
         (r"10\^\{-44\}", r"10⁻⁴⁴", r"(?<![\d.])4\s*(?:\\times|×)\s*10(?:\^\{-31\}|⁻³¹)",
          rf"{NUMBER_START}1100{NUMBER_END}(?!\s*(?:\||iterations\b|次))",     # not a count of iterations
          r"(?<![\d.])1\.8\s*(?:times|each time|倍)")),
    Fact("he-stack-spread", "a 50-layer ReLU stack with He's variance on 500 inputs: ratio 1.01, last-layer gradient about 4700",
         "blog/posts/initialisation.md",
         (rf"{NUMBER_START}4700{NUMBER_END}", rf"{NUMBER_START}1\.01{NUMBER_END}")),
    Fact("stalled-layers", "the stalled-layers run: the sigmoid stack stays at the majority-class error 0.834 and its "
         "first layer moves by about 0.05 %", "blog/posts/when-gradients-vanish.md",
         (rf"{NUMBER_START}0\.834{NUMBER_END}", rf"{NUMBER_START}0\.05\s*%", rf"{NUMBER_START}0\.0005{NUMBER_END}",
          rf"{NUMBER_START}83\s*%", rf"{NUMBER_START}16\.6\s*%")),
    Fact("alexnet-six-times", "Krizhevsky et al. (2012): ReLU reached 25 % training error six times faster than tanh",
         "blog/posts/relu-sparsity-biology.md",
         (r"\bsix times\b", r"\bsix-?fold\b", r"\bfactor of six\b", rf"{NUMBER_START}6\s*×", r"(?<![\d.])6\s*倍", "六倍")),
    Fact("training-speed", "this site's training-speed runs: ReLU 1.2 to 2.15 times faster than tanh",
         "blog/posts/relu-sparsity-biology.md", (rf"(?<!TensorFlow ){NUMBER_START}2\.15{NUMBER_END}",)),
    Fact("dead-unit-shares", "dead ReLU units: 41–45 % of layer 2 at learning rate 1.0, 43–52 % at 2.0",
         "blog/posts/dead-relu-units.md",
         (rf"{NUMBER_START}4[01](?:\.\d)?\s*[–-]\s*4[45](?:\.\d)?\s*%", rf"{NUMBER_START}43\s*[–-]\s*52\s*%",
          rf"{NUMBER_START}24\s*[–-]\s*27\s*%")),
    Fact("glorot-sparsity", "Glorot et al. (2011): 83.4 % and 72.0 % exact zeros in trained rectifier networks",
         "blog/posts/relu-sparsity-biology.md", (rf"{NUMBER_START}83\.4\s*%", rf"{NUMBER_START}72\.0\s*%")),
    Fact("shazeer-table", "Shazeer (2020), Table 1: log-perplexities 1.677–1.683 plain, 1.633–1.663 gated",
         "catalogue/gated-units.md",
         tuple(rf"{NUMBER_START}{n}{NUMBER_END}" for n in
               (r"1\.679", r"1\.683", r"1\.663", r"1\.648", r"1\.645", r"1\.636", r"1\.633"))),
    Fact("zigzag-conditioning", "the zig-zag experiment: κ = 13.7 predicts 54 full-batch steps, and 54 are measured",
         "blog/posts/neuron-gradients-zigzag.md",
         (rf"{NUMBER_START}13\.7{NUMBER_END}", rf"{NUMBER_START}54\s*(?:steps|步|次)")),
    Fact("leaky-relu-mean", "Leaky ReLU's mean output under a standard normal input: 0.395 for a = 0.01",
         "blog/posts/neuron-gradients-zigzag.md", (rf"{NUMBER_START}0\.395{NUMBER_END}",)),
    Fact("batchnorm-fourteen", "Ioffe and Szegedy (2015): batch normalisation reached the same accuracy in 1/14 of the steps",
         "blog/posts/when-gradients-vanish.md",
         (r"(?<![\d.])14\s*×", r"(?<![\d.])14\s*倍", r"\b14 times\b", r"\bfourteen times\b", r"(?<![\d.])1/14(?!\d)")),
    Fact("xor", "XOR cannot be computed by a linear model; two hidden units suffice",
         "blog/posts/why-nonlinear-activations.md", (r"\bXOR\b", "异或")),
    Fact("universal-approximation", "one hidden layer approximates any continuous function (Cybenko; Hornik; Leshno et al.)",
         "blog/posts/why-nonlinear-activations.md", (r"\bCybenko\b", r"\bLeshno\b", r"\bHornik\b")),
    Fact("initialisation-gains", "the squared gains that keep the mean square at 1: g² = 2.54 for tanh, 3.41 for sigmoid",
         "blog/posts/initialisation.md", (rf"{NUMBER_START}2\.54{NUMBER_END}",
          # not "from 3.41 on" / "从 3.41 起": where GELU's derivative rounds to 1 in bfloat16 (low-precision)
          rf"{NUMBER_START}3\.41{NUMBER_END}(?!\s*(?:on\b|起))")),
    Fact("gelu-silu-gains", "GELU's gain 1.534 / 1.440 and SiLU's 1.677 / 1.508 at q = 1 / 4; ten such layers at He's gain "
         "shrink the mean square to 0.029 / 0.0036", "blog/posts/initialisation.md",
         (rf"{NUMBER_START}1\.53[34]\d*{NUMBER_END}", rf"{NUMBER_START}1\.440?{NUMBER_END}", rf"{NUMBER_START}1\.508\d*{NUMBER_END}",
          rf"{NUMBER_START}0\.029\d*{NUMBER_END}", rf"{NUMBER_START}0\.0036\d*{NUMBER_END}")),
    Fact("low-precision-saturation", "rounded to a 16-bit format, σ is exactly 1 from 6.25 (bfloat16), 8.32 (float16), "
         "17.33 (float32), and tanh is ±1 from 3.47 in bfloat16", "catalogue/low-precision.md",
         tuple(rf"{NUMBER_START}{n}{NUMBER_END}" for n in (r"6\.25", r"8\.32", r"17\.33", r"3\.47"))),
    Fact("float16-overflow", "eˣ overflows in float16 beyond x = 11.09 (ln 65504)", "catalogue/low-precision.md",
         (rf"{NUMBER_START}11\.09{NUMBER_END}",)),
    Fact("attention-scaling", "unscaled attention over 64 keys at d_k = 64: entropy 0.58 nats; the scaled entropy stays "
         "within 3.68–3.75 nats; the unscaled Jacobian's median falls to 2.6×10⁻⁴ at d_k = 1024",
         "catalogue/transformer-block.md",
         (rf"{NUMBER_START}0\.58\s*(?:nats|奈特)", rf"{NUMBER_START}3\.68\s*(?:–|to|and|到)\s*3\.75",
          r"(?<![\d.])2\.6\s*(?:\\times|×)\s*10(?:\^\{-4\}|⁻⁴)")),
    Fact("logit-control-settings", "Gemma 2 soft-caps attention scores at 50 and final logits at 30; PaLM's z-loss "
         "coefficient is 10⁻⁴", "catalogue/transformer-block.md",
         (r"(?:soft-?cap\w*|软上限)[^.。\n]{0,60}?(?<![\d.])(?:50|30)(?![\d.])",
          r"(?:z-loss|z 损失)[^.。\n]{0,60}?10(?:\^\{-4\}|⁻⁴)")),
)


@dataclass(frozen=True)
class Restatement:
    fact: Fact
    line: Line
    found: str

    def __str__(self) -> str:
        return (f"{self.line.where}:{self.line.number}: '{self.found}' restates {self.fact.key} "
                f"({self.fact.what}) without linking to its home, {self.fact.home}")


def restatements(lines: list[Line], page: str) -> list[Restatement]:
    """Every match of a fact's pattern in a block of ``page`` that does not link to the fact's home."""
    out = []
    for block in blocks(lines):
        linked = link_targets("\n".join(line.text for line in block), page)
        for fact in FACTS:
            if fact.home == page or fact.home in linked:
                continue
            pattern = fact.compiled()
            for line in block:
                out += [Restatement(fact, line, m.group(0)) for m in pattern.finditer(mask(line.text, maths=False))]
    return out


def stated_on(lines: list[Line], fact: Fact) -> bool:
    pattern = fact.compiled()
    return any(pattern.search(mask(line.text, maths=False)) for line in lines)
