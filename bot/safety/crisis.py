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
from typing import Iterable, List, Optional, Pattern, Tuple

from bot.knowledge.schema import CRISIS_TOPICS
from bot.safety.concepts import crisis_by_concepts, names_a_danger


@dataclass(frozen=True)
class CrisisSignal:
    """Which kind of danger the message signals."""

    category: str

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
    r"(?:pic|pics|picture|pictures|photo|photos|photograph|photographs|foto|fotos|image|images|"
    r"video|videos|vid|vids|"
    r"nude|nudes|nudez|noodz|noods|naked|selfies?|snaps?|recording|clips?)"
)
_SPREAD = (
    r"(?:share|sharing|shared|post|posting|send|sending|leak|leaking|show|showing|spread|"
    r"release|expose|exposing|publish|upload|uploading|put (?:it|them) online)"
)
_MONEY = (
    r"(?:money|cash|pay|paid|paying|payment|\$\s?\d+|£\s?\d+|€\s?\d+|₹\s?\d+|rs\.?\s?\d+|"
    r"\d+\s?(?:dollars|pounds|euros|bucks|quid|rupees|rs|inr|lakhs?)|gift ?cards?|itunes|steam cards?|bitcoin|btc|crypto|paypal|venmo|cashapp|robux|v-?bucks)"
)
_BLACKMAIL = r"(?:bl[ae]ck\s?ma[il]+e?\w*|blakmail\w*|blackmale\w*|sextort\w*|extort\w*)"
_ADULT = (
    r"(?:man|men|guy|adult|stranger|someone|somebody|person|he|she|they|older|teacher|coach|"
    r"uncle|stepdad|neighbou?r|boyfriend|predator|paedo\w*|pedo\w*)"
)

