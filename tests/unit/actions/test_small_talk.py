"""Small talk is said in the domain's words, with meta that keeps the age and country."""

from __future__ import annotations

from typing import Any, Dict, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.small_talk import ActionSmallTalk


def tracker(text: str, intent: str, slots: Optional[Dict[str, Any]] = None) -> Tracker:
    return Tracker(
        sender_id="test",
        slots={"age_band": None, "country": None, **(slots or {})},
        latest_message={"text": text, "intent": {"name": intent, "confidence": 1.0}},
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


async def say(text: str, intent: str, slots: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    dispatcher = CollectingDispatcher()
    assert await ActionSmallTalk().run(dispatcher, tracker(text, intent, slots), {}) == []
    assert len(dispatcher.messages) == 1
    return dispatcher.messages[0]


async def test_thanks_late_in_a_conversation_still_knows_the_child_and_the_country() -> None:
    said = await say("cheers mate", "thank", {"age_band": "13_15", "country": "AU"})
    assert said["response"] == "utter_thank"
    meta = said["custom"]["meta"]
    assert (meta["kind"], meta["age_band"], meta["country"]) == ("chitchat", "13_15", "AU")


@pytest.mark.parametrize(
    "intent, response",
    [
        ("greet", "utter_greet"),
        ("goodbye", "utter_goodbye"),
        ("bot_challenge", "utter_iamabot"),
        ("ask_capabilities", "utter_capabilities"),
    ],
)
async def test_each_kind_of_small_talk_gets_its_own_response(intent: str, response: str) -> None:
    said = await say("hello", intent)
    assert said["response"] == response
    assert said["custom"]["meta"]["age_band"] is None  # nothing known yet: nothing invented
