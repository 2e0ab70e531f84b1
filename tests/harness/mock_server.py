"""A stand-in for the widget channel, for developing the widget without Rasa.

Serves widget/widget.js and widget/demo.html at the real paths and answers
POST /webhooks/widget/webhook per the API contract with canned replies:

- a message containing "blackmail": the real crisis answer for sextortion, country unknown
  (bot/safety/response.py crisis_reply: its text, crisis card and country buttons);
- a button payload starting "/inform_country": that crisis answer again, for the country
  in the payload (as after a crisis the real assistant does);
- a message containing "flood": 429 with Retry-After;
- a message containing "xss" or "<img": a guidance reply whose text and source title carry
  an HTML payload that must never execute;
- a button payload starting "/inform_age": a short guidance reply for that age;
- anything else: a guidance reply with meta.sources and two buttons.
POST /webhooks/widget/feedback is checked as the real channel checks it
(bot/insights/feedback.py, against the real knowledge base's ids) and answered 204; the
accepted ratings are kept in RATINGS for tests. GET /webhooks/widget/insights?site=demo
with "Authorization: Bearer mock-insights-token" is the real insights page
(bot/insights/page.py) over sample counts; without it, 401.
GET /webhooks/widget/config and /webhooks/widget/setup?site=ID answer from bot/sites.yml as
the real channel does (Sites.for_config, Site.display, bot/channels/setup_page.py).
Replies are structure, as from the real widget API: no "Sources:" block in any text.

Run it by hand: `python tests/harness/mock_server.py [PORT]` (default 5005).
"""

from __future__ import annotations

import json
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, List, Optional

# Run as a script, the repository root is not on the path.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bot.channels.setup_page import setup_html  # noqa: E402
from bot.channels.sites import load_sites  # noqa: E402
from bot.channels.trust import BadRequest  # noqa: E402
from bot.insights import page  # noqa: E402
from bot.insights.feedback import parse_feedback, rateable_ids  # noqa: E402
from bot.insights.store import InsightsStore, Recorder  # noqa: E402
from bot.knowledge import get_knowledge_base  # noqa: E402
from bot.replies import fill_template  # noqa: E402
from bot.safety.response import crisis_reply  # noqa: E402

WIDGET_DIR = Path(__file__).resolve().parents[2] / "widget"
PREFIX = "/webhooks/widget"
SENDER = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
XSS = '<img src=x onerror="window.__xss=1">'
RETRY_AFTER_S = 7
RATINGS: List[Dict[str, Any]] = []  # accepted feedback, in order
INSIGHTS_TOKEN = "mock-insights-token"
SITES = load_sites()  # the shipped bot/sites.yml: the demo site's look


def sample_insights() -> str:
    """The insights page over a few weeks of made-up counts (some under 5)."""
    import sqlalchemy as sa
    from sqlalchemy.pool import StaticPool

    engine = sa.create_engine(
        "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
    )
    recorder = Recorder(InsightsStore(engine))
    asked = [
        (
            {
                "kind": "guidance",
                "topic": "platform_safety",
                "platform": "roblox",
                "age_band": "5_8",
            },
            23,
        ),
        (
            {
                "kind": "guidance",
                "topic": "age_requirements",
                "platform": "tiktok",
                "age_band": "9_12",
            },
            11,
        ),
        ({"kind": "guidance", "topic": "screen_time", "age_band": "13_17"}, 6),
        ({"kind": "crisis", "topic": "sextortion"}, 2),
        ({"kind": "clarify"}, 7),
        ({"kind": "out_of_scope"}, 5),
    ]
    for meta, times in asked:
        for _ in range(times):
            recorder.count_reply("demo", meta)
    for rating, times in (("yes", 14), ("no", 6)):
        for _ in range(times):
            recorder.count_feedback("demo", ["roblox_safety"], rating)
    recorder.flush()
    return page.as_html(page.figures(recorder.store, "demo", "Hillside Primary School (demo)"))


SOURCES = [
    {
        "title": "eSafety Commissioner: Roblox",
        "url": "https://www.esafety.gov.au/key-topics/esafety-guide/roblox",
    },
    {
        "title": "NSPCC: Online games",
        "url": "https://www.nspcc.org.uk/keeping-children-safe/online-safety/",
    },
]


def _meta(
    kind: str, sources: Optional[List[Dict[str, str]]] = None, **extra: Any
) -> Dict[str, Any]:
    meta: Dict[str, Any] = {
        "kind": kind,
        "topic": None,
        "platform": None,
        "age_band": None,
        "country": None,
        "sources": sources or [],
        "guidance_ids": [],
    }
    meta.update(extra)
    return meta


def crisis(country: Optional[str]) -> Dict[str, Any]:
    """The real sextortion crisis answer for ``country``, as the widget API returns it."""
    reply = crisis_reply(get_knowledge_base(), "sextortion", country)
    names = [n for n in (reply.preface, reply.template, reply.follow_up) if n]
    text = "\n\n".join(fill_template(name, reply.values) for name in names)
    message = {"text": text, "buttons": reply.buttons, "crisis_card": reply.card}
    return {"messages": [message], "meta": reply.meta}


