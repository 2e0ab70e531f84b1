"""Rasa's SQL tracker store, storing user messages with personal details redacted.

Used by every profile (``type: bot.privacy.tracker_store.RedactingSQLTrackerStore`` in
bot/endpoints.yml and bot/endpoints.cluster.yml), so no channel can bypass it. Only what is
written is redacted: the turn being processed has already been understood from the
original text, and a conversation read back later holds the redacted one.
"""

from __future__ import annotations

import copy
from typing import Any, Iterator, List

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy.redaction import redact


class RedactingSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore (SQLite or PostgreSQL) that redacts user text in stored events."""

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        """The events ``save`` writes (those not stored yet), with user text redacted."""
        return (redacted_event(event) for event in super()._additional_events(session, tracker))

    async def _stream_new_events(
        self, event_broker: EventBroker, new_events: List[Event], sender_id: str
    ) -> None:
        """An event broker, if one is configured, gets the redacted events too."""
        await super()._stream_new_events(
            event_broker, [redacted_event(event) for event in new_events], sender_id
        )


def redacted_event(event: Event) -> Event:
    """``event`` itself, or for a user message with personal details a redacted copy.

    The tracker in memory keeps the original, so Rasa's count of stored events is unchanged.
    """
    if not isinstance(event, UserUttered) or not event.text:
        return event
    text = redact(event.text)
    if text == event.text:
        return event
    stored = copy.copy(event)
    stored.text = text
    stored.parse_data = {**event.parse_data, "text": text}
    # Token offsets point into the original text; they would only locate what was removed.
    stored.parse_data.pop("text_tokens", None)
    return stored
