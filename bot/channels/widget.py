"""The `widget` input channel: the school chat widget's API, its script and a demo page.

Routes (under /webhooks/widget/):
    POST /webhook    {"sender", "message", "metadata"?, "message_id"?}
                     -> {"messages": [{"text", "buttons", "crisis_card"?}], "meta": {...}}
    GET  /widget.js  the embed script (widget/widget.js)
    GET  /demo       a sample school page with the widget embedded (widget/demo.html)
    GET  /config[?preview=ID]  the site's look for the widget, chosen by Origin like the
                     webhook (Site.display: title, greeting, starter questions, colours,
                     position); ``preview`` only on the server's own origin
    GET  /setup?site=ID  the embed snippet and a live preview (bot/channels/setup_page.py)
    GET  /           health check
    GET  /ready      200 once the model is loaded, else 503 (readiness probes)
    POST /feedback   {"guidance_ids", "rating", "reason"?} -> 204: "Was this helpful?",
                     counted per entry, site and week only (bot/insights/feedback.py)
    GET  /insights?site=ID[&format=csv|json]  with "Authorization: Bearer <token>": the
                     school's figures for the last 12 weeks (bot/insights/page.py)

A client may send its own ``message_id`` and reuse it when it retries: a message whose id is
already in the conversation is answered with the replies recorded for it, not processed
again (bot/channels/once.py), so a retry after a lost reply never makes a second turn.

Every error is JSON ``{"error": ...}``. A message that could not be answered (the model,
an action or the database failed) gets a 503 with Retry-After, never a 200 apology: the
turn may not have been stored, and a retry with the same ``message_id`` is safe, so nginx
tries another instance and the widget offers "Try again". The site (and so its country and safeguarding contact)
comes from the Origin header and bot/sites.yml, never from the page's own metadata; a page
may send `lang` and a `country` hint (bot/channels/trust.py).
CORS preflights are answered by Rasa's own CORS layer, which the launcher (`make run`) gives the
origins of bot/sites.yml (``--cors``); this channel checks the Origin again on every POST.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, FrozenSet, List, Optional, Tuple

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.once import deliver_once
from bot.channels.rate_limit import SlidingWindowLimiter
from bot.channels.setup_page import setup_html
from bot.channels.sites import DEMO_SITE_ID, Site, Sites, load_sites
from bot.channels.trust import BadRequest, page_metadata, site_metadata
from bot.insights import page
from bot.insights.access import refused
from bot.insights.feedback import parse_feedback, rateable_ids
from bot.insights.store import InsightsStore, Recorder, engine_of
from bot.paths import WIDGET_DIR
from bot.replies import reply_meta
from bot.settings import Settings

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 8 * 1024
MAX_MESSAGE_CHARS = 1000
SENDER = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MESSAGE_ID = SENDER  # the same alphabet and length
# The insights page runs no script and loads nothing; it must not be framed or cached.
INSIGHTS_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "frame-ancestors 'none'",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Robots-Tag": "noindex",
}
# The setup page loads only the widget from this server; it must not be framed.
SETUP_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Robots-Tag": "noindex",
}
FORMATS = {
    "html": "text/html; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}
FALLBACK_META = reply_meta("clarify")
RETRY_AFTER_FAILURE_S = 1


class WidgetInput(InputChannel):
    """The school widget's channel: validated, rate-limited, CORS for configured sites."""

    @classmethod
    def name(cls) -> str:
        """The channel's name, and so its URL prefix /webhooks/widget/."""
        return "widget"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        """Build from credentials.yml: ``sites`` is the path of the sites file."""
        sites_file = (credentials or {}).get("sites")
        return cls(load_sites(Path(sites_file) if sites_file else None))

    def __init__(self, sites: Sites, settings: Optional[Settings] = None) -> None:
        """Keep the site configuration, the settings and one limiter per kind of key."""
        self.sites = sites
        self.settings = Settings.from_env() if settings is None else settings
        self.sender_limiter = SlidingWindowLimiter(self.settings.widget_sender_limit)
        self.address_limiter = SlidingWindowLimiter(self.settings.widget_address_limit)
        self.feedback_limiter = SlidingWindowLimiter(self.settings.widget_feedback_limit)
        self.insights_limiter = SlidingWindowLimiter(self.settings.widget_insights_limit)
        self.trusted_proxies = self.settings.widget_trusted_proxies
        self._rateable: Optional[FrozenSet[str]] = None
        self._store: Optional[InsightsStore] = None
        # The aggregates (bot/insights/), in the tracker store's database; set on first use,
        # when the agent and so its tracker store exist. INSIGHTS=off leaves it None.
        self.recorder: Optional[Recorder] = None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """The channel's routes."""
        widget = Blueprint("widget_webhook", __name__)

        @widget.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @widget.route("/ready", methods=["GET"])
        async def ready(request: Request) -> HTTPResponse:
            agent = getattr(request.app.ctx, "agent", None)
            if agent is None or not agent.is_ready():
                return _error(503, "the model is not loaded yet")
            return response.json({"status": "ready"})

        @widget.route("/widget.js", methods=["GET"])
        async def script(request: Request) -> HTTPResponse:
            return await _static(WIDGET_DIR / "widget.js", "application/javascript; charset=utf-8")

        @widget.route("/demo", methods=["GET"])
        async def demo(request: Request) -> HTTPResponse:
            return await _static(WIDGET_DIR / "demo.html", "text/html; charset=utf-8")

        @widget.route("/config", methods=["GET"])
        async def config(request: Request) -> HTTPResponse:
            site = self.sites.for_config(
                request.headers.get("origin"), _own_origin(request), _arg(request, "preview")
            )
            if site is None:
                return _error(403, "origin not allowed")
            # Cached like the script; Vary, because the answer depends on the Origin.
            headers = {
                **self._cors_headers(request),
                "Cache-Control": "public, max-age=300",
                "Vary": "Origin",
            }
            return response.json(site.display(), headers=headers)

        @widget.route("/setup", methods=["GET"])
        async def setup(request: Request) -> HTTPResponse:
            site = self.sites.by_id.get(_arg(request, "site") or DEMO_SITE_ID)
            if site is None:
                return _error(404, "no site with that id in bot/sites.yml")
            page_html = setup_html(site, _own_origin(request))
            return response.html(page_html, headers=SETUP_HEADERS)

        @widget.route("/webhook", methods=["GET", "PUT", "PATCH", "DELETE"])
        async def wrong_method(request: Request) -> HTTPResponse:
            return _error(405, "use POST", headers={"Allow": "POST, OPTIONS"})

        @widget.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            site = self._site(request)
            if site is None:
                return _error(403, "origin not allowed")
            cors = self._cors_headers(request)
            if len(request.body or b"") > MAX_BODY_BYTES:
                return _error(413, "request body too large", headers=cors)
            try:
                sender, text, from_page, message_id = parse_request(request.body)
            except BadRequest as problem:
                return _error(400, str(problem), headers=cors)
            address = client_address(request, self.trusted_proxies)
            wait = self.address_limiter.hit(address) or self.sender_limiter.hit(
                f"{site.id}:{sender}"
            )
            if wait is not None:
                headers = {**cors, "Retry-After": str(wait)}
                return _error(429, "too many messages; try again shortly", headers=headers)
            agent = getattr(request.app.ctx, "agent", None)
            reply = await self._answer(
                on_new_message, site, sender, text, from_page, message_id, agent
            )
            if reply is None:
                headers = {**cors, "Retry-After": str(RETRY_AFTER_FAILURE_S)}
                return _error(503, "could not answer; send the message again", headers=headers)
            return response.json(reply, headers=cors)

        @widget.route("/feedback", methods=["POST"])
        async def feedback(request: Request) -> HTTPResponse:
            site = self._site(request)
            if site is None:
                return _error(403, "origin not allowed")
            cors = self._cors_headers(request)
            try:
                rated = parse_feedback(request.body, self.rateable())
            except BadRequest as problem:
                return _error(400, str(problem), headers=cors)
            wait = self.feedback_limiter.hit(client_address(request, self.trusted_proxies))
            if wait is not None:
                headers = {**cors, "Retry-After": str(wait)}
                return _error(429, "too many ratings; try again shortly", headers=headers)
            recorder = self.insights(getattr(request.app.ctx, "agent", None))
            if recorder is None:
                return _error(503, "feedback is not being collected", headers=cors)
            recorder.count_feedback(site.id, rated.guidance_ids, rated.rating, rated.reason)
            return response.empty(status=204, headers=cors)

        @widget.route("/insights", methods=["GET"])
        async def insights(request: Request) -> HTTPResponse:
            # Limited before the token is checked, so tokens can't be guessed quickly.
            wait = self.insights_limiter.hit(client_address(request, self.trusted_proxies))
            if wait is not None:
                return _error(429, "too many requests", headers={"Retry-After": str(wait)})
            site_id = _arg(request, "site")
            status = refused(self.sites, site_id, request.headers.get("authorization"))
            if status == 401:
                headers = {"WWW-Authenticate": 'Bearer realm="insights"'}
                return _error(401, "send the site's token as Authorization: Bearer", headers)
            if status is not None:
                return _error(403, "this token does not open this site's insights")
            kind = _arg(request, "format") or "html"
            if kind not in FORMATS:
                return _error(400, "format must be html, csv or json")
            store = self.aggregates(getattr(request.app.ctx, "agent", None))
            if store is None:
                return _error(503, "the insights are not available yet")
            site = self.sites.by_id[str(site_id)]
            data = page.figures(store, site.id, site.name)
            render = {"html": page.as_html, "csv": page.as_csv, "json": page.as_json}[kind]
            headers = dict(INSIGHTS_HEADERS)
            if kind != "html":
                name = f"insights-{site.id}.{kind}"
                headers["Content-Disposition"] = f'attachment; filename="{name}"'
            return response.text(render(data), headers=headers, content_type=FORMATS[kind])

        return widget

    def rateable(self) -> FrozenSet[str]:
        """The ids a rating may name (read from the knowledge base once)."""
        if self._rateable is None:
            from bot.knowledge import get_knowledge_base

            self._rateable = rateable_ids(get_knowledge_base())
        return self._rateable

    async def _answer(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        site: Site,
        sender: str,
        text: str,
        from_page: Dict[str, str],
        message_id: Optional[str] = None,
        agent: Any = None,
    ) -> Optional[Dict[str, Any]]:
        """The reply to show, or None if the message could not be answered."""
        collector = WholeMessages()
        metadata = {**from_page, **site_metadata(site)}
        message = UserMessage(
            text,
            collector,
            f"{site.id}-{sender}",  # conversations never cross sites
            input_channel=self.name(),
            metadata=metadata,
            message_id=message_id,
        )
        replayed = False
        try:
            if message_id and agent is not None:
                collected, replayed = await deliver_once(agent, message)
            else:
                await on_new_message(message)
                collected = collector.messages
        except Exception:  # noqa: BLE001 - whatever failed, the client is told to retry
            logger.exception("widget: handling a message failed")
            return None
        reply = widget_reply(collected)
        recorder = self.insights(agent)
        if recorder is not None and collected and not replayed:  # a retry was counted already
            recorder.count_reply(site.id, reply["meta"])
        return reply

    def insights(self, agent: Any) -> Optional[Recorder]:
        """The aggregates' recorder, made on first use from the agent's tracker store.

        None when INSIGHTS=off or the tracker store is not SQL (nowhere to keep counts).
        """
        if self.recorder is None and self.settings.insights:
            store = self.aggregates(agent)
            if store is not None:
                self.recorder = Recorder(store)
        return self.recorder if self.settings.insights else None

    def aggregates(self, agent: Any) -> Optional[InsightsStore]:
        """The aggregates in the agent's tracker store database (None if it is not SQL)."""
        if self.recorder is not None:
            return self.recorder.store
        if self._store is None and agent is not None:
            engine = engine_of(getattr(agent, "tracker_store", None))
            if engine is not None:
                try:
                    self._store = InsightsStore(engine)
                except Exception:  # noqa: BLE001 - e.g. two instances creating the tables at once
                    # Counting is never worth a parent's answer: try again on the next reply.
                    logger.exception("insights: the aggregates' tables are not ready")
        return self._store

    def _site(self, request: Request) -> Optional[Site]:
        return self.sites.for_origin(request.headers.get("origin"), _own_origin(request))

    @staticmethod
    def _cors_headers(request: Request) -> Dict[str, str]:
        origin = request.headers.get("origin")
        if not origin:
            return {}
        # Retry-After must be exposed, or the page can't read how long to wait after a 429.
        headers = {
            "Access-Control-Allow-Origin": origin,
            "Access-Control-Expose-Headers": "Retry-After",
            "Vary": "Origin",
        }
        return headers


