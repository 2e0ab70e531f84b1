"""The guidance and clarify actions, run with the SDK's dispatcher and hand-built trackers.

They use the real knowledge base: these are the behaviours parents rely on. Assertions are
on the reply metadata and events, not on wording.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.guidance import ActionAnswerGuidance, ActionClarify
from bot.knowledge import get_knowledge_base
from bot.replies import sources_block

SLOTS = ("topic", "platform", "game", "age_band", "country", "crisis_category")


def make_tracker(
    text: str,
    intent: str,
    platforms: List[str] = (),  # type: ignore[assignment]
    slots: Optional[Dict[str, Any]] = None,
    ranking: Optional[List[Dict[str, Any]]] = None,
) -> Tracker:
    """A tracker whose latest user message is ``text``, as NLU would have parsed it."""
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": [{"entity": "platform", "value": p} for p in platforms],
        "intent_ranking": ranking or [{"name": intent, "confidence": 0.9}],
    }
    return Tracker(
        sender_id="test",
        slots={name: (slots or {}).get(name) for name in SLOTS},
        latest_message=latest,
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


async def run(action, tracker: Tracker):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, {})
    assert len(dispatcher.messages) == 1, "each turn is answered by exactly one message"
    return dispatcher.messages[0], events


async def test_roblox_question_with_age_gets_the_under_13_entry() -> None:
    tracker = make_tracker("is roblox safe for my 8 year old?", "ask_platform_safety", ["roblox"])
    message, events = await run(ActionAnswerGuidance(), tracker)
    meta = message["custom"]["meta"]
    assert meta["kind"] == "guidance"
    assert meta["topic"] == "online_gaming"
    assert meta["platform"] == "roblox"
    assert meta["age_band"] == "5_8"
    # The entry for under-13s on Roblox, with Roblox's own profile (its age, contact, tools).
    assert meta["guidance_ids"] == ["roblox_under_13", "app:roblox"]
    assert meta["sources"] and all(s["url"].startswith("https://") for s in meta["sources"])
    # The sources travel as metadata only; plain-text channels (REST, shell) render them.
    assert "Sources:" not in message["text"]
    assert all(s["url"] in sources_block(meta["sources"]) for s in meta["sources"])
    assert SlotSet("age_band", "5_8") in events
    assert SlotSet("platform", "roblox") in events
    assert SlotSet("topic", "online_gaming") in events


@pytest.mark.parametrize(
    "text, intent, platforms, topic, platform",
    [
        ("who can watch my daughter's tiktok live", "ask_livestreaming", ["tiktok"], "livestreaming", "tiktok"),
        ("how do I set up snapchat family center", "ask_parental_controls", ["snapchat"], "parental_controls", "snapchat"),
        ("what age for instagram", "ask_age_requirements", ["instagram"], "age_requirements", "instagram"),
        ("someone is blackmailing my son with a photo", "ask_sextortion", [], "sextortion", None),
        ("what are signs of grooming", "ask_grooming", [], "grooming", None),
        ("is omegle still around", "ask_platform_safety", ["omegle"], "random_video_chat", "omegle"),
        ("tell me about discord", "ask_platform_safety", ["discord"], "social_and_chat_apps", "discord"),
        ("what is fortnite like for kids", "ask_platform_safety", ["fortnite"], "online_gaming", "fortnite"),
    ],
)  # fmt: skip
async def test_topics_and_platforms_answer_end_to_end(
    text, intent, platforms, topic, platform
) -> None:
    message, _ = await run(ActionAnswerGuidance(), make_tracker(text, intent, platforms))
    meta = message["custom"]["meta"]
    assert meta["kind"] == "guidance"
    assert meta["topic"] == topic
    assert meta["platform"] == platform
    assert meta["sources"], "guidance always cites a source"
    assert meta["guidance_ids"] and not meta["guidance_ids"][0].startswith("app:")


async def test_an_app_without_its_own_entry_is_answered_from_its_profile() -> None:
    tracker = make_tracker("is telegram ok for my son", "ask_platform_safety", ["telegram"])
    message, _ = await run(ActionAnswerGuidance(), tracker)
    meta = message["custom"]["meta"]
    assert "app:telegram" in meta["guidance_ids"]
    assert meta["platform"] == "telegram"
    assert "Telegram" in message["text"]
    help_page = get_knowledge_base().profiles["telegram"].help_page.url
    assert help_page in [s["url"] for s in meta["sources"]] and help_page in message["text"]


async def test_age_alone_re_answers_the_previous_topic_for_that_age() -> None:
    tracker = make_tracker(
        "she's 12",
        "inform_age",
        slots={"topic": "online_gaming", "platform": "roblox", "game": "roblox"},
    )
    message, events = await run(ActionAnswerGuidance(), tracker)
    meta = message["custom"]["meta"]
    assert meta["guidance_ids"][0] == "roblox_under_13"
    assert meta["age_band"] == "9_12"
    assert events == [SlotSet("age_band", "9_12")]  # topic and app are unchanged


async def test_age_alone_before_any_question_is_acknowledged() -> None:
    message, events = await run(ActionAnswerGuidance(), make_tracker("he is 9", "inform_age"))
    assert message["custom"]["meta"]["kind"] == "chitchat"
    assert SlotSet("age_band", "9_12") in events


async def test_thanks_in_a_parents_own_words_gets_the_thank_you_reply() -> None:
    tracker = make_tracker(
        "Much obliged, you've been very patient", "out_of_scope", slots={"age_band": "5_8"}
    )
    message, events = await run(ActionAnswerGuidance(), tracker)
    assert message["response"] == "utter_thank"
    assert message["custom"]["meta"]["kind"] == "chitchat"
    assert message["custom"]["meta"]["age_band"] == "5_8"
    assert events == []


async def test_remembered_age_tailors_a_later_question() -> None:
    tracker = make_tracker(
        "what about roblox", "ask_platform_safety", ["roblox"], slots={"age_band": "9_12"}
    )
    message, _ = await run(ActionAnswerGuidance(), tracker)
    assert message["custom"]["meta"]["guidance_ids"][0] == "roblox_under_13"


async def test_whole_app_question_without_an_app_asks_which_one() -> None:
    message, _ = await run(
        ActionAnswerGuidance(), make_tracker("is this app safe", "ask_platform_safety")
    )
    meta = message["custom"]["meta"]
    assert meta["kind"] == "clarify"
    assert meta["sources"] == [] and meta["guidance_ids"] == []


async def test_country_slot_is_reported_in_metadata() -> None:
    tracker = make_tracker("how to report", "ask_reporting", slots={"country": "GB"})
    message, _ = await run(ActionAnswerGuidance(), tracker)
    assert message["custom"]["meta"]["country"] == "GB"


async def test_clarify_offers_the_likeliest_guidance_topics_as_buttons() -> None:
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.4},
        {"name": "ask_grooming", "confidence": 0.3},
        {"name": "greet", "confidence": 0.1},
        {"name": "ask_sextortion", "confidence": 0.1},
        {"name": "ask_reporting", "confidence": 0.05},
        {"name": "ask_screen_time", "confidence": 0.05},
    ]
    tracker = make_tracker("someone weird online", "nlu_fallback", ranking=ranking)
    message, events = await run(ActionClarify(), tracker)
    assert message["custom"]["meta"]["kind"] == "clarify"
    assert [b["payload"] for b in message["buttons"]] == [
        "/ask_grooming",
        "/ask_sextortion",
        "/ask_reporting",
    ]
    assert events == []


async def test_clarify_without_candidates_asks_to_rephrase() -> None:
    ranking = [{"name": "nlu_fallback", "confidence": 0.4}, {"name": "greet", "confidence": 0.2}]
    message, _ = await run(ActionClarify(), make_tracker("hmm", "nlu_fallback", ranking=ranking))
    assert message["buttons"] == []
    assert message["custom"]["meta"]["kind"] == "clarify"


async def test_the_app_being_discussed_carries_to_the_next_question() -> None:
    tracker = make_tracker(
        "how do i stop strangers messaging him",
        "ask_grooming",
        slots={"platform": "snapchat", "topic": "age_requirements"},
    )
    message, events = await run(ActionAnswerGuidance(), tracker)
    meta = message["custom"]["meta"]
    assert (meta["topic"], meta["platform"]) == ("grooming", "snapchat")
    assert SlotSet("topic", "grooming") in events


async def test_a_question_about_apps_in_general_drops_the_remembered_app() -> None:
    tracker = make_tracker(
        "how do I stop strangers messaging him on any app",
        "ask_grooming",
        slots={"platform": "snapchat", "topic": "age_requirements"},
    )
    message, _ = await run(ActionAnswerGuidance(), tracker)
    assert message["custom"]["meta"]["platform"] is None


async def test_is_it_safe_refers_to_the_app_being_discussed() -> None:
    tracker = make_tracker("but is it safe?", "ask_platform_safety", slots={"platform": "roblox"})
    message, _ = await run(ActionAnswerGuidance(), tracker)
    assert message["custom"]["meta"]["platform"] == "roblox"
    assert message["custom"]["meta"]["topic"] == "online_gaming"


async def test_unknown_age_that_changes_the_answer_is_asked_with_buttons() -> None:
    message, _ = await run(
        ActionAnswerGuidance(), make_tracker("is roblox ok", "ask_platform_safety", ["roblox"])
    )
    assert message["custom"]["meta"]["guidance_ids"][0] == "roblox_safety"  # general first
    payloads = [b["payload"] for b in message["buttons"]]
    assert payloads[0] == '/inform_age{"age_band": "under_5"}' and len(payloads) == 5


async def test_age_button_re_answers_for_that_age() -> None:
    tracker = make_tracker(
        '/inform_age{"age_band": "9_12"}',
        "inform_age",
        slots={"topic": "online_gaming", "platform": "roblox"},
    )
    tracker.latest_message["entities"] = [{"entity": "age_band", "value": "9_12"}]
    message, events = await run(ActionAnswerGuidance(), tracker)
    assert message["custom"]["meta"]["guidance_ids"][0] == "roblox_under_13"
    assert message["buttons"] == []
    assert SlotSet("age_band", "9_12") in events


async def test_no_age_question_where_age_does_not_change_the_answer() -> None:
    message, _ = await run(
        ActionAnswerGuidance(),
        make_tracker("tell me about twitch", "ask_platform_safety", ["twitch"]),
    )
    assert message["buttons"] == []


async def test_whole_app_question_without_an_app_answers_the_runner_up_topic() -> None:
    ranking = [
        {"name": "ask_platform_safety", "confidence": 0.5},
        {"name": "ask_social_and_chat_apps", "confidence": 0.3},
    ]
    tracker = make_tracker(
        "messaging apps for a 10 year old", "ask_platform_safety", ranking=ranking
    )
    message, _ = await run(ActionAnswerGuidance(), tracker)
    meta = message["custom"]["meta"]
    assert (meta["kind"], meta["topic"], meta["platform"]) == (
        "guidance",
        "social_and_chat_apps",
        None,
    )


def test_the_last_reply_being_the_crisis_response_is_remembered() -> None:
    from actions.conversation import last_reply_was_crisis

    tracker = make_tracker("what do we do now", "ask_follow_up")
    crisis = {"event": "bot", "data": {"custom": {"meta": {"kind": "crisis"}}}}
    guidance = {"event": "bot", "data": {"custom": {"meta": {"kind": "guidance"}}}}
    user = {"event": "user", "text": "what do we do now"}
    tracker.events = [guidance, crisis, user]
    assert last_reply_was_crisis(tracker)
    tracker.events = [crisis, user, guidance, user]
    assert not last_reply_was_crisis(tracker)
    tracker.events = []
    assert not last_reply_was_crisis(tracker)


async def test_the_game_discussed_is_remembered_beside_the_app() -> None:
    tracker = make_tracker("can strangers talk to my son on fortnite", "ask_online_gaming",
                           ["fortnite"])  # fmt: skip
    _, events = await run(ActionAnswerGuidance(), tracker)
    assert SlotSet("game", "fortnite") in events
