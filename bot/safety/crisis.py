"""The deterministic crisis safety net: patterns that catch a child in danger now.

It runs beside the NLU classifier (see ``bot/nlu/safety_net.py``) so that the crisis
response never depends on a trained model alone. Patterns look for an active situation:
someone *is* blackmailing, a child *is going to* meet someone, a child *has gone*
missing. Questions about a subject ("what is sextortion?", "signs of grooming") are left
to ordinary guidance: the patterns are skipped when the message is framed as a general,
hypothetical, past or second-hand question (``bot.safety.framing``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, List, Optional, Pattern, Tuple

from bot.knowledge.schema import CRISIS_TOPICS
from bot.safety.concepts import crisis_by_concepts
from bot.safety.framing import framed_as_general, normalise, without_jests


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
# second-hand question (``bot.safety.framing``) with nothing happening now.
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
        r"grandad|grandpa|auntie|aunt|uncle)'?s)|run away(?! from (?!home)| to (?:his|her|their|my) )|runaway|running away(?! from (?!home)| to (?:his|her|their|my) )|ran off(?! to)|run off(?! to)|(?<!streaks )(?<!streak )(?<!messages )(?<!chats )(?<!photos )(?<!posts )(?<!account )(?<!all )(?<!videos )(?<!files )(?<!robux )(?<!items )(?<!money )(?<!stats )(?<!progress )(?<!coins )(?<!skins )(?<!levels )(?<!data )(?<!saves )(?<!history )(?<!contacts )(?<!followers )(?<!likes )(?<!apps )(?<!games )(?<!overnight )(?:disappeared(?! into)|vanished)|(?<!strangers )(?<!people )(?<!anyone )(?<!others )(?<!they )(?:can'?t|cant) find (?:my|our|him|her)|don'?t know where (?:he|she|they|my) (?:is|are|went)|dont know where (?:he|she|they|my)|no idea where (?:he|she|they|my) (?:is|are|went)|not answering (?:his|her|their) phone)\b",
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
        r"\b(?:met up|meet up|meetup|meeting up|hooked up(?! (?:\S+ ){0,2}(?:xbox|playstation|ps[345]|console|tv|telly|router|wi-?fi|switch|computer|laptop|pc|tablet|ipad|speaker|printer|camera|monitor|games?|internet|broadband)\b)|went to see|gone to see|visit(?:ing)? (?:him|her|them)|wants? (?:me|him|her|them) to come (?:out|outside|over)|outside (?:my|our|his|her) (?:house|home|school|door)|bus ticket|train ticket|plane ticket|booked \S+ (?:a )?(?:\S+ )?ticket|pick (?:me|him|her|them) up|picking (?:me|him|her|them) up|snuck out|sneaked out|sneak out|took the (?:train|bus)|first time (?:later|tonight|today|tomorrow))\b",
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

_COMPILED: List[Tuple[str, Pattern[str]]] = [
    (category, re.compile(pattern)) for category, pattern in _IMAGE_RULES + _PATTERNS
]


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


# A school or club preparing its staff: "prepare staff for what to do if a child goes missing
# on a trip" plans for the worst; a parent asking it now is not.
_STAFF_PLANNING = re.compile(
    r"\b(?:prepare|train|brief|remind)\w* (?:our |the |my |all )?(?:staff|teachers|volunteers|coaches|"
    r"leaders|colleagues)|\b(?:policy|procedure|protocol|risk assessment)\b"
)


def detect_crisis(text: str) -> Optional[CrisisSignal]:
    """The first crisis signal in ``text``, or None when nothing signals danger now."""
    message = without_jests(normalise(text))
    general = framed_as_general(text)
    if _MISSING_CHILD_QUESTION.search(message) and not (
        general and _STAFF_PLANNING.search(message)
    ):
        return CrisisSignal(category="missing")
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
    # "a 14 year old girl's photo is going round a group chat right now"
    r"\b(?:(?:it'?s|its|it is|they'?re|they are|(?:the|a|an|her|his|their|\w+'s) (?:pic|photo|picture|video|"
    r"image|nude|selfie)s? (?:is|are))"
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
