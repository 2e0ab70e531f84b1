"""The interpreter's decisions on the real knowledge base, with NLU output written by hand.

Each test is one rule a parent relies on; the classifier's part is given as the ranking
it might produce, so these tests need no trained model.
"""

from __future__ import annotations

from typing import List, Optional, Sequence

import pytest

from bot.understanding import get_interpreter
from bot.understanding.interpret import (
    AGE_NOTED,
    CLARIFY,
    GUIDANCE,
    OUT_OF_SCOPE,
    SMALL_TALK,
    Heard,
    Interpretation,
    Memory,
)
from bot.understanding.unlisted_apps import unlisted_app_name


def hear(
    text: str,
    intent: Optional[str],
    confidence: float = 0.9,
    apps: Sequence[str] = (),
    runner_up: Optional[str] = None,
) -> Heard:
    ranking: List[dict] = [{"name": intent, "confidence": confidence}]
    if runner_up:
        ranking.append({"name": runner_up, "confidence": round(1 - confidence, 3)})
    return Heard(text=text, intent=intent, ranking=ranking, platform_mentions=list(apps))


def interpret(heard: Heard, memory: Optional[Memory] = None) -> Interpretation:
    return get_interpreter().interpret(heard, memory or Memory())


ROBLOX_FOR_A_9_YEAR_OLD = Memory(topic="online_gaming", platform="roblox", age_band="9_12")
TIKTOK_LIVE = Memory(topic="livestreaming", platform="tiktok", age_band="13_15")


def test_a_new_app_alone_asks_the_same_question_about_it() -> None:
    meaning = interpret(hear("what about minecraft?", "nlu_fallback", 0.3, ["minecraft"]),
                        ROBLOX_FOR_A_9_YEAR_OLD)  # fmt: skip
    assert (meaning.kind, meaning.platform, meaning.age_band) == (GUIDANCE, "minecraft", "9_12")
    assert meaning.whole_app and meaning.topic == "online_gaming"


@pytest.mark.parametrize(
    "last_topic, topic",
    [
        # telling the school about bullying goes on with the bullying
        ("cyberbullying", "cyberbullying"),
        # after an age question, telling the school is about reporting
        ("age_requirements", "reporting"),
    ],
)
def test_a_follow_up_naming_several_subjects_goes_on_with_the_last_if_it_is_one(
    last_topic: str, topic: str
) -> None:
    meaning = interpret(
        hear("do I need to tell the school", "nlu_fallback", 0.3),
        Memory(topic=last_topic, platform="whatsapp", age_band="9_12"),
    )
    assert meaning.topic == topic


def test_asking_what_could_go_wrong_after_an_age_rule_gets_the_apps_risks() -> None:
    meaning = interpret(
        hear("whats the worst that could happen on it", "nlu_fallback", 0.3),
        Memory(topic="age_requirements", platform="wizz", age_band="13_15"),
    )
    assert (meaning.topic, meaning.platform) == ("social_and_chat_apps", "wizz")
    assert meaning.whole_app


def test_a_whole_app_question_carries_to_an_app_of_another_kind() -> None:
    meaning = interpret(hear("and discord?", "ask_platform_safety", 0.8, ["discord"]),
                        ROBLOX_FOR_A_9_YEAR_OLD)  # fmt: skip
    assert (meaning.topic, meaning.platform) == ("social_and_chat_apps", "discord")


def test_a_new_age_alone_re_asks_the_last_question_for_that_age() -> None:
    meaning = interpret(hear("and for his sister, she's 15?", "inform_age"), TIKTOK_LIVE)
    assert (meaning.kind, meaning.topic, meaning.platform) == (GUIDANCE, "livestreaming", "tiktok")
    assert meaning.age_band == "13_15"


def test_an_open_follow_up_keeps_topic_app_and_age() -> None:
    meaning = interpret(hear("what could go wrong", "ask_follow_up"), TIKTOK_LIVE)
    assert (meaning.kind, meaning.topic, meaning.platform, meaning.age_band) == (
        GUIDANCE, "livestreaming", "tiktok", "13_15",
    )  # fmt: skip


def test_an_open_follow_up_that_names_a_topic_switches_to_it() -> None:
    meaning = interpret(hear("and set a daily limit?", "ask_follow_up", 0.7),
                        Memory(topic="online_gaming", platform="nintendo_switch"))  # fmt: skip
    assert (meaning.topic, meaning.platform) == ("screen_time", "nintendo_switch")


