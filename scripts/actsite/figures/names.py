"""How a figure writes a function's name: as the prose and the tables do (the glossary's "Leaky ReLU",
"sigmoid" rather than σ, the hard functions as two words, "Maxout" capitalised), otherwise the
registry's symbol. Every plotter that labels a function by name goes through :func:`written_name`."""
from __future__ import annotations

from actsite.maths.catalogue import EVERY

WRITTEN = {"sigmoid": r"\mathrm{sigmoid}", "leaky_relu": r"\mathrm{Leaky\ ReLU}",
           "hard_sigmoid": r"\mathrm{hard\ sigmoid}", "hard_tanh": r"\mathrm{hard\ tanh}",
           "hard_swish": r"\mathrm{hard\ swish}", "maxout": r"\mathrm{Maxout}"}


def written_name(key: str) -> str:
    """The function's name as mathtext, without the dollar signs."""
    return WRITTEN.get(key, EVERY[key].symbol)


def signed(value: float, digits: int = 3) -> str:
    """A number for mathtext whose minus sign is a sign, not a binary operator (which mathtext
    spaces after a comma: "(0.5, − 0.2)")."""
    return f"{value:.{digits}f}".replace("-", "{-}")
