"""Is a message about children and their lives online at all?

Guidance is only given to messages that name a child, an app or game, something online,
or an online-safety subject. A general-purpose request that merely resembles a guidance
question ("where is my phone's location?", "block my bank card", "what's the meaning of
life?") then gets the off-topic reply instead of confident, wrong advice. Words that are
as common in banking or household requests as in ours ("report", "block", "account",
"phone", "purchases") deliberately do not count on their own.
"""

from __future__ import annotations

import re
from typing import Iterable

# Child-safety services and campaigns parents name ("can esafety help", "what is CEOP").
SERVICE_NAMES = (
    r"esafety|ncmec|europol|sayno|netsmartz|cybertipline|take it down|inhope|ceop|thinkuknow|"
    r"childline|nspcc|protect children|internet matters|netsafe|kids helpline"
)

_CUES = [
    # a child
    r"child\w*|kids?|kiddos?|son|sons|daughters?|boys?|girls?|teens?|teenage\w*|tweens?|"
    r"preteens?|toddlers?|bab(?:y|ies)|infants?|minors?|youngsters?|little ones?|grandsons?|"
    r"granddaughters?|grandchild\w*|nieces?|nephews?|stepsons?|stepdaughters?|step-?kids?|"
    r"students?|pupils?|\d{1,2} ?(?:yo|y/o|yrs?|years?)|\d{1,2}-year-olds?|year \d{1,2}|"
    r"grade \d{1,2}|\d{1,2}(?:st|nd|rd|th) grade|preschool\w*|primary school|secondary school|"
    r"i'?m \d{1,2}|im \d{1,2}|classmates?|year group|"
    r"at school|school friends|bedrooms?|high ?schoolers?|middle ?schoolers?|under-?1[0-8]s|"
    r"placements?|foster\w*|looked[- ]after|young (?:person|people)",
    # online life
    r"online|on-?line|internet|websites?|apps?|games?|gaming|gamers?|social media|socials|"
    r"chats?|chatting|chatrooms?|group ?chats?|dms?|followers?|strangers?|"
    r"live ?stream\w*|streams?|streamers?|streaming|youtubers?|influencers?|webcams?|"
    r"video ?chats?|video ?calls?|facetime|selfies?|screen ?time|screens|tablets?|ipads?|"
    r"smartphones?|consoles?|headsets?|wifi|algorithm\w*|feeds?|memes?|challenges?|"
    r"vr|virtual reality|oculus|meta quest|quest [23]|on the quest|"
    r"phone age|first (?:phone|smartphone|mobile)|own (?:phone|smartphone|mobile)|"
    r"photos? (?:\w+ ){0,3}(?:saving|saves?|storing|showing|shows?|tagging) (?:the |their |your )?location|"
    r"location (?:data|services|settings|tags?|tagging)|"
    r"how (?:do (?:i|we) |to |can (?:i|we) )report(?= *\??$)|(?:make|making|made|file|filing) a report|"
    r"(?:when|where|why) (?:should|do|can|would) (?:i|we|you) report(?: it| this| that| them)?(?= *\??$)|"
    r"who (?:receives|gets|sees|reads) (?:the|my|a) report|"
    r"chatbots?|ai companions?|metaverse|multiplayer|voice chat|in-?app|usernames?|phones|"
    r"post(?:s|ing|ed)? (?:anything|photos?|pictures?|videos?|online|stuff|selfies?)|"
    r"(?:his|her|their|kids'?|kid'?s|son'?s|daughter'?s) (?:phone|tablet|ipad|laptop|account)|"
    r"screen use|report(?:ing)? (?:an? |the |this |that )?(?:account|user|person|profile|post|"
    r"someone|anonymously|stuff)|"
    # pictures and filming of children: "people filming at parties with her"
    r"filming|filmed|recording (?:her|him|them|people|each other)|hidden cameras?|"
    r"(?:photos?|pictures?|pics|videos?) of (?:her|him|them|my|the kids|the children)",
    # safety subjects and where the advice comes from
    r"safe|safety|unsafe|danger\w*|risks?|risky|harm\w*|protect\w*|groom\w*|predators?|"
    r"paedo\w*|pedo\w*|bull(?:y|ies|ied|ying)|cyberbull\w*|troll\w*|harass\w*|sextort\w*|"
    r"blackmail\w*|extort\w*|nudes?|naked|sext\w*|porn\w*|sexual\w*|abus\w*|exploit\w*|"
    r"scammers?|phishing|hacked|hackers?|parental|age limits?|minimum age|age ratings?|"
    r"age restrictions?|loot ?box\w*|robux|v-?bucks|" + SERVICE_NAMES + "|"
    r"lockdowns?|covid\w*|pandemic|self-?harm|suicid\w*|eating disorders?|misinformation|"
    r"conspirac\w*|violent|violence|gory|disturbing|inappropriate|explicit|location sharing|"
    r"share (?:her|his|their) location|snap ?map|family (?:link|pairing|center|centre)|"
    r"advice|guidance|your (?:info|information|sources|answers)|sources|charity|charities|"
    r"adult (?:content|sites?|websites?|material)|block(?:ing)? (?:access|sites|websites)|"
    r"filter\w*|family (?:view|sharing|settings|safety|controls)|sharenting|finsta\w*|"
    r"sexting|sexts?|nudes?|text messages|texts|disappearing messages|vanish mode|"
    r"family (?:media |tech |device |screen )?(?:agreement|contract|plan)s?",
]
_SERVICE = re.compile(r"\b(?:" + SERVICE_NAMES + r")\b")