def test_a_feature_named_in_an_ellipsis_gets_its_own_entry() -> None:
    meaning = interpret(hear("and snap map?", "ask_privacy_and_location", 0.8, ["snap"]),
                        Memory(topic="privacy_and_location", platform="life360"))  # fmt: skip
    assert (meaning.topic, meaning.platform) == ("privacy_and_location", "snapchat")
    assert meaning.keyword_entry is not None


def test_the_app_asked_about_comes_first_even_when_its_name_is_an_everyday_word() -> None:
    heard = hear("what is kick and is it worse than twitch", "ask_livestreaming", apps=["twitch"])
    assert interpret(heard).platform == "kick"


def test_an_everyday_word_app_in_an_ellipsis_is_that_app() -> None:
    meaning = interpret(hear("ok and kick?", "nlu_fallback", 0.3), TIKTOK_LIVE)
    assert (meaning.kind, meaning.platform) == (GUIDANCE, "kick")


def test_an_open_follow_up_with_no_conversation_is_asked_about() -> None:
    assert interpret(hear("what could go wrong", "ask_follow_up")).kind == CLARIFY


def test_a_reference_keeps_the_app_for_a_new_topic() -> None:
    meaning = interpret(hear("how do I turn off chat in it", "ask_parental_controls"),
                        Memory(topic="online_gaming", platform="minecraft"))  # fmt: skip
    assert (meaning.topic, meaning.platform) == ("parental_controls", "minecraft")


def test_a_new_question_naming_another_app_replaces_the_app_and_keeps_the_age() -> None:
    meaning = interpret(
        hear("how do I report someone on snapchat", "ask_reporting", apps=["snapchat"]),
        ROBLOX_FOR_A_9_YEAR_OLD,
    )
    assert (meaning.topic, meaning.platform, meaning.age_band) == (
        "reporting", "snapchat", "9_12",
    )  # fmt: skip


def test_a_child_wanting_an_app_gets_the_whole_app_answer_whatever_the_classifier_heard() -> None:
    meaning = interpret(hear("my son is 9 and wants roblox", "ask_grooming", 0.53, ["roblox"]))
    assert (meaning.topic, meaning.platform, meaning.age_band) == (
        "online_gaming",
        "roblox",
        "9_12",
    )
    assert meaning.whole_app


def test_a_general_feature_the_remembered_app_has_its_own_of_keeps_the_app() -> None:
    # Snapchat has its own Family Center; asked about Monkey, which has none, it is general.
    question = hear("does family center let me see her messages", "ask_parental_controls")
    snapchat = interpret(question, Memory(topic="privacy_and_location", platform="snapchat"))
    monkey = interpret(question, Memory(topic="random_video_chat", platform="monkey"))
    assert (snapchat.topic, snapchat.platform) == ("parental_controls", "snapchat")
    assert (monkey.topic, monkey.platform) == ("parental_controls", None)


def test_a_feature_of_one_app_is_that_apps_over_the_remembered_one() -> None:
    # "My AI" is Snapchat's, whatever app the conversation was on.
    meaning = interpret(
        hear("and the My AI thing, can I get rid of that", "ask_harmful_content"),
        Memory(topic="parental_controls", platform="instagram"),
    )
    assert (meaning.keyword_entry, meaning.platform) == ("snapchat_my_ai", "snapchat")


def test_asking_in_general_drops_the_remembered_app() -> None:
    meaning = interpret(
        hear("how can I stop her downloading apps like that", "ask_parental_controls"),
        Memory(topic="random_video_chat", platform="monkey"),
    )
    assert (meaning.topic, meaning.platform) == ("parental_controls", None)


def test_an_off_topic_sounding_follow_up_inside_a_conversation_is_answered_in_context() -> None:
    meaning = interpret(hear("should I contact the other parents?", "out_of_scope", 0.6),
                        Memory(topic="cyberbullying", platform="instagram"))  # fmt: skip
    assert meaning.kind == GUIDANCE and meaning.topic == "cyberbullying"


@pytest.mark.parametrize(
    "text",
    ["what's the weather tomorrow", "book a table for two at 7", "how do I switch my bank account"],
)
def test_requests_about_adult_life_stay_off_topic_even_in_a_conversation(text: str) -> None:
    apps = ["switch"] if "switch" in text else []
    assert interpret(hear(text, "out_of_scope", 0.9, apps), TIKTOK_LIVE).kind == OUT_OF_SCOPE


def test_dinner_stays_off_topic_though_it_names_the_children() -> None:
    text = "thanks! any idea what to cook tonight, the kids want pasta"
    assert interpret(hear(text, "out_of_scope", 0.9), TIKTOK_LIVE).kind == OUT_OF_SCOPE


