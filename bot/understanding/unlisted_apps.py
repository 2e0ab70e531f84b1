"""The name of an app or game we do not list, by the shape of the parent's question.

"is stumble guys ok for my 7 year old", "what's the Hoop app?", "avakin life safe for 11??",
"Gacha Life - what is it", "my 14yo downloaded Lemon8, any concerns?": the parent names an
app the knowledge base holds nothing on. Such a question gets the general way to check any
app or game (its age rating, who can contact a child, the settings), never "I can't help".
Only called when no listed app was named, so "is roblox ok" never reaches here.
"""

from __future__ import annotations

import re
from typing import Optional

_NAME = r"[a-z0-9][\w.'&+-]*(?: [\w.'&+-]+){0,3}?"

# Each pattern puts the candidate name in the group "name"; the first whose name passes
# ``_looks_like_a_name`` wins.
_PATTERNS = (
    # "is <name> safe / ok / suitable", "should my son play <name> at 12"
    re.compile(
        r"\b(?:is|are|isn't)\s+(?P<name>[a-z0-9][\w .'&:+-]{1,40}?)\s+(?:app\s+|game\s+)?"
        r"(?:safe|ok|okay|alright|suitable|appropriate|ok to play|good|bad|dangerous|"
        r"age appropriate|fine)\b"
    ),
    re.compile(
        r"\b(?:should|can|could|may)\s+(?:i let\s+)?(?:my|our|a|an)\s+\S+(?:\s+\S+)?\s+"
        r"(?:play|use|have|get|download|join)\s+(?P<name>[a-z0-9][\w .'&:+-]{1,40}?)"
        r"(?:\s+at\s+\d+|\s+yet|\?|$)"
    ),
    # "<name> safe for 11??", "clash royale clan chat - safe for a 9 year old?"
    re.compile(
        rf"^(?P<name>{_NAME})\s*(?:[-:]\s*)?(?:is it |is that )?"
        r"(?:safe|ok|okay|alright|suitable|appropriate) (?:for|at)\b"
    ),
    # "Gacha Life - what is it", "yubo?? what even is that"
    re.compile(
        rf"^(?P<name>{_NAME})\s*[-:?]+\s*(?:what(?:'s| is| even is) (?:it|that|this)|any good|"
        r"any concerns)"
    ),
    # "what's the Hoop app", "the wink app", "sendit app - anonymous questions?"
    re.compile(
        rf"(?:^|\b(?:the|this|that|called|on|uses?|using|got|has|wants?) )(?P<name>{_NAME}) app\b"
    ),
    # "downloaded Lemon8. any concerns?"
    re.compile(
        rf"\b(?:downloaded|installed|download|install)\s+(?P<name>{_NAME})"
        r"(?=\s*[.?!,]|$|\s+(?:on|onto|and|to|for|from|because|yesterday|last|today|any)\b)"
    ),
    # "My daughter wants Zepeto. What even is it?"
    re.compile(
        rf"\b(?:wants|got|has|joined|uses|using|plays|playing|is on)\s+(?P<name>{_NAME})\s*[.?!,]+\s*"
        r"(?:(?:i'?ve )?(?:never|not) heard of (?:it|that|this)\s*[.?!,]+\s*)?what(?: even)? is "
        r"(?:it|that|this)\b"
    ),
)

# A game named by its capitals where a child plays it: "my nephew plays Free Fire till 2am".
# Lower case ("plays football") reads as a sport or a toy, so only written capitals count.
_PLAYS_CAPITALISED = re.compile(
    r"\b(?:plays|playing|play|played|addicted to|obsessed with|hooked on)\s+"
    r"(?P<name>[A-Z][\w'&+-]*(?: [A-Z0-9][\w'&+-]*){0,3})"
)

# Words before a name that are not part of it: "whats the Hoop app" names "Hoop".
_LEAD_IN = frozenset(
    """the this that these those a an my his her their our your whats what's wats what is
    called uses use using got has wants want on it's its""".split()
)
# Words that make a candidate not an app's name: "is it safe", "is this ok", "a dating app".
_NOT_A_NAME = frozenset(
    """it this that he she they there online the internet social media gaming apps games
    app game everything anything something phone phones tablet my your his her their a an
    what which who why how it's its snapchat these those any every all some one other new
    same best free paid dating chat chatting messaging message messages video videos
    parental control controls screen time location tracking tracker monitoring spy family
    safety photo editing ai companion anonymous banking bank news school learning
    educational kids kid children child teen teens music streaming live camera and or but
    so is are was be to of in on for with at by do does did can should would could will
    downloaded installed download install wants got uses using plays playing son daughter
    games' him them me us we you i whats what's wats iphone ipad android tablet laptop
    computer pc console xbox playstation switch kindle chromebook tv store traveling
    travelling travel going living moving flying driving swimming walking eating not no never
    very really too quite so pretty english football rugby netball hockey cricket tennis
    basketball soccer baseball golf piano guitar violin drums chess outside out""".split()
)


# Words that ask about the whole app rather than one subject of it.
_ASKS_ABOUT_THE_APP = re.compile(
    r"\b(?:safe|ok|okay|alright|suitable|appropriate|any good|concerns?|what(?:'s| is| even is) "
    r"(?:it|that|this))\b"
)


_APP_OR_GAME = re.compile(r"\b(?:apps?|games?|gaming)\b")


def says_app_or_game(text: str) -> bool:
    """True when the message calls what it names an app or a game."""
    return bool(_APP_OR_GAME.search(text.lower()))


def asks_about_the_app(text: str) -> bool:
    """True when the question asks whether an app is safe or what it is ("X ok for 8?")."""
    return bool(_ASKS_ABOUT_THE_APP.search(text.lower().replace("\u2019", "'")))


def unlisted_app_name(text: str) -> Optional[str]:
    """The name of the app the question asks about, as written, if the shape says there is one."""
    written = text.strip()
    lowered = written.lower().replace("\u2019", "'")
    for pattern in _PATTERNS:
        match = pattern.search(lowered)
        if not match:
            continue
        start, end = match.span("name")
        # "whats the Hoop" -> "Hoop": the words before the name are not part of it.
        for word in re.finditer(r"\S+", lowered[start:end]):
            if word.group(0) not in _LEAD_IN:
                start += word.start()
                break
        name = lowered[start:end].strip(" ?.!,-:")
        if _looks_like_a_name(name):
            return written[start : start + len(name)]
    played = _PLAYS_CAPITALISED.search(written.replace("\u2019", "'"))
    if played and _looks_like_a_name(played.group("name").lower(), any_first_word=True):
        return played.group("name")
    return None


def _looks_like_a_name(candidate: str, any_first_word: bool = False) -> bool:
    """True unless the words are ordinary ones; a written capital ("Free Fire") may start with one."""
    name_words = candidate.split()
    if not name_words or len(name_words) > 4:
        return False
    if name_words[0] in _NOT_A_NAME and not (any_first_word and len(name_words) > 1):
        return False
    return not all(w in _NOT_A_NAME for w in name_words)