def parse_request(body: Optional[bytes]) -> Tuple[str, str, Dict[str, str], Optional[str]]:
    """Sender, message, the page metadata we accept and the client's message id (or None).

    Raises BadRequest saying what's wrong.
    """
    try:
        data = json.loads(body or b"")
    except (ValueError, UnicodeDecodeError, RecursionError):  # [[[[... nested past the limit
        raise BadRequest("body must be JSON") from None
    if not isinstance(data, dict):
        raise BadRequest("body must be a JSON object")
    sender, message, metadata = data.get("sender"), data.get("message"), data.get("metadata")
    if not isinstance(sender, str) or not SENDER.match(sender):
        raise BadRequest("sender must be 1-64 characters of A-Z, a-z, 0-9, _ and -")
    if not isinstance(message, str) or not message.strip():
        raise BadRequest("message must be non-empty text")
    if len(message) > MAX_MESSAGE_CHARS:
        raise BadRequest(f"message must be at most {MAX_MESSAGE_CHARS} characters")
    message_id = data.get("message_id")
    if message_id is not None and (
        not isinstance(message_id, str) or not MESSAGE_ID.match(message_id)
    ):
        raise BadRequest("message_id must be 1-64 characters of A-Z, a-z, 0-9, _ and -")
    return sender, message.strip(), page_metadata(metadata), message_id


