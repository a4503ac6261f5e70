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
    # Drawn in the same frame as the text: 0 frames later.  (Milliseconds between two clock
    # readings in that frame are noise, not a delay; the probe stamps both with the frame's time.)
    assert pages["max_maths_after_text_frames"] == 0
    assert pages["max_maths_shift"] == 0