# Every pattern is skipped when the message is framed as a general, hypothetical, past or
# second-hand question (``_GENERAL_QUESTION``) with nothing happening now.
_PATTERNS: List[Tuple[str, str]] = [
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
        r"(?<!in )\b(?:touch(?:es|ed|ing)?|fondl\w*|grop\w*)"
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
        # "a man from a game is picking my son up from the park at 5"
        "meeting",
        r"\b(?:man|guy|woman|someone|stranger|adult|person|friend|he|she)\b[^.]{0,40}?\b(?:is|are|'s|will be)\s+"
        r"(?:picking|collecting|fetching)\s+(?:(?:my|our|her|his)\s+\S+|her|him|them)\s+up\b",
    ),
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
        # "she's not in her room, her bike's gone"
        "missing",
        r"\b(?:she|he|they)(?:'s| is|'re| are) not in (?:her|his|their) (?:room|bed)\b|"
        r"\b(?:her|his|their) (?:bike|coat|shoes|bag)(?:'s| is| has) gone\b",
    ),
    (
        "missing",
        r"\b(?:has|have|hasn'?t|havent|haven'?t|did|didn'?t|didnt|not|never|hasnt)\s+(?:\S+\s+){0,1}(?:come|came|coming|gotten|got|returned|been)\s+(?:back\s+)?home\b",
    ),
    (
        "missing",
        r"\b(?:ran away(?! from (?!home)| to (?:his|her|their|my) | to (?:nana|nan|grandma|granny|gran|"
        r"grandad|grandpa|auntie|aunt|uncle)'?s)|run away(?! from (?!home)| to (?:his|her|their|my) )|runaway|running away(?! from (?!home)| to (?:his|her|their|my) )|ran off(?! to)|run off(?! to)|disappeared(?! into)|vanished|(?<!strangers )(?<!people )(?<!anyone )(?<!others )(?<!they )(?:can'?t|cant) find (?:my|our|him|her)|don'?t know where (?:he|she|they|my) (?:is|are|went)|dont know where (?:he|she|they|my)|no idea where (?:he|she|they|my) (?:is|are|went)|not answering (?:his|her|their) phone)\b",
    ),
    # suicide or self-harm risk
    (
        "self_harm",
        r"(?<!people )(?<!others )(?<!someone )\b(?:kill|killing|killed|hurt|hurting|hurts|harm|harming|cut|cutting|cuts)\s+(?:him|her|my|them|it|your|our)?sel(?:f|ves|fs)\b",
    ),
    (
        "self_harm",
        r"\b(?:want|wants|wanna|wanted|going|gonna|plan\w*|try\w*|tried)\s+(?:\S+\s+){0,2}(?:to\s+)?(?:die|end it|end (?:it all|my life|his life|her life|their life)|not be here|disappear forever|disappear for good|kill (?:my|him|her|them)sel\w*|be dead)\b",
    ),
    (
        "self_harm",
        # a goodbye posted online: "last night on earth", "goodbye forever"
        r"\b(?:last (?:night|day) on earth|goodbye (?:forever|everyone|world)|final goodbye|"
        r"won'?t be (?:here|around) (?:tomorrow|much longer|anymore))\b",
    ),
    (
        "self_harm",
        # not eating for days, as pro-ana groups push it: a risk to life now
        r"\b(?:hasn'?t|has not|hasnt|not|hardly|barely) (?:eaten|been eating|eating) (?:anything |properly )?"
        r"(?:in|for) (?:\d+|two|three|four|five|six|several|a few) days\b",
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
        + r"\b.*\b(?:threat\w*|unless|or (?:it|they|he|she|the \S+)(?:'ll| will| goes| go| gets| post\w*|"
        r" shar\w*| send\w*| leak\w*| put\w*| show\w*| tell\w*)|demand\w*|ask(?:s|ed|ing)? (?:for )?more|"
        r"want\w* more|ruin\w*|expose\w*|destroy\w*)\b",
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
        r"\b(?:hits?|hitting|beats?|beating|beaten|punch\w*|kicks?|kicking|slaps?|slapping|chok\w*|strangl\w*|burns?|burned|burnt)\s+(?:me|him|her|them|us|my)\b(?! out\b| off\b)",
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
        r"\b(?:online|internet|gaming|discord|snapchat|insta\w*)\s+(?:bf|gf|boyfriend|girlfriend|friend)\b.*\b(?:meet\w*|see (?:him|her|them|each other)|visit\w*|"
        r"coming (?:over|round|to)|come (?:over|round|to))\b",
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
        r"\b(?:goodbye (?:letters?|notes?|messages?|texts?)|can'?t do this any ?more|cant do this any ?more|how much longer i can|(?:want|wants|wanna) to (?:end|stop) (?:it all|everything|the pain|my life)|deserves? (?:it|to (?:die|suffer|be hurt)))\b",
    ),
    ("self_harm", r"\b(?:kms|unalive (?:my|him|her)sel\w*|(?:wants?|going|gonna) to unalive)\b"),
    (
        # a goodbye, or no way out: "she's 'saying goodbye'", "he says there's no way out"
        "self_harm",
        r"\b(?:saying goodbye|said goodbye|says goodbye)\b(?! to (?:her|his|their|the) (?:\S+ )?"
        r"(?:friends?|class|cousins?|grand\w+|teachers?|team))|\bcan'?t face (?:tomorrow|another day|"
        r"living|life|it any ?more)\b|\b(?:there'?s|theres|there is) no way out\b",
    ),
    (
        # others pushing a child to hurt themselves: "telling her to cut and send proof"
        "self_harm",
        r"\b(?:telling|told|tell|tells|asking|asked|daring|dared|pressur\w+|making|made) "
        r"(?:her|him|them|my \S+) to (?:cut|burn|starve|hurt|harm)\b(?! (?:someone|others|people))"
        r"|\bto (?:cut|burn|hurt|harm) (?:\S+ )?(?:and|then) (?:send|show|post) (?:proof|pics?|"
        r"photos?|pictures?|videos?)",
    ),
    (
        # asking to see beneath a child's clothes, in a groomer's words
        "abuse",
        r"\b(?:wants?|wanted|asking|asked|asks) to see (?:what'?s |whats )?(?:under|beneath|"
        r"underneath) (?:her|my|his|your|ur) (?:top|clothes|shirt|skirt|dress|t-?shirt|hoodie)|"
        r"\bmature (?:girls|boys) (?:do|like) (?:it|this|that)\b",
    ),
    (
        # recordings of a child in a private place found: "video files of her in her room"
        "covert_recording",
        r"\b(?:videos?|video files|recordings?|footage|clips?) of (?:her|him|them|my \S+)"
        r"(?: \S+){0,2} in (?:her|his|their|the) (?:room|bedroom|bathroom|shower|bath)\b",
    ),
    (
        # a camera on a private place: "a camera pointed at the bath"
        "covert_recording",
        r"\bcameras? (?:pointed|aimed|facing|set up|hidden|rigged)\b[^.]{0,25}\b(?:at|on|in|over|"
        r"into) (?:the |her |his |their |my \S+ )?(?:bath|bathtub|shower|toilet|changing (?:room|area))\b",
    ),
    (
        # a picture taken of a child asleep or undressed, sent by a stranger or posted: "a photo
        # of her asleep in her bed taken through it"
        "covert_recording",
        r"\b(?:photos?|pictures?|pics?|videos?|images?) of (?:her|him|them|my \S+)(?: \S+){0,2} "
        r"(?:asleep|sleeping|in (?:her|his|their) bed|getting (?:changed|dressed|undressed)|"
        r"undress\w*)\b",
    ),
    (
        # "a photo of one of our players in the showers has been posted in the team chat"
        "image_shared",
        r"\b(?:photos?|pictures?|pics?|videos?|images?) of (?:\S+ ){0,8}(?:in the (?:showers?|bath|"
        r"changing rooms?|toilets?)|naked|undressed|getting changed)\b.*\b(?:posted|shared|sent|"
        r"going round|circulat\w*|uploaded|put online)\b",
    ),
    (
        # a folder of abuse images found on a family computer
        "abuse_material",
        r"\b(?:found|find|folder|files?|drive|pc|laptop|computer|phone|ipad|tablet)\b.*\babuse "
        r"(?:images?|pictures?|photos?|videos?|material|pics|vids)\b",
    ),
    (
        # searching how to die: "he googled how to die after the blackmail msgs"
        "self_harm",
        r"\b(?:googled|googling|searched|searching|looked up|looking up|search history)\b(?: \S+){0,3}"
        r" (?:how to (?:die|kill (?:him|her|them|my)sel\w*|end it)|ways to (?:die|end it)|suicide|"
        r"painless)",
    ),
    (
        # a camera on a child's room that streams: "a camera pointed at the kids room and streams it"
        "covert_recording",
        r"\bcamera (?:pointed|aimed|facing|set up|hidden|rigged)\b[^.]{0,40}\b(?:room|bedroom|"
        r"bathroom|shower)\b[^.]{0,30}\b(?:stream\w*|broadcast\w*|upload\w*|live)\b",
    ),
    (
        # a child's pictures everywhere, with a cry for help: "pics of her everywhere on insta plz help"
        "image_shared",
        r"\b(?:pics|photos|pictures|images|videos?|vids|nudes) of (?:her|him|them|my \S+) (?:are )?"
        r"(?:everywhere|all over)\b[^.]{0,40}\b(?:help|please|pls|plz|urgent|what do i do)\b",
    ),
    (
        # "a person have his intimate photo and ask 200 dollars": a demand without "for"
        "sextortion",
        _IMAGE + r"\b.*\b(?:ask|asks|asking|asked|want|wants|demand\w*)\s+(?:for\s+)?(?:\S+\s+)?"
        r"(?:\d+\s?(?:dollars|pounds|euros|bucks|quid|rupees|rs)|[£$€₹]\s?\d+)",
    ),
    (
        # "a channel posted pictures my son sent his girlfriend"
        "image_shared",
        r"\b(?:posted|shared|leaked|put up|uploaded)\b(?: \S+){0,3} " + _IMAGE + r"\b(?: \S+){0,4} "
        r"(?:sent|send) (?:his|her|their) (?:gf|bf|girlfriend|boyfriend|ex|crush)\b",
    ),
    (
        # a camera through a window: "a webcam pointed through the fence into her bedroom window"
        "covert_recording",
        r"\b(?:webcam|camera|cam)\s+(?:pointed|aimed|facing)\b[^.]{0,60}\b(?:bedroom|bathroom)"
        r"(?: window)?\b",
    ),
    (
        # a phone left recording in the toilets, a webcam light that comes on by itself at night
        "covert_recording",
        r"\b(?:phone|camera)\s+recording\s+in\s+(?:the\s+)?(?:girls'?\s+|boys'?\s+)?(?:toilets?|"
        r"bathrooms?|changing|showers?)|\b(?:webcam|camera) light\b[^.]{0,40}\b(?:by itself|on its "
        r"own|at night|while (?:he|she|they) (?:sleeps?|is asleep|are asleep))|\bremote access\b"
        r"[^.]{0,80}\bwebcam\b",
    ),
    (
        # "filming him while he gets changed", told as it streams
        "covert_recording",
        r"\bfilming (?:him|her|them) (?:while|as|when) (?:he|she|they) (?:gets?|getting|is getting|"
        r"are getting) (?:changed|undressed)\b",
    ),
    (
        # a meeting set up by a stranger: "come alone", "I'll be in a black car"
        "meeting",
        r"\bcome alone\b|\bi'?ll be in a (?:\S+ )?car\b",
    ),
    (
        # an overdose taken, or searching how to cut
        "self_harm",
        r"\b(?:has |have |had )?(?:taken|took|swallowed) (?:a lot of|lots of|too many|loads of|a bunch "
        r"of|all (?:the|her|his|my)) (?:pills|tablets|paracetamol|meds)\b|"
        r"\b(?:googled|searched|search history|looked up)\b[^.]{0,30}\bhow to cut\b",
    ),
    (
        # a goodbye to a trusted adult: "im done. thanks for everything coach"
        "self_harm",
        r"\b(?:i'?m|im|i am) done\b[^.]{0,10}[^a-z]{0,3}\s*(?:thanks|thank you) for everything\b|"
        r"\bthanks? (?:you )?for everything\b[^.]{0,40}\b(?:i'?m|im|i am) done\b",
    ),
    (
        # abuse material in other words: "images of child sexual abuse in the zip file", "a channel
        # where people swap pictures of little kids", a search history of "preteen" and videos
        "abuse_material",
        r"\b(?:images?|pictures?|photos?|videos?|files?|material) of child (?:sexual )?abuse\b|"
        r"\b(?:swap|swapping|trade|trading|share|sharing|post|posting)\w* (?:pictures?|photos?|pics|"
        r"images?|videos?) of (?:little|young|small) (?:kids|children|girls|boys)\b|"
        r"\bsearch history\b.*\b(?:preteen|young girls|young boys|little girls|jailbait|underage)\b"
        r".*\b(?:videos?|images?|pictures?|downloaded)\b",
    ),
    (
        # "she'd look so pretty out of her school uniform... show him on FaceTime"
        "abuse",
        r"\b(?:out of|without) (?:her|his|your|ur) (?:\S+ )?(?:uniform|clothes)\b.*\b(?:show|facetime|"
        r"camera|cam|video|pic)",
    ),
    (
        # an adult telling a child to undress on camera: "turn on the camera and take off the trousers"
        "abuse",
        r"\b(?:camera|cam|webcam|video|pics?|photos?|picture)\b.*\b(?:take|takes|taking|took) off "
        r"(?:his|her|your|ur|the|their|my) (?:trousers|pants|clothes|top|shirt|t-?shirt|underwear|"
        r"bra|knickers|shorts|skirt)\b|\b(?:take|takes|taking|took) off (?:his|her|your|ur|the|"
        r"their) (?:trousers|pants|clothes|top|shirt|t-?shirt|underwear|bra|knickers|shorts|skirt)"
        r"\b.*\b(?:camera|cam|webcam|video|pics?|photos?|picture)\b",
    ),
    (
        # "send me one in ur bra": a picture in underwear asked of a child
        "abuse",
        r"\bsend (?:me|him|us) (?:\S+ ){0,3}in (?:ur|your|her|his|a|just) (?:bra|underwear|pants|"
        r"knickers|bikini|swimsuit|boxers|pyjamas)\b",
    ),
    (
        # a hidden lens: "the smoke alarm in the kids' bedroom has a lens in it", "a small camera in
        # the room where the girls sleep", "a phone hidden in a bag in the changing room"
        "covert_recording",
        r"\b(?:smoke (?:alarm|detector)|clock|charger|usb|plug|air freshener|teddy|lamp|vent)\b[^.]{0,40}"
        r"\b(?:lens|hidden camera|tiny camera|camera in it)\b|"
        r"\b(?:small|tiny|hidden|secret|little|mini)\s+(?:camera|cam|lens)\b[^.]{0,60}\b(?:room|"
        r"bedroom|bathroom|toilet|shower|changing|sleep)\w*|"
        r"\b(?:phone|camera)\s+hidden\b[^.]{0,60}\b(?:changing rooms?|toilets?|bathrooms?|showers?|"
        r"bedrooms?)\b|\bcamera (?:still )?recording\b",
    ),
    (
        # clips of children changing, posted by someone: "dozens of clips of the girls stretching
        # and changing, filmed from somewhere high up"
        "covert_recording",
        r"\b(?:clips?|videos?|photos?|pictures?|footage) of (?:the |some |young |little )?(?:girls|"
        r"boys|kids|children|pupils|students|players|gymnasts|swimmers)\b[^.]{0,40}\b(?:changing|"
        r"undress\w*|in the (?:showers?|changing rooms?|toilets?))\b",
    ),
    (
        # a child who never arrived where they were meant to be
        "missing",
        r"\b(?:supposed|meant|due) to be at\b.*\b(?:never|didn'?t|did not|hasn'?t|has not) (?:turned "
        r"up|arrived|shown up|made it)\b|\b(?:never|didn'?t|did not|hasn'?t|has not) (?:turned up|"
        r"arrived|shown up|made it) (?:at|to) (?:school|football|practice|training|class|"
        r"(?:his|her|their) (?:friend'?s|mate'?s|lesson|club))",
    ),
    (
        # abuse seen on a screen: "photos on the screen of children abused"
        "abuse_material",
        r"\b(?:photos?|pictures?|images?|videos?|pics)(?: \S+){0,4} of (?:\S+ )?(?:children|kids|"
        r"child|babies|toddlers|girls|boys) (?:being )?(?:abused|raped|molested)\b",
    ),
    (
        # abuse material found, in a parent's guarded words: "pictures of young girls on it that
        # are not ok"
        "abuse_material",
        r"\b(?:pictures?|photos?|images?|pics|videos?|vids) of (?:young|little|underage|small) "
        r"(?:girls?|boys?|children|kids)\b[^.]{0,40}\b(?:not ok|not okay|not right|inappropriate|"
        r"indecent|sexual|shouldn'?t be|not normal)\b",
    ),
    (
        # a picture sent to a boyfriend or girlfriend, now out: "a pic he sent his gf is now on
        # some telegram channel"
        "image_shared",
        _IMAGE + r"\b(?: \S+){0,4} sent (?:his|her|their|a|an|my) (?:gf|bf|girlfriend|boyfriend|ex|"
        r"crush)\b.*\b(?:now on|posted|shared|going round|leaked|everywhere|all over)\b",
    ),
    (
        # a recording held over a child: "recorded him, now asking money or she will send it to
        # all his contacts"
        "sextortion",
        r"\b(?:recorded|screen ?recorded|screenshot\w*)\b.*\b(?:or|unless)\b[^.]{0,30}\b(?:send|"
        r"share|post|leak|show)\w*\b[^.]{0,25}\b(?:contacts|friends|followers|family|school|"
        r"everyone)\b",
    ),
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
        r"\b(?:images?|photos?|pictures?|pics?|videos?|vids?)\s+of\s+(?:\S+\s+){0,4}(?:children|kids|child|girls?|boys?|toddlers?|babies)\b.*\b(?:abused|abusing|naked|nude|sexual|sexually|poses?|undressed|no clothes|without clothes)\b",
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

