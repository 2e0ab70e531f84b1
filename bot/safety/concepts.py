"""The crisis net's second layer: which dangers a message names, by the ideas it combines.

The phrase patterns in ``bot.safety.crisis`` catch the usual wordings; a frightened
parent often uses others ("a grown man in a game wants my boy to film himself with
nothing on"). Here each kind of crisis is a combination of ideas found anywhere in the
message — someone asking, something sexual, a child — each idea a word list. Word
order and the words in between do not matter, which is what makes it hold on wordings
nobody wrote a pattern for; the framing rules of ``bot.safety.crisis`` still turn away
worry, curiosity, news and past events.
"""

from __future__ import annotations

import re
from typing import Callable, List, Optional, Pattern, Tuple


def _words(*alternatives: str) -> Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


def _inner(pattern: Pattern[str]) -> str:
    """The alternatives of a ``_words`` pattern, to extend it."""
    return pattern.pattern[len(r"\b(?:") : -len(r")\b")]


CHILD = _words(
    r"sons?|daughters?|kids?|child|children|boys?|girls?|teens?|teenagers?|pupils?|students?",
    r"grandsons?|granddaughters?|grandkids?|grandchild\w*|nieces?|nephews?|step(?:son|daughter|kid)s?",
    r"foster (?:child|son|daughter|kid)|(?:little|younger|big|older|baby) (?:sister|brother)",
    r"year \d{1,2}|yr \d{1,2}|\d{1,2} ?(?:yo|y/o|yrs?|years?)(?: old)?|\d{1,2}yo",
    r"\d{1,2}-(?:year|yr)s?-olds?",
    r"(?:he|she)(?:'s| is) (?:only |just )?\d{1,2}|\(\d{1,2}\)",
    # "my lad is 13", a youth leader's "our cubs"
    r"(?:my|our) (?:lad|lass|wee one)|(?:lad|lass) is \d{1,2}|(?:our|the|my) (?:cubs|scouts|brownies|beavers)",
)
# Sexual, in any register. The broad list is for requests (asking a child for pictures in
# her underwear is abuse); the strict one for images shared (a swimsuit photo is not).
SEXUAL_STRICT = _words(
    r"nudes?|nudez|noods?|naked|nude|topless|undress\w*|sexual\w*(?! (?:health|education|orientation|"
    r"identity))|sexy|explicit|porn\w*",
    r"nsfw|intimate|private parts|privates|genitals?|penis|dick|willy|boobs|breasts?",
    r"without (?:a |any |her |his |their )?(?:dress|clothes|clothing|top|shirt|pyjamas|pjs|trousers|"
    r"pants|shorts|underwear|knickers|boxers|bra)|(?:his|her|their|your) (?:bits|privates)",
    r"no clothes|without (?:any )?clothes|nothing on|clothes off|spicy|lewd|masturbat\w*",
    r"no (?:top|shirt|t-shirt|trousers|bottoms|pants|underwear) on",
    r"rude (?:pics?|photos?|pictures?|videos?|images?)",
    # Indian English: a "morphed" photo is doctored, usually into a sexual one
    r"obscene|vulgar|dirty (?:pics?|photos?|pictures?|videos?|images?)|morphed",
    r"(?:private|special|inappropriate|compromising|revealing) (?:pics?|photos?|pictures?|"
    r"images?|videos?|vids?|stuff|things|content)",
    r"deep ?fakes?|nudif\w+|undressing app|fake nudes?|ai nudes?|unclothed|without clothing",
    r"(?:top|shirt|t-shirt|trousers|pants|clothes|bra|underwear|knickers) off|adult content|xxx",
    r"onlyfans|sex acts?|touch(?:ing)? (?:him|her|them)sel\w*|down there|body parts",
    # a parent's euphemism: "pictures she should never have taken"
    r"(?:pics?|pictures?|photos?|images?|videos?|vids?|selfies?) (?:that )?(?:she|he|they|my \S+) "
    r"(?:should(?:n'?t| not| never)|shouldn'?t) (?:have |'ve )?(?:taken|sent|made|shared)",
)
SEXUAL_BROAD = _words(
    _inner(SEXUAL_STRICT),
    r"underwear|knickers|bra|bikini|undies|pants down|sex(?! ed\b| education)|sexting|sexts?|(?:her|his) body|"
    r"less clothes|fewer clothes|swimsuits?|swimwear|bum|butt|bottom|hot (?:pics|photos|pictures)|naughty|kiss\w*|in the (?:bath|shower)",
    # "show what's under his hoodie on camera"
    r"(?:what'?s|what is) under (?:his|her|their|your) \w+|under (?:his|her|their|your) (?:clothes|"
    r"clothing|top|hoodie|shirt|t-shirt|jumper|dress|skirt|pyjamas|pjs|uniform)",
)
# Going live, said of a child or an app: part of RECORDED (filmed) and of LIVE (a stream).
_GOING_LIVE = r"(?:go|goes|going|gone|went) live|(?:instagram|tiktok|facebook|youtube|twitch|kick|bigo|yubo) live"
IMAGE = _words(
    r"pics?|pix|pictures?|photos?|fotos?|images?|videos?|vids?|selfies?|snaps?|clips?|footage|shots",
    r"recordings?|webcam|cam|camera|video ?calls?|facetime|streams?|screenshots?",
)
REQUEST = _words(
    r"ask\w*|askin|wants?|wanted|wanting|demand\w*|beg\w*|pressur\w*|told|tells?|telling",
    r"request\w*|persuad\w*|convinc\w*|offer\w*|pay\w*|paid|bribe\w*|dare\w*|groom\w*",
    r"(?:make|made|get|got|getting) (?:him|her|them|my \S+) to|keeps? (?:on )?(?:asking|messaging)",
    r"push\w*|encourag\w*|invit\w*|suggest\w*|tr(?:y|ies|ying|ied) to get|talked (?:him|her) into",
    r"challeng\w*|instruct\w*|order\w*|coax\w*|sweet ?talk\w*|manipulat\w*",
)
SENT_TO = _words(r"sent|sends|sending|showed|shows|showing|dm'?d|dmed|messaged|airdropped")
ADULT = _words(
    r"man|men|guy|guys|adult|adults|stranger|strangers|older|grown|someone|somebody|some1",
    r"person|account|creep|predator|pervert|perv|paedo\w*|pedo\w*|teacher|coach|tutor|uncle",
    r"step ?dad|neighbou?r|user|player|gamer|profile|\d{2} ?(?:yo|year old|yr old)",
    r"lad|bloke|dude|fella|woman|lady|grown-?ups?|much older|catfish\w*|fake (?:profile|account)",
    r"admins?|moderators?|(?:is|he'?s|she'?s|aged) (?:1[89]|[2-6]\d)(?! ?(?:min|hour|%|\d))",
    r"(?:a|an|the|this|some) (?:\S+ )?(?:boy|girl) (?:claiming|pretending|who says|saying)",
    r"in (?:his|her|their) (?:20s|30s|40s|50s|twenties|thirties|forties|fifties)",
)
SHARED = _words(
    r"shar\w+|post(?:ed|ing|s)?|upload\w*|spread\w*|leak\w*|circulat\w*|forward\w*|airdrop\w*|publish\w*",
    r"repost\w*|(?:going|gone|pass(?:ed|ing)|sent|sending) (?:a)?round|group ?chats?",
    r"(?:whatsapp|class|school|year|snapchat|telegram|facebook) groups?",
    r"whole (?:of )?(?:the )?(?:school|class|year)|everyone|everybody|all over|everywhere|website|server",
    # "is on an Instagram page, many people comment"
    r"on (?:an?|the|some) (?:\S+ )?(?:page|account|website|site|channel)|people (?:are )?comment\w*",
)
THREAT = _words(
    r"threat\w*|unless|or else|or (?:they|he|she|it)(?:'ll| will| post\w*| send\w*| shar\w*)",
    r"if (?:she|he|they|we|i) (?:doesn'?t|don'?t|does not|do not|won'?t|refuses?)",
    r"if (?:she|he|they|we|i) (?:blocks?|tells?|ignores?|stops?|reports?|deletes?)",
    r"or (?:they'?d|they would|he'?d|she'?d) ",
    r"ruin|expose|exposing|destroy",
    r"or (?:they|he|she|it) publish\w*",
)
EXTORTION = _words(r"bl[ae]ck ?ma[il]+\w*|blakmail\w*|extort\w*|sextort\w*|ransom")
MONEY = _words(
    r"money|cash|pay|paid|paying|payment|bitcoin|btc|crypto|gift ?cards?|itunes|steam cards?",
    r"paypal|venmo|cash ?app|robux|v-?bucks|dollars|pounds|euros|quid|bucks",
    r"\$\s?\d+|£\s?\d+|€\s?\d+",
)
RECORDED = _words(
    r"film\w*|record\w*|stream\w*|videoed|live ?-?stre?a?m\w*|photograph\w*|shot (?:through|from under|"
    r"under|over|in|inside)|(?:take|takes|taking|took|"
    r"taken) (?:\S+ )?(?:pics|photos|pictures|videos|footage)|hidden cam\w*|nanny ?cam\w*",
    r"(?:held|holding|holds|pointing|pointed|aiming|aimed) (?:a |his |her |their )?(?:phone|camera)s? "
    r"(?:low|down|under|over|through|up|at|towards|into)",
    _GOING_LIVE,
    r"on (?:a |the )?(?:\S+ )?live(?: ?stream)?\b",
    r"(?:put|puts|placed|hid|hidden|installed|set up) (?:a |an )?(?:\S+ )?(?:camera|cam)",
    r"(?:pics|photos|pictures|videos|footage)\b(?: \S+){0,14} taken without",
    # the light that shows a phone or camera is recording
    r"red light (?:is |was |comes )?on|(?:see|saw|seen|sees|noticed) the red light|recording light",
)
IN_SECRET = _words(
    r"secret\w*|hidden|hide|hid|without (?:her|his|their|them|my|our|us|me|you|anyone) (?:knowing|"
    r"knowledge|consent|permission)|without knowing|unaware|upskirt\w*|creepshot\w*|"
    r"(?:up|under) (?:\S+ ){0,4}skirts?",
    # spyware: "her ex installed an app that films her through her own phone camera"
    r"spy ?ware|stalker ?ware|install\w* (?:an? |some )?(?:app|software|tracker|program)|"
    r"through (?:her|his|their) (?:own )?(?:phone|laptop|webcam|camera|tablet)",
    r"(?:didn'?t|doesn'?t|did not|does not) know (?:she|he|they) (?:was|were|is|are) being",
    r"peeping|nanny ?cam\w*|through (?:her|his|their|the) (?:bedroom |bathroom )?window",
    r"through (?:a|the) (?:\S+ )?(?:gap|hole|crack|keyhole)",
    r"(?:didn'?t|did not|didnt|doesn'?t|does not) (?:realise|realize|notice)|still live",
)
PRIVATE_PLACE = _words(
    r"bath|baths|bathroom|showers?|changing (?:rooms?|areas?)|toilets?|getting (?:changed|"
    r"dressed|undressed)|bedroom|beds|cots?|asleep|sleeping|napping|nap ?time|undress\w*|naked|sleepover|tents?|"
    r"hot tub",
    r"(?:she|he|they) (?:changed|was changing|were changing|got changed|showered|bathed)",
    r"(?:her|him|them) (?:changing|undressing|getting changed|showering|bathing)",
    # "the room where the girls change", "kids changing in the background"
    r"where (?:the )?(?:girls|boys|kids|children|pupils|they|she|he) (?:change|get changed|undress|shower)",
    r"(?:kids|children|girls|boys|pupils) (?:changing|getting changed|undressing|showering)",
    r"toilets?|washrooms?|locker ?rooms?|restrooms?|dressing ?rooms?",
    r"(?:pe|gym|swimming|swim) chang\w*|changing for (?:pe|gym|swimming|games)",
    r"(?:when|while|as) (?:they|the (?:boys|girls|kids|children|pupils)|she|he) (?:change|get changed|"
    r"undress|are changing|were changing|shower)",
)
ANOTHER_PERSON = _words(
    _inner(ADULT),
    r"babysitter|nanny|childminder|dad|father|mum'?s (?:boyfriend|partner)|partner|husband|ex",
    r"relative|photographer|leader|instructor|cousin|grandad|grandpa|visitors?",
    r"assistants?|ta|staff|caretaker|cleaner|volunteer|driver|lodger|carer|worker|janitor",
    r"another (?:pupil|student|child|kid|boy|girl)|classmates?|boys|girls|(?:other|older) (?:kids|children|pupils|students)",
)
MEETING = _words(
    r"meet\w*|met up|hook ?up|come over|visit\w*|pick (?:her|him|them)(?: up)?|picking (?:her|him|them)(?: up)?",
    r"uber|taxi|cab|train|bus|flights?|tickets?|hotel|run ?away|ran away|runaway",
    r"gone to (?:see|meet)|went to (?:see|meet)|go(?:es|ing)? to (?:see|meet)|snuck out|sneak\w* out|"
    r"in (?:a |his |her |their )?car",
    r"(?:is|are|'s) (?:now )?(?:in|at) (?:a |the )?(?:\S+ ){0,2}\S+ with (?:a |an |the |this )?(?:person|man|guy|stranger|"
    r"someone|adult|woman|grown man)|(?:getting|being|get|gets) picked up",
    r"not (?:come|came) home|hasn'?t come home|(?:his|her|their) (?:place|house|flat)|address",
)
ONLINE = _words(
    r"online|internet|app|apps|game|games|gaming|chat|chatting|dms?|messag\w*|snap\w*|insta\w*|cyber\w*",
    r"discord|roblox|fortnite|minecraft|tiktok|whatsapp|kik|telegram|omegle|wizz|yubo|facebook",
    r"xbox|playstation|twitch|youtube|reddit|grindr|tinder|stranger|strangers|never met|gamers?",
    r"met (?:him|her|them|on)|(?:he|she) met|from (?:a|the) game|profile",
    r"servers?|clan|guild|lobby|group ?chats?|streams?|streamer|followers?",
    r"free ?fire|pubg|among us|call of duty|cod|valorant|genshin|brawl stars|fifa|gta|rec room|vrchat",
)
SOON = _words(
    r"now|right now|rn|tonight|today|tomorrow|this (?:weekend|evening|afternoon|morning)",
    r"on (?:his|her|their|my) way|monday|tuesday|wednesday|thursday|friday|saturday|sunday",
    r"next week|later|already|has gone|has left|left|hours?|booked|bought|planned|arranged",
    r"going to|gonna|about to|after school",
    # "at the station at 3. It's twenty to."
    r"at \d{1,2}(?:[:.]\d\d)?(?: ?[ap]m)?|\d{1,2}(?:[:.]\d\d)? ?[ap]m|o'?clock|half past|quarter (?:to|past)|"
    r"(?:twenty|ten|five) (?:to|past)|in (?:an|half an|\d+) (?:hours?|minutes?|mins?)",
)
ABUSE_MATERIAL = _words(
    r"csam|cp|child (?:porn\w*|abuse (?:images?|material|videos?|pics|pictures|photos|content)|"
    r"sexual \w+)|indecent (?:images?|photos?|pictures?|pics|videos?|material)|underage (?:porn\w*|pics?|images?|videos?|nudes?)",
)
IMAGES_OF_YOUNG = re.compile(
    r"\b(?:pics?|pictures?|photos?|images?|videos?|vids?|content|stuff|files?)\s+(?:on\s+it\s+)?of\s+"
    r"(?:what\s+looks\s+like\s+)?(?:\S+\s+){0,3}"
    r"(?:children|kids|child|younger|little|small|toddlers?|babies|baby|underage|minors?|"
    r"preteens?|\d{1,2} ?(?:yo|year olds?)|(?:young|little|small) (?:girls?|boys?))\b"
)
FOUND = _words(
    r"found|finding|came across|discovered|saw|seen|download\w*|link\w*|selling|sell\w*|trad\w*",
    r"swap\w*|buy\w*|bought|folders?|files?|see|sees|seeing|laptops?|computers?|hard ?drives?|usb|"
    r"memory sticks?|tablets?|ipads?|devices?|phones?|camera rolls?|galler(?:y|ies)|"
    r"on (?:his|her|their|my) (?:phone|laptop|computer|pc|"
    r"tablet|ipad|device|drive)",
)


