"""When alarming words are no emergency: how a message is framed.

The crisis patterns (``bot.safety.crisis``) look for a child in danger now. Many messages use
the same words for something else: a definition ("what does sextortion mean?"), a worry with
nothing happened, prevention and settings, news and school letters, a hypothetical, a past
event dealt with, someone else's story or one on screen, a teenager's figure of speech. The
rules here recognise those framings, and the urgency ("right now", "just found") that
outweighs them. The NLU safety net (``bot/nlu/safety_net.py``) also uses them to turn the
classifier's crisis on such a message back into guidance.
"""

from __future__ import annotations

import re
from typing import Optional

from bot.knowledge.ages import ages_in_text
from bot.safety.concepts import (
    EXTORTION,
    IMAGE,
    MONEY,
    PLAIN_ADULT,
    SEXUAL_BROAD,
    SHARED,
    THREAT,
    names_a_danger,
)

# Framings that make a message a general question rather than a live situation.
_GENERAL_QUESTION = re.compile(
    # a definition ("what's CSAM?", "what is that and should I worry?"), not "...what are the
    # immediate steps?" or "what's the number for the police?"
    r"\b(?:(?<!of )what (?:is|are|does)|(?<![a-z] )what'?s) (?!(?:my|the|our) (?:next|first|"
    r"immediate|right|safest|quickest)|(?:the )?(?:next |first )?steps\b|the best thing to do|the (?:procedure|process|protocol|police)|(?:the )?(?:\S+ )?"
    r"(?:number|line|helpline|hotline)\b|(?:i|we) )|"
    # news and hypotheticals: "the BBC had a piece on", "if someone from a game asked him"
    r"\b(?:had|did|ran) (?:a|an) (?:piece|segment|feature|report|item|story) (?:on|about)|"
    r"^if (?:someone|somebody|a stranger|anyone|a man|a person|they)\b|"
    # "My son is 16. If somebody asks him for money ..., what must he do?"
    r"[.!?] if (?:someone|somebody|anyone|a stranger) (?:ever )?(?:asks|demands|wants|threatens|tries|"
    r"sends|messages)\b|"
    r"\b(?:what happens if|what to do if|what if|in case|"
    r"(?:^|[.!?] )why (?:do|does|would|are|is|might|should) (?:young people|teens|teenagers|kids|children|"
    r"people|girls|boys|so many|teenage (?:boys|girls))|"
    # about the phenomenon itself: "why is sextortion now called a scam", "are boys groomed as
    # often as girls", "sextortion is a big problem now", "is sharing a nude of an under-18 a crime"
    r"^why (?:is|are|has|have) (?:sextortion|grooming|sexting|online (?:grooming|blackmail|abuse))\b|"
    r"^(?:are|do|is) (?:boys|girls|kids|children|teens|teenagers|young people)\b(?! (?:at|in|on) )|"
    r"(?:more|most|less|especially|particularly) (?:at )?risk of|kids like (?:her|him|them)|"
    r"(?:is|are|'s) (?:a |such a )?(?:big|huge|growing|real|major|serious) (?:problem|issue|thing|worry)"
    r"(?: now| these days| nowadays)?(?=\W*$)|"
    r"^(?:is|are) (?:it )?(?:sharing|sending|having|making|taking|posting|receiving|keeping|forwarding|"
    r"sexting|asking for) (?:\S+ ){0,10}(?:a crime|a criminal offen[cs]e|illegal|against the law)\b|"
    r"\bnews (?:story|report|item|article|piece)|read (?:a|an|the) (?:story|report|article)|"
    r"(?:i'?ve|i have|we'?ve|we have|i|we) heard (?:that |scammers |they |people |predators |groomers )|"
    r"\busual (?:pattern|way|thing|story|approach)|is (?:this|that|it) (?:correct|right|accurate|true)(?=\W*$)|"
    r"(?:do|does|will|would) (?:the |these |those )?(?:\S+ )?(?:blackmailers|scam+ers|criminals|"
    r"predators|groomers|sextortionists) (?:really|actually|usually|ever|always)|"
    r"do they (?:really|actually|usually|ever|always|often|threaten|send|post|follow)|"
    r"^is there (?:any |much |a lot of )?(?:\S+ ){0,3}(?:content|stuff|videos?)\b(?: \S+){0,6} (?:kids|children|teens|"
    r"young people|they|she|he) (?:can|could|might) (?:find|see|come across|stumble)|"
    r"wh?at signs|which signs|\bsigns (?:someone|somebody|there)|what (?:a|an|the) (?:word|emoji|phrase|term) meant|"
    # how it works, and keeping it away: "how do police find people who share...", "how can
    # a deepfake of a child be made", "best way to stop photos being used by nudify apps"
    r"how (?:do|does|can|would) (?:the )?police (?:\S+ )?(?:find|catch|track|trace|identify)|"
    r"how (?:can|could|is|are|do|does) (?:a|an|these|those|such) (?:\S+ ){0,6}(?:be )?(?:made|created|"
    r"generated|faked)\b|(?:best|a good|good|the|any|quickest) ways? to (?:stop|prevent|protect|avoid|keep)|"
    r"(?:protect|stop|keep) (?:\S+ ){0,4}from being|\bto prevent\b|"
    r"(?:should|would|might|could) make (?:me|us|a parent|parents) (?:worry|suspect|think)|"
    r"(?:exists?|is there|are there)(?: an?| any)? (?:app|tool|setting|filter)s? (?:which|that|to|for) (?:can )?"
    r"(?:detect|blur|block|filter|find|check|scan|spot)|(?:app|tool)s? (?:for|to) (?:detect|find|check|scan|"
    r"spot)|keep (?:\S+ ){0,4}away from|enough to (?:keep|stop|block|protect)|"
    r"die (?:from|of) (?:shame|embarrassment|cringe)|\bi picture\b|"
    r"(?:doesn'?t|does not|didn'?t|did not|hasn'?t|has not|never) (?:say|said|mention(?:ed)?|talk(?:ed)? "
    r"about) anything\b|accidentally (?:finding|seeing|coming across|stumbling)|is (?:that|it) (?:even )?likely|"
    r"is it (?:ok|okay|legal|allowed|fine|wrong) (?:for (?:me|us) )?to (?:use|install|put|set up|hide)|"
    r"can (?:parents|i|we) be (?:prosecuted|charged|arrested|sued|fined|held responsible)|"
    # the past, over: "when my son was 12 someone asked him...", "a bad patch in year 9, doing great now"
    r"when (?:my|our|his|her) \S+ (?:was|were) (?:\d{1,2}|younger|little|small|in (?:yr|year|grade))\b|"
    r"(?:he'?s|she'?s|hes|shes|they'?re) (?:doing|been doing) (?:great|brilliantly|much better|so much better)|"
    r"a (?:bad|rough|difficult|hard) (?:patch|time|spell) (?:with|in|last)|everything (?:was|went) (?:fine|ok|okay|well)|"
    # "my ex still has pics of me from when we were together as adults"
    r"\bas adults\b|"
    r"so (?:my|our|the) (?:\S+ )?(?:children|kids|son|daughter|child|boys|girls)s? (?:never|don'?t|won'?t|can'?t)|"
    r"missing in action|sell (?:her|his|my|their) soul|"
    r"(?:lesson|assembly|workshop|session) (?:ideas?|plans?)|teaching (?:\S+ ){0,4}(?:why|how|about)|"
    r"why (?:do |the )?(?:teenagers|teens|kids|children|young people|people) (?:share|post|send|watch)|"
    r"how much (?:\S+ ){0,3}(?:content|porn|"
    r"pornography|stuff) do (?:kids|children|teens|teenagers|young people)|"
    r"(?:a|his|her|their|one of (?:his|her|their)) (?:friends?|mates?|classmates?|cousins?) showed (?:him|her|them) "
    r"(?:porn|a porn)|"
    r"how (?:do|does|can|could|would|should) (?:i|you|we|parents|people)\s+(?:know|tell|spot|"
    r"recogni[sz]e|prevent|protect|avoid)|signs? (?:of|that)|warning signs|how common|"
    r"statistics?|if (?:ever|(?:i|we|you|he|she|they|it|this|someone|my \S+|my) ever)|"
    r"how (?:do|does) \S+(?: \S+)? (?:start|work|happen)|\bwarn|"
    r"what (?:do|does) \S+(?: \S+){0,4} mean|"
    r"ever (?:gets?|happens?|is|was)|can (?:someone|people|you|they|predators|scammers)|"
    r"talk (?:to|with) (?:\S+ ){1,2}about|conversation about|explain|"
    r"if (?:a|your|any) (?:child|kid|teen(?:ager)?|young person|minor)|is it (?:a crime|illegal|against the law)|"
    r"how (?:do|can|should|would) i (?:talk|bring|raise|start|approach|discuss|support)|"
    r"before (?:someone|anyone|anything|they|it)|last year|months ago|years ago|a while ago|"
    r"it'?s over|in the past|when (?:he|she) was (?:younger|little|\d{1,2})|"
    # "has that ever happened", not "videos no one should ever see"
    r"(?<!only )(?<!should )(?<!could )(?<!would )(?<!must )\bever\b|"
    r"on the news|in the news|the news|in the (?:paper|newspaper|local paper)|story in the|headlines?|programme|documentary|article|read about|"
    r"heard about|saw a post|post going round|a post about|story about|hypothetical\w*|suppos(?:e|es|ing|edly)\b|"
    r"imagin\w*|what would|would (?:my \S+|he|she|i|we|they) (?:get|be)|is it (?:even )?possible|"
    r"how (?:do|does|can|could|would|should) (?:i|we) (?:stop|teach|make sure|keep|help|check)|"
    r"how (?:do|does|can) (?:platforms|apps|sites|companies)|"
    r"^signs?\b|\bsigns (?:your|a|that|of)|if i'?m worried|if (?:i|we) (?:think|suspect|feel)\b|worried (?:that|about)|"
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
    r"(?:with|and) (?:the |a |his |her |their )?(?:\S+ )?(?:staff|teachers?|adults?|coach(?:es)?|other parents|"
    r"leaders?|instructors?|volunteers?|youth workers?) (?:there|present|attending|watching)|"
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
    r"offenders|groomers)|usually(?! (?:the|a|an|so|very|quite|really|such|pretty) )|typically|commonly|\bcommon\b|"
    r"can (?:an? )?(?:ai|apps?|chat ?bots?|ai chat ?bots?|they|someone|people|predators|scammers)|"
    # a rumour, a hoax, a game: "is this real or just scaremongering?", "a chain message saying
    # you'll die tonight", "he's going to blow up her base on roblox"
    r"is (?:this|it|that) (?:a )?(?:real|true)(?: thing)?|scaremonger\w*|rumou?rs?|blow(?:ing)? up (?:her|his|their|my|the) (?:base|world|house|build|city|island)|"
    r"blew (?:it|them|everything)(?: all)? up|"
    r"sibling (?:fight|row|argument)s?|"
    r"so (?:that )?(?:they|it|he|she|the photos?|the pictures?) (?:don'?t|doesn'?t|won'?t|can'?t) "
    r"(?:end up|get|go|appear)|"
    r"(?:should|do) (?:teens|kids|children|parents|i|we) know|(?:get|be|getting) in trouble|"
    r"what happens|is it (?:still )?(?:sextortion|grooming|abuse|blackmail|a crime)|what mean|"
    r"bring (?:it )?up|too (?:early|young)|what age (?:should|to|is)|adverts?|\bads\b|advertis\w*|"
    r"numbers of|how many (?:kids|children|teens|cases|people|parents|reports)|rates? of|"
    r"(?:was|were|got|have been|has been) (?:removed|deleted|taken down)|police dealt|"
    r"(?:it'?s|it is|it was|all|everything(?:'s| is)?) (?:all )?(?:sorted|resolved|over now)\b(?! yet)|turned out (?:she|he|they|it) (?:was|were|had)|\bonce (?:tried|met|sent|had|went)\b|(?:was|were|has been|have been) found (?:safe|unharmed|well|fine|alive|at (?:a|her|his|their|the) |(?:an?|one|two|\d+) \w+ later|later|soon after)|case (?:is )?closed|(?:back|home) safe|"
    r"last (?:year|month|summer|term|spring|autumn|winter)|a while back|already dealt|"
    r"has since|no longer|newsletter|parents'? evening|the teacher (?:said|told)|"
    r"school (?:says|said|told us)|die of embarrassment|(?:i'?ll|she'?ll|he'?ll|they'?ll|"
    r"mum will|dad will) kill (?:me|us|him|her|them)\b|supervised|chaperon\w*|(?:with|and) (?:me|us|i|we) there|"
    r"(?:met|know|spoke to|called) (?:the|his|her|"
    r"their) (?:parents|family|mum|mom|dad)|(?:talk|speak) to (?:him|her|them|my \S+) about|"
    r"how (?:do|should|can|could) (?:i|we) (?:explain|raise|start|approach)|stand for|"
    r"meaning of|what \S+ means|paranoid|overthinking|overreacting|over-?protective|"
    # a worry before anything: "nervous about her getting snapchat", "everyone says men ask
    # kids for pictures on there", "I keep thinking about all the hidden camera stories"
    r"(?:nervous|anxious|uneasy|apprehensive) (?:about|that)|keep (?:thinking|worrying) about|"
    r"(?:everyone|people|they|other parents) (?:says?|tell me) (?:that )?(?:men|predators|strangers|"
    r"people|adults|creeps|kids)\b|(?:all )?(?:the|those|these) (?:\S+ ){0,2}(?:horror )?stories (?:about|of|"
    r"you hear)|(?:camera|news|horror|scary) stories|"
    r"(?:radio|podcast|news article|an article) (?:said|says|about)|reports have|"
    r"tips to (?:stop|prevent|avoid|protect)|reduce the risk|could (?:someone|people|they|anyone)|falling for|so (?:nobody|no one|no-one) can|"
    # settings and plans that keep a danger away: "so predators can't find her location",
    # "is there a way to block naked pictures", "a code word so she can tell us"
    r"so (?:that )?(?:predators|strangers|people|nobody|no one|no-one|anyone|others|he|she|they)\b"
    r"(?: \S+){0,4} "
    r"(?:can'?t|cannot|won'?t)|is there (?:a way|any way|an app|a setting|anything) to (?:automatically )?"
    r"(?:block|stop|filter|prevent|blur|hide)|is there (?:a|an|any) (?:quick |easy |simple |good )?(?:way|app|"
    r"tool|device|gadget) to (?:check|detect|spot|find|scan|sweep)|code ?words?|so (?:she|he|they) (?:can|will|could) "
    r"(?:tell|come to|talk to) (?:us|me)|"
    r"could (?:it|this|that|the app|chatgpt|the bot|the chatbot) (?:ever )?(?:show|send|expose|give)|"
    # a tantrum's threat, not a child gone: "screamed that she'll run away when I turned it off"
    r"(?:threaten\w*|screamed|screams|shouted|shouts|yelled|yells|says|said)\b[^.]{0,40}?\b"
    r"(?:will|'ll|would|'d|to|(?:i'?m|im|i am) going to|(?:i'?m|im|i am)) (?:run|running) (?:away|off)|"
    r"(?:screamed|screams|shouted|shouts|yelled|yells)\b[^.]{0,20}\b(?:going to|gonna|will|'ll) "
    r"kill (?:you|me|him|her|them)\b|"
    # planning at work: "putting together a lesson on self-harm content"
    r"(?:putting together|planning|preparing|writing|designing|creating|updating|reviewing|revising|"
    r"rewriting|drafting) "
    r"(?!to )(?:a |an |our |the )?(?:\S+ ){0,3}(?:lesson|workshop|session|assembly|training|presentation|"
    r"policy|scheme of work|template|procedure|protocol|checklist|inset|cpd|survey|questionnaire|"
    r"staff (?:training|meeting|briefing))|"
    # "I've been asked to talk to 200 Year 7s about sending nudes"
    r"(?:i'?ve|i have|i was|i'?m|i am|we'?ve|we have|we were|we'?re|we are) (?:been )?(?:asked|invited) "
    r"to (?:talk|speak|present|give (?:a|an)|do (?:a|an) (?:talk|session|assembly))|"
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
    r"both (?:mums|moms|dads|parents|families) (?:\S+ )?(?:attend\w*|there|going|coming|present|"
    r"sitting|nearby|at the next)|"
    r"social worker (?:has |had )?(?:verified|checked|vetted|approved)|"
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
    r"(?:^|[,;:(] ?|\b(?:let'?s|lets|just|so|and|but|or|if|what if) )say (?:my|a|your) \S+|literally|dying to|\bhaha\b|\blol\b|"
    r"is it (?:a kind of|a form of|considered)|^if (?:my|a|your|our)\b|"
    r"it'?s actually|turned out to be|(?:we|i) ?(?:'ve|have) met|with (?:both of us|us|me) there|"
    r"video[- ]?called|(?:was|were|got) (?:deleted|removed|taken down|sorted)|(?:dealt|sorted) with|"
    # prevention and readiness: "is it worth checking for hidden cameras", "I want to be ready",
    # "if one of my kids said...", "do they scan everything?", "a real thing or a scary story?"
    r"is it worth|worth (?:checking|looking|getting)|(?:want|like|need) to be (?:ready|prepared)|"
    r"^if one of (?:my|our|the|your)\b|"
    # a child's own curiosity: "is it normal for a 12 year old to ask about periods and sex?"
    r"is it normal for (?:a |an |my |our )?(?:\d{1,2} ?(?:year old|yo)|kids?|children|teens?|"
    r"teenagers?|boys?|girls?|child) (?:\S+ )?to (?:ask|want|be curious|talk|look|search|google|"
    r"wonder)\b|"
    r"^does (?:\S+ ){1,2}mean\b|when (?:kids|teens|teenagers|young "
    r"people) say (?:it|that|this)?\b|do (?:they|platforms|apps|sites) (?:\S+ )?(?:scan|check|"
    r"moderate|detect)|how (?:do|does) (?:\S+ ){1,2}(?:find|detect|scan for|catch|spot) (?:\S+ )?"
    r"(?:abuse|csam|illegal|nude)|\ba real thing\b|just a (?:scary |made[- ]up )?story|urban (?:myth|legend)|"
    # a child's own questions: "questions about his sexuality"
    r"questions about (?:his|her|their) (?:own )?(?:sexuality|gender|body|identity)|"
    # a film's title: "is The Suicide Squad ok for a 12 year old"
    r"suicide squad|"
    # spam, not a person: "spam accounts with sexy profile pics", "porn-bot comments"
    r"porn[- ]?bots?|spam (?:accounts?|bots?|comments?|followers?)|(?:just|only) (?:bots|spam)|"
    # a meeting the parent attends: "I'll sit with them", "with all of us there", "leaders are
    # DBS checked"
    r"(?:i'?ll|i will|we'?ll|we will) (?:\S+ )?sit (?:with|in|nearby)|with (?:all|both) of us there|"
    r"dbs[- ]?check\w*|background[- ]check\w*|"
    # "what should our school's procedure be if...", "our policy for when a pupil tells us"
    r"(?:procedure|policy|protocol|process)s? (?:be|for|if|when|should)|"
    # a meeting others arrange or watch: "the social worker arranged it and will supervise",
    # "I'll be in the café next door", "their Roblox friends are actually their cousins"
    r"(?:(?:i'?ll|i will|we'?ll|we will) (?:\S+ )?|(?:will|'ll|to) )supervise|(?:social worker|school|club|teacher|coach|leader|mum|mom|dad|parents?) "
    r"(?:has |have |had )?(?:arranged|organised|organized) (?:it|the meeting|the visit)|"
    r"(?:i'?ll|i will|we'?ll|we will) be (?:\S+ )?(?:next door|nearby|close by|in the (?:cafe|café|"
    r"coffee shop|shop|car park))|(?:friends?|they) (?:is|are) (?:actually|really) (?:their|his|her|our|"
    r"my) (?:cousins?|family|relatives?|classmates?|neighbou?rs?)|we'?re all meeting|"
    # the place is adults' only: "hidden camera in the staff toilets. It's all adults there"
    r"(?:it'?s|its|they'?re|they are) (?:all|only) adults|no (?:children|kids|minors) (?:there|involved)|"
    r"staff (?:toilets?|loos?|changing rooms?))\b"
)


