"""The chat widget in a real browser: privacy, rendering, safety and accessibility.

Runs against WIDGET_BASE_URL (the real server) or, when that is unset, the mock server
(tests/harness/mock_server.py). Replies that a real assistant never gives on demand (429,
a network failure, markup in a reply) are injected with Playwright routes, so every test
works against both.
"""

from __future__ import annotations

import json
import re
from typing import Any, Dict, List

import pytest

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import Page, Route, expect  # noqa: E402

from tests.browser.widget_page import (  # noqa: E402
    CRISIS,
    DIALOG,
    LAUNCHER,
    QUESTION,
    QUESTION_NEEDING_AGE,
    SHADOW_FOCUS_JS,
    WEBHOOK,
    ask,
    fulfill_json,
    open_chat,
    open_demo,
    osw_keys,
    serious_violations,
    storage,
    webhook_requests,
)
from tests.harness.mock_server import XSS, reply_for  # noqa: E402


def no_xss(page: Page) -> None:
    assert page.evaluate("() => typeof window.__xss") == "undefined"
    assert page.evaluate(
        "() => document.querySelector('osw-chat-widget').shadowRoot.querySelectorAll('img, script[src], iframe').length"
    ) == 0  # fmt: skip


# ---- tests ----


def test_demo_page_sets_no_cookies_and_stores_nothing_before_opening(
    page: Page, context: Any, base_url: str
) -> None:
    open_demo(page, base_url)
    page.wait_for_load_state("load")
    expect(page.get_by_role("dialog", name=DIALOG)).to_be_hidden()
    assert storage(page) == {"cookies": "", "session": [], "local": []}
    assert context.cookies() == []


def test_open_chat_by_accessible_name(page: Page, context: Any, base_url: str) -> None:
    open_demo(page, base_url)
    dialog = open_chat(page)
    expect(dialog.get_by_role("heading", name=DIALOG)).to_be_visible()
    expect(page.get_by_label("Type your question")).to_be_focused()
    for name in ("Close chat", "Clear conversation", "Quick exit", "Send"):
        expect(dialog.get_by_role("button", name=name)).to_be_visible()
    # Opening stores the conversation in sessionStorage only, under osw- keys.
    saved = storage(page)
    assert saved["cookies"] == "" and saved["local"] == [] and context.cookies() == []
    assert saved["session"] and all(key.startswith("osw-") for key in saved["session"])
    state = json.loads(page.evaluate("() => sessionStorage.getItem('osw-state')"))
    assert re.fullmatch(r"[A-Za-z0-9_-]{32}", state["sender"])


def test_question_gets_answer_and_source_links(page: Page, base_url: str) -> None:
    open_demo(page, base_url)
    dialog = open_chat(page)
    answer = ask(page, QUESTION)
    expect(answer).to_contain_text("Roblox", ignore_case=True)
    expect(answer).not_to_contain_text("Sources:")  # the plain-text block is replaced by links
    expect(answer.get_by_role("heading", name="Sources")).to_be_visible()
    links = answer.get_by_role("link")
    expect(links.first).to_be_visible()
    for i in range(links.count()):
        link = links.nth(i)
        assert re.match(r"https?://", link.get_attribute("href") or "")
        assert link.get_attribute("target") == "_blank"
        assert "noopener" in (link.get_attribute("rel") or "")
    expect(dialog.locator(".msg.user")).to_have_text(re.compile(re.escape(QUESTION)))
    expect(page.locator("[aria-live=polite]")).to_contain_text("Assistant:")


def test_quick_reply_sends_payload_and_shows_title(page: Page, base_url: str) -> None:
    requests = webhook_requests(page)
    open_demo(page, base_url)
    dialog = open_chat(page)
    ask(page, QUESTION_NEEDING_AGE)
    replies = dialog.get_by_role("group", name="Quick replies").get_by_role("button")
    expect(replies.first).to_be_visible()
    title = replies.first.inner_text()
    bots_before = dialog.locator(".msg.bot").count()
    replies.first.click()
    expect(dialog.locator(".msg.user").last).to_contain_text(title)
    expect(dialog.locator(".msg.bot").nth(bots_before)).to_be_visible()
    expect(page.get_by_label("Type your question")).to_be_focused()
    # The payload was sent, not the title, and the old quick replies are gone.
    assert requests[-1]["message"] != title and requests[-1]["message"].startswith("/")
    assert requests[-1]["sender"] == requests[0]["sender"]
    assert requests[0]["metadata"] == {"lang": "en"} and "country" not in json.dumps(requests[0])
    expect(dialog.get_by_role("button", name=title)).to_have_count(0)


