"""The REST channel is a plain-text channel: its replies cite their sources in the text."""

from __future__ import annotations

import json
from types import SimpleNamespace

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels.rest import CitingOutputChannel, RestInput

META = {
    "kind": "guidance",
    "sources": [{"title": "NSPCC: Online games", "url": "https://www.nspcc.org.uk/games"}],
}


async def test_a_rest_reply_ends_its_text_with_the_sources_block_once() -> None:
    collector = CollectingOutputChannel()
    await CitingOutputChannel(collector).send_response(
        "s", {"text": "The answer.\n• A step.", "custom": {"meta": META}}
    )
    texts = [m["text"] for m in collector.messages if m.get("text")]
    assert texts == [
        "The answer.\n• A step.",
        "Sources:\nNSPCC: Online games: https://www.nspcc.org.uk/games",
    ]  # Rasa's collector splits at the blank line, as REST clients always got it
    assert collector.messages[-1]["custom"] == {"meta": META}


async def test_a_rest_reply_without_sources_or_metadata_is_passed_on_unchanged() -> None:
    collector = CollectingOutputChannel()
    citing = CitingOutputChannel(collector)
    await citing.send_response("s", {"text": "Hello!"})
    await citing.send_response("s", {"text": "Hm.", "custom": {"meta": {"sources": []}}})
    assert [m.get("text") for m in collector.messages] == ["Hello!", "Hm.", None]
    assert citing.name() == collector.name()


async def test_the_rest_webhook_sends_every_reply_through_the_citing_channel() -> None:
    async def assistant(message: UserMessage) -> None:
        meta = {"kind": "guidance", "sources": META["sources"]}
        await message.output_channel.send_response(
            message.sender_id, {"text": "The answer.", "custom": {"meta": meta}}
        )

    blueprint = RestInput().blueprint(assistant)
    route = next(r for r in blueprint._future_routes if r.uri == "/webhook")
    request = SimpleNamespace(json={"sender": "s", "message": "hi"}, args={})
    reply = json.loads((await route.handler(request)).body)
    assert [m.get("text") for m in reply] == [
        "The answer.",
        "Sources:\nNSPCC: Online games: https://www.nspcc.org.uk/games",
        None,
    ]
