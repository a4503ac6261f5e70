"""One way to find a browser, for the browser tests, the benchmark and screenshots.

In order: ``$CHROMIUM`` if set; the system's Chromium or Chrome (on ``PATH``, or macOS's
application bundles); Playwright's own Chromium if ``playwright install chromium`` put one
on this machine.  A candidate counts only if ``--version`` runs, so Ubuntu's snap stub
``chromium-browser`` (a script that only says the snap is missing) is passed over.

``python -m actsite.tooling.browser`` prints what was found; with ``--install`` it first runs
``playwright install chromium`` when nothing is found (``make setup`` does this, and carries
on if the network refuses).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
MACOS_APPS = ("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
              "/Applications/Chromium.app/Contents/MacOS/Chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
HOW_TO_GET_ONE = ("No Chromium or Chrome was found: install one (Debian or Ubuntu: "
                  "`sudo apt-get install chromium`; macOS: Google Chrome), run "
                  "`.venv/bin/playwright install chromium`, or set CHROMIUM=/path/to/chromium.")


class BrowserNotFound(RuntimeError):
    """No usable Chromium or Chrome on this machine."""


def runs(path: str) -> bool:
    """True if ``path --version`` exits 0 and names a browser."""
    try:
        result = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0 and any(word in result.stdout for word in ("Chromium", "Chrome"))


def playwright_chromium(playwright=None) -> str | None:
    """The Chromium that ``playwright install chromium`` downloaded, if it is there.  Pass the
    caller's running Playwright: a second one cannot start inside it."""
    if playwright is None:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:                  # a Python without the project's packages (.ci/run)
            return None
        with sync_playwright() as own:
            return playwright_chromium(own)
    path = playwright.chromium.executable_path
    return path if path and Path(path).exists() else None


def find_chromium(playwright=None) -> str:
    """The path of the browser to drive; raises :class:`BrowserNotFound` with the fix.
    ``playwright``: the caller's running Playwright, if it has one."""
    chosen = os.environ.get("CHROMIUM")
    if chosen:
        if runs(chosen):
            return chosen
        raise BrowserNotFound(f"CHROMIUM={chosen} does not run as a browser (`{chosen} --version` "
                              "failed); point CHROMIUM at a Chromium or Chrome, or unset it.")
    candidates = [shutil.which(name) for name in SYSTEM_NAMES] + list(MACOS_APPS)
    for path in candidates:
        if path and Path(path).exists() and runs(path):
            return path
    bundled = playwright_chromium(playwright)
    if bundled:
        return bundled
    raise BrowserNotFound(HOW_TO_GET_ONE)


def launch(playwright, **options):
    """Launch the browser that :func:`find_chromium` chooses, with flags that keep it offline."""
    return playwright.chromium.launch(executable_path=find_chromium(playwright), args=LAUNCH_ARGS, **options)


def main(argv: list[str]) -> int:
    try:
        print(find_chromium())
        return 0
    except BrowserNotFound as missing:
        if "--install" not in argv:
            print(missing, file=sys.stderr)
            return 1
    print("no system browser: trying `playwright install chromium`", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=False)
    try:
        print(find_chromium())
        return 0
    except BrowserNotFound as missing:
        print(f"warning: {missing} (the browser tests need one)", file=sys.stderr)
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