def test_crisis_reply_is_marked(page: Page, base_url: str) -> None:
    open_demo(page, base_url)
    open_chat(page)
    answer = ask(page, CRISIS)
    expect(answer).to_have_class(re.compile(r"\bosw-crisis\b"))
    expect(answer).to_contain_text("Get help now")
    expect(page.locator("[aria-live=polite]")).to_contain_text("Get help now")


TEL_HREF = re.compile(r"^tel:\+?[0-9]+$")


def card_links(card: Any) -> Dict[str, List[str]]:
    """The card's links by kind: tel: hrefs, and web hrefs with their target and rel."""
    hrefs = card.get_by_role("link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return {
        "tel": [h for h in hrefs if h.startswith("tel:")],
        "web": [h for h in hrefs if not h.startswith("tel:")],
    }


def test_a_crisis_answer_is_one_card_with_tel_and_web_links(page: Page, base_url: str) -> None:
    open_demo(page, base_url)
    dialog = open_chat(page)
    card = ask(page, CRISIS)
    expect(dialog.locator(".osw-crisis")).to_have_count(1)
    expect(dialog.locator(".msg.bot")).to_have_count(1)  # one bubble, not one per paragraph
    expect(card).to_have_class(re.compile(r"\bosw-crisis\b"))
    expect(card.get_by_text("Get help now", exact=True)).to_have_count(1)
    expect(card.get_by_role("heading", name="What to do now")).to_be_visible()
    expect(card.get_by_role("heading", name="Sources")).to_have_count(1)
    links = card_links(card)
    assert all(TEL_HREF.match(h) for h in links["tel"])
    assert links["web"] and all(h.startswith("https://") for h in links["web"])
    for link in card.locator("a[href^='https://']").all():
        assert link.get_attribute("target") == "_blank"
        assert link.get_attribute("rel") == "noopener noreferrer"
    # The country is unknown: the question and the country buttons follow the card.
    expect(card).to_contain_text("Which country are you in?")
    buttons = dialog.get_by_role("group", name="Quick replies")
    expect(buttons.get_by_role("button", name="United Kingdom")).to_be_visible()
    assert card.evaluate("(c) => c.nextElementSibling.getAttribute('aria-label')") == (
        "Quick replies"
    )
    expect(page.locator("[aria-live=polite]")).to_contain_text("Get help now")


def pick_the_uk_after_a_crisis(page: Page) -> Any:
    """Ask the crisis question, press "United Kingdom" and return the UK's card."""
    dialog = page.get_by_role("dialog", name=DIALOG)
    ask(page, CRISIS)
    dialog.get_by_role("button", name="United Kingdom").click()
    card = dialog.locator(".osw-crisis")
    expect(card.get_by_role("link", name="999")).to_have_attribute("href", "tel:999")
    return card


def test_picking_a_country_replaces_the_card_with_that_countrys(page: Page, base_url: str) -> None:
    open_demo(page, base_url)
    dialog = open_chat(page)
    card = pick_the_uk_after_a_crisis(page)
    expect(card).to_have_count(1)  # replaced, not a second card
    expect(card).to_contain_text("United Kingdom")
    expect(card.get_by_text("Get help now", exact=True)).to_have_count(1)
    # Moved to the end: after the parent's choice, the last thing in the conversation.
    expect(dialog.locator(".msg").last).to_have_class(re.compile(r"\bosw-card\b"))
    expect(dialog.locator(".msg.user").last).to_contain_text("United Kingdom")
    expect(card.get_by_role("link", name="0800 1111")).to_have_attribute("href", "tel:08001111")
    expect(card.get_by_role("link", name=re.compile(r"^ceop\.police\.uk"))).to_have_attribute(
        "href", "https://ceop.police.uk/"
    )
    expect(card.locator("a[href='https://iwf.org.uk/report']")).to_have_text(
        re.compile(r"^iwf\.org\.uk/report")  # the address as written, https:// added
    )
    expect(card).not_to_contain_text("Which country")
    expect(dialog.get_by_role("group", name="Quick replies")).to_have_count(0)
    # Sources once: one list, each address once.
    expect(dialog.get_by_role("heading", name="Sources")).to_have_count(1)
    sources = card.locator(".src").last.get_by_role("link")
    hrefs = sources.evaluate_all("links => links.map(a => a.href)")
    assert hrefs and len(hrefs) == len(set(hrefs))
    expect(page.locator("[aria-live=polite]")).to_contain_text(
        "The help card was updated for United Kingdom"
    )


