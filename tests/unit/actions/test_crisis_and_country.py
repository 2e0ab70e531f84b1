"""The crisis response and the country flow, run with the SDK's dispatcher."""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

from rasa_sdk.events import SlotSet

from actions.country import ActionSetCountry
from actions.crisis import ActionCrisisResponse
from actions.guidance import ActionAnswerGuidance
from tests.unit.actions.test_guidance import make_tracker, run


def with_metadata(tracker, channel="widget", **metadata):
    """The latest message as ``channel`` delivered it, with ``metadata`` on its request."""
    tracker.latest_message["metadata"] = metadata
    tracker.events.append({"event": "user", "input_channel": channel, **tracker.latest_message})
    return tracker


async def test_crisis_without_a_country_helps_first_then_asks() -> None:
    tracker = make_tracker("someone is blackmailing my son with his pics", "report_crisis")
    message, events = await run(ActionCrisisResponse(), tracker)
    meta = message["custom"]["meta"]
    assert meta["kind"] == "crisis"
    assert meta["topic"] == "sextortion"
    assert meta["country"] is None
    assert meta["sources"]
    text = message["text"]
    assert text.index("immediate danger") < text.index("Which country")  # help before questions
    assert message["buttons"][-1]["title"] == "Another country"
    assert SlotSet("crisis_category", "sextortion") in events


async def test_the_crisis_action_sends_its_card_in_the_custom_payload() -> None:
    tracker = make_tracker("someone is blackmailing my son with his pics", "report_crisis")
    message, _ = await run(ActionCrisisResponse(), tracker)
    card = message["custom"]["crisis_card"]
    assert card["country"] == {"code": None, "name": None}
    assert card["emergency"]["name"] and card["steps"] and card["removal"]
    assert card["ask_country"] and card["ask_country"] in message["text"]
    # The text is for plain-text channels and carries no sources block: sources are meta only.
    assert "Sources:" not in message["text"]
    assert not any(s["url"] in message["text"] for s in message["custom"]["meta"]["sources"])


async def test_crisis_with_the_sites_country_gives_that_countrys_numbers() -> None:
    tracker = with_metadata(
        make_tracker("my daughter went to meet a man from tiktok", "report_crisis"),
        site_country="AU",
    )
    message, events = await run(ActionCrisisResponse(), tracker)
    meta = message["custom"]["meta"]
    assert (meta["kind"], meta["topic"], meta["country"]) == ("crisis", "grooming", "AU")
    assert "000" in message["text"] and "ACCCE" in message["text"]
    assert message["buttons"] == []
    assert SlotSet("country", "AU") in events


async def test_classifier_only_crisis_takes_its_steps_from_the_likeliest_topic() -> None:
    ranking = [
        {"name": "report_crisis", "confidence": 0.8},
        {"name": "ask_sextortion", "confidence": 0.15},
    ]
    tracker = make_tracker("pls help they have my photo", "report_crisis", ranking=ranking)
    message, _ = await run(ActionCrisisResponse(), tracker)
    assert message["custom"]["meta"]["topic"] == "sextortion"


async def pick_the_uk_after_a_sextortion_crisis() -> Tuple[Dict[str, Any], List[Any]]:
    """The parent presses "United Kingdom" under a sextortion crisis response."""
    tracker = make_tracker(
        '/inform_country{"country": "GB"}',
        "inform_country",
        slots={"crisis_category": "sextortion"},
    )
    tracker.latest_message["entities"] = [{"entity": "country", "value": "GB"}]
    return await run(ActionSetCountry(), tracker)


async def test_country_button_after_a_crisis_repeats_help_for_that_country() -> None:
    message, events = await pick_the_uk_after_a_sextortion_crisis()
    meta = message["custom"]["meta"]
    assert (meta["kind"], meta["country"]) == ("crisis", "GB")
    assert "999" in message["text"] and "CEOP" in message["text"]
    assert events == [SlotSet("country", "GB")]


async def test_after_the_country_is_set_the_crisis_card_is_for_that_country() -> None:
    message, _ = await pick_the_uk_after_a_sextortion_crisis()
    card = message["custom"]["crisis_card"]
    assert card["country"] == {"code": "GB", "name": "United Kingdom"}
    assert (card["emergency"]["phone"], card["emergency"]["tel"]) == ("999", "999")
    assert any(c["name"].startswith("CEOP") for c in card["report"])
    assert card["ask_country"] is None and message["buttons"] == []
    assert "Sources:" not in message["text"]