def names_a_service(text: str) -> bool:
    """Whether the message names a child-safety service or campaign ("can esafety help")."""
    return bool(_SERVICE.search(text.lower().replace("\u2019", "'")))


_STRONG_CUE = re.compile(r"\b(?:" + "|".join(_CUES) + r")\b")
# A pronoun alone hints at a child ("is he old enough?") but is as common in any request.
_PRONOUN = re.compile(r"\b(?:he|she|he'?s|she'?s|his|him|hers)\b")

# Platform aliases that are everyday words: on their own they do not make a message
# about an app ("switch my bank account", "oh snap").
_EVERYDAY_ALIASES = frozenset({"switch", "snap", "cod", "nintendo"})


def is_about_children_online(text: str, platform_mentions: Iterable[str] = ()) -> bool:
    """True when the message names a child, an app, something online or a safety subject."""
    if any(m.lower() not in _EVERYDAY_ALIASES for m in platform_mentions):
        return True
    lowered = text.lower()
    return bool(_STRONG_CUE.search(lowered) or _PRONOUN.search(lowered))


_CHILD_CUE = re.compile(r"\b(?:" + _CUES[0] + r")\b")
_ONLINE_CUE = re.compile(r"\b(?:" + _CUES[1] + r")\b")


def names_a_child_online(text: str) -> bool:
    """True when the message names both a child and something online ("my son and the internet").

    Such a message is about children online however vague it is, even when the classifier
    files it with the general-purpose requests it never saw a child in.
    """
    lowered = text.lower()
    return bool(_CHILD_CUE.search(lowered) and _ONLINE_CUE.search(lowered))


def has_strong_cue(text: str) -> bool:
    """True when the message names a child, something online or a safety subject outright."""
    return bool(_STRONG_CUE.search(text.lower()))


# Words that say little alone ("report a stolen card", "contact the bank") but, inside a
# conversation about a child online, make a short message a follow-up of it.
_CONVERSATION_CUE = re.compile(
    r"\b(?:parents?|school|teachers?|police|report\w*|block\w*|tell|talk|contact|worr\w*|"
    r"safe\w*|help|stop|delete\w*|settings?|messag\w*|photos?|pictures?|videos?|"
    r"screenshot\w*|evidence|happen\w*|again|rules?|laws?|network|router|broadband|posts?|"
    r"taken? (?:\w+ )?down|remov\w*|someone|somebody|anyone|dodgy|creepy|next|limit\w*|"
    r"spend\w*|buy\w*|purchas\w*|accounts?|privacy|private|public|friends?|follow\w*|"
    r"refund\w*|money back|ring|call|phone|signs|red flags|look(?:ing)? out for|"
    r"google play|play store|app store|apple store|"
    # "can people outside the class add them", "can I get the regulator involved", "is
    # needhelpnow still running"
    r"add\w*|outside|involved|regulators?|seen|watched|come across|"
    r"still (?:running|going|around|available|open|a thing|exists?)|"
    # "so what can either of us actually do from a distance"
    r"what (?:can|could|should|do) (?:i|we|either of us|one of us|anyone|you) (?:\w+ )?do)\b"
)


