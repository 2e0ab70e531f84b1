"""A message retried with the same message_id is answered from the tracker, not re-processed."""

from __future__ import annotations

import asyncio
from typing import Any, List

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.channels.once import deliver_once, recorded_replies

META = {"kind": "guidance", "topic": "reporting"}


class EchoProcessor:
    """Stands in for Rasa's MessageProcessor: one user turn, one reply, then save."""

    def __init__(self, store: InMemoryTrackerStore) -> None:
        self.store = store
        self.handled: List[str] = []

    async def handle_message(self, message: UserMessage) -> None:
        self.handled.append(message.text or "")
        await asyncio.sleep(0.01)  # long enough for a racing retry to queue behind it
        tracker = await self.store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text, message_id=message.message_id))
        reply = {"text": f"answer to {message.text}", "custom": {"meta": META}}
        tracker.update(BotUttered(reply["text"], data={"custom": reply["custom"]}))
        tracker.update(ActionExecuted("action_listen"))
        message.output_channel.messages.append(reply)  # type: ignore[attr-defined]
        await self.store.save(tracker)


class FakeAgent:
    def __init__(self) -> None:
        self.tracker_store = InMemoryTrackerStore(Domain.empty())
        self.lock_store = InMemoryLockStore()
        self.processor: Any = EchoProcessor(self.tracker_store)

    def is_ready(self) -> bool:
        return True


def message(text: str, message_id: str) -> UserMessage:
    return UserMessage(text, CollectingOutputChannel(), "demo-parent", message_id=message_id)


async def test_a_retry_gets_the_recorded_reply_and_no_second_turn() -> None:
    agent = FakeAgent()
    first, replayed = await deliver_once(agent, message("is tiktok ok?", "m1"))  # type: ignore[arg-type]
    retried, replayed_again = await deliver_once(agent, message("is tiktok ok?", "m1"))  # type: ignore[arg-type]
    assert first == retried == [{"text": "answer to is tiktok ok?", "custom": {"meta": META}}]
    assert (replayed, replayed_again) == (False, True)  # so the retry is not counted again
    assert agent.processor.handled == ["is tiktok ok?"]
    other, _ = await deliver_once(agent, message("is tiktok ok?", "m2"))  # type: ignore[arg-type]
    assert other == first and agent.processor.handled == ["is tiktok ok?"] * 2


async def test_a_retry_racing_the_original_waits_for_it_under_the_lock() -> None:
    agent = FakeAgent()
    both = await asyncio.gather(
        deliver_once(agent, message("hello", "m1")),  # type: ignore[arg-type]
        deliver_once(agent, message("hello", "m1")),  # type: ignore[arg-type]
    )
    assert both[0][0] == both[1][0] and agent.processor.handled == ["hello"]


def test_recorded_replies_are_those_between_the_turn_and_the_next() -> None:
    tracker = DialogueStateTracker.from_events(
        "s",
        [
            UserUttered("one", message_id="a"),
            BotUttered("reply one", data={"buttons": [{"title": "t", "payload": "/p"}]}),
            UserUttered("two", message_id="b"),
            BotUttered("reply two"),
        ],
    )
    assert recorded_replies(tracker, "a") == [
        {"text": "reply one", "buttons": [{"title": "t", "payload": "/p"}]}
    ]
    assert recorded_replies(tracker, "b") == [{"text": "reply two"}]
    assert recorded_replies(tracker, "c") is None