def _solicitation(text: str) -> bool:
    return bool(
        SEXUAL_BROAD.search(text)
        and ADULT.search(text)
        and CHILD.search(text)
        and (REQUEST.search(text) or SENT_TO.search(text))
    )


# An adult, said outright, asking a child for pictures: "a 30 year old guy keeps asking my
# 12yo for pics". No sexual word is needed; the ask itself is how grooming starts.
PLAIN_ADULT = _words(
    r"man|men|guy|guys|adult|adults|grown (?:man|men|up)|grown-?up|bloke|creep|predator|pervert",
    r"perv|paedo\w*|pedo\w*|(?:1[89]|[2-6]\d) ?(?:yo|y/o|year old|yr old|years old)",
)
ASKS_FOR_PICTURES = _words(
    r"(?:ask\w*|begg\w*|pester\w*|pressur\w*|nagg\w*|wants?|wanting) (?:\S+ ){0,6}for (?:\S+ )?"
    r"(?:pics?|pix|photos?|pictures?|selfies?|snaps?|videos?|vids?)",
)


def _adult_asks_child_for_pictures(text: str) -> bool:
    return bool(PLAIN_ADULT.search(text) and CHILD.search(text) and ASKS_FOR_PICTURES.search(text))


# Pictures of a child half-dressed, asked for by anyone: "a 'coach' on his server asked my 12
# year old for photos in just his boxers". Whoever asks, and whatever reason they give.
UNDRESSED = _words(
    r"boxers|underwear|undies|pants|knickers|bra|bikini|swimsuit|swimming costume|shirtless",
    r"topless|in (?:the )?(?:bath|shower)|in bed|nothing on|no clothes|without clothes",
)


