"""actsite.tooling.browser: one way to find a Chromium, and one clear sentence when there is none."""
from __future__ import annotations

import pytest

from actsite.tooling import browser


def fake_browser(directory, name, output="Chromium 156.0.8078.114", status=0):
    path = directory / name
    path.write_text(f"#!/bin/sh\necho '{output}'\nexit {status}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.fixture
def no_browsers(tmp_path, monkeypatch):
    """A machine with nothing on PATH, no macOS apps and no Playwright download."""
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(browser, "MACOS_APPS", ())
    monkeypatch.setattr(browser, "playwright_chromium", lambda playwright=None: None)
    return tmp_path


def test_chromium_variable_wins(no_browsers, monkeypatch):
    fake_browser(no_browsers, "chromium")
    chosen = fake_browser(no_browsers, "elsewhere")
    monkeypatch.setenv("CHROMIUM", str(chosen))
    assert browser.find_chromium() == str(chosen)


def test_a_chromium_variable_that_does_not_run_is_an_error_not_a_fallback(no_browsers, monkeypatch):
    fake_browser(no_browsers, "chromium")
    monkeypatch.setenv("CHROMIUM", str(no_browsers / "missing"))
    with pytest.raises(browser.BrowserNotFound, match="CHROMIUM=.*missing"):
        browser.find_chromium()


def test_system_browsers_in_order_skipping_ubuntu_s_snap_stub(no_browsers):
    fake_browser(no_browsers, "chromium-browser", "Command requires the chromium snap", status=1)
    chrome = fake_browser(no_browsers, "google-chrome", "Google Chrome 150.0")
    assert browser.find_chromium() == str(chrome)
    chromium = fake_browser(no_browsers, "chromium")
    assert browser.find_chromium() == str(chromium)


def test_playwright_s_own_browser_is_the_last_resort(no_browsers, monkeypatch):
    bundled = fake_browser(no_browsers, "chrome-linux-headless-shell")
    monkeypatch.setattr(browser, "playwright_chromium", lambda playwright=None: str(bundled))
    assert browser.find_chromium() == str(bundled)


def test_no_browser_at_all_is_one_sentence_that_says_how_to_get_one(no_browsers):
    with pytest.raises(browser.BrowserNotFound) as missing:
        browser.find_chromium()
    message = str(missing.value)
    assert message == browser.HOW_TO_GET_ONE
    assert "apt-get install chromium" in message and "playwright install chromium" in message
    assert "CHROMIUM=" in message and message.count(". ") == 0   # one sentence
