"""What shape a message has in a conversation: a new question, or a follow-up to the last one.

The rules, each with a test in tests/unit/bot/understanding/test_follow_up.py:

- ellipsis: the message only names an app and/or an age ("and discord?", "what about
  fortnite", "and for his sister, she's 15?") -> the last topic, for the new app or age;
- open follow-up: the message asks for more without naming a subject ("what could go
  wrong", "what do I do next", "is there something safer") -> the last topic and app;
- reference: "it", "there", "that app", "in it" point back at the app last discussed;
- general: "in general", "any app", "apps like that" -> the remembered app is dropped;
- anything else is a new question, answered from its own words: it replaces the topic
  and whatever app it names, and keeps the age and country.
"""

from __future__ import annotations

import re
from typing import Iterable, List, Sequence

from bot.understanding.scope import names_another_domain
from bot.understanding.text import padded, words
from bot.understanding.topic_words import topics_named

NEW_QUESTION, ELLIPSIS, OPEN = "question", "ellipsis", "open"

# Words that carry no subject of their own in a short follow-up.
_FILLER = frozenset(
    """a an and or but so then too also what whats about how for with the same one is it its
    it's that this ok okay oh right well hmm um and's question again instead as well please
    thanks thank you yes no sure same here there on in at of to my our his her their him
    them he she they he's she's they're is are was be now still also just only sister
    brother son daughter child kid kids boy girl twin twins cousin younger older eldest
    youngest little big other one ones sibling siblings grandson granddaughter niece nephew
    when play plays playing use uses using has have gets
    answer answers thing advice apply applies go goes true hold holds does do
    include includes cover covers count counts
    year years yr yrs old yo aged turned turning nearly almost just y o
    if case would next month soon week birthday one two three four five six seven eight
    nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    we we're i i'm live living based from by btw way matters matter mostly mainly usually
    pupils students class grade sophomore sophomores freshman freshmen juniors seniors
    normally makes make any difference fwiw tbh mine lad lass dd ds dc kiddo kiddos teen
    teens teenager tween grandkid grandkids grandchild grandchildren pupils students class mostly
    stay staying reside close near outside""".replace("'", "").split()
)

# How a parent starts a question that only swaps the app: "and", "what about", "same for".
_CONTINUES = re.compile(
    r"^(?:ok(?:ay)?,? |so |right,? )?(?:and|what about|how about|same for|same with)\b"
)
# Words beside the app in such a question that say where or why, not what is asked.
ELLIPSIS_MAX_ASIDE_WORDS = 2

# "How old for TikTok?" is made of filler words, but asks the app's age.
_ASKS_AN_AGE = re.compile(r"\bhow old\b|\bwhat age\b|\bage limit|\bminimum age\b")

_OPEN_PATTERNS = [
    r"(?:could|can|might|will|would) (?:go|goes) wrong",
    r"\bwhat (?:are|r) (?:the )?(?:dangers|risks|downsides|problems|issues|concerns)\b",
    r"\b(?:dangers|risks|downsides)\??$",
    r"\bwhat (?:do|should|can) (?:i|we) do (?:next|now|right now|then|about (?:it|that|this))\b",
    r"\bwhat(?:'s| is) (?:the )?next step",
    r"\b(?:now|then) what\b",
    r"\btell me more\b",
    r"\bmore (?:info|information|details|advice)\b",
    r"\b(?:anything|something|what) else\b",
    r"\b(?:is|are) there (?:a |an |any |something |anything )?(?:safer|better|alternatives?)",
    r"\b(?:safer|better) (?:alternative|option|app|choice|one)s?\b",
    r"^(?:any )?alternatives?\??$",
    r"^why\b",
    r"\bhow (?:do|can|would|should) (?:i|we) do (?:that|this|it)\b",
    r"\bwhat does (?:that|this) mean\b",
    r"\b(?:is|was) (?:that|this|it) (?:safe|ok|okay|normal|bad|dangerous|a red flag|a problem|"
    r"a worry|something to worry about|worrying|appropriate|allowed|legal)\b",
    r"\bshould i (?:be )?(?:worried|concerned)\b",
    r"\bhow worried should i be\b",
    r"\bdo i need to (?:tell|inform|contact|speak to|talk to)\b",
    r"\bwhat about (?:older|younger|teens|teenagers|little ones)\b",
    # "what if he already did", "what if she's done it already": the same worry, later on
    r"^(?:but |and |so )?what if (?:he|she|they|my \w+)(?:'s|'ve| has| have| had)? (?:already )?"
    r"(?:did|done|has|have|had|clicked|sent|shared|given|gave|downloaded|joined|replied)"
    r"(?: it| that| them| one| already)*\s*[?.!]*$",
]
_OPEN = re.compile("|".join(_OPEN_PATTERNS))
# Follow-ups that stay follow-ups however long the parent's sentence, as long as it names no
# subject of its own: "is there something safer he could use to meet people his age",
# "do I need to tell her social worker if she's already posted a few".
_OPEN_AT_ANY_LENGTH = re.compile(
    r"\b(?:is|are) there (?:a |an |any |something |anything )?(?:safer|better|alternatives?)|"
    r"\b(?:safer|better) (?:alternative|option|app|choice|one)s?\b|"
    r"\b(?:do|should) (?:i|we) (?:need to )?(?:tell|inform|contact|speak to|talk to)\b"
)
OPEN_MAX_WORDS_WITHOUT_SUBJECT = 12
# Words beside the follow-up phrase: more, and the message asks a question of its own
# ("why are kids drawn to gambling?").
OPEN_MAX_OTHER_WORDS = 4