def _asks_child_for_undressed_pictures(text: str) -> bool:
    return bool(CHILD.search(text) and ASKS_FOR_PICTURES.search(text) and UNDRESSED.search(text))


# A home camera whose picture reaches strangers: "our indoor camera is streaming on some
# public website, you can see my daughter's bedroom".
CAMERA = _words(r"cameras?|cams?|webcams?|baby ?monitors?|cctv|nanny ?cams?|security cam\w*")
EXPOSED = _words(
    r"website|site|public|online|internet|strangers?|someone|hacked|hack\w*|anyone can see"
)


# "the baby monitor is showing up on a public feed", "someone talks to her through it"
CAMERA_FEED = _words(
    r"(?:live |public |video |camera )?feeds?|talk\w* (?:to (?:her|him|them) )?through (?:it|the "
    r"(?:speaker|monitor|camera))",
    # "someone hacked our baby monitor and was talking to my toddler"
    r"(?:talk\w*|spoke|speak\w*|whisper\w*|sing\w*) to (?:my|our|her|his|the) \S+",
)
# Children too young to be named by the usual words, whom a camera watches.
YOUNG_CHILD = _words(r"toddlers?|bab(?:y|ies)|little ones?|infants?|newborn|nursery")


def _camera_exposed(text: str) -> bool:
    return bool(
        CAMERA.search(text)
        and (RECORDED.search(text) or CAMERA_FEED.search(text))
        and EXPOSED.search(text)
        and (CHILD.search(text) or YOUNG_CHILD.search(text))
    )


# Money demanded, or else something goes to the child's family or friends: "wants steam gift
# cards from my son otherwise they send 'everything' to his mum". What is held need not be named.
OR_ELSE = _words(
    r"otherwise|or else|or (?:they|he|she|it)(?:'ll| will| would|'d)",
    r"unless|if (?:he|she|they|i|we) (?:doesn'?t|don'?t|does not|do not|won'?t) pay",
)
SEND_TO_PEOPLE = _words(
    r"(?:send|sends|sending|post|posts|posting|share|shares|sharing|show|shows|showing|tell|tells|"
    r"leak|leaks)\b(?:[^.]{0,40}\b)(?:to |with )?(?:his|her|their|my|your) (?:mum|mom|dad|parents|"
    r"family|friends|school|teachers?|followers|contacts|class)|(?:everyone|everybody|the whole "
    r"(?:school|class|family))",
)


def _money_or_else(text: str) -> bool:
    return bool(
        MONEY.search(text)
        and REQUEST.search(text)
        and OR_ELSE.search(text)
        and SEND_TO_PEOPLE.search(text)
        and CHILD.search(text)
    )


def _sextortion(text: str) -> bool:
    image = IMAGE.search(text) or SEXUAL_STRICT.search(text)
    if not image:
        return False
    if EXTORTION.search(text):
        return True
    return bool(
        (THREAT.search(text) and (SEXUAL_STRICT.search(text) or MONEY.search(text)))
        or (THREAT.search(text) and SHARED.search(text) and CHILD.search(text))
        or (MONEY.search(text) and SHARED.search(text) and REQUEST.search(text))
    )


# The crime named, and money asked for: "sextortion on snapchat, son 15, they keep asking
# for money". Named alone it is as often a question about the crime.
SEXTORTION_NAMED = _words(r"sextort\w*")


def _sextortion_named(text: str) -> bool:
    return bool(
        SEXTORTION_NAMED.search(text)
        and CHILD.search(text)
        and MONEY.search(text)
        and REQUEST.search(text)
    )


# Someone holds a child's pictures and uses them: "the man who has his pictures told him his
# life is over". What the pictures show need not be said: holding them over him is the threat.
HOLDS_PICTURES = _words(
    r"(?:has|have|had|got|holding|keeps?|kept) (?:got )?(?:his|her|their|my \S+'?s?) (?:pics?|pictures?|"
    r"photos?|images?|videos?|vids?|nudes?|snaps?)",
)
LIFE_OVER = _words(
    r"life (?:is|'s|will be|would be) (?:over|ruined|finished)|ruin (?:his|her|their) life"
)


def _pictures_held_over_child(text: str) -> bool:
    return bool(
        HOLDS_PICTURES.search(text)
        and (THREAT.search(text) or LIFE_OVER.search(text))
        and CHILD.search(text)
    )


NUDE_IMAGE = _words(r"nudes?|nudez|noods?|deep ?fakes?|fake nudes?|ai nudes?")


def _image_shared(text: str) -> bool:
    image = NUDE_IMAGE.search(text) or (SEXUAL_STRICT.search(text) and IMAGE.search(text))
    return bool(image and SHARED.search(text) and CHILD.search(text))


