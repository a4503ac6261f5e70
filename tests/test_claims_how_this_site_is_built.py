"""Claims of the "How this site is built" page that the benchmark's committed results back."""
from __future__ import annotations

import json

from actsite.tooling.bench_report import BEFORE, RESULTS


def test_client_mathjax_was_more_than_half_of_an_article_page():
    """'Every reader then downloads that script and its fonts, which is more than half of what
    an article page weighs' (the site as it was, measured by the same benchmark)."""
    pages = json.loads(BEFORE.read_text(encoding="utf-8"))["pages"]
    assert pages["median_article_maths_kb"] > 0.5 * pages["median_article_kb"]
    assert pages["pages_running_mathjax"] > 0


def test_now_no_page_runs_mathjax_and_maths_comes_with_the_text():
    """'a page arrives with its maths finished, and no script runs to draw it'"""
    pages = json.loads(RESULTS.read_text(encoding="utf-8"))["pages"]
    assert pages["pages_running_mathjax"] == 0 and pages["median_article_maths_kb"] == 0
    assert pages["max_maths_after_text_ms"] == 0
    assert pages["max_maths_shift"] == 0


def test_the_playground_copy_is_held_to_the_stated_tolerances():
    """'compare it with the Python module ... to a relative error of 10^-12', 'for 150 steps,
    requiring the losses and every layer's gradient norm to agree to 10^-9'"""
    import test_playground_maths
    import test_playground_training
    assert test_playground_maths.RELATIVE == 1e-12
    assert test_playground_training.STEPS == 150 and test_playground_training.RELATIVE == 1e-9