_REFERENCE = re.compile(
    r"\b(?:it|its|it's|there|that|this|that app|this app|the app|that game|this game|the game|"
    r"those sites|these sites|that site|this site|those apps|these apps|that one|this one|"
    r"the player|that player|that person|that account|on there|in there|in it|on it)\b"
)
_GENERAL = re.compile(
    r"\b(?:in general|generally|any apps?|all apps|every app|apps in general|other apps|"
    r"apps like (?:that|this|it)|sites like (?:that|this)|games like (?:that|this)|"
    r"any games?|all games|any sites?|in any app|online games|other games|games like)\b"
)


# The same question of another app, in words: "something similar", "the same thing", "that too".
_SAME_FOR_THIS_APP = re.compile(
    r"\b(?:something|anything|one) (?:similar|like (?:that|this|it)|the same)\b|\bthe same (?:thing|"
    r"feature|setting|settings|option|tool|rules?)\b|\b(?:that|this|it) too\b|\bsame (?:for|with|on)\b|"
    r"\b(?:similar|equivalent) (?:feature|setting|settings|option|tool|thing)s?\b|\ban equivalent\b"
)


def padded_spellings(spellings: Iterable[str]) -> List[str]:
    """App names as ``message_form`` wants them: padded, longest first."""
    return sorted({padded(s) for s in spellings if padded(s).strip()}, key=len, reverse=True)


def message_form(text: str, app_spellings: Sequence[str], gives_age: bool, named_app: bool) -> str:
    """ELLIPSIS, OPEN or NEW_QUESTION for ``text`` (see the module docstring).

    ``app_spellings`` come from ``padded_spellings``.
    """
    lowered = text.lower().replace("\u2019", "'").strip()
    remaining = padded(lowered)
    for spelling in app_spellings:
        if spelling in remaining:
            remaining = remaining.replace(spelling, " ")
    content = [w for w in words(remaining) if w not in _FILLER and not w.isdigit()]
    asks_an_age = bool(_ASKS_AN_AGE.search(lowered))
    if (named_app or gives_age) and not content and not asks_an_age and len(words(lowered)) <= 12:
        return ELLIPSIS
    if (
        named_app
        and _CONTINUES.match(lowered)
        and len(content) <= ELLIPSIS_MAX_ASIDE_WORDS
        and not asks_an_age
        and not topics_named(" ".join(content))
    ):
        # "what about chatgpt for her homework": the app changes, the question does not.
        return ELLIPSIS
    if named_app and _SAME_FOR_THIS_APP.search(lowered) and not topics_named(lowered):
        # "does instagram have something similar": the last question, asked of another app.
        return ELLIPSIS
    if _OPEN.search(lowered) and len(_OPEN.sub(" ", lowered).split()) <= OPEN_MAX_OTHER_WORDS:
        return OPEN
    if (
        not named_app
        and _CONTINUES.match(lowered)
        and len(content) <= ELLIPSIS_MAX_ASIDE_WORDS
        and not names_another_domain(lowered)
    ):
        # "what about realms", "and the money side?": the same subject, a part of it we may
        # not know by name.
        return OPEN
    if _OPEN_AT_ANY_LENGTH.search(lowered):
        rest = _OPEN_AT_ANY_LENGTH.sub(" ", lowered)
        if len(rest.split()) <= OPEN_MAX_WORDS_WITHOUT_SUBJECT and not topics_named(rest):
            return OPEN
    return NEW_QUESTION


