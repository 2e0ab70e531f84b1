"""What the browser tests share: the widget's names, and how a parent opens and uses it.

A helper module, not a test module, so that every browser test file imports the same
steps instead of one test file importing another.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

from playwright.sync_api import Page, Route, expect

DEMO = "/webhooks/widget/demo"
WEBHOOK = "/webhooks/widget/webhook"
LAUNCHER = "Online safety help"  # accessible name "Online safety help: open chat"
DIALOG = "Online safety help for parents"
QUESTION = "Is Roblox safe for my 8 year old?"
QUESTION_NEEDING_AGE = "Is Roblox safe for my child?"
CRISIS = "Someone is blackmailing my son with a photo, what do I do?"

STORAGE_JS = """() => ({
    cookies: document.cookie,
    session: Object.keys(sessionStorage),
    local: Object.keys(localStorage),
})"""
SHADOW_FOCUS_JS = """() => {
    const host = document.querySelector('osw-chat-widget');
    const inner = host && document.activeElement === host ? host.shadowRoot.activeElement : null;
    return inner ? (inner.getAttribute('aria-label') || inner.id || inner.textContent) : null;
}"""


def open_demo(page: Page, base_url: str) -> None:
    page.goto(base_url + DEMO)
    expect(page.get_by_role("button", name=LAUNCHER)).to_be_visible()


def open_chat(page: Page) -> Any:
    page.get_by_role("button", name=LAUNCHER).click()
    dialog = page.get_by_role("dialog", name=DIALOG)
    expect(dialog).to_be_visible()
    return dialog


def ask(page: Page, text: str) -> Any:
    """Send text from the input and return the first bot message of the reply."""
    bots = page.locator(".msg.bot")
    before = bots.count()
    page.get_by_label("Type your question").fill(text)
    page.get_by_role("button", name="Send").click()
    answer = bots.nth(before)
    expect(answer).to_be_visible()
    return answer


def storage(page: Page) -> Dict[str, Any]:
    return page.evaluate(STORAGE_JS)


def osw_keys(page: Page) -> List[str]:
    return [key for key in storage(page)["session"] if key.startswith("osw-")]


def fulfill_json(status: int, body: Dict[str, Any], headers: Optional[Dict[str, str]] = None):
    def handler(route: Route) -> None:
        route.fulfill(
            status=status,
            content_type="application/json",
            headers=headers or {},
            body=json.dumps(body),
        )

    return handler


def webhook_requests(page: Page) -> List[Dict[str, Any]]:
    """The bodies the widget posts to the API, filled in as the page sends them."""
    requests: List[Dict[str, Any]] = []
    page.on(
        "request",
        lambda r: requests.append(json.loads(r.post_data or "{}"))
        if r.url.endswith(WEBHOOK)
        else None,
    )
    return requests


# The live region's text, where the widget announces what changed.
LIVE_JS = """() => document.querySelector('osw-chat-widget').shadowRoot
    .querySelector('[aria-live]').textContent"""


def serious_violations(results: List[Any]) -> List[str]:
    """The serious and critical findings of axe scans, readable in an assertion's diff."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for result in results
        for v in result.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]
