"""Small talk the classifier missed because it came wrapped in a parent's own words.

"You are very patient with an old woman. Are you a real person?" or "Much obliged, you're
more use than the phone shop" carry the words of small talk inside sentences the classifier
never saw and files as off-topic. Where the message names no subject of ours, these words
decide: the parent gets the small-talk reply, not "that's outside what I can help with".
"""

from __future__ import annotations

import re
from typing import Optional

from bot.intents import BOT_CHALLENGE_INTENT, THANK_INTENT

# Asking whether a person or a program is answering: "are you real", "you are AI or human?"
_BOT_CHALLENGE = re.compile(
    r"\b(?:are|r) (?:you|u) (?:even |actually |really )?(?:a |an )?(?:real|human|bot|robot|ai|"
    r"person|computer|machine|automated|chatgpt)\b|"
    r"\b(?:ai|bot|robot|machine|computer) or (?:a )?(?:human|person|real)\b|"
    r"\b(?:human|person|real) or (?:a |an )?(?:ai|bot|robot|machine|computer)\b|"
    r"\bis (?:this|it) (?:a |an )?(?:bot|robot|ai|real person|human|person)\b|"
    # who is answering: "what's your name then", "who made you btw", "are you run by the council"
    r"\bwhat(?:'s| is) your name\b|\bwho (?:made|built|created|runs|owns|wrote|programmed) "
    r"(?:you|u|this)\b|\bwho (?:are|r) (?:you|u)\b|\b(?:are|r) (?:you|u) (?:run|made|owned) by\b"
)
# Thanks and praise, in English and in the words of parents whose English is a second language.
_THANKS = re.compile(
    r"\b(?:thanks?|thank (?:you|u)|thx|ty|tysm|cheers|ta|much obliged|many thanks|"
    r"appreciate (?:it|that|this|you)|kiitos|merci|danke|gracias|grazie|dziękuję|dziekuje|"
    r"dhanyavaad|shukriya)\b|"
    r"\b(?:you(?:'re| are| have been|'ve been)|u r|ur) (?:(?:very|so|really|such|a|an|most|"
    r"ever so) )*(?:patient|helpful|kind|great|brilliant|star|legend|lifesaver|life saver|"
    r"more use|useful|gem|godsend|marvellous|wonderful|clever|good at this)\b|"
    r"\b(?:saved my (?:sanity|life|bacon|skin)|more (?:useful|helpful) than|put my mind at rest|"
    r"(?:that'?s|that is|that was|very|really|so) (?:reassuring|clear|helpful|useful)|thanks a million|"
    r"have a (?:nice|good|lovely) (?:day|evening|night|weekend)|"
    r"(?:this|that|it) (?:was|has been|'s been) (?:a )?(?:nice|good|lovely|great|helpful|useful) chat|"
    # "brilliant, that's my lesson sorted"
    r"that'?s (?:\w+ ){0,2}sorted|(?:all|that'?s all) sorted now)\b"
)
# Thanks that open a message with no question in it: "thank you! more useful than the
# parents' group chat" names a chat, but asks nothing.
_OPENING_THANKS = re.compile(
    r"^\W*(?:(?:ok|okay|oh|aw|ah|right)\W+)?(?:thanks?|thank (?:you|u)|thx|ty|tysm|cheers|ta|"
    r"kiitos|merci|danke|gracias|grazie|dhanyavaad|shukriya|"
    r"brilliant|lovely|great|perfect|"
    r"amazing|fab|fabulous|super|wonderful|"
    # "Sweet as, thanks" (New Zealand), "awesome, thanks", "nice one"
    r"sweet(?: as)?|awesome|nice one|ace|grand|excellent|fantastic|champion)\b[^?]*$"
)


# After the thanks, words that ask or tell something: "thanks, how do I turn chat off".
_ASKS_OR_TELLS = re.compile(
    r"\b(?:how|what|why|when|where|who|which|can|could|should|would|is|are|does|do|will|"
    r"tell|show|explain|help|need|want|wants|worried|worry|but|also|and what|and how)\b|\d"
)


# A reaction to the last answer: laughter, or a stock phrase that closes a point
# ("fair enough", "will do"). Words that ask or ask for help make it a question instead.
_REACTION = re.compile(
    r"\b(?:lol|lols|haha\w*|hehe\w*|lmao|rofl|fair enough|oh well|fingers crossed|wish me luck|"
    r"will do|noted|makes sense|"
    # "Sorry love, I'm hopeless with technology"
    r"(?:i'?m|im|i am) (?:so |a bit |totally |just )?(?:hopeless|useless|rubbish|terrible|clueless|bad) "
    r"(?:with|at) (?:technology|tech|computers|phones|gadgets|all this|this stuff)|not (?:very )?techy)\b"
)
_ASKS = re.compile(
    r"\?|^\W*(?:(?:lol|haha\w*|hehe\w*|lmao|ok(?:ay)?|so|well|right|oh|ah|hmm|but|and)\W+)*"
    r"(?:how|what|whats|why|when|where|who|which|can|could|should|would|is|are|does|do|did|any|"
    r"tell|help|explain|show|please)\b|\b(?:help(?! (?:to )?(?:run|lead|coach|teach|out (?:at|with)|look "
    r"after))|advice|tips|worried|scared|how do|what do|"
    r"what if|what about|can i|should i|is it|is there|is (?:that|this) (?:normal|ok|okay|bad|safe|"
    r"right|true|a problem))\b"
)