def test_reload_restores_the_card_from_its_stored_data(page: Page, base_url: str) -> None:
    open_demo(page, base_url)
    open_chat(page)
    pick_the_uk_after_a_crisis(page)
    saved = json.loads(page.evaluate("() => sessionStorage.getItem('osw-state')"))
    stored = [entry["card"] for entry in saved["log"] if entry.get("card")]
    assert len(stored) == 1 and stored[0]["emergency"]["tel"] == "999"  # data, not HTML
    assert "<a" not in json.dumps(saved)
    page.reload()
    dialog = page.get_by_role("dialog", name=DIALOG)
    expect(dialog.locator(".osw-crisis")).to_have_count(1)
    card = dialog.locator(".osw-crisis")
    expect(card.get_by_role("link", name="999")).to_have_attribute("href", "tel:999")
    expect(card.get_by_role("heading", name="Sources")).to_have_count(1)


def test_a_tampered_stored_card_is_checked_on_load(page: Page, base_url: str) -> None:
    open_demo(page, base_url)
    open_chat(page)
    bad = {
        "name": "Evil",
        "phone": "999",
        "tel": "javascript:window.__xss=1",
        "web": "javascript:x",
    }
    state = {
        "sender": "abc",
        "open": True,
        "log": [
            {"who": "bot", "card": {"emergency": bad, "report": [bad, "x"], "steps": [XSS, 7]}},
            {"who": "bot", "card": {"opening": "no emergency contact: not a card"}, "text": "t"},
        ],
    }
    page.evaluate("(s) => sessionStorage.setItem('osw-state', JSON.stringify(s))", state)
    page.reload()
    dialog = page.get_by_role("dialog", name=DIALOG)
    card = dialog.locator(".osw-card")
    expect(card).to_have_count(1)
    expect(card).to_contain_text(XSS)
    expect(card.get_by_role("link")).to_have_count(0)  # no tel: or link from bad values
    expect(dialog.locator(".msg.bot").last).to_have_text(re.compile("t$"))
    no_xss(page)


def test_reload_keeps_history_and_reopens(page: Page, base_url: str) -> None:
    open_demo(page, base_url)
    open_chat(page)
    answer_text = ask(page, QUESTION).text_content()
    sender = json.loads(page.evaluate("() => sessionStorage.getItem('osw-state')"))["sender"]
    page.reload()
    dialog = page.get_by_role("dialog", name=DIALOG)
    expect(dialog).to_be_visible()
    expect(dialog.locator(".msg.user")).to_have_text(re.compile(re.escape(QUESTION)))
    expect(dialog.locator(".msg.bot").first.get_by_role("link").first).to_be_visible()
    assert dialog.locator(".msg.bot").first.text_content() == answer_text
    expect(dialog.locator(".msg.bot").first.get_by_role("link").first).to_be_visible()
    assert (
        json.loads(page.evaluate("() => sessionStorage.getItem('osw-state')"))["sender"] == sender
    )
    # Closed before a reload: the history comes back, the panel stays closed.
    dialog.get_by_role("button", name="Close chat").click()
    page.reload()
    expect(page.get_by_role("button", name=LAUNCHER)).to_be_visible()
    expect(dialog).to_be_hidden()
    open_chat(page)
    expect(dialog.locator(".msg.user")).to_have_count(1)


