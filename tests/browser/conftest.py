"""Fixtures for the widget's browser tests: the server to test, Chromium and a fresh page.

The server is WIDGET_BASE_URL (e.g. http://127.0.0.1:5005, the real Rasa server with the
widget channel); when it is unset, the mock in mock_server.py is started on a free port.
Chromium is the system's (/usr/bin/chromium, or CHROMIUM_PATH): nothing is downloaded.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Iterator, List

import pytest

from tests.harness import mock_server
from tests.harness.assistant import Assistant

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    """The server under test, without a trailing slash."""
    configured = os.environ.get("WIDGET_BASE_URL", "").strip()
    if configured:
        yield configured.rstrip("/")
        return
    if os.environ.get("WIDGET_REAL_SERVER") == "1":  # `make test-browser`
        with tempfile.TemporaryDirectory() as var:
            real = Assistant(Path(var) / "trackers.db")
            real.start()
            try:
                yield f"http://127.0.0.1:{real.port}"
            finally:
                real.stop()
        return
    server = mock_server.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the session."""
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(executable):
        message = f"Chromium not found at {executable} (apt-get install chromium)"
        if os.environ.get("WIDGET_BASE_URL") or os.environ.get("WIDGET_REAL_SERVER"):
            pytest.fail(message)  # an explicit run must not pass by skipping
        pytest.skip(message)
    sync_api.expect.set_options(timeout=15_000)  # the real assistant can take a few seconds
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    """A fresh browser profile (no cookies, empty storage) at 1280x800."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: Any) -> Iterator[Any]:
    """A page in the fresh profile; the test fails if the page throws an uncaught error."""
    errors: List[str] = []
    new_page = context.new_page()
    new_page.on("pageerror", lambda error: errors.append(str(error)))
    yield new_page
    assert not errors, f"uncaught errors in the page: {errors}"
