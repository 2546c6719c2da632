"""Browser tests: the real app on a local port, driven by headless Chromium.

The ``app`` fixture (SQLite and PostgreSQL) is served by Werkzeug in a daemon
thread, with CSRF protection switched back on, so the forms are exercised as
the clerks' browsers submit them. Chromium is Debian's ``/usr/bin/chromium``;
Playwright's own browser downloads are never used.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    expect,
    sync_playwright,
)
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from backoffice.auth.models import User
from tests.conftest import PASSWORD

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
#: Fail fast: a local server answers in well under this.
TIMEOUT_MS = 15_000

expect.set_options(timeout=TIMEOUT_MS)


class QuietHandler(WSGIRequestHandler):
    """No access log: failures should show the assertion, not 200 static hits."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


@dataclass(frozen=True)
class LiveServer:
    app: Flask
    url: str


@pytest.fixture()
def live_server(app: Flask) -> Iterator[LiveServer]:
    """Serve the test app on 127.0.0.1 and a free port, with CSRF enforced."""
    app.config["WTF_CSRF_ENABLED"] = True
    server: BaseWSGIServer = make_server("127.0.0.1", 0, app, threaded=True,
                                         request_handler=QuietHandler)
    # Closing the server waits for the requests still being answered (an
    # image the page was loading when the test ended): their database
    # connections are handed back before the app's database is dropped.
    server.daemon_threads = False  # type: ignore[attr-defined]
    server.block_on_close = True  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, name="live-server",
                              daemon=True)
    thread.start()
    try:
        yield LiveServer(app, f"http://127.0.0.1:{server.server_port}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@contextmanager
def csrf_disabled(app: Flask) -> Iterator[None]:
    """Let ``tests.workflow_helpers.Desk`` (no CSRF tokens) set a case up."""
    before = app.config["WTF_CSRF_ENABLED"]
    app.config["WTF_CSRF_ENABLED"] = False
    try:
        yield
    finally:
        app.config["WTF_CSRF_ENABLED"] = before


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium package "
            "(apt-get install chromium); do not run `playwright install`."
        )
    instance = sync_playwright().start()
    try:
        yield instance
    finally:
        instance.stop()


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture()
def new_context(browser: Browser, live_server: LiveServer
                ) -> Iterator[Callable[..., BrowserContext]]:
    """Return a factory of browser contexts (own cookies), closed at teardown."""
    contexts: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        context = browser.new_context(
            base_url=live_server.url, accept_downloads=True, locale="id-ID",
            **options,
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in reversed(contexts):
        context.close()


@pytest.fixture()
def open_session(new_context: Callable[..., BrowserContext]) -> Callable[[User], Page]:
    """Return a function: log ``user`` in through the login form, in a new context."""

    def log_in(user: User, password: str = PASSWORD) -> Page:
        page = new_context().new_page()
        login_through_form(page, user.username, password)
        expect(page.get_by_role("heading", name="Selamat datang")).to_be_visible()
        return page

    return log_in


def login_through_form(page: Page, username: str, password: str) -> None:
    """Log in through the form and wait for the next page's scripts.

    The menu's dropdowns open by script: a click before the page's load
    event, on a busy machine, opened nothing and was not repeated.
    """
    page.goto("/login")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Masuk").click()
