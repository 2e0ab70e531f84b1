"""The deterministic crisis safety net: patterns that catch a child in danger now.

It runs beside the NLU classifier (see ``bot/nlu/safety_net.py``) so that the crisis
response never depends on a trained model alone. Patterns look for an active situation:
someone *is* blackmailing, a child *is going to* meet someone, a child *has gone*
missing. Questions about a subject ("what is sextortion?", "signs of grooming") are left
to ordinary guidance, which is why a few patterns are skipped when the message is framed
as a general or hypothetical question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Pattern, Tuple

from bot.knowledge.schema import CRISIS_TOPICS


@dataclass(frozen=True)
class CrisisSignal:
    """Which kind of danger the message signals, and the pattern that caught it."""

    category: str
    pattern: str

    @property
    def topic(self) -> str:
        """The taxonomy topic of this kind of crisis."""
        return CRISIS_TOPICS[self.category]


def _gap(n: int) -> str:
    """Whitespace with up to ``n`` other words in between: put it between two words."""
    return rf"(?:\s+\S+){{0,{n}}}?\s+"


_CHILD = (
    r"(?:me|i|my|him|her|them|he|she|they|son|daughter|kid|kids|child|boy|girl|teen|"
    r"grandson|granddaughter|niece|nephew|brother|sister|student|pupil)"
)
_IMAGE = (
    r"(?:pic|pics|picture|pictures|photo|photos|foto|fotos|image|images|video|videos|vid|vids|"
    r"nude|nudes|nudez|noodz|noods|naked|selfies?|snaps?|recording|clips?)"
)
_SPREAD = (
    r"(?:share|sharing|shared|post|posting|send|sending|leak|leaking|show|showing|spread|"
    r"release|expose|exposing|publish|upload|uploading|put (?:it|them) online)"
)
_MONEY = (
    r"(?:money|cash|pay|paid|paying|payment|\$\s?\d+|£\s?\d+|€\s?\d+|\d+\s?(?:dollars|pounds|euros|"
    r"bucks|quid)|gift ?cards?|itunes|steam cards?|bitcoin|btc|crypto|paypal|venmo|cashapp|robux|v-?bucks)"
)
_BLACKMAIL = r"(?:bl[ae]ck\s?ma[il]+e?\w*|blakmail\w*|blackmale\w*|sextort\w*|extort\w*)"
_ADULT = (
    r"(?:man|men|guy|adult|stranger|someone|somebody|person|he|she|they|older|teacher|coach|"
    r"uncle|stepdad|neighbou?r|boyfriend|predator|paedo\w*|pedo\w*)"
)

# Patterns that fire whatever the framing.
_STRONG: List[Tuple[str, str]] = [
    # sextortion happening now
    (
        "sextortion",
        r"\b(?:is|are|am|been|being|was|were|keeps?|kept|started|now|get|got|getting)\s+(?:bl[ae]ck\s?ma[il]+e?(?:ing|ed|d)|blakmail(?:ing|ed)|blackmal(?:ing|ed)|(?:sex)?extort(?:ing|ed))\b",
    ),
    ("sextortion", _BLACKMAIL + r"\s+(?:me|him|her|us|them|my|our)\b"),
    (
        "sextortion",
        r"\b(?:threat\w*|threaten\w*|gonna|going to|will|'ll|ll)"
        + _gap(5)
        + _SPREAD
        + r"\b"
        + _gap(6)
        + _IMAGE,
    ),
    (
        "sextortion",
        _SPREAD
        + _gap(5)
        + _IMAGE
        + r"\b"
        + _gap(8)
        + r"(?:unless|if (?:i|he|she|we|they) (?:don'?t|dont|do not|does not|doesn'?t|won'?t|wont|refuse))",
    ),
    (
        "sextortion",
        r"\b(?:unless|if)\s+(?:i|he|she|we|they)\s+(?:don'?t|dont|do not|does not|doesn'?t|won'?t|wont)\s+(?:pay|send)",
    ),
    (
        "sextortion",
        _IMAGE
        + r"\b.*\b(?:demand\w*|wants?|asking for|asked for|asks for|ask for)"
        + _gap(3)
        + _MONEY,
    ),
    (
        "sextortion",
        r"\b(?:demand\w*|wants?|asking for|asked for|asks for|ask for)"
        + _gap(3)
        + _MONEY
        + r".*\b"
        + _IMAGE,
    ),
    (
        "sextortion",
        r"\b(?:send|sent|pay|give)\s+(?:him|her|them)"
        + _gap(2)
        + _MONEY
        + r"\b.*\b(?:or|else|otherwise)\b",
    ),
    (
        "sextortion",
        r"\b(?:sent|send|shared)"
        + _gap(3)
        + r"(?:nudes?|nudez|noodz|noods|naked)\b.*\b(?:now|and)\b.*\b(?:want|wants|threat\w*|money|pay|post|share|send|everyone|followers|friends)",
    ),
    # an adult asking a child for sexual images or acts now
    (
        "abuse",
        r"\b(?:asking|asked|asks|ask|wants?|wanted|pressur\w*|begging|beg|keeps asking|making|made|told|tell|tells|forcing|forced|get|got)"
        + _gap(4)
        + r"(?:for\s+)?(?:nudes?|nudez|noodz|noods|naked|sexy|explicit|topless|dirty)\s*"
        + _IMAGE
        + r"?",
    ),
    (
        "abuse",
        r"\b(?:asking|asked|asks|wants?|wanted|told|tells|forcing|forced|making|made|pressur\w*)\s+"
        + _CHILD
        + r"\s+(?:to\s+)?(?:send|take|show|get)"
        + _gap(3)
        + r"(?:nudes?|naked|body|privates|private parts|boobs|dick|d\*ck|chest|underwear|bra|without (?:any |my |his |her )?cloth\w*|with no cloth\w*)",
    ),
    (
        "abuse",
        r"\b"
        + _IMAGE
        + r"\s+(?:of (?:me|him|her|them|myself|himself|herself)\s+)?(?:without|with no|with out)\s+(?:any |my |his |her |their )?(?:cloth\w*|clothes|top|shirt|pants)",
    ),
    (
        "abuse",
        r"\b(?:ask\w*|told|tell\w*|want\w*|make|made|making|pressur\w*|forc\w*|beg\w*|get|got|dared?)\b"
        + _gap(6)
        + r"(?:undress\w*|take off (?:(?:his|her|my|your|their|all) )?(?:clothes|top|shirt|t-shirt|pants|trousers|bra|underwear)|strip\w*|get naked|go naked|show (?:him|her|my|them|your)sel\w*|touch (?:him|her|my|them|your)sel\w*)\b",
    ),
    (
        "abuse",
        r"\b(?:touch(?:es|ed|ing)?|fondl\w*|grop\w*)"
        + _gap(2)
        + r"(?:me|him|her|my|them|us|private|privates|places|down there|inappropriately|under (?:my|his|her|their) cloth\w*)\b",
    ),
    (
        "abuse",
        r"\b(?:molest\w*|rap(?:e|ed|ing)|sexually abus\w*|sexual abuse|abus(?:es|ed|ing)\s+(?:me|him|her|them|my|our))\b",
    ),
    (
        "abuse",
        r"\b(?:take|takes|took|taking|get|got)\s+(?:\S+\s+){0,2}(?:top|tops|clothes|shirt|t-shirt|pants|trousers|bra|underwear|knickers)\s+off\b",
    ),
    (
        "abuse",
        r"\b(?:is|are|being|been|was|were)\s+(?:\S+\s+){0,2}(?:groomed|grooming (?:me|him|her|my|them)|abused|molested|raped|exploited|trafficked)\b",
    ),
    (
        "abuse",
        r"\b(?:sexting|sexts?|sexual messages?|sex chat\w*)\b"
        + _gap(6)
        + r"(?:my|a|an)\s+(?:\S+\s+){0,2}(?:\d{1,2}|year|yr|yo|son|daughter|child|kid|girl|boy)",
    ),
    (
        "abuse",
        r"\b(?:grown|adult|older)\s+(?:man|men|guy|woman|person)\b.*\b(?:sex\w*|nudes?|naked|kiss\w*|love|girlfriend|boyfriend|secret|meet)\b",
    ),
    # meeting someone from online
    (
        "meeting",
        r"\b(?:going|gone|goin|gonna|went|wants?|want|wanted|arranged|arranging|planning|plans?|planned|agreed|agree|asked|asking|invited|inviting|trying|tries|about|on (?:his|her|their|my) way|left|leaving|sneak\w*|snuck|snuk)\s+(?:\S+\s+){0,3}?(?:to\s+)?(?:meet|meeting|see him|see her|hook ?up|link up|come over|pick (?:her|him|me) up|visit (?:her|him|me))\b"
        + r"(?!\s+(?:new )?(?:friends|people) (?:online|from))",
    ),
    (
        "meeting",
        r"\b(?:is|are|am|i'?m|im)\s+meeting\s+(?:up\s+)?(?:with\s+)?(?:a|an|some|someone|this|that|him|her|them|his|her)\b",
    ),
    (
        "meeting",
        r"\b(?:meet|meeting|met up|meet up|meetup|meeting up)\b"
        + _gap(8)
        + r"(?:tonight|today|tomorrow|this (?:weekend|afternoon|evening|morning)|now|right now|rn|after school|on (?:saturday|sunday|monday|tuesday|wednesday|thursday|friday))\b",
    ),
    (
        "meeting",
        r"\b(?:tonight|today|tomorrow|this (?:weekend|afternoon|evening)|right now|rn)\b"
        + _gap(8)
        + r"(?:meet|meeting|met up|meet up|meetup)\b",
    ),
    (
        "meeting",
        r"\b(?:sent|send|gave|give|shared|asked for)\s+(?:\S+\s+){0,2}(?:our|my|his|her|the)\s+(?:home )?(?:address|location)\b",
    ),
    # a child missing
    (
        "missing",
        r"\b(?:has|have|gone|went|been|still|now|reported)\s+(?:\S+\s+){0,1}missing\b(?!\s+out)",
    ),
    (
        "missing",
        r"\bmissing\s+(?:child|kid|son|daughter|teen|girl|boy|since|for \d|for (?:two|three|hours|days))\b",
    ),
    (
        "missing",
        r"\b(?:has|have|hasn'?t|havent|haven'?t|did|didn'?t|didnt|not|never|hasnt)\s+(?:\S+\s+){0,1}(?:come|came|coming|gotten|got|returned|been)\s+(?:back\s+)?home\b",
    ),
    (
        "missing",
        r"\b(?:ran away(?! from (?!home))|run away(?! from (?!home))|runaway|running away(?! from (?!home))|ran off(?! to)|run off(?! to)|disappeared(?! into)|vanished|can'?t find (?:my|our|him|her)|cant find (?:my|our|him|her)|don'?t know where (?:he|she|they|my) (?:is|are|went)|dont know where (?:he|she|they|my)|no idea where (?:he|she|they|my) (?:is|are|went)|not answering (?:his|her|their) phone)\b",
    ),
    # suicide or self-harm risk
    (
        "self_harm",
        r"(?<!people )(?<!others )(?<!someone )\b(?:kill|killing|killed|hurt|hurting|hurts|harm|harming|cut|cutting|cuts)\s+(?:him|her|my|them|it|your|our)?sel(?:f|ves|fs)\b",
    ),
    (
        "self_harm",
        r"\b(?:want|wants|wanna|wanted|going|gonna|plan\w*|try\w*|tried)\s+(?:\S+\s+){0,2}(?:to\s+)?(?:die|end it|end (?:it all|my life|his life|her life|their life)|not be here|disappear forever|kill (?:my|him|her|them)sel\w*|be dead)\b",
    ),
    (
        "self_harm",
        r"\b(?:suicid\w*|sucid\w*|suicde\w*|sucide\w*|suiside\w*)\b(?!\s+(?:content|videos?|posts?|memes?|prevention|forums?|games?|challenges?))",
    ),
    (
        "self_harm",
        r"\b(?:is|are|been|has been|started|keeps|still|was|am|i'?m|im)\s+(?:\S+\s+){0,2}(?:self[-\s]?harm\w*|selfharm\w*|cutting|burning (?:him|her|my|them)sel\w*|starving (?:him|her|my|them)sel\w*)\b(?!\s*(?:videos?|content|posts?|images?|pics?|memes?|accounts?|stuff))",
    ),
    (
        "self_harm",
        r"\b(?:don'?t|dont|doesn'?t|doesnt|do not|does not|no longer)\s+(?:want|wanna)\s+(?:to\s+)?(?:live|be alive|exist|be here|wake up)\b",
    ),
    (
        "self_harm",
        r"\b(?:overdos\w*|took (?:a lot of|too many|all (?:the|my|his|her)) (?:pills|tablets)|pills to die|hang (?:him|her|my|them)sel\w*|hanging (?:him|her|my|them)sel\w*)\b",
    ),
    (
        "self_harm",
        r"\b(?:better off (?:dead|without me)|no reason to live|goodbye (?:note|letter|message)|suicide note)\b",
    ),
    (
        "sextortion",
        _IMAGE
        + r"\b.*\b(?:threat\w*|unless|or (?:it|they|he|she|the \S+)(?:'ll| will| goes| go| gets)|demand\w*|ask(?:s|ed|ing)? (?:for )?more|want\w* more)\b",
    ),
    (
        "sextortion",
        r"\b(?:pay|paid|send)\b.*\b(?:or|unless)\b.*\b(?:goes|go|post\w*|send\w*|share\w*|leak\w*|everyone|followers|friends|family|school)\b",
    ),
    (
        "sextortion",
        r"\b(?:sextortion|sextorted|sextort)\b.*\b(?:happening|now|rn|my|our|me|him|her)\b",
    ),
    (
        "sextortion",
        r"\b(?:screenshots?|screen ?record\w*|record\w*)\b.*\b(?:facetime|video ?call|cam|webcam|call)\b.*\b(?:demand\w*|want\w*|asking|pay|money|threat\w*)",
    ),
    # an adult pursuing a child sexually, or hurting a child
    (
        "abuse",
        r"\b(?:asking|asked|asks|ask|wants?|wanted|told|tells|making|made|make|makes|forcing|forced|pressur\w*|getting|got)\b"
        + _gap(5)
        + r"(?:do|doing|did)\s+(?:\S+\s+)?(?:things|stuff|sexual \S+|sex \S+)\s+(?:on|over|in front of|on the)\s+(?:\S+\s+)?(?:cam|webcam|camera|zoom|facetime|video|call|stream)",
    ),
    (
        "abuse",
        r"\b(?:sending|sends|sent|getting|gets|got|receiving|receives|received)\s+(?:\S+\s+){0,2}(?:sexual|sexy|dirty|explicit)\s+(?:messages?|texts?|chats?|talk|comments?|pics?|photos?|images?)\b",
    ),
    (
        "abuse",
        r"\b(?:show|showing|showed|send|sending|sent|sends)\s+(?:me|him|her|them|you)?\s*(?:his|her|their|my|your)?\s*(?:private parts|privates|penis|dick|willy|body|self|myself|yourself|himself|herself)\b.*\b(?:cam|webcam|camera|video|pics?|pictures?|photos?|back|mine|yours)\b",
    ),
    (
        "abuse",
        r"\b(?:pics?|pictures?|photos?|videos?)\s+(?:of\s+(?:his|her|my|their)\s+)?(?:private parts|privates|penis|dick)\b",
    ),
    (
        "abuse",
        r"\b(?:videos?|pics?|pictures?|photos?)\s+(?:of (?:him|her|himself|herself|me|myself) )?in the (?:shower|bath|bathroom)\b",
    ),
    (
        "abuse",
        r"\b(?:what (?:she|he|you|i) (?:is|are|am|'?s|'?re|'?m) wearing|(?:our|their|your) (?:chats?|messages?|talks?|relationship) (?:are|is) (?:a )?secret|keep (?:it|this|our \S+) (?:a )?secret|don'?t tell (?:your|ur) (?:mum|mom|dad|parents))\b",
    ),
    (
        "abuse",
        r"\b(?:hits?|hitting|beats?|beating|beaten|punch\w*|kicks?|kicking|slaps?|slapping|chok\w*|strangl\w*|burns?|burned|burnt)\s+(?:me|him|her|them|us|my)\b",
    ),
    (
        "abuse",
        r"\b(?:bruises?|bruised|marks all over|black eye|scared to go home|afraid to go home)\b",
    ),
    ("abuse", r"\b(?:show|showing|showed)\s+(?:myself|himself|herself|themselves|yourself)\b"),
    # meeting someone from online (context is checked separately)
    (
        "meeting",
        r"\b(?:met up|meet up|meetup|meeting up|hooked up|went to see|gone to see|visit(?:ing)? (?:him|her|them)|wants? (?:me|him|her|them) to come (?:out|outside|over)|outside (?:my|our|his|her) (?:house|home|school|door)|bus ticket|train ticket|plane ticket|booked \S+ (?:a )?(?:\S+ )?ticket|pick (?:me|him|her|them) up|picking (?:me|him|her|them) up|snuck out|sneaked out|sneak out|took the (?:train|bus)|first time (?:later|tonight|today|tomorrow))\b",
    ),
    (
        "meeting",
        r"\b(?:online|internet|gaming|discord|snapchat|insta\w*)\s+(?:bf|gf|boyfriend|girlfriend|friend)\b.*\b(?:meet\w*|see|visit\w*|coming|come)\b",
    ),
    # a child missing
    (
        "missing",
        r"\b(?:son|daughter|child|kid|boy|girl|teen|teenager|he|she|they|brother|sister|\d{1,2} ?(?:yo|yr old|year old))\s+(?:\S+\s+){0,1}(?:is|are|has been|have been|has gone|went|gone|been|now)\s+missing\b(?!\s+out)",
    ),
    (
        "missing",
        r"\b(?:never|not|hasn'?t|hasnt|didn'?t|didnt|hadn'?t)\s+(?:\S+\s+){0,1}(?:came|come|coming|been|got|gotten)\s+back\b",
    ),
    ("missing", r"\b(?:not home|isn'?t home|isnt home|still out|no sign of (?:him|her|them))\b"),
    (
        "missing",
        r"\b(?:been gone|gone for|missing for|away for|not seen (?:him|her|them) for|no sign of (?:him|her|them) for)\s+(?:over\s+|more than\s+)?(?:\d+|two|three|four|five|six|several|many)\s*(?:hrs?|hours?|days?|nights?)\b",
    ),
    (
        "missing",
        r"\b(?:it'?s been|its been|it has been)\s+(?:over\s+|more than\s+)?(?:\d+|two|three|four|five|six|several|many)\s*(?:hrs?|hours?|days?|nights?)\b.*\b(?:phone|answer\w*|home|seen|back|anywhere|everywhere|call)\b",
    ),
    (
        "missing",
        r"\b(?:left a note|packed a bag|packed (?:his|her|their) (?:bag|things|stuff)|don'?t look for me|dont look for me|(?:phone|mobile) (?:is|has been|'?s) (?:off|switched off|turned off|dead)|looked everywhere|searched everywhere|stormed out|ran out of the (?:house|door)|(?:isn'?t|isnt|not|stopped) (?:answering|picking up)(?: (?:her|his|their|my) (?:phone|calls|texts|messages))?)\b",
    ),
    # suicide or self-harm risk
    (
        "self_harm",
        r"\b(?:razor blades?|razors|cuts on (?:his|her|their|my) (?:arms?|legs?|wrists?|thighs?)|fresh cuts|scars on (?:his|her|their|my))\b",
    ),
    (
        "self_harm",
        r"\b(?:take|taking|took|swallow\w*)\s+(?:all\s+)?(?:of\s+)?(?:her|his|their|my|the)\s+(?:pills|tablets|meds|medication)\b",
    ),
    (
        "self_harm",
        r"\b(?:jump|jumping)\s+(?:from|off)\s+(?:the|a)\s+(?:bridge|roof|building|cliff|window|balcony)\b",
    ),
    (
        "self_harm",
        r"\b(?:goodbye (?:letters?|notes?|messages?|texts?)|can'?t do this any ?more|cant do this any ?more|how much longer i can|(?:want|wants|wanna) to (?:end|stop) (?:it|everything|the pain)|deserves? (?:it|to (?:die|suffer|be hurt)))\b",
    ),
    ("self_harm", r"\b(?:kms|unalive (?:my|him|her)sel\w*|(?:wants?|going|gonna) to unalive)\b"),
    # child sexual abuse material found
    (
        "abuse_material",
        r"\b(?:child|kid|kiddie|kiddy|underage|minor|teen)\s*(?:porn\w*|p0rn\w*|pr0n|sex (?:video|videos|images|pics))\b",
    ),
    (
        "abuse_material",
        r"\b(?:csam|cp links?|cp videos?|cp pics?|child sexual abuse (?:material|images?|videos?|content)|child abuse (?:images?|videos?|material|pics|content)|indecent images? of (?:a |children|kids|minors|child))\b",
    ),
    (
        "abuse_material",
        r"\b(?:images?|photos?|pictures?|pics?|videos?|vids?|folder)\s+(?:\S+\s+){0,2}(?:of|with|showing)\s+(?:\S+\s+){0,2}(?:naked|nude|undressed|abused|sexual|in sexual)\s+(?:\S+\s+)?(?:children|kids|child|minors?|girls?|boys?|toddlers?|babies)",
    ),
    (
        "abuse_material",
        r"\b(?:images?|photos?|pictures?|pics?|videos?|vids?)\s+of\s+(?:\S+\s+){0,2}(?:children|kids|child|girls?|boys?|toddlers?|babies)\b.*\b(?:abused|abusing|naked|nude|sexual|sexually|poses?|undressed|no clothes|without clothes)\b",
    ),
    (
        "abuse_material",
        r"\b(?:nudes?|naked (?:pics?|pictures?|photos?|videos?|selfies?)|pics? with no clothes|no clothes)\b.*\b(?:of|from) (?:a |an |this |that |my )?(?:\S+ )?(?:year \d+|yr \d+|\d{1,2} ?(?:yo|yr|year)|underage|under ?age|minor|girl|boy|classmate|student|pupil|kid|child)",
    ),
    (
        "abuse_material",
        r"\b(?:underage|under ?age|minor|\d{1,2} ?(?:yo|year old|yr old))\s+(?:girls?|boys?|kids?|child)?\s*(?:with no clothes|without clothes|naked|nude|in sexual)",
    ),
    (
        "abuse_material",
        r"\b(?:sharing|shared|spreading|spread|going round|passing round|passed round|circulating)\s+(?:\S+\s+){0,3}(?:nudes?|naked (?:pics?|pictures?|photos?|videos?))\b",
    ),
    (
        "abuse_material",
        r"\b(?:naked|nude|sexual|explicit)\s+(?:pictures?|photos?|images?|videos?|vids?|pics?|selfies?)\s+of\s+(?:a |an |other |young |little |some )?(?:\S+\s+)?(?:child|children|kids?|minors?|girls?|boys?|classmates?|students?|toddlers?|babies|baby|under ?age|under ?18s?|\d{1,2} ?(?:year|yr|yo))",
    ),
    (
        "abuse_material",
        r"\b(?:found|find|finding|came across|come across|saw|seen|see|discovered|stumbled|received|receiving|got|getting|sent|sharing|shared|posted|traded|trading|has|had|have)\b.*\b(?:naked|nude|nudes|sexual|sexy|explicit|porn\w*|abuse)"
        + _gap(2)
        + r"(?:pictures?|photos?|images?|videos?|vids?|pics?|content|stuff)?\s*(?:of|with|showing)\s+(?:a |other |young |little |small )?(?:\S+\s+)?(?:child|children|kids?|minors?|girls?|boys?|classmates?|students?|toddlers?|babies|baby|under ?age|under ?18s?|\d{1,2} ?(?:year|yr|yo))",
    ),
]

# Meeting someone counts only when that someone comes from online or is a stranger
# ("wants to meet youtubers at a convention" is not a crisis).
_ONLINE_CONTEXT = re.compile(
    r"\b(?:online|on ?line|internet|app|apps|game|games|gaming|chat|chatting|dm|dms|messag\w*|"
    r"snap\w*|insta\w*|discord|roblox|fortnite|minecraft|tiktok|tik tok|whatsapp|kik|telegram|"
    r"omegle|ometv|monkey|wizz|yubo|facebook|fb|xbox|ps[45]|playstation|twitch|youtube|reddit|"
    r"stranger|strangers|a man|a guy|an adult|older|grown|never met|not met|haven'?t met|"
    r"in person|irl|in real life|someone (?:he|she|they) (?:met|talks?|chats?|plays?)|"
    r"boyfriend|girlfriend|he met|she met|they met|met (?:him|her|them) on)\b"
)
_REQUIRES_CONTEXT = {"meeting": _ONLINE_CONTEXT}

# Framings that make a message a general question rather than a live situation.
_GENERAL_QUESTION = re.compile(
    r"\b(?:what (?:is|are|does)|what'?s|what happens if|what to do if|what if|in case|"
    r"how (?:do|does|can|could|would|should) (?:i|you|we|parents|people)\s+(?:know|tell|spot|"
    r"recogni[sz]e|prevent|protect|avoid)|signs? (?:of|that)|warning signs|how common|"
    r"statistics?|if (?:ever|(?:i|we|you|he|she|they|it|this|someone|my \S+|my) ever)|"
    r"how (?:do|does) \S+(?: \S+)? (?:start|work|happen)|\bwarn|"
    r"what (?:do|does) \S+(?: \S+){0,4} mean|"
    r"ever (?:gets?|happens?|is|was)|can (?:someone|people|you|they|predators|scammers)|"
    r"talk (?:to|with) (?:\S+ ){1,2}about|conversation about|explain|"
    r"if (?:a|your|any) (?:child|kid|teen)|is it (?:a crime|illegal|against the law)|"
    r"how (?:do|can|should|would) i (?:talk|bring|raise|start|approach|discuss|support)|"
    r"before (?:someone|anyone|they|it)|last year|months ago|years ago|a while ago|"
    r"it'?s over|in the past|when (?:he|she) was (?:younger|little))\b"
)


# Urgency that makes even a general-sounding message a live one.
_HAPPENING_NOW = re.compile(
    r"\b(?:right now|rn|tonight|today|help me|help us|urgent|please help|pls help|plz help|"
    r"scared|terrified|panick\w*|what do i do now|what do we do now|what should i do now|"
    r"just (?:found|now|happened)|is happening|happening now|im being|i'm being|i am being|"
    r"(?:i|we) (?:found|discovered|came across|saw)|on (?:his|her|my|their) (?:phone|laptop|"
    r"computer|tablet|ipad|pc))\b"
)

_COMPILED: List[Tuple[str, Pattern[str]]] = [
    (category, re.compile(pattern)) for category, pattern in _STRONG
]


def normalise(text: str) -> str:
    """Lower case, straight apostrophes, single spaces: the form the patterns expect."""
    lowered = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(lowered.split())


def detect_crisis(text: str) -> Optional[CrisisSignal]:
    """The first crisis signal in ``text``, or None when nothing signals danger now."""
    message = normalise(text)
    general = bool(_GENERAL_QUESTION.search(message)) and not _HAPPENING_NOW.search(message)
    for category, pattern in _COMPILED:
        if not pattern.search(message):
            continue
        context = _REQUIRES_CONTEXT.get(category)
        if context is not None and not context.search(message):
            continue
        if general:
            continue
        return CrisisSignal(category=category, pattern=pattern.pattern)
    return None
