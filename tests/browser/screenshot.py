"""Save widget/screenshot.png: the demo page at 1280x800 with a guidance answer open.

Run: `.venv/bin/python -m tests.browser.screenshot [OUT]`. Uses WIDGET_BASE_URL when set,
else the mock server (whose canned guidance answer has sources and quick replies).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

from tests.browser import mock_server
from tests.browser.conftest import CHROMIUM_ARGS

OUT = Path(__file__).resolve().parents[2] / "widget" / "screenshot.png"


def main(out: Path) -> None:
    base = os.environ.get("WIDGET_BASE_URL", "").rstrip("/")
    server = None
    if not base:
        server = mock_server.start()
        base = f"http://127.0.0.1:{server.server_port}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
                args=CHROMIUM_ARGS,
            )
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.emulate_media(reduced_motion="reduce")  # no half-finished animation
            page.goto(base + "/webhooks/widget/demo")
            page.get_by_role("button", name="Online safety help").click()
            page.get_by_label("Type your question").fill("Is Roblox safe for my 8 year old?")
            page.keyboard.press("Enter")
            expect(page.locator(".msg.bot").first.get_by_role("link").first).to_be_visible()
            page.get_by_label("Type your question").blur()
            page.screenshot(path=str(out))
            browser.close()
    finally:
        if server:
            server.shutdown()
    print(f"{out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
