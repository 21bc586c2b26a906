"""`codev serve` in a real browser: the console (`codev run`) in a real terminal (tmux), `codev
serve` on its session, and a headless Chromium (Debian's `chromium`, driven by selenium) at the
URL with the token, which shows the room's view; a PageDown on the console changes the browser's
phase within 2 s of the key, a note typed on the console (plain or confidential) and a
confidential contract never show; without the token the page is refused, and the view's process
ends when the browser leaves.

What the page shows is read from the terminal in it: textual.js keeps its xterm.js terminal to
itself, so a script set before the page's own ones notes the terminal when textual.js stores
it (`this.terminal = new Terminal(...)`), and its buffer is read line by line.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from codev_tui import locations
from tests.functional.serve_kit import Served, status, wait_for
from tests.tmux import Tmux, needs_tmux

pytestmark = [pytest.mark.browser, needs_tmux]

CODEV = [sys.executable, "-m", "codev_tui"]

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
REQUIRED = os.environ.get("CODEV_REQUIRE_BROWSER") == "1"

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,800",
)

KEEP_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {
      value, writable: true, configurable: true, enumerable: true,
    });
    if (value && value.buffer && typeof value.write === "function") {
      window.codevTerminal = value;
    }
  },
});
"""
"""Run before the page's scripts: the first `x.terminal = …` that stores an xterm.js Terminal
keeps it in `window.codevTerminal` (and `x.terminal` stays a plain property)."""

READ_SCREEN = """
const terminal = window.codevTerminal;
if (!terminal) { return null; }
const buffer = terminal.buffer.active;
const rows = [];
for (let y = 0; y < terminal.rows; y++) {
  const line = buffer.getLine(buffer.viewportY + y);
  rows.push(line ? line.translateToString(true) : "");
}
return rows.join("\\n");
"""


@pytest.fixture
def chromium() -> Iterator[object]:
    """A headless Chromium with a fresh profile, driven by selenium."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        reason = f"no {' nor '.join(missing)} (apt-get install chromium chromium-driver)"
        if REQUIRED:
            pytest.fail(f"CODEV_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        if REQUIRED:
            raise
        pytest.skip("selenium is not installed (pip install '.[test]')")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    with tempfile.TemporaryDirectory(prefix="codev-chromium-") as profile:
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
        try:
            driver.execute_cdp_cmd(
                "Page.addScriptToEvaluateOnNewDocument", {"source": KEEP_TERMINAL}
            )
            yield driver
        finally:
            driver.quit()


def screen(driver) -> str:  # type: ignore[no-untyped-def]
    """The text on the page's terminal ("" before it has one)."""
    return driver.execute_script(READ_SCREEN) or ""


def test_the_room_follows_the_console_in_a_browser(
    chromium, tmux: Tmux, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    driver = chromium
    secret = uuid.uuid4().hex[:10]
    tmux.start_console()  # its timer runs

    monkeypatch.setenv(locations.DATA_ENV, str(tmp_path))  # the console's session folder
    with Served() as served:  # its latest session: the console's
        url = served.url()
        driver.get(url)
        assert wait_for(lambda: "Phase 1/6 · Exposé" in screen(driver), 30), screen(driver)
        assert len(served.children()) == 1  # this browser's view

        # The countdown runs: its state in words, and its (block) digits change as it ticks.
        assert wait_for(lambda: "EN COURS" in screen(driver), 5), screen(driver)
        first = screen(driver)
        assert wait_for(lambda: screen(driver) != first, 3), "the countdown does not move"

        # PageDown on the console: the browser shows the next phase within 2 s of the key.
        key = time.monotonic()
        tmux.send("PageDown", to="console")
        left = 2.0 - (time.monotonic() - key)
        assert wait_for(lambda: "Phase 2/6" in screen(driver), left), screen(driver)

        # Notes typed on the console, plain and confidential, never reach the browser.
        tmux.typed(f"une note privée NOTE-{secret}")
        tmux.typed(f"/c une note confidentielle CONF-{secret}")
        assert not wait_for(lambda: secret in screen(driver), 2.0), "a note shows in the browser"

        # The contract phase: the contract shows, a confidential one never does.
        tmux.send("PageDown", to="console")
        assert wait_for(lambda: "Phase 3/6" in screen(driver), 10.0), screen(driver)
        tmux.typed(f"/c un contrat secret CONTRACT-{secret}")
        assert not wait_for(lambda: secret in screen(driver), 2.0), "a confidential contract shows"
        tmux.typed("Trouver trois pistes")
        assert wait_for(lambda: "Trouver trois pistes" in screen(driver), 10.0), screen(driver)
        assert secret not in screen(driver), "a confidential contract shows in the browser"
        assert secret in tmux.screen("console")  # typed, on the console only
        driver.save_screenshot(str(tmp_path / "room.png"))

        # Without the token: refused, and the view of the page left behind ends.
        root = f"http://127.0.0.1:{served.port}"
        assert status(f"{root}/") == 403
        assert status(f"{root}/ws") == 403
        driver.get(f"{root}/")
        assert (
            "ask the facilitator for the full link" in driver.find_element("tag name", "body").text
        )
        assert wait_for(lambda: served.children() == [], 10), "the view outlived its page"
        served.stop()
