"""Which app a message names, where the EntityRuler's phrase match is not enough.

Two corrections, both about words that are also everyday English:

- a verb is not an app: "switch off location" names no Nintendo Switch;
- an app whose name is an everyday word ("kick", "threads", "X", "ngl", "steam", "monkey")
  is matched in free text only through an alias ("kick streams", "threads app"); here its
  bare name counts where the shape of the message says an app is meant: an ellipsis ("ok
  and kick?", "what about threads"), "this ngl thing", "is steam safe", "be on X?".
"""

from __future__ import annotations

import re
from typing import List, Mapping, Optional, Sequence, Tuple

# Nicknames that are also verbs, and the words that make them verbs when they follow.
_VERB_USES = {
    "switch": re.compile(
        r"^\s+(?:(?:it|them|that|this|her|his|my|their|the|your)\s+)?(?:off|on|to|over|back|"
        r"between|from|it|them|accounts?|location|settings?|profiles?|phones?)\b"
        # "switch that chatting off", "switch the location sharing on"
        r"|^\s+(?:it|them|that|this|her|his|my|their|the|your|all)\s+(?:[\w-]+\s+){1,2}(?:off|on)\b"
        # "switch comments off", "switch notifications back on": a thing, then off or on
        r"|^\s+(?:comments|notifications|messages|dms|location|sharing|autoplay|downloads|"
        r"purchases|voice chat)\s+(?:back\s+)?(?:off|on)\b"
    ),
}

# The shapes in which a bare name means the app. {name} is the escaped spelling.
_APP_SHAPES = [
    # the whole message: "ok and kick?", "what about threads", "same for steam then"
    r"^(?:(?:ok|okay|so|and|but|right|hmm|oh)[,\s]+)*(?:what about|how about|and|same for|"
    r"same with|and what about|what of)?\s*(?:the\s+)?{name}(?:\s+(?:app|then|too|as well|also))?"
    r"\s*[?.!]*$",
    # an ellipsis with an aside after a comma: "what about kick, his mate streams there",
    # "and Monkey, my 13 year old mentioned it"
    r"^(?:(?:ok|okay|so|right|hmm|oh)[,\s]+)*(?:what about|how about|and|same for|same with|"
    r"and what about)\s+(?:the\s+)?{name}\s*(?:[,;:(?]|\s[-\u2013]\s)",
    # a correction: "sorry I meant the location question for threads, not bereal"
    r"\b(?:i )?meant (?:the )?(?:\w+ ){{0,3}}?(?:for|on|about|with) {name}\b",
    # "this ngl thing", "the kick app", "that threads site"
    r"\b(?:this|the|that)\s+{name}\s+(?:thing|app|site|website|platform|account)\b",
    # "is steam safe", "are threads ok for teens"
    r"\b(?:is|isn't)\s+{name}\s+(?:safe|ok|okay|suitable|appropriate|dangerous|alright)\b",
    # "is threads any better for that", "is kick worse than twitch"
    r"\b(?:is|are|isn't)\s+{name}\s+(?:any |much |even |a lot |any )?(?:better|worse|safer|"
    r"different)\b",
    # "how safe is ngl", "minimum age requirement for kick", "a site called steam"
    r"\bhow (?:safe|dangerous|bad) is {name}\b",
    r"\b(?:age|age limit|age rating|minimum age|age requirement|rating)s? (?:\w+ )?(?:for|on|of) "
    r"{name}\b",
    r"\b(?:(?:a|an|the) (?:site|app|game|platform|website)|something|someone|one|a thing) called {name}\b",
    # "yes it's literally called Monkey", "the one named kick"
    r"\b(?:it'?s|it is|its|is|was) (?:literally |actually |just )?(?:called|named) {name}\b",
    # "what is kick", "what's ngl", "what is kick and why..."
    r"^(?:so\s+|and\s+|ok\s+)?what(?:'s|s| is)\s+{name}\b",
    # "does threads have teen settings", "can steam show my card"
    r"^(?:does|do|is|are|can|has)\s+{name}\s+(?:have|has|let|allow|show|need|require|work)\b",
    # "how do I block kick on his laptop", "can I ban threads"
    r"\b(?:block|ban|delete|remove|uninstall|install|download|restrict)\s+{name}\s+(?:on|from|app)\b",
    # "anonymous messages through ngl", "he downloaded steam" ("on monkey bars" is a playground)
    r"\b(?:on|through|via|downloaded|installed|joined|using|uses|use)\s+{name}\b"
    r"(?!\s*(?:bars?|days?|times?))",
]
# X is written as a capital letter where it is the app: "should she be on X?".
_CAPITAL_X = re.compile(r"\b(?:on|use|using|join|joined|about|and|for|like|of)\s+X\b(?![-'])")


def mentions_meant(text: str, mentions: Sequence[str]) -> List[str]:
    """The EntityRuler's mentions, without verbs, owners or apps the family does not have.

    "Facebook's Messenger Kids", "Google's Family Link": the product is meant, not its maker.
    "Switch off" is a verb, and "I don't have facebook" (setting up Messenger Kids) is not a
    question about Facebook; a name is dropped for these only where every use of it is one.
    """
    lowered = text.lower().replace("\u2019", "'")
    kept = []
    for mention in mentions:
        name = mention.lower()
        uses = list(re.finditer(rf"\b{re.escape(name)}\b", lowered))
        verb_use = _VERB_USES.get(name)
        if verb_use is not None and uses and all(verb_use.match(lowered[u.end() :]) for u in uses):
            continue
        owned = (
            rf"\b{re.escape(name)}'s\s+{re.escape(other.lower())}\b"
            for other in mentions
            if other.lower() != name
        )
        if any(re.search(pattern, lowered) for pattern in owned):
            continue
        if uses and all(_NOT_HAD.search(lowered[: u.start()]) for u in uses):
            continue
        kept.append(mention)
    return kept


# What comes just before an app the family does not have: "how do I set it up, I don't have
# facebook" asks about the app being set up, not Facebook.
_NOT_HAD = re.compile(
    r"\b(?:i|we)\s+(?:don'?t|do not|dont|never)\s+(?:have|got)\s+(?:a\s+|an\s+|any\s+)?$"
)


class BareNames:
    """Finds the apps whose names are everyday words, where the message's shape means them."""

    def __init__(self, names: Mapping[str, str]) -> None:
        """``names``: bare spelling -> platform id, for the apps that need a qualifier."""
        self._id_of = dict(names)
        # One pattern per shape, every name an alternative: a few searches per message.
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        self._shapes = [
            re.compile(shape.format(name=f"(?P<name>{alternatives})")) for shape in _APP_SHAPES
        ]
        self._x = "x" if "x" in names.values() else None

    def named(self, text: str) -> Optional[str]:
        """The platform id a bare everyday name stands for in ``text``, if any."""
        found = self.found(text)
        return found[0] if found else None

    def found(self, text: str) -> Optional[Tuple[str, int]]:
        """The platform id and where its name starts in ``text``, if a bare name means one."""
        lowered = text.lower().replace("\u2019", "'")
        for shape in self._shapes:
            match = shape.search(lowered.strip())
            if match:
                offset = len(lowered) - len(lowered.lstrip())
                return self._id_of[match.group("name")], match.start("name") + offset
        capital_x = _CAPITAL_X.search(text) if self._x else None
        if self._x and capital_x:
            return self._x, capital_x.end() - 1
        return None
