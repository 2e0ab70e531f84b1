"""Which child a message is about, in a family with more than one.

"My daughter is 13 and my son is 9" ... "back to my daughter, how do I check her snap map":
the age that counts is the daughter's, not the last one said. The children and their ages
are read from what the parent wrote earlier; the message names one of them by who it is
("my daughter", "her brother") or by rank ("the little one", "the middle one").
"""

from __future__ import annotations

import re
from typing import Dict, Iterable, List, Optional

from bot.knowledge.ages import age_band_from_text, band_for_age
from bot.knowledge.schema import AGE_BANDS

_WHO = r"(?:daughter|son|girl|boy|brother|sister|stepson|stepdaughter|granddaughter|grandson)"
_RANK = r"(?:little|younger|youngest|big|older|oldest|eldest|elder|middle)"
# A child named by who it is ("my daughter", "his sister") or by rank ("the little one").
_CHILD = re.compile(
    r"\b(?:(?:my|our|the|his|her|their) (" + _WHO + r")|(?:the )?(" + _RANK + r")(?: one)?)\b"
)
# Returning to a child, with no age said: "back to my daughter", "for the middle one", "and
# what about the little one".
_RETURNS_TO = re.compile(
    r"\b(?:back to|for|about|what about|and|with|re) (?:my|our|the|his|her|their) (?:"
    + _WHO
    + r"|"
    + _RANK
    + r"(?: one)?)\b|^\W*(?:the )?"
    + _RANK
    + r" one\b"
)
_BACK_TO = re.compile(r"\b(?:back to|going back to|returning to)\b")
_CLAUSES = re.compile(r"[.;!?\n]|,|\band\b|\bbut\b|\bwhile\b")
# "my kids are 8 and 12", "I have three, 6, 10 and 14", "mine are 7 & 11"
_AGES_LISTED = re.compile(
    r"\b(?:kids|children|boys|girls|mine|three|two|twins|sons|daughters)"
    r"(?:\W+(?:are|aged|ages|they'?re|they are))*\W+"
    r"(\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})+)\b|"
    # "we have 3 kids right now, ages 7, 11 and 16"
    r"\bages\s+(\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})+)\b"
)
_YOUNGEST = {"little", "younger", "youngest"}
_OLDEST = {"big", "older", "oldest", "eldest", "elder"}


def _band_order(band: str) -> int:
    return AGE_BANDS.index(band)


def _children(earlier: Iterable[str]) -> Dict[str, str]:
    """Each child the parent gave an age for, by who or rank, the latest said first kept."""
    found: Dict[str, str] = {}
    for text in earlier:
        for clause in _CLAUSES.split(text.lower().replace("\u2019", "'")):
            band = age_band_from_text(clause)
            match = _CHILD.search(clause)
            if band and match:
                found.setdefault(match.group(1) or match.group(2), band)
    return found


def _first_unnamed_child(earlier: Iterable[str]) -> Optional[str]:
    """The band of the first age said without saying whose it is ("for my 15 year old").

    ``earlier`` is latest first, as the tracker gives it; the child the conversation began
    with is the earliest, and ages said of a named child ("her brother's 12") are someone else's.
    """
    for text in reversed(list(earlier)):
        for clause in _CLAUSES.split(text.lower().replace("\u2019", "'")):
            band = age_band_from_text(clause)
            match = _CHILD.search(clause)
            if band and not (match and match.group(1)):
                return band
    return None


def _bands_listed(earlier: Iterable[str]) -> List[str]:
    """The bands of several ages given together ("mine are 8 and 12"), youngest first."""
    for text in earlier:
        listed = _AGES_LISTED.search(text.lower())
        if listed:
            ages = [int(n) for n in re.findall(r"\d{1,2}", listed.group(1) or listed.group(2))]
            bands = {band_for_age(age) for age in ages}
            return sorted((b for b in bands if b), key=_band_order)
    return []


# A child named with an age: "Maya who's 13", "Liam is 13", "Ellie (12)", "Seán, 11". The name
# is written with a capital; words that start sentences or name other things are not names.
_NAMED_AGE = re.compile(
    r"\b([A-Z][a-z\u00c0-\u00ff'-]{1,20})(?:,)?\s+(?:who'?s|who is|is|'s|is only|is just|is nearly|"
    r"just turned|turned|aged|\(|,)\s*(\d{1,2})\b(?!\s*(?:\+|%|hours?|mins?|minutes?|am\b|pm\b|"
    r"years? ago|o'?clock|and (?:up|over)|plus))"
)
_NOT_NAMES = frozenset(
    """I The My Our His Her Their He She They It Its Year Yr Grade Age Class Form Room Group Team
    And But So Ok Okay Hi Hello Yes No Now Then This That What Is Are Mine Both Kids Son Daughter
    Dad Mum Mom Nana Gran Grandad Grandma Baby Snapchat Roblox Discord Instagram Tiktok TikTok
    Fortnite Minecraft Youtube YouTube Whatsapp WhatsApp Xbox Playstation PlayStation Switch Steam
    Kick Twitch Reddit Telegram Facebook Threads BeReal Among Call Level Page Number Version
    Chapter Season Episode Part Step Pegi PEGI Esrb ESRB Rated""".split()
)


