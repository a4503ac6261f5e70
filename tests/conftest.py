"""Shared fixtures: the project on sys.path, and the site built once per test session."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import actsite  # noqa: E402,F401 - pins the numerics before anything imports numpy
from actsite.blas_check import BlasError, ensure_blas_works  # noqa: E402
from shared_site import SharedSite  # noqa: E402

LANGUAGES = ("zh", "en")


def pytest_sessionstart(session) -> None:
    """Stop with the cause, not a segfault, if BLAS cannot run the experiments' products."""
    try:
        ensure_blas_works()
    except BlasError as error:
        pytest.exit(str(error), returncode=3)


def needs_site(item) -> bool:
    return "built_site" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(config, items) -> None:
    """Tests of the built site run last (stable order otherwise), so that the site builds in the
    background while the maths, figure and page tests run; every xdist worker sorts alike."""
    items.sort(key=needs_site)
    config.stash[NEEDS_SITE] = any(needs_site(item) for item in items)


NEEDS_SITE = pytest.StashKey[bool]()


@pytest.fixture(scope="session")
def shared_run_dir(tmp_path_factory) -> Path:
    """One folder for the whole run, the same for every xdist worker (their base temps sit in it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def shared_site(shared_run_dir) -> SharedSite:
    return SharedSite(shared_run_dir / "site-build")


@pytest.fixture(scope="session", autouse=True)
def _site_builds_early(request, shared_site) -> None:
    """Start the one site build of the run as soon as the run starts, if any test needs it."""
    if request.config.stash.get(NEEDS_SITE, False):
        shared_site.start_build()


@pytest.fixture(scope="session")
def site_port(shared_site) -> int:
    return shared_site.start_build()


@pytest.fixture(scope="session")
def built_site(shared_site) -> Path:
    """`mkdocs build --strict` of the whole site, once per run whatever the number of workers.

    site_url points at the local server the browser tests share (:func:`base_url`), so that
    Material's language switch (which reads each language's sitemap.xml) works against it.
    """
    return shared_site.wait_for_build()


@pytest.fixture(scope="session")
def base_url(built_site, shared_site) -> str:
    """The built site served on 127.0.0.1 by one server for the whole run."""
    return shared_site.serve()


# One Chromium for every browser test module of a worker.
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