@pytest.mark.parametrize(
    "text, intent",
    [
        ("You've been ever so helpful. Is this a real person typing?", "bot_challenge"),
        ("ok merci. you are a robot or human?", "bot_challenge"),
        ("Cheers, you're a star", "thank"),
        ("much obliged, more use than the helpdesk", "thank"),
    ],
)
def test_small_talk_in_a_parents_own_words_gets_the_small_talk_reply(text, intent) -> None:
    meaning = interpret(hear(text, "out_of_scope", 0.7), TIKTOK_LIVE)
    assert meaning.kind == SMALL_TALK and meaning.small_talk == intent


@pytest.mark.parametrize(
    "text",
    [
        "haha fine, she'll sulk for a week",
        "lol right, my husband said the same",
        "fair enough, we'll try that",
        "oh well, he will moan but never mind lol",
    ],
)
def test_a_reaction_to_the_answer_is_acknowledged_not_answered_again(text) -> None:
    # The classifier hears a topic in "she'll sulk" or "my husband": the words are a reaction.
    meaning = interpret(hear(text, "ask_talking_with_children", 0.6), TIKTOK_LIVE)
    assert meaning.kind == SMALL_TALK and meaning.small_talk == "acknowledge"


@pytest.mark.parametrize(
    "text",
    [
        "lol ok but how do I stop strangers seeing her lives",
        "haha, is there a time limit I can set?",
        "fair enough. what about gifts, can she turn those off",
    ],
)
def test_laughter_before_a_question_is_the_question(text) -> None:
    meaning = interpret(hear(text, "ask_livestreaming", 0.8), TIKTOK_LIVE)
    assert meaning.kind == GUIDANCE


@pytest.mark.parametrize("text", ["proud of her tbh", "my wife said the same fwiw"])
def test_a_remark_the_classifier_cannot_place_is_acknowledged_in_a_conversation(text) -> None:
    meaning = interpret(hear(text, "out_of_scope", 0.6), TIKTOK_LIVE)
    assert meaning.kind == SMALL_TALK and meaning.small_talk == "acknowledge"


def test_laughter_with_no_conversation_yet_is_not_an_acknowledgement() -> None:
    meaning = interpret(hear("lol my kids are glued to screens", "ask_screen_time", 0.8))
    assert meaning.kind == GUIDANCE


@pytest.mark.parametrize("text", ["what's your name then", "who made you btw?", "ok who runs this"])
def test_asking_who_answers_gets_the_bot_reply_whatever_topic_the_classifier_heard(text) -> None:
    meaning = interpret(hear(text, "ask_online_gaming", 0.6), ROBLOX_FOR_A_9_YEAR_OLD)
    assert meaning.kind == SMALL_TALK and meaning.small_talk == "bot_challenge"


@pytest.mark.parametrize("text", ["mine is 15", "my lad is 15", "dd is 14 btw"])
def test_an_age_in_a_parents_own_word_for_the_child_re_asks_the_question(text) -> None:
    meaning = interpret(hear(text, "out_of_scope", 0.6), TIKTOK_LIVE)
    assert (meaning.kind, meaning.topic, meaning.platform) == (GUIDANCE, "livestreaming", "tiktok")
    assert meaning.age_band == "13_15"


def test_thanks_with_a_new_question_is_answered_as_the_question() -> None:
    meaning = interpret(hear("thanks. is it safe for strangers though?", "out_of_scope", 0.5),
                        TIKTOK_LIVE)  # fmt: skip
    assert meaning.kind == GUIDANCE


AFTER_A_SEXTORTION_CRISIS = Memory(
    topic="sextortion", platform="instagram", age_band="16_17", after_crisis=True
)


@pytest.mark.parametrize(
    "text, intent, topic",
    [
        ("what do we do right now", "ask_grooming", "reporting"),
        ("do I look at the pictures to check it's really her?", "ask_harmful_content", "reporting"),
        ("should we pay the rest so it stops?", "ask_social_and_chat_apps", "sextortion"),
        ("it was mostly on snap, if that matters for getting it removed", "ask_sextortion",
         "reporting"),
    ],
)  # fmt: skip
def test_right_after_the_crisis_response_a_follow_up_asks_what_to_do(text, intent, topic) -> None:
    meaning = interpret(hear(text, intent, 0.5), AFTER_A_SEXTORTION_CRISIS)
    assert meaning.kind == GUIDANCE and meaning.topic == topic