def test_clear_conversation_empties_history_and_storage(page: Page, base_url: str) -> None:
    open_demo(page, base_url)
    dialog = open_chat(page)
    ask(page, QUESTION)
    assert osw_keys(page)
    dialog.get_by_role("button", name="Clear conversation").click()
    expect(dialog.locator(".msg")).to_have_count(0)
    assert osw_keys(page) == []
    expect(page.get_by_label("Type your question")).to_be_focused()
    page.reload()
    expect(page.get_by_role("button", name=LAUNCHER)).to_be_visible()
    assert storage(page)["session"] == []


def test_quick_exit_clears_storage_and_leaves_to_data_exit_url(page: Page, base_url: str) -> None:
    # A school page variant with data-exit-url, served by a route on the server's origin.
    variant = base_url + "/webhooks/widget/test-exit-page"
    html = (
        '<!DOCTYPE html><html lang="en"><head><title>Exit test</title></head><body><main>'
        "<h1>Exit test</h1></main>"
        '<script src="/webhooks/widget/widget.js" data-exit-url="/webhooks/widget/demo?exited=1"'
        " defer></script></body></html>"
    )
    page.route(variant, lambda route: route.fulfill(content_type="text/html", body=html))
    page.goto(variant)
    dialog = open_chat(page)
    ask(page, QUESTION)
    history_length = page.evaluate("() => history.length")
    dialog.get_by_role("button", name="Quick exit").click()
    page.wait_for_url("**/webhooks/widget/demo?exited=1")
    assert osw_keys(page) == [] and storage(page)["local"] == []
    assert page.evaluate("() => history.length") == history_length  # replaced, not pushed


def test_a_pages_data_country_is_sent_as_the_country_hint(page: Page, base_url: str) -> None:
    requests = webhook_requests(page)
    variant = base_url + "/webhooks/widget/test-country-page"
    html = (
        '<!DOCTYPE html><html lang="en"><head><title>Country test</title></head><body><main>'
        '<h1>Country test</h1></main><script src="/webhooks/widget/widget.js" data-country="ie"'
        " defer></script></body></html>"
    )
    page.route(variant, lambda route: route.fulfill(content_type="text/html", body=html))
    page.goto(variant)
    open_chat(page)
    ask(page, QUESTION)
    assert requests[0]["metadata"] == {"lang": "en", "country": "IE"}


def test_quick_exit_defaults_to_google(page: Page, base_url: str) -> None:
    page.route(
        "https://www.google.com/**",
        lambda route: route.fulfill(content_type="text/html", body="<title>stub</title>"),
    )
    open_demo(page, base_url)
    open_chat(page)
    page.get_by_role("button", name="Quick exit").click()
    page.wait_for_url("https://www.google.com/**")


def test_xss_typed_by_the_parent_shows_as_text(page: Page, base_url: str) -> None:
    open_demo(page, base_url)
    dialog = open_chat(page)
    ask(page, XSS)
    expect(dialog.locator(".msg.user")).to_have_text(re.compile(re.escape(XSS)))
    no_xss(page)
    page.reload()  # and again when re-rendered from sessionStorage
    expect(dialog.locator(".msg.user")).to_have_text(re.compile(re.escape(XSS)))
    no_xss(page)


def test_xss_in_a_server_reply_shows_as_text(page: Page, base_url: str) -> None:
    reply = reply_for("xss")
    reply["messages"][0]["buttons"] = [{"title": XSS, "payload": "/greet"}]
    page.route("**" + WEBHOOK, fulfill_json(200, reply))
    open_demo(page, base_url)
    open_chat(page)
    answer = ask(page, "hello")
    expect(answer).to_contain_text(XSS)
    expect(answer).not_to_contain_text("Sources:")
    links = answer.get_by_role("link")
    expect(links).to_have_count(1)  # the javascript: source is dropped, never linked
    expect(links.first).to_contain_text(XSS)
    assert links.first.get_attribute("href", timeout=1000).startswith("https://")
    expect(page.get_by_role("button", name=XSS)).to_be_visible()
    no_xss(page)


