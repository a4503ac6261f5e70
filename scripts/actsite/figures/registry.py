"""Every figure on the site, declared once.

A figure's ``name`` gives its files (``figures/<name>-light.svg``, ``-dark.svg``, and for a
figure too wide for a phone ``<name>-phone-light.svg`` and ``-phone-dark.svg``), its marker in the pages (``![alt](figure:<name> "caption")``) and its tests.  ``plotter`` is a
``module:function`` string so that checking freshness never imports matplotlib; ``args``
are passed to it before the Figure, so one plotter can serve a whole family of figures.
"""
from __future__ import annotations

import functools
import hashlib
import importlib
from dataclasses import dataclass
from pathlib import Path

from actsite.figures.style import THEMES

ROOT = Path(__file__).resolve().parents[3]
# A figure up to this wide (inches) keeps its text at 9 px or more on a phone's text column; a
# wider one also gets a phone layout (actsite.figures.render).  tests/test_figure_checklist.py measures both.
PHONE_SAFE_WIDTH = 6.0

# The modern catalogue (actsite.maths.catalogue.MODERN), one card each; listed here so that checking
# freshness does not import numpy.  A test keeps the two lists equal.
CATALOGUE_KEYS = ("prelu", "rrelu", "elu", "selu", "maxout", "softplus", "gelu", "gelu_tanh",
                  "silu", "mish", "hard_sigmoid", "hard_tanh", "softsign", "relu6", "hard_swish")


@dataclass(frozen=True)
class FigureSpec:
    name: str
    plotter: str                       # "package.module:function"
    size: tuple[float, float]          # inches
    args: tuple[str, ...] = ()         # leading arguments of the plotter, e.g. a function's key
    data: tuple[str, ...] = ()         # committed data files it draws (paths from the project root)

    @property
    def module(self) -> str:
        return self.plotter.partition(":")[0]

    @property
    def function(self) -> str:
        return self.plotter.partition(":")[2]

    def plot(self):
        """The plotter, ready to be called as ``plot(fig, colours)``."""
        function = getattr(importlib.import_module(self.module), self.function)
        return functools.partial(function, *self.args) if self.args else function

    def identity(self) -> str:
        """Everything in the declaration that shapes the figure, for its content hash."""
        data = tuple((name, hashlib.sha256((ROOT / name).read_bytes()).hexdigest()) for name in self.data)
        return repr((self.name, self.plotter, self.size) + ((self.args,) if self.args else ()) + ((data,) if data else ()))

    @property
    def has_phone_layout(self) -> bool:
        return self.size[0] > PHONE_SAFE_WIDTH

    def variants(self) -> list[tuple[str, str, str]]:
        """(theme, layout, filename) of every file the figure is drawn as."""
        layouts = ("wide", "phone") if self.has_phone_layout else ("wide",)
        return [(theme, layout, f"{self.name}-{theme}.svg" if layout == "wide" else f"{self.name}-phone-{theme}.svg")
                for layout in layouts for theme in THEMES]

    def filenames(self) -> list[str]:
        return [filename for _, _, filename in self.variants()]


FIGURES: dict[str, FigureSpec] = {spec.name: spec for spec in (
    FigureSpec("fnn", "actsite.figures.nonlinearity:draw_fnn", (6.0, 4.2)),
    FigureSpec("absolute", "actsite.figures.nonlinearity:draw_absolute", (6.0, 3.6)),
    FigureSpec("quadratic", "actsite.figures.nonlinearity:draw_quadratic", (9.0, 3.8)),
    FigureSpec("tanh", "actsite.figures.nonlinearity:draw_tanh", (6.4, 3.8)),
    FigureSpec("neuron", "actsite.figures.diagrams:draw_neuron", (7.0, 2.8)),
    FigureSpec("shallow", "actsite.figures.diagrams:draw_shallow", (6.4, 3.6)),
    FigureSpec("sparse_paths", "actsite.figures.diagrams:draw_sparse_paths", (9.0, 3.6)),
    FigureSpec("sigmoid", "actsite.figures.cards:draw_sigmoid", (6.4, 3.8)),
    FigureSpec("relu", "actsite.figures.cards:draw_relu", (6.0, 3.6)),
    FigureSpec("leaky_relu", "actsite.figures.cards:draw_leaky_relu", (8.4, 3.4)),
    FigureSpec("activations_compared", "actsite.figures.cards:draw_activations_compared", (10.0, 3.0)),
    FigureSpec("zigzag", "actsite.figures.results:draw_zigzag", (8.4, 4.2)),
    FigureSpec("relu_vs_tanh_training", "actsite.figures.results:draw_relu_vs_tanh_training", (9.0, 3.6)),
    FigureSpec("gradient_depth", "actsite.figures.results:draw_gradient_depth", (10.0, 3.4)),
    FigureSpec("stalled_layers", "actsite.figures.results:draw_stalled_layers", (9.0, 3.4)),
    FigureSpec("dead_relu", "actsite.figures.results:draw_dead_relu", (6.0, 3.6)),
    FigureSpec("sparse_activation", "actsite.figures.results:draw_sparse_activation", (9.0, 3.4)),
    FigureSpec("firing_rate", "actsite.figures.results:draw_firing_rate", (9.0, 3.4)),
    FigureSpec("init_spread", "actsite.figures.initialisation:draw_init_spread", (10.0, 4.0)),
    FigureSpec("selu_fixed_point", "actsite.figures.initialisation:draw_selu_fixed_point", (9.0, 3.4)),
    FigureSpec("gates", "actsite.figures.gated:draw_gates", (7.2, 3.8)),
    FigureSpec("gated_contours", "actsite.figures.gated:draw_gated_contours", (9.0, 4.4)),
    FigureSpec("softmax_temperature", "actsite.figures.output_layers:draw_softmax_temperature", (8.0, 3.6)),
    FigureSpec("stable_vs_naive", "actsite.figures.output_layers:draw_stable_vs_naive", (10.0, 3.6)),
    FigureSpec("attention_scaling", "actsite.figures.transformer_block:draw_attention_scaling", (9.0, 3.6)),
    FigureSpec("norm_placement", "actsite.figures.transformer_block:draw_norm_placement", (10.0, 3.8)),
    FigureSpec("dead_relu_steps", "actsite.figures.dead_relu:draw_dead_relu_steps", (9.0, 3.4)),
    FigureSpec("dead_relu_batchnorm", "actsite.figures.dead_relu:draw_dead_relu_batchnorm", (9.0, 3.4)),
    FigureSpec("cost", "actsite.figures.cost:draw_cost", (6.4, 6.6), data=("data/cost.json",)),
    FigureSpec("sigmoid_tail_formats", "actsite.figures.low_precision:draw_sigmoid_tail_formats", (8.4, 3.4)),
    FigureSpec("low_precision_ranges", "actsite.figures.low_precision:draw_low_precision_ranges", (6.4, 9.0)),
    *(FigureSpec(key, "actsite.figures.catalogue:draw_card", (6.4, 3.4), args=(key,)) for key in CATALOGUE_KEYS),
)}
