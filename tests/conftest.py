"""Shared fixtures: the project on sys.path, and the site built once per test session."""
from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import actsite  # noqa: E402,F401 - pins the numerics before anything imports numpy
from actsite.blas_check import BlasError, ensure_blas_works  # noqa: E402

LANGUAGES = ("zh", "en")


def pytest_sessionstart(session) -> None:
    """Stop with the cause, not a segfault, if BLAS cannot run the experiments' products."""
    try:
        ensure_blas_works()
    except BlasError as error:
        pytest.exit(str(error), returncode=3)


@pytest.fixture(scope="session")
def site_port() -> int:
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port) -> Path:
    """`mkdocs build --strict` of the whole site, in process, into a temporary directory.

    site_url points at the local server the browser tests start, so that Material's
    language switch (which reads each language's sitemap.xml) works against it.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = tmp_path_factory.mktemp("site")
    os.environ["SITE_URL"] = f"http://127.0.0.1:{site_port}/"
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    finally:
        os.chdir(cwd)
    return site_dir


# The built site served on 127.0.0.1 and one Chromium, shared by every browser test module.
class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(built_site, site_port):
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", site_port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{site_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from actsite.tooling.browser import BrowserNotFound, launch
    with sync_playwright() as playwright:
        try:
            browser = launch(playwright)
        except BrowserNotFound as missing:
            pytest.fail(str(missing), pytrace=False)
        yield browser
        browser.close()