def continues_a_safety_conversation(text: str) -> bool:
    """True for words that tie a short message to the online-safety conversation under way."""
    return bool(_CONVERSATION_CUE.search(text.lower()))


# Subjects of a general-purpose assistant that no online-safety conversation turns into:
# "do you know a good lasagne recipe? the kids are starving" names the kids, but asks
# about dinner.
_OTHER_DOMAIN = re.compile(
    r"\b(?:recipes?|cook(?:ing)?|bake|baking|lasagne|dinner ideas|weather|forecast|flights?|"
    r"rain(?:ing|y)?|sunny|sunshine|heatwave|freezing out|snow(?:ing)?|board games?|jigsaws?|break up for|term dates|"
    r"(?:christmas|easter|summer|school) holidays|(?:the |my |our )?(?:dog|cat|puppy|kitten)(?:'s)?|"
    r"for (?:dogs|cats|pets)|vets?|"
    r"(?:write|writing) (?:my |our )(?:\w+ ){0,3}(?:reports|essays?|cv|speech)|"
    r"end of (?:term|year) reports|(?:write|writing) (?:my |an? )?(?:essay|cv|speech)|"
    r"attach (?:a |the )?(?:photo|picture|file)s? to (?:an? )?e-?mail|"
    r"hotels?|holiday (?:deals|booking)|mortgage|bank (?:account|balance|card)|credit card|"
    r"car insurance|oil change|tyres?|restaurants?|calories|translate|exchange rate|"
    r"stock price|horoscope|lottery|sports? scores?|"
    # school work and shopping asked in passing: "can you help me with his maths homework",
    # "what's a good phone case", "what's the capital of australia"
    r"help (?:me )?with (?:his|her|their|my|the) (?:maths?|math|science|spelling|history|"
    r"geography) homework|fractions|times tables|long division|algebra|phone cases?|"
    r"screen protectors?|(?:the )?(?:capital|population) of|(?:the|that) match\b|referee|"
    # travel, food, banking: "is france safe to travel to", "is rice safe to eat after 3 days"
    r"travel\w*|vacations?|safe to (?:eat|drink)|fridge|refrigerator|(?:list|show) (?:me )?(?:all )?"
    r"(?:my )?(?:purchases|transactions)|transactions?|(?:card|wallet) (?:was|is|got|has been) "
    r"(?:stolen|lost|cut|damaged)|w-?2|checking account|casinos?|"
    # shopping and television: "recommend a good school bag brand", "which is better for
    # watching cricket"
    r"(?:good|best|decent|cheap|reliable) (?:\w+ ){0,2}brands?|school bags?|backpacks?|"
    r"(?:for )?watching (?:the )?(?:cricket|football|rugby|tennis|sports?|f1|films|movies|netflix)|"
    r"(?:cricket|football|rugby) (?:match|scores?|on tv)|"
    # cars and driving: "what's a good first car for a teen?"
    r"(?:first|good|safe|cheap|used|second-?hand) cars?|car insurance|driving (?:lessons?|tests?|instructors?))\b"
)


def names_another_domain(text: str) -> bool:
    """True when the message asks about cooking, travel, money or the like."""
    return bool(_OTHER_DOMAIN.search(text.lower()))


# In a conversation, a question about "they" or "them" is as likely about the children.
_ANY_PRONOUN = re.compile(r"\b(?:he|she|they|them|their|his|him|her|he'?s|she'?s|they'?re)\b")


def mentions_someone(text: str) -> bool:
    """True when the message speaks of a person by pronoun ("what might they have seen")."""
    return bool(_ANY_PRONOUN.search(text.lower().replace("\u2019", "'")))
