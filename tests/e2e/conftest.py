"""End-to-end tests: Playwright drives Debian's Chromium against pytest-django's live server.

Playwright never downloads a browser here: it launches the system Chromium by its path. Without that
browser the tests skip, unless PUTRIGHT_REQUIRE_E2E=1 (as in CI), when they fail instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("PUTRIGHT_CHROMIUM", "/usr/bin/chromium"))
AXE_JS = REPO / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
# Flags for headless Chromium on a machine whose only network is the package registries. Playwright
# adds --headless itself and gives every launch a fresh, empty profile (its own --user-data-dir).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable(reason: str) -> None:
    if os.environ.get("PUTRIGHT_REQUIRE_E2E") == "1":
        pytest.fail(f"{reason} (PUTRIGHT_REQUIRE_E2E=1, so the end-to-end tests may not be skipped)")
    pytest.skip(reason)


@pytest.fixture
def axe_js() -> Path:
    """axe-core, installed by `make frontend` from frontend/package-lock.json."""
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS} is missing: run `make frontend`")
    return AXE_JS


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        _unavailable(f"Chromium not found at {CHROMIUM}: install Debian's package (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed: run `make install`")

    # Playwright's sync API keeps an asyncio loop running in this thread, and Django refuses database
    # calls from a thread with a running loop unless this is set. Only for the browser's lifetime.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "1")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def shots(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """Where a test's screenshots go: $PUTRIGHT_SCREENSHOTS/<its module's subject> (test_intake_pages:
    intake) if set, else the test's temporary folder."""
    base = os.environ.get("PUTRIGHT_SCREENSHOTS")
    module = request.module.__name__.rsplit(".", 1)[-1].removeprefix("test_").removesuffix("_pages")
    folder = Path(base) / module.replace("_", "-") if base else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A fresh page in a fresh browser context, served by the live server."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield context.new_page()
    finally:
        context.close()