def test_rate_limit_shows_friendly_retry_message(page: Page, base_url: str) -> None:
    page.route(
        "**" + WEBHOOK,
        fulfill_json(429, {"error": "rate limit: sender flood"}, {"Retry-After": "7"}),
    )
    open_demo(page, base_url)
    dialog = open_chat(page)
    page.get_by_label("Type your question").fill("flood")
    page.get_by_role("button", name="Send").click()
    expect(dialog).to_contain_text("You're sending messages quickly; please wait 7 seconds.")
    expect(dialog).not_to_contain_text("rate limit")
    expect(dialog.get_by_role("button", name="Try again")).to_have_count(0)  # not before 7 s
    expect(page.locator("[aria-live=polite]")).to_contain_text("please wait 7 seconds")


def test_other_errors_show_a_friendly_line_never_the_raw_error(page: Page, base_url: str) -> None:
    open_demo(page, base_url)
    dialog = open_chat(page)
    for status in (400, 403, 405, 413, 500):
        page.route("**" + WEBHOOK, fulfill_json(status, {"error": f"raw-error-{status}"}))
        page.get_by_label("Type your question").fill(f"question {status}")
        page.get_by_role("button", name="Send").click()
        expect(dialog.locator(".err")).to_contain_text("Please")
        expect(dialog).not_to_contain_text("raw-error")
        page.unroute("**" + WEBHOOK)
    expect(dialog.locator(".err")).to_have_count(1)  # one notice at a time


def test_sources_come_from_the_metadata_listed_once_under_the_last_message(
    page: Page, base_url: str
) -> None:
    sources = [{"title": "Guide one", "url": "https://example.org/one"}]
    reply = {
        "messages": [
            {"text": "The answer.\n• A step.\n\nHow old is your child?", "buttons": []},
            {"text": "Anything else?", "buttons": []},
        ],
        "meta": {"kind": "guidance", "sources": sources, "guidance_ids": ["x"]},
    }
    page.route("**" + WEBHOOK, fulfill_json(200, reply))
    open_demo(page, base_url)
    dialog = open_chat(page)
    answer = ask(page, QUESTION)
    expect(dialog.locator(".msg.bot")).to_have_count(2)  # one bubble per message, not per paragraph
    expect(answer).to_contain_text("How old is your child?")
    expect(answer.get_by_role("link")).to_have_count(0)
    expect(dialog.get_by_role("heading", name="Sources")).to_have_count(1)
    expect(dialog.locator(".msg.bot").last.get_by_role("link", name="Guide one")).to_have_attribute(
        "href", "https://example.org/one"
    )


def test_network_failure_shows_friendly_message_and_retry_works(page: Page, base_url: str) -> None:
    page.route("**" + WEBHOOK, lambda route: route.abort("internetdisconnected"))
    open_demo(page, base_url)
    dialog = open_chat(page)
    page.get_by_label("Type your question").fill(QUESTION)
    page.get_by_role("button", name="Send").click()
    expect(dialog).to_contain_text(
        "Can't reach the assistant. Check your connection and try again."
    )
    page.unroute("**" + WEBHOOK)
    dialog.get_by_role("button", name="Try again").click()
    expect(dialog.locator(".msg.bot").first).to_be_visible()
    expect(dialog.locator(".msg.user")).to_have_count(1)  # retried, not sent twice
    expect(dialog).not_to_contain_text("Can't reach the assistant")


def test_a_retry_sends_the_same_message_id_and_a_new_message_a_new_one(
    page: Page, base_url: str
) -> None:
    sent: List[Dict[str, Any]] = []

    def first_fails(route: Route) -> None:
        sent.append(json.loads(route.request.post_data or "{}"))
        if len(sent) == 1:
            route.fulfill(status=502, content_type="application/json", body='{"error": "x"}')
        else:
            route.continue_()

    page.route("**" + WEBHOOK, first_fails)
    open_demo(page, base_url)
    dialog = open_chat(page)
    page.get_by_label("Type your question").fill(QUESTION)
    page.get_by_role("button", name="Send").click()
    dialog.get_by_role("button", name="Try again").click()
    expect(dialog.locator(".msg.bot").first).to_be_visible()
    ask(page, QUESTION_NEEDING_AGE)
    ids = [body["message_id"] for body in sent]
    assert len(ids) == 3 and ids[0] == ids[1] != ids[2]
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{32}", i) for i in ids)