# A picture a child sent one person, now screenshotted or put up for all to see: "a girl he
# was messaging screenshotted a pic he sent and it's been put up on tiktok with his name".
# What a teenager sends privately and is then exposed for is, in practice, an intimate one.
SENT_PRIVATELY = _words(
    r"(?:pics?|pictures?|photos?|images?|videos?|vids?|snaps?|selfies?) (?:that )?(?:he|she|they|"
    r"my \S+) (?:had )?sent(?! (?:to )?(?:the |a |his |her |their )?(?:family|group|class|team))",
    r"(?:sent|send|shared) (?:a |an |some |the |her |his |their )?(?:pics?|pictures?|photos?|images?|"
    r"videos?|vids?|snaps?|selfies?) (?:of (?:her|him|them)sel\w* )?to (?:a |an |the |her |his |their |"
    r"this |some )?(?:boy|girl|guy|man|lad|someone|somebody|boyfriend|girlfriend|bf|gf|ex|crush)\b",
    # "'the picture'... the one she sent a boy last week"
    r"(?:the )?one (?:that )?(?:she|he|they) sent (?:to )?(?:a|the|her|his|their|this|some) (?:boy|girl|"
    r"guy|lad|boyfriend|girlfriend|bf|gf|ex|crush)\b",
)
EXPOSED_PUBLICLY = _words(
    r"screenshot\w*|screen-?shot\w*|screen ?grabb?\w*|(?:been |was |got |is )put (?:up )?"
    r"(?:on|online)|with (?:his|her|their) (?:full )?name",
    r"now (?:it|they|the \w+)(?:'s|'re| is| are) (?:on|up|all over|everywhere|going round)|"
    r"comment\w* (?:on|under) (?:it|them)",
    r"(?:everyone|everybody|the whole (?:of )?(?:the )?(?:school|class|year)|all (?:of )?(?:her|his|their) "
    r"(?:class|year))"
    r"(?: \S+){0,3} (?:has|have|had) (?:now |already )?seen",
)


def _private_picture_exposed(text: str) -> bool:
    return bool(
        SENT_PRIVATELY.search(text)
        and EXPOSED_PUBLICLY.search(text)
        and (SHARED.search(text) or ONLINE.search(text))
        and CHILD.search(text)
    )


FILMED_IN_PRIVATE = re.compile(
    r"\b(?:filmed|recorded|photographed|videoed|snapped)(?! (?:himself|herself|themselves|"
    r"myself))(?: \S+){0,3} (?:in|inside) (?:the |a |his |her |their )?(?:school |gym |pool )?"
    r"(?:toilets?|bathrooms?|showers?|changing (?:rooms?|areas?|cubicles?)|locker ?rooms?|"
    r"washrooms?|restrooms?|loos?)\b"
)


DEVICE_RECORDING = re.compile(
    r"\b(?:phone|camera|cam|device|ipad|tablet|gopro)s? (?:\S+ ){0,3}(?:recording|filming)\b|"
    r"\b(?:recording|filming) (?:phone|camera|device)s?\b"
)


# A recording device hidden where children undress: "a phone taped under the sink in the
# girls' toilets", "a camera tucked in the changing room vent". Recording need not be said.
DEVICE_HIDDEN = re.compile(
    r"\b(?:phone|camera|cam|device|ipad|tablet|gopro|lens|recorder)s? (?:\S+ ){0,3}(?:taped|"
    r"hidden|hid|concealed|stuck|planted|tucked|propped|set up|placed|disguised|left recording)\b|"
    r"\b(?:taped|hidden|concealed|planted|tucked|disguised) (?:\S+ ){0,2}(?:phone|camera|cam|lens)s?\b|"
    r"\b(?:found|discovered|spotted|noticed) (?:a |an |some )?(?:\S+ ){0,3}(?:camera|cam|webcam|lens|"
    r"recording device|recorder)s? (?:in|inside|under|behind)\b"
)


# A lens where no lens should be: "the smoke alarm in her room has a lens in it", "a USB
# charger with a pinhole camera". Where it is hidden says what it is for.
DISGUISED_CAMERA = re.compile(
    r"\b(?:smoke (?:alarm|detector)|clock|charger|plug|adapter|air freshener|vent|mirror|light fitting|"
    r"bulb|teddy|toy|hook|usb|socket|picture frame|tissue box|hair ?dryer|shower head|towel rail|"
    r"extractor fan|speaker|alarm clock|photo frame|power bank|lamp)s? (?:\S+ ){0,12}(?:has|had|with|there'?s|is) "
    r"(?:a |an )?(?:tiny |small |little |hidden )?(?:lens|pinhole|camera|cam)\b|"
    r"\b(?:lens|pinhole camera|camera|cam) (?:\S+ ){0,2}(?:in|inside|behind|built into) (?:the |a |an )?"
    r"(?:smoke (?:alarm|detector)|clock|charger|plug|adapter|air freshener|vent|mirror|light fitting|bulb|"
    r"teddy|toy|hook|socket|picture frame|tissue box)s?\b|\bpinhole (?:camera|cam|lens)\b"
)


def _disguised_camera(text: str) -> bool:
    return bool(DISGUISED_CAMERA.search(text) and CHILD.search(text))


# Children half-dressed, filmed or streamed by someone: "a man is streaming our splash pad on
# Twitch, kids in swimsuits". A parent filming their own children has no such someone.
CHILDREN_UNDRESSED = _words(
    r"(?:kids|children|girls|boys|little ones|toddlers) (?:\S+ ){0,2}(?:in (?:their )?)?(?:swimsuits|"
    r"swimwear|swimming costumes|bikinis|underwear|pyjamas|pjs|nappies)|(?:kids|children|girls|boys) "
    r"(?:\S+ ){0,2}(?:naked|undressed|half[- ]dressed|changing)",
)


def _children_undressed_filmed(text: str) -> bool:
    return bool(
        CHILDREN_UNDRESSED.search(text) and RECORDED.search(text) and PLAIN_ADULT.search(text)
    )


def _device_hidden_in_private_place(text: str) -> bool:
    return bool(DEVICE_HIDDEN.search(text) and PRIVATE_PLACE.search(text) and CHILD.search(text))


# A hidden device seen recording where a child is: "a phone taped under the table in the kids'
# corner and it's recording. My 4 y/o was sitting right there."
RECORDING_NOW = _words(
    r"(?:it'?s|is|was|still) (?:\S+ )?(?:recording|filming|streaming|on)|red light"
)


def _hidden_device_recording_near_child(text: str) -> bool:
    return bool(
        DEVICE_HIDDEN.search(text)
        and RECORDING_NOW.search(text)
        and (CHILD.search(text) or YOUNG_CHILD.search(text))
    )


# A camera in a child's room that the family did not put there: "camera in her room. not ours."
CAMERA_IN_CHILDS_ROOM = _words(
    r"(?:camera|cam|webcam|lens)s? (?:\S+ ){0,2}(?:in|inside) (?:her|his|their|the kids'?|the children'?s) "
    r"(?:bed)?rooms?",
)
NOT_OURS = _words(
    r"not (?:ours|mine|ours either)|(?:we|i) (?:didn'?t|did not|never) (?:put|install|buy|set up|fit)"
)


# A camera found aimed where children sleep, wash or change: "found a camera facing the bunk
# beds where my kids sleep".
CAMERA_AIMED_AT_CHILDREN = _words(
    r"(?:camera|cam|webcam|lens)s? (?:\S+ ){0,5}(?:facing|pointed at|pointing at|aimed at|looking at|"
    r"looking into|angled at|directed (?:to|at|towards|into)|pointed (?:to|towards|into)|facing (?:to|towards)) "
    r"(?:the |their |her |his )?(?:(?:kids|children|girls|boys)'?s?'? )?(?:bunk ?beds?|beds?|cots?|showers?|bath|baths|"
    r"bathtub|toilets?|changing (?:area|room)|bedroom)",
)


def _camera_aimed_where_children_sleep(text: str) -> bool:
    return bool(
        CAMERA_AIMED_AT_CHILDREN.search(text) and (CHILD.search(text) or YOUNG_CHILD.search(text))
    )


# Camera glasses are made to film unnoticed: "a sixth former is using smart glasses to film
# year 7 girls on the stairs".
CAMERA_GLASSES = _words(r"(?:smart|spy|camera|video|meta|ray-?ban) glasses")


def _filmed_with_camera_glasses(text: str) -> bool:
    return bool(CAMERA_GLASSES.search(text) and RECORDED.search(text) and CHILD.search(text))


def _strange_camera_in_childs_room(text: str) -> bool:
    return bool(CAMERA_IN_CHILDS_ROOM.search(text) and NOT_OURS.search(text) and CHILD.search(text))


