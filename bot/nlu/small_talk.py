"""Rasa NLU component: answer the question hidden in a greeting, an age or a country.

"Hello, is xbox live ok for my 9 year old?" is classified as a greeting, "my son is 9
and wants roblox" as an age and "we're in Australia, is instagram still allowed?" as a
country, but each asks a question. Such a message that also names an app, or runs on for
a whole sentence, becomes the guidance question it holds; the country and age in it are
still read by the action. A short message that only names a country is the country.

Whether a message is in scope at all is not decided here: that needs the conversation,
so the guidance action decides it (``bot.understanding.interpret``).
"""

from __future__ import annotations

import re
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.intents import (
    ABOUT_US_INTENTS,
    BOT_CHALLENGE_INTENT,
    INFORM_COUNTRY_INTENT,
    PLATFORM_SAFETY_INTENT,
    THANK_INTENT,
    is_guidance_intent,
)
from bot.nlu.stateless import StatelessComponent
from bot.safety.countries import country_from_text, only_names_a_country
from bot.understanding.scope import names_a_service

# Intents for a message that is only a greeting, an age or a country ("hi", "she's 12",
# "we're in Canada").
SMALL_TALK_INTENTS = {"greet", "inform_age", INFORM_COUNTRY_INTENT}
# What the classifier says of a short message it cannot place.
UNPLACED_INTENTS = {"out_of_scope", "nlu_fallback"}
_ASKS_WHO_WE_ARE = re.compile(
    r"\b(?:what'?s|what is|whats) (?:your|ur) name\b|^who are (?:you|u)\b"
)
# A question about the assistant that names an app is about the app, unless it says "you".
_ASKS_ABOUT_US = re.compile(r"\b(?:are|r) (?:you|u)\b|\byou'?re\b|\byour\b|\bcan you\b")
# More words than that, and the message is more than a greeting or an age.
SMALL_TALK_MAX_WORDS = 6
HIDDEN_QUESTION_MIN_CONFIDENCE = 0.25
# A greeting this long is a question with a hello in front ("Hello, I'm a grandmother and
# I look after my granddaughter, who is 4..."): its likeliest guidance intent, however unsure.
GREETING_WITH_A_QUESTION_WORDS = 15
# "cheers mate", "ok thanks", "Thank you dear, you've been very patient": thanks and
# nothing asked. The classifier learns few of the ways people say it.
_THANKS = re.compile(
    r"\b(?:thanks|thank you|thank u|thankyou|thx|ty|tysm|cheers|ta|much appreciated|"
    r"appreciate (?:it|that|this|your help))\b"
)
_ASKS_MORE = re.compile(r"\?|\b(?:but|how|what|why|can|could|should|is|are|does|do i)\b")
THANKS_MAX_WORDS = 12
# A greeting or a goodbye needs its words, and a question about us a word for us: without
# one, the classifier's "greet", "goodbye" or "bot_challenge" on "How long is too long at her
# age?", "...she just got her license." or "How I speak with the other parent?" is a guess
# at a question it does not know well.
_GREETING_WORDS = re.compile(
    r"\b(?:hi|hii+|hello|helo|hey|heya|hiya|howdy|yo|morning|evening|afternoon|good day|g'?day|"
    r"greetings|bonjour|hallo|hei|moi|namaste|hola|ciao|salut|guten tag|dear)\b"
)
_GOODBYE_WORDS = re.compile(
    r"\b(?:bye|byee*|goodbye|good bye|bye bye|see (?:you|ya|u)|cya|later|laters|good ?night|night|"
    r"nite|take care|ttyl|ciao|cheerio|adios|that'?s all|i'?m done|gotta go|got to go|signing off)\b"
)
# A hello that only announces a question: "hi. weird question", "hello, quick q".
_ANNOUNCED_QUESTION = re.compile(
    r"^\W*(?:hi+|hello|hey|heya|hiya|morning|evening|good (?:morning|evening|afternoon))\W+"
    r"(?:(?:a|one|just a|quick|weird|silly|random|odd|strange|stupid|dumb|small|possibly dumb)\s+)+"
    r"(?:q|qn|question|query)\W*$"
)
_WORDS_FOR_US = re.compile(
    r"\b(?:you|u|your|ur|yours|bot|robot|human|person|ai|real|automated|machine|computer|"
    r"chatbot|assistant|this (?:thing|service|chat|site))\b"
)


