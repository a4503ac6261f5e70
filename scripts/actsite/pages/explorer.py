"""Data for the interactive explorer, computed from the maths registry.

The browser never evaluates a formula: for every function it receives the values and
derivatives the registry gives on a fixed grid, and for every shape parameter one curve per
slider position.  The curve colours are the figures' line colours, for both themes.  The file is built in memory on each build and served as
``assets/explorer-data.json`` by both language projects.
"""
from __future__ import annotations

import json
import re

import numpy as np

from actsite.maths.catalogue import EVERY, Activation
from actsite.maths.functions import Param
from actsite.figures.style import LINE_COLOURS, THEMES, palette

DESTINATION = "assets/explorer-data.json"
X = np.round(np.linspace(-4.0, 4.0, 161), 10)      # step 0.05
SLIDER_POSITIONS = 21                               # steps of 0.1 for a range of 2
DIGITS = 5                                          # 1e-5 is far below a pixel
SYMBOLS = {r"\alpha": "α", r"\beta": "β", r"\lambda": "λ"}   # a slider's label shows the letter, not TeX


def symbol(param: Param) -> str:
    """The parameter's symbol as text: its TeX letter, or the TeX itself when it is plain."""
    if param.latex in SYMBOLS:
        return SYMBOLS[param.latex]
    if param.latex.isalnum():
        return param.latex
    raise ValueError(f"explorer: no plain-text symbol for parameter {param.name!r} ({param.latex!r}); add it to SYMBOLS")


def slider_values(param: Param) -> list[float]:
    """Evenly spaced positions from lo to hi, with the default always among them."""
    values = set(np.round(np.linspace(param.lo, param.hi, SLIDER_POSITIONS), 6)) | {param.default}
    return sorted(float(v) for v in values)


def short_names(act: Activation) -> dict[str, str]:
    """The chart legend's name: the registry name without its explanation in brackets, or the
    bracket alone when it holds the function's own short name ("Hyperbolic tangent (tanh)" → "tanh").

    An English label is spelled as the prose spells the function, which is how the Chinese name
    keeps it: "Hard sigmoid" becomes "hard sigmoid" because the Chinese name writes "hard sigmoid",
    while "Leaky ReLU" stays, as the Chinese name writes it too."""
    def short(name: str) -> str:
        bracket = re.search(r"[(（]([^)）]*)[)）]\s*$", name)
        if bracket and bracket.group(1) == act.key:
            return act.key
        return re.split(r" \(|（", name)[0]
    names = {lang: short(name) for lang, name in act.names.items()}
    first = names["en"].split(" ")[0]
    if first != first.lower() and re.search(rf"(?<![A-Za-z]){re.escape(first.lower())}(?![A-Za-z])", names["zh"]):
        names["en"] = first.lower() + names["en"][len(first):]
    return names


def _curve(act: Activation, **params: float) -> dict[str, list[float]]:
    kw = {**act.defaults(), **params}
    df = act.df(X, **kw)
    df = np.where(np.isin(X, act.kinks + act.joins), np.nan, df)   # f' may jump there for other parameters
    return {"f": _rounded(act.f(X, **kw)), "df": _rounded(df)}


def _rounded(values: np.ndarray) -> list[float | None]:
    return [None if np.isnan(v) else round(float(v), DIGITS) for v in values]


def function_data(act: Activation) -> dict:
    entry = {"key": act.key, "names": act.names, "short": short_names(act), "latex": act.latex, "family": act.family,
             "default": _curve(act), "params": []}
    for param in act.params:
        values = slider_values(param)
        entry["params"].append({
            "name": param.name, "latex": param.latex, "symbol": symbol(param), "default": param.default, "values": values,
            "curves": [_curve(act, **{param.name: v}) for v in values],
        })
    return entry


def explorer_data() -> dict:
    colours = [{theme: palette(theme)[role] for theme in THEMES} for role in LINE_COLOURS]
    return {"x": [float(v) for v in X], "colours": colours, "functions": [function_data(a) for a in EVERY.values()]}


def explorer_json() -> str:
    return json.dumps(explorer_data(), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