def reply_for(message: str) -> Dict[str, Any]:
    """The canned reply to one message."""
    lowered = message.lower()
    if "blackmail" in lowered:
        return crisis(None)
    if lowered.startswith("/inform_country"):
        code = re.search(r'"country": "([A-Z]+)"', message)
        return crisis(code.group(1) if code else None)
    if "xss" in lowered or "<img" in lowered:
        sources = [{"title": f"Evil source {XSS}", "url": "https://example.org/?q=<b>x</b>"}]
        text = f"Here is some text with markup: {XSS} <b>bold?</b>"
        return {
            "messages": [{"text": text, "buttons": []}],
            "meta": _meta(
                "guidance", sources + [{"title": "Bad scheme", "url": "javascript:window.__xss=1"}]
            ),
        }
    if lowered.startswith("/inform_age"):
        band = "9-12" if "9_12" in message else "5-8"
        text = (
            f"For children aged {band}, keep chat limited to friends and check the settings "
            "together every few months."
        )
        return {
            "messages": [{"text": text, "buttons": []}],
            "meta": _meta("guidance", SOURCES[:1], age_band=band, guidance_ids=["roblox_under_13"]),
        }
    text = (
        "Roblox can be a fun, creative game, but children can chat with strangers in it.\n"
        "• Turn on Parental Controls and set a parent PIN.\n"
        "• Limit chat to friends, or turn it off for younger children.\n"
        "• Talk with your child about who they play with.\n\n"
        "How old is your child? The advice differs by age."
    )
    buttons = [
        {"title": "5 to 8 years", "payload": '/inform_age{"age_band": "5_8"}'},
        {"title": "9 to 12 years", "payload": '/inform_age{"age_band": "9_12"}'},
    ]
    return {
        "messages": [{"text": text, "buttons": buttons}],
        "meta": _meta(
            "guidance",
            SOURCES,
            topic="platform_safety",
            platform="roblox",
            guidance_ids=["roblox_safety", "app:roblox"],
        ),
    }


class Handler(BaseHTTPRequestHandler):
    """GET the script and demo page, POST the webhook; JSON errors like the real channel."""

    server_version = "osw-mock/1"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: pytest shows failures, not access logs

    def _send(
        self, status: int, body: bytes, content_type: str, headers: Optional[Dict[str, str]] = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, data: Any, headers: Optional[Dict[str, str]] = None) -> None:
        body = json.dumps(data).encode("utf-8")
        self._send(status, body, "application/json", headers)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == f"{PREFIX}/widget.js":
            body = (WIDGET_DIR / "widget.js").read_bytes()
            self._send(200, body, "application/javascript; charset=utf-8")
        elif path == f"{PREFIX}/demo":
            body = (WIDGET_DIR / "demo.html").read_bytes()
            self._send(200, body, "text/html; charset=utf-8")
        elif path == f"{PREFIX}/config":
            own = f"http://{self.headers.get('Host')}"
            preview = re.search(r"[?&]preview=([^&]*)", self.path)
            site = SITES.for_config(
                self.headers.get("Origin"), own, preview.group(1) if preview else None
            )
            if site is None:
                self._json(403, {"error": "origin not allowed"})
            else:
                self._json(200, site.display())
        elif path == f"{PREFIX}/setup":
            wanted = re.search(r"[?&]site=([^&]*)", self.path)
            site = SITES.by_id.get(wanted.group(1) if wanted else "demo")
            if site is None:
                self._json(404, {"error": "no such site"})
            else:
                html = setup_html(site, f"http://{self.headers.get('Host')}")
                self._send(200, html.encode("utf-8"), "text/html; charset=utf-8")
        elif path == f"{PREFIX}/insights":
            if self.headers.get("Authorization") != f"Bearer {INSIGHTS_TOKEN}":
                self._json(401, {"error": "send the site's token"})
            else:
                self._send(200, sample_insights().encode("utf-8"), "text/html; charset=utf-8")
        elif path == f"{PREFIX}/webhook":
            self._json(405, {"error": "method not allowed"})
        else:
            self._json(404, {"error": "not found"})

    def do_POST(self) -> None:
        if self.path.split("?", 1)[0] == f"{PREFIX}/feedback":
            self._feedback()
            return
        if self.path.split("?", 1)[0] != f"{PREFIX}/webhook":
            self._json(404, {"error": "not found"})
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > 16_384:
            self._json(413, {"error": "request too large"})
            return
        try:
            data = json.loads(self.rfile.read(length) or b"")
        except ValueError:
            self._json(400, {"error": "body must be JSON"})
            return
        if not isinstance(data, dict):
            self._json(400, {"error": "body must be a JSON object"})
            return
        sender, message = data.get("sender"), data.get("message")
        metadata = data.get("metadata", {})
        if not isinstance(sender, str) or not SENDER.match(sender):
            self._json(400, {"error": "bad sender"})
            return
        if not isinstance(message, str) or not message.strip() or len(message) > 1000:
            self._json(400, {"error": "bad message"})
            return
        if not isinstance(metadata, dict) or set(metadata) - {"lang", "country"}:
            self._json(400, {"error": "bad metadata"})
            return
        if "flood" in message.lower():
            self._json(
                429,
                {"error": "too many messages"},
                {"Retry-After": str(RETRY_AFTER_S), "Access-Control-Expose-Headers": "Retry-After"},
            )
            return
        self._json(200, reply_for(message))

    def _feedback(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        try:
            rated = parse_feedback(self.rfile.read(length), rateable_ids(get_knowledge_base()))
        except BadRequest as problem:
            self._json(400, {"error": str(problem)})
            return
        RATINGS.append(
            {
                "guidance_ids": list(rated.guidance_ids),
                "rating": rated.rating,
                "reason": rated.reason,
            }
        )
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()


def start(port: int = 0) -> ThreadingHTTPServer:
    """Serve on 127.0.0.1:port (0 = a free port) in a daemon thread."""
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


if __name__ == "__main__":
    srv = start(int(sys.argv[1]) if len(sys.argv) > 1 else 5005)
    print(f"mock widget server: http://127.0.0.1:{srv.server_port}{PREFIX}/demo")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        srv.shutdown()
