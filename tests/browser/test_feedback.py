"""Was this helpful? under guidance answers: keyboard flows, one rating per answer, axe."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import Page, expect  # noqa: E402

from tests.browser.widget_page import (  # noqa: E402
    CRISIS,
    DIALOG,
    LIVE_JS,
    QUESTION,
    SHADOW_FOCUS_JS,
    ask,
    open_chat,
    open_demo,
    serious_violations,
)

FEEDBACK = "/webhooks/widget/feedback"
STATE_JS = "() => JSON.parse(sessionStorage.getItem('osw-state'))"


def ratings_sent(page: Page) -> List[Dict[str, Any]]:
    sent: List[Dict[str, Any]] = []
    page.on(
        "request",
        lambda r: sent.append(r.post_data_json) if r.url.endswith(FEEDBACK) else None,
    )
    return sent


def focused(page: Page) -> Any:
    return page.evaluate(SHADOW_FOCUS_JS)


def test_yes_by_keyboard_sends_the_answers_ids_and_says_thanks(page: Page, base_url: str) -> None:
    sent = ratings_sent(page)
    open_demo(page, base_url)
    open_chat(page)
    answer = ask(page, QUESTION)
    group = answer.get_by_role("group", name="Was this answer helpful?")
    expect(group).to_be_visible()
    group.get_by_role("button", name="Yes").focus()
    page.keyboard.press("Enter")
    expect(answer).to_contain_text("Thanks for your feedback.")
    assert focused(page) == "Thanks for your feedback."
    expect(answer.get_by_role("button", name="Yes")).to_have_count(0)
    page.wait_for_function(f"() => ({LIVE_JS})().includes('Thanks for your feedback')")
    page.wait_for_timeout(200)
    assert len(sent) == 1 and sent[0]["rating"] == "yes" and sent[0]["guidance_ids"]
    assert set(sent[0]) == {"guidance_ids", "rating"}  # no sender, no message


def test_no_then_a_reason_by_keyboard(page: Page, base_url: str) -> None:
    sent = ratings_sent(page)
    open_demo(page, base_url)
    open_chat(page)
    answer = ask(page, QUESTION)
    answer.get_by_role("button", name="No").focus()
    page.keyboard.press("Enter")
    reasons = answer.get_by_role("group", name="What was wrong with this answer?")
    expect(reasons.get_by_role("button")).to_have_text(
        ["Didn't answer my question", "Out of date", "Wrong app", "Too long", "Hard to follow"]
    )
    assert focused(page) == "Didn't answer my question"  # focus moves to the choices
    for _ in range(3):
        page.keyboard.press("Tab")
    assert focused(page) == "Too long"
    page.keyboard.press("Enter")
    expect(answer).to_contain_text("Thanks for your feedback.")
    page.wait_for_timeout(200)
    assert [(s["rating"], s.get("reason")) for s in sent] == [("no", None), ("no", "too_long")]


def test_one_rating_per_answer_kept_across_a_reload(page: Page, base_url: str) -> None:
    open_demo(page, base_url)
    dialog = open_chat(page)
    first = ask(page, QUESTION)
    first.get_by_role("button", name="Yes").click()
    expect(first).to_contain_text("Thanks for your feedback.")
    second = ask(page, "and for a 12 year old?")
    expect(second.get_by_role("button", name="Yes")).to_be_visible()  # its own rating
    assert [e.get("fb") for e in page.evaluate(STATE_JS)["log"] if e["who"] == "bot"][0] == "done"
    page.reload()
    expect(dialog).to_be_visible()
    answers = dialog.locator(".msg.bot")
    expect(answers.first).to_contain_text("Thanks for your feedback.")
    expect(answers.first.get_by_role("button", name="Yes")).to_have_count(0)
    expect(dialog.get_by_role("button", name="Yes")).to_have_count(1)


def test_a_crisis_answer_asks_for_no_rating(page: Page, base_url: str) -> None:
    open_demo(page, base_url)
    dialog = open_chat(page)
    ask(page, CRISIS)
    expect(dialog.locator(".osw-card")).to_be_visible()
    expect(dialog.locator(".osw-card .fb")).to_have_count(0)


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (320, 640)], ids=["1280px", "320px"])
def test_axe_finds_no_serious_violations_in_the_rating(
    page: Page, base_url: str, width: int, height: int
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.set_viewport_size({"width": width, "height": height})
    open_demo(page, base_url)
    dialog = page.get_by_role("dialog", name=DIALOG)
    open_chat(page)
    first = ask(page, QUESTION)
    results = [Axe().run(page)]  # Yes / No showing
    first.get_by_role("button", name="No").click()
    expect(first.get_by_role("button", name="Too long")).to_be_visible()
    results.append(Axe().run(page))  # the reasons
    first.get_by_role("button", name="Wrong app").click()
    expect(dialog).to_contain_text("Thanks for your feedback.")
    results.append(Axe().run(page))
    assert serious_violations(results) == []
