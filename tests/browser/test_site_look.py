"""The widget as the school's own: its title, greeting, starter questions, colours and
position from bot/sites.yml (through /webhooks/widget/config), and the setup page."""

from __future__ import annotations

import re
from typing import Any, Dict

import pytest

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import Page, expect  # noqa: E402

from bot.channels.sites import load_sites  # noqa: E402
from tests.browser.widget_page import (  # noqa: E402
    DIALOG,
    LAUNCHER,
    QUESTION,
    ask,
    fulfill_json,
    open_chat,
    open_demo,
    serious_violations,
    webhook_requests,
)

DEMO = load_sites().demo  # the demo page's site: its look is what the tests expect
CONFIG = "/webhooks/widget/config"
SETUP = "/webhooks/widget/setup"
COMPUTED_JS = """([selector, property]) => getComputedStyle(document.querySelector(
    'osw-chat-widget').shadowRoot.querySelector(selector))[property]"""


def rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def computed(page: Page, selector: str, prop: str) -> str:
    return page.evaluate(COMPUTED_JS, [selector, prop])


def test_the_starter_questions_are_shown_on_open_and_sent_when_clicked(
    page: Page, base_url: str
) -> None:
    requests = webhook_requests(page)
    open_demo(page, base_url)
    dialog = open_chat(page)
    starters = dialog.get_by_role("group", name="Suggested questions").get_by_role("button")
    expect(starters).to_have_text(list(DEMO.starter_questions))
    starters.first.click()
    first = DEMO.starter_questions[0]
    expect(dialog.locator(".msg.user")).to_have_text("You said: " + first)
    expect(dialog.locator(".msg.bot").first).to_be_visible()
    assert requests[0]["message"] == first
    expect(page.get_by_label("Type your question")).to_be_focused()
    # Only an empty conversation offers them.
    expect(dialog.get_by_role("group", name="Suggested questions")).to_have_count(0)
    page.reload()
    expect(page.get_by_role("dialog", name=DIALOG)).to_be_visible()
    expect(dialog.get_by_role("group", name="Suggested questions")).to_have_count(0)


def test_the_sites_title_greeting_and_colours_are_applied(page: Page, base_url: str) -> None:
    assert DEMO.title and DEMO.greeting and DEMO.colours
    open_demo(page, base_url)
    dialog = open_chat(page)
    expect(dialog.get_by_role("heading", level=2)).to_have_text(DEMO.title)
    intro = dialog.locator(".intro")
    # The greeting replaces the default first sentence; the note about the assistant stays.
    expect(intro).to_have_text(re.compile("^" + re.escape(DEMO.greeting) + " This is an automated"))
    accent, text = rgb(DEMO.colours.accent), rgb(DEMO.colours.accent_text)
    assert (computed(page, ".head", "backgroundColor"), computed(page, ".head", "color")) == (
        accent,
        text,
    )
    ask(page, QUESTION)
    assert computed(page, ".msg.user", "backgroundColor") == accent
    assert computed(page, ".send", "backgroundColor") == accent
    page.get_by_role("button", name="Close chat").click()
    assert computed(page, ".launch", "backgroundColor") == accent


def test_a_page_cannot_choose_another_sites_look(page: Page, base_url: str) -> None:
    # The preview flag counts only on the assistant's own origin (the setup page).
    own = page.request.get(base_url + CONFIG + "?preview=example-school")
    assert own.status == 200 and own.json()["title"] is None
    school = page.request.get(
        base_url + CONFIG + "?preview=demo", headers={"Origin": "https://www.example.org"}
    )
    assert school.status == 200 and school.json()["title"] is None  # its own, not the demo's
    assert set(school.json()) == {"title", "greeting", "starter_questions", "colours", "position"}
    stranger = page.request.get(
        base_url + CONFIG + "?preview=demo", headers={"Origin": "https://evil.example"}
    )
    assert stranger.status == 403


@pytest.mark.parametrize("width", [1280, 320])
def test_position_bottom_left(page: Page, base_url: str, width: int) -> None:
    look: Dict[str, Any] = {**DEMO.display(), "position": "bottom-left"}
    page.route("**" + CONFIG + "*", fulfill_json(200, look))
    page.set_viewport_size({"width": width, "height": 700})
    open_demo(page, base_url)
    launcher = page.get_by_role("button", name=LAUNCHER)
    expect(launcher).to_have_css("left", "16px" if width > 480 else "8px")
    box = launcher.bounding_box()
    assert box and box["x"] < 20
    dialog = open_chat(page)
    panel = dialog.bounding_box()
    assert panel and panel["x"] < 20 and panel["x"] + panel["width"] <= width
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width