# Someone filming or streaming a child against the parent's will, now: "someone is livestreaming
# my kid in the park on facebook live and saying things about her".
FILMING_CHILD_NOW = _words(
    r"(?:someone|somebody|some1|a (?:man|guy|stranger|woman|bloke)|some (?:man|guy|bloke|woman)|"
    r"a stranger|this (?:man|guy|woman)) (?:is|'s|keeps?|are) (?:still )?(?:filming|recording|"
    r"live ?-?stre?a?m\w*|streaming|photographing|taking (?:photos|pictures|pics|videos) of) "
    r"(?:my|our|the) (?:\S+ )?(?:kids?|child|children|son|daughter|boy|girl|toddler|baby|little one)",
)


# "there's a man in the park taking pictures of the kids on the splash pad, he's still here"
STRANGER_PHOTOGRAPHING_CHILDREN = _words(
    r"(?:there'?s|there is|a|some) (?:a |an )?(?:man|guy|bloke|stranger|woman|creep) (?:\S+ ){0,4}"
    r"(?:filming|recording|taking (?:photos|pictures|pics|videos) of|photographing|live ?-?stre?a?m\w*) "
    r"(?:the|my|our|all the|some) (?:\S+ )?(?:kids|children|girls|boys|toddlers|little ones)",
)
STILL_THERE = _words(r"still (?:here|there|at it|doing it|filming|going)|right now|just now")


# A stranger's live stream turned on children, now: "a stranger's TikTok live showing our school
# playground, he's zooming in on kids. It's live right now".
STREAM_ON_CHILDREN = _words(
    r"(?:zoom\w* (?:in )?on|(?:point|aim)\w* (?:(?:his|her|their|a|the) (?:phone|camera) )?at|showing|"
    r"filming) (?:\S+ ){0,3}(?:kids|children|pupils|girls|boys|little ones|(?:school )?playground|"
    r"school ?gates?|splash pad)",
)
STRANGER = _words(
    r"strangers?(?:'s)?|some(?:one|body)(?:'s)?|some (?:man|guy|bloke|woman)|an? (?:man|guy|bloke|woman)"
    r"(?:'s)?|creep",
)


def _stranger_streaming_children(text: str) -> bool:
    return bool(
        LIVE.search(text)
        and STREAM_ON_CHILDREN.search(text)
        and STRANGER.search(text)
        and STILL_THERE.search(text)
    )


def _stranger_filming_child(text: str) -> bool:
    return bool(
        FILMING_CHILD_NOW.search(text)
        or (STRANGER_PHOTOGRAPHING_CHILDREN.search(text) and STILL_THERE.search(text))
    )


# An adult steering a child on a live stream, for gifts or on dares: "an adult is directing my
# 13 year old on a kick live, telling her what to do for 'gifts'".
LIVE = _words(
    r"live ?-?stream\w*|(?:is|on) live|(?:a|the|her|his) live\b",
    _GOING_LIVE,
)
DIRECTED = _words(
    r"direct\w*|tell\w* (?:her|him|them) (?:what|how) to|for (?:'?gifts|'?tips|coins|diamonds|"
    r"roses|tokens|gifts)|dares? (?:her|him|them)|instruct\w*|orders? (?:her|him|them)",
)


def _directed_on_stream(text: str) -> bool:
    return bool(
        LIVE.search(text) and DIRECTED.search(text) and ADULT.search(text) and CHILD.search(text)
    )


def _covert_recording(text: str) -> bool:
    if not (RECORDED.search(text) and CHILD.search(text)):
        return False
    secret = IN_SECRET.search(text)
    # Filmed in a private place and now online or handed round: "son filmed in school
    # toilets, it's on tiktok". Filming oneself there ("filmed himself in the bathroom
    # singing") is not covert.
    filmed_there_and_out = FILMED_IN_PRIVATE.search(text) and (
        SHARED.search(text) or ONLINE.search(text)
    )
    # "a phone propped up recording in the room where the kids change"
    device_there = PRIVATE_PLACE.search(text) and DEVICE_RECORDING.search(text)
    return bool(
        secret
        or (PRIVATE_PLACE.search(text) and ANOTHER_PERSON.search(text))
        or filmed_there_and_out
        or device_there
    )


# "the friend is 22": an adult's age said outright.
ADULT_AGE = _words(r"(?:is|he's|she's|they're|aged|age) (?:1[89]|[2-6]\d)(?! ?(?:min|hour|%))")


def _meeting(text: str) -> bool:
    # The child may be "him" in a conversation about him, when the other side is plainly adult.
    young = CHILD.search(text) or (
        CHILD_OR_PRONOUN.search(text) and (ADULT_AGE.search(text) or SECRECY.search(text))
    )
    return bool(MEETING.search(text) and ONLINE.search(text) and SOON.search(text) and young)


# A child gone, or out of reach, while an online contact is in the picture.
MISSING_NOW = _words(
    r"(?:(?:is|has gone|gone|went|now) missing|(?<=')s missing)(?! out)|hasn'?t come home",
    r"not come home",
    r"never (?:came|arrived|turned up|showed up|got there)|(?:phone|mobile) (?:is )?(?:off|dead|goes "
    # not "taking the phone off her" (away from her) or "phone off at night" (a house rule)
    r"(?:straight )?to voicemail)(?! (?:her|him|them|at night|at bedtime|overnight|during))|can'?t (?:find|reach|get hold of) (?:her|him|them)",
    r"turned (?:her|his|their) location off|(?:kid|child|son|daughter|girl|boy|teen) (?:is )?missing(?! out)",
    r"(?:not|n'?t|never) (?:\S+ )?answer(?:ing|s)? (?:(?:his|her|their|the|my) )?(?:phone|mobile|calls?)",
    # "has been gone since 4, his location is at a hotel in town"
    r"(?:has|have|'s|'ve) been gone (?:since|for)|(?:location|phone) (?:is |shows (?:him|her|them) )?"
    r"(?:at|in) a hotel",
    # "location has been off for 3 hrs ... last message was to someone on yubo saying 'on my way'"
    r"location (?:has been |is |'s |was |went |has gone |gone )?(?:off|dark)(?: \S+){0,2} (?:for "
    r"(?:\d+|a few|two|three|four|five|an?) (?:hrs?|hours?|mins?|minutes)|since (?:\d|this|school|lunch))",
    r"(?:last|final) (?:message|text|snap|dm|msg) (?:\S+ ){0,8}'?on my way",
)
CHILD_OR_PRONOUN = _words(_inner(CHILD), r"she|he|she's|he's")


# What a groomer asks a child to hide: the secrecy is the red flag, whatever is asked for.
SECRECY = _words(
    r"(?:not|don'?t|never) (?:to )?tell (?:mum|mom|dad|your (?:mum|mom|dad|parents)|(?:her|his|their) "
    r"(?:mum|mom|dad|parents)|anyone|us)|keep (?:it|this|them) (?:a )?secret|our (?:little )?secret",
    r"(?:door|bedroom door) (?:shut|closed|locked)|(?:delet|wip|clear|eras)\w* (?:the|our|his|her|their|all (?:the|his|her|"
    r"their)) (?:messages|chats?|convos?|conversations?)",
)
CONTACT = _words(r"video ?calls?|facetime|call|pics?|photos?|pictures?|videos?|meet\w*|cam")


def _secret_contact(text: str) -> bool:
    return bool(
        SECRECY.search(text)
        and REQUEST.search(text)
        and CHILD.search(text)
        and (ADULT.search(text) or ONLINE.search(text))
        and CONTACT.search(text)
    )


# A dare that can kill, pressed on a child.
DEADLY_CHALLENGE = _words(r"(?:choking|blackout|pass ?out|fainting|skull ?breaker) challenge")


def _deadly_challenge(text: str) -> bool:
    # "challenge" is itself a request word: pressing is looked for in the rest of the text,
    # so pupils talking about a challenge they saw is not a child being dared.
    rest = DEADLY_CHALLENGE.sub(" ", text)
    pressed = THREAT.search(rest) or REQUEST.search(rest)
    return bool(DEADLY_CHALLENGE.search(text) and pressed and CHILD_OR_PRONOUN.search(text))