# "my son is 9 and wants roblox": a child asking for an app, and nothing else asked.
_WANTING = frozenset(
    """want wants wanted wanting asking asks asked begging begs begged keeps keep nagging
    nags pestering desperate get getting download downloading join joining sign signing up
    account birthday christmas really lets let watch watches watching mum mom dad telly tv""".split()
)


def only_wants_the_app(text: str, app_spellings: Sequence[str]) -> bool:
    """True when the message names an app, a child wanting or using it, and nothing else.

    Such a message asks the whole-app question ("is it safe for them?"), whatever topic the
    classifier heard in it. ``app_spellings`` come from ``padded_spellings``.
    """
    lowered = padded(text.lower().replace("\u2019", "'"))
    if _ASKS_AN_AGE.search(lowered) or not any(s in lowered for s in app_spellings):
        return False  # "how old do you have to be for discord" asks its age
    for spelling in app_spellings:
        lowered = lowered.replace(spelling, " ")
    rest = [w for w in words(lowered) if w not in _FILLER and not w.isdigit()]
    # "my son is 9 and plays roblox" too; the app's name alone is an ellipsis, not this.
    return len(words(lowered)) >= 2 and all(w in _WANTING for w in rest)


# A parent's own signal that what follows is not part of the conversation.
_ASIDE = re.compile(
    r"^\W*(?:(?:ok|also|oh|and|sorry|lovely|thanks)[,.!\s]+)*(?:random|unrelated|off[- ]topic|"
    r"totally different|different question|not related|while i have you|completely different|"
    r"sorry,? the|random q)\b"
)


def is_an_aside(text: str) -> bool:
    """True when the parent says the message is off the subject ("random q, ...")."""
    return bool(_ASIDE.search(text.lower().replace("\u2019", "'")))


def refers_back(text: str) -> bool:
    """True when the message points at something said before ("it", "that app")."""
    return bool(_REFERENCE.search(text.lower().replace("\u2019", "'")))


def asks_in_general(text: str) -> bool:
    """True when the parent asks about apps in general, not the one discussed."""
    return bool(_GENERAL.search(text.lower()))


_THIS_APP = re.compile(
    r"\b(?:this|that|the|an?) (?:app|game|site|website|platform)\b|\b(?:is|are) (?:it|this|that) "
    r"(?:safe|ok|okay|suitable)\b"
)


_THE_GAME = re.compile(r"\b(?:the|that|this) game(?:'s)?\b|\bgame itself\b|\bin-?game\b")


def names_the_game(text: str) -> bool:
    """True when the message speaks of "the game" (as against the console it is played on)."""
    return bool(_THE_GAME.search(text.lower().replace("\u2019", "'")))


_ALTERNATIVE = re.compile(
    r"\b(?:is|are) there (?:a |an |any |something |anything )?(?:safer|better|alternatives?)|"
    r"\b(?:safer|better) (?:alternative|option|app|game|site|choice|one)s?\b|\balternatives?\b"
)


# "what could go wrong", "whats the worst that could happen on it", "what are the risks"
_ASKS_ABOUT_RISKS = re.compile(
    r"\b(?:could|can|might|will|would) (?:go|goes) wrong|\bworst (?:that )?(?:could|can|might) happen|"
    r"\bwhat (?:are|r) (?:the )?(?:dangers|risks|downsides)\b|\b(?:dangers|risks)\??$"
)


def asks_about_risks(text: str) -> bool:
    """True when the follow-up asks what could go wrong (the app's risks, not a rule)."""
    return bool(_ASKS_ABOUT_RISKS.search(text.lower()))


def asks_for_an_alternative(text: str) -> bool:
    """True for "is there a safer alternative": a question about the app's kind, not one topic."""
    return bool(_ALTERNATIVE.search(text.lower()))


def is_bare_follow_up(text: str) -> bool:
    """True when the message is a follow-up phrase and little else ("what could go wrong?")."""
    lowered = text.lower().replace("\u2019", "'")
    return bool(_OPEN.search(lowered)) and len(_OPEN.sub(" ", lowered).split()) <= 1


def names_no_app(text: str) -> bool:
    """True for "is this app safe?": an app is meant but not named."""
    return bool(_THIS_APP.search(text.lower()))