# A child's sexual image: nudes, "private pictures", AI-made fakes. Shared, posted,
# recorded in secret, asked for or sent: each is abuse happening now.
_SEXUAL_IMAGE = (
    r"(?:nudes?|nudez|noods?|"
    r"(?:intimate|private|sexual|explicit|nude|naked|topless|rude|dirty|spicy|sexy|special|"
    r"compromising|inappropriate|indecent|revealing|undressed)\s+(?:\S+\s+)?"
    + _IMAGE
    + r"|"
    + _IMAGE
    + r"\s+(?:of\s+(?:\S+\s+){0,4})?(?:naked|nude|topless|undressed|"
    r"in (?:her|his|their) (?:underwear|bikini|bra|pants|knickers)|in the (?:shower|bath)|"
    r"doing (?:something|stuff|things) sexual|sexual)|deep ?fakes?(?:\s+porn)?|fake nudes?|"
    r"ai[- ]?(?:generated |made )?(?:nudes?|porn|naked)|nudif\w+|undress(?:ing)? app)"
)
_SHARED = (
    r"(?:shar(?:e|ed|ing)|pass(?:ed|ing)?\s+(?:a)?round|going\s+(?:a)?round|gone\s+(?:a)?round|"
    r"sent\s+(?:a)?round|circulat\w+|post(?:ed|ing)|upload\w*|put\s+(?:\S+\s+)?(?:up|online|on)|"
    r"spread\w*|leak\w*|airdrop\w*|repost\w*|forward\w*|drop(?:ped)?|"
    r"(?:sent|sending|sends)\s+(?:\S+\s+){0,4}(?:to|round|around)\s+(?:his|her|their|the|every|all)|"
    r"to (?:everyone|everybody|all (?:his|her|their) \S+|(?:his|her|their) (?:mates|friends|"
    r"followers|contacts|class))|(?:leak|leaks|leaked) (?:site|sites|account|page|channel)s?|"
    r"on\s+(?:a|one of those|his|her|their)\s+(?:\S+\s+){0,2}(?:site|website|page|account|story|"
    r"stories|profile|server|group)|in\s+(?:a|the|their|his|her)\s+(?:\S+\s+)?(?:group\s?chat|"
    r"chat|server|group|discord|whatsapp|snapchat|snap|insta|instagram)|got hold of|screenshot\w*|everywhere|(?:is|are|was|were|been|now|up)\s+on\s+(?:x|twitter|reddit|tiktok|"
    r"snap|snapchat|insta|instagram|telegram|discord|whatsapp|facebook|a website))"
)
_OF_A_CHILD = (
    r"(?:my|our|her|his|their|a|the)\s+(?:\S+\s+){0,2}(?:son|daughter|child|kid|kids|children|"
    r"boy|girl|girls|boys|pupil|student|grandson|granddaughter|niece|nephew|stepdaughter|stepson|"
    r"\d{1,2}\s?(?:yo|y/o|yr old|year old|yrs? old)|year \d{1,2})"
)
_RECORDED = (
    r"(?:film(?:s|ed|ing)?|record(?:s|ed|ing)?|live\s?-?stream(?:s|ed|ing)?|stream(?:s|ed|ing)|"
    r"photograph(?:s|ed|ing)|taking (?:pics|photos|pictures|videos))"
)
_IN_SECRET = (
    r"(?:secret\w*|hidden|without (?:her|his|their|them|my|our|us|me|you|the kids'?|anyone) "
    r"(?:knowing|knowledge|consent|permission)|without knowing|spy\w*|peeping|"
    r"through (?:her|his|their|the) (?:bedroom |bathroom )?window|upskirt\w*|creepshot\w*)"
)
_PRIVATE_PLACE = (
    r"(?:bath|baths|bathroom|shower|showers|bedroom|changing (?:rooms?|areas?)|toilets?|"
    r"getting changed|undress\w*|asleep|sleeping|half dressed|tents?|hot tub|in (?:her|his|their) "
    r"underwear|naked)"
)
_IMAGE_RULES: List[Tuple[str, str]] = [
    # a child's intimate image shared or posted, by anyone (peers, an ex, strangers)
    ("image_shared", _SEXUAL_IMAGE + r"\b.*\b" + _SHARED + r"\b"),
    ("image_shared", _SHARED + r"\b.*\b" + _SEXUAL_IMAGE + r"\b"),
    # an AI-made sexual image of a real child, found
    (
        "image_shared",
        r"\b(?:deep ?fakes?|fake nudes?|ai[- ]?(?:generated |made )?(?:nudes?|porn|naked \S+)|"
        r"nudif\w+)\b.*\bof\s+" + _OF_A_CHILD,
    ),
    (
        "image_shared",
        r"\b(?:made|making|created|creating|generated|put)\b.*\b(?:fake|ai|deep ?fake)\b.*"
        r"\b(?:nudes?|naked|porn|nude|sexual)\b",
    ),
    (
        "image_shared",
        _IMAGE + r"\b.*\b(?:boyfriend|girlfriend|bf|gf|ex|ex-\S+)\b.*\b" + _SHARED + r"\b",
    ),
    ("image_shared", _IMAGE + r"\s+of\s+" + _OF_A_CHILD + r"\b.*\b(?:leak\w*)\b"),
    (
        "image_shared",
        r"\b(?:face|head)\s+on\s+(?:\S+\s+){0,2}(?:porn\w*|naked|nude|sexual|explicit)|"
        r"\bcloth(?:es|ing) (?:removed|taken off|edited out)|(?:removed|took off|edited out) "
        r"(?:her|his|their) cloth(?:es|ing)",
    ),
    (
        "sextortion",
        r"\b(?:ruin|expose|destroy)\w*\s+(?:her|him|them|my|our)\b.*\b" + _IMAGE + r"\b",
    ),
    # secret recording or livestreaming of a child
    ("covert_recording", r"\b(?:upskirt\w*|creepshot\w*)\b"),
    # "someone is watching my 12yo through her webcam"
    (
        "covert_recording",
        r"\b(?:watching|watches|watched|spying on|seeing)\s+(?:\S+\s+){0,3}through\s+(?:her|his|their|the|my)\s+"
        r"(?:\S+\s+)?(?:webcam|camera|cam|laptop camera|phone camera)\b",
    ),
    # "a small camera inside the smoke alarm in my son's room"
    (
        "covert_recording",
        r"\b(?:cameras?|cams?)\s+(?:\S+\s+){0,3}(?:inside|in|behind|hidden in)\s+(?:the|a|his|her|their|my)\s+"
        r"(?:\S+\s+)?(?:smoke alarm|smoke detector|alarm clock|clock|charger|vent|air freshener|teddy|"
        r"toy|mirror|plug|light fitting|lamp)\b",
    ),
    # "covert filming of pupils in the changing room"
    (
        "covert_recording",
        r"\b(?:covert\w*|secret\w*|hidden)\s+(?:film\w*|record\w*|camera\w*)\s+(?:\S+\s+){0,6}?"
        r"(?:pupils?|students?|children|kids|girls|boys|changing rooms?|toilets?|showers?)\b",
    ),
    # "took photos up my daughter's skirt": upskirting in plain words
    (
        "covert_recording",
        r"\b(?:photos?|pictures?|pics?|videos?|photographed|filmed|filming|recorded|recording)\s+"
        r"(?:\S+\s+){0,2}up\s+(?:her|his|their|my\s+\S+|a\s+\S+|the\s+\S+)\s+(?:\S+\s+)?"
        r"(?:skirt|dress|shorts)\b",
    ),
    (
        "covert_recording",
        _RECORDED + r"\s+(?:\S+\s+){0,2}?" + _OF_A_CHILD + r"\b.*\b(?:live\s?-?stream\w*|"
        r"streaming|posting (?:it|them)|put (?:it|them) online)\b",
    ),
    ("covert_recording", _RECORDED + r"\b(?:\s+\S+){0,8}?\s+" + _IN_SECRET),
    ("covert_recording", _IN_SECRET + r"\b(?:\s+\S+){0,8}?\s+" + _RECORDED),
    (
        "covert_recording",
        _RECORDED + r"\s+(?:\S+\s+){0,3}?" + _OF_A_CHILD + r"\b.*\b" + _PRIVATE_PLACE + r"\b",
    ),
    (
        "covert_recording",
        r"\b(?:hidden cam\w*|nanny ?cam\w*|spy ?cam\w*|(?:camera|phone|cam) (?:\S+ ){0,3}hidden|"
        r"hidden (?:\S+ ){0,2}(?:camera|phone|cam))\b",
    ),
    ("covert_recording", r"\b(?:webcam|camera|cam)\s+(?:was |got |has been )?hacked\b"),
    (
        "covert_recording",
        r"\b(?:live|stream|video|footage)\s+(?:\S+\s+){0,2}(?:from|of)\s+(?:our|their|my|the "
        r"kids'?|the children'?s|(?:my|our) \S+'?s)\s+(?:\S+\s+)?" + _PRIVATE_PLACE + r"\b",
    ),
    # an adult asking a child for sexual images, or sending a child sexual material
    (
        "abuse",
        r"\b(?:film|filming|films|record|recording|photograph|take (?:pics|photos|pictures) of)\s+"
        r"(?:him|her|them)sel(?:f|ves)\b(?:\s+\S+){0,3}\s+(?:with no cloth\w*|without (?:any )?"
        r"cloth\w*|naked|nude|undressed|with nothing on)",
    ),
    (
        "abuse",
        r"\b(?:asking|asked|asks|ask|askin|wants?|wanted|begging|keeps asking|pressur\w*|"
        r"demanding|paying|offer\w*)\b(?:\s+\S+){0,6}?\s+(?:for\s+)?" + _SEXUAL_IMAGE,
    ),
    (
        "abuse",
        r"\b(?:send|sending|sent|film|filming|take|taking|record|recording|show|showing)\s+"
        r"(?:\S+\s+){0,3}(?:videos?|vids?|pics?|pictures?|photos?|clips?)\s+of\s+"
        r"(?:him|her|them)sel(?:f|ves)\b(?:\s+\S+){0,3}\s+(?:getting undressed|undress\w*|naked|"
        r"nude|with no|without|getting changed|in (?:his|her|their) underwear|in the (?:shower|bath))",
    ),
    (
        "abuse",
        r"\b(?:sent|sending|sends|send|showed|showing|shows)\s+(?:\S+\s+){0,4}(?:porn\w*|"
        r"sexual (?:videos?|vids?|pics?|pictures?|images?|photos?|content|material)|"
        r"(?:pics?|photos?|pictures?|videos?) of (?:his|her|their|a) (?:private parts|privates|"
        r"penis|genitals|willy|dick))",
    ),
    (
        "abuse",
        r"\b(?:don'?t|dont|do not|never) tell (?:anyone|anybody|your (?:mum|mom|dad|parents|family)|"
        r"ur (?:mum|mom|dad|parents))|\bour (?:little )?secret\b|\bit'?s (?:a|our) secret\b",
    ),
    (
        "abuse",
        r"\b(?:show|shows|showed|showing)\s+(?:him|her|them)\s+(?:her|his|their)\s+body\b",
    ),
    # meeting someone from online (needs online context, checked below)
    (
        "meeting",
        r"\b(?:see you|meet you|i'?ll wait|i'?ll be|waiting for (?:you|her|him))\s+(?:\S+\s+){0,2}"
        r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|later|"
        r"after school|by the|at the|outside)\b",
    ),
    (
        "meeting",
        r"\b(?:got|get|getting|gone|went)\s+(?:in|into)\s+(?:a|the|his|her|their|some)\s+"
        r"(?:\S+\s+)?car\s+with\b",
    ),
    (
        "meeting",
        r"\b(?:booked|sent|bought|ordered)\s+(?:\S+\s+){0,3}(?:an? )?(?:uber|taxi|cab|lyft|"
        r"train tickets?|bus tickets?|plane tickets?|flights?|tickets?)\b",
    ),
    ("meeting", r"\blocation\s+(?:is\s+)?moving\b"),
    (
        "meeting",
        r"\b(?:coming|come|travel\w*|driving|flying|fly|going)\s+(?:\S+\s+){0,6}to\s+"
        r"(?:meet|see|visit|pick up)\s+(?:her|him|them|my|a|the|this|some)\b",
    ),
    (
        "meeting",
        r"\boutside\s+(?:my|our|his|her|their)\s+(?:\S+'s\s+)?(?:house|home|school|door|flat)\b",
    ),
    # suicide or self-harm risk
    (
        "self_harm",
        r"\b(?:cuts|scars|cut marks|burns)\s+on\s+(?:\S+\s+){0,4}(?:arms?|legs?|wrists?|thighs?)\b",
    ),
    (
        "self_harm",
        r"\b(?:he'?ll|she'?ll|i'?ll|they'?ll|will|gonna|going to|wants? to)\s+(?:just\s+)?"
        r"(?:end it(?: all)?|end (?:his|her|their|my) life|kill (?:him|her|my|them)sel\w*|"
        r"jump(?!\s+(?:on|in|into|over|around|rope|the queue|ship|at))|not be here)\b",
    ),
    (
        "self_harm",
        r"\b(?:nobody|no one|noone|no-one) (?:would|will|'?d) (?:miss|care about|notice)|"
        r"better off without (?:him|her|me|them)\b",
    ),
    ("self_harm", r"\bkys\b.*\b(?:serious\w*|talking about|thinking about|wants? to|going to)\b"),
    # child sexual abuse material
    (
        "abuse_material",
        r"\bchild (?:sexual |sex |abuse )(?:abuse )?(?:content|images?|videos?|material|pictures?|"
        r"photos?|pics|links?|stuff)\b",
    ),
    (
        "abuse_material",
        r"\b(?:naked|nude|sexual|explicit|indecent)\s+(?:images?|pics?|pictures?|photos?|videos?|"
        r"vids?)\s+of\s+(?:\S+\s+){0,2}(?:younger|little|young|small)\s+(?:children|kids|girls|boys)",
    ),
    (
        "abuse_material",
        r"\b(?:selling|buying|trading|sharing|swapping)\s+(?:\S+\s+){0,2}(?:videos?|vids?|pics?|"
        r"pictures?|photos?|images?)\s+of\s+(?:\S+\s+){0,2}(?:younger|little|young|underage|small)"
        r"\s+(?:children|kids|girls|boys)",
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
# "hes meeting him NOW": typed to this assistant, a meeting with an unnamed "him" right now
# needs no word about the internet to be the emergency it is.
_MEETING_NOW = re.compile(
    r"\b(?:is|are|'s|'re|hes|shes|theyre)\s*meeting\s+(?:up\s+with\s+)?(?:him|her|them|this (?:guy|man|"
    r"person|woman))\s+(?:right\s+)?now\b"
)

# Framings that make a message a general question rather than a live situation.
_GENERAL_QUESTION = re.compile(
    # a definition ("what's CSAM?", "what is that and should I worry?"), not "...what are the
    # immediate steps?" or "what's the number for the police?"
    r"\b(?:(?<!of )what (?:is|are|does)|(?<![a-z] )what'?s) (?!(?:my|the|our) (?:next|first|"
    r"immediate|right|safest|quickest)|the best thing to do|the (?:procedure|process|protocol|police)|(?:the )?(?:\S+ )?"
    r"(?:number|line|helpline|hotline)\b|(?:i|we) )|"
    # news and hypotheticals: "the BBC had a piece on", "if someone from a game asked him"
    r"\b(?:had|did|ran) (?:a|an) (?:piece|segment|feature|report|item|story) (?:on|about)|"
    r"^if (?:someone|somebody|a stranger|anyone|a man|a person|they)\b|"
    r"\b(?:what happens if|what to do if|what if|in case|"
    r"^why (?:do|does|would|are|is|might|should) (?:young people|teens|teenagers|kids|children|"
    r"people|girls|boys|so many)|"
    r"how (?:do|does|can|could|would|should) (?:i|you|we|parents|people)\s+(?:know|tell|spot|"
    r"recogni[sz]e|prevent|protect|avoid)|signs? (?:of|that)|warning signs|how common|"
    r"statistics?|if (?:ever|(?:i|we|you|he|she|they|it|this|someone|my \S+|my) ever)|"
    r"how (?:do|does) \S+(?: \S+)? (?:start|work|happen)|\bwarn|"
    r"what (?:do|does) \S+(?: \S+){0,4} mean|"
    r"ever (?:gets?|happens?|is|was)|can (?:someone|people|you|they|predators|scammers)|"
    r"talk (?:to|with) (?:\S+ ){1,2}about|conversation about|explain|"
    r"if (?:a|your|any) (?:child|kid|teen)|is it (?:a crime|illegal|against the law)|"
    r"how (?:do|can|should|would) i (?:talk|bring|raise|start|approach|discuss|support)|"
    r"before (?:someone|anyone|anything|they|it)|last year|months ago|years ago|a while ago|"
    r"it'?s over|in the past|when (?:he|she) was (?:younger|little|\d{1,2})|(?<!only )\bever\b|"
    r"on the news|in the news|the news|in the (?:paper|newspaper|local paper)|story in the|headlines?|programme|documentary|article|read about|"
    r"heard about|saw a post|post going round|a post about|story about|hypothetical\w*|suppos(?:e|es|ing|edly)\b|"
    r"imagin\w*|what would|would (?:my \S+|he|she|i|we|they) (?:get|be)|is it (?:even )?possible|"
    r"how (?:do|does|can|could|would|should) (?:i|we) (?:stop|teach|make sure|keep|help|check)|"
    r"how (?:do|does|can) (?:platforms|apps|sites|companies)|"
    r"^signs?\b|\bsigns (?:your|a|that|of)|if i'?m worried|worried (?:that|about)|"
    r"(?:another|other) (?:child|pupil|student|girl|boy|teenager|teen|kid)s? (?:in|at|from)\b|"
    r"a (?:child|pupil|student|girl|boy|kid) in (?:another|a different) (?:class|school|year)|"
    r"what (?:a|an|the) \S+ (?:is|means)|count as|legally|\billegal\b|against the law|"
    r"(?:school|teacher|head|academy|police|headteacher|principal) (?:has )?(?:sent|wrote|emailed|warned|mentioned)|"
    r"(?:in|at|during) (?:an? |the )?(?:assembly|pshe|parents'? evening)|"
    r"(?:did|gave|give|had|held|ran|run|came in to do|came to do) (?:a |an )?(?:talk|assembly|session|workshop|presentation)|"
    r"what (?:should|do|can|shall) (?:i|we) say to|"
    # planning at school: a policy, staff guidance, a trip the school runs
    r"polic(?:y|ies) (?:on|for|about)|(?:school'?s|safeguarding|our) polic(?:y|ies)|"
    r"(?:guidance|training|advice|resources) for (?:staff|teachers|colleagues|schools)|"
    r"(?:organised|organized|arranged|run|planned) by (?:the |her |his )?(?:school|club|teachers?)|"
    r"(?:with|and) (?:the )?(?:staff|teachers?|adults|coaches|other parents) there|"
    # a tantrum's threat, as the parent says, never carried out
    r"(?:he|she|they) never (?:does|do|did|has|have|actually)|never actually|"
    # second-hand: a story told about someone else's child
    r"(?:one of (?:them|the \S+)|another (?:dad|mum|mom|parent)|a (?:friend|mate|colleague) of mine) "
    r"(?:said|told (?:us|me)|mentioned) (?:that )?(?:his|her|their)\b|"
    r"(?:still around|still exists?|still a thing)|"
    r"(?:letter|email|assembly|talk|workshop|leaflet) (?:about|on|says|said|saying|warns|warned)|"
    r"is (?:it|this|that) a scam|"
    r"red flags?|warning signs?|worried (?:an?|my|someone|he|she|that)|"
    r"is (?:my|our) \S+ being groomed|(?:might|may|could) be (?:being )?(?:groomed|abused|exploited)|"
    r"(?:do|are|can|will|would|how do) (?:blackmailers|sextortionists|scammers|criminals|predators|"
    r"offenders|groomers)|usually|typically|commonly|\bcommon\b|"
    r"can (?:an? )?(?:ai|apps?|chat ?bots?|ai chat ?bots?|they|someone|people|predators|scammers)|"
    # a rumour, a hoax, a game: "is this real or just scaremongering?", "a chain message saying
    # you'll die tonight", "he's going to blow up her base on roblox"
    r"is (?:this|it|that) (?:real|true)|scaremonger\w*|rumou?rs?|blow(?:ing)? up (?:her|his|their|my|the) (?:base|world|house|build|city|island)|"
    r"blew (?:it|them|everything)(?: all)? up|"
    r"sibling (?:fight|row|argument)s?|"
    r"so (?:that )?(?:they|it|he|she|the photos?|the pictures?) (?:don'?t|doesn'?t|won'?t|can'?t) "
    r"(?:end up|get|go|appear)|"
    r"(?:should|do) (?:teens|kids|children|parents|i|we) know|(?:get|be|getting) in trouble|"
    r"what happens|is it (?:still )?(?:sextortion|grooming|abuse|blackmail|a crime)|what mean|"
    r"bring (?:it )?up|too (?:early|young)|what age (?:should|to|is)|adverts?|\bads\b|advertis\w*|"
    r"numbers of|how many (?:kids|children|teens|cases|people|parents|reports)|rates? of|"
    r"(?:was|were|got|have been|has been) (?:removed|deleted|taken down)|police dealt|"
    r"(?:it'?s|all) (?:sorted|resolved|over now)|case (?:is )?closed|(?:back|home) safe|"
    r"last (?:year|month|summer|term|spring|autumn|winter)|a while back|already dealt|"
    r"has since|no longer|newsletter|parents'? evening|the teacher (?:said|told)|"
    r"school (?:says|said|told us)|die of embarrassment|(?:i'?ll|she'?ll|he'?ll|they'?ll|"
    r"mum will|dad will) kill (?:me|us|him|her|them)\b|supervised|chaperon\w*|(?:with|and) (?:me|us|i|we) there|"
    r"(?:met|know|spoke to|called) (?:the|his|her|"
    r"their) (?:parents|family|mum|mom|dad)|(?:talk|speak) to (?:him|her|them|my \S+) about|"
    r"how (?:do|should|can|could) (?:i|we) (?:explain|raise|start|approach)|stand for|"
    r"meaning of|what \S+ means|paranoid|overthinking|overreacting|over-?protective|"
    r"(?:radio|podcast|news article|an article) (?:said|says|about)|reports have|"
    r"tips to (?:stop|prevent|avoid|protect)|reduce the risk|could (?:someone|people|they|anyone)|falling for|so (?:nobody|no one|no-one) can|"
    # settings and plans that keep a danger away: "so predators can't find her location",
    # "is there a way to block naked pictures", "a code word so she can tell us"
    r"so (?:that )?(?:predators|strangers|people|nobody|no one|no-one|anyone|others|he|she|they)\b"
    r"(?: \S+){0,4} "
    r"(?:can'?t|cannot|won'?t)|is there (?:a way|any way|an app|a setting|anything) to (?:automatically )?"
    r"(?:block|stop|filter|prevent|blur|hide)|code ?words?|so (?:she|he|they) (?:can|will|could) "
    r"(?:tell|come to|talk to) (?:us|me)|"
    r"could (?:it|this|that|the app|chatgpt|the bot|the chatbot) (?:ever )?(?:show|send|expose|give)|"
    # a tantrum's threat, not a child gone: "screamed that she'll run away when I turned it off"
    r"(?:threaten\w*|screamed|screams|shouted|shouts|yelled|yells|says|said)\b[^.]{0,40}?\b"
    r"(?:will|'ll|would|'d|to|(?:i'?m|im|i am) going to|(?:i'?m|im|i am)) (?:run|running) (?:away|off)|"
    r"(?:screamed|screams|shouted|shouts|yelled|yells)\b[^.]{0,20}\b(?:going to|gonna|will|'ll) "
    r"kill (?:you|me|him|her|them)\b|"
    # planning at work: "putting together a lesson on self-harm content"
    r"(?:putting together|planning|preparing|writing|designing|creating|updating|reviewing) "
    r"(?:a |an |our |the )?(?:\S+ ){0,3}(?:lesson|workshop|session|assembly|training|presentation|"
    r"policy|scheme of work|template|procedure|protocol|checklist|inset|cpd|staff (?:training|"
    r"meeting|briefing))|"
    # a meeting a club or school runs: "the club organises the meetup with staff"
    # a camera for wildlife or pets: "set up a camera to film birds in the garden and stream it"
    r"camera to (?:film|watch|record|stream) (?:the )?(?:birds?|wildlife|garden|nature|pets?|dogs?|"
    r"cats?|hedgehogs?|fox\w*)|"
    # how a game works, pictured: "do people meet up at the gyms? I'm picturing grown men"
    r"\b(?:do|does|can|will) (?:people|players|kids|strangers|adults|other players|they) "
    r"(?:\S+ ){0,2}(?:meet|meet up|gather)\b|\bpicturing\b|"
    # a sibling's fury: "he exposed his sister's crush, she wants to kill him", "she will 'kill
    # him'", and siblings' "blackmail" over chores and chocolate
    r"(?:sister|brother|sibling)\w*\b[^.]{0,60}\b(?:wants? to|going to|gonna|will|'ll) kill "
    r"(?:him|her|me|them|us)\b|"
    r"(?:sister|brother|sibling)'?s?\b[^.]{0,30}\bblackmail\w*\b(?![^.]{0,60}\b(?:nudes?|pics?|"
    r"photos?|pictures?|videos?|naked))|"
    # the child's complaint about the parent: "he moaned that I 'abused' him with a bedtime"
    r"(?:moan\w*|said|says|claim\w*|complain\w*|accus\w*|reckons?) (?:that )?(?:i|we|me|us)"
    r"(?: \S+){0,2} (?:abus\w*|tortur\w*|ruin\w*)|"
    r"(?:writing|putting together|drawing up|making) (?:\S+ ){0,3}(?:rules|guidelines|code of "
    r"conduct)|(?:good|best) practice|"
    # telling a child in advance: "I want to tell my daughter about people who pretend to be kids"
    r"(?:tell|teach|warn|explain to) (?:my|our|her|him|them) (?:\S+ ){0,2}about|"
    r"news (?:on|about|that)|(?:is|was|been) arrested|"
    r"(?:both(?: of them)?|they were|all|everyone|were) laughing|lmao|jaja\w*|hehe\w*|"
    # closed at once, or name-calling in a game: "they closed it straight away", "other boys are
    # abusing him in the voice chat"
    r"(?:they|he|she|the (?:boys|girls|kids)) (?:closed|shut|turned off|switched off|left|exited|"
    r"logged off) (?:it|the (?:app|site|chat|game|"
    r"call|laptop|tab)) (?:straight away|immediately|right away|at once)|"
    r"(?:abus\w*|insult\w*|swear\w*) (?:at )?(?:him|her|them) (?:in|on) (?:the )?(?:voice ?chat|chat|"
    r"game|lobby|comments)|verbal(?:ly)? abus\w*|"
    # a tantrum over a device: "until we give back the WiFi password"
    r"until (?:we|i) (?:give|gave|hand) (?:back|him|her|them)|wi-?fi password|"
    # the school told us: "the assembly today was about", "a note home about"
    r"assembly (?:today |this morning |yesterday )?(?:was |is )?(?:about|on)|note home|"
    # a meeting arranged and supervised by adults
    r"both (?:mums|moms|dads|parents|families) (?:\S+ )?(?:attend\w*|there|going|coming|present)|"
    r"(?:i'?ll|i will|we'?ll|we will|i'?d|i would) be (?:sitting|waiting|nearby|close by|in the "
    r"(?:cafe|car|next room|room))|(?:teachers?|school|council|club|tutor) (?:organised|organized|"
    r"arranged|runs?|ran|knows both)|knows? both families|video call with (?:her|his|their|the "
    r"other \w+'?s?) (?:mum|mom|dad|parents?)|"
    r"(?:school|club|teachers?|staff|coach|leaders?) (?:organis|organiz|arrang|runs|supervis)\w* "
    r"(?:the |a |an )?(?:meet ?up|meeting|trip|event|outing)|with staff\b|"
    # a meeting parents arrange and attend (with "we'll both stay" below)
    r"while (?:i'?m|we'?re|i am|we are) (?:home|there|in the house)|at our house|not a stranger|"
    # an article's title: "Hidden cameras in holiday rentals: how to check", "AI nude apps: a guide"
    r": (?:how to|a parent'?s guide|a guide|what parents need to know)|a parent'?s guide|guide for parents|"
    r"how to (?:check|spot|find|tell|protect|prevent)|"
    r"how (?:do|can|should) (?:i|we) (?:lock|block|set up|protect|prevent|filter)|"
    r"doing (?:well|fine|better)|(?:had|has had|got|getting) (?:\S+ ){0,2}(?:support|counselling|therapy)|"
    r"(?:leader|parent|parents|mum|mom|dad|teacher|coach|adult)s? will be (?:there|at)|"
    r"(?:naked|nude) (?:baby|babies|toddler)|(?:baby|babies|toddler)s? (?:\S+ ){0,3}(?:naked|nude)|"
    r"combat power|in (?:19|20)\d\d|went through|(?:talking|talk|talks) about (?:sextortion|grooming|sexting|nudes|consent|online safety)|"
    r"(?:he|she|they)(?:'s| is| are|'re) (?:fine|ok|okay|better|much better|doing (?:well|better|fine)) now|"
    r"when i was (?:a kid|a child|young|little|younger|a teen\w*|\d{1,2})|"
    r"should (?:i|we) (?:stop|avoid) (?:posting|sharing|putting)|"
    r"(?:spoke|spoken|talked) to (?:his|her|the|their) (?:\S+ )?(?:parents|mum|mom|dad)|"
    r"(?:i'?d|i would|i'?ll|i will|we'?ll|we will|we'?d|we would|and i will|and i'?ll) (?:both |all |also )?"
    r"(?:come|go|stay|be (?:there|at|home|around))\b(?! missing)|(?:we'?re|we are|i'?m|i am) taking (?:him|her|them|our|my)|"
    r"(?:we|i) (?:have|got|bought|installed|use|set up|put up) (?:a|an|the|our) (?:nanny ?cam|"
    r"camera|baby monitor|security camera)|"
    r"what (?:should|can|do|does) (?:a|an|my|your|the) \S+ do if|\bone day\b|^say\b|"
    r"\bsay (?:my|a|your) \S+|literally|dying to|\bhaha\b|\blol\b|"
    r"is it (?:a kind of|a form of|considered)|^if (?:my|a|your|our)\b|"
    r"it'?s actually|turned out to be|(?:we|i) (?:'ve|have) met|with (?:both of us|us|me) there|"
    r"video[- ]?called|(?:was|were|got) (?:deleted|removed|taken down|sorted)|(?:dealt|sorted) with)\b"
)


# The parent says outright that nothing has happened: worry, whatever words it uses.
_NOTHING_HAPPENED = re.compile(
    r"\b(?:nothing(?:'s| has| have)? (?:happened|has happened)|(?:hasn'?t|has not|have not|haven'?t) "
    r"happened|nothing bad has|i'?m just (?:anxious|worried|scared|nervous)|"
    # a conditional about the child's own standing: "if my son's friend forwarded a photo to him,
    # would my son get in trouble for having it?"
    r"^if (?:my|a|your|our) [^.?]*\bwould (?:my \S+|he|she|they|i|we) (?:\S+ )?(?:get|be)\b|"
    # settings and family rules that prevent: "which settings stop strangers messaging him",
    # "a family phone contract"
    r"(?:which|what|best) (?:settings?|controls?|apps?) (?:\S+ ){0,3}(?:stop|block|prevent|filter)|"
    r"family (?:phone |media |tech |device |screen |internet )?(?:contract|agreement)|"
    # definitions in a grandparent's words, curiosity
    r"what is meant by|(?:kindly |please )?explain what|mentioned on the (?:wireless|radio|news|telly|tv)|"
    r"got curious|(?:i'?m|i am|just) curious|"
    # jokes and teen words: "you're killing me", "the VPN's kill switch", "leak your baby pics"
    r"(?:you'?re|youre|you are) killing me|kill switch|baby (?:pics|photos|pictures)|book club|"
    r"abus\w* (?:them|us|him|her|me) with (?:homework|chores|rules|tests)|"
    r"\bjok(?:e|es|ed|ing) (?:that |about )?(?:\S+ ){0,3}(?:i'?ll|i will|she'?ll|he'?ll|they'?ll)|"
    r"(?:nanny ?cam|baby monitor|security camera) app\b(?![^.]{0,40}\bhack\w*)|motion detected|"
    # nothing found, a fear of what might happen, prevention and filters, curiosity
    r"nothing (?:weird|odd|wrong|strange|suspicious|bad|worrying|dodgy|creepy)|"
    r"(?:fear|afraid|worried|worry|nervous|anxious|scared|terrified) (?:that )?(?:someone|somebody|"
    r"a stranger|people|strangers|predators|a predator) (?:will|might|could|would|may)\b|"
    r"so (?:that )?(?:nobody|no one|no-one|strangers|predators) (?:\S+ ){0,4}can\b|"
    r"(?:block|filter|hide|restrict|stop)\w* (?:\S+ ){0,3}(?:self[- ]?harm|suicide|porn\w*|sexual|"
    r"violent|adult|nude)\w* (?:content|videos?|searches|posts|sites|images|stuff)|"
    r"so (?:that )?(?:\S+ ){0,2}(?:nudes?|photos?|pictures?|pics|images?|videos?) (?:can'?t|cannot|"
    r"won'?t|don'?t|never)|camera detectors?|detector apps?|"
    r"theoretically|hypothetically|just wondering|genuinely curious|out of curiosity|"
    r"after (?:a|the|this) podcast|if (?:i|we) (?:ever )?(?:found|find|discovered|saw|see)\b|"
    # a teenager's words, not a plan: "I will die without my phone", "I'd rather die than..."
    r"die without (?:(?:my|her|his|their|a) )?\w+|rather die than|dead to (?:me|her|him|them|us)|"
    r"killing (?:her|his|my|the|their) (?:vibe|mood|buzz)|starve to death (?:unless|until|if)|"
    # a worry asked about and answered: "mum asked if he's being blackmailed. he's not."
    r"(?:asked|wondered) (?:him |her |them )?(?:if|whether)\b[^.]{0,40}\.\s*(?:he|she|they)(?:'s| is|"
    r"'re| are) not\b|"
    # "how would I know if he's being groomed": asks how to tell
    r"how (?:would|will|could) (?:i|we|you) (?:ever |even )?know (?:if|whether)|"
    # "no signs of self harm that I've seen", "scared he's being groomed but no proof"
    r"no (?:signs?|sign) of (?:self[- ]?harm\w*|grooming|bullying|abuse|anything)|no proof|"
    r"no evidence|nothing concrete|"
    # "what are the signs my kid is being groomed": asks how to tell, says nothing is known
    r"(?:what are|what're|know) (?:the )?(?:signs|red flags|warning signs) (?:that )?(?:my|our|your|a) "
    r"(?:\S+ ){0,2}(?:is|are) being (?:groomed|bullied|targeted|exploited|catfished)|"
    # an article's title: "Signs your child is being groomed online"
    r"^(?:the |\d+ )?(?:warning )?signs? (?:that )?(?:my|our|your|a) (?:\S+ ){0,2}(?:is|are|may be|"
    r"might be) being (?:groomed|bullied|targeted|exploited|catfished))\b"
)


# Urgency that makes even a general-sounding message a live one.
_HAPPENING_NOW = re.compile(
    r"\b(?:right now|rn|tonight|(?<!god )(?<!lord )(?<!heaven )help me(?! (?:to )?(?:draft|write|plan|prepare|put together|"
    r"make|create|understand|think|with (?:a|the|my|our) (?:script|policy|letter|lesson|plan|talk)))|"
    r"help us|urgent|please help|pls help|plz help|"
    r"(?:scared|terrified)(?! (?:of|that|about|(?:my|she|he|they) (?:\S+ )?(?:might|will|could|would)))|"
    r"panick\w*|what do i do now|what do we do now|what should i do now|"
    r"just (?:found|now|happened)|is happening|happening now|im being|i'm being|i am being|"
    r"frantic|beside (?:myself|ourselves)|found (?:a|an|the) (?:phone|camera|hidden|folder|lens)|"
    r"just (?:noticed|spotted|saw)|number please|(?:party|stream|live|it|chat|call)(?: is|.s)? still going|"
    r"(?:hundreds|thousands|dozens) of views|"
    r"views already|"
    r"(?:i|we) (?:checked|looked (?:at|on|in)) [^.]{0,60}\bthere(?:'s| is| are| was)|"
    r"(?:i|we|i'?ve|we'?ve|i have|we have) (?:found|discovered|came across|come across|saw|seen|"
    r"noticed|spotted)(?! (?:it |this |that )?(?:on the news|in the news|in a news|"
    r"on the radio|in an article|(?:in |on |under )?(?:an?|the) (?:\S+ )?(?:post|programme|program|"
    r"headline|story|documentary|article|report|news|comments?|video|podcast|show|film|series)|"
    r"in the (?:paper|papers|headlines?|comments)|in (?:the |a )?(?:\S+ ){0,3}(?:times|post|paper|"
    r"herald|guardian|mail|magazine|newsletter)))|just showed (?:me|us)|"
    r"(?<!fine )(?<!ok )(?<!okay )(?<!better )(?<!normal )this (?:evening|morning|afternoon)|just now|"
    r"being (?:shared|posted|passed|spread|"
    r"circulated|leaked)|(?:nudes?|pics?|photos?|images?|videos?) (?:\S+ ){0,2}(?:got |have |has |were |"
    r"was )?(?:been )?leaked|"
    r"(?:is|are|'s|'re|hes|shes|theyre) being (?:blackmailed|sextorted|threatened|extorted|asked|groomed|abused|"
    r"shared|sent|filmed|recorded|passed)|"
    # "he has gone out, and a chat on his Xbox says 'I'll be at the park'"
    r"(?:has|'s) (?:gone|snuck|sneaked|slipped) out\b|"
    # "now they want another £200", "now asking 20000 rupees": the demand goes on
    r"now (?:they|he|she|it|someone|the \w+)(?:'re| are| is|'s)? (?:(?:want\w*|ask\w*|demand\w*) "
    r"(?:more|another|money|cash|[£$€₹]|\d+)|threaten\w*|post\w*|shar\w*|send\w*)|"
    r"now (?:asking|demanding|threatening)\b|on (?:his|her|my|their) (?:phone|laptop|"
    r"computer|tablet|ipad|pc)|"
    r"keeps? (?:on )?(?:asking|messaging|sending|texting|pushing|pestering|begging|contacting)|"
    r"(?<!was )(?<!be )(?:son|daughter|child|kid|boy|girl) being (?:blackmailed|threatened|extorted)|now (?:it'?s|they'?re|it is|they are) "
    r"(?:on|up|all over|being)|"
    r"(?:messaged|asked|texted) (?:her |him |them )?again|(?:an?|one|two|few|\d+) (?:hours?|minutes?|mins?) ago|"
    r"(?:is|are) getting (?:messages|texts|threats)|(?:by|before) (?:midnight|tonight|tomorrow)|"
    r"countdown|just (?:rang|called|phoned|told|messaged|texted|emailed)|(?:do|should) (?:we|i) pay|'?s (?:phone|laptop|computer|tablet|ipad|pc|hard drive) "
    r"(?:has|had|contains)|still (?:coming|happening|going on)|going on all week|"
    r"(?:baby monitor|camera|cam) (?:was |has been |got )?hacked|hacked (?:our|the|her|his) "
    r"(?:baby monitor|camera|cam|webcam))\b"
)

_COMPILED: List[Tuple[str, Pattern[str]]] = [
    (category, re.compile(pattern)) for category, pattern in _IMAGE_RULES + _PATTERNS
]


def normalise(text: str) -> str:
    """Lower case, straight apostrophes, single spaces: the form the patterns expect."""
    lowered = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    # 'nudes' and "special photos": quotation marks, not apostrophes, are dropped.
    lowered = re.sub(r"(?<![a-z0-9])'|'(?![a-z0-9])|[\"\u201c\u201d]", " ", lowered)
    return " ".join(lowered.split())


# An event the parent says is over and was dealt with: "we found a hidden camera last summer;
# the owner was charged", "back in primary an older kid sent him a picture; the school
# sorted it". It outweighs "we found", but not anything said to be happening now.
_DEALT_WITH = (
    re.compile(
        r"\b(?:last (?:year|month|summer|spring|autumn|winter|term|week)|\d+ (?:years?|months?) ago|"
        r"back in (?:primary|year \d+|\d{4}|the day))\b"
    ),
    re.compile(
        r"\b(?:(?:was|were|got|been) (?:charged|arrested|convicted|sentenced|cautioned|jailed)|"
        r"police (?:took|dealt|handled|sorted)|(?:school|police|they) (?:sorted|dealt with|handled) it|"
        r"sorted it|case (?:is )?closed)\b"
    ),
)
_STILL_NOW = re.compile(
    r"\b(?:right now|tonight|today|just now|this (?:morning|evening|afternoon)|still|again|"
    r"is happening|happening now|rn|an? hours? ago|minutes ago|keeps?)\b"
)


# A chain message's "forward this or you'll die tonight" is a hoax, whatever its urgency.
_HOAX = re.compile(r"\bchain (?:message|letter|mail)s?\b")


# When it happened: a time in the past ("back in march", "in the spring", "two months ago").
_PAST = re.compile(
    r"\b(?:last (?:year|month|summer|spring|autumn|fall|winter|term|week|christmas|easter)|"
    r"(?:\d+|a|one|two|three|four|five|six|a few|a couple of|several) (?:years?|months?|weeks?) "
    r"(?:ago|back)|back in \w+|in the (?:spring|summer|autumn|fall|winter|holidays)|"
    r"earlier (?:this|in the) year|when (?:he|she|they) (?:was|were) (?:younger|little|\d{1,2})|"
    r"(?:it'?s|it has) been (?:quiet|fine|ok|okay|calm) (?:for|since)|"
    r"in (?:january|february|march|april|may|june|july|august|september|october|november|december))\b"
)
# How it was dealt with: reported, blocked, the police involved, the child fine now.
_RESOLVED = re.compile(
    r"\b(?:(?:we|i) (?:blocked|reported|locked|deleted|told the police|went to the police|called "
    r"the police|rang the police|didn'?t pay|did not pay|never paid)|paid nothing|"
    r"reported (?:it |them |him |her |this )?to|police (?:visited|came|were involved|got involved|"
    r"involved|investigated|dealt|handled|sorted|took it|charged|arrested|are handling|closed)|"
    r"(?:ceop|the police|police|the school|school) got back|(?:being|been|was|were|is) "
    r"(?:handled|dealt with) by|(?:already )?(?:gone|went|been) to the police|"
    r"nothing (?:was|has been|got) (?:ever )?(?:posted|shared|leaked|sent)|"
    r"(?:he|she|they)(?:'s|'re| is| are| seems?) (?:absolutely |totally |completely |really |"
    r"doing )?(?:fine|ok|okay|alright|coping|better|doing ok|doing well)|"
    r"counsell?or|therapist|camhs|investigation (?:finished|ended|closed|is over|was closed)|"
    r"(?:is|was) arrested|arrested already|already arrested|"
    r"(?:been )?through (?:the )?courts?|court case|(?:before|until) (?:he|she|they) came to us|"
    r"(?:was|were|got|been) (?:charged|arrested|convicted|"
    r"sentenced|cautioned|jailed|banned)|case (?:is )?closed)\b"
)
# Someone else's child, told second-hand: "my friend's daughter was sextorted".
_SECOND_HAND = re.compile(
    r"\b(?:(?:my|a|our) (?:friend|best friend|sister|brother|cousin|neighbou?r|colleague|mate|"
    r"sister-in-law|brother-in-law|work friend)'?s (?:son|daughter|child|kid|boy|girl|teen\w*|"
    r"\d{1,2} ?yo|little one)(?: \S+){0,3} (?:was|were|had|got|went|has been|'s been)\b|what happened to (?:my|a|our|her|his) (?:friend|sister|brother|"
    r"cousin|neighbou?r|colleague)\w*|(?:posted|said|told (?:me|us)|shared) that (?:their|her|his) "
    r"(?:daughter|son|child|kid|boy|girl)|told (?:me|us) (?:that )?(?:her|his|their) (?:son|"
    r"daughter|child|kid|boy|girl|\d{1,2} ?yo))\b"
)
# A story on screen: a soap's storyline, a drama, a character in a show.
_FICTION = re.compile(
    r"\b(?:soaps?|storylines?|(?:tv|television) (?:drama|series|show)|drama (?:about|where|in which)|"
    r"(?:in|on|watching|watched) (?:a|the) (?:show|film|movie|series|episode|drama)|"
    r"made up for (?:tv|telly)|on netflix|one of the characters|the characters?|"
    r"(?:a|the) (?:novel|book|crime series|film|movie)(?: (?:about|where|in which))?|"
    r"read (?:a|the) book|in an? \w+ (?:crime )?series)\b"
)
# What says it is going on now, however the rest is framed.
_GOING_ON = re.compile(
    r"\b(?:right now|tonight|just now|(?<!fine )(?<!ok )(?<!okay )(?<!better )(?<!normal )"
    r"this (?:morning|evening|afternoon)|is happening|happening now|"
    r"rn|an? hours? ago|minutes ago|still (?:happening|going on|messag\w+|send\w+|ask\w+|"
    r"threaten\w+|post\w+|contact\w+|shar\w+|circulat\w+|online|up|out there|missing|not)|"
    r"(?:messag\w+|contact\w+|threaten\w+|post\w+|shar\w+|send\w+|started|at it) again|"
    r"(?:is|are|'s|'re|keeps?) (?:being \w+ed|demanding|threatening|messaging|posting|"
    r"sharing|sending|blackmailing|meeting)|(?:is|are|'s|'re|keeps?) asking (?:her|him|them|my \S+|"
    r"for) (?:\S+ )?(?:for|to|pics?|photos?|nudes?|money)|asking (?:her|him|them|my \S+) (?:for|to)|"
    r"now (?:they|he|she|it|someone|the \w+)(?:'re| are| is|'s)? (?:(?:want\w*|ask\w*|demand\w*) "
    r"(?:more|another|money|cash|[£$€₹]|\d+)|threaten\w*|post\w*|shar\w*|send\w*|messag\w*|"
    r"back))\b"
)


def _told_as_past_or_someone_elses(message: str) -> bool:
    """True for a danger over and dealt with, someone else's story, or one on screen.

    "Back in March someone asked him for nudes; we blocked and reported him and he's fine",
    "my friend's daughter was sextorted", "the soap had a girl groomed online": unless the
    message says something is going on now, the parent needs guidance.
    """
    if _GOING_ON.search(message):
        return False
    resolved = {m.group(0) for m in _RESOLVED.finditer(message)}
    if len(resolved) >= 2 or (resolved and _PAST.search(message)):
        return True
    return bool(_SECOND_HAND.search(message) or _FICTION.search(message))


def framed_as_general(text: str) -> bool:
    """True for a general, hypothetical, past or second-hand question with nothing happening now.

    "What does sextortion mean?", "if anyone ever asks her for nudes...", "I saw on the
    news that...": worry and curiosity get guidance, not emergency numbers.
    """
    message = normalise(text)
    if _NOTHING_HAPPENED.search(message):
        return True
    if all(p.search(message) for p in _DEALT_WITH) and not _STILL_NOW.search(message):
        return True
    if _told_as_past_or_someone_elses(message):
        return True
    if _HOAX.search(message):
        return True
    return bool(_GENERAL_QUESTION.search(message)) and not _HAPPENING_NOW.search(message)


# How a parent asks for everyday advice: "any tips?", "good idea?", "is that normal at 3?".
# Weak evidence next to a pattern, but it outweighs the classifier's word alone.
_EVERYDAY_ADVICE = re.compile(
    r"\b(?:any tips|tips (?:for|on)|thoughts\??$|any (?:\S+ )?advice\??$|am i being \w+|"
    r"good idea|is (?:that|this|it) (?:fine|ok|okay|normal|alright)|any good|recommend\w*|(?:quick|best|easy|simple) ways? to|should (?:i|we) "
    r"(?:post|let|allow|get|buy)|on by default|^how to\b|^so your (?:child|kid|teen)|can i post|"
    r"is (?:it|this|that) a scam|^(?:books?|apps?|games?|resources?|videos?) (?:for|about)|"
    # sharing family photos: "I like putting photos of the grandchildren on Facebook"
    r"(?:putting|posting|sharing|put|post|share) (?:\S+ ){0,2}(?:photos?|pictures?|pics) of (?:the |my |our )"
    r"(?:grand\w+|kids|children|baby|babies|son|daughter|little ones)|"
    r"is (?:the|this|that) (?:game|app|site|platform)(?: itself)? (?:bad|ok|okay|safe|suitable|dangerous)|"
    r"(?:one of the|one of those) bad ones)"
)


def asks_for_everyday_advice(text: str) -> bool:
    """True for a request for everyday tips with nothing said to be happening now."""
    message = normalise(text)
    return bool(_EVERYDAY_ADVICE.search(message)) and not _HAPPENING_NOW.search(message)


# "My 11yo son wants discord for his gaming friends": a child asking for an app is a
# question about the app. A classifier trained on long, frightened messages that start
# "we're in Canada. my 11yo son..." can hear a crisis in it; without a danger named
# (bot.safety.concepts), it is none.
_CHILD_WANTS = re.compile(
    r"\b(?:my (?:\w+ )?(?:son|daughter|child|kid|boy|girl|lad|teen\w*|grandson|granddaughter|"
    r"niece|nephew|stepson|stepdaughter)|\d+\s*(?:yo|y/o|yr old|year old|years old)|\d+yo)"
    r"(?:\s*\(\d+\))?\s+(?:\w+\s+){0,2}?(?:really |desperately )?"
    r"(?:wants?|is asking for|keeps asking for|asked for|is begging for|begs for|is desperate for|"
    r"is dying for|would like)\s+"
    # What the child wants is the app, not what someone asks of the child.
    r"(?!(?:her|him|them|me|you|us|money|cash|pics?|pictures?|photos?|nudes?|images?|videos?|"
    r"to meet|to see|to go|to run|to leave)\b)"
)


def wants_an_app_without_danger(text: str, names_an_app: bool) -> bool:
    """True when a child wanting an app (named by the caller) is all the message tells."""
    message = normalise(text)
    return names_an_app and bool(_CHILD_WANTS.search(message)) and not names_a_danger(message)


# Worry with no one to fear: the child saw an upsetting video, or talks to a chatbot. A
# classifier trained on crises hears "hurt", "girl" or "boyfriend" in these; unless a
# danger is named (bot.safety.concepts), the parent needs guidance, not emergency numbers.
_SAW_SOMETHING = re.compile(
    r"\b(?:he|she|they|son|daughter|child|kid|my \w+|\d{1,2}\)?) (?:has |had |just |then )?"
    r"(?:saw|seen|watched|came across|stumbled (?:on|across|upon)|was shown|got shown) "
    r"(?:\w+ ){0,4}(?:video|videos|clip|clips|film|movie|images?|pictures?|photos?|content|"
    r"stuff|posts?|things?|something)\b"
)
# Seeing a child harmed may be seeing abuse material: never treated as mere worry.
_CHILD_HARMED = re.compile(
    r"\b(?:hurt\w*|harm\w*|abus\w*|beat\w*|hit\w*|touch\w*|rap\w*) (?:a |an |the |some )?"
    r"(?:little )?(?:child|children|kids?|bab(?:y|ies)|toddlers?|girls?|boys?)\b|"
    r"\b(?:child|children|kids?|bab(?:y|ies)|toddlers?|girls?|boys?) (?:being|getting) \w+"
)
_CHATBOT = re.compile(
    r"\b(?:bots?|chat ?bots?|ai|character ?ai|chatgpt|my ai|replika|ai companions?)\b"
)


def worry_without_danger(text: str) -> Optional[str]:
    """The topic of a worry with no danger named, if the message is one; else None.

    "She saw a horrible video of someone getting hurt and won't sleep" (harmful content),
    "one of the bots is her boyfriend" (AI companions, filed with harmful content): worrying, but nobody
    threatens the child now.
    """
    message = normalise(text)
    if names_a_danger(message) or _CHILD_HARMED.search(message):
        return None
    if _SAW_SOMETHING.search(message):
        return "harmful_content"
    if _CHATBOT.search(message):
        return "harmful_content"
    return None


# "Someone told my son to kill himself" is abuse aimed at him, answered as bullying; what
# he says or does himself is what signals a risk to his life.
_TOLD_TO_HARM = re.compile(
    r"\b(?:told|telling|tells|tell) (?:him|her|them|my \S+) (?:to )?(?:go )?(?:and )?"
    r"(?:kill|hurt|harm) (?:him|her|them)sel\w*"
)


# "What to do if your child goes missing": asked in those words, the child may be missing
# now, and what the parent needs either way is the emergency number and the first steps.
_MISSING_CHILD_QUESTION = re.compile(
    r"\bwhat (?:to do|should i do|do i do|do you do|should parents do) (?:if|when) (?:your|my|a|our) "
    r"(?:\S+ ){0,2}(?:child|kid|teen|teenager|son|daughter|tween)s? (?:goes|go|has gone|have gone|is|"
    r"are|went|runs|run|ran|has run) (?:\S+ )?(?:missing|away)\b|"
    r"\b(?:your|my|our) (?:teen|teenager|child|kid|son|daughter) (?:is|has become) a runaway\b"
)


def detect_crisis(text: str) -> Optional[CrisisSignal]:
    """The first crisis signal in ``text``, or None when nothing signals danger now."""
    message = normalise(text)
    if _MISSING_CHILD_QUESTION.search(message):
        return CrisisSignal(category="missing")
    general = framed_as_general(text)
    without_taunts = _TOLD_TO_HARM.sub(" ", message)
    for category, pattern in _COMPILED:
        if not pattern.search(without_taunts if category == "self_harm" else message):
            continue
        context = _REQUIRES_CONTEXT.get(category)
        if context is not None and not context.search(message) and not _MEETING_NOW.search(message):
            continue
        if general:
            continue
        return CrisisSignal(category=category)
    if not general:
        by_concepts = crisis_by_concepts(message)
        if by_concepts is not None:
            return CrisisSignal(category=by_concepts)
    return None


# A child's private picture mentioned earlier in the conversation: "she sent a pic to her
# boyfriend", "he has nudes of her".
_PRIVATE_PICTURE_EARLIER = re.compile(
    r"\b(?:"
    + _SEXUAL_IMAGE
    + r"|(?:sent|send|sends|shared|took) (?:\S+ ){0,3}(?:a |an |some )?"
    + _IMAGE
    + r"\b(?: \S+){0,4} (?:to )?(?:her |his |their |a |an )?(?:bf|boyfriend|gf|girlfriend|ex|"
    r"crush|someone|a boy|a girl|a guy|a man))"
)
# Now it is out: "now its going round her year group", "everyone has seen it".
_NOW_OUT = re.compile(
    r"\b(?:(?:it'?s|its|it is|they'?re|they are|the (?:pic|photo|picture|video|image)s? (?:is|are))"
    r" (?:now )?(?:going (?:a)?round|being (?:shared|passed round|sent round|posted)|on (?:a|some|"
    r"the|his|her) \S+ (?:channel|group|page|account|story)|all over|everywhere)|everyone (?:has|'s) "
    r"(?:seen|got) (?:it|them)|(?:he|she|they|someone) (?:has |have )?(?:posted|shared|leaked|sent) "
    r"(?:it|them) (?:to|on|in|round|around)\b)"
)


def crisis_in_context(text: str, earlier: Iterable[str]) -> Optional[CrisisSignal]:
    """A crisis the latest message tells only with what the parent said before.

    "now its going round her year group", after "she sent a pic to her boyfriend", is a
    child's private image being shared: the words alone name no picture.
    """
    message = normalise(text)
    if not _NOW_OUT.search(message) or framed_as_general(text):
        return None
    if any(_PRIVATE_PICTURE_EARLIER.search(normalise(said)) for said in earlier):
        return CrisisSignal(category="image_shared")
    return None