class WholeMessages(CollectingOutputChannel):
    """Collects each utterance as one message, its text whole.

    Rasa's collector splits a text at every blank line into separate messages, and the
    widget shows each message as a bubble: a crisis answer came as six "Get help now"
    bubbles. Not splitting here, where the utterance is known, is cleaner than re-joining
    the parts in widget_reply, which would have to guess where one utterance ends: two
    utterances of one turn stay two messages, and a live reply has the same shape as one
    replayed for a retried message_id (bot/channels/once.py, from the stored BotUttered,
    which is never split).
    """

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        """Collect ``text`` as one message."""
        await self._persist_message(self._message(recipient_id, text=text.strip()))


def widget_reply(collected: List[Dict[str, Any]]) -> Dict[str, Any]:
    """The API's response from what the assistant uttered: messages, then one meta.

    One message per utterance with text. A crisis card (``custom.crisis_card``) goes on the
    message it was uttered with: Rasa collects an utterance's custom payload right after its
    text, or with it when a recorded reply is replayed.
    """
    messages: List[Dict[str, Any]] = []
    meta: Optional[Dict[str, Any]] = None
    for message in collected:
        custom = message.get("custom")
        custom = custom if isinstance(custom, dict) else {}
        if isinstance(custom.get("meta"), dict):
            meta = custom["meta"]
        if message.get("text"):
            buttons = [
                {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
                for b in message.get("buttons") or []
            ]
            messages.append({"text": message["text"], "buttons": buttons})
        if isinstance(custom.get("crisis_card"), dict):
            if not messages:
                messages.append({"text": "", "buttons": []})
            messages[-1]["crisis_card"] = custom["crisis_card"]
        if isinstance(custom.get("school_links"), list) and messages:
            messages[-1]["school_links"] = custom["school_links"]
    return {"messages": messages, "meta": meta or FALLBACK_META}


async def _static(path: Path, content_type: str) -> HTTPResponse:
    if not path.is_file():
        return _error(404, "not found")
    return await response.file(
        str(path), mime_type=content_type, headers={"Cache-Control": "public, max-age=300"}
    )


def client_address(request: Request, trusted_proxies: FrozenSet[str]) -> str:
    """The address to rate-limit: the peer, or the client our own proxy says it served.

    X-Forwarded-For is believed only from a trusted proxy, and only its last entry (the
    address that proxy saw): anything before it was written by the client and can be forged.
    """
    peer = str(request.ip or "unknown")
    forwarded = request.headers.get("x-forwarded-for")
    if forwarded and peer in trusted_proxies:
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return peer


def _own_origin(request: Request) -> str:
    return f"{request.scheme}://{request.host}"


def _arg(request: Request, name: str) -> Optional[str]:
    value = request.args.get(name)
    return value if isinstance(value, str) else None


def _error(status: int, message: str, headers: Optional[Dict[str, str]] = None) -> HTTPResponse:
    return response.json({"error": message}, status=status, headers=headers or {})