def _guessed_small_talk(message: Message, lowered: str) -> bool:
    """Give a greeting or a question about us with no word for either its likeliest question.

    "How long is too long at her age?" heard as a greeting becomes the guidance intent the
    classifier ranked highest. True when the intent was replaced.
    """
    intent = (message.get(INTENT) or {}).get("name")
    guessed = (
        (intent == "greet" and not _GREETING_WORDS.search(lowered))
        or (intent == "goodbye" and not _GOODBYE_WORDS.search(lowered))
        or (intent in ABOUT_US_INTENTS and not _WORDS_FOR_US.search(lowered))
    )
    ranked = [r for r in message.get(INTENT_RANKING_KEY) or [] if is_guidance_intent(r.get("name"))]
    if not guessed or not ranked:
        return False
    message.set(
        INTENT,
        {"name": ranked[0]["name"], "confidence": ranked[0]["confidence"]},
        add_to_output=True,
    )
    return True


def _question_hidden_in_small_talk(message: Message, text: str, mentions: List[str]) -> None:
    """Answer the question in a greeting such as "Hello, is xbox live ok for my 9yo?".

    Small talk that runs on for a whole sentence is the likeliest guidance question, if
    the classifier gave one real weight; short small talk naming an app is the app's
    question. A short message that only names a country is the country.
    """
    intent = (message.get(INTENT) or {}).get("name")
    short = len(text.split()) <= SMALL_TALK_MAX_WORDS
    if only_names_a_country(text):
        # "we're in canada btw": a country and nothing else, whatever the classifier heard.
        message.set(INTENT, {"name": INFORM_COUNTRY_INTENT, "confidence": 1.0}, add_to_output=True)
        return
    lowered = text.lower().replace("\u2019", "'")
    if _ANNOUNCED_QUESTION.search(lowered):
        message.set(INTENT, {"name": "greet", "confidence": 1.0}, add_to_output=True)
        return
    if (
        intent in UNPLACED_INTENTS | {"greet", "goodbye"}
        and _THANKS.search(lowered)
        and not _ASKS_MORE.search(lowered)
        and len(text.split()) <= THANKS_MAX_WORDS
    ):
        message.set(INTENT, {"name": THANK_INTENT, "confidence": 1.0}, add_to_output=True)
        return
    # (a greeting naming an app or a service is that app's question: below; a goodbye with no
    # goodbye word is a guess whatever it names: "...Life360 on her phone. She just got her
    # license." is no goodbye)
    if (
        (not mentions or intent == "goodbye")
        and not names_a_service(lowered)
        and _guessed_small_talk(message, lowered)
    ):
        return
    if intent in UNPLACED_INTENTS and _ASKS_WHO_WE_ARE.search(text.lower()):
        # "what's your name by the way": too short a question for the classifier to be sure.
        message.set(INTENT, {"name": BOT_CHALLENGE_INTENT, "confidence": 1.0}, add_to_output=True)
        return
    # "What are Instagram teen accounts?", "and chatgpt?", "can esafety help with this": a
    # question about an app or a service, though its words ("accounts", an AI, "help")
    # sound like a question about the assistant.
    service = names_a_service(lowered)
    about_an_app = (
        intent in ABOUT_US_INTENTS and (mentions or service) and not _ASKS_ABOUT_US.search(lowered)
    )
    if intent not in SMALL_TALK_INTENTS and not about_an_app:
        return
    if intent != "inform_age" and not mentions and short and country_from_text(text):
        # "hello, we're in Australia": the country is what the greeting says.
        replacement = {"name": INFORM_COUNTRY_INTENT, "confidence": 1.0}
    else:
        ranked = [
            r for r in message.get(INTENT_RANKING_KEY) or [] if is_guidance_intent(r.get("name"))
        ]
        likeliest = ranked[0] if ranked else {}
        asks = float(likeliest.get("confidence") or 0) >= HIDDEN_QUESTION_MIN_CONFIDENCE
        if likeliest and (service or len(text.split()) >= GREETING_WITH_A_QUESTION_WORDS):
            asks = True
        if (service or not short) and asks:
            # "We're in Australia and she has Instagram, is that still allowed?"
            replacement = {"name": likeliest["name"], "confidence": likeliest["confidence"]}
        elif mentions:
            replacement = {"name": PLATFORM_SAFETY_INTENT, "confidence": 1.0}
        else:
            return
    message.set(INTENT, replacement, add_to_output=True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class QuestionInSmallTalk(StatelessComponent):
    """Turns a greeting or an age that holds a question into that question's intent."""

    def process(self, messages: List[Message]) -> List[Message]:
        """Unwrap questions hidden in small talk."""
        for message in messages:
            text = message.get(TEXT) or ""
            mentions = [
                text[e["start"] : e["end"]]
                for e in message.get(ENTITIES) or []
                if e.get("entity") == "platform" and "start" in e
            ]
            _question_hidden_in_small_talk(message, text, mentions)
        return messages
