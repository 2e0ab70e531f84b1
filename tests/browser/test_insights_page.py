"""A school's insights page in Chromium: it renders its charts and tables and passes axe."""

from __future__ import annotations

import os
from typing import Any

import pytest

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect  # noqa: E402

from tests.browser.widget_page import serious_violations  # noqa: E402
from tests.harness.mock_server import INSIGHTS_TOKEN  # noqa: E402

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("WIDGET_BASE_URL") or os.environ.get("WIDGET_REAL_SERVER")),
    reason="needs the mock server's sample counts and token",
)

INSIGHTS = "/webhooks/widget/insights?site=demo"


def test_without_the_token_the_page_is_refused(context: Any, base_url: str) -> None:
    page = context.new_page()
    assert page.goto(base_url + INSIGHTS).status == 401


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (320, 640)], ids=["1280px", "320px"])
def test_the_insights_page_renders_and_passes_axe(
    context: Any, base_url: str, width: int, height: int
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context.set_extra_http_headers({"Authorization": f"Bearer {INSIGHTS_TOKEN}"})
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": height})
    assert page.goto(base_url + INSIGHTS).status == 200
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hillside Primary School")
    expect(page.get_by_role("img", name="Questions by topic")).to_be_visible()
    expect(page.get_by_role("table", name="Questions by app (table)")).to_contain_text("roblox")
    expect(page.get_by_role("table", name="Questions by topic (table)")).to_contain_text("<5")
    expect(page.get_by_role("link", name="Download CSV")).to_be_visible()
    assert page.evaluate("() => document.scripts.length") == 0
    # Wide tables scroll in their own region; the page itself never scrolls sideways.
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth + 1")
    result = Axe().run(page)
    assert serious_violations([result]) == []