# An apology for one's English asks nothing: "Sorry my english is not so good".
_ENGLISH_APOLOGY = re.compile(
    r"\b(?:sorry|excuse|apologi[sz]e)\b[^.?]{0,20}\bmy (?:bad |poor |broken )?english\b|"
    r"\bmy english is (?:not|bad|poor|no)\b|"
    # "sorry for rambling, long day"
    r"\bsorry (?:for|about) (?:the |all the |my )?(?:rambling|ramble|waffling|waffle|going on|essay|long "
    r"(?:message|post|one)|questions)\b"
)
# A reaction is short: a longer message with a laugh in it tells something ("he yelled he'd
# kill me if I unplug it lol, I know he doesn't mean it").
REACTION_MAX_WORDS = 10


def is_a_reaction(text: str) -> bool:
    """True for laughter or a stock phrase that reacts to the last answer and asks nothing."""
    lowered = text.lower().replace("\u2019", "'")
    return (
        bool(_REACTION.search(lowered) or _ENGLISH_APOLOGY.search(lowered))
        and len(lowered.split()) <= REACTION_MAX_WORDS
        and not asks_something(lowered)
    )


# A remark tells about the family ("he will hate me", "we're in Florida fwiw", "proud of her
# tbh"); a request to another assistant ("book a table for two") starts with its verb.
_REMARK = re.compile(
    r"^\W*(?:(?:ok|okay|haha\w*|lol|well|so|oh|ah|yeah|yes|no|right)\W+)*(?:i|i'm|im|i've|we|"
    r"we're|we've|he|he's|hes|she|she's|shes|they|they're|theyre|it's|its|my|our|his|her|mine|"
    r"that's|thats)\b|\b(?:tbh|lol|haha\w*|fwiw|btw)\W*$"
)


def is_a_remark(text: str) -> bool:
    """True for a statement about the family that asks nothing (see ``_REMARK``)."""
    lowered = text.lower().replace("\u2019", "'")
    return bool(_REMARK.search(lowered)) and not asks_something(lowered)


def asks_something(text: str) -> bool:
    """True when the message asks a question or asks for help, in words or with a "?"."""
    return bool(_ASKS.search(text.lower().replace("\u2019", "'")))


def only_thanks(text: str) -> bool:
    """True for thanks or praise that opens a message and asks or tells nothing more."""
    lowered = text.lower().replace("\u2019", "'")
    opening = _OPENING_THANKS.search(lowered)
    if not opening or small_talk_intent(lowered) != THANK_INTENT:
        return False
    rest = _THANKS.sub(" ", lowered)
    return not _ASKS_OR_TELLS.search(rest)


def small_talk_intent(text: str) -> Optional[str]:
    """The small-talk intent the message's words carry, if any (a bot question first)."""
    lowered = text.lower().replace("\u2019", "'")
    if _BOT_CHALLENGE.search(lowered):
        return BOT_CHALLENGE_INTENT
    if _THANKS.search(lowered):
        return THANK_INTENT
    return None


# Who is writing, and for which children, before any question: "I'm a kinship carer for my
# nephew, he's 13 and we're in Brisbane", "Kia ora, I coach an under 14s rugby team".
_INTRODUCTION = re.compile(
    r"\b(?:i'?m|i am|im|we'?re|we are)\s+(?:a |an |the |his |her |their )?(?:\w+\s+){0,2}?(?:parents?|"
    r"mum|mom|dad|father|mother|carers?|guardians?|grand(?:parents?|mother|father|ma|pa|mum|dad)|gran|"
    r"nan|nana|grandad|teacher|coach|dsl|safeguarding lead|youth worker|childminder|nanny|aunt|auntie|"
    r"uncle|step-?(?:mum|mom|dad|parent)|foster \w+|headteacher|head of year|school nurse)\b|"
    r"^\W*(?:\w+\W+){0,3}?(?:grandad|grandpa|grandma|gran|nan|nana|mum|mom|dad|teacher|carer|coach|"
    r"foster carer|parent|leader|counsell?or|dsl)s? here\b|"
    r"\b(?:i|we) (?:help (?:to )?)?(?:coach|teach|run|lead|look after|care for|foster|mind|babysit)\s+"
    r"(?:a |an |the |my |our )?"
    r"(?:\w+\s+){0,3}?(?:team|class|group|club|children|kids|boys|girls|pupils|nephew|niece|grand\w+)\b"
)


def introduces_the_writer(text: str) -> bool:
    """True for a message that says who is writing, for which children, and asks nothing yet."""
    lowered = text.lower().replace("\u2019", "'")
    return bool(_INTRODUCTION.search(lowered)) and not asks_something(lowered)


# A reply to a question nobody asked: "yes", "the second one", as the first message.
_BARE_REPLY = re.compile(
    r"^\W*(?:yes|yeah|yep|yup|no|nope|nah|ok|okay|k|kk|okie|alright|sure|both|neither|that one|this one|"
    r"the (?:first|second|third|last|other|top|bottom) one|(?:option|number) (?:\d|one|two|three)|"
    r"(?:the )?(?:first|second|third|last) (?:option|button))(?:\W+(?:please|pls|thanks|one))?\W*$"
)


def is_a_bare_reply(text: str) -> bool:
    """True for a short answer ("yes", "the second one") that needs a question before it."""
    return bool(_BARE_REPLY.search(text.lower().replace("\u2019", "'")))


_CHOICE = re.compile(r"\b(?:one|option|number|button|both|neither)\b")


def picks_a_choice(text: str) -> bool:
    """True for a bare reply that picks among options ("the second one"), not "yes" or "ok"."""
    return bool(_CHOICE.search(text.lower()))
