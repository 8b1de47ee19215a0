"""Browser tests: Playwright driving Debian's Chromium against the live server."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/briefing-screenshots"))

# Flags that keep Chromium from reaching out to the network at start-up.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def context_factory(browser, live_server):
    contexts = []

    def make(*, user=None, javascript: bool = True, mobile: bool = False):
        options: dict[str, object] = {
            "base_url": live_server.url,
            "java_script_enabled": javascript,
            "viewport": {"width": 390, "height": 844} if mobile else {"width": 1280, "height": 900},
        }
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        if user is not None:
            login_context(context, user, live_server.url)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def login_context(context, user, base_url: str) -> None:
    """Sign the browser in by handing it a session made by Django's test client."""
    client = Client()
    client.force_login(user)
    session = client.cookies["sessionid"].value
    context.add_cookies([{"name": "sessionid", "value": session, "url": base_url}])


@pytest.fixture
def page(context_factory):
    return context_factory().new_page()


def axe_violations(page) -> list[dict[str, object]]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    )
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5], "help": v["help"]}
        for v in results.response["violations"]
    ]


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