def test_later_in_the_conversation_an_open_follow_up_keeps_the_last_topic() -> None:
    meaning = interpret(hear("what could go wrong", "ask_follow_up", 0.8), TIKTOK_LIVE)
    assert meaning.topic == "livestreaming"


def test_another_assistants_job_is_off_topic_whatever_topic_its_words_resemble() -> None:
    text = "also, could you help me write my end of term reports?"
    assert interpret(hear(text, "ask_reporting", 0.7), TIKTOK_LIVE).kind == OUT_OF_SCOPE


def test_chat_with_strangers_in_a_game_is_the_games_question_not_random_video_chat() -> None:
    meaning = interpret(hear("does it let strangers chat to him?", "ask_random_video_chat", 0.8),
                        ROBLOX_FOR_A_9_YEAR_OLD)  # fmt: skip
    assert meaning.topic == "online_gaming" and meaning.platform == "roblox"
    on_omegle = Memory(topic="random_video_chat", platform="omegle")
    meaning = interpret(hear("does it let strangers chat to him?", "ask_random_video_chat", 0.8),
                        on_omegle)  # fmt: skip
    assert meaning.topic == "random_video_chat"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("gorilla tag ok for 8?", "out_of_scope"),
        ("Is Toca Boca ok for a 6 year old?", "ask_scams_and_spending"),
        ("my 14 year old has hoop, never heard of it, what is it", "ask_talking_with_children"),
    ],
)
def test_an_app_we_do_not_list_is_answered_whatever_the_classifier_heard(text, intent) -> None:
    meaning = interpret(hear(text, intent, 0.9))
    assert meaning.kind == GUIDANCE and meaning.unlisted_app


@pytest.mark.parametrize(
    "text",
    [
        "random q, do you know when the schools break up for easter?",
        "sorry the cat's just knocked the tablet off, is that bad for cats 😩",
        "totally different question - any good board games for a 9 year old?",
    ],
)
def test_an_aside_about_another_subject_is_off_topic_though_it_names_a_child(text) -> None:
    assert interpret(hear(text, "ask_online_gaming", 0.6), ROBLOX_FOR_A_9_YEAR_OLD).kind == (
        OUT_OF_SCOPE
    )


def test_opening_thanks_that_ask_nothing_are_thanks_even_naming_a_chat() -> None:
    text = "thanks so much! more useful than the school's whatsapp group chat"
    meaning = interpret(hear(text, "ask_social_and_chat_apps", 0.4), ROBLOX_FOR_A_9_YEAR_OLD)
    assert meaning.kind == SMALL_TALK


def test_right_after_a_crisis_telling_the_school_is_not_a_bullying_question() -> None:
    meaning = interpret(hear("should I tell her school", "ask_cyberbullying", 0.7),
                        AFTER_A_SEXTORTION_CRISIS)  # fmt: skip
    assert meaning.topic == "reporting"


def test_an_unplaced_question_about_them_inside_a_conversation_is_a_follow_up() -> None:
    meaning = interpret(hear("what could they have come across", "nlu_fallback", 0.35),
                        Memory(topic="random_video_chat", platform="ometv"))  # fmt: skip
    assert meaning.kind == GUIDANCE and meaning.platform == "ometv"


def test_an_unplaced_question_about_them_with_no_conversation_is_not_guidance() -> None:
    meaning = interpret(hear("what could they have come across", "nlu_fallback", 0.35))
    assert meaning.kind != GUIDANCE


def test_a_guidance_intent_on_a_message_with_no_subject_cue_is_off_topic() -> None:
    assert interpret(hear("what's the best way to report my taxes", "ask_reporting")).kind == (
        OUT_OF_SCOPE
    )


def test_a_named_app_is_used_even_when_the_classifier_is_unsure() -> None:
    meaning = interpret(hear("it was on the nintendo switch", "nlu_fallback", 0.3,
                             ["nintendo switch"]))  # fmt: skip
    assert (meaning.kind, meaning.platform) == (GUIDANCE, "nintendo_switch")


def test_canonical_ids_from_the_synonym_mapper_are_understood() -> None:
    meaning = interpret(hear("is cod ok for a 10 year old", "ask_platform_safety", 0.9,
                             ["call_of_duty"]))  # fmt: skip
    assert meaning.platform == "call_of_duty" and meaning.whole_app


def test_an_age_alone_before_any_question_is_noted() -> None:
    assert interpret(hear("my daughter is 9", "inform_age")).kind == AGE_NOTED


def test_a_topic_button_keeps_the_app_and_age_of_the_conversation() -> None:
    meaning = interpret(Heard(text="", intent="ask_parental_controls"),
                        Memory(topic=None, platform="roblox", age_band="5_8"))  # fmt: skip
    assert (meaning.topic, meaning.platform, meaning.age_band) == (
        "parental_controls", "roblox", "5_8",
    )  # fmt: skip