async def test_a_guidance_reply_after_the_country_carries_no_card() -> None:
    tracker = make_tracker("we're in Canada", "inform_country", slots={"topic": "reporting"})
    message, _ = await run(ActionSetCountry(), tracker)
    assert "crisis_card" not in message["custom"]
    assert "Sources:" not in message["text"]


async def test_typed_country_after_a_reporting_question_re_answers_it() -> None:
    tracker = make_tracker("we're in Canada", "inform_country", slots={"topic": "reporting"})
    message, _ = await run(ActionSetCountry(), tracker)
    meta = message["custom"]["meta"]
    assert (meta["kind"], meta["topic"], meta["country"]) == ("guidance", "reporting", "CA")
    assert "Cybertip.ca" in message["text"]


async def test_a_country_given_with_a_question_of_its_own_answers_the_question() -> None:
    # "is there an age limit for it in Germany": the classifier hears the country, the words
    # ask about age rules; the last answer (an overview of ChatGPT) is not what is wanted.
    tracker = make_tracker(
        "is there an age limit for it in Germany",
        "inform_country",
        slots={"topic": "harmful_content", "platform": "chatgpt"},
    )
    message, events = await run(ActionSetCountry(), tracker)
    meta = message["custom"]["meta"]
    assert (meta["topic"], meta["platform"], meta["country"]) == (
        "age_requirements",
        "chatgpt",
        "DE",
    )
    assert SlotSet("country", "DE") in events


async def test_reporting_answer_asks_for_the_country_once_then_remembers_it() -> None:
    first, _ = await run(
        ActionAnswerGuidance(),
        make_tracker("where do i report someone bothering my son", "ask_reporting"),
    )
    assert first["custom"]["meta"]["country"] is None
    assert first["buttons"], "the country is asked with buttons"
    later, _ = await run(
        ActionAnswerGuidance(),
        make_tracker(
            "and how do I report a snapchat account",
            "ask_reporting",
            ["snapchat"],
            slots={"country": "GB"},
        ),
    )
    assert later["buttons"] == []
    assert later["custom"]["meta"]["country"] == "GB"
    assert "CEOP" in later["text"]


async def test_reporting_names_the_country_mentioned_in_the_message() -> None:
    message, events = await run(
        ActionAnswerGuidance(), make_tracker("how do I report grooming in ireland", "ask_reporting")
    )
    assert message["custom"]["meta"]["country"] == "IE"
    assert "Hotline.ie" in message["text"]
    assert SlotSet("country", "IE") in events


async def test_another_country_is_remembered_as_international() -> None:
    tracker = make_tracker(
        '/inform_country{"country": "INTL"}', "inform_country", slots={"topic": "reporting"}
    )
    tracker.latest_message["entities"] = [{"entity": "country", "value": "INTL"}]
    message, events = await run(ActionSetCountry(), tracker)
    assert message["custom"]["meta"]["country"] is None
    assert events == [SlotSet("country", "INTL")]


async def test_schools_safeguarding_contact_is_in_crisis_and_reporting_answers() -> None:
    contact = "Mrs Example, safeguarding lead"
    crisis = with_metadata(
        make_tracker("my son has gone missing", "report_crisis"),
        site_country="GB",
        safeguarding_contact=contact,
    )
    message, _ = await run(ActionCrisisResponse(), crisis)
    assert contact in message["text"]
    reporting = with_metadata(
        make_tracker("where do i report someone bothering my son", "ask_reporting"),
        site_country="GB",
        safeguarding_contact=contact,
    )
    message, _ = await run(ActionAnswerGuidance(), reporting)
    assert contact in message["text"]


async def test_a_client_outside_the_widget_cannot_set_the_contact_or_the_sites_country() -> None:
    # Whatever an API client puts in its metadata, only the widget channel's values count.
    forged = with_metadata(
        make_tracker("my son has gone missing", "report_crisis"),
        channel="rest",
        site_country="GB",
        safeguarding_contact="call 0000 for a fake helpline",
    )
    message, _ = await run(ActionCrisisResponse(), forged)
    assert "0000" not in message["text"]
    assert message["custom"]["meta"]["country"] is None  # and so the parent is asked


async def test_the_parents_own_country_wins_over_the_sites_and_is_kept() -> None:
    tracker = with_metadata(
        make_tracker("how do i report a fake account of my son", "ask_reporting"),
        site_country="GB",
    )
    tracker.events.insert(0, {"event": "user", "text": "we're in Ireland", "parse_data": {}})
    message, _ = await run(ActionAnswerGuidance(), tracker)
    assert message["custom"]["meta"]["country"] == "IE"


