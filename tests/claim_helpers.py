"""Helpers shared by claim tests: a page's source in one language, a figure's plotted data, the
synthetic task rebuilt from its description."""
from __future__ import annotations

import contextlib
import io
import re

import numpy as np

from actsite.experiments import training_speed
from actsite.experiments.datasets import voronoi
from actsite.experiments.mlp import MLP, minibatches
from actsite.figures.registry import FIGURES
from actsite.pages.page_pairs import CONTENT, notebook_cells
from actsite.figures.render import draw
from actsite.pages.notebook_text import display_width

LANGS = ("en", "zh")


def page_text(page: str, lang: str) -> str:
    return (CONTENT[lang] / page).read_text(encoding="utf-8")


def table_rows(text: str, start: str, end: str) -> dict[str, list[str]]:
    """The Markdown table rows between the anchors ``start`` and ``end``: first cell -> the other cells."""
    section = text.split(start, 1)[1].split(end, 1)[0]
    return {cells[0]: cells[1:] for line in section.splitlines() if line.startswith("| ") and "---" not in line
            for cells in [[c.strip() for c in line.strip("| ").split("|")]]}


def plotted(name: str) -> dict:
    """The data a registered figure's plotter returns, drawn in the light theme."""
    spec = FIGURES[name]
    return draw(spec.plot(), "light", spec.size)[1]


def display_equations(page: str, lang: str) -> set[str]:
    """The page's display equations, with whitespace normalised."""
    from actsite.pages.page_pairs import DISPLAY_MATH
    return {" ".join(e.split()) for e in DISPLAY_MATH.findall(page_text(page, lang))}


def assert_voronoi_matches_its_description(seed: int) -> np.ndarray:
    """Rebuild the synthetic task from the words the pages use (standard normal inputs, each labelled
    with the class of the nearest of 100 random centres, each centre given one of 10 classes at
    random) and check that the experiments' data set is exactly that.  Returns each centre's class."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(100, 10))
    owner = rng.integers(10, size=100)
    X = rng.normal(size=(4000, 10))
    nearest = ((X[:, None, :] - centres[None]) ** 2).sum(axis=2).argmin(axis=1)
    X2, y2 = voronoi(seed=seed)
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(owner[nearest], y2)
    return owner


def run_notebook(page: str, lang: str) -> tuple[dict, list[str]]:
    """(namespace, printed lines) of a notebook's code cells in one language, run in order as a reader runs them."""
    namespace, printed = {}, io.StringIO()
    with contextlib.redirect_stdout(printed):
        for cell in notebook_cells(page_text(page, lang))[1]:
            exec(cell, namespace)
    return namespace, printed.getvalue().splitlines()


# Printed tables, measured in display columns (a Chinese character takes two).

def label_ends(header):
    """The display column at which each label of a header ends (a label's words are one space apart)."""
    return [display_width(header[:m.end()]) for m in re.finditer(r"\S+(?: \S+)*", header)]


def field_ends(row):
    """The display column at which each run of non-space characters of a row ends."""
    return [display_width(row[:m.end()]) for m in re.finditer(r"\S+", row)]


def field_starts(row):
    return [display_width(row[:m.start()]) for m in re.finditer(r"\S+", row)]


def start_at_0_3(key: str, seed: int, nudge: str | None):
    """The training-speed run of `key` with `seed` before its first step, as (net, X, y, mini-batches), with every
    initial weight ("weights") or every input ("inputs") moved to the next float64 number up, a change in its last
    binary digit (None: the run as it is)."""
    X, y = voronoi(seed=100 + seed)
    net = MLP.create(training_speed.SIZES, key, training_speed.INIT[key], seed=seed)
    if nudge == "weights":
        for W in net.weights:
            W[...] = np.nextafter(W, np.inf)
    elif nudge == "inputs":
        X = np.nextafter(X, np.inf)
    return net, X, y, minibatches(len(X), 128, np.random.default_rng(seed))


def steps_to_target_at_0_3(key: str, seed: int, nudge: str | None) -> float:
    """Steps to 25% at η = 0.3 for the training-speed run of `key` with `seed`, nudged as `start_at_0_3` says."""
    net, X, y, batches = start_at_0_3(key, seed, nudge)
    for step in range(1, training_speed.MAX_STEPS + 1):
        idx = next(batches)
        net.sgd_step(X[idx], y[idx], 0.3, momentum=0.9)
        if step % training_speed.EVERY == 0 and net.error_rate(X, y) <= training_speed.TARGET_ERROR:
            return float(step)
    return np.inf