def test_keyboard_only(page: Page, base_url: str) -> None:
    open_demo(page, base_url)
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate(SHADOW_FOCUS_JS) == "Online safety help: open chat":
            break
    else:
        pytest.fail("the launcher was never reached with Tab")
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=DIALOG)
    expect(dialog).to_be_visible()
    assert page.evaluate(SHADOW_FOCUS_JS) == "osw-input"
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    expect(dialog.locator(".msg.bot").first).to_be_visible()
    # Tab reaches Send; Shift+Tab reaches the answer's links and every panel control.
    page.keyboard.press("Tab")
    assert page.evaluate(SHADOW_FOCUS_JS) == "Send"
    page.keyboard.press("Shift+Tab")
    seen = []
    for _ in range(25):
        page.keyboard.press("Shift+Tab")
        seen.append(page.evaluate(SHADOW_FOCUS_JS))
        if seen[-1] == "Close chat":
            break
    assert {"Conversation", "Clear conversation", "Quick exit", "Close chat"} <= set(seen)
    assert any(str(name).endswith("(opens in a new tab)") for name in seen)
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert page.evaluate(SHADOW_FOCUS_JS) == "Online safety help: open chat"
    # The focused launcher shows a visible outline.
    outline = page.evaluate(
        "() => getComputedStyle(document.querySelector('osw-chat-widget').shadowRoot"
        ".querySelector('.launch')).outlineStyle"
    )
    assert outline != "none"


@pytest.mark.parametrize(("width", "height"), [(320, 640), (640, 400)], ids=["320px", "zoom200"])
def test_panel_fits_small_viewports(page: Page, base_url: str, width: int, height: int) -> None:
    # 640x400 is a 1280x800 screen at 200% zoom.
    page.set_viewport_size({"width": width, "height": height})
    open_demo(page, base_url)
    dialog = open_chat(page)
    ask(page, QUESTION)
    box = dialog.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert box["y"] >= 0 and box["y"] + box["height"] <= height
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    panel_overflow = page.evaluate(
        "() => { const p = document.querySelector('osw-chat-widget').shadowRoot.querySelector('.panel');"
        " const log = p.querySelector('.log'); return [p.scrollWidth - p.clientWidth, log.scrollWidth - log.clientWidth]; }"
    )
    assert panel_overflow == [0, 0]
    for control in (
        page.get_by_label("Type your question"),
        dialog.get_by_role("button", name="Send"),
    ):
        control_box = control.bounding_box()
        assert control_box and control_box["x"] + control_box["width"] <= width
        assert control_box["y"] + control_box["height"] <= height


def test_reduced_motion_turns_animation_off(page: Page, base_url: str) -> None:
    page.emulate_media(reduced_motion="reduce")
    open_demo(page, base_url)
    open_chat(page)
    names = page.evaluate(
        "() => { const r = document.querySelector('osw-chat-widget').shadowRoot;"
        " return ['.panel', '.dot'].map(s => getComputedStyle(r.querySelector(s)).animationName); }"
    )
    assert names == ["none", "none"]


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (320, 640)], ids=["1280px", "320px"])
def test_axe_finds_no_serious_violations(
    page: Page, base_url: str, width: int, height: int
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.set_viewport_size({"width": width, "height": height})
    open_demo(page, base_url)
    axe = Axe()
    dialog = open_chat(page)
    ask(page, QUESTION_NEEDING_AGE)
    ask(page, CRISIS)  # the crisis card, with the country buttons
    expect(dialog.get_by_role("link").first).to_be_visible()
    results = [axe.run(page)]
    dialog.get_by_role("button", name="United Kingdom").click()  # the card replaced
    expect(dialog.locator(".osw-crisis").get_by_role("link", name="999")).to_be_visible()
    results.append(axe.run(page))
    # and with an error notice showing
    page.route("**" + WEBHOOK, fulfill_json(429, {"error": "x"}, {"Retry-After": "3"}))
    page.get_by_label("Type your question").fill("one more")
    page.get_by_role("button", name="Send").click()
    expect(dialog).to_contain_text("please wait 3 seconds")
    results.append(axe.run(page))
    assert serious_violations(results) == []