@pytest.mark.parametrize(
    "text, name",
    [
        ("is stumble guys ok for my 7 year old", "stumble guys"),
        ("Is Gacha Life safe for kids?", "Gacha Life"),
        ("Whats the Peachy app? my son says everyone has it", "Peachy"),
        ("mooblox safe for a 6 year old??", "mooblox"),
        ("Starfall Arena - what is it, should I worry", "Starfall Arena"),
        ("my 13yo downloaded Zingle. anything I should know", "Zingle"),
        ("She wants Glimmer. What even is that?", "Glimmer"),
        ("which dating app is the worst", None),
        ("is there a parental control app you would trust", None),
        ("she downloaded a game yesterday", None),
        ("is travelling to spain safe this summer", None),
        ("my son wants an ipad. what even is that", None),
        ("should my son play valorant at 12", "valorant"),
        ("is it safe", None),
        ("is this app ok", None),
        ("is social media bad for kids", None),
    ],
)
def test_the_name_of_an_app_we_do_not_list(text: str, name: Optional[str]) -> None:
    assert unlisted_app_name(text) == name


def test_an_app_we_do_not_list_gets_the_general_way_to_check_one() -> None:
    meaning = interpret(hear("is stumble guys ok for my 7 year old", "ask_platform_safety"))
    assert meaning.kind == GUIDANCE and meaning.unlisted_app == "stumble guys"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("What is Europol's #SayNo! campaign?", "ask_campaigns_and_sources"),
        ("Is stumble guys ok for my 7 year old?", "ask_platform_safety"),
        ("what is thinkuknow", "ask_campaigns_and_sources"),
    ],
)
def test_a_question_about_something_else_drops_the_remembered_app(text: str, intent: str) -> None:
    meaning = interpret(hear(text, intent), Memory(topic="random_video_chat", platform="monkey"))
    assert meaning.platform is None


def test_living_somewhere_does_not_make_a_question_about_live_streaming() -> None:
    meaning = interpret(hear("We live in Spain and my son of 10 wants fortnite, what is it",
                             "ask_livestreaming", 0.7, ["fortnite"], runner_up="ask_online_gaming"))  # fmt: skip
    assert (meaning.topic, meaning.platform) == ("online_gaming", "fortnite")


def test_an_apps_name_kept_as_a_keyword_is_the_app_not_a_feature() -> None:
    # "and chatgpt?" after an age question asks ChatGPT's age, as for any other app.
    meaning = interpret(hear("and chatgpt?", "nlu_fallback", 0.4, ["chatgpt"]),
                        Memory(topic="age_requirements", platform="character_ai", age_band="13_15"))  # fmt: skip
    assert (meaning.topic, meaning.platform, meaning.keyword_entry) == (
        "age_requirements", "chatgpt", None,
    )  # fmt: skip


def test_swapping_the_app_with_an_aside_keeps_the_question() -> None:
    meaning = interpret(hear("what about minecraft for his little brother", "out_of_scope", 0.5,
                             ["minecraft"]),
                        Memory(topic="scams_and_spending", platform="roblox", age_band="9_12"))  # fmt: skip
    assert (meaning.topic, meaning.platform) == ("scams_and_spending", "minecraft")


def test_a_whole_app_question_that_names_its_subject_answers_the_subject() -> None:
    meaning = interpret(hear("is snapchat ok, can people see where she is on it", "ask_platform_safety",
                             0.5, ["snapchat"], runner_up="ask_privacy_and_location"))  # fmt: skip
    assert (meaning.topic, meaning.platform, meaning.whole_app) == (
        "privacy_and_location", "snapchat", False,
    )  # fmt: skip


def test_an_age_and_a_country_together_re_ask_the_last_question() -> None:
    meaning = interpret(hear("she's 13 and we're in Canada", "ask_grooming", 0.5),
                        Memory(topic="scams_and_spending", platform="roblox"))  # fmt: skip
    assert (meaning.topic, meaning.platform, meaning.age_band) == (
        "scams_and_spending", "roblox", "13_15",
    )  # fmt: skip


def test_inside_a_conversation_a_question_the_classifier_files_under_a_topic_is_answered() -> None:
    meaning = interpret(hear("if I say yes what do I need to lock down", "ask_parental_controls", 0.8),
                        Memory(topic="online_gaming", platform="call_of_duty", age_band="9_12"))  # fmt: skip
    assert (meaning.kind, meaning.topic, meaning.platform) == (
        GUIDANCE, "parental_controls", "call_of_duty",
    )  # fmt: skip


