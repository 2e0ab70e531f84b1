"""Deliver a widget message at most once, however often the client retries it.

A Rasa instance can die after it saved a turn but before its reply reached the parent; the
client then retries the same message (same ``message_id``), perhaps on another instance.
Processing it again would store the turn twice and answer it twice. Instead, under the
conversation's lock (so a retry racing the original waits for it), the tracker is checked
for a user turn with that id, and if there is one the replies recorded after it are sent.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.runtime.tuning import reusing


async def deliver_once(agent: Agent, message: UserMessage) -> Tuple[List[Dict[str, Any]], bool]:
    """Process ``message`` as ``Agent.handle_message`` does, unless it was processed before.

    Returns:
        The bot messages for the turn, in CollectingOutputChannel's format: new ones, or
        the recorded ones when the conversation already holds this message id; and whether
        they were recorded ones (a replay must not be counted again, bot/insights/).
    """
    if not agent.is_ready() or agent.processor is None:
        return [], False  # as Agent.handle_message: no model, no answer
    async with agent.lock_store.lock(message.sender_id):
        tracker = await agent.tracker_store.retrieve(message.sender_id)
        recorded = recorded_replies(tracker, message.message_id) if tracker else None
        if recorded is not None:
            return recorded, True
        with reusing(tracker):  # Rasa's own load of it returns this one (runtime tuning)
            await agent.processor.handle_message(message)
    output = message.output_channel
    return (list(output.messages) if isinstance(output, CollectingOutputChannel) else []), False


def recorded_replies(
    tracker: DialogueStateTracker, message_id: Optional[str]
) -> Optional[List[Dict[str, Any]]]:
    """The bot messages stored after the user turn ``message_id``; None if there is none."""
    events = list(tracker.events)
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        if isinstance(event, UserUttered) and event.message_id == message_id:
            replies = []
            for later in events[index + 1 :]:
                if isinstance(later, UserUttered):
                    break
                if isinstance(later, BotUttered):
                    replies.append(_as_collected(later))
            return replies
    return None


def _as_collected(event: BotUttered) -> Dict[str, Any]:
    """A stored bot message as CollectingOutputChannel would have collected it."""
    collected: Dict[str, Any] = {"text": event.text} if event.text else {}
    collected.update({key: value for key, value in (event.data or {}).items() if value})
    return collected
