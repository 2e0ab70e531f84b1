""" "Save this advice": the browser's print dialog with a clean summary; nothing is sent."""

from __future__ import annotations

from typing import Any, List

import pytest

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import Page, expect  # noqa: E402

from tests.browser.widget_page import (  # noqa: E402
    CRISIS,
    LIVE_JS,
    QUESTION,
    SHADOW_FOCUS_JS,
    ask,
    open_chat,
    open_demo,
)

# window.print opens a dialog a headless test can't close: count the calls instead.
STUB_PRINT = "window.__printed = 0; window.print = () => { window.__printed += 1; };"


def requests_after(page: Page) -> List[str]:
    sent: List[str] = []
    page.on("request", lambda r: sent.append(r.url))
    return sent


def test_save_this_advice_prints_a_clean_summary_by_keyboard(page: Page, base_url: str) -> None:
    page.add_init_script(STUB_PRINT)
    open_demo(page, base_url)
    dialog = open_chat(page)
    answer = ask(page, QUESTION)
    source = answer.get_by_role("link").first
    expect(source).to_be_visible()
    source_url = source.get_attribute("href")
    ask(page, CRISIS)
    expect(dialog.locator(".osw-card")).to_be_visible()
    sent = requests_after(page)
    save = dialog.get_by_role("button", name="Save this advice")
    save.focus()
    assert page.evaluate(SHADOW_FOCUS_JS) == "Save this advice"
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.__printed === 1")
    assert sent == []  # nothing is sent (or stored)
    summary = page.locator(".print")
    expect(summary).to_be_hidden()  # on screen, the panel is unchanged
    page.emulate_media(media="print")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("You asked: " + QUESTION)
    expect(summary).to_contain_text("You asked: " + CRISIS)
    expect(summary.get_by_role("heading", name="Sources").first).to_be_visible()
    expect(summary).to_contain_text(str(source_url))  # the URL written out
    expect(summary).to_contain_text("If anyone is in immediate danger, call")  # the card
    expect(summary).to_contain_text("general guidance")
    expect(summary).to_contain_text("saved ")
    expect(summary.get_by_role("button")).to_have_count(0)
    # The launcher, panel, input, buttons and the school's page around are not printed.
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(page.get_by_label("Type your question")).to_be_hidden()
    expect(page.get_by_role("heading", name="Welcome to Hillside Primary")).to_be_hidden()
    page.emulate_media(media="screen")
    expect(page.get_by_role("heading", name="Welcome to Hillside Primary")).to_be_visible()
    expect(summary).to_be_hidden()


def test_with_no_advice_yet_nothing_is_printed(page: Page, base_url: str) -> None:
    page.add_init_script(STUB_PRINT)
    open_demo(page, base_url)
    dialog = open_chat(page)
    dialog.get_by_role("button", name="Save this advice").click()
    page.wait_for_function(f"() => ({LIVE_JS})().includes('no advice to save yet')")
    assert page.evaluate("() => window.__printed") == 0


def test_clear_conversation_empties_the_summary(page: Page, base_url: str, context: Any) -> None:
    page.add_init_script(STUB_PRINT)
    open_demo(page, base_url)
    dialog = open_chat(page)
    ask(page, QUESTION)
    dialog.get_by_role("button", name="Save this advice").click()
    page.wait_for_function("() => window.__printed === 1")
    dialog.get_by_role("button", name="Clear conversation").click()
    assert page.locator(".print").evaluate("e => e.textContent") == ""