def test_bad_settings_from_the_server_are_ignored(page: Page, base_url: str) -> None:
    look = {
        "title": "x" * 500,
        "greeting": {"html": "<b>no</b>"},
        "starter_questions": ["<img src=x onerror=window.__xss=1>", 7],
        "colours": {"accent": "red;background:url(x)", "accent_text": "#ffffff"},
        "position": "top",
    }
    page.route("**" + CONFIG + "*", fulfill_json(200, look))
    open_demo(page, base_url)
    page.get_by_role("button", name=LAUNCHER).click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading", level=2)).to_have_text("x" * 60)
    starters = dialog.get_by_role("group", name="Suggested questions").get_by_role("button")
    expect(starters).to_have_text(["<img src=x onerror=window.__xss=1>"])  # as text
    assert computed(page, ".head", "backgroundColor") == rgb("#0b4f8a")  # the default
    assert page.evaluate("() => typeof window.__xss") == "undefined"


def test_the_schools_links_are_shown_under_its_answer(page: Page, base_url: str) -> None:
    reply = {
        "messages": [
            {
                "text": "How to report it.",
                "buttons": [],
                "school_links": [
                    {"title": "Our policy", "url": "https://school.example/policy"},
                    {"title": "Bad", "url": "javascript:window.__xss=1"},
                ],
            }
        ],
        "meta": {"kind": "guidance", "sources": [], "guidance_ids": []},
    }
    page.route("**/webhooks/widget/webhook", fulfill_json(200, reply))
    open_demo(page, base_url)
    open_chat(page)
    answer = ask(page, "how do i report it")
    expect(answer.get_by_role("heading", name="From your school")).to_be_visible()
    links = answer.get_by_role("link")
    expect(links).to_have_count(1)
    assert links.first.get_attribute("href") == "https://school.example/policy"
    page.reload()  # kept with the conversation, and checked again when read back
    expect(page.locator(".msg.bot").first.get_by_role("link")).to_have_count(1)


def test_the_setup_page_shows_the_snippet_and_a_preview_of_the_sites_look(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + SETUP + "?site=demo")
    expect(page.get_by_role("heading", level=1)).to_contain_text(DEMO.name)
    snippet = page.locator("pre code")
    expect(snippet).to_have_text(
        f'<script src="{base_url}/webhooks/widget/widget.js" defer></script>'
    )
    expect(page.locator("main").get_by_text(DEMO.starter_questions[0])).to_be_visible()
    dialog = open_chat(page)  # the preview
    expect(dialog.get_by_role("heading", level=2)).to_have_text(str(DEMO.title))
    # Another site's page previews that site's look, not the demo's. (The open chat is kept
    # for this origin's pages in the tab: start afresh, as an admin opening it would.)
    page.evaluate("() => sessionStorage.clear()")
    page.goto(base_url + SETUP + "?site=example-school")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Example Academy")
    dialog = open_chat(page)
    expect(dialog.get_by_role("heading", level=2)).to_have_text("Online safety help for parents")
    expect(dialog.get_by_role("group", name="Suggested questions")).to_have_count(0)
    assert page.request.get(base_url + SETUP + "?site=nobody").status == 404


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (320, 640)], ids=["1280px", "320px"])
def test_axe_on_the_themed_widget_and_the_setup_page(
    page: Page, base_url: str, width: int, height: int
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    # No slide-in: a scan right after opening would measure the panel half faded in.
    page.emulate_media(reduced_motion="reduce")
    page.set_viewport_size({"width": width, "height": height})
    open_demo(page, base_url)
    dialog = open_chat(page)
    expect(dialog.get_by_role("group", name="Suggested questions")).to_be_visible()
    results = [axe.run(page)]
    ask(page, QUESTION)
    expect(dialog.get_by_role("link").first).to_be_visible()
    results.append(axe.run(page))
    page.evaluate("() => sessionStorage.clear()")  # a fresh visit: the chat starts closed
    page.goto(base_url + SETUP + "?site=demo")
    expect(page.locator("pre code")).to_be_visible()
    results.append(axe.run(page))
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    open_chat(page)
    results.append(axe.run(page))
    assert serious_violations(results) == []