# The parent says outright that nothing has happened: worry, whatever words it uses.
_NOTHING_HAPPENED = re.compile(
    r"\b(?:nothing(?:'s| has| have)? (?:happened|has happened)|(?:hasn'?t|has not|have not|haven'?t) "
    r"happened|nothing bad has|i'?m just (?:anxious|worried|scared|nervous)|"
    # a meeting called off, a rumour found untrue: "she cancelled and blocked him", "there's no
    # image", "nobody's been hurt"
    r"(?:she|he|they|we) (?:cancell?ed|called (?:it )?off)|we said no\b|"
    r"no (?:kids|children|child|minors?) (?:were |are |was |is )?involved|"
    r"(?:nobody|no one|no-one)(?:'s| is) in (?:any )?danger|(?:she|he|they)(?:'s| is|'re| are) not in "
    r"(?:any )?danger|"
    r"(?:there'?s|there is|there was) no (?:image|photo|picture|video|nude|pic)s?\b|made-?up story|"
    r"nobody'?s (?:actually )?seen (?:anything|it)|(?:nobody|no one|no-one)(?:'s| has) (?:been |got |gotten )?hurt|"
    # "if he's ever blackmailed, do we pay?": a hypothetical, whatever its question asks
    r"^if (?:he|she|they|my \S+|our \S+)(?:'s|'re| is| are| was| were| gets?| got)? ever\b|"
    # "if her nudes ever got leaked, would the school...", "say I found a camera one day"
    r"^if (?:her|his|their|my|our) (?:\S+ ){0,2}ever\b|^say (?:i|we) (?:found|find|discovered|saw|see)\b|"
    # the family's own pictures: "we have loads of photos of our toddler in the paddling pool"
    r"(?:we|i) (?:have|took|take|keep) (?:loads of |lots of |some |a few |many )?(?:photos?|pictures?|"
    r"pics|videos?) of (?:our|my) (?:own )?(?:toddler|baby|babies|little ones?|kids|children)\b|"
    # a teenager's joke, laughed off; a child checked and safe
    r"laugh(?:ed|s|ing)? (?:about )?it off|(?:then|and) laughed about it|"
    r"no (?:suicidal )?thoughts of (?:hurting|harming|killing|suicide|self)|"
    r"(?:gp|doctor|counsell?or|school nurse|therapist) (?:says|said|thinks) (?:it'?s|its|he'?s|she'?s) "
    r"(?:normal|fine|ok|okay)|"
    r"(?:^|[.,;] )no (?:self[- ]?harm\w*|suicidal (?:thoughts|talk)|talk of (?:suicide|self[- ]?harm))\b|"
    r"^what (?:would|could) happen if\b(?![^.?!]*\b(?:now|tonight|today|already|just)\b)|"
    # a meeting the family arranges and attends: "the boy's mum rang me and we're all going
    # bowling together", "the friend's father and I have spoken, we'll meet at the library together"
    r"(?:we'?re|we are|we'?ll|we will|we'?re all|we are all) (?:all )?(?:go|going|meet|meeting)\b"
    r"[^.]{0,40}\btogether\b|"
    r"(?:and i|and we) (?:have |'ve )?(?:spoken|talked|met|been in touch)\b|"
    # a visit the family hosted or sat in on: "the boy's parents hosted and I stayed for coffee"
    r"(?:i|we) stayed (?:for|the whole|with them|there|nearby)|(?:his|her|their|the (?:boy|girl|"
    r"friend|kid)'?s?) parents (?:hosted|were there|were home|were with them)|"
    # injuries with an everyday cause, said to be so
    r"nothing to do with (?:self[- ]?harm\w*|suicide|any of that)|just (?:grazes|scratches|bruises)|"
    r"(?:cuts|scratches|bruises|grazes|scars) (?:\S+ ){0,4}from (?:football|rugby|training|sports?|pe|"
    r"a fall|falling|the cat|the dog|climbing|skating|playing|the trampoline)|"
    # a child's known whereabouts: "gone since 4 at his friend's house"
    r"(?:\bis|'s|been|since \w+) at (?:his|her|their) (?:friend|mate|best friend|gran|nan|granny|"
    r"cousin|dad|mum|mom|grandma|grandad|grandpa|aunt|auntie|uncle)'?s\b|"
    # "it's just mean, not threatening"
    r"(?:not|nothing|no) threat(?:ening|s)?\b|"
    # a meeting both families attend: "both mums staying the whole time"
    r"both (?:mums|moms|dads|parents|families) (?:\S+ )?(?:staying|stay|will stay|are staying|"
    r"attend\w*|present)|"
    # make-up, not pictures: "it's lipstick shades, apparently"
    r"(?:it'?s|its|they'?re) (?:\S+ )?(?:lipsticks?|make-?up|eyeshadows?)\b|"
    # a child teasing a sibling: "'blackmailing' her brother with a screenshot of him singing"
    r"blackmail\w* (?:her|his|their) (?:little |big |younger |older )?(?:brother|sister|sibling)s?\b"
    r"(?![^.]{0,60}\b(?:nudes?|naked|pics? of (?:her|him) in))|"
    # the parent's own word that nothing is going on (not the child's: "she says nothing is")
    r"(?<!says )(?<!said )(?<!claims )(?<!insists )nothing(?:'s| is) (?:going on|happening)|"
    r"\bgrooms? (?:the |our |their |a |her |his )?(?:\S+ )?(?:dogs?|horses?|ponies|pony|cats?)\b|"
    # siblings' threats: "blackmailing each other with 'I'll tell mum'"
    r"(?:blackmail\w*|threaten\w*|expos\w*) each other|i'?ll tell (?:mum|mom|dad)\b|"
    # a meeting the family or a club runs: "both sets of parents there", "the club coach is
    # taking the whole team", "I'm dropping him off and picking him up"
    r"\bi (?:will |'ll |am going to |go )?(?:go |come )?(?:also|too|as well|with (?:him|her|them))\W*$|"
    r"both sets of parents|(?:coach|teacher|club|school|leader)s? (?:is|are|will be) (?:taking|"
    r"bringing|driving|going with)|(?:i'?m|i am|we'?re|we are|i'?ll|i will|we'?ll|we will) "
    r"(?:dropping|driving|taking|picking) (?:him|her|them) (?:off|there|up)|"
    # "I'm going with them", "with me tagging along", "the other mum is meeting us there"
    r"(?:i'?m|i am|we'?re|we are|i'?ll|i will|we'?ll|we will|i'?d|i would) (?:be )?(?:going|coming|"
    r"tagging along|there) (?:with (?:them|him|her)|along|too)|with me tagging along|"
    r"(?:i'?m|i am|we'?re|we are|i'?ll|i will) driving (?:her|him|them)\b|other (?:girl'?s |boy'?s "
    r"|kid'?s |child'?s )?(?:mum|mom|dad|parent)s? (?:is|are|will be) (?:meeting us|coming|there|"
    r"going|too)|(?:the )?other (?:girl|boy|kid|child)'?s (?:mum|mom|dad|parents?) (?:too|as well)|"
    r"(?:i'?ve|i have|we'?ve|we have) met (?:two|both|all|the other|their|his|her) (?:\S+ )?"
    r"(?:of the )?(?:other )?parents|"
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
    r"before anything (?:bad |like that |similar )?(?:happens|could happen)|"
    r"(?:haven'?t|have not|hasn'?t|has not|didn'?t|did not) (?:seen|found|noticed|spotted) anything "
    r"(?:weird|odd|wrong|strange|suspicious|bad|worrying|dodgy|creepy|concerning|alarming)|"
    # planning for what might happen: "in a scenario where a pupil discloses...", "building our
    # flowchart", a governor asking how the school handles incidents
    r"in (?:a|the|this) (?:\S+ )?scenario|scenario where|(?:building|writing|drafting|updating|"
    r"reviewing) (?:our|a|the) (?:\S+ ){0,4}(?:flowchart|flow chart|policy|procedure|protocol)|"
    r"(?:project|theme|themed|awareness|safety|wellbeing) (?:week|day|lesson|unit|session|evening|"
    r"assembly) (?:about|on)\b|which (?:materials|resources|lesson plans|activities) (?:are|would be) "
    r"(?:good|suitable|best|right)|"
    r"(?:i'?m|i am) (?:a |the )?(?:school |parent )?governor|how (?:we|the school|our school|"
    r"schools) (?:handle|deal with|respond to|manage|record) (?:incidents|cases|disclosures|reports)|"
    # a playground rumour the child has not seen: "a kid at school told her about a scary doll
    # ... she hasn't seen it"
    r"told (?:her|him|them) about (?:a|an|this|some|the)\b[^.]{0,80}\.\s*(?:she|he|they) "
    r"(?:hasn'?t|has not|haven'?t|have not|didn'?t|did not) (?:even |actually )?(?:seen|watched) it|"
    # friends' teasing, said to be in fun: "blackmailing her into coming to karaoke, all in fun"
    r"blackmail\w* (?:her|him|them|me|us) into (?:coming|going|joining|singing|dancing|playing|"
    r"watching|helping|buying|doing (?:the )?(?:dishes|chores|washing|karaoke))\b(?=[^.]*\.?[^.]*\b(?:fun|"
    r"joke|joking|banter|kidding|lol|haha))|"
    r"(?:fear|afraid|worried|worry|nervous|anxious|scared|terrified) (?:that )?(?:someone|somebody|"
    r"a stranger|people|strangers|predators|a predator) (?:will|might|could|would|may)\b|"
    r"so (?:that )?(?:nobody|no one|no-one|strangers|predators) (?:\S+ ){0,4}can\b|"
    r"(?:block|filter|hide|restrict|stop)\w* (?:\S+ ){0,3}(?:self[- ]?harm|suicide|porn\w*|sexual|"
    r"violent|adult|nude)\w* (?:content|videos?|searches|posts|sites|images|stuff)|"
    r"so (?:that )?(?:\S+ ){0,2}(?:nudes?|photos?|pictures?|pics|images?|videos?) (?:can'?t|cannot|"
    r"won'?t|don'?t|never)|camera detectors?|detector apps?|"
    r"theoretically|hypothetically|just wondering|genuinely curious|out of curiosity|"
    r"after (?:a|the|this) podcast|if (?:i|we) (?:ever )?(?:found|find|discovered|saw|see|come across|"
    r"came across)\b|in case (?:it|this|that|anything|something) (?:ever )?(?:happens|comes up)|"
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
    r"help us|urgent|please help|pls help|plz help|since (?:this )?morning|since last night|"
    r"(?:scared|terrified)(?! (?:of|that|about|(?:my|she|he|they) (?:\S+ )?(?:might|will|could|would)))|"
    r"panick(?!ed)\w*|what do i do now|what do we do now|what should i do now|"
    r"still (?:posting|sharing|sending|messaging|threatening|asking|demanding|contacting)|"
    # "is a 25 year old asking my 14 year old for nudes illegal?": the law asked about, the request told
    r"\basking (?:my|our) (?:\S+ ){0,3}for (?:nudes?|naked|sexy|nsfw|pics?|photos?|pictures?|videos?)|"
    r"just (?:found|now|happened)|is happening(?! to (?:many|lots|so many|a lot|loads|other|more))|happening now|im being|i'm being|i am being|"
    r"frantic|beside (?:myself|ourselves)|found (?:a|an|the) (?:phone|camera|hidden|folder|lens)(?![^.]{0,60}\blast (?:year|month|summer|week|january|february|march|april|may|june|july|august|september|october|november|december))|"
    r"just (?:noticed|spotted|saw)|number please|(?:party|stream|live|it|chat|call)(?: is|'s)? still going|"
    r"(?:hundreds|thousands|dozens) of views|"
    r"views already|"
    r"(?:i|we)(?:'ve| have)?(?: just)? (?:checked|looked (?:at|on|in)) [^.]{0,60}\bthere(?:'s| is| are| was)|"
    r"(?:i|we|i'?ve|we'?ve|i have|we have) (?:found|discovered|came across|come across|saw|seen|"
    r"noticed|spotted)(?! (?:it |this |that )?(?:on the news|in the news|in a news|"
    r"on the radio|in an article|(?:in |on |under )?(?:an?|the) (?:\S+ )?(?:post|programme|program|"
    r"headline|story|documentary|article|report|news|comments?|video|podcast|show|film|series)|"
    r"in the (?:paper|papers|headlines?|comments)|in (?:the |a )?(?:\S+ ){0,3}(?:times|post|paper|"
    r"herald|guardian|mail|magazine|newsletter)))|just showed (?:me|us)|(?:has|have) just shown (?:me|us)|"
    r"(?:in|within) the (?:last|past) (?:hour|half hour|few (?:hours|minutes)|\d+ (?:hours|minutes|mins))|"
    # "It's still up": the image or stream is out there now
    r"(?:it'?s|its|it is|they'?re|they are|video is|photo is|pics? (?:is|are)) still (?:up|online|live|there|being \w+)|"
    r"(?:it'?s|its|it is|they'?re|they are|(?:video|photo|pic|picture|image)s? (?:is|are)) (?:back (?:up|online|on)|"
    r"up again)|"
    r"(?<!fine )(?<!ok )(?<!okay )(?<!better )(?<!normal )this (?:evening|morning|afternoon)|just now|"
    r"being (?:shared|posted|passed|spread|"
    r"circulated|leaked)|(?:nudes?|pics?|photos?|images?|videos?) (?:\S+ ){0,2}(?:got |have |has |were |"
    r"was )?(?:been )?leaked|"
    # not said of any child: "the signs that a teen is being sextorted"
    r"(?<!a teen )(?<!a teenager )(?<!a child )(?<!a kid )(?<!someone )(?<!a young person )"
    r"(?:is|are|'s|'re|hes|shes|theyre) being (?:blackmailed|sextorted|threatened|extorted|asked|groomed|abused|"
    r"shared|sent|filmed|recorded|passed)|"
    # "he has gone out, and a chat on his Xbox says 'I'll be at the park'"
    r"(?:has|'s) (?:gone|snuck|sneaked|slipped) out\b|"
    # "now they want another £200", "now asking 20000 rupees": the demand goes on
    r"now (?:they|he|she|it|someone|the \w+)(?:'re| are| is|'s)? (?:(?:want\w*|ask\w*|demand\w*) "
    r"(?:more|another|money|cash|[£$€₹]|\d+)|threaten\w*|post\w*|shar\w*|send\w*)|"
    r"now (?:asking|demanding|threatening)\b|"
    # "now they're saying send 200 quid or they show his nudes"
    r"now (?:they|he|she|someone|the \w+)(?:'re| are| is|'s)? (?:saying|telling (?:him|her|them|me))"
    r" (?:\S+ ){0,3}(?:send|pay|or)\b|(?<!lives )(?<!living )(?<!always )on (?:his|her|my|their) (?:phone|laptop|"
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
    r"\b(?:last (?:year|yr|month|summer|spring|autumn|fall|winter|term|week|christmas|easter|january|"
    r"february|march|april|may|june|july|august|september|october|november|december)|"
    r"(?:the )?(?:summer|winter|spring|autumn|year|christmas|easter|term) before last|"
    r"in (?:19|20)\d\d|back in (?:19|20)\d\d|"
    r"(?:\d+|a|one|two|three|four|five|six|a few|a couple of|several) (?:years?|months?|weeks?) "
    r"(?:ago|back)|back in \w+|in the (?:spring|summer|autumn|fall|winter|holidays)|"
    r"earlier (?:this|in the) year|when (?:he|she|they) (?:was|were) (?:younger|little|\d{1,2})|"
    r"(?:it'?s|it has) been (?:quiet|fine|ok|okay|calm) (?:for|since)|"
    r"in (?:january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"in (?:the )?(?:summer|spring|autumn|fall|winter|holidays))\b"
)
# How it was dealt with: reported, blocked, the police involved, the child fine now.
_RESOLVED = re.compile(
    r"\b(?:(?:we|i) (?:blocked|reported|locked|deleted|replaced|binned|reset|told the police|went to the police|called "
    r"the police|rang the police|didn'?t pay|did not pay|never paid)|paid nothing|"
    r"reported (?:it |them |him |her |this )?to|police (?:visited|came|were involved|got involved|"
    r"involved|investigated|dealt|handled|sorted|took it|charged|arrested|are handling|closed)|"
    r"(?:ceop|the police|police|the school|school) got back|(?:being|been|was|were|is) "
    r"(?:all )?(?:handled|dealt with) by|(?:already )?(?:gone|went|been) to (?:the )?police|"
    r"(?:went|gone|complained) to (?:the )?cyber ?(?:crime )?cell|nothing came of it|"
    r"ignored (?:it|them|him|her)|(?:it|that) (?:all )?(?:stopped|blew over|went away)|"
    # "was found safe the same day ... it's all been handled"
    r"(?:was|were|been) found (?:safe|unharmed|well)|found safe|(?:it'?s|it has|it was) all been handled|"
    r"(?:has|have|had) (?:all )?been handled|"
    r"(?:history of|previous placements?)|(?:has|have) since (?:moved|left|grown)|"
    r"nothing (?:was |has been |got )?(?:ever )?(?:posted|shared|leaked|sent)|"
    r"police (?:help\w*|finish\w*|clos\w*)|now (?:he|she|they)(?:'s|'re| is| are) (?:fine|ok|okay|"
    r"better|much better|doing (?:well|better|fine))|"
    r"(?:he|she|they|my (?:son|daughter|child|kid|boy|girl))(?:'s|'re| is| are| seems?) "
    r"(?:now )?(?:absolutely |totally |completely |really |"
    r"doing )?(?:fine|ok|okay|alright|coping|better|doing ok|doing well)|"
    r"counsell?or|therapist|camhs|investigation (?:finished|ended|closed|is over|was closed)|"
    r"(?:is|was) arrested|arrested already|already arrested|"
    r"(?:been )?through (?:the )?courts?|court case|(?:before|until) (?:he|she|they) came to us|"
    r"(?:got|were|was|been|have been|has been) (?:taken down|removed|deleted)|"
    r"(?:was|were|got|been) (?:excluded|expelled|suspended)|"
    r"(?:the kids|kids|they|he|she|everyone) (?:were|was) (?:all )?(?:fine|ok|okay|unharmed|safe)|"
    r"(?:was|is|were|'s) laughing about it|friends (?:rallied|were great|have been great)|"
    r"we (?:talked|sat down|had a (?:long |good )?(?:chat|talk))(?: about it)?|"
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
    r"daughter|child|kid|boy|girl|niece|nephew|grandson|granddaughter|cousin|\d{1,2} ?yo)|"
    # "my sister in Hanoi say her neighbour child was recorded": someone else's child
    r"(?:heard|read|saw|seen) (?:\S+ ){0,3}(?:on|in) the (?:wireless|radio|news|telly|tv|paper|papers)|"
    # "the local paper reported a girl who went missing"
    r"(?:paper|papers|news|radio|telly|tv|bbc|article|reporter)s? (?:\S+ )?(?:reported|ran a story|had a story|"
    r"covered|wrote about)|"
    r"(?:says?|said|told (?:me|us))(?: that)? (?:her|his|their) (?:neighbou?r|friend|colleague|"
    r"sister|brother|cousin)'?s? (?:child|son|daughter|kid|boy|girl|niece|nephew)|"
    # "my friend say her nephew in Germany got a message"
    # "one mother tell us her son was blackmailed": a story told at church or the school gate
    r"(?:one|a|another|some) (?:mother|mum|mom|father|dad|parent|lady|woman|man|family) (?:\S+ ){0,2}"
    r"(?:tell|told|tells|say|said|says)(?: (?:us|me))?(?: that)? (?:her|his|their) (?:son|daughter|"
    r"child|kid|boy|girl)|"
    r"(?:my|a|our) (?:friend|best friend|sister|brother|cousin|neighbou?r|colleague|mate|aunt|uncle) "
    r"(?:say|says|said|told (?:me|us))(?: that)? (?:her|his|their) (?:son|daughter|child|kid|boy|girl|"
    r"niece|nephew|grandson|granddaughter|cousin|\d{1,2} ?yo))\b"
)
# A story on screen: a soap's storyline, a drama, a character in a show.
_FICTION = re.compile(
    r"\b(?:soaps?|storylines?|(?:tv|television) (?:drama|series|show)|drama (?:about|where|in which)|"
    r"(?:a|the) (?:kids'? )?(?:show|cartoon|film|movie) (?:where|about|in which)|"
    r"(?:in|on|watching|watched) (?:a|the) (?:show|film|movie|series|episode|drama)|"
    r"made up for (?:tv|telly)|on netflix|one of the characters|the characters?|"
    r"(?:a|the) (?:novel|book|crime series|film|movie) (?:about|where|in which)|"
    r"(?:in|from|watching|watched|saw) (?:a|the) (?:novel|book|crime series|film|movie)\b|"
    r"read (?:a|the) book|in an? \w+ (?:crime )?series|"
    r"(?:devised |school |drama |class )?(?:piece|play|production|script|musical) (?:is )?(?:about|where|"
    r"in which))\b"
)
# What says it is going on now, however the rest is framed.
_GOING_ON = re.compile(
    r"\b(?:right now|tonight|just now|(?<!fine )(?<!ok )(?<!okay )(?<!better )(?<!normal )"
    r"this (?:morning|evening|afternoon)|is happening|happening now|"
    r"rn|an? hours? ago|minutes ago|still (?:happening|going on|messag\w+|send\w+|ask\w+|"
    r"threaten\w+|post\w+|contact\w+|shar\w+|circulat\w+|online|up|out there|missing|"
    # "still not home", not "still not want his phone" (a child still shaken, later)
    r"not(?! (?:want|wants|like|likes|sleep\w*|eat\w*|himself|herself|themselves|the same|"
    r"ready|keen|interested|confident|happy|comfortable)\b))|"
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
    if _HOAX.search(message) or _family_snapshot(message):
        return True
    lowered = text.lower()
    # Normalised a second time only when a quoted search is there to drop (rarely).
    unquoted = (
        normalise(_QUOTED_SEARCH.sub(" ", lowered)) if _QUOTED_SEARCH.search(lowered) else message
    )
    # "what should make me worry that my son is being blackmailed?" wonders; it tells nothing.
    return bool(_GENERAL_QUESTION.search(unquoted)) and not _HAPPENING_NOW.search(
        _WONDERED.sub(" ", message)
    )


# What a parent wonders or fears, not what they tell: "worry that my son is being blackmailed",
# "how would I know if she was being groomed".
_WONDERED = re.compile(
    r"\b(?:(?:worry|worried|wonder|wondering) (?:that|if|whether)|(?:tell|check|spot|know) (?:if|whether)) "
    r"(?:my|our|a|the|her|his|their)? ?\S+ (?:is|are|was|were) being \w+"
)


# A child's search, quoted, is not the parent's question: "his search history is all 'what
# happens if nudes leak'" tells what he looked up, not a hypothetical of the parent's.
_QUOTED_SEARCH = re.compile(
    r"\b(?:search\w*|history|googl\w*|typed|looked up)\b(?: \S+){0,3}? ['\"\u2018\u201c]\w"
    r"[^'\"\u2019\u201d]{1,80}['\"\u2019\u201d](?=[\s.,!?;:]|$)"
)


# How a parent asks for everyday advice: "any tips?", "good idea?", "is that normal at 3?".
# Weak evidence next to a pattern, but it outweighs the classifier's word alone.
_EVERYDAY_ADVICE = re.compile(
    r"\b(?:any tips|tips (?:for|on)|thoughts\??$|any (?:\S+ )?advice\??$|am i being \w+|"
    r"good idea|is (?:that|this|it) (?:fine|ok|okay|normal|alright)|any good|recommend\w*|(?:quick|best|easy|simple) ways? to|"
    r"can (?:we|i) (?:post|share|put up) (?:photos|pictures|pics)|should (?:i|we) "
    r"(?:post|let|allow|get|buy)|on by default|^how to\b|^so your (?:child|kid|teen)|can i post|"
    r"is (?:it|this|that) a scam|^(?:books?|apps?|games?|resources?|videos?) (?:for|about)|"
    # "he 'stabbed' his sister in the game", "screaming 'he killed me' at Fortnite"
    r"(?:kill\w*|stab\w*|shot|shoot\w*|murder\w*|hunt\w*)['\"]?(?: \S+){0,4} (?:at|in|on|playing) (?:the game|a "
    r"game|fortnite|among us|minecraft|roblox|cod|call of duty|gta|warzone|valorant|apex|overwatch)|"
    r"is (?:that|this|it) (?:risky|a risk|dangerous|a worry|worrying|a problem)\W*$|"
    # "Is that game scary for 12?", "How do I set a better one?" (a passcode)
    r"is (?:that|this|the) (?:game|app|show|film|movie|series)(?: itself)? (?:too |very |really )?(?:scary|"
    r"ok|okay|suitable|appropriate|violent|safe|bad)|(?:set|choose|pick|make) (?:up )?a (?:better|new|stronger|safer) "
    r"(?:one|passcode|password|pin)|"
    # sharing family photos: "I like putting photos of the grandchildren on Facebook"
    r"(?:putting|posting|sharing|put|post|share) (?:\S+ ){0,2}(?:photos?|pictures?|pics) of (?:the |my |our )"
    r"(?:grand\w+|kids|children|baby|babies|son|daughter|little ones)|"
    r"is (?:the|this|that) (?:game|app|site|platform)(?: itself)? (?:bad|ok|okay|safe|suitable|dangerous)|"
    r"(?:one of the|one of those) bad ones|"
    # "how to make my daughter's account private", "how does the appeal process work", a prank
    r"how (?:to|do i|can i|do you) (?:make|set|keep) (?:\S+ ){0,3}(?:account|profile|page|videos?) "
    r"(?:private|public)|appeal\w*|unban\w*|prank\w*|harmless fun)"
)


def asks_for_everyday_advice(text: str) -> bool:
    """True for a request for everyday tips with nothing said to be happening now."""
    message = normalise(text)
    return bool(_EVERYDAY_ADVICE.search(message)) and not _HAPPENING_NOW.search(message)


# Pictures whose subject is said and harmless: "pictures of her face with dog ears on it",
# "selfies with her friends at the park", "videos of the cat". A classifier that has seen
# many frightened messages about pictures can be sure of a crisis in them.
_ORDINARY_PICTURES = re.compile(
    # "filmed her hamster", "photographed the cake"
    r"\b(?:filmed|filming|films|photographed|recorded|videoed) (?:her|his|their|my|our|the)\s+(?:\w+\s+){0,2}?"
    r"(?:dog|dogs|cat|cats|pets?|hamster|rabbit|horse|pony|drawings?|art|lego|cake|baking|garden|"
    r"goldfish|fish|guinea pigs?|puppy|kitten|tricks?|routine|dance)\b|"
    r"\b(?:pics?|pictures?|photos?|selfies?|snaps?|videos?|vids?|clips?)\s+"
    r"(?:of (?:her|his|their|my|our|the)\s+(?:\w+\s+){0,2}?(?:face|faces|food|dinner|lunch|"
    r"dog|dogs|cat|cats|pets?|hamster|rabbit|horse|pony|drawings?|art|lego|nails|hair|outfits?|"
    r"garden|room makeover|cake|baking|holiday|trip|team|match|game|school play|concert)\b|"
    r"(?:with|using) (?:a |the )?(?:\w+ )?(?:filters?|lenses|dog ears|bunny ears|stickers?|"
    r"face swaps?)\b|"
    r"(?:from|of) (?:the |our |her |his )?(?:holiday|birthday party|school trip|sports day|"
    r"swimming gala|nativity|christmas|wedding)\b)"
)


# A family snapshot of a baby or toddler with nothing on, kept in the family: "a picture of
# my granddaughter, she's 2, running about naked on the beach. Can I put it on the fridge?"
# The nakedness is a small child's; what the parent asks is where such a photo may go.
_LITTLE_ONE = re.compile(
    r"\b(?:bab(?:y|ies)|toddlers?|little ones?|newborns?|infants?|(?:is|'s|are|aged|age) (?:only |"
    r"just )?(?:[1-4]|one|two|three|four)\b(?! ?(?:min|hour|sec|day|week|month|am|pm|%|:|\.\d))|"
    r"(?:[1-4]|one|two|three|four)[- ]?(?:yo|y/o|years?[- ]old|yrs?[- ]old|year[- ]olds?)\b)"
)
_FAMILY_PLACE = re.compile(
    r"\b(?:fridge|frames?|photo album|album|family (?:group|chat|album)|grandma|granny|gran|nana|"
    r"grandad|grandpa|on the wall|printed?|keepsake)\b"
)


def _family_snapshot(message: str) -> bool:
    out_of_family = (PLAIN_ADULT, THREAT, EXTORTION, MONEY, SHARED)
    return bool(
        _LITTLE_ONE.search(message)
        and IMAGE.search(message)
        and _FAMILY_PLACE.search(message)
        and not any(p.search(message) for p in out_of_family)
    )


def shows_ordinary_pictures(text: str) -> bool:
    """True when the only pictures told of are everyday ones, with nobody pressing for them."""
    message = normalise(text)
    if _family_snapshot(message):
        return True
    if not _ORDINARY_PICTURES.search(message) or names_a_danger(message):
        return False
    return not any(p.search(message) for p in (SEXUAL_BROAD, PLAIN_ADULT, THREAT, EXTORTION, MONEY))


# A teenager's figures of speech: "she's 'dead inside' after her mocks", "I'm literally dead".
_FIGURATIVE = re.compile(
    r"\b(?:dead inside|(?:i'?m|im|i am) (?:literally |actually )?(?:dead|dying)\b(?! to\b)|"
    r"dying (?:of|from) (?:embarrassment|boredom|laughter|cringe)|(?:that|it|this) (?:literally )?"
    r"kill(?:s|ed)? me|kill(?:s|ing)? me (?:with|when)|so embarrass\w+ (?:i|she|he) could die)"
)


def speaks_figuratively(text: str) -> bool:
    """True when the alarming words are a figure of speech and no danger is named beside them."""
    message = normalise(text)
    in_earnest = without_jests(message)
    if in_earnest != message:
        return not names_a_danger(in_earnest)
    return bool(_FIGURATIVE.search(message)) and not names_a_danger(message)


# A threat to oneself made in jest, with the light-hearted evidence beside it: "he said he'd
# kill himself if I make him go to his cousin's christening. He's been laughing with his
# mates all evening". Without that evidence a child's words about dying are taken seriously.
_JEST = re.compile(
    r"\b(?:he|she|they)(?:'d| would|'ll| will) (?:rather )?(?:kill (?:him|her|them)sel\w*|die) if "
    r"(?:i|we|you) (?:make|made|force|forced|take|took|send|sent|ban|banned|stop|stopped)\b[^.,;]*|"
    # what comes after "joked that": "joked that nobody would miss him at the wedding"
    r"\b(?:joked|jokes|joking|kidding|said as a joke)(?: to (?:me|us|his \S+|her \S+))? (?:that )?[^.,;]*"
)
_LIGHT_HEARTED = re.compile(
    r"\b(?:laugh\w*|joking|joked|kidding|winding (?:me|us) up|being dramatic|drama queen|lol|haha)\b"
)


def without_jests(message: str) -> str:
    """The normalised message without a threat to self said in jest, if it says it was one.

    Only that clause goes: anything else the message tells is still weighed.
    """
    if not _LIGHT_HEARTED.search(message):
        return message
    return " ".join(_JEST.sub(" ", message).split())


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


# "Colleague's 20-year-old got her photos leaked": every age named is an adult's, and no child
# is named. Adults have other routes; the classifier's crisis is not this assistant's.
_AGE_NAMED = re.compile(r"\b(\d{1,2}) ?-?(?:year ?-?olds?|yrs? ?-?old|yo|y/o)\b")
_ANY_CHILD = re.compile(
    r"\b(?:sons?|daughters?|kids?|child|children|boys?|girls?|teens?|teenagers?|pupils?|students?|"
    r"grand(?:son|daughter|child|kid)\w*|nieces?|nephews?|minors?|under-?age|school|year \d{1,2}|"
    r"sisters?|brothers?|siblings?|little ones?|bab(?:y|ies)|toddlers?|tweens?)\b"
)


def about_adults_only(text: str) -> bool:
    """True when every age the message names is 18 or over and it names no child."""
    message = normalise(text)
    ages = [int(age) for age in _AGE_NAMED.findall(message)] + ages_in_text(message)
    return bool(ages) and min(ages) >= 18 and not _ANY_CHILD.search(message)