def test_a_game_named_with_its_console_is_the_subject() -> None:
    meaning = interpret(
        hear(
            "my son plays fortnite on his ps5, can strangers talk to him",
            "ask_online_gaming",
            apps=["ps5", "fortnite"],
        )  # fmt: skip
    )
    assert meaning.platform == "fortnite"


def test_an_everyday_word_app_in_a_comparison_is_that_app_in_scope() -> None:
    meaning = interpret(hear("is Kick any different", "ask_follow_up", 0.4),
                        Memory(topic="livestreaming", platform="twitch"))  # fmt: skip
    assert (meaning.kind, meaning.platform) == (GUIDANCE, "kick")


@pytest.mark.parametrize("text", ["Kiitos! that was really clear", "ok merci, have a nice day",
                                  "brilliant, that's put my mind at rest",
                                  "sweet as, cheers", "awesome thanks"])  # fmt: skip
def test_thanks_in_other_words_and_languages_is_thanks(text) -> None:
    meaning = interpret(hear(text, "ask_parental_controls", 0.5), TIKTOK_LIVE)
    assert meaning.kind == SMALL_TALK and meaning.small_talk == "thank"


def test_an_apology_for_ones_english_is_acknowledged() -> None:
    meaning = interpret(hear("Sorry my english is not so good", "ask_scams_and_spending", 0.4),
                        TIKTOK_LIVE)  # fmt: skip
    assert meaning.kind == SMALL_TALK and meaning.small_talk == "acknowledge"


def test_small_talk_words_win_over_the_classifiers_follow_up() -> None:
    # The classifier hears an open follow-up in a goodbye; the words are thanks.
    meaning = interpret(hear("ok merci, have a nice day", "ask_follow_up", 0.7), TIKTOK_LIVE)
    assert meaning.kind == SMALL_TALK and meaning.small_talk == "thank"


def test_the_game_after_a_question_about_its_console_is_still_the_game() -> None:
    on_the_ps5 = Memory(topic="screen_time", platform="playstation", game="fortnite")
    meaning = interpret(
        hear("and what about the voice chat in the game", "ask_online_gaming"), on_the_ps5
    )
    assert meaning.platform == "fortnite"
    console = interpret(hear("and can I see who he talks to on it", "ask_parental_controls"),
                        on_the_ps5)  # fmt: skip
    assert console.platform == "playstation"


def test_a_subject_named_outright_beats_the_apps_overview() -> None:
    on_tiktok = Memory(topic="social_and_chat_apps", platform="tiktok", age_band="13_15")
    meaning = interpret(
        hear("can i read her dms with it", "ask_social_and_chat_apps", 0.85), on_tiktok
    )
    assert (meaning.topic, meaning.platform) == ("parental_controls", "tiktok")
    # With no subject named, the overview stays.
    meaning = interpret(hear("is it any good for her", "ask_social_and_chat_apps", 0.85), on_tiktok)
    assert meaning.topic == "social_and_chat_apps"


@pytest.mark.parametrize(
    "text, topic",
    [
        ("who approves the contacts", "parental_controls"),
        ("we are in delhi, where to complain", "reporting"),
        ("cn i find out who", "reporting"),
    ],
)
def test_inside_a_conversation_a_subject_in_its_own_words_is_ours(text: str, topic: str) -> None:
    on_messenger_kids = Memory(topic="social_and_chat_apps", platform="messenger_kids")
    meaning = interpret(hear(text, "out_of_scope", 0.6), on_messenger_kids)
    assert (meaning.kind, meaning.topic) == (GUIDANCE, topic)


def test_a_school_year_and_an_age_answer_the_last_question_again() -> None:
    meaning = interpret(hear("mostly sophomores, 15", "nlu_fallback", 0.35), TIKTOK_LIVE)
    assert (meaning.kind, meaning.topic, meaning.age_band) == (GUIDANCE, "livestreaming", "13_15")


def test_random_as_an_aside_is_no_question_about_random_video_chat() -> None:
    heard = Heard(
        text="random q, should my 10 year old have a phone",
        intent="ask_random_video_chat",
        ranking=[
            {"name": "ask_random_video_chat", "confidence": 0.6},
            {"name": "ask_age_requirements", "confidence": 0.3},
        ],
    )
    assert interpret(heard).topic != "random_video_chat"