# Where the phone says the child is, far from where he said: "live location shows my son at a
# hotel 40 miles away. He told me he was at football."
LOCATION_SHOWN = _words(r"(?:live )?location|find my|snap ?map|life360|tracker|tracking app|airtag")
FAR_AWAY = _words(
    r"\d+ (?:miles|km|kilometres|kilometers) away|hotel|motel|another (?:town|city)|different "
    r"(?:town|city)|(?:a|some) (?:stranger'?s|man'?s|guy'?s) (?:house|flat|place)"
)
NOT_WHERE_SAID = _words(
    r"(?:told|tells|said to) (?:me|us) (?:he|she|they) (?:was|were|is|are) (?:at|in|with)|"
    r"(?:said|says) (?:he|she|they) (?:was|were|is|are) (?:at|in|with)|(?:supposed|meant) to be (?:at|in)|"
    r"thought (?:he|she|they) (?:was|were) (?:at|in|with)",
)


def _somewhere_else_than_said(text: str) -> bool:
    return bool(
        LOCATION_SHOWN.search(text)
        and FAR_AWAY.search(text)
        and NOT_WHERE_SAID.search(text)
        and CHILD.search(text)
    )


def _missing(text: str) -> bool:
    return bool(MISSING_NOW.search(text) and ONLINE.search(text) and CHILD_OR_PRONOUN.search(text))


# Gone out to see someone the parent does not know: "walked out saying she's meeting him. I
# don't know who he is". No word about the internet is needed: the parent does not know him.
GONE_OUT = _words(
    r"(?:walked|went|stormed|ran|snuck|sneaked|slipped) out|left the house|(?:has|'s) gone out",
)
SOMEONE_UNKNOWN = _words(
    r"(?:don'?t|do not|dont|no idea) (?:\S+ )?(?:know )?who (?:he|him|she|her|they|it|this \w+) (?:is|are)",
)


# Driven off by someone the family does not know: "got into a car outside training with
# someone none of us know".
INTO_A_CAR = _words(
    r"(?:got|get|gets|getting|climbed|jumped) (?:in|into) (?:a|an|the|his|her|their|some) (?:\S+ )?"
    r"(?:car|van|taxi|uber)|drove (?:off|away) with|(?:was |been |got )?picked (?:him|her|them) up",
)
NOBODY_KNOWS = _words(
    r"(?:someone|somebody|a man|a guy|a woman|a stranger|an adult) (?:none of us|nobody|no ?one|we "
    r"don'?t|i don'?t) (?:\S+ )?(?:know|knows|recogni[sz]ed?)",
    r"(?:don'?t|do not|dont|no idea) (?:\S+ )?(?:know )?who (?:he|him|she|her|they|it|this \w+) (?:is|are)",
)


def _driven_off_by_someone_unknown(text: str) -> bool:
    return bool(
        INTO_A_CAR.search(text) and NOBODY_KNOWS.search(text) and CHILD_OR_PRONOUN.search(text)
    )


def _gone_to_meet_someone_unknown(text: str) -> bool:
    return bool(
        GONE_OUT.search(text)
        and SOMEONE_UNKNOWN.search(text)
        and (MEETING.search(text) or re.search(r"\bsee (?:him|her|them)\b", text))
        and CHILD_OR_PRONOUN.search(text)
    )


# How a shaken parent names abuse images without the words: "real photos of young kids,
# very bad ones". Not "horrible" or "graphic", which parents use for violence.
UNSPEAKABLE = _words(
    r"(?:very |really |so )?(?:bad|illegal|indecent|abusive|disgusting|sick|vile|evil|wrong) "
    r"(?:ones|photos|pictures|pics|images|videos|vids|stuff|things|content|material)",
    r"of a sexual nature|sexually abus\w*|no ?one should (?:ever )?(?:see|have)|(?:i|we) won'?t go into "
    r"(?:it|details)",
    r"(?:clearly|obviously|definitely|plainly|showing|shows?|of|is|are|look|looks|looked) (?:like )?(?:child )?"
    r"(?:sexual )?abuse\b",
    r"(?:i )?can'?t (?:describe|bring myself to (?:describe|say))|too (?:awful|horrible|disgusting) to "
    r"(?:describe|say)",
)


# A hidden store of pictures of young children that an adult keeps: "found a folder on the
# family laptop with pictures of young children. I think it's my husband's."
HIDDEN_STORE = _words(
    r"folders?|hidden files?|hard ?drives?|usb|memory sticks?|secret (?:account|album|folder)s?|stash",
)
KEPT_BY_ADULT = _words(
    r"(?:my |her |his |our |the )?(?:husband|partner|boyfriend|ex|dad|stepdad|step-?father|father|"
    r"brother|uncle|grandad|lodger|neighbou?r|colleague|tutor|coach|teacher)'?s\b(?! (?:old )?(?:baby|"
    r"childhood|family) (?:photos|pictures))",
)
FAMILY_ALBUM = _words(
    r"(?:our|my|the family'?s?) (?:kids|children|baby|babies)|baby photos|when (?:they|we) were"
)


def _store_of_child_images(text: str) -> bool:
    return bool(
        HIDDEN_STORE.search(text)
        and IMAGES_OF_YOUNG.search(text)
        and KEPT_BY_ADULT.search(text)
        and FOUND.search(text)
        and not FAMILY_ALBUM.search(text)
    )


# A store of pictures of children said to look far younger than any teenager: "a folder of
# videos of young girls, some look 8 or 9". Whose store it is need not be said.
LOOK_YOUNG = _words(
    r"(?:look|looks|looking|look like|appear|appears|seem|seems) (?:about |like |to be |around |maybe |"
    r"only )?(?:[1-9]|1[0-2]|ten|eleven|twelve|nine|eight|seven|six|five)\b(?! ?(?:years? ago|am\b|pm\b|%))"
)


def _store_of_young_looking_children(text: str) -> bool:
    return bool(
        HIDDEN_STORE.search(text)
        and IMAGES_OF_YOUNG.search(text)
        and LOOK_YOUNG.search(text)
        and not FAMILY_ALBUM.search(text)
    )


# Pictures of children traded or sold: "a Discord server where people trade images of children".
TRADED = re.compile(
    r"\b(?:trade|trades|trading|traded|swap|swaps|swapping|sell|sells|selling|sold|buy|buying)\s+"
    r"(?:\S+\s+){0,2}(?:images?|pics?|pictures?|photos?|videos?|vids?|content|files?)\s+of\s+"
    r"(?:\S+\s+){0,2}(?:children|kids|minors|young|little|underage|girls|boys)\b"
)


def _abuse_material(text: str) -> bool:
    if ABUSE_MATERIAL.search(text) and FOUND.search(text):
        return True
    if TRADED.search(text):
        return True
    unspeakable = SEXUAL_STRICT.search(text) or UNSPEAKABLE.search(text)
    found_or_passed_on = FOUND.search(text) or SHARED.search(text)
    return bool(IMAGES_OF_YOUNG.search(text) and unspeakable and found_or_passed_on)


