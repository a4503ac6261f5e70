"""One way to find a browser, for the browser tests, the benchmark and screenshots, and one way
to get one.

Found, in order: ``$CHROMIUM`` if set; the system's Chromium or Chrome (on ``PATH``, or macOS's
application bundles); Playwright's own Chromium if ``playwright install chromium`` put one
on this machine.  A candidate counts only if ``--version`` runs, so Ubuntu's snap stub
``chromium-browser`` (a script that only says the snap is missing) is passed over.

``python -m actsite.tooling.browser`` prints what was found.  With ``--install`` (``make test``
and ``make bench`` run it before any test), when nothing is found it gets one the way a
maintainer would: on Debian or Ubuntu, as root or with password-less sudo, ``apt-get install
chromium``; else Playwright's own download; and if that fails too it exits 1 with one message
that says what to do, so that no test runs without a browser.
"""
from __future__ import annotations

import contextlib
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


def debian_like(os_release: Path = Path("/etc/os-release")) -> bool:
    """True on Debian, Ubuntu and their derivatives (``ID``/``ID_LIKE`` in os-release)."""
    try:
        fields = dict(line.split("=", 1) for line in os_release.read_text(encoding="utf-8").splitlines() if "=" in line)
    except OSError:
        return False
    names = f"{fields.get('ID', '')} {fields.get('ID_LIKE', '')}".replace('"', "").split()
    return bool({"debian", "ubuntu"} & set(names))


def as_root_prefix() -> list[str] | None:
    """``[]`` as root, ``["sudo", "-n"]`` with password-less sudo, else None (we cannot install)."""
    if os.geteuid() == 0:
        return []
    sudo = shutil.which("sudo")
    if sudo and subprocess.run([sudo, "-n", "true"], capture_output=True).returncode == 0:
        return [sudo, "-n"]
    return None


def apt_install_chromium() -> bool:
    """``apt-get install chromium`` (refreshing the package lists if the first try fails)."""
    prefix = as_root_prefix()
    if prefix is None or not debian_like() or not shutil.which("apt-get"):
        return False
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = [*prefix, "apt-get", "install", "-y", "--no-install-recommends", "chromium"]
    print("no browser found: trying `apt-get install chromium`", file=sys.stderr)
    if subprocess.run(install, env=env).returncode == 0:
        return True
    subprocess.run([*prefix, "apt-get", "update"], env=env)
    return subprocess.run(install, env=env).returncode == 0


def playwright_install_chromium() -> bool:
    print("trying `playwright install chromium`", file=sys.stderr)
    return subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"]).returncode == 0


INSTALLERS = (apt_install_chromium, playwright_install_chromium)


def ensure_chromium() -> str:
    """The browser's path, installing one first if there is none; raises :class:`BrowserNotFound`."""
    try:
        return find_chromium()
    except BrowserNotFound:
        if os.environ.get("CHROMIUM"):
            raise                       # a named browser that does not run is the user's to fix
    for install in INSTALLERS:
        if install():
            with contextlib.suppress(BrowserNotFound):
                return find_chromium()
    raise BrowserNotFound(HOW_TO_GET_ONE)


def main(argv: list[str]) -> int:
    try:
        print(ensure_chromium() if "--install" in argv else find_chromium())
        return 0
    except BrowserNotFound as missing:
        print(f"{missing} (the browser tests need one; no test was run)" if "--install" in argv else missing,
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