@pytest.mark.parametrize(
    "text",
    [
        "unrelated but what's a good phone case for a kid who drops everything",
        "also can you help me with his maths homework, it's fractions",
    ],
)
def test_an_errand_in_passing_is_off_topic(text: str) -> None:
    assert interpret(hear(text, "ask_screen_time", 0.5), TIKTOK_LIVE).kind == OUT_OF_SCOPE


@pytest.mark.parametrize(
    "text",
    [
        "I'm a foster carer for two boys, 9 and 11, we're in Cork",
        "Hi, I coach an under 12s netball team in Leeds",
        "Grandad here, my grandson is staying with us for the summer",
    ],
)
def test_an_introduction_is_noted_not_turned_away(text: str) -> None:
    meaning = interpret(hear(text, "out_of_scope", 0.97))
    assert meaning.kind == AGE_NOTED, meaning.reason


def test_an_introduction_with_a_question_is_answered_as_one() -> None:
    meaning = interpret(hear("I'm a foster carer, how do I stop strangers messaging him on roblox",
                             "ask_parental_controls", 0.9, ["roblox"]))  # fmt: skip
    assert meaning.kind == GUIDANCE


@pytest.mark.parametrize("text", ["yes", "the second one", "ok", "option 2"])
def test_a_reply_to_nothing_asks_what_the_parent_means(text: str) -> None:
    assert interpret(hear(text, "nlu_fallback", 0.35)).kind == CLARIFY
    # Inside a conversation the same words are not bounced as a misunderstanding.
    assert interpret(hear(text, "nlu_fallback", 0.35), ROBLOX_FOR_A_9_YEAR_OLD).kind != OUT_OF_SCOPE


def test_an_app_with_an_everyday_name_is_named_by_what_it_is_called() -> None:
    meaning = interpret(hear("yes it's literally called Monkey", "ask_platform_safety", 0.9))
    assert meaning.platform == "monkey"


def test_a_game_we_do_not_list_is_named_by_its_capitals() -> None:
    assert unlisted_app_name("My nephew is 12 and plays Free Fire till 2am") == "Free Fire"
    assert unlisted_app_name("he plays football every saturday") is None
    meaning = interpret(hear("My nephew is 12 and plays Free Fire nonstop", "out_of_scope", 0.99))
    assert meaning.kind == GUIDANCE and meaning.unlisted_app == "Free Fire"


def test_a_subject_named_beside_an_unlisted_game_is_that_subject() -> None:
    # Playing until 2am is about time, wherever it is played; "is it ok" asks about the game.
    meaning = interpret(hear("My nephew is 12 and plays Free Fire till 2am", "out_of_scope", 0.99))
    assert (meaning.kind, meaning.topic) == (GUIDANCE, "screen_time")
    meaning = interpret(hear("is stumble guys ok for my 8 year old", "ask_platform_safety", 0.9))
    assert meaning.unlisted_app == "stumble guys"


@pytest.mark.parametrize(
    "text", ["is france safe to travel to", "is rice safe to eat after 3 days"]
)
def test_safety_of_travel_or_food_is_another_assistants_subject(text: str) -> None:
    assert interpret(hear(text, "nlu_fallback", 0.35)).kind == OUT_OF_SCOPE


def test_a_safer_alternative_asks_about_the_apps_kind_not_the_last_topic() -> None:
    spending = Memory(topic="scams_and_spending", platform="roblox", age_band="5_8")
    meaning = interpret(hear("is there a safer alternative for his age", "nlu_fallback", 0.35),
                        spending)  # fmt: skip
    assert (meaning.topic, meaning.platform) == ("online_gaming", "roblox")


def test_something_similar_on_another_app_asks_the_same_question_of_it() -> None:
    family_center = Memory(topic="parental_controls", platform="snapchat", age_band="13_15")
    meaning = interpret(hear("does instagram have something similar", "ask_social_and_chat_apps",
                             0.6, ["instagram"]), family_center)  # fmt: skip
    assert (meaning.topic, meaning.platform) == ("parental_controls", "instagram")


@pytest.mark.parametrize(
    "text",
    [
        "How do I discuss it with the class without giving them ideas",
        "Any way for us as a youth club to raise it with the young people without preaching",
    ],
)
def test_how_to_raise_it_with_children_is_about_talking_with_them(text: str) -> None:
    meaning = interpret(hear(text, "ask_social_and_chat_apps", 0.5), TIKTOK_LIVE)
    assert meaning.topic == "talking_with_children"


