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


def test_install_tries_apt_first_and_stops_when_a_browser_appears(no_browsers, monkeypatch):
    tried = []

    def apt():
        tried.append("apt")
        fake_browser(no_browsers, "chromium")
        return True

    monkeypatch.setattr(browser, "INSTALLERS", (apt, lambda: tried.append("playwright") or True))
    assert browser.ensure_chromium() == str(no_browsers / "chromium")
    assert tried == ["apt"]


def test_install_falls_back_to_playwright_when_apt_cannot(no_browsers, monkeypatch):
    bundled = no_browsers / "chrome-linux-headless-shell"

    def playwright_download():
        fake_browser(no_browsers, bundled.name)
        monkeypatch.setattr(browser, "playwright_chromium", lambda playwright=None: str(bundled))
        return True

    monkeypatch.setattr(browser, "INSTALLERS", (lambda: False, playwright_download))
    assert browser.ensure_chromium() == str(bundled)


def test_when_nothing_can_be_installed_the_set_up_stops_with_one_message(no_browsers, monkeypatch, capsys):
    monkeypatch.setattr(browser, "INSTALLERS", (lambda: False, lambda: True))   # "installed" yet still none
    assert browser.main(["--install"]) == 1
    error = capsys.readouterr().err
    assert error.startswith(browser.HOW_TO_GET_ONE) and "no test was run" in error


def test_a_named_browser_that_does_not_run_is_not_papered_over_by_an_install(no_browsers, monkeypatch):
    monkeypatch.setenv("CHROMIUM", str(no_browsers / "missing"))
    monkeypatch.setattr(browser, "INSTALLERS", (lambda: pytest.fail("installed despite CHROMIUM"),))
    with pytest.raises(browser.BrowserNotFound, match="CHROMIUM="):
        browser.ensure_chromium()


@pytest.mark.parametrize("text, expected", [
    ('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n', True),
    ('ID=ubuntu\nID_LIKE=debian\n', True),
    ('ID=linuxmint\nID_LIKE="ubuntu debian"\n', True),
    ('ID=fedora\n', False),
])
def test_apt_is_only_tried_on_debian_and_its_derivatives(tmp_path, text, expected):
    release = tmp_path / "os-release"
    release.write_text(text, encoding="utf-8")
    assert browser.debian_like(release) is expected
    assert browser.debian_like(tmp_path / "absent") is False
