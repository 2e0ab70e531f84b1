"""Read the cluster's conversations straight from PostgreSQL, not through Rasa."""

from __future__ import annotations

import json
from typing import Any, Dict, List

import sqlalchemy as sa

from launcher.cluster.services import postgres_url
from launcher.cluster.settings import ClusterSettings


class TrackerDatabase:
    """The ``events`` table Rasa's SQLTrackerStore writes."""

    def __init__(self, settings: ClusterSettings) -> None:
        self.engine = sa.create_engine(postgres_url(settings, settings.postgres_db))

    def raw_rows(self, conversation_id: str) -> List[str]:
        """The stored rows as text, exactly as they sit in the table, in storage order."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                sa.text("SELECT data FROM events WHERE sender_id = :id ORDER BY id"),
                {"id": conversation_id},
            )
            return [str(row[0]) for row in rows]

    def events(self, conversation_id: str) -> List[Dict[str, Any]]:
        """The conversation's events in the order they were stored."""
        return [json.loads(row) for row in self.raw_rows(conversation_id)]

    def slots(self, conversation_id: str) -> Dict[str, Any]:
        """Each slot's latest stored value."""
        values: Dict[str, Any] = {}
        for event in self.events(conversation_id):
            if event.get("event") == "slot":
                values[event["name"]] = event.get("value")
        return values

    def user_message_ids(self, conversation_id: str) -> List[str]:
        """The message_id of every stored user turn, in order."""
        return [
            str(event.get("message_id"))
            for event in self.events(conversation_id)
            if event.get("event") == "user"
        ]

    def age(self, conversation_id: str, days: float) -> None:
        """Make a conversation look ``days`` older (the retention test)."""
        with self.engine.begin() as connection:
            connection.execute(
                sa.text("UPDATE events SET timestamp = timestamp - :s WHERE sender_id = :id"),
                {"s": days * 86_400, "id": conversation_id},
            )

    def close(self) -> None:
        self.engine.dispose()