async def test_a_pages_country_counts_where_the_site_has_none() -> None:
    page_only = with_metadata(
        make_tracker("where do i report grooming", "ask_reporting"), country="NZ"
    )
    message, _ = await run(ActionAnswerGuidance(), page_only)
    assert message["custom"]["meta"]["country"] == "NZ"
    both = with_metadata(
        make_tracker("where do i report grooming", "ask_reporting"), country="NZ", site_country="AU"
    )
    message, _ = await run(ActionAnswerGuidance(), both)
    assert message["custom"]["meta"]["country"] == "AU"


async def test_a_crisis_keeps_the_app_it_happens_on() -> None:
    named = make_tracker(
        "a man on snapchat says he'll post her pics", "report_crisis", ["snapchat"]
    )
    message, events = await run(ActionCrisisResponse(), named)
    assert message["custom"]["meta"]["platform"] == "snapchat"
    remembered = make_tracker(
        "now he says he wants money", "report_crisis", slots={"platform": "kik"}
    )
    message, _ = await run(ActionCrisisResponse(), remembered)
    assert message["custom"]["meta"]["platform"] == "kik"


SCHOOL_LINKS = [
    {"title": "Our online-safety policy", "url": "https://school.example/policy"},
    {"title": "Contact our safeguarding lead", "url": "https://school.example/dsl"},
]


async def test_the_schools_links_come_with_its_reporting_and_crisis_answers() -> None:
    crisis = with_metadata(
        make_tracker("my son has gone missing", "report_crisis"),
        site_country="GB",
        school_links=SCHOOL_LINKS,
    )
    message, _ = await run(ActionCrisisResponse(), crisis)
    assert message["custom"]["school_links"] == SCHOOL_LINKS
    reporting = with_metadata(
        make_tracker("where do i report someone bothering my son", "ask_reporting"),
        site_country="GB",
        school_links=SCHOOL_LINKS,
    )
    message, _ = await run(ActionAnswerGuidance(), reporting)
    assert message["custom"]["meta"]["topic"] == "reporting"
    assert message["custom"]["school_links"] == SCHOOL_LINKS
    # After the parent picks a country, the crisis answer again carries them.
    picked = with_metadata(
        make_tracker('/inform_country{"country": "GB"}', "inform_country"),
        school_links=SCHOOL_LINKS,
    )
    picked.slots["crisis_category"] = "missing"
    message, _ = await run(ActionSetCountry(), picked)
    assert message["custom"]["school_links"] == SCHOOL_LINKS


async def test_the_schools_links_are_not_on_other_answers_or_from_other_channels() -> None:
    guidance = with_metadata(
        make_tracker("is roblox safe for my 8 year old?", "ask_platform_safety", ["roblox"]),
        school_links=SCHOOL_LINKS,
    )
    message, _ = await run(ActionAnswerGuidance(), guidance)
    assert "school_links" not in message["custom"]
    for action, text, intent in (
        (ActionCrisisResponse(), "my son has gone missing", "report_crisis"),
        (ActionAnswerGuidance(), "where do i report someone bothering my son", "ask_reporting"),
    ):
        forged = with_metadata(
            make_tracker(text, intent), channel="rest", site_country="GB", school_links=SCHOOL_LINKS
        )
        message, _ = await run(action, forged)
        assert "school_links" not in message["custom"]


def with_earlier_messages(tracker, *texts: str):
    """``tracker`` with the parent's earlier messages before its latest one."""
    said = [*texts, tracker.latest_message["text"]]
    tracker.events = [{"event": "user", "text": t, "parse_data": {}} for t in said]
    return tracker


async def test_a_picture_mentioned_earlier_now_going_round_gets_the_crisis_response() -> None:
    tracker = with_earlier_messages(
        make_tracker("now it's going round her whole year", "ask_cyberbullying"),
        "my 14 year old sent a topless photo to her boyfriend last night",
    )
    message, _ = await run(ActionAnswerGuidance(), tracker)
    meta = message["custom"]["meta"]
    assert (meta["kind"], meta["topic"]) == ("crisis", "sextortion")


async def test_a_rumour_going_round_with_no_picture_earlier_is_no_crisis() -> None:
    tracker = with_earlier_messages(
        make_tracker("now it's going round her whole year", "ask_cyberbullying"),
        "girls in her class made up a rumour about her",
    )
    message, _ = await run(ActionAnswerGuidance(), tracker)
    assert message["custom"]["meta"]["kind"] != "crisis"