def test_another_child_wanting_another_app_asks_about_that_app() -> None:
    talking = Memory(topic="talking_with_children", platform="call_of_duty", age_band="13_15")
    meaning = interpret(hear("and the 10 yr old wants fortnite", "ask_platform_safety", 0.6,
                             ["fortnite"]), talking)  # fmt: skip
    assert (meaning.topic, meaning.platform, meaning.whole_app) == (
        "online_gaming",
        "fortnite",
        True,
    )


@pytest.mark.parametrize(
    "text, intent",
    [
        ("she's 13, just started secondary in Galway", "inform_age"),
        ("asking for my own kid at home too, she's 7", "ask_age_requirements"),
        ("she's 12, nothing has happened, i just want to be ready", "ask_age_requirements"),
    ],
)
def test_an_age_given_mid_conversation_continues_the_question(text: str, intent: str) -> None:
    memory = Memory(topic="parental_controls", platform="instagram", age_band=None)
    meaning = interpret(hear(text, intent), memory)
    assert (meaning.kind, meaning.topic, meaning.platform) == (
        GUIDANCE,
        "parental_controls",
        "instagram",
    )
    assert meaning.age_band is not None


def test_an_age_question_mid_conversation_is_still_one() -> None:
    memory = Memory(topic="parental_controls", platform="instagram")
    meaning = interpret(hear("she's 11, is she old enough for it?", "ask_age_requirements"), memory)
    assert meaning.topic == "age_requirements"


def test_a_new_question_giving_an_age_is_about_what_its_words_name() -> None:
    text = "How do I check what groups my 16 year old is in on Telegram?"
    meaning = interpret(hear(text, "ask_age_requirements", apps=["telegram"]))
    assert (meaning.topic, meaning.platform) == ("parental_controls", "telegram")


def test_switching_to_an_app_with_its_own_entry_on_the_subject_keeps_the_subject() -> None:
    twitch_streaming = Memory(topic="livestreaming", platform="twitch", age_band="13_15")
    meaning = interpret(
        hear("ok what abt youtube instead", "ask_follow_up", apps=["youtube"]), twitch_streaming
    )
    assert (meaning.topic, meaning.platform) == ("livestreaming", "youtube")
    meaning = interpret(hear("and discord?", "ask_follow_up", apps=["discord"]), twitch_streaming)
    assert (meaning.topic, meaning.platform, meaning.whole_app) == (
        "social_and_chat_apps",
        "discord",
        True,
    )


def test_another_child_wanting_the_app_asks_about_it_as_a_whole() -> None:
    bereal_settings = Memory(topic="privacy_and_location", platform="bereal", age_band="9_12")
    meaning = interpret(hear("my 13yo wants it", "inform_age"), bereal_settings)
    assert (meaning.topic, meaning.platform, meaning.whole_app, meaning.age_band) == (
        "social_and_chat_apps",
        "bereal",
        True,
        "13_15",
    )


def test_a_teen_in_general_keeps_the_sixteen_year_olds_age() -> None:
    memory = Memory(topic="privacy_and_location", platform="life360", age_band="16_17")
    meaning = interpret(hear("what phone plan is best for a teen?", "ask_screen_time", 0.4), memory)
    assert meaning.age_band == "16_17"


def test_an_unsure_classifier_mid_conversation_is_a_follow_up_not_off_topic() -> None:
    memory = Memory(topic="cyberbullying", platform="ngl", age_band="13_15")
    meaning = interpret(
        hear("could the person behind it be tracked down", "nlu_fallback", 0.35), memory
    )
    assert (meaning.kind, meaning.topic) == (GUIDANCE, "cyberbullying")
    # A reaction is still only acknowledged, and a request of another kind is still off-topic.
    assert interpret(hear("lol typical", "nlu_fallback", 0.35), memory).kind == SMALL_TALK
    assert (
        interpret(hear("any good pasta recipes", "nlu_fallback", 0.35), memory).kind == OUT_OF_SCOPE
    )


def test_after_a_crisis_stopping_the_child_is_a_setting() -> None:
    memory = Memory(topic="crisis", platform="tiktok", age_band="13_15", after_crisis=True)
    meaning = interpret(hear("how can I stop him going live", "ask_livestreaming", 0.9), memory)
    assert meaning.topic == "parental_controls"


def test_strangers_reaching_a_child_in_a_game_is_the_games_question() -> None:
    memory = Memory(topic="online_gaming", platform="playstation", age_band="9_12")
    meaning = interpret(hear("can strangers message him on it", "ask_grooming", 0.8), memory)
    assert meaning.topic == "online_gaming"
    groomed = interpret(
        hear("a man in the game keeps asking her for pictures", "ask_grooming", 0.9), memory
    )
    assert groomed.topic != "online_gaming"