# Talk of wanting to die, without the words that are also taunts ("told him to kill
# himself" is bullying) or everyday ("cutting videos"): those stay with the patterns.
WANTS_TO_DIE = _words(
    r"suicid\w*|want(?:s)? to die|(?:will|going to|gonna|wanna) die|better off dead|no reason to live",
    r"don'?t want to (?:live|be alive|be here)|unalive|self[- ]?harm\w*|overdos\w*",
    # searched for: "how many paracetamol is too many", "painless ways to..."
    r"how many (?:paracetamol|pills|tablets|ibuprofen|sleeping pills)(?: \S+){0,3} (?:too many|to die|kill|lethal)",
    r"painless ways?|lethal dose|ways to (?:die|kill (?:my|him|her|them)sel\w*|end (?:it|my life))|"
    r"die painlessly",
    # a goodbye: "texted me saying sorry for everything", "a goodbye post"
    r"sorry for everything|(?:goodbye|farewell|suicide) (?:note|message|text|letter|post|video)s?|"
    r"(?:easier|better) (?:for everyone )?if (?:i'?m|i am|i was|i wasn'?t|i weren'?t) (?:not |n'?t )?"
    r"(?:here|around|alive|gone)|(?:not|won'?t be) here any ?more|disappear (?:forever|for good)|"
    r"can'?t (?:go on|do this any ?more|take (?:it|this) any ?more)",
    # the warning signs: "a goodbye in her notes app", "giving her things away", "searched 'how
    # many tablets'"
    r"(?:a |the )?goodbye (?:in|on) (?:her|his|their) (?:notes|phone|diary|story|journal)|"
    r"(?:wrote|written|left|writing) (?:a |us a |me a )?goodbye|"
    r"(?:giv\w*|gave) (?:all )?(?:her|his|their) (?:things|stuff|belongings|possessions|games|clothes) away|"
    r"(?:giv\w*|gave) away (?:all )?(?:of )?(?:her|his|their) (?:things|stuff|belongings|possessions|games|clothes)|"
    r"won'?t (?:need|be needing) (?:them|it|those|these|any of (?:it|them|this)) (?:any ?more|any longer)|"
    r"(?:saying|said|says) sorry to everyone|apologi[sz]\w* to everyone",
    r"(?:search\w*|googl\w*|looked up|look up) (?:for )?'?how many (?:paracetamol|pills|tablets|"
    r"ibuprofen|sleeping pills)",
    # a plan, a wish not to exist, pills put by: "she's just told me she has a plan", "how peaceful
    # it would be to not exist", "he's saved up his tablets"
    r"(?:has|have|had|made|got) a plan\b(?! (?:for|to (?:go|visit|meet|study|watch|play|buy|get)))",
    # "taking everything in the medicine box tonight"
    r"tonight(?:'s| is) the night|"
    r"(?:took|taken|swallowed|has taken|had) (?:a load of|loads of|lots of|a lot of|all (?:the|her|his|"
    r"my)|a (?:handful|bunch|pack|packet|box) of|too many|\d+) (?:paracetamol|pills|tablets|ibuprofen|"
    r"painkillers|sleeping pills|meds)",
    r"tak\w* (?:all|everything) (?:in|from) (?:the |her |his |our )?(?:medicine|pill|first aid|bathroom) "
    r"(?:box|cabinet|cupboard|drawer|tin)|(?:take|taking|took|swallow\w*) all (?:her|his|their|the|my) "
    r"(?:pills|tablets|meds|medication|painkillers)",
    r"suicide pact|a pact to (?:do it|die|end it|end (?:our|their) lives|kill)|(?:do|end) it together|"
    r"not (?:to )?exist|stop existing|(?:saved|saving|stockpil\w*|hoard\w*|hidden|hiding|collect\w*) "
    r"(?:up )?(?:his|her|their|my) (?:tablets|pills|meds|medication|painkillers)",
)
# Hurting oneself on purpose, often dared online: "rubbing an eraser on her skin until it
# bleeds", "a scar challenge", "found him with a belt round his neck".
SELF_INJURY = _words(
    r"(?:cut|cuts|cutting|burn|burns|burning|burnt|burned) (?:him|her|them)sel\w*",
    r"(?:until|till|til) (?:it|they|she|he) (?:bleeds?|bled|bleeding)|self[- ]?injur\w*",
    # a dare being done, not one talked about: "has been doing a scar challenge off TikTok"
    r"(?:doing|did|done|tried|trying|started|attempt\w*) (?:the |a |an |some |this |that )?(?:\S+ )?"
    r"(?:scar|eraser|salt and ice|blade|choking|blackout|pass ?out|fainting) challenge",
    r"(?:skin|arm|arms|wrists?|legs?) (?:is |are |was |were )?(?:raw|bleeding|all cut)",
    r"(?:cuts|scars|burns) (?:all )?(?:up|on|over|along|down) (?:her|his|their) (?:arms?|wrists?|legs?|thighs?)",
    # a dare to cut, and the arm shown: "a group that dares her to cut. she showed me her arm"
    r"dares? (?:her|him|them) to (?:cut|burn)\b[^.]*\.?[^.]*\bshow\w* (?:me|us) (?:her|his|their) "
    r"(?:arms?|wrists?|legs?|thighs?)",
    # a group where children show their wounds: "kids post their cuts and dare each other"
    r"(?:post\w*|shar\w*|compar\w*|show\w*|send\w*) (?:pics of |photos of |pictures of )?(?:their|her|his) "
    r"(?:cuts|scars|wounds|burns)",
    # "she's live on Instagram showing cuts"
    r"live (?:on \w+ )?(?:showing|with) (?:her |his |their |fresh |new )?(?:cuts|scars|wounds|burns|blood)",
)
LIGATURE = re.compile(
    r"\b(?:belt|rope|cord|scarf|lead|tie|string|cable|ligature|dressing gown cord)s? (?:\S+ ){0,2}"
    r"(?:round|around) (?:his|her|their|my) (?:own )?neck\b|\bnoose\b|"
    r"\b(?:found|find|hidden|hiding) (?:a |some )?(?:rope|ligature)s? (?:\S+ ){0,2}(?:in|under|behind) "
    r"(?:his|her|their|my \S+?'?s?) (?:wardrobe|room|bed|drawer|cupboard|bag)"
)
# Any sign of a risk to a child's life, for ``names_a_danger``: the above and the words
# the patterns weigh in context.
SELF_HARM = _words(
    _inner(WANTS_TO_DIE),
    r"kill (?:him|her|them|my)sel\w*|end (?:it|his life|her life|their life)|cutting|kys",
    _inner(SELF_INJURY),
)


OVERDOSE = _words(
    r"overdos\w*|(?:took|taken|takes|swallowed|downed|had) (?:a load of|loads of|lots of|a lot of|"
    r"a whole (?:\S+ )?(?:box|packet|bottle|strip) of|(?:a|the) (?:box|packet|bottle|strip|handful) of|"
    r"all (?:of )?(?:the|her|his|my|their) |(?:her|his|my|their) (?:mum'?s|mom'?s|dad'?s|nan'?s|gran'?s|"
    r"parents'?|grandma'?s) |(?:[5-9]|\d\d+|ten|twenty|fifteen|a dozen|some of (?:my|her|his|the)) )\s*(?:\S+ ){0,2}"
    r"(?:pills|tablets|paracetamol|ibuprofen|painkillers|meds|medication|antidepressants|sleeping pills|"
    r"sleeping tablets)",
)


def _overdose(text: str) -> bool:
    """A child who has swallowed a quantity of pills: urgent whatever led to it."""
    return bool(OVERDOSE.search(text) and CHILD_OR_PRONOUN.search(text))


def _self_harm(text: str) -> bool:
    """Talk of dying, or hurting oneself, after something online: pictures, messages, dares."""
    linked = (
        IMAGE.search(text) or ONLINE.search(text) or SHARED.search(text) or EXTORTION.search(text)
    )
    hurt = WANTS_TO_DIE.search(text) or SELF_INJURY.search(text)
    return bool(hurt and CHILD_OR_PRONOUN.search(text) and linked)


# Content that tells a child to starve, and a body giving way: "her pro-ana group says don't
# eat, she's fainted twice".
STARVING_CONTENT = _words(
    r"pro-?ana|pro-?mia|thinspo\w*|meanspo\w*|(?:says?|told|tells) (?:her|him|them) (?:not to|don'?t) eat"
)
BODY_GIVING_WAY = _words(
    r"faint\w*|passed out|collaps\w*|(?:stopped|not|isn'?t|hasn'?t been) eating|hasn'?t eaten|"
    r"in hospital|(?:heart|chest) (?:racing|pains?)",
)