def _named_ages(text: str) -> Dict[str, str]:
    """Each child the text names with an age: name (lower case) -> age band."""
    found: Dict[str, str] = {}
    for name, age in _NAMED_AGE.findall(text.replace("\u2019", "'")):
        band = band_for_age(int(age))
        if name not in _NOT_NAMES and band:
            found.setdefault(name.lower(), band)
    return found


def _age_of_named_child(text: str, earlier: List[str]) -> Optional[str]:
    """The band of the child the message is about, when the family's children have names.

    "Back to Maya", "Isla on roblox?", "ok back to liam": a name said earlier with an age. In a
    message that names two children with ages and then one of them again ("Maya who's 13 and
    Isla who's 8. Maya has just got TikTok"), the one named again.
    """
    lowered = text.lower().replace("\u2019", "'")
    here = _named_ages(text)
    known: Dict[str, str] = {}
    for said in reversed(earlier):  # the latest said of a name wins
        known.update(_named_ages(said))
    known.update(here)
    mentions = {name: len(re.findall(r"\b" + re.escape(name) + r"\b", lowered)) for name in known}
    mentioned = [name for name, count in mentions.items() if count]
    if not mentioned:
        return None
    if len(here) >= 2:
        again = [name for name in here if mentions[name] >= 2]
        return here[again[0]] if len(again) == 1 else None
    if len(here) == 1:
        return next(iter(here.values()))
    if len(mentioned) == 1:
        return known[mentioned[0]]
    return None


def age_of_child_returned_to(text: str, earlier: Iterable[str]) -> Optional[str]:
    """The age band of the child the message returns to, from what was said before.

    None when the message names no child, gives an age itself, or the child's age was
    never said. Children named by name come first (``_age_of_named_child``).
    """
    earlier = list(earlier)
    named = _age_of_named_child(text, earlier)
    if named:
        return named
    lowered = text.lower().replace("\u2019", "'")
    if not _RETURNS_TO.search(lowered) or age_band_from_text(lowered):
        return None
    match = _CHILD.search(lowered)
    if match is None:
        return None
    who, rank = match.group(1), match.group(2)
    earlier_said = list(earlier)
    children = _children(earlier_said)
    if who:
        if who not in children and _BACK_TO.search(lowered):
            # "back to my daughter" after "for my 15 year old ... her brother's 12": the child
            # the conversation began with, whose age was said without saying who she is.
            return _first_unnamed_child(earlier_said)
        return children.get(who)
    bands: List[str] = sorted(set(children.values()), key=_band_order)
    if len(bands) < 2:
        # "my kids are 8 and 12": no child named, but the little one is the 8-year-old.
        bands = _bands_listed(earlier_said) or bands
    if len(bands) < 2:
        return children.get(rank or "")
    if rank in _YOUNGEST:
        return bands[0]
    if rank in _OLDEST:
        return bands[-1]
    return bands[1] if rank == "middle" and len(bands) == 3 else children.get(rank or "")


def said_of_child_returned_to(text: str, earlier: Iterable[str]) -> List[str]:
    """What the parent said earlier about the child this message goes back to, latest first.

    "Back to Maya" after "Maya has just been allowed TikTok": the app under discussion is the
    one talked about for Maya, not the last one. Empty when the message goes back to no child
    (it must say so: "back to my son", "back to Maya", or the child's name opening it).
    """
    earlier = list(earlier)
    lowered = text.lower().replace("\u2019", "'")
    known: Dict[str, str] = {}
    for said in earlier:
        known.update(_named_ages(said))
    for name in known:
        if re.search(r"(?:^\W*|\bback to\W+)" + re.escape(name) + r"\b", lowered):
            pattern = re.compile(r"\b" + re.escape(name) + r"\b")
            return [said for said in earlier if pattern.search(said.lower())]
    if not _BACK_TO.search(lowered):
        return []  # "and for my son?" asks the same question about him, of the same app
    match = _CHILD.search(lowered)
    if match is None or not match.group(1):
        return []
    who = re.compile(r"\b(?:my|our|the|his|her|their) " + match.group(1) + r"\b")
    return [said for said in earlier if who.search(said.lower().replace("\u2019", "'"))]
