"""The widget channel's parts: request validation, reply shape, rate limits, sites."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Optional

import pytest
from rasa.core.channels.channel import UserMessage

from bot.channels.rate_limit import SlidingWindowLimiter
from bot.channels.sites import SitesConfigError, load_sites
from bot.channels.widget import (
    BadRequest,
    WholeMessages,
    WidgetInput,
    client_address,
    parse_request,
    widget_reply,
)


def body(**fields) -> bytes:
    return json.dumps(fields).encode()


def test_valid_request_is_parsed_with_the_pages_country_hint() -> None:
    sender, text, metadata, message_id = parse_request(
        body(
            sender="abc_DEF-1",
            message="  is roblox safe?  ",
            metadata={"lang": "en", "country": "us"},
        )
    )
    assert (sender, text) == ("abc_DEF-1", "is roblox safe?")
    assert metadata == {"lang": "en", "country": "US"}
    assert message_id is None  # optional


def test_a_client_message_id_is_accepted_when_well_formed() -> None:
    *_, message_id = parse_request(body(sender="a", message="hi", message_id="m-1_x"))
    assert message_id == "m-1_x"


@pytest.mark.parametrize(
    "raw, problem",
    [
        (b"{not json", "body must be JSON"),
        (b"[1, 2]", "body must be a JSON object"),
        (body(sender="a b", message="hi"), "sender must be"),
        (body(sender="x" * 65, message="hi"), "sender must be"),
        (body(sender=12, message="hi"), "sender must be"),
        (body(sender="a", message="   "), "message must be non-empty text"),
        (body(sender="a", message=["hi"]), "message must be non-empty text"),
        (body(sender="a", message="x" * 1001), "at most 1000 characters"),
        (body(sender="a", message="hi", metadata="GB"), "metadata must be an object"),
        (
            body(sender="a", message="hi", metadata={"site": "other"}),
            "metadata.site is not accepted",
        ),
        (body(sender="a", message="hi", metadata={"lang": "x" * 17}), "metadata.lang is too long"),
        (
            body(sender="a", message="hi", metadata={"safeguarding_contact": "x"}),
            "metadata.safeguarding_contact is not accepted",
        ),
        (body(sender="a", message="hi", metadata={"country": "G1"}), "ISO 3166"),
        (body(sender="a", message="hi", metadata={"country": "GBR"}), "too long"),
        (body(sender="a", message="hi", message_id="has space"), "message_id must be"),
        (body(sender="a", message="hi", message_id="x" * 65), "message_id must be"),
        (body(sender="a", message="hi", message_id=7), "message_id must be"),
        (b"[" * 5000, "body must be JSON"),  # nested past Python's recursion limit
    ],
)
def test_malformed_requests_are_rejected_with_a_reason(raw: bytes, problem: str) -> None:
    with pytest.raises(BadRequest, match=problem):
        parse_request(raw)


def test_reply_keeps_text_and_buttons_and_takes_meta_from_custom() -> None:
    meta = {
        "kind": "guidance",
        "topic": "online_gaming",
        "sources": [{"title": "t", "url": "https://x"}],
    }
    collected = [
        {
            "recipient_id": "s",
            "text": "Answer",
            "buttons": [{"title": "9 to 12", "payload": "/inform_age"}],
        },
        {"recipient_id": "s", "custom": {"meta": meta}},
    ]
    assert widget_reply(collected) == {
        "messages": [
            {"text": "Answer", "buttons": [{"title": "9 to 12", "payload": "/inform_age"}]}
        ],
        "meta": meta,
    }


async def test_each_utterance_is_one_message_with_its_crisis_card() -> None:
    # Rasa's own collector would split this text at every blank line (six bubbles).
    text = "This sounds serious.\n\nCall 999 now.\n\nReport it:\n• CEOP\n\nWhat to do now:\n• Stay calm"
    meta = {"kind": "crisis", "sources": [{"title": "NSPCC", "url": "https://www.nspcc.org.uk"}]}
    card = {"opening": "This sounds serious.", "emergency": {"name": "Police", "tel": "999"}}
    buttons = [{"title": "United Kingdom", "payload": '/inform_country{"country": "GB"}'}]
    collector = WholeMessages()
    await collector.send_response("s", {"text": "Hello.\n\nI can help."})
    await collector.send_response(
        "s", {"text": text, "buttons": buttons, "custom": {"meta": meta, "crisis_card": card}}
    )
    await collector.send_response(
        "s", {"text": text, "custom": {"meta": meta, "crisis_card": card}}
    )
    reply = widget_reply(collector.messages)
    assert reply["messages"] == [
        {"text": "Hello.\n\nI can help.", "buttons": []},
        {"text": text, "buttons": buttons, "crisis_card": card},
        {"text": text, "buttons": [], "crisis_card": card},
    ]
    assert reply["meta"] == meta


def test_a_replayed_crisis_reply_keeps_its_card_on_its_message() -> None:
    # A retried message_id is answered from the stored BotUttered: text and custom together.
    card = {"opening": "This sounds serious."}
    stored = [{"text": "a\n\nb", "custom": {"meta": {"kind": "crisis"}, "crisis_card": card}}]
    assert widget_reply(stored)["messages"] == [
        {"text": "a\n\nb", "buttons": [], "crisis_card": card}
    ]


def test_reply_without_meta_falls_back_to_clarify() -> None:
    assert widget_reply([{"text": "hm"}])["meta"]["kind"] == "clarify"


def test_limiter_allows_the_limit_then_says_how_long_to_wait() -> None:
    now = [0.0]
    limiter = SlidingWindowLimiter(3, window_s=60, clock=lambda: now[0])
    assert [limiter.hit("a") for _ in range(3)] == [None, None, None]
    assert limiter.hit("a") == 60
    assert limiter.hit("b") is None  # other keys are unaffected
    now[0] = 61.0
    assert limiter.hit("a") is None


def test_limiter_memory_is_bounded_and_zero_turns_it_off() -> None:
    limiter = SlidingWindowLimiter(1, max_keys=10)
    for key in range(100):
        limiter.hit(str(key))
    assert len(limiter._events) == 10
    off = SlidingWindowLimiter(0)
    assert all(off.hit("a") is None for _ in range(100))


def test_sites_decide_country_and_contact_by_origin(tmp_path) -> None:
    sites = load_sites()
    example = sites.for_origin("https://www.example.org", "http://localhost:5005")
    assert example is not None and example.country == "GB" and example.safeguarding_contact
    assert sites.for_origin("http://localhost:5005", "http://localhost:5005") is sites.demo
    assert sites.for_origin(None, "http://localhost:5005") is sites.demo
    assert sites.for_origin("https://evil.example.com", "http://localhost:5005") is None


def test_sites_file_errors_are_reported(tmp_path) -> None:
    path = tmp_path / "sites.yml"
    path.write_text("sites:\n  - id: demo\n    name: Demo\n    origins: [ftp://x]\n")
    with pytest.raises(SitesConfigError, match="must start with https://"):
        load_sites(path)
    path.write_text("sites:\n  - id: other\n    name: Other\n")
    with pytest.raises(SitesConfigError, match="a site with id 'demo' is required"):
        load_sites(path)


def request_from(ip: str, forwarded: Optional[str] = None) -> SimpleNamespace:
    headers = {"x-forwarded-for": forwarded} if forwarded is not None else {}
    return SimpleNamespace(ip=ip, headers=headers)


def test_forwarded_address_is_believed_only_from_a_trusted_proxy() -> None:
    proxies = frozenset({"127.0.0.1"})
    # nginx appends the address it saw; the entries before it are the client's own claims.
    via_proxy = request_from("127.0.0.1", "6.6.6.6, 203.0.113.7")
    assert client_address(via_proxy, proxies) == "203.0.113.7"  # type: ignore[arg-type]
    assert client_address(request_from("127.0.0.1"), proxies) == "127.0.0.1"  # type: ignore[arg-type]
    direct = request_from("198.51.100.2", "203.0.113.7")
    assert client_address(direct, proxies) == "198.51.100.2"  # type: ignore[arg-type]
    assert client_address(via_proxy, frozenset()) == "127.0.0.1"  # type: ignore[arg-type]


async def test_a_message_that_could_not_be_answered_is_not_answered_with_an_apology() -> None:
    # No reply means the route's 503 with Retry-After: the turn may not be stored, so the
    # client must send it again (same message_id), not show an apology as if answered.
    sites = load_sites()
    channel = WidgetInput(sites)

    async def failing(message: UserMessage) -> None:
        raise ConnectionError("database unreachable")

    async def answering(message: UserMessage) -> None:
        message.output_channel.messages.append({"text": "an answer"})  # type: ignore[attr-defined]

    assert await channel._answer(failing, sites.demo, "parent", "hello", {}) is None
    reply = await channel._answer(answering, sites.demo, "parent", "hello", {})
    assert reply is not None and reply["messages"][0]["text"] == "an answer"


async def test_an_aggregates_database_that_fails_never_costs_a_parent_the_answer(tmp_path) -> None:
    import sqlalchemy as sa

    sites = load_sites()
    channel = WidgetInput(sites)
    broken = sa.create_engine(f"sqlite:///{tmp_path}/no/such/folder/trackers.db")
    agent = SimpleNamespace(tracker_store=SimpleNamespace(engine=broken))

    async def answering(message: UserMessage) -> None:
        message.output_channel.messages.append({"text": "an answer"})  # type: ignore[attr-defined]

    assert channel.aggregates(agent) is None  # logged; tried again on a later reply
    reply = await channel._answer(answering, sites.demo, "parent", "hello", {}, agent=agent)
    assert reply is not None and reply["messages"][0]["text"] == "an answer"