# A tormented child gone to a place to end it, not back: "he told me he's going to the bridge.
# Still not back." Online torment is the link; "going to the river with friends" has none.
DANGER_PLACE = _words(
    r"(?:going|gone|went|heading|headed|walked|walking) (?:off )?(?:down |up )?to the (?:bridge|"
    r"cliffs?|cliff edge|train tracks|railway(?: line| tracks)?|tracks|quarry)(?! (?:club|game|match))",
)
NOT_BACK = _words(
    r"(?:still )?not (?:back|home)(?! (?:till|until|before|yet\b[^.]*\bfine))|hasn'?t (?:come back|come "
    r"home|returned)|not answering|can'?t (?:find|reach) (?:him|her|them)",
)


def _gone_to_a_place_to_die(text: str) -> bool:
    return bool(
        DANGER_PLACE.search(text)
        and NOT_BACK.search(text)
        and ONLINE.search(text)
        and CHILD_OR_PRONOUN.search(text)
    )


# Told to die, and agreeing: "'nobody likes you, do everyone a favour' messages every night.
# Tonight she wrote 'ok i will' back". The taunt alone is bullying; the answer is the danger.
TOLD_TO_DIE = _words(
    r"do (?:every ?one|every ?body|the world|us all) a favou?r|kill (?:your|ur)sel\w*|kys|go die|"
    r"unalive (?:your|ur)sel\w*|no ?one would miss (?:you|u)|(?:world|everyone)(?:'d| would) be better "
    r"(?:off )?without (?:you|u)",
)
AGREED = _words(
    r"(?:wrote|said|replied|answered|texted|typed|sent|put) (?:\S+ )?(?:back )?'?(?:ok|okay|fine|i will|"
    r"i'?ll do it|maybe i will|i might|you'?re right|ur right|i know)\b",
)


def _agrees_to_die(text: str) -> bool:
    return bool(TOLD_TO_DIE.search(text) and AGREED.search(text) and CHILD_OR_PRONOUN.search(text))


def _starving_after_content(text: str) -> bool:
    return bool(
        STARVING_CONTENT.search(text)
        and BODY_GIVING_WAY.search(text)
        and CHILD_OR_PRONOUN.search(text)
    )


def _ligature(text: str) -> bool:
    """A child found with something round the neck: a choking dare or worse, online or not."""
    return bool(LIGATURE.search(text) and CHILD_OR_PRONOUN.search(text))


# In order: the first kind that fits names the crisis.
RULES: List[Tuple[str, Callable[[str], bool]]] = [
    ("sextortion", _sextortion),
    ("sextortion", _money_or_else),
    ("sextortion", _sextortion_named),
    ("sextortion", _pictures_held_over_child),
    ("image_shared", _image_shared),
    ("image_shared", _private_picture_exposed),
    ("abuse_material", _abuse_material),
    ("abuse_material", _store_of_child_images),
    ("abuse_material", _store_of_young_looking_children),
    ("covert_recording", _covert_recording),
    ("covert_recording", _camera_exposed),
    ("covert_recording", _device_hidden_in_private_place),
    ("covert_recording", _hidden_device_recording_near_child),
    ("covert_recording", _strange_camera_in_childs_room),
    ("covert_recording", _camera_aimed_where_children_sleep),
    ("covert_recording", _filmed_with_camera_glasses),
    ("covert_recording", _stranger_filming_child),
    ("covert_recording", _stranger_streaming_children),
    ("covert_recording", _disguised_camera),
    ("covert_recording", _children_undressed_filmed),
    ("covert_recording", _directed_on_stream),
    ("abuse", _solicitation),
    ("abuse", _adult_asks_child_for_pictures),
    ("abuse", _asks_child_for_undressed_pictures),
    ("abuse", _secret_contact),
    ("meeting", _meeting),
    ("missing", _missing),
    ("missing", _gone_to_meet_someone_unknown),
    ("missing", _driven_off_by_someone_unknown),
    ("missing", _somewhere_else_than_said),
    ("self_harm", _self_harm),
    ("self_harm", _overdose),
    ("self_harm", _deadly_challenge),
    ("self_harm", _ligature),
    ("self_harm", _starving_after_content),
    ("self_harm", _gone_to_a_place_to_die),
    ("self_harm", _agrees_to_die),
]


# A child who has watched or searched for pornography meets harmful content (guidance);
# it is a danger when someone sends it to them, which the solicitation rules catch.
_PORN = re.compile(r"\bporn\w*")
_PORN_VIEWED = re.compile(
    r"\b(?:watch\w*|view\w*|found|find|finding|seen|saw|look(?:ed|ing)? at|search\w*|"
    r"history|brows\w*)\b(?:\s+\S+){0,6}\s+porn|\bporn\w*(?:\s+\S+){0,6}\s+(?:history|sites?|"
    r"websites?|searches|videos)\b"
)

_PORN_SENT = re.compile(r"\b(?:sen[dt]\w*|show(?:ed|n|ing|s)?|shar\w*|made (?:him|her|them))\b")


def names_a_danger(normalised_text: str) -> bool:
    """True when the message names something a crisis is made of (not just worry words)."""
    text = normalised_text
    if _PORN_VIEWED.search(text) and not _PORN_SENT.search(text):
        text = _PORN.sub(" ", text)
    return bool(
        SEXUAL_STRICT.search(text)
        or EXTORTION.search(text)
        or SELF_HARM.search(text)
        or ABUSE_MATERIAL.search(text)
        or (RECORDED.search(text) and IN_SECRET.search(text))
        or (MEETING.search(text) and ONLINE.search(text))
    )


def crisis_by_concepts(normalised_text: str) -> Optional[str]:
    """The kind of crisis whose ideas the message combines, if any (framing not checked)."""
    for category, applies in RULES:
        if applies(normalised_text):
            return category
    return None


# Anything a crisis is told with: a sexual word, a picture or camera, an adult or stranger,
# a threat, money, a meeting, secrecy, a private place, going missing, self-harm, abuse
# material. A classifier trained on frightened messages can be sure of a crisis in "her
# brother is 11 and wants instagram too"; with none of these, no crisis is being told.
_ALARM = (
    SEXUAL_BROAD,
    IMAGE,
    PLAIN_ADULT,
    THREAT,
    EXTORTION,
    MONEY,
    RECORDED,
    IN_SECRET,
    PRIVATE_PLACE,
    MEETING,
    MISSING_NOW,
    SECRECY,
    SELF_HARM,  # WANTS_TO_DIE's words included
    ABUSE_MATERIAL,
    CAMERA,
    # Fear, urgency and harm in the parent's own words.
    _words(
        r"help|urgent\w*|emergency|scared|terrified|frightened|panic\w*|police|crying|in tears",
        r"hurt\w*|kill\w*|die|dying|dead|suicid\w*|cutting|abus\w*|rap(?:e|ed|ing)|touch\w*",
        r"groom\w*|stalk\w*|hack\w*|track\w*|weapons?|knife|gun|drugs?|pills|overdos\w*",
        r"hospital|ambulance|gone|can'?t find|not (?:back|home)|address|his room|her room",
    ),
)


# Someone a crisis happens to: a child, a pronoun, or a young writer ("i'm 14"). "Me" and
# "us" alone are the writer, usually an adult ("send me an uber now for four people").
_SOMEONE = _words(
    _inner(CHILD_OR_PRONOUN),
    r"they|them|him|her|i'?m \d{1,2}|im \d{1,2}|toddlers?|bab(?:y|ies)|little ones?|infants?",
)


def tells_of_any_danger(normalised_text: str) -> bool:
    """True when the message tells of a danger (``_ALARM``) and of someone it happens to.

    "Do I have any meetings today?" tells of neither.
    """
    return bool(_SOMEONE.search(normalised_text)) and any(
        pattern.search(normalised_text) for pattern in _ALARM
    )
