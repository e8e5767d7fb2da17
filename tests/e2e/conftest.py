"""End-to-end tests: Playwright drives Debian's Chromium against pytest-django's live server.

Playwright never downloads a browser here: it launches the system Chromium by its path. Without that
browser the tests skip, unless PUTRIGHT_REQUIRE_E2E=1 (as in CI), when they fail instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("PUTRIGHT_CHROMIUM", "/usr/bin/chromium"))
AXE_JS = REPO / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
# Flags for headless Chromium on a machine with no network but the package registries. Playwright adds
# --headless itself and gives every launch a fresh, empty profile (its own --user-data-dir).
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
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        _unavailable(f"Chromium not found at {CHROMIUM}: install Debian's package with `apt-get install chromium`")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed: run `make install`")
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS} is missing: run `make frontend`")

    # Playwright's sync API keeps an asyncio loop running in this thread, which makes Django refuse
    # database calls made here while the browser is open.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "1")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser, live_server):  # type: ignore[no-untyped-def]
    """A fresh page in a fresh context; depends on live_server so the server outlives the browser."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield context.new_page()
    finally:
        context.close()
